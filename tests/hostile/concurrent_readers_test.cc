// An analyst queries the database while a batch is being written: WAL and
// one transaction per document mean a reader never waits long and never
// sees a document without its pages and its contracts.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "batch.h"
#include "hostile_util.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;

// Per document: page_count, stored pages, stored contracts — read in one
// statement, so in one read transaction (one snapshot).
constexpr const char* kSnapshot =
    "SELECT d.id, d.status, coalesce(d.page_count, 0),"
    "  (SELECT count(*) FROM pages p WHERE p.document_id = d.id),"
    "  (SELECT count(*) FROM contracts c WHERE c.document_id = d.id),"
    "  (SELECT count(*) FROM documents d2 JOIN pages p2 ON p2.document_id = d2.id"
    "     JOIN contracts c2 ON c2.document_id = d2.id WHERE d2.id = d.id)"
    " FROM documents d";

struct Seen {
  int pages = 0;
  int contracts = 0;
};

TEST_CASE("readers during an ingest see whole documents and never wait long",
          "[hostile][concurrency]") {
  testing::TempDir dir;
  const std::vector<std::string> inputs = testing::MakeBatch(dir, "in");
  const std::string db_path = dir / "db.sqlite";
  // Small groups: a batch this size fits in one group commit (256
  // documents or 0.5 s) once rules compile fast, and then readers could only
  // ever see it empty or whole.
  const pid_t writer = testing::SpawnClsdb(
      {"ingest", "--jobs", "2", "--commit-every", "4", "--db", db_path, dir / "in"});

  sqlite3* db = nullptr;
  std::map<long long, Seen> seen;      // what the first sight of a document showed
  std::set<size_t> document_counts;    // how many documents each snapshot held
  std::vector<std::string> anomalies;  // half-written documents, changed documents
  std::vector<std::string> errors;     // SQLite errors once the schema was there
  double max_latency = 0;
  int queries = 0;
  int writer_status = 0;
  bool writer_done = false;
  const auto start = std::chrono::steady_clock::now();
  // One more pass after the writer exits, to read the final state too.
  for (bool last = false; !last && testing::SecondsSince(start) < 120;) {
    if (!writer_done && waitpid(writer, &writer_status, WNOHANG) == writer) writer_done = true;
    if (writer_done) last = true;
    if (db == nullptr) {
      if (!fs::exists(db_path) ||
          sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        db = nullptr;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      sqlite3_busy_timeout(db, 5000);
    }
    const auto t0 = std::chrono::steady_clock::now();
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, kSnapshot, -1, &stmt, nullptr);
    std::vector<std::pair<long long, Seen>> rows;
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
      if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) break;
      const long long id = sqlite3_column_int64(stmt, 0);
      const std::string status = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
      const int page_count = sqlite3_column_int(stmt, 2);
      const int pages = sqlite3_column_int(stmt, 3);
      const int contracts = sqlite3_column_int(stmt, 4);
      const int joined = sqlite3_column_int(stmt, 5);
      if (pages != page_count || (status != "failed" && pages == 0) ||
          joined != pages * contracts) {
        anomalies.push_back("document " + std::to_string(id) + ": page_count " +
                            std::to_string(page_count) + ", pages " + std::to_string(pages) +
                            ", contracts " + std::to_string(contracts));
      }
      rows.push_back({id, Seen{pages, contracts}});
    }
    const std::string message = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    const double latency = testing::SecondsSince(t0);
    if (rc != SQLITE_DONE) {
      // Before the writer committed the schema there is nothing to read.
      if (message.find("no such table") == std::string::npos || !document_counts.empty()) {
        errors.push_back(message);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    ++queries;
    max_latency = std::max(max_latency, latency);
    document_counts.insert(rows.size());
    for (const auto& [id, now] : rows) {
      auto [it, first] = seen.emplace(id, now);
      if (!first && (it->second.pages != now.pages || it->second.contracts != now.contracts)) {
        anomalies.push_back("document " + std::to_string(id) + " changed after it was seen");
      }
    }
  }
  sqlite3_close(db);
  if (!writer_done) {
    testing::KillGroup(writer);
    waitpid(writer, &writer_status, 0);
  }

  INFO("queries: " << queries << ", max latency " << max_latency << " s, snapshot sizes "
                   << document_counts.size());
  REQUIRE(writer_done);
  CHECK(WIFEXITED(writer_status));
  CHECK(WEXITSTATUS(writer_status) == 0);
  CHECK(anomalies.empty());
  if (!anomalies.empty()) FAIL_CHECK(anomalies.front());
  CHECK(errors.empty());
  if (!errors.empty()) FAIL_CHECK(errors.front());
  CHECK(max_latency < 1.0);
  // The reads really overlapped the writes: snapshots of several sizes,
  // the last one complete.
  CHECK(document_counts.size() >= 3);
  CHECK(seen.size() == inputs.size());
  CHECK(*document_counts.rbegin() == inputs.size());
}

}  // namespace
}  // namespace clsdb
