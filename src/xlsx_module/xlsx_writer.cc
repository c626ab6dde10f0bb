// The xlsx module (libclsdb_xlsx.so): XlsxWriter (export/xlsx_writer.h)
// over libxlsxwriter, which only this shared object links.
#include "export/xlsx_writer.h"

#include <xlsxwriter.h>

#include <cstdlib>
#include <string>

#include "export/xlsx_book.h"

namespace clsdb {

namespace {

// The byte length of the first max_chars UTF-8 characters of text.
size_t PrefixBytes(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) return i;
      ++chars;
    }
  }
  return text.size();
}

class LxwWriter : public XlsxWriter {
 public:
  LxwWriter(const std::string& path, const std::string& tmpdir);
  ~LxwWriter() override;
  Status AddSheet(std::string_view name) override;
  Result<bool> WriteText(long long row, int column, std::string_view text, bool bold) override;
  Status WriteNumber(long long row, int column, double value) override;
  Status WriteDate(long long row, int column, std::string_view iso_date) override;
  Status SetColumnWidth(int column, double width) override;
  void FreezeHeader(int rows) override;
  Status Close() override;

 private:
  Status Check(int error, const char* what);
  lxw_workbook* book_;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
  std::string path_;
  std::string tmpdir_;
  bool closed_ = false;
};

LxwWriter::LxwWriter(const std::string& path, const std::string& tmpdir)
    : path_(path), tmpdir_(tmpdir) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir_.data();
  options.use_zip64 = LXW_TRUE;  // a large table's sheet may pass 4 GB
  book_ = workbook_new_opt(path_.c_str(), &options);
  if (book_ != nullptr) {
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    date_ = workbook_add_format(book_);
    format_set_num_format(date_, "yyyy-mm-dd");
  }
}

LxwWriter::~LxwWriter() {
  // workbook_close is the only way to free a workbook; it also writes the
  // file, which the caller's OutputFile then removes.
  if (book_ != nullptr && !closed_) workbook_close(book_);
}

Status LxwWriter::Check(int error, const char* what) {
  if (error == LXW_NO_ERROR) return Status::OK();
  return Status::IOError(std::string("xlsx: ") + what + ": " +
                         lxw_strerror(static_cast<lxw_error>(error)));
}

Status LxwWriter::AddSheet(std::string_view name) {
  if (book_ == nullptr) return Status::IOError(path_ + ": cannot start a workbook");
  std::string cut(name.substr(0, PrefixBytes(name, 31)));
  sheet_ = workbook_add_worksheet(book_, cut.c_str());
  if (sheet_ == nullptr) return Status::IOError("xlsx: cannot add sheet '" + cut + "'");
  return Status::OK();
}

Result<bool> LxwWriter::WriteText(long long row, int column, std::string_view text, bool bold) {
  if (text.empty()) return false;
  const size_t keep = PrefixBytes(text, kXlsxMaxCellChars);
  // write_string takes a C string: a NUL inside would end it early anyway.
  std::string cell(text.substr(0, keep));
  Status s = Check(
      worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                             cell.c_str(), bold ? bold_ : nullptr),
      "write text");
  if (!s.ok()) return s;
  return keep < text.size();
}

Status LxwWriter::WriteNumber(long long row, int column, double value) {
  return Check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row),
                                      static_cast<lxw_col_t>(column), value, nullptr),
               "write number");
}

Status LxwWriter::WriteDate(long long row, int column, std::string_view iso_date) {
  lxw_datetime when = {};
  when.year = std::atoi(std::string(iso_date.substr(0, 4)).c_str());
  when.month = std::atoi(std::string(iso_date.substr(5, 2)).c_str());
  when.day = std::atoi(std::string(iso_date.substr(8, 2)).c_str());
  return Check(worksheet_write_datetime(sheet_, static_cast<lxw_row_t>(row),
                                        static_cast<lxw_col_t>(column), &when, date_),
               "write date");
}

Status LxwWriter::SetColumnWidth(int column, double width) {
  return Check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(column),
                                    static_cast<lxw_col_t>(column), width, nullptr),
               "set column width");
}

void LxwWriter::FreezeHeader(int rows) { worksheet_freeze_panes(sheet_, rows, 0); }

Status LxwWriter::Close() {
  if (book_ == nullptr) return Status::IOError(path_ + ": cannot start a workbook");
  closed_ = true;
  return Check(workbook_close(book_), "write the workbook");
}

}  // namespace
}  // namespace clsdb

extern "C" clsdb::XlsxWriter* clsdb_xlsx_open(const std::string* path, const std::string* tmpdir) {
  return new clsdb::LxwWriter(*path, *tmpdir);
}
