#include "read/pdf_words.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

#include "core/utf8.h"

namespace clsdb {

namespace {

// TextOutputDev's thresholds, as fractions of the font size unless said.
constexpr double kWordBreakSpace = 0.1;      // a wider gap ends the word
constexpr double kDupBreakOverlap = 0.2;     // a step back this far ends it too
constexpr double kDupPrimaryDelta = 0.1;     // a glyph or word drawn this close over
constexpr double kDupSecondaryDelta = 0.2;   //   another is its duplicate
constexpr double kBaseJump = 0.5;            // points: a new baseline ends the word
constexpr double kIntraLineDelta = 0.5;      // baselines of one line
constexpr double kMinCharSpacing = -0.5;     // a word further back ends a line
constexpr double kMaxWordSpacing = 1.5;      // a word further on is not on the line
constexpr double kMaxCharSpacing = 0.03;     // narrower gaps join pieces, wider are spaces
constexpr double kWideCharSpacingMul = 1.3;  // letter-spaced lines: spaces are wider
constexpr double kMaxWideCharSpacing = 0.4;  //   than their narrowest gap, up to this
constexpr double kWordFontSizeDelta = 0.05;
constexpr double kCombMaxMidDelta = 0.3;
constexpr double kCombMaxBaseDelta = 0.4;
constexpr double kPoolStep = 4;       // points of baseline per pool bucket
constexpr int kMaxTinyChars = 50000;  // tiny glyphs past this many on a page are dropped

// The combining form of a spacing accent drawn as a glyph of its own; 0
// for any other character.  Asked twice of every glyph.
std::uint32_t CombiningOf(std::uint32_t u) {
  switch (u) {
    case 0x0060:
      return 0x0300;  // grave
    case 0x00a8:
      return 0x0308;  // dieresis
    case 0x00af:
      return 0x0304;  // macron
    case 0x00b4:
      return 0x0301;  // acute
    case 0x00b8:
      return 0x0327;  // cedilla
    case 0x02c6:
      return 0x0302;  // circumflex
    case 0x02c7:
      return 0x030c;  // caron
    case 0x02d8:
      return 0x0306;  // breve
    case 0x02d9:
      return 0x0307;  // dot above
    case 0x02da:
      return 0x030a;  // ring
    case 0x02dc:
      return 0x0303;  // tilde
    case 0x02dd:
      return 0x030b;  // double acute
    default:
      return 0;
  }
}

// Whether CombiningOf may know u: a cheap test asked first.
bool MayBeAccent(std::uint32_t u) { return u == 0x60 || (u >= 0xA8 && u <= 0x2DD); }

// The characters TextOutputDev breaks words at (Poppler's own test is not
// exported).
bool IsWhitespace(std::uint32_t u) {
  return (u >= 0x09 && u <= 0x0D) || u == 0x20 || u == 0x85 || u == 0xA0 ||
         (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x205F ||
         u == 0x3000;
}

// What an accent may combine with: letters and digits, and the signs that
// go with numbers (Poppler's table, whose test is not exported either).
bool IsAlphaNum(std::uint32_t u) {
  if (u < 0x80) {
    return (u >= '0' && u <= ':') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
           (u >= '#' && u <= '%') || (u >= '+' && u <= '/');
  }
  if (u < 0x100) {
    return u == 0xA0 || (u >= 0xA2 && u <= 0xA5) || u == 0xAA || (u >= 0xB0 && u <= 0xB3) ||
           u == 0xB5 || u == 0xB9 || u == 0xBA || (u >= 0xC0 && u != 0xD7 && u != 0xF7);
  }
  // Spacing modifiers and combining marks; punctuation, symbols, arrows,
  // drawing.
  return !(u >= 0x2B9 && u <= 0x36F) && !(u >= 0x2000 && u <= 0x2BFF);
}

}  // namespace

// A page's words of one direction, bucketed by baseline, each bucket a list
// in reading order along the line (TextOutputDev's TextPool).
struct WordAssembler::Pool {
  int rotation = 0;
  int min_index = 0, max_index = -1;
  std::vector<int> heads;
  std::vector<Piece>* pieces = nullptr;

  int Index(double base) const {
    const double d = base / kPoolStep;
    if (std::isnan(d) || d < min_index) return min_index;
    if (d > max_index) return max_index;
    return static_cast<int>(d);
  }
  int& Head(int index) { return heads[index - min_index]; }

  // Negative when a comes before b along the line.
  double PrimaryCmp(const Piece& a, const Piece& b) const {
    switch (rotation) {
      case 0:
        return a.x0 - b.x0;
      case 1:
        return a.y0 - b.y0;
      case 2:
        return b.x1 - a.x1;
      default:
        return b.y1 - a.y1;
    }
  }
};

namespace {

// The gap from a to b along the line.
double PrimaryDelta(int rotation, const auto& a, const auto& b) {
  switch (rotation) {
    case 0:
      return b.x0 - a.x1;
    case 1:
      return b.y0 - a.y1;
    case 2:
      return a.x0 - b.x1;
    default:
      return a.y0 - b.y1;
  }
}

}  // namespace

bool WordAssembler::SameText(const Piece& a, const Piece& b) const {
  return a.length == b.length &&
         std::equal(text_.begin() + a.text_begin, text_.begin() + a.text_begin + a.length,
                    text_.begin() + b.text_begin);
}

void WordAssembler::StartPage(double width, double height) {
  page_width_ = width;
  page_height_ = height;
  pieces_.clear();
  text_.clear();
  current_ = -1;
  char_pos_ = 0;
  tiny_chars_ = 0;
  last_char_overlap_ = false;
}

void WordAssembler::BeginWord(const Glyph& g) {
  Piece p;
  p.rotation = g.rotation_of ? g.rotation_of(g.source) : g.rotation;
  p.font_size = g.font_size;
  pieces_.push_back(std::move(p));
  current_ = static_cast<int>(pieces_.size()) - 1;
}

void WordAssembler::EndWord() {
  // An empty word has no box: it is dropped.
  if (current_ >= 0 && pieces_[current_].length == 0) pieces_.pop_back();
  current_ = -1;
}

void WordAssembler::InitialBounds(Piece* p, const Glyph& g, double x, double y) const {
  const double size = p->font_size;
  const double ascent = g.ascent * size, descent = g.descent * size;
  p->vertical = g.vertical;
  if (p->vertical) {
    switch (p->rotation) {
      case 0:
        p->x0 = x - size, p->y0 = y - size, p->y1 = y, p->base = y;
        break;
      case 1:
        p->x0 = x, p->y0 = y - size, p->x1 = x + size, p->base = x;
        break;
      case 2:
        p->y0 = y, p->x1 = x + size, p->y1 = y + size, p->base = y;
        break;
      default:
        p->x0 = x - size, p->x1 = x, p->y1 = y + size, p->base = x;
        break;
    }
    return;
  }
  // A font whose ascent equals its descent would give a box of no height.
  switch (p->rotation) {
    case 0:
      p->x0 = x, p->y0 = y - ascent, p->y1 = y - descent, p->base = y;
      if (p->y0 == p->y1) p->y0 = y, p->y1 = y + 1;
      break;
    case 1:
      p->x0 = x + descent, p->y0 = y, p->x1 = x + ascent, p->base = x;
      if (p->x0 == p->x1) p->x0 = x, p->x1 = x + 1;
      break;
    case 2:
      p->y0 = y + descent, p->x1 = x, p->y1 = y + ascent, p->base = y;
      if (p->y0 == p->y1) p->y0 = y, p->y1 = y + 1;
      break;
    default:
      p->x0 = x - ascent, p->x1 = x - descent, p->y1 = y, p->base = x;
      if (p->x0 == p->x1) p->x0 = x, p->x1 = x + 1;
      break;
  }
}

// The near edge of the glyph at (x, y) and its far end, which extends the
// word's box.
void WordAssembler::AppendChar(Piece* p, const Glyph& g, double x, double y, double dx, double dy,
                               std::uint32_t u) {
  if (p->length == 0) {
    InitialBounds(p, g, x, y);
    p->first_font = g.font;
    p->pos_begin = char_pos_;
    p->text_begin = static_cast<int>(text_.size());
  }
  text_.push_back(u);
  ++p->length;
  p->last_font = g.font;
  p->pos_end = char_pos_ + g.bytes;
  double edge = 0, end = 0;
  const double size = p->font_size;
  if (p->vertical) {
    switch (p->rotation) {
      case 0:
        edge = x - size, end = p->x1 = x;
        break;
      case 1:
        edge = y - size, end = p->y1 = y;
        break;
      case 2:
        edge = x + size, end = p->x0 = x;
        break;
      default:
        edge = y + size, end = p->y0 = y;
        break;
    }
  } else {
    switch (p->rotation) {
      case 0:
        edge = x, end = p->x1 = x + dx;
        break;
      case 1:
        edge = y, end = p->y1 = y + dy;
        break;
      case 2:
        edge = x, end = p->x0 = x + dx;
        break;
      default:
        edge = y, end = p->y0 = y + dy;
        break;
    }
  }
  p->edge_before_last = edge;
  p->edge_end = end;
}

// A spacing accent drawn over the letter before it, or a letter drawn under
// the accent before it, becomes the letter and its combining accent.
bool WordAssembler::AddCombining(const Glyph& g, std::uint32_t u) {
  Piece& p = pieces_[current_];
  if (p.length == 0 || p.vertical || g.vertical) return false;
  std::uint32_t& last = text_.back();
  const std::uint32_t accent = CombiningOf(u);
  const std::uint32_t previous_accent = CombiningOf(last);
  if (accent == 0 && previous_accent == 0) return false;
  const double edge_mid = (p.edge_before_last + p.edge_end) / 2;
  const bool across = p.rotation == 0 || p.rotation == 2;
  const double char_mid = across ? g.x + g.dx / 2 : g.y + g.dy / 2;
  const double char_base = across ? g.y : g.x;
  if (accent != 0 && IsAlphaNum(last)) {
    const double max_mid = std::fabs(p.edge_end - p.edge_before_last) * kCombMaxMidDelta;
    const double max_base = (across ? p.y1 - p.y0 : p.x1 - p.x0) * kCombMaxBaseDelta;
    if (std::fabs(char_mid - edge_mid) >= max_mid || std::fabs(char_base - p.base) >= max_base) {
      return false;
    }
    // The accent's own box is not the word's: its placement can be odd.
    text_.push_back(accent);
    ++p.length;
    p.last_font = g.font;
    p.pos_end = char_pos_ + g.bytes;
    p.edge_before_last = (p.edge_end + p.edge_before_last) / 2;
    return true;
  }
  if (previous_accent != 0 && IsAlphaNum(u)) {
    const double max_base = (g.ascent - g.descent) * g.font_size * kCombMaxBaseDelta;
    const double max_mid = std::fabs((across ? g.dx : g.dy) * kCombMaxMidDelta);
    if (std::fabs(char_mid - edge_mid) >= max_mid || std::fabs(char_base - p.base) >= max_base) {
      return false;
    }
    // The letter takes the accent's place, the accent follows it.
    p.font_size = g.font_size;
    last = u;
    text_.push_back(previous_accent);
    ++p.length;
    p.pos_end = char_pos_ + g.bytes;
    if (p.length == 2) {
      InitialBounds(&p, g, g.x, g.y);
      p.first_font = g.font;
    }
    double start = 0, end = 0;
    if (p.vertical) {
      const double size = p.font_size;
      switch (p.rotation) {
        case 0:
          start = g.x - size, end = p.x1 = g.x;
          break;
        case 1:
          start = g.y - size, end = p.y1 = g.y;
          break;
        case 2:
          start = g.x + size, end = p.x0 = g.x;
          break;
        default:
          start = g.y + size, end = p.y0 = g.y;
          break;
      }
    } else {
      switch (p.rotation) {
        case 0:
          start = g.x, end = p.x1 = g.x + g.dx;
          break;
        case 1:
          start = g.y, end = p.y1 = g.y + g.dy;
          break;
        case 2:
          start = g.x, end = p.x0 = g.x + g.dx;
          break;
        default:
          start = g.y, end = p.y0 = g.y + g.dy;
          break;
      }
    }
    p.edge_before_last = (end + start) / 2;
    p.edge_end = end;
    return true;
  }
  return false;
}

// Whether the glyph g starts a new word rather than continuing the current
// one: it is not where the word's next glyph would be (too far on, stepped
// back, off the baseline), it is drawn over the glyph before it or that one
// was drawn over its own predecessor (each duplicated glyph a word of its
// own, for DropDuplicates), or its size or writing mode changed.
bool WordAssembler::BreaksWord(const Glyph& g) {
  const Piece& p = pieces_[current_];
  double base = 0, sp = 0, delta = 0;
  switch (p.rotation) {
    case 0:
      base = g.y, sp = g.x - p.x1, delta = g.x - p.edge_before_last;
      break;
    case 1:
      base = g.x, sp = g.y - p.y1, delta = g.y - p.edge_before_last;
      break;
    case 2:
      base = g.y, sp = p.x0 - g.x, delta = p.edge_before_last - g.x;
      break;
    default:
      base = g.x, sp = p.y0 - g.y, delta = p.edge_before_last - g.y;
      break;
  }
  const bool overlap = std::fabs(delta) < kDupPrimaryDelta * p.font_size &&
                       std::fabs(base - p.base) < kDupSecondaryDelta * p.font_size;
  const bool breaks = overlap || last_char_overlap_ || sp < -kDupBreakOverlap * p.font_size ||
                      sp > kWordBreakSpace * p.font_size || std::fabs(base - p.base) > kBaseJump ||
                      g.font_size != p.font_size || g.vertical != p.vertical;
  last_char_overlap_ = overlap;
  return breaks;
}

void WordAssembler::AddGlyph(const Glyph& g) {
  const double x = g.x, y = g.y, w = g.dx, h = g.dy;
  // Glyphs off the page, or placed by a degenerate matrix, are not text.
  if (x + w < 0 || x > page_width_ || y + h < 0 || y > page_height_ || std::isnan(x) ||
      std::isnan(y) || std::isnan(w) || std::isnan(h)) {
    char_pos_ += g.bytes;
    return;
  }
  if (std::fabs(w) < 3 && std::fabs(h) < 3 && ++tiny_chars_ > kMaxTinyChars) {
    char_pos_ += g.bytes;
    return;
  }
  if (g.unicode_length == 1 && IsWhitespace(g.unicode[0])) {
    char_pos_ += g.bytes;
    EndWord();
    return;
  }
  if (g.unicode_length == 1 && g.unicode[0] == 0) {
    char_pos_ += g.bytes;
    return;
  }
  if (current_ >= 0 && g.unicode_length == 1 && pieces_[current_].length > 0 &&
      (MayBeAccent(g.unicode[0]) || MayBeAccent(text_.back())) && AddCombining(g, g.unicode[0])) {
    char_pos_ += g.bytes;
    return;
  }
  if (current_ >= 0 && pieces_[current_].length > 0) {
    if (BreaksWord(g)) EndWord();
  } else {
    last_char_overlap_ = false;
  }
  if (g.unicode_length != 0) {
    if (current_ < 0) BeginWord(g);
    Glyph placed = g;
    const int r = pieces_[current_].rotation;
    // Text drawn backwards (a mirrored matrix): its glyphs are turned
    // round, each a word of its own.
    if ((r == 0 && w < 0) || (r == 1 && h < 0) || (r == 2 && w > 0) || (r == 3 && h > 0)) {
      EndWord();
      BeginWord(g);
      placed.x += w;
      placed.y += h;
      placed.dx = -w;
      placed.dy = -h;
    }
    // A glyph of several characters (a ligature) shares its advance.
    const double step_x = placed.dx / g.unicode_length, step_y = placed.dy / g.unicode_length;
    for (int i = 0; i < g.unicode_length; ++i) {
      AppendChar(&pieces_[current_], placed, placed.x + i * step_x, placed.y + i * step_y, step_x,
                 step_y, g.unicode[i]);
    }
  }
  char_pos_ += g.bytes;
}

// Copies of a word drawn over it (fake bold, drop shadows) are dropped: the
// same text with every side of its box within a fraction of the size.
void WordAssembler::DropDuplicates(Pool* pool) {
  std::vector<Piece>& pieces = *pool->pieces;
  const bool across = pool->rotation == 0 || pool->rotation == 2;
  for (int i0 = pool->min_index; i0 <= pool->max_index; ++i0) {
    for (int w0 = pool->Head(i0); w0 >= 0;) {
      const Piece& a = pieces[w0];
      const double pri = kDupPrimaryDelta * a.font_size, sec = kDupSecondaryDelta * a.font_size;
      const double dx = across ? pri : sec, dy = across ? sec : pri;
      const int last = pool->Index(a.base + sec);
      int before = -1, found = -1, found_bucket = 0;
      for (int i1 = i0; i1 <= last && found < 0; ++i1) {
        before = i1 == i0 ? w0 : -1;
        for (int w2 = i1 == i0 ? a.next : pool->Head(i1); w2 >= 0;
             before = w2, w2 = pieces[w2].next) {
          const Piece& b = pieces[w2];
          if (std::fabs(a.x0 - b.x0) < dx && std::fabs(a.x1 - b.x1) < dx &&
              std::fabs(a.y0 - b.y0) < dy && std::fabs(a.y1 - b.y1) < dy && SameText(a, b)) {
            found = w2;
            found_bucket = i1;
            break;
          }
        }
      }
      if (found < 0) {
        w0 = a.next;
        continue;
      }
      if (before >= 0) {
        pieces[before].next = pieces[found].next;
      } else {
        pool->Head(found_bucket) = pieces[found].next;
      }
      pieces[found].gone = true;
    }
  }
}

// TextOutputDev's lines: from the left-most word of the topmost baselines,
// the next word on about the same baseline, left-most first, until none is
// near enough or one lies back over the line.
void WordAssembler::BuildLines(Pool* pool, std::vector<Word>* out) {
  std::vector<Piece>& pieces = *pool->pieces;
  int first = pool->min_index;
  std::vector<int> line;
  while (true) {
    while (first <= pool->max_index && pool->Head(first) < 0) ++first;
    if (first > pool->max_index) break;
    // The left-most of the first four buckets: a line does not start at a
    // superscript.
    int start = first;
    for (int i = first + 1; i < first + 4 && i <= pool->max_index; ++i) {
      if (pool->Head(i) >= 0 &&
          pool->PrimaryCmp(pieces[pool->Head(i)], pieces[pool->Head(start)]) < 0) {
        start = i;
      }
    }
    int word = pool->Head(start);
    pool->Head(start) = pieces[word].next;
    line.assign(1, word);
    const double size = pieces[word].font_size;
    const double min_base = pieces[word].base - kIntraLineDelta * size;
    const double max_base = pieces[word].base + kIntraLineDelta * size;
    const int lo = pool->Index(min_base), hi = pool->Index(max_base);
    while (true) {
      int best = -1, best_before = -1, best_bucket = 0;
      bool overlap = false;
      for (int i = lo; !overlap && i <= hi; ++i) {
        for (int before = -1, w = pool->Head(i); w >= 0; before = w, w = pieces[w].next) {
          if (pieces[w].base < min_base || pieces[w].base > max_base) continue;
          const double delta = PrimaryDelta(pool->rotation, pieces[line.back()], pieces[w]);
          if (delta < kMinCharSpacing * size) {
            overlap = true;
          } else if (delta < kMaxWordSpacing * size &&
                     (best < 0 || pool->PrimaryCmp(pieces[w], pieces[best]) < 0)) {
            best = w;
            best_before = before;
            best_bucket = i;
          }
          break;
        }
      }
      if (overlap || best < 0) break;
      if (best_before >= 0) {
        pieces[best_before].next = pieces[best].next;
      } else {
        pool->Head(best_bucket) = pieces[best].next;
      }
      line.push_back(best);
    }
    CoalesceLine(&line, out);
  }
}

// Joins the pieces of a line that touch (one word cut by a baseline jitter
// or a duplicated glyph) and marks the words a space follows: a gap of
// 0.03 of the size, or on a letter-spaced line (all its words single
// glyphs) 1.3 times its narrowest gap, up to 0.4 of the size.
void WordAssembler::CoalesceLine(std::vector<int>* line, std::vector<Word>* out) {
  std::vector<Piece>& pieces = pieces_;
  const int rot = pieces[line->front()].rotation;
  const double size = pieces[line->front()].font_size;
  double space = kMaxCharSpacing * size;
  if (line->size() > 1) {
    double min_space = 0;
    if (pieces[(*line)[0]].length == 1 && pieces[(*line)[1]].length == 1) {
      min_space = PrimaryDelta(rot, pieces[(*line)[0]], pieces[(*line)[1]]);
      for (size_t k = 2; k < line->size() && min_space > 0; ++k) {
        if (pieces[(*line)[k]].length > 1) min_space = 0;
        min_space =
            std::min(min_space, PrimaryDelta(rot, pieces[(*line)[k - 1]], pieces[(*line)[k]]));
      }
    }
    if (min_space > 0)
      space = std::min(kWideCharSpacingMul * min_space, kMaxWideCharSpacing * size);
  }
  size_t kept = 0;
  for (size_t k = 1; k < line->size(); ++k) {
    Piece& a = pieces[(*line)[kept]];
    Piece& b = pieces[(*line)[k]];
    if (PrimaryDelta(rot, a, b) >= space) {
      a.space_after = true;
    } else if (a.last_font == b.first_font &&
               std::fabs(a.font_size - b.font_size) < kWordFontSizeDelta * size &&
               b.pos_begin == a.pos_end) {
      a.x0 = std::min(a.x0, b.x0);
      a.y0 = std::min(a.y0, b.y0);
      a.x1 = std::max(a.x1, b.x1);
      a.y1 = std::max(a.y1, b.y1);
      pieces[a.last_joined >= 0 ? a.last_joined : (*line)[kept]].joined = (*line)[k];
      a.last_joined = (*line)[k];
      a.edge_before_last = b.edge_before_last;
      a.edge_end = b.edge_end;
      a.pos_end = b.pos_end;
      a.last_font = b.last_font;
      continue;
    }
    (*line)[++kept] = (*line)[k];
  }
  line->resize(kept + 1);
  for (int index : *line) {
    const Piece& p = pieces[index];
    Word w;
    for (int part = index; part >= 0; part = pieces[part].joined) {
      const Piece& q = pieces[part];
      for (int i = 0; i < q.length; ++i) AppendUtf8(text_[q.text_begin + i], &w.text);
    }
    w.x0 = p.x0, w.y0 = p.y0, w.x1 = p.x1, w.y1 = p.y1;
    w.rotation = p.rotation;
    w.space_after = p.space_after;
    out->push_back(std::move(w));
  }
}

std::vector<Word> WordAssembler::TakeWords() {
  EndWord();
  std::vector<Word> out;
  out.reserve(pieces_.size());
  for (int rot = 0; rot < 4; ++rot) {
    Pool pool;
    pool.rotation = rot;
    pool.pieces = &pieces_;
    bool any = false;
    for (const Piece& p : pieces_) {
      if (p.rotation != rot) continue;
      const double d = p.base / kPoolStep;
      if (!(d > INT_MIN + 128 && d < INT_MAX - 128)) continue;
      const int index = static_cast<int>(d);
      if (!any) pool.min_index = pool.max_index = index;
      any = true;
      pool.min_index = std::min(pool.min_index, index);
      pool.max_index = std::max(pool.max_index, index);
    }
    if (!any) continue;
    pool.heads.assign(pool.max_index - pool.min_index + 1, -1);
    // Each bucket in order along the line, a word placed after those it
    // ties with when it follows the word placed last (TextPool::addWord).
    int cursor = -1, cursor_index = 0;
    for (int i = 0; i < static_cast<int>(pieces_.size()); ++i) {
      Piece& p = pieces_[i];
      if (p.rotation != rot) continue;
      const double d = p.base / kPoolStep;
      if (!(d > INT_MIN + 128 && d < INT_MAX - 128)) continue;
      const int index = static_cast<int>(d);
      int before = -1, after = pool.Head(index);
      if (cursor >= 0 && index == cursor_index && pool.PrimaryCmp(p, pieces_[cursor]) >= 0) {
        before = cursor;
        after = pieces_[cursor].next;
      }
      while (after >= 0 && pool.PrimaryCmp(p, pieces_[after]) > 0) {
        before = after;
        after = pieces_[after].next;
      }
      p.next = after;
      if (before >= 0) {
        pieces_[before].next = i;
      } else {
        pool.Head(index) = i;
      }
      cursor = i;
      cursor_index = index;
    }
    DropDuplicates(&pool);
    BuildLines(&pool, &out);
  }
  pieces_.clear();
  text_.clear();
  return out;
}

}  // namespace clsdb
