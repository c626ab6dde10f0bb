// ExtractContracts (extract/contract.cc, rules/contract.rules): a contract's
// header facts, on small texts run through DecodeText → LayOut → Segment →
// Extract.
#include <catch2/catch.hpp>
#include <string>

#include "extract/extract.h"
#include "layout/layout.h"
#include "read/reader.h"
#include "repo_rules.h"
#include "rules/rule_set.h"
#include "segment/segment.h"
#include "test_paths.h"

namespace clsdb {
namespace {

DocumentRecords ContractRun(const std::string& text) { return testing::TextRun(text).records; }

// By value: the records are a temporary in most tests.
Contract Only(const DocumentRecords& r) {
  REQUIRE(r.contracts.size() == 1);
  return r.contracts[0];
}

const char kPreamble[] =
    "Entre :\n"
    "La Communauté Urbaine d'Arras dont le siège est situé au 146 allée du bastion 62000 Arras, "
    "représentée par Monsieur Frédéric Leturque en sa qualité de président,\n"
    "Ci-après désignée « la Communauté Urbaine d'Arras »,\n"
    "et\n"
    "L'agence régionale de santé Hauts-de-France, représentée par son Directeur général, Monsieur "
    "Hugo GILARDI,\n"
    "Ci-après désignée « l'ARS »,\n"
    "Il est convenu ce qui suit :\n";

TEST_CASE("a bare title takes the territory's name from the lines under it", "[contract]") {
  const Contract c = Only(ContractRun(std::string("CONTRAT LOCAL DE SANTÉ\n"
                                                  "Communauté d'Agglomération\n"
                                                  "de Lens-Liévin\n"
                                                  "Côte d'Opale\n") +
                                      kPreamble));
  CHECK(c.title == "CONTRAT LOCAL DE SANTÉ Communauté d'Agglomération de Lens-Liévin");
}

TEST_CASE("a flattened cover: the title ends where the preamble begins", "[contract]") {
  const Contract c = Only(ContractRun(
      "Contrat Local de Santé de Macouria 2016-2019 Entre Le Préfet de Guyane Le "
      "Directeur Général de l'Agence Régionale de Santé Le Maire de Macouria\n"
      "Préambule\n"
      "Le Contrat Local de Santé s'impose comme l'outil des politiques de santé locales.\n"));
  CHECK(c.title == "Contrat Local de Santé de Macouria 2016-2019");
}

TEST_CASE("a flattened cover that repeats the words takes the last title, up to its period",
          "[contract]") {
  // The bare words over the full title, then the partners' logos.
  const Contract bare = Only(ContractRun(
      "Contrat Local de Santé Contrat Local de Santé du Bassin de Saint-Flour 2017-2022 "
      "Hautes Terres Communauté CDOM Cantal |\n" +
      std::string(kPreamble)));
  CHECK(bare.title == "Contrat Local de Santé du Bassin de Saint-Flour 2017-2022");
  // The title printed twice, run into the preamble.
  const Contract twice = Only(ContractRun(
      "CONTRAT LOCAL DE SANTE DE CLICHY CONTRAT LOCAL DE SANTE DE CLICHY 2019 - 2022 Entre "
      "Monsieur le Maire de Clichy, Monsieur le Préfet\n" +
      std::string(kPreamble)));
  CHECK(twice.title == "CONTRAT LOCAL DE SANTE DE CLICHY 2019 - 2022");
  // The full title, then the bare words that head the preamble: the full one.
  const Contract heading = Only(ContractRun(
      "Contrat Local de Santé de Macouria Contrat Local de Santé Entre Le Préfet de Guyane Le "
      "Directeur Général de l'Agence Régionale de Santé Le Maire de Macouria Préambule Mesure "
      "innovante proposée par la loi, le Contrat Local de Santé s'impose comme l'outil des "
      "politiques de santé locales.\n"));
  CHECK(heading.title == "Contrat Local de Santé de Macouria");
  CHECK(heading.territory == OptText("Macouria"));
}

TEST_CASE("a flattened cover: the title after the logos' words, cut short on an article",
          "[contract]") {
  const DocumentRecords r = ContractRun(
      "Liberté • Égalité • Fraternité RÉPUBLIQUE FRANCAISE Préfecture de la CONTRAT LOCAL DE "
      "SANTE PAYS D'EXEMPLE Le mot du Président du PAYS D'EXEMPLE La santé est la principale "
      "préoccupation des habitants d'un territoire rural, où l'accès aux soins est difficile.\n");
  const Contract c = Only(r);
  CHECK(c.title == "CONTRAT LOCAL DE SANTE PAYS D'EXEMPLE");
  CHECK(r.doc_type == DocumentType::kContract);
}

TEST_CASE("a cover that repeats the contract's name is titled by the contract's title",
          "[contract][title]") {
  // Flattened: the block opens with the bare words, not with the title.
  const DocumentRecords bare = ContractRun(
      "Contrat Local de Santé Contrat Local de Santé du Bassin de Saint-Flour 2017-2022 "
      "Hautes Terres Communauté CDOM Cantal |\n" +
      std::string(kPreamble));
  REQUIRE(bare.title);
  CHECK(*bare.title == "Contrat Local de Santé du Bassin de Saint-Flour 2017-2022");
  // A title block that opens with the title and goes on (its generation) is
  // the title as printed.
  const DocumentRecords printed = ContractRun(
      "CONTRAT LOCAL DE SANTÉ DU PAYS DE BRAY\nDeuxième génération\n" + std::string(kPreamble));
  REQUIRE(printed.title);
  CHECK(printed.title->starts_with("CONTRAT LOCAL DE SANTÉ DU PAYS DE BRAY"));
}

TEST_CASE("the territory is the collectivity among the parties, its acronym in brackets",
          "[contract]") {
  const Contract c =
      Only(ContractRun(std::string("CONTRAT LOCAL DE SANTÉ\n"
                                   "Communauté Urbaine d'Arras\n") +
                       kPreamble +
                       "En 2020, le territoire de la Communauté Urbaine d'Arras (CUA) "
                       "compte 46 communes.\n"));
  CHECK(c.territory == "Communauté Urbaine d'Arras");
  CHECK(c.territory_acronym == "CUA");
}

TEST_CASE("the generation is the highest the contract states of itself", "[contract]") {
  const Contract c =
      Only(ContractRun(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble +
                       "La CCSA a signé son premier Contrat Local de Santé en 2019.\n"
                       "Les enjeux du CLS 2 et du CLS de 2ème génération ont été "
                       "validés.\n"));
  CHECK(c.generation == 2);
}

TEST_CASE("the first contract a history recalls is no generation of this one", "[contract]") {
  const std::string history =
      "Le 9 janvier 2013 était signé entre la Communauté de communes et l'Agence Régionale de "
      "Santé un premier contrat local de santé dit « contrat de préfiguration ».\n";
  const Contract c =
      Only(ContractRun(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble + history));
  CHECK_FALSE(c.generation.has_value());
  // The contract that calls itself the first is of the first generation.
  const Contract first = Only(ContractRun(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble +
                                          "Ce premier contrat local de santé porte sur trois "
                                          "axes.\n"));
  CHECK(first.generation == 1);
}

TEST_CASE("a table of contents' page number after 'CLS' is no generation", "[contract]") {
  const Contract c = Only(ContractRun(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble +
                                      "\nSOMMAIRE\n\n1. LES INSTANCES DE GOUVERNANCE 7\n\n"
                                      "2. L'ANIMATION DU CLS 8\n\n3. LES ACTIONS 9\n"));
  CHECK_FALSE(c.generation.has_value());
}

TEST_CASE("a silent contract takes the generation of the act that approves it", "[contract]") {
  const DocumentRecords r =
      ContractRun(std::string("PARTICIPATION DU DÉPARTEMENT AUX CONTRATS LOCAUX DE "
                              "SANTÉ DE 3ÈME GÉNÉRATION\n"
                              "CONTRAT LOCAL DE SANTE\n") +
                  kPreamble);
  CHECK(Only(r).generation == 3);
  const DocumentRecords none = ContractRun(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble);
  CHECK_FALSE(Only(none).generation.has_value());
}

TEST_CASE("the period comes from the title page, not from the history", "[contract]") {
  const Contract c = Only(
      ContractRun(std::string("CONTRAT LOCAL DE SANTÉ DU GRAND MORDELANGE\n"
                              "Période 2025-2027\n") +
                  kPreamble + "Un premier contrat avait été signé pour la période 2020-2023.\n"));
  CHECK(c.period_start == 2025);
  CHECK(c.period_end == 2027);
  const Contract body_only =
      Only(ContractRun(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble +
                       "Un premier contrat avait été signé pour la période 2020-2023.\n"));
  CHECK_FALSE(body_only.period_start.has_value());
}

TEST_CASE("a placeholder place and a blank day give no signature", "[contract]") {
  const Contract c =
      Only(ContractRun(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble +
                       "ARTICLE 1 : Objet\n"
                       "Le présent contrat définit les engagements des signataires.\n"
                       "Fait à xxxxxxx, le\n"
                       "Le directeur général de l'ARS,\n"));
  CHECK_FALSE(c.signed_place.has_value());
  CHECK_FALSE(c.signed_date.has_value());
}

TEST_CASE("the signature line gives place and date, the place may hold 'le'", "[contract]") {
  const Contract c = Only(ContractRun(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble +
                                      "Fait à Herlin le Sec, le 05 décembre 2024\n"));
  CHECK(c.signed_place == "Herlin le Sec");
  CHECK(c.signed_date == "2024-12-05");
  const Contract draft = Only(ContractRun(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble +
                                          "Fait à Loc-Coatmeur, le ………………… 2025\n"));
  CHECK(draft.signed_place == "Loc-Coatmeur");
  CHECK_FALSE(draft.signed_date.has_value());
}

TEST_CASE("population and communes come from the perimeter article", "[contract]") {
  const Contract c = Only(ContractRun(
      std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble +
      "Les 3 communes plus peuplées : Bapaume (3 749 habitants), Croisilles (1 961 habitants).\n"
      "ARTICLE 1 : Objet du contrat\n"
      "Le présent contrat définit les engagements des signataires et leur gouvernance.\n"
      "ARTICLE 2 : Périmètres géographiques du contrat\n"
      "Le présent contrat concerne l'ensemble du territoire. Il recouvre 64 communes et concerne "
      "27 142 habitants.\n"));
  CHECK(c.population == 27142);
  CHECK(c.communes == 64);
}

}  // namespace
}  // namespace clsdb
