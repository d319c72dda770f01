// The parser's passes and the data they hand each other. Private to the library.
#pragma once

#include <gongwen/document.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace gongwen::detail {

/// One paragraph: a line, or a piece of a line cut at a run of U+3000, trimmed.
struct paragraph {
  offset begin = 0;
  offset end = 0;
  std::uint32_t line = 0;     // 1-based
  bool line_first = true;     // the first paragraph of its line
  bool blank_before = false;  // an empty line comes before it
};

/// Cut the text into paragraphs (LF, CRLF, CR; runs of two or more U+3000).
/// Also fills the line index: the offset at which each line starts. The first
/// no_cr_before bytes are known to hold no CR.
void split_paragraphs(std::string_view text, std::vector<paragraph>& out,
                      std::vector<offset>& line_starts, std::size_t no_cr_before = 0);

enum class part : std::uint8_t {
  body,
  noise,
  title,
  subtitle,
  byline,
  salutation,
  closing,
  doc_number,
  addressee,
  attachment,
  signature,
  date,
};

/// A paragraph (or a part of one, or two merged) with what it is in the document.
struct item {
  part kind = part::body;
  noise_kind noise = noise_kind::none;
  offset begin = 0;
  offset end = 0;
  std::uint32_t line = 0;
  bool block_start = true;  // begins a paragraph (block headings may open here)
  bool root_level = false;  // closes every open section and stands at the root
};

/// Decide what each paragraph is: noise, title, salutation, closing ... or body.
std::vector<item> classify_parts(std::string_view text, const std::vector<paragraph>& paras);

/// A heading found in a body item.
struct heading {
  offset begin = 0;  // first byte of the marker
  offset marker_end = 0;
  offset title_begin = 0;
  offset title_end = 0;
  marker_style style = marker_style::cn_dun;
  std::int32_t value = 0;
  bool is_inline = false;
  bool blank_before = false;  // inline: blanks stand between it and the text before it
  std::uint32_t item = 0;     // index into the items
  // Filled by nesting:
  std::int32_t parent = -1;  // index of the parent heading, -1 for the container root
  std::uint8_t level = 0;
  bool excluded = false;    // not a heading after all (a lone topic lead)
  bool dropped = false;     // left as text: nested deeper than options::max_depth
  std::uint32_t epoch = 0;  // which tree it belongs to (the body, or an attachment)
};

/// Find the headings of one body item [begin, end): a block heading at its start
/// (when block_start) and inline ones after sentence ends and colons.
void find_headings(std::string_view text, const item& it, std::uint32_t item_index,
                   std::vector<heading>& out);

/// The numeric value of a Chinese numeral such as 二十三 (0 if it is not one).
int chinese_numeral_value(std::string_view s) noexcept;

/// The value of a number as ordinals and dates write it: digits (ASCII or full-width,
/// other characters ignored: 12．) or a Chinese numeral. Redaction marks (× X ＊) set
/// redacted and give 0 unless digits stand beside them.
int number_value(std::string_view s, bool& redacted) noexcept;

}  // namespace gongwen::detail
