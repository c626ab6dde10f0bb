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

// Adds the weight of every rule of the family whose mark occurs in text to
// the type it votes for.
void Vote(const RuleSet& rules, RuleFamily family, std::string_view text,
          std::array<int, kTypes>* score) {
  const RuleSetMatcher& set = rules.MatcherFor(family);
  if (!set.ok()) return;
  for (const Rule* hit : set.Matching(text)) {
    const std::optional<DocumentType> type = TypeOfRule(hit->name, family);
    if (type) (*score)[static_cast<int>(*type)] += hit->priority;
  }
}

}  // namespace

DocumentType ClassifyDocument(const LaidOutDocument& doc, const RuleSet& rules) {
  std::array<int, kTypes> score{};
  Vote(rules, RuleFamily::kDoctypeHead, Window(doc, kHeadBlocks, kHeadBytes), &score);
  Vote(rules, RuleFamily::kDoctypeBody,
       Window(doc, static_cast<int>(doc.blocks.size()), kBodyBytes), &score);
  int best = static_cast<int>(DocumentType::kOther);
  int best_score = kMinScore - 1;
  for (int i = 0; i < kTypes; ++i) {
    if (score[i] > best_score) {
      best = i;
      best_score = score[i];
    }
  }
  return static_cast<DocumentType>(best);
}

}  // namespace clsdb
