// Real-world input: the same speech in every encoding it arrives in, every written
// variant of markers and punctuation, files that are not text at all, and the
// tree's invariants on all of them.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "helpers.hpp"
#include "memory.hpp"

using gongwen::test::data_path;
using gongwen::test::read_file;

namespace {

/// The JSON of a document without its "source" member (name, size and encoding).
nlohmann::json tree_of(const gongwen::document& doc) {
  auto j = nlohmann::json::parse(gongwen::to_json(doc));
  j.erase("source");
  return j;
}

/// What a reader sees of a document, independent of how its marks are written: each
/// section's level, style, value and title with blanks removed, each directive's
/// units with roles and deadlines.
std::string shape(const gongwen::document& doc) {
  std::string out;
  auto strip = [](std::string_view s) {
    std::string r;
    for (std::size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      const std::string_view ch = s.substr(i, len);
      if (ch != " " && ch != "\t" && ch != "\u3000" && ch != "\u00A0" && ch != "\u200B" &&
          ch != "\uFEFF")
        r += ch;
      i += len;
    }
    return r;
  };
  gongwen::walker w(doc, doc.root());
  for (gongwen::walk_event ev; w.next(ev);) {
    if (!ev.entering) continue;
    const gongwen::node& n = *ev.n;
    if (n.type == gongwen::node_type::section) {
      out += std::to_string(n.level) + ":" + std::string(gongwen::name(doc.ordinal_of(n).style)) +
             ":" + std::to_string(doc.ordinal_of(n).value) + ":" +
             strip(doc.text(doc.title_of(n))) + " | ";
    } else if (n.type == gongwen::node_type::directive) {
      out += "directive";
      for (const auto& a : doc.agencies(n))
        out += " " + std::string(a.name) + "/" + std::string(gongwen::name(a.role));
      for (const auto& d : doc.deadlines(n)) out += " @" + std::to_string(d.month);
      out += " | ";
    } else if (n.type != gongwen::node_type::document && n.type != gongwen::node_type::paragraph) {
      out += std::string(gongwen::name(n.type)) + " | ";
    }
  }
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
    s.replace(at, from.size(), to);
  return s;
}

void require_invariants(const gongwen::document& doc) {
  for (const std::string& problem : gongwen::check_invariants(doc)) FAIL_CHECK(problem);
}

}  // namespace

TEST_SUITE("real-world input") {
  TEST_CASE("the same speech in UTF-8, GB18030 and UTF-16 gives the same tree") {
    const auto original = gongwen::parse(read_file(data_path("fixtures/speech-tasks.txt")));
    REQUIRE(original.ok());
    const auto expected = tree_of(original);
    REQUIRE(expected["root"]["children"].size() > 5);
    const std::pair<const char*, const char*> copies[] = {
        {"speech-tasks.gb18030.txt", "GB18030"},
        {"speech-tasks.utf16le-bom.txt", "UTF-16LE"},
        {"speech-tasks.utf16be-bom.txt", "UTF-16BE"},
        {"speech-tasks.utf16le.txt", "UTF-16LE"},  // no byte order mark
    };
    for (const auto& [file, encoding] : copies) {
      INFO(file);
      const std::string bytes = read_file(data_path(std::string("fixtures/encodings/") + file));
      REQUIRE_FALSE(bytes.empty());
      const auto doc = gongwen::parse(bytes);
      CHECK(doc.encoding() == encoding);
      CHECK(doc.ok());
      CHECK(doc.input_size() == bytes.size());
      // Offsets are into the UTF-8 transcoding: the very same tree.
      CHECK(tree_of(doc) == expected);
      require_invariants(doc);
    }
  }

  TEST_CASE("a UTF-8 byte order mark and CRLF line ends move offsets, not the tree") {
    const auto original = gongwen::parse(read_file(data_path("fixtures/speech-tasks.txt")));
    const auto bom =
        gongwen::parse(read_file(data_path("fixtures/encodings/speech-tasks.utf8-bom.txt")));
    const auto crlf =
        gongwen::parse(read_file(data_path("fixtures/encodings/speech-tasks.utf16le-crlf.txt")));
    CHECK(bom.encoding() == "UTF-8");
    CHECK(crlf.encoding() == "UTF-16LE");
    CHECK(shape(bom) == shape(original));
    CHECK(shape(crlf) == shape(original));
    CHECK(tree_of(bom)["root"]["children"][0]["span"][0] == 3);  // the BOM counts in offsets
    require_invariants(bom);
    require_invariants(crlf);
  }

  TEST_CASE("every written variant of a marker or mark reads like its canonical form") {
    const std::string canonical =
        "在全县重点工作推进会议上的讲话\n"
        "同志们：\n"
        "　　一、加强组织领导\n"
        "　　（一）压实工作责任。县发改局牵头、各乡镇配合，9月底前完成项目清单。一是建立台账；"
        "二是定期调度。\n"
        "　　1．健全工作机制。县财政局要落实资金保障。\n"
        "　　（1）强化督促检查：县委督查室负责督促落实。\n"
        "　　第一，抓好队伍建设。\n"
        "　　二、狠抓工作落实\n"
        "　　各乡镇要按照要求抓好落实！\n"
        "　　同志们，任务艰巨，希望大家真抓实干。\n";
    const auto base = gongwen::parse(canonical);
    const std::string expected = shape(base);
    REQUIRE(expected.find("1:cn-dun:1:加强组织领导") != std::string::npos);
    REQUIRE(expected.find("2:cn-paren:1:压实工作责任") != std::string::npos);
    REQUIRE(expected.find("3:cn-verb:2:定期调度") != std::string::npos);
    REQUIRE(expected.find("县发改局/lead 各乡镇/cooperate @9") != std::string::npos);

    const std::pair<const char*, const char*> variants[] = {
        {"（一）", "(一)"},
        {"（一）", "﹙一﹚"},
        {"（一）", "（ 一 ）"},
        {"（一）", "㈠"},
        {"1．", "1."},
        {"1．", "１．"},
        {"1．", "１."},
        {"1．", "1、"},
        {"1．", "⒈"},
        {"（1）", "(1)"},
        {"（1）", "（１）"},
        {"（1）", "⑴"},
        {"（1）", "1）"},
        {"一、", "一､"},
        {"一、", "一﹑"},
        {"一、", "一 、"},
        {"一、加强", "一、　加强"},
        {"二、狠抓", "二、\u00A0狠抓"},
        {"第一，", "第一,"},
        {"第一，", "第一﹐"},
        {"：", ":"},
        {"：", "﹕"},
        {"：", "︰"},
        {"；", ";"},
        {"；", "﹔"},
        {"。", "｡"},
        {"。", "﹒"},
        {"！", "!"},
        {"！", "﹗"},
        {"，", ","},
        {"、各乡镇", "､各乡镇"},
        {"9月", "９月"},
        {"\n", "\r\n"},
        {"\n", "\r"},
        {"　　", "\u00A0\u00A0"},
        {"　　", "    "},
        {"　　", "\t"},
        {"　　", ""},
        {"　　", "\u200B"},
        {"　　", "\uFEFF"},
        {"　　", "\u2002\u2002"},
        {"\n", "\u3000\u3000\n"},
        {"一、", "\u200B一、"},
        {"（一）", "（一）\u200B"},
    };
    for (const auto& [from, to] : variants) {
      const std::string text = replace_all(canonical, from, to);
      INFO("\"", from, "\" written \"", to, "\"");
      REQUIRE(text != canonical);
      const auto doc = gongwen::parse(text);
      CHECK(doc.ok());
      CHECK(shape(doc) == expected);
      require_invariants(doc);
    }
  }

  TEST_CASE("files that are not text are refused, saying what they appear to be") {
    const std::pair<const char*, const char*> files[] = {
        {"notice.docx", "Word document (.docx)"}, {"notice.ofd", "OFD document"},
        {"notice.pdf", "PDF document"},           {"seal.png", "PNG image"},
        {"notice.txt.gz", "gzip archive"},
    };
    for (const auto& [file, kind] : files) {
      INFO(file);
      const std::string bytes = read_file(data_path(std::string("fixtures/not-text/") + file));
      REQUIRE(bytes.size() > 50);
      const auto doc = gongwen::parse(bytes);
      CHECK_FALSE(doc.ok());
      CHECK(doc.encoding() == "binary");
      CHECK(doc.text().empty());
      CHECK(doc.input_size() == bytes.size());
      CHECK(doc.nodes().size() == 1);
      REQUIRE(doc.diagnostics().size() == 1);
      CHECK(doc.diagnostics()[0].message.find(kind) != std::string::npos);
      CHECK(doc.position_of(doc.diagnostics()[0].at).line == 1);
      CHECK(doc.position_of(doc.diagnostics()[0].at).column == 1);
      require_invariants(doc);
      // The JSON of a refused file is valid and carries the error.
      const auto j = nlohmann::json::parse(gongwen::to_json(doc));
      CHECK(j["source"]["encoding"] == "binary");
      CHECK(j["diagnostics"][0]["severity"] == "error");
    }
  }

  TEST_CASE("other binary formats by their first bytes, and forced encodings do not bypass it") {
    const std::pair<std::string, const char*> heads[] = {
        {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'), "OLE2"},
        {"\xFF\xD8\xFF\xE0 JFIF", "JPEG image"},
        {"GIF89a\x10\x00\x10\x00", "GIF image"},
        {std::string("Rar!\x1A\x07\x01\x00", 8), "RAR archive"},
        {std::string("7z\xBC\xAF\x27\x1C\x00\x04", 8), "7-Zip archive"},
        {std::string("\x7F"
                     "ELF\x02\x01\x01\x00",
                     8),
         "ELF"},
        {"{\\rtf1\\ansi\\ansicpg936 一、加强领导}", "RTF document"},
        {std::string("PK\x03\x04", 4) + "mimetypeapplication/vnd.oasis.opendocument.text",
         "OpenDocument"},
        {std::string("PK\x03\x04", 4) + "xl/workbook.xml", "Excel workbook"},
        {std::string("PK\x03\x04", 4) + "data.csv", "ZIP archive"},
        {std::string("RIFF\x24\x00\x00\x00WEBPVP8 ", 16), "WebP image"},
    };
    gongwen::options forced;
    forced.encoding = gongwen::input_encoding::utf8;
    for (const auto& [bytes, kind] : heads) {
      INFO(kind);
      for (const auto& opts : {gongwen::options{}, forced}) {
        const auto doc = gongwen::parse(bytes, opts);
        CHECK(doc.encoding() == "binary");
        REQUIRE_FALSE(doc.diagnostics().empty());
        CHECK(doc.diagnostics()[0].message.find(kind) != std::string::npos);
      }
    }
  }

  TEST_CASE("a text cut short inside a file signature is read as text") {
    // The first bytes of a signature, and no more: RIFF without its WEBP (found by the
    // fuzzer, which aborted on it), %PDF, PK.
    for (const std::string bytes : {"RIFF", "RIFF\xC3", "RIFF一、", "%PDF", "PK"}) {
      INFO(bytes);
      const auto doc = gongwen::parse(bytes);
      CHECK(doc.encoding() != "binary");
      CHECK(doc.text() == bytes);
    }
  }

  TEST_CASE("binary data is told from text with a stray control character") {
    // Random bytes with NULs: refused.
    std::string noise;
    std::uint32_t seed = 7;
    for (int i = 0; i < 4096; ++i)
      noise.push_back(static_cast<char>((seed = seed * 1103515245u + 12345u) >> 24));
    const auto doc = gongwen::parse(noise);
    CHECK(doc.encoding() == "binary");
    CHECK(doc.diagnostics()[0].message.find("NUL bytes") != std::string::npos);
    // Control characters without NULs, one byte in four: refused.
    std::string controls;
    for (int i = 0; i < 400; ++i) controls += "一\x01";
    CHECK(gongwen::parse(controls).encoding() == "binary");
    // A form feed between pages and a DOS end-of-file mark are text.
    const auto paged = gongwen::parse("一、加强领导\n\f二、狠抓落实\n\x1A");
    CHECK(paged.encoding() == "UTF-8");
    CHECK(gongwen::test::sections(paged) == "1:一、 1:二、");
  }

  TEST_CASE("invalid UTF-8 inside a text: reported with its position, the rest parses") {
    std::string text = read_file(data_path("fixtures/speech-tasks.txt"));
    const std::size_t at = text.find("主要是对");
    REQUIRE(at != std::string::npos);
    text.insert(at, "\xC0\xAF");      // an overlong '/'
    text.insert(18, "\xED\xA0\x80");  // a UTF-16 surrogate written as UTF-8
    const auto doc = gongwen::parse(text);
    CHECK(doc.encoding() == "UTF-8");
    CHECK_FALSE(doc.ok());
    CHECK(doc.diagnostics().size() == 5);  // every bad byte, each at its own position
    CHECK(doc.position_of(doc.diagnostics()[0].at).line == 1);
    CHECK(doc.position_of(doc.diagnostics()[0].at).column == 7);
    CHECK(doc.diagnostics()[0].line == 1);  // the same, carried by the diagnostic
    CHECK(doc.diagnostics()[0].column == 7);
    CHECK(doc.diagnostics()[4].line == 3);  // 主要是对 is on line 3
    CHECK(shape(doc) == shape(gongwen::parse(read_file(data_path("fixtures/speech-tasks.txt")))));
    require_invariants(doc);
    // The JSON parses back; the bad bytes are not copied into it.
    const std::string json = gongwen::to_json(doc);
    CHECK(nlohmann::json::accept(json));
    CHECK(json.find('\xC0') == std::string::npos);
  }

  TEST_CASE("line ends and runs of U+3000 are found at every place around a scan's blocks") {
    // The text before them shifts a byte at a time, so that each lies at every place of
    // a block of sixteen and in the short rest after the last block.
    auto paragraphs = [](const std::string& text) {
      const auto doc = gongwen::parse(text);
      std::vector<std::string> out;
      using t = gongwen::node_type;
      for (const auto& n : doc.nodes())  // every leaf: a paragraph, a title, a byline …
        if (n.type != t::document && n.type != t::section && n.type != t::directive)
          out.emplace_back(doc.text(n.span));
      return out;
    };
    for (std::size_t k = 1; k < 40; ++k) {
      const std::string lead(k, 'a');
      INFO(k);
      using v = std::vector<std::string>;
      CHECK(paragraphs(lead + "\n乙") == v{lead, "乙"});
      CHECK(paragraphs(lead + "\u3000\u3000乙") == v{lead, "乙"});
      CHECK(paragraphs(lead + "\u3000乙") == v{lead + "\u3000乙"});  // one U+3000 cuts nothing
      CHECK(paragraphs(lead + "\u3000\u3000") == v{lead});
      CHECK(paragraphs(lead + "\r\n乙\r丙") == v{lead, "乙", "丙"});
      CHECK(paragraphs("甲\u3000\u3000" + lead + "\u3000\u3000\u3000乙\n丙") ==
            v{"甲", lead, "乙", "丙"});
    }
  }

  TEST_CASE("the invariant checker holds on parsed trees and refuses an empty one") {
    CHECK(gongwen::check_invariants(gongwen::parse("一、加强领导\n二、狠抓落实\n")).empty());
    CHECK(gongwen::check_invariants(gongwen::parse("")).empty());
    const gongwen::document never_parsed;
    CHECK_FALSE(gongwen::check_invariants(never_parsed).empty());
  }
}

TEST_SUITE("documents as values") {
  TEST_CASE("a copied or moved document keeps its units' names") {
    const char* text =
        "一、加强领导\n县发改局牵头、县财政局配合，年底前完成。\n人社、就业部门要抓好落实。\n";
    auto original = std::make_unique<gongwen::document>(gongwen::parse(text));
    gongwen::document copy = *original;
    gongwen::document assigned;
    assigned = copy;
    gongwen::document moved = std::move(*original);
    original.reset();  // the copies must not point into it
    for (const gongwen::document* doc : {&copy, &assigned, &moved}) {
      std::string names;
      for (const auto& n : doc->nodes())
        for (const auto& a : doc->agencies(n)) names += std::string(a.name) + " ";
      CHECK(names == "县发改局 县财政局 人社部门 就业部门 ");
    }
    // The copy's names are its own.
    const auto& first = *std::find_if(
        copy.nodes().begin(), copy.nodes().end(),
        [](const gongwen::node& n) { return n.type == gongwen::node_type::directive; });
    const auto& same = *std::find_if(
        moved.nodes().begin(), moved.nodes().end(),
        [](const gongwen::node& n) { return n.type == gongwen::node_type::directive; });
    CHECK(copy.agencies(first)[0].name.data() != moved.agencies(same)[0].name.data());
  }

  TEST_CASE("parse_borrowed reads UTF-8 in place and gives the tree parse() gives") {
    for (const char* file :
         {"fixtures/speech-tasks.txt", "fixtures/encodings/speech-tasks.gb18030.txt",
          "fixtures/encodings/speech-tasks.utf16le-bom.txt"}) {
      INFO(file);
      const std::string bytes = read_file(data_path(file));
      REQUIRE_FALSE(bytes.empty());
      const auto owned = gongwen::parse(bytes);
      const auto borrowed = gongwen::parse_borrowed(bytes);
      CHECK_FALSE(owned.borrows_text());
      CHECK(tree_of(borrowed) == tree_of(owned));
      CHECK(borrowed.encoding() == owned.encoding());
      CHECK(borrowed.input_size() == bytes.size());
      require_invariants(borrowed);
      // UTF-8 is viewed where it lies; other encodings are transcoded into the
      // document's own text.
      const bool utf8 = owned.encoding() == "UTF-8";
      CHECK(borrowed.borrows_text() == utf8);
      CHECK((borrowed.text().data() == bytes.data()) == utf8);
    }
    // A file that is not text is refused as by parse(), and nothing is borrowed.
    const std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
    const auto refused = gongwen::parse_borrowed(pdf);
    CHECK_FALSE(refused.ok());
    CHECK(refused.encoding() == "binary");
    CHECK_FALSE(refused.borrows_text());
    CHECK(refused.text().empty());
  }

  TEST_CASE("copies and moves of a document keep their text, owned or borrowed") {
    // Short texts live inside the string itself (no heap buffer): a view of the
    // original's would dangle once it is gone.
    for (const std::string& text : {std::string("一、要求"), std::string("二、主要任务\n") +
                                                                 std::string(300, 'x') + "。\n"}) {
      for (const bool borrow : {false, true}) {
        INFO(text.size(), " bytes, borrowed: ", borrow);
        auto original = std::make_unique<gongwen::document>(borrow ? gongwen::parse_borrowed(text)
                                                                   : gongwen::parse(text));
        const nlohmann::json expected = tree_of(*original);
        gongwen::document copy = *original;
        gongwen::document assigned;
        assigned = copy;
        gongwen::document moved = std::move(*original);
        gongwen::document move_assigned;
        move_assigned = std::move(assigned);
        original.reset();
        for (const gongwen::document* doc : {&copy, &moved, &move_assigned}) {
          CHECK(doc->text() == text);
          CHECK(doc->borrows_text() == borrow);
          // A borrowed text is the caller's bytes; an owned one is each copy's own.
          CHECK((doc->text().data() == text.data()) == borrow);
          CHECK(tree_of(*doc) == expected);
        }
        CHECK((copy.text().data() == moved.text().data()) == borrow);
      }
    }
  }
}

TEST_SUITE("large inputs") {
  TEST_CASE("a large text is copied whole, whatever its size around a huge page") {
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}, (std::size_t{2} << 20) - 1,
                                   std::size_t{2} << 20, (std::size_t{5} << 20) + 7}) {
      std::string text(size, '\0');
      for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i % 23);
      CHECK(gongwen::detail::copy_large(text) == text);
    }
  }

  TEST_CASE("a pass over a large text requests the bytes ahead of it, and none past the end") {
    using gongwen::detail::read_ahead;
    for (const std::size_t size : {read_ahead::min_text - 1, read_ahead::min_text,
                                   read_ahead::min_text + 100, read_ahead::min_text + 4095}) {
      const std::string text(size, 'x');
      read_ahead ahead(text);
      const bool large = size >= read_ahead::min_text;
      std::size_t before = 0;
      for (std::size_t at = 0; at <= size; at += (at < 10000 || at + 10000 > size) ? 7 : 9973) {
        ahead.at(at);
        const std::size_t want = large ? std::min(at + read_ahead::distance, size) : 0;
        CHECK(ahead.requested() >= want);                    // all it was asked for
        CHECK(ahead.requested() < want + read_ahead::line);  // a line at most more
        CHECK(ahead.requested() >= before);                  // and never goes back
        before = ahead.requested();
      }
      CHECK(ahead.requested() >= (large ? size : 0));
    }
  }

  // Where the kernel gives huge pages on request only (THP "madvise", as on Debian),
  // an advised array that is then written is backed by them, which /proc/self/smaps
  // shows; advising the wrong range, or none, leaves it at 0 kB.
  TEST_CASE("a large array asks for huge pages, and gets them where the kernel has them") {
    const std::string mode = read_file("/sys/kernel/mm/transparent_hugepage/enabled");
    if (mode.find("[madvise]") == std::string::npos) {
      MESSAGE("skipped: transparent huge pages are not in \"madvise\" mode here (" << mode << ")");
      return;
    }
    auto fallbacks = [] {
      const std::string vmstat = read_file("/proc/vmstat");
      const std::size_t at = vmstat.find("thp_fault_fallback ");
      return at == std::string::npos ? 0L : std::atol(vmstat.c_str() + at + 19);
    };
    const long fallbacks_before = fallbacks();
    std::vector<std::uint64_t> v;
    gongwen::detail::reserve_large(v, (std::size_t{16} << 20) / sizeof(std::uint64_t));
    v.resize(v.capacity(), 1);
    // The smaps entry of the mapping that holds the middle of the array.
    const auto middle = reinterpret_cast<std::uintptr_t>(v.data() + v.size() / 2);
    const std::string smaps = read_file("/proc/self/smaps");
    long huge_kib = -1;
    for (std::size_t at = 0; at < smaps.size();) {
      const std::size_t eol = std::min(smaps.find('\n', at), smaps.size());
      const std::string line = smaps.substr(at, eol - at);
      at = eol + 1;
      unsigned long lo = 0, hi = 0;
      if (std::sscanf(line.c_str(), "%lx-%lx ", &lo, &hi) == 2) {
        if (lo <= middle && middle < hi)
          huge_kib = 0;
        else if (huge_kib >= 0)
          break;  // past the entry
      } else if (huge_kib == 0 && line.rfind("AnonHugePages:", 0) == 0) {
        huge_kib = std::atol(line.c_str() + 14);
      }
    }
    if (huge_kib <= 0 && fallbacks() > fallbacks_before) {
      MESSAGE("skipped: the kernel had no free huge page to give");
      return;
    }
    CHECK(huge_kib >= 2048);
  }
}
