#include "check/scorer.h"

#include <catch2/catch.hpp>

namespace clsdb::check {
namespace {

Contract SudArtois() {
  Contract c;
  c.title = "Contrat Local de Santé de la Communauté de Communes du Sud Artois";
  c.territory = "Communauté de Communes du Sud Artois";
  c.territory_acronym = "CCSA";
  c.generation = 2;
  c.signed_place = "Bapaume";
  c.signed_date = "2024-11-15";
  c.parties = {{"Communauté de Communes du Sud Artois",
                "CCSA",
                "COTTEL Jean Jacques",
                "président",
                std::nullopt,
                {}},
               {"agence régionale de santé Hauts-de-France",
                "ARS",
                "Hugo GILARDI",
                "Directeur général",
                std::nullopt,
                {}}};
  c.articles = {{"1", "Objet du contrat", "", {}}, {"2", "Les parties signataires", "", {}}};
  c.orientations = {{"1", "Améliorer l'accès aux soins et aux droits", {}}};
  Action a;
  a.orientation_index = 0;
  a.code = "1.1";
  a.title = "Renforcer l'attractivité pour les professionnels de santé";
  c.actions = {a};
  Operation op;
  op.action_index = 0;
  op.code = "1.1.2";
  op.title = "Promouvoir la CPTS";
  c.operations = {op};
  Actor p1;
  p1.operation_index = 0;
  p1.role = ActorRole::kPilot;
  p1.name = "CCSA";
  Actor p2 = p1;
  p2.name = "CPTS";
  c.actors = {p1, p2};
  return c;
}

DocumentRecords Expected() {
  DocumentRecords r;
  r.doc_type = DocumentType::kDeliberation;
  r.title = "PARTICIPATION DU DÉPARTEMENT AUX CONTRATS LOCAUX DE SANTÉ";
  Deliberation d;
  d.number = "2025-131";
  d.meeting_date = "2025-04-22";
  d.president = "Jean-Claude LEROY";
  d.votes_for = 43;
  d.votes_against = 0;
  d.attendees = {{"Jean-Claude LEROY", "present", {}}, {"Steeve BRIOIS", "absent", {}}};
  r.deliberations = {d};
  r.contracts = {SudArtois()};
  r.glossary = {{"AAP", "Appel A Projet", {}}, {"ARS", "Agence Régionale de Santé", {}}};
  return r;
}

const GroupScore& G(const DocumentScore& s, const char* name) { return s.group(name); }

TEST_CASE("A document scored against itself is perfect", "[scorer]") {
  const DocumentRecords e = Expected();
  const DocumentScore s = ScoreDocument(e, e);
  for (const GroupScore& g : s.groups) {
    INFO(g.group);
    CHECK(g.fp == 0);
    CHECK(g.fn == 0);
    if (g.applicable()) CHECK(*g.f1() == 1.0);
  }
  CHECK(G(s, "deliberation").tp == 3);  // number, meeting_date, president
  CHECK(G(s, "votes").tp == 2);
  CHECK(G(s, "attendees").tp == 2);
  CHECK(G(s, "pilots").tp == 2);
  CHECK(G(s, "representatives").tp == 2);
  CHECK(G(s, "contract_fields").tp == 5);
}

TEST_CASE("Groups with nothing on either side are not applicable", "[scorer]") {
  const DocumentScore s = ScoreDocument(Expected(), Expected());
  CHECK_FALSE(G(s, "transmissions").applicable());
  CHECK_FALSE(G(s, "transmissions").f1().has_value());
  CHECK_FALSE(G(s, "objectives").applicable());
}

TEST_CASE("Tolerant matching: names, civility, case, accents, codes, cut titles", "[scorer]") {
  const DocumentRecords e = Expected();
  DocumentRecords a = Expected();
  a.deliberations[0].president = "M. LEROY Jean Claude";
  a.deliberations[0].number = "n°2025-131";
  a.deliberations[0].attendees[0].name = "Monsieur Jean Claude Leroy";
  a.title = "Participation du departement aux contrats locaux de sante";
  Contract& c = a.contracts[0];
  c.title = "CONTRAT LOCAL DE SANTE DE LA COMMUNAUTE DE COMMUNES DU SUD ARTOIS";
  c.parties[0].representative = "Jean-Jacques COTTEL";
  c.parties[0].representative_title = "Président";
  c.articles[0].number = "Article 1er";
  c.articles[1].title = "**Les parties signataires**";
  c.actions[0].code = "FA 1.1";
  c.actions[0].title = "Renforcer l'attractivité pour les professionnels de santé : constat";
  c.operations[0].code = "1.1.2.";
  c.actors[0].name = "la CCSA";  // not an article the scorer drops: a miss
  const DocumentScore s = ScoreDocument(e, a);
  CHECK(G(s, "title").tp == 1);
  CHECK(G(s, "deliberation").fn == 0);
  CHECK(G(s, "attendees").fn == 0);
  CHECK(G(s, "contracts").tp == 1);
  CHECK(G(s, "representatives").fn == 0);
  CHECK(G(s, "articles").fn == 0);
  CHECK(G(s, "actions").fn == 0);
  CHECK(G(s, "operations").fn == 0);
  CHECK(G(s, "pilots").tp == 1);
  CHECK(G(s, "pilots").fn == 1);
  CHECK(G(s, "pilots").fp == 1);
}

TEST_CASE("Duplicates are false positives", "[scorer]") {
  const DocumentRecords e = Expected();
  DocumentRecords a = Expected();
  a.contracts[0].articles.push_back(a.contracts[0].articles[0]);
  a.glossary.push_back(a.glossary[1]);
  a.glossary.back().prov = {12, 3, 40, "glossary.line"};
  const DocumentScore s = ScoreDocument(e, a);
  CHECK(G(s, "articles").tp == 2);
  CHECK(G(s, "articles").fp == 1);
  CHECK(G(s, "articles").fn == 0);
  const GroupScore& g = G(s, "glossary");
  CHECK(g.tp == 2);
  CHECK(g.fp == 1);
  REQUIRE(g.spurious.size() == 1);
  REQUIRE(g.spurious[0].prov.has_value());
  CHECK(g.spurious[0].prov->page == 12);
  CHECK(g.spurious[0].prov->rule == "glossary.line");
  CHECK(*g.f1() == Approx(0.8));
}

TEST_CASE("Wrong values are one miss and one spurious item", "[scorer]") {
  const DocumentRecords e = Expected();
  DocumentRecords a = Expected();
  a.deliberations[0].votes_for = 42;
  a.deliberations[0].meeting_date = "2025-04-23";
  a.contracts[0].articles[1].number = "3";
  const DocumentScore s = ScoreDocument(e, a);
  CHECK(G(s, "votes").tp == 1);
  CHECK(G(s, "votes").fp == 1);
  CHECK(G(s, "votes").fn == 1);
  CHECK(G(s, "deliberation").fn == 1);
  CHECK(G(s, "articles").fn == 1);
  REQUIRE(G(s, "votes").missed.size() == 1);
  CHECK(G(s, "votes").missed[0].text == "votes_for: 43");
}

TEST_CASE("Nothing extracted: recall 0, precision 0", "[scorer]") {
  DocumentRecords a;
  a.doc_type = DocumentType::kOther;
  const DocumentScore s = ScoreDocument(Expected(), a);
  CHECK(G(s, "articles").fn == 2);
  CHECK(*G(s, "articles").f1() == 0.0);
  CHECK(G(s, "doc_type").fp == 1);
  CHECK(G(s, "doc_type").fn == 1);
}

TEST_CASE("Contracts are aligned before their children are compared", "[scorer]") {
  DocumentRecords e;
  e.doc_type = DocumentType::kDeliberation;
  Contract arras;
  arras.title = "CONTRAT LOCAL DE SANTÉ Communauté Urbaine d'Arras";
  arras.territory = "Communauté Urbaine d'Arras";
  arras.articles = {{"1", "Objet du contrat", "", {}}};
  Contract lens;
  lens.title = "CONTRAT LOCAL DE SANTÉ Communauté d'Agglomération de Lens-Liévin";
  lens.territory = "Communauté d'Agglomération de Lens-Liévin";
  lens.articles = {{"1", "Objet du contrat", "", {}}, {"2", "Les parties signataires", "", {}}};
  e.contracts = {arras, lens};

  DocumentRecords a = e;
  std::swap(a.contracts[0], a.contracts[1]);        // order does not matter
  a.contracts[1].title = "Contrat local de santé";  // Arras, found by its territory
  a.contracts[0].articles.pop_back();               // Lens misses article 2

  const DocumentScore s = ScoreDocument(e, a);
  CHECK(G(s, "contracts").tp == 1);  // Lens
  CHECK(G(s, "contracts").fn == 1);  // Arras' title is wrong…
  CHECK(G(s, "contracts").fp == 1);
  CHECK(G(s, "articles").tp == 2);  // …but its articles are still compared
  CHECK(G(s, "articles").fn == 1);
  CHECK(G(s, "articles").fp == 0);

  SECTION("children of an unmatched contract are all missed or spurious") {
    DocumentRecords b = e;
    b.contracts.pop_back();  // no Lens at all
    Contract other;
    other.title = "Projet territorial de santé mentale";
    other.articles = {{"1", "Objet du contrat", "", {}}};
    b.contracts.push_back(other);
    const DocumentScore t = ScoreDocument(e, b);
    CHECK(G(t, "contracts").tp == 1);
    CHECK(G(t, "contracts").fn == 1);
    CHECK(G(t, "contracts").fp == 1);
    CHECK(G(t, "articles").tp == 1);  // Arras' article 1 only
    CHECK(G(t, "articles").fn == 2);  // Lens' two
    CHECK(G(t, "articles").fp == 1);  // the other contract's
  }
}

TEST_CASE("Pilots count under their matched operation only", "[scorer]") {
  const DocumentRecords e = Expected();
  DocumentRecords a = Expected();
  // Same pilots, but attached to the action instead of the operation.
  for (Actor& p : a.contracts[0].actors) {
    p.operation_index = -1;
    p.action_index = 0;
  }
  const DocumentScore s = ScoreDocument(e, a);
  CHECK(G(s, "pilots").tp == 0);
  CHECK(G(s, "pilots").fn == 2);
  CHECK(G(s, "pilots").fp == 2);

  SECTION("unnumbered operations are told apart by title") {
    DocumentRecords e2 = Expected();
    Contract& c = e2.contracts[0];
    c.operations[0].code.reset();
    Operation second;
    second.action_index = 0;
    second.title = "Poursuivre la promotion du territoire";
    c.operations.push_back(second);
    Actor p;
    p.operation_index = 1;
    p.role = ActorRole::kPilot;
    p.name = "CCSA";
    c.actors.push_back(p);
    DocumentRecords a2 = e2;
    std::swap(a2.contracts[0].operations[0], a2.contracts[0].operations[1]);
    for (Actor& actor : a2.contracts[0].actors) actor.operation_index = 1 - actor.operation_index;
    const DocumentScore t = ScoreDocument(e2, a2);
    CHECK(G(t, "operations").tp == 2);
    CHECK(G(t, "pilots").tp == 3);
    CHECK(G(t, "pilots").fp == 0);
  }
}

TEST_CASE("Totals add counts", "[scorer]") {
  DocumentScore total = EmptyScore();
  const DocumentScore s = ScoreDocument(Expected(), Expected());
  for (size_t i = 0; i < total.groups.size(); ++i) {
    total.groups[i].Add(s.groups[i]);
    total.groups[i].Add(s.groups[i]);
  }
  CHECK(total.group("articles").tp == 4);
  CHECK(total.group("articles").missed.empty());
}

}  // namespace
}  // namespace clsdb::check
