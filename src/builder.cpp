// parse(): the passes in order, and the nesting of sections by the spec's reading rules.
#include "builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <unordered_set>

#include "analysis.hpp"
#include "decode.hpp"
#include "memory.hpp"
#include "text.hpp"

namespace gongwen {
namespace detail {

namespace {

constexpr std::size_t style_count = static_cast<std::size_t>(marker_style::article) + 1;

/// An open container while nesting: the root (or an attachment) or a section.
struct frame {
  std::int32_t heading = -1;                    // -1: the root of the current tree
  bool ends_with_paragraph = false;             // inline sections and dash items
  std::array<std::int32_t, style_count> lists;  // last item of an open list, per family
  frame() { lists.fill(-1); }
};

/// Apply the reading rules of structure.md to every heading in document order,
/// recording each heading's parent and level, and the container of every item.
class nesting {
 public:
  nesting(const std::vector<item>& items, std::vector<heading>& headings, std::size_t max_depth)
      : items_(items), headings_(headings), max_depth_(max_depth) {}

  void run(std::vector<std::int32_t>& container_of_item) {
    container_of_item.assign(items_.size(), -1);
    stack_.assign(1, frame{});
    std::uint32_t epoch = 0;
    std::size_t h = 0;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const item& it = items_[i];
      if (it.root_level) {
        stack_.assign(1, frame{});
        if (it.kind == part::attachment) ++epoch;
        continue;
      }
      container_of_item[i] = stack_.back().heading;
      for (; h < headings_.size() && headings_[h].item == i; ++h) {
        heading& hd = headings_[h];
        hd.parent = -1;
        hd.level = 0;
        hd.dropped = false;
        hd.epoch = epoch;
        if (!hd.excluded) open(static_cast<std::int32_t>(h));
      }
      // Rule 4: an inline section ends with its paragraph, and so does a dash item.
      while (stack_.size() > 1 && stack_.back().ends_with_paragraph) stack_.pop_back();
    }
  }

 private:
  void open(std::int32_t h) {
    heading& hd = headings_[static_cast<std::size_t>(h)];
    const auto family = static_cast<std::size_t>(hd.style);
    const bool restart = hd.value == 1;
    // The innermost open list of the heading's family.
    std::size_t target = stack_.size() - 1;
    std::ptrdiff_t found = -1;
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].lists[family] >= 0) {
        found = static_cast<std::ptrdiff_t>(k);
        break;
      }
    }
    if (found >= 0 && (!restart || !hd.is_inline)) {
      // Rule 1, continue: the heading becomes the next item of that list.
      // Rule 2, restart beside: a restart at a paragraph start begins a new list there.
      target = static_cast<std::size_t>(found);
    }
    // Rule 3, open below: otherwise a new list under the innermost open section.
    if (target + 1 > max_depth_) {
      hd.dropped = true;
      return;
    }
    stack_.resize(target + 1);
    hd.parent = stack_[target].heading;
    hd.level = static_cast<std::uint8_t>(target + 1);
    stack_[target].lists[family] = h;
    frame f;
    f.heading = h;
    f.ends_with_paragraph = hd.is_inline || hd.style == marker_style::dash;
    stack_.push_back(f);
  }

  const std::vector<item>& items_;
  std::vector<heading>& headings_;
  std::size_t max_depth_;
  std::vector<frame> stack_;
};

/// Topic leads are a parallel structure: they are headings when two or more of the
/// same form (…方面 or …上) stand under one parent; a lone one is text. Dropping one
/// can change the tree, so nest again until nothing changes.
void nest_with_topics(std::string_view text, const std::vector<item>& items,
                      std::vector<heading>& headings, std::size_t max_depth,
                      std::vector<std::int32_t>& container_of_item) {
  nesting nest(items, headings, max_depth);
  using key = std::tuple<std::uint32_t, std::int32_t, bool>;
  auto key_of = [&](const heading& h) {
    return key{h.epoch, h.parent, ends_with(text.substr(0, h.title_end), "方面")};
  };
  for (int round = 0; round < 8; ++round) {
    nest.run(container_of_item);
    std::map<key, int> topics_under;
    for (const heading& h : headings)
      if (!h.excluded && !h.dropped && h.style == marker_style::topic) ++topics_under[key_of(h)];
    bool changed = false;
    for (heading& h : headings) {
      if (!h.excluded && !h.dropped && h.style == marker_style::topic &&
          topics_under[key_of(h)] < 2) {
        h.excluded = true;
        changed = true;
      }
    }
    if (!changed) return;
  }
  nest.run(container_of_item);
}

node_type node_type_of(part p) {
  switch (p) {
    case part::noise:
      return node_type::noise;
    case part::title:
      return node_type::title;
    case part::subtitle:
      return node_type::subtitle;
    case part::byline:
      return node_type::byline;
    case part::salutation:
      return node_type::salutation;
    case part::closing:
      return node_type::closing;
    case part::doc_number:
      return node_type::doc_number;
    case part::addressee:
      return node_type::addressee;
    case part::attachment:
      return node_type::attachment;
    case part::signature:
      return node_type::signature;
    case part::date:
      return node_type::date;
    case part::body:
      break;
  }
  return node_type::paragraph;
}

}  // namespace

class builder {
 public:
  explicit builder(const options& opts) : opts_(opts) {}

  /// Parse bytes, taking them over as the text when they are UTF-8.
  document run(std::string&& bytes) { return run(bytes, &bytes); }

  /// Parse bytes: when they are UTF-8, the text is taken over from *owner, or, with
  /// no owner, is a view of them (parse_borrowed). Else the text is their transcoding,
  /// and *owner is freed once it is read.
  document run(std::string_view bytes, std::string* owner) {
    doc_.input_size_ = bytes.size();
    const std::size_t limit = std::min<std::size_t>(opts_.max_input_bytes, 0xFFFFFFF0);
    if (bytes.size() > limit)
      return refuse(fmt::format("input of {} bytes is larger than the limit of {} bytes",
                                bytes.size(), limit));
    decoded_input in = decode_input(bytes, opts_.encoding);
    if (!in.refused.empty()) {
      doc_.encoding_ = std::move(in.encoding);
      return refuse(std::move(in.refused));
    }
    if (!in.text_is_input)
      doc_.text_.own(std::move(in.text));
    else if (owner != nullptr)
      doc_.text_.own(std::move(*owner));
    else
      doc_.text_.borrow(bytes);
    if (owner != nullptr) *owner = std::string();  // a transcoded input is no longer needed
    const std::size_t no_cr_before = in.no_cr_before;
    std::vector<std::uint32_t> char_marks = std::move(in.char_marks);
    decoded(std::move(in));
    {  // The passes' intermediate data is freed before the directives are read.
      std::vector<item> items;
      {
        std::vector<paragraph> paras;
        split_paragraphs(doc_.text_, paras, doc_.line_starts_, no_cr_before);
        index_characters(std::move(char_marks));
        items = classify_parts(doc_.text_, paras);
      }
      std::vector<heading> headings;
      reserve_large(headings, doc_.text_.size() / 128 + 16);
      read_ahead ahead(doc_.text_);
      for (std::size_t i = 0; i < items.size(); ++i) {
        ahead.at(items[i].begin);
        if (items[i].kind == part::body)
          find_headings(doc_.text_, items[i], static_cast<std::uint32_t>(i), headings);
      }
      std::vector<std::int32_t> container_of_item;
      nest_with_topics(doc_.text_, items, headings, opts_.max_depth, container_of_item);
      report_too_deep(headings);
      // The nodes are allocated once: for the structure (the root, a node for each item,
      // and for each heading its section and the piece or markup before it), and when
      // directives are read, for at most one a sentence (a sentence takes a dozen
      // characters or more). Capacity never written costs no memory; growing by
      // doubling would copy the array and hold the old one and the new one at once.
      const std::size_t structure = items.size() + 2 * headings.size() + 16;
      reserve_large(doc_.nodes_, structure + (opts_.directives ? doc_.text_.size() / 32 : 0));
      reserve_large(doc_.heads_, structure);
      emit(items, headings, container_of_item);
    }
    if (opts_.directives) analyse_directives();
    finish_spans();
    place_diagnostics();
    return std::move(doc_);
  }

 private:
  void place_diagnostics() {
    for (diagnostic& d : doc_.diagnostics_) {
      const position p = doc_.position_of(d.at);
      d.line = p.line;
      d.column = p.column;
    }
  }

  /// What a section or text node keeps beside it: its ordinal and its title or text.
  void set_head(node_id id, ordinal o, span title) {
    doc_.nodes_[id].record = static_cast<std::uint32_t>(doc_.heads_.size());
    doc_.heads_.push_back({o, title});
  }

  /// A document with no content and one error: the input is not read at all.
  document refuse(std::string message) {
    node root;
    root.line = 1;
    doc_.nodes_.push_back(root);
    doc_.line_starts_.push_back(0);
    doc_.char_marks_.push_back(0);
    doc_.diagnostics_.push_back({diagnostic::level::error, 0, std::move(message)});
    return std::move(doc_);
  }

  /// What reading the input found: its encoding, and its bad and NUL bytes as diagnostics.
  void decoded(decoded_input&& in) {
    doc_.encoding_ = std::move(in.encoding);
    doc_.well_formed_ = in.well_formed;
    for (const auto& bad : in.invalid) {
      doc_.diagnostics_.push_back(
          {diagnostic::level::error, bad.at,
           fmt::format("invalid {} byte 0x{:02X} (kept as U+FFFD in the output)", doc_.encoding_,
                       bad.value)});
    }
    if (in.invalid_total > in.invalid.size()) {
      doc_.diagnostics_.push_back(
          {diagnostic::level::error, in.invalid.back().at,
           fmt::format("{} more invalid bytes not listed", in.invalid_total - in.invalid.size())});
    }
    for (const offset at : in.nul_bytes)
      doc_.diagnostics_.push_back(
          {diagnostic::level::warning, at, "NUL byte in the text (kept, written as \\u0000)"});
    if (in.nul_total > in.nul_bytes.size())
      doc_.diagnostics_.push_back(
          {diagnostic::level::warning, in.nul_bytes.back(),
           fmt::format("{} more NUL bytes not listed", in.nul_total - in.nul_bytes.size())});
  }

  void report_too_deep(const std::vector<heading>& headings) {
    constexpr std::size_t listed = 10;
    std::size_t count = 0;
    offset last = 0;
    for (const heading& h : headings) {
      if (!h.dropped) continue;
      if (++count <= listed)
        doc_.diagnostics_.push_back(
            {diagnostic::level::warning, h.begin,
             fmt::format("heading nested deeper than {} levels is kept as text",
                         static_cast<int>(opts_.max_depth))});
      last = h.begin;
    }
    if (count > listed)
      doc_.diagnostics_.push_back(
          {diagnostic::level::warning, last,
           fmt::format("{} more headings nested too deep are kept as text", count - listed)});
  }

  /// Code points before each 4 KiB block, so a column is found without scanning its
  /// whole line. The marks the UTF-8 check counted (known, maybe empty) are kept; the
  /// blocks after them are counted here.
  void index_characters(std::vector<std::uint32_t>&& known) {
    const std::string_view t = doc_.text_;
    std::vector<std::uint32_t>& marks = doc_.char_marks_;
    marks = std::move(known);
    if (marks.empty()) marks.push_back(0);
    marks.reserve(t.size() / 4096 + 1);
    // From the last block with a mark, each block's count gives the next block's mark.
    std::size_t b = (marks.size() - 1) * 4096;
    std::uint32_t count = marks.back();
    read_ahead ahead(t, b);
    for (; b + 4096 <= t.size(); b += 4096) {
      ahead.at(b + 4096);  // a block ahead of the one counted
      count += static_cast<std::uint32_t>(count_chars(t.substr(b, 4096)));
      marks.push_back(count);
    }
    if (doc_.line_starts_.empty()) doc_.line_starts_.push_back(0);
  }

  node_id add(node_type type, node_id parent, span s, std::uint32_t line) {
    node n;
    n.type = type;
    n.span = s;
    n.line = line;
    n.parent = parent;
    const auto id = static_cast<node_id>(doc_.nodes_.size());
    doc_.nodes_.push_back(n);
    if (parent != no_node) {
      node& p = doc_.nodes_[parent];
      if (p.last_child == no_node)
        p.first_child = id;
      else
        doc_.nodes_[p.last_child].next_sibling = id;
      p.last_child = id;
    }
    return id;
  }

  /// Only Markdown heading and bold marks (and blanks) in [b, e), and some of them.
  bool markup_only(std::size_t b, std::size_t e) const {
    bool marks = false;
    for (std::size_t p = b; p < e;) {
      const code_point c = decode_at(doc_.text_, p);
      p += c.len;
      if (c.cp == U'#' || c.cp == U'*' || c.cp == U'_')
        marks = true;
      else if (!is_blank(c.cp))
        return false;
    }
    return marks;
  }

  /// The part of a body item [b, e) before the heading hd, whose marker is at e, without
  /// the blanks before the marker (the heading says whether there are any: the text,
  /// far behind in a large one, is read again only then). It begins where the item does
  /// (trimmed as the paragraph was cut) or at an earlier heading's marker: its start
  /// needs no trimming.
  void add_piece(node_id parent, std::size_t b, const heading& hd, std::uint32_t line) {
    std::size_t e = hd.begin;
    if (hd.blank_before) trim_back(doc_.text_, b, e);
    if (b >= e) return;
    add(node_type::paragraph, parent, {static_cast<offset>(b), static_cast<offset>(e)}, line);
  }

  void emit(const std::vector<item>& items, std::vector<heading>& headings,
            const std::vector<std::int32_t>& container_of_item) {
    const node_id root =
        add(node_type::document, no_node, {0, static_cast<offset>(doc_.text_.size())}, 1);
    std::vector<node_id> section(headings.size(), no_node);
    node_id tree_root = root;  // the document, or the current attachment
    std::size_t h = 0;
    // The text, far behind in a large one, is read here only where a heading has
    // blanks or Markdown marks before it: no piece is trimmed otherwise.
    for (std::size_t i = 0; i < items.size(); ++i) {
      const item& it = items[i];
      if (it.kind == part::attachment) {
        tree_root = add(node_type::attachment, root, {it.begin, it.end}, it.line);
        set_head(tree_root, {}, {it.begin, it.end});
        continue;
      }
      const std::int32_t c = container_of_item[i];
      const node_id container = c >= 0 ? section[static_cast<std::size_t>(c)] : tree_root;
      if (it.kind == part::signature || (it.kind == part::date && it.root_level))
        tree_root = root;  // ends an 附件： list
      if (it.kind != part::body) {
        const node_id id = add(node_type_of(it.kind), it.root_level ? tree_root : container,
                               {it.begin, it.end}, it.line);
        doc_.nodes_[id].noise = it.noise;
        set_head(id, {}, {it.begin, it.end});
        continue;
      }
      std::size_t cursor = it.begin;
      node_id current = container;
      for (; h < headings.size() && headings[h].item == i; ++h) {
        const heading& hd = headings[h];
        if (hd.excluded || hd.dropped) continue;
        if (hd.begin > cursor && !hd.is_inline && markup_only(cursor, hd.begin)) {
          // "## 一、……", "**一、……**": the marks before the marker are formatting.
          std::size_t b = cursor, e = hd.begin;
          trim(doc_.text_, b, e);
          const node_id id = add(node_type::noise, current,
                                 {static_cast<offset>(b), static_cast<offset>(e)}, it.line);
          doc_.nodes_[id].noise = noise_kind::markup;
          set_head(id, {}, doc_.nodes_[id].span);
        } else if (hd.begin > cursor) {
          add_piece(current, cursor, hd, it.line);
        }
        const node_id parent =
            hd.parent >= 0 ? section[static_cast<std::size_t>(hd.parent)] : tree_root;
        const node_id id = add(node_type::section, parent, {hd.begin, hd.marker_end}, it.line);
        node& n = doc_.nodes_[id];
        n.level = hd.level;
        n.is_inline = hd.is_inline;
        set_head(id, {hd.style, {hd.begin, hd.marker_end}, hd.value},
                 {hd.title_begin, hd.title_end});
        section[h] = id;
        current = id;
        cursor = hd.begin;
      }
      // The rest of the item: from its start or its last heading's marker to its end,
      // neither of them a blank (the paragraph was trimmed as it was cut), so the text is
      // not read again here: far apart in a large text, its ends cost a cache miss each.
      add(node_type::paragraph, current, {static_cast<offset>(cursor), it.end}, it.line);
    }
  }

  // --- directives ----------------------------------------------------------

  /// A directive while the tree is being read: its own units and deadlines, and
  /// the ones it inherits, before they are laid out in the document's arrays.
  /// Its own units and deadlines are a run of the pools below (no allocation per
  /// directive); inherited ones are named by the directive they come from.
  struct draft {
    node_id node = no_node;
    std::uint32_t first_agency = 0, own_agencies = 0;
    std::uint32_t first_deadline = 0, own_deadlines = 0;
    std::int32_t agencies_from = -1;   // the draft whose units it inherits
    std::int32_t deadlines_from = -1;  // the draft whose deadlines it inherits
    bool assignment = false;           // its units come from a （牵头单位：…） parenthesis
  };

  /// Append items to a draft's run [first, first + count) in a pool. A run that is not
  /// the pool's last is moved to the end first (rare: label lines add to an earlier
  /// directive).
  template <class T, class Item, class Convert>
  static void append_run(std::vector<T>& pool, std::uint32_t& first, std::uint32_t& count,
                         std::vector<Item>& items, Convert convert) {
    if (items.empty()) return;
    if (count > 0 && first + count != pool.size()) {
      const std::uint32_t from = first;
      first = static_cast<std::uint32_t>(pool.size());
      for (std::uint32_t i = 0; i < count; ++i) pool.push_back(T(pool[from + i]));
    }
    if (count == 0) first = static_cast<std::uint32_t>(pool.size());
    for (Item& item : items) pool.push_back(convert(item));
    count += static_cast<std::uint32_t>(items.size());
  }

  /// A new directive node and its draft; the node's record is the draft's index (and
  /// later the index of its directive record).
  std::size_t new_draft(node_id parent, span s, std::uint32_t line) {
    draft fresh;
    fresh.node = add(node_type::directive, parent, s, line);
    doc_.nodes_[fresh.node].record = static_cast<std::uint32_t>(drafts_.size());
    drafts_.push_back(fresh);
    return drafts_.size() - 1;
  }

  /// The draft of a directive node, or -1.
  std::int32_t draft_of(const node& n) const {
    return n.type == node_type::directive ? static_cast<std::int32_t>(n.record) : -1;
  }

  /// A sentence's units and deadlines join a draft's own; names are stored once.
  void append_own(draft& d, sentence_analysis& a) {
    append_run(agency_pool_, d.first_agency, d.own_agencies, a.agencies,
               [this](const unit_found& u) {
                 agency ag;
                 ag.text = u.text;
                 ag.name = intern(u.name);
                 ag.role = u.role;
                 return ag;
               });
    append_run(deadline_pool_, d.first_deadline, d.own_deadlines, a.deadlines,
               [](const deadline& t) { return t; });
  }

  /// A name in the document's store, each name once.
  std::string_view intern(std::string_view name) {
    if (name.empty()) return {};
    const auto it = names_.find(name);
    if (it != names_.end()) return *it;
    const std::string_view stored = doc_.store_name(name);
    names_.insert(stored);
    return stored;
  }

  /// Sentences of every paragraph (and the closing); the directives among them become
  /// children of their paragraph.
  void analyse_directives() {
    const std::string_view text = doc_.text_;
    std::vector<span> sentences;
    sentence_analysis analysis;  // of each sentence in turn
    const auto original = static_cast<node_id>(doc_.nodes_.size());
    // Room for what task-dense text needs (a directive every 20 characters, a unit
    // every 16, a deadline every 32), so the arrays are not regrown and held twice on
    // the way; capacity that is never written costs no memory.
    reserve_large(drafts_, text.size() / 64 + 16);
    reserve_large(agency_pool_, text.size() / 48 + 16);
    reserve_large(deadline_pool_, text.size() / 96 + 16);
    // For label lines (牵头单位：…): the last paragraph so far under each container, and
    // the directive that ends each paragraph, kept as the pass goes.
    last_paragraph_in_.assign(original, no_node);
    closing_draft_of_.assign(original, -1);
    for (node_id id = 0; id < original; ++id) {
      const node nd = doc_.nodes_[id];  // a copy: adding directives grows the array
      if (nd.type != node_type::paragraph && nd.type != node_type::closing) continue;
      bool label_line = false;
      const std::size_t content_from = text_begin(nd);
      sentences.clear();
      split_sentences(text, nd.span.begin, nd.span.end, sentences);
      std::size_t last_draft =
          drafts_.size();  // the directive of the sentence before, if it was one
      span before{};       // the sentence before
      for (const span s : sentences) {
        span content = s;
        if (content.begin < content_from)
          content.begin = static_cast<offset>(std::min<std::size_t>(content_from, s.end));
        if (content.empty()) continue;
        analyse_sentence(text, content, analysis);
        if (analysis.assignment_only && before.empty() && close_item(nd, analysis)) {
          label_line = true;
          continue;
        }
        if (analysis.assignment_only && !before.empty()) {
          // （牵头单位：…） on its own closes the sentence before it.
          if (last_draft == drafts_.size()) new_draft(id, before, nd.line);
          draft& d = drafts_[last_draft];
          doc_.nodes_[d.node].span.end = content.end;
          absorb(d, analysis);
          before = {before.begin, content.end};
          continue;
        }
        before = content;
        if (!analysis.is_directive()) {
          last_draft = drafts_.size();
          continue;
        }
        last_draft = drafts_.size();
        draft& fresh = drafts_[new_draft(id, content, nd.line)];
        fresh.assignment = analysis.assignment;
        append_own(fresh, analysis);
      }
      if (label_line || nd.parent == no_node) continue;
      last_paragraph_in_[nd.parent] = id;
      if (last_draft < drafts_.size() &&
          doc_.nodes_[drafts_[last_draft].node].span.end + 8 >= nd.span.end)
        closing_draft_of_[id] = static_cast<std::int32_t>(last_draft);
    }
    std::vector<node_id>().swap(last_paragraph_in_);
    std::vector<std::int32_t>().swap(closing_draft_of_);
    for (const node& c : doc_.children(doc_.root())) {
      if (c.type == node_type::section)
        inherit(doc_.id(c), -1);
      else if (c.type == node_type::attachment) {
        for (const node& a : doc_.children(c))
          if (a.type == node_type::section) inherit(doc_.id(a), -1);
      }
    }
    lay_out_drafts();
  }

  /// 牵头单位：… on a line of its own under an item: its units and deadline go to the
  /// item's task, the last sentence of the paragraph before (made a directive if it
  /// was not one). Returns false when there is no such paragraph in the same section.
  bool close_item(const node& label, sentence_analysis& a) {
    if (label.parent == no_node) return false;
    const node_id previous = last_paragraph_in_[label.parent];  // label lines not counted
    if (previous == no_node) return false;
    // Its last directive, or else its last sentence made one.
    std::size_t target = closing_draft_of_[previous] >= 0
                             ? static_cast<std::size_t>(closing_draft_of_[previous])
                             : drafts_.size();
    if (target == drafts_.size()) {
      std::vector<span> sentences;
      const node prev = doc_.nodes_[previous];
      split_sentences(doc_.text_, prev.span.begin, prev.span.end, sentences);
      if (sentences.empty()) return false;
      span last = sentences.back();
      last.begin = static_cast<offset>(
          std::min<std::size_t>(std::max<std::size_t>(last.begin, text_begin(prev)), last.end));
      if (last.empty()) return false;
      closing_draft_of_[previous] = static_cast<std::int32_t>(new_draft(previous, last, prev.line));
    }
    absorb(drafts_[target], a);
    return true;
  }

  /// The units and deadline of a （牵头单位：…） parenthesis go to the task it closes.
  void absorb(draft& d, sentence_analysis& a) {
    append_own(d, a);
    d.assignment = true;
  }

  /// Where a paragraph's sentence text begins: after the marker of the section it opens.
  std::size_t text_begin(const node& paragraph) const {
    std::size_t b = paragraph.span.begin;
    if (paragraph.parent == no_node) return b;
    const node& parent = doc_.nodes_[paragraph.parent];
    if (parent.type == node_type::section && doc_.ordinal_of(parent).marker.begin == b) {
      b = doc_.ordinal_of(parent).marker.end;
      b = skip_blanks(doc_.text_, b, paragraph.span.end);
    }
    return b;
  }

  /// Units named in a section's lead sentence (the last sentence naming units before its
  /// first sub-section) govern the sub-sections and directives below that name none of
  /// their own. An item closed by （牵头单位：…） gives its units (and 完成时限) to all its
  /// directives. Sections nest at most max_depth deep, so the recursion is bounded.
  void inherit(node_id section, std::int32_t governing) {
    std::int32_t lead = -1;
    bool assignment = false;
    for (const node& c : doc_.children(doc_.nodes_[section])) {
      if (c.type == node_type::section) break;
      if (c.type != node_type::paragraph) continue;
      for (const node& d : doc_.children(c)) {
        const std::int32_t k = draft_of(d);
        if (k >= 0 && drafts_[static_cast<std::size_t>(k)].own_agencies > 0) {
          lead = k;
          assignment = drafts_[static_cast<std::size_t>(k)].assignment;
        }
      }
    }
    for (const node& c : doc_.children(doc_.nodes_[section])) {
      if (c.type == node_type::section) {
        inherit(doc_.id(c), lead >= 0 ? lead : governing);
        continue;
      }
      if (c.type != node_type::paragraph) continue;
      for (const node& d : doc_.children(c)) {
        const std::int32_t k = draft_of(d);
        if (k < 0) continue;
        const std::int32_t source = assignment ? lead : governing;
        if (source >= 0 && source != k)
          take_from(drafts_[static_cast<std::size_t>(k)], source, assignment);
      }
    }
  }

  void take_from(draft& to, std::int32_t from, bool with_deadlines) {
    if (to.own_agencies == 0) to.agencies_from = from;
    if (with_deadlines && to.own_deadlines == 0) to.deadlines_from = from;
  }

  /// The drafts' units and deadlines into the document's arrays: each directive's own
  /// first, then the ones it inherits (copies, marked with their origin).
  void lay_out_drafts() {
    doc_.directives_.resize(drafts_.size());
    for (std::size_t k = 0; k < drafts_.size(); ++k)
      doc_.nodes_[drafts_[k].node].record = static_cast<std::uint32_t>(k);
    using record = document::directive_record;
    lay_out(agency_pool_, doc_.agencies_, &draft::first_agency, &draft::own_agencies,
            &draft::agencies_from, &record::first_agency, &record::agency_count);
    lay_out(deadline_pool_, doc_.deadlines_, &draft::first_deadline, &draft::own_deadlines,
            &draft::deadlines_from, &record::first_deadline, &record::deadline_count);
    std::vector<draft>().swap(drafts_);
  }

  /// One kind of item (units or deadlines). The pool holds each draft's own run; when
  /// the runs stand in draft order, one after the other (always, but where a label
  /// line added to an earlier directive), the pool becomes the document's array in
  /// place: runs move back to their final places from the last one on, and each
  /// inherited copy is taken from where its source run stands at that moment. Else
  /// the items are copied into an array of their own.
  template <class T>
  void lay_out(std::vector<T>& pool, std::vector<T>& out, std::uint32_t draft::*own_first,
               std::uint32_t draft::*own_count, std::int32_t draft::*from,
               std::uint32_t document::directive_record::*first,
               std::uint32_t document::directive_record::*count) {
    std::size_t total = 0, running = 0;
    bool in_order = true;
    for (std::size_t k = 0; k < drafts_.size(); ++k) {
      const draft& d = drafts_[k];
      if (d.*own_count > 0) {
        in_order = in_order && d.*own_first == running;
        running += d.*own_count;
      }
      const std::uint32_t inherited =
          d.*from >= 0 ? drafts_[static_cast<std::size_t>(d.*from)].*own_count : 0;
      doc_.directives_[k].*first = static_cast<std::uint32_t>(total);
      doc_.directives_[k].*count = d.*own_count + inherited;
      total += d.*own_count + inherited;
    }
    in_order = in_order && running == pool.size();
    // Where draft k's own run stands: in the pool, or at its final place once moved.
    auto run_of = [&](std::size_t k, bool moved) {
      return moved ? doc_.directives_[k].*first : drafts_[k].*own_first;
    };
    auto copy_inherited = [&](std::vector<T>& to, std::size_t k, bool source_moved) {
      const draft& d = drafts_[k];
      if (d.*from < 0) return;
      const auto s = static_cast<std::size_t>(d.*from);
      const std::size_t at = run_of(s, source_moved);
      for (std::uint32_t i = 0; i < drafts_[s].*own_count; ++i) {
        T& item = to[doc_.directives_[k].*first + d.*own_count + i];
        item = pool[at + i];
        item.from = drafts_[s].node;
      }
    };
    if (in_order) {
      pool.resize(total);
      for (std::size_t k = drafts_.size(); k-- > 0;) {
        const std::size_t src = drafts_[k].*own_first, dst = doc_.directives_[k].*first;
        for (std::uint32_t i = drafts_[k].*own_count; i-- > 0;)
          if (dst != src) pool[dst + i] = std::move(pool[src + i]);
        // A source before k has not moved yet; one after k already has.
        if (drafts_[k].*from >= 0)
          copy_inherited(pool, k, static_cast<std::size_t>(drafts_[k].*from) > k);
      }
      out = std::move(pool);
    } else {
      out.resize(total);
      for (std::size_t k = 0; k < drafts_.size(); ++k) copy_inherited(out, k, false);
      for (std::size_t k = 0; k < drafts_.size(); ++k)
        for (std::uint32_t i = 0; i < drafts_[k].*own_count; ++i)
          out[doc_.directives_[k].*first + i] = std::move(pool[drafts_[k].*own_first + i]);
    }
    std::vector<T>().swap(pool);
  }

  /// A section or attachment spans its children; the root spans the whole text.
  void finish_spans() {
    auto& nodes = doc_.nodes_;
    for (std::size_t k = nodes.size(); k-- > 1;) {
      node& n = nodes[k];
      if (n.parent == no_node) continue;
      node& p = nodes[n.parent];
      if (p.parent == no_node) continue;  // the root keeps [0, size)
      p.span.end = std::max(p.span.end, n.span.end);
    }
  }

  options opts_;
  document doc_;
  std::vector<draft> drafts_;
  std::vector<agency> agency_pool_;             // the drafts' own units, in runs
  std::unordered_set<std::string_view> names_;  // the agency names stored so far
  std::vector<deadline> deadline_pool_;         // the drafts' own deadlines, in runs
  std::vector<node_id> last_paragraph_in_;      // container id -> its last paragraph so far
  std::vector<std::int32_t> closing_draft_of_;  // paragraph id -> the directive that ends it
};

}  // namespace detail

document parse(std::string_view bytes, const options& opts) {
  return detail::builder(opts).run(detail::copy_large(bytes));
}

document parse(std::string&& bytes, const options& opts) {
  return detail::builder(opts).run(std::move(bytes));
}

document parse_borrowed(std::string_view bytes, const options& opts) {
  return detail::builder(opts).run(bytes, nullptr);
}

}  // namespace gongwen
