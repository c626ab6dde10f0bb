// ParseCommandLine: the one way the subcommands read their arguments with
// boost::program_options, answer --help and report a usage error.
//
//   po::options_description visible("Usage: clsdb x [OPTIONS] FILE...\n\nOptions");
//   visible.add_options()("help,h", "this help")(...);
//   po::variables_map vm;
//   if (auto exit = ParseCommandLine("x", args, visible, "file", &files, &vm)) return *exit;
#ifndef CLSDB_CLI_COMMAND_LINE_H_
#define CLSDB_CLI_COMMAND_LINE_H_

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace clsdb {

struct CommandLine {
  // The subcommand's name, for "clsdb <command>: <error>".
  const char* command;
  // The options --help lists; they must include "help".
  const boost::program_options::options_description& visible;
  // When given, every positional argument is collected into *positionals
  // under the hidden option positional_name.
  const char* positional_name = nullptr;
  std::vector<std::string>* positionals = nullptr;
  // Whether a usage error is followed by the usage (on stderr).
  bool usage_on_error = false;
};

// Parses args into *vm (and notifies the options' variables).  Returns the
// exit code when the command must stop here: 0 after printing the usage for
// --help (on stdout), 2 after a usage error (on stderr); nullopt otherwise.
std::optional<int> ParseCommandLine(const CommandLine& line, const std::vector<std::string>& args,
                                    boost::program_options::variables_map* vm);

// Prints "clsdb <command>: <message>", a blank line and the usage, on
// stderr; returns 2, the exit code of a usage error.
int UsageError(const CommandLine& line, const std::string& message);

}  // namespace clsdb

#endif  // CLSDB_CLI_COMMAND_LINE_H_
