// rules/narrow: the same pattern, cheap to compile, for texts written in a
// small alphabet.
//
// RE2 compiles a Unicode property class (\p{L}, \p{Lu}…) into hundreds of
// UTF-8 byte ranges: 0.2-0.7 ms each, and a rule naming a person holds
// twenty of them.  Compiling the rules a document reaches was most of the
// start-up of one small document and a third of a batch of texts, and RE2
// compiles each pattern a second time, backwards, when an unanchored search
// with captures first matches.  French documents are written in Latin-1
// and a few more characters (œ, ’, –, €, bullets), where the same classes
// are a few ranges.
//
// On a text whose every character is in the narrow alphabet, a class and
// its members that are in the alphabet match the same characters; so the
// narrowed pattern (each property class replaced by that explicit list)
// gives the same matches, the same captures and the same groups as the
// original on such a text.  Texts with any other character (or invalid
// UTF-8) use the original pattern.
#ifndef CLSDB_RULES_NARROW_H_
#define CLSDB_RULES_NARROW_H_

#include <optional>
#include <string>
#include <string_view>

namespace clsdb {

// True when text is UTF-8 and every code point in it belongs to the
// narrow alphabet (Latin-1, Œ œ Ÿ, general punctuation, superscripts and
// subscripts, €, arrows, mathematical operators, box drawing, shapes and
// dingbats, the private-use characters of symbol fonts U+F000-U+F0FF,
// pictographs U+1F300-U+1FAFF).  A character cut short (a lead byte followed
// by fewer continuation bytes than it announces, then by another byte or the
// end: a text cut at a byte count, like the first 2,000 bytes classify.cc
// reads) is allowed: RE2 consumes bytes only as whole sequences, a lead byte
// then its continuation bytes, so neither pattern matches those bytes, and
// the assertions around them read them alike (not a word character, not a
// line break).  Any other invalid byte makes it false.
bool InNarrowAlphabet(std::string_view text);

// The pattern with each Unicode property escape (\p{…}, \P{…}, \pX, alone
// or in a [...] class) replaced by the characters of the narrow alphabet
// RE2 matches with it under the case folding in force at that point.
// Capturing groups are untouched.  nullopt when the
// pattern uses syntax the rewriting does not follow (\Q…\E), or a class RE2
// rejects.  Thread-safe; the members of each distinct class are computed
// once per process.
std::optional<std::string> NarrowPattern(std::string_view pattern);

// The characters of the narrow alphabet RE2 matches with one property
// escape (\p{L}, \PL…) under case folding or not, as class ranges
// "\x{41}-\x{5A}…" ("" for none); nullopt for an escape RE2 rejects.
// Written inside a class that folds case they match no more: the set RE2
// gives a class under (?i) is closed under case folding already.  Costs
// RE2 compiling the Unicode class (millions of instructions).
std::optional<std::string> ComputeNarrowMembers(const std::string& token, bool fold);
// The same, as computed when clsdb was built for the escapes of RE2's
// general categories (\p{L}, \pL, \P{Lu}…); nullopt for any other.
std::optional<std::string> KnownNarrowMembers(std::string_view token, bool fold);

// The pattern with every bounded repetition {m,n} whose upper bound n is at
// least min_upper widened to {m,}.  It matches wherever the pattern
// matches (every parse of the pattern is one of the widened pattern), and
// also where the repeated part runs longer; but RE2 compiles x{0,200} into
// two hundred copies of x, and x{0,} into one.  For the sets that only pick
// which rules to search (RuleSet::CandidatesFor).  {m} and the braces of
// \x{…}, \p{…} and of character classes are left as they are.  nullopt
// when the pattern uses syntax the rewriting does not follow (\Q…\E), or
// a class or escape left open.
std::optional<std::string> WidenRepetitions(std::string_view pattern, int min_upper);

}  // namespace clsdb

#endif  // CLSDB_RULES_NARROW_H_
