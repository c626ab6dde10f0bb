#include "rules/rule_set.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace clsdb {
namespace {

TEST_CASE("a rule file parses, expands lists and fragments, and checks examples", "[rules]") {
  RuleSet set;
  set.AddList("civility", {"M.", "Mme", "Monsieur", "Madame"});
  Status s = set.AddFile(
      "# a comment\n"
      "[fragment name]\n"
      "pattern: [A-Z][a-z]+ [A-Z]+\n"
      "[person]\n"
      "produces: a person\n"
      "priority: 3\n"
      "pattern: (?:{{civility}})\\s+\n"
      "  (?P<name>{{name}})\n"
      "match: Monsieur Hugo GILARDI\n"
      "  => name=Hugo GILARDI\n"
      "no match: hugo gilardi\n",
      "test.rules");
  INFO(s.ToString());
  REQUIRE(s.ok());
  const Rule* person = set.Find("person");
  REQUIRE(person != nullptr);
  CHECK(person->priority == 3);
  CHECK(person->examples.size() == 2);
  CHECK(set.CheckExamples(*person).empty());
  RuleMatch m;
  const std::string text = "représentée par Madame Anne DUPONT, directrice";
  REQUIRE(set.Search(*person, text, &m));
  CHECK(m.Get("name") == "Anne DUPONT");
  CHECK(m.group_spans.at("name").first == text.find("Anne"));  // bytes, not characters
  CHECK(set.WithPrefix("pers").size() == 1);
  CHECK(set.WithPrefix("name").empty());  // fragments are not rules to apply
}

TEST_CASE("a failing example is reported with file:line and rule name", "[rules]") {
  RuleSet set;
  REQUIRE(set.AddFile("[digits]\npattern: ^(?P<n>\\d+)$\nmatch: 12\n  => n=13\n", "x.rules").ok());
  auto failures = set.CheckExamples(*set.Find("digits"));
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].find("x.rules:3: [digits]") != std::string::npos);
}

TEST_CASE("a bad pattern fails the load with file:line and RE2's message", "[rules]") {
  RuleSet set;
  Status s = set.AddFile("[ok]\npattern: a\nmatch: a\n\n[bad]\npattern: (?P<x>a\nmatch: a\n",
                         "rules/bad.rules");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("rules/bad.rules:6: [bad]") != std::string::npos);
  CHECK(s.message().find("missing )") != std::string::npos);
}

TEST_CASE("syntax errors name the line", "[rules]") {
  struct Case {
    const char* text;
    const char* where;
  };
  const Case cases[] = {
      {"pattern: a\n", "f:1:"},                 // key outside a section
      {"[a]\n  continuation\n", "f:2:"},        // continuation of nothing
      {"[a]\nfoo: bar\n", "f:2: unknown key"},  // unknown key
      {"[a]\nmatch: x\n", "f:1: [a]: no pattern"},
      {"[a]\npattern: {{nope}}\n", "f:2: unknown {{nope}}"},
      {"[a]\npattern: x\n[a]\npattern: y\n", "duplicate rule name"},
  };
  for (const Case& c : cases) {
    RuleSet set;
    Status s = set.AddFile(c.text, "f");
    INFO(c.text);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find(c.where) != std::string::npos);
  }
}

TEST_CASE("SearchAll finds every match, and RuleSetMatcher matches many rules at once", "[rules]") {
  RuleSet set;
  REQUIRE(set.AddFile("[num]\npattern: (?P<n>\\d+)\nmatch: 1\n"
                      "[word]\npattern: (?i)contrat\nmatch: Contrat\n",
                      "f")
              .ok());
  auto all = set.SearchAll(*set.Find("num"), "a 1 b 22 c 333");
  REQUIRE(all.size() == 3);
  CHECK(all[2].Get("n") == "333");
  CHECK(all[2].start == 11);
  RuleSetMatcher matcher({set.Find("num"), set.Find("word")});
  REQUIRE(matcher.ok());
  auto hits = matcher.Matching("le CONTRAT de 2024");
  CHECK(hits.size() == 2);
  CHECK(matcher.Matching("rien").empty());
}

TEST_CASE("SearchAll reads a rule's `next` group again: it stands for a lookahead", "[rules]") {
  RuleSet set;
  // A caption in capitals before its first member ("A : Jean DUPONT"),
  // the surname before a caption being the last member's: the match takes
  // the first letters of the next name, which may be the last member's.
  REQUIRE(set.AddFile("[caption]\npattern: (?:^|\\s(?:\\p{Lu}\\p{Ll}+\\s+\\p{Lu}+\\s+)?)"
                      "(?P<label>\\p{Lu}+(?:\\s+\\p{Lu}+)*)\\s*:\\s+(?P<next>\\p{Lu}\\p{Ll}+\\s+"
                      "\\p{Lu}\\p{Lu})\n"
                      "match: AA : Jean DUPONT\n",
                      "f")
              .ok());
  const std::string text = "AA : Jean DUPONT BB : Luc MARTIN";
  const auto all = set.SearchAll(*set.Find("caption"), text);
  REQUIRE(all.size() == 2);
  CHECK(all[0].Get("label") == "AA");
  // Resumed after "DU", the search would take "PONT BB" for the caption.
  CHECK(all[1].Get("label") == "BB");
  // Without a `next` group, the search resumes past the match.
  REQUIRE(set.AddFile("[pair]\npattern: (?P<a>\\d)(?P<b>\\d)\nmatch: 12\n", "g").ok());
  CHECK(set.SearchAll(*set.Find("pair"), "1234").size() == 2);
}

TEST_CASE("a candidate matcher names every rule that occurs, and may name more", "[rules]") {
  RuleSet set;
  REQUIRE(set.AddFile("[short]\npattern: ^a{1,20}$\nmatch: aaa\n"
                      "[word]\npattern: (?i)contrat\nmatch: Contrat\n",
                      "f")
              .ok());
  const std::vector<const Rule*> rules = {set.Find("short"), set.Find("word")};
  RuleSetMatcher exact(rules), candidates(rules, RuleSetMatcher::Mode::kCandidates);
  REQUIRE(candidates.ok());
  for (const std::string& text :
       std::vector<std::string>{"aaa", "contrat", "b", std::string(30, 'a')}) {
    INFO(text);
    const std::vector<const Rule*> found = exact.Matching(text);
    const std::vector<const Rule*> named = candidates.Matching(text);
    for (const Rule* r : found) {
      CHECK(std::find(named.begin(), named.end(), r) != named.end());
    }
  }
  // Thirty letters are too many for the rule: only the candidate set names it.
  CHECK(exact.Matching(std::string(30, 'a')).empty());
  CHECK(candidates.Matching(std::string(30, 'a')) == std::vector<const Rule*>{set.Find("short")});
  CHECK(candidates.Matching("b").empty());
}

TEST_CASE("a matcher answers short texts rule by rule within its budget, then by its set",
          "[rules]") {
  RuleSet set;
  REQUIRE(set.AddFile("[short]\npattern: ^a{1,20}$\nmatch: aaa\n"
                      "[word]\npattern: (?i)contrat\nmatch: Contrat\n"
                      "[name]\npattern: \\p{Lu}\\p{Ll}+ DUPONT\nmatch: Jean DUPONT\n",
                      "f")
              .ok());
  const std::vector<const Rule*> rules = {set.Find("short"), set.Find("word"), set.Find("name")};
  const std::vector<std::string> texts = {"aaa",          "le CONTRAT",   "b",
                                          "Émile DUPONT", "Ωmega DUPONT", std::string(30, 'a')};
  size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  // Rule by rule, the answers are exact in either mode: the same as the set's.
  RuleSetMatcher exact(rules);
  RuleSetMatcher exact_by_rule(rules, RuleSetMatcher::Mode::kExact, bytes);
  RuleSetMatcher candidates_by_rule(rules, RuleSetMatcher::Mode::kCandidates, bytes);
  for (const std::string& t : texts) {
    INFO(t);
    CHECK(exact_by_rule.Matching(t) == exact.Matching(t));
    CHECK(candidates_by_rule.Matching(t) == exact.Matching(t));
  }
  CHECK(exact.Matching("Émile DUPONT") == std::vector<const Rule*>{set.Find("name")});
  // The budget is spent: the widened set answers, and names the rule that
  // thirty letters are too many for.
  CHECK(candidates_by_rule.Matching(std::string(30, 'a')) ==
        std::vector<const Rule*>{set.Find("short")});
  // A text longer than kRuleByRuleMaxBytes goes to the set at once.
  RuleSetMatcher fresh(rules, RuleSetMatcher::Mode::kCandidates, 1 << 30);
  const std::string long_text(RuleSetMatcher::kRuleByRuleMaxBytes + 1, 'b');
  CHECK(fresh.Matching(long_text).empty());
  CHECK(fresh.Matching(std::string(30, 'a')) == std::vector<const Rule*>{set.Find("short")});
  // A set prepared in advance answers from then on.
  RuleSetMatcher prepared(rules, RuleSetMatcher::Mode::kCandidates, 1 << 30);
  prepared.Prepare();
  CHECK(prepared.ok());
  CHECK(prepared.Matching(std::string(30, 'a')) == std::vector<const Rule*>{set.Find("short")});
}

TEST_CASE("a long text is matched by parts of the set, with the same answer", "[rules]") {
  RuleSet set;
  std::string file;
  std::vector<std::string> names;
  for (int i = 0; i < 10; ++i) {
    const std::string name = "mark" + std::to_string(i);
    names.push_back(name);
    // Rules 3 and 7 are Unicode classes, which are narrowed.
    const std::string pattern = i % 4 == 3 ? "\\p{Lu}MARK" + std::to_string(i) + "\\b"
                                           : "(?i)\\bmark" + std::to_string(i) + "\\b";
    file += "[" + name + "]\npattern: " + pattern + "\n";
  }
  REQUIRE(set.AddFile(file, "f").ok());
  std::vector<const Rule*> rules;
  for (const std::string& n : names) rules.push_back(set.Find(n));
  // Marks of rules 1, 3, 6 and 9 of the ten, at the start, in the middle
  // and at the end of a text long enough for the parts.
  std::string text = "Mark1 ";
  text += std::string(RuleSetMatcher::kPartsFromBytes, 'x');
  text += " AMARK3 mark6 ";
  text += std::string(1000, 'y');
  text += " MARK9";
  const std::vector<const Rule*> expected = {rules[1], rules[3], rules[6], rules[9]};
  for (const RuleSetMatcher::Mode mode :
       {RuleSetMatcher::Mode::kExact, RuleSetMatcher::Mode::kCandidates}) {
    RuleSetMatcher matcher(rules, mode);
    CHECK(matcher.Matching(text) == expected);
    // A text outside the narrow alphabet goes to the set as written.
    CHECK(matcher.Matching(text + " Ω") == expected);
    // The same rules through one set, for a short text.
    CHECK(matcher.Matching("Mark1 AMARK3 mark6 MARK9") == expected);
    // Past kPartsUpToBytes, one set again.
    CHECK(matcher.Matching(text + " " + std::string(RuleSetMatcher::kPartsUpToBytes, 'z')) ==
          expected);
    CHECK(matcher.ok());
  }
}

TEST_CASE("RequiredWordsIn leaves no trace, and CompileAhead changes no answer", "[rules]") {
  RuleSet set;
  REQUIRE(set.AddFile("[signed]\npattern: (?i)fait\\s+à\\s+(?P<place>\\p{Lu}\\p{L}+)\n"
                      "match: Fait à Nantes\n  => place=Nantes\n"
                      "[voted]\npattern: (?i)adopté\\s+à\\s+l'unanimité\n"
                      "match: Adopté à l'unanimité\n",
                      "x.rules")
              .ok());
  const Rule& signed_at = *set.Find("signed");
  const std::string text = "Délibération adoptée.\nFait à Nantes, le 3 mai.";
  CHECK(signed_at.RequiredWordsIn(text));
  CHECK_FALSE(set.Find("voted")->RequiredWordsIn(text));
  // MayOccurIn answers true for good once a text passed; RequiredWordsIn
  // must not have made that so.
  CHECK_FALSE(signed_at.MayOccurIn("Adopté à l'unanimité"));

  int asked = 0;
  const std::vector<const Rule*> both = {set.Find("voted"), &signed_at};
  set.CompileAhead(text, both, [&] { return ++asked <= 1; });
  CHECK(asked == 2);  // stopped before the second rule
  asked = 0;
  set.CompileAhead(text, both, [&] { return ++asked > 0; });
  CHECK(asked == 2);
  RuleMatch m;
  REQUIRE(set.Search(signed_at, text, &m));
  CHECK(m.Get("place") == "Nantes");
  CHECK_FALSE(set.Search(*set.Find("voted"), text, nullptr));
}

}  // namespace
}  // namespace clsdb
