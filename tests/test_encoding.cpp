// Real encodings: GB18030 and UTF-16 files, and broken UTF-8 reported with positions.
#include <doctest/doctest.h>

#include "helpers.hpp"

using gongwen::test::data_path;
using gongwen::test::read_file;
using gongwen::test::sections;

TEST_SUITE("encodings") {
  TEST_CASE("a GB18030 file reads like its UTF-8 original; offsets are into the transcoding") {
    const std::string gb = read_file(data_path("fixtures/notice-gb18030.txt"));
    const std::string utf8 = read_file(data_path("fixtures/notice.txt"));
    REQUIRE_FALSE(gb.empty());
    const auto a = gongwen::parse(gb);
    const auto b = gongwen::parse(utf8);
    CHECK(a.encoding() == "GB18030");
    CHECK(b.encoding() == "UTF-8");
    CHECK(a.ok());
    CHECK(a.input_size() == gb.size());
    CHECK(a.text() == utf8);
    CHECK(sections(a) == sections(b));
    CHECK(gongwen::to_json(a, {false, "x"}) !=
          gongwen::to_json(b, {false, "x"}));  // source.encoding, bytes differ
  }

  TEST_CASE("a UTF-16LE file with a BOM") {
    const auto doc = gongwen::parse(read_file(data_path("fixtures/speech-utf16le.txt")));
    CHECK(doc.encoding() == "UTF-16LE");
    CHECK(doc.ok());
    CHECK(sections(doc) == "1:一、 2:一是 2:二是 1:二、");
  }

  TEST_CASE("UTF-16BE with a BOM, and an encoding forced by the caller") {
    const std::string be("\xFE\xFF\x4E\x00\x30\x01\x75\x32", 8);  // BOM 一、甲
    const auto doc = gongwen::parse(be);
    CHECK(doc.encoding() == "UTF-16BE");
    CHECK(doc.text() == "一、甲");
    gongwen::options opts;
    opts.encoding = gongwen::input_encoding::gb18030;
    const auto forced = gongwen::parse(read_file(data_path("fixtures/notice-gb18030.txt")), opts);
    CHECK(forced.encoding() == "GB18030");
  }

  TEST_CASE("invalid UTF-8 is an error with its line and character column; the text is kept") {
    const std::string text = "一、甲\n二、乙\xFF丙\n三、丁\n";
    const auto doc = gongwen::parse(text);
    CHECK(doc.encoding() == "UTF-8");
    CHECK_FALSE(doc.ok());
    REQUIRE(doc.diagnostics().size() == 1);
    const auto& d = doc.diagnostics().front();
    CHECK(d.severity == gongwen::diagnostic::level::error);
    CHECK(d.at == text.find('\xFF'));
    CHECK(doc.position_of(d.at).line == 2);
    CHECK(doc.position_of(d.at).column == 4);
    CHECK(d.message.find("0xFF") != std::string::npos);
    CHECK(sections(doc) == "1:一、 1:二、 1:三、");
    // The JSON stays valid UTF-8: the bad byte is written as U+FFFD.
    const std::string json = gongwen::to_json(doc);
    CHECK(json.find("\\ufffd") != std::string::npos);
    CHECK(json.find('\xFF') == std::string::npos);
  }

  TEST_CASE("many invalid bytes are counted, the first ones listed") {
    std::string text = "一、甲\n";
    for (int i = 0; i < 200; ++i) text += i % 4 == 0 ? "乙\xC3" : "乙";
    const auto doc = gongwen::parse(text);
    CHECK(doc.encoding() == "UTF-8");  // mostly good UTF-8: not taken for GB18030
    CHECK_FALSE(doc.ok());
    CHECK(doc.diagnostics().size() == 21);
    CHECK(doc.diagnostics().back().message.find("more") != std::string::npos);
  }
}
