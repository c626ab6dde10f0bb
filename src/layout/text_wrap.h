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

// True when `next` goes on the paragraph whose last line is `line`, in a
// text wrapped at `width` (> 0): `line` ends where the first word of `next`
// would not have fitted after it, and neither a sentence's end followed by
// a capital nor a list bullet says the writer broke the line.
bool ContinuesWrappedLine(std::string_view line, std::string_view next, int width);

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_TEXT_WRAP_H_
