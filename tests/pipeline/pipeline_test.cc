#include "pipeline/pipeline.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "query_rows.h"
#include "store/canonical_dump.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

const DocumentOutcome* Find(const IngestReport& report, const std::string& name) {
  for (const auto& d : report.documents) {
    if (std::filesystem::path(d.path).filename() == name) return &d;
  }
  return nullptr;
}

IngestOptions OptionsFor(const testing::TempDir& dir) {
  IngestOptions options;
  options.db_path = dir / "db.sqlite";
  options.rules_dir = testing::RulesDir().string();
  options.jobs = 2;
  return options;
}

TEST_CASE("bad inputs fail with their reason and the batch goes on", "[pipeline]") {
  testing::TempDir dir;
  const auto bad = testing::ProjectCorpus() / "bad";
  auto report =
      Ingest({bad.string(), (testing::ProjectCorpus() / "documents").string()}, OptionsFor(dir));
  REQUIRE(report.ok());
  struct Expect {
    const char* file;
    const char* status;
    const char* reason;  // a piece of the message
  };
  const Expect expects[] = {
      {"empty.txt", "failed", "empty"},
      {"empty.pdf", "failed", "empty"},
      {"not_a_pdf.pdf", "failed", "not a PDF"},
      {"truncated.pdf", "failed", ""},
      {"encrypted.pdf", "failed", "encrypted"},
      {"garbage.txt", "failed", "binary"},
      {"latin1.txt", "ok", ""},
      {"utf16.txt", "ok", ""},
      {"utf16_nobom.txt", "ok", ""},
  };
  for (const Expect& e : expects) {
    INFO(e.file);
    const DocumentOutcome* d = Find(*report, e.file);
    REQUIRE(d != nullptr);
    CHECK(std::string(Name(d->status)) == e.status);
    CHECK(d->message.find(e.reason) != std::string::npos);
  }
  // The good documents of the same batch were all stored.
  CHECK(report->counts.ok >= 7);
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  CHECK(*(*store)->IntegrityCheck() == "ok");
}

TEST_CASE("ingesting the same files twice changes nothing; --force replaces", "[pipeline]") {
  testing::TempDir dir;
  const std::string docs = (testing::ProjectCorpus() / "documents").string();
  auto first = Ingest({docs}, OptionsFor(dir));
  REQUIRE(first.ok());
  REQUIRE(first->counts.ok > 0);
  const auto first_dump = testing::CanonicalDump(dir / "db.sqlite");
  auto second = Ingest({docs}, OptionsFor(dir));
  REQUIRE(second.ok());
  CHECK(second->counts.ok == 0);
  CHECK(second->counts.skipped == first->counts.ok);
  CHECK(second->summary.table_rows == first->summary.table_rows);
  IngestOptions force = OptionsFor(dir);
  force.force = true;
  auto third = Ingest({docs}, force);
  REQUIRE(third.ok());
  CHECK(third->counts.ok == first->counts.ok);
  CHECK(third->summary.table_rows == first->summary.table_rows);
  // The writer deletes the replaced rows itself (store.cc
  // DocumentDeletionSql): every table holds what the first run wrote, no
  // row is left pointing at a deleted one.
  CHECK(testing::CanonicalDump(dir / "db.sqlite") == first_dump);
  CHECK(testing::QueryRows(dir / "db.sqlite", "PRAGMA foreign_key_check").empty());
}

TEST_CASE("--force over a content and its copies keeps each copy linked to the original",
          "[pipeline]") {
  testing::TempDir dir;
  std::ifstream in(testing::ProjectCorpus() / "documents" / "delib_cls_annexe.txt");
  std::stringstream text;
  text << in.rdbuf();
  REQUIRE(text.str().size() > 1000);
  // The same content in other bytes: copies, once the first is stored.
  for (int i = 0; i < 3; ++i) {
    dir.Write("in/copy" + std::to_string(i) + ".txt", text.str() + std::string(i, '\n'));
  }
  const std::string links_sql =
      "SELECT count(*), count(d.same_as), count(o.id) FROM documents d"
      " LEFT JOIN documents o ON o.id = d.same_as AND o.same_as IS NULL";
  auto first = Ingest({dir / "in"}, OptionsFor(dir));
  REQUIRE(first.ok());
  REQUIRE(first->counts.ok == 3);
  CHECK(testing::QueryRows(dir / "db.sqlite", links_sql) ==
        std::vector<std::vector<std::string>>{{"3", "2", "2"}});
  // The original replaced: its copies follow it to its new id, and it does
  // not become a copy of them.
  IngestOptions force = OptionsFor(dir);
  force.force = true;
  auto again = Ingest({dir / "in"}, force);
  REQUIRE(again.ok());
  CHECK(again->counts.ok == 3);
  CHECK(again->counts.failed == 0);
  CHECK(again->linked == 2);
  CHECK(testing::QueryRows(dir / "db.sqlite", links_sql) ==
        std::vector<std::vector<std::string>>{{"3", "2", "2"}});
}

TEST_CASE("a file present twice under two names is stored once", "[pipeline]") {
  testing::TempDir dir;
  std::string text = "COMMUNIQUÉ DE PRESSE\n\nUn texte.\n";
  dir.Write("in/a.txt", text);
  dir.Write("in/b.txt", text);
  dir.Write("in/notes.md", "ignored");
  auto report = Ingest({dir / "in"}, OptionsFor(dir));
  REQUIRE(report.ok());
  CHECK(report->counts.ok == 1);
  CHECK(report->counts.skipped == 2);  // the copy, and the .md file
}

TEST_CASE("a missing path is reported, not fatal", "[pipeline]") {
  testing::TempDir dir;
  auto report = Ingest({dir / "nope.pdf"}, OptionsFor(dir));
  REQUIRE(report.ok());
  CHECK(report->counts.failed == 1);
  REQUIRE(report->documents.size() == 1);
  CHECK(report->documents[0].message.find("no such file") != std::string::npos);
}

TEST_CASE("rules that do not load stop the run before it starts", "[pipeline]") {
  testing::TempDir dir;
  // The repository's rules (the code's required ones among them, checked
  // first) and one bad pattern.
  std::filesystem::copy(testing::RulesDir(), dir / "rules",
                        std::filesystem::copy_options::recursive);
  dir.Write("rules/bad.rules", "[broken]\npattern: (unclosed\nmatch: x\n");
  IngestOptions options = OptionsFor(dir);
  options.rules_dir = dir / "rules";
  auto report = Ingest({(testing::ProjectCorpus() / "documents").string()}, options);
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().message().find("bad.rules:2: [broken]") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "db.sqlite"));
}

TEST_CASE("a new database that cannot be created fails the run once its workers stop",
          "[pipeline]") {
  testing::TempDir dir;
  // The workers of a new database start before it is created: they are
  // stopped, and what they processed is not stored anywhere.
  dir.Write("blocked", "a file where the database's folder should be");
  IngestOptions options = OptionsFor(dir);
  options.db_path = dir / "blocked/db.sqlite";
  auto report = Ingest({(testing::ProjectCorpus() / "documents").string()}, options);
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().message().find("blocked/db.sqlite") != std::string::npos);
  CHECK(std::filesystem::is_regular_file(dir / "blocked"));
}

}  // namespace
}  // namespace clsdb
