// The subcommands of the clsdb executable.  Each takes the arguments after
// its name and returns the process exit code: 0 success, 1 a document or a
// check failed, 2 a usage error.
#ifndef CLSDB_CLI_COMMANDS_H_
#define CLSDB_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace clsdb {

int IngestCommand(const std::vector<std::string>& args);
int CheckCommand(const std::vector<std::string>& args);
int SearchCommand(const std::vector<std::string>& args);
int ExportCommand(const std::vector<std::string>& args);
int ReportCommand(const std::vector<std::string>& args);
int MergeCommand(const std::vector<std::string>& args);
// The child side of PDF isolation (pipeline/isolated_reader.h); not for users.
int InternalLayOutPdfCommand(const std::vector<std::string>& args);

}  // namespace clsdb

#endif  // CLSDB_CLI_COMMANDS_H_
