// The rules the code reads (rules/required_rules.h) are checked when rules/
// loads: each one deleted from a copy of rules/ fails the load, and the
// command line, with "DIR: rule <name> is required by <step>".
#include "rules/required_rules.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "rules/rule_set.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// text without the section headed [name]: from its header to the next
// header (or the end).
std::string WithoutSection(const std::string& text, const std::string& name) {
  std::istringstream lines(text);
  std::string line, out;
  bool dropping = false;
  while (std::getline(lines, line)) {
    if (!line.empty() && line[0] == '[') dropping = line == "[" + name + "]";
    if (!dropping) out += line + "\n";
  }
  return out;
}

// A copy of rules/ in which rules can be deleted, one file at a time, and
// put back.
class RulesCopy {
 public:
  RulesCopy() { fs::copy(testing::RulesDir(), dir(), fs::copy_options::recursive); }
  std::string dir() const { return tmp_ / "rules"; }

  // Deletes the rules from their files (names as in the repository's set).
  void Delete(const RuleSet& repo, const std::vector<std::string>& names) {
    for (const std::string& name : names) {
      const Rule* rule = repo.Find(name);
      REQUIRE(rule != nullptr);
      const fs::path file = fs::path(dir()) / fs::path(rule->file).filename();
      if (!saved_.count(file)) saved_[file] = ReadFile(file);
      const std::string before = ReadFile(file);
      WriteFile(file, WithoutSection(before, name));
      REQUIRE(ReadFile(file).size() < before.size());  // the section was there
    }
  }
  void Restore() {
    for (const auto& [file, text] : saved_) WriteFile(file, text);
    saved_.clear();
  }

 private:
  testing::TempDir tmp_;
  std::map<fs::path, std::string> saved_;
};

const RuleSet& RepoRules() {
  static const RuleSet* rules = [] {
    Result<RuleSet> loaded = RuleSet::LoadDirectory(testing::RulesDir().string());
    INFO((loaded.ok() ? std::string() : loaded.status().ToString()));
    REQUIRE(loaded.ok());
    return new RuleSet(loaded.take());
  }();
  return *rules;
}

std::string Expected(const std::string& dir, const RuleRequirement& need, bool family) {
  return dir + ": rule " + std::string(need.name) + (family ? "*" : "") + " is required by " +
         std::string(need.step);
}

TEST_CASE("every required rule and family resolves in rules/, under its own name", "[rules]") {
  const RuleSet& rules = RepoRules();
  for (size_t i = 0; i < kRequiredRules.size(); ++i) {
    const RuleId id = static_cast<RuleId>(i);
    CHECK(rules.Get(id).name == RuleName(id));
  }
  for (size_t i = 0; i < kRequiredFamilies.size(); ++i) {
    const RuleFamily family = static_cast<RuleFamily>(i);
    INFO(Requirement(family).name);
    CHECK_FALSE(rules.Family(family).empty());
    for (const Rule* rule : rules.Family(family)) {
      CHECK(rule->name.rfind(Requirement(family).name, 0) == 0);
    }
  }
}

TEST_CASE("deleting any required rule from rules/ fails the load, naming it and its step",
          "[rules]") {
  const RuleSet& repo = RepoRules();
  RulesCopy copy;
  for (const RuleRequirement& need : kRequiredRules) {
    DYNAMIC_SECTION(need.name) {
      copy.Delete(repo, {std::string(need.name)});
      Result<RuleSet> loaded = RuleSet::LoadDirectory(copy.dir());
      REQUIRE_FALSE(loaded.ok());
      CHECK(loaded.status().message() == Expected(copy.dir(), need, false));
      copy.Restore();
    }
  }
}

TEST_CASE("deleting every rule of a required family fails the load, naming the family", "[rules]") {
  const RuleSet& repo = RepoRules();
  RulesCopy copy;
  for (const RuleRequirement& need : kRequiredFamilies) {
    DYNAMIC_SECTION(need.name) {
      std::vector<std::string> names;
      for (const Rule* rule : repo.WithPrefix(need.name)) names.push_back(rule->name);
      REQUIRE_FALSE(names.empty());
      copy.Delete(repo, names);
      Result<RuleSet> loaded = RuleSet::LoadDirectory(copy.dir());
      REQUIRE_FALSE(loaded.ok());
      CHECK(loaded.status().message() == Expected(copy.dir(), need, true));
      copy.Restore();
    }
  }
}

TEST_CASE("a rule file may not use the names kept for structural provenance", "[rules]") {
  for (std::string_view marker : kStructureMarkers) {
    RuleSet set;
    Status s = set.AddFile("[" + std::string(marker) + "]\npattern: x\nmatch: x\n", "x.rules");
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("x.rules:1: [" + std::string(marker) + "]") != std::string::npos);
  }
}

// `clsdb ingest` with a rule deleted exits 2 with the message, before any
// database is made.
TEST_CASE("the command line exits 2 when a required rule is missing", "[rules][cli]") {
  const char* bin = std::getenv("CLSDB_BIN");
  REQUIRE(bin != nullptr);
  const RuleRequirement& need = kRequiredRules[kRequiredRules.size() / 2];
  RulesCopy copy;
  copy.Delete(RepoRules(), {std::string(need.name)});
  testing::TempDir out;
  const std::string db = out / "db.sqlite";
  const std::string doc = out.Write("doc.txt", "CONTRAT LOCAL DE SANTÉ\n");
  const std::string command = std::string(bin) + " ingest --db '" + db + "' --rules '" +
                              copy.dir() + "' '" + doc + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) output.append(buf, n);
  const int status = pclose(pipe);
  INFO(output);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(output.find(Expected(copy.dir(), need, false)) != std::string::npos);
  CHECK_FALSE(fs::exists(db));
}

}  // namespace
}  // namespace clsdb
