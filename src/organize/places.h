// organize/places: where each organisation of a contract is, and which one
// transmitted the document's acts.
//
// In:  a DocumentRecords whose contracts' organisations are resolved
//      (organize/organizations.h), and the lists of rules/lists/:
//      departements ("59 = Nord"), departmental_kinds, departement_from_stamp
//      and councils ("conseil municipal = commune").
// Out: the same records, Organization::department_code and
//      Organization::siren set where the documents say them:
//   - department_code: for a kind of departmental_kinds, the département
//     its name ends with, by name after "de/du/des/de la/de l'" ("CPAM des
//     Vosges": 88) or by code ("CD 62", "CD62": 62); else, for a kind of
//     departement_from_stamp, the département of the document's
//     transmission stamps when they agree on one (059 → 59).  Towns,
//     intercommunalities and hospitals get none: "Centre hospitalier de
//     Vienne" is not in the Vienne.
//   - siren: the stamp's SIREN (its second part) is the body that passed
//     the act.  When every stamp of the document gives the same SIREN and
//     every act the same body, the organisation that body names gets it:
//     the body's assembly (councils.list) gives its kind; of a kind the
//     territory has one of, the contract's one organisation of that kind
//     whose département, if known, is the stamp's; of another kind, the
//     one organisation of that kind whose name, without its kind's words
//     ("commune", "communauté de communes", "agglomération"…), is the
//     body's ("Conseil municipal de la commune de Grigny" and "Ville de
//     Grigny").  Anything less certain leaves it NULL: never guess.
#ifndef CLSDB_ORGANIZE_PLACES_H_
#define CLSDB_ORGANIZE_PLACES_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/records.h"
#include "rules/rule_set.h"

namespace clsdb {

DocumentRecords LocateOrganizations(DocumentRecords records, const RuleSet& rules);

// The INSEE code of the département a name ends with ("Conseil
// départemental du Pas-de-Calais": "62"; "CD62": "62"), or "" for none.
// `departements` holds entries of rules/lists/departements.list.
std::string DepartementOfName(std::string_view name, const std::vector<std::string>& departements);

// An entry of a "KEY = value" list of rules/lists/: the side that is looked
// for, as folded words, and the side that it gives, as written.
struct PlaceListEntry {
  std::string code;
  std::vector<std::string> words;
};

// DepartementOfName over a list read once: for a caller that asks for many
// names (reading the list folds each of its hundred names).
class DepartementNames {
 public:
  explicit DepartementNames(const std::vector<std::string>& departements);
  // The same answer as DepartementOfName(name, departements).
  std::string CodeOf(std::string_view name) const;

 private:
  std::vector<PlaceListEntry> entries_;
};

}  // namespace clsdb

#endif  // CLSDB_ORGANIZE_PLACES_H_
