#include "identity/identity.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

namespace clsdb {
namespace {

// Four paragraphs of an article, as a converter writes them: one line each.
const char* const kText =
    "Article 4 : Gouvernance du contrat local de santé\n"
    "Le comité de pilotage réunit les représentants de l'Agence régionale de santé, de la "
    "Communauté de communes du Sud Artois, du Département du Pas-de-Calais et de la Caisse "
    "primaire d'assurance maladie. Il se réunit au moins une fois par an.\n"
    "Le comité technique prépare ses travaux, suit l'avancement des fiches actions et propose "
    "les ajustements nécessaires au regard des indicateurs d'évaluation.\n"
    "La coordinatrice du contrat anime la démarche, organise les groupes de travail "
    "thématiques et assure le lien avec les partenaires du territoire.\n";

// The same text as a PDF gives it: lines cut at another width, words
// hyphenated at line ends, a ligature, other spacing, a page break with a
// page number, and bullets.
const char* const kAsPdf =
    "ARTICLE 4 : GOUVERNANCE DU CONTRAT LOCAL DE SANTÉ\n"
    "Le comité de pilotage réunit les représen-\n"
    "tants de l'Agence régionale de santé, de la Communauté de communes du Sud  Artois,\n"
    "du Département du Pas-de-Calais et de la Caisse primaire d'assurance maladie.\n"
    "Il se réunit au moins une fois par an.\n"
    "• Le comité technique prépare ses travaux, suit l'avancement des ﬁches ac-\n"
    "   tions et propose les ajustements nécessaires au regard des indicateurs d'évaluation.\n";
const char* const kAsPdfPage2 =
    "- La coordinatrice du contrat anime la démarche, organise les groupes de travail thé-\n"
    "matiques et assure le lien avec les partenaires du territoire.\n";

// Another contract of the same template: the same articles, another
// territory, other bodies, another rhythm.
const char* const kOtherContract =
    "Article 4 : Gouvernance du contrat local de santé\n"
    "Le comité de pilotage réunit les représentants de l'Agence régionale de santé, de la "
    "Communauté d'agglomération de Lens-Liévin, de la Ville de Lens et de la Mutualité sociale "
    "agricole. Il se réunit deux fois par an, en juin et en décembre.\n"
    "Un comité restreint prépare ses réunions et arbitre les priorités de financement des "
    "actions inscrites au plan, avec l'appui des services de l'État.\n"
    "Le chargé de mission santé coordonne la mise en œuvre, rédige le bilan annuel et "
    "représente le contrat auprès du conseil territorial de santé.\n";

TEST_CASE("words join a word hyphenated at a line end, fold case and ligatures", "[identity]") {
  CHECK(ContentWords("représen-\n  tants") == std::vector<std::string>{"représentants"});
  CHECK(ContentWords("ﬁches ACTIONS, « Santé »") ==
        std::vector<std::string>{"fiches", "actions", "santé"});
  // A hyphen inside a line is a separator, as any punctuation.
  CHECK(ContentWords("Pas-de-Calais") == std::vector<std::string>{"pas", "de", "calais"});
  CHECK(ContentWords("- ❖ 2025 **x**") == std::vector<std::string>{"2025", "x"});
}

// Pieces a text is made of, for the comparison below: ASCII, the letters
// and punctuation of French texts, what NFKC changes (ligatures, circled and
// superscript digits, fractions, no-break spaces, ª), what composes with the
// character before it (combining accents, the long solidus, Hangul jamo),
// what case folding expands (ß, İ, ŉ), other scripts, pictographs and bytes
// that are not UTF-8.
const char* const kPieces[] = {
    "a",
    "Z",
    "e",
    "9",
    " ",
    "\n",
    "-",
    "'",
    ".",
    "é",
    "É",
    "à",
    "ç",
    "Œ",
    "œ",
    "Ÿ",
    "ÿ",
    "ß",
    "İ",
    "ŉ",
    "µ",
    "ª",
    "²",
    "½",
    "×",
    "\xc2\xa0",
    "’",
    "«",
    "»",
    "–",
    "…",
    "•",
    "ﬁ",
    "①",
    "™",
    "\xcc\x81",
    "\xcc\xa7",
    "\xcc\xb8",
    "\xe1\x84\x80",
    "\xe1\x85\xa1",
    "Σ",
    "ς",
    "Ω",
    "Ǆ",
    "ǅ",
    "❖",
    "😀",
    "\x80",
    "\xc3",
    "\xe2\x80",
    "\xff",
    "\xed\xa0\x80",
    "\xef\xbc\xa1",
    "\xe2\x80\xaf",
    "\xe2\x81\xb0",
    "Å",
};

TEST_CASE("words without ICU are the words of NFKC and case folding over the whole text",
          "[identity]") {
  // Every code point below U+2100 alone, after a letter and before a
  // combining accent.
  for (std::uint32_t c = 1; c < 0x2100; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string ch;
    if (c < 0x80) {
      ch = static_cast<char>(c);
    } else if (c < 0x800) {
      ch = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    } else {
      ch = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
            static_cast<char>(0x80 | (c & 0x3F))};
    }
    for (const std::string& text : {ch, "A" + ch + "b", "e" + ch + "\xcc\x81x", ch + "\xcc\x81"}) {
      INFO("U+" << std::hex << c);
      REQUIRE(ContentWords(text) == ContentWordsByIcu(text));
    }
  }
  // Texts of random pieces (a fixed sequence: the test is the same each run).
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  for (int t = 0; t < 3000; ++t) {
    std::string text;
    const size_t pieces = 1 + next() % 24;
    for (size_t p = 0; p < pieces; ++p) text += kPieces[next() % std::size(kPieces)];
    INFO("text: " << text);
    REQUIRE(ContentWords(text) == ContentWordsByIcu(text));
  }
  CHECK(ContentWords("L’ÉTÉ ½ ﬁn Straße") ==
        std::vector<std::string>{"l", "été", "1", "2", "fin", "strasse"});
}

TEST_CASE("the PDF of a text is the same content; another contract is not", "[identity]") {
  const ContentFingerprint text = FingerprintPages({kText});
  const ContentFingerprint pdf = FingerprintPages({kAsPdf, "12\n" + std::string(kAsPdfPage2)});
  const ContentFingerprint other = FingerprintPages({kOtherContract});
  REQUIRE(text.shingles > 0);
  REQUIRE(text.minhash.size() == static_cast<size_t>(kMinHashSlots));
  REQUIRE(text.bands.size() == static_cast<size_t>(kBands));
  // Only the page number "12" differs: two shingles of about 95.
  const double same = EstimatedSimilarity(text, pdf);
  INFO("same content " << same);
  CHECK(same >= 0.9);
  const double differ = EstimatedSimilarity(text, other);
  INFO("another contract " << differ);
  CHECK(differ < kSameContentThreshold);
  CHECK(differ < 0.3);
  // Deterministic: the same text, the same fingerprint (stored ones are
  // compared with new ones, runs apart).
  CHECK(FingerprintPages({kText}).minhash == text.minhash);
  CHECK(FingerprintPages({kText}).bands == text.bands);
  // Near ones share a band key, so the look-up finds them.
  int shared = 0;
  for (int b = 0; b < kBands; ++b) shared += text.bands[b] == pdf.bands[b];
  CHECK(shared > 0);
}

TEST_CASE("too little text has no fingerprint and is never the same content", "[identity]") {
  const ContentFingerprint blank = FingerprintPages({"Page 1\n", "\n"});
  CHECK(blank.shingles == 0);
  CHECK(blank.minhash.empty());
  CHECK(blank.bands.empty());
  CHECK(EstimatedSimilarity(blank, blank) == 0);
  CHECK_FALSE(ChooseOriginal(blank, {{7, 0, blank}}).has_value());
}

TEST_CASE("a long text's shingles are counted once each, however often repeated", "[identity]") {
  // 3,000 distinct words, written twice: the second copy repeats every
  // shingle of the first, and the four across the seam are new: the set of
  // distinct shingles keeps each once, among thousands.
  std::string once;
  for (int i = 0; i < 3000; ++i) once += "mot" + std::to_string(i) + (i % 12 == 11 ? "\n" : " ");
  const ContentFingerprint single = FingerprintText(once);
  const ContentFingerprint twice = FingerprintText(once + once);
  CHECK(single.shingles == 3000 - kShingleWords + 1);
  CHECK(twice.shingles == 3000);
  // The seam's four shingles are 4 of 3,000: most slots keep their value.
  CHECK(EstimatedSimilarity(single, twice) >= 0.9);
}

TEST_CASE("the original chosen is the nearest, and links point at originals", "[identity]") {
  const ContentFingerprint text = FingerprintPages({kText});
  const ContentFingerprint pdf = FingerprintPages({kAsPdf, kAsPdfPage2});
  const ContentFingerprint other = FingerprintPages({kOtherContract});
  CHECK_FALSE(ChooseOriginal(text, {}).has_value());
  CHECK_FALSE(ChooseOriginal(text, {{3, 0, other}}).has_value());
  CHECK(ChooseOriginal(pdf, {{3, 0, other}, {5, 0, text}}) == 5);
  // A candidate that is itself a copy of document 2: the link goes to 2.
  CHECK(ChooseOriginal(pdf, {{3, 0, other}, {5, 2, text}}) == 2);
  // Of two equally near, the earlier.
  CHECK(ChooseOriginal(pdf, {{9, 0, text}, {5, 0, text}}) == 5);
}

TEST_CASE("the vector MinHash loops give the portable loop's signature", "[identity]") {
  // Shingle hashes from a fixed generator: every bit of a 64-bit value used.
  std::vector<std::uint64_t> shingles;
  std::uint64_t x = 0x0123456789abcdefULL;
  for (int i = 0; i < 5000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    shingles.push_back(x);
  }
  const std::vector<std::uint32_t> portable = MinHashSignature(shingles, MinHashLoop::kPortable);
  REQUIRE(portable.size() == static_cast<size_t>(kMinHashSlots));
  for (MinHashLoop loop : {MinHashLoop::kAvx2, MinHashLoop::kAvx512}) {
    const std::vector<std::uint32_t> vector = MinHashSignature(shingles, loop);
    if (vector.empty()) {
      WARN("this CPU lacks the instructions of MinHash loop " << static_cast<int>(loop));
      continue;
    }
    CHECK(vector == portable);
    // and on one shingle, where each slot is that shingle's own hash
    CHECK(MinHashSignature({shingles[7]}, loop) ==
          MinHashSignature({shingles[7]}, MinHashLoop::kPortable));
  }
}

}  // namespace
}  // namespace clsdb
