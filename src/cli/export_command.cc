#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "export/export.h"
#include "export/scdl.h"
#include "export/tet_plan.h"

namespace po = boost::program_options;

namespace clsdb {

namespace {

int Fail(const Status& status) {
  std::fprintf(stderr, "clsdb export: %s\n", status.message().c_str());
  // A database that cannot be read is the only failure that is not the
  // caller's to fix by changing the command.
  return status.code() == Status::Code::kCorruption || status.code() == Status::Code::kInternal ? 1
                                                                                                : 2;
}

// What the command line asked for.
struct ExportRequest {
  std::string db_path = "output/clsdb.sqlite";
  std::string format;
  std::string separator = ",";
  TableExportOptions options;
  std::vector<std::string> tables;
  std::vector<std::string> sirets;
  ScdlOptions scdl;
  long long contract_id = -1;
};

int ExportScdl(ExportRequest& r) {
  if (!r.tables.empty()) {
    std::fprintf(stderr, "clsdb export: scdl-deliberations takes no TABLE\n");
    return 2;
  }
  for (const std::string& siret : r.sirets) {
    if (!IsValidSiret(siret)) {
      std::fprintf(stderr,
                   "clsdb export: --siret '%s' is not a SIRET (14 digits, INSEE's check "
                   "digit)\n",
                   siret.c_str());
      return 2;
    }
    r.scdl.siret_by_siren[siret.substr(0, 9)] = siret;
  }
  r.scdl.out = r.options.out;
  Result<ScdlReport> report = ExportScdlDeliberations(r.db_path, r.scdl);
  if (!report.ok()) return Fail(report.status());
  for (const auto& [column, count] : report->missing_required) {
    std::fprintf(stderr, "clsdb export: %s, required by the schema, is empty for %lld act%s%s\n",
                 column.c_str(), count, count == 1 ? "" : "s",
                 column == "COLL_SIRET"                  ? " (give --siret)"
                 : column.rfind("DELIB_MATIERE", 0) == 0 ? " (give --matiere)"
                                                         : "");
  }
  if (report->pref_dates_dropped > 0) {
    std::fprintf(stderr, "clsdb export: %lld PREF_DATE left empty: before the act's date\n",
                 report->pref_dates_dropped);
  }
  std::fprintf(stderr, "%lld act%s written, %lld left out\n", report->rows,
               report->rows == 1 ? "" : "s", report->omitted);
  return 0;
}

int ExportTet(const ExportRequest& r) {
  if (!r.tables.empty() || r.contract_id < 0) {
    std::fprintf(stderr, "clsdb export: tet-plan takes --contract ID and no TABLE\n");
    return 2;
  }
  Result<TetPlanReport> report = ExportTetPlan(r.db_path, r.contract_id, r.options.out);
  if (!report.ok()) return Fail(report.status());
  std::fprintf(stderr, "%d fiche%s of '%s' -> %s\n", report->fiches, report->fiches == 1 ? "" : "s",
               report->contract_title.c_str(), r.options.out.c_str());
  return 0;
}

int ExportTableFiles(ExportRequest& r) {
  TableExportOptions& options = r.options;
  if (r.format == "csv") {
    options.format = TableFormat::kCsv;
  } else if (r.format == "jsonl") {
    options.format = TableFormat::kJsonl;
  } else if (r.format == "xlsx") {
    options.format = TableFormat::kXlsx;
  } else {
    std::fprintf(stderr,
                 "clsdb export: --format is csv, jsonl, xlsx, scdl-deliberations or tet-plan%s%s\n",
                 r.format.empty() ? "" : ", not ", r.format.c_str());
    return 2;
  }
  if (r.separator.size() != 1) {
    std::fprintf(stderr, "clsdb export: --separator is one character, ',' or ';'\n");
    return 2;
  }
  options.csv_separator = r.separator[0];
  options.progress = isatty(STDERR_FILENO) != 0;
  Result<TableExportReport> report = ExportTables(r.db_path, r.tables, options);
  if (!report.ok()) return Fail(report.status());
  long long rows = 0;
  for (const auto& [table, count] : report->rows) rows += count;
  for (const auto& [column, count] : report->cells_cut) {
    std::fprintf(stderr,
                 "clsdb export: %s: %lld cell%s cut at Excel's limit of 32,767 characters\n",
                 column.c_str(), count, count == 1 ? "" : "s");
  }
  std::fprintf(stderr, "%zu table%s, %lld rows%s%s\n", report->rows.size(),
               report->rows.size() == 1 ? "" : "s", rows, options.out.empty() ? "" : " -> ",
               options.out.c_str());
  return 0;
}

}  // namespace

int ExportCommand(const std::vector<std::string>& args) {
  ExportRequest r;
  po::options_description visible(
      "Usage: clsdb export [OPTIONS] --format FORMAT [TABLE-OR-VIEW...]\n\n"
      "Writes tables and views of the database to files analysts open.  With no\n"
      "TABLE-OR-VIEW, every table and view.  Each file is written under a temporary\n"
      "name and renamed when complete: a failed export leaves nothing behind.\n\n"
      "Formats:\n"
      "  csv     RFC 4180, UTF-8, a header row (--separator ';' --bom for French Excel)\n"
      "  jsonl   JSON Lines: one object per row, typed values\n"
      "  xlsx    one sheet per table, a header row (--out FILE required)\n"
      "  scdl-deliberations  the SCDL \"Délibérations\" open-data CSV, one row per act\n"
      "          (no TABLE; see README for the columns filled)\n"
      "  tet-plan  the action plan of --contract ID as the xlsx that Territoires en\n"
      "          Transitions imports (--out FILE required)\n\n"
      "Options");
  visible.add_options()("help,h", "this help")(
      "db", po::value(&r.db_path)->default_value(r.db_path), "the SQLite database")(
      "format", po::value(&r.format), "csv, jsonl, xlsx, scdl-deliberations or tet-plan")(
      "out,o", po::value(&r.options.out),
      "the file to write; a folder for several tables (csv, jsonl); "
      "standard output when absent (one table, csv or jsonl)")(
      "separator", po::value(&r.separator)->default_value(r.separator), "csv: ',' or ';'")(
      "bom", po::bool_switch(&r.options.csv_bom), "csv: start with a UTF-8 byte order mark")(
      "contract", po::value(&r.contract_id), "tet-plan: the contract's id (contracts.id)")(
      "siret", po::value(&r.sirets),
      "scdl: the collectivity's SIRET, for the acts whose ACTES id has its SIREN "
      "(repeatable)")("matiere", po::value(&r.scdl.matiere_code),
                      "scdl: the ACTES nomenclature code of every act, e.g. 8.2")(
      "only-complete", po::bool_switch(&r.scdl.only_complete),
      "scdl: leave out the acts that miss a value the schema requires");
  po::variables_map vm;
  if (auto exit = ParseCommandLine({"export", visible, "table", &r.tables}, args, &vm)) {
    return *exit;
  }
  if (r.format == "scdl-deliberations") return ExportScdl(r);
  if (r.format == "tet-plan") return ExportTet(r);
  return ExportTableFiles(r);
}

}  // namespace clsdb
