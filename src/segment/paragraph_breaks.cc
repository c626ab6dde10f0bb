// Run-on paragraphs cut at the marks of rules/breaks.rules.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "segment/segment.h"

namespace clsdb {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Whether text[pos] follows an article or a preposition (rule
// delib.line_unfinished on the words just before it): a mark of the sitting
// or of the minutes there goes on from them ("… APPROBATION DU
// PROCES-VERBAL DE LA SEANCE DU 7 DECEMBRE 2023"), no paragraph ends on
// such a word.
bool AfterArticle(std::string_view text, size_t pos, const RuleSet& rules) {
  constexpr size_t kWordsBefore = 16;
  size_t from = pos > kWordsBefore ? pos - kWordsBefore : 0;
  while (from > 0 && from < pos && !IsSpace(text[from - 1])) ++from;  // from a word's start
  return rules.Search(rules.Get(RuleId::kDelibLineUnfinished), text.substr(from, pos - from),
                      nullptr);
}

// The offsets in text where a mark begins, sorted, without 0.
std::vector<size_t> BreakPoints(std::string_view text, const RuleSetMatcher& marks,
                                const RuleSet& rules) {
  std::vector<size_t> at;
  std::vector<std::pair<size_t, size_t>> marked;  // each mark's "at" group
  // The marks of the sitting and of the minutes' heading that a heading of
  // an item may hold ("APPROBATION DU PROCES-VERBAL DE LA SEANCE DU …").
  const Rule* sitting = &rules.Get(RuleId::kBreakSitting);
  const Rule* minutes = &rules.Get(RuleId::kBreakMinutesHeading);
  // One pass tells which marks occur; only those are looked for one by one.
  for (const Rule* rule : marks.Matching(text)) {
    for (const RuleMatch& m : rules.SearchAll(*rule, text)) {
      const auto group = m.group_spans.find("at");
      const size_t pos = group != m.group_spans.end() ? group->second.first : m.start;
      if ((rule == sitting || rule == minutes) && AfterArticle(text, pos, rules)) continue;
      if (pos > 0 && pos < text.size()) at.push_back(pos);
      if (group != m.group_spans.end()) marked.push_back(group->second);
    }
  }
  // A mark inside another's heading is part of it ("APPROBATION DU
  // PROCÈS-VERBAL DU CONSEIL" holds "PROCÈS-VERBAL DU CONSEIL"): no cut.
  std::erase_if(at, [&](size_t pos) {
    return std::any_of(marked.begin(), marked.end(), [&](const std::pair<size_t, size_t>& span) {
      return span.first < pos && pos < span.second;
    });
  });
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

bool IsRunOn(const Block& b) {
  return b.kind == Block::Kind::kParagraph && b.text.size() >= kMinRunOnBytes;
}

// Whether the document is minutes or acts (rule item_run.minutes in a run-on
// paragraph): only there are items cut, by their numbers or their headings
// in capitals.  A contract's numbered parts, cut, would push its preamble
// away from its title.
bool IsMinutes(const std::vector<Block>& blocks, const RuleSet& rules) {
  const Rule& minutes = rules.Get(RuleId::kItemRunMinutes);
  return std::any_of(blocks.begin(), blocks.end(), [&](const Block& b) {
    return IsRunOn(b) && rules.Search(minutes, b.text, nullptr);
  });
}

// A numbered item of run-on minutes: "4) ANNULATION …", "1.2 Modification …".
struct ItemMark {
  size_t block, pos;
  int major, minor;       // minor: 0 when the number has no second part
  std::string subject;    // the first kAgendaTitleKeyBytes bytes of the subject
  size_t subject_at = 0;  // where the subject begins in the block
  bool pair = false;      // one of a run of two decided items (see DecidedPair)
};

// Whether a chain of marks is a page's running header or footer, its number
// the page's ("87 Conseil communautaire du 29 mars 2023 … 88 Conseil
// communautaire du 29 mars 2023"): every mark is followed by the same words.
bool IsRunningHeader(const std::vector<ItemMark>& marks, const std::vector<size_t>& chain) {
  return std::all_of(chain.begin(), chain.end(),
                     [&](size_t k) { return marks[k].subject == marks[chain.front()].subject; });
}

// Whether b follows a in a numbering: 3 after 2, 1.3 after 1.2, 2.1 after 1.x.
// Hierarchical numbering heads each section with its own number: 1.1 after
// the section 1, and the section 2 after 1.x.
bool Follows(const ItemMark& a, const ItemMark& b) {
  if (a.minor == 0 && b.minor == 0) return b.major == a.major + 1;
  if (a.minor > 0 && b.minor > 0) {
    return (b.major == a.major && b.minor == a.minor + 1) ||
           (b.major == a.major + 1 && b.minor == 1);
  }
  if (a.minor == 0) return b.major == a.major && b.minor == 1;
  return b.major == a.major + 1;
}

// The items of the document's numbered runs (1, 2, 3 … or 1.1, 1.2 …) of at
// least kMinItemRun items, where run-on paragraphs are cut.  An item number
// alone in a sentence ("… à 2 reprises") starts no run, so prose is left
// as it is.
constexpr size_t kMinItemRun = 3;

// A fragment of minutes may hold only two items ("1 Réseau Express … après
// en avoir délibéré : approuve … Adopté. 2 Nœud multimodal … après en avoir
// délibéré : décide …"): a chain of two, 1 then 2, each decided (rule
// caps_heading.decision) between its number and the next one (the second
// before its paragraph's end), is a run too.  Prose that counts ("1
// Conseiller … 2 Adjoints") decides nothing between its numbers.  A fragment
// cut inside its second item ("1) Approbation du compte-rendu … approuvé à
// l'unanimité. 2) Règlement intérieur … Monsieur le Président rappelle"),
// the last mark of the document's last paragraph, needs no decision there.
bool DecidedPair(const std::vector<Block>& blocks, const RuleSet& rules,
                 const std::vector<ItemMark>& marks, const std::vector<size_t>& chain) {
  if (chain.size() != 2) return false;
  const bool cut_inside_second =
      chain[1] + 1 == marks.size() && marks[chain[1]].block + 1 == blocks.size();
  const ItemMark& first = marks[chain[0]];
  const ItemMark& second = marks[chain[1]];
  if (first.major != 1 || first.minor != 0 || second.minor != 0) return false;
  const Rule& decision = rules.Get(RuleId::kCapsHeadingDecision);
  const auto decided = [&](const ItemMark& from, size_t block, size_t to) {
    if (from.block != block) return false;
    const std::string_view text(blocks[block].text);
    return rules.Search(decision, text.substr(from.subject_at, to - from.subject_at), nullptr);
  };
  return decided(first, second.block, second.pos) &&
         (cut_inside_second || decided(second, second.block, blocks[second.block].text.size()));
}

// Marks are looked for in run-on paragraphs only: a short paragraph is a
// line as printed, which a run neither needs to cut nor to count.
std::vector<ItemMark> ItemRuns(const std::vector<Block>& blocks, const RuleSet& rules) {
  const Rule& item = rules.Get(RuleId::kItemRunMark);
  std::vector<ItemMark> marks;
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (!IsRunOn(blocks[b])) continue;
    for (const RuleMatch& m : rules.SearchAll(item, blocks[b].text)) {
      const std::string& minor = m.Get("minor");
      const auto [at, end] = m.group_spans.at("at");
      // The match ends on the subject's first two letters (of one byte or more).
      size_t subject = end;
      for (int n = 0; n < 2 && subject > at; ++n) {
        do {
          --subject;
        } while (subject > at &&
                 (static_cast<unsigned char>(blocks[b].text[subject]) & 0xC0) == 0x80);
      }
      marks.push_back({b, at, std::stoi(m.Get("major")), minor.empty() ? 0 : std::stoi(minor),
                       blocks[b].text.substr(subject, kAgendaTitleKeyBytes), subject});
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
    const bool pair = DecidedPair(blocks, rules, marks, chain);
    if ((chain.size() < kMinItemRun && !pair) || IsRunningHeader(marks, chain)) continue;
    for (size_t k : chain) {
      out.push_back(marks[k]);
      out.back().pair = pair;
    }
  }
  return out;
}

// Whether text[at] begins a sentence: the block's start, or after a full
// stop, a question or exclamation mark, a closing bracket or quote, that is
// no item number's ("2. ", "3) ").
bool AfterSentence(std::string_view text, size_t at) {
  size_t k = at;
  while (k > 0 && IsSpace(text[k - 1])) --k;
  if (k == 0) return true;
  const char c = text[k - 1];
  if (c == '.' || c == ')') return !(k >= 2 && text[k - 2] >= '0' && text[k - 2] <= '9');
  if (c == '!' || c == '?') return true;
  return text.substr(0, k).ends_with("»");
}

// Where the next sentence that begins with key starts at or after (*block,
// *pos): found, the place is stored there and true returned.
bool FindSentence(const std::vector<Block>& blocks, const std::string& key, size_t* block,
                  size_t* pos) {
  for (size_t b = *block; b < blocks.size(); ++b) {
    if (!IsParagraph(blocks[b])) continue;
    const std::string& text = blocks[b].text;
    for (size_t at = text.find(key, b == *block ? *pos : 0); at != std::string::npos;
         at = text.find(key, at + 1)) {
      if (!AfterSentence(text, at)) continue;
      *block = b;
      *pos = at;
      return true;
    }
  }
  return false;
}

// Minutes that list their numbered agenda before minutes whose items are
// headed by their title alone ("1. MODIFICATION DU TABLEAU DES EFFECTIFS 2.
// RECRUTEMENTS …", then "… représentés. MODIFICATION DU TABLEAU DES
// EFFECTIFS Rédigé par : …") print each title again where the minutes take
// the item up: there, at the start of a sentence after the agenda's last
// number, in the agenda's order, the item begins.  The places (block,
// offset); none unless at least two titles are printed again.
std::vector<std::pair<size_t, size_t>> RepeatedTitles(const std::vector<Block>& blocks,
                                                      std::vector<ItemMark> items) {
  std::vector<std::pair<size_t, size_t>> out;
  if (items.empty()) return out;
  std::sort(items.begin(), items.end(), [](const ItemMark& a, const ItemMark& b) {
    return std::tie(a.block, a.pos) < std::tie(b.block, b.pos);
  });
  size_t block = items.back().block, pos = items.back().subject_at + kAgendaTitleKeyBytes;
  for (const ItemMark& item : items) {
    if (item.subject.size() < kAgendaTitleKeyBytes) continue;
    size_t b = block, p = pos;
    if (!FindSentence(blocks, item.subject, &b, &p)) continue;
    out.emplace_back(b, p);
    block = b;
    pos = p + kAgendaTitleKeyBytes;
  }
  if (out.size() < 2) out.clear();
  return out;
}

// An item's heading in capitals in a run-on paragraph: block, where the
// heading begins, and where the sentence after it begins.
struct CapsHeading {
  size_t block, at, prose;
};

// A heading has ten letters or more ("CONVENTION PARELEC"; a name, "LE
// TARNEC", has fewer), and is neither the frame of minutes nor cut before its
// end (rule caps_heading.not).
bool IsItemHeading(std::string_view heading, const RuleSet& rules) {
  constexpr int kMinLetters = 10;
  int letters = 0;
  for (const unsigned char c : heading) {
    // ASCII letters, and the first byte of each multi-byte character.
    if ((c >= 'A' && c <= 'Z') || c >= 0xC0) ++letters;
  }
  return letters >= kMinLetters &&
         !rules.Search(rules.Get(RuleId::kCapsHeadingNot), heading, nullptr);
}

// How many headings in capitals found before it let a last one open an
// item though no decision follows it.
constexpr size_t kHeadingsBeforeCutOff = 2;

// A fragment of minutes may stop inside its last item, before its decision
// ("… AUTORISE le versement d'une subvention de 700 €. AVENANT METTANT FIN A
// LA CONVENTION … Le maire rappelle que …", the text cut there): the first
// candidate after the last decision, that follows it closely (within near
// bytes, in its paragraph), opens one more item when at least
// kHeadingsBeforeCutOff headings were found before it, unless it closes the
// minutes (rule delib.closing_line: "QUESTIONS DIVERSES").  The heading,
// else nothing.
std::optional<CapsHeading> HeadingCutOff(const std::vector<Block>& blocks, const RuleSet& rules,
                                         const std::vector<CapsHeading>& found,
                                         const std::optional<CapsHeading>& first,
                                         const std::optional<std::pair<size_t, size_t>>& decided,
                                         size_t near) {
  if (found.size() < kHeadingsBeforeCutOff || !first || !decided) return std::nullopt;
  if (first->block != decided->first || first->at < decided->second ||
      first->at > decided->second + near) {
    return std::nullopt;
  }
  const std::string_view heading =
      std::string_view(blocks[first->block].text).substr(first->at, first->prose - first->at);
  if (rules.Search(rules.Get(RuleId::kDelibClosingLine), heading, nullptr)) return std::nullopt;
  return first;
}

// The headings in capitals that open an item of run-on minutes: of the
// candidates (rule caps_heading.mark) between two decisions (rule
// caps_heading.decision), the one that follows the first decision closely
// (the next item opens where the previous one was decided), else the last
// one before the second decision (a table's header may come between an
// item's heading and its text, never between its text and its decision).
// A run of capitals that no decision follows (names, a table's header, a
// body) is left in its paragraph.
std::vector<CapsHeading> CapsHeadings(const std::vector<Block>& blocks, const RuleSet& rules) {
  constexpr size_t kNear = 200;  // bytes from a decision to the next heading
  const Rule& mark = rules.Get(RuleId::kCapsHeadingMark);
  const Rule& decision = rules.Get(RuleId::kCapsHeadingDecision);
  std::vector<CapsHeading> out;
  std::optional<CapsHeading> first, last;            // candidates since the previous decision
  std::optional<std::pair<size_t, size_t>> decided;  // the previous decision: block, end
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (!IsParagraph(blocks[b])) continue;
    const std::string& text = blocks[b].text;
    // (position, candidate index or -1 for a decision), in text order
    std::vector<std::pair<size_t, int>> events;
    std::vector<CapsHeading> candidates;
    if (IsRunOn(blocks[b])) {
      for (const RuleMatch& m : rules.SearchAll(mark, text)) {
        const auto [at, end] = m.group_spans.at("at");
        if (!IsItemHeading(std::string_view(text).substr(at, end - at), rules)) continue;
        candidates.push_back({b, at, m.group_spans.at("prose").first});
        events.emplace_back(at, static_cast<int>(candidates.size()) - 1);
      }
    }
    std::vector<size_t> ends;  // of the decisions, by their index in events
    for (const RuleMatch& m : rules.SearchAll(decision, text)) {
      events.emplace_back(m.start, -1 - static_cast<int>(ends.size()));
      ends.push_back(m.end);
    }
    std::sort(events.begin(), events.end());
    for (const auto& [pos, k] : events) {
      if (k >= 0) {
        last = candidates[static_cast<size_t>(k)];
        if (!first) first = last;
        continue;
      }
      if (last && !(last->block == b && pos < last->prose)) {
        const bool near =
            decided && decided->first == first->block && first->at <= decided->second + kNear;
        out.push_back(near ? *first : *last);
        first.reset();
        last.reset();
      }
      decided = std::make_pair(b, ends[static_cast<size_t>(-1 - k)]);
    }
  }
  if (const std::optional<CapsHeading> cut =
          HeadingCutOff(blocks, rules, out, first, decided, kNear)) {
    out.push_back(*cut);
  }
  return out;
}

}  // namespace

LaidOutDocument BreakRunOnParagraphs(LaidOutDocument doc, const RuleSet& rules) {
  // No paragraph long enough to be cut: the set of break marks, whose
  // compilation costs more than the whole of a short document's other
  // steps, is not built.
  if (std::none_of(doc.blocks.begin(), doc.blocks.end(), IsRunOn)) return doc;
  const RuleSetMatcher& marks = rules.CandidatesFor(RuleFamily::kBreak);
  if (!marks.ok()) return doc;
  const bool minutes = IsMinutes(doc.blocks, rules);
  const std::vector<ItemMark> items =
      minutes ? ItemRuns(doc.blocks, rules) : std::vector<ItemMark>{};
  const std::vector<std::pair<size_t, size_t>> repeated = RepeatedTitles(doc.blocks, items);
  // Minutes whose items are numbered are cut at the numbers, not at their
  // headings.
  const std::vector<CapsHeading> headings =
      minutes && items.empty() ? CapsHeadings(doc.blocks, rules) : std::vector<CapsHeading>{};
  std::vector<Block> blocks;
  blocks.reserve(doc.blocks.size());
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    Block& block = doc.blocks[b];
    if (!IsRunOn(block)) {
      blocks.push_back(std::move(block));
      continue;
    }
    std::vector<size_t> at = BreakPoints(block.text, marks, rules);
    std::set<size_t> heading_at;  // where a heading in capitals or of a pair begins
    for (const ItemMark& item : items) {
      if (item.block == b && item.pos > 0) at.push_back(item.pos);
      // The two items of a pair are told by no heading rule: each is marked
      // as the headings in capitals are, which open the acts of minutes
      // where no other heading does.
      if (item.block == b && item.pair) heading_at.insert(item.pos);
    }
    for (const auto& [block_at, pos] : repeated) {
      if (block_at == b && pos > 0) at.push_back(pos);
    }
    for (const CapsHeading& h : headings) {
      if (h.block != b) continue;
      heading_at.insert(h.at);
      if (h.at > 0) at.push_back(h.at);
      at.push_back(h.prose);
    }
    std::sort(at.begin(), at.end());
    at.erase(std::unique(at.begin(), at.end()), at.end());
    if (at.empty()) {
      blocks.push_back(std::move(block));
      continue;
    }
    at.push_back(block.text.size());  // the last piece, which an item of a pair may begin
    size_t begin = 0;
    for (size_t pos : at) {
      const size_t count = blocks.size();
      AddPiece(block, begin, pos, &blocks);
      if (blocks.size() > count && heading_at.count(begin) > 0) blocks.back().caps_heading = true;
      begin = pos;
    }
  }
  doc.blocks = std::move(blocks);
  return doc;
}

}  // namespace clsdb
