#include "check/manifest.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace clsdb::check {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSharedVar = "${shared}";

std::string Resolve(std::string path, const std::string& base_dir, const std::string& shared_dir) {
  for (size_t at = path.find(kSharedVar); at != std::string::npos;
       at = path.find(kSharedVar, at + shared_dir.size())) {
    path.replace(at, kSharedVar.size(), shared_dir);
  }
  fs::path p(path);
  if (p.is_relative()) p = fs::path(base_dir) / p;
  return p.lexically_normal().string();
}

std::string_view StripCr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::string DefaultCorpusDir() { return (fs::path(CLSDB_SOURCE_DIR) / "corpus").string(); }

std::string DefaultSharedDir() {
  return (fs::path(CLSDB_SOURCE_DIR).parent_path() / "shared" / "corpus").string();
}

Result<Manifest> ParseManifest(std::string_view text, const std::string& base_dir,
                               const std::string& shared_dir, const std::string& name) {
  Manifest manifest;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = StripCr(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;

    const std::string where = name + ":" + std::to_string(line_no);
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos ||
        tab == 0 || tab + 1 == line.size()) {
      return Status::Corruption(where + ": expected <document>\\t<annotation>");
    }
    ManifestEntry entry;
    entry.line = line_no;
    entry.document = Resolve(std::string(line.substr(0, tab)), base_dir, shared_dir);
    entry.annotation = Resolve(std::string(line.substr(tab + 1)), base_dir, shared_dir);
    const std::string ext = fs::path(entry.document).extension().string();
    if (ext == ".txt") {
      entry.format = "text";
    } else if (ext == ".pdf") {
      entry.format = "pdf";
    } else {
      return Status::Corruption(where + ": " + entry.document + ": not a .txt or .pdf document");
    }

    std::error_code ec;
    if (!fs::is_regular_file(entry.document, ec)) {
      entry.skip_reason = "document not found";
      manifest.skipped.push_back(std::move(entry));
      continue;
    }
    if (!fs::is_regular_file(entry.annotation, ec)) {
      return Status::NotFound(where + ": annotation " + entry.annotation + " not found");
    }
    manifest.entries.push_back(std::move(entry));
  }
  return manifest;
}

Result<Manifest> LoadManifest(const std::string& path, const std::string& shared_dir) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open manifest");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": cannot read manifest");
  const std::string base = fs::path(path).parent_path().string();
  return ParseManifest(text.str(), base.empty() ? "." : base, shared_dir, path);
}

}  // namespace clsdb::check
