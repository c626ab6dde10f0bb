// Action-plan tables (extract/plan_tables.h, rules/tables.rules): grids with
// a header row, synthesis tables with continuation rows, and action sheets;
// merged with the body's headings.  The texts are written for these tests in
// the shapes real contracts use.
#include "extract/plan_tables.h"

#include <catch2/catch.hpp>

#include "extract/plan_reader.h"
#include "layout/layout.h"
#include "read/reader.h"
#include "repo_rules.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using testing::RepoRules;

Contract TablesPlan(const std::string& text) {
  const LaidOutDocument doc = testing::LayOutText(text);
  Contract c;
  ReadContractPlan(doc, BlockRange{0, static_cast<int>(doc.blocks.size())}, RepoRules(), &c);
  return c;
}

std::vector<std::string> Actors(const Contract& c, const std::string& role, int action,
                                int operation) {
  std::vector<std::string> out;
  for (const Actor& a : c.actors) {
    if (Name(a.role) == role && a.action_index == action && a.operation_index == operation) {
      out.push_back(a.name);
    }
  }
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("column headers are recognised by rules", "[plan_tables]") {
  int year = 0;
  CHECK(ClassifyPlanHeader("Intitulé des actions", RepoRules(), &year) == PlanColumn::kAction);
  CHECK(ClassifyPlanHeader("Intitulé des opérations", RepoRules(), &year) ==
        PlanColumn::kOperation);
  CHECK(ClassifyPlanHeader("Pilote(s)", RepoRules(), &year) == PlanColumn::kPilot);
  CHECK(ClassifyPlanHeader("Porteurs", RepoRules(), &year) == PlanColumn::kPilot);
  CHECK(ClassifyPlanHeader("Porteur /pilote", RepoRules(), &year) == PlanColumn::kPilot);
  CHECK(ClassifyPlanHeader("Acteurs et partenaires mobilisés", RepoRules(), &year) ==
        PlanColumn::kPartner);
  CHECK(ClassifyPlanHeader("Source de financement potentiel", RepoRules(), &year) ==
        PlanColumn::kFunder);
  CHECK(ClassifyPlanHeader("Indicateurs de résultats (quantitatifs)", RepoRules(), &year) ==
        PlanColumn::kIndicatorQuantitative);
  CHECK(ClassifyPlanHeader("Indicateurs de résultats qualitatifs", RepoRules(), &year) ==
        PlanColumn::kIndicatorQualitative);
  CHECK(ClassifyPlanHeader("Public cible", RepoRules(), &year) == PlanColumn::kPublic);
  CHECK(ClassifyPlanHeader("Secteur géographique", RepoRules(), &year) == PlanColumn::kSector);
  CHECK(ClassifyPlanHeader("Calendrier", RepoRules(), &year) == PlanColumn::kCalendar);
  CHECK(ClassifyPlanHeader("Années", RepoRules(), &year) == PlanColumn::kCalendar);
  CHECK(ClassifyPlanHeader("Axe 3", RepoRules(), &year) == PlanColumn::kAxis);
  CHECK(ClassifyPlanHeader("N° Objectifs", RepoRules(), &year) == PlanColumn::kAxis);
  CHECK(ClassifyPlanHeader("2027", RepoRules(), &year) == PlanColumn::kYear);
  CHECK(year == 2027);
  CHECK(ClassifyPlanHeader("Axe 1 : Améliorer l'accès aux soins", RepoRules(), &year) ==
        PlanColumn::kNone);
  CHECK(ClassifyPlanHeader("CCSA - CPTS", RepoRules(), &year) == PlanColumn::kNone);
}

// A body listing actions and operations, then an annex grid whose rows give
// the pilots and the calendar; one row shifted left by a column.
const char kBodyAndGrid[] =
    "Orientation 1 : Améliorer l'accès aux soins\n"
    "Action 1.1 : Attirer des professionnels de santé\n"
    "- 1.1.1 : Recenser les locaux pour les professionnels de santé\n"
    "- 1.1.2 : Promouvoir la maison de santé\n"
    "Action 1.2 : Favoriser l'accès aux soins\n"
    "- 1.2.1 : Informer sur les transports\n"
    "ARTICLE 5 : Gouvernance\n"
    "Annexes : plan d'actions\n"
    "Axe 1\tIntitulé des actions\tIntitulé des opérations\tPilote\tAnnées\t\t\n"
    "\t\t\t\t2025\t2026\t2027\n"
    "Axe 1 : Améliorer l'accès aux soins\t1.1. Attirer des PS\t1.1.1. Recenser les locaux "
    "pour les PS: - logements étudiants - locaux professionnels\tCCSA\tétat des lieux\t\t\n"
    "\t\t1.1.2. Promouvoir la maison de santé : Site internet\tles CPTS - CCSA\t\tOctobre\t\n"
    "\t1.2. Favoriser l'accès aux soins\t1.2.1. Informer sur les transports : Taxi solidaire"
    "\tCCSA - (UFOLEP)\t\t\tx\n"
    "\t1.2.2. Accompagner la téléconsultation\tde l'ARS\tx\n";

TEST_CASE("a grid merges with the body: body titles, table pilots and years", "[plan_tables]") {
  const Contract c = TablesPlan(kBodyAndGrid);
  REQUIRE(c.orientations.size() == 1);
  REQUIRE(c.actions.size() == 2);
  CHECK(c.actions[0].title == "Attirer des professionnels de santé");
  REQUIRE(c.operations.size() == 4);
  CHECK(c.operations[0].title == "Recenser les locaux pour les professionnels de santé");
  // Only in the table: its title without the description after the colon.
  CHECK(c.operations[3].code == "1.2.2");
  CHECK(c.operations[3].title == "Accompagner la téléconsultation");
  CHECK(c.operations[3].action_index == 1);
  CHECK(Actors(c, "pilot", 0, 0) == V{"CCSA"});
  CHECK(Actors(c, "pilot", 0, 1) == V{"CPTS", "CCSA"});
  CHECK(Actors(c, "pilot", 1, 2) == V{"CCSA", "UFOLEP"});
  // The shifted row: its pilot and year cells follow its operation cell.
  CHECK(Actors(c, "pilot", 1, 3) == V{"ARS"});
  CHECK(Actors(c, "pilot", 0, -1).empty());
  bool found_2025 = false, found_shifted = false;
  for (const ScheduleEntry& s : c.schedule) {
    if (s.operation_index == 0 && s.year == 2025) found_2025 = s.text == "état des lieux";
    if (s.operation_index == 3 && s.year == 2025) found_shifted = s.text == "x";
  }
  CHECK(found_2025);
  CHECK(found_shifted);
}

TEST_CASE("a synthesis table: FA rows, continuation rows, merged pilot cells", "[plan_tables]") {
  const Contract c = TablesPlan(
      "ORIENTATION 1 : Agir en faveur de l'accès aux soins\n"
      "Intitulé des actions\tIntitulé des opérations\tPorteurs\n"
      "FA 1.1 : Organiser la médiation en santé\tAccompagner la médiation en santé\tARS et "
      "CCAA-CCSB\n"
      "FA 1.2 : Libérer du temps médical\tIdentifier les certificats inutiles\tCoordination "
      "CLS et CPTS en lien avec CCSB\n"
      "\tAccompagner les communes : AFPA, Mission locale\t\n"
      "\tPromouvoir l'exercice coordonné\tCPAM du Hainaut\n"
      "ORIENTATION 2 : Prévenir les addictions\n"
      "Intitulé des actions\tIntitulé des opérations\tPorteurs\n"
      "FA 2.1 : Déployer des programmes en milieu scolaire\tFormer la communauté "
      "éducative\tEducation nationale\n");
  REQUIRE(c.orientations.size() == 2);
  REQUIRE(c.actions.size() == 3);
  CHECK(c.actions[0].code == "1.1");
  CHECK(c.actions[2].orientation_index == 1);
  REQUIRE(c.operations.size() == 5);
  for (const Operation& o : c.operations) CHECK_FALSE(o.code.has_value());
  CHECK(c.operations[2].title == "Accompagner les communes : AFPA, Mission locale");
  CHECK(c.operations[2].action_index == 1);
  CHECK(Actors(c, "pilot", 0, 0) == V{"ARS", "CCAA", "CCSB"});
  CHECK(Actors(c, "pilot", 1, 2) == V{"Coordination CLS", "CPTS", "CCSB"});
  CHECK(Actors(c, "pilot", 1, 3) == V{"CPAM du Hainaut"});
  CHECK(Actors(c, "pilot", 1, -1).empty());
}

TEST_CASE("an action sheet maps its columns to the operations and adds no second pilot",
          "[plan_tables]") {
  const Contract c = TablesPlan(
      "ORIENTATION 1 : Agir en faveur de l'accès aux soins\n"
      "Intitulé des actions\tIntitulé des opérations\tPorteurs\n"
      "FA 1.3 : Attirer de futurs professionnels\tStimuler les vocations auprès des élèves\t"
      "Education Nationale\n"
      "\tDéployer une cordée de la réussite\tRectorat\n"
      "ARTICLE 4 : Gouvernance\n"
      "Annexe : Plan d'actions\n"
      "Intitulé de l'action\tFA 1.3 : Attirer de futurs professionnels de santé\n"
      "Descriptif sommaire de l'action\tLes problématiques d'attractivité sont majeures.\n"
      "Opérations nécessaires à l'action\tStimuler les vocations auprès des stages des "
      "élèves\tDéployer une cordée de la réussite dans le domaine de la santé\n"
      "ORIENTATION 1 : Agir en faveur de l'accès aux soins\n"
      "Porteur /pilote\tCoordination CLS\tDélégation académique\n"
      "Acteurs et partenaires mobilisés\tCH Nord - CPTS\tARS, DRAIO\n"
      "Source de financement potentiel\tARS et/ou collectivité\tAcadémie\n"
      "Indicateurs de résultats (quantitatifs)\tNombre de stages\tTaux d'admission\n"
      "Indicateurs de résultats qualitatifs\tSatisfaction des élèves\t\n"
      "Calendrier\t2026\tTravaux préparatoires : 2025-2026\n");
  REQUIRE(c.actions.size() == 1);
  // The sheet's longer title does not replace the first one read.
  CHECK(c.actions[0].title == "Attirer de futurs professionnels");
  CHECK(c.actions[0].description == "Les problématiques d'attractivité sont majeures.");
  REQUIRE(c.operations.size() == 2);
  CHECK(Actors(c, "pilot", 0, 0) == V{"Education Nationale"});
  CHECK(Actors(c, "pilot", 0, 1) == V{"Rectorat"});
  // The sheet's pilot cells are kept as other spellings, not as pilots.
  CHECK(c.repeated_pilot_names == V{"Coordination CLS", "Délégation académique"});
  CHECK(Actors(c, "partner", 0, 0) == V{"CH Nord", "CPTS"});
  CHECK(Actors(c, "partner", 0, 1) == V{"ARS", "DRAIO"});
  CHECK(Actors(c, "funder", 0, 0) == V{"ARS", "collectivité"});
  int quantitative = 0, qualitative = 0;
  for (const Indicator& i : c.indicators) {
    quantitative += i.kind == IndicatorKind::kQuantitative;
    qualitative += i.kind == IndicatorKind::kQualitative;
  }
  CHECK(quantitative == 2);
  CHECK(qualitative == 1);
  // "Travaux préparatoires : 2025-2026": one row for each year of the range.
  REQUIRE(c.schedule.size() == 3);
  CHECK(c.schedule[0].operation_index == 0);
  CHECK(c.schedule[0].year == 2026);
  CHECK(c.schedule[1].operation_index == 1);
  CHECK(c.schedule[1].year == 2025);
  CHECK(c.schedule[2].operation_index == 1);
  CHECK(c.schedule[2].year == 2026);
  CHECK(c.schedule[2].text == "Travaux préparatoires : 2025-2026");
}

TEST_CASE("a sheet's cells are kept as written: amounts, shared heads, ranges", "[plan_tables]") {
  const Contract c = TablesPlan(
      "Intitulé de l'action\tFA 2.1 : Prévenir les addictions\n"
      "Opérations nécessaires à l'action\tFormer les élèves\tAnimer le programme\t"
      "Informer les familles\n"
      "Acteurs et partenaires mobilisés\tLes CH Avesnes, de Fourmies, de Felleries-Liessies et "
      "les CPTS\tRéférents famille / jeunesse ou santé des CS\t"
      "écoles de médecine et de paramédicale, communes/CCAS\n"
      "Source de financement / budget prévisionnel\tARS (2500€/classe)\t"
      "ARS (8107€ part ARS/programme ; entre 8000 et 10000€ de reste à charge)\t"
      "ARS : 50 000 € / an / Poste\n"
      "Calendrier\tDéploiement en 2025-2026\t2025\tPas avant 2026, puis 2027-2028\n");
  REQUIRE(c.operations.size() == 3);
  // The head "CH" is shared by the pieces that are only its complement.
  CHECK(Actors(c, "partner", 0, 0) ==
        V{"CH Avesnes", "CH de Fourmies", "CH de Felleries-Liessies", "CPTS"});
  // Common nouns joined by et / ou / slash are one name, not fragments.
  CHECK(Actors(c, "partner", 0, 1) == V{"Référents famille / jeunesse ou santé des CS"});
  CHECK(Actors(c, "partner", 0, 2) ==
        V{"écoles de médecine et de paramédicale", "communes", "CCAS"});
  // Amounts stay in the funder's text, uncut.
  CHECK(Actors(c, "funder", 0, 0) == V{"ARS (2500€/classe)"});
  CHECK(Actors(c, "funder", 0, 1) ==
        V{"ARS (8107€ part ARS/programme ; entre 8000 et 10000€ de reste à charge)"});
  CHECK(Actors(c, "funder", 0, 2) == V{"ARS : 50 000 € / an / Poste"});
  std::vector<std::pair<int, OptInt>> years;
  for (const ScheduleEntry& s : c.schedule) years.emplace_back(s.operation_index, s.year);
  // A range gives each of its years; a text with years outside one range
  // gives none.
  CHECK(years ==
        std::vector<std::pair<int, OptInt>>{{0, 2025}, {0, 2026}, {1, 2025}, {2, std::nullopt}});
}

TEST_CASE("indicators run together are split where the text shows it", "[plan_tables]") {
  const Contract c = TablesPlan(
      "Intitulé de l'action\tFA 1.3 : Attirer de futurs professionnels\n"
      "Indicateurs de résultats qualitatifs\tMesure des connaissances sur les métiers de la "
      "santé Taux de satisfaction des élèves Taux de satisfaction à Fourmies\t"
      "Développement de l'ambition scolaire. Développement de l'intérêt ; Bilan - Nombre de "
      "jeunes suivis en ML\n");
  std::vector<std::string> texts;
  for (const Indicator& i : c.indicators) texts.push_back(i.text);
  CHECK(texts == V{"Mesure des connaissances sur les métiers de la santé",
                   "Taux de satisfaction des élèves", "Taux de satisfaction à Fourmies",
                   "Développement de l'ambition scolaire", "Développement de l'intérêt", "Bilan",
                   "Nombre de jeunes suivis en ML"});
}

TEST_CASE("a sheet alone gives its action, operations and pilots", "[plan_tables]") {
  const Contract c = TablesPlan(
      "Intitulé de l'action\tFA 4.1 : Impulser l'inclusion numérique en santé\n"
      "Opérations nécessaires à l'action\tRéalisation du diagnostic\tCo-construction du plan\n"
      "Porteur /pilote\tCabinet Conseil\tARS\n");
  REQUIRE(c.actions.size() == 1);
  CHECK(c.actions[0].code == "4.1");
  REQUIRE(c.operations.size() == 2);
  CHECK(Actors(c, "pilot", 0, 0) == V{"Cabinet Conseil"});
  CHECK(Actors(c, "pilot", 0, 1) == V{"ARS"});
}

TEST_CASE("a grid of actions without operations gives pilots per action", "[plan_tables]") {
  const Contract c = TablesPlan(
      "AXE 1 - Favoriser l'accès aux soins de premier recours\n"
      "AXE 2 - Promouvoir des environnements favorables\n"
      "ARTICLE 4 : Gouvernance\n"
      "Axe stratégique\tAction\tPorteur(s) / Pilote(s)\tPartenaires associés\tÉchéancier\n"
      "Axe 1\tAction 1 : Créer un centre de santé\tCommunauté de communes\tARS, CPAM\t2025\n"
      "\tAction 2 : Développer la télémédecine\tEHPAD du Val / GHT Sud\tARS\t2026\n"
      "Axe 2\tAction 3 : Réduire l'exposition au radon\tARS, communes\tCEREMA\t2027\n");
  REQUIRE(c.actions.size() == 3);
  CHECK(c.actions[0].code == "1");
  CHECK(c.actions[0].title == "Créer un centre de santé");
  CHECK(c.orientations[c.actions[1].orientation_index].number == "1");
  CHECK(c.orientations[c.actions[2].orientation_index].number == "2");
  CHECK(c.operations.empty());
  CHECK(Actors(c, "pilot", 1, -1) == V{"EHPAD du Val", "GHT Sud"});
  CHECK(Actors(c, "partner", 0, -1) == V{"ARS", "CPAM"});
  REQUIRE(c.schedule.size() == 3);
  CHECK(c.schedule[2].year == 2027);
}

TEST_CASE("rows spanning a grid name its axes; an objective column gives objectives",
          "[plan_tables]") {
  const Contract c = TablesPlan(
      "Objectif opérationnel\tFiche action\tPilote\n"
      "AXE 1 : Faciliter l'accès aux soins\t\t\n"
      "1.1 : Conforter l'offre de premier recours\tFiche action 1 : Créer un guichet\tCCPT\n"
      "1.2 : Accompagner les publics éloignés\tFiche action 2 : Déployer une médiatrice\tCCAS\n"
      "AXE 2 : Prendre soin des jeunes\n"
      "2.1 : Renforcer les compétences\tFiche action 3 : Former les enseignants\tÉducation "
      "nationale\n");
  REQUIRE(c.orientations.size() == 2);
  CHECK(c.orientations[1].title == "Prendre soin des jeunes");
  REQUIRE(c.objectives.size() == 3);
  CHECK(c.objectives[1].number == "1.2");
  CHECK(c.objectives[2].orientation_index == 1);
  REQUIRE(c.actions.size() == 3);
  CHECK(c.actions[0].code == "1");
  CHECK(c.actions[0].title == "Créer un guichet");
  CHECK(c.actions[2].orientation_index == 1);
  CHECK(Actors(c, "pilot", 1, -1) == V{"CCAS"});
}

TEST_CASE("a sheet whose label holds the action's code", "[plan_tables]") {
  const Contract c = TablesPlan(
      "Axe 1 : Faciliter l'accès aux soins\n"
      "Fiche action n°3\tDéployer une médiatrice en santé\n"
      "Porteur\tCCPT et CCAS\n");
  REQUIRE(c.actions.size() == 1);
  CHECK(c.actions[0].code == "3");
  CHECK(c.actions[0].title == "Déployer une médiatrice en santé");
  CHECK(Actors(c, "pilot", 0, -1) == V{"CCPT", "CCAS"});
}

TEST_CASE("tables that are not action plans are left alone", "[plan_tables]") {
  const Contract c = TablesPlan(
      "Orientation 1 : Améliorer l'accès aux soins\n"
      "Action 1.1 : Attirer des professionnels\n"
      "Commune\tHabitants\tPart en QPV\n"
      "Ville1\t25886\t17,1\n"
      "Sigle\tSignification\n"
      "ARS\tAgence Régionale de Santé\n");
  CHECK(c.actions.size() == 1);
  CHECK(c.operations.empty());
  CHECK(c.actors.empty());
}

TEST_CASE("a N° column gives the codes of a grid's actions", "[plan_tables]") {
  const Contract c = TablesPlan(
      "AXE N°1 : Conforter l'offre de soins\n\n"
      "N°\tIntitulé de l'action\tPilote(s)\tCalendrier\n"
      "1.1\tAccueillir les professionnels de santé\tCCSP / CPTS\t2024-2028\n"
      "1.2\tDévelopper les terrains de stage\tCHI\t2025\n");
  REQUIRE(c.actions.size() == 2);
  CHECK(c.actions[0].code == "1.1");
  CHECK(c.actions[0].title == "Accueillir les professionnels de santé");
  CHECK(c.actions[1].code == "1.2");
  int pilots = 0;
  for (const Actor& a : c.actors) pilots += a.role == ActorRole::kPilot ? 1 : 0;
  CHECK(pilots == 3);
}

}  // namespace
}  // namespace clsdb
