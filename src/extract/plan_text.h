// Clean-ups shared by the plan readers (headings, tables, actors).
#ifndef CLSDB_EXTRACT_PLAN_TEXT_H_
#define CLSDB_EXTRACT_PLAN_TEXT_H_

#include <string>
#include <string_view>

namespace clsdb {

// White space collapsed, and the punctuation around a title or a name trimmed
// (bullets, dashes, colons, a final full stop), keeping quotes and
// parentheses that the text opens and closes: `"L'Avesnois, pourquoi pas
// moi ?"` and `(drogues, alcool, tabac)` stay whole, an unmatched one goes.
std::string CleanPlanText(std::string_view text);

// Folds a title for comparison: lower case, accents and punctuation dropped
// (normalize/FoldForMatch).
std::string FoldTitle(std::string_view text);

// How alike two folded titles are, 0..1: 1 when one is a word prefix of the
// other, else the share of the shorter title's words found in the longer.
double TitleSimilarity(std::string_view folded_a, std::string_view folded_b);

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_PLAN_TEXT_H_
