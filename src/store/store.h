// store: the only stage that touches SQLite.
//
// In:  a finished document — its RawDocument identity, its laid-out pages and
//      its DocumentRecords — or the failure that stopped it.
// Out: rows in the database of ../shared/spec/schema.md, each document
//      written whole or not at all: in a transaction of its own, or in a
//      savepoint of the group transaction that batches several (see
//      BeginGroup).
//
// The database is opened in WAL mode with a busy timeout, so analysts can
// read while a batch writes.  One Store is one connection; the pipeline has a
// single writer thread that owns it.  Checkpoints (copying the WAL back into
// the database file, with its fsync) run on a thread and connection of the
// Store's own, so that a commit is only an append to the WAL: the writer is
// the one serial step of a batch.
#ifndef CLSDB_STORE_STORE_H_
#define CLSDB_STORE_STORE_H_

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/kinds.h"
#include "core/status.h"
#include "model/content_fingerprint.h"
#include "model/records.h"

struct sqlite3;
struct sqlite3_stmt;

namespace clsdb {

// What the writer needs of a processed document.  Pages hold the stored
// (normalised, flow) text that provenance spans point into.
struct DocumentRow {
  std::string sha256;
  std::string path;
  SourceFormat format = SourceFormat::kText;
  DocumentStatus status = DocumentStatus::kOk;  // never kSkipped
  std::string error;                            // why, when status is not ok
  std::string encoding;
  long long size_bytes = 0;
  int attempts = 1;        // the runs that have processed this file, this one included
  bool transient = false;  // failed for a reason of the moment: a later run retries it
  int page_count = 0;
  struct Page {
    int page_no = 1;
    std::string text;
    bool has_text_layer = true;
    bool ocr = false;            // its text was read by OCR
    double ocr_confidence = -1;  // ocr: mean word confidence, 0-100
  };
  std::vector<Page> pages;
  DocumentRecords records;
  // Its content identity (identity/identity.h), written for every document
  // that did not fail, and the earlier document it repeats, if any.
  ContentFingerprint fingerprint;
  std::optional<long long> same_as;
};

struct RunCounts {
  int ok = 0, partial = 0, failed = 0, skipped = 0;
};

// A row of the full-text index, held by Store until its transaction ends
// (store.cc).
struct SearchIndexRow;

class Store {
 public:
  // Opens (creating when absent) the database at path and brings its schema
  // to kSchemaVersion.  The schema is created only in an empty database; any
  // other database that is not clsdb's is refused before anything is written
  // to it.  Errors: IOError (cannot open/create: the reason), Corruption (not
  // a database), InvalidArgument (another application's database: tables
  // without meta.schema_version, or a schema_version that clsdb never wrote;
  // a newer schema_version than this build knows).
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();

  // The id of the document with this sha256, if stored.
  std::optional<long long> FindDocument(const std::string& sha256);

  // Writes one document and all its records atomically: in a transaction
  // of its own, or inside the open group as one savepoint.  With replace, an
  // existing document of the same sha256 is deleted first, in the same
  // transaction or savepoint, and the documents that were copies of it
  // (same_as) become copies of the new one (of its original, when it is a
  // copy itself).  Returns the document id.  On error nothing of
  // this document is written (and, in a group, the documents written before
  // it stay written unless GroupAlive() turns false).  Without replace, a
  // document of the same sha256 already there (another run stored it
  // meanwhile) is kept: its id is returned, nothing is written, and
  // *already_stored (when given) is set.
  Result<long long> WriteDocument(const DocumentRow& doc, bool replace,
                                  bool* already_stored = nullptr);

  // Group commit.  The writes between BeginGroup and CommitGroup share one
  // transaction, each document in a savepoint of its own, so that a commit
  // (and the full-text index's merge of its new segment) is paid once per
  // group instead of once per document.  The full-text rows of the group's
  // documents are added at its commit, after their savepoints: FTS5 writes
  // what it holds to a new index segment at every savepoint, so rows added
  // document by document would cost a segment, and its merges, each.  Nothing of a group is
  // durable, or visible to other connections, before CommitGroup succeeds; a process killed before
  // that loses the group whole, never part of a document. The group holds the database's write
  // lock: keep it short. Errors (BeginGroup): IOError, e.g. another writer beyond the busy timeout.
  // REQUIRES: no group open.
  Status BeginGroup();
  // Commits the group.  Errors: IOError when the commit fails or when
  // SQLite rolled the group's transaction back on an earlier error (a full
  // disk, an I/O error): nothing of the group is then stored.  The group is
  // closed either way.  REQUIRES: a group open.
  Status CommitGroup();
  bool InGroup() const { return in_group_; }
  // False once SQLite has rolled the open group's transaction back by
  // itself (after an I/O error, a full disk): its documents are lost, and
  // CommitGroup says why.  True when no group is open.
  bool GroupAlive() const;

  // Content identity.  The stored documents that share a band key with
  // bands, with their fingerprints (bands left empty), for identity/ to
  // choose from: never one of sha256 exclude_sha256 (a document --force
  // replaces) nor a copy of it, and only ids below before_id when it is
  // not 0.  At most the
  // 64 earliest documents of each key, and of those the 8 that share the
  // most keys with bands (a copy shares nearly all 32, documents of one
  // template a few): a look-up stays bounded however many copies of one
  // content, or documents of one template, are stored.
  Result<std::vector<StoredFingerprint>> SameContentCandidates(
      const std::vector<std::int64_t>& bands, const std::string& exclude_sha256,
      long long before_id = 0);
  // The documents whose identity was never decided (stored by schema
  // version 3), failed ones aside, in id order.
  Result<std::vector<long long>> DocumentsWithoutFingerprint();
  // Records a stored document's fingerprint and link, atomically (in the
  // open group, if any).
  // Errors: IOError; NotFound when there is no such document.
  Status SetContentIdentity(long long document_id, const ContentFingerprint& fingerprint,
                            std::optional<long long> same_as);

  // Runs bookkeeping (table runs).
  Result<long long> BeginRun(const std::string& arguments);
  Status FinishRun(long long run_id, const RunCounts& counts);

  // A stored document's identity and outcome.
  struct StoredDocument {
    long long id = 0;
    std::string sha256, path, error;
    SourceFormat format = SourceFormat::kText;
    DocumentType doc_type = DocumentType::kOther;  // also for a failed document
    DocumentStatus status = DocumentStatus::kOk;
    std::optional<std::string> title;
    int page_count = 0;
  };
  Result<std::vector<StoredDocument>> ListDocuments();

  // Reads back the records of a stored document (for check/ and tests):
  // doc_type, title and every extracted row with its provenance, children
  // linked by index as in model/records.h.
  Result<DocumentRecords> ReadRecords(long long document_id);
  // Where the contract with database id contract_id is: its document and
  // its index in that document's ReadRecords(...).contracts.  NotFound when
  // there is no such contract.
  struct ContractLocation {
    long long document_id = 0;
    int index = 0;
  };
  Result<ContractLocation> LocateContract(long long contract_id);
  // The database ids of a document's contracts, in the order of
  // ReadRecords(document_id).contracts.
  Result<std::vector<long long>> ContractIds(long long document_id);
  // The stored pages' text, page_no order.
  Result<std::vector<std::string>> ReadPages(long long document_id);

  // Summary counts for the CLI: rows per table, documents per type/status.
  struct Summary {
    std::vector<std::pair<std::string, long long>> documents_by_type_status;
    std::vector<std::pair<std::string, long long>> table_rows;
    long long same_content_documents = 0;  // documents.same_as set
  };
  Result<Summary> Summarize();

  // "ok" when PRAGMA integrity_check passes, else its first message.
  Result<std::string> IntegrityCheck();

 private:
  explicit Store(sqlite3* db);
  // Runs write in a transaction of its own, or in a savepoint of the open
  // group; rolls back what write did when it fails.
  Status Atomically(const std::function<Status()>& write);
  // Adds rows to the index and empties rows.  Errors: those of SQLite.
  Status InsertSearchRows(std::vector<SearchIndexRow>& rows);
  // WriteDocument's body, inside the transaction or savepoint it opened; its
  // index rows go to document_search_.
  Result<long long> WriteDocumentLocked(const DocumentRow& doc, bool replace, bool* already_stored);
  // Deletes the stored version of a document that a new one replaces, with
  // its search rows, and returns the ids of its copies (same_as = id): the
  // new version is their original, under its new id.
  Result<std::vector<long long>> DeleteReplaced(long long id);
  // A document's content_fingerprints and content_bands rows, replacing any.
  Status WriteFingerprint(long long document_id, const ContentFingerprint& fingerprint);
  sqlite3* db_;
  bool in_group_ = false;
  // Why the group's transaction was lost, when a write noticed it.
  std::string group_lost_;
  // Index rows of the document being written, and of the open group's
  // documents written so far (added by CommitGroup).
  std::vector<SearchIndexRow> document_search_, group_search_;
  // The documents the write under way deleted (DeleteReplaced).
  std::vector<long long> replaced_;
  struct Statements;
  std::unique_ptr<Statements> stmts_;
  class Checkpointer;
  std::unique_ptr<Checkpointer> checkpointer_;
};

// Which documents are stored, asked on a read-only connection of its own, so
// that workers can look up a sha256 while the writer is in a transaction: in
// WAL mode a reader sees the last committed state and does not wait for the
// writer.  Thread-safe.
class StoredDocuments {
 public:
  // REQUIRES: Store::Open(path) succeeded (the schema exists).
  static Result<std::unique_ptr<StoredDocuments>> Open(const std::string& path);
  ~StoredDocuments();

  // How a stored document ended, for the decision to retry it.
  struct Outcome {
    DocumentStatus status = DocumentStatus::kOk;
    bool transient = false;
    int attempts = 1;
  };
  // The committed document with this sha256, if any.  A failed look-up
  // (the database is locked beyond the busy timeout) answers nullopt: the
  // writer's own check in WriteDocument still prevents a duplicate.
  std::optional<Outcome> Find(const std::string& sha256);
  bool Contains(const std::string& sha256) { return Find(sha256).has_value(); }

 private:
  StoredDocuments(sqlite3* db, sqlite3_stmt* find) : db_(db), find_(find) {}
  std::mutex mu_;
  sqlite3* db_;
  sqlite3_stmt* find_;
};

}  // namespace clsdb

#endif  // CLSDB_STORE_STORE_H_
