// The text path of layout: decoded text pages to paragraphs, tables, stamps.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "layout/layout.h"
#include "read/reader.h"

namespace clsdb {
namespace {

RawDocument TextDocument(const std::vector<std::string>& pages) {
  RawDocument doc;
  doc.format = SourceFormat::kText;
  for (size_t i = 0; i < pages.size(); ++i) {
    RawPage page;
    page.page_no = static_cast<int>(i) + 1;
    page.text = pages[i];
    doc.pages.push_back(page);
  }
  return doc;
}

std::vector<std::string> ParagraphTexts(const LaidOutDocument& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) {
    if (IsParagraph(b)) out.push_back(b.text);
  }
  return out;
}

TEST_CASE("text layout: one paragraph a non-empty line, spans into the page text",
          "[layout][text]") {
  const LaidOutDocument doc =
      LayOut(TextDocument({"CONTRAT LOCAL DE SANTÉ\n\n   Entre les soussignés :  \nL'ARS\n"}));
  CHECK(ParagraphTexts(doc) ==
        std::vector<std::string>{"CONTRAT LOCAL DE SANTÉ", "Entre les soussignés :", "L'ARS"});
  REQUIRE(doc.pages.size() == 1);
  for (const Block& b : doc.blocks) {
    CHECK(doc.pages[0].text.substr(b.span.start, b.span.end - b.span.start) == b.text);
  }
}

TEST_CASE("text layout: lines with tabs form one table", "[layout][text]") {
  const LaidOutDocument doc =
      LayOut(TextDocument({"Plan\nAction\tPilote\n1.1 Dépistage\tCPAM\nFin du plan\n"}));
  REQUIRE(doc.tables.size() == 1);
  REQUIRE(doc.tables[0].rows.size() == 2);
  CHECK(doc.tables[0].rows[1].cells[0].text == "1.1 Dépistage");
  CHECK(doc.tables[0].rows[1].cells[1].text == "CPAM");
  CHECK(ParagraphTexts(doc) == std::vector<std::string>{"Plan", "Fin du plan"});
}

TEST_CASE("text layout: the prefecture stamp is lifted out of the flow", "[layout][text]") {
  const LaidOutDocument doc =
      LayOut(TextDocument({"Délibération n° 12\nEnvoyé en préfecture le 02/10/2025\n"
                           "ID : 059-200043404-20250924-DELIB370A-DE\nLe conseil décide\n"}));
  CHECK(ParagraphTexts(doc) == std::vector<std::string>{"Délibération n° 12", "Le conseil décide"});
  REQUIRE_FALSE(doc.stamps.empty());
  std::string stamps;
  for (const Stamp& s : doc.stamps) stamps += s.text + "\n";
  CHECK(stamps.find("ID : 059-200043404-20250924-DELIB370A-DE") != std::string::npos);
}

TEST_CASE("text layout: pages stay pages, and a header on every page is dropped",
          "[layout][text]") {
  std::vector<std::string> pages;
  for (int p = 1; p <= 4; ++p) {
    pages.push_back("CLS du Pays - version " + std::to_string(p) + "\nContenu propre " +
                    std::string(1, static_cast<char>('a' + p)) + "\nSuite " +
                    std::string(1, static_cast<char>('a' + p)) + "\n");
  }
  const LaidOutDocument doc = LayOut(TextDocument(pages));
  REQUIRE(doc.pages.size() == 4);
  CHECK(doc.pages[2].page_no == 3);
  for (const std::string& text : ParagraphTexts(doc))
    CHECK(text.find("CLS du Pays") == std::string::npos);
  CHECK(ParagraphTexts(doc).size() == 8);
}

TEST_CASE("text layout: a hard-wrapped text is read one paragraph per paragraph",
          "[layout][text][wrap]") {
  // pdftotext's lines of a council's minutes: the attendance list runs over
  // three lines, a blank line and a bullet start new paragraphs.
  const std::string page =
      "Le conseil communautaire, dument convoque le 12 mars 2024, s'est reuni\n"
      "sous la presidence de Monsieur Jean DUPONT. Etaient presents : MARTIN\n"
      "Claire, BERNARD Louis, PETIT Anne, DURAND Paul, LEROY Marie, MOREAU\n"
      "Pierre, SIMON Julie, LAURENT Marc.\n"
      "\n"
      "Le president ouvre la seance et propose d'approuver le contrat local de\n"
      "sante conclu avec l'agence regionale de sante et les partenaires pour\n"
      "les annees 2024 a 2028, dont les signataires sont les suivants, soit :\n"
      "- la prefecture de la region, representee par le prefet de departement\n"
      "et par le sous-prefet de l'arrondissement, tous deux presents ce jour ;\n"
      "- le departement, represente par le president de son conseil elu, et\n"
      "la caisse primaire d'assurance maladie, representee par sa directrice.\n"
      "Le conseil, apres en avoir delibere, approuve a l'unanimite le contrat\n"
      "local de sante et autorise le president a le signer au nom de tous.\n";
  const std::vector<std::string> got = ParagraphTexts(LayOut(TextDocument({page})));
  REQUIRE(got.size() == 5);
  CHECK(got[0] ==
        "Le conseil communautaire, dument convoque le 12 mars 2024, s'est reuni sous la "
        "presidence de Monsieur Jean DUPONT. Etaient presents : MARTIN Claire, BERNARD Louis, "
        "PETIT Anne, DURAND Paul, LEROY Marie, MOREAU Pierre, SIMON Julie, LAURENT Marc.");
  CHECK(got[1].rfind("Le president ouvre", 0) == 0);
  CHECK(got[1].find("suivants, soit :") != std::string::npos);
  CHECK(got[2].rfind("la prefecture de la region", 0) == 0);
  CHECK(got[2].find("tous deux presents ce jour ;") != std::string::npos);
  CHECK(got[3].rfind("le departement", 0) == 0);
  CHECK(got[4].rfind("Le conseil, apres", 0) == 0);
  CHECK(got[4].find("au nom de tous.") != std::string::npos);
}

TEST_CASE("text layout: a word a converter hyphenated at the margin is whole again",
          "[layout][text][wrap]") {
  std::string page;
  for (int i = 0; i < 8; ++i) {
    page +=
        "La communaute de communes, la caisse primaire et l'agence regionale de la repre-\n"
        "sentation des usagers signent le present contrat pour les cinq annees a venir et\n";
  }
  page += "s'engagent a le suivre.\n";
  const std::vector<std::string> got = ParagraphTexts(LayOut(TextDocument({page})));
  REQUIRE(got.size() == 1);
  CHECK(got[0].find("de la representation des usagers") != std::string::npos);
  CHECK(got[0].find("repre-") == std::string::npos);
  CHECK(got[0].find("a venir et La communaute") != std::string::npos);
}

}  // namespace
}  // namespace clsdb
