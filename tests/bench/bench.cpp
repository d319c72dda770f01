// gongwen-bench: gongwen against md4c and cmark on the same content, in one run.
//
//   gongwen-bench [--mb N] [--rounds R] [--seed S] [--corpus DIR] [--huge-gb G] [--cli PATH]
//   gongwen-bench --dump PREFIX [--mb N]   (write the generated PREFIX.txt and PREFIX.md)
//
// 1. Generates N MB (default 50) of speech-like text from a seed: titles, salutations,
//    sections under varied ordinal families (一、 （一） 1． 一是 第一， ① …), inline
//    enumerations, units with roles, deadlines, long paragraphs; and the same content
//    as Markdown (headings as ATX headings, numbered items as ordered lists,
//    paragraphs separated by blank lines).
// 2. Runs, in turns, R rounds (default 7), each in a child process of its own: a
//    baseline (copy the text and find its line breaks with memchr), md4c (Markdown to
//    HTML), cmark (Markdown to HTML), gongwen's section tree alone, and gongwen's full
//    pipeline (tree, directives, agencies, deadlines) written as JSON, each reading the
//    text in place (parse_borrowed) as md4c and cmark do. Reports median
//    MB/s, the ratios the project holds itself to, and the memory each added.
// 3. Times the real documents of DIR (default ../shared/corpus): many small files, so
//    the cost per document shows.
// 4. Batch: the gongwen CLI over a directory of generated files with --jobs 1 and 2,
//    and run once per file, as a script that loops over files would.
// 5. Peak memory for a G GB input (default 1; 0 skips): parse() taking over the buffer.
//
// Figures vary by ±15-30% between runs on a shared VM: compare within one run only.
#include <gongwen/gongwen.hpp>

#include <cmark.h>
#include <fcntl.h>
#include <md4c-html.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// Measuring.

struct sample {
  double seconds = 0;
  double added_mib = 0;  // peak resident memory above what the child started with
};

/// Resident memory now and at its peak, in KiB, from /proc/self/status.
void memory_kib(long& rss, long& hwm) {
  std::ifstream in("/proc/self/status");
  std::string line;
  rss = hwm = 0;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) rss = std::atol(line.c_str() + 6);
    if (line.rfind("VmHWM:", 0) == 0) hwm = std::atol(line.c_str() + 6);
  }
}

/// Run work() in a child process: its wall time, and the memory it added at its peak.
sample measure(const std::function<void()>& work) {
  int fds[2];
  if (pipe(fds) != 0) std::abort();
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    long rss0 = 0, hwm0 = 0;
    memory_kib(rss0, hwm0);
    // The high-water mark starts at what the child inherited; count from there.
    std::ofstream("/proc/self/clear_refs") << "5";
    const auto t0 = std::chrono::steady_clock::now();
    work();
    const auto t1 = std::chrono::steady_clock::now();
    long rss1 = 0, hwm1 = 0;
    memory_kib(rss1, hwm1);
    sample s{std::chrono::duration<double>(t1 - t0).count(),
             static_cast<double>(std::max(0L, hwm1 - rss0)) / 1024.0};
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

double median_seconds(std::vector<sample> v) {
  std::sort(v.begin(), v.end(),
            [](const sample& a, const sample& b) { return a.seconds < b.seconds; });
  return v[v.size() / 2].seconds;
}

double max_added(const std::vector<sample>& v) {
  double m = 0;
  for (const sample& s : v) m = std::max(m, s.added_mib);
  return m;
}

volatile std::size_t sink;

// ---------------------------------------------------------------------------
// The generated corpus.

class speech_writer {
 public:
  explicit speech_writer(unsigned seed) : rng_(seed) {}

  /// Speeches until both texts reach target bytes.
  void write(std::size_t target, std::string& text, std::string& markdown) {
    while (text.size() < target) speech(text, markdown);
  }

  /// One speech of about the given size.
  void speech(std::string& text, std::string& md) {
    const std::string title = "在全县" + pick(topics_) + "工作会议上的讲话";
    line(text, md, title, "# ");
    line(text, md,
         "（" + std::to_string(2018 + n(7)) + "年" + std::to_string(1 + n(12)) + "月" +
             std::to_string(1 + n(28)) + "日）",
         "");
    line(text, md, "同志们：", "");
    line(text, md, "　　" + paragraph(3 + n(4), false), "");
    // One family per level, varied between speeches, as speakers and drafters vary them.
    static const std::vector<std::vector<std::string>> levels = {
        {"一、", "二、", "三、", "四、", "五、", "六、"},
        {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）"},
        {"1．", "2．", "3．", "4．", "5．", "6．"},
        {"第一，", "第二，", "第三，", "第四，", "第五，", "第六，"},
        {"（1）", "（2）", "（3）", "（4）", "（5）", "（6）"},
        {"①", "②", "③", "④", "⑤", "⑥"}};
    const std::size_t top = n(2) == 0 ? 0 : 3;
    const std::size_t second = top == 0 ? 1 : 0;
    const std::size_t third = n(2) == 0 ? 2 : 4;
    const int sections = 3 + n(3);
    for (int s = 0; s < sections; ++s) {
      line(text, md, "　　" + levels[top][s] + pick(headings_), "## ");
      line(text, md, "　　" + paragraph(2 + n(3), false), "");
      const int subs = 2 + n(3);
      for (int k = 0; k < subs; ++k) {
        line(text, md,
             "　　" + levels[second][k] + pick(headings_) + "。" + paragraph(3 + n(8), true),
             "### ");
        if (n(3) == 0) {
          // Numbered items: a list in Markdown.
          for (int m = 0; m < 2 + n(2); ++m) {
            const std::string item = pick(headings_) + "。" + paragraph(1 + n(3), true);
            text += "　　" + levels[third][m] + item + "\n";
            md += std::to_string(m + 1) + ". " + item + "\n";
          }
          md += "\n";
        }
      }
    }
    line(text, md, "　　同志们，" + paragraph(2, false), "");
  }

 private:
  int n(int bound) { return static_cast<int>(rng_() % static_cast<unsigned>(bound)); }
  const std::string& pick(const std::vector<std::string>& v) { return v[rng_() % v.size()]; }

  /// A line of text, and the same line in Markdown: a heading mark, or a paragraph.
  static void line(std::string& text, std::string& md, const std::string& s, const char* heading) {
    text += s;
    text += '\n';
    std::string_view body = s;
    while (body.substr(0, 3) == "　") body.remove_prefix(3);
    md += heading;
    md += body;
    md += "\n\n";
  }

  std::string agency() { return pick(prefixes_) + pick(units_); }

  std::string deadline() {
    switch (n(6)) {
      case 0:
        return std::to_string(1 + n(12)) + "月底前";
      case 1:
        return "×月底前";
      case 2:
        return "年底前";
      case 3:
        return std::to_string(1 + n(12)) + "月" + std::to_string(1 + n(28)) + "日前";
      case 4:
        return "三季度";
      default:
        return "年内";
    }
  }

  std::string sentence(bool tasks) {
    switch (tasks ? n(7) : 5 + n(2)) {
      case 0:
        return agency() + "牵头、" + agency() + "配合，" + deadline() + "完成" + pick(objects_) +
               "。";
      case 1:
        return agency() + "要" + pick(verbs_) + pick(objects_) + "，确保" + deadline() +
               "全面完成。";
      case 2:
        return agency() + "、" + agency() + "要" + pick(verbs_) + pick(objects_) + "。";
      case 3:
        return "要抓好三项工作：一是" + pick(verbs_) + pick(objects_) + "；二是" + pick(verbs_) +
               pick(objects_) + "；三是" + pick(verbs_) + pick(objects_) + "。";
      case 4:
        return agency() + "会同" + agency() + "，" + deadline() + pick(verbs_) + pick(objects_) +
               "。";
      case 5:
        return "今年以来，全县" + pick(objects_) + "取得明显成效，" + pick(facts_) + "。";
      default:
        return "我们必须清醒看到，" + pick(objects_) + "仍然存在不少短板，" + pick(facts_) + "。";
    }
  }

  std::string paragraph(int sentences, bool tasks) {
    std::string p;
    for (int i = 0; i < sentences; ++i) p += sentence(tasks);
    return p;
  }

  std::mt19937 rng_;
  const std::vector<std::string> topics_ = {"经济",     "重点项目建设", "安全生产",
                                            "乡村振兴", "优化营商环境", "招商引资",
                                            "民生实事", "生态环境保护"};
  const std::vector<std::string> headings_ = {
      "准确把握经济发展形势", "全力以赴抓好项目建设", "持续扩大有效投资", "着力优化营商环境",
      "切实保障和改善民生",   "坚决守住安全底线",     "深入推进乡村振兴", "切实转变工作作风",
      "加快推进产业转型升级", "扎实做好稳就业工作",   "持续深化改革开放", "加强组织领导"};
  const std::vector<std::string> prefixes_ = {"县", "县", "各", "市", "县委"};
  const std::vector<std::string> units_ = {
      "发改局",   "财政局", "商务局",     "住建局",     "自然资源局",   "人社局",
      "教育局",   "卫健局", "应急管理局", "农业农村局", "生态环境分局", "乡镇",
      "相关部门", "督查室", "税务局",     "市场监管局", "交通运输局"};
  const std::vector<std::string> verbs_ = {"加快推进", "全面落实", "持续深化", "切实加强",
                                           "认真做好", "统筹推进", "抓紧完善"};
  const std::vector<std::string> objects_ = {"重点项目年度投资计划", "减税降费政策",
                                             "城镇新增就业",         "农村人居环境整治",
                                             "安全生产专项整治",     "营商环境评价反馈问题整改",
                                             "招商引资签约项目落地", "老旧小区改造",
                                             "高标准农田建设",       "防汛抗旱准备工作"};
  const std::vector<std::string> facts_ = {
      "地区生产总值同比增长6.5%",       "固定资产投资完成年度计划的78%",
      "新开工项目32个、总投资45.6亿元", "城乡居民收入稳步增长",
      "部分项目推进缓慢、要素保障不足", "一些干部担当作为不够"};
};

// ---------------------------------------------------------------------------
// The engines.

void md4c_to_html(const std::string& md, std::string& out) {
  md_html(
      md.data(), static_cast<MD_SIZE>(md.size()),
      [](const MD_CHAR* text, MD_SIZE size, void* user) {
        static_cast<std::string*>(user)->append(text, size);
      },
      &out, MD_DIALECT_COMMONMARK, 0);
}

std::size_t cmark_to_html(const std::string& md) {
  char* html = cmark_markdown_to_html(md.data(), md.size(), CMARK_OPT_DEFAULT);
  const std::size_t n = std::strlen(html);
  std::free(html);
  return n;
}

std::size_t baseline(const std::string& text) {
  std::string copy(text);
  std::size_t lines = 0;
  for (const char* p = copy.data();
       (p = static_cast<const char*>(std::memchr(p, '\n', copy.data() + copy.size() - p))); ++p)
    ++lines;
  return lines + copy.size();
}

// gongwen reads the text where it lies (parse_borrowed), as md4c and cmark read theirs
// and as the CLI, which takes over the buffer it read, does: no copy is timed.
std::size_t structure_only(const std::string& text) {
  gongwen::options opts;
  opts.directives = false;
  return gongwen::parse_borrowed(text, opts).nodes().size();
}

/// The full pipeline as the CLI runs it: the JSON streamed out (here to /dev/null).
std::size_t full_to_json(const std::string& text) {
  static std::FILE* null = std::fopen("/dev/null", "wb");
  const gongwen::document doc = gongwen::parse_borrowed(text);
  gongwen::write_json(null, doc);
  return doc.nodes().size();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// ---------------------------------------------------------------------------
// The parts of the run.

void head_to_head(const std::string& text, const std::string& md, int rounds) {
  const double mb_text = static_cast<double>(text.size()) / 1e6;
  const double mb_md = static_cast<double>(md.size()) / 1e6;
  std::vector<sample> base, md4c, cmark, tree, full;
  for (int r = 0; r < rounds; ++r) {
    base.push_back(measure([&] { sink = baseline(text); }));
    md4c.push_back(measure([&] {
      std::string html;
      html.reserve(md.size() + md.size() / 4);
      md4c_to_html(md, html);
      sink = html.size();
    }));
    cmark.push_back(measure([&] { sink = cmark_to_html(md); }));
    tree.push_back(measure([&] { sink = structure_only(text); }));
    full.push_back(measure([&] { sink = full_to_json(text); }));
  }
  const double b = mb_text / median_seconds(base);
  const double m4 = mb_md / median_seconds(md4c);
  const double cm = mb_md / median_seconds(cmark);
  const double tr = mb_text / median_seconds(tree);
  const double fu = mb_text / median_seconds(full);
  std::printf("generated speeches: %.1f MB of text, %.1f MB as Markdown; median of %d rounds\n",
              mb_text, mb_md, rounds);
  std::printf("  %-44s %8s %14s\n", "", "MB/s", "memory added");
  auto row = [](const char* name, double mbs, const std::vector<sample>& v, double mb) {
    std::printf("  %-44s %8.1f %8.0f MiB (x%.2f of its input)\n", name, mbs, max_added(v),
                max_added(v) / (mb * 1e6 / 1048576.0));
  };
  row("baseline: copy + memchr line breaks", b, base, mb_text);
  row("md4c 0.4.8, Markdown to HTML", m4, md4c, mb_md);
  row("cmark 0.30.2, Markdown to HTML", cm, cmark, mb_md);
  row("gongwen, section tree only", tr, tree, mb_text);
  row("gongwen, full pipeline written as JSON", fu, full, mb_text);
  std::printf("  section tree vs md4c:         x%.2f  (target x1.2)\n", tr / m4);
  std::printf("  full pipeline + JSON vs cmark: x%.2f  (target x1.3)\n", fu / cm);
}

void corpus_documents(const fs::path& dir, int rounds) {
  std::vector<std::string> docs;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const auto ext = it->path().extension();
    if (ext != ".txt" && ext != ".md") continue;
    if (it->path().string().find("/gold/") != std::string::npos) continue;
    docs.push_back(read_file(it->path()));
  }
  if (docs.empty()) {
    std::printf("\ncorpus: no documents under %s (skipped)\n", dir.c_str());
    return;
  }
  std::size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  // Enough passes over the documents for a measurable time.
  const int passes = static_cast<int>(std::max<std::size_t>(1, 20'000'000 / bytes));
  std::vector<sample> tree, full;
  for (int r = 0; r < rounds; ++r) {
    tree.push_back(measure([&] {
      for (int p = 0; p < passes; ++p)
        for (const auto& d : docs) sink = structure_only(d);
    }));
    full.push_back(measure([&] {
      for (int p = 0; p < passes; ++p)
        for (const auto& d : docs) sink = full_to_json(d);
    }));
  }
  const double total_mb = static_cast<double>(bytes) * passes / 1e6;
  const double count = static_cast<double>(docs.size()) * passes;
  std::printf(
      "\nreal documents: %zu files of %s (%.2f MB, mean %.0f KB), %d passes, median of %d rounds\n",
      docs.size(), dir.c_str(), static_cast<double>(bytes) / 1e6,
      static_cast<double>(bytes) / 1e3 / static_cast<double>(docs.size()), passes, rounds);
  std::printf("  %-44s %8.1f MB/s %8.0f documents/s\n", "gongwen, section tree only",
              total_mb / median_seconds(tree), count / median_seconds(tree));
  std::printf("  %-44s %8.1f MB/s %8.0f documents/s\n", "gongwen, full pipeline written as JSON",
              total_mb / median_seconds(full), count / median_seconds(full));
}

void batch(const std::string& cli, unsigned seed, int rounds) {
  if (cli.empty() || !fs::exists(cli)) {
    std::printf("\nbatch: no gongwen CLI to run (skipped)\n");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("gongwen-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  speech_writer w(seed + 1);
  std::size_t bytes = 0;
  for (int i = 0; i < 400; ++i) {
    std::string text, md;
    w.write(60'000, text, md);
    bytes += text.size();
    std::ofstream(dir / (std::to_string(1000 + i) + ".txt"), std::ios::binary) << text;
  }
  auto run = [&](int jobs) {
    return measure([&] {
      const std::string cmd =
          "'" + cli + "' --jobs " + std::to_string(jobs) + " '" + dir.string() + "' >/dev/null";
      sink = static_cast<std::size_t>(std::system(cmd.c_str()));
    });
  };
  // A script that runs the CLI once for each file pays the process's start-up (loading
  // the libraries, the grammars' tables built at first use) for every file.
  constexpr int per_file_count = 100;
  auto run_per_file = [&] {
    return measure([&] {
      for (int i = 0; i < per_file_count; ++i) {
        // Spawned, not forked: a copy of this process's tables would be timed too.
        std::string file = (dir / (std::to_string(1000 + i) + ".txt")).string();
        std::string program = cli;
        char* args[] = {program.data(), file.data(), nullptr};
        posix_spawn_file_actions_t out;
        posix_spawn_file_actions_init(&out);
        posix_spawn_file_actions_addopen(&out, 1, "/dev/null", O_WRONLY, 0);
        pid_t pid = 0;
        int status = 0;
        if (posix_spawn(&pid, program.c_str(), &out, nullptr, args, environ) == 0)
          waitpid(pid, &status, 0);
        posix_spawn_file_actions_destroy(&out);
        sink = sink + static_cast<std::size_t>(status);
      }
    });
  };
  std::vector<sample> one, two, per_file;
  for (int r = 0; r < rounds; ++r) {
    one.push_back(run(1));
    two.push_back(run(2));
    per_file.push_back(run_per_file());
  }
  fs::remove_all(dir);
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("\nbatch: gongwen CLI over 400 files (%.1f MB) to JSON Lines, median of %d rounds\n",
              mb, rounds);
  std::printf(
      "  --jobs 1: %.1f MB/s   --jobs 2: %.1f MB/s   speed-up x%.2f on 2 cores (target x1.8)\n",
      mb / median_seconds(one), mb / median_seconds(two),
      median_seconds(one) / median_seconds(two));
  const double ms_in_batch = median_seconds(one) * 1e3 / 400;
  const double ms_per_run = median_seconds(per_file) * 1e3 / per_file_count;
  std::printf(
      "  one CLI run per file (the first %d files): %.2f ms a file, against %.2f ms a file in "
      "one --jobs 1 run: x%.1f\n",
      per_file_count, ms_per_run, ms_in_batch, ms_per_run / ms_in_batch);
}

void huge(double gb, unsigned seed) {
  const auto target = static_cast<std::size_t>(gb * 1e9);
  const sample s = measure([&] {
    // Built in the child, so its memory is the child's: the input, then the parse.
    std::string text;
    text.reserve(target + 100'000);
    speech_writer w(seed);
    std::string chunk, chunk_md;
    w.write(4'000'000, chunk, chunk_md);
    while (text.size() < target) text += chunk;
    const gongwen::document doc = gongwen::parse(std::move(text));
    sink = doc.nodes().size();
  });
  const double input_mib = static_cast<double>(target) / 1048576.0;
  std::printf(
      "\nhuge input: %.2f GB of speeches, parse() taking over the buffer: %.1f s, peak %.0f MiB = "
      "x%.2f "
      "of the input (target at most x3)\n",
      gb, s.seconds, s.added_mib, s.added_mib / input_mib);
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 50;
  int rounds = 7;
  unsigned seed = 20261122;
  double huge_gb = 1;
  std::string corpus = GONGWEN_SOURCE_DIR "/../shared/corpus";
  std::string cli = GONGWEN_CLI;
  std::string dump;  // write the generated text and Markdown to DUMP.txt and DUMP.md, then stop
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--mb")
      mb = std::atof(next());
    else if (a == "--rounds")
      rounds = std::max(1, std::atoi(next()));
    else if (a == "--seed")
      seed = static_cast<unsigned>(std::strtoul(next(), nullptr, 10));
    else if (a == "--corpus")
      corpus = next();
    else if (a == "--huge-gb")
      huge_gb = std::atof(next());
    else if (a == "--cli")
      cli = next();
    else if (a == "--dump")
      dump = next();
    else {
      std::printf(
          "usage: gongwen-bench [--mb N] [--rounds R] [--seed S] [--corpus DIR] [--huge-gb G] "
          "[--cli PATH]\n"
          "       gongwen-bench --dump PREFIX [--mb N]\n");
      return a == "-h" || a == "--help" ? 0 : 2;
    }
  }
  std::string text, md;
  speech_writer(seed).write(static_cast<std::size_t>(mb * 1e6), text, md);
  if (!dump.empty()) {
    std::ofstream(dump + ".txt", std::ios::binary) << text;
    std::ofstream(dump + ".md", std::ios::binary) << md;
    return 0;
  }
  head_to_head(text, md, rounds);
  corpus_documents(corpus, rounds);
  batch(cli, seed, std::max(3, rounds / 2));
  if (huge_gb > 0) huge(huge_gb, seed);
  return 0;
}
