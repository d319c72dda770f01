// Large arrays: where the parser's big allocations ask for huge pages. Private to the
// library.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen::detail {

/// Ask the kernel to back the 2 MiB pages that lie whole inside [p, p + bytes) with
/// transparent huge pages, where it allows them (Linux with THP in "madvise" or
/// "always" mode; a no-op elsewhere, and for a block that holds no such page).
/// Called before the memory is first written, it turns the page faults of a 50 MB
/// text from some 12,000 into a few dozen, each zeroing 2 MiB at once: a fresh 50 MB
/// buffer is then written ~5× faster. An array whose capacity is not all written
/// costs up to one huge page more than with small pages. A hint only: nothing
/// changes where the kernel refuses it.
void advise_huge_pages(const void* p, std::size_t bytes) noexcept;

/// v.reserve(n), the new capacity advised as above.
template <class T>
void reserve_large(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  v.reserve(n);
  advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

/// v.resize(n, value), the memory advised before it is written.
template <class T>
void resize_large(std::vector<T>& v, std::size_t n, const T& value = T{}) {
  reserve_large(v, n);
  v.resize(n, value);
}

/// A copy of a large text, written into advised pages.
std::string copy_large(std::string_view s);

/// For a pass that reads a text from its start to its end: asks memory for the bytes
/// some way ahead of where the pass reads, so that they are in the cache when it gets
/// there. The processor's own prefetcher follows a plain stream of loads, but not a
/// pass that does much work per byte or reads a line at a time: over a text larger
/// than the cache such a pass waits on memory for much of its time (the UTF-8 check
/// ran at a third of its speed on a 50 MB text).
class read_ahead {
 public:
  static constexpr std::size_t distance = 4096;  // bytes ahead of the pass
  static constexpr std::size_t line = 64;        // bytes per request (a cache line)
  /// A smaller text stays in the cache from one pass to the next, and the requests
  /// would only cost time (7% of the section tree's on the corpus).
  static constexpr std::size_t min_text = std::size_t{1} << 20;

  /// For a pass that starts at offset `from`.
  explicit read_ahead(std::string_view text, std::size_t from = 0) noexcept
      : data_(text.data()), size_(text.size() >= min_text ? text.size() : 0), next_(from) {}

  /// The pass is about to read at offset `at`: request what lies up to `distance` past it.
  void at(std::size_t at) noexcept {
    const std::size_t want = std::min(at + distance, size_);
    for (; next_ < want; next_ += line) __builtin_prefetch(data_ + next_);
  }

  /// How far the text has been requested: every line that begins before this offset.
  [[nodiscard]] std::size_t requested() const noexcept { return next_; }

 private:
  const char* data_;
  std::size_t size_;  // the text's size, or 0 for a small text
  std::size_t next_;  // the first byte not yet requested
};

}  // namespace gongwen::detail
