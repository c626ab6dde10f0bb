// ParsePdf: words, pages and ruling lines from one interpretation of each
// page by Poppler, and errors as values for what cannot be read.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../../tools/mkpdf/pdf_writer.h"
#include "read/reader.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using mkpdf::PdfWriter;

std::string TestPdf(const std::string& name) {
  Result<std::string> bytes =
      ReadFileBytes((testing::SourceDir() / "tests" / "data" / "pdf" / name).string());
  REQUIRE(bytes.ok());
  return *bytes;
}

const Word* FindWord(const RawPage& page, const std::string& text) {
  for (const Word& w : page.words) {
    if (w.text == text) return &w;
  }
  return nullptr;
}

bool HasRule(const RawPage& page, double x0, double y0, double x1, double y1) {
  return std::any_of(page.rulings.begin(), page.rulings.end(), [&](const RulingLine& r) {
    return std::abs(r.x0 - x0) < 0.5 && std::abs(r.y0 - y0) < 0.5 && std::abs(r.x1 - x1) < 0.5 &&
           std::abs(r.y1 - y1) < 0.5;
  });
}

TEST_CASE("ParsePdf reads words with boxes, sizes and page sizes", "[read][pdf]") {
  PdfWriter pdf;
  pdf.BeginPage(595, 842);
  pdf.Text(72, 100, 12, "Contrat local de santé");
  pdf.Text(72, 200, 24, "Titre");
  pdf.BeginPage(842, 595);  // landscape by its size
  pdf.Text(100, 50, 10, "Paysage");
  Result<RawDocument> doc = ParsePdf(pdf.Finish(), ReadOptions{});
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 2);
  const RawPage& p1 = doc->pages[0];
  CHECK(p1.page_no == 1);
  CHECK(p1.width == Approx(595));
  CHECK(p1.height == Approx(842));
  CHECK(p1.has_text_layer);
  REQUIRE(p1.words.size() == 5);
  const Word* w = FindWord(p1, "santé");
  REQUIRE(w != nullptr);
  CHECK(w->y0 < 100);
  CHECK(w->y1 > 100);  // the box runs from ascent to descent round the baseline
  // The size is estimated from the box (exact for embedded fonts without
  // metrics; Helvetica's box is smaller): sizes compare within a document.
  CHECK(w->font_size > 6);
  CHECK(FindWord(p1, "Titre")->font_size == Approx(2 * w->font_size).epsilon(0.02));
  CHECK(w->x0 > 72);
  CHECK(FindWord(p1, "Contrat")->space_after);
  const RawPage& p2 = doc->pages[1];
  CHECK(p2.width == Approx(842));
  CHECK(p2.height == Approx(595));
  CHECK(FindWord(p2, "Paysage")->x0 == Approx(100).margin(0.5));
}

TEST_CASE("ParsePdf reports a page turned by /Rotate as displayed", "[read][pdf]") {
  PdfWriter pdf;
  pdf.BeginPage(842, 595, 90);  // a portrait MediaBox shown sideways
  pdf.Text(100, 50, 10, "Tourné");
  pdf.Line(100, 60, 400, 60);
  Result<RawDocument> doc = ParsePdf(pdf.Finish(), ReadOptions{});
  REQUIRE(doc.ok());
  const RawPage& page = doc->pages[0];
  CHECK(page.width == Approx(842));
  CHECK(page.height == Approx(595));
  const Word* w = FindWord(page, "Tourné");
  REQUIRE(w != nullptr);
  CHECK(w->rotation == 0);  // upright on the displayed page
  CHECK(w->x0 == Approx(100).margin(0.5));
  CHECK(HasRule(page, 100, 60, 400, 60));
}

TEST_CASE("ParsePdf marks an image-only page as having no text layer", "[read][pdf]") {
  PdfWriter pdf;
  pdf.BeginPage();
  pdf.Text(72, 100, 12, "Texte");
  pdf.BeginPage();
  pdf.Image();
  Result<RawDocument> doc = ParsePdf(pdf.Finish(), ReadOptions{});
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 2);
  CHECK(doc->pages[0].has_text_layer);
  CHECK_FALSE(doc->pages[1].has_text_layer);
  CHECK(doc->pages[1].words.empty());
}

TEST_CASE("ParsePdf extracts ruling lines from strokes and thin filled rectangles", "[read][pdf]") {
  PdfWriter pdf;
  pdf.BeginPage();
  pdf.Line(72, 100, 300, 100);                               // stroked horizontal
  pdf.Line(72, 100, 72, 200);                                // stroked vertical
  pdf.Rect(350, 100, 100, 50);                               // stroked box: four rules
  pdf.Rect(72, 300, 200, 0.8, true);                         // a border drawn as a filled bar
  pdf.Rect(72, 400, 200, 100, true);                         // cell shading: no rule
  pdf.Line(72, 600, 300, 700);                               // slanted: no rule
  pdf.Raw("q 1 0 0 1 50 -20 cm 100 500 m 200 500 l S Q\n");  // through a cm
  Result<RawDocument> doc = ParsePdf(pdf.Finish(), ReadOptions{});
  REQUIRE(doc.ok());
  const RawPage& page = doc->pages[0];
  CHECK(HasRule(page, 72, 100, 300, 100));
  CHECK(HasRule(page, 72, 100, 72, 200));
  CHECK(HasRule(page, 350, 100, 450, 100));
  CHECK(HasRule(page, 350, 150, 450, 150));
  CHECK(HasRule(page, 350, 100, 350, 150));
  CHECK(HasRule(page, 450, 100, 450, 150));
  CHECK(HasRule(page, 72, 300.4, 272, 300.4));
  // 842 - 500 = 342 from the top, moved 20 down by the cm: 362.
  CHECK(HasRule(page, 150, 362, 250, 362));
  CHECK(page.rulings.size() == 8);
}

TEST_CASE("ParsePdf follows compressed content and object streams", "[read][pdf]") {
  Result<RawDocument> doc = ParsePdf(TestPdf("compressed.pdf"), ReadOptions{});
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 2);
  const RawPage& page = doc->pages[0];
  CHECK(FindWord(page, "Porteur") != nullptr);
  CHECK(HasRule(page, 72, 100, 372, 100));
  CHECK(HasRule(page, 222, 100, 222, 160));
  CHECK(page.rulings.size() == 6);
  CHECK(HasRule(doc->pages[1], 72, 100, 500, 100));  // on the /Rotate 90 page
}

TEST_CASE("ParsePdf refuses a PDF locked by a user password", "[read][pdf]") {
  Result<RawDocument> doc = ParsePdf(TestPdf("encrypted_user.pdf"), ReadOptions{});
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == Status::Code::kUnsupported);
}

TEST_CASE("ParsePdf opens a PDF with an owner password only", "[read][pdf]") {
  Result<RawDocument> doc = ParsePdf(TestPdf("encrypted_owner.pdf"), ReadOptions{});
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 2);
  CHECK(FindWord(doc->pages[0], "Porteur") != nullptr);
}

TEST_CASE("ParsePdf reports damaged input as Corruption", "[read][pdf]") {
  PdfWriter pdf;
  pdf.BeginPage();
  pdf.Text(72, 100, 12, "Texte");
  const std::string good = pdf.Finish();
  SECTION("not a PDF") {
    Result<RawDocument> doc = ParsePdf("Bonjour, ceci est un texte.", ReadOptions{});
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == Status::Code::kCorruption);
  }
  SECTION("truncated") {
    for (size_t cut : {good.size() / 4, good.size() / 2, good.size() - 10}) {
      Result<RawDocument> doc = ParsePdf(good.substr(0, cut), ReadOptions{});
      REQUIRE_FALSE(doc.ok());
      CHECK(doc.status().code() == Status::Code::kCorruption);
    }
  }
  SECTION("a header and garbage") {
    Result<RawDocument> doc =
        ParsePdf("%PDF-1.4\n" + std::string(3000, '\x07') + "\n%%EOF\n", ReadOptions{});
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == Status::Code::kCorruption);
  }
  SECTION("damaged streams still give the words") {
    std::string bad = good;
    const size_t at = bad.find("stream\n", bad.find("/Contents"));
    REQUIRE(at != std::string::npos);
    // Lengths and offsets stay, content bytes go wrong.
    for (size_t k = at + 20; k < at + 40 && k < bad.size(); ++k) bad[k] = '\xFF';
    Result<RawDocument> doc = ParsePdf(bad, ReadOptions{});
    CHECK((doc.ok() || doc.status().code() == Status::Code::kCorruption));
  }
}

TEST_CASE("ParsePdf enforces the page limit", "[read][pdf]") {
  PdfWriter pdf;
  for (int i = 0; i < 3; ++i) {
    pdf.BeginPage();
    pdf.Text(72, 100, 12, "Page");
  }
  ReadOptions options;
  options.max_pages = 2;
  Result<RawDocument> doc = ParsePdf(pdf.Finish(), options);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == Status::Code::kLimitExceeded);
}

TEST_CASE("ParsePdf reads the shared corpus", "[read][pdf][corpus]") {
  if (!testing::HaveSharedCorpus()) return;
  const std::filesystem::path dir = testing::SharedCorpus() / "pdf";
  const std::pair<const char*, size_t> expected[] = {{"000_4ed6bf59f513ad19.pdf", 168},
                                                     {"002_44ef4f2dd19b21b3.pdf", 43},
                                                     {"003_3dfd76481143a408.pdf", 1}};
  for (const auto& [name, pages] : expected) {
    INFO(name);
    Result<RawDocument> doc = ReadDocument((dir / name).string(), ReadOptions{});
    REQUIRE(doc.ok());
    CHECK(doc->pages.size() == pages);
    CHECK(doc->format == SourceFormat::kPdf);
    size_t rules = 0;
    for (const RawPage& p : doc->pages) {
      CHECK(p.has_text_layer);
      rules += p.rulings.size();
    }
    CHECK(rules > 0);  // the footer's separator at least
  }
  Result<RawDocument> scanned =
      ReadDocument((dir / "scanned" / "002_44ef4f2dd19b21b3.pdf").string(), ReadOptions{});
  REQUIRE(scanned.ok());
  for (const RawPage& p : scanned->pages) CHECK_FALSE(p.has_text_layer);
}

}  // namespace
}  // namespace clsdb
