// Character classes shared by the gongwen grammars. Rules only: no actions, no state.
#pragma once

#include <tao/pegtl.hpp>

#include <cstddef>
#include <cstdint>

#include "text.hpp"

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

/// PEGTL's UTF-8 peek (a code point and its length, or {0, 0} where the bytes are not
/// one well-formed character) read through the project's decoder, which is inlined:
/// character rules are tried at nearly every character of a candidate name, and a call
/// per test was the largest single cost of the unit grammar. The decoder reads a
/// malformed byte as U+FFFD of length 1; a test holds the two readings together over
/// every short byte sequence.
struct peek_utf8_inline {
  using data_t = char32_t;
  using pair_t = pegtl::internal::input_pair<char32_t>;

  template <typename ParseInput>
  [[nodiscard]] GONGWEN_ALWAYS_INLINE static pair_t peek(ParseInput& in) noexcept {
    if (in.empty()) return {0, 0};
    const detail::code_point c =
        detail::decode_at({in.current(), static_cast<std::size_t>(in.end() - in.current())}, 0);
    if (c.len == 1 && c.cp >= 0x80) return {0, 0};
    return {c.cp, static_cast<std::uint8_t>(c.len)};
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
