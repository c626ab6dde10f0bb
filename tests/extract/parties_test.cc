// ExtractParties (extract/parties.cc, rules/parties.rules): the signatories
// of the preamble in its bullet and paragraph forms, and the names a preamble
// leaves to the signature block, on small texts run through the pipeline's
// stages.
#include <catch2/catch.hpp>
#include <string>

#include "extract/extract.h"
#include "layout/layout.h"
#include "read/reader.h"
#include "repo_rules.h"
#include "rules/rule_set.h"
#include "segment/segment.h"
#include "test_paths.h"

namespace clsdb {
namespace {

std::vector<Party> Parties(const std::string& text) {
  DocumentRecords r = testing::ExtractText(text);
  REQUIRE(r.contracts.size() == 1);
  return r.contracts[0].parties;
}

std::string Show(const Party& p) {
  return p.organization + " | " + p.acronym.value_or("-") + " | " + p.representative.value_or("-") +
         " | " + p.representative_title.value_or("-");
}

std::vector<std::string> ShowAll(const std::vector<Party>& parties) {
  std::vector<std::string> out;
  for (const Party& p : parties) out.push_back(Show(p));
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("bullet form: a bullet per party, its short name on the next bullet", "[parties]") {
  const std::vector<Party> parties = Parties(
      "Contrat Local de Santé de La Communauté de Communes Sud Avesnois 2025/2028\n"
      "Entre d'une part :\n"
      "- **L'agence régionale de santé des Hauts-de-France**, dont le siège administratif est "
      "situé 556 avenue Willy Brandt 59777 EURALILLE, représentée par son Directeur général, "
      "Monsieur Hugo GILARDI,\n"
      "- Ci-après dénommée « l'ARS »\n"
      "et,\n"
      "- **La Communauté Professionnelle Territoriale de Sud Avesnois**, dont le siège "
      "administratif est situé au 2 rue Victor Hugo, 59132 TRELON, représentée par sa Présidente "
      "Madame Florence BOURDEIX,\n"
      "- Ci-après dénommée « la CPTS Sud-Avesnois »\n"
      "et,\n"
      "- **La Caisse d'Allocations Familiales**, dont le siège social est situé 82 rue Brûle "
      "Maison 59000 LILLE représentée par Audrey MATHON DEBETHENCOURT, Directrice\n"
      "- Ci-après dénommée « la CAF »\n"
      "Il est convenu ce qui suit :\n");
  CHECK(ShowAll(parties) ==
        V{"agence régionale de santé des Hauts-de-France | ARS | Hugo GILARDI | Directeur général",
          "Communauté Professionnelle Territoriale de Sud Avesnois | CPTS Sud-Avesnois | Florence "
          "BOURDEIX | Présidente",
          "Caisse d'Allocations Familiales | CAF | Audrey MATHON DEBETHENCOURT | Directrice"});
  REQUIRE(parties.size() == 3);
  CHECK(parties[0].address == "556 avenue Willy Brandt 59777 EURALILLE");
}

TEST_CASE("'et' lines: name first, 'en sa qualité de', a party over broken lines", "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTE\n"
      "Communauté de Communes du Sud Artois\n"
      "Entre :\n"
      "La Communauté de Communes du Sud Artois dont le siège est situé au 05 rue Neuve, 62450 "
      "BAPAUME, représentée par Monsieur COTTEL Jean Jacques en sa qualité de président,\n"
      "Ci-après désignée « La CCSA »),\n"
      "et\n"
      "La préfecture du Pas-de-Calais dont le siège est situé Rue Ferdinand Buisson 62000 ARRAS, "
      "représenté par Jacques BILLANT en sa qualité de préfet,\n"
      "Ci-après désignée « la Préfecture du Pas-de-Calais »),\n"
      "et\n"
      "L'Union Régionale des Professionnels de Santé Médecins Libéraux Hauts-de-France,\n"
      "dont le siège est situé 11 square Dutilleul 59000 LILLE, représentée par Monsieur Bruno\n"
      "STACH en sa qualité de Président, dûment autorisé à signer le présent contrat.\n"
      "Ci-après désignée « l'Union Régionale des Professionnels de Santé Médecins Libéraux\n"
      "Hauts-de-France » ou « l'URPS ML HDF »,\n"
      "et\n"
      "Le Groupe Hospitalier Artois Ternois, dont le siège est situé au 3 Boulevard Georges "
      "Besnier, 62000 ARRAS, représenté par son Directeur en exercice, Monsieur Philippe MERLAUD,\n"
      "Ci-après désignée « le GHAT »,\n"
      "Il est convenu ce qui suit :\n");
  CHECK(ShowAll(parties) ==
        V{"Communauté de Communes du Sud Artois | CCSA | COTTEL Jean Jacques | président",
          "préfecture du Pas-de-Calais | Préfecture du Pas-de-Calais | Jacques BILLANT | préfet",
          "Union Régionale des Professionnels de Santé Médecins Libéraux Hauts-de-France | URPS ML "
          "HDF | Bruno STACH | Président",
          "Groupe Hospitalier Artois Ternois | GHAT | Philippe MERLAUD | Directeur"});
}

TEST_CASE("paragraph form: several parties in one paragraph, 'Monsieur le Préfet X'", "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTÉ DU HAUT-VERMEIL 2024-2028\n"
      "Entre l'Agence Régionale de Santé Occitanie, dont le siège est situé 14 allée des "
      "Micocouliers, 34000 Montpellier, représentée par sa Directrice générale Madame Claire "
      "VAUDRAN, ci-après dénommée « l'ARS », et la Communauté de communes du Haut-Vermeil, "
      "représentée par son Président Monsieur Bernard FABRE-ALLÈGRE, dûment habilité par "
      "délibération du 15 février 2024, ci-après dénommée « la CCHV »,\n"
      "et la Préfecture de l'Aveyron, représentée par Monsieur le Préfet Thierry ROUQUETTE, "
      "ci-après dénommée « l'État »,\n"
      "Il est convenu ce qui suit.\n");
  CHECK(ShowAll(parties) ==
        V{"Agence Régionale de Santé Occitanie | ARS | Claire VAUDRAN | Directrice générale",
          "Communauté de communes du Haut-Vermeil | CCHV | Bernard FABRE-ALLÈGRE | Président",
          "Préfecture de l'Aveyron | État | Thierry ROUQUETTE | Préfet"});
}

TEST_CASE("signature-only form: names from the signature block and the engagements table",
          "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTÉ DU GRAND MORDELANGE\n"
      "Entre :\n"
      "L'Agence régionale de santé Grand Est,\n"
      "La Communauté d'agglomération du Grand Mordelange,\n"
      "La Préfecture des Vosges,\n"
      "Le Conseil départemental des Vosges,\n"
      "La Caisse primaire d'assurance maladie des Vosges,\n"
      "Il est convenu ce qui suit :\n"
      "ARTICLE 1 : Engagements des signataires\n"
      "Signataire\tEngagements\n"
      "La Caisse primaire d'assurance maladie des Vosges<br>La Directrice, Nathalie "
      "GRANDCLAUDE\tPromouvoir l'accès aux droits\n"
      "Fait à xxxxxxx, le\n"
      "Le directeur général de l'ARS Grand Est,\n"
      "Le président de la Communauté d'agglomération du Grand Mordelange,\n"
      "KIEFFER Damien\n"
      "Francis VAUTRIN\n"
      "Le préfet des Vosges,\n"
      "Le président du Conseil départemental des Vosges,\n"
      "Alain PERRIN\n"
      "Christophe GÉRARDIN\n");
  CHECK(ShowAll(parties) ==
        V{"Agence régionale de santé Grand Est | - | KIEFFER Damien | directeur général",
          "Communauté d'agglomération du Grand Mordelange | - | Francis VAUTRIN | président",
          "Préfecture des Vosges | - | Alain PERRIN | préfet",
          "Conseil départemental des Vosges | - | Christophe GÉRARDIN | président",
          "Caisse primaire d'assurance maladie des Vosges | - | Nathalie GRANDCLAUDE | "
          "Directrice"});
}

TEST_CASE("a two-column signature table: 'Pour X', title and name per column", "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTÉ 2023 – 2028\n"
      "Entre :\n"
      "- La Ville de Saint-Quentin,\n"
      "- L'Agence Régionale de Santé Hauts-de-France,\n"
      "- La Caisse Primaire d'Assurance Maladie de l'Aisne,\n"
      "Il est convenu ce qui suit :\n"
      "Article 1 – Objet du contrat\n"
      "Le présent contrat vise à réduire les inégalités sociales et territoriales de santé.\n"
      "Fait à Saint-Quentin, le 12 juillet 2023\n"
      "Pour la Ville de Saint-Quentin\tPour l'Agence Régionale de Santé\n"
      "Le Maire\tLe Directeur général\n"
      "Frédérique MACAREZ\tHugo GILARDI\n"
      "Pour la CPAM de l'Aisne\t\n"
      "La Directrice\t\n"
      "Anne DUPONT\t\n");
  CHECK(ShowAll(parties) ==
        V{"Ville de Saint-Quentin | - | Frédérique MACAREZ | Maire",
          "Agence Régionale de Santé Hauts-de-France | - | Hugo GILARDI | Directeur général",
          "Caisse Primaire d'Assurance Maladie de l'Aisne | - | Anne DUPONT | Directrice"});
}

TEST_CASE("a preamble without closing line stops at the first paragraph of prose", "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTE\n"
      "Entre :\n"
      "La Ville de Lomme, représentée par son Maire, Monsieur Roger VICOT,\n"
      "et\n"
      "L'Agence régionale de santé, représentée par son Directeur général, Monsieur Hugo "
      "GILARDI,\n"
      "Le territoire de la ville compte près de 28 000 habitants et connaît depuis dix ans une "
      "croissance démographique portée par de nouveaux quartiers, où les familles avec de jeunes "
      "enfants sont nombreuses et où l'offre de soins de premier recours reste insuffisante au "
      "regard des besoins, ce que le diagnostic local de santé a largement confirmé.\n"
      "La santé des jeunes est une priorité du contrat.\n");
  CHECK(ShowAll(parties) == V{"Ville de Lomme | - | Roger VICOT | Maire",
                              "Agence régionale de santé | - | Hugo GILARDI | Directeur général"});
}

TEST_CASE("a list of signatories: a paragraph per party, the short name in brackets", "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTÉ DU CAUSSE NOIR 2025-2030\n\n"
      "LES SIGNATAIRES\n\n"
      "Agence Régionale de Santé Occitanie (ARS)\n"
      "Représentée par la Directrice générale Hélène MARTY\n\n"
      "Préfecture de l'Aveyron\n"
      "Représentée par le Préfet Paul ROUX\n\n"
      "Article 1. Objet\n"
      "Le présent contrat définit les actions.\n");
  CHECK(ShowAll(parties) ==
        V{"Agence Régionale de Santé Occitanie | ARS | Hélène MARTY | Directrice générale",
          "Préfecture de l'Aveyron | - | Paul ROUX | Préfet"});
}

TEST_CASE("no preamble nor signatures: the headings of each party's commitments name them",
          "[parties]") {
  // A contract's opening pages: its summary, one heading per signatory under
  // the commitments article, each heading once though the body repeats it.
  const std::vector<std::string> got =
      ShowAll(Parties("CONTRAT LOCAL DE SANTE DU PAYS TERRES DE LORRAINE 2018-2023\n"
                      "ARTICLE 6 - LES ENGAGEMENTS RECIPROQUES DES SIGNATAIRES 9\n"
                      "L’ENGAGEMENT DE L’ARS GRAND EST 10\n"
                      "LES ENGAGEMENTS DE LA CPAM DE MEURTHE ET MOSELLE 12\n"
                      "LES ENGAGEMENTS DU CENTRE HOSPITALIER DE TOUL 13\n"
                      "L’engagement de l’ARS Grand Est\n"
                      "L'ARS s'engage à soutenir la coordination du contrat.\n"));
  const std::vector<std::string> want{"ARS GRAND EST | - | - | -",
                                      "CPAM DE MEURTHE ET MOSELLE | - | - | -",
                                      "CENTRE HOSPITALIER DE TOUL | - | - | -"};
  CHECK(got == want);
}

TEST_CASE("an address on its own line is the seat of the party above; 'Et d'autre part' links",
          "[parties]") {
  DocumentRecords r = testing::ExtractText(
      "CONTRAT LOCAL DE SANTE DE PUISAYE-FORTERRE 2019-2023\n"
      "Entre d’une part,\n"
      "L’Agence régionale de santé de Bourgogne Franche-Comté\n"
      "Le Diapason, 2 Place des Savoirs, 21035 DIJON CEDEX\n"
      "Représentée par son directeur général, Monsieur Pierre PRIBILE\n"
      "Et d’autre part,\n"
      "La Communauté de communes de Puisaye-Forterre\n"
      "Représentée par son président, Monsieur Jean DURAND\n"
      "Il est convenu ce qui suit :\n");
  REQUIRE(r.contracts.size() == 1);
  const std::vector<Party>& parties = r.contracts[0].parties;
  const std::vector<std::string> want{
      "Agence régionale de santé de Bourgogne Franche-Comté | - | Pierre PRIBILE | directeur "
      "général",
      "Communauté de communes de Puisaye-Forterre | - | Jean DURAND | président"};
  CHECK(ShowAll(parties) == want);
  REQUIRE(parties.size() == 2);
  CHECK(parties[0].address == "Le Diapason, 2 Place des Savoirs, 21035 DIJON CEDEX");
}

TEST_CASE("parties named by their office: the body signs, the office is the title", "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTÉ DE LA VILLE D'EXEMPLE\n"
      "2020-2024\n"
      "Entre\n"
      "Le Préfet de la Région Exemple,\n"
      "Le Directeur Général de l'Agence Régionale de Santé Exemple,\n"
      "Le Maire de la Ville d'Exemple,\n"
      "Et\n"
      "La Caisse Primaire d'Assurance Maladie,\n"
      "Il est convenu ce qui suit :\n");
  CHECK(ShowAll(parties) == V{"Région Exemple | - | - | Préfet",
                              "Agence Régionale de Santé Exemple | - | - | Directeur Général",
                              "Ville d'Exemple | - | - | Maire",
                              "Caisse Primaire d'Assurance Maladie | - | - | -"});
}

TEST_CASE("a bare list, one party a line closed by a comma, named by its office", "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTE 2018 - 2022\n"
      "Entre\n"
      "Madame la Maire d'Exempleville,\n"
      "Monsieur le Préfet de la Seine-Exemple,\n"
      "Monsieur le Directeur Général de la CPAM de la Seine-Exemple,\n"
      "Le Centre Hospitalier d'Exempleville,\n"
      "représenté par sa Directrice, Madame Anne DURAND,\n"
      "Il a été convenu de signer le présent Contrat Local de Santé\n");
  CHECK(ShowAll(parties) == V{"Exempleville | - | - | Maire", "Seine-Exemple | - | - | Préfet",
                              "CPAM de la Seine-Exemple | - | - | Directeur Général",
                              "Centre Hospitalier d'Exempleville | - | Anne DURAND | Directrice"});
}

// The text as a converter that flattens each page prints it: its white
// space collapsed into one line, cut again at its marks (segment/).
std::vector<Party> FlatParties(const std::string& text) {
  std::string flat;
  for (const char c : text) {
    if (c == '\n' || c == ' ') {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
    } else {
      flat += c;
    }
  }
  testing::TextRun run(flat);
  REQUIRE(run.records.contracts.size() == 1);
  return run.records.contracts[0].parties;
}

TEST_CASE("flattened, a bare list closed by commas reads as its lines did", "[parties]") {
  const std::string list =
      "CONTRAT LOCAL DE SANTE 2018 - 2022\n"
      "Entre\n"
      "Madame la Maire d'Exempleville,\n"
      "Monsieur le Préfet de la Seine-Exemple,\n"
      "Monsieur le Président du Conseil Départemental de la Seine-Exemple,\n"
      "Monsieur le Directeur Général de la CPAM de la Seine-Exemple,\n"
      "Il a été convenu de signer le présent Contrat Local de Santé portant sur la Commune "
      "d'Exempleville et dont le contenu est décrit dans le présent document.\n";
  const V want{"Exempleville | - | - | Maire", "Seine-Exemple | - | - | Préfet",
               "Conseil Départemental de la Seine-Exemple | - | - | Président",
               "CPAM de la Seine-Exemple | - | - | Directeur Général"};
  CHECK(ShowAll(Parties(list)) == want);
  CHECK(ShowAll(FlatParties(list)) == want);
}

TEST_CASE("flattened, 'Et d'autre part, Le …' opens the next party", "[parties]") {
  const std::string preamble =
      "Contrat Local de Santé du Pays d'Exemple 2018-2022\n"
      "Entre d’une part,\n"
      "L’Agence Régionale de Santé Exemple\n"
      "Le Diapason, 2, Place des Savoirs, 21035 DIJON CEDEX\n"
      "Représentée par son Directeur Général, Monsieur Pierre DUPONT\n"
      "Et d’autre part,\n"
      "Le Pôle d'Équilibre Territorial et Rural du Pays d'Exemple\n"
      "10, Rue Pasteur, 89200\n"
      "Représenté par le Président du Comité Syndical, Monsieur Paul MARTIN\n"
      "Le Conseil Départemental d'Exemple\n"
      "Représenté par son Président, Monsieur Jean DURAND\n"
      "SOMMAIRE\n"
      "Introduction\n";
  const V want{"Agence Régionale de Santé Exemple | - | Pierre DUPONT | Directeur Général",
               "Pôle d'Équilibre Territorial et Rural du Pays d'Exemple | - | Paul MARTIN | "
               "Président du Comité Syndical",
               "Conseil Départemental d'Exemple | - | Jean DURAND | Président"};
  CHECK(ShowAll(Parties(preamble)) == want);
  CHECK(ShowAll(FlatParties(preamble)) == want);
}

TEST_CASE("flattened, an 'Et :' line between parties stays out of the representative",
          "[parties]") {
  const std::string preamble =
      "CONTRAT LOCAL DE SANTÉ DE LA COMMUNAUTÉ DE COMMUNES D'EXEMPLE 2020-2024\n"
      "Entre :\n"
      "L'Agence Régionale de Santé Exemple, représentée par son Directeur Général, Monsieur "
      "Pierre DUPONT, ci-après dénommée « l'ARS »,\n"
      "Et :\n"
      "La Préfecture d'Exemple, représentée par Madame la Préfète, Claire DURAND,\n"
      "Et :\n"
      "La Caisse Primaire d'Assurance Maladie d'Exemple, représentée par sa Directrice, Madame "
      "Anne LEROY, ci-après dénommée « la CPAM »,\n"
      "Il est convenu ce qui suit :\n"
      "Article 1 : Objet du contrat\n";
  const V want{"Agence Régionale de Santé Exemple | ARS | Pierre DUPONT | Directeur Général",
               "Préfecture d'Exemple | - | Claire DURAND | Préfète",
               "Caisse Primaire d'Assurance Maladie d'Exemple | CPAM | Anne LEROY | Directrice"};
  CHECK(ShowAll(Parties(preamble)) == want);
  CHECK(ShowAll(FlatParties(preamble)) == want);
}

TEST_CASE("flattened, offices one a line and their signatures, each name under its office",
          "[parties]") {
  const std::string contract =
      "CONTRAT LOCAL DE SANTÉ DE LA VILLE D'EXEMPLE 2018-2022\n"
      "Entre\n"
      "Le Préfet de la Région Exemple,\n"
      "Le Directeur Général de l'Agence Régionale de Santé Exemple,\n"
      "Le Maire de la Ville d'Exemple,\n"
      "Il est convenu ce qui suit :\n"
      "Article 1 : Objet\n"
      "Fait à Exempleville, le 3 mai 2018\n"
      "Le Préfet de la Région Exemple\n"
      "Jean DURAND\n"
      "Le Directeur Général de l'Agence Régionale de Santé Exemple\n"
      "Paul MARTIN\n"
      "Le Maire de la Ville d'Exemple\n"
      "Marie LEROY\n";
  const V want{"Région Exemple | - | Jean DURAND | Préfet",
               "Agence Régionale de Santé Exemple | - | Paul MARTIN | Directeur Général",
               "Ville d'Exemple | - | Marie LEROY | Maire"};
  CHECK(ShowAll(Parties(contract)) == want);
  CHECK(ShowAll(FlatParties(contract)) == want);
}

TEST_CASE("parties named by office in one sentence: a title only where a person is named",
          "[parties]") {
  const std::string preamble =
      "CONTRAT LOCAL DE SANTE DE CLICHY-EXEMPLE 2019 - 2022\n"
      "Entre Monsieur le Maire de Clichy-Exemple, Monsieur le Préfet de la Seine-Exemple et "
      "Madame la directrice du Centre Hospitalier d'Exemple\n"
      "Il a été convenu de signer le présent Contrat Local de Santé.\n";
  SECTION("no signature names anyone: three parties, no representative row") {
    const std::vector<Party> parties = Parties(preamble);
    CHECK(ShowAll(parties) == V{"Clichy-Exemple | - | - | -", "Seine-Exemple | - | - | -",
                                "Centre Hospitalier d'Exemple | - | - | -"});
    // The office is kept apart: it says what kind of body signs.
    REQUIRE(parties.size() == 3);
    CHECK(parties[0].office == OptText("Maire"));
    CHECK(parties[1].office == OptText("Préfet"));
  }
  SECTION("the signature block names the Maire: his party keeps its office as title") {
    CHECK(ShowAll(Parties(preamble + "Fait à Exempleville, le 22 novembre 2019\n"
                                     "Le Maire de Clichy-Exemple\n"
                                     "Jean DUPONT\n")) ==
          V{"Clichy-Exemple | - | Jean DUPONT | Maire", "Seine-Exemple | - | - | -",
            "Centre Hospitalier d'Exemple | - | - | -"});
  }
  SECTION("a signature block of offices without names: each office signs, a title") {
    CHECK(ShowAll(Parties(preamble + "Fait à Exempleville, le 22 novembre 2019\n"
                                     "Le Maire de Clichy-Exemple\n"
                                     "Le Préfet de la Seine-Exemple\n"
                                     "Madame la directrice du Centre Hospitalier d'Exemple\n")) ==
          V{"Clichy-Exemple | - | - | Maire", "Seine-Exemple | - | - | Préfet",
            "Centre Hospitalier d'Exemple | - | - | directrice"});
  }
}

// The parties of the captions of the Pays d'Exemple's cover, read from
// lines of their own or from one flattened paragraph alike.
V ExempleCaptionParties() {
  return {"Pays d'Exemple | - | Isabelle Exemple | Présidente du Pays d'Exemple",
          "Agence Régionale de Santé Exemple | - | - | Directeur Général de l'Agence Régionale de "
          "Santé Exemple",
          "Conseil Départemental des Côtes d'Exemple | - | Jean Modèle | Président du Conseil "
          "Départemental des Côtes d'Exemple"};
}

TEST_CASE("signature captions: the name above, the office and its body as the title", "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTÉ PAYS D'EXEMPLE 2015-2018\n"
      "EDITO\n"
      "Les actions engagées feront l'objet d'un suivi régulier.\n"
      "Isabelle Exemple\n"
      "Présidente du Pays d'Exemple\n"
      "XXX\n"
      "Directeur Général de l'Agence\n"
      "Régionale de Santé Exemple\n"
      "Jean Modèle\n"
      "Président du Conseil Départemental\n"
      "des Côtes d'Exemple\n"
      "SOMMAIRE\n"
      "Article 1 : Objet du contrat\n"
      "Le contrat couvre le territoire.\n");
  CHECK(ShowAll(parties) == ExempleCaptionParties());
}

TEST_CASE("signature captions run together in one paragraph: names paired with offices in order",
          "[parties]") {
  // A converter that flattens the captions of a cover's columns: the names
  // before, between and after the offices, a placeholder for one.
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTÉ PAYS D'EXEMPLE 2015-2018\n"
      "EDITO\n"
      "Les actions engagées feront l'objet d'un suivi régulier. Isabelle Exemple Présidente du "
      "Pays d'Exemple XXX Directeur Général de l'Agence Régionale de Santé Exemple Jean Modèle "
      "Paul Durand Président du Conseil Départemental des Côtes d'Exemple Président du Conseil "
      "Régional de Bretagne Yvon Le Modèle Président du Pays de Guingamp 2 SOMMAIRE\n"
      "Article 1 : Objet du contrat\n"
      "Le contrat couvre le territoire.\n");
  V expected = ExempleCaptionParties();
  expected.insert(
      expected.end(),
      {"Conseil Régional de Bretagne | - | Paul Durand | Président du Conseil Régional de "
       "Bretagne",
       "Pays de Guingamp | - | Yvon Le Modèle | Président du Pays de Guingamp"});
  CHECK(ShowAll(parties) == expected);
}

TEST_CASE(
    "captions of two columns then their names, run together after 'Fait à': the preamble's "
    "parties get the names",
    "[parties]") {
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTÉ DE LA VILLE D'EXEMPLE 2021-2025\n"
      "Entre :\n"
      "La Préfecture de la Région Exemple,\n"
      "Le Conseil Départemental de l'Exemple,\n"
      "Il est convenu ce qui suit :\n"
      "Article 1 : Objet du contrat\n"
      "Le contrat couvre le territoire.\n"
      "Fait à Exempleville, le 3 mai 2021 Le Préfet de la Région Exemple Le Président du Conseil "
      "Départemental de l'Exemple Jean DUPONT Marie MARTIN\n");
  CHECK(ShowAll(parties) ==
        V{"Préfecture de la Région Exemple | - | Jean DUPONT | Préfet de la Région Exemple",
          "Conseil Départemental de l'Exemple | - | Marie MARTIN | Président du Conseil "
          "Départemental de l'Exemple"});
}

TEST_CASE("offices run together without a name for each are not read as signatures", "[parties]") {
  // Two offices in a sentence of prose, one name: no pairing, no party.
  const std::vector<Party> parties = Parties(
      "CONTRAT LOCAL DE SANTÉ PAYS D'EXEMPLE 2015-2018\n"
      "EDITO\n"
      "Le contrat a été préparé avec soin par les équipes du territoire et de ses partenaires "
      "pendant deux années de travail. Il a été validé par Jean Modèle Président du Pays "
      "d'Exemple Directeur Général de l'Agence Régionale de Santé Exemple en comité.\n"
      "Article 1 : Objet du contrat\n"
      "Le contrat couvre le territoire.\n");
  CHECK(parties.empty());
}

TEST_CASE(
    "general preamble forms: 'conclu entre' and a bulleted list, ENTRE … ET, a list of signatories",
    "[parties]") {
  SECTION("'Le présent contrat est conclu entre :' and a bullet per party, 'M.' before the name") {
    CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTÉ DE LA VILLE D'EXEMPLE 2021-2025\n"
                          "Le présent contrat est conclu entre :\n"
                          "- La Ville d'Exempleville, représentée par son Maire, M. Jean DUPONT,\n"
                          "- L'Agence Régionale de Santé Exemple, représentée par sa Directrice "
                          "générale, Mme Anne DURAND,\n"
                          "- Le Conseil départemental de l'Exemple, représenté par son Président, "
                          "M. Paul MARTIN.\n"
                          "Il est convenu ce qui suit :\n"
                          "Article 1 : Objet du contrat\n")) ==
          V{"Ville d'Exempleville | - | Jean DUPONT | Maire",
            "Agence Régionale de Santé Exemple | - | Anne DURAND | Directrice générale",
            "Conseil départemental de l'Exemple | - | Paul MARTIN | Président"});
  }
  SECTION("ENTRE … « l'ARS », d'une part, ET … d'autre part") {
    CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTÉ DU PAYS D'EXEMPLE 2021-2025\n"
                          "ENTRE\n"
                          "L'Agence Régionale de Santé Exemple, représentée par son Directeur "
                          "général, Monsieur Paul MARTIN, ci-après dénommée « l'ARS »,\n"
                          "d'une part,\n"
                          "ET\n"
                          "Le Pays d'Exemple, représenté par sa Présidente, Madame Anne DURAND, "
                          "ci-après dénommé « le Pays »,\n"
                          "d'autre part,\n"
                          "Il est convenu ce qui suit :\n"
                          "Article 1 : Objet du contrat\n")) ==
          V{"Agence Régionale de Santé Exemple | ARS | Paul MARTIN | Directeur général",
            "Pays d'Exemple | Pays | Anne DURAND | Présidente"});
  }
  SECTION("'Les signataires du présent contrat :' and a partner a line, no representative") {
    CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTÉ DU PAYS D'EXEMPLE 2021-2025\n"
                          "Les signataires du présent contrat :\n"
                          "L'Agence Régionale de Santé Exemple\n"
                          "La Communauté de communes d'Exemple\n"
                          "Le Centre Hospitalier d'Exempleville\n"
                          "La Caisse Primaire d'Assurance Maladie de l'Exemple\n"
                          "Article 1 : Objet du contrat\n"
                          "Le contrat couvre le territoire.\n")) ==
          V{"Agence Régionale de Santé Exemple | - | - | -",
            "Communauté de communes d'Exemple | - | - | -",
            "Centre Hospitalier d'Exempleville | - | - | -",
            "Caisse Primaire d'Assurance Maladie de l'Exemple | - | - | -"});
  }
}

TEST_CASE("a list of signatories, one a line: 'Pour X, le Directeur, Name'", "[parties]") {
  const std::vector<Party> parties = Parties(
      "Contrat Local de Santé\n"
      "Communauté d'agglomération Exemple\n"
      "2018-2022\n"
      "Les signataires\n"
      "Pour l'Agence Régionale de Santé, le Directeur général, Pierre DUPONT\n"
      "Pour la Communauté d'agglomération Exemple, le Président, Jean MARTIN\n"
      "Article 1 : Champ du contrat\n"
      "Le contrat couvre le territoire.\n");
  CHECK(ShowAll(parties) == V{"Agence Régionale de Santé | - | Pierre DUPONT | Directeur général",
                              "Communauté d'agglomération Exemple | - | Jean MARTIN | Président"});
}

TEST_CASE(
    "other openings of a preamble: 'Il est convenu entre', 'La présente convention est "
    "conclue entre'",
    "[parties]") {
  for (const char* opening :
       {"Il est convenu entre :", "La présente convention est conclue entre :",
        "ENTRE LES PARTIES CI-DESSOUS DÉSIGNÉES :"}) {
    INFO(opening);
    const std::vector<Party> parties =
        Parties(std::string("CONTRAT LOCAL DE SANTÉ DU PAYS D'EXEMPLE 2020-2024\n") + opening +
                "\n"
                "L'Agence Régionale de Santé Exemple, représentée par "
                "son Directeur général, Monsieur Paul MARTIN,\n"
                "Et\n"
                "Le Pays d'Exemple, représenté par sa Présidente, "
                "Madame Anne DURAND,\n"
                "Il est convenu ce qui suit :\n"
                "Article 1 : Objet du contrat\n");
    CHECK(ShowAll(parties) ==
          V{"Agence Régionale de Santé Exemple | - | Paul MARTIN | Directeur général",
            "Pays d'Exemple | - | Anne DURAND | Présidente"});
  }
}

TEST_CASE("a preamble run into the cover's paragraph, as a flattened text prints it", "[parties]") {
  SECTION("parties named by office after the title's words") {
    CHECK(ShowAll(Parties(
              "CONTRAT LOCAL DE SANTE DE CLICHY-EXEMPLE 2019 - 2022 Entre Monsieur le Maire de "
              "Clichy-Exemple, Monsieur le Préfet de la Seine-Exemple et Madame la directrice du "
              "Centre Hospitalier d'Exemple\n"
              "Il a été convenu de signer le présent Contrat Local de Santé.\n")) ==
          V{"Clichy-Exemple | - | - | -", "Seine-Exemple | - | - | -",
            "Centre Hospitalier d'Exemple | - | - | -"});
  }
  SECTION("'Entre d'une part' after the title's words, a party and its representative") {
    CHECK(ShowAll(Parties(
              "CONTRAT LOCAL DE SANTE DU PAYS D'EXEMPLE 2019-2023 Entre d’une part, L’Agence "
              "régionale de santé Exemple Représentée par son directeur général, Monsieur Pierre "
              "DUPONT\n"
              "Et d’autre part,\n"
              "Le Pays d'Exemple\n"
              "Représenté par son président, Monsieur Jean DURAND\n"
              "Il est convenu ce qui suit :\n")) ==
          V{"Agence régionale de santé Exemple | - | Pierre DUPONT | directeur général",
            "Pays d'Exemple | - | Jean DURAND | président"});
  }
  SECTION("'Entre' opening a sentence of the cover opens no preamble") {
    CHECK(Parties("CONTRAT LOCAL DE SANTE DE LA VILLE D'EXEMPLE 2019 - 2022\n"
                  "Le contrat prolonge le précédent. Entre la Ville et l'Agence, le partenariat "
                  "est ancien.\n"
                  "Article 1 : Objet\n"
                  "Le contrat couvre le territoire.\n")
              .empty());
  }
}

TEST_CASE("a first name alone is no representative", "[parties]") {
  CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTE DU PAYS D'EXEMPLE 2019-2023\n"
                        "Entre :\n"
                        "L’Education nationale\n"
                        "Représentée par sa directrice académique, Madame Annie\n"
                        "Et\n"
                        "Le Pays d'Exemple\n"
                        "Représenté par son président, Monsieur Jean DURAND\n"
                        "Il est convenu ce qui suit :\n")) ==
        V{"Education nationale | - | - | directrice académique",
          "Pays d'Exemple | - | Jean DURAND | président"});
}

TEST_CASE("a table of the signatories: 'Signataires | Représentés par'", "[parties]") {
  const std::string head = "CONTRAT LOCAL DE SANTE DU PAYS D'EXEMPLE 2024-2028\nEntre :\n";
  const std::string tail = "Il est convenu ce qui suit :\nArticle 1 : Objet\n";
  SECTION("a tab table") {
    CHECK(ShowAll(Parties(head +
                          "Signataires\tReprésentés par\n"
                          "Agence Régionale de Santé Exemple\tMadame Anne LEROY, "
                          "Directrice générale\n"
                          "Ville d'Exemple\tLe Maire, Jean MARTIN\n" +
                          tail)) ==
          V{"Agence Régionale de Santé Exemple | - | Anne LEROY | Directrice générale",
            "Ville d'Exemple | - | Jean MARTIN | Maire"});
  }
  SECTION("cells run together, one row a line, with or without a civility") {
    CHECK(ShowAll(Parties(head +
                          "Partenaires Représentant\n"
                          "Agence Régionale de Santé ARS Exemple Monsieur Paul DURAND, "
                          "Directeur général\n"
                          "Commune d'Exemple Jean-Marc TEYSSIER, Maire\n" +
                          tail)) ==
          V{"Agence Régionale de Santé ARS Exemple | - | Paul DURAND | Directeur général",
            "Commune d'Exemple | - | Jean-Marc TEYSSIER | Maire"});
  }
  SECTION("every row in one paragraph") {
    CHECK(ShowAll(Parties(head +
                          "Signataires Représentés par Agence Régionale de Santé Exemple Anne "
                          "LEROY Ville d'Exemple M. le Dr Jean MARTIN, Maire Caisse Primaire "
                          "d'Assurance Maladie d'Exemple Paul DURAND\n" +
                          tail)) ==
          V{"Agence Régionale de Santé Exemple | - | Anne LEROY | -",
            "Ville d'Exemple | - | Jean MARTIN | Maire",
            "Caisse Primaire d'Assurance Maladie d'Exemple | - | Paul DURAND | -"});
  }
  SECTION("a header with one row is no table") {
    CHECK(ShowAll(Parties(head +
                          "Partenaires Représentant\n"
                          "L'Agence Régionale de Santé Exemple, représentée par son "
                          "Directeur général, Monsieur Paul DURAND\n" +
                          tail)) ==
          V{"Agence Régionale de Santé Exemple | - | Paul DURAND | Directeur général"});
  }
}

TEST_CASE("bodies one a line without article nor representative", "[parties]") {
  CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTE DE LA VILLE D'EXEMPLE 2024-2028\n"
                        "Entre :\n"
                        "Ville d'Exemple\n"
                        "Agence Régionale de Santé Grand Exemple\n"
                        "Syndicat Mixte du\n"
                        "Pays d'Exemple\n"
                        "Il est convenu ce qui suit :\n")) ==
        V{"Ville d'Exemple | - | - | -", "Agence Régionale de Santé Grand Exemple | - | - | -",
          "Syndicat Mixte du Pays d'Exemple | - | - | -"});
}

TEST_CASE("a title between the civility and the name, the office after it", "[parties]") {
  CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTE DU PAYS D'EXEMPLE 2019-2023\n"
                        "Entre :\n"
                        "L'Agence Régionale de Santé Exemple, représentée par M. le Dr Jean-Luc "
                        "MARTIN Directeur Général, Chevalier de la Légion d'Honneur\n"
                        "Et\n"
                        "Le Pays d'Exemple, représenté par son Président, Mme la Pr Anne DURAND\n"
                        "Il est convenu ce qui suit :\n")) ==
        V{"Agence Régionale de Santé Exemple | - | Jean-Luc MARTIN | Directeur Général",
          "Pays d'Exemple | - | Anne DURAND | Président"});
}

TEST_CASE("a person named before the office of the body that signs", "[parties]") {
  CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTE DE L'AGGLOMERATION D'EXEMPLE 2019-2023\n"
                        "Entre :\n"
                        "Monsieur Pierre DURAND, Préfet de Tarn-et-Exemple,\n"
                        "Madame Anne LEROY, Directrice générale de l'Agence Régionale de Santé "
                        "Exemple,\n"
                        "Monsieur Paul MARTIN, Président de la Communauté d'Agglomération "
                        "d'Exemple,\n"
                        "Il est convenu ce qui suit :\n")) ==
        V{"Tarn-et-Exemple | - | Pierre DURAND | Préfet",
          "Agence Régionale de Santé Exemple | - | Anne LEROY | Directrice générale",
          "Communauté d'Agglomération d'Exemple | - | Paul MARTIN | Président"});
}

TEST_CASE("a table of the signatories by columns: 'Structure | Nom | Fonction | Signature'",
          "[parties]") {
  const std::string head =
      "CONTRAT LOCAL DE SANTE DU PAYS D'EXEMPLE 2021-2025\nArticle 1 : Objet\n"
      "Le contrat porte sur le territoire.\nLes signataires\n";
  SECTION("the signature column says the rows are signatories") {
    CHECK(ShowAll(Parties(
              head + "Structure\tNom\tFonction\tSignature\n"
                     "Communauté de communes d'Exemple\tM. Jean MARTIN\tPrésident\n"
                     "Agence Régionale de Santé Exemple\tAnne LEROY\tDirectrice générale\n")) ==
          V{"Communauté de communes d'Exemple | - | Jean MARTIN | Président",
            "Agence Régionale de Santé Exemple | - | Anne LEROY | Directrice générale"});
  }
  SECTION("without it, names and offices are a list of members") {
    CHECK(Parties(head + "Structure\tNom\tFonction\n"
                         "Communauté de communes d'Exemple\tJean MARTIN\tPrésident\n"
                         "Agence Régionale de Santé Exemple\tAnne LEROY\tDirectrice générale\n")
              .empty());
  }
}

TEST_CASE("the office of the body that signs, then the person after a comma", "[parties]") {
  CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTE DU PAYS D'EXEMPLE 2018-2022\n"
                        "Entre :\n"
                        "Le Préfet de la Seine-Exemple, Monsieur Pierre-André DURAND,\n"
                        "Le Directeur général de l'Agence Régionale de Santé d'Exemple, Madame "
                        "Anne LEROY,\n"
                        "Le Président du Pays d'Exemple, M. Jacques MARTIN,\n"
                        "Il est convenu ce qui suit :\n")) ==
        V{"Seine-Exemple | - | Pierre-André DURAND | Préfet",
          "Agence Régionale de Santé d'Exemple | - | Anne LEROY | Directeur général",
          "Pays d'Exemple | - | Jacques MARTIN | Président"});
}

TEST_CASE("a numbered list of parties: each number opens a party", "[parties]") {
  CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTE DE LA VILLE D'EXEMPLE 2020-2024\n"
                        "ENTRE LES PARTIES SUIVANTES :\n"
                        "1. La Ville d'Exemple, représentée par son Maire, Monsieur Jean MARTIN,\n"
                        "2. L'Agence Régionale de Santé Exemple, représentée par sa Directrice "
                        "générale, Madame Anne LEROY,\n"
                        "3) La Préfecture d'Exemple, représentée par Monsieur le Préfet, Paul "
                        "DURAND,\n"
                        "Il est convenu ce qui suit :\n")) ==
        V{"Ville d'Exemple | - | Jean MARTIN | Maire",
          "Agence Régionale de Santé Exemple | - | Anne LEROY | Directrice générale",
          "Préfecture d'Exemple | - | Paul DURAND | Préfet"});
}

TEST_CASE("signatures run together without commas: 'Pour X Le Directeur général Name'",
          "[parties]") {
  CHECK(ShowAll(Parties("CONTRAT LOCAL DE SANTE DU PAYS D'EXEMPLE 2021-2025\n"
                        "Article 1 : Objet\n"
                        "Le contrat porte sur le territoire.\n"
                        "Fait à Exempleville, le 12 mars 2021 Les signataires Pour l'Agence "
                        "Régionale de Santé Exemple Le Directeur général Benoît DUPONT Pour le "
                        "Pays de la Vallée d'Exemple Le Président Jean-Yves MARTIN Pour la "
                        "Préfecture d'Exemple La Préfète Marie DUVAL\n")) ==
        V{"Agence Régionale de Santé Exemple | - | Benoît DUPONT | Directeur général",
          "Pays de la Vallée d'Exemple | - | Jean-Yves MARTIN | Président",
          "Préfecture d'Exemple | - | Marie DUVAL | Préfète"});
}

}  // namespace
}  // namespace clsdb
