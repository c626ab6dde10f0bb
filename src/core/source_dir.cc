#include "core/source_dir.h"

namespace clsdb {

const char* SourceDir() { return CLSDB_SOURCE_DIR; }

}  // namespace clsdb
