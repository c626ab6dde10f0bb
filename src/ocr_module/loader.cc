// RecognizePage (read/ocr.h) for the executables: the OCR itself sits in a
// shared module of its own (entry.cc and read/ocr.cc, CMakeLists.txt), opened
// on the first page to OCR.  Tesseract and Leptonica pull in 35 of the 73
// shared libraries clsdb would otherwise load at every start (libcurl,
// libarchive, GnuTLS, Kerberos ...): callgrind, an empty program linked
// against clsdb's libraries, 45.8 M instructions with them, 20.9 M without.
#include <dlfcn.h>

#include <mutex>
#include <string>

#include "read/ocr.h"

namespace clsdb {

namespace {

using Entry = void (*)(const GreyImage*, std::chrono::steady_clock::time_point, Result<OcrPage>*);

// The module's entry, or why it cannot be had.  Opened once, never closed:
// Tesseract keeps engines per thread until the process ends.
struct Module {
  Entry entry = nullptr;
  std::string error;
};

const Module& LoadModule() {
  static const Module module = [] {
    Module m;
    // RTLD_GLOBAL: read/ocr.cc finds the OpenMP runtime Tesseract brings by
    // a look-up in the global scope.
    void* handle = dlopen(CLSDB_OCR_MODULE, RTLD_NOW | RTLD_GLOBAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      m.error = std::string("cannot load the OCR module: ") + (why ? why : CLSDB_OCR_MODULE);
      return m;
    }
    m.entry = reinterpret_cast<Entry>(dlsym(handle, "clsdb_ocr_recognize_page"));
    if (m.entry == nullptr)
      m.error = std::string("the OCR module has no entry: ") + CLSDB_OCR_MODULE;
    return m;
  }();
  return module;
}

}  // namespace

Result<OcrPage> RecognizePage(const GreyImage& image,
                              std::chrono::steady_clock::time_point deadline) {
  const Module& module = LoadModule();
  if (module.entry == nullptr) return Status::Internal(module.error);
  Result<OcrPage> out = Status::Internal("the OCR module returned nothing");
  module.entry(&image, deadline, &out);
  return out;
}

}  // namespace clsdb
