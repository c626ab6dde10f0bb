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

int DigitsValue(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return digits.empty() ? -1 : value;
}

// A number written in words, as acts write years and days ("deux mille
// vingt-trois", "deux mil dix-neuf", "seize", "premier"): the value of the
// leading number words (trailing words that are not numbers are ignored), or
// -1 when the text does not start with one.
int NumberFromWords(std::string_view text) {
  static const std::pair<const char*, int> kUnits[] = {
      {"premier", 1},   {"un", 1},         {"une", 1},       {"deux", 2},   {"trois", 3},
      {"quatre", 4},    {"cinq", 5},       {"six", 6},       {"sept", 7},   {"huit", 8},
      {"neuf", 9},      {"dix", 10},       {"onze", 11},     {"douze", 12}, {"treize", 13},
      {"quatorze", 14}, {"quinze", 15},    {"seize", 16},    {"vingt", 20}, {"trente", 30},
      {"quarante", 40}, {"cinquante", 50}, {"soixante", 60},
  };
  const std::string folded = FoldForMatch(text);  // lower case, no accents, '-' -> ' '
  int total = 0, current = 0;
  bool any = false;
  size_t p = 0;
  while (p < folded.size()) {
    while (p < folded.size() && (folded[p] == ' ' || folded[p] == '-')) ++p;
    size_t e = p;
    while (e < folded.size() && folded[e] != ' ' && folded[e] != '-') ++e;
    const std::string_view word(folded.data() + p, e - p);
    p = e;
    if (word.empty()) break;
    if (word == "mille" || word == "mil") {
      total += (current == 0 ? 1 : current) * 1000;
      current = 0;
    } else if (word == "cent" || word == "cents") {
      current = (current == 0 ? 1 : current) * 100;
    } else if (word == "et" && any) {
      continue;
    } else {
      int value = -1;
      for (const auto& [name, v] : kUnits) {
        if (word == name) value = v;
      }
      if (value < 0) break;
      current += value;
    }
    any = true;
  }
  return any ? total + current : -1;
}

// Digits, or a number in words.
int NumberFromText(std::string_view text) {
  const int digits = DigitsValue(text);
  return digits >= 0 ? digits : NumberFromWords(text);
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
  int month = DigitsValue(month_text);
  if (month < 0) month = MonthFromWord(month_text);
  return IsoDate(NumberFromText(m.Get("year")), month, NumberFromText(m.Get("day")));
}

}  // namespace

std::optional<DateMatch> FindFrenchDate(std::string_view text, const RuleSet& rules) {
  // Each rule gives its leftmost valid date; the leftmost of those wins, the
  // longer one on a tie ("1er février 2024" over a shorter reading).
  std::optional<DateMatch> best;
  for (const Rule* rule : rules.Family(RuleFamily::kDate)) {
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
