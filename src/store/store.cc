#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "store/new_database.h"
#include "store/record_tables.h"
#include "store/schema.sql.h"
#include "store/statement.h"

namespace clsdb {

using namespace store_internal;  // NOLINT: store/'s own

namespace {

// The candidates SameContentCandidates reads and returns at the most.
constexpr size_t kMaxSameContentCandidates = 8;

// content_fingerprints.minhash: 8 hex digits a slot (schema.sql.h).  A
// digit that is none reads as 0: the column is only ever written by
// WriteFingerprint.
std::vector<std::uint32_t> MinHashFromHex(std::string_view hex) {
  std::vector<std::uint32_t> minhash;
  minhash.reserve(hex.size() / 8);
  for (size_t i = 0; i + 8 <= hex.size(); i += 8) {
    std::uint32_t v = 0;
    for (size_t k = i; k < i + 8; ++k) {
      const char c = hex[k];
      const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 0;
      v = (v << 4) | static_cast<std::uint32_t>(digit);
    }
    minhash.push_back(v);
  }
  return minhash;
}

Status SqlError(sqlite3* db, const std::string& what) {
  return Status::IOError(what + ": " + sqlite3_errmsg(db));
}

// One version's change: the columns it adds, then the SQL that fills them.
struct MigrationStep {
  struct AddedColumn {
    const char* table;
    const char* name;
    const char* definition;  // "INTEGER NOT NULL DEFAULT 0"
  };
  std::vector<AddedColumn> columns;
  const char* sql = "";
};

// Whether table has column name.  kSchemaSql runs before the migration, so
// a table the old database lacked is already there with every column.
bool HasColumn(sqlite3* db, const char* table, const char* name) {
  Statement q(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
  q.Bind(1, table).Bind(2, name);
  return q.Next();
}

// Brings a database of schema version `from` to kSchemaVersion, one step at
// a time, in one transaction (schema.sql.h lists the versions).
Status Migrate(sqlite3* db, int from) {
  static const MigrationStep kSteps[] = {
      // 1 -> 2: pages read by OCR, and how sure OCR was.
      {{{"pages", "ocr", "INTEGER NOT NULL DEFAULT 0"}, {"pages", "ocr_confidence", "REAL"}}},
      // 2 -> 3: attempts, and which failures are of the moment.  Version 2
      // stored those as permanent failures; their messages tell them.
      {{{"documents", "attempts", "INTEGER NOT NULL DEFAULT 1"},
        {"documents", "transient", "INTEGER NOT NULL DEFAULT 0"}},
       "UPDATE documents SET transient = 1 WHERE status = 'failed' AND ("
       " error LIKE '%timed out after%' OR error LIKE '%past the document''s time limit%'"
       " OR error LIKE '%Too many open files%' OR error LIKE '%memory limit of%'"
       " OR error LIKE '%bad_alloc%' OR error LIKE '%PDF reader crashed (signal%');"},
      // 3 -> 4: diagnostics with codes and spans.  Version 3 wrote three
      // kinds of message, each starting "page N"; their codes and pages are
      // read back from the text.
      {{{"diagnostics", "code", "TEXT NOT NULL DEFAULT ''"},
        {"diagnostics", "detail", "TEXT"},
        {"diagnostics", "span_start", "INTEGER"},
        {"diagnostics", "span_end", "INTEGER"},
        {"diagnostics", "rule", "TEXT"}},
       "UPDATE diagnostics SET code = CASE"
       " WHEN message LIKE 'page % has no text layer' THEN 'layout.page_without_text'"
       " WHEN message LIKE 'page %: no text layer, and OCR found no text on it'"
       "  THEN 'read.ocr_blank_page'"
       " WHEN message LIKE 'page %: OCR read it with a low mean word confidence%'"
       "  THEN 'read.ocr_low_confidence' ELSE code END WHERE code = '';"
       "UPDATE diagnostics SET page = CAST(substr(message, 6) AS INTEGER)"
       " WHERE code <> '' AND ifnull(page, 0) = 0 AND message LIKE 'page %';"},
      // 4 -> 5: content identity.  Its tables come with kSchemaSql; the
      // documents already stored are fingerprinted by the next ingest.
      {{{"documents", "same_as", "INTEGER REFERENCES documents(id) ON DELETE SET NULL"}}},
      // 5 -> 6: links and organisations.  deliberation_contracts and the
      // organisation tables come with kSchemaSql, the views with
      // kSchemaAfterMigrationSql; rows stored by version 5 stay unlinked
      // (NULL) and their contracts without organisations until their
      // document is ingested again.
      {{{"glossary", "contract_id", "INTEGER REFERENCES contracts(id) ON DELETE SET NULL"},
        {"transmissions", "deliberation_id",
         "INTEGER REFERENCES deliberations(id) ON DELETE SET NULL"},
        {"parties", "organization_id", "INTEGER REFERENCES organizations(id) ON DELETE SET NULL"},
        {"actors", "organization_id", "INTEGER REFERENCES organizations(id) ON DELETE SET NULL"}}},
      // 6 -> 7: one spelling per person; rows stored by version 6 stay NULL
      // until their document is ingested again.
      {{{"parties", "representative_canonical", "TEXT"}}},
      // 7 -> 8: where organisations are, and one spelling per person in
      // acts too; NULL until ingested again.
      {{{"organizations", "department_code", "TEXT"},
        {"organizations", "siren", "TEXT"},
        {"deliberations", "president_canonical", "TEXT"},
        {"deliberations", "secretary_canonical", "TEXT"},
        {"attendees", "name_canonical", "TEXT"}}},
      // 8 -> 9: indexes no query reads, each an upkeep at every insert.
      {{},
       "DROP INDEX IF EXISTS actors_name; DROP INDEX IF EXISTS glossary_acronym;"
       " DROP INDEX IF EXISTS documents_path; DROP INDEX IF EXISTS organizations_match_key;"},
  };
  static_assert(std::size(kSteps) == kSchemaVersion - 1, "one step per version");
  if (from < 1) return Status::Corruption("unknown schema_version " + std::to_string(from));
  Status s = Exec(db, "BEGIN");
  for (int v = from; v < kSchemaVersion && s.ok(); ++v) {
    for (const MigrationStep::AddedColumn& c : kSteps[v - 1].columns) {
      if (!s.ok() || HasColumn(db, c.table, c.name)) continue;
      const std::string add =
          std::string("ALTER TABLE ") + c.table + " ADD COLUMN " + c.name + " " + c.definition;
      s = Exec(db, add.c_str());
    }
    if (s.ok()) s = Exec(db, kSteps[v - 1].sql);
  }
  const std::string version = "UPDATE meta SET value = '" + std::to_string(kSchemaVersion) +
                              "' WHERE key = 'schema_version';COMMIT;";
  if (s.ok()) s = Exec(db, version.c_str());
  if (!s.ok()) Exec(db, "ROLLBACK");
  return s;
}

// The statements that delete a document's rows as SQLite's foreign-key
// actions would (ON DELETE CASCADE and SET NULL), read from the keys the
// schema declares: first the SET NULL updates (their parents still there),
// then each table's rows, children before parents, the document last.  The
// writer runs without foreign-key enforcement: its own inserts link only
// rows it has just written (record_tables.h), and checking each link cost
// a B-tree search a link, about a tenth of the record inserts.  Errors:
// Internal for a key this cannot follow (several columns, NO ACTION,
// RESTRICT, SET DEFAULT, a cycle); the writer then keeps enforcement on.
Result<std::vector<std::string>> DocumentDeletionSql(sqlite3* db) {
  struct Key {
    std::string child, column, parent, parent_column, action;
  };
  std::vector<Key> keys;
  Statement q(db,
              "SELECT m.name, f.\"from\", f.\"table\", coalesce(f.\"to\", 'rowid'), f.on_delete,"
              " f.seq FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
              " WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq");
  while (q.Next()) {
    if (q.Int(5) != 0) return Status::Internal("a foreign key of several columns in " + q.Text(0));
    keys.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)});
  }
  if (!q.status().ok()) return q.status();
  // Each table whose rows go with the document, and the condition that
  // selects them (?1: the document's id), in the order they were found.
  std::map<std::string, std::string> rows_of{{"documents", "id = ?1"}};
  std::vector<std::string> found{"documents"};
  // The rows of child whose column points at a row of parent that goes.
  auto pointing = [&](const Key& k) {
    if (k.parent == "documents") return k.column + " = ?1";
    return k.column + " IN (SELECT " + k.parent_column + " FROM " + k.parent + " WHERE " +
           rows_of[k.parent] + ")";
  };
  // The tables a document's deletion cascades to...
  std::set<std::string> reached{"documents"};
  for (bool grew = true; grew;) {
    grew = false;
    for (const Key& k : keys) {
      if (k.action == "CASCADE" && reached.count(k.parent) && !reached.count(k.child)) {
        grew = reached.insert(k.child).second;
      }
    }
  }
  // ... each selected once every cascading parent it has among them is.
  while (found.size() < reached.size()) {
    const size_t before = found.size();
    for (const std::string& table : reached) {
      if (rows_of.count(table)) continue;
      std::string condition;
      bool ready = true;
      for (const Key& k : keys) {
        if (k.child != table || k.action != "CASCADE" || !reached.count(k.parent)) continue;
        ready = ready && rows_of.count(k.parent) > 0;
        if (ready) condition += (condition.empty() ? "" : " OR ") + pointing(k);
      }
      if (!ready) continue;
      rows_of[table] = condition;
      found.push_back(table);
    }
    if (found.size() == before) return Status::Internal("the schema's cascades form a cycle");
  }
  std::vector<std::string> sql;
  for (const Key& k : keys) {
    if (!rows_of.count(k.parent) || k.action == "CASCADE") continue;
    if (k.action != "SET NULL") {
      return Status::Internal(k.child + "." + k.column + " has ON DELETE " + k.action);
    }
    std::string update = "UPDATE " + k.child + " SET " + k.column + " = NULL WHERE " + pointing(k);
    if (rows_of.count(k.child)) update += " AND NOT (" + rows_of[k.child] + ")";
    sql.push_back(std::move(update));
  }
  for (auto table = found.rbegin(); table != found.rend(); ++table) {
    sql.push_back("DELETE FROM " + *table + " WHERE " + rows_of[*table]);
  }
  return sql;
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

// Creates the schema of a new database (stored == 0), or brings an older
// one's up to date, and makes the views of this build.
Status CreateSchema(sqlite3* db, const std::string& path, int stored) {
  const bool creating = stored == 0;
  // The tables and the version that says they are clsdb's are written in one
  // transaction: a run killed while it creates them leaves an empty file,
  // not tables the next run would refuse as another program's.  Two runs
  // creating one database at once: the second waits, then finds it made.
  // A new database gets its views in that transaction too: one commit to
  // the WAL instead of one a statement.
  std::string create = std::string("BEGIN IMMEDIATE;") + kSchemaSql;
  if (creating) {
    create += "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '" +
              std::to_string(kSchemaVersion) + "');";
    create += kSchemaAfterMigrationSql;
  }
  // The full-text index merges its segments 16 at a time when a level
  // holds 16 (FTS5's crisismerge) rather than 4 at a time after every
  // commit (automerge's default): each indexed word is rewritten about half
  // as often during a batch, and a search reads at most 15 segments a level
  // instead of about 4 (same hits, same ranks).  A value set by hand stays.
  create +=
      "INSERT INTO search(search, rank) SELECT 'automerge', 0"
      " WHERE NOT EXISTS (SELECT 1 FROM search_config WHERE k = 'automerge');";
  create += "COMMIT;";
  if (Status s = Exec(db, create); !s.ok()) {
    Exec(db, "ROLLBACK");
    return OpenError(db, path, "cannot create the schema: " + s.message());
  }
  if (creating) {
    if (Status s = Exec(db, "PRAGMA synchronous=NORMAL"); !s.ok()) {
      return OpenError(db, path, s.message());
    }
  }
  if (stored > 0 && stored < kSchemaVersion) {
    if (Status m = Migrate(db, stored); !m.ok()) {
      return OpenError(
          db, path,
          "cannot migrate the schema from version " + std::to_string(stored) + ": " + m.message());
    }
  }
  if (Status s = creating ? Status::OK() : Exec(db, kSchemaAfterMigrationSql); !s.ok()) {
    return OpenError(db, path, "cannot create the schema: " + s.message());
  }
  return Status::OK();
}

// Provenance spans are byte offsets in memory; the schema promises character
// offsets into pages.text, which is what SQLite's substr() counts.  A page's
// characters are counted once per document write, by blocks of kBlock bytes
// eight bytes at a time, so a fact costs at most one block's scan however
// long its page is (a table of every byte cost the writer about 10
// instructions a byte of text: 4% of its time on the bench's texts).
class CharOffsets {
 public:
  explicit CharOffsets(const std::vector<DocumentRow::Page>& pages) : pages_(pages) {}
  // The character offset of byte_offset in page page_no's text; the byte
  // offset itself when there is no such page.
  int Of(int page_no, int byte_offset) {
    const Counted* counted = CountedFor(page_no);
    if (counted == nullptr) return byte_offset;
    if (byte_offset <= 0) return 0;
    const std::string& text = *counted->text;
    const size_t end = std::min<size_t>(byte_offset, text.size());
    const size_t block = end / kBlock;
    int chars = counted->before_block[block];
    size_t i = block * kBlock;
    for (; i + 8 <= end; i += 8) chars += CharactersIn8(text.data() + i);
    for (; i < end; ++i) chars += StartsCharacter(text[i]);
    return chars;
  }

 private:
  static constexpr size_t kBlock = 64;
  struct Counted {
    const std::string* text = nullptr;
    std::vector<int> before_block;  // characters before byte kBlock * k
  };

  // Whether byte c starts a character (is not a UTF-8 continuation byte).
  static int StartsCharacter(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

  // The characters that start in the 8 bytes at p.
  static int CharactersIn8(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    // A continuation byte has its top bit set and the next one clear.
    const std::uint64_t continuation = w & ~(w << 1) & 0x8080808080808080ULL;
    // Their count: each byte's flag moved to its low bit, the eight bytes
    // summed into the top one by a multiply.  std::popcount is a call into
    // libgcc without -mpopcnt (the build targets any x86-64), which was 1%
    // of the writer's instructions.
    return 8 - static_cast<int>(((continuation >> 7) * 0x0101010101010101ULL) >> 56);
  }

  static std::vector<int> CountBlocks(const std::string& text) {
    std::vector<int> before(text.size() / kBlock + 1);
    int chars = 0;
    size_t i = 0;
    for (size_t k = 1; k < before.size(); ++k) {
      for (; i < k * kBlock; i += 8) chars += CharactersIn8(text.data() + i);
      before[k] = chars;
    }
    return before;
  }

  const Counted* CountedFor(int page_no) {
    if (last_ != nullptr && last_page_no_ == page_no) return last_;
    auto it = counted_.find(page_no);
    if (it == counted_.end()) {
      const auto page = std::find_if(pages_.begin(), pages_.end(), [&](const DocumentRow::Page& p) {
        return p.page_no == page_no;
      });
      if (page == pages_.end()) return nullptr;
      it = counted_.emplace(page_no, Counted{&page->text, CountBlocks(page->text)}).first;
    }
    last_page_no_ = page_no;
    last_ = &it->second;
    return last_;
  }

  const std::vector<DocumentRow::Page>& pages_;
  std::map<int, Counted> counted_;
  int last_page_no_ = 0;
  const Counted* last_ = nullptr;
};

// Writes the rows of one document's records, and keeps the ids of those
// that others link to, so that an index link becomes an id.
class RecordWriter {
 public:
  RecordWriter(std::map<std::string, Statement, std::less<>>& inserts, long long document_id,
               const std::vector<DocumentRow::Page>& pages)
      : inserts_(inserts), document_id_(document_id), offsets_(pages) {}

  // Inserts r into its table; container_id is the id of the deliberation or
  // contract that holds it.  Returns its id.
  template <typename R>
  Result<long long> Insert(const RecordTable<R>& table, const R& r, long long container_id = -1) {
    const auto prepared = inserts_.find(table.name);
    if (prepared == inserts_.end()) {
      return Status::Internal(std::string("no INSERT prepared for ") + table.name);
    }
    Statement& s = prepared->second;
    int i = 1;
    for (const IdColumn<R>& c : table.ids) {
      if (c.index != nullptr) {
        s.BindId(i++, IdOf(c.parent, r.*c.index));
      } else {
        s.BindId(i++, c.parent == Parent::kDocument ? document_id_ : container_id);
      }
    }
    // Text is bound where it is (BindBorrowed): r outlives the Run() below.
    for (const Column<R>& c : table.columns) {
      std::visit([&](auto member) { BindValue(s, i++, r.*member); }, c.member);
    }
    if constexpr (requires { r.prov; }) {
      if (table.provenance) {
        // Spans are stored in characters (see CharOffsets).
        s.Bind(i++, r.prov.page);
        s.Bind(i++, offsets_.Of(r.prov.page, r.prov.span_start));
        s.Bind(i++, offsets_.Of(r.prov.page, r.prov.span_end));
        s.BindBorrowed(i++, r.prov.rule);
      }
    }
    Result<long long> id = s.Run();
    if (id.ok() && table.self != Parent::kNone) ids_[static_cast<int>(table.self)].push_back(*id);
    return id;
  }

  template <typename R>
  Status InsertAll(const RecordTable<R>& table, const std::vector<R>& rows,
                   long long container_id = -1) {
    for (const R& r : rows) {
      if (Result<long long> id = Insert(table, r, container_id); !id.ok()) return id.status();
    }
    return Status::OK();
  }

  static void BindValue(Statement& s, int i, const std::string& v) { s.BindBorrowed(i, v); }
  static void BindValue(Statement& s, int i, const OptText& v) { s.BindBorrowed(i, v); }
  template <typename V>
  static void BindValue(Statement& s, int i, const V& v) {
    s.Bind(i, v);
  }

  // The id of the index-th row of parent written (in this contract for
  // orientations, actions and operations), or -1.
  long long IdOf(Parent parent, int index) const {
    const std::vector<long long>& ids = ids_[static_cast<int>(parent)];
    return index >= 0 && index < static_cast<int>(ids.size()) ? ids[index] : -1;
  }

  // Indexes of organisations, orientations, actions and operations count
  // in their contract.
  void StartContract() {
    for (Parent p :
         {Parent::kOrganization, Parent::kOrientation, Parent::kAction, Parent::kOperation}) {
      ids_[static_cast<int>(p)].clear();
    }
  }

 private:
  std::map<std::string, Statement, std::less<>>& inserts_;
  const long long document_id_;
  CharOffsets offsets_;
  std::vector<long long> ids_[kParents];
};

}  // namespace

// Its rowid is (document_id << 32) + n (schema.sql.h).
struct SearchIndexRow {
  std::string text;
  const char* kind;
  long long ref_id, document_id, n;
};

namespace {

using SearchRows = std::vector<SearchIndexRow>;

// Adds text to the document's index rows as a row of kind (schema.sql.h
// kSearchKinds) for the row ref.
void IndexForSearch(SearchRows& rows, std::string text, const char* kind, long long ref,
                    long long document_id) {
  if (text.empty()) return;
  const long long n = static_cast<long long>(rows.size()) + 1;
  rows.push_back({std::move(text), kind, ref, document_id, n});
}

// One contract and its children, with the search rows of its articles,
// orientations, objectives, actions, operations, actors and indicators.
Status WriteContract(RecordWriter& w, SearchRows& search, const Contract& c,
                     long long document_id) {
  // Inserts rows into table, each indexed for search as kind by its text.
  auto write_indexed = [&](const auto& table, const auto& rows, const char* kind, long long cid,
                           auto text_of) -> Status {
    for (const auto& row : rows) {
      auto r = w.Insert(table, row, cid);
      if (!r.ok()) return r.status();
      IndexForSearch(search, text_of(row), kind, *r, document_id);
    }
    return Status::OK();
  };
  Result<long long> cid = w.Insert(kContractTable, c);
  if (!cid.ok()) return cid.status();
  w.StartContract();
  // One step at a time: the first error ends the write (it is rolled back).
  const std::function<Status()> steps[] = {
      [&] { return w.InsertAll(kOrganizationTable, c.organizations, *cid); },
      [&] { return w.InsertAll(kOrganizationAliasTable, c.organization_aliases, *cid); },
      [&] { return w.InsertAll(kPartyTable, c.parties, *cid); },
      [&] {
        return write_indexed(kArticleTable, c.articles, "article", *cid,
                             [](const Article& a) { return a.title + "\n" + a.body; });
      },
      [&] {
        return write_indexed(kOrientationTable, c.orientations, "orientation", *cid,
                             [](const Orientation& o) { return o.title; });
      },
      [&] {
        return write_indexed(kObjectiveTable, c.objectives, "objective", *cid,
                             [](const Objective& o) { return o.title; });
      },
      [&] {
        return write_indexed(kActionTable, c.actions, "action", *cid, [](const Action& a) {
          return a.title + "\n" + a.description.value_or("");
        });
      },
      [&] {
        return write_indexed(kOperationTable, c.operations, "operation", *cid,
                             [](const Operation& o) { return o.title; });
      },
      [&] {
        return write_indexed(kActorTable, c.actors, "actor", *cid,
                             [](const Actor& a) { return a.name; });
      },
      [&] {
        return write_indexed(kIndicatorTable, c.indicators, "indicator", *cid,
                             [](const Indicator& i) { return i.text; });
      },
      [&] { return w.InsertAll(kScheduleTable, c.schedule, *cid); },
  };
  for (const auto& step : steps) {
    if (Status s = step(); !s.ok()) return s;
  }
  return Status::OK();
}

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
    // it; until then a checkpoint on it does nothing.  The schema version is
    // read from the file's header: unlike a query of sqlite_master, it does
    // not parse the whole schema (5.6 M instructions), which a checkpoint
    // never uses.
    if (!Exec(db, "PRAGMA schema_version").ok()) {
      sqlite3_close(db);
      return nullptr;
    }
    std::unique_ptr<Checkpointer> c(new Checkpointer(db));
    try {
      c->thread_ = std::thread([p = c.get()] { p->Loop(); });
    } catch (const std::system_error&) {
      // No thread to be had (a memory or process limit): SQLite's own
      // auto-checkpoint stays, as when the connection cannot be opened.
      return nullptr;
    }
    sqlite3_wal_hook(writer, &Checkpointer::OnCommit, c.get());  // replaces auto-checkpoint
    return c;
  }

  // REQUIRES: the writer connection no longer calls OnCommit (unhooked).
  ~Checkpointer() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();  // not when it could not start
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

// The writer's statements, prepared once.  A record's INSERT is derived from
// its RecordTable, and found by the table's name.
struct Store::Statements {
  Statement find_doc, delete_doc, insert_doc, insert_page, insert_search, delete_search,
      delete_legacy_search, insert_fingerprint, insert_band, delete_bands, set_same_as, find_band,
      read_fingerprint, find_copies;
  std::map<std::string, Statement, std::less<>> inserts;
  // DocumentDeletionSql's, when the writer runs without foreign-key
  // enforcement; prepared on the first document replaced.
  std::vector<std::string> deletion_sql;
  std::vector<Statement> deletion;
  template <typename R>
  Status PrepareInsert(sqlite3* db, const RecordTable<R>& table) {
    return inserts[table.name].Prepare(db, InsertSql(table), /*persistent=*/true);
  }

  // Every statement above, on db.
  Status PrepareAll(sqlite3* db) {
    const std::pair<Statement*, const char*> statements[] = {
        {&find_doc, "SELECT id FROM documents WHERE sha256 = ?1"},
        {&delete_doc, "DELETE FROM documents WHERE id = ?1"},
        // A document's index rows are keyed (document id << 32) + n (see
        // schema.sql.h): deleting them is a rowid range, not a scan of the
        // whole index.  Rows written before that scheme (rowid < 2^32) are
        // found by the scan they always needed, over those rows only.
        {&delete_search,
         "DELETE FROM search WHERE rowid BETWEEN (?1 << 32) AND (?1 << 32) + 4294967295"},
        {&delete_legacy_search, "DELETE FROM search WHERE rowid < 4294967296 AND document_id = ?1"},
        {&insert_doc,
         "INSERT INTO documents(sha256, path, format, doc_type, title, page_count, status, error,"
         " encoding, size_bytes, ingested_at, pipeline_version, attempts, transient, same_as)"
         " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)"},
        {&insert_fingerprint,
         "INSERT OR REPLACE INTO content_fingerprints(document_id, shingles, minhash)"
         " VALUES (?1,?2,?3)"},
        {&insert_band, "INSERT INTO content_bands(band_key, document_id) VALUES (?1,?2)"},
        {&delete_bands, "DELETE FROM content_bands WHERE document_id = ?1"},
        {&set_same_as, "UPDATE documents SET same_as = ?2 WHERE id = ?1"},
        // A key shared by very many documents (one template's copies) is
        // bounded: the earliest are the originals the others link to.
        {&find_band,
         "SELECT document_id FROM content_bands WHERE band_key = ?1 ORDER BY document_id LIMIT 64"},
        {&read_fingerprint,
         "SELECT d.sha256, coalesce(d.same_as, 0), f.shingles, f.minhash,"
         " coalesce(o.sha256, '') FROM documents d"
         " JOIN content_fingerprints f ON f.document_id = d.id"
         " LEFT JOIN documents o ON o.id = d.same_as WHERE d.id = ?1"},
        {&find_copies, "SELECT id FROM documents WHERE same_as = ?1"},
        {&insert_page,
         "INSERT INTO pages(document_id, page_no, text, has_text_layer, ocr, ocr_confidence)"
         " VALUES (?1,?2,?3,?4,?5,?6)"},
        {&insert_search,
         "INSERT INTO search(rowid, text, kind, ref_id, document_id)"
         " VALUES ((?4 << 32) + ?5,?1,?2,?3,?4)"},
    };
    for (const auto& [stmt, sql] : statements) {
      Status p = stmt->Prepare(db, sql, /*persistent=*/true);
      if (!p.ok()) return p;
    }
    for (Status p : {PrepareInsert(db, kDiagnosticTable), PrepareInsert(db, kDeliberationTable),
                     PrepareInsert(db, kAttendeeTable), PrepareInsert(db, kTransmissionTable),
                     PrepareInsert(db, kContractTable), PrepareInsert(db, kOrganizationTable),
                     PrepareInsert(db, kOrganizationAliasTable), PrepareInsert(db, kPartyTable),
                     PrepareInsert(db, kArticleTable), PrepareInsert(db, kOrientationTable),
                     PrepareInsert(db, kObjectiveTable), PrepareInsert(db, kActionTable),
                     PrepareInsert(db, kOperationTable), PrepareInsert(db, kActorTable),
                     PrepareInsert(db, kIndicatorTable), PrepareInsert(db, kScheduleTable),
                     PrepareInsert(db, kLegalRefTable), PrepareInsert(db, kGlossaryTable),
                     PrepareInsert(db, kDeliberationContractTable)}) {
      if (!p.ok()) return p;
    }
    return Status::OK();
  }
};

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  static const int config = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }();
  (void)config;
  // Where there is no file yet, the build's image of a new database: its
  // schema is then this build's, with nothing to create or migrate.
  const bool from_image = WriteNewDatabaseImage(path);
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
  // A new database is created unsynced: the switch to WAL and the first
  // commit cost six fdatasyncs (of the file, its journal, its WAL and the
  // folder), a tenth of a small document's wall time, to protect an empty
  // file against a power loss.  A process killed meanwhile loses nothing
  // (the writes are the kernel's); the documents are written synced.
  const bool creating = *stored == 0 || from_image;
  for (const char* pragma : {creating ? "PRAGMA synchronous=OFF" : "PRAGMA synchronous=NORMAL",
                             "PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON"}) {
    if (Status s = Exec(db, pragma); !s.ok()) return OpenError(db, path, s.message());
  }
  if (!from_image || *stored != kSchemaVersion) {
    if (Status s = CreateSchema(db, path, *stored); !s.ok()) return s;
  }
  // A database from the image starts its WAL as a created one does, with a
  // commit unsynced: the first commit to a new WAL, synced, syncs the WAL's
  // header and the folder, two fdatasyncs before the checkpoint at close
  // syncs both anyway.  The commit writes page 1 as it is (SQLite skips a
  // write that changes nothing, hence the two steps; the schema sets no
  // user_version, and tests/store/new_database_test.cc would see one lost).
  if (from_image) {
    if (Status s = Exec(db,
                        "BEGIN IMMEDIATE;PRAGMA user_version=1;PRAGMA user_version=0;COMMIT;"
                        "PRAGMA synchronous=NORMAL");
        !s.ok()) {
      Exec(db, "ROLLBACK");
      return OpenError(db, path, s.message());
    }
  }
  if (Result<std::vector<std::string>> deletion = DocumentDeletionSql(db); deletion.ok()) {
    if (Status s = Exec(db, "PRAGMA foreign_keys=OFF"); !s.ok()) {
      return OpenError(db, path, s.message());
    }
    store->stmts_->deletion_sql = std::move(*deletion);
  }
  if (Status p = store->stmts_->PrepareAll(db); !p.ok()) return p;
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
  Statement& s = stmts_->find_doc;
  s.Bind(1, sha256);
  std::optional<long long> id;
  if (s.Next()) id = s.Int(0);
  s.Reset();
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
    // A word clsdb does not write counts as a failure of the file itself.
    found = Outcome{Parse<DocumentStatus>(status ? reinterpret_cast<const char*>(status) : "")
                        .value_or(DocumentStatus::kFailed),
                    sqlite3_column_int(find_, 1) != 0, sqlite3_column_int(find_, 2)};
  }
  sqlite3_reset(find_);
  sqlite3_clear_bindings(find_);
  return found;
}

Status Store::BeginGroup() {
  if (in_group_) return Status::Internal("a group is already open");
  if (Status s = Exec(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
  in_group_ = true;
  group_lost_.clear();
  group_search_.clear();
  return Status::OK();
}

bool Store::GroupAlive() const { return !in_group_ || sqlite3_get_autocommit(db_) == 0; }

Status Store::CommitGroup() {
  if (!in_group_) return Status::Internal("no group is open");
  in_group_ = false;
  if (sqlite3_get_autocommit(db_) != 0) {
    // SQLite rolled the transaction back itself: nothing of it is stored.
    return Status::IOError("the group of documents was rolled back" +
                           (group_lost_.empty() ? std::string() : " after: " + group_lost_));
  }
  Status commit = InsertSearchRows(group_search_);
  if (commit.ok()) commit = Exec(db_, "COMMIT");
  if (!commit.ok()) Exec(db_, "ROLLBACK");
  return commit;
}

Status Store::InsertSearchRows(std::vector<SearchIndexRow>& rows) {
  Status s;
  for (const SearchIndexRow& row : rows) {
    auto r = stmts_->insert_search.BindBorrowed(1, row.text)
                 .BindBorrowed(2, std::string_view(row.kind))
                 .Bind(3, row.ref_id)
                 .Bind(4, row.document_id)
                 .Bind(5, row.n)
                 .Run();
    if (!r.ok()) {
      s = r.status();
      break;
    }
  }
  rows.clear();
  return s;
}

Status Store::Atomically(const std::function<Status()>& write) {
  if (in_group_ && sqlite3_get_autocommit(db_) != 0) {
    // The group's transaction is gone: writing now would commit on its own.
    return Status::IOError("the group of documents was rolled back" +
                           (group_lost_.empty() ? std::string() : " after: " + group_lost_));
  }
  const char* begin = in_group_ ? "SAVEPOINT document" : "BEGIN IMMEDIATE";
  if (Status s = Exec(db_, begin); !s.ok()) return s;
  document_search_.clear();
  replaced_.clear();
  Status s = write();
  if (in_group_) {
    if (s.ok()) s = Exec(db_, "RELEASE document");
    if (s.ok()) {
      // A document of this group that the write replaced takes its rows along.
      std::erase_if(group_search_, [&](const SearchIndexRow& row) {
        return std::find(replaced_.begin(), replaced_.end(), row.document_id) != replaced_.end();
      });
      group_search_.insert(group_search_.end(), std::make_move_iterator(document_search_.begin()),
                           std::make_move_iterator(document_search_.end()));
    }
    document_search_.clear();
    if (!s.ok() && sqlite3_get_autocommit(db_) == 0) {
      Exec(db_, "ROLLBACK TO document; RELEASE document");
    }
    // Some errors (a full disk, an I/O error) make SQLite roll back the
    // whole transaction: the group is lost, and CommitGroup says why.
    if (!s.ok() && sqlite3_get_autocommit(db_) != 0 && group_lost_.empty()) {
      group_lost_ = s.ToString();
    }
    return s;
  }
  if (s.ok()) s = InsertSearchRows(document_search_);
  document_search_.clear();
  if (s.ok()) s = Exec(db_, "COMMIT");
  if (!s.ok()) Exec(db_, "ROLLBACK");
  return s;
}

Result<long long> Store::WriteDocument(const DocumentRow& doc, bool replace, bool* already_stored) {
  if (already_stored != nullptr) *already_stored = false;
  long long id = 0;
  Status s = Atomically([&]() -> Status {
    Result<long long> written = WriteDocumentLocked(doc, replace, already_stored);
    if (!written.ok()) return written.status();
    id = *written;
    return Status::OK();
  });
  if (!s.ok()) {
    if (already_stored != nullptr) *already_stored = false;
    return s.WithPrefix(doc.path);
  }
  return id;
}

Result<long long> Store::WriteDocumentLocked(const DocumentRow& doc, bool replace,
                                             bool* already_stored) {
  auto& st = *stmts_;
  std::vector<long long> copies;  // of the version replaced, to link to the new one
  if (auto existing = FindDocument(doc.sha256)) {
    if (!replace) {
      if (already_stored != nullptr) *already_stored = true;
      return *existing;
    }
    Result<std::vector<long long>> removed = DeleteReplaced(*existing);
    if (!removed.ok()) return removed.status();
    copies = std::move(*removed);
  }
  const DocumentRecords& rec = doc.records;
  Result<long long> doc_id = st.insert_doc.Bind(1, doc.sha256)
                                 .Bind(2, doc.path)
                                 .Bind(3, doc.format)
                                 .Bind(4, rec.doc_type)
                                 .Bind(5, rec.title)
                                 .Bind(6, doc.page_count)
                                 .Bind(7, Name(doc.status))
                                 .Bind(8, doc.error.empty() ? OptText() : OptText(doc.error))
                                 .Bind(9, doc.encoding.empty() ? OptText() : OptText(doc.encoding))
                                 .Bind(10, doc.size_bytes)
                                 .Bind(11, NowIso())
                                 .Bind(12, std::string(CLSDB_VERSION))
                                 .Bind(13, doc.attempts)
                                 .Bind(14, doc.transient ? 1 : 0)
                                 .Bind(15, doc.same_as)
                                 .Run();
  if (!doc_id.ok()) return doc_id;
  const long long did = *doc_id;
  // Links point at originals: at the new version, or at its own original.
  const long long original = doc.same_as ? *doc.same_as : did;
  for (long long copy : copies) {
    if (auto r = st.set_same_as.Bind(1, copy).Bind(2, original).Run(); !r.ok()) return r.status();
  }
  // A failed document's identity is decided when a run reads it whole.
  if (doc.status != DocumentStatus::kFailed) {
    if (Status s = WriteFingerprint(did, doc.fingerprint); !s.ok()) return s;
  }

  for (const auto& page : doc.pages) {
    auto r = st.insert_page.Bind(1, did)
                 .Bind(2, page.page_no)
                 .BindBorrowed(3, page.text)
                 .Bind(4, page.has_text_layer ? 1 : 0)
                 .Bind(5, page.ocr ? 1 : 0)
                 .Bind(6, page.ocr ? std::optional<double>(page.ocr_confidence) : std::nullopt)
                 .Run();
    if (!r.ok()) return r.status();
  }

  RecordWriter w(st.inserts, did, doc.pages);
  if (Status s = w.InsertAll(kDiagnosticTable, rec.diagnostics); !s.ok()) return s;
  SearchRows& search = document_search_;
  search.clear();
  for (const auto& d : rec.deliberations) {
    auto r = w.Insert(kDeliberationTable, d);
    if (!r.ok()) return r.status();
    if (Status s = w.InsertAll(kAttendeeTable, d.attendees, *r); !s.ok()) return s;
    // An act is found by its subject line and its "Vu" clauses.
    std::string text = d.title.value_or("");
    for (const LegalRef& ref : d.legal_refs) text += "\n" + ref.text;
    IndexForSearch(search, std::move(text), "deliberation", *r, did);
  }
  if (Status s = w.InsertAll(kTransmissionTable, rec.transmissions); !s.ok()) return s;
  for (const auto& c : rec.contracts) {
    if (Status s = WriteContract(w, search, c, did); !s.ok()) return s;
  }
  for (size_t i = 0; i < rec.deliberations.size(); ++i) {
    const long long delib_id = w.IdOf(Parent::kDeliberation, static_cast<int>(i));
    if (Status s = w.InsertAll(kLegalRefTable, rec.deliberations[i].legal_refs, delib_id);
        !s.ok()) {
      return s;
    }
    if (Status s = w.InsertAll(kDeliberationContractTable, rec.deliberations[i].approves, delib_id);
        !s.ok()) {
      return s;
    }
  }
  if (Status s = w.InsertAll(kGlossaryTable, rec.glossary); !s.ok()) return s;
  return did;
}

Result<std::vector<long long>> Store::DeleteReplaced(long long id) {
  auto& st = *stmts_;
  // Deleting the document sets its copies' same_as to NULL: read them first.
  std::vector<long long> copies;
  st.find_copies.Bind(1, id);
  while (st.find_copies.Next()) copies.push_back(st.find_copies.Int(0));
  Status s = st.find_copies.status();
  st.find_copies.Reset();
  if (!s.ok()) return s;
  if (auto r = st.delete_search.Bind(1, id).Run(); !r.ok()) return r.status();
  if (auto r = st.delete_legacy_search.Bind(1, id).Run(); !r.ok()) return r.status();
  if (st.deletion_sql.empty()) {
    // Foreign keys enforced: SQLite's actions delete the rest.
    if (auto r = st.delete_doc.Bind(1, id).Run(); !r.ok()) return r.status();
  }
  if (st.deletion.empty() && !st.deletion_sql.empty()) {
    std::vector<Statement> prepared(st.deletion_sql.size());
    for (size_t i = 0; i < prepared.size(); ++i) {
      if (Status p = prepared[i].Prepare(db_, st.deletion_sql[i], /*persistent=*/true); !p.ok()) {
        return p;
      }
    }
    st.deletion = std::move(prepared);
  }
  for (Statement& step : st.deletion) {
    if (auto r = step.Bind(1, id).Run(); !r.ok()) return r.status();
  }
  replaced_.push_back(id);
  return copies;
}

Status Store::WriteFingerprint(long long document_id, const ContentFingerprint& fp) {
  auto& st = *stmts_;
  st.insert_fingerprint.Bind(1, document_id).Bind(2, fp.shingles);
  if (!fp.minhash.empty()) {
    // Hex text, 8 digits a slot (schema.sql.h): exports as any text does.
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(fp.minhash.size() * 8);
    for (std::uint32_t v : fp.minhash) {
      for (int shift = 28; shift >= 0; shift -= 4) hex += kHex[(v >> shift) & 0xf];
    }
    st.insert_fingerprint.Bind(3, hex);
  }
  if (auto r = st.insert_fingerprint.Run(); !r.ok()) return r.status();
  if (auto r = st.delete_bands.Bind(1, document_id).Run(); !r.ok()) return r.status();
  for (std::int64_t band : fp.bands) {
    if (auto r = st.insert_band.Bind(1, static_cast<long long>(band)).Bind(2, document_id).Run();
        !r.ok()) {
      return r.status();
    }
  }
  return Status::OK();
}

Result<std::vector<StoredFingerprint>> Store::SameContentCandidates(
    const std::vector<std::int64_t>& bands, const std::string& exclude_sha256,
    long long before_id) {
  auto& st = *stmts_;
  std::map<long long, int> shared;  // candidate id -> band keys in common
  for (std::int64_t band : bands) {
    st.find_band.Bind(1, static_cast<long long>(band));
    while (st.find_band.Next()) {
      const long long id = st.find_band.Int(0);
      if (before_id == 0 || id < before_id) ++shared[id];
    }
    Status s = st.find_band.status();
    st.find_band.Reset();
    if (!s.ok()) return s;
  }
  // Documents of one template share a few keys by chance, a copy nearly
  // all of them: only the candidates sharing the most keys are read and
  // compared, so a batch of one template's documents costs a bounded
  // look-up each, not one per document stored before.
  std::vector<std::pair<int, long long>> ranked;  // (-keys in common, id)
  for (const auto& [id, keys] : shared) ranked.emplace_back(-keys, id);
  const size_t kept = std::min(ranked.size(), kMaxSameContentCandidates);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept),
                    ranked.end());
  ranked.resize(kept);
  std::vector<long long> ids;
  for (const auto& [keys, id] : ranked) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  std::vector<StoredFingerprint> out;
  for (long long id : ids) {
    Statement& q = st.read_fingerprint;
    q.Bind(1, id);
    // Neither the document itself nor a copy of it is its original.
    if (q.Next() && q.Text(0) != exclude_sha256 &&
        (exclude_sha256.empty() || q.Text(4) != exclude_sha256)) {
      StoredFingerprint c;
      c.document_id = id;
      c.same_as = q.Int(1);
      c.fingerprint.shingles = static_cast<int>(q.Int(2));
      c.fingerprint.minhash = MinHashFromHex(q.Text(3));
      out.push_back(std::move(c));
    }
    Status s = q.status();
    q.Reset();
    if (!s.ok()) return s;
  }
  return out;
}

Result<std::vector<long long>> Store::DocumentsWithoutFingerprint() {
  Statement q(db_,
              "SELECT id FROM documents d WHERE status != 'failed' AND NOT EXISTS"
              " (SELECT 1 FROM content_fingerprints f WHERE f.document_id = d.id) ORDER BY id");
  std::vector<long long> ids;
  while (q.Next()) ids.push_back(q.Int(0));
  if (!q.status().ok()) return q.status();
  return ids;
}

Status Store::SetContentIdentity(long long document_id, const ContentFingerprint& fingerprint,
                                 std::optional<long long> same_as) {
  return Atomically([&]() -> Status {
    auto r = stmts_->set_same_as.Bind(1, document_id).Bind(2, same_as).Run();
    if (!r.ok()) return r.status();
    if (sqlite3_changes(db_) == 0) {
      return Status::NotFound("no document " + std::to_string(document_id));
    }
    return WriteFingerprint(document_id, fingerprint);
  });
}

Result<long long> Store::BeginRun(const std::string& arguments) {
  Statement s;
  if (Status p = s.Prepare(db_, "INSERT INTO runs(started_at, arguments) VALUES (?1, ?2)");
      !p.ok()) {
    return p;
  }
  return s.Bind(1, NowIso()).Bind(2, arguments).Run();
}

Status Store::FinishRun(long long run_id, const RunCounts& counts) {
  Statement s;
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
    Statement s;
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
    Statement s;
    std::string sql = std::string("SELECT count(*) FROM ") + table;
    Status p = s.Prepare(db_, sql.c_str());
    if (!p.ok()) return p;
    long long n = sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : 0;
    out.table_rows.emplace_back(table, n);
  }
  Statement linked(db_, "SELECT count(*) FROM documents WHERE same_as IS NOT NULL");
  if (linked.Next()) out.same_content_documents = linked.Int(0);
  if (!linked.status().ok()) return linked.status();
  return out;
}

Result<std::string> Store::IntegrityCheck() {
  Statement s;
  Status p = s.Prepare(db_, "PRAGMA integrity_check");
  if (!p.ok()) return p;
  if (sqlite3_step(s.get()) != SQLITE_ROW) return SqlError(db_, "integrity_check");
  return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)));
}

}  // namespace clsdb
