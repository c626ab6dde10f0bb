// The lines of a PDF page: its words grouped by baseline, each line cut
// into segments where a column gap or a drawn vertical rule separates
// words (cells of a table, columns of a signature page, a footer's left
// text and its page counter).
#ifndef CLSDB_LAYOUT_PDF_LINES_H_
#define CLSDB_LAYOUT_PDF_LINES_H_

#include <string>
#include <vector>

#include "read/reader.h"

namespace clsdb {

// A run of words of one line with no column gap or rule between them.
struct PdfSegment {
  std::string text;  // NormalizeText of its words, spaced as printed
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  // The extent of its words of that size only: a glyph from another font
  // (an office export's apostrophe or guillemet from a fallback CID font)
  // has a taller box, which would narrow the gap to the next line by a
  // third of a line in every line that has one.
  double core_y0 = 0, core_y1 = 0;
  double font_size = 0;         // the size most of its characters have
  double first_word_width = 0;  // for the line above: would this word have fit?
  // When it ends with a hyphen set apart from the word before ("représen
  // -", "CCSA -"): that gap, in font sizes; else -1.  A hyphen a word
  // processor inserts to break a word comes as a glyph of its own, closer
  // to the word than a space is (see BuildParagraphs).
  double hyphen_gap = -1;
};

// The white space between two lines of a column, measured on the text of
// their own size (see core_y0): what tells a paragraph's lines from a new one.
inline double LineGap(const PdfSegment& above, const PdfSegment& below) {
  return below.core_y0 - above.core_y1;
}

struct PdfLine {
  double y0 = 0, y1 = 0;             // union of its words' boxes
  std::vector<PdfSegment> segments;  // left to right, never empty
};

// Lines of the page's upright words (rotation 0), top to bottom.
// `verticals` are the page's vertical rules (x0 == x1); a line is cut
// wherever one of them passes between two words.  Words of other rotations
// are laid out in their own upright frame and returned in *rotated (their
// coordinates are then in that frame, good only for ordering).
//
// Cost: O(n log n) in the words, plus a binary search among the rules per
// word gap.
std::vector<PdfLine> BuildPdfLines(const RawPage& page, const std::vector<RulingLine>& verticals,
                                   std::vector<PdfLine>* rotated);

// A column gap, in font sizes: wider than any space justification
// stretches a line to, narrower than the gutter between columns or cells.
inline constexpr double kColumnGapEm = 1.6;

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_PDF_LINES_H_
