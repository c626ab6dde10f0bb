// The plan read from a contract's body: headings of every template the
// rules know (rules/plan.rules), and how they merge (extract/plan_reader.h).
// The texts are written for these tests in the shapes real contracts use.
#include <catch2/catch.hpp>

#include "extract/extract.h"
#include "extract/plan_reader.h"
#include "layout/layout.h"
#include "read/reader.h"
#include "repo_rules.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using testing::RepoRules;

LaidOutDocument Lay(const std::string& text) { return testing::LayOutText(text); }

// The plan of a contract that covers the whole text (the unit tests do not
// depend on where FindContracts puts the boundaries).
Contract Plan(const std::string& text) {
  LaidOutDocument doc = Lay(text);
  Contract c;
  ReadContractPlan(doc, BlockRange{0, static_cast<int>(doc.blocks.size())}, RepoRules(), &c);
  return c;
}

std::string OrientationOf(const Contract& c, const Action& a) {
  return a.orientation_index < 0 ? "" : c.orientations[a.orientation_index].number;
}

std::string ActionOf(const Contract& c, const Operation& o) {
  return o.action_index < 0 ? "" : c.actions[o.action_index].code.value_or("");
}

TEST_CASE("orientations, actions and numbered operations of the body", "[plan]") {
  const Contract c = Plan(
      "ARTICLE 4 : Orientations stratégiques\n"
      "Orientation 1 : Améliorer l'accès aux soins\n"
      "Action 1.1 : Attirer des professionnels de santé\n"
      "- 1.1.1 : Recenser les locaux vacants\n"
      "- 1.1.2 Promouvoir la maison de santé\n"
      "Action 1.2 Faciliter les transports\n"
      "1.2.1. Informer sur le transport à la demande\n"
      "ORIENTATION 2 : AGIR POUR LA SANTE MENTALE\n"
      "Action 2.1: Former des secouristes\n"
      "2.1.1 : Organiser deux sessions par an\n"
      "ARTICLE 5 : Gouvernance\n"
      "1.3 Le comité de pilotage se réunit une fois par an\n");
  REQUIRE(c.orientations.size() == 2);
  CHECK(c.orientations[0].number == "1");
  CHECK(c.orientations[0].title == "Améliorer l'accès aux soins");
  CHECK(c.orientations[1].title == "AGIR POUR LA SANTE MENTALE");
  REQUIRE(c.actions.size() == 3);
  CHECK(c.actions[0].code == "1.1");
  CHECK(c.actions[0].title == "Attirer des professionnels de santé");
  CHECK(c.actions[1].code == "1.2");
  CHECK(c.actions[1].title == "Faciliter les transports");
  CHECK(OrientationOf(c, c.actions[2]) == "2");
  REQUIRE(c.operations.size() == 4);
  CHECK(c.operations[0].code == "1.1.1");
  CHECK(c.operations[0].title == "Recenser les locaux vacants");
  CHECK(c.operations[1].title == "Promouvoir la maison de santé");
  CHECK(ActionOf(c, c.operations[2]) == "1.2");
  CHECK(ActionOf(c, c.operations[3]) == "2.1");
  // Provenance points at the title in the page text.
  CHECK(c.actions[0].prov.rule == "plan.action");
  CHECK(c.actions[0].prov.span_end > c.actions[0].prov.span_start);
}

TEST_CASE("the first title of an orientation stays; tables of contents are skipped", "[plan]") {
  const Contract c = Plan(
      "Orientation 1 : Améliorer le parcours ........ 12\n"
      "ARTICLE 4 : Orientations\n"
      "- Orientation 1 : Déployer, renforcer l'aller-vers\n"
      "- Orientation 2 : Soutenir la démographie médicale\n"
      "B. Plan d'actions\n"
      "Orientation 1 : DEPLOYER ET RENFORCER L'ALLER-VERS\n"
      "Action 1.1 Informer les familles\n"
      "Orientation n°2 – Soutenir la démographie médicale\n");
  REQUIRE(c.orientations.size() == 2);
  CHECK(c.orientations[0].title == "Déployer, renforcer l'aller-vers");
  CHECK(c.orientations[1].number == "2");
  REQUIRE(c.actions.size() == 1);
  CHECK(OrientationOf(c, c.actions[0]) == "1");
}

TEST_CASE("the short lines of a table of contents are not the plan", "[plan]") {
  const Contract c = Plan(
      "SOMMAIRE\n"
      "Article 4 : Orientations\n"
      "Orientation 1 : Une orientation du sommaire 8\n"
      "Action 1.1 : Une action du sommaire 9\n"
      "I. PREAMBULE\n"
      "Vu le code de la santé publique, notamment ses articles sur les contrats locaux de "
      "santé conclus par l'agence régionale de santé avec les collectivités territoriales,\n"
      "Orientation 1 : Améliorer l'accès aux soins\n"
      "Action 1.1 : Attirer des professionnels\n");
  REQUIRE(c.orientations.size() == 1);
  CHECK(c.orientations[0].title == "Améliorer l'accès aux soins");
  REQUIRE(c.actions.size() == 1);
  CHECK(c.actions[0].title == "Attirer des professionnels");
}

TEST_CASE("a contents list ends where the text repeats one of its lines", "[plan]") {
  const Contract c = Plan(
      "Table des matières\n"
      "Orientation 1 : Améliorer l'accès aux soins\n"
      "Orientation 2 : Agir pour la santé mentale\n"
      "Orientation 1 : Améliorer l'accès aux soins\n"
      "Action 1.1 : Attirer des professionnels\n");
  REQUIRE(c.orientations.size() == 1);
  REQUIRE(c.actions.size() == 1);
}

TEST_CASE("lettered axes and objectives; action codes restart per axis", "[plan]") {
  const Contract c = Plan(
      "a/ Garantir un accès aux soins\n"
      "Objectif 1/ Renforcer l'attractivité\n"
      "- Action 1.1 : Accueillir les internes\n"
      "Objectif 2/ Lever les freins à la mobilité\n"
      "- Action 2.1 : Développer le transport solidaire\n"
      "b/ Promouvoir la santé mentale\n"
      "Objectif 1/ Mieux repérer\n"
      "- Action 1.1 : Former des secouristes\n");
  REQUIRE(c.orientations.size() == 2);
  CHECK(c.orientations[1].number == "b");
  REQUIRE(c.objectives.size() == 3);
  CHECK(c.objectives[2].number == "1");
  CHECK(c.orientations[c.objectives[2].orientation_index].number == "b");
  REQUIRE(c.actions.size() == 3);
  CHECK(c.actions[2].code == "1.1");
  CHECK(OrientationOf(c, c.actions[2]) == "b");
  CHECK(c.actions[2].title == "Former des secouristes");
}

TEST_CASE("roman axes, operational objectives and action sheets", "[plan]") {
  const Contract c = Plan(
      "ARTICLE 3 : ORIENTATIONS STRATÉGIQUES\n"
      "Axe I : Faciliter l'accès aux soins\n"
      "Objectif opérationnel 1.1 : Conforter l'offre de premier recours\n"
      "Fiche action n°1 : Créer un guichet unique\n"
      "Axe II : Prendre soin des jeunes\n"
      "Objectif opérationnel 2.1 : Renforcer les compétences\n"
      "Fiche action n°2 : Ouvrir un point écoute jeunes itinérant\n"
      "ARTICLE 4 : GOUVERNANCE\n"
      "ANNEXE 1 : FICHES ACTION\n"
      "Fiche action n°1 : Créer un guichet unique d'accueil\n"
      "Axe\tAxe I : Faciliter l'accès aux soins\n"
      "Porteur / pilote\tCCPT\n"
      "Partenaires\tARS, CPAM, communes\n"
      "Indicateurs\tNombre de professionnels accompagnés ; nombre d'installations\n"
      "Calendrier\t2025 : recrutement ; 2026-2030 : fonctionnement\n"
      "Fiche action n°2 : Ouvrir un Point Écoute Jeunes (PEJ) itinérant\n"
      "Axe\tAxe II : Prendre soin des jeunes\n"
      "Porteur / pilote\tMaison des adolescents + CCPT\n");
  REQUIRE(c.orientations.size() == 2);
  CHECK(c.orientations[1].number == "II");
  REQUIRE(c.objectives.size() == 2);
  CHECK(c.objectives[1].number == "2.1");
  REQUIRE(c.actions.size() == 2);
  // The body's wording wins over the annex's.
  CHECK(c.actions[0].title == "Créer un guichet unique");
  CHECK(c.actions[1].title == "Ouvrir un point écoute jeunes itinérant");
  CHECK(OrientationOf(c, c.actions[1]) == "II");
  std::vector<std::string> pilots_1, pilots_2, partners;
  for (const Actor& a : c.actors) {
    if (a.role == ActorRole::kPilot && a.action_index == 0) pilots_1.push_back(a.name);
    if (a.role == ActorRole::kPilot && a.action_index == 1) pilots_2.push_back(a.name);
    if (a.role == ActorRole::kPartner) partners.push_back(a.name);
    CHECK(a.operation_index == -1);
  }
  CHECK(pilots_1 == std::vector<std::string>{"CCPT"});
  CHECK(pilots_2 == std::vector<std::string>{"Maison des adolescents", "CCPT"});
  CHECK(partners == std::vector<std::string>{"ARS", "CPAM", "communes"});
  REQUIRE(c.indicators.size() == 2);
  CHECK(c.indicators[0].kind == IndicatorKind::kOther);
  CHECK(c.indicators[1].text == "nombre d'installations");
  // "2026-2030 : fonctionnement" is each year of its range.
  REQUIRE(c.schedule.size() == 6);
  CHECK(c.schedule[0].year == 2025);
  CHECK(c.schedule[0].text == "2025 : recrutement");
  CHECK(c.schedule[1].year == 2026);
  CHECK(c.schedule[5].year == 2030);
  CHECK(c.schedule[5].text == "2026-2030 : fonctionnement");
}

TEST_CASE("unnumbered operations listed after 'Les opérations identifiées :'", "[plan]") {
  const Contract c = Plan(
      "Orientation 1 : Faciliter l'accès aux soins\n"
      "Action 1.1 : Développer l'accompagnement des usagers\n"
      "L'objectif est de faire de la santé une priorité pour l'usager.\n"
      "Les opérations identifiées :\n"
      "- Faire connaître la Maison des usagers\n"
      "- Recruter un médiateur santé en espace rural\n"
      "Concernant les liens avec le conseil local de santé mentale :\n"
      "- La participation mutuelle aux comités\n");
  REQUIRE(c.operations.size() == 2);
  CHECK_FALSE(c.operations[0].code.has_value());
  CHECK(c.operations[1].title == "Recruter un médiateur santé en espace rural");
  REQUIRE(c.actions.size() == 1);
  CHECK(c.actions[0].description ==
        "L'objectif est de faire de la santé une priorité pour l'usager.");
}

TEST_CASE("a numbered paragraph is an action only inside its orientation", "[plan]") {
  const Contract c = Plan(
      "Orientation 1 : Améliorer le parcours de santé\n"
      "1.1 Accompagner les habitants vers leurs droits\n"
      "Ce sous-objectif vise à réduire les inégalités.\n"
      "1.2 Développer les connaissances des professionnels\n"
      "2.5 Un chiffre cité dans le diagnostic\n"
      "Orientation 2 : Lutter contre la désertification\n"
      "2.1 Promouvoir les métiers de la santé\n");
  REQUIRE(c.actions.size() == 3);
  CHECK(c.actions[0].code == "1.1");
  CHECK(c.actions[1].code == "1.2");
  CHECK(c.actions[2].code == "2.1");
  CHECK(OrientationOf(c, c.actions[2]) == "2");
}

TEST_CASE("objectives numbered '1)' and action codes that restart per orientation", "[plan]") {
  const Contract c = Plan(
      "Orientation 1 : Promouvoir les comportements favorables\n"
      "1) Favoriser le bien naître\n"
      "Action 1.1 Prévenir les risques pendant la grossesse\n"
      "2) Addictions\n"
      "Action 2.1 Accompagner à la réduction des risques\n"
      "Orientation 2 : Déployer l'aller-vers\n"
      "1) Accès aux droits de santé\n"
      "Action 1.1 Faire connaître les aides\n");
  REQUIRE(c.objectives.size() == 3);
  CHECK(c.objectives[1].title == "Addictions");
  REQUIRE(c.actions.size() == 3);
  CHECK(c.actions[2].code == "1.1");
  CHECK(OrientationOf(c, c.actions[2]) == "2");
  CHECK(c.actions[2].title == "Faire connaître les aides");
}

TEST_CASE("operations named as such, whatever their code", "[plan]") {
  const Contract c = Plan(
      "Orientation 1 : Améliorer l'accès aux soins\n"
      "Action n°2 : Soutenir les aidants\n"
      "Opération 2.1 : Former les aidants\n"
      "Opération 2.2 – Créer un café des aidants\n");
  REQUIRE(c.actions.size() == 1);
  CHECK(c.actions[0].code == "2");
  REQUIRE(c.operations.size() == 2);
  CHECK(c.operations[1].code == "2.2");
  CHECK(c.operations[1].title == "Créer un café des aidants");
  CHECK(c.operations[1].action_index == 0);
}

TEST_CASE("an axis heading alone takes its title from the next line", "[plan]") {
  const Contract c = Plan(
      "Axe 2\n"
      "Agir pour un environnement favorable\n"
      "Action 2.1 : Réduire l'exposition aux polluants\n");
  REQUIRE(c.orientations.size() == 1);
  CHECK(c.orientations[0].title == "Agir pour un environnement favorable");
  REQUIRE(c.actions.size() == 1);
  CHECK(OrientationOf(c, c.actions[0]) == "2");
}

TEST_CASE("ExtractPlans fills one contract per segment, adding missing ones", "[plan]") {
  LaidOutDocument doc =
      Lay("Orientation 1 : Premier contrat\n"
          "Action 1.1 : Une action\n"
          "Orientation 1 : Second contrat\n"
          "Action 1.1 : Une autre action\n");
  Segmentation seg;
  seg.contracts.push_back(ContractSegment{BlockRange{0, 2}, 0});
  seg.contracts.push_back(ContractSegment{BlockRange{2, 4}, 2});
  DocumentRecords out;
  out.contracts.emplace_back();
  out.contracts[0].title = "kept";
  ExtractPlans(doc, seg, RepoRules(), &out);
  REQUIRE(out.contracts.size() == 2);
  CHECK(out.contracts[0].title == "kept");
  CHECK(out.contracts[0].orientations[0].title == "Premier contrat");
  CHECK(out.contracts[1].actions[0].title == "Une autre action");
}

TEST_CASE("a fiche's Pilote and Partenaires lines name the action's actors", "[plan]") {
  const Contract c = Plan(
      "Axe stratégique 1 : Garantir l'accès aux soins\n\n"
      "Fiche action 1.1 : Accompagner l'installation des médecins\n"
      "Pilote : CCVM / CPAM\n"
      "Partenaires : ARS, communes\n"
      "Le territoire a perdu six médecins.\n\n"
      "Fiche action 1.2 : Organiser un transport solidaire\n"
      "Pilotes : CSAPA - MSA\n"
      "Pilote : ignoré, car les pilotes sont déjà donnés\n");
  REQUIRE(c.actions.size() == 2);
  std::vector<std::string> pilots_1, partners_1, pilots_2;
  for (const Actor& a : c.actors) {
    if (a.action_index == 0 && a.role == ActorRole::kPilot) pilots_1.push_back(a.name);
    if (a.action_index == 0 && a.role == ActorRole::kPartner) partners_1.push_back(a.name);
    if (a.action_index == 1 && a.role == ActorRole::kPilot) pilots_2.push_back(a.name);
    CHECK(a.operation_index == -1);
    CHECK(a.prov.rule == "plan.actor_line");
  }
  CHECK(pilots_1 == std::vector<std::string>{"CCVM", "CPAM"});
  CHECK(partners_1 == std::vector<std::string>{"ARS", "communes"});
  CHECK(pilots_2 == std::vector<std::string>{"CSAPA", "MSA"});
  // The description after the actor lines is still the action's.
  REQUIRE(c.actions[0].description.has_value());
  CHECK(c.actions[0].description->find("six médecins") != std::string::npos);
}

TEST_CASE("strategic objectives are the top level only of a plan without axes", "[plan]") {
  const Contract alone = Plan(
      "Objectif stratégique 1 : Améliorer l'accès aux soins\n"
      "Objectif opérationnel 1.1 : Renforcer l'offre de premier recours\n"
      "Action 1.1.1 : Créer une maison de santé\n");
  REQUIRE(alone.orientations.size() == 1);
  CHECK(alone.orientations[0].title == "Améliorer l'accès aux soins");
  REQUIRE(alone.objectives.size() == 1);
  CHECK(alone.objectives[0].number == "1.1");
  REQUIRE(alone.actions.size() == 1);
  CHECK(OrientationOf(alone, alone.actions[0]) == "1");

  const Contract under_axis = Plan(
      "Axe 1 : Améliorer l'accès aux soins\n"
      "Objectif stratégique 1 : Renforcer l'offre de premier recours\n"
      "Action 1.1 : Créer une maison de santé\n");
  REQUIRE(under_axis.orientations.size() == 1);
  REQUIRE(under_axis.objectives.size() == 1);
  CHECK(under_axis.objectives[0].title == "Renforcer l'offre de premier recours");
}

}  // namespace
}  // namespace clsdb
