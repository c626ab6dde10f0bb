// The names a contract's own text writes: "Name (ACRONYM)" definitions and
// other spellings of its organisations' names (organize/text_names.h), and
// how resolution uses them (organize/organizations.h).
#include "organize/text_names.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "organize/organizations.h"
#include "repo_rules.h"

namespace clsdb {
namespace {

using testing::RepoRules;

std::vector<NameDefinition> Definitions(const std::string& text) {
  return FindDefinitions(text, TokenizeText(text), RepoRules());
}

std::vector<std::string> AcronymSpellings(const std::string& text, const std::string& name) {
  return FindAcronymSpellings(text, TokenizeText(text), name);
}

std::vector<std::string> Spellings(const std::string& text, const std::string& name) {
  return FindSpellings(text, TokenizeText(text), name);
}

// A party of the contract, named as a preamble names it.
void AddParty(Contract* c, const std::string& organization, OptText acronym = std::nullopt) {
  Party& p = c->parties.emplace_back();
  p.organization = organization;
  p.acronym = std::move(acronym);
}

// The names linked to the organisation that `name` is an alias of.
std::vector<std::string> AliasesWith(const Contract& c, const std::string& name) {
  int org = -1;
  for (const OrganizationAlias& a : c.organization_aliases) {
    if (a.name == name) org = a.organization_index;
  }
  std::vector<std::string> out;
  for (const OrganizationAlias& a : c.organization_aliases) {
    if (org >= 0 && a.organization_index == org) out.push_back(a.name);
  }
  return out;
}

TEST_CASE("TokenizeText splits at apostrophes, hyphens and punctuation", "[organize]") {
  const std::string text = "l’Agence Régionale, Trégor-Goëlo";
  const std::vector<TextToken> tokens = TokenizeText(text);
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].folded == "l");
  CHECK(tokens[1].folded == "agence");
  CHECK(tokens[1].capitalized);
  CHECK(text.substr(tokens[2].start, tokens[2].end - tokens[2].start) == "Régionale");
  CHECK(tokens[4].folded == "goelo");
}

TEST_CASE("TokenizeText reads once what the matchers ask of every word", "[organize]") {
  const std::string text = "la CCHA du Pays, l’ARS et Trégor\nGoëlo";
  const std::vector<TextToken> tokens = TokenizeText(text);
  REQUIRE(tokens.size() == 9);
  CHECK(tokens[0].small);  // la
  CHECK(tokens[0].left_out);
  CHECK(tokens[1].all_capitals);  // CCHA
  CHECK_FALSE(tokens[1].small);
  CHECK(tokens[2].left_out);            // du
  CHECK_FALSE(tokens[3].all_capitals);  // Pays
  CHECK_FALSE(tokens[3].joins_next);    // a comma
  CHECK(tokens[4].small);               // l
  CHECK(tokens[4].joins_next);          // an apostrophe
  CHECK(tokens[6].small);               // et: small, but kept in a key
  CHECK_FALSE(tokens[6].left_out);
  CHECK_FALSE(tokens[7].joins_next);  // a line break
  CHECK_FALSE(tokens[8].joins_next);  // the last word
}

TEST_CASE("TokenizeText folds every word as FoldForMatch does", "[organize]") {
  const std::string text =
      "ARTICLE 12 : la CPAM-Est, l’Agence Régionale de Santé ŒUVRE Ça 3ème n°5 MAJ ﬁnal x2B";
  for (const TextToken& t : TokenizeText(text)) {
    const std::string word = text.substr(t.start, t.end - t.start);
    CAPTURE(word);
    CHECK(t.folded == FoldForMatch(word));
  }
}

TEST_CASE("TokenIndex finds the words a name may start at", "[organize]") {
  const std::string text = "Pays de Trégor, le pays et la Pays-Basque; de";
  const std::vector<TextToken> tokens = TokenizeText(text);
  const TokenIndex index(tokens);
  CHECK(index.With("pays") == std::vector<uint32_t>{0, 4, 7});
  CHECK(index.With("de") == std::vector<uint32_t>{1, 9});
  CHECK(index.With("absent").empty());
  // Capitalised words other than small words, by their folded initial.
  CHECK(index.NameStartsWith('p') == std::vector<uint32_t>{0, 7});
  CHECK(index.NameStartsWith('t') == std::vector<uint32_t>{2});
  CHECK(index.NameStartsWith('d').empty());  // "de" is small and in lower case
  CHECK(index.NameStartsWith('P').empty());  // initials are folded
}

TEST_CASE("matching many names with one index finds what matching each alone does", "[organize]") {
  const std::string text =
      "Le Pays de Trégor-Goëlo, la CPAM et l’Agence Régionale de Santé Grand Est.\n"
      "CDOM Cantal ; le Pays du Trégor-Goëlo Nord et le pays de Trégor Goëlo.";
  const std::vector<TextToken> tokens = TokenizeText(text);
  const TokenIndex index(tokens);
  for (const std::string name : {"Pays du Trégor-Goëlo", "ARS Grand Est",
                                 "Conseil Départemental de l’Ordre des Médecins du Cantal",
                                 "Caisse Primaire d’Assurance Maladie", "ARS"}) {
    CAPTURE(name);
    CHECK(FindSpellings(text, tokens, index, name) == FindSpellings(text, tokens, name));
    CHECK(FindAcronymSpellings(text, tokens, index, name) ==
          FindAcronymSpellings(text, tokens, name));
  }
  CHECK(FindSpellings(text, tokens, index, "Pays du Trégor-Goëlo") ==
        std::vector<std::string>{"Pays de Trégor-Goëlo", "pays de Trégor Goëlo"});
  CHECK(FindAcronymSpellings(text, tokens, index, "ARS Grand Est") ==
        std::vector<std::string>{"Agence Régionale de Santé Grand Est"});
}

TEST_CASE("a definition in prose is a name of a known kind and its initials", "[organize]") {
  const auto defs = Definitions(
      "Le 9 janvier 2013 était signé entre la Communauté de Communes du Haut Allier (CCHA) et "
      "l’Agence.");
  REQUIRE(defs.size() == 1);
  CHECK(defs[0].name == "Communauté de Communes du Haut Allier");
  CHECK(defs[0].acronym == "CCHA");
  // A name of no known kind is a definition of its own sort (only a
  // party's name may use it); initials that are not the acronym's, a name
  // cut by punctuation: no definition.
  const auto unknown = Definitions("le Contrat Local de Santé (CLS) du territoire");
  REQUIRE(unknown.size() == 1);
  CHECK_FALSE(unknown[0].known_kind);
  CHECK(unknown[0].name == "Contrat Local de Santé");
  CHECK(defs[0].known_kind);
  CHECK(Definitions("la Communauté de Communes du Haut Allier (CCH)").empty());
  CHECK(Definitions("la Communauté de Communes, Haut Allier (CCHA)").empty());
  CHECK(Definitions("la Caisse Primaire d'Assurance Maladie (CPAM)").size() == 1);
}

TEST_CASE("a spelling is the same key written otherwise, not a longer name", "[organize]") {
  CHECK(Spellings("Le Pays de Trégor-Goëlo et l’Agence s’engagent", "Pays du Trégor-Goëlo") ==
        std::vector<std::string>{"Pays de Trégor-Goëlo"});
  CHECK(Spellings("Le Pays du Trégor-Goëlo s’engage", "Pays du Trégor-Goëlo").empty());
  // Carried on by a capitalised word: another body.
  CHECK(Spellings("le Pays de Trégor-Goëlo Nord", "Pays du Trégor-Goëlo").empty());
  // Across a line break or a comma: two names.
  CHECK(Spellings("le Pays de Trégor\nGoëlo", "Pays du Trégor-Goëlo").empty());
  CHECK(Spellings("Pays, Trégor-Goëlo", "Pays du Trégor-Goëlo").empty());
  CHECK(Spellings("ARS et ARS", "ARS").empty());  // one word: too little to tell
}

TEST_CASE("a name's first words may be written as their initials, or written out", "[organize]") {
  CHECK(AcronymSpellings("Saint-Flour Communauté\nCDOM Cantal |\nENTRE",
                         "Conseil Départemental de l’Ordre des Médecins du Cantal") ==
        std::vector<std::string>{"CDOM Cantal"});
  CHECK(AcronymSpellings("1. LA POLITIQUE DE L’AGENCE REGIONAL DE SANTE GRAND EST 5",
                         "ARS GRAND EST") ==
        std::vector<std::string>{"AGENCE REGIONAL DE SANTE GRAND EST"});
  // Initials in lower case, other words after them, or a name that goes
  // on: none.
  CHECK(
      AcronymSpellings("le cdom Cantal", "Conseil Départemental de l’Ordre des Médecins du Cantal")
          .empty());
  CHECK(AcronymSpellings("CDOM Allier", "Conseil Départemental de l’Ordre des Médecins du Cantal")
            .empty());
  CHECK(AcronymSpellings("Agence Régionale de Santé Grand Est Nord", "ARS Grand Est").empty());
  CHECK(AcronymSpellings("Agence Régionale, de Santé Grand Est", "ARS Grand Est").empty());
}

TEST_CASE("a name may be written as two acronyms, its first words' and the others'", "[organize]") {
  const std::vector<std::string> ars_idf = {"ARS IDF"};
  CHECK(AcronymSpellings("Le Directeur Général de l'ARS IDF\n",
                         "Agence Régionale de Santé d'Ile de France") == ars_idf);
  CHECK(AcronymSpellings("Le Directeur Général de l'ARS IDF\n", "ARS Ile-de-France") == ars_idf);
  // Small words give their initial or none.
  CHECK(AcronymSpellings("l'ARS PDL.", "Agence Régionale de Santé des Pays de la Loire") ==
        std::vector<std::string>{"ARS PDL"});
  CHECK(AcronymSpellings("l'ARS PACA.", "Agence Régionale de Santé Provence-Alpes-Côte d'Azur") ==
        std::vector<std::string>{"ARS PACA"});
  // Other initials, a second acronym of one word, lower case, punctuation
  // between the two, or a name that goes on: none.
  CHECK(AcronymSpellings("l'ARS BFC.", "Agence Régionale de Santé d'Ile de France").empty());
  CHECK(AcronymSpellings("l'ARS B.", "Agence Régionale de Santé Bretagne").empty());
  CHECK(AcronymSpellings("l'ARS idf.", "Agence Régionale de Santé d'Ile de France").empty());
  CHECK(AcronymSpellings("l'ARS, IDF.", "Agence Régionale de Santé d'Ile de France").empty());
  CHECK(AcronymSpellings("l'ARS IDF Nord.", "Agence Régionale de Santé d'Ile de France").empty());
}

TEST_CASE("a contract's text adds its definitions and spellings to its organisations",
          "[organize]") {
  DocumentRecords records;
  Contract& c = records.contracts.emplace_back();
  AddParty(&c, "Pays du Trégor-Goëlo");
  AddParty(&c, "Agence Régionale de Santé Bretagne");
  const std::string text =
      "Le Pays de Trégor-Goëlo et l’Agence Régionale de Santé de Bretagne s’engagent.\n"
      "signé avec la Communauté de Communes du Haut Allier (CCHA) en 2013.\n"
      "le Centre Hospitalier (CH) de la ville.\n";
  AddParty(&c, "Conseil Départemental de l’Ordre des Médecins du Cantal");
  const DocumentRecords out = ResolveOrganizations(records, RepoRules(), {"CDOM Cantal\n" + text});
  const Contract& r = out.contracts[0];
  CHECK(AliasesWith(r, "Pays de Trégor-Goëlo") ==
        std::vector<std::string>{"Pays du Trégor-Goëlo", "Pays de Trégor-Goëlo"});
  CHECK(AliasesWith(r, "Agence Régionale de Santé de Bretagne").size() == 2);
  CHECK(AliasesWith(r, "CCHA") ==
        std::vector<std::string>{"Communauté de Communes du Haut Allier", "CCHA"});
  CHECK(AliasesWith(r, "CDOM Cantal").size() == 2);
  REQUIRE(r.organizations.size() == 4);
  CHECK(r.organizations[3].kind == OptText("epci"));
  CHECK(r.organizations[3].acronym == OptText("CCHA"));
  // A generic acronym is no one body's.
  CHECK(AliasesWith(r, "CH").empty());
  // Without the text, the parties only.
  const DocumentRecords bare = ResolveOrganizations(records, RepoRules());
  CHECK(bare.contracts[0].organizations.size() == 3);
  CHECK(AliasesWith(bare.contracts[0], "Pays de Trégor-Goëlo").empty());
}

TEST_CASE("a definition that two organisations would claim links nothing", "[organize]") {
  DocumentRecords records;
  Contract& c = records.contracts.emplace_back();
  AddParty(&c, "Communauté de Communes du Haut Allier");
  AddParty(&c, "Communauté de Communes Haute Auvergne", "CCHA");
  const DocumentRecords out = ResolveOrganizations(
      records, RepoRules(), {"la Communauté de Communes du Haut Allier (CCHA) signe.\n"});
  const Contract& r = out.contracts[0];
  REQUIRE(r.organizations.size() == 2);
  CHECK(AliasesWith(r, "Communauté de Communes du Haut Allier") ==
        std::vector<std::string>{"Communauté de Communes du Haut Allier"});
}

}  // namespace
}  // namespace clsdb

namespace clsdb {
namespace {

std::vector<QualifiedName> Qualified(const std::string& text) {
  const std::vector<TextToken> tokens = TokenizeText(text);
  const std::vector<std::string> territories = {"Pays de la Loire", "Loire", "Loire-Atlantique",
                                                "Languedoc",        "Drôme", "Bretagne"};
  return FindQualifiedNames(text, tokens, TokenIndex(tokens), territories, RepoRules());
}

bool HasQualified(const std::vector<QualifiedName>& found, const std::string& name,
                  const std::string& territory) {
  for (const QualifiedName& q : found) {
    if (q.name == name) return q.territory == territory;
  }
  return false;
}

TEST_CASE("a body's name then a territory is a qualified name", "[organize]") {
  const std::vector<QualifiedName> found = Qualified(
      "avec l’Agence Régionale de Santé (ARS) Pays de la Loire, la MSA Languedoc et\n"
      "la Caisse Primaire d'Assurance Maladie de la Drôme ; ARS Bretagne.\n"
      "Le Directeur de la CPAM de Loire-Atlantique et le Conseil Départemental de la Loire.\n"
      "la Ville de Bretagne, la Région Loire, le département de la Haute-Loire.\n"
      "Le Directeur de l'ARS Languedoc-Roussillon Le Président du Conseil Départemental de la "
      "Drôme La Directrice de la CPAM de la Drôme Sud\n");
  CHECK(HasQualified(found, "Agence Régionale de Santé Pays de la Loire", "pays loire"));
  CHECK(HasQualified(found, "MSA Languedoc", "languedoc"));
  CHECK(HasQualified(found, "Caisse Primaire d'Assurance Maladie de la Drôme", "drome"));
  CHECK(HasQualified(found, "ARS Bretagne", "bretagne"));
  CHECK(HasQualified(found, "Conseil Départemental de la Loire", "loire"));
  // Lines run together: a capitalised article starts the next one.
  CHECK(HasQualified(found, "Conseil Départemental de la Drôme", "drome"));
  CHECK_FALSE(HasQualified(found, "CPAM de la Drôme", "drome"));
  CHECK(
      HasQualified(Qualified("l'ARS Bretagne Monsieur le Directeur"), "ARS Bretagne", "bretagne"));
  CHECK(AcronymSpellings("Le Directeur de l'ARS IDF Monsieur le Maire",
                         "Agence Régionale de Santé d'Ile de France") ==
        std::vector<std::string>{"ARS IDF"});
  // Another territory that starts so, a body of no known kind, none before.
  CHECK_FALSE(HasQualified(found, "CPAM de Loire", "loire"));
  for (const QualifiedName& q : found) {
    CHECK(q.name.find("Ville") == std::string::npos);
    CHECK(q.name.find("Haute") == std::string::npos);
  }
}

}  // namespace
}  // namespace clsdb
