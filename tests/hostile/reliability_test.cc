// Reliability, second round (issue 18): one read per file, transient
// failures retried, bounded memory, options in range, other databases left
// alone.  Each case runs the real clsdb executable and is named after what it
// proves.
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "hostile_util.h"
#include "read/reader.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;
using testing::Db;
using testing::RunClsdb;
using testing::RunResult;

constexpr double kDeadline = 60;

RunResult IngestWith(const testing::TempDir& dir, const std::vector<std::string>& args) {
  return testing::IngestInto(dir / "db.sqlite", args, kDeadline);
}

// `sh -c script` with CLSDB set to the executable; its exit status and
// output (stdout and stderr).
RunResult Shell(const testing::TempDir& dir, const std::string& script) {
  const std::string out = dir / "shell.out";
  const std::string command =
      "CLSDB='" + testing::ClsdbBin() + "' sh -c '" + script + "' >" + out + " 2>&1";
  const int status = std::system(command.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  r.output = text.str();
  return r;
}

std::string Column(const testing::TempDir& dir, const std::string& column,
                   const std::string& path) {
  Db db(dir / "db.sqlite");
  return db.Scalar("SELECT " + column + " FROM documents WHERE path = ?", {path});
}

std::string SmallPdf() {
  return testing::SimplePdf({{"CONTRAT LOCAL DE SANTE", "Article 1 : Objet du contrat"}});
}

// 1. -------------------------------------------------------------------------

// doc.pdf links to /proc/self/fd/0.  In clsdb, whose standard input is the
// PDF, that is the PDF; in the reader child, whose standard input is the
// request pipe, it is no file at all.  So the document is read only if the
// child parses the bytes the parent read (and hashed), not the path.
TEST_CASE("the PDF reader child parses the bytes that were hashed, never the path",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string pdf = SmallPdf();
  dir.Write("real.pdf", pdf);
  REQUIRE(symlink("/proc/self/fd/0", (dir / "doc.pdf").c_str()) == 0);
  RunResult r = Shell(dir, "exec \"$CLSDB\" ingest --db " + (dir / "db.sqlite") + " " +
                               (dir / "doc.pdf") + " <" + (dir / "real.pdf"));
  INFO(r.output);
  CHECK(r.code == 0);
  const std::string doc = dir / "doc.pdf";
  CHECK(Column(dir, "status", doc) == "ok");
  CHECK(Column(dir, "sha256", doc) == Sha256Hex(pdf));
  Db db(dir / "db.sqlite");
  CHECK(db.Scalar("SELECT text FROM pages WHERE page_no = 1").find("CONTRAT LOCAL") !=
        std::string::npos);
}

// 2. -------------------------------------------------------------------------

TEST_CASE("a file over --max-input-mb fails, named, before it is read; the batch goes on",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string big = dir.Write("gros.txt", std::string(2u << 20, 'a') + "\n");
  const std::string small = dir.Write("petit.txt", "DÉLIBÉRATION\nLe conseil approuve.\n");
  RunResult r = IngestWith(dir, {"--max-input-mb", "1", big, small});
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.Contains("failed " + big +
                   ": Limit exceeded: file of 2097153 bytes is over the input "
                   "limit of 1048576 bytes (--max-input-mb)"));
  CHECK(Column(dir, "status", small) == "ok");
}

TEST_CASE("a text that would need more than --max-memory-mb fails before it is processed",
          "[hostile][reliability]") {
  testing::TempDir dir;
  // 2 MB of short lines: about 90 MB to process (pipeline.h).
  std::string lines;
  while (lines.size() < (2u << 20)) lines += "Vu.\n";
  const std::string big = dir.Write("long.txt", lines);
  const std::string small = dir.Write("court.txt", "DÉLIBÉRATION\nLe conseil approuve.\n");
  RunResult r = IngestWith(dir, {"--max-memory-mb", "16", big, small});
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.Contains("failed " + big + ": Limit exceeded: a text of "));
  CHECK(r.Contains("over --max-memory-mb 16"));
  CHECK(Column(dir, "status", small) == "ok");
}

// 3. -------------------------------------------------------------------------

TEST_CASE("a reader timeout is transient: the next runs retry it, up to 3 attempts in all",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string pdf = dir.Write("lent.pdf", SmallPdf());
  // 1 ms: the reader child cannot even start in that time.
  RunResult first = IngestWith(dir, {"--doc-timeout", "0.001", pdf});
  CHECK(first.code == 1);
  CHECK(Column(dir, "status || '/' || transient || '/' || attempts", pdf) == "failed/1/1");
  CHECK(Column(dir, "error", pdf).find("Temporary failure: PDF reader timed out") == 0);

  RunResult second = IngestWith(dir, {"--doc-timeout", "0.001", pdf});
  CHECK(second.code == 1);
  CHECK(Column(dir, "status || '/' || attempts", pdf) == "failed/2");
  RunResult third = IngestWith(dir, {"--doc-timeout", "0.001", pdf});
  CHECK(Column(dir, "status || '/' || attempts", pdf) == "failed/3");
  // Three attempts: the fourth run leaves it, and says how to try again.
  RunResult fourth = IngestWith(dir, {pdf});
  INFO(fourth.output);
  CHECK(fourth.code == 0);
  CHECK(Column(dir, "status || '/' || attempts", pdf) == "failed/3");
  CHECK(fourth.Contains("0 ok, 0 partial, 0 failed, 1 skipped"));

  RunResult retried = IngestWith(dir, {"--retry-failed", pdf});
  INFO(retried.output);
  CHECK(retried.code == 0);
  CHECK(Column(dir, "status || '/' || transient || '/' || attempts", pdf) == "ok/0/4");
}

TEST_CASE("a timeout that passes is stored ok on the next run without --retry-failed",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string pdf = dir.Write("lent.pdf", SmallPdf());
  CHECK(IngestWith(dir, {"--doc-timeout", "0.001", pdf}).code == 1);
  RunResult again = IngestWith(dir, {pdf});
  INFO(again.output);
  CHECK(again.code == 0);
  CHECK(again.Contains("1 ok, 0 partial, 0 failed, 0 skipped"));
  CHECK(Column(dir, "status || '/' || attempts", pdf) == "ok/2");
  Db db(dir / "db.sqlite");
  CHECK(db.Count("SELECT count(*) FROM documents") == 1);
}

TEST_CASE("a failure of the file itself is not retried, unless --retry-failed",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string bad = dir.Write("faux.pdf", "not a PDF at all\n");
  CHECK(IngestWith(dir, {bad}).code == 1);
  CHECK(Column(dir, "status || '/' || transient || '/' || attempts", bad) == "failed/0/1");
  RunResult again = IngestWith(dir, {bad});
  CHECK(again.code == 0);
  CHECK(again.Contains("0 failed, 1 skipped"));
  RunResult retried = IngestWith(dir, {"--retry-failed", bad});
  CHECK(retried.code == 1);
  CHECK(Column(dir, "status || '/' || attempts", bad) == "failed/2");
}

// 4. -------------------------------------------------------------------------

// An address-space limit on clsdb itself; sanitizer builds cannot run under
// one (ASan reserves terabytes of address space), so the case exists in
// plain builds only.
#if !CLSDB_TEST_SANITIZED
TEST_CASE("a file too big for the memory left fails that document, transiently, not the batch",
          "[hostile][reliability]") {
  testing::TempDir dir;
  // 500 MB of holes: under the input limit, over the memory clsdb is given.
  const std::string big = dir / "vaste.txt";
  { std::ofstream(big) << ""; }
  fs::resize_file(big, 500u << 20);
  const std::string small = dir.Write("sobre.txt", "DÉLIBÉRATION\nLe conseil approuve.\n");
  RunResult r = Shell(dir, "ulimit -v 400000; exec \"$CLSDB\" ingest --jobs 1 --db " +
                               (dir / "db.sqlite") + " " + big + " " + small);
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(r.Contains("failed " + big + ": Temporary failure: not enough memory to read"));
  CHECK(Column(dir, "status", small) == "ok");
}

// Memory runs out at a different place under each limit: loading the rules,
// compiling them on several threads, starting the workers, building RE2's
// DFAs inside std::call_once, processing a page.  None may end the process.
// Every 20 MB: near its limit glibc's malloc retries a new arena on each
// allocation, so a run there takes seconds; 13 limits still cross each place.
TEST_CASE("out of memory anywhere, clsdb exits with a message, never by a signal",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string pdf = dir.Write("in/contrat.pdf", SmallPdf());
  const auto documents = testing::ProjectCorpus() / "documents";
  const std::string texts = (documents / "delib_bureau_cls.txt").string() + " " +
                            (documents / "cls_plan_tableau.txt").string();
  int ran_out = 0;
  for (int limit_mb = 80; limit_mb <= 320; limit_mb += 20) {
    fs::remove(dir / "db.sqlite");
    RunResult r = Shell(dir, "ulimit -v " + std::to_string(limit_mb * 1024) +
                                 "; exec \"$CLSDB\" ingest --jobs 2 --db " + (dir / "db.sqlite") +
                                 " " + texts + " " + pdf);
    INFO(limit_mb << " MB: " << r.output);
    CHECK((r.code >= 0 && r.code <= 3));
    CHECK_FALSE(r.Contains("terminate called"));
    CHECK_FALSE(r.Contains("libgcc_s"));
    if (r.Contains("out of memory")) ++ran_out;
  }
  // The sweep reached the limits it is about.
  CHECK(ran_out > 0);
}
#endif

// 5. -------------------------------------------------------------------------

TEST_CASE("an option out of range is a usage error naming the option and its range",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string txt = dir.Write("a.txt", "DÉLIBÉRATION\n");
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"--doc-timeout", "1e10"}, "--doc-timeout must be between 0.001 and 604800"},
      {{"--doc-timeout", "inf"}, "--doc-timeout must be between"},
      {{"--doc-timeout", "nan"}, "--doc-timeout must be between"},
      {{"--jobs", "100000"}, "--jobs must be between 0 and 256"},
      {{"--max-memory-mb", "99999999999"}, "--max-memory-mb must be between 16 and 1048576"},
      {{"--max-memory-mb", "1"}, "--max-memory-mb must be between 16 and 1048576"},
      {{"--max-pages", "0"}, "--max-pages must be between 1 and 1000000"},
      {{"--max-input-mb", "0"}, "--max-input-mb must be between 1 and 4095"},
      {{"--db", ""}, "--db must name a file"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"ingest"};
    if (c.args[0] != "--db") args.insert(args.end(), {"--db", dir / "db.sqlite"});
    args.insert(args.end(), c.args.begin(), c.args.end());
    args.push_back(txt);
    RunResult r = RunClsdb(args, kDeadline);
    INFO(c.args[0] << " " << c.args[1] << ": " << r.output);
    CHECK(r.code == 2);
    CHECK(r.Contains(c.says));
  }
  CHECK_FALSE(fs::exists(dir / "db.sqlite"));

  RunResult search = RunClsdb({"search", "--db", dir / "db.sqlite", "--limit", "-1", "santé"});
  INFO(search.output);
  CHECK(search.code == 2);
  CHECK(search.Contains("--limit must be between 0 and 1000000 (got -1)"));
}

// 6. -------------------------------------------------------------------------

// The database's tables and its journal mode, as text.
std::string Shape(const std::string& path) {
  Db db(path);
  std::string out = db.Scalar("PRAGMA journal_mode") + ":";
  for (const auto& row : db.Query("SELECT name FROM sqlite_master ORDER BY name")) {
    out += " " + row[0];
  }
  return out;
}

TEST_CASE("another application's database is refused before anything is written to it",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string txt = dir.Write("a.txt", "DÉLIBÉRATION\nLe conseil approuve.\n");
  const std::vector<std::pair<std::string, std::string>> databases = {
      {"CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);", "no meta.schema_version"},
      {"CREATE TABLE documents(id INTEGER PRIMARY KEY, name TEXT);", "no meta.schema_version"},
      {"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
       "INSERT INTO meta VALUES ('schema_version', '0');",
       "meta.schema_version is '0'"},
      {"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
       "INSERT INTO meta VALUES ('schema_version', 'deux');",
       "meta.schema_version is 'deux'"},
      {"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);", "no meta.schema_version"},
  };
  int n = 0;
  for (const auto& [sql, says] : databases) {
    const std::string path = dir / ("other" + std::to_string(++n) + ".sqlite");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    const std::string before = Shape(path);
    RunResult r = RunClsdb({"ingest", "--db", path, txt}, kDeadline);
    INFO(sql << "\n" << r.output);
    CHECK(r.code == 2);
    CHECK(r.Contains("not a clsdb database, left unchanged"));
    CHECK(r.Contains(says));
    CHECK(Shape(path) == before);
  }
}

// 7. -------------------------------------------------------------------------

TEST_CASE("skipped files are reported with their reason", "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string odt = dir.Write("in/notes.odt", "PK not a text");
  dir.Write("in/a.txt", "DÉLIBÉRATION\nLe conseil approuve.\n");
  RunResult r = IngestWith(dir, {dir / "in"});
  INFO(r.output);
  CHECK(r.code == 0);
  CHECK(r.Contains("skipped " + odt + ": not a .pdf or .txt file"));
}

// Root lists any folder, and CI runs the tests as root: there the ingest runs
// as nobody (setpriv), for whom a folder of mode 000 is closed.
TEST_CASE("a folder that cannot be listed fails, named with the reason; the rest is ingested",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string readable = dir.Write("in/a.txt", "DÉLIBÉRATION\nLe conseil approuve.\n");
  dir.Write("in/fermé/b.txt", "DÉLIBÉRATION\nLe conseil approuve aussi.\n");
  const std::string closed = dir / "in/fermé";
  // nobody creates the database in dir.
  fs::permissions(dir.path(), fs::perms::all);
  fs::permissions(closed, fs::perms::none);
  const std::string as_nobody =
      geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";

  SECTION("met while walking the folder given") {
    RunResult r = Shell(
        dir, as_nobody + "\"$CLSDB\" ingest --db " + (dir / "db.sqlite") + " " + (dir / "in"));
    INFO(r.output);
    CHECK(r.code == 1);
    CHECK(r.Contains("failed " + closed + ": cannot list directory: Permission denied"));
    CHECK(Column(dir, "status", readable) == "ok");
    Db db(dir / "db.sqlite");
    CHECK(db.Scalar("SELECT documents_ok || '/' || documents_failed FROM runs") == "1/1");
  }
  SECTION("given itself") {
    RunResult r =
        Shell(dir, as_nobody + "\"$CLSDB\" ingest --db " + (dir / "db.sqlite") + " " + closed);
    INFO(r.output);
    CHECK(r.code == 1);
    CHECK(r.Contains("failed " + closed + ": cannot list directory: Permission denied"));
  }
  fs::permissions(closed, fs::perms::owner_all);  // so that TempDir can remove it
}

TEST_CASE("a path that does not exist is a usage error; no database is opened",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string absent = dir / "absent.txt";
  RunResult r = RunClsdb({"ingest", "--db", dir / "db.sqlite", absent}, kDeadline);
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK(r.Contains(absent + ": no such file or directory"));
  CHECK_FALSE(fs::exists(dir / "db.sqlite"));
}

// 8. -------------------------------------------------------------------------

TEST_CASE("past the file size limit a document fails with the reason; nothing is half-written",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string first = dir.Write("premier.txt", "DÉLIBÉRATION\nLe conseil approuve.\n");
  REQUIRE(IngestWith(dir, {first}).code == 0);
  std::string lines;
  while (lines.size() < (4u << 20)) lines += "Le conseil approuve le contrat local de santé.\n";
  const std::string big = dir.Write("gros.txt", lines);
  // 2048 blocks: 1 MB for dash, 2 MB for bash; the 4 MB page does not fit.
  RunResult r =
      Shell(dir, "ulimit -f 2048; exec \"$CLSDB\" ingest --db " + (dir / "db.sqlite") + " " + big);
  INFO(r.output);
  CHECK((r.code == 1 || r.code == 2));  // the document, or the run's own bookkeeping
  CHECK(r.Contains(big));
  Db db(dir / "db.sqlite");
  CHECK(db.Scalar("PRAGMA integrity_check") == "ok");
  CHECK(db.Count("SELECT count(*) FROM documents WHERE path = '" + big + "'") == 0);
  CHECK(Column(dir, "status", first) == "ok");
}

// 11. ------------------------------------------------------------------------

TEST_CASE("a path too long for the system says so, not \"no such file\"",
          "[hostile][reliability]") {
  testing::TempDir dir;
  std::string path = dir.path().string();
  while (path.size() <= 4200) path += "/dossier";
  path += "/a.txt";
  RunResult r = RunClsdb({"ingest", "--db", dir / "db.sqlite", path}, kDeadline);
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK(r.Contains("File name too long"));
  CHECK_FALSE(r.Contains("no such file"));
}

TEST_CASE("a database whose journal cannot be created is an IO error, not corrupt input",
          "[hostile][reliability]") {
  testing::TempDir dir;
  const std::string txt = dir.Write("a.txt", "DÉLIBÉRATION\n");
  REQUIRE(IngestWith(dir, {txt}).code == 0);
  // Where SQLite would create the WAL, a folder: the operating system
  // refuses, as a read-only folder would refuse (root writes anywhere a
  // mode allows nothing).
  fs::create_directories(dir / "db.sqlite-wal");
  RunResult r = RunClsdb({"ingest", "--db", dir / "db.sqlite", txt}, kDeadline);
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK_FALSE(r.Contains("Corrupt input"));
  CHECK(r.Contains("IO error"));
}

// 12. ------------------------------------------------------------------------

TEST_CASE("no carriage-return progress when stderr is not a terminal", "[hostile][reliability]") {
  RunResult r = RunClsdb({"check", "--document", "cls_signature_only"}, 120);
  INFO(r.output);
  CHECK(r.Contains("check: ingesting"));
  CHECK(r.output.find('\r') == std::string::npos);
}

}  // namespace
}  // namespace clsdb
