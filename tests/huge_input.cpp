// A 1 GB document: parse() must finish with peak memory under three times the input.
//
//   gongwen-huge-input [GB]   (default 1)
//
// The text is the project's example speech and fixtures (a speech, a plan, a notice,
// a report, a speech full of tasks) repeated to the size: denser in headings, units
// and deadlines than real documents, so a hard case. The peak is the process's
// high-water mark of resident memory (VmHWM), with parse() taking over the buffer.
// A CTest in optimised builds only: under the sanitizers, shadow memory is what it
// would measure.
#include <gongwen/gongwen.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

long peak_kib() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  const double gb = argc > 1 ? std::atof(argv[1]) : 1.0;
  const auto target = static_cast<std::size_t>(gb * 1e9);
  const std::string src = GONGWEN_SOURCE_DIR;
  std::string unit;
  for (const char* f :
       {"/examples/speech.txt", "/tests/fixtures/plan.txt", "/tests/fixtures/notice.txt",
        "/tests/fixtures/report.txt", "/tests/fixtures/speech-tasks.txt"})
    unit += read_file(src + f) + "\n";
  if (unit.size() < 1000) {
    std::fprintf(stderr, "gongwen-huge-input: cannot read the fixtures under %s\n", src.c_str());
    return 1;
  }
  std::string text;
  text.reserve(target + unit.size());
  while (text.size() < target) text += unit;
  const std::size_t size = text.size();
  const double input_mib = static_cast<double>(size) / 1048576.0;

  const gongwen::document doc = gongwen::parse(std::move(text));
  const double peak_mib = static_cast<double>(peak_kib()) / 1024.0;
  std::size_t directives = 0;
  for (const gongwen::node& n : doc.nodes()) directives += n.type == gongwen::node_type::directive;
  const double ratio = peak_mib / input_mib;
  std::printf(
      "%.0f MiB input: %zu nodes, %zu directives, %zu lines; peak %.0f MiB = x%.2f of the input\n",
      input_mib, doc.nodes().size(), directives, doc.line_count(), peak_mib, ratio);
  if (!doc.ok() || doc.text().size() != size || directives == 0) {
    std::printf("FAILED: the document did not parse whole\n");
    return 1;
  }
  if (ratio >= 3.0) {
    std::printf("FAILED: peak memory is not under three times the input\n");
    return 1;
  }
  return 0;
}
