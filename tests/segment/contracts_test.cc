// FindContracts (segment/segment.h, rules/contract.rules): which blocks are
// a contract held in full, on small texts laid out as a text file.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "layout/layout.h"
#include "read/reader.h"
#include "repo_rules.h"
#include "rules/rule_set.h"
#include "segment/segment.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using testing::RepoRules;

using testing::LayOutText;

// The text of the block that starts each contract.
std::vector<std::string> TitleTexts(const LaidOutDocument& doc) {
  std::vector<std::string> out;
  for (const ContractSegment& c : FindContracts(doc, RepoRules())) {
    REQUIRE(c.title_block == c.range.begin);
    out.push_back(doc.blocks[c.title_block].text);
  }
  return out;
}

using V = std::vector<std::string>;

const char kPreamble[] =
    "Entre :\n"
    "La Communauté de Communes du Val, représentée par Monsieur Paul DURAND en sa qualité de "
    "président,\n"
    "et\n"
    "L'Agence régionale de santé, représentée par son Directeur général, Monsieur Hugo "
    "GILARDI,\n"
    "Il est convenu ce qui suit :\n"
    "ARTICLE 1 : Objet du contrat\n"
    "Le présent contrat définit les engagements des signataires.\n";

TEST_CASE("a title page followed by the parties' preamble starts a contract", "[contracts]") {
  const LaidOutDocument doc = LayOutText(std::string("CONTRAT LOCAL DE SANTE\n"
                                                     "Communauté de Communes du Val\n"
                                                     "Groupe Hospitalier\n"
                                                     "CENTRE HOSPITALIER\n") +
                                         kPreamble);
  const std::vector<ContractSegment> found = FindContracts(doc, RepoRules());
  REQUIRE(found.size() == 1);
  CHECK(found[0].title_block == 0);
  CHECK(found[0].range.end == static_cast<int>(doc.blocks.size()));
}

TEST_CASE("a report's summary of a contract is not a contract", "[contracts]") {
  const LaidOutDocument doc = LayOutText(
      std::string("Annexe 1\n"
                  "I. Le Contrat Local de Santé de la Communauté de Communes du Val (annexe 2) :\n"
                  "La Communauté de Communes du Val est un territoire rural de 20 communes.\n"
                  "Entre les partenaires, trois orientations ont été retenues.\n"
                  "Contrat Local de Santé de la Communauté de Communes du Val (annexe 2) :\n"
                  "Il est proposé d'approuver ce contrat.\n") +
      "Contrat Local de Santé de la Communauté de Communes du Val\n" + kPreamble);
  CHECK(TitleTexts(doc) == V{"Contrat Local de Santé de la Communauté de Communes du Val"});
}

TEST_CASE("a heading 'Contrat local de santé' followed by prose starts nothing", "[contracts]") {
  const LaidOutDocument doc = LayOutText(
      "COMMUNIQUÉ DE PRESSE\n"
      "Contrat local de santé\n"
      "L'ARS et la communauté d'agglomération s'engagent pour la santé.\n"
      "L'ARS et la CALL signent, le 25 septembre 2019, un Contrat local de santé.\n");
  CHECK(FindContracts(doc, RepoRules()).empty());
}

TEST_CASE("a run-on title is judged by its own words, not the page it opens", "[contracts]") {
  // A flattened page: the title, then sentences, in one paragraph.
  const std::string cover =
      "Contrat Local de Santé Pays de Ploërmel 2018-2022 Remerciements Le Pays et l'ARS "
      "remercient l'ensemble des partenaires ayant participé à la construction de ce contrat. "
      "Mairie de Brignac : M. LE BRETON ; Mairie de Guégon : M. DUBOT ; Mairie de Josselin : "
      "Mme AUBERT.";
  CHECK(TitleTexts(LayOutText(cover + "\n" + kPreamble)) == V{cover});
  // A sentence that opens the same way is not a title.
  CHECK(FindContracts(LayOutText("Contrat Local de Santé du Pays de Ploërmel est signé pour "
                                 "2018-2022. Il associe les partenaires.\n" +
                                 std::string(kPreamble)),
                      RepoRules())
            .empty());
}

TEST_CASE("a contract's own section heading does not start another one", "[contracts]") {
  const LaidOutDocument doc =
      LayOutText(std::string("CONTRAT LOCAL DE SANTE\n") + kPreamble +
                 "III. LE CONTRAT LOCAL DE SANTE DE LA COMMUNAUTE DE COMMUNES DU VAL\n"
                 "ARTICLE 1 : Objet du contrat\n"
                 "Le présent contrat a pour objet de définir les engagements des signataires.\n");
  CHECK(TitleTexts(doc) == V{"CONTRAT LOCAL DE SANTE"});
}

TEST_CASE("contracts annexed one after the other split at each title", "[contracts]") {
  const LaidOutDocument doc = LayOutText(std::string("Délibération du conseil\n"
                                                     "CONTRAT LOCAL DE SANTÉ\n"
                                                     "Communauté Urbaine du Nord\n") +
                                         kPreamble +
                                         "Contrat local de SANTÉ\n"
                                         "Communauté d'Agglomération\n"
                                         "Hénin-Carvin\n" +
                                         kPreamble);
  const std::vector<ContractSegment> found = FindContracts(doc, RepoRules());
  REQUIRE(found.size() == 2);
  CHECK(found[0].range.begin == 1);
  CHECK(found[0].range.end == found[1].range.begin);
  CHECK(doc.blocks[found[1].title_block].text == "Contrat local de SANTÉ");
  CHECK(found[1].range.end == static_cast<int>(doc.blocks.size()));
}

TEST_CASE("a title line under the title belongs to the same contract", "[contracts]") {
  const LaidOutDocument doc =
      LayOutText(std::string("CONTRAT LOCAL DE SANTÉ DU HAUT-VERMEIL 2024-2028\n"
                             "Contrat local de santé de deuxième génération\n"
                             "Communauté de communes du Haut-Vermeil – Aveyron\n") +
                 kPreamble);
  CHECK(TitleTexts(doc) == V{"CONTRAT LOCAL DE SANTÉ DU HAUT-VERMEIL 2024-2028"});
}

TEST_CASE("a table of contents' heading over the articles it lists starts no second contract",
          "[contracts]") {
  const LaidOutDocument doc =
      LayOutText(std::string("CONTRAT LOCAL DE SANTÉ DU VAL 2018-2022\n") + kPreamble +
                 "SOMMAIRE\n"
                 "Le Contrat Local de Santé\n"
                 "Article 1 : Parties prenantes au contrat\n"
                 "Article 2 : Périmètre géographique du contrat\n"
                 "Article 3 : Modalités de gouvernance\n");
  CHECK(TitleTexts(doc) == V{"CONTRAT LOCAL DE SANTÉ DU VAL 2018-2022"});
}

TEST_CASE("an annex headed by the contract's title and its first article is one", "[contracts]") {
  const LaidOutDocument doc = LayOutText(
      "Le Conseil communautaire, après en avoir délibéré, DÉCIDE :\n"
      "- D'APPROUVER le Contrat Local de Santé 2025-2029 annexé ;\n"
      "ANNEXE – Contrat Local de Santé des Monts de Coatmeur 2025-2029\n"
      "Article 1. Objet du contrat\n"
      "Le présent contrat formalise l'engagement des signataires.\n");
  CHECK(TitleTexts(doc) == V{"ANNEXE – Contrat Local de Santé des Monts de Coatmeur 2025-2029"});
}

TEST_CASE("an untitled contract is the whole document when it names a CLS and shows its parts",
          "[contracts]") {
  // A fragment that opens on the contract's table of contents: no title.
  const LaidOutDocument toc = LayOutText(
      "SOMMAIRE\n"
      "Le mot du Président 3 La contractualisation 8 Objet du contrat et engagement des "
      "signataires 9 Durée, suivi et révision du contrat 12\n"
      "La signature de ce Contrat Local de Santé avec l'Agence Régionale de Santé témoigne de "
      "notre engagement.\n");
  const std::optional<ContractSegment> whole = WholeDocumentContract(toc, RepoRules());
  REQUIRE(whole.has_value());
  CHECK(whole->untitled);
  CHECK(whole->title_block == 0);
  CHECK(whole->range.end == static_cast<int>(toc.blocks.size()));

  // The same parts in a convention that names no CLS: a contract, no CLS.
  const LaidOutDocument convention = LayOutText(
      "SOMMAIRE\n"
      "Objet du contrat 3 Engagements des signataires 4 Durée du contrat 6\n"
      "La présente convention de revitalisation engage la commune et l'État.\n");
  CHECK_FALSE(WholeDocumentContract(convention, RepoRules()).has_value());

  // A page about a CLS, without any part of one's text.
  const LaidOutDocument page = LayOutText(
      "Le CLS a été signé le 16 décembre 2014 pour une période de 3 ans.\n"
      "Les partenaires signataires sont : l'État, l'ARS, la Ville.\n");
  CHECK_FALSE(WholeDocumentContract(page, RepoRules()).has_value());
}

TEST_CASE("a titled contract found for the whole document is not untitled", "[contracts]") {
  const LaidOutDocument doc = LayOutText(std::string("Logo\nCONTRAT LOCAL DE SANTE DU VAL\n"));
  const std::optional<ContractSegment> whole = WholeDocumentContract(doc, RepoRules());
  REQUIRE(whole.has_value());
  CHECK_FALSE(whole->untitled);
  CHECK(doc.blocks[whole->title_block].text == "CONTRAT LOCAL DE SANTE DU VAL");
}

}  // namespace
}  // namespace clsdb
