// Run-on paragraphs cut at the marks of rules/breaks.rules.
#include <algorithm>
#include <string_view>

#include "segment/segment.h"

namespace clsdb {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// The offsets in text where a mark begins, sorted, without 0.
std::vector<size_t> BreakPoints(std::string_view text, const RuleSetMatcher& marks,
                                const RuleSet& rules) {
  std::vector<size_t> at;
  // One pass tells which marks occur; only those are looked for one by one.
  for (const Rule* rule : marks.Matching(text)) {
    for (const RuleMatch& m : rules.SearchAll(*rule, text)) {
      const auto group = m.group_spans.find("at");
      const size_t pos = group != m.group_spans.end() ? group->second.first : m.start;
      if (pos > 0 && pos < text.size()) at.push_back(pos);
    }
  }
  std::sort(at.begin(), at.end());
  at.erase(std::unique(at.begin(), at.end()), at.end());
  return at;
}

// Appends text[begin, end) of block as a paragraph of its own, trimmed.
void AddPiece(const Block& block, size_t begin, size_t end, std::vector<Block>* out) {
  const std::string& text = block.text;
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  if (begin == end) return;
  Block piece = block;
  piece.text = text.substr(begin, end - begin);
  piece.span.start = block.span.start + static_cast<int>(begin);
  piece.span.end = block.span.start + static_cast<int>(end);
  piece.bullet = block.bullet && begin == 0;
  out->push_back(std::move(piece));
}

// A numbered item of run-on minutes: "4) ANNULATION …", "1.2 Modification …".
struct ItemMark {
  size_t block, pos;
  int major, minor;  // minor: 0 when the number has no second part
};

// Whether b follows a in a numbering: 3 after 2, 1.3 after 1.2, 2.1 after 1.x.
bool Follows(const ItemMark& a, const ItemMark& b) {
  if (a.minor == 0 && b.minor == 0) return b.major == a.major + 1;
  if (a.minor > 0 && b.minor > 0) {
    return (b.major == a.major && b.minor == a.minor + 1) ||
           (b.major == a.major + 1 && b.minor == 1);
  }
  return false;
}

// The items of the document's numbered runs (1, 2, 3 … or 1.1, 1.2 …) of at
// least kMinItemRun items, where run-on paragraphs are cut.  An item number
// alone in a sentence ("… à 2 reprises") starts no run, so prose is left
// as it is.
constexpr size_t kMinItemRun = 3;

bool IsRunOn(const Block& b) {
  return b.kind == Block::Kind::kParagraph && b.text.size() >= kMinRunOnBytes;
}

// Marks are looked for in run-on paragraphs only: a short paragraph is a
// line as printed, which a run neither needs to cut nor to count.
std::vector<ItemMark> ItemRuns(const std::vector<Block>& blocks, const RuleSet& rules) {
  // Only minutes: a contract's numbered parts, cut, would push its preamble
  // away from its title.
  const Rule& minutes = rules.Get(RuleId::kItemRunMinutes);
  if (std::none_of(blocks.begin(), blocks.end(), [&](const Block& b) {
        return IsRunOn(b) && rules.Search(minutes, b.text, nullptr);
      })) {
    return {};
  }
  const Rule& item = rules.Get(RuleId::kItemRunMark);
  std::vector<ItemMark> marks;
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (!IsRunOn(blocks[b])) continue;
    for (const RuleMatch& m : rules.SearchAll(item, blocks[b].text)) {
      const std::string& minor = m.Get("minor");
      marks.push_back({b, m.group_spans.at("at").first, std::stoi(m.Get("major")),
                       minor.empty() ? 0 : std::stoi(minor)});
    }
  }
  // Chains, each extended by a mark that follows its last one.  A mark may
  // follow the last marks of several chains: a section's number ("1 -
  // RESSOURCES INTERNES") and its first item ("Point n°1 Débat …") both read
  // 1, and "Point n°2" goes on from both.  It extends each of them, so that
  // both the section and the item are cut.  Copies stop at kMaxChains, so
  // that a text of repeated numbers cannot make them grow without bound.
  constexpr size_t kMaxChains = 256;
  std::vector<std::vector<size_t>> chains;
  for (size_t k = 0; k < marks.size(); ++k) {
    const size_t count = chains.size();
    bool extended = false;
    for (size_t c = 0; c < count; ++c) {
      if (!Follows(marks[chains[c].back()], marks[k])) continue;
      if (!extended) {
        chains[c].push_back(k);
      } else if (chains.size() < kMaxChains) {
        std::vector<size_t> copy(chains[c]);
        copy.push_back(k);
        chains.push_back(std::move(copy));
      }
      extended = true;
    }
    if (!extended) chains.push_back({k});
  }
  std::vector<ItemMark> out;
  for (const auto& chain : chains) {
    if (chain.size() < kMinItemRun) continue;
    for (size_t k : chain) out.push_back(marks[k]);
  }
  return out;
}

}  // namespace

LaidOutDocument BreakRunOnParagraphs(LaidOutDocument doc, const RuleSet& rules) {
  // No paragraph long enough to be cut: the set of break marks, whose
  // compilation costs more than the whole of a short document's other
  // steps, is not built.
  if (std::none_of(doc.blocks.begin(), doc.blocks.end(), IsRunOn)) return doc;
  const RuleSetMatcher& marks = rules.MatcherFor(RuleFamily::kBreak);
  if (!marks.ok()) return doc;
  const std::vector<ItemMark> items = ItemRuns(doc.blocks, rules);
  std::vector<Block> blocks;
  blocks.reserve(doc.blocks.size());
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    Block& block = doc.blocks[b];
    if (!IsRunOn(block)) {
      blocks.push_back(std::move(block));
      continue;
    }
    std::vector<size_t> at = BreakPoints(block.text, marks, rules);
    for (const ItemMark& item : items) {
      if (item.block == b && item.pos > 0) at.push_back(item.pos);
    }
    std::sort(at.begin(), at.end());
    at.erase(std::unique(at.begin(), at.end()), at.end());
    if (at.empty()) {
      blocks.push_back(std::move(block));
      continue;
    }
    size_t begin = 0;
    for (size_t pos : at) {
      AddPiece(block, begin, pos, &blocks);
      begin = pos;
    }
    AddPiece(block, begin, block.text.size(), &blocks);
  }
  doc.blocks = std::move(blocks);
  return doc;
}

}  // namespace clsdb
