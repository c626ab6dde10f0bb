#include "normalize/normalize.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>

#include "test_paths.h"

namespace clsdb {
namespace {

// True when s is well-formed UTF-8 (what every function here must return).
bool IsValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b < 0x80) {
      ++i;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + need >= s.size()) return false;
    for (size_t k = 1; k <= need; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return false;
    }
    i += need + 1;
  }
  return true;
}

using Case = std::tuple<std::string, std::string>;  // input, expected

// ---------------------------------------------------------------------------
// NormalizeText: characters.

TEST_CASE("NormalizeText composes to NFC", "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"e\xCC\x81t\xC3\xA9", "été"},  // e + U+0301
      Case{"E\xCC\x81"
           "cole",
           "École"},  // E + U+0301
      Case{"c\xCC\xA7"
           "a",
           "ça"},                          // c + U+0327
      Case{"\xE2\x84\xAB", "Å"},           // ANGSTROM SIGN, a canonical singleton
      Case{"d\xC3\xA9j\xC3\xA0", "déjà"},  // already NFC
      // A removed invisible must not keep a mark from its letter.
      Case{"e\xE2\x80\x8B\xCC\x81", "é"},
  }));
  CAPTURE(in);
  CHECK(NormalizeText(in) == want);
}

TEST_CASE("NormalizeText folds typographic compatibility characters", "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"\xEF\xAC\x81nancement", "financement"},  // ﬁ
      Case{"e\xEF\xAC\x80"
           "et",
           "effet"},  // ﬀ
      Case{"\xEF\xAC\x82"
           "eur",
           "fleur"},  // ﬂ
      Case{"e\xEF\xAC\x83"
           "cace",
           "efficace"},  // ﬃ
      Case{"ra\xEF\xAC\x84"
           "e",
           "raffle"},  // ﬄ
      Case{"po\xEF\xAC\x86"
           "e",
           "poste"},  // ﬆ
      Case{"po\xEF\xAC\x85"
           "e",
           "poste"},                                        // ﬅ
      Case{"\xEF\xBC\xA1\xEF\xBC\xB2\xEF\xBC\xB3", "ARS"},  // fullwidth
      Case{"\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x85", "12%"},
      Case{"\xF0\x9D\x90\x80"
           "xe",
           "Axe"},                                  // MATHEMATICAL BOLD CAPITAL A
      Case{"Axe \xE2\x85\xA1", "Axe II"},           // ROMAN NUMERAL TWO
      Case{"\xEF\x82\xB7 item", "• item"},          // Symbol-font bullet in the PUA
      Case{"\xE2\x9C\x94\xEF\xB8\x8F ok", "✔ ok"},  // variation selector dropped
  }));
  CAPTURE(in);
  CHECK(NormalizeText(in) == want);
}

TEST_CASE("NormalizeText keeps characters that carry meaning", "[normalize]") {
  auto in = GENERATE(as<std::string>{}, "10 m²", "½ journée", "nº 12", "2º", "« faire avec »",
                     "1 500 €", "etc…", "2024 – 2028", "santé — bien-être", "x³", "¹ note",
                     "→ objectif", "❖ La CARSAT", "\xEF\xBF\xBD");
  CHECK(NormalizeText(in) == in);
}

TEST_CASE("NormalizeText turns every kind of space into one space", "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"12\xC2\xA0"
           "000",
           "12 000"},  // NBSP
      Case{"12\xE2\x80\xAF"
           "000\xC2\xA0\xE2\x82\xAC",
           "12 000 €"},  // narrow NBSP, NBSP
      Case{"a\xE2\x80\x89"
           "b",
           "a b"},  // thin space
      Case{"a\xE2\x80\x83"
           "b",
           "a b"},  // em space
      Case{"a\xE3\x80\x80"
           "b",
           "a b"},  // ideographic space
      Case{"a \xC2\xA0 \xE2\x80\xAF b", "a b"},
      Case{"a\rb", "a b"},     // control characters are not text
      Case{"a\x1B b", "a b"},  // ESC
      Case{"a\xC2\x85"
           "b",
           "a\nb"},  // NEXT LINE
      Case{"a\xE2\x80\xA8"
           "b",
           "a\nb"},  // LINE SEPARATOR
  }));
  CAPTURE(in);
  CHECK(NormalizeText(in) == want);
}

TEST_CASE("NormalizeText removes soft hyphens and zero-width characters", "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"pr\xC3\xA9\xC2\xAD"
           "vention",
           "prévention"},  // soft hyphen
      Case{"a\xE2\x80\x8B"
           "b",
           "ab"},  // ZWSP
      Case{"a\xE2\x80\x8C"
           "b",
           "ab"},  // ZWNJ
      Case{"a\xE2\x80\x8D"
           "b",
           "ab"},  // ZWJ
      Case{"\xEF\xBB\xBF"
           "Article",
           "Article"},  // BOM
      Case{"a\xE2\x81\xA0"
           "b",
           "ab"},  // WORD JOINER
      Case{"a\xE2\x80\x8E"
           "b",
           "ab"},  // LEFT-TO-RIGHT MARK
  }));
  CAPTURE(in);
  CHECK(NormalizeText(in) == want);
}

TEST_CASE("NormalizeText turns typographic apostrophes into '", "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"l\xE2\x80\x99"
           "ARS",
           "l'ARS"},  // ’
      Case{"\xE2\x80\x98"
           "x",
           "'x"},  // ‘
      Case{"l\xCA\xBC"
           "ARS",
           "l'ARS"},  // ʼ
      Case{"l\xE2\x80\xB2"
           "ARS",
           "l'ARS"},  // ′
      Case{"l\xC2\xB4"
           "ARS",
           "l'ARS"},  // ´
      Case{"l'ARS", "l'ARS"},
  }));
  CAPTURE(in);
  CHECK(NormalizeText(in) == want);
}

TEST_CASE("NormalizeText maps the Unicode hyphens to '-'", "[normalize]") {
  CHECK(NormalizeText("Hauts\xE2\x80\x90"
                      "de\xE2\x80\x91"
                      "France") == "Hauts-de-France");
}

// ---------------------------------------------------------------------------
// NormalizeText: whitespace and lines.

TEST_CASE("NormalizeText collapses spaces, trims lines, keeps line breaks and tabs",
          "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"Article 1 : Objet", "Article 1 : Objet"},
      Case{"  a   b  ", "a b"},
      Case{"  a  b \n  c ", "a b\nc"},
      Case{"a\n\nb", "a\n\nb"},  // empty lines kept: line numbers must not move
      Case{"\n", "\n"},
      Case{"", ""},
      Case{"   ", ""},
      Case{"a\t\tb", "a\t\tb"},  // empty cells kept
      Case{"\t\ta", "\t\ta"},    // leading tabs are empty cells, not indentation
      Case{"a \t b", "a\tb"},    // spaces only pad a cell
      Case{"a\t", "a\t"},
      Case{"é  à\t  ç  ", "é à\tç"},
  }));
  CAPTURE(in);
  CHECK(NormalizeText(in) == want);
}

// ---------------------------------------------------------------------------
// NormalizeText: markup.

TEST_CASE("NormalizeText removes the converter markup", "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"**DELIBERATION**", "DELIBERATION"},
      Case{"- **L'agence régionale de santé**, dont", "- L'agence régionale de santé, dont"},
      Case{"***gras italique***", "gras italique"},
      Case{"<p>texte</p>", "texte"},
      Case{"<P>texte</P>", "texte"},
      Case{"<p><u>Intitulé de l'action</u></p>", "Intitulé de l'action"},
      Case{"<i>Portée par la MEM</i>.", "Portée par la MEM."},
      Case{"<b>x</b> <strong>y</strong> <em>z</em>", "x y z"},
      Case{"a<br>b", "a b"},
      Case{"a<br/>b", "a b"},
      Case{"a<br />b", "a b"},
      Case{"<p>a</p><p>b</p>", "a b"},
      Case{"<ul><li>x</li><li>y</li></ul>", "x y"},
      Case{"</p> <ul style=\"list-style-type: none\"> - pratiques", "- pratiques"},
      Case{"<span class='x>y'>z</span>", "z"},  // '>' inside a quoted attribute
      Case{"1<sup>er</sup> février", "1er février"},
      Case{"Vu l'avis de la 2^{ème} commission", "Vu l'avis de la 2ème commission"},
      Case{"le 1^{er} février", "le 1er février"},
      Case{"M^{me} X", "Mme X"},
      Case{"<p>Hugo GILARDI</p>\t<p>Frédéric LETURQUE</p>", "Hugo GILARDI\tFrédéric LETURQUE"},
  }));
  CAPTURE(in);
  CHECK(NormalizeText(in) == want);
}

TEST_CASE("NormalizeText joins the words small capitals split", "[normalize]") {
  // The capital of each word set apart from its small capitals, along a line.
  CHECK(NormalizeText("C ONTRAT L OCAL DE S ANTE DU H AUT A LLIER") ==
        "CONTRAT LOCAL DE SANTE DU HAUT ALLIER");
  CHECK(NormalizeText("\xC3\x89 TAT DES L IEUX 2019-2021") == "\xC3\x89TAT DES LIEUX 2019-2021");
  CHECK(NormalizeText("Titre : C ONTRAT L OCAL\nsuite") == "Titre : CONTRAT LOCAL\nsuite");
  // Words of one letter are words: one split-looking pair, or only "A" and
  // "Y", is not small capitals.
  CHECK(NormalizeText("AIDE A DOMICILE ET Y COMPRIS LE REPAS") ==
        "AIDE A DOMICILE ET Y COMPRIS LE REPAS");
  CHECK(NormalizeText("ANNEXE B TABLEAU DES ACTIONS") == "ANNEXE B TABLEAU DES ACTIONS");
  // Two runs of capitals, each with one pair: a lower-case word between.
  CHECK(NormalizeText("ANNEXE B TABLEAU et ANNEXE C LISTE") ==
        "ANNEXE B TABLEAU et ANNEXE C LISTE");
  CHECK(NormalizeText("Vitamine C Bio et B Forte") == "Vitamine C Bio et B Forte");
}

TEST_CASE("NormalizeText decodes HTML entities once", "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"R&amp;D", "R&D"}, Case{"a &lt; b &gt; c", "a < b > c"}, Case{"&quot;x&quot;", "\"x\""},
      Case{"l&#39;ARS", "l'ARS"}, Case{"l&apos;ARS", "l'ARS"}, Case{"12&nbsp;000", "12 000"},
      Case{"&#233;t&#xE9;", "été"}, Case{"&laquo;&nbsp;oui&nbsp;&raquo;", "« oui »"},
      Case{"&lt;p&gt;", "<p>"},      // decoded text is not markup
      Case{"&amp;lt;", "&lt;"},      // nor an entity again
      Case{"&#0;", "\xEF\xBF\xBD"},  // no NUL in text
  }));
  CAPTURE(in);
  CHECK(NormalizeText(in) == want);
}

TEST_CASE("NormalizeText leaves text that only looks like markup", "[normalize]") {
  auto in = GENERATE(as<std::string>{}, "< 18 ans", "<5%", "a < b", "a<b", "x > 3 et y < 4",
                     "<https://sirse.atlasante.fr/#c=report&chapter=p61&report=r01>", "R&D",
                     "AT&T;", "&unknown;", "x^2", "^{", "a ^{b", "*note", "a * b", "<>", "</>",
                     "<b", "<p attribut sans fin", "<toto>", "<1er>");
  CHECK(NormalizeText(in) == in);
}

// ---------------------------------------------------------------------------
// NormalizeText: robustness.

TEST_CASE("NormalizeText replaces invalid UTF-8 with U+FFFD", "[normalize]") {
  const std::string r = "\xEF\xBF\xBD";
  auto [in, want] = GENERATE_COPY(table<std::string, std::string>({
      Case{"a\xFF"
           "b",
           "a" + r + "b"},
      Case{"caf\xE9", "caf" + r},       // windows-1252 é
      Case{"\xC3", r},                  // truncated at the end
      Case{"\xC0\xAF", r + r},          // overlong '/'
      Case{"\xED\xA0\x80", r + r + r},  // surrogate
      Case{"\xE2\x82"
           "x",
           r + "x"},                            // one ill-formed piece, one U+FFFD
      Case{"\xF4\x90\x80\x80", r + r + r + r},  // above U+10FFFF
  }));
  CAPTURE(in);
  const std::string got = NormalizeText(in);
  CHECK(got == want);
  CHECK(IsValidUtf8(got));
}

TEST_CASE("NormalizeText returns valid UTF-8 for every byte pair", "[normalize]") {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 7) {
      const std::string in = {'<', static_cast<char>(a), static_cast<char>(b), '&', '*'};
      const std::string got = NormalizeText(in);
      if (!IsValidUtf8(got)) FAIL("invalid output for bytes " << a << ", " << b);
    }
  }
  SUCCEED();
}

// ---------------------------------------------------------------------------
// NormalizeCell.

TEST_CASE("NormalizeCell turns block markup into line breaks", "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"<p>a</p><p>b</p>", "a\nb"},
      Case{"<p>a</p> <p>b</p>", "a\nb"},
      Case{"a<br>b", "a\nb"},
      Case{"a<br/><br/>b", "a\nb"},  // no empty lines
      Case{"<ul><li>x</li><li>y</li></ul>", "x\ny"},
      Case{"<p><u>Intitulé de l'action</u></p>", "Intitulé de l'action"},
      Case{"<p></p>", ""},
      Case{"  a  ", "a"},
      Case{"a\n\n b", "a\nb"},
      Case{"<br>a<br>", "a"},  // no leading or trailing line break
      Case{"**x**<br>2^{ème}", "x\n2ème"},
  }));
  CAPTURE(in);
  CHECK(NormalizeCell(in) == want);
}

// ---------------------------------------------------------------------------
// BulletPrefixLength.

TEST_CASE("BulletPrefixLength measures list bullets", "[normalize]") {
  using BulletCase = std::tuple<std::string, std::string>;  // line, expected prefix
  auto [line, prefix] = GENERATE(table<std::string, std::string>({
      BulletCase{"- ❖ La Mutualité Sociale Agricole", "- ❖ "},
      BulletCase{"- ▶ Axe 1", "- ▶ "},
      BulletCase{"-  ▶ Axe 1", "-  ▶ "},
      BulletCase{"- ✓ Permettre", "- ✓ "},
      BulletCase{"• item", "• "},
      BulletCase{"❖La CARSAT", "❖"},
      BulletCase{"► x", "► "},
      BulletCase{"✔ x", "✔ "},
      BulletCase{"· x", "· "},
      BulletCase{"● x", "● "},
      BulletCase{"■ x", "■ "},
      BulletCase{"□ x", "□ "},
      BulletCase{"◆ x", "◆ "},
      BulletCase{"◇ x", "◇ "},
      BulletCase{"➢ x", "➢ "},
      BulletCase{"➤ x", "➤ "},
      BulletCase{"→ x", "→ "},
      BulletCase{"– x", "– "},
      BulletCase{"* x", "* "},
      BulletCase{"- x", "- "},
      BulletCase{"  - x", "  - "},
      BulletCase{"- - x", "- - "},
      BulletCase{"- -5%", "- "},
      BulletCase{"-5%", ""},
      BulletCase{"-toto", ""},
      BulletCase{"*note", ""},
      BulletCase{"–5", ""},
      BulletCase{"-", ""},
      BulletCase{"--", ""},
      BulletCase{"-\tx", ""},  // a table cell holding "-"
      BulletCase{"Texte", ""},
      BulletCase{"", ""},
      BulletCase{"1. Objet", ""},
  }));
  CAPTURE(line);
  CHECK(BulletPrefixLength(line) == prefix.size());
  CHECK(line.substr(0, prefix.size()) == prefix);
}

// ---------------------------------------------------------------------------
// JoinLines.

TEST_CASE("JoinLines joins with one space or mends a broken word", "[normalize]") {
  using JoinCase = std::tuple<std::string, std::string, std::string>;
  auto [first, second, want] = GENERATE(table<std::string, std::string, std::string>({
      // Plain lines.
      JoinCase{"la santé", "des habitants", "la santé des habitants"},
      JoinCase{"a ", "  b", "a b"},
      JoinCase{"", "b", "b"},
      JoinCase{"a", "", "a"},
      // A hyphen that breaks a word is dropped.
      JoinCase{"représen-", "tant", "représentant"},
      JoinCase{"Cam-", "bresienne", "Cambresienne"},
      JoinCase{"pré-", "vention,", "prévention,"},
      JoinCase{"psycho-", "sociales", "psychosociales"},            // documented limitation
      JoinCase{"pr\xC3\xA9\xE2\x80\x90", "vention", "prévention"},  // U+2010
      JoinCase{"pr\xC3\xA9\xC2\xAD", "vention", "prévention"},      // soft hyphen
      // A hyphen that belongs to a compound is kept.
      JoinCase{"Hauts-", "de-France", "Hauts-de-France"},
      JoinCase{"Avesnes-", "sur-Helpe,", "Avesnes-sur-Helpe,"},
      JoinCase{"Béthune-", "Bruay", "Béthune-Bruay"},
      JoinCase{"Saint-", "Omer", "Saint-Omer"},
      JoinCase{"COVID-", "19", "COVID-19"},
      JoinCase{"Sud-", "Élysée", "Sud-Élysée"},
      // Not a broken word: joined with a space.
      JoinCase{"les actions -", "suite", "les actions - suite"},
      JoinCase{"2024-", "2028", "2024- 2028"},
      JoinCase{"santé-", "« bien-être »", "santé- « bien-être »"},
      JoinCase{"-", "x", "- x"},
  }));
  CAPTURE(first, second);
  CHECK(JoinLines(first, second) == want);
}

// ---------------------------------------------------------------------------
// FoldForMatch.

TEST_CASE("FoldForMatch folds case, accents and punctuation", "[normalize]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      Case{"Communauté d'Agglomération", "communaute d agglomeration"},
      Case{"Communauté d’Agglomération", "communaute d agglomeration"},
      Case{"CŒUR AVESNOIS", "coeur avesnois"},
      Case{"cœur", "coeur"},
      Case{"Æ", "ae"},
      Case{"ÉCOLE – Santé !", "ecole sante"},
      Case{"  Hauts-de-France  ", "hauts de france"},
      Case{"Straße", "strasse"},
      Case{"\xEF\xAC\x81nance", "finance"},
      Case{"E\xCC\x81"
           "cole",
           "ecole"},
      Case{"**Bold**", "bold"},
      Case{"<p>Arras</p>", "arras"},
      Case{"a\tb\nc", "a b c"},
      Case{"« Faire avec » : 12 €", "faire avec 12"},
      Case{"10 m²", "10 m²"},
      Case{"", ""},
      Case{"!!!", ""},
  }));
  CAPTURE(in);
  CHECK(FoldForMatch(in) == want);
}

// ---------------------------------------------------------------------------
// The shared corpus, when present: every line normalises to valid UTF-8 with
// no markup left, and normalising twice changes nothing (the corpus has no
// entities, whose decoding is the one non-idempotent step).

TEST_CASE("NormalizeText on the shared corpus", "[normalize][corpus]") {
  if (!testing::HaveSharedCorpus()) {
    WARN("shared corpus absent; skipped");
    return;
  }
  size_t lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SharedCorpus() / "text")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      ++lines;
      const std::string once = NormalizeText(line);
      if (!IsValidUtf8(once)) FAIL(entry.path() << ": invalid UTF-8 from: " << line);
      if (NormalizeText(once) != once) FAIL(entry.path() << ": not idempotent on: " << line);
      if (once.find("**") != std::string::npos || once.find("<p>") != std::string::npos ||
          once.find("^{") != std::string::npos || once.find("\xC2\xA0") != std::string::npos) {
        FAIL(entry.path() << ": markup left in: " << once);
      }
    }
  }
  CHECK(lines > 1000);
}

}  // namespace
}  // namespace clsdb
