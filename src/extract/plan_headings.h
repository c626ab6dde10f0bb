// plan_headings: the plan as the body of a contract writes it, one paragraph
// at a time (rules/plan.rules).
//
// In:  the contract's paragraph blocks, in reading order.
// Out: orientations, objectives, actions and operations added to a
//      PlanBuilder, and its context (current orientation, objective,
//      action) kept up to date for the tables that follow.
//
// A heading is a whole short paragraph: "Orientation 2 : …", "Axe II : …",
// "a/ …", "Objectif 1/ …", "1) …", "Action 1.2 : …", "FA 1.2 : …", "Fiche
// action n°3 : …", "1.2 …" (inside an orientation numbered 1),
// "1.2.1 : …".  Bulleted lines after "Les opérations identifiées :" are the
// current action's unnumbered operations.  An article, annex or glossary
// heading closes the context, so that a number met later is not put under
// the last orientation of the body.  Orientations are numbered by the body:
// the first title read for a number is kept (the summary list of Article 4
// before the detailed headings).  A table of contents is never read: a line
// with dot leaders and a page number, nor the short lines after "Sommaire"
// until the text proper begins (a paragraph of prose, or a line the
// contents listed, met again).
#ifndef CLSDB_EXTRACT_PLAN_HEADINGS_H_
#define CLSDB_EXTRACT_PLAN_HEADINGS_H_

#include <string>
#include <vector>

#include "extract/plan_builder.h"
#include "layout/layout.h"
#include "rules/rule_set.h"

namespace clsdb {

class PlanHeadingReader {
 public:
  // REQUIRES: rules and plan outlive the reader.
  PlanHeadingReader(const RuleSet& rules, PlanBuilder* plan);

  // Reads one paragraph block.  Returns true when it was a heading of the
  // plan (or closed the plan's context).
  bool Read(const Block& block);
  // Reads the only filled cell of a table row (a heading drawn in a box, or
  // a grid row spanning all columns: "AXE 2 : …"), given as a paragraph
  // block over the cell's bytes.  Returns true when it was a heading; then
  // the row is not read as table content.
  bool ReadCellHeading(const Block& block);

 private:
  enum class Pending { kNone, kOrientationTitle, kOperationList, kDescription };

  bool Heading(const Block& block);
  // "Pilote : A / B" or "Partenaires : …" under the current action: adds
  // them as its actors.  Returns true when the block was such a line.
  bool ActorLine(const Block& block);
  // Search(rule) && m->start == 0.
  bool Match(RuleId rule, const std::string& text, RuleMatch* m) const;
  // RuleSet::Search, asked only of the plan.* rules that occur in text: a
  // paragraph is asked for a dozen of them, and most paragraphs hold none,
  // which one pass of the family's set tells.
  bool Search(RuleId rule, const std::string& text, RuleMatch* m) const;
  Provenance Prov(const Block& block, const RuleMatch& m, const char* group) const;

  // Inside a table of contents; the folded lines it listed.
  bool InContents(const Block& block);

  const RuleSet& rules_;
  PlanBuilder* plan_;
  Pending pending_ = Pending::kNone;
  bool axis_seen_ = false;  // an axis or orientation heading was read
  bool contents_ = false;
  std::vector<std::string> contents_lines_;
  // The plan.* rules that occur in occurring_text_, the last text searched.
  mutable std::string occurring_text_;
  mutable std::vector<const Rule*> occurring_;
  mutable bool occurring_known_ = false;
};

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_PLAN_HEADINGS_H_
