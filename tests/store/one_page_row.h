// OnePageRow: a stored text document of one page, for store tests to fill
// with the records they are about.
#ifndef CLSDB_TESTS_STORE_ONE_PAGE_ROW_H_
#define CLSDB_TESTS_STORE_ONE_PAGE_ROW_H_

#include <string>

#include "store/store.h"

namespace clsdb::testing {

// A text document "<sha>.txt" of one page holding page_text, typed type.
inline DocumentRow OnePageRow(const std::string& sha, const std::string& page_text,
                              DocumentType type) {
  DocumentRow row;
  row.sha256 = sha;
  row.path = sha + ".txt";
  row.format = SourceFormat::kText;
  row.page_count = 1;
  row.pages.push_back({1, page_text, true});
  row.records.doc_type = type;
  return row;
}

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_STORE_ONE_PAGE_ROW_H_
