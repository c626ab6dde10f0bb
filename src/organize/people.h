// organize/people: one spelling per person.
//
// In:  a DocumentRecords whose parties name their representatives as
//      written.
// Out: the same records, each representative's canonical spelling set
//      (Party::representative_canonical, stored as
//      parties.representative_canonical).
//
// The contracts of one document (a deliberation with eight contracts
// annexed) are written by several hands, and one person is spelled several
// ways: "Blandine GOHIER BURGER", "Blandine Gohier Burger", "Blandine
// GOHIER-BURGER".  Two spellings are one person when their PersonKey is the
// same.  The canonical spelling of a person is the one the document writes
// most often among its contracts' representatives; on a tie, the first
// written.  So within a contract, and across the contracts of a document,
// a person has one spelling; the spelling as written stays in
// `representative`.
#ifndef CLSDB_ORGANIZE_PEOPLE_H_
#define CLSDB_ORGANIZE_PEOPLE_H_

#include <string>
#include <string_view>

#include "model/records.h"

namespace clsdb {

// What the spellings of one person's name have in common: folded for match
// (case and accents set aside), without spaces, hyphens or apostrophes.
std::string PersonKey(std::string_view name);

DocumentRecords ChoosePersonSpellings(DocumentRecords records);

}  // namespace clsdb

#endif  // CLSDB_ORGANIZE_PEOPLE_H_
