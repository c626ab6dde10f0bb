// check/baseline: the figures a check run is judged against.
//
// Two JSON files beside the manifest share one shape, F1 per key per group
// (the F1 of the TOTAL over the manifest's documents of that key):
//
//   {
//     "about": "free text, ignored",
//     "text": {"doc_type": 1.0, "articles": 0.92, "votes": null, ...},
//     "pdf":  {"doc_type": 1.0, ..., "macro": 0.97},
//     "heldout/text": {"macro": 0.85}
//   }
//
// - corpus/baseline.json: the last accepted figures, written by
//   `clsdb check --update-baseline`.  A group whose total F1 falls more than
//   kRegressionTolerance below its baseline fails the check.  null or absent:
//   no figure (the group was not applicable), nothing to compare.
// - corpus/thresholds.json: hand-set minimums.  A group whose total F1 is
//   below its threshold fails the check.  Absent: no minimum.
// A key is a set and a format (check/manifest.h, FiguresKey): "text" and
// "pdf" for the reference set, "real/text", "real/pdf", "heldout/text",
// "heldout/pdf"; any other key is an error.  A group name must be one of
// GroupNames() or the pseudo-group "macro" (kMacroGroup, the macro F1 of the
// key's total); in a baseline, unknown groups are ignored: they may come from
// an older build.  A group that is not applicable in the current run is never
// failed.
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

// key -> group -> F1 (nullopt: no figure).
using Figures = std::map<std::string, std::map<std::string, std::optional<double>>>;

// The groups a figures file may name, in report order: GroupNames(), then
// kMacroGroup.
const std::vector<std::string>& FigureGroupNames();

// The value for (key, group), if the figures have one.
std::optional<double> Lookup(const Figures& figures, const std::string& key,
                             const std::string& group);

// Parses a baseline (strict_groups = false) or thresholds (true) text; name is
// used in errors.  Errors: Corruption (invalid JSON, wrong types, a value
// outside [0, 1], unknown key, unknown group when strict).
Result<Figures> ParseFigures(std::string_view json_text, const std::string& name,
                             bool strict_groups);
// Reads path; NotFound when the file does not exist.
Result<Figures> LoadFigures(const std::string& path, bool strict_groups);
// Writes figures (rounded to 4 decimals, keys and groups in report order;
// keys that are not IsFiguresKey are left out) with an "about" line.
// Errors: IOError.
Status SaveFigures(const std::string& path, const Figures& figures, const std::string& about);

struct Failure {
  std::string key, group;  // group may be kMacroGroup
  double f1 = 0;
  double limit = 0;    // the baseline or the threshold it fell below
  std::string reason;  // "regression" | "threshold"
};

// The groups (and macro figures) of current that regressed against baseline
// or fell below thresholds (either may be empty), key by key: a key that
// current lacks is not judged.
std::vector<Failure> Judge(const Figures& current, const Figures& baseline,
                           const Figures& thresholds);

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_BASELINE_H_
