#include "check/match.h"

#include <catch2/catch.hpp>

namespace clsdb::check {
namespace {

TEST_CASE("MatchKey ignores case, accents, markup, punctuation and spaces", "[match]") {
  CHECK(MatchKey("**Périmètre  géographique** du <i>contrat</i> :") ==
        MatchKey("perimetre geographique du contrat"));
  CHECK(MatchKey("Cœur-Avesnois") == "coeur avesnois");
  CHECK(MatchKey("d’Arras") == MatchKey("d'Arras"));
}

TEST_CASE("Names match without civility and in any token order", "[match]") {
  CHECK(NamesMatch("M. Jean-Claude LEROY", "LEROY Jean Claude"));
  CHECK(NamesMatch("Monsieur COTTEL Jean Jacques", "Jean-Jacques Cottel"));
  CHECK(NamesMatch("Mme Mireille HINGREZ-CÉRÉDA", "Mireille Hingrez Cereda"));
  CHECK(NamesMatch("Dr Hugo GILARDI", "hugo gilardi"));
  CHECK_FALSE(NamesMatch("Hugo GILARDI", "Hugo GIRALDI"));
  CHECK_FALSE(NamesMatch("Jean LEROY", "Jean-Claude LEROY"));
}

TEST_CASE("Codes match without prefixes, trailing dots and leading zeros", "[match]") {
  CHECK(CodesMatch("FA 1.2", "1.2"));
  CHECK(CodesMatch("Action 1.2", "1.2"));
  CHECK(CodesMatch("Fiche action n°1.2", "1.2"));
  CHECK(CodesMatch("FA1.2", "1.2"));
  CHECK(CodesMatch("1.1.1.", "1.1.1"));
  CHECK(CodesMatch("Article 1er", "1"));
  CHECK(CodesMatch("ARTICLE 04", "4"));
  CHECK(CodesMatch("Axe 2", "2"));
  CHECK(CodesMatch("b/", "b"));
  CHECK(CodesMatch("2025-131", "n°2025-131"));
  CHECK_FALSE(CodesMatch("1.2", "1.2.1"));
  CHECK_FALSE(CodesMatch("1.2", "2.1"));
  // A prefix word alone is the code itself.
  CHECK(CodeKey("Action") == "action");
}

TEST_CASE("Titles match when nearly equal", "[match]") {
  CHECK(TitlesMatch("Objet du contrat", "OBJET DU CONTRAT"));
  CHECK(TitlesMatch("Périmètres géographiques du contrat", "Périmètre géographique du contrat"));
  CHECK(TitlesMatch("Renforcer l'attractivité pour les professionnels de santé",
                    "Renforcer l’attractivite pour les professionels de santé"));
  CHECK_FALSE(TitlesMatch("Objet du contrat", "Durée du contrat"));
  CHECK_FALSE(TitlesMatch("Objet du contrat", ""));
}

TEST_CASE("A title cut short matches the full one", "[match]") {
  // At least 25 characters kept.
  CHECK(TitlesMatch("Recenser les locaux pour les PS",
                    "Recenser les locaux pour les PS: - logements - cabinets"));
  // At least 60% kept.
  CHECK(TitlesMatch("Objet du contrat", "Objet du contrat et durée"));
  // Too short a share of a long title.
  CHECK_FALSE(TitlesMatch("Favoriser l'accès",
                          "Favoriser l'accès aux soins et aux droits des personnes fragiles"));
  // Only at a word boundary.
  CHECK_FALSE(TitlesMatch("Objet du cont", "Objet du contrat"));
}

TEST_CASE("A prefix match ranks below a near-equality", "[match]") {
  const std::string full = MatchKey("Recenser les locaux pour les professionnels de santé");
  const double exact = TitleMatchScore(full, full);
  const double near =
      TitleMatchScore(full, MatchKey("Recenser les locaux pour les professionels de santé"));
  const double cut = TitleMatchScore(full, MatchKey("Recenser les locaux pour les professionnels"));
  CHECK(exact == 1.0);
  CHECK(near >= kTitleSimilarity);
  CHECK(cut > 0.0);
  CHECK(cut < near);
}

TEST_CASE("EditSimilarity", "[match]") {
  CHECK(EditSimilarity("", "") == 1.0);
  CHECK(EditSimilarity("abc", "abc") == 1.0);
  CHECK(EditSimilarity("abcd", "abce") == Approx(0.75));
  CHECK(EditSimilarity("abc", "") == 0.0);
}

}  // namespace
}  // namespace clsdb::check
