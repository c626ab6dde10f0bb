// Schema version 7: parties.representative_canonical (organize/people.h) is
// written and read through v_parties, and a version 6 database written by
// the landed build is upgraded in place.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "landed_database.h"
#include "one_page_row.h"
#include "query_rows.h"
#include "store/schema.sql.h"
#include "store/store.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using testing::QueryRows;
using Rows = std::vector<std::vector<std::string>>;

// One contract signed by one person under two spellings, one canonical.
DocumentRow SignedRow(const std::string& sha) {
  DocumentRow row = testing::OnePageRow(sha, "Contrat local de santé", DocumentType::kContract);
  Contract c;
  c.title = "Contrat local de santé du Sud Artois";
  for (const char* written : {"Blandine Gohier Burger", "Blandine GOHIER-BURGER"}) {
    Party p;
    p.organization = "Caisse Primaire d'Assurance Maladie de l'Artois";
    p.representative = written;
    p.representative_canonical = "Blandine GOHIER-BURGER";
    c.parties.push_back(p);
  }
  row.records.contracts.push_back(c);
  return row;
}

TEST_CASE("a version 6 database of a landed build is upgraded to 7 in place", "[store][people]") {
  testing::TempDir dir;
  const std::string count_sql = "SELECT count(*), count(representative) FROM parties";
  const std::string path = testing::UpgradedLandedCopy(dir, 6, count_sql);
  const Rows before = QueryRows(path, count_sql);
  // The column is there, NULL until the documents are ingested again.
  CHECK(QueryRows(path, "SELECT count(*) FROM parties WHERE representative_canonical IS NULL") ==
        Rows{{before[0][0]}});
  CHECK(QueryRows(path, "SELECT count(*) FROM v_parties WHERE representative_canonical IS NULL") ==
        QueryRows(path, "SELECT count(*) FROM v_parties"));
  // A document stored after the upgrade keeps both spellings and its
  // canonical one.
  {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->WriteDocument(SignedRow("ee"), false).ok());
  }
  CHECK(QueryRows(path,
                  "SELECT representative, representative_canonical FROM v_parties"
                  " WHERE representative_canonical IS NOT NULL ORDER BY representative") ==
        Rows{{"Blandine GOHIER-BURGER", "Blandine GOHIER-BURGER"},
             {"Blandine Gohier Burger", "Blandine GOHIER-BURGER"}});
  CHECK(QueryRows(path, "SELECT count(DISTINCT representative_canonical) FROM parties") ==
        Rows{{"1"}});
}

}  // namespace
}  // namespace clsdb
