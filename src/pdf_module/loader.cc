// ParsePdf (read/reader.h) for the executables: the PDF reader and Poppler
// sit in a shared module of their own (entry.cc, CMakeLists.txt), opened on
// the first PDF.  Linked into clsdb, Poppler made every start load 39
// shared libraries instead of 12, for runs that read texts only and for
// the main process of a run that reads PDFs, which hands them to reader
// child processes (pipeline/isolated_reader.h).
#include <dlfcn.h>

#include <string>

#include "core/module_entry.h"
#include "read/reader.h"

namespace clsdb {

namespace {

using Entry = void (*)(const std::string*, const ReadOptions*, Result<RawDocument>*);

// RTLD_LAZY: a reader child binds only the Poppler functions it calls.  The
// module is linked with -z defs (CMakeLists.txt): no symbol of its own is
// left for the executable to provide.
const ModuleEntry& Module() {
  static const ModuleEntry module =
      OpenModuleEntry(CLSDB_PDF_MODULE, RTLD_LAZY | RTLD_LOCAL, "clsdb_parse_pdf", "PDF");
  return module;
}

}  // namespace

Status LoadPdfReader() {
  const ModuleEntry& module = Module();
  return module.function == nullptr ? Status::Internal(module.error) : Status::OK();
}

Result<RawDocument> ParsePdf(const std::string& bytes, const ReadOptions& options) {
  const ModuleEntry& module = Module();
  if (module.function == nullptr) return Status::Internal(module.error);
  Result<RawDocument> out = Status::Internal("the PDF module returned nothing");
  reinterpret_cast<Entry>(module.function)(&bytes, &options, &out);
  return out;
}

}  // namespace clsdb
