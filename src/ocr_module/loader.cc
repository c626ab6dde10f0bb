// RecognizePage (read/ocr.h) for the executables: the OCR itself sits in a
// shared module of its own (entry.cc and read/ocr.cc, CMakeLists.txt), opened
// on the first page to OCR.  Tesseract and Leptonica pull in 35 of the 73
// shared libraries clsdb would otherwise load at every start (libcurl,
// libarchive, GnuTLS, Kerberos ...): callgrind, an empty program linked
// against clsdb's libraries, 45.8 M instructions with them, 20.9 M without.
#include <dlfcn.h>

#include <mutex>
#include <string>

#include "core/module_entry.h"
#include "read/ocr.h"

namespace clsdb {

namespace {

using Entry = void (*)(const GreyImage*, std::chrono::steady_clock::time_point, Result<OcrPage>*);

// Opened once, never closed: Tesseract keeps engines per thread until the
// process ends.  RTLD_GLOBAL: read/ocr.cc finds the OpenMP runtime Tesseract
// brings by a look-up in the global scope.
const ModuleEntry& Module() {
  static const ModuleEntry module =
      OpenModuleEntry(CLSDB_OCR_MODULE, RTLD_NOW | RTLD_GLOBAL, "clsdb_ocr_recognize_page", "OCR");
  return module;
}

}  // namespace

Result<OcrPage> RecognizePage(const GreyImage& image,
                              std::chrono::steady_clock::time_point deadline) {
  const ModuleEntry& module = Module();
  if (module.function == nullptr) return Status::Internal(module.error);
  Result<OcrPage> out = Status::Internal("the OCR module returned nothing");
  reinterpret_cast<Entry>(module.function)(&image, deadline, &out);
  return out;
}

}  // namespace clsdb
