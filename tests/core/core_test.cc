// core/: the helpers every stage shares, one table of cases each.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/diagnostic.h"
#include "core/memory_reserve.h"
#include "core/status.h"
#include "core/utf8.h"
#include "core/words.h"
#include "test_paths.h"

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

TEST_CASE("CountCodePoints counts characters, not bytes", "[core]") {
  CHECK(CountCodePoints("") == 0);
  CHECK(CountCodePoints("CPAM") == 4);
  CHECK(CountCodePoints("Santé") == 5);         // é: two bytes
  CHECK(CountCodePoints("Cœur – 2025") == 11);  // œ two bytes, – three
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

TEST_CASE("each diagnostic kind has one code, its stage's prefix, and is found by name", "[core]") {
  std::vector<std::string> names;
  for (const DiagnosticKind& k : DiagnosticKinds()) {
    INFO(k.name);
    CHECK(&Describe(k.code) == &k);
    CHECK(std::string(k.name).rfind(std::string(k.stage) + ".", 0) == 0);
    CHECK(FindDiagnosticKind(k.name) == &k);
    CHECK(std::find(names.begin(), names.end(), k.name) == names.end());
    names.push_back(k.name);
  }
  CHECK(FindDiagnosticKind("layout.no_such_code") == nullptr);
}

TEST_CASE("only a page left without text makes a document partial", "[core]") {
  const Diagnostic unread =
      MakeDiagnostic(DiagnosticCode::kPageWithoutText, 3, "page 3 has no text layer");
  CHECK(unread.stage == "layout");
  CHECK(unread.code == "layout.page_without_text");
  CHECK(unread.prov.page == 3);
  CHECK(MakesPartial(unread));
  CHECK_FALSE(MakesPartial(MakeDiagnostic(DiagnosticCode::kOcrLowConfidence, 2, "low")));
  CHECK_FALSE(MakesPartial(MakeDiagnostic(DiagnosticCode::kContractWithoutParty, 1, "none")));
  Diagnostic unknown = unread;
  unknown.code = "layout.from_a_newer_build";
  CHECK_FALSE(MakesPartial(unknown));
}

TEST_CASE("the README's table of diagnostic codes is the list in core/diagnostic.cc", "[core]") {
  std::ifstream in(testing::SourceDir() / "README.md");
  std::stringstream readme;
  readme << in.rdbuf();
  size_t rows = 0;
  for (const DiagnosticKind& k : DiagnosticKinds()) {
    const std::string row =
        std::string("| `") + k.name + "` | " + k.stage + " | " + (k.partial ? "yes" : "no") + " |";
    INFO(row);
    CHECK(readme.str().find(row) != std::string::npos);
    ++rows;
  }
  size_t listed = 0;
  for (size_t at = readme.str().find("| `"); at != std::string::npos;
       at = readme.str().find("| `", at + 1)) {
    const size_t end = readme.str().find('`', at + 3);
    if (FindDiagnosticKind(readme.str().substr(at + 3, end - at - 3)) != nullptr) ++listed;
  }
  CHECK(listed == rows);  // no code the README lists twice or that is gone
}

TEST_CASE("the memory reserve is given back at the first failed allocation, then restored",
          "[core][memory]") {
  REQUIRE(InstallMemoryReserve(1u << 20));
  CHECK_FALSE(MemoryReserveSpent());
  std::new_handler on_failure = std::get_new_handler();
  REQUIRE(on_failure != nullptr);
  // What operator new does when an allocation fails: call the handler, and
  // try again when it returns.
  on_failure();
  CHECK(MemoryReserveSpent());
  // With the reserve gone, the next failure is the std::bad_alloc it is.
  CHECK_THROWS_AS(on_failure(), std::bad_alloc);
  CHECK(RestoreMemoryReserve());
  CHECK_FALSE(MemoryReserveSpent());
  CHECK(RestoreMemoryReserve());  // already in place
  on_failure();
  CHECK(MemoryReserveSpent());
  CHECK(RestoreMemoryReserve());
}

TEST_CASE("out of memory inside a no-throw scope, with the reserve spent, ends the process with 3",
          "[core][memory]") {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (!InstallMemoryReserve(1u << 20)) _exit(10);
    std::new_handler on_failure = std::get_new_handler();
    on_failure();  // the reserve is given back
    try {
      on_failure();  // outside a scope: the std::bad_alloc it is
      _exit(11);
    } catch (const std::bad_alloc&) {
    }
    NoThrowAllocationScope in_re2;
    on_failure();  // inside one: the process ends
    _exit(12);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 3);
}

}  // namespace
}  // namespace clsdb
