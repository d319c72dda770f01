// Reading the input: encoding detection, transcoding to UTF-8, validation.
#pragma once

#include <gongwen/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace gongwen::detail {

struct decoded_input {
  std::string text;            // UTF-8 transcoded from the input; empty when text_is_input
  bool text_is_input = false;  // the input was UTF-8 and is the text as it is
  std::string encoding;        // "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"
  struct bad_byte {
    offset at;            // byte offset into text
    unsigned char value;  // the offending byte (0 when not known)
  };
  std::vector<bad_byte> invalid;  // undecodable input, in order
  std::size_t invalid_total = 0;  // may exceed invalid.size(): only the first few are kept
  bool well_formed = true;        // text is UTF-8 throughout (invalid bytes of UTF-8 input stay)
  std::vector<offset> nul_bytes;  // NUL bytes in a text that is not UTF-16 (the first few)
  std::size_t nul_total = 0;
  /// So many bytes at the text's start are known to hold no NUL, and no CR (seen when
  /// the UTF-8 input was checked): they need not be searched for these again.
  std::size_t no_nul_before = 0;
  std::size_t no_cr_before = 0;
  /// Code points before each 4 KiB block of the text's start, counted by the same
  /// check (UTF-8 input): the start of the document's position index.
  std::vector<std::uint32_t> char_marks;
  /// Not a text document: why it is refused ("this is a PDF document, not plain text").
  /// text is then empty.
  std::string refused;
};

struct utf8_check {
  std::size_t invalid = 0;        // undecodable bytes
  std::size_t multibyte = 0;      // well-formed sequences of two or more bytes
  std::size_t no_nul_before = 0;  // the first so many bytes hold no NUL byte
  std::size_t no_cr_before = 0;   // and these no CR byte
  /// Code points before each 4 KiB block (block k begins at byte 4096 k) of the
  /// blocks checked from the start: code points counted as the bytes that are not
  /// continuation bytes. Empty when no block was checked.
  std::vector<std::uint32_t> char_marks;
};

/// Offsets of the first invalid UTF-8 bytes (at most max_kept), and counts.
utf8_check find_invalid_utf8(std::string_view s, std::vector<decoded_input::bad_byte>& out,
                             std::size_t max_kept);

/// What a file that is not a text document is, from its first bytes ("a PDF document"),
/// or empty when nothing says so. UTF-16 is text; a file that merely holds NUL bytes
/// is judged by binary_reason().
std::string_view sniff_file_type(std::string_view bytes) noexcept;

/// Why bytes read as a single-byte-unit encoding (UTF-8, GB18030) are binary data
/// rather than text, or empty: NUL bytes more often than one in a thousand, or
/// control characters more often than one in ten, in the first 64 KiB.
std::string binary_reason(std::string_view bytes);

/// Decide the encoding of bytes and transcode them to UTF-8 where they are not UTF-8.
decoded_input decode_input(std::string_view bytes, input_encoding enc);

}  // namespace gongwen::detail
