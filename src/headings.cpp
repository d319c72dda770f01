// Finding ordinal headings in a paragraph: where a marker may start, and what it is.
#include <tao/pegtl.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "builder.hpp"
#include "grammar_match.hpp"
#include "headings.hpp"
#include "text.hpp"

namespace gongwen::detail {

namespace {

namespace pegtl = tao::pegtl;
namespace g = gongwen::grammar;

struct marker_state {
  marker_style style = marker_style::cn_dun;
  int value = 0;
  const char* lead_end = nullptr;  // topic: where the lead phrase ends
};

/// The code point of a one-character marker such as ㈠ ⑴ ⒈ ①, else 0.
char32_t single(std::string_view s) {
  const code_point c = decode_at(s, 0);
  return c.len == s.size() ? c.cp : 0;
}

template <class Rule>
struct marker_action : pegtl::nothing<Rule> {};

template <marker_style Style>
struct set_style {
  template <class Input>
  static void apply(const Input&, marker_state& st) {
    st.style = Style;
  }
};
template <int Value>
struct set_value {
  template <class Input>
  static void apply(const Input&, marker_state& st) {
    st.value = Value;
  }
};

template <>
struct marker_action<g::cn_numeral> {
  template <class Input>
  static void apply(const Input& in, marker_state& st) {
    st.value = chinese_numeral_value(in.string_view());
  }
};
template <>
struct marker_action<g::arabic_numeral> {
  template <class Input>
  static void apply(const Input& in, marker_state& st) {
    bool redacted = false;
    st.value = number_value(in.string_view(), redacted);
  }
};

template <>
struct marker_action<g::cn_dun_rest> : set_style<marker_style::cn_dun> {};
template <>
struct marker_action<g::cn_di_measure_marker> : set_style<marker_style::cn_di_measure> {};
template <>
struct marker_action<g::cn_di_marker> : set_style<marker_style::cn_di> {};
template <>
struct marker_action<g::cn_verb_rest> : set_style<marker_style::cn_verb> {};
template <>
struct marker_action<g::chapter_marker> : set_style<marker_style::chapter> {};
template <>
struct marker_action<g::article_marker> : set_style<marker_style::article> {};

/// A marker style whose markers may also be written as one enclosed character
/// (㈠ ⒈ ⑴): the character's place in its Unicode block gives the value.
template <marker_style Style, char32_t First, char32_t Last>
struct set_style_enclosed {
  template <class Input>
  static void apply(const Input& in, marker_state& st) {
    st.style = Style;
    if (const char32_t c = single(in.string_view()); c >= First && c <= Last)
      st.value = static_cast<int>(c - First) + 1;
  }
};
template <>
struct marker_action<g::cn_paren_marker>
    : set_style_enclosed<marker_style::cn_paren, U'㈠', U'㈩'> {};
template <>
struct marker_action<g::arabic_dot_marker>
    : set_style_enclosed<marker_style::arabic_dot, U'⒈', U'⒛'> {};
template <>
struct marker_action<g::arabic_paren_marker>
    : set_style_enclosed<marker_style::arabic_paren, U'⑴', U'⒇'> {};
template <>
struct marker_action<g::circled_marker> {
  template <class Input>
  static void apply(const Input& in, marker_state& st) {
    st.style = marker_style::circled;
    const char32_t c = single(in.string_view());
    if (c >= U'①' && c <= U'⑳')
      st.value = static_cast<int>(c - U'①') + 1;
    else if (c >= U'㉑' && c <= U'㉟')
      st.value = static_cast<int>(c - U'㉑') + 21;
    else if (c >= U'㊱' && c <= U'㊿')
      st.value = static_cast<int>(c - U'㊱') + 36;
  }
};

template <>
struct marker_action<g::aspect_first> : set_value<1> {};
template <>
struct marker_action<g::aspect_other> : set_value<2> {};
template <>
struct marker_action<g::aspect_marker> : set_style<marker_style::aspect> {};

template <>
struct marker_action<g::sequence_first> : set_value<1> {};
template <>
struct marker_action<g::sequence_second> : set_value<2> {};
template <>
struct marker_action<g::sequence_third> : set_value<3> {};
template <>
struct marker_action<g::sequence_last> : set_value<0> {};
template <>
struct marker_action<g::sequence_marker> : set_style<marker_style::sequence> {};

/// Dashes and topic leads have no value: a numeral read by an alternative tried before
/// them is not theirs.
template <marker_style Style>
struct set_style_without_value {
  template <class Input>
  static void apply(const Input&, marker_state& st) {
    st.style = Style;
    st.value = 0;
  }
};
template <>
struct marker_action<g::dash_marker> : set_style_without_value<marker_style::dash> {};

// A topic lead counts 2 to 12 characters, a leading 在 and the final 方面/上 included.
constexpr std::size_t topic_lead_most = 12;
template <>
struct marker_action<g::topic_lead> {
  template <class Input>
  static bool apply(const Input& in, marker_state& st) {
    const std::size_t n = count_chars(in.string_view());
    if (n < 2 || n > topic_lead_most) return false;
    st.lead_end = in.end();
    return true;
  }
};
template <>
struct marker_action<g::topic_marker> : set_style_without_value<marker_style::topic> {};

/// The next boundary character (。！？；： in any form) at or after pos, or end.
std::size_t next_boundary(std::string_view text, std::size_t pos, std::size_t end) {
  while ((pos = find_boundary_lead(text, pos, end)) < end) {
    const code_point c = decode_at(text, pos);
    if (is_boundary(c.cp)) return pos;
    pos += c.len;
  }
  return end;
}

class heading_finder {
 public:
  heading_finder(std::string_view text, const item& it, std::uint32_t index,
                 std::vector<heading>& out)
      : text_(text), it_(it), index_(index), out_(out) {}

  void run() {
    std::size_t pos = it_.begin;
    if (it_.block_start) {
      std::size_t start = skip_markdown(pos);
      if (const heading* h = try_at(start, /*block=*/true)) pos = after(h);
    }
    scan(pos);
  }

 private:
  /// "## 一、……" and "**一、……**": Markdown heading and bold marks are indentation,
  /// like leading blanks.
  std::size_t skip_markdown(std::size_t pos) const {
    std::size_t p = pos;
    while (p < it_.end && text_[p] == '#') ++p;
    if (p != pos) {
      if (p >= it_.end || text_[p] != ' ') return pos;
      p = skip_blanks(p);
    }
    return skip_bold(p);
  }
  std::size_t skip_bold(std::size_t p) const {
    const std::string_view rest = text_.substr(p, it_.end - p);
    if (starts_with(rest, "**") || starts_with(rest, "__")) return skip_blanks(p + 2);
    return p;
  }

  std::size_t skip_blanks(std::size_t p) const { return detail::skip_blanks(text_, p, it_.end); }

  /// Where scanning resumes after a heading. After a topic lead (现代农业方面：) another
  /// heading may follow at once (乡村振兴方面，首先推进产业振兴。).
  std::size_t after(const heading* h) {
    const std::size_t end = h->marker_end;  // read before try_at() may grow out_
    if (h->style != marker_style::topic) return end;
    const std::size_t next = skip_blanks(end);
    if (next < it_.end) {
      if (const heading* n = try_at(next, /*block=*/false, next != end)) return after(n);
    }
    return end;
  }

  /// A necessary condition of topic_marker, cheap to test before the grammar runs:
  /// before any other punctuation, a phrase of topic_lead_most characters at most
  /// ending in 方面 or 上, and then ，：。 (most sentence starts fail here at once).
  bool may_open_topic(std::size_t pos) const {
    // 上 or 面 ends a lead, which has twelve characters at most. Each is a Han
    // character, a Latin letter or a digit (in the grammar's ranges): three bytes at
    // most in UTF-8, so the last lies whole within the first 36 bytes.
    constexpr std::size_t lead_bytes = topic_lead_most * 3;
    const std::size_t window = std::min<std::size_t>(it_.end, pos + lead_bytes);
    // And the lead's mark (，：。) follows it at once: most 上 and 面 are inside a word
    // (全面落实, 以上), and the walk below is not needed for them.
    bool marked = false;
    for (std::size_t h = pos; !marked && (h = find_chars3<U'上', U'面'>(text_, h, window)) < window;
         h += 3) {
      if (h + 3 >= it_.end) break;
      const char32_t f = fold_punct(decode_at(text_, h + 3).cp);
      marked = f == U'，' || f == U'：' || f == U'。';
    }
    if (!marked) return false;
    char32_t before_last = 0, last = 0;
    for (std::size_t k = 0; k <= topic_lead_most && pos < it_.end; ++k) {  // the lead, its mark
      const code_point c = decode_at(text_, pos);
      if (const char32_t f = fold_punct(c.cp); f == U'，' || f == U'：' || f == U'。')
        return last == U'上' || (before_last == U'方' && last == U'面');
      if (is_punct(c.cp) || is_blank(c.cp)) return false;
      before_last = last;
      last = c.cp;
      pos += c.len;
    }
    return false;
  }

  /// A marker's choices (the numeral's forms, the paren markers' forms) are tried
  /// only where their first character allows, as in the other grammars.
  template <class Rule>
  bool parse_marker(std::size_t pos, marker_state& st, const char*& end) const {
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(text_.data() + pos, text_.data() + it_.end,
                                                       "");
    if (!pegtl::parse<Rule, marker_action, first_checked>(in, st)) return false;
    end = in.current();
    return true;
  }

  /// The heading at pos, if one begins there; blank_before says blanks stand before it
  /// (after the sentence end or the topic lead that came first).
  const heading* try_at(std::size_t pos, bool block, bool blank_before = false) {
    if (pos >= it_.end) return nullptr;
    marker_state st;
    const char* end = nullptr;
    // The ordinal markers are tried only where their first character can begin one
    // (the characters are worked out from the rules).
    const char32_t first = decode_at(text_, pos).cp;
    const bool ok = (block ? may_begin_with<g::block_ordinal_marker>(first) &&
                                 parse_marker<g::block_ordinal_marker>(pos, st, end)
                           : may_begin_with<g::ordinal_marker>(first) &&
                                 parse_marker<g::ordinal_marker>(pos, st, end)) ||
                    (may_open_topic(pos) && parse_marker<g::topic_marker>(pos, st, end));
    if (!ok) return nullptr;
    heading h;
    h.begin = static_cast<offset>(pos);
    h.marker_end = static_cast<offset>(end - text_.data());
    h.style = st.style;
    h.value = st.value;
    h.is_inline = !block;
    h.blank_before = blank_before;
    h.item = index_;
    if (h.style == marker_style::topic) {
      h.title_begin = h.begin;
      h.title_end = static_cast<offset>(st.lead_end - text_.data());
    } else {
      std::size_t b = skip_blanks(h.marker_end);
      std::size_t e = next_boundary(text_, b, it_.end);
      found_boundary_ = {h.marker_end, e};
      trim(text_, b, e);
      // **（二）地质灾害**: the closing bold mark is not part of the title.
      if (e >= b + 2 && (text_.substr(e - 2, 2) == "**" || text_.substr(e - 2, 2) == "__")) {
        e -= 2;
        trim(text_, b, e);
      }
      h.title_begin = static_cast<offset>(b);
      h.title_end = static_cast<offset>(std::max(b, e));
    }
    out_.push_back(h);
    return &out_.back();
  }

  /// The next boundary at or after pos: the one a heading's title ended at when pos is
  /// where that heading's marker ends (blanks alone lie between), else found anew.
  std::size_t boundary_from(std::size_t pos) const {
    if (pos == found_boundary_.from) return found_boundary_.at;
    return next_boundary(text_, pos, it_.end);
  }

  void scan(std::size_t pos) {
    const std::size_t end = it_.end;
    while ((pos = boundary_from(pos)) < end) {
      pos += decode_at(text_, pos).len;
      // Closing quotes and brackets stay with the sentence that ended: 。”
      std::size_t next = pos;
      bool blank = false;
      while (next < end) {
        const code_point d = decode_at(text_, next);
        if (is_blank(d.cp))
          blank = true;
        else if (!is_closer(d.cp))
          break;
        next += d.len;
      }
      if (next >= end) break;
      if (const heading* h = try_at(next, /*block=*/false, blank)) pos = after(h);
    }
  }

  std::string_view text_;
  const item& it_;
  std::uint32_t index_;
  std::vector<heading>& out_;
  // Where the last heading's marker ended, and the boundary that ended its title.
  struct {
    std::size_t from = std::string_view::npos;
    std::size_t at = 0;
  } found_boundary_;
};

}  // namespace

int chinese_numeral_value(std::string_view s) noexcept {
  int total = 0;
  int digit = 0;
  for (std::size_t i = 0; i < s.size();) {
    const code_point c = decode_at(s, i);
    i += c.len;
    switch (c.cp) {
      case U'一':
        digit = 1;
        break;
      case U'二':
        digit = 2;
        break;
      case U'三':
        digit = 3;
        break;
      case U'四':
        digit = 4;
        break;
      case U'五':
        digit = 5;
        break;
      case U'六':
        digit = 6;
        break;
      case U'七':
        digit = 7;
        break;
      case U'八':
        digit = 8;
        break;
      case U'九':
        digit = 9;
        break;
      case U'〇':
      case U'零':
      case U'○':
        digit = 0;
        break;
      case U'十':
        total += (digit == 0 ? 1 : digit) * 10;
        digit = 0;
        break;
      case U'百':
        total += (digit == 0 ? 1 : digit) * 100;
        digit = 0;
        break;
      default:
        return 0;
    }
  }
  return total + digit;
}

int number_value(std::string_view s, bool& redacted) noexcept {
  int v = 0;
  bool digits = false;
  for (std::size_t i = 0; i < s.size();) {
    const code_point c = decode_at(s, i);
    i += c.len;
    if (c.cp >= U'0' && c.cp <= U'9')
      v = v * 10 + static_cast<int>(c.cp - U'0'), digits = true;
    else if (c.cp >= U'０' && c.cp <= U'９')
      v = v * 10 + static_cast<int>(c.cp - U'０'), digits = true;
    else if (c.cp == U'×' || c.cp == U'X' || c.cp == U'x' || c.cp == U'Ｘ' || c.cp == U'ｘ' ||
             c.cp == U'＊' || c.cp == U'*')
      redacted = true;
  }
  if (digits) return v;
  if (redacted) return 0;
  return chinese_numeral_value(s);
}

void find_headings(std::string_view text, const item& it, std::uint32_t item_index,
                   std::vector<heading>& out) {
  heading_finder(text, it, item_index, out).run();
}

}  // namespace gongwen::detail
