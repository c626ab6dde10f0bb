#include <boost/program_options.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "export/report.h"

namespace po = boost::program_options;

namespace clsdb {

int ReportCommand(const std::vector<std::string>& args) {
  std::string db_path = "output/clsdb.sqlite";
  std::string out_dir;
  po::options_description visible(
      "Usage: clsdb report [--db FILE] --out DIR\n\n"
      "Writes a static HTML site of the database's contracts into DIR: index.html,\n"
      "and contract-ID.html per contract with its parties, articles, plan and charts,\n"
      "each fact linked to its source text.  No script, nothing from the network.\n\n"
      "Options");
  visible.add_options()("help,h", "this help")("db", po::value(&db_path)->default_value(db_path),
                                               "the SQLite database")(
      "out,o", po::value(&out_dir), "the folder to write (created when absent)");
  po::variables_map vm;
  if (auto exit = ParseCommandLine({"report", visible}, args, &vm)) return *exit;
  if (out_dir.empty()) {
    std::fprintf(stderr, "clsdb report: --out DIR is required\n");
    return 2;
  }
  Result<ReportSummary> summary = WriteReport(db_path, out_dir);
  if (!summary.ok()) {
    std::fprintf(stderr, "clsdb report: %s\n", summary.status().message().c_str());
    return summary.status().code() == Status::Code::kCorruption ||
                   summary.status().code() == Status::Code::kInternal
               ? 1
               : 2;
  }
  std::fprintf(stderr, "%d contract%s -> %s/index.html\n", summary->contracts,
               summary->contracts == 1 ? "" : "s", out_dir.c_str());
  return 0;
}

}  // namespace clsdb
