// The repository's rules/, loaded once per test executable.
#ifndef CLSDB_TESTS_REPO_RULES_H_
#define CLSDB_TESTS_REPO_RULES_H_

#include <catch2/catch.hpp>

#include "rules/rule_set.h"
#include "test_paths.h"

namespace clsdb::testing {

inline const RuleSet& RepoRules() {
  static const RuleSet* rules = [] {
    auto loaded = RuleSet::LoadDirectory(RulesDir().string());
    INFO((loaded.ok() ? std::string() : loaded.status().ToString()));
    REQUIRE(loaded.ok());
    return new RuleSet(std::move(*loaded));
  }();
  return *rules;
}

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_REPO_RULES_H_
