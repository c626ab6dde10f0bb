// The PDF path of layout: words with boxes → lines → paragraphs and tables,
// in reading order, running headers/footers and stamps taken out.
#ifndef CLSDB_LAYOUT_PDF_LAYOUT_H_
#define CLSDB_LAYOUT_PDF_LAYOUT_H_

#include "layout/layout.h"

namespace clsdb {

// REQUIRES: doc.format == "pdf".  Appends to *out (pages, blocks, tables,
// stamps, warnings).
void LayOutPdf(const RawDocument& doc, LaidOutDocument* out);

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_PDF_LAYOUT_H_
