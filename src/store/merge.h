// merge: shard databases into one (`clsdb merge`).
//
// In:  an output database (created when absent) and shard databases, each
//      written by `clsdb ingest --shard K/N` on some machine: any clsdb
//      database of this build's schema version.
// Out: the output holds every document of every shard once, with all its
//      rows: ids renumbered, every foreign key pointing at the renumbered
//      row, provenance (page, span, rule) as it was.
//
//   Result<std::unique_ptr<MergeTarget>> out = MergeTarget::Open("all.sqlite");
//   for (const auto& shard : shards) {
//     Result<MergedShard> merged = (*out)->MergeShard(shard);
//     if (!merged.ok()) { report(merged.status()); break; }
//   }
//
// Guarantees:
// - One transaction per shard: a crash or an error leaves the output as it
//   was before that shard.
// - Idempotent: a document whose sha256 the output already holds is skipped
//   with all its rows, and a run row equal in every column to one already
//   there is not copied again, so merging a shard twice changes nothing.
//   Of two documents with the same sha256 the first merged is kept.
// - Streaming: every table is copied by one INSERT … SELECT from the
//   attached shard; memory does not grow with the shard.
//
// How each table is carried is derived from the schema (MergePlan): a table
// with foreign keys is copied row by row, ids shifted past the output's
// largest, foreign keys shifted like their parent's ids, and a row is kept
// when the parent it points at was kept.  Only the roots are named here:
// documents (deduplicated by sha256), runs (copied, deduplicated), meta (the
// output's own) and the FTS table search (ref_id follows kSearchKinds).
// Content identity is not copied: documents.same_as arrives NULL and
// content_fingerprints / content_bands empty for the merged documents, so
// that the caller (`clsdb merge`: pipeline.h's IdentifyStoredDocuments)
// links each to the earliest document of the same content in the output,
// across shards, as one ingest of every file would have.  A
// new table with no foreign key and no rule makes MergePlan fail, and with
// it every merge and the test that asks for the plan.
#ifndef CLSDB_STORE_MERGE_H_
#define CLSDB_STORE_MERGE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

struct sqlite3;

namespace clsdb {

// How merge carries one table.
struct TableMergeRule {
  enum class Kind {
    kDocuments,  // the root: a row is new when its sha256 is
    kChild,      // kept when a parent it points at was kept (foreign keys)
    kRuns,       // batch history: copied unless an equal row is there
    kSearch,     // the FTS index: kept with its document, ref_id by kind
    kOwn,        // the output's own (meta, FTS5 shadow tables, views): not copied
    kDerived,    // content identity: not copied, recomputed from the pages
  };
  struct ForeignKey {
    std::string column;
    std::string parent;  // its table; the key is the parent's id
  };
  std::string table;
  Kind kind = Kind::kChild;
  bool has_id = false;               // an `id INTEGER PRIMARY KEY`, renumbered
  std::vector<std::string> columns;  // every column, id included
  std::vector<ForeignKey> foreign_keys;
};

// Every table that schema_sql (this build's: kSchemaSql) creates, with its
// rule, parents before children.  Errors: Internal when a table has no rule
// (no foreign key and not a known root), a foreign key does not point at an
// id, or the SQL does not run.
Result<std::vector<TableMergeRule>> MergePlan(const std::string& schema_sql);

// What merging one shard did.
struct MergedShard {
  std::string path;
  long long documents_added = 0;
  long long documents_already_there = 0;  // same sha256 in the output
  long long runs_added = 0;
  long long rows_added = 0;  // all tables, documents and runs included
};

class MergeTarget {
 public:
  // Opens (creating when absent, migrating an older schema as Store::Open
  // does) the output database.  Errors: IOError, Corruption.
  static Result<std::unique_ptr<MergeTarget>> Open(const std::string& path);
  ~MergeTarget();

  // Checks, without writing to it, that path is a clsdb database this build
  // can merge.  Errors: NotFound (no such file), Corruption (not a clsdb
  // database), Unsupported (another schema version; the message names the
  // file and both versions).
  static Status CheckShard(const std::string& path);

  // Merges one shard in one transaction.  Errors: those of CheckShard,
  // InvalidArgument when path is the output itself, IOError; on error the
  // output is as before the call.
  Result<MergedShard> MergeShard(const std::string& path);

 private:
  MergeTarget(sqlite3* db, std::string path, std::vector<TableMergeRule> plan)
      : db_(db), path_(std::move(path)), plan_(std::move(plan)) {}
  // MergeShard's body, inside the transaction, shard attached as "shard".
  Status CopyShard(MergedShard* merged);
  sqlite3* db_;
  std::string path_;
  std::vector<TableMergeRule> plan_;
};

}  // namespace clsdb

#endif  // CLSDB_STORE_MERGE_H_
