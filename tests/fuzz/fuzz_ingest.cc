// The whole ingest of one file, bytes to database rows: the file is read as
// the pipeline reads it (one read, hashed and parsed from the same bytes),
// goes through every stage (read, layout, repair, segment, extract) and is
// written by the store into a database of its own.  Input that
// starts with %PDF is a .pdf (parsed in this process, OCR off: Tesseract
// would make each input take seconds), anything else a .txt.
//
// The checks are the promises of pipeline.h and store.h: every file ends as
// one row with a status (never an exception or a crash), a failure says
// why, and what is stored reads back whole: the document once, its pages
// as processed.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "pipeline/pipeline.h"
#include "rules/rule_set.h"
#include "store/store.h"

namespace {

using namespace clsdb;

struct World {
  std::filesystem::path dir;
  std::unique_ptr<RuleSet> rules;
  IngestOptions options;
};

World& TheWorld() {
  static World* world = [] {
    auto* w = new World;
    w->dir =
        std::filesystem::temp_directory_path() / ("clsdb-fuzz-ingest-" + std::to_string(getpid()));
    std::filesystem::create_directories(w->dir);
    Result<RuleSet> rules = RuleSet::LoadDirectory(DefaultRulesDir());
    CLSDB_FUZZ_CHECK(rules.ok());
    w->rules = std::make_unique<RuleSet>(rules.take());
    w->options.db_path = (w->dir / "db.sqlite").string();
    w->options.ocr = OcrMode::kOff;
    w->options.doc_timeout_seconds = 10;
    std::atexit([] { std::filesystem::remove_all(TheWorld().dir); });
    return w;
  }();
  return *world;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  World& w = TheWorld();
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const bool pdf = bytes.compare(0, 4, "%PDF") == 0;
  const std::string path = (w.dir / (pdf ? "input.pdf" : "input.txt")).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;

  DocumentRow row = ProcessDocument(path, *w.rules, w.options);
  CLSDB_FUZZ_CHECK(row.status != DocumentStatus::kSkipped);
  CLSDB_FUZZ_CHECK((row.status == DocumentStatus::kOk) == row.error.empty());
  if (size == 0) {
    CLSDB_FUZZ_CHECK(row.status == DocumentStatus::kFailed);
    return 0;
  }
  CLSDB_FUZZ_CHECK(row.sha256 == Sha256Hex(bytes));
  CLSDB_FUZZ_CHECK(row.page_count == static_cast<int>(row.pages.size()));
  for (const DocumentRow::Page& page : row.pages) CLSDB_FUZZ_CHECK(fuzz::IsValidUtf8(page.text));

  // A fresh database for each input, so that what is read back is this
  // document's alone.
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(w.options.db_path + suffix);
  }
  Result<std::unique_ptr<Store>> store = Store::Open(w.options.db_path);
  CLSDB_FUZZ_CHECK(store.ok());
  Result<long long> id = (*store)->WriteDocument(row, /*replace=*/false);
  CLSDB_FUZZ_CHECK(id.ok());
  Result<std::vector<Store::StoredDocument>> stored = (*store)->ListDocuments();
  CLSDB_FUZZ_CHECK(stored.ok() && stored->size() == 1);
  CLSDB_FUZZ_CHECK(stored->front().id == *id && stored->front().status == row.status);
  CLSDB_FUZZ_CHECK(stored->front().sha256 == row.sha256);
  Result<std::vector<std::string>> pages = (*store)->ReadPages(*id);
  CLSDB_FUZZ_CHECK(pages.ok() && pages->size() == row.pages.size());
  for (size_t i = 0; i < pages->size(); ++i) CLSDB_FUZZ_CHECK((*pages)[i] == row.pages[i].text);
  CLSDB_FUZZ_CHECK((*store)->ReadRecords(*id).ok());
  return 0;
}
