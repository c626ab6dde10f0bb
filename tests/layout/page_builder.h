// Pages of words built by hand, placed as an office suite places them, for
// the tests of layout's phases (tests/layout/*_test.cc).
#ifndef CLSDB_TESTS_LAYOUT_PAGE_BUILDER_H_
#define CLSDB_TESTS_LAYOUT_PAGE_BUILDER_H_

#include <sstream>
#include <string>
#include <vector>

#include "../../tools/mkpdf/pdf_writer.h"
#include "read/reader.h"

namespace clsdb::testing {

using mkpdf::PdfWriter;

constexpr double kSize = 11;
constexpr double kPitch = 14.5;  // single line spacing of an 11 pt font

// A page of words placed as an office suite would: boxes from ascent to
// descent (0.95 and 0.35 of the size, what Poppler reports when the font
// has no metrics), Helvetica widths.
class PageBuilder {
 public:
  explicit PageBuilder(int page_no, double width = 595, double height = 842) {
    page_.page_no = page_no;
    page_.width = width;
    page_.height = height;
  }

  // Left-aligned text from x; returns where it ends.
  double Text(double x, double baseline, const std::string& text, double size = kSize) {
    for (const std::string& w : Split(text)) {
      Add(w, x, baseline, size);
      x += PdfWriter::TextWidth(w, size) + PdfWriter::TextWidth(" ", size);
    }
    return x;
  }

  // A full line of justified text: words spread over [x0, x1].
  void Justified(double x0, double x1, double baseline, const std::string& text,
                 double size = kSize) {
    const std::vector<std::string> words = Split(text);
    double total = 0;
    for (const std::string& w : words) total += PdfWriter::TextWidth(w, size);
    const double gap = words.size() > 1 ? (x1 - x0 - total) / (words.size() - 1) : 0;
    double x = x0;
    for (const std::string& w : words) {
      Add(w, x, baseline, size);
      x += PdfWriter::TextWidth(w, size) + gap;
    }
  }

  void Rule(double x0, double y0, double x1, double y1) {
    page_.rulings.push_back(RulingLine{x0, y0, x1, y1});
  }

  // A box of rules: top-left corner, size.
  void Box(double x, double y, double w, double h) {
    Rule(x, y, x + w, y);
    Rule(x, y + h, x + w, y + h);
    Rule(x, y, x, y + h);
    Rule(x + w, y, x + w, y + h);
  }

  RawPage Done() {
    page_.has_text_layer = !page_.words.empty();
    return page_;
  }

 private:
  static std::vector<std::string> Split(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
  }

  void Add(const std::string& text, double x, double baseline, double size) {
    Word w;
    w.text = text;
    w.x0 = x;
    w.x1 = x + PdfWriter::TextWidth(text, size);
    w.y0 = baseline - 0.95 * size;
    w.y1 = baseline + 0.35 * size;
    w.font_size = size;
    w.space_after = true;
    page_.words.push_back(w);
  }

  RawPage page_;
};

inline RawDocument Doc(std::vector<RawPage> pages) {
  RawDocument doc;
  doc.format = SourceFormat::kPdf;
  doc.pages = std::move(pages);
  return doc;
}

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_LAYOUT_PAGE_BUILDER_H_
