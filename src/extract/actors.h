// actors: the organisations named in a Pilote / Porteur / Partenaires /
// Source de financement cell, one name each.
//
// In:  the cell's text and the rules of rules/actors.rules.
// Out: the names, in order, each with the byte range of its piece in the
//      text (for provenance).  A name is cleaned as FORMAT.md asks: white
//      space collapsed, a leading article or preposition dropped ("les CPTS"
//      → "CPTS", "de l'ARS" → "ARS"), a name wholly in parentheses unwrapped
//      ("(UFOLEP)" → "UFOLEP"), surrounding punctuation trimmed (balanced
//      quotes and parentheses kept: "GHAT (CH Bapaume)").  Pieces that are
//      not names ("etc.", "à définir") are dropped; so are duplicates.
// Separators are the "actor.split.*" rules (` - `, `,`, ` et `, `/`, `+`,
// `en lien avec` …); none is cut inside parentheses, nor inside the spans
// of the "actor.keep.*" rules: an amount stays in the name as written ("ARS
// (2500€/classe)", "ARS : 50 000 € / an"), and et / ou / slash between two
// common nouns joins one name ("Référents famille / jeunesse").  A piece
// that only completes the name before shares its head ("Les CH Avesnes, de
// Fourmies" → "CH Avesnes", "CH de Fourmies").  Never fails: a text with no
// separator is one name.
#ifndef CLSDB_EXTRACT_ACTORS_H_
#define CLSDB_EXTRACT_ACTORS_H_

#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_set.h"

namespace clsdb {

struct ActorName {
  std::string name;
  size_t start = 0;  // bytes [start, end) of the piece in the text
  size_t end = 0;
};

std::vector<ActorName> SplitActors(std::string_view text, const RuleSet& rules);

// The name as FORMAT.md writes it, from one piece of a cell (no splitting).
// Empty when the piece names no one.
std::string CleanActorName(std::string_view piece, const RuleSet& rules);

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_ACTORS_H_
