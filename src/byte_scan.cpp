// find_pair and prefix_places: byte classes looked up with PSHUFB, 32 places at a time
// with AVX2 and 16 with SSSE3, chosen once by what the processor has; one place at a
// time elsewhere.
#include "byte_scan.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

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

std::uint64_t prefix_bytes(const prefix_classes& t, const unsigned char* p) noexcept {
  std::uint64_t places = 0;
  for (unsigned k = 0; k < 64; ++k)
    if (t.classes_at(p + k) != 0) places |= std::uint64_t{1} << k;
  return places;
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

/// The places of a block of 16 (32) from p where the classes of the three bytes from
/// there share a bit, with the tables of bytes 0, 1 and 2 (high and low nibbles).
__attribute__((target("ssse3"), always_inline)) inline unsigned prefix_hits16(
    const unsigned char* p, __m128i h0, __m128i l0, __m128i h1, __m128i l1, __m128i h2,
    __m128i l2) {
  const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  const __m128i c =
      _mm_and_si128(_mm_and_si128(classes(b0, h0, l0), classes(b1, h1, l1)), classes(b2, h2, l2));
  return ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_setzero_si128()))) &
         0xFFFFu;
}
__attribute__((target("avx2"), always_inline)) inline unsigned prefix_hits32(const unsigned char* p,
                                                                             __m256i h0, __m256i l0,
                                                                             __m256i h1, __m256i l1,
                                                                             __m256i h2,
                                                                             __m256i l2) {
  const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  const __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
  const __m256i c = _mm256_and_si256(_mm256_and_si256(classes(b0, h0, l0), classes(b1, h1, l1)),
                                     classes(b2, h2, l2));
  return ~static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(c, _mm256_setzero_si256())));
}

__attribute__((target("ssse3"))) std::uint64_t prefix_ssse3(const prefix_classes& t,
                                                            const unsigned char* p) noexcept {
  const auto* tables = reinterpret_cast<const __m128i*>(t.tables.data());
  const __m128i h0 = _mm_loadu_si128(tables + 0), l0 = _mm_loadu_si128(tables + 1);
  const __m128i h1 = _mm_loadu_si128(tables + 2), l1 = _mm_loadu_si128(tables + 3);
  const __m128i h2 = _mm_loadu_si128(tables + 4), l2 = _mm_loadu_si128(tables + 5);
  std::uint64_t places = 0;
  for (unsigned b = 0; b < 4; ++b)
    places |= std::uint64_t{prefix_hits16(p + 16 * b, h0, l0, h1, l1, h2, l2)} << (16 * b);
  return places;
}

__attribute__((target("avx2"))) std::uint64_t prefix_avx2(const prefix_classes& t,
                                                          const unsigned char* p) noexcept {
  const auto* tables = reinterpret_cast<const __m128i*>(t.tables.data());
  const __m256i h0 = _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 0));
  const __m256i l0 = _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 1));
  const __m256i h1 = _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 2));
  const __m256i l1 = _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 3));
  const __m256i h2 = _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 4));
  const __m256i l2 = _mm256_broadcastsi128_si256(_mm_loadu_si128(tables + 5));
  return std::uint64_t{prefix_hits32(p, h0, l0, h1, l1, h2, l2)} |
         std::uint64_t{prefix_hits32(p + 32, h0, l0, h1, l1, h2, l2)} << 32;
}

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

scan_width widest_scan_width() noexcept {
  static const scan_width widest = processor_scans_at(scan_width::thirty_two)
                                       ? scan_width::thirty_two
                                   : processor_scans_at(scan_width::sixteen) ? scan_width::sixteen
                                                                             : scan_width::one;
  return widest;
}

std::size_t find_pair(const pair_classes& t, std::string_view text, std::size_t from,
                      std::size_t to) noexcept {
  return find_pair_at(widest_scan_width(), t, text, from, to);
}

prefix_classes prefix_classes_of(std::span<const std::string_view> words) {
  std::vector<std::string_view> firsts;
  for (const std::string_view w : words)
    if (w.size() >= 3) firsts.push_back(w.substr(0, 3));
  std::sort(firsts.begin(), firsts.end());
  firsts.erase(std::unique(firsts.begin(), firsts.end()), firsts.end());
  prefix_classes t;
  const std::size_t n = firsts.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto bit = static_cast<std::uint8_t>(1u << (i * 8 / n));  // eight runs
    for (int k = 0; k < 3; ++k) {
      const auto b = static_cast<unsigned char>(firsts[i][k]);
      t.tables[2 * k][b >> 4] |= bit;
      t.tables[2 * k + 1][b & 15] |= bit;
    }
  }
  return t;
}

std::uint64_t prefix_places(scan_width w, const prefix_classes& t,
                            const unsigned char* p) noexcept {
#if defined(GONGWEN_HAVE_SHUFFLE_PATHS)
  if (w == scan_width::thirty_two) return prefix_avx2(t, p);
  if (w == scan_width::sixteen) return prefix_ssse3(t, p);
#endif
  return prefix_bytes(t, p);
}

}  // namespace gongwen::detail
