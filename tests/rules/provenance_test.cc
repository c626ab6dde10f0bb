// Provenance names only real rules: after an ingest of the shared corpus
// (and the project's synthetic documents, which reach the extractors the
// real ones do not), every stored `rule` is the name of a rule of rules/
// or one of the structural markers of rules/required_rules.h.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "query_rows.h"
#include "rules/required_rules.h"
#include "rules/rule_set.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using testing::QueryRows;

TEST_CASE("every stored provenance rule is a rule of rules/ or a structural marker",
          "[rules][e2e]") {
  if (!testing::HaveSharedCorpus()) FAIL("../shared/corpus is absent: this test needs it");
  Result<RuleSet> rules = RuleSet::LoadDirectory(testing::RulesDir().string());
  REQUIRE(rules.ok());
  testing::TempDir dir;
  IngestOptions options;
  options.db_path = dir / "db.sqlite";
  options.rules_dir = testing::RulesDir().string();
  options.jobs = 2;
  // OCR off: the scans' text takes the same extraction paths as the
  // born-digital documents', at minutes a page.
  options.ocr = OcrMode::kOff;
  auto report =
      Ingest({testing::SharedCorpus().string(), (testing::ProjectCorpus() / "documents").string()},
             options);
  REQUIRE(report.ok());

  size_t tables = 0, pairs = 0;  // pairs: distinct (table, rule)
  for (const auto& table :
       QueryRows(options.db_path,
                 "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) "
                 "c WHERE m.type = 'table' AND c.name = 'rule'")) {
    ++tables;
    for (const auto& row :
         QueryRows(options.db_path, "SELECT DISTINCT rule FROM \"" + table[0] + "\"")) {
      const std::string& rule = row[0];
      INFO(table[0] << ".rule = '" << rule << "'");
      ++pairs;
      // A diagnostic of layout or reading comes from no rule at all.
      if (table[0] == "diagnostics" && rule.empty()) continue;
      const bool marker = std::find(kStructureMarkers.begin(), kStructureMarkers.end(), rule) !=
                          kStructureMarkers.end();
      CHECK((marker || rules->Find(rule) != nullptr));
    }
  }
  CHECK(tables >= 10);  // the extracted tables and diagnostics all carry a rule
  CHECK(pairs >= 20);   // the corpus reaches most extractors
}

}  // namespace
}  // namespace clsdb
