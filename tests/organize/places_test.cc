// Where organisations are: the département a name or a stamp gives, and the
// SIREN of the body whose act the stamp carries.
#include "organize/places.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "organize/organizations.h"
#include "repo_rules.h"

namespace clsdb {
namespace {

using testing::RepoRules;

const std::vector<std::string>& Departements() {
  static const std::vector<std::string> list = *RepoRules().List("departements");
  return list;
}

Party PartyOf(const std::string& organization) {
  Party p;
  p.organization = organization;
  return p;
}

Transmission Stamp(const std::string& department, const std::string& siren) {
  Transmission t;
  t.actes_id = department + "-" + siren + "-20250924-DELIB370A-DE";
  t.department = department;
  t.siren = siren;
  return t;
}

// One contract with these parties, its organisations resolved, the
// document's acts passed by `body` and stamped with `stamps`.
DocumentRecords Located(const std::vector<std::string>& parties, OptText body,
                        std::vector<Transmission> stamps) {
  DocumentRecords records;
  Contract c;
  for (const std::string& name : parties) c.parties.push_back(PartyOf(name));
  records.contracts.push_back(std::move(c));
  if (body) {
    Deliberation d;
    d.body = body;
    records.deliberations.push_back(d);
  }
  records.transmissions = std::move(stamps);
  return LocateOrganizations(ResolveOrganizations(std::move(records), RepoRules()), RepoRules());
}

const Organization& Named(const DocumentRecords& records, const std::string& name) {
  for (const Organization& o : records.contracts.at(0).organizations) {
    if (o.name == name) return o;
  }
  FAIL("no organisation named " << name);
  throw;
}

TEST_CASE("the département a name ends with, by name or by code", "[organize][places]") {
  CHECK(DepartementOfName("Conseil départemental du Pas-de-Calais", Departements()) == "62");
  CHECK(DepartementOfName("Caisse d'Allocations Familiales du Pas de Calais", Departements()) ==
        "62");
  CHECK(DepartementOfName("CPAM des Vosges", Departements()) == "88");
  CHECK(DepartementOfName("DDETS de la Haute-Savoie", Departements()) == "74");
  CHECK(DepartementOfName("Préfecture de l'Aisne", Departements()) == "02");
  CHECK(DepartementOfName("Conseil départemental de La Réunion", Departements()) == "974");
  CHECK(DepartementOfName("CD 62", Departements()) == "62");
  CHECK(DepartementOfName("CD62", Departements()) == "62");
  CHECK(DepartementOfName("CD2A", Departements()) == "2A");
  // Two départements, a year, a région, no place: none.
  CHECK(DepartementOfName("Mutualité Sociale Agricole du Nord-Pas-de-Calais", Departements()) ==
        "");
  CHECK(DepartementOfName("Conseil départemental 2024", Departements()) == "");
  CHECK(DepartementOfName("Préfecture de la région Hauts-de-France", Departements()) == "");
  CHECK(DepartementOfName("CPAM du Hainaut", Departements()) == "");
  CHECK(DepartementOfName("62", Departements()) == "");
}

TEST_CASE("a list read once gives the département of each name as DepartementOfName does",
          "[organize][places]") {
  const DepartementNames names(Departements());
  for (const char* name :
       {"Conseil départemental du Pas-de-Calais", "CPAM des Vosges", "DDETS de la Haute-Savoie",
        "CD62", "CD2A", "Conseil départemental 2024", "CPAM du Hainaut", "62", ""}) {
    CAPTURE(name);
    CHECK(names.CodeOf(name) == DepartementOfName(name, Departements()));
  }
  CHECK(names.CodeOf("Conseil départemental de La Réunion") == "974");
  CHECK(names.CodeOf("Préfecture de la région Hauts-de-France") == "");
}

TEST_CASE("only kinds that serve one département take it from their name or the stamp",
          "[organize][places]") {
  const DocumentRecords records = Located(
      {"Agence régionale de santé Grand Est", "Préfecture des Vosges", "Conseil départemental",
       "Caisse primaire d'assurance maladie de la Meuse", "Centre hospitalier de Vienne",
       "Mutualité sociale agricole Lorraine", "Préfecture de la région Grand Est"},
      std::nullopt, {Stamp("088", "228800011")});
  CHECK(Named(records, "Préfecture des Vosges").department_code == "88");
  // No place in the name: the stamp's, for a Département.
  CHECK(Named(records, "Conseil départemental").department_code == "88");
  // The name wins over the stamp.
  CHECK(Named(records, "Caisse primaire d'assurance maladie de la Meuse").department_code == "55");
  // A hospital, a regional fund, a regional prefecture: none.
  CHECK_FALSE(Named(records, "Centre hospitalier de Vienne").department_code);
  CHECK_FALSE(Named(records, "Mutualité sociale agricole Lorraine").department_code);
  CHECK_FALSE(Named(records, "Préfecture de la région Grand Est").department_code);
  CHECK_FALSE(Named(records, "Agence régionale de santé Grand Est").department_code);
}

TEST_CASE("the stamp's département needs its stamps to agree", "[organize][places]") {
  const DocumentRecords records = Located({"Conseil départemental"}, std::nullopt,
                                          {Stamp("088", "228800011"), Stamp("055", "225500016")});
  CHECK_FALSE(Named(records, "Conseil départemental").department_code);
}

TEST_CASE("the stamp's SIREN goes to the body that passed the act", "[organize][places]") {
  SECTION("a commune, named by its place") {
    const DocumentRecords records = Located(
        {"Ville de Grigny", "Agence Régionale de Santé Île-de-France", "Ville de Viry"},
        std::string("Conseil Municipal de la Commune de Grigny"), {Stamp("091", "219102860")});
    CHECK(Named(records, "Ville de Grigny").siren == "219102860");
    CHECK_FALSE(Named(records, "Ville de Viry").siren);
    CHECK_FALSE(Named(records, "Agence Régionale de Santé Île-de-France").siren);
  }
  SECTION("an intercommunality written with its kind's words elsewhere") {
    const DocumentRecords records = Located(
        {"Communauté de communes du Plateau de Lannemezan", "Préfecture des Hautes-Pyrénées"},
        std::string("Conseil Communautaire du Plateau de LANNEMEZAN"), {Stamp("065", "200070787")});
    CHECK(Named(records, "Communauté de communes du Plateau de Lannemezan").siren == "200070787");
  }
  SECTION("the Département, through its commission") {
    const DocumentRecords records =
        Located({"Département du Pas-de-Calais", "Ville de Calais"},
                std::string("Commission Permanente du Conseil départemental du Pas-de-Calais"),
                {Stamp("062", "226200012")});
    CHECK(Named(records, "Département du Pas-de-Calais").siren == "226200012");
    CHECK_FALSE(Named(records, "Ville de Calais").siren);
  }
  SECTION("another département's Département does not get it") {
    const DocumentRecords records =
        Located({"Département du Nord"},
                std::string("Commission Permanente du Conseil départemental du Pas-de-Calais"),
                {Stamp("062", "226200012")});
    CHECK_FALSE(Named(records, "Département du Nord").siren);
  }
  SECTION("no body, two SIRENs, or a body no party is: nobody") {
    CHECK_FALSE(Named(Located({"Ville de Grigny"}, std::nullopt, {Stamp("091", "219102860")}),
                      "Ville de Grigny")
                    .siren);
    CHECK_FALSE(
        Named(Located({"Ville de Grigny"}, std::string("Conseil Municipal de la Commune de Grigny"),
                      {Stamp("091", "219102860"), Stamp("091", "219102861")}),
              "Ville de Grigny")
            .siren);
    CHECK_FALSE(Named(Located({"Ville de Grigny"},
                              std::string("Conseil Municipal de la Commune de Viry-Châtillon"),
                              {Stamp("091", "219106879")}),
                      "Ville de Grigny")
                    .siren);
  }
}

}  // namespace
}  // namespace clsdb
