// UTF-8 checked in blocks with SIMD instructions, where the processor has them.
// Private to the library.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gongwen::detail {

/// Control bytes that later passes look for, as the check saw them or not.
struct seen_bytes {
  bool nul = false;  // 00: reported as a warning
  bool cr = false;   // 0D: a line end
};

/// How far p[0, n) reads as UTF-8 when checked in blocks: a multiple of 32 bytes q
/// such that p[0, q) is well-formed, except that a sequence begun in its last three
/// bytes may be unfinished (the bytes after q decide). leads is then the number of
/// lead bytes (C0-FF) in p[0, q), and seen says whether p[0, q) holds a NUL or a CR
/// byte, so that the passes looking for them need not read it again. 0 where the
/// processor has no AVX2, or n < 32.
///
/// With marks (room for n / 4096 + 1), marks[k] is set to the number of code points
/// (bytes other than continuation bytes) in p[0, 4096 k) for each k with 4096 k <= q:
/// the index of character positions, counted in the same pass.
std::size_t checked_utf8_prefix(const unsigned char* p, std::size_t n, std::size_t& leads,
                                seen_bytes& seen, std::uint32_t* marks = nullptr);

}  // namespace gongwen::detail
