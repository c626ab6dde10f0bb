#include "store/search.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

namespace clsdb {

namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

std::string Column(sqlite3_stmt* s, int i) {
  const unsigned char* text = sqlite3_column_text(s, i);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// The page and contract of a search row, from the table its kind names.
constexpr const char* kSearchSql = R"sql(
SELECT d.path, search.kind, search.ref_id,
       coalesce(ar.page, ac.page, op.page, ind.page, 0),
       coalesce(c.title, ''),
       snippet(search, 0, '[', ']', '…', 16)
FROM search
JOIN documents d ON d.id = search.document_id
LEFT JOIN articles ar ON search.kind = 'article' AND ar.id = search.ref_id
LEFT JOIN actions ac ON search.kind = 'action' AND ac.id = search.ref_id
LEFT JOIN operations op ON search.kind = 'operation' AND op.id = search.ref_id
LEFT JOIN indicators ind ON search.kind = 'indicator' AND ind.id = search.ref_id
LEFT JOIN actions ind_action ON ind_action.id = ind.action_id
LEFT JOIN operations ind_operation ON ind_operation.id = ind.operation_id
LEFT JOIN contracts c ON c.id = coalesce(ar.contract_id, ac.contract_id, op.contract_id,
                                         ind_action.contract_id, ind_operation.contract_id)
WHERE search MATCH ?1 AND (?2 = '' OR search.kind = ?2)%s
ORDER BY rank
LIMIT ?3
)sql";

}  // namespace

std::string QuoteWords(const std::string& words) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
    word.clear();
  };
  for (char c : words) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

Result<std::vector<SearchHit>> SearchDatabase(const std::string& db_path,
                                              const SearchQuery& query) {
  const std::string match = query.raw_syntax ? query.words : QuoteWords(query.words);
  if (match.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument("nothing to search for");
  }
  if (!query.kind.empty() && query.kind != "article" && query.kind != "action" &&
      query.kind != "operation" && query.kind != "indicator") {
    return Status::InvalidArgument("unknown kind '" + query.kind +
                                   "' (article, action, operation or indicator)");
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) {
    return Status::NotFound(db_path + ": no such database");
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(db_path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, DbCloser> db(raw);
  if (rc != SQLITE_OK) {
    return Status::IOError(db_path + ": cannot open: " + (raw ? sqlite3_errmsg(raw) : "no memory"));
  }
  sqlite3_busy_timeout(db.get(), 10000);  // a batch may be writing
  // Each content once: a document that repeats an earlier one (the PDF of
  // a text, documents.same_as) has the same hits as its original.  A
  // database of schema version 3, not migrated yet (search opens it
  // read-only), has no links to follow.
  std::string sql = kSearchSql;
  {
    sqlite3_stmt* probe = nullptr;
    const bool linked =
        sqlite3_prepare_v2(db.get(),
                           "SELECT 1 FROM pragma_table_info('documents') WHERE name = 'same_as'",
                           -1, &probe, nullptr) == SQLITE_OK &&
        sqlite3_step(probe) == SQLITE_ROW;
    sqlite3_finalize(probe);
    sql.replace(sql.find("%s"), 2, linked ? " AND d.same_as IS NULL" : "");
  }
  sqlite3_stmt* stmt_raw = nullptr;
  if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &stmt_raw, nullptr) != SQLITE_OK) {
    return Status::IOError(db_path + ": not a clsdb database: " + sqlite3_errmsg(db.get()));
  }
  std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt(stmt_raw);
  sqlite3_bind_text(stmt.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt.get(), 2, query.kind.data(), static_cast<int>(query.kind.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_int(stmt.get(), 3, query.limit > 0 ? query.limit : -1);
  std::vector<SearchHit> hits;
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    SearchHit hit;
    hit.path = Column(stmt.get(), 0);
    hit.kind = Column(stmt.get(), 1);
    hit.ref_id = sqlite3_column_int64(stmt.get(), 2);
    hit.page = sqlite3_column_int(stmt.get(), 3);
    hit.contract_title = Column(stmt.get(), 4);
    hit.snippet = Column(stmt.get(), 5);
    hits.push_back(std::move(hit));
  }
  if (step != SQLITE_DONE) {
    const std::string msg = sqlite3_errmsg(db.get());
    // FTS5 reports query syntax as SQLITE_ERROR "fts5: syntax error near …".
    if (msg.find("fts5") != std::string::npos || msg.find("no such column") != std::string::npos) {
      return Status::InvalidArgument("search syntax: " + msg);
    }
    return Status::IOError(db_path + ": " + msg);
  }
  return hits;
}

}  // namespace clsdb
