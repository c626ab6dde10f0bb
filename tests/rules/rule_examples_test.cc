// Every example of every rule file in rules/ must hold: a rule and its proof
// live side by side, and this loop is what makes the proof count.
#include <catch2/catch.hpp>

#include "rules/rule_set.h"
#include "test_paths.h"

namespace clsdb {
namespace {

// Catch2 runs a test case once per leaf section, so the rules are loaded
// once for all of them.
const Result<RuleSet>& Rules() {
  // No cache of known-good patterns: every pattern is compiled and checked
  // at load, as a new rule would be.
  static const Result<RuleSet> rules = RuleSet::LoadDirectory(testing::RulesDir().string(), "");
  return rules;
}

TEST_CASE("rules/ loads and every rule's examples hold", "[rules]") {
  const Result<RuleSet>& rules = Rules();
  INFO((rules.ok() ? std::string() : rules.status().ToString()));
  REQUIRE(rules.ok());
  REQUIRE_FALSE(rules->rules().empty());
  for (const auto& rule : rules->rules()) {
    DYNAMIC_SECTION(rule->name) {
      if (!rule->fragment) {
        INFO(rule->file << ":" << rule->line << " [" << rule->name << "] has no example");
        CHECK_FALSE(rule->examples.empty());
      }
      for (const std::string& failure : rules->CheckExamples(*rule)) {
        FAIL_CHECK(failure);
      }
    }
  }
}

}  // namespace
}  // namespace clsdb
