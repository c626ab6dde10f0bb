#include "extract/extract.h"

namespace clsdb {

void ExtractPlans(const LaidOutDocument&, const Segmentation&, const RuleSet&, DocumentRecords*) {}

}  // namespace clsdb
