#include "rules/literals.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <string>

#include "core/source_dir.h"
#include "core/utf8.h"
#include "rules/rule_set.h"

namespace clsdb {
namespace {

// The clauses as text: "a|b & c" (a '~' before a folded literal).
std::string Describe(std::string_view pattern) {
  std::string out;
  for (const LiteralClause& clause : FindRequiredLiterals(pattern).clauses) {
    if (!out.empty()) out += " & ";
    for (size_t i = 0; i < clause.size(); ++i) {
      if (i > 0) out += "|";
      out += (clause[i].fold ? "~" : "") + clause[i].text;
    }
  }
  return out;
}

TEST_CASE("literal runs outside quantifiers are required", "[literals]") {
  CHECK(Describe("^fait\\s+le") == "fait");
  CHECK(Describe("abcd?efg") == "abc & efg");
  CHECK(Describe("abc+def") == "abc & def");
  CHECK(Describe("abc{0,3}def") == "def");
  CHECK(Describe("abc{2}def") == "abc & def");
  CHECK(Describe("ab\\.cd") == "ab.cd");
  CHECK(Describe("[abc]def[ghi]jkl") == "def & jkl");
  // {,3} is no repetition in RE2 but literal text.
  CHECK(Describe("x{,3}abc") == ",3}abc");
  CHECK(RE2::FullMatch("x{,3}abc", RE2("x{,3}abc")));
}

TEST_CASE("case folding lowers letters and cuts at k and s", "[literals]") {
  CHECK(Describe("(?i)PRESIDENT") == "~pre & ~ident");
  CHECK(Describe("(?i:conseil)\\s+MUNICIPAL") == "~con & ~eil & MUNICIPAL");
  CHECK(Describe("abc(?i)def") == "abc & ~def");
  CHECK(Describe("(?i)abc(?-i)def") == "~abc & def");
}

TEST_CASE("groups and alternations keep what every parse holds", "[literals]") {
  CHECK(Describe("(?:abc|defg)xyz") == "abc|defg & xyz");
  CHECK(Describe("(?P<n>abc)def") == "abc & def");
  CHECK(Describe("(?:abc|d)xyz") == "xyz");  // "d" is too short to keep
  CHECK(Describe("(?:abc)?xyz") == "xyz");
  CHECK(Describe("(?:abc)+xyz") == "abc & xyz");
  CHECK(Describe("abc|def") == "abc|def");
  CHECK(Describe("abc|") == "");
  // A branch after (?-i) is read as folded: the sound side either way.
  CHECK(Describe("(?i:abc|(?-i)DEF|ghi)") == "~abc|DEF|~ghi");
  CHECK(Describe("(?:(?i)abc|DEF)") == "~abc|~def");  // (?i) holds to the ')'
  CHECK(RE2::FullMatch("def", RE2("(?:(?i)abc|DEF)")));
}

TEST_CASE("syntax not followed gives no requirement", "[literals]") {
  CHECK(Describe("\\Qabc\\E") == "");
  CHECK(Describe("(abc") == "");
  CHECK(Describe("abc)") == "");
}

TEST_CASE("MayOccurIn is false only without a clause's literals", "[literals]") {
  const RequiredLiterals lits = FindRequiredLiterals("(?i:fait|sign[ée])\\s+\\d+ ABC");
  CHECK(lits.MayOccurIn("xx FAIT 3 ABC"));
  CHECK(lits.MayOccurIn("Sign 3 ABC"));
  CHECK_FALSE(lits.MayOccurIn("Fai 3 ABC"));
  CHECK_FALSE(lits.MayOccurIn("fait 3 abc"));  // "ABC" is not folded
}

// Folded, an ASCII letter other than k and s matches only its two cases in
// RE2: what lets a folded literal be searched ignoring ASCII case alone.
TEST_CASE("RE2 folds ASCII letters other than k and s with ASCII only", "[literals]") {
  std::string others;
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c < 0xD800 || c > 0xDFFF) AppendUtf8(static_cast<uint32_t>(c), &others);
  }
  for (char c = 'a'; c <= 'z'; ++c) {
    const RE2 re(std::string("(?i)") + c);
    REQUIRE(re.ok());
    const bool folds_outside = RE2::PartialMatch(others, re);
    CHECK(folds_outside == (c == 'k' || c == 's'));
  }
}

// Every example of every rule: a text the rule matches has its literals.
TEST_CASE("every rule's matching examples hold its literals", "[literals]") {
  Result<RuleSet> set = RuleSet::LoadDirectory(std::string(clsdb::SourceDir()) + "/rules", "");
  REQUIRE(set.ok());
  int with_literals = 0;
  for (const auto& rule : set->rules()) {
    const RequiredLiterals lits = FindRequiredLiterals(rule->pattern);
    if (!lits.clauses.empty()) ++with_literals;
    for (const RuleExample& ex : rule->examples) {
      if (!RE2::PartialMatch(ex.input, rule->re())) continue;
      INFO(rule->name << ": " << ex.input);
      CHECK(lits.MayOccurIn(ex.input));
    }
  }
  CHECK(with_literals > 100);  // the reading follows the rules' syntax
}

}  // namespace
}  // namespace clsdb
