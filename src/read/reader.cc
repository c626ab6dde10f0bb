#include "read/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <new>

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

std::optional<SourceFormat> FormatOfPath(const std::string& path) {
  const std::string ext = LowerExtension(path);
  if (ext == ".pdf") return SourceFormat::kPdf;
  if (ext == ".txt") return SourceFormat::kText;
  return std::nullopt;
}

namespace {

// What errno says of a failed open or read.  Running out of descriptors or
// memory is the machine's state, not the file's: the same file may be read
// on the next run.
Status ErrnoStatus(const char* what, int err) {
  const std::string reason = std::string(what) + ": " + std::strerror(err);
  switch (err) {
    case ENOENT:
      return Status::NotFound("no such file");
    case ENAMETOOLONG:
      return Status::InvalidArgument("path too long for the system (" + reason + ")");
    case EMFILE:
    case ENFILE:
    case ENOMEM:
    case EAGAIN:
      return Status::Unavailable(reason);
    default:
      return Status::IOError(reason);
  }
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string OverLimit(std::uint64_t size, std::uint64_t max_bytes, bool at_least) {
  return "file of " + std::string(at_least ? "more than " : "") + std::to_string(size) +
         " bytes is over the input limit of " + std::to_string(max_bytes) +
         " bytes (--max-input-mb)";
}

}  // namespace

Result<std::string> ReadFileBytes(const std::string& path, std::uint64_t max_bytes) {
  // One descriptor for every check and the read itself, so that what is
  // checked is what is read.  O_NONBLOCK: opening a FIFO nobody writes to
  // would otherwise wait for ever; fstat then refuses it.
  Descriptor fd(open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) return ErrnoStatus("cannot open", errno);
  struct stat st;
  if (fstat(fd.get(), &st) != 0) return ErrnoStatus("cannot stat", errno);
  if (S_ISDIR(st.st_mode)) return Status::IOError("is a directory");
  // A FIFO or a device would block the read, or never end.
  if (!S_ISREG(st.st_mode)) return Status::IOError("not a regular file");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes) return Status::LimitExceeded(OverLimit(size, max_bytes, false));
  try {
    std::string bytes;
    bytes.reserve(static_cast<size_t>(size));
    char chunk[1 << 16];
    while (true) {
      const ssize_t got = read(fd.get(), chunk, sizeof chunk);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return ErrnoStatus("read failed", errno);
      if (got == 0) break;
      bytes.append(chunk, static_cast<size_t>(got));
      // A file that grows while it is read is held to the same limit.
      if (bytes.size() > max_bytes) {
        return Status::LimitExceeded(OverLimit(max_bytes, max_bytes, true));
      }
    }
    return bytes;
  } catch (const std::bad_alloc&) {
    return Status::Unavailable("not enough memory to read " + std::to_string(size) + " bytes");
  }
}

Result<RawDocument> ReadDocument(const std::string& path, const ReadOptions& options) {
  const std::optional<SourceFormat> format = FormatOfPath(path);
  if (!format) {
    return Status::Unsupported(path + ": not a .pdf or .txt file");
  }
  Result<std::string> bytes = ReadFileBytes(path, options.max_bytes);
  if (!bytes.ok()) return bytes.status().WithPrefix(path);
  if (bytes->empty()) return Status::Corruption(path + ": empty file");
  Result<RawDocument> doc = ReadBytes(*bytes, *format, options);
  if (!doc.ok()) return doc.status().WithPrefix(path);
  doc->path = path;
  doc->sha256 = Sha256Hex(*bytes);
  return doc;
}

Result<RawDocument> ReadBytes(const std::string& bytes, SourceFormat format,
                              const ReadOptions& options) {
  Result<RawDocument> doc =
      format == SourceFormat::kPdf ? ParsePdf(bytes, options) : DecodeText(bytes);
  if (!doc.ok()) return doc;
  doc->format = format;
  doc->size = bytes.size();
  return doc;
}

}  // namespace clsdb
