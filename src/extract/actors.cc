#include "extract/actors.h"

#include <algorithm>

#include "extract/plan_text.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

struct Cut {
  size_t start = 0, end = 0;  // the separator's bytes
};

// Parenthesis depth at each byte: separators inside "( … )" are not cut.
std::vector<int> ParenDepth(std::string_view text) {
  std::vector<int> depth(text.size() + 1, 0);
  int d = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    depth[i] = d;
    if (text[i] == '(') ++d;
    if (text[i] == ')' && d > 0) --d;
  }
  depth[text.size()] = d;
  return depth;
}

// The start of the character before byte pos (or 0): a separator rule may
// need one character of left context (the capital before an acronym dash).
size_t StepBack(std::string_view text, size_t pos) {
  if (pos == 0) return 0;
  --pos;
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// The bytes no separator may cut: the spans of the "actor.keep.*" rules
// (an amount "8000 et 10000€ / an", a separator between two common nouns
// "famille / jeunesse"), their group `keep` when they have one.
std::vector<bool> KeptBytes(std::string_view text, const RuleSet& rules) {
  std::vector<bool> kept(text.size() + 1, false);
  for (const Rule* rule : rules.Family(RuleFamily::kActorKeep)) {
    // Matches may share their context ("famille / jeunesse ou santé"):
    // the next search starts one character after the last match's start.
    RuleMatch m;
    for (size_t at = 0; at < text.size() && rules.Search(*rule, text.substr(at), &m);) {
      auto it = m.group_spans.find("keep");
      const bool has_keep = it != m.group_spans.end() && it->second.second > it->second.first;
      const size_t s = at + (has_keep ? it->second.first : m.start);
      const size_t e = at + (has_keep ? it->second.second : m.end);
      std::fill(kept.begin() + s, kept.begin() + e, true);
      at += m.start + 1;
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
  }
  return kept;
}

// The first cut of one separator rule at or after pos, outside parentheses
// and kept spans.
Cut FirstCut(const Rule& rule, std::string_view text, size_t pos, const std::vector<int>& depth,
             const std::vector<bool>& kept, const RuleSet& rules) {
  size_t at = StepBack(text, pos);
  while (at < text.size()) {
    RuleMatch m;
    if (!rules.Search(rule, text.substr(at), &m)) break;
    auto it = m.group_spans.find("sep");
    const bool has_sep = it != m.group_spans.end() && it->second.second > it->second.first;
    const size_t s = has_sep ? at + it->second.first : at + m.start;
    const size_t e = has_sep ? at + it->second.second : at + m.end;
    if (has_sep && s >= pos && s > 0 && depth[s] == 0 && !kept[s]) return {s, e};
    size_t next = StepBack(text, std::max(e, s + 1));
    at = next > at ? next : at + 1;
  }
  return {std::string_view::npos, 0};
}

// Every separator cut of the "actor.split.*" rules, left to right, none
// overlapping another: the earliest wins, the longest among equals.  Each
// rule's first cut is kept until a chosen cut passes its start: a rule is
// searched again only then, not once per cut of any rule (a cell of n
// names costs each rule about one search per own cut, not n searches).
std::vector<Cut> FindCuts(std::string_view text, const RuleSet& rules) {
  const std::vector<const Rule*>& splitters = rules.Family(RuleFamily::kActorSplit);
  const std::vector<int> depth = ParenDepth(text);
  const std::vector<bool> kept = KeptBytes(text, rules);
  std::vector<Cut> cuts;
  std::vector<Cut> next(splitters.size());
  std::vector<bool> known(splitters.size(), false);
  size_t pos = 0;
  while (pos < text.size()) {
    Cut best{std::string_view::npos, 0};
    for (size_t r = 0; r < splitters.size(); ++r) {
      // A rule with no cut left has none after a later position either.
      if (!known[r] || (next[r].start != std::string_view::npos && next[r].start < pos)) {
        next[r] = FirstCut(*splitters[r], text, pos, depth, kept, rules);
        known[r] = true;
      }
      const Cut& c = next[r];
      if (c.start < best.start || (c.start == best.start && c.end > best.end)) best = c;
    }
    if (best.start == std::string_view::npos) break;
    cuts.push_back(best);
    pos = best.end;
  }
  return cuts;
}

}  // namespace

std::string CleanActorName(std::string_view piece, const RuleSet& rules) {
  std::string name = CleanPlanText(piece);
  RuleMatch m;
  // A label ("Porteur : …") and then an article may lead; each is dropped.
  for (RuleId rule : {RuleId::kActorLabel, RuleId::kActorArticle}) {
    if (rules.Search(rule, name, &m) && m.start == 0 && m.end < name.size()) {
      name = CleanPlanText(std::string_view(name).substr(m.end));
    }
  }
  // "(UFOLEP)": a name wholly in parentheses.
  if (name.size() > 2 && name.front() == '(' && name.back() == ')' &&
      std::count(name.begin(), name.end(), '(') == 1) {
    name = CleanPlanText(std::string_view(name).substr(1, name.size() - 2));
  }
  if (name.empty() || rules.Search(RuleId::kActorNotAName, name, &m)) return "";
  return name;
}

std::vector<ActorName> SplitActors(std::string_view text, const RuleSet& rules) {
  std::vector<ActorName> out;
  std::vector<std::string> seen;
  // "Les CH Avesnes, de Fourmies": the head of the name before ("CH")
  // is shared by a piece that is only its complement ("de Fourmies").  Each
  // pair of rules "actor.shared_head.<kind>.head" / ".tail" is one way of
  // writing it.
  // The pairs are found within the family (a handful of rules), not by
  // looking names up in the whole set.
  std::vector<std::pair<const Rule*, const Rule*>> shared_heads;
  const std::vector<const Rule*>& family = rules.Family(RuleFamily::kActorSharedHead);
  constexpr std::string_view kHead = ".head", kTail = ".tail";
  for (const Rule* rule : family) {
    const std::string_view name = rule->name;
    if (name.size() <= kHead.size() || !name.ends_with(kHead)) continue;
    const std::string_view kind = name.substr(0, name.size() - kHead.size());
    for (const Rule* tail : family) {
      const std::string_view tail_name = tail->name;
      if (tail_name.size() == name.size() && tail_name.starts_with(kind) &&
          tail_name.ends_with(kTail)) {
        shared_heads.emplace_back(rule, tail);
        break;
      }
    }
  }
  std::string head;
  const Rule* head_tail = nullptr;  // the tail rule of the head's kind
  auto add = [&](size_t start, size_t end) {
    const std::string_view piece = text.substr(start, end - start);
    RuleMatch m;
    std::string name;
    if (head_tail != nullptr && rules.Search(*head_tail, piece, &m) && m.start == 0) {
      name = head + " " + CleanPlanText(piece);
    } else {
      name = CleanActorName(piece, rules);
      head.clear();
      head_tail = nullptr;
      for (const auto& [head_rule, tail_rule] : shared_heads) {
        if (rules.Search(*head_rule, name, &m) && m.start == 0) {
          head = m.Get("head");
          head_tail = tail_rule;
          break;
        }
      }
    }
    if (name.empty()) return;
    std::string key = FoldForMatch(name);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(std::move(key));
    // Narrow the span to the name's own bytes when it is found as written.
    size_t at = piece.find(name);
    if (at != std::string_view::npos) {
      start += at;
      end = start + name.size();
    }
    out.push_back({std::move(name), start, end});
  };
  size_t start = 0;
  for (const Cut& cut : FindCuts(text, rules)) {
    add(start, cut.start);
    start = cut.end;
  }
  add(start, text.size());
  return out;
}

}  // namespace clsdb
