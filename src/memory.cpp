#include "memory.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace gongwen::detail {

void advise_huge_pages(const void* p, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // Only whole huge pages inside the block can be huge: the hint covers those alone,
  // so it never reaches the allocator's other blocks, and a small block is left alone.
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t begin = (at + huge - 1) & ~(huge - 1);
  const std::uintptr_t end = (at + bytes) & ~(huge - 1);
  if (end <= begin) return;
  // Where the kernel has no transparent huge pages this fails (EINVAL) and changes
  // nothing.
  (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

std::string copy_large(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  advise_huge_pages(out.data(), out.capacity());
  out.assign(s);
  return out;
}

}  // namespace gongwen::detail
