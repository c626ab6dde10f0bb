// extract: the records of one document, from its blocks, by rules.
//
// In:  a LaidOutDocument, its Segmentation, and the rules.
// Out: a DocumentRecords (model/records.h) with provenance on every row.
//
// Each family of records has its own step (deliberation.cc, transmission.cc,
// contract_header.cc, parties.cc, articles.cc, plan.cc, glossary.cc, and
// review.cc for the diagnostics of what they found); this
// file only runs them in order.
#ifndef CLSDB_EXTRACT_EXTRACT_H_
#define CLSDB_EXTRACT_EXTRACT_H_

#include "layout/layout.h"
#include "model/records.h"
#include "rules/rule_set.h"
#include "segment/segment.h"

namespace clsdb {

DocumentRecords Extract(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules);

// The steps, each filling its part of *out.
void ExtractDeliberations(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                          DocumentRecords* out);
void ExtractTransmissions(const LaidOutDocument& doc, const RuleSet& rules, DocumentRecords* out);
// Title, territory, generation, period, signature, population; parties;
// articles.  One Contract per segment, appended to out->contracts.
void ExtractContracts(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                      DocumentRecords* out);
// Orientations, objectives, actions, operations and the action-plan tables
// (actors, indicators, schedule) of out->contracts[i], for segment i.
void ExtractPlans(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                  DocumentRecords* out);
// Each entry is attached to the contract whose segment holds it
// (GlossaryEntry::contract_index; -1 outside any contract).
void ExtractGlossary(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                     DocumentRecords* out);
// The links between the records found (links.cc): the contracts each act
// approves (Deliberation::approves) and the act each transmission stamp
// belongs to (Transmission::deliberation_index).  Only within the document.
// REQUIRES: the deliberations, transmissions and contracts are extracted.
void LinkRecords(const LaidOutDocument& doc, const Segmentation& seg, DocumentRecords* out);

// The acts ExtractDeliberations reads: seg.acts clamped to the document,
// the empty ones left out; the i-th is out->deliberations[i]'s.
std::vector<BlockRange> ReadableActs(const LaidOutDocument& doc, const Segmentation& seg);
// The index of the contract whose segment holds block, or -1.
int ContractHolding(const Segmentation& seg, int block);
// The document's own title when no earlier step set it: a contract's title
// page, an arrêté's or a note's heading, a press release's headline.
// Rules: "title.*".
void ExtractDocumentTitle(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                          DocumentRecords* out);
// What a reader would question in the records found (a contract with no
// party, an act with no vote), appended to out->diagnostics (codes in
// core/diagnostic.h); none of it makes the document partial.
void ReviewRecords(DocumentRecords* out);

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_EXTRACT_H_
