#include "store/search.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string_view>

#include "store/schema.sql.h"

namespace clsdb {

namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

std::string TextColumn(sqlite3_stmt* s, int i) {
  const unsigned char* text = sqlite3_column_text(s, i);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// The page and contract of a search row, from the table its kind names.  An
// act has no contract of its own: the filters follow the contracts it
// approves (%LINKS% when the database has deliberation_contracts, else 0).
constexpr const char* kSearchColumns = R"sql(
SELECT d.path, search.kind, search.ref_id,
       coalesce(ar.page, ac.page, op.page, ind.page, ori.page, obj.page, act.page, dl.page, 0),
       c.id, coalesce(c.title, ''), coalesce(c.territory, ''),
       snippet(search, 0, '[', ']', '…', 16)
)sql";
constexpr const char* kSearchFrom = R"sql(
FROM search
JOIN documents d ON d.id = search.document_id
LEFT JOIN articles ar ON search.kind = 'article' AND ar.id = search.ref_id
LEFT JOIN actions ac ON search.kind = 'action' AND ac.id = search.ref_id
LEFT JOIN operations op ON search.kind = 'operation' AND op.id = search.ref_id
LEFT JOIN indicators ind ON search.kind = 'indicator' AND ind.id = search.ref_id
LEFT JOIN orientations ori ON search.kind = 'orientation' AND ori.id = search.ref_id
LEFT JOIN objectives obj ON search.kind = 'objective' AND obj.id = search.ref_id
LEFT JOIN actors act ON search.kind = 'actor' AND act.id = search.ref_id
LEFT JOIN deliberations dl ON search.kind = 'deliberation' AND dl.id = search.ref_id
LEFT JOIN actions ind_action ON ind_action.id = ind.action_id
LEFT JOIN operations ind_operation ON ind_operation.id = ind.operation_id
LEFT JOIN contracts c ON c.id = coalesce(ar.contract_id, ac.contract_id, op.contract_id,
                                         ind_action.contract_id, ind_operation.contract_id,
                                         ori.contract_id, obj.contract_id, act.contract_id)
WHERE search MATCH ?1 AND (?2 = '' OR search.kind = ?2)
  AND (?4 IS NULL OR c.id = ?4 OR (dl.id IS NOT NULL AND %LINKS%
       (SELECT 1 FROM deliberation_contracts dc WHERE dc.deliberation_id = dl.id
        AND dc.contract_id = ?4)))
  AND (?5 = '' OR c.territory LIKE '%' || ?5 || '%' OR (dl.id IS NOT NULL AND %LINKS%
       (SELECT 1 FROM deliberation_contracts dc JOIN contracts k ON k.id = dc.contract_id
        WHERE dc.deliberation_id = dl.id AND k.territory LIKE '%' || ?5 || '%')))%SAME%
)sql";

// Whether the database (opened read-only, maybe of an older schema
// version, not migrated) has this table or column.
bool Has(sqlite3* db, const char* sql) {
  sqlite3_stmt* probe = nullptr;
  const bool found = sqlite3_prepare_v2(db, sql, -1, &probe, nullptr) == SQLITE_OK &&
                     sqlite3_step(probe) == SQLITE_ROW;
  sqlite3_finalize(probe);
  return found;
}

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

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

Result<std::vector<SearchHit>> SearchDatabase(const std::string& db_path, const SearchQuery& query,
                                              long long* total) {
  const std::string match = query.raw_syntax ? query.words : QuoteWords(query.words);
  if (match.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument("nothing to search for");
  }
  if (!query.kind.empty()) {
    std::string kinds;
    bool known = false;
    for (const SearchKind& k : kSearchKinds) {
      known = known || k.kind == query.kind;
      kinds += (kinds.empty() ? "" : ", ") + std::string(k.kind);
    }
    if (!known) {
      return Status::InvalidArgument("unknown kind '" + query.kind + "' (" + kinds + ")");
    }
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
  // database of an older schema version, not migrated yet (search opens it
  // read-only), may have no links to follow.
  std::string from = kSearchFrom;
  ReplaceAll(&from, "%SAME%",
             Has(db.get(), "SELECT 1 FROM pragma_table_info('documents') WHERE name = 'same_as'")
                 ? " AND d.same_as IS NULL"
                 : "");
  ReplaceAll(&from, "%LINKS%",
             Has(db.get(), "SELECT 1 FROM pragma_table_info('deliberation_contracts')") ? "EXISTS"
                                                                                        : "0 AND");
  auto prepare =
      [&](const std::string& sql) -> Result<std::unique_ptr<sqlite3_stmt, StmtFinalizer>> {
    sqlite3_stmt* stmt_raw = nullptr;
    if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &stmt_raw, nullptr) != SQLITE_OK) {
      return Status::IOError(db_path + ": not a clsdb database: " + sqlite3_errmsg(db.get()));
    }
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt(stmt_raw);
    sqlite3_stmt* s = stmt.get();
    sqlite3_bind_text(s, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, query.kind.data(), static_cast<int>(query.kind.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 3, query.limit > 0 ? query.limit : -1);
    if (query.contract_id) sqlite3_bind_int64(s, 4, *query.contract_id);
    sqlite3_bind_text(s, 5, query.territory.data(), static_cast<int>(query.territory.size()),
                      SQLITE_TRANSIENT);
    return stmt;
  };
  // FTS5 reports query syntax as SQLITE_ERROR "fts5: syntax error near …".
  auto step_error = [&]() -> Status {
    const std::string msg = sqlite3_errmsg(db.get());
    if (msg.find("fts5") != std::string::npos || msg.find("no such column") != std::string::npos) {
      return Status::InvalidArgument("search syntax: " + msg);
    }
    return Status::IOError(db_path + ": " + msg);
  };
  auto stmt = prepare(std::string(kSearchColumns) + from + " ORDER BY rank LIMIT ?3");
  if (!stmt.ok()) return stmt.status();
  sqlite3_stmt* s = stmt->get();
  std::vector<SearchHit> hits;
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    SearchHit hit;
    hit.path = TextColumn(s, 0);
    hit.kind = TextColumn(s, 1);
    hit.ref_id = sqlite3_column_int64(s, 2);
    hit.page = sqlite3_column_int(s, 3);
    if (sqlite3_column_type(s, 4) != SQLITE_NULL) hit.contract_id = sqlite3_column_int64(s, 4);
    hit.contract_title = TextColumn(s, 5);
    hit.territory = TextColumn(s, 6);
    hit.snippet = TextColumn(s, 7);
    hits.push_back(std::move(hit));
  }
  if (step != SQLITE_DONE) return step_error();
  if (total != nullptr) {
    *total = static_cast<long long>(hits.size());
    // Only when the limit may have cut the list: the count is a second pass.
    if (query.limit > 0 && static_cast<long long>(hits.size()) >= query.limit) {
      auto count = prepare("SELECT count(*)" + from);
      if (!count.ok()) return count.status();
      if (sqlite3_step(count->get()) != SQLITE_ROW) return step_error();
      *total = sqlite3_column_int64(count->get(), 0);
    }
  }
  return hits;
}

}  // namespace clsdb
