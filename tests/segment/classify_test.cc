// Document triage (segment/classify.cc, rules/doctype.rules), on small texts
// laid out as the pipeline does.
#include <catch2/catch.hpp>
#include <string>
#include <thread>

#include "layout/layout.h"
#include "read/reader.h"
#include "repo_rules.h"
#include "rules/rule_set.h"
#include "segment/segment.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using testing::RepoRules;

std::string Classify(const std::string& text) {
  return Name(ClassifyDocument(testing::LayOutText(text), RepoRules()));
}

const char kDeliberation[] =
    "DEPARTEMENT DU NORD\n"
    "DELIBERATION DE LA COMMISSION PERMANENTE\n"
    "DU CONSEIL DEPARTEMENTAL\n"
    "REUNION DU 3 MARS 2025\n"
    "(N°2025-12)\n"
    "La Commission Permanente du Conseil départemental du Nord,\n"
    "Vu le Code Général des Collectivités Territoriales ;\n"
    "Après en avoir délibéré,\n"
    "DECIDE :\n"
    "D'approuver la convention.\n"
    "Pour : 40 voix\n"
    "(Adopté)\n";

const char kContractBody[] =
    "Contrat Local de Santé de la Communauté de communes du Val 2025-2029\n"
    "Entre les soussignés :\n"
    "L'Agence régionale de santé, représentée par son Directeur général,\n"
    "et la Communauté de communes du Val, représentée par son Président,\n"
    "Il est convenu ce qui suit :\n"
    "ARTICLE 1 : Objet du contrat\n"
    "Le présent contrat définit les orientations partagées.\n";

TEST_CASE("a Commission Permanente act is a deliberation", "[classify]") {
  CHECK(Classify(kDeliberation) == "deliberation");
}

TEST_CASE("a register extract with DECIDE is a deliberation", "[classify]") {
  CHECK(Classify("COMMUNE DE XVILLE\n"
                 "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
                 "Séance du 5 décembre 2024\n"
                 "Délibération n° 2024-087\n"
                 "Objet : Voirie\n"
                 "Le Conseil Municipal, après en avoir délibéré,\n"
                 "DÉCIDE :\n"
                 "- d'approuver le programme.\n") == "deliberation");
}

TEST_CASE("a deliberation with a contract annexed stays a deliberation", "[classify]") {
  CHECK(Classify(std::string(kDeliberation) + "ANNEXE 2\n" + kContractBody) == "deliberation");
}

TEST_CASE("a document titled Contrat local de santé is a contract", "[classify]") {
  CHECK(Classify(kContractBody) == "contract");
}

TEST_CASE("a press release about a contract is a press release", "[classify]") {
  CHECK(Classify("COMMUNIQUÉ DE PRESSE\n"
                 "LE 25 09 19\n"
                 "Contrat local de santé\n"
                 "L'ARS et la communauté d'agglomération signent un Contrat local de santé.\n"
                 "Contact presse\n"
                 "ARS : 03 62 72 86 27\n") == "press_release");
}

TEST_CASE("minutes of a meeting are a note", "[classify]") {
  CHECK(Classify("Ville de Montbrison – Direction de la démocratie participative\n"
                 "Compte rendu de la réunion du conseil de quartier\n"
                 "Réunion du mardi 13 mai 2025\n"
                 "Présents : Mme Aïcha BENSAÏD, M. Gérard POMMIER.\n"
                 "Excusés : M. Alain TESTUD.\n"
                 "Ordre du jour :\n"
                 "Le compte rendu est approuvé à main levée.\n") == "note");
}

TEST_CASE("an arrêté with articles and health words is other", "[classify]") {
  CHECK(Classify("COMMUNE DE VILLECROZET\n"
                 "ARRÊTÉ MUNICIPAL N° 2025-ST-118\n"
                 "Le Maire de la commune de Villecrozet,\n"
                 "Vu le Code général des collectivités territoriales ;\n"
                 "Considérant l'ouverture de la maison de santé pluriprofessionnelle ;\n"
                 "ARRÊTE\n"
                 "Article 1er – Le stationnement est limité.\n") == "other");
}

TEST_CASE("a passing mention of a contract does not make a contract", "[classify]") {
  CHECK(Classify("Rapport d'activité 2024\n"
                 "Le service a suivi le contrat local de santé du territoire.\n"
                 "Il a aussi organisé trois forums.\n") == "other");
}

TEST_CASE("an empty document is other", "[classify]") { CHECK(Classify("\n\n") == "other"); }

TEST_CASE("only the opening of a document is read", "[classify]") {
  // A press heading far into a long document does not retype it.
  std::string text = kContractBody;
  for (int i = 0; i < 200; ++i) text += "Ligne de texte numéro " + std::to_string(i) + ".\n";
  text += "COMMUNIQUÉ DE PRESSE\n";
  CHECK(Classify(text) == "contract");
}

TEST_CASE("a contract that opens with its table of contents is a contract", "[classify]") {
  CHECK(Classify("SOMMAIRE\n"
                 "INTRODUCTION ...... 1\n"
                 "PRESENTATION DU TERRITOIRE ...... 6\n"
                 "LES PRIORITES ET LE PROGRAMME D’ACTIONS ...... 13\n"
                 "Le contrat local de santé est un outil de coordination.\n") == "contract");
}

TEST_CASE("a collectivity's news about a signature is a press release", "[classify]") {
  CHECK(Classify("Le Contrat Local de Santé de la Communauté de Communes du Val a été signé ce "
                 "20 septembre 2019 à la salle des fêtes. Véritable feuille de route pour les "
                 "quatre années à venir, ce dispositif va permettre de nombreuses actions.\n") ==
        "press_release");
}

TEST_CASE("a collectivity's page headed by its contract, with the article, is a note",
          "[classify]") {
  // The page explains what a CLS is and recalls its signing; its heading
  // names the contract with the article, where a cover would not.
  const std::string page =
      "Les lettres d'informations santé\n"
      "Le Contrat Local de Santé de Villebourg\n"
      "Les contrats locaux de santé ont pour objectifs de réduire les inégalités sociales et "
      "territoriales de santé.\n"
      "En 2012, un premier Contrat Local de Santé a été signé avec l'ARS.\n";
  CHECK(Classify(page) == "note");
  // The same words on a cover, without the article, type a contract.
  CHECK(Classify("Contrat Local de Santé de Villebourg\n"
                 "Les contrats locaux de santé ont pour objectifs de réduire les inégalités.\n"
                 "Entre :\nLa commune de Villebourg\nEt\nL'Agence Régionale de Santé\n") ==
        "contract");
}

TEST_CASE("minutes of a council sitting are a deliberation", "[classify]") {
  CHECK(Classify("Conseil municipal du 4 juin 2021\n"
                 "Présents : Jean-Pierre, Yves, Jacques\n"
                 "1 Subventions associatives\n"
                 "Vote : 14 pour / 0 contre / 0 abstention adopté\n") == "deliberation");
}

// The openings of tuned real documents (tools/doctype-stability): cut near
// 1,000 or 2,000 characters, or without their first lines, they must keep
// the type that what is left of them still shows.
TEST_CASE("a register's opening run into one line, stamp and all, is a deliberation",
          "[classify]") {
  // The prefecture's stamp ("Reçu le … Publié le …") is not a news byline,
  // and "L'an deux mil …" opens a sitting wherever the line breaks went.
  CHECK(Classify("AR Prefecture 082-218200798-20230206-D13 2023 02 06-DE Reçu le 08/02/2023 "
                 "Publié le 08/02/2023 DEPARTEMENT DE TARN ET GARONNE COMMUNE DE LABASTIDE "
                 "REGISTRE DES DELIBERATIONS Labastide DU CONSEIL MUNICIPAL SESSION ORDINAIRE "
                 "SEANCE DU 06 FEVRIER 2023 L'an deux mil vingt-trois, le vendredi 06 février "
                 "à 20h30, les membres du Conseil Municipal de la commune se sont réunis. "
                 "PRÉSENTS : Monsieur Jérôme BEQ, Maire, Monsieur Jean-Luc BOCHU\n") ==
        "deliberation");
}

TEST_CASE("a summary minutes' opening with its attendance is a deliberation", "[classify]") {
  CHECK(Classify("Réunion du Conseil de l’Eurométropole de Strasbourg du vendredi 16 décembre "
                 "2022 à 9 heures Convoqué par courrier en date du 9 décembre 2022 Compte-rendu "
                 "sommaire Assistaient à la réunion sous la présidence de Mme Pia IMBS, "
                 "Présidente Mmes et MM. les Vice-présidents-es : Jeanne BARSEGHIAN (a donné "
                 "procuration à Guillaume LIBSIG), Danielle DAMBACH\n") == "deliberation");
}

TEST_CASE("a council's minutes headed 'Compte-rendu' with their agenda are a deliberation",
          "[classify]") {
  CHECK(Classify("COMMUNE DE SAINT VINCENT DE DURFORT\n"
                 "Compte-rendu de la réunion du Conseil Municipal du 16 septembre 2019\n"
                 "Date de convocation : 11 septembre 2019\n"
                 "Ordre du jour :\n"
                 "- Point sur les logements communaux\n"
                 "- Recensement 2020 : choix de l’agent recenseur\n"
                 "Présents : Anne TERROT, Eliane BORDIGONI, François CHAMBONNET\n") ==
        "deliberation");
}

TEST_CASE("minutes without their heading, from their attendance, are a deliberation",
          "[classify]") {
  CHECK(Classify("Absents représentés : Blandine Gomart-Jacquet (pouvoir à Alain Decanis) - "
                 "Alain Kambele (pouvoir à Mohamed Sebbani)\n"
                 "Absents non représentés : Gilles Perz\n\n"
                 "Le compte rendu du dernier conseil municipal est approuvé à l'unanimité\n") ==
        "deliberation");
  CHECK(Classify("Membres afférents au Conseil Municipal : 15 Membres en exercice : 15 Date de la "
                 "convocation : 3/12/2019\n\n"
                 "Présents : AUFFRET Yannick, AVRIL Florence, BOSSEAU Jeanine\n"
                 "Secrétaire de séance : Mme AVRIL\n") == "deliberation");
}

TEST_CASE("a page headed by the contract's name that names its signatories in a sentence is a note",
          "[classify]") {
  // No clause of a contract (preamble, articles, visa): the signatories are
  // told in one sentence, the page explains the contract in the present.
  const std::string page =
      "Contrat Local de Santé\n"
      "Le Contrat Local de Santé (CLS) Val d'Exemple\n"
      "Il a été signé le 16 octobre 2025 entre le Syndicat Mixte du Val, la Préfecture de "
      "l'Exemple, l'Agence Régionale de Santé (ARS) et le Département de l'Exemple.\n"
      "Le contrat local de santé (CLS) est un outil porté conjointement par l'ARS et le Val.\n";
  CHECK(Classify(page) == "note");
  // The same page with the contract's own preamble is the contract.
  CHECK(Classify(page + "Entre :\nLe Syndicat Mixte du Val, représenté par son Président\n") ==
        "contract");
}

TEST_CASE("a contract's cover over a paragraph that explains a CLS stays a contract",
          "[classify]") {
  // Its title outweighs the explainer: only a tie goes to the page.
  CHECK(Classify("CONTRAT LOCAL DE SANTE\n"
                 "DU PAYS D'EXEMPLE\n"
                 "Document de travail – Mai 2013\n"
                 "Le contrat local de santé est l'instrument de la consolidation du partenariat "
                 "local sur les questions de santé.\n") == "contract");
}

TEST_CASE("a news item that reports a council's decisions is a press release", "[classify]") {
  CHECK(Classify("LA SANTÉ AU CŒUR DU DERNIER CONSEIL COMMUNAUTAIRE.\n"
                 "Quatre délibérations ont été prises concernant le Contrat Local de Santé.\n"
                 "Le Conseil Communautaire a validé une convention avec le PETR.\n") ==
        "press_release");
  // The act decides in the present and keeps its own type.
  CHECK(Classify(kDeliberation) == "deliberation");
}

TEST_CASE("a contract that lost its cover is still a contract", "[classify]") {
  CHECK(Classify("Entre Monsieur le Maire de Clichy Sous-Bois, Monsieur le Préfet de "
                 "Seine-Saint-Denis, Monsieur le Directeur Général de l'Agence Régionale de "
                 "Santé d'Ile de France\n"
                 "Il a été convenu de signer le présent Contrat Local de Santé portant sur la "
                 "Ville de Clichy Sous-Bois.\n"
                 "À Bobigny, le 22 novembre 2019\n") == "contract");
}

TEST_CASE("a news item's opening that names its signatories at length is a press release",
          "[classify]") {
  CHECK(Classify("En 1909, la Ville de Toulon dotait ses habitants d’un carnet de vaccination. Ce "
                 "jeudi 11 décembre, Josée Massi, maire de Toulon a signé, avec Simon Babre, "
                 "préfet du Var et Sébastien Monié, directeur départemental de l’Agence régionale "
                 "de Santé (ARS), un contrat local de santé (CLS) qui va bien plus loin que la "
                 "simple immunisation.\n") == "press_release");
}

TEST_CASE("every doctype rule votes for a type clsdb stores", "[segment][classify]") {
  // A rule "doctype.head.<type>.…" whose <type> is no DocumentType would
  // never count: its name is the only link between the rule and the type.
  for (const RuleFamily family : {RuleFamily::kDoctypeHead, RuleFamily::kDoctypeBody}) {
    const std::string_view prefix = Requirement(family).name;
    REQUIRE_FALSE(RepoRules().Family(family).empty());
    for (const Rule* rule : RepoRules().Family(family)) {
      const std::string_view rest = std::string_view(rule->name).substr(prefix.size());
      INFO(rule->name);
      CHECK(Parse<DocumentType>(rest.substr(0, rest.find('.'))).has_value());
    }
  }
}

TEST_CASE("PrepareSegmentation asks before each set and stops at the first no", "[segment]") {
  int asked = 0;
  PrepareSegmentation(RepoRules(), [&] { return ++asked < 3; });
  CHECK(asked == 3);
}

TEST_CASE("sets another thread builds type a document as the worker's own do", "[segment]") {
  // A set of its own, so that the sets are built here, by the two threads.
  auto loaded = RuleSet::LoadDirectory(testing::RulesDir().string());
  REQUIRE(loaded.ok());
  const RuleSet& fresh = *loaded;
  const LaidOutDocument doc = testing::LayOutText(kDeliberation);
  std::thread warmer([&] { PrepareSegmentation(fresh, [] { return true; }); });
  const DocumentType type = ClassifyDocument(doc, fresh);
  warmer.join();
  CHECK(std::string(Name(type)) == "deliberation");
  CHECK(ClassifyDocument(doc, fresh) == ClassifyDocument(doc, RepoRules()));
}

}  // namespace
}  // namespace clsdb
