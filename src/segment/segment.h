// segment: what the document is, and where its parts are.
//
// In:  a LaidOutDocument and the rules.
// Out: a Segmentation — the document type, the range of blocks that is the
//      deliberation's act (when it is one), and the range of blocks of each
//      Contrat Local de Santé whose full text it holds.
//
// Classification looks only at the first blocks and is cheap: a batch of
// unrelated deliberations is typed and skipped at RE2::Set speed.
#ifndef CLSDB_SEGMENT_SEGMENT_H_
#define CLSDB_SEGMENT_SEGMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "layout/layout.h"
#include "rules/rule_set.h"

namespace clsdb {

// [begin, end) indexes into LaidOutDocument::blocks.
struct BlockRange {
  int begin = 0;
  int end = 0;
  bool empty() const { return begin >= end; }
};

struct ContractSegment {
  BlockRange range;      // from the contract's title page to its last annex
  int title_block = -1;  // the block holding "Contrat local de santé …"
};

struct Segmentation {
  std::string doc_type = "other";  // deliberation | contract | press_release |
                                   // note | other
  std::optional<BlockRange> act;   // deliberation: the act, up to its annexes
  std::vector<ContractSegment> contracts;
};

// Types the document from its first blocks.  Rules: "doctype.*".
std::string ClassifyDocument(const LaidOutDocument& doc, const RuleSet& rules);

// Finds the contracts a document holds in full.  A summary paragraph of a
// contract in a report is not one.  Rules: "contract.*".
std::vector<ContractSegment> FindContracts(const LaidOutDocument& doc, const RuleSet& rules);

// Both of the above, plus the act's range for a deliberation.
Segmentation Segment(const LaidOutDocument& doc, const RuleSet& rules);

}  // namespace clsdb

#endif  // CLSDB_SEGMENT_SEGMENT_H_
