// Where tests find the project's files and the shared reference corpus.
#ifndef CLSDB_TESTS_TEST_PATHS_H_
#define CLSDB_TESTS_TEST_PATHS_H_

#include <filesystem>
#include <string>

#include "core/source_dir.h"

namespace clsdb::testing {

inline std::filesystem::path SourceDir() { return clsdb::SourceDir(); }
inline std::filesystem::path RulesDir() { return SourceDir() / "rules"; }
inline std::filesystem::path ProjectCorpus() { return SourceDir() / "corpus"; }
// ../shared/corpus beside the checkout; may be absent in a bare clone.
inline std::filesystem::path SharedCorpus() {
  return SourceDir().parent_path() / "shared" / "corpus";
}
inline bool HaveSharedCorpus() { return std::filesystem::exists(SharedCorpus() / "text"); }

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_TEST_PATHS_H_
