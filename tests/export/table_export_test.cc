// clsdb export --format csv|jsonl|xlsx: every table comes back whole.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "export/cell_text.h"
#include "export_fixture.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;
using testing::Clsdb;
using testing::CorpusDb;
using testing::Query;

// The tables and views of the database, as sqlite3 lists them (FTS shadow
// tables left out: they are the index's storage).
std::vector<std::string> Relations(const std::string& db) {
  std::vector<std::string> names;
  for (const auto& row :
       Query(db,
             "SELECT name FROM pragma_table_list WHERE schema = 'main' AND "
             "type IN ('table', 'view', 'virtual') AND name NOT LIKE 'sqlite_%'")) {
    names.push_back(row[0]);
  }
  return names;
}

std::vector<std::string> Columns(const std::string& db, const std::string& table) {
  std::vector<std::string> names;
  for (const auto& row : Query(db, "SELECT name FROM pragma_table_info('" + table + "')")) {
    names.push_back(row[0]);
  }
  return names;
}

// Every row of table, each value as text with NULL and '' alike (CSV and
// a spreadsheet cannot tell them apart), in rowid order.
std::vector<std::vector<std::string>> Rows(const std::string& db, const std::string& table) {
  std::string select;
  for (const std::string& c : Columns(db, table)) {
    select += (select.empty() ? "" : ", ") + ("coalesce(CAST(\"" + c + "\" AS TEXT), '')");
  }
  // A table's rows in rowid order; a view's in its own ORDER BY (a view has
  // no rowid of its own), as export reads them.
  const bool view =
      !Query(db, "SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = '" + table + "'")
           .empty();
  return Query(db,
               "SELECT " + select + " FROM \"" + table + "\"" + (view ? "" : " ORDER BY rowid"));
}

TEST_CASE("CSV of every table, imported back with sqlite3 .import, gives the same rows",
          "[export]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  const std::string out = dir / "csv";
  const auto r = Clsdb("export --db " + db + " --format csv --out " + out);
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::vector<std::string> tables = Relations(db);
  REQUIRE(tables.size() >= 18);
  long long rows_compared = 0;
  for (const std::string& table : tables) {
    INFO(table);
    {
      const std::string csv = out + "/" + table + ".csv";
      REQUIRE(fs::exists(csv));
      // An empty copy of the table (its columns and their types), filled by
      // the sqlite3 shell from the CSV.
      const std::string copy = dir / (table + ".sqlite");
      auto made =
          testing::Run("sqlite3 " + copy + " \"ATTACH '" + db + "' AS source; CREATE TABLE \\\"" +
                       table + "\\\" AS SELECT * FROM source.\\\"" + table + "\\\" WHERE 0;\"");
      INFO(made.output);
      REQUIRE(made.code == 0);
      auto imported =
          testing::Run("sqlite3 " + copy + " \".import --csv --skip 1 " + csv + " " + table + "\"");
      INFO(imported.output);
      REQUIRE(imported.code == 0);
      const auto original = Rows(db, table);
      const auto back = Rows(copy, table);
      CHECK(back.size() == original.size());
      CHECK(back == original);
      rows_compared += static_cast<long long>(original.size());
    }
  }
  CHECK(rows_compared > 0);
}

// A python3 + openpyxl script that prints every sheet of the workbook in
// argv[1] as JSON: {sheet: [[cell, ...], ...]}, numbers as numbers.
constexpr const char* kReadXlsx = R"py(
import json, sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
out = {}
for sheet in book.worksheets:
    out[sheet.title] = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
json.dump(out, sys.stdout, ensure_ascii=False, default=str)
)py";

// A cell as read back, in the text Rows gives for it.
std::string CellText(const nlohmann::json& cell) {
  if (cell.is_null()) return "";
  if (cell.is_number_integer()) return std::to_string(cell.get<long long>());
  if (cell.is_number()) return ShortestDecimal(cell.get<double>());
  return cell.get<std::string>();
}

// Whether two cell texts are the same value: equal, or two numbers equal
// to 15 digits (Excel keeps 15 significant digits of a double).
bool SameCell(const std::string& a, const std::string& b) {
  if (a == b) return true;
  char* end_a = nullptr;
  char* end_b = nullptr;
  const double x = std::strtod(a.c_str(), &end_a), y = std::strtod(b.c_str(), &end_b);
  if (a.empty() || b.empty() || *end_a != '\0' || *end_b != '\0') return false;
  return std::fabs(x - y) <= 1e-12 * std::max(1.0, std::fabs(x));
}

TEST_CASE("xlsx of every table, read back with openpyxl, gives the same rows", "[export]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  const std::string book = dir / "all.xlsx";
  const auto r = Clsdb("export --db " + db + " --format xlsx --out " + book);
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string script = dir.Write("read.py", kReadXlsx);
  const std::string json = dir / "sheets.json";
  const auto read = testing::Run("/usr/bin/python3 " + script + " " + book + " > " + json);
  INFO(read.output);
  REQUIRE(read.code == 0);
  const nlohmann::json sheets = nlohmann::json::parse(testing::ReadFile(json));
  for (const std::string& table : Relations(db)) {
    INFO(table);
    {
      REQUIRE(sheets.contains(table));
      const auto& sheet = sheets[table];
      const std::vector<std::string> columns = Columns(db, table);
      REQUIRE(!sheet.empty());
      std::vector<std::string> header;
      for (const auto& cell : sheet[0]) header.push_back(CellText(cell));
      CHECK(header == columns);
      const auto original = Rows(db, table);
      REQUIRE(sheet.size() == original.size() + 1);
      // Text past Excel's cell limit is cut, and the export says so.
      long long cut = 0;
      for (size_t i = 0; i < original.size(); ++i) {
        const auto& row = sheet[i + 1];
        for (size_t c = 0; c < columns.size(); ++c) {
          const std::string back = c < row.size() ? CellText(row[c]) : "";
          if (back.size() < original[i][c].size() && original[i][c].rfind(back, 0) == 0 &&
              back.size() >= 32767) {
            ++cut;
            continue;
          }
          if (!SameCell(back, original[i][c])) {
            FAIL_CHECK(table << " row " << i + 1 << " column " << columns[c] << ": '"
                             << back.substr(0, 200) << "' != '" << original[i][c].substr(0, 200)
                             << "'");
          }
        }
      }
      if (cut > 0) CHECK(r.output.find(table + ".") != std::string::npos);
    }
  }
}

TEST_CASE("JSON Lines keep the values' types", "[export]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  const std::string out = dir / "parties.jsonl";
  const auto r = Clsdb("export --db " + db + " --format jsonl --out " + out + " parties");
  INFO(r.output);
  REQUIRE(r.code == 0);
  std::vector<std::string> lines;
  std::istringstream in(testing::ReadFile(out));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const auto rows =
      Query(db, "SELECT id, organization, acronym IS NULL, page FROM parties ORDER BY id");
  REQUIRE(lines.size() == rows.size());
  REQUIRE(!rows.empty());
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto object = nlohmann::json::parse(lines[i]);
    CHECK(object["id"].is_number_integer());
    CHECK(std::to_string(object["id"].get<long long>()) == rows[i][0]);
    CHECK(object["organization"].get<std::string>() == rows[i][1]);
    CHECK(object["acronym"].is_null() == (rows[i][2] == "1"));
    CHECK(object["page"].is_number_integer());
    CHECK(object.contains("span_start"));  // provenance comes along
  }
}

TEST_CASE("CSV for French Excel: ';' between fields and a byte order mark", "[export]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  const std::string out = dir / "actions.csv";
  const auto r =
      Clsdb("export --db " + db + " --format csv --separator ';' --bom --out " + out + " actions");
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string bytes = testing::ReadFile(out);
  REQUIRE(bytes.rfind("\xEF\xBB\xBF", 0) == 0);
  const auto records = testing::ParseCsv(bytes.substr(3), ';');
  const auto rows = Query(db, "SELECT id, title FROM actions ORDER BY id");
  REQUIRE(records.size() == rows.size() + 1);
  CHECK(records[0][0] == "id");
  for (size_t i = 0; i < rows.size(); ++i) {
    CHECK(records[i + 1][0] == rows[i][0]);
    CHECK(records[i + 1][4] == rows[i][1]);  // id, contract_id, orientation_id, code, title
  }
}

TEST_CASE("an export that fails leaves no file, and the old one as it was", "[export]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  const std::string kept = dir.Write("kept.csv", "an older export\n");
  auto unknown = Clsdb("export --db " + db + " --format csv --out " + kept + " parties nosuch");
  CHECK(unknown.code == 2);
  CHECK(unknown.output.find("nosuch") != std::string::npos);
  CHECK(testing::ReadFile(kept) == "an older export\n");
  auto missing_folder =
      Clsdb("export --db " + db + " --format xlsx --out " + (dir / "no/such/folder.xlsx"));
  CHECK(missing_folder.code == 2);
  CHECK(missing_folder.output.find("no/such/folder.xlsx") != std::string::npos);
  auto to_folder = Clsdb("export --db " + db + " --format xlsx --out " + dir.path().string());
  CHECK(to_folder.code == 2);
  auto no_db = Clsdb("export --db " + (dir / "absent.sqlite") + " --format csv parties");
  CHECK(no_db.code == 2);
  CHECK(no_db.output.find("absent.sqlite") != std::string::npos);
  CHECK(Clsdb("export --db " + db + " --format tsv parties").code == 2);
  CHECK(Clsdb("export --db " + db + " --format csv parties actions").code == 2);  // no --out
  // Nothing but the kept file: no temporary file was left behind.
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  CHECK(files == 1);
  CHECK(Clsdb("export --help").code == 0);
}

}  // namespace
}  // namespace clsdb
