// Hard-wrapped text files: a converter that prints a PDF's lines as they
// stood on the page (pdftotext), or that breaks every line at a fixed
// width, leaves each paragraph cut into lines.  Read one paragraph per line,
// such a text parts an attendance list, a heading or a stamp in the middle.
//
// In:  a text file's lines.  Out: the width its lines were broken at, and
// for two consecutive lines, whether the break between them was the
// converter's (the next word did not fit) rather than the writer's.
#ifndef CLSDB_LAYOUT_TEXT_WRAP_H_
#define CLSDB_LAYOUT_TEXT_WRAP_H_

#include <string_view>
#include <vector>

namespace clsdb {

// The width, in characters, at which the lines were broken, or 0 when the
// text is not hard-wrapped: at least 12 non-empty lines, a third of them
// ending within a narrow band below one width, that width a page's (40 to
// 160 characters), and a fifth of the breaks in the middle of a sentence
// (before a lowercase word) — or, when four fifths of the lines end in that
// band (minutes that are mostly lists of names, their breaks before
// capitals), a twentieth.  Lines with tabs (table rows) do not count.
int WrapWidth(const std::vector<std::string_view>& lines);

// The width at which a text whose paragraphs are set apart by blank lines
// was broken, or 0: at least three paragraphs run on several lines, and
// nine in ten of the lines a paragraph goes on after fill 80% of the widest.
// WrapWidth misses such a text when most of its paragraphs are one short
// line (minutes: headings, labels, one-line decisions).  The writer broke
// its paragraphs with blank lines, so it is read as run-on (WrittenRunOn).
int BlankSeparatedWrapWidth(const std::vector<std::string_view>& lines);

// True when the writer of a text wrapped at `width` (> 0) broke almost no
// line: at most one line in ten ends where the next line's first word would
// have fitted after it.  A text written one line per page or per document
// (a dataset's run-on act), then wrapped, is so; prose written in
// paragraphs ends one every few lines.
bool WrittenRunOn(const std::vector<std::string_view>& lines, int width);

// True when `next` goes on the paragraph whose last line is `line`, in a
// text wrapped at `width` (> 0): `line` ends where the first word of `next`
// would not have fitted after it, and neither a sentence's end followed by
// a capital nor a list bullet says the writer broke the line.  In a text
// written run-on (WrittenRunOn), the writer broke no line the converter
// filled: a bullet there ("- l'article …", "• Approbation …") is an item
// of the run-on line, cut again by segment/ at its marks as in the one-line
// text, not a list the writer laid out; so is a semicolon at its end (an
// attendance list's "MARTIN Claire ;"), which ends an item, not a paragraph.  A paragraph's first
// line (opens_paragraph) whose only colon ends it, then a capital, is a heading the writer ended:
// in a text written in paragraphs, the break is the writer's.
bool ContinuesWrappedLine(std::string_view line, std::string_view next, int width,
                          bool run_on = false, bool opens_paragraph = false);

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_TEXT_WRAP_H_
