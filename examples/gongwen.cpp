// gongwen: read Chinese official documents and print their structure.
//
//   gongwen [--format json|outline|tasks|tasks-jsonl] [--pretty] [--encoding ENC] FILE...
//
// Exit status: 0 on success, 1 when an input could not be read or parsed cleanly,
// 2 on a usage error.
#include <gongwen/gongwen.hpp>

#include <malloc.h>
#include <sys/stat.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace {

constexpr std::string_view usage_text =
    "usage: gongwen [options] FILE...\n"
    "\n"
    "Read Chinese official documents (讲话稿, 政府工作报告, 实施方案, 通知) and print\n"
    "their structure. FILE may be - for standard input, or a directory: the files\n"
    "below it, in the order of their paths.\n"
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
    "  -j, --jobs N         parse N files at a time (0: one per core); the output\n"
    "                       stays in the order the files are given. With several\n"
    "                       files, a progress bar goes to standard error when it\n"
    "                       is a terminal\n"
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
  int jobs = 1;
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

/// The files named: a directory stands for the regular files below it (not hidden
/// ones), in the order of their paths.
bool expand_input(const std::string& path, std::vector<std::string>& out, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path == "-" || !fs::is_directory(path, ec)) {
    out.push_back(path);
    return true;
  }
  std::vector<std::string> found;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) found.push_back(it->path().string());
  }
  if (ec) {
    error = ec.message();
    return false;
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

/// What one file gives: its output, its messages, and whether it failed.
struct result {
  std::string out;
  std::string err;
  std::size_t bytes = 0;
  bool failed = false;
};

/// A progress bar on standard error, drawn only when it is a terminal.
class progress {
 public:
  explicit progress(std::size_t total)
      : total_(total), shown_(total > 1 && isatty(STDERR_FILENO)) {}
  /// Messages go above the bar: clear it first.
  void message(const std::string& text) {
    if (text.empty()) return;
    if (drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  void step(std::size_t bytes) {
    ++done_;
    bytes_ += bytes;
    if (!shown_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done_ < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes_) / 1e6;
    constexpr int width = 30;
    const int filled = static_cast<int>(width * done_ / total_);
    std::fprintf(stderr, "\r[%s%s] %zu/%zu files  %.1f MB  %.1f MB/s\033[K",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), '.').c_str(), done_, total_,
                 mb, seconds > 0 ? mb / seconds : 0.0);
    drawn_ = true;
  }
  ~progress() {
    if (drawn_) std::fputs("\n", stderr);
  }

 private:
  std::size_t total_;
  bool shown_;
  bool drawn_ = false;
  std::size_t done_ = 0;
  std::size_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

class run {
 public:
  run(const cli& opts, const std::vector<std::string>& files) : opts_(opts), files_(files) {
    parse_opts_.encoding = opts.encoding;
    parse_opts_.directives = opts.directives;
  }

  /// One file after the other; the JSON of each goes out as it is written.
  int serial() {
    int status = 0;
    progress bar(files_.size());
    for (const std::string& path : files_) {
      result r = process(path, /*stream=*/opts_.fmt == format::json);
      put(r, bar, status);
    }
    return status;
  }

  /// Files parsed on opts.jobs threads, written in the order given. Workers stay at
  /// most a few files ahead of the writer, so memory stays bounded.
  int parallel() {
    const std::size_t n = files_.size();
    std::vector<result> results(n);
    std::vector<char> ready(n, 0);
    std::size_t next = 0;     // the next file a worker takes
    std::size_t written = 0;  // files written so far
    const std::size_t ahead = 4 * static_cast<std::size_t>(opts_.jobs);
    std::mutex m;
    std::condition_variable cv;
    auto worker = [&] {
      while (true) {
        std::size_t i;
        {
          std::unique_lock lock(m);
          cv.wait(lock, [&] { return next >= n || next < written + ahead; });
          if (next >= n) return;
          i = next++;
        }
        result r = process(files_[i], /*stream=*/false);
        {
          std::lock_guard lock(m);
          results[i] = std::move(r);
          ready[i] = 1;
        }
        cv.notify_all();
      }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < opts_.jobs; ++t) threads.emplace_back(worker);
    int status = 0;
    progress bar(n);
    for (std::size_t i = 0; i < n; ++i) {
      result r;
      {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return ready[i] != 0; });
        r = std::move(results[i]);
      }
      put(r, bar, status);
      {
        std::lock_guard lock(m);
        written = i + 1;
      }
      cv.notify_all();
    }
    for (std::thread& t : threads) t.join();
    return status;
  }

 private:
  /// Read, parse and write one file. With stream, JSON goes straight to standard output.
  result process(const std::string& path, bool stream) const {
    result r;
    const std::string shown = path == "-" ? "<stdin>" : path;
    const bool several = files_.size() > 1;
    std::string bytes;
    std::string error;
    if (!read_input(path, bytes, error)) {
      r.err = "gongwen: " + shown + ": cannot read: " + error + "\n";
      r.failed = true;
      return r;
    }
    r.bytes = bytes.size();
    const gongwen::document doc = gongwen::parse(std::move(bytes), parse_opts_);
    for (const gongwen::diagnostic& d : doc.diagnostics()) {
      r.err += shown + ':' + std::to_string(d.line) + ':' + std::to_string(d.column) +
               (d.severity == gongwen::diagnostic::level::error ? ": error: " : ": warning: ") +
               d.message + '\n';
    }
    if (!doc.ok()) r.failed = true;
    if (opts_.check) {
      for (const std::string& problem : gongwen::check_invariants(doc)) {
        r.err += shown + ": error: broken tree: " + problem + "\n";
        r.failed = true;
      }
    }
    const gongwen::json_options json{opts_.pretty && !several, shown};
    switch (opts_.fmt) {
      case format::json:
        if (!stream) {
          gongwen::write_json(r.out, doc, json);
        } else if (!gongwen::write_json(stdout, doc, json)) {
          r.err += std::string("gongwen: cannot write the output: ") + std::strerror(errno) + "\n";
          r.failed = true;
        }
        break;
      case format::outline:
        if (several) r.out.append("==> ").append(shown).append(" <==\n");
        gongwen::write_outline(r.out, doc);
        break;
      case format::tasks:
        gongwen::write_tasks_csv(r.out, doc, shown);
        break;
      case format::tasks_jsonl:
        gongwen::write_tasks_jsonl(r.out, doc, shown);
        break;
    }
    return r;
  }

  /// One file's result out, in the order given: messages, output, progress.
  static void put(const result& r, progress& bar, int& status) {
    bar.message(r.err);
    write_out(r.out);
    if (r.failed) status = 1;
    bar.step(r.bytes);
  }

  const cli& opts_;
  const std::vector<std::string>& files_;
  gongwen::options parse_opts_;
};

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
    } else if (arg == "-j" || arg == "--jobs" || arg.starts_with("--jobs=")) {
      const char* v = value("--jobs");
      if (!v) return usage_error("option --jobs needs a value");
      char* end = nullptr;
      const long n = std::strtol(v, &end, 10);
      if (*end != '\0' || n < 0 || n > 256)
        return usage_error("--jobs takes a number of threads from 0 to 256");
      opts.jobs = n == 0 ? static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))
                         : static_cast<int>(n);
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

  std::vector<std::string> files;
  for (const std::string& f : opts.files) {
    std::string error;
    if (!expand_input(f, files, error)) {
      std::fprintf(stderr, "gongwen: %s: cannot read: %s\n", f.c_str(), error.c_str());
      return 1;
    }
  }
  if (files.empty()) return usage_error("no input file (the directories given hold none)");
  if (!opts.directives && (opts.fmt == format::tasks || opts.fmt == format::tasks_jsonl))
    return usage_error("--no-directives leaves no tasks for --format tasks");

  run r(opts, files);
  if (opts.fmt == format::tasks) {
    std::string header;
    gongwen::write_tasks_csv_header(header);
    write_out(header);
  }
  if (opts.jobs > 1 && files.size() > 1) {
    // Each file's arrays are freed before the next file's are made. glibc would give
    // that memory back to the system after every file of a thread's arena and fault
    // it in again for the next (×45 page faults with --jobs 2, the threads taking the
    // process's memory lock in turn); keeping up to 64 MiB of it spares that. Files
    // of over 32 MiB still get memory of their own, returned when they are done.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
  }
  const int status = opts.jobs > 1 && files.size() > 1 ? r.parallel() : r.serial();
  std::fflush(stdout);
  return status;
}