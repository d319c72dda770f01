// The gongwen-tree/1 JSON writer.
#include <gongwen/output.hpp>
#include <gongwen/version.hpp>

#include <array>
#include <string>

#include "json_out.hpp"

namespace gongwen {

namespace {

bool carries_text(node_type t) {
  switch (t) {
    case node_type::title:
    case node_type::subtitle:
    case node_type::byline:
    case node_type::salutation:
    case node_type::closing:
    case node_type::doc_number:
    case node_type::addressee:
    case node_type::attachment:
    case node_type::signature:
    case node_type::date:
      return true;
    default:
      return false;
  }
}

class tree_writer {
 public:
  tree_writer(std::string& out, const document& doc, bool pretty) : j_(out, pretty), doc_(doc) {
    j_.set_text_well_formed(doc.well_formed());
  }
  tree_writer(std::string& buffer, const document& doc, bool pretty, std::FILE* sink)
      : j_(buffer, pretty, sink), doc_(doc) {
    j_.set_text_well_formed(doc.well_formed());
  }
  bool flush() { return j_.flush(); }
  void end_line() { j_.raw('\n'); }

  void document_(std::string_view name) {
    j_.begin_object();
    j_.member("schema", json_schema);
    j_.key("source");
    j_.begin_object();
    j_.member("name", name);
    j_.member("bytes", doc_.input_size());
    j_.member("encoding", doc_.encoding());
    j_.end_object();
    j_.key("root");
    node_(doc_.root());
    if (!doc_.diagnostics().empty()) {
      j_.key("diagnostics");
      j_.begin_array();
      for (const diagnostic& d : doc_.diagnostics()) {
        j_.begin_object();
        j_.member("severity", d.severity == diagnostic::level::error ? "error" : "warning");
        j_.member("offset", d.at);
        j_.member("line", d.line);
        j_.member("column", d.column);
        j_.member("message", d.message);
        j_.end_object();
      }
      j_.end_array();
    }
    j_.end_object();
  }

 private:
  void node_(const node& n) {
    if (j_.pretty()) {
      j_.begin_object();
      j_.word_member("type", name(n.type));
      j_.key("span");
      j_.pair(n.span.begin, n.span.end);
      j_.member("line", n.line);
    } else {  // the same members, their fixed parts written as one piece
      j_.begin_object_with(head_of(n.type));
      j_.verbatim_int(n.span.begin);
      j_.verbatim(",");
      j_.verbatim_int(n.span.end);
      j_.verbatim("],\"line\":");
      j_.verbatim_int(n.line);
    }
    if (n.type == node_type::noise) j_.word_member("kind", name(n.noise));
    if (carries_text(n.type)) j_.text_member("text", doc_.text(doc_.title_of(n)));
    if (n.type == node_type::section) section_(n);
    if (n.type == node_type::directive) directive_(n);
    if (n.first_child != no_node) {
      j_.key("children");
      j_.begin_array();
      for (const node& c : doc_.children(n)) node_(c);
      j_.end_array();
    }
    j_.end_object();
  }

  void section_(const node& n) {
    j_.member("level", n.level);
    j_.key("ordinal");
    j_.begin_object();
    j_.word_member("style", name(doc_.ordinal_of(n).style));
    j_.text_member("marker", doc_.text(doc_.ordinal_of(n).marker));
    j_.key("value");
    if (doc_.ordinal_of(n).has_value())
      j_.number(doc_.ordinal_of(n).value);
    else
      j_.null();
    j_.end_object();
    j_.text_member("title", doc_.text(doc_.title_of(n)));
    j_.member("inline", n.is_inline);
  }

  void directive_(const node& n) {
    j_.text_member("text", doc_.text(n.span));
    j_.key("agencies");
    j_.begin_array();
    for (const agency& a : doc_.agencies(n)) {
      j_.begin_object();
      j_.text_member("name", a.name);
      j_.word_member("role", name(a.role));
      j_.key("span");
      j_.pair(a.text.begin, a.text.end);
      j_.text_member("text", doc_.text(a.text));
      if (a.inherited()) detail::write_origin(j_, doc_, a.from);
      j_.end_object();
    }
    j_.end_array();
    j_.key("deadlines");
    j_.begin_array();
    for (const deadline& d : doc_.deadlines(n)) detail::write_deadline(j_, doc_, d);
    j_.end_array();
  }

  /// {"type":"paragraph","span":[ without its {, for each type of node.
  static std::string_view head_of(node_type t) {
    static const auto heads = [] {
      constexpr auto count = static_cast<std::size_t>(node_type::date) + 1;
      std::array<std::string, count> h;
      for (std::size_t k = 0; k < count; ++k)
        h[k] = "\"type\":\"" + std::string(name(static_cast<node_type>(k))) + "\",\"span\":[";
      return h;
    }();
    return heads[static_cast<std::size_t>(t)];
  }

  detail::json_out j_;
  const document& doc_;
};

}  // namespace

namespace detail {

void write_deadline(json_out& j, const document& doc, const deadline& d) {
  j.begin_object();
  j.text_member("text", doc.text(d.text));
  j.key("span");
  j.pair(d.text.begin, d.text.end);
  if (d.year) j.member("year", d.year);
  if (d.relative_year) j.member("year_offset", d.year_offset);
  if (d.half) j.member("half", d.half);
  if (d.quarter) j.member("quarter", d.quarter);
  if (d.month) j.member("month", d.month);
  if (d.week) j.member("week", d.week);
  if (d.day) j.member("day", d.day);
  static constexpr std::string_view parts[] = {"", "early", "middle", "late", "end"};
  if (d.of != deadline::part::none) j.word_member("part", parts[static_cast<int>(d.of)]);
  static constexpr std::string_view bounds[] = {"before", "within", "during"};
  j.word_member("by", bounds[static_cast<int>(d.by)]);
  if (d.redacted) j.member("redacted", true);
  if (d.inherited()) write_origin(j, doc, d.from);
  j.end_object();
}

void write_origin(json_out& j, const document& doc, std::uint32_t from) {
  j.member("inherited", true);
  const node& source = doc[from];
  j.key("from");
  j.pair(source.span.begin, source.span.end);
}

}  // namespace detail

void write_json(std::string& out, const document& doc, const json_options& opts) {
  out.reserve(out.size() + doc.text().size() / 2 + doc.nodes().size() * 96 + 256);
  tree_writer w(out, doc, opts.pretty);
  w.document_(opts.name);
  w.end_line();
}

bool write_json(std::FILE* out, const document& doc, const json_options& opts) {
  std::string buffer;
  buffer.reserve((std::size_t{1} << 20) + 64 * 1024);
  tree_writer w(buffer, doc, opts.pretty, out);
  w.document_(opts.name);
  w.end_line();
  return w.flush();
}

std::string to_json(const document& doc, const json_options& opts) {
  std::string out;
  write_json(out, doc, opts);
  return out;
}

}  // namespace gongwen
