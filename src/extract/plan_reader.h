// plan_reader: the plan of one contract, from its blocks.
//
// Reads the blocks of `range` in order: paragraphs through
// PlanHeadingReader (plan_headings.h), tables through PlanTableReader
// (plan_tables.h), both adding to one PlanBuilder (plan_builder.h) so that
// the body's headings and the annex tables merge into one plan.  Fills the
// contract's orientations, objectives, actions, operations, actors,
// indicators and schedule; leaves its other fields alone.
#ifndef CLSDB_EXTRACT_PLAN_READER_H_
#define CLSDB_EXTRACT_PLAN_READER_H_

#include "layout/layout.h"
#include "model/records.h"
#include "rules/rule_set.h"
#include "segment/segment.h"

namespace clsdb {

void ReadContractPlan(const LaidOutDocument& doc, const BlockRange& range, const RuleSet& rules,
                      Contract* contract);

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_PLAN_READER_H_
