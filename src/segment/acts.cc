// Acts: where each act a document records begins and ends (rules
// "delib.number.*" and "delib.item.*" for the heading; "delib.decide", "delib.deliberated",
// "delib.votes.line", "delib.outcome.adopted" for the decision).
#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "segment/segment.h"

namespace clsdb {

namespace {

bool AnyMatches(const Block& b, const std::vector<const Rule*>& rules, const RuleSet& set) {
  if (!IsParagraph(b)) return false;
  for (const Rule* r : rules) {
    if (set.Search(*r, b.text, nullptr)) return true;
  }
  return false;
}

// Whether block b is an act's heading (a rule of one of the sets), with the
// first matching rule's captures in *m.  One set pass per block: most blocks
// are no heading.
bool IsHeading(const Block& b, const std::vector<const RuleSetMatcher*>& sets, const RuleSet& rules,
               RuleMatch* m) {
  if (!IsParagraph(b)) return false;
  for (const RuleSetMatcher* set : sets) {
    for (const Rule* r : set->Matching(b.text)) {
      if (rules.Search(*r, b.text, m)) return true;
    }
  }
  return false;
}

// Whether block b is an item's subject line ("Objet : Tarifs de la
// cantine"; rule "delib.subject"), with its captures in *m.  The first
// letters are tested before the rule: most blocks are no subject line.
bool IsSubjectLine(const Block& b, const RuleSet& rules, RuleMatch* m) {
  if (!IsParagraph(b)) return false;
  const size_t at = b.text.find_first_not_of(" *_\t");
  if (at == std::string::npos || b.text.size() - at < 5) return false;
  const std::string_view head = std::string_view(b.text).substr(at, 5);
  if (head != "Objet" && head != "OBJET" && head != "objet") return false;
  return rules.Search(rules.Get(RuleId::kDelibSubject), b.text, m);
}

// The item number a heading's rule captured ("1.4"), empty for none.
const std::string& ItemOf(const RuleMatch& m) {
  return m.Has("item") ? m.Get("item") : m.Get("item2");
}

// Minutes numbered by section and item ("1. Fonctionnement des assemblées",
// then "1.1. Approbation du procès-verbal") head each section with its own
// number: a heading directly above its section's first item ("2" above
// "2.1") is no act.
void DropSectionHeadings(std::vector<std::pair<int, RuleMatch>>* headings) {
  std::vector<std::pair<int, RuleMatch>> kept;
  for (size_t k = 0; k < headings->size(); ++k) {
    if (k + 1 < headings->size() && (*headings)[k + 1].first == (*headings)[k].first + 1) {
      const std::vector<int> section = ItemKey(ItemOf((*headings)[k].second));
      const std::vector<int> first = ItemKey(ItemOf((*headings)[k + 1].second));
      if (section.size() == 1 && first == std::vector<int>{section[0], 1}) continue;
    }
    kept.push_back(std::move((*headings)[k]));
  }
  *headings = std::move(kept);
}

// Minutes report the Maire's decisions under delegation for information,
// the first under its label and the next by their numbers alone
// ("DECISION DU MAIRE N°2022-061 : …", "N°2022-062 : …"; rule
// "delib.delegated_decision"): a number heading that follows such a
// decision in its series is another decision, no act of the council.
void DropDelegatedDecisions(const LaidOutDocument& doc, const RuleSet& rules, int end,
                            std::vector<std::pair<int, RuleMatch>>* headings) {
  const Rule& delegated = rules.Get(RuleId::kDelibDelegatedDecision);
  std::set<std::string> continuing;  // the numbers that would go on with a list of decisions
  std::vector<std::pair<int, RuleMatch>> kept;
  size_t h = 0;
  for (int i = 0; i < end; ++i) {
    RuleMatch m;
    if (IsParagraph(doc.blocks[i]) && rules.Search(delegated, doc.blocks[i].text, &m)) {
      continuing.insert(NextInSeries(m.Get("number")));
    }
    for (; h < headings->size() && (*headings)[h].first == i; ++h) {
      const std::string& number = (*headings)[h].second.Get("number");
      if (!number.empty() && continuing.contains(number)) {
        continuing.insert(NextInSeries(number));
        continue;
      }
      kept.push_back(std::move((*headings)[h]));
    }
  }
  *headings = std::move(kept);
}

// A page's running header or footer numbered by the page ("2 PV du 8
// février 2024", then "3 PV du 8 février 2024") reads as a numbered item: a
// subject printed under two different numbers is such a line, no item.
void DropRunningLines(std::vector<std::pair<int, RuleMatch>>* headings) {
  std::map<std::string, std::set<std::string>> numbers_by_subject;
  for (const auto& [i, m] : *headings) {
    if (!ItemOf(m).empty() && !m.Get("title").empty()) {
      numbers_by_subject[m.Get("title")].insert(ItemOf(m));
    }
  }
  std::erase_if(*headings, [&](const auto& h) {
    if (ItemOf(h.second).empty() || h.second.Get("title").empty()) return false;
    return numbers_by_subject[h.second.Get("title")].size() >= 2;
  });
}

// The first kAgendaTitleKeyBytes bytes of the subject of item heading b: its
// rule's title, else the text from its first letter; shorter when the
// subject is.
std::string TitleKey(const Block& b, const RuleMatch& m) {
  if (m.Has("title")) return m.Get("title").substr(0, kAgendaTitleKeyBytes);
  const auto letter = std::find_if(b.text.begin(), b.text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0xC0;
  });
  return b.text.substr(static_cast<size_t>(letter - b.text.begin()), kAgendaTitleKeyBytes);
}

// Minutes that list their numbered agenda before minutes whose items are
// headed by their title alone ("1. MODIFICATION DU TABLEAU DES EFFECTIFS",
// then, after the sitting's opening, "MODIFICATION DU TABLEAU DES EFFECTIFS
// Rédigé par : …"): a block after the last numbered heading that begins
// with an item's title (its first kAgendaTitleKeyBytes bytes; in the agenda's
// order) heads that item, and the headings above the first such block are
// the agenda's lines, no act.  Left as they are unless at least two titles
// are printed again.
void HeadRepeatedTitles(const LaidOutDocument& doc, int end,
                        std::vector<std::pair<int, RuleMatch>>* headings) {
  int from = -1;
  for (const auto& [i, m] : *headings) {
    if (!ItemOf(m).empty()) from = std::max(from, i + 1);
  }
  if (from < 0) return;
  std::vector<std::pair<int, RuleMatch>> repeats;
  for (const auto& [i, m] : *headings) {
    if (ItemOf(m).empty()) continue;
    const std::string key = TitleKey(doc.blocks[i], m);
    if (key.size() < kAgendaTitleKeyBytes) continue;
    for (int k = from; k < end; ++k) {
      if (!IsParagraph(doc.blocks[k]) || !doc.blocks[k].text.starts_with(key)) continue;
      RuleMatch heading;
      heading.rule = m.rule;
      heading.groups["item"] = ItemOf(m);
      repeats.emplace_back(k, std::move(heading));
      from = k + 1;
      break;
    }
  }
  if (repeats.size() < 2) return;
  const int minutes = repeats.front().first;
  std::erase_if(*headings, [&](const auto& h) {
    return h.first < minutes || std::any_of(repeats.begin(), repeats.end(),
                                            [&](const auto& r) { return r.first == h.first; });
  });
  headings->insert(headings->end(), std::make_move_iterator(repeats.begin()),
                   std::make_move_iterator(repeats.end()));
  std::sort(headings->begin(), headings->end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

// Whether text is figures alone ("2", " 12 "), with no mark of an item's
// number ("2.", "2)", "2 -"): the way a page's number is printed.
bool IsBareNumber(std::string_view text) {
  const size_t first = text.find_first_not_of(' ');
  const size_t last = text.find_last_not_of(' ');
  if (first == std::string_view::npos) return false;
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(first),
                     text.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                     [](char c) { return c >= '0' && c <= '9'; });
}

// The heading blocks of [0, end) with their captures: the act's number and
// item headings, else, in minutes that head their items with their subject
// alone, the "Objet :" lines when there are several.  A document that numbers its acts or items
// has its "Objet :" lines under those headings: they open no act.
std::vector<std::pair<int, RuleMatch>> FindHeadings(const LaidOutDocument& doc,
                                                    const RuleSet& rules, int end) {
  const std::vector<const RuleSetMatcher*> sets = {&rules.CandidatesFor(RuleFamily::kDelibNumber),
                                                   &rules.CandidatesFor(RuleFamily::kDelibItem)};
  // A date alone on its line ("12 Mars 2012") reads as an item numbered by
  // its day: it heads nothing.
  const Rule& date_line = rules.Get(RuleId::kDelibDateLine);
  // Nor does a page's number before the page's heading ("2 CONSEIL
  // DÉPARTEMENTAL DE LA LOZÈRE"), in a text that runs its pages on.
  const Rule& page_heading = rules.Get(RuleId::kDelibPageHeading);
  std::vector<std::pair<int, RuleMatch>> headings, subjects;
  for (int i = 0; i < end; ++i) {
    RuleMatch m;
    if (IsHeading(doc.blocks[i], sets, rules, &m)) {
      // A number alone on the document's first line is its first page's.
      if (i == 0 && IsBareNumber(doc.blocks[i].text)) continue;
      RuleMatch page;
      if (!ItemOf(m).empty() && (rules.Search(date_line, doc.blocks[i].text, nullptr) ||
                                 (rules.Search(page_heading, doc.blocks[i].text, &page) &&
                                  page.Get("item") != page.Get("page")))) {
        continue;
      }
      headings.emplace_back(i, std::move(m));
    } else if (headings.empty() && IsSubjectLine(doc.blocks[i], rules, &m)) {
      subjects.emplace_back(i, std::move(m));
    }
  }
  // Roman numerals above Arabic items or numbered acts head sections
  // ("I - ADMINISTRATION GENERALE", then "1 - Composition des
  // commissions"): they are items only where nothing else numbers them.
  const Rule* roman = &rules.Get(RuleId::kDelibItemRoman);
  const bool other_numbers = std::any_of(headings.begin(), headings.end(),
                                         [&](const auto& h) { return h.second.rule != roman; });
  if (other_numbers) {
    std::erase_if(headings, [&](const auto& h) { return h.second.rule == roman; });
  }
  DropDelegatedDecisions(doc, rules, end, &headings);
  DropRunningLines(&headings);
  DropSectionHeadings(&headings);
  HeadRepeatedTitles(doc, end, &headings);
  // One subject line cuts nothing: the act is the document (its subject
  // may stand below its decision, on the stamp).
  if (!headings.empty() || subjects.size() < 2) return headings;
  return subjects;
}

// Whether block i reads as the subject line of an unnumbered item of
// minutes: a short line (rule "delib.subject_line") after a finished
// sentence, with no lower-case continuation below it (a line of wrapped
// prose goes on in lower case, or follows an unfinished line).
bool IsSubjectAfterSentence(const LaidOutDocument& doc, const RuleSet& rules, int i, int end) {
  const Block& b = doc.blocks[i];
  if (!IsParagraph(b) || i == 0 || i + 1 >= end) return false;
  if (!rules.Search(rules.Get(RuleId::kDelibSubjectLine), b.text, nullptr)) return false;
  const std::string& prev = doc.blocks[i - 1].text;
  const size_t last = prev.find_last_not_of(' ');
  if (last == std::string::npos ||
      std::string_view(".:!?)").find(prev[last]) == std::string::npos) {
    return false;
  }
  const std::string& next = doc.blocks[i + 1].text;
  return !next.empty() && !(next[0] >= 'a' && next[0] <= 'z');
}

// Minutes with no heading the rules know, whose items are told only by
// their decisions: an item per firm decision (DÉCIDE, "après en avoir
// délibéré"), each opened by the nearest subject line before it that
// follows the previous decision.  Two decisions with no subject line
// between them are one item's ("après en avoir délibéré," / "DÉCIDE :").
// Empty unless at least two items are found.
std::vector<int> ItemsByDecisions(const LaidOutDocument& doc, const RuleSet& rules, int end,
                                  const std::vector<const Rule*>& strong) {
  std::vector<int> starts;
  int floor = 0;  // just past the previous decision
  for (int i = 0; i < end; ++i) {
    if (!AnyMatches(doc.blocks[i], strong, rules)) continue;
    for (int k = i - 1; k >= floor; --k) {
      if (IsSubjectAfterSentence(doc, rules, k, end)) {
        starts.push_back(k);
        break;
      }
    }
    floor = i + 1;
  }
  // A fragment may stop inside its last item, before the decision: a
  // subject line after the last decision, with text under it, that is no
  // closing line of the minutes ("Pour extrait conforme", "La séance est
  // levée"), opens one more item.
  if (!starts.empty()) {
    for (int k = floor; k + 2 < end; ++k) {
      if (rules.Search(rules.Get(RuleId::kDelibClosingLine), doc.blocks[k].text, nullptr)) break;
      if (IsSubjectAfterSentence(doc, rules, k, end)) {
        starts.push_back(k);
        break;
      }
    }
  }
  if (starts.size() < 2) starts.clear();
  return starts;
}

// Run-on minutes whose items are headed by their subject in capitals and
// no number, or a fragment of two numbered items: the headings
// segment/paragraph_breaks cut off (each followed by a decision), when there
// are at least two and the first follows the sitting's head.  Empty
// otherwise.
std::vector<int> ItemsByCapsHeadings(const LaidOutDocument& doc, int end) {
  std::vector<int> starts;
  for (int i = 1; i < end; ++i) {
    if (doc.blocks[i].caps_heading) starts.push_back(i);
  }
  if (starts.size() < 2) starts.clear();
  return starts;
}

// Whether item `next` goes on from item `prev` in a run of minutes: the
// next item ("1.5" after "1.4", "4" after "3"), or the first of the next
// section ("2.1" after "1.3").
bool RunFollows(std::string_view prev, std::string_view next) {
  if (ItemFollows(prev, next)) return true;
  const std::vector<int> p = ItemKey(prev), n = ItemKey(next);
  return p.size() == 2 && n.size() == 2 && n[0] == p[0] + 1 && n[1] == 1;
}

// How many acts kept before it let a last subject line ("OBJET : …") open
// an act even when the text stops before its decision.
constexpr size_t kSubjectActs = 2;

// The acts' first blocks, from the headings met in order: a heading is
// kept when a decision follows it before the next heading; a heading
// without one (the act's number repeated by its signature or stamp)
// belongs to the act above it.
class ActHeadings {
 public:
  // A heading at block i, with the captures of its rule.
  void Heading(int i, const RuleMatch& m) {
    // The act's number printed again (a running header, the signature's
    // reminder) is the same act.
    const std::string& number = m.Get("number");
    if (!number.empty() && number == open_number_) return;
    if (!number.empty()) {
      open_number_ = number;
      numbered_.push_back(i);
    }
    const std::string item = m.Has("item") ? m.Get("item") : m.Get("item2");
    // A subject line ("Objet : …") under an open act that has decided
    // nothing firm yet is that act's subject: a tally ("Votants : 33") in
    // its header reads as a vote, not as the end of the act.
    if (number.empty() && item.empty() && open_ >= 0 && !settled_) return;
    // The subject printed again (a page's running header, the stamp's
    // "Objet :") is the same act, as a repeated number is.
    if (number.empty() && item.empty() && !subjects_.insert(m.Get("title")).second) return;
    // An act's number well after an undecided item: the item was a line of
    // the agenda, the act starts here.
    if (open_ >= 0 && !decided_ && !open_item_.empty() && !number.empty() && i - open_ > 1) {
      open_ = i;
      open_item_.clear();
      open_subject_ = false;
      return;
    }
    // An item numbered again before any decision: the first was its line
    // in the agenda listed above the minutes, the act starts here.
    if (open_ >= 0 && !decided_ && !item.empty() && !undecided_items_.insert(item).second) {
      open_ = i;
      open_item_ = item;
      open_subject_ = false;
      return;
    }
    // The next item before any decision: the open one was an item with
    // nothing to decide ("3) Décisions prises en délégation : aucune").
    if (open_ >= 0 && !decided_ && ItemFollows(open_item_, item)) {
      open_ = i;
      open_item_ = item;
      open_subject_ = false;
      return;
    }
    // A second heading before any decision: the first was the act's title
    // block and this one its number line (or the reverse), one act.
    if (open_ < 0 || decided_) {
      Close();
      open_ = i;
      open_item_ = item;
      open_subject_ = number.empty() && item.empty();
      undecided_items_.clear();
      if (!item.empty()) undecided_items_.insert(item);
      decided_ = false;
      settled_ = false;
    }
  }

  // A block that is no heading: a decision (DÉCIDE, a vote…) and whether
  // it is a strong one (DÉCIDE, "après en avoir délibéré").
  void Body(bool decision, bool strong) {
    if (open_ < 0) return;
    decided_ = decided_ || decision;
    settled_ = settled_ || strong;
  }
  bool open() const { return open_ >= 0; }
  bool decided() const { return decided_; }
  bool settled() const { return settled_; }

  // The acts' first blocks.  The last act of a fragment may be cut off
  // before its decision: a heading that states its number, or the item
  // that follows the last act's item ("1.5" after "1.4", "2.1" after
  // "1.3"), still opens one.
  std::vector<int> Finish() {
    if (open_ >= 0 && !decided_ &&
        ((!numbered_.empty() && numbered_.back() == open_) || RunFollows(kept_item_, open_item_))) {
      decided_ = true;
    }
    // A subject line after kSubjectActs acts kept (any heading), cut off
    // before its decision: the fragment's last act.
    if (open_ >= 0 && !decided_ && open_subject_ && starts_.size() >= kSubjectActs) {
      decided_ = true;
    }
    Close();
    return starts_;
  }
  // Every heading that states an act number.
  const std::vector<int>& numbered() const { return numbered_; }
  // The last heading, when it is an item that decided nothing (a fragment
  // cut inside it), else -1.
  int undecided_item() const { return open_ >= 0 && !decided_ && !open_item_.empty() ? open_ : -1; }

 private:
  void Close() {
    if (open_ < 0 || !decided_) return;
    starts_.push_back(open_);
    kept_item_ = open_item_;
  }

  std::vector<int> starts_;
  std::vector<int> numbered_;
  int open_ = -1;                          // the last heading seen
  bool decided_ = false;                   // a decision since it
  bool settled_ = false;                   // a strong decision since it
  std::string open_number_;                // its act number, when it states one
  std::string open_item_;                  // its item number ("1.4"), when it is an item
  bool open_subject_ = false;              // it is a subject line ("Objet : …") alone
  std::string kept_item_;                  // the item number of the last act kept
  std::set<std::string> subjects_;         // the subjects of "Objet :" headings seen
  std::set<std::string> undecided_items_;  // the items headed since the last decision
};

// Minutes whose acts carry their numbers ("CC02_2023", "DEL2020_01_03")
// open with items that are no acts: the approval of the previous minutes,
// the secretary's appointment ("1 - Adoption du procès-verbal du 9
// novembre").  The acts before the first one that holds an act number go to
// the sitting, when at least two acts are numbered.
void DropItemsBeforeNumberedActs(const std::vector<int>& numbered, std::vector<int>* starts) {
  if (numbered.size() < 2) return;
  size_t k = 0;
  while (k + 1 < starts->size() && (*starts)[k + 1] <= numbered.front()) ++k;
  starts->erase(starts->begin(), starts->begin() + static_cast<std::ptrdiff_t>(k));
}

// The minimum length of a run of items read as acts, and the share of them
// that must decide something (a vote, DÉCIDE…) in their own text.
constexpr size_t kMinActRun = 3;

// How many numbers further on an item's next one is looked for, past the
// numbered lines of its own text.
constexpr size_t kNestedNumbers = 6;

// An item's text may number lines of its own (a table's rows "1 – Gros
// œuvre", "2 …" in the report of "Point n°3"): a number that does not go on
// from the item before it, when one of the next kNestedNumbers does, is such
// a line, not an item, and breaks no run.
void DropNestedNumbers(std::vector<std::pair<int, std::string>>* items) {
  std::vector<std::pair<int, std::string>> kept;
  for (size_t k = 0; k < items->size(); ++k) {
    if (!kept.empty() && !RunFollows(kept.back().second, (*items)[k].second)) {
      const size_t stop = std::min(items->size(), k + 1 + kNestedNumbers);
      bool nested = false;
      for (size_t j = k + 1; j < stop && !nested; ++j) {
        nested = RunFollows(kept.back().second, (*items)[j].second);
      }
      if (nested) continue;
    }
    kept.push_back(std::move((*items)[k]));
  }
  *items = std::move(kept);
}

// Minutes whose items follow each other in sequence ("Point n°1", "Point
// n°2" … "Point n°16") record an act per item, though some state no vote
// ("Prend acte", a debate) and some carry their vote on their heading's own
// line.  Each run of at least kMinActRun items of which at least half
// decide something between their heading and the next one adds its items
// to the acts' first blocks.  An agenda (the same items listed before the
// minutes) decides nothing in its items: it adds nothing.
void AddItemRuns(const LaidOutDocument& doc, const RuleSet& rules, int end,
                 const std::vector<std::pair<int, RuleMatch>>& headings,
                 const std::vector<const Rule*>& decision, std::vector<int>* starts) {
  std::vector<std::pair<int, std::string>> items;  // (block, item number)
  std::vector<int> in_runs;                        // the items of the runs kept, in order
  for (const auto& [i, m] : headings) {
    const std::string& item = m.Has("item") ? m.Get("item") : m.Get("item2");
    if (item.empty()) continue;
    // The same number twice in a row ("2 PV du 8 février 2024", a page's
    // running header, then "2 Point n°2 : …"): the later one heads the item.
    if (!items.empty() && ItemKey(items.back().second) == ItemKey(item)) {
      items.back() = {i, item};
    } else {
      items.emplace_back(i, item);
    }
  }
  DropNestedNumbers(&items);
  size_t run_begin = 0;
  for (size_t k = 1; k <= items.size(); ++k) {
    if (k < items.size() && RunFollows(items[k - 1].second, items[k].second)) continue;
    if (k - run_begin >= kMinActRun) {
      size_t deciding = 0;
      for (size_t r = run_begin; r < k; ++r) {
        const int stop = r + 1 < items.size() ? items[r + 1].first : end;
        for (int i = items[r].first; i < stop; ++i) {
          if (AnyMatches(doc.blocks[i], decision, rules)) {
            ++deciding;
            break;
          }
        }
      }
      if (2 * deciding >= k - run_begin) {
        for (size_t r = run_begin; r < k; ++r) in_runs.push_back(items[r].first);
      }
    }
    run_begin = k;
  }
  if (in_runs.empty()) return;
  starts->insert(starts->end(), in_runs.begin(), in_runs.end());
  std::sort(starts->begin(), starts->end());
  starts->erase(std::unique(starts->begin(), starts->end()), starts->end());
  // A heading outside the runs directly above another act's heading, that
  // decides nothing itself, heads a section ("1 - RESSOURCES INTERNES" above
  // "Point n°1 …"): no act.
  std::vector<int> kept;
  for (size_t k = 0; k < starts->size(); ++k) {
    const int s = (*starts)[k];
    const bool section = k + 1 < starts->size() && (*starts)[k + 1] == s + 1 &&
                         !std::binary_search(in_runs.begin(), in_runs.end(), s) &&
                         !AnyMatches(doc.blocks[s], decision, rules);
    if (!section) kept.push_back(s);
  }
  *starts = std::move(kept);
}

// A fragment of minutes cut inside its first item heading, whose text above
// it adopts something (the previous minutes, an item whose heading the rules
// do not know: "… est adoptée à l'unanimité. 2- SÉJOURS SENIORS …"): the
// adoption is an act, from its block, and the item another.  Empty
// otherwise.
std::vector<int> DecisionThenItem(const LaidOutDocument& doc, const RuleSet& rules, int item) {
  if (item <= 0) return {};
  const std::vector<const Rule*> adopted = {&rules.Get(RuleId::kDelibOutcomeAdopted),
                                            &rules.Get(RuleId::kDelibVotesUnanimous),
                                            &rules.Get(RuleId::kDelibDecide)};
  for (int i = item - 1; i > 0; --i) {
    if (AnyMatches(doc.blocks[i], adopted, rules)) return {i, item};
  }
  return {};
}

// Minutes approve the previous minutes before their first act, most often
// under a heading of their own with no number ("APPROBATION DU PROCES-VERBAL
// DU 15/12/2019 … Le procès-verbal est validé."), and that approval is an
// act of the sitting, taken by those present at its opening.  The last such
// heading (rule "delib.minutes_approval") before the first act, decided in
// its own paragraph or the few after it ("Le procès-verbal est approuvé"),
// opens one more act; an agenda's line of the same words is followed by the
// agenda's next lines, not by a decision.  -1 for none.
int MinutesApproval(const LaidOutDocument& doc, const RuleSet& rules, int first_act) {
  constexpr int kDecisionBlocks = 4;  // the heading's paragraph and the next three
  const Rule& heading = rules.Get(RuleId::kDelibMinutesApproval);
  // What approves minutes: "est approuvé", "à l'unanimité", "après en avoir
  // délibéré" (a vote line's bare counts may be an agenda item's numbers).
  const std::vector<const Rule*> decision = {&rules.Get(RuleId::kDelibOutcomeAdopted),
                                             &rules.Get(RuleId::kDelibVotesUnanimous),
                                             &rules.Get(RuleId::kDelibDeliberated)};
  for (int i = first_act - 1; i >= 0; --i) {
    const Block& b = doc.blocks[i];
    if (!IsParagraph(b) || !rules.Search(heading, b.text, nullptr)) continue;
    for (int k = i; k < std::min(first_act, i + kDecisionBlocks); ++k) {
      if (AnyMatches(doc.blocks[k], decision, rules)) return i;
    }
    return -1;
  }
  return -1;
}

// The agenda's last line may run into the approval of the previous minutes
// that opens the sitting ("18. Présentation du rapport … *****", then
// "ADOPTION DU PROCES-VERBAL DU CONSEIL MUNICIPAL DU 23 JANVIER 2023 Le
// procès-verbal … a été adopté à l'unanimité."): a first act that decides
// nothing above an approval heading (rule "delib.minutes_approval") in its
// own range is that agenda line, decided by the approval alone.  The
// approval's block, when one is found there, else -1.
int ApprovalUnderAgendaLine(const LaidOutDocument& doc, const RuleSet& rules, int first, int stop,
                            const std::vector<const Rule*>& decision,
                            const std::vector<int>& numbered) {
  // An act's number is no agenda's ("N°230214 001 - DÉSIGNATION DU
  // SECRÉTAIRE DE SÉANCE ET APPROBATION DU PROCÈS-VERBAL", its parts below).
  if (std::find(numbered.begin(), numbered.end(), first) != numbered.end()) return -1;
  const Rule& heading = rules.Get(RuleId::kDelibMinutesApproval);
  // A first act numbered as the approval ("1 - APPROBATION DU PROCES-VERBAL",
  // its heading printed again below it) is the approval itself; so is a
  // number alone ("1)", its heading cut off after it).
  const std::string& own = doc.blocks[first].text;
  const size_t letter = own.find_first_not_of("0123456789.-–)/° ");
  if (letter == std::string::npos || rules.Search(heading, own.substr(letter), nullptr)) return -1;
  for (int k = first + 1; k < stop; ++k) {
    if (AnyMatches(doc.blocks[k - 1], decision, rules)) return -1;
    if (IsParagraph(doc.blocks[k]) && rules.Search(heading, doc.blocks[k].text, nullptr)) {
      return MinutesApproval(doc, rules, stop) == k ? k : -1;
    }
  }
  return -1;
}

// The separators of an act's number, its letters and figures aside: "/"
// for "181/2022", "_" for "CC02_2023", " " for "128 855".
std::string NumberSeparators(std::string_view number) {
  std::string separators;
  for (const char c : number) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                       static_cast<unsigned char>(c) >= 0x80;
    if (!alnum) separators.push_back(c);
  }
  return separators;
}

// A list of the sitting's acts numbers them in one series ("Délibération
// n° 181/2022 : …", "Délibération n° 182/2022 : …"); a number written
// otherwise among them is one a subject cites ("… ALSH Extrascolaire
// n°128 855 - Bonus territoire CTG"), no act.  The numbered headings whose
// numbers are written as most of them are (by their separators); all of
// them when no way of writing is shared by more than half.
std::vector<int> OfTheListSeries(const std::vector<int>& numbered,
                                 const std::vector<std::pair<int, RuleMatch>>& headings) {
  std::map<int, std::string> separators_at;
  for (const auto& [i, m] : headings) {
    if (!m.Get("number").empty()) separators_at.emplace(i, NumberSeparators(m.Get("number")));
  }
  std::map<std::string, size_t> count;
  for (const int i : numbered) ++count[separators_at[i]];
  const auto most = std::max_element(
      count.begin(), count.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (most == count.end() || 2 * most->second <= numbered.size()) return numbered;
  std::vector<int> kept;
  for (const int i : numbered) {
    if (separators_at[i] == most->first) kept.push_back(i);
  }
  return kept;
}

// A fragment of minutes that holds the sitting's head and its first item
// only ("1. Marché – travaux …", cut before the item's decision, or deciding
// in a form the rules do not know): the item is the act, the head above it
// the sitting.  The item's block when the only heading below the sitting's
// opening sentence ("L'an deux mille …, le Conseil … s'est réuni"; rule
// "delib.meeting_date.sentence") is an item numbered 1, else -1: a number
// printed in a register's margin above the act's head is no item of
// minutes, nor is a page's number above the opening.
int SoleFirstItem(const LaidOutDocument& doc, const RuleSet& rules,
                  const std::vector<std::pair<int, RuleMatch>>& headings) {
  const std::vector<const Rule*> opening = {&rules.Get(RuleId::kDelibMeetingDateSentence)};
  int opened = -1;
  for (int i = 0; opened < 0 && !headings.empty() && i < headings.back().first; ++i) {
    if (AnyMatches(doc.blocks[i], opening, rules)) opened = i;
  }
  if (opened < 0) return -1;
  const auto below = std::find_if(headings.begin(), headings.end(),
                                  [&](const auto& h) { return h.first > opened; });
  if (below == headings.end() || below + 1 != headings.end()) return -1;
  return ItemKey(ItemOf(below->second)) == std::vector<int>{1} ? below->first : -1;
}

}  // namespace

void FindActs(const LaidOutDocument& doc, const RuleSet& rules, int end, Segmentation* seg) {
  const std::vector<std::pair<int, RuleMatch>> headings = FindHeadings(doc, rules, end);
  const std::vector<const Rule*> strong = {&rules.Get(RuleId::kDelibDecide),
                                           &rules.Get(RuleId::kDelibDeliberated)};
  std::vector<const Rule*> decision = strong;
  decision.push_back(&rules.Get(RuleId::kDelibVotesLine));
  decision.push_back(&rules.Get(RuleId::kDelibOutcomeAdopted));
  const bool deliberation = seg->doc_type == DocumentType::kDeliberation;
  const std::vector<const Rule*>& needed = deliberation ? decision : strong;
  std::vector<const Rule*> voted = strong;
  voted.push_back(&rules.Get(RuleId::kDelibVotesUnanimous));
  voted.push_back(&rules.Get(RuleId::kDelibVotesForAfter));

  ActHeadings acts;
  size_t next_heading = 0;
  for (int i = 0; i < end; ++i) {
    const Block& b = doc.blocks[i];
    if (next_heading < headings.size() && headings[next_heading].first == i) {
      acts.Heading(i, headings[next_heading++].second);
      // A run-on act (a list of the sitting's acts, one paragraph per act)
      // decides in its heading's own paragraph, by a firm decision or a
      // vote stated in full (a bare "vote" may be the subject's word).
      if (b.text.size() >= kMinRunOnBytes && AnyMatches(b, voted, rules)) acts.Body(true, false);
      continue;
    }
    if (!acts.open()) continue;
    const bool decides = !acts.decided() && AnyMatches(b, needed, rules);
    const bool settles = !acts.settled() && AnyMatches(b, strong, rules);
    acts.Body(decides, settles);
  }
  std::vector<int> starts = acts.Finish();
  DropItemsBeforeNumberedActs(acts.numbered(), &starts);
  // Where acts are numbered, their numbers cut them, not the items.
  if (acts.numbered().empty()) AddItemRuns(doc, rules, end, headings, needed, &starts);
  // A list of the sitting's deliberations names each act by its number
  // without its text: each is an act.  An agenda ("1. Budget", "2. …")
  // names items, not acts: without their decisions the sitting is the act.
  if (starts.empty() && deliberation && acts.numbered().size() >= 2) {
    starts = OfTheListSeries(acts.numbered(), headings);
  }
  // Headings in capitals cut off run-on minutes are each followed by a
  // decision, firm or not: they tell the items better than the firm
  // decisions alone.
  if (starts.empty() && deliberation) starts = ItemsByCapsHeadings(doc, end);
  if (starts.empty() && deliberation && headings.empty()) {
    starts = ItemsByDecisions(doc, rules, end, strong);
  }
  if (starts.empty() && deliberation) starts = DecisionThenItem(doc, rules, acts.undecided_item());
  if (const int item = SoleFirstItem(doc, rules, headings);
      starts.empty() && deliberation && item > 0) {
    starts = {item};
  }

  if (starts.empty()) {
    if (deliberation && end > 0) seg->acts.push_back(BlockRange{0, end});
    return;
  }
  if (const int approval = MinutesApproval(doc, rules, starts.front()); approval > 0) {
    starts.insert(starts.begin(), approval);
  } else if (const int under = ApprovalUnderAgendaLine(doc, rules, starts.front(),
                                                       starts.size() > 1 ? starts[1] : end,
                                                       decision, acts.numbered());
             under > 0) {
    starts.front() = under;
  }
  seg->sitting = BlockRange{0, starts.front()};
  for (size_t k = 0; k < starts.size(); ++k) {
    const int stop = k + 1 < starts.size() ? starts[k + 1] : end;
    seg->acts.push_back(BlockRange{starts[k], stop});
  }
}

namespace {

// The value of a Roman numeral of items (I to XX), 0 for anything else.
int RomanValue(std::string_view s) {
  static constexpr std::string_view kNumerals[] = {
      "I",  "II",  "III",  "IV",  "V",  "VI",  "VII",  "VIII",  "IX",  "X",
      "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
  for (int k = 0; k < 20; ++k) {
    if (s == kNumerals[k]) return k + 1;
  }
  return 0;
}

}  // namespace

std::vector<int> ItemKey(std::string_view number) {
  if (const int roman = RomanValue(number); roman > 0) return {roman};
  std::vector<int> key;
  int part = -1;
  for (size_t i = 0; i < number.size(); ++i) {
    const char c = number[i];
    if (c >= '0' && c <= '9') {
      part = (part < 0 ? 0 : part * 10) + (c - '0');
      if (part > 9999) return {};
    } else if (c == '.' && part >= 0) {
      key.push_back(part);
      part = -1;
    } else if (part >= 0 && number.find('.', i) == std::string_view::npos) {
      break;  // "3bis", "12 a": the last part's suffix
    } else {
      return {};
    }
  }
  if (part < 0) return {};
  key.push_back(part);
  return key;
}

bool ItemFollows(std::string_view prev, std::string_view next) {
  const std::vector<int> p = ItemKey(prev), n = ItemKey(next);
  // Minutes may number from 0 ("0. Approbation du procès-verbal", then "1. …"): the
  // opening item that approves the previous minutes stands before the numbered agenda.
  return !p.empty() && p.size() == n.size() && std::equal(p.begin(), p.end() - 1, n.begin()) &&
         n.back() == p.back() + 1;
}

std::string NextInSeries(const std::string& number) {
  if (number.empty() || number.back() < '0' || number.back() > '9') return {};
  size_t begin = number.size();
  while (begin > 0 && number[begin - 1] >= '0' && number[begin - 1] <= '9') --begin;
  std::string digits = number.substr(begin);
  size_t k = digits.size();
  while (k > 0 && digits[k - 1] == '9') digits[--k] = '0';
  if (k == 0) {
    digits.insert(digits.begin(), '1');
  } else {
    ++digits[k - 1];
  }
  return number.substr(0, begin) + digits;
}

}  // namespace clsdb
