// QueryRows: the rows of a query on a database a test wrote, for assertions.
#ifndef CLSDB_TESTS_QUERY_ROWS_H_
#define CLSDB_TESTS_QUERY_ROWS_H_

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace clsdb::testing {

// Every row of sql on the database at db_path (opened read-only), every
// value as text ("" for NULL).  A database or query that fails fails the test.
inline std::vector<std::vector<std::string>> QueryRows(const std::string& db_path,
                                                       const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  INFO(sql);
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::vector<std::vector<std::string>> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const unsigned char* v = sqlite3_column_text(stmt, i);
      row.emplace_back(
          v ? std::string(reinterpret_cast<const char*>(v), sqlite3_column_bytes(stmt, i)) : "");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_QUERY_ROWS_H_
