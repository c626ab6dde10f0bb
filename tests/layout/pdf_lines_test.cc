// Lines and segments of a PDF page on their own: words grouped by baseline
// and cut where a column gap or a drawn rule separates them.
#include "layout/pdf_lines.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "layout/page_builder.h"

namespace clsdb {
namespace {

using testing::kPitch;
using testing::PageBuilder;
using Strings = std::vector<std::string>;

std::vector<Strings> Segments(const std::vector<PdfLine>& lines) {
  std::vector<Strings> out;
  for (const PdfLine& line : lines) {
    Strings texts;
    for (const PdfSegment& s : line.segments) texts.push_back(s.text);
    out.push_back(texts);
  }
  return out;
}

TEST_CASE("BuildPdfLines groups words by baseline, top to bottom", "[layout][lines]") {
  PageBuilder p(1);
  p.Text(72, 100 + kPitch, "deuxième ligne");
  p.Text(72, 100, "Première ligne");
  std::vector<PdfLine> rotated;
  const std::vector<PdfLine> lines = BuildPdfLines(p.Done(), {}, &rotated);
  CHECK(Segments(lines) == std::vector<Strings>{{"Première ligne"}, {"deuxième ligne"}});
  CHECK(rotated.empty());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].y1 < lines[1].y0 + kPitch);
  CHECK(lines[0].segments[0].x0 == Approx(72));
}

TEST_CASE("BuildPdfLines cuts a line at a column gap", "[layout][lines]") {
  PageBuilder p(1);
  p.Text(72, 100, "Pour l'ARS");
  p.Text(320, 100, "Pour la CPAM");
  std::vector<PdfLine> rotated;
  CHECK(Segments(BuildPdfLines(p.Done(), {}, &rotated)) ==
        std::vector<Strings>{{"Pour l'ARS", "Pour la CPAM"}});
}

TEST_CASE("BuildPdfLines cuts a line where a vertical rule passes between two words",
          "[layout][lines]") {
  PageBuilder p(1);
  const double end = p.Text(72, 100, "Action");
  p.Text(end + 2, 100, "Pilote");  // closer than a space
  const RawPage page = p.Done();
  std::vector<PdfLine> rotated;
  CHECK(Segments(BuildPdfLines(page, {}, &rotated)) == std::vector<Strings>{{"Action Pilote"}});
  const double x = end + 0.5;
  CHECK(Segments(BuildPdfLines(page, {{x, 80, x, 120}}, &rotated)) ==
        std::vector<Strings>{{"Action", "Pilote"}});
  // A rule that does not cross the line's band cuts nothing.
  CHECK(Segments(BuildPdfLines(page, {{x, 200, x, 260}}, &rotated)) ==
        std::vector<Strings>{{"Action Pilote"}});
}

TEST_CASE("BuildPdfLines lays out turned words apart", "[layout][lines]") {
  PageBuilder p(1);
  p.Text(72, 100, "Texte droit");
  RawPage page = p.Done();
  Word turned = page.words.front();
  turned.text = "Marge";
  turned.rotation = 1;
  page.words.push_back(turned);
  std::vector<PdfLine> rotated;
  CHECK(Segments(BuildPdfLines(page, {}, &rotated)) == std::vector<Strings>{{"Texte droit"}});
  CHECK(Segments(rotated) == std::vector<Strings>{{"Marge"}});
}

TEST_CASE("BuildPdfLines keeps a list marker set off by a tab with its text", "[layout][lines]") {
  PageBuilder p(1);
  p.Text(72, 100, "•");
  p.Text(100, 100, "Prévenir les addictions");
  std::vector<PdfLine> rotated;
  CHECK(Segments(BuildPdfLines(p.Done(), {}, &rotated)) ==
        std::vector<Strings>{{"• Prévenir les addictions"}});
}

}  // namespace
}  // namespace clsdb
