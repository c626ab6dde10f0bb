// ExtractArticles (extract/articles.cc, rules/articles.rules): the body's
// articles, not the summary's, on small texts run through the pipeline's
// stages.
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

std::vector<Article> Articles(const std::string& body) {
  const std::string text =
      "CONTRAT LOCAL DE SANTE\n"
      "Entre :\n"
      "La Ville de Lomme, représentée par son Maire, Monsieur Roger VICOT,\n"
      "Il est convenu ce qui suit :\n" +
      body;
  DocumentRecords r = testing::ExtractText(text);
  REQUIRE(r.contracts.size() == 1);
  return r.contracts[0].articles;
}

std::vector<std::string> Headings(const std::vector<Article>& articles) {
  std::vector<std::string> out;
  for (const Article& a : articles) out.push_back(a.number + " | " + a.title);
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("the summary's article lines are not articles; the body's are", "[articles]") {
  const std::vector<Article> articles = Articles(
      "SOMMAIRE\n"
      "Article 1 : OBJET DU CONTRAT\n"
      "Article 2 : PERIMETRE GEOGRAPHIQUE DU CONTRAT\n"
      "A. Carte du territoire\n"
      "Article 3 : COORDINATION DU CLS\n"
      "ANNEXES\n"
      "I. PREAMBULE\n"
      "Vu le code de la santé publique, notamment les articles L1434-2 et L1434-10, et la loi du "
      "21 juillet 2009 portant réforme de l'hôpital et relative aux patients, à la santé et aux "
      "territoires.\n"
      "ARTICLE 1 : Objet du contrat\n"
      "Le présent contrat a pour objet de définir les engagements des signataires.\n"
      "ARTICLE 2 : Périmètres géographiques du contrat\n"
      "Le présent contrat concerne l'ensemble du territoire de la commune et de ses quartiers.\n"
      "ARTICLE 3. La coordination du CLS\n"
      "Sous la responsabilité du COPIL, le coordinateur anime la mise en œuvre du contrat.\n"
      "Fait à Lomme, le 3 mars 2024\n");
  CHECK(Headings(articles) == V{"1 | Objet du contrat", "2 | Périmètres géographiques du contrat",
                                "3 | La coordination du CLS"});
  REQUIRE(articles.size() == 3);
  CHECK(articles[0].body ==
        "Le présent contrat a pour objet de définir les engagements des signataires.");
  // The last article stops at the signature line.
  CHECK(articles[2].body ==
        "Sous la responsabilité du COPIL, le coordinateur anime la mise en œuvre du contrat.");
}

TEST_CASE("a summary whose body is not in the document gives no article", "[articles]") {
  // A contract's opening pages: its summary lists the articles, the body is
  // cut off (or annexed elsewhere), so no heading has text under it.
  const std::vector<Article> articles = Articles(
      "SOMMAIRE\n"
      "Introduction\n"
      "Article 1 : Parties prenantes au contrat\n"
      "Article 2 : Périmètre géographique du contrat\n"
      "Article 3 : Modalités de gouvernance\n"
      "Article 4 : Durée et révision du contrat\n");
  CHECK(Headings(articles).empty());
}

TEST_CASE("heading forms: '1er', a dash, a title on the next line", "[articles]") {
  const std::vector<Article> articles = Articles(
      "Article 1er : Objet\n"
      "Le présent contrat formalise l'engagement des signataires à conduire des actions.\n"
      "Article 2 – Gouvernance\n"
      "Le comité de pilotage réunit les signataires au moins une fois par an pour le bilan.\n"
      "ARTICLE 3\n"
      "Durée et révision\n"
      "Le présent contrat est conclu pour la période 2025-2029 et peut être révisé.\n");
  CHECK(Headings(articles) == V{"1 | Objet", "2 | Gouvernance", "3 | Durée et révision"});
}

TEST_CASE("a sentence that starts with 'Article' is not a heading", "[articles]") {
  const std::vector<Article> articles = Articles(
      "ARTICLE 1 : Objet du contrat\n"
      "Le présent contrat définit les engagements des signataires et leurs modalités.\n"
      "Article 3 du présent contrat : les actions décrites en annexe sont financées par les "
      "signataires selon leurs procédures, dans la limite de leurs crédits disponibles et sans "
      "engagement automatique.\n"
      "ARTICLE 2 : Gouvernance\n"
      "Le comité de pilotage réunit les signataires au moins une fois par an pour le bilan.\n");
  CHECK(Headings(articles) == V{"1 | Objet du contrat", "2 | Gouvernance"});
}

}  // namespace
}  // namespace clsdb
