// Helpers of the hostile-input tests: run the real clsdb executable under a
// deadline, read the database it wrote, and build PDFs byte by byte.
//
// The executable is found through CLSDB_BIN, which CTest sets (see
// tests/CMakeLists.txt).  Every child runs in its own process group so that
// a test can kill it together with the PDF reader processes it started.
#ifndef CLSDB_TESTS_HOSTILE_HOSTILE_UTIL_H_
#define CLSDB_TESTS_HOSTILE_HOSTILE_UTIL_H_

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

// 1 in a sanitizer build (CLSDB_SANITIZE, the CI's second pass), else 0.
#if defined(__SANITIZE_ADDRESS__)
#define CLSDB_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CLSDB_TEST_SANITIZED 1
#endif
#endif
#ifndef CLSDB_TEST_SANITIZED
#define CLSDB_TEST_SANITIZED 0
#endif

namespace clsdb::testing {

// Whether this is a sanitizer build (CLSDB_SANITIZE, the CI's second pass).
constexpr bool kSanitized = CLSDB_TEST_SANITIZED;
// Sanitizer builds run clsdb several times slower: time limits are
// multiplied by this.
constexpr double kSlowdown = kSanitized ? 4 : 1;

inline std::string ClsdbBin() {
  const char* bin = std::getenv("CLSDB_BIN");
  if (bin == nullptr) throw std::runtime_error("CLSDB_BIN is not set (run the tests via ctest)");
  return bin;
}

inline double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Starts `clsdb args…` in a new process group; its stdout and stderr go to
// *out_fd (the read end of a pipe) when out_fd is given, else to /dev/null.
inline pid_t SpawnClsdb(const std::vector<std::string>& args, int* out_fd = nullptr) {
  int fds[2] = {-1, -1};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (out_fd != nullptr) {
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  }
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<std::string> argv_s = {ClsdbBin()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (out_fd != nullptr) {
    close(fds[1]);
    *out_fd = fds[0];
  }
  if (rc != 0) throw std::runtime_error("cannot start " + argv_s[0]);
  return pid;
}

// Kills a child started by SpawnClsdb and everything in its process group.
inline void KillGroup(pid_t pid) { kill(-pid, SIGKILL); }

struct RunResult {
  int code = -1;           // exit code, -1 when killed by a signal
  int signal = 0;          // the signal that ended it, 0 when it exited
  bool timed_out = false;  // we killed it at the deadline
  double seconds = 0;
  std::string output;  // stdout and stderr, interleaved

  bool Contains(const std::string& s) const { return output.find(s) != std::string::npos; }
};

// Runs clsdb to completion, or kills its process group at the deadline.
// The deadline is scaled by kSlowdown.
inline RunResult RunClsdb(const std::vector<std::string>& args, double timeout_seconds = 30) {
  timeout_seconds *= kSlowdown;
  const auto start = std::chrono::steady_clock::now();
  int fd = -1;
  const pid_t pid = SpawnClsdb(args, &fd);
  RunResult r;
  char buf[65536];
  while (true) {
    const double left = timeout_seconds - SecondsSince(start);
    if (left <= 0) {
      r.timed_out = true;
      KillGroup(pid);
      break;
    }
    pollfd p{fd, POLLIN, 0};
    const int n = poll(&p, 1, static_cast<int>(left * 1000) + 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) continue;  // deadline reached: checked at the top
    const ssize_t got = read(fd, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;  // every writer closed: the child is done
    r.output.append(buf, static_cast<size_t>(got));
  }
  close(fd);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // Reap stragglers of the group (a PDF reader child) as well.
  kill(-pid, SIGKILL);
  r.seconds = SecondsSince(start);
  if (WIFEXITED(status)) r.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

// `clsdb ingest --db db args...` run by RunClsdb; a run that timed out or
// died of a signal fails the calling test, with its output.
inline RunResult IngestInto(const std::string& db, const std::vector<std::string>& args,
                            double timeout_seconds) {
  std::vector<std::string> all = {"ingest", "--db", db};
  all.insert(all.end(), args.begin(), args.end());
  RunResult r = RunClsdb(all, timeout_seconds);
  INFO(r.output);
  CHECK_FALSE(r.timed_out);
  CHECK(r.signal == 0);
  return r;
}

// A connection to a database clsdb wrote, for assertions (read-only unless
// asked).
class Db {
 public:
  explicit Db(const std::string& path, bool writable = false) {
    const int flags = writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw std::runtime_error("cannot open " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* get() const { return db_; }

  // Every row of sql (after binding params as text), each column as text
  // ("NULL" for NULL).  Throws with SQLite's message on error.
  std::vector<std::vector<std::string>> Query(const std::string& sql,
                                              const std::vector<std::string>& params = {}) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      sqlite3_bind_text(stmt, static_cast<int>(i) + 1, params[i].c_str(), -1, SQLITE_TRANSIENT);
    }
    std::vector<std::vector<std::string>> rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const unsigned char* v = sqlite3_column_text(stmt, c);
        row.push_back(v ? reinterpret_cast<const char*>(v) : "NULL");
      }
      rows.push_back(std::move(row));
    }
    const std::string err = sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + err);
    return rows;
  }

  std::string Scalar(const std::string& sql, const std::vector<std::string>& params = {}) const {
    auto rows = Query(sql, params);
    return rows.empty() || rows[0].empty() ? "" : rows[0][0];
  }
  long long Count(const std::string& sql) const { return std::stoll(Scalar(sql)); }

 private:
  sqlite3* db_ = nullptr;
};

// Builds a PDF from numbered objects and writes a correct cross-reference
// table, so that each hostile PDF differs from a valid one only where the
// test means it to.
class PdfBuilder {
 public:
  // Reserves object numbers 1..n in order; bodies are given with Set.
  int Reserve() {
    bodies_.emplace_back();
    return static_cast<int>(bodies_.size());
  }
  void Set(int number, std::string body) { bodies_[number - 1] = std::move(body); }
  int Add(std::string body) {
    const int n = Reserve();
    Set(n, std::move(body));
    return n;
  }

  std::string Finish(int root) const {
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < bodies_.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + bodies_[i] + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(bodies_.size() + 1) + "\n0000000000 65535 f \n";
    char line[32];
    for (size_t off : offsets) {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
      out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(bodies_.size() + 1) + " /Root " +
           std::to_string(root) + " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::vector<std::string> bodies_;
};

inline std::string PdfStream(const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// Text for a content stream's ( … ) string: ASCII only, escapes applied.
inline std::string PdfString(const std::string& text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

// A valid PDF with one page per entry of pages, each showing its lines of
// ASCII text in Helvetica.
inline std::string SimplePdf(const std::vector<std::vector<std::string>>& pages) {
  PdfBuilder b;
  const int catalog = b.Reserve();
  const int tree = b.Reserve();
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  std::string kids;
  for (const auto& lines : pages) {
    std::string content = "BT /F1 12 Tf 72 760 Td 16 TL\n";
    for (const auto& line : lines) content += PdfString(line) + " Tj T*\n";
    content += "ET";
    const int stream = b.Add(PdfStream(content));
    const int page =
        b.Add("<< /Type /Page /Parent " + std::to_string(tree) +
              " 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 " + std::to_string(font) +
              " 0 R >> >> /Contents " + std::to_string(stream) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  b.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>");
  b.Set(tree,
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  return b.Finish(catalog);
}

// A PDF of `count` pages that all share one content stream, under a
// two-level page tree (nodes of at most 100 kids), so that 10,000 pages
// take about a megabyte and a few milliseconds to write.
inline std::string ManyPagesPdf(int count) {
  PdfBuilder b;
  const int catalog = b.Reserve();
  const int root = b.Reserve();
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const int content = b.Add(PdfStream("BT /F1 12 Tf 72 760 Td (Page du contrat) Tj ET"));
  const std::string resources = " /MediaBox [0 0 595 842] /Resources << /Font << /F1 " +
                                std::to_string(font) + " 0 R >> >> /Contents " +
                                std::to_string(content) + " 0 R >>";
  std::string root_kids;
  for (int first = 0; first < count; first += 100) {
    const int n = std::min(100, count - first);
    const int node = b.Reserve();
    std::string kids;
    for (int i = 0; i < n; ++i) {
      kids += std::to_string(
                  b.Add("<< /Type /Page /Parent " + std::to_string(node) + " 0 R" + resources)) +
              " 0 R ";
    }
    b.Set(node, "<< /Type /Pages /Parent " + std::to_string(root) + " 0 R /Kids [" + kids +
                    "] /Count " + std::to_string(n) + " >>");
    root_kids += std::to_string(node) + " 0 R ";
  }
  b.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(root) + " 0 R >>");
  b.Set(root, "<< /Type /Pages /Kids [" + root_kids + "] /Count " + std::to_string(count) + " >>");
  return b.Finish(catalog);
}

// A page tree whose nodes list themselves and their parent among their
// kids: a reader that follows /Kids without remembering where it has been
// never stops.  One real page is reachable.
inline std::string LoopingPageTreePdf() {
  PdfBuilder b;
  const int catalog = b.Reserve();  // 1
  const int root = b.Reserve();     // 2
  const int inner = b.Reserve();    // 3
  const int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const int content = b.Add(PdfStream("BT /F1 12 Tf 72 760 Td (Une page en boucle) Tj ET"));
  const int page =
      b.Add("<< /Type /Page /Parent " + std::to_string(inner) +
            " 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 " + std::to_string(font) +
            " 0 R >> >> /Contents " + std::to_string(content) + " 0 R >>");
  auto ref = [](int n) { return std::to_string(n) + " 0 R"; };
  b.Set(catalog, "<< /Type /Catalog /Pages " + ref(root) + " >>");
  b.Set(root, "<< /Type /Pages /Kids [" + ref(root) + " " + ref(inner) + "] /Count 3 >>");
  b.Set(inner, "<< /Type /Pages /Parent " + ref(root) + " /Kids [" + ref(page) + " " + ref(root) +
                   " " + ref(inner) + "] /Count 2 >>");
  return b.Finish(catalog);
}

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_HOSTILE_HOSTILE_UTIL_H_
