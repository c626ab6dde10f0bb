// clsdb report: the site of the shared corpus's contracts, rendered by
// headless Chromium as a reader's browser would.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

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

TEST_CASE("the report of the shared corpus renders in Chromium, every page and chart",
          "[export][report]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  const std::string site = dir / "site";
  const auto r = Clsdb("report --db " + db + " --out " + site);
  INFO(r.output);
  REQUIRE(r.code == 0);
  const auto contracts = Query(db, "SELECT id FROM contracts ORDER BY id");
  REQUIRE(contracts.size() >= 2);

  const Rendered index = Render(site + "/index.html", dir);
  CHECK(index.log.find("CONSOLE") == std::string::npos);
  for (const auto& row : contracts) {
    const std::string id = row[0];
    INFO("contract " << id);
    const std::string page = site + "/contract-" + id + ".html";
    REQUIRE(fs::exists(page));
    CHECK(index.dom.find("href=\"contract-" + id + ".html\"") != std::string::npos);
    const Rendered rendered = Render(page, dir);
    CHECK(rendered.log.find("CONSOLE") == std::string::npos);
    CHECK(rendered.dom.find("<h1>") != std::string::npos);
    // Nothing to run and nothing to fetch.
    CHECK(rendered.dom.find("<script") == std::string::npos);
    CHECK(rendered.dom.find(" src=") == std::string::npos);
    CHECK(rendered.dom.find("<link") == std::string::npos);

    // Each chart has one bar per thing it counts, or is absent when there
    // is nothing to count.
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
    CHECK(Bars(rendered.dom, "orientations") == (orientations > 0 ? orientations : -1));
    CHECK(Bars(rendered.dom, "pilots") == (pilots > 0 ? pilots : -1));
    CHECK(Bars(rendered.dom, "years") == (years > 0 ? years : -1));

    // Every provenance link leads to a source on the page, and every party
    // and action of the contract is shown with one.
    std::set<std::string> targets, anchors;
    const std::regex link(R"re(href="#(src-\d+)")re"), anchor(R"re(id="(src-\d+)")re");
    for (auto it = std::sregex_iterator(rendered.dom.begin(), rendered.dom.end(), link);
         it != std::sregex_iterator(); ++it) {
      targets.insert((*it)[1]);
    }
    for (auto it = std::sregex_iterator(rendered.dom.begin(), rendered.dom.end(), anchor);
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
  CHECK(Clsdb("report --db " + db).code == 2);
  CHECK(Clsdb("report --db " + (dir / "absent.sqlite") + " --out " + (dir / "x")).code == 2);
  CHECK(Clsdb("report --help").code == 0);
}

}  // namespace
}  // namespace clsdb
