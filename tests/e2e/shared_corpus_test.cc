// End to end over ../shared/corpus: what a user of `tools/run` gets.  The
// field-by-field comparison with the annotations is `clsdb check`'s job
// (tests/check and tools/test); this test holds the pipeline's own promises.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <map>

#include "pipeline/pipeline.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

// A tiny read-only query helper for assertions on the stored database.
std::vector<std::vector<std::string>> Query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::vector<std::vector<std::string>> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const unsigned char* v = sqlite3_column_text(stmt, i);
      row.emplace_back(v ? reinterpret_cast<const char*>(v) : "");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

TEST_CASE("the shared corpus ingests with the right formats and page counts", "[e2e]") {
  if (!testing::HaveSharedCorpus()) {
    FAIL("../shared/corpus is absent: this test needs it");
  }
  testing::TempDir dir;
  IngestOptions options;
  options.db_path = dir / "db.sqlite";
  options.rules_dir = testing::RulesDir().string();
  options.jobs = 2;
  // The seed documents (text/, pdf/); real/ is scored by `clsdb check`.
  const std::vector<std::string> seeds = {(testing::SharedCorpus() / "text").string(),
                                          (testing::SharedCorpus() / "pdf").string()};
  auto report = Ingest(seeds, options);
  REQUIRE(report.ok());
  CHECK(report->counts.failed == 0);
  CHECK(report->counts.ok == 6);       // 3 texts, 3 born-digital PDFs
  CHECK(report->counts.partial == 2);  // the scanned PDFs

  std::map<std::string, std::string> pages;
  for (const auto& row :
       Query(options.db_path, "SELECT path, format, page_count, status FROM documents")) {
    pages[row[0].substr(row[0].find("corpus/") + 7)] = row[1] + " " + row[2] + " " + row[3];
  }
  CHECK(pages["pdf/000_4ed6bf59f513ad19.pdf"] == "pdf 168 ok");
  CHECK(pages["pdf/002_44ef4f2dd19b21b3.pdf"] == "pdf 43 ok");
  CHECK(pages["pdf/003_3dfd76481143a408.pdf"] == "pdf 1 ok");
  CHECK(pages["text/000_4ed6bf59f513ad19.txt"] == "text 1 ok");
  CHECK(pages["pdf/scanned/000_4ed6bf59f513ad19.pdf"] == "pdf 3 partial");

  // The scanned pages are reported, not silently empty.
  auto scanned =
      Query(options.db_path, "SELECT error FROM documents WHERE path LIKE '%scanned/002%'");
  REQUIRE(scanned.size() == 1);
  CHECK(scanned[0][0].find("page 1 has no text layer") != std::string::npos);

  // No running header, footer or stamp line is left in the stored text.
  for (const char* like : {"%Page _ / %", "%Page __ / %", "%Page ___ / %",
                           "%Envoyé en préfecture le%", "%ID : 059-%"}) {
    INFO(like);
    auto hits = Query(options.db_path, std::string("SELECT document_id, page_no FROM pages WHERE "
                                                   "text LIKE '") +
                                           like + "'");
    CHECK(hits.empty());
  }

  // Running the same batch again changes no row count.
  auto again = Ingest(seeds, options);
  REQUIRE(again.ok());
  CHECK(again->counts.ok == 0);
  CHECK(again->summary.table_rows == report->summary.table_rows);
  CHECK(Query(options.db_path, "PRAGMA integrity_check")[0][0] == "ok");
}

}  // namespace
}  // namespace clsdb
