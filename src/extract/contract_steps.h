// The steps of ExtractContracts (extract.h), one per family of contract
// records, and the few helpers they share.  Internal to extract/.
//
// Each step reads the blocks of one contract's segment and fills its part of
// *contract; none fails: what a rule cannot find stays empty (or nullopt).
#ifndef CLSDB_EXTRACT_CONTRACT_STEPS_H_
#define CLSDB_EXTRACT_CONTRACT_STEPS_H_

#include <string>
#include <string_view>

#include "layout/layout.h"
#include "model/records.h"
#include "rules/rule_set.h"
#include "segment/segment.h"

namespace clsdb {

// The parties of the "Entre : … et …" preamble (rules "parties.*"), with the
// names the preamble leaves out taken from the signature block or from a
// table of engagements.  Appends to contract->parties.
void ExtractParties(const LaidOutDocument& doc, const ContractSegment& seg, const RuleSet& rules,
                    Contract* contract);

// The numbered articles of the body, not of the summary (rules
// "articles.*").  Appends to contract->articles.
void ExtractArticles(const LaidOutDocument& doc, const ContractSegment& seg, const RuleSet& rules,
                     Contract* contract);

// The index of the block that opens the parties' preamble ("Entre :") in the
// segment, or -1.  Everything between the title block and it is the
// contract's title page.
int FindPreambleStart(const LaidOutDocument& doc, const ContractSegment& seg, const RuleSet& rules);

// Matches a signature line ("Fait à Bapaume, le 15 novembre 2024", "Fait le
// 3 mars 2024, à Lille", "Fait à") with the "contract.signed.*" rules; *m
// gets "place" and "rest" (the date's words).
bool MatchSignedLine(const RuleSet& rules, std::string_view text, RuleMatch* m);

// The article number as the scorer and the analyst want it: "1er",
// "premier" → "1"; other numbers unchanged.
std::string NormalizeArticleNumber(std::string_view number);

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_CONTRACT_STEPS_H_
