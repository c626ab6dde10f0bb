#include "store/store.h"

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <iterator>
#include <map>
#include <optional>
#include <thread>
#include <vector>

#include "store/schema.sql.h"

namespace clsdb {

namespace {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

Status SqlError(sqlite3* db, const std::string& what) {
  return Status::IOError(what + ": " + sqlite3_errmsg(db));
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::IOError(std::string("sqlite: ") + msg);
  }
  return Status::OK();
}

// Brings a database of schema version `from` to kSchemaVersion, one step at
// a time, in one transaction (schema.sql.h lists the versions).
Status Migrate(sqlite3* db, int from) {
  static const char* const kSteps[] = {
      // 1 -> 2: pages read by OCR, and how sure OCR was.
      "ALTER TABLE pages ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0;"
      "ALTER TABLE pages ADD COLUMN ocr_confidence REAL;",
      // 2 -> 3: attempts, and which failures are of the moment.  Version 2
      // stored those as permanent failures; their messages tell them.
      "ALTER TABLE documents ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;"
      "ALTER TABLE documents ADD COLUMN transient INTEGER NOT NULL DEFAULT 0;"
      "UPDATE documents SET transient = 1 WHERE status = 'failed' AND ("
      " error LIKE '%timed out after%' OR error LIKE '%past the document''s time limit%'"
      " OR error LIKE '%Too many open files%' OR error LIKE '%memory limit of%'"
      " OR error LIKE '%bad_alloc%' OR error LIKE '%PDF reader crashed (signal%');",
  };
  static_assert(std::size(kSteps) == kSchemaVersion - 1, "one step per version");
  if (from < 1) return Status::Corruption("unknown schema_version " + std::to_string(from));
  std::string sql = "BEGIN;";
  for (int v = from; v < kSchemaVersion; ++v) sql += kSteps[v - 1];
  sql += "UPDATE meta SET value = '" + std::to_string(kSchemaVersion) +
         "' WHERE key = 'schema_version';COMMIT;";
  Status s = Exec(db, sql.c_str());
  if (!s.ok()) Exec(db, "ROLLBACK");
  return s;
}

// A failure to open or set up the database at path: IOError when the
// operating system refused (a read-only folder, a full disk), Corruption
// when the file is not a database.
Status OpenError(sqlite3* db, const std::string& path, const std::string& message) {
  const int code = sqlite3_errcode(db) & 0xff;
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
    return Status::Corruption(path + ": not a SQLite database (" + message + ")");
  }
  return Status::IOError(path + ": " + message);
}

// The schema version of the database at path before Open touches it: 0 for
// an empty database (clsdb creates its schema there), else the version in
// its meta table.  Errors: InvalidArgument for a database that is not
// clsdb's (tables but no meta.schema_version, or a version that is not a
// number clsdb wrote, or one newer than this build); Corruption for a file
// that is not a database.  Reads only.
Result<int> StoredSchemaVersion(sqlite3* db, const std::string& path) {
  sqlite3_stmt* stmt = nullptr;
  auto query = [&](const char* sql) -> int {
    sqlite3_finalize(stmt);
    stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return sqlite3_errcode(db);
    return sqlite3_step(stmt);
  };
  auto done = [&](Result<int> r) {
    sqlite3_finalize(stmt);
    return r;
  };
  if (query("SELECT count(*) FROM sqlite_master") != SQLITE_ROW) {
    return done(OpenError(db, path, sqlite3_errmsg(db)));
  }
  if (sqlite3_column_int64(stmt, 0) == 0) return done(0);
  const std::string refuse = path + ": not a clsdb database, left unchanged: ";
  if (query("SELECT value FROM meta WHERE key = 'schema_version'") != SQLITE_ROW) {
    return done(Status::InvalidArgument(refuse + "it has tables but no meta.schema_version"));
  }
  const unsigned char* text = sqlite3_column_text(stmt, 0);
  const std::string value = text ? reinterpret_cast<const char*>(text) : "NULL";
  const bool number = !value.empty() && value.size() < 6 &&
                      value.find_first_not_of("0123456789") == std::string::npos;
  const int version = number ? std::stoi(value) : 0;
  if (version < 1) {
    return done(Status::InvalidArgument(refuse + "meta.schema_version is '" + value +
                                        "', not a version clsdb writes (1 to " +
                                        std::to_string(kSchemaVersion) + ")"));
  }
  if (version > kSchemaVersion) {
    return done(Status::InvalidArgument(
        path + ": schema_version " + std::to_string(version) + " is newer than this build's " +
        std::to_string(kSchemaVersion) + ": use a newer clsdb, or another --db"));
  }
  return done(version);
}

// A prepared statement, reset after each use.  Binding helpers take the
// optional model types directly so that NULL means "not stated".
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Status Prepare(sqlite3* db, const char* sql) {
    db_ = db;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
      return SqlError(db, std::string("prepare ") + sql);
    }
    return Status::OK();
  }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string(v)); }
  Stmt& Bind(int i, const std::optional<std::string>& v) {
    if (v) return Bind(i, *v);
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  Stmt& Bind(int i, long long v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<long long>(v)); }
  Stmt& Bind(int i, const std::optional<double>& v) {
    if (v) {
      sqlite3_bind_double(stmt_, i, *v);
    } else {
      sqlite3_bind_null(stmt_, i);
    }
    return *this;
  }
  Stmt& Bind(int i, const std::optional<long long>& v) {
    if (v) return Bind(i, *v);
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  Stmt& BindId(int i, long long id) {  // a foreign key: <0 means none
    if (id < 0) {
      sqlite3_bind_null(stmt_, i);
    } else {
      sqlite3_bind_int64(stmt_, i, id);
    }
    return *this;
  }
  // Executes an INSERT/UPDATE/DELETE; returns the last rowid.
  Result<long long> Run() {
    int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return SqlError(db_, "write");
    return static_cast<long long>(sqlite3_last_insert_rowid(db_));
  }
  sqlite3_stmt* get() { return stmt_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Provenance spans are byte offsets in memory; the schema promises character
// offsets into pages.text, which is what SQLite's substr() counts.  A page's
// table of characters-before-each-byte is built once per document write, so a
// fact costs O(1) however long its page is.
class CharOffsets {
 public:
  explicit CharOffsets(const std::vector<DocumentRow::Page>& pages) : pages_(pages) {}
  // The character offset of byte_offset in page page_no's text; the byte
  // offset itself when there is no such page.
  int Of(int page_no, int byte_offset) {
    const std::vector<int>* table = TableFor(page_no);
    if (table == nullptr) return byte_offset;
    if (byte_offset <= 0) return 0;
    return (*table)[std::min<size_t>(byte_offset, table->size() - 1)];
  }

 private:
  const std::vector<int>* TableFor(int page_no) {
    if (auto it = tables_.find(page_no); it != tables_.end()) return &it->second;
    for (const auto& page : pages_) {
      if (page.page_no != page_no) continue;
      std::vector<int>& table = tables_[page_no];
      table.resize(page.text.size() + 1);
      int chars = 0;
      for (size_t i = 0; i < page.text.size(); ++i) {
        table[i] = chars;
        if ((static_cast<unsigned char>(page.text[i]) & 0xC0) != 0x80) ++chars;
      }
      table[page.text.size()] = chars;
      return &table;
    }
    return nullptr;
  }

  const std::vector<DocumentRow::Page>& pages_;
  std::map<int, std::vector<int>> tables_;
};

}  // namespace

// Runs PASSIVE checkpoints on a connection of its own when the writer's
// commits have put more than kWalFrames frames in the WAL.  A passive
// checkpoint never blocks the writer or a reader; what it cannot copy yet (a
// reader still needs it) is copied next time.
class Store::Checkpointer {
 public:
  static constexpr int kWalFrames = 1000;  // SQLite's own auto-checkpoint size
  static constexpr int kWalRestartFrames = 8 * kWalFrames;
  static constexpr int kRestartWaitMs = 100;

  // Returns nullptr when the second connection cannot be opened: the writer
  // then keeps SQLite's automatic checkpoints.
  static std::unique_ptr<Checkpointer> Start(const std::string& path, sqlite3* writer) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
      sqlite3_close(db);
      return nullptr;
    }
    // A RESTART checkpoint waits for the writer's transaction and for
    // readers of old snapshots, and holds new writers back meanwhile: it
    // gives up after kRestartWaitMs, so that an analyst's long query never
    // stalls the batch; the WAL then waits for the next attempt.
    sqlite3_busy_timeout(db, kRestartWaitMs);
    // A connection knows the database is in WAL mode only once it has read
    // it; until then a checkpoint on it does nothing.
    if (!Exec(db, "SELECT count(*) FROM sqlite_master").ok()) {
      sqlite3_close(db);
      return nullptr;
    }
    std::unique_ptr<Checkpointer> c(new Checkpointer(db));
    sqlite3_wal_hook(writer, &Checkpointer::OnCommit, c.get());  // replaces auto-checkpoint
    c->thread_ = std::thread([p = c.get()] { p->Loop(); });
    return c;
  }

  // REQUIRES: the writer connection no longer calls OnCommit (unhooked).
  ~Checkpointer() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
    sqlite3_close(db_);
  }

 private:
  explicit Checkpointer(sqlite3* db) : db_(db) {}

  static int OnCommit(void* self, sqlite3*, const char*, int frames) {
    auto* c = static_cast<Checkpointer*>(self);
    if (frames >= kWalFrames) {
      {
        std::lock_guard lock(c->mu_);
        c->pending_ = true;
      }
      c->wake_.notify_one();
    }
    return SQLITE_OK;
  }

  void Loop() {
    std::unique_lock lock(mu_);
    while (true) {
      wake_.wait(lock, [&] { return pending_ || stop_; });
      if (stop_) return;
      pending_ = false;
      lock.unlock();
      int log_frames = 0, copied = 0;
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log_frames, &copied);
      // The WAL starts over only after a checkpoint that copied all of it,
      // which a busy writer rarely leaves time for.  Past kWalRestartFrames,
      // a RESTART checkpoint waits for the writer's current transaction and
      // copies the few frames left, so that the WAL does not grow with the
      // batch.
      // After a RESTART that gave up (a reader still uses the WAL), the next
      // attempt waits for as many frames again, so that a long query costs
      // the writer one short wait, not one per commit.
      if (log_frames > restart_at_) {
        const int rc =
            sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
        restart_at_ = rc == SQLITE_OK ? kWalRestartFrames : log_frames + kWalRestartFrames;
      }
      lock.lock();
    }
  }

  sqlite3* db_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool pending_ = false, stop_ = false;
  int restart_at_ = kWalRestartFrames;  // WAL frames; only the checkpointer thread
};

struct Store::Statements {
  Stmt find_doc, delete_doc, insert_doc, insert_page, insert_diag, insert_delib, insert_attendee,
      insert_legal, insert_trans, insert_contract, insert_party, insert_article, insert_orient,
      insert_objective, insert_action, insert_operation, insert_actor, insert_indicator,
      insert_schedule, insert_glossary, insert_search, delete_search, delete_legacy_search;
};

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  static const int config = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }();
  (void)config;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IOError(path + ": cannot open database: " + msg);
  }
  std::unique_ptr<Store> store(new Store(db));
  sqlite3_busy_timeout(db, 10000);
  // Nothing is written before the file is known to be clsdb's or empty.
  Result<int> stored = StoredSchemaVersion(db, path);
  if (!stored.ok()) return stored.status();
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
    if (Status s = Exec(db, pragma); !s.ok()) return OpenError(db, path, s.message());
  }
  if (Status s = Exec(db, kSchemaSql); !s.ok()) {
    return OpenError(db, path, "cannot create the schema: " + s.message());
  }
  if (*stored == 0) {
    const std::string sql = "INSERT INTO meta(key, value) VALUES ('schema_version', '" +
                            std::to_string(kSchemaVersion) + "')";
    if (Status w = Exec(db, sql.c_str()); !w.ok()) return OpenError(db, path, w.message());
  } else if (*stored < kSchemaVersion) {
    if (Status m = Migrate(db, *stored); !m.ok()) {
      return OpenError(
          db, path,
          "cannot migrate the schema from version " + std::to_string(*stored) + ": " + m.message());
    }
  }
  auto& st = *store->stmts_;
  const std::pair<Stmt*, const char*> statements[] = {
      {&st.find_doc, "SELECT id FROM documents WHERE sha256 = ?1"},
      {&st.delete_doc, "DELETE FROM documents WHERE id = ?1"},
      // A document's index rows are keyed (document id << 32) + n (see
      // schema.sql.h): deleting them is a rowid range, not a scan of the
      // whole index.  Rows written before that scheme (rowid < 2^32) are
      // found by the scan they always needed, over those rows only.
      {&st.delete_search,
       "DELETE FROM search WHERE rowid BETWEEN (?1 << 32) AND (?1 << 32) + 4294967295"},
      {&st.delete_legacy_search,
       "DELETE FROM search WHERE rowid < 4294967296 AND document_id = ?1"},
      {&st.insert_doc,
       "INSERT INTO documents(sha256, path, format, doc_type, title, page_count, status, error,"
       " encoding, size_bytes, ingested_at, pipeline_version, attempts, transient)"
       " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"},
      {&st.insert_page,
       "INSERT INTO pages(document_id, page_no, text, has_text_layer, ocr, ocr_confidence)"
       " VALUES (?1,?2,?3,?4,?5,?6)"},
      {&st.insert_diag,
       "INSERT INTO diagnostics(document_id, stage, page, message) VALUES (?1,?2,?3,?4)"},
      {&st.insert_delib,
       "INSERT INTO deliberations(document_id, body, number, meeting_date, title, president,"
       " secretary, votes_for, votes_against, votes_abstention, votes_absent, votes_text,"
       " outcome, signed_place, signed_date, page, span_start, span_end, rule)"
       " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)"},
      {&st.insert_attendee,
       "INSERT INTO attendees(deliberation_id, name, status, page, span_start, span_end, rule)"
       " VALUES (?1,?2,?3,?4,?5,?6,?7)"},
      {&st.insert_legal,
       "INSERT INTO legal_refs(document_id, deliberation_id, contract_id, code, article,"
       " cited_number, cited_date, text, page, span_start, span_end, rule)"
       " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"},
      {&st.insert_trans,
       "INSERT OR IGNORE INTO transmissions(document_id, actes_id, department, siren,"
       " decision_date, act_ref, nature, sent_date, received_date, published_date, page,"
       " span_start, span_end, rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"},
      {&st.insert_contract,
       "INSERT INTO contracts(document_id, title, territory, territory_acronym, generation,"
       " period_start, period_end, signed_place, signed_date, population, communes, page,"
       " span_start, span_end, rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)"},
      {&st.insert_party,
       "INSERT INTO parties(contract_id, organization, acronym, representative,"
       " representative_title, address, page, span_start, span_end, rule)"
       " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"},
      {&st.insert_article,
       "INSERT INTO articles(contract_id, number, title, body, page, span_start, span_end, rule)"
       " VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"},
      {&st.insert_orient,
       "INSERT INTO orientations(contract_id, number, title, page, span_start, span_end, rule)"
       " VALUES (?1,?2,?3,?4,?5,?6,?7)"},
      {&st.insert_objective,
       "INSERT INTO objectives(orientation_id, contract_id, number, title, page, span_start,"
       " span_end, rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"},
      {&st.insert_action,
       "INSERT INTO actions(contract_id, orientation_id, code, title, description, page,"
       " span_start, span_end, rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"},
      {&st.insert_operation,
       "INSERT INTO operations(action_id, contract_id, code, title, page, span_start, span_end,"
       " rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"},
      {&st.insert_actor,
       "INSERT INTO actors(contract_id, action_id, operation_id, role, name, page, span_start,"
       " span_end, rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"},
      {&st.insert_indicator,
       "INSERT INTO indicators(action_id, operation_id, kind, text, page, span_start, span_end,"
       " rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"},
      {&st.insert_schedule,
       "INSERT INTO schedule(action_id, operation_id, year, text, page, span_start, span_end,"
       " rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"},
      {&st.insert_glossary,
       "INSERT INTO glossary(document_id, acronym, expansion, page, span_start, span_end, rule)"
       " VALUES (?1,?2,?3,?4,?5,?6,?7)"},
      {&st.insert_search,
       "INSERT INTO search(rowid, text, kind, ref_id, document_id)"
       " VALUES ((?4 << 32) + ?5,?1,?2,?3,?4)"},
  };
  for (const auto& [stmt, sql] : statements) {
    Status p = stmt->Prepare(db, sql);
    if (!p.ok()) return p;
  }
  store->checkpointer_ = Checkpointer::Start(path, db);
  return store;
}

Store::Store(sqlite3* db) : db_(db), stmts_(std::make_unique<Statements>()) {}

Store::~Store() {
  if (checkpointer_) {
    sqlite3_wal_hook(db_, nullptr, nullptr);
    checkpointer_.reset();
  }
  stmts_.reset();      // finalize statements before closing
  sqlite3_close(db_);  // the last connection: checkpoints what is left
}

std::optional<long long> Store::FindDocument(const std::string& sha256) {
  sqlite3_stmt* s = stmts_->find_doc.get();
  sqlite3_bind_text(s, 1, sha256.data(), static_cast<int>(sha256.size()), SQLITE_TRANSIENT);
  std::optional<long long> id;
  if (sqlite3_step(s) == SQLITE_ROW) id = sqlite3_column_int64(s, 0);
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  return id;
}

Result<std::unique_ptr<StoredDocuments>> StoredDocuments::Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IOError(path + ": cannot open database for reading: " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_stmt* find = nullptr;
  if (sqlite3_prepare_v3(db, "SELECT status, transient, attempts FROM documents WHERE sha256 = ?1",
                         -1, SQLITE_PREPARE_PERSISTENT, &find, nullptr) != SQLITE_OK) {
    Status s = SqlError(db, path + ": prepare");
    sqlite3_close(db);
    return s;
  }
  return std::unique_ptr<StoredDocuments>(new StoredDocuments(db, find));
}

StoredDocuments::~StoredDocuments() {
  sqlite3_finalize(find_);
  sqlite3_close(db_);
}

std::optional<StoredDocuments::Outcome> StoredDocuments::Find(const std::string& sha256) {
  std::lock_guard lock(mu_);
  sqlite3_bind_text(find_, 1, sha256.data(), static_cast<int>(sha256.size()), SQLITE_TRANSIENT);
  std::optional<Outcome> found;
  if (sqlite3_step(find_) == SQLITE_ROW) {
    const unsigned char* status = sqlite3_column_text(find_, 0);
    found = Outcome{status ? reinterpret_cast<const char*>(status) : "",
                    sqlite3_column_int(find_, 1) != 0, sqlite3_column_int(find_, 2)};
  }
  sqlite3_reset(find_);
  sqlite3_clear_bindings(find_);
  return found;
}

Result<long long> Store::WriteDocument(const DocumentRow& doc, bool replace, bool* already_stored) {
  if (already_stored != nullptr) *already_stored = false;
  Status begin = Exec(db_, "BEGIN IMMEDIATE");
  if (!begin.ok()) return begin;
  Result<long long> id = WriteDocumentLocked(doc, replace, already_stored);
  if (!id.ok()) {
    Exec(db_, "ROLLBACK");
    return id.status().WithPrefix(doc.path);
  }
  Status commit = Exec(db_, "COMMIT");
  if (!commit.ok()) {
    Exec(db_, "ROLLBACK");
    return commit.WithPrefix(doc.path);
  }
  return id;
}

Result<long long> Store::WriteDocumentLocked(const DocumentRow& doc, bool replace,
                                             bool* already_stored) {
  auto& st = *stmts_;
  if (auto existing = FindDocument(doc.sha256)) {
    if (!replace) {
      if (already_stored != nullptr) *already_stored = true;
      return *existing;
    }
    if (auto r = st.delete_search.Bind(1, *existing).Run(); !r.ok()) return r.status();
    if (auto r = st.delete_legacy_search.Bind(1, *existing).Run(); !r.ok()) return r.status();
    if (auto r = st.delete_doc.Bind(1, *existing).Run(); !r.ok()) return r.status();
  }
  const DocumentRecords& rec = doc.records;
  Result<long long> doc_id = st.insert_doc.Bind(1, doc.sha256)
                                 .Bind(2, doc.path)
                                 .Bind(3, doc.format)
                                 .Bind(4, rec.doc_type)
                                 .Bind(5, rec.title)
                                 .Bind(6, doc.page_count)
                                 .Bind(7, doc.status)
                                 .Bind(8, doc.error.empty() ? OptText() : OptText(doc.error))
                                 .Bind(9, doc.encoding.empty() ? OptText() : OptText(doc.encoding))
                                 .Bind(10, doc.size_bytes)
                                 .Bind(11, NowIso())
                                 .Bind(12, std::string(CLSDB_VERSION))
                                 .Bind(13, doc.attempts)
                                 .Bind(14, doc.transient ? 1 : 0)
                                 .Run();
  if (!doc_id.ok()) return doc_id;
  const long long did = *doc_id;

  for (const auto& page : doc.pages) {
    auto r = st.insert_page.Bind(1, did)
                 .Bind(2, page.page_no)
                 .Bind(3, page.text)
                 .Bind(4, page.has_text_layer ? 1 : 0)
                 .Bind(5, page.ocr ? 1 : 0)
                 .Bind(6, page.ocr ? std::optional<double>(page.ocr_confidence) : std::nullopt)
                 .Run();
    if (!r.ok()) return r.status();
  }
  for (const auto& d : rec.diagnostics) {
    auto r = st.insert_diag.Bind(1, did).Bind(2, d.stage).Bind(3, d.page).Bind(4, d.message).Run();
    if (!r.ok()) return r.status();
  }

  // Provenance columns: page, span_start, span_end (characters), rule.
  CharOffsets offsets(doc.pages);
  auto prov = [&](Stmt& s, int first, const Provenance& p) -> Stmt& {
    s.Bind(first, p.page);
    s.Bind(first + 1, offsets.Of(p.page, p.span_start));
    s.Bind(first + 2, offsets.Of(p.page, p.span_end));
    s.Bind(first + 3, p.rule);
    return s;
  };
  long long search_rows = 0;
  auto search = [&](const std::string& text, const char* kind, long long ref) -> Status {
    if (text.empty()) return Status::OK();
    auto r = st.insert_search.Bind(1, text)
                 .Bind(2, kind)
                 .Bind(3, ref)
                 .Bind(4, did)
                 .Bind(5, ++search_rows)
                 .Run();
    return r.ok() ? Status::OK() : r.status();
  };

  std::vector<long long> delib_ids;
  for (const auto& d : rec.deliberations) {
    st.insert_delib.Bind(1, did)
        .Bind(2, d.body)
        .Bind(3, d.number)
        .Bind(4, d.meeting_date)
        .Bind(5, d.title)
        .Bind(6, d.president)
        .Bind(7, d.secretary)
        .Bind(8, d.votes_for)
        .Bind(9, d.votes_against)
        .Bind(10, d.votes_abstention)
        .Bind(11, d.votes_absent)
        .Bind(12, d.votes_text)
        .Bind(13, d.outcome)
        .Bind(14, d.signed_place)
        .Bind(15, d.signed_date);
    auto r = prov(st.insert_delib, 16, d.prov).Run();
    if (!r.ok()) return r.status();
    delib_ids.push_back(*r);
    for (const auto& a : d.attendees) {
      st.insert_attendee.Bind(1, *r).Bind(2, a.name).Bind(3, a.status);
      auto ra = prov(st.insert_attendee, 4, a.prov).Run();
      if (!ra.ok()) return ra.status();
    }
  }
  for (const auto& t : rec.transmissions) {
    st.insert_trans.Bind(1, did)
        .Bind(2, t.actes_id)
        .Bind(3, t.department)
        .Bind(4, t.siren)
        .Bind(5, t.decision_date)
        .Bind(6, t.act_ref)
        .Bind(7, t.nature)
        .Bind(8, t.sent_date)
        .Bind(9, t.received_date)
        .Bind(10, t.published_date);
    auto r = prov(st.insert_trans, 11, t.prov).Run();
    if (!r.ok()) return r.status();
  }
  std::vector<long long> contract_ids;
  for (const auto& c : rec.contracts) {
    st.insert_contract.Bind(1, did)
        .Bind(2, c.title)
        .Bind(3, c.territory)
        .Bind(4, c.territory_acronym)
        .Bind(5, c.generation)
        .Bind(6, c.period_start)
        .Bind(7, c.period_end)
        .Bind(8, c.signed_place)
        .Bind(9, c.signed_date)
        .Bind(10, c.population)
        .Bind(11, c.communes);
    auto rc = prov(st.insert_contract, 12, c.prov).Run();
    if (!rc.ok()) return rc.status();
    const long long cid = *rc;
    contract_ids.push_back(cid);
    for (const auto& p : c.parties) {
      st.insert_party.Bind(1, cid)
          .Bind(2, p.organization)
          .Bind(3, p.acronym)
          .Bind(4, p.representative)
          .Bind(5, p.representative_title)
          .Bind(6, p.address);
      if (auto r = prov(st.insert_party, 7, p.prov).Run(); !r.ok()) return r.status();
    }
    for (const auto& a : c.articles) {
      st.insert_article.Bind(1, cid).Bind(2, a.number).Bind(3, a.title).Bind(4, a.body);
      auto r = prov(st.insert_article, 5, a.prov).Run();
      if (!r.ok()) return r.status();
      if (Status s = search(a.title + "\n" + a.body, "article", *r); !s.ok()) return s;
    }
    std::vector<long long> orient_ids;
    for (const auto& o : c.orientations) {
      st.insert_orient.Bind(1, cid).Bind(2, o.number).Bind(3, o.title);
      auto r = prov(st.insert_orient, 4, o.prov).Run();
      if (!r.ok()) return r.status();
      orient_ids.push_back(*r);
    }
    auto id_at = [](const std::vector<long long>& ids, int index) -> long long {
      return index >= 0 && index < static_cast<int>(ids.size()) ? ids[index] : -1;
    };
    for (const auto& o : c.objectives) {
      st.insert_objective.BindId(1, id_at(orient_ids, o.orientation_index))
          .Bind(2, cid)
          .Bind(3, o.number)
          .Bind(4, o.title);
      if (auto r = prov(st.insert_objective, 5, o.prov).Run(); !r.ok()) return r.status();
    }
    std::vector<long long> action_ids;
    for (const auto& a : c.actions) {
      st.insert_action.Bind(1, cid)
          .BindId(2, id_at(orient_ids, a.orientation_index))
          .Bind(3, a.code)
          .Bind(4, a.title)
          .Bind(5, a.description);
      auto r = prov(st.insert_action, 6, a.prov).Run();
      if (!r.ok()) return r.status();
      action_ids.push_back(*r);
      if (Status s = search(a.title + "\n" + a.description.value_or(""), "action", *r); !s.ok()) {
        return s;
      }
    }
    std::vector<long long> op_ids;
    for (const auto& o : c.operations) {
      st.insert_operation.BindId(1, id_at(action_ids, o.action_index))
          .Bind(2, cid)
          .Bind(3, o.code)
          .Bind(4, o.title);
      auto r = prov(st.insert_operation, 5, o.prov).Run();
      if (!r.ok()) return r.status();
      op_ids.push_back(*r);
      if (Status s = search(o.title, "operation", *r); !s.ok()) return s;
    }
    for (const auto& a : c.actors) {
      st.insert_actor.Bind(1, cid)
          .BindId(2, id_at(action_ids, a.action_index))
          .BindId(3, id_at(op_ids, a.operation_index))
          .Bind(4, a.role)
          .Bind(5, a.name);
      if (auto r = prov(st.insert_actor, 6, a.prov).Run(); !r.ok()) return r.status();
    }
    for (const auto& i : c.indicators) {
      st.insert_indicator.BindId(1, id_at(action_ids, i.action_index))
          .BindId(2, id_at(op_ids, i.operation_index))
          .Bind(3, i.kind)
          .Bind(4, i.text);
      auto r = prov(st.insert_indicator, 5, i.prov).Run();
      if (!r.ok()) return r.status();
      if (Status s = search(i.text, "indicator", *r); !s.ok()) return s;
    }
    for (const auto& e : c.schedule) {
      st.insert_schedule.BindId(1, id_at(action_ids, e.action_index))
          .BindId(2, id_at(op_ids, e.operation_index))
          .Bind(3, e.year)
          .Bind(4, e.text);
      if (auto r = prov(st.insert_schedule, 5, e.prov).Run(); !r.ok()) return r.status();
    }
  }
  for (size_t i = 0; i < rec.deliberations.size(); ++i) {
    for (const auto& l : rec.deliberations[i].legal_refs) {
      st.insert_legal.Bind(1, did)
          .BindId(2, delib_ids[i])
          .BindId(3,
                  l.contract_index >= 0 && l.contract_index < static_cast<int>(contract_ids.size())
                      ? contract_ids[l.contract_index]
                      : -1)
          .Bind(4, l.code)
          .Bind(5, l.article)
          .Bind(6, l.cited_number)
          .Bind(7, l.cited_date)
          .Bind(8, l.text);
      if (auto r = prov(st.insert_legal, 9, l.prov).Run(); !r.ok()) return r.status();
    }
  }
  for (const auto& g : rec.glossary) {
    st.insert_glossary.Bind(1, did).Bind(2, g.acronym).Bind(3, g.expansion);
    if (auto r = prov(st.insert_glossary, 4, g.prov).Run(); !r.ok()) return r.status();
  }
  return did;
}

Result<long long> Store::BeginRun(const std::string& arguments) {
  Stmt s;
  if (Status p = s.Prepare(db_, "INSERT INTO runs(started_at, arguments) VALUES (?1, ?2)");
      !p.ok()) {
    return p;
  }
  return s.Bind(1, NowIso()).Bind(2, arguments).Run();
}

Status Store::FinishRun(long long run_id, const RunCounts& counts) {
  Stmt s;
  Status p = s.Prepare(db_,
                       "UPDATE runs SET finished_at=?1, documents_ok=?2, documents_partial=?3,"
                       " documents_failed=?4, documents_skipped=?5 WHERE id=?6");
  if (!p.ok()) return p;
  auto r = s.Bind(1, NowIso())
               .Bind(2, counts.ok)
               .Bind(3, counts.partial)
               .Bind(4, counts.failed)
               .Bind(5, counts.skipped)
               .Bind(6, run_id)
               .Run();
  return r.ok() ? Status::OK() : r.status();
}

Result<Store::Summary> Store::Summarize() {
  Summary out;
  {
    Stmt s;
    Status p = s.Prepare(db_,
                         "SELECT coalesce(doc_type,'-') || ' / ' || status, count(*) FROM documents"
                         " GROUP BY 1 ORDER BY 1");
    if (!p.ok()) return p;
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
      out.documents_by_type_status.emplace_back(
          reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)),
          sqlite3_column_int64(s.get(), 1));
    }
  }
  for (const char* table :
       {"documents", "pages", "deliberations", "attendees", "legal_refs", "transmissions",
        "contracts", "parties", "articles", "orientations", "objectives", "actions", "operations",
        "actors", "indicators", "schedule", "glossary"}) {
    Stmt s;
    std::string sql = std::string("SELECT count(*) FROM ") + table;
    Status p = s.Prepare(db_, sql.c_str());
    if (!p.ok()) return p;
    long long n = sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : 0;
    out.table_rows.emplace_back(table, n);
  }
  return out;
}

Result<std::string> Store::IntegrityCheck() {
  Stmt s;
  Status p = s.Prepare(db_, "PRAGMA integrity_check");
  if (!p.ok()) return p;
  if (sqlite3_step(s.get()) != SQLITE_ROW) return SqlError(db_, "integrity_check");
  return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)));
}

}  // namespace clsdb
