#include "store/new_database.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <filesystem>

namespace clsdb {
namespace {

// A stretch of the image's bytes at an offset of the file; the bytes between
// stretches (most of each empty page) are zeros.
struct ImageStretch {
  std::size_t file_offset;
  std::size_t size;
};

#ifdef CLSDB_NEW_DATABASE_GENERATOR
// The generator itself creates the database with the statements.
constexpr std::size_t kImageFileSize = 0;
constexpr ImageStretch kImageStretches[] = {{0, 0}};
constexpr unsigned char kImageBytes[] = {0};
#else
// kImageFileSize, kImageStretches[] and kImageBytes[] (the stretches'
// bytes, one after the other).
#include "store/new_database_image.inc"
#endif

// Writes the image into fd, an empty file.
bool WriteImage(int fd) {
  if (ftruncate(fd, static_cast<off_t>(kImageFileSize)) != 0) return false;
  const unsigned char* bytes = kImageBytes;
  for (const ImageStretch& stretch : kImageStretches) {
    std::size_t done = 0;
    while (done < stretch.size) {
      const ssize_t n = pwrite(fd, bytes + done, stretch.size - done,
                               static_cast<off_t>(stretch.file_offset + done));
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    bytes += stretch.size;
  }
  return true;
}

}  // namespace

bool WriteNewDatabaseImage(const std::string& path) {
  if (kImageFileSize == 0) return false;
  std::string folder = std::filesystem::path(path).parent_path().string();
  if (folder.empty()) folder = ".";
  // The mode SQLite gives a database it creates (less the umask, as there).
  const int fd = open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool linked = false;
  if (WriteImage(fd)) {
    // Linking the unnamed file fails when path exists: nothing is replaced.
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    linked = linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0;
  }
  close(fd);
  return linked;
}

}  // namespace clsdb
