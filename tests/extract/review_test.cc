// ReviewRecords (extract/review.cc): the diagnostics of what extraction
// found, each tied to the record it is about.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace clsdb {
namespace {

std::vector<std::string> Codes(const DocumentRecords& r) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : r.diagnostics) codes.push_back(d.code);
  return codes;
}

TEST_CASE("a contract with no party and no content is noted where it starts", "[review]") {
  DocumentRecords r;
  Contract empty;
  empty.title = "Contrat local de santé du Ternois";
  empty.prov = {4, 120, 160, "contract.title"};
  r.contracts.push_back(empty);
  ReviewRecords(&r);
  REQUIRE(Codes(r) == std::vector<std::string>{"extract.contract_without_party",
                                               "extract.contract_without_content"});
  const Diagnostic& d = r.diagnostics[0];
  CHECK(d.stage == "extract");
  CHECK(d.prov.page == 4);
  CHECK(d.prov.span_start == 120);
  CHECK(d.prov.span_end == 160);
  CHECK(d.prov.rule == "contract.title");
  CHECK(d.message == "contract 1 (Contrat local de santé du Ternois): no party found");
  CHECK_FALSE(MakesPartial(d));
}

TEST_CASE("a complete contract and a voted, dated act are not noted", "[review]") {
  DocumentRecords r;
  Contract c;
  c.parties.push_back(Party{});
  c.actions.push_back(Action{});
  r.contracts.push_back(c);
  Deliberation act;
  act.meeting_date = "2025-09-24";
  act.outcome = "adopted";
  r.deliberations.push_back(act);
  ReviewRecords(&r);
  CHECK(r.diagnostics.empty());
}

TEST_CASE("an act is noted for each of a missing vote and date, by its number", "[review]") {
  DocumentRecords r;
  Deliberation voted_only;
  voted_only.votes_for = 30;
  Deliberation bare;
  bare.number = "2025-123";
  bare.prov.page = 7;
  r.deliberations = {voted_only, bare};
  ReviewRecords(&r);
  REQUIRE(Codes(r) == std::vector<std::string>{"extract.act_without_date",
                                               "extract.act_without_vote",
                                               "extract.act_without_date"});
  CHECK(r.diagnostics[0].message == "act 1: no meeting date found");
  CHECK(r.diagnostics[1].message == "act 2 (2025-123): no vote found");
  CHECK(r.diagnostics[1].prov.page == 7);
}

}  // namespace
}  // namespace clsdb
