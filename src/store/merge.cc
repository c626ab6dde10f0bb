#include "store/merge.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "store/schema.sql.h"
#include "store/statement.h"
#include "store/store.h"

namespace clsdb {

namespace {

namespace fs = std::filesystem;
using Kind = TableMergeRule::Kind;

std::string Quote(const std::string& name) { return "\"" + name + "\""; }

// The rows of a query, every column as text (NULL as ""); for the small
// schema queries of the plan.
Result<std::vector<std::vector<std::string>>> Rows(sqlite3* db, const std::string& sql) {
  Statement stmt(db, sql);
  std::vector<std::vector<std::string>> rows;
  while (stmt.Next()) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(stmt.get()); ++i) row.push_back(stmt.Text(i));
    rows.push_back(std::move(row));
  }
  if (!stmt.status().ok()) return stmt.status().WithPrefix(sql);
  return rows;
}

Result<long long> Integer(sqlite3* db, const std::string& sql) {
  Result<std::vector<std::vector<std::string>>> rows = Rows(db, sql);
  if (!rows.ok()) return rows.status();
  if (rows->empty() || rows->front().empty()) return 0LL;
  return std::atoll(rows->front().front().c_str());
}

// The rule of one table, from its kind in PRAGMA table_list and its
// declared foreign keys.
Result<TableMergeRule> RuleFor(sqlite3* db, const std::string& name, const std::string& type) {
  TableMergeRule rule;
  rule.table = name;
  Result<std::vector<std::vector<std::string>>> info =
      Rows(db, "PRAGMA main.table_info(" + Quote(name) + ")");
  if (!info.ok()) return info.status();
  int pk_columns = 0;
  for (const auto& col : *info) {  // cid, name, type, notnull, dflt_value, pk
    rule.columns.push_back(col[1]);
    if (col[5] != "0") ++pk_columns;
    if (col[5] == "1" && col[1] == "id" && col[2] == "INTEGER") rule.has_id = true;
  }
  if (pk_columns != 1) rule.has_id = false;
  Result<std::vector<std::vector<std::string>>> fks =
      Rows(db, "PRAGMA main.foreign_key_list(" + Quote(name) + ")");
  if (!fks.ok()) return fks.status();
  for (const auto& fk : *fks) {  // id, seq, table, from, to, …
    if (fk[4] != "id") {
      return Status::Internal("merge: " + name + "." + fk[3] + " references " + fk[2] + "." +
                              fk[4] + ", not an id; store/merge.cc cannot renumber it");
    }
    rule.foreign_keys.push_back({fk[3], fk[2]});
  }
  if (type == "shadow" || type == "view" || name == "meta") {
    rule.kind = Kind::kOwn;
  } else if (name == "content_fingerprints" || name == "content_bands") {
    rule.kind = Kind::kDerived;
  } else if (name == "documents") {
    rule.kind = Kind::kDocuments;
  } else if (name == "runs") {
    rule.kind = Kind::kRuns;
  } else if (name == "search" && type == "virtual") {
    rule.kind = Kind::kSearch;
    for (const char* column : {"kind", "ref_id", "document_id"}) {
      if (std::find(rule.columns.begin(), rule.columns.end(), column) == rule.columns.end()) {
        return Status::Internal(std::string("merge: search has no column ") + column);
      }
    }
  } else if (type == "table" && !rule.foreign_keys.empty()) {
    rule.kind = Kind::kChild;
  } else {
    return Status::Internal("merge: table " + name +
                            " has no foreign key and no rule in store/merge.cc; "
                            "say how shards carry it before adding it to the schema");
  }
  return rule;
}

Result<std::vector<TableMergeRule>> PlanOf(sqlite3* db) {
  Result<std::vector<std::vector<std::string>>> tables =
      Rows(db, "SELECT name, type FROM pragma_table_list WHERE schema = 'main' ORDER BY name");
  if (!tables.ok()) return tables.status();
  std::vector<TableMergeRule> rules;
  for (const auto& t : *tables) {
    if (t[0].rfind("sqlite_", 0) == 0) continue;  // SQLite's own
    Result<TableMergeRule> rule = RuleFor(db, t[0], t[1]);
    if (!rule.ok()) return rule.status();
    rules.push_back(rule.take());
  }
  // Parents before children: a table is placed once every table its
  // foreign keys point at is.  The roots and the own tables come first,
  // search and runs last.
  auto rank = [](Kind k) {
    switch (k) {
      case Kind::kOwn:
        return 0;
      case Kind::kDocuments:
        return 1;
      case Kind::kChild:
        return 2;
      case Kind::kDerived:
        return 3;
      case Kind::kSearch:
        return 4;
      case Kind::kRuns:
        return 5;
    }
    return 6;
  };
  std::stable_sort(rules.begin(), rules.end(),
                   [&](const auto& a, const auto& b) { return rank(a.kind) < rank(b.kind); });
  std::vector<TableMergeRule> ordered;
  std::set<std::string> placed;
  while (!rules.empty()) {
    auto ready = std::find_if(rules.begin(), rules.end(), [&](const TableMergeRule& r) {
      if (r.kind != Kind::kChild) return true;
      return std::all_of(r.foreign_keys.begin(), r.foreign_keys.end(),
                         [&](const auto& fk) { return placed.count(fk.parent) > 0; });
    });
    if (ready == rules.end()) {
      // A row pointing at a row of its own table would need its parent
      // copied first, which one INSERT ... SELECT does not promise.
      return Status::Internal("merge: foreign keys form a cycle through " + rules.front().table);
    }
    placed.insert(ready->table);
    ordered.push_back(std::move(*ready));
    rules.erase(ready);
  }
  for (const TableMergeRule& r : ordered) {
    for (const auto& fk : r.foreign_keys) {
      auto parent = std::find_if(ordered.begin(), ordered.end(),
                                 [&](const TableMergeRule& p) { return p.table == fk.parent; });
      if (parent == ordered.end() || !parent->has_id) {
        return Status::Internal("merge: " + r.table + "." + fk.column + " points at " + fk.parent +
                                ", which has no id merge can renumber");
      }
    }
  }
  for (const SearchKind& k : kSearchKinds) {
    if (!placed.count(std::string(k.table))) {
      return Status::Internal("merge: search kind " + std::string(k.kind) + " names table " +
                              std::string(k.table) + ", which the schema lacks");
    }
  }
  return ordered;
}

// Opens an existing database file with flags (never SQLITE_OPEN_CREATE).
Result<sqlite3*> OpenExisting(const std::string& path, int flags) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Status::NotFound(path + ": no such database file");
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IOError(path + ": cannot open: " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  return db;
}

}  // namespace

Result<std::vector<TableMergeRule>> MergePlan(const std::string& schema_sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    sqlite3_close(db);
    return Status::Internal("merge: cannot open an in-memory database");
  }
  Result<std::vector<TableMergeRule>> plan = Status::Internal("merge: no schema");
  if (Status s = Exec(db, schema_sql); !s.ok()) {
    plan = Status::Internal("merge: the schema does not build: " + s.message());
  } else {
    plan = PlanOf(db);
  }
  sqlite3_close(db);
  return plan;
}

Status MergeTarget::CheckShard(const std::string& path) {
  Result<sqlite3*> opened = OpenExisting(path, SQLITE_OPEN_READONLY);
  if (!opened.ok()) return opened.status();
  sqlite3* db = *opened;
  Status status;
  Result<std::vector<std::vector<std::string>>> has_meta =
      Rows(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'");
  if (!has_meta.ok()) {
    // SQLite's own words ("file is not a database"), without the query.
    const std::string& why = has_meta.status().message();
    const size_t colon = why.rfind(": ");
    status = Status::Corruption(path + ": not a SQLite database (" +
                                (colon == std::string::npos ? why : why.substr(colon + 2)) + ")");
  } else if (has_meta->front().front() != "1") {
    status = Status::Corruption(path + ": not a clsdb database (no meta table)");
  } else {
    Result<std::vector<std::vector<std::string>>> version =
        Rows(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version.ok()) {
      status = Status::Corruption(
          path + ": cannot read its schema_version: " + version.status().message());
    } else if (version->empty()) {
      status = Status::Corruption(path + ": not a clsdb database (no schema_version in meta)");
    } else if (version->front().front() != std::to_string(kSchemaVersion)) {
      status = Status::Unsupported(path + ": schema version " + version->front().front() +
                                   ", but this clsdb (" + CLSDB_VERSION +
                                   ") merges schema version " + std::to_string(kSchemaVersion) +
                                   " only; ingest its files again with this build");
    }
  }
  sqlite3_close(db);
  return status;
}

Result<std::unique_ptr<MergeTarget>> MergeTarget::Open(const std::string& path) {
  Result<std::vector<TableMergeRule>> plan = MergePlan(kSchemaSql);
  if (!plan.ok()) return plan.status();
  {
    // Creates the schema, or brings an older one up, as ingest would.
    Result<std::unique_ptr<Store>> store = Store::Open(path);
    if (!store.ok()) return store.status();
  }
  Result<sqlite3*> db = OpenExisting(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
  if (!db.ok()) return db.status();
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                             "PRAGMA foreign_keys=ON", "PRAGMA temp_store=FILE"}) {
    if (Status s = Exec(*db, pragma); !s.ok()) {
      sqlite3_close(*db);
      return s.WithPrefix(path);
    }
  }
  return std::unique_ptr<MergeTarget>(new MergeTarget(*db, path, plan.take()));
}

MergeTarget::~MergeTarget() { sqlite3_close(db_); }

Result<MergedShard> MergeTarget::MergeShard(const std::string& path) {
  if (Status s = CheckShard(path); !s.ok()) return s;
  std::error_code ec;
  if (fs::equivalent(path, path_, ec)) {
    return Status::InvalidArgument(path + ": is the output database itself");
  }
  Statement attach(db_, "ATTACH DATABASE ?1 AS shard");
  if (!attach.status().ok()) return Status::IOError(path + ": " + sqlite3_errmsg(db_));
  if (!attach.Bind(1, path).Run().ok()) {
    return Status::IOError(path + ": cannot attach: " + sqlite3_errmsg(db_));
  }

  MergedShard merged;
  merged.path = path;
  Status status = Exec(db_, "BEGIN IMMEDIATE");
  if (status.ok()) {
    status = CopyShard(&merged);
    status = status.ok() ? Exec(db_, "COMMIT") : status;
    if (!status.ok()) Exec(db_, "ROLLBACK");
  }
  Exec(db_, "DETACH DATABASE shard");
  if (!status.ok()) return status.WithPrefix(path);
  return merged;
}

namespace {

// Every id a shard brings is shifted past the output's largest, so that a
// row is new exactly when its id is above its table's offset.
using IdOffsets = std::map<std::string, long long>;

Result<IdOffsets> OffsetsOf(sqlite3* db, const std::vector<TableMergeRule>& plan) {
  IdOffsets offset;
  for (const TableMergeRule& rule : plan) {
    if (!rule.has_id) continue;
    Result<long long> max_id =
        Integer(db, "SELECT coalesce(max(id), 0) FROM main." + Quote(rule.table));
    if (!max_id.ok()) return max_id.status();
    offset[rule.table] = *max_id;
  }
  return offset;
}

// The INSERT … SELECT that copies one table of the attached shard (as `s`)
// into the output: ids shifted, links followed to their shifted parents,
// rows already there left out.
class TableCopy {
 public:
  explicit TableCopy(const IdOffsets& offset) : offset_(offset) {}

  // The statement for rule, or "" for a table the merge does not copy.
  Result<std::string> Sql(sqlite3* db, const TableMergeRule& rule) {
    switch (rule.kind) {
      case Kind::kOwn:
      case Kind::kDerived:
        return std::string();
      case Kind::kDocuments:
        Documents(rule);
        break;
      case Kind::kChild:
        Child(rule);
        break;
      case Kind::kSearch:
        if (Status s = Search(db, rule); !s.ok()) return s;
        break;
      case Kind::kRuns:
        Runs(rule);
        break;
    }
    return "INSERT INTO main." + Quote(rule.table) + "(" + columns_ + ") SELECT " + values_ +
           " FROM shard." + Quote(rule.table) + " AS s WHERE " + where_ +
           " ORDER BY s.rowid";  // the shard's order, so that ids keep it
  }

 private:
  std::string Shifted(const std::string& column, const std::string& table) const {
    const auto it = offset_.find(table);
    return "s." + Quote(column) + " + " + std::to_string(it == offset_.end() ? 0 : it->second);
  }
  std::string Kept(const std::string& column, const std::string& parent) const {
    return "EXISTS (SELECT 1 FROM main." + Quote(parent) +
           " WHERE id = " + Shifted(column, parent) + ")";
  }
  void Add(const std::string& column, const std::string& value) {
    columns_ += (columns_.empty() ? "" : ", ") + Quote(column);
    values_ += (values_.empty() ? "" : ", ") + value;
  }

  void Documents(const TableMergeRule& rule) {
    for (const std::string& c : rule.columns) {
      const bool link = std::any_of(rule.foreign_keys.begin(), rule.foreign_keys.end(),
                                    [&](const auto& f) { return f.column == c; });
      // A link between documents (same_as) is recomputed (merge.h).
      Add(c, c == "id" ? Shifted(c, rule.table) : link ? "NULL" : "s." + Quote(c));
    }
    where_ = "NOT EXISTS (SELECT 1 FROM main.documents m WHERE m.sha256 = s.sha256)";
  }

  void Child(const TableMergeRule& rule) {
    for (const std::string& c : rule.columns) {
      auto fk = std::find_if(rule.foreign_keys.begin(), rule.foreign_keys.end(),
                             [&](const auto& f) { return f.column == c; });
      if (c == "id" && rule.has_id) {
        Add(c, Shifted(c, rule.table));
      } else if (fk != rule.foreign_keys.end()) {
        Add(c, Shifted(c, fk->parent));
      } else {
        Add(c, "s." + Quote(c));
      }
    }
    for (const auto& fk : rule.foreign_keys) {
      where_ += (where_.empty() ? "" : " OR ") + std::string("(s.") + Quote(fk.column) +
                " IS NOT NULL AND " + Kept(fk.column, fk.parent) + ")";
    }
  }

  Status Search(sqlite3* db, const TableMergeRule& rule) {
    std::string known;
    std::string ref = "s.ref_id + CASE s.kind";
    for (const SearchKind& k : kSearchKinds) {
      known += (known.empty() ? "'" : ", '") + std::string(k.kind) + "'";
      const auto it = offset_.find(std::string(k.table));
      ref += " WHEN '" + std::string(k.kind) + "' THEN " +
             std::to_string(it == offset_.end() ? 0 : it->second);
    }
    ref += " END";
    Result<std::vector<std::vector<std::string>>> unknown =
        Rows(db, "SELECT DISTINCT kind FROM shard.search WHERE kind NOT IN (" + known + ")");
    if (!unknown.ok()) return unknown.status();
    if (!unknown->empty()) {
      return Status::Corruption("search rows of kind '" + unknown->front().front() +
                                "', which store/schema.sql.h does not list");
    }
    for (const std::string& c : rule.columns) {
      if (c == "ref_id") {
        Add(c, ref);
      } else if (c == "document_id") {
        Add(c, Shifted(c, "documents"));
      } else {
        Add(c, "s." + Quote(c));
      }
    }
    // Rows stay keyed by their document (schema.sql.h): its new id in the
    // high bits, the row's number in the shard in the low ones.
    Add("rowid", "((" + Shifted("document_id", "documents") + ") << 32) + (s.rowid & 4294967295)");
    where_ = Kept("document_id", "documents");
    return Status::OK();
  }

  void Runs(const TableMergeRule& rule) {
    for (const std::string& c : rule.columns) {
      if (c == "id") continue;  // nothing points at a run: numbered anew
      Add(c, "s." + Quote(c));
      where_ +=
          (where_.empty() ? "" : " AND ") + std::string("m.") + Quote(c) + " IS s." + Quote(c);
    }
    where_ = "NOT EXISTS (SELECT 1 FROM main.runs m WHERE " + where_ + ")";
  }

  const IdOffsets& offset_;
  std::string columns_, values_, where_;
};

// The merge itself is a run of the output, when it brought anything: a
// shard merged again adds no row.
Status RecordMergeRun(sqlite3* db, const MergedShard& merged, long long documents_offset,
                      const std::string& started_at) {
  if (merged.documents_added == 0 && merged.runs_added == 0) return Status::OK();
  const std::string since = std::to_string(documents_offset);
  auto added = [&](const char* status) {
    return "(SELECT count(*) FROM main.documents WHERE id > " + since + " AND status = '" + status +
           "')";
  };
  const std::string sql =
      "INSERT INTO main.runs(started_at, finished_at, arguments, documents_ok, documents_partial,"
      " documents_failed, documents_skipped) VALUES (?1, ?2, ?3, " +
      added("ok") + ", " + added("partial") + ", " + added("failed") + ", ?4)";
  Statement insert(db, sql);
  if (!insert.status().ok()) return Status::IOError(std::string("runs: ") + sqlite3_errmsg(db));
  const Result<long long> id = insert.Bind(1, started_at)
                                   .Bind(2, NowIso())
                                   .Bind(3, "merge " + merged.path)
                                   .Bind(4, merged.documents_already_there)
                                   .Run();
  if (!id.ok()) return Status::IOError(std::string("runs: ") + sqlite3_errmsg(db));
  return Status::OK();
}

}  // namespace

Status MergeTarget::CopyShard(MergedShard* merged) {
  const std::string started_at = NowIso();
  Result<IdOffsets> offset = OffsetsOf(db_, plan_);
  if (!offset.ok()) return offset.status();
  for (const TableMergeRule& rule : plan_) {
    Result<std::string> sql = TableCopy(*offset).Sql(db_, rule);
    if (!sql.ok()) return sql.status();
    if (sql->empty()) continue;
    if (Status s = Exec(db_, *sql); !s.ok()) return s.WithPrefix(rule.table);
    const long long rows = sqlite3_changes64(db_);
    merged->rows_added += rows;
    if (rule.kind == Kind::kDocuments) merged->documents_added = rows;
    if (rule.kind == Kind::kRuns) merged->runs_added = rows;
  }
  Result<long long> shard_documents = Integer(db_, "SELECT count(*) FROM shard.documents");
  if (!shard_documents.ok()) return shard_documents.status();
  merged->documents_already_there = *shard_documents - merged->documents_added;
  const auto documents = offset->find("documents");
  return RecordMergeRun(db_, *merged, documents == offset->end() ? 0 : documents->second,
                        started_at);
}

}  // namespace clsdb
