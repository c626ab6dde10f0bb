// ExtractPlans: the plan of each contract (extract.h), read by
// plan_reader.h's ReadContractPlan over the contract's range of blocks.
#include <algorithm>

#include "extract/extract.h"
#include "extract/plan_builder.h"
#include "extract/plan_headings.h"
#include "extract/plan_reader.h"
#include "extract/plan_tables.h"

namespace clsdb {

void ReadContractPlan(const LaidOutDocument& doc, const BlockRange& range, const RuleSet& rules,
                      Contract* contract) {
  PlanBuilder plan(contract);
  PlanHeadingReader headings(rules, &plan);
  PlanTableReader tables(rules, &plan, &headings);
  const int end = std::min(range.end, static_cast<int>(doc.blocks.size()));
  for (int i = std::max(range.begin, 0); i < end; ++i) {
    const Block& block = doc.blocks[i];
    if (block.kind == Block::Kind::kTable) {
      if (block.table >= 0 && block.table < static_cast<int>(doc.tables.size())) {
        tables.Read(doc.tables[block.table]);
      }
    } else if (headings.Read(block) && plan.ctx.orientation < 0 && plan.ctx.action < 0) {
      // An article or annex heading: no table goes on past it.  Other
      // headings (an axis title between two parts of a grid) do not end it.
      tables.EndGrid();
      tables.EndSheet();
    }
  }
}

void ExtractPlans(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                  DocumentRecords* out) {
  // ExtractContracts makes one Contract per segment; should it not have,
  // the plan still has somewhere to go.
  while (out->contracts.size() < seg.contracts.size()) out->contracts.emplace_back();
  for (size_t i = 0; i < seg.contracts.size(); ++i) {
    ReadContractPlan(doc, seg.contracts[i].range, rules, &out->contracts[i]);
  }
}

}  // namespace clsdb
