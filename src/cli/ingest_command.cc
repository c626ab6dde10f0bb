#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/option_range.h"
#include "pipeline/isolated_reader.h"
#include "pipeline/pipeline.h"

namespace clsdb {

namespace po = boost::program_options;

namespace {

std::string JoinArgs(const std::vector<std::string>& args) {
  std::string out = "ingest";
  for (const auto& a : args) out += " " + a;
  return out;
}

void PrintSummary(const IngestReport& report, const std::string& db_path, const Shard& shard) {
  std::printf("clsdb ingest: %zu inputs into %s\n", report.documents.size(), db_path.c_str());
  if (shard.count > 1) {
    std::printf("  shard %d/%d: %zu of the %zu files listed\n", shard.index, shard.count,
                report.inputs_in_shard, report.inputs_listed);
  }
  std::printf("  this run: %d ok, %d partial, %d failed, %d skipped\n", report.counts.ok,
              report.counts.partial, report.counts.failed, report.counts.skipped);
  // Every outcome that is not plain success has its line, with the reason;
  // only a file skipped as already stored, the common case of a rerun, has
  // none.
  for (const auto& d : report.documents) {
    const bool plain_duplicate =
        d.status == DocumentStatus::kSkipped && d.message == "already stored (same sha256)";
    if (d.status != DocumentStatus::kOk && !plain_duplicate) {
      std::printf("    %s %s: %s\n", Name(d.status), d.path.c_str(), d.message.c_str());
    }
  }
  std::printf("  this run: %lld linked as the same content as an earlier document (same_as)\n",
              report.linked);
  if (report.fingerprinted_stored > 0) {
    std::printf("  stored before content identity: %lld fingerprinted, %lld of them linked\n",
                report.fingerprinted_stored, report.linked_stored);
  }
  std::printf("  database, documents by type / status:\n");
  for (const auto& [key, n] : report.summary.documents_by_type_status) {
    std::printf("    %-28s %lld\n", key.c_str(), n);
  }
  std::printf("  database: %lld documents are the same content as an earlier one\n",
              report.summary.same_content_documents);
  std::printf("  database, rows:\n");
  for (const auto& [table, n] : report.summary.table_rows) {
    std::printf("    %-28s %lld\n", table.c_str(), n);
  }
  const double pages_per_s = report.seconds > 0 ? report.pages / report.seconds : 0;
  std::printf("  elapsed %.2fs, %lld pages processed, %.1f pages/s\n", report.seconds, report.pages,
              pages_per_s);
  if (report.seconds > 0) {
    std::printf("  writer busy %.2fs (%.0f%% of the run)\n", report.writer_seconds,
                100 * report.writer_seconds / report.seconds);
  }
}

// Checks the values of the options and fills what derives from them; false,
// with a message on stderr, when one cannot be used.
bool FinishOptions(const std::string& ocr, const std::string& shard, std::uint64_t max_input_mb,
                   IngestOptions* options) {
  // Beyond these, a value is a typing error or harms the run: a deadline
  // that overflows, more threads than the system gives, a cap that caps
  // nothing.  A request to the PDF reader carries a u32 length: under 4 GiB.
  if (!OptionInRange("ingest", "jobs", options->jobs, 0, 256) ||
      !OptionInRange("ingest", "max-pages", options->max_pages, 1, 1000000) ||
      !OptionInRange("ingest", "commit-every", options->commit_every, 1, 1000000) ||
      !OptionInRange("ingest", "doc-timeout", options->doc_timeout_seconds, 0.001, 604800.0) ||
      !OptionInRange("ingest", "max-memory-mb", options->max_memory_mb, 16L, 1048576L) ||
      !OptionInRange("ingest", "max-input-mb", max_input_mb, std::uint64_t{1},
                     std::uint64_t{4095}) ||
      !OptionInRange("ingest", "max-ocr-pixels", options->max_ocr_pixels, std::uint64_t{1},
                     std::uint64_t{10'000'000'000})) {
    return false;
  }
  options->max_input_bytes = max_input_mb << 20;
  if (!ParseOcrMode(ocr, &options->ocr)) {
    std::fprintf(stderr, "clsdb ingest: --ocr must be auto, off or force (got %s)\n", ocr.c_str());
    return false;
  }
  if (!shard.empty()) {
    Result<Shard> parsed = ParseShard(shard);
    if (!parsed.ok()) {
      std::fprintf(stderr, "clsdb ingest: %s\n", parsed.status().message().c_str());
      return false;
    }
    options->shard = *parsed;
  }
  if (options->db_path.empty()) {
    std::fprintf(stderr, "clsdb ingest: --db must name a file\n");
    return false;
  }
  return true;
}

// A path given that does not exist at all is a typing error: said before
// any database is opened or run recorded.  (A link to nothing exists, and
// fails as its document.)
bool PathsExist(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
      // ec says why when the path could not even be looked up (too long).
      std::fprintf(stderr, "clsdb ingest: %s: %s\n", path.c_str(),
                   ec && ec != std::errc::no_such_file_or_directory ? ec.message().c_str()
                                                                    : "no such file or directory");
      return false;
    }
  }
  return true;
}

}  // namespace

int IngestCommand(const std::vector<std::string>& args) {
  IngestOptions options;
  std::vector<std::string> paths;
  bool in_process = false;
  std::string ocr = "auto";
  std::string shard;
  std::uint64_t max_input_mb = options.max_input_bytes >> 20;
  po::options_description visible(
      "Usage: clsdb ingest [OPTIONS] PATH...\n\n"
      "Reads .pdf and .txt files (folders are searched recursively)"
      " into the database.\nA file already stored (same sha256) is"
      " skipped unless --force.\n\nOptions");
  visible.add_options()("help,h", "this help")(
      "db", po::value(&options.db_path)->default_value(options.db_path), "the SQLite database")(
      "jobs,j", po::value(&options.jobs)->default_value(0), "worker threads (0: one per core)")(
      "rules", po::value(&options.rules_dir)->default_value(DefaultRulesDir()),
      "the folder of rule files")("force", po::bool_switch(&options.force),
                                  "re-process and replace documents already stored")(
      "max-pages", po::value(&options.max_pages)->default_value(options.max_pages),
      "documents with more pages fail with a clear error")(
      "doc-timeout",
      po::value(&options.doc_timeout_seconds)->default_value(options.doc_timeout_seconds),
      "seconds one PDF may take to read, OCR included, before it fails")(
      "max-memory-mb", po::value(&options.max_memory_mb)->default_value(options.max_memory_mb),
      "memory one PDF's reader may use before it fails; a text that would need more fails")(
      "max-input-mb", po::value(&max_input_mb)->default_value(max_input_mb),
      "files larger than this fail before they are read")(
      "commit-every", po::value(&options.commit_every)->default_value(options.commit_every),
      "documents stored per transaction, at most (a killed run loses the open one's)")(
      "retry-failed", po::bool_switch(&options.retry_failed),
      "process again every document stored as failed (transient failures are retried anyway, "
      "up to 3 attempts)")(
      "ocr", po::value(&ocr)->default_value(ocr),
      "OCR of PDF pages: auto (pages without a usable text layer), off, force (every page)")(
      "max-ocr-pixels", po::value(&options.max_ocr_pixels)->default_value(options.max_ocr_pixels),
      "a page to OCR whose 300 dpi image has more pixels fails its document")(
      "in-process", po::bool_switch(&in_process),
      "read PDFs in this process (faster start, no isolation from a crashing PDF)")(
      "verbose,v", po::bool_switch(&options.verbose), "one line per document on stderr")(
      "files-from", po::value(&options.files_from),
      "also ingest the files listed in this file, one path per line")(
      "root", po::value(&options.root),
      "the folder relative paths of --files-from are under, and shard keys relative to")(
      "shard", po::value(&shard),
      "K/N: ingest only the files of shard K of N (a stable hash of each path relative to its "
      "root; see README \"Many machines\")");
  const CommandLine line{"ingest", visible, "path", &paths, /*usage_on_error=*/true};
  po::variables_map vm;
  if (auto exit = ParseCommandLine(line, args, &vm)) return *exit;
  if (paths.empty() && options.files_from.empty()) {
    return UsageError(line, "no PATH or --files-from given");
  }
  if (!FinishOptions(ocr, shard, max_input_mb, &options) || !PathsExist(paths)) return 2;
  if (!in_process) options.pdf_reader_exe = SelfExecutable();
  options.progress = isatty(STDERR_FILENO) && !options.verbose;
  options.arguments = JoinArgs(args);
  options.process_exits_after = true;
  Result<IngestReport> report = Ingest(paths, options);
  if (!report.ok()) {
    std::fprintf(stderr, "clsdb ingest: %s\n", report.status().ToString().c_str());
    return 2;
  }
  PrintSummary(*report, options.db_path, options.shard);
  return report->counts.failed > 0 ? 1 : 0;
}

int InternalLayOutPdfCommand(const std::vector<std::string>& args) {
  // [--serve] [--max-pages N] [--memory-mb M] [--timeout S] [--ocr MODE]
  // [--max-ocr-pixels N] [-- PATH]: --serve is how
  // isolated_reader.cc starts it; "-- PATH" lays out one file (tools/bench).
  IsolationLimits limits;
  std::string path;
  bool serve = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--serve") {
      serve = true;
    } else if (args[i] == "--max-pages" && i + 1 < args.size()) {
      limits.max_pages = std::atoi(args[++i].c_str());
    } else if (args[i] == "--memory-mb" && i + 1 < args.size()) {
      limits.memory_mb = std::atol(args[++i].c_str());
    } else if (args[i] == "--timeout" && i + 1 < args.size()) {
      limits.timeout_seconds = std::atof(args[++i].c_str());
    } else if (args[i] == "--ocr" && i + 1 < args.size()) {
      ParseOcrMode(args[++i], &limits.ocr);
    } else if (args[i] == "--max-ocr-pixels" && i + 1 < args.size()) {
      limits.max_ocr_pixels = std::strtoull(args[++i].c_str(), nullptr, 10);
    } else if (args[i] == "--" && i + 1 < args.size()) {
      path = args[++i];
    }
  }
  if (serve) return ServePdfReaderRequests(limits);
  if (path.empty()) {
    std::fprintf(stderr,
                 "usage: clsdb internal-layout-pdf [--serve] [--max-pages N] "
                 "[--memory-mb M] [--timeout S] [--ocr MODE] [--max-ocr-pixels N] [-- PATH]\n");
    return 2;
  }
  return LayOutOnePdf(path, limits);
}

}  // namespace clsdb
