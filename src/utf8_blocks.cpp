// UTF-8 checked 32 bytes at a time with AVX2, where the processor has it.
//
// The method is the one of Keiser and Lemire, "Validating UTF-8 in less than one
// instruction per byte" (Software: Practice and Experience, 2021): every error in
// UTF-8 shows in a byte and the one or two bytes before it, so three table lookups
// (the high and low nibble of the byte before, the high nibble of the byte) give a set
// of error kinds each, and their intersection is empty exactly when the pair is
// allowed. Continuations that a three- or four-byte lead two or three bytes back asks
// for are checked apart. The tables below are derived from the UTF-8 definition (RFC
// 3629) as the comments show; tests hold the result to the scalar decoder over every
// one-, two- and three-byte sequence at every place in a block.
#include "utf8_blocks.hpp"

#include <algorithm>

#include "memory.hpp"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define GONGWEN_HAVE_AVX2_PATH 1
#endif

namespace gongwen::detail {

#if defined(GONGWEN_HAVE_AVX2_PATH)

namespace {

// Error kinds, one bit each, of a pair (the byte before, the byte).
constexpr char too_short = 1 << 0;  // a lead, then no continuation: 11______ 0_______ / 11______
constexpr char too_long = 1 << 1;   // a continuation with no lead: 0_______ 10______
constexpr char overlong3 = 1 << 2;  // 11100000 100_____
constexpr char too_large = 1 << 3;  // above U+10FFFF: 11110100 1001____, 11110100 101_____,
                                    // 11110101-11111111 ________
constexpr char surrogate = 1 << 4;  // 11101101 101_____
constexpr char overlong2 = 1 << 5;  // 1100000_ 10______
constexpr char large1000 = 1 << 6;  // 11110101-11111111 1000____ (with too_large)
constexpr char overlong4 = 1 << 6;  // 11110000 1000____ (shares its bit: both need 1000____)
constexpr char two_conts = static_cast<char>(1 << 7);     // 10______ 10______
constexpr char carry = too_short | too_long | two_conts;  // kinds the low nibble leaves open

__attribute__((target("avx2"))) inline __m256i table(char a0, char a1, char a2, char a3, char a4,
                                                     char a5, char a6, char a7, char a8, char a9,
                                                     char a10, char a11, char a12, char a13,
                                                     char a14, char a15) {
  return _mm256_setr_epi8(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a0,
                          a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15);
}

/// The bytes of `in` moved up by N places, the last N bytes of `prev` coming in below.
template <int N>
__attribute__((target("avx2"))) inline __m256i shifted_in(__m256i in, __m256i prev) {
  return _mm256_alignr_epi8(in, _mm256_permute2x128_si256(prev, in, 0x21), 16 - N);
}

__attribute__((target("avx2"))) inline __m256i high_nibbles(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

/// Errors of one block of 32 bytes, given the block before it.
__attribute__((target("avx2"))) inline __m256i block_errors(__m256i in, __m256i prev) {
  const __m256i prev1 = shifted_in<1>(in, prev);
  // The byte before, by its high nibble: what may follow an ASCII byte, a
  // continuation, or a lead of two, three or four bytes.
  const __m256i by_prev_high = _mm256_shuffle_epi8(
      table(too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long,
            two_conts, two_conts, two_conts, two_conts, too_short | overlong2, too_short,
            too_short | overlong3 | surrogate, too_short | too_large | large1000 | overlong4),
      high_nibbles(prev1));
  // The byte before, by its low nibble: which leads are overlong (C0 C1 E0 F0), a
  // surrogate's (ED) or above U+10FFFF (F4-FF).
  const __m256i by_prev_low = _mm256_shuffle_epi8(
      table(carry | overlong3 | overlong2 | overlong4, carry | overlong2, carry, carry,
            carry | too_large, carry | too_large | large1000, carry | too_large | large1000,
            carry | too_large | large1000, carry | too_large | large1000,
            carry | too_large | large1000, carry | too_large | large1000,
            carry | too_large | large1000, carry | too_large | large1000,
            carry | too_large | large1000 | surrogate, carry | too_large | large1000,
            carry | too_large | large1000),
      _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
  // The byte itself, by its high nibble: ASCII or a lead where a continuation was due,
  // or which continuations (80-8F, 90-9F, A0-BF) are wrong after the byte before.
  constexpr char cont_80 = too_long | overlong2 | two_conts | overlong3 | large1000 | overlong4;
  constexpr char cont_90 = too_long | overlong2 | two_conts | overlong3 | too_large;
  constexpr char cont_a0 = too_long | overlong2 | two_conts | surrogate | too_large;
  const __m256i by_high = _mm256_shuffle_epi8(
      table(too_short, too_short, too_short, too_short, too_short, too_short, too_short, too_short,
            cont_80, cont_90, cont_a0, cont_a0, too_short, too_short, too_short, too_short),
      high_nibbles(in));
  const __m256i pair_errors =
      _mm256_and_si256(_mm256_and_si256(by_prev_high, by_prev_low), by_high);
  // A continuation due as the second or third after a lead of three or four bytes
  // (E0-EF two bytes back, F0-FF three back) is a two_conts pair that is no error.
  const __m256i third = _mm256_subs_epu8(shifted_in<2>(in, prev), _mm256_set1_epi8(0xE0 - 0x80));
  const __m256i fourth = _mm256_subs_epu8(shifted_in<3>(in, prev), _mm256_set1_epi8(0xF0 - 0x80));
  const __m256i due =
      _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(due, pair_errors);
}

/// The sum of the 32 bytes of v, each read as unsigned.
__attribute__((target("avx2"))) inline std::size_t byte_sum(__m256i v) {
  const __m256i sums = _mm256_sad_epu8(v, _mm256_setzero_si256());  // four 64-bit sums
  const __m128i pair =
      _mm_add_epi64(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
  return static_cast<std::size_t>(_mm_cvtsi128_si64(pair)) +
         static_cast<std::size_t>(_mm_extract_epi64(pair, 1));
}

__attribute__((target("avx2"))) std::size_t checked_prefix_avx2(const unsigned char* p,
                                                                std::size_t n, std::size_t& leads,
                                                                seen_bytes& seen,
                                                                std::uint32_t* marks) {
  std::size_t i = 0;
  std::size_t count = 0;
  std::size_t continuations = 0;
  __m256i prev = _mm256_setzero_si256();
  __m256i nuls = _mm256_setzero_si256();  // 0xFF in a byte where some block had a NUL
  __m256i crs = _mm256_setzero_si256();   // or a CR
  unsigned prev_high_bits = 0;
  const __m256i zero = _mm256_setzero_si256();
  // Continuation bytes (80-BF) are those below -64 as signed bytes.
  const __m256i above_continuation = _mm256_set1_epi8(-64);
  read_ahead ahead(std::string_view(reinterpret_cast<const char*>(p), n));
  bool error = false;
  while (!error && i + 32 <= n) {
    if (i % 4096 == 0 && marks != nullptr)
      marks[i / 4096] = static_cast<std::uint32_t>(i - continuations);
    // The blocks up to the next 4 KiB: each byte lane counts the continuations and
    // the bytes of 80-FF it saw (at most 128 each, within a byte), added up once.
    const std::size_t stretch_end = std::min((i / 4096 + 1) * 4096, i + (n - i) / 32 * 32);
    __m256i conts = zero;
    __m256i highs = zero;
    for (; i < stretch_end; i += 32) {
      ahead.at(i);
      const __m256i in = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
      const auto high_bits = static_cast<unsigned>(_mm256_movemask_epi8(in));
      // ASCII after ASCII cannot be wrong; ASCII after other bytes only where a
      // sequence was cut short.
      if ((high_bits | prev_high_bits) != 0) {
        const __m256i errors = block_errors(in, prev);
        if (!_mm256_testz_si256(errors, errors)) {
          error = true;
          break;
        }
        conts = _mm256_sub_epi8(conts, _mm256_cmpgt_epi8(above_continuation, in));
        highs = _mm256_sub_epi8(highs, _mm256_cmpgt_epi8(zero, in));
      }
      nuls = _mm256_or_si256(nuls, _mm256_cmpeq_epi8(in, zero));
      crs = _mm256_or_si256(crs, _mm256_cmpeq_epi8(in, _mm256_set1_epi8('\r')));
      prev = in;
      prev_high_bits = high_bits;
    }
    const std::size_t stretch_conts = byte_sum(conts);
    continuations += stretch_conts;
    count += byte_sum(highs) - stretch_conts;  // leads: C0-FF
  }
  if (i % 4096 == 0 && marks != nullptr)
    marks[i / 4096] = static_cast<std::uint32_t>(i - continuations);
  leads = count;
  seen.nul = !_mm256_testz_si256(nuls, nuls);
  seen.cr = !_mm256_testz_si256(crs, crs);
  return i;
}

bool has_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}

}  // namespace

#endif

std::size_t checked_utf8_prefix([[maybe_unused]] const unsigned char* p,
                                [[maybe_unused]] std::size_t n, std::size_t& leads,
                                seen_bytes& seen, std::uint32_t* marks) {
  leads = 0;
  seen = {};
  if (marks != nullptr) marks[0] = 0;
#if defined(GONGWEN_HAVE_AVX2_PATH)
  if (n >= 32 && has_avx2()) return checked_prefix_avx2(p, n, leads, seen, marks);
#endif
  return 0;
}

}  // namespace gongwen::detail
