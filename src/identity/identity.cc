#include "identity/identity.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace clsdb {

namespace {

// A 64-bit mix (splitmix64's finaliser): the slots' hash functions are this
// applied to the shingle's hash plus a per-slot constant.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Removes a hyphen that ends a line after a letter, with the line break and
// the spaces around it, so that a word a PDF hyphenated is one word again.
// A compound cut there ("Hauts-" + "de-France") loses its hyphen too, in
// every format alike: the fingerprint only needs to be the same.
std::string JoinHyphenatedLines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // The text between two hyphens is copied as one piece: a hyphen is rare,
  // and a byte-by-byte copy was a tenth of a fingerprint's instructions.
  size_t i = 0;
  while (i < text.size()) {
    const size_t hyphen = std::min(text.find('-', i), text.size());
    out.append(text, i, hyphen - i);
    i = hyphen;
    if (i == text.size()) break;
    if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
      size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < text.size() && text[j] == '\n') {
        ++j;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
        i = j;
        continue;
      }
    }
    out += '-';
    ++i;
  }
  return out;
}

// The words of text, UTF-8, one after the other in `chars`; word i is
// chars[ends[i-1], ends[i]).  One buffer for all words instead of a string
// each: a 400 KB contract has 60,000 words.
struct Words {
  std::string chars;
  std::vector<std::uint32_t> ends;

  size_t size() const { return ends.size(); }
  std::string_view operator[](size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(chars).substr(begin, ends[i] - begin);
  }
};

// Adds code point c of the NFKC, case-folded text to words: a word is
// letters and digits (u_isalnum), and the combining marks after one;
// anything else ends it.
void AddFoldedCodePoint(UChar32 c, Words& words, size_t& word_start) {
  auto flush = [&] {
    if (words.chars.size() == word_start) return;
    words.ends.push_back(static_cast<std::uint32_t>(words.chars.size()));
    word_start = words.chars.size();
  };
  if (c < 0x80) {
    // ASCII: letters and digits are the alphanumerics, none combines.
    const char a = static_cast<char>(c);
    if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9') || (a >= 'A' && a <= 'Z')) {
      words.chars += a;
    } else {
      flush();
    }
  } else if (u_isalnum(c)) {
    AppendUtf8(static_cast<uint32_t>(c), &words.chars);
  } else if (u_getCombiningClass(c) != 0 && words.chars.size() != word_start) {
    AppendUtf8(static_cast<uint32_t>(c), &words.chars);  // a combining accent belongs to its letter
  } else {
    flush();
  }
}

// NFKC, then case folding, by ICU, of utf8; each code point of the result
// goes to AddFoldedCodePoint.  fromUTF8 turns invalid bytes into U+FFFD, so
// every code point met is a scalar value.
void AddNormalized(std::string_view utf8, Words& words, size_t& word_start) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normal = nfkc->normalize(u, status);
    if (U_SUCCESS(status)) u = normal;
  }
  u.foldCase();
  const char16_t* s = u.getBuffer();
  const int32_t n = u.length();
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(s, i, n, c);
    AddFoldedCodePoint(c, words, word_start);
  }
}

// The code points below kFastLimit that start a normalisation segment of
// their own (Normalizer2::hasBoundaryBefore: nothing before them changes
// their NFKC, nor theirs what comes before), each with its NFKC, case-folded
// form: ASCII, the Latin letters of French and the punctuation of its
// texts.  Asked of ICU once, so that a text made of them is cut into words
// without ICU: the same words as NFKC and case folding over the whole text.
constexpr UChar32 kFastLimit = 0x2070;
struct FastForms {
  std::vector<unsigned char> fast;  // by code point: 1 when fast
  std::vector<std::u16string> of;   // the folded form, by code point
};
const FastForms& Fast() {
  static const FastForms forms = [] {
    FastForms f;
    f.fast.assign(kFastLimit, false);
    f.of.resize(kFastLimit);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return f;
    auto take = [&](UChar32 from, UChar32 to) {
      for (UChar32 c = from; c < to; ++c) {
        if (!nfkc->hasBoundaryBefore(c)) continue;
        UErrorCode s = U_ZERO_ERROR;
        icu::UnicodeString form = nfkc->normalize(icu::UnicodeString(c), s);
        if (U_FAILURE(s)) continue;
        form.foldCase();
        bool bmp = true;  // a surrogate would not be a code point of its own
        for (int32_t k = 0; k < form.length(); ++k) bmp = bmp && !U16_IS_SURROGATE(form[k]);
        if (!bmp) continue;
        f.fast[c] = 1;
        f.of[c].assign(form.getBuffer(), static_cast<size_t>(form.length()));
      }
    };
    take(0, 0x180);        // ASCII, Latin-1, Latin Extended-A (Œ, œ)
    take(0x2000, 0x2070);  // general punctuation: ’ “ ” – — … and the spaces
    return f;
  }();
  return forms;
}

// The code point at text[i], or -1 when it is not one of Fast()'s (*len is
// its length either way: one byte of an ill-formed sequence).
int32_t FastCodePoint(std::string_view text, size_t i, size_t* len) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + i;
  const FastForms& fast = Fast();
  if (s[0] < 0x80) {
    *len = 1;
    return fast.fast[s[0]] ? s[0] : -1;
  }
  const int32_t c = DecodeUtf8(s, text.size() - i, len);
  if (c < 0) {
    *len = 1;
    return -1;
  }
  return c < kFastLimit && fast.fast[c] ? c : -1;
}

// Each ASCII byte's folded form: itself for a lower-case letter or a digit,
// its lower case for a capital, 0 for a byte that ends a word.
constexpr std::array<char, 128> kAsciiFold = [] {
  std::array<char, 128> fold{};
  for (int a = 0; a < 128; ++a) {
    if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) fold[a] = static_cast<char>(a);
    if (a >= 'A' && a <= 'Z') fold[a] = static_cast<char>(a + ('a' - 'A'));
  }
  return fold;
}();

// Adds a run of ASCII bytes, each a segment of its own (the next byte is
// ASCII too), to words: written straight into the buffer, since a
// character-by-character append was most of the words' instructions.
void AddAsciiRun(std::string_view run, Words& words, size_t& word_start) {
  const size_t before = words.chars.size();
  words.chars.resize(before + run.size());
  char* const begin = words.chars.data();
  char* out = begin + before;
  for (const char a : run) {
    const char folded = kAsciiFold[static_cast<unsigned char>(a)];
    if (folded != 0) {
      *out++ = folded;
    } else if (out != begin + word_start) {
      word_start = static_cast<size_t>(out - begin);
      words.ends.push_back(static_cast<std::uint32_t>(word_start));
    }
  }
  words.chars.resize(static_cast<size_t>(out - begin));
}

// The words of text (see identity.h): as if NFKC and case folding by ICU
// ran over the whole text, and then each code point went to
// AddFoldedCodePoint.  A code point of Fast() followed by another (or by
// the end) is one segment, its folded form known; the other code points go
// to ICU in runs, each with the fast code point before it (which they may
// compose with) and ended before the next fast one (a boundary).
Words SplitWords(std::string_view text) {
  const std::string joined = JoinHyphenatedLines(text);
  const std::string_view t = joined;
  const FastForms& fast = Fast();
  Words words;
  words.chars.reserve(joined.size());
  size_t word_start = 0;
  size_t len = 0;
  int32_t c = t.empty() ? -1 : FastCodePoint(t, 0, &len);
  for (size_t i = 0; i < t.size();) {
    // ASCII followed by ASCII, the bulk of a French text: each its own
    // segment, folded as ASCII folds.
    size_t run_end = i;
    // Eight bytes at a time while none has its high bit set, then byte by byte.
    for (std::uint64_t eight; run_end + 8 <= t.size(); run_end += 8) {
      std::memcpy(&eight, t.data() + run_end, 8);
      if ((eight & 0x8080808080808080ULL) != 0) break;
    }
    while (run_end < t.size() && static_cast<unsigned char>(t[run_end]) < 0x80) ++run_end;
    if (run_end > i + 1) {
      AddAsciiRun(t.substr(i, run_end - 1 - i), words, word_start);
      i = run_end - 1, c = static_cast<unsigned char>(t[i]), len = 1;
    }
    size_t next_len = 0;
    const size_t next = i + len;
    const int32_t d = next < t.size() ? FastCodePoint(t, next, &next_len) : 0;
    if (c >= 0 && (next >= t.size() || d >= 0)) {
      if (c < 0x80) {  // folds as ASCII does (identity_test checks Fast() agrees)
        AddFoldedCodePoint(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c, words, word_start);
      } else {
        for (char16_t u : fast.of[c]) AddFoldedCodePoint(u, words, word_start);
      }
      i = next, c = d, len = next_len;
      continue;
    }
    // A run for ICU: from i up to the next fast code point.
    size_t end = next;
    int32_t e = d;
    size_t e_len = next_len;
    while (end < t.size() && e < 0) {
      end += e_len;
      e = end < t.size() ? FastCodePoint(t, end, &e_len) : 0;
    }
    AddNormalized(t.substr(i, end - i), words, word_start);
    i = end, c = e, len = e_len;
  }
  AddFoldedCodePoint(' ', words, word_start);  // ends the last word
  return words;
}

// The per-slot constants of the MinHash functions: Mix(slot), computed once.
const std::array<std::uint64_t, kMinHashSlots>& SlotSeeds() {
  static const std::array<std::uint64_t, kMinHashSlots> seeds = [] {
    std::array<std::uint64_t, kMinHashSlots> out{};
    for (int slot = 0; slot < kMinHashSlots; ++slot) {
      out[slot] = Mix(static_cast<std::uint64_t>(slot));
    }
    return out;
  }();
  return seeds;
}

// The signature of a set of shingles: slot i is the least low 32 bits of
// Mix(s ^ Mix(i)) over the shingles s.
std::array<std::uint32_t, kMinHashSlots> MinHashPortable(
    const std::vector<std::uint64_t>& shingles) {
  const std::array<std::uint64_t, kMinHashSlots>& seeds = SlotSeeds();
  std::array<std::uint32_t, kMinHashSlots> minhash;
  minhash.fill(std::numeric_limits<std::uint32_t>::max());
  for (std::uint64_t s : shingles) {
    for (int slot = 0; slot < kMinHashSlots; ++slot) {
      const auto h = static_cast<std::uint32_t>(Mix(s ^ seeds[slot]));
      minhash[slot] = std::min(minhash[slot], h);
    }
  }
  return minhash;
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same with eight slots at a time (AVX-512 has 64-bit multiplies): the
// signature is 128 Mix()es per shingle, most of a fingerprint's time.  Each
// lane keeps the least low half of its slot's hashes, as a 64-bit value.
using Lanes = std::uint64_t __attribute__((vector_size(64)));
__attribute__((target("avx512f,avx512dq"))) std::array<std::uint32_t, kMinHashSlots> MinHashWide(
    const std::vector<std::uint64_t>& shingles) {
  constexpr int kLanes = 8, kGroups = kMinHashSlots / kLanes;
  static_assert(kMinHashSlots % kLanes == 0);
  const std::array<std::uint64_t, kMinHashSlots>& seeds = SlotSeeds();
  Lanes seed[kGroups], least[kGroups];
  for (int g = 0; g < kGroups; ++g) {
    std::memcpy(&seed[g], &seeds[g * kLanes], sizeof(Lanes));
    least[g] = Lanes{} + std::numeric_limits<std::uint32_t>::max();
  }
  for (std::uint64_t s : shingles) {
    for (int g = 0; g < kGroups; ++g) {
      Lanes x = (seed[g] ^ s) + 0x9e3779b97f4a7c15ULL;  // Mix, lane by lane
      x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
      x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
      x = (x ^ (x >> 31)) & 0xffffffffULL;
      least[g] = x < least[g] ? x : least[g];
    }
  }
  std::array<std::uint32_t, kMinHashSlots> minhash;
  for (int g = 0; g < kGroups; ++g) {
    for (int l = 0; l < kLanes; ++l)
      minhash[g * kLanes + l] = static_cast<std::uint32_t>(least[g][l]);
  }
  return minhash;
}

// The same with four slots at a time, for CPUs with AVX2 and no AVX-512
// (and for valgrind, which hides AVX-512): AVX2 has no 64-bit multiply, but
// three 32-bit ones per lane still cost half the portable loop's
// instructions (callgrind, corpus/real/text: 2.78 G -> 2.66 G in all).  A lane's
// value is below 2^32, so the signed 64-bit compare AVX2 has orders it.
using Lanes4 = std::uint64_t __attribute__((vector_size(32)));
using SignedLanes4 = std::int64_t __attribute__((vector_size(32)));
__attribute__((target("avx2"))) std::array<std::uint32_t, kMinHashSlots> MinHashAvx2(
    const std::vector<std::uint64_t>& shingles) {
  constexpr int kLanes = 4, kGroups = kMinHashSlots / kLanes;
  static_assert(kMinHashSlots % kLanes == 0);
  const std::array<std::uint64_t, kMinHashSlots>& seeds = SlotSeeds();
  Lanes4 seed[kGroups];
  SignedLanes4 least[kGroups];
  for (int g = 0; g < kGroups; ++g) {
    std::memcpy(&seed[g], &seeds[g * kLanes], sizeof(Lanes4));
    least[g] = SignedLanes4{} + std::numeric_limits<std::uint32_t>::max();
  }
  for (std::uint64_t s : shingles) {
    for (int g = 0; g < kGroups; ++g) {
      Lanes4 x = (seed[g] ^ s) + 0x9e3779b97f4a7c15ULL;  // Mix, lane by lane
      x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
      x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
      const auto low = reinterpret_cast<SignedLanes4>((x ^ (x >> 31)) & 0xffffffffULL);
      least[g] = low < least[g] ? low : least[g];
    }
  }
  std::array<std::uint32_t, kMinHashSlots> minhash;
  for (int g = 0; g < kGroups; ++g) {
    for (int l = 0; l < kLanes; ++l)
      minhash[g * kLanes + l] = static_cast<std::uint32_t>(least[g][l]);
  }
  return minhash;
}
#endif

bool HasWideMinHash() {
#if defined(__x86_64__) && defined(__GNUC__)
  static const bool wide = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
  return wide;
#else
  return false;
#endif
}

bool HasAvx2MinHash() {
#if defined(__x86_64__) && defined(__GNUC__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
#else
  return false;
#endif
}

std::array<std::uint32_t, kMinHashSlots> MinHash(const std::vector<std::uint64_t>& shingles) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (HasWideMinHash()) return MinHashWide(shingles);
  if (HasAvx2MinHash()) return MinHashAvx2(shingles);
#endif
  return MinHashPortable(shingles);
}

// The distinct values of a list of shingle hashes, in the order first met:
// an open-addressing set, which costs a few instructions a hash, where
// sorting them cost tens (the signature is a minimum over the set, so it
// does not depend on the order).  The hashes are FNV-1a values; the set's
// slot is their Fibonacci hash's top bits, 0 marks an empty slot and a
// hash of 0 is kept apart.
std::vector<std::uint64_t> DistinctShingles(const std::vector<std::uint64_t>& shingles) {
  std::vector<std::uint64_t> distinct;
  distinct.reserve(shingles.size());
  const size_t slots = std::bit_ceil(std::max<size_t>(16, 2 * shingles.size()));
  const int shift = 64 - std::countr_zero(slots);
  std::vector<std::uint64_t> table(slots, 0);
  bool zero = false;
  for (const std::uint64_t h : shingles) {
    if (h == 0) {
      if (!zero) distinct.push_back(h);
      zero = true;
      continue;
    }
    size_t at = static_cast<size_t>((h * 0x9e3779b97f4a7c15ULL) >> shift);
    while (table[at] != 0 && table[at] != h) at = (at + 1) & (slots - 1);
    if (table[at] == 0) {
      table[at] = h;
      distinct.push_back(h);
    }
  }
  return distinct;
}

}  // namespace

std::vector<std::string> ContentWords(std::string_view text) {
  const Words words = SplitWords(text);
  std::vector<std::string> out;
  out.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i) out.emplace_back(words[i]);
  return out;
}

std::vector<std::string> ContentWordsByIcu(std::string_view text) {
  Words words;
  size_t word_start = 0;
  AddNormalized(JoinHyphenatedLines(text), words, word_start);
  AddFoldedCodePoint(' ', words, word_start);
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) out.emplace_back(words[i]);
  return out;
}

std::vector<std::uint32_t> MinHashSignature(const std::vector<std::uint64_t>& shingles,
                                            MinHashLoop loop) {
  std::array<std::uint32_t, kMinHashSlots> signature;
  if (loop == MinHashLoop::kPortable) {
    signature = MinHashPortable(shingles);
#if defined(__x86_64__) && defined(__GNUC__)
  } else if (loop == MinHashLoop::kAvx512 && HasWideMinHash()) {
    signature = MinHashWide(shingles);
  } else if (loop == MinHashLoop::kAvx2 && HasAvx2MinHash()) {
    signature = MinHashAvx2(shingles);
#endif
  } else {
    return {};
  }
  return std::vector<std::uint32_t>(signature.begin(), signature.end());
}

ContentFingerprint FingerprintPages(const std::vector<std::string>& pages) {
  std::string text;
  for (const std::string& page : pages) {
    text += page;
    text += '\n';
  }
  return FingerprintText(text);
}

ContentFingerprint FingerprintText(std::string_view text) {
  const Words words = SplitWords(text);
  // Each shingle's hash: FNV-1a over " w1 w2 w3 w4 w5", read straight from
  // the words' buffer.
  std::vector<std::uint64_t> all;
  if (words.size() >= static_cast<size_t>(kShingleWords)) {
    all.reserve(words.size() - kShingleWords + 1);
  }
  const auto* chars = reinterpret_cast<const unsigned char*>(words.chars.data());
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t k = i; k < i + kShingleWords; ++k) {
      h = (h ^ static_cast<unsigned char>(' ')) * 0x100000001b3ULL;
      for (size_t c = k == 0 ? 0 : words.ends[k - 1]; c < words.ends[k]; ++c) {
        h = (h ^ chars[c]) * 0x100000001b3ULL;
      }
    }
    all.push_back(h);
  }
  const std::vector<std::uint64_t> shingles = DistinctShingles(all);
  ContentFingerprint fp;
  if (static_cast<int>(shingles.size()) < kMinShingles) return fp;
  fp.shingles = static_cast<int>(shingles.size());
  const std::array<std::uint32_t, kMinHashSlots> minhash = MinHash(shingles);
  fp.minhash.assign(minhash.begin(), minhash.end());
  for (int band = 0; band < kBands; ++band) {
    std::uint64_t h = Mix(static_cast<std::uint64_t>(band) + 1);
    for (int r = 0; r < kRowsPerBand; ++r) h = Mix(h ^ fp.minhash[band * kRowsPerBand + r]);
    fp.bands.push_back(static_cast<std::int64_t>(h));
  }
  return fp;
}

double EstimatedSimilarity(const ContentFingerprint& a, const ContentFingerprint& b) {
  if (a.minhash.size() != static_cast<size_t>(kMinHashSlots) ||
      b.minhash.size() != a.minhash.size()) {
    return 0;
  }
  int equal = 0;
  for (int i = 0; i < kMinHashSlots; ++i) equal += a.minhash[i] == b.minhash[i];
  return static_cast<double>(equal) / kMinHashSlots;
}

std::optional<long long> ChooseOriginal(const ContentFingerprint& fp,
                                        const std::vector<StoredFingerprint>& candidates) {
  std::optional<long long> best;
  double best_similarity = 0;
  long long best_id = 0;
  for (const StoredFingerprint& c : candidates) {
    const double s = EstimatedSimilarity(fp, c.fingerprint);
    if (s < kSameContentThreshold) continue;
    if (!best || s > best_similarity || (s == best_similarity && c.document_id < best_id)) {
      best_similarity = s;
      best_id = c.document_id;
      best = c.same_as != 0 ? c.same_as : c.document_id;
    }
  }
  return best;
}

}  // namespace clsdb
