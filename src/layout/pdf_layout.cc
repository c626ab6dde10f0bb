// The PDF path of layout.  Three passes:
//
//   1. per page: words → lines and segments (pdf_lines), ruled tables
//      (pdf_grid), prefecture stamps lifted out;
//   2. across pages: running headers and footers (FindRunningLines over each
//      page's segments outside tables) and the document's typography (line
//      spacing, body margins);
//   3. per page: the reading order — ruled tables, aligned regions (text
//      columns or unruled tables) and plain text — as units (paragraphs and
//      table rows); then, across page breaks, a header row the next page
//      repeats is dropped and a row the break split is joined again.
//
// The units go to FlowBuilder, as the text path's do.
#include "layout/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "layout/flow_builder.h"
#include "layout/pdf_grid.h"
#include "layout/pdf_lines.h"
#include "layout/pdf_paragraphs.h"
#include "layout/running_text.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

constexpr int kNoGrid = -1;

struct PageWork {
  const RawPage* raw = nullptr;
  std::vector<PdfLine> lines;
  std::vector<PdfLine> rotated;
  std::vector<PdfGrid> grids;
  // Per line, per segment: the grid it sits in, or kNoGrid.
  std::vector<std::vector<int>> grid_of;
  // Per line, per segment: taken out of the flow (stamp, running text).
  std::vector<std::vector<char>> dropped;
  std::vector<std::string> stamps;
};

// One thing a page yields in reading order.
struct Unit {
  enum class Kind { kParagraph, kRow };
  Kind kind = Kind::kParagraph;
  std::string text;  // kParagraph
  bool bullet = false;
  PdfParagraph shape;              // kParagraph: what a page break join needs
  std::vector<std::string> cells;  // kRow
  int table = -1;                  // kRow: which table instance, document-wide
  std::vector<double> columns;     // kRow: column boundaries, for page breaks
  double bottom = 0;               // where it ends on its page
  double line_height = 0;          // of its text
  long page_width = 0;
};

struct Typography {
  double line_gap_em = 0.25;
  // The same per text size (SizeKey): two fonts set at one size may have
  // boxes of different heights, hence different gaps at the same spacing.
  std::map<long, double> line_gap_em_by_size;
  // Body margins by page width (portrait and landscape pages differ).
  std::map<long, std::pair<double, double>> margins;
  // Where the body of a full page ends, by page width: what reaches it may
  // go on over the page break.
  std::map<long, double> body_bottom;
};

bool Usable(const PageWork& w, size_t line, size_t seg) {
  return !w.dropped[line][seg] && w.grid_of[line][seg] == kNoGrid;
}

// ---------------------------------------------------------------------------
// Pass 1.

// The stamp's lines begin "Envoyé", "Reçu", "Publié", "Affiché" or "ID":
// a cheap test before the regular expression, which every segment would
// otherwise pay.
bool MayBeStampLine(std::string_view text) {
  return !text.empty() && std::string_view("EeRrPpAaIi").find(text[0]) != std::string_view::npos;
}

void AnalysePage(const RawPage& page, PageWork* w) {
  w->raw = &page;
  std::vector<RulingLine> verticals;
  for (const RulingLine& r : page.rulings) {
    if (std::fabs(r.x1 - r.x0) < 0.5 && r.y1 > r.y0) verticals.push_back(r);
  }
  std::sort(verticals.begin(), verticals.end(),
            [](const RulingLine& a, const RulingLine& b) { return a.x0 < b.x0; });
  w->lines = BuildPdfLines(page, verticals, &w->rotated);
  w->grids = FindGrids(page.rulings);
  w->grid_of.resize(w->lines.size());
  w->dropped.resize(w->lines.size());
  std::string stamp;
  double stamp_bottom = 0;
  for (size_t i = 0; i < w->lines.size(); ++i) {
    const PdfLine& line = w->lines[i];
    w->grid_of[i].assign(line.segments.size(), kNoGrid);
    w->dropped[i].assign(line.segments.size(), 0);
    for (size_t s = 0; s < line.segments.size(); ++s) {
      const PdfSegment& seg = line.segments[s];
      const double cx = (seg.x0 + seg.x1) / 2, cy = (seg.y0 + seg.y1) / 2;
      for (size_t g = 0; g < w->grids.size(); ++g) {
        if (w->grids[g].SlotAt(cx, cy) >= 0) {
          w->grid_of[i][s] = static_cast<int>(g);
          break;
        }
      }
      if (w->grid_of[i][s] != kNoGrid || !MayBeStampLine(seg.text) || !IsStampLine(seg.text)) {
        continue;
      }
      // A stamp's lines follow one another; "Envoyé…" begins the next one.
      const bool starts = seg.text.rfind("Envoy", 0) == 0 || seg.text.rfind("envoy", 0) == 0;
      if (!stamp.empty() && (starts || seg.y0 - stamp_bottom > 3 * (seg.y1 - seg.y0))) {
        w->stamps.push_back(stamp);
        stamp.clear();
      }
      if (!stamp.empty()) stamp += '\n';
      stamp += seg.text;
      stamp_bottom = seg.y1;
      w->dropped[i][s] = 1;
    }
  }
  if (!stamp.empty()) w->stamps.push_back(stamp);
}

// "Page 3 / 43", "3/43", "p. 3": a counter whose whole line is running text.
bool IsPageCounter(std::string_view text) {
  if (!IsPageNumberLine(text)) return false;
  if (text.find('/') != std::string_view::npos) return true;
  const std::string folded = FoldForMatch(text);
  return folded.rfind("page", 0) == 0 || folded.rfind("p ", 0) == 0;
}

// ---------------------------------------------------------------------------
// Pass 2.

void DropRunningText(std::vector<PageWork>* pages) {
  std::vector<std::vector<std::string>> texts(pages->size());
  std::vector<std::vector<std::pair<size_t, size_t>>> where(pages->size());
  for (size_t p = 0; p < pages->size(); ++p) {
    const PageWork& w = (*pages)[p];
    for (size_t i = 0; i < w.lines.size(); ++i) {
      for (size_t s = 0; s < w.lines[i].segments.size(); ++s) {
        if (!Usable(w, i, s)) continue;
        texts[p].push_back(w.lines[i].segments[s].text);
        where[p].emplace_back(i, s);
      }
    }
  }
  const std::vector<std::vector<bool>> running = FindRunningLines(texts);
  for (size_t p = 0; p < pages->size(); ++p) {
    PageWork& w = (*pages)[p];
    if (where[p].empty()) continue;
    const size_t first_line = where[p].front().first, last_line = where[p].back().first;
    for (size_t k = 0; k < where[p].size(); ++k) {
      if (!running[p][k]) continue;
      const auto [i, s] = where[p][k];
      // A bare number beside other text on its line is a table of
      // contents' page or a cell, not the page's number.
      const std::string& text = w.lines[i].segments[s].text;
      if (IsPageNumberLine(text) && !IsPageCounter(text) && w.lines[i].segments.size() > 1) {
        bool alone = true;
        for (size_t t = 0; t < w.lines[i].segments.size(); ++t) {
          if (t != s && Usable(w, i, t)) alone = false;
        }
        if (!alone) continue;
      }
      w.dropped[i][s] = 1;
      // A footer "Name of the document … Page 3 / 43" goes as a whole, even
      // in a one-page document where nothing repeats.
      if ((i == first_line || i == last_line) && IsPageCounter(w.lines[i].segments[s].text)) {
        for (size_t t = 0; t < w.lines[i].segments.size(); ++t) {
          if (w.grid_of[i][t] == kNoGrid) w.dropped[i][t] = 1;
        }
      }
    }
  }
}

// p-quantile of v (0..1); v is reordered.
double Quantile(std::vector<double>* v, double p) {
  const size_t k = std::min(v->size() - 1, static_cast<size_t>(p * (v->size() - 1) + 0.5));
  std::nth_element(v->begin(), v->begin() + k, v->end());
  return (*v)[k];
}

// The most frequent gap of a histogram in twentieths of the size, or
// fallback when it is empty.
double ModeGapEm(const std::map<int, int>& gaps, double fallback) {
  int best = 0;
  double em = fallback;
  for (const auto& [bin, count] : gaps) {
    if (count > best) {
      best = count;
      em = bin / 20.0;
    }
  }
  return em;
}

Typography StudyTypography(const std::vector<PageWork>& pages) {
  Typography t;
  std::map<int, int> gaps;  // normal gap / size, in twentieths
  std::map<long, std::map<int, int>> gaps_by_size;
  std::map<long, std::pair<std::vector<double>, std::vector<double>>> edges;
  std::map<long, std::vector<double>> bottoms;
  for (const PageWork& w : pages) {
    if (!w.raw || w.lines.empty()) continue;
    double bottom = -1;
    for (size_t i = 0; i < w.lines.size(); ++i) {
      for (size_t s = 0; s < w.lines[i].segments.size(); ++s) {
        if (!w.dropped[i][s]) bottom = std::max(bottom, w.lines[i].segments[s].y1);
      }
    }
    for (const PdfGrid& g : w.grids) bottom = std::max(bottom, g.y1());
    if (bottom > 0) bottoms[std::lround(w.raw->width)].push_back(bottom);
    const PdfSegment* prev = nullptr;
    for (size_t i = 0; i < w.lines.size(); ++i) {
      const PdfLine& line = w.lines[i];
      if (line.segments.size() != 1 || !Usable(w, i, 0)) {
        prev = nullptr;
        continue;
      }
      const PdfSegment& seg = line.segments[0];
      auto& e = edges[std::lround(w.raw->width)];
      e.first.push_back(seg.x0);
      e.second.push_back(seg.x1);
      if (prev && std::fabs(prev->font_size - seg.font_size) < 0.25 && seg.font_size > 0) {
        const double g = LineGap(*prev, seg) / seg.font_size;
        if (g > -0.3 && g < 1.2) {
          const int bin = static_cast<int>(std::lround(g * 20));
          ++gaps[bin];
          ++gaps_by_size[SizeKey(seg.font_size)][bin];
        }
      }
      prev = &seg;
    }
  }
  t.line_gap_em = ModeGapEm(gaps, t.line_gap_em);
  for (const auto& [size, size_gaps] : gaps_by_size) {
    int lines = 0;
    for (const auto& [bin, count] : size_gaps) lines += count;
    if (lines >= 5) t.line_gap_em_by_size[size] = ModeGapEm(size_gaps, t.line_gap_em);
  }
  for (auto& [width, e] : edges) {
    if (e.first.size() < 8) continue;  // too few lines to tell: per page
    // Most lines start at the left margin; justified ones end at the right.
    t.margins[width] = {Quantile(&e.first, 0.05), Quantile(&e.second, 0.95)};
  }
  for (auto& [width, b] : bottoms) t.body_bottom[width] = Quantile(&b, 0.9);
  return t;
}

// ---------------------------------------------------------------------------
// Pass 3: reading order.

class PageLayout {
 public:
  PageLayout(const PageWork& w, const Typography& t, int* next_table, std::vector<Unit>* out)
      : w_(w), t_(t), next_table_(next_table), out_(out) {}

  void Run() {
    // Body frame: the document's margins for pages of this width, else the
    // extent of this page's text.
    auto it = t_.margins.find(std::lround(w_.raw->width));
    if (it != t_.margins.end()) {
      body_ = {it->second.first, it->second.second};
    } else {
      double x0 = 1e9, x1 = -1e9;
      for (size_t i = 0; i < w_.lines.size(); ++i) {
        for (size_t s = 0; s < w_.lines[i].segments.size(); ++s) {
          if (!Usable(w_, i, s)) continue;
          x0 = std::min(x0, w_.lines[i].segments[s].x0);
          x1 = std::max(x1, w_.lines[i].segments[s].x1);
        }
      }
      body_ = {x0, x1};
    }
    size_t next_grid = 0;
    std::vector<size_t> chunk;  // lines of flowing text between tables
    for (size_t i = 0; i < w_.lines.size(); ++i) {
      const PdfLine& line = w_.lines[i];
      const double cy = (line.y0 + line.y1) / 2;
      while (next_grid < w_.grids.size() && w_.grids[next_grid].y0() <= cy) {
        Flow(chunk);
        chunk.clear();
        Grid(next_grid++);
      }
      bool any = false;
      for (size_t s = 0; s < line.segments.size(); ++s) any = any || Usable(w_, i, s);
      if (any) chunk.push_back(i);
    }
    Flow(chunk);
    while (next_grid < w_.grids.size()) Grid(next_grid++);
    // Sideways text (a rotated label) after the page's upright flow.
    std::vector<const PdfSegment*> turned;
    for (const PdfLine& l : w_.rotated) {
      for (const PdfSegment& s : l.segments) turned.push_back(&s);
    }
    if (!turned.empty()) {
      ColumnFrame frame{-1e9, 1e9, t_.line_gap_em, &t_.line_gap_em_by_size};
      for (PdfParagraph& p : BuildParagraphs(turned, frame)) AddParagraph(std::move(p));
    }
  }

 private:
  struct Slot {
    double x0, x1;
  };
  struct Region {
    std::vector<size_t> lines;
    std::vector<Slot> slots;
    int multi_lines = 0;  // lines with two or more segments
    double bottom = 0;
  };

  void AddParagraph(PdfParagraph p) {
    if (p.text.empty()) return;
    Unit u;
    u.kind = Unit::Kind::kParagraph;
    u.text = std::move(p.text);
    u.bullet = p.bullet;
    u.bottom = p.bottom;
    u.line_height = p.line_height;
    u.page_width = std::lround(w_.raw->width);
    u.shape = std::move(p);
    out_->push_back(std::move(u));
  }

  void AddRow(std::vector<std::string> cells, int table, const std::vector<double>& columns,
              double bottom, double line_height) {
    while (cells.size() > 1 && cells.back().empty()) cells.pop_back();
    bool any = false;
    for (const std::string& c : cells) any = any || !c.empty();
    if (!any) return;
    Unit u;
    u.kind = Unit::Kind::kRow;
    u.cells = std::move(cells);
    u.table = table;
    u.columns = columns;
    u.bottom = bottom;
    u.line_height = line_height;
    u.page_width = std::lround(w_.raw->width);
    out_->push_back(std::move(u));
  }

  std::vector<const PdfSegment*> UsableSegments(size_t line) const {
    std::vector<const PdfSegment*> segs;
    for (size_t s = 0; s < w_.lines[line].segments.size(); ++s) {
      if (Usable(w_, line, s)) segs.push_back(&w_.lines[line].segments[s]);
    }
    return segs;
  }

  // A cell's (or a column's) text: its paragraphs one per line, bullets
  // kept as printed since a cell has no paragraph flags.
  std::string CellText(const std::vector<const PdfSegment*>& lines, const ColumnFrame& frame) {
    std::string text;
    for (const PdfParagraph& p : BuildParagraphs(lines, frame)) {
      if (!text.empty()) text += '\n';
      if (p.bullet) {
        text += p.marker;
        text += ' ';
      }
      text += p.text;
    }
    return text;
  }

  // Segments of one line that a column or cell holds, as one segment.
  static PdfSegment Merge(const std::vector<const PdfSegment*>& parts) {
    PdfSegment m = *parts.front();
    for (size_t k = 1; k < parts.size(); ++k) {
      m.text += ' ';
      m.text += parts[k]->text;
      m.x0 = std::min(m.x0, parts[k]->x0);
      m.x1 = std::max(m.x1, parts[k]->x1);
      m.y0 = std::min(m.y0, parts[k]->y0);
      m.y1 = std::max(m.y1, parts[k]->y1);
      m.core_y0 = std::min(m.core_y0, parts[k]->core_y0);
      m.core_y1 = std::max(m.core_y1, parts[k]->core_y1);
    }
    return m;
  }

  // --- ruled tables -------------------------------------------------------

  void Grid(size_t g) {
    const PdfGrid& grid = w_.grids[g];
    const int cols = grid.columns();
    // Segments per merged cell, in reading order, grouped by line.
    std::map<int, std::vector<std::vector<const PdfSegment*>>> cells;
    for (size_t i = 0; i < w_.lines.size(); ++i) {
      const PdfLine& line = w_.lines[i];
      int last_cell = -1;
      for (size_t s = 0; s < line.segments.size(); ++s) {
        if (w_.grid_of[i][s] != static_cast<int>(g) || w_.dropped[i][s]) continue;
        const PdfSegment& seg = line.segments[s];
        const int slot = grid.SlotAt((seg.x0 + seg.x1) / 2, (seg.y0 + seg.y1) / 2);
        if (slot < 0) continue;
        const int cell = grid.cell[slot];
        auto& rows = cells[cell];
        if (cell == last_cell && !rows.empty()) {
          rows.back().push_back(&seg);
        } else {
          rows.push_back({&seg});
        }
        last_cell = cell;
      }
    }
    std::map<int, std::string> texts;
    for (auto& [cell, lines] : cells) {
      std::vector<PdfSegment> merged;
      merged.reserve(lines.size());
      for (const auto& parts : lines) merged.push_back(Merge(parts));
      std::vector<const PdfSegment*> ptrs;
      double left = 1e9;
      for (const PdfSegment& m : merged) {
        ptrs.push_back(&m);
        left = std::min(left, m.x0);
      }
      // The cell's right edge: its border less the padding its text keeps
      // from the left border.
      const int c0 = cell % cols;
      int c1 = c0;
      while (c1 + 1 < cols && grid.cell[(cell / cols) * cols + c1 + 1] == cell) ++c1;
      const double pad = std::clamp(left - grid.xs[c0], 0.0, 12.0);
      ColumnFrame frame{grid.xs[c0] + pad, grid.xs[c1 + 1] - pad, t_.line_gap_em,
                        &t_.line_gap_em_by_size};
      texts[cell] = CellText(ptrs, frame);
    }
    const int table = (*next_table_)++;
    double line_height = 0;
    for (const auto& [cell, lines] : cells) {
      for (const auto& parts : lines) {
        line_height = std::max(line_height, parts.front()->y1 - parts.front()->y0);
      }
    }
    for (int r = 0; r < grid.rows(); ++r) {
      std::vector<std::string> row(cols);
      for (int c = 0; c < cols; ++c) {
        const int slot = r * cols + c;
        if (grid.cell[slot] != slot) continue;  // covered by a merged cell
        auto t = texts.find(slot);
        if (t != texts.end()) row[c] = t->second;
      }
      AddRow(std::move(row), table, grid.xs, grid.ys[r + 1], line_height);
    }
  }

  // --- flowing text: plain, text columns, unruled tables --------------------

  static bool Overlaps(const PdfSegment& s, const Slot& slot) {
    return s.x0 < slot.x1 + 1.0 && s.x1 > slot.x0 - 1.0;
  }

  // Where each segment goes among the region's slots (a new slot: -1), or
  // false when a segment straddles two slots or two share one.
  static bool Place(const Region& r, const std::vector<const PdfSegment*>& segs,
                    std::vector<int>* at) {
    at->assign(segs.size(), -1);
    std::vector<char> used(r.slots.size(), 0);
    for (size_t k = 0; k < segs.size(); ++k) {
      for (size_t j = 0; j < r.slots.size(); ++j) {
        if (!Overlaps(*segs[k], r.slots[j])) continue;
        if ((*at)[k] >= 0 || used[j]) return false;
        (*at)[k] = static_cast<int>(j);
        used[j] = 1;
      }
    }
    return true;
  }

  static void Extend(Region* r, const std::vector<const PdfSegment*>& segs,
                     const std::vector<int>& at) {
    for (size_t k = 0; k < segs.size(); ++k) {
      if (at[k] >= 0) {
        Slot& s = r->slots[at[k]];
        s.x0 = std::min(s.x0, segs[k]->x0);
        s.x1 = std::max(s.x1, segs[k]->x1);
      } else {
        r->slots.push_back({segs[k]->x0, segs[k]->x1});
      }
    }
    std::sort(r->slots.begin(), r->slots.end(),
              [](const Slot& a, const Slot& b) { return a.x0 < b.x0; });
  }

  void Flow(const std::vector<size_t>& lines) {
    Region region;  // the open aligned region
    Region plain;   // the open run of single-column text
    auto close_region = [&] {
      if (!region.lines.empty()) EmitRegion(region);
      region = Region();
    };
    auto close_plain = [&] {
      if (!plain.lines.empty()) EmitPlain(plain);
      plain = Region();
    };
    std::vector<int> at;
    for (size_t i : lines) {
      const std::vector<const PdfSegment*> segs = UsableSegments(i);
      const PdfLine& line = w_.lines[i];
      const double height = std::max(1.0, line.y1 - line.y0);
      if (segs.size() >= 2) {
        if (region.lines.empty() || !Place(region, segs, &at)) {
          close_region();
          Place(region, segs, &at);
        }
        close_plain();
        Extend(&region, segs, at);
        region.lines.push_back(i);
        ++region.multi_lines;
        region.bottom = line.y1;
        continue;
      }
      // One segment: inside one column of the open region, or plain text.
      if (!region.lines.empty() && line.y0 - region.bottom < 4 * height &&
          Place(region, segs, &at) && at[0] >= 0) {
        Extend(&region, segs, at);
        region.lines.push_back(i);
        region.bottom = line.y1;
        continue;
      }
      close_region();
      plain.lines.push_back(i);
    }
    close_region();
    close_plain();
  }

  void EmitPlain(const Region& r) {
    std::vector<const PdfSegment*> segs;
    for (size_t i : r.lines) {
      for (const PdfSegment* s : UsableSegments(i)) segs.push_back(s);
    }
    ColumnFrame frame{body_.first, body_.second, t_.line_gap_em, &t_.line_gap_em_by_size};
    for (const PdfSegment* s : segs) {
      frame.x0 = std::min(frame.x0, s->x0);
      frame.x1 = std::max(frame.x1, s->x1);
    }
    for (PdfParagraph& p : BuildParagraphs(segs, frame)) AddParagraph(std::move(p));
  }

  // Per slot, the region's segments top to bottom (one per line).
  std::vector<std::vector<PdfSegment>> Columns(const Region& r,
                                               std::vector<std::vector<size_t>>* line_of) const {
    std::vector<std::vector<PdfSegment>> cols(r.slots.size());
    line_of->assign(r.slots.size(), {});
    for (size_t i : r.lines) {
      std::vector<std::vector<const PdfSegment*>> parts(r.slots.size());
      for (const PdfSegment* s : UsableSegments(i)) {
        size_t best = 0;
        double best_overlap = -1e9;
        for (size_t j = 0; j < r.slots.size(); ++j) {
          const double o = std::min(s->x1, r.slots[j].x1) - std::max(s->x0, r.slots[j].x0);
          if (o > best_overlap) {
            best_overlap = o;
            best = j;
          }
        }
        parts[best].push_back(s);
      }
      for (size_t j = 0; j < parts.size(); ++j) {
        if (parts[j].empty()) continue;
        cols[j].push_back(Merge(parts[j]));
        (*line_of)[j].push_back(i);
      }
    }
    return cols;
  }

  void EmitRegion(const Region& r) {
    if (r.multi_lines == 1 && r.lines.size() == 1) {
      // One line with wide gaps ("Fait à Arras, le …    Le Président"):
      // its pieces are separate statements.
      for (const PdfSegment* s : UsableSegments(r.lines[0])) {
        PdfParagraph p;
        p.bullet = BulletPrefixLength(s->text) > 0;
        p.text = s->text.substr(BulletPrefixLength(s->text));
        AddParagraph(std::move(p));
      }
      return;
    }
    std::vector<std::vector<size_t>> line_of;
    std::vector<std::vector<PdfSegment>> cols = Columns(r, &line_of);
    const double w0 = r.slots[0].x1 - r.slots[0].x0;
    const double w1 = r.slots.size() > 1 ? r.slots[1].x1 - r.slots[1].x0 : 0;
    int wide_lines = 0;  // lines with three segments or more
    for (size_t i : r.lines) wide_lines += UsableSegments(i).size() >= 3;
    // Where each column's blocks (runs of lines without a paragraph gap)
    // start.  A table's cells start together on each row; text set in
    // columns (a signature page) flows down each column on its own.
    std::vector<std::pair<double, size_t>> starts;
    size_t max_blocks = 0;
    for (size_t j = 0; j < cols.size(); ++j) {
      size_t blocks = 0;
      for (size_t k = 0; k < cols[j].size(); ++k) {
        const PdfSegment& s = cols[j][k];
        if (k == 0 ||
            LineGap(cols[j][k - 1], s) > (t_.line_gap_em + 0.3) * std::max(1.0, s.font_size)) {
          starts.emplace_back(s.y0, j);
          ++blocks;
        }
      }
      max_blocks = std::max(max_blocks, blocks);
    }
    std::sort(starts.begin(), starts.end());
    size_t aligned = 0;
    for (size_t a = 0; a < starts.size();) {
      size_t b = a + 1;
      bool several = false;
      while (b < starts.size() && starts[b].first - starts[a].first <= 2.0) {
        several = several || starts[b].second != starts[a].second;
        ++b;
      }
      aligned += several;
      a = b;
    }
    const bool table = (aligned >= 2 && aligned >= 0.6 * max_blocks) || wide_lines >= 3 ||
                       (max_blocks == 1 && r.multi_lines >= 2 && w0 < 0.6 * w1);
    if (!table) {
      for (size_t j = 0; j < cols.size(); ++j) {
        std::vector<const PdfSegment*> ptrs;
        for (const PdfSegment& s : cols[j]) ptrs.push_back(&s);
        ColumnFrame frame{r.slots[j].x0, r.slots[j].x1, t_.line_gap_em, &t_.line_gap_em_by_size};
        for (PdfParagraph& p : BuildParagraphs(ptrs, frame)) AddParagraph(std::move(p));
      }
      return;
    }
    EmitAlignedTable(r, cols, line_of);
  }

  // Rows of a table without rules: a row begins where the first column
  // starts a new entry (not the wrapped continuation of the one above), or
  // where every column starts afresh after a paragraph gap.
  void EmitAlignedTable(const Region& r, const std::vector<std::vector<PdfSegment>>& cols,
                        const std::vector<std::vector<size_t>>& line_of) {
    const size_t n = r.slots.size();
    std::vector<double> columns;
    for (const Slot& s : r.slots) columns.push_back(s.x0);
    columns.push_back(r.slots.back().x1);
    // For each region line, which column segments it holds.
    std::map<size_t, std::vector<int>> at;  // line → index into cols[j], per column
    for (size_t j = 0; j < n; ++j) {
      for (size_t k = 0; k < line_of[j].size(); ++k) {
        auto& v = at[line_of[j][k]];
        v.resize(n, -1);
        v[j] = static_cast<int>(k);
      }
    }
    auto wraps = [&](size_t j, int k) {
      // Segment k of column j continues segment k-1: close below it, and
      // segment k-1 was full (its next word did not fit).
      if (k <= 0) return false;
      const PdfSegment& a = cols[j][k - 1];
      const PdfSegment& b = cols[j][k];
      const double size = std::max(1.0, b.font_size);
      if (LineGap(a, b) > (t_.line_gap_em + 0.3) * size) return false;
      if (!a.text.empty() && a.text.back() == '-') return true;
      return r.slots[j].x1 - a.x1 <= b.first_word_width + 0.25 * size + 1.5;
    };
    std::vector<std::vector<std::vector<const PdfSegment*>>> rows;
    for (const auto& [line, idx] : at) {
      bool fresh = rows.empty();
      if (!fresh && idx[0] >= 0) fresh = !wraps(0, idx[0]);
      if (!fresh && idx[0] < 0) {
        int present = 0;
        bool all_fresh = true;
        for (size_t j = 1; j < n; ++j) {
          if (idx[j] < 0) continue;
          ++present;
          all_fresh = all_fresh && idx[j] > 0 &&
                      LineGap(cols[j][idx[j] - 1], cols[j][idx[j]]) >
                          (t_.line_gap_em + 0.3) * std::max(1.0, cols[j][idx[j]].font_size);
        }
        fresh = present >= 2 && all_fresh;
      }
      if (fresh) rows.emplace_back(n);
      for (size_t j = 0; j < n; ++j) {
        if (idx[j] >= 0) rows.back()[j].push_back(&cols[j][idx[j]]);
      }
    }
    const int table = (*next_table_)++;
    for (const auto& row : rows) {
      std::vector<std::string> cells(n);
      double bottom = 0, line_height = 0;
      for (size_t j = 0; j < n; ++j) {
        ColumnFrame frame{r.slots[j].x0, r.slots[j].x1, t_.line_gap_em, &t_.line_gap_em_by_size};
        cells[j] = CellText(row[j], frame);
        for (const PdfSegment* s : row[j]) {
          bottom = std::max(bottom, s->y1);
          line_height = std::max(line_height, s->y1 - s->y0);
        }
      }
      AddRow(std::move(cells), table, columns, bottom, line_height);
    }
  }

  const PageWork& w_;
  const Typography& t_;
  int* next_table_;
  std::vector<Unit>* out_;
  std::pair<double, double> body_{0, 0};
};

// ---------------------------------------------------------------------------
// Page breaks inside tables.

bool SameColumns(const Unit& a, const Unit& b) {
  if (a.columns.size() != b.columns.size()) return false;
  for (size_t k = 0; k < a.columns.size(); ++k) {
    if (std::fabs(a.columns[k] - b.columns[k]) > 3.0) return false;
  }
  return true;
}

// A cell's text breaks off mid-phrase: a hyphen, a comma, or a word that
// cannot end a French phrase (an article, a preposition, a conjunction).
bool EndsOpen(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return false;
  const char last = text.back();
  if (last == '-' || last == ',' || last == '(' || last == '\'') return true;
  const size_t space = text.find_last_of(" \n");
  const std::string word =
      FoldForMatch(space == std::string_view::npos ? text : text.substr(space + 1));
  static const char* const kOpen[] = {"de",  "la",  "le",   "les",  "des", "du",   "d",
                                      "l",   "et",  "en",   "a",    "au",  "aux",  "pour",
                                      "par", "sur", "avec", "dans", "un",  "une",  "ou",
                                      "que", "qui", "son",  "sa",   "ses", "leur", "leurs"};
  for (const char* w : kOpen) {
    if (word == w) return true;
  }
  return false;
}

// `next`, the first row of a page, carries on `prev`, the last row of the
// page before, that the page break split: it only fills cells the previous
// row has, and one of them visibly goes on (prev breaks off mid-phrase, or
// next starts lowercase).
bool ContinuesRow(const std::vector<std::string>& prev, const std::vector<std::string>& next) {
  bool any = false, open = false;
  for (size_t c = 0; c < next.size(); ++c) {
    if (next[c].empty()) continue;
    if (c >= prev.size() || prev[c].empty()) return false;
    any = true;
    open = open || EndsOpen(prev[c]) || StartsLowercase(next[c]);
  }
  return any && open;
}

// `next`, the first paragraph of a page, goes on with `prev`, the last of
// the page before: same size, not a list item, and the line before the break
// was full (the next word would not have fit) without ending a sentence
// that the next page starts anew.
bool ContinuesParagraph(const Unit& prev, const Unit& next) {
  const PdfParagraph& a = prev.shape;
  const PdfParagraph& b = next.shape;
  if (next.bullet || a.font_size <= 0 ||
      std::fabs(a.font_size - b.font_size) > 0.12 * a.font_size) {
    return false;
  }
  if (a.ends_with_hyphen) return true;
  if (a.end_room > b.first_word_width + 0.25 * a.font_size + 1.5) return false;
  const char last = prev.text.empty() ? '.' : prev.text.back();
  const bool sentence_end = last == '.' || last == '!' || last == '?' || last == ':';
  return !sentence_end || StartsLowercase(next.text);
}

// `u`, the last unit of its page, runs to the end of the page's body: only
// then can the page break have split it.
bool ReachesPageEnd(const Unit& u, const Typography& t) {
  auto it = t.body_bottom.find(u.page_width);
  if (it == t.body_bottom.end()) return true;
  return u.bottom >= it->second - 2.5 * std::max(u.line_height, 8.0);
}

// Joins page breaks: a paragraph the break split is one paragraph again;
// inside tables, the header rows a continued table repeats at the top of
// the page are dropped and the row the break split is mended.
void MendPageBreaks(const Typography& typography, std::vector<std::vector<Unit>>* pages) {
  std::map<int, std::vector<std::vector<std::string>>> first_rows;  // per table: its head
  std::map<int, int> alias;  // table instance → the table it continues
  auto root = [&](int t) {
    while (alias.count(t)) t = alias[t];
    return t;
  };
  Unit* last = nullptr;  // the last unit of the previous page with content
  for (size_t p = 0; p < pages->size(); ++p) {
    std::vector<Unit>& units = (*pages)[p];
    for (Unit& u : units) {
      if (u.kind != Unit::Kind::kRow) continue;
      auto& head = first_rows[root(u.table)];
      if (head.size() < 3) head.push_back(u.cells);
    }
    if (units.empty()) continue;
    Unit* prev = last;
    last = &units.back();
    Unit& first = units.front();
    if (!prev || !ReachesPageEnd(*prev, typography)) continue;
    if (prev->kind == Unit::Kind::kParagraph && first.kind == Unit::Kind::kParagraph &&
        ContinuesParagraph(*prev, first)) {
      prev->text = JoinLines(prev->text, first.text);
      prev->shape.end_room = first.shape.end_room;
      prev->shape.ends_with_hyphen = first.shape.ends_with_hyphen;
      prev->bottom = first.bottom;
      prev->page_width = first.page_width;
      units.erase(units.begin());
      last = units.empty() ? prev : &units.back();
      continue;
    }
    if (!prev || prev->kind != Unit::Kind::kRow || first.kind != Unit::Kind::kRow ||
        !SameColumns(*prev, first) || p == 0) {
      continue;
    }
    const int table = root(prev->table);
    if (first.table != table) alias[first.table] = table;
    // The head rows of the table, repeated in order at the top of the page.
    const auto& head = first_rows[table];
    size_t drop = 0;
    while (drop < units.size() && drop < head.size() && units[drop].kind == Unit::Kind::kRow &&
           root(units[drop].table) == table && units[drop].cells == head[drop]) {
      ++drop;
    }
    units.erase(units.begin(), units.begin() + drop);
    if (units.empty()) {
      last = prev;
      continue;
    }
    Unit& next = units.front();
    if (next.kind == Unit::Kind::kRow && root(next.table) == table &&
        ContinuesRow(prev->cells, next.cells)) {
      for (size_t c = 0; c < next.cells.size(); ++c) {
        if (!next.cells[c].empty()) prev->cells[c] = JoinLines(prev->cells[c], next.cells[c]);
      }
      prev->bottom = next.bottom;
      prev->page_width = next.page_width;
      units.erase(units.begin());
      if (units.empty()) last = prev;
    }
    if (!units.empty()) last = &units.back();
  }
}

}  // namespace

void LayOutPdf(const RawDocument& doc, LaidOutDocument* out) {
  std::vector<PageWork> work(doc.pages.size());
  // A page has words from its text layer or from OCR; a page with none
  // (an image-only page left unread, or a blank one) is only a page break.
  auto has_words = [&](size_t p) { return !doc.pages[p].words.empty(); };
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    if (has_words(p)) {
      AnalysePage(doc.pages[p], &work[p]);
    } else {
      work[p].raw = &doc.pages[p];
    }
  }
  DropRunningText(&work);
  const Typography typography = StudyTypography(work);

  std::vector<std::vector<Unit>> units(doc.pages.size());
  int next_table = 0;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    if (!has_words(p)) continue;
    PageLayout(work[p], typography, &next_table, &units[p]).Run();
  }
  MendPageBreaks(typography, &units);

  FlowBuilder flow(out);
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const RawPage& page = doc.pages[p];
    flow.BeginPage(page.page_no, page.has_text_layer);
    out->pages.back().ocr = page.ocr;
    out->pages.back().ocr_confidence = page.ocr_confidence;
    if (!has_words(p)) {
      // A blank page read by OCR was read all the same.
      if (!page.has_text_layer && !page.ocr) {
        out->diagnostics.push_back(
            MakeDiagnostic(DiagnosticCode::kPageWithoutText, page.page_no,
                           "page " + std::to_string(page.page_no) + " has no text layer"));
      }
      continue;
    }
    for (const std::string& stamp : work[p].stamps) flow.AddStamp(stamp);
    for (const Unit& u : units[p]) {
      if (u.kind == Unit::Kind::kParagraph) {
        flow.AddParagraph(u.text, u.bullet);
      } else {
        // Rows that follow rows form one table, across a page break too, as
        // consecutive tab-separated lines do in a text file; repeated
        // headers are already gone (MendPageBreaks).
        flow.AddTableRow(u.cells, /*drop_repeated_header=*/false);
      }
    }
  }
}

}  // namespace clsdb
