#include "segment/segment.h"

namespace clsdb {

Segmentation Segment(const LaidOutDocument& doc, const RuleSet& rules) {
  Segmentation seg;
  seg.doc_type = ClassifyDocument(doc, rules);
  seg.contracts = FindContracts(doc, rules);
  if (seg.doc_type == "deliberation") {
    // The act runs from the start to the first contract (its annexes follow).
    int end = seg.contracts.empty() ? static_cast<int>(doc.blocks.size())
                                    : seg.contracts.front().range.begin;
    seg.act = BlockRange{0, end};
  }
  return seg;
}

}  // namespace clsdb
