// Ruled tables on their own: the grid of cells that a page's rules draw.
#include "layout/pdf_grid.h"

#include <catch2/catch.hpp>
#include <vector>

namespace clsdb {
namespace {

using Rules = std::vector<RulingLine>;

void Box(Rules* rules, double x, double y, double w, double h) {
  rules->push_back({x, y, x + w, y});
  rules->push_back({x, y + h, x + w, y + h});
  rules->push_back({x, y, x, y + h});
  rules->push_back({x + w, y, x + w, y + h});
}

TEST_CASE("FindGrids reads a two-by-two table and places points in its slots", "[layout][grid]") {
  Rules rules;
  Box(&rules, 100, 100, 200, 100);
  rules.push_back({200, 100, 200, 200});  // the column rule
  rules.push_back({100, 150, 300, 150});  // the row rule
  const std::vector<PdfGrid> grids = FindGrids(rules);
  REQUIRE(grids.size() == 1);
  const PdfGrid& g = grids[0];
  CHECK(g.columns() == 2);
  CHECK(g.rows() == 2);
  CHECK(g.x0() == Approx(100));
  CHECK(g.x1() == Approx(300));
  CHECK(g.y0() == Approx(100));
  CHECK(g.y1() == Approx(200));
  CHECK(g.SlotAt(150, 125) == 0);
  CHECK(g.SlotAt(250, 125) == 1);
  CHECK(g.SlotAt(250, 175) == 3);
  CHECK(g.SlotAt(50, 50) == -1);
  CHECK(g.SlotAt(350, 150) == -1);
  for (int slot = 0; slot < 4; ++slot) CHECK(g.cell[slot] == slot);  // nothing merged
}

TEST_CASE("FindGrids merges the slots no rule separates", "[layout][grid]") {
  Rules rules;
  Box(&rules, 100, 100, 200, 100);
  rules.push_back({200, 100, 200, 200});
  rules.push_back({100, 150, 200, 150});  // the row rule stops at the column rule
  const std::vector<PdfGrid> grids = FindGrids(rules);
  REQUIRE(grids.size() == 1);
  const PdfGrid& g = grids[0];
  REQUIRE(g.columns() == 2);
  REQUIRE(g.rows() == 2);
  CHECK(g.cell[0] == 0);
  CHECK(g.cell[2] == 2);
  CHECK(g.cell[1] == 1);
  CHECK(g.cell[3] == 1);  // the right column is one cell spanning both rows
}

TEST_CASE("FindGrids joins a border drawn cell by cell", "[layout][grid]") {
  Rules rules;
  for (double x : {100.0, 200.0}) {  // top and bottom drawn in two pieces each
    rules.push_back({x, 100, x + 100, 100});
    rules.push_back({x, 140, x + 100, 140});
  }
  for (double x : {100.0, 200.0, 300.0}) rules.push_back({x, 100, x, 140});
  const std::vector<PdfGrid> grids = FindGrids(rules);
  REQUIRE(grids.size() == 1);
  CHECK(grids[0].columns() == 2);
  CHECK(grids[0].rows() == 1);
}

TEST_CASE("FindGrids sees no table in a lone rule or a single frame", "[layout][grid]") {
  CHECK(FindGrids({{50, 800, 545, 800}}).empty());  // a footer's separator
  Rules frame;
  Box(&frame, 300, 700, 200, 60);  // a framed stamp
  CHECK(FindGrids(frame).empty());
  CHECK(FindGrids({}).empty());
}

TEST_CASE("FindGrids returns separate tables top to bottom", "[layout][grid]") {
  Rules rules;
  for (double y : {500.0, 100.0}) {
    Box(&rules, 100, y, 200, 100);
    rules.push_back({200, y, 200, y + 100});
  }
  const std::vector<PdfGrid> grids = FindGrids(rules);
  REQUIRE(grids.size() == 2);
  CHECK(grids[0].y0() == Approx(100));
  CHECK(grids[1].y0() == Approx(500));
}

}  // namespace
}  // namespace clsdb
