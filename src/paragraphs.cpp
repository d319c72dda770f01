#include <algorithm>
#include <cstring>

#include "builder.hpp"
#include "memory.hpp"
#include "text.hpp"

namespace gongwen::detail {

namespace {

constexpr std::string_view ideographic_space = "\xE3\x80\x80";  // U+3000

void push_piece(std::string_view text, std::size_t b, std::size_t e, std::uint32_t line,
                bool& first, bool& blank_before, std::vector<paragraph>& out) {
  trim(text, b, e);
  if (b >= e) return;
  out.push_back({static_cast<offset>(b), static_cast<offset>(e), line, first, blank_before});
  first = false;
  blank_before = false;
}

}  // namespace

void split_paragraphs(std::string_view text, std::vector<paragraph>& out,
                      std::vector<offset>& line_starts, std::size_t no_cr_before) {
  out.clear();
  line_starts.clear();
  const std::size_t n = text.size();
  // Room for a line every 64 bytes, on huge pages for a large text; shorter lines
  // grow the arrays as usual.
  reserve_large(out, n / 64 + 16);
  reserve_large(line_starts, n / 64 + 16);
  std::size_t pos = 0;
  std::uint32_t line = 0;
  bool blank_before = false;
  // The next LF and the next CR at or after pos, each searched for again only once
  // passed, so that all the searches together read the text once (a text with CR
  // line ends and no LF must not be scanned to its end for every line).
  auto next_of = [&](char c, std::size_t from) {
    const void* hit = std::memchr(text.data() + from, c, n - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) : n;
  };
  std::size_t next_cr = next_of('\r', std::min(no_cr_before, n));
  read_ahead ahead(text);
  while (true) {
    ahead.at(pos);
    line_starts.push_back(static_cast<offset>(pos));
    ++line;
    if (next_cr < pos) next_cr = next_of('\r', pos);
    // The line ends at the next LF or CR; runs of two or more U+3000 cut it.
    bool first = true;
    const std::size_t before = out.size();
    std::size_t piece = pos;
    std::size_t eol = next_cr;
    for (std::size_t i = pos;;) {
      // The line's end and the spaces that may cut it, found in one pass.
      const std::size_t at = find_byte_or_chars3<'\n', U'\u3000'>(text, i, next_cr);
      if (at >= next_cr || text[at] == '\n') {
        eol = at;
        break;
      }
      std::size_t run_e = at;
      std::size_t count = 0;
      while (run_e + 3 <= next_cr && text.substr(run_e, 3) == ideographic_space) {
        run_e += 3;
        ++count;
      }
      if (count >= 2) {
        push_piece(text, piece, at, line, first, blank_before, out);
        piece = run_e;
      }
      i = run_e;
    }
    push_piece(text, piece, eol, line, first, blank_before, out);
    if (out.size() == before) blank_before = true;  // an empty line
    if (eol >= n) break;
    pos = eol + ((text[eol] == '\r' && eol + 1 < n && text[eol + 1] == '\n') ? 2 : 1);
    if (pos >= n) break;
  }
}

}  // namespace gongwen::detail
