#include "extract/extract.h"

namespace clsdb {

DocumentRecords Extract(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules) {
  DocumentRecords out;
  out.doc_type = seg.doc_type;
  ExtractTransmissions(doc, rules, &out);
  ExtractDeliberations(doc, seg, rules, &out);
  ExtractContracts(doc, seg, rules, &out);
  ExtractPlans(doc, seg, rules, &out);
  ExtractGlossary(doc, seg, rules, &out);
  LinkRecords(doc, seg, &out);
  ExtractDocumentTitle(doc, seg, rules, &out);
  ReviewRecords(&out);
  return out;
}

}  // namespace clsdb
