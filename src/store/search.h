// Full-text search of a database, for `clsdb search`: the analyst's words in,
// the matching articles, actions, operations and indicators out, best first.
//
// The words are always bound as a parameter, never spliced into SQL.  By
// default each word is quoted, so that nothing in them is read as FTS5
// syntax (AND, NEAR, "-", ":" …) and every word must occur; with raw_syntax
// they are an FTS5 query as written, and a syntax error in them is returned
// as InvalidArgument with SQLite's message.
#ifndef CLSDB_STORE_SEARCH_H_
#define CLSDB_STORE_SEARCH_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace clsdb {

struct SearchQuery {
  std::string words;
  bool raw_syntax = false;
  std::string kind;  // article | action | operation | indicator; empty: all
  int limit = 20;
};

struct SearchHit {
  std::string path;            // the document's file
  std::string kind;            // article | action | operation | indicator
  long long ref_id = 0;        // the row's id in the table `kind` names
  int page = 0;                // where it starts (0 when unknown)
  std::string contract_title;  // the contract it belongs to, if any
  std::string snippet;         // the matching words in [brackets]
};

// FTS5 query text that matches every word of `words` as written: each word
// double-quoted (inner quotes doubled).  Empty for blank words.
std::string QuoteWords(const std::string& words);

// Searches the database at db_path, opened read-only.  Errors: NotFound (no
// such database), InvalidArgument (blank words, unknown kind, a syntax
// error in raw words), IOError (not a clsdb database, or unreadable).
Result<std::vector<SearchHit>> SearchDatabase(const std::string& db_path, const SearchQuery& query);

}  // namespace clsdb

#endif  // CLSDB_STORE_SEARCH_H_
