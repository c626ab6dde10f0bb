#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "store/schema.sql.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

DocumentRow SampleRow(const std::string& sha) {
  DocumentRow row;
  row.sha256 = sha;
  row.path = "sample.txt";
  row.format = SourceFormat::kText;
  row.status = DocumentStatus::kOk;
  row.page_count = 1;
  row.pages.push_back({1, "Fait à Évreux, le 3 mars 2024\nCONTRAT LOCAL DE SANTÉ\n", true});
  row.records.doc_type = DocumentType::kContract;
  Contract c;
  c.title = "Contrat local de santé";
  // "CONTRAT…" starts at byte 32 (É and à take two bytes each) = character 30.
  c.prov = {1, 32, 54, "contract.title"};
  Party p;
  p.organization = "Agence régionale de santé";
  p.acronym = "ARS";
  c.parties.push_back(p);
  Orientation o{"1", "Accès aux soins", {}};
  c.orientations.push_back(o);
  Action a;
  a.orientation_index = 0;
  a.code = "1.1";
  a.title = "Attirer des médecins";
  c.actions.push_back(a);
  Actor pilot;
  pilot.action_index = 0;
  pilot.role = ActorRole::kPilot;
  pilot.name = "CPTS";
  c.actors.push_back(pilot);
  row.records.contracts.push_back(c);
  return row;
}

long long RowCount(Store& store, const std::string& table) {
  auto summary = store.Summarize();
  REQUIRE(summary.ok());
  for (const auto& [name, n] : summary->table_rows) {
    if (name == table) return n;
  }
  FAIL("no table " << table);
  return -1;
}

TEST_CASE("a document is written whole, once per sha256", "[store]") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  auto id = (*store)->WriteDocument(SampleRow("abc"), false);
  REQUIRE(id.ok());
  CHECK(RowCount(**store, "documents") == 1);
  CHECK(RowCount(**store, "contracts") == 1);
  CHECK(RowCount(**store, "actors") == 1);
  // Same bytes again: nothing changes, the same id comes back.
  auto again = (*store)->WriteDocument(SampleRow("abc"), false);
  REQUIRE(again.ok());
  CHECK(*again == *id);
  CHECK(RowCount(**store, "contracts") == 1);
  // --force replaces the document and its rows.
  auto replaced = (*store)->WriteDocument(SampleRow("abc"), true);
  REQUIRE(replaced.ok());
  CHECK(RowCount(**store, "documents") == 1);
  CHECK(RowCount(**store, "contracts") == 1);
  CHECK(RowCount(**store, "parties") == 1);
  auto integrity = (*store)->IntegrityCheck();
  REQUIRE(integrity.ok());
  CHECK(*integrity == "ok");
}

TEST_CASE("provenance spans are stored as character offsets into pages.text", "[store]") {
  testing::TempDir dir;
  {
    auto store = Store::Open(dir / "db.sqlite");
    REQUIRE(store.ok());
    REQUIRE((*store)->WriteDocument(SampleRow("abc"), false).ok());
  }
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  auto docs = (*store)->ListDocuments();
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 1);
  auto records = (*store)->ReadRecords(docs->front().id);
  REQUIRE(records.ok());
  REQUIRE(records->contracts.size() == 1);
  CHECK(records->contracts[0].prov.span_start == 30);
  CHECK(records->contracts[0].prov.span_end == 52);
  CHECK(records->contracts[0].actions.at(0).orientation_index == 0);
  CHECK(records->contracts[0].actors.at(0).action_index == 0);
}

TEST_CASE("character offsets are right at every byte of a long page", "[store]") {
  // Over several of CharOffsets' 64-byte blocks, two- and three-byte
  // characters at every alignment, and offsets past the end of the page.
  std::string text;
  for (int i = 0; i < 40; ++i) text += i % 3 == 0 ? "é" : i % 3 == 1 ? "a€" : "bc";
  text += "\n";
  for (int i = 0; i < 30; ++i) text += "Évreux – santé ";
  auto characters_before = [&](size_t byte) {
    int n = 0;
    for (size_t i = 0; i < std::min(byte, text.size()); ++i) {
      n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    }
    return n;
  };
  DocumentRow row = SampleRow("long");
  row.pages = {{1, text, true}};
  const Contract sample = row.records.contracts.front();
  row.records.contracts.clear();
  std::vector<int> starts;
  for (int start = 0; start <= static_cast<int>(text.size()) + 3; start += 7) {
    Contract c = sample;
    c.prov = {1, start, start + 1, "contract.title"};
    row.records.contracts.push_back(c);
    starts.push_back(start);
  }
  testing::TempDir dir;
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  auto id = (*store)->WriteDocument(row, false);
  REQUIRE(id.ok());
  auto records = (*store)->ReadRecords(*id);
  REQUIRE(records.ok());
  REQUIRE(records->contracts.size() == starts.size());
  for (size_t i = 0; i < starts.size(); ++i) {
    CAPTURE(starts[i]);
    CHECK(records->contracts[i].prov.span_start == characters_before(starts[i]));
    CHECK(records->contracts[i].prov.span_end == characters_before(starts[i] + 1));
  }
}

TEST_CASE("every CHECK constraint of the schema refuses its document", "[store]") {
  // The schema writes its value lists as OR chains (schema.sql.h): each
  // column still refuses a value outside its list, refuses the document
  // whole, and accepts NULL where the column allows it.
  auto with_act = [](Deliberation d) {
    DocumentRow row = SampleRow("act");
    row.records.deliberations.push_back(std::move(d));
    return row;
  };
  Deliberation adopted;
  adopted.outcome = "adopted";
  adopted.attendees.push_back({"Jean DUPONT", "present", {}, {}});
  Deliberation no_outcome = adopted;
  no_outcome.outcome.reset();
  Deliberation bad_outcome = adopted;
  bad_outcome.outcome = "postponed";
  Deliberation bad_attendee = adopted;
  bad_attendee.attendees[0].status = "late";
  DocumentRow skipped = SampleRow("skipped");
  skipped.status = DocumentStatus::kSkipped;
  DocumentRow bad_indicator = SampleRow("indicator");
  Indicator indicator;
  indicator.text = "Nombre de médecins installés";
  indicator.kind = static_cast<IndicatorKind>(7);
  bad_indicator.records.contracts[0].indicators.push_back(indicator);
  DocumentRow bad_format = SampleRow("format");
  bad_format.format = static_cast<SourceFormat>(5);
  const std::pair<const char*, DocumentRow> refused[] = {
      {"outcome", with_act(bad_outcome)},
      {"attendee status", with_act(bad_attendee)},
      {"document status", skipped},
      {"indicator kind", bad_indicator},
      {"format", bad_format},
  };
  testing::TempDir dir;
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  for (const auto& [what, row] : refused) {
    CAPTURE(what);
    auto id = (*store)->WriteDocument(row, false);
    REQUIRE_FALSE(id.ok());
    CHECK(id.status().message().find("CHECK constraint failed") != std::string::npos);
    CHECK(RowCount(**store, "documents") == 0);
    CHECK(RowCount(**store, "contracts") == 0);
  }
  REQUIRE((*store)->WriteDocument(with_act(adopted), false).ok());
  REQUIRE((*store)->WriteDocument(with_act(no_outcome), true).ok());
  CHECK(RowCount(**store, "deliberations") == 1);
  CHECK(RowCount(**store, "attendees") == 1);
}

TEST_CASE("a write that fails leaves nothing behind", "[store]") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  DocumentRow row = SampleRow("bad");
  // A value out of the enumeration is stored as "?", which the CHECK refuses.
  row.records.contracts[0].actors[0].role = static_cast<ActorRole>(99);
  auto id = (*store)->WriteDocument(row, false);
  REQUIRE_FALSE(id.ok());
  CHECK(id.status().message().find("sample.txt") != std::string::npos);
  CHECK(RowCount(**store, "documents") == 0);
  CHECK(RowCount(**store, "contracts") == 0);
  CHECK(RowCount(**store, "pages") == 0);
}

TEST_CASE("a file that is not a database is refused with its path", "[store]") {
  testing::TempDir dir;
  std::string path = dir.Write("not.sqlite", std::string(4096, 'x'));
  auto store = Store::Open(path);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().message().find(path) != std::string::npos);
}

TEST_CASE("runs are recorded", "[store]") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  auto run = (*store)->BeginRun("ingest x");
  REQUIRE(run.ok());
  RunCounts counts;
  counts.ok = 2;
  counts.failed = 1;
  CHECK((*store)->FinishRun(*run, counts).ok());
}

TEST_CASE("stored documents are looked up on a connection of their own", "[store]") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  auto stored = StoredDocuments::Open(dir / "db.sqlite");
  REQUIRE(stored.ok());
  CHECK_FALSE((*stored)->Contains("abc"));
  REQUIRE((*store)->WriteDocument(SampleRow("abc"), false).ok());
  CHECK((*stored)->Contains("abc"));
  CHECK_FALSE((*stored)->Contains("abd"));
}

TEST_CASE("a long batch keeps the database whole while checkpoints run beside it", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
    // About 12 MB of pages: several checkpoints' worth of WAL frames.
    for (int i = 0; i < 60; ++i) {
      DocumentRow row = SampleRow("sha" + std::to_string(i));
      row.pages[0].text += std::string(200000, 'a' + i % 26);
      REQUIRE((*store)->WriteDocument(row, false).ok());
    }
    auto check = (*store)->IntegrityCheck();
    REQUIRE(check.ok());
    CHECK(*check == "ok");
  }
  auto reopened = Store::Open(path);
  REQUIRE(reopened.ok());
  CHECK(RowCount(**reopened, "documents") == 60);
  auto pages = (*reopened)->ReadPages(1);
  REQUIRE(pages.ok());
  CHECK(pages->at(0).size() > 200000);
}

TEST_CASE("the checkpointer copies the WAL into the database during a batch", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  // About 8 MB of pages: past the checkpointer's 1,000 frames, far below
  // SQLite's own checkpoint at close.
  for (int i = 0; i < 40; ++i) {
    DocumentRow row = SampleRow("sha" + std::to_string(i));
    row.pages[0].text += std::string(200000, 'a' + i % 26);
    REQUIRE((*store)->WriteDocument(row, false).ok());
  }
  // The checkpointer runs on a thread of its own: the database file grows
  // once it has copied the frames, while the store is still open.
  std::error_code ec;
  for (int wait = 0; wait < 200 && std::filesystem::file_size(path, ec) < (2u << 20); ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(std::filesystem::file_size(path, ec) >= (2u << 20));
}

// One value of a query on the database at path, as text ("" for NULL).
std::string Value(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

TEST_CASE("pages record OCR; a version 1 database is migrated", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "old.sqlite";
  {
    // The version 1 pages table, as an earlier build left it.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(
        sqlite3_exec(db,
                     "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                     "INSERT INTO meta VALUES ('schema_version', '1');"
                     "CREATE TABLE documents(id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE,"
                     " path TEXT NOT NULL, format TEXT NOT NULL, doc_type TEXT, title TEXT,"
                     " page_count INTEGER, status TEXT NOT NULL, error TEXT, encoding TEXT,"
                     " size_bytes INTEGER, ingested_at TEXT NOT NULL,"
                     " pipeline_version TEXT NOT NULL);"
                     "CREATE TABLE pages(document_id INTEGER NOT NULL REFERENCES documents(id)"
                     " ON DELETE CASCADE, page_no INTEGER NOT NULL, text TEXT NOT NULL,"
                     " has_text_layer INTEGER NOT NULL DEFAULT 1,"
                     " PRIMARY KEY (document_id, page_no));"
                     "INSERT INTO documents VALUES (1, 'aa', 'old.pdf', 'pdf', 'other', NULL, 1,"
                     " 'partial', 'page 1 has no text layer', NULL, 10, 'then', '0.1.0');"
                     "INSERT INTO pages VALUES (1, 1, '', 0);",
                     nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = Store::Open(path);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  DocumentRow row = SampleRow("bb");
  row.format = SourceFormat::kPdf;
  row.pages = {{1, "Contre : 0 voix\n", false, true, 87.5}, {2, "Texte\n", true}};
  REQUIRE((*store)->WriteDocument(row, false).ok());
  store->reset();
  CHECK(Value(path, "SELECT value FROM meta WHERE key = 'schema_version'") ==
        std::to_string(kSchemaVersion));
  // The old page: not read by OCR, no confidence.
  CHECK(Value(path,
              "SELECT ocr || '/' || ifnull(ocr_confidence, 'null') FROM pages WHERE "
              "document_id = 1") == "0/null");
  CHECK(Value(path,
              "SELECT ocr || '/' || has_text_layer || '/' || ocr_confidence FROM pages "
              "p JOIN documents d ON d.id = p.document_id WHERE d.sha256 = 'bb' AND "
              "page_no = 1") == "1/0/87.5");
  CHECK(Value(path,
              "SELECT ocr || '/' || ifnull(ocr_confidence, 'null') FROM pages p JOIN "
              "documents d ON d.id = p.document_id WHERE d.sha256 = 'bb' AND page_no = 2") ==
        "0/null");
  // Opening again migrates nothing twice.
  REQUIRE(Store::Open(path).ok());
}

}  // namespace
}  // namespace clsdb

namespace clsdb {
namespace {

TEST_CASE("a document another writer stored meanwhile is reported, not counted as written",
          "[store]") {
  testing::TempDir dir;
  auto first = Store::Open(dir / "db.sqlite");
  auto second = Store::Open(dir / "db.sqlite");
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  bool already_stored = true;
  auto id = (*first)->WriteDocument(SampleRow("abc"), false, &already_stored);
  REQUIRE(id.ok());
  CHECK_FALSE(already_stored);
  DocumentRow late = SampleRow("abc");
  late.path = "other-name.txt";
  auto again = (*second)->WriteDocument(late, false, &already_stored);
  REQUIRE(again.ok());
  CHECK(*again == *id);
  CHECK(already_stored);
  CHECK(Value(dir / "db.sqlite", "SELECT path FROM documents") == "sample.txt");
}

TEST_CASE("in a group, a document that fails is rolled back alone; the others are stored",
          "[store][group]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto stored = StoredDocuments::Open(path);
  REQUIRE(stored.ok());
  REQUIRE((*store)->BeginGroup().ok());
  CHECK((*store)->InGroup());
  REQUIRE((*store)->WriteDocument(SampleRow("first"), false).ok());
  DocumentRow bad = SampleRow("bad");
  bad.path = "bad.txt";
  // Fails late in its write (after its document, pages, contract and some
  // search rows): an actor role out of the enumeration, which the CHECK
  // refuses.
  bad.records.contracts[0].actors[0].role = static_cast<ActorRole>(99);
  auto failed = (*store)->WriteDocument(bad, false);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().message().find("bad.txt") != std::string::npos);
  CHECK((*store)->GroupAlive());
  REQUIRE((*store)->WriteDocument(SampleRow("third"), false).ok());
  // The group is neither durable nor visible to another connection yet.
  CHECK_FALSE((*stored)->Contains("first"));
  REQUIRE((*store)->CommitGroup().ok());
  CHECK_FALSE((*store)->InGroup());
  CHECK((*stored)->Contains("first"));
  CHECK((*stored)->Contains("third"));
  CHECK_FALSE((*stored)->Contains("bad"));
  CHECK(RowCount(**store, "documents") == 2);
  CHECK(RowCount(**store, "contracts") == 2);
  CHECK(RowCount(**store, "actors") == 2);
  CHECK(RowCount(**store, "pages") == 2);
  CHECK(Value(path, "SELECT count(*) FROM documents WHERE sha256 = 'bad'") == "0");
  // Nothing of the failed document is left in the index either.
  CHECK(Value(path,
              "SELECT count(*) FROM search WHERE document_id NOT IN"
              " (SELECT id FROM documents)") == "0");
  CHECK(Value(path, "SELECT count(DISTINCT document_id) FROM search") == "2");
  auto integrity = (*store)->IntegrityCheck();
  REQUIRE(integrity.ok());
  CHECK(*integrity == "ok");
  // A document of the group can be written again outside it.
  CHECK((*store)->WriteDocument(SampleRow("fourth"), false).ok());
  CHECK(RowCount(**store, "documents") == 3);
}

TEST_CASE("a group's index rows are those its documents get written one by one",
          "[store][group][search]") {
  testing::TempDir dir;
  const std::string alone = dir / "alone.sqlite", grouped = dir / "grouped.sqlite";
  const char* const shas[] = {"first", "second", "third"};
  {
    auto store = Store::Open(alone);
    REQUIRE(store.ok());
    for (const char* sha : shas) REQUIRE((*store)->WriteDocument(SampleRow(sha), false).ok());
  }
  {
    auto store = Store::Open(grouped);
    REQUIRE(store.ok());
    REQUIRE((*store)->BeginGroup().ok());
    for (const char* sha : shas) REQUIRE((*store)->WriteDocument(SampleRow(sha), false).ok());
    REQUIRE((*store)->CommitGroup().ok());
  }
  const std::string index_rows =
      "SELECT group_concat(d.sha256 || ':' || (s.rowid - (s.document_id << 32)) || ':' ||"
      " s.kind || ':' || s.text, '|') FROM (SELECT * FROM search ORDER BY rowid) s"
      " JOIN documents d ON d.id = s.document_id";
  CHECK(Value(grouped, index_rows) == Value(alone, index_rows));
  CHECK(Value(grouped, "SELECT count(*) FROM search") == "9");
  CHECK(Value(grouped, "SELECT count(*) FROM search WHERE search MATCH 'medecins'") == "3");
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(grouped.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "INSERT INTO search(search) VALUES ('integrity-check')", nullptr, nullptr,
                     nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

TEST_CASE("a document replaced within its group leaves no index rows behind",
          "[store][group][search]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->BeginGroup().ok());
  REQUIRE((*store)->WriteDocument(SampleRow("first"), false).ok());
  DocumentRow failing = SampleRow("first");
  failing.records.contracts[0].actors[0].role = static_cast<ActorRole>(99);
  // A replacement that fails keeps the first version and its rows.
  REQUIRE_FALSE((*store)->WriteDocument(failing, true).ok());
  REQUIRE((*store)->CommitGroup().ok());
  CHECK(Value(path, "SELECT count(*) FROM search") == "3");
  REQUIRE((*store)->BeginGroup().ok());
  REQUIRE((*store)->WriteDocument(SampleRow("second"), false).ok());
  auto replaced = (*store)->WriteDocument(SampleRow("second"), true);
  REQUIRE(replaced.ok());
  REQUIRE((*store)->CommitGroup().ok());
  CHECK(Value(path, "SELECT count(*) FROM search") == "6");
  CHECK(Value(path,
              "SELECT count(*) FROM search WHERE document_id NOT IN"
              " (SELECT id FROM documents)") == "0");
  CHECK(Value(path, "SELECT count(*) FROM search WHERE document_id = " +
                        std::to_string(*replaced)) == "3");
}

TEST_CASE("a group never committed leaves nothing of its documents", "[store][group]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->WriteDocument(SampleRow("before"), false).ok());
    REQUIRE((*store)->BeginGroup().ok());
    REQUIRE((*store)->WriteDocument(SampleRow("lost"), false).ok());
    REQUIRE((*store)->WriteDocument(SampleRow("lost too"), false).ok());
  }  // closed (as by a crash) before CommitGroup
  CHECK(Value(path, "SELECT group_concat(sha256) FROM documents") == "before");
  CHECK(Value(path, "SELECT count(*) FROM pages") == "1");
  CHECK(Value(path, "SELECT count(DISTINCT document_id) FROM search") == "1");
}

// A database as version `version` of clsdb left it: meta, that version's
// documents table, then `rows` (more tables and rows).  Returns its path.
std::string OldDatabase(const std::string& path, int version, const std::string& rows) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  const std::string sql =
      "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
      "INSERT INTO meta VALUES ('schema_version', '" +
      std::to_string(version) +
      "');"
      "CREATE TABLE documents(id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE,"
      " path TEXT NOT NULL, format TEXT NOT NULL, doc_type TEXT, title TEXT,"
      " page_count INTEGER, status TEXT NOT NULL, error TEXT, encoding TEXT,"
      " size_bytes INTEGER, ingested_at TEXT NOT NULL, pipeline_version TEXT NOT NULL" +
      std::string(version >= 3 ? ", attempts INTEGER NOT NULL DEFAULT 1,"
                                 " transient INTEGER NOT NULL DEFAULT 0"
                               : "") +
      ");" + rows;
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  return path;
}

TEST_CASE("a version 2 database gains attempts, and its transient failures are marked", "[store]") {
  testing::TempDir dir;
  const std::string path =
      OldDatabase(dir / "v2.sqlite", 2,
                  "INSERT INTO documents VALUES (1, 'aa', 'slow.pdf', 'pdf', NULL, NULL, 0,"
                  " 'failed', 'Limit exceeded: PDF reader timed out after 900 s', NULL, 10,"
                  " 'then', '0.1.0');"
                  "INSERT INTO documents VALUES (2, 'bb', 'bad.pdf', 'pdf', NULL, NULL, 0,"
                  " 'failed', 'Corrupt input: not a PDF (no %PDF- header)', NULL, 10, 'then',"
                  " '0.1.0');");
  auto store = Store::Open(path);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  store->reset();
  CHECK(Value(path, "SELECT value FROM meta WHERE key = 'schema_version'") ==
        std::to_string(kSchemaVersion));
  CHECK(Value(path,
              "SELECT group_concat(path || ':' || transient || ':' || attempts, ' ') FROM"
              " (SELECT * FROM documents ORDER BY id)") == "slow.pdf:1:1 bad.pdf:0:1");
}

TEST_CASE("a version 3 database's diagnostics gain codes and pages from their messages",
          "[store]") {
  testing::TempDir dir;
  const std::string path =
      OldDatabase(dir / "v3.sqlite", 3,
                  "CREATE TABLE diagnostics(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL"
                  " REFERENCES documents(id) ON DELETE CASCADE, stage TEXT NOT NULL,"
                  " page INTEGER, message TEXT NOT NULL);"
                  "INSERT INTO documents VALUES (1, 'aa', 'scan.pdf', 'pdf', 'other', NULL, 12,"
                  " 'partial', 'page 12 has no text layer', NULL, 10, 'then', '0.1.0', 1, 0);"
                  "INSERT INTO diagnostics VALUES (1, 1, 'layout', 0, 'page 12 has no text layer');"
                  "INSERT INTO diagnostics VALUES (2, 1, 'read', 0, 'page 3: OCR read it with a"
                  " low mean word confidence (41/100): its text may hold misread words');"
                  "INSERT INTO diagnostics VALUES (3, 1, 'read', 0, 'page 5: no text layer, and"
                  " OCR found no text on it');"
                  "INSERT INTO diagnostics VALUES (4, 1, 'read', 0, 'something else');");
  auto store = Store::Open(path);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  store->reset();
  CHECK(Value(path, "SELECT value FROM meta WHERE key = 'schema_version'") ==
        std::to_string(kSchemaVersion));
  CHECK(Value(path,
              "SELECT group_concat(code || '@' || page, ' ') FROM (SELECT * FROM diagnostics"
              " ORDER BY id)") ==
        "layout.page_without_text@12 read.ocr_low_confidence@3 read.ocr_blank_page@5 @0");
  REQUIRE(Store::Open(path).ok());  // nothing migrated twice
}

TEST_CASE("diagnostics are stored with their code, detail and span in characters", "[store]") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  DocumentRow row = SampleRow("dd");
  Diagnostic d = MakeDiagnostic(DiagnosticCode::kContractWithoutParty, 1,
                                "contract 1: no party found", "seen: Entre");
  d.prov = {1, 32, 54, "contract.title"};  // bytes; characters 30-52 (see SampleRow)
  row.records.diagnostics.push_back(d);
  REQUIRE((*store)->WriteDocument(row, false).ok());
  store->reset();
  CHECK(Value(dir / "db.sqlite",
              "SELECT stage || '|' || code || '|' || page || '|' || span_start || '|' ||"
              " span_end || '|' || rule || '|' || message || '|' || detail FROM diagnostics") ==
        "extract|extract.contract_without_party|1|30|52|contract.title|contract 1: no party "
        "found|seen: Entre");
}

}  // namespace
}  // namespace clsdb

#include <filesystem>

#include "identity/identity.h"
#include "pipeline/pipeline.h"
#include "test_paths.h"

namespace clsdb {
namespace {

ContentFingerprint FingerprintOf(const std::string& words) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += words + " " + std::to_string(i) + "\n";
  return FingerprintPages({text});
}

TEST_CASE("a document's fingerprint and link are stored and found again", "[store][identity]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  DocumentRow first = SampleRow("aa");
  first.fingerprint = FingerprintOf("le contrat local de santé du territoire");
  REQUIRE(first.fingerprint.shingles > 0);
  auto first_id = (*store)->WriteDocument(first, false);
  REQUIRE(first_id.ok());

  // The look-up by band keys finds it, its signature as written.
  auto candidates = (*store)->SameContentCandidates(first.fingerprint.bands, "other-sha");
  REQUIRE(candidates.ok());
  REQUIRE(candidates->size() == 1);
  CHECK((*candidates)[0].document_id == *first_id);
  CHECK((*candidates)[0].same_as == 0);
  CHECK((*candidates)[0].fingerprint.shingles == first.fingerprint.shingles);
  CHECK((*candidates)[0].fingerprint.minhash == first.fingerprint.minhash);
  // Never the document being replaced, never a later one.
  CHECK((*store)->SameContentCandidates(first.fingerprint.bands, "aa")->empty());
  CHECK((*store)->SameContentCandidates(first.fingerprint.bands, "", *first_id)->empty());
  // Unrelated keys find nothing.
  CHECK(
      (*store)->SameContentCandidates(FingerprintOf("autre chose entièrement").bands, "")->empty());

  DocumentRow copy = SampleRow("bb");
  copy.path = "sample.pdf";
  copy.fingerprint = first.fingerprint;
  copy.same_as = *first_id;
  auto copy_id = (*store)->WriteDocument(copy, false);
  REQUIRE(copy_id.ok());
  CHECK((*store)->Summarize()->same_content_documents == 1);
  store->reset();
  CHECK(Value(path,
              "SELECT group_concat(path || ':' || ifnull(same_as, '-'), ' ') FROM"
              " (SELECT * FROM documents ORDER BY id)") ==
        "sample.txt:- sample.pdf:" + std::to_string(*first_id));
  CHECK(Value(path, "SELECT count(*) FROM content_bands") == std::to_string(2 * kBands));
  CHECK(Value(path, "SELECT length(minhash) FROM content_fingerprints LIMIT 1") ==
        std::to_string(8 * kMinHashSlots));

  // Replacing the original (--force) links the copy to its new version,
  // never to the row that is gone.
  store = Store::Open(path);
  REQUIRE(store.ok());
  auto replaced_id = (*store)->WriteDocument(first, true);
  REQUIRE(replaced_id.ok());
  CHECK(*replaced_id != *first_id);
  store->reset();
  CHECK(Value(path, "SELECT ifnull(same_as, 'null') FROM documents WHERE sha256 = 'bb'") ==
        std::to_string(*replaced_id));
  CHECK(Value(path, "SELECT count(*) FROM content_bands") == std::to_string(2 * kBands));
}

TEST_CASE("a version 3 database of a landed build is upgraded step by step, its documents linked",
          "[store][identity]") {
  testing::TempDir dir;
  const std::string path = dir / "v3.sqlite";
  std::filesystem::copy_file(testing::SourceDir() / "tests/data/store/v3_landed.sqlite", path);
  REQUIRE(Value(path, "SELECT value FROM meta WHERE key = 'schema_version'") == "3");
  const std::string before = Value(path, "SELECT count(*) FROM actors");
  auto store = Store::Open(path);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  CHECK(Value(path, "SELECT value FROM meta WHERE key = 'schema_version'") ==
        std::to_string(kSchemaVersion));
  // The rows are as they were; identity is not decided yet, organisations
  // not resolved (5 -> 6: the links are there, empty).
  CHECK(Value(path, "SELECT count(*) FROM actors") == before);
  CHECK(Value(path, "SELECT count(*) FROM actors WHERE organization_id IS NULL") == before);
  CHECK(Value(path,
              "SELECT count(*) FROM pragma_table_info('parties') WHERE name = "
              "'organization_id'") == "1");
  CHECK(Value(path, "SELECT count(*) FROM organizations") == "0");
  CHECK(Value(path, "SELECT count(*) FROM documents WHERE same_as IS NULL") == "2");
  auto pending = (*store)->DocumentsWithoutFingerprint();
  REQUIRE(pending.ok());
  CHECK(*pending == std::vector<long long>{1, 2});

  // The next ingest's first step: document 2, the same deliberation with
  // other line breaks and hyphenation, repeats document 1.
  long long fingerprinted = 0, linked = 0;
  REQUIRE(IdentifyStoredDocuments(**store, &fingerprinted, &linked).ok());
  CHECK(fingerprinted == 2);
  CHECK(linked == 1);
  CHECK((*store)->DocumentsWithoutFingerprint()->empty());
  store->reset();
  CHECK(Value(path,
              "SELECT group_concat(id || ':' || ifnull(same_as, '-'), ' ') FROM"
              " (SELECT * FROM documents ORDER BY id)") == "1:- 2:1");
  // Done once: opening again changes nothing.
  store = Store::Open(path);
  REQUIRE(store.ok());
  fingerprinted = linked = 0;
  REQUIRE(IdentifyStoredDocuments(**store, &fingerprinted, &linked).ok());
  CHECK(fingerprinted == 0);
}

}  // namespace
}  // namespace clsdb

namespace clsdb {
namespace {

// The words core/kinds.h names are the words the schema's CHECKs admit: a
// value added to an enumeration without its word in the schema would fail
// every write that uses it.
template <typename E>
void CheckWordsInSchema(const std::string& column, std::initializer_list<E> values) {
  const std::string schema = kSchemaSql;
  const size_t check = schema.find("CHECK (" + column + " = ");
  REQUIRE(check != std::string::npos);
  const std::string admitted = schema.substr(check, schema.find(')', check) - check);
  size_t words = 0;
  for (E v : values) {
    INFO(column << ": " << Name(v));
    CHECK(admitted.find(std::string("'") + Name(v) + "'") != std::string::npos);
    CHECK(Parse<E>(Name(v)) == v);
    ++words;
  }
  CHECK(static_cast<size_t>(std::count(admitted.begin(), admitted.end(), '\'')) == 2 * words);
}

TEST_CASE("the schema admits exactly the words of core/kinds.h", "[store][kinds]") {
  CheckWordsInSchema("doc_type",
                     {DocumentType::kDeliberation, DocumentType::kContract,
                      DocumentType::kPressRelease, DocumentType::kNote, DocumentType::kOther});
  CheckWordsInSchema("format", {SourceFormat::kPdf, SourceFormat::kText});
  CheckWordsInSchema("role", {ActorRole::kPilot, ActorRole::kPartner, ActorRole::kFunder});
  CheckWordsInSchema(
      "kind", {IndicatorKind::kQuantitative, IndicatorKind::kQualitative, IndicatorKind::kOther});
  CheckWordsInSchema("status",
                     {DocumentStatus::kOk, DocumentStatus::kPartial, DocumentStatus::kFailed});
  CHECK_FALSE(Parse<DocumentType>("contrat").has_value());
}

}  // namespace
}  // namespace clsdb
