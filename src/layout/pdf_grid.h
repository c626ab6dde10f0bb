// Tables drawn with ruling lines: the grid of cells a page's rules form.
//
// Rules that touch one another form a component; a component with at
// least two columns is a table.  Its elementary slots lie between
// consecutive distinct rule positions; slots not separated by a drawn rule
// belong to one merged cell, named after its top-left slot, so a cell that
// spans rows or columns reads as the text versions of the documents write
// it: its text in its first slot, the slots it covers empty.
#ifndef CLSDB_LAYOUT_PDF_GRID_H_
#define CLSDB_LAYOUT_PDF_GRID_H_

#include <vector>

#include "read/reader.h"

namespace clsdb {

struct PdfGrid {
  std::vector<double> xs;  // column boundaries, left to right (columns + 1)
  std::vector<double> ys;  // row boundaries, top to bottom (rows + 1)
  // cell[r * columns() + c]: the slot index of the top-left slot of the
  // merged cell that slot (r, c) belongs to.
  std::vector<int> cell;

  int columns() const { return static_cast<int>(xs.size()) - 1; }
  int rows() const { return static_cast<int>(ys.size()) - 1; }
  double x0() const { return xs.front(); }
  double x1() const { return xs.back(); }
  double y0() const { return ys.front(); }
  double y1() const { return ys.back(); }
  // The slot holding point (x, y), or -1 outside the grid.
  int SlotAt(double x, double y) const;
};

// The tables the page's rules draw, top to bottom.  Lone lines (a footer
// separator, an underline) and single boxes (a framed stamp) are not
// tables.  Pages with an absurd number of rules give none.
std::vector<PdfGrid> FindGrids(const std::vector<RulingLine>& rules);

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_PDF_GRID_H_
