// ExtractDocumentTitle (extract/document_title.cc, rules/title.rules).
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

DocumentRecords TitleRun(const std::string& text) { return testing::ExtractText(text); }

TEST_CASE("an arrêté's heading and its 'portant …' line make its title", "[title]") {
  DocumentRecords r = TitleRun(
      "RÉPUBLIQUE FRANÇAISE\n\nCOMMUNE DE SAINT-ALBAN\n\n**ARRÊTÉ DU MAIRE N° 2024-12**\n\n"
      "**portant interdiction temporaire de circuler rue Haute**\n\n"
      "Le Maire de la commune,\n\nVu le code de la route,\n\nARRÊTE\n\n"
      "Article 1er : La circulation est interdite.\n");
  REQUIRE(r.title);
  CHECK(*r.title ==
        "ARRÊTÉ DU MAIRE N° 2024-12 portant interdiction temporaire de circuler rue Haute");
}

TEST_CASE("flattened minutes: the heading ends with the sitting's date or before the sitting",
          "[title]") {
  const std::string attendance =
      " Présents : M. Paul MARTIN, Mme Anne PETIT, M. Louis DURAND, Mme Julie MOREAU, M. Jean "
      "LEROY. Le Conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.";
  DocumentRecords dated = TitleRun(
      "COMPTE RENDU PROCES-VERBAL DU CONSEIL MUNICIPAL JEUDI 30 JANVIER 2020 Début de séance "
      ": 19h30 L'an deux mille vingt, le jeudi 30 janvier, le Conseil municipal s'est réuni." +
      attendance);
  REQUIRE(dated.title);
  CHECK(*dated.title == "COMPTE RENDU PROCES-VERBAL DU CONSEIL MUNICIPAL JEUDI 30 JANVIER 2020");
  DocumentRecords undated = TitleRun(
      "COMPTE-RENDU de la REUNION DU CONSEIL MUNICIPAL L'an deux mille seize, le dix-huit "
      "octobre, le Conseil municipal s'est réuni." +
      attendance);
  REQUIRE(undated.title);
  CHECK(*undated.title == "COMPTE-RENDU de la REUNION DU CONSEIL MUNICIPAL");
}

TEST_CASE("minutes whose heading a letterhead runs into take the heading from inside the line",
          "[title]") {
  const std::string sitting =
      " Présents : M. Paul MARTIN, Mme Anne PETIT, M. Louis DURAND, Mme Julie MOREAU. Le Conseil, "
      "après en avoir délibéré, DÉCIDE d'approuver le budget. Le Conseil, après en avoir "
      "délibéré, DÉCIDE de fixer les tarifs.";
  DocumentRecords r =
      TitleRun("MAIRIE DE VALBRUN-LES-PINS CONSEIL COMMUNAUTAIRE DU 7 MARS 2022" + sitting);
  REQUIRE(r.title);
  CHECK(*r.title == "CONSEIL COMMUNAUTAIRE DU 7 MARS 2022");
  // A heading a sentence leads into is not the document's title.
  DocumentRecords cited = TitleRun(
      "Vu la délibération du conseil municipal du 7 mars 2022 fixant les tarifs." + sitting);
  CHECK_FALSE(cited.title);
}

TEST_CASE("a line naming only the assembly opens the sitting's heading below it", "[title]") {
  DocumentRecords r = TitleRun(
      "Comité syndical\n\nSÉANCE DU JEUDI 3 JUIN 2021\n\nPrésents : M. Paul MARTIN, Mme Anne "
      "PETIT.\n\nLe Comité, après en avoir délibéré, DÉCIDE d'approuver le compte.\n\nLe Comité, "
      "après en avoir délibéré, DÉCIDE de fixer les tarifs.\n");
  REQUIRE(r.title);
  CHECK(*r.title == "Comité syndical SÉANCE DU JEUDI 3 JUIN 2021");
  // The assembly in capitals ending a letterhead run into the line above.
  DocumentRecords letterhead = TitleRun(
      "REPUBLIQUE FRANCAISE Syndicat Intercommunal de Valbrun Siège social : 68 rue Haute VALBRUN "
      "COMITE SYNDICAL\n\nProcès verbal de la séance du 7 juin 2011\n\nPrésents : M. Paul "
      "MARTIN, Mme Anne PETIT.\n\nLe Comité, après en avoir délibéré, DÉCIDE d'approuver le "
      "compte.\n\nLe Comité, après en avoir délibéré, DÉCIDE de fixer les tarifs.\n");
  REQUIRE(letterhead.title);
  CHECK(*letterhead.title == "COMITE SYNDICAL Procès verbal de la séance du 7 juin 2011");
}

// Two acts of a sitting, so that no single act's subject titles the document.
const std::string kTwoActs =
    " Présents : M. Paul MARTIN, Mme Anne PETIT, M. Louis DURAND, Mme Julie MOREAU. "
    "Délibération n° 2023-01 : Budget primitif. Le Conseil, après en avoir délibéré, DÉCIDE "
    "d'approuver le budget. Délibération n° 2023-02 : Tarifs de la cantine. Le Conseil, après "
    "en avoir délibéré, DÉCIDE de fixer les tarifs.";

TEST_CASE("the register's heading titles minutes a letterhead or a form runs into", "[title]") {
  DocumentRecords r = TitleRun(
      "Commune de Valbrun L'an et le à EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL "
      "MUNICIPAL Séance du 10 février 2020 L'an deux mille vingt, le dix février, le Conseil "
      "municipal s'est réuni." +
      kTwoActs);
  REQUIRE(r.doc_type == DocumentType::kDeliberation);
  REQUIRE(r.title);
  CHECK(*r.title == "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL");
  // "Procès-verbal des délibérations" is the register's heading too.
  DocumentRecords minutes = TitleRun(
      "Procès-verbal des délibérations\n\nCompte-rendu sommaire du Conseil communautaire du 28 "
      "juin 2022\n\nL'an deux mille vingt-deux, le 28 juin, le Conseil communautaire s'est "
      "réuni." +
      kTwoActs);
  REQUIRE(minutes.title);
  CHECK(*minutes.title == "Procès-verbal des délibérations");
}

TEST_CASE("the minutes' name inside a line titles them, after the assembly heading it", "[title]") {
  const std::string sitting =
      " L'an deux mille vingt-trois, le six février, le Conseil municipal s'est réuni." + kTwoActs;
  DocumentRecords headed = TitleRun(
      "DÉPARTEMENT DE LA VENDÉE COMMUNE DE VALBRUN CONSEIL MUNICIPAL PROCES - VERBAL Séance du "
      "6 février 2023" +
      sitting);
  REQUIRE(headed.title);
  CHECK(*headed.title == "CONSEIL MUNICIPAL PROCES - VERBAL Séance du 6 février 2023");
  // The sitting's date opening the first sentence ends the name.
  DocumentRecords dated = TitleRun(
      "Publié le 8 février 2023 RÉUNION DU CONSEIL MUNICIPAL DU 12 DECEMBRE 2022 PROCÈS VERBAL "
      "Le 12 décembre 2022, à 17 h 35, le conseil municipal s'est réuni." +
      kTwoActs);
  REQUIRE(dated.title);
  CHECK(*dated.title == "PROCÈS VERBAL");
  // A sitting's heading printed before the name heads the minutes.
  DocumentRecords sitting_first = TitleRun(
      "VILLE DE VALBRUN CONSEIL MUNICIPAL DU 10 FÉVRIER 2023 SEANCE DU 10/02/2023 PROCÈS VERBAL "
      "Monsieur le Maire ouvre la séance." +
      kTwoActs);
  REQUIRE(sitting_first.title);
  CHECK(*sitting_first.title == "CONSEIL MUNICIPAL DU 10 FÉVRIER 2023");
  // Approving earlier minutes is no heading.
  DocumentRecords approval = TitleRun(
      "Le Conseil municipal approuve le Procès-verbal de la séance du 3 mars 2023." + kTwoActs);
  CHECK_FALSE(approval.title);
}

TEST_CASE("the pages' running line run into the minutes' heading is no part of the title",
          "[title]") {
  const std::string footer =
      "Procès-verbal du Conseil Municipal de la ville de Valbrun du 27/03/23 - ";
  std::string text = "- " + footer +
                     "CONSEIL MUNICIPAL PROCÈS VERBAL DE LA SÉANCE DU LUNDI 27 MARS 2023 à 18 h 00 "
                     "Nombre de conseillers : 29" +
                     kTwoActs + "\n";
  for (int page = 1; page <= 4; ++page) {
    text += std::to_string(page) + "/4 - " + footer + "Le Conseil prend acte.\n";
  }
  DocumentRecords r = TitleRun(text);
  REQUIRE(r.title);
  CHECK(*r.title == "CONSEIL MUNICIPAL PROCÈS VERBAL DE LA SÉANCE DU LUNDI 27 MARS 2023");
  // Printed once, the text before the dash is the heading's own.
  DocumentRecords once = TitleRun("- " + footer +
                                  "CONSEIL MUNICIPAL PROCÈS VERBAL DE LA SÉANCE DU LUNDI 27 MARS "
                                  "2023 à 18 h 00 Nombre de conseillers : 29" +
                                  kTwoActs);
  REQUIRE(once.title);
  CHECK(once.title->starts_with("Procès-verbal du Conseil Municipal de la ville de Valbrun"));
}

TEST_CASE("the minutes' name after the sitting's hour, with what kind of minutes they are",
          "[title]") {
  // "14 h" ends no sentence; "DES DÉBATS" belongs to the name.  Run through
  // the repair stage, as ingestion does.
  DocumentRecords r =
      testing::TextRun(
          "1 RÉPUBLIQUE FRANÇAISE DÉPARTEMENT DE VALBRUN CONSEIL DÉPARTEMENTAL Réunion du 16 "
          "décembre "
          "2022 14 h PROCÈS VERBAL DES DÉBATS Selon les nouvelles dispositions du code, le "
          "procès-verbal est publié." +
          kTwoActs)
          .records;
  REQUIRE(r.title);
  CHECK(*r.title == "PROCÈS VERBAL DES DÉBATS");
}

TEST_CASE("a meeting's heading titles minutes that print no name of their own", "[title]") {
  DocumentRecords r = TitleRun(
      "COMMUNE DE VALBRUN\n\nREUNION DU CONSEIL MUNICIPAL\n\nL'an deux mille dix-neuf, le 3 "
      "mars, le Conseil municipal s'est réuni.\n\nPrésents : M. Paul MARTIN, Mme Anne PETIT."
      "\n\nLe Conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n\nLe Conseil, "
      "après en avoir délibéré, DÉCIDE de fixer les tarifs.\n");
  REQUIRE(r.title);
  CHECK(*r.title == "REUNION DU CONSEIL MUNICIPAL");
  // The name printed after the meeting's heading is the title.
  DocumentRecords named = TitleRun(
      "Réunion du Conseil de la Métropole de Valbrun du vendredi 16 décembre 2022 Convoqué le 9 "
      "décembre 2022 "
      "Compte-rendu sommaire Assistaient à la réunion sous la présidence de Mme Pia MARTIN." +
      kTwoActs);
  REQUIRE(named.title);
  CHECK(*named.title == "Compte-rendu sommaire");
  // A community of communes' general assembly, run on into its attendance:
  // the heading ends with the sitting's date.
  DocumentRecords assembly = TitleRun(
      "Assemblée Générale de la Communauté de Communes du Pays de Valbrun mercredi 23 février "
      "2023 Etaient présents : Mesdames et Messieurs : MARTIN P., PETIT A., DURAND L." +
      kTwoActs);
  REQUIRE(assembly.title);
  CHECK(*assembly.title ==
        "Assemblée Générale de la Communauté de Communes du Pays de Valbrun mercredi 23 février "
        "2023");
}

TEST_CASE("a heading after the page's number, and the meeting completing it", "[title]") {
  DocumentRecords numbered = TitleRun(
      "1 CONSEIL MUNICIPAL DU 24 JUIN 2005 Séance ouverte à 21 heures sous la présidence de M. "
      "Paul MARTIN, Maire. Secrétaire : M. Louis DURAND, Conseiller\n\nPrésents : M. Paul MARTIN, "
      "Mme Anne PETIT.\n\nLe Conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n\n"
      "Le Conseil, après en avoir délibéré, DÉCIDE de fixer les tarifs.\n");
  REQUIRE(numbered.title);
  CHECK(*numbered.title == "CONSEIL MUNICIPAL DU 24 JUIN 2005");
  DocumentRecords continued = TitleRun(
      "COMPTE-RENDU\n\nde la REUNION DU CONSEIL MUNICIPAL\n\nL'an deux mille seize, le dix-huit "
      "octobre, le Conseil municipal s'est réuni.\n\nPrésents : M. Paul MARTIN, Mme Anne PETIT."
      "\n\nLe Conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n\nLe Conseil, "
      "après en avoir délibéré, DÉCIDE de fixer les tarifs.\n");
  REQUIRE(continued.title);
  CHECK(*continued.title == "COMPTE-RENDU de la REUNION DU CONSEIL MUNICIPAL");
}

TEST_CASE("a heading's lines under a rule drawn below it, and the sitting's date, complete it",
          "[title]") {
  const std::string sitting =
      "L'an deux mille dix-huit, le dix décembre, le Bureau s'est réuni.\n\nPrésents : M. Paul "
      "MARTIN, Mme Anne PETIT.\n\nLe Bureau, après en avoir délibéré, DÉCIDE d'approuver le "
      "budget.\n\nLe Bureau, après en avoir délibéré, DÉCIDE de fixer les tarifs.\n";
  DocumentRecords ruled = TitleRun(
      "COMMUNAUTÉ D'AGGLOMÉRATION DE VALBRUN\n\n_______\n\nCOMPTE RENDU\n\n__________________\n\n"
      "BUREAU COMMUNAUTAIRE\n\nDU 10 DÉCEMBRE 2018\n\n" +
      sitting);
  REQUIRE(ruled.title);
  CHECK(*ruled.title == "COMPTE RENDU BUREAU COMMUNAUTAIRE DU 10 DÉCEMBRE 2018");
  // The acts of a sitting headed as such, the sitting on the next line.
  DocumentRecords acts =
      TitleRun("DELIBERATIONS DU CONSEIL MUNICIPAL\n\nDE LA SEANCE DU 12 JUIN 2009\n\n" + sitting);
  REQUIRE(acts.title);
  CHECK(*acts.title == "DELIBERATIONS DU CONSEIL MUNICIPAL DE LA SEANCE DU 12 JUIN 2009");
}

TEST_CASE("flattened minutes: the assembly over 'compte rendu', a sitting's line run on",
          "[title]") {
  const std::string acts =
      " Présents : M. Paul MARTIN, Mme Anne PETIT. Le Conseil, après en avoir délibéré, DÉCIDE "
      "d'approuver le budget. Le Conseil, après en avoir délibéré, DÉCIDE de fixer les tarifs.";
  DocumentRecords assembly = TitleRun(
      "Valbrun Communauté de Communes CONSEIL COMMUNAUTAIRE COMPTE-RENDU Réunion du 3 JUIN 2014 "
      "Le Conseil communautaire, dûment convoqué, s'est réuni sous la présidence de M. Paul "
      "MARTIN." +
      acts);
  REQUIRE(assembly.title);
  CHECK(*assembly.title == "CONSEIL COMMUNAUTAIRE COMPTE-RENDU Réunion du 3 JUIN 2014");
  DocumentRecords sitting = TitleRun(
      "SEANCE DU 29 JUIN 2017 Le Conseil municipal légalement convoqué, s'est réuni en séance "
      "ordinaire sous la présidence de M. Paul MARTIN, Maire." +
      acts);
  REQUIRE(sitting.title);
  CHECK(*sitting.title == "SEANCE DU 29 JUIN 2017");
}

TEST_CASE("a flattened news headline ends at the page's label or the lede's opening", "[title]") {
  DocumentRecords label = TitleRun(
      "Brévannes signe avec l'Agence Régionale de Santé un contrat local de santé pour la période "
      "2024-2029 Communiqué de presse Confrontée à une fragilisation de sa démographie médicale, "
      "la ville s'est engagée dans des actions de prévention. Le contrat a été signé hier.\n");
  REQUIRE(label.doc_type == DocumentType::kPressRelease);
  REQUIRE(label.title);
  CHECK(*label.title ==
        "Brévannes signe avec l'Agence Régionale de Santé un contrat local de santé pour la "
        "période 2024-2029");
  DocumentRecords lede = TitleRun(
      "La feuille de route 2024-2029 pour une Ville Solidaire et Inclusive Aujourd'hui, la Ville "
      "de Brévannes a officiellement signé le Contrat Local de Santé avec l'Agence régionale de "
      "santé. Le contrat engage une cinquantaine d'acteurs.\n");
  REQUIRE(lede.title);
  CHECK(*lede.title == "La feuille de route 2024-2029 pour une Ville Solidaire et Inclusive");
  // A label too short to be a headline (the region) is passed over.
  DocumentRecords region = TitleRun(
      "Pays de la Loire La Communauté de communes de Brévannes et l'ARS signent un premier "
      "Contrat local de santé Actualité Visuel Signature du contrat local de santé par le "
      "directeur général de l'ARS. Le directeur général de l'ARS et le président ont signé ce "
      "mardi 12 juin un premier contrat local de santé.\n");
  REQUIRE(region.doc_type == DocumentType::kPressRelease);
  REQUIRE(region.title);
  CHECK(*region.title ==
        "La Communauté de communes de Brévannes et l'ARS signent un premier Contrat local de "
        "santé");
  // A kicker's full stop keeps the headline, which ends at the subscribers' label.
  DocumentRecords kicker = TitleRun(
      "Brévannes. Conseil municipal : santé, prévention, travaux, théâtre Abonnés • La troupe "
      "salue le public. Le conseil municipal a approuvé le contrat local de santé.\n");
  REQUIRE(kicker.title);
  CHECK(*kicker.title == "Brévannes. Conseil municipal : santé, prévention, travaux, théâtre");
}

TEST_CASE("a short line or a drawn one over a news headline is a label", "[title]") {
  DocumentRecords region = TitleRun(
      "Pays de la Loire\n\nLa communauté de communes de Brévannes et l'ARS signent un premier "
      "contrat local de santé\n\nActualité\n\nLes élus et l'ARS ont signé ce mardi 12 juin un "
      "premier contrat local de santé.\n");
  REQUIRE(region.doc_type == DocumentType::kPressRelease);
  REQUIRE(region.title);
  CHECK(*region.title ==
        "La communauté de communes de Brévannes et l'ARS signent un premier contrat local de "
        "santé");
  DocumentRecords drawn = TitleRun(
      "|\n\nBrévannes. Le contrat local de santé a été signé\n\nJeudi soir, le contrat local de "
      "santé de la communauté de communes a été signé entre son président et l'ARS.\n");
  REQUIRE(drawn.title);
  CHECK(*drawn.title == "Brévannes. Le contrat local de santé a été signé");
}

TEST_CASE("a flattened headline ends at the first of its restatement and the body's opening",
          "[title]") {
  // The region's words over the headline come again in the body: that
  // restatement comes after the label that ends the headline.
  DocumentRecords r = TitleRun(
      "Pays de la Loire La Communauté de communes de Brévannes et l'ARS signent un premier "
      "Contrat local de santé Actualité Visuel Signature du contrat par le directeur général de "
      "l'ARS Pays de la Loire et le président de la communauté de communes, qui ont signé ce mardi "
      "12 juin un premier contrat local de santé.\n");
  REQUIRE(r.doc_type == DocumentType::kPressRelease);
  REQUIRE(r.title);
  CHECK(*r.title ==
        "La Communauté de communes de Brévannes et l'ARS signent un premier Contrat local de "
        "santé");
}

TEST_CASE("flattened acts of a sitting: their heading up to the sitting's date", "[title]") {
  DocumentRecords r = TitleRun(
      "DELIBERATIONS DU CONSEIL MUNICIPAL DE LA SEANCE DU 12 JUIN 2009 L'an deux mil neuf le 12 "
      "juin, le Conseil Municipal s'est réuni sous la présidence de M. Paul MARTIN, Maire. "
      "Présents : M. Paul MARTIN, Mme Anne PETIT. Le Conseil, après en avoir délibéré, DÉCIDE "
      "d'approuver le budget. Le Conseil, après en avoir délibéré, DÉCIDE de fixer les tarifs.\n");
  REQUIRE(r.title);
  CHECK(*r.title == "DELIBERATIONS DU CONSEIL MUNICIPAL DE LA SEANCE DU 12 JUIN 2009");
}

TEST_CASE("a flattened newspaper's name and issue before the headline is passed over", "[title]") {
  DocumentRecords r = TitleRun(
      "Sud-Ouest du 1er février 2018 Un contrat pour mieux appréhender la santé Les élus de la "
      "communauté d'agglomération ont signé le contrat local de santé ce jeudi. Quatre axes de "
      "travail ont été définis.\n");
  REQUIRE(r.doc_type == DocumentType::kPressRelease);
  REQUIRE(r.title);
  CHECK(*r.title == "Un contrat pour mieux appréhender la santé");
}

TEST_CASE("a flattened headline ends where the body's first sentence restates its subject",
          "[title]") {
  DocumentRecords r = TitleRun(
      "Brévannes renforce son engagement en santé avec un Contrat Local de Santé Brévannes "
      "franchit une étape décisive pour la santé de ses habitants. Un Contrat Local de Santé a "
      "été signé entre l'Agence régionale de santé et la commune ce mardi.\n");
  REQUIRE(r.doc_type == DocumentType::kPressRelease);
  REQUIRE(r.title);
  CHECK(*r.title == "Brévannes renforce son engagement en santé avec un Contrat Local de Santé");
}

TEST_CASE("a flattened page's heading printed twice is its title, however short", "[title]") {
  DocumentRecords r = TitleRun(
      "Les lettres santé Les lettres santé Le Contrat Local de Santé de Brévannes Les contrats "
      "locaux de santé ont pour objectifs de réduire les inégalités sociales et territoriales de "
      "santé.\n");
  REQUIRE(r.title);
  CHECK(*r.title == "Les lettres santé");
}

TEST_CASE("a press release's headline after its labels is its title", "[title]") {
  DocumentRecords r = TitleRun(
      "COMMUNIQUÉ DE PRESSE\n\nLe 3 mars 2024\n\nContrat local de santé\n\n"
      "La communauté de communes et l'ARS signent leur premier contrat local de santé\n\n"
      "La communauté de communes et l'Agence régionale de santé ont signé ce jour un contrat "
      "local de santé pour cinq ans. Il associe la préfecture, le département et la CPAM.\n");
  CHECK(r.doc_type == DocumentType::kPressRelease);
  REQUIRE(r.title);
  CHECK(*r.title ==
        "La communauté de communes et l'ARS signent leur premier contrat local de santé");
}

TEST_CASE("a newspaper's name and issue over an article is no title", "[title]") {
  DocumentRecords r = TitleRun(
      "Sud-Ouest du 1er février 2018\n\n"
      "Un contrat pour mieux appréhender la santé\n\n"
      "Les élus de la communauté d'agglomération ont signé le contrat local de santé ce jeudi. "
      "Quatre axes de travail ont été définis.\n");
  CHECK(r.doc_type == DocumentType::kPressRelease);
  REQUIRE(r.title);
  CHECK(*r.title == "Un contrat pour mieux appréhender la santé");
}

TEST_CASE("a page that explains the contract is titled by its heading", "[title]") {
  DocumentRecords r = TitleRun(
      "Le Contrat local de santé (CLS)\n\n"
      "Le Contrat local de santé (CLS) permet une coordination territoriale des actions de "
      "prévention et d'accès aux soins. Il engage une cinquantaine d'acteurs.\n");
  CHECK(r.doc_type == DocumentType::kNote);
  REQUIRE(r.title);
  CHECK(*r.title == "Le Contrat local de santé (CLS)");
}

TEST_CASE("a page about the contract is titled by a short heading, a news item is not", "[title]") {
  DocumentRecords page = TitleRun(
      "Contrats locaux de santé\n\n"
      "Le contrat local de santé (CLS) est un outil porté conjointement par l'Agence régionale "
      "de santé et une collectivité territoriale.\n");
  CHECK(page.doc_type == DocumentType::kNote);
  REQUIRE(page.title);
  CHECK(*page.title == "Contrats locaux de santé");
  // Over a news item, four words are a label (the region), not its headline.
  DocumentRecords news = TitleRun(
      "Pays de la Loire\n\n"
      "Les élus de la communauté de communes et l'ARS ont signé ce mardi 12 juin un premier "
      "contrat local de santé.\n");
  CHECK(news.doc_type == DocumentType::kPressRelease);
  CHECK_FALSE(news.title);
}

TEST_CASE("a report on a contract is titled up to the period it covers", "[title]") {
  DocumentRecords r = TitleRun(
      "EVALUATION DU CONTRAT LOCAL DE SANTE DE LA VILLE DE VALBRUN 2012-2017 SYNTHESE JEAN MARTIN "
      "ANNE PETIT Juin 2018 Société au capital de 126 325 euros\n\n"
      "Le contrat local de santé est un outil porté par l'ARS et la ville.\n");
  CHECK(r.doc_type == DocumentType::kNote);
  REQUIRE(r.title);
  CHECK(*r.title == "EVALUATION DU CONTRAT LOCAL DE SANTE DE LA VILLE DE VALBRUN 2012-2017");
}

TEST_CASE("a flattened page's headline ends where its first sentence restates it", "[title]") {
  DocumentRecords r = TitleRun(
      "Un contrat local de santé signé à Brévannes Le contrat local de santé de Brévannes a été "
      "signé par la commune et l'Agence régionale de santé pour cinq ans. Il coordonne la "
      "prévention et l'accès aux soins.\n");
  REQUIRE(r.doc_type == DocumentType::kPressRelease);
  REQUIRE(r.title);
  CHECK(*r.title == "Un contrat local de santé signé à Brévannes");
  // A restatement inside a sentence ("… avec le contrat local …") ends nothing.
  DocumentRecords inside = TitleRun(
      "Contrat local de santé et prévention avec le contrat local de santé la commune agit pour "
      "ses habitants. Le contrat engage une cinquantaine d'acteurs.\n");
  CHECK_FALSE(inside.title);
  // Nor does one after a whole sentence: the text before it is no headline.
  DocumentRecords after_sentence = TitleRun(
      "Un contrat local de santé signé à Brévannes pour cinq ans. Un contrat local de santé "
      "coordonne la prévention et l'accès aux soins de la commune et de ses habitants.\n");
  CHECK_FALSE(after_sentence.title);
}

TEST_CASE("a flattened news headline ends where the body's first sentence or date line opens",
          "[title]") {
  DocumentRecords article = TitleRun(
      "Brévannes et ARS : signature du Contrat Local de Santé 2ème Génération Le Contrat Local "
      "de Santé entre l'Agence régionale de santé et la commune a été signé le 29 novembre 2019. "
      "Il coordonne la prévention et l'accès aux soins.\n");
  REQUIRE(article.doc_type == DocumentType::kPressRelease);
  REQUIRE(article.title);
  CHECK(*article.title == "Brévannes et ARS : signature du Contrat Local de Santé 2ème Génération");
  DocumentRecords dated = TitleRun(
      "Signature du Contrat Local de Santé (2025-2030) Vendredi 24 janvier 2025, le Contrat Local "
      "de Santé de l'Agglomération de Brévannes a été signé officiellement à l'Hôtel de Ville. "
      "Il coordonne la prévention et l'accès aux soins.\n");
  REQUIRE(dated.title);
  CHECK(*dated.title == "Signature du Contrat Local de Santé (2025-2030)");
  // An article after a preposition is inside the headline, not a new sentence.
  DocumentRecords inner = TitleRun(
      "Brévannes : la ville et les partenaires renouvellent le Contrat local de santé Les acteurs "
      "engagés à Brévannes ont signé la version 2 du dispositif le 3 mars. Les actions sont "
      "poursuivies.\n");
  REQUIRE(inner.title);
  CHECK(*inner.title ==
        "Brévannes : la ville et les partenaires renouvellent le Contrat local de santé");
  // A sentence that ends before any such break is no headline.
  DocumentRecords sentence = TitleRun(
      "Le Contrat Local de santé vise à réduire les inégalités sociales et territoriales de "
      "santé. Le CLS a été signé le 16 décembre 2014 pour une période de 3 ans.\n");
  CHECK_FALSE(sentence.title);
}

TEST_CASE("a lede of several sentences is no headline", "[title]") {
  DocumentRecords r = TitleRun(
      "Mardi 3 mai 2022 s'est tenu le conseil municipal de Brévannes. Une dizaine d'affaires "
      "était soumise au vote. Nous publions ci-dessous le communiqué de la ville (Photos - "
      "Ville)\n\nLes élus approuvent le renouvellement du contrat local de santé.\n");
  REQUIRE(r.doc_type == DocumentType::kPressRelease);
  CHECK_FALSE(r.title);
  // One full stop after a kicker ("Coursan. Conseil municipal : …") keeps a headline.
  DocumentRecords kicker = TitleRun(
      "Brévannes. Conseil municipal : santé, prévention, travaux\n\nLe conseil municipal a "
      "approuvé le contrat local de santé, qui a été signé ce lundi.\n");
  REQUIRE(kicker.title);
  CHECK(*kicker.title == "Brévannes. Conseil municipal : santé, prévention, travaux");
}

TEST_CASE("a document with no heading gets no title", "[title]") {
  DocumentRecords r = TitleRun("Quelques notes prises à la volée.\n\nUne autre phrase.\n");
  CHECK_FALSE(r.title);
}

// A letterhead run into the minutes' heading may end with a place's name
// that joins a lower-case particle by hyphens or follows an elided article:
// no sentence leads into the heading.
TEST_CASE("a letterhead ending in a hyphenated place's name still heads the minutes", "[title]") {
  const std::string sitting =
      "\n\nL'an deux mille seize, le vingt-deux septembre, les membres du Conseil "
      "Communautaire, dûment convoqués le 15 septembre, réunis en séance ordinaire publique sous "
      "la Présidence de Monsieur Paul MARTIN, Président.\n\nÉtaient présents : M. Paul MARTIN, "
      "Mme Anne PETIT, M. Louis DURAND, Mme Julie MOREAU.\n\nLe Conseil communautaire, après en "
      "avoir délibéré, DÉCIDE d'approuver le budget.\n";
  DocumentRecords hyphenated = TitleRun(
      "Communauté de communes du Pays d’Azay-le-Rideau Compte rendu de réunion du Conseil "
      "communautaire du 22 septembre 2016" +
      sitting);
  REQUIRE(hyphenated.title);
  CHECK(*hyphenated.title ==
        "Compte rendu de réunion du Conseil communautaire du 22 septembre 2016");
  // An elided word in lower case is still a sentence's.
  DocumentRecords cited = TitleRun(
      "Le vote a suivi l’ajournement conseil communautaire du 22 septembre 2016" + sitting);
  CHECK(cited.title.value_or("") != "conseil communautaire du 22 septembre 2016");
}

// A recueil des actes administratifs is titled by its own heading, not by
// the heading of the first minutes it holds.
TEST_CASE("a recueil des actes administratifs is titled by its heading", "[title]") {
  DocumentRecords r = TitleRun(
      "RECUEIL DES ACTES ADMINISTRATIFS\n\nSEPTEMBRE 2016 A NOVEMBRE 2016\n\n"
      "Page 2: R ADMINISTRATIFS - Syndicat\n\n2\n\nSOMMAIRE\n\n"
      "COMPTE-RENDU DE LA SEANCE DU COMITE SYNDICAL DU 29 SEPTEMBRE 2016 page 3\n\n"
      "COMPTE-RENDU DE LA SEANCE DU COMITE\n\nSYNDICAL DU 29 SEPTEMBRE 2016\n\n"
      "PRÉSENTS M. Paul MARTIN, Mme Anne PETIT\n");
  REQUIRE(r.title);
  CHECK(*r.title == "RECUEIL DES ACTES ADMINISTRATIFS");
}

}  // namespace
}  // namespace clsdb
