// Offsets, lines and character columns on Chinese text.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>

#include "helpers.hpp"
#include "text.hpp"

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

  // The index behind columns (code points before each 4 KiB block) is counted by the
  // UTF-8 check for UTF-8 input and by the builder for the rest (a transcoding, the
  // text after an invalid byte): every column must be what counting from the line's
  // start gives, in blocks on both sides of the switch.
  TEST_CASE("columns in a long text agree with counting from the line's start") {
    const std::string pieces[] = {"县商务局牵头，",
                                  "各职能部门配合；",
                                  "6月底前完成。",
                                  "é",
                                  "😀",
                                  "\n",
                                  "一、",
                                  "abc ",
                                  "\r\n"};
    std::string text;
    for (unsigned k = 0; text.size() < 60'000; k = k * 1103515245 + 12345)
      text += pieces[(k >> 16) % std::size(pieces)];
    std::string broken = text;  // an invalid byte two blocks and a half in
    broken.insert(broken.find("。", 10'000) + 3, "\xFF");
    std::string utf16le;
    auto unit = [&](char32_t u) {
      utf16le += static_cast<char>(u & 0xFF);
      utf16le += static_cast<char>(u >> 8);
    };
    for (std::size_t i = 0; i < text.size();) {
      const auto c = gongwen::detail::decode_at(text, i);
      i += c.len;
      if (c.cp < 0x10000) {
        unit(c.cp);
      } else {
        unit(0xD800 + ((c.cp - 0x10000) >> 10));
        unit(0xDC00 + ((c.cp - 0x10000) & 0x3FF));
      }
    }
    gongwen::options as_utf16;
    as_utf16.encoding = gongwen::input_encoding::utf16le;
    for (const auto& [input, opts] :
         {std::pair{text, gongwen::options{}}, std::pair{broken, gongwen::options{}},
          std::pair{utf16le, as_utf16}}) {
      const gongwen::document doc = gongwen::parse(input, opts);
      const std::string_view t = doc.text();
      REQUIRE(t.size() >= text.size());
      std::size_t line = 1, line_start = 0, checked = 0, wrong = 0;
      for (std::size_t at = 0; at < t.size(); ++at) {
        if (t[at] == '\n' || (t[at] == '\r' && (at + 1 >= t.size() || t[at + 1] != '\n'))) {
          ++line;
          line_start = at + 1;
          continue;
        }
        if ((static_cast<unsigned char>(t[at]) & 0xC0) == 0x80) continue;  // not a character start
        const auto p = doc.position_of(static_cast<gongwen::offset>(at));
        const std::size_t column =
            gongwen::detail::count_chars(t.substr(line_start, at - line_start)) + 1;
        ++checked;
        if ((p.line != line || p.column != column) && ++wrong <= 3)
          FAIL_CHECK("at " << at << ": " << p.line << ":" << p.column << ", counted " << line << ":"
                           << column);
      }
      CHECK(checked > 20000);
      CHECK(wrong == 0);
    }
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
