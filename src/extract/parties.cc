// ExtractParties: the signatories of a contract.  Rules: "parties.*" of
// rules/parties.rules.
//
// The preamble runs from "Entre :" to "Il est convenu ce qui suit" (or the
// summary, the visas, article 1).  It is cut into one piece per party: at the
// lines that only say "et", at lines that open with an article ("La Caisse
// …", "L'Agence …"), and inside a paragraph at "…», et la …".  Pieces are
// joined text, so a party written over several lines (a text file's broken
// lines, a PDF's paragraphs) reads the same.  Each piece gives:
//   organisation — up to "dont le siège", "situé", "représentée", "ci-après",
//                  without its leading article;
//   acronym      — the last « … » of its "ci-après dénommée" clause;
//   address      — after "dont le siège est situé (au)";
//   representative, representative_title — from "représentée par …" in its
//                  forms: "par M. X en sa qualité de T", "par son T, M. X",
//                  "par sa T Mme X", "par X, T", "par Monsieur le T X".
// A party whose preamble names nobody takes its representative from the
// signature block ("Le directeur général de l'ARS Grand Est," … "KIEFFER
// Damien") or from a table whose cells read "Organisation / La Directrice,
// Prénom NOM", matched to it by the words of its name.  A contract without a
// preamble takes its parties from the signature block.
#include <algorithm>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/words.h"
#include "extract/contract_steps.h"
#include "extract/text_util.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

// How far past "Entre :" a preamble may run, and past "Fait à" a signature
// block: generous bounds that only matter when the closing line is missing.
constexpr int kPreambleBlocks = 400;
constexpr int kSignatureBlocks = 80;
// Signatures outside a "Fait à" block are looked for this far into a
// contract, in lines no longer than kMaxOfficeLine, and count only when at
// least kMinOfficeLines offices stand together (one is a mention).
constexpr int kOfficeLineBlocks = 200;
constexpr size_t kMaxOfficeLine = 120;
constexpr size_t kMinOfficeLines = 2;
// Offices run together in one paragraph, in at most this many bytes.
constexpr size_t kMaxInlineOffices = 400;
// An "organisation" longer than this is a sentence the cut went wrong on.
constexpr size_t kMaxOrganization = 300;
// A party named without seat, representative nor short name is a short line
// ("L'Agence régionale de santé Grand Est,"); a longer piece without any of
// them is prose.
constexpr size_t kMaxBareParty = 160;
// A preamble block this long without any party's words ends the preamble.
constexpr size_t kMaxSignallessBlock = 300;
// A preamble run into the title's paragraph is looked for this far past it.
constexpr int kInlinePreambleBlocks = 12;
// Between two « » of one "ci-après" clause ("« X » ou « Y »") only this much.
constexpr size_t kMaxQuoteGap = 16;
// A signatory must match at least this share of the words naming its body.
constexpr double kMinSignatoryMatch = 0.5;

// Text without the prefix rule `rule` matches at its start (an article, a
// possessive), cleaned.
std::string StripLeading(const RuleSet& rules, RuleId rule, std::string_view text) {
  std::string s = CleanValue(text);
  RuleMatch m;
  if (rules.Search(rule, s, &m) && m.start == 0 && m.end < s.size()) {
    s = CleanValue(s.substr(m.end));
  }
  return s;
}

// ---- One party's piece of the preamble -------------------------------------

struct Piece {
  std::string text;
  int block = -1;  // where it starts, for provenance
  size_t start = 0, end = 0;
  std::string address;  // a line of its own that is a postal address
  // Cut from a list of parties named by office in one paragraph ("Entre
  // Monsieur le Maire de X, Monsieur le Préfet de Y …").
  bool office_list = false;
};

class PreambleCutter {
 public:
  PreambleCutter(const LaidOutDocument& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {}

  // The preamble from block start on; from_offset, when given, is where its
  // first party starts inside that block (a preamble run into the title's
  // paragraph), else the block is read as the preamble's opening.
  std::vector<Piece> Cut(const ContractSegment& seg, int start,
                         size_t from_offset = std::string::npos) {
    const Block& first = doc_.blocks[start];
    RuleMatch m;
    // A list of signatories ("LES SIGNATAIRES") gives each party a paragraph
    // of its own, without the "et" and articles that cut a preamble.
    bool list = false;
    if (from_offset != std::string::npos) {
      Add(start, from_offset, first.text.size());
    } else if (rules_.Search(RuleId::kContractPreambleStart, first.text, &m)) {
      list = m.Has("list");
      for (const char* group : {"inline", "rest"}) {
        auto it = m.group_spans.find(group);
        if (it != m.group_spans.end() && it->second.second > it->second.first) {
          Add(start, it->second.first, first.text.size());
          break;
        }
      }
    }
    const int end = std::min(seg.range.end, start + kPreambleBlocks);
    for (int i = start + 1; i < end; ++i) {
      const Block& b = doc_.blocks[i];
      if (!IsParagraph(b) || rules_.Matches(RuleId::kPartiesPreambleEnd, b.text)) break;
      if (rules_.Matches(RuleId::kPartiesSeparator, b.text) ||
          rules_.Matches(RuleId::kPartiesGroupHeading, b.text)) {
        Flush();
        continue;
      }
      // A long paragraph with nothing of a party's description: the
      // preamble ended without its closing line.
      if (b.text.size() > kMaxSignallessBlock && !rules_.Matches(RuleId::kPartiesSignal, b.text))
        break;
      // "Le Diapason, 2 Place des Savoirs, 21035 DIJON CEDEX": the seat of
      // the party above, though it opens with an article.
      if (current_.block >= 0 && current_.address.empty() &&
          rules_.Matches(RuleId::kPartiesAddressLine, b.text)) {
        current_.address = b.text;
        continue;
      }
      if (StartsParty(b.text) ||
          ((list || EndsBareItem()) && !rules_.Matches(RuleId::kPartiesContinues, b.text) &&
           !StartsWithDigit(b.text))) {
        Flush();
      }
      Add(i, 0, b.text.size());
    }
    Flush();
    return std::move(pieces_);
  }

 private:
  // Adds [from, to) of block i, cutting it where a paragraph moves on to the
  // next party ("…», et la Communauté …").
  // A run-on preamble ("… Représentée par le préfet, X Le Conseil
  // Départemental du Cantal Représenté par …") is also cut before an article
  // and a capitalised word, once the party before it has told its seat, its
  // representative or its short name.
  void Add(int i, size_t from, size_t to) {
    const std::string& text = doc_.blocks[i].text;
    const std::string_view part = std::string_view(text).substr(from, to - from);
    std::vector<size_t> cuts;
    std::vector<size_t> link_at;  // for each cut, where the words linking the parties begin
    bool office_list = false;
    for (const RuleMatch& m : rules_.SearchAll(rules_.Get(RuleId::kPartiesInlineSplit), part)) {
      // After "…», et" the next party starts; a party named by office starts
      // at its civility ("…, Monsieur le Préfet de …").
      office_list = office_list || m.Has("office");
      if (m.Has("office")) {
        cuts.push_back(from + m.group_spans.at("office").first);
        link_at.push_back(cuts.back());
        continue;
      }
      // The party before ends with its short name's "»", not with the link
      // ("…, Claire DURAND, Et :" left a name that reads "DURAND, Et").
      const auto [sep_begin, sep_end] = m.group_spans.at("sep");
      cuts.push_back(from + sep_end);
      link_at.push_back(from + sep_begin + (part.substr(sep_begin).starts_with("»") ? 2 : 0));
    }
    // Offices each closed by a comma, the last one too ("Entre Madame la
    // Maire de X, Monsieur le Préfet de Y, Il a été convenu …"), are a list
    // printed one a line that a converter flattened, read as its lines are
    // (EndsBareItem); a sentence joins its last office with "et" and ends
    // without a comma.
    if (office_list && EndsWithComma(part)) office_list = false;
    std::vector<size_t> starts;
    for (const RuleMatch& m : rules_.SearchAll(rules_.Get(RuleId::kPartiesInlineStart), part)) {
      starts.push_back(from + m.group_spans.at("at").first);
    }
    size_t at = from;
    size_t next_cut = 0, next_start = 0;
    while (next_cut < cuts.size() || next_start < starts.size()) {
      const bool take_cut = next_start >= starts.size() ||
                            (next_cut < cuts.size() && cuts[next_cut] <= starts[next_start]);
      const size_t link = take_cut ? link_at[next_cut] : starts[next_start];
      const size_t cut = take_cut ? cuts[next_cut++] : starts[next_start++];
      if (cut <= at) continue;
      if (!take_cut) {
        const std::string_view before = std::string_view(text).substr(at, cut - at);
        if (!rules_.Matches(RuleId::kPartiesSignal, before) || InsideQuotes(before)) continue;
      }
      Append(i, at, std::max(at, link));
      current_.office_list = current_.office_list || office_list;
      Flush();
      at = cut;
    }
    Append(i, at, to);
    current_.office_list = current_.office_list || office_list;
  }

  // A line that opens a party: with its article, or a body's name without
  // it ("Agence Régionale de Santé …") unless the line above ends on "de".
  bool StartsParty(const std::string& text) const {
    RuleMatch m;
    return rules_.Search(RuleId::kPartiesStartsParty, text, &m) &&
           (!m.Has("body") || !rules_.Matches(RuleId::kPartiesLineContinued, current_.text));
  }

  // A party named bare, closed by a comma or a semicolon ("Madame la Maire
  // de X,", "Monsieur le Préfet de Y,"): in a list of such lines, each is a
  // party of its own unless the next line goes on describing it.
  bool EndsBareItem() const {
    const std::string_view text = Trim(current_.text);
    return current_.block >= 0 && !text.empty() && text.size() <= kMaxBareParty &&
           (text.back() == ',' || text.back() == ';') &&
           !rules_.Matches(RuleId::kPartiesSignal, text);
  }

  static bool EndsWithComma(std::string_view text) {
    text = Trim(text);
    return !text.empty() && (text.back() == ',' || text.back() == ';');
  }

  static bool StartsWithDigit(std::string_view text) {
    text = Trim(text);
    return !text.empty() && text.front() >= '0' && text.front() <= '9';
  }

  // "ci-après « la CPTS La Gohelle »": a short name is no place to cut.
  static bool InsideQuotes(std::string_view text) {
    int open = 0;
    for (size_t k = 0; k + 1 < text.size(); ++k) {
      if (text.compare(k, 2, "«") == 0) ++open;
      if (text.compare(k, 2, "»") == 0 && open > 0) --open;
    }
    return open > 0;
  }

  void Append(int i, size_t from, size_t to) {
    if (to <= from) return;
    if (current_.block < 0) {
      current_.block = i;
      current_.start = from;
      current_.end = to;
    }
    current_.text += ' ';
    current_.text.append(doc_.blocks[i].text, from, to - from);
  }

  void Flush() {
    if (!Trim(current_.text).empty()) pieces_.push_back(std::move(current_));
    current_ = Piece();
  }

  const LaidOutDocument& doc_;
  const RuleSet& rules_;
  Piece current_;
  std::vector<Piece> pieces_;
};

// ---- Reading a piece --------------------------------------------------------

struct Person {
  std::string name, title;
};

// "Préfet Thierry ROUQUETTE" → title "Préfet", name "Thierry ROUQUETTE": the
// name starts at the surname in capitals, or at the first name just before it.
Person SplitTitleAndName(std::string_view text, const RuleSet& rules) {
  const std::vector<std::string> words = SplitWords(CleanValue(text));
  size_t surname = words.size();
  for (size_t i = 0; i < words.size(); ++i) {
    if (rules.Matches(RuleId::kPartiesCapsWord, words[i])) {
      surname = i;
      break;
    }
  }
  if (surname == words.size()) return {JoinWords(words, 0, words.size()), ""};
  size_t start = surname;
  if (start > 0 && rules.Matches(RuleId::kPartiesMixedWord, words[start - 1])) --start;
  // "Jean - Roger RIBAUD": a first name split around its hyphen.
  while (start >= 2 && words[start - 1] == "-") start -= 2;
  // "Préfète, Mme Isabelle DUPONT": the civility belongs to neither.
  size_t title_end = start;
  RuleMatch m;
  while (title_end > 0 &&
         rules.Search(RuleId::kPartiesRepCivility, CleanValue(words[title_end - 1]) + " ", &m)) {
    --title_end;
  }
  return {JoinWords(words, start, words.size()), JoinWords(words, 0, title_end)};
}

bool LooksLikeName(std::string_view text, const RuleSet& rules) {
  const std::string s = CleanValue(text);
  return !s.empty() && rules.Matches(RuleId::kPartiesPersonName, s) &&
         !rules.Matches(RuleId::kPartiesOfficeStart, s);
}

// A name without the civility in front of it ("Dr Hélène MARTY").
std::string CleanName(std::string_view text, const RuleSet& rules) {
  std::string s = CleanValue(text);
  RuleMatch m;
  while (rules.Search(RuleId::kPartiesRepCivility, s, &m) && m.start == 0) {
    s = CleanValue(s.substr(m.end));
  }
  return s;
}

std::string CleanTitle(std::string_view text, const RuleSet& rules) {
  std::string s = StripLeading(rules, RuleId::kPartiesPossessive, text);
  RuleMatch m;
  if (rules.Search(RuleId::kPartiesOfficeSuffix, s, &m)) s = CleanValue(s.substr(0, m.start));
  return s;
}

// "Pierre DUPONT Directeur général" (no comma): the office after the
// surname in capitals is the title, not part of the name.
void SplitOfficeAfterName(Person* p, const RuleSet& rules) {
  const std::vector<std::string> words = SplitWords(p->name);
  for (size_t k = 1; k < words.size(); ++k) {
    RuleMatch m;
    if (!rules.Matches(RuleId::kPartiesCapsWord, words[k - 1]) ||
        !rules.Search(RuleId::kPartiesOfficeStart, JoinWords(words, k, words.size()), &m)) {
      continue;
    }
    if (p->title.empty()) p->title = JoinWords(words, k, words.size());
    p->name = JoinWords(words, 0, k);
    return;
  }
}

// The person and title of a "représentée par …" clause.
Person ReadRepresentation(std::string clause, const RuleSet& rules) {
  RuleMatch m;
  if (rules.Search(RuleId::kPartiesRepEnd, clause, &m)) clause = clause.substr(0, m.start);
  Person p;
  if (rules.Search(RuleId::kPartiesRepQuality, clause, &m)) {
    p.title = m.Get("title");
    clause = m.Get("before");
  }
  if (rules.Search(RuleId::kPartiesRepCivility, clause, &m)) {
    // "[son T,] Monsieur X[, T]" or "Monsieur le T X".
    const std::string before = CleanValue(clause.substr(0, m.start));
    std::string after(Trim(clause.substr(m.end)));
    if (p.title.empty() && !before.empty()) p.title = before;
    RuleMatch det;
    if (rules.Search(RuleId::kPartiesPossessive, after, &det) && det.start == 0 &&
        !rules.Matches(RuleId::kPartiesPersonName, after)) {
      Person split = SplitTitleAndName(after.substr(det.end), rules);
      if (p.title.empty()) p.title = split.title;
      p.name = split.name;
    } else {
      const size_t comma = after.find(',');
      if (comma != std::string::npos) {
        if (p.title.empty()) p.title = after.substr(comma + 1);
        after.resize(comma);
      }
      p.name = after;
    }
  } else {
    RuleMatch det;
    const bool determiner =
        rules.Search(RuleId::kPartiesPossessive, clause, &det) && det.start == 0;
    const std::string c = StripLeading(rules, RuleId::kPartiesPossessive, clause);
    const size_t comma = c.find(", ");
    if (comma != std::string::npos) {
      const std::string left = c.substr(0, comma), right = c.substr(comma + 2);
      if (LooksLikeName(left, rules)) {
        p.name = left;
        if (p.title.empty()) p.title = right;
      } else {
        if (p.title.empty()) p.title = left;
        p.name = right;
      }
    } else if (LooksLikeName(c, rules) && !(determiner && p.title.empty())) {
      p.name = c;  // "Jacques BILLANT [en sa qualité de préfet]"
    } else {
      Person split = SplitTitleAndName(c, rules);
      if (p.title.empty()) p.title = split.title;
      p.name = split.name;
    }
  }
  p.name = CleanName(p.name, rules);
  SplitOfficeAfterName(&p, rules);
  p.title = CleanTitle(p.title, rules);
  // "Madame Annie": a first name alone is a name cut short, not a person.
  if (!LooksLikeName(p.name, rules) ||
      (p.name.find(' ') == std::string::npos && !rules.Matches(RuleId::kPartiesCapsWord, p.name))) {
    p.name.clear();
  }
  return p;
}

// Removes the "ci-après dénommée « … » (ou « … »)" clause from text and
// returns its last short name, without its article ("« la CPAM »" → "CPAM").
OptText TakeShortName(std::string* text, const RuleSet& rules) {
  RuleMatch clause;
  if (!rules.Search(RuleId::kPartiesHereinafter, *text, &clause)) return std::nullopt;
  OptText name;
  size_t end = clause.end, previous = clause.end;
  const std::string_view after = std::string_view(*text).substr(clause.end);
  for (const RuleMatch& q : rules.SearchAll(rules.Get(RuleId::kPartiesQuoted), after)) {
    const size_t start = clause.end + q.start;
    // The article may sit outside the quotes: "dénommée la « MIPE »".
    if (start - previous > kMaxQuoteGap) break;
    std::string value = q.Get("quoted");
    if (value.empty()) value = q.Get("quoted2");
    if (value.empty()) value = q.Get("quoted3");
    value = StripLeading(rules, RuleId::kPartiesArticle, value);
    if (!value.empty()) name = value;
    end = previous = clause.end + q.end;
  }
  *text = text->substr(0, clause.start) + " " + text->substr(end);
  return name;
}

// "Madame la Maire de X", "Monsieur le Préfet de Y": a party named by its
// office, without the civility and the article before the office.
std::string WithoutCivility(const std::string& text, const RuleSet& rules) {
  RuleMatch m;
  if (!rules.Search(RuleId::kPartiesRepCivility, text, &m) || m.start != 0 ||
      !Trim(m.Get("lead")).empty()) {
    return text;
  }
  const std::string rest = text.substr(m.end);
  RuleMatch article;
  if (!rules.Search(RuleId::kPartiesArticle, rest, &article) || article.start != 0) return text;
  return rest;
}

// Where the civility that opens `text` ("Monsieur", "Mme") ends; nothing when
// the text does not open with one.
std::optional<size_t> OpeningCivilityEnd(const std::string& text, const RuleSet& rules) {
  RuleMatch m;
  if (!rules.Search(RuleId::kPartiesRepCivility, text, &m) || m.start != 0 ||
      !Trim(m.Get("lead")).empty()) {
    return std::nullopt;
  }
  return m.end;
}

// The party becomes `office` (an office of a body, read next as a party named
// by its office) represented by `name`, when `name` is a person's name and
// `office` names a body; otherwise it stays as it was.
void TakeNameAndOffice(Party* party, const std::string& name, const std::string& office,
                       const RuleSet& rules) {
  RuleMatch o;
  if (!LooksLikeName(name, rules) || !rules.Search(RuleId::kPartiesOfficeLine, office, &o) ||
      o.Get("org").empty()) {
    return;
  }
  party->representative = name;
  party->organization = office;
}

// "Monsieur Pierre DUPONT, Préfet de Y" as a party: the person named first,
// then the office of the body that signs.
void TakePersonBeforeOffice(Party* party, const RuleSet& rules) {
  const std::string& org = party->organization;
  const std::optional<size_t> civility_end = OpeningCivilityEnd(org, rules);
  if (!civility_end) return;
  const size_t comma = org.find(',', *civility_end);
  if (comma == std::string::npos) return;
  TakeNameAndOffice(party, CleanName(org.substr(0, comma), rules),
                    CleanValue(org.substr(comma + 1)), rules);
}

// "Le Préfet de Y, Monsieur Pierre DUPONT" as a party: the office of the
// body that signs, then the person after a comma, with a civility.
void TakePersonAfterOffice(Party* party, const RuleSet& rules) {
  const std::string& org = party->organization;
  const size_t comma = org.rfind(',');
  if (comma == std::string::npos) return;
  const std::string after = " " + std::string(Trim(org.substr(comma + 1)));
  if (!OpeningCivilityEnd(after, rules)) return;
  TakeNameAndOffice(party, CleanName(after, rules), CleanValue(org.substr(0, comma)), rules);
}

std::optional<Party> ReadParty(const Piece& piece, const LaidOutDocument& doc,
                               const RuleSet& rules) {
  std::string text = CollapseSpaces(piece.text);
  RuleMatch m;
  if (!rules.Search(RuleId::kPartiesSignal, text, &m) &&
      (text.size() > kMaxBareParty || rules.Search(RuleId::kPartiesProse, text, &m))) {
    return std::nullopt;
  }
  if (rules.Search(RuleId::kPartiesLead, text, &m) && m.start == 0) text = text.substr(m.end);
  text = WithoutCivility(text, rules);
  Party party;
  const Block& block = doc.blocks[piece.block];
  party.prov = ProvenanceIn(block, piece.start, piece.end, std::string(kStructurePreambleParty));
  // "Pour l'ARS, le Directeur général, Pierre DUPONT": a list of
  // signatories, one a line.
  if (rules.Search(RuleId::kPartiesSignForInline, text, &m)) {
    party.organization = StripLeading(rules, RuleId::kPartiesArticle, m.Get("org"));
    party.representative_title = CleanValue(m.Get("title"));
    party.representative = CleanName(m.Get("name"), rules);
    return party;
  }
  party.acronym = TakeShortName(&text, rules);
  text = CollapseSpaces(text);

  size_t org_end = text.size();
  if (rules.Search(RuleId::kPartiesOrgEnd, text, &m)) org_end = m.start;
  party.organization = StripLeading(rules, RuleId::kPartiesArticle, text.substr(0, org_end));
  if (!party.acronym && rules.Search(RuleId::kPartiesOrgParen, party.organization, &m)) {
    party.acronym = m.Get("acronym");  // "… Occitanie (ARS)"
    party.organization = m.Get("org");
  }
  if (party.organization.empty() || party.organization.size() > kMaxOrganization) {
    return std::nullopt;
  }
  TakePersonBeforeOffice(&party, rules);
  TakePersonAfterOffice(&party, rules);
  // A party named by its office ("Le Préfet de la Région Occitanie", "Le
  // Directeur général de l'Agence Régionale de Santé"): the body signs, the
  // office is its representative's title.
  if (rules.Search(RuleId::kPartiesOfficeLine, party.organization, &m) && !m.Get("org").empty()) {
    party.representative_title = CleanValue(m.Get("title"));
    party.organization = CleanValue(m.Get("org"));
    // One of a list named by office in one paragraph ("Entre Monsieur le
    // Maire de X, Monsieur le Préfet de Y …"): the office may be all there
    // is (DropBareOffices).
    if (piece.office_list) party.office = party.representative_title;
  }
  const std::string tail = text.substr(org_end);
  if (rules.Search(RuleId::kPartiesSeat, tail, &m)) {
    std::string address = CleanValue(m.Get("address"));
    if (!address.empty()) party.address = address;
  }
  if (!party.address && !piece.address.empty()) party.address = CleanValue(piece.address);
  if (rules.Search(RuleId::kPartiesRepresented, tail, &m)) {
    Person p = ReadRepresentation(m.Get("clause"), rules);
    if (!p.name.empty()) party.representative = p.name;
    if (!p.title.empty()) party.representative_title = p.title;
  }
  return party;
}

// ---- The signature block ----------------------------------------------------

struct Signatory {
  std::string org, title, name;
  Provenance prov;
  bool from_for = false;  // opened by a "Pour X" line, its title to come
};

class SignatureReader {
 public:
  SignatureReader(const LaidOutDocument& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {}

  std::vector<Signatory> Read(const ContractSegment& seg) {
    ReadTableCells(seg);
    int fait = -1;
    for (int i = seg.range.begin; i < seg.range.end && fait < 0; ++i) {
      const Block& b = doc_.blocks[i];
      RuleMatch m;
      if (IsParagraph(b) && MatchSignedLine(rules_, b.text, &m)) fait = i;
    }
    if (fait >= 0) {
      // A flattened signature page runs its signatories on after the date.
      ParagraphLines(doc_.blocks[fait], true);
      ReadBlock(fait + 1, std::min(seg.range.end, fait + 1 + kSignatureBlocks));
    }
    std::vector<Signatory> named;
    for (Signatory& s : out_) {
      if (!s.name.empty()) named.push_back(std::move(s));
    }
    if (named.empty()) {
      out_.clear();
      ReadOfficeLines(seg);
      return std::move(out_);
    }
    return named;
  }

 private:
  // Cells "Organisation\nLa Directrice, Prénom NOM" (a table of the
  // signatories' engagements).
  void ReadTableCells(const ContractSegment& seg) {
    for (int i = seg.range.begin; i < seg.range.end; ++i) {
      const Block& b = doc_.blocks[i];
      if (b.kind != Block::Kind::kTable || b.table < 0 ||
          b.table >= static_cast<int>(doc_.tables.size())) {
        continue;
      }
      for (const TableRow& row : doc_.tables[b.table].rows) {
        for (const Cell& cell : row.cells) {
          std::vector<std::string> lines = Lines(cell.text);
          for (size_t l = 1; l < lines.size(); ++l) {
            RuleMatch m;
            if (!rules_.Search(RuleId::kPartiesSignTitleName, lines[l], &m)) continue;
            std::string name = SignatoryName(m.Get("name"));
            if (name.empty()) continue;
            Signatory s;
            for (size_t k = 0; k < l; ++k) s.org += (k ? " " : "") + lines[k];
            s.org = StripLeading(rules_, RuleId::kPartiesArticle, s.org);
            s.title = CleanValue(m.Get("title"));
            s.name = name;
            s.prov = ProvenanceIn(cell, 0, cell.text.size(), RuleId::kPartiesSignTitleName);
            out_.push_back(std::move(s));
          }
        }
      }
    }
  }

  // Signatures printed without "Fait à" (under an editorial, on a cover):
  // a run of short lines, each an office and its body ("Présidente du Pays
  // du Trégor-Goëlo", broken over two lines or not) or a person's name, the
  // names paired with the offices in order when the counts agree (a
  // placeholder "XXX" holds a name's place).
  void ReadOfficeLines(const ContractSegment& seg) {
    struct Office {
      std::string org, title;
      Provenance prov;
    };
    std::vector<Office> offices;
    std::vector<std::string> names;
    auto flush = [&] {
      if (offices.size() >= kMinOfficeLines) {
        const bool paired = names.size() == offices.size();
        for (size_t k = 0; k < offices.size(); ++k) {
          Signatory s{offices[k].org, offices[k].title, paired ? names[k] : "", offices[k].prov,
                      false};
          out_.push_back(std::move(s));
        }
      }
      offices.clear();
      names.clear();
    };
    const int end = std::min(seg.range.end, seg.range.begin + kOfficeLineBlocks);
    for (int i = seg.range.begin; i < end; ++i) {
      const Block& b = doc_.blocks[i];
      if (IsParagraph(b) && (ReadRunOnOffices(b) || ReadInlineOffices(b))) continue;
      if (!IsParagraph(b) || b.text.size() > kMaxOfficeLine) {
        flush();
        continue;
      }
      RuleMatch m;
      if (rules_.Search(RuleId::kPartiesPersonLine, b.text, &m)) {
        names.push_back(m.Get("name"));
        continue;
      }
      std::string line = b.text;
      int last = i;
      while (last + 1 < end &&
             (rules_.Matches(RuleId::kPartiesLineContinued, line) ||
              rules_.Matches(RuleId::kPartiesLineContinuing, doc_.blocks[last + 1].text)) &&
             MayContinueOffice(doc_.blocks[last + 1])) {
        line += " " + doc_.blocks[++last].text;
      }
      if (!rules_.Search(RuleId::kPartiesOfficeLine, line, &m) ||
          rules_.Matches(RuleId::kPartiesProse, line)) {
        flush();
        continue;
      }
      std::string org = m.Get("org");
      // The caption under a signature is the signatory's title as written,
      // office and body ("Présidente du Pays du Trégor-Goëlo").
      std::string title = line.substr(m.group_spans.at("title").first);
      // "Directeur Général de l'Agence" / "Régionale de Santé Bretagne": a
      // body cut after its first word goes on in the next line.
      if (last + 1 < end && org.find(' ') == std::string::npos &&
          MayContinueOffice(doc_.blocks[last + 1]) &&
          !rules_.Matches(RuleId::kPartiesProse, doc_.blocks[last + 1].text)) {
        org += " " + doc_.blocks[++last].text;
        title += " " + doc_.blocks[last].text;
      }
      offices.push_back(
          {CleanValue(org), CleanValue(title), ProvenanceOf(b, RuleId::kPartiesOfficeLine)});
      i = last;
    }
    flush();
  }

  // Signature captions run together in one paragraph, as a converter
  // flattens a block of two or three columns ("Isabelle Nicolas Présidente
  // du Pays du Trégor-Goëlo XXX Directeur Général de l'Agence Régionale de
  // Santé Bretagne Claudy Lebreton Pierrick Massiot Président du …"): the
  // paragraph is cut where each office starts, the persons' names (or a
  // placeholder) are taken off the end of the text before the first office
  // and of each office's body, and paired with the offices in order.  A run
  // of offices counts only when every office gets its name.
  bool ReadRunOnOffices(const Block& b) {
    const std::vector<size_t> starts = OfficeStarts(b.text);
    bool found = false;
    for (size_t k = 0; k + 1 < starts.size();) {
      k = std::max(ReadOfficeRun(b, starts, k, &found), k + 1);
    }
    return found;
  }

  // Where an office starts in text: a capitalised word (or "Le", "La"
  // before it) that opens an office ("Présidente", "Directeur", "Le Préfet").
  std::vector<size_t> OfficeStarts(std::string_view text) const {
    std::vector<size_t> out;
    bool skip = false;
    for (size_t p = 0; p < text.size(); ++p) {
      if (text[p] == ' ' || (p > 0 && text[p - 1] != ' ')) continue;
      if (std::exchange(skip, false) || text[p] < 'A' || text[p] > 'Z') continue;
      const std::string_view rest = text.substr(p);
      RuleMatch m;
      if (!rules_.Search(RuleId::kPartiesOfficeStart, rest, &m) || m.start != 0) continue;
      out.push_back(p);
      // "Le Préfet": the office's own word starts nothing more.
      skip = m.end > rest.find(' ') + 1;
    }
    return out;
  }

  // The run of offices from starts[k] on, each ending where the next starts
  // (no full stop, digit or bracket between); adds its signatories when
  // every office is paired with a name.  Returns the index after the run.
  size_t ReadOfficeRun(const Block& b, const std::vector<size_t>& starts, size_t k, bool* found) {
    const std::string_view text = b.text;
    std::vector<std::string> names;
    const size_t from = StopBefore(text, starts[k]);
    PeelNames(text.substr(from, starts[k] - from), false, &names);
    std::vector<Signatory> run;
    size_t j = k;
    for (; j < starts.size(); ++j) {
      const size_t stop = StopAfter(text, starts[j]);
      const bool linked = j + 1 < starts.size() && starts[j + 1] <= stop;
      const size_t end = linked ? starts[j + 1] : stop;
      if (end - starts[j] > kMaxOfficeLine) break;
      const std::string piece(Trim(text.substr(starts[j], end - starts[j])));
      RuleMatch m;
      if (!rules_.Search(RuleId::kPartiesOfficeLine, piece, &m) ||
          rules_.Matches(RuleId::kPartiesProse, piece)) {
        break;
      }
      const size_t org_at = m.group_spans.at("org").first;
      const size_t title_at = m.group_spans.at("title").first;
      const size_t kept = PeelNames(m.Get("org"), true, &names);
      run.push_back({CleanValue(piece.substr(org_at, kept)),
                     CleanValue(piece.substr(title_at, org_at + kept - title_at)), "",
                     ProvenanceIn(b, starts[j], end, RuleId::kPartiesOfficeLine), false});
      if (!linked) {
        ++j;
        break;
      }
    }
    if (run.size() < kMinOfficeLines || names.size() != run.size()) return j;
    for (size_t r = 0; r < run.size(); ++r) {
      run[r].name = std::move(names[r]);
      out_.push_back(std::move(run[r]));
    }
    *found = true;
    return j;
  }

  // Takes the persons' names (or placeholders, as "") off the end of text,
  // adding them to *names in reading order; returns the length of text left.
  // A name is two capitalised words, or three with a particle ("Yvon Le
  // Moigne"), not after a connector ("… de Santé Bretagne" is a body); a
  // body (keep_body) keeps at least its first word.
  size_t PeelNames(std::string_view text, bool keep_body, std::vector<std::string>* names) const {
    std::vector<std::string> found;
    size_t end = Trim(text).empty() ? 0 : text.find_last_not_of(' ') + 1;
    for (bool took = true; took;) {
      took = false;
      std::vector<size_t> words;
      for (size_t p = 0; p < end; ++p) {
        if (text[p] != ' ' && (p == 0 || text[p - 1] == ' ')) words.push_back(p);
      }
      // A placeholder first ("Trégor-Goëlo XXX" is no name), then a
      // particle's three words before two.
      for (const size_t n : {1, 3, 2}) {
        if (took) break;
        if (words.size() < n + (keep_body ? 1 : 0)) continue;
        const size_t at = words[words.size() - n];
        const std::string candidate(text.substr(at, end - at));
        RuleMatch m;
        if (!rules_.Search(RuleId::kPartiesPersonLine, candidate, &m) ||
            (n == 3 &&
             !CapitalisedParticle(text, words[words.size() - 2], words[words.size() - 1])) ||
            rules_.Matches(RuleId::kPartiesLineContinued, text.substr(0, at))) {
          continue;
        }
        found.push_back(m.Get("name"));
        const size_t last = at == 0 ? std::string_view::npos : text.find_last_not_of(' ', at - 1);
        end = last == std::string_view::npos ? 0 : last + 1;
        took = true;
      }
    }
    names->insert(names->end(), found.rbegin(), found.rend());
    return end;
  }

  // "Le", "Van" in "Yvon Le Moigne": a particle of a surname in [from, to).
  // A short first name is none: in "… Région Occitanie Jean DUPONT" (an
  // office's body, then the name under it, as a flattened signature block
  // prints them) the name is "Jean DUPONT", not "Occitanie Jean DUPONT".
  static bool CapitalisedParticle(std::string_view text, size_t from, size_t to) {
    static constexpr std::string_view kParticles[] = {"Le",  "La", "De", "Du",  "Des", "Van",
                                                      "Von", "Da", "Di", "Del", "Den", "Der"};
    const std::string_view word = Trim(text.substr(from, to - from));
    return std::find(std::begin(kParticles), std::end(kParticles), word) != std::end(kParticles);
  }

  // Where the text that may hold a signatory's name before an office
  // starts: after the last full stop, colon, bracket or digit.
  static size_t StopBefore(std::string_view text, size_t pos) {
    const size_t low = pos > kMaxOfficeLine ? pos - kMaxOfficeLine : 0;
    for (size_t p = pos; p > low; --p) {
      if (IsStop(text[p - 1])) return p;
    }
    return low;
  }

  // Where an office's body must end: at a full stop, colon, bracket or digit.
  static size_t StopAfter(std::string_view text, size_t pos) {
    for (size_t p = pos; p < text.size(); ++p) {
      if (IsStop(text[p])) return p;
    }
    return text.size();
  }

  static bool IsStop(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' ||
           c == '(' || c == ')';
  }

  // A short line that is neither a person's name nor an office of its own:
  // it may finish the office line above it.
  bool MayContinueOffice(const Block& next) const {
    return IsParagraph(next) && next.text.size() <= kMaxOfficeLine &&
           !rules_.Matches(RuleId::kPartiesPersonLine, next.text) &&
           !rules_.Matches(RuleId::kPartiesOfficeLine, next.text);
  }

  // Offices run together in one paragraph ("Entre Le Préfet de Guyane Le
  // Directeur Général de l'Agence Régionale de Santé Le Maire de
  // Macouria"): cut before each "Le|La <office>"; true when every piece
  // after the first cut is an office and its body.
  bool ReadInlineOffices(const Block& b) {
    if (b.text.size() > kMaxInlineOffices) return false;
    const std::vector<RuleMatch> starts =
        rules_.SearchAll(rules_.Get(RuleId::kPartiesOfficeInline), b.text);
    if (starts.size() < kMinOfficeLines) return false;
    std::vector<Signatory> found;
    for (size_t k = 0; k < starts.size(); ++k) {
      const size_t from = starts[k].group_spans.at("at").first;
      const size_t to =
          k + 1 < starts.size() ? starts[k + 1].group_spans.at("at").first : b.text.size();
      const std::string piece(Trim(std::string_view(b.text).substr(from, to - from)));
      RuleMatch m;
      if (!rules_.Search(RuleId::kPartiesOfficeLine, piece, &m) ||
          rules_.Matches(RuleId::kPartiesProse, piece)) {
        return false;
      }
      found.push_back({CleanValue(m.Get("org")), CleanValue(m.Get("title")), "",
                       ProvenanceIn(b, from, to, RuleId::kPartiesOfficeInline), false});
    }
    for (Signatory& s : found) out_.push_back(std::move(s));
    return true;
  }

  // The lines after "Fait à": "Pour X," / titles / names, in reading order,
  // one column after the other or row by row.  A name goes to the oldest
  // signatory still waiting for one.
  void ReadBlock(int begin, int end) {
    for (int i = begin; i < end; ++i) {
      const Block& b = doc_.blocks[i];
      if (IsParagraph(b)) {
        if (rules_.Matches(RuleId::kPartiesSignRegionEnd, b.text)) return;
        ParagraphLines(b, false);
      } else if (b.table >= 0 && b.table < static_cast<int>(doc_.tables.size())) {
        for (const TableRow& row : doc_.tables[b.table].rows) {
          for (const Cell& cell : row.cells) {
            for (const std::string& line : Lines(cell.text)) {
              Line(line, ProvenanceIn(cell, 0, cell.text.size(), std::string(kStructureSignature)));
            }
          }
        }
      }
    }
  }

  // A paragraph of the signature block, cut before each "Pour <body>" (two
  // columns flattened into one line: "Pour l'ARS, le Directeur général,
  // Pierre DUPONT Pour la Ville d'Exemple, le Maire, Jean MARTIN"); with
  // only_signatories, what comes before the first "Pour" is left out.
  void ParagraphLines(const Block& b, bool only_signatories) {
    std::vector<size_t> cuts;
    for (const RuleMatch& m : rules_.SearchAll(rules_.Get(RuleId::kPartiesSignForAt), b.text)) {
      cuts.push_back(m.group_spans.at("at").first);
    }
    if (cuts.empty() || cuts.front() > 0) {
      if (only_signatories) {
        if (cuts.empty()) return;
      } else {
        cuts.insert(cuts.begin(), 0);
      }
    }
    for (size_t k = 0; k < cuts.size(); ++k) {
      const size_t to = k + 1 < cuts.size() ? cuts[k + 1] : b.text.size();
      const std::string line(Trim(std::string_view(b.text).substr(cuts[k], to - cuts[k])));
      if (!line.empty()) {
        Line(line, ProvenanceIn(b, cuts[k], to, std::string(kStructureSignature)));
      }
    }
  }

  void Line(const std::string& line, const Provenance& prov) {
    RuleMatch m;
    if (rules_.Search(RuleId::kPartiesSignForInline, line, &m) &&
        !SignatoryName(m.Get("name")).empty()) {
      // "Pour l'ARS, le Directeur général, Pierre DUPONT": complete.
      out_.push_back({StripLeading(rules_, RuleId::kPartiesArticle, m.Get("org")),
                      CleanValue(m.Get("title")), SignatoryName(m.Get("name")), prov, true});
      return;
    }
    if (rules_.Search(RuleId::kPartiesSignForRunOn, line, &m) &&
        !SignatoryName(m.Get("name")).empty()) {
      // The same, its commas lost: "Pour l'ARS Le Directeur général Pierre
      // DUPONT".
      out_.push_back({StripLeading(rules_, RuleId::kPartiesArticle, m.Get("org")),
                      CleanValue(m.Get("title")), SignatoryName(m.Get("name")), prov, true});
      return;
    }
    if (rules_.Search(RuleId::kPartiesSignFor, line, &m)) {
      Open(StripLeading(rules_, RuleId::kPartiesArticle, m.Get("org")), "", prov, true);
    } else if (rules_.Search(RuleId::kPartiesSignTitleName, line, &m) &&
               !SignatoryName(m.Get("name")).empty()) {
      if (Signatory* s = WaitingForTitle()) {
        s->title = CleanValue(m.Get("title"));
        s->name = SignatoryName(m.Get("name"));
        std::erase_if(waiting_, [&](size_t i) { return &out_[i] == s; });
      }
    } else if (rules_.Search(RuleId::kPartiesSignTitle, line, &m)) {
      if (Signatory* s = WaitingForTitle()) {
        s->title = CleanValue(m.Get("title"));
      } else {
        Open(CleanValue(m.Get("org")), CleanValue(m.Get("title")), prov, false);
      }
    } else if (std::string name = SignatoryName(line); !name.empty() && !waiting_.empty()) {
      out_[waiting_.front()].name = name;
      waiting_.pop_front();
    }
  }

  // The oldest "Pour X" still without a title: titles under "Pour" lines
  // come in the same order as the lines, also when two columns are read row
  // by row ("Pour A | Pour B", "Le Président | La Directrice").
  Signatory* WaitingForTitle() {
    for (size_t i : waiting_) {
      if (out_[i].from_for && out_[i].title.empty()) return &out_[i];
    }
    return nullptr;
  }

  void Open(std::string org, std::string title, const Provenance& prov, bool from_for) {
    out_.push_back({std::move(org), std::move(title), "", prov, from_for});
    waiting_.push_back(out_.size() - 1);
  }

  // A person's name alone on a line, of two words or more with a first name
  // in lower case ("KIEFFER Damien"): not a heading in capitals.
  std::string SignatoryName(std::string_view line) const {
    RuleMatch m;
    const std::string clean = CleanValue(line);
    if (!rules_.Search(RuleId::kPartiesSignName, clean, &m)) return "";
    const std::string name = m.Get("name");
    if (name.find(' ') == std::string::npos || !rules_.Matches(RuleId::kPartiesMixedWord, name)) {
      return "";
    }
    return name;
  }

  static std::vector<std::string> Lines(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) nl = text.size();
      std::string line(Trim(text.substr(start, nl - start)));
      if (!line.empty()) out.push_back(std::move(line));
      start = nl + 1;
    }
    return out;
  }

  const LaidOutDocument& doc_;
  const RuleSet& rules_;
  std::vector<Signatory> out_;
  std::deque<size_t> waiting_;  // signatories still without a name, oldest first
};

// ---- Matching signatories to parties ----------------------------------------

struct Word {
  std::string folded;
  bool acronym = false;  // written in capitals: "ARS", "CPAM"
};

// The words that name a body, folded; short words and "des", "pour" … left
// out.  A word in capitals may be an acronym of the party's name.
std::vector<Word> NameWords(std::string_view text) {
  std::vector<Word> out;
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    const std::string folded = FoldForMatch(token);
    const bool has_lower =
        std::any_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    static const std::set<std::string> kStop = {"des",  "les", "pour", "aux", "sur",
                                                "dans", "par", "une",  "avec"};
    if (folded.size() >= 3 && !kStop.count(folded)) out.push_back({folded, !has_lower});
    if (folded.size() == 2 && !has_lower) out.push_back({folded, true});
    token.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\'' || c == '-' || c == ',' || c == '.' || c == '(' || c == ')' ||
        c == '/') {
      flush();
    } else {
      token += c;
    }
  }
  flush();
  return out;
}

std::string Stem(const std::string& folded) { return folded.substr(0, 5); }

// How well a signatory's body names a party: the share of its words found in
// the party's name (by stem, or as an acronym of it), plus a little for the
// title's words ("préfet" for a "Préfecture").
double MatchScore(const Signatory& s, const Party& p) {
  const std::vector<Word> org = NameWords(s.org), title = NameWords(s.title);
  const std::vector<Word> party = NameWords(p.organization);
  if (org.empty() || party.empty()) return 0.0;
  std::set<std::string> stems;
  std::string initials;
  for (const Word& w : party) {
    stems.insert(Stem(w.folded));
    initials += w.folded[0];
  }
  const std::string acronym = p.acronym ? FoldForMatch(*p.acronym) : "";
  int hits = 0;
  for (const Word& w : org) {
    if (stems.count(Stem(w.folded)) ||
        (w.acronym && (w.folded == acronym || initials.find(w.folded) != std::string::npos))) {
      ++hits;
    }
  }
  const double share = static_cast<double>(hits) / static_cast<double>(org.size());
  if (share < kMinSignatoryMatch) return 0.0;
  int title_hits = 0;
  for (const Word& w : title) title_hits += stems.count(Stem(w.folded)) ? 1 : 0;
  return share + 0.01 * title_hits;
}

void FillFromSignatories(std::vector<Signatory> signatories, std::vector<Party>* parties) {
  std::vector<std::tuple<double, size_t, size_t>> candidates;
  for (size_t p = 0; p < parties->size(); ++p) {
    if ((*parties)[p].representative.has_value()) continue;
    for (size_t s = 0; s < signatories.size(); ++s) {
      const double score = MatchScore(signatories[s], (*parties)[p]);
      if (score > 0.0) candidates.emplace_back(score, p, s);
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::vector<bool> party_done(parties->size()), signatory_done(signatories.size());
  for (const auto& [score, p, s] : candidates) {
    if (party_done[p] || signatory_done[s]) continue;
    party_done[p] = signatory_done[s] = true;
    Party& party = (*parties)[p];
    // A signature that gives the office and no name ("Le Préfet de Y" over
    // a blank) confirms that the office signs: it is no longer bare.
    if (signatories[s].name.empty()) {
      party.office.reset();
      continue;
    }
    party.representative = signatories[s].name;
    if (!party.representative_title && !signatories[s].title.empty()) {
      party.representative_title = signatories[s].title;
    }
  }
}

// A party named by its office whom neither the preamble nor a signature
// names ("Monsieur le Préfet de Y" and no "Préfet, Jean DUPONT" below)
// has no representative: its office alone is not a person.
void DropBareOffices(std::vector<Party>* parties) {
  for (Party& party : *parties) {
    if (party.office && !party.representative) party.representative_title.reset();
  }
}

// The parties named by the headings of their commitments ("L'ENGAGEMENT DE
// L'ARS GRAND EST"), each once; none unless at least two are named (one
// heading is a mention).
std::vector<Party> PartiesFromCommitments(const LaidOutDocument& doc, const ContractSegment& seg,
                                          const RuleSet& rules) {
  std::vector<Party> parties;
  std::set<std::string> seen;
  for (int i = seg.range.begin; i < seg.range.end; ++i) {
    const Block& b = doc.blocks[i];
    RuleMatch m;
    if (b.kind != Block::Kind::kParagraph || b.text.size() > kMaxBareParty ||
        !rules.Search(RuleId::kPartiesCommitmentHeading, b.text, &m) ||
        rules.Matches(RuleId::kPartiesCommitmentCommon, m.Get("org"))) {
      continue;
    }
    const std::string org(Trim(m.Get("org")));
    if (!seen.insert(FoldForMatch(org)).second) continue;
    Party p;
    p.organization = org;
    const size_t start = m.group_spans["org"].first;
    p.prov = ProvenanceIn(b, start, start + org.size(), RuleId::kPartiesCommitmentHeading);
    parties.push_back(std::move(p));
  }
  if (parties.size() < 2) parties.clear();
  return parties;
}

// ---- A table of the signatories ---------------------------------------------
//
// "Signataires | Représentés par", "Partenaires | Représentant": a header
// naming the bodies' column and the representatives', then one row per
// party.  As a text's tab table, or with its cells run together by a
// converter: one row per paragraph ("Agence … Monsieur Benoît X, Directeur
// général"), or every row in one ("Org1 Prénom NOM1 Org2 Prénom NOM2").

// The words of text with the byte offset where each starts.
struct TextWord {
  std::string text;
  size_t at = 0;
};

std::vector<TextWord> WordsAt(std::string_view text) {
  std::vector<TextWord> out;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) out.push_back({std::string(text.substr(i, j - i)), i});
    i = j;
  }
  return out;
}

std::string Bare(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == '.')) {
    word.remove_suffix(1);
  }
  return std::string(word);
}

// A person named in a row: where the name (or its civility) starts, and the
// words [name_begin, name_end) of the name.
struct PersonAt {
  size_t first = 0, name_begin = 0, name_end = 0;
};

class RowPersons {
 public:
  RowPersons(const std::vector<TextWord>& words, const RuleSet& rules)
      : words_(words), rules_(rules) {}

  // The persons of the row, in order: a civility and the capitalised words
  // after it up to the surname in capitals, or a first name and a surname
  // in capitals not after a connector ("de Santé ARS" is a body's name).
  std::vector<PersonAt> Find() const {
    std::vector<PersonAt> out;
    for (size_t i = 0; i < words_.size(); ++i) {
      size_t begin = i;
      while (begin < words_.size() && Civility(begin)) ++begin;
      const bool civil = begin > i;
      if (!civil && (i == 0 || Connector(words_[i - 1].text) || !Mixed(i) || Caps(i))) continue;
      size_t end = begin;
      while (end < words_.size() && Mixed(end) && !Caps(end)) ++end;
      if (end == words_.size() || !Caps(end) || (!civil && end != begin + 1)) continue;
      while (end < words_.size() && Caps(end)) ++end;
      // A name is followed by its office after a comma, or by a capital.
      if (end < words_.size() && words_[end - 1].text.back() != ',' &&
          !StartsCapital(words_[end].text)) {
        continue;
      }
      out.push_back({i, begin, end});
      i = end - 1;
    }
    return out;
  }

 private:
  bool Civility(size_t i) const {
    RuleMatch m;
    const std::string w = words_[i].text + " ";
    if (rules_.Search(RuleId::kPartiesRepCivility, w, &m) && m.start == 0 && m.end == w.size()) {
      return true;
    }
    // "M. le Dr": the article between two civilities.
    return (w == "le " || w == "la ") && i + 1 < words_.size() && i > 0 && Civility(i + 1);
  }
  bool Mixed(size_t i) const { return rules_.Matches(RuleId::kPartiesMixedWord, words_[i].text); }
  bool Caps(size_t i) const {
    return rules_.Matches(RuleId::kPartiesCapsWord, Bare(words_[i].text));
  }
  static bool StartsCapital(std::string_view w) {
    return !w.empty() && !(w[0] >= 'a' && w[0] <= 'z');
  }
  static bool Connector(std::string_view w) {
    const std::string f = FoldForMatch(w);
    return f == "de" || f == "du" || f == "des" || f == "la" || f == "le" || f == "les" ||
           f == "et" || f == "en" || f == "sur" || w.back() == '\'' || f.ends_with("’");
  }

  const std::vector<TextWord>& words_;
  const RuleSet& rules_;
};

// The parties of text that holds rows run together (from `offset` of
// block b): the words before each person are a body's name, less the office
// after the previous person ("…, Directeur général Communauté de …"), which
// is that person's title.  A single row (one_row) names one person, its
// office running to the row's end.  None unless every person has a body.
std::vector<Party> ReadRows(std::string_view text, bool one_row, const Block& b, size_t offset,
                            const RuleSet& rules) {
  const std::vector<TextWord> words = WordsAt(text);
  std::vector<PersonAt> persons = RowPersons(words, rules).Find();
  if (one_row && persons.size() > 1) persons.erase(persons.begin(), persons.end() - 1);
  std::vector<Party> out;
  size_t from = 0;
  for (size_t k = 0; k < persons.size(); ++k) {
    const PersonAt& person = persons[k];
    if (person.first <= from) return {};
    std::vector<std::string> org, name, title;
    for (size_t w = from; w < person.first; ++w) org.push_back(words[w].text);
    for (size_t w = person.name_begin; w < person.name_end; ++w) name.push_back(words[w].text);
    const size_t next = k + 1 < persons.size() ? persons[k + 1].first : words.size();
    size_t end = person.name_end;
    const bool office =
        end < next && rules.Matches(RuleId::kPartiesOfficeStart, Bare(words[end].text));
    if (end < next && (words[end - 1].text.back() == ',' || office)) {
      if (one_row) {
        end = next;
      } else if (office) {
        // Every row in one: the office and its words in lower case.
        for (++end; end < next && words[end].text[0] >= 'a' && words[end].text[0] <= 'z';) ++end;
      }
    }
    for (size_t w = person.name_end; w < end; ++w) title.push_back(words[w].text);
    // A preamble's "L'Agence …, représentée par …" is no row of a table.
    if (rules.Matches(RuleId::kPartiesSignal, JoinWords(org))) return {};
    Party party;
    party.organization = StripLeading(rules, RuleId::kPartiesArticle, JoinWords(org));
    const std::string clean_name = CleanName(Bare(JoinWords(name)), rules);
    if (party.organization.empty() || clean_name.empty()) return {};
    party.representative = clean_name;
    const std::string clean_title = CleanValue(Bare(JoinWords(title)));
    if (!clean_title.empty()) party.representative_title = clean_title;
    const size_t span_end = end < words.size() ? words[end].at : text.size();
    party.prov =
        ProvenanceIn(b, offset + words[from].at, offset + span_end, RuleId::kPartiesGroupHeading);
    out.push_back(std::move(party));
    from = end;
  }
  return out;
}

// The columns of a table of the signatories, from its header row: the
// bodies' column first, then the representatives' ("Signataires |
// Représentés par"), or the person's name, the office and the signature
// ("Structure | Nom | Fonction | Signature": without its signature column,
// a table of names and offices is a list of members, not of signatories).
struct SignatoryColumns {
  bool found = false;
  size_t name = 1;
  std::optional<size_t> title;  // set: the name's cell holds the name only
};

SignatoryColumns ReadSignatoryHeader(const TableRow& row, const RuleSet& rules) {
  SignatoryColumns columns;
  RuleMatch org_head, rep_head;
  if (!rules.Search(RuleId::kPartiesGroupHeading, row.cells[0].text, &org_head) ||
      org_head.Has("rep") || org_head.Has("rep_cell") || org_head.Has("name_cell") ||
      org_head.Has("title_cell") || org_head.Has("sign_cell") ||
      !rules.Search(RuleId::kPartiesGroupHeading, row.cells[1].text, &rep_head)) {
    return columns;
  }
  if (rep_head.Has("rep") || rep_head.Has("rep_cell")) {
    columns.found = true;
    return columns;
  }
  if (!rep_head.Has("name_cell") || row.cells.size() < 4) return columns;
  RuleMatch title_head, sign_head;
  columns.found = rules.Search(RuleId::kPartiesGroupHeading, row.cells[2].text, &title_head) &&
                  title_head.Has("title_cell") &&
                  rules.Search(RuleId::kPartiesGroupHeading, row.cells[3].text, &sign_head) &&
                  sign_head.Has("sign_cell");
  columns.title = 2;
  return columns;
}

// A text table whose header row names the signatories' columns
// (ReadSignatoryHeader): one party a row, its representative's cell read as
// a "représentée par" clause, or its name and office cells as they are.
std::vector<Party> PartiesFromTabTable(const Table& table, const RuleSet& rules) {
  std::vector<Party> parties;
  SignatoryColumns columns;
  for (const TableRow& row : table.rows) {
    if (row.cells.size() < 2) continue;
    if (!columns.found) {
      columns = ReadSignatoryHeader(row, rules);
      continue;
    }
    Party party;
    party.organization =
        StripLeading(rules, RuleId::kPartiesArticle, CollapseSpaces(row.cells[0].text));
    if (party.organization.empty()) continue;
    Person p;
    if (!columns.title) {
      p = ReadRepresentation(CollapseSpaces(row.cells[1].text), rules);
    } else {
      p.name = CleanName(CollapseSpaces(row.cells[1].text), rules);
      if (row.cells.size() > *columns.title) {
        p.title = CleanTitle(CollapseSpaces(row.cells[*columns.title].text), rules);
      }
    }
    if (!p.name.empty()) party.representative = p.name;
    if (!p.title.empty()) party.representative_title = p.title;
    party.prov =
        ProvenanceIn(row.cells[0], 0, row.cells[0].text.size(), RuleId::kPartiesGroupHeading);
    parties.push_back(std::move(party));
  }
  if (parties.size() < kMinOfficeLines) parties.clear();
  return parties;
}

// The parties of a table of the signatories (its header row "Signataires |
// Représentés par", "Structure | Nom | Fonction | Signature"), or none.
std::vector<Party> PartiesFromTable(const LaidOutDocument& doc, const ContractSegment& seg,
                                    const RuleSet& rules) {
  // A table is looked for in the whole contract (its header says what it
  // is, and signatures close a contract); flattened rows only in its first
  // pages.
  const int end = std::min(seg.range.end, seg.range.begin + kOfficeLineBlocks);
  for (int i = seg.range.begin; i < seg.range.end; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == Block::Kind::kTable && b.table >= 0 &&
        b.table < static_cast<int>(doc.tables.size())) {
      std::vector<Party> parties = PartiesFromTabTable(doc.tables[b.table], rules);
      if (!parties.empty()) return parties;
      continue;
    }
    RuleMatch m;
    if (i >= end || !IsParagraph(b) || !rules.Search(RuleId::kPartiesGroupHeading, b.text, &m) ||
        !m.Has("rep")) {
      continue;
    }
    std::vector<Party> parties;
    if (m.Has("rows")) {
      parties = ReadRows(m.Get("rows"), false, b, m.group_spans.at("rows").first, rules);
    } else {
      // One row a paragraph, up to the first that names nobody.
      for (int j = i + 1; j < end && IsParagraph(doc.blocks[j]); ++j) {
        std::vector<Party> row = ReadRows(doc.blocks[j].text, true, doc.blocks[j], 0, rules);
        if (row.size() != 1) break;
        parties.push_back(std::move(row.front()));
      }
    }
    if (parties.size() >= kMinOfficeLines) return parties;
  }
  return {};
}

// A preamble run into the title's paragraph or one after it, before any
// paragraph that opens a preamble: a converter that flattens a cover writes
// "… 2019 - 2022 Entre Monsieur le Maire de X, Monsieur le Préfet de Y …".
// The block and where its first party starts, or block -1.
std::pair<int, size_t> FindInlinePreamble(const LaidOutDocument& doc, const ContractSegment& seg,
                                          int start, const RuleSet& rules) {
  const int end =
      start >= 0 ? start : std::min(seg.range.end, seg.title_block + kInlinePreambleBlocks);
  for (int i = std::max(seg.title_block, seg.range.begin); i < end; ++i) {
    const Block& b = doc.blocks[i];
    RuleMatch m;
    if (IsParagraph(b) && rules.Search(RuleId::kPartiesPreambleInline, b.text, &m)) {
      return {i, m.group_spans.at("rest").first};
    }
  }
  return {-1, 0};
}

std::vector<Piece> PreamblePieces(const LaidOutDocument& doc, const ContractSegment& seg,
                                  const RuleSet& rules) {
  const int start = FindPreambleStart(doc, seg, rules);
  const auto [block, at] = FindInlinePreamble(doc, seg, start, rules);
  if (block >= 0) return PreambleCutter(doc, rules).Cut(seg, block, at);
  if (start >= 0) return PreambleCutter(doc, rules).Cut(seg, start);
  return {};
}

}  // namespace

void ExtractParties(const LaidOutDocument& doc, const ContractSegment& seg, const RuleSet& rules,
                    Contract* contract) {
  contract->parties = PartiesFromTable(doc, seg, rules);
  const std::vector<Piece> pieces =
      contract->parties.empty() ? PreamblePieces(doc, seg, rules) : std::vector<Piece>();
  for (const Piece& piece : pieces) {
    if (std::optional<Party> party = ReadParty(piece, doc, rules)) {
      contract->parties.push_back(std::move(*party));
    }
  }
  const bool missing = std::any_of(contract->parties.begin(), contract->parties.end(),
                                   [](const Party& p) { return !p.representative.has_value(); });
  if (!missing && !contract->parties.empty()) return;
  std::vector<Signatory> signatories = SignatureReader(doc, rules).Read(seg);
  if (contract->parties.empty() && signatories.empty()) {
    contract->parties = PartiesFromCommitments(doc, seg, rules);
    return;
  }
  if (contract->parties.empty()) {
    // No preamble: the signature block names the parties.
    for (const Signatory& s : signatories) {
      if (s.org.empty()) continue;
      Party p;
      p.organization = s.org;
      if (!s.name.empty()) p.representative = s.name;
      if (!s.title.empty()) p.representative_title = s.title;
      p.prov = s.prov;
      contract->parties.push_back(std::move(p));
    }
    return;
  }
  FillFromSignatories(std::move(signatories), &contract->parties);
  DropBareOffices(&contract->parties);
}

}  // namespace clsdb
