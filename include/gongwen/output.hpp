// Writers: the gongwen-tree/1 JSON, a terminal outline, and the task ledger.
#pragma once

#include <gongwen/document.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

struct json_options {
  bool pretty = false;         // indented, one member per line
  std::string_view name = {};  // source.name
};

/// The tree as gongwen-tree/1 JSON (see README): valid UTF-8, deterministic.
void write_json(std::string& out, const document& doc, const json_options& opts = {});
[[nodiscard]] std::string to_json(const document& doc, const json_options& opts = {});
/// The same, written to a file as it is made (about 1 MiB at a time), so a large
/// document's JSON is never held in memory whole. False on a write error.
bool write_json(std::FILE* out, const document& doc, const json_options& opts = {});

/// The tree for a person in a terminal: indentation by level, marker, title, line.
void write_outline(std::string& out, const document& doc);
[[nodiscard]] std::string to_outline(const document& doc);

/// One row of the task ledger: a directive that names a unit or a deadline.
struct task {
  std::size_t number = 0;  // 1-based, in document order
  const node* directive = nullptr;
  std::vector<const node*> sections;  // the enclosing sections, outermost first
  std::vector<const agency*> lead, cooperate, responsible;  // own first, then inherited
  std::vector<const deadline*> deadlines;
};

/// The directives of a document that name a unit (their own or inherited) or a deadline.
[[nodiscard]] std::vector<task> task_ledger(const document& doc);

/// A section as it stands in a section path: 第一 三要 （一） 第一件事 现代农业方面.
[[nodiscard]] std::string short_label(const document& doc, const node& section);

/// The ledger as CSV: UTF-8, each row one task. write_tasks_csv_header writes the
/// byte order mark (so Excel and WPS read the file as Chinese) and the column names.
void write_tasks_csv_header(std::string& out, bool bom = true);
void write_tasks_csv(std::string& out, const document& doc, std::string_view name = {});

/// The ledger as JSON Lines: one object per task.
void write_tasks_jsonl(std::string& out, const document& doc, std::string_view name = {});

}  // namespace gongwen
