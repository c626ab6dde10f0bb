#include "extract/extract.h"

namespace clsdb {

void ExtractContracts(const LaidOutDocument&, const Segmentation& seg, const RuleSet&,
                      DocumentRecords* out) {
  for (size_t i = 0; i < seg.contracts.size(); ++i) out->contracts.emplace_back();
}

}  // namespace clsdb
