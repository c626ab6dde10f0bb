// The clsdb executable as a user runs it: exit codes, help, and what a batch
// with bad files prints.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

struct RunResult {
  int code = -1;
  std::string output;  // stdout and stderr
};

RunResult Run(const std::string& args) {
  const char* bin = std::getenv("CLSDB_BIN");
  REQUIRE(bin != nullptr);
  std::string cmd = std::string(bin) + " " + args + " 2>&1";
  RunResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST_CASE("help, version and usage errors", "[cli]") {
  CHECK(Run("--help").code == 0);
  CHECK(Run("--help").output.find("ingest") != std::string::npos);
  auto version = Run("--version");
  CHECK(version.code == 0);
  CHECK(version.output.find("clsdb ") == 0);
  CHECK(Run("ingest --help").code == 0);
  CHECK(Run("ingest --help").output.find("--force") != std::string::npos);
  CHECK(Run("check --help").code == 0);
  CHECK(Run("").code == 2);
  CHECK(Run("frobnicate").code == 2);
  CHECK(Run("ingest").code == 2);  // no PATH
  CHECK(Run("ingest --no-such-option x").code == 2);
  CHECK(Run("ingest --jobs -3 x").code == 2);
}

TEST_CASE("a batch with bad files exits 1, names each, and keeps the good ones", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir / "db.sqlite";
  auto r = Run("ingest --db " + db + " " + (testing::ProjectCorpus() / "bad").string() + " " +
               (testing::ProjectCorpus() / "documents").string());
  CHECK(r.code == 1);
  CHECK(r.output.find("empty.txt") != std::string::npos);
  CHECK(r.output.find("not_a_pdf.pdf") != std::string::npos);
  CHECK(r.output.find("encrypted.pdf") != std::string::npos);
  CHECK(r.output.find("documents by type") != std::string::npos);
  // Only good documents: exit 0, and nothing new the second time.
  auto good = Run("ingest --db " + db + " " + (testing::ProjectCorpus() / "documents").string());
  CHECK(good.code == 0);
  CHECK(good.output.find("0 ok") != std::string::npos);
}

TEST_CASE("search prints hits from an ingested corpus, and its errors", "[cli]") {
  testing::TempDir dir;
  const std::string db = dir / "db.sqlite";
  REQUIRE(Run("ingest --db " + db + " " + (testing::ProjectCorpus() / "documents").string()).code ==
          0);
  auto hits = Run("search --db " + db + " --limit 2 sante");
  CHECK(hits.code == 0);
  CHECK(hits.output.find("[") != std::string::npos);  // a snippet with the word marked
  // The true total, not the number shown: that of the search without limit,
  // counted from its JSON lines.
  auto all = Run("search --db " + db + " --limit 0 --json sante");
  REQUIRE(all.code == 0);
  long long lines = 0;
  std::istringstream json_lines(all.output);
  for (std::string line; std::getline(json_lines, line);) {
    if (line.rfind("{\"path\": ", 0) == 0) ++lines;
  }
  REQUIRE(lines > 2);
  CHECK(all.output.find("{\"total\": " + std::to_string(lines) +
                        ", \"shown\": " + std::to_string(lines) + "}") != std::string::npos);
  CHECK(hits.output.find(std::to_string(lines) + " matches, 2 shown") != std::string::npos);
  // Words that are FTS5 syntax are plain words: no error, just no match.
  auto odd = Run("search --db " + db + " 'AND (' '\"'");
  CHECK(odd.code == 0);
  CHECK(odd.output.find("0 matches") != std::string::npos);
  auto syntax = Run("search --db " + db + " --fts 'AND ('");
  CHECK(syntax.code == 2);
  CHECK(syntax.output.find("syntax error") != std::string::npos);
  CHECK(Run("search --db " + db + " --kind party sante").code == 2);
  CHECK(Run("search --db " + (dir / "absent.sqlite") + " sante").code == 1);
  CHECK(Run("search --help").code == 0);
}

TEST_CASE("the same content in two files: the summary counts the link, search shows it once",
          "[cli][identity]") {
  testing::TempDir dir;
  const std::string db = dir / "db.sqlite";
  // One press release as a converter writes it, and as a PDF's text layer
  // gives it: lines cut elsewhere, a word hyphenated at a line end, a page
  // number, other case.
  dir.Write("a/communique.txt",
            "COMMUNIQUÉ DE PRESSE\n"
            "Le contrat local de santé du Ternois a été signé ce jour par l'Agence régionale de "
            "santé, la communauté de communes et le Département. Il engage les partenaires sur "
            "la prévention des addictions, la santé mentale des jeunes et l'accès aux soins de "
            "premier recours pour les cinq années à venir.\n");
  dir.Write("b/communique_pdf.txt",
            "Communiqué de presse\n"
            "Le contrat local de santé du Ternois a été signé ce jour\n"
            "par l'Agence régionale de santé, la communauté de com-\n"
            "munes et le Département. Il engage les partenaires sur la prévention\n"
            "des addictions, la santé mentale des jeunes et l'accès aux soins de premier\n"
            "recours pour les cinq années à venir.\n1\n");
  auto first = Run("ingest --db " + db + " " + (dir / "a"));
  REQUIRE(first.code == 0);
  CHECK(first.output.find("this run: 0 linked as the same content") != std::string::npos);
  auto second = Run("ingest --db " + db + " " + (dir / "b"));
  INFO(second.output);
  REQUIRE(second.code == 0);
  CHECK(second.output.find("this run: 1 linked as the same content") != std::string::npos);
  CHECK(second.output.find("database: 1 documents are the same content") != std::string::npos);
}

}  // namespace
}  // namespace clsdb
