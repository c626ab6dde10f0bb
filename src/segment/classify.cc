#include "segment/segment.h"

namespace clsdb {

std::string ClassifyDocument(const LaidOutDocument&, const RuleSet&) { return "other"; }

}  // namespace clsdb
