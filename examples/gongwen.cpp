// gongwen: read Chinese official documents and print their structure.
//
//   gongwen [--format json|outline|tasks|tasks-jsonl] [--pretty] [--encoding ENC] FILE...
//
// Exit status: 0 on success, 1 when an input could not be read or parsed cleanly,
// 2 on a usage error.
#include <gongwen/gongwen.hpp>

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

constexpr std::string_view usage_text =
    "usage: gongwen [options] FILE...\n"
    "\n"
    "Read Chinese official documents (讲话稿, 政府工作报告, 实施方案, 通知) and print\n"
    "their structure. FILE may be - for standard input.\n"
    "\n"
    "options:\n"
    "  -f, --format FORMAT  json (default): the gongwen-tree/1 tree; with several\n"
    "                       files, one JSON document per line (JSON Lines)\n"
    "                       outline: the sections, indented, with line numbers\n"
    "                       tasks: the task ledger as CSV (UTF-8 with a BOM, for\n"
    "                       Excel and WPS): task, lead, cooperating and responsible\n"
    "                       units, deadline, section path, line, byte span\n"
    "                       tasks-jsonl: the task ledger as JSON Lines\n"
    "  -p, --pretty         indent the JSON (one file only)\n"
    "  -e, --encoding ENC   auto (default), utf-8, gb18030, utf-16le, utf-16be\n"
    "      --no-directives  read the structure only: no directives, agencies or\n"
    "                       deadlines (several times faster)\n"
    "      --check          also verify the tree's invariants (spans nest, cover\n"
    "                       all text, fall on character boundaries); a broken\n"
    "                       one is an error\n"
    "  -h, --help           show this help\n"
    "  -V, --version        show the version\n"
    "\n"
    "Problems are reported on standard error as FILE:LINE:COLUMN: message, with\n"
    "columns counted in characters. Exit status: 0 success, 1 an input could not\n"
    "be read or had errors, 2 usage error.\n";

enum class format { json, outline, tasks, tasks_jsonl };

struct cli {
  format fmt = format::json;
  bool pretty = false;
  bool directives = true;
  bool check = false;
  gongwen::input_encoding encoding = gongwen::input_encoding::automatic;
  std::vector<std::string> files;
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "gongwen: %s\nTry 'gongwen --help' for more information.\n",
               message.c_str());
  return 2;
}

/// Read a whole stream. A regular file is read into a buffer of its size, so a large
/// file costs its size in memory once, not the doubling of a growing buffer.
bool read_all(std::FILE* f, std::string& out) {
  struct stat st {};
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    out.reserve(static_cast<std::size_t>(st.st_size) + 1);
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return !std::ferror(f);
}

bool read_input(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    if (!read_all(stdin, out)) {
      error = std::strerror(errno);
      return false;
    }
    return true;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::strerror(errno);
    return false;
  }
  const bool ok = read_all(f, out);
  if (!ok) error = std::strerror(errno);
  std::fclose(f);
  return ok;
}

void write_out(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
}

}  // namespace

int main(int argc, char** argv) {
  cli opts;
  bool only_files = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    // The value of an option: after = in the same argument, or the next argument.
    auto value = [&](std::string_view option) -> const char* {
      if (arg.size() > option.size() && arg[option.size()] == '=')
        return argv[i] + option.size() + 1;
      return i + 1 < argc ? argv[++i] : nullptr;
    };
    if (only_files || arg == "-" || arg.empty() || arg[0] != '-') {
      opts.files.emplace_back(arg);
    } else if (arg == "--") {
      only_files = true;
    } else if (arg == "-h" || arg == "--help") {
      write_out(std::string(usage_text));
      return 0;
    } else if (arg == "-V" || arg == "--version") {
      write_out(std::string("gongwen ") + GONGWEN_VERSION_STRING + " (" + gongwen::json_schema +
                ")\n");
      return 0;
    } else if (arg == "-p" || arg == "--pretty") {
      opts.pretty = true;
    } else if (arg == "--check") {
      opts.check = true;
    } else if (arg == "--no-directives") {
      opts.directives = false;
    } else if (arg == "-f" || arg == "--format" || arg.starts_with("--format=")) {
      const char* v = value("--format");
      if (!v) return usage_error("option --format needs a value");
      const std::string_view f = v;
      if (f == "json")
        opts.fmt = format::json;
      else if (f == "outline")
        opts.fmt = format::outline;
      else if (f == "tasks")
        opts.fmt = format::tasks;
      else if (f == "tasks-jsonl")
        opts.fmt = format::tasks_jsonl;
      else
        return usage_error("unknown format '" + std::string(f) +
                           "' (json, outline, tasks, tasks-jsonl)");
    } else if (arg == "-e" || arg == "--encoding" || arg.starts_with("--encoding=")) {
      const char* v = value("--encoding");
      if (!v) return usage_error("option --encoding needs a value");
      const std::string_view e = v;
      if (e == "auto")
        opts.encoding = gongwen::input_encoding::automatic;
      else if (e == "utf-8" || e == "utf8")
        opts.encoding = gongwen::input_encoding::utf8;
      else if (e == "gb18030" || e == "gbk" || e == "gb2312")
        opts.encoding = gongwen::input_encoding::gb18030;
      else if (e == "utf-16le")
        opts.encoding = gongwen::input_encoding::utf16le;
      else if (e == "utf-16be")
        opts.encoding = gongwen::input_encoding::utf16be;
      else
        return usage_error("unknown encoding '" + std::string(e) + "'");
    } else {
      return usage_error("unknown option '" + std::string(arg) + "'");
    }
  }
  if (opts.files.empty()) return usage_error("no input file");

  gongwen::options parse_opts;
  parse_opts.encoding = opts.encoding;
  parse_opts.directives = opts.directives;
  if (!opts.directives && (opts.fmt == format::tasks || opts.fmt == format::tasks_jsonl))
    return usage_error("--no-directives leaves no tasks for --format tasks");
  const bool several = opts.files.size() > 1;
  int status = 0;
  std::string out;
  if (opts.fmt == format::tasks) {
    gongwen::write_tasks_csv_header(out);
    write_out(out);
  }
  for (const std::string& path : opts.files) {
    const std::string shown = path == "-" ? "<stdin>" : path;
    std::string bytes;
    std::string error;
    if (!read_input(path, bytes, error)) {
      std::fprintf(stderr, "gongwen: %s: cannot read: %s\n", shown.c_str(), error.c_str());
      status = 1;
      continue;
    }
    const gongwen::document doc = gongwen::parse(std::move(bytes), parse_opts);
    for (const gongwen::diagnostic& d : doc.diagnostics()) {
      const gongwen::position p = doc.position_of(d.at);
      std::fprintf(stderr, "%s:%u:%u: %s: %s\n", shown.c_str(), p.line, p.column,
                   d.severity == gongwen::diagnostic::level::error ? "error" : "warning",
                   d.message.c_str());
    }
    if (!doc.ok()) status = 1;
    if (opts.check) {
      for (const std::string& problem : gongwen::check_invariants(doc)) {
        std::fprintf(stderr, "%s: error: broken tree: %s\n", shown.c_str(), problem.c_str());
        status = 1;
      }
    }
    out.clear();
    switch (opts.fmt) {
      case format::json:
        // Streamed: a large document's JSON is written as it is made.
        if (!gongwen::write_json(stdout, doc, {opts.pretty && !several, shown})) {
          std::fprintf(stderr, "gongwen: cannot write the output: %s\n", std::strerror(errno));
          return 1;
        }
        break;
      case format::outline:
        if (several) out.append("==> ").append(shown).append(" <==\n");
        gongwen::write_outline(out, doc);
        break;
      case format::tasks:
        gongwen::write_tasks_csv(out, doc, shown);
        break;
      case format::tasks_jsonl:
        gongwen::write_tasks_jsonl(out, doc, shown);
        break;
    }
    write_out(out);
  }
  std::fflush(stdout);
  return status;
}
