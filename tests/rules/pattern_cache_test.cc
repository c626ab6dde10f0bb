// The cache of patterns known to compile (RuleSet::LoadDirectory): a pattern
// it does not vouch for is compiled, and checked, at load; one it does is
// compiled on first use.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>

#include "rules/rule_set.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;

constexpr char kBrokenRule[] = "[broken.rule]\npattern: (?P<open>unclosed [group\nmatch: x\n";
constexpr char kBrokenPattern[] = "(?P<open>unclosed [group";

std::set<std::string> CacheLines(const std::string& file) {
  std::ifstream in(file);
  std::set<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.insert(line);
  return lines;
}

std::string Hex(uint64_t h) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

// The repository's rules in a temporary folder, with a cache file beside.
struct Fixture {
  testing::TempDir tmp;
  std::string rules = tmp / "rules";
  std::string cache = tmp / "cache/valid-patterns";
  Fixture() { fs::copy(testing::RulesDir(), rules, fs::copy_options::recursive); }
};

TEST_CASE("a load records every pattern it compiled, and never a bad one", "[rules]") {
  Fixture f;
  Result<RuleSet> first = RuleSet::LoadDirectory(f.rules, f.cache);
  REQUIRE(first.ok());
  const std::set<std::string> lines = CacheLines(f.cache);
  for (const auto& rule : first->rules()) {
    CHECK(lines.count(Hex(RuleSet::PatternHash(rule->pattern))) == 1);
  }
  // A second load, vouched for by the cache, gives rules that still match
  // their examples.
  Result<RuleSet> second = RuleSet::LoadDirectory(f.rules, f.cache);
  REQUIRE(second.ok());
  for (const auto& rule : second->rules()) {
    INFO(rule->name);
    CHECK(second->CheckExamples(*rule).empty());
  }
  // A new bad pattern is not in the cache: it is compiled at load, fails
  // it, and stays out of the cache.
  std::ofstream(fs::path(f.rules) / "zz_broken.rules") << kBrokenRule;
  Result<RuleSet> broken = RuleSet::LoadDirectory(f.rules, f.cache);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message().find("zz_broken.rules:2: [broken.rule]") != std::string::npos);
  CHECK(CacheLines(f.cache) == lines);
}

TEST_CASE("a pattern the cache vouches for compiles on first use", "[rules]") {
  Fixture f;
  // A cache that wrongly vouches for a bad pattern (an edited file, a
  // collision): the load cannot see it, and the first use reports it.
  fs::create_directories(fs::path(f.cache).parent_path());
  std::ofstream(f.cache) << Hex(RuleSet::PatternHash(kBrokenPattern)) << "\n";
  std::ofstream(fs::path(f.rules) / "zz_broken.rules") << kBrokenRule;
  Result<RuleSet> loaded = RuleSet::LoadDirectory(f.rules, f.cache);
  REQUIRE(loaded.ok());
  const Rule* broken = loaded->Find("broken.rule");
  REQUIRE(broken != nullptr);
  try {
    loaded->Search(*broken, "x", nullptr);
    FAIL("a bad pattern was used");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("zz_broken.rules:2: [broken.rule]") != std::string::npos);
  }
}

TEST_CASE("without a cache file every pattern is compiled at load", "[rules]") {
  Fixture f;
  std::ofstream(fs::path(f.rules) / "zz_broken.rules") << kBrokenRule;
  Result<RuleSet> loaded = RuleSet::LoadDirectory(f.rules, "");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().message().find("zz_broken.rules:2: [broken.rule]") != std::string::npos);
}

}  // namespace
}  // namespace clsdb
