// ExtractDeliberations (extract/deliberation.cc, rules/deliberation.rules),
// on small texts run through DecodeText → LayOut → Segment → Extract.
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

struct ActRun : testing::TextRun {
  using TextRun::TextRun;
  // By value: most tests call it on a temporary.
  Deliberation Only() const {
    REQUIRE(records.deliberations.size() == 1);
    return records.deliberations[0];
  }
  // The page text a provenance points at.
  std::string At(const Provenance& p) const {
    return doc.pages.at(p.page - 1).text.substr(p.span_start, p.span_end - p.span_start);
  }
};

// "name | status" of each attendee, in order.
std::vector<std::string> NamesAndStatuses(const Deliberation& d) {
  std::vector<std::string> out;
  for (const Attendee& a : d.attendees) out.push_back(a.name + " | " + a.status);
  return out;
}

// The Commission Permanente template: heading lines, presence lists, the
// subject in capitals above "(N°…)", "Vu" clauses, DECIDE, vote lines.
const char kCommission[] =
    "DEPARTEMENT DU PAS-DE-CALAIS\n"
    "**DELIBERATION DE LA COMMISSION PERMANENTE\n"
    "DU CONSEIL DEPARTEMENTAL**\n"
    "REUNION DU 22 AVRIL 2025\n"
    "PRESIDENCE DE MONSIEUR JEAN-CLAUDE LEROY\n"
    "Secrétaire : Fatima AIT-CHIKHEBBIH\n"
    "Étaient présents : M. Jean-Claude LEROY, Mme Mireille HINGREZ-CÉRÉDA, M. Daniel MACIEJASZ.\n"
    "Excusé(s) : M. Pierre GEORGET, Mme Florence WOZNY.\n"
    "Absent(s) : M. Steeve BRIOIS.\n"
    "Assistant également sans voix délibérative : M. Jean-Louis COTTIGNY, M. Bertrand PETIT.\n"
    "Excusé(s) sans voix délibérative : M. Michel DAGBERT.\n"
    "**PARTICIPATION DU DÉPARTEMENT AUX CONTRATS LOCAUX DE SANTÉ DE\n"
    "3ÈME GÉNÉRATION**\n"
    "(N°2025-131)\n"
    "La Commission Permanente du Conseil départemental du Pas-de-Calais,\n"
    "Vu le Code Général des Collectivités Territoriales et, notamment, ses articles L.3121-14, "
    "L.3121-14-1 et L.3211-2 ;\n"
    "Vu la délibération n°2021-257 du Conseil départemental en date du 01/07/2021 « Délégation "
    "d'attributions à la Commission Permanente » ;\n"
    "Vu le rapport du Président du Conseil départemental, ci-annexé ;\n"
    "Après en avoir délibéré,\n"
    "DECIDE :\n"
    "Article unique :\n"
    "D'autoriser le Président à signer les contrats.\n"
    "Dans les conditions de vote ci-dessous :\n"
    "Pour : 43 voix (Groupe Socialiste ; Groupe Union pour le Pas-de-Calais)\n"
    "Contre : 0 voix\n"
    "Abstention : 0 voix\n"
    "Absent sans délégation de vote : 1 (Groupe Rassemblement National)\n"
    "(Adopté)\n"
    "LE PRESIDENT DU CONSEIL DEPARTEMENTAL,\n"
    "Jean-Claude LEROY\n"
    "ARRAS, le 22 avril 2025\n";

// The register-extract template of a communal council.
const char kRegister[] =
    "COMMUNAUTÉ DE COMMUNES DU VAL D'ARDANNE\n"
    "**EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE**\n"
    "Séance du 27 mars 2025\n"
    "Délibération n° DEL2025-037\n"
    "L'an deux mille vingt-cinq, le Conseil communautaire de la Communauté de communes du Val "
    "d'Ardanne, légalement convoqué le 20 mars 2025, s'est réuni sous la présidence de Madame "
    "Odile FERRAND, Présidente.\n"
    "Présents : 31\n"
    "Votants : 33\n"
    "Étaient présents : Mme Odile FERRAND, M. Alain DUCROS, Mme Martine BOYER.\n"
    "Excusés : Mme Lucie BRETON (pouvoir à M. Alain DUCROS), M. Henri PAGÈS.\n"
    "Secrétaire de séance : M. Alain DUCROS.\n"
    "**OBJET : Programme 2025 d'entretien de la voirie**\n"
    "Le Conseil communautaire,\n"
    "Vu la délibération n° DEL2024-112 du 12 décembre 2024 portant adoption du budget ;\n"
    "Après en avoir délibéré,\n"
    "**DECIDE :**\n"
    "- d'approuver le programme.\n"
    "Résultat du vote :\n"
    "Pour : 30 voix\n"
    "Contre : 2 voix\n"
    "Abstention : 1\n"
    "(Adopté)\n"
    "Fait et délibéré à Saint-Ouen-d'Ardanne, le 27 mars 2025.\n";

TEST_CASE("the body as the act writes it in its opening sentence", "[deliberation]") {
  CHECK(ActRun(kCommission).Only().body ==
        "Commission Permanente du Conseil départemental du Pas-de-Calais");
}

TEST_CASE("a bare 'Le Conseil communautaire,' yields to the sitting's sentence", "[deliberation]") {
  CHECK(ActRun(kRegister).Only().body ==
        "Conseil communautaire de la Communauté de communes du Val d'Ardanne");
}

TEST_CASE("without a sentence, the body is the heading plus the collectivity above it",
          "[deliberation]") {
  const Deliberation d = ActRun(
                             "DEPARTEMENT DU NORD\n"
                             "DELIBERATION DE LA COMMISSION PERMANENTE\n"
                             "DU CONSEIL DEPARTEMENTAL\n"
                             "(N°2025-12)\n"
                             "DECIDE :\n"
                             "(Adopté)\n")
                             .Only();
  CHECK(d.body == "COMMISSION PERMANENTE DU CONSEIL DEPARTEMENTAL DU NORD");
}

TEST_CASE(
    "minutes headed by their sitting: the body before the date, completed by the "
    "collectivity above it when bare",
    "[deliberation]") {
  CHECK(ActRun("Compte-rendu du Conseil Communautaire du Haut Allier du 24 septembre 2020\n"
               "Présents : M. Paul MARTIN, Mme Anne PETIT\n"
               "Le conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
            .Only()
            .body == "Conseil Communautaire du Haut Allier");
  CHECK(ActRun("COMMUNAUTE DE COMMUNES DU VAL\n"
               "CONSEIL COMMUNAUTAIRE DU 11 DECEMBRE 2012\n"
               "Présents : M. Paul MARTIN, Mme Anne PETIT\n"
               "Le conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
            .Only()
            .body == "CONSEIL COMMUNAUTAIRE DE LA COMMUNAUTE DE COMMUNES DU VAL");
}

TEST_CASE("a bare body is completed only by a collectivity of its own level, named",
          "[deliberation]") {
  // The département above a communauté's minutes is the communauté's
  // address, not its collectivity; "COMMUNAUTÉ D'AGGLOMÉRATION" alone names
  // none.
  CHECK(ActRun("DÉPARTEMENT DE LA RÉUNION\n"
               "COMMUNAUTÉ D'AGGLOMÉRATION\n"
               "CONSEIL COMMUNAUTAIRE DU 10 DECEMBRE 2018\n"
               "Présents : M. Paul MARTIN, Mme Anne PETIT\n"
               "Le conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
            .Only()
            .body == "CONSEIL COMMUNAUTAIRE");
  // The département's own council is completed by it.
  CHECK(ActRun("DÉPARTEMENT DE LA LOZÈRE\n"
               "CONSEIL DÉPARTEMENTAL DU 10 DECEMBRE 2018\n"
               "Présents : M. Paul MARTIN, Mme Anne PETIT\n"
               "Le conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
            .Only()
            .body == "CONSEIL DÉPARTEMENTAL DE LA LOZÈRE");
}

TEST_CASE("a bare municipal council is the council of the commune its minutes sit in",
          "[deliberation]") {
  const char kMinutes[] =
      "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
      "L'an deux mil vingt-trois, le seize janvier, le Conseil Municipal s'est réuni sous la "
      "présidence de Monsieur Bruno MARTIN, Maire de NIHERNE. Etaient présents : M. Bruno MARTIN, "
      "Mme Anne PETIT.\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n";
  CHECK(ActRun(kMinutes).Only().body == "Conseil Municipal de NIHERNE");
  // "de cette Commune" names none: the commune the head names does.
  CHECK(ActRun("COMMUNE DE MONTROY\n"
               "Le Conseil municipal de cette commune, régulièrement convoqué, s'est réuni.\n"
               "Présents : M. Paul MARTIN, Mme Anne PETIT\n"
               "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
            .Only()
            .body == "Conseil municipal de la COMMUNE DE MONTROY");
  // A council of another kind is not completed with a commune.
  CHECK(ActRun("Le Conseil communautaire s'est réuni à la mairie de Brens.\n"
               "Présents : M. Paul MARTIN, Mme Anne PETIT\n"
               "Le Conseil communautaire, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
            .Only()
            .body == "Conseil communautaire");
}

TEST_CASE("the act's number, not a cited one", "[deliberation]") {
  CHECK(ActRun(kCommission).Only().number == "2025-131");
  CHECK(ActRun(kRegister).Only().number == "DEL2025-037");
}

TEST_CASE("the meeting date from the sitting's heading", "[deliberation]") {
  CHECK(ActRun(kCommission).Only().meeting_date == "2025-04-22");
  CHECK(ActRun(kRegister).Only().meeting_date == "2025-03-27");
}

TEST_CASE("minutes headed by the sitting that approves them date the sitting they record",
          "[deliberation]") {
  const std::string minutes =
      "CONSEIL MUNICIPAL JEUDI 04 JUIN 2020 PROCES – VERBAL DU CONSEIL MUNICIPAL DU 30 JANVIER "
      "2020 LE CONSEIL MUNICIPAL S'EST RÉUNI SOUS LA PRÉSIDENCE DE MADAME ANNE PETIT, MAIRE.\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'approuver le contrat local de "
      "santé.\n";
  CHECK(ActRun(minutes).Only().meeting_date == "2020-01-30");
  // The approval of earlier minutes names a sitting these do not record.
  const std::string approval =
      "CONSEIL MUNICIPAL JEUDI 04 JUIN 2020 APPROBATION DU PROCES-VERBAL DU CONSEIL MUNICIPAL DU "
      "30 JANVIER 2020\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'approuver le procès-verbal.\n";
  CHECK(ActRun(approval).Only().meeting_date == "2020-06-04");
}

// Minutes that open on the date in figures, then say the body met, with no
// date after the verb: the opening date is the sitting's; a date in the
// sentence before the one that says the body met dates nothing.
TEST_CASE("the sentence that opens minutes on a date and says the body met dates the sitting",
          "[deliberation]") {
  const std::string decision =
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'approuver le contrat local de "
      "santé.\n";
  CHECK(ActRun("PROCES-VERBAL\nLe 03 décembre 2019, à 20 heures, le Conseil Municipal, "
               "régulièrement convoqué, s'est réuni, à la salle polyvalente, sous la présidence "
               "de Madame Anne PETIT, Maire.\n" +
               decision)
            .Only()
            .meeting_date == "2019-12-03");
  CHECK_FALSE(ActRun("PROCES-VERBAL\nLe 03 décembre 2019, les conseillers ont été convoqués. Le "
                     "Conseil Municipal s'est réuni sous la présidence de Madame Anne PETIT, "
                     "Maire.\n" +
                     decision)
                  .Only()
                  .meeting_date.has_value());
}

TEST_CASE("a fragment of minutes whose head is lost is dated by its pages' running line",
          "[deliberation]") {
  const std::string fragment =
      "Point n°2 : DESIGNATION DU SECRETAIRE DE SEANCE\n"
      "Vu le code général des collectivités territoriales,\n"
      "Le Conseil Communautaire, après en avoir délibéré, à l'unanimité, DÉCIDE de désigner M. "
      "Paul MARTIN secrétaire de séance, le procès-verbal de la séance du 7 décembre 2023 étant "
      "approuvé.\n"
      "Communauté de Communes du Val 2 PV du 8 février 2024 2\n"
      "Point n°3 : RAPPORT D'ORIENTATIONS BUDGETAIRES\n"
      "Le Conseil Communautaire, après en avoir délibéré, à l'unanimité, DÉCIDE de prendre acte "
      "du débat.\n";
  const ActRun once(fragment);
  REQUIRE(once.records.deliberations.size() == 2);
  // Printed once, the line is no page's running line.
  CHECK_FALSE(once.records.deliberations[0].meeting_date.has_value());
  const ActRun twice(fragment + "Communauté de Communes du Val 3 PV du 8 février 2024 3\n");
  REQUIRE(twice.records.deliberations.size() == 2);
  CHECK(twice.records.deliberations[0].meeting_date == "2024-02-08");
  CHECK(twice.records.deliberations[1].meeting_date == "2024-02-08");
}

TEST_CASE("a register's code, the act's domain, then its subject", "[deliberation]") {
  const ActRun run(
      "CONSEIL COMMUNAUTAIRE DU 25 JANVIER 2023\n"
      "CC02_2023 FINANCES CRTE - DEMANDE DE SUBVENTION EAJE BEAUMONT LOUESTAULT\n"
      "Le Conseil Communautaire, après en avoir délibéré, à l'unanimité, DÉCIDE de solliciter la "
      "subvention.\n");
  CHECK(run.Only().number == "CC02_2023");
  CHECK(run.Only().title == "CRTE - DEMANDE DE SUBVENTION EAJE BEAUMONT LOUESTAULT");
}

TEST_CASE("run-on minutes signed once where they close: the signature is every act's",
          "[deliberation]") {
  const ActRun run(
      "PROCES VERBAL DU CONSEIL COMMUNAUTAIRE DU 28 JANVIER 2020 N° 01/01-2020 - Budget annexe "
      "des déchets Le Conseil Communautaire, après en avoir délibéré, à l'unanimité, DÉCIDE "
      "d'approuver le budget. N° 01/02-2020 - Contrat local de santé Le Conseil Communautaire, "
      "après en avoir délibéré, à l'unanimité, DÉCIDE d'approuver le contrat. L'ordre du jour "
      "étant épuisé, le Président lève la séance à 19h30 St Michel en Brenne, le 28 janvier "
      "2020 Le Président, Paul MARTIN\n");
  REQUIRE(run.records.deliberations.size() == 2);
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.signed_place == "St Michel en Brenne");
    CHECK(d.signed_date == "2020-01-28");
  }
}

TEST_CASE("the subject in capitals above the number, lines joined; it titles the document",
          "[deliberation]") {
  const ActRun run(kCommission);
  const std::string title =
      "PARTICIPATION DU DÉPARTEMENT AUX CONTRATS LOCAUX DE SANTÉ DE 3ÈME GÉNÉRATION";
  CHECK(run.Only().title == title);
  CHECK(run.records.title == title);
}

TEST_CASE("the subject after 'Objet :', wrapped lines joined", "[deliberation]") {
  CHECK(ActRun(kRegister).Only().title == "Programme 2025 d'entretien de la voirie");
  const Deliberation d = ActRun(
                             "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
                             "Objet : Contrat local de santé – autorisation\n"
                             "de signature de la convention\n"
                             "Le Conseil municipal,\n"
                             "DÉCIDE :\n"
                             "- d'autoriser le Maire à signer.\n")
                             .Only();
  CHECK(d.title == "Contrat local de santé – autorisation de signature de la convention");
}

TEST_CASE("a shouted president's name takes the presence list's spelling", "[deliberation]") {
  CHECK(ActRun(kCommission).Only().president == "Jean-Claude LEROY");
}

TEST_CASE("the president from 'sous la présidence de', civility removed", "[deliberation]") {
  CHECK(ActRun(kRegister).Only().president == "Odile FERRAND");
}

TEST_CASE("no one named as presiding: the Maire who convened the sitting", "[deliberation]") {
  const std::string minutes =
      "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
      "Le Conseil municipal s'est réuni sur la convocation de Monsieur Paul de MARTIN, Maire.\n"
      "Présents : Paul de MARTIN, Anne PETIT, Jean DUPONT.\n"
      "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n";
  CHECK(ActRun(minutes).Only().president == "Paul de MARTIN");
  // A president named as such wins over the one who convened.
  const std::string presided =
      "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
      "Le Conseil municipal s'est réuni sur la convocation de Monsieur Paul de MARTIN, Maire, "
      "sous la présidence de Mme Anne PETIT.\n"
      "Présents : Paul de MARTIN, Anne PETIT, Jean DUPONT.\n"
      "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n";
  CHECK(ActRun(presided).Only().president == "Anne PETIT");
}

TEST_CASE("the secretary, civility and full stop removed", "[deliberation]") {
  CHECK(ActRun(kCommission).Only().secretary == "Fatima AIT-CHIKHEBBIH");
  CHECK(ActRun(kRegister).Only().secretary == "Alain DUCROS");
}

TEST_CASE("each presence list gives its status", "[deliberation]") {
  const Deliberation d = ActRun(kCommission).Only();
  std::vector<std::pair<std::string, std::string>> got;
  for (const Attendee& a : d.attendees) got.emplace_back(a.name, a.status);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"Jean-Claude LEROY", "present"},
      {"Mireille HINGREZ-CÉRÉDA", "present"},
      {"Daniel MACIEJASZ", "present"},
      {"Pierre GEORGET", "excused"},
      {"Florence WOZNY", "excused"},
      {"Steeve BRIOIS", "absent"},
      {"Jean-Louis COTTIGNY", "non_voting_present"},
      {"Bertrand PETIT", "non_voting_present"},
      {"Michel DAGBERT", "non_voting_excused"},
  };
  CHECK(got == want);
}

TEST_CASE("an attendee's provenance is the span of the name", "[deliberation]") {
  const ActRun run(kCommission);
  const Deliberation d = run.Only();
  REQUIRE(d.attendees.size() > 1);
  CHECK(run.At(d.attendees[1].prov) == "Mireille HINGREZ-CÉRÉDA");
  CHECK(d.attendees[1].prov.rule == "delib.attendees.present");
}

TEST_CASE("proxy holders in brackets are not listed again; tallies are not lists",
          "[deliberation]") {
  const Deliberation d = ActRun(kRegister).Only();
  std::vector<std::string> excused;
  int present = 0;
  for (const Attendee& a : d.attendees) {
    if (a.status == "excused") excused.push_back(a.name);
    if (a.status == "present") ++present;
  }
  CHECK(excused == std::vector<std::string>{"Lucie BRETON", "Henri PAGÈS"});
  CHECK(present == 3);  // "Présents : 31" adds no one
}

TEST_CASE("names listed one per line under their label", "[deliberation]") {
  const Deliberation d = ActRun(
                             "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
                             "Étaient présents :\n"
                             "- M. Xavier DUPUIS\n"
                             "- Mme Claire MOREL\n"
                             "Excusés : M. Paul LEFEBVRE\n"
                             "Le Conseil municipal,\n"
                             "DÉCIDE :\n"
                             "- d'approuver.\n")
                             .Only();
  REQUIRE(d.attendees.size() == 3);
  CHECK(d.attendees[0].name == "Xavier DUPUIS");
  CHECK(d.attendees[1].name == "Claire MOREL");
  CHECK(d.attendees[1].status == "present");
  CHECK(d.attendees[2].status == "excused");
}

TEST_CASE("a label that holds only its count: the names follow in the next paragraph",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "DÉLIBÉRATION DU COMITÉ SYNDICAL\n"
          "Membres présents : 2\n"
          "\n"
          "MM. DUPUIS Xavier, MOREL Claude\n"
          "\n"
          "POUVOIRS : 2\n"
          "\n"
          "M. LEFEBVRE Paul donne pouvoir à M. DUPUIS Xavier M. PETIT Jean donne pouvoir à M. "
          "MOREL Claude\n"
          "\n"
          "Le Comité syndical,\n"
          "DÉCIDE :\n"
          "- d'approuver.\n")
          .Only();
  std::vector<std::string> present, excused;
  for (const Attendee& a : d.attendees) {
    (a.status == "present" ? present : excused).push_back(a.name);
  }
  CHECK(present == std::vector<std::string>{"DUPUIS Xavier", "MOREL Claude"});
  CHECK(excused == std::vector<std::string>{"LEFEBVRE Paul", "PETIT Jean"});
}

TEST_CASE("proxies listed with no separators; a name right after a bracket", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
          "Le Conseil municipal s'est réuni sous la présidence de M. Paul MARTIN.\n"
          "Présents : Paul MARTIN (arrivé après la délibération 2) Anne PETIT, Jean DUPONT.\n"
          "Absents ayant donné procuration : ARNAL Fabienne à MARTIN Paul AYGALENQ Elisabeth à "
          "PETIT Anne\n"
          "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present",
                                 "Jean DUPONT | present", "ARNAL Fabienne | excused",
                                 "AYGALENQ Elisabeth | excused"});
}

TEST_CASE("a numbered list read flat: its numbers separate the names", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
          "Le Conseil municipal s'est réuni sous la présidence de M. Paul MARTIN.\n"
          "Conseiller présents : 1. MARTIN Paul 2. PETIT Anne 3. 4. DUPONT Jean\n"
          "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) == std::vector<std::string>{"MARTIN Paul | present",
                                                        "PETIT Anne | present",
                                                        "DUPONT Jean | present"});
}

TEST_CASE("names run together with no separator, each written alike", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
          "Le Conseil municipal s'est réuni sous la présidence de M. Paul MARTIN.\n"
          "Présents : MARTIN Paul, BUSCHE Maurice FONTAINE Monique FERNANDES DE AZEVEDO Gaspard "
          "TITTEL Noëlle, Anne PETIT Jean DUPONT\n"
          "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{
            "MARTIN Paul | present", "BUSCHE Maurice | present", "FONTAINE Monique | present",
            "FERNANDES DE AZEVEDO Gaspard | present", "TITTEL Noëlle | present",
            "Anne PETIT | present", "Jean DUPONT | present"});
}

TEST_CASE("a closing bracket that no bracket opened is no part of a listed name",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
          "Le Conseil municipal s'est réuni sous la présidence de M. Paul MARTIN.\n"
          "Etaient présents : M. Paul MARTIN, M. Robert ORUSCO), Mme Anne PETIT (jusqu'au point "
          "2)\n"
          "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) == std::vector<std::string>{"Paul MARTIN | present",
                                                        "Robert ORUSCO | present",
                                                        "Anne PETIT | present"});
}

TEST_CASE("a status word alone in a bracket after a name gives that person's status",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
          "Le Conseil municipal s'est réuni sous la présidence de M. Paul MARTIN.\n"
          "Présents : Paul MARTIN, Jean DUPONT (absent), Luc ROUX (pouvoir à Paul MARTIN)\n"
          "Absent non représenté : Claudine MAQUIN (excusée)\n"
          "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Paul MARTIN | present", "Jean DUPONT | absent",
                                 "Luc ROUX | present", "Claudine MAQUIN | excused"});
}

TEST_CASE("a substitute listed present whose note says he does not vote sits without a vote",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU COMITE SYNDICAL\n"
          "Le Comité syndical s'est réuni sous la présidence de M. Paul MARTIN.\n"
          "Présents : MARTIN Paul, BRICOUT Jean (suppléant et non votant), DEGODET Luc "
          "(suppléant et votant)\n"
          "Le Comité syndical, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) == std::vector<std::string>{"MARTIN Paul | present",
                                                        "BRICOUT Jean | non_voting_present",
                                                        "DEGODET Luc | present"});
}

TEST_CASE("a function written after a listed name, with its place, is no part of the name",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL D'ADMINISTRATION\n"
          "Le Conseil d'administration s'est réuni sous la présidence de M. Jean-Claude "
          "HAIGRON.\n"
          "Présents : M. HAIGRON Jean-Claude Président du Centre de Gestion, Conseiller Municipal "
          "de Vern-sur-Seiche ; M. POULARD Alain Maire de Montgermont ; Mme Anne PETIT\n"
          "Le Conseil d'administration, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) == std::vector<std::string>{"HAIGRON Jean-Claude | present",
                                                        "POULARD Alain | present",
                                                        "Anne PETIT | present"});
}

TEST_CASE("a list's civilities alone on the line under its label, the names one a line after",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES VERBAL DE LA REUNION DU CONSEIL MUNICIPAL\n"
          "ETAIENT PRESENTS :\n"
          "Mesdames, Messieurs, Paul MARTIN, Anne PETIT.\n"
          "ETAIENT EXCUSES :\n"
          "Mesdames, Messieurs,\n"
          "Jean-Luc BATHIAS (pouvoir donné à Anne PETIT)\n"
          "Paul DRESIN (pouvoir donné à Paul MARTIN)\n"
          "ETAIT ABSENTE :\n"
          "Madame Karima EL QARFADI\n"
          "_________________________\n"
          "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present",
                                 "Jean-Luc BATHIAS | excused", "Paul DRESIN | excused",
                                 "Karima EL QARFADI | absent"});
}

TEST_CASE("a compound surname's spaced en dash is no separator in a list of commas",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
          "Le Conseil municipal s'est réuni sous la présidence de M. Paul MARTIN.\n"
          "Présents : MARTIN Paul, MOINET – TRANVAUX Vanessa, PETIT Anne\n"
          "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) == std::vector<std::string>{"MARTIN Paul | present",
                                                        "MOINET – TRANVAUX Vanessa | present",
                                                        "PETIT Anne | present"});
}

TEST_CASE("a list's last name, then the next role's label run into it", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
          "Le Conseil municipal s'est réuni sous la présidence de M. Paul MARTIN.\n"
          "Présents : Paul MARTIN - Anne PETIT. Absent excusé : Jean DUPONT Secrétaire élue pour "
          "la session : Anne PETIT\n"
          "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) == std::vector<std::string>{"Paul MARTIN | present",
                                                        "Anne PETIT | present",
                                                        "Jean DUPONT | excused"});
}

TEST_CASE("a list goes on in a line whose first name is followed by its function",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
          "Le Conseil municipal s'est réuni sous la présidence de M. Paul MARTIN.\n"
          "ETAIENT PRESENTS : MARTIN Paul, Maire, PETIT Anne 3ème, Adjt,\n"
          "DUPONT Jean 4ème Adjt, ROUX Luc, LEROY Marie\n"
          "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"MARTIN Paul | present", "PETIT Anne | present",
                                 "DUPONT Jean | present", "ROUX Luc | present",
                                 "LEROY Marie | present"});
}

TEST_CASE("a bare intercommunal council is the council of the collectivity where it sits",
          "[deliberation]") {
  CHECK(ActRun("CONSEIL COMMUNAUTAIRE DU 16 MARS 2023\n"
               "Le Conseil Communautaire s'est réuni à Blausasc, au siège de la Communauté de "
               "Communes du Pays des Paillons. Présents : M. Paul MARTIN, Mme Anne PETIT.\n"
               "Le Conseil Communautaire, après en avoir délibéré, DÉCIDE d'approuver le budget.\n")
            .Only()
            .body == "Conseil Communautaire de la Communauté de Communes du Pays des Paillons");
}

TEST_CASE("vote counts and the vote lines as written", "[deliberation]") {
  const Deliberation d = ActRun(kCommission).Only();
  CHECK(d.votes_for == 43);
  CHECK(d.votes_against == 0);
  CHECK(d.votes_abstention == 0);
  CHECK(d.votes_absent == 1);
  REQUIRE(d.votes_text.has_value());
  CHECK(d.votes_text->find("Absent sans délégation de vote : 1") != std::string::npos);
  CHECK(d.votes_text->find("(Adopté)") == std::string::npos);
}

TEST_CASE("an absent count is null when the act gives none", "[deliberation]") {
  const Deliberation d = ActRun(kRegister).Only();
  CHECK(d.votes_for == 30);
  CHECK(d.votes_against == 2);
  CHECK(d.votes_abstention == 1);
  CHECK_FALSE(d.votes_absent.has_value());
}

// A council that decides and states no count adopted what it decided; a
// debate taken note of decides nothing.
TEST_CASE("an act that decides with no count stated was adopted", "[deliberation]") {
  const Deliberation decided = ActRun(
                                   "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
                                   "Le conseil municipal après délibération : AUTORISE le maire "
                                   "à procéder aux dépenses d'investissement.\n")
                                   .Only();
  CHECK(decided.outcome == "adopted");
  const Deliberation noted = ActRun(
                                 "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
                                 "Le conseil municipal prend acte du rapport d'orientations "
                                 "budgétaires.\n")
                                 .Only();
  CHECK_FALSE(noted.outcome.has_value());
}

TEST_CASE("counts written count first, in the deliberating sentence", "[deliberation]") {
  const Deliberation d = ActRun(
                             "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
                             "Le Conseil municipal, après en avoir délibéré, par 20 voix pour, "
                             "2 voix contre et 1 abstention,\n"
                             "DÉCIDE\n"
                             "- d'autoriser le Maire à signer.\n")
                             .Only();
  CHECK(d.votes_for == 20);
  CHECK(d.votes_against == 2);
  CHECK(d.votes_abstention == 1);
  CHECK(d.outcome == "adopted");  // a majority for, and the act decides
}

TEST_CASE("a line that states only its abstentions is a vote line", "[deliberation]") {
  const Deliberation d = ActRun(
                             "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
                             "Le Conseil municipal, après en avoir délibéré,\n"
                             "DÉCIDE\n"
                             "- d'approuver la grille tarifaire.\n"
                             "A la majorité avec une abstention de M. Paul MARTIN\n")
                             .Only();
  CHECK(d.votes_abstention == 1);
  CHECK(!d.votes_against);
}

TEST_CASE("a unanimous adoption counts every voter for, and states no other count",
          "[deliberation]") {
  const Deliberation d = ActRun(
                             "REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE\n"
                             "Délibération n° 2025-045\n"
                             "Votants : 27\n"
                             "Le Conseil communautaire, après en avoir délibéré,\n"
                             "DÉCIDE :\n"
                             "- D'APPROUVER le contrat.\n"
                             "Adopté à l'unanimité.\n")
                             .Only();
  CHECK(d.votes_for == 27);
  CHECK_FALSE(d.votes_against.has_value());
  CHECK_FALSE(d.votes_abstention.has_value());
  CHECK(d.outcome == "adopted");
}

TEST_CASE("a roll-call vote counts the members named for; an empty column counts none",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "DÉLIBÉRATION DU CONSEIL COMMUNAUTAIRE\n"
          "Le Conseil communautaire, après en avoir délibéré,\n"
          "DÉCIDE :\n"
          "- d'approuver le compte de gestion.\n"
          "Pour : Messieurs Cyril PIAZZA, Francis TUJAGUE, Madame Christine BEILLE, "
          "Monsieur Michel CALMET et Madame Nicole COLOMBO Contre : / Abstentions : /\n")
          .Only();
  CHECK(d.votes_for == 5);
  CHECK(d.votes_against == 0);
  CHECK(d.votes_abstention == 0);
  CHECK(d.outcome == "adopted");
  // Names are counted, never listed as attendees.
  CHECK(d.attendees.empty());
}

TEST_CASE("a roll call with a count gives the count", "[deliberation]") {
  const Deliberation d = ActRun(
                             "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
                             "Le Conseil municipal, après en avoir délibéré,\n"
                             "DÉCIDE :\n"
                             "- d'approuver la cession.\n"
                             "Pour : 12 Contre : 3 (M. DURAND, Mme PETIT, M. LEROY)\n")
                             .Only();
  CHECK(d.votes_for == 12);
  CHECK(d.votes_against == 3);
}

TEST_CASE("a rejected act", "[deliberation]") {
  const Deliberation d = ActRun(
                             "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
                             "DÉCIDE :\n"
                             "- d'approuver la cession.\n"
                             "Pour : 5 ; Contre : 12 ; Abstention : 0\n"
                             "(Rejeté)\n")
                             .Only();
  CHECK(d.outcome == "rejected");
  CHECK(d.votes_against == 12);
}

// Minutes that name their president only with the function after the name,
// where the sitting opens: the president of each act; an item's rapporteur
// named so is not.
TEST_CASE("a president named with the function after the name where the sitting opens",
          "[deliberation]") {
  const ActRun run(
      "Conseil Communautaire du 8 février 2024\n"
      "Monsieur Michel HABIG, Président, salue les membres du Conseil Communautaire et ouvre la "
      "séance à 20h.\n"
      "Présents : M. Michel HABIG, Mme Anne PETIT, M. Luc ROUX\n"
      "1. Tarifs de la piscine\n"
      "Rapporteur : Monsieur Luc ROUX, Maire\n"
      "Le Conseil Communautaire, après en avoir délibéré, DÉCIDE d'approuver les tarifs.\n"
      "2. Convention de voirie\n"
      "Le Conseil Communautaire, après en avoir délibéré, DÉCIDE d'approuver la convention.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  for (const Deliberation& d : run.records.deliberations) CHECK(d.president == "Michel HABIG");
}

// The formula of article L. 2121-15 of the CGCT may name the function once,
// before the one elected to it: "… à la nomination d'un secrétaire parmi
// les membres du conseil : Madame X a été désignée pour remplir ces
// fonctions".
TEST_CASE("a secretary designated to fill these functions", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
          "Il a été procédé, conformément à l'article L2121-15 du Code Général des Collectivités "
          "Territoriales, à la nomination d'un secrétaire parmi les membres du conseil : Madame "
          "Sandra BELLANGER a été désignée pour remplir ces fonctions qu'elle a acceptées.\n"
          "Le Conseil municipal, après en avoir délibéré,\n"
          "DÉCIDE :\n"
          "- d'approuver l'avenant.\n")
          .Only();
  CHECK(d.secretary == "Sandra BELLANGER");
}

// A clause that dates an event ("CONSIDÉRANT que, le 10 septembre 2019, …")
// is no place and date of signature, in an act read whole (no DÉCIDE line).
TEST_CASE("a clause dated after its first words is no signature", "[deliberation]") {
  const Deliberation d = ActRun(
                             "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
                             "Le Conseil municipal,\n"
                             "CONSIDÉRANT que la convention prendra fin le 30 juin 2026,\n"
                             "CONSIDÉRANT que, le 10 septembre 2019, la société a saisi la "
                             "Commune,\n"
                             "approuve l'avenant à la convention.\n")
                             .Only();
  CHECK_FALSE(d.signed_place.has_value());
  CHECK_FALSE(d.signed_date.has_value());
}

TEST_CASE("place and date of signature", "[deliberation]") {
  const Deliberation a = ActRun(kCommission).Only();
  CHECK(a.signed_place == "ARRAS");
  CHECK(a.signed_date == "2025-04-22");
  const Deliberation b = ActRun(kRegister).Only();
  CHECK(b.signed_place == "Saint-Ouen-d'Ardanne");
  CHECK(b.signed_date == "2025-03-27");
}

TEST_CASE("a placeholder place and a blank date are not values", "[deliberation]") {
  const Deliberation d = ActRun(
                             "DÉLIBÉRATION DU CONSEIL MUNICIPAL\n"
                             "DÉCIDE :\n"
                             "- d'approuver.\n"
                             "Fait à xxxxxxxx, le\n")
                             .Only();
  CHECK_FALSE(d.signed_place.has_value());
  CHECK_FALSE(d.signed_date.has_value());
}

TEST_CASE("'Vu' clauses: one row per article of a code", "[deliberation]") {
  const Deliberation d = ActRun(kCommission).Only();
  std::vector<std::string> articles;
  for (const LegalRef& r : d.legal_refs) {
    if (!r.article) continue;
    articles.push_back(*r.article);
    CHECK(r.code == "Code Général des Collectivités Territoriales");
    CHECK(r.text.rfind("Vu le Code Général", 0) == 0);
  }
  CHECK(articles == std::vector<std::string>{"L.3121-14", "L.3121-14-1", "L.3211-2"});
}

TEST_CASE("'Vu' clauses: a cited deliberation's number and date; every clause kept",
          "[deliberation]") {
  const Deliberation d = ActRun(kCommission).Only();
  int cited = 0, bare = 0;
  for (const LegalRef& r : d.legal_refs) {
    if (r.cited_number) {
      ++cited;
      CHECK(r.cited_number == "2021-257");
      CHECK(r.cited_date == "2021-07-01");
    } else if (!r.code) {
      ++bare;  // "Vu le rapport du Président …"
    }
  }
  CHECK(cited == 1);
  CHECK(bare == 1);
}

TEST_CASE("no deliberation in minutes or in a contract", "[deliberation]") {
  CHECK(ActRun("Compte rendu de la réunion du conseil de quartier\n"
               "Présents : Mme Aïcha BENSAÏD, M. Gérard POMMIER.\n"
               "Le compte rendu est adopté à main levée.\n")
            .records.deliberations.empty());
  CHECK(ActRun("Contrat Local de Santé du Val 2025-2029\n"
               "Entre les soussignés :\n"
               "Il est convenu ce qui suit :\n")
            .records.deliberations.empty());
}

TEST_CASE("'les jour, mois et an susdits' signs on the day of the meeting", "[deliberation]") {
  std::string text = kRegister;
  const std::string dated = "Fait et délibéré à Saint-Ouen-d'Ardanne, le 27 mars 2025.\n";
  REQUIRE(text.find(dated) != std::string::npos);
  text.replace(text.find(dated), dated.size(),
               "Fait à Bourg-d'Ardanne, les jour, mois et an susdits.\n");
  const Deliberation d = ActRun(text).Only();
  CHECK(d.meeting_date == "2025-03-27");
  CHECK(d.signed_place == "Bourg-d'Ardanne");
  CHECK(d.signed_date == "2025-03-27");
}

TEST_CASE("a bureau's minutes: coded number, proxies as 'X donne pouvoir à Y'", "[deliberation]") {
  const ActRun run(
      "COMMUNAUTÉ D'AGGLOMÉRATION DU VAL DE SORNE\n"
      "PROCÈS-VERBAL DES DÉLIBÉRATIONS DU BUREAU COMMUNAUTAIRE\n"
      "Réunion du jeudi 3 avril 2025 à 18h00\n"
      "Délibération B2025-041\n"
      "Nombre de membres du Bureau en exercice : 20\n"
      "Membres présents :\n"
      "M. Laurent ESCARD\n"
      "Mme Josiane DARRE\n"
      "Pouvoirs :\n"
      "Mme Véronique LAPLACE donne pouvoir à M. Laurent ESCARD\n"
      "Secrétaire de séance : Mme Josiane DARRE\n"
      "OBJET : Contrat local de santé – avenant n°1\n"
      "LE BUREAU COMMUNAUTAIRE, après en avoir délibéré, DÉCIDE à l'unanimité :\n"
      "- d'approuver l'avenant n°1.\n");
  CHECK(run.records.doc_type == DocumentType::kDeliberation);
  const Deliberation d = run.Only();
  CHECK(d.number == "B2025-041");
  const std::vector<std::string> people = NamesAndStatuses(d);
  CHECK(people == std::vector<std::string>{"Laurent ESCARD | present", "Josiane DARRE | present",
                                           "Véronique LAPLACE | excused"});
}

// A converter that spaces every hyphen ("Jean - Claude") in a list whose
// names are separated by commas: the hyphens join, the commas separate.
TEST_CASE("spaced hyphens inside names of a comma-separated list", "[deliberation]") {
  const ActRun run(
      "PROCES-VERBAL DE LA SEANCE DU COMITE SYNDICAL DU 3 MARS 2021\n"
      "PRESENTS : Mmes BROCA - LANNAUD Marie - Thérèse, PEROTTO Aline, MM. BAYZE Jean - Claude, "
      "BOUÉ Henri, DAUGA Benoît, LAMBERT François. ABSENTS - EXCUSES : Mme AUGUSTE - MERCADIER "
      "Karine, MM. BALLERINI Francis, DULONG Pierre.\n"
      "Le Comité, après en avoir délibéré, DÉCIDE d'approuver le règlement.\n");
  std::vector<std::string> people = NamesAndStatuses(run.Only());
  CHECK(people == std::vector<std::string>{
                      "BROCA - LANNAUD Marie - Thérèse | present", "PEROTTO Aline | present",
                      "BAYZE Jean - Claude | present", "BOUÉ Henri | present",
                      "DAUGA Benoît | present", "LAMBERT François | present",
                      "AUGUSTE - MERCADIER Karine | excused", "BALLERINI Francis | excused",
                      "DULONG Pierre | excused"});
}

// Minutes that name their president in "sous la présidence de" and leave
// them out of the list of those present: the president sat, so is present.
// A president the list names, under another spelling, is not added twice.
TEST_CASE("the president who is not listed is present", "[deliberation]") {
  const ActRun run(
      "PROCES-VERBAL DE LA SEANCE DU COMITE SYNDICAL DU 3 MARS 2021\n"
      "Sous la présidence de Monsieur CLAVERIE Claude, Président,\n"
      "PRESENTS : Mme PEROTTO Aline, MM. BOUÉ Henri, DAUGA Benoît.\n"
      "Le Comité, après en avoir délibéré, DÉCIDE d'approuver le règlement.\n");
  const Deliberation d = run.Only();
  CHECK(d.president == "CLAVERIE Claude");
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"PEROTTO Aline | present", "BOUÉ Henri | present",
                                 "DAUGA Benoît | present", "CLAVERIE Claude | present"});
  CHECK(run.At(d.attendees.back().prov) == "CLAVERIE Claude");

  const ActRun listed(
      "PROCES-VERBAL DE LA SEANCE DU COMITE SYNDICAL DU 3 MARS 2021\n"
      "Sous la présidence de Mme Sylvie VALENTE-LE HIR, Maire.\n"
      "Présents : Mme Sylvie Valente, M. Henri Boué.\n"
      "Le Comité, après en avoir délibéré, DÉCIDE d'approuver le règlement.\n");
  CHECK(NamesAndStatuses(listed.Only()) ==
        std::vector<std::string>{"Sylvie Valente | present", "Henri Boué | present"});
}

// A register flattened into one paragraph: the lists open with their
// count and "Mmes et MM.", an absent member who gave a proxy is excused, and
// the last list ends at the full stop before the secretaries' label.
TEST_CASE("a flattened register's counts, civility groups, proxies and full stops",
          "[deliberation]") {
  const ActRun run(
      "PROCES-VERBAL DE LA SEANCE DU CONSEIL MUNICIPAL DU 3 MARS 2020 Conseillers municipaux "
      "présents : 3 Mmes et MM. ASCHARD Caroline, ASSERAY Denis, VIOT Michel. Conseillers "
      "municipaux absents : 2 Mmes et M. BATTAIS Damien, SIRE Michel. Pouvoirs : 1 M. SIRE "
      "Michel à VIOT Michel. Secrétaires de séance : KASPRZACK Christiane et Nicole MOISY. "
      "Conformément à l'article L. 2121-15, Stevens NAHMANI est désigné.\n"
      "Le Conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n");
  CHECK(NamesAndStatuses(run.Only()) ==
        std::vector<std::string>{"ASCHARD Caroline | present", "ASSERAY Denis | present",
                                 "VIOT Michel | present", "BATTAIS Damien | absent",
                                 "SIRE Michel | excused"});

  // A stop after a surname in capitals ends the list as well.
  const ActRun caps(
      "PROCES-VERBAL DE LA SEANCE DU CONSEIL COMMUNAUTAIRE DU 3 MARS 2020 Présents : Messieurs "
      "JUBERT, VALET et BORGEAIS. Précision : Monsieur TELLIER présent en début de séance a "
      "quitté la salle.\n"
      "Le Conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n");
  CHECK(NamesAndStatuses(caps.Only()) ==
        std::vector<std::string>{"JUBERT | present", "VALET | present", "BORGEAIS | present"});
}

// A syndicate's member replaced by a substitute, written inside the list
// of those present: the member is excused, the substitute sits.
TEST_CASE("a member replaced by a substitute in the list of those present", "[deliberation]") {
  const ActRun run(
      "PROCES-VERBAL DE LA SEANCE DU COMITE SYNDICAL DU 3 MARS 2021\n"
      "PRESENTS : Mmes ALLAER Véronique remplacée par sa suppléante CASTAING Christelle, "
      "PEROTTO Aline, MM. BOUÉ Henri.\n"
      "Le Comité, après en avoir délibéré, DÉCIDE d'approuver le règlement.\n");
  const Deliberation d = run.Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"ALLAER Véronique | excused", "CASTAING Christelle | present",
                                 "PEROTTO Aline | present", "BOUÉ Henri | present"});
  CHECK(run.At(d.attendees[1].prov) == "CASTAING Christelle");
}

TEST_CASE("letter-spaced labels and labels with OCR's braces", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 3 MARS 2021\n"
      "P R É S E N T S\n"
      "M. Paul MARTIN, Mme Anne PETIT.\n"
      "A B S E N T S E X C U S E S AYA N T D O N N E P O U V O I R\n"
      "M. Jean DUPONT (pouvoir à M. Paul MARTIN).\n"
      "après en avoir délibéré, le Conseil DÉCIDE d'approuver le budget.\n");
  std::vector<std::string> people = NamesAndStatuses(run.Only());
  CHECK(people == std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present",
                                           "Jean DUPONT | excused"});
  const ActRun braces(
      "Séance du 16 février 2023, sous la présidence de M. Paul MARTIN, Maire, Présent{e}s "
      "Madame Anne PETIT, Monsieur Luc ROUX, Excusé(e})s ayant donné procuration Madame Claire "
      "DUPONT procuration à Monsieur Luc ROUX\n"
      "Le Conseil, après en avoir délibéré, DÉCIDE d'approuver le budget.\n");
  people = NamesAndStatuses(braces.Only());
  // The president, left out of the list, sat (the last one).
  CHECK(people == std::vector<std::string>{"Anne PETIT | present", "Luc ROUX | present",
                                           "Claire DUPONT | excused", "Paul MARTIN | present"});
}

// Without commas, " - " separates the names ("CAUQUIL R. – LANET M. - PUECH J.F.").
TEST_CASE("spaced hyphens separate the names of a list without commas", "[deliberation]") {
  const ActRun run(
      "COMPTE-RENDU DU CONSEIL DE COMMUNAUTE\n"
      "Etaient présents : CAUQUIL R. - LANET M. - PUECH J.F. - ROMERO B.\n"
      "Le Conseil, après en avoir délibéré, DÉCIDE d'approuver le règlement.\n");
  std::vector<std::string> people;
  for (const Attendee& a : run.Only().attendees) people.push_back(a.name);
  REQUIRE(people.size() >= 3);
  for (const std::string& name : people) CHECK(name.find(" - ") == std::string::npos);
}

// A list whose names " - " separates, broken where a line opens with that
// hyphen (read as a bullet): it goes on in those paragraphs, up to the name
// its full stop closes.
TEST_CASE("a list separated by spaced hyphens goes on in the lines its hyphens open",
          "[deliberation]") {
  const ActRun run(
      "PROCES-VERBAL DU CONSEIL MUNICIPAL\n"
      "Présents : Pierre VERICEL - Michel NEEL - Jeanine RONGERE - Michel FAURE\n"
      "- René GRANGE - Hervé LASSABLIERE - Christiane BRUYAT\n"
      "- Christine MONTAGNY.\n"
      "Le Conseil, après en avoir délibéré, DÉCIDE d'approuver le règlement.\n");
  std::vector<std::string> people;
  for (const Attendee& a : run.Only().attendees) people.push_back(a.name);
  CHECK(people == std::vector<std::string>{"Pierre VERICEL", "Michel NEEL", "Jeanine RONGERE",
                                           "Michel FAURE", "René GRANGE", "Hervé LASSABLIERE",
                                           "Christiane BRUYAT", "Christine MONTAGNY"});
}

// A proxy's holder is not listed by the proxy ("X, POUVOIR A Y ;"), and a
// giver listed as excused is not listed twice by "Pouvoirs : X à Y".
TEST_CASE("proxies name each giver once and never their holder", "[deliberation]") {
  const ActRun split(
      "CONSEIL MUNICIPAL DU 3 MARS 2021\n"
      "PRESENTS : PAUL MARTIN, ANNE PETIT, LUC ROUX. EXCUSES REPRESENTES PAR POUVOIR : JEAN "
      "DUPONT, POUVOIR A PAUL MARTIN ; CLAIRE DURAND, POUVOIR A LUC ROUX. ABSENTS : MARC "
      "BLANC.\n"
      "après en avoir délibéré, le Conseil DÉCIDE d'approuver le budget.\n");
  std::vector<std::string> people = NamesAndStatuses(split.Only());
  CHECK(people == std::vector<std::string>{"PAUL MARTIN | present", "ANNE PETIT | present",
                                           "LUC ROUX | present", "JEAN DUPONT | excused",
                                           "CLAIRE DURAND | excused", "MARC BLANC | absent"});
  const ActRun twice(
      "CONSEIL MUNICIPAL DU 3 MARS 2021\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT. Absents excusés : Mme Claire DURAND, M. Jean "
      "DUPONT. Pouvoirs : Mme Claire DURAND à M. Paul MARTIN, M. Jean DUPONT à Mme Anne PETIT\n"
      "après en avoir délibéré, le Conseil DÉCIDE d'approuver le budget.\n");
  people = NamesAndStatuses(twice.Only());
  CHECK(people == std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present",
                                           "Claire DURAND | excused", "Jean DUPONT | excused"});
}

// "Étaient excusés et avaient donné pouvoir de voter en leur nom": the list
// ends with the sentence after its last bracket; a member who left during
// the sitting is present until the item the bracket names; "sous la
// présidence de Mme la Maire" names the one listed as "…, Maire".
TEST_CASE("an excused list ends after its last bracket; a president named by function",
          "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 16 FEVRIER 2023\n"
      "Les membres du Conseil municipal se sont réunis sous la présidence de Mme la Maire.\n"
      "Etaient présents : Mme Anne PETIT, Maire, M. Luc ROUX (jusqu'à 22h40, point n°2), "
      "M. Paul MARTIN.\n"
      "Etaient excusés et avaient donné pouvoir de voter en leur nom : Mme Claire DURAND à "
      "Mme Anne PETIT, M. Luc ROUX à M. Paul MARTIN (à partir de 22h40, point n°3). Le quorum "
      "étant atteint, M. Paul MARTIN a été désigné pour assurer les fonctions de secrétaire.\n"
      "Point n°3 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  const Deliberation d = run.Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Anne PETIT | present", "Paul MARTIN | present",
                                 "Claire DURAND | excused", "Luc ROUX | excused"});
  // The president named by her function is the one listed with it.
  CHECK(d.president == "Anne PETIT");
  CHECK(d.secretary == "Paul MARTIN");
}

// "(à compter de la délibération n°3)": present from that item only; the
// proxies' label may follow a sentence ("Excusés : Conformément à …, ont
// donné pouvoir écrit de voter en leur nom : …").
TEST_CASE("present from an item on; proxies given in writing to vote in one's name",
          "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 13 FEVRIER 2023\n"
      "Etaient présents : M. Paul MARTIN, Mme Anne PETIT (à compter de la délibération n°3), "
      "M. Luc ROUX. Excusés : Conformément aux dispositions de l'article L 2121-20 du Code "
      "général des collectivités territoriales, ont donné pouvoir écrit de voter en leur nom : "
      "Mme Claire DURAND à M. Paul MARTIN\n"
      "Point n°2 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  CHECK(NamesAndStatuses(run.Only()) == std::vector<std::string>{"Paul MARTIN | present",
                                                                 "Luc ROUX | present",
                                                                 "Claire DURAND | excused"});
}

// The last list of a run-on paragraph ends where a sentence goes on from
// a name ("Madame VACQUIE S. a été élue secrétaire …"): that name is no
// absentee, nor is what the sentence is followed by.
TEST_CASE("a sentence that goes on from a name ends the list", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 30 JANVIER 2020\n"
      "PRESENTS : Mme GUIRAUD I. - M. MERLIN D. - Mme VACQUIE S. ABSENTS : M. CARABASSE P. "
      "Madame VACQUIE S. a été élue secrétaire de séance à l'unanimité, en application de "
      "l'article L 2121-15 du Code Général des Collectivités Territoriales Le Conseil Municipal "
      "vote : Pour Contre Abstention UNANIMITE La désignation est adoptée.\n"
      "Point n°1 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  CHECK(NamesAndStatuses(run.Only()) ==
        std::vector<std::string>{"GUIRAUD I | present", "MERLIN D | present", "VACQUIE S | present",
                                 "CARABASSE P | absent"});
}

// A bracket that gives each range of items its status: the status of the
// range this act (item 3) falls in.
TEST_CASE("a bracket's status for the range of items the act falls in", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 15 SEPTEMBRE 2014\n"
      "Membres présents : PÉLISSARD Jacques (absent de la délibération n°1 à la délibération "
      "n°4 présent de la délibération n°5 à la délibération n°20), BOURGEOIS Daniel, LANDRY "
      "Laura (procuration donnée à Daniel BOURGEOIS de la délibération n°1 à la délibération "
      "n°16 présent de la délibération n°17 à la délibération n°20), HUET John (présent de la "
      "délibération n°1 à la délibération n°2).\n"
      "Point n°3 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  CHECK(NamesAndStatuses(run.Only()) == std::vector<std::string>{"PÉLISSARD Jacques | absent",
                                                                 "BOURGEOIS Daniel | present",
                                                                 "LANDRY Laura | excused"});
}

// Two names with no separator between them, each written as the others
// are: two people ("– Magali LOISEAU Odile PINEAU –"); a name of four words
// written otherwise is one ("TAVARES DE FIGUEIREDO Alice").
TEST_CASE("two names a converter ran together are two people", "[deliberation]") {
  const ActRun run(
      "CONSEIL COMMUNAUTAIRE DU 29 MARS 2023\n"
      "Présents : Christophe HOGARD - Luc SOULARD - Magali LOISEAU Odile PINEAU - Mme TAVARES DE "
      "FIGUEIREDO Alice - ROUX Paul PETIT Anne.\n"
      "Point n°1 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil DÉCIDE d'adopter les tarifs.\n");
  std::vector<std::string> people;
  for (const Attendee& a : run.Only().attendees) people.push_back(a.name);
  CHECK(people == std::vector<std::string>{"Christophe HOGARD", "Luc SOULARD", "Magali LOISEAU",
                                           "Odile PINEAU", "TAVARES DE FIGUEIREDO Alice",
                                           "ROUX Paul", "PETIT Anne"});
  CHECK(run.At(run.Only().attendees[3].prov) == "Odile PINEAU");
}

// A function written after the name without a separator, capitalised, is
// not part of the name; a surname in capitals that is a function's word is.
TEST_CASE("a capitalised function right after a name is left out of it", "[deliberation]") {
  const ActRun run(
      "CONSEIL COMMUNAUTAIRE DU 29 MARS 2023\n"
      "Présents : Valérie DEPLOBIN Président, Luc SOULARD, Jean MAIRE, GANTY Jean Maire.\n"
      "Point n°1 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil DÉCIDE d'adopter les tarifs.\n");
  std::vector<std::string> people;
  for (const Attendee& a : run.Only().attendees) people.push_back(a.name);
  CHECK(people ==
        std::vector<std::string>{"Valérie DEPLOBIN", "Luc SOULARD", "Jean MAIRE", "GANTY Jean"});
  CHECK(run.At(run.Only().attendees[0].prov) == "Valérie DEPLOBIN");
}

// Two secretaries of one sitting: both, joined as the text pairs them, and
// the provenance spans both names.
TEST_CASE("two secretaries named together are both the secretary", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 9 MARS 2024\n"
      "Etaient présents : M. Jean ROUX, Mme Lise FABRE, M. Omar SALAH.\n"
      "Mme Lise FABRE et M. Omar SALAH ont été désignés secrétaires de séance.\n"
      "Point n°1 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  const Deliberation d = run.Only();
  CHECK(d.secretary == "Lise FABRE et Omar SALAH");
}

// A secretary named in the sentence right after an attendance list that
// ends on an initial: the initial is the list's, the civility opens the
// secretary's name.
TEST_CASE("a list's last initial before a secretary's civility is no part of the name",
          "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 30 JANVIER 2020\n"
      "ABSENTS : M. CARABASSE P. Madame VACQUIE S. a été élue secrétaire de séance.\n"
      "Point n°1 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  CHECK(run.Only().secretary == "VACQUIE S");
}

// Reports numbered in the register's series, their subject in capitals run
// on into the report: each is an act, numbered by the report's number.
TEST_CASE("a report's number of four figures or more is its act's number", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 10 FÉVRIER 2023\n"
      "RAPPORT N° 23004 INFORMATION - SERVICES DES URGENCES DU CHI Depuis trois ans la pression "
      "sur le monde hospitalier va crescendo.\n"
      "Après en avoir délibéré, le conseil adopte la motion à l'unanimité.\n"
      "RAPPORT N° 23005 RAPPORT D'ORIENTATION BUDGÉTAIRE Depuis la loi du 6 février 1992, la "
      "tenue d'un débat d'orientation budgétaire s'impose aux communes.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].number == "23004");
  CHECK(run.records.deliberations[0].title == "INFORMATION - SERVICES DES URGENCES DU CHI");
  CHECK(run.records.deliberations[1].number == "23005");
  CHECK(run.records.deliberations[1].title == "RAPPORT D'ORIENTATION BUDGÉTAIRE");
}

// An item's place ("n°3-2") and, after its subject, the act's own code
// glued to its label: the code is the act's number.
TEST_CASE("the act's code after an item's subject is its number", "[deliberation]") {
  const ActRun run(
      "CONSEIL COMMUNAUTAIRE DU 5 MARS 2024\n"
      "Etaient présents : M. Jean ROUX, Mme Lise FABRE.\n"
      "n°3-2 : Tarifs des piscines intercommunales DBC2024_41\n"
      "Après en avoir délibéré, le Conseil communautaire DÉCIDE d'adopter les tarifs.\n");
  const Deliberation d = run.Only();
  CHECK(d.number == "DBC2024_41");
  CHECK(run.At(d.prov) == "DBC2024_41");
}

// A secretary's name read in a line that goes on in capitals after it is
// the listed name it opens; two names joined by "et" stay both.
TEST_CASE("a name running into the text after it is the listed name it opens", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 9 MARS 2024\n"
      "Etaient présents : M. Jean ROUX, Mme Lise FABRE, M. Omar SALAH.\n"
      "Secrétaire de séance : Lise FABRE ETAT DES PRESENCES\n"
      "Point n°1 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  CHECK(run.Only().secretary == "Lise FABRE");
}

// Those present listed by commune, a commune of one member before the next
// caption ("MESNARD : Landry RONDEAU SAINT PAUL : Nicolas GRELET"): the
// caption's match takes the first letters of the member's name, and the
// next caption is found after the whole name, which is not cut.
TEST_CASE("a commune of one member before the next caption", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "DELIBERATION DU CONSEIL COMMUNAUTAIRE\n"
          "Séance du 3 mars 2024\n"
          "LES HERBIERS : Anne PETIT – Luc ROUX MESNARD LA BAROTIERE : Landry RONDEAU SAINT PAUL "
          "EN PAREDS : Nicolas GRELET\n"
          "Le Conseil communautaire, après en avoir délibéré,\n"
          "DÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Anne PETIT | present", "Luc ROUX | present",
                                 "Landry RONDEAU | present", "Nicolas GRELET | present"});
}

// A presence table by commune read flat, its label without a colon: the
// members' cells between the communes' names, those marked absent left to
// the lists after the table, one who holds a proxy present.
TEST_CASE("a presence table read flat, its cells marked absent or holding a proxy",
          "[deliberation]") {
  const Deliberation d =
      ActRun(
          "DELIBERATION DU CONSEIL COMMUNAUTAIRE\n"
          "Séance du 3 mars 2024\n"
          "Nombre de conseillers votants ; 5 Etaient présents Ambillou Bruno CHEUVREUX - "
          "PROCURATION Couesmes Lucette CARRE-ABSENTE Avrillé les Ponceaux Jean-Jack BORDEAU "
          "Cinq Mars la Pile SolèneVELUDO-PLOQUIN Rillé Xavier DUPONT-PROCURATION Lesquels forment "
          "la majorité des membres en exercice.\n"
          "Absents excusés : Mme Lucette CARRE\n"
          "Le Conseil communautaire, après en avoir délibéré,\n"
          "DÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Bruno CHEUVREUX | present", "Jean-Jack BORDEAU | present",
                                 "SolèneVELUDO-PLOQUIN | present", "Xavier DUPONT | present",
                                 "Lucette CARRE | excused"});
}

// A colon-less "Étaient présents" before names separated by commas is no
// table: its cells are not read.
TEST_CASE("a colon-less label before a list with separators is no table", "[deliberation]") {
  const Deliberation d = ActRun(
                             "DELIBERATION DU CONSEIL MUNICIPAL\n"
                             "Séance du 3 mars 2024\n"
                             "Etaient présents Anne PETIT, Luc ROUX, Paul MARTIN\n"
                             "Le Conseil municipal, après en avoir délibéré,\n"
                             "DÉCIDE d'approuver le contrat.\n")
                             .Only();
  CHECK(d.attendees.empty());
}

// A roll call transcribed in the minutes: each member with their answer;
// one represented is excused, their holder answers for themself; one
// present from a later time is left out.
TEST_CASE("a roll call's answers give each member's status", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "DELIBERATION DU CONSEIL DEPARTEMENTAL\n"
          "Séance du 3 mars 2024\n"
          "Robert AIGOIN : présent Patricia BREMOND : absente, représentée par Gilbert FONTUGNE "
          "Ève BRÉZET : présente Christine HUGON : présente à partir de 14 h 50 Gilbert FONTUGNE : "
          "présent Michel THEROND : absent.\n"
          "Le Conseil départemental, après en avoir délibéré,\n"
          "DÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Robert AIGOIN | present", "Patricia BREMOND | excused",
                                 "Ève BRÉZET | present", "Gilbert FONTUGNE | present",
                                 "Michel THEROND | absent"});
}

// "Ainsi que : Mesdames, Messieurs, Odile AUCLAIR …": the civilities that
// address the list are no person of it.
TEST_CASE("a civility alone in a list is no attendee", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "DELIBERATION DU CONSEIL MUNICIPAL\n"
          "Séance du 3 mars 2024\n"
          "Présents : Mesdames, Messieurs, Anne PETIT, Luc ROUX, Mmes, Paul MARTIN\n"
          "Le Conseil municipal, après en avoir délibéré,\n"
          "DÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) == std::vector<std::string>{"Anne PETIT | present",
                                                        "Luc ROUX | present",
                                                        "Paul MARTIN | present"});
}

// "M.TAYEB": an abbreviated civility glued to the name is no part of it;
// "MEYER" does not open with a glued "Me".
TEST_CASE("a civility glued to the name is removed, a name starting like one is kept",
          "[deliberation]") {
  const Deliberation d = ActRun(
                             "DELIBERATION DU CONSEIL MUNICIPAL\n"
                             "Séance du 3 mars 2024\n"
                             "Présents : M.TAYEB, Mme.ROUX, MEYER Paul, M. Luc MARTIN\n"
                             "Le Conseil municipal, après en avoir délibéré,\n"
                             "DÉCIDE d'approuver le contrat.\n")
                             .Only();
  CHECK(NamesAndStatuses(d) == std::vector<std::string>{"TAYEB | present", "ROUX | present",
                                                        "MEYER Paul | present",
                                                        "Luc MARTIN | present"});
}

// A member listed present who gave a proxy from a later item on was present
// at the items before it; the last word before the range gives its status
// ("présent en début de séance, a donné procuration …": excused).
TEST_CASE("a proxy given from a later item leaves the member present before it", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 13 FEVRIER 2023\n"
      "Présents : Paul MARTIN, Anne PETIT (a donné procuration à Paul MARTIN à compter du point "
      "5), Luc ROUX (présent en début de séance, a donné procuration à Paul MARTIN à compter du "
      "point 1), Marc BLANC (arrivé au point 4).\n"
      "Point n°2 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  CHECK(NamesAndStatuses(run.Only()) == std::vector<std::string>{"Paul MARTIN | present",
                                                                 "Anne PETIT | present",
                                                                 "Luc ROUX | excused"});
}

// "Présents à l'appel nominal : 3 élus": the label holds the count, the
// names follow in the next paragraph.
TEST_CASE("a roll call's label with the count of its members", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 13 FEVRIER 2023\n"
      "Présents à l'appel nominal : 3 élus\n"
      "Paul MARTIN – Anne PETIT – Luc ROUX\n"
      "Absents représentés : 1 élu\n"
      "Claire DURAND (procuration à Paul MARTIN)\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  CHECK(NamesAndStatuses(run.Only()) ==
        std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present",
                                 "Luc ROUX | present", "Claire DURAND | excused"});
}

// A list whose lines a converter broke after a surname ("SINIVASSIN" /
// "Tony, …") or after the ordinal of a function ("Christian 1er" /
// "Adjoint, …") goes on in the next line; the functions are no names.
TEST_CASE("a list broken after a surname or a function's ordinal goes on", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 23 MARS 2012\n"
      "ETAIENT PRESENTS : DESPLAN Félix, Sénateur-Maire, MARTIN Paul 1er\n"
      "Adjoint, PETIT Anne 2ème Adjt, ROUX\n"
      "Luc, BLANC Marc\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  CHECK(NamesAndStatuses(run.Only()) ==
        std::vector<std::string>{"DESPLAN Félix | present", "MARTIN Paul | present",
                                 "PETIT Anne | present", "ROUX Luc | present",
                                 "BLANC Marc | present"});
}
// An item of minutes that reports a commission's meeting ("Compte rendu de
// la commission …  Présents : …"): that list is the commission's; the act
// was taken by those present at the sitting.
TEST_CASE("a commission's report quoted in an act gives no attendance", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL DU 15 DECEMBRE 2022\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT.\n"
      "Point n°1 Aménagement du territoire\n"
      "Compte rendu de la commission Aménagement du 23 novembre 2022\n"
      "Présents : M. Luc ROUX, Mme Claire DURAND.\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'approuver le plan.\n"
      "Point n°2 Tarifs de la cantine\n"
      "Après en avoir délibéré, le Conseil municipal DÉCIDE d'adopter les tarifs.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(NamesAndStatuses(d) ==
          std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present"});
  }
}

// "ETAIENT PRESENTS : Mmes et MM." ending its paragraph: the civilities
// address the list that the next paragraph holds.
TEST_CASE("a label whose line ends with a civility group, the names in the next paragraph",
          "[deliberation]") {
  const Deliberation d = ActRun(
                             "DELIBERATION N° 12 DE L'ASSEMBLEE\n\n"
                             "SEANCE DU 3 MARS 2024\n\n"
                             "ETAIENT PRESENTS : Mmes et MM.\n\n"
                             "Anne PETIT, Luc ROUX, Paul MARTIN.\n\n"
                             "Absents : Jean DUPONT.\n\nL'Assemblée, après en avoir délibéré,\n\n"
                             "DÉCIDE d'approuver le contrat.\n")
                             .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Anne PETIT | present", "Luc ROUX | present",
                                 "Paul MARTIN | present", "Jean DUPONT | absent"});
}

// A presence table by commune read column by column: the communes' names
// in capitals, one per line, come before the members' names; a list of
// surnames in capitals alone stays a list.
TEST_CASE("a commune column before the names of those present is no attendee", "[deliberation]") {
  const Deliberation d = ActRun(
                             "PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 3 MARS 2024\n\n"
                             "Etaient présents :\n\nAVENSAN\n\nLE PORGE\n\nSAINTE-HELENE\n\n"
                             "Anne PETIT\n\nLuc ROUX\n\nPaul MARTIN\n\n"
                             "Absents : Jean DUPONT.\n\nLe Conseil, après en avoir délibéré,\n\n"
                             "DÉCIDE d'approuver le contrat.\n")
                             .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Anne PETIT | present", "Luc ROUX | present",
                                 "Paul MARTIN | present", "Jean DUPONT | absent"});
  const Deliberation caps = ActRun(
                                "PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 3 MARS 2024\n\n"
                                "Etaient présents :\n\nLEROY\n\nMARTIN\n\nROUX\n\nPETIT\n\n"
                                "Absents : Jean DUPONT.\n\nLe Conseil, après en avoir délibéré,\n\n"
                                "DÉCIDE d'approuver le contrat.\n")
                                .Only();
  CHECK(NamesAndStatuses(caps).size() == 5);
}
// Labels the rules missed: "Sont excusés :" alone on its line ends the list
// above it; a label after a tally's unit ("Votants : 23 votants Etaient
// présents …"); a label without its colon before a surname in capitals and
// a first name ("Conseillers présents FOND Pierre MORANGE Pierre", a list
// whose line breaks were lost).
// The same table read flat: the communes' column, in capitals, runs into
// the first name.
TEST_CASE("a commune column read flat before the names is no attendee", "[deliberation]") {
  CHECK(NamesAndStatuses(
            ActRun("PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 3 MARS 2024 Étaient présents : "
                   "ARCES DILO BAGNEAUX BOEURS EN OTHE PONT / VANNE Monsieur Paul MARTIN Madame "
                   "Anne PETIT Monsieur ROUX\n\nLe Conseil, après en avoir délibéré,\n\n"
                   "DÉCIDE d'approuver le contrat.\n")
                .Only()) == std::vector<std::string>{"Paul MARTIN | present",
                                                     "Anne PETIT | present", "ROUX | present"});
}
// Each name followed by its function after a comma, the separator between
// that function and the next name lost ("…, Administrateur Jean-Pierre
// AMANS, Administrateur, …"): the function is neither a person nor part of
// the next name.
TEST_CASE("a function run into the next name of a list is dropped", "[deliberation]") {
  CHECK(NamesAndStatuses(
            ActRun("PROCES-VERBAL DU CONSEIL D'ADMINISTRATION DU 3 MARS 2024\n\n"
                   "ETAIENT PRESENTS :\n\nVincent GAUDY, Administrateur, Michel MEJEAN, "
                   "Administrateur Jean-Pierre AMANS, Administratrice Nawar BELMILOUDI, "
                   "Administratrice, Anne PETIT, Administratrice\n\n"
                   "Le Conseil, après en avoir délibéré,\n\nDÉCIDE d'approuver le contrat.\n")
                .Only()) ==
        std::vector<std::string>{"Vincent GAUDY | present", "Michel MEJEAN | present",
                                 "Jean-Pierre AMANS | present", "Nawar BELMILOUDI | present",
                                 "Anne PETIT | present"});
}
// A register's tally box may state the count for after the outcome's label
// ("DÉLIBÉRATION APPROUVÉE : Pour 86"), the other counts on the next line.
TEST_CASE("a count for after the outcome's label is a vote", "[deliberation]") {
  const Deliberation d = ActRun(
                             "EXTRAIT DU REGISTRE DES DÉLIBERATIONS DU CONSEIL COMMUNAUTAIRE\n\n"
                             "DÉLIBÉRATION : DEL 20-86 APPROBATION DES STATUTS DU SYNDICAT\n\n"
                             "DÉLIBÉRATION APPROUVÉE : Pour 86\n\nContre 0 Abstentions 5\n\n"
                             "Le Conseil communautaire approuve les statuts.\n")
                             .Only();
  CHECK(d.votes_for == 86);
  CHECK(d.votes_against == 0);
  CHECK(d.votes_abstention == 5);
}
// A name of particles and several surnames ("LE JOLIS DE VILLIERS DE
// SAINTIGNON Anne-Aymone") is one person of the list.
TEST_CASE("a long name of particles and surnames is one attendee", "[deliberation]") {
  CHECK(NamesAndStatuses(
            ActRun("PROCES-VERBAL DU CONSEIL MUNICIPAL DU 3 MARS 2024\n\n"
                   "Présents : BONDU Michel, LE JOLIS DE VILLIERS DE SAINTIGNON Anne-Aymone, "
                   "DEVAUX Isabelle\n\nLe Conseil, après en avoir délibéré,\n\n"
                   "DÉCIDE d'approuver le contrat.\n")
                .Only()) ==
        std::vector<std::string>{"BONDU Michel | present",
                                 "LE JOLIS DE VILLIERS DE SAINTIGNON Anne-Aymone | present",
                                 "DEVAUX Isabelle | present"});
}
// A converter may break the list's line inside a member's note in brackets:
// the list goes on after the bracket's end, on the next line.
TEST_CASE("a list broken inside a bracket goes on after it", "[deliberation]") {
  CHECK(NamesAndStatuses(
            ActRun("PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 3 MARS 2024\n\n"
                   "Etaient présents : Messieurs Cyril PIAZZA, Pierre DONADEY (arrivé en retard, "
                   "à\n\n19 h 30) Maurice LAVAGNA, Madame Anne PETIT\n\n"
                   "Absents : Jean DUPONT.\n\nLe Conseil, après en avoir délibéré,\n\n"
                   "DÉCIDE d'approuver le contrat.\n")
                .Only()) ==
        std::vector<std::string>{"Cyril PIAZZA | present", "Pierre DONADEY | present",
                                 "Maurice LAVAGNA | present", "Anne PETIT | present",
                                 "Jean DUPONT | absent"});
}
TEST_CASE("labels after a tally, alone on a line or without a colon open their lists",
          "[deliberation]") {
  const std::string head = "PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 3 MARS 2024\n";
  const std::string decision =
      "Le Conseil, après en avoir délibéré, DÉCIDE d'approuver le contrat.\n";
  CHECK(NamesAndStatuses(ActRun(head +
                                "Sont présents :\nMonsieur Paul MARTIN, Madame Anne PETIT\n"
                                "Sont excusés :\nMonsieur Luc ROUX (pouvoir à M. MARTIN)\n"
                                "Le quorum étant atteint, la séance est ouverte.\n" +
                                decision)
                             .Only()) == std::vector<std::string>{"Paul MARTIN | present",
                                                                  "Anne PETIT | present",
                                                                  "Luc ROUX | excused"});
  CHECK(NamesAndStatuses(ActRun(head +
                                "Votants : 23 votants Etaient présents membres titulaires "
                                "Collège 1 : DUPONT Jean, PETIT Anne.\n" +
                                decision)
                             .Only()) ==
        std::vector<std::string>{"DUPONT Jean | present", "PETIT Anne | present"});
  CHECK(NamesAndStatuses(ActRun(head +
                                "Conseillers Communautaires présents FOND Pierre MORANGE Pierre "
                                "LECLERC Grégory DAVIN Jean-Roger\n" +
                                decision)
                             .Only()) ==
        std::vector<std::string>{"FOND Pierre | present", "MORANGE Pierre | present",
                                 "LECLERC Grégory | present", "DAVIN Jean-Roger | present"});
  // "… M. Jacky SEGRET à M. Paul ROUX 5 conseillers étaient absents/excusés :
  // Mme Anne PETIT": the tally's label ends the list of proxies.
  CHECK(NamesAndStatuses(ActRun(head +
                                "Présents : M. Paul ROUX. Procurations : M. Jacky SEGRET à M. Paul "
                                "ROUX 1 conseiller communautaire était absent/excusé : Mme Anne "
                                "PETIT\n" +
                                decision)
                             .Only()) == std::vector<std::string>{"Paul ROUX | present",
                                                                  "Jacky SEGRET | excused",
                                                                  "Anne PETIT | excused"});
}
// Minutes may number their acts by a code whose year stands apart from its
// serial ("2016.84 : …", "2019 – 054 – 03.12 – …") or by the serial in the
// year ("Délibération 1/2018"): each such heading opens an act, its code the
// act's number, the subject after it the act's title.
TEST_CASE("a year set apart from its serial, or a serial in the year, numbers an act",
          "[deliberation]") {
  const std::string head =
      "CONSEIL MUNICIPAL DU 3 MARS 2024\n\nPrésents : Anne PETIT, Luc ROUX, Paul MARTIN.\n\n";
  const std::string decision = "Le Conseil, après en avoir délibéré,\n\nDÉCIDE d'approuver.\n\n";
  const ActRun dotted(head + "2016.84 : DELEGATIONS DONNEES AU BUREAU\n\n" + decision +
                      "2016.85 : TARIFS DE LA CANTINE\n\n" + decision);
  REQUIRE(dotted.records.deliberations.size() == 2);
  CHECK(dotted.records.deliberations[0].number == "2016.84");
  CHECK(dotted.records.deliberations[0].title == "DELEGATIONS DONNEES AU BUREAU");
  CHECK(dotted.records.deliberations[1].number == "2016.85");
  const Deliberation dashed =
      ActRun(head + "2019 – 054 – 03.12 – Indemnités de conseil du comptable\n\n" + decision)
          .Only();
  CHECK(dashed.number == "2019 – 054 – 03.12");
  CHECK(dashed.title == "Indemnités de conseil du comptable");
  const Deliberation serial =
      ActRun(head + "Délibération 1/2018\n\nCOMPTE ADMINISTRATIF\n\n" + decision).Only();
  CHECK(serial.number == "1/2018");
  // A season's years are no act's code.
  const ActRun season(head + "2019 - 2020 Saison culturelle\n\n" + decision);
  for (const Deliberation& d : season.records.deliberations) CHECK_FALSE(d.number);
}
// Minutes may say what kind they are between their name and the sitting:
// the sitting's date still dates every act.
TEST_CASE("a summary's heading dates the sitting's acts", "[deliberation]") {
  const ActRun run(
      "CONSEIL MUNICIPAL\n\nCOMPTE-RENDU SOMMAIRE DE LA SEANCE du 09/07/2019\n\n"
      "Présents : Mmes PETIT Anne - ROUX Lucie MM. MARTIN Paul\n\n"
      "2019-036 ZONE D'AMENAGEMENT CONCERTE : APPROBATION DU COMPTE RENDU ANNUEL\n\n"
      "Le Conseil Municipal, après en avoir délibéré, à l'unanimité, approuve le compte rendu.\n\n"
      "2019-037 ACQUISITION D'UNE PARCELLE\n\n"
      "Le Conseil Municipal, après en avoir délibéré, à l'unanimité, accepte l'acquisition.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  for (const Deliberation& d : run.records.deliberations) CHECK(d.meeting_date == "2019-07-09");
}
// A list by commune whose communes' names the converter lost keeps their
// colons: ", : Thomas X" is a name after a lost caption, and "Mme Evelyne
// BLANC : Mme Amélie X" ends a whole name (a first name alone before "BLANC"
// makes it the surname, not a caption).
TEST_CASE("a list by commune that lost its captions keeps each whole name", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 3 MARS 2024\n\n"
          "Présents : AVENSAN : Mme Anne PETIT, M. Luc ROUX : Mme Evelyne BLANC : Mme Amélie "
          "PESSEMESSE LACANAU : M. Paul MARTIN, : Thomas DUPERRIER, : Jean ETIENNE\n\n"
          "Absents : Jean DUPONT.\n\nLe Conseil, après en avoir délibéré,\n\n"
          "DÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Anne PETIT | present", "Luc ROUX | present",
                                 "Evelyne BLANC | present", "Amélie PESSEMESSE | present",
                                 "Paul MARTIN | present", "Thomas DUPERRIER | present",
                                 "Jean ETIENNE | present", "Jean DUPONT | absent"});
}
// Those without a vote may be listed under a label without a colon, on its
// own line or run on into the list ("Assistent sans voix délibératives").
TEST_CASE("a label of those without a vote without its colon opens their list", "[deliberation]") {
  const std::string head =
      "PROCES-VERBAL DE LA COMMISSION PERMANENTE DU 19 JUIN 2015\n"
      "Sont présents :\nMonsieur Paul MARTIN, Madame Anne PETIT, membres de la Commission\n";
  const std::string decision =
      "La Commission permanente, après en avoir délibéré, DÉCIDE d'approuver le contrat.\n";
  const std::vector<std::string> expected{"Paul MARTIN | present", "Anne PETIT | present",
                                          "Lucie ROUX | non_voting_present",
                                          "Marc BLANC | non_voting_present"};
  CHECK(NamesAndStatuses(ActRun(head +
                                "Assistent sans voix délibératives\n"
                                "Madame Lucie ROUX, Monsieur Marc BLANC\n" +
                                decision)
                             .Only()) == expected);
  CHECK(NamesAndStatuses(
            ActRun("PROCES-VERBAL DE LA COMMISSION PERMANENTE DU 19 JUIN 2015\nSont présents : "
                   "Monsieur Paul MARTIN, Madame Anne PETIT Assistent sans voix délibératives "
                   "Madame Lucie ROUX, Monsieur Marc BLANC\n" +
                   decision)
                .Only()) == expected);
}
// A caption that opens with a function but names a body ("Délégués de la
// Communauté de Communes de X :") is its group's caption, and the list goes
// on past it; a role's label ("Secrétaire de séance :") still ends it.
TEST_CASE("a group's caption that names a body keeps the list going", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "COMPTE-RENDU DU COMITE SYNDICAL DU 15 DECEMBRE 2020\n\n"
          "Etaient présents :\n\n"
          "Délégués de la Communauté de Communes de la Vallée : Mmes ALLAIRE, RIBOUILLEAULT, MM "
          "ABRAHAM, BIGNON.\n\n"
          "Délégués de la Communauté de Communes du Plateau : Mme GEORGET et MM AMY, BRAULT.\n\n"
          "Etaient excusés/absents : Mmes BOURMAULT, MM BOUGAS.\n\n"
          "Assistaient également à la séance : Sophie POUPEE (Directrice)\n\n"
          "Le Comité, après en avoir délibéré,\n\nDÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"ALLAIRE | present", "RIBOUILLEAULT | present",
                                 "ABRAHAM | present", "BIGNON | present", "GEORGET | present",
                                 "AMY | present", "BRAULT | present", "BOURMAULT | excused",
                                 "BOUGAS | excused", "Sophie POUPEE | non_voting_present"});
}
// Names each followed by their function, the comma between a function and
// the next name lost ("X, Maire Y, adjoint"): the function is left out and
// the name kept.
TEST_CASE("a name run on after the function of the name before is kept", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 25 NOVEMBRE 2021\n\n"
          "Présents : Anne PETIT, Maire Charles COLOMBANI, adjoint, Marcelle FIORENTINI, adjointe, "
          "Jean-Luc TRISTANI, conseiller.\n\n"
          "Le Conseil, après en avoir délibéré,\n\nDÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Anne PETIT | present", "Charles COLOMBANI | present",
                                 "Marcelle FIORENTINI | present", "Jean-Luc TRISTANI | present"});
}
// A line of the list that ends on the civility of the next person, with
// no separator after the name before ("… Philippe MARANDEL M." / "Christophe
// RACKAY, …"): the list goes on in the next paragraph.
TEST_CASE("a list's line ending on the next person's civility goes on", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n\n"
          "Séance du 22 octobre 2021\n\n"
          "Présents : M. Paul MARTIN, Mme Anne PETIT, M. Philippe MARANDEL M.\n\n"
          "Christophe RACKAY, Mme Annick KLEIN, ,M. Alexandre GEORGES.\n\n"
          "Le Conseil, après en avoir délibéré,\n\nDÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present",
                                 "Philippe MARANDEL | present", "Christophe RACKAY | present",
                                 "Annick KLEIN | present", "Alexandre GEORGES | present"});
}
// Proxies printed one a line, aligned under the first after the label: each
// line is a proxy of the same list, read as the list going on.
TEST_CASE("a list of proxies printed one a line goes on", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n\n"
          "Séance du 12 avril 2016\n\n"
          "Etaient présents : MM. DRUGEON Serge, DUARTE Françoise, SOISNARD Michel.\n\n"
          "Absents ayant donné procuration : Mme HEE Florence à Mr DRUGEON Serge\n\n"
          "Mme CASTEL Catherine à Mme Françoise DUARTE\n\n"
          "Mme CHAUVIN Laurence à Mr SOISNARD Michel\n\n"
          "Le conseil a choisi pour secrétaire : Mme Françoise DUARTE\n\n"
          "Le Conseil, après en avoir délibéré,\n\nDÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"DRUGEON Serge | present", "DUARTE Françoise | present",
                                 "SOISNARD Michel | present", "HEE Florence | excused",
                                 "CASTEL Catherine | excused", "CHAUVIN Laurence | excused"});
}

// "Personne ayant donné procuration ;": the label closed by a semicolon.
TEST_CASE("a proxies' label closed by a semicolon opens its list", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n\n"
          "Séance du 23 février 2018\n\n"
          "Etaient présents : Serge DRUGEON, Daniel ROCHER.\n\n"
          "Personne ayant donné procuration ; Mme Liliane LEHUGEUR à Mr Serge DRUGEON, Mr Louis "
          "DORE à Mr Daniel ROCHER.\n\n"
          "Le Conseil, après en avoir délibéré,\n\nDÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) ==
        std::vector<std::string>{"Serge DRUGEON | present", "Daniel ROCHER | present",
                                 "Liliane LEHUGEUR | excused", "Louis DORE | excused"});
}
// A label alone on its line, the list in the next paragraph: once that
// paragraph has given a name, a name followed by its commune is kept.
TEST_CASE("names by commune in the paragraph after a label alone are kept", "[deliberation]") {
  const Deliberation d =
      ActRun(
          "CONSEIL COMMUNAUTAIRE DU 12 MAI 2016\n\n"
          "Étaient présents :\n\n"
          "MM HENRION, BRETON et Mme FLACELIERE pour AZAY LE RIDEAU  MM DURAND et P. ALLARD pour "
          "BREHEMONT\n\n"
          "Après en avoir délibéré, le Conseil DÉCIDE d'approuver le contrat.\n")
          .Only();
  CHECK(NamesAndStatuses(d) == std::vector<std::string>{"HENRION | present", "BRETON | present",
                                                        "FLACELIERE | present", "DURAND | present",
                                                        "P. ALLARD | present"});
}
}  // namespace
}  // namespace clsdb
