// clsdb: Contrats Locaux de Santé from PDF or text into SQLite.
//
//   clsdb ingest [options] PATH...   documents into the database
//   clsdb check [options]            the reference corpus, scored
//   clsdb search [options] WORD...   full-text search of the database
//   clsdb export [options] [TABLE...] tables and views to csv, jsonl, xlsx and open-data formats
//   clsdb report --out DIR           a static HTML site of the contracts
//   clsdb merge [--db OUT] SHARD...  shard databases into one
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/memory_reserve.h"

namespace {

void PrintUsage(std::FILE* out) {
  std::fprintf(out,
               "Usage: clsdb COMMAND [OPTIONS]\n"
               "\n"
               "Turns documents about Contrats Locaux de Santé (deliberations, contracts)\n"
               "into a queryable SQLite database.\n"
               "\n"
               "Commands:\n"
               "  ingest   read PDF and text files into the database\n"
               "  check    score extraction against the reference corpus\n"
               "  search   full-text search of the database's articles and actions\n"
               "  export   tables and views to csv, jsonl or xlsx; open-data and import formats\n"
               "  report   a static HTML site of the contracts, with charts and sources\n"
               "  merge    shard databases (ingest --shard K/N) into one\n"
               "\n"
               "Options:\n"
               "  -h, --help     this help; 'clsdb COMMAND --help' for a command's options\n"
               "  --version      the version\n");
}

// An exception that leaves a std::call_once (RE2 builds its DFAs in one, and
// they may run out of memory) unwinds through glibc's pthread_once, whose
// cleanup glibc runs through libgcc_s, loaded on first use.  Out of memory
// that load fails and glibc aborts the process ("libgcc_s.so.1 must be
// installed for unwinding to work").  One such unwinding at start-up, with
// memory to spare, loads it for the life of the process; the document that
// runs out of memory then fails alone, as it should.
void LoadUnwinderNow() {
  std::once_flag once;
  try {
    std::call_once(once, [] { throw 0; });
  } catch (int) {
  }
}

// The command's exit status; 2 for an unknown command.
int Run(const std::string& command, const std::vector<std::string>& args) {
  if (command == "ingest") return clsdb::IngestCommand(args);
  if (command == "check") return clsdb::CheckCommand(args);
  if (command == "search") return clsdb::SearchCommand(args);
  if (command == "export") return clsdb::ExportCommand(args);
  if (command == "report") return clsdb::ReportCommand(args);
  if (command == "merge") return clsdb::MergeCommand(args);
  if (command == "internal-layout-pdf") return clsdb::InternalLayOutPdfCommand(args);
  std::fprintf(stderr, "clsdb: unknown command '%s'\n\n", command.c_str());
  PrintUsage(stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  LoadUnwinderNow();
  clsdb::InstallMemoryReserve();
  // Past the file size limit (ulimit -f) the kernel sends SIGXFSZ, whose
  // default kills the process without a word.  Ignored, the write fails
  // with EFBIG instead: SQLite rolls the document's transaction back and the
  // document fails with the reason, as on a full disk.
  signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    PrintUsage(stderr);
    return 2;
  }
  const std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "-h" || command == "--help" || command == "help") {
    PrintUsage(stdout);
    return 0;
  }
  if (command == "--version" || command == "version") {
    std::printf("clsdb %s\n", CLSDB_VERSION);
    return 0;
  }
  try {
    return Run(command, args);
  } catch (const std::bad_alloc&) {
    // Out of memory outside a document (start-up, the writer): the run stops
    // with a message; what was stored is whole (each document is one
    // transaction).
    std::fprintf(stderr, "clsdb %s: out of memory\n", command.c_str());
    return 3;
  }
}
