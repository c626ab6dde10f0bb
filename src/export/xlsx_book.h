// A workbook written with libxlsxwriter, row after row (its constant-memory
// mode: each row goes to a temporary file as the next begins, so memory does
// not grow with a sheet), into an OutputFile's temporary path.
// libxlsxwriter is reached through the xlsx module (export/xlsx_writer.h),
// opened by the first XlsxBook; when it cannot be opened, every method
// fails with Internal, saying why.
//
// REQUIRES: rows of a sheet are written in increasing order, and a sheet is
// finished before the next is added.
#ifndef CLSDB_EXPORT_XLSX_BOOK_H_
#define CLSDB_EXPORT_XLSX_BOOK_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "export/xlsx_writer.h"

namespace clsdb {

// Excel's limits: characters in a cell, rows in a sheet.
inline constexpr size_t kXlsxMaxCellChars = 32767;
inline constexpr long long kXlsxMaxRows = 1048576;

class XlsxBook {
 public:
  // Starts a workbook that Close writes to path (an OutputFile's temporary
  // path, whose stream was released).  tmpdir holds libxlsxwriter's row
  // files: the destination's folder, not a /tmp that may live in memory.
  XlsxBook(const std::string& path, const std::string& tmpdir);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  // Adds a sheet and makes it the one written to.  Names longer than
  // Excel's 31 characters are cut.
  Status AddSheet(std::string_view name);
  // Row 0-based, column 0-based, in the current sheet.  Text longer than
  // kXlsxMaxCellChars is cut to that many characters; WriteText returns
  // whether it was.  Empty text writes nothing (an empty cell).
  Result<bool> WriteText(long long row, int column, std::string_view text, bool bold = false);
  Status WriteNumber(long long row, int column, double value);
  // A date cell shown as YYYY-MM-DD.  REQUIRES: iso_date is YYYY-MM-DD.
  Status WriteDate(long long row, int column, std::string_view iso_date);
  Status SetColumnWidth(int column, double width);
  void FreezeHeader(int rows);

  // Writes the file.  IOError on failure.
  Status Close();

 private:
  std::unique_ptr<XlsxWriter> writer_;  // null when the module could not be opened
  Status unavailable_;                  // why, then
};

}  // namespace clsdb

#endif  // CLSDB_EXPORT_XLSX_BOOK_H_
