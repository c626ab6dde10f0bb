// check/scorer: how close one document's extracted records are to its
// reference annotation, per field group.
//
// Each group turns both sides into items (an article is one item: number +
// title; a deliberation gives one item per stated field …) and pairs them
// one to one, best match first, with the tolerances of check/match.h.  A
// paired item is a true positive, an expected item left alone a false
// negative (missed), an extracted item left alone a false positive
// (spurious).  An item extracted twice is therefore one TP and one FP.
//
// Contract children (parties, articles, actions …) are only compared within
// a pair of contracts: contracts are first aligned by title / territory /
// acronym resemblance, and the children of a contract left without partner
// are all missed or all spurious.  Pilots likewise are compared within pairs
// of matched actions or operations.
//
// The items of each group, and how their parts compare (check/match.h):
//   doc_type         the type, exactly
//   title            the document's title (title match)
//   deliberation     one per stated field of each deliberation, "field: value"
//                    (body, title: title match; number: code; president,
//                    secretary: name; dates, outcome: exact; place: folded)
//   votes            one per stated count, "votes_for: 43"
//   attendees        name (name match) + status
//   transmissions    actes_id (folded) + sent, received, published dates
//   contracts        the title (title match)
//   contract_fields  one per stated field: territory, territory_acronym,
//                    generation, period_start, period_end, signed_place,
//                    signed_date, population, communes
//   parties          organisation (title match)
//   representatives  organisation + representative (name) + title, for each
//                    party that names one
//   articles, orientations, objectives, actions, operations
//                    number/code (code match; null = null) + title
//   pilots           name (name match), within a pair of matched actions or
//                    operations
//   glossary         acronym (folded) + expansion (title match)
//   organizations    pairs of names of one organisation, within a pair of
//                    contracts whose reference has alias sets
//                    (check/organization_score.h)
//   organization_kinds  the kind each annotated name is linked to (idem)
//
// A group with no expected and no extracted item is not applicable: its F1
// is undefined (printed '-') and it adds nothing to the totals.
//
// The macro F1 of a score is the plain mean of the F1 of its applicable
// extraction groups: every group weighs the same, however many items it has,
// so a group with few items (doc_type, title) is not drowned by actions or
// attendees.  The organisation groups score the resolution stage, not the
// extraction, and are only annotated for some documents: they are left out
// of the macro F1 (InMacro), so that it stays comparable with earlier runs.
#ifndef CLSDB_CHECK_SCORER_H_
#define CLSDB_CHECK_SCORER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/records.h"

namespace clsdb::check {

// The groups, in report order.
const std::vector<std::string>& GroupNames();
bool IsGroupName(std::string_view name);
// Whether the group counts in MacroF1: all but organizations and
// organization_kinds.
bool InMacro(std::string_view group);

// An item that found no partner, as shown by --explain.
struct UnmatchedItem {
  std::string text;                // "1.2 | Renforcer l'attractivité …"
  std::string context;             // the contract (or action/operation) it belongs to
  std::optional<Provenance> prov;  // extracted items only
};

struct GroupScore {
  std::string group;
  long long tp = 0, fp = 0, fn = 0;
  std::vector<UnmatchedItem> missed;    // from the expected side (FN)
  std::vector<UnmatchedItem> spurious;  // from the extracted side (FP)

  bool applicable() const { return tp + fp + fn > 0; }
  // 0 when the denominator is 0 (nothing extracted, or nothing expected).
  double precision() const;
  double recall() const;
  // nullopt when not applicable.
  std::optional<double> f1() const;
  // Adds the counts of other (not its items): totals over documents.
  void Add(const GroupScore& other);
};

struct DocumentScore {
  std::vector<GroupScore> groups;  // one per GroupNames(), same order
  // REQUIRES: IsGroupName(name).
  const GroupScore& group(std::string_view name) const;
};

// An empty score (all groups, zero counts): the neutral element of Add.
DocumentScore EmptyScore();

// The name the macro F1 goes by in figures files and reports.  Not a group:
// IsGroupName("macro") is false, --explain does not take it.
inline constexpr std::string_view kMacroGroup = "macro";

// The mean of the F1 of score's applicable groups; nullopt when none is.
std::optional<double> MacroF1(const DocumentScore& score);

DocumentScore ScoreDocument(const DocumentRecords& expected, const DocumentRecords& actual);
// The score of a document that is not in the database: every expected item,
// its type included, is missed.
DocumentScore ScoreMissingDocument(const DocumentRecords& expected);

// Empties every group of *score not named in groups (counts and items), so
// that it is not applicable; groups empty: keeps them all.  For a document
// that holds only part of its annotation (check/manifest.h, groups=).
void KeepGroups(const std::vector<std::string>& groups, DocumentScore* score);

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_SCORER_H_
