// RecognizePage: Tesseract's words, placed as Poppler places a text layer's.
//
// How a word's box is made: Tesseract's word boxes hug the ink ("un" is as
// tall as its x-height, "Pâques" reaches from accent to descender), so
// layout/ would see a different font size on every word and break lines
// and paragraphs.  Instead every word of a line gets the line's baseline
// and the line's font size (from Tesseract's row model: x-height,
// ascenders and descenders), and a box from ascent to descent around that
// baseline as Poppler gives it (see kBoxHeightPerPoint in pdf_reader.cc).
#include "read/ocr.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <memory>

namespace clsdb {

namespace {

using Clock = std::chrono::steady_clock;

// Poppler's word box spans about 0.95 of the font size above the baseline
// and 0.35 below (pdf_reader.cc: kBoxHeightPerPoint = 1.3).
constexpr double kAscent = 0.95, kDescent = 0.35;
// Tesseract's row height (x-height + ascenders + descenders) in font sizes,
// measured on 10-12 pt office fonts scanned at 200-300 dpi.
constexpr double kRowHeightPerPoint = 0.92;
// A page whose mean confidence is below this is checked for upside-down
// text by Tesseract's orientation detection (OSD, a second model), which
// costs too much to run on every page.
constexpr double kCheckOrientationBelow = 70;
// The orientation detector must be at least this sure before a page is
// turned (its confidence is a log-likelihood ratio; 2 is what Tesseract's
// own command line documentation calls reliable).
constexpr float kOrientationConfidence = 2.0f;
// A word of symbols only is kept above this confidence.
constexpr float kSureOfSymbol = 60;

// Tesseract's OpenMP loops ask for several threads each (num_threads(4) in
// its LSTM code), which omp_set_num_threads cannot lower and which makes a
// page 3 to 7 times slower on two cores already used by the workers
// (measured: 2.8 s a page with one thread, 21 s with two).  With no active
// parallel level allowed, every region runs on the calling thread alone.
// The symbol is looked up at run time so that clsdb links no OpenMP runtime
// itself: libgomp is there when Tesseract was built with it, and when it was
// not, there is nothing to limit.
void OneOpenMpThread() {
  static const bool done = [] {
    using SetInt = void (*)(int);
    if (auto f = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"))) f(0);
    if (auto f = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_dynamic"))) f(0);
    // Leptonica reports on stderr what it recovers from ("box outside
    // rectangle" on a page's edge); a batch's terminal is no place for it.
    setMsgSeverity(L_SEVERITY_NONE);
    return true;
  }();
  (void)done;
}

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

PixPtr ToPix(const GreyImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return nullptr;
  const int wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const std::uint8_t* src = image.pixels.data() + static_cast<size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  pixSetResolution(pix.get(), static_cast<int>(image.dpi), static_cast<int>(image.dpi));
  return pix;
}

// One engine per thread: loading the French model costs about 0.2 s, and a
// TessBaseAPI is not to be shared between threads.
struct Engines {
  tesseract::TessBaseAPI text;
  tesseract::TessBaseAPI osd;
  bool text_ready = false, osd_ready = false;
  bool text_tried = false, osd_tried = false;
};

Engines& ThreadEngines() {
  thread_local Engines engines;
  return engines;
}

tesseract::TessBaseAPI* TextEngine() {
  Engines& e = ThreadEngines();
  if (!e.text_tried) {
    e.text_tried = true;
    OneOpenMpThread();
    e.text_ready = e.text.Init(nullptr, "fra", tesseract::OEM_LSTM_ONLY) == 0;
    if (e.text_ready) {
      // Tesseract prints "Estimating resolution" and the like on stderr.
      e.text.SetVariable("debug_file", "/dev/null");
      // Tesseract looks for vertical lines of text, and finds them in the
      // left edge of a bulleted list, whose words it then reads down the
      // column.  These documents print no vertical text; a page scanned
      // sideways reads with a low confidence and is turned whole.
      e.text.SetVariable("textord_tabfind_vertical_text", "0");
    }
  }
  return e.text_ready ? &e.text : nullptr;
}

tesseract::TessBaseAPI* OsdEngine() {
  Engines& e = ThreadEngines();
  if (!e.osd_tried) {
    e.osd_tried = true;
    OneOpenMpThread();
    e.osd_ready = e.osd.Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) == 0;
    if (e.osd_ready) {
      e.osd.SetVariable("debug_file", "/dev/null");
      e.osd.SetPageSegMode(tesseract::PSM_OSD_ONLY);
    }
  }
  return e.osd_ready ? &e.osd : nullptr;
}

int MillisecondsLeft(Clock::time_point deadline) {
  if (deadline == Clock::time_point::max()) return 1 << 30;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::clamp<long long>(left.count(), 0, 1 << 30));
}

Status TimedOut() {
  return Status::Unavailable("OCR went past the document's time limit (--doc-timeout)");
}

// Tesseract reads a table's border or a stamp's box as a word of spaces,
// and specks of a noisy scan as '|', '_' or '.': a word with no letter and
// no digit is kept only when it is punctuation that stands alone in French
// text (": 0 voix", "- item", "«") and Tesseract is sure of it.
bool LooksLikeText(const char* text, float confidence) {
  bool alnum = false, punctuation = false, other = false;
  for (const char* p = text; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (std::isalnum(c)) {
      alnum = true;
    } else if (c >= 0x80) {
      // «, », –, •, °, € are punctuation here; accented letters are words,
      // but they never come alone without confidence either.
      punctuation = true;
    } else if (std::strchr(":;,.!?()-/%&*+", c) != nullptr) {
      punctuation = true;
    } else if (c > ' ') {
      other = true;  // '|', '_', '~', quotes alone: rules and specks
    }
  }
  if (alnum) return true;
  return punctuation && !other && confidence >= kSureOfSymbol;
}

// Tesseract's row model is fitted line by line, and lines of one paragraph
// come out a fifth apart in size, which layout/ takes for a change of
// style.  A line within a quarter of the page's usual size takes the usual
// size (the median, by characters); headings and small print keep theirs.
// Then each word gets its box around the baseline (words hold it in y0).
// Call it last: it may drop words, and line_starts no longer hold then.
void SettleLineSizes(const std::vector<size_t>& line_starts, std::vector<Word>* words) {
  std::vector<std::pair<double, size_t>> sizes;  // size, characters
  size_t total = 0;
  for (size_t k = 0; k + 1 < line_starts.size(); ++k) {
    size_t chars = 0;
    for (size_t i = line_starts[k]; i < line_starts[k + 1]; ++i) chars += (*words)[i].text.size();
    if (line_starts[k] < line_starts[k + 1]) {
      sizes.push_back({(*words)[line_starts[k]].font_size, chars});
      total += chars;
    }
  }
  std::sort(sizes.begin(), sizes.end());
  double usual = 0;
  size_t seen = 0;
  for (const auto& [size, chars] : sizes) {
    seen += chars;
    if (2 * seen >= total) {
      usual = size;
      break;
    }
  }
  for (size_t k = 0; k + 1 < line_starts.size(); ++k) {
    for (size_t i = line_starts[k]; i < line_starts[k + 1]; ++i) {
      Word& w = (*words)[i];
      if (usual > 0 && std::fabs(w.font_size - usual) < 0.25 * usual) w.font_size = usual;
      const double baseline = w.y0;
      w.y0 = baseline - kAscent * w.font_size;
      w.y1 = baseline + kDescent * w.font_size;
    }
  }
  // A column of bullets (❖) or a seal can come as one "line" of a few signs
  // ten lines tall ("+644"): no heading is set so large with so little, and
  // layout/ would take it for a column of the lines it spans.
  if (usual > 0) {
    for (size_t k = 0; k + 1 < line_starts.size(); ++k) {
      size_t chars = 0;
      for (size_t i = line_starts[k]; i < line_starts[k + 1]; ++i) chars += (*words)[i].text.size();
      if (line_starts[k] == line_starts[k + 1] || chars > 8 ||
          (*words)[line_starts[k]].font_size < 3 * usual) {
        continue;
      }
      for (size_t i = line_starts[k]; i < line_starts[k + 1]; ++i) (*words)[i].text.clear();
    }
    std::erase_if(*words, [](const Word& w) { return w.text.empty(); });
  }
}

// Tesseract reads a list's bullet (•, ❖, ▪) as a letter or sign of its
// own: "e la Communauté …", "° la CARSAT".  A one-character word of those
// at the start of a line, narrow and set apart from the next word by more
// than a space, is a bullet, and layout/ must see one to keep the list.
void RestoreBullet(std::vector<Word>* words, size_t begin, size_t end) {
  if (end - begin < 2) return;
  Word& first = (*words)[begin];
  static const char* const kMisreadBullets[] = {"e", "o", "°", "+", "*", "©", "¢", "»", "•"};
  bool misread = false;
  for (const char* b : kMisreadBullets) misread = misread || first.text == b;
  if (!misread) return;
  const Word& next = (*words)[begin + 1];
  const double em = std::max(1.0, first.font_size);
  if (first.x1 - first.x0 > 0.8 * em || next.x0 - first.x1 < 0.5 * em) return;
  first.text = "\u2022";
}

// A speck at the left of a line is often read as an opening quote glued to
// its first word ("“Assistant également …"), which hides the word from the
// rules; a quote that no other quote in the line closes is dropped.
void DropStrayOpeningQuote(std::vector<Word>* words, size_t begin, size_t end) {
  if (begin >= end) return;
  std::string& first = (*words)[begin].text;
  static const char* const kOpen[] = {"\u201C", "\"", "\u2018", "'"};
  for (const char* open : kOpen) {
    const size_t n = std::strlen(open);
    if (first.size() <= n || first.compare(0, n, open) != 0) continue;
    for (size_t k = begin; k < end; ++k) {
      const std::string& t = (*words)[k].text;
      const size_t from = k == begin ? n : 0;
      for (const char* close : {"\u201D", "\"", "\u2019", "'", "\u00BB"}) {
        if (t.find(close, from) != std::string::npos) return;
      }
    }
    first.erase(0, n);
    return;
  }
}

// Runs Tesseract's recognition of pix, within the deadline.
Status Recognize(tesseract::TessBaseAPI* api, Pix* pix, double dpi, Clock::time_point deadline) {
  api->SetPageSegMode(tesseract::PSM_AUTO);
  api->SetImage(pix);
  api->SetSourceResolution(static_cast<int>(dpi));
  const int ms = MillisecondsLeft(deadline);
  if (ms <= 0) return TimedOut();
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(ms);
  const int rc = api->Recognize(&monitor);
  if (monitor.deadline_exceeded() || Clock::now() >= deadline) {
    api->Clear();
    return TimedOut();
  }
  if (rc != 0) {
    api->Clear();
    return Status::Internal("Tesseract could not read the page image");
  }
  return Status::OK();
}

// The font size, in pixels, of the line the iterator is in.
double LineSizePx(const tesseract::ResultIterator& it) {
  float row_height = 0, descenders = 0, ascenders = 0;
  it.RowAttributes(&row_height, &descenders, &ascenders);
  int l, t, r, b;
  it.BoundingBox(tesseract::RIL_TEXTLINE, &l, &t, &r, &b);
  const double size_px = row_height / kRowHeightPerPoint;
  // A row model fitted on a few blobs can be far off; the line's box is
  // then the better guess.
  const double box_size = (b - t) / kRowHeightPerPoint;
  return size_px > 0.5 * box_size && size_px < 1.5 * box_size ? size_px : box_size;
}

// The page's clockwise quarter turns (1 or 3), -1 or 0, as ReadWords says,
// from the characters read in each block orientation and the words' shapes.
int SidewaysOf(const size_t chars_by_orientation[4], int tall_words, int wide_words) {
  const size_t total = chars_by_orientation[0] + chars_by_orientation[1] + chars_by_orientation[2] +
                       chars_by_orientation[3];
  for (int o : {1, 3}) {
    // Measured on pages turned on purpose (tests/read/ocr_test.cc): a
    // block's orientation is the clockwise turn that sets it upright.
    if (2 * chars_by_orientation[o] > total) return o;
  }
  // With vertical text finding on, Tesseract would read lines of sideways
  // text in place and call their blocks upright; their words stand taller
  // than wide.  Kept as a guard should a page still come so.
  if (tall_words > 2 * wide_words && tall_words >= 5) return -1;
  return 0;
}

// Reads pix; the words in points, in the frame of pix.  *sideways: the
// clockwise quarter turns that would make most of the text upright, as
// Tesseract's layout analysis found its blocks (1 or 3), -1 when most words
// stand on end but which way is not known, else 0 (upside-down text is not
// told here: it reads with a low confidence instead).
Result<OcrPage> ReadWords(tesseract::TessBaseAPI* api, Pix* pix, double dpi,
                          Clock::time_point deadline, int* sideways) {
  *sideways = 0;
  if (Status s = Recognize(api, pix, dpi, deadline); !s.ok()) return s;
  const double pt = 72.0 / dpi;
  OcrPage out;
  out.width = pixGetWidth(pix) * pt;
  out.height = pixGetHeight(pix) * pt;
  double confidence_sum = 0;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (it) {
    const auto kWord = tesseract::RIL_WORD, kLine = tesseract::RIL_TEXTLINE;
    int bx1 = 0, by1 = 0, bx2 = 1, by2 = 0;
    double size_px = 0;
    std::vector<size_t> line_starts;
    size_t chars_by_orientation[4] = {0, 0, 0, 0};
    int tall_words = 0, wide_words = 0;
    int orientation = 0;
    do {
      if (it->Empty(kWord)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) {
        tesseract::Orientation o;
        tesseract::WritingDirection direction;
        tesseract::TextlineOrder order;
        float deskew = 0;
        it->Orientation(&o, &direction, &order, &deskew);
        orientation = static_cast<int>(o) & 3;
      }
      if (it->IsAtBeginningOf(kLine) || size_px <= 0) {
        if (!it->Baseline(kLine, &bx1, &by1, &bx2, &by2)) bx1 = by1 = by2 = 0, bx2 = 1;
        size_px = LineSizePx(*it);
      }
      std::unique_ptr<char[]> text(it->GetUTF8Text(kWord));
      if (!text) continue;
      int l, t, r, b;
      if (!it->BoundingBox(kWord, &l, &t, &r, &b)) continue;
      const float confidence = it->Confidence(kWord);
      if (!LooksLikeText(text.get(), confidence)) continue;
      const double cx = (l + r) / 2.0;
      const double baseline =
          bx2 != bx1 ? by1 + (by2 - by1) * (cx - bx1) / static_cast<double>(bx2 - bx1) : b;
      Word w;
      w.text = text.get();
      w.x0 = l * pt;
      w.x1 = r * pt;
      w.y0 = baseline * pt;  // the box is made once the line's size is settled
      w.y1 = baseline * pt;
      w.font_size = size_px * pt;
      w.space_after = !it->IsAtFinalElement(kLine, kWord);
      if (it->IsAtBeginningOf(kLine) || out.words.empty()) line_starts.push_back(out.words.size());
      confidence_sum += confidence;
      chars_by_orientation[orientation] += w.text.size();
      if (w.text.size() >= 4) {
        if (b - t > 2 * (r - l)) ++tall_words;
        if (r - l > b - t) ++wide_words;
      }
      out.words.push_back(std::move(w));
    } while (it->Next(kWord));
    line_starts.push_back(out.words.size());
    for (size_t k = 0; k + 1 < line_starts.size(); ++k) {
      DropStrayOpeningQuote(&out.words, line_starts[k], line_starts[k + 1]);
      RestoreBullet(&out.words, line_starts[k], line_starts[k + 1]);
    }
    SettleLineSizes(line_starts, &out.words);
    *sideways = SidewaysOf(chars_by_orientation, tall_words, wide_words);
  }
  api->Clear();
  if (!out.words.empty()) out.mean_confidence = confidence_sum / out.words.size();
  return out;
}

// The clockwise quarter turns that make the page upright, per Tesseract's
// orientation detection; 0 when it is not sure.
int UprightTurns(Pix* pix, double dpi) {
  tesseract::TessBaseAPI* osd = OsdEngine();
  if (osd == nullptr) return 0;
  osd->SetImage(pix);
  osd->SetSourceResolution(static_cast<int>(dpi));
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found =
      osd->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  osd->Clear();
  if (!found || confidence < kOrientationConfidence) return 0;
  // DetectOrientationScript gives how far the text is turned clockwise
  // (measured on pages turned on purpose, tests/read/ocr_test.cc): turning
  // the image back is the rest of a full turn.
  return ((360 - degrees) / 90) % 4;
}

}  // namespace

Result<OcrPage> RecognizePage(const GreyImage& image, Clock::time_point deadline) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<size_t>(image.width) * image.height) {
    return Status::Internal("OCR given an empty or inconsistent image");
  }
  tesseract::TessBaseAPI* api = TextEngine();
  if (api == nullptr) {
    return Status::Unsupported(
        "OCR unavailable: Tesseract's French model could not be loaded (tesseract-ocr-fra)");
  }
  PixPtr pix = ToPix(image);
  if (!pix) return Status::Unavailable("no memory for the page image");
  // A scan a degree or two askew puts a line's words at different heights;
  // straightened, a line is a line for layout/ too.
  if (PixPtr straight{pixDeskew(pix.get(), 0)}) pix = std::move(straight);

  int sideways = 0;
  Result<OcrPage> page = ReadWords(api, pix.get(), image.dpi, deadline, &sideways);
  if (!page.ok()) return page;
  // Sideways text, Tesseract reads well but in the page's frame, where
  // layout/ would find columns of one word; upside-down text it reads as
  // garbage.  Either way the page is turned and read again.
  std::vector<int> tries;
  if (sideways > 0) {
    tries = {sideways};
  } else if (sideways < 0 || page->mean_confidence < kCheckOrientationBelow) {
    if (const int turns = UprightTurns(pix.get(), image.dpi); turns != 0) {
      tries = {turns};
    } else if (sideways < 0) {
      tries = {1, 3};  // the detector is unsure: the better read decides
    }
  }
  for (int turns : tries) {
    PixPtr turned(pixRotateOrth(pix.get(), turns));
    if (!turned) continue;
    int still_sideways = 0;
    Result<OcrPage> again = ReadWords(api, turned.get(), image.dpi, deadline, &still_sideways);
    if (!again.ok()) return again;
    if (still_sideways != 0 || again->mean_confidence <= page->mean_confidence) continue;
    again->quarter_turns = turns;
    page = std::move(again);
    sideways = 0;  // upright now: a second try must beat it
  }
  return page;
}

}  // namespace clsdb
