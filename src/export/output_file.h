// A file that appears whole or not at all: written under a temporary name in
// the destination's folder, then renamed over the destination by Commit.
// Dropped without Commit (an error on the way), the temporary file is
// removed and the destination is left as it was.
#ifndef CLSDB_EXPORT_OUTPUT_FILE_H_
#define CLSDB_EXPORT_OUTPUT_FILE_H_

#include <cstdio>
#include <memory>
#include <string>

#include "core/status.h"

namespace clsdb {

class OutputFile {
 public:
  // Creates the temporary file for destination.  IOError, naming
  // destination, when its folder is missing or not writable, or destination
  // is a folder.
  static Result<std::unique_ptr<OutputFile>> Create(const std::string& destination);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // The open temporary file, for writers that take a FILE*.
  std::FILE* stream() const { return stream_; }
  // The temporary file's path, for writers that open files by name
  // (libxlsxwriter).  Call ReleaseStream first so that they own it alone.
  const std::string& temporary_path() const { return temporary_; }
  void ReleaseStream();

  // Flushes, syncs and renames over the destination.  IOError when any of
  // those fails (a full disk shows here): the destination is untouched.
  Status Commit();

 private:
  OutputFile(std::string destination, std::string temporary, std::FILE* stream)
      : destination_(std::move(destination)), temporary_(std::move(temporary)), stream_(stream) {}
  std::string destination_;
  std::string temporary_;
  std::FILE* stream_;
  bool committed_ = false;
};

}  // namespace clsdb

#endif  // CLSDB_EXPORT_OUTPUT_FILE_H_
