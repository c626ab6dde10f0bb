// core/source_dir: the checkout this binary was built from.
//
// The default rules/ and corpus/ folders, and the tests' data, are found
// from it.  It is compiled into source_dir.cc alone: a definition on every
// compile would make each checkout's objects differ, so that ccache could not
// share them between worktrees.
#ifndef CLSDB_CORE_SOURCE_DIR_H_
#define CLSDB_CORE_SOURCE_DIR_H_

namespace clsdb {

// The absolute path of the source tree (CMAKE_SOURCE_DIR), no trailing '/'.
const char* SourceDir();

}  // namespace clsdb

#endif  // CLSDB_CORE_SOURCE_DIR_H_
