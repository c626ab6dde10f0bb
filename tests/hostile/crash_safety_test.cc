// kill -9 in the middle of a batch, then the same command again: the
// database ends exactly as after one clean run.  This is what "one
// transaction per document" and "a stored file is recognised by its sha256"
// promise together.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "batch.h"
#include "hostile_util.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;
using testing::Db;

// Rows per table, FTS index included.  Left out: runs (one row per run,
// killed ones too), meta, and FTS5's shadow tables, whose layout depends on
// the history of inserts.
std::map<std::string, long long> RowCounts(const Db& db) {
  std::map<std::string, long long> counts;
  for (const auto& row :
       db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'sqlite_%' AND name NOT LIKE 'search_%' AND name NOT IN ('runs', 'meta')")) {
    counts[row[0]] = db.Count("SELECT count(*) FROM \"" + row[0] + "\"");
  }
  return counts;
}

long long StoredDocuments(const std::string& db_path) {
  if (!fs::exists(db_path)) return 0;
  try {
    return Db(db_path).Count("SELECT count(*) FROM documents");
  } catch (const std::exception&) {
    return 0;  // killed before the schema was committed
  }
}

TEST_CASE("kill -9 during ingest, then the same command, equals one clean run",
          "[hostile][crash]") {
  testing::TempDir dir;
  const std::vector<std::string> inputs = testing::MakeBatch(dir, "in");
  REQUIRE(inputs.size() >= 38);
  const std::string killed_db = dir / "killed.sqlite";
  const std::string clean_db = dir / "clean.sqlite";
  auto command = [&](const std::string& db) {
    // Small groups, so that a kill can land between two commits of a batch
    // this size (one group commit would hold all of it).
    return std::vector<std::string>{"ingest", "--jobs", "2", "--commit-every",
                                    "4",      "--db",   db,  dir / "in"};
  };

  // Kill at growing delays; each run resumes where the last one died.  The
  // first kills land during start-up and schema creation, the later ones
  // while documents are written (a run needs ~0.5 s to start here).  A run
  // that finishes before its kill ends the series.
  int killed_running = 0;
  int killed_mid_batch = 0;
  std::vector<long long> stored_after_kill;
  for (int delay_ms : {50, 150, 400, 500, 600, 700, 800, 1000, 1300, 1600, 2400, 3200, 6400}) {
    const pid_t pid = testing::SpawnClsdb(command(killed_db));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    testing::KillGroup(pid);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const bool was_running = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    const long long stored = StoredDocuments(killed_db);
    stored_after_kill.push_back(stored);
    if (!was_running) break;
    ++killed_running;
    if (stored > 0 && stored < static_cast<long long>(inputs.size())) ++killed_mid_batch;
  }
  INFO("documents stored after each kill: " << Catch::Detail::stringify(stored_after_kill));
  CHECK(killed_running >= 2);
  if (killed_mid_batch == 0) WARN("no kill landed between two documents on this machine");

  testing::RunResult resumed = testing::RunClsdb(command(killed_db), 120);
  INFO(resumed.output);
  REQUIRE_FALSE(resumed.timed_out);
  CHECK(resumed.code == 0);
  testing::RunResult clean = testing::RunClsdb(command(clean_db), 120);
  REQUIRE_FALSE(clean.timed_out);
  REQUIRE(clean.code == 0);

  Db db(killed_db);
  CHECK(db.Scalar("PRAGMA integrity_check") == "ok");
  CHECK(db.Query("PRAGMA foreign_key_check").empty());
  // Every input once, by path and by content.
  CHECK(db.Count("SELECT count(*) FROM documents") == static_cast<long long>(inputs.size()));
  CHECK(db.Count("SELECT count(DISTINCT path) FROM documents") ==
        static_cast<long long>(inputs.size()));
  CHECK(db.Count("SELECT count(DISTINCT sha256) FROM documents") ==
        static_cast<long long>(inputs.size()));
  for (const std::string& path : inputs) {
    INFO(path);
    CHECK(db.Scalar("SELECT count(*) FROM documents WHERE path = ?", {path}) == "1");
  }
  // No document without its pages, unless it failed.
  CHECK(db.Count("SELECT count(*) FROM documents WHERE status != 'failed' AND "
                 "coalesce(page_count, 0) = 0") == 0);
  CHECK(db.Count("SELECT count(*) FROM documents d WHERE coalesce(page_count, 0) != "
                 "(SELECT count(*) FROM pages p WHERE p.document_id = d.id)") == 0);
  const auto killed_counts = RowCounts(db);
  const auto clean_counts = RowCounts(Db(clean_db));
  CHECK(killed_counts == clean_counts);
  CHECK(killed_counts.at("pages") >= static_cast<long long>(inputs.size()));
}

}  // namespace
}  // namespace clsdb
