// Offsets, lines and character columns on Chinese text.
#include <doctest/doctest.h>

#include "helpers.hpp"

TEST_SUITE("positions") {
  TEST_CASE("columns count characters, not bytes") {
    const std::string text = "一、甲乙丙\n二是丁😀戊。三是己\n";
    const auto doc = gongwen::parse(text);
    CHECK(doc.position_of(0).line == 1);
    CHECK(doc.position_of(0).column == 1);
    const auto at = static_cast<gongwen::offset>(text.find("丙"));
    CHECK(doc.position_of(at).line == 1);
    CHECK(doc.position_of(at).column == 5);
    const auto san = static_cast<gongwen::offset>(text.find("三是"));
    CHECK(doc.position_of(san).line == 2);
    CHECK(doc.position_of(san).column ==
          7);  // 二 是 丁 😀 戊 。 then 三: the emoji is one character
  }

  TEST_CASE("LF, CRLF and CR each end a line") {
    const std::string text = "一、甲\r\n二、乙\r三、丙\n四、丁";
    const auto doc = gongwen::parse(text);
    CHECK(doc.line_count() == 4);
    std::vector<std::uint32_t> lines;
    for (const auto& n : doc.nodes())
      if (n.type == gongwen::node_type::section) lines.push_back(n.line);
    CHECK(lines == std::vector<std::uint32_t>{1, 2, 3, 4});
    const auto si = static_cast<gongwen::offset>(text.find("四"));
    CHECK(doc.position_of(si).line == 4);
    CHECK(doc.position_of(si).column == 1);
  }

  TEST_CASE("a UTF-8 BOM counts in offsets and is not content") {
    const std::string text = "\xEF\xBB\xBF一、甲\n";
    const auto doc = gongwen::parse(text);
    const auto* s = gongwen::test::first_of(doc, gongwen::node_type::section);
    REQUIRE(s != nullptr);
    CHECK(s->span.begin == 3);
    CHECK(doc.text(doc.ordinal_of(*s).marker) == "一、");
  }

  TEST_CASE("indentation of every kind is not content") {
    const std::string text = "\t \u3000\u2003\u00A0一、甲\n";
    const auto doc = gongwen::parse(text);
    const auto* s = gongwen::test::first_of(doc, gongwen::node_type::section);
    REQUIRE(s != nullptr);
    CHECK(s->span.begin == text.find("一"));
    CHECK(doc.position_of(s->span.begin).column == 6);
  }

  TEST_CASE("columns far into a long line without line breaks") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "发展";  // 10000 characters, 30000 bytes
    text += "。一是甲。";
    const auto doc = gongwen::parse(text);
    const auto at = static_cast<gongwen::offset>(text.find("一是"));
    CHECK(doc.position_of(at).line == 1);
    CHECK(doc.position_of(at).column == 10002);
  }

  TEST_CASE("offsets of nodes are byte offsets into the text") {
    const std::string text = "同志们：\n一、准确把握经济发展态势\n";
    const auto doc = gongwen::parse(text);
    for (const auto& n : doc.nodes()) {
      CHECK(n.span.begin <= n.span.end);
      CHECK(n.span.end <= text.size());
    }
    const auto* s = gongwen::test::first_of(doc, gongwen::node_type::section);
    REQUIRE(s != nullptr);
    CHECK(doc.text(doc.title_of(*s)) == "准确把握经济发展态势");
    CHECK(doc.title_of(*s).begin == text.find("准确"));
  }
}
