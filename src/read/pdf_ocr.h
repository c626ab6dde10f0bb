// read/pdf_ocr: which PDF pages are read by OCR, and reading them.
// Private to read/ (pdf_reader.cc); the contract callers see is ParsePdf's.
#ifndef CLSDB_READ_PDF_OCR_H_
#define CLSDB_READ_PDF_OCR_H_

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "read/reader.h"

namespace poppler {
class page;
}

namespace clsdb {

// The page as poppler-cpp renders it, opened only when OCR needs its image
// (most pages never do); nullptr when Poppler cannot open it.
using PageToRender = std::function<const poppler::page*()>;

// raw holds the page's text-layer words.  Under options.ocr, renders the
// page through Poppler (300 dpi, grey, in memory) and reads it by OCR when
// it is to be read so; then raw's words are OCR's, raw->ocr is set with its
// confidence, and a page read with low confidence is named in *diagnostics.
//
// kAuto reads a page that has no text layer, or whose text layer is thin
// (fewer than kOcrFewCharacters characters) or reads as garbage (a poor OCR
// layer some scanners add), provided raster images cover at least a third
// of the page (image_share, 0-1, from the reader: a scanned image); the OCR
// words are kept only when they read better than the text layer.
// Born-digital pages with a thin layer (covers, title pages) draw their
// logos as paths or small images: they are never rendered.
//
// Errors: LimitExceeded (the page image would be larger than
// options.max_ocr_pixels), Unavailable (OCR went past deadline), Unsupported
// (Tesseract is not installed), Internal; their messages name the page.
Status OcrPdfPage(const PageToRender& page, const ReadOptions& options,
                  std::chrono::steady_clock::time_point deadline, double image_share, RawPage* raw,
                  std::vector<Diagnostic>* diagnostics);

// The share of a text layer's words that do not look like words of a
// language (letters mixed with digits, stray symbols): 0 for clean text,
// near 1 for garbage.  Exposed for tests.
double GarbleRate(const std::vector<Word>& words);

}  // namespace clsdb

#endif  // CLSDB_READ_PDF_OCR_H_
