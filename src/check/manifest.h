// check/manifest: the list of reference documents of `clsdb check`
// (corpus/manifest.tsv).
//
// One entry per line, "<document>\t<annotation>"; blank lines and lines
// starting with '#' are ignored.  Relative paths are relative to the
// manifest's folder; "${shared}" stands for the shared corpus folder (by
// default ../shared/corpus beside the checkout).  The format of an entry is
// its document's extension: .txt -> "text", .pdf -> "pdf".
//
// An entry whose document file does not exist is skipped, not an error: the
// shared corpus may be absent from a bare clone.  An entry whose document
// exists but whose annotation does not is an error, as is a malformed line.
#ifndef CLSDB_CHECK_MANIFEST_H_
#define CLSDB_CHECK_MANIFEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace clsdb::check {

struct ManifestEntry {
  std::string document;     // resolved path
  std::string annotation;   // resolved path
  std::string format;       // text | pdf
  int line = 0;             // in the manifest, 1-based
  std::string skip_reason;  // set for skipped entries only
};

struct Manifest {
  std::vector<ManifestEntry> entries;  // documents present, in file order
  std::vector<ManifestEntry> skipped;  // documents absent
};

// <source dir>/corpus and <source dir>/../shared/corpus.
std::string DefaultCorpusDir();
std::string DefaultSharedDir();

// Parses a manifest's text.  base_dir resolves relative paths; name is used
// in errors ("name:line: …").  Errors: Corruption for a malformed line
// or an unknown document extension, NotFound for a missing annotation.
Result<Manifest> ParseManifest(std::string_view text, const std::string& base_dir,
                               const std::string& shared_dir, const std::string& name);

// Reads and parses the manifest at path (base_dir: its folder).
Result<Manifest> LoadManifest(const std::string& path, const std::string& shared_dir);

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_MANIFEST_H_
