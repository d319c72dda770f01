// gongwen: the structure of Chinese official documents as a typed tree.
//
// parse() reads a document (讲话稿, 政府工作报告, 实施方案, 通知 ...) and returns a
// gongwen::document that holds its text (parse_borrowed() keeps a view of the
// caller's instead) and a tree of typed nodes. Nodes refer to
// the text by byte offsets; line numbers are stored, character columns are
// computed on demand. Nothing the parser cannot place is dropped: it stays in
// the tree as a paragraph or a noise node, and problems come back as
// diagnostics, never as exceptions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

/// Byte offset into document::text().
using offset = std::uint32_t;

/// A half-open byte range [begin, end) of document::text().
struct span {
  offset begin = 0;
  offset end = 0;
  [[nodiscard]] constexpr offset size() const noexcept { return end - begin; }
  [[nodiscard]] constexpr bool empty() const noexcept { return end <= begin; }
  friend constexpr bool operator==(span, span) = default;
};

enum class node_type : std::uint8_t {
  document,
  noise,  // advertising, web-page furniture, metadata: kept, skipped by analysis
  title,
  subtitle,
  byline,
  salutation,  // 同志们： 各位代表：
  closing,     // the last paragraph when it starts with 同志们，
  paragraph,
  section,     // opened by an ordinal heading
  directive,   // a sentence that demands or assigns work
  doc_number,  // 发文字号 〔2019〕860号
  addressee,   // 主送机关
  attachment,  // 附件 part; its headings form their own tree
  signature,   // 发文机关署名
  date,        // 成文日期
};

/// Stable lower-case name, as used in the JSON ("section", "doc_number" ...).
[[nodiscard]] std::string_view name(node_type) noexcept;

/// Heading families of the spec's marker inventory.
enum class marker_style : std::uint8_t {
  cn_dun,         // 一、
  cn_paren,       // （一） (一) ㈠
  cn_di,          // 第一， 第一是
  cn_di_measure,  // 第一件事， 第二项 第三点
  cn_verb,        // 一是 二要 三抓 一则
  arabic_dot,     // 1. 1． 1、
  arabic_paren,   // （1） (1) ⑴
  circled,        // ① ②
  aspect,         // 一方面， 另一方面，
  sequence,       // 首先 其次 再次 最后
  dash,           // —— at a paragraph start
  topic,          // 现代农业方面： 岗位对接上，
  chapter,        // 第一章 第一部分 第一节
  article,        // 第一条
};

/// The JSON style name: "cn-dun", "arabic-paren", ...
[[nodiscard]] std::string_view name(marker_style) noexcept;

/// What kind of noise a noise node is.
enum class noise_kind : std::uint8_t {
  none,
  advertising,  // watermarks, "仅供学习", "咨询QQ" lines
  web,          // page furniture: 下载 打印 【字号】, captions, licence footers
  metadata,     // 来源： 时间： 原文链接， "---" front matter
  disclaimer,   // "> " quoted notes
  markup,       // Markdown marks before a heading's marker: "## ", "**"
};

[[nodiscard]] std::string_view name(noise_kind) noexcept;

/// The ordinal that opened a section.
struct ordinal {
  marker_style style = marker_style::cn_dun;
  span marker;             // the marker as written, with the punctuation that belongs to it
  std::int32_t value = 0;  // the numeral; 0 when the style has no value (dash, topic, 最后)
  [[nodiscard]] constexpr bool has_value() const noexcept { return value != 0; }
};

enum class role : std::uint8_t { lead, cooperate, responsible };

[[nodiscard]] std::string_view name(role) noexcept;

using node_id = std::uint32_t;
inline constexpr node_id no_node = static_cast<node_id>(-1);

/// A unit named in a directive: an organisation or a person named by office.
struct agency {
  span text;              // its own characters in the text (人社 in 人社、就业部门)
  std::string_view name;  // as a reader writes it on a task sheet (人社部门); owned by the document
  gongwen::role role = role::responsible;
  node_id from = no_node;  // for an inherited agency: the directive that named it
  [[nodiscard]] bool inherited() const noexcept { return from != no_node; }
};

/// A time by which work is due, with what the text says of it. Numeric fields
/// are 0 when the text does not give them (or gives them redacted as × / X).
struct deadline {
  enum class bound : std::uint8_t { before, within, during };         // 前 / 内 / 份, 季度
  enum class part : std::uint8_t { none, early, middle, late, end };  // 上旬 中旬 下旬 底/末
  span text;
  std::int16_t year = 0;        // an absolute year (2021)
  std::int8_t year_offset = 0;  // 今年/年内 0, 明年 +1 (valid when relative_year)
  bool relative_year = false;
  std::int8_t month = 0;    // 1..12
  std::int8_t day = 0;      // 1..31
  std::int8_t quarter = 0;  // 1..4
  std::int8_t half = 0;     // 1 上半年, 2 下半年
  std::int8_t week = 0;     // 1 for 本周
  bool redacted = false;    // digits written as × X XX
  bound by = bound::before;
  part of = part::none;
  node_id from = no_node;  // for an inherited deadline: the directive that set it
  [[nodiscard]] bool inherited() const noexcept { return from != no_node; }
};

inline constexpr std::uint32_t no_record = static_cast<std::uint32_t>(-1);

/// One node of the tree. Links are node ids into document::nodes(). What only some
/// kinds of node have (a section's ordinal and title, a text node's text, a
/// directive's units and deadlines) is kept beside the nodes and read through the
/// document: ordinal_of(), title_of(), agencies(), deadlines(). A node is 36 bytes,
/// which matters when a document has tens of millions of them.
struct node {
  node_type type = node_type::document;
  std::uint8_t level = 0;  // sections: depth among sections, 1 = top
  bool is_inline = false;  // sections: opened inside a paragraph
  gongwen::noise_kind noise = noise_kind::none;
  gongwen::span span;      // [begin, end) in bytes of document::text()
  std::uint32_t line = 0;  // 1-based line of span.begin
  node_id parent = no_node;
  node_id first_child = no_node;
  node_id last_child = no_node;
  node_id next_sibling = no_node;
  std::uint32_t record = no_record;  // sections, text nodes, directives: what is kept beside it
};

/// A line and a column counted in characters (code points), both 1-based.
struct position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

struct diagnostic {
  enum class level : std::uint8_t { warning, error };
  level severity = level::warning;
  offset at = 0;  // byte offset into document::text()
  std::string message;
  std::uint32_t line = 1;    // of at, 1-based
  std::uint32_t column = 1;  // of at, 1-based, in characters
};

enum class input_encoding : std::uint8_t { automatic, utf8, gb18030, utf16le, utf16be };

struct options {
  input_encoding encoding = input_encoding::automatic;
  /// Find directives, agencies and deadlines in the paragraphs.
  bool directives = true;
  /// Sections nest at most this deep; deeper headings stay text (with a warning).
  std::uint8_t max_depth = 32;
  /// Larger inputs are refused with an error diagnostic.
  std::size_t max_input_bytes = std::size_t{1} << 31;
};

class document;

/// Iterates the children of a node.
class child_range {
 public:
  class iterator {
   public:
    using value_type = node;
    using difference_type = std::ptrdiff_t;
    using reference = const node&;
    iterator() = default;
    iterator(const document* doc, node_id id) : doc_(doc), id_(id) {}
    reference operator*() const;
    const node* operator->() const { return &**this; }
    iterator& operator++();
    iterator operator++(int) {
      auto copy = *this;
      ++*this;
      return copy;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.id_ == b.id_; }

   private:
    const document* doc_ = nullptr;
    node_id id_ = no_node;
  };
  child_range(const document* doc, node_id first) : doc_(doc), first_(first) {}
  [[nodiscard]] iterator begin() const { return {doc_, first_}; }
  [[nodiscard]] iterator end() const { return {doc_, no_node}; }

 private:
  const document* doc_;
  node_id first_;
};

/// One step of a depth-first walk: each node is entered, and left after its children.
struct walk_event {
  const node* n = nullptr;
  bool entering = true;
};

namespace detail {
class builder;

/// A document's text: its own string, or a view of bytes its caller keeps alive
/// (parse_borrowed). Copies and moves keep the view on the right bytes: an owned
/// text is viewed in the new owner's string, a borrowed one stays borrowed.
class text_holder {
 public:
  text_holder() = default;
  text_holder(const text_holder& o) : own_(o.own_), borrowed_(o.borrowed_) { point(o); }
  text_holder(text_holder&& o) noexcept : own_(std::move(o.own_)), borrowed_(o.borrowed_) {
    point(o);
    o.clear();
  }
  text_holder& operator=(const text_holder& o) {
    if (this != &o) {
      own_ = o.own_;
      borrowed_ = o.borrowed_;
      point(o);
    }
    return *this;
  }
  text_holder& operator=(text_holder&& o) noexcept {
    if (this != &o) {
      own_ = std::move(o.own_);
      borrowed_ = o.borrowed_;
      point(o);
      o.clear();
    }
    return *this;
  }
  ~text_holder() = default;

  void own(std::string&& s) {
    own_ = std::move(s);
    view_ = own_;
    borrowed_ = false;
  }
  void borrow(std::string_view s) {
    own_ = std::string();
    view_ = s;
    borrowed_ = true;
  }
  [[nodiscard]] bool borrowed() const noexcept { return borrowed_; }
  /// Implicit, so that the passes take the text where they take a std::string_view.
  operator std::string_view() const noexcept { return view_; }
  [[nodiscard]] std::size_t size() const noexcept { return view_.size(); }
  [[nodiscard]] const char* data() const noexcept { return view_.data(); }
  [[nodiscard]] std::string_view substr(std::size_t at,
                                        std::size_t n = std::string_view::npos) const {
    return view_.substr(at, n);
  }

 private:
  void point(const text_holder& o) noexcept {
    view_ = borrowed_ ? o.view_ : std::string_view(own_);
  }
  void clear() noexcept {
    own_.clear();
    view_ = {};
    borrowed_ = false;
  }
  std::string own_;
  std::string_view view_;
  bool borrowed_ = false;
};
}  // namespace detail

class document {
 public:
  document() = default;
  document(document&&) noexcept = default;
  document& operator=(document&&) noexcept = default;
  document(const document& other) { *this = other; }
  document& operator=(const document& other);
  ~document() = default;

  /// The UTF-8 text all offsets refer to: the input as given when it was UTF-8,
  /// else its transcoding to UTF-8.
  [[nodiscard]] std::string_view text() const noexcept { return text_; }
  [[nodiscard]] std::string_view text(span s) const noexcept {
    return text_.substr(s.begin, s.size());
  }
  /// Whether text() is a view of the bytes given to parse_borrowed(), which the
  /// document does not own (false when it owns its text).
  [[nodiscard]] bool borrows_text() const noexcept { return text_.borrowed(); }
  /// The encoding the input was read in: "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE",
  /// or "binary" for a refused file that is not text.
  [[nodiscard]] std::string_view encoding() const noexcept { return encoding_; }
  /// Size of the input in bytes as it was given (before any transcoding).
  [[nodiscard]] std::size_t input_size() const noexcept { return input_size_; }
  /// Whether the text is well-formed UTF-8 throughout. False when bytes of a UTF-8
  /// input could not be decoded: they stay in the text (and are written as U+FFFD),
  /// each reported as an error. A transcoded text is always well-formed.
  [[nodiscard]] bool well_formed() const noexcept { return well_formed_; }

  [[nodiscard]] const node& root() const noexcept { return nodes_.front(); }
  [[nodiscard]] const node& operator[](node_id id) const noexcept { return nodes_[id]; }
  [[nodiscard]] node_id id(const node& n) const noexcept {
    return static_cast<node_id>(&n - nodes_.data());
  }
  [[nodiscard]] std::span<const node> nodes() const noexcept { return nodes_; }
  [[nodiscard]] child_range children(const node& n) const noexcept { return {this, n.first_child}; }

  /// The ordinal that opened a section (an empty one for other nodes).
  [[nodiscard]] const gongwen::ordinal& ordinal_of(const node& n) const noexcept {
    static constexpr gongwen::ordinal none{};
    return n.type == node_type::section && n.record != no_record ? heads_[n.record].ordinal : none;
  }
  /// A section's title; the text of a text node (title, subtitle, byline, salutation,
  /// closing, doc_number, addressee, attachment, signature, date); empty for others.
  [[nodiscard]] gongwen::span title_of(const node& n) const noexcept {
    return n.type != node_type::directive && n.record != no_record ? heads_[n.record].title
                                                                   : gongwen::span{};
  }
  /// Agencies of a directive: its own first, then the ones it inherits.
  [[nodiscard]] std::span<const agency> agencies(const node& n) const noexcept {
    if (n.type != node_type::directive || n.record == no_record) return {};
    const directive_record& r = directives_[n.record];
    return std::span<const agency>(agencies_).subspan(r.first_agency, r.agency_count);
  }
  [[nodiscard]] std::span<const deadline> deadlines(const node& n) const noexcept {
    if (n.type != node_type::directive || n.record == no_record) return {};
    const directive_record& r = directives_[n.record];
    return std::span<const deadline>(deadlines_).subspan(r.first_deadline, r.deadline_count);
  }

  /// Line and character column of a byte offset (columns count code points).
  [[nodiscard]] position position_of(offset at) const noexcept;
  /// Number of lines (LF, CRLF and CR each end one).
  [[nodiscard]] std::size_t line_count() const noexcept { return line_starts_.size(); }

  [[nodiscard]] const std::vector<diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  /// True when no diagnostic is an error.
  [[nodiscard]] bool ok() const noexcept;

 private:
  friend class detail::builder;
  detail::text_holder text_;
  std::string encoding_ = "UTF-8";
  std::size_t input_size_ = 0;
  bool well_formed_ = true;
  struct head_record {
    gongwen::ordinal ordinal;  // sections
    gongwen::span title;       // sections: the title; text nodes: their text
  };
  struct directive_record {
    std::uint32_t first_agency = 0, agency_count = 0;
    std::uint32_t first_deadline = 0, deadline_count = 0;
  };
  std::vector<node> nodes_;
  std::vector<head_record> heads_;
  std::vector<directive_record> directives_;
  std::vector<agency> agencies_;
  /// Every agency's name, each once, in blocks that never move: agency::name points
  /// here, and stays valid when the document is moved. A copy gets its own store.
  struct name_block {
    std::unique_ptr<char[]> data;
    std::size_t used = 0, size = 0;
  };
  std::vector<name_block> name_blocks_;
  std::string_view store_name(std::string_view name);
  std::vector<deadline> deadlines_;
  std::vector<offset> line_starts_;
  std::vector<std::uint32_t> char_marks_;  // code points before each 4 KiB block
  std::vector<diagnostic> diagnostics_;
};

inline const node& child_range::iterator::operator*() const {
  return (*doc_)[id_];
}
inline child_range::iterator& child_range::iterator::operator++() {
  id_ = (*doc_)[id_].next_sibling;
  return *this;
}

/// A depth-first walk: every node is entered, then left after its children.
///   gongwen::walker w(doc, doc.root());
///   for (gongwen::walk_event ev; w.next(ev);) { ... }
class walker {
 public:
  walker(const document& doc, const node& start) : doc_(&doc), start_(doc.id(start)) {}
  bool next(walk_event& ev);

 private:
  const document* doc_;
  node_id start_;
  node_id current_ = no_node;
  bool entering_ = true;
  bool done_ = false;
};

/// Parse a document. Never throws on bad input: problems are diagnostics. A file that
/// is not a text document (a PDF, a .docx, an image, binary data) or is larger than
/// options::max_input_bytes is refused: the document is empty, its encoding is
/// "binary" for a file that is not text, and one error diagnostic says why.
[[nodiscard]] document parse(std::string_view bytes, const options& opts = {});
/// The same, taking over the bytes: UTF-8 input becomes the document's text without
/// a copy, and transcoded input is freed once it is read.
[[nodiscard]] document parse(std::string&& bytes, const options& opts = {});
/// The same without copying the bytes: when they are UTF-8 the document's text is a
/// view of them (input in another encoding is transcoded into a text of the
/// document's own, as parse() does). The bytes must stay alive and unchanged as long
/// as the document or any copy of it is used. For text that is already in memory
/// and kept there: a mapped file, an archive read once and parsed many times.
[[nodiscard]] document parse_borrowed(std::string_view bytes, const options& opts = {});
/// The tree's promises, checked: the root spans the whole text; every node is reached
/// once from the root; children lie inside their parent's span, in order, without
/// overlap; between top-level nodes there is only white space and line breaks (no text
/// outside the tree); every span (nodes, markers, titles, agencies, deadlines) starts
/// and ends on a character boundary; each node's line is the line its span begins on;
/// a paragraph neither begins nor ends with white space.
/// Returns a description of each broken promise (at most 50), empty when all hold.
/// Linear in the size of the text; meant for tests and for checking untrusted input.
[[nodiscard]] std::vector<std::string> check_invariants(const document& doc);

[[nodiscard]] inline document parse(const char* text, const options& opts = {}) {
  return parse(std::string_view(text), opts);
}

}  // namespace gongwen
