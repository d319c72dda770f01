// UTF-8 helpers used across the parser. Private to the library.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "byte_scan.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// The character decoders run at nearly every character of the text, several times
// over; compilers left to themselves call them.
#if defined(__GNUC__)
#define GONGWEN_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define GONGWEN_ALWAYS_INLINE inline
#endif

namespace gongwen::detail {

/// Bytes of the UTF-8 sequence a lead byte begins (1 for ASCII and stray bytes).
constexpr std::size_t sequence_length(unsigned char lead) noexcept {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

/// One code point and the bytes it took. Invalid bytes decode as U+FFFD of length 1,
/// so a scan over broken input still makes progress.
struct code_point {
  char32_t cp = 0;
  std::uint32_t len = 0;
};

code_point decode_slow(std::string_view s, std::size_t i) noexcept;

/// The code point at byte i. ASCII and the three-byte sequences of Chinese take the
/// inline path; everything else (and every malformed sequence) the slow one.
GONGWEN_ALWAYS_INLINE code_point decode_at(std::string_view s, std::size_t i) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const unsigned b0 = p[0];
  if (b0 < 0x80) return {b0, 1};
  if (i + 2 < s.size()) {
    // E1-EC and EE-EF begin no overlong form and no surrogate; continuation bytes
    // (80-BF) are those below 0x40 once their top bit is flipped.
    const unsigned b1 = p[1] ^ 0x80u, b2 = p[2] ^ 0x80u;
    if (b0 - 0xE1u <= 0xEFu - 0xE1u && b0 != 0xEDu && (b1 | b2) < 0x40u)
      return {((b0 & 0x0Fu) << 12) | (b1 << 6) | b2, 3};
  }
  return decode_slow(s, i);
}

inline code_point decode_slow(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  const std::size_t left = s.size() - i;
  auto cont = [&](std::size_t k) {
    return k < left && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto at = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F);
  };
  if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) return {(char32_t(b0 & 0x1F) << 6) | at(1), 2};
  if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
    const char32_t cp = (char32_t(b0 & 0x0F) << 12) | (at(1) << 6) | at(2);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
  }
  if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
    const char32_t cp = (char32_t(b0 & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
    if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
  }
  return {0xFFFD, 1};
}

#if defined(__SSE2__)
/// 0xFF in each byte of v that is a UTF-8 continuation byte (80-BF), 0 elsewhere:
/// continuation bytes are the signed bytes below C0 (-64).
inline __m128i continuation_bytes(__m128i v) noexcept {
  return _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)));
}

#endif

/// The first place in text[from, to) that holds the byte Byte (none where Byte < 0)
/// or where one of the characters Cs begins (each written in three bytes, all three
/// inside the range), or `to`. Sixteen places are tried at a time where SSE2 is there;
/// without a byte to look for, the end of a range of 18 bytes or more is read as one
/// block that overlaps places already tried, and with one the last places are tried
/// one at a time (a byte may stand in the last two).
template <int Byte, char32_t... Cs>
GONGWEN_ALWAYS_INLINE std::size_t find_byte_or_chars3(std::string_view text, std::size_t from,
                                                      std::size_t to) noexcept {
  static_assert(sizeof...(Cs) > 0 && ((Cs >= 0x800 && Cs <= 0xFFFF) && ...),
                "characters written in three bytes");
  static_assert(Byte < 0x80, "an ASCII byte, which begins no three-byte character");
  // Byte k of the character c.
  constexpr auto byte = [](char32_t c, int k) {
    return static_cast<unsigned char>(k == 0 ? 0xE0 | (c >> 12)
                                             : 0x80 | ((c >> (k == 1 ? 6 : 0)) & 0x3F));
  };
  const char* p = text.data() + from;
  const char* const end = text.data() + to;
#if defined(__SSE2__)
  // The places of the 16 from q that hold the byte or begin one of the characters.
  const auto hits = [byte](const char* q) {
    const auto at = [q](int k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + k)); };
    const __m128i v0 = at(0), v1 = at(1), v2 = at(2);
    const auto eq = [](__m128i v, unsigned char b) {
      return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b)));
    };
    const auto is = [&](char32_t c) {
      return _mm_and_si128(_mm_and_si128(eq(v0, byte(c, 0)), eq(v1, byte(c, 1))),
                           eq(v2, byte(c, 2)));
    };
    __m128i any = _mm_setzero_si128();
    if constexpr (Byte >= 0) any = eq(v0, static_cast<unsigned char>(Byte));
    ((any = _mm_or_si128(any, is(Cs))), ...);
    return static_cast<unsigned>(_mm_movemask_epi8(any));
  };
  if (end - p >= 18) {
    for (; end - p >= 18; p += 16)
      if (const unsigned bits = hits(p))
        return static_cast<std::size_t>(p - text.data()) +
               static_cast<unsigned>(__builtin_ctz(bits));
    if constexpr (Byte < 0) {
      // The last 16 places that hold three bytes end at end - 3: those before p are dropped.
      const char* const q = end - 18;
      if (const unsigned bits = hits(q) >> (p - q))
        return static_cast<std::size_t>(p - text.data()) +
               static_cast<unsigned>(__builtin_ctz(bits));
      return to;
    }
  }
#endif
  const auto begins = [byte](const char* q, char32_t c) {
    return static_cast<unsigned char>(q[0]) == byte(c, 0) &&
           static_cast<unsigned char>(q[1]) == byte(c, 1) &&
           static_cast<unsigned char>(q[2]) == byte(c, 2);
  };
  for (; end - p >= 3; ++p) {
    if constexpr (Byte >= 0)
      if (*p == static_cast<char>(Byte)) return static_cast<std::size_t>(p - text.data());
    if ((begins(p, Cs) || ...)) return static_cast<std::size_t>(p - text.data());
  }
  if constexpr (Byte >= 0)  // the last two places can hold the byte alone
    for (; p < end; ++p)
      if (*p == static_cast<char>(Byte)) return static_cast<std::size_t>(p - text.data());
  return to;
}

/// The first place in text[from, to) where one of the characters Cs begins (each
/// written in three bytes, all three inside the range), or `to`.
template <char32_t... Cs>
GONGWEN_ALWAYS_INLINE std::size_t find_chars3(std::string_view text, std::size_t from,
                                              std::size_t to) noexcept {
  return find_byte_or_chars3<-1, Cs...>(text, from, to);
}

/// The code point that ends just before byte i (i > 0).
inline code_point decode_before(std::string_view s, std::size_t i) noexcept {
  std::size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  const code_point c = decode_at(s, j);
  if (j + c.len == i) return c;
  return {0xFFFD, 1};
}

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// Number of code points in a UTF-8 byte range: the bytes that are not continuation
/// bytes (10xxxxxx), counted sixteen at a time (SSE2) or eight.
inline std::size_t count_chars(std::string_view s) noexcept {
  std::size_t continuation = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  // Each block adds 1 to a byte counter per continuation byte; the counters are
  // summed before they can overflow (255 blocks).
  while (i + 16 <= s.size()) {
    __m128i counts = _mm_setzero_si128();
    for (int k = 0; k < 255 && i + 16 <= s.size(); ++k, i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      counts = _mm_sub_epi8(counts, continuation_bytes(v));
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    continuation += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
                    static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Bit 7 set and bit 6 clear marks a continuation byte; add up the marks by multiplying.
    const std::uint64_t marks = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
    continuation += static_cast<std::size_t>((marks * 0x0101010101010101ULL) >> 56);
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuation;
}

/// Whether any code point of s satisfies pred, and how many do.
template <class Pred>
bool any_code_point(std::string_view s, Pred pred) {
  for (std::size_t i = 0; i < s.size();) {
    const code_point c = decode_at(s, i);
    if (pred(c.cp)) return true;
    i += c.len;
  }
  return false;
}
template <class Pred>
std::size_t count_code_points(std::string_view s, Pred pred) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const code_point c = decode_at(s, i);
    n += pred(c.cp) ? 1 : 0;
    i += c.len;
  }
  return n;
}

inline bool is_han(char32_t c) noexcept {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

/// White space that indents a paragraph or pads a line: not content.
inline bool is_blank(char32_t c) noexcept {
  switch (c) {
    case U' ':
    case U'\t':
    case U'\v':
    case U'\f':
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x180E:
    case 0x2060:  // word joiner
    case 0xFEFF:  // zero-width no-break space (a BOM inside the text)
      return true;
    default:
      return c >= 0x2000 && c <= 0x200D;  // spaces of every width, zero-width ones included
  }
}

/// Punctuation marks written in a variant, each with its full-width form: ASCII
/// , : ; ! ? ( ), the half-width ｡ ､ and the small forms ﹐ ﹑ ﹒ ﹔ ﹕ ﹖ ﹗ ﹙ ﹚ ︰.
inline constexpr std::pair<char32_t, char32_t> punct_variants[] = {
    {U',', U'，'},  {U'﹐', U'，'}, {U'､', U'、'},  {U'﹑', U'、'}, {U'｡', U'。'},
    {U'﹒', U'。'}, {U':', U'：'},  {U'﹕', U'：'}, {U'︰', U'：'}, {U';', U'；'},
    {U'﹔', U'；'}, {U'!', U'！'},  {U'﹗', U'！'}, {U'?', U'？'},  {U'﹖', U'？'},
    {U'(', U'（'},  {U'﹙', U'（'}, {U')', U'）'},  {U'﹚', U'）'}};

namespace text_detail {
/// The lowest and the highest variant above ASCII: no code point from U+0080 up to
/// the lowest, nor above the highest, folds.
inline constexpr char32_t lowest_wide_variant = [] {
  char32_t lowest = 0x110000;
  for (const auto& [variant, form] : punct_variants)
    if (variant >= 0x80 && variant < lowest) lowest = variant;
  return lowest;
}();
inline constexpr char32_t highest_wide_variant = [] {
  char32_t highest = 0;
  for (const auto& [variant, form] : punct_variants)
    if (variant > highest) highest = variant;
  return highest;
}();
/// fold_punct of each ASCII character, looked up: digits and letters stand in much text.
inline constexpr auto ascii_folds = [] {
  std::array<char32_t, 0x80> folds{};
  for (char32_t c = 0; c < 0x80; ++c) folds[c] = c;
  for (const auto& [variant, form] : punct_variants)
    if (variant < 0x80) folds[variant] = form;
  return folds;
}();
/// fold_punct of each code point from the lowest wide variant to the highest, looked
/// up (the full-width marks ！？；： stand there, and the sentence scans fold them at
/// every sentence end). The forms are of the Basic Multilingual Plane: two bytes each.
inline constexpr auto wide_folds = [] {
  std::array<char16_t, highest_wide_variant - lowest_wide_variant + 1> folds{};
  for (std::size_t i = 0; i < folds.size(); ++i)
    folds[i] = static_cast<char16_t>(lowest_wide_variant + i);
  for (const auto& [variant, form] : punct_variants) {
    if (form > 0xFFFF) throw "a form above U+FFFF";
    if (variant >= 0x80) folds[variant - lowest_wide_variant] = static_cast<char16_t>(form);
  }
  return folds;
}();
}  // namespace text_detail

/// The full-width form of a punctuation mark written in a variant (punct_variants);
/// other code points are returned as they are. Code compares folded marks, so every
/// variant reads the same. Han characters and most other text are passed at once.
constexpr char32_t fold_punct(char32_t c) noexcept {
  if (c < 0x80) return text_detail::ascii_folds[c];
  if (c < text_detail::lowest_wide_variant || c > text_detail::highest_wide_variant) return c;
  return text_detail::wide_folds[c - text_detail::lowest_wide_variant];
}

/// 。！？； in any of their forms: a sentence ends here.
constexpr bool is_sentence_end(char32_t c) noexcept {
  c = fold_punct(c);
  return c == U'。' || c == U'！' || c == U'？' || c == U'；';
}

/// A sentence end or a colon: an inline heading may start after it.
constexpr bool is_boundary(char32_t c) noexcept {
  return is_sentence_end(c) || fold_punct(c) == U'：';
}

/// A few code points, listed at compile time: the characters a predicate over
/// punctuation marks accepts, from which its byte classes are worked out.
struct char_list {
  std::array<char32_t, 48> cps{};
  std::size_t n = 0;
  constexpr void add(char32_t c) { cps[n++] = c; }  // past 48: no constant, a compile error
  /// A full-width form and every variant that folds to it.
  constexpr void add_folded(char32_t form) {
    add(form);
    for (const auto& [variant, folded] : punct_variants)
      if (folded == form) add(variant);
  }
  [[nodiscard]] constexpr const char32_t* begin() const noexcept { return cps.data(); }
  [[nodiscard]] constexpr const char32_t* end() const noexcept { return cps.data() + n; }
};

/// What is_sentence_end and is_boundary accept (tests hold the lists to them).
constexpr char_list sentence_end_chars() {
  char_list l;
  for (const char32_t form : {U'。', U'！', U'？', U'；'}) l.add_folded(form);
  return l;
}
constexpr char_list boundary_chars() {
  char_list l = sentence_end_chars();
  l.add_folded(U'：');
  return l;
}

/// A place at or after `from` where a boundary character (is_boundary) may begin, or
/// `to`: every one is found, and few other places (the commas and brackets that make
/// most of Chinese punctuation are passed over). A test holds it to is_boundary over
/// every code point.
inline const pair_classes& boundary_classes() {
  static constexpr pair_classes classes = pair_classes_of(boundary_chars());
  return classes;
}
inline std::size_t find_boundary_lead(std::string_view text, std::size_t from,
                                      std::size_t to) noexcept {
  return find_pair(boundary_classes(), text, from, to);
}

/// The quote and bracket pairs a sentence never ends inside (the ASCII " pairs with itself).
inline constexpr std::pair<char32_t, char32_t> bracket_pairs[] = {
    {U'“', U'”'},   {U'‘', U'’'},   {U'《', U'》'}, {U'（', U'）'}, {U'(', U')'},
    {U'﹙', U'﹚'}, {U'「', U'」'}, {U'『', U'』'}, {U'〈', U'〉'}};

/// Whether c opens a pair of bracket_pairs, and with which closer.
constexpr bool opener_of(char32_t c, char32_t& closer) noexcept {
  for (const auto& [open, close] : bracket_pairs) {
    if (c == open) {
      closer = close;
      return true;
    }
  }
  return false;
}

/// What cuts a paragraph into sentences: a sentence end, or a quote or bracket that
/// keeps one from ending inside it.
constexpr bool is_sentence_mark(char32_t c) noexcept {
  if (is_sentence_end(c) || c == U'"') return true;
  for (const auto& [open, close] : bracket_pairs)
    if (c == open || c == close) return true;
  return false;
}

/// What is_sentence_mark accepts (a test holds the list to it).
constexpr char_list sentence_mark_chars() {
  char_list l = sentence_end_chars();
  l.add(U'"');
  for (const auto& [open, close] : bracket_pairs) {
    l.add(open);
    l.add(close);
  }
  return l;
}

/// A place at or after `from` where a sentence mark (is_sentence_mark) may begin, or
/// `to`: every one is found, and few other places (the commas ，、 and most other
/// punctuation are passed over). A test holds it to is_sentence_mark over every code
/// point.
inline const pair_classes& sentence_mark_classes() {
  static constexpr pair_classes classes = pair_classes_of(sentence_mark_chars());
  return classes;
}
inline std::size_t find_sentence_mark_lead(std::string_view text, std::size_t from,
                                           std::size_t to) noexcept {
  return find_pair(sentence_mark_classes(), text, from, to);
}

/// Closing quotes and brackets that may follow a sentence end (。” ）).
inline bool is_closer(char32_t c) noexcept {
  return c == U'”' || c == U'’' || c == U'」' || c == U'』' || fold_punct(c) == U'）' ||
         c == U'》' || c == U'】' || c == U'"' || c == U'\'';
}

/// The punctuation a title or name cannot contain, as ranges of code points: ASCII's,
/// general punctuation, CJK symbols and punctuation (〇 U+3007 aside: a numeral),
/// full-width forms.
inline constexpr std::pair<char32_t, char32_t> punct_ranges[] = {
    {0x21, 0x2F},     {0x3A, 0x40},     {0x5B, 0x60},     {0x7B, 0x7E},
    {0x2010, 0x2027}, {0x2030, 0x205E}, {0x3001, 0x3006}, {0x3008, 0x303F},
    {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}};

/// Any punctuation a title or name cannot contain (punct_ranges, in order: the first
/// range that begins above c ends the search).
inline bool is_punct(char32_t c) noexcept {
  constexpr char32_t gap_lo = 0x3040, gap_hi = 0xFF01;  // Han, kana, most letters
  static_assert(std::none_of(std::begin(punct_ranges), std::end(punct_ranges),
                             [](const auto& r) { return r.second >= gap_lo && r.first < gap_hi; }),
                "no range of punctuation lies in the gap passed over at once");
  if (c >= gap_lo && c < gap_hi) return false;
  for (const auto& [lo, hi] : punct_ranges) {
    if (c < lo) return false;
    if (c <= hi) return true;
  }
  return false;
}

/// The first position at or after p, before e, that is not blank.
inline std::size_t skip_blanks(std::string_view s, std::size_t p, std::size_t e) noexcept {
  while (p < e) {
    const code_point c = decode_at(s, p);
    if (!is_blank(c.cp)) break;
    p += c.len;
  }
  return p;
}

/// What trim takes off: blanks and line-end characters.
inline bool is_trimmed(char32_t c) noexcept {
  return is_blank(c) || c == U'\r' || c == U'\n';
}

/// Trim blanks (and line-end characters) from the start of [b, e).
GONGWEN_ALWAYS_INLINE void trim_front(std::string_view s, std::size_t& b, std::size_t e) noexcept {
  while (b < e) {
    const code_point c = decode_at(s, b);
    if (!is_trimmed(c.cp)) break;
    b += c.len;
  }
}
/// Trim blanks (and line-end characters) from the end of [b, e).
inline void trim_back(std::string_view s, std::size_t b, std::size_t& e) noexcept {
  while (e > b) {
    const code_point c = decode_before(s, e);
    if (!is_trimmed(c.cp)) break;
    e -= c.len;
  }
}

/// Whether the character that ends at e (e > 0) is surely not trimmed, read in place
/// when it is ASCII or three bytes (decode_before would look back for its lead);
/// false leaves the answer to trim_back.
GONGWEN_ALWAYS_INLINE bool ends_untrimmed(std::string_view s, std::size_t e) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char last = p[e - 1];
  if (last < 0x80) return !is_trimmed(last);
  if (e < 3 || p[e - 3] < 0xE1 || p[e - 3] > 0xEF || (p[e - 2] & 0xC0) != 0x80 ||
      (last & 0xC0) != 0x80)
    return false;
  return !is_trimmed((char32_t(p[e - 3] & 0x0F) << 12) | (char32_t(p[e - 2] & 0x3F) << 6) |
                     char32_t(last & 0x3F));
}

/// Trim blanks (and line-end characters) from both ends of [b, e). Most pieces end
/// with an ASCII or three-byte character, read in place instead of looked back for.
GONGWEN_ALWAYS_INLINE void trim(std::string_view s, std::size_t& b, std::size_t& e) noexcept {
  trim_front(s, b, e);
  if (e > b && !ends_untrimmed(s, e)) trim_back(s, b, e);
}

inline bool starts_with(std::string_view s, std::string_view p) noexcept {
  return s.substr(0, p.size()) == p;
}
inline bool ends_with(std::string_view s, std::string_view p) noexcept {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
inline bool contains(std::string_view s, std::string_view p) noexcept {
  return s.find(p) != std::string_view::npos;
}

}  // namespace gongwen::detail
