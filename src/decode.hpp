// Reading the input: encoding detection, transcoding to UTF-8, validation.
#pragma once

#include <gongwen/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace gongwen::detail {

struct decoded_input {
  std::string text;      // UTF-8; equal to the input when the input was UTF-8
  std::string encoding;  // "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"
  struct bad_byte {
    offset at;            // byte offset into text
    unsigned char value;  // the offending byte (0 when not known)
  };
  std::vector<bad_byte> invalid;  // undecodable input, in order
  std::size_t invalid_total = 0;  // may exceed invalid.size(): only the first few are kept
};

struct utf8_check {
  std::size_t invalid = 0;    // undecodable bytes
  std::size_t multibyte = 0;  // well-formed sequences of two or more bytes
};

/// Offsets of the first invalid UTF-8 bytes (at most max_kept), and counts.
utf8_check find_invalid_utf8(std::string_view s, std::vector<decoded_input::bad_byte>& out,
                             std::size_t max_kept);

decoded_input decode_input(std::string_view bytes, input_encoding enc);

}  // namespace gongwen::detail
