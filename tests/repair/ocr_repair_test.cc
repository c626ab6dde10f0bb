#include "repair/ocr_repair.h"

#include <catch2/catch.hpp>
#include <string>

#include "test_paths.h"

namespace clsdb {
namespace {

const RuleSet& Rules() {
  static const RuleSet* rules = [] {
    auto loaded = RuleSet::LoadDirectory(testing::RulesDir().string());
    INFO((loaded.ok() ? std::string() : loaded.status().ToString()));
    REQUIRE(loaded.ok());
    return new RuleSet(std::move(*loaded));
  }();
  return *rules;
}

std::string Repaired(std::string text) {
  RepairOcrText(Rules(), &text);
  return text;
}

TEST_CASE("OCR repairs: votes, dates, numbers, placeholders; lengths kept", "[repair]") {
  CHECK(Repaired("Contre : O voix\nAbstention : O voix") == "Contre : 0 voix\nAbstention : 0 voix");
  CHECK(Repaired("Pour : 4l voix") == "Pour : 41 voix");
  CHECK(Repaired("ARRAS, le 2l/O4/2025") == "ARRAS, le 21/04/2025");
  CHECK(Repaired("délibération n°2O25-l3l") == "délibération n°2025-131");
  CHECK(Repaired("Fait à X0000000%XXXXXXX, le 21 octobre 2025") ==
        "Fait à xxxxxxxxxxxxxxxx, le 21 octobre 2025");
  // What is not a misreading stays as it is.
  for (const char* clean :
       {"Contre : Olivier LEROY", "Il a été décidé le 1er avril", "L.3121-14 et L.1434-2",
        "Pour : 43 voix", "Fait à Bapaume, le 15/11/2024", "le Xe arrondissement"}) {
    CHECK(Repaired(clean) == clean);
  }
  std::string text = "Contre : O voix, le 2l/O4/2O25 à XXX000%XXXX";
  const size_t before = text.size();
  CHECK(RepairOcrText(Rules(), &text) >= 3);
  CHECK(text.size() == before);
}

TEST_CASE("Only the pages read by OCR are repaired", "[repair]") {
  LaidOutDocument doc;
  doc.pages = {{1, "Contre : O voix\n", false, true, 91.0}, {2, "Contre : O voix\n", true}};
  Block scanned;
  scanned.text = "Contre : O voix";
  scanned.span = {1, 0, 15};
  Block digital = scanned;
  digital.span.page = 2;
  doc.blocks = {scanned, digital};
  doc.stamps = {{1, "Reçu le 2l/1O/2025"}, {2, "Reçu le 2l/1O/2025"}};
  RepairOcrPages(Rules(), &doc);
  CHECK(doc.pages[0].text == "Contre : 0 voix\n");
  CHECK(doc.blocks[0].text == "Contre : 0 voix");
  CHECK(doc.stamps[0].text == "Reçu le 21/10/2025");
  // A text layer says what the document says, even "O".
  CHECK(doc.pages[1].text == "Contre : O voix\n");
  CHECK(doc.blocks[1].text == "Contre : O voix");
  CHECK(doc.stamps[1].text == "Reçu le 2l/1O/2025");
}

}  // namespace
}  // namespace clsdb
