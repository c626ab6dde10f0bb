#include "check/manifest.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "check/scorer.h"
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

TEST_CASE("a missing reference document fails the manifest; only an absent shared corpus skips",
          "[manifest]") {
  Scratch s;
  s.Touch("shared/text/a.txt");
  s.Touch("shared/expected/a.json");
  s.Touch("corpus/local.json");
  const std::string present = "${shared}/text/a.txt\t${shared}/expected/a.json\n";
  for (const std::string& missing :
       {std::string("${shared}/pdf/a.pdf\t${shared}/expected/a.json\n"),
        std::string("local.txt\tlocal.json\n")}) {
    INFO(missing);
    Result<Manifest> m =
        ParseManifest(present + missing, s.Path("corpus"), s.Path("shared"), "manifest.tsv");
    REQUIRE_FALSE(m.ok());
    CHECK(m.status().code() == Status::Code::kNotFound);
    CHECK(m.status().message().find("manifest.tsv:2: document ") == 0);
    CHECK(m.status().message().find("not found") != std::string::npos);
  }

  SECTION("a whole shared corpus absent skips everything under it") {
    const std::string text = present + "${shared}/pdf/a.pdf\t${shared}/expected/a.json\n";
    Result<Manifest> none = ParseManifest(text, s.Path("corpus"), "/nonexistent/shared", "m");
    REQUIRE(none.ok());
    CHECK(none->entries.empty());
    REQUIRE(none->skipped.size() == 2);
    CHECK(none->skipped[1].format == "pdf");
    CHECK(none->skipped[1].skip_reason == "shared corpus absent");
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

TEST_CASE("The optional third column names the entry's set", "[manifest]") {
  Scratch s;
  for (const char* name : {"a", "b", "c", "d"}) {
    s.Touch(std::string("corpus/") + name + ".txt");
    s.Touch(std::string("corpus/") + name + ".json");
  }
  s.Touch("corpus/e.pdf");
  const std::string text =
      "a.txt\ta.json\n"
      "b.txt\tb.json\treference\n"
      "c.txt\tc.json\treal\n"
      "d.txt\td.json\theldout\n"
      "e.pdf\ta.json\theldout\n"
      "${shared}/text/gone.txt\tgone.json\treal\n";
  // The shared corpus absent: its entry is skipped, with its set.
  Result<Manifest> m = ParseManifest(text, s.Path("corpus"), s.Path("no-shared"), "m.tsv");
  INFO(m.status().ToString());
  REQUIRE(m.ok());
  REQUIRE(m->entries.size() == 5);
  CHECK(m->entries[0].set == "reference");  // the default
  CHECK(m->entries[1].set == "reference");
  CHECK(m->entries[2].set == "real");
  CHECK(m->entries[3].set == "heldout");
  CHECK(m->entries[0].annotation == s.Path("corpus/a.json"));
  CHECK(m->entries[3].annotation == s.Path("corpus/d.json"));
  // The totals key: the format alone for the reference set.
  CHECK(m->entries[0].key() == "text");
  CHECK(m->entries[2].key() == "real/text");
  CHECK(m->entries[3].key() == "heldout/text");
  CHECK(m->entries[4].key() == "heldout/pdf");
  REQUIRE(m->skipped.size() == 1);
  CHECK(m->skipped[0].set == "real");

  SECTION("an unknown set is an error naming the line, even for an absent document") {
    for (const std::string doc : {"a.txt", "${shared}/text/gone.txt"}) {
      Result<Manifest> bad = ParseManifest("a.txt\ta.json\n" + doc + "\ta.json\tHeldout\n",
                                           s.Path("corpus"), s.Path("shared"), "m.tsv");
      REQUIRE_FALSE(bad.ok());
      CHECK(bad.status().code() == Status::Code::kCorruption);
      CHECK(bad.status().message().find("m.tsv:2") != std::string::npos);
      CHECK(bad.status().message().find("Heldout") != std::string::npos);
    }
  }
  SECTION("an empty set column or a fourth column is malformed") {
    CHECK_FALSE(ParseManifest("a.txt\ta.json\t\n", s.Path("corpus"), s.Path("shared"), "m").ok());
    CHECK_FALSE(
        ParseManifest("a.txt\ta.json\treal\tx\n", s.Path("corpus"), s.Path("shared"), "m").ok());
  }
}

TEST_CASE("The fourth column: a scan scored as its own format, on some groups", "[manifest]") {
  Scratch s;
  s.Touch("corpus/a.pdf");
  s.Touch("corpus/a.txt");
  s.Touch("corpus/a.json");
  Result<Manifest> m = ParseManifest(
      "a.pdf\ta.json\treference\tformat=scan groups=attendees,votes\n"
      "a.pdf\ta.json\treal\tgroups=transmissions\n",
      s.Path("corpus"), s.Path("shared"), "m.tsv");
  INFO(m.status().ToString());
  REQUIRE(m.ok());
  REQUIRE(m->entries.size() == 2);
  CHECK(m->entries[0].format == "scan");
  CHECK(m->entries[0].key() == "scan");
  CHECK(m->entries[0].groups == std::vector<std::string>{"attendees", "votes"});
  CHECK(m->entries[1].key() == "real/pdf");
  CHECK(m->entries[1].groups == std::vector<std::string>{"transmissions"});
  for (const char* bad : {"a.pdf\ta.json\treference\tgroups=attendes\n",  // misspelt group
                          "a.pdf\ta.json\treference\tformat=ocr\n",
                          "a.txt\ta.json\treference\tformat=scan\n",  // a text is no scan
                          "a.pdf\ta.json\treference\tformat=scan\textra\n"}) {
    INFO(bad);
    CHECK_FALSE(ParseManifest(bad, s.Path("corpus"), s.Path("shared"), "m").ok());
  }
}

TEST_CASE("KeepGroups leaves the other groups out of a score", "[manifest]") {
  DocumentScore score = EmptyScore();
  for (GroupScore& g : score.groups) g.fn = 2;
  KeepGroups({"votes"}, &score);
  for (const GroupScore& g : score.groups) {
    INFO(g.group);
    CHECK(g.applicable() == (g.group == "votes"));
  }
  DocumentScore all = EmptyScore();
  for (GroupScore& g : all.groups) g.tp = 1;
  KeepGroups({}, &all);
  for (const GroupScore& g : all.groups) CHECK(g.applicable());
}

TEST_CASE("Sets and figures keys", "[manifest]") {
  CHECK(SetNames() == std::vector<std::string>{"reference", "real", "heldout"});
  CHECK(IsSetName("real"));
  CHECK_FALSE(IsSetName("Real"));
  CHECK(FiguresKey("reference", "pdf") == "pdf");
  CHECK(FiguresKey("heldout", "text") == "heldout/text");
  CHECK(FiguresKeys() == std::vector<std::string>{"text", "pdf", "scan", "real/text", "real/pdf",
                                                  "real/scan", "real/flat", "real/wrapped",
                                                  "heldout/text", "heldout/pdf", "heldout/scan",
                                                  "heldout/flat", "heldout/wrapped"});
  CHECK_FALSE(IsFiguresKey("flat"));
  CHECK_FALSE(IsFiguresKey("wrapped"));
  CHECK(IsFiguresKey("real/pdf"));
  CHECK_FALSE(IsFiguresKey("reference/text"));
  CHECK_FALSE(IsFiguresKey("heldout"));
}

TEST_CASE("The repository's manifest parses", "[manifest]") {
  Result<Manifest> m = LoadManifest((clsdb::testing::ProjectCorpus() / "manifest.tsv").string(),
                                    clsdb::testing::SharedCorpus().string());
  REQUIRE(m.ok());
  const std::string shared = clsdb::testing::SharedCorpus().string();
  std::map<std::string, int> under_shared;  // by set
  std::map<std::string, int> by_set;
  for (const auto* list : {&m->entries, &m->skipped}) {
    for (const ManifestEntry& e : *list) {
      ++by_set[e.set];
      if (e.document.rfind(shared, 0) == 0) ++under_shared[e.set];
    }
  }
  CHECK(under_shared["reference"] ==
        8);  // text and PDF of 3 documents, 2 scans  // three documents, as text and as PDF
  // The fourteen real deliberations of the shared corpus and its nine real
  // PDFs of minutes (batch pdf), and a third of all the real documents held
  // aside.
  CHECK(under_shared["real"] + under_shared["heldout"] == 14 + 9);
  CHECK(by_set["heldout"] * 3 >= by_set["real"] + by_set["heldout"]);
  CHECK(by_set["real"] + by_set["heldout"] >= 40);
  if (clsdb::testing::HaveSharedCorpus()) CHECK(m->skipped.empty());
  CHECK(DefaultSharedDir() == clsdb::testing::SharedCorpus().string());
}

}  // namespace
}  // namespace clsdb::check
