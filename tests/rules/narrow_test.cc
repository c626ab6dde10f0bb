#include "rules/narrow.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <vector>

#include "core/source_dir.h"
#include "core/utf8.h"
#include "rules/rule_set.h"

namespace clsdb {
namespace {

std::string Utf8(char32_t c) {
  std::string out;
  AppendUtf8(static_cast<uint32_t>(c), &out);
  return out;
}

RE2::Options Utf8Options() {
  RE2::Options opts;
  opts.set_log_errors(false);
  return opts;
}

// The whole match and every group of an unanchored search, or {} for none.
std::vector<std::string> Groups(const RE2& re, const std::string& text) {
  std::vector<re2::StringPiece> groups(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(),
                static_cast<int>(groups.size()))) {
    return {};
  }
  std::vector<std::string> out;
  for (const re2::StringPiece& g : groups) {
    out.push_back(g.data() == nullptr ? "<none>"
                                      : std::to_string(g.data() - text.data()) + ":" +
                                            std::string(g.data(), g.size()));
  }
  return out;
}

// Checks that the narrowed pattern finds what the pattern finds in each text.
void CheckSameMatches(const std::string& pattern, const std::vector<std::string>& texts) {
  INFO(pattern);
  const std::optional<std::string> narrowed = NarrowPattern(pattern);
  REQUIRE(narrowed);
  const RE2 original(pattern, Utf8Options()), narrow(*narrowed, Utf8Options());
  INFO(*narrowed);
  REQUIRE(original.ok());
  REQUIRE(narrow.ok());
  CHECK(narrow.NumberOfCapturingGroups() == original.NumberOfCapturingGroups());
  for (const std::string& text : texts) {
    INFO(text);
    REQUIRE(InNarrowAlphabet(text));
    CHECK(Groups(narrow, text) == Groups(original, text));
  }
}

std::vector<std::string> EveryCharacterOfTheAlphabet() {
  std::vector<std::string> out;
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string s = Utf8(c);
    if (InNarrowAlphabet(s)) out.push_back(s);
  }
  return out;
}

TEST_CASE(
    "the narrow alphabet: Latin-1, French punctuation, symbols; no invalid byte but a cut "
    "character",
    "[rules]") {
  CHECK(InNarrowAlphabet("Saint-Étienne, le 3 mai : 10 € – « vœux » … ❖ ➤ ⁴"));
  CHECK(InNarrowAlphabet(""));
  CHECK_FALSE(InNarrowAlphabet("\xC5\xBF"));      // long s, a case variant of s
  CHECK_FALSE(InNarrowAlphabet("Ω"));             // Greek
  CHECK_FALSE(InNarrowAlphabet("\xE2\x84\xAA"));  // Kelvin sign, a case variant of k
  // A Symbol-font bullet, the minus sign, a pictograph past U+FFFF.
  CHECK(InNarrowAlphabet("\xEF\x82\xB7 a \xE2\x88\x92 1 \xF0\x9F\x9F\xA2"));
  CHECK_FALSE(InNarrowAlphabet("\xF0\x90\x90\x80"));  // Deseret, a cased letter past U+FFFF
  CHECK(InNarrowAlphabet("\xF0\x9F\x9F"));            // a pictograph cut short
  CHECK_FALSE(InNarrowAlphabet("\xF0\x80\x80\xA9"));  // overlong ')'
  CHECK(InNarrowAlphabet("caf\xC3"));                 // cut in a character, at the end
  CHECK(InNarrowAlphabet("caf\xC3\nlait \xE2\x80"));  // or before a line break
  CHECK_FALSE(InNarrowAlphabet("caf\xC3\xA9\xA9"));   // a stray continuation byte
  CHECK_FALSE(InNarrowAlphabet("\xC0\xA9"));          // a byte UTF-8 never uses
  CHECK_FALSE(InNarrowAlphabet("\xE0\x80\xA9"));      // overlong ')'
  CHECK_FALSE(InNarrowAlphabet("ab\x80"));            // a stray continuation byte
  CHECK(EveryCharacterOfTheAlphabet().size() > 1000);
}

TEST_CASE("a narrowed class matches the same characters of the alphabet", "[rules]") {
  const std::vector<std::string> every = EveryCharacterOfTheAlphabet();
  for (const char* pattern :
       {"^\\p{Lu}$", "^\\p{Ll}$", "^\\p{L}$", "^\\pL$", "^\\p{N}$", "^\\P{L}$", "(?i)^\\p{Lu}$",
        "(?i)^\\p{Ll}$", "(?i)^\\P{Lu}$", "^[\\p{L}'’\\-]$", "(?i)^[^\\p{Lu}x]$",
        "^[\\p{L}\\p{N}-]$", "^(?i:a(?-i:\\p{Lu}))$", "^(?i:x|(?-i:z)\\p{Ll})$"}) {
    CheckSameMatches(pattern, every);
  }
}

TEST_CASE("flags, groups and escapes are followed, not rewritten", "[rules]") {
  CheckSameMatches("(?P<name>\\p{Lu}\\p{Ll}+)(?i)(?:\\s+(\\p{Lu}+))?\\\\p\\[\\p{Lu}\\]",
                   {"Hugo GILARDI \\p[É]", "hugo Gilardi \\p[é]", "Émile ZOLA \\p[x]"});
  CheckSameMatches("(?i:secr[ée]taire)\\s*:\\s*(?P<n>\\p{Lu}[\\p{L}'’]*)",
                   {"SECRÉTAIRE : Œdipe", "secrétaire: d’Artagnan", "Secrétaire : œil"});
  CHECK_FALSE(NarrowPattern("\\Q\\p{L}\\E"));  // quoting is not followed
  CHECK_FALSE(NarrowPattern("(\\p{L}"));       // unbalanced
  CHECK_FALSE(NarrowPattern("[\\p{L}-z]"));    // the escape would start a range
  CHECK(NarrowPattern("[a-z]\\d+") == "[a-z]\\d+");
}

TEST_CASE("a character cut short matches nothing, narrowed or not", "[rules]") {
  const std::vector<std::string> cut = {"Saint-\xC3", "Saint-\xC3\nÉtienne", "É\xE2\x80\n\xC3 Lyon",
                                        "\xF0\x9F\x9F x\xC5", "ab\xE2"};
  for (const char* pattern : {"\\p{L}+", "[^\\n]\\p{Lu}?", "(?i)\\b\\p{Lu}\\w*$", "(?m)^\\P{L}(.)",
                              "(?s)\\p{L}.\\p{N}?\\z", "(?i)[^\\p{Lu}x]{2}", "[^a]+$"}) {
    CheckSameMatches(pattern, cut);
  }
}

TEST_CASE("every rule narrows and finds in its examples what it finds as written", "[rules]") {
  Result<RuleSet> set = RuleSet::LoadDirectory(std::string(clsdb::SourceDir()) + "/rules", "");
  REQUIRE(set.ok());
  for (const auto& rule : set->rules()) {
    INFO(rule->file << ": [" << rule->name << "]");
    REQUIRE(rule->narrow() != nullptr);
    for (const RuleExample& ex : rule->examples) {
      if (!InNarrowAlphabet(ex.input)) continue;
      INFO(ex.input);
      CHECK(Groups(*rule->narrow(), ex.input) == Groups(rule->re(), ex.input));
    }
  }
}

TEST_CASE("WidenRepetitions widens long bounded repetitions only", "[rules]") {
  CHECK(WidenRepetitions("a[^\\n]{0,200}?b{1,3}c{16,16}", 16) == "a[^\\n]{0,}?b{1,3}c{16,}");
  CHECK(WidenRepetitions("x{2,40}y{5}z{3,}", 16) == "x{2,}y{5}z{3,}");
  // Braces inside classes and escapes, and literal braces, are left alone.
  CHECK(WidenRepetitions("[{0,99}]\\{0,99}\\x{2019}\\p{Lu}{1,20}", 16) ==
        "[{0,99}]\\{0,99}\\x{2019}\\p{Lu}{1,}");
  CHECK(WidenRepetitions("a{,99}b{x,99}", 16) == "a{,99}b{x,99}");
  CHECK_FALSE(WidenRepetitions("\\Qa{0,99}\\E", 16));
  CHECK_FALSE(WidenRepetitions("[a-z", 16));
}

TEST_CASE("a widened pattern matches wherever the rule matches", "[rules]") {
  Result<RuleSet> set = RuleSet::LoadDirectory(std::string(clsdb::SourceDir()) + "/rules", "");
  REQUIRE(set.ok());
  int widened = 0;
  for (const auto& rule : set->rules()) {
    INFO(rule->file << ": [" << rule->name << "]");
    const std::optional<std::string> wide = WidenRepetitions(rule->pattern, 16);
    REQUIRE(wide);
    if (*wide == rule->pattern) continue;
    ++widened;
    const RE2 re(*wide, Utf8Options());
    REQUIRE(re.ok());
    for (const RuleExample& ex : rule->examples) {
      INFO(ex.input);
      if (ex.should_match) CHECK(RE2::PartialMatch(ex.input, re));
    }
  }
  CHECK(widened > 0);
}

}  // namespace
}  // namespace clsdb

namespace clsdb {
namespace {

TEST_CASE("the members computed at build time are those RE2 gives", "[rules]") {
  // The escapes rules/ writes, and a few it does not.
  for (const std::string token : {"\\pL", "\\p{L}", "\\p{Lu}", "\\p{Ll}", "\\P{Ll}", "\\p{N}",
                                  "\\p{Co}", "\\PN", "\\p{Zs}"}) {
    for (bool fold : {false, true}) {
      INFO(token << (fold ? " folded" : ""));
      const std::optional<std::string> known = KnownNarrowMembers(token, fold);
      REQUIRE(known.has_value());
      CHECK(*known == ComputeNarrowMembers(token, fold).value());
    }
  }
  CHECK(KnownNarrowMembers("\\p{L}", false)->find("\\x{41}-\\x{5A}") != std::string::npos);
  // A script is not in the table: it is computed when a pattern names it.
  CHECK_FALSE(KnownNarrowMembers("\\p{Latin}", false).has_value());
  CHECK(NarrowPattern("\\p{Latin}") ==
        "[" + ComputeNarrowMembers("\\p{Latin}", false).value() + "]");
  CHECK_FALSE(ComputeNarrowMembers("\\p{Nope}", false).has_value());
}

}  // namespace
}  // namespace clsdb
