// find_pair: byte classes looked up with PSHUFB, 32 places at a time with AVX2 and
// 16 with SSSE3, chosen once by what the processor has; one place at a time elsewhere.
#include "byte_scan.hpp"

#include <cstddef>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define GONGWEN_HAVE_SHUFFLE_PATHS 1
#endif

namespace gongwen::detail {

static_assert(offsetof(pair_classes, lead_low) == 16 && offsetof(pair_classes, last_high) == 32 &&
                  offsetof(pair_classes, last_low) == 48,
              "the scans load the four tables as 16-byte blocks");

namespace {

/// The places [p, end) one at a time: the whole of a short range and the rest of a
/// long one. A lead with fewer than two bytes after it stops the scan if its class
/// may stand for a wanted character at all.
std::size_t scan_bytes(const pair_classes& t, const unsigned char* base, const unsigned char* p,
                       const unsigned char* end) noexcept {
  for (; p < end; ++p) {
    const std::uint8_t lead = t.lead_class(*p);
    if (lead != 0 && (end - p < 3 || (lead & t.last_class(p[2])) != 0)) break;
  }
  return static_cast<std::size_t>(p - base);
}

#if defined(GONGWEN_HAVE_SHUFFLE_PATHS)

// The classes of 32 (16) bytes: the high nibble's table and the low nibble's, ANDed.
__attribute__((target("avx2"), always_inline)) inline __m256i classes(__m256i v, __m256i high,
                                                                      __m256i low) {
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i h = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
  return _mm256_and_si256(_mm256_shuffle_epi8(high, h),
                          _mm256_shuffle_epi8(low, _mm256_and_si256(v, nibble)));
}
__attribute__((target("ssse3"), always_inline)) inline __m128i classes(__m128i v, __m128i high,
                                                                       __m128i low) {
  const __m128i nibble = _mm_set1_epi8(0x0F);
  const __m128i h = _mm_and_si128(_mm_srli_epi16(v, 4), nibble);
  return _mm_and_si128(_mm_shuffle_epi8(high, h), _mm_shuffle_epi8(low, _mm_and_si128(v, nibble)));
}

/// The places from p where a pair holds, a bit a place: 16 (32) places, reading 18 (34)
/// bytes.
__attribute__((target("ssse3"), always_inline)) inline unsigned hits16(const pair_classes& t,
                                                                       const unsigned char* p) {
  const auto* tables = reinterpret_cast<const __m128i*>(&t);
  const __m128i lead = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  const __m128i hit =
      _mm_and_si128(classes(lead, _mm_loadu_si128(tables + 0), _mm_loadu_si128(tables + 1)),
                    classes(last, _mm_loadu_si128(tables + 2), _mm_loadu_si128(tables + 3)));
  return ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(hit, _mm_setzero_si128()))) &
         0xFFFFu;
}
__attribute__((target("avx2"), always_inline)) inline unsigned hits32(const pair_classes& t,
                                                                      const unsigned char* p) {
  const auto* tables = reinterpret_cast<const __m128i*>(&t);  // loaded once a scan, inlined
  const __m256i lead = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i last = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  const __m256i hit =
      _mm256_and_si256(classes(lead, _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 0)),
                               _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 1))),
                       classes(last, _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 2)),
                               _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 3))));
  return ~static_cast<unsigned>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(hit, _mm256_setzero_si256())));
}

/// Blocks of Width places from p while they fit, then one block that ends where the
/// range does and overlaps places already read (their bits are dropped), then the last
/// two places are left to the caller. The scan returns the place where one is found;
/// else p is left at the places still to read.
#define GONGWEN_SCAN_BLOCKS(Width, hits)                                       \
  do {                                                                         \
    const unsigned char* const from = p;                                       \
    for (; end - p >= (Width) + 2; p += (Width))                               \
      if (const unsigned h = hits(t, p)) return (p - base) + __builtin_ctz(h); \
    if (end - from >= (Width) + 2 && end - p > 2) {                            \
      const unsigned char* const q = end - ((Width) + 2);                      \
      const std::uint64_t h = std::uint64_t{hits(t, q)} >> (p - q);            \
      if (h != 0) return (p - base) + __builtin_ctzll(h);                      \
      p = end - 2;                                                             \
    }                                                                          \
  } while (false)

__attribute__((target("ssse3"))) std::size_t scan_ssse3(const pair_classes& t,
                                                        const unsigned char* base,
                                                        const unsigned char* p,
                                                        const unsigned char* end) noexcept {
  GONGWEN_SCAN_BLOCKS(16, hits16);
  return scan_bytes(t, base, p, end);
}

__attribute__((target("avx2"))) std::size_t scan_avx2(const pair_classes& t,
                                                      const unsigned char* base,
                                                      const unsigned char* p,
                                                      const unsigned char* end) noexcept {
  GONGWEN_SCAN_BLOCKS(32, hits32);
  GONGWEN_SCAN_BLOCKS(16, hits16);  // a range shorter than a block of 32
  return scan_bytes(t, base, p, end);
}

#undef GONGWEN_SCAN_BLOCKS

#endif

}  // namespace

bool processor_scans_at(scan_width w) noexcept {
#if defined(GONGWEN_HAVE_SHUFFLE_PATHS)
  if (w == scan_width::thirty_two) return __builtin_cpu_supports("avx2");
  if (w == scan_width::sixteen) return __builtin_cpu_supports("ssse3");
#endif
  return w == scan_width::one;
}

std::size_t find_pair_at(scan_width w, const pair_classes& t, std::string_view text,
                         std::size_t from, std::size_t to) noexcept {
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
#if defined(GONGWEN_HAVE_SHUFFLE_PATHS)
  if (w == scan_width::thirty_two) return scan_avx2(t, base, base + from, base + to);
  if (w == scan_width::sixteen) return scan_ssse3(t, base, base + from, base + to);
#endif
  return scan_bytes(t, base, base + from, base + to);
}

std::size_t find_pair(const pair_classes& t, std::string_view text, std::size_t from,
                      std::size_t to) noexcept {
  static const scan_width widest = processor_scans_at(scan_width::thirty_two)
                                       ? scan_width::thirty_two
                                   : processor_scans_at(scan_width::sixteen) ? scan_width::sixteen
                                                                             : scan_width::one;
  return find_pair_at(widest, t, text, from, to);
}

}  // namespace gongwen::detail
