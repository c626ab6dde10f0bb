// Paragraphs from the lines of one column (a page's body, a text column, a
// table cell), in the way the text versions of the documents write them:
// one paragraph per line of text, hyphenation undone, bullets taken off.
//
// A line starts a new paragraph when
//   - it begins with a list bullet (the bullet is removed, bullet = true);
//   - its font size differs from the line above (a heading);
//   - the vertical gap above it is wider than the document's line spacing;
//   - the line above ended early: its first word would have fit there, so
//     the writer broke the line on purpose (a paragraph's end, an address,
//     a signature block);
//   - it steps back left of the lines above (the text after a list item),
//     or does not hang under the text of the list item above.
// Otherwise it is joined to the paragraph with JoinLines.
#ifndef CLSDB_LAYOUT_PDF_PARAGRAPHS_H_
#define CLSDB_LAYOUT_PDF_PARAGRAPHS_H_

#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "layout/pdf_lines.h"

namespace clsdb {

struct PdfParagraph {
  std::string text;
  bool bullet = false;  // began with a list bullet, removed from text
  std::string marker;   // that bullet as printed ("•", "- ❖"), for table cells
  // For joining across a page break: the size of its text, the width of
  // its first word, and the room left after its last line (can the first
  // word of the next page's paragraph have fit there?).
  double font_size = 0;
  double first_word_width = 0;
  double end_room = 1e9;
  bool ends_with_hyphen = false;
  double bottom = 0;       // bottom of its last line
  double line_height = 0;  // of its last line
};

struct ColumnFrame {
  double x0 = 0, x1 = 0;      // where the column's lines may run
  double line_gap_em = 0.25;  // the document's normal gap between lines / size
  // The same per text size (SizeKey), where the document has enough lines
  // of that size: its fonts may differ in box height.
  const std::map<long, double>* line_gap_em_by_size = nullptr;
};

// Text sizes to a quarter point, as a key.
inline long SizeKey(double size) { return std::lround(size * 4); }

// The normal gap between lines of text of that size, in sizes.
double NormalGapEm(const ColumnFrame& frame, double size);

// True when text begins with a lowercase letter (the rest of a word or a
// sentence broken off above).
bool StartsLowercase(std::string_view text);
// True when text begins with a letter (of any case).
bool StartsWithLetter(std::string_view text);

// lines: one column's lines, top to bottom (a segment each).
std::vector<PdfParagraph> BuildParagraphs(const std::vector<const PdfSegment*>& lines,
                                          const ColumnFrame& frame);

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_PDF_PARAGRAPHS_H_
