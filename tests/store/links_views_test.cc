// Schema version 6: the links (glossary.contract_id, deliberation_contracts,
// transmissions.deliberation_id) are written and read back, the analyst
// views (v_plan, v_parties, v_deliberations) show each content once, and a
// version 5 database written by the landed build is upgraded in place.
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

Contract SampleContract(const std::string& territory) {
  Contract c;
  c.title = "Contrat local de santé de " + territory;
  c.territory = territory;
  c.signed_date = "2024-05-02";
  Party ars;
  ars.organization = "Agence régionale de santé";
  ars.representative = "Hugo GILARDI";
  c.parties.push_back(ars);
  c.orientations.push_back({"1", "Accès aux soins", {}});
  Objective ob;
  ob.orientation_index = 0;
  ob.number = "1";
  ob.title = "Attirer des professionnels";
  ob.prov = {1, 0, 1, "plan.objective"};
  c.objectives.push_back(ob);
  Action a;
  a.orientation_index = 0;
  a.code = "1.1";
  a.title = "Attirer des médecins";
  a.prov = {1, 2, 3, "plan.action"};
  c.actions.push_back(a);
  Operation op;
  op.action_index = 0;
  op.code = "1.1.1";
  op.title = "Un logement pour les internes";
  c.operations.push_back(op);
  for (const auto& [role, name, operation] :
       {std::tuple{ActorRole::kPilot, "CPTS", -1}, std::tuple{ActorRole::kPilot, "CCSA", -1},
        std::tuple{ActorRole::kPartner, "ARS", -1},
        std::tuple{ActorRole::kPilot, "Département", 0}}) {
    Actor actor;
    actor.action_index = 0;
    actor.operation_index = operation;
    actor.role = role;
    actor.name = name;
    c.actors.push_back(actor);
  }
  for (long long year : {2026LL, 2025LL}) {
    ScheduleEntry s;
    s.action_index = 0;
    s.year = year;
    s.text = "x";
    c.schedule.push_back(s);
  }
  return c;
}

// A deliberation that approves the second of two contracts annexed, with a
// stamp that belongs to it and a glossary entry in each place.
DocumentRow LinkedRow(const std::string& sha) {
  DocumentRow row =
      testing::OnePageRow(sha, "Délibération n° 2025-045", DocumentType::kDeliberation);
  Deliberation d;
  d.number = "2025-045";
  d.votes_for = 27;
  d.approves.push_back({1, {1, 0, 5, "structure.named_contract"}});
  row.records.deliberations.push_back(d);
  Transmission t;
  t.actes_id = "029-242900000-20250310-2025_045-DE";
  t.deliberation_index = 0;
  row.records.transmissions.push_back(t);
  row.records.contracts.push_back(SampleContract("Sud Artois"));
  row.records.contracts.push_back(SampleContract("Monts de Coatmeur"));
  GlossaryEntry outside, inside;
  outside.acronym = "CCAS";
  outside.expansion = "Centre communal d'action sociale";
  inside.acronym = "CCSA";
  inside.expansion = "Communauté de communes du Sud Artois";
  inside.contract_index = 1;
  row.records.glossary = {outside, inside};
  return row;
}

TEST_CASE("links are stored as ids and read back as indexes", "[store][links]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto id = (*store)->WriteDocument(LinkedRow("aa"), false);
  REQUIRE(id.ok());
  auto back = (*store)->ReadRecords(*id);
  REQUIRE(back.ok());
  REQUIRE(back->deliberations.size() == 1);
  REQUIRE(back->deliberations[0].approves.size() == 1);
  CHECK(back->deliberations[0].approves[0].contract_index == 1);
  CHECK(back->deliberations[0].approves[0].prov.rule == "structure.named_contract");
  REQUIRE(back->transmissions.size() == 1);
  CHECK(back->transmissions[0].deliberation_index == 0);
  REQUIRE(back->glossary.size() == 2);
  CHECK(back->glossary[0].contract_index == -1);
  CHECK(back->glossary[1].contract_index == 1);
  // In SQL: the ids of the rows linked to.
  CHECK(QueryRows(path,
                  "SELECT c.territory FROM deliberation_contracts dc JOIN contracts c"
                  " ON c.id = dc.contract_id") == Rows{{"Monts de Coatmeur"}});
  CHECK(QueryRows(path,
                  "SELECT d.number FROM transmissions t JOIN deliberations d"
                  " ON d.id = t.deliberation_id") == Rows{{"2025-045"}});
  CHECK(QueryRows(path,
                  "SELECT g.acronym, ifnull(c.territory, '-') FROM glossary g LEFT JOIN contracts c"
                  " ON c.id = g.contract_id ORDER BY g.id") ==
        Rows{{"CCAS", "-"}, {"CCSA", "Monts de Coatmeur"}});
}

TEST_CASE("the views show each content once, one row per item, party and act", "[store][views]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto first = (*store)->WriteDocument(LinkedRow("aa"), false);
  REQUIRE(first.ok());
  DocumentRow copy = LinkedRow("bb");  // the PDF of the same text
  copy.same_as = *first;
  REQUIRE((*store)->WriteDocument(copy, false).ok());
  store->reset();
  // Two contracts stored per document, two documents: the views count one
  // document's worth.
  CHECK(QueryRows(path, "SELECT count(*) FROM contracts") == Rows{{"4"}});
  CHECK(QueryRows(path, "SELECT count(*), count(DISTINCT document_id) FROM v_plan") ==
        Rows{{"4", "1"}});
  CHECK(QueryRows(path, "SELECT count(*) FROM v_parties") == Rows{{"2"}});
  CHECK(QueryRows(path, "SELECT count(*) FROM v_deliberations") == Rows{{"1"}});
  // An action's own actors and years; an operation's own pilot; the
  // objective written before the action in its orientation.
  CHECK(QueryRows(path,
                  "SELECT kind, code, orientation, objective, pilots, partners, years FROM v_plan"
                  " WHERE territory = 'Sud Artois' ORDER BY kind") ==
        Rows{{"action", "1.1", "Accès aux soins", "Attirer des professionnels",
              "[\"CPTS\",\"CCSA\"]", "[\"ARS\"]", "[2025,2026]"},
             {"operation", "1.1.1", "Accès aux soins", "Attirer des professionnels",
              "[\"Département\"]", "[]", "[]"}});
  CHECK(QueryRows(path,
                  "SELECT number, votes_for, actes_id, contracts_approved, contracts"
                  " FROM v_deliberations") ==
        Rows{{"2025-045", "27", "029-242900000-20250310-2025_045-DE", "1",
              "[\"Monts de Coatmeur\"]"}});
  CHECK(QueryRows(path, "SELECT DISTINCT party, representative FROM v_parties") ==
        Rows{{"Agence régionale de santé", "Hugo GILARDI"}});
}

// A contract published apart from the act that approves it, stamped with
// the act's ACTES id.
DocumentRow AnnexRow(const std::string& sha) {
  DocumentRow row = testing::OnePageRow(sha, "Contrat local de santé", DocumentType::kContract);
  Transmission t;
  t.actes_id = "029-242900000-20250310-2025_045-DE";
  row.records.transmissions.push_back(t);
  row.records.contracts.push_back(SampleContract("Pays de Morlaix"));
  return row;
}

TEST_CASE("an act and the annexes stamped with its ACTES id are linked across files",
          "[store][views]") {
  testing::TempDir dir;
  const std::string path = dir / "db.sqlite";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto act = (*store)->WriteDocument(LinkedRow("aa"), false);
  REQUIRE(act.ok());
  auto annex = (*store)->WriteDocument(AnnexRow("cc"), false);
  REQUIRE(annex.ok());
  DocumentRow annex_pdf = AnnexRow("dd");  // the same annex again: shown once
  annex_pdf.same_as = *annex;
  REQUIRE((*store)->WriteDocument(annex_pdf, false).ok());
  DocumentRow other = AnnexRow("ee");  // another act's annex
  other.records.transmissions[0].actes_id = "029-242900000-20250310-2025_046-DE";
  REQUIRE((*store)->WriteDocument(other, false).ok());
  store->reset();
  CHECK(QueryRows(path,
                  "SELECT act_document_id, number, actes_id, annex_document_id, contract"
                  " FROM v_act_annexes") ==
        Rows{{std::to_string(*act), "2025-045", "029-242900000-20250310-2025_045-DE",
              std::to_string(*annex), "Pays de Morlaix"}});
}

TEST_CASE("a version 5 database of a landed build is upgraded to 6 in place", "[store][links]") {
  testing::TempDir dir;
  const std::string path = testing::UpgradedLandedCopy(
      dir, 5,
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM glossary),"
      " (SELECT count(*) FROM transmissions), (SELECT count(*) FROM actions),"
      " (SELECT count(*) FROM deliberations)");
  // The new columns are there, NULL until the documents are ingested again.
  CHECK(QueryRows(path, "SELECT count(*) FROM glossary WHERE contract_id IS NOT NULL") ==
        Rows{{"0"}});
  CHECK(QueryRows(path, "SELECT count(*) FROM transmissions WHERE deliberation_id IS NOT NULL") ==
        Rows{{"0"}});
  CHECK(QueryRows(path, "SELECT count(*) FROM deliberation_contracts") == Rows{{"0"}});
  // The views read the upgraded tables: one row per action and operation of
  // the documents that repeat no other.
  CHECK(QueryRows(path, "SELECT count(*) FROM v_plan") ==
        QueryRows(path,
                  "SELECT (SELECT count(*) FROM actions a JOIN contracts c ON c.id = a.contract_id"
                  " JOIN documents d ON d.id = c.document_id WHERE d.same_as IS NULL) + (SELECT"
                  " count(*) FROM operations o JOIN contracts c ON c.id = o.contract_id JOIN"
                  " documents d ON d.id = c.document_id WHERE d.same_as IS NULL)"));
  CHECK(QueryRows(path, "SELECT count(*) FROM v_deliberations") ==
        QueryRows(path,
                  "SELECT count(*) FROM deliberations x JOIN documents d ON d.id = x.document_id"
                  " WHERE d.same_as IS NULL"));
  // A document ingested again after the upgrade is stored with its links.
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->WriteDocument(LinkedRow("cc"), false).ok());
  store->reset();
  CHECK(QueryRows(path, "SELECT count(*) FROM deliberation_contracts") == Rows{{"1"}});
}

}  // namespace
}  // namespace clsdb
