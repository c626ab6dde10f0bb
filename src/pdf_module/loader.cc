// ParsePdf (read/reader.h) for the executables: the PDF reader and Poppler
// sit in a shared module of their own (entry.cc, CMakeLists.txt), opened on
// the first PDF.  Linked into clsdb, Poppler made every start load 39
// shared libraries instead of 12, for runs that read texts only and for
// the main process of a run that reads PDFs, which hands them to reader
// child processes (pipeline/isolated_reader.h).
#include <dlfcn.h>

#include <string>

#include "read/reader.h"

namespace clsdb {

namespace {

using Entry = void (*)(const std::string*, const ReadOptions*, Result<RawDocument>*);

// The module's entry, or why it cannot be had.  Opened once, never closed.
struct Module {
  Entry entry = nullptr;
  std::string error;
};

const Module& LoadModule() {
  static const Module module = [] {
    Module m;
    // RTLD_LAZY: a reader child binds only the Poppler functions it calls.
    // The module is linked with -z defs (CMakeLists.txt): no symbol of its
    // own is left for the executable to provide.
    void* handle = dlopen(CLSDB_PDF_MODULE, RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      m.error = std::string("cannot load the PDF module: ") + (why ? why : CLSDB_PDF_MODULE);
      return m;
    }
    m.entry = reinterpret_cast<Entry>(dlsym(handle, "clsdb_parse_pdf"));
    if (m.entry == nullptr)
      m.error = std::string("the PDF module has no entry: ") + CLSDB_PDF_MODULE;
    return m;
  }();
  return module;
}

}  // namespace

Status LoadPdfReader() {
  const Module& module = LoadModule();
  return module.entry == nullptr ? Status::Internal(module.error) : Status::OK();
}

Result<RawDocument> ParsePdf(const std::string& bytes, const ReadOptions& options) {
  const Module& module = LoadModule();
  if (module.entry == nullptr) return Status::Internal(module.error);
  Result<RawDocument> out = Status::Internal("the PDF module returned nothing");
  module.entry(&bytes, &options, &out);
  return out;
}

}  // namespace clsdb
