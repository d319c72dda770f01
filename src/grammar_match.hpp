// Running one grammar rule at a place in the text, without actions. Private to the library.
#pragma once

#include <tao/pegtl.hpp>

#include <cstddef>
#include <string_view>

#include "first_chars.hpp"
#include "text.hpp"

namespace gongwen::detail {

/// An input over a part of the text: no line tracking, no owned source name.
using rule_input = tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy,
                                            tao::pegtl::eol::lf_crlf, const char*>;

/// Length of what Rule matches at text[b…) within text[…e), 0 when it does not match.
template <class Rule>
std::size_t match_at(std::string_view text, std::size_t b, std::size_t e) {
  if (b >= e || !worth_running_at<Rule>(text.substr(0, e), b)) return 0;
  rule_input in(text.data() + b, text.data() + e, "");
  if (!tao::pegtl::parse<Rule, tao::pegtl::nothing, first_checked>(in)) return 0;
  return static_cast<std::size_t>(in.current() - (text.data() + b));
}

/// Length of the prefix of s that Rule matches, 0 when it does not match.
template <class Rule>
std::size_t match_prefix(std::string_view s) {
  return match_at<Rule>(s, 0, s.size());
}

/// Whether Rule matches at the start of s.
template <class Rule>
bool matches(std::string_view s) {
  if (!worth_running_at<Rule>(s, 0)) return false;
  rule_input in(s.data(), s.data() + s.size(), "");
  return tao::pegtl::parse<Rule, tao::pegtl::nothing, first_checked>(in);
}

}  // namespace gongwen::detail
