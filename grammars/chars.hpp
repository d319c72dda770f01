// Character classes shared by the gongwen grammars. Rules only: no actions, no state.
#pragma once

#include <tao/pegtl.hpp>

#include <cstddef>

namespace gongwen::grammar {

namespace pegtl = tao::pegtl;

using pegtl::at;
using pegtl::eof;
using pegtl::not_at;
using pegtl::opt;
using pegtl::plus;
using pegtl::rep_max;
using pegtl::rep_min_max;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;

#if defined(__GNUC__)
#define GONGWEN_GRAMMAR_ALWAYS_INLINE __attribute__((always_inline))
#else
#define GONGWEN_GRAMMAR_ALWAYS_INLINE
#endif

/// PEGTL's UTF-8 peek, with the same result for every input (a code point and its
/// length, or {0, 0} where the bytes are not one well-formed character), written to be
/// inlined into the rules: character rules are tried at nearly every character of a
/// candidate name, and a call per test was the largest single cost of the unit grammar.
/// The three-byte case (all of Han and CJK punctuation) is tested first.
struct peek_utf8_inline {
  using data_t = char32_t;
  using pair_t = pegtl::internal::input_pair<char32_t>;

  template <typename ParseInput>
  [[nodiscard]] static inline GONGWEN_GRAMMAR_ALWAYS_INLINE pair_t peek(ParseInput& in) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(in.current());
    const std::size_t n = static_cast<std::size_t>(in.end() - in.current());
    if (n == 0) return {0, 0};
    const char32_t c0 = p[0];
    if (c0 < 0x80) return {c0, 1};
    if ((c0 & 0xF0) == 0xE0) {
      if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return {0, 0};
      const char32_t c = ((c0 & 0x0F) << 12) | (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3Fu);
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return {0, 0};
      return {c, 3};
    }
    if ((c0 & 0xE0) == 0xC0) {
      if (n < 2 || (p[1] & 0xC0) != 0x80) return {0, 0};
      const char32_t c = ((c0 & 0x1F) << 6) | (p[1] & 0x3Fu);
      if (c < 0x80) return {0, 0};
      return {c, 2};
    }
    if ((c0 & 0xF8) == 0xF0) {
      if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return {0, 0};
      const char32_t c = ((c0 & 0x07) << 18) | (char32_t{p[1] & 0x3Fu} << 12) |
                         (char32_t{p[2] & 0x3Fu} << 6) | (p[3] & 0x3Fu);
      if (c < 0x10000 || c > 0x10FFFF) return {0, 0};
      return {c, 4};
    }
    return {0, 0};
  }
};

// The character rules of pegtl::utf8 (one, not_one, range, ranges) over that peek.
template <char32_t... Cs>
using one =
    pegtl::internal::one<pegtl::internal::result_on_found::success, peek_utf8_inline, Cs...>;
template <char32_t... Cs>
using not_one =
    pegtl::internal::one<pegtl::internal::result_on_found::failure, peek_utf8_inline, Cs...>;
template <char32_t Lo, char32_t Hi>
using range =
    pegtl::internal::range<pegtl::internal::result_on_found::success, peek_utf8_inline, Lo, Hi>;
template <char32_t... Cs>
using ranges = pegtl::internal::ranges<peek_utf8_inline, Cs...>;

// clang-format off
struct han : ranges<U'\u3400', U'\u4DBF', U'\u4E00', U'\u9FFF', U'\uF900', U'\uFAFF'> {};
struct ascii_digit : pegtl::ascii::digit {};
struct wide_digit : range<U'０', U'９'> {};
struct digit : sor<ascii_digit, wide_digit> {};
struct latin : pegtl::ascii::alpha {};
// Indentation and padding: spaces of every width, NBSP, U+3000, and the zero-width
// characters that web pages and Word exports leave in text (the same set as is_blank).
struct blank : sor<one<U' ', U'\t', U'\v', U'\f', U'\u00A0', U'\u1680', U'\u180E', U'\u202F', U'\u205F',
                       U'\u2060', U'\u3000', U'\uFEFF'>,
                   range<U'\u2000', U'\u200D'>> {};

// Redaction marks that stand for digits or names in published copies: ×月底前, X同志.
struct redaction : one<U'×', U'X', U'x', U'Ｘ', U'ｘ', U'＊', U'*', U'*'> {};

// Each mark with its ASCII, half-width and small forms (the same sets as fold_punct).
struct comma : one<U'，', U',', U'﹐'> {};
struct enum_comma : one<U'、', U'､', U'﹑'> {};
struct colon : one<U'：', U':', U'﹕', U'︰'> {};
struct full_stop : one<U'。', U'｡', U'﹒'> {};
struct semicolon : one<U'；', U';', U'﹔'> {};
struct exclamation : one<U'！', U'!', U'﹗'> {};
struct question : one<U'？', U'?', U'﹖'> {};
struct sentence_end : sor<full_stop, semicolon, exclamation, question> {};
struct open_paren : one<U'（', U'(', U'﹙'> {};
struct close_paren : one<U'）', U')', U'﹚'> {};
struct open_quote : one<U'“', U'‘', U'「', U'『', U'"'> {};
struct close_quote : one<U'”', U'’', U'」', U'』', U'"'> {};

// Punctuation that may follow a marker and belongs to it (第一， 一方面， 首先：).
struct marker_punct : sor<comma, enum_comma, colon> {};
// clang-format on

}  // namespace gongwen::grammar
