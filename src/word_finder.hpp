// Looking for many words in one short text. Private to the library.
//
// The noise checks ask a short line whether it holds any of some fifty words
// (订阅, 扫一扫, ICP备 …). Searching for each in turn reads the line fifty times, and
// a search for a Chinese word stops at every character that shares its first byte.
// Instead the line is read once: the places where a word may begin are found 64 at a
// time by the classes of their first three bytes (prefix_classes, byte_scan.hpp); at
// each, the first six bytes (two Chinese characters) pick a slot of a table built from
// the words, and only where a word begins with those six bytes is the rest of it
// compared. What the line holds comes out as a 64-bit mask with a bit for each word
// found.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "byte_scan.hpp"
#include "text.hpp"

namespace gongwen::detail {

/// Words of two characters or more (six bytes at least, the first no continuation
/// byte), each with a bit of a 64-bit mask; a word given twice has one bit.
class word_table {
 public:
  static constexpr std::size_t key_bytes = 6;
  static constexpr std::size_t max_words = 64;

  /// Throws std::invalid_argument for a word shorter than key_bytes or beginning with
  /// a continuation byte, and std::length_error for more than max_words different words.
  template <class... Lists>
  explicit word_table(const Lists&... lists) {
    slots_.fill(0);
    (..., [&] {
      for (std::string_view w : lists) add(w);
    }());
    std::vector<std::string_view> words;
    for (const entry& x : words_) words.push_back(x.word);
    prefixes_ = prefix_classes_of(words);
  }

  /// The classes of the words' first three bytes: every place where one begins has them.
  [[nodiscard]] const prefix_classes& prefixes() const noexcept { return prefixes_; }

  /// The bit of w, or 0 when w is not in the table.
  [[nodiscard]] std::uint64_t bit_of(std::string_view w) const noexcept {
    if (w.size() < key_bytes) return 0;
    const std::uint64_t k = key(w.data());
    for (std::uint8_t e = slots_[slot(k)]; e != 0; e = words_[e - 1].next)
      if (words_[e - 1].word == w) return words_[e - 1].bit;
    return 0;
  }
  /// The bits of the words given; each must be in the table (std::invalid_argument).
  template <class Words>
  [[nodiscard]] std::uint64_t bits_of(const Words& words) const {
    std::uint64_t bits = 0;
    for (std::string_view w : words) {
      const std::uint64_t b = bit_of(w);
      if (b == 0) throw std::invalid_argument("word_table: a word not in the table");
      bits |= b;
    }
    return bits;
  }

  /// The bits of the table's words that begin at p, where `room` bytes (key_bytes or
  /// more) lie from p to the end of the text.
  [[nodiscard]] GONGWEN_ALWAYS_INLINE std::uint64_t found_at(const char* p,
                                                             std::size_t room) const noexcept {
    const std::uint64_t k = key(p);
    const std::uint8_t e = slots_[slot(k)];
    // Nearly every place begins no word: its slot is empty, and the loop over the
    // slot's words stays out of the way (a call), so the scan keeps its registers.
    return e == 0 ? 0 : found_in_slot(e, k, p, room);
  }

 private:
  [[gnu::noinline]] std::uint64_t found_in_slot(std::uint8_t first, std::uint64_t k, const char* p,
                                                std::size_t room) const noexcept {
    std::uint64_t found = 0;
    for (std::uint8_t e = first; e != 0; e = words_[e - 1].next) {
      const entry& x = words_[e - 1];
      if (x.key == k && x.word.size() <= room &&
          std::memcmp(p + key_bytes, x.word.data() + key_bytes, x.word.size() - key_bytes) == 0)
        found |= x.bit;
    }
    return found;
  }

  struct entry {
    std::string_view word;
    std::uint64_t key = 0;
    std::uint64_t bit = 0;
    std::uint8_t next = 0;  // 1 + the index of the next word in the same slot, or 0
  };

  void add(std::string_view w) {
    if (w.size() < key_bytes)
      throw std::invalid_argument("word_table: a word shorter than two characters");
    if ((static_cast<unsigned char>(w[0]) & 0xC0) == 0x80)
      throw std::invalid_argument("word_table: a word beginning inside a character");
    if (bit_of(w) != 0) return;
    if (words_.size() == max_words) throw std::length_error("word_table: more than 64 words");
    const std::uint64_t k = key(w.data());
    std::uint8_t& first = slots_[slot(k)];
    words_.push_back({w, k, std::uint64_t{1} << words_.size(), first});
    first = static_cast<std::uint8_t>(words_.size());
  }

  /// The six bytes at p, read as two loads that stay within them.
  static std::uint64_t key(const char* p) noexcept {
    std::uint32_t lo = 0;
    std::uint16_t hi = 0;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + 4, 2);
    return lo | std::uint64_t{hi} << 32;
  }
  static std::size_t slot(std::uint64_t k) noexcept {
    return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15u) >> (64 - slot_bits));
  }
  static constexpr int slot_bits = 12;
  std::array<std::uint8_t, std::size_t{1} << slot_bits> slots_{};  // 1 + first word's index
  std::vector<entry> words_;
  prefix_classes prefixes_;
};

/// The words of a table that a text holds, found in one pass over it. A word of the
/// table begins with a byte that is no continuation byte, and the places tried are
/// all those where the first three bytes of one of its words may stand: for a
/// malformed text too, the words found are those a string search finds.
class word_finder {
 public:
  /// The places a word may begin at are found w at a time: the widest the processor
  /// has unless a test asks for another.
  word_finder(std::string_view s, const word_table& table, scan_width w = widest_scan_width())
      : s_(s), found_(words_in(s, table, w)) {}

  [[nodiscard]] std::string_view text() const noexcept { return s_; }
  /// Whether the text holds any of the words of `bits` (from the table's bits_of).
  [[nodiscard]] bool holds_any(std::uint64_t bits) const noexcept { return (found_ & bits) != 0; }
  /// How many different words of `bits` the text holds.
  [[nodiscard]] int count(std::uint64_t bits) const noexcept {
    return std::popcount(found_ & bits);
  }

 private:
  static constexpr std::size_t block = 64;  // places a prefix_places call finds
  static constexpr std::size_t reads = block + 2;

  /// The scan, a function of its own: inlined into a caller's loop, it lost its
  /// registers to the caller's and read them back from the stack at every place.
  [[gnu::noinline]] static std::uint64_t words_in(std::string_view s, const word_table& table,
                                                  scan_width w) {
    if (s.size() < word_table::key_bytes) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t last = s.size() - word_table::key_bytes + 1;  // places [0, last)
    std::uint64_t found = 0;
    for (std::size_t i = 0; i < last; i += block) {
      std::uint64_t places = 0;
      if (s.size() - i >= reads) {
        places = prefix_places(w, table.prefixes(), p + i);
      } else {  // the last block of the text, read from a copy with zeros after it
        std::array<unsigned char, reads> tail{};
        std::memcpy(tail.data(), p + i, s.size() - i);
        places = prefix_places(w, table.prefixes(), tail.data());
      }
      if (last - i < block) places &= (std::uint64_t{1} << (last - i)) - 1;
      for (; places != 0; places &= places - 1) {
        const std::size_t at = i + static_cast<unsigned>(std::countr_zero(places));
        found |= table.found_at(s.data() + at, s.size() - at);
      }
    }
    return found;
  }

  std::string_view s_;
  std::uint64_t found_ = 0;
};

}  // namespace gongwen::detail
