// organize/people: one spelling per person.
//
// In:  a DocumentRecords whose parties name their representatives, and
//      whose acts their presidents, secretaries and attendees, as written.
// Out: the same records, each of those names' canonical spelling set
//      (Party::representative_canonical, Deliberation::president_canonical
//      and secretary_canonical, Attendee::name_canonical).
//
// One person is spelled several ways in one document: by the several hands
// of its annexed contracts ("Blandine GOHIER BURGER", "Blandine Gohier
// Burger", "Blandine GOHIER-BURGER"), and by minutes that list members
// surname first ("JUMEL Sébastien") and name the president first name
// first ("Sébastien JUMEL").  Two spellings are one person when their
// PersonKey is the same.  The canonical spelling of a person is the one the
// document writes most often among all those names; on a tie, the first
// written.  The spelling as written stays where it was.
//
// Two people whose names are the same words in another order ("Paul
// MARTIN", "Martin PAUL") would be one: in one document, a risk taken for
// the orders every list mixes.
#ifndef CLSDB_ORGANIZE_PEOPLE_H_
#define CLSDB_ORGANIZE_PEOPLE_H_

#include <string>
#include <string_view>

#include "model/records.h"

namespace clsdb {

// What the spellings of one person's name have in common: its words folded
// for match (case and accents set aside; hyphens split, apostrophes join),
// in alphabetical order, without spaces.
std::string PersonKey(std::string_view name);

DocumentRecords ChoosePersonSpellings(DocumentRecords records);

}  // namespace clsdb

#endif  // CLSDB_ORGANIZE_PEOPLE_H_
