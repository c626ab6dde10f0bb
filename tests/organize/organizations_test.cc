// Organisation resolution on contracts written by hand: which names are one
// body, which are several, and which stay unlinked.
#include "organize/organizations.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "repo_rules.h"

namespace clsdb {
namespace {

using testing::RepoRules;

Party PartyNamed(const std::string& organization, OptText acronym = std::nullopt) {
  Party p;
  p.organization = organization;
  p.acronym = std::move(acronym);
  return p;
}

Actor Pilot(const std::string& name) {
  Actor a;
  a.role = ActorRole::kPilot;
  a.name = name;
  a.action_index = 0;
  return a;
}

// The records of one contract with these parties and pilots.
DocumentRecords OneContract(std::vector<Party> parties, const std::vector<std::string>& pilots,
                            std::vector<GlossaryEntry> glossary = {}) {
  DocumentRecords records;
  Contract c;
  c.parties = std::move(parties);
  for (const std::string& name : pilots) c.actors.push_back(Pilot(name));
  records.contracts.push_back(std::move(c));
  records.glossary = std::move(glossary);
  return records;
}

// The organisation an actor links to, or nullptr.
const Organization* OrgOf(const Contract& c, const Actor& a) {
  return a.organization_index < 0 ? nullptr : &c.organizations.at(a.organization_index);
}

TEST_CASE("OrganizationKind reads the kind from the start of a name", "[organize]") {
  const RuleSet& rules = RepoRules();
  CHECK(OrganizationKind("CD 62", rules) == "departement");
  CHECK(OrganizationKind("Conseil Départemental (PMI)", rules) == "departement");
  CHECK(OrganizationKind("ARS (2500€/classe)", rules) == "ars");
  CHECK(OrganizationKind("CPAM du Hainaut", rules) == "cpam");
  CHECK(OrganizationKind("CH de Fourmies", rules) == "hospital");
  CHECK(OrganizationKind("Communauté de communes du Sud-Avesnois", rules) == "epci");
  CHECK(OrganizationKind("Médecins du Monde", rules).empty());
  CHECK(OrganizationKind("professionnels de santé", rules).empty());
  CHECK(OrganizationKind("Département de médecine de l'Université de LILLE", rules).empty());
}

TEST_CASE("OrganizationKey sets case, accents, punctuation and articles aside", "[organize]") {
  CHECK(OrganizationKey("CH de Fourmies") == OrganizationKey("CH Fourmies"));
  CHECK(OrganizationKey("CH de Felleries-Liessies") == OrganizationKey("CH Felleries Liessies"));
  CHECK(OrganizationKey("CPAM du HAINAUT") == OrganizationKey("CPAM du Hainaut"));
  CHECK(OrganizationKey("Éducation nationale") == OrganizationKey("Education Nationale"));
  CHECK(OrganizationKey("CH Bap") != OrganizationKey("CH Bapaume"));  // no guessing
}

TEST_CASE("every spelling of the Département in a contract is one organisation", "[organize]") {
  const DocumentRecords out = ResolveOrganizations(
      OneContract({}, {"CD", "CD62", "CD 62", "Département", "Conseil Départemental (PMI)"}),
      RepoRules());
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 1);
  CHECK(c.organizations[0].kind == OptText("departement"));
  CHECK(c.organizations[0].name == "Conseil Départemental");
  for (const Actor& a : c.actors) CHECK(a.organization_index == 0);
  CHECK(c.organization_aliases.size() >= 5);
  for (const OrganizationAlias& a : c.organization_aliases) CHECK(a.organization_index == 0);
}

TEST_CASE("an actor named as the party's acronym or by its kind is that party", "[organize]") {
  const DocumentRecords out = ResolveOrganizations(
      OneContract({PartyNamed("Caisse Primaire d'Assurance Maladie du "
                              "Hainaut",
                              "CPAM"),
                   PartyNamed("Agence Régionale de Santé Hauts-de-France")},
                  {"CPAM", "CPAM du HAINAUT", "ARS (2500€/classe)", "ARS : 50 000 € / an / Poste"}),
      RepoRules());
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 2);
  CHECK(c.parties[0].organization_index == 0);
  CHECK(c.parties[1].organization_index == 1);
  CHECK(c.organizations[0].name == "Caisse Primaire d'Assurance Maladie du Hainaut");
  CHECK(c.organizations[0].acronym == OptText("CPAM"));
  CHECK(c.actors[0].organization_index == 0);
  CHECK(c.actors[1].organization_index == 0);
  CHECK(c.actors[2].organization_index == 1);
  CHECK(c.actors[3].organization_index == 1);
}

TEST_CASE("hospitals are told apart by name; a bare \"CH\" among several stays unlinked",
          "[organize]") {
  const DocumentRecords out = ResolveOrganizations(
      OneContract({}, {"CH Avesnes", "CH de Fourmies", "CH Fourmies", "CH"}), RepoRules());
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 2);
  CHECK(OrgOf(c, c.actors[0])->name == "CH Avesnes");
  CHECK(c.actors[1].organization_index == c.actors[2].organization_index);
  CHECK(c.actors[1].organization_index != c.actors[0].organization_index);
  CHECK(c.actors[3].organization_index == -1);

  const DocumentRecords one =
      ResolveOrganizations(OneContract({}, {"CH Avesnes", "CH"}), RepoRules());
  CHECK(one.contracts[0].actors[1].organization_index == 0);  // the only hospital
}

TEST_CASE("an abbreviated hospital is the party written out", "[organize]") {
  const DocumentRecords out = ResolveOrganizations(
      OneContract({PartyNamed("Centre Hospitalier de Fourmies", std::string("CHF"))},
                  {"CH Fourmies", "CH de Fourmies", "CH Avesnes"}),
      RepoRules());
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 2);
  CHECK(c.actors[0].organization_index == 0);
  CHECK(c.actors[1].organization_index == 0);
  CHECK(c.actors[2].organization_index == 1);
}

TEST_CASE("an acronym as written is the one party whose initials it is", "[organize]") {
  const DocumentRecords out = ResolveOrganizations(
      OneContract({PartyNamed("Communauté d'Agglomération Hénin-Carvin"),
                   PartyNamed("Communauté de communes Cœur-Avesnois", std::string("3CA")),
                   PartyNamed("Centre Hospitalier d'Avesnes-Sur-Helpe")},
                  {"CAH C", "Cahc", "CAHC", "CCCA", "CHA"}),
      RepoRules());
  const Contract& c = out.contracts[0];
  CHECK(c.actors[0].organization_index != 0);  // not written as an acronym
  CHECK(c.actors[1].organization_index != 0);
  CHECK(c.actors[2].organization_index == 0);  // Hénin-Carvin read as two words
  CHECK(c.actors[3].organization_index == 1);  // Cœur folded to C
  CHECK(c.actors[4].organization_index == 2);  // Avesnes-Sur-Helpe read as one word

  // Two parties with the same initials: which one? Never guess.
  const DocumentRecords two = ResolveOrganizations(
      OneContract(
          {PartyNamed("Centre Hospitalier Avesnes"), PartyNamed("Centre Hospitalier Arras")},
          {"CHA"}),
      RepoRules());
  CHECK(two.contracts[0].actors[0].organization_index != 0);
  CHECK(two.contracts[0].actors[0].organization_index != 1);
}

TEST_CASE("a name cut short at a word is the one body of its kind it begins", "[organize]") {
  const DocumentRecords out =
      ResolveOrganizations(OneContract({PartyNamed("Centre Hospitalier d'Avesnes-Sur-Helpe"),
                                        PartyNamed("Centre Hospitalier de Bapaume")},
                                       {"CH Avesnes", "CH Bap"}),
                           RepoRules());
  const Contract& c = out.contracts[0];
  CHECK(c.actors[0].organization_index == 0);
  CHECK(c.actors[1].organization_index != 1);  // a word cut short is a guess
  CHECK(c.actors[1].organization_index >= 2);

  // Two hospitals of Avesnes: "CH Avesnes" could be either.
  const DocumentRecords two =
      ResolveOrganizations(OneContract({PartyNamed("Centre Hospitalier d'Avesnes-Sur-Helpe"),
                                        PartyNamed("Centre Hospitalier d'Avesnes-le-Comte")},
                                       {"CH Avesnes"}),
                           RepoRules());
  CHECK(two.contracts[0].actors[0].organization_index >= 2);
}

TEST_CASE("two parties of a kind the territory has one of stay two", "[organize]") {
  const DocumentRecords out =
      ResolveOrganizations(OneContract({PartyNamed("Conseil départemental de l'Yonne"),
                                        PartyNamed("Conseil départemental de la Nièvre")},
                                       {"Département", "Conseil départemental de la Nièvre"}),
                           RepoRules());
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 2);
  CHECK(c.parties[0].organization_index != c.parties[1].organization_index);
  CHECK(c.actors[0].organization_index == -1);  // which of the two?
  CHECK(c.actors[1].organization_index == 1);
}

TEST_CASE("a party named by its office takes its kind from the office", "[organize]") {
  // "Entre Monsieur le Préfet de Seine-Saint-Denis, Monsieur le Maire de X":
  // the bodies are "Seine-Saint-Denis" and "X", which name no kind.
  Party prefet = PartyNamed("Seine-Saint-Denis");
  prefet.representative_title = "Préfet";
  Party maire = PartyNamed("Clichy Sous-Bois");
  maire.representative_title = "Maire";
  Party president = PartyNamed("Conseil départemental de la Seine-Saint-Denis");
  president.representative_title = "Préfet";  // the body's own kind comes first
  Party unknown = PartyNamed("Association Santé Plus");
  unknown.representative_title = "Présidente";
  // Named by office and by no person: the office is no title, but still
  // says the kind.
  Party maire_alone = PartyNamed("Montfort-Exemple");
  maire_alone.office = "Maire";
  const DocumentRecords out = ResolveOrganizations(
      OneContract({prefet, maire, president, unknown, maire_alone}, {}), RepoRules());
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 5);
  CHECK(c.organizations[c.parties[4].organization_index].kind == OptText("commune"));
  CHECK(c.organizations[c.parties[0].organization_index].kind == OptText("prefecture"));
  CHECK(c.organizations[c.parties[1].organization_index].kind == OptText("commune"));
  CHECK(c.organizations[c.parties[2].organization_index].kind == OptText("departement"));
  CHECK_FALSE(c.organizations[c.parties[3].organization_index].kind.has_value());
}

TEST_CASE("the académie is not the département's education service", "[organize]") {
  const RuleSet& rules = RepoRules();
  CHECK(OrganizationKind("Académie de LILLE", rules) == "academie");
  CHECK(OrganizationKind("DSDEN du Nord", rules) == "education");
  CHECK(OrganizationKind("Conseil Départemental de l'Ordre des Médecins", rules) == "ordre");
  const DocumentRecords out = ResolveOrganizations(
      OneContract({PartyNamed("Direction des Services Départementaux de l'Education Nationale du "
                              "Nord",
                              std::string("DSDEN"))},
                  {"EN", "Académie de LILLE", "DAASEN"}),
      rules);
  const Contract& c = out.contracts[0];
  CHECK(c.actors[0].organization_index == 0);
  CHECK(c.actors[1].organization_index != 0);
  CHECK(c.actors[2].organization_index == 0);
}

TEST_CASE("only the contract's own glossary defines its names", "[organize]") {
  DocumentRecords records;
  for (const char* territory : {"Sud-Avesnois", "Sud Artois"}) {
    Contract c;
    c.parties.push_back(PartyNamed(std::string("Maison de l'Emploi du ") + territory));
    c.actors.push_back(Pilot("MDE"));
    records.contracts.push_back(c);
  }
  // The second contract's glossary defines MDE; the first's does not.
  records.glossary = {{"MDE", "Maison de l'Emploi du Sud Artois", {}, 1}};
  const DocumentRecords out = ResolveOrganizations(records, RepoRules());
  CHECK(out.contracts[0].actors[0].organization_index == -1);
  CHECK(out.contracts[1].actors[0].organization_index == 0);
}

TEST_CASE("names of no known kind stay unlinked", "[organize]") {
  const DocumentRecords out = ResolveOrganizations(
      OneContract({}, {"communes", "Médecins du Monde", "professionnels de santé", "x"}),
      RepoRules());
  CHECK(out.contracts[0].organizations.empty());
  for (const Actor& a : out.contracts[0].actors) CHECK(a.organization_index == -1);
}

TEST_CASE("the glossary links an acronym to the party it expands to, per contract", "[organize]") {
  DocumentRecords records;
  for (const char* territory : {"Sud-Avesnois", "Sud Artois"}) {
    Contract c;
    c.parties.push_back(PartyNamed(std::string("Communauté de communes du ") + territory));
    c.actors.push_back(Pilot("CCSA"));
    records.contracts.push_back(c);
  }
  records.glossary = {{"CCSA", "Communauté de Communes du Sud Avesnois", {}},
                      {"CCSA", "Communauté de Communes du Sud-Artois", {}}};
  const DocumentRecords out = ResolveOrganizations(records, RepoRules());
  for (const Contract& c : out.contracts) {
    REQUIRE(c.organizations.size() == 1);
    CHECK(c.actors[0].organization_index == 0);  // its own CCSA, not the other's
    CHECK(c.organizations[0].acronym == OptText("CCSA"));
  }
}

TEST_CASE("an acronym in brackets after a name is the organisation it abbreviates", "[organize]") {
  const DocumentRecords out = ResolveOrganizations(
      OneContract({}, {"DRAIO",
                       "Délégation de région académique à l'information et à l'orientation "
                       "(DRAIO)",
                       "Fédération Addiction (DRAIO)", "Rectorat (Lille)"}),
      RepoRules());
  const Contract& c = out.contracts[0];
  REQUIRE(c.actors[0].organization_index >= 0);
  CHECK(c.actors[1].organization_index == c.actors[0].organization_index);
  // "DRAIO" does not abbreviate "Fédération Addiction": a detail, not a name.
  CHECK(c.actors[2].organization_index != c.actors[0].organization_index);
  CHECK(c.actors[3].organization_index != c.actors[0].organization_index);
}

TEST_CASE("the acronym a name defines in brackets becomes an alias of it", "[organize]") {
  const DocumentRecords out = ResolveOrganizations(
      OneContract({PartyNamed("Centre Hospitalier de Fourmies")},
                  {"Centre Hospitalier de Fourmies (CHF)", "CHF", "CH Fourmies (CHX)"}),
      RepoRules());
  const Contract& c = out.contracts[0];
  CHECK(c.actors[0].organization_index == 0);
  CHECK(c.actors[1].organization_index == 0);
  CHECK(c.actors[2].organization_index == 0);  // by its name; CHX defines nothing
  for (const OrganizationAlias& a : c.organization_aliases) CHECK(a.name != "CHX");
}

TEST_CASE("an acronym in two words is read by its initials too", "[organize]") {
  const Party urps = PartyNamed(
      "Union Régionale des Professionnels de Santé médecins libéraux (dans sa fonction de "
      "représentation inter-URPS)",
      std::string("URPS"));
  for (const char* name : {"URPS ML", "URPS IDE", "Urps Ml", "URPS M L"}) {
    INFO(name);
    const DocumentRecords out = ResolveOrganizations(OneContract({urps}, {name}), RepoRules());
    const bool initials = std::string(name) == "URPS ML";
    // The nurses' union is another body; "Urps Ml" and "URPS M L" are not
    // written as acronyms.
    CHECK((out.contracts[0].actors[0].organization_index == 0) == initials);
  }
}

TEST_CASE("an acronym is the one party whose two-word acronym it opens", "[organize]") {
  const DocumentRecords out = ResolveOrganizations(
      OneContract(
          {PartyNamed("Maison de l'Emploi et des Métiers en Pays d'Artois", std::string("MEM PA"))},
          {"MEM", "ME", "MEMP"}),
      RepoRules());
  const Contract& c = out.contracts[0];
  CHECK(c.actors[0].organization_index == 0);
  CHECK(c.actors[1].organization_index == -1);  // not a whole word of it
  CHECK(c.actors[2].organization_index == -1);

  // Two parties whose acronyms it opens: which one? Never guess.
  const DocumentRecords two = ResolveOrganizations(
      OneContract(
          {PartyNamed("Maison de l'Emploi et des Métiers en Pays d'Artois", std::string("MEM PA")),
           PartyNamed("Maison de l'Emploi et des Métiers du Sud Artois", std::string("MEM SA"))},
          {"MEM"}),
      RepoRules());
  CHECK(two.contracts[0].actors[0].organization_index == -1);
}

TEST_CASE("names of a repeated pilot cell become aliases, never organisations", "[organize]") {
  DocumentRecords records = OneContract(
      {PartyNamed("Caisse Primaire d'Assurance Maladie du Hainaut", std::string("CPAM"))},
      {"CPAM du HAINAUT"});
  records.contracts[0].repeated_pilot_names = {"CPAM HAINAUT", "CH Avesnes", "Haut de France"};
  const DocumentRecords out = ResolveOrganizations(records, RepoRules());
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 1);  // no hospital made from a repeated name
  bool cpam = false;
  for (const OrganizationAlias& a : c.organization_aliases) {
    if (a.name == "CPAM HAINAUT") cpam = a.organization_index == 0;
    CHECK(a.name != "CH Avesnes");
    CHECK(a.name != "Haut de France");
  }
  CHECK(cpam);
}

}  // namespace
}  // namespace clsdb

namespace clsdb {
namespace {

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// On the shared corpus's real contracts: every party is linked; within a
// contract, the names of a kind its territory has one of are one
// organisation; links point inside the contract; a name of no kind is
// never linked.
TEST_CASE("shared corpus: organisations hold together within each contract", "[organize][corpus]") {
  REQUIRE(testing::HaveSharedCorpus());
  const RuleSet& rules = RepoRules();
  const std::vector<std::string>& one_per_territory = *rules.List("one_per_territory");
  int contracts = 0, linked_actors = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SharedCorpus() / "text")) {
    testing::TextRun run(ReadText(entry.path()));
    const DocumentRecords out = ResolveOrganizations(run.records, rules);
    for (const Contract& c : out.contracts) {
      INFO(entry.path().filename().string() << ": " << c.title);
      ++contracts;
      for (const Party& p : c.parties) {
        CHECK(p.organization_index >= 0);
        CHECK(p.organization_index < static_cast<int>(c.organizations.size()));
      }
      std::map<std::string, std::set<int>> by_kind;
      for (const Actor& a : c.actors) {
        const std::string kind = OrganizationKind(a.name, rules);
        if (a.organization_index < 0) continue;
        ++linked_actors;
        REQUIRE(a.organization_index < static_cast<int>(c.organizations.size()));
        if (kind.empty()) {
          // Linked only as an alias of a party or a glossary entry.
          bool alias = false;
          for (const OrganizationAlias& al : c.organization_aliases) {
            alias = alias || (al.organization_index == a.organization_index && al.name == a.name);
          }
          CHECK(alias);
        }
        if (std::find(one_per_territory.begin(), one_per_territory.end(), kind) !=
            one_per_territory.end()) {
          by_kind[kind].insert(a.organization_index);
        }
      }
      for (const auto& [kind, orgs] : by_kind) {
        INFO(kind);
        CHECK(orgs.size() == 1);
      }
    }
  }
  CHECK(contracts >= 9);
  CHECK(linked_actors > 0);
}

// The names of an organisation of c, as its aliases hold them.
std::vector<std::string> AliasNames(const Contract& c, int org) {
  std::vector<std::string> names;
  for (const OrganizationAlias& a : c.organization_aliases) {
    if (a.organization_index == org) names.push_back(a.name);
  }
  return names;
}

bool Holds(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST_CASE("a bare name of a one-per-territory kind in the text is the contract's body",
          "[organize]") {
  const std::string text =
      "Entre Monsieur le Président du Conseil Départemental et Madame la directrice\n"
      "Le Président du Conseil Départemental de Seine-Saint-Denis\n"
      "avec le Conseil Départemental Madame X et le Conseil Départemental du Nord\n"
      "Le Préfet de la Région Hauts-de-France signe, puis le Préfet.\n";
  const DocumentRecords out = ResolveOrganizations(
      OneContract(
          {PartyNamed("Conseil Départemental de Seine-Saint-Denis"), PartyNamed("CH de Fourmies")},
          {}),
      RepoRules(), {text});
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 2);
  const std::vector<std::string> names = AliasNames(c, 0);
  CHECK(Holds(names, "Conseil Départemental"));
  // A longer name, or a run that goes on past the kind's name, is not it.
  CHECK_FALSE(Holds(names, "Conseil Départemental Madame X"));
  CHECK_FALSE(Holds(names, "Conseil Départemental du Nord"));
  CHECK(AliasNames(c, 1) == std::vector<std::string>{"CH de Fourmies"});
  // Two organisations of the kind: which one? Never guess.
  const DocumentRecords two =
      ResolveOrganizations(OneContract({PartyNamed("Conseil départemental de l'Yonne"),
                                        PartyNamed("Conseil départemental de la Nièvre")},
                                       {}),
                           RepoRules(), {text});
  for (int org = 0; org < 2; ++org) {
    CHECK_FALSE(Holds(AliasNames(two.contracts[0], org), "Conseil Départemental"));
  }
  // Without the text, the parties only.
  const DocumentRecords bare = ResolveOrganizations(
      OneContract({PartyNamed("Conseil Départemental de Seine-Saint-Denis")}, {}), RepoRules());
  CHECK_FALSE(Holds(AliasNames(bare.contracts[0], 0), "Conseil Départemental"));
}

TEST_CASE("a party of no known kind takes the acronym the text defines for its name",
          "[organize]") {
  const std::string text =
      "Le Syndicat Mixte du Pays d'Exemple (SMPE) porte le contrat, avec l'Association "
      "Prévention Exemple (APE).\n";
  const DocumentRecords out = ResolveOrganizations(
      OneContract({PartyNamed("Syndicat Mixte du Pays d'Exemple"), PartyNamed("CH de Fourmies")},
                  {}),
      RepoRules(), {text});
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 2);
  CHECK(Holds(AliasNames(c, 0), "SMPE"));
  // A body of no known kind that is no party stays out.
  for (const OrganizationAlias& a : c.organization_aliases) CHECK(a.name != "APE");
  CHECK(c.organizations.size() == 2);
}

TEST_CASE("a generic pilot is the one body of its kind the text names in full", "[organize]") {
  const std::string one =
      "Signent la CCSE et la Communauté Professionnelle Territoriale de Santé du Sud Exemple.\n"
      "Groupe de travail avec les 4 CPTS du territoire - CPTS Sud Exemple, travail en cours\n";
  const DocumentRecords out = ResolveOrganizations(
      OneContract({PartyNamed("Communauté de Communes du Sud Exemple", "CCSE")}, {"CPTS"}),
      RepoRules(), {one});
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 2);
  REQUIRE(c.actors[0].organization_index == 1);
  CHECK(c.organizations[1].kind == "cpts");
  CHECK(Holds(AliasNames(c, 1), "Communauté Professionnelle Territoriale de Santé du Sud Exemple"));
  // Two bodies of the kind named: which one? Never guess.
  const DocumentRecords two = ResolveOrganizations(
      OneContract({PartyNamed("Communauté de Communes du Sud Exemple", "CCSE")}, {"CPTS"}),
      RepoRules(), {one + "avec la CPTS Val de Exemple.\n"});
  CHECK(two.contracts[0].actors[0].organization_index == -1);
  CHECK(two.contracts[0].organizations.size() == 1);
}

TEST_CASE("a party named by its kind alone takes the fuller name its text writes", "[organize]") {
  const std::string text =
      "La Communauté Professionnelle Territoriale de Santé, dont le siège est situé au 4 rue X\n"
      "Signent la CCSE et la Communauté Professionnelle Territoriale de Santé du Sud Exemple.\n";
  const DocumentRecords out = ResolveOrganizations(
      OneContract({PartyNamed("Communauté de Communes du Sud Exemple", "CCSE"),
                   PartyNamed("Communauté Professionnelle Territoriale de Santé", "CPTS")},
                  {}),
      RepoRules(), {text});
  CHECK(Holds(AliasNames(out.contracts[0], 1),
              "Communauté Professionnelle Territoriale de Santé du Sud Exemple"));
  // The text goes on two ways: which one? Never guess.
  const DocumentRecords two = ResolveOrganizations(
      OneContract({PartyNamed("Communauté de Communes du Sud Exemple", "CCSE"),
                   PartyNamed("Communauté Professionnelle Territoriale de Santé", "CPTS")},
                  {}),
      RepoRules(), {text + "avec la Communauté Professionnelle Territoriale de Santé du Val.\n"});
  CHECK(AliasNames(two.contracts[0], 1).size() == 2);
}

TEST_CASE("a bare party's name with the territory another party names is that party's",
          "[organize]") {
  const std::string text =
      "Entre Monsieur le Président du Conseil Départemental et Monsieur le Directeur\n"
      "Le Président du Conseil Départemental de Seine-Saint-Denis\n"
      "avec le Conseil Départemental du Nord et le Conseil Départemental de Seine-Saint\n"
      "Le Président du Conseil Départemental d'Ille-et-Vilaine\n";
  const DocumentRecords out = ResolveOrganizations(
      OneContract({PartyNamed("Conseil Départemental"),
                   PartyNamed("Caisse Primaire d'Assurance Maladie de Seine-Saint-Denis")},
                  {}),
      RepoRules(), {text});
  const Contract& c = out.contracts[0];
  REQUIRE(c.organizations.size() == 2);
  const std::vector<std::string> names = AliasNames(c, 0);
  CHECK(Holds(names, "Conseil Départemental de Seine-Saint-Denis"));
  // A territory no other party names, a place cut short, another place.
  CHECK_FALSE(Holds(names, "Conseil Départemental du Nord"));
  CHECK_FALSE(Holds(names, "Conseil Départemental de Seine-Saint"));
  CHECK_FALSE(Holds(names, "Conseil Départemental d'Ille"));
  CHECK_FALSE(Holds(names, "Conseil Départemental d'Ille-et-Vilaine"));
  // A party that already names its territory takes no other territory.
  const DocumentRecords named = ResolveOrganizations(
      OneContract({PartyNamed("Conseil Départemental du Nord"),
                   PartyNamed("Caisse Primaire d'Assurance Maladie de Seine-Saint-Denis")},
                  {}),
      RepoRules(), {text});
  CHECK_FALSE(
      Holds(AliasNames(named.contracts[0], 0), "Conseil Départemental de Seine-Saint-Denis"));
}

TEST_CASE("a body's name then a territory is the contract's body of that kind and place",
          "[organize]") {
  const std::string text =
      "avec l’Agence Régionale de Santé (ARS) Pays de la Loire et la MSA Languedoc\n"
      "la Mutualité Sociale Agricole du Languedoc ; le Conseil Départemental du Nord\n";
  const DocumentRecords out = ResolveOrganizations(
      OneContract(
          {PartyNamed("Agence Régionale de Santé", "ARS"), PartyNamed("Conseil Départemental"),
           PartyNamed("Caisse Primaire d'Assurance Maladie de Seine-Saint-Denis")},
          {}),
      RepoRules(), {text});
  const Contract& c = out.contracts[0];
  CHECK(Holds(AliasNames(c, 0), "Agence Régionale de Santé Pays de la Loire"));
  // Another party names the contract's département: the Nord is not it.
  CHECK_FALSE(Holds(AliasNames(c, 1), "Conseil Départemental du Nord"));
  // No MSA among the parties: one organisation for the MSA of the Languedoc.
  REQUIRE(c.organizations.size() == 4);
  CHECK(c.organizations[3].kind == "msa");
  CHECK(Holds(AliasNames(c, 3), "MSA Languedoc"));
  CHECK(Holds(AliasNames(c, 3), "Mutualité Sociale Agricole du Languedoc"));

  // An ARS of another region than the party's, two regions for a bare
  // party: which? Never guess.
  const std::string two = "l'ARS Bretagne puis l'ARS Pays de la Loire, l'ARS Languedoc\n";
  const DocumentRecords other = ResolveOrganizations(
      OneContract({PartyNamed("Agence Régionale de Santé de Bretagne")}, {}), RepoRules(), {two});
  CHECK(Holds(AliasNames(other.contracts[0], 0), "ARS Bretagne"));
  CHECK_FALSE(Holds(AliasNames(other.contracts[0], 0), "ARS Languedoc"));
  const DocumentRecords bare =
      ResolveOrganizations(OneContract({PartyNamed("ARS")}, {}), RepoRules(), {two});
  CHECK(AliasNames(bare.contracts[0], 0) == std::vector<std::string>{"ARS"});
}

}  // namespace
}  // namespace clsdb
