#include "check/manifest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/scorer.h"
#include "core/source_dir.h"

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

// "flat": a real text document with its white space collapsed into one line;
// "wrapped": with its lines broken at a fixed width.  Both are scored by
// RunCheck beside its text (see check.h).
constexpr const char* kFormats[] = {"text", "pdf", "scan", "flat", "wrapped"};

bool IsReshaped(std::string_view format) { return format == "flat" || format == "wrapped"; }

// "format=scan groups=a,b": see manifest.h.
Status ParseOptions(std::string_view text, ManifestEntry* entry) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view option = text.substr(pos, end - pos);
    pos = end + 1;
    if (option.empty()) continue;
    if (option == "format=scan") {
      if (entry->format != "pdf") return Status::Corruption("format=scan needs a .pdf document");
      entry->format = "scan";
    } else if (option.starts_with("groups=")) {
      std::string_view list = option.substr(7);
      while (!list.empty()) {
        const size_t comma = list.find(',');
        const std::string_view group = list.substr(0, comma);
        if (!IsGroupName(group)) {
          return Status::Corruption("unknown group \"" + std::string(group) + "\"");
        }
        entry->groups.emplace_back(group);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      }
    } else {
      return Status::Corruption("unknown option \"" + std::string(option) +
                                "\" (expected format=scan or groups=...)");
    }
  }
  return Status::OK();
}

}  // namespace

const std::vector<std::string>& SetNames() {
  static const std::vector<std::string> kNames = {std::string(kReferenceSet), "real",
                                                  std::string(kHeldoutSet)};
  return kNames;
}

bool IsSetName(std::string_view name) {
  const auto& names = SetNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string FiguresKey(std::string_view set, std::string_view format) {
  if (set == kReferenceSet) return std::string(format);
  return std::string(set) + "/" + std::string(format);
}

const std::vector<std::string>& FiguresKeys() {
  static const std::vector<std::string> kKeys = [] {
    std::vector<std::string> keys;
    for (const std::string& set : SetNames()) {
      for (const char* format : kFormats) {
        // Only real documents are reshaped.
        if (set == kReferenceSet && IsReshaped(format)) continue;
        keys.push_back(FiguresKey(set, format));
      }
    }
    return keys;
  }();
  return kKeys;
}

bool IsFiguresKey(std::string_view key) {
  const auto& keys = FiguresKeys();
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::string DefaultCorpusDir() { return (fs::path(SourceDir()) / "corpus").string(); }

std::string DefaultSharedDir() {
  return (fs::path(SourceDir()).parent_path() / "shared" / "corpus").string();
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
    std::vector<std::string_view> fields;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() < 2 || fields.size() > 4 || fields[0].empty() || fields[1].empty()) {
      return Status::Corruption(where +
                                ": expected <document>\\t<annotation>[\\t<set>[\\t<options>]]");
    }
    ManifestEntry entry;
    entry.line = line_no;
    entry.document = Resolve(std::string(fields[0]), base_dir, shared_dir);
    entry.annotation = Resolve(std::string(fields[1]), base_dir, shared_dir);
    if (fields.size() >= 3) {
      // Checked before the files: a misspelt set would otherwise pass
      // unnoticed on a clone without the documents, and the entry would be
      // scored with the wrong set wherever they are present.
      if (!IsSetName(fields[2])) {
        return Status::Corruption(where + ": unknown set \"" + std::string(fields[2]) +
                                  "\" (expected reference, real or heldout)");
      }
      entry.set = std::string(fields[2]);
    }
    const std::string ext = fs::path(entry.document).extension().string();
    if (ext == ".txt") {
      entry.format = "text";
    } else if (ext == ".pdf") {
      entry.format = "pdf";
    } else {
      return Status::Corruption(where + ": " + entry.document + ": not a .txt or .pdf document");
    }
    if (fields.size() == 4) {
      if (Status s = ParseOptions(fields[3], &entry); !s.ok()) return s.WithPrefix(where);
    }

    std::error_code ec;
    if (!fs::is_regular_file(entry.document, ec)) {
      // Only a bare clone, without the shared corpus at all, skips: a
      // document missing from a corpus that is there fails the check, or
      // a lost file would pass unnoticed.
      const bool shared_absent =
          fields[0].substr(0, kSharedVar.size()) == kSharedVar && !fs::is_directory(shared_dir, ec);
      if (!shared_absent) {
        return Status::NotFound(where + ": document " + entry.document + " not found");
      }
      entry.skip_reason = "shared corpus absent";
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
