// The analysis of one sentence: directives, agencies with their roles, deadlines.
//
// Units are looked for where a clause names its subject: at the start of the
// sentence and of each clause (after ，、；：（), after an introducer (由 希望 责成, and
// 请 经 at a clause's start), and after 会同/联合 (the units named there cooperate).
// Elsewhere (after 和/及, at a 各…) a unit counts only when a cue follows it at once:
// 牵头, 配合, 负责, 要, 必须 ….
#include "analysis.hpp"

#include <tao/pegtl.hpp>

#include <algorithm>
#include <array>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "agencies.hpp"
#include "builder.hpp"
#include "deadlines.hpp"
#include "directives.hpp"
#include "grammar_match.hpp"
#include "text.hpp"

namespace gongwen::detail {

namespace {

namespace pegtl = tao::pegtl;
namespace g = gongwen::grammar;

using input = rule_input;

// ---------------------------------------------------------------------------
// Deadlines: the grammar matches, actions read what the text gives.

template <class Rule>
struct deadline_action : pegtl::nothing<Rule> {};

/// Each alternative of the deadline grammar reads into a fresh deadline, kept only
/// when the alternative matches.
struct read_fresh : pegtl::change_states<deadline> {
  template <class Input>
  static void success(const Input&, deadline& inner, deadline& outer) {
    outer = inner;
  }
};
/// What follows a year reads into a copy of the deadline read so far, kept only when it
/// matches: 今年三季度 tries a month first, and its 三 is no month.
struct read_on : pegtl::maybe_nothing {
  template <class Rule, pegtl::apply_mode A, pegtl::rewind_mode M,
            template <typename...> class Action, template <typename...> class Control,
            class ParseInput>
  [[nodiscard]] static bool match(ParseInput& in, deadline& d) {
    deadline inner = d;
    if (!pegtl::match<Rule, A, M, Action, Control>(in, inner)) return false;
    d = inner;
    return true;
  }
};
template <>
struct deadline_action<g::month_rest> : read_on {};
template <>
struct deadline_action<g::quarter_rest> : read_on {};
template <>
struct deadline_action<g::month_deadline> : read_fresh {};
template <>
struct deadline_action<g::dated_deadline> : read_fresh {};
template <>
struct deadline_action<g::year_deadline> : read_fresh {};
template <>
struct deadline_action<g::quarter_deadline> : read_fresh {};
template <>
struct deadline_action<g::period_deadline> : read_fresh {};
template <>
struct deadline_action<g::until_deadline> : read_fresh {};
template <>
struct deadline_action<g::monthly_deadline> : read_fresh {};
template <>
struct deadline_action<g::season_deadline> : read_fresh {};

/// A number the text gives (digits, full-width digits or Chinese numerals) read into
/// one field when it lies in [Min, Max]; a redacted number (×月) is kept as written.
template <auto Field, int Min, int Max>
struct read_number {
  template <class Input>
  static void apply(const Input& in, deadline& d) {
    bool redacted = false;
    const int v = number_value(in.string_view(), redacted);
    d.redacted = d.redacted || redacted;
    using field_type = std::remove_reference_t<decltype(d.*Field)>;
    if (!redacted && v >= Min && v <= Max) d.*Field = static_cast<field_type>(v);
  }
};
template <int Offset>
struct relative_year {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.relative_year = true;
    d.year_offset = Offset;
  }
};
template <int Half>
struct set_half {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.half = Half;
    d.by = deadline::bound::during;
  }
};
template <>
struct deadline_action<g::year_digits> : read_number<&deadline::year, 0, 9999> {};
template <>
struct deadline_action<g::this_year> : relative_year<0> {};
template <>
struct deadline_action<g::next_year> : relative_year<1> {};
template <>
struct deadline_action<g::year_after> : relative_year<2> {};
template <>
struct deadline_action<g::month_digits> : read_number<&deadline::month, 1, 12> {};
template <>
struct deadline_action<g::day_digits> : read_number<&deadline::day, 1, 31> {};
template <>
struct deadline_action<g::quarter_number> {
  template <class Input>
  static void apply(const Input& in, deadline& d) {
    read_number<&deadline::quarter, 1, 4>::apply(in, d);
    d.by = deadline::bound::during;
  }
};
template <>
struct deadline_action<g::first_half> : set_half<1> {};
template <>
struct deadline_action<g::second_half> : set_half<2> {};
template <deadline::part Part>
struct set_part {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.of = Part;
    if (Part == deadline::part::end) d.by = deadline::bound::before;
  }
};
template <>
struct deadline_action<g::month_end> : set_part<deadline::part::end> {};
template <>
struct deadline_action<g::month_early> : set_part<deadline::part::early> {};
template <>
struct deadline_action<g::month_middle> : set_part<deadline::part::middle> {};
template <>
struct deadline_action<g::month_late> : set_part<deadline::part::late> {};
template <>
struct deadline_action<g::year_end_mark> {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.of = deadline::part::end;
    d.by = deadline::bound::before;
  }
};
template <>
struct deadline_action<g::year_end_word> {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.relative_year = true;  // 年底 with no year before it: the end of this year
    d.year_offset = 0;
  }
};
template <>
struct deadline_action<g::month_during> {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.by = deadline::bound::during;
  }
};
template <>
struct deadline_action<g::before> {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.by = deadline::bound::before;
  }
};
template <>
struct deadline_action<g::within> {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.by = deadline::bound::within;
  }
};
template <>
struct deadline_action<g::within_year> {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.relative_year = true;  // 年内 with no year before it: this year
  }
};
template <>
struct deadline_action<g::this_week> {
  template <class Input>
  static void apply(const Input&, deadline& d) {
    d.week = 1;
  }
};

/// What the sentence passes ask of a code point before they try a grammar rule there,
/// one table lookup each: may a deadline, a modal, a perfective marker, a scope word or
/// a clause opener start here; does it separate clauses; is it blank; may a unit's
/// name end here, or does the clause stop a unit from reaching further.
enum char_flag : std::uint16_t {
  starts_deadline = 1,
  cn_digit = 2,  // 一 … 十 两 半: a deadline only with a unit of time close behind
  starts_modal = 4,
  starts_perfective = 8,
  starts_scope = 16,  // 全县 县直 相关 有关 辖区 各级 县公安局 乡镇 …
  opens_clause = 32,  // 由 希望 责成 请 经 并由 特别是 尤其是 其中 同时 督促 要求
  separates_clause = 64,
  blank = 128,
  ends_unit = 256,     // 局 部门→门 乡镇→镇 同志→志 …
  stops_unit = 512,    // punctuation a list of units does not run on over (not 、 （） “”)
  opens_label = 1024,  // （ and ：, every form: an assignment label stands after or before one
  in_every_deadline = 2048,  // 月 年 季 内 前 末: one of them stands in every deadline
  coordinates = 4096,        // 和 及 与: a unit may follow
  starts_joint = 8192,       // 会同 联合
  past_end = 16384,          // one past a sentence's last character: every skip stops there
};

/// A word without the closing quotes it ends with: “一把手” ends with 手.
std::string_view without_closing_quotes(std::string_view w) {
  while (ends_with(w, "”") || ends_with(w, "\"")) w.remove_suffix(ends_with(w, "”") ? 3 : 1);
  return w;
}

/// Built from the grammar's own word lists wherever the grammar has one, so that the
/// filter and the rules it guards cannot drift apart.
class char_table {
 public:
  char_table() {
    mark(starts_deadline | cn_digit, U"一二三四五六七八九十两半");
    mark(starts_deadline, U"0123456789０１２３４５６７８９×XxＸｘ＊*今明后本当这年上下至截每第");
    mark_first(starts_deadline, g::season_word::words.words);
    mark_each(in_every_deadline, g::deadline_terminal{});
    mark_first(starts_modal, g::modal_phrase::words.words);
    mark(starts_modal, U"要");
    mark_first(starts_perfective, g::perfective_word::words.words);
    mark(starts_perfective, U"了");
    // Not every scope word: 政府系统 and 其他 would start units inside words (行政、军事部门).
    mark(starts_scope, U"全省市县区州乡镇辖有相各");
    mark_first(opens_clause, g::introducer::words.words);
    mark_first(opens_clause, g::clause_opener::words.words);
    mark(opens_clause, U"请经");  // opening_introducer
    mark(separates_clause, U"，、；：（(。,;:");
    mark_each(coordinates, g::conjunction{});
    mark(starts_joint, U"会联");
    mark_last(ends_unit, g::organisation_suffix::words.words);
    mark_last(ends_unit, g::office_word::words.words);
    mark_last(ends_unit, g::place_suffix::words.words);
    mark(ends_unit, U"志地区");               // 同志, 各地, 各地区
    mark_each(opens_label, g::open_paren{});  // every form: fold_punct(c) == U'（'
    mark_each(opens_label, g::colon{});
    first_chars_of<g::blank>().cps.for_each([this](char32_t c) { set(blank, c); });
    for (const auto& [lo, hi] : punct_ranges)  // is_punct: a few hundred code points
      for (char32_t c = lo; c <= hi; ++c)
        if (!contains(U"、（）()“”", c)) set(stops_unit, c);
  }
  std::uint16_t operator()(char32_t c) const noexcept { return c < table_.size() ? table_[c] : 0; }

 private:
  static bool contains(std::u32string_view cps, char32_t c) {
    return cps.find(c) != std::u32string_view::npos;
  }
  void mark(unsigned flags, std::u32string_view cps) {
    for (const char32_t c : cps) table_[c] |= static_cast<std::uint16_t>(flags);
  }
  void set(unsigned flags, char32_t c) {
    if (c < table_.size()) table_[c] |= static_cast<std::uint16_t>(flags);
  }
  template <char32_t... Cs>
  void mark_each(unsigned flags, const g::one<Cs...>& /*rule*/) {
    (set(flags, Cs), ...);
  }
  template <class Words>
  void mark_first(unsigned flags, const Words& words) {
    for (const std::string_view w : words) set(flags, decode_at(w, 0).cp);
  }
  /// The last character of each word, closing quotes aside: “一把手” ends with 手.
  template <class Words>
  void mark_last(unsigned flags, const Words& words) {
    for (std::string_view w : words)
      if (w = without_closing_quotes(w); !w.empty()) set(flags, decode_before(w, w.size()).cp);
  }
  std::array<std::uint16_t, 0x10000> table_{};
};

const char_table& flags_of() {
  static const char_table table;
  return table;
}

/// The deadline that starts with code point c (flags f, starts_deadline among them) at
/// p, within [begin, end): its end, or 0.
std::size_t deadline_at(std::string_view text, std::size_t begin, std::size_t p, std::size_t end,
                        code_point c, std::uint16_t f, deadline& d) {
  // Not inside a longer number: 12020年 has no deadline at 2020.
  if (p > begin && ((c.cp >= U'0' && c.cp <= U'9') || (c.cp >= U'０' && c.cp <= U'９'))) {
    const char32_t prev = decode_before(text, p).cp;
    if ((prev >= U'0' && prev <= U'9') || (prev >= U'０' && prev <= U'９') || prev == U'.')
      return 0;
  }
  // 年 that ends a year's name (2021年, 去年, 三年) begins no deadline: 去年底 is past,
  // 明年底 is read from 明.
  if (c.cp == U'年' && p > begin) {
    const std::size_t before = p - decode_before(text, p).len;
    if (match_at<g::year_word_head>(text, before, p)) return 0;
  }
  // A Chinese numeral starts a deadline only with a unit of time close behind (三季度, 十二月,
  // 两个月).
  if (f & cn_digit) {
    bool timed = false;
    std::size_t q = p + c.len;
    for (int k = 0; k < 3 && q < end && !timed; ++k) {
      const code_point n = decode_at(text, q);
      timed = n.cp == U'月' || n.cp == U'季' || n.cp == U'日' || n.cp == U'天' || n.cp == U'周' ||
              n.cp == U'年' || n.cp == U'星' || n.cp == U'号';
      q += n.len;
    }
    if (!timed) return 0;
  }
  input in(text.data() + p, text.data() + end, "");
  if (!pegtl::parse<g::deadline, deadline_action, first_checked>(in, d)) return 0;
  const auto e = static_cast<std::size_t>(in.current() - text.data());
  d.text = {static_cast<offset>(p), static_cast<offset>(e)};
  return e;
}

// ---------------------------------------------------------------------------
// Agencies.

struct listed {
  std::size_t begin = 0, end = 0;
  bool department = false;  // a short name waiting for the suffix its list shares
};

/// What a rule read at a place: where the place was, whether it matched, and where
/// its match ended.
struct kept_match {
  const char* at = nullptr;
  const char* end = nullptr;
  bool ok = false;
};

struct list_state {
  std::vector<listed> items;
  std::vector<std::size_t> group_ends;         // items before each group's end
  std::vector<std::string_view> group_suffix;  // 部门 / 单位 / 机构 a group shares
  std::string_view pending_suffix;
  // The last reading of name_end and of unit_suffix in this parse (see list_control).
  kept_match name_end;
  kept_match unit_suffix;
};

/// The unit grammar reads a name's end twice at one place: each step of a name looks
/// ahead for the end (name_step's not_at<name_end>, extension_char's
/// not_at<unit_suffix>), and where the steps stop the end itself is read. The last
/// reading of each of the two rules is kept in the parse's state and given again at the
/// same place. Neither rule nor anything in it has an action, so a reading given again
/// leaves nothing undone; the state is new for every parse (read_list), so a place is
/// never taken for one of another text.
template <class Rule, kept_match list_state::*Kept>
struct keeping_control : first_checked<Rule> {
  template <pegtl::apply_mode A, pegtl::rewind_mode, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in, list_state& st) {
    kept_match& k = st.*Kept;
    if (k.at != in.current()) {
      const char* const at = in.current();
      const bool ok =
          first_checked<Rule>::template match<A, pegtl::rewind_mode::required, Action, Control>(in,
                                                                                                st);
      k = {at, in.current(), ok};
      return ok;
    }
    if (k.ok) in.bump(static_cast<std::size_t>(k.end - in.current()));
    return k.ok;
  }
};

template <class Rule>
struct list_control : first_checked<Rule> {};
template <>
struct list_control<g::name_end> : keeping_control<g::name_end, &list_state::name_end> {};
template <>
struct list_control<g::unit_suffix> : keeping_control<g::unit_suffix, &list_state::unit_suffix> {};

template <class Rule>
struct list_action : pegtl::nothing<Rule> {};

template <>
struct list_action<g::unit> {
  template <class Input>
  static void apply(const Input& in, list_state& st) {
    st.items.push_back({static_cast<std::size_t>(in.begin() - in.input().begin()),
                        static_cast<std::size_t>(in.end() - in.input().begin()), false});
  }
};
template <>
struct list_action<g::listed_department> {
  template <class Input>
  static void apply(const Input& in, list_state& st) {
    st.items.push_back({static_cast<std::size_t>(in.begin() - in.input().begin()),
                        static_cast<std::size_t>(in.end() - in.input().begin()), true});
  }
};
template <>
struct list_action<g::shared_suffix> {
  template <class Input>
  static void apply(const Input& in, list_state& st) {
    const std::string_view s = in.string_view();
    st.pending_suffix = s.substr(s.size() - 6);  // 部门, 单位 or 机构: two characters
  }
};
template <>
struct list_action<g::group> {
  template <class Input>
  static void apply(const Input&, list_state& st) {
    st.group_ends.push_back(st.items.size());
    st.group_suffix.push_back(st.pending_suffix);
    st.pending_suffix = {};
  }
};

/// Office words one name in a list lends to the others: 各乡镇、各部门主要负责同志.
constexpr std::string_view lendable_offices[] = {"主要负责同志", "主要负责人", "负责同志",
                                                 "主要领导",     "分管领导",   "一把手"};

std::string without_quotes(std::string_view s) {
  // Most names hold no quotes (“ ” start with E2, which few Chinese characters do).
  if (s.find('"') == std::string_view::npos && s.find('\xE2') == std::string_view::npos)
    return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const code_point c = decode_at(s, i);
    if (c.cp != U'“' && c.cp != U'”' && c.cp != U'"') out.append(s.substr(i, c.len));
    i += c.len;
  }
  return out;
}

enum class cue_kind { none, lead, joint, cooperate, responsible, modal };

/// A character of a sentence, decoded once for every pass over the sentence: where it
/// starts, its code point and length. Its flags stand in an array of their own.
struct sentence_char {
  offset at = 0;
  char32_t cp = 0;
  std::uint8_t len = 0;
  [[nodiscard]] code_point code() const noexcept { return {cp, len}; }
};

/// Flags read eight at a time: a skip over characters with none of the flags looked
/// for reads the array past the sentence's end by up to seven entries.
constexpr std::size_t flags_padding = 7;

/// The room a sentence is decoded into, grown and never shrunk, kept from one
/// sentence to the next.
struct sentence_room {
  std::vector<sentence_char> chars;
  std::vector<std::uint16_t> flags;
};

struct decoded_sentence {
  std::span<const sentence_char> chars;  // and one past the last
  const std::uint16_t* flags = nullptr;  // one for each of chars, then padding
};

/// The characters of [b, e) of text, and one past the last (at e, flagged past_end
/// only), written into `room` (a sentence has at most e - b characters, so the loop
/// writes through pointers with no check of its own). Returns them, and sets
/// deadlines_end to where the last character that every deadline holds
/// (in_every_deadline) ends, or b.
decoded_sentence decode_sentence(std::string_view text, std::size_t b, std::size_t e,
                                 sentence_room& room, std::size_t& deadlines_end) {
  const char_table& table = flags_of();
  if (room.chars.size() < e - b + 1) {
    room.chars.resize(e - b + 1);
    room.flags.resize(e - b + 1 + flags_padding);
  }
  sentence_char* out = room.chars.data();
  std::uint16_t* flags = room.flags.data();
  deadlines_end = b;
  for (std::size_t p = b; p < e;) {
    const code_point c = decode_at(text, p);
    const std::uint16_t f = table(c.cp);
    *out++ = {static_cast<offset>(p), c.cp, static_cast<std::uint8_t>(c.len)};
    *flags++ = f;
    p += c.len;
    if (f & in_every_deadline) deadlines_end = p;
  }
  *out++ = {static_cast<offset>(e), 0, 0};
  *flags = past_end;
  return {{room.chars.data(), out}, room.flags.data()};
}

/// The first index at or after i whose flags hold one of `here`, or whose character
/// before holds one of `before` (then i > 0), or the index one past the sentence's
/// last character. Most characters hold none of the flags a pass looks for: eight
/// are tested at a time.
inline std::size_t next_flagged(const std::uint16_t* flags, std::size_t i, std::uint16_t here,
                                std::uint16_t before = 0) noexcept {
  here |= past_end;
#if defined(__SSE2__)
  const __m128i h = _mm_set1_epi16(static_cast<short>(here));
  const __m128i b = _mm_set1_epi16(static_cast<short>(before));
  for (;; i += 8) {
    const auto at = [flags](std::size_t k) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(flags + k));
    };
    __m128i hits = _mm_and_si128(at(i), h);
    if (before != 0) hits = _mm_or_si128(hits, _mm_and_si128(at(i - 1), b));
    const auto none =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi16(hits, _mm_setzero_si128())));
    if (none != 0xFFFFu) return i + static_cast<unsigned>(__builtin_ctz(~none)) / 2;
  }
#else
  while (!(flags[i] & here) && !(before != 0 && (flags[i - 1] & before))) ++i;
  return i;
#endif
}

/// The words a unit's name ends with, by their last character: the suffixes of
/// organisations (局 委员会) and offices (县长 “一把手”) and 同志; and places (县 乡镇),
/// and 地 (各地), which end a name only before what may follow a place. A character
/// flagged ends_unit ends a name only where one of them ends with it.
class unit_ends {
 public:
  static const unit_ends& table() {
    static const unit_ends ends;
    return ends;
  }

  /// Whether a unit's name may end with the character c that ends at `end`, in a
  /// sentence [b, e) of text.
  [[nodiscard]] bool may_end(std::string_view text, std::size_t b, char32_t c, std::size_t end,
                             std::size_t e) const {
    const std::size_t list = c < list_of_.size() ? list_of_[c] : 0;
    if (list == 0) return false;
    for (const ending& w : lists_[list - 1]) {
      if (w.word.size() > end - b || !spells(text.data() + end - w.word.size(), w.word)) continue;
      if (!w.place || matches<g::place_follow>(text.substr(end, e - end))) return true;
    }
    return false;
  }

 private:
  struct ending {
    std::string_view word;  // without closing quotes: “一把手” ends with 手
    bool place = false;
  };

  unit_ends() {
    add(g::organisation_suffix::words.words, false);
    add(g::office_word::words.words, false);
    add(std::array<std::string_view, 1>{"同志"}, false);
    add(g::place_suffix::words.words, true);
    add(std::array<std::string_view, 1>{"地"}, true);
    // The shortest words first: a one-character suffix decides at once.
    for (auto& list : lists_)
      std::stable_sort(list.begin(), list.end(), [](const ending& x, const ending& y) {
        return x.word.size() < y.word.size();
      });
  }
  template <class Words>
  void add(const Words& words, bool place) {
    for (std::string_view w : words) {
      w = without_closing_quotes(w);
      if (w.empty()) continue;
      const char32_t last = decode_before(w, w.size()).cp;
      if (last >= list_of_.size()) continue;  // every suffix is a Han word
      if (list_of_[last] == 0) {
        lists_.emplace_back();
        list_of_[last] = static_cast<std::uint16_t>(lists_.size());
      }
      lists_[list_of_[last] - 1].push_back({w, place});
    }
  }
  /// Whether the bytes at `at` spell w (a few bytes: compared in place).
  static bool spells(const char* at, std::string_view w) noexcept {
    for (std::size_t i = 0; i < w.size(); ++i)
      if (at[i] != w[i]) return false;
    return true;
  }

  std::array<std::uint16_t, 0x10000> list_of_{};  // 1 + the index of the words ending with it
  std::vector<std::vector<ending>> lists_;
};

/// Where units can start in a sentence: only where a character that ends one lies
/// ahead before the clause ends (lists run on over 、 and 等, names over （区）). The
/// questions come in the order of the text, so the first final or stopping character
/// after a place is looked for only once the place has passed the last one found:
/// each character is looked at once at most.
class unit_reach {
 public:
  unit_reach(std::string_view text, decoded_sentence s)
      : t_(text), chars_(s.chars), flags_(s.flags) {}

  /// Whether a unit may start at the i-th character.
  bool may_hold_unit(std::size_t i) {
    if (i < from_ || i > next_) find_from(i);
    return next_is_final_ && chars_[next_].at - chars_[i].at <= 48 * 3;
  }

 private:
  /// The first character at or after the i-th that ends a unit or stops one.
  void find_from(std::size_t i) {
    from_ = i;
    for (; (i = next_flagged(flags_, i, stops_unit | ends_unit)) + 1 < chars_.size(); ++i) {
      const std::uint16_t f = flags_[i];
      if ((f & stops_unit) ||
          ((f & ends_unit) && ends_.may_end(t_, chars_.front().at, chars_[i].cp, chars_[i + 1].at,
                                            chars_.back().at))) {
        next_ = i;
        next_is_final_ = (f & stops_unit) == 0;
        return;
      }
    }
    next_ = chars_.size() - 1;
    next_is_final_ = false;
  }

  const unit_ends& ends_ = unit_ends::table();
  std::string_view t_;
  std::span<const sentence_char> chars_;
  const std::uint16_t* flags_;
  std::size_t from_ = 1, next_ = 0;  // [from_, next_) holds neither; nothing found yet
  bool next_is_final_ = false;
};

class sentence_reader {
 public:
  /// Reads into `out`, cleared first (its arrays keep their room).
  sentence_reader(std::string_view text, span content, sentence_room& room, sentence_analysis& out)
      : t_(text),
        b_(content.begin),
        e_(content.end),
        decoded_(decode_sentence(t_, b_, e_, room, deadlines_end_)),
        chars_(decoded_.chars),
        flags_(decoded_.flags),
        result_(out) {
    result_.clear();
    result_.content = content;
  }

  void run() {
    scan_words();
    // 上半年，… and 三季度，… frame a sentence in time; a deadline needs more to set one.
    for (const deadline& d : result_.deadlines) {
      const bool frame = (d.half || d.quarter) && !d.month && d.by == deadline::bound::during &&
                         d.of == deadline::part::none && d.text.end < e_ &&
                         fold_punct(decode_at(t_, d.text.end).cp) == U'，';
      if (!frame) result_.sets_deadline = true;
    }
    // A label stands after （ or before ： (牵头单位：…): without either, there is none.
    if (may_assign_) read_assignments();
    read_units();
    result_.assignment_only = assignment_only_ || wholly_parenthesised();
  }

 private:
  // --- modals and the tense of the sentence -------------------------------

  bool modal_at(std::size_t p, std::size_t& len) const {
    len = match_at<g::modal_word>(t_, p, e_);
    if (!len) return false;
    if (t_.substr(p, 3) == "要" && p > b_) {
      const code_point prev = decode_before(t_, p);
      if (match_at<g::not_modal_before_yao>(t_, p - prev.len, p)) return false;
    }
    return true;
  }

  /// One pass over the sentence: its modal, its tense, its deadlines.
  void scan_words() {
    constexpr std::uint16_t notable =
        opens_label | starts_modal | starts_perfective | starts_deadline;
    const std::size_t n = chars_.size() - 1;  // the one past the last is no character
    // A deadline is tried only where the character after its first may stand second in
    // one (most places 年 or 今 begin are 年度, 今年以来: the latter still is).
    const second_chars& deadline_seconds = second_chars_of<g::deadline>();
    for (std::size_t i = 0; i < n;) {
      i = next_flagged(flags_, i, notable);  // most begin no word looked for
      if (i >= n) break;
      const sentence_char& ch = chars_[i];
      const std::size_t p = ch.at;
      const std::uint16_t f = flags_[i];
      if (f & opens_label) may_assign_ = true;
      std::size_t len = 0;
      if (!result_.has_modal && (f & starts_modal) && modal_at(p, len)) result_.has_modal = true;
      if (!result_.perfective && (f & starts_perfective) && match_at<g::perfective>(t_, p, e_)) {
        const bool le = t_.substr(p, 3) == "了";
        if (!le || p == b_ ||
            !match_at<g::not_perfective_before_le>(t_, p - decode_before(t_, p).len, p))
          result_.perfective = true;
      }
      if ((f & starts_deadline) && p < deadlines_end_ &&
          deadline_seconds.admits_second(chars_[i + 1].cp)) {
        deadline d;
        if (const std::size_t e = deadline_at(t_, b_, p, e_, ch.code(), f, d)) {
          result_.deadlines.push_back(d);
          i = index_of(e, i);
          continue;
        }
      }
      ++i;
    }
  }

  /// The index of the character at p, looked for from the i-th on (p is one's start).
  std::size_t index_of(std::size_t p, std::size_t i) const {
    while (chars_[i].at < p) ++i;
    return i;
  }

  /// （县农业农村局牵头，县卫健局配合）: a sentence that is one parenthesis. Read from
  /// the sentence's decoded characters.
  bool wholly_parenthesised() const {
    std::size_t n = chars_.size() - 1;  // the characters, without the one past the last
    while (n > 0 && is_sentence_end(chars_[n - 1].cp)) --n;
    if (n == 0 || fold_punct(chars_[0].cp) != U'（' || fold_punct(chars_[n - 1].cp) != U'）')
      return false;
    int depth = 0;  // the opening bracket closes only at the end
    for (std::size_t i = 0; i < n; ++i) {
      const char32_t f = fold_punct(chars_[i].cp);
      if (f == U'（') ++depth;
      if (f == U'）' && --depth == 0 && i + 1 < n) return false;
    }
    return true;
  }

  // --- （牵头单位：…；配合单位：…；完成时限：…） -------------------------

  void read_assignments() {
    bool clause_start = true;
    for (std::size_t p = b_; p < e_;) {
      const code_point c = decode_at(t_, p);
      // 牵头单位：市发展改革委；配合单位：… written as a clause of its own, without brackets
      if (clause_start && fold_punct(c.cp) != U'（') {
        const std::size_t label = match_at<g::assignment_label>(t_, p, e_);
        const code_point after_label = label ? decode_at(t_, p + label) : code_point{};
        if (label && fold_punct(after_label.cp) == U'：') {
          read_assignment(p, e_);
          skip_.push_back({static_cast<offset>(p), static_cast<offset>(e_)});
          result_.assignment = true;
          result_.sets_deadline = result_.sets_deadline || !result_.deadlines.empty();
          if (p == b_) assignment_only_ = true;
          return;
        }
      }
      const char32_t f = fold_punct(c.cp);
      clause_start = f == U'，' || f == U'；' || f == U'。' || is_blank(c.cp);
      if (f != U'（') {
        p += c.len;
        continue;
      }
      const std::size_t inner = p + c.len;
      if (!match_at<g::assignment_label>(t_, inner, e_)) {
        p = inner;
        continue;
      }
      // The parenthesis runs to its closing bracket (or the sentence's end).
      std::size_t close = inner;
      while (close < e_) {
        const code_point d = decode_at(t_, close);
        if (fold_punct(d.cp) == U'）') break;
        close += d.len;
      }
      read_assignment(inner, close);
      const std::size_t after = close < e_ ? close + decode_at(t_, close).len : e_;
      skip_.push_back({static_cast<offset>(p), static_cast<offset>(after)});
      result_.assignment = true;
      result_.sets_deadline = result_.sets_deadline || !result_.deadlines.empty();
      // Nothing but the parenthesis: it belongs to the sentence before.
      std::size_t rest = skip_blanks(t_, after, e_);
      while (rest < e_ && is_punct(decode_at(t_, rest).cp)) rest += decode_at(t_, rest).len;
      if (p == b_ && rest >= e_) assignment_only_ = true;
      p = after;
    }
  }

  void read_assignment(std::size_t b, std::size_t e) {
    std::size_t p = b;
    while (p < e) {
      // label：content, up to the next ； or ， that starts another label
      const std::size_t label = match_at<g::assignment_label>(t_, p, e);
      if (!label) {
        p += decode_at(t_, p).len;
        continue;
      }
      const bool is_deadline = match_at<g::deadline_label>(t_, p, e) == label;
      const bool is_lead = match_at<g::lead_label>(t_, p, e) == label;
      const bool is_cooperate = match_at<g::cooperate_label>(t_, p, e) == label;
      std::size_t q = p + label;
      if (q < e && fold_punct(decode_at(t_, q).cp) == U'：') q += decode_at(t_, q).len;
      std::size_t end = q;
      while (end < e) {
        const code_point d = decode_at(t_, end);
        if ((fold_punct(d.cp) == U'；' || fold_punct(d.cp) == U'，') &&
            match_at<g::assignment_label>(t_, skip_blanks(t_, end + d.len, e), e))
          break;
        if (is_sentence_end(d.cp)) break;
        end += d.len;
      }
      if (is_deadline) {
        std::vector<deadline> found;
        find_deadlines(t_, static_cast<offset>(q), static_cast<offset>(end), found);
        if (found.empty()) {
          std::size_t a = q, z = end;
          trim(t_, a, z);
          if (a < z) {
            deadline d;
            d.text = {static_cast<offset>(a), static_cast<offset>(z)};
            found.push_back(d);
          }
        }
        for (const deadline& d : found) add_deadline(d);
      } else {
        const role r = is_lead ? role::lead : is_cooperate ? role::cooperate : role::responsible;
        read_unit_names(q, end, r);
      }
      p = end;
    }
  }

  /// The units a label lists: 县住建局、各乡镇、县直相关部门. Each piece is a unit as
  /// the label says; the grammar gives it a name where it can.
  void read_unit_names(std::size_t b, std::size_t e, role r) {
    std::size_t p = b;
    while (p < e) {
      std::size_t piece_end = p;
      int depth = 0;  // 各县（市、区）人民政府 is one unit
      while (piece_end < e) {
        const code_point d = decode_at(t_, piece_end);
        if (fold_punct(d.cp) == U'（') ++depth;
        if (fold_punct(d.cp) == U'）' && depth > 0) --depth;
        if (depth == 0 && (fold_punct(d.cp) == U'、' || fold_punct(d.cp) == U'，' || d.cp == U'/' ||
                           fold_punct(d.cp) == U'；'))
          break;
        piece_end += d.len;
      }
      std::size_t a = p, z = piece_end;
      trim(t_, a, z);
      if (a < z) {
        std::vector<unit_found> found;
        const std::size_t len = read_list(a, z, found);
        if (len == z - a && !found.empty()) {
          for (unit_found& ag : found) ag.role = r, add_agency(std::move(ag));
        } else {
          unit_found ag;
          ag.text = {static_cast<offset>(a), static_cast<offset>(z)};
          ag.name = without_quotes(t_.substr(a, z - a));
          ag.role = r;
          add_agency(std::move(ag));
        }
      }
      p = piece_end < e ? piece_end + decode_at(t_, piece_end).len : e;
    }
  }

  // --- units in clauses ------------------------------------------------------

  /// Parse a list of units at p; fills named agencies (roles unset). Returns its length,
  /// 0 where it names no unit; `matched` says whether the grammar matched at all.
  std::size_t read_list(std::size_t p, std::size_t e, std::vector<unit_found>& out,
                        bool* matched = nullptr) const {
    thread_local list_state st;
    st.items.clear();
    st.group_ends.clear();
    st.group_suffix.clear();
    st.pending_suffix = {};
    st.name_end = st.unit_suffix = {};
    input in(t_.data(), t_.data() + e, "");
    in.bump(p);
    const bool ok = pegtl::parse<g::unit_list, list_action, list_control>(in, st);
    if (matched != nullptr) *matched = ok;
    if (!ok) return 0;
    const std::size_t end = static_cast<std::size_t>(in.current() - t_.data());
    std::size_t first = 0;
    for (std::size_t gi = 0; gi < st.group_ends.size(); ++gi) {
      const std::size_t last = st.group_ends[gi];
      std::string_view suffix = st.group_suffix[gi];
      // 人社、就业部门: the last unit's 部门 is shared too.
      if (suffix.empty() && last > first && !st.items[last - 1].department) {
        const std::string_view tail =
            t_.substr(st.items[last - 1].begin, st.items[last - 1].end - st.items[last - 1].begin);
        for (std::string_view s : {"部门", "单位", "机构"})
          if (ends_with(tail, s)) suffix = s;
      }
      // 各乡镇、各部门主要负责同志: the office is lent to the units before it.
      std::string_view office;
      if (last > first + 1 && !st.items[last - 1].department) {
        const std::string tail = without_quotes(
            t_.substr(st.items[last - 1].begin, st.items[last - 1].end - st.items[last - 1].begin));
        for (std::string_view o : lendable_offices) {  // longest first
          if (ends_with(tail, o)) {
            office = o;
            break;
          }
        }
      }
      for (std::size_t k = first; k < last; ++k) {
        const listed& it = st.items[k];
        unit_found ag;
        ag.text = {static_cast<offset>(it.begin), static_cast<offset>(it.end)};
        const std::string_view own = t_.substr(it.begin, it.end - it.begin);
        if (it.department) {
          if (suffix.empty()) continue;  // a short name with nothing to complete it is no unit
          ag.name = std::string(own) + std::string(suffix);
        } else {
          ag.name = without_quotes(own);
          if (!office.empty() && k + 1 < last &&
              !std::any_of(std::begin(lendable_offices), std::end(lendable_offices),
                           [&](std::string_view o) { return ends_with(ag.name, o); }))
            ag.name += office;
        }
        out.push_back(std::move(ag));
      }
      first = last;
    }
    return out.empty() ? 0 : end - p;
  }

  struct list_read {
    std::size_t at = std::string_view::npos;  // where it was read, if anywhere
    bool matched = false;                     // the grammar matched there
    std::size_t len = 0;                      // as read_list returned
    std::vector<unit_found> found;
  };
  /// The list at p, to the sentence's end, read once: 会同/联合 count as a cue only
  /// before a list (role_word_at), and the clause loop then reads that list where it
  /// goes on (read_units), so the first reading is kept for it.
  const list_read& list_ahead_at(std::size_t p) const {
    if (ahead_.at != p) {
      ahead_.found.clear();
      ahead_.len = read_list(p, e_, ahead_.found, &ahead_.matched);
      ahead_.at = p;
    }
    return ahead_;
  }
  /// read_list(p, e_, out) for the clause loop, out empty: the list read ahead at p
  /// when there is one.
  std::size_t list_at(std::size_t p, std::vector<unit_found>& out) {
    if (p != ahead_.at) return read_list(p, e_, out);
    out.swap(ahead_.found);
    ahead_.at = std::string_view::npos;
    return ahead_.len;
  }

  bool skipped(std::size_t p) const {
    return std::any_of(skip_.begin(), skip_.end(),
                       [&](span s) { return p >= s.begin && p < s.end; });
  }

  /// What follows a list of units, and so their role.
  cue_kind cue_after(std::size_t q, std::size_t& cue_end) const {
    q = skip_blanks(t_, q, e_);
    // Adverbs between subject and cue: 各乡镇也要, 各地各部门就一定要.
    for (int k = 0; k < 3; ++k) {
      const std::size_t adv = match_at<g::subject_adverb>(t_, q, e_);
      if (!adv || match_at<g::modal_word>(t_, q, e_) > adv) break;
      q += adv;
    }
    cue_end = q;
    if (const cue_kind role = role_word_at(q, cue_end); role != cue_kind::none) return role;
    if (std::size_t len = 0; modal_at(q, len)) {
      // 各牵头部门要会同建设单位, 县委办要牵头抓好督查, 各乡镇要积极配合: the role word
      // after a modal gives the role.
      if (const cue_kind role = role_word_at(q + len, cue_end); role != cue_kind::none) return role;
      return cue_end = q + len, cue_kind::modal;
    }
    return cue_kind::none;
  }

  /// 牵头, 会同/联合 before a unit, 配合, 负责 at q; cue_end is set past the word.
  cue_kind role_word_at(std::size_t q, std::size_t& cue_end) const {
    std::size_t len = 0;
    if ((len = match_at<g::lead_cue>(t_, q, e_))) return cue_end = q + len, cue_kind::lead;
    // 会同/联合 join a unit after them (县公安局联合开展打击行动 names one unit only).
    if ((len = match_at<g::joint_cue>(t_, q, e_)) && list_ahead_at(q + len).matched)
      return cue_end = q + len, cue_kind::joint;
    if ((len = match_at<g::cooperate_cue>(t_, q, e_)))
      return cue_end = q + len, cue_kind::cooperate;
    if ((len = match_at<g::responsible_cue>(t_, q, e_)))
      return cue_end = q + len, cue_kind::responsible;
    return cue_kind::none;
  }

  /// A word that puts the unit before it in the subject's place (在, 对, 给予, 积极 …).
  bool subject_cue_at(std::size_t q) const {
    q = skip_blanks(t_, q, e_);
    for (int k = 0; k < 3; ++k) {
      const std::size_t adv = match_at<g::subject_adverb>(t_, q, e_);
      if (!adv) break;
      q += adv;
    }
    return match_at<g::subject_cue>(t_, q, e_) > 0;
  }

  /// After 由 督促 希望: the unit is the subject whatever verb follows.
  bool plain_subject(std::size_t q) const {
    q = skip_blanks(t_, q, e_);
    if (q >= e_ || match_at<g::approval>(t_, q, e_) || match_at<g::not_a_verb>(t_, q, e_))
      return false;
    const code_point c = decode_at(t_, q);
    return is_han(c.cp);
  }

  /// 全县各级党组织和全体党员干部要…, 各地各部门特别是主要负责同志，一定要…:
  /// people joined to the units do not hide the modal that follows.
  bool modal_after_people(std::size_t q) const {
    q = skip_blanks(t_, q, e_);
    std::size_t skip = 0;
    if ((skip = match_at<g::coordinator>(t_, q, e_)) ||
        (skip = match_at<g::clause_opener>(t_, q, e_))) {
      std::size_t p = q + skip;
      for (int k = 0; k < 12 && p < e_; ++k) {
        std::size_t len = 0;
        if (modal_at(p, len)) return true;
        const code_point c = decode_at(t_, p);
        if (fold_punct(c.cp) == U'，') {  // one comma, then the modal: ，一定要
          const std::size_t next = p + c.len;
          return modal_at(next, len) ||
                 (match_at<g::subject_adverb>(t_, next, e_) &&
                  modal_at(next + match_at<g::subject_adverb>(t_, next, e_), len));
        }
        if (is_punct(c.cp)) return false;
        p += c.len;
      }
    }
    return false;
  }

  void read_units() {
    unit_reach reach(t_, decoded_);
    std::size_t p = b_;
    std::size_t i = 0;         // the index of the character at p
    bool clause_start = true;  // at the sentence start or after a clause separator
    bool introduced = false;   // after 由 督促 希望 …: the subject needs no cue
    bool cooperating = false;  // after 会同
    thread_local std::vector<unit_found> found;  // of one attempt; its room kept for the next
    while (p < e_) {
      i = index_of(p, i);
      const sentence_char& ch = chars_[i];
      if (skipped(p)) {
        p += ch.len;
        clause_start = true;
        continue;
      }
      const code_point c = ch.code();
      const std::uint16_t f = flags_[i];
      if (f & blank) {
        p += c.len;
        continue;
      }
      if (f & separates_clause) {
        p += c.len;
        clause_start = true;
        introduced = cooperating = false;
        continue;
      }
      const bool may_open = f & opens_clause;
      std::size_t intro = may_open ? match_at<g::introducer>(t_, p, e_) : 0;
      if (may_open && !intro && clause_start) intro = match_at<g::opening_introducer>(t_, p, e_);
      if (intro) {
        p += intro;
        clause_start = true;
        introduced = true;
        continue;
      }
      if (const std::size_t opener = may_open ? match_at<g::clause_opener>(t_, p, e_) : 0) {
        p += opener;
        clause_start = true;
        continue;
      }
      const bool after_coordinator = !clause_start && i > 0 && (flags_[i - 1] & coordinates);
      // Away from a clause start a unit counts only with a cue after it (checked below).
      const bool may_start = clause_start || after_coordinator || cooperating || (f & starts_scope);
      found.clear();
      const std::size_t len = may_start && reach.may_hold_unit(i) ? list_at(p, found) : 0;
      if (!len) {
        clause_start = false;
        introduced = false;
        cooperating = false;  // 会同 names the units right after it
        if (const std::size_t joint = (f & starts_joint) ? match_at<g::joint_cue>(t_, p, e_) : 0) {
          p += joint;
          cooperating = true;
          continue;
        }
        // What follows, up to a character that may end a clause or begin a unit, an
        // introducer or a cue, takes this same way: pass over it at once.
        constexpr std::uint16_t notable =
            blank | separates_clause | opens_clause | starts_scope | starts_joint;
        ++i;
        if (skip_.empty()) i = next_flagged(flags_, i, notable, coordinates);
        p = chars_[i].at;
        continue;
      }
      const std::size_t end = p + len;
      std::size_t cue_end = end;
      const cue_kind cue = cue_after(end, cue_end);
      bool keep = true;
      role r = role::responsible;
      switch (cue) {
        case cue_kind::lead:
        case cue_kind::joint:
          r = role::lead;
          break;
        case cue_kind::cooperate:
          r = role::cooperate;
          break;
        case cue_kind::responsible:
        case cue_kind::modal:
          r = role::responsible;
          break;
        case cue_kind::none:
          if (const std::size_t next = skip_blanks(t_, end, e_);
              clause_start && next < e_ && fold_punct(decode_at(t_, next).cp) == U'：')
            r = role::responsible;  // 县财政局：负责资金保障
          else if (cooperating)
            r = role::cooperate;
          else if ((clause_start || introduced || after_coordinator) && modal_after_people(end))
            r = role::responsible;
          else if ((clause_start || introduced) && !result_.perfective && subject_cue_at(end))
            r = role::responsible;
          else
            keep = introduced && plain_subject(end);
          break;
      }
      // A bare suffix (部门协同) names a unit only alone, with a role word after it.
      const bool role_word =
          cue == cue_kind::lead || cue == cue_kind::cooperate || cue == cue_kind::responsible;
      const auto is_bare = [&](const unit_found& ag) {
        return spans_whole<g::organisation_suffix>(ag.text) ||
               (ag.text.size() == comrade_bytes && spans_whole<g::comrade>(ag.text));
      };
      // A place character alone (地|区加快崛起) names no unit.
      const auto is_place_alone = [&](const unit_found& ag) {
        return spans_whole<g::place_suffix>(ag.text);
      };
      found.erase(std::remove_if(found.begin(), found.end(), is_place_alone), found.end());
      if (found.empty()) keep = false;
      if (found.size() == 1 && is_bare(found.front()) && !role_word) keep = false;
      if (found.size() > 1)
        found.erase(std::remove_if(found.begin(), found.end(), is_bare), found.end());
      if (keep) {
        if (cooperating && cue != cue_kind::lead && cue != cue_kind::joint) r = role::cooperate;
        for (unit_found& ag : found) {
          ag.role = r;
          add_agency(std::move(ag));
        }
      }
      cooperating = cue == cue_kind::joint;
      clause_start = false;
      introduced = false;
      p = cooperating ? cue_end : end;
    }
  }

  /// Whether Rule matches all of s. A word list is run only where s is no longer than
  /// its longest word: most units are longer than any suffix or place word.
  template <class Rule>
  bool spans_whole(span s) const {
    if constexpr (requires { Rule::words.longest; })
      if (s.size() > Rule::words.longest) return false;
    return match_at<Rule>(t_, s.begin, s.end) == s.size();
  }
  /// The one length g::comrade matches (同志): the test of 同志 alone fails if they part.
  static constexpr std::size_t comrade_bytes = std::string_view("同志").size();

  /// Each unit once: a unit that starts after every unit so far is new (the clause loop
  /// finds them in the order of the text); others are looked for.
  void add_agency(unit_found ag) {
    if (ag.text.begin <= last_agency_begin_ && !result_.agencies.empty()) {
      for (const unit_found& a : result_.agencies)
        if (a.text.begin == ag.text.begin) return;
    }
    last_agency_begin_ = std::max(last_agency_begin_, ag.text.begin);
    result_.agencies.push_back(std::move(ag));
  }
  void add_deadline(const deadline& d) {
    for (const deadline& x : result_.deadlines)
      if (x.text.begin == d.text.begin) return;
    result_.deadlines.push_back(d);
  }

  std::string_view t_;
  std::size_t b_, e_;
  std::size_t deadlines_end_ = 0;  // no deadline starts at or after this (see deadline_terminal)
  // The decoded sentence, and its two arrays in members of their own: reading them from
  // decoded_ alone, or dropping decoded_, cost the hot loops 2-5 M instructions in 5 MB
  // and 1-3% in time, as the compiler kept them less well.
  decoded_sentence decoded_;
  std::span<const sentence_char> chars_;  // the sentence's characters, and one past the last
  const std::uint16_t* flags_;            // theirs, and past_end
  sentence_analysis& result_;
  std::vector<span> skip_;        // assignment parentheses, read on their own
  offset last_agency_begin_ = 0;  // where the last-starting unit so far starts
  bool assignment_only_ = false;
  bool may_assign_ = false;  // the sentence holds a （ or a ：
  mutable list_read ahead_;  // see list_ahead_at
};

}  // namespace

void split_sentences(std::string_view text, offset begin, offset end, std::vector<span>& out) {
  // One pass: the bracket and quote pairs that close within the paragraph, and the
  // sentence ends. Then the ends outside every pair cut the paragraph.
  struct open_mark {
    char32_t closer;
    offset at;
  };
  thread_local std::vector<open_mark> stack;
  thread_local std::vector<std::pair<offset, int>> edges;  // +1 at an opener, -1 at its closer
  thread_local std::vector<span> ends;                     // every sentence-end character
  stack.clear();
  edges.clear();
  ends.clear();
  for (std::size_t i = begin; (i = find_sentence_mark_lead(text, i, end)) < end;) {
    const code_point c = decode_at(text, i);
    char32_t closer = 0;
    if (is_sentence_end(c.cp)) {
      ends.push_back({static_cast<offset>(i), static_cast<offset>(i + c.len)});
    } else if (c.cp == U'"' && !stack.empty() && stack.back().closer == U'"') {
      edges.push_back({stack.back().at, +1});
      edges.push_back({static_cast<offset>(i), -1});
      stack.pop_back();
    } else if (c.cp == U'"') {
      stack.push_back({U'"', static_cast<offset>(i)});
    } else if (opener_of(c.cp, closer)) {
      stack.push_back({closer, static_cast<offset>(i)});
    } else {
      // A closer pairs with the nearest opener of its kind; openers above it never closed.
      for (std::size_t k = stack.size(); k-- > 0 && stack.size() - k <= 8;) {
        if (stack[k].closer != c.cp) continue;
        edges.push_back({stack[k].at, +1});
        edges.push_back({static_cast<offset>(i), -1});
        stack.resize(k);
        break;
      }
    }
    i += c.len;
  }
  std::sort(edges.begin(), edges.end());
  int depth = 0;
  std::size_t edge = 0;
  std::size_t start = begin;
  auto push = [&](std::size_t b, std::size_t e) {
    trim(text, b, e);
    // A run of text with no sentence end is cut at a character boundary every
    // max_sentence_bytes: the analysis holds a sentence's characters decoded.
    while (e - b > max_sentence_bytes && b < e) {
      std::size_t cut = b + max_sentence_bytes;
      while (cut > b + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      out.push_back({static_cast<offset>(b), static_cast<offset>(cut)});
      b = cut;
    }
    if (b < e) out.push_back({static_cast<offset>(b), static_cast<offset>(e)});
  };
  for (const span at : ends) {
    while (edge < edges.size() && edges[edge].first <= at.begin) depth += edges[edge++].second;
    if (depth == 0) {
      push(start, at.end);
      start = at.end;
    }
  }
  push(start, end);
}

bool unit_may_end(std::string_view text, std::size_t b, std::size_t end, std::size_t e) {
  return end > b && unit_ends::table().may_end(text, b, decode_before(text, end).cp, end, e);
}

void find_deadlines(std::string_view text, offset begin, offset end, std::vector<deadline>& out) {
  const char_table& flags = flags_of();
  for (std::size_t p = begin; p < end;) {
    const code_point c = decode_at(text, p);
    if (const std::uint16_t f = flags(c.cp); f & starts_deadline) {
      deadline d;
      if (const std::size_t e = deadline_at(text, begin, p, end, c, f, d)) {
        out.push_back(d);
        p = e;
        continue;
      }
    }
    p += c.len;
  }
}

void analyse_sentence(std::string_view text, span content, sentence_analysis& out) {
  thread_local sentence_room room;
  sentence_reader(text, content, room, out).run();
}

}  // namespace gongwen::detail
