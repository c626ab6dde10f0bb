// FindFrenchDate and ParseFrenchDate over the repository's own rules/
// (loaded once): any text gives a valid calendar date with a span inside
// the text, or nothing.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "core/source_dir.h"
#include "extract/dates.h"
#include "fuzz_util.h"
#include "rules/rule_set.h"

namespace {

const clsdb::RuleSet& Rules() {
  static const clsdb::RuleSet* rules = [] {
    auto loaded = clsdb::RuleSet::LoadDirectory(std::string(clsdb::SourceDir()) + "/rules");
    if (!loaded.ok()) {
      std::fprintf(stderr, "fuzz_dates: %s\n", loaded.status().ToString().c_str());
      std::abort();  // a set-up problem, not a finding
    }
    return new clsdb::RuleSet(loaded.take());
  }();
  return *rules;
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = std::atoi(s.substr(5, 2).c_str());
  const int day = std::atoi(s.substr(8, 2).c_str());
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clsdb;
  if (size > fuzz::kMaxInput) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const RuleSet& rules = Rules();

  std::optional<DateMatch> found = FindFrenchDate(text, rules);
  if (found) {
    CLSDB_FUZZ_CHECK(IsIsoDate(found->iso));
    CLSDB_FUZZ_CHECK(found->start < found->end && found->end <= text.size());
  }
  std::optional<std::string> parsed = ParseFrenchDate(text, rules);
  if (parsed) CLSDB_FUZZ_CHECK(IsIsoDate(*parsed));
  return 0;
}
