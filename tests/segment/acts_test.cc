// Run-on paragraphs (segment/paragraph_breaks.cc, rules/breaks.rules) and acts
// (segment/acts.cc), on texts shaped as real converters leave them.
#include <catch2/catch.hpp>
#include <string>

#include "extract/extract.h"
#include "repo_rules.h"
#include "segment/segment.h"

namespace clsdb {
namespace {

// A whole act flattened into one line, as many published texts are.
const char kFlattened[] =
    "REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL SEANCE DU 06 FEVRIER 2023 L'an deux mil "
    "vingt-trois, le lundi 06 février à 20h30, les membres du Conseil Municipal de la commune "
    "de Saint-Aubin, dûment convoqués, se sont réunis sous la présidence de Monsieur Paul "
    "MARTIN, Maire. PRÉSENTS : Monsieur Paul MARTIN, Maire, Madame Anne PETIT, Monsieur Luc "
    "ROUX, Adjoints. SECRÉTAIRE DE SÉANCE : Madame Anne PETIT EXCUSÉS : Monsieur Jean DUPONT "
    "(Pouvoir à Madame Anne PETIT) Madame Claire DURAND (Pouvoir à Monsieur Luc ROUX) "
    "ABSENTS : Monsieur Marc BLANC Monsieur Éric NOIR n° 12-02-2023 - Approbation du contrat "
    "local de santé Monsieur le Maire rappelle au conseil le projet. Vu le Code général des "
    "collectivités territoriales, Le Conseil Municipal, après en avoir délibéré, à "
    "l'unanimité, DÉCIDE d'approuver le contrat.\n";

TEST_CASE("a flattened act is cut at its marks and read whole", "[segment][breaks]") {
  const testing::TextRun run(kFlattened);
  // The text was one line; it is now several paragraphs, each a span of it.
  REQUIRE(run.doc.blocks.size() > 5);
  for (const Block& b : run.doc.blocks) {
    CHECK(run.doc.pages[0].text.substr(b.span.start, b.span.end - b.span.start) == b.text);
  }
  REQUIRE(run.records.doc_type == "deliberation");
  REQUIRE(run.records.deliberations.size() == 1);
  const Deliberation& d = run.records.deliberations[0];
  CHECK(d.number == "12-02-2023");
  CHECK(d.title == "Approbation du contrat local de santé");
  CHECK(d.meeting_date == "2023-02-06");
  CHECK(d.secretary == "Anne PETIT");
  CHECK(d.outcome == "adopted");
  std::vector<std::string> people;
  for (const Attendee& a : d.attendees) people.push_back(a.name + " | " + a.status);
  CHECK(people == std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present",
                                           "Luc ROUX | present", "Jean DUPONT | excused",
                                           "Claire DURAND | excused", "Marc BLANC | absent",
                                           "Éric NOIR | absent"});
}

// Minutes: the sitting's header once, then numbered items, each decided.
const char kMinutes[] =
    "Conseil Municipal du 2 juillet 2021\n"
    "L'an deux mille vingt et un, le 2 juillet à 19h, le Conseil Municipal de Pierrelongue, "
    "dûment convoqué le 25 juin 2021, s'est réuni sous la présidence de Madame Florence "
    "DEMOUY, maire.\n"
    "Présents : Madame Florence DEMOUY, Monsieur Gilles PAPIN\n"
    "Absents :\n"
    "Madame Elsa CARRIER\n"
    "1.\n"
    "Approbation d'une participation des familles au mini-camp\n"
    "Madame le Maire informe les membres du conseil du projet.\n"
    "Vote : pour à l'unanimité\n"
    "2 Recensement de la population 2022\n"
    "Il est proposé de désigner le coordonnateur communal.\n"
    "Vote : pour à l'unanimité\n";

TEST_CASE("minutes give one act per decided item, each with the sitting's header", "[segment]") {
  const testing::TextRun run(kMinutes);
  REQUIRE(run.records.doc_type == "deliberation");
  REQUIRE(run.records.deliberations.size() == 2);
  const Deliberation& first = run.records.deliberations[0];
  const Deliberation& second = run.records.deliberations[1];
  CHECK(first.title == "Approbation d'une participation des familles au mini-camp");
  CHECK(second.title == "Recensement de la population 2022");
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.meeting_date == "2021-07-02");
    CHECK(d.attendees.size() == 3);
  }
}

TEST_CASE("numbered decisions of one act are not items of minutes", "[segment]") {
  const testing::TextRun run(
      "DÉLIBÉRATION DU COMITÉ SYNDICAL\n"
      "Délibération n° CS-2025-04\n"
      "OBJET : Contrat local de santé\n"
      "Le Comité syndical, après en avoir délibéré, DÉCIDE :\n"
      "1. D'approuver le contrat local de santé pour la période 2025-2029 ;\n"
      "2. De charger le Président de l'exécution de la présente délibération.\n"
      "Adopté à l'unanimité.\n");
  REQUIRE(run.records.deliberations.size() == 1);
  CHECK(run.records.deliberations[0].number == "CS-2025-04");
}

}  // namespace
}  // namespace clsdb
