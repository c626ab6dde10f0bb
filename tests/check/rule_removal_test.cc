// The check must notice when a rule goes missing: disabling the rule that
// serves a group must lower that group's F1 on the reference corpus.
//
// The rule is disabled rather than deleted (its pattern can no longer match
// and its positive examples go) so that code that asks for it by name keeps
// running: what is measured is the loss of what the rule found.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/check.h"
#include "check/manifest.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb::check {
namespace {

namespace fs = std::filesystem;

// Copies rules/ to dir and disables rule `name` there.  Returns false when no
// rule file defines it.
bool CopyRulesWithout(const std::string& name, const fs::path& dir) {
  fs::copy(clsdb::testing::RulesDir(), dir, fs::copy_options::recursive);
  const std::string header = "[" + name + "]";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".rules") continue;
    std::ifstream in(entry.path());
    std::ostringstream out;
    bool found = false, inside = false, dropping = false;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] == '[') inside = (line == header);
      if (!inside) {
        out << line << "\n";
        continue;
      }
      found = true;
      const bool continuation = !line.empty() && (line[0] == ' ' || line[0] == '\t');
      if (continuation && dropping) continue;
      dropping = false;
      if (line.rfind("pattern:", 0) == 0) {
        out << "pattern: [^\\x00-\\x{10FFFF}]\n";  // an empty class: never matches
        dropping = true;
      } else if (line.rfind("match:", 0) == 0) {
        dropping = true;  // its example can no longer hold
      } else {
        out << line << "\n";
      }
    }
    in.close();
    if (found) {
      std::ofstream(entry.path(), std::ios::trunc) << out.str();
      return true;
    }
  }
  return false;
}

std::optional<double> TextF1(const std::string& rules_dir, const std::string& group) {
  CheckOptions o;
  o.rules_dir = rules_dir;
  // The shared corpus's text files suffice and are fast; the real documents'
  // folders are named text/ too, and would make this one check of hundreds.
  o.set_filter = std::string(kReferenceSet);
  o.document_filter = "/text/";
  o.quiet = true;
  Result<CheckResult> r = RunCheck(o);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  REQUIRE(r->totals.count("text") == 1);
  return r->totals.at("text").group(group).f1();
}

void ExpectDropWithout(const std::string& rule, const std::string& group) {
  if (!clsdb::testing::HaveSharedCorpus()) return;
  clsdb::testing::TempDir dir;
  const fs::path rules = dir.path() / "rules";
  REQUIRE(CopyRulesWithout(rule, rules));
  const std::optional<double> intact = TextF1(clsdb::testing::RulesDir().string(), group);
  const std::optional<double> without = TextF1(rules.string(), group);
  INFO("F1 of " << group << " with all rules: " << intact.value_or(-1) << ", without [" << rule
                << "]: " << without.value_or(-1));
  REQUIRE(intact.has_value());
  REQUIRE(*intact > 0.0);
  CHECK(without.value_or(0.0) < *intact);
}

TEST_CASE("Disabling the article heading rule lowers the articles F1", "[rule_removal]") {
  ExpectDropWithout("articles.heading", "articles");
}

TEST_CASE("Disabling the orientation heading rule lowers the orientations F1", "[rule_removal]") {
  ExpectDropWithout("plan.orientation", "orientations");
}

}  // namespace
}  // namespace clsdb::check
