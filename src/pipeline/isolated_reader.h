// Poppler in a child process: a PDF that crashes, hangs or eats memory costs
// that document, not the batch.
//
// A PdfReaderProcess runs `clsdb internal-layout-pdf --serve …` (the same
// executable) and hands it one PDF's bytes at a time, the bytes the parent
// read and hashed: the child never opens the file, so a file replaced in
// between cannot be stored under the other version's hash.  The child parses
// and lays out the bytes under a memory cap and answers with the LaidOutDocument
// (layout/wire.h) or the error.  One child serves many documents, so that a
// batch does not pay a process start (about 15 ms: 36 shared libraries) per
// PDF.  The parent kills the child at the deadline; whatever goes wrong
// fails the document in flight, and the next document gets a fresh child.
//
// The protocol, both ends in this file:
//   request:  u32 length, the PDF's bytes
//   answer:   u8 kind (0 ok, 1 error), u32 Status::Code, u64 length, payload
//             (the wire encoding, or the error message); integers little-endian.
#ifndef CLSDB_PIPELINE_ISOLATED_READER_H_
#define CLSDB_PIPELINE_ISOLATED_READER_H_

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "layout/layout.h"
#include "read/reader.h"

namespace clsdb {

struct IsolationLimits {
  double timeout_seconds = kDefaultDocTimeoutSeconds;  // wall time for one PDF
  long memory_mb = kDefaultMaxMemoryMb;                // address-space cap of the child
  int max_pages = kDefaultMaxPages;
  OcrMode ocr = OcrMode::kAuto;  // read/reader.h
  std::uint64_t max_ocr_pixels = ReadOptions().max_ocr_pixels;
};

// The child's ReadOptions under limits.  OCR stops a little before the
// parent's deadline, so that the child itself says which page ran out of
// time; the parent's kill stays for a child that cannot answer at all.
ReadOptions ChildReadOptions(const IsolationLimits& limits);

// The reader child's environment: the parent's, with glibc's per-thread
// cache of freed blocks (tcache) raised from 7 blocks per size to
// kReaderTcacheCount.  Poppler's text assembly allocates six arrays for each
// word of a page and frees them all when the next page starts: past the 7
// that glibc keeps, each free goes to the arena's bins and each allocation of
// the next page sorts them back out (callgrind, the 168-page shared PDF: the
// child's instructions 2,089 M -> 1,927 M, its peak RSS +2 MB).  The parent
// cannot do the same for itself (glibc reads tunables only at start-up).  A
// GLIBC_TUNABLES of the user's own is kept, after this one, so that its
// values win.
inline constexpr int kReaderTcacheCount = 4096;
std::vector<std::string> ReaderChildEnvironment(const char* const* parent_env);

// Not thread-safe: one per worker thread.
class PdfReaderProcess {
 public:
  // A child serves at most this many documents before it is replaced, so
  // that what Poppler leaves behind (heap fragmentation, caches) cannot add
  // up over a batch.
  static constexpr int kDocumentsPerChild = 100;

  PdfReaderProcess(std::string exe, IsolationLimits limits);
  ~PdfReaderProcess();  // ends the child
  PdfReaderProcess(const PdfReaderProcess&) = delete;
  PdfReaderProcess& operator=(const PdfReaderProcess&) = delete;

  // Lays out the PDF held in pdf_bytes in the child, starting one when
  // needed.  Errors: those of the reader (Corruption for a damaged PDF,
  // Unsupported when encrypted, LimitExceeded over max_pages…); Unavailable
  // (transient) when the deadline or the memory cap is hit, when the child is
  // killed by a signal, or when no child can be started for want of
  // descriptors, processes or memory; Corruption when the child exits or
  // answers garbage; IOError when the executable cannot be started.
  Result<LaidOutDocument> LayOut(std::string_view pdf_bytes);

  // The child's process id, 0 when none is running (for tests).
  pid_t child_pid() const { return pid_; }

 private:
  Status Start();
  // Kills the child (if still running) and reaps it; returns how it ended,
  // as a reason for the document in flight (Unavailable for a signal).
  Status Stop(bool kill_first);
  void CloseChannels();
  Result<LaidOutDocument> Exchange(std::string_view pdf_bytes);

  std::string exe_;
  IsolationLimits limits_;
  pid_t pid_ = 0;
  int to_child_ = -1, from_child_ = -1;
  int served_ = 0;
};

// The child's side: answers requests on stdin until it closes.  Returns the
// process exit code.
int ServePdfReaderRequests(const IsolationLimits& limits);

// The child's side for one file, for people and tools/bench: writes the wire
// encoding on stdout; errors go to stderr, exit code 1.
int LayOutOnePdf(const std::string& path, const IsolationLimits& limits);

// The path of the running executable (/proc/self/exe), or "" if unknown.
std::string SelfExecutable();

}  // namespace clsdb

#endif  // CLSDB_PIPELINE_ISOLATED_READER_H_
