// Running text: what a page prints that is not part of the document's flow —
// running headers and footers, page numbers, and the prefecture's
// transmission stamp.
#ifndef CLSDB_LAYOUT_RUNNING_TEXT_H_
#define CLSDB_LAYOUT_RUNNING_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace clsdb {

// True for a line of the prefecture stamp: "Envoyé en préfecture le …",
// "Reçu en préfecture le …", "Publié le …" (alone or with a date), and
// "ID : 059-…-DE".
bool IsStampLine(std::string_view line);

// True for a bare page number or page counter: "12", "- 12 -", "Page 3",
// "Page 3 / 43", "3/43", "p. 3".
bool IsPageNumberLine(std::string_view line);

// Lines printed on most pages at the top or bottom of the page.
//
// pages[p] holds page p's lines in reading order.  A line among the first or
// last `margin` lines of its page is running text when, with its digits
// ignored, the same text stands among the first/last lines of at least half
// the pages (and of at least 3 pages), or when it is a page number line.
// A stamp line (IsStampLine) is never flagged: the caller lifts it as a stamp.
// Returns, for each page, a flag per line.
std::vector<std::vector<bool>> FindRunningLines(const std::vector<std::vector<std::string>>& pages,
                                                int margin = 3);

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_RUNNING_TEXT_H_
