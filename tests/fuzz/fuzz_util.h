// Shared by the libFuzzer targets: input caps and the checks that turn a
// broken promise of a stage's header into a crash libFuzzer records.
#ifndef CLSDB_TESTS_FUZZ_FUZZ_UTIL_H_
#define CLSDB_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace clsdb::fuzz {

// Inputs larger than this are ignored: the targets look for logic errors,
// and big inputs only slow the search down (size limits are tested in
// tests/hostile/ with real files).
constexpr size_t kMaxInput = 64 * 1024;

// Aborts with a message when a property the code promises does not hold;
// libFuzzer saves the input that did it.
#define CLSDB_FUZZ_CHECK(cond)                                                      \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

// True when s is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF): what every stage after read/ may rely on.
inline bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + need >= s.size()) return false;  // cut short at the end
    for (size_t k = 1; k <= need; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
    }
    i += need + 1;
  }
  return true;
}

// Replaces every byte that is not part of a well-formed UTF-8 sequence with
// '?': stages after read/ are only ever given valid UTF-8 (DecodeText
// guarantees it), so a target for them must not feed anything else.
inline std::string MakeValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    while (len <= 4 && i + len <= s.size() && !IsValidUtf8(s.substr(i, len))) ++len;
    if (len <= 4 && i + len <= s.size()) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.push_back('?');
      ++i;
    }
  }
  return out;
}

}  // namespace clsdb::fuzz

#endif  // CLSDB_TESTS_FUZZ_FUZZ_UTIL_H_
