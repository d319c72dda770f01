#include "decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <fmt/format.h>

#include <cstring>
#include <memory>

#include "text.hpp"
#include "utf8_blocks.hpp"

namespace gongwen::detail {

namespace {

constexpr std::size_t kept_errors = 20;

struct converter_closer {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};

/// Transcode with ICU into UTF-8, one undecodable byte at a time replaced by U+FFFD and
/// recorded with its position in the output. Returns false when ICU cannot open the codec.
bool transcode(std::string_view bytes, const char* codec, decoded_input& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, converter_closer> conv(ucnv_open(codec, &status));
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;

  out.text.clear();
  out.text.reserve(bytes.size() + bytes.size() / 2);
  std::u16string chunk(16384, u'\0');
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  // A surrogate pair may be cut by the end of a chunk: its first half waits here.
  char16_t high = 0;
  auto append_unit = [&](char16_t unit) {
    const bool is_high = unit >= 0xD800 && unit < 0xDC00;
    const bool is_low = unit >= 0xDC00 && unit < 0xE000;
    if (high != 0 && is_low) {
      append_utf8(out.text, 0x10000 + ((char32_t(high) - 0xD800) << 10) + (unit - 0xDC00));
      high = 0;
      return;
    }
    if (high != 0) append_utf8(out.text, 0xFFFD);  // a half with no other half
    high = 0;
    if (is_high)
      high = unit;
    else
      append_utf8(out.text, is_low ? char32_t{0xFFFD} : char32_t{unit});
  };
  while (true) {
    UChar* target = reinterpret_cast<UChar*>(chunk.data());
    UChar* const target_end = target + chunk.size();
    status = U_ZERO_ERROR;
    const char* before = src;
    ucnv_toUnicode(conv.get(), &target, target_end, &src, src_end, nullptr, /*flush=*/true,
                   &status);
    // Append what was decoded so far.
    const auto* u = reinterpret_cast<const char16_t*>(chunk.data());
    const std::size_t n = static_cast<std::size_t>(target - reinterpret_cast<UChar*>(chunk.data()));
    for (std::size_t i = 0; i < n; ++i) append_unit(u[i]);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_SUCCESS(status)) {
      if (high != 0) append_utf8(out.text, 0xFFFD);
      break;
    }
    if (high != 0) append_utf8(out.text, 0xFFFD);
    high = 0;
    // An undecodable sequence: ICU has consumed it. Record, substitute, go on.
    char bad[8];
    int8_t bad_len = sizeof bad;
    UErrorCode e2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), bad, &bad_len, &e2);
    if (out.invalid.size() < kept_errors) {
      out.invalid.push_back({static_cast<offset>(out.text.size()),
                             static_cast<unsigned char>(bad_len > 0 ? bad[0] : 0)});
    }
    ++out.invalid_total;
    append_utf8(out.text, 0xFFFD);
    ucnv_reset(conv.get());
    if (src == before && src < src_end) ++src;  // never stall
    if (src >= src_end) break;
  }
  return true;
}

/// The share of UTF-16 code units in a sample that Chinese text is made of: Han
/// characters, CJK and full-width punctuation, printable ASCII and line breaks.
/// UTF-16 text scores near 1; GB18030 or UTF-8 bytes read as UTF-16 score far lower.
double utf16_plausibility(std::string_view b, bool little_endian) {
  const std::size_t n = std::min<std::size_t>(b.size(), 8192) & ~std::size_t{1};
  if (n == 0) return 0;
  std::size_t good = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    const auto lo = static_cast<unsigned char>(b[i + (little_endian ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(b[i + (little_endian ? 1 : 0)]);
    const unsigned u = hi << 8 | lo;
    good += (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3000 && u <= 0x303F) ||
            (u >= 0xFF00 && u <= 0xFFEF) || (u >= 0x20 && u <= 0x7E) || u == '\n' || u == '\r' ||
            u == '\t' || (u >= 0x2010 && u <= 0x206F) || u == 0x00D7;
  }
  return static_cast<double>(good) / static_cast<double>(n / 2);
}

bool looks_like_utf16(std::string_view b, bool& little_endian) {
  // Chinese UTF-16 without a BOM: many zero bytes in one parity, ASCII line ends in the other.
  if (b.size() < 16 || b.size() % 2 != 0) return false;
  std::size_t zero_even = 0, zero_odd = 0;
  const std::size_t n = std::min<std::size_t>(b.size(), 4096);
  for (std::size_t i = 0; i < n; ++i) {
    if (b[i] == 0) (i % 2 == 0 ? zero_even : zero_odd)++;
  }
  if (zero_odd > n / 16 && zero_even == 0) {
    little_endian = true;
    return true;
  }
  if (zero_even > n / 16 && zero_odd == 0) {
    little_endian = false;
    return true;
  }
  return false;
}

bool starts(std::string_view s, std::string_view prefix) noexcept {
  return s.substr(0, prefix.size()) == prefix;
}

/// What a ZIP container holds, from the names of its members near its start or end.
std::string_view zip_kind(std::string_view bytes) noexcept {
  constexpr std::size_t window = 64 * 1024;
  const std::string_view head = bytes.substr(0, window);
  const std::string_view tail = bytes.size() > window ? bytes.substr(bytes.size() - window) : "";
  auto holds = [&](std::string_view name) {
    return head.find(name) != std::string_view::npos || tail.find(name) != std::string_view::npos;
  };
  if (holds("word/")) return "a Word document (.docx)";
  if (holds("OFD.xml")) return "an OFD document (版式文档 .ofd)";
  if (holds("xl/")) return "an Excel workbook (.xlsx)";
  if (holds("ppt/")) return "a PowerPoint presentation (.pptx)";
  if (holds("application/vnd.oasis.opendocument")) return "an OpenDocument file (.odt, .ods)";
  if (holds("application/epub+zip")) return "an EPUB book";
  return "a ZIP archive";
}

}  // namespace

std::string_view sniff_file_type(std::string_view b) noexcept {
  if (starts(b, "%PDF-")) return "a PDF document";
  if (starts(b, "PK\x03\x04") || starts(b, "PK\x05\x06")) return zip_kind(b);
  if (starts(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "an OLE2 file (Word 97-2003 .doc, .xls, .ppt or WPS .wps)";
  if (starts(b, "{\\rtf")) return "an RTF document";
  if (starts(b, "\x89PNG\r\n\x1A\n")) return "a PNG image";
  if (starts(b, "\xFF\xD8\xFF")) return "a JPEG image";
  if (starts(b, "GIF87a") || starts(b, "GIF89a")) return "a GIF image";
  if (starts(b, std::string_view("II*\0", 4)) || starts(b, std::string_view("MM\0*", 4)))
    return "a TIFF image";
  if (starts(b, "RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") return "a WebP image";
  if (starts(b, "\x1F\x8B")) return "a gzip archive";
  if (starts(b, "7z\xBC\xAF\x27\x1C")) return "a 7-Zip archive";
  if (starts(b, "Rar!\x1A\x07")) return "a RAR archive";
  if (starts(b, std::string_view("\xFD"
                                 "7zXZ\0",
                                 6)))
    return "an xz archive";
  if (starts(b,
             "\x7F"
             "ELF"))
    return "an executable program (ELF)";
  return {};
}

std::string binary_reason(std::string_view text) {
  const std::string_view sample = text.substr(0, 64 * 1024);
  std::size_t nul = 0, control = 0;
  for (const char ch : sample) {
    const auto b = static_cast<unsigned char>(ch);
    if (b >= 0x20) continue;
    if (b == 0)
      ++nul;
    else if (!(b >= '\t' && b <= '\r') && b != 0x1A && b != 0x1B)
      ++control;
  }
  if (nul * 1000 > sample.size())
    return fmt::format(
        "{} NUL bytes in its first {} bytes: binary data, not a text document (a UTF-16 file "
        "without a byte order mark can be read with --encoding utf-16le or utf-16be)",
        nul, sample.size());
  if (control * 10 > sample.size())
    return fmt::format(
        "{} control characters in its first {} bytes: binary data, not a text "
        "document",
        control, sample.size());
  return {};
}

utf8_check find_invalid_utf8(std::string_view s, std::vector<decoded_input::bad_byte>& out,
                             std::size_t max_kept) {
  utf8_check check;
  std::size_t i = 0;
  const std::size_t n = s.size();
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  // Blocks are checked with SIMD instructions as far as they are well-formed; the
  // bytes from there (a block with an error, the last sequence before it, the end of
  // the text) are read one sequence at a time for a while, then blocks again.
  constexpr std::size_t one_at_a_time = 64;
  std::size_t blocks_again = 0;
  while (i < n) {
    if (i >= blocks_again && n - i >= 2 * one_at_a_time) {
      std::size_t leads = 0;
      seen_bytes seen;
      if (i == 0) check.char_marks.resize(n / 4096 + 1);
      std::size_t q = i + checked_utf8_prefix(b + i, n - i, leads, seen,
                                              i == 0 ? check.char_marks.data() : nullptr);
      if (i == 0) {  // what the blocks from the start hold (q may step back below)
        check.no_nul_before = seen.nul ? 0 : q;
        check.no_cr_before = seen.cr ? 0 : q;
        check.char_marks.resize(q / 4096 + 1);
      }
      // A sequence begun in the last three bytes of the checked blocks may run on
      // into the unchecked bytes: it is read again with them.
      for (std::size_t k = q; k > i && k + 3 > q;) {
        const unsigned char lead = b[--k];
        if (lead < 0x80) break;
        if (lead < 0xC0) continue;
        if (k + sequence_length(lead) > q) {
          q = k;
          --leads;
        }
        break;
      }
      check.multibyte += leads;
      i = q;
      blocks_again = i + one_at_a_time;
      continue;
    }
    // Fast paths: ASCII, and the three-byte sequences that hold all common Chinese
    // (leads E1-EC and EE-EF cannot be overlong or surrogates).
    if (b[i] < 0x80) {
      ++i;
      continue;
    }
    if (i + 2 < n && ((b[i] >= 0xE1 && b[i] <= 0xEC) || b[i] >= 0xEE) && b[i] <= 0xEF &&
        (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
      ++check.multibyte;
      i += 3;
      continue;
    }
    const code_point c = decode_at(s, i);
    if (c.len == 1) {
      if (out.size() < max_kept)
        out.push_back({static_cast<offset>(i), static_cast<unsigned char>(s[i])});
      ++check.invalid;
    } else {
      ++check.multibyte;
    }
    i += c.len;
  }
  return check;
}

namespace {

/// Decide the encoding and transcode. UTF-8 input is not copied: the text is the input
/// (text_is_input).
decoded_input decode_text(std::string_view bytes, input_encoding enc) {
  decoded_input out;
  utf8_check check;
  // UTF-8: its bad bytes found, then the input kept as the text.
  auto check_utf8 = [&] {
    check = find_invalid_utf8(bytes, out.invalid, kept_errors);
    out.invalid_total = check.invalid;
    out.well_formed = check.invalid == 0;
  };
  auto keep_utf8 = [&] {
    out.text_is_input = true;
    out.encoding = "UTF-8";
    out.no_nul_before = check.no_nul_before;
    out.no_cr_before = check.no_cr_before;
    out.char_marks = std::move(check.char_marks);
  };
  auto as_utf8 = [&] {
    check_utf8();
    keep_utf8();
  };
  auto try_codec = [&](const char* codec, std::string_view payload) {
    decoded_input d;
    if (!transcode(payload, codec, d)) return false;
    d.encoding = codec;
    out = std::move(d);
    return true;
  };
  const std::string_view b = bytes;

  switch (enc) {
    case input_encoding::utf8:
      as_utf8();
      return out;
    case input_encoding::gb18030:
      if (!try_codec("GB18030", b)) as_utf8();
      return out;
    case input_encoding::utf16le:
    case input_encoding::utf16be: {
      const bool le = enc == input_encoding::utf16le;
      std::string_view payload = b;
      if (starts(payload, le ? "\xFF\xFE" : "\xFE\xFF")) payload.remove_prefix(2);
      if (!try_codec(le ? "UTF-16LE" : "UTF-16BE", payload)) as_utf8();
      return out;
    }
    case input_encoding::automatic:
      break;
  }

  if (starts(b, "\xFF\xFE") && try_codec("UTF-16LE", b.substr(2))) return out;
  if (starts(b, "\xFE\xFF") && try_codec("UTF-16BE", b.substr(2))) return out;
  bool le = false;
  if (looks_like_utf16(b, le) && try_codec(le ? "UTF-16LE" : "UTF-16BE", b)) return out;

  // Not UTF-8? UTF-16 without a byte order mark and with little ASCII in it shows in
  // what its code units are: nearly all Han characters and Chinese punctuation.
  check_utf8();
  if (check.invalid > 0 && b.size() % 2 == 0) {
    for (const bool little : {true, false}) {
      if (utf16_plausibility(b, little) >= 0.9 && try_codec(little ? "UTF-16LE" : "UTF-16BE", b))
        return out;
    }
  }
  // Bad bytes in otherwise good UTF-8 stay UTF-8 with errors; text in
  // which undecodable bytes outnumber good multi-byte characters is tried as
  // GB18030, the encoding of most Chinese government files that are not UTF-8
  // (in GB18030 Chinese only about one character in seven happens to form valid UTF-8).
  if (check.invalid > check.multibyte) {
    decoded_input gb;
    if (transcode(b, "GB18030", gb) && gb.invalid_total * 4 < check.invalid + 1) {
      gb.encoding = "GB18030";
      return gb;
    }
  }
  keep_utf8();
  return out;
}

}  // namespace

decoded_input decode_input(std::string_view bytes, input_encoding enc) {
  if (const std::string_view kind = sniff_file_type(bytes); !kind.empty()) {
    decoded_input out;
    out.encoding = "binary";
    out.refused =
        fmt::format("this is {}, not plain text: save it as a text file (.txt) first", kind);
    return out;
  }
  decoded_input out = decode_text(bytes, enc);
  const std::string_view text = out.text_is_input ? bytes : std::string_view(out.text);
  if (std::string why = binary_reason(text); !why.empty()) {
    out.text = std::string();
    out.text_is_input = false;
    out.encoding = "binary";
    out.invalid.clear();
    out.invalid_total = 0;
    out.refused = std::move(why);
    return out;
  }
  // NUL bytes in a text: kept (escaped in the JSON), each reported.
  for (const char *p = text.data() + std::min(out.no_nul_before, text.size()),
                  *end = text.data() + text.size();
       (p = static_cast<const char*>(std::memchr(p, 0, static_cast<std::size_t>(end - p)))); ++p) {
    if (out.nul_bytes.size() < kept_errors)
      out.nul_bytes.push_back(static_cast<offset>(p - text.data()));
    ++out.nul_total;
  }
  return out;
}

}  // namespace gongwen::detail
