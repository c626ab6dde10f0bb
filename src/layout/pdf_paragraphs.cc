#include "layout/pdf_paragraphs.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

#include "normalize/normalize.h"

namespace clsdb {

namespace {

bool EndsWithHyphen(const std::string& s) { return !s.empty() && s.back() == '-'; }

// Does the hyphen set apart at the end of `prev` break a word that `next`
// completes?  Measured on office exports, an inserted hyphen sits within
// 0.21 of the size from its word and a dash between words ("CCSA - CPTS")
// at a space's width, 0.22 and more: the margin is thin, so a capital
// after the break (a name, "BLAN -" + "CHART") asks for a clearer gap.
bool BreaksWord(const PdfSegment& prev, std::string_view next) {
  if (prev.hyphen_gap < 0 || !StartsWithLetter(next)) return false;
  return prev.hyphen_gap < (StartsLowercase(next) ? 0.215 : 0.18);
}

// Centred text (titles) has room on both sides; the room that counts for
// "would the next word have fit" is then the whole free width.
bool Centred(const PdfSegment& s, const ColumnFrame& f) {
  const double width = f.x1 - f.x0;
  if (width <= 0) return false;
  const double left = s.x0 - f.x0, right = f.x1 - s.x1;
  return left > 0.08 * width && std::fabs(left - right) < 0.04 * width + 2;
}

}  // namespace

double NormalGapEm(const ColumnFrame& frame, double size) {
  if (frame.line_gap_em_by_size != nullptr) {
    auto it = frame.line_gap_em_by_size->find(SizeKey(size));
    if (it != frame.line_gap_em_by_size->end()) return it->second;
  }
  return frame.line_gap_em;
}

bool StartsLowercase(std::string_view text) {
  if (text.empty()) return false;
  UChar32 c;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), 8));
  U8_NEXT(text.data(), i, n, c);
  return c >= 0 && u_islower(c);
}

bool StartsWithLetter(std::string_view text) {
  if (text.empty()) return false;
  UChar32 c;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), 8));
  U8_NEXT(text.data(), i, n, c);
  return c >= 0 && u_isalpha(c);
}

std::vector<PdfParagraph> BuildParagraphs(const std::vector<const PdfSegment*>& lines,
                                          const ColumnFrame& frame) {
  std::vector<PdfParagraph> out;
  const PdfSegment* prev = nullptr;
  bool prev_first = false;  // prev was the first line of its paragraph
  for (const PdfSegment* line : lines) {
    if (line->text.empty()) continue;
    const size_t bullet = BulletPrefixLength(line->text);
    bool fresh = prev == nullptr || bullet > 0;
    // A bullet alone on its line takes the next line as its text.
    const bool after_lone_bullet = !out.empty() && out.back().bullet && out.back().text.empty();
    if (!fresh && !after_lone_bullet) {
      const double size = std::max(1.0, std::max(line->font_size, prev->font_size));
      const double gap = LineGap(*prev, *line);
      if (std::fabs(line->font_size - prev->font_size) > 0.12 * size) {
        fresh = true;
      } else if (gap > (NormalGapEm(frame, line->font_size) + 0.3) * size || gap < -0.5 * size) {
        fresh = true;
      } else if (!EndsWithHyphen(prev->text)) {
        double room = frame.x1 - prev->x1;
        if (Centred(*prev, frame) && Centred(*line, frame)) {
          room = (frame.x1 - frame.x0) - (prev->x1 - prev->x0);
        }
        // The first word plus a space, with a little slack for rounding.
        fresh = room > line->first_word_width + 0.25 * size + 1.5;
      }
      if (!fresh && !prev_first && line->x0 < prev->x0 - 0.5 * size) fresh = true;
      // A list item's wrapped lines hang under its text, right of the bullet.
      if (!fresh && prev_first && out.back().bullet && line->x0 < prev->x0 + 0.3 * size) {
        fresh = true;
      }
    }
    if (fresh) {
      PdfParagraph p;
      p.bullet = bullet > 0;
      p.marker = line->text.substr(0, bullet);
      while (!p.marker.empty() && p.marker.back() == ' ') p.marker.pop_back();
      p.text = line->text.substr(bullet);
      p.font_size = line->font_size;
      p.first_word_width = line->first_word_width;
      out.push_back(std::move(p));
      prev_first = true;
    } else {
      std::string& text = out.back().text;
      if (BreaksWord(*prev, line->text) && text.size() >= 2 &&
          text.compare(text.size() - 2, 2, " -") == 0) {
        // "représen -" + "tant", "BLAN -" + "CHART": one word, whatever
        // its case (JoinLines keeps a hyphen before a capital).
        text.erase(text.size() - 2);
        text += line->text;
      } else {
        text = JoinLines(text, line->text);
      }
      prev_first = false;
    }
    out.back().end_room = frame.x1 - line->x1;
    out.back().ends_with_hyphen = EndsWithHyphen(line->text);
    out.back().bottom = line->y1;
    out.back().line_height = line->y1 - line->y0;
    prev = line;
  }
  // A bullet that found no text says nothing.
  out.erase(
      std::remove_if(out.begin(), out.end(), [](const PdfParagraph& p) { return p.text.empty(); }),
      out.end());
  return out;
}

}  // namespace clsdb
