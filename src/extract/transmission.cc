#include "extract/extract.h"

namespace clsdb {

void ExtractTransmissions(const LaidOutDocument&, const RuleSet&, DocumentRecords*) {}

}  // namespace clsdb
