// The PDF path of layout: words with boxes → lines → paragraphs and tables,
// in reading order, running headers/footers and stamps taken out.
//
// What it guarantees, so that a PDF yields the same shape as its text
// version (one paragraph per line, a table row per line):
//   - lines are words on one baseline, cut into segments at column gaps and
//     drawn vertical rules; columns and the stamp in the margin never mix;
//   - a prefecture stamp's lines (IsStampLine) become one Stamp, '\n'-joined;
//   - running headers/footers (FindRunningLines) and "Page N / M" footers
//     are dropped, so page text never holds them;
//   - paragraphs join the lines of a column (JoinLines undoes hyphenation);
//     a bullet starts a paragraph with bullet = true and is removed;
//   - tables come from drawn rules (merged cells: text in the first slot,
//     covered slots empty) or, without rules, from aligned columns; a header
//     row repeated after a page break appears once, a row or a paragraph the
//     break split is joined again (its text then lives on the first page);
//   - an image-only page adds the warning "page N has no text layer".
// Cost: O(n log n) in the words of a page; no regular expression per word.
#ifndef CLSDB_LAYOUT_PDF_LAYOUT_H_
#define CLSDB_LAYOUT_PDF_LAYOUT_H_

#include "layout/layout.h"

namespace clsdb {

// REQUIRES: doc.format == SourceFormat::kPdf.  Appends to *out (pages, blocks, tables,
// stamps, warnings).
void LayOutPdf(const RawDocument& doc, LaidOutDocument* out);

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_PDF_LAYOUT_H_
