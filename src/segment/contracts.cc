#include "segment/segment.h"

namespace clsdb {

std::vector<ContractSegment> FindContracts(const LaidOutDocument&, const RuleSet&) { return {}; }

}  // namespace clsdb
