#include "extract/text_util.h"

#include <algorithm>

namespace clsdb {
namespace {

// Bytes [start, end) of the text whose place in its page is span.
Provenance ProvenanceInSpan(const TextSpan& span, size_t start, size_t end,
                            const std::string& rule) {
  Provenance p;
  p.page = span.page;
  p.span_start = span.start + static_cast<int>(start);
  p.span_end = span.start + static_cast<int>(std::max(start, end));
  p.rule = rule;
  return p;
}

}  // namespace

Provenance ProvenanceIn(const Block& block, size_t start, size_t end, const std::string& rule) {
  return ProvenanceInSpan(block.span, start, end, rule);
}

Provenance ProvenanceOf(const Block& block, const std::string& rule) {
  Provenance p;
  p.page = block.span.page;
  p.span_start = block.span.start;
  p.span_end = block.span.end;
  p.rule = rule;
  return p;
}

Provenance ProvenanceIn(const Cell& cell, size_t start, size_t end, const std::string& rule) {
  return ProvenanceInSpan(cell.span, start, end, rule);
}

Provenance ProvenanceIn(const Block& block, size_t start, size_t end, RuleId rule) {
  return ProvenanceIn(block, start, end, std::string(RuleName(rule)));
}

Provenance ProvenanceOf(const Block& block, RuleId rule) {
  return ProvenanceOf(block, std::string(RuleName(rule)));
}

Provenance ProvenanceIn(const Cell& cell, size_t start, size_t end, RuleId rule) {
  return ProvenanceIn(cell, start, end, std::string(RuleName(rule)));
}

namespace {

// Bytes of the punctuation that may surround a value, ASCII or UTF-8.
size_t LeadingJunk(std::string_view s) {
  static const std::string_view kMulti[] = {"«", "»", "–", "—", "“", "”", "…"};
  for (std::string_view m : kMulti) {
    if (s.substr(0, m.size()) == m) return m.size();
  }
  if (!s.empty() &&
      std::string_view(" \t\n,;:.()\"'-*").find(s.front()) != std::string_view::npos) {
    return 1;
  }
  return 0;
}

size_t TrailingJunk(std::string_view s) {
  static const std::string_view kMulti[] = {"«", "»", "–", "—", "“", "”", "…"};
  for (std::string_view m : kMulti) {
    if (s.size() >= m.size() && s.substr(s.size() - m.size()) == m) return m.size();
  }
  if (!s.empty() && std::string_view(" \t\n,;:.(\"'-*").find(s.back()) != std::string_view::npos) {
    return 1;
  }
  if (!s.empty() && s.back() == ')') {
    // Keep "(CH Bapaume)" in "GHAT (CH Bapaume)"; drop an unmatched one.
    return std::count(s.begin(), s.end(), '(') < std::count(s.begin(), s.end(), ')') ? 1 : 0;
  }
  return 0;
}

}  // namespace

std::string CleanValue(std::string_view text) {
  std::string collapsed = CollapseSpaces(text);
  std::string_view s = collapsed;
  while (size_t n = LeadingJunk(s)) {
    if (s.front() == '(' && s.find(')') != std::string_view::npos) break;
    s.remove_prefix(n);
  }
  while (size_t n = TrailingJunk(s)) s.remove_suffix(n);
  return std::string(s);
}

std::string CollapseSpaces(std::string_view text) {
  // Written straight into a buffer of text's size, which the result never
  // passes (a space out stands for one or more in): appending character by
  // character cost about twice the instructions, on every cell and line
  // the extractors read.
  std::string out(text.size(), '\0');
  char* const begin = out.data();
  char* o = begin;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = o != begin;
      continue;
    }
    if (space) *o++ = ' ';
    space = false;
    *o++ = c;
  }
  out.resize(static_cast<size_t>(o - begin));
  return out;
}

}  // namespace clsdb
