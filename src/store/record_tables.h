// The one description of how each record of model/records.h is stored: its
// table, the columns that link it to its parents, its value columns and the
// members they hold.  The writer's INSERTs and binds (store.cc) and the
// reader's SELECTs and row reads (read_back.cc) are all derived from it, so
// a column is named here and in schema.sql.h, nowhere else in store/.
// Private to store/.
//
// A record hangs in DocumentRecords from a container (the document, a
// deliberation or a contract: the vector that holds it, `rows`); in the
// database each parent is an id column.  Links between records are indexes
// in memory (Objective::orientation_index) and ids in the database; a link
// names the member that holds the index and the parent whose rows it counts.
#ifndef CLSDB_STORE_RECORD_TABLES_H_
#define CLSDB_STORE_RECORD_TABLES_H_

#include <string>
#include <variant>
#include <vector>

#include "model/records.h"

namespace clsdb::store_internal {

// The records other records point at, and the document itself.
enum class Parent {
  kNone,
  kDocument,
  kDeliberation,
  kContract,
  kOrganization,
  kOrientation,
  kAction,
  kOperation
};
inline constexpr int kParents = 8;

// A value column and the member it holds.  A std::string member reads NULL
// back as ""; an optional one as nullopt; an int one as 0.  An enumeration
// of core/kinds.h is stored as its Name.
template <typename R>
struct Column {
  const char* name;
  std::variant<std::string R::*, OptText R::*, OptInt R::*, int R::*, ActorRole R::*,
               IndicatorKind R::*>
      member;
};

// An id column.  Without index it holds the id of the row's container (or
// of the document); with index, the id of the index-th row of parent
// (counted in the document for deliberations and contracts, in the
// contract for the others), NULL for -1 or an index out of range.
template <typename R>
struct IdColumn {
  const char* name;
  Parent parent;
  int R::*index = nullptr;
};

template <typename R>
struct RecordTable {
  const char* name;
  // Where the record's vector is.
  std::variant<std::vector<R> DocumentRecords::*, std::vector<R> Deliberation::*,
               std::vector<R> Contract::*>
      rows;
  // What other records call this one (kNone: nothing points at it).
  Parent self;
  std::vector<IdColumn<R>> ids;
  std::vector<Column<R>> columns;
  // The provenance columns page, span_start, span_end, rule follow.
  bool provenance = true;
  // "INSERT OR IGNORE" where the schema's UNIQUE drops a repeat.
  const char* insert = "INSERT";
};

// In the order they are written and read back: parents before children.
inline const RecordTable<Deliberation> kDeliberationTable{
    "deliberations",
    &DocumentRecords::deliberations,
    Parent::kDeliberation,
    {{"document_id", Parent::kDocument}},
    {{"body", &Deliberation::body},
     {"number", &Deliberation::number},
     {"meeting_date", &Deliberation::meeting_date},
     {"title", &Deliberation::title},
     {"president", &Deliberation::president},
     {"secretary", &Deliberation::secretary},
     {"president_canonical", &Deliberation::president_canonical},
     {"secretary_canonical", &Deliberation::secretary_canonical},
     {"votes_for", &Deliberation::votes_for},
     {"votes_against", &Deliberation::votes_against},
     {"votes_abstention", &Deliberation::votes_abstention},
     {"votes_absent", &Deliberation::votes_absent},
     {"votes_text", &Deliberation::votes_text},
     {"outcome", &Deliberation::outcome},
     {"signed_place", &Deliberation::signed_place},
     {"signed_date", &Deliberation::signed_date}}};

inline const RecordTable<Attendee> kAttendeeTable{"attendees",
                                                  &Deliberation::attendees,
                                                  Parent::kNone,
                                                  {{"deliberation_id", Parent::kDeliberation}},
                                                  {{"name", &Attendee::name},
                                                   {"name_canonical", &Attendee::name_canonical},
                                                   {"status", &Attendee::status}}};

inline const RecordTable<Transmission> kTransmissionTable{
    "transmissions",
    &DocumentRecords::transmissions,
    Parent::kNone,
    {{"document_id", Parent::kDocument},
     {"deliberation_id", Parent::kDeliberation, &Transmission::deliberation_index}},
    {{"actes_id", &Transmission::actes_id},
     {"department", &Transmission::department},
     {"siren", &Transmission::siren},
     {"decision_date", &Transmission::decision_date},
     {"act_ref", &Transmission::act_ref},
     {"nature", &Transmission::nature},
     {"sent_date", &Transmission::sent_date},
     {"received_date", &Transmission::received_date},
     {"published_date", &Transmission::published_date}},
    true,
    "INSERT OR IGNORE"};

inline const RecordTable<Contract> kContractTable{
    "contracts",
    &DocumentRecords::contracts,
    Parent::kContract,
    {{"document_id", Parent::kDocument}},
    {{"title", &Contract::title},
     {"territory", &Contract::territory},
     {"territory_acronym", &Contract::territory_acronym},
     {"generation", &Contract::generation},
     {"period_start", &Contract::period_start},
     {"period_end", &Contract::period_end},
     {"signed_place", &Contract::signed_place},
     {"signed_date", &Contract::signed_date},
     {"population", &Contract::population},
     {"communes", &Contract::communes}}};

inline const RecordTable<Organization> kOrganizationTable{
    "organizations",
    &Contract::organizations,
    Parent::kOrganization,
    {{"contract_id", Parent::kContract}},
    {{"name", &Organization::name},
     {"kind", &Organization::kind},
     {"acronym", &Organization::acronym},
     {"match_key", &Organization::match_key},
     {"department_code", &Organization::department_code},
     {"siren", &Organization::siren}},
    /*provenance=*/false};

inline const RecordTable<OrganizationAlias> kOrganizationAliasTable{
    "organization_aliases",
    &Contract::organization_aliases,
    Parent::kNone,
    {{"contract_id", Parent::kContract},
     {"organization_id", Parent::kOrganization, &OrganizationAlias::organization_index}},
    {{"name", &OrganizationAlias::name}},
    /*provenance=*/false};

inline const RecordTable<Party> kPartyTable{
    "parties",
    &Contract::parties,
    Parent::kNone,
    {{"contract_id", Parent::kContract},
     {"organization_id", Parent::kOrganization, &Party::organization_index}},
    {{"organization", &Party::organization},
     {"acronym", &Party::acronym},
     {"representative", &Party::representative},
     {"representative_title", &Party::representative_title},
     {"address", &Party::address},
     {"representative_canonical", &Party::representative_canonical}}};

inline const RecordTable<Article> kArticleTable{
    "articles",
    &Contract::articles,
    Parent::kNone,
    {{"contract_id", Parent::kContract}},
    {{"number", &Article::number}, {"title", &Article::title}, {"body", &Article::body}}};

inline const RecordTable<Orientation> kOrientationTable{
    "orientations",
    &Contract::orientations,
    Parent::kOrientation,
    {{"contract_id", Parent::kContract}},
    {{"number", &Orientation::number}, {"title", &Orientation::title}}};

inline const RecordTable<Objective> kObjectiveTable{
    "objectives",
    &Contract::objectives,
    Parent::kNone,
    {{"contract_id", Parent::kContract},
     {"orientation_id", Parent::kOrientation, &Objective::orientation_index}},
    {{"number", &Objective::number}, {"title", &Objective::title}}};

inline const RecordTable<Action> kActionTable{
    "actions",
    &Contract::actions,
    Parent::kAction,
    {{"contract_id", Parent::kContract},
     {"orientation_id", Parent::kOrientation, &Action::orientation_index}},
    {{"code", &Action::code}, {"title", &Action::title}, {"description", &Action::description}}};

inline const RecordTable<Operation> kOperationTable{
    "operations",
    &Contract::operations,
    Parent::kOperation,
    {{"contract_id", Parent::kContract}, {"action_id", Parent::kAction, &Operation::action_index}},
    {{"code", &Operation::code}, {"title", &Operation::title}}};

inline const RecordTable<Actor> kActorTable{
    "actors",
    &Contract::actors,
    Parent::kNone,
    {{"contract_id", Parent::kContract},
     {"action_id", Parent::kAction, &Actor::action_index},
     {"operation_id", Parent::kOperation, &Actor::operation_index},
     {"organization_id", Parent::kOrganization, &Actor::organization_index}},
    {{"role", &Actor::role}, {"name", &Actor::name}}};

// Indicators and schedule rows have no contract_id: they reach their
// contract through their operation, else their action.
inline const RecordTable<Indicator> kIndicatorTable{
    "indicators",
    &Contract::indicators,
    Parent::kNone,
    {{"action_id", Parent::kAction, &Indicator::action_index},
     {"operation_id", Parent::kOperation, &Indicator::operation_index}},
    {{"kind", &Indicator::kind}, {"text", &Indicator::text}}};

inline const RecordTable<ScheduleEntry> kScheduleTable{
    "schedule",
    &Contract::schedule,
    Parent::kNone,
    {{"action_id", Parent::kAction, &ScheduleEntry::action_index},
     {"operation_id", Parent::kOperation, &ScheduleEntry::operation_index}},
    {{"year", &ScheduleEntry::year}, {"text", &ScheduleEntry::text}}};

// A legal reference is written after the contracts its contract_index may
// name.  One without a deliberation (none is written so, but the schema
// allows it) is read back into the document's first deliberation.
inline const RecordTable<LegalRef> kLegalRefTable{
    "legal_refs",
    &Deliberation::legal_refs,
    Parent::kNone,
    {{"document_id", Parent::kDocument},
     {"deliberation_id", Parent::kDeliberation},
     {"contract_id", Parent::kContract, &LegalRef::contract_index}},
    {{"code", &LegalRef::code},
     {"article", &LegalRef::article},
     {"cited_number", &LegalRef::cited_number},
     {"cited_date", &LegalRef::cited_date},
     {"text", &LegalRef::text}}};

// Which contracts an act approves: written after the contracts, as legal
// references are.  The rule says why (model/records.h ApprovedContract).
inline const RecordTable<ApprovedContract> kDeliberationContractTable{
    "deliberation_contracts",
    &Deliberation::approves,
    Parent::kNone,
    {{"deliberation_id", Parent::kDeliberation},
     {"contract_id", Parent::kContract, &ApprovedContract::contract_index}},
    {}};

inline const RecordTable<GlossaryEntry> kGlossaryTable{
    "glossary",
    &DocumentRecords::glossary,
    Parent::kNone,
    {{"document_id", Parent::kDocument},
     {"contract_id", Parent::kContract, &GlossaryEntry::contract_index}},
    {{"acronym", &GlossaryEntry::acronym}, {"expansion", &GlossaryEntry::expansion}}};

inline const RecordTable<Diagnostic> kDiagnosticTable{"diagnostics",
                                                      &DocumentRecords::diagnostics,
                                                      Parent::kNone,
                                                      {{"document_id", Parent::kDocument}},
                                                      {{"stage", &Diagnostic::stage},
                                                       {"code", &Diagnostic::code},
                                                       {"message", &Diagnostic::message},
                                                       {"detail", &Diagnostic::detail}}};

// The table a parent's rows are in (kDeliberation, kContract only).
inline const char* ParentTable(Parent p) {
  return p == Parent::kDeliberation ? "deliberations" : "contracts";
}

// "INSERT INTO name(ids…, columns…, page, span_start, span_end, rule)
// VALUES (?1, …)": parameters in that order.
template <typename R>
std::string InsertSql(const RecordTable<R>& t) {
  std::string names, values;
  int n = 0;
  auto add = [&](const char* name) {
    const char* comma = n == 0 ? "" : ", ";
    ++n;
    names += comma + std::string(name);
    values += comma + ("?" + std::to_string(n));
  };
  for (const auto& c : t.ids) add(c.name);
  for (const auto& c : t.columns) add(c.name);
  if (t.provenance) {
    for (const char* name : {"page", "span_start", "span_end", "rule"}) add(name);
  }
  return std::string(t.insert) + " INTO " + t.name + "(" + names + ") VALUES (" + values + ")";
}

// "SELECT x.id, x.<ids…>, x.<columns…>, x.<provenance…> FROM name x …": the
// rows of one document (parameter ?1), in id order (the order they were
// written).  A row reaches its document through its document_id, else its
// container's, else (indicators, schedule) its operation's or action's
// contract.
template <typename R>
std::string SelectSql(const RecordTable<R>& t) {
  std::string sql = "SELECT x.id";
  for (const auto& c : t.ids) sql += ", x." + std::string(c.name);
  for (const auto& c : t.columns) sql += ", x." + std::string(c.name);
  if (t.provenance) sql += ", x.page, x.span_start, x.span_end, x.rule";
  sql += " FROM " + std::string(t.name) + " x";
  const IdColumn<R>* container = nullptr;
  for (const auto& c : t.ids) {
    if (c.parent == Parent::kDocument) return sql + " WHERE x.document_id = ?1 ORDER BY x.id";
    if (c.index == nullptr) container = &c;
  }
  if (container != nullptr) {
    sql += " JOIN " + std::string(ParentTable(container->parent)) + " p ON p.id = x." +
           container->name;
  } else {
    sql +=
        " LEFT JOIN actions a ON a.id = x.action_id LEFT JOIN operations o ON o.id = "
        "x.operation_id JOIN contracts p ON p.id = COALESCE(o.contract_id, a.contract_id)";
  }
  return sql + " WHERE p.document_id = ?1 ORDER BY x.id";
}

}  // namespace clsdb::store_internal

#endif  // CLSDB_STORE_RECORD_TABLES_H_
