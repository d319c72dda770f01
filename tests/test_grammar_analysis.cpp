// PEGTL's analyze() on every top-level grammar: no rule may loop without consuming input.
#include <doctest/doctest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "agencies.hpp"
#include "deadlines.hpp"
#include "directives.hpp"
#include "headings.hpp"
#include "parts.hpp"

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
