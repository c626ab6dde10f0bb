// read/ocr: the words of a page image, through Tesseract.
//
// In:  a greyscale page image (8 bits a pixel) and its resolution.
// Out: the words Tesseract read, as the same Word model Poppler's text layer
//      gives (points, origin top left, y downwards), so that layout/ finds
//      lines, paragraphs, tables and stamps in them unchanged; and the mean
//      word confidence.
//
// Tesseract runs with one thread: its OpenMP threads make a page several
// times slower on two cores, and workers already use the cores.  Only the
// PDF reader calls this; in a batch it runs in the isolated reader child, so
// a crash, a hang or a memory blow-up inside Tesseract costs one document.
#ifndef CLSDB_READ_OCR_H_
#define CLSDB_READ_OCR_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "read/reader.h"

namespace clsdb {

// A greyscale image, one byte a pixel (0 black, 255 white), rows top down.
struct GreyImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // width * height bytes
  double dpi = 300;
};

struct OcrPage {
  std::vector<Word> words;       // in points at image.dpi, reading order
  double width = 0, height = 0;  // the page, in points, as the words are placed
  // Mean of the words' confidences, 0-100; -1 when no word was read.
  double mean_confidence = -1;
  // Quarter turns clockwise the image was turned before it was read (a page
  // scanned sideways or upside down); the words are placed on the turned
  // page, whose width and height are swapped for 1 and 3.
  int quarter_turns = 0;
};

// Reads the words of image.  Turns a page that Tesseract's orientation
// detection finds sideways or upside down, and straightens a slightly
// skewed scan, before reading it.  Stops at deadline.
// Errors: Unavailable (transient) when the deadline passes (the message
// says so) or there is no memory for the image,
// Unsupported when Tesseract or its French model is not installed,
// Internal when Tesseract fails on the image.
Result<OcrPage> RecognizePage(const GreyImage& image,
                              std::chrono::steady_clock::time_point deadline);

}  // namespace clsdb

#endif  // CLSDB_READ_OCR_H_
