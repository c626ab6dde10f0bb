// `clsdb check`: the regression harness (check/check.h) on the command line.
#include <boost/program_options.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "check/check.h"
#include "check/manifest.h"
#include "check/report.h"
#include "check/scorer.h"
#include "cli/commands.h"

namespace clsdb {

namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "Usage: clsdb check [options]\n"
    "\n"
    "Scores the pipeline's output on every document of corpus/manifest.tsv\n"
    "against its reference annotation, per field group, and compares the\n"
    "totals per set and format (text, pdf for the reference set; real/text,\n"
    "real/pdf, heldout/text, heldout/pdf), and their macro F1, with\n"
    "corpus/baseline.json (a drop of more than 0.005 in F1 fails) and\n"
    "corpus/thresholds.json (minimum F1).\n"
    "Without --db the documents are ingested into a temporary database.\n"
    "\n"
    "Exit status: 0 pass, 1 regression, threshold failure or error, 2 usage.\n";

std::string GroupList() {
  std::string out;
  for (const std::string& g : check::GroupNames()) out += (out.empty() ? "" : ", ") + g;
  return out;
}

}  // namespace

int CheckCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()              //
      ("help,h", "print this help")  //
      ("corpus", po::value<std::string>()->value_name("DIR"),
       "folder of manifest.tsv, baseline.json and thresholds.json (default: the "
       "repository's corpus/)")("db", po::value<std::string>()->value_name("FILE"),
                                "score an existing database instead of ingesting the documents")(
          "baseline", po::value<std::string>()->value_name("FILE"),
          "baseline figures (default: <corpus>/baseline.json)")(
          "json", po::value<std::string>()->value_name("FILE"), "write every figure as JSON")(
          "explain", po::value<std::string>()->value_name("GROUP"),
          "list the missed and spurious items of a group")(
          "document", po::value<std::string>()->value_name("SUBSTR"),
          "only the documents whose path contains SUBSTR (totals are not judged)")(
          "set", po::value<std::string>()->value_name("NAME"),
          "only the documents of that set: reference, real or heldout (its totals are "
          "judged)")("update-baseline", po::bool_switch(),
                     "write the current figures as the baseline")(
          "rules", po::value<std::string>()->value_name("DIR"),
          "rules folder for the ingestion (default: the repository's rules/)")(
          "jobs,j", po::value<int>()->value_name("N"), "parallel workers for the ingestion")(
          "show-heldout", po::bool_switch(),
          "also show the held-aside documents' own figures and misses (by default only "
          "their totals: tune on the other sets)");

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "clsdb check: " << e.what() << " (see clsdb check --help)\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << options << "\nGroups: " << GroupList() << "\n";
    return 0;
  }

  auto usage_error = [&](const std::string& message) {
    std::cerr << "clsdb check: " << message << "\n";
    return 2;
  };
  auto get = [&](const char* name) {
    return vm.count(name) ? vm[name].as<std::string>() : std::string();
  };

  check::CheckOptions o;
  o.corpus_dir = get("corpus");
  o.db_path = get("db");
  o.baseline_path = get("baseline");
  o.document_filter = get("document");
  o.set_filter = get("set");
  o.rules_dir = get("rules");
  o.update_baseline = vm["update-baseline"].as<bool>();
  const std::string explain = get("explain");
  const std::string json_path = get("json");
  check::ReportOptions report;
  report.show_heldout_documents = vm["show-heldout"].as<bool>();
  if (vm.count("jobs")) {
    o.jobs = vm["jobs"].as<int>();
    if (o.jobs < 0) return usage_error("--jobs must be 0 or more");
  }
  if (!explain.empty() && !check::IsGroupName(explain)) {
    return usage_error("unknown group \"" + explain + "\" for --explain; groups: " + GroupList());
  }
  if (vm.count("set") && !check::IsSetName(o.set_filter)) {
    return usage_error("unknown set \"" + o.set_filter +
                       "\" for --set; sets: reference, real, heldout");
  }
  if (!o.db_path.empty() && !o.rules_dir.empty()) {
    return usage_error("--rules applies to the ingestion: it cannot be used with --db");
  }
  if (o.update_baseline && !o.document_filter.empty()) {
    return usage_error("--update-baseline needs the whole manifest: drop --document");
  }

  Result<check::CheckResult> result = check::RunCheck(o);
  if (!result.ok()) {
    std::cerr << "clsdb check: " << result.status().ToString() << "\n";
    return result.status().code() == Status::Code::kInvalidArgument ? 2 : 1;
  }
  check::PrintReport(*result, std::cout, report);
  if (!explain.empty()) {
    std::cout << "\n";
    check::PrintExplain(*result, explain, std::cout, report);
  }
  if (!json_path.empty()) {
    if (Status s = check::WriteReportJson(*result, json_path, report); !s.ok()) {
      std::cerr << "clsdb check: " << s.ToString() << "\n";
      return 1;
    }
  }
  return result->passed() ? 0 : 1;
}

}  // namespace clsdb
