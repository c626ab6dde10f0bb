#include "extract/dates.h"

#include <cstdio>
#include <vector>

#include "normalize/normalize.h"

namespace clsdb {

namespace {

// Month words, folded (lowercase, no accents), with their abbreviations.
// The calendar is not a template choice, so it lives in code; the shapes a
// date may take are the rules' business.
int MonthFromWord(std::string_view word) {
  std::string folded = FoldForMatch(word);  // "Févr." -> "fevr"
  static const std::pair<const char*, int> kMonths[] = {
      {"janvier", 1},   {"janv", 1},     {"fevrier", 2}, {"fevr", 2},      {"fev", 2},
      {"mars", 3},      {"avril", 4},    {"avr", 4},     {"mai", 5},       {"juin", 6},
      {"juillet", 7},   {"juil", 7},     {"aout", 8},    {"septembre", 9}, {"sept", 9},
      {"sep", 9},       {"octobre", 10}, {"oct", 10},    {"novembre", 11}, {"nov", 11},
      {"decembre", 12}, {"dec", 12},
  };
  for (const auto& [name, month] : kMonths) {
    if (folded == name) return month;
  }
  return 0;
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return digits.empty() ? -1 : value;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// "YYYY-MM-DD", or "" when the three parts do not make a calendar date.
std::string IsoDate(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return "";
  int last = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
  if (day > last) return "";
  char buf[48];  // room for any int, to keep -Wformat-truncation quiet
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string IsoFromMatch(const RuleMatch& m) {
  const std::string& month_text = m.Get("month");
  int month = ToInt(month_text);
  if (month < 0) month = MonthFromWord(month_text);
  return IsoDate(ToInt(m.Get("year")), month, ToInt(m.Get("day")));
}

}  // namespace

std::optional<DateMatch> FindFrenchDate(std::string_view text, const RuleSet& rules) {
  // Each rule gives its leftmost valid date; the leftmost of those wins, the
  // longer one on a tie ("1er février 2024" over a shorter reading).
  std::optional<DateMatch> best;
  for (const Rule* rule : rules.WithPrefix("date.")) {
    size_t offset = 0;
    while (offset < text.size()) {
      if (best && offset >= best->start) break;  // cannot beat the best any more
      RuleMatch m;
      if (!rules.Search(*rule, text.substr(offset), &m)) break;
      const size_t start = offset + m.start, end = offset + m.end;
      std::string iso = IsoFromMatch(m);
      if (!iso.empty()) {
        if (!best || start < best->start || (start == best->start && end > best->end)) {
          best = DateMatch{std::move(iso), start, end};
        }
        break;
      }
      offset = end;  // an invalid date (31/02): look past it, not into it
    }
  }
  return best;
}

std::optional<std::string> ParseFrenchDate(std::string_view text, const RuleSet& rules) {
  std::optional<DateMatch> found = FindFrenchDate(text, rules);
  if (!found) return std::nullopt;
  // Only spaces and punctuation may surround the date, and "le" before it.
  std::string before = FoldForMatch(text.substr(0, found->start));
  std::string after = FoldForMatch(text.substr(found->end));
  if ((!before.empty() && before != "le") || !after.empty()) return std::nullopt;
  return found->iso;
}

}  // namespace clsdb
