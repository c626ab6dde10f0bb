// Run-on paragraphs cut at the marks of rules/breaks.rules.
#include <algorithm>
#include <string_view>

#include "segment/segment.h"

namespace clsdb {

namespace {

// Shorter paragraphs are a line as printed: a mark inside one is part of a
// sentence, not the start of a new paragraph.
constexpr size_t kMinRunOnBytes = 160;

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

}  // namespace

LaidOutDocument BreakRunOnParagraphs(LaidOutDocument doc, const RuleSet& rules) {
  const RuleSetMatcher& marks = rules.MatcherFor("break.");
  if (!marks.ok()) return doc;
  std::vector<Block> blocks;
  blocks.reserve(doc.blocks.size());
  for (Block& block : doc.blocks) {
    if (block.kind != Block::Kind::kParagraph || block.text.size() < kMinRunOnBytes) {
      blocks.push_back(std::move(block));
      continue;
    }
    const std::vector<size_t> at = BreakPoints(block.text, marks, rules);
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
