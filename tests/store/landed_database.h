// UpgradedLandedCopy: a database written by a landed build
// (tests/data/store/README.md), copied and upgraded by Store::Open, for the
// migration tests of each schema version.
#ifndef CLSDB_TESTS_STORE_LANDED_DATABASE_H_
#define CLSDB_TESTS_STORE_LANDED_DATABASE_H_

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "query_rows.h"
#include "store/schema.sql.h"
#include "store/store.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb::testing {

// Copies v<version>_landed.sqlite into dir, checks that it is of that
// version, that unchanged_sql finds rows in it, opens it once (which
// migrates it), and checks that it is now of the current version and that
// unchanged_sql reads the same rows.  Returns the copy's path.
inline std::string UpgradedLandedCopy(const TempDir& dir, int version,
                                      const std::string& unchanged_sql) {
  using Rows = std::vector<std::vector<std::string>>;
  const std::string name = "v" + std::to_string(version) + "_landed.sqlite";
  const std::string path = dir / name;
  std::filesystem::copy_file(SourceDir() / "tests/data/store" / name, path);
  const std::string version_sql = "SELECT value FROM meta WHERE key = 'schema_version'";
  REQUIRE(QueryRows(path, version_sql) == Rows{{std::to_string(version)}});
  const Rows before = QueryRows(path, unchanged_sql);
  REQUIRE(!before.empty());
  REQUIRE(before[0][0] != "0");
  {
    auto store = Store::Open(path);
    INFO(store.status().ToString());
    REQUIRE(store.ok());
  }
  CHECK(QueryRows(path, version_sql) == Rows{{std::to_string(kSchemaVersion)}});
  CHECK(QueryRows(path, unchanged_sql) == before);
  return path;
}

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_STORE_LANDED_DATABASE_H_
