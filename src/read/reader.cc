#include "read/reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace clsdb {

namespace {

std::string LowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

bool ParseOcrMode(const std::string& name, OcrMode* mode) {
  if (name == "auto") {
    *mode = OcrMode::kAuto;
  } else if (name == "off") {
    *mode = OcrMode::kOff;
  } else if (name == "force") {
    *mode = OcrMode::kForce;
  } else {
    return false;
  }
  return true;
}

const char* OcrModeName(OcrMode mode) {
  switch (mode) {
    case OcrMode::kOff:
      return "off";
    case OcrMode::kForce:
      return "force";
    default:
      return "auto";
  }
}

std::string FormatOfPath(const std::string& path) {
  const std::string ext = LowerExtension(path);
  if (ext == ".pdf") return "pdf";
  if (ext == ".txt") return "text";
  return "";
}

Result<std::string> ReadFileBytes(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound("no such file");
  if (std::filesystem::is_directory(path, ec)) return Status::IOError("is a directory");
  // A FIFO or a device would block the read, or never end.
  if (!std::filesystem::is_regular_file(path, ec)) return Status::IOError("not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(std::string("cannot open: ") + std::strerror(errno));
  // Read by hand, not with `stream << rdbuf()`: that swallows a failed
  // allocation or read and hands back the first part of the file, which then
  // looks truncated.  Here std::bad_alloc reaches the caller.
  std::string bytes;
  if (const auto size = std::filesystem::file_size(path, ec); !ec) bytes.reserve(size);
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    bytes.append(chunk, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return Status::IOError(std::string("read failed: ") + std::strerror(errno));
  return bytes;
}

Result<RawDocument> ReadDocument(const std::string& path, const ReadOptions& options) {
  const std::string format = FormatOfPath(path);
  if (format.empty()) {
    return Status::Unsupported(path + ": not a .pdf or .txt file");
  }
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > options.max_bytes) {
    return Status::LimitExceeded(path + ": file of " + std::to_string(size) +
                                 " bytes is over the limit of " +
                                 std::to_string(options.max_bytes));
  }
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status().WithPrefix(path);
  if (bytes->empty()) return Status::Corruption(path + ": empty file");
  Result<RawDocument> doc = format == "pdf" ? ParsePdf(*bytes, options) : DecodeText(*bytes);
  if (!doc.ok()) return doc.status().WithPrefix(path);
  doc->path = path;
  doc->format = format;
  doc->sha256 = Sha256Hex(*bytes);
  doc->size = bytes->size();
  return doc;
}

}  // namespace clsdb
