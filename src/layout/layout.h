// layout: from raw pages to the flow of text that extraction reads.
//
// In:  a RawDocument (words with boxes for PDF, decoded text for text files).
// Out: a LaidOutDocument —
//      - pages: the normalised text of each page, in reading order, with
//        running headers and footers, page numbers and prefecture stamps
//        taken out.  This is what `pages.text` stores and what every
//        provenance span points into;
//      - blocks: that same text cut into paragraphs and tables, in reading
//        order across the whole document, each with its page and byte span;
//      - stamps: the prefecture stamps lifted out of the flow.
//
// Text files: one paragraph per non-empty line, or, in a hard-wrapped text
// (text_wrap.h), the lines a converter broke joined back; consecutive lines
// holding tabs form a table; a form feed starts a new page.  PDF pages: words are
// assembled into lines, lines into paragraphs (hyphenation undone), and
// aligned lines into tables, by geometry.
#ifndef CLSDB_LAYOUT_LAYOUT_H_
#define CLSDB_LAYOUT_LAYOUT_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "read/reader.h"

namespace clsdb {

// A byte range [start, end) of one page's text.
struct TextSpan {
  int page = 1;
  int start = 0;
  int end = 0;
};

// One table cell: its normalised text (internal line breaks kept as '\n')
// and where it sits in the page text.
struct Cell {
  std::string text;
  TextSpan span;
};

struct TableRow {
  std::vector<Cell> cells;
};

// A table, whatever its source: tab-separated rows of a text file, or
// columns recovered from a PDF page's geometry.  A table that continues on
// the next page is one Table; a header row the PDF repeats on each page
// appears once.
struct Table {
  std::vector<TableRow> rows;
};

struct Block {
  enum class Kind { kParagraph, kTable };
  Kind kind = Kind::kParagraph;
  std::string text;     // paragraph: the text; table: rows '\n', cells '\t'
  TextSpan span;        // where it starts (a table may go on to later pages)
  int table = -1;       // kTable: index into LaidOutDocument::tables
  bool bullet = false;  // paragraph began with a list bullet (removed)
  // paragraph: an item's heading in capitals that segment/paragraph_breaks cut
  // off run-on minutes (rules caps_heading.*)
  bool caps_heading = false;
};

inline bool IsParagraph(const Block& b) { return b.kind == Block::Kind::kParagraph; }

// The prefecture's transmission stamp as printed ("Envoyé en préfecture le
// 02/10/2025", "Reçu en préfecture le …", "Publié le …", "ID : …").
struct Stamp {
  int page = 1;
  std::string text;  // the stamp's lines joined with '\n'
};

struct PageText {
  int page_no = 1;
  std::string text;
  bool has_text_layer = true;  // the PDF had text for it (see RawPage)
  bool ocr = false;            // its text was read by OCR
  double ocr_confidence = -1;  // ocr: mean word confidence, 0-100
};

struct LaidOutDocument {
  std::vector<PageText> pages;
  std::vector<Block> blocks;
  std::vector<Table> tables;
  std::vector<Stamp> stamps;
  // The reader's (RawDocument::diagnostics), then layout's own (a page with
  // no text layer).
  std::vector<Diagnostic> diagnostics;
};

// Lays out a document read by read/.  Never fails on odd content: what
// cannot be placed is kept as plain paragraphs.
LaidOutDocument LayOut(const RawDocument& doc);

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_LAYOUT_H_
