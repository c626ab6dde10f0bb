// Full-text search with user words bound as a parameter (the README's way):
// FTS5 query syntax in those words gives a clear SQLite error, not a crash
// and not a silent empty answer; quoting the words as a phrase makes any
// input safe.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>

#include "hostile_util.h"
#include "pipeline/pipeline.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

struct MatchResult {
  int rc = SQLITE_OK;  // of the last sqlite3_step
  std::string message;
  int rows = 0;
};

MatchResult Match(const testing::Db& db, const std::string& words) {
  sqlite3_stmt* stmt = nullptr;
  MatchResult r;
  REQUIRE(sqlite3_prepare_v2(db.get(),
                             "SELECT kind, snippet(search, 0, '[', ']', '…', 12) FROM search "
                             "WHERE search MATCH ?",
                             -1, &stmt, nullptr) == SQLITE_OK);
  sqlite3_bind_text(stmt, 1, words.c_str(), -1, SQLITE_TRANSIENT);
  while ((r.rc = sqlite3_step(stmt)) == SQLITE_ROW) ++r.rows;
  r.message = sqlite3_errmsg(db.get());
  sqlite3_finalize(stmt);
  return r;
}

// The user's words as one FTS5 string: double quotes doubled, the whole
// quoted, so that no word is read as an operator or a column filter.
std::string AsPhrase(const std::string& words) {
  std::string out = "\"";
  for (char c : words) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

TEST_CASE("FTS syntax errors in bound user words are clear errors", "[hostile][fts]") {
  testing::TempDir dir;
  IngestOptions options;
  options.db_path = dir / "db.sqlite";
  options.rules_dir = testing::RulesDir().string();
  options.jobs = 2;
  auto report = Ingest({(testing::ProjectCorpus() / "documents").string()}, options);
  REQUIRE(report.ok());
  testing::Db db(options.db_path, /*writable=*/true);
  // One known row, so that the good query below has something to find
  // whatever the extractors put in the index today.
  db.Query(
      "INSERT INTO search(text, kind, ref_id, document_id) VALUES ('Prévention des addictions "
      "chez les jeunes', 'action', 0, (SELECT min(id) FROM documents))");

  // A good query finds rows, accents ignored: the index is really there.
  const MatchResult good = Match(db, "prevention addictions");
  CHECK(good.rc == SQLITE_DONE);
  CHECK(good.rows > 0);

  struct Bad {
    const char* words;
    const char* error;  // a piece of SQLite's message
  };
  const Bad bad[] = {
      {"\"unbalanced", "unterminated string"},
      {"AND OR", "syntax error"},
      {"col:", "no such column: col"},
      {"col: santé", "no such column: col"},
      {"santé AND", "syntax error"},
      {"NEAR(santé", "syntax error"},
      {"(santé", "syntax error"},
      {"santé)", "syntax error"},
      {"*", "unknown special query"},
      {"", "syntax error"},
  };
  for (const Bad& b : bad) {
    INFO("words: " << b.words);
    const MatchResult r = Match(db, b.words);
    INFO("rc " << r.rc << ": " << r.message);
    CHECK(r.rc == SQLITE_ERROR);
    CHECK(r.message.find(b.error) != std::string::npos);
    // Quoted as a phrase, the same words are a plain search.
    const MatchResult quoted = Match(db, AsPhrase(b.words));
    INFO("quoted: " << quoted.message);
    CHECK(quoted.rc == SQLITE_DONE);
  }
  // The connection is still usable after the errors.
  CHECK(Match(db, "prevention addictions").rows == good.rows);
}

}  // namespace
}  // namespace clsdb
