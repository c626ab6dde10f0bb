// store/record_tables.h against the schema it describes: every column a
// record table names exists, and every column of those tables is named, so
// that a column added to schema.sql.h and forgotten here (or the reverse)
// fails this test instead of being silently NULL.
#include "store/record_tables.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "store/schema.sql.h"

namespace clsdb::store_internal {
namespace {

std::set<std::string> SchemaColumns(sqlite3* db, const std::string& table) {
  std::set<std::string> columns;
  sqlite3_stmt* stmt = nullptr;
  const std::string sql = "SELECT name FROM pragma_table_info('" + table + "')";
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    columns.insert(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  return columns;
}

template <typename R>
void CheckTable(sqlite3* db, const RecordTable<R>& table) {
  std::set<std::string> described = {"id"};
  for (const auto& c : table.ids) described.insert(c.name);
  for (const auto& c : table.columns) described.insert(c.name);
  if (table.provenance) described.insert({"page", "span_start", "span_end", "rule"});
  INFO(table.name);
  CHECK(described == SchemaColumns(db, table.name));
}

TEST_CASE("each record table names exactly the columns of its table in the schema", "[store]") {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, kSchemaSql, nullptr, nullptr, nullptr) == SQLITE_OK);
  CheckTable(db, kDeliberationTable);
  CheckTable(db, kAttendeeTable);
  CheckTable(db, kTransmissionTable);
  CheckTable(db, kContractTable);
  CheckTable(db, kPartyTable);
  CheckTable(db, kArticleTable);
  CheckTable(db, kOrientationTable);
  CheckTable(db, kObjectiveTable);
  CheckTable(db, kActionTable);
  CheckTable(db, kOperationTable);
  CheckTable(db, kActorTable);
  CheckTable(db, kIndicatorTable);
  CheckTable(db, kScheduleTable);
  CheckTable(db, kLegalRefTable);
  CheckTable(db, kGlossaryTable);
  CheckTable(db, kDeliberationContractTable);
  CheckTable(db, kDiagnosticTable);
  sqlite3_close(db);
}

TEST_CASE("the derived INSERT lists ids, columns, then provenance, numbered in order", "[store]") {
  CHECK(InsertSql(kOrientationTable) ==
        "INSERT INTO orientations(contract_id, number, title, page, span_start, span_end, rule)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  CHECK(InsertSql(kTransmissionTable).rfind("INSERT OR IGNORE INTO transmissions(", 0) == 0);
  CHECK(SelectSql(kIndicatorTable).find("COALESCE(o.contract_id, a.contract_id)") !=
        std::string::npos);
}

}  // namespace
}  // namespace clsdb::store_internal
