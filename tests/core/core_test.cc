// core/: the helpers every stage shares, one table of cases each.
#include <catch2/catch.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "core/status.h"
#include "core/utf8.h"
#include "core/words.h"

namespace clsdb {
namespace {

TEST_CASE("Trim drops spaces, tabs, CR and LF at both ends only", "[core]") {
  auto [in, out] = GENERATE(table<std::string, std::string>({
      {"", ""},
      {" \t\r\n", ""},
      {"  a b  ", "a b"},
      {"\ta\tb\r\n", "a\tb"},
      {"é ", "é"},
      {"x", "x"},
  }));
  INFO('"' << in << '"');
  CHECK(Trim(in) == out);
}

TEST_CASE("SplitWords and JoinWords are inverse on collapsed text", "[core]") {
  CHECK(SplitWords("  Jean-Claude   LEROY ") == std::vector<std::string>{"Jean-Claude", "LEROY"});
  CHECK(JoinWords(SplitWords("a b c"), 1) == "b c");
  CHECK(JoinWords({}, 0) == "");
}

// {bytes, code point or -1, length consumed}
TEST_CASE("DecodeUtf8 decodes well-formed sequences and one maximal subpart of the others",
          "[core]") {
  auto [bytes, code, length] = GENERATE(table<std::string, int, size_t>({
      // Well-formed, one to four bytes.
      {"A", 'A', 1},
      {"\xC3\xA9", 0xE9, 2},
      {"\xE2\x82\xAC", 0x20AC, 3},
      {"\xF0\x9F\x98\x80", 0x1F600, 4},
      // Ill-formed: a lone continuation, C0/C1 and F5+ leads, overlongs,
      // a surrogate, above U+10FFFF, cut short.
      {"\x80", -1, 1},
      {"\xC0\xAF", -1, 1},
      {"\xF5\x80", -1, 1},
      {"\xE0\x80\x80", -1, 1},
      {"\xED\xA0\x80", -1, 1},
      {"\xF4\x90\x80\x80", -1, 1},
      {"\xE2\x82", -1, 2},
      {"\xE2\x82X", -1, 2},
  }));
  size_t len = 0;
  const int32_t c =
      DecodeUtf8(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), &len);
  CHECK(c == code);
  CHECK(len == length);
}

TEST_CASE("a Status is ok or carries its code and message", "[core]") {
  CHECK(Status::OK().ok());
  const Status s = Status::NotFound("no such file");
  CHECK_FALSE(s.ok());
  CHECK(s.message() == "no such file");
  Result<int> r = Status::IOError("disk full");
  CHECK_FALSE(r.ok());
  Result<int> v = 3;
  REQUIRE(v.ok());
  CHECK(*v == 3);
}

}  // namespace
}  // namespace clsdb
