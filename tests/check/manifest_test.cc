#include "check/manifest.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb::check {
namespace {

namespace fs = std::filesystem;

// A scratch corpus: <tmp>/shared/{text,expected} and <tmp>/corpus.
class Scratch {
 public:
  Scratch() {
    fs::create_directories(dir_.path() / "shared" / "text");
    fs::create_directories(dir_.path() / "shared" / "expected");
    fs::create_directories(dir_.path() / "corpus");
  }
  void Touch(const std::string& relative) { dir_.Write(relative, "x"); }
  std::string Path(const std::string& relative) const { return dir_ / relative; }

 private:
  clsdb::testing::TempDir dir_;
};

TEST_CASE("Manifest entries resolve ${shared} and relative paths", "[manifest]") {
  Scratch s;
  s.Touch("shared/text/a.txt");
  s.Touch("shared/expected/a.json");
  s.Touch("corpus/local.txt");
  s.Touch("corpus/local.json");
  const std::string text =
      "# comment line\n"
      "\n"
      "${shared}/text/a.txt\t${shared}/expected/a.json\n"
      "local.txt\tlocal.json\r\n";
  Result<Manifest> m = ParseManifest(text, s.Path("corpus"), s.Path("shared"), "manifest.tsv");
  REQUIRE(m.ok());
  REQUIRE(m->entries.size() == 2);
  CHECK(m->skipped.empty());
  CHECK(m->entries[0].document == s.Path("shared/text/a.txt"));
  CHECK(m->entries[0].annotation == s.Path("shared/expected/a.json"));
  CHECK(m->entries[0].format == "text");
  CHECK(m->entries[0].line == 3);
  CHECK(m->entries[1].document == s.Path("corpus/local.txt"));
}

TEST_CASE("An entry whose document is absent is skipped, not failed", "[manifest]") {
  Scratch s;
  s.Touch("shared/text/a.txt");
  s.Touch("shared/expected/a.json");
  const std::string text =
      "${shared}/text/a.txt\t${shared}/expected/a.json\n"
      "${shared}/pdf/a.pdf\t${shared}/expected/a.json\n"
      "${shared}/text/gone.txt\t${shared}/expected/gone.json\n";
  Result<Manifest> m = ParseManifest(text, s.Path("corpus"), s.Path("shared"), "manifest.tsv");
  REQUIRE(m.ok());
  CHECK(m->entries.size() == 1);
  REQUIRE(m->skipped.size() == 2);
  CHECK(m->skipped[0].format == "pdf");
  CHECK(m->skipped[0].skip_reason == "document not found");

  SECTION("a whole shared corpus absent skips everything under it") {
    Result<Manifest> none = ParseManifest(text, s.Path("corpus"), "/nonexistent/shared", "m");
    REQUIRE(none.ok());
    CHECK(none->entries.empty());
    CHECK(none->skipped.size() == 3);
  }
}

TEST_CASE("Manifest errors", "[manifest]") {
  Scratch s;
  s.Touch("shared/text/a.txt");
  SECTION("a line without a tab") {
    Result<Manifest> m =
        ParseManifest("a.txt a.json\n", s.Path("corpus"), s.Path("shared"), "m.tsv");
    REQUIRE_FALSE(m.ok());
    CHECK(m.status().message().find("m.tsv:1") != std::string::npos);
  }
  SECTION("an unknown extension") {
    Result<Manifest> m =
        ParseManifest("a.docx\ta.json\n", s.Path("corpus"), s.Path("shared"), "m.tsv");
    REQUIRE_FALSE(m.ok());
  }
  SECTION("a present document without its annotation") {
    Result<Manifest> m = ParseManifest("${shared}/text/a.txt\t${shared}/expected/a.json\n",
                                       s.Path("corpus"), s.Path("shared"), "m.tsv");
    REQUIRE_FALSE(m.ok());
    CHECK(m.status().code() == Status::Code::kNotFound);
  }
}

TEST_CASE("The repository's manifest parses", "[manifest]") {
  Result<Manifest> m = LoadManifest((clsdb::testing::ProjectCorpus() / "manifest.tsv").string(),
                                    clsdb::testing::SharedCorpus().string());
  REQUIRE(m.ok());
  const std::string shared = clsdb::testing::SharedCorpus().string();
  int under_shared = 0;
  for (const ManifestEntry& e : m->entries) under_shared += e.document.rfind(shared, 0) == 0;
  for (const ManifestEntry& e : m->skipped) under_shared += e.document.rfind(shared, 0) == 0;
  CHECK(under_shared == 6);  // three documents, as text and as PDF
  if (clsdb::testing::HaveSharedCorpus()) CHECK(m->skipped.empty());
  CHECK(DefaultSharedDir() == clsdb::testing::SharedCorpus().string());
}

}  // namespace
}  // namespace clsdb::check
