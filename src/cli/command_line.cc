#include "cli/command_line.h"

#include <cstdio>
#include <sstream>

namespace po = boost::program_options;

namespace clsdb {

namespace {

std::string Usage(const po::options_description& visible) {
  std::ostringstream out;
  out << visible;
  return out.str();
}

}  // namespace

std::optional<int> ParseCommandLine(const CommandLine& line, const std::vector<std::string>& args,
                                    po::variables_map* vm) {
  po::options_description all;
  all.add(line.visible);
  po::options_description hidden;
  po::positional_options_description positional;
  if (line.positionals != nullptr) {
    hidden.add_options()(line.positional_name, po::value(line.positionals));
    all.add(hidden);
    positional.add(line.positional_name, -1);
  }
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    if (line.usage_on_error) return UsageError(line, e.what());
    std::fprintf(stderr, "clsdb %s: %s\n", line.command, e.what());
    return 2;
  }
  if (vm->count("help")) {
    std::printf("%s\n", Usage(line.visible).c_str());
    return 0;
  }
  return std::nullopt;
}

int UsageError(const CommandLine& line, const std::string& message) {
  std::fprintf(stderr, "clsdb %s: %s\n\n%s\n", line.command, message.c_str(),
               Usage(line.visible).c_str());
  return 2;
}

}  // namespace clsdb
