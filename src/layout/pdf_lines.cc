#include "layout/pdf_lines.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "normalize/normalize.h"

namespace clsdb {

namespace {

struct Placed {
  const Word* word;
  double x0, y0, x1, y1;  // in the upright frame of its rotation
};

struct LineBuild {
  double cy, h;  // centre and height of its tallest word: the line's band
  double y0, y1;
  std::vector<Placed> words;
};

double Height(const Placed& p) { return std::max(1.0, p.y1 - p.y0); }

// A list marker set apart from its text by a tab: "•", "-", "1.", "a)".
// It belongs to the text that follows, not to a column of its own.
bool IsListMarker(const std::string& text) {
  if (text.empty() || text.size() > 8) return false;
  if (BulletPrefixLength(text + " x") == text.size() + 1) return true;
  const char last = text.back();
  if (last != '.' && last != ')') return false;
  if (text.size() > 4) return false;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!std::isalnum(c)) return false;
  }
  return true;
}

// Words of one segment, left to right → its text.
PdfSegment MakeSegment(const std::vector<Placed>& words, size_t begin, size_t end) {
  PdfSegment seg;
  seg.x0 = words[begin].x0;
  seg.x1 = words[begin].x1;
  seg.y0 = words[begin].y0;
  seg.y1 = words[begin].y1;
  std::string text;
  // Size weighted by characters: superscripts and drop caps do not decide.
  double sizes[4] = {0, 0, 0, 0};
  double weights[4] = {0, 0, 0, 0};
  for (size_t i = begin; i < end; ++i) {
    const Placed& p = words[i];
    const Word& w = *p.word;
    if (i > begin) {
      const Placed& prev = words[i - 1];
      const double gap = p.x0 - prev.x1;
      const double small = std::min(w.font_size, prev.word->font_size);
      const double large = std::max(w.font_size, prev.word->font_size);
      bool space;
      if (small < 0.8 * large) {
        // A superscript ("2ème", "1er"): Poppler's space flag is unreliable
        // across sizes, the gap tells.
        space = gap > 0.15 * small;
      } else {
        space = prev.word->space_after || gap > 0.15 * large;
      }
      const unsigned char before = prev.word->text.empty() ? ' ' : prev.word->text.back();
      if (i + 1 == end && w.text == "-" && (std::isalpha(before) || before >= 0x80)) {
        seg.hyphen_gap = std::max(0.0, gap / large);
      }
      if (space) text += ' ';
    }
    text += w.text;
    seg.x0 = std::min(seg.x0, p.x0);
    seg.x1 = std::max(seg.x1, p.x1);
    seg.y0 = std::min(seg.y0, p.y0);
    seg.y1 = std::max(seg.y1, p.y1);
    const double weight = static_cast<double>(w.text.size());
    for (int k = 0; k < 4; ++k) {
      if (weights[k] == 0 || std::fabs(sizes[k] - w.font_size) < 0.25) {
        sizes[k] = w.font_size;
        weights[k] += weight;
        break;
      }
    }
  }
  int best = 0;
  for (int k = 1; k < 4; ++k) {
    if (weights[k] > weights[best]) best = k;
  }
  seg.font_size = sizes[best];
  seg.core_y0 = seg.y1;
  seg.core_y1 = seg.y0;
  for (size_t i = begin; i < end; ++i) {
    if (std::fabs(words[i].word->font_size - seg.font_size) >= 0.25) continue;
    seg.core_y0 = std::min(seg.core_y0, words[i].y0);
    seg.core_y1 = std::max(seg.core_y1, words[i].y1);
  }
  seg.first_word_width = words[begin].x1 - words[begin].x0;
  seg.text = NormalizeText(text);
  return seg;
}

// The usual gap between the words of a line, its (justified) space: the
// lower quartile, so that a few column gaps do not count.
double UsualGap(const std::vector<Placed>& words) {
  std::vector<double> gaps;
  for (size_t i = 1; i < words.size(); ++i) gaps.push_back(words[i].x0 - words[i - 1].x1);
  if (gaps.empty()) return 0;
  std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 4, gaps.end());
  return gaps[gaps.size() / 4];
}

// Columns whose gutter is narrower than a column gap (a borderless table
// whose text nearly touches): where at least three segments of nearby
// lines start at the same x after a wide gap, that x is a column start,
// and lines between them (and just around) are cut before a word that
// starts there too — if the space before it is wider than the line's
// other spaces, which a justified line of body text never has.  Only
// starts after a cut count, not line starts: indented paragraphs would
// otherwise make every indent a column.
void CutAtAnchors(const std::vector<LineBuild>& builds, std::vector<std::vector<char>>* cut) {
  for (int round = 0; round < 3; ++round) {
    struct Hit {
      double x, y, h;
    };
    std::vector<Hit> hits;
    for (size_t l = 0; l < builds.size(); ++l) {
      for (size_t i = 1; i < builds[l].words.size(); ++i) {
        if ((*cut)[l][i]) hits.push_back({builds[l].words[i].x0, builds[l].cy, builds[l].h});
      }
    }
    if (hits.size() < 3) return;
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.x < b.x; });
    bool changed = false;
    int anchors = 0;
    for (size_t a = 0; a < hits.size() && anchors < 64;) {
      size_t b = a + 1;
      while (b < hits.size() && hits[b].x - hits[a].x <= 1.0) ++b;
      if (b - a < 3) {
        a = b;
        continue;
      }
      ++anchors;
      const double x0 = hits[a].x - 1.0, x1 = hits[b - 1].x + 1.0;
      double top = hits[a].y, bottom = hits[a].y, h = hits[a].h;
      for (size_t k = a; k < b; ++k) {
        top = std::min(top, hits[k].y);
        bottom = std::max(bottom, hits[k].y);
        h = std::max(h, hits[k].h);
      }
      top -= 3 * h;
      bottom += 3 * h;
      for (size_t l = 0; l < builds.size(); ++l) {
        const LineBuild& line = builds[l];
        if (line.cy < top || line.cy > bottom) continue;
        double usual = -1;
        for (size_t i = 1; i < line.words.size(); ++i) {
          const Placed& w = line.words[i];
          if ((*cut)[l][i] || w.x0 < x0 || w.x0 > x1) continue;
          if (usual < 0) usual = UsualGap(line.words);
          const double gap = w.x0 - line.words[i - 1].x1;
          if (gap > 0.25 * std::max(1.0, w.word->font_size) && gap > 1.5 * usual) {
            (*cut)[l][i] = 1;
            changed = true;
          }
        }
      }
      a = b;
    }
    if (!changed) return;
  }
}

// Groups words into lines by their vertical centres, in order of centre.
std::vector<LineBuild> GroupIntoLines(std::vector<Placed> placed) {
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    const double ca = (a.y0 + a.y1) / 2, cb = (b.y0 + b.y1) / 2;
    if (ca != cb) return ca < cb;
    return a.x0 < b.x0;
  });
  std::vector<LineBuild> builds;
  for (const Placed& p : placed) {
    const double cy = (p.y0 + p.y1) / 2;
    const double h = Height(p);
    // Lines are created in order of their centres, so only the last few
    // can still take this word.
    int best = -1;
    double best_d = 0;
    for (int k = static_cast<int>(builds.size()) - 1, seen = 0; k >= 0 && seen < 24; --k, ++seen) {
      const LineBuild& b = builds[k];
      if (b.cy < cy - 2 * std::max(b.h, h)) break;
      const double d = std::fabs(b.cy - cy);
      if (d < 0.5 * std::max(b.h, h) && (best < 0 || d < best_d)) {
        best = k;
        best_d = d;
      }
    }
    if (best < 0) {
      builds.push_back(LineBuild{cy, h, p.y0, p.y1, {p}});
      continue;
    }
    LineBuild& b = builds[best];
    b.words.push_back(p);
    b.y0 = std::min(b.y0, p.y0);
    b.y1 = std::max(b.y1, p.y1);
    if (h > b.h) {
      b.h = h;
      b.cy = cy;
    }
  }
  std::sort(builds.begin(), builds.end(),
            [](const LineBuild& a, const LineBuild& b) { return a.cy < b.cy; });
  return builds;
}

// Whether a vertical rule lies between x0 and x1, crossing the band at cy.
bool RuleBetween(double x0, double x1, double cy, const std::vector<RulingLine>& verticals) {
  const double lo = std::min(x0, x1) - 1.0, hi = std::max(x0, x1) + 1.0;
  auto it = std::lower_bound(verticals.begin(), verticals.end(), lo,
                             [](const RulingLine& r, double x) { return r.x0 < x; });
  for (; it != verticals.end() && it->x0 <= hi; ++it) {
    if (it->y0 <= cy && it->y1 >= cy) return true;
  }
  return false;
}

// Sorts each line's words left to right and says where its segments begin:
// cut[l][i] is true when a segment of line l begins at word i.
std::vector<std::vector<char>> CutsOf(std::vector<LineBuild>& builds,
                                      const std::vector<RulingLine>& verticals) {
  std::vector<std::vector<char>> cut(builds.size());
  for (size_t l = 0; l < builds.size(); ++l) {
    LineBuild& b = builds[l];
    std::vector<Placed>& words = b.words;
    std::sort(words.begin(), words.end(),
              [](const Placed& a, const Placed& c) { return a.x0 < c.x0; });
    cut[l].assign(words.size(), 0);
    // A justified line stretched wide has all its spaces wide: a column gap
    // is wide next to the line's usual space.
    const double usual = words.size() >= 5 ? UsualGap(words) : 0;
    for (size_t i = 1; i < words.size(); ++i) {
      const Placed& a = words[i - 1];
      const Placed& c = words[i];
      const double size = std::max({a.word->font_size, c.word->font_size, 1.0});
      cut[l][i] = c.x0 - a.x1 > std::max(kColumnGapEm * size, 2.5 * usual) ||
                  (!verticals.empty() && RuleBetween(a.x1, c.x0, b.cy, verticals));
    }
  }
  CutAtAnchors(builds, &cut);
  return cut;
}

// The segments of one line, cut where cut says.
PdfLine SegmentsOf(const LineBuild& build, const std::vector<char>& cut) {
  const std::vector<Placed>& words = build.words;
  PdfLine line;
  line.y0 = build.y0;
  line.y1 = build.y1;
  size_t begin = 0;
  for (size_t i = 1; i <= words.size(); ++i) {
    if (i < words.size() && !cut[i]) continue;
    PdfSegment seg = MakeSegment(words, begin, i);
    begin = i;
    if (seg.text.empty()) continue;
    // A list marker set off by a tab joins the text after it.
    if (!line.segments.empty() && IsListMarker(line.segments.back().text) &&
        seg.x0 - line.segments.back().x1 < 4 * seg.font_size) {
      PdfSegment& marker = line.segments.back();
      marker.text += ' ';
      marker.text += seg.text;
      marker.x1 = seg.x1;
      marker.y0 = std::min(marker.y0, seg.y0);
      marker.y1 = std::max(marker.y1, seg.y1);
      marker.core_y0 = seg.core_y0;  // the text's size, not the marker's
      marker.core_y1 = seg.core_y1;
      marker.font_size = seg.font_size;
      marker.hyphen_gap = seg.hyphen_gap;
      continue;
    }
    line.segments.push_back(std::move(seg));
  }
  return line;
}

// Groups upright-frame words into lines and cuts them into segments.
std::vector<PdfLine> Assemble(std::vector<Placed> placed,
                              const std::vector<RulingLine>& verticals) {
  std::vector<LineBuild> builds = GroupIntoLines(std::move(placed));
  const std::vector<std::vector<char>> cut = CutsOf(builds, verticals);
  std::vector<PdfLine> lines;
  lines.reserve(builds.size());
  for (size_t l = 0; l < builds.size(); ++l) {
    PdfLine line = SegmentsOf(builds[l], cut[l]);
    if (!line.segments.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

std::vector<PdfLine> BuildPdfLines(const RawPage& page, const std::vector<RulingLine>& verticals,
                                   std::vector<PdfLine>* rotated) {
  std::vector<Placed> upright;
  std::vector<Placed> turned[4];
  upright.reserve(page.words.size());
  for (const Word& w : page.words) {
    const int r = ((w.rotation % 4) + 4) % 4;
    if (r == 0) {
      upright.push_back(Placed{&w, w.x0, w.y0, w.x1, w.y1});
      continue;
    }
    // Turn the page so that this text reads upright.
    Placed p{&w, 0, 0, 0, 0};
    if (r == 1) {  // top to bottom
      p = Placed{&w, w.y0, -w.x1, w.y1, -w.x0};
    } else if (r == 2) {  // upside down
      p = Placed{&w, -w.x1, -w.y1, -w.x0, -w.y0};
    } else {  // bottom to top
      p = Placed{&w, -w.y1, w.x0, -w.y0, w.x1};
    }
    turned[r].push_back(p);
  }
  if (rotated) {
    rotated->clear();
    for (int r = 1; r < 4; ++r) {
      if (turned[r].empty()) continue;
      std::vector<PdfLine> more = Assemble(std::move(turned[r]), {});
      for (PdfLine& l : more) rotated->push_back(std::move(l));
    }
  }
  return Assemble(std::move(upright), verticals);
}

}  // namespace clsdb
