// The records clsdb extracts from one document, as plain values.
//
// This is the in-memory shape of ../shared/spec/schema.md: extract/ fills a
// DocumentRecords, store/ writes it into SQLite in one transaction and can
// read it back, and check/ compares it with a reference annotation.  Child
// records point at their parent by index into the parent's vector (not by
// database id), so a DocumentRecords is complete without a database.
//
// Text fields hold the normalised text (markup removed, whitespace collapsed,
// accents and case kept).  Optional fields are std::nullopt when the document
// does not state them.
#ifndef CLSDB_MODEL_RECORDS_H_
#define CLSDB_MODEL_RECORDS_H_

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"  // Diagnostic, Provenance
#include "core/kinds.h"

namespace clsdb {

using OptText = std::optional<std::string>;
using OptInt = std::optional<long long>;

struct Attendee {
  std::string name;    // civility removed: "Jean-Claude LEROY"
  std::string status;  // present | excused | absent | non_voting_present |
                       // non_voting_excused
  Provenance prov;
  OptText name_canonical;  // the person's one spelling in the document (organize/people.h)
};

// A "Vu …" reference: a code and one article, or a cited deliberation.
struct LegalRef {
  OptText code;             // "Code Général des Collectivités Territoriales"
  OptText article;          // "L.3121-14"
  OptText cited_number;     // "2021-257"
  OptText cited_date;       // ISO date
  std::string text;         // the whole "Vu …" clause
  int contract_index = -1;  // the contract whose preamble cites it, or -1
  Provenance prov;
};

// A contract the act approves, and why it is thought so: rule
// "structure.annexed_contract" (the act is its document's only one, and the contract is
// annexed to it) or "structure.named_contract" (the act's text names the contract's
// territory or title); the span is what was matched.
struct ApprovedContract {
  int contract_index = -1;  // into DocumentRecords::contracts
  Provenance prov;
};

struct Deliberation {
  OptText body, number, meeting_date, title, president, secretary;
  // Their one spelling in the document (organize/people.h).
  OptText president_canonical, secretary_canonical;
  OptInt votes_for, votes_against, votes_abstention, votes_absent;
  OptText votes_text;  // the vote lines as written (groups named)
  OptText outcome;     // adopted | rejected
  OptText signed_place, signed_date;
  std::vector<Attendee> attendees;
  std::vector<LegalRef> legal_refs;
  std::vector<ApprovedContract> approves;  // extract/links.cc
  Provenance prov;
};

struct Transmission {
  std::string actes_id;  // 059-200043404-20250924-DELIB370A-DE
  OptText department, siren, decision_date, act_ref, nature;
  OptText sent_date, received_date, published_date;
  // The act the stamp belongs to (extract/links.cc), into
  // DocumentRecords::deliberations, or -1 when it cannot be told.
  int deliberation_index = -1;
  Provenance prov;
};

struct Party {
  std::string organization;
  OptText acronym, representative, representative_title, address;
  // The office a party is named by in a list named by office ("Maire" in
  // "Entre Monsieur le Maire de X, Monsieur le Préfet de Y …"): what says
  // the body's kind, kept when no person is named and the office is then no
  // representative's title.  Stored nowhere.
  OptText office;
  Provenance prov;
  int organization_index = -1;  // into Contract::organizations, or -1
  // The representative's one spelling in the document (organize/people.h).
  OptText representative_canonical;
};

struct Article {
  std::string number;
  std::string title;
  std::string body;
  Provenance prov;
};

struct Orientation {
  std::string number;  // "2", "b", "II"
  std::string title;
  Provenance prov;
};

struct Objective {
  int orientation_index = -1;  // into Contract::orientations, or -1
  std::string number;
  std::string title;
  Provenance prov;
};

struct Action {
  int orientation_index = -1;  // into Contract::orientations, or -1
  OptText code;                // "1.2" (prefix "Action", "FA" removed)
  std::string title;
  OptText description;
  Provenance prov;
};

struct Operation {
  int action_index = -1;  // into Contract::actions, or -1
  OptText code;           // "1.2.1", or nullopt for an unnumbered table row
  std::string title;
  Provenance prov;
};

// An organisation or person named for an action or an operation.
struct Actor {
  int action_index = -1;     // into Contract::actions, or -1
  int operation_index = -1;  // into Contract::operations, or -1
  ActorRole role = ActorRole::kPilot;
  std::string name;
  Provenance prov;
  int organization_index = -1;  // into Contract::organizations, or -1
};

// A body that the parties and actors of one contract name, however each
// writes it (organize/organizations.h).
struct Organization {
  std::string name;  // the fullest name the contract gives it
  OptText kind;      // K of the rule organization.kind.K that named it
  OptText acronym;
  OptText department_code;  // INSEE: "59", "2A", "974" (organize/places.h)
  OptText siren;            // from the stamp of the act the body passed
  // The same body in other contracts has the same key: its kind, its name
  // folded (OrganizationKey) and the département of the act that carries it.
  std::string match_key;
};

// A name as written that stands for one of the contract's organisations.
struct OrganizationAlias {
  int organization_index = -1;  // into Contract::organizations
  std::string name;
};

struct Indicator {
  int action_index = -1;
  int operation_index = -1;
  IndicatorKind kind = IndicatorKind::kOther;
  std::string text;
  Provenance prov;
};

struct ScheduleEntry {
  int action_index = -1;
  int operation_index = -1;
  OptInt year;
  std::string text;
  Provenance prov;
};

struct Contract {
  std::string title;
  OptText territory, territory_acronym;
  OptInt generation, period_start, period_end;
  OptText signed_place, signed_date;
  OptInt population, communes;
  std::vector<Party> parties;
  std::vector<Article> articles;
  std::vector<Orientation> orientations;
  std::vector<Objective> objectives;
  std::vector<Action> actions;
  std::vector<Operation> operations;
  std::vector<Actor> actors;
  std::vector<Indicator> indicators;
  std::vector<ScheduleEntry> schedule;
  std::vector<Organization> organizations;
  std::vector<OrganizationAlias> organization_aliases;
  // Names of a pilot cell that repeats pilots given earlier (an action
  // sheet after the synthesis table, extract/plan_builder.h): not actors,
  // but other spellings of the contract's organisations, which organize/
  // links as aliases ("CPAM HAINAUT" for the "CPAM du HAINAUT" pilot).
  std::vector<std::string> repeated_pilot_names;
  Provenance prov;
};

struct GlossaryEntry {
  std::string acronym;
  std::string expansion;
  Provenance prov;
  // The contract whose text holds the entry (extract/links.cc), into
  // DocumentRecords::contracts, or -1 outside any contract.
  int contract_index = -1;
};

struct DocumentRecords {
  DocumentType doc_type = DocumentType::kOther;
  OptText title;
  std::vector<Deliberation> deliberations;
  std::vector<Transmission> transmissions;
  std::vector<Contract> contracts;
  std::vector<GlossaryEntry> glossary;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace clsdb

#endif  // CLSDB_MODEL_RECORDS_H_
