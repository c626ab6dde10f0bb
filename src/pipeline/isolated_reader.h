// Poppler in a child process: a PDF that crashes, hangs or eats memory costs
// that document, not the batch.
//
// The pipeline runs `clsdb internal-layout-pdf …` (the same executable) for
// each PDF; the child parses and lays out the file under a memory cap and
// writes the LaidOutDocument (layout/wire.h) on stdout.  The parent kills it
// at the deadline.
#ifndef CLSDB_PIPELINE_ISOLATED_READER_H_
#define CLSDB_PIPELINE_ISOLATED_READER_H_

#include <string>

#include "core/status.h"
#include "layout/layout.h"

namespace clsdb {

struct IsolationLimits {
  double timeout_seconds = 120;  // wall time for one PDF
  long memory_mb = 2048;         // address-space cap of the child
  int max_pages = 5000;
};

// Lays out the PDF at path in a child process running `exe`.  Errors:
// LimitExceeded (timeout, memory), Corruption (the reader crashed or the PDF
// is damaged), Unsupported (encrypted), IOError (cannot start the child).
Result<LaidOutDocument> LayOutPdfInChild(const std::string& exe, const std::string& path,
                                         const IsolationLimits& limits);

// The child's side: reads, parses and lays out path, writes the encoding on
// stdout and returns the exit code (0, or 10 + Status::Code with the message
// on stderr).
int LayOutPdfChildMain(const std::string& path, const IsolationLimits& limits);

// The path of the running executable (/proc/self/exe), or "" if unknown.
std::string SelfExecutable();

}  // namespace clsdb

#endif  // CLSDB_PIPELINE_ISOLATED_READER_H_
