// Schema version 8: organizations.department_code and siren
// (organize/places.h) are written and read through v_parties, the acts'
// canonical spellings have their columns, and a version 7 database written
// by the landed build is upgraded in place.
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

// One contract signed by a Département whose act the stamp carries, and by
// a regional agency of no département.
DocumentRow LocatedRow(const std::string& sha) {
  DocumentRow row = testing::OnePageRow(sha, "Contrat local de santé", DocumentType::kContract);
  Contract c;
  c.title = "Contrat local de santé des Vosges";
  for (const char* name : {"Conseil départemental des Vosges", "ARS Grand Est"}) {
    Party p;
    p.organization = name;
    p.organization_index = static_cast<int>(c.organizations.size());
    c.parties.push_back(p);
    Organization o;
    o.name = name;
    o.match_key = name;
    c.organizations.push_back(o);
  }
  c.organizations[0].department_code = "88";
  c.organizations[0].siren = "228800011";
  row.records.contracts.push_back(c);
  return row;
}

TEST_CASE("a version 7 database of a landed build is upgraded to 8 in place", "[store][places]") {
  testing::TempDir dir;
  const std::string count_sql = "SELECT count(*), count(DISTINCT match_key) FROM organizations";
  const std::string path = testing::UpgradedLandedCopy(dir, 7, count_sql);
  const Rows before = QueryRows(path, count_sql);
  // The columns are there, NULL until the documents are ingested again.
  CHECK(QueryRows(path,
                  "SELECT count(*) FROM organizations"
                  " WHERE department_code IS NULL AND siren IS NULL") == Rows{{before[0][0]}});
  // So are the acts' canonical spellings (organize/people.h).
  CHECK(QueryRows(path,
                  "SELECT count(*) FROM pragma_table_info('deliberations') WHERE name IN"
                  " ('president_canonical', 'secretary_canonical')") == Rows{{"2"}});
  CHECK(QueryRows(path,
                  "SELECT count(*) FROM pragma_table_info('attendees')"
                  " WHERE name = 'name_canonical'") == Rows{{"1"}});
  // A document stored after the upgrade keeps where its bodies are.
  {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->WriteDocument(LocatedRow("ff"), false).ok());
  }
  CHECK(QueryRows(path,
                  "SELECT party, organization_department, organization_siren FROM v_parties"
                  " WHERE contract_title = 'Contrat local de santé des Vosges' ORDER BY party") ==
        Rows{{"ARS Grand Est", "", ""}, {"Conseil départemental des Vosges", "88", "228800011"}});
}

}  // namespace
}  // namespace clsdb
