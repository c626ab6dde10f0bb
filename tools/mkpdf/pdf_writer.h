// PdfWriter: writes small, valid, uncompressed PDFs for tests — Helvetica
// text placed word by word, drawn lines and rectangles, several pages,
// landscape pages (by size or by /Rotate), image-only pages.
//
// Coordinates are those of the page as displayed: points, origin at the top
// left, y growing downwards, x along the displayed width — the frame
// Poppler reports words in.  For a page with /Rotate the writer maps them
// back into the unrotated user space, so a rotated portrait page and a
// landscape page built with the same calls read the same.
//
// Text is encoded in WinAnsi (cp1252); a character outside it becomes '?'.
// Widths come from Helvetica's AFM metrics, the ones Poppler uses for the
// non-embedded standard font, so TextWidth() predicts the boxes it reports.
//
// Header-only so that tests can build PDFs in memory without a helper
// binary; tools/mkpdf/mkpdf.cc wraps it in a command-line tool.
#ifndef CLSDB_TOOLS_MKPDF_PDF_WRITER_H_
#define CLSDB_TOOLS_MKPDF_PDF_WRITER_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace clsdb::mkpdf {

class PdfWriter {
 public:
  // Starts a page of the displayed size width × height.  rotate (0, 90,
  // 180, 270) is written as /Rotate; the MediaBox is then the unrotated one.
  void BeginPage(double width = 595.0, double height = 842.0, int rotate = 0) {
    Page page;
    page.width = width;
    page.height = height;
    page.rotate = ((rotate % 360) + 360) % 360;
    pages_.push_back(std::move(page));
  }

  // Writes utf8 in Helvetica of `size` with its baseline at (x, baseline).
  // Each space-separated word is placed on its own, so word boxes do not
  // depend on the viewer's spacing.
  void Text(double x, double baseline, double size, std::string_view utf8) {
    std::string text = ToWinAnsi(utf8);
    size_t i = 0;
    double pen = x;
    while (i < text.size()) {
      if (text[i] == ' ') {
        pen += CharWidth(' ') * size / 1000.0;
        ++i;
        continue;
      }
      size_t j = text.find(' ', i);
      if (j == std::string::npos) j = text.size();
      std::string word = text.substr(i, j - i);
      PlaceWord(pen, baseline, size, word);
      pen += WinAnsiWidth(word) * size / 1000.0;
      i = j;
    }
  }

  // Writes the words of utf8 spread between x0 and x1 (justified), as a
  // word processor sets a full line of a justified paragraph.
  void JustifiedText(double x0, double x1, double baseline, double size, std::string_view utf8) {
    std::vector<std::string> words;
    std::string text = ToWinAnsi(utf8);
    size_t i = 0;
    while (i < text.size()) {
      size_t j = text.find(' ', i);
      if (j == std::string::npos) j = text.size();
      if (j > i) words.push_back(text.substr(i, j - i));
      i = j + 1;
    }
    if (words.empty()) return;
    double total = 0;
    for (const std::string& w : words) total += WinAnsiWidth(w) * size / 1000.0;
    const double gap = words.size() > 1 ? (x1 - x0 - total) / (words.size() - 1) : 0;
    double pen = x0;
    for (const std::string& w : words) {
      PlaceWord(pen, baseline, size, w);
      pen += WinAnsiWidth(w) * size / 1000.0 + gap;
    }
  }

  // A stroked straight line.
  void Line(double x0, double y0, double x1, double y1, double width = 0.5) {
    double ux0, uy0, ux1, uy1;
    ToUser(x0, y0, &ux0, &uy0);
    ToUser(x1, y1, &ux1, &uy1);
    char buf[200];
    std::snprintf(buf, sizeof buf, "q %.3f w %.3f %.3f m %.3f %.3f l S Q\n", width, ux0, uy0, ux1,
                  uy1);
    page().content += buf;
  }

  // A rectangle with top-left corner (x, y): stroked, or filled (a filled
  // thin rectangle is how some writers draw table borders).
  void Rect(double x, double y, double w, double h, bool fill = false) {
    double ax, ay, bx, by;
    ToUser(x, y, &ax, &ay);
    ToUser(x + w, y + h, &bx, &by);
    char buf[200];
    std::snprintf(buf, sizeof buf, "q 0.5 w %.3f %.3f %.3f %.3f re %s Q\n", std::min(ax, bx),
                  std::min(ay, by), std::abs(bx - ax), std::abs(by - ay), fill ? "f" : "S");
    page().content += buf;
  }

  // Paints a small grey image over the whole page: a scanned page.
  void Image() {
    page().has_image = true;
    char buf[200];
    const Page& p = page();
    const double uw = (p.rotate % 180) ? p.height : p.width;
    const double uh = (p.rotate % 180) ? p.width : p.height;
    std::snprintf(buf, sizeof buf, "q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q\n", uw, uh);
    page().content += buf;
  }

  // Appends raw content-stream operators to the current page.
  void Raw(std::string_view ops) { page().content += ops; }

  // Width of utf8 in Helvetica at `size`, in points.
  static double TextWidth(std::string_view utf8, double size) {
    return WinAnsiWidth(ToWinAnsi(utf8)) * size / 1000.0;
  }

  // The finished file.  Objects: 1 catalog, 2 page tree, 3 font, 4 image,
  // then a page and its content per page.
  std::string Finish() const {
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<size_t> offsets;
    auto begin_obj = [&](int num) {
      if (static_cast<int>(offsets.size()) < num) offsets.resize(num);
      offsets[num - 1] = out.size();
      out += std::to_string(num) + " 0 obj\n";
    };
    const int n = static_cast<int>(pages_.size());
    begin_obj(1);
    out += "<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    begin_obj(2);
    out += "<< /Type /Pages /Count " + std::to_string(n) + " /Kids [";
    for (int i = 0; i < n; ++i) out += " " + std::to_string(5 + 2 * i) + " 0 R";
    out += " ] >>\nendobj\n";
    begin_obj(3);
    out +=
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        ">>\nendobj\n";
    begin_obj(4);
    const std::string pixels(64, '\x90');
    out +=
        "<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        "/BitsPerComponent 8 /Length 64 >>\nstream\n" +
        pixels + "\nendstream\nendobj\n";
    for (int i = 0; i < n; ++i) {
      const Page& p = pages_[i];
      const double uw = (p.rotate % 180) ? p.height : p.width;
      const double uh = (p.rotate % 180) ? p.width : p.height;
      char box[120];
      std::snprintf(box, sizeof box, "[0 0 %.3f %.3f]", uw, uh);
      begin_obj(5 + 2 * i);
      out += "<< /Type /Page /Parent 2 0 R /MediaBox " + std::string(box);
      if (p.rotate != 0) out += " /Rotate " + std::to_string(p.rotate);
      out += " /Resources << /Font << /F1 3 0 R >> /XObject << /Im0 4 0 R >> >> /Contents " +
             std::to_string(6 + 2 * i) + " 0 R >>\nendobj\n";
      begin_obj(6 + 2 * i);
      out += "<< /Length " + std::to_string(p.content.size()) + " >>\nstream\n" + p.content +
             "\nendstream\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t off : offsets) {
      char line[24];
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
      out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  struct Page {
    double width = 595, height = 842;
    int rotate = 0;
    std::string content;
    bool has_image = false;
  };

  Page& page() {
    if (pages_.empty()) BeginPage();
    return pages_.back();
  }

  // Displayed (x, y from the top left) → unrotated user space, the inverse
  // of the mapping a viewer applies for /Rotate.
  void ToUser(double x, double y, double* ux, double* uy) {
    const Page& p = page();
    const double uw = (p.rotate % 180) ? p.height : p.width;
    const double uh = (p.rotate % 180) ? p.width : p.height;
    switch (p.rotate) {
      case 90:
        *ux = y;
        *uy = x;
        break;
      case 180:
        *ux = uw - x;
        *uy = y;
        break;
      case 270:
        *ux = uw - y;
        *uy = uh - x;
        break;
      default:
        *ux = x;
        *uy = uh - y;
        break;
    }
  }

  void PlaceWord(double x, double baseline, double size, const std::string& winansi) {
    double ox, oy, ax, ay, ux, uy;
    ToUser(x, baseline, &ox, &oy);
    ToUser(x + 1, baseline, &ax, &ay);  // text direction
    ToUser(x, baseline - 1, &ux, &uy);  // glyph up
    char buf[200];
    std::snprintf(buf, sizeof buf, "BT /F1 %.3f Tf %.0f %.0f %.0f %.0f %.3f %.3f Tm (", size,
                  ax - ox, ay - oy, ux - ox, uy - oy, ox, oy);
    std::string& c = page().content;
    c += buf;
    for (char ch : winansi) {
      if (ch == '(' || ch == ')' || ch == '\\') c += '\\';
      c += ch;
    }
    c += ") Tj ET\n";
  }

  static double CharWidth(unsigned char c) {
    // Helvetica AFM widths for ASCII 32..126.
    static const short kAscii[95] = {
        278,  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556,  556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667,  778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333,  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556,  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};
    if (c >= 32 && c <= 126) return kAscii[c - 32];
    switch (c) {
      case 0x80:
        return 556;  // €
      case 0x85:
        return 1000;  // …
      case 0x91:
      case 0x92:
        return 222;  // ‘ ’
      case 0x93:
      case 0x94:
        return 333;  // “ ”
      case 0x95:
        return 350;  // •
      case 0x96:
        return 556;  // –
      case 0x97:
        return 1000;  // —
      case 0x8C:
        return 1000;  // Œ
      case 0x9C:
        return 944;  // œ
      case 0xAB:
      case 0xBB:
        return 556;  // « »
      case 0xA0:
        return 278;
      case 0xC6:
        return 1000;
      case 0xE6:
        return 889;
      default:
        break;
    }
    if (c >= 0xC0 && c <= 0xC5) return 667;  // À..Å
    if (c == 0xC7) return 722;
    if (c >= 0xC8 && c <= 0xCB) return 667;
    if (c >= 0xCC && c <= 0xCF) return 278;
    if (c >= 0xD2 && c <= 0xD6) return 778;
    if (c >= 0xD9 && c <= 0xDC) return 722;
    if (c >= 0xE0 && c <= 0xE5) return 556;
    if (c == 0xE7) return 500;
    if (c >= 0xE8 && c <= 0xEB) return 556;
    if (c >= 0xEC && c <= 0xEF) return 278;
    if (c >= 0xF2 && c <= 0xF6) return 556;
    if (c >= 0xF9 && c <= 0xFC) return 556;
    return 556;
  }

  static double WinAnsiWidth(const std::string& s) {
    double w = 0;
    for (unsigned char c : s) w += CharWidth(c);
    return w;
  }

  // UTF-8 → cp1252; what cp1252 lacks becomes '?'.
  static std::string ToWinAnsi(std::string_view utf8) {
    std::string out;
    size_t i = 0;
    while (i < utf8.size()) {
      unsigned char c = utf8[i];
      std::uint32_t cp = c;
      int len = 1;
      if (c >= 0xF0 && i + 3 < utf8.size()) {
        cp = ((c & 0x07u) << 18) | ((utf8[i + 1] & 0x3Fu) << 12) | ((utf8[i + 2] & 0x3Fu) << 6) |
             (utf8[i + 3] & 0x3Fu);
        len = 4;
      } else if (c >= 0xE0 && i + 2 < utf8.size()) {
        cp = ((c & 0x0Fu) << 12) | ((utf8[i + 1] & 0x3Fu) << 6) | (utf8[i + 2] & 0x3Fu);
        len = 3;
      } else if (c >= 0xC0 && i + 1 < utf8.size()) {
        cp = ((c & 0x1Fu) << 6) | (utf8[i + 1] & 0x3Fu);
        len = 2;
      }
      i += len;
      if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
        out += static_cast<char>(cp);
        continue;
      }
      static const struct {
        std::uint32_t cp;
        unsigned char b;
      } kMap[] = {{0x20AC, 0x80}, {0x2026, 0x85}, {0x2018, 0x91}, {0x2019, 0x92},
                  {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96},
                  {0x2014, 0x97}, {0x0152, 0x8C}, {0x0153, 0x9C}};
      char b = '?';
      for (const auto& m : kMap) {
        if (m.cp == cp) b = static_cast<char>(m.b);
      }
      out += b;
    }
    return out;
  }

  std::vector<Page> pages_;
};

}  // namespace clsdb::mkpdf

#endif  // CLSDB_TOOLS_MKPDF_PDF_WRITER_H_
