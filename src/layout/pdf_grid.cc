#include "layout/pdf_grid.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace clsdb {

namespace {

constexpr double kTouch = 2.0;  // rules this close meet
constexpr double kSame = 2.5;   // positions this close are one boundary
constexpr size_t kMaxPairs = 4000000;

struct Seg {
  double at;      // y of a horizontal rule, x of a vertical one
  double lo, hi;  // its extent along the other axis
};

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  int Find(int a) {
    while (parent_[a] != a) a = parent_[a] = parent_[parent_[a]];
    return a;
  }
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<int> parent_;
};

// Joins collinear pieces (a border drawn cell by cell) into long rules.
std::vector<Seg> MergeCollinear(std::vector<Seg> segs) {
  std::sort(segs.begin(), segs.end(), [](const Seg& a, const Seg& b) {
    if (std::fabs(a.at - b.at) > 1.0) return a.at < b.at;
    return a.lo < b.lo;
  });
  std::vector<Seg> out;
  for (const Seg& s : segs) {
    if (!out.empty() && std::fabs(out.back().at - s.at) <= 1.0 && s.lo <= out.back().hi + kTouch) {
      out.back().hi = std::max(out.back().hi, s.hi);
      continue;
    }
    out.push_back(s);
  }
  return out;
}

// Distinct positions, close ones averaged.
std::vector<double> Cluster(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  double sum = 0;
  int n = 0;
  for (double x : v) {
    if (n > 0 && x - sum / n > kSame) {
      out.push_back(sum / n);
      sum = 0;
      n = 0;
    }
    sum += x;
    ++n;
  }
  if (n > 0) out.push_back(sum / n);
  return out;
}

bool Covers(const std::vector<Seg>& segs, double at, double along) {
  for (const Seg& s : segs) {
    if (std::fabs(s.at - at) <= kSame && s.lo - kTouch <= along && s.hi + kTouch >= along) {
      return true;
    }
  }
  return false;
}

}  // namespace

int PdfGrid::SlotAt(double x, double y) const {
  if (xs.size() < 2 || ys.size() < 2) return -1;
  if (x < xs.front() || x > xs.back() || y < ys.front() || y > ys.back()) return -1;
  const int c =
      std::clamp(static_cast<int>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin()) - 1, 0,
                 columns() - 1);
  const int r = std::clamp(
      static_cast<int>(std::upper_bound(ys.begin(), ys.end(), y) - ys.begin()) - 1, 0, rows() - 1);
  return r * columns() + c;
}

std::vector<PdfGrid> FindGrids(const std::vector<RulingLine>& rules) {
  std::vector<Seg> hs, vs;
  for (const RulingLine& r : rules) {
    if (std::fabs(r.y1 - r.y0) < 0.5 && r.x1 - r.x0 > 1.0) {
      hs.push_back({(r.y0 + r.y1) / 2, std::min(r.x0, r.x1), std::max(r.x0, r.x1)});
    } else if (std::fabs(r.x1 - r.x0) < 0.5 && r.y1 - r.y0 > 1.0) {
      vs.push_back({(r.x0 + r.x1) / 2, std::min(r.y0, r.y1), std::max(r.y0, r.y1)});
    }
  }
  hs = MergeCollinear(std::move(hs));
  vs = MergeCollinear(std::move(vs));
  if (hs.empty() || vs.empty() || hs.size() * vs.size() > kMaxPairs) return {};

  // Components: a horizontal and a vertical rule that meet are joined.
  const size_t nh = hs.size();
  UnionFind uf(nh + vs.size());
  for (size_t i = 0; i < nh; ++i) {
    for (size_t j = 0; j < vs.size(); ++j) {
      if (vs[j].at >= hs[i].lo - kTouch && vs[j].at <= hs[i].hi + kTouch &&
          hs[i].at >= vs[j].lo - kTouch && hs[i].at <= vs[j].hi + kTouch) {
        uf.Union(static_cast<int>(i), static_cast<int>(nh + j));
      }
    }
  }
  std::vector<int> roots;
  for (size_t k = 0; k < nh + vs.size(); ++k) {
    if (uf.Find(static_cast<int>(k)) == static_cast<int>(k)) roots.push_back(static_cast<int>(k));
  }

  std::vector<PdfGrid> grids;
  for (int root : roots) {
    std::vector<Seg> ch, cv;
    for (size_t i = 0; i < nh; ++i) {
      if (uf.Find(static_cast<int>(i)) == root) ch.push_back(hs[i]);
    }
    for (size_t j = 0; j < vs.size(); ++j) {
      if (uf.Find(static_cast<int>(nh + j)) == root) cv.push_back(vs[j]);
    }
    if (ch.empty() || cv.empty()) continue;
    std::vector<double> xs, ys;
    for (const Seg& s : cv) xs.push_back(s.at);
    for (const Seg& s : ch) ys.push_back(s.at);
    // The component's extent bounds the grid even where no border is drawn.
    double x0 = cv[0].at, x1 = cv[0].at, y0 = ch[0].at, y1 = ch[0].at;
    for (const Seg& s : ch) {
      x0 = std::min(x0, s.lo);
      x1 = std::max(x1, s.hi);
    }
    for (const Seg& s : cv) {
      y0 = std::min(y0, s.lo);
      y1 = std::max(y1, s.hi);
    }
    xs.push_back(x0);
    xs.push_back(x1);
    ys.push_back(y0);
    ys.push_back(y1);
    PdfGrid grid;
    grid.xs = Cluster(std::move(xs));
    grid.ys = Cluster(std::move(ys));
    if (grid.columns() < 2 || grid.rows() < 1) continue;
    const int cols = grid.columns(), rows = grid.rows();
    if (static_cast<size_t>(cols) * rows > kMaxPairs) continue;
    UnionFind slots(static_cast<size_t>(cols) * rows);
    for (int r = 0; r < rows; ++r) {
      const double ym = (grid.ys[r] + grid.ys[r + 1]) / 2;
      for (int c = 0; c < cols; ++c) {
        const double xm = (grid.xs[c] + grid.xs[c + 1]) / 2;
        if (c + 1 < cols && !Covers(cv, grid.xs[c + 1], ym)) {
          slots.Union(r * cols + c, r * cols + c + 1);
        }
        if (r + 1 < rows && !Covers(ch, grid.ys[r + 1], xm)) {
          slots.Union(r * cols + c, (r + 1) * cols + c);
        }
      }
    }
    // Union keeps the smallest index as the root: the top-left slot in
    // row-major order for a rectangular merge.
    grid.cell.resize(static_cast<size_t>(cols) * rows);
    for (int s = 0; s < cols * rows; ++s) grid.cell[s] = slots.Find(s);
    grids.push_back(std::move(grid));
  }
  std::sort(grids.begin(), grids.end(),
            [](const PdfGrid& a, const PdfGrid& b) { return a.y0() < b.y0(); });
  return grids;
}

}  // namespace clsdb
