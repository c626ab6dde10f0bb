// export: the database out to the files analysts open and the formats
// collectivities publish or import.  Reads through store/ only.
//
// In:  a clsdb database (../shared/spec/schema.md) and what to export.
// Out: files, each written to a temporary file beside its destination and
//      renamed over it once complete: a failed export leaves no file, and
//      never half of one.
//
//   ExportTables     tables and views as CSV (RFC 4180, UTF-8; `;` and a
//                    BOM on request, for French Excel), JSON Lines (typed
//                    values) or xlsx (one sheet per table, a header row).
//                    Rows are streamed: memory does not grow with a table.
//   ExportScdlDeliberations
//                    one row per deliberation act in the SCDL
//                    "Délibérations" CSV (schema.data.gouv.fr, scdl/
//                    deliberations 2.1.5); see scdl.h for what is filled.
//   ExportTetPlan    one contract's action plan as the xlsx that Territoires
//                    en Transitions imports as a plan; see tet_plan.h.
//
// Errors: NotFound (no database, no such table or contract), InvalidArgument
// (options that do not fit together), IOError (the destination cannot be
// written: the message names it), LimitExceeded (more rows than a sheet
// holds).
#ifndef CLSDB_EXPORT_EXPORT_H_
#define CLSDB_EXPORT_EXPORT_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace clsdb {

enum class TableFormat { kCsv, kJsonl, kXlsx };

struct TableExportOptions {
  TableFormat format = TableFormat::kCsv;
  // Where to write.  csv and jsonl: a file for one table, a folder (created
  // when absent) for several, one NAME.csv / NAME.jsonl each; empty or "-"
  // for standard output, one table only.  xlsx: the workbook file; required.
  std::string out;
  char csv_separator = ',';  // ',' or ';'
  bool csv_bom = false;      // a UTF-8 byte order mark first
  bool progress = false;     // a row count on stderr as tables are written
};

struct TableExportReport {
  std::vector<std::pair<std::string, long long>> rows;  // per table, in order
  std::vector<std::string> files;                       // what was written
  // xlsx: text cells cut at Excel's limit of 32,767 characters per cell,
  // per "table.column".  Those cells hold the text's beginning.
  std::map<std::string, long long> cells_cut;
};

// Exports the named tables and views of the database at db_path; with no
// names, every table and view (TableReader::ListRelations).
Result<TableExportReport> ExportTables(const std::string& db_path,
                                       const std::vector<std::string>& names,
                                       const TableExportOptions& options);

}  // namespace clsdb

#endif  // CLSDB_EXPORT_EXPORT_H_
