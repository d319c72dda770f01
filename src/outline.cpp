// The outline: the tree for a person in a terminal.
//
//   16  在县政府党组理论学习中心组上的讲话
//   23  一、准确把握经济发展态势
//   25    一是必须要有“进”的意识
//   30    一是着力保就业 ·
//
// Line numbers first, so the titles line up whatever their width; indentation by
// level; inline sections (opened inside a paragraph) end with a ·.
#include <gongwen/output.hpp>

#include <fmt/format.h>

#include <iterator>

namespace gongwen {

namespace {

void line_(std::string& out, std::uint32_t line, std::size_t indent, std::string_view text,
           std::string_view suffix = {}) {
  fmt::format_to(std::back_inserter(out), "{:>6}  {:{}}{}{}\n", line, "", indent * 2, text, suffix);
}

void walk(std::string& out, const document& doc, const node& n, std::size_t depth) {
  for (const node& c : doc.children(n)) {
    switch (c.type) {
      case node_type::title:
      case node_type::subtitle:
      case node_type::byline:
      case node_type::doc_number:
      case node_type::date:
      case node_type::signature:
        line_(out, c.line, depth, doc.text(doc.title_of(c)));
        break;
      case node_type::attachment:
        line_(out, c.line, depth, doc.text(doc.title_of(c)));
        walk(out, doc, c, depth + 1);
        break;
      case node_type::section: {
        std::string head;
        if (doc.ordinal_of(c).style == marker_style::topic) {
          head.assign(doc.text(doc.title_of(c)));
        } else {
          head.assign(doc.text(doc.ordinal_of(c).marker));
          head.append(doc.text(doc.title_of(c)));
        }
        line_(out, c.line, depth, head, c.is_inline ? " ·" : "");
        walk(out, doc, c, depth + 1);
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace

void write_outline(std::string& out, const document& doc) {
  walk(out, doc, doc.root(), 0);
}

std::string to_outline(const document& doc) {
  std::string out;
  write_outline(out, doc);
  return out;
}

}  // namespace gongwen
