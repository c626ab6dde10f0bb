// organize/text_names: the names of bodies a contract's own text writes,
// beyond its parties and its plan (organize/organizations.h reads them).
//
// In:  the text of one contract (its paragraphs, one per line).
// Out: the definitions it writes in prose or headings, "Nom complet
//      (ACRONYME)", whose acronym is the initials of the name and whose name
//      is of a known kind (rules organization.kind.K): "la Communauté de
//      Communes du Haut Allier (CCHA)"; and the spellings under which it
//      writes a name, that is the same name once case, accents, punctuation
//      and "de/du/la" are set aside ("Pays de Trégor-Goëlo" for "Pays du
//      Trégor-Goëlo").
// A name never runs across punctuation or a line, and a spelling followed
// by a capitalised word is a longer name, not this one.
#ifndef CLSDB_ORGANIZE_TEXT_NAMES_H_
#define CLSDB_ORGANIZE_TEXT_NAMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/rule_set.h"

namespace clsdb {

// One word of a text: where it is, folded for match, whether it is written
// with a capital, and what the matchers below ask of every word, read once.
struct TextToken {
  size_t start = 0;
  size_t end = 0;
  std::string folded;
  bool capitalized = false;
  bool small = false;         // an article, "de/du/des/et/en/a/au/aux/sur/sous"
  bool left_out = false;      // an article or "de/du/des": not in a name's key
  bool all_capitals = false;  // 2 to 6 capitals A-Z, as an acronym is written
  bool joins_next = false;    // only spaces, apostrophes, hyphens up to the next word
};

// The words of text; apostrophes, hyphens and punctuation separate words.
std::vector<TextToken> TokenizeText(std::string_view text);

// Where the words of one text are, by their folded form and, for the words
// a name may start with (capitalised, not small), by their first letter:
// the matchers below look only at the words a name can start at, instead of
// every word of the text for every name.  Refers to tokens, which must
// outlive it.
class TokenIndex {
 public:
  explicit TokenIndex(const std::vector<TextToken>& tokens);

  // The positions, in order, of the tokens folded to `folded`.
  const std::vector<uint32_t>& With(std::string_view folded) const;
  // The positions, in order, of the capitalised words other than small
  // words whose folded form starts with `initial`.
  const std::vector<uint32_t>& NameStartsWith(char initial) const;

 private:
  // The slot of `folded` in slots_: the one that holds it, or the empty
  // one where it would go.
  size_t SlotOf(std::string_view folded) const;

  // By folded form, an open-addressing table: each slot holds 1 + the index
  // of its word in words_ and positions_, 0 when empty.  A hash table of
  // lists (one node per word) cost about 330 instructions a token.
  std::vector<uint32_t> slots_;
  std::vector<std::string_view> words_;
  std::vector<std::vector<uint32_t>> positions_;
  std::vector<std::vector<uint32_t>> by_initial_;  // 256, by unsigned char
};

struct NameDefinition {
  std::string name;        // "Communauté de Communes du Haut Allier"
  std::string acronym;     // "CCHA"
  bool known_kind = true;  // false: the name is of no known kind
};

// The "Name (ACRONYM)" definitions of text: the acronym, 2 to 6 capitals,
// is exactly the initials of the name (articles and "de/du/des/et" left
// out), the name starts with a capital; the shortest such name of a known
// kind, else the shortest of none (known_kind false: only a party's own
// name may use it, organize/organizations.h).
std::vector<NameDefinition> FindDefinitions(std::string_view text,
                                            const std::vector<TextToken>& tokens,
                                            const RuleSet& rules);

// The spellings, as written in text, of the name (two words at least once
// articles and "de/du/des" are left out), other than the name itself.
std::vector<std::string> FindSpellings(std::string_view text, const std::vector<TextToken>& tokens,
                                       std::string_view name);
// The same with the index of tokens, for many names over one text.
std::vector<std::string> FindSpellings(std::string_view text, const std::vector<TextToken>& tokens,
                                       const TokenIndex& index, std::string_view name);

// The spellings, as written in text, of the name with its first words
// abbreviated or written out: "CDOM Cantal" for "Conseil Départemental de
// l'Ordre des Médecins du Cantal" (the initials in capitals, two at least,
// then the name's other words), "Agence Régionale de Santé Grand Est" for
// "ARS GRAND EST" (capitalised words whose initials are the acronym, three
// letters at least, then the other words); "ARS IDF" for "Agence Régionale
// de Santé d'Ile de France" (the first words' initials, then the other
// words' initials, small words giving theirs or none).
std::vector<std::string> FindAcronymSpellings(std::string_view text,
                                              const std::vector<TextToken>& tokens,
                                              std::string_view name);
// The same with the index of tokens, for many names over one text.
std::vector<std::string> FindAcronymSpellings(std::string_view text,
                                              const std::vector<TextToken>& tokens,
                                              const TokenIndex& index, std::string_view name);

// A body's name then a territory, as a text writes a national body's
// regional or departmental office: "ARS Pays de la Loire", "l'Agence
// Régionale de Santé (ARS) Pays de la Loire", "CPAM de la Drôme", "MSA
// Languedoc".
struct QualifiedName {
  std::string name;       // as written, the acronym in brackets left out
  std::string body;       // "Agence Régionale de Santé", of a known kind
  std::string territory;  // the territory's key (OrganizationKey): "pays loire"
};

// The names of text that are a body of a known kind (rules
// organization.kind.K: the longest run of words before the territory,
// from a capitalised word, that has one, at most six words) then, after "de/du/des/de
// la/d'" or an acronym in brackets, one of territories (names as a list
// writes them: "Pays de la Loire", "Drôme"), written with a capital and
// that no capitalised word or hyphenated word carries on ("Loire" in
// "Loire-Atlantique" is not the Loire).
std::vector<QualifiedName> FindQualifiedNames(std::string_view text,
                                              const std::vector<TextToken>& tokens,
                                              const TokenIndex& index,
                                              const std::vector<std::string>& territories,
                                              const RuleSet& rules);

}  // namespace clsdb

#endif  // CLSDB_ORGANIZE_TEXT_NAMES_H_
