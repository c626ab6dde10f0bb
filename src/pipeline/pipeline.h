// pipeline: the driver that knows every stage.
//
//   read → layout (normalise, lines, blocks, tables, stamps) → segment
//   (classify, split) → extract (rules) → store
//
// In:  paths (files or folders, searched recursively for .pdf and .txt).
// Out: one row per document in the database, and a report of what happened
//      to each (ok, partial, failed with the reason, skipped as a duplicate or
//      an unsupported file).
//
// Workers process documents in parallel; a single writer stores them in the
// order they finish, each whole or not at all, several documents to a
// commit (store.h BeginGroup).  A document that fails never
// stops the batch.
#ifndef CLSDB_PIPELINE_PIPELINE_H_
#define CLSDB_PIPELINE_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/records.h"
#include "read/reader.h"
#include "rules/rule_set.h"
#include "store/store.h"

namespace clsdb {

// Which part of the inputs one run of a sharded batch takes (`clsdb ingest
// --shard K/N`): every input file belongs to exactly one of `count` shards,
// by ShardOf its shard key, so N runs on N machines, each listing the same
// inputs, ingest every file once between them.
struct Shard {
  int index = 0;  // K, 0 <= index < count
  int count = 1;  // N; 1: every file
};

// Parses "K/N" (0 <= K < N).  Errors: InvalidArgument naming the text.
Result<Shard> ParseShard(const std::string& text);

// The shard of a file whose shard key is key: the first 8 bytes of
// SHA-256(key), read as a big-endian unsigned integer, modulo count.  The
// key is the file's path relative to the root it was listed from (see
// CollectInputs), with '/' separators, so it is the same on every machine
// and in every run; `printf %s KEY | sha256sum` computes it in a shell.
int ShardOf(const std::string& key, int count);
// A document whose failure was transient (Status::transient(): a timeout,
// memory, too many open files, a reader killed) is processed again by the
// next run, until it has been tried this many times in all.
inline constexpr int kMaxAttempts = 3;

// Processing a text costs memory in proportion to its bytes and, above
// all, to its lines (each becomes a paragraph with its spans and copies).
// Measured (peak RSS less the 19 MB of an idle clsdb, --jobs 1): 8 MB of
// 47-byte lines 73 MB, of 12-byte lines 130 MB, 4 MB of 2-byte lines
// 310 MB.  These two figures bound all three.  A text whose estimate is over
// --max-memory-mb fails before it is processed, as a PDF fails when its
// reader child hits that cap.
inline constexpr long long kTextMemoryPerByte = 8;
inline constexpr long long kTextMemoryPerLine = 140;

struct IngestOptions {
  std::string db_path = "output/clsdb.sqlite";
  std::string rules_dir;  // default: the repository's rules/
  // The process ends after this run (the ingest command): the compiled
  // rules are left allocated, since freeing them (46,000 blocks) would only
  // delay its exit (pipeline.cc).
  bool process_exits_after = false;
  int jobs = 0;               // 0: as many as cores
  bool force = false;         // replace documents already stored
  bool retry_failed = false;  // process again every stored failure, transient or not
  bool verbose = false;
  bool progress = false;  // progress line on stderr
  int max_pages = kDefaultMaxPages;
  // PDFs are parsed in a child process running this executable (see
  // isolated_reader.h), under these limits; empty: in this process.
  std::string pdf_reader_exe;
  // Reading one PDF, OCR included (core/limits.h says why so long).
  double doc_timeout_seconds = kDefaultDocTimeoutSeconds;
  // The reader child's address-space cap, and the bound on the memory a
  // text may need (kTextMemoryPerByte).
  long max_memory_mb = kDefaultMaxMemoryMb;
  // Files larger than this fail, named, before they are read.
  std::uint64_t max_input_bytes = kDefaultMaxInputBytes;
  // Documents per transaction of the writer (at most; a group is also
  // committed after half a second, and at the end).  1: a commit each.
  int commit_every = kDefaultCommitEvery;
  OcrMode ocr = OcrMode::kAuto;  // which PDF pages are read by OCR (read/reader.h)
  std::uint64_t max_ocr_pixels = ReadOptions().max_ocr_pixels;
  std::string arguments;  // as typed, for the runs table
  // A file listing inputs, one path per line, read instead of walking
  // folders (a listing of millions of files is made once, not per node).
  std::string files_from;
  // What relative paths of files_from are relative to; empty: the current
  // directory.
  std::string root;
  Shard shard;  // the part of the inputs this run takes
};

struct DocumentOutcome {
  std::string path;
  DocumentStatus status = DocumentStatus::kOk;
  std::string message;  // the reason when not ok
  DocumentType doc_type = DocumentType::kOther;
  int pages = 0;
  int contracts = 0;
};

struct IngestReport {
  std::vector<DocumentOutcome> documents;
  // Files listed, and of those the ones in this run's shard (all of them
  // without --shard).
  size_t inputs_listed = 0;
  size_t inputs_in_shard = 0;
  RunCounts counts;
  long long pages = 0;
  double seconds = 0;
  // Time the single writer spent storing documents: near `seconds`, the
  // database is what bounds the run, not the workers.
  double writer_seconds = 0;
  // Rows per table and documents by type/status after the run.
  Store::Summary summary;
  // Documents this run stored whose content repeats an earlier document's
  // (documents.same_as set: the PDF of a text already stored).
  long long linked = 0;
  // Documents stored before content identity (schema version 3) whose
  // fingerprint this run computed from their stored pages, and of those the
  // ones linked to an earlier document.
  long long fingerprinted_stored = 0;
  long long linked_stored = 0;
};

// Lists the documents under paths: files as given, folders recursively
// (sorted).  Files that are neither .pdf nor .txt are returned in *skipped
// with the reason.  A missing path is an error for that path, in *skipped.
std::vector<std::string> CollectInputs(const std::vector<std::string>& paths,
                                       std::vector<DocumentOutcome>* skipped);

// The same, then the lines of options.files_from (relative ones under
// options.root), keeping only the files of options.shard.  A file's shard
// key is its path relative to the folder PATH it was found in; for a file
// named by a PATH or a line, its path as named, lexically normalised
// (relative to options.root when under it).  Only the files of the shard
// are looked at on disk: a listed file of another shard costs one hash.
// *listed counts every file listed, before the shard is taken.  Errors:
// NotFound / IOError when files_from cannot be read.
Result<std::vector<std::string>> CollectInputs(const std::vector<std::string>& paths,
                                               const IngestOptions& options,
                                               std::vector<DocumentOutcome>* skipped,
                                               size_t* listed);

// Runs the whole pipeline over one document in memory, without storing it.
// Always returns a row: a failure is recorded in it (status failed, error).
DocumentRow ProcessDocument(const std::string& path, const RuleSet& rules,
                            const IngestOptions& options);

// Decides the content identity of the documents stored without one (by
// schema version 3), from their stored pages, in id order: each is linked
// to an earlier document of the same content.  Adds to *fingerprinted and
// *linked.  Errors: the store's.
Status IdentifyStoredDocuments(Store& store, long long* fingerprinted, long long* linked);

// Ingests paths into options.db_path.  Errors: only those that stop the whole
// run (the database cannot be opened, the rules do not load); a document's
// failure is in the report.
Result<IngestReport> Ingest(const std::vector<std::string>& paths, const IngestOptions& options);

// The repository's rules/ folder, as built in.
std::string DefaultRulesDir();

}  // namespace clsdb

#endif  // CLSDB_PIPELINE_PIPELINE_H_
