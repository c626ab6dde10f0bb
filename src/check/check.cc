#include "check/check.h"

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "check/annotation.h"
#include "core/utf8.h"
#include "extract/text_util.h"
#include "pipeline/pipeline.h"
#include "read/reader.h"
#include "store/store.h"

namespace clsdb::check {

namespace fs = std::filesystem;

namespace {

// A private folder for the temporary database, removed with everything in
// it (the database and its -wal/-shm files) when the check ends.
class TempDir {
 public:
  TempDir() = default;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
  }

  Status Create() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string pattern = (base / "clsdb-check-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return Status::IOError("cannot create a temporary folder in " + base.string());
    }
    path_ = pattern;
    return Status::OK();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Normal(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::path(path).lexically_normal().string() : p.string();
}

void KeepMatching(std::vector<ManifestEntry>* entries, const std::string& filter) {
  if (filter.empty()) return;
  std::erase_if(*entries, [&](const ManifestEntry& e) {
    return e.document.find(filter) == std::string::npos;
  });
}

void KeepSet(std::vector<ManifestEntry>* entries, const std::string& set) {
  if (set.empty()) return;
  std::erase_if(*entries, [&](const ManifestEntry& e) { return e.set != set; });
}

// Where a real text document's copy in format "flat" or "wrapped" comes
// from: every run of white space, line breaks included, one space (the one
// line per document that the datasets of published acts store); or each
// line longer than kWrapWidth characters broken before the word that would
// pass it (a converter that breaks every line at a fixed width).
constexpr size_t kWrapWidth = 80;

std::string WrappedText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / kWrapWidth);
  size_t line_chars = 0;  // characters, not bytes, since the last '\n'
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t space = text.find_first_of(" \n", pos);
    const size_t end = space == std::string_view::npos ? text.size() : space;
    const std::string_view word = text.substr(pos, end - pos);
    const size_t chars = CountCodePoints(word);
    if (line_chars > 0 && line_chars + chars > kWrapWidth && !out.empty() && out.back() == ' ') {
      out.back() = '\n';
      line_chars = 0;
    }
    out += word;
    line_chars += chars;
    if (end < text.size()) {
      out += text[end];
      line_chars = text[end] == '\n' ? 0 : line_chars + 1;
    }
    pos = end + 1;
  }
  return out;
}

// A copy in dir/<format>/ of each real text document, reshaped as format
// says ("flat" or "wrapped").
Result<std::vector<ManifestEntry>> ReshapedCopies(const std::vector<ManifestEntry>& entries,
                                                  const std::string& dir,
                                                  const std::string& format) {
  const fs::path folder = fs::path(dir) / format;
  std::error_code ec;
  fs::create_directory(folder, ec);
  if (ec) return Status::IOError("cannot create " + folder.string() + ": " + ec.message());
  std::vector<ManifestEntry> copies;
  for (const ManifestEntry& entry : entries) {
    if (entry.set == kReferenceSet || entry.format != "text") continue;
    Result<std::string> bytes = ReadFileBytes(entry.document);
    if (!bytes.ok()) return bytes.status();
    ManifestEntry copy = entry;
    copy.format = format;
    copy.document = (folder / fs::path(entry.document).filename()).string();
    std::ofstream out(copy.document, std::ios::binary | std::ios::trunc);
    out << (format == "flat" ? CollapseSpaces(*bytes) : WrappedText(*bytes));
    if (!out.flush()) return Status::IOError("cannot write " + copy.document);
    copies.push_back(std::move(copy));
  }
  return copies;
}

}  // namespace

void ComputeTotals(CheckResult* result) {
  result->totals.clear();
  result->document_counts.clear();
  result->current.clear();
  for (const DocumentResult& doc : result->documents) {
    const std::string key = doc.entry.key();
    auto [total, inserted] = result->totals.try_emplace(key, EmptyScore());
    for (size_t g = 0; g < total->second.groups.size(); ++g) {
      total->second.groups[g].Add(doc.score.groups[g]);
    }
    ++result->document_counts[key];
  }
  for (const auto& [key, score] : result->totals) {
    auto& figures = result->current[key];
    for (const GroupScore& g : score.groups) figures[g.group] = g.f1();
    figures[std::string(kMacroGroup)] = MacroF1(score);
  }
}

namespace {

// The options with their defaults filled in, or why they cannot be used.
Result<CheckOptions> Resolved(CheckOptions o) {
  if (o.corpus_dir.empty()) o.corpus_dir = DefaultCorpusDir();
  if (o.shared_dir.empty()) o.shared_dir = DefaultSharedDir();
  if (o.baseline_path.empty()) {
    o.baseline_path = (fs::path(o.corpus_dir) / "baseline.json").string();
  }
  if (o.thresholds_path.empty()) {
    o.thresholds_path = (fs::path(o.corpus_dir) / "thresholds.json").string();
  }
  if (o.update_baseline && !o.document_filter.empty()) {
    return Status::InvalidArgument("--update-baseline needs the whole manifest: drop --document");
  }
  if (!o.set_filter.empty() && !IsSetName(o.set_filter)) {
    return Status::InvalidArgument("unknown set \"" + o.set_filter +
                                   "\" (expected reference, real or heldout)");
  }
  return o;
}

// Thresholds and baseline into *result; a missing file is no figures.
Status LoadFigureFiles(const CheckOptions& o, CheckResult* result) {
  if (Result<Figures> t = LoadFigures(o.thresholds_path, /*strict_groups=*/true); t.ok()) {
    result->thresholds = t.take();
  } else if (t.status().code() != Status::Code::kNotFound) {
    return t.status();
  }
  if (Result<Figures> b = LoadFigures(o.baseline_path, /*strict_groups=*/false); b.ok()) {
    result->baseline = b.take();
    result->have_baseline = true;
  } else if (b.status().code() != Status::Code::kNotFound) {
    return b.status();
  }
  return Status::OK();
}

// Ingests the manifest's documents into db_path; *outcomes gets each
// document's outcome by normalised path.
Status IngestManifest(const CheckOptions& o, const Manifest& manifest, const std::string& db_path,
                      std::map<std::string, DocumentOutcome>* outcomes) {
  std::vector<std::string> paths;
  for (const ManifestEntry& entry : manifest.entries) paths.push_back(entry.document);
  if (paths.empty()) return Status::OK();
  IngestOptions ingest;
  ingest.db_path = db_path;
  ingest.rules_dir = o.rules_dir;
  ingest.jobs = o.jobs;
  // A progress line rewrites itself with \r: only a terminal shows that.
  ingest.progress = !o.quiet && isatty(STDERR_FILENO);
  ingest.arguments = "clsdb check";
  if (!o.quiet) {
    std::cerr << "check: ingesting " << paths.size() << " documents into a temporary database\n";
  }
  Result<IngestReport> report = Ingest(paths, ingest);
  if (!report.ok()) return report.status().WithPrefix("check: ingest");
  for (const DocumentOutcome& d : report->documents) (*outcomes)[Normal(d.path)] = d;
  return Status::OK();
}

// The stored document of a manifest entry: by content first (the database
// may have been built from another working directory, or from a copy of
// the corpus), then by path; null when the database lacks it.
const Store::StoredDocument* StoredDocumentOf(const ManifestEntry& entry,
                                              const std::vector<Store::StoredDocument>& listed) {
  const Store::StoredDocument* stored = nullptr;
  if (Result<std::string> bytes = ReadFileBytes(entry.document); bytes.ok()) {
    const std::string sha = Sha256Hex(*bytes);
    for (const auto& d : listed) {
      if (d.sha256 == sha) stored = &d;
    }
  }
  if (stored != nullptr) return stored;
  const std::string want = Normal(entry.document);
  for (const auto& d : listed) {
    if (Normal(d.path) == want) stored = &d;
  }
  return stored;
}

// Scores each manifest entry against what db_path holds for it.
Status ScoreDocuments(const Manifest& manifest, const std::vector<DocumentRecords>& expected,
                      const std::string& db_path,
                      const std::map<std::string, DocumentOutcome>& outcomes, CheckResult* result) {
  if (manifest.entries.empty()) return Status::OK();
  Result<std::unique_ptr<Store>> store = Store::Open(db_path);
  if (!store.ok()) return store.status();
  Result<std::vector<Store::StoredDocument>> listed = (*store)->ListDocuments();
  if (!listed.ok()) return listed.status();
  for (size_t i = 0; i < manifest.entries.size(); ++i) {
    const ManifestEntry& entry = manifest.entries[i];
    const Store::StoredDocument* stored = StoredDocumentOf(entry, *listed);
    DocumentResult doc;
    doc.entry = entry;
    if (stored != nullptr) {
      Result<DocumentRecords> records = (*store)->ReadRecords(stored->id);
      if (!records.ok()) return records.status().WithPrefix(entry.document);
      doc.score = ScoreDocument(expected[i], *records);
      doc.status = Name(stored->status);
      doc.message = stored->error;
    } else {
      doc.score = ScoreMissingDocument(expected[i]);
      doc.status = "missing";
      const auto outcome = outcomes.find(Normal(entry.document));
      doc.message = outcome != outcomes.end() && !outcome->second.message.empty()
                        ? outcome->second.message
                        : "not in the database";
    }
    KeepGroups(entry.groups, &doc.score);
    result->documents.push_back(std::move(doc));
  }
  return Status::OK();
}

// Writes this run's figures into the baseline file.
Status UpdateBaseline(const std::string& baseline_path, CheckResult* result) {
  // A document the database lacks scores zero everywhere: figures taken
  // from such a run would let every later regression pass unnoticed.
  for (const DocumentResult& d : result->documents) {
    if (d.status != "missing") continue;
    return Status::Corruption("not updating the baseline: " + d.entry.document +
                              " is not in the database (" + d.message + ")");
  }
  // A key with no document this run (the shared corpus is absent, or
  // --set chose another set) keeps its old figures.
  Figures merged = result->baseline;
  for (const auto& [key, groups] : result->current) merged[key] = groups;
  if (Status s = SaveFigures(baseline_path, merged,
                             "F1 per group, and macro F1, of the TOTAL over "
                             "corpus/manifest.tsv, per set and format; written by "
                             "`clsdb check --update-baseline`");
      !s.ok()) {
    return s;
  }
  result->baseline = std::move(merged);
  result->have_baseline = true;
  result->baseline_updated = true;
  return Status::OK();
}

}  // namespace

Result<CheckResult> RunCheck(const CheckOptions& in) {
  Result<CheckOptions> resolved = Resolved(in);
  if (!resolved.ok()) return resolved.status();
  const CheckOptions& o = *resolved;

  CheckResult result;
  result.baseline_path = o.baseline_path;
  result.thresholds_path = o.thresholds_path;
  result.judged = o.document_filter.empty();

  Result<Manifest> manifest =
      LoadManifest((fs::path(o.corpus_dir) / "manifest.tsv").string(), o.shared_dir);
  if (!manifest.ok()) return manifest.status();
  KeepMatching(&manifest->entries, o.document_filter);
  KeepMatching(&manifest->skipped, o.document_filter);
  KeepSet(&manifest->entries, o.set_filter);
  KeepSet(&manifest->skipped, o.set_filter);
  result.skipped = manifest->skipped;
  if (Status s = LoadFigureFiles(o, &result); !s.ok()) return s;

  TempDir temp;
  if (o.db_path.empty()) {
    if (Status s = temp.Create(); !s.ok()) return s;
    std::vector<ManifestEntry> copies;
    for (const char* format : {"flat", "wrapped"}) {
      Result<std::vector<ManifestEntry>> more =
          ReshapedCopies(manifest->entries, temp.path(), format);
      if (!more.ok()) return more.status();
      for (ManifestEntry& copy : *more) copies.push_back(std::move(copy));
    }
    for (ManifestEntry& copy : copies) manifest->entries.push_back(std::move(copy));
  }

  std::vector<DocumentRecords> expected;
  for (const ManifestEntry& entry : manifest->entries) {
    Result<DocumentRecords> a = LoadAnnotation(entry.annotation);
    if (!a.ok()) return a.status();
    // The project's own alias sets for the document, when it has them.
    const fs::path organizations = fs::path(o.corpus_dir) / "expected" / "organizations" /
                                   (fs::path(entry.annotation).stem().string() + ".json");
    if (std::error_code ec; fs::exists(organizations, ec)) {
      if (Status s = LoadOrganizationAnnotation(organizations.string(), &*a); !s.ok()) return s;
    }
    expected.push_back(a.take());
  }

  std::string db_path = o.db_path;
  std::map<std::string, DocumentOutcome> outcomes;  // by normalised path
  if (db_path.empty()) {
    db_path = (fs::path(temp.path()) / "check.sqlite").string();
    if (Status s = IngestManifest(o, *manifest, db_path, &outcomes); !s.ok()) return s;
  } else if (std::error_code ec; !fs::is_regular_file(db_path, ec)) {
    return Status::NotFound(db_path + ": no such database");
  }
  if (Status s = ScoreDocuments(*manifest, expected, db_path, outcomes, &result); !s.ok()) {
    return s;
  }

  ComputeTotals(&result);
  if (o.update_baseline) {
    if (Status s = UpdateBaseline(o.baseline_path, &result); !s.ok()) return s;
  }
  if (result.judged) result.failures = Judge(result.current, result.baseline, result.thresholds);
  return result;
}

}  // namespace clsdb::check
