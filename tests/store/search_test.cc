#include "store/search.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <set>

#include "store/store.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

// A database with one contract: an article on mental health, an action on
// the same, an operation, and an indicator on the operation.
std::string SampleDatabase(const testing::TempDir& dir) {
  const std::string path = dir / "db.sqlite";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  DocumentRow row;
  row.sha256 = "s1";
  row.path = "cls_avesnois.pdf";
  row.format = SourceFormat::kPdf;
  row.status = DocumentStatus::kOk;
  row.page_count = 3;
  for (int p = 1; p <= 3; ++p) row.pages.push_back({p, "page", true});
  row.records.doc_type = DocumentType::kContract;
  Contract c;
  c.title = "Contrat local de santé de l'Avesnois";
  c.articles.push_back({"4",
                        "Santé mentale",
                        "Le conseil local de santé mentale coordonne.",
                        {2, 0, 4, "articles.heading"}});
  Action a;
  a.code = "2.1";
  a.title = "Prévenir la souffrance psychique des jeunes";
  a.description = "Former des « sentinelles » en santé mentale";
  a.prov = {3, 0, 4, "plan.action"};
  c.actions.push_back(a);
  Operation o;
  o.action_index = 0;
  o.title = "Premiers secours en santé mentale";
  o.prov = {3, 0, 2, "table.operation"};
  c.operations.push_back(o);
  Indicator i;
  i.operation_index = 0;
  i.kind = IndicatorKind::kQuantitative;
  i.text = "Nombre de personnes formées";
  i.prov = {3, 1, 3, "table.indicator"};
  c.indicators.push_back(i);
  row.records.contracts.push_back(c);
  REQUIRE((*store)->WriteDocument(row, false).ok());
  return path;
}

TEST_CASE("search finds every kind, best first, with page and contract", "[store][search]") {
  testing::TempDir dir;
  const std::string db = SampleDatabase(dir);
  SearchQuery q;
  q.words = "sante mentale";  // accents and case ignored
  auto hits = SearchDatabase(db, q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 3);  // the article, the action, the operation
  for (const SearchHit& h : *hits) {
    CHECK(h.path == "cls_avesnois.pdf");
    CHECK(h.contract_title == "Contrat local de santé de l'Avesnois");
    CHECK(h.snippet.find("[") != std::string::npos);
    CHECK(h.page == (h.kind == "article" ? 2 : 3));
  }

  q.kind = "action";
  hits = SearchDatabase(db, q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK(hits->at(0).kind == "action");

  q.kind = "";
  q.words = "personnes formées";
  hits = SearchDatabase(db, q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK(hits->at(0).kind == "indicator");
  CHECK(hits->at(0).contract_title == "Contrat local de santé de l'Avesnois");
}

TEST_CASE("search words are words, never FTS5 syntax or SQL", "[store][search]") {
  testing::TempDir dir;
  const std::string db = SampleDatabase(dir);
  for (const char* words : {"santé OR", "\"santé", "santé NEAR(", "-mentale", "kind:article",
                            "'; DROP TABLE search; --", "santé*", "()", "^santé"}) {
    INFO(words);
    SearchQuery q;
    q.words = words;
    auto hits = SearchDatabase(db, q);
    REQUIRE(hits.ok());  // no syntax error whatever the words
  }
  SearchQuery q;
  q.words = "'; DROP TABLE search; --";
  REQUIRE(SearchDatabase(db, q).ok());
  q.words = "mentale";
  auto still = SearchDatabase(db, q);
  REQUIRE(still.ok());
  CHECK(still->size() == 3);
  CHECK(QuoteWords(" a \"b\"  c ") == "\"a\" \"\"\"b\"\"\" \"c\"");
}

TEST_CASE("raw FTS5 queries work, and their syntax errors are clear", "[store][search]") {
  testing::TempDir dir;
  const std::string db = SampleDatabase(dir);
  SearchQuery q;
  q.raw_syntax = true;
  q.words = "\"santé mentale\" NOT jeunes";
  auto hits = SearchDatabase(db, q);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 2);  // the article and the operation
  q.words = "santé AND (";
  auto bad = SearchDatabase(db, q);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kInvalidArgument);
  CHECK(bad.status().message().find("syntax error") != std::string::npos);
}

TEST_CASE("search refuses what it cannot do, naming why", "[store][search]") {
  testing::TempDir dir;
  SearchQuery q;
  q.words = "santé";
  auto missing = SearchDatabase(dir / "absent.sqlite", q);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  const std::string not_db = dir.Write("notes.sqlite", "not a database at all, just words");
  auto garbage = SearchDatabase(not_db, q);
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.status().code() == Status::Code::kIOError);
  const std::string db = SampleDatabase(dir);
  q.kind = "party";
  CHECK(SearchDatabase(db, q).status().code() == Status::Code::kInvalidArgument);
  q.kind = "";
  q.words = "   ";
  CHECK(SearchDatabase(db, q).status().code() == Status::Code::kInvalidArgument);
}

long long Count(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const long long n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

TEST_CASE("a replaced document's index rows go, found by their rowid range", "[store][search]") {
  testing::TempDir dir;
  const std::string db = SampleDatabase(dir);
  // Each document's rows are (document id << 32) + 1, 2, ...
  const long long rows = Count(db, "SELECT count(*) FROM search");
  REQUIRE(rows >= 3);
  CHECK(Count(db, "SELECT count(*) FROM search WHERE rowid >> 32 = document_id") == rows);
  // A row as an earlier version wrote it (a small rowid), for the same document.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw,
                       "INSERT INTO search(rowid, text, kind, ref_id, document_id)"
                       " SELECT 7, 'ancienne ligne', kind, ref_id, document_id FROM search LIMIT 1",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  CHECK(Count(db, "SELECT count(*) FROM search") == rows + 1);

  auto store = Store::Open(db);
  REQUIRE(store.ok());
  DocumentRow other;
  other.sha256 = "s2";
  other.path = "autre.pdf";
  other.format = SourceFormat::kPdf;
  other.status = DocumentStatus::kOk;
  other.page_count = 1;
  other.pages.push_back({1, "page", true});
  Contract c;
  c.articles.push_back({"1", "Objet", "Le contrat porte sur la santé.", {1, 0, 4, "a"}});
  other.records.contracts.push_back(c);
  REQUIRE((*store)->WriteDocument(other, false).ok());
  CHECK(Count(db, "SELECT count(*) FROM search") == rows + 2);

  // --force on the first document: its rows and its old one go, the
  // other document's row stays.
  DocumentRow again;
  again.sha256 = "s1";
  again.path = "cls_avesnois.pdf";
  again.format = SourceFormat::kPdf;
  again.status = DocumentStatus::kOk;
  again.page_count = 1;
  again.pages.push_back({1, "page", true});
  REQUIRE((*store)->WriteDocument(again, true).ok());
  CHECK(Count(db, "SELECT count(*) FROM search") == 1);
  CHECK(Count(db, "SELECT count(*) FROM search WHERE search MATCH 'objet'") == 1);
}

}  // namespace
}  // namespace clsdb

namespace clsdb {
namespace {

TEST_CASE("search shows each content once: a copy's hits give way to its original's",
          "[store][search]") {
  testing::TempDir dir;
  const std::string db = SampleDatabase(dir);  // document 1, cls_avesnois.pdf
  {
    auto store = Store::Open(db);
    REQUIRE(store.ok());
    // The text of the same contract, as the writer links it.
    DocumentRow text;
    text.sha256 = "s2";
    text.path = "cls_avesnois.txt";
    text.format = SourceFormat::kText;
    text.status = DocumentStatus::kOk;
    text.page_count = 1;
    text.pages.push_back({1, "page", true});
    text.records.doc_type = DocumentType::kContract;
    Contract c;
    c.title = "Contrat local de santé de l'Avesnois";
    Action a;
    a.code = "2.1";
    a.title = "Prévenir la souffrance psychique des jeunes";
    c.actions.push_back(a);
    text.records.contracts.push_back(c);
    text.same_as = 1;
    REQUIRE((*store)->WriteDocument(text, false).ok());
    // And an unlinked document with the same words: a different content.
    text.sha256 = "s3";
    text.path = "cls_sambre.txt";
    text.same_as.reset();
    REQUIRE((*store)->WriteDocument(text, false).ok());
  }
  SearchQuery q;
  q.words = "souffrance psychique";
  auto hits = SearchDatabase(db, q);
  REQUIRE(hits.ok());
  std::vector<std::string> paths;
  for (const SearchHit& h : *hits) paths.push_back(h.path);
  std::sort(paths.begin(), paths.end());
  CHECK(paths == std::vector<std::string>{"cls_avesnois.pdf", "cls_sambre.txt"});
}

}  // namespace
}  // namespace clsdb

namespace clsdb {
namespace {

// Two contracts of two territories, each with an orientation, an objective,
// an action and its pilot on addictions, and an act that approves the
// second.
std::string TwoContractDatabase(const testing::TempDir& dir) {
  const std::string path = dir / "two.sqlite";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  DocumentRow row;
  row.sha256 = "two";
  row.path = "cls_deux.txt";
  row.format = SourceFormat::kText;
  row.page_count = 1;
  row.pages.push_back({1, "page", true});
  row.records.doc_type = DocumentType::kDeliberation;
  for (const char* territory : {"Sud Artois", "Pays de Saint-Omer"}) {
    Contract c;
    c.title = std::string("Contrat local de santé ") + territory;
    c.territory = territory;
    c.orientations.push_back({"1", "Prévenir les addictions", {}});
    Objective ob;
    ob.orientation_index = 0;
    ob.title = "Réduire les addictions des jeunes";
    c.objectives.push_back(ob);
    Action a;
    a.orientation_index = 0;
    a.title = "Repérer les addictions";
    c.actions.push_back(a);
    Actor pilot;
    pilot.action_index = 0;
    pilot.role = ActorRole::kPilot;
    pilot.name = "Association Addictions France";
    c.actors.push_back(pilot);
    row.records.contracts.push_back(c);
  }
  Deliberation d;
  d.title = "Approbation du contrat local de santé : addictions et santé mentale";
  d.approves.push_back({1, {}});
  row.records.deliberations.push_back(d);
  REQUIRE((*store)->WriteDocument(row, false).ok());
  return path;
}

std::multiset<std::string> Kinds(const std::vector<SearchHit>& hits) {
  std::multiset<std::string> kinds;
  for (const SearchHit& h : hits) kinds.insert(h.kind);
  return kinds;
}

TEST_CASE("orientations, objectives, actors and acts are searched too", "[store][search]") {
  testing::TempDir dir;
  const std::string db = TwoContractDatabase(dir);
  SearchQuery q;
  q.words = "addictions";
  q.limit = 0;
  long long total = 0;
  auto hits = SearchDatabase(db, q, &total);
  REQUIRE(hits.ok());
  CHECK(Kinds(*hits) == std::multiset<std::string>{"orientation", "orientation", "objective",
                                                   "objective", "action", "action", "actor",
                                                   "actor", "deliberation"});
  CHECK(total == static_cast<long long>(hits->size()));
  for (const SearchHit& h : *hits) {
    CHECK(h.contract_id.has_value() == (h.kind != "deliberation"));
    if (h.contract_id) CHECK(h.contract_title == "Contrat local de santé " + h.territory);
  }
  q.kind = "actor";
  hits = SearchDatabase(db, q);
  REQUIRE(hits.ok());
  CHECK(Kinds(*hits) == std::multiset<std::string>{"actor", "actor"});
}

TEST_CASE("search narrows to a contract or a territory; an act goes with what it approves",
          "[store][search]") {
  testing::TempDir dir;
  const std::string db = TwoContractDatabase(dir);
  SearchQuery q;
  q.words = "addictions";
  q.limit = 0;
  q.territory = "saint-omer";  // case aside
  auto hits = SearchDatabase(db, q);
  REQUIRE(hits.ok());
  REQUIRE(!hits->empty());
  std::set<long long> contracts;
  for (const SearchHit& h : *hits) {
    if (h.contract_id) contracts.insert(*h.contract_id);
    if (h.contract_id) CHECK(h.territory == "Pays de Saint-Omer");
  }
  REQUIRE(contracts.size() == 1);
  CHECK(Kinds(*hits).count("deliberation") == 1);  // it approves Saint-Omer's contract
  // The same hits by the contract's id; the other contract's have no act.
  q.territory.clear();
  q.contract_id = *contracts.begin();
  auto by_id = SearchDatabase(db, q);
  REQUIRE(by_id.ok());
  CHECK(Kinds(*by_id) == Kinds(*hits));
  q.contract_id.reset();
  q.territory = "Sud Artois";
  auto other = SearchDatabase(db, q);
  REQUIRE(other.ok());
  CHECK(Kinds(*other).count("deliberation") == 0);
  CHECK(other->size() + 1 == hits->size());
}

TEST_CASE("the total counts every hit when the limit shows fewer", "[store][search]") {
  testing::TempDir dir;
  const std::string db = TwoContractDatabase(dir);
  SearchQuery q;
  q.words = "addictions";
  q.limit = 0;
  auto all = SearchDatabase(db, q);
  REQUIRE(all.ok());
  REQUIRE(all->size() > 3);
  q.limit = 3;
  long long total = 0;
  auto some = SearchDatabase(db, q, &total);
  REQUIRE(some.ok());
  CHECK(some->size() == 3);
  CHECK(total == static_cast<long long>(all->size()));
}

}  // namespace
}  // namespace clsdb
