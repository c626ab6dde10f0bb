// WordAssembler: glyphs cut into words where Poppler's TextOutputDev cuts
// them, duplicates dropped, touching pieces of a line joined.
#include "read/pdf_words.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace clsdb {
namespace {

constexpr double kSize = 10;
const int kFont = 0;  // its address stands for a font

// Draws glyphs from (x, y), each advancing by its width.
struct Pen {
  WordAssembler* words;
  double x, y;
  double advance = 5;
  const void* font = &kFont;
  double size = kSize;

  void Glyph(std::uint32_t u, double width) {
    clsdb::Glyph g;
    g.x = x;
    g.y = y;
    g.dx = width;
    g.font = font;
    g.font_size = size;
    g.unicode = &u;
    g.unicode_length = 1;
    words->AddGlyph(g);
    x += width;
  }
  void Text(const std::string& ascii) {
    for (char c : ascii) Glyph(static_cast<unsigned char>(c), advance);
  }
};

std::vector<Word> Page(void (*draw)(WordAssembler*)) {
  WordAssembler words;
  words.StartPage(600, 800);
  draw(&words);
  return words.TakeWords();
}

TEST_CASE("a space and a wide gap cut words, a space is said", "[pdf_words]") {
  const std::vector<Word> words = Page([](WordAssembler* a) {
    Pen pen{a, 100, 100};
    pen.Text("le conseil");
    pen.x += 8;  // a wide gap, no space glyph
    pen.Text("vote");
  });
  REQUIRE(words.size() == 3);
  CHECK(words[0].text == "le");
  CHECK(words[0].space_after);
  CHECK(words[1].text == "conseil");
  CHECK(words[1].space_after);
  CHECK(words[2].text == "vote");
  CHECK_FALSE(words[2].space_after);
  // The box spans the glyphs' advance and the font's ascent to descent.
  CHECK(words[0].x0 == Approx(100));
  CHECK(words[0].x1 == Approx(110));
  CHECK(words[0].y0 == Approx(100 - 9.5));
  CHECK(words[0].y1 == Approx(100 + 3.5));
}

TEST_CASE("a gap past one and a half sizes ends the line: no space is said", "[pdf_words]") {
  // Layout judges such a gap itself (a column, a tab).
  const std::vector<Word> words = Page([](WordAssembler* a) {
    Pen pen{a, 100, 100};
    pen.Text("Pour");
    pen.x += 20;
    pen.Text("12");
  });
  REQUIRE(words.size() == 2);
  CHECK(words[0].text == "Pour");
  CHECK_FALSE(words[0].space_after);
}

TEST_CASE("a word drawn twice over itself (fake bold) is kept once", "[pdf_words]") {
  const std::vector<Word> words = Page([](WordAssembler* a) {
    Pen first{a, 100, 100};
    first.Text("Article");
    Pen again{a, 100.3, 100};
    again.Text("Article");
  });
  REQUIRE(words.size() == 1);
  CHECK(words[0].text == "Article");
}

TEST_CASE("a spacing accent drawn over its letter combines with it", "[pdf_words]") {
  const std::vector<Word> words = Page([](WordAssembler* a) {
    Pen pen{a, 100, 100};
    pen.Text("d");
    pen.Glyph('e', 5);
    pen.x -= 5;  // the acute accent over the e, drawn with no advance
    pen.Glyph(0xB4, 5);
    pen.Text("cide");
  });
  REQUIRE(words.size() == 1);
  CHECK(words[0].text ==
        "de\xCC\x81"
        "cide");
}

TEST_CASE("letter-spaced capitals are joined where the gap is narrowest", "[pdf_words]") {
  const std::vector<Word> words = Page([](WordAssembler* a) {
    Pen pen{a, 100, 100};
    // Each letter 2 points after the last (a word each at first), the
    // words 6 points apart.
    for (const char* word : {"CLS", "SANTE"}) {
      for (const char* c = word; *c; ++c) {
        pen.Glyph(static_cast<unsigned char>(*c), 5);
        pen.x += 2;
      }
      pen.x += 4;
    }
  });
  REQUIRE(words.size() == 2);
  CHECK(words[0].text == "CLS");
  CHECK(words[0].space_after);
  CHECK(words[1].text == "SANTE");
}

TEST_CASE("a new size or a new baseline starts a word", "[pdf_words]") {
  const std::vector<Word> words = Page([](WordAssembler* a) {
    Pen pen{a, 100, 100};
    pen.Text("2");
    pen.size = 6;
    pen.y = 96;
    pen.Text("e");
  });
  REQUIRE(words.size() == 2);
  CHECK(words[0].text == "2");
  CHECK_FALSE(words[0].space_after);
  CHECK(words[1].text == "e");
}

TEST_CASE("glyphs off the page are no words", "[pdf_words]") {
  const std::vector<Word> words = Page([](WordAssembler* a) {
    Pen pen{a, 700, 100};
    pen.Text("hors");
  });
  CHECK(words.empty());
}

}  // namespace
}  // namespace clsdb
