#include "decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <memory>

#include "text.hpp"

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
    for (std::size_t i = 0; i < n; ++i) {
      char32_t cp = u[i];
      if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (u[i + 1] - 0xDC00);
        ++i;
      }
      append_utf8(out.text, cp);
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_SUCCESS(status)) break;
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

}  // namespace

utf8_check find_invalid_utf8(std::string_view s, std::vector<decoded_input::bad_byte>& out,
                             std::size_t max_kept) {
  utf8_check check;
  std::size_t i = 0;
  const std::size_t n = s.size();
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  while (i < n) {
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

decoded_input decode_input(std::string_view bytes, input_encoding enc) {
  decoded_input out;
  utf8_check check;
  auto as_utf8 = [&] {
    out.text.assign(bytes);
    out.encoding = "UTF-8";
    out.invalid.clear();
    check = find_invalid_utf8(out.text, out.invalid, kept_errors);
    out.invalid_total = check.invalid;
  };
  auto try_codec = [&](const char* codec, const char* label, std::string_view payload) {
    decoded_input d;
    if (!transcode(payload, codec, d)) return false;
    d.encoding = label;
    out = std::move(d);
    return true;
  };

  switch (enc) {
    case input_encoding::utf8:
      as_utf8();
      return out;
    case input_encoding::gb18030:
      if (!try_codec("GB18030", "GB18030", bytes)) as_utf8();
      return out;
    case input_encoding::utf16le:
    case input_encoding::utf16be: {
      const bool le = enc == input_encoding::utf16le;
      std::string_view payload = bytes;
      if (payload.size() >= 2 && ((le && payload.substr(0, 2) == "\xFF\xFE") ||
                                  (!le && payload.substr(0, 2) == "\xFE\xFF")))
        payload.remove_prefix(2);
      if (!try_codec(le ? "UTF-16LE" : "UTF-16BE", le ? "UTF-16LE" : "UTF-16BE", payload))
        as_utf8();
      return out;
    }
    case input_encoding::automatic:
      break;
  }

  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE" &&
      !(bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")) {
    if (try_codec("UTF-16LE", "UTF-16LE", bytes.substr(2))) return out;
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    if (try_codec("UTF-16BE", "UTF-16BE", bytes.substr(2))) return out;
  }
  bool le = false;
  if (looks_like_utf16(bytes, le)) {
    if (try_codec(le ? "UTF-16LE" : "UTF-16BE", le ? "UTF-16LE" : "UTF-16BE", bytes)) return out;
  }
  as_utf8();
  if (out.invalid_total == 0) return out;

  // Not UTF-8. Bad bytes in otherwise good UTF-8 stay UTF-8 with errors; text in
  // which undecodable bytes outnumber good multi-byte characters is tried as
  // GB18030, the encoding of most Chinese government files that are not UTF-8
  // (in GB18030 Chinese only about one character in seven happens to form valid UTF-8).
  if (check.invalid > check.multibyte) {
    decoded_input gb;
    if (transcode(bytes, "GB18030", gb) && gb.invalid_total * 4 < out.invalid_total + 1) {
      gb.encoding = "GB18030";
      return gb;
    }
  }
  return out;
}

}  // namespace gongwen::detail
