// The deliberation act: rules "delib.*" of rules/deliberation.rules.
//
// Each act of seg.acts is read in two parts split at its "DECIDE" line (what
// the act does not state in its header — body, date, president, secretary,
// attendance — is taken from seg.sitting, the header minutes share):
//   header   — body, number, meeting date, title, president, secretary,
//              attendees, "Vu …" clauses;
//   decision — votes, outcome, place and date of signature.
// Every value is the first one the rules find in its part, so the cited acts
// of the "Vu" clauses and the annexes that follow the signature cannot
// override the act's own statements.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/text_util.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

// How far past the DECIDE line votes, outcome and signature are looked for:
// enough for a long operative part, not so far as to read the annexes.
constexpr int kDecisionBlocks = 80;
// A title written as capitalised heading lines spans at most this many.
constexpr int kTitleLines = 4;
// The head of minutes, where the body or the date may stand alone on a line.
constexpr int kSittingHeadBlocks = 8;
// An item's subject under its number is a heading, not a paragraph of prose.
constexpr size_t kItemTitleBytes = 240;
// How much of a block's start may name the commune a council sits for: the
// opening sentence of run-on minutes, not the items that follow it.
constexpr size_t kPlaceWindowBytes = 800;

// A heading written in capitals ("CONSEIL MUNICIPAL"), whose completion
// must be too.
bool NoAsciiLowerCase(std::string_view text) {
  return text.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
}

// One word with lower-case letters ("Evelyne", "Jean-Luc"): a first name
// alone, no person's whole name.  Before "BLANC :" in a list by commune
// whose captions were lost, it makes "BLANC" the surname, not a caption.
bool IsFirstNameAlone(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return !text.empty() && text.find(' ') == std::string_view::npos && !NoAsciiLowerCase(text);
}

// A vote count as the rules capture it: digits, or a small count written
// in words ("une abstention", "quatre abstentions"); absurd lengths are not
// counts.
OptInt Count(const std::string& digits) {
  static constexpr std::string_view kWords[] = {"un",  "deux", "trois", "quatre", "cinq",
                                                "six", "sept", "huit",  "neuf",   "dix"};
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  if (digits[0] < '0' || digits[0] > '9') {
    const std::string word = FoldForMatch(digits);
    if (word == "une") return 1;
    for (size_t k = 0; k < std::size(kWords); ++k) {
      if (word == kWords[k]) return static_cast<long long>(k + 1);
    }
    return std::nullopt;
  }
  return std::stoll(digits);
}

// The part of the act a value is looked for in: [begin, end) of doc.blocks.
struct Part {
  int begin = 0;
  int end = 0;
};

class ActReader {
 public:
  // ordinal: the act's place in the document, from 1; sole_act: whether it is
  // the only act the document records.
  ActReader(const LaidOutDocument& doc, const RuleSet& rules, BlockRange sitting, BlockRange act,
            int ordinal, bool sole_act)
      : doc_(doc),
        rules_(rules),
        act_(act),
        sitting_{sitting.begin, sitting.end},
        ordinal_(ordinal),
        sole_act_(sole_act) {
    int decide = -1;
    for (int i = act.begin; i < act.end; ++i) {
      if (Matches(RuleId::kDelibDecide, i)) {
        decide = i;
        break;
      }
    }
    // Without a DECIDE line both parts are the whole act.  The decision
    // starts at "après en avoir délibéré" when that sentence (which often
    // carries the vote: "…, à l'unanimité,") stands just above DECIDE.
    int decision_begin = decide;
    for (int i = decide - 1; decide >= 0 && i >= std::max(act.begin, decide - 3); --i) {
      if (Matches(RuleId::kDelibDeliberated, i)) decision_begin = i;
    }
    has_decide_ = decide >= 0;
    // "Le Conseil, après en avoir délibéré, à l'unanimité, DÉCIDE d'approuver
    // …" in one sentence decides as surely as a DÉCIDE line.
    for (int i = act.begin; !has_decide_ && i < act.end; ++i) {
      has_decide_ = Matches(RuleId::kDelibDeliberated, i);
    }
    header_ = {act.begin, decide >= 0 ? decide : act.end};
    decision_ = {decide >= 0 ? decision_begin : act.begin,
                 decide >= 0 ? std::min(act.end, decide + kDecisionBlocks) : act.end};
  }

  Deliberation Read() {
    Deliberation d;
    d.prov = ProvenanceOf(doc_.blocks[act_.begin], std::string(kStructureAct));
    // What the act does not state itself, the sitting it was taken at does
    // (minutes state the body, the date and the attendance once).
    d.body = ActBody();
    ReadNumber(&d);
    d.meeting_date = MeetingDate(header_);
    if (!d.meeting_date) d.meeting_date = MeetingDate(sitting_);
    d.title = Title();
    // Its place among the sitting's items: its number, else its order.
    act_key_ = ItemKey(!item_number_.empty() ? item_number_ : d.number.value_or(""));
    if (act_key_.empty()) act_key_ = {ordinal_};
    ReadAttendees(header_, &d);
    // An act that names no one present (a proxy given, a member excused)
    // completes the sitting's attendance rather than replacing it.
    if (std::none_of(d.attendees.begin(), d.attendees.end(),
                     [](const Attendee& a) { return a.status == "present"; })) {
      std::vector<Attendee> own = std::move(d.attendees);
      d.attendees.clear();
      ReadAttendees(sitting_, &d);
      for (Attendee& a : own) {
        if (std::none_of(d.attendees.begin(), d.attendees.end(),
                         [&](const Attendee& b) { return b.name == a.name; })) {
          d.attendees.push_back(std::move(a));
        }
      }
    }
    OptText president = FirstNameOfAct(
        {RuleId::kDelibPresidentHeading, RuleId::kDelibPresidentSentence}, &president_prov_);
    // "sous la présidence de Mme la Maire": the one the attendance list
    // gives that function ("Mme Hélène DE COMARMOND, Maire").
    if (president && rules_.Search(RuleId::kDelibPresidentFunctionOnly, *president, nullptr)) {
      president = FirstNameOfAct({RuleId::kDelibPresidentTitled}, &president_prov_);
    }
    // No one named as presiding: the Maire (or Président) who convened the
    // sitting presides it.
    if (!president) {
      president = FirstNameOfAct({RuleId::kDelibPresidentConvocation}, &president_prov_);
    }
    // Nor as convening: the one the sitting names with the function after
    // the name ("Monsieur Michel HABIG, Président, … ouvre la séance", "Mme
    // PORTELLI Florence, Maire" first of those present).  In minutes, the
    // sitting's part only: an item names its rapporteur so ("Rapporteur :
    // Monsieur X, Maire").
    if (!president) {
      president = FirstName(sitting_.begin < sitting_.end ? sitting_ : header_,
                            {RuleId::kDelibPresidentTitled}, &president_prov_);
    }
    d.president = PersonAsListed(president, d.attendees);
    AddPresidentAsPresent(&d);
    d.secretary = PersonAsListed(
        FirstNameOfAct({RuleId::kDelibSecretaryLabelRunOn, RuleId::kDelibSecretaryLabel,
                        RuleId::kDelibSecretaryElected, RuleId::kDelibSecretarySentence,
                        RuleId::kDelibSecretaryAppointed, RuleId::kDelibSecretaryCouncilMember}),
        d.attendees);
    ReadVotes(&d);
    d.outcome = Outcome(d);
    ReadSignature(&d);
    ReadLegalRefs(&d);
    return d;
  }

 private:
  const Block& block(int i) const { return doc_.blocks[i]; }

  bool Search(RuleId rule, int i, RuleMatch* m) const {
    return IsParagraph(block(i)) && rules_.Search(rule, block(i).text, m);
  }
  bool Matches(RuleId rule, int i) const { return Search(rule, i, nullptr); }

  // The first block of part that matches one of the rules (tried in order
  // within a block), or -1.
  int First(Part part, std::initializer_list<RuleId> names, RuleMatch* m) const {
    for (int i = part.begin; i < part.end; ++i) {
      for (RuleId name : names) {
        if (Search(name, i, m)) return i;
      }
    }
    return -1;
  }

  // ---- body ----------------------------------------------------------------

  // The body as the act writes it in the sentence that opens its "Vu"
  // clauses ("La Commission Permanente du Conseil départemental du
  // Pas-de-Calais,").  When that sentence names it bare ("Le Conseil
  // communautaire,"), the sitting's sentence that names the same body in
  // full ("le Conseil communautaire de la Communauté de communes …,
  // légalement convoqué") is preferred.  Else the heading, completed with the
  // collectivity printed above it.
  OptText Body(Part part) const {
    RuleMatch m;
    std::string opening;
    if (First(part, {RuleId::kDelibBodySentence}, &m) >= 0) opening = CleanValue(m.Get("body"));
    if (!opening.empty() && IsQualified(opening)) return opening;
    const std::string key = FoldForMatch(opening);
    for (int i = part.begin; i < part.end; ++i) {
      if (!Search(RuleId::kDelibBodyMeeting, i, &m)) continue;
      std::string body = CleanValue(m.Get("body"));
      if (FoldForMatch(body).rfind(key, 0) == 0) return body;  // same body, in full
    }
    if (!opening.empty()) return opening;
    if (OptText body = BodyFromHeading(part)) return body;
    if (OptText body = BodyFromMinutesHeading(part)) return body;
    // Minutes headed by the body alone ("CONSEIL COMMUNAUTAIRE").
    const int i = First(part, {RuleId::kDelibBodyAlone}, &m);
    if (i >= 0 && i - part.begin < kSittingHeadBlocks) {
      return CompletedByCollectivity(CleanValue(m.Get("body")), part.begin, i);
    }
    return std::nullopt;
  }

  // The act's body, else its sitting's.  A bare name ("Le Conseil
  // municipal,") gives way to the same body named in full by the sitting
  // ("le Conseil municipal de la commune de X, dûment convoqué"), else is
  // completed with the collectivity or the commune the head names.
  OptText ActBody() const {
    OptText body = Body(header_);
    if (body) body = WithoutDeictic(*body);
    if (body && IsQualified(*body)) return body;
    OptText sitting = Body(sitting_);
    if (sitting) sitting = WithoutDeictic(*sitting);
    if (!body || (sitting && IsQualified(*sitting) &&
                  FoldForMatch(*sitting).rfind(FoldForMatch(*body), 0) == 0)) {
      body = sitting;
    }
    if (!body || IsQualified(*body)) return body;
    std::string completed = CompletedByCollectivity(*body, sitting_.begin, header_.end);
    if (IsQualified(completed)) return completed;
    return CompletedByPlace(*body);
  }

  // "Conseil Municipal de cette Commune" names no commune: the body is bare.
  static std::string WithoutDeictic(const std::string& body) {
    std::string lower = body;  // ASCII-lowered: the same byte offsets
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* deictic : {" de cette ", " de ladite ", " de la dite ", " de notre "}) {
      const size_t at = lower.find(deictic);
      if (at != std::string::npos) return body.substr(0, at);
    }
    return body;
  }

  // A bare municipal council under the commune its minutes name where they
  // sit or in the Maire's title: "Conseil municipal de NIHERNE", or "… de la
  // commune de Montroy" as the head writes it.  Only the head of each block
  // is read: further on, a commune named is another's.
  std::string CompletedByPlace(const std::string& body) const {
    if (FoldForMatch(body).find("communautaire") != std::string::npos) return CompletedBySeat(body);
    if (FoldForMatch(body).find("municipal") == std::string::npos) return body;
    const int head_end = std::min(static_cast<int>(doc_.blocks.size()), kSittingHeadBlocks);
    for (Part part : {Part{0, head_end}, sitting_, header_}) {
      for (int k = part.begin; k < part.end; ++k) {
        if (!IsParagraph(block(k))) continue;
        RuleMatch m;
        const std::string_view head = Utf8Prefix(block(k).text, kPlaceWindowBytes);
        if (!rules_.Search(RuleId::kDelibBodyPlace, head, &m) || !m.Has("place")) continue;
        const bool shouting = NoAsciiLowerCase(body);
        std::string completed = body;
        const std::string kind = FoldForMatch(m.Get("kind"));
        if (kind == "commune" || kind == "ville") {
          completed += (shouting ? " DE LA " : " de la ") + CleanValue(m.Get("kind"));
        }
        return completed + OfPlace(CleanValue(m.Get("place")), shouting);
      }
    }
    return body;
  }

  // A bare intercommunal council under the collectivity where its minutes
  // say it sits (rule delib.body.place, group collectivity): "Conseil communautaire de la
  // Communauté de communes du Pays des Herbiers".  The head only, as for a
  // commune.
  std::string CompletedBySeat(const std::string& body) const {
    const int head_end = std::min(static_cast<int>(doc_.blocks.size()), kSittingHeadBlocks);
    for (Part part : {Part{0, head_end}, sitting_, header_}) {
      for (int k = part.begin; k < part.end; ++k) {
        if (!IsParagraph(block(k))) continue;
        const std::string_view head = Utf8Prefix(block(k).text, kPlaceWindowBytes);
        for (const RuleMatch& m : rules_.SearchAll(RuleId::kDelibBodyPlace, head)) {
          if (!m.Has("collectivity")) continue;
          const std::string collectivity = CleanValue(m.Get("collectivity"));
          const bool communaute = FoldForMatch(collectivity).rfind("communaute", 0) == 0;
          return body + (communaute ? " de la " : " de ") + collectivity;
        }
      }
    }
    return body;
  }

  // " de NIHERNE", " d'Étueffont": the preposition elided before a vowel.
  static std::string OfPlace(const std::string& place, bool shouting) {
    const std::string folded = FoldForMatch(place);
    const bool vowel =
        !folded.empty() && std::string_view("aeiouy").find(folded[0]) != std::string_view::npos;
    if (vowel) return (shouting ? " D'" : " d'") + place;
    return (shouting ? " DE " : " de ") + place;
  }

  // Minutes headed by their sitting ("Compte-rendu du Conseil Communautaire
  // du Haut Allier du 24 septembre 2020"): the first heading that names
  // whose body it is, else the first one.
  OptText BodyFromMinutesHeading(Part part) const {
    std::string bare;
    int bare_at = -1;
    const int end = std::min(part.end, part.begin + kSittingHeadBlocks);
    for (int i = part.begin; i < end; ++i) {
      if (!IsParagraph(block(i))) continue;
      for (const RuleMatch& m : rules_.SearchAll(RuleId::kDelibBodyMinutes, block(i).text)) {
        std::string body = CleanValue(m.Get("body"));
        if (IsQualified(body)) return body;
        if (bare_at < 0 && !body.empty()) {
          bare = std::move(body);
          bare_at = i;
        }
      }
    }
    if (bare_at < 0) return std::nullopt;
    return CompletedByCollectivity(bare, part.begin, bare_at);
  }

  // A body named bare ("CONSEIL COMMUNAUTAIRE") under the collectivity's
  // name printed above it ("COMMUNAUTE DE COMMUNES DE LA VANNE …", within
  // [begin, at), or at the document's head) is that collectivity's.
  std::string CompletedByCollectivity(const std::string& body, int begin, int at) const {
    if (IsQualified(body)) return body;
    // The document's first blocks, then the part's, up to the body's line.
    for (int k = 0; k < at; ++k) {
      if (k == kSittingHeadBlocks && begin > k) k = begin;
      if (k >= at) break;
      RuleMatch c;
      if (Search(RuleId::kDelibBodyCollectivity, k, &c) && OfItsLevel(body, c)) {
        return WithCollectivity(body, c);
      }
    }
    return body;
  }

  // Whether collectivity c can be body's: a body that names its level by
  // its adjective sits for a collectivity of that level only (a "Bureau
  // communautaire" under "DÉPARTEMENT DE LA RÉUNION" is the communauté's,
  // not the département's; a "Conseil municipal" under "REGION ET
  // DEPARTEMENT DE LA GUADELOUPE" is the commune's), and a kind alone
  // ("COMMUNE", "COMMUNAUTÉ D'AGGLOMÉRATION", its name on the next line)
  // names no collectivity.
  static bool OfItsLevel(const std::string& body, const RuleMatch& c) {
    const std::string rest = FoldForMatch(c.Get("rest"));
    if (rest.empty() || rest == "de communes" || rest == "d agglomeration") return false;
    const std::string folded = FoldForMatch(body), kind = FoldForMatch(c.Get("kind"));
    static constexpr std::pair<std::string_view, std::string_view> kLevels[] = {
        {"municipal", "commune ville"},   {"communautaire", "communaute metropole"},
        {"metropolitain", "metropole"},   {"syndical", "syndicat"},
        {"departemental", "departement"}, {"regional", "region"}};
    for (const auto& [adjective, kinds] : kLevels) {
      if (folded.find(adjective) == std::string::npos) continue;
      return (" " + std::string(kinds) + " ").find(" " + kind + " ") != std::string::npos;
    }
    return true;
  }

  // "Conseil communautaire de la Communauté …" names whose body it is;
  // "Conseil communautaire" does not.
  static bool IsQualified(const std::string& body) {
    const std::string folded = " " + FoldForMatch(body) + " ";
    for (const char* word : {" de ", " du ", " des ", " d "}) {
      if (folded.find(word) != std::string::npos) return true;
    }
    return false;
  }

  OptText BodyFromHeading(Part part) const {
    for (int i = part.begin; i < part.end; ++i) {
      std::string heading = block(i).text;
      for (int j = i + 1; j < part.end && Matches(RuleId::kDelibHeadingContinuation, j); ++j) {
        heading += " " + block(j).text;
      }
      RuleMatch m;
      if (!IsParagraph(block(i)) || !rules_.Search(RuleId::kDelibBodyHeading, heading, &m))
        continue;
      std::string body = CleanValue(m.Get("body"));
      for (int k = part.begin; k < i; ++k) {
        RuleMatch c;
        if (Search(RuleId::kDelibBodyCollectivity, k, &c) && OfItsLevel(body, c)) {
          return WithCollectivity(body, c);
        }
      }
      return body;
    }
    return std::nullopt;
  }

  // "COMMISSION PERMANENTE DU CONSEIL DEPARTEMENTAL" + "DEPARTEMENT DU
  // PAS-DE-CALAIS" -> "… DEPARTEMENTAL DU PAS-DE-CALAIS": when the body
  // already names the collectivity by its adjective (départemental,
  // régional), only the collectivity's name is added.
  static std::string WithCollectivity(const std::string& body, const RuleMatch& c) {
    const std::string kind = FoldForMatch(c.Get("kind"));
    if (FoldForMatch(body).find(kind + "al") != std::string::npos) {
      return body + " " + CleanValue(c.Get("rest"));
    }
    // Else "<body> de la <collectivity>", with the article of its kind
    // (département and syndicat are masculine) in the heading's case.
    const bool masculine = kind == "departement" || kind == "syndicat";
    const bool shouting = NoAsciiLowerCase(body);
    const char* article = masculine ? (shouting ? "DU " : "du ") : (shouting ? "DE LA " : "de la ");
    return body + " " + article + CleanValue(c.Get("collectivity"));
  }

  // ---- number, meeting date, title -------------------------------------------

  void ReadNumber(Deliberation* d) {
    RuleMatch m;
    // The numbers that would go on with a list of the Maire's decisions
    // reported in the act's text ("DECISION DU MAIRE N°2022-061", then
    // "N°2022-062 : …"; segment/acts.cc): none is the act's.
    std::set<std::string> delegated;
    for (int i = header_.begin; i < header_.end; ++i) {
      // The end of a heading broken after "DE LA": a number there is the
      // one its subject cites.
      if (i > header_.begin && Matches(RuleId::kDelibLineUnfinished, i - 1)) continue;
      if (Search(RuleId::kDelibDelegatedDecision, i, &m)) {
        delegated.insert(NextInSeries(m.Get("number")));
        continue;
      }
      for (RuleId rule :
           {RuleId::kDelibNumberLabelled, RuleId::kDelibNumberParen, RuleId::kDelibNumberCoded,
            RuleId::kDelibNumberItem, RuleId::kDelibNumberCodeFirst, RuleId::kDelibNumberObject,
            RuleId::kDelibNumberCodeLast, RuleId::kDelibNumberReport}) {
        if (!Search(rule, i, &m)) continue;
        if (delegated.contains(m.Get("number"))) {
          delegated.insert(NextInSeries(m.Get("number")));
          break;
        }
        d->number = m.Get("number");
        if (m.Has("title")) item_title_ = CleanValue(m.Get("title"));
        number_block_ = i;
        d->prov = ProvenanceIn(block(i), m.group_spans["number"].first,
                               m.group_spans["number"].second, rule);
        // "Dossier n°2-1 : Approbation … DCC2023_129": the number is the
        // item's place, the code after its subject the act's own number.
        if (rule == RuleId::kDelibNumberItem) UseActCode(i, m.group_spans["number"].second, d);
        return;
      }
    }
    // Minutes without act numbers refer to an act by its item's number,
    // or by the act's own code written on the item's line; a page's number
    // before the page's heading is none (segment/acts.cc).
    for (RuleId rule :
         {RuleId::kDelibItemNumbered, RuleId::kDelibItemRunOn, RuleId::kDelibItemPoint,
          RuleId::kDelibItemRoman, RuleId::kDelibItemPointRunOn}) {
      if (IsPageHeading(act_.begin) || !Search(rule, act_.begin, &m)) continue;
      const char* group = m.Has("item") ? "item" : "item2";
      if (m.Get(group).empty()) continue;
      d->number = m.Get(group);
      item_number_ = *d->number;
      d->prov = ProvenanceIn(block(act_.begin), m.group_spans[group].first,
                             m.group_spans[group].second, rule);
      UseActCode(act_.begin, 0, d);
      return;
    }
    AgendaItem(d);
  }

  // An item of minutes headed by its title alone, printed again from the
  // numbered agenda of the sitting's part ("1. MODIFICATION DU TABLEAU DES
  // EFFECTIFS" above, "MODIFICATION DU TABLEAU DES EFFECTIFS Rédigé par : …"
  // heading the act; segment/acts.cc): the agenda's number and title, when
  // the act's first block begins with the title's first kAgendaTitleKeyBytes bytes.
  void AgendaItem(Deliberation* d) {
    const std::string& first = block(act_.begin).text;
    for (int i = sitting_.begin; i < std::min(sitting_.end, act_.begin); ++i) {
      for (RuleId rule : {RuleId::kDelibItemNumbered, RuleId::kDelibItemPoint}) {
        RuleMatch m;
        if (!Search(rule, i, &m)) continue;
        const std::string& title = m.Get("title");
        if (title.size() < kAgendaTitleKeyBytes ||
            !first.starts_with(title.substr(0, kAgendaTitleKeyBytes))) {
          continue;
        }
        d->number = m.Get("item");
        item_number_ = *d->number;
        item_title_ = CleanValue(title);
        d->prov =
            ProvenanceIn(block(i), m.group_spans["item"].first, m.group_spans["item"].second, rule);
        return;
      }
    }
  }

  // Whether block i is a page's number before the page's heading, no item
  // ("2 CONSEIL DÉPARTEMENTAL DE LA LOZÈRE"; rule delib.page_heading).
  bool IsPageHeading(int i) const {
    RuleMatch m;
    return Search(RuleId::kDelibPageHeading, i, &m) && m.Get("item") != m.Get("page");
  }

  // The act's own code written on block i after byte `after` (rule
  // delib.act_code: "DCM 23.1.49" gives its code, "DCC2023_129" itself), as
  // the act's number.
  void UseActCode(int i, size_t after, Deliberation* d) const {
    RuleMatch m;
    if (!Search(RuleId::kDelibActCode, i, &m)) return;
    const char* group = m.Has("code") ? "code" : "glued";
    const auto [s, e] = m.group_spans[group];
    if (!m.Has(group) || s < after) return;
    d->number = m.Get(group);
    d->prov = ProvenanceIn(block(i), s, e, RuleId::kDelibActCode);
  }

  OptText MeetingDate(Part part) const {
    for (int i = part.begin; i < part.end; ++i) {
      // The heading that approves earlier minutes ("APPROBATION DU
      // PROCÈS-VERBAL DU CONSEIL MUNICIPAL DU 8 FÉVRIER 2023") dates them.
      if (Matches(RuleId::kDelibMinutesApproval, i)) continue;
      for (RuleId rule : {RuleId::kDelibMeetingDateMinutesCaps, RuleId::kDelibMeetingDate,
                          RuleId::kDelibMeetingDateHeading, RuleId::kDelibMeetingDateCaps,
                          RuleId::kDelibMeetingDateSentence, RuleId::kDelibMeetingDateOpening}) {
        RuleMatch m;
        if (!Search(rule, i, &m) || m.Has("approval")) continue;
        auto date = FindFrenchDate(m.Get("date"), rules_);
        // "L'an …, le …": the sitting's date opens the sentence; a later
        // date in it is the convocation's.
        if (date && rule == RuleId::kDelibMeetingDateSentence && date->start > 0) continue;
        if (date) return date->iso;
      }
    }
    // A date alone under the heading of minutes ("JEUDI 19 DECEMBRE 2019 •
    // 18H30").
    RuleMatch m;
    const int i = First(part, {RuleId::kDelibMeetingDateAlone}, &m);
    if (i >= 0 && i - part.begin < kSittingHeadBlocks) {
      if (auto date = FindFrenchDate(m.Get("date"), rules_)) return date->iso;
    }
    return std::nullopt;
  }

  // A heading line that belongs to the act's frame, not to its subject.
  bool IsFrameLine(int i) const {
    for (RuleId rule :
         {RuleId::kDelibMeetingDate, RuleId::kDelibMeetingDateHeading,
          RuleId::kDelibPresidentHeading, RuleId::kDelibBodyHeading,
          RuleId::kDelibHeadingContinuation, RuleId::kDelibBodyCollectivity,
          RuleId::kDelibSecretaryLabel, RuleId::kDelibNumberLabelled, RuleId::kDelibNumberParen,
          RuleId::kDelibNumberCoded, RuleId::kDelibNumberItem, RuleId::kDelibNumberCodeFirst,
          RuleId::kDelibNumberCodeLast, RuleId::kDelibNumberReport, RuleId::kDelibDecide}) {
      if (Matches(rule, i)) return true;
    }
    return false;
  }

  bool StartsLowerCase(int i) const {
    const std::string& t = block(i).text;
    return IsParagraph(block(i)) && !t.empty() && t[0] >= 'a' && t[0] <= 'z';
  }

  bool IsTitleLine(int i) const {
    return Matches(RuleId::kDelibTitleCapsLine, i) && !IsFrameLine(i);
  }

  OptText Title() const {
    RuleMatch m;
    // The approval of the previous minutes opened at its heading
    // (segment/acts.cc): a subject line further on ("Objet : …" of a
    // report read out under it) is no title of that approval.
    if (number_block_ < 0 && item_title_.empty()) {
      if (OptText approval = MinutesApprovalTitle()) return approval;
    }
    if (int at = First(header_, {RuleId::kDelibTitleObject}, &m); at >= 0) {
      // A subject wrapped over several lines goes on with lines that start
      // in lower case.
      std::string title = m.Get("title");
      for (int i = at + 1; i < header_.end && i - at < kTitleLines && StartsLowerCase(i); ++i) {
        title += " " + block(i).text;
      }
      return CleanValue(title);
    }
    if (!item_title_.empty()) return item_title_;
    if (number_block_ < 0) return ItemTitle();
    // The subject as capitalised lines just above the number line, else just
    // below it.
    // The title may stand above the number line, in the sitting's part.
    const int floor =
        sitting_.begin < sitting_.end ? std::min(sitting_.begin, header_.begin) : header_.begin;
    int first = number_block_;
    while (first > floor && number_block_ - first < kTitleLines && IsTitleLine(first - 1)) {
      --first;
    }
    int last = number_block_;
    if (first == number_block_) {
      first = last = number_block_ + 1;
      while (last < header_.end && last - first < kTitleLines && IsTitleLine(last)) ++last;
    }
    std::string title;
    for (int i = first; i < last; ++i) {
      if (i == number_block_) continue;
      if (!title.empty()) title += ' ';
      title += block(i).text;
    }
    title = CleanValue(title);
    if (title.empty()) return std::nullopt;
    return title;
  }

  // The approval of the previous minutes that segment/acts.cc opened at its
  // heading: the heading without the text run on after it.
  OptText MinutesApprovalTitle() const {
    RuleMatch m;
    if (!Search(RuleId::kDelibMinutesApproval, act_.begin, &m)) return std::nullopt;
    std::string title = CleanValue(m.Get("title"));
    if (title.empty()) return std::nullopt;
    return title;
  }

  // The subject of a numbered item of minutes: on the item's line, or the
  // short paragraph under a number that stands alone ("2." / "Approbation …").
  OptText ItemTitle() const {
    RuleMatch m;
    // A point's subject in capitals run on into its report is the capitals
    // alone (delib.item.point_run_on), before the point's whole line.
    if (IsPageHeading(act_.begin)) return std::nullopt;
    if (!Search(RuleId::kDelibItemNumbered, act_.begin, &m) &&
        !Search(RuleId::kDelibItemPointRunOn, act_.begin, &m) &&
        !Search(RuleId::kDelibItemPoint, act_.begin, &m) &&
        !Search(RuleId::kDelibItemRoman, act_.begin, &m)) {
      if (OptText title = RunOnItemTitle()) return title;
      // An item told by its decision opens at its subject line.
      if (act_.begin == 0 || !Matches(RuleId::kDelibSubjectLine, act_.begin)) {
        return MinutesApprovalTitle();
      }
      std::string title = CleanValue(block(act_.begin).text);
      while (!title.empty() && (title.back() == ':' || title.back() == ' ')) title.pop_back();
      if (title.empty()) return std::nullopt;
      return title;
    }
    std::string title = CleanValue(m.Get("title"));
    // The act's code ends the subject ("Tarifs de la cantine – DEL 2023-045").
    if (RuleMatch code; rules_.Search(RuleId::kDelibActCode, title, &code) && code.start > 0) {
      title = CleanValue(title.substr(0, code.start));
    }
    if (title.empty() && act_.begin + 1 < act_.end && IsParagraph(block(act_.begin + 1)) &&
        block(act_.begin + 1).text.size() <= kItemTitleBytes) {
      title = CleanValue(block(act_.begin + 1).text);
    }
    if (!title.empty() && act_.begin + 1 < act_.end && IsParagraph(block(act_.begin + 1)) &&
        Matches(RuleId::kDelibLineUnfinished, act_.begin)) {
      // "de l'" / "accueil de loisirs": the elided article joins its word.
      const std::string& raw = m.Get("title");
      const bool elided = raw.ends_with("'") || raw.ends_with("\u2019");
      title = CleanValue(raw + (elided ? "" : " ") + TitleEnd(title, block(act_.begin + 1).text));
    }
    if (title.empty()) return std::nullopt;
    return title;
  }

  // The subject in capitals of a numbered item run on into its report
  // ("1 / APPROBATION DES COMPTES DE GESTION 2022 RAPPORTEUR : …"; rule
  // delib.item.run_on), else none.
  OptText RunOnItemTitle() const {
    RuleMatch m;
    if (!Search(RuleId::kDelibItemRunOn, act_.begin, &m)) return std::nullopt;
    if (!m.Has("item2")) {
      // A subject in lower case, up to the report's first sentence.
      if (!Search(RuleId::kDelibRunOnSubject, act_.begin, &m)) return std::nullopt;
      std::string title = CleanValue(m.Get("title"));
      if (title.empty()) return std::nullopt;
      return title;
    }
    const std::string& text = block(act_.begin).text;
    const size_t from = text.find_first_not_of(" °)-/\u2013", m.group_spans["item2"].second);
    if (from == std::string::npos) return std::nullopt;
    const std::string lead = CapitalsLead(std::string_view(text).substr(from));
    // "1°) MARCHES PUBLICS – Attribution de …": a dash or a colon after the
    // capitals goes on with the subject in lower case.
    if (lead.ends_with("-") || lead.ends_with("\u2013") || lead.ends_with("\u2014")) {
      return std::nullopt;
    }
    std::string title = CleanValue(lead);
    if (title.empty()) return std::nullopt;
    return title;
  }

  // The end of a subject a converter broke after an article or a
  // preposition ("4) ANNULATION DE LA" / "DELIBERATION N°2022/08/21 : …"),
  // from the next line: a subject in capitals goes on with the words in
  // capitals that open it (the text run on after them is the item's
  // report); one in lower case with the whole line, when it is a heading's
  // length.
  static std::string TitleEnd(const std::string& title, const std::string& next) {
    if (!NoAsciiLowerCase(title)) return next.size() <= kItemTitleBytes ? next : std::string();
    return CapitalsLead(next);
  }

  // The words in capitals that open text, up to the first word in lower
  // case or the first label of a name or a sentence ("RAPPORTEUR :
  // Monsieur …"): a subject in capitals run on into its item's report.
  static std::string CapitalsLead(std::string_view text) {
    size_t end = 0;
    for (size_t p = 0; p < text.size();) {
      const size_t e = std::min(text.find(' ', p), text.size());
      const std::string_view word = text.substr(p, e - p);
      if (!NoAsciiLowerCase(word) || LabelsProse(text, word, e)) break;
      end = e;
      p = e + 1;
    }
    return std::string(text.substr(0, end));
  }

  // Whether `word`, ending at byte e of text, is a label followed by prose:
  // a colon ends it or stands after it, and the word after the colon is in
  // lower case ("RAPPORTEUR : Monsieur"; not "N°2022/08/21 : ABANDON").
  static bool LabelsProse(std::string_view text, std::string_view word, size_t e) {
    size_t after = std::string_view::npos;  // just past the colon
    if (word.ends_with(":")) {
      after = e;
    } else if (const size_t c = text.find_first_not_of(' ', e);
               c != std::string_view::npos && text[c] == ':') {
      after = c + 1;
    }
    if (after == std::string_view::npos) return false;
    const size_t next = text.find_first_not_of(' ', after);
    if (next == std::string_view::npos) return false;
    const size_t next_end = std::min(text.find(' ', next), text.size());
    return !NoAsciiLowerCase(text.substr(next, next_end - next));
  }

  // ---- president, secretary ----------------------------------------------------

  // The first name the rules find in part; *prov (when given) is where.
  OptText FirstName(Part part, std::initializer_list<RuleId> names,
                    Provenance* prov = nullptr) const {
    RuleMatch m;
    const int at = First(part, names, &m);
    if (at < 0) return std::nullopt;
    std::string name = CleanValue(m.Get("name"));
    // A name read from a sentence right after a list may take in the list's
    // last initial ("… M. CARABASSE P. Madame VACQUIE S. a été élue
    // secrétaire"): a civility inside it opens the person's name.
    size_t from = 0;
    for (size_t sp = name.find(' '); sp != std::string::npos; sp = name.find(' ', sp + 1)) {
      RuleMatch civility;
      if (rules_.Search(RuleId::kDelibAttendeeCivility, std::string_view(name).substr(sp + 1),
                        &civility) &&
          !civility.Has("glued")) {
        from = sp + 1 + civility.end;
      }
    }
    if (from > 0) name = CleanValue(name.substr(from));
    if (name.empty()) return std::nullopt;
    // Two persons in one function ("X et Y sont désignés secrétaires de
    // séance"): both, as the text pairs them.
    const std::string second = m.Has("name2") ? CleanValue(m.Get("name2")) : std::string();
    if (!second.empty()) name += " et " + second;
    if (prov) {
      auto [s, e] = m.group_spans["name"];
      if (!second.empty()) e = std::max(e, m.group_spans["name2"].second);
      *prov = ProvenanceIn(block(at), s, e, m.rule->name);
    }
    return name;
  }

  // The act's own statement, else the sitting's.
  OptText FirstNameOfAct(std::initializer_list<RuleId> names, Provenance* prov = nullptr) const {
    OptText name = FirstName(header_, names, prov);
    return name ? name : FirstName(sitting_, names, prov);
  }

  // The one who presides the sitting sits at it: minutes name the president
  // in "sous la présidence de M. X" and often leave them out of the list of
  // those present.  Added as present when the act lists its attendance and
  // names no one who bears a word of the president's surname (the list may
  // write "CAMUS J.-L." for "Jean-Louis CAMUS", "Sylvie Valente" for "Sylvie
  // VALENTE-LE HIR").
  void AddPresidentAsPresent(Deliberation* d) const {
    if (!d->president || d->attendees.empty()) return;
    const std::vector<std::string> surname = SurnameWords(*d->president);
    if (surname.empty()) return;
    for (const Attendee& a : d->attendees) {
      const std::vector<std::string> words = FoldedWords(a.name);
      if (std::any_of(surname.begin(), surname.end(), [&](const std::string& w) {
            return w.size() >= 3 && std::find(words.begin(), words.end(), w) != words.end();
          })) {
        return;
      }
    }
    Attendee a;
    a.name = *d->president;
    a.status = "present";
    a.prov = president_prov_;
    d->attendees.push_back(std::move(a));
  }

  // The folded words of a name, hyphens and dots splitting them.
  static std::vector<std::string> FoldedWords(std::string_view name) {
    std::string folded = FoldForMatch(name);
    for (char& c : folded) {
      if (c == '-' || c == '.') c = ' ';
    }
    std::vector<std::string> words;
    size_t p = 0;
    while ((p = folded.find_first_not_of(' ', p)) != std::string::npos) {
      const size_t e = std::min(folded.find(' ', p), folded.size());
      words.push_back(folded.substr(p, e - p));
      p = e;
    }
    return words;
  }

  // The surname of a name as written: its words in capitals ("Jean-Louis
  // CAMUS", "LE JOLIS Anne"), else its last word ("Pascal Thévenot").
  static std::vector<std::string> SurnameWords(const std::string& name) {
    std::vector<std::string> caps;
    size_t p = 0;
    while ((p = name.find_first_not_of(' ', p)) != std::string::npos) {
      const size_t e = std::min(name.find(' ', p), name.size());
      const std::string word = name.substr(p, e - p);
      if (HasCapitalWord(word) && NoAsciiLowerCase(word)) {
        for (std::string& w : FoldedWords(word)) caps.push_back(std::move(w));
      }
      p = e;
    }
    if (!caps.empty()) return caps;
    std::vector<std::string> words = FoldedWords(name);
    if (words.empty()) return {};
    return {words.back()};
  }

  // A heading may shout the president's name ("MONSIEUR JEAN-CLAUDE LEROY");
  // the presence list writes it as the person does: use that form.
  // A name read in a run-on paragraph may go on into the text after it
  // ("Michel COTTEN ETAT DES PRESENCES"): the listed name of two words or
  // more whose words, each whole, open it is the person (not the first of
  // two joined by "et"; "VALENTE-LE HIR" is not "Valente" followed by more).
  static OptText PersonAsListed(OptText name, const std::vector<Attendee>& attendees) {
    if (!name) return name;
    const std::string key = FoldForMatch(*name);
    const std::vector<std::string> words = SpacedWords(*name);
    const Attendee* prefix = nullptr;
    size_t prefix_words = 0;
    for (const Attendee& a : attendees) {
      if (FoldForMatch(a.name) == key) return a.name;
      const std::vector<std::string> listed = SpacedWords(a.name);
      if (listed.size() < 2 || listed.size() >= words.size() || listed.size() <= prefix_words ||
          words[listed.size()] == "et") {
        continue;
      }
      if (std::equal(listed.begin(), listed.end(), words.begin())) {
        prefix = &a;
        prefix_words = listed.size();
      }
    }
    if (prefix) return prefix->name;
    return name;
  }

  // The words of a name split at spaces only, each folded.
  static std::vector<std::string> SpacedWords(std::string_view name) {
    std::vector<std::string> words;
    size_t p = 0;
    while ((p = name.find_first_not_of(' ', p)) != std::string_view::npos) {
      const size_t e = std::min(name.find(' ', p), name.size());
      words.push_back(FoldForMatch(name.substr(p, e - p)));
      p = e;
    }
    return words;
  }

  // ---- attendees ---------------------------------------------------------------

  struct Label {
    size_t start;  // where the label starts
    size_t end;    // where its list starts (past the colon)
    std::string status;
    RuleId rule;
  };

  // The labels of paragraph i, found once: the readers of a list ask for
  // the labels of each paragraph it might go on into.
  const std::vector<Label>& Labels(int i) const {
    auto [it, inserted] = labels_.try_emplace(i);
    if (inserted) it->second = FindLabels(i);
    return it->second;
  }

  std::vector<Label> FindLabels(int i) const {
    static const std::pair<RuleId, const char*> kLists[] = {
        {RuleId::kDelibAttendeesPresent, "present"},
        {RuleId::kDelibAttendeesExcused, "excused"},
        {RuleId::kDelibAttendeesAbsent, "absent"},
        {RuleId::kDelibAttendeesNonVotingPresent, "non_voting_present"},
        {RuleId::kDelibAttendeesNonVotingExcused, "non_voting_excused"},
        {RuleId::kDelibAttendeesPresentCaps, "present"},
        {RuleId::kDelibAttendeesExcusedCaps, "excused"},
        {RuleId::kDelibAttendeesAbsentCaps, "absent"},
        {RuleId::kDelibAttendeesCommuneCaps, "present"},
        {RuleId::kDelibAttendeesPresentTable, "present"},
        {RuleId::kDelibAttendeesNonVotingLine, "non_voting_present"},
    };
    std::vector<Label> labels;
    if (!IsParagraph(block(i))) return labels;
    // One pass tells which labels occur; only those are looked for one by
    // one (most paragraphs hold none).
    const std::vector<const Rule*> present =
        rules_.CandidatesFor(RuleFamily::kDelibAttendees).Matching(block(i).text);
    if (present.empty()) return labels;
    for (const auto& [rule, status] : kLists) {
      const Rule& r = rules_.Get(rule);
      if (std::find(present.begin(), present.end(), &r) == present.end()) continue;
      const std::vector<RuleMatch> found = rules_.SearchAll(r, block(i).text);
      // A commune's caption is a label only among others.
      if (rule == RuleId::kDelibAttendeesCommuneCaps && found.size() < 2) continue;
      for (const RuleMatch& m : found) {
        const size_t label_start = m.group_spans.at("label").first;
        // "Etaient présents Madame …": a list's label, not a table's.
        if (rule == RuleId::kDelibAttendeesPresentTable &&
            std::any_of(labels.begin(), labels.end(),
                        [&](const Label& l) { return l.start == label_start; })) {
          continue;
        }
        // A label without its colon may take the first letters of the list
        // ("PRESENTS P. BANIEL"): the list starts there.
        const auto next = m.group_spans.find("next");
        const size_t list_start =
            next != m.group_spans.end() && m.Has("next") ? next->second.first : m.end;
        labels.push_back({label_start, list_start, status, rule});
      }
    }
    // Overlapping labels: the longest wins (the rules are exclusive as
    // written, this only guards against a future rule that is not).
    std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) {
      return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<Label> kept;
    for (const Label& l : labels) {
      if (kept.empty() || l.start >= kept.back().end) kept.push_back(l);
    }
    return kept;
  }

  // A civility opening text, and where the name after it starts.  Glued to
  // the name ("M.TAYEB"), only an abbreviation with its full stop counts:
  // the rule's match then takes the name's first letter (RE2 has no
  // lookahead), so the civility ends with its group.
  bool SearchCivility(std::string_view text, RuleMatch* civ) const {
    RuleMatch m;
    if (!rules_.Search(RuleId::kDelibAttendeeCivility, text, &m)) return false;
    if (m.Has("glued")) {
      const auto [start, end] = m.group_spans.at("glued");
      if (end == start || text[end - 1] != '.') return false;
      m.end = end;
    }
    if (civ) *civ = std::move(m);
    return true;
  }

  // A civility at text[p] that starts another person of a list written
  // without separators; not the civility of a proxy holder ("… à M. Y").
  bool StartsPerson(const std::string& text, size_t p) const {
    if (p == 0 || text[p - 1] != ' ') return false;
    const std::string_view before = std::string_view(text).substr(0, p - 1);
    for (std::string_view word : {" à", " a", " par", " de", "(à", " suppléant", " suppléante",
                                  " représenté", " représentée"}) {
      if (before.size() >= word.size() && before.substr(before.size() - word.size()) == word) {
        return false;
      }
    }
    const char c = text[p];
    // Lists open names with M., MM., Mme, Mlle, Monsieur, Madame: all start
    // with an M (a cheap test before the rule).
    if (c != 'M' && c != 'm') return false;
    return SearchCivility(std::string_view(text).substr(p), nullptr);
  }

  // The shape of the word at text[at]: 2 in capitals ("ARNAL"), 1
  // capitalised ("Fabienne", "Élise"), 0 otherwise.
  static int WordShape(std::string_view word) {
    if (word.empty()) return 0;
    const unsigned char c = static_cast<unsigned char>(word[0]);
    if (!((c >= 'A' && c <= 'Z') || c == 0xC3)) return 0;
    bool lower = false;
    for (char ch : word) lower = lower || (ch >= 'a' && ch <= 'z');
    return lower ? 1 : 2;
  }

  // The first word of text[at, …) after its civility, and where it ends.
  std::string_view WordAt(std::string_view text, size_t at) const {
    std::string_view rest = text.substr(std::min(at, text.size()));
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    RuleMatch civ;
    if (SearchCivility(rest, &civ)) rest.remove_prefix(civ.end);
    return rest.substr(0, std::min(rest.find(' '), rest.size()));
  }

  // A list of proxies written without separators ("ARNAL Fabienne à JARRIGE
  // Françoise AYGALENQ Elisabeth à ARNAL Michel", "Roger BRIAND avait donné
  // pouvoir à Luc SOULARD Véronique BESSE avait donné pouvoir à …"): at
  // text[at], after the " à " of the item that starts at `start`, a holder
  // of two words written as the giver is (surname first or last), then
  // another giver written the same way before their own proxy.  Where that
  // giver starts, else npos.
  size_t ProxyChainNext(std::string_view text, size_t start, size_t at) const {
    const int shape = WordShape(WordAt(text, start));
    const std::string_view first = WordAt(text, at);
    if (shape == 0 || WordShape(first) != shape) return std::string_view::npos;
    const size_t second_at = static_cast<size_t>(first.data() - text.data()) + first.size() + 1;
    if (second_at >= text.size() || text[second_at - 1] != ' ') return std::string_view::npos;
    const std::string_view second = text.substr(second_at, text.find(' ', second_at) - second_at);
    if (WordShape(second) != 3 - shape) return std::string_view::npos;
    const size_t next = second_at + second.size() + 1;
    if (next >= text.size() || text[next - 1] != ' ' || WordShape(WordAt(text, next)) != shape) {
      return std::string_view::npos;
    }
    std::string_view giver = text.substr(next);
    giver = giver.substr(0, std::min(giver.find_first_of(",;(["), giver.size()));
    RuleMatch m;
    if (!rules_.Search(RuleId::kDelibAttendeeProxyTail, giver, &m) || m.start == 0) {
      return std::string_view::npos;
    }
    giver = giver.substr(0, m.start);
    RuleMatch civ;
    if (SearchCivility(giver, &civ)) giver.remove_prefix(civ.end);
    if (!rules_.Search(RuleId::kDelibAttendeeName, giver, nullptr)) return std::string_view::npos;
    return next;
  }

  // Where a person starts after the bracket that ends at text[at] with no
  // separator between them ("… (arrivée après la délibération 5) Maurice
  // LAVAGNA, …", "…)Monsieur Alain X"): the next item, up to its separator
  // or bracket, is a name of two words or more, with its civility or after
  // a space.  Else npos.
  size_t NameAfterBracket(const std::string& text, size_t at) const {
    size_t q = at;
    while (q < text.size() && text[q] == ' ') ++q;
    if (q >= text.size()) return std::string::npos;
    const unsigned char c = static_cast<unsigned char>(text[q]);
    if (!((c >= 'A' && c <= 'Z') || c == 0xC3)) return std::string::npos;
    std::string_view item = std::string_view(text).substr(q);
    item = item.substr(0, std::min(item.find_first_of(",;(["), item.size()));
    for (std::string_view sep : {" et ", " - "})
      item = item.substr(0, std::min(item.find(sep), item.size()));
    while (!item.empty() && (item.back() == ' ' || item.back() == '.')) item.remove_suffix(1);
    // Glued to the bracket, only a civility starts a person ("…)JD" is
    // debris); a name is two words or more.
    RuleMatch civ;
    if (SearchCivility(item, &civ)) {
      item.remove_prefix(civ.end);
    } else if (q == at) {
      return std::string::npos;
    }
    if (item.find(' ') == std::string_view::npos ||
        !rules_.Search(RuleId::kDelibAttendeeName, item, nullptr) ||
        rules_.Search(RuleId::kDelibAttendeeFunction, item, nullptr)) {
      return std::string::npos;
    }
    return q;
  }

  // Whether a name may end at item[at]: what follows starts no capitalised
  // word (it is punctuation, a lower-case word, a number).
  static bool EndsName(std::string_view item, size_t at) {
    while (at < item.size() && item[at] == ' ') ++at;
    if (at >= item.size()) return true;
    if (item[at] == ':') return false;  // "OBJET : …" is a label
    const unsigned char c = static_cast<unsigned char>(item[at]);
    return !(c >= 'A' && c <= 'Z') && c < 0xC3;  // not an ASCII capital, nor a Latin-1 letter
  }

  // The length of the number that opens an item of a numbered list read
  // flat ("12. " before "BLASER Stéphanie", or before the next number when
  // the numbers were printed apart from the names), or 0.  Two digits at
  // most, so that a year or a count is no item's number.
  static size_t NumberingLength(std::string_view text) {
    size_t digits = 0;
    while (digits < text.size() && digits < 3 && text[digits] >= '0' && text[digits] <= '9') {
      ++digits;
    }
    if (digits == 0 || digits > 2 || text.size() < digits + 3 || text[digits] != '.' ||
        text[digits + 1] != ' ') {
      return 0;
    }
    const unsigned char next = static_cast<unsigned char>(text[digits + 2]);
    const bool opens = (next >= 'A' && next <= 'Z') || next == 0xC3 || (next >= '0' && next <= '9');
    return opens ? digits + 2 : 0;
  }

  // Whether what follows item[0, name_end) is the function of the name
  // ("4ème Adjt", ", Maire"): the name is a whole item of the list.
  bool FunctionFollows(std::string_view item, size_t name_end) const {
    if (name_end == 0) return false;
    std::string_view rest = item.substr(name_end);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '.')) rest.remove_suffix(1);
    return !rest.empty() && rules_.Search(RuleId::kDelibAttendeeFunction, rest, nullptr);
  }

  // Skips the group's caption before the first name of text[*s, *e) (a
  // colon in the item); false when the caption is a role's label ("Secrétaire
  // de séance : …"), which ends the list.  A name and a role's label run
  // together before the colon ("Maxime PEILLER Secrétaire élue pour la
  // session : …"): the item is that name, the list's last (*ended).
  bool SkipCaption(const std::string& text, size_t* s, size_t* e, bool* ended) const {
    const std::string_view item(text.data() + *s, *e - *s);
    const size_t colon = item.rfind(" : ");
    if (colon == std::string_view::npos) return true;
    if (IsRoleLabel(item.substr(0, colon))) return false;
    if (const size_t name_end = NameBeforeRole(item.substr(0, item.find(" : "))); name_end > 0) {
      *e = *s + name_end;
      *ended = true;
    } else {
      *s += colon + 3;
    }
    return true;
  }

  // Whether a caption that opens with a function names a body ("Délégués
  // de la Communauté de Communes du Sud Sarthe : Mmes …"): the caption of
  // the group of names after its colon, not a role's label.
  bool NamesGroup(std::string_view caption) const {
    return rules_.Search(RuleId::kDelibAttendeeGroupCaption, caption, nullptr);
  }

  // Whether the name item[0, name_end), followed by more, counts in a
  // paragraph read as a list's continuation: a name followed by its function
  // ("NEROME/ZANDRONIS Liliane 4ème Adjt"), or, once the paragraph has given
  // a name, one followed by the commune it sits for ("MM HENRION, BRETON et
  // Mme FLACELIERE pour AZAY LE RIDEAU").
  bool CountsInContinuation(std::string_view item, size_t name_end, int names_before) const {
    if (FunctionFollows(item, name_end)) return true;
    return names_before > 0 && name_end > 0 &&
           rules_.Search(RuleId::kDelibAttendeeFor, item.substr(name_end), nullptr);
  }

  // Where the name ends in head when head is a name (its civility first or
  // not) then a role's label ("Maxime PEILLER Secrétaire élue pour la
  // session"), the name with a surname in capitals; else 0.
  size_t NameBeforeRole(std::string_view head) const {
    RuleMatch civ;
    const size_t from = SearchCivility(head, &civ) ? civ.end : 0;
    for (size_t space = head.find(' ', from); space != std::string_view::npos;
         space = head.find(' ', space + 1)) {
      const std::string_view name = head.substr(from, space - from);
      if (WordShape(WordAt(head, space + 1)) == 1 && HasCapitalWord(name) &&
          rules_.Search(RuleId::kDelibAttendeeName, name, nullptr) &&
          IsRoleLabel(head.substr(space + 1))) {
        return space;
      }
    }
    return 0;
  }

  // The length of the longest run of whole words that starts item and is a
  // name, or 0.
  size_t LongestNamePrefix(std::string_view item) const {
    for (size_t end = item.rfind(' '); end != std::string_view::npos && end > 0;
         end = item.rfind(' ', end - 1)) {
      std::string_view head = item.substr(0, end);
      while (!head.empty() && (head.back() == '.' || head.back() == ',')) head.remove_suffix(1);
      if (!head.empty() && rules_.Search(RuleId::kDelibAttendeeName, head, nullptr))
        return head.size();
    }
    return 0;
  }

  // A surname as lists print it: a word of two capitals or more.
  static bool HasCapitalWord(std::string_view name) {
    int run = 0;
    for (char c : name) {
      run = (c >= 'A' && c <= 'Z') ? run + 1 : 0;
      if (run >= 2) return true;
    }
    return false;
  }

  // One word of two capitals or more with no lower-case ASCII letter
  // ("LEROY", "SAINTE-HELENE"), as a surname in capitals is printed.
  static bool IsCapitalsWord(std::string_view word) {
    if (word.find(' ') != std::string_view::npos || !HasCapitalWord(word)) return false;
    return std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }

  // A list's text: a span of one block, or of several when a converter broke
  // the list inside a name ("C.\nDROUGLAZET"), the pieces joined by a space.
  struct ListText {
    struct Piece {
      size_t at;    // where the piece starts in text
      int block;    // the block it comes from
      size_t from;  // where it starts in that block's text
    };
    std::string text;
    std::vector<Piece> pieces;
  };

  void Append(int i, size_t from, size_t to, ListText* list) const {
    if (!list->text.empty()) list->text += ' ';
    list->pieces.push_back({list->text.size(), i, from});
    list->text.append(block(i).text, from, to - from);
  }

  // Provenance of list->text[s, e): in the block where s falls, up to e when
  // e falls in the same block, else to that block's end.
  Provenance ProvenanceInList(const ListText& list, size_t s, size_t e, RuleId rule) const {
    size_t k = 0;
    while (k + 1 < list.pieces.size() && list.pieces[k + 1].at <= s) ++k;
    const ListText::Piece& piece = list.pieces[k];
    const Block& b = block(piece.block);
    const size_t end_in_block = k + 1 < list.pieces.size() && e > list.pieces[k + 1].at
                                    ? b.text.size()
                                    : e - piece.at + piece.from;
    return ProvenanceIn(b, s - piece.at + piece.from, end_in_block, rule);
  }

  // Whether the list ends inside an item: its last item is a civility or an
  // initial alone, a name that stops on a particle ("R. LE"), or a function.
  // A surname in capitals alone goes on only into a first name ("SINIVASSIN"
  // / "Tony, …"): before another word in capitals it is one item of a list
  // printed one surname a line.
  bool EndsMidName(const std::string& text, std::string_view next) const {
    const size_t sep = text.find_last_of(",;");
    std::string_view tail(text);
    if (sep != std::string::npos) tail.remove_prefix(sep + 1);
    while (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
    while (!tail.empty() && tail.back() == ' ') tail.remove_suffix(1);
    if (IsCapitalsWord(tail) && IsCapitalsWord(next.substr(0, next.find_first_of(" ,;")))) {
      return false;
    }
    // "…, Délégué titulaire de la communauté de communes de la Haute" /
    // "Moselotte": a function broken over two lines is one item too.
    return !tail.empty() && (rules_.Search(RuleId::kDelibAttendeeUnfinished, tail, nullptr) ||
                             rules_.Search(RuleId::kDelibAttendeeFunction, tail, nullptr));
  }

  // Whether the list's line ends on the civility of its next person, run
  // on after the name before with no separator ("… M. Philippe MARANDEL M."
  // / "Christophe RACKAY, …"): the person goes on in the next paragraph.
  // (A civility alone after a separator is EndsMidName's.)
  bool EndsOnCivility(std::string_view text) const {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    const size_t space = text.rfind(' ');
    if (space == std::string_view::npos || space == 0 || text[space - 1] == ',' ||
        text[space - 1] == ';') {
      return false;
    }
    const std::string last = std::string(text.substr(space + 1)) + ' ';
    RuleMatch civ;
    return SearchCivility(last, &civ) && civ.start == 0 && civ.end == last.size() &&
           HasCapitalWord(text.substr(0, space));
  }

  // The first item of paragraph i (up to its first comma or semicolon),
  // without its civility.
  std::string_view FirstItem(int i, bool hyphens = false) const {
    std::string_view text = block(i).text;
    text = text.substr(0, std::min(text.find_first_of(",;"), text.size()));
    if (hyphens) text = text.substr(0, std::min(text.find(" - "), text.size()));
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    RuleMatch civ;
    if (SearchCivility(text, &civ)) text.remove_prefix(civ.end);
    return text;
  }

  // Whether a converter broke the list's line inside its last name, the
  // surname on the next line: the last item is a civility and a first name
  // with no word in capitals ("…, Mme Anne" / "LEROY, M. Pierre MOREAU"),
  // and the next paragraph opens with a word in capitals.
  bool BrokenBeforeSurname(const std::string& text, int next) const {
    const size_t sep = text.find_last_of(",;");
    std::string_view tail(text);
    if (sep != std::string::npos) tail.remove_prefix(sep + 1);
    while (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
    RuleMatch civ;
    if (!SearchCivility(tail, &civ)) return false;
    tail.remove_prefix(civ.end);
    if (tail.empty() || tail.find(' ') != std::string_view::npos || HasCapitalWord(tail)) {
      return false;
    }
    const std::string_view first = FirstItem(next);
    return HasCapitalWord(first.substr(0, first.find(' ')));
  }

  // Whether the list of paragraph i goes on in the next paragraph although
  // its line ends with no separator (a converter dropped the comma with the
  // line break): the line does not close the list with a full stop or a
  // colon, and the next paragraph is itself a list whose first item is a
  // name.  A list whose names " - " separates goes on in a paragraph that
  // opens with that hyphen (read as a bullet) or holds it.
  bool ListGoesOn(int i, Part part) const {
    if (i + 1 >= part.end || !IsParagraph(block(i + 1)) || !Labels(i + 1).empty()) return false;
    std::string_view text = block(i).text;
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text.back() == '.' || text.back() == ':') return false;
    const std::string& next = block(i + 1).text;
    const bool hyphens = CountSpacedHyphens(block(i).text, 0) >= 2 &&
                         (block(i + 1).bullet || next.find(" - ") != std::string::npos);
    if (!hyphens && next.find_first_of(",;") == std::string::npos) return false;
    std::string_view first = FirstItem(i + 1, hyphens);
    // "- Christine MONTAGNY.": the list's last name, closed by its stop.
    if (hyphens && !first.empty() && first.back() == '.' && first.size() == next.size()) {
      first.remove_suffix(1);
    }
    return rules_.Search(RuleId::kDelibAttendeeName, first, nullptr) && HasCapitalWord(first);
  }

  // Whether paragraph next is one more proxy of a list printed one proxy a
  // line, aligned under the first after the label ("Absents ayant donné
  // procuration : Mme X à Mr Y" / "Mme Z à Mme W"): the list's last item and
  // the whole paragraph each give a name's proxy to a name, with no separator
  // at the line's end.
  bool ProxyGoesOn(const ListText& list, int next) const {
    // The last item of the paragraph read last.
    const size_t sep = list.text.find_last_of(",;");
    size_t from = list.pieces.empty() ? 0 : list.pieces.back().at;
    if (sep != std::string::npos) from = std::max(from, sep + 1);
    return IsProxyItem(std::string_view(list.text).substr(from)) && IsProxyItem(block(next).text);
  }

  // Whether item is a name (a civility first or not) then its proxy's holder
  // ("Mme CASTEL Catherine à Mme Françoise DUARTE"), both with a surname in
  // capitals.
  bool IsProxyItem(std::string_view item) const {
    while (!item.empty() && (item.front() == ' ' || item.front() == '-')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '.')) item.remove_suffix(1);
    RuleMatch m;
    if (SearchCivility(item, &m)) item.remove_prefix(m.end);
    if (!rules_.Search(RuleId::kDelibAttendeeProxyTail, item, &m) || m.start == 0) return false;
    // The tail ends on the holder's first letter (RE2 has no lookahead) or
    // on the space before the holder's civility ("pouvoir à M. Y").
    const std::string_view giver = item.substr(0, m.start);
    size_t at = m.end - 1;
    while (at > 0 && (static_cast<unsigned char>(item[at]) & 0xC0) == 0x80) --at;
    std::string_view holder = item.substr(at);
    while (!holder.empty() && holder.front() == ' ') holder.remove_prefix(1);
    if (SearchCivility(holder, &m)) holder.remove_prefix(m.end);
    for (const std::string_view name : {giver, holder}) {
      if (!HasCapitalWord(name) || !rules_.Search(RuleId::kDelibAttendeeName, name, nullptr)) {
        return false;
      }
    }
    return true;
  }

  // Whether text ends inside a bracket it opened ("… Pierre X (arrivée après
  // la délibération 23 03" / "05) Maurice Y, …"): a converter broke the
  // line inside a member's note, and the list goes on after it.
  static bool EndsInsideBracket(std::string_view text) {
    int depth = 0;
    for (char c : text) {
      if (c == '(' || c == '[') ++depth;
      if ((c == ')' || c == ']') && depth > 0) --depth;
    }
    return depth > 0;
  }

  // The list that starts at text[from, to) of block *i: that span, and the
  // next paragraphs while the list ends inside a name or the next paragraph
  // goes on with its line (starts in lower case); *i is left on the last
  // block read.
  ListText ListFrom(int* i, size_t from, size_t to, Part part) const {
    ListText list;
    Append(*i, from, to, &list);
    while (*i + 1 < part.end && IsParagraph(block(*i + 1)) &&
           (EndsMidName(list.text, block(*i + 1).text) || BrokenBeforeSurname(list.text, *i + 1) ||
            EndsInsideBracket(list.text) || EndsOnCivility(list.text) ||
            ProxyGoesOn(list, *i + 1) ||
            rules_.Search(RuleId::kDelibAttendeeLineContinuing, block(*i + 1).text, nullptr)) &&
           Labels(*i + 1).empty()) {
      ++*i;
      Append(*i, 0, block(*i).text.size(), &list);
    }
    return list;
  }

  // One item of an attendance list: its name part [start, end) and the
  // bracket after it, up to the separator ("X (à partir du point 2.1)").
  struct ListItem {
    size_t start, end, bracket_end;
    bool after_stop = false;  // a full stop (EndsSentence) stands before it
  };

  // The items of a list's text, split on commas, semicolons, bullets, " et ",
  // " - " and a civility that starts a new person, brackets kept with the
  // item they follow; a tally or a civility group before the names is
  // skipped.
  std::vector<ListItem> SplitList(const std::string& text) const {
    size_t begin = 0;
    const size_t end = text.size();
    RuleMatch count;  // "Présents : 26 M. …": the tally before the names
    if (rules_.Search(RuleId::kDelibAttendeeCount, text, &count) && count.end < end) {
      begin += count.end;
    }
    if (rules_.Search(RuleId::kDelibAttendeeCivilityGroup, std::string_view(text).substr(begin),
                      &count)) {
      begin += count.end;
    }
    std::vector<ListItem> items;
    size_t item_start = begin, item_end = std::string::npos;
    int depth = 0;
    bool after_stop = false;  // once a sentence has ended, for every item after it
    auto close_item = [&](size_t at) {
      items.push_back({item_start, item_end == std::string::npos ? at : item_end, at, after_stop});
      item_end = std::string::npos;
    };
    // "BROCA - LANNAUD Marie - Thérèse", "MOINET – TRANVAUX Vanessa": where
    // commas or semicolons separate the names, a spaced hyphen or en dash
    // between two letters is a converter's space around a compound name's
    // hyphen, not one more separator.
    const bool comma_list = CountSeparators(text, begin) >
                            CountSpacedHyphens(text, begin) + CountSpacedEnDashes(text, begin);
    // A list is numbered when two numbers or more open its items, or when
    // its one number opens a surname in capitals (a converter may print each
    // item of a numbered list as a paragraph: "2. BLASER Stéphanie"); a
    // number alone before other words opens an agenda's item ("1. Marché –
    // travaux …"), not a name.
    const size_t numbers = CountNumbering(text, begin);
    const bool numbered = numbers >= 2 || (numbers == 1 && OpensWithNumberedSurname(text, begin));
    for (size_t p = begin; p < end; ++p) {
      const char c = text[p];
      if (const size_t dash = SpacedDashLength(text, p);
          comma_list && depth == 0 && dash > 0 && p > begin && p + dash < end &&
          IsLetterByte(text[p - 1]) && IsLetterByte(text[p + dash])) {
        p += dash - 1;
        continue;
      }
      if (depth == 0 && p > item_start && StartsPerson(text, p)) {
        // "Monsieur A (pouvoir à …) Madame B": no separator but the civility.
        close_item(p);
        item_start = p;
      }
      if (c == '(' || c == '[') {
        if (depth++ == 0 && item_end == std::string::npos) item_end = p;
      } else if ((c == ')' || c == ']') && depth > 0) {
        if (--depth == 0) {
          // "Pierre X (arrivée après …) Maurice Y": the bracket ends the item
          // when a name follows it with no separator.
          const size_t next = NameAfterBracket(text, p + 1);
          if (next != std::string::npos) {
            close_item(next);
            item_start = next;
            p = next - 1;
          }
        }
      } else if (depth == 0 && (c == ',' || c == ';')) {
        close_item(p);
        item_start = p + 1;
      } else if (depth == 0 && EndsSentence(text, begin, p)) {
        close_item(p);
        item_start = p + 1;
        after_stop = true;
      } else if (const size_t bullet =
                     depth == 0 && (p == begin || text[p - 1] == ' ')
                         ? std::max(
                               BulletPrefixLength(std::string_view(text).substr(p)),
                               numbered ? NumberingLength(std::string_view(text).substr(p)) : 0)
                         : 0;
                 bullet > 0) {
        // "• GAUCHER Yves, - LAMOTHE Michel, • MARTY Josiane": a flattened
        // list keeps its bullets between the names; a numbered one its
        // numbers ("1. SCHELLENBERGER Raphaël 2. BLASER Stéphanie").
        close_item(p);
        item_start = p + bullet;
        p += bullet - 1;
      } else if (const size_t giver = depth == 0 && text.compare(p, 4, " à ") == 0
                                          ? ProxyChainNext(text, item_start, p + 4)
                                          : std::string::npos;
                 giver != std::string::npos) {
        close_item(giver);
        item_start = giver;
        p = giver - 1;
      } else if (depth == 0 && (text.compare(p, 4, " et ") == 0 || text.compare(p, 3, " - ") == 0 ||
                                text.compare(p, 5, " – ") == 0)) {
        // " et ", " - ", " – " (the en dash is 3 bytes): the separator's
        // length is up to the space that ends it.
        const size_t len = text.find(' ', p + 1) - p + 1;
        close_item(p);
        item_start = p + len;
        p += len - 1;
      }
    }
    close_item(end);
    return items;
  }

  // Where the name of text[s, e) ends when a caption follows it.
  // "M. Goué Stéphane Epeigné-Sur-Dême :": a flattened list by commune runs
  // each name into the next commune's caption; the caption is the last word
  // before the colon.
  size_t EndBeforeNextCaption(const std::string& text, size_t s, size_t e) const {
    const size_t colon = std::string_view(text.data() + s, e - s).find(" :");
    if (colon == std::string_view::npos || !StartsPerson(text, s)) return e;
    const std::string_view head(text.data() + s, colon);
    const size_t last_space = head.rfind(' ');
    RuleMatch civ;
    if (last_space == std::string_view::npos || !SearchCivility(head, &civ)) return e;
    const std::string_view name = head.substr(civ.end, last_space - civ.end);
    if (!rules_.Search(RuleId::kDelibAttendeeName, name, nullptr)) return e;
    // "Mme Evelyne BLANC : Mme Amélie X": a first name alone before the last
    // word makes that word the surname; the caption was lost.
    return s + (IsFirstNameAlone(name) ? colon : last_space);
  }

  // Where the name of text[s, e) ends when a closing bracket that no bracket
  // opened ends it ("M. Robert ORUSCO), Mme …"): a converter's debris (a
  // stroke read as a bracket, the bracket of a line it joined), no part of
  // the name.
  static size_t EndBeforeStrayBracket(const std::string& text, size_t s, size_t e) {
    if (e <= s || (text[e - 1] != ')' && text[e - 1] != ']')) return e;
    const std::string_view item(text.data() + s, e - s);
    if (item.find_first_of("([") != std::string_view::npos) return e;
    --e;
    while (e > s && text[e - 1] == ' ') --e;
    return e;
  }

  // The names of list, split on commas, semicolons and " et "; what stands
  // in brackets (a proxy holder, a function) is not a name of this list.
  // Returns false when the span holds something that is not a name list (a
  // count: "Présents : 31").
  // continued: a paragraph read as the list's continuation, where only
  // whole names count (a name followed by prose ends the list).
  bool AddNames(const ListText& list, const Label& label, std::vector<Attendee>* out,
                bool continued = false) const {
    const std::string& text = list.text;
    const std::vector<ListItem> items = SplitList(text);
    int names = 0, captions = 0;
    bool ended = false;  // the last item read ran into the next role's label
    for (auto [s, e, bracket_end, after_stop] : items) {
      if (ended) break;
      const std::string_view bracket(text.data() + e, bracket_end - e);
      // ", : Thomas X": a list by commune whose caption the converter lost
      // keeps the caption's colon before the name.
      while (s < e && (text[s] == ' ' || text[s] == '.' || text[s] == ':')) ++s;
      while (e > s && (text[e - 1] == ' ' || text[e - 1] == '.')) --e;
      e = EndBeforeNextCaption(text, s, e);
      e = EndBeforeStrayBracket(text, s, e);
      // "ARZANO :" alone: the caption of the names that follow (a commune,
      // a group), printed in a column of its own.
      // "Secrétaire de séance : Mme X": a role's label, not a group's; the
      // list has ended.
      if (e > s && text[e - 1] == ':') {
        if (IsRoleLabel(std::string_view(text.data() + s, e - s - 1))) break;
        ++captions;
        continue;
      }
      // "Communauté de Communes des Loges : TOUSSAINT Christian": a group's
      // caption before its first name; a role's label ends the list.
      if (!SkipCaption(text, &s, &e, &ended)) break;
      if (e - s < 2) continue;  // an initial alone is no name
      std::string_view item(text.data() + s, e - s);
      RuleMatch civ;
      // "Mesdames, Messieurs, Odile AUCLAIR …": a civility alone is no person.
      if (const std::string spaced = std::string(item) + ' ';
          SearchCivility(spaced, &civ) && civ.end == spaced.size()) {
        continue;
      }
      if (SearchCivility(item, &civ)) s += civ.end;
      item = std::string_view(text.data() + s, e - s);
      // "X, POUVOIR A Y ; Z, …": Y holds X's proxy, and is listed elsewhere.
      if (IsProxyHolder(item)) continue;
      if (AddReplaced(list, label, s, e, out)) {
        ++names;
        continue;
      }
      bool proxy_giver = false;
      if (rules_.Search(RuleId::kDelibAttendeeProxyTail, item, &civ)) {
        e = s + civ.start;  // "X donne pouvoir à Y": X
        item = std::string_view(text.data() + s, e - s);
        proxy_giver = true;
      }
      s += NameAfterLostSeparator(item, names);
      item = std::string_view(text.data() + s, e - s);
      // "X, Maire, Y": a function after a name; one that opens the text
      // ("Secrétaire de séance : …") is no list.
      if (names > 0 && rules_.Search(RuleId::kDelibAttendeeFunction, item, nullptr)) continue;
      if (rules_.Search(RuleId::kDelibAttendeeSection, item, nullptr)) break;  // "ORDRE DU JOUR"
      if (!rules_.Search(RuleId::kDelibAttendeeName, item, nullptr) && !IsNameRun(item)) {
        // A name followed by what is not one ("BORGEAIS. Précision : …",
        // "CHAPPE Fanny es DELBU…"): the name, when what follows does not
        // start another capitalised word.
        // After a full stop, prose ("Conformément à …") ends the list.
        if (after_stop && names > 0) break;
        // "Étaient présents : ARCES DILO BAGNEAUX … Monsieur BEZINE": the
        // column of communes printed before the names, read flat.
        if (names == 0 && !continued && IsCaptionColumn(item)) {
          ++captions;
          continue;
        }
        // Read as a continuation, prose ends the list.
        size_t name_end = LongestNamePrefix(item);
        if (continued && !CountsInContinuation(item, name_end, names)) name_end = 0;
        if (name_end == 0 || !EndsName(item, name_end) ||
            !HasCapitalWord(item.substr(0, name_end))) {
          if (names == 0) return false;  // not a list of people
          continue;
        }
        // "… M. CARABASSE P. Madame VACQUIE S. a été élue secrétaire …": a
        // sentence that goes on from a name has ended the list.
        if (names > 0 && rules_.Matches(RuleId::kDelibAttendeeSentence, item.substr(name_end))) {
          break;
        }
        e = s + name_end;
        item = std::string_view(text.data() + s, e - s);
      }
      ++names;
      const std::optional<std::string> status = ListedStatus(bracket, label.status);
      if (!status) continue;
      // "Pouvoirs : Mme X à M. Y" after "Excusés : Mme X": one person.
      if (proxy_giver && IsListedAbsent(out, item)) continue;
      AddPerson(list, s, e, *status, label.rule, out);
    }
    return names > 0 || (captions > 0 && continued);
  }

  // Where a function written after a name in capitals begins ("HAIGRON
  // Jean-Claude Président du Centre de Gestion", "POULARD Alain Maire de
  // Montgermont"): the space before the first capitalised word from which
  // the rest of the item reads as a function; npos when none does.
  size_t FunctionAfterName(std::string_view item) const {
    for (size_t space = item.find(' '); space != std::string_view::npos;
         space = item.find(' ', space + 1)) {
      const std::string_view rest = item.substr(space + 1);
      if (WordShape(rest.substr(0, std::min(rest.find(' '), rest.size()))) == 1 &&
          HasCapitalWord(item.substr(0, space)) &&
          rules_.Matches(RuleId::kDelibAttendeeFunction, rest)) {
        return space;
      }
    }
    return std::string_view::npos;
  }

  // The person of list.text[s, e) with that status; several when the item is
  // names written alike with no separator between them ("Magali LOISEAU
  // Odile PINEAU": a converter dropped the dash at a line's end).
  void AddPerson(const ListText& list, size_t s, size_t e, const std::string& status, RuleId rule,
                 std::vector<Attendee>* out) const {
    std::string_view item(list.text.data() + s, e - s);
    if (const size_t at = FunctionAfterName(item); at != std::string_view::npos) {
      item = item.substr(0, at);
      e = s + item.size();
    }
    // "Valérie DEPLOBIN Président", "Gilles GACHOT Secrétaire de séance …":
    // a function written after the name, capitalised, is no part of it.
    for (size_t space = item.rfind(' '); space != std::string_view::npos && space > 0;
         space = item.rfind(' ')) {
      const std::string_view last = item.substr(space + 1);
      if (WordShape(last) != 1 || !HasCapitalWord(item.substr(0, space)) ||
          !rules_.Matches(RuleId::kDelibAttendeeFunction, last)) {
        break;
      }
      item = item.substr(0, space);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      e = s + item.size();
    }
    const std::vector<size_t> names = NameStarts(item);
    if (names.size() >= 2) {
      for (size_t k = 0; k < names.size(); ++k) {
        size_t end = k + 1 < names.size() ? names[k + 1] : item.size();
        while (end > names[k] && item[end - 1] == ' ') --end;
        AddPerson(list, s + names[k], s + end, status, rule, out);
      }
      return;
    }
    Attendee a;
    a.name = CollapseSpaces(item);
    a.status = status;
    a.prov = ProvenanceInList(list, s, e, rule);
    out->push_back(std::move(a));
  }

  // The number of first names of a name written first names capitalised then
  // surname in capitals ("Jean-Pierre AMANS": 1), else -1.
  static int FirstNamesBeforeSurname(std::string_view name) {
    int first = 0, surname = 0;
    for (size_t p = 0; (p = name.find_first_not_of(' ', p)) != std::string_view::npos;) {
      const size_t end = std::min(name.find(' ', p), name.size());
      const int shape = WordShape(name.substr(p, end - p));
      if (shape == 1 && surname == 0) {
        ++first;
      } else if (shape == 2 && first > 0) {
        ++surname;
      } else {
        return -1;
      }
      p = end;
    }
    return surname > 0 ? first : -1;
  }

  // Where the name starts in an item that opens with the function of the name
  // before it, their separator lost ("Vincent GAUDY, Administrateur
  // Jean-Pierre AMANS, …", "Directeur Général Gilles X", "Marie-Thé OLIVESI,
  // Maire Charles COLOMBANI, adjoint, …"); 0 when it does not.  The function
  // is either a whole function opened by a capitalised word, followed by one
  // first name or two then a surname in capitals, or (from the list's second
  // name on, names_before > 0, since a label opens a list) a role's label
  // followed by one name in two cases that is no function.  Fewer first names
  // are preferred, so that "Général" stays the function's, and a function to a
  // role's label; between splits of one kind, the first.
  size_t NameAfterLostSeparator(std::string_view item, int names_before) const {
    const bool opens_capitalised = WordShape(item.substr(0, item.find(' '))) == 1;
    enum Reading { kOneFirstName, kTwoFirstNames, kAfterRoleLabel, kNone };
    Reading best = kNone;
    size_t at = 0;
    for (size_t sp = item.find(' '); sp != std::string_view::npos; sp = item.find(' ', sp + 1)) {
      const std::string_view head = item.substr(0, sp), name = item.substr(sp + 1);
      const int first_names = opens_capitalised ? FirstNamesBeforeSurname(name) : -1;
      if ((first_names == 1 || first_names == 2) && first_names - 1 < best &&
          rules_.Matches(RuleId::kDelibAttendeeFunction, head)) {
        best = static_cast<Reading>(first_names - 1);
        at = sp + 1;
      } else if (best == kNone && names_before > 0 && NameStarts(name).size() == 1 &&
                 HasCapitalWord(name) && IsRoleLabel(head) &&
                 !rules_.Search(RuleId::kDelibAttendeeFunction, name, nullptr) &&
                 rules_.Search(RuleId::kDelibAttendeeName, name, nullptr)) {
        best = kAfterRoleLabel;
        at = sp + 1;
      }
    }
    return at;
  }

  // Where each name starts in item when it holds names run together with no
  // separator, each written in the same order: a run of words of one shape
  // (capitalised, or in capitals) then a run of the other ("Magali LOISEAU
  // Odile PINEAU", "BUSCHE Maurice FONTAINE Monique SIEFFERT Raymond": a
  // converter dropped the line breaks of a list printed one name a line).
  // One start for one name; none when a word has neither shape or a name
  // lacks its second run.  Three words of one shape at most make a run.
  static std::vector<size_t> NameStarts(std::string_view item) {
    std::vector<size_t> names;
    int first = 0, run_first = 0, run_second = 0;
    size_t p = 0;
    while ((p = item.find_first_not_of(' ', p)) != std::string_view::npos) {
      const size_t end = std::min(item.find(' ', p), item.size());
      const int shape = WordShape(item.substr(p, end - p));
      if (shape == 0) return {};
      if (first == 0) first = shape;
      if (shape == first) {
        if (names.empty() || run_second > 0) {
          names.push_back(p);
          run_first = run_second = 0;
        }
        if (++run_first > 3) return {};
      } else if (++run_second > 3) {
        return {};
      }
      p = end;
    }
    if (run_second == 0) return {};
    return names;
  }

  // Whether item is three names or more run together (NameStarts), each a
  // name with a surname in capitals: one item of a list whose separators
  // were lost.
  bool IsNameRun(std::string_view item) const {
    const std::vector<size_t> starts = NameStarts(item);
    if (starts.size() < 3) return false;
    for (size_t k = 0; k < starts.size(); ++k) {
      const size_t end = k + 1 < starts.size() ? starts[k + 1] : item.size();
      std::string_view name = item.substr(starts[k], end - starts[k]);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      if (!HasCapitalWord(name) || !rules_.Search(RuleId::kDelibAttendeeName, name, nullptr)) {
        return false;
      }
    }
    return true;
  }

  // "X remplacée par sa suppléante Y" as one item of a list: X is excused
  // (in a list of those present) and Y sits with the list's status.  False
  // when the item says no such thing or either side is no name.
  bool AddReplaced(const ListText& list, const Label& label, size_t s, size_t e,
                   std::vector<Attendee>* out) const {
    const std::string_view item(list.text.data() + s, e - s);
    RuleMatch m;
    if (!rules_.Search(RuleId::kDelibAttendeeReplacedBy, item, &m) || m.start == 0) return false;
    const std::string_view member = item.substr(0, m.start), substitute = item.substr(m.end);
    for (std::string_view name : {member, substitute}) {
      if (!rules_.Search(RuleId::kDelibAttendeeName, name, nullptr)) return false;
    }
    Attendee a;
    a.name = CollapseSpaces(member);
    a.status = label.status == "present" ? "excused" : label.status;
    a.prov = ProvenanceInList(list, s, s + m.start, label.rule);
    out->push_back(std::move(a));
    Attendee b;
    b.name = CollapseSpaces(substitute);
    b.status = label.status;
    b.prov = ProvenanceInList(list, s + m.end, e, label.rule);
    out->push_back(std::move(b));
    return true;
  }

  // The status a bracket that holds only a status word gives the name before
  // it ("Absent non représenté : Claudine MAQUIN (excusée)"): excused or
  // absent, whatever the list's label says; nullopt for any other bracket
  // (a proxy, a range of items, a function).
  std::optional<std::string> StatusInBracket(std::string_view bracket) const {
    while (!bracket.empty() && (bracket.front() == '(' || bracket.front() == ' '))
      bracket.remove_prefix(1);
    while (!bracket.empty() && (bracket.back() == ')' || bracket.back() == ' '))
      bracket.remove_suffix(1);
    RuleMatch m;
    if (bracket.empty() || !rules_.Search(RuleId::kDelibAttendeeDuringStatus, bracket, &m) ||
        m.start != 0 || m.end != bracket.size() || m.Has("present")) {
      return std::nullopt;
    }
    return m.Has("absent") ? "absent" : "excused";
  }

  // The status of a person the list gives with bracket after the name: a
  // status word alone in it, else the status at this act (StatusAtThisAct);
  // a member listed present whose note says he does not vote ("BRICOUT Jean
  // François (suppléant et non votant)") sits without a vote.
  std::optional<std::string> ListedStatus(std::string_view bracket,
                                          const std::string& listed) const {
    const std::optional<std::string> alone = StatusInBracket(bracket);
    std::optional<std::string> status =
        alone.value_or(listed) == listed ? StatusAtThisAct(bracket, listed) : alone;
    if (status == "present" &&
        rules_.Search(RuleId::kDelibAttendeeNonVotingNote, bracket, nullptr)) {
      status = "non_voting_present";
    }
    return status;
  }

  // The status a listed person has at this act: the list's, unless the
  // bracket after the name names the items it holds for ("(de la question
  // n° 1 à la question n° 20)": none outside them).  A bracket that gives
  // each range its status ("(absent de la délibération n°1 à la délibération
  // n°4 présent de la délibération n°5 à …)", "(procuration donnée à X de …
  // à …)") gives the status of the range this act falls in.
  std::optional<std::string> StatusAtThisAct(std::string_view bracket,
                                             const std::string& listed) const {
    if (bracket.empty()) return listed;
    size_t said_from = 0;          // where the words before the next range start
    bool listed_in_range = false;  // a range holds the status the list gives
    for (const RuleMatch& m : rules_.SearchAll(RuleId::kDelibAttendeeDuring, bracket)) {
      std::string status = listed;
      // The last word before the range says its status ("présent en début
      // de séance, a donné procuration à X à compter du point 1": excused).
      const std::vector<RuleMatch> words = rules_.SearchAll(
          RuleId::kDelibAttendeeDuringStatus, bracket.substr(said_from, m.start - said_from));
      if (!words.empty()) {
        const RuleMatch& word = words.back();
        if (word.Has("absent")) status = "absent";
        if (word.Has("excused")) status = "excused";
        if (word.Has("present") && listed.find("present") == std::string::npos) status = "present";
      }
      listed_in_range = listed_in_range || status == listed;
      said_from = m.end;
      const std::string& from = m.Has("from") ? m.Get("from") : m.Get("from2");
      const std::string& until = m.Has("until") ? m.Get("until") : m.Get("until2");
      if ((from.empty() || ItemKey(from) <= act_key_) &&
          (until.empty() || act_key_ <= ItemKey(until))) {
        return status;
      }
    }
    // Out of every range: a member who only changed status from (or until)
    // an item ("X (a donné procuration à Y à compter du point 79)" in a list
    // of those present) has the listed status for the other items; one
    // listed for some items only ("(arrivée au point 12)") has none.
    return said_from == 0 || !listed_in_range ? std::optional<std::string>(listed) : std::nullopt;
  }

  // An item that is only the proxy's end ("POUVOIR A Pierre BARROS"): its
  // list split the giver from it.
  bool IsProxyHolder(std::string_view item) const {
    RuleMatch m;
    const std::string spaced = " " + std::string(item);
    return rules_.Search(RuleId::kDelibAttendeeProxyTail, spaced, &m) && m.start == 0;
  }

  // Whether the act's list already names this proxy's giver excused or
  // absent.  An absent member who gave a proxy is excused ("Absents : X, Y.
  // Pouvoirs : X à Z"): the absence was announced.
  static bool IsListedAbsent(std::vector<Attendee>* listed, std::string_view name) {
    const std::string key = FoldForMatch(CollapseSpaces(name));
    for (Attendee& a : *listed) {
      if (a.status == "present" || FoldForMatch(a.name) != key) continue;
      if (a.status == "absent") a.status = "excused";
      return true;
    }
    return false;
  }

  bool IsRoleLabel(std::string_view caption) const {
    while (!caption.empty() && caption.back() == ' ') caption.remove_suffix(1);
    // "Délégués de la Communauté de Communes X :" names a group, no role.
    return rules_.Search(RuleId::kDelibAttendeeFunction, caption, nullptr) && !NamesGroup(caption);
  }

  // Whether text[p] is a full stop that ends a sentence inside a list's
  // span ("… LUCAS Nadège. Secrétaires de séance : …", "… VALET et
  // BORGEAIS. Précision : …"): a stop after three letters, not the stop of
  // an initial ("J. DUPONT", "J.-P. MARTIN"), and before a word written in
  // lower case after its capital (OCR may put a stray stop between first
  // name and surname: "Claude. BACHELET"), or after a closing bracket.
  static bool EndsSentence(const std::string& text, size_t begin, size_t p) {
    if (text[p] != '.' || p < begin + 3 || p + 3 >= text.size() || text[p + 1] != ' ') {
      return false;
    }
    if (!(text[p + 3] >= 'a' && text[p + 3] <= 'z') &&
        static_cast<unsigned char>(text[p + 3]) < 0xC3) {
      return false;
    }
    if (IsLetterByte(text[p - 1]) && IsLetterByte(text[p - 2]) && IsLetterByte(text[p - 3])) {
      return true;
    }
    // After a bracket ("… (à partir du point n°3). Le quorum étant atteint"),
    // a sentence whose second word is in lower case: not the next name with
    // its civility ("…). Mme Anne PETIT").
    if (text[p - 1] != ')') return false;
    const size_t gap = text.find(' ', p + 2);
    return gap != std::string::npos && gap + 1 < text.size() && text[gap + 1] >= 'a' &&
           text[gap + 1] <= 'z';
  }

  // The commas and semicolons of text from begin.
  static size_t CountSeparators(const std::string& text, size_t begin) {
    return static_cast<size_t>(std::count_if(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                             text.end(),
                                             [](char c) { return c == ',' || c == ';'; }));
  }

  // Whether text from begin opens with an item's number and a surname in
  // capitals ("2. BLASER Stéphanie").
  static bool OpensWithNumberedSurname(const std::string& text, size_t begin) {
    size_t p = begin;
    while (p < text.size() && text[p] == ' ') ++p;
    const size_t number = NumberingLength(std::string_view(text).substr(p));
    if (number == 0) return false;
    const std::string_view rest = std::string_view(text).substr(p + number);
    return IsCapitalsWord(rest.substr(0, std::min(rest.find(' '), rest.size())));
  }

  // The numbers that open items of a numbered list in text from begin
  // (NumberingLength).
  static size_t CountNumbering(const std::string& text, size_t begin) {
    size_t n = 0;
    for (size_t p = begin; p < text.size(); ++p) {
      if ((p == begin || text[p - 1] == ' ') &&
          NumberingLength(std::string_view(text).substr(p)) > 0) {
        ++n;
      }
    }
    return n;
  }

  // The " - " of text from begin.
  static size_t CountSpacedHyphens(const std::string& text, size_t begin) {
    size_t n = 0;
    for (size_t p = text.find(" - ", begin); p != std::string::npos; p = text.find(" - ", p + 3)) {
      ++n;
    }
    return n;
  }

  // The length of the spaced hyphen (" - ") or en dash (" – ") at text[p],
  // or 0.
  static size_t SpacedDashLength(const std::string& text, size_t p) {
    if (text.compare(p, 3, " - ") == 0) return 3;
    return text.compare(p, 5, " – ") == 0 ? 5 : 0;
  }

  // The " – " (spaced en dash) of text from begin.
  static size_t CountSpacedEnDashes(const std::string& text, size_t begin) {
    size_t n = 0;
    for (size_t p = text.find(" – ", begin); p != std::string::npos; p = text.find(" – ", p + 5)) {
      ++n;
    }
    return n;
  }

  // A byte of a letter: ASCII, or any byte of a multi-byte UTF-8 character
  // (accented capitals start names too).
  static bool IsLetterByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0x80;
  }

  static bool EndsWithSeparator(const std::string& text) {
    size_t e = text.size();
    while (e > 0 && text[e - 1] == ' ') --e;
    return e > 0 && (text[e - 1] == ',' || text[e - 1] == ';');
  }

  // "POUVOIRS : 6", "Membres présents : 60": a label whose paragraph holds
  // only the count of its list, the names in the next paragraphs.
  bool OnlyCount(std::string_view rest) const {
    return rules_.Search(RuleId::kDelibAttendeeCountOnly, CleanValue(rest), nullptr);
  }

  // Whether a list's first item is a column of captions in capitals read
  // flat ("ARCES DILO BAGNEAUX BOEURS EN OTHE … PONT / VANNE"): three words
  // or more, no lower-case letter, no digit (a count is no caption).
  static bool IsCaptionColumn(std::string_view item) {
    return std::count(item.begin(), item.end(), ' ') >= 2 &&
           item.find_first_of("0123456789") == std::string_view::npos &&
           CapitalsOnly(std::string(item));
  }

  // Whether a paragraph is a caption in capitals alone ("CASTELNAU-DE-MEDOC",
  // "LE PORGE"): a word in capitals, no lower-case letter, no separator.
  static bool CapitalsOnly(const std::string& text) {
    if (!HasCapitalWord(text) || text.find_first_of(",;:") != std::string::npos) return false;
    for (size_t p = 0; p < text.size(); ++p) {
      const unsigned char c = static_cast<unsigned char>(text[p]);
      if (c >= 'a' && c <= 'z') return false;
      // Latin-1 lower-case letters are U+00E0-U+00FF: 0xC3 0xA0-0xBF.
      if (c == 0xC3 && p + 1 < text.size() && static_cast<unsigned char>(text[p + 1]) >= 0xA0) {
        return false;
      }
    }
    return true;
  }

  // A presence table by commune read column by column: after the label,
  // first the communes' names in capitals one per paragraph, then the
  // members' names ("AVENSAN", "BRACH", …, "Patrick BAUDIN", …).  Returns
  // the last paragraph of that run of communes, or i when there is none; a
  // run of three or more followed by a name in two cases, so that a list of
  // surnames in capitals alone is kept.
  int CommuneColumnEnd(int i, Part part) const {
    int j = i;
    while (j + 1 < part.end && IsParagraph(block(j + 1)) && Labels(j + 1).empty() &&
           CapitalsOnly(block(j + 1).text)) {
      ++j;
    }
    if (j - i < 3 || j + 1 >= part.end || !IsParagraph(block(j + 1)) || !Labels(j + 1).empty()) {
      return i;
    }
    const std::string& next = block(j + 1).text;
    const bool cased = rules_.Search(RuleId::kDelibAttendeeName, next, nullptr) &&
                       HasCapitalWord(next) && !CapitalsOnly(next);
    return cased ? j : i;
  }

  // Whether a label's rest is only the civilities of the list that the next
  // paragraphs hold ("ETAIENT PRESENTS : Mmes et MM." then the names): the
  // group ends the line, so the names come after it.
  bool OnlyCivilityGroup(std::string_view rest) const {
    const std::string padded = CleanValue(rest) + " ";
    RuleMatch group;
    return rules_.Search(RuleId::kDelibAttendeeCivilityGroup, padded, &group) &&
           group.end == padded.size();
  }

  // A roll call transcribed in paragraph i ("Robert AIGOIN : présent
  // Patricia BREMOND : absente, représentée par Gilbert FONTUGNE …"): each
  // member with their answer, where the paragraph holds three or more.
  void ReadRollCall(int i, std::vector<Attendee>* out) const {
    const std::string& text = block(i).text;
    // Most paragraphs hold no answer: a cheap test before the rule.
    if (!IsParagraph(block(i)) || text.find(" : pr") == std::string::npos) return;
    const std::vector<RuleMatch> answers = rules_.SearchAll(RuleId::kDelibAttendeeRollCall, text);
    if (answers.size() < 3) return;
    ListText list;
    Append(i, 0, text.size(), &list);
    for (const RuleMatch& m : answers) {
      if (m.Has("late")) continue;  // not there at the opening
      const std::string status = m.Has("present")                        ? "present"
                                 : m.Has("excused") || m.Has("excused2") ? "excused"
                                                                         : "absent";
      const auto [s, e] = m.group_spans.at("name");
      AddPerson(list, s, e, status, RuleId::kDelibAttendeeRollCall, out);
    }
  }

  // A presence table read flat after its label, up to prose or a sentence's
  // end ("Etaient présents Ambillou Bruno CHEUVREUX - PROCURATION Couesmes
  // Ambillou Lucette CARRE-ABSENTE …"): each member's cell is a first name
  // and a surname in capitals, the communes' names between them.  A member
  // marked absent is left to the lists after the table, which say whether
  // excused; one who holds a proxy sits.  A span with separators is a list
  // of names, not a table; fewer than three cells are no table either.
  void AddTableCells(int i, const Label& label, size_t end, std::vector<Attendee>* out) const {
    std::string_view span = std::string_view(block(i).text).substr(label.end, end - label.end);
    RuleMatch stop;
    if (rules_.Search(RuleId::kDelibAttendeeTableEnd, span, &stop))
      span = span.substr(0, stop.start);
    if (span.find_first_of(",;") != std::string_view::npos) return;
    const std::vector<RuleMatch> cells = rules_.SearchAll(RuleId::kDelibAttendeeTableCell, span);
    if (cells.size() < 3) return;
    ListText list;
    Append(i, label.end, label.end + span.size(), &list);
    for (const RuleMatch& cell : cells) {
      std::string_view name = span.substr(cell.start, cell.end - cell.start);
      bool absent = false;
      // "CARRE-ABSENTE", "SANS-CHAGRIN - PROCURATION": the marks after the
      // surname's last hyphens.
      for (size_t dash = name.rfind('-'); dash != std::string_view::npos; dash = name.rfind('-')) {
        std::string_view mark = name.substr(dash + 1);
        while (!mark.empty() && mark.front() == ' ') mark.remove_prefix(1);
        RuleMatch m;
        if (!rules_.Search(RuleId::kDelibAttendeeTableMark, mark, &m)) break;
        absent = absent || m.Has("absent");
        name = name.substr(0, dash);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      }
      if (absent) continue;
      AddPerson(list, cell.start, cell.start + name.size(), label.status, label.rule, out);
    }
  }

  // Where paragraph i of an act of minutes quotes another meeting's report
  // ("Compte rendu de la commission …"): its lists from there on are that
  // meeting's, not the sitting's.  npos when none, or when the act is no
  // item of minutes (no sitting part: the act is its own meeting).
  size_t OtherMeetingAt(Part part, int i) const {
    RuleMatch m;
    if (part.begin == sitting_.begin || sitting_.begin >= sitting_.end ||
        !Search(RuleId::kDelibAttendeesOtherMeeting, i, &m)) {
      return std::string::npos;
    }
    return m.start;
  }

  void ReadAttendees(Part part, Deliberation* d) const {
    for (int i = part.begin; i < part.end; ++i) {
      ReadRollCall(i, &d->attendees);
      const std::vector<Label>& labels = Labels(i);
      // Once another meeting's report has opened, the part's lists are its.
      const size_t other_meeting = OtherMeetingAt(part, i);
      if (other_meeting == 0 || (other_meeting != std::string::npos && labels.empty())) return;
      for (size_t k = 0; k < labels.size(); ++k) {
        if (labels[k].start > other_meeting) return;
        const bool last = k + 1 == labels.size();
        const size_t end = last ? block(i).text.size() : labels[k + 1].start;
        if (labels[k].rule == RuleId::kDelibAttendeesPresentTable) {
          AddTableCells(i, labels[k], end, &d->attendees);
          continue;
        }
        std::string_view rest(block(i).text.data() + labels[k].end, end - labels[k].end);
        // Only the last label's list may go on past its paragraph.
        auto next_list = [&](bool* read) {
          int j = i + 1;
          // "Mesdames, Messieurs," alone under the label: the names follow.
          if (OnlyCivilityGroup(block(j).text)) {
            *read = true;
            i = j;
            return;
          }
          ListText list = ListFrom(&j, 0, block(j).text.size(), part);
          *read = AddNames(list, labels[k], &d->attendees, true);
          if (*read) i = j;
        };
        if ((CleanValue(rest).empty() || OnlyCount(rest) || OnlyCivilityGroup(rest)) && last) {
          // "Étaient présents :" (or "Pouvoirs : 6") ending its paragraph:
          // one name (or a few) per following paragraph, up to the next
          // label or prose.
          bool read = true;
          i = CommuneColumnEnd(i, part);
          while (read && i + 1 < part.end && IsParagraph(block(i + 1)) && Labels(i + 1).empty()) {
            next_list(&read);
          }
          break;
        }
        int j = i;
        ListText list = last ? ListFrom(&j, labels[k].end, end, part) : ListText{};
        if (!last) Append(i, labels[k].end, end, &list);
        AddNames(list, labels[k], &d->attendees);
        i = j;
        // A list that ends its line with a comma goes on in the next
        // paragraphs (a converter broke the line): up to a label or prose.
        if (last) {
          bool read = true;
          while (read && ((EndsWithSeparator(block(i).text) && i + 1 < part.end &&
                           IsParagraph(block(i + 1)) && Labels(i + 1).empty()) ||
                          ListGoesOn(i, part))) {
            next_list(&read);
          }
        }
      }
    }
  }

  // ---- votes, outcome, signature ------------------------------------------------

  void ReadVotes(Deliberation* d) {
    // Each count in its two forms: label first ("Pour : 43") and count
    // first ("par 25 voix pour").
    static const std::pair<std::pair<RuleId, std::optional<RuleId>>, OptInt Deliberation::*>
        kCounts[] = {
            {{RuleId::kDelibVotesFor, RuleId::kDelibVotesForAfter}, &Deliberation::votes_for},
            {{RuleId::kDelibVotesAgainst, RuleId::kDelibVotesAgainstAfter},
             &Deliberation::votes_against},
            {{RuleId::kDelibVotesAbstention, RuleId::kDelibVotesAbstentionAfter},
             &Deliberation::votes_abstention},
            {{RuleId::kDelibVotesAbsent, std::nullopt}, &Deliberation::votes_absent},
        };
    std::string lines;
    auto read_counts = [&](Part part) {
      for (int i = part.begin; i < part.end; ++i) {
        if (!Matches(RuleId::kDelibVotesLine, i)) continue;
        bool vote_line = false;
        for (const auto& [names, field] : kCounts) {
          for (std::optional<RuleId> rule : {std::optional(names.first), names.second}) {
            RuleMatch m;
            if (!rule || d->*field || !Search(*rule, i, &m)) continue;
            d->*field = Count(m.Get("count"));
            vote_line = true;
          }
        }
        RuleMatch u;
        if (!unanimous_ && Search(RuleId::kDelibVotesUnanimous, i, &u)) {
          unanimous_ = vote_line = true;
        }
        if (!vote_line) continue;
        if (!lines.empty()) lines += '\n';
        lines += block(i).text;
      }
    };
    read_counts(decision_);
    if (!d->votes_for) ReadRollCall(d, &lines);
    // The tally box printed above a sole act's heading ("votants : 68 …
    // pour : 68 - contre : 0") gives the counts the act does not state
    // below ("à l'unanimité des suffrages exprimés").
    if (sole_act_ && !d->votes_against && !d->votes_abstention) read_counts(sitting_);
    if (unanimous_) {
      // "Adopté à l'unanimité" with "Votants : 27": all voters for.  The
      // counts against and abstaining are left as the act leaves them (not
      // stated), as an analyst reading the act would.
      if (!d->votes_for) {
        RuleMatch v;
        if (First(header_, {RuleId::kDelibVotesVoters}, &v) >= 0 ||
            First(decision_, {RuleId::kDelibVotesVoters}, &v) >= 0 ||
            First(sitting_, {RuleId::kDelibVotesVoters}, &v) >= 0) {
          d->votes_for = Count(v.Get("count"));
        }
      }
    }
    if (!lines.empty()) d->votes_text = lines;
  }

  // A roll-call vote: the members for named ("Pour : Messieurs A, B …"),
  // counted as an attendance list is read; an empty column ("Contre : /")
  // counts none.
  void ReadRollCall(Deliberation* d, std::string* lines) const {
    for (int i = decision_.begin; i < decision_.end; ++i) {
      RuleMatch m;
      if (!Search(RuleId::kDelibVotesForNames, i, &m)) continue;
      const auto [from, to] = m.group_spans.at("names");
      const ListText list{block(i).text.substr(from, to - from), {{0, i, from}}};
      std::vector<Attendee> voters;
      AddNames(list, Label{0, 0, "present", RuleId::kDelibVotesForNames}, &voters);
      if (voters.empty()) continue;
      d->votes_for = static_cast<long long>(voters.size());
      for (const RuleMatch& column :
           rules_.SearchAll(rules_.Get(RuleId::kDelibVotesEmptyColumn), block(i).text)) {
        OptInt& count =
            FoldForMatch(column.Get("label")) == "contre" ? d->votes_against : d->votes_abstention;
        if (!count) count = 0;
      }
      if (!lines->empty()) *lines += '\n';
      *lines += block(i).text;
      return;
    }
  }

  OptText Outcome(const Deliberation& d) const {
    for (int i = decision_.begin; i < decision_.end; ++i) {
      RuleMatch adopted, rejected;
      const bool a = Search(RuleId::kDelibOutcomeAdopted, i, &adopted);
      const bool r = Search(RuleId::kDelibOutcomeRejected, i, &rejected);
      if (a && (!r || adopted.start <= rejected.start)) return std::string("adopted");
      if (r) return std::string("rejected");
    }
    // No outcome line: an act voted unanimously (a list of the sitting's
    // acts may give only "DCM 23.1.52 | À l'unanimité"), or that DECIDEs
    // after a vote with more for than against, was adopted; so was one
    // that decides and states no count ("Le conseil municipal après
    // délibération : AUTORISE le maire …"): a council's decision is what
    // it adopted.
    if (unanimous_ || (has_decide_ && d.votes_for && *d.votes_for > d.votes_against.value_or(0))) {
      return std::string("adopted");
    }
    if (has_decide_ && !d.votes_for && !d.votes_against) return std::string("adopted");
    return std::nullopt;
  }

  // A place left as a placeholder ("Fait à xxxxxxxx") is not a place.
  static bool IsPlaceholder(std::string_view place) {
    return place.find_first_not_of("xX.…_ ") == std::string_view::npos;
  }

  void ReadSignature(Deliberation* d) const {
    for (int i = decision_.begin; i < decision_.end; ++i) {
      RuleMatch m;
      std::optional<DateMatch> date;
      if (Search(RuleId::kDelibSignedFait, i, &m)) {
        date = FindFrenchDate(m.Get("date"), rules_);
      } else if (Search(RuleId::kDelibSignedPlaceDate, i, &m) ||
                 Search(RuleId::kDelibSignedAtPlace, i, &m)) {
        date = FindFrenchDate(m.Get("date"), rules_);
        if (!date) continue;  // "Pour extrait conforme, le Président" …
      } else {
        continue;
      }
      std::string place = CleanValue(m.Get("place"));
      if (!place.empty() && !IsPlaceholder(place)) d->signed_place = place;
      if (date) d->signed_date = date->iso;
      // "les jour, mois et an susdits": the day of the meeting.
      if (m.Has("same_day")) d->signed_date = d->meeting_date;
      return;
    }
  }

  // ---- "Vu …" clauses ----------------------------------------------------------

  void ReadLegalRefs(Deliberation* d) const {
    for (int i = header_.begin; i < header_.end; ++i) {
      RuleMatch clause;
      if (!Search(RuleId::kDelibLegalClause, i, &clause)) continue;
      const std::string& text = block(i).text;
      LegalRef ref;
      ref.text = CleanValue(text);
      ref.prov = ProvenanceOf(block(i), RuleId::kDelibLegalClause);
      RuleMatch code;
      if (rules_.Search(RuleId::kDelibLegalCode, text, &code))
        ref.code = CleanValue(code.Get("code"));
      RuleMatch cited;
      if (rules_.Search(RuleId::kDelibLegalCited, text, &cited)) {
        ref.cited_number = cited.Get("number");
        if (auto date = FindFrenchDate(std::string_view(text).substr(cited.end), rules_)) {
          ref.cited_date = date->iso;
        }
        ref.prov.rule = RuleName(RuleId::kDelibLegalCited);
      }
      std::vector<RuleMatch> articles =
          rules_.SearchAll(rules_.Get(RuleId::kDelibLegalArticle), text);
      if (articles.empty()) {
        d->legal_refs.push_back(std::move(ref));
        continue;
      }
      for (RuleMatch& a : articles) {
        LegalRef row = ref;
        row.article = CollapseSpaces(a.Get("article"));
        const auto [s, e] = a.group_spans["article"];
        row.prov = ProvenanceIn(block(i), s, e, RuleId::kDelibLegalArticle);
        d->legal_refs.push_back(std::move(row));
      }
    }
  }

  const LaidOutDocument& doc_;
  const RuleSet& rules_;
  BlockRange act_;
  Part sitting_;  // empty ({0, 0}) when the act carries its own header
  int ordinal_;
  bool sole_act_;             // the document records this act alone
  std::vector<int> act_key_;  // its item number or ordinal (ItemKey)
  Part header_, decision_;
  int number_block_ = -1;
  std::string item_title_;   // the subject written on the number's line
  std::string item_number_;  // the item's number, when the act is an item of minutes
  bool has_decide_ = false;  // the act has a DECIDE line, or "après en avoir délibéré"
  mutable std::map<int, std::vector<Label>> labels_;  // by paragraph (Labels)
  Provenance president_prov_;  // where the president is named (FirstNameOfAct)
  bool unanimous_ = false;     // the vote was unanimous (set by ReadVotes)
};

}  // namespace

namespace {

BlockRange Clamp(BlockRange r, int n) {
  r.begin = std::max(r.begin, 0);
  r.end = std::min(r.end, n);
  if (r.empty()) r = BlockRange{r.begin, r.begin};
  return r;
}

}  // namespace

std::vector<BlockRange> ReadableActs(const LaidOutDocument& doc, const Segmentation& seg) {
  const int n = static_cast<int>(doc.blocks.size());
  std::vector<BlockRange> acts;
  for (const BlockRange& range : seg.acts) {
    if (const BlockRange act = Clamp(range, n); !act.empty()) acts.push_back(act);
  }
  return acts;
}

// Minutes name the sitting's secretary once, often in an item of their own
// ("Point n°2 : Désignation du secrétaire de séance … désigne Mme X"): when
// the acts of one sitting give a single value, it is every act's.
void ShareValue(std::vector<Deliberation>::iterator first, std::vector<Deliberation>::iterator last,
                OptText Deliberation::*field) {
  const OptText* named = nullptr;
  for (auto it = first; it != last; ++it) {
    const OptText& value = (*it).*field;
    if (!value) continue;
    if (named && **named != *value) return;
    named = &value;
  }
  if (!named) return;
  const OptText value = *named;
  for (auto it = first; it != last; ++it) {
    if (!((*it).*field)) (*it).*field = value;
  }
}

namespace {

// The sitting's date a page's running line gives ("… 2 PV du 8 février
// 2024"; rule delib.meeting_date.running): the date it gives most often, at
// least twice and more often than any other; none otherwise.
OptText RunningMinutesDate(const LaidOutDocument& doc, const RuleSet& rules) {
  std::map<std::string, int> times;
  for (const Block& b : doc.blocks) {
    if (!IsParagraph(b)) continue;
    for (const RuleMatch& m : rules.SearchAll(RuleId::kDelibMeetingDateRunning, b.text)) {
      if (auto date = FindFrenchDate(m.Get("date"), rules)) ++times[date->iso];
    }
  }
  OptText best;
  int most = 1, second = 0;
  for (const auto& [date, n] : times) {
    if (n > most) {
      second = most;
      most = n;
      best = date;
    } else {
      second = std::max(second, n);
    }
  }
  if (most <= second) return std::nullopt;
  return best;
}

}  // namespace

// Minutes are signed once, where they close ("St Michel en Brenne, le 28
// janvier 2020 Le Président, …"): when the last act alone is signed, its
// signature is every act's.  A signature read in another act is no closing
// one: nothing is shared.
void ShareClosingSignature(std::vector<Deliberation>::iterator first,
                           std::vector<Deliberation>::iterator last) {
  if (last - first < 2) return;
  const Deliberation& closing = *(last - 1);
  if (!closing.signed_place && !closing.signed_date) return;
  for (auto it = first; it + 1 != last; ++it) {
    if (it->signed_place || it->signed_date) return;
  }
  for (auto it = first; it + 1 != last; ++it) {
    it->signed_place = closing.signed_place;
    it->signed_date = closing.signed_date;
  }
}

void ExtractDeliberations(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                          DocumentRecords* out) {
  const int n = static_cast<int>(doc.blocks.size());
  const BlockRange sitting = Clamp(seg.sitting, n);
  const size_t first = out->deliberations.size();
  int ordinal = 0;  // the act's place in seg.acts, empty ones counted
  for (const BlockRange& range : seg.acts) {
    const BlockRange act = Clamp(range, n);
    ++ordinal;
    if (act.empty()) continue;
    out->deliberations.push_back(
        ActReader(doc, rules, sitting, act, ordinal, seg.acts.size() == 1).Read());
  }
  const auto begin = out->deliberations.begin() + static_cast<std::ptrdiff_t>(first);
  const auto end = out->deliberations.end();
  if (!sitting.empty()) {
    ShareValue(begin, end, &Deliberation::secretary);
    ShareClosingSignature(begin, end);
  }
  // Acts that state no date, nor their sitting: a fragment of minutes whose
  // head is lost, dated by its pages' running line.
  const auto undated = [](const Deliberation& d) { return !d.meeting_date; };
  if (std::none_of(begin, end, undated)) return;
  const OptText running = RunningMinutesDate(doc, rules);
  if (!running) return;
  for (auto it = begin; it != end; ++it) {
    if (undated(*it)) it->meeting_date = running;
  }
}

}  // namespace clsdb
