// mkpdf: writes a small test PDF from a line-oriented script.
//
//   mkpdf [-o OUT.pdf] [SCRIPT]      (script from stdin when absent)
//
// Script lines (coordinates in points, origin at the top left of the page
// as displayed; '#' starts a comment):
//   page W H [ROTATE]            new page (ROTATE 0/90/180/270 → /Rotate)
//   text X BASELINE SIZE WORDS…  Helvetica text
//   justify X0 X1 BASELINE SIZE WORDS…   words spread over [X0, X1]
//   line X0 Y0 X1 Y1 [WIDTH]     stroked line
//   rect X Y W H [fill]          stroked (or filled) rectangle
//   image                        a page-filling image (a scanned page)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "pdf_writer.h"

namespace {

int Usage() {
  std::cerr << "usage: mkpdf [-o OUT.pdf] [SCRIPT]\n";
  return 2;
}

// The rest of the line after `fields` whitespace-separated fields.
std::string Rest(const std::string& line, int fields) {
  size_t i = 0;
  for (int f = 0; f < fields; ++f) {
    while (i < line.size() && line[i] == ' ') ++i;
    while (i < line.size() && line[i] != ' ') ++i;
  }
  while (i < line.size() && line[i] == ' ') ++i;
  return line.substr(i);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_path;
  std::string script_path;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-o" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage();
    } else {
      script_path = arg;
    }
  }
  std::ifstream file;
  if (!script_path.empty()) {
    file.open(script_path);
    if (!file) {
      std::cerr << "mkpdf: cannot read " << script_path << "\n";
      return 1;
    }
  }
  std::istream& in = script_path.empty() ? std::cin : file;
  clsdb::mkpdf::PdfWriter pdf;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string op;
    fields >> op;
    bool ok = true;
    if (op == "page") {
      double w = 595, h = 842;
      int rotate = 0;
      fields >> w >> h;
      if (!(fields >> rotate)) rotate = 0;
      pdf.BeginPage(w, h, rotate);
    } else if (op == "text") {
      double x, y, size;
      ok = static_cast<bool>(fields >> x >> y >> size);
      if (ok) pdf.Text(x, y, size, Rest(line, 4));
    } else if (op == "justify") {
      double x0, x1, y, size;
      ok = static_cast<bool>(fields >> x0 >> x1 >> y >> size);
      if (ok) pdf.JustifiedText(x0, x1, y, size, Rest(line, 5));
    } else if (op == "line") {
      double x0, y0, x1, y1, width = 0.5;
      ok = static_cast<bool>(fields >> x0 >> y0 >> x1 >> y1);
      if (ok && !(fields >> width)) width = 0.5;
      if (ok) pdf.Line(x0, y0, x1, y1, width);
    } else if (op == "rect") {
      double x, y, w, h;
      std::string mode;
      ok = static_cast<bool>(fields >> x >> y >> w >> h);
      fields >> mode;
      if (ok) pdf.Rect(x, y, w, h, mode == "fill");
    } else if (op == "image") {
      pdf.Image();
    } else {
      ok = false;
    }
    if (!ok) {
      std::cerr << "mkpdf: line " << line_no << ": cannot parse: " << line << "\n";
      return 1;
    }
  }
  const std::string bytes = pdf.Finish();
  if (out_path.empty()) {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return std::cout ? 0 : 1;
  }
  std::ofstream out(out_path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out ? 0 : 1;
}
