#include "export/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace clsdb {

Result<std::unique_ptr<OutputFile>> OutputFile::Create(const std::string& destination) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(destination, ec)) {
    return Status::IOError(destination + ": is a folder, not a file");
  }
  const fs::path dest(destination);
  const fs::path folder = dest.has_parent_path() ? dest.parent_path() : fs::path(".");
  // Hidden, and named after the destination, so that a leftover from a
  // killed run says what it was.
  std::string pattern = (folder / ("." + dest.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    return Status::IOError(destination + ": cannot write here: " + std::strerror(errno));
  }
  // mkstemp makes the file 0600; an export is an ordinary file.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  std::FILE* stream = fdopen(fd, "wb");
  if (stream == nullptr) {
    const std::string why = std::strerror(errno);
    close(fd);
    unlink(name.data());
    return Status::IOError(destination + ": cannot write: " + why);
  }
  return std::unique_ptr<OutputFile>(new OutputFile(destination, name.data(), stream));
}

OutputFile::~OutputFile() {
  if (stream_ != nullptr) std::fclose(stream_);
  if (!committed_) unlink(temporary_.c_str());
}

void OutputFile::ReleaseStream() {
  if (stream_ != nullptr) std::fclose(stream_);
  stream_ = nullptr;
}

Status OutputFile::Commit() {
  if (stream_ != nullptr) {
    const bool failed =
        std::fflush(stream_) != 0 || std::ferror(stream_) != 0 || fsync(fileno(stream_)) != 0;
    const std::string why = std::strerror(errno);
    const bool close_failed = std::fclose(stream_) != 0;
    stream_ = nullptr;
    if (failed || close_failed) return Status::IOError(destination_ + ": write failed: " + why);
  }
  if (std::rename(temporary_.c_str(), destination_.c_str()) != 0) {
    return Status::IOError(destination_ + ": cannot replace: " + std::strerror(errno));
  }
  committed_ = true;
  return Status::OK();
}

}  // namespace clsdb
