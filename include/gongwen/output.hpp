// Writers: the gongwen-tree/1 JSON and a terminal outline.
#pragma once

#include <gongwen/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

struct json_options {
  bool pretty = false;          // indented, one member per line
  std::string_view name = {};   // source.name
};

/// The tree as gongwen-tree/1 JSON (see README): valid UTF-8, deterministic.
void write_json(std::string& out, const document& doc, const json_options& opts = {});
[[nodiscard]] std::string to_json(const document& doc, const json_options& opts = {});

/// The tree for a person in a terminal: indentation by level, marker, title, line.
void write_outline(std::string& out, const document& doc);
[[nodiscard]] std::string to_outline(const document& doc);

}  // namespace gongwen
