// OCR of scanned pages: a born-digital page is rendered to an image, the
// image wrapped in an image-only PDF, and the PDF read back through ParsePdf.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "../../tools/mkpdf/pdf_writer.h"
#include "read/pdf_ocr.h"
#include "read/reader.h"

namespace clsdb {
namespace {

using mkpdf::PdfWriter;

// A deliberation's opening, the kind of page that is published as a scan.
const std::vector<std::string>& SourceLines() {
  static const std::vector<std::string> kLines = {
      "DELIBERATION DU CONSEIL MUNICIPAL",
      "Séance du 12 avril 2024",
      "Etaient présents : M. Jean DUPONT, Mme Claire MARTIN, M. Paul BERNARD,",
      "Mme Sophie LEROY, M. Louis GARNIER, Mme Anne FONTAINE.",
      "Excusés : M. Pierre ROUSSEL, Mme Julie MOREAU.",
      "Objet : approbation du contrat local de santé 2024-2028",
      "Le conseil municipal, après en avoir délibéré, décide d'approuver le contrat",
      "local de santé conclu avec l'agence régionale de santé et la préfecture.",
      "Pour : 23 voix Contre : 0 voix Abstention : 2 voix",
      "Fait à Montreuil, le 15 avril 2024",
  };
  return kLines;
}

std::string BornDigitalPdf() {
  PdfWriter pdf;
  pdf.BeginPage();
  double y = 90;
  for (const std::string& line : SourceLines()) {
    pdf.Text(60, y, 11, line);
    y += 22;
  }
  return pdf.Finish();
}

struct Grey {
  int width = 0, height = 0;
  std::string pixels;  // width * height bytes
};

Grey Render(const std::string& pdf, double dpi) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  REQUIRE(doc);
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  REQUIRE(page);
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  REQUIRE(image.is_valid());
  Grey g;
  g.width = image.width();
  g.height = image.height();
  for (int y = 0; y < g.height; ++y) {
    g.pixels.append(image.const_data() + static_cast<size_t>(y) * image.bytes_per_row(), g.width);
  }
  return g;
}

// The image turned a quarter clockwise: a page fed sideways into a scanner.
Grey TurnQuarter(const Grey& in) {
  Grey out;
  out.width = in.height;
  out.height = in.width;
  out.pixels.resize(in.pixels.size());
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) {
      // (x, y) goes to (height - 1 - y, x).
      out.pixels[static_cast<size_t>(x) * out.width + (in.height - 1 - y)] =
          in.pixels[static_cast<size_t>(y) * in.width + x];
    }
  }
  return out;
}

// An image-only PDF: one page of the image's size at dpi, and over the image
// the line stamp in Helvetica when given (the receipt a prefecture's
// platform stamps on a scanned act: a thin text layer).
std::string ScannedPdf(const Grey& image, double dpi, const std::string& stamp = "") {
  const double w = image.width * 72.0 / dpi, h = image.height * 72.0 / dpi;
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Count 1 /Kids [3 0 R] >>");
  char page[400];
  std::snprintf(page, sizeof page,
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Resources << /XObject "
                "<< /Scan 4 0 R >> /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont "
                "/Helvetica >> >> >> /Contents 5 0 R >>",
                w, h);
  objects.push_back(page);
  objects.push_back(
      "<< /Type /XObject /Subtype /Image /Width " + std::to_string(image.width) + " /Height " +
      std::to_string(image.height) + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " +
      std::to_string(image.pixels.size()) + " >>\nstream\n" + image.pixels + "\nendstream");
  char draw[120];
  std::snprintf(draw, sizeof draw, "q %.3f 0 0 %.3f 0 0 cm /Scan Do Q", w, h);
  std::string content = draw;
  if (!stamp.empty())
    content += "\nBT /F1 7 Tf 20 " + std::to_string(h - 14) + " Td (" + stamp + ") Tj ET";
  objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                    "\nendstream");
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// A scan of the born-digital page at 200 dpi, as office scanners make them.
const std::string& ScanOfPage() {
  static const std::string kScan = ScannedPdf(Render(BornDigitalPdf(), 200), 200);
  return kScan;
}

// Characters of the page's words, one space between words, in reading order
// (top to bottom, then left to right: the test page has one column).
std::string PageText(const RawPage& page) {
  std::vector<const Word*> words;
  for (const Word& w : page.words) words.push_back(&w);
  std::stable_sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
    const double ya = (a->y0 + a->y1) / 2, yb = (b->y0 + b->y1) / 2;
    if (std::abs(ya - yb) > 4) return ya < yb;
    return a->x0 < b->x0;
  });
  std::string text;
  for (const Word* w : words) {
    if (!text.empty()) text += ' ';
    text += w->text;
  }
  return text;
}

// Code points, so that an accent misread counts once.
std::u32string CodePoints(const std::string& utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = utf8[i];
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    out += cp;
    i += n;
  }
  return out;
}

// Character error rate: edit distance over the reference's length.
double CharacterErrorRate(const std::string& reference, const std::string& read) {
  const std::u32string a = CodePoints(reference), b = CodePoints(read);
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return static_cast<double>(prev[b.size()]) / std::max<size_t>(1, a.size());
}

std::string Reference() {
  std::string text;
  for (const std::string& line : SourceLines()) text += (text.empty() ? "" : " ") + line;
  return text;
}

TEST_CASE("CharacterErrorRate counts edits per reference character", "[ocr]") {
  CHECK(CharacterErrorRate("abcd", "abcd") == 0);
  CHECK(CharacterErrorRate("abcd", "abxd") == 0.25);
  CHECK(CharacterErrorRate("été", "ete") == Approx(2.0 / 3));
}

TEST_CASE("A scanned page is read by OCR into the word model, CER under 3%", "[ocr]") {
  const std::string& scan = ScanOfPage();
  Result<RawDocument> doc = ParsePdf(scan, ReadOptions());
  INFO(doc.status().ToString());
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 1);
  const RawPage& page = doc->pages[0];
  CHECK_FALSE(page.has_text_layer);
  CHECK(page.ocr);
  CHECK(page.ocr_confidence > 80);
  CHECK(page.ocr_confidence <= 100);
  const std::string read = PageText(page);
  const double cer = CharacterErrorRate(Reference(), read);
  INFO("read: " << read);
  INFO("CER: " << cer);
  CHECK(cer < 0.03);
  CHECK(doc->diagnostics.empty());  // no low-confidence note on a clean scan

  // Words are placed as Poppler places them: in points on the A4 page, the
  // words of one line on one baseline with one size, boxes in order.
  CHECK(page.width == Approx(595).margin(1));
  CHECK(page.height == Approx(842).margin(1));
  int lines = 0;
  for (size_t i = 0; i < page.words.size(); ++i) {
    const Word& w = page.words[i];
    INFO(w.text);
    CHECK(w.x0 < w.x1);
    CHECK(w.y0 < w.y1);
    CHECK(w.x0 >= 0);
    CHECK(w.x1 <= page.width);
    CHECK(w.font_size > 6);
    CHECK(w.font_size < 16);
    if (i > 0 && page.words[i - 1].space_after) {
      CHECK(w.y0 == Approx(page.words[i - 1].y0).margin(0.5));
      CHECK(w.font_size == page.words[i - 1].font_size);
    }
    lines += !w.space_after;
  }
  // "Pour : 23 voix Contre : 0 voix …" may come as one line or three.
  CHECK(lines >= static_cast<int>(SourceLines().size()));
  CHECK(lines <= static_cast<int>(SourceLines().size()) + 3);
}

TEST_CASE("A scan under a thin stamped text layer is read by OCR", "[ocr]") {
  const std::string stamped = ScannedPdf(Render(BornDigitalPdf(), 200), 200,
                                         "Accuse de reception en prefecture 062-216200485");
  Result<RawDocument> doc = ParsePdf(stamped, ReadOptions());
  INFO(doc.status().ToString());
  REQUIRE(doc.ok());
  const RawPage& page = doc->pages[0];
  CHECK(page.has_text_layer);
  REQUIRE(page.ocr);
  const double cer = CharacterErrorRate(Reference(), PageText(page));
  INFO("read: " << PageText(page));
  // The stamp is read too, at the top: the scan's text follows it.
  CHECK(PageText(page).find("Séance du 12 avril 2024") != std::string::npos);
  CHECK(cer < 0.5);
}

TEST_CASE("A page scanned sideways is turned before it is read", "[ocr]") {
  const std::string sideways = ScannedPdf(TurnQuarter(Render(BornDigitalPdf(), 200)), 200);
  Result<RawDocument> doc = ParsePdf(sideways, ReadOptions());
  INFO(doc.status().ToString());
  REQUIRE(doc.ok());
  const RawPage& page = doc->pages[0];
  CHECK(page.ocr);
  // The words are on the page turned upright: portrait again.
  CHECK(page.width < page.height);
  const double cer = CharacterErrorRate(Reference(), PageText(page));
  INFO("read: " << PageText(page));
  CHECK(cer < 0.05);
}

TEST_CASE("--ocr off leaves a scanned page unread; force reads a born-digital one", "[ocr]") {
  ReadOptions off;
  off.ocr = OcrMode::kOff;
  Result<RawDocument> unread = ParsePdf(ScanOfPage(), off);
  REQUIRE(unread.ok());
  CHECK_FALSE(unread->pages[0].has_text_layer);
  CHECK_FALSE(unread->pages[0].ocr);
  CHECK(unread->pages[0].words.empty());

  // auto leaves a born-digital page to its text layer.
  Result<RawDocument> digital = ParsePdf(BornDigitalPdf(), ReadOptions());
  REQUIRE(digital.ok());
  CHECK(digital->pages[0].has_text_layer);
  CHECK_FALSE(digital->pages[0].ocr);
}

TEST_CASE("OCR limits fail the document cleanly, naming the page", "[ocr]") {
  SECTION("a page image over the pixel cap") {
    ReadOptions options;
    options.max_ocr_pixels = 1'000'000;  // an A4 page at 300 dpi is 8.7 Mpx
    Result<RawDocument> doc = ParsePdf(ScanOfPage(), options);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == Status::Code::kLimitExceeded);
    INFO(doc.status().message());
    CHECK(doc.status().message().find("page 1") != std::string::npos);
    CHECK(doc.status().message().find("pixels") != std::string::npos);
    // The cap only concerns pages to OCR: a born-digital page reads.
    CHECK(ParsePdf(BornDigitalPdf(), options).ok());
  }
  SECTION("OCR past the document's time limit") {
    ReadOptions options;
    options.time_limit_seconds = 0.2;  // a page takes a second or more
    const auto start = std::chrono::steady_clock::now();
    Result<RawDocument> doc = ParsePdf(ScanOfPage(), options);
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE_FALSE(doc.ok());
    // A timeout is a failure of the moment: the next run retries it.
    CHECK(doc.status().code() == Status::Code::kUnavailable);
    INFO(doc.status().message());
    CHECK(doc.status().message().find("page 1") != std::string::npos);
    CHECK(doc.status().message().find("time limit") != std::string::npos);
    CHECK(took < 2.0);  // Tesseract stopped at the deadline, not at the page's end
  }
}

Word W(const std::string& text) {
  Word w;
  w.text = text;
  return w;
}

TEST_CASE("GarbleRate tells a poor OCR layer from clean text", "[ocr]") {
  std::vector<Word> clean;
  for (const char* t : {"Vu", "le", "Code", "L.3121-14,", "n°2025-131", "du", "22/04/2025", "«",
                        "Délégation", "d'attributions", "»", "1er", "(Adopté)"}) {
    clean.push_back(W(t));
  }
  CHECK(GarbleRate(clean) == 0);
  std::vector<Word> poor;
  for (const char* t : {"V|u", "1e", "C0d3", "l.3l2l-l4", "dé1ib3ra7ion", "~du", "pRéfEcture", "le",
                        "conseil", "municipal"}) {
    poor.push_back(W(t));
  }
  CHECK(GarbleRate(poor) > 0.4);
  CHECK(GarbleRate({}) == 0);
}

}  // namespace
}  // namespace clsdb
