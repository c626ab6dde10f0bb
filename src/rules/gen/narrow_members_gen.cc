// Writes rules/narrow_members.inc: the members in the narrow alphabet of
// the escapes of every Unicode general category, with and without case
// folding, as RE2 gives them (rules/narrow.h, ComputeNarrowMembers).  Run
// at build time, linked with the RE2 clsdb links, so that the table is the
// one RE2 would compute at run time.
//
//   clsdb_narrow_members_gen OUTPUT
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "rules/narrow.h"

namespace {

// RE2's general categories (re2/unicode_groups.cc): each is written
// \p{X}, \P{X} and, for one letter, \pX and \PX.
constexpr const char* kCategories[] = {
    "C",  "Cc", "Cf", "Co", "Cs", "L",  "Ll", "Lm", "Lo", "Lt", "Lu", "M",
    "Mc", "Me", "Mn", "N",  "Nd", "Nl", "No", "P",  "Pc", "Pd", "Pe", "Pf",
    "Pi", "Po", "Ps", "S",  "Sc", "Sk", "Sm", "So", "Z",  "Zl", "Zp", "Zs",
};

// The token as a C++ string literal.
std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTPUT\n", argv[0]);
    return 2;
  }
  std::string table =
      "// Generated at build time by src/rules/gen/narrow_members_gen.cc: do not edit.\n";
  for (const char* category : kCategories) {
    const std::string name(category);
    for (const char* escape : {"\\p", "\\P"}) {
      std::vector<std::string> tokens = {escape + ("{" + name + "}")};
      if (name.size() == 1) tokens.push_back(escape + name);
      for (const std::string& token : tokens) {
        for (bool fold : {false, true}) {
          const std::optional<std::string> members = clsdb::ComputeNarrowMembers(token, fold);
          if (!members) continue;  // not a class this RE2 knows
          table += "{" + Quoted(token) + ", " + (fold ? "true" : "false") + ", " +
                   Quoted(*members) + "},\n";
        }
      }
    }
  }
  FILE* out = std::fopen(argv[1], "w");
  if (out == nullptr || std::fputs(table.c_str(), out) < 0 || std::fclose(out) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  return 0;
}
