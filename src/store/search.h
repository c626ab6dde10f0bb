// Full-text search of a database, for `clsdb search`: the analyst's words in,
// the matching rows out, best first: articles, orientations, objectives,
// actions, operations, actors, indicators and acts (schema.sql.h
// kSearchKinds), narrowed to a contract or a territory when asked.
//
// The words are always bound as a parameter, never spliced into SQL.  By
// default each word is quoted, so that nothing in them is read as FTS5
// syntax (AND, NEAR, "-", ":" …) and every word must occur; with raw_syntax
// they are an FTS5 query as written, and a syntax error in them is returned
// as InvalidArgument with SQLite's message.
#ifndef CLSDB_STORE_SEARCH_H_
#define CLSDB_STORE_SEARCH_H_

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace clsdb {

struct SearchQuery {
  std::string words;
  bool raw_syntax = false;
  std::string kind;  // one of kSearchKinds; empty: all
  int limit = 20;    // 0: all
  // Only the hits of this contract (contracts.id); an act's hits belong to
  // the contracts it approves (deliberation_contracts).
  std::optional<long long> contract_id;
  // Only the hits of contracts whose territory contains this text (case
  // aside for ASCII letters, accents as written); empty: all.
  std::string territory;
};

struct SearchHit {
  std::string path;                      // the document's file
  std::string kind;                      // one of kSearchKinds
  long long ref_id = 0;                  // the row's id in the table `kind` names
  int page = 0;                          // where it starts (0 when unknown)
  std::optional<long long> contract_id;  // the contract it belongs to, if any
  std::string contract_title;            // its title, or ""
  std::string territory;                 // its territory, or ""
  std::string snippet;                   // the matching words in [brackets]
};

// FTS5 query text that matches every word of `words` as written: each word
// double-quoted (inner quotes doubled).  Empty for blank words.
std::string QuoteWords(const std::string& words);

// Searches the database at db_path, opened read-only.  Errors: NotFound (no
// such database), InvalidArgument (blank words, unknown kind, a syntax
// error in raw words), IOError (not a clsdb database, or unreadable).
// When total is given, *total is the number of hits without the limit.
Result<std::vector<SearchHit>> SearchDatabase(const std::string& db_path, const SearchQuery& query,
                                              long long* total = nullptr);

}  // namespace clsdb

#endif  // CLSDB_STORE_SEARCH_H_
