// PEGTL's analyze() on every top-level grammar: no rule may loop without consuming input.
// And the character classes of the grammar agree with the code's fold_punct and is_blank.
#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <span>
#include <stdexcept>

#include <fmt/format.h>

#include <tao/pegtl/contrib/analyze.hpp>
#include <tao/pegtl/contrib/utf16.hpp>

#include "agencies.hpp"
#include "analysis.hpp"
#include "deadlines.hpp"
#include "directives.hpp"
#include "grammar_match.hpp"
#include "headings.hpp"
#include "helpers.hpp"
#include "parts.hpp"
#include "text.hpp"
#include "word_finder.hpp"

namespace g = gongwen::grammar;

TEST_CASE("grammars: no rule loops without consuming input") {
  CHECK(tao::pegtl::analyze<g::block_marker>(-1) == 0);
  CHECK(tao::pegtl::analyze<g::inline_marker>(-1) == 0);
  CHECK(tao::pegtl::analyze<g::unit_list>(-1) == 0);
  CHECK(tao::pegtl::analyze<g::deadline>(-1) == 0);
  CHECK(tao::pegtl::analyze<g::modal_word>(-1) == 0);
  CHECK(tao::pegtl::analyze<g::assignment_label>(-1) == 0);
  CHECK(tao::pegtl::analyze<g::date_line>(-1) == 0);
  CHECK(tao::pegtl::analyze<g::doc_number_line>(-1) == 0);
  CHECK(tao::pegtl::analyze<g::salutation_line>(-1) == 0);
  CHECK(tao::pegtl::analyze<g::attachment_marker>(-1) == 0);
}

TEST_CASE("the grammar's punctuation and blank classes are the code's, every variant included") {
  // Both read every written form of a mark alike; they must list the same forms.
  using gongwen::detail::fold_punct;
  std::size_t variants = 0;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string s;
    gongwen::detail::append_utf8(s, c);
    INFO("U+", std::hex, static_cast<unsigned>(c));
    const char32_t f = fold_punct(c);
    variants += f != c;
    CHECK(gongwen::detail::matches<g::comma>(s) == (f == U'，'));
    CHECK(gongwen::detail::matches<g::enum_comma>(s) == (f == U'、'));
    CHECK(gongwen::detail::matches<g::colon>(s) == (f == U'：'));
    CHECK(gongwen::detail::matches<g::full_stop>(s) == (f == U'。'));
    CHECK(gongwen::detail::matches<g::semicolon>(s) == (f == U'；'));
    CHECK(gongwen::detail::matches<g::exclamation>(s) == (f == U'！'));
    CHECK(gongwen::detail::matches<g::question>(s) == (f == U'？'));
    CHECK(gongwen::detail::matches<g::open_paren>(s) == (f == U'（'));
    CHECK(gongwen::detail::matches<g::close_paren>(s) == (f == U'）'));
    CHECK(gongwen::detail::matches<g::sentence_end>(s) == gongwen::detail::is_sentence_end(c));
    CHECK(gongwen::detail::matches<g::blank>(s) == gongwen::detail::is_blank(c));
  }
  CHECK(variants == 19);  // , ﹐ ､ ﹑ ｡ ﹒ : ﹕ ︰ ; ﹔ ! ﹗ ? ﹖ ( ﹙ ) ﹚
}

namespace {

/// What PEGTL's own UTF-8 peek reads at the start of s.
tao::pegtl::internal::input_pair<char32_t> pegtl_peek(std::string_view s) {
  gongwen::detail::rule_input in(s.data(), s.data() + s.size(), "");
  return tao::pegtl::internal::peek_utf8::peek(in);
}
tao::pegtl::internal::input_pair<char32_t> inline_peek(std::string_view s) {
  gongwen::detail::rule_input in(s.data(), s.data() + s.size(), "");
  return g::peek_utf8_inline::peek(in);
}

}  // namespace

TEST_CASE("the grammar's inlined UTF-8 peek reads every byte sequence as PEGTL's does") {
  // Every one-, two- and three-byte sequence, each also cut short, and four-byte
  // sequences around the edges of the valid range: the same code point and length, or
  // the same refusal.
  std::size_t differ = 0, checked = 0;
  auto same = [&](std::string_view s) {
    for (std::size_t cut = 0; cut <= s.size(); ++cut) {
      const auto a = pegtl_peek(s.substr(0, cut));
      const auto b = inline_peek(s.substr(0, cut));
      differ += a.data != b.data || a.size != b.size;
      ++checked;
    }
  };
  std::string s(4, '\0');
  for (unsigned b0 = 0; b0 < 256; ++b0) {
    s.assign(1, static_cast<char>(b0));
    same(s);
    for (unsigned b1 = 0; b1 < 256; ++b1) {
      s.assign({static_cast<char>(b0), static_cast<char>(b1)});
      same(s);
      if (b0 < 0xE0 || b0 > 0xEF) continue;
      for (unsigned b2 = 0; b2 < 256; b2 += (b1 & 0xC0) == 0x80 ? 1 : 37) {
        s.assign({static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)});
        same(s);
      }
    }
  }
  for (unsigned b0 = 0xF0; b0 < 0x100; ++b0)
    for (unsigned b1 : {0x7Fu, 0x80u, 0x8Fu, 0x90u, 0xBFu, 0xC0u})
      for (unsigned b3 : {0x41u, 0x80u, 0xBFu}) {
        s.assign({static_cast<char>(b0), static_cast<char>(b1), '\x80', static_cast<char>(b3)});
        same(s);
      }
  CHECK(checked > 500000);
  CHECK(differ == 0);
}

namespace {

/// The longest word of Rule's list that begins s, by brute force over the list.
template <class Rule>
std::size_t longest_listed_prefix(std::string_view s) {
  std::size_t best = 0;
  for (const std::string_view w : Rule::words.words)
    if (s.substr(0, w.size()) == w) best = std::max(best, w.size());
  return best;
}

template <class Rule>
void check_word_list() {
  // Each word alone, with a character after it, and cut by a byte: longest_word finds
  // what a brute-force search of its list finds.
  for (const std::string_view w : Rule::words.words) {
    for (const std::string& s : {std::string(w), std::string(w) + "的", std::string(w) + "局",
                                 std::string(w.substr(0, w.size() - 1))}) {
      INFO(s);
      CHECK(gongwen::detail::match_prefix<Rule>(s) == longest_listed_prefix<Rule>(s));
    }
  }
}

}  // namespace

TEST_CASE("longest_word finds the longest listed word, as a search of its whole list does") {
  check_word_list<g::department_word>();
  check_word_list<g::organisation_suffix>();
  check_word_list<g::office_word>();
  check_word_list<g::leading_word>();
  check_word_list<g::plain_word>();
  check_word_list<g::scope_word>();
  check_word_list<g::place_suffix>();
  check_word_list<g::modal_phrase>();
  check_word_list<g::subject_cue>();
  check_word_list<g::lead_cue>();
  check_word_list<g::responsible_label>();
  // Words that share a first character are told apart: 部门 部 and 部署 (a plain word).
  CHECK(gongwen::detail::match_prefix<g::organisation_suffix>("部门要") == 6);
  CHECK(gongwen::detail::match_prefix<g::organisation_suffix>("部署") == 3);
  CHECK(gongwen::detail::match_prefix<g::organisation_suffix>("署") == 0);
}

/// The widths of the byte scans this processor has (one place at a time always).
std::vector<gongwen::detail::scan_width> scan_widths() {
  using gongwen::detail::scan_width;
  std::vector<scan_width> out;
  for (const scan_width w : {scan_width::one, scan_width::sixteen, scan_width::thirty_two})
    if (gongwen::detail::processor_scans_at(w)) out.push_back(w);
  return out;
}

TEST_CASE("word_finder finds a table's words wherever string search finds them") {
  namespace d = gongwen::detail;
  // Every line of the fixtures, and the same lines cut at every byte (stray
  // continuation bytes at the start, a character cut short at the end). The words: a
  // fixed table (two words sharing their first two characters, one given twice), and
  // for each line a table of the pieces of it of two to four characters, so that a
  // word is found at each place it stands, in the sixteen-byte blocks and after them.
  // (A word of a table begins with a character: a stray continuation byte of a cut line
  // begins none.)
  const std::array<std::string_view, 5> given = {"订阅", "扫一扫", "ICP备", "联系电话", "联系我们"};
  const std::array<std::string_view, 5> others = {"会议", "工作", "县委", "（一）", "订阅"};
  const d::word_table table(given, others);
  const std::uint64_t all = table.bits_of(given) | table.bits_of(others);
  CHECK(std::popcount(all) == 9);
  std::size_t found_words = 0;
  const std::vector<d::scan_width> widths = scan_widths();
  REQUIRE(!widths.empty());
  auto check_line_at = [&](std::string_view line, d::scan_width width) {
    CAPTURE(line);
    CAPTURE(static_cast<int>(width));
    const d::word_finder f(line, table, width);
    int held_count = 0;
    for (const auto& list :
         {std::span<const std::string_view>(given), std::span<const std::string_view>(others)}) {
      for (std::string_view w : list) {
        const bool held = line.find(w) != std::string_view::npos;
        CAPTURE(w);
        CHECK(f.holds_any(table.bit_of(w)) == held);
      }
    }
    for (std::string_view w :
         {"订阅", "扫一扫", "ICP备", "联系电话", "联系我们", "会议", "工作", "县委", "（一）"})
      held_count += line.find(w) != std::string_view::npos;
    CHECK(f.count(all) == held_count);
    // Words not in the table, one character among them, have no bit: none is found.
    for (std::string_view w : {"QQ", "办", "局", "会议室"}) CHECK(table.bit_of(w) == 0);
    // Half the table: pieces of the line; the other half: the same with a character
    // that the line does not hold after them, which share their first six bytes.
    std::vector<std::string_view> pieces;
    std::vector<std::string> longer;
    for (std::size_t b = 0; b < line.size(); b += d::decode_at(line, b).len) {
      std::size_t e = b + d::decode_at(line, b).len;
      for (int k = 0; k < 3 && e < line.size(); ++k) {
        e += d::decode_at(line, e).len;
        const std::string_view w = line.substr(b, e - b);
        if (w.size() >= d::word_table::key_bytes && (w[0] & 0xC0) != 0x80 &&
            pieces.size() < d::word_table::max_words / 2 &&
            std::find(pieces.begin(), pieces.end(), w) == pieces.end()) {
          pieces.push_back(w);
          longer.push_back(std::string(w) + "囧");
        }
      }
    }
    std::vector<std::string_view> words(pieces);
    words.insert(words.end(), longer.begin(), longer.end());
    const d::word_table own(words);
    const d::word_finder g(line, own, width);
    for (std::string_view w : words) {
      CAPTURE(w);
      const bool held = line.find(w) != std::string_view::npos;
      CHECK(own.bit_of(w) != 0);
      CHECK(g.holds_any(own.bit_of(w)) == held);
    }
    CHECK(g.count(pieces.empty() ? 0 : own.bits_of(pieces)) == static_cast<int>(pieces.size()));
    found_words += pieces.size();
  };
  // The places a word may begin at are found 64 at a time: lines longer than a block
  // are read in blocks and the rest from a copy, and each width finds the same.
  auto check_line = [&](std::string_view line) {
    for (const d::scan_width w : widths) check_line_at(line, w);
  };
  std::size_t lines = 0;
  for (const char* name : {"fixtures/speech-tasks.txt", "fixtures/portal.txt", "fixtures/plan.txt",
                           "fixtures/report.txt", "fixtures/notice.txt"}) {
    const std::string text = gongwen::test::read_file(gongwen::test::data_path(name));
    REQUIRE(!text.empty());
    for (std::size_t b = 0; b < text.size();) {
      std::size_t e = text.find('\n', b);
      if (e == std::string::npos) e = text.size();
      const std::string_view line = std::string_view(text).substr(b, e - b);
      check_line(line);
      if (lines++ % 8 == 0)
        for (std::size_t cut = 1; cut < line.size() && cut < 40; ++cut) {
          check_line(line.substr(cut));
          check_line(line.substr(0, line.size() - cut));
        }
      b = e + 1;
    }
  }
  CHECK(lines > 50);
  CHECK(found_words > 5000);

  // What a table cannot hold is refused when it is built.
  CHECK_THROWS_AS(d::word_table(std::array<std::string_view, 1>{"办"}), std::invalid_argument);
  CHECK_THROWS_AS(
      d::word_table(std::array<std::string_view, 1>{std::string_view("会议").substr(1)}),
      std::invalid_argument);
  CHECK_THROWS_AS((void)table.bits_of(std::array<std::string_view, 1>{"会议室"}),
                  std::invalid_argument);
  std::vector<std::string> many;
  for (char32_t c = U'一'; many.size() <= d::word_table::max_words; ++c) {
    std::string w;
    d::append_utf8(w, c);
    many.push_back(w + "局");
  }
  std::vector<std::string_view> views(many.begin(), many.end());
  CHECK_THROWS_AS(d::word_table{views}, std::length_error);
  views.back() = views.front();  // the same word again takes no second bit
  CHECK(std::popcount(d::word_table(views).bits_of(views)) == 64);
}

TEST_CASE("find_pair stops where a class pair holds, at every width, offset and length") {
  namespace d = gongwen::detail;
  // Against a loop over single places, so that the blocks of 32 and 16 and the places
  // after them agree, wherever the hit falls: random bytes, many of them the leads and
  // last bytes of the boundary characters.
  const d::pair_classes& t = d::boundary_classes();
  std::string text;
  std::uint32_t seed = 20261122;
  const unsigned char common[] = {0xE3, 0xEF, 0x80, 0x82, 0xBC, 0x9A, 0x8C, ';', 0xE4};
  for (int i = 0; i < 4096; ++i) {
    seed = seed * 1664525u + 1013904223u;
    const unsigned r = seed >> 24;
    text += static_cast<char>(r < 45 ? common[r % 9] : static_cast<unsigned char>(r | 0x80));
  }
  const std::string_view t_view = text;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  REQUIRE(!scan_widths().empty());
  for (const d::scan_width w : scan_widths()) {
    CAPTURE(static_cast<int>(w));
    std::size_t hits = 0, misses = 0;
    for (std::size_t from = 0; from < 96; ++from) {
      for (std::size_t to = from; to < from + 100 && to <= text.size(); ++to) {
        std::size_t expect = from;
        while (expect < to && !(t.lead_class(bytes[expect]) != 0 &&
                                (expect + 2 >= to || t.hit(bytes[expect], bytes[expect + 2]))))
          ++expect;
        CHECK(d::find_pair_at(w, t, t_view, from, to) == expect);
        (expect < to ? hits : misses) += 1;
      }
    }
    CHECK(hits > 1000);
    CHECK(misses > 1000);
  }
}

TEST_CASE("prefix_places lets through every place where a word begins, at every width alike") {
  namespace d = gongwen::detail;
  // The words: pieces of the fixtures' lines (two characters each), and a few with an
  // ASCII start. The text: the fixtures, and random bytes many of which are the words'.
  std::vector<std::string> owned = {"ICP备", "QQ群号", "（一）"};
  std::string text;
  for (const char* name : {"fixtures/speech-tasks.txt", "fixtures/portal.txt", "fixtures/plan.txt",
                           "fixtures/report.txt", "fixtures/notice.txt"})
    text += gongwen::test::read_file(gongwen::test::data_path(name));
  REQUIRE(text.size() > 4096);
  for (std::size_t b = 0; owned.size() < 48 && b < text.size(); b += 151) {
    while (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
    const std::size_t e = b + d::decode_at(text, b).len;
    if (e < text.size() && d::decode_at(text, b).len == 3 && d::decode_at(text, e).len == 3)
      owned.push_back(text.substr(b, 6));
  }
  std::uint32_t seed = 20261124;
  for (int i = 0; i < 8192; ++i) {
    seed = seed * 1664525u + 1013904223u;
    const std::string& w = owned[(seed >> 8) % owned.size()];
    if ((seed >> 24) < 64)
      text += w.substr(0, 1 + (seed >> 4) % w.size());  // a word, whole or cut short
    else
      text += static_cast<char>(seed >> 24);
  }
  const std::vector<std::string_view> words(owned.begin(), owned.end());
  const d::prefix_classes t = d::prefix_classes_of(words);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t starts = 0, passed = 0, places = 0;
  for (std::size_t p = 0; p + 66 <= text.size(); p += 64) {
    const std::uint64_t one = d::prefix_places(d::scan_width::one, t, bytes + p);
    for (unsigned k = 0; k < 64; ++k) {
      const std::string_view here = std::string_view(text).substr(p + k);
      const bool begins = std::any_of(words.begin(), words.end(), [&](std::string_view w) {
        return here.substr(0, 3) == w.substr(0, 3);
      });
      const bool let_through = (one >> k) & 1;
      CHECK(let_through == (t.classes_at(bytes + p + k) != 0));
      if (begins) CHECK(let_through);
      starts += begins;
      passed += let_through;
      ++places;
    }
    for (const d::scan_width w : scan_widths()) {
      CAPTURE(static_cast<int>(w));
      CAPTURE(p);
      CHECK(d::prefix_places(w, t, bytes + p) == one);
    }
  }
  CHECK(starts > 1000);
  // Most places begin none of the words, and most of those the filter turns down.
  CHECK(passed - starts < (places - starts) / 4);
}

TEST_CASE("the characters listed for the byte classes are those their predicates accept") {
  namespace d = gongwen::detail;
  // The classes are worked out at compile time from lists of characters; the lists
  // must hold what the predicates the code tests with accept, over every code point,
  // and fold_punct must fold what its table of variants says.
  const auto listed = [](const d::char_list& l, char32_t c) {
    return std::find(l.begin(), l.end(), c) != l.end();
  };
  constexpr d::char_list ends = d::sentence_end_chars(), boundaries = d::boundary_chars(),
                         marks = d::sentence_mark_chars();
  std::size_t folded = 0, wrong = 0;
  for (char32_t c = 0; c < 0x110000; ++c) {
    char32_t expect = c;
    for (const auto& [variant, form] : d::punct_variants)
      if (c == variant) expect = form;
    folded += expect != c;
    const bool ok = listed(ends, c) == d::is_sentence_end(c) &&
                    listed(boundaries, c) == d::is_boundary(c) &&
                    listed(marks, c) == d::is_sentence_mark(c) && d::fold_punct(c) == expect;
    if (!ok && ++wrong <= 5) FAIL_CHECK("U+" << std::hex << static_cast<std::uint32_t>(c));
  }
  CHECK(wrong == 0);
  CHECK(folded == std::size(d::punct_variants));
  CHECK(ends.n == 4 + 8);  // 。！？； and two variants of each
  CHECK(marks.n > ends.n + 2 * std::size(d::bracket_pairs));
}

TEST_CASE("is_punct accepts the code points of its ranges, and no others") {
  namespace d = gongwen::detail;
  // is_punct stops at the first range above a code point and turns the span from
  // U+3040 to U+FF00 away at once (the analysis's table marks the ranges one by one):
  // it must still say whether c lies in one of the ranges.
  std::size_t accepted = 0, wrong = 0;
  for (char32_t c = 0; c < 0x110000; ++c) {
    bool in_range = false;
    for (const auto& [lo, hi] : d::punct_ranges) in_range = in_range || (c >= lo && c <= hi);
    accepted += in_range;
    if (d::is_punct(c) != in_range && ++wrong <= 5)
      FAIL_CHECK("U+" << std::hex << static_cast<std::uint32_t>(c));
  }
  CHECK(wrong == 0);
  CHECK(accepted > 200);
  CHECK(d::is_punct(U'、'));
  CHECK(d::is_punct(U'（'));
  CHECK(d::is_punct(U'—'));
  CHECK_FALSE(d::is_punct(U'〇'));  // a numeral
  CHECK_FALSE(d::is_punct(U'县'));
  CHECK_FALSE(d::is_punct(U'a'));
}

TEST_CASE("byte classes are worked out from the characters they stand for") {
  namespace d = gongwen::detail;
  // Every boundary character's lead and last byte are a pair; and the classes are few
  // enough for one table lookup a nibble.
  for (const auto* t : {&d::boundary_classes(), &d::sentence_mark_classes()}) {
    CHECK(t->count >= 1);
    CHECK(t->count <= 8);
  }
  std::size_t pairs = 0, others = 0;
  for (char32_t c = 0x80; c < 0x10000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string u;
    d::append_utf8(u, c);
    const auto lead = static_cast<unsigned char>(u[0]);
    const auto last = static_cast<unsigned char>(u[u.size() - 1]);
    if (d::is_boundary(c)) {
      CHECK(d::boundary_classes().hit(lead, last));
      ++pairs;
    } else {
      others += d::boundary_classes().hit(lead, last);
    }
  }
  CHECK(pairs >= 12);
  std::size_t marks = 0;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if ((c >= 0xD800 && c < 0xE000) || !d::is_sentence_mark(c)) continue;
    std::string u;
    d::append_utf8(u, c);
    CHECK(d::sentence_mark_classes().hit(static_cast<unsigned char>(u[0]),
                                         static_cast<unsigned char>(u[u.size() - 1])));
    ++marks;
  }
  CHECK(marks >= 30);
  // 。 (E3 80 82) stands for all of E3 xx 82 (64 characters), and the ten full-width and
  // small forms for EF xx and their last bytes (640); the rest of the plane is passed over.
  CHECK(others < 64 * 12);
  CHECK(!d::boundary_classes().hit(0xEF, 0x8C));  // ，
  CHECK(!d::boundary_classes().hit(0xE4, 0x80));  // a Han character
  CHECK(d::boundary_classes().hit(':', 'a'));
  CHECK(!d::boundary_classes().hit(',', 'a'));
}

TEST_CASE(
    "find_chars3 finds the first place one of its characters begins (or its byte), at every "
    "offset and length") {
  // U+3000 (E3 80 80), 上 (E4 B8 8A) and 面 (E9 9D A2) among near misses (E3 80 81, a lone
  // E3 before 80 80, 下 E4 B8 8B, 靠 E9 9D A0), so that a hit may straddle a sixteen-byte
  // block and the tail.
  const std::string text = gongwen::test::text_of_pieces(
      {"\xE3\x80\x80", "\xE3\x80\x81", "\xE3", "\x80\x80", "a", "县", "上", "下", "面", "靠", "\n"},
      2048);
  const std::string_view t = text;
  // The first place in [from, to) where one of the words begins, all of it inside.
  const auto expected = [t](std::size_t from, std::size_t to,
                            std::initializer_list<std::string_view> words) {
    for (std::size_t at = from; at + 3 <= to; ++at)
      for (const std::string_view w : words)
        if (t.substr(at, 3) == w) return at;
    return to;
  };
  std::size_t hits = 0, misses = 0;
  for (std::size_t from = 0; from < 120; ++from) {
    for (std::size_t to = from; to < from + 60 && to <= t.size(); ++to) {
      const std::size_t one = expected(from, to, {"\xE3\x80\x80"});
      CHECK(gongwen::detail::find_chars3<U'\u3000'>(t, from, to) == one);
      const std::size_t two = expected(from, to, {"上", "面"});
      CHECK(gongwen::detail::find_chars3<U'上', U'面'>(t, from, to) == two);
      // With a byte too (a line's end): it may stand in the last two places as well.
      const std::size_t lf = std::min(t.substr(0, to).find('\n', from), to);
      CHECK(gongwen::detail::find_byte_or_chars3<'\n', U'\u3000'>(t, from, to) ==
            std::min(one, lf));
      (one < to ? hits : misses) += 1;
      (two < to ? hits : misses) += 1;
    }
  }
  CHECK(hits > 2000);
  CHECK(misses > 2000);
}

/// Every code point, after each of a run of filler bytes that puts it at every place
/// of a sixteen-byte block: scanning with find and reading what it stops at finds the
/// same characters (is_wanted) as decoding every character, and the filler's ，、（）
/// (with 一 and 、 wanted by neither finder) rarely stop it.
template <class Find, class Wanted>
void check_lead_finder(Find find, Wanted is_wanted) {
  namespace d = gongwen::detail;
  const std::string filler = "各乡镇，县直部门、一抓落实，一二三、落实";
  std::size_t wanted = 0, stops = 0, characters = 0;
  for (char32_t c = 1; c < 0x110000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string encoded;
    d::append_utf8(encoded, c);
    for (std::size_t shift = 0; shift < 16; shift += (c < 0x3000 || c > 0xFFFF ? 5 : 1)) {
      std::string text = filler.substr(0, shift * 3) + encoded + filler;
      const std::string_view t = text;
      std::vector<std::size_t> want, got;
      for (std::size_t i = 0; i < t.size();) {
        const auto cp = d::decode_at(t, i);
        if (is_wanted(cp.cp)) want.push_back(i);
        i += cp.len;
        ++characters;
      }
      for (std::size_t i = 0; (i = find(t, i, t.size())) < t.size();) {
        const auto cp = d::decode_at(t, i);
        if (is_wanted(cp.cp)) got.push_back(i);
        i += cp.len;
        ++stops;
      }
      if (want != got) {
        char where[40];
        std::snprintf(where, sizeof where, "U+%04X after %zu bytes", static_cast<unsigned>(c),
                      shift * 3);
        FAIL_CHECK(where);
        return;
      }
      wanted += want.size();
    }
  }
  CHECK(wanted > 16 * 12);
  CHECK(stops < wanted + characters / 20);
}

// At the widest width the processor has; the widths agree with each other (above).
TEST_CASE("find_boundary_lead passes over no boundary character, and over most other punctuation") {
  namespace d = gongwen::detail;
  check_lead_finder([](std::string_view t, std::size_t from,
                       std::size_t to) { return d::find_boundary_lead(t, from, to); },
                    d::is_boundary);
  CHECK(d::find_boundary_lead("一是抓好落实。二是", 0, 27) == 18);
}

TEST_CASE(
    "find_sentence_mark_lead passes over no sentence end, quote or bracket, and over commas") {
  namespace d = gongwen::detail;
  check_lead_finder([](std::string_view t, std::size_t from,
                       std::size_t to) { return d::find_sentence_mark_lead(t, from, to); },
                    d::is_sentence_mark);
  CHECK(d::find_sentence_mark_lead("各乡镇，“一是”", 0, 22) == 12);
}

TEST_CASE("trim takes off the blanks that decoding finds, whatever character ends a piece") {
  namespace d = gongwen::detail;
  // trim reads a piece's last character in place where it can, and looks back for
  // its lead only where it cannot; the loops that decode every character are the
  // reference. Every code point of the plane, one and two of it at each end of a
  // word, and bytes that are no character.
  auto reference = [](std::string_view s, std::size_t& b, std::size_t& e) {
    d::trim_front(s, b, e);
    d::trim_back(s, b, e);
  };
  std::size_t checked = 0, trimmed = 0;
  auto check = [&](const std::string& text, std::size_t b, std::size_t e) {
    std::size_t rb = b, re = e;
    reference(text, rb, re);
    d::trim(text, b, e);
    if (b != rb || e != re) {
      std::string bytes;
      for (unsigned char c : text) bytes += fmt::format("{:02X} ", c);
      FAIL_CHECK(bytes);
    }
    ++checked;
    trimmed += rb != 0 || re != text.size();
  };
  std::vector<std::string> pieces;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string one;
    d::append_utf8(one, c);
    pieces.push_back(one);
  }
  for (const char* stray : {"\x80", "\xBF\xBF", "\xE4\xB8", "\xE3\x80", "\xEF\xBB", "\xED\xA0\x80",
                            "\xC2", "\xFF", "\r\n", "\n"})
    pieces.emplace_back(stray);
  for (const std::string& c : pieces) {
    for (const std::string& text : {c + "中" + c, c + c + "a" + c + c, c, "中" + c, c + "中"}) {
      check(text, 0, text.size());
      if (text.size() > 2) check(text, 1, text.size() - 1);
    }
  }
  CHECK(checked > 6 * 60000);
  CHECK(trimmed > 10 * 20);
}

TEST_CASE("count_chars counts the bytes that begin a character, at every offset and length") {
  // Characters of one to four bytes, and stray continuation bytes, so that the blocks
  // of sixteen, the words of eight and the last bytes each meet every kind of byte.
  const std::string text =
      gongwen::test::text_of_pieces({"a", "é", "县", "😀", "\x80", "\xBF", "\xC0", "\xFF"}, 400);
  const std::string_view t = text;
  for (std::size_t from = 0; from < 40; ++from) {
    for (std::size_t len = 0; from + len <= t.size(); len += 1 + len / 16) {
      std::size_t expect = 0;
      for (std::size_t i = from; i < from + len; ++i)
        expect += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
      CHECK(gongwen::detail::count_chars(t.substr(from, len)) == expect);
    }
  }
  // Texts longer than the 255 blocks the byte counters hold before they are summed.
  const std::string long_text =
      gongwen::test::text_of_pieces({"a", "é", "县", "😀", "\x80", "\xBF", "\xC0", "\xFF"}, 20000);
  for (const std::size_t len : {4079u, 4080u, 4081u, 4096u, 8160u, 8161u, 19999u}) {
    std::size_t expect = 0;
    for (std::size_t i = 0; i < len; ++i)
      expect += (static_cast<unsigned char>(long_text[i]) & 0xC0) != 0x80;
    CHECK(gongwen::detail::count_chars(std::string_view(long_text).substr(0, len)) == expect);
  }
  // Every byte a continuation byte: each counter meets its limit.
  CHECK(gongwen::detail::count_chars(std::string(20000, '\x80')) == 0);
  CHECK(gongwen::detail::count_chars(std::string(20000, '\x80') + "县") == 1);
}

// The step of a unit's name as the grammar would take it without bare_name_char.
struct name_step_by_rules
    : tao::pegtl::sor<g::plain_word, g::place_pair,
                      tao::pegtl::seq<tao::pegtl::not_at<g::name_end>,
                                      tao::pegtl::not_at<g::inner_role_word>, g::name_char>> {};

/// Every word of the given longest_word rules, in order.
template <class... Rules>
std::vector<std::string_view> words_of() {
  std::vector<std::string_view> out;
  (out.insert(out.end(), Rules::words.words.begin(), Rules::words.words.end()), ...);
  return out;
}

TEST_CASE("bare_name_char reads a name's character only where the rules would read it alone") {
  // Every code point the table calls bare, followed by the rest of every word the
  // name's step tries (so that a word it began would be there to match) and by what
  // may follow a place: the rules must take that one character, no more, no less.
  std::vector<std::string> rests = {"", "，", "和", "各", "要", "们", "志", "同", "局", "省市"};
  for (const std::string_view w :
       words_of<g::plain_word, g::office_word, g::organisation_suffix, g::place_suffix,
                g::cooperate_adverb, g::cooperate_word, g::responsible_word>())
    rests.emplace_back(w.substr(gongwen::detail::decode_at(w, 0).len));
  std::size_t bare = 0, checked = 0, wrong = 0;
  for (char32_t c = 0x20; c < 0x10000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string one;
    gongwen::detail::append_utf8(one, c);
    if (gongwen::detail::match_prefix<g::bare_name_char>(one) != one.size()) continue;
    ++bare;
    for (const std::string& rest : rests) {
      const std::string text = one + rest;
      ++checked;
      if (gongwen::detail::match_prefix<name_step_by_rules>(text) != one.size() && ++wrong <= 5)
        FAIL_CHECK(text);
    }
  }
  CHECK(wrong == 0);
  CHECK(bare > 15000);  // most Han characters
  CHECK(checked > bare * 100);
  // And the characters that begin a word, or stop a name, are not bare.
  for (const char* s :
       {"局", "部", "同", "会", "配", "负", "的", "要", "（", "市", "镇", "组", "全"})
    CHECK(gongwen::detail::match_prefix<g::bare_name_char>(s) == 0);
}

/// Over random runs of the pieces: how often Rule matches at a run's start, and how
/// often what it matches fails `holds` (the first few of those are reported).
template <class Rule, class Pieces, class Holds>
std::pair<std::size_t, std::size_t> matches_failing(const Pieces& pieces, int rounds,
                                                    std::size_t max_pieces, Holds holds) {
  std::size_t matched = 0, failing = 0;
  gongwen::test::for_random_runs(pieces, rounds, max_pieces, [&](const std::string& text) {
    const auto found = gongwen::test::match<Rule>(text);
    if (!found) return;
    ++matched;
    if (!holds(text, *found) && ++failing <= 5) FAIL_CHECK(text);
  });
  return {matched, failing};
}

/// The deadline grammar's own pieces: every word and character the deadline and
/// numeral rules spell, and digits; random runs of them make deadlines of every form.
std::vector<std::string> deadline_pieces() {
  std::vector<std::string> pieces = {"0", "1", "2", "3", "9", "12", "2021", "X", "，", "的"};
  for (const char* file : {"../grammars/deadlines.hpp", "../grammars/numerals.hpp"}) {
    const std::string source = gongwen::test::read_file(gongwen::test::data_path(file));
    REQUIRE(!source.empty());
    // "…" in TAO_PEGTL_STRING("…") and U'…' in one<…>: the text between the quotes.
    for (std::size_t q = 0; (q = source.find_first_of("\"'", q)) != std::string::npos;) {
      const std::size_t close = source.find(source[q], q + 1);
      if (close == std::string::npos) break;
      const std::string piece = source.substr(q + 1, close - q - 1);
      if (!piece.empty() && static_cast<unsigned char>(piece[0]) >= 0x80 &&
          piece.find('\n') == std::string::npos)
        pieces.push_back(piece);
      q = close + 1;
    }
  }
  REQUIRE(pieces.size() > 100);
  return pieces;
}

TEST_CASE("every deadline the grammar reads holds a deadline_terminal character") {
  // The sentence reader looks for deadlines only before the last such character.
  const auto [deadlines, without] = matches_failing<g::deadline>(
      deadline_pieces(), 2000000, 5, [](const std::string&, const std::string& found) {
        for (std::size_t p = 0; p < found.size(); p += gongwen::detail::decode_at(found, p).len)
          if (gongwen::detail::match_at<g::deadline_terminal>(found, p, found.size())) return true;
        return false;
      });
  CHECK(without == 0);
  CHECK(deadlines > 20000);  // of every form: the test is not vacuous
}

TEST_CASE("second_chars_of: what can stand second in a match, from the rule's structure") {
  using gongwen::detail::second_chars_of;
  namespace p = tao::pegtl;
  // A word's second character; a one-character word lets whatever follows it stand second.
  struct words : p::sor<TAO_PEGTL_STRING("年底"), TAO_PEGTL_STRING("汛")> {};
  CHECK(second_chars_of<words>().second.test(U'底'));
  CHECK_FALSE(second_chars_of<words>().second.test(U'年'));
  CHECK(second_chars_of<words>().one);
  CHECK(second_chars_of<words>().admits_second(U'度'));
  // In a sequence, the next rule's first characters follow a one-character match, and
  // what may match nothing is read past; look-ahead reads nothing.
  struct sequence : p::seq<p::opt<g::comma>, p::not_at<g::colon>, g::enum_comma, g::full_stop> {};
  const auto& seq = second_chars_of<sequence>();
  CHECK_FALSE(seq.one);
  CHECK_FALSE(seq.empty);
  CHECK(seq.second.test(U'、'));  // ，、
  CHECK(seq.second.test(U'。'));  // 、。
  CHECK_FALSE(seq.second.test(U'，'));
  CHECK_FALSE(seq.admits_second(U'：'));
  // A repetition of one character has that character second; ASCII digits are known.
  CHECK(second_chars_of<p::plus<g::digit>>().second.test(U'7'));
  CHECK(second_chars_of<p::plus<g::digit>>().second.test(U'７'));
  CHECK_FALSE(second_chars_of<p::seq<g::digit, g::colon>>().admits_second(U'7'));
  // A rule it does not know may have anything second, unless it comes third or later.
  CHECK(second_chars_of<p::seq<g::comma, p::any>>().admits_second(U'度'));
  CHECK(second_chars_of<p::seq<p::any, g::colon>>().open);
  CHECK_FALSE(second_chars_of<p::seq<g::comma, g::colon, p::any>>().open);
  CHECK_FALSE(second_chars_of<p::seq<g::comma, g::colon, p::any>>().admits_second(U'度'));
}

TEST_CASE("every deadline the grammar reads has a second character second_chars_of admits") {
  // The sentence reader tries a deadline only where the next character may stand second
  // in one.
  const auto& seconds = gongwen::detail::second_chars_of<g::deadline>();
  CHECK_FALSE(seconds.open);
  CHECK_FALSE(seconds.one);
  const auto [deadlines, turned_away] = matches_failing<g::deadline>(
      deadline_pieces(), 2000000, 5, [&](const std::string&, const std::string& found) {
        const auto first = gongwen::detail::decode_at(found, 0);
        return seconds.admits_second(gongwen::detail::decode_at(found, first.len).cp);
      });
  CHECK(turned_away == 0);
  CHECK(deadlines > 20000);
  // And the places it turns away: 年度 今年以来's 以 is let through (以内 以前).
  for (const char32_t c : {U'度', U'醒', U'显', U'抗', U'的'})
    CHECK_FALSE(seconds.admits_second(c));
  for (const char32_t c : {U'年', U'月', U'底', U'以', U'季', U'半', U'7', U'×'})
    CHECK(seconds.admits_second(c));
}

TEST_CASE("every unit the grammar reads holds a character unit_may_end accepts") {
  // Units are tried only where such an end lies ahead. Random runs of the unit
  // grammar's own words, of places and of plain characters make units of every form.
  std::vector<std::string> pieces = {"各",   "全县", "县",   "市", "乡镇", "各地",
                                     "地区", "同志", "们",   "、", "和",   "，",
                                     "要",   "牵头", "配合", "X",  "人社", "等"};
  for (const std::string_view w : words_of<g::organisation_suffix, g::office_word, g::place_suffix,
                                           g::department_word, g::scope_word, g::plain_word>())
    pieces.emplace_back(w);
  for (const char* c : {"发", "改", "教", "育", "住", "建", "财", "政", "平", "襄", "农", "商"})
    for (int k = 0; k < 8; ++k) pieces.emplace_back(c);  // name characters, often
  const auto [units, without] = matches_failing<g::unit>(
      pieces, 300000, 6, [](const std::string& text, const std::string& found) {
        for (std::size_t end = 1; end <= found.size(); ++end)
          if (gongwen::detail::unit_may_end(text, 0, end, text.size())) return true;
        return false;
      });
  CHECK(without == 0);
  CHECK(units > 20000);
  // And it refuses what is no unit's end: 增长 is no 县长, 城镇 before 新增 no place.
  const std::string s = "城乡居民收入稳步增长，城镇新增就业";
  for (std::size_t end = 1; end <= s.size(); ++end)
    CHECK_FALSE(gongwen::detail::unit_may_end(s, 0, end, s.size()));
}

TEST_CASE("first_chars_of: the characters a rule can begin with, from the rule's structure") {
  using gongwen::detail::first_chars_of;
  namespace p = tao::pegtl;
  auto has = [](const gongwen::detail::first_chars& f, char32_t c) { return f.cps.test(c); };
  // A sequence reads on past what may match nothing; look-ahead reads nothing.
  struct optional_then : p::seq<p::opt<g::comma>, p::not_at<g::enum_comma>, g::colon> {};
  const auto& seq = first_chars_of<optional_then>();
  CHECK_FALSE(seq.empty);
  CHECK(has(seq, U'，'));
  CHECK(has(seq, U'：'));
  CHECK_FALSE(has(seq, U'、'));
  // A choice takes every alternative's; one that may match nothing makes it unfilterable.
  CHECK(first_chars_of<p::sor<g::comma, p::opt<g::colon>>>().empty);
  // eof matches nothing, but only at the end, where no rule is turned away.
  const auto& follow = first_chars_of<g::place_follow>();
  CHECK_FALSE(follow.empty);
  CHECK(gongwen::detail::may_begin_at<g::place_follow>("县", 3));
  for (const char32_t c : {U'、', U'，', U'和', U'各', U'牵', U'配', U'负', U'要', U'必', U'党'})
    CHECK(has(follow, c));
  for (const char32_t c : {U'的', U'人', U'场', U'域'}) CHECK_FALSE(has(follow, c));
  // Words, character ranges and ASCII strings.
  CHECK(has(first_chars_of<g::office_word>(), U'副'));
  CHECK(has(first_chars_of<g::han>(), U'\u4E00'));
  CHECK(has(first_chars_of<g::digit>(), U'7'));
  CHECK(has(first_chars_of<g::digit>(), U'７'));
  CHECK(first_chars_of<g::bare_name_char>().cps == g::bare_name_char::table());
  // A rule it does not know may begin anywhere, and so may one that reads another
  // encoding's characters.
  CHECK(first_chars_of<p::any>().empty);
  CHECK(first_chars_of<p::utf16_be::one<U'a'>>().empty);
  CHECK_FALSE(first_chars_of<p::ascii::one<'a'>>().empty);
}

/// The code points Rule matches alone and whole, found by running it on each.
template <class Rule>
gongwen::detail::code_point_set matched_alone() {
  gongwen::detail::code_point_set t;
  std::string utf8;
  for (char32_t c = 0; c < gongwen::detail::code_point_set::size(); ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    utf8.clear();
    gongwen::detail::append_utf8(utf8, c);
    tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(utf8, "");
    t.set(c, tao::pegtl::parse<Rule>(in) && in.empty());
  }
  return t;
}

TEST_CASE("a one-character rule's first characters are the characters it matches") {
  // bare_name_char's table is made from these rules' first characters.
  using gongwen::detail::first_chars_of;
  namespace p = tao::pegtl;
  CHECK(first_chars_of<p::sor<g::han, g::redaction>>().cps ==
        matched_alone<p::sor<g::han, g::redaction>>());
  CHECK(first_chars_of<g::name_stop>().cps == matched_alone<g::name_stop>());
  CHECK(first_chars_of<g::open_paren>().cps == matched_alone<g::open_paren>());
  CHECK(first_chars_of<g::place_char>().cps == matched_alone<g::place_char>());
  CHECK(first_chars_of<g::digit>().cps == matched_alone<g::digit>());
  CHECK(first_chars_of<g::han>().cps.count() > 28000);
  // And the table is the characters the rules it stands for match alone, less the
  // first characters of the words a name's step tries.
  const auto bare = matched_alone<p::seq<p::not_at<g::name_stop>, p::not_at<g::open_paren>,
                                         p::not_at<g::place_char>, p::sor<g::han, g::redaction>>>();
  const auto& table = g::bare_name_char::table();
  std::size_t in_table = 0, wrong = 0;
  for (char32_t c = 0; c < gongwen::detail::code_point_set::size(); ++c) {
    in_table += table.test(c);
    if (table.test(c) && !bare.test(c) && ++wrong <= 3) FAIL_CHECK(static_cast<unsigned>(c));
  }
  CHECK(wrong == 0);
  CHECK(in_table > 15000);
  CHECK(in_table < bare.count());
}

/// The filters' first characters, worked out folded, are the exact ones folded; and
/// first_filter_of<Rule> lets c through exactly when a first character of Rule shares
/// c's low twelve bits.
template <class Rule>
std::size_t check_filter_folding() {
  const auto& first = gongwen::detail::first_chars_of<Rule>();
  REQUIRE_FALSE(first.empty);
  REQUIRE_FALSE(first.any_byte);
  const auto& folded = gongwen::detail::folded_first_chars_of<Rule>();
  gongwen::detail::folded_set expected;
  expected |= first.cps;
  CHECK(folded.cps == expected);
  CHECK(folded.empty == first.empty);
  CHECK(folded.any_byte == first.any_byte);
  std::size_t wrong = 0, through = 0;
  std::string utf8;
  for (char32_t c = 0x80; c < gongwen::detail::code_point_set::size(); ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    bool shared = false;
    for (char32_t k = c & 0xFFF; k < gongwen::detail::code_point_set::size(); k += 0x1000)
      shared = shared || first.cps.test(k);
    utf8.clear();
    gongwen::detail::append_utf8(utf8, c);
    const bool may =
        gongwen::detail::first_filter_of<Rule>().may_begin(utf8.data(), utf8.data() + utf8.size());
    through += may;
    if (may != shared && ++wrong <= 3) FAIL_CHECK(static_cast<unsigned>(c));
  }
  CHECK(wrong == 0);
  return through;
}

TEST_CASE("a rule's first-character filter folds its first characters by their low bits") {
  const std::size_t han = check_filter_folding<tao::pegtl::sor<g::han, g::redaction>>();
  const std::size_t units = check_filter_folding<g::unit_list>();
  const std::size_t deadlines = check_filter_folding<g::deadline>();
  const std::size_t ends = check_filter_folding<g::name_end>();
  check_filter_folding<g::block_ordinal_marker>();
  check_filter_folding<g::ordinal_marker>();
  check_filter_folding<g::place_follow>();
  check_filter_folding<g::modal_word>();
  // Rules that may match nothing, or begin with any byte, are let through everywhere.
  using gongwen::detail::folded_first_chars_of;
  CHECK(folded_first_chars_of<tao::pegtl::sor<g::comma, tao::pegtl::opt<g::colon>>>().empty);
  CHECK(folded_first_chars_of<tao::pegtl::any>().empty);
  CHECK(gongwen::detail::may_begin_with<tao::pegtl::any>(U'县'));
  CHECK(han > 40000);  // han's ranges cover every value of the low bits
  CHECK(ends < 10000);
  CHECK(deadlines < 20000);
  CHECK(units > 0);
}

TEST_CASE("code_point_set: ranges, removal and order, a word at a time") {
  using gongwen::detail::code_point_set;
  // Ranges that start, end and lie within a 64-bit word, span several, reach the
  // plane's end or past it, or are empty, against setting each code point.
  const std::pair<char32_t, char32_t> ranges[] = {{0, 0},
                                                  {0, 63},
                                                  {0, 64},
                                                  {63, 64},
                                                  {1, 62},
                                                  {65, 191},
                                                  {100, 99},
                                                  {0x4E00, 0x9FFF},
                                                  {0xFFC0, 0xFFFF},
                                                  {0xFFF0, 0x10FFFF},
                                                  {0x10000, 0x10FFFF}};
  for (const auto& [lo, hi] : ranges) {
    code_point_set by_range, by_one;
    by_range.set_range(lo, hi);
    for (char32_t c = lo; c <= hi && c < code_point_set::size(); ++c) by_one.set(c);
    CHECK_MESSAGE(by_range == by_one, static_cast<unsigned>(lo)
                                          << "-" << static_cast<unsigned>(hi));
    CHECK(
        by_range.count() ==
        (hi < lo || lo >= code_point_set::size() ? 0 : std::min<std::size_t>(hi, 0xFFFF) - lo + 1));
  }
  // Folded by the low twelve bits, a range sets what its code points set one by one.
  const std::pair<char32_t, char32_t> folded_ranges[] = {
      {0, 0},           {5, 4},           {0x4E00, 0x9FFF},  {0x0FF0, 0x1010},
      {0x3000, 0x3FFE}, {0x3000, 0x3FFF}, {0xFFF0, 0x10FFFF}};
  for (const auto& [lo, hi] : folded_ranges) {
    gongwen::detail::folded_set by_range, by_one;
    by_range.set_range(lo, hi);
    for (char32_t c = lo; c <= hi && c < code_point_set::size(); ++c) by_one.set(c);
    CHECK_MESSAGE(by_range == by_one, static_cast<unsigned>(lo)
                                          << "-" << static_cast<unsigned>(hi));
  }
  code_point_set a, b;
  a.set_range(10, 200);
  b.set_range(64, 127);
  b.set(5);
  a.remove(b);
  CHECK(a.count() == 191 - 64);
  CHECK(a.test(63));
  CHECK_FALSE(a.test(64));
  CHECK_FALSE(a.test(127));
  CHECK(a.test(128));
  CHECK_FALSE(a.test(0x10000));
  a.set(U'县');
  std::vector<char32_t> seen;
  for (char32_t c = 0; c < code_point_set::size(); ++c)
    if (a.test(c)) seen.push_back(c);
  CHECK(seen.size() == a.count());
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(seen.front() == 10);
  CHECK(seen.back() == U'县');
  a.set(U'县', false);
  CHECK_FALSE(a.test(U'县'));
}

/// At every place of every text, what Rule matches when its first characters are
/// checked (match_at) and what it matches when it is simply run: the same.
template <class Rule>
void check_first_chars(const std::vector<std::string>& texts, std::size_t& turned_away) {
  std::size_t places = 0, matched = 0, wrong = 0;
  for (const std::string& t : texts) {
    for (std::size_t b = 0; b < t.size(); ++b) {
      ++places;
      tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(t.data() + b,
                                                                   t.data() + t.size(), "");
      const std::size_t plain =
          tao::pegtl::parse<Rule>(in) ? static_cast<std::size_t>(in.current() - t.data()) - b : 0;
      matched += plain > 0;
      turned_away += !gongwen::detail::may_begin_at<Rule>(t, b);
      if (gongwen::detail::match_at<Rule>(t, b, t.size()) != plain && ++wrong <= 3)
        FAIL_CHECK(tao::pegtl::demangle<Rule>() << " at " << b << ": " << t.substr(b, 30));
    }
  }
  CHECK(wrong == 0);
  CHECK(places > 0);
  CHECK_MESSAGE(matched > 0, tao::pegtl::demangle<Rule>()
                                 << " matches nowhere: nothing is compared");
}

TEST_CASE("a rule checked by its first characters matches where and what it matches unchecked") {
  // The sample documents and each of their lines (every byte offset, malformed ones
  // included: the GB18030 fixture read as bytes) and random runs of the grammars' own
  // words. Every rule must match somewhere, or nothing would be compared.
  std::vector<std::string> texts;
  for (const char* f :
       {"fixtures/notice.txt", "fixtures/notice-gb18030.txt", "fixtures/plan.txt",
        "fixtures/plan-labels.txt", "fixtures/portal.txt", "fixtures/report.txt",
        "fixtures/speech-oneline.txt", "fixtures/speech-tasks.txt", "../examples/speech.txt"}) {
    const std::string doc = gongwen::test::read_file(gongwen::test::data_path(f));
    REQUIRE(!doc.empty());
    texts.push_back(doc);
    // And each line alone, for the rules that read a whole line (date_line …).
    for (std::size_t b = 0, e; b < doc.size(); b = e + 1) {
      e = std::min(doc.find('\n', b), doc.size());
      texts.push_back(doc.substr(b, e - b));
    }
  }
  std::vector<std::string> pieces = {"，", "、", "：", "（", "）", "。", "12", "X",  "月", "日",
                                     "年", "底", "前", "内", "第", "条", "的", "要", "一", "三"};
  for (const std::string_view w :
       words_of<g::organisation_suffix, g::office_word, g::place_suffix, g::department_word,
                g::scope_word, g::plain_word, g::modal_phrase, g::subject_cue, g::introducer,
                g::clause_opener, g::lead_label, g::deadline_label, g::season_word>())
    pieces.emplace_back(w);
  gongwen::test::for_random_runs(pieces, 3000, 8,
                                 [&](const std::string& t) { texts.push_back(t); });
  std::size_t turned_away = 0;
  check_first_chars<g::place_follow>(texts, turned_away);
  check_first_chars<g::name_end>(texts, turned_away);
  check_first_chars<g::name_break>(texts, turned_away);
  check_first_chars<g::unit_list>(texts, turned_away);
  check_first_chars<g::deadline>(texts, turned_away);
  check_first_chars<g::modal_word>(texts, turned_away);
  check_first_chars<g::subject_adverb>(texts, turned_away);
  check_first_chars<g::joint_cue>(texts, turned_away);
  check_first_chars<g::perfective>(texts, turned_away);
  check_first_chars<g::assignment_label>(texts, turned_away);
  check_first_chars<g::block_ordinal_marker>(texts, turned_away);
  check_first_chars<g::inline_marker>(texts, turned_away);
  check_first_chars<g::date_line>(texts, turned_away);
  check_first_chars<g::doc_number_line>(texts, turned_away);
  check_first_chars<g::salutation_line>(texts, turned_away);
  check_first_chars<g::attachment_marker>(texts, turned_away);
  CHECK(turned_away > 100000);  // the check does turn rules away: the test is not vacuous
}

/// At every byte of the texts: what Rule (a first_sor) matches, and what the plain
/// choice of the same alternatives matches, run without first-character checks.
template <class Rule>
void check_first_sor(const std::vector<std::string>& texts, std::size_t& matched,
                     std::size_t& alternatives_skipped) {
  using plain = typename Rule::choice_t;
  std::size_t wrong = 0;
  for (const std::string& t : texts) {
    for (std::size_t b = 0; b < t.size(); ++b) {
      tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> a(t.data() + b, t.data() + t.size(),
                                                                  "");
      tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> c(t.data() + b, t.data() + t.size(),
                                                                  "");
      const bool by_first = tao::pegtl::parse<Rule>(a);
      const bool by_sor = tao::pegtl::parse<plain>(c);
      matched += by_sor;
      const gongwen::detail::first_key k =
          gongwen::detail::first_key_at(t.data() + b, t.data() + t.size());
      [&]<class... Alts>(tao::pegtl::type_list<Alts...>) {
        alternatives_skipped += (!gongwen::detail::first_filter_of<Alts>().admits(k) + ...);
      }(typename Rule::subs_t());
      if ((by_first != by_sor || a.current() != c.current()) && ++wrong <= 3)
        FAIL_CHECK(tao::pegtl::demangle<Rule>() << " at " << b << ": " << t.substr(b, 30));
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("first_sor matches where and what the plain choice of its alternatives matches") {
  // Random runs of every family's markers, their near misses and plain text, and the
  // sample documents (malformed bytes included).
  const std::vector<std::string> pieces = {
      "一、",     "一是",   "二要",     "三要素", "十二",   "（一）", "（",     "）",
      "(1)",      "1.",     "1.5",      "１２",   "第一，", "第一章", "第二条", "第三点",
      "第一要务", "一方面", "另一方面", "首先",   "其次",   "再次",   "最后",   "①",
      "㈠",       "⑴",      "⒈",        "——",     "—",      "、",     "，",     "：",
      "县",       "在",     "上",       " ",      "\xE3",   "\x80"};
  std::vector<std::string> texts;
  gongwen::test::for_random_runs(pieces, 4000, 6,
                                 [&](const std::string& t) { texts.push_back(t); });
  for (const char* f : {"fixtures/plan.txt", "fixtures/notice-gb18030.txt",
                        "fixtures/speech-tasks.txt", "../examples/speech.txt"})
    texts.push_back(gongwen::test::read_file(gongwen::test::data_path(f)));
  std::size_t matched = 0, skipped = 0;
  check_first_sor<g::ordinal_marker>(texts, matched, skipped);
  check_first_sor<g::block_ordinal_marker>(texts, matched, skipped);
  CHECK(matched > 5000);   // the markers are there: the comparison is not vacuous
  CHECK(skipped > 50000);  // and alternatives are passed over

  // The choices of the unit and deadline grammars, over random runs of their words.
  std::vector<std::string> words = {"，", "、", "：", "。",   "；", "12", "X",  "月", "日", "年",
                                    "底", "前", "内", "季度", "县", "市", "省", "各", "等", "和"};
  for (const std::string_view w :
       words_of<g::organisation_suffix, g::office_word, g::place_suffix, g::department_word,
                g::scope_word, g::plain_word, g::modal_phrase, g::subject_cue, g::introducer,
                g::lead_label, g::deadline_label, g::season_word>())
    words.emplace_back(w);
  texts.clear();
  gongwen::test::for_random_runs(words, 3000, 6, [&](const std::string& t) { texts.push_back(t); });
  matched = skipped = 0;
  check_first_sor<g::deadline>(texts, matched, skipped);
  check_first_sor<g::place_follow>(texts, matched, skipped);
  check_first_sor<g::name_step>(texts, matched, skipped);
  check_first_sor<g::name_break>(texts, matched, skipped);
  CHECK(matched > 5000);
  CHECK(skipped > 50000);
}
