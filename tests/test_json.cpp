// The gongwen-tree/1 JSON: golden files for fixture documents, and the writer's rules.
// Refresh the golden files with GONGWEN_UPDATE_GOLDEN=1.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <vector>

#include "helpers.hpp"
#include "json_out.hpp"

using gongwen::test::data_path;
using gongwen::test::read_file;

namespace {

void check_golden(const std::string& fixture, bool pretty) {
  const std::string input = read_file(data_path("fixtures/" + fixture));
  REQUIRE_FALSE(input.empty());
  const std::string json = gongwen::to_json(gongwen::parse(input), {pretty, fixture});
  const std::string golden_path =
      data_path("golden/" + fixture.substr(0, fixture.rfind('.')) + ".json");
  if (const char* update = std::getenv("GONGWEN_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(golden_path, std::ios::binary) << json;
    MESSAGE("updated " << golden_path);
    return;
  }
  const std::string golden = read_file(golden_path);
  REQUIRE_MESSAGE(!golden.empty(),
                  "missing " << golden_path << " (run with GONGWEN_UPDATE_GOLDEN=1)");
  CHECK_MESSAGE(json == golden, "the JSON of " << fixture << " differs from " << golden_path);
}

}  // namespace

TEST_SUITE("json") {
  TEST_CASE("golden: an implementation plan") {
    check_golden("plan.txt", true);
  }
  TEST_CASE("golden: a notice with 公文 front matter and attachments") {
    check_golden("notice.txt", true);
  }
  TEST_CASE("golden: a speech without line breaks") {
    check_golden("speech-oneline.txt", true);
  }
  TEST_CASE("golden: a report copied from a web page") {
    check_golden("report.txt", false);
  }

  TEST_CASE("compact and pretty output hold the same data") {
    const auto doc = gongwen::parse(read_file(data_path("fixtures/plan.txt")));
    std::string compact = gongwen::to_json(doc, {false, "plan.txt"});
    std::string pretty = gongwen::to_json(doc, {true, "plan.txt"});
    auto strip = [](std::string s) {
      std::string out;
      bool in_string = false;
      for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"' && (i == 0 || s[i - 1] != '\\')) in_string = !in_string;
        if (!in_string && (c == ' ' || c == '\n')) continue;
        out += c;
      }
      return out;
    };
    CHECK(compact.find('\n') == compact.size() - 1);
    CHECK(strip(compact) == strip(pretty));
  }

  TEST_CASE("deterministic, schema and source fields first") {
    const std::string text = "同志们：\n一、甲\n";
    const std::string a = gongwen::to_json(gongwen::parse(text), {false, "a.txt"});
    CHECK(a == gongwen::to_json(gongwen::parse(text), {false, "a.txt"}));
    CHECK(text.size() == 23);
    CHECK(
        a.rfind(
            R"({"schema":"gongwen-tree/1","source":{"name":"a.txt","bytes":23,"encoding":"UTF-8"},"root":{"type":"document","span":[0,23],"line":1,)",
            0) == 0);
  }

  TEST_CASE("text fields are the source text, escaped but unmodified") {
    const auto doc = gongwen::parse("一、“引号”和\"ASCII\"与\\反斜杠\t制表\n");
    const std::string json = gongwen::to_json(doc);
    CHECK(json.find(R"("title":"“引号”和\"ASCII\"与\\反斜杠\t制表")") != std::string::npos);
  }

  TEST_CASE("section fields") {
    const std::string json =
        gongwen::to_json(gongwen::parse("一、甲\n经济方面，乙。社会方面，丙。\n最后，丁\n"));
    CHECK(
        json.find(
            R"("level":1,"ordinal":{"style":"cn-dun","marker":"一、","value":1},"title":"甲","inline":false)") !=
        std::string::npos);
    CHECK(
        json.find(
            R"("ordinal":{"style":"topic","marker":"经济方面，","value":null},"title":"经济方面","inline":false)") !=
        std::string::npos);
    CHECK(json.find(R"("ordinal":{"style":"sequence","marker":"最后，","value":null})") !=
          std::string::npos);
  }

  TEST_CASE("diagnostics are listed with line and character column") {
    const std::string json = gongwen::to_json(gongwen::parse("一、甲\n乙\xFF"));
    CHECK(json.find(R"("diagnostics":[{"severity":"error","offset":13,"line":2,"column":2,)") !=
          std::string::npos);
  }
}

TEST_SUITE("json") {
  TEST_CASE(
      "a piece of well-formed text is written as the careful writer writes it, wherever it is "
      "cut") {
    // Text the writer may copy in runs (known to be well-formed) against the writer
    // that decodes every character, over every piece of a text with quotes, back
    // slashes, control characters and characters of one to four bytes; pieces cut
    // inside a character must still come out as valid UTF-8 (\ufffd).
    const std::string text = gongwen::test::text_of_pieces(
        {"县", "a", "\"", "\\", "\n", "\x01", "😀", "é", "\x7F", "，", "\t", "各部门配合", "\x1F"},
        120);
    std::size_t pieces = 0, cut = 0;
    for (std::size_t b = 0; b < text.size(); ++b) {
      for (std::size_t e = b; e <= text.size(); ++e) {
        const std::string_view piece = std::string_view(text).substr(b, e - b);
        std::string fast, careful;
        gongwen::detail::append_json_string(fast, piece, /*well_formed=*/true);
        gongwen::detail::append_json_string(careful, piece);
        CHECK(fast == careful);
        ++pieces;
        cut += careful.find("\\ufffd") != std::string::npos;
      }
    }
    CHECK(pieces > 5000);
    CHECK(cut > 1000);
  }

  TEST_CASE("integers are written as std::to_string writes them, at every digit count") {
    // The writer counts the digits of a value in [0, 2^32) and writes them two at a
    // time; other values go to std::to_chars. Each power of ten, its neighbours and
    // the ends of the ranges.
    std::vector<std::int64_t> values = {0, 1, 9, 0xFFFFFFFFLL, 0x100000000LL, -1, -10,
                                        std::numeric_limits<std::int64_t>::min(),
                                        std::numeric_limits<std::int64_t>::max()};
    for (std::int64_t p = 1; p <= 1000000000000LL; p *= 10)
      for (std::int64_t v : {p - 1, p, p + 1, 2 * p - 1, 5 * p + 3, 9 * p + 9}) values.push_back(v);
    std::string out = "x";
    std::string expected = "x";
    {
      gongwen::detail::json_buffer buffer(out);
      for (const std::int64_t v : values) {
        buffer.append_int(v);
        buffer.push_back(',');
        expected += std::to_string(v) + ",";
      }
    }
    CHECK(out == expected);
  }

  TEST_CASE("a document's text is known to be well-formed only when it is") {
    const auto good = gongwen::parse(std::string("一、加强领导\n县商务局牵头。\n"));
    const auto bad = gongwen::parse(std::string("一、加强\xE5领导\n县商务局牵头。\n"));
    CHECK(good.well_formed());
    CHECK_FALSE(bad.well_formed());
    const std::string json = gongwen::to_json(bad);
    CHECK(json.find("\\ufffd") != std::string::npos);
    CHECK(gongwen::parse(json).well_formed());  // the JSON itself is valid UTF-8
  }
}
