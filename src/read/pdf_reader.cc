// ParsePdfInProcess (ParsePdf's work, run inside the PDF module: see
// pdf_reader.h): one interpretation of each page by Poppler's core library gives
// both its words and its ruling lines.
//
// Poppler's core (PDFDoc, Gfx, OutputDev; Debian's libpoppler-private-dev)
// runs the page's content streams once and calls an OutputDev for every
// glyph and every painted path.  PageCollector is that OutputDev: it turns
// glyphs into the words (boxes, spaces, rotation) the layout stage was tuned
// on, cut as Poppler's TextOutputDev cuts them (pdf_words.h), and it keeps
// the straight strokes and thin filled rectangles of the page as ruling
// lines (table borders), in the same device coordinates as the words: what
// Poppler draws, including form XObjects, with its own parser, decoders and
// error recovery doing the work on hostile input.
//
// poppler-cpp is only opened for the pages OCR has to render (pdf_ocr.cc).
#include "read/pdf_reader.h"

#include <poppler/Annot.h>
#include <poppler/Catalog.h>
#include <poppler/Gfx.h>
#include <poppler/GfxFont.h>
#include <poppler/GlobalParams.h>
#include <poppler/OutputDev.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>
#include <poppler/UTF.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "read/pdf_ocr.h"
#include "read/pdf_words.h"
#include "read/reader.h"

namespace clsdb {

namespace {

using Clock = std::chrono::steady_clock;

// Poppler prints its own diagnostics on stderr; a batch run wants them in
// the document's error, not interleaved on the terminal.
void QuietPoppler(ErrorCategory, Goffset, const char*) {}

// Poppler's core needs its global parameters (font tables, text encoding)
// while any document is open.  poppler-cpp creates and destroys them as its
// documents come and go (counted by GlobalParamsIniter); one initer held for
// the life of the process keeps them alive for both.
void InitPoppler() {
  static const GlobalParamsIniter* initer = new GlobalParamsIniter(QuietPoppler);
  (void)initer;
}

// UTF-16 code units to UTF-8; unpaired surrogates become U+FFFD.
std::string Utf16ToUtf8(const std::vector<std::uint32_t>& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  for (size_t i = 0; i < s.size(); ++i) {
    std::uint32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
        s[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    }
    AppendUtf8(c, &out);
  }
  return out;
}

// A PDF text string (the Info dictionary's /Title): UTF-16 behind a byte
// order mark, else one byte per character, as poppler-cpp decoded it.
std::string TextStringToUtf8(const GooString& s) {
  const std::string& bytes = s.toStr();
  const bool le = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
                  static_cast<unsigned char>(bytes[1]) == 0xFE;
  const bool be = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
                  static_cast<unsigned char>(bytes[1]) == 0xFF;
  std::vector<std::uint32_t> units;
  if (le || be) {
    for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
      const std::uint32_t a = static_cast<unsigned char>(bytes[i]);
      const std::uint32_t b = static_cast<unsigned char>(bytes[i + 1]);
      units.push_back(le ? (b << 8 | a) : (a << 8 | b));
    }
  } else {
    for (unsigned char c : bytes) units.push_back(c);
  }
  return Utf16ToUtf8(units);
}

// Word::font_size is estimated from the box: Poppler's word box spans the
// font's ascent to descent, 0.95 + 0.35 of the size for fonts without usable
// metrics (the embedded fonts of office exports; the standard 14 fonts give
// a smaller box).  Layout only compares sizes within a document, and its
// thresholds were tuned on this estimate.
constexpr double kBoxHeightPerPoint = 1.3;

// A page's ruling lines past this many are not table borders (a drawing, a
// hatched map); the rest are dropped.
constexpr size_t kMaxRulingsPerPage = 20000;

// The OutputDev of a page: its glyphs assembled into words, the straight
// lines of painted paths for the rulings, and where raster images are drawn
// (a scanned page is one; a born-digital page's are logos).
//
// One collector serves the consecutive pages one Gfx draws (PageDrawer):
// each page starts afresh in startPage.
class PageCollector : public OutputDev {
 public:
  // The displayed page's size, for ImageShare.
  void SetPageSize(double width, double height) {
    page_width_ = width;
    page_height_ = height;
  }

  std::vector<RulingLine> TakeRulings() { return std::move(rulings_); }
  // The page's words, once it has ended.
  std::vector<Word> TakeWords() { return words_.TakeWords(); }

  // Whether an ActualText span was left open by the page's content.
  bool InActualText() const { return actual_text_.has_value(); }

  // As TextOutputDev: device space with y down, glyphs reported one by one
  // with the unicode their font maps them to, Type 3 glyphs not run.
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needCharCount() override { return true; }

  // A page ends with nothing to do: its words are taken after (TakeWords),
  // and Gfx's destructor, which ends it again, changes nothing.
  void startPage(int, GfxState* state, XRef*) override {
    image_area_ = 0;
    rulings_.clear();
    fonts_.clear();
    words_.StartPage(state ? state->getPageWidth() : 0, state ? state->getPageHeight() : 0);
  }

  void updateFont(GfxState* state) override { SetFont(state); }
  void restoreState(GfxState* state) override { SetFont(state); }
  void incCharCount(int n) override { words_.SkipCharacters(n); }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double, double,
                CharCode c, int bytes, const Unicode* u, int length) override {
    if (actual_text_) {
      // Within an ActualText span the glyphs only say where its text goes.
      if (actual_bytes_ == 0) actual_x0_ = x, actual_y0_ = y;
      actual_x1_ = x + dx;
      actual_y1_ = y + dy;
      actual_bytes_ += bytes;
      return;
    }
    AddGlyph(state, x, y, dx, dy, c, bytes, u, length);
  }
  void beginActualText(GfxState*, const GooString* text) override {
    actual_text_ = text ? text->toStr() : std::string();
    actual_bytes_ = 0;
  }
  // The span's text takes the place of its glyphs, as one glyph over them.
  void endActualText(GfxState* state) override {
    if (!actual_text_) return;
    if (actual_bytes_ > 0) {
      Unicode* text = nullptr;
      const int length = TextStringToUCS4(*actual_text_, &text);
      AddGlyph(state, actual_x0_, actual_y0_, actual_x1_ - actual_x0_, actual_y1_ - actual_y0_, 0,
               actual_bytes_, text, length);
      gfree(text);
    }
    actual_text_.reset();
    actual_bytes_ = 0;
  }

  // The share of the page's area that raster images cover, 0 to 1
  // (overlapping images count twice, up to 1).
  double ImageShare() const {
    const double page = page_width_ * page_height_;
    return page > 0 ? std::min(1.0, image_area_ / page) : 0;
  }

  // Images are wanted for where they are (their pixels are never decoded);
  // patterns and shadings are skipped, as painting them would only feed
  // Fill with a pattern's cells.
  bool needNonText() override { return true; }
  bool useTilingPatternFill() override { return true; }
  bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int, int, int,
                         int, double, double) override {
    return true;
  }
  bool useShadedFills(int) override { return true; }
  bool functionShadedFill(GfxState*, GfxFunctionShading*) override { return true; }
  bool axialShadedFill(GfxState*, GfxAxialShading*, double, double) override { return true; }
  bool radialShadedFill(GfxState*, GfxRadialShading*, double, double) override { return true; }
  bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading*) override { return true; }
  bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading*) override { return true; }

  // OutputDev's own versions skip an inline image's bytes; an image object's
  // stream is left unread.
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert,
                     bool interpolate, bool inline_image) override {
    AddImage(state);
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                 GfxImageColorMap* color_map, bool interpolate, const int* mask_colors,
                 bool inline_image) override {
    AddImage(state);
    OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors,
                         inline_image);
  }
  void drawMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool,
                       Stream*, int, int, bool, bool) override {
    AddImage(state);
  }
  void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool,
                           Stream*, int, int, GfxImageColorMap*, bool) override {
    AddImage(state);
  }

  void stroke(GfxState* state) override {
    const GfxPath* path = state->getPath();
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      if (Curved(*sub)) continue;
      for (int k = 1; k < sub->getNumPoints(); ++k) {
        AddRuling(Device(state, *sub, k - 1), Device(state, *sub, k));
      }
    }
  }

  void fill(GfxState* state) override { Fill(state); }
  void eoFill(GfxState* state) override { Fill(state); }

 private:
  struct Point {
    double x, y;
  };

  // The font glyphs are now drawn in, as TextOutputDev's TextPage sees it.
  void SetFont(GfxState* state) {
    const std::shared_ptr<GfxFont>& font = state->getFont();
    font_ = font.get();
    // Held for the page, as TextOutputDev holds them: a font freed and
    // another made at its address must not pass for the same.
    if (font_ && std::find(fonts_.begin(), fonts_.end(), font) == fonts_.end()) {
      fonts_.push_back(font);
    }
    ascent_ = font_ ? font_->getAscent() : 0.95;
    descent_ = font_ ? font_->getDescent() : -0.35;
    vertical_ = font_ && font_->getWMode() != 0;
    font_size_ = state->getTransformedFontSize();
    if (font_ && font_->getType() == fontType3) font_size_ *= Type3SizeFactor(*font_);
  }

  // A Type 3 font's glyph space is unknown without drawing its glyphs:
  // TextOutputDev guesses it from the width of 'm', else of a letter, else
  // of any glyph.
  static double Type3SizeFactor(const GfxFont& font) {
    const auto& f = static_cast<const Gfx8BitFont&>(font);
    int m_code = -1, letter_code = -1, any_code = -1;
    for (int code = 0; code < 256; ++code) {
      const char* name = f.getCharName(code);
      const bool one_char = name && name[0] != '\0' && name[1] == '\0';
      if (one_char && name[0] == 'm') m_code = code;
      if (letter_code < 0 && one_char &&
          ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'))) {
        letter_code = code;
      }
      if (any_code < 0 && name && f.getWidth(static_cast<unsigned char>(code)) > 0) any_code = code;
    }
    double factor = 1, w = 0;
    if (m_code >= 0 && (w = f.getWidth(static_cast<unsigned char>(m_code))) > 0) {
      factor = w / 0.6;
    } else if (letter_code >= 0 && (w = f.getWidth(static_cast<unsigned char>(letter_code))) > 0) {
      factor = w / 0.5;
    } else if (any_code >= 0 && (w = f.getWidth(static_cast<unsigned char>(any_code))) > 0) {
      factor = w / 0.5;
    }
    const double* fm = font.getFontMatrix();
    if (fm[0] != 0) factor *= std::fabs(fm[3] / fm[0]);
    return factor;
  }

  // The quarter turns of text drawn with the state's font matrix.
  struct RotationSource {
    const PageCollector* collector;
    const GfxState* state;
  };
  static int RotationOf(const void* source) {
    const auto* s = static_cast<const RotationSource*>(source);
    return s->collector->Rotation(s->state);
  }

  int Rotation(const GfxState* state) const {
    double m[4];
    state->getFontTransMat(&m[0], &m[1], &m[2], &m[3]);
    if (font_ && font_->getType() == fontType3) {
      const double* f = font_->getFontMatrix();
      const double m0 = f[0] * m[0] + f[1] * m[2], m1 = f[0] * m[1] + f[1] * m[3];
      const double m2 = f[2] * m[0] + f[3] * m[2], m3 = f[2] * m[1] + f[3] * m[3];
      m[0] = m0, m[1] = m1, m[2] = m2, m[3] = m3;
    }
    int rot = 0;
    if (std::fabs(m[0] * m[3]) > std::fabs(m[1] * m[2])) {
      rot = (m[0] > 0 || m[3] < 0) ? 0 : 2;
    } else {
      rot = (m[2] > 0) ? 1 : 3;
    }
    // Vertical writing turns the line a quarter.
    if (vertical_) rot = (rot + 1) & 3;
    return rot;
  }

  // A glyph in device space, its advance without the character and word
  // spacing (which would make every glyph end where the next begins).
  void AddGlyph(GfxState* state, double x, double y, double dx, double dy, CharCode c, int bytes,
                const Unicode* u, int length) {
    double spacing = state->getCharSpace();
    if (c == static_cast<CharCode>(0x20)) spacing += state->getWordSpace();
    double sx, sy;
    state->textTransformDelta(spacing * state->getHorizScaling(), 0, &sx, &sy);
    Glyph g;
    state->transformDelta(dx - sx, dy - sy, &g.dx, &g.dy);
    state->transform(x, y, &g.x, &g.y);
    const RotationSource source{this, state};
    g.rotation_of = &RotationOf;
    g.source = &source;
    g.font = font_;
    g.ascent = ascent_;
    g.descent = descent_;
    g.vertical = vertical_;
    g.font_size = font_size_;
    g.bytes = bytes;
    g.unicode = u;
    g.unicode_length = length;
    words_.AddGlyph(g);
  }

  static bool Curved(const GfxSubpath& sub) {
    for (int k = 0; k < sub.getNumPoints(); ++k) {
      if (sub.getCurve(k)) return true;
    }
    return false;
  }

  static Point Device(const GfxState* state, const GfxSubpath& sub, int k) {
    Point p;
    state->transform(sub.getX(k), sub.getY(k), &p.x, &p.y);
    return p;
  }

  // A straight horizontal or vertical segment at least 2 points long.
  void AddRuling(Point p, Point q) {
    if (rulings_.size() >= kMaxRulingsPerPage) return;
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(q.x) || !std::isfinite(q.y)) {
      return;  // a degenerate matrix of a damaged file
    }
    const double dx = std::fabs(p.x - q.x), dy = std::fabs(p.y - q.y);
    const bool horizontal = dy < 0.6 && dx >= 2.0;
    const bool vertical = dx < 0.6 && dy >= 2.0;
    if (!horizontal && !vertical) return;
    RulingLine r;
    r.x0 = std::min(p.x, q.x);
    r.x1 = std::max(p.x, q.x);
    r.y0 = std::min(p.y, q.y);
    r.y1 = std::max(p.y, q.y);
    if (horizontal) r.y0 = r.y1 = (p.y + q.y) / 2;
    if (vertical) r.x0 = r.x1 = (p.x + q.x) / 2;
    rulings_.push_back(r);
  }

  // Thin filled rectangles are borders (Word and others draw them so);
  // wider ones are cell shading.
  void Fill(const GfxState* state) {
    const GfxPath* path = state->getPath();
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      if (Curved(*sub)) continue;
      std::vector<Point> pts;
      for (int k = 0; k < sub->getNumPoints() && k < 6; ++k) pts.push_back(Device(state, *sub, k));
      if (pts.size() == 5 && std::fabs(pts[4].x - pts[0].x) < 0.01 &&
          std::fabs(pts[4].y - pts[0].y) < 0.01) {
        pts.pop_back();  // closed: the last point repeats the first
      }
      if (pts.size() != 4) continue;
      double x0 = pts[0].x, x1 = pts[0].x, y0 = pts[0].y, y1 = pts[0].y;
      for (const Point& p : pts) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
      }
      // Every corner must sit on the box: an axis-aligned rectangle.
      bool axis = true;
      for (const Point& p : pts) {
        const bool on_x = std::fabs(p.x - x0) < 0.01 || std::fabs(p.x - x1) < 0.01;
        const bool on_y = std::fabs(p.y - y0) < 0.01 || std::fabs(p.y - y1) < 0.01;
        axis = axis && on_x && on_y;
      }
      if (!axis) continue;
      const double w = x1 - x0, h = y1 - y0;
      if (h <= 2.5 && w >= 4.0) {
        AddRuling({x0, (y0 + y1) / 2}, {x1, (y0 + y1) / 2});
      } else if (w <= 2.5 && h >= 4.0) {
        AddRuling({(x0 + x1) / 2, y0}, {(x0 + x1) / 2, y1});
      }
    }
  }

  // An image fills the unit square of its matrix: its box on the page.
  void AddImage(const GfxState* state) {
    double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
    for (const auto& [ux, uy] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
      double x, y;
      state->transform(ux, uy, &x, &y);
      if (!std::isfinite(x) || !std::isfinite(y)) return;  // a degenerate matrix
      x0 = std::min(x0, x);
      x1 = std::max(x1, x);
      y0 = std::min(y0, y);
      y1 = std::max(y1, y);
    }
    const double w = std::min(x1, page_width_) - std::max(x0, 0.0);
    const double h = std::min(y1, page_height_) - std::max(y0, 0.0);
    if (w > 0 && h > 0) image_area_ += w * h;
  }

  double page_width_ = 0, page_height_ = 0;
  double image_area_ = 0;
  std::vector<RulingLine> rulings_;
  WordAssembler words_;
  const GfxFont* font_ = nullptr;
  std::vector<std::shared_ptr<GfxFont>> fonts_;
  double ascent_ = 0.95, descent_ = -0.35, font_size_ = 0;
  bool vertical_ = false;
  std::optional<std::string> actual_text_;
  int actual_bytes_ = 0;
  double actual_x0_ = 0, actual_y0_ = 0, actual_x1_ = 0, actual_y1_ = 0;
};

// The page's words, line by line; a word's size is read from its box.
void TakeWords(PageCollector* out, RawPage* raw) {
  raw->words = out->TakeWords();
  std::erase_if(raw->words, [](Word& w) {
    // Placed by a degenerate matrix: nowhere on the page.
    if (!std::isfinite(w.x0) || !std::isfinite(w.y0) || !std::isfinite(w.x1) ||
        !std::isfinite(w.y1)) {
      return true;
    }
    // Vertical text: the box's width is the glyph height.
    const double height = (w.rotation % 2 == 0) ? w.y1 - w.y0 : w.x1 - w.x0;
    w.font_size = height / kBoxHeightPerPoint;
    return false;
  });
}

struct Deadline {
  Clock::time_point at;
};
bool PastDeadline(void* data) { return Clock::now() >= static_cast<Deadline*>(data)->at; }

// Interprets pages as PDFDoc::displayPageSlice does (72 dpi, no rotation of
// our own, the crop box, the page's annotations drawn as a viewer shows
// them), but consecutive pages that name one resource dictionary (an
// indirect object: office exports give every page the same) and have the
// same boxes and rotation are drawn by one Gfx.  Poppler builds a page's
// fonts from its resources each time a Gfx is made: on the 168-page shared
// PDF that was a fifth of reading it.  A Gfx's base state is what its
// constructor set up, each page is drawn between saveState and
// restoreState, and what a page could leave behind that reaches the next
// one starts a new Gfx: optional content (its visibility lives in the Gfx)
// and an ActualText span left open.
class PageDrawer {
 public:
  PageDrawer(PDFDoc* doc, Deadline* deadline)
      : doc_(doc),
        deadline_(deadline),
        optional_content_(doc->getCatalog()->getOptContentConfig() != nullptr) {}

  // Draws page page_no into the collector it returns, whose page has ended
  // (its words and rulings are ready to take).
  PageCollector* Draw(int page_no, Page* page, double width, double height) {
    const Key key = KeyOf(page);
    const bool reuse = gfx_ && key.shared && key_.shared && key == key_ && !optional_content_ &&
                       !collector_->InActualText();
    if (reuse) {
      GfxState* state = gfx_->getState();
      collector_->startPage(page_no, state, doc_->getXRef());
      collector_->setDefaultCTM(state->getCTM());
      collector_->updateAll(state);
    } else {
      gfx_.reset();  // its page has already ended
      collector_ = std::make_unique<PageCollector>();
      gfx_.reset(page->createGfx(collector_.get(), 72, 72, 0, /*useMediaBox=*/false,
                                 /*crop=*/false, -1, -1, -1, -1, /*printing=*/false, PastDeadline,
                                 deadline_, nullptr));
    }
    key_ = key;
    collector_->SetPageSize(width, height);
    page->display(gfx_.get());
    for (Annot* annot : page->getAnnots()->getAnnots()) annot->draw(gfx_.get(), false);
    collector_->endPage();
    return collector_.get();
  }

 private:
  struct Key {
    bool shared = false;  // the resources are one indirect object
    Ref resources = Ref::INVALID();
    PDFRectangle media, crop;
    int rotate = 0;
    bool operator==(const Key& o) const {
      return resources == o.resources && media == o.media && crop == o.crop && rotate == o.rotate;
    }
  };

  // What makes two pages' Gfx the same; not shared when the page's
  // resources are not one indirect object named by its own dictionary.
  Key KeyOf(Page* page) const {
    Key key;
    Object dict = doc_->getXRef()->fetch(page->getRef());
    if (!dict.isDict()) return key;
    const Object& resources = dict.dictLookupNF("Resources");
    if (!resources.isRef()) return key;
    key.shared = true;
    key.resources = resources.getRef();
    key.media = *page->getMediaBox();
    key.crop = *page->getCropBox();
    key.rotate = page->getRotate();
    return key;
  }

  PDFDoc* doc_;
  Deadline* deadline_;
  bool optional_content_;
  Key key_;
  // The Gfx holds the collector: it goes first.
  std::unique_ptr<PageCollector> collector_;
  std::unique_ptr<Gfx> gfx_;
};

}  // namespace

Result<RawDocument> ParsePdfInProcess(const std::string& bytes, const ReadOptions& options) {
  InitPoppler();
  if (bytes.compare(0, 5, "%PDF-") != 0 && bytes.find("%PDF-") > 1024) {
    return Status::Corruption("not a PDF (no %PDF- header)");
  }
  // A file cut short still opens in Poppler, which rebuilds what it can and
  // silently drops the rest; a missing end marker is the reliable sign.
  const size_t tail = bytes.size() > 2048 ? bytes.size() - 2048 : 0;
  if (bytes.find("%%EOF", tail) == std::string::npos) {
    return Status::Corruption("truncated PDF (no %%EOF marker at the end)");
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return Status::LimitExceeded("PDF larger than 2 GiB");
  }
  // MemStream reads the caller's bytes in place; PDFDoc owns the stream.
  auto* stream = new MemStream(const_cast<char*>(bytes.data()), 0,
                               static_cast<Goffset>(bytes.size()), Object(objNull));
  auto doc = std::make_unique<PDFDoc>(stream);
  if (!doc->isOk()) {
    if (doc->getErrorCode() == errEncrypted) {
      return Status::Unsupported("encrypted PDF: a user password is required");
    }
    return Status::Corruption("Poppler could not open the PDF (damaged or truncated)");
  }
  RawDocument out;
  if (std::unique_ptr<GooString> title = doc->getDocInfoTitle()) {
    out.meta_title = TextStringToUtf8(*title);
  }
  const int n = doc->getNumPages();
  if (n <= 0) return Status::Corruption("PDF has no pages");
  if (n > options.max_pages) {
    return Status::LimitExceeded("PDF has " + std::to_string(n) + " pages, over the limit of " +
                                 std::to_string(options.max_pages));
  }
  Deadline deadline{options.time_limit_seconds > 0
                        ? Clock::now() + std::chrono::milliseconds(static_cast<long long>(
                                             std::min(options.time_limit_seconds, 1e9) * 1000))
                        : Clock::time_point::max()};

  // OCR renders pages through poppler-cpp, opened on the same bytes the
  // first time a page needs it.
  std::unique_ptr<poppler::document> render_doc;
  bool render_doc_tried = false;
  std::unique_ptr<poppler::page> render_page;
  int render_page_index = -1;

  PageDrawer drawer(doc.get(), &deadline);
  out.pages.reserve(n);
  for (int i = 0; i < n; ++i) {
    RawPage raw;
    raw.page_no = i + 1;
    Page* page = doc->getPage(i + 1);
    if (!page) {
      raw.has_text_layer = false;
      out.pages.push_back(std::move(raw));
      continue;
    }
    const PDFRectangle* box = page->getCropBox();
    raw.width = box->x2 - box->x1;
    raw.height = box->y2 - box->y1;
    if (page->getRotate() == 90 || page->getRotate() == 270) {
      std::swap(raw.width, raw.height);  // displayed sideways
    }
    // Device coordinates are points from the displayed page's top left
    // corner.
    PageCollector& collector = *drawer.Draw(i + 1, page, raw.width, raw.height);
    if (PastDeadline(&deadline)) {
      return Status::Unavailable("page " + std::to_string(i + 1) +
                                 ": reading went past the document's time limit (--doc-timeout)");
    }
    TakeWords(&collector, &raw);
    raw.rulings = collector.TakeRulings();
    raw.has_text_layer = !raw.words.empty();

    auto page_for_rendering = [&]() -> const poppler::page* {
      if (!render_doc_tried) {
        render_doc_tried = true;
        render_doc.reset(
            poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
      }
      if (!render_doc) return nullptr;
      if (render_page_index != i) {
        render_page.reset(render_doc->create_page(i));
        render_page_index = i;
      }
      return render_page.get();
    };
    if (Status s = OcrPdfPage(page_for_rendering, options, deadline.at, collector.ImageShare(),
                              &raw, &out.diagnostics);
        !s.ok()) {
      return s;
    }
    out.pages.push_back(std::move(raw));
  }
  return out;
}

}  // namespace clsdb
