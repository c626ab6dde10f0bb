// check/organization_score: how well one contract's names are resolved to
// organisations (organize/organizations.h), against its annotated alias sets
// (corpus/expected/ORGANIZATIONS.md, read by check/annotation.h).
//
// A name is compared by its match key with a leading article left out
// ("l'ARS" = "ARS"; NameOf).  The annotation gives the names N of the
// contract (its organisations' names and its not_organizations); only names
// in N are scored, the database's other names are the annotation's silence.
//
//   organizations       items are unordered pairs of distinct names of N.
//                       Expected pairs: both names in one annotated
//                       organisation.  Extracted pairs: both names written
//                       in the database (a party's organisation or acronym,
//                       an actor's name, an organization_aliases name) for
//                       one organisation of the contract.  A pair in both is
//                       a TP, expected only a FN (a split, or a name the
//                       database does not hold or leaves unlinked), extracted
//                       only a FP (a wrong merge, or a not_organizations
//                       name linked).  Precision and recall are over pairs.
//   organization_kinds  items are names of N that the database holds: an
//                       annotated name with a kind is a TP when the database
//                       links it to an organisation of that kind, else a FN
//                       (and also a FP when linked to another kind); a name
//                       without a kind, or a not_organizations name, linked
//                       to an organisation with a kind is a FP.
//
// A contract whose reference has no alias sets is not scored (both groups
// stay empty): only annotated contracts count.
#ifndef CLSDB_CHECK_ORGANIZATION_SCORE_H_
#define CLSDB_CHECK_ORGANIZATION_SCORE_H_

#include <string>
#include <string_view>

#include "check/scorer.h"
#include "model/records.h"

namespace clsdb::check {

// What two spellings of one name have in common here: MatchKey without a
// leading article (le, la, les, l').
std::string NameOf(std::string_view name);

// Adds the scores of one pair of contracts (reference, extracted; actual may
// be null: a reference contract that was not found) to pairs and kinds.
void ScoreOrganizations(const Contract& expected, const Contract* actual, GroupScore* pairs,
                        GroupScore* kinds);

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_ORGANIZATION_SCORE_H_
