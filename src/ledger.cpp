// The task ledger a 督查督办 office keeps after a leader's speech: every task, its
// lead, cooperating and responsible units, its deadline, and where it stands.
#include <gongwen/output.hpp>

#include <fmt/format.h>

#include <iterator>

#include "json_out.hpp"
#include "text.hpp"

namespace gongwen {

namespace {

constexpr std::string_view inherited_mark = "（继承）";

/// Append a CSV field, quoted when it holds a comma, a quote or a line break.
/// A field that a spreadsheet would read as a formula (= + - @) is quoted with a
/// leading apostrophe inside, so opening the file runs nothing.
void csv_field(std::string& out, std::string_view v) {
  const bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@');
  const bool quote = formula || v.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out.append(v);
    return;
  }
  out.push_back('"');
  if (formula) out.push_back('\'');
  for (const char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

/// Names joined with 、, each inherited one marked as such.
template <class T, class Name>
std::string join(const std::vector<const T*>& items, Name name_of) {
  std::string s;
  for (const T* x : items) {
    if (!s.empty()) s.append("、");
    s.append(name_of(*x));
    if (x->inherited()) s.append(inherited_mark);
  }
  return s;
}

std::string join_units(const std::vector<const agency*>& units) {
  return join(units, [](const agency& a) -> std::string_view { return a.name; });
}

std::string join_deadlines(const document& doc, const std::vector<const deadline*>& deadlines) {
  return join(deadlines, [&](const deadline& d) { return doc.text(d.text); });
}

std::string path_of(const document& doc, const task& t) {
  std::string s;
  for (const node* n : t.sections) {
    if (!s.empty()) s.append(" > ");
    s.append(short_label(doc, *n));
  }
  return s;
}

void units_json(detail::json_out& j, const document& doc, std::string_view key,
                const std::vector<const agency*>& units) {
  j.key(key);
  j.begin_array();
  for (const agency* a : units) {
    j.begin_object();
    j.text_member("name", a->name);
    j.key("span");
    j.pair(a->text.begin, a->text.end);
    if (a->inherited())
      detail::write_origin(j, doc, a->from);
    else
      j.member("inherited", false);
    j.end_object();
  }
  j.end_array();
}

}  // namespace

std::string short_label(const document& doc, const node& section) {
  const marker_style style = doc.ordinal_of(section).style;
  if (style == marker_style::topic || style == marker_style::dash)
    return std::string(doc.text(doc.title_of(section)));
  std::string_view m = doc.text(doc.ordinal_of(section).marker);
  // Drop the punctuation that ends a marker: 第一， → 第一, 一、 → 一
  while (!m.empty()) {
    const auto c = detail::decode_before(m, m.size());
    const char32_t f = detail::fold_punct(c.cp);
    if (f != U'、' && f != U'，' && f != U'：' && !detail::is_blank(c.cp)) break;
    m.remove_suffix(c.len);
  }
  return std::string(m);
}

std::vector<task> task_ledger(const document& doc) {
  std::vector<task> tasks;
  std::vector<const node*> open;  // the sections around the walk's position
  walker w(doc, doc.root());
  for (walk_event ev; w.next(ev);) {
    const node& n = *ev.n;
    if (n.type == node_type::section) {
      if (ev.entering)
        open.push_back(&n);
      else
        open.pop_back();
      continue;
    }
    if (!ev.entering || n.type != node_type::directive) continue;
    const auto units = doc.agencies(n);
    const auto deadlines = doc.deadlines(n);
    if (units.empty() && deadlines.empty()) continue;
    task t;
    t.number = tasks.size() + 1;
    t.directive = &n;
    t.sections = open;
    // Each unit once, under its strongest role: lead, then cooperate, then responsible.
    auto listed = [&](std::string_view name) {
      for (const auto* column : {&t.lead, &t.cooperate, &t.responsible})
        for (const agency* a : *column)
          if (a->name == name) return true;
      return false;
    };
    for (const role r : {role::lead, role::cooperate, role::responsible}) {
      for (const agency& a : units) {
        if (a.role != r || listed(a.name)) continue;
        (r == role::lead        ? t.lead
         : r == role::cooperate ? t.cooperate
                                : t.responsible)
            .push_back(&a);
      }
    }
    for (const deadline& d : deadlines) t.deadlines.push_back(&d);
    tasks.push_back(std::move(t));
  }
  return tasks;
}

void write_tasks_csv_header(std::string& out, bool bom) {
  if (bom) out.append("\xEF\xBB\xBF");
  out.append("序号,所在章节,任务内容,牵头单位,配合单位,责任单位,完成时限,行号,字节位置,文件\r\n");
}

void write_tasks_csv(std::string& out, const document& doc, std::string_view name) {
  for (const task& t : task_ledger(doc)) {
    const node& d = *t.directive;
    out.append(std::to_string(t.number));
    out.push_back(',');
    csv_field(out, path_of(doc, t));
    out.push_back(',');
    csv_field(out, doc.text(d.span));
    out.push_back(',');
    csv_field(out, join_units(t.lead));
    out.push_back(',');
    csv_field(out, join_units(t.cooperate));
    out.push_back(',');
    csv_field(out, join_units(t.responsible));
    out.push_back(',');
    csv_field(out, join_deadlines(doc, t.deadlines));
    fmt::format_to(std::back_inserter(out), ",{},{}-{},", d.line, d.span.begin, d.span.end);
    csv_field(out, name);
    out.append("\r\n");
  }
}

void write_tasks_jsonl(std::string& out, const document& doc, std::string_view name) {
  detail::json_out j(out, false);
  j.set_text_well_formed(doc.well_formed());
  for (const task& t : task_ledger(doc)) {
    const node& d = *t.directive;
    j.begin_object();
    j.member("file", name);
    j.member("number", t.number);
    j.key("section_path");
    j.begin_array();
    for (const node* s : t.sections) j.string(short_label(doc, *s));
    j.end_array();
    j.text_member("task", doc.text(d.span));
    units_json(j, doc, "lead", t.lead);
    units_json(j, doc, "cooperate", t.cooperate);
    units_json(j, doc, "responsible", t.responsible);
    j.key("deadlines");
    j.begin_array();
    for (const deadline* dl : t.deadlines) detail::write_deadline(j, doc, *dl);
    j.end_array();
    j.member("line", d.line);
    j.key("span");
    j.pair(d.span.begin, d.span.end);
    j.end_object();
    j.raw('\n');
  }
}

}  // namespace gongwen
