// XlsxBook: the calls, forwarded to the writer of the xlsx module
// (export/xlsx_writer.h), which is opened once, by the first workbook, and
// never closed.
#include "export/xlsx_book.h"

#include <dlfcn.h>

namespace clsdb {

namespace {

using Open = XlsxWriter* (*)(const std::string*, const std::string*);

// The module's entry, or why it cannot be had.
struct Module {
  Open open = nullptr;
  std::string error;
};

const Module& LoadModule() {
  static const Module module = [] {
    Module m;
    void* handle = dlopen(CLSDB_XLSX_MODULE, RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      m.error = std::string("cannot load the xlsx module: ") + (why ? why : CLSDB_XLSX_MODULE);
      return m;
    }
    m.open = reinterpret_cast<Open>(dlsym(handle, "clsdb_xlsx_open"));
    if (m.open == nullptr)
      m.error = std::string("the xlsx module has no entry: ") + CLSDB_XLSX_MODULE;
    return m;
  }();
  return module;
}

}  // namespace

XlsxBook::XlsxBook(const std::string& path, const std::string& tmpdir) {
  const Module& module = LoadModule();
  if (module.open == nullptr) {
    unavailable_ = Status::Internal(module.error);
    return;
  }
  writer_.reset(module.open(&path, &tmpdir));
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
