// Reading the database's tables and views back out, one row at a time, for
// export/: which relations the database holds, and the rows of one of them
// with SQLite's own types.
//
//   Result<std::unique_ptr<TableReader>> reader = TableReader::Open(path);
//   Status s = (*reader)->Read("parties", sink);   // sink.Columns, then sink.Row per row
//
// Rows are pushed to a RowSink as they are stepped, so memory does not grow
// with the table: the sink sees one row, whose values are reused for the
// next.  The connection is read-only; in WAL mode it sees the last
// committed state while a batch writes.
#ifndef CLSDB_STORE_TABLE_READER_H_
#define CLSDB_STORE_TABLE_READER_H_

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

struct sqlite3;

namespace clsdb {

// One cell as SQLite stored it.  A BLOB is carried as kText with its bytes.
struct CellValue {
  enum class Type { kNull, kInteger, kReal, kText };
  Type type = Type::kNull;
  long long integer = 0;
  double real = 0;
  std::string text;
};

// A table or view an analyst can query.
struct Relation {
  std::string name;
  std::string kind;  // table | view | virtual (the FTS index)
};

// Where Read pushes the rows.  A non-ok Status from either call stops the
// read and is returned by Read.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // The column names, once, before any row.
  virtual Status Columns(const std::vector<std::string>& names) = 0;
  // One row, as many values as columns.  The vector is reused: copy what
  // must outlive the call.
  virtual Status Row(const std::vector<CellValue>& values) = 0;
};

class TableReader {
 public:
  // Opens the database at path read-only.  Errors: NotFound (no such file),
  // IOError (cannot open, or not a SQLite database).
  static Result<std::unique_ptr<TableReader>> Open(const std::string& path);
  ~TableReader();
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;

  // The tables, views and virtual tables, in the order of the schema.
  // SQLite's own tables (sqlite_*) and the FTS index's shadow tables are
  // left out: they are storage, not data.
  Result<std::vector<Relation>> ListRelations();

  // Streams every row of the relation called name to sink, in rowid order
  // for a table.  Errors: NotFound (no such relation, the message lists
  // those there are), IOError (a read failed), or the sink's own Status.
  Status Read(const std::string& name, RowSink& sink);

 private:
  TableReader(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

}  // namespace clsdb

#endif  // CLSDB_STORE_TABLE_READER_H_
