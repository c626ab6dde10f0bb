#include "identity/identity.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_set>

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

std::uint64_t Fnv1a(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Removes a hyphen that ends a line after a letter, with the line break and
// the spaces around it, so that a word a PDF hyphenated is one word again.
// A compound cut there ("Hauts-" + "de-France") loses its hyphen too, in
// every format alike: the fingerprint only needs to be the same.
std::string JoinHyphenatedLines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-' && !out.empty() && out.back() != ' ' && out.back() != '\n') {
      size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < text.size() && text[j] == '\n') {
        ++j;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
        i = j - 1;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> ContentWords(std::string_view text) {
  const std::string joined = JoinHyphenatedLines(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(joined);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normal = nfkc->normalize(u, status);
    if (U_SUCCESS(status)) u = normal;
  }
  u.foldCase();
  std::vector<std::string> words;
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.isEmpty()) return;
    std::string w;
    word.toUTF8String(w);
    words.push_back(std::move(w));
    word.remove();
  };
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (u_isalnum(c)) {
      word.append(c);
    } else if (u_getCombiningClass(c) != 0 && !word.isEmpty()) {
      word.append(c);  // a combining accent belongs to its letter
    } else {
      flush();
    }
  }
  flush();
  return words;
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
  const std::vector<std::string> words = ContentWords(text);
  std::unordered_set<std::uint64_t> shingles;
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (int k = 0; k < kShingleWords; ++k) h = Fnv1a(words[i + k], Fnv1a(" ", h));
    shingles.insert(h);
  }
  ContentFingerprint fp;
  if (static_cast<int>(shingles.size()) < kMinShingles) return fp;
  fp.shingles = static_cast<int>(shingles.size());
  fp.minhash.assign(kMinHashSlots, std::numeric_limits<std::uint32_t>::max());
  for (std::uint64_t s : shingles) {
    for (int slot = 0; slot < kMinHashSlots; ++slot) {
      const auto h = static_cast<std::uint32_t>(Mix(s ^ Mix(static_cast<std::uint64_t>(slot))));
      fp.minhash[slot] = std::min(fp.minhash[slot], h);
    }
  }
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
