// read/pdf_reader: ParsePdf's work, in the process that calls it.
//
// Only the PDF module (src/pdf_module/, a shared object of its own that
// links Poppler) and the tests and fuzzers of the reader call this; the
// rest of clsdb calls ParsePdf (reader.h), which opens that module on its
// first PDF, so that a run that reads no PDF does not load Poppler and the
// libraries it pulls in.
#ifndef CLSDB_READ_PDF_READER_H_
#define CLSDB_READ_PDF_READER_H_

#include <string>

#include "core/status.h"
#include "read/reader.h"

namespace clsdb {

// ParsePdf's contract (reader.h), through Poppler linked in this process.
Result<RawDocument> ParsePdfInProcess(const std::string& bytes, const ReadOptions& options);

}  // namespace clsdb

#endif  // CLSDB_READ_PDF_READER_H_
