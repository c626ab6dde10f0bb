// normalize: character-level clean-up with ICU, before any matching.
//
// In:  UTF-8 text as the reader decoded it (a line of a text file, a word or
//      a line of a PDF page).
// Out: the same text with
//      - NFC composition; ligatures (ﬁ ﬂ ﬀ …) and compatibility characters
//        folded (NFKC for those, not for ² or ½ that carry meaning);
//      - NBSP, narrow NBSP, thin and other spaces turned into ' '; soft hyphens
//        and zero-width characters removed;
//      - typographic apostrophes ’ ‘ ʼ turned into ' (quotes « » are kept:
//        rules use them);
//      - the converter markup of the corpus removed: **, <p>, </p>, <u>, <i>,
//        <b>, <br>, <ul>, <li>, ^{ème} → ème;
//      - runs of whitespace collapsed (inside a line; line breaks kept).
// Returns values; never fails (invalid UTF-8 becomes U+FFFD).
#ifndef CLSDB_NORMALIZE_NORMALIZE_H_
#define CLSDB_NORMALIZE_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace clsdb {

// Normalises one piece of text as described above.  Line breaks ('\n') are
// kept; leading and trailing spaces of each line are trimmed.
std::string NormalizeText(std::string_view text);

// Removes the markup but keeps cell-internal structure: <br>, </p><p> and
// <li> become '\n'.  Used for table cells of text files, whose HTML carries
// line structure.  Then normalises as NormalizeText.
std::string NormalizeCell(std::string_view html);

// A list item's bullet at the start of a line (❖ ▶ ✓ • · ● ■ ◆ ➢ -, or a
// combination such as "- ❖"), if any: returns the number of bytes it takes,
// including the space after it, or 0.
size_t BulletPrefixLength(std::string_view line);

// Joins two consecutive lines of a paragraph.  When `first` ends with a
// hyphen that breaks a word ("représen-" + "tant"), the hyphen is dropped
// unless the joined form looks like a compound ("Hauts-" + "de-France",
// a capitalised second part, a digit).  Otherwise they are joined with one
// space.
std::string JoinLines(std::string_view first, std::string_view second);

// Folds text for loose comparison: lowercase, accents removed, punctuation
// turned into spaces, whitespace collapsed.  Used by check/ and by
// gazetteer look-ups, never for stored text.
std::string FoldForMatch(std::string_view text);

}  // namespace clsdb

#endif  // CLSDB_NORMALIZE_NORMALIZE_H_
