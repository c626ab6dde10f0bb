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

#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_set.h"

namespace clsdb {

// One word of a text: where it is, folded for match, and whether it is
// written with a capital.
struct TextToken {
  size_t start = 0;
  size_t end = 0;
  std::string folded;
  bool capitalized = false;
};

// The words of text; apostrophes, hyphens and punctuation separate words.
std::vector<TextToken> TokenizeText(std::string_view text);

struct NameDefinition {
  std::string name;     // "Communauté de Communes du Haut Allier"
  std::string acronym;  // "CCHA"
};

// The "Name (ACRONYM)" definitions of text: the acronym, 2 to 6 capitals,
// is exactly the initials of the name (articles and "de/du/des/et" left
// out), the name starts with a capital and is of a known kind.
std::vector<NameDefinition> FindDefinitions(std::string_view text,
                                            const std::vector<TextToken>& tokens,
                                            const RuleSet& rules);

// The spellings, as written in text, of the name (two words at least once
// articles and "de/du/des" are left out), other than the name itself.
std::vector<std::string> FindSpellings(std::string_view text, const std::vector<TextToken>& tokens,
                                       std::string_view name);

// The spellings, as written in text, of the name with its first words
// abbreviated or written out: "CDOM Cantal" for "Conseil Départemental de
// l'Ordre des Médecins du Cantal" (the initials in capitals, two at least,
// then the name's other words), "Agence Régionale de Santé Grand Est" for
// "ARS GRAND EST" (capitalised words whose initials are the acronym, three
// letters at least, then the other words).
std::vector<std::string> FindAcronymSpellings(std::string_view text,
                                              const std::vector<TextToken>& tokens,
                                              std::string_view name);

}  // namespace clsdb

#endif  // CLSDB_ORGANIZE_TEXT_NAMES_H_
