// Looking for many words in one short text. Private to the library.
//
// The noise checks ask a short line whether it holds any of some fifty words
// (订阅, 扫一扫, ICP备 …). Searching for each in turn reads the line fifty times;
// instead the line is read once, and each place where a character starts is noted
// by its first three bytes. A word whose first three bytes the line never starts a
// character with is ruled out with one bit test, and only the others are searched.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "text.hpp"

namespace gongwen::detail {

/// Which bit of a word_finder's mask stands for three bytes: their hash picks a slot,
/// and the slots of the words given have a bit each (up to 63); every other slot
/// shares the last bit, which is always set. So a word is never ruled out wrongly, whatever
/// the words given here: they only decide which words are ruled out precisely.
class word_slots {
 public:
  static constexpr int shared_bit = 63;

  template <class... Lists>
  explicit word_slots(const Lists&... lists) {
    bit_of_.fill(shared_bit);
    int next = 0;
    [[maybe_unused]] auto add = [&](std::string_view w) {
      if (w.size() < 3) return;
      std::uint8_t& bit = bit_of_[slot(w.data())];
      if (bit != shared_bit) return;  // a word with the same slot has it already
      bit = static_cast<std::uint8_t>(next);
      next = (next + 1) % shared_bit;  // past 63 slots, bits are shared: still no word missed
    };
    (..., [&] {
      for (std::string_view w : lists) add(w);
    }());
  }

  /// The mask bit of the three bytes at p.
  [[nodiscard]] std::uint64_t bit(const char* p) const noexcept {
    return std::uint64_t{1} << bit_of_[slot(p)];
  }

 private:
  static std::size_t slot(const char* s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s);
    const std::uint32_t bytes = p[0] | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16;
    return (bytes * 0x9E3779B1u) >> (32 - slot_bits);
  }
  static constexpr int slot_bits = 12;
  static constexpr std::size_t slots = std::size_t{1} << slot_bits;
  std::array<std::uint8_t, slots> bit_of_{};
};

/// The places of a text where characters start, by their first three bytes, as a
/// mask of word_slots bits. A word starts where a character does, on a byte that is
/// no continuation byte: every such byte is noted, which for a malformed text is more
/// places, never fewer.
class word_finder {
 public:
  word_finder(std::string_view s, const word_slots& slots) : s_(s), slots_(slots) {
    const char* p = s.data();
    const std::size_t last = s.size() < 3 ? 0 : s.size() - 2;  // places [0, last)
    std::uint64_t mask = std::uint64_t{1} << word_slots::shared_bit;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time: a mask of the bytes that are no continuation byte.
    for (; i + 16 <= last; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      auto starts = ~static_cast<unsigned>(_mm_movemask_epi8(continuation_bytes(v))) & 0xFFFFu;
      for (; starts != 0; starts &= starts - 1)
        mask |= slots.bit(p + i + static_cast<unsigned>(__builtin_ctz(starts)));
    }
#endif
    for (; i < last; ++i)
      if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) mask |= slots.bit(p + i);
    mask_ = mask;
  }

  [[nodiscard]] std::string_view text() const noexcept {
    return s_;
  }
  /// False when w is surely not in the text; true when it may be.
  [[nodiscard]] bool may_contain(std::string_view w) const noexcept {
    return w.size() < 3 || (mask_ & slots_.bit(w.data())) != 0;
  }
  [[nodiscard]] bool contains(std::string_view w) const noexcept {
    return may_contain(w) && detail::contains(s_, w);
  }
  template <class Words = std::initializer_list<std::string_view>>
  [[nodiscard]] bool contains_any(const Words& words) const noexcept {
    for (std::string_view w : words)
      if (contains(w)) return true;
    return false;
  }

 private:
  std::string_view s_;
  const word_slots& slots_;
  std::uint64_t mask_ = 0;
};

}  // namespace gongwen::detail
