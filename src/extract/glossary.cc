#include "extract/extract.h"

namespace clsdb {

void ExtractGlossary(const LaidOutDocument&, const Segmentation&, const RuleSet&,
                     DocumentRecords*) {}

}  // namespace clsdb
