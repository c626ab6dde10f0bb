#include "extract/plan_text.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "extract/text_util.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

// Multi-byte marks that never begin or end a value.
constexpr std::string_view kJunk[] = {"–", "—", "•", "▪", "➤", "➢", "❖", "✓", "▶", "►", "·", "…"};
constexpr std::string_view kAsciiJunk = " \t\n,;:.-*_=";

size_t Occurrences(std::string_view s, std::string_view what) {
  size_t n = 0;
  for (size_t pos = s.find(what); pos != std::string_view::npos; pos = s.find(what, pos + 1)) ++n;
  return n;
}

size_t JunkPrefix(std::string_view s) {
  for (std::string_view j : kJunk) {
    if (s.substr(0, j.size()) == j) return j.size();
  }
  if (!s.empty() && kAsciiJunk.find(s.front()) != std::string_view::npos) return 1;
  return 0;
}

size_t JunkSuffix(std::string_view s) {
  for (std::string_view j : kJunk) {
    if (s.size() >= j.size() && s.substr(s.size() - j.size()) == j) return j.size();
  }
  if (!s.empty() && kAsciiJunk.find(s.back()) != std::string_view::npos) return 1;
  return 0;
}

// An opening mark at the front that is never closed, or a closing mark at
// the back that was never opened: its byte length, else 0.
size_t UnbalancedPrefix(std::string_view s) {
  if (s.empty()) return 0;
  if (s.front() == '"' || s.front() == '\'') return Occurrences(s, s.substr(0, 1)) % 2 == 1 ? 1 : 0;
  if (s.front() == '(') return Occurrences(s, "(") > Occurrences(s, ")") ? 1 : 0;
  if (s.front() == '[') return Occurrences(s, "[") > Occurrences(s, "]") ? 1 : 0;
  if (s.substr(0, 2) == "«") return Occurrences(s, "«") > Occurrences(s, "»") ? 2 : 0;
  if (s.substr(0, 2) == "»") return 2;
  if (s.front() == ')' || s.front() == ']') return 1;
  return 0;
}

size_t UnbalancedSuffix(std::string_view s) {
  if (s.empty()) return 0;
  if (s.back() == '"') return Occurrences(s, "\"") % 2 == 1 ? 1 : 0;
  if (s.back() == ')') return Occurrences(s, ")") > Occurrences(s, "(") ? 1 : 0;
  if (s.back() == ']') return Occurrences(s, "]") > Occurrences(s, "[") ? 1 : 0;
  if (s.size() >= 2 && s.substr(s.size() - 2) == "»")
    return Occurrences(s, "»") > Occurrences(s, "«") ? 2 : 0;
  if (s.size() >= 2 && s.substr(s.size() - 2) == "«") return 2;
  if (s.back() == '(' || s.back() == '[') return 1;
  return 0;
}

// The words of a folded title, as views into it: a title is compared with
// every other of its action, so no word is copied.
std::vector<std::string_view> Words(std::string_view folded) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) out.emplace_back(folded.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

std::string CleanPlanText(std::string_view text) {
  const std::string collapsed = CollapseSpaces(text);
  std::string_view s = collapsed;
  while (true) {
    size_t n = JunkPrefix(s);
    if (n == 0) n = UnbalancedPrefix(s);
    if (n == 0) break;
    s.remove_prefix(n);
  }
  while (true) {
    size_t n = JunkSuffix(s);
    if (n == 0) n = UnbalancedSuffix(s);
    if (n == 0) break;
    s.remove_suffix(n);
  }
  return std::string(s);
}

std::string FoldTitle(std::string_view text) { return FoldForMatch(text); }

double TitleSimilarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  std::string_view shorter = a.size() <= b.size() ? a : b;
  std::string_view longer = a.size() <= b.size() ? b : a;
  if (longer.substr(0, shorter.size()) == shorter && longer[shorter.size()] == ' ') return 1;
  const std::vector<std::string_view> short_words = Words(shorter);
  if (short_words.empty()) return 0;
  // The longer title's distinct words, sorted: a short word is found by a
  // binary search, as it was in a std::set of copies.
  std::vector<std::string_view> long_words = Words(longer);
  std::sort(long_words.begin(), long_words.end());
  long_words.erase(std::unique(long_words.begin(), long_words.end()), long_words.end());
  size_t found = 0;
  for (const std::string_view w : short_words) {
    found += std::binary_search(long_words.begin(), long_words.end(), w) ? 1 : 0;
  }
  return static_cast<double>(found) / static_cast<double>(short_words.size());
}

}  // namespace clsdb
