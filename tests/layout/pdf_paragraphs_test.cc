// Paragraphs from one column's lines, on lines placed by hand: when a line
// goes on with the paragraph above, and how the two are joined.
#include "layout/pdf_paragraphs.h"

#include <catch2/catch.hpp>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "layout/page_builder.h"

namespace clsdb {
namespace {

using testing::kPitch;
using testing::kSize;
const ColumnFrame kFrame{72, 523, 0.25};

// Lines of one column, top to bottom, one baseline pitch apart unless told.
class Column {
 public:
  // A line from x0 to x1 whose first word is first_word wide.
  Column& Line(const std::string& text, double x0, double x1, double first_word = 40,
               double size = kSize, double extra_gap = 0) {
    baseline_ += extra_gap;
    PdfSegment s;
    s.text = text;
    s.x0 = x0;
    s.x1 = x1;
    s.y0 = baseline_ - 0.95 * size;
    s.y1 = baseline_ + 0.35 * size;
    s.core_y0 = s.y0;
    s.core_y1 = s.y1;
    s.font_size = size;
    s.first_word_width = first_word;
    segments_.push_back(s);
    baseline_ += kPitch;
    return *this;
  }
  // A line that runs to the column's right edge.
  Column& Full(const std::string& text, double first_word = 40) {
    return Line(text, kFrame.x0, kFrame.x1, first_word);
  }

  std::vector<PdfParagraph> Paragraphs(const ColumnFrame& frame = kFrame) const {
    std::vector<const PdfSegment*> lines;
    for (const PdfSegment& s : segments_) lines.push_back(&s);
    return BuildParagraphs(lines, frame);
  }

 private:
  std::deque<PdfSegment> segments_;  // stable addresses
  double baseline_ = 100;
};

std::vector<std::string> Texts(const std::vector<PdfParagraph>& ps) {
  std::vector<std::string> out;
  for (const PdfParagraph& p : ps) out.push_back(p.text);
  return out;
}

TEST_CASE("BuildParagraphs joins full lines and ends a paragraph at a short one",
          "[layout][paragraphs]") {
  Column c;
  c.Full("Le contrat local de santé est conclu entre les parties")
      .Line("signataires ci-dessous.", 72, 200)  // short: the paragraph ends here
      .Full("Il porte sur la période 2024-2028");
  CHECK(Texts(c.Paragraphs()) ==
        std::vector<std::string>{
            "Le contrat local de santé est conclu entre les parties signataires ci-dessous.",
            "Il porte sur la période 2024-2028"});
}

TEST_CASE("BuildParagraphs keeps a short line going when the next word would not have fit",
          "[layout][paragraphs]") {
  Column c;
  // 60 points left on the line, the next line's first word is 90 wide.
  c.Line("La Communauté de communes du Sud-Avesnois et", 72, 463)
      .Line("l'Agence régionale de santé", 72, 250, 90);
  CHECK(Texts(c.Paragraphs()) ==
        std::vector<std::string>{
            "La Communauté de communes du Sud-Avesnois et l'Agence régionale de santé"});
}

TEST_CASE("BuildParagraphs undoes a word's hyphenation and keeps compounds",
          "[layout][paragraphs]") {
  Column c;
  c.Full("Les représen-").Line("tants des Hauts-", 72, 523).Line("de-France signent.", 72, 200);
  CHECK(Texts(c.Paragraphs()) ==
        std::vector<std::string>{"Les représentants des Hauts-de-France signent."});
}

TEST_CASE("BuildParagraphs starts a paragraph at a bullet and takes the bullet off",
          "[layout][paragraphs]") {
  Column c;
  c.Line("• Prévenir les addictions", 72, 300).Line("• Favoriser l'accès aux soins", 72, 300);
  const std::vector<PdfParagraph> ps = c.Paragraphs();
  REQUIRE(ps.size() == 2);
  CHECK(ps[0].bullet);
  CHECK(ps[0].marker == "•");
  CHECK(ps[0].text == "Prévenir les addictions");
  CHECK(ps[1].text == "Favoriser l'accès aux soins");
}

TEST_CASE("BuildParagraphs starts a paragraph at a new size or a wide gap",
          "[layout][paragraphs]") {
  Column c;
  c.Line("ARTICLE 2 - OBJET", 72, 523, 40, 14)
      .Full("Le présent contrat a pour objet")
      .Line("de définir les actions.", 72, 523, 40, kSize, /*extra_gap=*/12);
  CHECK(Texts(c.Paragraphs()) == std::vector<std::string>{"ARTICLE 2 - OBJET",
                                                          "Le présent contrat a pour objet",
                                                          "de définir les actions."});
}

TEST_CASE("BuildParagraphs weighs a gap against the normal gap of its own text size",
          "[layout][paragraphs]") {
  // The document's lines mostly nearly touch (another font's taller boxes),
  // but this size's lines sit 0.4 of a size apart: that is their normal
  // spacing, not a paragraph break.
  const std::map<long, double> by_size{{SizeKey(kSize), 0.4}};
  const ColumnFrame frame{kFrame.x0, kFrame.x1, 0.05, &by_size};
  CHECK(NormalGapEm(frame, kSize) == Approx(0.4));
  CHECK(NormalGapEm(frame, 14) == Approx(0.05));
  Column c;
  c.Full("Le conseil municipal s'est réuni sous la présidence de Madame Anne")
      .Line("PETIT, maire.", 72, 150, 40, kSize, /*extra_gap=*/4.2)
      .Line("Présents : Mme Anne PETIT", 72, 300, 40, kSize, /*extra_gap=*/12);
  CHECK(Texts(c.Paragraphs(frame)) ==
        std::vector<std::string>{
            "Le conseil municipal s'est réuni sous la présidence de Madame Anne PETIT, maire.",
            "Présents : Mme Anne PETIT"});
  // Without the per-size figure the same gap is wider than the document's.
  CHECK(Texts(c.Paragraphs(ColumnFrame{kFrame.x0, kFrame.x1, 0.05})).size() == 3);
}

TEST_CASE("BuildParagraphs reports what a page break join needs", "[layout][paragraphs]") {
  Column c;
  c.Full("Le contrat est signé pour cinq ans et pourra être pro-", 30);
  const std::vector<PdfParagraph> ps = c.Paragraphs();
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].ends_with_hyphen);
  CHECK(ps[0].font_size == Approx(kSize));
  CHECK(ps[0].first_word_width == Approx(30));
  CHECK(ps[0].end_room == Approx(0));
  CHECK(ps[0].bottom == Approx(100 + 0.35 * kSize));
}

}  // namespace
}  // namespace clsdb
