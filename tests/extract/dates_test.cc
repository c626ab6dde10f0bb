// The shared French date parser (extract/dates.cc, rules/dates.rules).
#include "extract/dates.h"

#include <catch2/catch.hpp>
#include <string>

#include "repo_rules.h"
#include "rules/rule_set.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using testing::RepoRules;

std::string Parse(const std::string& text) {
  return ParseFrenchDate(text, RepoRules()).value_or("(none)");
}

TEST_CASE("dates in words, with an ordinal first day", "[dates]") {
  CHECK(Parse("1er février 2024") == "2024-02-01");
  CHECK(Parse("21 octobre 2025") == "2025-10-21");
  CHECK(Parse("4 février 2025") == "2025-02-04");
}

TEST_CASE("a leading 'le' is allowed around a whole date", "[dates]") {
  CHECK(Parse("le 05 décembre 2024") == "2024-12-05");
  CHECK(Parse("  le 05 décembre 2024. ") == "2024-12-05");
}

TEST_CASE("month names in any case, with or without accents", "[dates]") {
  CHECK(Parse("22 AVRIL 2025") == "2025-04-22");
  CHECK(Parse("3 FÉVRIER 2025") == "2025-02-03");
  CHECK(Parse("3 fevrier 2025") == "2025-02-03");
  CHECK(Parse("15 aout 2023") == "2023-08-15");
  CHECK(Parse("15 août 2023") == "2023-08-15");
  CHECK(Parse("2 decembre 2024") == "2024-12-02");
  CHECK(Parse("2 Décembre 2024") == "2024-12-02");
}

TEST_CASE("abbreviated months", "[dates]") {
  CHECK(Parse("3 sept. 2024") == "2024-09-03");
  CHECK(Parse("12 janv. 2025") == "2025-01-12");
}

TEST_CASE("dates in figures", "[dates]") {
  CHECK(Parse("15/11/2024") == "2024-11-15");
  CHECK(Parse("01/07/2021") == "2021-07-01");
  CHECK(Parse("1.7.2021") == "2021-07-01");
  CHECK(Parse("2025-03-10") == "2025-03-10");
}

TEST_CASE("dates that are not on the calendar are rejected", "[dates]") {
  CHECK(Parse("31/02/2024") == "(none)");
  CHECK(Parse("31 avril 2025") == "(none)");
  CHECK(Parse("2025-13-01") == "(none)");
  CHECK(Parse("29/02/2023") == "(none)");
  CHECK(Parse("29/02/2024") == "2024-02-29");
}

TEST_CASE("a date needs its day, month and year", "[dates]") {
  CHECK(Parse("avril 2025") == "(none)");
  CHECK(Parse("22 avril") == "(none)");
  CHECK(Parse("12/2024") == "(none)");
}

TEST_CASE("ParseFrenchDate wants the date to be the whole text", "[dates]") {
  CHECK(Parse("Fait à Arras, le 22 avril 2025") == "(none)");
  CHECK(Parse("22 avril 2025 à 18 h") == "(none)");
}

TEST_CASE("FindFrenchDate gives the first valid date and its span", "[dates]") {
  const std::string text = "Fait à Arras, le 22 avril 2025, publié le 02/10/2025";
  auto found = FindFrenchDate(text, RepoRules());
  REQUIRE(found.has_value());
  CHECK(found->iso == "2025-04-22");
  CHECK(text.substr(found->start, found->end - found->start) == "22 avril 2025");
}

TEST_CASE("FindFrenchDate skips an invalid date for a later valid one", "[dates]") {
  auto found = FindFrenchDate("du 31/02/2024 au 15/03/2024", RepoRules());
  REQUIRE(found.has_value());
  CHECK(found->iso == "2024-03-15");
}

TEST_CASE("FindFrenchDate prefers the leftmost date whatever its form", "[dates]") {
  auto found = FindFrenchDate("signé le 4 février 2025 (transmis le 10/02/2025)", RepoRules());
  REQUIRE(found.has_value());
  CHECK(found->iso == "2025-02-04");
}

TEST_CASE("no date in a period, a page counter or an ACTES id", "[dates]") {
  CHECK_FALSE(FindFrenchDate("période 2025/2028", RepoRules()).has_value());
  CHECK_FALSE(FindFrenchDate("Page 3/43", RepoRules()).has_value());
  CHECK_FALSE(FindFrenchDate("ID : 059-200043404-20250924-DELIB370A-DE", RepoRules()).has_value());
}

std::string Find(const std::string& text) {
  const auto found = FindFrenchDate(text, RepoRules());
  return found ? found->iso : "(none)";
}

TEST_CASE("a sitting's date written in words, year first or last", "[dates]") {
  CHECK(Find("L'an deux mil vingt-trois, le vendredi 06 février à 20h30") == "2023-02-06");
  CHECK(Find("L’an deux mille vingt, le 20 janvier à 17 heures 30") == "2020-01-20");
  CHECK(Find("réunis le seize février deux mille vingt-trois à dix-neuf heures") == "2023-02-16");
  CHECK(Find("L'an deux mille dix-neuf, le vingt et un mars") == "2019-03-21");
  // Words that are no number end the year; a day that does not exist is no date.
  CHECK(Find("le trente février deux mille vingt") == "(none)");
  CHECK(Find("l'an dernier en février") == "(none)");
}

}  // namespace
}  // namespace clsdb
