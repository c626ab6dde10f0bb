// export/xlsx_writer: what XlsxBook (xlsx_book.h) asks of libxlsxwriter,
// as an interface.  Its one implementation sits in the xlsx module
// (src/xlsx_module/, a shared object of its own), opened by the first
// XlsxBook: libxlsxwriter pulls in libcrypto, minizip and zlib, and
// libcrypto alone held 21,000 of the relocations every start of clsdb
// made before its first instruction, for a format only `export` writes.
#ifndef CLSDB_EXPORT_XLSX_WRITER_H_
#define CLSDB_EXPORT_XLSX_WRITER_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace clsdb {

// The methods of XlsxBook, with its contract.
class XlsxWriter {
 public:
  virtual ~XlsxWriter() = default;
  virtual Status AddSheet(std::string_view name) = 0;
  virtual Result<bool> WriteText(long long row, int column, std::string_view text, bool bold) = 0;
  virtual Status WriteNumber(long long row, int column, double value) = 0;
  virtual Status WriteDate(long long row, int column, std::string_view iso_date) = 0;
  virtual Status SetColumnWidth(int column, double width) = 0;
  virtual void FreezeHeader(int rows) = 0;
  virtual Status Close() = 0;
};

}  // namespace clsdb

// The module's entry: a writer for a workbook that Close writes to path,
// with its row files in tmpdir (XlsxBook's constructor).
extern "C" clsdb::XlsxWriter* clsdb_xlsx_open(const std::string* path, const std::string* tmpdir);

#endif  // CLSDB_EXPORT_XLSX_WRITER_H_
