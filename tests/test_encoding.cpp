// Real encodings: GB18030 and UTF-16 files, and broken UTF-8 reported with positions.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decode.hpp"
#include "helpers.hpp"
#include "text.hpp"

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

  TEST_CASE("a character outside the BMP at every place around a transcoding chunk's end") {
    // The converter works in chunks of UTF-16 units; a surrogate pair cut by a chunk's
    // end is still one character (not two halves written as bytes no decoder reads).
    for (std::size_t before = 16380; before < 16386; ++before) {
      std::string utf8;
      for (std::size_t i = 0; i < before; ++i) utf8 += "县";
      utf8 += "😀牵头\n";
      // The same in UTF-16LE with a BOM: 县 is U+53BF, 😀 is D83D DE00, 牵 U+7275, 头 U+5934.
      std::string utf16("\xFF\xFE", 2);
      for (std::size_t i = 0; i < before; ++i) utf16 += std::string("\xBF\x53", 2);
      utf16 += std::string("\x3D\xD8\x00\xDE\x75\x72\x34\x59\x0A\x00", 10);
      const auto doc = gongwen::parse(utf16);
      CHECK(doc.encoding() == "UTF-16LE");
      CHECK(doc.text() == utf8);
      CHECK(doc.well_formed());
      CHECK(doc.ok());
    }
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
    CHECK_FALSE(doc.well_formed());
    CHECK(gongwen::parse(std::string("一、甲\n")).well_formed());
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

// ---------------------------------------------------------------------------
// The UTF-8 check reads 32-byte blocks with SIMD instructions where the processor
// has them. It must find what a decoder reading one sequence at a time finds: every
// malformed byte, at its offset, and the count of well-formed multibyte sequences.
// What it says of the text's start (no NUL, no CR before some offset) must be true.

namespace {

struct utf8_reading {
  std::vector<std::pair<gongwen::offset, unsigned char>> invalid;
  std::size_t invalid_total = 0;
  std::size_t multibyte = 0;
  bool clean_starts_hold = true;  // no NUL before no_nul_before, no CR before no_cr_before
  bool operator==(const utf8_reading&) const = default;
};

/// One sequence at a time, through the decoder every pass of the parser uses.
utf8_reading read_one_at_a_time(std::string_view s) {
  utf8_reading r;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = gongwen::detail::decode_at(s, i);
    if (c.len == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
      r.invalid.emplace_back(static_cast<gongwen::offset>(i), static_cast<unsigned char>(s[i]));
      ++r.invalid_total;
    } else if (c.len > 1) {
      ++r.multibyte;
    }
    i += c.len;
  }
  return r;
}

utf8_reading read_checked(std::string_view s) {
  std::vector<gongwen::detail::decoded_input::bad_byte> bad;
  const auto check = gongwen::detail::find_invalid_utf8(s, bad, s.size());
  utf8_reading r;
  for (const auto& b : bad) r.invalid.emplace_back(b.at, b.value);
  r.invalid_total = check.invalid;
  r.multibyte = check.multibyte;
  r.clean_starts_hold = check.no_nul_before <= s.size() && check.no_cr_before <= s.size() &&
                        s.substr(0, check.no_nul_before).find('\0') == std::string_view::npos &&
                        s.substr(0, check.no_cr_before).find('\r') == std::string_view::npos;
  return r;
}

}  // namespace

TEST_SUITE("encodings") {
  TEST_CASE(
      "the UTF-8 check finds what a sequence-at-a-time decoder finds, at every place of a block") {
    // Chinese prose, with ASCII runs, as the blocks around the bytes under test.
    const std::string prose =
        "各乡镇、县直各部门要切实扛起责任，2026年6月底前完成。Plan B: 县商务局牵头，各部门配合。";
    std::string base;
    while (base.size() < 200) base += prose;
    const std::vector<std::size_t> places = {0, 1, 30, 31, 32, 63, 64, 129};
    std::size_t cases = 0, failures = 0;
    auto check = [&](std::string_view bytes, std::size_t at) {
      std::string s = base;
      s.replace(at, bytes.size(), bytes);
      ++cases;
      if (read_checked(s) == read_one_at_a_time(s)) return;
      if (++failures <= 5) {
        std::string hex;
        for (unsigned char b : bytes) hex += fmt::format("{:02X} ", b);
        FAIL_CHECK("bytes " << hex << "at " << at);
      }
    };
    // Every byte and every pair of bytes, at each place.
    for (std::size_t at : places) {
      for (int a = 0; a < 256; ++a) {
        const char one[1] = {static_cast<char>(a)};
        check({one, 1}, at);
        for (int b = 0; b < 256; ++b) {
          const char two[2] = {static_cast<char>(a), static_cast<char>(b)};
          check({two, 2}, at);
        }
      }
    }
    // Every lead of three and four bytes with every second byte, and the third and
    // fourth bytes that matter (ASCII, each kind of continuation, a lead), across the
    // first block's end.
    const unsigned char tails[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90,
                                   0x9F, 0xA0, 0xBF, 0xC0, 0xE5, 0xFF};
    for (std::size_t at : {30u, 31u}) {
      for (int lead = 0xC0; lead < 0x100; ++lead)
        for (int b = 0x00; b < 0x100; ++b)
          for (unsigned char c : tails)
            for (unsigned char d :
                 {static_cast<unsigned char>(0x41), static_cast<unsigned char>(0xBF)}) {
              const char four[4] = {static_cast<char>(lead), static_cast<char>(b),
                                    static_cast<char>(c), static_cast<char>(d)};
              check({four, 4}, at);
            }
    }
    // Text cut short: every length of a text ending in each kind of sequence.
    for (std::string_view end : {"\xE5", "\xE5\xBF", "\xF0\x9F\x98", "\xC3", "\xE5\xBF\xAB"}) {
      for (std::size_t len = 60; len < 200; ++len) {
        std::string s = base.substr(0, len);
        s += end;
        ++cases;
        if (!(read_checked(s) == read_one_at_a_time(s)) && ++failures <= 5)
          FAIL_CHECK("text of " << s.size() << " bytes cut short");
      }
    }
    CHECK(failures == 0);
    CHECK(cases > 1'000'000);
  }

  TEST_CASE("the UTF-8 check on long texts of random bytes, prose and GB18030") {
    std::mt19937 rng(20261122);
    // Bytes drawn mostly from well-formed Chinese, with malformed ones sprinkled in.
    const std::string prose = "县商务局牵头，各职能部门配合，6月底前完成。😀é";
    for (int round = 0; round < 300; ++round) {
      std::string s;
      const std::size_t len = 64 + rng() % 2000;
      while (s.size() < len) {
        const auto r = rng() % 100;
        if (r < 85) {
          const std::size_t from = rng() % prose.size();
          s += prose.substr(from, 1 + rng() % 12);  // may cut a character
        } else {
          s += static_cast<char>(rng() % 256);
        }
      }
      const auto want = read_one_at_a_time(s);
      const auto got = read_checked(s);
      CHECK(got == want);
      if (!(got == want)) break;
    }
    const std::string gb = read_file(data_path("fixtures/notice-gb18030.txt"));
    CHECK(read_checked(gb) == read_one_at_a_time(gb));
    const std::string utf8 = read_file(data_path("fixtures/notice.txt"));
    CHECK(read_checked(utf8) == read_one_at_a_time(utf8));
    CHECK(read_checked(utf8).invalid_total == 0);
  }

  // The check sees NUL and CR bytes as it reads, so that the search for NUL bytes
  // and for CR line ends skips what it has read: a NUL or CR anywhere must still be
  // found, and in a text without them nearly all of it is skipped.
  TEST_CASE("NUL bytes and CR line ends are found at every place around the check's blocks") {
    std::string base;
    // Over 1000 bytes: a NUL in fewer would make the text binary data.
    while (base.size() < 1100) base += "县商务局牵头，各职能部门配合，6月底前完成。";
    std::vector<gongwen::detail::decoded_input::bad_byte> bad;
    const auto clean = gongwen::detail::find_invalid_utf8(base, bad, 10);
    CHECK(clean.no_nul_before + 35 >= base.size());  // all but the last block and sequence
    CHECK(clean.no_cr_before + 35 >= base.size());
    std::size_t places = 0;
    for (std::size_t at = 0; at <= base.size(); ++at) {
      if (at < base.size() && (static_cast<unsigned char>(base[at]) & 0xC0) == 0x80) continue;
      ++places;
      std::string with_nul = base;
      with_nul.insert(at, 1, '\0');
      const gongwen::document a = gongwen::parse(with_nul);
      std::size_t nuls = 0;
      for (const auto& d : a.diagnostics())
        if (d.message.find("NUL") != std::string::npos && d.at == at) ++nuls;
      CHECK_MESSAGE(nuls == 1, "NUL at " << at);
      std::string with_cr = base;
      with_cr.insert(at, 1, '\r');
      const gongwen::document b = gongwen::parse(with_cr);
      CHECK_MESSAGE(b.line_count() == (at == base.size() ? 1 : 2), "CR at " << at);
      CHECK(b.position_of(static_cast<gongwen::offset>(at + 1)).line ==
            (at == base.size() ? 1 : 2));
    }
    CHECK(places > 370);
  }
}
