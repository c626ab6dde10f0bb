// Document triage: the "doctype.*" rules of rules/doctype.rules, run as two
// RE2::Sets (the head of the document, and its whole text), then a weighted
// vote.  The marks of a kind are looked for wherever they are: a contract
// may open with pages of principles or a table of contents, and the act a
// set of minutes records may sit on its fifth page.  An RE2::Set pass is
// linear in the text, so a batch of unrelated documents is still typed at
// a cost of one scan each.
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "segment/segment.h"

namespace clsdb {

namespace {

// Where a document says what it is: its first few paragraphs.
constexpr int kHeadBlocks = 12;
constexpr size_t kHeadBytes = 2000;
// The body's marks (DECIDE, a preamble, a vote) are looked for in the whole
// text, up to this size (a pathological document is typed from its start).
constexpr size_t kBodyBytes = 8 << 20;
// The least total weight that makes a type; below it the document is "other".
constexpr int kMinScore = 4;

constexpr int kTypes = static_cast<int>(DocumentType::kOther) + 1;

// "doctype.head.contract.title" -> kContract; nullopt for a rule whose name
// names no type.
std::optional<DocumentType> TypeOfRule(std::string_view rule_name, RuleFamily family) {
  std::string_view rest = rule_name.substr(Requirement(family).name.size());
  return Parse<DocumentType>(rest.substr(0, rest.find('.')));
}

// The paragraphs (and tables' text) of the first blocks, one per line.
std::string Window(const LaidOutDocument& doc, int max_blocks, size_t max_bytes) {
  std::string text;
  const int n = std::min<int>(max_blocks, static_cast<int>(doc.blocks.size()));
  for (int i = 0; i < n && text.size() < max_bytes; ++i) {
    const std::string& t = doc.blocks[i].text;
    text.append(t, 0, std::min(t.size(), max_bytes - text.size()));
    text += '\n';
  }
  return text;
}

// The marks a text about a contract shares with the contract itself: its
// name as a heading, a mention, a cover's generation line.  A page or a news
// item about a CLS is headed "Contrat Local de Santé" as the contract's cover
// is; only the contract has clauses of its own (its parties' preamble, their
// designation, its object, its contents, its legal visa).
bool NamesContractOnly(std::string_view rule_name) {
  return rule_name == "doctype.head.contract.title" ||
         rule_name == "doctype.body.contract.mention" ||
         rule_name == "doctype.head.contract.generation_cover";
}

struct Votes {
  std::array<int, kTypes> score{};
  // Whether a mark of a contract's own text (a clause, not its name) was seen.
  bool contract_clause = false;
};

// Adds the weight of every rule of the family whose mark occurs in text to
// the type it votes for.
void Vote(const RuleSet& rules, RuleFamily family, std::string_view text, Votes* votes) {
  const RuleSetMatcher& set = rules.MatcherFor(family);
  if (!set.ok()) return;
  for (const Rule* hit : set.Matching(text)) {
    const std::optional<DocumentType> type = TypeOfRule(hit->name, family);
    if (!type) continue;
    votes->score[static_cast<int>(*type)] += hit->priority;
    if (*type == DocumentType::kContract && !NamesContractOnly(hit->name)) {
      votes->contract_clause = true;
    }
  }
}

// The order that settles a tie puts the contract first, which holds where its
// marks are its own.  A text that only names a contract (its heading
// "Contrat Local de Santé", mentions) with no clause of one is about it when
// it reads as a note or a news item at least as strongly (an explainer in the
// present tense, a signing reported in the past): a page's heading, not a
// cover.  A contract's fragment that opens with its cover and a paragraph
// that explains what a CLS is stays a contract, its title outweighing it.
void DropContractWithoutClause(Votes* votes) {
  if (votes->contract_clause) return;
  int& contract = votes->score[static_cast<int>(DocumentType::kContract)];
  for (DocumentType about : {DocumentType::kNote, DocumentType::kPressRelease}) {
    if (votes->score[static_cast<int>(about)] >= std::max(contract, kMinScore)) {
      contract = 0;
      return;
    }
  }
}

}  // namespace

DocumentType ClassifyDocument(const LaidOutDocument& doc, const RuleSet& rules) {
  Votes votes;
  Vote(rules, RuleFamily::kDoctypeHead, Window(doc, kHeadBlocks, kHeadBytes), &votes);
  Vote(rules, RuleFamily::kDoctypeBody,
       Window(doc, static_cast<int>(doc.blocks.size()), kBodyBytes), &votes);
  DropContractWithoutClause(&votes);
  int best = static_cast<int>(DocumentType::kOther);
  int best_score = kMinScore - 1;
  for (int i = 0; i < kTypes; ++i) {
    if (votes.score[i] > best_score) {
      best = i;
      best_score = votes.score[i];
    }
  }
  return static_cast<DocumentType>(best);
}

}  // namespace clsdb
