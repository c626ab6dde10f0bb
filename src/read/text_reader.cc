// DecodeText: a text file's bytes → UTF-8 pages.
//
// Steps, in order:
//   1. Charset: a BOM wins; else UTF-16 is recognised by its NUL bytes all on
//      one side of each pair; else valid UTF-8 is UTF-8; else the file is
//      8-bit, windows-1252 unless it looks like ISO-8859-15 (see
//      ChooseEightBitCharset).
//   2. Binary check, on the source units so that errors name byte offsets.
//   3. Conversion to UTF-8 with ICU (invalid sequences → U+FFFD).
//   4. Line endings: \r\n and \r → \n.
//   5. Pages: split on form feed.

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "read/reader.h"

namespace clsdb {

namespace {

// ---------------------------------------------------------------------------
// Step 1: charset.

bool HasPrefix(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

enum class Utf16Order { kLittle, kBig };

// UTF-16 without a BOM: in Latin-script text nearly every unit has a zero
// high byte, so NULs crowd on one side of the byte pairs.  Binary data has
// NULs on both sides; UTF-32 too.  Samples the start of the file.
std::optional<Utf16Order> SniffUtf16(std::string_view bytes) {
  constexpr size_t kSample = 1 << 16;
  const size_t pairs = std::min(bytes.size(), kSample) / 2;
  if (pairs == 0) return std::nullopt;
  size_t even_nuls = 0, odd_nuls = 0;
  for (size_t i = 0; i < pairs; ++i) {
    if (bytes[2 * i] == '\0') ++even_nuls;
    if (bytes[2 * i + 1] == '\0') ++odd_nuls;
  }
  // At least 30% of units with a zero byte on one side, and ten times fewer
  // on the other.
  if (odd_nuls * 10 >= pairs * 3 && even_nuls * 10 <= odd_nuls) return Utf16Order::kLittle;
  if (even_nuls * 10 >= pairs * 3 && odd_nuls * 10 <= even_nuls) return Utf16Order::kBig;
  return std::nullopt;
}

struct Utf8Scan {
  size_t multibyte = 0;  // well-formed sequences of 2 to 4 bytes
  size_t invalid = 0;    // ill-formed sequences
};

// Length of the well-formed UTF-8 sequence at s[i], or 0.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  size_t len = 0;
  const int32_t c =
      DecodeUtf8(reinterpret_cast<const unsigned char*>(s.data()) + i, s.size() - i, &len);
  return c < 0 ? 0 : len;
}

// The eight bytes at p, as one word.
std::uint64_t Load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

constexpr std::uint64_t kEachByte = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// Whether all eight bytes of w are printable ASCII (0x20-0x7E): none has
// its high bit set, none is below 0x20 and none is DEL.  A byte below 0x80
// is below 0x20 exactly when subtracting 0x20 borrows into its high bit.
bool AllPrintable(std::uint64_t w) {
  const std::uint64_t del = w ^ (0x7F * kEachByte);
  return (w & kHighBits) == 0 && ((w - 0x20 * kEachByte) & ~w & kHighBits) == 0 &&
         ((del - kEachByte) & ~del & kHighBits) == 0;
}

Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan scan;
  size_t i = 0;
  while (i < s.size()) {
    // Eight ASCII bytes at a time: most of a French text.
    while (i + 8 <= s.size() && (Load8(s.data() + i) & kHighBits) == 0) i += 8;
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t len = Utf8SequenceLength(s, i);
    if (len == 0) {
      ++scan.invalid;
      ++i;
    } else {
      ++scan.multibyte;
      i += len;
    }
  }
  return scan;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
// Letters of ASCII and of the upper half shared by windows-1252 and
// ISO-8859-15 (À…ÿ, minus × and ÷).
bool IsLatinLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
}

// windows-1252 and ISO-8859-15 agree on printable ASCII and on most of
// 0xA0–0xFF; they differ where French text tells them apart:
//   - 0x80–0x9F are printable in windows-1252 (’ = 0x92, œ = 0x9C, € = 0x80)
//     and controls in ISO-8859-15: any of them means windows-1252;
//   - ISO-8859-15 has € at 0xA4 (windows-1252: ¤, never written in French)
//     and œ/Œ at 0xBD/0xBC (windows-1252: ½/¼, never inside a word).
// So: ISO-8859-15 when no byte is in 0x80–0x9F and 0xA4 sits next to a
// digit ("12 €", "€5") or between letters or digits, or 0xBC/0xBD sits
// inside or at the start of a word ("c\xBDur", "\xBCuvre").
// windows-1252 otherwise: it is also the right answer for ISO-8859-1, whose
// printable characters it includes.
const char* ChooseEightBitCharset(std::string_view s) {
  bool iso_8859_15_hint = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80 && b <= 0x9F) return "windows-1252";
    if (iso_8859_15_hint) continue;
    const unsigned char prev = i > 0 ? static_cast<unsigned char>(s[i - 1]) : 0;
    const unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (b == 0xA4) {
      const unsigned char prev2 = i > 1 ? static_cast<unsigned char>(s[i - 2]) : 0;
      const unsigned char next2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
      iso_8859_15_hint =
          IsAsciiDigit(prev) || IsAsciiDigit(next) || (prev == ' ' && IsAsciiDigit(prev2)) ||
          (next == ' ' && IsAsciiDigit(next2)) || (IsAsciiAlnum(prev) && IsAsciiAlnum(next));
    } else if (b == 0xBC || b == 0xBD) {
      // Inside a word ("c\xBDur") or starting one ("\xBCuvre"); ½ and ¼
      // follow digits or stand alone.
      const bool word_start = prev == 0 || prev == ' ' || prev == '\n' || prev == '\'';
      iso_8859_15_hint = IsLatinLetter(next) && (IsLatinLetter(prev) || word_start);
    }
  }
  return iso_8859_15_hint ? "ISO-8859-15" : "windows-1252";
}

// ---------------------------------------------------------------------------
// Step 2: binary check.

// Control characters that text files do carry.
bool IsTextControl(uint32_t c) { return c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsControl(uint32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F); }

// Counts control characters; a NUL is binary at once.  Feed it the source
// units with their byte offsets.
class BinaryCheck {
 public:
  explicit BinaryCheck(const char* nul_name) : nul_name_(nul_name) {}

  // A printable ASCII character: nothing to check, only to count.  Most of a
  // text is this, so it skips Add's tests.
  void AddPrintable(size_t count = 1) { units_ += count; }

  // Returns false when c is a NUL (the check has then failed).
  bool Add(uint32_t c, size_t offset) {
    ++units_;
    if (c == 0) {
      status_ = Status::Corruption("binary content: " + std::string(nul_name_) + " at offset " +
                                   std::to_string(offset));
      return false;
    }
    if (IsControl(c) && !IsTextControl(c)) {
      if (controls_ == 0) first_control_ = offset;
      ++controls_;
    }
    return true;
  }

  // A few stray controls (an ESC, a DEL) in a real text are tolerated and
  // turned into spaces later; more than 1% of the characters is binary.
  Status Finish(size_t total_bytes) const {
    if (!status_.ok()) return status_;
    if (controls_ * 100 > units_) {
      return Status::Corruption("binary content: " + std::to_string(controls_) +
                                " control characters in " + std::to_string(total_bytes) +
                                " bytes (more than 1%), first at offset " +
                                std::to_string(first_control_));
    }
    return Status::OK();
  }

 private:
  const char* nul_name_;
  Status status_;
  size_t units_ = 0;
  size_t controls_ = 0;
  size_t first_control_ = 0;
};

// UTF-8 (possibly with ill-formed bytes, which count as neither).
Status CheckUtf8(std::string_view s, size_t base) {
  BinaryCheck check("NUL byte");
  for (size_t i = 0; i < s.size(); ++i) {
    // Eight printable ASCII bytes at a time (each line's end and every
    // accented letter go byte by byte below).
    while (i + 8 <= s.size() && AllPrintable(Load8(s.data() + i))) {
      check.AddPrintable(8);
      i += 8;
    }
    if (i >= s.size()) break;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F) {
      check.AddPrintable();
    } else if (b < 0x80) {
      if (!check.Add(b, base + i)) break;
    } else if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F &&
               static_cast<unsigned char>(s[i + 1]) >= 0x80) {
      check.Add(static_cast<unsigned char>(s[i + 1]), base + i);  // a C1 control
      ++i;
    } else if ((b & 0xC0) != 0x80) {
      check.Add(0xFFFD, base + i);  // any other character; continuation bytes are not counted
    }
  }
  return check.Finish(base + s.size());
}

// 8-bit charsets: 0x80–0x9F are printable in windows-1252, and in
// ISO-8859-15 we never choose when they occur, so only C0 and DEL count.
Status CheckEightBit(std::string_view s) {
  BinaryCheck check("NUL byte");
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (!check.Add(b >= 0x80 ? 0xFFFD : b, i)) break;
  }
  return check.Finish(s.size());
}

Status CheckUtf16(std::string_view s, size_t base, Utf16Order order) {
  BinaryCheck check("NUL character");
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const uint32_t unit = order == Utf16Order::kLittle ? (b1 << 8 | b0) : (b0 << 8 | b1);
    if (!check.Add(unit, base + i)) break;
  }
  return check.Finish(base + s.size());
}

// ---------------------------------------------------------------------------
// Step 3: conversion.

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Converts s from charset `from` to UTF-8 in chunks (ICU's buffers take
// int32_t sizes; a file may be larger).  Ill-formed input becomes U+FFFD.
Result<std::string> ConvertToUtf8(std::string_view s, const char* from) {
  UErrorCode ec = U_ZERO_ERROR;
  ConverterPtr source(ucnv_open(from, &ec));
  if (U_FAILURE(ec)) {
    return Status::Internal(std::string("ICU cannot open converter ") + from + ": " +
                            u_errorName(ec));
  }
  ConverterPtr target(ucnv_open("UTF-8", &ec));
  if (U_FAILURE(ec)) {
    return Status::Internal(std::string("ICU cannot open converter UTF-8: ") + u_errorName(ec));
  }
  // The default to-Unicode callback substitutes U+001A for some single-byte
  // charsets; ask for U+FFFD, the replacement character, everywhere.
  ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &ec);
  ec = U_ZERO_ERROR;

  std::string out;
  out.reserve(s.size() + s.size() / 4);
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  char buffer[1 << 16];
  const char* src = s.data();
  const char* const src_end = s.data() + s.size();
  bool reset = true;
  do {
    ec = U_ZERO_ERROR;
    char* dst = buffer;
    ucnv_convertEx(target.get(), source.get(), &dst, buffer + sizeof(buffer), &src, src_end, pivot,
                   &pivot_source, &pivot_target, pivot + std::size(pivot), reset, /*flush=*/true,
                   &ec);
    reset = false;
    out.append(buffer, static_cast<size_t>(dst - buffer));
  } while (ec == U_BUFFER_OVERFLOW_ERROR);
  if (U_FAILURE(ec)) {
    return Status::Internal(std::string("ICU conversion from ") + from +
                            " failed: " + u_errorName(ec));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Steps 4 and 5.

std::string NormalizeLineEndings(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t cr = s.find('\r', i);
    if (cr == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, cr - i));
    out.push_back('\n');
    i = cr + 1;
    if (i < s.size() && s[i] == '\n') ++i;
  }
  return out;
}

std::vector<RawPage> SplitPages(const std::string& text) {
  std::vector<RawPage> pages;
  size_t start = 0;
  while (true) {
    const size_t ff = text.find('\f', start);
    const size_t end = ff == std::string::npos ? text.size() : ff;
    // The form feed that ends the last page does not open an empty one.
    if (ff == std::string::npos && start == text.size() && !pages.empty()) break;
    RawPage page;
    page.page_no = static_cast<int>(pages.size()) + 1;
    page.has_text_layer = true;
    page.text = text.substr(start, end - start);
    pages.push_back(std::move(page));
    if (ff == std::string::npos) break;
    start = ff + 1;
  }
  return pages;
}

}  // namespace

Result<RawDocument> DecodeText(const std::string& bytes) {
  if (bytes.empty()) return Status::Corruption("empty file");
  const std::string_view all = bytes;

  std::string encoding;
  std::string utf8;
  Status status;
  std::optional<Utf16Order> utf16;
  size_t bom = 0;
  if (HasPrefix(all, "\xEF\xBB\xBF")) {
    encoding = "UTF-8 (BOM)";
    bom = 3;
  } else if (HasPrefix(all, "\xFF\xFE")) {
    utf16 = Utf16Order::kLittle;
    bom = 2;
  } else if (HasPrefix(all, "\xFE\xFF")) {
    utf16 = Utf16Order::kBig;
    bom = 2;
  } else {
    utf16 = SniffUtf16(all);
  }
  const std::string_view body = all.substr(bom);

  if (utf16) {
    const bool little = *utf16 == Utf16Order::kLittle;
    encoding = little ? "UTF-16LE" : "UTF-16BE";
    status = CheckUtf16(body, bom, *utf16);
    if (!status.ok()) return status;
    Result<std::string> converted = ConvertToUtf8(body, encoding.c_str());
    if (!converted.ok()) return converted.status();
    utf8 = converted.take();
  } else {
    const Utf8Scan scan = ScanUtf8(body);
    // A UTF-8 file with a few stray 8-bit bytes (a pasted windows-1252
    // fragment) stays UTF-8: reading it all as 8-bit would garble every
    // accented letter.  A BOM says UTF-8 whatever follows.
    const bool is_utf8 = bom == 3 || scan.invalid == 0 || scan.multibyte >= 4 * scan.invalid;
    if (is_utf8) {
      if (encoding.empty()) encoding = "UTF-8";
      if (scan.invalid > 0) encoding += " (invalid bytes replaced)";
      status = CheckUtf8(body, bom);
      if (!status.ok()) return status;
      if (scan.invalid == 0) {
        utf8.assign(body);
      } else {
        Result<std::string> converted = ConvertToUtf8(body, "UTF-8");
        if (!converted.ok()) return converted.status();
        utf8 = converted.take();
      }
    } else {
      status = CheckEightBit(body);
      if (!status.ok()) return status;
      encoding = ChooseEightBitCharset(body);
      Result<std::string> converted = ConvertToUtf8(body, encoding.c_str());
      if (!converted.ok()) return converted.status();
      utf8 = converted.take();
    }
  }

  RawDocument doc;
  doc.size = bytes.size();
  doc.encoding = std::move(encoding);
  doc.pages = SplitPages(NormalizeLineEndings(utf8));
  return doc;
}

}  // namespace clsdb
