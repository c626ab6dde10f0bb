#include <boost/program_options.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/option_range.h"
#include "export/cell_text.h"
#include "store/search.h"

namespace po = boost::program_options;

namespace clsdb {

int SearchCommand(const std::vector<std::string>& args) {
  SearchQuery query;
  std::string db_path = "output/clsdb.sqlite";
  std::vector<std::string> words;
  long long contract_id = 0;
  bool json = false;
  po::options_description visible(
      "Usage: clsdb search [OPTIONS] WORD...\n\n"
      "Full-text search of the articles, orientations, objectives, actions,\n"
      "operations, actors, indicators and acts of the database, best matches\n"
      "first.  Every word must occur; accents and case are ignored.\n\nOptions");
  visible.add_options()("help,h", "this help")("db", po::value(&db_path)->default_value(db_path),
                                               "the SQLite database")(
      "kind", po::value(&query.kind),
      "only article, orientation, objective, action, operation, actor, indicator or "
      "deliberation")("contract", po::value(&contract_id),
                      "only the hits of this contract (contracts.id)")(
      "territory", po::value(&query.territory),
      "only the hits of contracts whose territory contains TEXT")(
      "limit", po::value(&query.limit)->default_value(query.limit), "at most this many (0: all)")(
      "fts", po::bool_switch(&query.raw_syntax),
      "the words are an FTS5 query (\"a phrase\", OR, NEAR, prefix*)")(
      "json", po::bool_switch(&json),
      "one JSON object per hit, one line each, then {\"total\": N, \"shown\": M}");
  po::variables_map vm;
  if (auto exit = ParseCommandLine({"search", visible, "word", &words}, args, &vm)) return *exit;
  if (!OptionInRange("search", "limit", query.limit, 0, 1000000)) return 2;
  if (vm.count("contract")) query.contract_id = contract_id;
  for (const std::string& w : words) query.words += (query.words.empty() ? "" : " ") + w;
  long long total = 0;
  Result<std::vector<SearchHit>> hits = SearchDatabase(db_path, query, &total);
  if (!hits.ok()) {
    std::fprintf(stderr, "clsdb search: %s\n", hits.status().message().c_str());
    return hits.status().code() == Status::Code::kInvalidArgument ? 2 : 1;
  }
  for (const SearchHit& h : *hits) {
    if (json) {
      std::string line = "{\"path\": ";
      AppendJsonString(h.path, &line);
      line += ", \"kind\": ";
      AppendJsonString(h.kind, &line);
      line += ", \"ref_id\": " + std::to_string(h.ref_id) + ", \"page\": " + std::to_string(h.page);
      line += ", \"contract_id\": " + (h.contract_id ? std::to_string(*h.contract_id) : "null");
      line += ", \"contract\": ";
      AppendJsonString(h.contract_title, &line);
      line += ", \"territory\": ";
      AppendJsonString(h.territory, &line);
      line += ", \"snippet\": ";
      AppendJsonString(h.snippet, &line);
      std::printf("%s}\n", line.c_str());
      continue;
    }
    std::printf("%s p.%d  %s %lld%s%s\n    %s\n", h.path.c_str(), h.page, h.kind.c_str(), h.ref_id,
                h.contract_title.empty() ? "" : "  in: ", h.contract_title.c_str(),
                h.snippet.c_str());
  }
  if (json) {
    std::printf("{\"total\": %lld, \"shown\": %zu}\n", total, hits->size());
  } else if (static_cast<long long>(hits->size()) < total) {
    std::fprintf(stderr, "%lld match%s, %zu shown (--limit)\n", total, total == 1 ? "" : "es",
                 hits->size());
  } else {
    std::fprintf(stderr, "%lld match%s\n", total, total == 1 ? "" : "es");
  }
  return 0;
}

}  // namespace clsdb
