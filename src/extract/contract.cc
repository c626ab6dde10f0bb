// ExtractContracts: one Contract per segment — its header facts (title,
// territory, generation, period, signature, population), then its parties
// (parties.cc) and articles (articles.cc).  Rules: "contract.*" of
// rules/contract.rules.
//
// Where each fact is looked for is what makes it the contract's own:
//   - title and period: the title page only (the blocks before the
//     preamble), because the body recalls earlier contracts and periods;
//   - territory: the parties that are collectivities, else the title;
//   - generation: every mention in the contract, highest wins (a renewal
//     recalls its predecessors); else the document outside the contracts
//     (a deliberation approving "CLS de 3ème génération");
//   - population and communes: the perimeter article first, then the other
//     articles, then the rest of the contract;
//   - signature: the first "Fait à …" line of the contract.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/words.h"
#include "extract/contract_steps.h"
#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/text_util.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

// How far a title page runs when no preamble closes it.
constexpr int kTitlePageBlocks = 12;
// At most this many lines continue a title ("Communauté d'Agglomération" /
// "de Lens-Liévin").
constexpr int kTitleContinuations = 8;
// A title page sets its title in short lines; a longer one is text.
constexpr size_t kTitlePageLineBytes = 80;
// A generation or a period beyond these is not one.
constexpr int kMaxGeneration = 9;
constexpr int kMaxPeriodYears = 12;

// Digits of a number written with thousands separators ("27 142", "54.000").
OptInt ParseCount(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  return std::stoll(digits);
}

int OrdinalWordValue(std::string_view word) {
  const std::string folded = FoldForMatch(word);
  if (folded.rfind("premi", 0) == 0) return 1;
  if (folded.rfind("deux", 0) == 0 || folded.rfind("second", 0) == 0) return 2;
  if (folded.rfind("trois", 0) == 0) return 3;
  if (folded.rfind("quatr", 0) == 0) return 4;
  if (folded.rfind("cinq", 0) == 0) return 5;
  return 0;
}

// The highest generation any generation rule finds in text, or 0.
int GenerationIn(std::string_view text, const RuleSet& rules) {
  int best = 0;
  // Asked of every paragraph of a contract whose title page gives none:
  // one pass of the family's set says which rules occur, and only those
  // are searched for their matches.
  for (const Rule* rule : rules.MatcherFor(RuleFamily::kContractGeneration).Matching(text)) {
    for (const RuleMatch& m : rules.SearchAll(*rule, text)) {
      int value = m.Has("n") ? m.Get("n")[0] - '0' : OrdinalWordValue(m.Get("word"));
      // "un premier contrat local de santé": the first of a history, an
      // earlier contract than this one.
      if (value == 1 && m.Has("earlier")) continue;
      if (value > 0 && value <= kMaxGeneration) best = std::max(best, value);
    }
  }
  return best;
}

class ContractReader {
 public:
  ContractReader(const LaidOutDocument& doc, const Segmentation& seg, const ContractSegment& cs,
                 const RuleSet& rules)
      : doc_(doc), seg_(seg), cs_(cs), rules_(rules) {
    const int preamble = FindPreambleStart(doc, cs, rules);
    title_page_end_ =
        preamble >= 0 ? preamble : std::min(cs.range.end, cs.title_block + kTitlePageBlocks);
  }

  Contract Read() {
    Contract c;
    c.prov = ProvenanceOf(doc_.blocks[cs_.title_block], RuleId::kContractTitle);
    if (!cs_.untitled) ReadTitle(&c);
    ExtractParties(doc_, cs_, rules_, &c);
    ExtractArticles(doc_, cs_, rules_, &c);
    ReadTerritory(&c);
    ReadGeneration(&c);
    ReadPeriod(&c);
    ReadSignature(&c);
    ReadPopulation(&c);
    return c;
  }

 private:
  // The title block, from "Contrat local de santé" on, with the lines that
  // continue it: the territory's name under a bare "CONTRAT LOCAL DE SANTÉ",
  // and lines a PDF broke off a long title.
  void ReadTitle(Contract* c) {
    const Block& block = doc_.blocks[cs_.title_block];
    RuleMatch m;
    std::string title;
    if (rules_.Search(RuleId::kContractTitle, block.text, &m)) {
      const size_t head = m.group_spans.count("head") ? m.group_spans.at("head").first : 0;
      title = block.text.substr(head);
      std::string rest = m.Get("rest");
      RuleMatch end;
      if (!rest.empty() && rules_.Search(RuleId::kContractTitleEnd, rest, &end)) {
        // The title ends with rest: cut both where the preamble begins.
        title.resize(title.size() - (rest.size() - end.start));
        rest.resize(end.start);
      }
      title_rest_ = CleanValue(rest);
      TakeLastTitle(&title);
    } else if (rules_.Search(RuleId::kContractTitleRunOn, block.text, &m)) {
      // The title's words up to its period; the paragraph runs on.
      title = m.Get("head") + m.Get("rest");
      title_rest_ = CleanValue(m.Get("rest"));
      TakeLastTitle(&title);
      c->title = CleanValue(title);
      return;
    } else {
      return;
    }
    // "CONTRAT LOCAL DE SANTÉ 2023 – 2028": years name no territory either.
    bool bare = !rules_.Matches(RuleId::kContractHasWords, title_rest_);
    const bool shouting = !rules_.Matches(RuleId::kContractHasLowerCase, block.text);
    int taken = 0;
    for (int j = cs_.title_block + 1; j < title_page_end_ && taken < kTitleContinuations; ++j) {
      const Block& next = doc_.blocks[j];
      if (IsParagraph(next) && next.text == block.text) continue;  // a cover repeats it
      if (!IsParagraph(next) || rules_.Matches(RuleId::kContractTitle, next.text)) break;
      const bool take = (bare && (rules_.Matches(RuleId::kContractTerritoryKind, next.text) ||
                                  rules_.Matches(RuleId::kContractTitleConnector, next.text))) ||
                        // A title page set in capitals, one short line each.
                        (shouting && next.text.size() <= kTitlePageLineBytes &&
                         rules_.Matches(RuleId::kContractTitlePageLine, next.text) &&
                         !rules_.Matches(RuleId::kContractTitlePageEnd, next.text)) ||
                        rules_.Matches(RuleId::kContractTitleDangling, title) ||
                        (taken > 0 && rules_.Matches(RuleId::kContractTitleContinues, next.text));
      if (!take) break;
      title += " " + next.text;
      title_rest_ += (title_rest_.empty() ? "" : " ") + next.text;
      bare = false;
      ++taken;
    }
    c->title = CleanValue(title);
  }

  // A cover flattened into one block repeats "Contrat local de santé" (the
  // bare words over the full title, or the title twice): the title is the
  // last one, up to its period when it gives one (rule
  // contract.title_repeated).
  void TakeLastTitle(std::string* title) {
    const std::vector<RuleMatch> again = rules_.SearchAll(RuleId::kContractTitleRepeated, *title);
    if (again.empty()) return;
    const size_t at = again.back().group_spans.at("at").first;
    const std::string last = title->substr(at);
    RuleMatch m;
    if (rules_.Search(RuleId::kContractTitleRunOn, last, &m)) {
      *title = m.Get("head") + m.Get("rest");
    } else if (rules_.Search(RuleId::kContractTitle, last, &m)) {
      // "Contrat Local de Santé de X Contrat Local de Santé Entre …": the
      // bare words after the full title (a flattened cover's heading over
      // its preamble) name nothing; the title is the one before them.
      RuleMatch first;
      const std::string before(Trim(std::string_view(*title).substr(0, at)));
      if (!rules_.Matches(RuleId::kContractHasWords, m.Get("rest")) &&
          rules_.Search(RuleId::kContractTitle, before, &first) &&
          rules_.Matches(RuleId::kContractHasWords, first.Get("rest"))) {
        *title = before;
        m = first;
      } else {
        *title = last;
      }
    } else {
      return;
    }
    title_rest_ = CleanValue(m.Get("rest"));
  }

  // The collectivities among the parties ("Communauté de communes …"); else
  // the title's words after "Contrat local de santé", without years.
  void ReadTerritory(Contract* c) {
    std::vector<const Party*> territories;
    for (const Party& p : c->parties) {
      if (rules_.Matches(RuleId::kContractTerritoryKind, p.organization)) territories.push_back(&p);
    }
    // Co-signing territories ("Pays du Trégor-Goëlo", "Pays de Guingamp")
    // when the title names only some of them: the contract's are those.
    const std::string title = FoldForMatch(title_rest_);
    std::vector<const Party*> named;
    for (const Party* p : territories) {
      if (title.find(FoldForMatch(p->organization)) != std::string::npos) named.push_back(p);
    }
    if (!named.empty()) territories = named;
    if (!territories.empty()) {
      std::string joined;
      for (const Party* p : territories) {
        if (!joined.empty()) joined += " et ";
        joined += p->organization;
      }
      c->territory = joined;
      if (territories.size() == 1 && territories[0]->acronym.has_value() &&
          IsAcronymLike(*territories[0]->acronym) &&
          !rules_.Matches(RuleId::kContractGenericShortName, *territories[0]->acronym)) {
        c->territory_acronym = territories[0]->acronym;
      }
    } else {
      std::string rest = title_rest_;
      RuleMatch m;
      if (rules_.Search(RuleId::kContractPeriod, rest, &m)) rest = rest.substr(0, m.start);
      if (rules_.Search(RuleId::kContractGenerationClsNumber, rest, &m))
        rest = rest.substr(0, m.start);
      // "2ème génération", "(CLS)": what the title says of the contract, not
      // of its territory.
      for (RuleId rule :
           {RuleId::kContractGenerationOrdinalNumber, RuleId::kContractParenAcronym}) {
        if (rules_.Search(rule, rest, &m)) rest.erase(m.start, m.end - m.start);
      }
      if (rules_.Search(RuleId::kContractTitleLead, rest, &m)) rest = rest.substr(m.end);
      rest = CleanValue(rest);
      if (!rest.empty()) c->territory = rest;
    }
    if (!c->territory_acronym.has_value() && c->territory.has_value() && territories.size() <= 1) {
      c->territory_acronym = AcronymInBrackets(*c->territory);
    }
  }

  // A short name of one word: "CCSA", "Ternoiscom" — not "Communauté
  // d'Agglomération".
  static bool IsAcronymLike(std::string_view s) {
    return s.size() >= 2 && s.size() <= 20 && s.find(' ') == std::string_view::npos;
  }

  // "Name (ACR)" where Name is the territory, in the contract first, then
  // anywhere in the document (a report listing the contracts it approves).
  OptText AcronymInBrackets(const std::string& territory) const {
    const std::string key = FoldForMatch(territory);
    if (key.empty()) return std::nullopt;
    auto search = [&](int begin, int end) -> OptText {
      const Rule& rule = rules_.Get(RuleId::kContractParenAcronym);
      for (int i = begin; i < end; ++i) {
        const Block& b = doc_.blocks[i];
        if (!IsParagraph(b) || b.text.find('(') == std::string::npos) continue;
        for (const RuleMatch& m : rules_.SearchAll(rule, b.text)) {
          const std::string before = FoldForMatch(std::string_view(b.text).substr(0, m.start));
          if (before.size() >= key.size() &&
              before.compare(before.size() - key.size(), key.size(), key) == 0) {
            return m.Get("acronym");
          }
        }
      }
      return std::nullopt;
    };
    if (OptText found = search(cs_.range.begin, cs_.range.end)) return found;
    return search(0, static_cast<int>(doc_.blocks.size()));
  }

  // The generation the title page states; else the highest the contract
  // mentions (its body also speaks of earlier contracts, and sometimes of
  // the next one, which the title page settles).
  void ReadGeneration(Contract* c) {
    auto highest = [&](int begin, int end) {
      int best = 0;
      for (int i = begin; i < end; ++i) {
        const Block& b = doc_.blocks[i];
        // A table of contents' page number ("… DU CLS 8") is not a rank.
        if (IsParagraph(b) && !rules_.Search(RuleId::kArticlesTocLeader, b.text, nullptr)) {
          best = std::max(best, GenerationIn(b.text, rules_));
        }
      }
      return best;
    };
    int best = std::max(GenerationIn(c->title, rules_), highest(cs_.title_block, title_page_end_));
    if (best == 0) best = highest(cs_.range.begin, cs_.range.end);
    if (best == 0) {
      // The document around the contracts (the approving act, its report).
      best = highest(0, seg_.contracts.empty() ? 0 : seg_.contracts.front().range.begin);
    }
    if (best > 0) c->generation = best;
  }

  void ReadPeriod(Contract* c) {
    for (int i = cs_.title_block; i < title_page_end_; ++i) {
      const Block& b = doc_.blocks[i];
      if (!IsParagraph(b)) continue;
      for (const RuleMatch& m : rules_.SearchAll(rules_.Get(RuleId::kContractPeriod), b.text)) {
        if (!m.Get("other").empty()) continue;  // another plan's years
        const OptInt start = ParseCount(m.Get("start")), end = ParseCount(m.Get("end"));
        if (start && end && *end >= *start && *end - *start <= kMaxPeriodYears) {
          c->period_start = start;
          c->period_end = end;
          return;
        }
      }
    }
  }

  void ReadSignature(Contract* c) {
    for (int i = cs_.range.begin; i < cs_.range.end; ++i) {
      const Block& b = doc_.blocks[i];
      if (!IsParagraph(b)) continue;
      RuleMatch m;
      if (!MatchSignedLine(rules_, b.text, &m)) continue;
      const std::string place = CleanValue(m.Get("place"));
      if (!place.empty() && !rules_.Matches(RuleId::kContractPlaceholder, place)) {
        c->signed_place = place;
      }
      std::optional<std::string> date;
      if (std::optional<DateMatch> found = FindFrenchDate(m.Get("rest"), rules_)) {
        date = found->iso;
      } else if (i + 1 < cs_.range.end && IsParagraph(doc_.blocks[i + 1])) {
        // "Fait à Arras," with the date alone on the next line.
        date = ParseFrenchDate(doc_.blocks[i + 1].text, rules_);
      }
      if (date) c->signed_date = *date;
      return;
    }
  }

  // The first count found, perimeter article first.
  void ReadPopulation(Contract* c) {
    std::vector<std::string_view> texts;
    for (const Article& a : c->articles) {
      if (rules_.Matches(RuleId::kContractPerimeterArticle, a.title)) texts.push_back(a.body);
    }
    for (const Article& a : c->articles) texts.push_back(a.body);
    for (int i = cs_.range.begin; i < cs_.range.end; ++i) {
      if (IsParagraph(doc_.blocks[i])) texts.push_back(doc_.blocks[i].text);
    }
    for (std::string_view text : texts) {
      RuleMatch m;
      if (!c->communes && rules_.Search(RuleId::kContractCommunes, text, &m)) {
        c->communes = ParseCount(m.Has("n") ? m.Get("n") : m.Get("caption"));
      }
      if (!c->population && rules_.Search(RuleId::kContractPopulation, text, &m)) {
        c->population = ParseCount(m.Get("n"));
      }
      if (c->communes && c->population) return;
    }
  }

  const LaidOutDocument& doc_;
  const Segmentation& seg_;
  const ContractSegment& cs_;
  const RuleSet& rules_;
  int title_page_end_ = 0;
  std::string title_rest_;  // the title's words after "Contrat local de santé"
};

}  // namespace

bool MatchSignedLine(const RuleSet& rules, std::string_view text, RuleMatch* m) {
  // Most specific first: "Fait à X, le D" before "Fait à X le D" (the place
  // may hold " le ") before "Fait le D à X" before "À X, le D" (no "Fait")
  // before a bare "Fait à X".
  for (RuleId rule :
       {RuleId::kContractSignedComma, RuleId::kContractSignedLe, RuleId::kContractSignedDateFirst,
        RuleId::kContractSignedPlaceDate, RuleId::kContractSignedBare}) {
    if (rules.Search(rule, text, m)) return true;
  }
  return false;
}

int FindPreambleStart(const LaidOutDocument& doc, const ContractSegment& seg,
                      const RuleSet& rules) {
  const int end = std::min(seg.range.end, seg.title_block + 1 + 3 * kTitlePageBlocks);
  for (int i = seg.title_block + 1; i < end; ++i) {
    const Block& b = doc.blocks[i];
    if (!IsParagraph(b)) continue;
    if (rules.Matches(RuleId::kContractPreambleStart, b.text)) return i;
    if (rules.Matches(RuleId::kArticlesHeading, b.text)) return -1;
  }
  return -1;
}

void ExtractContracts(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                      DocumentRecords* out) {
  for (const ContractSegment& cs : seg.contracts) {
    if (cs.title_block < 0 || cs.title_block >= static_cast<int>(doc.blocks.size())) {
      out->contracts.emplace_back();
      continue;
    }
    out->contracts.push_back(ContractReader(doc, seg, cs, rules).Read());
  }
}

}  // namespace clsdb
