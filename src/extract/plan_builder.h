// PlanBuilder: one contract's plan as the readers find it, merged.
//
// The plan is read from two kinds of places: headings in the body of the
// contract (plan_headings.cc) and action-plan tables (plan_tables.cc).  Both
// add their items here, and the builder merges them as FORMAT.md asks:
//   - an item already known is found again, not added twice: an orientation
//     by its number; an action by its code (within its orientation, since
//     codes may restart per orientation); an operation by its code within
//     its action, or an unnumbered one by its title;
//   - the body's wording wins: a title read from a heading replaces one
//     read from a table; otherwise the first title read stays;
//   - pilots sit where they are first given: a table cell gives the pilots
//     of an action or operation that has none yet, and no later cell (an
//     action sheet repeating the synthesis table) adds to them.
// It also carries the reading context (current orientation, objective,
// action) that headings set and tables use.
#ifndef CLSDB_EXTRACT_PLAN_BUILDER_H_
#define CLSDB_EXTRACT_PLAN_BUILDER_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "extract/actors.h"
#include "model/records.h"

namespace clsdb {

// Where a title was read; the lower value wins.
enum class PlanSource { kHeading = 0, kTable = 1 };

// Indexes into the contract's vectors, -1 when not known.
struct PlanContext {
  int orientation = -1;
  int objective = -1;
  int action = -1;
};

class PlanBuilder {
 public:
  // REQUIRES: contract outlives the builder.
  explicit PlanBuilder(Contract* contract);

  const Contract& contract() const { return *c_; }

  // The orientation numbered `number` ("2", "II", "b"), added if new.
  int AddOrientation(const std::string& number, const std::string& title, const Provenance& prov,
                     PlanSource source);
  int FindOrientation(const std::string& number) const;

  int AddObjective(int orientation, const std::string& number, const std::string& title,
                   const Provenance& prov, PlanSource source);

  // The action coded `code` (or titled `title` when it has no code).
  // `orientation` is where the text puts it; when `strict`, an action of the
  // same code under another orientation is a different action (codes
  // restart per orientation under headings); when not strict the
  // orientation is only a hint (a table after the last heading read) and an
  // action of that code elsewhere is the same one.
  int AddAction(int orientation, bool strict, const OptText& code, const std::string& title,
                const Provenance& prov, PlanSource source);
  // Puts an action met without its orientation under `orientation`; an
  // action already placed stays where it is.
  void PlaceAction(int action, int orientation);
  // The action of that code, as AddAction would find it, or -1.
  int FindAction(int orientation, bool strict, const std::string& code) const;

  // The operation of that action coded `code`, or an unnumbered one whose
  // title is (nearly) the same, added if new.
  int AddOperation(int action, const OptText& code, const std::string& title,
                   const Provenance& prov, PlanSource source);
  // The action's operations whose title is most like `title` (see
  // plan_text.h TitleSimilarity), or -1 when none is close.
  int FindOperationByTitle(int action, const std::string& title) const;
  std::vector<int> OperationsOf(int action) const;

  void SetDescription(int action, const std::string& text);

  // Pilots of the operation (or of the action when operation is -1).
  bool HasPilots(int action, int operation) const;
  std::vector<std::string> PilotsOf(int action, int operation) const;
  // Whether pilots were given for the target at either level: the
  // operation itself, or its action; for an action (operation -1), the
  // action itself or any of its operations.
  bool PilotsGiven(int action, int operation) const;
  // A name of a pilot cell that gives no pilots since earlier cells did
  // (Contract::repeated_pilot_names); one entry per spelling.
  void AddRepeatedPilotName(const std::string& name);
  // One actor; a name already given for that target and role is skipped.
  void AddActor(int action, int operation, ActorRole role, const std::string& name,
                const Provenance& prov);
  void AddIndicator(int action, int operation, IndicatorKind kind, const std::string& text,
                    const Provenance& prov);
  void AddSchedule(int action, int operation, OptInt year, const std::string& text,
                   const Provenance& prov);

  PlanContext ctx;

 private:
  void SetTitle(std::string* title, Provenance* prov, PlanSource* have, const std::string& text,
                const Provenance& new_prov, PlanSource source);

  // FoldTitle(title), folded once per title: finding an item by its title
  // compares it with every item's title of the action or plan.
  const std::string& Folded(const std::string& title) const;

  Contract* c_;
  std::vector<PlanSource> orientation_src_, objective_src_, action_src_, operation_src_;
  mutable std::unordered_map<std::string, std::string> folded_titles_;
  // FoldForMatch of each actor's name, by index in the contract's actors
  // (AddActor compares a new name with those of its cell's actors).
  std::vector<std::string> folded_actor_names_;
};

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_PLAN_BUILDER_H_
