// The report: a static HTML site of the database's contracts, for reading
// and printing, with no script and nothing loaded from the network.
//
//   OUT/index.html             every contract: territory, period,
//                              generation, number of actions, signatories
//   OUT/contract-ID.html       one contract (ID is contracts.id): its
//                              parties and representatives, its articles,
//                              its plan as a tree (orientation, action,
//                              operation, pilots and partners), and three
//                              bar charts in inline SVG
//
// Every fact links to its provenance, listed at the end of its page: the
// document, the page, and the source span marked in the text around it.
//
// Charts (each an <svg data-chart="…"> whose bars are <rect class="bar">):
//   orientations  actions per orientation: one bar per orientation, and one
//                 for the actions under none
//   pilots        actions (and operations outside any action) per pilot
//                 organisation: one bar per pilot, the kReportMaxPilots
//                 most frequent
//   years         actions or operations per calendar year: one bar per year
//                 of the schedule
#ifndef CLSDB_EXPORT_REPORT_H_
#define CLSDB_EXPORT_REPORT_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace clsdb {

inline constexpr int kReportMaxPilots = 20;

struct ReportSummary {
  int contracts = 0;
  std::vector<std::string> files;  // written, index.html first
};

// Writes the site into out_dir (created when absent).  Each page is
// written under a temporary name and renamed.  Errors: NotFound (no
// database), IOError (out_dir cannot be made or written).
Result<ReportSummary> WriteReport(const std::string& db_path, const std::string& out_dir);

}  // namespace clsdb

#endif  // CLSDB_EXPORT_REPORT_H_
