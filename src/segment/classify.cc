// Document triage: the "doctype.*" rules of rules/doctype.rules, run as two
// RE2::Sets (the head of the document, and its whole text), then a weighted
// vote.  The marks of a kind are looked for wherever they are: a contract
// may open with pages of principles or a table of contents, and the act a
// set of minutes records may sit on its fifth page.  An RE2::Set pass is
// linear in the text, so a batch of unrelated documents is still typed at
// a cost of one scan each.
#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
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

// Types in tie-break order.
constexpr std::array<std::string_view, 5> kTypes = {"deliberation", "contract", "press_release",
                                                    "note", "other"};

int TypeIndex(std::string_view rule_name, std::string_view prefix) {
  // "doctype.head.contract.title" -> "contract"
  std::string_view rest = rule_name.substr(prefix.size());
  std::string_view type = rest.substr(0, rest.find('.'));
  for (size_t i = 0; i < kTypes.size(); ++i) {
    if (kTypes[i] == type) return static_cast<int>(i);
  }
  return -1;
}

// One scope's rules compiled into a set, with what each rule votes for.
struct ScopeMatcher {
  std::vector<const Rule*> rules;
  std::vector<std::string> patterns;  // to tell whether a cached set still fits
  std::vector<int> type;              // index into kTypes, per rule
  std::unique_ptr<RuleSetMatcher> set;
};

struct Matchers {
  ScopeMatcher head, body;
};

bool StillFits(const ScopeMatcher& m, const std::vector<const Rule*>& rules) {
  if (m.rules.size() != rules.size()) return false;
  for (size_t i = 0; i < rules.size(); ++i) {
    // Same live object with the same pattern: the cached set's pointers are
    // valid and its automaton is the one these rules would build.
    if (m.rules[i] != rules[i] || m.patterns[i] != rules[i]->pattern) return false;
  }
  return true;
}

void Build(const std::vector<const Rule*>& rules, std::string_view prefix, ScopeMatcher* m) {
  m->rules = rules;
  m->patterns.clear();
  m->type.clear();
  for (const Rule* r : rules) {
    m->patterns.push_back(r->pattern);
    m->type.push_back(TypeIndex(r->name, prefix));
  }
  m->set = std::make_unique<RuleSetMatcher>(rules);
}

// Compiling the sets costs far more than typing a document, so they are built
// once per rule set and shared by the pipeline's threads (RE2::Set::Match is
// thread-safe).
std::shared_ptr<const Matchers> GetMatchers(const RuleSet& rules) {
  static std::mutex mu;
  static std::shared_ptr<const Matchers> cached;
  std::vector<const Rule*> head = rules.WithPrefix("doctype.head.");
  std::vector<const Rule*> body = rules.WithPrefix("doctype.body.");
  std::lock_guard lock(mu);
  if (cached && StillFits(cached->head, head) && StillFits(cached->body, body)) return cached;
  auto fresh = std::make_shared<Matchers>();
  Build(head, "doctype.head.", &fresh->head);
  Build(body, "doctype.body.", &fresh->body);
  cached = fresh;
  return cached;
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

void Vote(const ScopeMatcher& m, std::string_view text, std::array<int, kTypes.size()>* score) {
  if (!m.set || !m.set->ok()) return;
  for (const Rule* hit : m.set->Matching(text)) {
    for (size_t i = 0; i < m.rules.size(); ++i) {
      if (m.rules[i] == hit && m.type[i] >= 0) (*score)[m.type[i]] += hit->priority;
    }
  }
}

}  // namespace

std::string ClassifyDocument(const LaidOutDocument& doc, const RuleSet& rules) {
  std::shared_ptr<const Matchers> matchers = GetMatchers(rules);
  std::array<int, kTypes.size()> score{};
  Vote(matchers->head, Window(doc, kHeadBlocks, kHeadBytes), &score);
  Vote(matchers->body, Window(doc, static_cast<int>(doc.blocks.size()), kBodyBytes), &score);
  size_t best = kTypes.size() - 1;  // "other"
  int best_score = kMinScore - 1;
  for (size_t i = 0; i < kTypes.size(); ++i) {
    if (score[i] > best_score) {
      best = i;
      best_score = score[i];
    }
  }
  return std::string(kTypes[best]);
}

}  // namespace clsdb
