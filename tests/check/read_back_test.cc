// Store's read side (src/store/read_back.cc): what the writer stored comes
// back as the same DocumentRecords, which the scorer then finds perfect.
#include <catch2/catch.hpp>

#include "check/annotation.h"
#include "check/scorer.h"
#include "store/store.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

DocumentRow RowOf(const DocumentRecords& records, const std::string& sha) {
  DocumentRow row;
  row.sha256 = sha;
  row.path = "doc-" + sha + ".txt";
  row.format = SourceFormat::kText;
  row.status = DocumentStatus::kOk;
  row.page_count = 1;
  row.pages.push_back({1, "Fait à Évreux, le 3 mars 2024\nCONTRAT LOCAL DE SANTÉ\n", true});
  row.records = records;
  return row;
}

TEST_CASE("Read-back links children by index and keeps provenance", "[read_back]") {
  DocumentRecords r;
  r.doc_type = DocumentType::kDeliberation;
  r.title = "Titre";
  Deliberation d;
  d.number = "2025-131";
  d.votes_for = 43;
  d.attendees.push_back({"Jean-Claude LEROY", "present", {1, 0, 4, "attendee.line"}});
  r.deliberations.push_back(d);
  for (int k = 0; k < 2; ++k) {
    Contract c;
    c.title = "Contrat " + std::to_string(k);
    c.generation = k == 0 ? OptInt(3) : std::nullopt;
    // "CONTRAT…" starts at byte 32 = character 30 (É and à take two bytes).
    c.prov = {1, 32, 54, "contract.title"};
    c.orientations = {{"1", "Accès", {}}, {"2", "Santé mentale", {}}};
    c.objectives.push_back({1, "1", "Repérer", {}});
    Action a;
    a.orientation_index = 1;
    a.code = "2.1";
    a.title = "Former";
    c.actions = {a, a};
    c.actions[0].orientation_index = -1;
    c.actions[0].code.reset();
    Operation op;
    op.action_index = 1;
    op.code = "2.1.1";
    op.title = "Former les élus";
    c.operations.push_back(op);
    Actor pilot;
    pilot.action_index = 1;
    pilot.operation_index = 0;
    pilot.role = ActorRole::kPilot;
    pilot.name = "CPTS";
    c.actors.push_back(pilot);
    Indicator ind;
    ind.operation_index = 0;
    ind.kind = IndicatorKind::kQuantitative;
    ind.text = "Nombre d'élus formés";
    c.indicators.push_back(ind);
    ScheduleEntry when;
    when.action_index = 0;
    when.year = 2026;
    when.text = "2026";
    c.schedule.push_back(when);
    r.contracts.push_back(c);
  }
  r.glossary.push_back({"AAP", "Appel A Projet", {}});

  testing::TempDir dir;
  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  REQUIRE((*store)->WriteDocument(RowOf(r, "other"), false).ok());  // ids shifted
  auto id = (*store)->WriteDocument(RowOf(r, "abc"), false);
  REQUIRE(id.ok());

  auto docs = (*store)->ListDocuments();
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 2);
  CHECK(docs->at(1).sha256 == "abc");
  CHECK(docs->at(1).id == *id);
  CHECK(docs->at(1).format == SourceFormat::kText);

  auto pages = (*store)->ReadPages(*id);
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 1);

  auto back = (*store)->ReadRecords(*id);
  REQUIRE(back.ok());
  CHECK(back->doc_type == DocumentType::kDeliberation);
  CHECK(back->title == "Titre");
  REQUIRE(back->deliberations.size() == 1);
  CHECK(back->deliberations[0].votes_for == 43);
  CHECK_FALSE(back->deliberations[0].votes_against.has_value());
  REQUIRE(back->deliberations[0].attendees.size() == 1);
  CHECK(back->deliberations[0].attendees[0].prov.rule == "attendee.line");
  REQUIRE(back->contracts.size() == 2);
  const Contract& c = back->contracts[1];
  CHECK(back->contracts[0].generation == 3);
  CHECK_FALSE(c.generation.has_value());
  CHECK(c.prov.page == 1);
  CHECK(c.prov.span_start == 30);  // stored as characters
  CHECK(c.prov.rule == "contract.title");
  REQUIRE(c.objectives.size() == 1);
  CHECK(c.objectives[0].orientation_index == 1);
  REQUIRE(c.actions.size() == 2);
  CHECK(c.actions[0].orientation_index == -1);
  CHECK_FALSE(c.actions[0].code.has_value());
  CHECK(c.actions[1].orientation_index == 1);
  REQUIRE(c.operations.size() == 1);
  CHECK(c.operations[0].action_index == 1);
  REQUIRE(c.actors.size() == 1);
  CHECK(c.actors[0].operation_index == 0);
  REQUIRE(c.indicators.size() == 1);
  CHECK(c.indicators[0].operation_index == 0);
  CHECK(c.indicators[0].action_index == -1);
  REQUIRE(c.schedule.size() == 1);
  CHECK(c.schedule[0].action_index == 0);
  CHECK(c.schedule[0].year == 2026);
  CHECK(back->glossary.size() == 1);

  CHECK_FALSE((*store)->ReadRecords(*id + 100).ok());
}

TEST_CASE("A shared annotation survives the store", "[read_back][shared]") {
  if (!testing::HaveSharedCorpus()) return;
  for (const char* stem : {"000_4ed6bf59f513ad19", "002_44ef4f2dd19b21b3"}) {
    INFO(stem);
    auto expected = check::LoadAnnotation(
        (testing::SharedCorpus() / "expected" / (std::string(stem) + ".json")).string());
    REQUIRE(expected.ok());
    testing::TempDir dir;
    auto store = Store::Open(dir / "db.sqlite");
    REQUIRE(store.ok());
    auto id = (*store)->WriteDocument(RowOf(*expected, stem), false);
    REQUIRE(id.ok());
    auto back = (*store)->ReadRecords(*id);
    REQUIRE(back.ok());
    const check::DocumentScore s = check::ScoreDocument(*expected, *back);
    for (const check::GroupScore& g : s.groups) {
      INFO(g.group);
      CHECK(g.fp == 0);
      CHECK(g.fn == 0);
    }
  }
}

}  // namespace
}  // namespace clsdb
