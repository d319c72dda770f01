// longest_word<Words...>: the longest of a fixed set of words, as one rule.
//
//   struct unit_suffix : longest_word<TAO_PEGTL_STRING("局"), TAO_PEGTL_STRING("委员会"), …> {};
//
// It matches what sor<> of the words would if they were sorted longest first, but
// finds its candidates through a table keyed by the first character instead of trying
// every word in turn: word lists of a hundred entries are tried at every character of
// a candidate name, and this is where the time goes.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "text.hpp"

namespace gongwen::grammar {

namespace words_detail {

template <class>
struct word_of;
template <char... Cs>
struct word_of<tao::pegtl::ascii::string<Cs...>> {
  static constexpr char chars[sizeof...(Cs) + 1] = {Cs..., '\0'};
  static constexpr std::string_view value{chars, sizeof...(Cs)};
};

/// The first character's bytes packed into a number: the key words are sorted by.
constexpr std::uint32_t first_key(std::string_view s) noexcept {
  const std::size_t n =
      std::min(s.size(), gongwen::detail::sequence_length(static_cast<unsigned char>(s[0])));
  std::uint32_t key = 0;
  for (std::size_t i = 0; i < n; ++i) key = (key << 8) | static_cast<unsigned char>(s[i]);
  return key;
}

/// The slot of a first character in a table's filter: the low twelve bits of its code
/// point, from the key of its n bytes (a malformed character: the key's low bits).
constexpr std::uint32_t filter_slot(std::uint32_t key, std::size_t n) noexcept {
  if (n == 3) return ((key >> 2) & 0xFC0u) | (key & 0x3Fu);
  if (n == 2) return ((key >> 2) & 0x7C0u) | (key & 0x3Fu);
  return key & 4095u;
}

/// Words are grouped by their first character's key modulo this, for the lookup.
inline constexpr std::size_t buckets = 256;

template <std::size_t N>
struct table {
  std::array<std::string_view, N> words{};
  std::array<std::uint32_t, N> keys{};
  std::array<std::uint16_t, buckets + 1> first{};  // where each bucket's words begin
  std::size_t longest = 0;
  std::array<std::uint64_t, 64> filter{};  // a bit per filter_slot of a first character
  [[nodiscard]] constexpr bool may_start(std::uint32_t slot) const noexcept {
    return (filter[slot >> 6] >> (slot & 63)) & 1;
  }
};

/// Words by the bucket of their first character, then by that character, longest first
/// within a character.
template <std::size_t N>
constexpr table<N> make_table(std::array<std::string_view, N> words) {
  static_assert(N < 65536);
  std::sort(words.begin(), words.end(), [](std::string_view a, std::string_view b) {
    const auto ka = first_key(a), kb = first_key(b);
    if ((ka & (buckets - 1)) != (kb & (buckets - 1)))
      return (ka & (buckets - 1)) < (kb & (buckets - 1));
    return ka != kb ? ka < kb : a.size() > b.size();
  });
  table<N> t;
  for (std::size_t i = 0; i < N; ++i) {
    t.words[i] = words[i];
    t.keys[i] = first_key(words[i]);
    t.longest = std::max(t.longest, words[i].size());
    const std::uint32_t slot = filter_slot(
        t.keys[i], std::min(words[i].size(), gongwen::detail::sequence_length(
                                                 static_cast<unsigned char>(words[i][0]))));
    t.filter[slot >> 6] |= std::uint64_t{1} << (slot & 63);
  }
  std::size_t k = 0;
  for (std::size_t b = 0; b <= buckets; ++b) {
    while (k < N && (t.keys[k] & (buckets - 1)) < b) ++k;
    t.first[b] = static_cast<std::uint16_t>(k);
  }
  return t;
}

/// Whether the bytes at `at` spell w, whose first `skip` bytes are known to be equal.
inline bool same_tail(const unsigned char* at, std::string_view w, std::size_t skip) noexcept {
  for (std::size_t i = skip; i < w.size(); ++i)
    if (at[i] != static_cast<unsigned char>(w[i])) return false;
  return true;
}

}  // namespace words_detail

template <class... Words>
struct longest_word {
  using rule_t = longest_word;
  using subs_t = tao::pegtl::type_list<>;

  static constexpr auto words =
      words_detail::make_table<sizeof...(Words)>({words_detail::word_of<Words>::value...});

  template <tao::pegtl::apply_mode, tao::pegtl::rewind_mode, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... /*unused*/) {
    const std::size_t available = in.size(words.longest);
    if (available == 0) return false;
    const auto* at = reinterpret_cast<const unsigned char*>(in.current());
    std::size_t n = 3;
    std::uint32_t key = 0;
    if (at[0] >= 0xE0 && at[0] < 0xF0 && available >= 3) {  // most characters: Chinese
      key = std::uint32_t{at[0]} << 16 | std::uint32_t{at[1]} << 8 | at[2];
    } else {
      n = std::min(available, gongwen::detail::sequence_length(at[0]));
      for (std::size_t i = 0; i < n; ++i) key = (key << 8) | at[i];
    }
    // Most characters begin no word: decided here.
    if (!words.may_start(words_detail::filter_slot(key, n))) return false;
    // The words of the key's bucket, longest first within a key; the key's bytes are
    // equal already, so only the rest of a word is compared.
    const std::size_t bucket = key & (words_detail::buckets - 1);
    for (std::size_t k = words.first[bucket]; k < words.first[bucket + 1]; ++k) {
      if (words.keys[k] != key) continue;
      const std::string_view w = words.words[k];
      if (w.size() <= available && words_detail::same_tail(at, w, n)) {
        in.bump(w.size());
        return true;
      }
    }
    return false;
  }
};

}  // namespace gongwen::grammar

// For tao::pegtl::analyze: the rule consumes input when it matches.
template <typename Name, typename... Words>
struct tao::pegtl::analyze_traits<Name, gongwen::grammar::longest_word<Words...>>
    : tao::pegtl::analyze_any_traits<> {};
