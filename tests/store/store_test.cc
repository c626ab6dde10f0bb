#include "store/store.h"

#include <catch2/catch.hpp>

#include "temp_dir.h"

namespace clsdb {
namespace {

DocumentRow SampleRow(const std::string& sha) {
  DocumentRow row;
  row.sha256 = sha;
  row.path = "sample.txt";
  row.format = "text";
  row.status = "ok";
  row.page_count = 1;
  row.pages.push_back({1, "Fait à Évreux, le 3 mars 2024\nCONTRAT LOCAL DE SANTÉ\n", true});
  row.records.doc_type = "contract";
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
  pilot.role = "pilot";
  pilot.name = "CPTS";
  c.actors.push_back(pilot);
  row.records.contracts.push_back(c);
  return row;
}

long long Rows(Store& store, const std::string& table) {
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
  CHECK(Rows(**store, "documents") == 1);
  CHECK(Rows(**store, "contracts") == 1);
  CHECK(Rows(**store, "actors") == 1);
  // Same bytes again: nothing changes, the same id comes back.
  auto again = (*store)->WriteDocument(SampleRow("abc"), false);
  REQUIRE(again.ok());
  CHECK(*again == *id);
  CHECK(Rows(**store, "contracts") == 1);
  // --force replaces the document and its rows.
  auto replaced = (*store)->WriteDocument(SampleRow("abc"), true);
  REQUIRE(replaced.ok());
  CHECK(Rows(**store, "documents") == 1);
  CHECK(Rows(**store, "contracts") == 1);
  CHECK(Rows(**store, "parties") == 1);
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

TEST_CASE("a write that fails leaves nothing behind", "[store]") {
  testing::TempDir dir;
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  DocumentRow row = SampleRow("bad");
  row.records.contracts[0].actors[0].role = "sponsor";  // violates the CHECK constraint
  auto id = (*store)->WriteDocument(row, false);
  REQUIRE_FALSE(id.ok());
  CHECK(id.status().message().find("sample.txt") != std::string::npos);
  CHECK(Rows(**store, "documents") == 0);
  CHECK(Rows(**store, "contracts") == 0);
  CHECK(Rows(**store, "pages") == 0);
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
  CHECK(Rows(**reopened, "documents") == 60);
  auto pages = (*reopened)->ReadPages(1);
  REQUIRE(pages.ok());
  CHECK(pages->at(0).size() > 200000);
}

}  // namespace
}  // namespace clsdb
