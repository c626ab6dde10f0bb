// Range checks for command-line values: a value outside its range is a usage
// error (exit 2) that names the option and the range, never a value the
// program runs with (a deadline that overflows, a thread count that aborts).
#ifndef CLSDB_CLI_OPTION_RANGE_H_
#define CLSDB_CLI_OPTION_RANGE_H_

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <type_traits>

namespace clsdb {

// True iff low <= value <= high (and, for a floating-point value, finite).
// Otherwise prints "clsdb COMMAND: --OPTION must be between LOW and HIGH (got
// VALUE)" on stderr and returns false.
template <typename T>
bool OptionInRange(const char* command, const char* option, T value, T low, T high) {
  bool ok = value >= low && value <= high;
  if constexpr (std::is_floating_point_v<T>) ok = ok && std::isfinite(value);
  if (ok) return true;
  std::ostringstream message;
  message << "clsdb " << command << ": --" << option << " must be between " << low << " and "
          << high << " (got " << value << ")";
  std::fprintf(stderr, "%s\n", message.str().c_str());
  return false;
}

}  // namespace clsdb

#endif  // CLSDB_CLI_OPTION_RANGE_H_
