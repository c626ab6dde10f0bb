// Hostile inputs through the real command line, one `clsdb ingest` each:
// every one must end with a clear outcome that names the file, with the
// right exit code, without a crash and within a deadline.  Outcomes pinned
// here are what clsdb does today; a change to one is a decision, not noise.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "hostile_util.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;
using testing::Db;
using testing::RunClsdb;
using testing::RunResult;

// Deadline of one small input; generous, since a loaded CI machine may run
// several test executables at once, and far below "hangs".
constexpr double kSmallDeadline = 20;

RunResult Ingest(const testing::TempDir& dir, const std::string& path,
                 std::vector<std::string> extra = {}, double deadline = kSmallDeadline) {
  extra.push_back(path);
  return testing::IngestInto(dir / "db.sqlite", extra, deadline);
}

// The rest of the summary line "failed PATH: …" (the reason), or nullopt.
std::optional<std::string> FailedLine(const RunResult& r, const std::string& path) {
  const std::string head = "failed " + path + ": ";
  const size_t at = r.output.find(head);
  if (at == std::string::npos) return std::nullopt;
  const size_t start = at + head.size();
  return r.output.substr(start, r.output.find('\n', start) - start);
}

// The document failed: exit 1, and the summary line names the file and
// carries the reason.
void ExpectFailed(const RunResult& r, const std::string& path, const std::string& reason) {
  INFO(r.output);
  CHECK(r.code == 1);
  const std::optional<std::string> line = FailedLine(r, path);
  REQUIRE(line.has_value());
  CHECK(line->find(reason) != std::string::npos);
}

// The document was stored with this status; returns its row
// (status, error, encoding, page_count).
std::vector<std::string> StoredRow(const testing::TempDir& dir, const std::string& path) {
  Db db(dir / "db.sqlite");
  auto rows =
      db.Query("SELECT status, error, encoding, page_count FROM documents WHERE path = ?", {path});
  REQUIRE(rows.size() == 1);
  return rows[0];
}

std::string PageText(const testing::TempDir& dir, const std::string& path) {
  Db db(dir / "db.sqlite");
  std::string text;
  for (const auto& row : db.Query("SELECT p.text FROM pages p JOIN documents d ON d.id = "
                                  "p.document_id WHERE d.path = ? ORDER BY p.page_no",
                                  {path})) {
    text += row[0];
  }
  return text;
}

// Three pages of plain text: small, so that cutting it anywhere is cheap.
std::string SmallValidPdf() {
  return testing::SimplePdf({{"CONTRAT LOCAL DE SANTE", "Article 1 : Objet du contrat"},
                             {"Article 2 : Les signataires", "Fait a Arras, le 4 mars 2025"},
                             {"Article 3 : Duree", "Le present contrat vaut cinq ans."}});
}

bool HaveQpdf() { return std::system("qpdf --version >/dev/null 2>&1") == 0; }

TEST_CASE("a zero-byte file fails as empty", "[hostile]") {
  testing::TempDir dir;
  for (const char* name : {"vide.pdf", "vide.txt"}) {
    const std::string path = dir.Write(name, "");
    RunResult r = Ingest(dir, path);
    ExpectFailed(r, path, "empty file");
    CHECK(r.seconds < 10 * testing::kSlowdown);
  }
}

TEST_CASE("a small valid PDF generated here is read", "[hostile]") {
  // The base of the truncation and encryption cases: if this failed, they
  // would prove nothing.
  testing::TempDir dir;
  const std::string path = dir.Write("valide.pdf", SmallValidPdf());
  RunResult r = Ingest(dir, path);
  CHECK(r.code == 0);
  CHECK(StoredRow(dir, path)[0] == "ok");
  CHECK(StoredRow(dir, path)[3] == "3");
  CHECK(PageText(dir, path).find("Les signataires") != std::string::npos);
}

TEST_CASE("a PDF cut short anywhere fails, named, without a crash", "[hostile]") {
  testing::TempDir dir;
  const std::string pdf = SmallValidPdf();
  const size_t n = pdf.size();
  // Offsets inside the header, the objects, a content stream, the xref
  // table and the trailer, and just before the end marker.
  const std::vector<size_t> cuts = {1,     9,         n / 10,  n / 4,  n / 3,
                                    n / 2, 2 * n / 3, n - 200, n - 60, n - 7};
  std::vector<std::string> cut_paths, forged_paths;
  for (size_t cut : cuts) {
    const std::string name = "cut_" + std::to_string(cut);
    cut_paths.push_back(dir.Write("in/" + name + ".pdf", pdf.substr(0, cut)));
    // The same cut with an end marker forged back on: the cheap check
    // passes and Poppler has to rebuild the file from what is left.
    forged_paths.push_back(dir.Write("in/" + name + "_eof.pdf", pdf.substr(0, cut) + "\n%%EOF\n"));
  }
  // One batch: a bad file must not stop the others.
  RunResult r = Ingest(dir, dir / "in", {"--jobs", "2"}, 60);
  INFO(r.output);
  CHECK(r.code == 1);
  for (const std::string& path : cut_paths) {
    INFO(path);
    const std::optional<std::string> line = FailedLine(r, path);
    REQUIRE(line.has_value());
    // Cut inside "%PDF-": nothing left to recognise a PDF by.
    const bool header = path.ends_with("/cut_1.pdf");
    CHECK(line->find(header ? "not a PDF (no %PDF- header)"
                            : "truncated PDF (no %%EOF marker at the end)") != std::string::npos);
  }
  // Forged: whatever Poppler salvages, the outcome is stated: failed with a
  // reason on the summary, or stored.
  Db db(dir / "db.sqlite");
  int salvaged = 0;
  for (const std::string& path : forged_paths) {
    INFO(path);
    auto rows = db.Query("SELECT status, error FROM documents WHERE path = ?", {path});
    REQUIRE(rows.size() <= 1);
    const std::optional<std::string> line = FailedLine(r, path);
    if (line) {
      CHECK(!line->empty());
      CHECK((rows.empty() || (rows[0][0] == "failed" && !rows[0][1].empty())));
    } else {
      REQUIRE(rows.size() == 1);
      CHECK(rows[0][0] != "failed");
      ++salvaged;
    }
  }
  // Cut just before the end marker, only "%%EOF" was lost: forged back, the
  // file is whole again.
  CHECK(salvaged >= 1);
  CHECK(r.seconds < 40 * testing::kSlowdown);
}

TEST_CASE("a file named .pdf that is not a PDF fails as such", "[hostile]") {
  testing::TempDir dir;
  const std::string path = dir.Write("lettre.pdf", "Madame, Monsieur,\nVeuillez trouver ...\n");
  ExpectFailed(Ingest(dir, path), path, "not a PDF");
}

TEST_CASE("encrypted PDFs: a user password fails, an owner password alone opens", "[hostile]") {
  testing::TempDir dir;
  const std::string plain = dir.Write("plain.pdf", SmallValidPdf());
  std::string user = dir / "user_password.pdf";
  std::string owner = dir / "owner_only.pdf";
  if (HaveQpdf()) {
    REQUIRE(std::system(("qpdf --encrypt secret proprio 256 -- " + plain + " " + user).c_str()) ==
            0);
    REQUIRE(std::system(
                ("qpdf --encrypt '' proprio 256 --print=none -- " + plain + " " + owner).c_str()) ==
            0);
  } else {
    WARN("qpdf is missing: using corpus/bad's encrypted PDFs");
    user = (testing::ProjectCorpus() / "bad" / "encrypted.pdf").string();
    owner = (testing::ProjectCorpus() / "bad" / "encrypted_nopass.pdf").string();
  }
  ExpectFailed(Ingest(dir, user), user, "encrypted PDF: a user password is required");
  RunResult r = Ingest(dir, owner);
  CHECK(r.code == 0);
  CHECK(StoredRow(dir, owner)[0] == "ok");
  if (HaveQpdf()) CHECK(PageText(dir, owner).find("Les signataires") != std::string::npos);
}

TEST_CASE("a page tree that loops back on itself ends, named", "[hostile]") {
  testing::TempDir dir;
  const std::string path = dir.Write("boucle.pdf", testing::LoopingPageTreePdf());
  RunResult r = Ingest(dir, path);
  INFO(r.output);
  CHECK(r.seconds < 10 * testing::kSlowdown);
  // Poppler breaks the loop, believes /Count (3) and finds the one real
  // page: stored as partial, the two missing pages named.
  CHECK(r.code == 0);
  auto row = StoredRow(dir, path);
  CHECK(row[0] == "partial");
  CHECK(row[1] == "page 2 has no text layer; page 3 has no text layer");
  CHECK(PageText(dir, path).find("Une page en boucle") != std::string::npos);
}

TEST_CASE("a 10,000-page PDF is refused over --max-pages, quickly", "[hostile]") {
  testing::TempDir dir;
  const auto start = std::chrono::steady_clock::now();
  const std::string path = dir.Write("dix_mille.pdf", testing::ManyPagesPdf(10000));
  CHECK(testing::SecondsSince(start) < 2);
  RunResult r = Ingest(dir, path, {"--max-pages", "5000"});
  ExpectFailed(r, path, "PDF has 10000 pages, over the limit of 5000");
  CHECK(r.seconds < 15 * testing::kSlowdown);
}

// The memory cap is an address-space limit on the PDF reader child, which
// sanitizer builds cannot run under (ASan reserves terabytes of address
// space); there clsdb does not set it, so the case exists in plain builds only.
#if !CLSDB_TEST_SANITIZED
TEST_CASE("a PDF whose reader needs more than --max-memory-mb fails, the batch goes on",
          "[hostile]") {
  testing::TempDir dir;
  const std::string pdf = dir.Write("gourmand.pdf", testing::ManyPagesPdf(3000));
  const std::string txt = dir.Write("sobre.txt", "DÉLIBÉRATION\nLe conseil approuve.\n");
  RunResult r = Ingest(dir, txt, {"--max-memory-mb", "24", pdf});
  INFO(r.output);
  CHECK(r.code == 1);
  const std::optional<std::string> line = FailedLine(r, pdf);
  REQUIRE(line.has_value());
  // Either clsdb's own "memory limit of 24 MB exceeded" or Poppler's abort
  // on a failed allocation, reported with the cap.
  CHECK(line->find("24 MB") != std::string::npos);
  CHECK(line->find("truncated") == std::string::npos);
  CHECK(StoredRow(dir, txt)[0] == "ok");
}
#endif

TEST_CASE("invalid UTF-8 in a .txt is decoded, not fatal", "[hostile]") {
  testing::TempDir dir;
  // Mostly ASCII with bytes that are no UTF-8: read as windows-1252.
  const std::string eight_bit = dir.Write(
      "octets.txt", "CONTRAT LOCAL DE SANT\xC9\nLe pr\xE9sent contrat \xC3\x28 \xFF\xFE fin.\n");
  RunResult r = Ingest(dir, eight_bit);
  CHECK(r.code == 0);
  auto row = StoredRow(dir, eight_bit);
  CHECK(row[0] == "ok");
  CHECK(row[2] == "windows-1252");
  CHECK(PageText(dir, eight_bit).find("CONTRAT LOCAL DE SANTÉ") != std::string::npos);

  // Mostly UTF-8 with a few stray bytes: stays UTF-8, the strays replaced.
  std::string mostly;
  for (int i = 0; i < 10; ++i) mostly += "Santé publique, prévention, accès aux soins.\n";
  mostly += "Octets perdus : \xFF\xC3 fin.\n";
  const std::string utf8 = dir.Write("presque.txt", mostly);
  r = Ingest(dir, utf8);
  CHECK(r.code == 0);
  row = StoredRow(dir, utf8);
  CHECK(row[0] == "ok");
  CHECK(row[2] == "UTF-8 (invalid bytes replaced)");
  CHECK(PageText(dir, utf8).find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
}

TEST_CASE("UTF-16 without a BOM is recognised in both byte orders", "[hostile]") {
  testing::TempDir dir;
  const std::u16string text = u"CONTRAT LOCAL DE SANTÉ\nArticle 1 : accès aux soins\n";
  std::string le, be;
  for (char16_t c : text) {
    le += static_cast<char>(c & 0xFF);
    le += static_cast<char>(c >> 8);
    be += static_cast<char>(c >> 8);
    be += static_cast<char>(c & 0xFF);
  }
  for (const auto& [name, bytes, encoding] :
       {std::tuple{"le.txt", le, "UTF-16LE"}, std::tuple{"be.txt", be, "UTF-16BE"}}) {
    INFO(name);
    const std::string path = dir.Write(name, bytes);
    RunResult r = Ingest(dir, path);
    CHECK(r.code == 0);
    auto row = StoredRow(dir, path);
    CHECK(row[0] == "ok");
    CHECK(row[2] == encoding);
    CHECK(PageText(dir, path).find("accès aux soins") != std::string::npos);
  }
}

// [slow]: not in the sanitizer builds; the lines of "a table row of 10,000
// cells" and "deeply nested converter markup" take the same code there.
TEST_CASE("a 50 MB text on a single line finishes in reasonable time", "[hostile][slow]") {
  testing::TempDir dir;
  // Words, figures and dates, as a converter that lost every line break
  // would leave a real contract.
  const std::string sentence =
      "Le contrat local de sant\xC3\xA9 du 12 mars 2024 engage la CPAM, l'ARS et la commune "
      "pour 5 ans ; article 4 : orientations. ";
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += sentence;
  const std::string path = dir.Write("une_ligne.txt", line);
  line.clear();
  line.shrink_to_fit();
  RunResult r = Ingest(dir, path, {}, 90);
  INFO(r.output);
  CHECK(r.seconds < 60 * testing::kSlowdown);
  // Read whole (the size limit is 512 MB), stored as one line.
  CHECK(r.code == 0);
  CHECK(StoredRow(dir, path)[0] == "ok");
  Db db(dir / "db.sqlite");
  CHECK(db.Count("SELECT sum(length(CAST(text AS BLOB))) FROM pages") >= (50 << 20) - 200);
}

TEST_CASE("a table row of 10,000 cells is laid out whole", "[hostile]") {
  testing::TempDir dir;
  std::string row;
  for (int i = 1; i <= 10000; ++i) row += (i > 1 ? "\t" : "") + ("c" + std::to_string(i));
  const std::string path =
      dir.Write("table.txt", "Tableau des actions\n" + row + "\n" + row + "\nFin du tableau\n");
  RunResult r = Ingest(dir, path);
  CHECK(r.code == 0);
  CHECK(StoredRow(dir, path)[0] == "ok");
  const std::string text = PageText(dir, path);
  CHECK(std::count(text.begin(), text.end(), '\t') == 2 * 9999);
  CHECK(text.find("\tc10000\n") != std::string::npos);
  CHECK(r.seconds < 20 * testing::kSlowdown);
}

TEST_CASE("deeply nested converter markup is stripped without recursion", "[hostile]") {
  testing::TempDir dir;
  std::string nested, stars;
  for (int i = 0; i < 100000; ++i) nested += "<i><u><p>";
  nested += "profond";
  for (int i = 0; i < 100000; ++i) nested += "</p></u></i>";
  for (int i = 0; i < 100000; ++i) stars += "**";
  const std::string path = dir.Write("balises.txt", "Avant\n" + nested + "\n" + stars + "gras" +
                                                        stars + "\n" + stars + "\nApr\xC3\xA8s\n");
  RunResult r = Ingest(dir, path);
  CHECK(r.code == 0);
  CHECK(StoredRow(dir, path)[0] == "ok");
  const std::string text = PageText(dir, path);
  CHECK(text.find("profond") != std::string::npos);
  CHECK(text.find("gras") != std::string::npos);
  CHECK(text.find("<i>") == std::string::npos);
  CHECK(text.find("**") == std::string::npos);
  CHECK(r.seconds < 20 * testing::kSlowdown);
}

TEST_CASE("a rule file with a bad regex stops the run before any database", "[hostile]") {
  testing::TempDir dir;
  // The repository's rules plus one broken file, so the error must be
  // found among valid ones.
  fs::copy(testing::RulesDir(), dir / "rules", fs::copy_options::recursive);
  dir.Write("rules/zz_broken.rules",
            "# a rule an analyst got wrong\n\n[broken.rule]\nproduces: nothing\n"
            "pattern: (?P<open>unclosed [group\nmatch: x\n");
  const std::string db = dir / "out/db.sqlite";
  RunResult r = RunClsdb({"ingest", "--db", db, "--rules", dir / "rules",
                          (testing::ProjectCorpus() / "documents").string()},
                         kSmallDeadline);
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK(r.Contains("zz_broken.rules:5: [broken.rule]"));
  CHECK_FALSE(fs::exists(db));
}

TEST_CASE("paths that cannot be read as files", "[hostile]") {
  // Tests run as root, where chmod 000 does not stop a read; these are the
  // unreadable paths root meets too.
  testing::TempDir dir;

  SECTION("a dangling symlink fails as missing") {
    const std::string path = dir / "lien.pdf";
    REQUIRE(symlink((dir / "absent.pdf").c_str(), path.c_str()) == 0);
    ExpectFailed(Ingest(dir, path), path, "no such file or directory");
  }

  SECTION("a directory named x.pdf is searched as a folder, not read as a PDF") {
    const std::string path = dir / "x.pdf";
    fs::create_directories(path);
    dir.Write("x.pdf/dedans.txt", "CONTRAT LOCAL DE SANTÉ\n");
    RunResult r = Ingest(dir, path);
    CHECK(r.code == 0);
    CHECK(StoredRow(dir, path + "/dedans.txt")[0] == "ok");
  }

  SECTION("a FIFO inside a folder is not a regular file and is left alone") {
    fs::create_directories(dir / "in");
    REQUIRE(mkfifo((dir / "in/tube.pdf").c_str(), 0600) == 0);
    dir.Write("in/texte.txt", "CONTRAT LOCAL DE SANTÉ\n");
    RunResult r = Ingest(dir, dir / "in");
    CHECK(r.code == 0);
    CHECK(r.seconds < 10 * testing::kSlowdown);
  }
}

// A FIFO given by name: nobody writes to it, so opening it for reading
// would block for ever; ReadFileBytes refuses a path that is not a regular
// file.
TEST_CASE("a FIFO named on the command line fails instead of blocking", "[hostile][fifo]") {
  testing::TempDir dir;
  const std::string path = dir / "tube.pdf";
  REQUIRE(mkfifo(path.c_str(), 0600) == 0);
  RunResult r = RunClsdb({"ingest", "--db", dir / "db.sqlite", path}, 10);
  INFO(r.output);
  CHECK_FALSE(r.timed_out);
  ExpectFailed(r, path, "");
}

}  // namespace
}  // namespace clsdb
