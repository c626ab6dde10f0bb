// The repository's rules/, loaded once per test executable, and a text run
// through the stages with them.
#ifndef CLSDB_TESTS_REPO_RULES_H_
#define CLSDB_TESTS_REPO_RULES_H_

#include <catch2/catch.hpp>

#include "extract/extract.h"
#include "layout/layout.h"
#include "read/reader.h"
#include "rules/rule_set.h"
#include "segment/segment.h"
#include "test_paths.h"

namespace clsdb::testing {

inline const RuleSet& RepoRules() {
  static const RuleSet* rules = [] {
    auto loaded = RuleSet::LoadDirectory(RulesDir().string());
    INFO((loaded.ok() ? std::string() : loaded.status().ToString()));
    REQUIRE(loaded.ok());
    return new RuleSet(std::move(*loaded));
  }();
  return *rules;
}

// The text of a .txt file decoded and laid out, as the pipeline reads it.
inline LaidOutDocument LayOutText(const std::string& text) {
  Result<RawDocument> raw = DecodeText(text);
  REQUIRE(raw.ok());
  raw->format = SourceFormat::kText;
  return LayOut(*raw);
}

// A laid-out document segmented and extracted with the repository's rules.
inline DocumentRecords ExtractFrom(const LaidOutDocument& doc) {
  return Extract(doc, Segment(doc, RepoRules()), RepoRules());
}

// LayOutText then ExtractFrom: the records of a text, without the
// pipeline's repair of run-on paragraphs (TextRun has it).
inline DocumentRecords ExtractText(const std::string& text) {
  return ExtractFrom(LayOutText(text));
}

// A text document run through the stages (decode, lay out, repair,
// segment, extract) with the repository's rules.
struct TextRun {
  LaidOutDocument doc;
  DocumentRecords records;

  explicit TextRun(const std::string& text)
      : doc(BreakRunOnParagraphs(LayOutText(text), RepoRules())), records(ExtractFrom(doc)) {}
};

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_REPO_RULES_H_
