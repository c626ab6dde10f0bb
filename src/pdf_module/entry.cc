// The one C entry point of the PDF module (libclsdb_pdf.so), which
// src/pdf_module/loader.cc opens on the first PDF a process reads: the
// module holds read/pdf_reader.cc and read/pdf_ocr.cc and links Poppler,
// so that the executable does not load Poppler and the 27 libraries it
// pulls in (NSS, lcms2, OpenJPEG, libtiff, libwebp …) at every start.
#include <string>

#include "read/pdf_reader.h"

extern "C" void clsdb_parse_pdf(const std::string* bytes, const clsdb::ReadOptions* options,
                                clsdb::Result<clsdb::RawDocument>* out) {
  *out = clsdb::ParsePdfInProcess(*bytes, *options);
}
