// ExtractTransmissions (extract/transmission.cc, rules/transmission.rules),
// on small texts run through DecodeText → LayOut → Segment → Extract.
#include <catch2/catch.hpp>
#include <string>

#include "extract/extract.h"
#include "layout/layout.h"
#include "read/reader.h"
#include "repo_rules.h"
#include "rules/rule_set.h"
#include "segment/segment.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using Run = testing::TextRun;

const char kStamp[] =
    "Envoyé en préfecture le 02/10/2025\n"
    "Reçu en préfecture le 03/10/2025\n"
    "Publié le\n"
    "ID : 059-200043404-20250924-DELIB370A-DE\n";

TEST_CASE("a stamp gives the id, its parts and its dates", "[transmission]") {
  const Run run(std::string("Un document.\n") + kStamp + "La suite.\n");
  REQUIRE(run.records.transmissions.size() == 1);
  const Transmission& t = run.records.transmissions[0];
  CHECK(t.actes_id == "059-200043404-20250924-DELIB370A-DE");
  CHECK(t.department == "059");
  CHECK(t.siren == "200043404");
  CHECK(t.decision_date == "2025-09-24");
  CHECK(t.act_ref == "DELIB370A");
  CHECK(t.nature == "DE");
  CHECK(t.sent_date == "2025-10-02");
  CHECK(t.received_date == "2025-10-03");
  CHECK_FALSE(t.published_date.has_value());  // "Publié le" left blank
  CHECK(t.prov.rule == "transmission.id");
}

TEST_CASE("a stamp repeated on every page gives one transmission", "[transmission]") {
  const Run run(std::string("Page un.\n") + kStamp + "Page deux.\n" + kStamp + "Page trois.\n" +
                kStamp);
  CHECK(run.records.transmissions.size() == 1);
}

TEST_CASE("a stamp atop every page of a converted PDF keeps its dates", "[transmission]") {
  // pdftotext prints the stamp as the first lines of each page: running
  // text by position, but facts all the same.
  std::string pages;
  for (const char* body : {"Entre d'une part", "Article 1", "Article 2", "Fait à Avesnes"}) {
    pages += std::string(kStamp) + "\nContrat local de santé\n" + body +
             " : premier alinéa.\nDeuxième alinéa.\nTroisième alinéa.\nQuatrième alinéa.\n\f";
  }
  const Run run(pages);
  REQUIRE(run.records.transmissions.size() == 1);
  const Transmission& t = run.records.transmissions[0];
  CHECK(t.sent_date == "2025-10-02");
  CHECK(t.received_date == "2025-10-03");
}

TEST_CASE("a later copy of the stamp fills a date the first left blank", "[transmission]") {
  const Run run(std::string("Page un.\n") + kStamp + "Page deux.\n" +
                "Envoyé en préfecture le 02/10/2025\n"
                "Reçu en préfecture le 03/10/2025\n"
                "Publié le 06/10/2025\n"
                "ID : 059-200043404-20250924-DELIB370A-DE\n");
  REQUIRE(run.records.transmissions.size() == 1);
  CHECK(run.records.transmissions[0].published_date == "2025-10-06");
}

TEST_CASE("two acts, two ids, each with its own dates", "[transmission]") {
  const Run run(std::string(kStamp) + "Annexe.\n" +
                "Envoyé en préfecture le 12/03/2025\n"
                "Reçu en préfecture le 12/03/2025\n"
                "Publié le 13/03/2025\n"
                "ID : 029-242900000-20250310-2025_045-DE\n");
  REQUIRE(run.records.transmissions.size() == 2);
  const Transmission& second = run.records.transmissions[1];
  CHECK(second.actes_id == "029-242900000-20250310-2025_045-DE");
  CHECK(second.act_ref == "2025_045");
  CHECK(second.sent_date == "2025-03-12");
  CHECK(second.published_date == "2025-03-13");
}

TEST_CASE("an id left in a paragraph is found, its provenance on the id", "[transmission]") {
  const Run run(
      "Délibération transmise au contrôle de légalité, ID : 062-226200014-20250422-CP2025_131-DE "
      "(accusé de réception).\n");
  REQUIRE(run.records.transmissions.size() == 1);
  const Transmission& t = run.records.transmissions[0];
  CHECK(t.actes_id == "062-226200014-20250422-CP2025_131-DE");
  CHECK(t.act_ref == "CP2025_131");
  const std::string& page = run.doc.pages.at(t.prov.page - 1).text;
  CHECK(page.substr(t.prov.span_start, t.prov.span_end - t.prov.span_start) == t.actes_id);
}

TEST_CASE("an 'accusé de réception' block: bare id, dates labelled below it", "[transmission]") {
  const Run run(
      "Accusé de réception en préfecture\n"
      "059-215900123-20241205-2024_087-DE\n"
      "Date de télétransmission : 09/12/2024\n"
      "Date de réception préfecture : 10/12/2024\n");
  REQUIRE(run.records.transmissions.size() == 1);
  const Transmission& t = run.records.transmissions[0];
  CHECK(t.actes_id == "059-215900123-20241205-2024_087-DE");
  CHECK(t.sent_date == "2024-12-09");
  CHECK(t.received_date == "2024-12-10");
}

TEST_CASE("an id whose date is not on the calendar keeps a null decision date", "[transmission]") {
  const Run run("Publié le 13/03/2025\nID : 059-200043404-20251340-DELIB1-DE\n");
  REQUIRE(run.records.transmissions.size() == 1);
  CHECK_FALSE(run.records.transmissions[0].decision_date.has_value());
}

TEST_CASE("no transmission without an ACTES id", "[transmission]") {
  CHECK(Run("Envoyé en préfecture le 02/10/2025\nReçu en préfecture le 02/10/2025\n")
            .records.transmissions.empty());
}

TEST_CASE("an acknowledgement line carries the id and its dates on one line", "[transmission]") {
  const Run run(
      "Le comité syndical approuve.\n\n"
      "Accusé de réception en préfecture 036-200071845-20250311-CS2025_014-DE Date de "
      "télétransmission : 13/03/2025 Date de réception préfecture : 14/03/2025\n");
  REQUIRE(run.records.transmissions.size() == 1);
  const Transmission& t = run.records.transmissions[0];
  CHECK(t.actes_id == "036-200071845-20250311-CS2025_014-DE");
  CHECK(t.act_ref == "CS2025_014");
  CHECK(t.sent_date == "2025-03-13");
  CHECK(t.received_date == "2025-03-14");
  CHECK(t.prov.rule == "transmission.id_acknowledged");
}

}  // namespace
}  // namespace clsdb
