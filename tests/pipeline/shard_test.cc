// ingest --shard K/N: every listed file in exactly one shard, by a key that
// does not depend on where the files are or how they were listed.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

namespace fs = std::filesystem;

// The file names relative to base, of the inputs of shard k of n.
std::set<std::string> FilesOfShard(const std::vector<std::string>& paths, const std::string& base,
                                   int k, int n, const std::string& files_from = "",
                                   const std::string& root = "") {
  IngestOptions options;
  options.shard = {k, n};
  options.files_from = files_from;
  options.root = root;
  std::vector<DocumentOutcome> skipped;
  size_t listed = 0;
  Result<std::vector<std::string>> inputs = CollectInputs(paths, options, &skipped, &listed);
  REQUIRE(inputs.ok());
  std::set<std::string> names;
  for (const std::string& p : *inputs) {
    names.insert(fs::path(p).lexically_relative(base).generic_string());
  }
  return names;
}

std::vector<std::string> MakeTree(const testing::TempDir& dir, const std::string& top) {
  std::vector<std::string> names;
  for (int i = 0; i < 40; ++i) {
    const std::string name = (i % 3 == 0   ? "a/"
                              : i % 3 == 1 ? "b/c/"
                                           : "") +
                             std::string("doc_") + std::to_string(i) + (i % 2 ? ".pdf" : ".txt");
    dir.Write(top + "/" + name, "x" + std::to_string(i));
    names.push_back(name);
  }
  return names;
}

TEST_CASE("--shard K/N is parsed strictly", "[pipeline][shard]") {
  Result<Shard> ok = ParseShard("3/4");
  REQUIRE(ok.ok());
  CHECK(ok->index == 3);
  CHECK(ok->count == 4);
  for (const char* bad : {"4/4", "-1/4", "1/0", "a/b", "1", "", "1/", "/4", "1/4/2", " 1/4"}) {
    INFO(bad);
    Result<Shard> parsed = ParseShard(bad);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().code() == Status::Code::kInvalidArgument);
    CHECK(parsed.status().message().find(bad) != std::string::npos);
  }
}

TEST_CASE("every file is in exactly one shard, whatever the folder is called",
          "[pipeline][shard]") {
  testing::TempDir dir;
  const std::vector<std::string> names = MakeTree(dir, "here");
  MakeTree(dir, "elsewhere/mounted");
  constexpr int kShards = 3;
  std::set<std::string> all;
  for (int k = 0; k < kShards; ++k) {
    const std::set<std::string> here = FilesOfShard({dir / "here"}, dir / "here", k, kShards);
    CHECK_FALSE(here.empty());
    // The same files under another path: the same shard.
    CHECK(here == FilesOfShard({dir / "elsewhere/mounted"}, dir / "elsewhere/mounted", k, kShards));
    for (const std::string& name : here) {
      INFO(name);
      CHECK(all.insert(name).second);  // in no other shard
    }
  }
  CHECK(all == std::set<std::string>(names.begin(), names.end()));
}

TEST_CASE("a list of files under --root shards as the folder walk does", "[pipeline][shard]") {
  testing::TempDir dir;
  const std::vector<std::string> names = MakeTree(dir, "root");
  const std::string list = dir.Write("files.txt", [&] {
    std::string text;
    for (const std::string& name : names) text += name + "\n";
    return text + "\n";  // a blank line is nothing
  }());
  for (int k = 0; k < 4; ++k) {
    CHECK(FilesOfShard({}, dir / "root", k, 4, list, dir / "root") ==
          FilesOfShard({dir / "root"}, dir / "root", k, 4));
  }
  IngestOptions options;
  options.files_from = dir / "absent.txt";
  std::vector<DocumentOutcome> skipped;
  size_t listed = 0;
  Result<std::vector<std::string>> inputs = CollectInputs({}, options, &skipped, &listed);
  REQUIRE_FALSE(inputs.ok());
  CHECK(inputs.status().message().find("absent.txt") != std::string::npos);
}

TEST_CASE("a file's shard is what the README's shell recipe computes", "[pipeline][shard]") {
  // README "Many machines": the first 16 hex digits of
  // `printf %s KEY | sha256sum`, modulo N.
  for (const std::string key : {"text/000_4ed6bf59f513ad19.txt", "pdf/scanned/a b.pdf", "x"}) {
    const std::string command = "printf %s '" + key + "' | sha256sum";
    std::FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char hex[17] = {};
    REQUIRE(std::fread(hex, 1, 16, pipe) == 16);
    pclose(pipe);
    const unsigned long long first8 = std::stoull(hex, nullptr, 16);
    for (int n : {1, 2, 4, 7, 64}) {
      INFO(key << " of " << n);
      CHECK(ShardOf(key, n) == static_cast<int>(first8 % static_cast<unsigned long long>(n)));
    }
  }
}

}  // namespace
}  // namespace clsdb
