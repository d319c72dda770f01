// gongwen-bench: speed and memory of parse() and the JSON writer, reported as ratios
// to a baseline measured in the same run on the same machine (machines are noisy:
// compare within one run, never across runs).
//
//   gongwen-bench [--mb N] [--rounds R] [FILE...]
//
// The input is FILE... (default: the bundled example speech and test fixtures)
// concatenated and repeated to N MB. It is measured twice: with its line breaks, and
// with every line break replaced by a run of U+3000 (text copied from web pages).
//
// Baseline: memchr for '\n' over the buffer plus a copy of it (parse() owns a copy).
// Each phase runs in a child process so its peak RSS is its own.
#include <gongwen/gongwen.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

namespace {

struct sample {
  double seconds = 0;
  double peak_mib = 0;
};

/// Run work() in a child process; return its wall time and peak resident memory.
sample measure(const std::function<void()>& work) {
  int fds[2];
  if (pipe(fds) != 0) std::abort();
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const auto t0 = std::chrono::steady_clock::now();
    work();
    const auto t1 = std::chrono::steady_clock::now();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    sample s{std::chrono::duration<double>(t1 - t0).count(),
             static_cast<double>(ru.ru_maxrss) / 1024.0};
    if (write(fds[1], &s, sizeof s) != sizeof s) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  sample s;
  if (read(fds[0], &s, sizeof s) != sizeof s) std::abort();
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return s;
}

sample median(std::vector<sample> v) {
  std::sort(v.begin(), v.end(),
            [](const sample& a, const sample& b) { return a.seconds < b.seconds; });
  return v[v.size() / 2];
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

volatile std::size_t sink;

void report(const char* name, const std::string& input, int rounds) {
  const double mb = static_cast<double>(input.size()) / 1e6;
  std::vector<sample> base, structure, parse, json;
  for (int r = 0; r < rounds; ++r) {
    base.push_back(measure([&] {
      std::string copy(input);
      std::size_t lines = 0;
      for (const char* p = copy.data();
           (p = static_cast<const char*>(std::memchr(p, '\n', copy.data() + copy.size() - p))); ++p)
        ++lines;
      sink = lines + copy.size();
    }));
    structure.push_back(measure([&] {
      gongwen::options opts;
      opts.directives = false;
      sink = gongwen::parse(input, opts).nodes().size();
    }));
    parse.push_back(measure([&] { sink = gongwen::parse(input).nodes().size(); }));
    json.push_back(measure([&] {
      const auto doc = gongwen::parse(input);
      sink = gongwen::to_json(doc).size();
    }));
  }
  const sample b = median(base), st = median(structure), p = median(parse), j = median(json);
  std::printf("%s: %.1f MB, median of %d rounds\n", name, mb, rounds);
  std::printf("  %-24s %9.1f MB/s  %7.1f MiB peak\n", "baseline (copy + memchr)", mb / b.seconds,
              b.peak_mib);
  std::printf("  %-24s %9.1f MB/s  %7.1f MiB peak   time x%.1f of baseline, memory x%.2f\n",
              "parse, structure only", mb / st.seconds, st.peak_mib, st.seconds / b.seconds,
              st.peak_mib / b.peak_mib);
  std::printf("  %-24s %9.1f MB/s  %7.1f MiB peak   time x%.1f of baseline, memory x%.2f\n",
              "parse", mb / p.seconds, p.peak_mib, p.seconds / b.seconds, p.peak_mib / b.peak_mib);
  std::printf("  %-24s %9.1f MB/s  %7.1f MiB peak   time x%.1f of baseline, memory x%.2f\n",
              "parse + JSON", mb / j.seconds, j.peak_mib, j.seconds / b.seconds,
              j.peak_mib / b.peak_mib);
}

/// Time per MB at a quarter of the input and at all of it: linear work gives ~1.
void linearity(const std::string& input, int rounds) {
  const std::string quarter = input.substr(0, input.size() / 4);
  std::vector<sample> small, large;
  for (int r = 0; r < rounds; ++r) {
    small.push_back(measure([&] { sink = gongwen::parse(quarter).nodes().size(); }));
    large.push_back(measure([&] { sink = gongwen::parse(input).nodes().size(); }));
  }
  const double per_mb_small = median(small).seconds / static_cast<double>(quarter.size());
  const double per_mb_large = median(large).seconds / static_cast<double>(input.size());
  std::printf("  linearity: time per byte at full size / at a quarter = %.2f (1.00 is linear)\n",
              per_mb_large / per_mb_small);
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 32;
  int rounds = 5;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc)
      target_mb = std::atof(argv[++i]);
    else if (a == "--rounds" && i + 1 < argc)
      rounds = std::max(1, std::atoi(argv[++i]));
    else if (a == "-h" || a == "--help") {
      std::printf("usage: gongwen-bench [--mb N] [--rounds R] [FILE...]\n");
      return 0;
    } else
      files.push_back(a);
  }
  if (files.empty()) {
    const std::string src = GONGWEN_SOURCE_DIR;
    files = {src + "/examples/speech.txt", src + "/tests/fixtures/plan.txt",
             src + "/tests/fixtures/notice.txt", src + "/tests/fixtures/report.txt"};
  }
  std::string unit;
  for (const auto& f : files) {
    const std::string t = read_file(f);
    if (t.empty()) {
      std::fprintf(stderr, "gongwen-bench: cannot read %s\n", f.c_str());
      return 1;
    }
    unit += t;
    if (unit.back() != '\n') unit += '\n';
  }
  std::string input;
  const auto target = static_cast<std::size_t>(target_mb * 1e6);
  input.reserve(target + unit.size());
  while (input.size() < target) input += unit;

  std::string no_breaks;
  no_breaks.reserve(input.size() * 2);
  for (const char c : input) {
    if (c == '\n')
      no_breaks += "\u3000\u3000";
    else
      no_breaks += c;
  }

  report("with line breaks", input, rounds);
  linearity(input, rounds);
  report("no line breaks (U+3000 runs)", no_breaks, rounds);
  linearity(no_breaks, rounds);
  return 0;
}
