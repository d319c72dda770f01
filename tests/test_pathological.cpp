// Pathological inputs: they must finish, stay bounded, and lose nothing.
#include <doctest/doctest.h>

#include "analysis.hpp"
#include "helpers.hpp"

TEST_SUITE("pathological") {
  TEST_CASE("empty and blank inputs") {
    for (const char* text : {"", "\n", "\r\n\r\n", "　　　", " \t "}) {
      const auto doc = gongwen::parse(text);
      CHECK(doc.ok());
      CHECK(doc.nodes().size() == 1);
      CHECK(doc.root().span.end == std::string_view(text).size());
    }
  }

  TEST_CASE("a long text whose only paragraph breaks are runs of U+3000") {
    std::string text;
    for (int i = 0; i < 20000; ++i)
      text += "　　一、加快推进项目建设。一是强化保障。二是压实责任。";
    const auto doc = gongwen::parse(text);
    CHECK(doc.ok());
    std::size_t sections = 0;
    int deepest = 0;
    for (const auto& n : doc.nodes()) {
      sections += n.type == gongwen::node_type::section;
      deepest = std::max<int>(deepest, n.level);
    }
    CHECK(sections == 60000);
    CHECK(deepest == 2);
  }

  TEST_CASE(
      "a long text with no paragraph breaks at all: every restart opens below, to the bound") {
    std::string text;
    for (int i = 0; i < 20000; ++i)
      text += "要加快推进项目建设，确保按期完成。一是强化保障。二是压实责任。";
    const auto doc = gongwen::parse(text);
    CHECK(doc.ok());
    int deepest = 0;
    for (const auto& n : doc.nodes()) deepest = std::max<int>(deepest, n.level);
    CHECK(deepest == gongwen::options{}.max_depth);
    CHECK(doc.diagnostics().size() == 11);  // ten listed, then a count
  }

  TEST_CASE("a single line of 50 MB without a break (5 MB in unoptimised builds)") {
#ifdef NDEBUG
    constexpr std::size_t size = 50'000'000;
#else
    constexpr std::size_t size = 5'000'000;  // the sanitizer build runs about 20 times slower
#endif
    const std::string unit =
        "一要抓实项目建设。县发改局牵头、各项目责任单位配合，×月底前完成重点项目年度投资的×%。"
        "县自然资源局、县住建局要压缩审批时限，确保9月底前新开工项目全部开工：一是强化要素保障；"
        "二是加快审批进度；三是压实工作责任。";
    std::string text;
    text.reserve(size + unit.size());
    while (text.size() < size) text += unit;
    const auto doc = gongwen::parse(text);
    CHECK(doc.ok());
    CHECK(doc.line_count() == 1);
    CHECK(gongwen::test::count_of(doc, gongwen::node_type::directive) > size / unit.size());
    for (const std::string& problem : gongwen::check_invariants(doc)) FAIL_CHECK(problem);
    const auto end = doc.position_of(static_cast<gongwen::offset>(text.size()));
    CHECK(end.line == 1);
    std::size_t chars = 0;
    for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    CHECK(end.column == chars + 1);
  }

  TEST_CASE("100,000 headings in one paragraph") {
    // (1) … (500), then (1) again: each restart opens a list below the last item
    // (the spec's reading rules), down to options::max_depth; what would nest deeper
    // is kept as text and counted in the warnings.
    std::string text = "要抓好以下工作：";
    for (int i = 0; i < 100000; ++i) text += "（" + std::to_string(i % 500 + 1) + "）抓落实。";
    const auto doc = gongwen::parse(text);
    CHECK(doc.ok());
    std::size_t sections = 0;
    int deepest = 0;
    for (const auto& n : doc.nodes()) {
      if (n.type != gongwen::node_type::section) continue;
      ++sections;
      deepest = std::max<int>(deepest, n.level);
    }
    CHECK(deepest == gongwen::options{}.max_depth);
    REQUIRE(doc.diagnostics().size() == 11);
    const std::string& more =
        doc.diagnostics().back().message;  // "N more headings nested too deep"
    const std::size_t dropped = 10 + std::stoul(more.substr(0, more.find(' ')));
    CHECK(sections + dropped == 100000);
    CHECK(sections > 90000);
    for (const std::string& problem : gongwen::check_invariants(doc)) FAIL_CHECK(problem);
  }

  TEST_CASE("a thousand headings, each in the next ordinal family: nesting stays bounded") {
    // Each family opens one level below the last one seen; a family seen before
    // returns to its level, so the depth is bounded by the families, never by the text.
    const char* families[] = {"一、",       "（一）",   "第一，", "一是",   "1．",    "（1）", "①",
                              "第一件事，", "一方面，", "首先，", "第一章", "第一条", "——"};
    std::string text;
    for (int i = 0; i < 1000; ++i) text += std::string(families[i % 13]) + "抓好落实工作\n";
    const auto doc = gongwen::parse(text);
    int deepest = 0;
    std::size_t sections = 0;
    for (const auto& n : doc.nodes()) {
      deepest = std::max<int>(deepest, n.level);
      sections += n.type == gongwen::node_type::section;
    }
    CHECK(deepest <= 13);
    CHECK(sections >= 900);  // 第一章 and 第一条 may close others; every line is kept
    for (const std::string& problem : gongwen::check_invariants(doc)) FAIL_CHECK(problem);
  }

  TEST_CASE("inline restarts cannot nest without bound") {
    std::string text = "甲：";
    for (int i = 0; i < 10000; ++i) text += "一是乙。";
    const auto doc = gongwen::parse(text);
    int deepest = 0;
    for (const auto& n : doc.nodes()) deepest = std::max<int>(deepest, n.level);
    CHECK(deepest == gongwen::options{}.max_depth);
  }

  TEST_CASE("a paragraph of nothing but boundaries and would-be markers") {
    std::string text;
    for (int i = 0; i < 50000; ++i) text += "。：";
    text += "（一）（一）（（（一是";
    for (int i = 0; i < 50000; ++i) text += "第一";
    const auto doc = gongwen::parse(text);
    CHECK(doc.ok());
  }

  TEST_CASE("unbalanced brackets and quotes") {
    const auto doc = gongwen::parse("一、“甲（乙《丙。一是丁。二是戊。\n二、己）”》\n");
    CHECK(gongwen::test::sections(doc) == "1:一、 2:一是 2:二是 1:二、");
  }

  TEST_CASE("a stray NUL byte in a text is kept, escaped in the JSON, and reported") {
    std::string text = "一、甲";
    text.push_back('\0');
    text += "乙\x01\n二、丙\n";
    // A long document around it: one NUL in a thousand bytes is a stray, not binary data.
    for (int i = 0; i < 100; ++i) text += "要加快推进重点项目建设，确保按期完成年度目标任务。\n";
    const auto doc = gongwen::parse(text);
    REQUIRE(doc.diagnostics().size() == 1);
    CHECK(doc.diagnostics()[0].severity == gongwen::diagnostic::level::warning);
    CHECK(doc.diagnostics()[0].at == 9);
    CHECK(doc.position_of(9).column == 4);
    CHECK(doc.ok());
    CHECK(gongwen::test::sections(doc) == "1:一、 1:二、");
    CHECK(gongwen::to_json(doc).find("\\u0000") != std::string::npos);
  }

  TEST_CASE("a truncated multi-byte character at the end") {
    const auto doc = gongwen::parse("一、甲\n乙\xE4\xB8");
    CHECK_FALSE(doc.ok());
    CHECK(doc.diagnostics().front().at == 13);  // 一、甲 \n 乙 are 13 bytes
  }

  TEST_CASE("input larger than the limit is refused with an error") {
    gongwen::options opts;
    opts.max_input_bytes = 16;
    const auto doc = gongwen::parse("一、甲乙丙丁戊己庚辛\n", opts);
    CHECK_FALSE(doc.ok());
    CHECK(doc.nodes().size() == 1);
  }

  TEST_CASE("a plan of thousands of items, each closed by label lines") {
    std::string text = "一、重点任务\n";
    for (int i = 1; i <= 3000; ++i) {
      text += std::to_string(i) + ".推进第" + std::to_string(i) + "项工作。加快实施。\n";
      text += "牵头单位：县发改局\n配合单位：各乡镇、县直相关部门\n完成时限：2024年12月底前\n";
    }
    const auto doc = gongwen::parse(text);
    const auto tasks = gongwen::task_ledger(doc);
    REQUIRE(tasks.size() == 3000);
    CHECK(tasks.back().lead.size() == 1);
    CHECK(tasks.back().cooperate.size() == 2);
    CHECK(tasks.back().deadlines.size() == 1);
  }

  TEST_CASE("one sentence that is an enormous list of units, and one with no punctuation at all") {
    std::string list;
    const char* names[] = {"县发改局、", "县财政局、", "县住建局、", "县教育局、", "县民政局、"};
    for (int i = 0; i < 5000; ++i) list += names[i % 5];
    list += "县财政局要抓好落实。";
    const auto doc = gongwen::parse(list);
    std::size_t units = 0;
    for (const auto& n : doc.nodes()) units += doc.agencies(n).size();
    CHECK(units == 5001);

    std::string run;
    for (int i = 0; i < 20000; ++i) run += "各乡镇各部门要加快推进县城建设";
    const auto doc2 = gongwen::parse(run);
    CHECK(doc2.ok());
  }

  TEST_CASE("a run with no sentence end is cut into sentences of at most max_sentence_bytes") {
    // The analysis holds a sentence's characters decoded, 12 bytes each: a line of data
    // must not make one sentence of the whole input.
    using gongwen::detail::max_sentence_bytes;
    for (const std::string_view piece :
         {std::string_view("abcdefg "), std::string_view("县发改局牵头")}) {
      std::string text;
      while (text.size() < 2 * max_sentence_bytes + 12345) text += piece;
      text += "。";  // so that no blank at the end is trimmed
      std::vector<gongwen::span> sentences;
      gongwen::detail::split_sentences(text, 0, static_cast<gongwen::offset>(text.size()),
                                       sentences);
      REQUIRE(sentences.size() == 3);
      gongwen::offset at = 0;
      for (const gongwen::span s : sentences) {
        CHECK(s.begin == at);  // nothing lost between the pieces
        CHECK(s.size() <= max_sentence_bytes);
        CHECK((static_cast<unsigned char>(text[s.begin]) & 0xC0) != 0x80);  // a character starts it
        at = s.end;
      }
      CHECK(at == text.size());
      CHECK(gongwen::parse(text).ok());
    }
  }

  TEST_CASE("random documents from the pieces these texts are made of, and random bytes") {
    const char* pieces[] = {"一、",     "（一）",
                            "第一，",   "一是",
                            "二要",     "1.",
                            "（1）",    "①",
                            "一方面，", "首先，",
                            "——",       "经济方面，",
                            "第一章",   "第一条",
                            "县发改局", "牵头",
                            "各乡镇、", "配合",
                            "要",       "×月底前",
                            "年底前",   "（牵头单位：",
                            "；",       "）",
                            "。",       "，",
                            "：",       "“",
                            "”",        "《",
                            "》",       "\n",
                            "\r\n",     "\r",
                            "　　",     " ",
                            "同志们，", "附件",
                            "仅供学习", "2021年",
                            "三季度",   "等部门",
                            "会同",     "\xFF",
                            "\xE4\xB8", "\xF0\x9F\x98\x80",
                            "\0",       "加快推进项目建设"};
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int round = 0; round < 300; ++round) {
      std::string text;
      const int n = static_cast<int>(next() % 200);
      for (int k = 0; k < n; ++k) text += pieces[next() % (sizeof pieces / sizeof *pieces)];
      INFO("round ", round);
      const auto doc = gongwen::parse(text);
      bool spans_inside = true;
      for (const auto& node : doc.nodes()) {
        spans_inside =
            spans_inside && node.span.begin <= node.span.end && node.span.end <= doc.text().size();
        for (const auto& a : doc.agencies(node))
          spans_inside = spans_inside && a.text.end <= doc.text().size();
      }
      CHECK(spans_inside);
      for (const std::string& problem : gongwen::check_invariants(doc)) FAIL_CHECK(problem);
      // The JSON is valid UTF-8 throughout: every lead byte has its continuation bytes.
      const std::string json = gongwen::to_json(doc);
      bool valid = true;
      for (std::size_t i = 0; i < json.size() && valid;) {
        const auto b = static_cast<unsigned char>(json[i]);
        const std::size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        valid = (b < 0x80 || (b >= 0xC2 && b <= 0xF4)) && i + len <= json.size();
        for (std::size_t k = 1; k < len && valid; ++k)
          valid = (static_cast<unsigned char>(json[i + k]) & 0xC0) == 0x80;
        i += len;
      }
      CHECK(valid);
      std::string tasks;
      gongwen::write_tasks_csv(tasks, doc);
    }
  }

  TEST_CASE("every byte of content belongs to exactly one leaf") {
    const std::string text =
        "仅供学习\n在某会上的讲话\n同志们：\n一、甲。一是乙。二是丙。\n　　经济方面，丁。社会方面，"
        "戊。\n——己\n附件\n一、庚\n";
    const auto doc = gongwen::parse(text);
    std::vector<int> owners(text.size(), 0);
    for (const auto& n : doc.nodes()) {
      if (n.first_child != gongwen::no_node || n.type == gongwen::node_type::document ||
          n.type == gongwen::node_type::directive)
        continue;
      for (auto k = n.span.begin; k < n.span.end; ++k) ++owners[k];
    }
    for (std::size_t k = 0; k < text.size(); ++k) {
      INFO(k);
      CHECK(owners[k] <= 1);
    }
  }
}
