// Character-level clean-up.  The work is done in up to three passes over the
// UTF-8 bytes, each skipped when it has nothing to do:
//
//   1. StripMarkup: converter markup (**, <tags>, ^{x}, &entities;).  Only
//      when the text holds one of '<' '*' '^' '&'.
//   2. MapChars: decode UTF-8 (invalid bytes → U+FFFD), fold the typographic
//      compatibility characters, spaces, invisibles and apostrophes, and
//      collapse/trim whitespace as it writes.  Runs of ASCII and Latin-1
//      letters are copied in bulk, so a French line costs little more than a
//      copy.
//   3. NFC, only when pass 2 wrote a character that may change under NFC (a
//      combining mark, a character whose NFC quick check is not "yes").  A
//      French line almost never has one.
//
// Mapping comes before NFC so that a combining mark freed by a removed
// invisible ("e\u200B\u0301") or following a folded character still composes.
// NFC cannot create or remove spaces or line breaks, so collapsing in pass 2
// stays valid after pass 3.
//
// Tabs are kept as they are (tables of text files are tab-separated rows);
// spaces next to a tab are dropped, since they would only pad a cell.

#include "normalize/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/utf8.h"

namespace clsdb {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// ---------------------------------------------------------------------------
// UTF-8 helpers (the decoder is core/utf8.h's).

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, c, error);
  if (error) {
    out->append(kReplacement);
  } else {
    out->append(buf, static_cast<size_t>(n));
  }
}

void AppendUnicodeString(const icu::UnicodeString& u, std::string* out) {
  icu::StringByteSink<std::string> sink(out);
  u.toUTF8(sink);
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// ---------------------------------------------------------------------------
// Output with whitespace collapsing.  Every byte of the result goes through
// one of Text(), Space(), Tab(), Newline(), so that runs of spaces collapse and
// lines are trimmed without a second pass.
class LineWriter {
 public:
  // drop_empty_lines: cell mode, where a blank line carries no structure.
  LineWriter(std::string* out, bool drop_empty_lines)
      : out_(out), drop_empty_lines_(drop_empty_lines) {}

  void Text(std::string_view bytes) {
    if (bytes.empty()) return;
    if (pending_space_) out_->push_back(' ');
    pending_space_ = false;
    out_->append(bytes);
    after_break_ = false;
  }
  void Text(char c) { Text(std::string_view(&c, 1)); }

  // Leading spaces of a line and spaces after a tab are dropped; trailing
  // ones are dropped when the line or cell ends.
  void Space() {
    if (!after_break_) pending_space_ = true;
  }

  void Tab() {
    pending_space_ = false;
    out_->push_back('\t');
    after_break_ = true;
  }

  void Newline() {
    pending_space_ = false;
    if (drop_empty_lines_ && out_->size() == line_start_) return;
    out_->push_back('\n');
    line_start_ = out_->size();
    after_break_ = true;
  }

  // Dispatches one ASCII byte.  Control characters other than tab and line
  // feed (\r, \v, \f, ESC…) count as spaces: they carry no text.
  void Ascii(char c) {
    if (c == '\n') {
      Newline();
    } else if (c == '\t') {
      Tab();
    } else if (c == ' ' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      Space();
    } else {
      Text(c);
    }
  }

  void Finish() {
    pending_space_ = false;
    if (drop_empty_lines_ && !out_->empty() && out_->back() == '\n') out_->pop_back();
  }

 private:
  std::string* out_;
  bool drop_empty_lines_;
  size_t line_start_ = 0;
  bool pending_space_ = false;
  bool after_break_ = true;  // at the start of a line or just after a tab
};

bool IsPlainAscii(unsigned char b) { return b > 0x20 && b < 0x7F; }

// ---------------------------------------------------------------------------
// Pass 1: markup.

enum class TagKind { kNone, kInline, kBlock };

// Block-level tags separate text: a space in running text, a line break in a
// table cell.  Inline tags vanish without a trace ("<u>Intitulé</u>").
TagKind KindOfTag(std::string_view lower_name) {
  static constexpr std::string_view kBlock[] = {
      "address", "article",    "blockquote", "br",     "caption", "center", "dd", "div", "dl",
      "dt",      "figcaption", "figure",     "footer", "h1",      "h2",     "h3", "h4",  "h5",
      "h6",      "header",     "hr",         "li",     "main",    "nav",    "ol", "p",   "pre",
      "section", "table",      "td",         "th",     "tr",      "ul"};
  static constexpr std::string_view kInline[] = {
      "a",     "abbr",  "b",     "bdi",   "bdo",  "big",    "cite",   "code", "del",
      "dfn",   "em",    "font",  "i",     "img",  "ins",    "kbd",    "mark", "nobr",
      "q",     "s",     "samp",  "small", "span", "strike", "strong", "sub",  "sup",
      "tbody", "thead", "tfoot", "tt",    "u",    "var",    "wbr"};
  for (std::string_view name : kBlock) {
    if (name == lower_name) return TagKind::kBlock;
  }
  for (std::string_view name : kInline) {
    if (name == lower_name) return TagKind::kInline;
  }
  return TagKind::kNone;
}

// If s[i] == '<' starts an HTML tag of a known name, returns its kind and
// sets *end just past its '>'.  "< 18 ans", "<5%" and "<https://…>" are not
// tags: a tag name starts right after '<' (or "</") with a letter and is one
// of the known names.
TagKind MatchTag(std::string_view s, size_t i, size_t* end) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '/') ++j;
  char name[12];
  size_t len = 0;
  while (j < s.size() && IsAsciiAlnum(s[j])) {
    if (len == sizeof(name)) return TagKind::kNone;
    name[len++] = AsciiLower(s[j]);
    ++j;
  }
  if (len == 0 || !IsAsciiAlpha(name[0]) || j >= s.size()) return TagKind::kNone;
  const TagKind kind = KindOfTag(std::string_view(name, len));
  if (kind == TagKind::kNone) return TagKind::kNone;
  if (s[j] == '>') {
    *end = j + 1;
    return kind;
  }
  if (s[j] == '/' && j + 1 < s.size() && s[j + 1] == '>') {
    *end = j + 2;
    return kind;
  }
  if (s[j] != ' ' && s[j] != '\t') return TagKind::kNone;
  // Attributes: up to '>' outside quotes, on the same line, within a bound so
  // that a stray "<b " in prose cannot swallow a page.
  constexpr size_t kMaxTagBytes = 512;
  char quote = 0;
  for (; j < s.size() && j - i < kMaxTagBytes; ++j) {
    const char c = s[j];
    if (c == '\n') return TagKind::kNone;
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '<') {
      return TagKind::kNone;
    } else if (c == '>') {
      *end = j + 1;
      return kind;
    }
  }
  return TagKind::kNone;
}

struct NamedEntity {
  std::string_view name;
  std::string_view utf8;
};

// The entities an HTML converter emits for French text.
constexpr NamedEntity kEntities[] = {
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", "\xC2\xA0"},
    {"laquo", "\xC2\xAB"},
    {"raquo", "\xC2\xBB"},
    {"euro", "\xE2\x82\xAC"},
    {"eacute", "é"},
    {"egrave", "è"},
    {"ecirc", "ê"},
    {"agrave", "à"},
    {"acirc", "â"},
    {"ccedil", "ç"},
    {"ocirc", "ô"},
    {"ucirc", "û"},
    {"ugrave", "ù"},
    {"icirc", "î"},
    {"oelig", "œ"},
    {"Eacute", "É"},
    {"rsquo", "'"},
    {"lsquo", "'"},
    {"ndash", "\xE2\x80\x93"},
    {"hellip", "\xE2\x80\xA6"},
};

// If s[i] == '&' starts a character reference, appends its text to out and
// sets *end past its ';'.  A bare '&' ("R&D", "&chapter=" in a URL) is text.
bool MatchEntity(std::string_view s, size_t i, size_t* end, std::string* out) {
  constexpr size_t kMaxEntity = 10;
  const size_t length = s.substr(i + 1, kMaxEntity + 1).find(';');
  if (length == std::string_view::npos || length == 0) return false;
  const size_t semi = i + 1 + length;
  const std::string_view body = s.substr(i + 1, length);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return false;
    uint32_t c = 0;
    for (char d : digits) {
      int v;
      if (d >= '0' && d <= '9') {
        v = d - '0';
      } else if (hex && d >= 'a' && d <= 'f') {
        v = d - 'a' + 10;
      } else if (hex && d >= 'A' && d <= 'F') {
        v = d - 'A' + 10;
      } else {
        return false;
      }
      c = c * (hex ? 16 : 10) + static_cast<uint32_t>(v);
    }
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      out->append(kReplacement);
    } else {
      AppendUtf8(static_cast<UChar32>(c), out);
    }
    *end = semi + 1;
    return true;
  }
  for (const NamedEntity& e : kEntities) {
    if (e.name == body) {
      out->append(e.utf8);
      *end = semi + 1;
      return true;
    }
  }
  return false;
}

bool IsMarkupStart(char c) { return c == '<' || c == '*' || c == '^' || c == '&'; }

bool MayHaveMarkup(std::string_view s) {
  for (char c : s) {
    if (IsMarkupStart(c)) return true;
  }
  return false;
}

// Removes the converter markup.  Works on bytes: every pattern is ASCII, and
// ASCII bytes never occur inside a multi-byte UTF-8 sequence.  Decoded
// entities are not rescanned, so "&lt;p&gt;" stays the text "<p>".
std::string StripMarkup(std::string_view s, char block_separator) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    // Copy the text up to the next character that may start markup.
    size_t j = i;
    while (j < s.size() && !IsMarkupStart(s[j])) ++j;
    out.append(s.substr(i, j - i));
    if (j == s.size()) break;
    i = j;
    const char c = s[i];
    size_t end = 0;
    if (c == '<') {
      const TagKind kind = MatchTag(s, i, &end);
      if (kind != TagKind::kNone) {
        if (kind == TagKind::kBlock) out.push_back(block_separator);
        i = end;
        continue;
      }
    } else if (c == '*') {
      // "**bold**" markers; a single '*' (a footnote mark) is text.
      size_t j = i;
      while (j < s.size() && s[j] == '*') ++j;
      if (j - i >= 2) {
        i = j;
        continue;
      }
    } else if (c == '^' && i + 1 < s.size() && s[i + 1] == '{') {
      // Superscripts: "2^{ème}" → "2ème", "1^{er}" → "1er".
      constexpr size_t kMaxSuperscript = 32;
      const std::string_view window = s.substr(i + 2, kMaxSuperscript + 1);
      const size_t close = window.find('}');
      if (close != std::string_view::npos) {
        const std::string_view inner = window.substr(0, close);
        if (inner.find_first_of("{\n") == std::string_view::npos) {
          out.append(inner);
          i += 2 + close + 1;
          continue;
        }
      }
    } else if (c == '&') {
      if (MatchEntity(s, i, &end, &out)) {
        i = end;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Pass 2: characters.

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const kNfc = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(ec);
    return U_SUCCESS(ec) ? n : nullptr;
  }();
  return kNfc;
}

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* const kNfkc = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(ec);
    return U_SUCCESS(ec) ? n : nullptr;
  }();
  return kNfkc;
}

const icu::Normalizer2* Nfd() {
  static const icu::Normalizer2* const kNfd = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(ec);
    return U_SUCCESS(ec) ? n : nullptr;
  }();
  return kNfd;
}

// Word processors' bullets in the Symbol and Wingdings fonts, which a PDF
// text layer may leave in the private use area (U+F000 + the font's code).
std::string_view PrivateUseBullet(UChar32 c) {
  switch (c) {
    case 0xF0B7:
      return "•";  // Symbol 0xB7
    case 0xF0A7:
      return "▪";  // Wingdings 0xA7
    case 0xF0D8:
      return "➢";  // Wingdings 0xD8
    case 0xF076:
      return "❖";  // Wingdings 'v'
    case 0xF0FC:
      return "✓";  // Wingdings 0xFC
    case 0xF06E:
      return "■";  // Wingdings 'n'
    case 0xF071:
      return "❑";  // Wingdings 'q'
    default:
      return {};
  }
}

// The text that stands for c wherever it appears, or "" when c has none:
// apostrophes and hyphens typed as other code points, ligatures, fullwidth
// signs.
std::string_view FixedReplacement(UChar32 c) {
  switch (c) {
    case 0x2019:  // ’
    case 0x2018:  // ‘
    case 0x201B:  // ‛
    case 0x02BC:  // ʼ
    case 0x2032:  // ′
    case 0x00B4:  // ´, typed for an apostrophe in French text ("l´ARS")
      return "'";
    case 0x2010:  // HYPHEN
    case 0x2011:  // NON-BREAKING HYPHEN: same hyphen, only the line breaking differs
      return "-";
    case 0xFB00:
      return "ff";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xFB03:
      return "ffi";
    case 0xFB04:
      return "ffl";
    case 0xFB05:  // ſt
    case 0xFB06:
      return "st";
    case 0xFFE0:
      return "¢";
    case 0xFFE1:
      return "£";
    case 0xFFE2:
      return "¬";
    case 0xFFE3:
      return "¯";
    case 0xFFE4:
      return "¦";
    case 0xFFE5:
      return "¥";
    case 0xFFE6:
      return "₩";
    default:
      return {};
  }
}

// Styled mathematical letters and digits, Roman numeral signs: NFKC's
// folding, or the code point unchanged when ICU cannot give it.
void WriteStyledLetter(UChar32 c, std::string_view bytes, LineWriter* w) {
  const icu::Normalizer2* nfkc = Nfkc();
  if (nfkc != nullptr) {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::UnicodeString folded = nfkc->normalize(icu::UnicodeString(c), ec);
    if (U_SUCCESS(ec)) {
      std::string utf8;
      AppendUnicodeString(folded, &utf8);
      w->Text(utf8);
      return;
    }
  }
  w->Text(bytes);
}

// Folds one non-ASCII code point (or writes it unchanged).  Compatibility
// folding is limited to characters that only change the look of text:
// ligatures, fullwidth forms, styled mathematical letters, Roman numeral
// signs.  ², ½, º, « », €, … carry meaning and are kept (full NFKC would turn
// "m²" into "m2" and "½" into "1⁄2").
void MapCodePoint(UChar32 c, std::string_view bytes, LineWriter* w) {
  // Latin-1 letters, the bulk of French text, need no work.
  if (c >= 0xC0 && c <= 0x17F) {
    w->Text(bytes);
    return;
  }
  if (c == 0x85 || c == 0x2028 || c == 0x2029) {  // NEXT LINE, LINE and PARAGRAPH SEPARATOR
    w->Newline();
    return;
  }
  if (const std::string_view fixed = FixedReplacement(c); !fixed.empty()) {
    w->Text(fixed);
    return;
  }
  if (c >= 0x80 && c <= 0x9F) {  // C1 controls: no text
    w->Space();
    return;
  }
  if (c >= 0xFF01 && c <= 0xFF5E) {  // fullwidth ASCII
    w->Ascii(static_cast<char>(c - 0xFEE0));
    return;
  }
  if (c >= 0xFE00 && c <= 0xFE0F) return;  // variation selectors ("✔️")
  if ((c >= 0x1D400 && c <= 0x1D7FF) || (c >= 0x2160 && c <= 0x217F)) {
    WriteStyledLetter(c, bytes, w);
    return;
  }
  if (c >= 0xF000 && c <= 0xF0FF) {
    const std::string_view bullet = PrivateUseBullet(c);
    w->Text(bullet.empty() ? bytes : bullet);
    return;
  }
  switch (u_charType(c)) {
    case U_SPACE_SEPARATOR:  // NBSP, narrow NBSP, thin space, em space…
      w->Space();
      return;
    case U_FORMAT_CHAR:  // soft hyphen, zero-width space/joiners, BOM, bidi marks
      return;
    default:
      w->Text(bytes);
      return;
  }
}

// True when p[i] starts a Latin-1 letter, U+00C0–U+00FF (× and ÷ come along:
// they need no mapping either).
bool IsLatin1Letter(const unsigned char* p, size_t n, size_t i) {
  return p[i] == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0xBF;
}

// True when c may make a string that holds it not NFC: its NFC quick check
// is not "yes", or it is a combining mark.  Everything below U+0300 is a
// plain starter, and that is most of a French text.
bool MayNeedNfc(UChar32 c) {
  if (c < 0x300) return false;
  return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
         u_getCombiningClass(c) != 0;
}

// Writes s through the character mapping.  Returns whether the output may
// need NFC.  Runs of printable ASCII and Latin-1 letters with single spaces
// between them need no mapping and are written in bulk.
bool MapChars(std::string_view s, LineWriter* w) {
  bool needs_nfc = false;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n) {
      if (IsPlainAscii(p[j])) {
        ++j;
      } else if (IsLatin1Letter(p, n, j)) {
        j += 2;
      } else if (p[j] == ' ' && j > i && j + 1 < n &&
                 (IsPlainAscii(p[j + 1]) || IsLatin1Letter(p, n, j + 1))) {
        ++j;  // a single space between words needs no collapsing
      } else {
        break;
      }
    }
    if (j > i) {
      w->Text(s.substr(i, j - i));
      i = j;
      continue;
    }
    if (p[i] < 0x80) {
      w->Ascii(s[i]);
      ++i;
      continue;
    }
    size_t len = 0;
    const int32_t c = DecodeUtf8(p + i, n - i, &len);
    if (c < 0) {
      w->Text(kReplacement);
    } else {
      needs_nfc = needs_nfc || MayNeedNfc(c);
      MapCodePoint(c, s.substr(i, len), w);
    }
    i += len;
  }
  return needs_nfc;
}

// ---------------------------------------------------------------------------
// Pass 3: NFC.

// Normalises s to NFC in pieces, because ICU's UTF-8 API takes int32_t
// lengths.  Pieces end before an ASCII byte: no ASCII character ever composes
// with what precedes it, so NFC of the pieces equals NFC of the whole.
std::string ToNfc(std::string s) {
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return s;
  constexpr size_t kPiece = size_t{1} << 24;
  if (s.size() <= kPiece) {
    UErrorCode ec = U_ZERO_ERROR;
    if (nfc->isNormalizedUTF8(s, ec) || U_FAILURE(ec)) return s;
    std::string out;
    out.reserve(s.size());
    icu::StringByteSink<std::string> sink(&out);
    ec = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, s, sink, nullptr, ec);
    return U_SUCCESS(ec) ? out : s;
  }
  std::string out;
  out.reserve(s.size());
  size_t start = 0;
  while (start < s.size()) {
    size_t end = std::min(s.size(), start + kPiece);
    if (end < s.size()) {
      size_t cut = end;
      while (cut > start && static_cast<unsigned char>(s[cut]) >= 0x80) --cut;
      if (cut > start) end = cut;  // else a 16 MB run without ASCII: cut anyway
    }
    const std::string_view piece(s.data() + start, end - start);
    UErrorCode ec = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out);
    nfc->normalizeUTF8(0, piece, sink, nullptr, ec);
    if (U_FAILURE(ec)) out.append(piece);
    start = end;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Small capitals split by a converter: "C ONTRAT L OCAL DE S ANTÉ DU H AUT
// A LLIER".  The capital of each word is set apart from its small capitals,
// which came out as capitals too.  Along a run of words in capitals, a
// capital alone followed by a word in capitals is a split word, when at
// least kSplitWordsInRun of them start with a letter that is not a French
// word of one letter ("A", "À", "Y"): one such pair is a phrase ("AIDE A
// DOMICILE"), a run of them is small capitals.

constexpr int kSplitWordsInRun = 2;

struct CapsToken {
  size_t begin, end;             // bytes of the token in the line
  int letters = 0;               // 0 when the token is not a word in capitals
  bool one_letter_word = false;  // "A", "À", "Y"
};

// The letters of a word in capitals (hyphens and apostrophes allowed), or 0.
CapsToken ScanCapsToken(std::string_view line, size_t begin, size_t end) {
  CapsToken t{begin, end};
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  int letters = 0;
  UChar32 first = 0;
  for (size_t i = begin; i < end;) {
    size_t len = 1;
    const UChar32 c = DecodeUtf8(p + i, end - i, &len);
    i += len;
    if (u_isupper(c)) {
      if (letters++ == 0) first = c;
    } else if (c != '-' && c != '\'') {
      return t;
    }
  }
  t.letters = letters;
  t.one_letter_word = letters == 1 && (first == 'A' || first == 'Y' || first == 0xC0);
  return t;
}

// Joins the split words of one line (no '\n' inside).
std::string JoinSplitCapitalsInLine(std::string_view line) {
  std::vector<CapsToken> tokens;
  for (size_t i = 0; i <= line.size();) {
    size_t end = line.find(' ', i);
    if (end == std::string_view::npos) end = line.size();
    tokens.push_back(ScanCapsToken(line, i, end));
    i = end + 1;
  }
  std::vector<bool> join(tokens.size(), false);
  for (size_t r = 0; r < tokens.size();) {
    size_t e = r;
    while (e < tokens.size() && tokens[e].letters > 0) ++e;
    int evidence = 0;
    for (size_t k = r; k + 1 < e; ++k) {
      if (tokens[k].letters == 1 && tokens[k + 1].letters >= 2) {
        join[k] = true;
        if (!tokens[k].one_letter_word) ++evidence;
      }
    }
    if (evidence < kSplitWordsInRun) std::fill(join.begin() + r, join.begin() + e, false);
    r = e + 1;
  }
  if (std::find(join.begin(), join.end(), true) == join.end()) return std::string(line);
  std::string out;
  out.reserve(line.size());
  for (size_t k = 0; k < tokens.size(); ++k) {
    out.append(line.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
    if (k + 1 < tokens.size() && !join[k]) out += ' ';
  }
  return out;
}

// The cheap test that spares nearly every text the token scan: at least
// kSplitWordsInRun capitals standing alone (not "A", "À", "Y") before a
// space and a capital.  "la CPAM", "M. DUPONT" or "à Paris" are not.
bool MayHaveSplitCapitals(std::string_view s) {
  int found = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t letter = 0;  // bytes of a capital starting at i
    if (c >= 'B' && c <= 'Z' && c != 'Y') {
      letter = 1;
    } else if (c == 0xC3 && static_cast<unsigned char>(s[i + 1]) > 0x80 &&
               static_cast<unsigned char>(s[i + 1]) < 0x9F) {
      letter = 2;  // É, È, Ô… but not À
    }
    if (letter == 0 || (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n')) continue;
    if (i + letter + 1 >= s.size() || s[i + letter] != ' ') continue;
    const auto next = static_cast<unsigned char>(s[i + letter + 1]);
    if (((next >= 'A' && next <= 'Z') || next == 0xC3) && ++found >= kSplitWordsInRun) {
      return true;
    }
  }
  return false;
}

std::string JoinSplitCapitals(std::string s) {
  if (!MayHaveSplitCapitals(s)) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i <= s.size();) {
    size_t end = s.find('\n', i);
    if (end == std::string::npos) end = s.size();
    out += JoinSplitCapitalsInLine(std::string_view(s).substr(i, end - i));
    if (end < s.size()) out += '\n';
    i = end + 1;
  }
  return out;
}

std::string Normalize(std::string_view text, bool cell) {
  std::string stripped;
  if (MayHaveMarkup(text)) {
    stripped = StripMarkup(text, cell ? '\n' : ' ');
    text = stripped;
  }
  std::string out;
  out.reserve(text.size());
  LineWriter w(&out, cell);
  const bool needs_nfc = MapChars(text, &w);
  w.Finish();
  if (!needs_nfc) return JoinSplitCapitals(std::move(out));
  return JoinSplitCapitals(ToNfc(std::move(out)));
}

// ---------------------------------------------------------------------------
// Bullets.

struct Bullet {
  std::string_view text;
  bool needs_space;  // "-5%", "-toto", "*note" are not list items
};

constexpr Bullet kBullets[] = {
    {"-", true},  {"*", true},  {"–", true},  {"—", true},  {"❖", false}, {"▶", false},
    {"►", false}, {"▸", false}, {"✓", false}, {"✔", false}, {"•", false}, {"·", false},
    {"●", false}, {"■", false}, {"□", false}, {"▪", false}, {"◆", false}, {"◇", false},
    {"❑", false}, {"◦", false}, {"○", false}, {"➢", false}, {"➤", false}, {"➔", false},
    {"→", false}, {"⇒", false}, {"‣", false}, {"⁃", false}, {"◼", false}, {"✗", false},
    {"✘", false},
};

size_t MatchBullet(std::string_view s) {
  for (const Bullet& b : kBullets) {
    if (s.substr(0, b.text.size()) != b.text) continue;
    if (b.needs_space && (s.size() == b.text.size() || s[b.text.size()] != ' ')) continue;
    return b.text.size();
  }
  return 0;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// ---------------------------------------------------------------------------
// Line joining.

std::string_view TrimBlanks(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Length in bytes of the hyphen at the end of s ('-', U+2010, U+2011), or 0.
size_t TrailingHyphen(std::string_view s) {
  if (!s.empty() && s.back() == '-') return 1;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x90") return 3;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x91") return 3;
  return 0;
}

// The code point that ends s, or -1.
int32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  size_t start = s.size() - 1;
  while (start > 0 && s.size() - start < 4 &&
         (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t len = 0;
  const int32_t c =
      DecodeUtf8(reinterpret_cast<const unsigned char*>(s.data()) + start, s.size() - start, &len);
  return (c >= 0 && start + len == s.size()) ? c : -1;
}

int32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  size_t len = 0;
  return DecodeUtf8(reinterpret_cast<const unsigned char*>(s.data()), s.size(), &len);
}

bool FirstWordHasHyphen(std::string_view s) {
  const std::string_view word = s.substr(0, s.find_first_of(" \t"));
  return word.find('-') != std::string_view::npos ||
         word.find("\xE2\x80\x90") != std::string_view::npos ||
         word.find("\xE2\x80\x91") != std::string_view::npos;
}

// ---------------------------------------------------------------------------
// Folding.

// Appends the fold of a run of non-ASCII text.  Runs are split only at ASCII
// bytes, which are boundaries for both case folding and NFD.
void FoldNonAscii(std::string_view run, std::string* out) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(run);
  u.foldCase(U_FOLD_CASE_DEFAULT);
  const icu::Normalizer2* nfd = Nfd();
  if (nfd != nullptr) {
    UErrorCode ec = U_ZERO_ERROR;
    icu::UnicodeString d = nfd->normalize(u, ec);
    if (U_SUCCESS(ec)) u = std::move(d);
  }
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    const uint32_t mask = U_GET_GC_MASK(c);
    if (mask & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK)) continue;
    if (c == 0x153) {
      out->append("oe");
    } else if (c == 0xE6) {
      out->append("ae");
    } else if (mask & (U_GC_P_MASK | U_GC_S_MASK | U_GC_Z_MASK | U_GC_CC_MASK)) {
      out->push_back(' ');
    } else {
      AppendUtf8(c, out);
    }
  }
}

}  // namespace

std::string NormalizeText(std::string_view text) { return Normalize(text, /*cell=*/false); }

std::string NormalizeCell(std::string_view html) { return Normalize(html, /*cell=*/true); }

size_t BulletPrefixLength(std::string_view line) {
  size_t pos = SkipSpaces(line, 0);
  size_t end = 0;
  while (pos < line.size()) {
    const size_t n = MatchBullet(line.substr(pos));
    if (n == 0) break;
    pos = SkipSpaces(line, pos + n);
    end = pos;
  }
  return end;
}

std::string JoinLines(std::string_view first, std::string_view second) {
  first = TrimBlanks(first);
  second = TrimBlanks(second);
  if (first.empty()) return std::string(second);
  if (second.empty()) return std::string(first);

  std::string out;
  out.reserve(first.size() + second.size() + 1);
  // A soft hyphen marks a break inside a word by definition.
  if (first.size() >= 2 && first.substr(first.size() - 2) == "\xC2\xAD") {
    out.append(first.substr(0, first.size() - 2));
    out.append(second);
    return out;
  }
  const size_t hyphen = TrailingHyphen(first);
  if (hyphen > 0) {
    const std::string_view stem = first.substr(0, first.size() - hyphen);
    const int32_t before = LastCodePoint(stem);
    if (before >= 0 && u_isalpha(before)) {
      const int32_t next = FirstCodePoint(second);
      if (next >= 0 && u_islower(next) && !FirstWordHasHyphen(second)) {
        // "représen-" + "tant".  Also "psycho-" + "sociales" → "psychosociales":
        // telling a broken compound from a broken word needs a dictionary.
        out.append(stem);
        out.append(second);
        return out;
      }
      if (next >= 0 && (u_isalpha(next) || u_isdigit(next))) {
        // "Saint-" + "Omer", "Hauts-" + "de-France", "COVID-" + "19".
        out.append(first);
        out.append(second);
        return out;
      }
    }
  }
  out.append(first);
  out.push_back(' ');
  out.append(second);
  return out;
}

std::string FoldForMatch(std::string_view text) {
  const std::string normalized = NormalizeText(text);
  std::string folded;
  folded.reserve(normalized.size());
  const std::string_view s = normalized;
  size_t i = 0;
  while (i < s.size()) {
    // A run of ASCII bytes, each folded to one byte, written in place (a
    // push_back a byte cost about twice the instructions).
    size_t ascii_end = i;
    while (ascii_end < s.size() && static_cast<unsigned char>(s[ascii_end]) < 0x80) ++ascii_end;
    if (ascii_end > i) {
      const size_t at = folded.size();
      folded.resize(at + (ascii_end - i));
      char* o = folded.data() + at;
      for (size_t k = i; k < ascii_end; ++k) *o++ = IsAsciiAlnum(s[k]) ? AsciiLower(s[k]) : ' ';
      i = ascii_end;
      continue;
    }
    // Bounded runs keep UnicodeString's int32_t lengths safe; cutting at a
    // lead byte keeps code points whole.
    constexpr size_t kMaxRun = size_t{1} << 16;
    size_t j = i + 1;
    while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80 &&
           (j - i < kMaxRun || (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)) {
      ++j;
    }
    FoldNonAscii(s.substr(i, j - i), &folded);
    i = j;
  }
  // Collapse and trim the spaces, in place: what is written never passes
  // what is read (a space written stands for one or more read).
  char* const begin = folded.data();
  char* o = begin;
  bool pending = false;
  for (size_t k = 0; k < folded.size(); ++k) {
    const char c = begin[k];
    if (c == ' ') {
      pending = o != begin;
    } else {
      if (pending) *o++ = ' ';
      pending = false;
      *o++ = c;
    }
  }
  folded.resize(static_cast<size_t>(o - begin));
  return folded;
}

}  // namespace clsdb
