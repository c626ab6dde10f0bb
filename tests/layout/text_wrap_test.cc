// Hard-wrapped text files (layout/text_wrap.h): the width their lines were
// broken at, and which breaks were the converter's.
#include "layout/text_wrap.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace clsdb {
namespace {

// text broken at `width` characters, the way a converter does: before the
// word that would not fit.
std::vector<std::string> Wrap(const std::string& text, size_t width) {
  std::vector<std::string> lines{""};
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width)
      lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + word;
    start = end + 1;
  }
  return lines;
}

std::vector<std::string_view> Views(const std::vector<std::string>& lines) {
  return {lines.begin(), lines.end()};
}

const std::string kMinutes =
    "Le conseil communautaire, dument convoque le 12 mars 2024, s'est reuni sous la presidence "
    "de Monsieur Jean DUPONT. Etaient presents : MARTIN Claire, BERNARD Louis, PETIT Anne, "
    "DURAND Paul, LEROY Marie, MOREAU Pierre, SIMON Julie, LAURENT Marc, LEFEBVRE Sophie, "
    "MICHEL Andre, GARCIA Lucie, DAVID Thomas, BERTRAND Emma, ROUX Hugo. Absents excuses : "
    "VINCENT Lea, FOURNIER Jules. Le quorum etant atteint, le president ouvre la seance et "
    "propose d'approuver le contrat local de sante conclu avec l'agence regionale de sante, "
    "la prefecture, le departement, la caisse primaire d'assurance maladie et la mutualite "
    "sociale agricole pour les annees 2024 a 2028.";

TEST_CASE("WrapWidth finds the width a converter broke the lines at", "[layout][wrap]") {
  const std::vector<std::string> lines = Wrap(kMinutes, 56);
  REQUIRE(lines.size() >= 12);
  const int width = WrapWidth(Views(lines));
  CHECK(width >= 48);
  CHECK(width <= 56);
}

TEST_CASE("WrapWidth is 0 for text written one paragraph per line", "[layout][wrap]") {
  std::vector<std::string> lines;
  for (int i = 0; i < 6; ++i) {
    lines.push_back("ARTICLE " + std::to_string(i + 1));
    lines.push_back(kMinutes.substr(0, 120 + 70 * i));
    lines.push_back("Vu le code general des collectivites territoriales ;");
  }
  CHECK(WrapWidth(Views(lines)) == 0);
  // Headings of like length fill a band too, but no break is mid-sentence.
  const std::vector<std::string> headings = {"ARTICLE 4 : Orientations stratégiques",
                                             "Orientation 1 : Améliorer l'accès aux soins",
                                             "Action 1.1 : Attirer des professionnels",
                                             "- 1.1.1 : Recenser les locaux vacants",
                                             "- 1.1.2 Promouvoir la maison de santé",
                                             "Action 1.2 Faciliter les transports",
                                             "1.2.1. Informer sur le transport à la demande",
                                             "ORIENTATION 2 : AGIR POUR LA SANTE",
                                             "Action 2.1: Former des secouristes",
                                             "2.1.1 : Organiser deux sessions par an",
                                             "ARTICLE 5 : Gouvernance et suivi du contrat",
                                             "1.3 Le comité de pilotage se réunit"};
  CHECK(WrapWidth(Views(headings)) == 0);
  // Too few lines to tell.
  CHECK(WrapWidth(Views(Wrap(kMinutes.substr(0, 300), 72))) == 0);
}

TEST_CASE("WrapWidth finds the width of minutes that are mostly lists of names", "[layout][wrap]") {
  // Nearly every break falls before a capitalised name, few mid-sentence:
  // the lines all ending just below one width say the converter broke them.
  std::string text =
      "Le conseil communautaire, dument convoque le 12 mars 2024, s'est reuni en seance "
      "publique a la salle des fetes sous la presidence de Monsieur Jean DUPONT. Etaient "
      "presents :";
  const char* kSurnames[] = {"MARTIN", "BERNARD", "PETIT",   "DURAND",   "LEROY",
                             "MOREAU", "SIMON",   "LAURENT", "MICHEL",   "GARCIA",
                             "DAVID",  "ROUX",    "VINCENT", "FOURNIER", "GIRARD",
                             "BONNET", "DUPUIS",  "LAMBERT", "FONTAINE", "ROUSSEAU"};
  const char* kFirstNames[] = {"Claire", "Louis", "Anne", "Paul", "Marie"};
  for (int round = 0; round < 4; ++round) {
    for (size_t k = 0; k < std::size(kSurnames); ++k) {
      text += std::string(" M. ") + kSurnames[k] + " " + kFirstNames[(k + round) % 5] + ",";
    }
  }
  text += " formant la majorite des membres en exercice.";
  const std::vector<std::string> lines = Wrap(text, 80);
  REQUIRE(lines.size() >= 20);
  CHECK(WrapWidth(Views(lines)) >= 76);
  // The same lines without a single break mid-sentence could be a table of
  // like rows: not read as wrapped.
  std::vector<std::string> rows;
  for (const std::string& line : lines) {
    if (!(line[0] >= 'a' && line[0] <= 'z')) rows.push_back(line);
  }
  REQUIRE(rows.size() >= 12);
  CHECK(WrapWidth(Views(rows)) == 0);
}

TEST_CASE("ContinuesWrappedLine: the next word would not have fitted", "[layout][wrap]") {
  const std::string full(66, 'x');
  CHECK(ContinuesWrappedLine(full + " MARTIN", "Claire, BERNARD Louis,", 72));
  // The line ended early: the writer broke it.
  CHECK_FALSE(ContinuesWrappedLine("Ordre du jour", "Approbation du contrat", 72));
  // A sentence's end at the margin, then a capital: a new paragraph.
  CHECK_FALSE(ContinuesWrappedLine(full + " seance.", "Le president", 72));
  CHECK(ContinuesWrappedLine(full + " seance.", "et le quorum", 72));
  // "M." at the margin is a civility, not a sentence's end.
  CHECK(ContinuesWrappedLine(full + " LEROY, M.", "Camille VIELHESCAZE,", 72));
  CHECK(ContinuesWrappedLine(full + " DUPONT, Mme", "Claire MARTIN,", 72));
  // A bullet starts a list item.
  CHECK_FALSE(ContinuesWrappedLine(full + " suivants", "- la prefecture", 72));
}

TEST_CASE("WrittenRunOn: a text written on one line, then wrapped", "[layout][wrap]") {
  // Minutes stored as one line, as datasets of acts do, broken at 80: every
  // line but the last is full, sentence ends and bullets included.
  std::string run_on;
  for (int i = 0; i < 4; ++i) run_on += kMinutes + " - l'article " + std::to_string(i) + " ; ";
  const std::vector<std::string> wrapped = Wrap(run_on, 80);
  const int width = WrapWidth(Views(wrapped));
  REQUIRE(width > 0);
  CHECK(WrittenRunOn(Views(wrapped), width));
  // The same text written in paragraphs ends one every few lines.
  std::vector<std::string> paragraphs;
  for (int i = 0; i < 4; ++i) {
    for (const std::string& line : Wrap(kMinutes, 80)) paragraphs.push_back(line);
    paragraphs.push_back("- l'article " + std::to_string(i) + " ;");
  }
  REQUIRE(WrapWidth(Views(paragraphs)) > 0);
  CHECK_FALSE(WrittenRunOn(Views(paragraphs), WrapWidth(Views(paragraphs))));
}

TEST_CASE("BlankSeparatedWrapWidth: paragraphs set apart by blank lines, wrapped",
          "[layout][wrap]") {
  // Minutes whose paragraphs are mostly one short line, three of them long
  // enough to be broken at 80: too few full lines for WrapWidth.
  std::vector<std::string> lines;
  for (int i = 0; i < 9; ++i) {
    for (const char* heading : {"SEANCE DU 29 JUIN 2017", "Nombre de membres : 19",
                                "Secretaire de seance : M. Jean DUPONT", "Adopte a l'unanimite",
                                "Ordre du jour :", "Questions diverses"}) {
      lines.push_back(heading);
      lines.push_back("");
    }
    if (i % 3 > 0) continue;
    for (const std::string& line : Wrap(kMinutes, 80)) lines.push_back(line);
    lines.push_back("");
  }
  CHECK(WrapWidth(Views(lines)) == 0);
  const int width = BlankSeparatedWrapWidth(Views(lines));
  CHECK(width >= 72);
  CHECK(width <= 80);
  // Short lines set together without blank lines are the writer's list.
  std::vector<std::string> list;
  for (int i = 0; i < 4; ++i) {
    for (const char* name : {"Mme Isabelle DEXPERT", "M. Patrick DUFAU",
                             "Mme Marie-Bernadette DULAU et M. Francis DELCROS"}) {
      list.push_back(name);
    }
    list.push_back("");
  }
  CHECK(BlankSeparatedWrapWidth(Views(list)) == 0);
}

TEST_CASE("ContinuesWrappedLine: a heading ended by its colon", "[layout][wrap]") {
  const std::string heading =
      "Approbation du compte rendu de la derniere reunion du Conseil intercommunal :";
  // The paragraph's first line, its only colon at its end: the writer's break.
  CHECK_FALSE(ContinuesWrappedLine(heading, "Apres avoir donne lecture", 80, false, true));
  // Inside a paragraph, or in a run-on text, the line goes on.
  CHECK(ContinuesWrappedLine(heading, "Apres avoir donne lecture", 80, false, false));
  CHECK(ContinuesWrappedLine(heading, "Apres avoir donne lecture", 80, true, true));
  // A label after names, or after a first label, goes on to its list.
  CHECK(ContinuesWrappedLine(
      "William TERRYN, ayant donne procuration a Madeleine SIMON SECRETAIRE DE SEANCE :",
      "Mme Monique JEAN", 80, false, true));
  CHECK(ContinuesWrappedLine(
      "Etaient presents : Mesdames, Messieurs, Communaute de Communes de la Foret :",
      "GUERIN Serge; BURTIN Philippe;", 80, false, true));
}

TEST_CASE("ContinuesWrappedLine: in a run-on text a bullet goes on", "[layout][wrap]") {
  const std::string full(66, 'x');
  CHECK(ContinuesWrappedLine(full + " suivants", "- la prefecture", 72, true));
  CHECK(ContinuesWrappedLine(full + " FINANCES", "• Approbation du compte", 72, true));
  // A sentence's end then a capital still ends the paragraph.
  CHECK_FALSE(ContinuesWrappedLine(full + " seance.", "Le president", 72, true));
  // A semicolon ends an item of a list, not a paragraph.
  CHECK(ContinuesWrappedLine(full + " MARTIN Claire ;", "DURAND Paul ;", 72, true));
  CHECK_FALSE(ContinuesWrappedLine(full + " MARTIN Claire ;", "DURAND Paul ;", 72, false));
  // A line that ended early is the writer's break even there.
  CHECK_FALSE(ContinuesWrappedLine("Ordre du jour", "Approbation du contrat", 72, true));
}

}  // namespace
}  // namespace clsdb
