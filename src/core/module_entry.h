// core/module_entry: the one function a shared module of clsdb's own is
// entered by (libclsdb_ocr.so, libclsdb_pdf.so, libclsdb_xlsx.so: see
// CMakeLists.txt).  Each is opened with dlopen on first use, so that a run
// that needs none of them does not load the libraries behind them, and is
// never closed: what it returned may outlive any one call.
#ifndef CLSDB_CORE_MODULE_ENTRY_H_
#define CLSDB_CORE_MODULE_ENTRY_H_

#include <string>

namespace clsdb {

struct ModuleEntry {
  void* function = nullptr;  // null when the module or its entry is missing
  std::string error;         // then why, naming the module's path
};

// Opens the module at path with dlopen's flags and looks up entry in it.
// what names the module in errors ("OCR", "PDF", "xlsx").
ModuleEntry OpenModuleEntry(const char* path, int flags, const char* entry, const char* what);

}  // namespace clsdb

#endif  // CLSDB_CORE_MODULE_ENTRY_H_
