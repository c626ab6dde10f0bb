// DecodeUtf8: the one UTF-8 decoder of clsdb (the text reader's encoding
// sniffing and normalize/'s per-character passes both use it).  Our own
// rather than ICU's U8_NEXT: U8_NEXT indexes with int32_t, and a whole page
// of text may in principle exceed that.
#ifndef CLSDB_CORE_UTF8_H_
#define CLSDB_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace clsdb {

// Decodes the code point at s[0..n).  REQUIRES: n >= 1.  On success returns
// it and sets *len to its byte length.  On an ill-formed sequence (an
// overlong form, a surrogate, above U+10FFFF, or cut short by n) returns -1
// and sets *len to the length of its maximal subpart (at least 1), so that
// each ill-formed piece becomes exactly one U+FFFD, as the Unicode standard
// recommends.
inline int32_t DecodeUtf8(const unsigned char* s, size_t n, size_t* len) {
  const unsigned char b0 = s[0];
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  int need;
  int32_t c;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    c = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    c = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    *len = 1;
    return -1;
  }
  size_t i = 1;
  for (int k = 0; k < need; ++k, ++i) {
    if (i >= n) {
      *len = i;
      return -1;
    }
    const unsigned char b = s[i];
    const unsigned char l = (k == 0) ? lo : 0x80;
    const unsigned char h = (k == 0) ? hi : 0xBF;
    if (b < l || b > h) {
      *len = i;
      return -1;
    }
    c = (c << 6) | (b & 0x3F);
  }
  *len = i;
  return c;
}

// Appends code point c to *out as UTF-8.  What is not a Unicode scalar
// value (a surrogate, past U+10FFFF: a font's broken ToUnicode map, say)
// becomes U+FFFD, so that what is written is always well-formed.
inline void AppendUtf8(uint32_t c, std::string* out) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The longest prefix of text of at most max_bytes that does not cut a UTF-8
// sequence in half.
inline std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

// The code points of text, counting its UTF-8 lead bytes: a width in
// characters for text whose bytes hold accents.
inline size_t CountCodePoints(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace clsdb

#endif  // CLSDB_CORE_UTF8_H_
