// segment: what the document is, and where its parts are.
//
// In:  a LaidOutDocument and the rules.
// Out: a Segmentation — the document type, the range of blocks of each act
//      it records (and of the sitting they share), and the range of blocks
//      of each Contrat Local de Santé whose text it holds.
//
// The type is a summary of the marks found anywhere in the text (one
// RE2::Set pass, linear): a batch of unrelated deliberations is typed and
// skipped at RE2::Set speed.  Acts and contracts are found by their own
// marks, not only where the type says they should be.
#ifndef CLSDB_SEGMENT_SEGMENT_H_
#define CLSDB_SEGMENT_SEGMENT_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/kinds.h"
#include "layout/layout.h"
#include "rules/rule_set.h"

namespace clsdb {

// Paragraphs shorter than this are a line as printed: a mark inside one is
// part of a sentence, not the start of a new paragraph.  Longer ones may be
// a page or an act flattened into one line, which segmentation cuts.
inline constexpr size_t kMinRunOnBytes = 160;

// Minutes that list a numbered agenda may head each item later by its title
// alone: a title is known again by its first this many bytes (the break of
// run-on minutes, the act's range and the act's number all compare them).
inline constexpr size_t kAgendaTitleKeyBytes = 24;

// [begin, end) indexes into LaidOutDocument::blocks.
struct BlockRange {
  int begin = 0;
  int end = 0;
  bool empty() const { return begin >= end; }
};

struct ContractSegment {
  BlockRange range;      // from the contract's title page to its last annex
  int title_block = -1;  // the block holding "Contrat local de santé …"
  // No block reads as the contract's title (a fragment that opens on its
  // table of contents or a foreword): title_block is the document's first
  // block, the start of its title page, and gives no title.
  bool untitled = false;
};

struct Segmentation {
  DocumentType doc_type = DocumentType::kOther;
  // The sitting's common part when a document records several acts (minutes,
  // a register): the body, the date, the attendance that every act shares.
  // Empty when the acts carry their own.
  BlockRange sitting;
  // Each act, from its number heading to the next act (or to the first
  // contract, which is an annex).  Empty when the document holds no act.
  std::vector<BlockRange> acts;
  std::vector<ContractSegment> contracts;
};

// Cuts run-on paragraphs (a page or a whole act flattened into one line by
// a converter) before each mark that begins a paragraph in a printed act:
// the sitting, the attendance labels, the act's number, the "Vu" clauses,
// DÉCIDE, the vote, the signature.  Rules: "break.*".  Each piece keeps its
// place in the page text (a block's text is always its span of pages.text),
// so provenance still points into the stored pages; tables and paragraphs
// with no mark are left as they are.  Run it between LayOut and Segment.
LaidOutDocument BreakRunOnParagraphs(LaidOutDocument doc, const RuleSet& rules);

// Types the document: "doctype.head.*" rules in its first blocks (where a
// document says what it is), "doctype.body.*" anywhere.  Rules: "doctype.*".
DocumentType ClassifyDocument(const LaidOutDocument& doc, const RuleSet& rules);

// An item number of minutes as the parts it is compared by: "1.4" -> {1, 4},
// "3bis" -> {3}, "II" -> {2}; empty when number is none.
std::vector<int> ItemKey(std::string_view number);
// Whether item `next` comes just after `prev`: "1.5" after "1.4", "4" after
// "3", "1" after "0" (minutes that number their opening item 0), "II" after "I",
// "4" after "3bis".
bool ItemFollows(std::string_view prev, std::string_view next);

// The number that follows `number` in its series ("2022-062" after
// "2022-061", "DP2023_10" after "DP2023_09"): its last digits plus one, as
// wide; empty when it does not end with a digit.
std::string NextInSeries(const std::string& number);

// Finds the contracts a document holds in full.  A summary paragraph of a
// contract in a report is not one.  Rules: "contract.*".
std::vector<ContractSegment> FindContracts(const LaidOutDocument& doc, const RuleSet& rules);

// A document typed as a contract whose title page FindContracts did not
// confirm (a fragment, a cover of logos, a table of contents before the
// preamble) is still one contract: the whole document, titled by its first
// "Contrat local de santé" title block; failing one, an untitled contract
// when the document names a contrat local de santé (or its legal basis,
// rule contract.names_cls).  nullopt when it names none: a convention of
// another kind, which is a contract but no CLS.
std::optional<ContractSegment> WholeDocumentContract(const LaidOutDocument& doc,
                                                     const RuleSet& rules);

// The acts of [0, end): an act starts at a number heading ("Délibération
// n° …", "N° 01/03-2020 – …"; rules "delib.number.*") or at a numbered item
// of minutes ("1 Subventions associatives"; "delib.item.*") and must hold a
// decision (DÉCIDE, "après en avoir délibéré", a vote); the blocks before
// the first act are the sitting.  A deliberation with no such heading is one
// act over [0, end), and one with several headings none of which has a
// decision (a list of the sitting's deliberations) has an act per heading.
// A document of another type yields the acts whose heading is followed by
// DÉCIDE or "après en avoir délibéré".
void FindActs(const LaidOutDocument& doc, const RuleSet& rules, int end, Segmentation* seg);

// The type, the contracts and the acts.
Segmentation Segment(const LaidOutDocument& doc, const RuleSet& rules);

// Builds the rule sets (RuleSet::MatcherFor) that Segment builds for every
// document: triage's and the act headings'.  Each costs 10 to 40 ms to
// compile, more than a short document's other steps together, so a thread
// that would otherwise wait (a batch of one document on two cores) calls
// this while the document is read.  They are built in the reverse of the
// order Segment needs them, so that the two threads meet in the middle
// instead of building the same set in turn (RuleSet builds each set once;
// a thread that needs a set being built waits for it).  still_needed is
// asked before each set: false (the document was a duplicate, or is done)
// stops the building.
void PrepareSegmentation(const RuleSet& rules, const std::function<bool()>& still_needed);

}  // namespace clsdb

#endif  // CLSDB_SEGMENT_SEGMENT_H_
