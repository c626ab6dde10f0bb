#include "layout/running_text.h"

#include <re2/re2.h>

#include <map>

#include "core/memory_reserve.h"

namespace clsdb {

namespace {

// The stamp and page-number shapes are fixed by the prefecture's software
// and by office suites, not by a document template, so they live here
// rather than in rules/.  A stamp line is short: a converter that flattens
// a page puts the stamp at the start of a line that holds the whole act.
const RE2& StampRe() {
  static const RE2 re(
      "(?i)^\\s*(?:envoy[ée]\\s+en\\s+pr[ée]fecture\\s+le\\b.{0,40}"
      "|re[çc]u\\s+en\\s+pr[ée]fecture\\s+le\\b.{0,40}"
      "|publi[ée]\\s+le(?:\\s+[0-9/.\\-]*)?\\s*"
      "|affich[ée]\\s+le(?:\\s+[0-9/.\\-]*)?\\s*"
      "|id\\s*:\\s*\\d{3}-[0-9A-Z]{9}-\\d{8}-\\S+-[A-Z]{2}\\s*)$");
  return re;
}

const RE2& PageNumberRe() {
  static const RE2 re(
      "(?i)^\\s*(?:-\\s*)?(?:page\\s*|p\\.\\s*)?\\d{1,4}(?:\\s*(?:/|sur)\\s*\\d{1,4})?"
      "(?:\\s*-)?\\s*$");
  return re;
}

std::string DigitsFolded(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    if (c >= '0' && c <= '9') {
      if (out.empty() || out.back() != '#') out += '#';
    } else if (c != ' ') {
      out += c;
    }
  }
  return out;
}

}  // namespace

bool IsStampLine(std::string_view line) {
  NoThrowAllocationScope in_re2;
  return RE2::FullMatch(re2::StringPiece(line.data(), line.size()), StampRe());
}

bool IsPageNumberLine(std::string_view line) {
  NoThrowAllocationScope in_re2;
  return RE2::FullMatch(re2::StringPiece(line.data(), line.size()), PageNumberRe());
}

std::vector<std::vector<bool>> FindRunningLines(const std::vector<std::vector<std::string>>& pages,
                                                int margin) {
  std::vector<std::vector<bool>> flags(pages.size());
  // Count, per folded text, how many pages carry it in their margins.
  std::map<std::string, int> pages_with;
  for (const auto& lines : pages) {
    std::map<std::string, bool> seen;
    const int n = static_cast<int>(lines.size());
    for (int i = 0; i < n; ++i) {
      if (i >= margin && i < n - margin) continue;
      std::string key = DigitsFolded(lines[i]);
      if (key.empty() || seen[key]) continue;
      seen[key] = true;
      ++pages_with[key];
    }
  }
  const int need = std::max(3, static_cast<int>((pages.size() + 1) / 2));
  for (size_t p = 0; p < pages.size(); ++p) {
    const auto& lines = pages[p];
    const int n = static_cast<int>(lines.size());
    flags[p].assign(n, false);
    for (int i = 0; i < n; ++i) {
      if (i >= margin && i < n - margin) continue;
      // The stamp repeats on every page too, but its lines are facts: the
      // caller lifts them whole (a text file's stamp is several lines, and
      // dropping some would part the dates from their id).
      if (IsStampLine(lines[i])) continue;
      if (IsPageNumberLine(lines[i])) {
        flags[p][i] = true;
        continue;
      }
      auto it = pages_with.find(DigitsFolded(lines[i]));
      if (it != pages_with.end() && it->second >= need) flags[p][i] = true;
    }
  }
  return flags;
}

}  // namespace clsdb
