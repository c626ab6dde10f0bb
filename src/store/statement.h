// Statement: the store's one wrapper of a SQLite prepared statement, for
// writes (Bind…, then Run) and reads (Bind…, then Next and the column
// getters) alike.  Private to store/: no other stage sees SQLite.
//
//   Statement q(db, "SELECT name FROM t WHERE id = ?1");
//   q.Bind(1, id);
//   while (q.Next()) names.push_back(q.Text(0));
//   if (!q.status().ok()) return q.status();
//
// A statement that failed to prepare answers Next() false, Run() its error,
// and status() why; binds on it do nothing.
#ifndef CLSDB_STORE_STATEMENT_H_
#define CLSDB_STORE_STATEMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/status.h"
#include "model/records.h"

struct sqlite3;
struct sqlite3_stmt;

namespace clsdb {

// The current UTC time as ISO 8601 ("2025-04-22T09:30:00Z"): the store's
// clock readings (documents.ingested_at, runs.started_at).
std::string NowIso();

// Runs sql (one or more statements, no results).  Errors: IOError
// "sqlite: <SQLite's message>".
Status Exec(sqlite3* db, const std::string& sql);

class Statement {
 public:
  Statement() = default;
  // Prepares sql on db; status() tells whether that worked.
  Statement(sqlite3* db, std::string_view sql) { Prepare(db, sql); }
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Prepares sql on db (persistent: kept for many uses, as the writer's
  // statements are).  Errors: Internal "prepare <sql>: <SQLite's message>".
  // REQUIRES: not prepared yet.  db must outlive this.
  Status Prepare(sqlite3* db, std::string_view sql, bool persistent = false);
  const Status& status() const { return status_; }

  // Binds parameter i (1-based); an empty optional binds NULL.
  Statement& Bind(int i, const std::string& v);
  Statement& Bind(int i, const char* v) { return Bind(i, std::string(v)); }
  Statement& Bind(int i, const std::optional<std::string>& v);
  Statement& Bind(int i, long long v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<long long>(v)); }
  Statement& Bind(int i, const std::optional<long long>& v);
  Statement& Bind(int i, const std::optional<double>& v);
  // Binds text that stays alive and unchanged until Run() or Reset():
  // SQLite reads it where it is instead of copying it (the writer binds
  // some 150,000 texts a 60-document batch, each a copy and a free).  An
  // empty optional binds NULL.
  Statement& BindBorrowed(int i, std::string_view v);
  Statement& BindBorrowed(int i, const std::string& v) {
    return BindBorrowed(i, std::string_view(v));
  }
  Statement& BindBorrowed(int i, const std::optional<std::string>& v);
  // An enumeration of core/kinds.h, as its Name (a string literal).
  template <typename E>
  requires std::is_enum_v<E> Statement& Bind(int i, E v) {
    return BindBorrowed(i, std::string_view(Name(v)));
  }
  // A row id; a negative one (model/records.h's "no link") binds NULL.
  Statement& BindId(int i, long long id);

  // Executes a write to its end, then resets the statement and clears its
  // bindings for the next use.  Returns the connection's last insert rowid.
  // Errors: IOError "write: <SQLite's message>".
  Result<long long> Run();

  // Advances to the next row of a read; false at the end or on an error
  // (then status() says which).  Reset() makes it ready to run again.
  bool Next();
  void Reset();

  // The columns of the current row (0-based).  Text of NULL is "".
  bool IsNull(int col) const;
  long long Int(int col) const;
  double Real(int col) const;
  std::string Text(int col) const;
  OptText OptionalText(int col) const;
  OptInt OptionalInt(int col) const;
  // -1 for NULL: the index-link convention of model/records.h.
  long long IdOrNone(int col) const { return IsNull(col) ? -1 : Int(col); }

  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

}  // namespace clsdb

#endif  // CLSDB_STORE_STATEMENT_H_
