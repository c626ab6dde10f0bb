// Schema version 9: the indexes no query reads are gone, from new databases
// and from those a landed build wrote; a replaced document's rows are still
// deleted whole (store.cc DocumentDeletionSql) without foreign-key
// enforcement.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "landed_database.h"
#include "query_rows.h"
#include "store/schema.sql.h"
#include "store/store.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

using IndexRows = std::vector<std::vector<std::string>>;

constexpr const char* kDroppedIndexesSql =
    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
    " ('actors_name', 'glossary_acronym', 'documents_path', 'organizations_match_key')";
// Indexes the deletion of a replaced document reads.
constexpr const char* kKeptIndexesSql =
    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
    " ('actors_contract', 'actors_action', 'actors_operation', 'actors_organization',"
    " 'glossary_document', 'organizations_contract')";

DocumentRow ActorsRow(const std::string& sha) {
  DocumentRow row;
  row.sha256 = sha;
  row.path = sha + ".txt";
  row.format = SourceFormat::kText;
  row.status = DocumentStatus::kOk;
  row.page_count = 1;
  row.pages.push_back({1, "CONTRAT LOCAL DE SANTÉ\n", true});
  row.records.doc_type = DocumentType::kContract;
  Contract c;
  c.title = "Contrat local de santé";
  Organization o;
  o.name = "Agence régionale de santé";
  o.match_key = "ars";
  c.organizations.push_back(o);
  Action a;
  a.code = "1.1";
  a.title = "Attirer des médecins";
  c.actions.push_back(a);
  Actor pilot;
  pilot.action_index = 0;
  pilot.organization_index = 0;
  pilot.role = ActorRole::kPilot;
  pilot.name = "ARS";
  c.actors.push_back(pilot);
  row.records.contracts.push_back(c);
  GlossaryEntry g;
  g.acronym = "ARS";
  g.expansion = "Agence régionale de santé";
  g.contract_index = 0;
  row.records.glossary.push_back(g);
  return row;
}

TEST_CASE("a new database has no index that no query reads", "[store][indexes]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
  }
  CHECK(testing::QueryRows(path, kDroppedIndexesSql) == IndexRows{{"0"}});
  CHECK(testing::QueryRows(path, kKeptIndexesSql) == IndexRows{{"6"}});
}

TEST_CASE("a version 8 database of a landed build loses those indexes, keeps its rows",
          "[store][indexes]") {
  testing::TempDir dir;
  const std::string count_sql =
      "SELECT (SELECT count(*) FROM actors), (SELECT count(*) FROM glossary),"
      " (SELECT count(*) FROM organizations), (SELECT count(*) FROM documents)";
  const std::string path = testing::UpgradedLandedCopy(dir, 8, count_sql);
  const IndexRows before = testing::QueryRows(path, count_sql);
  CHECK(testing::QueryRows(path, kDroppedIndexesSql) == IndexRows{{"0"}});
  CHECK(testing::QueryRows(path, kKeptIndexesSql) == IndexRows{{"6"}});
  // A document written and replaced there takes all its rows along, and
  // leaves the landed build's rows as they were.
  {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->WriteDocument(ActorsRow("aa"), false).ok());
    REQUIRE((*store)->WriteDocument(ActorsRow("aa"), true).ok());
  }
  const IndexRows after = testing::QueryRows(path, count_sql);
  REQUIRE(after.size() == 1);
  CHECK(std::stoll(after[0][0]) == std::stoll(before[0][0]) + 1);
  CHECK(std::stoll(after[0][1]) == std::stoll(before[0][1]) + 1);
  CHECK(std::stoll(after[0][2]) == std::stoll(before[0][2]) + 1);
  CHECK(std::stoll(after[0][3]) == std::stoll(before[0][3]) + 1);
  CHECK(testing::QueryRows(path, "PRAGMA foreign_key_check").empty());
  CHECK(testing::QueryRows(path,
                           "SELECT count(*) FROM actors a JOIN organizations o"
                           " ON o.id = a.organization_id JOIN contracts c ON c.id = a.contract_id"
                           " JOIN documents d ON d.id = c.document_id WHERE d.sha256 = 'aa'") ==
        IndexRows{{"1"}});
}

}  // namespace
}  // namespace clsdb
