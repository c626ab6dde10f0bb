// The normaliser on arbitrary bytes.  normalize.h promises it never fails
// and turns invalid UTF-8 into U+FFFD, trims lines and collapses runs of
// spaces; the checks hold it to that.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "normalize/normalize.h"

namespace {

// No line starts or ends with a space, and no two spaces follow each other.
bool SpacesCollapsed(std::string_view s) {
  if (s.find("  ") != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = s.substr(start, end - start);
    if (!line.empty() && (line.front() == ' ' || line.back() == ' ')) return false;
    start = end + 1;
  }
  return true;
}

std::string_view TrimBlanks(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clsdb;
  if (size > fuzz::kMaxInput) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const std::string text = NormalizeText(input);
  CLSDB_FUZZ_CHECK(fuzz::IsValidUtf8(text));
  CLSDB_FUZZ_CHECK(SpacesCollapsed(text));

  const std::string cell = NormalizeCell(input);
  CLSDB_FUZZ_CHECK(fuzz::IsValidUtf8(cell));

  CLSDB_FUZZ_CHECK(BulletPrefixLength(text) <= text.size());
  CLSDB_FUZZ_CHECK(fuzz::IsValidUtf8(FoldForMatch(input)));

  // JoinLines sees two normalised lines of a paragraph: cut the input in
  // two at its first NUL (or in the middle), as libFuzzer mutates both.
  size_t cut = input.find('\0');
  if (cut == std::string_view::npos) cut = input.size() / 2;
  const std::string first = NormalizeText(input.substr(0, cut));
  const std::string second = NormalizeText(input.substr(cut == input.size() ? cut : cut + 1));
  const std::string joined = JoinLines(first, second);
  CLSDB_FUZZ_CHECK(fuzz::IsValidUtf8(joined));
  // JoinLines trims blanks (spaces and tabs), then drops at most a hyphen
  // ('-' one byte, soft hyphen two, U+2010/U+2011 three) or adds a space.
  const size_t parts = TrimBlanks(first).size() + TrimBlanks(second).size();
  CLSDB_FUZZ_CHECK(joined.size() + 3 >= parts);
  CLSDB_FUZZ_CHECK(joined.size() <= parts + 1);
  return 0;
}
