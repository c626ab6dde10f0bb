// French dates, in words or figures, through the shared rules of
// rules/dates.rules: "1er février 2024", "15/11/2024", "21 octobre 2025",
// "le 05 décembre 2024", "22 AVRIL 2025", "2025-03-10".
#ifndef CLSDB_EXTRACT_DATES_H_
#define CLSDB_EXTRACT_DATES_H_

#include <optional>
#include <string>
#include <string_view>

#include "rules/rule_set.h"

namespace clsdb {

struct DateMatch {
  std::string iso;            // YYYY-MM-DD
  size_t start = 0, end = 0;  // byte span of the date in the text
};

// The first complete, valid date in text (day, month and year all given).
std::optional<DateMatch> FindFrenchDate(std::string_view text, const RuleSet& rules);

// The ISO form of a date that is the whole of text (surrounding spaces and
// "le" allowed), or nullopt.
std::optional<std::string> ParseFrenchDate(std::string_view text, const RuleSet& rules);

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_DATES_H_
