#include "organize/text_names.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <unordered_map>

#include "core/words.h"
#include "normalize/normalize.h"
#include "organize/organizations.h"

namespace clsdb {

namespace {

// Words that the initials of a name and the key of a name leave out.
bool SmallWord(std::string_view folded) {
  static constexpr std::string_view kSmall[] = {"l",  "la", "le", "les", "d",   "de",  "du",  "des",
                                                "et", "en", "a",  "au",  "aux", "sur", "sous"};
  if (folded.size() > 4) return false;
  return std::find(std::begin(kSmall), std::end(kSmall), folded) != std::end(kSmall);
}

// Left out of a key (OrganizationKey): articles and "de/du/des".
bool KeyWordLeftOut(std::string_view folded) {
  static constexpr std::string_view kLeftOut[] = {"l", "la", "le", "les", "d", "de", "du", "des"};
  if (folded.size() > 3) return false;
  return std::find(std::begin(kLeftOut), std::end(kLeftOut), folded) != std::end(kLeftOut);
}

// The length in bytes of the UTF-8 character at text[i].
size_t CharLength(std::string_view text, size_t i) {
  const auto ch = static_cast<unsigned char>(text[i]);
  const size_t length = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : ch >= 0xC0 ? 2 : 1;
  return std::min(length, text.size() - i);
}

// The length of the character at text[i] when it is a letter or a digit,
// 0 when it separates words (white space, punctuation, apostrophes, dashes,
// guillemets, no-break spaces).
bool IsAsciiWordChar(unsigned char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

size_t WordCharLength(std::string_view text, size_t i) {
  const auto ch = static_cast<unsigned char>(text[i]);
  if (ch < 0x80) return IsAsciiWordChar(ch) ? 1 : 0;
  const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
  if (ch == 0xE2 && next == 0x80) return 0;  // U+2000-U+203F: spaces, dashes, quotes
  if (ch == 0xC2 && next >= 0xA0 && next <= 0xBF) return 0;  // no-break space, « », °
  return CharLength(text, i);
}

// FoldForMatch of one word: a word of ASCII letters and digits alone (most
// of a French text) folds to its lower case, without normalising it; the
// others are folded once per text and kept in *folded_words (a text writes
// its accented words many times).
std::string FoldWord(std::string_view word,
                     std::unordered_map<std::string_view, std::string>* folded_words) {
  std::string folded(word);
  for (char& ch : folded) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      auto [it, added] = folded_words->try_emplace(word);
      if (added) it->second = FoldForMatch(word);
      return it->second;
    }
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return folded;
}

bool Capitalized(std::string_view word) {
  if (word.empty()) return false;
  const auto ch = static_cast<unsigned char>(word[0]);
  if (ch >= 'A' && ch <= 'Z') return true;
  // À-Þ in UTF-8 (Latin-1 capitals).
  return ch == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) >= 0x80 &&
         static_cast<unsigned char>(word[1]) <= 0x9E;
}

// Whether what lies between two words of one name is only spaces,
// apostrophes and hyphens (no punctuation, no line break).
bool JoinsName(std::string_view gap) {
  for (size_t i = 0; i < gap.size(); ++i) {
    const char ch = gap[i];
    if (ch == ' ' || ch == '\'' || ch == '-') continue;
    if (gap.compare(i, 3, "’") == 0) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

std::string Collapsed(std::string_view text) { return JoinWords(SplitWords(std::string(text))); }

bool IsAcronymText(std::string_view s) {
  if (s.size() < 2 || s.size() > 6) return false;
  for (char ch : s) {
    if (ch < 'A' || ch > 'Z') return false;
  }
  return true;
}

// The initials of tokens [begin, end], small words left out.
std::string InitialsOf(const std::vector<TextToken>& tokens, size_t begin, size_t end) {
  std::string initials;
  for (size_t i = begin; i <= end; ++i) {
    if (!tokens[i].small && !tokens[i].folded.empty()) initials += tokens[i].folded[0];
  }
  return initials;
}

// The definition whose acronym is in brackets at open ("(" at text[open]),
// or none.  Of the names that end before the bracket, the one whose
// initials are the acronym.
bool DefinitionAt(std::string_view text, const std::vector<TextToken>& tokens, size_t open,
                  size_t before, const RuleSet& rules, NameDefinition* out) {
  const size_t close = text.find(')', open);
  if (close == std::string_view::npos || close - open > 10) return false;
  const std::string acronym(Trim(text.substr(open + 1, close - open - 1)));
  if (!IsAcronymText(acronym)) return false;
  const std::string letters = FoldForMatch(acronym);
  const size_t last = before - 1;  // the word just before the bracket
  if (Trim(text.substr(tokens[last].end, open - tokens[last].end)).size() > 0) return false;
  bool unknown = false;
  for (size_t first = last + 1; first-- > 0 && last - first < 16;) {
    if (first < last && !tokens[first].joins_next) break;
    if (!tokens[first].capitalized || tokens[first].small) continue;
    if (InitialsOf(tokens, first, last) != letters) continue;
    const std::string name =
        Collapsed(text.substr(tokens[first].start, tokens[last].end - tokens[first].start));
    if (OrganizationKind(name, rules).empty()) {
      if (!unknown) *out = {name, acronym, /*known_kind=*/false};
      unknown = true;
      continue;
    }
    *out = {name, acronym};
    return true;
  }
  return unknown;
}

// A capitalised article or civility ("Le Président", "La Directrice",
// "Monsieur le Directeur"): the start of the next sentence or signature
// where a text runs its lines together, not more of a name.
bool CapitalisedArticle(const TextToken& token) {
  static constexpr std::string_view kOpenings[] = {"le", "la", "les", "monsieur", "madame"};
  return token.capitalized &&
         std::find(std::begin(kOpenings), std::end(kOpenings), token.folded) != std::end(kOpenings);
}

// Whether the words after tokens[last] carry the name on: a capitalised
// word other than an article, or "de/du/la" and one, in the same run of
// text.
bool NameGoesOn(const std::vector<TextToken>& tokens, size_t last) {
  size_t next = last + 1;
  if (next >= tokens.size() || !tokens[last].joins_next) return false;
  if (tokens[next].capitalized) return !CapitalisedArticle(tokens[next]);
  if (!tokens[next].left_out || next + 1 >= tokens.size()) return false;
  return tokens[next].joins_next && tokens[next + 1].capitalized;
}

// The last token of the name whose key words start at tokens[i], or 0.
size_t MatchKey(const std::vector<TextToken>& tokens, size_t i,
                const std::vector<std::string>& key) {
  size_t at = i;
  for (size_t k = 1; k < key.size(); ++k) {
    size_t next = at + 1;
    while (next < tokens.size() && next - at <= 3 && tokens[next].left_out) ++next;
    if (next >= tokens.size() || tokens[next].folded != key[k]) return 0;
    for (size_t g = at; g < next; ++g) {
      if (!tokens[g].joins_next) return 0;
    }
    at = next;
  }
  return at;
}

// The spelling tokens[first, last] as written, unless the name goes on.
void AddSpelling(std::string_view text, const std::vector<TextToken>& tokens, size_t first,
                 size_t last, std::vector<std::string>* out) {
  if (last == 0 || NameGoesOn(tokens, last)) return;
  std::string spelling =
      Collapsed(text.substr(tokens[first].start, tokens[last].end - tokens[first].start));
  if (std::find(out->begin(), out->end(), spelling) == out->end()) out->push_back(spelling);
}

// "CDOM Cantal" for "Conseil Départemental de l'Ordre des Médecins du
// Cantal": the initials of the name's first words (two at least), in
// capitals, then the rest of its words.
void FindAcronymOfName(std::string_view text, const std::vector<TextToken>& tokens,
                       const TokenIndex& index, const std::vector<std::string>& words,
                       std::vector<std::string>* out) {
  for (size_t k = 2; k < words.size(); ++k) {
    std::vector<std::string> key = {""};
    for (size_t w = 0; w < k; ++w) key[0] += words[w][0];
    key.insert(key.end(), words.begin() + k, words.end());
    for (const uint32_t i : index.With(key[0])) {
      if (!tokens[i].all_capitals) continue;
      AddSpelling(text, tokens, i, MatchKey(tokens, i, key), out);
    }
  }
}

// "Agence Régionale de Santé Grand Est" for "ARS Grand Est": capitalised
// words whose initials are the acronym (3 letters at least), then the rest.
void FindNameOfAcronym(std::string_view text, const std::vector<TextToken>& tokens,
                       const TokenIndex& index, const std::string& acronym,
                       const std::vector<std::string>& rest, std::vector<std::string>* out) {
  // A name starts at a capitalised word that is not small, whose initial is
  // the acronym's first letter.
  for (const uint32_t i : index.NameStartsWith(acronym[0])) {
    std::string initials;
    size_t j = i;
    for (; j < tokens.size(); ++j) {
      if (j > i && !tokens[j - 1].joins_next) break;
      if (!tokens[j].small) initials += tokens[j].folded[0];
      if (initials.size() == acronym.size()) break;
    }
    if (j >= tokens.size() || initials != acronym) continue;
    std::vector<std::string> key = {tokens[j].folded};
    key.insert(key.end(), rest.begin(), rest.end());
    AddSpelling(text, tokens, i, MatchKey(tokens, j, key), out);
  }
}

// Whether letters are the initials of words, every word that is not small
// giving its own and a small word giving its own or none: "IDF" and "IF"
// for "Ile de France", "PDL" for "Pays de la Loire".
bool InitialsWithSmallWords(const std::vector<TextToken>& words, size_t w,
                            std::string_view letters) {
  if (w == words.size()) return letters.empty();
  const TextToken& word = words[w];
  if (!letters.empty() && !word.folded.empty() && word.folded[0] == letters[0] &&
      InitialsWithSmallWords(words, w + 1, letters.substr(1))) {
    return true;
  }
  return word.small && InitialsWithSmallWords(words, w + 1, letters);
}

// "ARS IDF" for "Agence Régionale de Santé d'Ile de France" or "ARS Ile de
// France": the name's first words as one acronym (3 letters at least), then
// its other words (two at least) as a second one.
void FindAcronymsOfName(std::string_view text, const std::vector<TextToken>& tokens,
                        const TokenIndex& index, const std::vector<TextToken>& name_tokens,
                        std::vector<std::string>* out) {
  std::string initials;
  for (size_t k = 0; k + 2 < name_tokens.size(); ++k) {
    const TextToken& word = name_tokens[k];
    if (word.small) continue;
    initials += word.all_capitals ? word.folded : word.folded.substr(0, 1);
    if (initials.size() < 3) continue;
    std::vector<TextToken> rest(name_tokens.begin() + k + 1, name_tokens.end());
    while (!rest.empty() && rest.front().small) rest.erase(rest.begin());
    if (rest.size() < 2) break;
    for (const uint32_t i : index.With(initials)) {
      if (!tokens[i].all_capitals || !tokens[i].joins_next || i + 1 >= tokens.size()) continue;
      const TextToken& second = tokens[i + 1];
      if (!second.all_capitals || !InitialsWithSmallWords(rest, 0, second.folded)) continue;
      AddSpelling(text, tokens, i, i + 1, out);
    }
  }
}

// Where the body before a territory ends: the token before the "de/du/des/
// de la/d'" that lead to tokens[place], or before the acronym in brackets
// ("Agence Régionale de Santé (ARS) Pays de la Loire"); *bracket tells
// which.  tokens.size() when nothing joins a body to the territory.
size_t BodyEndBefore(std::string_view text, const std::vector<TextToken>& tokens, size_t place,
                     bool* bracket) {
  *bracket = false;
  size_t p = place;
  while (p > 0 && place - p < 2 && tokens[p - 1].left_out && tokens[p - 1].joins_next) --p;
  if (p == 0) return tokens.size();
  const size_t before = p - 1;
  if (tokens[before].joins_next) return before;
  // "(ARS) ": the acronym in brackets, then the territory.
  const std::string_view after =
      text.substr(tokens[before].end, tokens[p].start - tokens[before].end);
  if (!tokens[before].all_capitals || Trim(after) != ")" || before == 0) return tokens.size();
  const std::string_view open =
      text.substr(tokens[before - 1].end, tokens[before].start - tokens[before - 1].end);
  if (Trim(open) != "(") return tokens.size();
  *bracket = true;
  return before - 1;
}

// The qualified name whose territory is tokens[place, last], if a body of
// a known kind is written just before it.
bool QualifiedNameAt(std::string_view text, const std::vector<TextToken>& tokens, size_t place,
                     size_t last, const RuleSet& rules, QualifiedName* out) {
  bool bracket = false;
  const size_t end = BodyEndBefore(text, tokens, place, &bracket);
  if (end >= tokens.size()) return false;
  size_t best = tokens.size();
  for (size_t first = end + 1; first-- > 0 && end - first < 6;) {
    if (first < end && !tokens[first].joins_next) break;
    if (!tokens[first].capitalized || tokens[first].small) continue;
    const std::string_view body =
        text.substr(tokens[first].start, tokens[end].end - tokens[first].start);
    if (!OrganizationKind(body, rules).empty()) best = first;
  }
  if (best == tokens.size()) return false;
  out->body = Collapsed(text.substr(tokens[best].start, tokens[end].end - tokens[best].start));
  // After a bracket, what follows it: "… Santé (ARS) Pays de la Loire" is
  // "… Santé Pays de la Loire".
  const size_t tail = bracket ? text.find(')', tokens[end].end) + 1 : tokens[end].end;
  out->name = out->body + " " + Collapsed(text.substr(tail, tokens[last].end - tail));
  return true;
}

}  // namespace

std::vector<QualifiedName> FindQualifiedNames(std::string_view text,
                                              const std::vector<TextToken>& tokens,
                                              const TokenIndex& index,
                                              const std::vector<std::string>& territories,
                                              const RuleSet& rules) {
  std::vector<QualifiedName> out;
  // The longest territories first: "Pays de la Loire" is not the Loire.
  std::vector<std::vector<std::string>> keys;
  for (const std::string& territory : territories) {
    keys.push_back(SplitWords(OrganizationKey(territory)));
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<bool> taken(tokens.size(), false);  // in a longer territory
  for (const std::vector<std::string>& words : keys) {
    if (words.empty()) continue;
    for (const uint32_t place : index.With(words[0])) {
      if (!tokens[place].capitalized || place == 0 || taken[place]) continue;
      // "Haute-Loire" is not the Loire, nor "Loire-Atlantique".
      if (tokens[place - 1].joins_next &&
          text.substr(tokens[place - 1].end, tokens[place].start - tokens[place - 1].end)
                  .find('-') != std::string_view::npos) {
        continue;
      }
      const size_t last = words.size() == 1 ? place : MatchKey(tokens, place, words);
      if (last == 0 || NameGoesOn(tokens, last)) continue;
      if (last + 1 < tokens.size() && tokens[last].joins_next &&
          text.substr(tokens[last].end, tokens[last + 1].start - tokens[last].end).find('-') !=
              std::string_view::npos) {
        continue;
      }
      for (size_t t = place; t <= last; ++t) taken[t] = true;
      QualifiedName q;
      if (!QualifiedNameAt(text, tokens, place, last, rules, &q)) continue;
      q.territory = JoinWords(words);
      const bool known = std::any_of(out.begin(), out.end(),
                                     [&](const QualifiedName& o) { return o.name == q.name; });
      if (!known) out.push_back(std::move(q));
    }
  }
  return out;
}

TokenIndex::TokenIndex(const std::vector<TextToken>& tokens) : by_initial_(256) {
  // At most half full, so that a probe ends after a slot or two.
  slots_.assign(std::bit_ceil(std::max<size_t>(16, 2 * tokens.size())), 0);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const TextToken& t = tokens[i];
    uint32_t& slot = slots_[SlotOf(t.folded)];
    if (slot == 0) {
      words_.push_back(t.folded);
      positions_.emplace_back();
      slot = static_cast<uint32_t>(positions_.size());
    }
    positions_[slot - 1].push_back(static_cast<uint32_t>(i));
    if (t.capitalized && !t.small) {
      // folded[0] is '\0' for an empty word, as the matchers read it.
      by_initial_[static_cast<unsigned char>(t.folded[0])].push_back(static_cast<uint32_t>(i));
    }
  }
}

size_t TokenIndex::SlotOf(std::string_view folded) const {
  // FNV-1a of the word, its bits spread by a Fibonacci multiply: the slot
  // is the product's top bits.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char ch : folded) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001b3ULL;
  const size_t mask = slots_.size() - 1;
  size_t at =
      static_cast<size_t>((h * 0x9e3779b97f4a7c15ULL) >> (64 - std::countr_zero(slots_.size())));
  while (slots_[at] != 0 && words_[slots_[at] - 1] != folded) at = (at + 1) & mask;
  return at;
}

const std::vector<uint32_t>& TokenIndex::With(std::string_view folded) const {
  static const std::vector<uint32_t> kNone;
  const uint32_t slot = slots_[SlotOf(folded)];
  return slot == 0 ? kNone : positions_[slot - 1];
}

const std::vector<uint32_t>& TokenIndex::NameStartsWith(char initial) const {
  return by_initial_[static_cast<unsigned char>(initial)];
}

std::vector<std::string> FindAcronymSpellings(std::string_view text,
                                              const std::vector<TextToken>& tokens,
                                              std::string_view name) {
  return FindAcronymSpellings(text, tokens, TokenIndex(tokens), name);
}

std::vector<std::string> FindAcronymSpellings(std::string_view text,
                                              const std::vector<TextToken>& tokens,
                                              const TokenIndex& index, std::string_view name) {
  std::vector<std::string> out;
  const std::vector<TextToken> name_tokens = TokenizeText(name);
  std::vector<std::string> words;
  for (const TextToken& t : name_tokens) {
    if (!t.small) words.push_back(t.folded);
  }
  if (words.size() < 2) return out;
  if (name_tokens[0].all_capitals && words[0].size() >= 3) {
    FindNameOfAcronym(text, tokens, index, words[0], {words.begin() + 1, words.end()}, &out);
  } else if (words.size() >= 3) {
    FindAcronymOfName(text, tokens, index, words, &out);
  }
  FindAcronymsOfName(text, tokens, index, name_tokens, &out);
  return out;
}

std::vector<TextToken> TokenizeText(std::string_view text) {
  std::vector<TextToken> tokens;
  // About one word in six bytes of French prose: the tokens are rarely moved.
  tokens.reserve(text.size() / 6 + 1);
  std::unordered_map<std::string_view, std::string> folded_words;
  // An ASCII byte, most of a text, is told a letter or digit here, without
  // a call per byte; the others go to WordCharLength.
  const auto ascii = [&](size_t at) { return static_cast<unsigned char>(text[at]) < 0x80; };
  size_t i = 0;
  while (i < text.size()) {
    if (ascii(i) ? !IsAsciiWordChar(static_cast<unsigned char>(text[i]))
                 : WordCharLength(text, i) == 0) {
      i += CharLength(text, i);
      continue;
    }
    const size_t start = i;
    while (i < text.size()) {
      const size_t length =
          ascii(i) ? IsAsciiWordChar(static_cast<unsigned char>(text[i])) : WordCharLength(text, i);
      if (length == 0) break;
      i += length;
    }
    TextToken& t = tokens.emplace_back();
    t.start = start;
    t.end = i;
    const std::string_view word = text.substr(start, i - start);
    t.folded = FoldWord(word, &folded_words);
    t.capitalized = Capitalized(word);
    t.small = SmallWord(t.folded);
    t.left_out = t.small && KeyWordLeftOut(t.folded);
    t.all_capitals = IsAcronymText(word);
  }
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    tokens[k].joins_next =
        JoinsName(text.substr(tokens[k].end, tokens[k + 1].start - tokens[k].end));
  }
  return tokens;
}

std::vector<NameDefinition> FindDefinitions(std::string_view text,
                                            const std::vector<TextToken>& tokens,
                                            const RuleSet& rules) {
  std::vector<NameDefinition> out;
  size_t before = 0;  // tokens[0, before) end before the bracket
  for (size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    while (before < tokens.size() && tokens[before].end <= open) ++before;
    NameDefinition d;
    if (before > 0 && DefinitionAt(text, tokens, open, before, rules, &d)) {
      out.push_back(std::move(d));
    }
  }
  return out;
}

std::vector<std::string> FindSpellings(std::string_view text, const std::vector<TextToken>& tokens,
                                       std::string_view name) {
  return FindSpellings(text, tokens, TokenIndex(tokens), name);
}

std::vector<std::string> FindSpellings(std::string_view text, const std::vector<TextToken>& tokens,
                                       const TokenIndex& index, std::string_view name) {
  const std::vector<std::string> key = SplitWords(OrganizationKey(name));
  std::vector<std::string> out;
  if (key.size() < 2) return out;
  const std::string as_written = Collapsed(name);
  for (const uint32_t i : index.With(key[0])) {
    const size_t last = MatchKey(tokens, i, key);
    if (last == 0 || NameGoesOn(tokens, last)) continue;
    std::string spelling =
        Collapsed(text.substr(tokens[i].start, tokens[last].end - tokens[i].start));
    if (spelling == as_written) continue;
    if (std::find(out.begin(), out.end(), spelling) == out.end())
      out.push_back(std::move(spelling));
  }
  return out;
}

}  // namespace clsdb
