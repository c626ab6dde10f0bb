#include <boost/program_options.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/option_range.h"
#include "store/search.h"

namespace po = boost::program_options;

namespace clsdb {

int SearchCommand(const std::vector<std::string>& args) {
  SearchQuery query;
  std::string db_path = "output/clsdb.sqlite";
  std::vector<std::string> words;
  po::options_description visible(
      "Usage: clsdb search [OPTIONS] WORD...\n\n"
      "Full-text search of the articles, actions, operations and indicators of\n"
      "the database, best matches first.  Every word must occur; accents and case\n"
      "are ignored.\n\nOptions");
  visible.add_options()("help,h", "this help")("db", po::value(&db_path)->default_value(db_path),
                                               "the SQLite database")(
      "kind", po::value(&query.kind), "only article, action, operation or indicator")(
      "limit", po::value(&query.limit)->default_value(query.limit), "at most this many (0: all)")(
      "fts", po::bool_switch(&query.raw_syntax),
      "the words are an FTS5 query (\"a phrase\", OR, NEAR, prefix*)");
  po::variables_map vm;
  if (auto exit = ParseCommandLine({"search", visible, "word", &words}, args, &vm)) return *exit;
  if (!OptionInRange("search", "limit", query.limit, 0, 1000000)) return 2;
  for (const std::string& w : words) query.words += (query.words.empty() ? "" : " ") + w;
  Result<std::vector<SearchHit>> hits = SearchDatabase(db_path, query);
  if (!hits.ok()) {
    std::fprintf(stderr, "clsdb search: %s\n", hits.status().message().c_str());
    return hits.status().code() == Status::Code::kInvalidArgument ? 2 : 1;
  }
  for (const SearchHit& h : *hits) {
    std::printf("%s p.%d  %s %lld%s%s\n    %s\n", h.path.c_str(), h.page, h.kind.c_str(), h.ref_id,
                h.contract_title.empty() ? "" : "  in: ", h.contract_title.c_str(),
                h.snippet.c_str());
  }
  std::fprintf(stderr, "%zu match%s\n", hits->size(), hits->size() == 1 ? "" : "es");
  return 0;
}

}  // namespace clsdb
