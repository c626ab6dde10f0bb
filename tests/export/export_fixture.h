// What the export tests share: the clsdb executable run as a user runs it,
// a database of the shared corpus's text documents built once per test
// process, and small readers for the files the exports write.
#ifndef CLSDB_TESTS_EXPORT_EXPORT_FIXTURE_H_
#define CLSDB_TESTS_EXPORT_EXPORT_FIXTURE_H_

#include <sqlite3.h>
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "query_rows.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb::testing {

struct RunResult {
  int code = -1;
  std::string output;  // stdout and stderr
};

inline RunResult Run(const std::string& command) {
  RunResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline RunResult Clsdb(const std::string& args) {
  const char* bin = std::getenv("CLSDB_BIN");
  REQUIRE(bin != nullptr);
  return Run(std::string(bin) + " " + args);
}

inline std::string Quote(const std::string& s) { return "'" + s + "'"; }

// The shared corpus's text documents (the three seed texts and the fourteen
// real deliberations) ingested once into a database that lives as long as
// the test process.  Texts only: the PDFs take minutes and add no table.
inline const std::string& CorpusDb() {
  static TempDir dir;  // removed when the test process exits
  static const std::string db = [] {
    REQUIRE(HaveSharedCorpus());
    const std::string path = dir / "corpus.sqlite";
    const RunResult r =
        Clsdb("ingest --db " + path + " " + Quote((SharedCorpus() / "text").string()) + " " +
              Quote((SharedCorpus() / "real" / "text").string()));
    INFO(r.output);
    REQUIRE(r.code == 0);
    return path;
  }();
  return db;
}

// Rows of a query, every value as text ("" for NULL).
inline std::vector<std::vector<std::string>> Query(const std::string& db_path,
                                                   const std::string& sql) {
  return QueryRows(db_path, sql);
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// RFC 4180 records: fields split on separator, quotes undone, CRLF or LF
// ends a record outside quotes.
inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text,
                                                      char separator = ',') {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    any = true;
    if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      record.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (any) {
    record.push_back(field);
    records.push_back(record);
  }
  return records;
}

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_EXPORT_EXPORT_FIXTURE_H_
