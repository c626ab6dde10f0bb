// ExtractArticles: the numbered articles of a contract's body.  Rules:
// "articles.*" of rules/articles.rules.
//
// Article headings appear twice in most contracts: in the summary (one line
// each, nothing between them) and in the body (each followed by its text).
// Headings are grouped into runs numbered 1, 2, 3 … (a number may be
// skipped); the run whose headings are followed by text the most often is the
// body, provided at least one of them has text.  Its articles' bodies run to the next heading of
// the run, the last one to the signature line or the annexes.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "extract/contract_steps.h"
#include "extract/text_util.h"

namespace clsdb {

namespace {

// A heading longer than this is a sentence that starts with "Article".
constexpr size_t kMaxHeading = 200;
// A title on the line after "ARTICLE 3" is at most this long.
constexpr size_t kMaxNextLineTitle = 150;
// Text after a heading, before the next one, that makes it a body heading.
constexpr size_t kBodyChars = 60;
// The last article's body stops after this many blocks at most.
constexpr int kLastBodyBlocks = 60;

struct Heading {
  int block = -1;
  int number = 0;
  std::string number_text;
  std::string title;
  int body_begin = -1;  // first block of its text
};

int SmallNumber(const std::string& s) {
  if (s.empty() || s.size() > 3) return 0;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

std::string NormalizeArticleNumber(std::string_view number) {
  std::string s(number);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s == "1er" || s == "premier") return "1";
  return std::string(number);
}

void ExtractArticles(const LaidOutDocument& doc, const ContractSegment& seg, const RuleSet& rules,
                     Contract* contract) {
  std::vector<Heading> headings;
  for (int i = seg.range.begin; i < seg.range.end; ++i) {
    const Block& b = doc.blocks[i];
    RuleMatch m, leader;
    if (!IsParagraph(b) || b.text.size() > kMaxHeading ||
        !rules.Search(RuleId::kArticlesHeading, b.text, &m) ||
        rules.Search(RuleId::kArticlesTocLeader, b.text, &leader)) {
      continue;
    }
    Heading h;
    h.block = i;
    h.number_text = NormalizeArticleNumber(m.Get("number"));
    h.number = SmallNumber(h.number_text);
    if (h.number == 0) continue;
    h.title = CleanValue(m.Has("title") ? m.Get("title") : m.Get("title2"));
    h.body_begin = i + 1;
    if (h.title.empty() && i + 1 < seg.range.end) {
      // "ARTICLE 3" with its title on the next line.
      const Block& next = doc.blocks[i + 1];
      RuleMatch other;
      if (IsParagraph(next) && next.text.size() <= kMaxNextLineTitle &&
          !rules.Search(RuleId::kArticlesHeading, next.text, &other)) {
        h.title = CleanValue(next.text);
        h.body_begin = i + 2;
      }
    }
    headings.push_back(std::move(h));
  }
  if (headings.empty()) return;

  // Text between each heading and the next one (of any run).
  std::vector<size_t> text_after(headings.size(), 0);
  for (size_t k = 0; k < headings.size(); ++k) {
    const int end = k + 1 < headings.size() ? headings[k + 1].block : seg.range.end;
    for (int i = headings[k].body_begin; i < end && text_after[k] < kBodyChars; ++i) {
      text_after[k] += doc.blocks[i].text.size();
    }
  }

  // Runs: a heading numbered 1 starts one; the next heading continues it when
  // its number follows (one number may be missing).
  struct Run {
    std::vector<size_t> members;
    int bodies = 0;
  };
  std::vector<Run> runs;
  for (size_t k = 0; k < headings.size(); ++k) {
    const int n = headings[k].number;
    if (!runs.empty() && !runs.back().members.empty()) {
      const int last = headings[runs.back().members.back()].number;
      if (n > last && n <= last + 2 && n != 1) {
        runs.back().members.push_back(k);
        continue;
      }
    }
    if (n == 1 || runs.empty()) runs.push_back(Run());
    if (runs.back().members.empty() || n == 1) runs.back().members.push_back(k);
  }
  const Run* best = nullptr;
  for (Run& run : runs) {
    for (size_t k : run.members) run.bodies += text_after[k] >= kBodyChars ? 1 : 0;
    if (best == nullptr || run.bodies > best->bodies ||
        (run.bodies == best->bodies && run.members.size() >= best->members.size())) {
      best = &run;
    }
  }
  // Headings with no text under any of them are a summary whose body is
  // not in this document (a fragment, or a contract annexed elsewhere).
  if (best == nullptr || best->bodies == 0) return;

  for (size_t r = 0; r < best->members.size(); ++r) {
    const Heading& h = headings[best->members[r]];
    int end = seg.range.end;
    if (r + 1 < best->members.size()) {
      end = headings[best->members[r + 1]].block;
    } else {
      end = std::min(end, h.body_begin + kLastBodyBlocks);
      for (int i = h.body_begin; i < end; ++i) {
        RuleMatch m;
        if (IsParagraph(doc.blocks[i]) &&
            rules.Search(RuleId::kArticlesBodyEnd, doc.blocks[i].text, &m)) {
          end = i;
          break;
        }
      }
    }
    Article a;
    a.number = h.number_text;
    a.title = h.title;
    for (int i = h.body_begin; i < end; ++i) {
      if (!a.body.empty()) a.body += '\n';
      a.body += doc.blocks[i].text;
    }
    a.prov = ProvenanceOf(doc.blocks[h.block], RuleId::kArticlesHeading);
    contract->articles.push_back(std::move(a));
  }
}

}  // namespace clsdb
