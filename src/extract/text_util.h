// Small helpers shared by the extraction steps: provenance from a block or a
// cell, and the clean-ups every extracted value goes through.
#ifndef CLSDB_EXTRACT_TEXT_UTIL_H_
#define CLSDB_EXTRACT_TEXT_UTIL_H_

#include <string>
#include <string_view>

#include "layout/layout.h"
#include "model/records.h"
#include "rules/required_rules.h"

namespace clsdb {

// Provenance of bytes [start, end) of a paragraph block's text.
// REQUIRES: block.kind == kParagraph (its text is a slice of its page's text).
Provenance ProvenanceIn(const Block& block, size_t start, size_t end, const std::string& rule);
// Provenance of the whole block (paragraph) or of its first row (table).
Provenance ProvenanceOf(const Block& block, const std::string& rule);
// Provenance of bytes [start, end) of a cell's text.
Provenance ProvenanceIn(const Cell& cell, size_t start, size_t end, const std::string& rule);
// The same, naming a required rule.
Provenance ProvenanceIn(const Block& block, size_t start, size_t end, RuleId rule);
Provenance ProvenanceOf(const Block& block, RuleId rule);
Provenance ProvenanceIn(const Cell& cell, size_t start, size_t end, RuleId rule);

// Trims white space and the punctuation that surrounds a value as written
// (" , ; : . « » ( ) \" ' - –" at either end; a closing parenthesis is kept
// when the value opens one).
std::string CleanValue(std::string_view text);

// Collapses runs of white space (including '\n' and '\t') into one space.
std::string CollapseSpaces(std::string_view text);

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_TEXT_UTIL_H_
