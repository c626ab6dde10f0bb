#include "store/table_reader.h"

#include <sqlite3.h>

#include <filesystem>

#include "store/statement.h"

namespace clsdb {

namespace {

// name as a quoted SQL identifier ("a""b").
std::string QuoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Result<std::unique_ptr<TableReader>> TableReader::Open(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound(path + ": no such database");
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    const std::string why = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IOError(path + ": cannot open: " + why);
  }
  sqlite3_busy_timeout(db, 10000);  // a batch may be checkpointing
  // Opening is lazy: read the schema now so that a file that is not a
  // database fails here, with its name.
  char* error = nullptr;
  if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, &error) !=
      SQLITE_OK) {
    const std::string why = error != nullptr ? error : "unreadable";
    sqlite3_free(error);
    sqlite3_close(db);
    return Status::IOError(path + ": not a SQLite database: " + why);
  }
  return std::unique_ptr<TableReader>(new TableReader(db, path));
}

TableReader::~TableReader() { sqlite3_close(db_); }

Result<std::vector<Relation>> TableReader::ListRelations() {
  // PRAGMA table_list (SQLite 3.37+) tells FTS shadow tables ("shadow")
  // from the tables they serve; sqlite_schema alone does not.  Ordered by
  // the schema's own order so that an export lists tables as they were
  // created.
  constexpr const char* kSql = R"sql(
SELECT t.name, t.type FROM pragma_table_list t
JOIN sqlite_schema s ON s.name = t.name
WHERE t.schema = 'main' AND t.type IN ('table', 'view', 'virtual')
  AND t.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY s.rowid
)sql";
  Statement stmt(db_, kSql);
  if (!stmt.status().ok()) {
    return Status::IOError(path_ + ": cannot list tables: " + sqlite3_errmsg(db_));
  }
  std::vector<Relation> relations;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    relations.push_back({reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0)),
                         reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 1))});
  }
  if (rc != SQLITE_DONE) {
    return Status::IOError(path_ + ": cannot list tables: " + sqlite3_errmsg(db_));
  }
  return relations;
}

Status TableReader::Read(const std::string& name, RowSink& sink) {
  Result<std::vector<Relation>> relations = ListRelations();
  if (!relations.ok()) return relations.status();
  const Relation* found = nullptr;
  std::string known;
  for (const Relation& r : *relations) {
    if (r.name == name) found = &r;
    known += (known.empty() ? "" : ", ") + r.name;
  }
  if (found == nullptr) {
    return Status::NotFound(path_ + ": no table or view '" + name + "' (there are: " + known + ")");
  }
  // Tables in rowid order, so that two exports of one database are equal;
  // a view keeps the order its query gives.
  std::string sql = "SELECT * FROM " + QuoteIdentifier(name);
  if (found->kind == "table") sql += " ORDER BY rowid";
  Statement stmt(db_, sql);
  if (!stmt.status().ok()) {
    return Status::IOError(path_ + ": cannot read '" + name + "': " + sqlite3_errmsg(db_));
  }
  const int columns = sqlite3_column_count(stmt.get());
  std::vector<std::string> names;
  for (int i = 0; i < columns; ++i) names.emplace_back(sqlite3_column_name(stmt.get(), i));
  if (Status s = sink.Columns(names); !s.ok()) return s;
  std::vector<CellValue> values(columns);
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    for (int i = 0; i < columns; ++i) {
      CellValue& v = values[i];
      switch (sqlite3_column_type(stmt.get(), i)) {
        case SQLITE_NULL:
          v.type = CellValue::Type::kNull;
          break;
        case SQLITE_INTEGER:
          v.type = CellValue::Type::kInteger;
          v.integer = sqlite3_column_int64(stmt.get(), i);
          break;
        case SQLITE_FLOAT:
          v.type = CellValue::Type::kReal;
          v.real = sqlite3_column_double(stmt.get(), i);
          break;
        default: {  // TEXT, BLOB
          v.type = CellValue::Type::kText;
          const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt.get(), i));
          v.text.assign(p != nullptr ? p : "", sqlite3_column_bytes(stmt.get(), i));
        }
      }
    }
    if (Status s = sink.Row(values); !s.ok()) return s;
  }
  if (rc != SQLITE_DONE) {
    return Status::IOError(path_ + ": reading '" + name + "' failed: " + sqlite3_errmsg(db_));
  }
  return Status::OK();
}

}  // namespace clsdb
