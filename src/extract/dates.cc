#include "extract/dates.h"

namespace clsdb {

std::optional<DateMatch> FindFrenchDate(std::string_view, const RuleSet&) { return std::nullopt; }
std::optional<std::string> ParseFrenchDate(std::string_view, const RuleSet&) {
  return std::nullopt;
}

}  // namespace clsdb
