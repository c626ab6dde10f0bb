#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "extract/extract.h"
#include "extract/text_util.h"

namespace clsdb {

namespace {

// A headline: a short line of several words that does not end a sentence,
// nor holds two (a kicker ends with a full stop: "Coursan. Conseil
// municipal : …"; a lede's sentences do too: "Mardi 3 mai s'est tenu le
// conseil. Une dizaine d'affaires … vote. Nous publions …").
bool LooksLikeHeadline(const std::string& text) {
  if (text.size() > 300 || text.empty() || text.back() == '.' || text.back() == ':') return false;
  int words = 1;
  for (char c : text) words += c == ' ';
  int sentence_ends = 0;
  for (size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", at + 2)) {
    sentence_ends += at + 2 < text.size() && std::isupper(static_cast<unsigned char>(text[at + 2]));
  }
  return words >= 5 && sentence_ends < 2;
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

// A headline the converter ran into the body (line breaks gone): the body's
// first sentence restates the headline's opening words ("Le contrat local
// de santé 2018-2022 Le contrat local de santé de X est …"), so the
// headline is what comes before the restatement.  Empty when the opening
// restates nothing, or the text before it is not a headline.
std::string RestatedHeadline(std::string_view text) {
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
    if (!capital || complement || OpeningKey(words, at) != key) continue;
    const std::string_view before = text.substr(0, starts[at]);
    const std::string headline = CleanValue(before);
    if (before.find(". ") != std::string_view::npos || !LooksLikeHeadline(headline)) return "";
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

// A capitalised article or demonstrative: what opens a sentence ("Le
// Contrat local de santé …", "L'Agence …"), never a headline's inner word.
bool IsSentenceOpener(std::string_view word) {
  static constexpr std::string_view kOpeners[] = {"Le", "La", "Les", "Un", "Une", "Ce", "Cette"};
  return std::ranges::find(kOpeners, word) != std::end(kOpeners) || word.starts_with("L'") ||
         word.starts_with("L\u2019");
}

// A capitalised weekday followed by the day's number: the date line that
// opens a news item's body ("Vendredi 24 janvier 2025, …").
bool IsDateLine(std::string_view word, std::string_view next) {
  static constexpr std::string_view kDays[] = {"Lundi",    "Mardi",  "Mercredi", "Jeudi",
                                               "Vendredi", "Samedi", "Dimanche"};
  return std::ranges::find(kDays, word) != std::end(kDays) && !next.empty() &&
         std::isdigit(static_cast<unsigned char>(next.front()));
}

// A headline the converter ran into the body (line breaks gone) with no
// restatement: it ends where the body's first sentence opens, a capitalised
// article after a headline's last word ("… 2ème Génération Le Contrat Local
// …", "… renouvellent le Contrat local de santé Les acteurs …"), or its date
// line ("… (2025-2030) Vendredi 24 janvier 2025, …").  Empty when a sentence
// ends first (the opening is a sentence, not a headline) or no such break is
// found.
std::string RunOnHeadline(std::string_view text) {
  text = Utf8Prefix(text, kRunOnHeadlineBytes);
  std::vector<std::string_view> words;
  std::vector<size_t> starts;
  SplitWords(text, &words, &starts);
  for (size_t at = 1; at + 1 < words.size(); ++at) {
    const std::string_view previous = words[at - 1];
    if (previous.back() == '.') return "";  // a sentence came first
    // A word that opens or leads into something ("«", "X :", "du") ends no
    // headline.
    if (IsComplement(previous) || previous.ends_with("\u00ab") ||
        std::string_view(",:;(").find(previous.back()) != std::string_view::npos) {
      continue;
    }
    if (!IsSentenceOpener(words[at]) && !IsDateLine(words[at], words[at + 1])) continue;
    const std::string headline = CleanValue(text.substr(0, starts[at]));
    return LooksLikeHeadline(headline) ? headline : "";
  }
  return "";
}

// How much of a run-on heading's line may be its title.
constexpr size_t kRunOnTitleBytes = 400;

// The heading's line as printed, from the heading on, when it runs on past
// the heading block (flattened minutes: the breaks cut it at "SEANCE DU",
// or left it whole up to the attendance): its title ends with the sitting's
// date, else before what opens the sitting.  Empty when the line is the
// heading or no end is found.
std::string RunOnTitle(const LaidOutDocument& doc, const Block& heading, const RuleSet& rules) {
  const int page = heading.span.page;
  if (page < 1 || page > static_cast<int>(doc.pages.size())) return "";
  const std::string& text = doc.pages[page - 1].text;
  const size_t begin = static_cast<size_t>(heading.span.start);
  if (begin >= text.size()) return "";
  std::string_view line = Utf8Prefix(std::string_view(text).substr(begin), kRunOnTitleBytes);
  line = line.substr(0, line.find('\n'));
  if (line.size() <= heading.text.size() && heading.text.size() < kMinRunOnBytes) return "";
  RuleMatch m;
  for (RuleId rule : {RuleId::kTitleRunOnDated, RuleId::kTitleRunOnUndated}) {
    if (rules.Search(rule, line, &m)) return CleanValue(m.Get("title"));
  }
  return "";
}

// How much of the opening InLineTitle reads: a heading run into a letterhead
// sits within the first lines.
constexpr size_t kInLineOpeningBytes = 600;

// The sitting's heading printed inside a line of the opening (flattened
// minutes, a letterhead run into it): the first title.in_line match that no
// sentence or complement leads into.  Empty when there is none.
std::string InLineTitle(const LaidOutDocument& doc, int window, const RuleSet& rules) {
  std::string opening;
  for (int i = 0; i < window && opening.size() < kInLineOpeningBytes; ++i) {
    if (doc.blocks[i].kind != Block::Kind::kParagraph) continue;
    opening += doc.blocks[i].text;
    opening += ' ';  // a heading the breaks cut reads whole
  }
  opening = std::string(Utf8Prefix(opening, kInLineOpeningBytes));
  for (const RuleMatch& m : rules.SearchAll(RuleId::kTitleInLine, opening)) {
    const std::string_view before = std::string_view(opening).substr(0, m.start);
    if (!rules.Search(RuleId::kTitleInSentence,
                      before.substr(before.size() - std::min<size_t>(before.size(), 40)),
                      nullptr)) {
      return CleanValue(m.Get("title"));
    }
  }
  return "";
}

// The heading with the line above it when that line names only the assembly
// ("COMITÉ SYNDICAL" over "Procès-verbal de la séance du 7 juin 2011").
std::string WithAssembly(const LaidOutDocument& doc, int heading, const RuleSet& rules,
                         std::string title) {
  if (heading == 0) return title;
  const Block& above = doc.blocks[heading - 1];
  if (above.kind != Block::Kind::kParagraph ||
      !rules.Search(RuleId::kTitleAssembly, above.text, nullptr)) {
    return title;
  }
  return CleanValue(above.text) + " " + title;
}

}  // namespace

void ExtractDocumentTitle(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                          DocumentRecords* out) {
  if (out->title) return;
  // Only the opening of a document carries its title.
  const int window = std::min<int>(12, static_cast<int>(doc.blocks.size()));

  if (out->doc_type == DocumentType::kContract && !seg.contracts.empty() &&
      !out->contracts.empty()) {
    // The title page as printed (a period or a generation may follow the
    // contract's name on the same line), else the contract's title.
    std::string title = out->contracts.front().title;
    const int at = seg.contracts.front().title_block;
    if (!seg.contracts.front().untitled && at >= 0 && at < static_cast<int>(doc.blocks.size())) {
      std::string block = CleanValue(doc.blocks[at].text);
      if (block.size() > title.size()) title = block;
    }
    if (!title.empty()) out->title = title;
    return;
  }

  RuleMatch m;
  for (int i = 0; i < window; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != Block::Kind::kParagraph) continue;
    if (rules.Search(RuleId::kTitleHeading, b.text, &m)) {
      std::string title = CleanValue(m.Get("title"));
      if (std::string run_on = RunOnTitle(doc, b, rules); !run_on.empty()) {
        out->title = run_on;
        return;
      }
      for (int j = i + 1; j < window && doc.blocks[j].kind == Block::Kind::kParagraph &&
                          rules.Search(RuleId::kTitleContinuation, doc.blocks[j].text, nullptr);
           ++j) {
        title += " " + CleanValue(doc.blocks[j].text);
      }
      out->title = WithAssembly(doc, i, rules, title);
      return;
    }
  }
  // One act without a heading of minutes above it (an extract of the
  // register): its subject is the document's title.
  if (out->deliberations.size() == 1 && out->deliberations.front().title) {
    out->title = out->deliberations.front().title;
    return;
  }
  if (out->doc_type == DocumentType::kDeliberation) {
    for (int i = 0; i < window; ++i) {
      const Block& b = doc.blocks[i];
      if (b.kind == Block::Kind::kParagraph && rules.Search(RuleId::kTitleSitting, b.text, &m)) {
        out->title = WithAssembly(doc, i, rules, CleanValue(m.Get("title")));
        return;
      }
    }
    if (std::string title = InLineTitle(doc, window, rules); !title.empty()) {
      out->title = title;
      return;
    }
  }
  // A release or a page about a contract: its headline, the first line that
  // is not a label ("Le Contrat local de santé (CLS)" heading a page).
  if (out->doc_type != DocumentType::kPressRelease && out->doc_type != DocumentType::kNote) {
    return;
  }
  for (int i = 0; i < window; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != Block::Kind::kParagraph || rules.Search(RuleId::kTitleLabel, b.text, nullptr)) {
      continue;
    }
    if (LooksLikeHeadline(b.text)) {
      out->title = CleanValue(b.text);
    } else if (std::string headline = RestatedHeadline(b.text); !headline.empty()) {
      out->title = headline;
    } else if (std::string run_on = RunOnHeadline(b.text); !run_on.empty()) {
      out->title = run_on;
    }
    return;  // the first line that is not a label is the title, or there is none
  }
}

}  // namespace clsdb
