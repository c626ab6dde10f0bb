// The extractors' shared text helpers (extract/text_util.h).
#include "extract/text_util.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace clsdb {
namespace {

// CollapseSpaces as it reads: every run of white space one space, none at
// either end.
std::string CollapsedByWords(std::string_view text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += word;
    word.clear();
  };
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

TEST_CASE("CollapseSpaces makes each run of white space one space and trims both ends",
          "[text_util]") {
  auto [in, want] = GENERATE(table<std::string, std::string>({
      {"", ""},
      {"   ", ""},
      {"a", "a"},
      {"  a  ", "a"},
      {"a\t\tb\nc\r\nd", "a b c d"},
      {"\n Contrat  local\tde santé \n", "Contrat local de santé"},
  }));
  CAPTURE(in);
  CHECK(CollapseSpaces(in) == want);
}

TEST_CASE("CollapseSpaces agrees with a word-by-word reading on every short mix", "[text_util]") {
  // Every string of up to 6 characters over a letter, a two-byte letter's
  // bytes and the four white spaces.
  const std::string alphabet = std::string("x\xC3\xA9 \t\n\r");
  std::vector<std::string> texts = {""};
  for (int length = 1; length <= 6; ++length) {
    std::vector<std::string> longer;
    for (const std::string& t : texts) {
      if (t.size() + 1 != static_cast<size_t>(length)) continue;
      for (const char c : alphabet) longer.push_back(t + c);
    }
    texts.insert(texts.end(), longer.begin(), longer.end());
  }
  for (const std::string& t : texts) {
    CAPTURE(t);
    REQUIRE(CollapseSpaces(t) == CollapsedByWords(t));
  }
}

}  // namespace
}  // namespace clsdb
