// ExportTables: one RowSink per format, fed by store/'s TableReader.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "export/cell_text.h"
#include "export/export.h"
#include "export/output_file.h"
#include "export/xlsx_book.h"
#include "store/table_reader.h"

namespace clsdb {

namespace {

// Rows between two progress lines on stderr.
constexpr long long kProgressEvery = 50000;

// Counts rows and, when asked, shows the count on stderr as it grows.
class Progress {
 public:
  Progress(std::string table, bool enabled) : table_(std::move(table)), enabled_(enabled) {}
  void Row() {
    ++rows_;
    if (enabled_ && rows_ % kProgressEvery == 0) {
      std::fprintf(stderr, "\r%s: %lld rows", table_.c_str(), rows_);
    }
  }
  void Done() {
    if (enabled_ && rows_ >= kProgressEvery)
      std::fprintf(stderr, "\r%s: %lld rows\n", table_.c_str(), rows_);
  }
  long long rows() const { return rows_; }

 private:
  std::string table_;
  bool enabled_;
  long long rows_ = 0;
};

Status WriteAll(std::FILE* out, const std::string& bytes, const std::string& name) {
  if (bytes.empty()) return Status::OK();
  if (std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size()) {
    return Status::IOError(name + ": write failed");
  }
  return Status::OK();
}

// RFC 4180: CRLF after every record, the header first.
class CsvSink : public RowSink {
 public:
  CsvSink(std::FILE* out, std::string name, char separator, Progress* progress)
      : out_(out), name_(std::move(name)), separator_(separator), progress_(progress) {}
  Status Columns(const std::vector<std::string>& names) override {
    line_.clear();
    for (size_t i = 0; i < names.size(); ++i) {
      if (i > 0) line_.push_back(separator_);
      AppendCsvField(names[i], separator_, &line_);
    }
    line_.append("\r\n");
    return WriteAll(out_, line_, name_);
  }
  Status Row(const std::vector<CellValue>& values) override {
    line_.clear();
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) line_.push_back(separator_);
      if (values[i].type == CellValue::Type::kText) {
        AppendCsvField(values[i].text, separator_, &line_);
      } else {
        line_.append(CellAsText(values[i]));
      }
    }
    line_.append("\r\n");
    progress_->Row();
    return WriteAll(out_, line_, name_);
  }

 private:
  std::FILE* out_;
  std::string name_;
  char separator_;
  Progress* progress_;
  std::string line_;
};

// One JSON object per line, keyed by column name, values typed.
class JsonlSink : public RowSink {
 public:
  JsonlSink(std::FILE* out, std::string name, Progress* progress)
      : out_(out), name_(std::move(name)), progress_(progress) {}
  Status Columns(const std::vector<std::string>& names) override {
    keys_.clear();
    for (const std::string& n : names) {
      std::string key;
      AppendJsonString(n, &key);
      keys_.push_back(key + ":");
    }
    return Status::OK();
  }
  Status Row(const std::vector<CellValue>& values) override {
    line_ = "{";
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) line_.push_back(',');
      line_.append(keys_[i]);
      AppendJsonValue(values[i], &line_);
    }
    line_.append("}\n");
    progress_->Row();
    return WriteAll(out_, line_, name_);
  }

 private:
  std::FILE* out_;
  std::string name_;
  Progress* progress_;
  std::vector<std::string> keys_;
  std::string line_;
};

// One sheet: the header in bold on row 1, frozen; numbers as numbers.
class XlsxSink : public RowSink {
 public:
  XlsxSink(XlsxBook* book, std::string table, Progress* progress,
           std::map<std::string, long long>* cells_cut)
      : book_(book), table_(std::move(table)), progress_(progress), cells_cut_(cells_cut) {}
  Status Columns(const std::vector<std::string>& names) override {
    if (Status s = book_->AddSheet(table_); !s.ok()) return s;
    names_ = names;
    for (size_t i = 0; i < names.size(); ++i) {
      Result<bool> cut = book_->WriteText(0, static_cast<int>(i), names[i], /*bold=*/true);
      if (!cut.ok()) return cut.status();
    }
    book_->FreezeHeader(1);
    return Status::OK();
  }
  Status Row(const std::vector<CellValue>& values) override {
    const long long row = progress_->rows() + 1;
    if (row >= kXlsxMaxRows) {
      return Status::LimitExceeded(table_ + ": more rows than an Excel sheet holds (" +
                                   std::to_string(kXlsxMaxRows - 1) + "); export it as csv");
    }
    for (size_t i = 0; i < values.size(); ++i) {
      const CellValue& v = values[i];
      const int col = static_cast<int>(i);
      Status s;
      switch (v.type) {
        case CellValue::Type::kNull:
          break;
        case CellValue::Type::kInteger:
          // A double holds integers exactly up to 2^53; past that, text
          // keeps every digit.
          if (v.integer > (1LL << 53) || v.integer < -(1LL << 53)) {
            s = book_->WriteText(row, col, std::to_string(v.integer)).status();
          } else {
            s = book_->WriteNumber(row, col, static_cast<double>(v.integer));
          }
          break;
        case CellValue::Type::kReal:
          s = book_->WriteNumber(row, col, v.real);
          break;
        case CellValue::Type::kText: {
          Result<bool> cut = book_->WriteText(row, col, v.text);
          if (!cut.ok()) return cut.status();
          if (*cut) ++(*cells_cut_)[table_ + "." + names_[i]];
          break;
        }
      }
      if (!s.ok()) return s;
    }
    progress_->Row();
    return Status::OK();
  }

 private:
  XlsxBook* book_;
  std::string table_;
  Progress* progress_;
  std::map<std::string, long long>* cells_cut_;
  std::vector<std::string> names_;
};

const char* Extension(TableFormat format) {
  switch (format) {
    case TableFormat::kCsv:
      return ".csv";
    case TableFormat::kJsonl:
      return ".jsonl";
    case TableFormat::kXlsx:
      return ".xlsx";
  }
  return "";
}

// One table as CSV or JSON Lines into out.
Status WriteTextTable(TableReader& reader, const std::string& table,
                      const TableExportOptions& options, std::FILE* out,
                      const std::string& out_name, TableExportReport* report) {
  Progress progress(table, options.progress);
  if (options.format == TableFormat::kCsv && options.csv_bom) {
    if (Status s = WriteAll(out, "\xEF\xBB\xBF", out_name); !s.ok()) return s;
  }
  Status s;
  if (options.format == TableFormat::kCsv) {
    CsvSink sink(out, out_name, options.csv_separator, &progress);
    s = reader.Read(table, sink);
  } else {
    JsonlSink sink(out, out_name, &progress);
    s = reader.Read(table, sink);
  }
  if (!s.ok()) return s;
  progress.Done();
  report->rows.emplace_back(table, progress.rows());
  return Status::OK();
}

}  // namespace

Result<TableExportReport> ExportTables(const std::string& db_path,
                                       const std::vector<std::string>& names,
                                       const TableExportOptions& options) {
  namespace fs = std::filesystem;
  if (options.csv_separator != ',' && options.csv_separator != ';') {
    return Status::InvalidArgument("the CSV separator is ',' or ';'");
  }
  Result<std::unique_ptr<TableReader>> reader = TableReader::Open(db_path);
  if (!reader.ok()) return reader.status();
  std::vector<std::string> tables = names;
  {
    Result<std::vector<Relation>> relations = (*reader)->ListRelations();
    if (!relations.ok()) return relations.status();
    std::string known;
    for (const Relation& r : *relations) known += (known.empty() ? "" : ", ") + r.name;
    if (tables.empty()) {
      for (const Relation& r : *relations) tables.push_back(r.name);
    }
    // Every name is checked before anything is written.
    for (const std::string& t : tables) {
      bool found = false;
      for (const Relation& r : *relations) found = found || r.name == t;
      if (!found) {
        return Status::NotFound(db_path + ": no table or view '" + t + "' (there are: " + known +
                                ")");
      }
    }
  }
  TableExportReport report;
  const bool to_stdout = options.out.empty() || options.out == "-";

  if (options.format == TableFormat::kXlsx) {
    if (to_stdout) return Status::InvalidArgument("xlsx needs --out FILE");
    Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(options.out);
    if (!file.ok()) return file.status();
    (*file)->ReleaseStream();
    fs::path folder = fs::path(options.out).parent_path();
    if (folder.empty()) folder = ".";
    {
      XlsxBook book((*file)->temporary_path(), folder.string());
      for (const std::string& table : tables) {
        Progress progress(table, options.progress);
        XlsxSink sink(&book, table, &progress, &report.cells_cut);
        if (Status s = (*reader)->Read(table, sink); !s.ok()) return s;
        progress.Done();
        report.rows.emplace_back(table, progress.rows());
      }
      if (Status s = book.Close(); !s.ok()) return s.WithPrefix(options.out);
    }
    if (Status s = (*file)->Commit(); !s.ok()) return s;
    report.files.push_back(options.out);
    return report;
  }

  if (to_stdout) {
    if (tables.size() != 1) {
      return Status::InvalidArgument("several tables need --out FOLDER (one file per table)");
    }
    if (Status s = WriteTextTable(**reader, tables[0], options, stdout, "standard output", &report);
        !s.ok()) {
      return s;
    }
    if (std::fflush(stdout) != 0) return Status::IOError("standard output: write failed");
    return report;
  }
  // One table to a file, or several to a folder.
  std::error_code ec;
  const bool into_folder = tables.size() > 1 || fs::is_directory(options.out, ec);
  if (into_folder) {
    fs::create_directories(options.out, ec);
    if (ec || !fs::is_directory(options.out)) {
      return Status::IOError(options.out + ": cannot make the folder: " + ec.message());
    }
  }
  for (const std::string& table : tables) {
    const std::string path =
        into_folder ? (fs::path(options.out) / (table + Extension(options.format))).string()
                    : options.out;
    Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
    if (!file.ok()) return file.status();
    if (Status s = WriteTextTable(**reader, table, options, (*file)->stream(), path, &report);
        !s.ok()) {
      return s;
    }
    if (Status s = (*file)->Commit(); !s.ok()) return s;
    report.files.push_back(path);
  }
  return report;
}

}  // namespace clsdb
