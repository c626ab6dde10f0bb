// One contract's action plan as the Excel file that Territoires en
// Transitions imports as a plan (incubateur-ademe/territoires-en-transitions,
// apps/backend/src/plans/fiches/import/parsers/excel-parser.ts): the sheet
// whose cell A2 is "Axe (x)", the 27 column labels of row 2 in the
// platform's order, and one "fiche action" per row from row 4.
//
// What clsdb fills, per action of the contract:
//   Axe (x)                   its orientation ("2. Prévention"), if any
//   Titre de la fiche action  its title ("Action 1.2" when it has none)
//   Descriptif                its description, then one "- code title" line
//                             per operation
//   Structure pilote          pilots of the action and its operations
//   Partenaires               partners, likewise
//   Financements              funders, likewise
//   Date de début, Date de fin  1 January of the first year and 31 December
//                             of the last year of its calendar (its
//                             operations' too); the contract's period when
//                             it has no dated calendar
// Names in a list are separated by ", " as the platform splits them.  The
// other columns are left empty: clsdb does not read them.
#ifndef CLSDB_EXPORT_TET_PLAN_H_
#define CLSDB_EXPORT_TET_PLAN_H_

#include <array>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/records.h"

namespace clsdb {

// Row 2 of the sheet, in order.
inline constexpr std::array<const char*, 27> kTetColumns = {
    "Axe (x)",
    "Sous-axe (x.x)",
    "Sous-sous axe (x.x.x)",
    "Titre de la fiche action",
    "Descriptif",
    "Instances de gouvernance",
    "Objectifs",
    "Indicateurs liés",
    "Structure pilote",
    "Moyens humains et techniques",
    "Partenaires",
    "Direction ou service pilote",
    "Personne pilote",
    "Élu·e référent·e",
    "Participation Citoyenne",
    "Financements",
    "Financeur 1",
    "Montant € HT",
    "Financeur 2",
    "Montant € HT",
    "Financeur 3",
    "Montant € HT",
    "Budget prévisionnel total € HT",
    "Statut",
    "Niveau de priorité",
    "Date de début",
    "Date de fin",
};
// The row (1-based, as Excel numbers them) of the labels and of the first
// fiche; the platform skips the rows before.
inline constexpr int kTetHeaderRow = 2;
inline constexpr int kTetFirstDataRow = 4;

struct TetFiche {
  std::string axis, title, description, pilots, partners, funders;
  std::string start_date, end_date;  // YYYY-MM-DD, or empty
};

// The fiches of a contract, one per action, in the contract's order.
std::vector<TetFiche> TetFiches(const Contract& contract);

struct TetPlanReport {
  std::string contract_title;
  int fiches = 0;
};

// Writes the plan of the contract with database id contract_id to out.
// Errors: NotFound (no database, no such contract), IOError (out).
Result<TetPlanReport> ExportTetPlan(const std::string& db_path, long long contract_id,
                                    const std::string& out);

}  // namespace clsdb

#endif  // CLSDB_EXPORT_TET_PLAN_H_
