// rules/literals: words a pattern's every match contains, read from the
// pattern's text without compiling it.
//
// Compiling a rule's pattern costs about a million instructions, and a
// document reaches many rules that never match it: of the 193 rules the
// 168-page PDF compiled, 74 were searched and matched nothing (a third of
// the compile instructions of a small document went the same way).  Most
// patterns name a word every match holds ("fait", "secrétaire", "présents"
// in one of its forms); a text without it cannot match, and needs no
// compiled pattern to say so.
//
// The reading is conservative: it keeps only what holds for every parse of
// the pattern, and gives up (no requirement) on what it does not follow.
// Literal runs are plain ASCII characters outside any quantifier; under
// case folding (?i) the letters k and s end a run, because RE2 folds them
// with the Kelvin sign and the long s (the other ASCII letters fold only
// with their ASCII pair).  A group adds its requirements when it is not
// optional; an alternation adds one clause made of one clause of each of
// its branches (when every branch has one).
#ifndef CLSDB_RULES_LITERALS_H_
#define CLSDB_RULES_LITERALS_H_

#include <string>
#include <string_view>
#include <vector>

namespace clsdb {

struct RequiredLiteral {
  std::string text;   // lower-cased when fold
  bool fold = false;  // compared ignoring ASCII case
};

// Any one of its literals occurs in a text that the pattern matches.
using LiteralClause = std::vector<RequiredLiteral>;

// Every clause holds in a text the pattern matches (empty: nothing is known).
struct RequiredLiterals {
  std::vector<LiteralClause> clauses;

  // False only when some clause has none of its literals in text, that is
  // when the pattern cannot match text (nor any part of it).
  bool MayOccurIn(std::string_view text) const;
};

// The literals of pattern (an RE2 pattern after {{…}} expansion); runs
// shorter than min_length characters are not kept.
RequiredLiterals FindRequiredLiterals(std::string_view pattern, size_t min_length = 3);

}  // namespace clsdb

#endif  // CLSDB_RULES_LITERALS_H_
