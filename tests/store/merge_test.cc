// clsdb merge: shards ingested apart, merged, equal one run; merging again
// changes nothing; a killed shard rerun merges the same; what merge refuses.
// The batch is the crash tests' (~40 documents, tests/hostile/batch.h),
// ingested by the real executable.
#include "store/merge.h"

#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "hostile/batch.h"
#include "hostile/hostile_util.h"
#include "pipeline/pipeline.h"
#include "store/canonical_dump.h"
#include "store/schema.sql.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;
using testing::CanonicalDump;
using testing::Db;
using testing::RunClsdb;

constexpr int kShards = 4;

using Dump = std::map<std::string, std::vector<std::string>>;

// Every table of a, compared with b's, one CHECK per table so that a
// failure names it.
void CheckSameTables(const Dump& a, const Dump& b) {
  std::set<std::string> names;
  for (const auto& [t, rows] : a) names.insert(t);
  for (const auto& [t, rows] : b) names.insert(t);
  for (const std::string& t : names) {
    INFO("table " << t);
    REQUIRE(a.count(t) == 1);
    REQUIRE(b.count(t) == 1);
    CHECK(a.at(t).size() == b.at(t).size());
    CHECK(a.at(t) == b.at(t));
  }
}

// The documents of each content, by sha256: one sorted line per content.
// Merge recomputes content identity (merge.h), across shards.
std::vector<std::string> ContentGroups(const std::string& path) {
  std::vector<std::string> groups;
  for (const auto& row : Db(path).Query(
           "SELECT group_concat(sha256, ' ') FROM (SELECT sha256, coalesce(same_as, id) AS g"
           " FROM documents ORDER BY sha256) GROUP BY g")) {
    groups.push_back(row[0]);
  }
  std::sort(groups.begin(), groups.end());
  return groups;
}

// Every row of every table, ids and runs included, in rowid order: "nothing
// changed" means this is equal.
Dump RawRows(const std::string& path) {
  Db db(path);
  Dump rows;
  for (const auto& t :
       db.Query("SELECT name FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE "
                "'sqlite_%' AND type <> 'shadow'")) {
    for (const auto& row : db.Query("SELECT * FROM \"" + t[0] + "\" ORDER BY rowid")) {
      std::string line;
      for (const auto& v : row) line += v + "\x1f";
      rows[t[0]].push_back(line);
    }
  }
  return rows;
}

std::vector<std::string> IngestArgs(const std::string& db, const std::string& in,
                                    const std::string& shard = "") {
  std::vector<std::string> args = {"ingest", "--jobs", "2", "--ocr", "off", "--db", db, in};
  if (!shard.empty()) {
    args.push_back("--shard");
    args.push_back(shard);
  }
  return args;
}

void Ingest(const std::vector<std::string>& args) {
  const testing::RunResult r = RunClsdb(args, 120);
  INFO(r.output);
  REQUIRE(!r.timed_out);
  REQUIRE(r.code <= 1);  // 1: a document of the batch failed, as in any run
}

testing::RunResult Merge(const std::string& out, const std::vector<std::string>& shards) {
  std::vector<std::string> args = {"merge", "--db", out};
  args.insert(args.end(), shards.begin(), shards.end());
  return RunClsdb(args, 60);
}

// The batch, one database of it, and kShards shard databases of it.
struct Sharded {
  testing::TempDir dir;
  std::string in = dir / "in";
  std::string one = dir / "one.sqlite";
  std::vector<std::string> shards;
  size_t files = 0;

  Sharded() {
    files = testing::MakeBatch(dir, "in").size();
    Ingest(IngestArgs(one, in));
    for (int k = 0; k < kShards; ++k) {
      shards.push_back(dir / ("shard-" + std::to_string(k) + ".sqlite"));
      Ingest(IngestArgs(shards.back(), in, std::to_string(k) + "/" + std::to_string(kShards)));
    }
  }
};

// Made once for the test cases that read it (five ingests of the batch);
// each writes its own files beside it.
const Sharded& Batch() {
  static const Sharded batch;
  return batch;
}

TEST_CASE("the merge plan covers every table of the schema", "[merge]") {
  Result<std::vector<TableMergeRule>> plan = MergePlan(kSchemaSql);
  INFO(plan.status().ToString());
  REQUIRE(plan.ok());
  std::set<std::string> planned;
  for (const TableMergeRule& rule : *plan) planned.insert(rule.table);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, kSchemaSql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db,
                             "SELECT name FROM pragma_table_list WHERE schema = 'main' AND "
                             "name NOT LIKE 'sqlite_%'",
                             -1, &stmt, nullptr) == SQLITE_OK);
  int tables = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    INFO("table " << name);
    CHECK(planned.count(name) == 1);
    ++tables;
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  CHECK(tables >= 20);
  CHECK(planned.size() == static_cast<size_t>(tables));

  // Parents come before their children, so that a child's parent ids are
  // already renumbered when it is copied.
  std::set<std::string> seen;
  for (const TableMergeRule& rule : *plan) {
    for (const auto& fk : rule.foreign_keys) {
      INFO(rule.table << "." << fk.column << " -> " << fk.parent);
      if (fk.parent == rule.table) {
        // documents.same_as: recomputed after the merge, not copied.
        CHECK(rule.kind == TableMergeRule::Kind::kDocuments);
        continue;
      }
      CHECK(seen.count(fk.parent) == 1);
    }
    seen.insert(rule.table);
  }
}

TEST_CASE("the analyst views are the output's own: merge copies none of them", "[merge]") {
  Result<std::vector<TableMergeRule>> plan =
      MergePlan(std::string(kSchemaSql) + kSchemaAfterMigrationSql);
  INFO(plan.status().ToString());
  REQUIRE(plan.ok());
  std::set<std::string> views;
  for (const TableMergeRule& rule : *plan) {
    if (rule.table.rfind("v_", 0) != 0) continue;
    CHECK(rule.kind == TableMergeRule::Kind::kOwn);
    views.insert(rule.table);
  }
  CHECK(views == std::set<std::string>{"v_act_annexes", "v_deliberations", "v_parties", "v_plan"});
}

TEST_CASE("a table added to the schema without a rule for merge fails the plan", "[merge]") {
  const std::string orphan =
      std::string(kSchemaSql) + "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT);";
  Result<std::vector<TableMergeRule>> plan = MergePlan(orphan);
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.status().message().find("notes") != std::string::npos);

  // One with a foreign key to a document is carried like the others.
  const std::string child = std::string(kSchemaSql) +
                            "CREATE TABLE notes(id INTEGER PRIMARY KEY, document_id INTEGER "
                            "REFERENCES documents(id), text TEXT);";
  Result<std::vector<TableMergeRule>> planned = MergePlan(child);
  REQUIRE(planned.ok());
  bool found = false;
  for (const TableMergeRule& rule : *planned) {
    if (rule.table != "notes") continue;
    found = true;
    CHECK(rule.kind == TableMergeRule::Kind::kChild);
    CHECK(rule.has_id);
    REQUIRE(rule.foreign_keys.size() == 1);
    CHECK(rule.foreign_keys[0].parent == "documents");
  }
  CHECK(found);
}

TEST_CASE("merging 4 shards equals one run, table by table; merging again changes nothing",
          "[merge]") {
  const Sharded& batch = Batch();
  // Every file is in exactly one shard.
  long long sharded_documents = 0;
  for (const std::string& shard : batch.shards) {
    const long long n = Db(shard).Count("SELECT count(*) FROM documents");
    CHECK(n > 0);
    sharded_documents += n;
  }
  const long long one_documents = Db(batch.one).Count("SELECT count(*) FROM documents");
  CHECK(sharded_documents == one_documents);
  CHECK(one_documents == static_cast<long long>(batch.files));

  const std::string merged = batch.dir / "merged.sqlite";
  testing::RunResult r = Merge(merged, batch.shards);
  INFO(r.output);
  REQUIRE(r.code == 0);
  CheckSameTables(CanonicalDump(batch.one), CanonicalDump(merged));
  // The batch holds five copies of each text (batch.h): across shards, they
  // are linked as one content, as in one run.
  const std::vector<std::string> groups = ContentGroups(batch.one);
  CHECK(groups.size() < static_cast<size_t>(one_documents));
  CHECK(ContentGroups(merged) == groups);
  CHECK(Db(merged).Count("SELECT count(*) FROM documents WHERE same_as IS NOT NULL") ==
        one_documents - static_cast<long long>(groups.size()));
  {
    Db db(merged);
    CHECK(db.Query("PRAGMA foreign_key_check").empty());
    CHECK(db.Scalar("PRAGMA integrity_check") == "ok");
    // Each shard's ingest run, and one merge run per shard.
    CHECK(db.Count("SELECT count(*) FROM runs WHERE arguments LIKE 'ingest%--shard%'") == kShards);
    CHECK(db.Count("SELECT count(*) FROM runs WHERE arguments LIKE 'merge %'") == kShards);
    CHECK(db.Count("SELECT sum(documents_ok + documents_partial + documents_failed) FROM runs "
                   "WHERE arguments LIKE 'merge %'") == one_documents);
  }

  const Dump before = RawRows(merged);
  r = Merge(merged, batch.shards);
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(
      r.Contains("total: 0 documents added, " + std::to_string(one_documents) + " already there"));
  CheckSameTables(before, RawRows(merged));
  // And one shard twice in the same command.
  r = Merge(merged, {batch.shards[1], batch.shards[1]});
  REQUIRE(r.code == 0);
  CheckSameTables(before, RawRows(merged));

  SECTION("a merge that fails in a shard leaves the output as it was before that shard") {
    // A search row of a kind the schema does not know: merge finds it after
    // it has copied the shard's documents, and must undo them.
    const std::string bad = batch.dir / "bad.sqlite";
    fs::copy_file(batch.shards[2], bad);
    {
      Db db(bad, true);
      db.Query("INSERT INTO search(text, kind, ref_id, document_id) VALUES ('x', 'memo', 1, 1)");
    }
    const std::string partial = batch.dir / "partial.sqlite";
    REQUIRE(Merge(partial, {batch.shards[0]}).code == 0);
    const Dump after_first = RawRows(partial);
    r = Merge(partial, {batch.shards[1], bad});
    INFO(r.output);
    CHECK(r.code == 1);
    CHECK(r.Contains(bad));
    CHECK(r.Contains("memo"));
    // shard 1 stays merged; the bad shard left nothing.
    REQUIRE(Merge(batch.dir / "expected.sqlite", {batch.shards[0], batch.shards[1]}).code == 0);
    CheckSameTables(CanonicalDump(batch.dir / "expected.sqlite"), CanonicalDump(partial));
    CHECK(RawRows(partial).at("documents").size() > after_first.at("documents").size());
  }
}

TEST_CASE("a shard killed mid-run and run again merges to the same database", "[merge][crash]") {
  const Sharded& batch = Batch();
  const std::string killed = batch.dir / "killed.sqlite";
  std::vector<std::string> args = IngestArgs(killed, batch.in, "1/4");
  // Kill when the shard holds some of its documents but not all: a commit
  // per document, so that there is such a moment.
  args.insert(args.end(), {"--commit-every", "1"});
  const long long shard_documents = Db(batch.shards[1]).Count("SELECT count(*) FROM documents");
  REQUIRE(shard_documents >= 3);
  bool killed_mid_shard = false;
  for (int attempt = 0; attempt < 5 && !killed_mid_shard; ++attempt) {
    fs::remove(killed);
    fs::remove(killed + "-wal");
    fs::remove(killed + "-shm");
    const pid_t pid = testing::SpawnClsdb(args);
    const auto start = std::chrono::steady_clock::now();
    long long stored = 0;
    while (testing::SecondsSince(start) < 60 * testing::kSlowdown) {
      try {
        if (fs::exists(killed)) stored = Db(killed).Count("SELECT count(*) FROM documents");
      } catch (const std::exception&) {
        stored = 0;  // the schema is not committed yet
      }
      if (stored >= 1) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    testing::KillGroup(pid);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const long long after = Db(killed).Count("SELECT count(*) FROM documents");
    killed_mid_shard = WIFSIGNALED(status) && after >= 1 && after < shard_documents;
  }
  REQUIRE(killed_mid_shard);
  Ingest(args);  // the same command again
  CHECK(Db(killed).Count("SELECT count(*) FROM documents") == shard_documents);

  const std::string merged = batch.dir / "merged-after-kill.sqlite";
  const testing::RunResult r =
      Merge(merged, {batch.shards[0], killed, batch.shards[2], batch.shards[3]});
  INFO(r.output);
  REQUIRE(r.code == 0);
  CheckSameTables(CanonicalDump(batch.one), CanonicalDump(merged));
  CHECK(ContentGroups(merged) == ContentGroups(batch.one));
}

TEST_CASE("merge refuses a database of another schema version, naming it and both versions",
          "[merge]") {
  testing::TempDir dir;
  const std::string shard = dir / "old.sqlite";
  Ingest({"ingest", "--db", shard,
          (testing::ProjectCorpus() / "documents" / "delib_voirie.txt").string()});
  {
    Db db(shard, true);
    db.Query("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  }
  const std::string out = dir / "out.sqlite";
  testing::RunResult r = Merge(out, {shard});
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK(r.Contains(shard + ": schema version 1"));
  CHECK(r.Contains("schema version " + std::to_string(kSchemaVersion)));
  CHECK_FALSE(fs::exists(out));  // refused before the output was opened

  const std::string text = dir.Write("notes.sqlite", "not a database at all\n");
  r = Merge(out, {text});
  CHECK(r.code == 2);
  CHECK(r.Contains(text + ": not a SQLite database"));
  r = Merge(out, {dir / "absent.sqlite"});
  CHECK(r.code == 2);
  CHECK(r.Contains("absent.sqlite: no such database file"));
  CHECK_FALSE(fs::exists(dir / "absent.sqlite"));
}

TEST_CASE("the same bytes in two shards are stored once, with their rows once", "[merge]") {
  testing::TempDir dir;
  const fs::path source = testing::ProjectCorpus() / "documents" / "cls_fiches_action.txt";
  fs::create_directories(dir.path() / "in");
  // Two names of the same file that fall in different shards of 2.
  std::vector<std::string> names;
  for (int i = 0; names.size() < 2 && i < 100; ++i) {
    const std::string name = "copy_" + std::to_string(i) + ".txt";
    if (ShardOf(name, 2) == static_cast<int>(names.size())) names.push_back(name);
  }
  REQUIRE(names.size() == 2);
  for (const std::string& name : names) fs::copy_file(source, dir.path() / "in" / name);
  std::vector<std::string> shards;
  for (int k = 0; k < 2; ++k) {
    shards.push_back(dir / ("shard-" + std::to_string(k) + ".sqlite"));
    Ingest(IngestArgs(shards.back(), dir / "in", std::to_string(k) + "/2"));
    CHECK(Db(shards.back()).Count("SELECT count(*) FROM documents") == 1);
  }
  const std::string merged = dir / "merged.sqlite";
  const testing::RunResult r = Merge(merged, shards);
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.Contains("1 documents added, 1 already there"));
  // Shard 0's copy is kept, with exactly its rows.
  CheckSameTables(CanonicalDump(shards[0]), CanonicalDump(merged));
}

}  // namespace
}  // namespace clsdb
