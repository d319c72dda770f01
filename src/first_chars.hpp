// The characters a grammar rule can begin with, worked out from the rule itself.
// Private to the library.
//
// A rule that fails at most places it is tried (a unit's possible endings after every
// place word, the alternatives of a deadline) costs a walk through its alternatives
// each time. Its first characters, found once from the rule's own structure, let a
// single table lookup turn most of those attempts away: where the character at hand
// begins none of its matches, the rule fails without being run. Nothing is hand-kept:
// the set follows the grammar as it changes, and a test holds it to the rule over the
// grammar's words and the sample documents.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include "chars.hpp"
#include "text.hpp"

namespace gongwen::detail {

/// A set of code points of the Basic Multilingual Plane, a bit for each value of
/// their low bits (Bits values: 0x10000 keeps every code point apart, 0x1000 folds
/// them by their low twelve bits), read and written a 64-bit word at a time. The sets
/// below are built when a rule is first used, in every process: a bit at a time, and
/// 8 KiB for every rule, that cost a program milliseconds before its first document.
template <std::size_t Bits>
class code_point_bits {
 public:
  static_assert(Bits % 64 == 0 && Bits <= 0x10000 && (Bits & (Bits - 1)) == 0);
  static constexpr std::uint32_t mask = Bits - 1;
  /// The code points kept: those of the Basic Multilingual Plane.
  static constexpr std::size_t size() noexcept { return 0x10000; }

  [[nodiscard]] GONGWEN_ALWAYS_INLINE bool test(char32_t c) const noexcept {
    return c < size() && ((words_[(c & mask) / 64] >> (c % 64)) & 1);
  }
  void set(char32_t c, bool on = true) noexcept {
    if (c >= size()) return;
    const std::uint64_t bit = std::uint64_t{1} << (c % 64);
    std::uint64_t& w = words_[(c & mask) / 64];
    w = on ? w | bit : w & ~bit;
  }
  /// Every code point of [lo, hi], those above U+FFFF aside.
  void set_range(char32_t lo, char32_t hi) noexcept {
    hi = std::min<char32_t>(hi, size() - 1);
    if (lo > hi) return;
    if (hi - lo >= mask) return fill(0, mask);  // every value of the low bits
    if ((lo & mask) <= (hi & mask)) return fill(lo & mask, hi & mask);
    fill(lo & mask, mask);  // the range wraps round the folded values
    fill(0, hi & mask);
  }
  /// Adds a set of as many bits or more, folded onto these.
  template <std::size_t OtherBits>
  code_point_bits& operator|=(const code_point_bits<OtherBits>& o) noexcept {
    static_assert(OtherBits >= Bits);
    const auto& words = o.words();
    for (std::size_t w = 0; w < words.size(); ++w) words_[w % words_.size()] |= words[w];
    return *this;
  }
  /// Takes out every code point of o.
  void remove(const code_point_bits& o) noexcept {
    for (std::size_t w = 0; w < words_.size(); ++w) words_[w] &= ~o.words_[w];
  }
  [[nodiscard]] std::size_t count() const noexcept {
    std::size_t n = 0;
    for (const std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
    return n;
  }
  /// Calls f with each value of the low bits in the set, in order: with Bits 0x10000,
  /// each code point.
  template <class F>
  void for_each(F f) const {
    for (std::size_t w = 0; w < words_.size(); ++w)
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1)
        f(static_cast<char32_t>(64 * w + static_cast<std::size_t>(std::countr_zero(bits))));
  }
  /// The set's 64-bit words: values 64w to 64w + 63 of the low bits in word w.
  [[nodiscard]] const std::array<std::uint64_t, Bits / 64>& words() const noexcept {
    return words_;
  }
  bool operator==(const code_point_bits&) const = default;

 private:
  /// Every value of the low bits in [a, b].
  void fill(std::uint32_t a, std::uint32_t b) noexcept {
    for (; a <= b && a % 64 != 0; ++a) words_[a / 64] |= std::uint64_t{1} << (a % 64);
    for (; a + 63 <= b; a += 64) words_[a / 64] = ~std::uint64_t{0};
    for (; a <= b; ++a) words_[a / 64] |= std::uint64_t{1} << (a % 64);
  }

  std::array<std::uint64_t, Bits / 64> words_{};
};

/// Every code point apart (8 KiB).
using code_point_set = code_point_bits<0x10000>;
/// Code points folded by their low twelve bits (512 bytes), as the filters test them:
/// the first characters of the rules the grammars try are kept so.
using folded_set = code_point_bits<0x1000>;

/// What can stand first in a match of a rule, as a set of code points: Set is
/// code_point_set (exact) or folded_set. A superset: a character in `cps` may
/// begin a match, one outside it never does. `empty` says the rule may match without
/// reading a character (opt, star, at, not_at …): such a rule cannot be turned away by
/// its first character, and neither can a rule this analysis does not know. eof
/// matches nothing but only at the end of the input, where no rule is turned away.
/// Characters above U+FFFF are not kept: no rule is turned away by one of them.
template <class Set>
struct first_set {
  Set cps;  // code points of the Basic Multilingual Plane
  bool empty = false;
  bool any_byte = false;  // may begin with a byte that starts no well-formed character

  void add(char32_t c) noexcept { cps.set(c); }
  void add(const first_set& other) noexcept {
    cps |= other.cps;
    any_byte = any_byte || other.any_byte;
  }
  /// Everything: the rule is tried wherever it is asked for.
  static first_set all() noexcept {
    first_set f;
    f.empty = true;
    return f;
  }
};
using first_chars = first_set<code_point_set>;
using folded_first_chars = first_set<folded_set>;

template <class Rule>
const first_chars& first_chars_of();
template <class Rule>
const folded_first_chars& folded_first_chars_of();

namespace first_detail {

namespace pi = tao::pegtl::internal;

/// The first characters of Rule in a set of kind Set, each worked out once.
template <class Set, class Rule>
const first_set<Set>& of() {
  if constexpr (std::is_same_v<Set, code_point_set>)
    return first_chars_of<Rule>();
  else
    return folded_first_chars_of<Rule>();
}

/// The rules of a seq<>: the first one's characters, and the next one's too while
/// the ones before may match nothing.
template <class Set, class... Rules>
first_set<Set> of_sequence() {
  first_set<Set> f;
  f.empty = true;
  (
      [&f] {
        if (!f.empty) return;
        const first_set<Set>& r = of<Set, Rules>();
        f.add(r);
        f.empty = r.empty;
      }(),
      ...);
  return f;
}

template <class Set, class... Rules>
first_set<Set> of_choice() {
  first_set<Set> f;
  ((f.add(of<Set, Rules>()), f.empty = f.empty || of<Set, Rules>().empty), ...);
  return f;
}

/// A rule that may repeat or skip what it holds: the same first characters, and it
/// may match nothing when Min is 0.
template <class Set, unsigned Min, class... Rules>
first_set<Set> repeated() {
  first_set<Set> f = of_sequence<Set, Rules...>();
  f.empty = f.empty || Min == 0;
  return f;
}

/// A character of a peek: code points for the UTF-8 peeks, bytes for peek_char (a
/// byte above 0x7F starts no character by itself: anything may follow it).
template <class Peek, class Set, class C>
void add_char(first_set<Set>& f, C c) {
  if constexpr (std::is_same_v<Peek, pi::peek_char>) {
    if (static_cast<unsigned char>(c) < 0x80)
      f.add(static_cast<char32_t>(static_cast<unsigned char>(c)));
    else
      f.any_byte = true;
  } else if constexpr (std::is_same_v<Peek, pi::peek_utf8> ||
                       std::is_same_v<Peek, grammar::peek_utf8_inline>) {
    f.add(static_cast<char32_t>(c));
  } else {
    f.empty = true;  // another encoding's peek: not known here, so never turned away
  }
}

template <class Peek, class Set, class C>
void add_range(first_set<Set>& f, C lo, C hi) {
  if constexpr (std::is_same_v<Peek, pi::peek_char>) {
    for (unsigned c = static_cast<unsigned char>(lo); c <= static_cast<unsigned char>(hi); ++c)
      add_char<Peek>(f, static_cast<char>(c));
  } else if constexpr (std::is_same_v<Peek, pi::peek_utf8> ||
                       std::is_same_v<Peek, grammar::peek_utf8_inline>) {
    if (lo <= hi) f.cps.set_range(static_cast<char32_t>(lo), static_cast<char32_t>(hi));
  } else {
    f.empty = true;  // another encoding's peek: as in add_char
  }
}

template <class Peek, class Set, class C>
void add_ranges(first_set<Set>& f, std::initializer_list<C> bounds) {
  const C* b = bounds.begin();
  std::size_t n = bounds.size();
  for (; n >= 2; b += 2, n -= 2) add_range<Peek>(f, b[0], b[1]);
  if (n == 1) add_char<Peek>(f, b[0]);  // an odd last bound is one character
}

/// The first character of a word a rule spells out (an empty word matches nothing:
/// the rule may then match anywhere).
template <class Set>
void add_first_of(first_set<Set>& f, std::string_view word) {
  if (word.empty()) {
    f.empty = true;
    return;
  }
  const code_point c = decode_at(word, 0);
  if (c.len == 1 && c.cp >= 0x80)
    f.any_byte = true;  // the word begins with a byte that starts no character
  else
    f.add(c.cp);
}

template <class T, class Set>
struct analysis {
  static first_set<Set> run() {
    if constexpr (requires { T::words.words; }) {  // longest_word: its words' first characters
      first_set<Set> f;
      for (const std::string_view w : T::words.words) add_first_of(f, w);
      return f;
    } else if constexpr (requires { typename T::choice_t; }) {  // first_sor: its choice
      return analysis<typename T::choice_t, Set>::run();
    } else if constexpr (requires { T::table().test(U'0'); }) {  // one character from a table
      first_set<Set> f;
      f.cps |= T::table();
      return f;
    } else {
      return first_set<Set>::all();
    }
  }
};

template <class... R, class Set>
struct analysis<pi::seq<R...>, Set> {
  static first_set<Set> run() { return of_sequence<Set, R...>(); }
};
template <class... R, class Set>
struct analysis<pi::sor<R...>, Set> {
  static first_set<Set> run() { return of_choice<Set, R...>(); }
};
template <class... R, class Set>
struct analysis<pi::opt<R...>, Set> {
  static first_set<Set> run() { return repeated<Set, 0, R...>(); }
};
template <class... R, class Set>
struct analysis<pi::star<R...>, Set> {
  static first_set<Set> run() { return repeated<Set, 0, R...>(); }
};
template <class... R, class Set>
struct analysis<pi::plus<R...>, Set> {
  static first_set<Set> run() { return repeated<Set, 1, R...>(); }
};
template <unsigned N, class... R, class Set>
struct analysis<pi::rep<N, R...>, Set> {
  static first_set<Set> run() { return repeated<Set, N, R...>(); }
};
template <unsigned Min, unsigned Max, class... R, class Set>
struct analysis<pi::rep_min_max<Min, Max, R...>, Set> {
  static first_set<Set> run() { return repeated<Set, Min, R...>(); }
};
template <unsigned Max, class... R, class Set>
struct analysis<pi::rep_opt<Max, R...>, Set> {
  static first_set<Set> run() { return repeated<Set, 0, R...>(); }
};
// Look-ahead reads nothing; what follows it decides the first character.
template <class... R, class Set>
struct analysis<pi::at<R...>, Set> {
  static first_set<Set> run() { return first_set<Set>::all(); }
};
template <class... R, class Set>
struct analysis<pi::not_at<R...>, Set> {
  static first_set<Set> run() { return first_set<Set>::all(); }
};
// The end of the input: no character, and nothing after it either (the end itself
// is never turned away: see may_begin_at).
template <class Set>
struct analysis<pi::eof, Set> {
  static first_set<Set> run() { return {}; }
};
template <class Set>
struct analysis<pi::failure, Set> {
  static first_set<Set> run() { return {}; }
};
template <char... Cs, class Set>
struct analysis<pi::string<Cs...>, Set> {
  static first_set<Set> run() {
    static constexpr char bytes[] = {Cs..., '\0'};
    first_set<Set> f;
    add_first_of(f, std::string_view(bytes, sizeof...(Cs)));
    return f;
  }
};
template <class Peek, typename Peek::data_t... Cs, class Set>
struct analysis<pi::one<pi::result_on_found::success, Peek, Cs...>, Set> {
  static first_set<Set> run() {
    first_set<Set> f;
    (add_char<Peek>(f, Cs), ...);
    return f;
  }
};
template <class Peek, typename Peek::data_t Lo, typename Peek::data_t Hi, class Set>
struct analysis<pi::range<pi::result_on_found::success, Peek, Lo, Hi>, Set> {
  static first_set<Set> run() {
    first_set<Set> f;
    add_range<Peek>(f, Lo, Hi);
    return f;
  }
};
template <class Peek, typename Peek::data_t... Cs, class Set>
struct analysis<pi::ranges<Peek, Cs...>, Set> {
  static first_set<Set> run() {
    first_set<Set> f;
    add_ranges<Peek>(f, {Cs...});
    return f;
  }
};

template <class T>
inline constexpr bool is_choice = false;
template <class... R>
inline constexpr bool is_choice<pi::sor<R...>> = sizeof...(R) > 1;

/// What Work<Rule>::run() makes of Rule, made at its first use and kept. A named rule
/// shares the result of what it is built from (its rule_t): a rule and a choice it
/// derives from (ordinal_marker and its first_sor) have one, made once.
template <template <class> class Work, class Rule>
const auto& once_for() {
  if constexpr (!std::is_same_v<Rule, typename Rule::rule_t>) {
    return once_for<Work, typename Rule::rule_t>();
  } else {
    static const auto made = Work<Rule>::run();
    return made;
  }
}

template <class Rule>
using exact_analysis = analysis<Rule, code_point_set>;
template <class Rule>
using folded_analysis = analysis<Rule, folded_set>;

}  // namespace first_detail

/// The first characters of Rule, worked out once. Rules are matched by what they are
/// built from (rule_t): sequences, choices, repetitions, look-ahead, strings and
/// character classes, longest_word lists, and one-character rules with a table();
/// anything else may begin anywhere.
template <class Rule>
const first_chars& first_chars_of() {
  return first_detail::once_for<first_detail::exact_analysis, Rule>();
}

/// The same, folded by the low twelve bits (folded_set): what the filters use.
template <class Rule>
const folded_first_chars& folded_first_chars_of() {
  return first_detail::once_for<first_detail::folded_analysis, Rule>();
}

/// What can stand second in a match of a rule, worked out from the rule as its first
/// characters are (and from those of its parts): the characters a match's second
/// character may be (folded by their low twelve bits, a superset), and whether a match
/// may be shorter than two characters, when whatever follows it stands second. A rule
/// this analysis does not know (`open`) may have anything second.
struct second_chars {
  folded_set second;   // what may stand second within a match
  bool empty = false;  // may match nothing
  bool one = false;    // may match exactly one character
  bool open = false;   // not known: anything may stand first or second

  /// Whether a match may begin with some character and have c second, c being the
  /// character after it or 0 at the end of the input.
  [[nodiscard]] bool admits_second(char32_t c) const noexcept {
    return open || empty || one || c >= folded_set::size() || second.test(c);
  }
  /// The rule followed by r, whose first characters are r_first (as in seq<>).
  void then(const second_chars& r, const folded_set& r_first) noexcept {
    if (r.open && (empty || one)) open = true;
    if (one) second |= r_first;
    if (empty) second |= r.second;
    one = (one && r.empty) || (empty && r.one);
    empty = empty && r.empty;
  }
  /// Either this rule or r (as in sor<>).
  void or_else(const second_chars& r) noexcept {
    second |= r.second;
    empty = empty || r.empty;
    one = one || r.one;
    open = open || r.open;
  }
  /// The rule, whose first characters are first, repeated (as in star<> and plus<>):
  /// one match after another.
  void repeated(bool may_be_none, const folded_set& first) noexcept {
    if (one) second |= first;
    empty = empty || may_be_none;
  }
  static second_chars unknown() noexcept {
    second_chars s;
    s.open = true;
    return s;
  }
  static second_chars nothing() noexcept {  // matches reading no character
    second_chars s;
    s.empty = true;
    return s;
  }
};

template <class Rule>
const second_chars& second_chars_of();

namespace first_detail {

/// The second character of a word, or that it is one character long.
inline void add_word(second_chars& s, std::string_view w) {
  if (w.empty()) {
    s.empty = true;
    return;
  }
  const code_point a = decode_at(w, 0);
  if (a.len == 1 && a.cp >= 0x80) {  // a byte that begins no character
    s.open = true;
    return;
  }
  if (a.len == w.size()) {
    s.one = true;
    return;
  }
  const code_point b = decode_at(w, a.len);
  if (b.len == 1 && b.cp >= 0x80)
    s.open = true;
  else
    s.second.set(b.cp);
}

template <class... Rules>
second_chars sequence_seconds() {
  second_chars s = second_chars::nothing();
  (s.then(second_chars_of<Rules>(), folded_first_chars_of<Rules>().cps), ...);
  return s;
}

template <class T>
struct seconds {
  static second_chars run() {
    if constexpr (requires { T::words.words; }) {  // longest_word
      second_chars s;
      for (const std::string_view w : T::words.words) add_word(s, w);
      return s;
    } else if constexpr (requires { typename T::choice_t; }) {  // first_sor: its choice
      return seconds<typename T::choice_t>::run();
    } else if constexpr (requires { T::table().test(U'0'); }) {  // one character from a table
      second_chars s;
      s.one = true;
      return s;
    } else {
      return second_chars::unknown();
    }
  }
};
template <class... R>
struct seconds<pi::seq<R...>> {
  static second_chars run() { return sequence_seconds<R...>(); }
};
template <class... R>
struct seconds<pi::sor<R...>> {
  static second_chars run() {
    second_chars s;
    (s.or_else(second_chars_of<R>()), ...);
    return s;
  }
};
template <class... R>
struct seconds<pi::opt<R...>> {
  static second_chars run() {
    second_chars s = sequence_seconds<R...>();
    s.empty = true;
    return s;
  }
};
template <bool MayBeNone, class... R>
second_chars repeated_seconds() {
  second_chars s = sequence_seconds<R...>();
  s.repeated(MayBeNone, folded_first_chars_of<pi::seq<R...>>().cps);
  return s;
}
template <class... R>
struct seconds<pi::star<R...>> {
  static second_chars run() { return repeated_seconds<true, R...>(); }
};
template <class... R>
struct seconds<pi::plus<R...>> {
  static second_chars run() { return repeated_seconds<false, R...>(); }
};
template <unsigned N, class... R>
struct seconds<pi::rep<N, R...>> {
  static second_chars run() { return repeated_seconds<N == 0, R...>(); }
};
template <unsigned Min, unsigned Max, class... R>
struct seconds<pi::rep_min_max<Min, Max, R...>> {
  static second_chars run() { return repeated_seconds<Min == 0, R...>(); }
};
template <unsigned Max, class... R>
struct seconds<pi::rep_opt<Max, R...>> {
  static second_chars run() { return repeated_seconds<true, R...>(); }
};
// Look-ahead and the end of the input read nothing.
template <class... R>
struct seconds<pi::at<R...>> {
  static second_chars run() { return second_chars::nothing(); }
};
template <class... R>
struct seconds<pi::not_at<R...>> {
  static second_chars run() { return second_chars::nothing(); }
};
template <>
struct seconds<pi::eof> {
  static second_chars run() { return second_chars::nothing(); }
};
template <>
struct seconds<pi::failure> {
  static second_chars run() { return {}; }
};
template <char... Cs>
struct seconds<pi::string<Cs...>> {
  static second_chars run() {
    static constexpr char bytes[] = {Cs..., '\0'};
    second_chars s;
    add_word(s, std::string_view(bytes, sizeof...(Cs)));
    return s;
  }
};
/// A match one character long, of those first_chars_of found. A byte above 0x7F
/// (peek_char's) or another encoding's character is not known.
inline second_chars one_character(const first_set<folded_set>& f) {
  if (f.empty || f.any_byte) return second_chars::unknown();
  second_chars s;
  s.one = true;
  return s;
}
template <class Peek, typename Peek::data_t... Cs>
struct seconds<pi::one<pi::result_on_found::success, Peek, Cs...>> {
  static second_chars run() {
    return one_character(
        folded_first_chars_of<pi::one<pi::result_on_found::success, Peek, Cs...>>());
  }
};
template <class Peek, typename Peek::data_t Lo, typename Peek::data_t Hi>
struct seconds<pi::range<pi::result_on_found::success, Peek, Lo, Hi>> {
  static second_chars run() {
    return one_character(
        folded_first_chars_of<pi::range<pi::result_on_found::success, Peek, Lo, Hi>>());
  }
};
template <class Peek, typename Peek::data_t... Cs>
struct seconds<pi::ranges<Peek, Cs...>> {
  static second_chars run() {
    return one_character(folded_first_chars_of<pi::ranges<Peek, Cs...>>());
  }
};

}  // namespace first_detail

/// What can stand second in a match of Rule, worked out once (as first_chars_of).
template <class Rule>
const second_chars& second_chars_of() {
  return first_detail::once_for<first_detail::seconds, Rule>();
}

/// What the filters test of the place a rule is tried at: the low twelve bits of the
/// character there, or `open` where every rule is let through (the end of the input,
/// a character above U+FFFF, a byte that begins no character).
struct first_key {
  std::uint32_t low = 0;
  bool open = true;
};

GONGWEN_ALWAYS_INLINE first_key first_key_at(const char* p, const char* end) noexcept {
  if (p >= end) return {};  // at the end of the input any rule may match
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  const std::size_t n = static_cast<std::size_t>(end - p);
  if (b[0] < 0x80) return {b[0], false};
  if (b[0] >= 0xC2 && b[0] < 0xE0 && n >= 2) return {((b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu), false};
  if (b[0] >= 0xE0 && b[0] < 0xF0 && n >= 3) return {((b[1] & 0x3Fu) << 6) | (b[2] & 0x3Fu), false};
  return {};
}

/// The check made where a rule is tried: a bit for each value of a code point's low
/// twelve bits, set for the rule's first characters. 512 bytes a rule, so that the
/// tables of the rules tried at every character stay in the cache. It lets through
/// more than the rule's first characters (those that share their low bits), never
/// fewer; a character above U+FFFF, a malformed one, and a rule that may match
/// nothing or whose first characters are not known, it always lets through.
class first_filter {
 public:
  explicit first_filter(const folded_first_chars& f) noexcept
      : bits_(f.cps), open_(f.empty || f.any_byte) {}

  /// Whether a match may begin at the bytes [p, end).
  [[nodiscard]] GONGWEN_ALWAYS_INLINE bool may_begin(const char* p,
                                                     const char* end) const noexcept {
    return open_ || admits(first_key_at(p, end));
  }
  /// Whether a match may begin where first_key_at gave k.
  [[nodiscard]] GONGWEN_ALWAYS_INLINE bool admits(first_key k) const noexcept {
    return open_ || k.open || bits_.test(k.low);
  }
  /// Whether a match may begin with the code point c.
  [[nodiscard]] bool may_begin_with(char32_t c) const noexcept {
    return open_ || c >= folded_set::size() || bits_.test(c);
  }

 private:
  folded_set bits_;
  bool open_;
};

/// Rule's filter, built at its first use (inlined: where it is asked for, a test of
/// the guard and no call), and shared as its set is. Written out rather than made
/// through once_for: that way the hot paths ran 6 M more instructions in 5 MB.
template <class Rule>
GONGWEN_ALWAYS_INLINE const first_filter& first_filter_of() {
  if constexpr (!std::is_same_v<Rule, typename Rule::rule_t>) {
    return first_filter_of<typename Rule::rule_t>();
  } else {
    static const first_filter f(folded_first_chars_of<Rule>());
    return f;
  }
}

/// Whether Rule may match at text[b…), text ending where the rule's input does: false
/// only where the character at b begins none of its matches.
template <class Rule>
GONGWEN_ALWAYS_INLINE bool may_begin_at(std::string_view text, std::size_t b) noexcept {
  return first_filter_of<Rule>().may_begin(text.data() + std::min(b, text.size()),
                                           text.data() + text.size());
}

/// Whether Rule may match where the code point c begins, for a caller that has c
/// decoded already: as may_begin_at.
template <class Rule>
bool may_begin_with(char32_t c) noexcept {
  return first_filter_of<Rule>().may_begin_with(c);
}

/// Whether to run Rule at text[b…) under first_checked: false where may_begin_at is.
/// A choice is left to first_checked, which checks it as it starts, and a first_sor
/// to itself, so that no rule is checked twice at one place.
template <class Rule>
GONGWEN_ALWAYS_INLINE bool worth_running_at(std::string_view text, std::size_t b) noexcept {
  if constexpr (first_detail::is_choice<typename Rule::rule_t> ||
                requires { typename Rule::rule_t::choice_t; })
    return true;
  else
    return may_begin_at<Rule>(text, b);
}

/// A control for pegtl::parse that tries a choice (sor) only where its first
/// character allows: in a failing choice every alternative is tried in turn, and this
/// is where a grammar of word lists spends its time. Other rules run as they are.
template <class Rule>
struct first_checked : tao::pegtl::normal<Rule> {
  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M,
            template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    if constexpr (first_detail::is_choice<typename Rule::rule_t>) {
      if (!first_filter_of<Rule>().may_begin(in.current(), in.end())) return false;
    }
    return tao::pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st...);
  }
};

}  // namespace gongwen::detail

namespace gongwen::grammar {

/// An ordered choice (PEGTL's sor) that reads the first character once and tries only
/// the alternatives that may begin with it; the others fail without being run. It
/// matches what sor<Rules...> matches. For a choice among many rules that each begin
/// with characters of their own (the families of heading markers, the forms of a
/// deadline), where sor would run one after another, each reading the character again.
template <class... Rules>
struct first_sor {
  using rule_t = first_sor;
  using subs_t = tao::pegtl::type_list<Rules...>;
  using choice_t = tao::pegtl::internal::sor<Rules...>;  // what it matches, for the analyses

  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M,
            template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    const detail::first_key k = detail::first_key_at(in.current(), in.end());
    if (!detail::first_filter_of<first_sor>().admits(k)) return false;
    return match_each<A, M, Action, Control>(std::index_sequence_for<Rules...>(), k, in, st...);
  }

 private:
  /// As in sor: the last alternative rewinds as the choice was asked to, the others
  /// always (the next one starts where they started).
  template <std::size_t I, tao::pegtl::rewind_mode M>
  static constexpr tao::pegtl::rewind_mode rewind_for = I + 1 == sizeof...(Rules)
                                                            ? M
                                                            : tao::pegtl::rewind_mode::required;

  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M,
            template <typename...> class Action, template <typename...> class Control,
            std::size_t... I, typename ParseInput, typename... States>
  static bool match_each(std::index_sequence<I...>, detail::first_key k, ParseInput& in,
                         States&&... st) {
    return ((detail::first_filter_of<Rules>().admits(k) &&
             Control<Rules>::template match<A, rewind_for<I, M>, Action, Control>(in, st...)) ||
            ...);
  }
};

/// PEGTL's if_then_else: Then where Cond matches (and only Then), else Else. Cond is
/// read once, where sor<seq<Cond, Then>, seq<not_at<Cond>, Else>> would read it twice
/// wherever it fails. For the analyses it is the choice it lies within,
/// sor<seq<Cond, Then>, Else>: every match begins and goes on as one of those does.
template <class Cond, class Then, class Else>
struct if_then_else {
  using rule_t = if_then_else;
  using subs_t = tao::pegtl::type_list<Cond, Then, Else>;
  using choice_t = tao::pegtl::internal::sor<tao::pegtl::internal::seq<Cond, Then>, Else>;

  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M,
            template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    return tao::pegtl::internal::if_then_else<Cond, Then, Else>::template match<A, M, Action,
                                                                                Control>(in, st...);
  }
};

}  // namespace gongwen::grammar

template <class Cond, class Then, class Else>
inline constexpr bool
    tao::pegtl::internal::enable_control<gongwen::grammar::if_then_else<Cond, Then, Else>> = false;

// For tao::pegtl::analyze: as PEGTL's own.
template <class Name, class Cond, class Then, class Else>
struct tao::pegtl::analyze_traits<Name, gongwen::grammar::if_then_else<Cond, Then, Else>>
    : tao::pegtl::analyze_traits<Name, tao::pegtl::internal::if_then_else<Cond, Then, Else>> {};

template <class... Rules>
inline constexpr bool tao::pegtl::internal::enable_control<gongwen::grammar::first_sor<Rules...>> =
    false;

// For tao::pegtl::analyze: as the choice it is.
template <class Name, class... Rules>
struct tao::pegtl::analyze_traits<Name, gongwen::grammar::first_sor<Rules...>>
    : tao::pegtl::analyze_traits<Name, tao::pegtl::internal::sor<Rules...>> {};
