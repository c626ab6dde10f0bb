// organize: which organisation each party and actor of a contract names.
//
// In:  a DocumentRecords from extract/, and the rules: organization.kind.K
//      (what kind of body a name stands for), lists/one_per_territory
//      (kinds a territory has one of) and lists/organization_generic (names
//      that stand for a kind, not for one body: "CH", "CPTS").
// Out: the same records, each contract's `organizations` filled and its
//      parties and actors linked to them (organization_index).
//
// Resolution is per contract, and uses the contract's own words first:
//   1. each party is an organisation; its acronym is an alias of it;
//   2. a glossary entry whose acronym or expansion is already an alias
//      adds the other (the "CCSA" of one contract is not another's);
//   3. an actor whose name, details in brackets or after a colon set aside
//      ("ARS (2500€/classe)"), is an alias links to that organisation; so
//      does one whose acronym in brackets abbreviates it and is an alias
//      ("Délégation … à l'orientation (DRAIO)"), one written as the
//      initials of exactly one organisation's name, in one word or two
//      ("CAHC", "URPS ML"), and one that is the first word of exactly one
//      organisation's two-word acronym ("MEM" for "MEM PA");
//   4. else its kind decides: of a kind the territory has one of, it is the
//      contract's organisation of that kind ("CD 62" and "Département" are
//      one), made from the actor's name when no party is of that kind; a
//      generic name ("CH") links only when the contract has exactly one
//      organisation of its kind; any other name of a known kind ("CH
//      Avesnes") is an organisation of its own, one per spelling once case,
//      accents, punctuation and "de/du/la" are set aside.
//   5. the names of a pilot cell that repeats pilots given earlier
//      (Contract::repeated_pilot_names) are resolved as in 3 and 4 and
//      become aliases, but never organisations of their own.
// A name of no known kind stays unlinked (-1): never guess.
#ifndef CLSDB_ORGANIZE_ORGANIZATIONS_H_
#define CLSDB_ORGANIZE_ORGANIZATIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/records.h"
#include "rules/rule_set.h"

namespace clsdb {

DocumentRecords ResolveOrganizations(DocumentRecords records, const RuleSet& rules);

// The same, reading also each contract's text (contract_texts[i]: the
// paragraphs of contract i, one per line; organize/text_names.h): its
// "Name (ACRONYM)" definitions link the name and the acronym (a new
// organisation when neither is known and the name is of a known kind), and
// the other spellings of an organisation's name (the same key, the same
// kind) become its aliases.
// So do the bare names of a kind the territory has one of that the text
// writes ("du Conseil Départemental et", "l'ARS"), when the contract has
// exactly one organisation of that kind.  A generic actor left unlinked
// ("CPTS") is the one body of its kind the text names in full, when it
// names one only and no organisation is of the kind; an organisation named
// by its kind alone ("Communauté Professionnelle Territoriale de Santé")
// takes the one fuller name the text writes for it ("… du Sud Artois").
DocumentRecords ResolveOrganizations(DocumentRecords records, const RuleSet& rules,
                                     const std::vector<std::string>& contract_texts);

// The kind a name stands for (K of the longest organization.kind.K rule
// that matches at its start), or "" for none.
std::string OrganizationKind(std::string_view name, const RuleSet& rules);

// The département of the document's acts as its ACTES stamps write it
// ("059"), when they agree on one; "" otherwise.
std::string ActsDepartment(const DocumentRecords& records);

// What two spellings of one name have in common: folded for match, with
// the articles and "de/du/des" left out ("CH de Fourmies" = "CH Fourmies").
std::string OrganizationKey(std::string_view name);

}  // namespace clsdb

#endif  // CLSDB_ORGANIZE_ORGANIZATIONS_H_
