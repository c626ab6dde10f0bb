#include "store/search.h"

#include <catch2/catch.hpp>

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
  row.format = "pdf";
  row.status = "ok";
  row.page_count = 3;
  for (int p = 1; p <= 3; ++p) row.pages.push_back({p, "page", true});
  row.records.doc_type = "contract";
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
  i.kind = "quantitative";
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

}  // namespace
}  // namespace clsdb
