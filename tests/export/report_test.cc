// clsdb report: the site of the shared corpus's contracts, rendered by
// headless Chromium as a reader's browser would.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "export_fixture.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;
using testing::Clsdb;
using testing::CorpusDb;
using testing::Query;

struct Rendered {
  std::string dom;  // the document after rendering
  std::string log;  // Chromium's log: console messages land here
};

Rendered Render(const std::string& page, const testing::TempDir& dir) {
  const std::string dom = dir / "dom.html";
  // A profile of its own in the test's folder, so that nothing of the
  // machine's browser is read or left behind.
  const auto r = testing::Run(
      "chromium --headless --no-sandbox --disable-gpu --no-first-run "
      "--user-data-dir=" +
      (dir / "profile") + " --enable-logging=stderr --v=0 --dump-dom 'file://" + page + "' > " +
      dom);
  INFO(r.output);
  REQUIRE(r.code == 0);
  return {testing::ReadFile(dom), r.output};
}

// How many bars the chart `name` of the rendered page has; -1 without it.
int Bars(const std::string& dom, const std::string& name) {
  const size_t start = dom.find("data-chart=\"" + name + "\"");
  if (start == std::string::npos) return -1;
  const size_t end = dom.find("</svg>", start);
  int bars = 0;
  for (size_t at = dom.find("class=\"bar\"", start); at < end;
       at = dom.find("class=\"bar\"", at + 1)) {
    ++bars;
  }
  return bars;
}

long long Count(const std::string& db, const std::string& sql) {
  return std::stoll(Query(db, sql)[0][0]);
}

// What every contract page of the report must show, checked on its HTML:
// the page as written, or the DOM Chromium rendered from it.
void CheckContractPage(const std::string& db, const std::string& id, const std::string& html) {
  INFO("contract " << id);
  CHECK(html.find("<h1>") != std::string::npos);
  // Nothing to run and nothing to fetch.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);

  // Each chart has one bar per thing it counts, or is absent when there is
  // nothing to count.
  const long long orientations =
      Count(db, "SELECT count(*) FROM orientations WHERE contract_id = " + id) +
      Count(db, "SELECT count(*) > 0 FROM actions WHERE contract_id = " + id +
                    " AND orientation_id IS NULL");
  const long long pilots = std::min<long long>(
      20, Count(db,
                "SELECT count(DISTINCT name) FROM actors WHERE role = 'pilot' AND "
                "contract_id = " +
                    id + " AND (action_id IS NOT NULL OR operation_id IS NOT NULL)"));
  const long long years =
      Count(db,
            "SELECT count(DISTINCT s.year) FROM schedule s LEFT JOIN actions a ON a.id = "
            "s.action_id LEFT JOIN operations o ON o.id = s.operation_id WHERE s.year IS "
            "NOT NULL AND coalesce(o.contract_id, a.contract_id) = " +
                id);
  CHECK(Bars(html, "orientations") == (orientations > 0 ? orientations : -1));
  CHECK(Bars(html, "pilots") == (pilots > 0 ? pilots : -1));
  CHECK(Bars(html, "years") == (years > 0 ? years : -1));

  // Every provenance link leads to a source on the page, and every party and
  // action of the contract is shown with one.
  std::set<std::string> targets, anchors;
  const std::regex link(R"re(href="#(src-\d+)")re"), anchor(R"re(id="(src-\d+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator();
       ++it) {
    targets.insert((*it)[1]);
  }
  for (auto it = std::sregex_iterator(html.begin(), html.end(), anchor);
       it != std::sregex_iterator(); ++it) {
    anchors.insert((*it)[1]);
  }
  CHECK(targets == anchors);
  CHECK(!targets.empty());
  const long long facts =
      Count(db,
            "SELECT count(DISTINCT page || '-' || span_start || '-' || span_end) FROM ("
            "SELECT page, span_start, span_end FROM parties WHERE contract_id = " +
                id +
                " UNION ALL SELECT page, span_start, span_end FROM actions WHERE contract_id "
                "= " +
                id + ")");
  CHECK(static_cast<long long>(anchors.size()) >= facts);
}

// The report of the shared corpus, written into dir/site; the ids of its
// contracts.
std::vector<std::string> WriteReport(const std::string& db, const std::string& site) {
  const auto r = Clsdb("report --db " + db + " --out " + site);
  INFO(r.output);
  REQUIRE(r.code == 0);
  std::vector<std::string> ids;
  for (const auto& row : Query(db, "SELECT id FROM contracts ORDER BY id")) ids.push_back(row[0]);
  REQUIRE(ids.size() >= 2);
  return ids;
}

TEST_CASE("the report of the shared corpus has a page per contract, with its charts and sources",
          "[export][report]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  const std::string site = dir / "site";
  const std::vector<std::string> ids = WriteReport(db, site);
  const std::string index = testing::ReadFile(site + "/index.html");
  for (const std::string& id : ids) {
    const std::string page = site + "/contract-" + id + ".html";
    REQUIRE(fs::exists(page));
    CHECK(index.find("href=\"contract-" + id + ".html\"") != std::string::npos);
    CheckContractPage(db, id, testing::ReadFile(page));
  }
  CHECK(Clsdb("report --db " + db).code == 2);
  CHECK(Clsdb("report --db " + (dir / "absent.sqlite") + " --out " + (dir / "x")).code == 2);
  CHECK(Clsdb("report --help").code == 0);
}

// [external]: its time goes to Chromium, the same in every build; the
// sanitizer builds run the case above on the same pages instead.
TEST_CASE("the report of the shared corpus renders in Chromium, every page and chart",
          "[export][report][external]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  const std::string site = dir / "site";
  const std::vector<std::string> ids = WriteReport(db, site);
  const Rendered index = Render(site + "/index.html", dir);
  CHECK(index.log.find("CONSOLE") == std::string::npos);
  for (const std::string& id : ids) {
    CHECK(index.dom.find("href=\"contract-" + id + ".html\"") != std::string::npos);
    const Rendered rendered = Render(site + "/contract-" + id + ".html", dir);
    CHECK(rendered.log.find("CONSOLE") == std::string::npos);
    CheckContractPage(db, id, rendered.dom);
  }
}

}  // namespace
}  // namespace clsdb
