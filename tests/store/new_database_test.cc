#include "store/new_database.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "store/store.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

// The rows of a query, as text, one line a row.
std::string QueryText(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::string out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const void* blob = sqlite3_column_blob(stmt, c);
      out += blob ? std::string(static_cast<const char*>(blob), sqlite3_column_bytes(stmt, c))
                  : "NULL";
      out += '|';
    }
    out += '\n';
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// What a database holds before any document: its schema as .schema shows
// it, the rows of its tables that are not empty, and its settings.
std::string NewDatabaseContent(const std::string& path) {
  std::string out =
      QueryText(path, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid");
  for (const char* table : {"meta", "search_config", "search_data", "search_idx"}) {
    out += QueryText(path, std::string("SELECT * FROM ") + table + " ORDER BY 1");
  }
  for (const char* pragma : {"journal_mode", "page_size", "user_version", "application_id",
                             "encoding", "auto_vacuum", "freelist_count", "integrity_check"}) {
    out += QueryText(path, std::string("PRAGMA ") + pragma);
  }
  return out;
}

TEST_CASE("a new database written from the image is the one the statements create", "[store]") {
  testing::TempDir dir;
  const std::string image = dir / "image.sqlite";
  REQUIRE(WriteNewDatabaseImage(image));
  // An empty file is a database without a schema: Store::Open creates it
  // with the statements.
  const std::string from_statements = dir / "statements.sqlite";
  std::ofstream(from_statements).close();
  // Where there is no file, Store::Open writes the image.
  const std::string opened = dir / "opened.sqlite";
  for (const std::string& path : {from_statements, opened}) {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
  }
  const std::string content = NewDatabaseContent(image);
  CHECK(content.find("CREATE TABLE documents") != std::string::npos);
  CHECK(content.find("\nwal|\n") != std::string::npos);
  CHECK(content == NewDatabaseContent(from_statements));
  CHECK(NewDatabaseContent(opened) == content);
}

TEST_CASE("the image never replaces a file", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  std::ofstream(path) << "not a database";
  CHECK_FALSE(WriteNewDatabaseImage(path));
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  CHECK(text == "not a database");
  CHECK_FALSE(WriteNewDatabaseImage(dir / "no such folder/db.sqlite"));
}

}  // namespace
}  // namespace clsdb
