// End to end over ../shared/corpus: what a user of `tools/run` gets.  The
// field-by-field comparison with the annotations is `clsdb check`'s job
// (tests/check and tools/test); this test holds the pipeline's own promises.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "query_rows.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using testing::QueryRows;

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
  CHECK(report->counts.ok == 8);  // 3 texts, 3 born-digital PDFs, 2 scans read by OCR
  CHECK(report->counts.partial == 0);

  std::map<std::string, std::string> pages;
  for (const auto& row :
       QueryRows(options.db_path, "SELECT path, format, page_count, status FROM documents")) {
    pages[row[0].substr(row[0].find("corpus/") + 7)] = row[1] + " " + row[2] + " " + row[3];
  }
  CHECK(pages["pdf/000_4ed6bf59f513ad19.pdf"] == "pdf 168 ok");
  CHECK(pages["pdf/002_44ef4f2dd19b21b3.pdf"] == "pdf 43 ok");
  CHECK(pages["pdf/003_3dfd76481143a408.pdf"] == "pdf 1 ok");
  CHECK(pages["text/000_4ed6bf59f513ad19.txt"] == "text 1 ok");
  CHECK(pages["pdf/scanned/000_4ed6bf59f513ad19.pdf"] == "pdf 3 ok");

  // The scanned pages are read by OCR, and say so.
  auto scanned =
      QueryRows(options.db_path,
                "SELECT p.has_text_layer, p.ocr, p.ocr_confidence, p.text FROM pages p "
                "JOIN documents d ON d.id = p.document_id WHERE d.path LIKE '%scanned/002%' "
                "ORDER BY p.page_no");
  REQUIRE(scanned.size() == 2);
  for (const auto& page : scanned) {
    CHECK(page[0] == "0");
    CHECK(page[1] == "1");
    CHECK(std::stod(page[2]) > 80);
    CHECK(page[3].find("Fait à") != std::string::npos);
  }
  // The prefecture's stamp, only on the scanned page, is read.
  auto stamp =
      QueryRows(options.db_path,
                "SELECT t.actes_id, t.sent_date, t.received_date FROM transmissions t JOIN "
                "documents d ON d.id = t.document_id WHERE d.path LIKE '%scanned/002%'");
  REQUIRE(stamp.size() == 1);
  CHECK(stamp[0] == std::vector<std::string>{"059-200043404-20250924-DELIB370A-DE", "2025-10-02",
                                             "2025-10-02"});

  // No running header, footer or stamp line is left in the stored text.
  for (const char* like : {"%Page _ / %", "%Page __ / %", "%Page ___ / %",
                           "%Envoyé en préfecture le%", "%ID : 059-%"}) {
    INFO(like);
    auto hits =
        QueryRows(options.db_path, std::string("SELECT document_id, page_no FROM pages WHERE "
                                               "text LIKE '") +
                                       like + "'");
    CHECK(hits.empty());
  }

  // Running the same batch again changes no row count.
  auto again = Ingest(seeds, options);
  REQUIRE(again.ok());
  CHECK(again->counts.ok == 0);
  CHECK(again->summary.table_rows == report->summary.table_rows);
  CHECK(QueryRows(options.db_path, "PRAGMA integrity_check")[0][0] == "ok");
}

// The type an analyst gives each real PDF, from the "expect" column of
// real/pdf/SOURCES.md ("?" where an analyst would hesitate).
std::map<std::string, std::string> ExpectedTypes(const std::filesystem::path& sources) {
  std::ifstream in(sources);
  std::map<std::string, std::string> expect;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| ", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    std::string cell;
    while (std::getline(row, cell, '|')) {
      const size_t b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
      cells.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
    }
    if (cells.size() >= 7 && cells[0].ends_with(".pdf")) expect[cells[0]] = cells.back();
  }
  return expect;
}

TEST_CASE("real published PDFs: their type, and the acts of their minutes", "[e2e][real]") {
  const std::filesystem::path folder = testing::SharedCorpus() / "real" / "pdf";
  if (!std::filesystem::exists(folder / "SOURCES.md")) {
    FAIL("../shared/corpus/real/pdf is absent: this test needs it");
  }
  const std::map<std::string, std::string> expect = ExpectedTypes(folder / "SOURCES.md");
  REQUIRE(expect.size() >= 25);
  testing::TempDir dir;
  IngestOptions options;
  options.db_path = dir / "db.sqlite";
  options.rules_dir = testing::RulesDir().string();
  options.jobs = 2;
  // Text layers only: OCR of the folder's 190 scanned pages takes minutes on
  // two cores.  The next test reads two of its scans.
  options.ocr = OcrMode::kOff;
  auto report = Ingest({folder.string()}, options);
  REQUIRE(report.ok());
  int typed = 0, right = 0;
  for (const DocumentOutcome& d : report->documents) {
    const std::string name = std::filesystem::path(d.path).filename().string();
    const auto it = expect.find(name);
    if (it == expect.end() || it->second == "?") continue;
    ++typed;
    if (Name(d.doc_type) == it->second) {
      ++right;
    } else {
      WARN(name << ": typed " << Name(d.doc_type) << ", expected " << it->second);
    }
  }
  // Without OCR the scanned register has no text: it cannot be typed.
  CHECK(typed == 25);
  CHECK(right >= 24);
  // Every set of minutes with a text layer records several acts.
  const auto rows =
      QueryRows(options.db_path,
                "SELECT d.path, count(a.id) FROM documents d LEFT JOIN deliberations a "
                "ON a.document_id = d.id WHERE d.doc_type = 'deliberation' "
                "GROUP BY d.id");
  REQUIRE(rows.size() >= 8);
  for (const auto& row : rows) {
    INFO(row[0]);
    CHECK(std::stoi(row[1]) >= 2);
  }
}

// [external]: its time goes to Tesseract, the same in every build.  The
// sanitizer builds read scans by OCR in the first test case here and in
// tests/pipeline/isolated_reader_test.cc (OCR in the child, under limits).
TEST_CASE("real office scans are read by OCR in the reader child", "[e2e][real][ocr][external]") {
  const std::filesystem::path folder = testing::SharedCorpus() / "real" / "pdf";
  const char* exe = std::getenv("CLSDB_BIN");
  if (!std::filesystem::exists(folder / "SOURCES.md") || exe == nullptr) {
    FAIL("../shared/corpus/real/pdf or CLSDB_BIN is absent: this test needs them");
  }
  // A prefectoral arrêté from a Toshiba copier (4 pages) and a council
  // register from a Konica one (7 pages), neither with a text layer.
  const std::string arrete = (folder / "arretify__examples__arretes_raw__arrete_ppr.pdf").string();
  const std::string registre = (folder / "ask-municipal-memory__cpte-rendu-registre.pdf").string();
  testing::TempDir dir;
  IngestOptions options;
  options.db_path = dir / "db.sqlite";
  options.rules_dir = testing::RulesDir().string();
  options.jobs = 2;
  options.pdf_reader_exe = exe;  // OCR runs in the isolated child
  auto report = Ingest({arrete, registre}, options);
  REQUIRE(report.ok());
  std::map<std::string, std::string> got;
  for (const DocumentOutcome& d : report->documents) {
    INFO(d.path << ": " << d.message);
    CHECK(d.status == DocumentStatus::kOk);
    got[d.path] = Name(d.doc_type);
  }
  CHECK(got[arrete] == "other");
  CHECK(got[registre] == "deliberation");
  // Every page was read by OCR, and holds text.
  const auto pages = QueryRows(options.db_path,
                               "SELECT count(*), sum(ocr), sum(length(text) > 200), "
                               "min(ocr_confidence) FROM pages");
  REQUIRE(pages.size() == 1);
  CHECK(pages[0][0] == "11");
  CHECK(pages[0][1] == "11");
  CHECK(std::stoi(pages[0][2]) >= 10);
  CHECK(std::stod(pages[0][3]) > 50);
  // The register records its acts.
  const auto acts = QueryRows(options.db_path,
                              "SELECT count(*) FROM deliberations a JOIN documents d ON d.id = "
                              "a.document_id WHERE d.path LIKE '%registre%'");
  CHECK(std::stoi(acts[0][0]) >= 1);
}

}  // namespace
}  // namespace clsdb
