// Character classes shared by the gongwen grammars. Rules only: no actions, no state.
#pragma once

#include <tao/pegtl.hpp>

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

template <char32_t... Cs>
using one = pegtl::utf8::one<Cs...>;
template <char32_t... Cs>
using not_one = pegtl::utf8::not_one<Cs...>;
template <char32_t Lo, char32_t Hi>
using range = pegtl::utf8::range<Lo, Hi>;

// clang-format off
struct han : pegtl::utf8::ranges<U'\u3400', U'\u4DBF', U'\u4E00', U'\u9FFF', U'\uF900', U'\uFAFF'> {};
struct ascii_digit : pegtl::ascii::digit {};
struct wide_digit : range<U'０', U'９'> {};
struct digit : sor<ascii_digit, wide_digit> {};
struct latin : pegtl::ascii::alpha {};
struct blank : one<U' ', U'\t', U'\u00A0', U'\u2002', U'\u2003', U'\u2009', U'\u3000'> {};

// Redaction marks that stand for digits or names in published copies: ×月底前, X同志.
struct redaction : one<U'×', U'X', U'x', U'Ｘ', U'ｘ', U'＊', U'*', U'*'> {};

struct comma : one<U'，', U','> {};
struct enum_comma : one<U'、'> {};
struct colon : one<U'：', U':'> {};
struct full_stop : one<U'。'> {};
struct sentence_end : one<U'。', U'！', U'？', U'；', U'!', U'?', U';'> {};
struct open_paren : one<U'（', U'('> {};
struct close_paren : one<U'）', U')'> {};
struct open_quote : one<U'“', U'‘', U'「', U'『', U'"'> {};
struct close_quote : one<U'”', U'’', U'」', U'』', U'"'> {};

// Punctuation that may follow a marker and belongs to it (第一， 一方面， 首先：).
struct marker_punct : one<U'，', U'、', U'：', U',', U':'> {};
// clang-format on

}  // namespace gongwen::grammar
