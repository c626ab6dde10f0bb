// check/report: a check run for people (aligned tables) and for tools (JSON).
//
//   PrintReport  one table per document (TP FP FN precision recall F1 per
//                group; '-' for a group that is not applicable), one table
//                per key (set and format, check/manifest.h) with the totals,
//                their baseline and minimum and the verdict, and a last line
//                "macro F1" judged alike; then the skipped entries, the
//                summary (PrintSummary) and PASS/FAIL.
//   PrintSummary the F1 of the totals side by side: one row per group and
//                one for "macro", one column per key present ('-': not
//                applicable), so that the sets can be compared at a glance.
//   PrintOrganizationGoals  the organisations' precision and recall per key
//                against issue 14's goal (PASS / MISS, never a failure).
//   PrintExplain for one group: per document, the expected items that were
//                missed (FN) and the extracted items that were spurious (FP)
//                with their provenance (page, [span), rule).
//   ReportJson   every figure above, plus the failures, as a JSON document;
//                each total carries its "macro_f1" (null: not applicable).
//
// The held-aside documents (set "heldout") judge rules nobody tuned on
// them; a per-document table or list of misses invites tuning on them.  So
// PrintReport, PrintExplain and ReportJson show their totals only, unless
// ReportOptions::show_heldout_documents asks for them (one line says how
// many were hidden).
#ifndef CLSDB_CHECK_REPORT_H_
#define CLSDB_CHECK_REPORT_H_

#include <ostream>
#include <string>

#include "check/check.h"

namespace clsdb::check {

struct ReportOptions {
  bool show_heldout_documents = false;
};

void PrintReport(const CheckResult& result, std::ostream& out, const ReportOptions& options = {});

// Issue 14's goal for the organisations group, per key: precision and
// recall over pairs of names (check/organization_score.h) at least
// kOrganizationPrecisionGoal and kOrganizationRecallGoal (check/check.h).
// Reported as PASS or MISS; a miss never fails the check (only a drop below
// the baseline does).  Prints nothing when no key has the group.
void PrintOrganizationGoals(const CheckResult& result, std::ostream& out);

// Prints nothing when there are no totals.
void PrintSummary(const CheckResult& result, std::ostream& out);

// REQUIRES: IsGroupName(group).
void PrintExplain(const CheckResult& result, const std::string& group, std::ostream& out,
                  const ReportOptions& options = {});

std::string ReportJson(const CheckResult& result, const ReportOptions& options = {});

// Writes ReportJson(result, options) to path.  Errors: IOError.
Status WriteReportJson(const CheckResult& result, const std::string& path,
                       const ReportOptions& options = {});

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_REPORT_H_
