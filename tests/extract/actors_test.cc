// Splitting pilot / partner cells into one name per organisation
// (extract/actors.h, rules/actors.rules), on the conventions of
// ../shared/corpus/expected/FORMAT.md.
#include "extract/actors.h"

#include <catch2/catch.hpp>

#include "repo_rules.h"
#include "rules/rule_set.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using testing::RepoRules;

std::vector<std::string> Names(const std::string& cell) {
  std::vector<std::string> out;
  for (const ActorName& a : SplitActors(cell, RepoRules())) out.push_back(a.name);
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("the separators of FORMAT.md each cut", "[actors]") {
  CHECK(Names("CCSA - CPTS") == V{"CCSA", "CPTS"});
  CHECK(Names("CAHC, CPAM, Médecins du Monde") == V{"CAHC", "CPAM", "Médecins du Monde"});
  CHECK(Names("ARS et CPAM") == V{"ARS", "CPAM"});
  CHECK(Names("Addictions France / CCMC") == V{"Addictions France", "CCMC"});
  CHECK(Names("EN/ARS/CJC") == V{"EN", "ARS", "CJC"});
  CHECK(Names("MSA + CCAS") == V{"MSA", "CCAS"});
  CHECK(Names("CCSA + partenaires du champ concerné") ==
        V{"CCSA", "partenaires du champ concerné"});
  CHECK(Names("Euro Group Consulting en lien avec ARS - CCCA - CCSA") ==
        V{"Euro Group Consulting", "ARS", "CCCA", "CCSA"});
}

TEST_CASE("leading articles and prepositions are dropped", "[actors]") {
  CHECK(Names("les CPTS") == V{"CPTS"});
  CHECK(Names("CPTS en lien avec le service de santé de l'université et de l'ARS") ==
        V{"CPTS", "service de santé de l'université", "ARS"});
  CHECK(Names("Coordination CLS en lien avec CH Nord, CH Sud, les CPTS et les 2 EPCI") ==
        V{"Coordination CLS", "CH Nord", "CH Sud", "CPTS", "2 EPCI"});
  CHECK(Names("ARS en lien avec L'association \"Santé Plus\"") ==
        V{"ARS", "association \"Santé Plus\""});
  CHECK(Names("CPAM du Hainaut") == V{"CPAM du Hainaut"});
  // "et à l'…" joins a second complement to the name.
  CHECK(Names("Délégation de région académique à l'information et à l'orientation (DRAIO), "
              "DAASEN") == V{"Délégation de région académique à l'information et à "
                             "l'orientation (DRAIO)",
                             "DAASEN"});
}

TEST_CASE("dashes cut between acronyms, not inside names", "[actors]") {
  CHECK(Names("ARS et CCCA-CCSA") == V{"ARS", "CCCA", "CCSA"});
  CHECK(Names("ARS- EN-CD") == V{"ARS", "EN", "CD"});
  CHECK(Names("CCSA -GHAT (CH Bapaume) - PTSM") == V{"CCSA", "GHAT (CH Bapaume)", "PTSM"});
  CHECK(Names("EN et AEP- consultation jeunes") == V{"EN", "AEP- consultation jeunes"});
  CHECK(Names("Association Hauts-de-France Santé (HDFS)") ==
        V{"Association Hauts-de-France Santé (HDFS)"});
  CHECK(Names("CAHC, 9-9bis") == V{"CAHC", "9-9bis"});
}

TEST_CASE("parentheses keep their content whole", "[actors]") {
  CHECK(Names("CD 59 (SPS - PMI), CH Nord") == V{"CD 59 (SPS - PMI)", "CH Nord"});
  CHECK(Names("CCSA - (UFOLEP)") == V{"CCSA", "UFOLEP"});
  CHECK(Names("Conseil Départemental (PMI)") == V{"Conseil Départemental (PMI)"});
}

TEST_CASE("amounts stay in the name, uncut", "[actors]") {
  CHECK(Names("ARS (2500€/classe)") == V{"ARS (2500€/classe)"});
  CHECK(Names("ARS : 50 000 € / an / Poste, CPAM") == V{"ARS : 50 000 € / an / Poste", "CPAM"});
  CHECK(Names("CD entre 8000 et 10000€") == V{"CD entre 8000 et 10000€"});
}

TEST_CASE("a piece that only completes the name before shares its head", "[actors]") {
  CHECK(Names("Les CH Avesnes, de Fourmies, de Felleries-Liessies et les CPTS") ==
        V{"CH Avesnes", "CH de Fourmies", "CH de Felleries-Liessies", "CPTS"});
  CHECK(Names("acteurs du logement, de l'éducation, de la justice") ==
        V{"acteurs du logement", "acteurs de l'éducation", "acteurs de la justice"});
  // "de l'ARS" is a name of its own, not a complement.
  CHECK(Names("CH Nord, de l'ARS") == V{"CH Nord", "ARS"});
}

TEST_CASE("common nouns joined by et, ou, slash are not cut into fragments", "[actors]") {
  CHECK(Names("Référents famille / jeunesse ou santé des CS") ==
        V{"Référents famille / jeunesse ou santé des CS"});
  CHECK(Names("écoles de médecine et de paramédicale") ==
        V{"écoles de médecine et de paramédicale"});
  CHECK(Names("Chefferie de pôle/du secteur psychiatrique") ==
        V{"Chefferie de pôle/du secteur psychiatrique"});
  CHECK(Names("communes/CCAS") == V{"communes", "CCAS"});
  CHECK(Names("ARS et/ou collectivité") == V{"ARS", "collectivité"});
}

TEST_CASE("what names no one is dropped, and each name comes once", "[actors]") {
  CHECK(Names("CPAM, MSA, CCAS, etc.") == V{"CPAM", "MSA", "CCAS"});
  CHECK(Names("A définir si besoin").empty());
  CHECK(Names("").empty());
  CHECK(Names("CCSA - CPTS - CCSA") == V{"CCSA", "CPTS"});
}

TEST_CASE("each name carries its bytes in the cell", "[actors]") {
  const std::string cell = "les CPTS, de l'ARS";
  std::vector<ActorName> names = SplitActors(cell, RepoRules());
  REQUIRE(names.size() == 2);
  CHECK(cell.substr(names[0].start, names[0].end - names[0].start) == "CPTS");
  CHECK(cell.substr(names[1].start, names[1].end - names[1].start) == "ARS");
}

}  // namespace
}  // namespace clsdb
