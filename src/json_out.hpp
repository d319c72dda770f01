// A small streaming JSON writer: compact or indented, always valid UTF-8.
#pragma once

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>

#include "text.hpp"

namespace gongwen::detail {

/// Whether s begins and ends at character boundaries: no continuation byte first, and
/// the last sequence whole (by its lead byte).
inline bool whole_characters(std::string_view s) noexcept {
  if (s.empty()) return true;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  if ((b[0] & 0xC0) == 0x80) return false;
  if (s.size() >= 4) {
    // The last four bytes at once, the last in the high byte: a continuation byte is
    // 10xxxxxx, its top bit set and the bit below clear. The run of them at the end
    // says where the last sequence's lead byte stands.
    std::uint32_t w;
    std::memcpy(&w, b + s.size() - 4, 4);
    if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
    const std::uint32_t lead = ~(w & ~(w << 1)) & 0x80808080u;  // the bytes that are none
    if (lead == 0) return false;                                // four continuation bytes
    const auto trailing = static_cast<std::size_t>(std::countl_zero(lead) / 8);
    return sequence_length(b[s.size() - 1 - trailing]) == trailing + 1;
  }
  std::size_t k = s.size();
  while (k > 0 && s.size() - k < 4 && (b[k - 1] & 0xC0) == 0x80) --k;
  if (k == 0) return false;
  return k - 1 + sequence_length(b[k - 1]) == s.size();
}

#if defined(__SSE2__)
/// A bit for each of the sixteen bytes at p that JSON must escape.
inline unsigned escape_mask(const unsigned char* p) noexcept {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Control characters are 00-1F: 0 to 31 as signed bytes (80-FF are negative).
  const __m128i control =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-1)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
  const __m128i hit = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

/// The first byte at or after i that JSON must escape (a control character, " or \),
/// or s.size(). Sixteen bytes are tested at a time where SSE2 is there, the last
/// sixteen too: a string of sixteen bytes or more ends with a block that overlaps
/// bytes already tried (their bits are dropped), a shorter rest is tried in a padded
/// copy. Most strings written are short (names, markers, the text of a deadline), and
/// a byte at a time their rest cost more than all the blocks.
inline std::size_t next_to_escape(std::string_view s, std::size_t i) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16)
    if (const unsigned bits = escape_mask(b + i)) return i + std::countr_zero(bits);
  if (i >= s.size()) return s.size();
  if (s.size() >= 16) {
    const std::size_t at = s.size() - 16;
    const unsigned bits = escape_mask(b + at) & (0xFFFFu << (i - at));
    return bits ? at + std::countr_zero(bits) : s.size();
  }
  unsigned char rest[16];
  std::memset(rest, 'a', sizeof rest);
  std::memcpy(rest, b + i, s.size() - i);
  const unsigned bits = escape_mask(rest);  // the padding escapes nothing
  return bits ? i + std::countr_zero(bits) : s.size();
#else
  for (; i < s.size(); ++i)
    if (b[i] < 0x20 || b[i] == '"' || b[i] == '\\') break;
  return i;
#endif
}

/// A byte JSON escapes: a control character, " or \\.
template <class Out>
void append_escaped(Out& out, unsigned char b) {
  switch (b) {
    case '"':
      out.append("\\\"", 2);
      break;
    case '\\':
      out.append("\\\\", 2);
      break;
    case '\n':
      out.append("\\n", 2);
      break;
    case '\r':
      out.append("\\r", 2);
      break;
    case '\t':
      out.append("\\t", 2);
      break;
    default: {
      const char u[6] = {
          '\\', 'u', '0', '0', "0123456789abcdef"[b >> 4], "0123456789abcdef"[b & 15]};
      out.append(u, 6);
    }
  }
}

/// Append s as a JSON string. Invalid UTF-8 becomes U+FFFD, control characters are
/// escaped. well_formed says s is known to be valid UTF-8 (a piece of a document's
/// well-formed text, cut at characters, which is checked): then the bytes are copied
/// in runs between the ones to escape, with no decoding.
template <class Out>
void append_json_string(Out& out, std::string_view s, bool well_formed = false) {
  if (well_formed && whole_characters(s)) {
    out.push_back('"');
    std::size_t run = 0;
    for (std::size_t i; (i = next_to_escape(s, run)) < s.size(); run = i + 1) {
      out.append(s.data() + run, i - run);
      append_escaped(out, static_cast<unsigned char>(s[i]));
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
    return;
  }
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  auto flush = [&](std::size_t upto) { out.append(s.data() + run, upto - run); };
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x80 && b != '"' && b != '\\') {
      ++i;
      continue;
    }
    if (b >= 0x80) {
      const code_point c = decode_at(s, i);
      if (c.cp == 0xFFFD && c.len == 1) {
        flush(i);
        out.append("\\ufffd", 6);
        run = ++i;
      } else {
        i += c.len;
      }
      continue;
    }
    flush(i);
    append_escaped(out, b);
    run = ++i;
  }
  flush(i);
  out.push_back('"');
}

/// The writer's output: a std::string grown in large steps and written through a
/// pointer (a push_back call per character was a twentieth of a JSON run). The write
/// position and the end of the room are kept as pointers of the buffer's own: a byte
/// written through a char pointer may alias the string's fields, so asking the string
/// for its data and size at each byte had them read from memory again each time. The
/// string holds the bytes written when the buffer is settled or destroyed.
class json_buffer {
 public:
  explicit json_buffer(std::string& s)
      : s_(s), at_(s.data() + s.size()), end_(s.data() + s.size()) {}
  json_buffer(const json_buffer&) = delete;
  json_buffer& operator=(const json_buffer&) = delete;
  ~json_buffer() { settle(); }

  void push_back(char c) {
    if (at_ == end_) grow(1);
    *at_++ = c;
  }
  void append(const char* p, std::size_t n) {
    if (n == 0) return;  // p may be null then
    if (room() < n) grow(n);
    std::memcpy(at_, p, n);
    at_ += n;
  }
  void append(std::string_view v) { append(v.data(), v.size()); }
  /// "k": (and a space when indented): a member's name, one step. Inlined where the
  /// name is a literal, so that its copy is a few stores instead of a memcpy call.
  GONGWEN_ALWAYS_INLINE void append_key(std::string_view k, bool space) {
    const std::size_t n = k.size() + 4;
    if (room() < n) grow(n);
    char* p = at_;
    p[0] = '"';
    std::memcpy(p + 1, k.data(), k.size());
    p[k.size() + 1] = '"';
    p[k.size() + 2] = ':';
    p[k.size() + 3] = ' ';
    at_ += space ? n : n - 1;
  }
  /// An integer in decimal, written in place. Offsets, lines and counts lie in
  /// [0, 2^32): their digits are counted first and written two at a time from the
  /// end (std::to_chars took a twentieth of a JSON run); others go to std::to_chars.
  void append_int(std::int64_t v) {
    constexpr std::size_t most = 20;  // digits and sign of any 64-bit integer
    if (room() < most) grow(most);
    char* at = at_;
    if (v < 0 || v > 0xFFFFFFFF) {
      at_ = std::to_chars(at, at + most, v).ptr;
      return;
    }
    auto u = static_cast<std::uint32_t>(v);
    // The digits: floor(log10) from the bit width (1233 / 4096 ~ log10 2), less one
    // below the power of ten it rounds up to.
    static constexpr std::uint32_t powers[] = {0,      10,      100,      1000,      10000,
                                               100000, 1000000, 10000000, 100000000, 1000000000};
    const int t = (std::bit_width(u | 1) * 1233) >> 12;
    const std::size_t n = static_cast<std::size_t>(t + 1 - (u < powers[t]));
    char* q = at + n;
    for (; u >= 100; u /= 100) {
      q -= 2;
      std::memcpy(q, two_digits + 2 * (u % 100), 2);
    }
    if (u >= 10)
      std::memcpy(q - 2, two_digits + 2 * u, 2);
    else
      q[-1] = static_cast<char>('0' + u);
    at_ = at + n;
  }
  void append(std::size_t n, char c) {
    if (room() < n) grow(n);
    std::memset(at_, c, n);
    at_ += n;
  }
  [[nodiscard]] std::size_t size() const noexcept {
    return static_cast<std::size_t>(at_ - s_.data());
  }
  [[nodiscard]] std::string_view view() const noexcept { return {s_.data(), size()}; }
  void clear() noexcept { at_ = s_.data(); }
  void settle() {
    s_.resize(size());
    at_ = end_ = s_.data() + s_.size();
  }

 private:
  [[nodiscard]] std::size_t room() const noexcept { return static_cast<std::size_t>(end_ - at_); }
  /// Room for n more bytes: the string's size doubled (resize writes zeros over what
  /// it adds, so the size follows what is written: a buffer reserved at 1 MiB for a
  /// small document's JSON was zeroed whole, a quarter of a thousand page faults).
  void grow(std::size_t n) {
    const std::size_t len = size();
    s_.resize(std::max(2 * s_.size() + 4096, len + n));
    at_ = s_.data() + len;
    end_ = s_.data() + s_.size();
  }
  static constexpr char two_digits[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  std::string& s_;
  char* at_;   // the next byte to write
  char* end_;  // the end of the string's bytes: the room written into
};

class json_out {
 public:
  json_out(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}
  /// Write to a file as the text grows: the buffer goes out whenever it passes
  /// flush_at bytes, so the output of a large document never sits in memory whole.
  json_out(std::string& buffer, bool pretty, std::FILE* sink)
      : out_(buffer), pretty_(pretty), sink_(sink) {}

  /// Write what is buffered to the sink (if any). False on a write error.
  bool flush() {
    if (!sink_ || out_.size() == 0) return ok_;
    ok_ = std::fwrite(out_.view().data(), 1, out_.size(), sink_) == out_.size() && ok_;
    out_.clear();
    return ok_;
  }

  [[nodiscard]] bool pretty() const noexcept { return pretty_; }
  void begin_object() { open('{'); }
  /// Compact output only: an object and its first members at once, written as given
  /// (members: the JSON after the {, which the caller vouches for).
  void begin_object_with(std::string_view members) {
    open('{');
    out_.append(members);
    has_members_ = true;
  }
  /// Compact output only: JSON the caller vouches for, inside the current value.
  void verbatim(std::string_view json) { out_.append(json); }
  void verbatim_int(std::int64_t v) { out_.append_int(v); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// A member's name: one of the writer's own, plain ASCII that needs no escaping.
  GONGWEN_ALWAYS_INLINE void key(std::string_view k) {
    separate();
    out_.append_key(k, pretty_);
    after_key_ = true;
  }

  void string(std::string_view s) {
    prefix();
    append_json_string(out_, s);
  }
  /// A member whose value is one of the writer's own words (a node's type, a role):
  /// plain ASCII that needs no escaping, written as it is.
  GONGWEN_ALWAYS_INLINE void word_member(std::string_view k, std::string_view word) {
    key(k);
    prefix();
    out_.push_back('"');
    out_.append(word);
    out_.push_back('"');
  }
  /// A piece of the document's text (or a name taken from it): written without
  /// decoding when the text is known to be well-formed.
  void text(std::string_view s) {
    prefix();
    append_json_string(out_, s, text_well_formed_);
  }
  void text_member(std::string_view k, std::string_view s) {
    key(k);
    text(s);
  }
  void set_text_well_formed(bool yes) { text_well_formed_ = yes; }
  /// A character outside the JSON value (the newline that ends a JSON Lines record).
  void raw(char c) { out_.push_back(c); }
  void number(std::int64_t v) {
    prefix();
    append_int(v);
  }
  void boolean(bool v) {
    prefix();
    out_.append(v ? std::string_view("true") : std::string_view("false"));
  }
  void null() {
    prefix();
    out_.append(std::string_view("null"));
  }
  /// A [begin, end) pair, kept on one line even when indented.
  void pair(std::int64_t a, std::int64_t b) {
    prefix();
    out_.push_back('[');
    append_int(a);
    out_.append(pretty_ ? std::string_view(", ") : std::string_view(","));
    append_int(b);
    out_.push_back(']');
  }

  template <class T>
  void member(std::string_view k, T&& v) {
    key(k);
    if constexpr (std::is_same_v<std::decay_t<T>, bool>)
      boolean(v);
    else if constexpr (std::is_integral_v<std::decay_t<T>>)
      number(static_cast<std::int64_t>(v));
    else
      string(v);
  }

 private:
  void append_int(std::int64_t v) { out_.append_int(v); }

  void open(char c) {
    if (sink_ && out_.size() >= flush_at) flush();
    prefix();
    out_.push_back(c);
    ++depth_;
    has_members_ = false;
  }
  void close(char c) {
    const bool had = has_members_;
    --depth_;
    if (pretty_ && had) newline();
    out_.push_back(c);
    has_members_ = true;  // the value just closed is a member of the one around it
  }
  void prefix() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ > 0) separate();
  }
  void separate() {
    if (has_members_) out_.push_back(',');
    has_members_ = true;
    if (pretty_) newline();
  }
  void newline() {
    out_.push_back('\n');
    out_.append(2 * depth_, ' ');
  }

  static constexpr std::size_t flush_at = std::size_t{1} << 20;
  json_buffer out_;
  bool pretty_;
  std::FILE* sink_ = nullptr;
  bool ok_ = true;
  bool after_key_ = false;
  bool text_well_formed_ = false;
  // Whether the innermost open object or array has a member yet, and how many are
  // open. One flag is enough: a value is closed only after its members, and once
  // closed it is a member of the one around it, which so has one.
  bool has_members_ = false;
  std::size_t depth_ = 0;
};

}  // namespace gongwen::detail

namespace gongwen {
class document;
struct deadline;
namespace detail {
/// A deadline as the tree and the ledger write it: text, span and its reading.
void write_deadline(json_out& j, const document& doc, const deadline& d);
/// "inherited": true and "from": the span of the directive an inherited item came from.
void write_origin(json_out& j, const document& doc, std::uint32_t from);
}  // namespace detail
}  // namespace gongwen
