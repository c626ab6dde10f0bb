// The batch of ~40 distinct documents that the crash-safety and concurrency
// tests ingest: the project's synthetic documents, each copied five times
// and made distinct (another sha256) by an appended line, plus small PDFs —
// generated ones, and the shared corpus's when it is present.
#ifndef CLSDB_TESTS_HOSTILE_BATCH_H_
#define CLSDB_TESTS_HOSTILE_BATCH_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "hostile_util.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb::testing {

// Shared PDFs larger than this are left out: the biggest take seconds each
// to parse, and these tests are about the writer, not Poppler.
constexpr std::uintmax_t kMaxSharedPdfBytes = 1 << 20;

// Writes the batch under dir/name and returns the paths of its files,
// sorted.
inline std::vector<std::string> MakeBatch(const TempDir& dir, const std::string& name) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  std::vector<fs::path> sources;
  for (const auto& e : fs::directory_iterator(ProjectCorpus() / "documents")) {
    if (e.path().extension() == ".txt") sources.push_back(e.path());
  }
  std::sort(sources.begin(), sources.end());
  for (const fs::path& src : sources) {
    std::ifstream in(src, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    for (int k = 1; k <= 5; ++k) {
      paths.push_back(
          dir.Write(name + "/" + src.stem().string() + "_" + std::to_string(k) + ".txt",
                    text.str() + "\n\nCopie de contrôle n°" + std::to_string(k) + "\n"));
    }
  }
  for (int k = 1; k <= 3; ++k) {
    paths.push_back(
        dir.Write(name + "/genere_" + std::to_string(k) + ".pdf",
                  SimplePdf({{"CONTRAT LOCAL DE SANTE", "Exemplaire " + std::to_string(k)},
                             {"Article 1 : Objet", "Fait a Lens, le 2 avril 2025"}})));
  }
  const fs::path shared = SharedCorpus() / "pdf";
  std::error_code ec;
  if (fs::is_directory(shared, ec)) {
    for (const auto& e : fs::directory_iterator(shared)) {
      if (e.is_regular_file() && e.path().extension() == ".pdf" &&
          e.file_size() <= kMaxSharedPdfBytes) {
        const fs::path to = dir.path() / name / e.path().filename();
        fs::copy_file(e.path(), to);
        paths.push_back(to.string());
      }
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_HOSTILE_BATCH_H_
