// Large arrays: where the parser's big allocations ask for huge pages. Private to the
// library.
#pragma once

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

}  // namespace gongwen::detail
