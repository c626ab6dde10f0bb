// The SCDL "Délibérations" open-data file (schema.data.gouv.fr,
// scdl/deliberations, version 2.1.5): one CSV row per deliberation act,
// comma-separated, UTF-8, a header of the schema's 17 columns in its order,
// dates as YYYY-MM-DD, a missing value as an empty cell.
//
// What clsdb fills, per act (the rest is left empty):
//   COLL_NOM          the deliberating body as the act names it
//   COLL_SIRET        a SIRET given with --siret whose SIREN is the one of
//                     the act's ACTES identifier (the NIC is in no act)
//   DELIB_ID          the act's number, else the ACTES id's act reference
//   DELIB_DATE        the meeting date, else the ACTES id's decision date
//   DELIB_MATIERE_CODE, DELIB_MATIERE_NOM
//                     the ACTES nomenclature code given with --matiere, and
//                     its name ("niveau 1/niveau 2", lower case)
//   DELIB_OBJET       the act's title (the document's, for a one-act file)
//   PREF_ID           PREF + the ACTES id's department, on 3 characters
//   PREF_DATE         "Reçu en préfecture le", when not before DELIB_DATE
//   VOTE_POUR, VOTE_CONTRE, VOTE_ABSTENTION   the counts, when stated
// Left empty: BUDGET_ANNEE, BUDGET_NOM, VOTE_EFFECTIF, VOTE_REEL, DELIB_URL.
//
// An act is matched with the ACTES stamp of its document when the document
// has one act and one stamp, or when exactly one stamp carries the act's
// meeting date; the collectivity's SIREN and department are taken from the
// document's stamps when they all agree.
#ifndef CLSDB_EXPORT_SCDL_H_
#define CLSDB_EXPORT_SCDL_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/records.h"

namespace clsdb {

inline constexpr std::array<const char*, 17> kScdlColumns = {
    "COLL_NOM",          "COLL_SIRET",    "DELIB_ID",     "DELIB_DATE", "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM", "DELIB_OBJET",   "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID",
    "PREF_DATE",         "VOTE_EFFECTIF", "VOTE_REEL",    "VOTE_POUR",  "VOTE_CONTRE",
    "VOTE_ABSTENTION",   "DELIB_URL"};
// The columns the schema requires (constraint "required").
inline constexpr std::array<const char*, 7> kScdlRequiredColumns = {
    "COLL_NOM",           "COLL_SIRET",        "DELIB_ID",   "DELIB_DATE",
    "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET"};

struct ScdlOptions {
  std::string out;  // the CSV file; empty or "-": standard output
  // COLL_SIRET by SIREN, from --siret.  REQUIRES: valid SIRETs
  // (IsValidSiret), keyed by their first 9 digits.
  std::map<std::string, std::string> siret_by_siren;
  std::string matiere_code;  // "8.2"; empty: left empty
  // Leave out the acts that miss a required value, so that the file passes
  // the schema; otherwise they are written with the value empty.
  bool only_complete = false;
};

struct ScdlReport {
  long long rows = 0;     // acts written
  long long omitted = 0;  // acts left out by only_complete
  // Acts that miss a required value, per column (written or not).
  std::map<std::string, long long> missing_required;
  long long pref_dates_dropped = 0;  // received before the decision: left empty
};

Result<ScdlReport> ExportScdlDeliberations(const std::string& db_path, const ScdlOptions& options);

// 14 digits whose Luhn sum is a multiple of 10 (INSEE's check on SIRET),
// or a SIRET of La Poste (SIREN 356000000), whose NICs follow another rule.
bool IsValidSiret(const std::string& siret);

// "domaines de compétences par thèmes/aide sociale" for "8.2": the ACTES
// nomenclature's level-1 and level-2 names, as the schema spells them.
// nullopt for a code the nomenclature does not have.
std::optional<std::string> ActesMatiereName(const std::string& code);

// The SCDL rows of one document's acts, in kScdlColumns order.  Pure: for
// ExportScdlDeliberations and its tests.
std::vector<std::array<std::string, 17>> ScdlRows(const DocumentRecords& doc,
                                                  const ScdlOptions& options, ScdlReport* report);

}  // namespace clsdb

#endif  // CLSDB_EXPORT_SCDL_H_
