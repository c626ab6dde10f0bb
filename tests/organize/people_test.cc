// One spelling per person (organize/people.h), on documents written by hand.
#include "organize/people.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "repo_rules.h"

namespace clsdb {
namespace {

// A document of one contract per representative, each party signed by it.
DocumentRecords Signed(const std::vector<std::vector<std::string>>& contracts) {
  DocumentRecords records;
  for (const std::vector<std::string>& representatives : contracts) {
    Contract c;
    for (const std::string& name : representatives) {
      Party p;
      p.organization = "Caisse Primaire d'Assurance Maladie de l'Artois";
      if (!name.empty()) p.representative = name;
      c.parties.push_back(p);
    }
    records.contracts.push_back(c);
  }
  return records;
}

TEST_CASE("PersonKey sets case, accents, hyphens and spaces aside", "[organize][people]") {
  CHECK(PersonKey("GOHIER BURGER") == PersonKey("Gohier Burger"));
  CHECK(PersonKey("GOHIER BURGER") == PersonKey("GOHIER-BURGER"));
  CHECK(PersonKey("Hélène N'Guyen") == PersonKey("HELENE NGUYEN"));
  CHECK(PersonKey("Jean Martin") != PersonKey("Jeanne Martin"));
  // Surname first or last: one person.
  CHECK(PersonKey("JUMEL Sébastien") == PersonKey("Sébastien JUMEL"));
  CHECK(PersonKey("GOHIER-BURGER Blandine") == PersonKey("Blandine Gohier Burger"));
  CHECK(PersonKey(" - ").empty());
}

TEST_CASE("a person written several ways gets the spelling written most often",
          "[organize][people]") {
  const DocumentRecords out =
      ChoosePersonSpellings(Signed({{"Blandine GOHIER BURGER", "Hugo GILARDI"},
                                    {"Blandine Gohier Burger"},
                                    {"Blandine GOHIER-BURGER", ""},
                                    {"Blandine GOHIER-BURGER", "Hugo Gilardi"}}));
  for (const Contract& c : out.contracts) {
    for (const Party& p : c.parties) {
      if (!p.representative) {
        CHECK_FALSE(p.representative_canonical.has_value());
      } else if (PersonKey(*p.representative) == PersonKey("Blandine Gohier-Burger")) {
        CHECK(p.representative_canonical == OptText("Blandine GOHIER-BURGER"));
      } else {
        // One spelling each: a tie keeps the first written.
        CHECK(p.representative_canonical == OptText("Hugo GILARDI"));
      }
    }
  }
  // The spelling as written is kept.
  CHECK(out.contracts[1].parties[0].representative == OptText("Blandine Gohier Burger"));
}

TEST_CASE("two people stay two", "[organize][people]") {
  const DocumentRecords out = ChoosePersonSpellings(Signed({{"Jean MARTIN", "Jeanne MARTIN"}}));
  CHECK(out.contracts[0].parties[0].representative_canonical == OptText("Jean MARTIN"));
  CHECK(out.contracts[0].parties[1].representative_canonical == OptText("Jeanne MARTIN"));
}

TEST_CASE("an act's president, secretary and attendees share one spelling per person",
          "[organize][people]") {
  DocumentRecords records;
  for (int i = 0; i < 2; ++i) {
    Deliberation d;
    d.president = "Sébastien JUMEL";
    d.secretary = i == 0 ? "Nicole Falco" : "FALCO Nicole";
    for (const char* name : {"JUMEL Sébastien", "FALCO Nicole", "LEVASSEUR Thierry"}) {
      Attendee a;
      a.name = name;
      a.status = "present";
      d.attendees.push_back(a);
    }
    records.deliberations.push_back(d);
  }
  const DocumentRecords out = ChoosePersonSpellings(records);
  for (const Deliberation& d : out.deliberations) {
    // Written "JUMEL Sébastien" twice, "Sébastien JUMEL" twice: the first.
    CHECK(d.president_canonical == OptText("Sébastien JUMEL"));
    CHECK(d.attendees[0].name_canonical == OptText("Sébastien JUMEL"));
    // "FALCO Nicole" three times, "Nicole Falco" once.
    CHECK(d.secretary_canonical == OptText("FALCO Nicole"));
    CHECK(d.attendees[1].name_canonical == OptText("FALCO Nicole"));
    CHECK(d.attendees[2].name_canonical == OptText("LEVASSEUR Thierry"));
  }
  // As written, unchanged.
  CHECK(out.deliberations[0].secretary == OptText("Nicole Falco"));
  CHECK(out.deliberations[0].attendees[0].name == "JUMEL Sébastien");
}

// On the shared corpus: within each document, the spellings of one person
// get one canonical spelling, itself one of them; and some document does
// spell a person several ways (the annexed contracts of 000).
TEST_CASE("shared corpus: one spelling per person per document", "[organize][people][corpus]") {
  REQUIRE(testing::HaveSharedCorpus());
  int people_spelled_several_ways = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SharedCorpus() / "text")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    testing::TextRun run(text.str());
    const DocumentRecords out = ChoosePersonSpellings(run.records);
    std::map<std::string, std::set<std::string>> written, canonical;
    for (const Contract& c : out.contracts) {
      for (const Party& p : c.parties) {
        if (!p.representative) continue;
        REQUIRE(p.representative_canonical.has_value());
        written[PersonKey(*p.representative)].insert(*p.representative);
        canonical[PersonKey(*p.representative)].insert(*p.representative_canonical);
      }
    }
    for (const auto& [key, spellings] : written) {
      INFO(entry.path().filename().string() << ": " << key);
      CHECK(canonical[key].size() == 1);
      CHECK(spellings.count(*canonical[key].begin()) == 1);
      people_spelled_several_ways += spellings.size() > 1;
    }
  }
  CHECK(people_spelled_several_ways > 0);
}

}  // namespace
}  // namespace clsdb
