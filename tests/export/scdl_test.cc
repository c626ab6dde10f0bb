// clsdb export --format scdl-deliberations: the SCDL "Délibérations" CSV, and
// every constraint its schema (scdl/deliberations 2.1.5) states.
#include "export/scdl.h"

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "export_fixture.h"

namespace clsdb {
namespace {

using testing::Clsdb;
using testing::CorpusDb;
using testing::Query;

// The schema's columns, in its order, written out here from its
// documentation rather than taken from the code under test.
const std::vector<std::string> kSchemaColumns = {
    "COLL_NOM",          "COLL_SIRET",    "DELIB_ID",     "DELIB_DATE", "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM", "DELIB_OBJET",   "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID",
    "PREF_DATE",         "VOTE_EFFECTIF", "VOTE_REEL",    "VOTE_POUR",  "VOTE_CONTRE",
    "VOTE_ABSTENTION",   "DELIB_URL"};
const std::set<std::string> kRequired = {"COLL_NOM",   "COLL_SIRET",         "DELIB_ID",
                                         "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM",
                                         "DELIB_OBJET"};

bool Luhn(const std::string& digits) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

// A calendar date YYYY-MM-DD (the Table Schema type "date", default format).
bool IsDate(const std::string& s) {
  std::smatch m;
  if (!std::regex_match(s, m, std::regex(R"((\d{4})-(\d{2})-(\d{2}))"))) return false;
  const int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
  const int days[] = {31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28,
                      31, 30,
                      31, 30,
                      31, 31,
                      30, 31,
                      30, 31};
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1];
}

// Every constraint of the schema on one row; the failures, as messages.
std::vector<std::string> Violations(const std::map<std::string, std::string>& row) {
  std::vector<std::string> out;
  auto fail = [&](const std::string& column, const std::string& why) {
    out.push_back(column + " '" + row.at(column) + "': " + why);
  };
  for (const std::string& column : kRequired) {
    if (row.at(column).empty()) fail(column, "required, empty");
  }
  const std::string& siret = row.at("COLL_SIRET");
  if (!siret.empty() && !std::regex_match(siret, std::regex(R"(^\d{14}$)"))) {
    fail("COLL_SIRET", "pattern ^\\d{14}$");
  } else if (!siret.empty() && !Luhn(siret)) {
    fail("COLL_SIRET", "SIRET check digit (french-siret-value)");
  }
  for (const char* date : {"DELIB_DATE", "PREF_DATE"}) {
    if (!row.at(date).empty() && !IsDate(row.at(date))) fail(date, "type date");
  }
  // DELIB_MATIERE_CODE: pattern, and the codes the description lists.
  const std::string& code = row.at("DELIB_MATIERE_CODE");
  if (!code.empty()) {
    std::smatch m;
    if (!std::regex_match(code, m, std::regex(R"(^(\d)\.(\d{1,2})$)"))) {
      fail("DELIB_MATIERE_CODE", "pattern ^\\d\\.\\d{1,2}$");
    } else {
      const int top = std::stoi(m[1]), sub = std::stoi(m[2]);
      const int last[] = {0, 7, 3, 6, 5, 8, 5, 10, 9, 4};
      if (top < 1 || top > 9 || sub < 1 || sub > last[top])
        fail("DELIB_MATIERE_CODE", "not listed");
    }
  }
  // DELIB_MATIERE_NOM: "level 1/level 2" of the ACTES nomenclature, lower
  // case (nomenclature-actes-value), level 1 that of the code.
  const std::string& name = row.at("DELIB_MATIERE_NOM");
  if (!name.empty()) {
    const std::vector<std::string> level1 = {"commande publique",
                                             "urbanisme",
                                             "domaine et patrimoine",
                                             "fonction publique",
                                             "institutions et vie politique",
                                             "libertés publiques et pouvoirs de police",
                                             "finances locales",
                                             "domaines de compétences par thèmes",
                                             "autres domaines de compétences"};
    const size_t slash = name.find('/');
    if (slash == std::string::npos || slash + 1 == name.size()) {
      fail("DELIB_MATIERE_NOM", "no '/' between the two levels");
    } else {
      const std::string first = name.substr(0, slash);
      if ((!first.empty() && first.back() == ' ') || name[slash + 1] == ' ') {
        fail("DELIB_MATIERE_NOM", "space around '/'");
      }
      if (!code.empty() && (code[0] < '1' || code[0] > '9' || level1[code[0] - '1'] != first)) {
        fail("DELIB_MATIERE_NOM", "level 1 is not the code's");
      }
      if (name.find_first_of(",()") != std::string::npos)
        fail("DELIB_MATIERE_NOM", "comma or parenthesis");
    }
  }
  if (!row.at("BUDGET_ANNEE").empty() &&
      !std::regex_match(row.at("BUDGET_ANNEE"), std::regex(R"(^[0-9]{4}(\/[0-9]{4})?$)"))) {
    fail("BUDGET_ANNEE", "pattern");
  }
  for (const char* count :
       {"VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"}) {
    if (!row.at(count).empty() && !std::regex_match(row.at(count), std::regex(R"(^-?\d+$)"))) {
      fail(count, "type integer");
    }
  }
  if (!row.at("DELIB_URL").empty() &&
      !std::regex_match(row.at("DELIB_URL"), std::regex(R"(^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$)"))) {
    fail("DELIB_URL", "format uri");
  }
  // compare-columns-value: registered on or after the decision.
  if (!row.at("PREF_DATE").empty() && !row.at("DELIB_DATE").empty() &&
      row.at("PREF_DATE") < row.at("DELIB_DATE")) {
    fail("PREF_DATE", "before DELIB_DATE");
  }
  return out;
}

// A made-up NIC that makes siren a valid SIRET: test data only, since no
// act states its collectivity's NIC.
std::string MadeUpSiret(const std::string& siren) {
  for (int nic = 10; nic < 100000; ++nic) {
    char buf[6];
    std::snprintf(buf, sizeof buf, "%05d", nic);
    if (Luhn(siren + buf)) return siren + buf;
  }
  return "";
}

TEST_CASE("SIRET check digits and the ACTES nomenclature", "[export][scdl]") {
  CHECK(IsValidSiret("21860194600013"));  // the schema's example, Ville de Poitiers
  CHECK_FALSE(IsValidSiret("21860194600014"));
  CHECK_FALSE(IsValidSiret("218601946"));
  CHECK_FALSE(IsValidSiret("2186019460001A"));
  CHECK(ActesMatiereName("8.2") == "domaines de compétences par thèmes/aide sociale");
  CHECK(ActesMatiereName("7.10").value_or("").rfind("finances locales/", 0) == 0);
  CHECK_FALSE(ActesMatiereName("8.10").has_value());
  CHECK_FALSE(ActesMatiereName("10.1").has_value());
  CHECK_FALSE(ActesMatiereName("8").has_value());
}

TEST_CASE("an act takes its stamp's date and number, and no stamp read before it",
          "[export][scdl]") {
  DocumentRecords doc;
  doc.title = "Délibération CLS";
  Deliberation d;
  d.body = "Conseil municipal de Trifouillis";
  d.meeting_date = "2024-03-12";
  d.votes_for = 21;
  d.votes_against = 0;
  doc.deliberations.push_back(d);
  Transmission t;
  t.actes_id = "062-216200001-20240312-DEL2024_12-DE";
  t.department = "062";
  t.siren = "216200001";
  t.decision_date = "2024-03-12";
  t.act_ref = "DEL2024_12";
  t.received_date = "2024-03-15";
  doc.transmissions.push_back(t);
  ScdlOptions options;
  options.siret_by_siren["216200001"] = MadeUpSiret("216200001");
  options.matiere_code = "8.2";
  auto rows = ScdlRows(doc, options, nullptr);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0] == "Conseil municipal de Trifouillis");
  CHECK(rows[0][1] == options.siret_by_siren["216200001"]);
  CHECK(rows[0][2] == "DEL2024_12");  // no number of its own: the ACTES act reference
  CHECK(rows[0][3] == "2024-03-12");
  CHECK(rows[0][6] == "Délibération CLS");  // one act: the document's title
  CHECK(rows[0][9] == "PREF062");
  CHECK(rows[0][10] == "2024-03-15");
  CHECK(rows[0][13] == "21");
  CHECK(rows[0][14] == "0");
  CHECK(rows[0][15] == "");  // not stated: empty, not 0
  // A stamp dated before the meeting is a misreading: PREF_DATE left empty.
  doc.transmissions[0].received_date = "2024-03-01";
  ScdlReport report;
  rows = ScdlRows(doc, options, &report);
  CHECK(rows[0][10] == "");
  CHECK(report.pref_dates_dropped == 1);
  // Two acts, two stamps of the same day: matched by number, not guessed.
  doc.deliberations[0].number = "2024-12";
  doc.deliberations.push_back(doc.deliberations[0]);
  doc.deliberations[1].number = "2024-13";
  doc.transmissions.push_back(doc.transmissions[0]);
  doc.transmissions[1].act_ref = "DEL2024_13";
  doc.transmissions[0].received_date = "2024-03-15";
  doc.transmissions[1].received_date = "2024-03-16";
  rows = ScdlRows(doc, options, nullptr);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][10] == "2024-03-15");
  CHECK(rows[1][10] == "2024-03-16");
  CHECK(rows[0][6] == "");  // two acts without titles: the document's title is neither's
}

TEST_CASE("the SCDL export of the shared corpus passes every constraint of the schema",
          "[export][scdl]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  const auto acts = Query(db, "SELECT count(*) FROM deliberations");
  const long long act_count = std::stoll(acts[0][0]);
  REQUIRE(act_count > 0);

  // Without the facts no act states, the export says which required
  // columns stay empty.
  const std::string plain = dir / "plain.csv";
  auto r = Clsdb("export --db " + db + " --format scdl-deliberations --out " + plain);
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("COLL_SIRET, required by the schema, is empty") != std::string::npos);
  CHECK(r.output.find("DELIB_MATIERE_CODE, required by the schema, is empty") != std::string::npos);
  auto records = testing::ParseCsv(testing::ReadFile(plain));
  REQUIRE(!records.empty());
  CHECK(records[0] == kSchemaColumns);
  CHECK(static_cast<long long>(records.size()) - 1 == act_count);

  // With a SIRET per SIREN of the corpus's stamps and a matière, the acts
  // that are complete pass every constraint.
  std::string sirets;
  for (const auto& row :
       Query(db, "SELECT DISTINCT siren FROM transmissions WHERE siren IS NOT NULL")) {
    sirets += " --siret " + MadeUpSiret(row[0]);
  }
  REQUIRE(!sirets.empty());
  const std::string complete = dir / "complete.csv";
  r = Clsdb("export --db " + db + " --format scdl-deliberations --matiere 8.2 --only-complete" +
            sirets + " --out " + complete);
  INFO(r.output);
  REQUIRE(r.code == 0);
  records = testing::ParseCsv(testing::ReadFile(complete));
  REQUIRE(records.size() >= 2);
  CHECK(records[0] == kSchemaColumns);
  for (size_t i = 1; i < records.size(); ++i) {
    REQUIRE(records[i].size() == kSchemaColumns.size());
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < kSchemaColumns.size(); ++c) row[kSchemaColumns[c]] = records[i][c];
    for (const std::string& v : Violations(row)) FAIL_CHECK("row " << i << ": " << v);
  }
  // Each act is written or counted as left out.
  std::smatch m;
  REQUIRE(std::regex_search(r.output, m, std::regex(R"((\d+) acts? written, (\d+) left out)")));
  CHECK(std::stoll(m[1]) == static_cast<long long>(records.size()) - 1);
  CHECK(std::stoll(m[1]) + std::stoll(m[2]) == act_count);

  CHECK(Clsdb("export --db " + db + " --format scdl-deliberations --siret 12345678901234").code ==
        2);
  CHECK(Clsdb("export --db " + db + " --format scdl-deliberations --matiere 8.12").code == 2);
}

}  // namespace
}  // namespace clsdb
