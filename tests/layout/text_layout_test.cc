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

std::vector<std::string> Paragraphs(const LaidOutDocument& doc) {
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
  CHECK(Paragraphs(doc) ==
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
  CHECK(Paragraphs(doc) == std::vector<std::string>{"Plan", "Fin du plan"});
}

TEST_CASE("text layout: the prefecture stamp is lifted out of the flow", "[layout][text]") {
  const LaidOutDocument doc =
      LayOut(TextDocument({"Délibération n° 12\nEnvoyé en préfecture le 02/10/2025\n"
                           "ID : 059-200043404-20250924-DELIB370A-DE\nLe conseil décide\n"}));
  CHECK(Paragraphs(doc) == std::vector<std::string>{"Délibération n° 12", "Le conseil décide"});
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
  for (const std::string& text : Paragraphs(doc))
    CHECK(text.find("CLS du Pays") == std::string::npos);
  CHECK(Paragraphs(doc).size() == 8);
}

}  // namespace
}  // namespace clsdb
