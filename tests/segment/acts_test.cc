// Run-on paragraphs (segment/paragraph_breaks.cc, rules/breaks.rules) and acts
// (segment/acts.cc), on texts shaped as real converters leave them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "extract/extract.h"
#include "repo_rules.h"
#include "segment/segment.h"

namespace clsdb {
namespace {

// A whole act flattened into one line, as many published texts are.
const char kFlattened[] =
    "REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL SEANCE DU 06 FEVRIER 2023 L'an deux mil "
    "vingt-trois, le lundi 06 février à 20h30, les membres du Conseil Municipal de la commune "
    "de Saint-Aubin, dûment convoqués, se sont réunis sous la présidence de Monsieur Paul "
    "MARTIN, Maire. PRÉSENTS : Monsieur Paul MARTIN, Maire, Madame Anne PETIT, Monsieur Luc "
    "ROUX, Adjoints. SECRÉTAIRE DE SÉANCE : Madame Anne PETIT EXCUSÉS : Monsieur Jean DUPONT "
    "(Pouvoir à Madame Anne PETIT) Madame Claire DURAND (Pouvoir à Monsieur Luc ROUX) "
    "ABSENTS : Monsieur Marc BLANC Monsieur Éric NOIR n° 12-02-2023 - Approbation du contrat "
    "local de santé Monsieur le Maire rappelle au conseil le projet. Vu le Code général des "
    "collectivités territoriales, Le Conseil Municipal, après en avoir délibéré, à "
    "l'unanimité, DÉCIDE d'approuver le contrat.\n";

TEST_CASE("a flattened act is cut at its marks and read whole", "[segment][breaks]") {
  const testing::TextRun run(kFlattened);
  // The text was one line; it is now several paragraphs, each a span of it.
  REQUIRE(run.doc.blocks.size() > 5);
  for (const Block& b : run.doc.blocks) {
    CHECK(run.doc.pages[0].text.substr(b.span.start, b.span.end - b.span.start) == b.text);
  }
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  REQUIRE(run.records.deliberations.size() == 1);
  const Deliberation& d = run.records.deliberations[0];
  CHECK(d.number == "12-02-2023");
  CHECK(d.title == "Approbation du contrat local de santé");
  CHECK(d.meeting_date == "2023-02-06");
  CHECK(d.secretary == "Anne PETIT");
  CHECK(d.outcome == "adopted");
  std::vector<std::string> people;
  for (const Attendee& a : d.attendees) people.push_back(a.name + " | " + a.status);
  CHECK(people == std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present",
                                           "Luc ROUX | present", "Jean DUPONT | excused",
                                           "Claire DURAND | excused", "Marc BLANC | absent",
                                           "Éric NOIR | absent"});
}

// Minutes: the sitting's header once, then numbered items, each decided.
const char kMinutes[] =
    "Conseil Municipal du 2 juillet 2021\n"
    "L'an deux mille vingt et un, le 2 juillet à 19h, le Conseil Municipal de Pierrelongue, "
    "dûment convoqué le 25 juin 2021, s'est réuni sous la présidence de Madame Florence "
    "DEMOUY, maire.\n"
    "Présents : Madame Florence DEMOUY, Monsieur Gilles PAPIN\n"
    "Absents :\n"
    "Madame Elsa CARRIER\n"
    "1.\n"
    "Approbation d'une participation des familles au mini-camp\n"
    "Madame le Maire informe les membres du conseil du projet.\n"
    "Vote : pour à l'unanimité\n"
    "2 Recensement de la population 2022\n"
    "Il est proposé de désigner le coordonnateur communal.\n"
    "Vote : pour à l'unanimité\n";

TEST_CASE("minutes give one act per decided item, each with the sitting's header", "[segment]") {
  const testing::TextRun run(kMinutes);
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  REQUIRE(run.records.deliberations.size() == 2);
  const Deliberation& first = run.records.deliberations[0];
  const Deliberation& second = run.records.deliberations[1];
  CHECK(first.title == "Approbation d'une participation des familles au mini-camp");
  CHECK(second.title == "Recensement de la population 2022");
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.meeting_date == "2021-07-02");
    CHECK(d.attendees.size() == 3);
  }
}

// Minutes that number their opening item 0 (the approval of the previous
// minutes) before the agenda's items from 1, cut inside item 1.
TEST_CASE("minutes numbered from 0 give an act per item", "[segment][items]") {
  const testing::TextRun run(
      "PROCES-VERBAL DE LA RÉUNION DU CONSEIL MUNICIPAL DU 28 OCTOBRE 2019\n"
      "L'an deux mille dix-neuf, le vingt-huit octobre, les membres du Conseil Municipal se sont "
      "réunis sous la présidence de Madame Anne PETIT, Maire.\n"
      "Etaient présents : M. Luc ROUX, Mme Claire DURAND.\n"
      "0.\n"
      "Approbation du procès-verbal de la réunion du 18 septembre 2019\n"
      "Le conseil municipal APPROUVE à l'unanimité le procès-verbal.\n"
      "1.\n"
      "Demande de subvention par une association\n"
      "Madame le Maire rappelle les accords communautaires.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].number == "0");
  CHECK(run.records.deliberations[0].outcome == "adopted");
  CHECK(run.records.deliberations[1].number == "1");
  CHECK(run.records.deliberations[1].title == "Demande de subvention par une association");
}

// A page's number alone on the document's first line ("1", then the
// page's heading) is no item of the minutes.
TEST_CASE("a number alone on the first line heads no act", "[segment][items]") {
  const testing::TextRun run(
      "1\n"
      "DEPARTEMENT DU FINISTERE COMMUNE DE KERBRAS\n"
      "CONSEIL MUNICIPAL DU 5 AVRIL 2017 COMPTE RENDU\n"
      "L'an deux mil dix sept, le cinq avril, le Conseil Municipal de Kerbras, légalement "
      "convoqué, s'est réuni sous la présidence de Monsieur Paul MARTIN, Maire.\n"
      "Etaient présents : Paul MARTIN, Anne PETIT, Luc ROUX\n"
      "Le procès verbal du Conseil Municipal du 15 mars 2017 est adopté à l'unanimité.\n"
      "2\n"
      "COMMUNE / APPROBATION DU COMPTE ADMINISTRATIF 2016 Monsieur Luc ROUX présente le compte "
      "administratif de l'année 2016.\n");
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.number != "1");
    CHECK(d.title.value_or("").find("DEPARTEMENT") == std::string::npos);
  }
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].outcome == "adopted");
}

// Run-on minutes cut inside their second item, before its decision: the
// two items are acts, the first decided, the second cut.
TEST_CASE("a run-on fragment of two items cut inside the second gives two acts",
          "[segment][breaks]") {
  const testing::TextRun run(
      "SIAEP DE LA VALLÉE Réunion du 3 mars 2021 Sous la présidence de Monsieur Paul MARTIN, "
      "Président, PRESENTS : Mme Anne PETIT, M. Luc ROUX. SECRETAIRE DE SEANCE : Mme Anne PETIT "
      "Ordre du jour : - Approbation du compte-rendu de la réunion du 28 janvier 2021 - "
      "Règlement intérieur du comité syndical Monsieur le Président ouvre la séance. 1) "
      "Approbation du compte-rendu de la réunion du 28 janvier 2021 Après lecture, le "
      "procès-verbal est approuvé à l'unanimité. 2) Règlement intérieur du comité syndical "
      "Monsieur le Président rappelle à l'Assemblée que l'article L.5211-1 du Code général des "
      "collectivités territoriales s'applique.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].number == "1");
  CHECK(run.records.deliberations[0].outcome == "adopted");
  CHECK(run.records.deliberations[1].number == "2");
  CHECK(run.records.deliberations[1].title == "Règlement intérieur du comité syndical");
  CHECK_FALSE(run.records.deliberations[1].outcome.has_value());
}

TEST_CASE("numbered decisions of one act are not items of minutes", "[segment]") {
  const testing::TextRun run(
      "DÉLIBÉRATION DU COMITÉ SYNDICAL\n"
      "Délibération n° CS-2025-04\n"
      "OBJET : Contrat local de santé\n"
      "Le Comité syndical, après en avoir délibéré, DÉCIDE :\n"
      "1. D'approuver le contrat local de santé pour la période 2025-2029 ;\n"
      "2. De charger le Président de l'exécution de la présente délibération.\n"
      "Adopté à l'unanimité.\n");
  REQUIRE(run.records.deliberations.size() == 1);
  CHECK(run.records.deliberations[0].number == "CS-2025-04");
}

// A sitting's mark inside an item's heading ("… DE LA SEANCE DU 7 DECEMBRE
// 2023") goes on from the article before it: no paragraph starts there, and
// the act keeps its own sitting's date.
TEST_CASE("a sitting's mark after an article cuts no run-on paragraph", "[segment][breaks]") {
  const testing::TextRun run(
      "PV DU CONSEIL COMMUNAUTAIRE DU 8 FÉVRIER 2024 Monsieur Jean ROUX, Président, ouvre la "
      "séance. Point n°1 : APPROBATION DU PROCES-VERBAL DE LA SEANCE DU 7 DECEMBRE 2023 Il est "
      "proposé au Conseil Communautaire d'approuver le procès-verbal. Après délibération, le "
      "Conseil Communautaire, à l'unanimité, approuve le procès-verbal. Point n°2 : REPORT DE "
      "LA SEANCE DU 14 MARS 2024 Le Président propose de reporter la séance au 21 mars 2024.\n");
  const auto holds = [&](std::string_view words) {
    return std::any_of(run.doc.blocks.begin(), run.doc.blocks.end(),
                       [&](const Block& b) { return b.text.find(words) != std::string::npos; });
  };
  CHECK(holds("APPROBATION DU PROCES-VERBAL DE LA SEANCE DU 7 DECEMBRE 2023"));
  CHECK(holds("REPORT DE LA SEANCE DU 14 MARS 2024"));
}

// A date alone on its line under its label reads as an item numbered by
// its day ("12 Mars 2012"): it heads no act.
TEST_CASE("a date alone on its line heads no item", "[segment]") {
  const testing::TextRun run(
      "COMMUNE DE SAINT-AUBIN\n"
      "DATE DE CONVOCATION :\n"
      "12 Mars 2012\n"
      "QUESTION N°01\n"
      "APPROBATION DU COMPTE DE GESTION 2011\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'approuver le compte de gestion.\n");
  REQUIRE(run.records.deliberations.size() == 1);
  CHECK(run.records.deliberations[0].number != "12");
}

// Minutes that head each act by its subject, cut off inside the last one
// before its decision: that subject still opens an act.
TEST_CASE("a fragment's last subject after acts headed by theirs is an act", "[segment]") {
  const testing::TextRun run(
      "PROCES-VERBAL DU CONSEIL MUNICIPAL DU 30 JANVIER 2020\n"
      "OBJET : Installation de nouveaux conseillers municipaux\n"
      "Madame le Maire informe le Conseil des démissions.\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'installer les conseillers.\n"
      "OBJET : Modification du tableau des effectifs\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE de modifier le tableau.\n"
      "OBJET : Renouvellement d'agrément pour l'accueil d'un service civique\n"
      "Le service civique s'adresse aux jeunes âgés de 16 à 25 ans.\n");
  REQUIRE(run.records.deliberations.size() == 3);
  CHECK(run.records.deliberations[2].title ==
        "Renouvellement d'agrément pour l'accueil d'un service civique");
}

// Minutes whose presence changes during the sitting, whose last item is cut
// off before its decision (a fragment), and whose acts are coded "N° …".
const char kChangingPresence[] =
    "PROCES VERBAL DE LA SEANCE DU CONSEIL MUNICIPAL DU 9 FEVRIER 2023\n"
    "Présents : Mesdames Anne PETIT, Claire DURAND (à partir du point 1.3), Messieurs Luc ROUX, "
    "Paul MARTIN (du point 1.1 au point 1.2).\n"
    "Pouvoir : Claire DURAND à Anne PETIT (jusqu'au point 1.2).\n"
    "1.1 Désignation du secrétaire de séance Le conseil désigne Anne PETIT. Après en avoir "
    "délibéré, le Conseil Municipal à l'unanimité DÉCIDE de désigner Anne PETIT.\n"
    "1.2 Modification du nombre d'adjoints Le conseil municipal fixe le nombre d'adjoints à 3. "
    "Après en avoir délibéré, le Conseil Municipal à l'unanimité DÉCIDE de fixer ce nombre.\n"
    "1.3 Remplacement d'un représentant Par délibération du 3 juillet 2020, le conseil avait "
    "désigné un représentant auprès du syndicat des eaux.\n";

TEST_CASE("presence that changes during the sitting holds for the items it names", "[segment]") {
  const testing::TextRun run(kChangingPresence);
  REQUIRE(run.records.deliberations.size() == 3);  // the last one without its decision
  std::vector<std::string> numbers;
  std::vector<std::vector<std::string>> people;
  for (const Deliberation& d : run.records.deliberations) {
    numbers.push_back(d.number.value_or("-"));
    people.emplace_back();
    for (const Attendee& a : d.attendees) people.back().push_back(a.name + " | " + a.status);
  }
  // Minutes without act numbers refer to an act by its item's number.
  CHECK(numbers == std::vector<std::string>{"1.1", "1.2", "1.3"});
  using V = std::vector<std::string>;
  CHECK(people[0] == V{"Anne PETIT | present", "Luc ROUX | present", "Paul MARTIN | present",
                       "Claire DURAND | excused"});
  CHECK(people[1] == people[0]);
  CHECK(people[2] == V{"Anne PETIT | present", "Claire DURAND | present", "Luc ROUX | present"});
}

// Minutes whose acts carry numbers open with an item that is no act: the
// approval of the previous minutes goes to the sitting.
TEST_CASE("items before the first numbered act are the sitting's", "[segment]") {
  const testing::TextRun run(
      "PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 25 JANVIER 2023\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT.\n"
      "1 - Adoption du procès-verbal du 7 décembre 2022\n"
      "Le procès-verbal est adopté à l'unanimité.\n"
      "CC02_2023 CRTE - DEMANDE DE SUBVENTION EAJE\n"
      "Le Conseil Communautaire, après en avoir délibéré, décide à l'unanimité d'approuver.\n"
      "CC01_2023 CRTE - DEMANDE DE SUBVENTION TERRAIN DE FOOTBALL\n"
      "Le Conseil Communautaire, après en avoir délibéré, décide à l'unanimité d'approuver.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].number == "CC02_2023");
  CHECK(run.records.deliberations[1].number == "CC01_2023");
  CHECK(run.records.deliberations[0].attendees.size() == 2);
}

TEST_CASE("'N° CODE' opens an act; a bulleted list of codes is what it approves", "[segment]") {
  const testing::TextRun run(
      "COMPTE RENDU DU CONSEIL MUNICIPAL DU 30 JANVIER 2020 Présents : PILLET Gérard ; "
      "BODIC Bernard. Date de convocation : le 23 janvier 2020 N° DEL2020_01_01 Le conseil "
      "désigne BODIC Bernard comme secrétaire de séance. VOTE : Pour : 2 Contre : Abstention : "
      "Le conseil municipal désigne BODIC Bernard. POUVOIR : Mme LE TARNEC Sandra donne pouvoir "
      "à M. PILLET Gérard. M. le Maire donne lecture du procès-verbal. N° DEL2020_01_02 • "
      "DEL2019_08_01 : Désignation du secrétaire de séance • DEL2019_08_02 : Vote du budget "
      "primitif de la commune pour l'exercice 2020 VOTE : Pour : 2 Contre : Abstention : Le "
      "procès-verbal est adopté à l'unanimité.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  const Deliberation& first = run.records.deliberations[0];
  CHECK(first.number == "DEL2020_01_01");
  CHECK(run.records.deliberations[1].number == "DEL2020_01_02");
  // "Pour : 2 Contre :": the 2 is for, nothing is against.
  CHECK(first.votes_for == 2);
  CHECK_FALSE(first.votes_against.has_value());
  // A proxy named in the act completes the sitting's list of those present.
  std::vector<std::string> people;
  for (const Attendee& a : first.attendees) people.push_back(a.name + " | " + a.status);
  CHECK(people == std::vector<std::string>{"PILLET Gérard | present", "BODIC Bernard | present",
                                           "LE TARNEC Sandra | excused"});
}

TEST_CASE("a published list of deliberations, one paragraph per act with its vote", "[segment]") {
  const testing::TextRun run(
      "Liste des délibérations du Conseil Municipal du 25 janvier 2023 (en application de "
      "l'article L. 2121-25 du Code général des collectivités territoriales) Nombre de votants 49 "
      "Le Conseil municipal, lors de sa séance du mercredi 25 janvier 2023, a adopté les "
      "délibérations : n°2023-001 Signature de la convention de subvention pour le projet "
      "municipal de gestion des relations usagers. à l'unanimité, APPROUVE les termes de la "
      "convention et AUTORISE Monsieur le Maire à la signer. n°2023-002 Désignation de "
      "représentants de la Commune dans les conseils d'administration des collèges. 38 votes "
      "pour, 11 abstentions, DESIGNE les représentants de la Commune au sein des conseils "
      "d'administration des collèges de la ville. n°2023-003 Budget primitif 2023 du budget "
      "principal de la Ville. 38 votes pour, 11 votes contre, ADOPTE le budget primitif 2023 "
      "tel qu'il a été présenté au conseil municipal en séance.\n");
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  REQUIRE(run.records.deliberations.size() == 3);
  CHECK(run.records.deliberations[0].number == "2023-001");
  CHECK(run.records.deliberations[1].number == "2023-002");
  CHECK(run.records.deliberations[1].votes_for == 38);
  CHECK(run.records.deliberations[1].votes_abstention == 11);
  CHECK(run.records.deliberations[2].votes_against == 11);
}

TEST_CASE("a list of the sitting's acts without their text: a number a subject cites is no act",
          "[segment]") {
  const testing::TextRun run(
      "VILLE DE SAINT-AUBIN LISTE DES DELIBERATIONS (article L. 2121-25 du code général des "
      "collectivités territoriales) SÉANCE DU CONSEIL MUNICIPAL DU 14 DECEMBRE 2022 L'an deux "
      "mille vingt-deux, le quatorze décembre, le Conseil municipal s'est réuni sous la "
      "présidence de Monsieur Paul MARTIN, Maire. Délibération n° 181/2022 : Budget principal "
      "de la Ville - Décision modificative n°2 Délibération n° 182/2022 : Avenant à la "
      "convention d'objectifs ALSH Extrascolaire n°128 855 - Bonus territoire CTG Délibération "
      "n° 183/2022 : Adhésion à l'Association des Villes universitaires Délibération n° "
      "184/2022 : Subvention à la maison de santé pluridisciplinaire\n");
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  std::vector<std::string> numbers;
  for (const Deliberation& d : run.records.deliberations) numbers.push_back(d.number.value_or(""));
  CHECK(numbers == std::vector<std::string>{"181/2022", "182/2022", "183/2022", "184/2022"});
}

TEST_CASE("a flattened list by commune: each name runs into the next commune's caption",
          "[segment]") {
  const testing::TextRun run(
      "PROCES VERBAL DU CONSEIL COMMUNAUTAIRE DU 25 JANVIER 2023\n"
      "Présents : Beaumont : M. Robert Jean-Paul ; M. Desjonquères Vincent Bueil-en-Touraine : "
      "Cerelles : M. Poulle Guy Charentilly : Mme Bouin Valérie Neuillé : M. Jollivet Michel ; "
      "Mme Six Sylvie\n"
      "Après en avoir délibéré, le Conseil DÉCIDE à l'unanimité d'approuver le contrat.\n");
  REQUIRE(run.records.deliberations.size() == 1);
  std::vector<std::string> people;
  for (const Attendee& a : run.records.deliberations[0].attendees) people.push_back(a.name);
  CHECK(people == std::vector<std::string>{"Robert Jean-Paul", "Desjonquères Vincent", "Poulle Guy",
                                           "Bouin Valérie", "Jollivet Michel", "Six Sylvie"});
}

TEST_CASE("run-on minutes: an item with nothing to decide, a heading broken after 'DE LA'",
          "[segment]") {
  const testing::TextRun run(
      "VILLE DE SAINT-AUBIN CONSEIL MUNICIPAL DU 19 JANVIER 2023 PROCES VERBAL M. le maire ouvre "
      "la séance à 18h, le quorum étant atteint. Il nomme Romain Smaha, secrétaire de séance.\n"
      "1) APPROBATION DU PROCES VERBAL DU 30 NOVEMBRE 2022 Le compte-rendu ainsi présenté est\n"
      "adopté à l'unanimité.\n"
      "2) DECISIONS PRISES EN DELEGATION PAR LE MAIRE Aucune décision prise en délégation.\n"
      "3) ANNULATION DE LA\n"
      "DELIBERATION N°2022/08/21 : ABANDON DU REVERSEMENT DE LA TAXE D'AMENAGEMENT\n"
      "Considérant la délibération n° 2022/08/21 instituant le reversement de la taxe.\n"
      "Après en avoir délibéré, le conseil municipal à l'unanimité DÉCIDE d'annuler cette "
      "délibération.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  const Deliberation& first = run.records.deliberations[0];
  const Deliberation& second = run.records.deliberations[1];
  CHECK(first.number == "1");
  // Item 2 decides nothing: item 3 is the next act, numbered by its item,
  // not by the deliberation its subject cites.
  CHECK(second.number == "3");
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.meeting_date == "2023-01-19");
    CHECK(d.secretary == "Romain Smaha");
  }
}

// Run-on minutes numbered by section and item ("1. Finances 1.1. Budget …"),
// after an agenda that lists the same numbers: the acts are the items of the
// minutes, not their agenda lines nor their sections; the last one, cut off
// before its decision, still opens an act.
TEST_CASE("run-on minutes numbered by section and item, after their agenda", "[segment]") {
  const testing::TextRun run(
      "CONSEIL MUNICIPAL DU 14 MARS 2024 COMPTE RENDU L'an deux mille vingt-quatre, le quatorze "
      "mars, le Conseil Municipal s'est réuni sous la présidence de Madame Anne PETIT, Maire. "
      "Etaient présents : Mme Anne PETIT, M. Luc ROUX, M. Paul MARTIN. ORDRE DU JOUR "
      "1. Administration générale 1.1. Approbation du compte rendu du 8 février 2024 "
      "2. Finances 2.1. Budget primitif 2024 2.2. Tarifs de la cantine scolaire "
      "3. Urbanisme 3.1. Vente d'un terrain communal Madame la Maire ouvre la séance. "
      "1. Administration générale 1.1. Approbation du compte rendu du 8 février 2024 "
      "Aucune observation n'est formulée. Le compte rendu est adopté à l'unanimité. "
      "2. Finances 2.1. Budget primitif 2024 Madame la Maire présente le budget primitif de "
      "l'exercice, section par section, et répond aux questions des conseillers.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].number == "1.1");
  CHECK(run.records.deliberations[0].outcome == "adopted");
  CHECK(run.records.deliberations[1].number == "2.1");
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.meeting_date == "2024-03-14");
    CHECK(d.attendees.size() == 3);
  }
}

// A fragment cut inside its first numbered item, after a sentence that
// adopts something: the adoption is an act, the item another.
TEST_CASE("a fragment's first item after an adoption: two acts", "[segment]") {
  const testing::TextRun run(
      "CONSEIL MUNICIPAL DU 14 MARS 2024 COMPTE RENDU L'an deux mille vingt-quatre, le quatorze "
      "mars, le Conseil Municipal s'est réuni sous la présidence de Madame Anne PETIT, Maire. "
      "Etaient présents : Mme Anne PETIT, M. Luc ROUX, M. Paul MARTIN. Le compte rendu de la "
      "séance du 8 février 2024 est adopté à l'unanimité. 2- TARIFS DE LA CANTINE SCOLAIRE "
      "Madame la Maire présente les nouveaux tarifs de la cantine pour la rentrée, qui tiennent "
      "compte de la hausse des prix des denrées.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].outcome == "adopted");
  CHECK(run.records.deliberations[1].number == "2");
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.meeting_date == "2024-03-14");
    CHECK(d.attendees.size() == 3);
  }
}

// Minutes that head each item with its subject alone ("Objet : …"), the
// subject printed again as a running header.
const char kSubjectMinutes[] =
    "PROCÈS-VERBAL DU CONSEIL MUNICIPAL\n"
    "Séance du 12 mars 2021\n"
    "Étaient présents : M. Jean DUPONT, Mme Claire MARTIN.\n"
    "Votants : 2\n"
    "Objet : Approbation du budget primitif 2021\n"
    "Le Maire présente le budget primitif 2021.\n"
    "Après en avoir délibéré, le Conseil Municipal, à l'unanimité, approuve le budget.\n"
    "Objet : Contrat local de santé du Pays\n"
    "Le Maire présente le projet de contrat.\n"
    "Objet : Contrat local de santé du Pays\n"
    "Après en avoir délibéré, le Conseil Municipal, par 2 voix pour, autorise la signature.\n";

TEST_CASE("minutes headed by their subjects give one act per subject", "[segment]") {
  const testing::TextRun run(kSubjectMinutes);
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].title == "Approbation du budget primitif 2021");
  CHECK(run.records.deliberations[1].title == "Contrat local de santé du Pays");
  CHECK(run.records.deliberations[1].votes_for == 2);
}

TEST_CASE("a subject line under a numbered heading opens no act of its own", "[segment]") {
  // The point's number is the document's way of heading its acts: the
  // subject lines below are not headings, and one subject alone cuts nothing.
  const testing::TextRun run(
      "Séance du 12 mars 2021\n"
      "Point n° 1 : Budget\n"
      "Objet : Approbation du budget primitif 2021\n"
      "Après en avoir délibéré, le Conseil Municipal approuve le budget à l'unanimité.\n"
      "Point n° 2 : Contrat local de santé\n"
      "Objet : Signature du contrat\n"
      "Après en avoir délibéré, le Conseil Municipal autorise la signature à l'unanimité.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].number == "1");
  CHECK(run.records.deliberations[1].number == "2");
}

TEST_CASE("an attendance list wrapped across lines is read whole", "[segment]") {
  // The line breaks inside a name ("Mme Anne" / "LEROY"), and the comma
  // before a break was dropped ("Luc BERNARD" / "Sophie ROUX, …").
  const testing::TextRun run(
      "Séance du 12 mars 2021\n"
      "Étaient présents : M. Jean DUPONT, Mme Anne\n"
      "LEROY, M. Pierre MOREAU, M. Luc BERNARD\n"
      "Mme Sophie ROUX, M. Paul DURAND.\n"
      "Secrétaire de séance : Mme Anne LEROY.\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE à l'unanimité d'approuver.\n");
  REQUIRE(run.records.deliberations.size() == 1);
  std::vector<std::string> people;
  for (const Attendee& a : run.records.deliberations[0].attendees) people.push_back(a.name);
  CHECK(people == std::vector<std::string>{"Jean DUPONT", "Anne LEROY", "Pierre MOREAU",
                                           "Luc BERNARD", "Sophie ROUX", "Paul DURAND"});
}

// Minutes whose items have no heading the rules know: each is told by its
// decision, opened by the subject line before it; the fragment stops in its
// last item, before the decision.
const char kItemsByDecisions[] =
    "REUNION DU CONSEIL COMMUNAUTAIRE\n"
    "DU 18 juin 2015\n"
    "Présents : Mesdames et Messieurs MARTIN, DURAND, PETIT, LEROY et ROUX.\n"
    "Monsieur le Président ouvre la séance.\n"
    "Approbation du compte rendu de la dernière réunion :\n"
    "Monsieur le Président propose aux membres du Conseil de l'approuver.\n"
    "Les membres du Conseil, après en avoir délibéré,\n"
    "DÉCIDENT à l'unanimité d'approuver le compte rendu.\n"
    "La délibération est adoptée à l'unanimité.\n"
    "Contrat local de santé du Pays\n"
    "Monsieur le Président présente le projet de contrat local de santé.\n"
    "Le Conseil, après en avoir délibéré, approuve le contrat par 20 voix pour.\n"
    "Travaux de la salle des fêtes\n"
    "Monsieur le Président indique que la commission s'est réunie le 11 juin\n"
    "dernier pour l'ouverture des plis.\n"
    "Il est précisé que le lot G est infructueux.\n";

TEST_CASE("minutes without headings give an item per decision, opened by its subject line",
          "[segment]") {
  const testing::TextRun run(kItemsByDecisions);
  REQUIRE(run.records.deliberations.size() == 3);
  CHECK(run.records.deliberations[0].title == "Approbation du compte rendu de la dernière réunion");
  CHECK(run.records.deliberations[1].title == "Contrat local de santé du Pays");
  CHECK(run.records.deliberations[1].votes_for == 20);
  CHECK(run.records.deliberations[2].title == "Travaux de la salle des fêtes");
  for (const Deliberation& d : run.records.deliberations) CHECK(d.attendees.size() == 5);
}

// Minutes whose items are numbered in Roman numerals, each decided.
const char kRomanItems[] =
    "CONSEIL MUNICIPAL DU 30 JANVIER 2017\n"
    "L'an deux mille dix-sept, le trente janvier, le Conseil Municipal de la Commune de "
    "Saint-Paul, dûment convoqué, s'est réuni sous la présidence de Madame Anne PETIT, Maire.\n"
    "Présents : Mmes PETIT, ROUX, MM. MARTIN, BLANC.\n"
    "I ADOPTION DU PROCES-VERBAL DU 1er DECEMBRE 2016\n"
    "Le procès-verbal est adopté à l'unanimité.\n"
    "II ATTRIBUTION DE COMPENSATION – DECISION\n"
    "Madame le Maire expose le projet.\n"
    "Le Conseil Municipal, après en avoir délibéré, à l'unanimité, DÉCIDE d'approuver.\n";

TEST_CASE("minutes numbered in Roman numerals give one act per item", "[segment]") {
  const testing::TextRun run(kRomanItems);
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].number == "I");
  CHECK(run.records.deliberations[0].title == "ADOPTION DU PROCES-VERBAL DU 1er DECEMBRE 2016");
  CHECK(run.records.deliberations[1].number == "II");
  CHECK(run.records.deliberations[1].title == "ATTRIBUTION DE COMPENSATION – DECISION");
  for (const Deliberation& d : run.records.deliberations) CHECK(d.attendees.size() == 4);
}

// Roman numerals above Arabic items head sections: the items are the acts.
const char kRomanSections[] =
    "CONSEIL MUNICIPAL DU 26 MARS 2021\n"
    "Présents : M. Paul MARTIN, Mme Anne PETIT\n"
    "I - ADMINISTRATION GENERALE\n"
    "1 - Composition des commissions municipales\n"
    "Le Conseil Municipal, après en avoir délibéré, DÉCIDE de fixer la composition.\n"
    "2 - Tarifs de la cantine\n"
    "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'adopter les tarifs.\n";

TEST_CASE("Roman numerals above Arabic items are sections, not acts", "[segment]") {
  const testing::TextRun run(kRomanSections);
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].number == "1");
  CHECK(run.records.deliberations[0].title == "Composition des commissions municipales");
  CHECK(run.records.deliberations[1].number == "2");
}

// A fragment cut in its second Roman item, before the decision: the item
// that follows the last decided one still opens an act.
TEST_CASE("a Roman item cut before its decision still opens an act", "[segment]") {
  const std::string text =
      std::string(kRomanItems)
          .substr(0, std::string(kRomanItems).find("Le Conseil Municipal, après"));
  const testing::TextRun run(text);
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[1].number == "II");
}

// Run-on minutes whose items, numbered in sequence under a numbered
// section, each give their act's code and most their vote on the item's
// line; one item only takes note (no vote).
const char kCodedPoints[] =
    "CONSEIL MUNICIPAL DU 16 FEVRIER 2023 COMPTE RENDU Les membres du Conseil municipal se sont "
    "réunis sous la présidence de Mme Anne PETIT, Maire. Etaient présents : Mme Anne PETIT, "
    "M. Luc ROUX, M. Paul MARTIN. Le Conseil municipal, après en avoir délibéré, à l'unanimité, "
    "adopte le procès-verbal de la séance du 13 décembre. 1 - RESSOURCES INTERNES ET CADRE DE VIE "
    "Point n°1 Débat "
    "d'orientations budgétaires pour l'année 2023 DCM 23.1.49 |Le Conseil municipal, à la "
    "majorité avec 2 voix pour et une abstention de M. Luc ROUX, prend acte du débat. Point n°2 "
    "Rapport annuel du syndicat des eaux DCM 23.1.50 | Prend acte Point n°3 Mise à jour du "
    "tableau des effectifs DCM 23.1.51 |A l'unanimité Point n°4 Tarifs de la cantine scolaire "
    "DCM-23.1.52 A l'unanimité\n";

TEST_CASE("items numbered in sequence are acts, numbered by the code they give", "[segment]") {
  const testing::TextRun run(kCodedPoints);
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  std::vector<std::string> numbers, titles;
  for (const Deliberation& d : run.records.deliberations) {
    numbers.push_back(d.number.value_or("-"));
    titles.push_back(d.title.value_or("-"));
    CHECK(d.attendees.size() == 3);
  }
  // The section's number (1) opens no act; the item that only takes note
  // (Point n°2) is an act, and each act's number is its code.
  CHECK(numbers == std::vector<std::string>{"23.1.49", "23.1.50", "23.1.51", "23.1.52"});
  CHECK(titles == std::vector<std::string>{"Débat d'orientations budgétaires pour l'année 2023",
                                           "Rapport annuel du syndicat des eaux",
                                           "Mise à jour du tableau des effectifs",
                                           "Tarifs de la cantine scolaire"});
}

// An agenda lists the items before the minutes take them up: its lines
// decide nothing, so they open no act.
TEST_CASE("an agenda numbered like the items opens no act", "[segment]") {
  const testing::TextRun run(
      "CONSEIL MUNICIPAL DU 3 MARS 2023\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT\n"
      "ORDRE DU JOUR\n"
      "1 - Budget primitif\n"
      "2 - Tarifs de la cantine\n"
      "3 - Subventions aux associations\n"
      "1 - Budget primitif\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'adopter le budget.\n"
      "2 - Tarifs de la cantine\n"
      "Le Conseil Municipal prend acte des tarifs.\n"
      "3 - Subventions aux associations\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE d'attribuer les subventions.\n");
  REQUIRE(run.records.deliberations.size() == 3);
  CHECK(run.records.deliberations[0].number == "1");
  CHECK(run.records.deliberations[1].title == "Tarifs de la cantine");
  CHECK(run.records.deliberations[2].number == "3");
}

// Run-on minutes that list their numbered agenda first, then head each item
// with its title alone: the items of the minutes are the acts, from where
// their titles are printed again, not the agenda's lines (whose titles read
// as decisions: "VOTE DES TAUX").
TEST_CASE("an agenda's titles printed again without their numbers head the items", "[segment]") {
  const std::string text =
      "CONSEIL MUNICIPAL DU 13 MARS 2023 Ordre du Jour 1. MODIFICATION DU TABLEAU DES "
      "EFFECTIFS 2. RECRUTEMENTS D'AGENTS NON TITULAIRES POUR L'ETE 3. VOTE DES TAUX DE "
      "FISCALITE LOCALE POUR 2023 4. ADOPTION DU BUDGET PRIMITIF ANNEXE 2023 Le treize mars "
      "deux mille vingt-trois, le Conseil Municipal de Saint-Aubin s'est réuni sous la "
      "présidence de M. Paul MARTIN, Maire. Présents : MM. MARTIN, PETIT, ROUX. Secrétaire de "
      "séance : M. ROUX. Le procès-verbal de la séance précédente est adopté à l'unanimité. "
      "MODIFICATION DU TABLEAU DES EFFECTIFS Rapporteur : Luc PETIT Il vous est proposé la "
      "création d'un poste d'attaché. Le Conseil Municipal, après en avoir délibéré, DÉCIDE de "
      "modifier le tableau des effectifs. Voté à l'unanimité. RECRUTEMENTS D'AGENTS NON "
      "TITULAIRES POUR L'ETE Rapporteur : Luc PETIT Afin de faire face aux besoins des "
      "services, il est proposé de recruter des agents. Le Conseil Municipal, après en avoir "
      "délibéré, DÉCIDE de créer les emplois. Voté à l'unanimité.";
  const testing::TextRun run(text + "\n");
  REQUIRE(run.records.deliberations.size() == 2);
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.meeting_date == "2023-03-13");
    CHECK(d.attendees.size() == 3);
    CHECK(d.outcome == "adopted");
  }
  // Each act begins at its title printed again.
  const Segmentation seg = Segment(run.doc, testing::RepoRules());
  REQUIRE(seg.acts.size() == 2);
  CHECK(run.doc.blocks[seg.acts[0].begin].text.starts_with(
      "MODIFICATION DU TABLEAU DES EFFECTIFS Rapporteur"));
  CHECK(run.doc.blocks[seg.acts[1].begin].text.starts_with("RECRUTEMENTS D'AGENTS NON"));
  // Each is numbered and titled as its agenda's line.
  CHECK(run.records.deliberations[0].number == "1");
  CHECK(run.records.deliberations[0].title == "MODIFICATION DU TABLEAU DES EFFECTIFS");
  CHECK(run.records.deliberations[1].number == "2");
  CHECK(run.records.deliberations[1].title == "RECRUTEMENTS D'AGENTS NON TITULAIRES POUR L'ETE");
  // One title printed again is no sign of an agenda: nothing is cut there.
  const std::string once = text.substr(0, text.find("RECRUTEMENTS D'AGENTS NON TITULAIRES POUR "
                                                    "L'ETE Rapporteur"));
  const testing::TextRun single(once + "\n");
  for (const Block& b : single.doc.blocks) CHECK_FALSE(b.text.starts_with("MODIFICATION"));
}

// A sole act whose tally box is printed above its heading, its decision
// stating only "à l'unanimité des suffrages exprimés".
TEST_CASE("a sole act's counts printed above its heading are its vote", "[segment]") {
  const testing::TextRun run(
      "Nombre de conseillers : en exercice : 30\n"
      "votants : 28 - suffrages exprimés : 28 - abstentions : 0\n"
      "pour : 28 - contre : 0\n"
      "DELIBERATION n° 2023/021\n"
      "L'an deux mille vingt-trois et le 16 février, le Conseil Communautaire s'est réuni.\n"
      "Objet : Ouverture des crédits d'investissement\n"
      "Le Conseil, après en avoir délibéré, DÉCIDE à l'unanimité des suffrages exprimés :\n"
      "D'autoriser le Président à engager les dépenses.\n");
  REQUIRE(run.records.deliberations.size() == 1);
  const Deliberation& d = run.records.deliberations[0];
  CHECK(d.votes_for == 28);
  CHECK(d.votes_against == 0);
  CHECK(d.votes_abstention == 0);
}

TEST_CASE("item numbers: one key for ordering and for succession", "[segment][items]") {
  CHECK(ItemKey("1.4") == std::vector<int>{1, 4});
  CHECK(ItemKey("12") == std::vector<int>{12});
  CHECK(ItemKey("3bis") == std::vector<int>{3});
  CHECK(ItemKey("II") == std::vector<int>{2});
  CHECK(ItemKey("").empty());
  CHECK(ItemKey("a.1").empty());
  CHECK(ItemKey("1.").empty());
  CHECK(ItemKey("3bis.1").empty());
  CHECK(ItemKey("123456").empty());
  auto [prev, next, follows] = GENERATE(table<std::string, std::string, bool>({
      {"1.4", "1.5", true},
      {"3", "4", true},
      {"I", "II", true},
      {"3bis", "4", true},
      {"3", "3bis", false},
      {"1.4", "2.5", false},
      {"1.4", "1.6", false},
      {"0", "1", true},
      {"1.0", "1.1", true},
      {"0", "2", false},
      {"4", "3", false},
      {"", "1", false},
  }));
  INFO(prev << " -> " << next);
  CHECK(ItemFollows(prev, next) == follows);
}

// Run-on minutes that head each item with its subject in capitals and no
// number; one item is decided by an approval alone, another carries a
// table's header in capitals between its heading and its decision.
const char kCapsHeadedMinutes[] =
    "PROCES-VERBAL DU CONSEIL MUNICIPAL Séance du 3 mars 2024 L'an deux mil vingt-quatre, le "
    "trois mars à 20h, le Conseil Municipal, légalement convoqué, s'est réuni sous la "
    "présidence de Monsieur Paul MARTIN, Maire. Etaient présents : Mme Anne PETIT, M. Luc "
    "ROUX, M. Jean DUPONT. Absents : Mme Claire DURAND. Ordre du jour : tarifs, voirie. "
    "TARIFS DE LA CANTINE SCOLAIRE Le Maire propose de relever les tarifs de la cantine de "
    "deux pour cent. Après en avoir délibéré, le Conseil accepte à l'unanimité. CONVENTION "
    "VOIRIE COMMUNALE La Société Routes est mandatée pour entretenir les chemins. Le Conseil "
    "approuve à l'unanimité cette convention. DÉCISION MODIFICATIVE La trésorerie demande de "
    "régulariser deux comptes. INTITULES DES COMPTES DEPENSES Personnel non titulaire 6413 "
    "6 400,00 Le Conseil approuve la décision modificative. La séance est levée à 22h.\n";

TEST_CASE("run-on minutes headed by subjects in capitals give one act per decided subject",
          "[segment][breaks]") {
  const testing::TextRun run(kCapsHeadedMinutes);
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  std::vector<std::string> titles;
  for (const Deliberation& d : run.records.deliberations) titles.push_back(d.title.value_or(""));
  CHECK(titles == std::vector<std::string>{"TARIFS DE LA CANTINE SCOLAIRE",
                                           "CONVENTION VOIRIE COMMUNALE", "DÉCISION MODIFICATIVE"});
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.attendees.size() >= 4);  // the sitting's attendance, for each act
    CHECK(d.president == "Paul MARTIN");
  }
}

// A fragment of run-on minutes that stops inside its last item, before the
// item's decision: the heading in capitals right after the last decision
// opens one more act; "QUESTIONS DIVERSES" there closes the minutes, as the
// Maire's information does.
TEST_CASE("a fragment of run-on minutes cut inside its last item headed in capitals",
          "[segment][breaks]") {
  const std::string head(kCapsHeadedMinutes, std::string_view(kCapsHeadedMinutes).find("DÉCISION"));
  const testing::TextRun cut(head +
                             "AVENANT A LA CONVENTION DE MEDECINE PREVENTIVE Le maire rappelle "
                             "que la convention passée avec le centre de gestion arrive à son "
                             "terme et que\n");
  std::vector<std::string> titles;
  for (const Deliberation& d : cut.records.deliberations) titles.push_back(d.title.value_or(""));
  CHECK(titles == std::vector<std::string>{"TARIFS DE LA CANTINE SCOLAIRE",
                                           "CONVENTION VOIRIE COMMUNALE",
                                           "AVENANT A LA CONVENTION DE MEDECINE PREVENTIVE"});
  for (const std::string closing :
       {"QUESTIONS DIVERSES", "INFORMATIONS ET QUESTIONS DIVERSES", "COMMUNICATIONS DU MAIRE"}) {
    const testing::TextRun closed(head + closing +
                                  " Le Maire informe le conseil des travaux de la salle des fêtes, "
                                  "qui commenceront au printemps prochain.\n");
    INFO(closing);
    CHECK(closed.records.deliberations.size() == 2);
  }
}

// A register that numbers its acts by the year and a serial, flattened into
// one line: each act begins at its code, its subject the capitals after it.
TEST_CASE("a flattened register of acts numbered by the year and a serial", "[segment][breaks]") {
  const testing::TextRun run(
      "COMMUNE DE SAINT-AUBIN Séance du 9 juillet 2019 L'an deux mil dix-neuf, le neuf "
      "juillet, le Conseil Municipal, légalement convoqué, s'est réuni sous la présidence de "
      "Madame Anne PETIT, Maire. Présents : Mme Anne PETIT, M. Luc ROUX, M. Jean DUPONT. "
      "Secrétaire de séance : M. Luc ROUX 2019-036 ZONE D'AMENAGEMENT CONCERTE DU ROND DE CHENE : "
      "APPROBATION DU COMPTE RENDU ANNUEL Madame la Maire donne la parole à M. ROUX. Le Conseil "
      "Municipal, après en avoir "
      "délibéré, approuve le compte rendu annuel de la zone. 2019-037 ACQUISITION DE LA "
      "PARCELLE CADASTREE SECTION AK n°96 APPARTENANT A M. CELLIER Madame la Maire expose le "
      "projet. Le Conseil Municipal, "
      "après en avoir délibéré, DÉCIDE d'acquérir la parcelle au prix de un euro.\n");
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  std::vector<std::string> numbers;
  for (const Deliberation& d : run.records.deliberations) numbers.push_back(d.number.value_or(""));
  CHECK(numbers == std::vector<std::string>{"2019-036", "2019-037"});
}

// A fragment of run-on minutes that holds two numbered items, each decided:
// an act per item; a count of two numbers that decides nothing is no item.
TEST_CASE("a fragment of run-on minutes with two decided items gives two acts",
          "[segment][breaks]") {
  const std::string head =
      "COMPTE RENDU DU CONSEIL MUNICIPAL Séance du 3 mars 2024 Le Conseil Municipal, "
      "légalement convoqué, s'est réuni sous la présidence de Monsieur Paul MARTIN, Maire. "
      "Etaient présents : Mme Anne PETIT, M. Luc ROUX, M. Jean DUPONT. Absents : Mme Claire "
      "DURAND. ";
  const testing::TextRun run(
      head +
      "1 Tarifs de la cantine scolaire pour l'année 2024. Le Conseil, après en avoir "
      "délibéré : approuve les tarifs. Adopté. Pour : 4 voix 2 Convention de voirie avec la "
      "Société Routes pour les chemins. Le Conseil, après en avoir délibéré : approuve la "
      "convention et autorise le Maire à la signer.\n");
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  REQUIRE(run.records.deliberations.size() == 2);
  for (const Deliberation& d : run.records.deliberations) {
    CHECK(d.attendees.size() >= 4);  // the sitting's attendance, for each act
  }
  const testing::TextRun undecided(
      head +
      "Le Maire rappelle le calendrier. 1 Conseiller délégué et 2 Adjoints sont nommés par "
      "arrêté, puis le Conseil, après en avoir délibéré, approuve le budget à l'unanimité.\n");
  CHECK(undecided.records.deliberations.size() == 1);
}

// The names of an attendance list in capitals are no headings.
TEST_CASE("a list of names in capitals is not cut as headings", "[segment][breaks]") {
  const testing::TextRun run(
      "COMPTE RENDU DU CONSEIL MUNICIPAL DU 3 MARS 2024 Le Conseil Municipal s'est réuni. "
      "Présents : DE MAUPEOU D'ABLEIGES Marie, LE VRAUX Yves, DEVAUX Isabelle, LE TARNEC "
      "Sandra donne pouvoir à M. Yves LE VRAUX. Ordre du jour : budget. Le budget est "
      "approuvé à l'unanimité des membres présents et représentés ce jour.\n");
  for (const Block& b : run.doc.blocks) CHECK_FALSE(b.caps_heading);
}

TEST_CASE("those present listed by commune, each commune's name in capitals as a caption",
          "[segment]") {
  const testing::TextRun run(
      "CONSEIL COMMUNAUTAIRE Séance du 5 avril 2024 Le Conseil communautaire s'est réuni sous "
      "la présidence de Monsieur Paul MARTIN. LES ORMES : Paul MARTIN – Anne PETIT SAINT JEAN "
      "DU BOIS : Luc ROUX – Marie DURAND VILLENEUVE : Jean DUPONT Nombre de conseillers en "
      "exercice : 6\n"
      "Après en avoir délibéré, le Conseil DÉCIDE à l'unanimité d'approuver le contrat.\n");
  REQUIRE(run.records.deliberations.size() == 1);
  std::vector<std::string> people;
  for (const Attendee& a : run.records.deliberations[0].attendees) {
    people.push_back(a.name + " | " + a.status);
  }
  CHECK(people == std::vector<std::string>{"Paul MARTIN | present", "Anne PETIT | present",
                                           "Luc ROUX | present", "Marie DURAND | present",
                                           "Jean DUPONT | present"});
  // A lone caption is no list.
  const testing::TextRun lone(
      "CONSEIL COMMUNAUTAIRE Séance du 5 avril 2024 Le Conseil communautaire s'est réuni sous "
      "la présidence de Monsieur Paul MARTIN. SECRETAIRE : Anne PETIT Nombre de conseillers en "
      "exercice : 6\n"
      "Après en avoir délibéré, le Conseil DÉCIDE à l'unanimité d'approuver le contrat.\n");
  REQUIRE(lone.records.deliberations.size() == 1);
  for (const Attendee& a : lone.records.deliberations[0].attendees) CHECK(a.name != "Anne PETIT");
}

TEST_CASE("page numbers before a running header are no run of items", "[segment][breaks]") {
  const testing::TextRun run(
      "PROCES-VERBAL DU CONSEIL MUNICIPAL Séance du 3 mars 2024 Le Conseil Municipal s'est "
      "réuni sous la présidence de Monsieur Paul MARTIN. Le budget est présenté en détail par "
      "le Maire. 1 Conseil municipal du 3 mars 2024 Les dépenses de voirie augmentent. 2 "
      "Conseil municipal du 3 mars 2024 Les recettes sont stables. 3 Conseil municipal du 3 "
      "mars 2024 Après en avoir délibéré, le Conseil approuve le budget à l'unanimité.\n");
  for (const Block& b : run.doc.blocks) {
    CHECK(b.text.rfind("2 Conseil municipal", 0) == std::string::npos);
    CHECK(b.text.rfind("3 Conseil municipal", 0) == std::string::npos);
  }
}

// Minutes that list their agenda ("Point 01 - …") before the items
// ("Point n°1 : …"): the agenda's lines are no acts, and a page's running
// header that repeats an item's number just before its heading ("2 PV du 8
// février 2024", then "2 Point n°2 : …") breaks no run of items.
TEST_CASE("an agenda of points is no act, and a running header's number opens none", "[segment]") {
  const testing::TextRun run(
      "PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE\n"
      "Séance du 8 février 2024\n"
      "Le Conseil Communautaire, légalement convoqué, s'est réuni sous la présidence de "
      "Monsieur Paul MARTIN.\n"
      "Présents : Mme Anne PETIT, M. Luc ROUX.\n"
      "Secrétaire de séance : Anne PETIT\n"
      "Ordre du jour\n"
      "Point 01 - Approbation du procès-verbal\n"
      "Point 02 - Désignation du délégué\n"
      "Point 03 - Tarifs des piscines\n"
      "Point n°1 : APPROBATION DU PROCES-VERBAL\n"
      "Il est proposé d'approuver le procès-verbal.\n"
      "Le Conseil Communautaire, à l'unanimité, approuve le procès-verbal.\n"
      "2 PV du 8 février 2024\n"
      "2 Point n°2 : DESIGNATION DU DELEGUE\n"
      "Le Conseil Communautaire, à l'unanimité, désigne Madame Anne PETIT déléguée.\n"
      "Point n°3 : TARIFS DES PISCINES\n"
      "Le Président présente les tarifs.\n"
      "Le Conseil Communautaire prend acte.\n");
  REQUIRE(run.records.doc_type == DocumentType::kDeliberation);
  std::vector<std::string> titles;
  for (const Deliberation& d : run.records.deliberations) titles.push_back(d.title.value_or(""));
  CHECK(titles == std::vector<std::string>{"APPROBATION DU PROCES-VERBAL", "DESIGNATION DU DELEGUE",
                                           "TARIFS DES PISCINES"});
}

TEST_CASE("a small count of abstentions written in words", "[segment]") {
  const testing::TextRun run(
      "DELIBERATION DU CONSEIL MUNICIPAL\n"
      "Le Conseil municipal, après en avoir délibéré,\n"
      "DÉCIDE d'approuver la nouvelle grille tarifaire des droits de voirie.\n"
      "Adopté à la majorité avec 35 voix pour et quatre abstentions.\n");
  REQUIRE(run.records.deliberations.size() == 1);
  CHECK(run.records.deliberations[0].votes_abstention == 4);
}

// Run-on minutes that approve the previous minutes under a heading of their
// own, with no number, before their numbered acts: the approval is an act,
// taken by those present, and "PROCÈS-VERBAL DU CONSEIL" inside its heading
// cuts nothing.
const char kApprovalBeforeNumberedActs[] =
    "CONSEIL MUNICIPAL Séance du 29 mars 2023 L'an 2023, le 29 mars à 19h05 les membres du "
    "conseil municipal se sont réunis en séance publique. Sont présents : Madame Anne PETIT, "
    "Monsieur Paul MARTIN, Monsieur Luc ROUX. Absents : Madame Claire DURAND. La séance est "
    "ouverte à 19h05. 1 APPROBATION DU PROCÈS-VERBAL DU CONSEIL MUNICIPAL DU 8 FÉVRIER 2023 "
    "Monsieur le Maire demande s'il y a des observations. Il n'y en a pas. Le procès-verbal de "
    "la séance du 8 février 2023 est approuvé. DEL20230329_1 : Présentation du rapport social "
    "unique 2021 Le Conseil municipal, après en avoir délibéré, PREND ACTE du rapport. "
    "DEL20230329_2 : Tarifs de la cantine Le Conseil municipal, après en avoir délibéré, "
    "DÉCIDE d'approuver les tarifs.\n";

TEST_CASE("the approval of the previous minutes before numbered acts is an act",
          "[segment][breaks]") {
  const testing::TextRun run(kApprovalBeforeNumberedActs);
  REQUIRE(run.records.deliberations.size() == 3);
  const Deliberation& approval = run.records.deliberations[0];
  REQUIRE(approval.title);
  // The heading alone, not the text run on after it.
  CHECK(*approval.title == "APPROBATION DU PROCÈS-VERBAL DU CONSEIL MUNICIPAL DU 8 FÉVRIER 2023");
  CHECK(approval.outcome == "adopted");
  for (const Deliberation& d : run.records.deliberations) {
    std::vector<std::string> people;
    for (const Attendee& a : d.attendees) people.push_back(a.name + " | " + a.status);
    CHECK(people == std::vector<std::string>{"Anne PETIT | present", "Paul MARTIN | present",
                                             "Luc ROUX | present", "Claire DURAND | absent"});
  }
  CHECK(run.records.deliberations[1].number == "DEL20230329_1");
}

// Run-on minutes whose agenda's last line runs into the approval of the
// previous minutes: the agenda line decides nothing, the approval is the
// first act.
const char kAgendaLineAboveApproval[] =
    "CONSEIL MUNICIPAL Séance du 27 mars 2023 L'an 2023, le 27 mars à 20h30 les membres du "
    "conseil municipal se sont réunis en séance publique. Sont présents : Madame Anne PETIT, "
    "Monsieur Paul MARTIN, Monsieur Luc ROUX. Ordre du jour : 1. Comptes de gestion 2022 - "
    "Rapporteur P MARTIN 2. Compte administratif 2022 - Rapporteur P MARTIN 3. Présentation du "
    "rapport de la chambre régionale des comptes - Rapporteur L ROUX ***** ADOPTION DU "
    "PROCES-VERBAL DU CONSEIL MUNICIPAL DU 23 JANVIER 2023 Le procès-verbal du conseil "
    "municipal du 23/01/2023 a été adopté à l'unanimité. 1 / APPROBATION DES COMPTES DE "
    "GESTION 2022 Monsieur MARTIN rappelle le compte de gestion. Après en avoir délibéré, le "
    "conseil municipal, par 20 votes pour : Approuve les comptes de gestion. 2 / APPROBATION DU "
    "COMPTE ADMINISTRATIF 2022 Monsieur MARTIN présente le compte. Après en avoir délibéré, le "
    "conseil municipal, à 19 voix pour, Approuve le compte administratif.\n";

TEST_CASE("an agenda's last line above the approval of the minutes is no act",
          "[segment][breaks]") {
  const testing::TextRun run(kAgendaLineAboveApproval);
  REQUIRE(run.records.deliberations.size() == 3);
  const Deliberation& approval = run.records.deliberations[0];
  CHECK(!approval.number);
  REQUIRE(approval.title);
  CHECK(approval.title->starts_with("ADOPTION DU PROCES-VERBAL DU CONSEIL MUNICIPAL"));
  CHECK(approval.outcome == "adopted");
  // The date in its heading is the earlier minutes', not the sitting's.
  CHECK(approval.meeting_date == "2023-03-27");
  CHECK(run.records.deliberations[1].number == "1");
}

// The same heading in lower case after a full stop, in run-on minutes.
TEST_CASE("an approval of the minutes headed in lower case opens an act", "[segment][breaks]") {
  const testing::TextRun run(
      "CONSEIL MUNICIPAL Séance du 16 février 2023 L'an deux mille vingt-trois, le 16 février, "
      "le Conseil municipal s'est réuni sous la présidence de Mme Anne PETIT, Maire. Présents : "
      "Mme Anne PETIT, M. Paul MARTIN, M. Luc ROUX. Avant d'ouvrir la séance, Mme la Maire fait "
      "observer une minute de silence. Approbation du procès-verbal de la séance du 27 janvier "
      "2023 Le procès-verbal de la séance du 27 janvier est approuvé à l'unanimité des membres "
      "présents. Délibération n° 2023-011 Étude de faisabilité d'un parc éolien Le Conseil "
      "municipal, après en avoir délibéré, DÉCIDE d'approuver l'étude.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].title ==
        "Approbation du procès-verbal de la séance du 27 janvier 2023");
  CHECK(run.records.deliberations[0].outcome == "adopted");
  CHECK(run.records.deliberations[0].attendees.size() == 3);
  CHECK(run.records.deliberations[1].number == "2023-011");
}

// An agenda's line approving the minutes is followed by the agenda's next
// lines: it opens no act, though something is adopted further down.
TEST_CASE("an agenda line approving the minutes opens no act", "[segment]") {
  const testing::TextRun run(
      "PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 19 DECEMBRE 2023\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT.\n"
      "RAPPEL DE L'ORDRE DU JOUR :\n"
      "Approbation du procès-verbal du conseil communautaire du 25 septembre 2023\n"
      "1. Débat sur les énergies renouvelables\n"
      "2. Budget annexe : décision modificative\n"
      "3. Tarifs des locaux\n"
      "4. Questions diverses\n"
      "Le rapport d'activité présenté en début de séance est adopté par le bureau.\n"
      "n°2-1 : Approbation du procès-verbal du conseil communautaire du 25 septembre 2023 "
      "DCC2023_129\n"
      "Après en avoir délibéré, à l'unanimité, le conseil DÉCIDE d'approuver le procès-verbal.\n"
      "n°2-2 : Budget annexe : décision modificative DCC2023_130\n"
      "Après en avoir délibéré, à l'unanimité, le conseil DÉCIDE d'approuver la décision.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[0].number == "DCC2023_129");
  CHECK(run.records.deliberations[1].number == "DCC2023_130");
}

// A page's footer numbered by the page ("2 PV du 8 février 2024") reads as
// a numbered item; the same subject under two numbers is no item.
TEST_CASE("a running footer numbered by the page opens no item", "[segment]") {
  const testing::TextRun run(
      "PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE DU 8 FEVRIER 2024\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT.\n"
      "1 Tarifs de la piscine\n"
      "Après en avoir délibéré, le conseil DÉCIDE à l'unanimité d'approuver les tarifs.\n"
      "2 PV du 8 février 2024\n"
      "2 Subvention au club de football\n"
      "Après en avoir délibéré, le conseil DÉCIDE à l'unanimité d'accorder la subvention.\n"
      "3 PV du 8 février 2024\n"
      "3 Convention avec le SDIS\n"
      "Après en avoir délibéré, le conseil DÉCIDE à l'unanimité d'approuver la convention.\n"
      "4 PV du 8 février 2024\n");
  REQUIRE(run.records.deliberations.size() == 3);
  CHECK(run.records.deliberations[0].title == "Tarifs de la piscine");
  CHECK(run.records.deliberations[1].title == "Subvention au club de football");
  CHECK(run.records.deliberations[2].title == "Convention avec le SDIS");
}

// The Maire's decisions under delegation, reported for information as a
// list under the first one's label, are no acts of the council.
TEST_CASE("a list of the Maire's decisions numbered in series opens no act", "[segment]") {
  const testing::TextRun run(
      "PROCES VERBAL DU CONSEIL MUNICIPAL DU 15 DECEMBRE 2022\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT.\n"
      "Approbation du procès-verbal du 24 novembre 2022 : Le procès-verbal a été validé à "
      "l'unanimité.\n"
      "DECISION DU MAIRE N°2022-061 : L'indemnité de sinistre proposée par l'assureur est "
      "acceptée.\n"
      "N°2022-062 : La commune accepte le devis pour l'acquisition d'un chauffe-eau.\n"
      "N°2022-063 : La commune accepte l'indemnité proposée par le cabinet d'avocats.\n"
      "Délibération n° 2022-070 : Tarifs communaux 2023\n"
      "Le Conseil municipal, après en avoir délibéré, DÉCIDE à l'unanimité d'approuver les "
      "tarifs.\n");
  REQUIRE(run.records.deliberations.size() == 2);
  CHECK(run.records.deliberations[1].number == "2022-070");
  const Deliberation& d = run.records.deliberations[0];
  CHECK(d.title == "Approbation du procès-verbal du 24 novembre 2022");
  CHECK_FALSE(d.number.has_value());
  CHECK(d.outcome == "adopted");
}

TEST_CASE("the next number of a series", "[segment]") {
  CHECK(NextInSeries("2022-061") == "2022-062");
  CHECK(NextInSeries("DP2023_09") == "DP2023_10");
  CHECK(NextInSeries("99") == "100");
  CHECK(NextInSeries("2022-A").empty());
}

// Run-on minutes of "Point n° N :" items: the lines an item's report numbers
// ("1 – Gros œuvre", "2 – Charpente") break no run of items, and the last
// item, its subject in capitals run on into its report, is an act though the
// fragment stops before its decision.
TEST_CASE("numbered lines inside an item break no run of items", "[segment]") {
  const testing::TextRun run(
      "Monsieur Paul MARTIN, Président, ouvre la séance du Conseil Communautaire.\n"
      "Point n°1 : APPROBATION DU PROCES-VERBAL\n"
      "Le procès-verbal est approuvé à l'unanimité.\n"
      "Point n°2 : DESIGNATION DU SECRETAIRE DE SEANCE\n"
      "Le Conseil Communautaire, après en avoir délibéré, désigne Mme Anne PETIT.\n"
      "Point n°3 : UTILISATION DES DELEGATIONS PAR LE PRESIDENT\n"
      "Le Président a signé les avenants suivants :\n"
      "1 – Gros œuvre – terrassements – avenant\n"
      "2 – Charpente couverture – avenant\n"
      "Le Conseil Communautaire prend acte.\n"
      "Point n°4 : RAPPORT D'ORIENTATIONS BUDGETAIRES 2024 Le débat d'orientation budgétaire "
      "représente une étape essentielle de la procédure budgétaire.\n");
  REQUIRE(run.records.deliberations.size() == 4);
  CHECK(run.records.deliberations[2].title == "UTILISATION DES DELEGATIONS PAR LE PRESIDENT");
  CHECK(run.records.deliberations[3].number == "4");
  CHECK(run.records.deliberations[3].title == "RAPPORT D'ORIENTATIONS BUDGETAIRES 2024");
}

// A subject a converter broke after "DE LA" goes on on the next line.
TEST_CASE("an item's subject broken after an article goes on on the next line", "[segment]") {
  const testing::TextRun run(
      "PROCES-VERBAL DU CONSEIL MUNICIPAL DU 26 JANVIER 2023\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT.\n"
      "1) APPROBATION DU PROCES VERBAL DU 20 DECEMBRE 2022\n"
      "Le compte-rendu ainsi présenté est adopté à l'unanimité.\n"
      "2) ANNULATION DE LA\n"
      "DELIBERATION N°2022/08/21 : ABANDON DU REVERSEMENT DE LA TAXE D'AMENAGEMENT Le Maire "
      "rappelle la délibération.\n"
      "Après en avoir délibéré, le Conseil DÉCIDE à l'unanimité d'annuler la délibération.\n"
      "3) Approbation du règlement de l'\n"
      "accueil de loisirs\n"
      "Après en avoir délibéré, le Conseil DÉCIDE à l'unanimité d'approuver le règlement.\n");
  REQUIRE(run.records.deliberations.size() == 3);
  CHECK(run.records.deliberations[1].title ==
        "ANNULATION DE LA DELIBERATION N°2022/08/21 : ABANDON DU REVERSEMENT DE LA TAXE "
        "D'AMENAGEMENT");
  CHECK(run.records.deliberations[2].title == "Approbation du règlement de l'accueil de loisirs");
}

// Run-on minutes that number their items "1 / APPROBATION …", the subject
// in capitals run on into its report after a label ("RAPPORTEUR : …"): each
// item is an act, its subject the capitals before the label.
TEST_CASE("items numbered 'N / SUBJECT' in run-on minutes", "[segment][breaks]") {
  const testing::TextRun run(
      "L'an deux mille vingt-trois et le vingt-sept mars, les membres du Conseil Municipal se "
      "sont réunis sous la présidence de Mme Anne PETIT, Maire. Conseillers présents : PETIT "
      "Anne, MARTIN Paul, ROUX Luc. "
      "***** ADOPTION DU PROCES-VERBAL DU CONSEIL MUNICIPAL DU 23 JANVIER 2023 Le "
      "procès-verbal du conseil municipal du 23/01/2023 a été adopté à l'unanimité. 1 / "
      "APPROBATION DU COMPTE DE GESTION 2022 RAPPORTEUR : Monsieur MARTIN Paul Monsieur MARTIN "
      "Paul rappelle que le compte de gestion constitue la reddition des comptes. Après en avoir "
      "délibéré, le conseil municipal, par 3 votes pour : ✓ Approuve le compte de gestion. 2 / "
      "APPROBATION DU COMPTE ADMINISTRATIF 2022 RAPPORTEUR : Monsieur MARTIN Paul Madame PETIT "
      "quitte la salle. Après en avoir délibéré, le conseil municipal, par 2 votes pour : ✓ "
      "Approuve le compte administratif.\n");
  REQUIRE(run.records.deliberations.size() == 3);
  CHECK(run.records.deliberations[0].title ==
        "ADOPTION DU PROCES-VERBAL DU CONSEIL MUNICIPAL DU 23 JANVIER 2023");
  CHECK(run.records.deliberations[1].number == "1");
  CHECK(run.records.deliberations[1].title == "APPROBATION DU COMPTE DE GESTION 2022");
  CHECK(run.records.deliberations[2].number == "2");
  CHECK(run.records.deliberations[2].title == "APPROBATION DU COMPTE ADMINISTRATIF 2022");
}

// Run-on items "1.2 Subject Report…": the subject ends where the report's
// first sentence begins.
TEST_CASE("a run-on item's subject in lower case ends before its report", "[segment]") {
  const testing::TextRun run(
      "PROCES-VERBAL DU CONSEIL MUNICIPAL DU 9 FEVRIER 2023\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT, M. Luc ROUX.\n"
      "1.1 Installation d'un conseiller municipal Il appartient au Conseil de prendre acte. "
      "Après en avoir délibéré, le Conseil Municipal à l'unanimité PREND ACTE de l'installation.\n"
      "1.2 Modification du nombre d'adjoints suite à la démission de Mme Anne PETIT "
      "Conformément à l'article L.2122-2 du CGCT, le Conseil fixe le nombre d'adjoints. Après en "
      "avoir délibéré, le Conseil Municipal à l'unanimité DÉCIDE de fixer le nombre à 7.\n"
      "1.3 Remplacement d'un représentant auprès du GIP RECIA Par délibération n°2020-3-78 le "
      "Conseil a désigné ses représentants. Après en avoir délibéré, le Conseil Municipal à "
      "l'unanimité DÉSIGNE M. Luc ROUX.\n");
  REQUIRE(run.records.deliberations.size() == 3);
  CHECK(run.records.deliberations[0].title == "Installation d'un conseiller municipal");
  CHECK(run.records.deliberations[1].title ==
        "Modification du nombre d'adjoints suite à la démission de Mme Anne PETIT");
  CHECK(run.records.deliberations[2].title == "Remplacement d'un représentant auprès du GIP RECIA");
}

// A text that runs its pages on keeps each page's number before the page's
// heading ("1 REPUBLIQUE FRANCAISE …", "2 CONSEIL MUNICIPAL DE LA …"): the
// numbers head no item, and the sole act states no number.
TEST_CASE("a page's number before the page's heading is no item", "[segment]") {
  const testing::TextRun run(
      "1 REPUBLIQUE FRANCAISE COMMUNE DE SAINT-AUBIN CONSEIL MUNICIPAL DU 6 FEVRIER 2023\n"
      "L'an deux mille vingt-trois, le 6 février à 20h30, le Conseil Municipal de la commune de "
      "Saint-Aubin s'est réuni sous la présidence de Monsieur Paul MARTIN, Maire.\n"
      "Présents : M. Paul MARTIN, Mme Anne PETIT, M. Luc ROUX.\n"
      "Le Conseil Municipal, après en avoir délibéré, à l'unanimité, DÉCIDE d'approuver le "
      "contrat local de santé.\n"
      "2 CONSEIL MUNICIPAL DE LA COMMUNE DE SAINT-AUBIN\n"
      "Le Conseil Municipal, à l'unanimité, autorise le Maire à signer le contrat.\n"
      "3 QUESTION N 2 : TARIFS DE LA CANTINE\n"
      "Le Conseil Municipal, à l'unanimité, fixe les tarifs.\n");
  REQUIRE(run.records.deliberations.size() == 1);
  CHECK_FALSE(run.records.deliberations[0].number.has_value());
  CHECK_FALSE(run.records.deliberations[0].title.has_value());
}

// A fragment of minutes cut after its first item, whose decision the rules
// do not read as one ("DECIDE de solliciter …" goes on in its sentence):
// the item is the act, the sitting's head above it.
TEST_CASE("a fragment's sole first item below the sitting's opening is the act", "[segment]") {
  const char kOpening[] =
      "CONSEIL MUNICIPAL COMPTE-RENDU DE SEANCE\n"
      "L'an deux mille vingt et un, le premier décembre, les membres du Conseil Municipal de la "
      "Commune de Saint-Aubin se sont réunis sur la convocation du Maire.\n"
      "Étaient présents : M. Paul MARTIN, Mme Anne PETIT, M. Luc ROUX.\n";
  const char kItem[] =
      "1- DEMANDE DE SUBVENTION POUR LA REHABILITATION D'UN LOGEMENT COMMUNAL\n"
      "Le Conseil Municipal,\n"
      "DECIDE de solliciter une aide financière auprès de la Région.\n";
  const testing::TextRun run(std::string(kOpening) + kItem);
  REQUIRE(run.records.deliberations.size() == 1);
  CHECK(run.records.deliberations[0].number == "1");
  CHECK(run.records.deliberations[0].title ==
        "DEMANDE DE SUBVENTION POUR LA REHABILITATION D'UN LOGEMENT COMMUNAL");
  // A number in a register's margin above the sitting's opening heads no act.
  const testing::TextRun margin(std::string("COMMUNE DE SAINT-AUBIN\n1- QUESTION DES LOGEMENTS\n") +
                                kOpening + "DECIDE de solliciter une aide financière.\n");
  REQUIRE(margin.records.deliberations.size() == 1);
  CHECK_FALSE(margin.records.deliberations[0].number.has_value());
}

}  // namespace
}  // namespace clsdb
