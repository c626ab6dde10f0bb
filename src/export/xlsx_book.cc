// XlsxBook: the calls, forwarded to the writer of the xlsx module
// (export/xlsx_writer.h), which is opened once, by the first workbook, and
// never closed.
#include "export/xlsx_book.h"

#include <dlfcn.h>

#include "core/module_entry.h"

namespace clsdb {

namespace {

using Open = XlsxWriter* (*)(const std::string*, const std::string*);

const ModuleEntry& Module() {
  static const ModuleEntry module =
      OpenModuleEntry(CLSDB_XLSX_MODULE, RTLD_LAZY | RTLD_LOCAL, "clsdb_xlsx_open", "xlsx");
  return module;
}

}  // namespace

XlsxBook::XlsxBook(const std::string& path, const std::string& tmpdir) {
  const ModuleEntry& module = Module();
  if (module.function == nullptr) {
    unavailable_ = Status::Internal(module.error);
    return;
  }
  writer_.reset(reinterpret_cast<Open>(module.function)(&path, &tmpdir));
}

XlsxBook::~XlsxBook() = default;

Status XlsxBook::AddSheet(std::string_view name) {
  return writer_ ? writer_->AddSheet(name) : unavailable_;
}

Result<bool> XlsxBook::WriteText(long long row, int column, std::string_view text, bool bold) {
  if (!writer_) return unavailable_;
  return writer_->WriteText(row, column, text, bold);
}

Status XlsxBook::WriteNumber(long long row, int column, double value) {
  return writer_ ? writer_->WriteNumber(row, column, value) : unavailable_;
}

Status XlsxBook::WriteDate(long long row, int column, std::string_view iso_date) {
  return writer_ ? writer_->WriteDate(row, column, iso_date) : unavailable_;
}

Status XlsxBook::SetColumnWidth(int column, double width) {
  return writer_ ? writer_->SetColumnWidth(column, width) : unavailable_;
}

void XlsxBook::FreezeHeader(int rows) {
  if (writer_) writer_->FreezeHeader(rows);
}

Status XlsxBook::Close() { return writer_ ? writer_->Close() : unavailable_; }

}  // namespace clsdb
