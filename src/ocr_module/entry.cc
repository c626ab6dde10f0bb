// The one C entry point of the OCR module (libclsdb_ocr.so), which
// src/ocr_module/loader.cc opens on a document's first page to OCR: the
// module holds read/ocr.cc, so that only a run that reads a scanned page
// loads Tesseract, Leptonica and the libraries they pull in.
#include <chrono>

#include "read/ocr.h"

extern "C" void clsdb_ocr_recognize_page(const clsdb::GreyImage* image,
                                         std::chrono::steady_clock::time_point deadline,
                                         clsdb::Result<clsdb::OcrPage>* out) {
  *out = clsdb::RecognizePage(*image, deadline);
}
