#include "check/annotation.h"

#include <catch2/catch.hpp>

#include "check/scorer.h"
#include "test_paths.h"

namespace clsdb::check {
namespace {

constexpr const char* kSample = R"json({
  "file": "x.txt",
  "doc_type": "contract",
  "title": "Contrat Local de Santé du Sud Artois",
  "deliberations": [{
    "body": "Commission Permanente", "number": "2025-131", "meeting_date": "2025-04-22",
    "title": null, "president": "Jean-Claude LEROY", "secretary": null,
    "votes_for": 43, "votes_against": 0, "votes_abstention": null, "votes_absent": 1,
    "outcome": "adopted", "signed_place": "ARRAS", "signed_date": "2025-04-22",
    "attendees": [{"name": "Jean-Claude LEROY", "status": "present"}]
  }],
  "transmissions": [{"actes_id": "059-200043404-20250924-DELIB370A-DE",
                     "sent_date": "2025-10-02", "received_date": "2025-10-02",
                     "published_date": null}],
  "contracts": [{
    "title": "Contrat Local de Santé du Sud Artois", "territory": "Sud Artois",
    "territory_acronym": "CCSA", "generation": 2, "period_start": null, "period_end": null,
    "signed_place": "Bapaume", "signed_date": "2024-11-15", "population": 27142, "communes": 64,
    "parties": [{"organization": "ARS", "acronym": "ARS", "representative": "Hugo GILARDI",
                 "representative_title": "Directeur général"}],
    "articles": [{"number": "1", "title": "Objet du contrat"}],
    "orientations": [{"number": "1", "title": "Accès aux soins"},
                     {"number": "2", "title": "Santé mentale"}],
    "objectives": [{"orientation": "2", "number": "1", "title": "Repérer"}],
    "actions": [{"code": "1.1", "orientation": "1", "title": "Attirer", "pilots": ["CCSA"]},
                {"code": "2.1", "orientation": "2", "title": "Former", "pilots": []}],
    "operations": [{"code": "2.1.1", "action": "2.1", "title": "Former les élus",
                    "pilots": ["CCSA", "CPTS"]},
                   {"code": null, "action": "1.1", "title": "Accueillir", "pilots": []}]
  }],
  "glossary": [{"acronym": "AAP", "expansion": "Appel A Projet"}],
  "notes": ["ignored"]
})json";

TEST_CASE("An annotation becomes DocumentRecords linked by index", "[annotation]") {
  Result<DocumentRecords> r = ParseAnnotation(kSample, "sample.json");
  REQUIRE(r.ok());
  CHECK(r->doc_type == DocumentType::kContract);
  REQUIRE(r->deliberations.size() == 1);
  const Deliberation& d = r->deliberations[0];
  CHECK(d.number == "2025-131");
  CHECK_FALSE(d.title.has_value());
  CHECK(d.votes_for == 43);
  CHECK_FALSE(d.votes_abstention.has_value());
  CHECK(d.attendees.size() == 1);
  REQUIRE(r->transmissions.size() == 1);
  CHECK_FALSE(r->transmissions[0].published_date.has_value());

  REQUIRE(r->contracts.size() == 1);
  const Contract& c = r->contracts[0];
  CHECK(c.generation == 2);
  CHECK_FALSE(c.period_start.has_value());
  CHECK(c.population == 27142);
  REQUIRE(c.objectives.size() == 1);
  CHECK(c.objectives[0].orientation_index == 1);
  REQUIRE(c.actions.size() == 2);
  CHECK(c.actions[1].orientation_index == 1);
  REQUIRE(c.operations.size() == 2);
  CHECK(c.operations[0].action_index == 1);
  CHECK(c.operations[1].action_index == 0);
  CHECK_FALSE(c.operations[1].code.has_value());

  REQUIRE(c.actors.size() == 3);
  CHECK(c.actors[0].role == ActorRole::kPilot);
  CHECK(c.actors[0].name == "CCSA");
  CHECK(c.actors[0].action_index == 0);
  CHECK(c.actors[0].operation_index == -1);
  CHECK(c.actors[1].operation_index == 0);
  CHECK(c.actors[2].name == "CPTS");
  CHECK(r->glossary.size() == 1);
}

TEST_CASE("Annotation errors name the file and the place", "[annotation]") {
  SECTION("invalid JSON") {
    Result<DocumentRecords> r = ParseAnnotation("{\"doc_type\": ", "bad.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kCorruption);
    CHECK(r.status().message().find("bad.json") != std::string::npos);
  }
  SECTION("wrong type") {
    Result<DocumentRecords> r = ParseAnnotation(
        R"({"doc_type": "note", "contracts": [{"title": "t", "population": "many"}]})", "t.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("t.json") != std::string::npos);
    CHECK(r.status().message().find("contracts[0].population") != std::string::npos);
  }
  SECTION("a doc_type clsdb does not store") {
    Result<DocumentRecords> r = ParseAnnotation(R"({"doc_type": "contrat"})", "k.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("k.json: $.doc_type: \"contrat\" is not a known value") !=
          std::string::npos);
  }
  SECTION("missing doc_type") {
    Result<DocumentRecords> r = ParseAnnotation(R"({"title": null})", "m.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("doc_type") != std::string::npos);
  }
  SECTION("a link to an action that does not exist") {
    Result<DocumentRecords> r = ParseAnnotation(
        R"({"doc_type": "contract", "contracts": [{"title": "t",
            "operations": [{"code": "1.1.1", "action": "1.1", "title": "x"}]}]})",
        "l.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("operations[0].action") != std::string::npos);
  }
  SECTION("missing file") {
    Result<DocumentRecords> r = LoadAnnotation("/nonexistent/annotation.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kNotFound);
  }
}

TEST_CASE("The shared annotations load and score perfectly against themselves",
          "[annotation][shared]") {
  if (!clsdb::testing::HaveSharedCorpus()) return;
  for (const char* stem :
       {"000_4ed6bf59f513ad19", "002_44ef4f2dd19b21b3", "003_3dfd76481143a408"}) {
    INFO(stem);
    const auto path = clsdb::testing::SharedCorpus() / "expected" / (std::string(stem) + ".json");
    Result<DocumentRecords> r = LoadAnnotation(path.string());
    REQUIRE(r.ok());
    const DocumentScore s = ScoreDocument(*r, *r);
    for (const GroupScore& g : s.groups) {
      INFO(g.group);
      CHECK(g.fp == 0);
      CHECK(g.fn == 0);
    }
  }
  const auto path = clsdb::testing::SharedCorpus() / "expected" / "000_4ed6bf59f513ad19.json";
  Result<DocumentRecords> r = LoadAnnotation(path.string());
  REQUIRE(r.ok());
  CHECK(r->contracts.size() == 8);
  CHECK(r->deliberations.at(0).votes_for == 43);
}

}  // namespace
}  // namespace clsdb::check
