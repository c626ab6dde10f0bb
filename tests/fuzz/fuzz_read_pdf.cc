// ParsePdfInProcess (ParsePdf without the module) on arbitrary bytes: the whole PDF reader,
// Poppler's parser and interpreter with clsdb's OutputDev, from bytes to pages.  Whatever the
// input, it either fails with a reason or gives pages the layout stage can
// rely on (reader.h): numbered in order, with UTF-8 words whose boxes and
// rulings are finite numbers.  OCR is off: Tesseract would make each input
// take seconds, and it reads images, not PDF syntax.
#include <cmath>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "read/pdf_reader.h"
#include "read/reader.h"

namespace {

bool Finite(double a, double b, double c, double d) {
  return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && std::isfinite(d);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clsdb;
  // PDF seeds are larger than the other targets' inputs: a page with a
  // table and a few fonts is tens of kilobytes.
  if (size > 4 * fuzz::kMaxInput) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.ocr = OcrMode::kOff;
  options.max_pages = 50;
  // A page whose interpretation runs away (a huge repeated form) stops
  // with Unavailable, as in a batch with --doc-timeout.
  options.time_limit_seconds = 5;
  Result<RawDocument> doc = ParsePdfInProcess(bytes, options);
  if (!doc.ok()) {
    // A failure must say why: the message ends up in documents.error.
    CLSDB_FUZZ_CHECK(!doc.status().message().empty());
    return 0;
  }
  CLSDB_FUZZ_CHECK(!doc->pages.empty());
  CLSDB_FUZZ_CHECK(doc->pages.size() <= static_cast<size_t>(options.max_pages));
  CLSDB_FUZZ_CHECK(fuzz::IsValidUtf8(doc->meta_title));
  for (size_t i = 0; i < doc->pages.size(); ++i) {
    const RawPage& page = doc->pages[i];
    CLSDB_FUZZ_CHECK(page.page_no == static_cast<int>(i) + 1);
    CLSDB_FUZZ_CHECK(!page.ocr);
    CLSDB_FUZZ_CHECK(page.has_text_layer == !page.words.empty());
    for (const Word& w : page.words) {
      CLSDB_FUZZ_CHECK(!w.text.empty());
      CLSDB_FUZZ_CHECK(fuzz::IsValidUtf8(w.text));
      CLSDB_FUZZ_CHECK(w.rotation >= 0 && w.rotation <= 3);
      CLSDB_FUZZ_CHECK(Finite(w.x0, w.y0, w.x1, w.y1));
    }
    for (const RulingLine& r : page.rulings) {
      CLSDB_FUZZ_CHECK(Finite(r.x0, r.y0, r.x1, r.y1));
      // Rulings are straight: horizontal or vertical, ends in order.
      CLSDB_FUZZ_CHECK(r.x0 <= r.x1 && r.y0 <= r.y1);
      CLSDB_FUZZ_CHECK(r.x0 == r.x1 || r.y0 == r.y1);
    }
  }
  return 0;
}
