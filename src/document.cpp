#include <gongwen/document.hpp>

#include <algorithm>
#include <unordered_map>

#include "text.hpp"

namespace gongwen {

std::string_view name(node_type t) noexcept {
  switch (t) {
    case node_type::document:
      return "document";
    case node_type::noise:
      return "noise";
    case node_type::title:
      return "title";
    case node_type::subtitle:
      return "subtitle";
    case node_type::byline:
      return "byline";
    case node_type::salutation:
      return "salutation";
    case node_type::closing:
      return "closing";
    case node_type::paragraph:
      return "paragraph";
    case node_type::section:
      return "section";
    case node_type::directive:
      return "directive";
    case node_type::doc_number:
      return "doc_number";
    case node_type::addressee:
      return "addressee";
    case node_type::attachment:
      return "attachment";
    case node_type::signature:
      return "signature";
    case node_type::date:
      return "date";
  }
  return "unknown";
}

std::string_view name(marker_style s) noexcept {
  switch (s) {
    case marker_style::cn_dun:
      return "cn-dun";
    case marker_style::cn_paren:
      return "cn-paren";
    case marker_style::cn_di:
      return "cn-di";
    case marker_style::cn_di_measure:
      return "cn-di-measure";
    case marker_style::cn_verb:
      return "cn-verb";
    case marker_style::arabic_dot:
      return "arabic-dot";
    case marker_style::arabic_paren:
      return "arabic-paren";
    case marker_style::circled:
      return "circled";
    case marker_style::aspect:
      return "aspect";
    case marker_style::sequence:
      return "sequence";
    case marker_style::dash:
      return "dash";
    case marker_style::topic:
      return "topic";
    case marker_style::chapter:
      return "chapter";
    case marker_style::article:
      return "article";
  }
  return "unknown";
}

std::string_view name(noise_kind k) noexcept {
  switch (k) {
    case noise_kind::none:
      return "none";
    case noise_kind::advertising:
      return "advertising";
    case noise_kind::web:
      return "web";
    case noise_kind::metadata:
      return "metadata";
    case noise_kind::disclaimer:
      return "disclaimer";
    case noise_kind::markup:
      return "markup";
  }
  return "unknown";
}

std::string_view name(role r) noexcept {
  switch (r) {
    case role::lead:
      return "lead";
    case role::cooperate:
      return "cooperate";
    case role::responsible:
      return "responsible";
  }
  return "unknown";
}

position document::position_of(offset at) const noexcept {
  if (line_starts_.empty()) return {};
  at = std::min<offset>(at, static_cast<offset>(text_.size()));
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  const offset start = line_starts_[line - 1];
  auto chars_before = [this](offset x) -> std::size_t {
    const std::size_t block = x / 4096;
    if (block >= char_marks_.size())
      return detail::count_chars(std::string_view(text_).substr(0, x));
    return char_marks_[block] +
           detail::count_chars(std::string_view(text_).substr(block * 4096, x - block * 4096));
  };
  return {line, static_cast<std::uint32_t>(chars_before(at) - chars_before(start) + 1)};
}

std::string_view document::store_name(std::string_view name) {
  if (name_blocks_.empty() || name_blocks_.back().size - name_blocks_.back().used < name.size()) {
    const std::size_t size = std::max<std::size_t>(name.size(), 64 * 1024);
    name_blocks_.push_back({std::make_unique<char[]>(size), 0, size});
  }
  name_block& b = name_blocks_.back();
  char* at = b.data.get() + b.used;
  std::copy(name.begin(), name.end(), at);
  b.used += name.size();
  return {at, name.size()};
}

document& document::operator=(const document& other) {
  if (this == &other) return *this;
  text_ = other.text_;
  encoding_ = other.encoding_;
  input_size_ = other.input_size_;
  well_formed_ = other.well_formed_;
  nodes_ = other.nodes_;
  heads_ = other.heads_;
  directives_ = other.directives_;
  agencies_ = other.agencies_;
  deadlines_ = other.deadlines_;
  line_starts_ = other.line_starts_;
  char_marks_ = other.char_marks_;
  diagnostics_ = other.diagnostics_;
  // The names are stored anew, each once; the agencies point at the copies.
  name_blocks_.clear();
  std::unordered_map<const char*, std::string_view> moved;
  for (agency& a : agencies_) {
    if (a.name.empty()) continue;
    auto [it, fresh] = moved.try_emplace(a.name.data());
    if (fresh) it->second = store_name(a.name);
    a.name = it->second.substr(0, a.name.size());
  }
  return *this;
}

bool document::ok() const noexcept {
  return std::none_of(diagnostics_.begin(), diagnostics_.end(),
                      [](const diagnostic& d) { return d.severity == diagnostic::level::error; });
}

bool walker::next(walk_event& ev) {
  if (done_) return false;
  const document& d = *doc_;
  if (current_ == no_node) {
    current_ = start_;
    entering_ = true;
  } else if (entering_ && d[current_].first_child != no_node) {
    current_ = d[current_].first_child;
    entering_ = true;
  } else if (entering_) {
    entering_ = false;  // a leaf is left right after it is entered
  } else if (current_ == start_) {
    done_ = true;
    return false;
  } else if (d[current_].next_sibling != no_node) {
    current_ = d[current_].next_sibling;
    entering_ = true;
  } else {
    current_ = d[current_].parent;
    entering_ = false;
  }
  ev.n = &d[current_];
  ev.entering = entering_;
  return true;
}

}  // namespace gongwen
