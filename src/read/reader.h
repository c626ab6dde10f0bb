// read: the only stage that touches files and Poppler.
//
// In:  a path to a .pdf or a .txt file.
// Out: a RawDocument — its bytes' sha256, its format, and its pages.  A PDF
//      page carries the words Poppler found with their boxes (for layout/),
//      or, for a scanned page, the words OCR read (read/ocr.h) in the same
//      model; a text page carries its decoded UTF-8 text (form feed = page
//      break).
//
// Nothing here interprets the text: no normalisation, no reading order.
#ifndef CLSDB_READ_READER_H_
#define CLSDB_READ_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/kinds.h"
#include "core/limits.h"
#include "core/status.h"

namespace clsdb {

// One word as Poppler placed it on the page.  Coordinates in points, origin
// at the top left of the page, y growing downwards.
struct Word {
  std::string text;  // UTF-8, as Poppler decoded it (ligatures not yet folded)
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;
  bool space_after = false;  // Poppler saw a space after this word
  int rotation = 0;          // 0, 1, 2, 3: quarter turns of the text
};

// A ruling line drawn on the page (a table border), when known.
struct RulingLine {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct RawPage {
  int page_no = 1;  // 1-based
  double width = 0, height = 0;
  bool has_text_layer = true;       // false: the PDF holds no text for it (a scan)
  bool ocr = false;                 // its words were read by OCR from the page image
  double ocr_confidence = -1;       // ocr: the mean word confidence, 0-100
  std::vector<Word> words;          // PDF pages
  std::vector<RulingLine> rulings;  // PDF pages, when the reader extracts them
  std::string text;                 // text pages: the decoded UTF-8 text
};

struct RawDocument {
  std::string path;
  SourceFormat format = SourceFormat::kText;
  std::string sha256;  // hex digest of the file's bytes
  std::uint64_t size = 0;
  std::string encoding;    // text files: the charset the reader decoded
  std::string meta_title;  // PDF Info dictionary /Title, when present
  std::vector<RawPage> pages;
  // What the reader noticed without failing the document (a page OCR read
  // with low confidence).
  std::vector<Diagnostic> diagnostics;
};

// When a PDF page is read by OCR:
//   kAuto   a page with no text layer, or with fewer characters than
//           kOcrFewCharacters (a scanner's stamped header over a scanned
//           page) whose OCR reads more than its text layer holds;
//   kOff    never (an image-only page is then reported, as without OCR);
//   kForce  every page, its text layer ignored.
enum class OcrMode { kAuto, kOff, kForce };
inline constexpr int kOcrFewCharacters = 200;

// "auto", "off", "force" -> the mode; false for anything else.
bool ParseOcrMode(const std::string& name, OcrMode* mode);
const char* OcrModeName(OcrMode mode);

struct ReadOptions {
  int max_pages = kDefaultMaxPages;                 // more pages than this: LimitExceeded
  std::uint64_t max_bytes = kDefaultMaxInputBytes;  // larger files: LimitExceeded
  OcrMode ocr = OcrMode::kAuto;
  // A page to OCR is rendered at 300 dpi; an image of more pixels than this
  // fails the document (LimitExceeded) rather than the reader's memory.
  // The default holds an A2 page (35 Mpx at 300 dpi).
  std::uint64_t max_ocr_pixels = 36'000'000;
  // Wall time for the whole document, OCR included; past it ParsePdf fails
  // with Unavailable.  0: no limit.
  double time_limit_seconds = 0;
};

// The format the path's name says: kPdf for .pdf, kText for .txt, else
// nullopt (the file is not one clsdb reads).
std::optional<SourceFormat> FormatOfPath(const std::string& path);

// Hex sha256 of a byte string.
std::string Sha256Hex(const std::string& bytes);

// Reads the regular file at path whole, through one descriptor.  Errors:
// NotFound; LimitExceeded for a file over max_bytes (checked before reading
// and while reading, should it grow); InvalidArgument for a path longer than
// the system allows; Unavailable when the machine, not the file, is to blame
// (too many open files, no memory for the bytes); IOError for the rest (a
// directory, a FIFO, permission denied), each with the reason.
Result<std::string> ReadFileBytes(const std::string& path,
                                  std::uint64_t max_bytes = kDefaultMaxInputBytes);

// Decodes a text file's bytes into UTF-8 pages.  Detects UTF-8 (with or
// without BOM), UTF-16 LE/BE (with or without BOM), Windows-1252 and
// ISO-8859-1/15.  Errors: Corruption for binary content (NUL bytes in an
// 8-bit text, control characters), naming the offset.
Result<RawDocument> DecodeText(const std::string& bytes);

// Parses a PDF held in memory, reading scanned pages by OCR as options.ocr
// says.  Errors: Corruption (not a PDF, truncated, unreadable), Unsupported
// (encrypted with a password we do not have; a page to OCR when Tesseract is
// not installed), LimitExceeded (more than options.max_pages pages, a page
// image over options.max_ocr_pixels), Unavailable (past
// options.time_limit_seconds: a timeout is retried by the next run), each
// naming the page when one is to blame.
//
// Poppler is not linked into the executable: the first call opens the PDF
// module (src/pdf_module/), which holds the reader and Poppler; a module
// that cannot be opened fails every PDF with Internal, saying why.
Result<RawDocument> ParsePdf(const std::string& bytes, const ReadOptions& options);

// Opens the PDF module now rather than at the first ParsePdf: a process
// about to cap its address space (the PDF reader child) maps Poppler
// before the cap, as it did when Poppler was linked in.  Returns what
// ParsePdf would fail with when the module cannot be opened.
Status LoadPdfReader();

// A file's bytes as a document of format: ParsePdf or
// DecodeText, then format and size filled; path and sha256 are the
// caller's.  The one way from bytes to a RawDocument, for the pipeline and
// ReadDocument alike.
Result<RawDocument> ReadBytes(const std::string& bytes, SourceFormat format,
                              const ReadOptions& options);

// Reads path by its extension (.pdf or .txt), fills path, format, sha256 and
// size.  Errors name the path.
Result<RawDocument> ReadDocument(const std::string& path, const ReadOptions& options);

}  // namespace clsdb

#endif  // CLSDB_READ_READER_H_
