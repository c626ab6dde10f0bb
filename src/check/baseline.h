// check/baseline: the figures a check run is judged against.
//
// Two JSON files beside the manifest share one shape, F1 per format per
// group (the F1 of the TOTAL over the manifest's documents of that format):
//
//   {
//     "about": "free text, ignored",
//     "text": {"doc_type": 1.0, "articles": 0.92, "votes": null, ...},
//     "pdf":  {"doc_type": 1.0, ...}
//   }
//
// - corpus/baseline.json: the last accepted figures, written by
//   `clsdb check --update-baseline`.  A group whose total F1 falls more than
//   kRegressionTolerance below its baseline fails the check.  null or absent:
//   no figure (the group was not applicable), nothing to compare.
// - corpus/thresholds.json: hand-set minimums.  A group whose total F1 is
//   below its threshold fails the check.  Absent: no minimum.
// Formats are "text" and "pdf"; a group name must be one of GroupNames()
// (in a baseline, unknown groups are ignored: they may come from an older
// build).  A group that is not applicable in the current run is never failed.
#ifndef CLSDB_CHECK_BASELINE_H_
#define CLSDB_CHECK_BASELINE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace clsdb::check {

inline constexpr double kRegressionTolerance = 0.005;

// format -> group -> F1 (nullopt: no figure).
using Figures = std::map<std::string, std::map<std::string, std::optional<double>>>;

// The value for (format, group), if the figures have one.
std::optional<double> Lookup(const Figures& figures, const std::string& format,
                             const std::string& group);

// Parses a baseline (strict_groups = false) or thresholds (true) text; name is
// used in errors.  Errors: Corruption (invalid JSON, wrong types, unknown
// format, unknown group when strict).
Result<Figures> ParseFigures(std::string_view json_text, const std::string& name,
                             bool strict_groups);
// Reads path; NotFound when the file does not exist.
Result<Figures> LoadFigures(const std::string& path, bool strict_groups);
// Writes figures (rounded to 4 decimals, groups in report order) with an
// "about" line.  Errors: IOError.
Status SaveFigures(const std::string& path, const Figures& figures, const std::string& about);

struct Failure {
  std::string format, group;
  double f1 = 0;
  double limit = 0;    // the baseline or the threshold it fell below
  std::string reason;  // "regression" | "threshold"
};

// The groups of current that regressed against baseline or fell below
// thresholds (either may be empty).
std::vector<Failure> Judge(const Figures& current, const Figures& baseline,
                           const Figures& thresholds);

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_BASELINE_H_
