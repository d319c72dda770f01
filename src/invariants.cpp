// check_invariants(): the promises the tree makes about its spans, checked node by node.
#include <gongwen/document.hpp>

#include <fmt/format.h>

#include <vector>

#include "text.hpp"

namespace gongwen {

namespace {

class checker {
 public:
  explicit checker(const document& doc) : doc_(doc), text_(doc.text()) {
    // Where characters start: a well-formed sequence is one character, a bad byte another.
    boundary_.assign(text_.size() + 1, false);
    for (std::size_t i = 0; i < text_.size(); i += detail::decode_at(text_, i).len)
      boundary_[i] = true;
    boundary_[text_.size()] = true;
  }

  std::vector<std::string> run() {
    const auto& nodes = doc_.nodes();
    if (nodes.empty()) {
      fail("the document has no root node");
      return std::move(problems_);
    }
    const node& root = doc_.root();
    if (root.type != node_type::document || root.parent != no_node)
      fail("node 0 is not a document root");
    if (root.span.begin != 0 || root.span.end != text_.size())
      fail(fmt::format("the root spans [{}, {}), not the whole text of {} bytes", root.span.begin,
                       root.span.end, text_.size()));
    // Every node is reached exactly once from the root, children in order inside their parent.
    std::vector<bool> seen(nodes.size(), false);
    std::vector<node_id> stack{0};
    seen[0] = true;
    while (!stack.empty() && problems_.size() < max_problems) {
      const node_id id = stack.back();
      stack.pop_back();
      const node& n = doc_[id];
      check_node(id, n);
      offset previous_end = n.span.begin;
      node_id last = no_node;
      for (node_id c = n.first_child; c != no_node; c = doc_[c].next_sibling) {
        if (c >= nodes.size() || seen[c]) {
          fail(fmt::format("node {} is linked twice or out of range", c));
          break;
        }
        seen[c] = true;
        const node& child = doc_[c];
        if (child.parent != id)
          fail(fmt::format("node {} names {} as parent, not {}", c, child.parent, id));
        if (child.span.begin < previous_end || child.span.end > n.span.end)
          fail(
              fmt::format("{} node {} [{}, {}) is not inside its parent {} [{}, {}) after its "
                          "previous sibling (ending at {})",
                          name(child.type), c, child.span.begin, child.span.end, id, n.span.begin,
                          n.span.end, previous_end));
        if (id == 0) gap(previous_end, child.span.begin);
        previous_end = child.span.end;
        last = c;
        stack.push_back(c);
      }
      if (n.last_child != last) fail(fmt::format("node {} has a wrong last_child", id));
      if (id == 0) gap(previous_end, n.span.end);
    }
    for (std::size_t i = 0; i < seen.size() && problems_.size() < max_problems; ++i)
      if (!seen[i]) fail(fmt::format("node {} cannot be reached from the root", i));
    return std::move(problems_);
  }

 private:
  static constexpr std::size_t max_problems = 50;

  void fail(std::string message) {
    if (problems_.size() < max_problems) problems_.push_back(std::move(message));
  }

  bool on_boundaries(span s) const {
    return s.begin <= s.end && s.end <= text_.size() && boundary_[s.begin] && boundary_[s.end];
  }

  /// Whether s is empty or neither begins nor ends with white space (indentation is
  /// not content).
  bool trimmed(span s) const {
    if (!on_boundaries(s) || s.begin == s.end) return true;  // reported as a span, if at all
    std::size_t b = s.begin, e = s.end;
    detail::trim(text_, b, e);
    return b == s.begin && e == s.end;
  }

  void check_span(std::string_view what, node_id id, span s) {
    if (!on_boundaries(s))
      fail(fmt::format("{} [{}, {}) of node {} is outside the text or cuts a character", what,
                       s.begin, s.end, id));
  }

  void check_node(node_id id, const node& n) {
    check_span("the span", id, n.span);
    if (n.span.begin <= text_.size() && n.line != doc_.position_of(n.span.begin).line)
      fail(fmt::format("node {} says line {}, its span begins on line {}", id, n.line,
                       doc_.position_of(n.span.begin).line));
    if (n.type == node_type::paragraph && !trimmed(n.span))
      fail(fmt::format("paragraph {} [{}, {}) begins or ends with white space", id, n.span.begin,
                       n.span.end));
    if (n.type == node_type::section) {
      check_span("the marker", id, doc_.ordinal_of(n).marker);
      if (doc_.ordinal_of(n).marker.begin != n.span.begin)
        fail(fmt::format("section {} does not begin at its marker", id));
    }
    if (!doc_.title_of(n).empty()) check_span("the title", id, doc_.title_of(n));
    for (const agency& a : doc_.agencies(n)) {
      check_span("an agency", id, a.text);
      if (a.inherited() &&
          (a.from >= doc_.nodes().size() || doc_[a.from].type != node_type::directive))
        fail(fmt::format("an agency of node {} is inherited from a node that is no directive", id));
    }
    for (const deadline& d : doc_.deadlines(n)) check_span("a deadline", id, d.text);
  }

  /// Between top-level nodes only white space and line breaks: no text outside the tree.
  void gap(offset from, offset to) {
    for (std::size_t i = from; i < to && i < text_.size();) {
      const detail::code_point c = detail::decode_at(text_, i);
      if (!detail::is_trimmed(c.cp)) {
        fail(fmt::format("text at byte {} (U+{:04X}) belongs to no top-level node", i,
                         static_cast<std::uint32_t>(c.cp)));
        return;
      }
      i += c.len;
    }
  }

  const document& doc_;
  std::string_view text_;
  std::vector<bool> boundary_;
  std::vector<std::string> problems_;
};

}  // namespace

std::vector<std::string> check_invariants(const document& doc) {
  return checker(doc).run();
}

}  // namespace gongwen
