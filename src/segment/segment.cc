#include "segment/segment.h"

namespace clsdb {

Segmentation Segment(const LaidOutDocument& doc, const RuleSet& rules) {
  Segmentation seg;
  seg.doc_type = ClassifyDocument(doc, rules);
  seg.contracts = FindContracts(doc, rules);
  if (seg.contracts.empty() && seg.doc_type == DocumentType::kContract) {
    if (auto whole = WholeDocumentContract(doc, rules)) seg.contracts.push_back(*whole);
  }
  // The acts come before the contracts they approve (annexes follow).
  const int end = seg.contracts.empty() ? static_cast<int>(doc.blocks.size())
                                        : seg.contracts.front().range.begin;
  FindActs(doc, rules, end, &seg);
  return seg;
}

void PrepareSegmentation(const RuleSet& rules, const std::function<bool()>& still_needed) {
  // FindActs reads candidate sets, ClassifyDocument exact ones.
  for (RuleFamily family : {RuleFamily::kDelibItem, RuleFamily::kDelibNumber}) {
    if (!still_needed()) return;
    rules.CandidatesFor(family).Prepare();
  }
  for (RuleFamily family : {RuleFamily::kDoctypeBody, RuleFamily::kDoctypeHead}) {
    if (!still_needed()) return;
    rules.MatcherFor(family).Prepare();
  }
}

}  // namespace clsdb
