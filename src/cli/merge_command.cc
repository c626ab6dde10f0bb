#include <boost/program_options.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "pipeline/pipeline.h"
#include "store/merge.h"
#include "store/store.h"

namespace po = boost::program_options;

namespace clsdb {

int MergeCommand(const std::vector<std::string>& args) {
  std::string db_path = "output/clsdb.sqlite";
  std::vector<std::string> shards;
  po::options_description visible(
      "Usage: clsdb merge [--db OUT] SHARD.sqlite...\n\n"
      "Merges shard databases (clsdb ingest --shard K/N) into OUT, one transaction\n"
      "per shard.  Ids are renumbered, a document already in OUT (same sha256) is\n"
      "skipped with its rows: merging a shard again changes nothing.  Then each\n"
      "merged document is linked to the earliest document of the same content\n"
      "(documents.same_as), across shards.\n\nOptions");
  visible.add_options()("help,h", "this help")("db", po::value(&db_path)->default_value(db_path),
                                               "the output database (created when absent)");
  const CommandLine line{"merge", visible, "shard", &shards, /*usage_on_error=*/true};
  po::variables_map vm;
  if (auto exit = ParseCommandLine(line, args, &vm)) return *exit;
  if (shards.empty()) return UsageError(line, "no SHARD given");
  // Every shard is checked before the first is merged, so that a wrong
  // file in the list stops the command with the output untouched.
  bool refused = false;
  for (const std::string& shard : shards) {
    if (Status s = MergeTarget::CheckShard(shard); !s.ok()) {
      std::fprintf(stderr, "clsdb merge: %s\n", s.message().c_str());
      refused = true;
    }
  }
  if (refused) return 2;
  Result<std::unique_ptr<MergeTarget>> target = MergeTarget::Open(db_path);
  if (!target.ok()) {
    std::fprintf(stderr, "clsdb merge: %s\n", target.status().message().c_str());
    return 2;
  }
  std::printf("clsdb merge: %zu shards into %s\n", shards.size(), db_path.c_str());
  // Content identity is recomputed, not copied (merge.h): documents of two
  // shards may be the text and the PDF of one content.  It runs after a
  // failed shard too, for the shards merged before it.
  auto identify = [&]() -> bool {
    target->reset();
    Result<std::unique_ptr<Store>> store = Store::Open(db_path);
    long long fingerprinted = 0, linked = 0;
    Status identified =
        store.ok() ? IdentifyStoredDocuments(**store, &fingerprinted, &linked) : store.status();
    if (!identified.ok()) {
      std::fprintf(stderr,
                   "clsdb merge: %s\n  the next ingest into %s links the documents of the"
                   " same content\n",
                   identified.message().c_str(), db_path.c_str());
      return false;
    }
    std::printf(
        "  content identity: %lld documents fingerprinted, %lld linked as the same"
        " content as an earlier one\n",
        fingerprinted, linked);
    return true;
  };
  long long added = 0, already = 0;
  for (const std::string& shard : shards) {
    Result<MergedShard> merged = (*target)->MergeShard(shard);
    if (!merged.ok()) {
      std::fprintf(stderr,
                   "clsdb merge: %s\n  %s is as it was before this shard; the shards before it "
                   "are merged, and merging them again changes nothing\n",
                   merged.status().message().c_str(), db_path.c_str());
      identify();
      return 1;
    }
    std::printf("  %s: %lld documents added, %lld already there, %lld runs, %lld rows\n",
                shard.c_str(), merged->documents_added, merged->documents_already_there,
                merged->runs_added, merged->rows_added);
    added += merged->documents_added;
    already += merged->documents_already_there;
  }
  std::printf("  total: %lld documents added, %lld already there\n", added, already);
  return identify() ? 0 : 1;
}

}  // namespace clsdb
