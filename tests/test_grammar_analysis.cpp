// PEGTL's analyze() on every top-level grammar: no rule may loop without consuming input.
// And the character classes of the grammar agree with the code's fold_punct and is_blank.
#include <doctest/doctest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "agencies.hpp"
#include "deadlines.hpp"
#include "directives.hpp"
#include "grammar_match.hpp"
#include "headings.hpp"
#include "parts.hpp"
#include "text.hpp"

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
  for (char32_t c = 0x20; c < 0x10000; ++c) {
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
