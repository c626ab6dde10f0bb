#include "pipeline/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <new>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "core/memory_reserve.h"
#include "core/source_dir.h"
#include "extract/extract.h"
#include "identity/identity.h"
#include "layout/layout.h"
#include "organize/organizations.h"
#include "organize/people.h"
#include "organize/places.h"
#include "pipeline/isolated_reader.h"
#include "read/reader.h"
#include "repair/ocr_repair.h"
#include "rules/narrow.h"
#include "segment/segment.h"

namespace clsdb {

namespace fs = std::filesystem;

std::string DefaultRulesDir() { return std::string(SourceDir()) + "/rules"; }

Result<Shard> ParseShard(const std::string& text) {
  const size_t slash = text.find('/');
  auto number = [](const std::string& digits, int* out) {
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      return false;
    }
    *out = std::stoi(digits);
    return true;
  };
  Shard shard;
  if (slash == std::string::npos || !number(text.substr(0, slash), &shard.index) ||
      !number(text.substr(slash + 1), &shard.count) || shard.count < 1 ||
      shard.index >= shard.count) {
    return Status::InvalidArgument("--shard '" + text + "': expected K/N with 0 <= K < N");
  }
  return shard;
}

int ShardOf(const std::string& key, int count) {
  const std::string hex = Sha256Hex(key);
  const std::uint64_t first8 = std::stoull(hex.substr(0, 16), nullptr, 16);
  return static_cast<int>(first8 % static_cast<std::uint64_t>(count));
}

namespace {

// A named file's shard key: its path, lexically normalised, relative to
// root when it lies under root.
std::string ShardKeyOf(const fs::path& path, const std::string& root) {
  const fs::path normal = path.lexically_normal();
  if (!root.empty()) {
    const fs::path relative = normal.lexically_relative(fs::path(root).lexically_normal());
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  }
  return normal.generic_string();
}

// The regular files under root, sorted; links to files count, links to
// folders are not followed (as find does).  A folder that cannot be listed,
// root or one met on the way, is a failure in *unlisted with the reason, and
// the walk goes on: a batch must not lose a folder without a word.
std::vector<fs::path> FilesUnder(const fs::path& root, std::vector<DocumentOutcome>* unlisted) {
  std::vector<fs::path> files;
  std::vector<fs::path> folders{root};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      std::error_code entry_ec;
      if (fs::is_directory(it->symlink_status(entry_ec))) {
        folders.push_back(it->path());
      } else if (it->is_regular_file(entry_ec)) {
        files.push_back(it->path());
      }
    }
    if (ec) {
      unlisted->push_back(
          {folder.string(), DocumentStatus::kFailed, "cannot list directory: " + ec.message()});
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<std::string> CollectInputs(const std::vector<std::string>& paths,
                                       std::vector<DocumentOutcome>* skipped) {
  size_t listed = 0;
  Result<std::vector<std::string>> inputs = CollectInputs(paths, IngestOptions(), skipped, &listed);
  return inputs.ok() ? inputs.take() : std::vector<std::string>();
}

Result<std::vector<std::string>> CollectInputs(const std::vector<std::string>& paths,
                                               const IngestOptions& options,
                                               std::vector<DocumentOutcome>* skipped,
                                               size_t* listed) {
  std::vector<std::string> out;
  *listed = 0;
  const Shard shard = options.shard;
  auto consider = [&](const fs::path& p, const std::string& key) {
    ++*listed;
    if (shard.count > 1 && ShardOf(key, shard.count) != shard.index) return;
    if (!FormatOfPath(p.string())) {
      skipped->push_back({p.string(), DocumentStatus::kSkipped, "not a .pdf or .txt file"});
    } else {
      out.push_back(p.string());
    }
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const auto& p : FilesUnder(path, skipped)) {
        consider(p, p.lexically_relative(path).generic_string());
      }
    } else if (fs::exists(path, ec)) {
      consider(path, ShardKeyOf(path, options.root));
    } else {
      ++*listed;
      // ec says why when the path could not even be looked up (too long).
      skipped->push_back({path, DocumentStatus::kFailed,
                          ec && ec != std::errc::no_such_file_or_directory
                              ? ec.message()
                              : "no such file or directory"});
    }
  }
  if (!options.files_from.empty()) {
    std::ifstream list(options.files_from);
    if (!list) return Status::NotFound(options.files_from + ": cannot read the list of files");
    std::string line;
    while (std::getline(list, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      fs::path p(line);
      if (p.is_relative() && !options.root.empty()) p = fs::path(options.root) / p;
      // Only a file of this shard is looked at on disk: the others cost a hash.
      const std::string key = ShardKeyOf(p, options.root);
      if (shard.count > 1 && ShardOf(key, shard.count) != shard.index) {
        ++*listed;
        continue;
      }
      std::error_code ec;
      if (!fs::exists(p, ec)) {
        ++*listed;
        skipped->push_back({p.string(), DocumentStatus::kFailed,
                            "no such file (listed in " + options.files_from + ")"});
        continue;
      }
      consider(p, key);
    }
    if (list.bad()) return Status::IOError(options.files_from + ": read error");
  }
  return out;
}

namespace {

// The child process that reads PDFs, or null when they are read in this
// process (no pdf_reader_exe).
std::unique_ptr<PdfReaderProcess> PdfReaderFor(const IngestOptions& options) {
  if (options.pdf_reader_exe.empty()) return nullptr;
  IsolationLimits limits;
  limits.timeout_seconds = options.doc_timeout_seconds;
  limits.memory_mb = options.max_memory_mb;
  limits.max_pages = options.max_pages;
  limits.ocr = options.ocr;
  limits.max_ocr_pixels = options.max_ocr_pixels;
  return std::make_unique<PdfReaderProcess>(options.pdf_reader_exe, limits);
}

DocumentRow Failed(DocumentRow row, const Status& status) {
  row.status = DocumentStatus::kFailed;
  row.error = status.ToString();
  row.transient = status.transient();
  return row;
}

// The format of a file the batch took: only files FormatOfPath knows are
// listed (CollectInputs), so the default is never used.
SourceFormat ListedFormat(const std::string& path) {
  return FormatOfPath(path).value_or(SourceFormat::kText);
}

// A row for a file that could not be processed at all.
DocumentRow Unprocessed(const std::string& path, const Status& status) {
  DocumentRow row;
  row.path = path;
  row.format = ListedFormat(path);
  return Failed(std::move(row), status);
}

// Text is processed in this process, so its memory is bounded here, before
// the work starts: a text that would need more than --max-memory-mb fails.
// The text of each contract's paragraphs, one per line, in the order of
// the contracts: organize/ reads the names it defines.
std::vector<std::string> ContractTexts(const LaidOutDocument& laid, const Segmentation& seg) {
  std::vector<std::string> texts;
  const int blocks = static_cast<int>(laid.blocks.size());
  for (const ContractSegment& cs : seg.contracts) {
    std::string& text = texts.emplace_back();
    for (int b = std::max(cs.range.begin, 0); b < cs.range.end && b < blocks; ++b) {
      if (!IsParagraph(laid.blocks[b])) continue;
      text += laid.blocks[b].text;
      text += '\n';
    }
  }
  return texts;
}

Status CheckTextMemory(const std::string& bytes, const IngestOptions& options) {
  const auto lines = static_cast<long long>(std::count(bytes.begin(), bytes.end(), '\n'));
  const long long needed_mb =
      (static_cast<long long>(bytes.size()) * kTextMemoryPerByte + lines * kTextMemoryPerLine) >>
      20;
  if (options.max_memory_mb > 0 && needed_mb > options.max_memory_mb) {
    return Status::LimitExceeded(
        "a text of " + std::to_string(bytes.size()) + " bytes and " + std::to_string(lines) +
        " lines needs about " + std::to_string(needed_mb) +
        " MB to process, over --max-memory-mb " + std::to_string(options.max_memory_mb));
  }
  return Status::OK();
}

// The stages, from bytes already read; PDFs are read by `reader`, or in this
// process when it is null.  Exceptions here are bugs; they are caught by the
// caller so that one document cannot stop a batch.
DocumentRow ProcessBytes(const std::string& path, const std::string& bytes,
                         const std::string& sha256, const RuleSet& rules,
                         const IngestOptions& options, PdfReaderProcess* reader) {
  DocumentRow row;
  row.path = path;
  row.sha256 = sha256;
  row.format = ListedFormat(path);
  row.size_bytes = static_cast<long long>(bytes.size());
  row.status = DocumentStatus::kOk;
  if (bytes.empty()) return Failed(std::move(row), Status::Corruption("empty file"));

  ReadOptions read_options;
  read_options.max_pages = options.max_pages;
  read_options.ocr = options.ocr;
  read_options.max_ocr_pixels = options.max_ocr_pixels;
  read_options.time_limit_seconds = options.doc_timeout_seconds;
  if (row.format == SourceFormat::kText) {
    if (Status s = CheckTextMemory(bytes, options); !s.ok()) {
      return Failed(std::move(row), s);
    }
  }
  LaidOutDocument laid;
  if (row.format == SourceFormat::kPdf && reader != nullptr) {
    Result<LaidOutDocument> isolated = reader->LayOut(bytes);
    if (!isolated.ok()) return Failed(std::move(row), isolated.status());
    laid = isolated.take();
  } else {  // The raw words are dropped as soon as they are laid out.
    Result<RawDocument> raw = ReadBytes(bytes, row.format, read_options);
    if (!raw.ok()) return Failed(std::move(row), raw.status());
    raw->path = path;
    raw->sha256 = sha256;
    row.encoding = raw->encoding;
    laid = LayOut(*raw);
  }
  RepairOcrPages(rules, &laid);
  laid = BreakRunOnParagraphs(std::move(laid), rules);
  Segmentation seg = Segment(laid, rules);
  row.records = ChoosePersonSpellings(LocateOrganizations(
      ResolveOrganizations(Extract(laid, seg, rules), rules, ContractTexts(laid, seg)), rules));

  row.page_count = static_cast<int>(laid.pages.size());
  std::string all_text;  // the fingerprint sees the stored text, pages in order
  for (auto& page : laid.pages) {
    all_text += page.text;
    all_text += '\n';
    row.pages.push_back(
        {page.page_no, std::move(page.text), page.has_text_layer, page.ocr, page.ocr_confidence});
  }
  row.fingerprint = FingerprintText(all_text);
  // Reading's and layout's diagnostics first, then extraction's; the codes
  // decide whether the document is partial, and why.
  row.records.diagnostics.insert(row.records.diagnostics.begin(), laid.diagnostics.begin(),
                                 laid.diagnostics.end());
  std::string error;
  for (const Diagnostic& d : row.records.diagnostics) {
    if (!MakesPartial(d)) continue;
    row.status = DocumentStatus::kPartial;
    error += (error.empty() ? "" : "; ") + d.message;
  }
  if (!error.empty()) row.error = error;
  return row;
}

DocumentRow ProcessGuarded(const std::string& path, const std::string& bytes,
                           const std::string& sha256, const RuleSet& rules,
                           const IngestOptions& options, PdfReaderProcess* reader) {
  // An allocation that fails anywhere in the stages fails this document,
  // transiently (the next run may have the memory), never the batch.
  Status failure;
  try {
    return ProcessBytes(path, bytes, sha256, rules, options, reader);
  } catch (const std::bad_alloc&) {
    failure = Status::Unavailable("out of memory while processing the document");
  } catch (const std::exception& e) {
    failure = Status::Internal(e.what());
  }
  DocumentRow row;
  row.path = path;
  row.sha256 = sha256;
  row.format = ListedFormat(path);
  row.size_bytes = static_cast<long long>(bytes.size());
  return Failed(std::move(row), failure);
}

// Hands finished documents from the workers to the single writer, holding at
// most `capacity` of them so memory does not grow with the batch.
class RowQueue {
 public:
  explicit RowQueue(size_t capacity) : capacity_(capacity) {}
  void Push(DocumentRow row) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_; });
    queue_.push_back(std::move(row));
    not_empty_.notify_one();
  }
  // False when every producer is done and the queue is empty.
  bool Pop(DocumentRow* row) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || producers_ == 0; });
    return Take(row);
  }
  enum class Popped { kRow, kTimedOut, kDone };
  // Pop, waiting no later than deadline for a row.
  Popped PopUntil(DocumentRow* row, std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mu_);
    if (!not_empty_.wait_until(lock, deadline,
                               [&] { return !queue_.empty() || producers_ == 0; })) {
      return Popped::kTimedOut;
    }
    return Take(row) ? Popped::kRow : Popped::kDone;
  }
  void SetProducers(int n) {
    std::lock_guard lock(mu_);
    producers_ = n;
  }
  void ProducerDone() {
    std::lock_guard lock(mu_);
    --producers_;
    not_empty_.notify_all();
  }

 private:
  // REQUIRES: mu_ held.
  bool Take(DocumentRow* row) {
    if (queue_.empty()) return false;
    *row = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return true;
  }

  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<DocumentRow> queue_;
  size_t capacity_;
  int producers_ = 0;
};

void PrintProgress(size_t done, size_t total, long long pages, double seconds) {
  double rate = seconds > 0 ? pages / seconds : 0;
  double eta = done > 0 ? seconds * (total - done) / done : 0;
  std::fprintf(stderr, "\r%zu/%zu documents, %.0f pages/s, ETA %.0fs   ", done, total, rate, eta);
  std::fflush(stderr);
}

}  // namespace

DocumentRow ProcessDocument(const std::string& path, const RuleSet& rules,
                            const IngestOptions& options) {
  Result<std::string> bytes = ReadFileBytes(path, options.max_input_bytes);
  if (!bytes.ok()) return Unprocessed(path, bytes.status());
  std::unique_ptr<PdfReaderProcess> reader = PdfReaderFor(options);
  return ProcessGuarded(path, *bytes, Sha256Hex(*bytes), rules, options, reader.get());
}

Status IdentifyStoredDocuments(Store& store, long long* fingerprinted, long long* linked) {
  Result<std::vector<long long>> ids = store.DocumentsWithoutFingerprint();
  if (!ids.ok()) return ids.status();
  for (long long id : *ids) {
    Result<std::vector<std::string>> pages = store.ReadPages(id);
    if (!pages.ok()) return pages.status();
    const ContentFingerprint fp = FingerprintPages(*pages);
    std::optional<long long> same_as;
    if (fp.shingles > 0) {
      Result<std::vector<StoredFingerprint>> candidates =
          store.SameContentCandidates(fp.bands, "", id);
      if (!candidates.ok()) return candidates.status();
      same_as = ChooseOriginal(fp, *candidates);
    }
    if (Status s = store.SetContentIdentity(id, fp, same_as); !s.ok()) return s;
    ++*fingerprinted;
    if (same_as) ++*linked;
  }
  return Status::OK();
}

namespace {

void CountOutcome(DocumentStatus status, RunCounts* counts) {
  switch (status) {
    case DocumentStatus::kOk:
      ++counts->ok;
      break;
    case DocumentStatus::kPartial:
      ++counts->partial;
      break;
    case DocumentStatus::kFailed:
      ++counts->failed;
      break;
    case DocumentStatus::kSkipped:
      ++counts->skipped;
      break;
  }
}

// The workers of a run: --jobs, by default one per core.
int WorkerCount(const IngestOptions& options) {
  return std::max(
      1, options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()));
}

// One ingest over a list of inputs: its workers read and extract documents
// and queue their rows; the thread that calls Run() is the writer, the only
// one that touches the store.
class IngestRun {
 public:
  IngestRun(const std::vector<std::string>& inputs, const IngestOptions& options,
            const RuleSet& rules, IngestReport* report)
      : inputs_(inputs),
        options_(options),
        rules_(rules),
        report_(report),
        jobs_(WorkerCount(options)),
        queue_(2 * static_cast<size_t>(jobs_)) {}

  // A run that stops before Run() (its store could not be opened) lets its
  // workers finish the documents they hold, and writes none of them.
  ~IngestRun() {
    if (workers_.empty()) return;
    next_ = inputs_.size();
    DocumentRow row;
    while (queue_.Pop(&row)) {
    }
    for (auto& w : workers_) w.join();
  }

  // Starts the workers: they read and process the inputs and queue their
  // rows, which Run() stores.  stored says which documents are stored
  // already; nullptr for a database this run creates, where none is (a run
  // that creates it at the same time is caught by the writer, which never
  // stores one sha256 twice).
  bool Started() const { return !workers_.empty(); }
  Status Start(StoredDocuments* stored) {
    stored_ = stored;
    started_ = std::chrono::steady_clock::now();
    return StartWorkers(&workers_);
  }

  // Processes every input (starting the workers unless Start() did) and
  // stores its row; fails only when no worker can start or memory runs out
  // (the documents stored before stay complete).
  Status Run(Store& store, StoredDocuments* stored) {
    if (!Started()) {
      if (Status s = Start(stored); !s.ok()) return s;
    }
    store_ = &store;
    std::vector<std::thread> workers = std::move(workers_);
    workers_.clear();
    DocumentRow row;
    try {
      WriteRows();
    } catch (const std::bad_alloc&) {
      StopForMemory();
      try {  // what was written is committed: the documents before stay stored
        FinishGroup();
      } catch (const std::bad_alloc&) {  // the group is rolled back when the store closes
      }
      while (queue_.Pop(&row)) {  // lets the workers finish the documents they hold
      }
    }
    for (auto& w : workers) w.join();
    if (out_of_memory_) {
      return Status::Unavailable(
          "out of memory: the run stopped; the documents stored before are complete, and the "
          "next run goes on from there");
    }
    if (options_.progress) std::fprintf(stderr, "\n");
    for (auto& d : skipped_dupes_) Tally(std::move(d), 0);
    return Status::OK();
  }

 private:
  static double SecondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  }

  // Group commit: rows are written in groups that share one transaction
  // (store.h BeginGroup), each committed once it holds options_.commit_every
  // documents, once
  // kGroupTime has passed since its first row (time spent waiting for rows
  // included, so that a slow document never keeps the others uncommitted
  // or the write lock held), and at the end.  A document's outcome is
  // reported when its group is committed, so the report says what is stored.
  static constexpr std::chrono::milliseconds kGroupTime{500};

  void WriteRows() {
    DocumentRow row;
    std::chrono::steady_clock::time_point deadline;
    while (true) {
      RowQueue::Popped got = RowQueue::Popped::kRow;
      if (store_->InGroup()) {
        got = queue_.PopUntil(&row, deadline);
      } else if (!queue_.Pop(&row)) {
        got = RowQueue::Popped::kDone;
      }
      if (got == RowQueue::Popped::kDone) break;
      if (got == RowQueue::Popped::kRow) {
        if (!store_->InGroup()) {
          const auto begin_started = std::chrono::steady_clock::now();
          // A group that cannot begin (another writer holds the lock past
          // the busy timeout): the row is written in a transaction of its own.
          if (store_->BeginGroup().ok()) deadline = begin_started + kGroupTime;
          report_->writer_seconds += SecondsSince(begin_started);
        }
        Write(row);
        RestoreMemoryReserve();  // a safe point: the row is written
      }
      if (got == RowQueue::Popped::kTimedOut ||
          pending_.size() >= static_cast<size_t>(std::max(1, options_.commit_every)) ||
          !store_->InGroup() || !store_->GroupAlive() ||
          std::chrono::steady_clock::now() >= deadline) {
        FinishGroup();
      }
    }
    FinishGroup();
  }

  // Commits the open group, if any, and reports its documents: stored, or
  // failed with the reason when the commit failed.
  void FinishGroup() {
    if (store_->InGroup()) {
      const auto commit_started = std::chrono::steady_clock::now();
      const Status committed = store_->CommitGroup();
      report_->writer_seconds += SecondsSince(commit_started);
      for (Pending& p : pending_) {
        if (!p.in_group || committed.ok()) continue;
        p.outcome.status = DocumentStatus::kFailed;
        p.outcome.message = committed.WithPrefix(p.outcome.path).ToString();
        p.same_as.reset();
      }
    }
    for (Pending& p : pending_) {
      if (p.same_as) {
        ++report_->linked;
        if (options_.verbose) {
          std::fprintf(stderr, "%s: same content as document %lld\n", p.outcome.path.c_str(),
                       *p.same_as);
        }
      }
      Tally(std::move(p.outcome), p.pages);
      if (options_.progress) {
        PrintProgress(++written_, inputs_.size(), report_->pages, SecondsSince(started_));
      }
    }
    pending_.clear();
  }

  // Memory can run out outside a document's own handling (starting a
  // reader, queueing a row, the writer's bookkeeping): the run then stops
  // taking documents and says so, rather than the exception ending the
  // process with the threads still running.
  void StopForMemory() {
    out_of_memory_ = true;
    next_ = inputs_.size();
  }

  // Past a thread or memory limit, fewer workers than asked start, and do
  // the work; none at all is the run's failure, said before anything is read.
  Status StartWorkers(std::vector<std::thread>* workers) {
    queue_.SetProducers(jobs_);
    workers->reserve(static_cast<size_t>(jobs_));  // no thread runs yet if this throws
    std::string no_thread;
    for (int j = 0; j < jobs_ && no_thread.empty(); ++j) {
      try {
        workers->emplace_back([this] { Work(); });
      } catch (const std::system_error& e) {
        no_thread = e.what();
      } catch (const std::bad_alloc&) {
        no_thread = "out of memory";
      }
    }
    for (size_t j = workers->size(); j < static_cast<size_t>(jobs_); ++j) queue_.ProducerDone();
    if (workers->empty()) return Status::Unavailable("cannot start a worker thread: " + no_thread);
    return Status::OK();
  }

  void Work() {
    try {
      WorkOnInputs();
    } catch (const std::bad_alloc&) {
      StopForMemory();
    }
    queue_.ProducerDone();
  }

  void WorkOnInputs() {
    // One PDF reader child per worker, kept for the documents it reads.
    std::unique_ptr<PdfReaderProcess> reader = PdfReaderFor(options_);
    for (size_t i = next_++; i < inputs_.size(); i = next_++) {
      std::optional<DocumentRow> row = Process(inputs_[i], reader.get());
      if (row) queue_.Push(std::move(*row));
      RestoreMemoryReserve();  // a safe point: the document's memory is freed
    }
  }

  // The row of one input, or nothing when it is a duplicate this run skips.
  std::optional<DocumentRow> Process(const std::string& path, PdfReaderProcess* reader) {
    try {
      // The one read of the file: its sha256 and every stage (the PDF
      // reader child included) see these bytes.
      Result<std::string> bytes = ReadFileBytes(path, options_.max_input_bytes);
      if (!bytes.ok()) return Unprocessed(path, bytes.status());
      // Nothing to store or to recognise later: report it, store nothing.
      if (bytes->empty()) return Unprocessed(path, Status::Corruption("empty file"));
      std::string sha = Sha256Hex(*bytes);
      int attempts = 1;
      std::string why_not;
      if (!Claim(sha, &attempts, &why_not)) {
        std::lock_guard lock(outcome_mu_);
        skipped_dupes_.push_back({path, DocumentStatus::kSkipped, why_not});
        return std::nullopt;
      }
      DocumentRow row = ProcessGuarded(path, *bytes, sha, rules_, options_, reader);
      row.attempts = attempts;
      return row;
    } catch (const std::bad_alloc&) {
      // Reading or hashing ran out: the file is not stored (no sha256),
      // and the next run tries it again.
      return Unprocessed(path, Status::Unavailable("out of memory while reading the file"));
    }
  }

  // Whether to process the file whose bytes hash to sha: *attempts is then
  // the attempt this is, else *why_not says why it is skipped.  A file seen
  // twice in this run (same bytes under two names) is processed once.
  bool Claim(const std::string& sha, int* attempts, std::string* why_not) {
    *attempts = 1;
    {
      std::lock_guard lock(claimed_mu_);
      if (!claimed_.insert(sha).second) {
        *why_not = "already stored (same sha256)";
        return false;
      }
    }
    const std::optional<StoredDocuments::Outcome> before =
        stored_ ? stored_->Find(sha) : std::nullopt;
    if (!before || options_.force) return true;
    if (before->status == DocumentStatus::kFailed &&
        (options_.retry_failed || (before->transient && before->attempts < kMaxAttempts))) {
      *attempts = before->attempts + 1;
      return true;
    }
    *why_not = "already stored (same sha256)";
    if (before->status == DocumentStatus::kFailed && before->transient) {
      *why_not += "; failed " + std::to_string(before->attempts) +
                  " times for a transient reason, --retry-failed tries again";
    }
    return false;
  }

  // Stores one row (the writer's part); its outcome waits in pending_ for
  // the group's commit.
  void Write(DocumentRow& row) {
    Pending p{{row.path, row.status, row.error, row.records.doc_type, row.page_count,
               static_cast<int>(row.records.contracts.size())},
              row.page_count};
    if (row.sha256.empty()) {
      // Not even read: nothing to store, but the run reports it.
      p.outcome.status = DocumentStatus::kFailed;
      pending_.push_back(std::move(p));
      return;
    }
    const auto write_started = std::chrono::steady_clock::now();
    // The same content as an earlier document?  A failed look-up leaves
    // the document unlinked rather than failing it.
    if (row.status != DocumentStatus::kFailed && row.fingerprint.shingles > 0) {
      Result<std::vector<StoredFingerprint>> candidates =
          store_->SameContentCandidates(row.fingerprint.bands, row.sha256);
      if (candidates.ok()) row.same_as = ChooseOriginal(row.fingerprint, *candidates);
    }
    // A retry replaces the failure stored before.
    bool already_stored = false;
    Result<long long> id =
        store_->WriteDocument(row, options_.force || row.attempts > 1, &already_stored);
    report_->writer_seconds += SecondsSince(write_started);
    if (!id.ok()) {
      p.outcome.status = DocumentStatus::kFailed;
      p.outcome.message = id.status().ToString();
    } else if (already_stored) {
      // Another run stored the same bytes while this one processed them.
      p.outcome.status = DocumentStatus::kSkipped;
      p.outcome.message = "already stored by another run";
    } else {
      p.in_group = store_->InGroup();
      p.same_as = row.same_as;
    }
    pending_.push_back(std::move(p));
  }

  void Tally(DocumentOutcome outcome, int pages) {
    CountOutcome(outcome.status, &report_->counts);
    report_->pages += pages;
    if (options_.verbose) {
      std::fprintf(stderr, "%s: %s%s%s\n", outcome.path.c_str(), Name(outcome.status),
                   outcome.message.empty() ? "" : ": ", outcome.message.c_str());
    }
    report_->documents.push_back(std::move(outcome));
  }

  const std::vector<std::string>& inputs_;
  const IngestOptions& options_;
  const RuleSet& rules_;
  Store* store_ = nullptr;             // the writer's, from Run()
  StoredDocuments* stored_ = nullptr;  // nullptr: a new database, nothing stored
  std::vector<std::thread> workers_;   // started, not yet joined by Run()
  IngestReport* report_;
  const int jobs_;
  RowQueue queue_;
  std::atomic<size_t> next_{0};
  std::atomic<bool> out_of_memory_{false};
  std::mutex claimed_mu_;
  std::set<std::string> claimed_;
  std::mutex outcome_mu_;
  std::vector<DocumentOutcome> skipped_dupes_;
  // The writer's: documents written in the open group (or not stored at
  // all), reported when it is committed.
  struct Pending {
    DocumentOutcome outcome;
    int pages = 0;
    bool in_group = false;  // written in the group: lost if its commit fails
    std::optional<long long> same_as;
  };
  std::vector<Pending> pending_;
  std::chrono::steady_clock::time_point started_;
  size_t written_ = 0;  // documents reported, for the progress line
};

// The rules a document's first steps search (paragraph breaks, then the
// document type), in that order: the warmer below compiles them while the
// main thread opens the database, and stays ahead of the worker, which
// matches between compiles.  They are the ones the worker is sure to
// reach: of the rules whose words the small document of tools/bench
// holds, it compiled 12 of 19 paragraph-break and 26 of 29 document-type
// rules, but 57 of 93 deliberation rules (and 3 of 20 title, glossary and
// transmission rules), which would be mostly the warmer's waste.  The
// order only ever changes how soon a pattern is ready, never an answer.
std::vector<const Rule*> CompileAheadOrder(const RuleSet& rules) {
  std::vector<const Rule*> order;
  for (const char* step : {"break.", "doctype."}) {
    const std::vector<const Rule*> rules_of_step = rules.WithPrefix(step);
    order.insert(order.end(), rules_of_step.begin(), rules_of_step.end());
  }
  return order;
}

// The text of a run's only input when it is a UTF-8 text file small
// enough that every text its steps search is answered rule by rule
// (RuleSetMatcher::kRuleByRuleMaxBytes: no rule set is ever built), in
// the alphabet of the narrowed patterns (so that its bytes are the text
// the worker searches); else "".
std::string SmallTextInput(const std::vector<std::string>& inputs) {
  if (inputs.size() != 1 || FormatOfPath(inputs[0]) != SourceFormat::kText) return "";
  Result<std::string> bytes = ReadFileBytes(inputs[0], RuleSetMatcher::kRuleByRuleMaxBytes);
  if (!bytes.ok() || !InNarrowAlphabet(*bytes)) return "";
  return bytes.take();
}

// Works, on a thread of its own, when a core would otherwise wait: a batch
// of fewer documents than workers, a single document above all, whose
// start-up this work dominates.  For a single small text (SmallTextInput),
// whose searches use no rule set but those that find acts, it compiles the
// patterns its first steps will run (RuleSet::CompileAhead: compiling was
// two thirds of the worker's instructions), then those sets; otherwise it
// builds the rule sets every document's
// segmentation needs (PrepareSegmentation).  The thread starts as soon as
// the rules are loaded, so that it also overlaps opening the database, and
// stops (after the pattern or set it is building) when the run is over.
class SetWarmer {
 public:
  SetWarmer(const RuleSet& rules, const std::vector<std::string>& inputs, int jobs) {
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    if (inputs.empty() || inputs.size() >= static_cast<size_t>(jobs) || cores < 2) return;
    try {
      thread_ = std::thread([this, &rules, &inputs] {
        const auto still_needed = [this] { return !stop_; };
        try {
          if (const std::string text = SmallTextInput(inputs); !text.empty()) {
            rules.CompileAhead(text, CompileAheadOrder(rules), still_needed);
            // Then the candidate sets that find acts (segment/acts.cc),
            // which the worker uses once ready: they cost it less than
            // the delib.item and delib.number rules compiled one by one.
            for (RuleFamily family : {RuleFamily::kDelibItem, RuleFamily::kDelibNumber}) {
              if (still_needed()) rules.CandidatesFor(family).Prepare();
            }
            std::vector<const Rule*> late = rules.WithPrefix("delib.");
            std::reverse(late.begin(), late.end());
            rules.CompileAhead(text, late, still_needed);
          } else {
            PrepareSegmentation(rules, still_needed);
          }
        } catch (const std::exception&) {  // memory: the workers compile what they need
        }
      });
    } catch (const std::system_error&) {  // no thread to be had: the workers build them
    }
  }
  ~SetWarmer() { Stop(); }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Keeps a run's rules allocated until the process exits: freeing the
// compiled patterns cost 8.5 M instructions, a tenth of the main thread's
// share of one small document, for memory the exit gives back anyway.
// Held by a static pointer, they are still reachable for leak checkers.
void KeepUntilExit(RuleSet rules) {
  static auto* kept = new std::vector<RuleSet>();
  kept->push_back(std::move(rules));
}

}  // namespace

Result<IngestReport> Ingest(const std::vector<std::string>& paths, const IngestOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  IngestReport report;
  Result<std::vector<std::string>> collected =
      CollectInputs(paths, options, &report.documents, &report.inputs_listed);
  if (!collected.ok()) return collected.status();
  const std::vector<std::string> inputs = collected.take();
  report.inputs_in_shard = inputs.size() + report.documents.size();
  for (const auto& d : report.documents) {
    CountOutcome(d.status, &report.counts);
    if (options.verbose) {
      std::fprintf(stderr, "%s: %s: %s\n", d.path.c_str(), Name(d.status), d.message.c_str());
    }
  }

  Result<RuleSet> rules =
      RuleSet::LoadDirectory(options.rules_dir.empty() ? DefaultRulesDir() : options.rules_dir,
                             RuleSet::DefaultCacheFile(), RuleSet::Examples::kSkip);
  if (!rules.ok()) return rules.status();
  // One document: each family's matcher answers its short texts rule by
  // rule and never builds its set (rules/rule_set.h, RuleSetMatcher).
  // Callgrind, rules cache warm: a small document 396 M -> 310 M
  // instructions, a 168-page PDF 3,581 M -> 3,570 M (a budget of 16 KB a
  // family: 3,620 M, it paid for both).  A batch builds the sets, which
  // cost less than searching each rule of each text.
  if (inputs.size() == 1) rules->set_rule_by_rule_budget(std::numeric_limits<size_t>::max());
  SetWarmer warmer(*rules, inputs, WorkerCount(options));

  // A database this run creates holds no document yet: its workers start
  // at once, and process the first documents while the schema is created
  // (a tenth of a small document's instructions, on the main thread).
  // Anything else is opened first: the workers ask it what is stored.
  IngestRun ingest(inputs, options, *rules, &report);
  std::error_code absent;
  if (!fs::exists(fs::symlink_status(options.db_path, absent))) {
    if (Status s = ingest.Start(nullptr); !s.ok()) return s;
  }
  if (fs::path parent = fs::path(options.db_path).parent_path(); !parent.empty()) {
    std::error_code ec;
    fs::create_directories(parent, ec);
  }
  Result<std::unique_ptr<Store>> store = Store::Open(options.db_path);
  if (!store.ok()) return store.status();
  Result<long long> run = (*store)->BeginRun(options.arguments);
  if (!run.ok()) return run.status();
  // Documents stored before content identity are identified first, so that
  // this run's documents link to them as to any earlier one.
  if (Status s =
          IdentifyStoredDocuments(**store, &report.fingerprinted_stored, &report.linked_stored);
      !s.ok()) {
    return s;
  }
  // Workers ask whether a file is stored on a read-only connection of their
  // own, so that a look-up never waits for the writer's transaction.
  std::unique_ptr<StoredDocuments> stored;
  if (!ingest.Started()) {
    Result<std::unique_ptr<StoredDocuments>> opened = StoredDocuments::Open(options.db_path);
    if (!opened.ok()) return opened.status();
    stored = opened.take();
  }
  if (Status s = ingest.Run(**store, stored.get()); !s.ok()) return s;
  warmer.Stop();
  if (Status s = (*store)->FinishRun(*run, report.counts); !s.ok()) return s;
  Result<Store::Summary> summary = (*store)->Summarize();
  if (summary.ok()) report.summary = *summary;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (options.process_exits_after) KeepUntilExit(rules.take());
  return report;
}

}  // namespace clsdb
