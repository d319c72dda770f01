// Finding where a character of a small set may begin, 32 or 16 places at a time.
// Private to the library.
//
// A scan for sentence ends or boundaries reads every byte of the text, so it is
// built as the fast UTF-8 validators and JSON scanners are (Keiser and Lemire 2021,
// Langdale and Lemire 2019): each place is classified by table lookups on the high
// and low nibbles of two bytes, its own (the lead) and the one two places on (the
// last byte of a three-byte character), and a place is kept where the two classes
// share a bit. The tables are worked out at compile time from the characters
// wanted, so there is no list of bytes to keep in step with them. The same lookups
// on three bytes in a row find where one of a set of words may begin
// (prefix_classes), for the noise-word finder.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace gongwen::detail {

/// Byte classes for a set of (lead, last) byte pairs: a class is a bit, set in the
/// tables of the nibbles of the leads and of the lasts it takes in. At most eight.
/// The four tables come first and in this order: the scans load them as 16-byte blocks.
struct pair_classes {
  std::array<std::uint8_t, 16> lead_high{}, lead_low{}, last_high{}, last_low{};
  int count = 0;

  [[nodiscard]] constexpr std::uint8_t lead_class(unsigned char b) const noexcept {
    return lead_high[b >> 4] & lead_low[b & 15];
  }
  [[nodiscard]] constexpr std::uint8_t last_class(unsigned char b) const noexcept {
    return last_high[b >> 4] & last_low[b & 15];
  }
  /// Whether a wanted character may begin at a byte `lead` with `last` two bytes on.
  [[nodiscard]] constexpr bool hit(unsigned char lead, unsigned char last) const noexcept {
    return (lead_class(lead) & last_class(last)) != 0;
  }
};

namespace byte_scan_detail {

struct byte_set {
  std::array<std::uint64_t, 4> words{};
  constexpr void add(unsigned b) noexcept { words[b / 64] |= std::uint64_t{1} << (b % 64); }
  [[nodiscard]] constexpr bool has(unsigned b) const noexcept {
    return (words[b / 64] >> (b % 64)) & 1;
  }
  [[nodiscard]] constexpr bool empty() const noexcept {
    return (words[0] | words[1] | words[2] | words[3]) == 0;
  }
  constexpr bool operator==(const byte_set&) const = default;
};

/// A set of bytes as rectangles of nibbles (the high nibbles × the low nibbles, as
/// bit masks): one for each distinct set of low nibbles that some high nibble takes.
struct rect {
  std::uint16_t high = 0, low = 0;
};
struct rects {
  std::array<rect, 16> r{};
  int n = 0;
};
constexpr rects rects_of(const byte_set& s) noexcept {
  std::array<std::uint16_t, 16> low_of{};
  for (unsigned b = 0; b < 256; ++b)
    if (s.has(b)) low_of[b >> 4] |= static_cast<std::uint16_t>(1u << (b & 15));
  rects out;
  for (unsigned h = 0; h < 16; ++h) {
    if (low_of[h] == 0) continue;
    int k = 0;
    while (k < out.n && out.r[k].low != low_of[h]) ++k;
    if (k == out.n) out.r[out.n++].low = low_of[h];
    out.r[k].high |= static_cast<std::uint16_t>(1u << h);
  }
  return out;
}

constexpr void mark(std::array<std::uint8_t, 16>& table, std::uint16_t nibbles, int bit) noexcept {
  for (unsigned v = 0; v < 16; ++v)
    if ((nibbles >> v) & 1) table[v] |= static_cast<std::uint8_t>(1u << bit);
}

}  // namespace byte_scan_detail

/// The classes for the characters of the Basic Multilingual Plane in `chars` (a
/// range of code points; others are left out): an ASCII character is its own lead
/// with any last byte, a two-byte one its lead with any last byte, a three-byte one
/// its lead with its own last byte. More than eight classes are refused (a set that
/// needs them wants another method). Cheap enough to be worked out at compile time.
template <class Chars>
constexpr pair_classes pair_classes_of(const Chars& chars) {
  namespace d = byte_scan_detail;
  std::array<d::byte_set, 256> last_of{};
  d::byte_set any;
  for (unsigned b = 0; b < 256; ++b) any.add(b);
  for (const char32_t c : chars) {
    if (c == 0 || c >= 0x10000 || (c >= 0xD800 && c < 0xE000)) continue;
    if (c < 0x80)
      last_of[c] = any;
    else if (c < 0x800)
      last_of[0xC0 | (c >> 6)] = any;
    else
      last_of[0xE0 | (c >> 12)].add(0x80 | (c & 0x3F));
  }
  pair_classes t;
  std::array<bool, 256> done{};
  for (unsigned lead = 0; lead < 256; ++lead) {
    if (done[lead] || last_of[lead].empty()) continue;
    d::byte_set leads;  // every lead byte that takes the same last bytes
    for (unsigned other = lead; other < 256; ++other) {
      if (last_of[other] == last_of[lead]) {
        leads.add(other);
        done[other] = true;
      }
    }
    const d::rects lr = d::rects_of(leads), sr = d::rects_of(last_of[lead]);
    for (int i = 0; i < lr.n; ++i) {
      for (int j = 0; j < sr.n; ++j) {
        if (t.count == 8) throw "more than eight byte classes";
        d::mark(t.lead_high, lr.r[i].high, t.count);
        d::mark(t.lead_low, lr.r[i].low, t.count);
        d::mark(t.last_high, sr.r[j].high, t.count);
        d::mark(t.last_low, sr.r[j].low, t.count);
        ++t.count;
      }
    }
  }
  return t;
}

/// The first place in text[from, to) where t.hit(lead, last) holds, or where the lead
/// is of a class with fewer than two bytes after it in the range; `to` when there is
/// none. 32 places at a time with AVX2, 16 with SSSE3, where the processor has them.
std::size_t find_pair(const pair_classes& t, std::string_view text, std::size_t from,
                      std::size_t to) noexcept;

/// How many places a scan tries at a time. find_pair takes the widest the processor
/// has; tests run each one.
enum class scan_width : std::uint8_t { one = 1, sixteen = 16, thirty_two = 32 };
[[nodiscard]] bool processor_scans_at(scan_width w) noexcept;
/// The widest the processor has, found once.
[[nodiscard]] scan_width widest_scan_width() noexcept;
/// find_pair at width w, which the processor must have.
std::size_t find_pair_at(scan_width w, const pair_classes& t, std::string_view text,
                         std::size_t from, std::size_t to) noexcept;

/// Byte classes for the first three bytes of a set of words (a Teddy filter, as
/// Hyperscan and Rust's aho-corasick find many literals): the words are put in eight
/// buckets, a bucket is a bit, set in the tables of the high and low nibbles of the
/// bytes its words have at 0, 1 and 2. Where a word begins, the three bytes' classes
/// share its bucket's bit; elsewhere they mostly share none. A test that lets through
/// every place where a word begins, and a few others that a comparison then turns down.
struct prefix_classes {
  /// The high and low nibbles' tables of byte 0, then byte 1, then byte 2: the scans
  /// load them as 16-byte blocks in this order.
  std::array<std::array<std::uint8_t, 16>, 6> tables{};

  [[nodiscard]] constexpr std::uint8_t classes_at(const unsigned char* p) const noexcept {
    std::uint8_t c = 0xFF;
    for (int k = 0; k < 3; ++k)
      c = static_cast<std::uint8_t>(c & tables[2 * k][p[k] >> 4] & tables[2 * k + 1][p[k] & 15]);
    return c;
  }
};

/// The classes of the words (each of three bytes or more): sorted, so that words with
/// the same first bytes share a bucket, and cut into eight runs of about equal length.
[[nodiscard]] prefix_classes prefix_classes_of(std::span<const std::string_view> words);

/// The places p + k (k < 64) where t.classes_at is not zero, as the bits k of the
/// result, tried w at a time (which the processor must have); reads the 66 bytes from p.
[[nodiscard]] std::uint64_t prefix_places(scan_width w, const prefix_classes& t,
                                          const unsigned char* p) noexcept;

}  // namespace gongwen::detail
