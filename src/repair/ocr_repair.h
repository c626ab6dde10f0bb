// repair: OCR misreadings that change facts, fixed by the rules of
// rules/ocr.rules before segmentation and extraction read the text.
//
// In:  a LaidOutDocument and the rule set.
// Out: the same document, where the text of every page read by OCR (its page
//      text, its paragraphs, table cells and stamps) has had the "ocr.*"
//      rules applied: "Contre : O voix" reads "Contre : 0 voix", a date
//      "2l/O4/2025" reads "21/04/2025", a placeholder "X0000000%XXXXXXX"
//      reads "xxxxxxxxxxxxxxxx".  Pages from a text layer are left alone.
//
// A repair rewrites characters one for one and never changes a byte count,
// so every span into a page's text stays valid.  The capture names say what
// a repair writes (digits, placeholder; see rules/ocr.rules).
#ifndef CLSDB_REPAIR_OCR_REPAIR_H_
#define CLSDB_REPAIR_OCR_REPAIR_H_

#include <string>

#include "layout/layout.h"
#include "rules/rule_set.h"

namespace clsdb {

// Applies the ocr.* rules to text; returns how many repairs changed it.
int RepairOcrText(const RuleSet& rules, std::string* text);

// Applies them to every text of doc's OCR'd pages.
void RepairOcrPages(const RuleSet& rules, LaidOutDocument* doc);

}  // namespace clsdb

#endif  // CLSDB_REPAIR_OCR_REPAIR_H_
