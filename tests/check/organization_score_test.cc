#include "check/organization_score.h"

#include <catch2/catch.hpp>

#include "check/annotation.h"
#include "check/scorer.h"

namespace clsdb::check {
namespace {

// The reference: the Département under three names, the CPAM under two, and
// a generic phrase that is no organisation.
Contract Reference() {
  Contract c;
  c.title = "CLS";
  c.organizations = {{"Département du Pas-de-Calais", "departement", std::nullopt, ""},
                     {"Caisse Primaire d'Assurance Maladie de l'Artois", "cpam", std::nullopt, ""}};
  c.organization_aliases = {{0, "Département du Pas-de-Calais"},
                            {0, "CD 62"},
                            {0, "Conseil Départemental (PMI)"},
                            {1, "Caisse Primaire d'Assurance Maladie de l'Artois"},
                            {1, "CPAM"},
                            {-1, "établissements de santé"}};
  return c;
}

Actor Named(const std::string& name, int org) {
  Actor a;
  a.role = ActorRole::kPilot;
  a.name = name;
  a.organization_index = org;
  return a;
}

// What a resolution that gets everything right stores.
Contract Extracted() {
  Contract c;
  c.title = "CLS";
  c.organizations = {{"Département du Pas-de-Calais", "departement", std::nullopt, ""},
                     {"Caisse Primaire d'Assurance Maladie de l'Artois", "cpam", std::nullopt, ""}};
  Party d;
  d.organization = "Département du Pas-de-Calais";
  d.organization_index = 0;
  Party cpam;
  cpam.organization = "Caisse Primaire d'Assurance Maladie de l'Artois";
  cpam.acronym = "CPAM";
  cpam.organization_index = 1;
  c.parties = {d, cpam};
  c.actors = {Named("CD 62", 0), Named("le Conseil Départemental (PMI)", 0),
              Named("établissements de santé", -1)};
  return c;
}

struct Scores {
  GroupScore pairs{"organizations"}, kinds{"organization_kinds"};
};

Scores Score(const Contract& actual) {
  Scores s;
  ScoreOrganizations(Reference(), &actual, &s.pairs, &s.kinds);
  return s;
}

TEST_CASE("organisation pairs: all linked right is every pair and no other") {
  const Scores s = Score(Extracted());
  // 3 pairs of the Département's names, 1 of the CPAM's.
  CHECK(s.pairs.tp == 4);
  CHECK(s.pairs.fp == 0);
  CHECK(s.pairs.fn == 0);
  CHECK(s.kinds.tp == 5);
  CHECK(s.kinds.fp == 0);
  CHECK(s.kinds.fn == 0);
}

TEST_CASE("organisation pairs: a split loses the pairs across the two parts") {
  Contract a = Extracted();
  a.organizations.push_back({"Conseil Départemental (PMI)", "departement", std::nullopt, ""});
  a.actors[1].organization_index = 2;
  const Scores s = Score(a);
  CHECK(s.pairs.tp == 2);  // Département = CD 62, and the CPAM
  CHECK(s.pairs.fn == 2);  // (PMI) with each of the other two
  CHECK(s.pairs.fp == 0);
  REQUIRE(s.pairs.missed.size() == 2);
  CHECK(s.pairs.missed[0].text.find("Conseil Départemental (PMI)") != std::string::npos);
  CHECK(s.kinds.tp == 5);  // still a département
}

TEST_CASE("organisation pairs: a wrong merge makes pairs the reference has not") {
  Contract a = Extracted();
  a.parties[1].organization_index = 0;  // the CPAM into the Département
  const Scores s = Score(a);
  CHECK(s.pairs.tp == 4);  // every annotated pair is still together
  CHECK(s.pairs.fn == 0);
  CHECK(s.pairs.fp == 6);  // each of the CPAM's 2 names with each of the 3 others
  CHECK(s.kinds.fp == 2);  // the CPAM's names linked to a département
  CHECK(s.kinds.fn == 2);
}

TEST_CASE("organisation pairs: a generic phrase linked is a wrong merge") {
  Contract a = Extracted();
  a.actors[2].organization_index = 0;
  const Scores s = Score(a);
  CHECK(s.pairs.fp == 3);
  CHECK(s.pairs.tp == 4);
  CHECK(s.kinds.fp == 1);
}

TEST_CASE("organisation pairs: an unlinked name misses its pairs, and no name is guessed") {
  Contract a = Extracted();
  a.actors[0].organization_index = -1;
  const Scores s = Score(a);
  CHECK(s.pairs.tp == 2);
  CHECK(s.pairs.fn == 2);
  CHECK(s.pairs.fp == 0);
  CHECK(s.kinds.fn == 1);
  CHECK(s.kinds.fp == 0);
}

TEST_CASE("organisation pairs: a contract not found misses all its pairs") {
  Scores s;
  ScoreOrganizations(Reference(), nullptr, &s.pairs, &s.kinds);
  CHECK(s.pairs.fn == 4);
  CHECK(s.pairs.tp == 0);
  CHECK(s.kinds.applicable() == false);  // no name held: nothing to judge
}

TEST_CASE("organisation pairs: a contract without alias sets is not scored") {
  Scores s;
  const Contract a = Extracted();
  ScoreOrganizations(Contract{}, &a, &s.pairs, &s.kinds);
  CHECK_FALSE(s.pairs.applicable());
  CHECK_FALSE(s.kinds.applicable());
}

TEST_CASE("organisation pairs: names compare without case, accents or a leading article") {
  CHECK(NameOf("l'ARS") == NameOf("ARS"));
  CHECK(NameOf("Les CPTS") == NameOf("cpts"));
  CHECK(NameOf("Education Nationale") == NameOf("Éducation nationale"));
  CHECK(NameOf("Lens") != NameOf("ns"));
}

TEST_CASE("organisation annotation: alias sets land in the contract of that title") {
  DocumentRecords doc;
  doc.contracts.resize(2);
  doc.contracts[0].title = "A";
  doc.contracts[1].title = "B";
  const char* json = R"({"contracts": [{"title": "B",
      "organizations": [{"kind": "ars", "names": ["Agence Régionale de Santé", "ARS"]},
                        {"names": ["UFOLEP"]}],
      "not_organizations": ["les communes"]}]})";
  REQUIRE(ParseOrganizationAnnotation(json, "t", &doc).ok());
  CHECK(doc.contracts[0].organization_aliases.empty());
  const Contract& b = doc.contracts[1];
  REQUIRE(b.organizations.size() == 2);
  CHECK(b.organizations[0].kind == std::optional<std::string>("ars"));
  CHECK_FALSE(b.organizations[1].kind.has_value());
  REQUIRE(b.organization_aliases.size() == 4);
  CHECK(b.organization_aliases[1].name == "ARS");
  CHECK(b.organization_aliases[1].organization_index == 0);
  CHECK(b.organization_aliases[3].organization_index == -1);
}

TEST_CASE("organisation annotation: a title no contract has, or a set without names, is an error") {
  DocumentRecords doc;
  doc.contracts.resize(1);
  doc.contracts[0].title = "A";
  CHECK(ParseOrganizationAnnotation(R"({"contracts": [{"title": "Z"}]})", "t", &doc).code() ==
        Status::Code::kCorruption);
  CHECK(ParseOrganizationAnnotation(
            R"({"contracts": [{"title": "A", "organizations": [{"names": []}]}]})", "t", &doc)
            .code() == Status::Code::kCorruption);
}

TEST_CASE("organisation groups stay out of the macro F1") {
  CHECK_FALSE(InMacro("organizations"));
  CHECK_FALSE(InMacro("organization_kinds"));
  CHECK(InMacro("parties"));
}

}  // namespace
}  // namespace clsdb::check
