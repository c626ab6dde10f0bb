#include "extract/extract.h"

namespace clsdb {

void ExtractDeliberations(const LaidOutDocument&, const Segmentation&, const RuleSet&,
                          DocumentRecords*) {}

}  // namespace clsdb
