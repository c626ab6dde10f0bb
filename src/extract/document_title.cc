#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "extract/extract.h"
#include "extract/text_util.h"

namespace clsdb {

namespace {

// The fewest words of a news headline: a shorter first line is a label (a
// region, a section: "Pays de la Loire").
constexpr int kMinHeadlineWords = 5;
// The fewest words of a page's heading: a page about the contract is headed
// by a short noun phrase ("Contrats locaux de santé").
constexpr int kMinPageHeadingWords = 4;

// A headline: a short line of several words that does not end a sentence,
// nor holds two (a kicker ends with a full stop: "Coursan. Conseil
// municipal : …"; a lede's sentences do too: "Mardi 3 mai s'est tenu le
// conseil. Une dizaine d'affaires … vote. Nous publions …").
bool LooksLikeHeadline(const std::string& text, int min_words = kMinHeadlineWords) {
  if (text.size() > 300 || text.empty() || text.back() == '.' || text.back() == ':') return false;
  int words = 1;
  for (char c : text) words += c == ' ';
  int sentence_ends = 0;
  for (size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", at + 2)) {
    sentence_ends += at + 2 < text.size() && std::isupper(static_cast<unsigned char>(text[at + 2]));
  }
  return words >= min_words && sentence_ends < 2;
}

// How many words text has, split at spaces.
int WordCount(std::string_view text) {
  int words = 0;
  for (size_t i = 0; i < text.size(); ++i)
    words += text[i] != ' ' && (i == 0 || text[i - 1] == ' ');
  return words;
}

// How far into a flattened opening a headline may run before the body
// restates it.
constexpr size_t kRestatedHeadlineBytes = 240;

// The words of text (split at spaces) and where each starts.
void SplitWords(std::string_view text, std::vector<std::string_view>* words,
                std::vector<size_t>* starts) {
  for (size_t i = 0; i < text.size();) {
    const size_t end = std::min(text.find(' ', i), text.size());
    if (end > i) {
      words->push_back(text.substr(i, end - i));
      starts->push_back(i);
    }
    i = end + 1;
  }
}

// The first two words of text from word `at` on, lowercased (ASCII), after
// a leading article: "Le Contrat local" and "contrat local" give the same key.
std::string OpeningKey(const std::vector<std::string_view>& words, size_t at) {
  static constexpr std::string_view kArticles[] = {"le", "la", "les", "un", "une"};
  auto lower = [](std::string_view w) {
    std::string out(w);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  if (at < words.size() && std::ranges::find(kArticles, lower(words[at])) != std::end(kArticles)) {
    ++at;
  }
  if (at + 1 >= words.size()) return "";
  return lower(words[at]) + " " + lower(words[at + 1]);
}

// A capitalised article or demonstrative: what opens a sentence ("Le
// Contrat local de santé …", "L'Agence …"), never a headline's inner word.
bool IsSentenceOpener(std::string_view word) {
  static constexpr std::string_view kOpeners[] = {"Le", "La", "Les", "Un", "Une", "Ce", "Cette"};
  return std::ranges::find(kOpeners, word) != std::end(kOpeners) || word.starts_with("L'") ||
         word.starts_with("L\u2019");
}

// Whether the word at `at` restates the headline's subject, a name that
// opens it before its verb ("Saint-Louis renforce … Saint-Louis franchit
// une étape …"): the body's first sentence opens with the same name and a
// verb.
bool RestatesSubject(const std::vector<std::string_view>& words, size_t at) {
  auto verb = [&](size_t w) {
    return w < words.size() && words[w].size() > 3 &&
           std::islower(static_cast<unsigned char>(words[w].front()));
  };
  return words.size() > 1 && !IsSentenceOpener(words[0]) &&
         std::isupper(static_cast<unsigned char>(words[0].front())) && words[at] == words[0] &&
         verb(1) && verb(at + 1);
}

// The fewest words of a headline printed twice in a row (a web page's title
// over its own heading): the repetition shows it is one.
constexpr int kMinRepeatedHeadlineWords = 3;

// Whether the words from `at` on repeat the first `at` words as printed.
bool RepeatsOpening(const std::vector<std::string_view>& words, size_t at) {
  if (2 * at > words.size()) return false;
  return std::equal(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(at),
                    words.begin() + static_cast<std::ptrdiff_t>(at));
}

// A headline the converter ran into the body (line breaks gone): the body's
// first sentence restates the headline's opening words ("Le contrat local
// de santé 2018-2022 Le contrat local de santé de X est …") or its subject
// (RestatesSubject), or the page
// prints the headline twice ("Les lettres santé Les lettres santé Le …"),
// so the headline is what comes before the restatement.  Empty when the
// opening restates nothing, or the text before it is not a headline.
std::string RestatedHeadline(std::string_view text, int min_words) {
  text = Utf8Prefix(text, kRestatedHeadlineBytes);
  std::vector<std::string_view> words;
  std::vector<size_t> starts;
  SplitWords(text, &words, &starts);
  const std::string key = OpeningKey(words, 0);
  if (key.empty()) return "";
  for (size_t at = 3; at < words.size(); ++at) {
    // The restatement opens the body's first sentence: a capital, not a
    // word that a complement leads into ("… de Sainte-Marie et …").
    const bool capital = std::isupper(static_cast<unsigned char>(words[at].front()));
    const std::string_view previous = words[at - 1];
    const bool complement =
        previous.size() <= 3 && std::islower(static_cast<unsigned char>(previous.front()));
    if (!capital || complement || (OpeningKey(words, at) != key && !RestatesSubject(words, at))) {
      continue;
    }
    const std::string_view before = text.substr(0, starts[at]);
    const std::string headline = CleanValue(before);
    const int least = RepeatsOpening(words, at) ? kMinRepeatedHeadlineWords : min_words;
    if (before.find(". ") != std::string_view::npos || !LooksLikeHeadline(headline, least)) {
      return "";
    }
    return headline;
  }
  return "";
}

// How far into a flattened opening a headline may run before the body.
constexpr size_t kRunOnHeadlineBytes = 240;

// A lower-case word of three letters or fewer: a preposition, an article or
// a conjunction that a capitalised word may follow inside a headline ("du
// Contrat", "à Saint-Quentin", "et La Réunion").
bool IsComplement(std::string_view word) {
  return word.size() <= 3 && std::islower(static_cast<unsigned char>(word.front()));
}

// A capitalised weekday followed by the day's number: the date line that
// opens a news item's body ("Vendredi 24 janvier 2025, …").
bool IsDateLine(std::string_view word, std::string_view next) {
  static constexpr std::string_view kDays[] = {"Lundi",    "Mardi",  "Mercredi", "Jeudi",
                                               "Vendredi", "Samedi", "Dimanche"};
  return std::ranges::find(kDays, word) != std::end(kDays) && !next.empty() &&
         std::isdigit(static_cast<unsigned char>(next.front()));
}

// Whether what starts at word `at` ends a run-on headline: the body's first
// sentence (an article, a date line, a lede's opening: "Aujourd'hui, …",
// "Face à …") or the page's label after the headline ("Communiqué de
// presse", "Actualité", "Abonnés •").
bool EndsHeadline(std::string_view text, const std::vector<std::string_view>& words,
                  const std::vector<size_t>& starts, size_t at, const RuleSet& rules) {
  return IsSentenceOpener(words[at]) || IsDateLine(words[at], words[at + 1]) ||
         rules.Search(RuleId::kTitleHeadlineEnd, text.substr(starts[at]), nullptr);
}

// A headline the converter ran into the body (line breaks gone) with no
// restatement: it ends where the body's first sentence opens, a capitalised
// article after a headline's last word ("… 2ème Génération Le Contrat Local
// …", "… renouvellent le Contrat local de santé Les acteurs …"), its date
// line ("… (2025-2030) Vendredi 24 janvier 2025, …"), a lede's opening or
// the page's label (title.headline_end).  A label before it (a region, a
// section: "Pays de la Loire La Communauté … signent …"), too short to be a
// headline, is passed over, as is a kicker ("Coursan. Conseil municipal :
// …").  Empty when a sentence ends first (the opening is a sentence, not a
// headline) or no such break is found.
std::string RunOnHeadline(std::string_view text, int min_words, const RuleSet& rules) {
  text = Utf8Prefix(text, kRunOnHeadlineBytes);
  std::vector<std::string_view> words;
  std::vector<size_t> starts;
  SplitWords(text, &words, &starts);
  size_t first = 0;  // the headline's first word
  for (size_t at = 1; at + 1 < words.size(); ++at) {
    const std::string_view previous = words[at - 1];
    // A sentence came first, unless it is the kicker's one word.
    if (previous.back() == '.' && at - 1 != first) return "";
    // A word that opens or leads into something ("«", "X :", "du") ends no
    // headline.
    if (IsComplement(previous) || previous.ends_with("\u00ab") ||
        std::string_view(",:;(").find(previous.back()) != std::string_view::npos) {
      continue;
    }
    if (!EndsHeadline(text, words, starts, at, rules)) continue;
    const std::string headline = CleanValue(text.substr(starts[first], starts[at] - starts[first]));
    // A label (the newspaper's name and issue: "Sud-Ouest du 1er février
    // 2018 Un contrat pour …") is no headline, however long.
    const bool label = rules.Search(RuleId::kTitleLabel, headline, nullptr);
    if (!label && LooksLikeHeadline(headline, min_words)) return headline;
    // Only a label, or a short line, before a headline that an article
    // opens is passed over ("Pays de la Loire La Communauté …"), not one
    // before the page's own labels ("Santé Publié le …").
    const bool short_label =
        static_cast<int>(at - first) < min_words && headline.find('.') == std::string::npos;
    if (!(label || short_label) || !IsSentenceOpener(words[at])) return "";
    first = at;
  }
  return "";
}

// A heading run into what follows it, cut where its sitting's date ends or
// where the sitting opens, whichever comes first: "PROCÈS VERBAL Le 12
// décembre 2022, à 17 h 35, …" ends before the sentence the date opens.
// Empty when neither end is found.
std::string RunOnEnd(std::string_view line, const RuleSet& rules) {
  std::string title;
  RuleMatch m;
  for (RuleId rule : {RuleId::kTitleRunOnDated, RuleId::kTitleRunOnUndated}) {
    if (!rules.Search(rule, line, &m)) continue;
    std::string found = CleanValue(m.Get("title"));
    if (title.empty() || found.size() < title.size()) title = std::move(found);
  }
  return title;
}

// How much of a run-on heading's line may be its title.
constexpr size_t kRunOnTitleBytes = 400;

// The heading's line as printed, from the heading on, when it runs on past
// the heading block (flattened minutes: the breaks cut it at "SEANCE DU",
// or left it whole up to the attendance): its title ends with the sitting's
// date, else before what opens the sitting.  The title starts title_at bytes
// into the heading (after the page's number).  Empty when the line is the
// heading or no end is found.
std::string RunOnTitle(const LaidOutDocument& doc, const Block& heading, size_t title_at,
                       const RuleSet& rules) {
  const int page = heading.span.page;
  if (page < 1 || page > static_cast<int>(doc.pages.size())) return "";
  const std::string& text = doc.pages[page - 1].text;
  const size_t begin = static_cast<size_t>(heading.span.start);
  if (begin >= text.size()) return "";
  std::string_view line = Utf8Prefix(std::string_view(text).substr(begin), kRunOnTitleBytes);
  line = line.substr(0, line.find('\n'));
  if (line.size() <= heading.text.size() && heading.text.size() < kMinRunOnBytes) return "";
  line.remove_prefix(std::min(title_at, line.size()));  // the page's number before the heading
  return RunOnEnd(line, rules);
}

// How much of the opening InLineTitle reads: a heading run into a letterhead
// sits within the first lines.
constexpr size_t kInLineOpeningBytes = 600;

// The opening's paragraphs as one line, as far as a heading run into a
// letterhead may sit.
std::string Opening(const LaidOutDocument& doc, int window) {
  std::string opening;
  for (int i = 0; i < window && opening.size() < kInLineOpeningBytes; ++i) {
    if (doc.blocks[i].kind != Block::Kind::kParagraph) continue;
    opening += doc.blocks[i].text;
    opening += ' ';  // a heading the breaks cut reads whole
  }
  return std::string(Utf8Prefix(opening, kInLineOpeningBytes));
}

// The first match of rule in the opening that no sentence or complement
// leads into (title.in_sentence): a heading, not a mention of one.
std::optional<RuleMatch> HeadingInLine(RuleId rule, const std::string& opening,
                                       const RuleSet& rules) {
  for (const RuleMatch& m : rules.SearchAll(rule, opening)) {
    const std::string_view before = std::string_view(opening).substr(0, m.start);
    if (!rules.Search(RuleId::kTitleInSentence,
                      before.substr(before.size() - std::min<size_t>(before.size(), 40)),
                      nullptr)) {
      return m;
    }
  }
  return std::nullopt;
}

// The sitting's heading printed inside a line of the opening (flattened
// minutes, a letterhead run into it): the first title.in_line match that no
// sentence or complement leads into.  Empty when there is none.
std::string InLineTitle(const std::string& opening, const RuleSet& rules) {
  const std::optional<RuleMatch> m = HeadingInLine(RuleId::kTitleInLine, opening, rules);
  return m ? CleanValue(m->Get("title")) : "";
}

// The register's heading in the opening ("EXTRAIT DU REGISTRE DES
// DÉLIBÉRATIONS DU CONSEIL MUNICIPAL", "Procès-verbal des délibérations").
// Empty when there is none.
std::string RegisterTitle(const std::string& opening, const RuleSet& rules) {
  RuleMatch m;
  return rules.Search(RuleId::kTitleRegister, opening, &m) ? CleanValue(m.Get("title")) : "";
}

// The minutes' own name inside the opening, where a letterhead or the
// sitting's line runs into it ("… CONSEIL MUNICIPAL PROCES - VERBAL Séance
// du 6 février 2023 L'an …", "… Séance du 29 mars 2023 PROCÈS-VERBAL Nombre
// de membres …"): from the name (or the assembly heading it) to the end of
// the sitting's date or to what opens the sitting, else the name alone.
// Empty when there is none.
std::string KeywordTitle(const std::string& opening, const RuleSet& rules) {
  const std::optional<RuleMatch> m = HeadingInLine(RuleId::kTitleKeyword, opening, rules);
  if (!m) return "";
  // The sitting's heading before the name heads the minutes ("CONSEIL
  // MUNICIPAL DU 10 FÉVRIER 2023 SEANCE DU 10/02/2023 PROCÈS VERBAL").
  const std::optional<RuleMatch> sitting = HeadingInLine(RuleId::kTitleInLine, opening, rules);
  if (sitting && sitting->start < m->start) return CleanValue(sitting->Get("title"));
  std::string_view rest = Utf8Prefix(std::string_view(opening).substr(m->start), kRunOnTitleBytes);
  if (std::string run_on = RunOnEnd(rest, rules); !run_on.empty()) return run_on;
  return CleanValue(m->Get("title"));
}

// The heading with the assembly named above it: the line above when it names
// only the assembly ("COMITÉ SYNDICAL" over "Procès-verbal de la séance du 7
// juin 2011"), or the assembly in capitals that ends a letterhead run into
// that line ("… IVRY sur SEINE COMITE SYNDICAL").
std::string WithAssembly(const LaidOutDocument& doc, int heading, const RuleSet& rules,
                         std::string title) {
  if (heading == 0) return title;
  const Block& above = doc.blocks[heading - 1];
  if (above.kind != Block::Kind::kParagraph) return title;
  if (rules.Matches(RuleId::kTitleAssembly, above.text)) {
    return CleanValue(above.text) + " " + title;
  }
  RuleMatch m;
  if (rules.Search(RuleId::kTitleAssemblyEnd, above.text, &m)) {
    return CleanValue(m.Get("assembly")) + " " + title;
  }
  return title;
}

// Whether text opens with prefix, ASCII case set aside.
bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

// How long a contract's title page may be as printed: longer, the block is
// the flattened cover run on into the contract's text.
constexpr size_t kPrintedContractTitleBytes = 300;

// The title page of a contract as printed (a period or a generation may
// follow the contract's name on the same line), else the contract's title.
// A block that does not open with the contract's title is no title as
// printed: the cover repeats the contract's name over it ("Contrat Local de
// Santé Contrat Local de Santé du Bassin …", the contract's title being the
// last of the two).
std::string ContractTitle(const LaidOutDocument& doc, const Segmentation& seg,
                          const DocumentRecords& out) {
  std::string title = out.contracts.front().title;
  const int at = seg.contracts.front().title_block;
  if (!seg.contracts.front().untitled && at >= 0 && at < static_cast<int>(doc.blocks.size())) {
    std::string block = CleanValue(doc.blocks[at].text);
    if (block.size() > title.size() && block.size() <= kPrintedContractTitleBytes &&
        StartsWithIgnoringCase(block, title)) {
      title = block;
    }
  }
  return title;
}

// A line drawn with characters (underscores, dashes, dots, stars): no letter
// nor digit.
bool IsRuleLine(std::string_view text) {
  return !text.empty() && std::ranges::none_of(text, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) != 0;
  });
}

// A heading longer than this may have run on into the sitting.
constexpr size_t kLongHeadingBytes = 100;

// The first block of the opening that a heading (rule) opens, with what
// completes it: the rest of its run-on line, the lines that continue it, the
// assembly named above it.  Empty when no block opens with one.
std::string OpeningHeading(const LaidOutDocument& doc, int window, RuleId rule,
                           const RuleSet& rules) {
  RuleMatch m;
  for (int i = 0; i < window; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != Block::Kind::kParagraph || !rules.Search(rule, b.text, &m)) continue;
    const size_t title_at = m.group_spans.count("title") ? m.group_spans.at("title").first : 0;
    if (std::string run_on = RunOnTitle(doc, b, title_at, rules); !run_on.empty()) {
      return WithAssembly(doc, i, rules, run_on);
    }
    std::string title = CleanValue(m.Get("title"));
    // A heading the paragraph runs on into the sitting ("CONSEIL MUNICIPAL
    // DU 24 JUIN 2005 Séance ouverte à 21 heures sous la présidence …").
    if (title.size() > kLongHeadingBytes) {
      if (std::string run_on = RunOnEnd(title, rules); !run_on.empty()) title = run_on;
    }
    for (int j = i + 1; j < window && doc.blocks[j].kind == Block::Kind::kParagraph; ++j) {
      // A rule drawn under the heading ("_____") separates none of its lines.
      if (IsRuleLine(doc.blocks[j].text)) continue;
      if (!rules.Matches(RuleId::kTitleContinuation, doc.blocks[j].text)) break;
      title += " " + CleanValue(doc.blocks[j].text);
    }
    return WithAssembly(doc, i, rules, title);
  }
  return "";
}

// The title of minutes that no heading opens a block with: a line that is
// only the sitting (with the assembly above it), else the sitting's heading
// inside a line.  Empty when there is neither.
std::string SittingTitle(const LaidOutDocument& doc, int window, const std::string& opening,
                         const RuleSet& rules) {
  RuleMatch m;
  for (int i = 0; i < window; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == Block::Kind::kParagraph && rules.Search(RuleId::kTitleSitting, b.text, &m)) {
      return WithAssembly(doc, i, rules, CleanValue(m.Get("title")));
    }
  }
  return InLineTitle(opening, rules);
}

// The title of an act, of minutes or of an extract of the register, first
// found first: the register's heading (the act's subject when the document
// is one act with a subject), a heading opening a block, the minutes' name
// inside a line, a meeting's heading opening a block, the single act's
// subject, the sitting.  Empty when there is none.
std::string DeliberationTitle(const LaidOutDocument& doc, int window, const DocumentRecords& out,
                              const RuleSet& rules) {
  const std::string opening = Opening(doc, window);
  const bool deliberation = out.doc_type == DocumentType::kDeliberation;
  // One act with a subject: that subject titles an extract of the register.
  const bool single_act = out.deliberations.size() == 1 && out.deliberations.front().title;
  if (deliberation) {
    if (std::string title = RegisterTitle(opening, rules); !title.empty()) {
      return single_act ? *out.deliberations.front().title : title;
    }
  }
  if (std::string title = OpeningHeading(doc, window, RuleId::kTitleHeading, rules);
      !title.empty()) {
    return title;
  }
  if (deliberation) {
    if (std::string title = KeywordTitle(opening, rules); !title.empty()) return title;
    if (std::string title = OpeningHeading(doc, window, RuleId::kTitleMeeting, rules);
        !title.empty()) {
      return title;
    }
    if (std::string title = InLineTitle(opening, rules); !title.empty()) return title;
  }
  // One act without a heading of minutes above it (an extract of the
  // register): its subject is the document's title.
  if (single_act) return *out.deliberations.front().title;
  return deliberation ? SittingTitle(doc, window, opening, rules) : "";
}

// How many times a page's running line must recur, with its separator, for
// a title's opening to be read as that line; and the least length of such a
// line (a letterhead's "COMMUNE DE X" is shorter than a minutes' footer).
constexpr int kRunningLineRepeats = 3;
constexpr size_t kMinRunningLineBytes = 30;

// The title without the page's running line that a converter ran into it
// ("Procès-verbal du Conseil Municipal de la ville d'Annecy du 27/03/23 -
// CONSEIL MUNICIPAL PROCÈS VERBAL DE LA SÉANCE …", the footer "N/151 -
// Procès-verbal … du 27/03/23 -" printed on every page): the text before a
// " - " that recurs, followed by the same dash, on the document's pages.
std::string WithoutRunningLine(const LaidOutDocument& doc, std::string title) {
  const size_t dash = title.find(" - ");
  if (dash == std::string::npos || dash < kMinRunningLineBytes) return title;
  const std::string line = title.substr(0, dash + 3);
  int repeats = 0;
  for (const PageText& page : doc.pages) {
    for (size_t at = page.text.find(line);
         at != std::string::npos && repeats <= kRunningLineRepeats;
         at = page.text.find(line, at + line.size())) {
      ++repeats;
    }
  }
  // The opening holds one occurrence; the pages' own copies are the rest.
  if (repeats <= kRunningLineRepeats) return title;
  return title.substr(dash + 3);
}

// The headline of a release or a page about a contract: the first line that
// is not a label ("Le Contrat local de santé (CLS)" heading a page), or none.
// A line drawn with characters is no line; one line too short to be a
// headline is a label over it (a region, a section: "Pays de la Loire"),
// and so is the page's label under that ("Publié le …", "Mise à jour le").
std::optional<std::string> PageHeadline(const LaidOutDocument& doc, int window, DocumentType type,
                                        const RuleSet& rules) {
  const int min_words = type == DocumentType::kNote ? kMinPageHeadingWords : kMinHeadlineWords;
  bool after_label = false;  // a short line was passed over
  for (int i = 0; i < window; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != Block::Kind::kParagraph || IsRuleLine(b.text) ||
        rules.Search(RuleId::kTitleLabel, b.text, nullptr) ||
        (after_label && rules.Search(RuleId::kTitleHeadlineEnd, b.text, nullptr))) {
      continue;
    }
    // A report's heading, cut at the period it covers.
    RuleMatch report;
    if (type == DocumentType::kNote && rules.Search(RuleId::kTitleReport, b.text, &report)) {
      return CleanValue(report.Get("title"));
    }
    if (LooksLikeHeadline(b.text, min_words)) return CleanValue(b.text);
    // Where the body restates the headline and where the body opens: the
    // first of the two ends it (a label's words restated further on, "Pays
    // de la Loire … l'ARS Pays de la Loire", end no headline).
    const std::string restated = RestatedHeadline(b.text, min_words);
    const std::string run_on = RunOnHeadline(b.text, min_words, rules);
    if (!restated.empty() && (run_on.empty() || restated.size() <= run_on.size())) return restated;
    if (!run_on.empty()) return run_on;
    // The first line is no headline, nor is a second short one.
    if (after_label || WordCount(b.text) >= min_words) return std::nullopt;
    after_label = true;
  }
  return std::nullopt;
}

}  // namespace

void ExtractDocumentTitle(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                          DocumentRecords* out) {
  if (out->title) return;
  // Only the opening of a document carries its title.
  const int window = std::min<int>(12, static_cast<int>(doc.blocks.size()));

  if (out->doc_type == DocumentType::kContract && !seg.contracts.empty() &&
      !out->contracts.empty()) {
    if (std::string title = ContractTitle(doc, seg, *out); !title.empty()) out->title = title;
    return;
  }
  if (std::string title = DeliberationTitle(doc, window, *out, rules); !title.empty()) {
    out->title = WithoutRunningLine(doc, std::move(title));
    return;
  }
  // A release or a page about a contract: its headline, the first line that
  // is not a label ("Le Contrat local de santé (CLS)" heading a page).
  if (out->doc_type != DocumentType::kPressRelease && out->doc_type != DocumentType::kNote) {
    return;
  }
  out->title = PageHeadline(doc, window, out->doc_type, rules);
}

}  // namespace clsdb
