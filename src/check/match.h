// check/match: the tolerant comparisons the scorer uses to decide that an
// extracted value and a reference value are "the same".
//
// The reference annotations are written by hand, the pipeline's values by
// rules, so small differences that an analyst would not care about must not
// count as errors:
//   - text: case, accents, converter markup, punctuation and whitespace are
//     ignored (MatchKey);
//   - person names: civilities (M., Mme, Monsieur, Dr …) and token order are
//     ignored, "Jean-Claude" equals "Jean Claude" (NameKey);
//   - titles: nearly equal (similarity >= kTitleSimilarity), or one is the
//     other cut short at a word boundary (TitleMatchScore);
//   - codes: without their prefix ("FA 1.2" = "Action 1.2" = "1.2"), trailing
//     dots and leading zeros ignored (CodeKey).
// Dates and numbers are compared exactly by the caller.
#ifndef CLSDB_CHECK_MATCH_H_
#define CLSDB_CHECK_MATCH_H_

#include <string>
#include <string_view>

namespace clsdb::check {

// Two titles whose edit-distance similarity (on their match keys, or on their
// match keys with tokens sorted) reaches this are the same title.
inline constexpr double kTitleSimilarity = 0.9;
// A title cut short matches the full one when it keeps at least this share of
// it, or at least kPrefixMinChars characters.
inline constexpr double kPrefixMinShare = 0.6;
inline constexpr size_t kPrefixMinChars = 25;

// Lowercase, accents and markup removed, punctuation as spaces, whitespace
// collapsed, "œ"/"æ" spelled out.  Built on clsdb::FoldForMatch.
std::string MatchKey(std::string_view text);

// A person's name as sorted tokens of its MatchKey, civilities dropped:
// "M. LEROY Jean-Claude" -> "claude jean leroy".
std::string NameKey(std::string_view name);

// A code or number without its prefix words, dots, leading zeros and
// ordinal suffixes: "FA n°1.2." -> "1 2", "Article 1er" -> "1", "b/" -> "b".
std::string CodeKey(std::string_view code);

// 1 - Levenshtein(a, b) / max(|a|, |b|), on bytes; 1 for two empty strings.
double EditSimilarity(std::string_view a, std::string_view b);

// How well two titles match, given as match keys: 0 when they do not, else a
// score in (0, 1] (1 for equal keys) that ranks the candidates of a one-to-one
// assignment.  A prefix match scores below any near-equality.
double TitleMatchScore(std::string_view key_a, std::string_view key_b);

// The raw similarity of two match keys in [0, 1], without a threshold: used
// to pair contracts, where a loose resemblance is enough to align them.
double TitleResemblance(std::string_view key_a, std::string_view key_b);

// Convenience forms on raw text.
bool TitlesMatch(std::string_view a, std::string_view b);
bool NamesMatch(std::string_view a, std::string_view b);
bool CodesMatch(std::string_view a, std::string_view b);

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_MATCH_H_
