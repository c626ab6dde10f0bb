// Content identity through the pipeline: the fingerprint is taken from the
// stored page text, so the text and the PDF of one document link, runs
// apart; measured on the shared corpus where it is present.
#include "identity/identity.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "pipeline/pipeline.h"
#include "store/store.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// text with every line of more than 60 bytes cut before its last word that
// has 8 letters or more, that word hyphenated at the cut: what a PDF's
// justified lines do to a converter's long lines.
std::string Rewrapped(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    const size_t space = line.size() > 60 ? line.rfind(' ', line.size() - 12) : std::string::npos;
    if (space != std::string::npos && space > 20 && line.find('\t') == std::string::npos) {
      out += line.substr(0, space + 5) + "-\n" + line.substr(space + 5) + "\n";
    } else {
      out += line + "\n";
    }
  }
  return out;
}

IngestOptions IdentityOptions(const testing::TempDir& dir) {
  IngestOptions options;
  options.db_path = dir / "db.sqlite";
  options.rules_dir = testing::RulesDir().string();
  options.jobs = 1;
  return options;
}

TEST_CASE("a rewrapped copy ingested later is linked to the original; others are not",
          "[pipeline][identity]") {
  testing::TempDir dir;
  const fs::path docs = testing::ProjectCorpus() / "documents";
  const std::string original = ReadAll(docs / "delib_voirie.txt");
  const std::string copy = Rewrapped(original);
  REQUIRE(copy != original);
  REQUIRE(copy.find("-\n") != std::string::npos);
  dir.Write("first/delib_voirie.txt", original);
  dir.Write("first/cls_fiches_action.txt", ReadAll(docs / "cls_fiches_action.txt"));
  dir.Write("later/delib_voirie_rewrapped.txt", copy);
  // Another contract of the project's corpus: different content.
  dir.Write("later/cls_plan_tableau.txt", ReadAll(docs / "cls_plan_tableau.txt"));

  auto first = Ingest({dir / "first"}, IdentityOptions(dir));
  REQUIRE(first.ok());
  CHECK(first->linked == 0);
  auto later = Ingest({dir / "later"}, IdentityOptions(dir));
  REQUIRE(later.ok());
  CHECK(later->counts.ok == 2);
  CHECK(later->linked == 1);
  CHECK(later->summary.same_content_documents == 1);

  auto store = Store::Open(dir / "db.sqlite");
  REQUIRE(store.ok());
  auto listed = (*store)->ListDocuments();
  REQUIRE(listed.ok());
  std::map<std::string, long long> id_of;
  for (const auto& d : *listed) id_of[fs::path(d.path).filename().string()] = d.id;
  // ListDocuments does not say same_as: ask the candidates' own link.
  const DocumentRow row =
      ProcessDocument(dir / "later/delib_voirie_rewrapped.txt",
                      *RuleSet::LoadDirectory(testing::RulesDir().string()), IdentityOptions(dir));
  auto candidates = (*store)->SameContentCandidates(row.fingerprint.bands, row.sha256);
  REQUIRE(candidates.ok());
  CHECK(ChooseOriginal(row.fingerprint, *candidates) == id_of.at("delib_voirie.txt"));
}

TEST_CASE("shared corpus: the text and the PDF of a document are the same content",
          "[pipeline][identity][corpus]") {
  if (!testing::HaveSharedCorpus()) return;  // the project alone: nothing to measure
  const fs::path shared = testing::SharedCorpus();
  Result<RuleSet> rules = RuleSet::LoadDirectory(testing::RulesDir().string());
  REQUIRE(rules.ok());
  IngestOptions options;
  options.ocr = OcrMode::kOff;
  auto fingerprint = [&](const fs::path& path) {
    DocumentRow row = ProcessDocument(path.string(), *rules, options);
    INFO(path << ": " << row.error);
    REQUIRE(row.status != DocumentStatus::kFailed);
    return row.fingerprint;
  };
  // The press release (1 page) and the Avesnois contract (43 pages: a
  // prefecture stamp on every page, tables split across pages).
  const ContentFingerprint text3 = fingerprint(shared / "text/003_3dfd76481143a408.txt");
  const ContentFingerprint pdf3 = fingerprint(shared / "pdf/003_3dfd76481143a408.pdf");
  const ContentFingerprint text2 = fingerprint(shared / "text/002_44ef4f2dd19b21b3.txt");
  const ContentFingerprint pdf2 = fingerprint(shared / "pdf/002_44ef4f2dd19b21b3.pdf");
  // Measured: 1.000 and 1.000 (exact Jaccard of the shingles: 1.000, 0.994).
  CHECK(EstimatedSimilarity(text3, pdf3) >= 0.9);
  CHECK(EstimatedSimilarity(text2, pdf2) >= 0.9);
  // A press release and a contract: nothing in common.
  CHECK(EstimatedSimilarity(text3, pdf2) < 0.1);
  CHECK(EstimatedSimilarity(text2, pdf3) < 0.1);
}

}  // namespace
}  // namespace clsdb
