// The PDF path of layout: reading order, running text, stamps, paragraphs
// and tables from geometry.  Most tests build RawDocuments by hand (words
// with boxes as Poppler reports them); a few go through a generated PDF.
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "../../tools/mkpdf/pdf_writer.h"
#include "layout/layout.h"
#include "layout/page_builder.h"
#include "read/reader.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using mkpdf::PdfWriter;
using testing::Doc;
using testing::kPitch;
using testing::kSize;
using testing::PageBuilder;

std::vector<std::string> Paragraphs(const LaidOutDocument& out) {
  std::vector<std::string> texts;
  for (const Block& b : out.blocks) {
    if (b.kind == Block::Kind::kParagraph) texts.push_back(b.text);
  }
  return texts;
}

std::vector<std::vector<std::string>> Rows(const Table& table) {
  std::vector<std::vector<std::string>> rows;
  for (const TableRow& r : table.rows) {
    std::vector<std::string> cells;
    for (const Cell& c : r.cells) cells.push_back(c.text);
    rows.push_back(cells);
  }
  return rows;
}

using Strings = std::vector<std::string>;

// "Page 12 / 168" anywhere in text.  (No std::regex: GCC 12 warns inside it
// under the sanitizers.)
bool HasPageCounter(const std::string& text) {
  for (size_t at = text.find("Page "); at != std::string::npos; at = text.find("Page ", at + 1)) {
    size_t i = at + 5;
    const size_t digits = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == digits || text.compare(i, 3, " / ") != 0) continue;
    if (i + 3 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 3]))) return true;
  }
  return false;
}

TEST_CASE("PDF layout reads two columns one after the other", "[layout][pdf]") {
  PageBuilder p(1);
  // Left column [60, 280], right column [320, 540]; their paragraphs do not
  // start on the same lines, as text flowing down two columns does.
  const double y = 100, gap = 6;
  p.Justified(60, 280, y, "Le contrat local de santé est un outil porté");
  p.Justified(60, 280, y + kPitch, "conjointement par l'agence régionale de santé");
  p.Text(60, y + 2 * kPitch, "et une collectivité territoriale.");
  p.Justified(60, 280, y + 3 * kPitch + gap, "Il vise à réduire les inégalités sociales et");
  p.Text(60, y + 4 * kPitch + gap, "territoriales de santé.");
  p.Justified(320, 540, y, "La seconde colonne commence ici avec un texte");
  p.Text(320, y + kPitch, "qui tient sur deux lignes.");
  p.Justified(320, 540, y + 2 * kPitch + gap, "Un deuxième paragraphe de la colonne droite");
  p.Text(320, y + 3 * kPitch + gap, "se termine ainsi.");
  LaidOutDocument out = LayOut(Doc({p.Done()}));
  CHECK(Paragraphs(out) ==
        Strings{"Le contrat local de santé est un outil porté conjointement par l'agence "
                "régionale de santé et une collectivité territoriale.",
                "Il vise à réduire les inégalités sociales et territoriales de santé.",
                "La seconde colonne commence ici avec un texte qui tient sur deux lignes.",
                "Un deuxième paragraphe de la colonne droite se termine ainsi."});
  CHECK(out.tables.empty());
}

TEST_CASE("PDF layout removes running headers, footers and page counters", "[layout][pdf]") {
  std::vector<RawPage> pages;
  for (int n = 1; n <= 4; ++n) {
    PageBuilder p(n);
    p.Text(380, 45, "Commission Permanente du 22 avril 2025", 9);
    const char* const kBodies[] = {"Le contrat est conclu.", "Les parties s'engagent.",
                                   "Le comité se réunit.", "Les actions sont annexées."};
    p.Text(62, 100, kBodies[n - 1]);
    p.Text(62, 800, "Délibération n°2025-131", 8.5);
    p.Text(480, 800, "Page " + std::to_string(n) + " / 4", 8.5);
    pages.push_back(p.Done());
  }
  LaidOutDocument out = LayOut(Doc(std::move(pages)));
  REQUIRE(out.pages.size() == 4);
  CHECK(out.pages[0].text == "Le contrat est conclu.\n");
  CHECK(out.pages[1].text == "Les parties s'engagent.\n");
  CHECK(out.pages[2].text == "Le comité se réunit.\n");
  CHECK(out.pages[3].text == "Les actions sont annexées.\n");
}

TEST_CASE("PDF layout drops a one-page document's footer with its page counter", "[layout][pdf]") {
  PageBuilder p(1);
  p.Text(62, 100, "COMMUNIQUÉ DE PRESSE");
  p.Text(62, 800, "ARS Hauts-de-France – Communiqué de presse", 8.5);
  p.Text(480, 800, "Page 1 / 1", 8.5);
  LaidOutDocument out = LayOut(Doc({p.Done()}));
  CHECK(out.pages[0].text == "COMMUNIQUÉ DE PRESSE\n");
}

TEST_CASE("PDF layout lifts the prefecture stamp out as one stamp", "[layout][pdf]") {
  std::vector<RawPage> pages;
  for (int n = 1; n <= 2; ++n) {
    PageBuilder p(n);
    p.Box(354, 28, 179, 42);  // the stamp's frame, top right
    p.Text(358, 40, "Envoyé en préfecture le 02/10/2025", 7);
    p.Text(358, 49, "Reçu en préfecture le 02/10/2025", 7);
    p.Text(358, 58, "Publié le", 7);
    p.Text(358, 67, "ID : 059-200043404-20250924-DELIB370A-DE", 7);
    p.Text(62, 60, "Titre à gauche du tampon");
    p.Text(62, 120, "Le texte de la page " + std::to_string(n) + ".");
    pages.push_back(p.Done());
  }
  LaidOutDocument out = LayOut(Doc(std::move(pages)));
  REQUIRE(out.stamps.size() == 2);
  CHECK(out.stamps[0].page == 1);
  CHECK(out.stamps[0].text ==
        "Envoyé en préfecture le 02/10/2025\nReçu en préfecture le 02/10/2025\nPublié le\n"
        "ID : 059-200043404-20250924-DELIB370A-DE");
  CHECK(out.pages[0].text == "Titre à gauche du tampon\nLe texte de la page 1.\n");
  CHECK(out.tables.empty());
}

TEST_CASE("PDF layout undoes hyphenation but keeps compounds", "[layout][pdf]") {
  PageBuilder p(1);
  p.Justified(62, 533, 100,
              "L'Union Régionale des Professionnels de Santé dans sa fonction de représen-");
  p.Justified(62, 533, 100 + kPitch,
              "tation inter-URPS, dont le siège est situé à Lille, agit pour l'agence des Hauts-");
  p.Text(62, 100 + 2 * kPitch, "de-France.");
  // A hyphen Poppler sets apart from its word at the end of a justified line.
  p.Justified(62, 533, 150,
              "La Communauté de communes Cœur-Avesnois, dont le siège est au 43 Rue Cambre");
  p.Text(531, 150, "-");
  p.Text(62, 150 + kPitch, "sienne, 59440 AVESNES-SUR-HELPE.");
  // The same for a name in capitals; a dash after a space stays a dash.
  p.Justified(62, 531.5, 200, "Le directeur régional est représenté par Monsieur Nicolas BLAN");
  p.Text(531, 200, "-");
  p.Text(62, 200 + kPitch, "CHART.");
  p.Text(62, 250, "Pilotes :");
  p.Text(62 + PdfWriter::TextWidth("Pilotes : ", kSize), 250, "CCSA -");
  p.Text(62, 250 + kPitch, "CPTS");
  LaidOutDocument out = LayOut(Doc({p.Done()}));
  CHECK(
      Paragraphs(out) ==
      Strings{"L'Union Régionale des Professionnels de Santé dans sa fonction de représentation "
              "inter-URPS, dont le siège est situé à Lille, agit pour l'agence des "
              "Hauts-de-France.",
              "La Communauté de communes Cœur-Avesnois, dont le siège est au 43 Rue Cambresienne, "
              "59440 AVESNES-SUR-HELPE.",
              "Le directeur régional est représenté par Monsieur Nicolas BLANCHART.",
              "Pilotes : CCSA - CPTS"});
}

TEST_CASE("PDF layout folds ligature glyphs", "[layout][pdf]") {
  PageBuilder p(1);
  p.Text(62, 100, "Le \xEF\xAC\x81nancement des actions est a\xEF\xAC\x80\x65\x63t\xC3\xA9.");
  LaidOutDocument out = LayOut(Doc({p.Done()}));
  CHECK(out.pages[0].text == "Le financement des actions est affecté.\n");
}

TEST_CASE("PDF layout starts a paragraph at each bullet and removes it", "[layout][pdf]") {
  PageBuilder p(1);
  p.Text(62, 100, "Le comité de pilotage a pour mission de :");
  p.Text(72, 100 + kPitch, "•");
  p.Text(89, 100 + kPitch, "Suivre la mise en œuvre du contrat ;");
  p.Text(72, 100 + 2 * kPitch, "•");
  p.Justified(89, 533, 100 + 2 * kPitch,
              "Valider les éventuels avenants pouvant être ajoutés au présent contrat : nouvelles");
  p.Text(89, 100 + 3 * kPitch, "orientations et nouveaux signataires.");
  p.Text(62, 100 + 4 * kPitch, "Il se réunit une fois par an.");
  LaidOutDocument out = LayOut(Doc({p.Done()}));
  REQUIRE(out.blocks.size() == 4);
  CHECK_FALSE(out.blocks[0].bullet);
  CHECK(out.blocks[1].bullet);
  CHECK(out.blocks[1].text == "Suivre la mise en œuvre du contrat ;");
  CHECK(out.blocks[2].bullet);
  CHECK(out.blocks[2].text ==
        "Valider les éventuels avenants pouvant être ajoutés au présent contrat : nouvelles "
        "orientations et nouveaux signataires.");
  CHECK_FALSE(out.blocks[3].bullet);
}

TEST_CASE("PDF layout measures the gap between lines on their own text, not a taller glyph",
          "[layout][pdf]") {
  // Office exports take an apostrophe or a guillemet from a fallback font
  // whose box is taller: most lines of a French text then nearly touch,
  // and the lines without one (the last of a paragraph) looked set apart.
  PageBuilder p(1);
  const double pitch = 18;  // a gap of a third of the size between the boxes
  double y = 100;
  for (int k = 0; k < 6; ++k, y += pitch) {
    p.Justified(62, 480, y, "Une ligne de texte justifié dont un mot vient d'une autre");
    p.Text(490, y, "qu'il", 14);  // the fallback glyph's box, on the same baseline
  }
  p.Justified(62, 533, y, "Une ligne pleine sans ce mot qui remplit toute la largeur de la");
  y += pitch;
  p.Text(62, y, "page, et la phrase se termine ici.");
  p.Text(62, y + pitch + 20, "Un autre paragraphe.");
  LaidOutDocument out = LayOut(Doc({p.Done()}));
  const Strings paras = Paragraphs(out);
  REQUIRE(paras.size() == 2);
  CHECK(paras[0].substr(paras[0].size() - 40) == "de la page, et la phrase se termine ici.");
  CHECK(paras[1] == "Un autre paragraphe.");
}

TEST_CASE("PDF layout joins a paragraph the page break split", "[layout][pdf]") {
  std::vector<RawPage> pages;
  PageBuilder p1(1);
  p1.Text(62, 100, "Premier paragraphe.");
  for (int k = 0; k < 40; ++k) {
    p1.Justified(62, 533, 130 + k * kPitch,
                 "Une ligne pleine de texte justifié qui remplit toute la largeur de la");
  }
  PageBuilder p2(2);
  p2.Text(62, 100, "page, et la phrase se termine ici.");
  p2.Text(62, 130, "Un autre paragraphe.");
  pages.push_back(p1.Done());
  pages.push_back(p2.Done());
  LaidOutDocument out = LayOut(Doc(std::move(pages)));
  const Strings paras = Paragraphs(out);
  REQUIRE(paras.size() == 3);
  CHECK(paras[1].rfind("Une ligne pleine", 0) == 0);
  CHECK(paras[1].size() > 40 * 60);
  CHECK(paras[1].substr(paras[1].size() - 40) == "de la page, et la phrase se termine ici.");
  CHECK(paras[2] == "Un autre paragraphe.");
  CHECK(out.pages[1].text == "Un autre paragraphe.\n");
}

TEST_CASE("PDF layout reads a ruled table with merged and wrapped cells", "[layout][pdf]") {
  PageBuilder p(1);
  p.Text(62, 80, "Synthèse du plan d'actions");
  // Columns at 62 | 260 | 428 | 533; rows at 100 | 120 | 150 | 180.
  p.Rule(62, 100, 533, 100);
  p.Rule(62, 120, 533, 120);
  p.Rule(260, 150, 533, 150);  // the first column's cell spans rows 2 and 3
  p.Rule(62, 180, 533, 180);
  for (double x : {62.0, 260.0, 428.0, 533.0}) p.Rule(x, 100, x, 180);
  p.Text(66, 114, "Intitulé des actions", 10);
  p.Text(264, 114, "Intitulé des opérations", 10);
  p.Text(432, 114, "Porteurs", 10);
  // A cell whose text wraps: the words touch the next column's border.
  p.Justified(66, 256, 134, "FA 1.2 : Libérer du temps médical pour les", 10);
  p.Text(66, 147, "médecins généralistes", 10);
  p.Text(264, 134, "Identifier les certificats inutiles", 10);
  p.Text(432, 134, "Coordination CLS", 10);
  p.Text(264, 164, "Accompagner les collectivités", 10);
  p.Text(62, 210, "Texte après le tableau.");
  LaidOutDocument out = LayOut(Doc({p.Done()}));
  REQUIRE(out.tables.size() == 1);
  CHECK(Rows(out.tables[0]) ==
        std::vector<Strings>{{"Intitulé des actions", "Intitulé des opérations", "Porteurs"},
                             {"FA 1.2 : Libérer du temps médical pour les médecins généralistes",
                              "Identifier les certificats inutiles", "Coordination CLS"},
                             {"", "Accompagner les collectivités"}});
  CHECK(Paragraphs(out) == Strings{"Synthèse du plan d'actions", "Texte après le tableau."});
  CHECK(out.pages[0].text ==
        "Synthèse du plan d'actions\n"
        "Intitulé des actions\tIntitulé des opérations\tPorteurs\n"
        "FA 1.2 : Libérer du temps médical pour les médecins généralistes\t"
        "Identifier les certificats inutiles\tCoordination CLS\n"
        "\tAccompagner les collectivités\n"
        "Texte après le tableau.\n");
}

TEST_CASE("PDF layout infers an unruled table from aligned columns", "[layout][pdf]") {
  PageBuilder p(1);
  p.Text(62, 80, "Calendrier des actions");
  double y = 110;
  const char* rows[][3] = {{"Action", "Pilote", "Année"},
                           {"Recenser les locaux", "CCSA", "2025"},
                           {"Promouvoir la CPTS", "CCSA - CPTS", "2026"},
                           {"Informer sur les transports", "CPAM", "2027"}};
  for (const auto& row : rows) {
    p.Text(62, y, row[0]);
    p.Text(260, y, row[1]);
    p.Text(420, y, row[2]);
    y += kPitch + 6;
  }
  // A first cell that wraps onto a second line.
  p.Justified(62, 230, y, "Accompagner le déploiement des");
  p.Text(260, y, "CCSA");
  p.Text(420, y, "2028");
  p.Text(62, y + kPitch, "téléconsultations");
  LaidOutDocument out = LayOut(Doc({p.Done()}));
  REQUIRE(out.tables.size() == 1);
  CHECK(Rows(out.tables[0]) ==
        std::vector<Strings>{{"Action", "Pilote", "Année"},
                             {"Recenser les locaux", "CCSA", "2025"},
                             {"Promouvoir la CPTS", "CCSA - CPTS", "2026"},
                             {"Informer sur les transports", "CPAM", "2027"},
                             {"Accompagner le déploiement des téléconsultations", "CCSA", "2028"}});
  CHECK(Paragraphs(out) == Strings{"Calendrier des actions"});
}

TEST_CASE("PDF layout keeps a table split over two pages as one table", "[layout][pdf]") {
  auto header = [](PageBuilder* p, double y) {
    p->Rule(62, y, 533, y);
    p->Rule(62, y + 20, 533, y + 20);
    p->Text(66, y + 14, "Intitulé des actions", 10);
    p->Text(300, y + 14, "Porteurs", 10);
  };
  std::vector<RawPage> pages;
  PageBuilder p1(1);
  p1.Text(62, 80, "ORIENTATION 1 : Agir en faveur de l'accès aux soins");
  header(&p1, 600);
  p1.Rule(62, 650, 533, 650);
  p1.Text(66, 634, "FA 1.1 : Organiser la médiation", 10);
  p1.Text(300, 634, "ARS", 10);
  p1.Rule(62, 780, 533, 780);  // the page's last row runs to the bottom
  p1.Justified(66, 292, 664, "FA 1.2 : Libérer du temps médical sur le territoire de", 10);
  p1.Text(66, 677, "la", 10);
  p1.Text(300, 664, "Coordination CLS", 10);
  for (double x : {62.0, 296.0, 533.0}) p1.Rule(x, 600, x, 780);
  PageBuilder p2(2);
  header(&p2, 60);  // repeated at the top of the next page
  p2.Rule(62, 110, 533, 110);
  p2.Text(66, 94, "communauté de communes", 10);
  p2.Rule(62, 140, 533, 140);
  p2.Text(66, 124, "FA 1.3 : Attirer des professionnels", 10);
  p2.Text(300, 124, "URPS ML", 10);
  for (double x : {62.0, 296.0, 533.0}) p2.Rule(x, 60, x, 140);
  p2.Text(62, 170, "Texte après le tableau.");
  pages.push_back(p1.Done());
  pages.push_back(p2.Done());
  LaidOutDocument out = LayOut(Doc(std::move(pages)));
  REQUIRE(out.tables.size() == 1);
  CHECK(Rows(out.tables[0]) ==
        std::vector<Strings>{
            {"Intitulé des actions", "Porteurs"},
            {"FA 1.1 : Organiser la médiation", "ARS"},
            {"FA 1.2 : Libérer du temps médical sur le territoire de la communauté de communes",
             "Coordination CLS"},
            {"FA 1.3 : Attirer des professionnels", "URPS ML"}});
  CHECK(out.pages[1].text ==
        "FA 1.3 : Attirer des professionnels\tURPS ML\nTexte après le tableau.\n");
}

TEST_CASE("PDF layout warns about pages without a text layer", "[layout][pdf]") {
  PageBuilder p1(1);
  p1.Text(62, 100, "Texte de la première page.");
  RawPage scanned;
  scanned.page_no = 2;
  scanned.width = 595;
  scanned.height = 842;
  scanned.has_text_layer = false;
  LaidOutDocument out = LayOut(Doc({p1.Done(), scanned}));
  REQUIRE(out.pages.size() == 2);
  CHECK_FALSE(out.pages[1].has_text_layer);
  CHECK(out.pages[1].text.empty());
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].code == "layout.page_without_text");
  CHECK(out.diagnostics[0].prov.page == 2);
  CHECK(out.diagnostics[0].message == "page 2 has no text layer");
  CHECK(MakesPartial(out.diagnostics[0]));
}

TEST_CASE("PDF layout of a generated PDF, end to end", "[layout][pdf]") {
  PdfWriter pdf;
  pdf.BeginPage(595, 842);
  pdf.Rect(354, 28, 179, 42);
  pdf.Text(358, 40, 7, "Envoyé en préfecture le 02/10/2025");
  pdf.Text(358, 49, 7, "Reçu en préfecture le 02/10/2025");
  pdf.Text(358, 58, 7, "Publié le");
  pdf.Text(358, 67, 7, "ID : 059-200043404-20250924-DELIB370A-DE");
  pdf.JustifiedText(
      62, 533, 120, 11,
      "Le présent contrat vise à réduire les inégalités sociales et territoriales de");
  pdf.Text(62, 134.5, 11, "santé des Hauts-de-France.");
  pdf.BeginPage(842, 595, 90);  // landscape by /Rotate, the same reading
  pdf.Text(62, 100, 11, "Annexe : plan d'actions");
  pdf.BeginPage();
  pdf.Image();
  ReadOptions no_ocr;  // the page left unread (tests/read/ocr_test.cc reads it)
  no_ocr.ocr = OcrMode::kOff;
  Result<RawDocument> doc = ParsePdf(pdf.Finish(), no_ocr);
  REQUIRE(doc.ok());
  doc->format = SourceFormat::kPdf;
  LaidOutDocument out = LayOut(*doc);
  REQUIRE(out.pages.size() == 3);
  CHECK(out.pages[0].text ==
        "Le présent contrat vise à réduire les inégalités sociales et territoriales de santé "
        "des Hauts-de-France.\n");
  CHECK(out.pages[1].text == "Annexe : plan d'actions\n");
  REQUIRE(out.stamps.size() == 1);
  CHECK(out.stamps[0].text.find("ID : 059-200043404-20250924-DELIB370A-DE") != std::string::npos);
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].code == "layout.page_without_text");
  CHECK(out.diagnostics[0].prov.page == 3);
}

TEST_CASE("PDF layout of the shared corpus", "[layout][pdf][corpus]") {
  if (!testing::HaveSharedCorpus()) return;
  const std::filesystem::path dir = testing::SharedCorpus() / "pdf";
  const std::pair<const char*, size_t> expected[] = {{"000_4ed6bf59f513ad19.pdf", 168},
                                                     {"002_44ef4f2dd19b21b3.pdf", 43},
                                                     {"003_3dfd76481143a408.pdf", 1}};
  for (const auto& [name, pages] : expected) {
    INFO(name);
    Result<RawDocument> doc = ReadDocument((dir / name).string(), ReadOptions{});
    REQUIRE(doc.ok());
    LaidOutDocument out = LayOut(*doc);
    CHECK(out.pages.size() == pages);
    CHECK(out.diagnostics.empty());
    for (const PageText& page : out.pages) {
      INFO("page " << page.page_no);
      CHECK_FALSE(HasPageCounter(page.text));
      CHECK(page.text.find("Envoyé en préfecture") == std::string::npos);
      CHECK(page.text.find("ID : 059-") == std::string::npos);
      CHECK(page.text.rfind("Commission Permanente du 22 avril 2025", 0) != 0);
    }
    if (std::string(name).rfind("002", 0) == 0) {
      CHECK(out.stamps.size() >= 1);
      CHECK(out.tables.size() >= 4);
      bool synthesis = false;
      for (const Table& t : out.tables) {
        for (const TableRow& r : t.rows) {
          if (r.cells.size() == 3 && r.cells[0].text == "Intitulé des actions" &&
              r.cells[2].text == "Porteurs") {
            synthesis = true;
          }
        }
      }
      CHECK(synthesis);
    }
  }
  // Without OCR, the scans' pages are reported unread (with it: e2e tests).
  ReadOptions no_ocr;
  no_ocr.ocr = OcrMode::kOff;
  Result<RawDocument> scanned =
      ReadDocument((dir / "scanned" / "000_4ed6bf59f513ad19.pdf").string(), no_ocr);
  REQUIRE(scanned.ok());
  LaidOutDocument out = LayOut(*scanned);
  REQUIRE(out.diagnostics.size() == scanned->pages.size());
  for (size_t i = 0; i < out.diagnostics.size(); ++i) {
    CHECK(out.diagnostics[i].code == "layout.page_without_text");
    CHECK(out.diagnostics[i].prov.page == static_cast<int>(i + 1));
  }
  CHECK(out.blocks.empty());
}

}  // namespace
}  // namespace clsdb
