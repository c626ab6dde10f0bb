#include "read/pdf_ocr.h"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "read/ocr.h"

namespace clsdb {

namespace {

using Clock = std::chrono::steady_clock;

constexpr double kOcrDpi = 300;
// A text layer with more of its words garbled than this is a poor OCR layer
// (clean office text measures 0.01-0.05; the scanners' own OCR, 0.2 and up).
constexpr double kGarbledLayer = 0.15;
// A page read with a mean word confidence below this is named in the
// document's notes: its text is likely to hold misread words.
constexpr double kLowConfidence = 60;
// A scan is one image over the page, or strips of one; a third of the page
// leaves room for a scan set in margins, and is far above a page's logos.
constexpr double kScannedImageShare = 1.0 / 3;

size_t CharacterCount(const std::vector<Word>& words) {
  size_t n = 0;
  for (const Word& w : words) {
    for (unsigned char c : w.text) n += (c & 0xC0) != 0x80 && c != ' ';
  }
  return n;
}

Status WithPage(const RawPage& raw, const Status& s) {
  return s.WithPrefix("page " + std::to_string(raw.page_no));
}

// The page through Poppler at dpi, grey.  The image is the page as
// displayed (its /Rotate applied), as Poppler's word boxes are.
Result<GreyImage> Render(const poppler::page& page, double dpi) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  // Smooth edges help Tesseract read.
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    return Status::Corruption("Poppler could not render the page for OCR");
  }
  GreyImage out;
  out.width = image.width();
  out.height = image.height();
  out.dpi = dpi;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  const char* data = image.const_data();
  for (int y = 0; y < out.height; ++y) {
    std::memcpy(out.pixels.data() + static_cast<size_t>(y) * out.width,
                data + static_cast<size_t>(y) * image.bytes_per_row(), out.width);
  }
  return out;
}

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// A token a language would not write: a symbol inside it, or letters and
// digits alternating more than a reference ("L.3121-14", "1er", "2025-131")
// does.
bool Garbled(std::string_view token) {
  const std::string_view kEdge = ".,;:!?()[]\"'«»*";
  while (!token.empty() && kEdge.find(token.front()) != std::string_view::npos) {
    token.remove_prefix(1);
  }
  while (!token.empty() && kEdge.find(token.back()) != std::string_view::npos) {
    token.remove_suffix(1);
  }
  if (token.empty()) return false;
  int switches = 0, kind = 0, lower_then_upper = 0;
  bool prev_lower = false;
  for (unsigned char c : token) {
    int k;
    if (IsAsciiLetter(c) || c >= 0x80) {
      k = 1;
    } else if (IsDigit(c)) {
      k = 2;
    } else if (std::string_view("-./'°%&/€:,").find(static_cast<char>(c)) !=
               std::string_view::npos) {
      k = kind;  // separators neither start nor end a run
    } else {
      return true;  // a symbol inside a word: |, \, {, ~, ^, <, >, =, #, @, _
    }
    if (k != 0 && kind != 0 && k != kind) ++switches;
    if (k != 0) kind = k;
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && prev_lower) ++lower_then_upper;
    prev_lower = c >= 'a' && c <= 'z';
  }
  return switches > 2 || lower_then_upper > 1;
}

}  // namespace

double GarbleRate(const std::vector<Word>& words) {
  size_t tokens = 0, garbled = 0;
  for (const Word& w : words) {
    size_t start = 0;
    while (start < w.text.size()) {
      size_t end = w.text.find(' ', start);
      if (end == std::string::npos) end = w.text.size();
      if (end > start) {
        ++tokens;
        garbled += Garbled(std::string_view(w.text).substr(start, end - start));
      }
      start = end + 1;
    }
  }
  return tokens == 0 ? 0 : static_cast<double>(garbled) / tokens;
}

Status OcrPdfPage(const PageToRender& page_to_render, const ReadOptions& options,
                  Clock::time_point deadline, double image_share, RawPage* raw,
                  std::vector<Diagnostic>* diagnostics) {
  if (options.ocr == OcrMode::kOff) return Status::OK();
  const size_t layer_chars = CharacterCount(raw->words);
  const bool forced = options.ocr == OcrMode::kForce;
  const bool empty = layer_chars == 0;
  const bool thin = layer_chars < static_cast<size_t>(kOcrFewCharacters);
  const double layer_garble = empty ? 1.0 : GarbleRate(raw->words);
  const bool garbled = layer_garble > kGarbledLayer;
  if (!forced && !empty && !thin && !garbled) return Status::OK();
  if (!forced && !empty && image_share < kScannedImageShare) return Status::OK();
  const poppler::page* page = page_to_render();
  if (!page) return WithPage(*raw, Status::Corruption("Poppler could not open it to render it"));

  const double px_w = std::ceil(raw->width * kOcrDpi / 72.0);
  const double px_h = std::ceil(raw->height * kOcrDpi / 72.0);
  if (px_w * px_h > static_cast<double>(options.max_ocr_pixels)) {
    return WithPage(*raw,
                    Status::LimitExceeded("its image at 300 dpi would be " +
                                          std::to_string(static_cast<long long>(px_w)) + " x " +
                                          std::to_string(static_cast<long long>(px_h)) +
                                          " pixels, over the OCR cap of " +
                                          std::to_string(options.max_ocr_pixels) + " pixels"));
  }
  if (Clock::now() >= deadline) {
    return WithPage(*raw,
                    Status::Unavailable("OCR went past the document's time limit (--doc-timeout)"));
  }
  Result<GreyImage> image = Render(*page, kOcrDpi);
  if (!image.ok()) return WithPage(*raw, image.status());
  Result<OcrPage> read = RecognizePage(*image, deadline);
  if (!read.ok()) return WithPage(*raw, read.status());

  if (!forced && !empty) {
    // Keep what reads better: more text over a thin layer, cleaner text
    // over a garbled one.
    const size_t ocr_chars = CharacterCount(read->words);
    if (garbled && !thin) {
      if (GarbleRate(read->words) >= layer_garble || ocr_chars < layer_chars / 2) {
        return Status::OK();
      }
    } else if (ocr_chars <= layer_chars) {
      return Status::OK();
    }
  }
  raw->ocr = true;
  raw->ocr_confidence = read->mean_confidence;
  if (read->words.empty()) {
    // Read, and blank (a separator sheet, a page of drawings): the page
    // keeps what the PDF gave, rules included.
    diagnostics->push_back(MakeDiagnostic(
        DiagnosticCode::kOcrBlankPage, raw->page_no,
        "page " + std::to_string(raw->page_no) + ": no text layer, and OCR found no text on it"));
    return Status::OK();
  }
  raw->words = std::move(read->words);
  raw->rulings.clear();      // drawn on the text layer's page, not on the read image
  raw->width = read->width;  // turned when the scan was sideways
  raw->height = read->height;
  if (!raw->words.empty() && read->mean_confidence < kLowConfidence) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "page %d: OCR read it with a low mean word confidence (%.0f/100): its text "
                  "may hold misread words",
                  raw->page_no, read->mean_confidence);
    diagnostics->push_back(MakeDiagnostic(DiagnosticCode::kOcrLowConfidence, raw->page_no, buf));
  }
  return Status::OK();
}

}  // namespace clsdb
