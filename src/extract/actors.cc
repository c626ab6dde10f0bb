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

// The first cut of one separator rule at or after pos, outside parentheses.
Cut FirstCut(const Rule& rule, std::string_view text, size_t pos, const std::vector<int>& depth,
             const RuleSet& rules) {
  size_t at = StepBack(text, pos);
  while (at < text.size()) {
    RuleMatch m;
    if (!rules.Search(rule, text.substr(at), &m)) break;
    auto it = m.group_spans.find("sep");
    const bool has_sep = it != m.group_spans.end() && it->second.second > it->second.first;
    const size_t s = has_sep ? at + it->second.first : at + m.start;
    const size_t e = has_sep ? at + it->second.second : at + m.end;
    if (has_sep && s >= pos && s > 0 && depth[s] == 0) return {s, e};
    size_t next = StepBack(text, std::max(e, s + 1));
    at = next > at ? next : at + 1;
  }
  return {std::string_view::npos, 0};
}

// Every separator cut of the "actor.split.*" rules, left to right, none
// overlapping another: the earliest wins, the longest among equals.
std::vector<Cut> FindCuts(std::string_view text, const RuleSet& rules) {
  const std::vector<const Rule*> splitters = rules.WithPrefix("actor.split.");
  const std::vector<int> depth = ParenDepth(text);
  std::vector<Cut> cuts;
  size_t pos = 0;
  while (pos < text.size()) {
    Cut best{std::string_view::npos, 0};
    for (const Rule* rule : splitters) {
      Cut c = FirstCut(*rule, text, pos, depth, rules);
      if (c.start < best.start || (c.start == best.start && c.end > best.end)) best = c;
    }
    if (best.start == std::string_view::npos) break;
    cuts.push_back(best);
    pos = best.end;
  }
  return cuts;
}

// The text with every "actor.amount" match blanked out, byte for byte, so
// that offsets still point into the cell.
std::string BlankAmounts(std::string_view text, const RuleSet& rules) {
  std::string out(text);
  const Rule* rule = rules.Find("actor.amount");
  if (rule == nullptr) return out;
  for (const RuleMatch& m : rules.SearchAll(*rule, text)) {
    std::fill(out.begin() + m.start, out.begin() + m.end, ' ');
  }
  return out;
}

}  // namespace

std::string CleanActorName(std::string_view piece, const RuleSet& rules) {
  std::string name = CleanPlanText(piece);
  RuleMatch m;
  // A label ("Porteur : …") and then an article may lead; each is dropped.
  for (const char* rule : {"actor.label", "actor.article"}) {
    if (rules.Search(rule, name, &m) && m.start == 0 && m.end < name.size()) {
      name = CleanPlanText(std::string_view(name).substr(m.end));
    }
  }
  // What an amount left behind: "ARS ( )".
  for (size_t at; (at = name.find("( )")) != std::string::npos ||
                  (at = name.find("()")) != std::string::npos;) {
    name = CleanPlanText(name.erase(at, name[at + 1] == ')' ? 2 : 3));
  }
  // "(UFOLEP)": a name wholly in parentheses.
  if (name.size() > 2 && name.front() == '(' && name.back() == ')' &&
      std::count(name.begin(), name.end(), '(') == 1) {
    name = CleanPlanText(std::string_view(name).substr(1, name.size() - 2));
  }
  if (name.empty() || rules.Search("actor.not_a_name", name, &m)) return "";
  return name;
}

std::vector<ActorName> SplitActors(std::string_view cell, const RuleSet& rules) {
  const std::string blanked = BlankAmounts(cell, rules);
  const std::string_view text = blanked;
  std::vector<ActorName> out;
  std::vector<std::string> seen;
  auto add = [&](size_t start, size_t end) {
    std::string name = CleanActorName(text.substr(start, end - start), rules);
    if (name.empty()) return;
    std::string key = FoldForMatch(name);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(std::move(key));
    // Narrow the span to the name's own bytes when it is found as written.
    size_t at = text.substr(start, end - start).find(name);
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
