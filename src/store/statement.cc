#include "store/statement.h"

#include <sqlite3.h>

#include <ctime>

namespace clsdb {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

Status Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err != nullptr ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    return Status::IOError("sqlite: " + msg);
  }
  return Status::OK();
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Status Statement::Prepare(sqlite3* db, std::string_view sql, bool persistent) {
  db_ = db;
  const unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0;
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &stmt_, nullptr) !=
      SQLITE_OK) {
    status_ = Status::Internal("prepare " + std::string(sql) + ": " + sqlite3_errmsg(db));
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
  return status_;
}

Statement& Statement::Bind(int i, const std::string& v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindBorrowed(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}

Statement& Statement::BindBorrowed(int i, const std::optional<std::string>& v) {
  if (v) return BindBorrowed(i, std::string_view(*v));
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Statement& Statement::Bind(int i, const std::optional<std::string>& v) {
  if (v) return Bind(i, *v);
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Statement& Statement::Bind(int i, long long v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Statement& Statement::Bind(int i, const std::optional<long long>& v) {
  if (v) return Bind(i, *v);
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Statement& Statement::Bind(int i, const std::optional<double>& v) {
  if (v) {
    sqlite3_bind_double(stmt_, i, *v);
  } else {
    sqlite3_bind_null(stmt_, i);
  }
  return *this;
}

Statement& Statement::BindId(int i, long long id) {
  if (id < 0) {
    sqlite3_bind_null(stmt_, i);
  } else {
    sqlite3_bind_int64(stmt_, i, id);
  }
  return *this;
}

Result<long long> Statement::Run() {
  if (stmt_ == nullptr) return status_;
  const int rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    return Status::IOError(std::string("write: ") + sqlite3_errmsg(db_));
  }
  return static_cast<long long>(sqlite3_last_insert_rowid(db_));
}

bool Statement::Next() {
  if (stmt_ == nullptr) return false;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE && status_.ok()) {
    status_ = Status::IOError(std::string("store: read failed: ") + sqlite3_errmsg(db_));
  }
  return false;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
long long Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Real(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p == nullptr ? std::string() : std::string(p, sqlite3_column_bytes(stmt_, col));
}

OptText Statement::OptionalText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

OptInt Statement::OptionalInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

}  // namespace clsdb
