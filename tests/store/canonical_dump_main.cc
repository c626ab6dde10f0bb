// canonical_dump DB [--with-runs]: prints CanonicalDump (canonical_dump.h),
// one "== table (rows)" header per table, for shell tests to diff.
#include <cstdio>
#include <cstring>
#include <exception>

#include "store/canonical_dump.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::strcmp(argv[2], "--with-runs") != 0)) {
    std::fprintf(stderr, "usage: canonical_dump DB [--with-runs]\n");
    return 2;
  }
  try {
    for (const auto& [table, lines] : clsdb::testing::CanonicalDump(argv[1], argc == 3)) {
      std::printf("== %s (%zu rows)\n", table.c_str(), lines.size());
      for (const auto& line : lines) std::printf("%s\n", line.c_str());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "canonical_dump: %s\n", e.what());
    return 1;
  }
  return 0;
}
