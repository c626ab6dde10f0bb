// SHA-256 (FIPS 180-4).  Written here rather than pulling in a crypto
// library: it is the only digest clsdb needs, to recognise a file seen before.
// Every input byte goes through it, so x86 CPUs with the SHA extensions use
// them (about ten times faster); the portable code is the reference.
#include "read/sha256.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "read/reader.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define CLSDB_SHA_NI 1
#endif

namespace clsdb {

namespace {

constexpr uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// The rounds are inlined into each compiled variant (CompressBlocksBmi2).
#if defined(__GNUC__) || defined(__clang__)
#define CLSDB_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define CLSDB_ALWAYS_INLINE inline
#endif

CLSDB_ALWAYS_INLINE uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// One round of the compression; the caller turns the roles of the eight
// working variables instead of moving them (d and h are the two that
// change).  Ch and Maj are written with three and four operations.
CLSDB_ALWAYS_INLINE void Round(uint32_t a, uint32_t b, uint32_t c, uint32_t& d, uint32_t e,
                               uint32_t f, uint32_t g, uint32_t& h, uint32_t kw) {
  const uint32_t t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + (g ^ (e & (f ^ g))) + kw;
  const uint32_t t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) | (c & (a | b)));
  d += t1;
  h = t1 + t2;
}

CLSDB_ALWAYS_INLINE void Compress(uint32_t h[8], const unsigned char* block) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i) {
    w[i] = (uint32_t(block[4 * i]) << 24) | (uint32_t(block[4 * i + 1]) << 16) |
           (uint32_t(block[4 * i + 2]) << 8) | uint32_t(block[4 * i + 3]);
  }
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  // Eight rounds bring every variable back to its role.
  for (int i = 0; i < 64; i += 8) {
    Round(a, b, c, d, e, f, g, hh, kK[i] + w[i]);
    Round(hh, a, b, c, d, e, f, g, kK[i + 1] + w[i + 1]);
    Round(g, hh, a, b, c, d, e, f, kK[i + 2] + w[i + 2]);
    Round(f, g, hh, a, b, c, d, e, kK[i + 3] + w[i + 3]);
    Round(e, f, g, hh, a, b, c, d, kK[i + 4] + w[i + 4]);
    Round(d, e, f, g, hh, a, b, c, kK[i + 5] + w[i + 5]);
    Round(c, d, e, f, g, hh, a, b, kK[i + 6] + w[i + 6]);
    Round(b, c, d, e, f, g, hh, a, kK[i + 7] + w[i + 7]);
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

void CompressBlocks(uint32_t h[8], const unsigned char* data, size_t blocks) {
  for (size_t i = 0; i < blocks; ++i) Compress(h, data + 64 * i);
}

#ifdef CLSDB_SHA_NI
// The portable code compiled for BMI2, whose rotate (rorx) leaves its
// operand in place: x86-64's ror overwrites it, so each of a round's six
// rotations needed a copy first.  For CPUs without the SHA extensions
// (Intel's before Ice Lake, and valgrind, which hides them): the
// 168-page shared PDF's 2.7 MB, callgrind: 138 M instructions portable,
// 121 M with BMI2.
__attribute__((target("bmi2"))) void CompressBlocksBmi2(uint32_t h[8], const unsigned char* data,
                                                        size_t blocks) {
  for (size_t i = 0; i < blocks; ++i) Compress(h, data + 64 * i);
}
#endif

#ifdef CLSDB_SHA_NI
// The same rounds with the SHA-NI instructions.  The state lives in two
// registers as ABEF and CDGH (the order sha256rnds2 wants); each iteration
// of the round loop does four rounds.
__attribute__((target("sha,ssse3,sse4.1"))) void CompressBlocksShaNi(uint32_t h[8],
                                                                     const unsigned char* data,
                                                                     size_t blocks) {
  const __m128i kByteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&h[0]));
  __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&h[4]));
  __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  for (size_t b = 0; b < blocks; ++b, data += 64) {
    const __m128i abef_in = abef, cdgh_in = cdgh;
    __m128i w[4];  // the message schedule, four words at a time, rolling
    for (int i = 0; i < 16; ++i) {
      __m128i& cur = w[i % 4];
      if (i < 4) {
        cur = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * i)),
                               kByteSwap);
      } else {
        // W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16], for t = 4i..4i+3.
        __m128i t = _mm_sha256msg1_epu32(w[i % 4], w[(i + 1) % 4]);
        t = _mm_add_epi32(t, _mm_alignr_epi8(w[(i + 3) % 4], w[(i + 2) % 4], 4));
        cur = _mm_sha256msg2_epu32(t, w[(i + 3) % 4]);
      }
      __m128i kw =
          _mm_add_epi32(cur, _mm_loadu_si128(reinterpret_cast<const __m128i*>(&kK[4 * i])));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, kw);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(kw, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef_in);
    cdgh = _mm_add_epi32(cdgh, cdgh_in);
  }
  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[0]), _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[4]), _mm_alignr_epi8(dchg, feba, 8));
}

bool CpuHasShaNi() {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
  const bool ssse3 = c & (1u << 9), sse41 = c & (1u << 19);
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
  return ssse3 && sse41 && (b & (1u << 29));
}

bool CpuHasBmi2() {
  unsigned a, b, c, d;
  return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 8));
}
#endif

using CompressFn = void (*)(uint32_t*, const unsigned char*, size_t);

std::string Digest(const std::string& bytes, CompressFn compress) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t full = n / 64;
  compress(h, data, full);
  unsigned char tail[128] = {0};
  size_t rest = n - 64 * full;
  std::memcpy(tail, data + 64 * full, rest);
  tail[rest] = 0x80;
  size_t tail_len = rest + 1 + 8 <= 64 ? 64 : 128;
  uint64_t bits = uint64_t(n) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  compress(h, tail, tail_len / 64);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (uint32_t v : h) {
    for (int s = 28; s >= 0; s -= 4) out += kHex[(v >> s) & 0xf];
  }
  return out;
}

}  // namespace

std::string Sha256Hex(const std::string& bytes) {
#ifdef CLSDB_SHA_NI
  static const CompressFn compress = CpuHasShaNi()  ? CompressBlocksShaNi
                                     : CpuHasBmi2() ? CompressBlocksBmi2
                                                    : CompressBlocks;
  return Digest(bytes, compress);
#else
  return Digest(bytes, CompressBlocks);
#endif
}

namespace internal {

std::string Sha256HexPortable(const std::string& bytes) { return Digest(bytes, CompressBlocks); }

std::string Sha256HexBmi2(const std::string& bytes) {
#ifdef CLSDB_SHA_NI
  if (CpuHasBmi2()) return Digest(bytes, CompressBlocksBmi2);
#endif
  return Digest(bytes, CompressBlocks);
}

bool Sha256UsesCpuExtensions() {
#ifdef CLSDB_SHA_NI
  return CpuHasShaNi();
#else
  return false;
#endif
}

}  // namespace internal

}  // namespace clsdb
