// check: the regression harness behind `clsdb check`.
//
// Scores the pipeline's output for every document of corpus/manifest.tsv
// against its reference annotation (check/scorer.h), totals the counts per
// key (set and format: "text", "pdf", "real/text" … check/manifest.h), and
// judges each key's totals, and their macro F1, against corpus/baseline.json
// and corpus/thresholds.json (check/baseline.h).
//
// Without db_path, the manifest's documents are ingested into a fresh
// temporary database (removed afterwards) with the given rules, and with
// them two copies of each real text document: "flat" (its white space
// collapsed into one line) and "wrapped" (its lines broken at 80
// characters), scored under their own keys; with db_path, an
// existing database is read and its documents are found by the sha256 of the
// manifest's files (then by path).  A manifest document that the database
// does not hold is scored as if nothing had been extracted ("missing").
#ifndef CLSDB_CHECK_CHECK_H_
#define CLSDB_CHECK_CHECK_H_

#include <map>
#include <string>
#include <vector>

#include "check/baseline.h"
#include "check/manifest.h"
#include "check/scorer.h"
#include "core/status.h"

namespace clsdb::check {

// Issue 14's goal for organisation resolution: precision and recall over
// pairs of names (group "organizations", check/organization_score.h).
// Reported beside the totals; missing it never fails a run.
inline constexpr double kOrganizationPrecisionGoal = 0.98;
inline constexpr double kOrganizationRecallGoal = 0.90;
inline bool MeetsOrganizationGoal(const GroupScore& g) {
  return g.precision() >= kOrganizationPrecisionGoal && g.recall() >= kOrganizationRecallGoal;
}

struct CheckOptions {
  std::string corpus_dir;        // manifest.tsv, baseline.json, thresholds.json;
                                 // default DefaultCorpusDir()
  std::string shared_dir;        // ${shared}; default DefaultSharedDir()
  std::string db_path;           // empty: ingest into a temporary database
  std::string baseline_path;     // default <corpus_dir>/baseline.json
  std::string thresholds_path;   // default <corpus_dir>/thresholds.json
  std::string document_filter;   // only entries whose document path contains it
  std::string set_filter;        // only entries of that set (IsSetName); empty: all
  std::string rules_dir;         // for the ingestion; empty: the built-in rules
  int jobs = 0;                  // for the ingestion; 0: all cores
  bool update_baseline = false;  // write the current figures as the baseline
  bool quiet = false;            // no progress on stderr
};

struct DocumentResult {
  ManifestEntry entry;
  std::string status;   // ok | partial | failed (as ingested) | missing
  std::string message;  // why, when not ok
  DocumentScore score;
};

struct CheckResult {
  std::vector<DocumentResult> documents;
  std::vector<ManifestEntry> skipped;
  std::map<std::string, DocumentScore> totals;  // by key; counts only
  std::map<std::string, int> document_counts;   // by key
  Figures current;                              // F1 and macro F1 of the totals
  Figures baseline;                             // empty when there is none
  Figures thresholds;                           // empty when there are none
  std::string baseline_path, thresholds_path;
  bool have_baseline = false;
  // False when a document filter makes the totals partial: then nothing is
  // judged and the baseline cannot be updated.  A set filter keeps its keys'
  // totals whole: they are judged, and only those keys of the baseline are
  // updated.
  bool judged = true;
  bool baseline_updated = false;
  std::vector<Failure> failures;

  bool passed() const { return failures.empty(); }
};

// Runs the check.  Errors stop it: an unreadable manifest, annotation,
// baseline or thresholds file, a database that cannot be opened, an
// ingestion that cannot start (rules that do not load), update_baseline when a
// document is missing from the database (Corruption).  InvalidArgument for
// update_baseline with a document filter, or an unknown set filter.
Result<CheckResult> RunCheck(const CheckOptions& options);

// Recomputes result->totals, document_counts and current from
// result->documents: counts summed per key (ManifestEntry::key), then the F1
// of every group and the macro F1 (kMacroGroup) of every key.
void ComputeTotals(CheckResult* result);

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_CHECK_H_
