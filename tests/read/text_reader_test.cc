// DecodeText: charsets, binary input, line endings and pages.  The byte
// strings are built here, so every encoding is exercised without fixtures.

#include <catch2/catch.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "read/reader.h"

namespace clsdb {
namespace {

// UTF-16 code units → bytes in the given order, optionally with a BOM.
std::string Utf16Bytes(const std::u16string& units, bool little, bool bom) {
  std::string out;
  auto put = [&](char16_t u) {
    const char hi = static_cast<char>(u >> 8);
    const char lo = static_cast<char>(u & 0xFF);
    out.push_back(little ? lo : hi);
    out.push_back(little ? hi : lo);
  };
  if (bom) put(0xFEFF);
  for (char16_t u : units) put(u);
  return out;
}

std::string AllText(const RawDocument& doc) {
  std::string text;
  for (const RawPage& page : doc.pages) {
    if (!text.empty()) text += '\f';
    text += page.text;
  }
  return text;
}

// ---------------------------------------------------------------------------
// Charsets.

TEST_CASE("DecodeText reads UTF-8 without a BOM", "[read][text]") {
  const std::string bytes = "Contrat Local de Santé\nœuvre – 12 €\n";
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE(doc.ok());
  CHECK(doc->encoding == "UTF-8");
  REQUIRE(doc->pages.size() == 1);
  CHECK(doc->pages[0].text == bytes);
  CHECK(doc->pages[0].page_no == 1);
  CHECK(doc->pages[0].has_text_layer);
  CHECK(doc->size == bytes.size());
  CHECK(doc->path.empty());
  CHECK(doc->format == SourceFormat::kText);
  CHECK(doc->sha256.empty());
}

TEST_CASE("DecodeText reads UTF-8 with a BOM and drops the BOM", "[read][text]") {
  Result<RawDocument> doc = DecodeText("\xEF\xBB\xBFSanté");
  REQUIRE(doc.ok());
  CHECK(doc->encoding == "UTF-8 (BOM)");
  REQUIRE(doc->pages.size() == 1);
  CHECK(doc->pages[0].text == "Santé");
}

TEST_CASE("DecodeText reads UTF-16 in both orders, with and without BOM", "[read][text]") {
  // "Santé – 12 €" then a line break and a character outside the BMP.
  const std::u16string units = u"Sant\u00E9 \u2013 12 \u20AC\r\nl\u2019ARS \U0001D400 \u0153uvre\n";
  const std::string want = "Santé – 12 €\nl’ARS 𝐀 œuvre\n";
  auto [little, bom, encoding] = GENERATE(table<bool, bool, std::string>({
      {true, true, "UTF-16LE"},
      {true, false, "UTF-16LE"},
      {false, true, "UTF-16BE"},
      {false, false, "UTF-16BE"},
  }));
  CAPTURE(little, bom);
  Result<RawDocument> doc = DecodeText(Utf16Bytes(units, little, bom));
  REQUIRE(doc.ok());
  CHECK(doc->encoding == encoding);
  REQUIRE(doc->pages.size() == 1);
  CHECK(doc->pages[0].text == want);
}

TEST_CASE("DecodeText replaces broken UTF-16 with U+FFFD", "[read][text]") {
  SECTION("an unpaired surrogate") {
    const std::u16string units = {u'a', 0xD800, u'b'};
    Result<RawDocument> doc = DecodeText(Utf16Bytes(units, true, true));
    REQUIRE(doc.ok());
    CHECK(AllText(*doc) ==
          "a\xEF\xBF\xBD"
          "b");
  }
  SECTION("an odd number of bytes") {
    std::string bytes = Utf16Bytes(u"abc", true, true);
    bytes.push_back('d');
    Result<RawDocument> doc = DecodeText(bytes);
    REQUIRE(doc.ok());
    CHECK(AllText(*doc) == "abc\xEF\xBF\xBD");
  }
}

TEST_CASE("DecodeText reads windows-1252", "[read][text]") {
  using Case = std::tuple<std::string, std::string>;  // bytes, UTF-8
  auto [bytes, want] = GENERATE(table<std::string, std::string>({
      Case{"caf\xE9", "café"},
      Case{"\x9Cuvre", "œuvre"},
      Case{"C\x8Cur", "CŒur"},
      Case{"l\x92"
           "ARS",
           "l’ARS"},
      Case{"12 \x80", "12 €"},  // windows-1252 €
      Case{"\x96 x \x85", "– x …"},
      Case{"\xAB oui \xBB", "« oui »"},
      // ISO-8859-1 text reads the same as windows-1252.
      Case{"d\xE9j\xE0 \xE0 l'\xE9t\xE9", "déjà à l'été"},
      // ¤ next to a digit, but 0x92 proves windows-1252.
      Case{"12 \xA4 l\x92"
           "ARS",
           "12 ¤ l’ARS"},
      // ½ after a digit is a fraction, not œ.
      Case{"1\xBD journ\xE9"
           "e",
           "1½ journée"},
  }));
  CAPTURE(bytes);
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE(doc.ok());
  CHECK(doc->encoding == "windows-1252");
  CHECK(AllText(*doc) == want);
}

TEST_CASE("DecodeText recognises ISO-8859-15 by its euro sign and œ", "[read][text]") {
  using Case = std::tuple<std::string, std::string>;
  auto [bytes, want] = GENERATE(table<std::string, std::string>({
      Case{"Prix : 12 \xA4", "Prix : 12 €"},
      Case{"Budget : 5\xA4 par an, d\xE9j\xE0", "Budget : 5€ par an, déjà"},
      Case{"\xA4 120", "€ 120"},
      Case{"c\xBDur de ville", "cœur de ville"},
      Case{"\xBCuvre", "Œuvre"},
  }));
  CAPTURE(bytes);
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE(doc.ok());
  CHECK(doc->encoding == "ISO-8859-15");
  CHECK(AllText(*doc) == want);
}

TEST_CASE("DecodeText keeps UTF-8 with a few stray 8-bit bytes", "[read][text]") {
  const std::string bytes = "Santé, équipe, défi, vérité : caf\xE9";
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE(doc.ok());
  CHECK(doc->encoding == "UTF-8 (invalid bytes replaced)");
  CHECK(AllText(*doc) == "Santé, équipe, défi, vérité : caf\xEF\xBF\xBD");
}

TEST_CASE("DecodeText keeps a UTF-8 file with a BOM as UTF-8 despite invalid bytes",
          "[read][text]") {
  Result<RawDocument> doc = DecodeText(
      "\xEF\xBB\xBF"
      "caf\xE9");
  REQUIRE(doc.ok());
  CHECK(doc->encoding == "UTF-8 (BOM) (invalid bytes replaced)");
  CHECK(AllText(*doc) == "caf\xEF\xBF\xBD");
}

// ---------------------------------------------------------------------------
// Errors.

TEST_CASE("DecodeText rejects an empty file", "[read][text]") {
  Result<RawDocument> doc = DecodeText("");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == Status::Code::kCorruption);
  CHECK(doc.status().message() == "empty file");
}

TEST_CASE("DecodeText rejects binary content and names the offset", "[read][text]") {
  using Case = std::tuple<std::string, std::string>;  // bytes, message
  auto [bytes, message] = GENERATE(table<std::string, std::string>({
      // 8-bit (not valid UTF-8).
      Case{std::string("caf\xE9\0suite", 10), "binary content: NUL byte at offset 4"},
      // A PNG header.
      Case{std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
           "binary content: NUL byte at offset 8"},
      // Valid UTF-8 apart from the NUL.
      Case{std::string("Santé\0", 7), "binary content: NUL byte at offset 6"},
      // UTF-16 with a BOM: offsets count the BOM's bytes.
      Case{Utf16Bytes(std::u16string(u"ab\0c", 4), true, true),
           "binary content: NUL character at offset 6"},
  }));
  CAPTURE(bytes);
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == Status::Code::kCorruption);
  CHECK(doc.status().message() == message);
}

TEST_CASE("DecodeText rejects text with more than 1% control characters", "[read][text]") {
  std::string bytes(200, 'a');
  bytes[10] = '\x01';
  bytes[50] = '\x1B';
  bytes[90] = '\x7F';
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == Status::Code::kCorruption);
  CHECK(doc.status().message() ==
        "binary content: 3 control characters in 200 bytes (more than 1%), first at offset 10");
}

TEST_CASE("DecodeText finds a NUL or a control character at every offset", "[read][text]") {
  // The check reads printable ASCII eight bytes at a time: a NUL, a C0
  // control or DEL is found wherever it falls in or across those words.
  for (const char control : {'\x01', '\x1B', '\x1F', '\x7F'}) {
    for (size_t at = 0; at + 2 < 100; ++at) {
      std::string bytes(100, 'a');
      bytes[at] = control;
      bytes[at + 2] = control;  // 2% of the characters
      CAPTURE(static_cast<int>(control), at);
      Result<RawDocument> doc = DecodeText(bytes);
      REQUIRE_FALSE(doc.ok());
      CHECK(doc.status().message() ==
            "binary content: 2 control characters in 100 bytes (more than 1%), first at offset " +
                std::to_string(at));
    }
  }
  for (size_t at = 0; at < 100; ++at) {
    std::string bytes(100, 'a');
    bytes.replace(at / 2, 2, "\xC3\xA9");  // an \u00e9 somewhere: still UTF-8
    bytes[at] = '\0';
    CAPTURE(at);
    Result<RawDocument> doc = DecodeText(bytes);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().message() == "binary content: NUL byte at offset " + std::to_string(at));
  }
}

TEST_CASE("DecodeText tolerates a few control characters and the text ones", "[read][text]") {
  std::string bytes(200, 'a');
  bytes[10] = '\x1B';  // one stray ESC: 0.5%
  bytes[20] = '\t';
  bytes[30] = '\f';
  bytes[40] = '\r';
  bytes[41] = '\n';
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE(doc.ok());
  CHECK(doc->pages.size() == 2);
}

TEST_CASE("DecodeText rejects random binary data", "[read][text]") {
  // A deterministic pseudo-random byte string (a linear congruential
  // generator), as a compressed or image file would look.
  std::string bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>(x >> 24));
  }
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == Status::Code::kCorruption);
  CHECK_THAT(doc.status().message(), Catch::StartsWith("binary content: "));
}

// ---------------------------------------------------------------------------
// Line endings and pages.

TEST_CASE("DecodeText turns CRLF and CR into LF", "[read][text]") {
  using Case = std::tuple<std::string, std::string>;
  auto [bytes, want] = GENERATE(table<std::string, std::string>({
      Case{"a\r\nb\r\n", "a\nb\n"}, Case{"a\rb\rc", "a\nb\nc"}, Case{"a\r\rb", "a\n\nb"},
      Case{"a\n\rb", "a\n\nb"}, Case{"\r\n", "\n"}, Case{"caf\xE9\r\n", "café\n"},  // windows-1252
  }));
  CAPTURE(bytes);
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE(doc.ok());
  CHECK(AllText(*doc) == want);
}

TEST_CASE("DecodeText splits pages on form feeds", "[read][text]") {
  using Case = std::tuple<std::string, std::vector<std::string>>;
  auto [bytes, want] = GENERATE(table<std::string, std::vector<std::string>>({
      Case{"une page", {"une page"}}, Case{"p1\fp2\fp3", {"p1", "p2", "p3"}},
      Case{"p1\fp2\f", {"p1", "p2"}},      // the final form feed opens no page
      Case{"p1\f\fp3", {"p1", "", "p3"}},  // an empty page inside is a page
      Case{"\fp2", {"", "p2"}}, Case{"\f", {""}}, Case{"p1\r\n\fp2\r\n", {"p1\n", "p2\n"}},
      Case{"\xEF\xBB\xBF", {""}},  // a BOM alone: one empty page
  }));
  CAPTURE(bytes);
  Result<RawDocument> doc = DecodeText(bytes);
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CHECK(doc->pages[i].page_no == static_cast<int>(i) + 1);
    CHECK(doc->pages[i].text == want[i]);
    CHECK(doc->pages[i].has_text_layer);
  }
}

TEST_CASE("DecodeText splits UTF-16 pages too", "[read][text]") {
  Result<RawDocument> doc = DecodeText(Utf16Bytes(u"p1\r\n\fp2", false, false));
  REQUIRE(doc.ok());
  CHECK(doc->encoding == "UTF-16BE");
  REQUIRE(doc->pages.size() == 2);
  CHECK(doc->pages[0].text == "p1\n");
  CHECK(doc->pages[1].text == "p2");
}

}  // namespace
}  // namespace clsdb
