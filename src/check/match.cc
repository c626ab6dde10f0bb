#include "check/match.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/words.h"
#include "normalize/normalize.h"

namespace clsdb::check {

namespace {

// FoldForMatch promises punctuation as spaces, but symbols such as '°' or
// '€' are not punctuation to Unicode; keeping only letters and digits makes
// "n°1" and "n 1" agree whatever the fold does with them.
std::string KeepAlnum(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  const auto* s = reinterpret_cast<const uint8_t*>(folded.data());
  const int32_t length = static_cast<int32_t>(folded.size());
  int32_t i = 0;
  bool pending_space = false;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalnum(c)) {
      pending_space = true;
      continue;
    }
    if (c == 0x0153 || c == 0x0152) {  // œ Œ: FoldForMatch keeps them
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += "oe";
      continue;
    }
    if (c == 0x00E6 || c == 0x00C6) {  // æ Æ
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += "ae";
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out.append(folded.substr(start, i - start));
  }
  return out;
}

bool IsCivility(const std::string& token) {
  static constexpr std::array<std::string_view, 18> kCivilities = {
      "m",     "mme",      "mmes",   "mm",           "mr",        "mlle",
      "melle", "monsieur", "madame", "mademoiselle", "messieurs", "mesdames",
      "dr",    "docteur",  "pr",     "professeur",   "me",        "maitre"};
  return std::find(kCivilities.begin(), kCivilities.end(), token) != kCivilities.end();
}

bool IsCodePrefixWord(std::string_view token) {
  static constexpr std::array<std::string_view, 22> kPrefixes = {
      "fa",   "fiche",       "fiches",       "action",    "actions",    "n",
      "no",   "num",         "numero",       "operation", "operations", "axe",
      "axes", "orientation", "orientations", "objectif",  "objectifs",  "article",
      "art",  "priorite",    "mesure",       "ref"};
  return std::find(kPrefixes.begin(), kPrefixes.end(), token) != kPrefixes.end();
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "007" -> "7"; "1er", "2eme", "3e", "2nd" -> the digits.
std::string NormalizeCodeToken(std::string token) {
  size_t digits = 0;
  while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') ++digits;
  if (digits == 0) return token;
  if (digits < token.size()) {
    static constexpr std::array<std::string_view, 7> kOrdinals = {"er", "ere", "e",   "eme",
                                                                  "nd", "nde", "ieme"};
    const std::string_view suffix = std::string_view(token).substr(digits);
    if (std::find(kOrdinals.begin(), kOrdinals.end(), suffix) == kOrdinals.end()) return token;
    token.resize(digits);
  }
  const size_t first = token.find_first_not_of('0');
  return first == std::string::npos ? "0" : token.substr(first);
}

std::string SortedTokens(std::string_view key) {
  std::vector<std::string> tokens = SplitWords(key);
  std::sort(tokens.begin(), tokens.end());
  return JoinWords(tokens);
}

// key_a is a prefix of key_b ending at a word boundary.
bool IsWordPrefix(std::string_view shorter, std::string_view longer) {
  return !shorter.empty() && shorter.size() < longer.size() &&
         longer.substr(0, shorter.size()) == shorter && longer[shorter.size()] == ' ';
}

}  // namespace

std::string MatchKey(std::string_view text) { return KeepAlnum(FoldForMatch(text)); }

std::string NameKey(std::string_view name) {
  std::vector<std::string> tokens = SplitWords(MatchKey(name));
  std::erase_if(tokens, IsCivility);
  std::sort(tokens.begin(), tokens.end());
  return JoinWords(tokens);
}

std::string CodeKey(std::string_view code) {
  std::vector<std::string> tokens;
  for (std::string& token : SplitWords(MatchKey(code))) {
    // "FA1.2" folds to "fa1 2": split a glued prefix word from its number.
    size_t letters = 0;
    while (letters < token.size() && token[letters] >= 'a' && token[letters] <= 'z') ++letters;
    if (letters > 0 && letters < token.size() && AllDigits(token.substr(letters, 1)) &&
        IsCodePrefixWord(std::string_view(token).substr(0, letters))) {
      tokens.push_back(token.substr(0, letters));
      tokens.push_back(token.substr(letters));
    } else {
      tokens.push_back(std::move(token));
    }
  }
  size_t first = 0;
  while (tokens.size() - first > 1 && IsCodePrefixWord(tokens[first])) ++first;
  std::vector<std::string> kept;
  for (size_t i = first; i < tokens.size(); ++i) kept.push_back(NormalizeCodeToken(tokens[i]));
  return JoinWords(kept);
}

double EditSimilarity(std::string_view a, std::string_view b) {
  const size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1.0;
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitution = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitution});
    }
    std::swap(prev, cur);
  }
  return 1.0 - static_cast<double>(prev[b.size()]) / static_cast<double>(longest);
}

double TitleMatchScore(std::string_view key_a, std::string_view key_b) {
  if (key_a == key_b) return 1.0;
  if (key_a.empty() || key_b.empty()) return 0.0;
  const std::string_view shorter = key_a.size() <= key_b.size() ? key_a : key_b;
  const std::string_view longer = key_a.size() <= key_b.size() ? key_b : key_a;
  const double share = static_cast<double>(shorter.size()) / static_cast<double>(longer.size());
  double best = 0.0;
  // The edit distance is at least the length difference, so below this share
  // neither similarity can reach the threshold: skip the quadratic work.
  if (share >= kTitleSimilarity) {
    const double similarity = std::max(EditSimilarity(key_a, key_b),
                                       EditSimilarity(SortedTokens(key_a), SortedTokens(key_b)));
    if (similarity >= kTitleSimilarity) best = similarity;
  }
  if (best == 0.0 && IsWordPrefix(shorter, longer) &&
      (share >= kPrefixMinShare || shorter.size() >= kPrefixMinChars)) {
    // Below every near-equality (< 0.9) so a full title wins over a cut one.
    best = 0.5 + 0.3 * share;
  }
  return best;
}

double TitleResemblance(std::string_view key_a, std::string_view key_b) {
  if (key_a == key_b) return 1.0;
  if (key_a.empty() || key_b.empty()) return 0.0;
  double best = std::max(EditSimilarity(key_a, key_b),
                         EditSimilarity(SortedTokens(key_a), SortedTokens(key_b)));
  return std::max(best, TitleMatchScore(key_a, key_b));
}

bool TitlesMatch(std::string_view a, std::string_view b) {
  return TitleMatchScore(MatchKey(a), MatchKey(b)) > 0.0;
}

bool NamesMatch(std::string_view a, std::string_view b) { return NameKey(a) == NameKey(b); }

bool CodesMatch(std::string_view a, std::string_view b) { return CodeKey(a) == CodeKey(b); }

}  // namespace clsdb::check
