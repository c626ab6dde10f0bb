// Words of a text split on spaces, and back, and a text without the white
// space around it: what the rules, extract and check stages all need to
// compare and rebuild names word by word.
#ifndef CLSDB_CORE_WORDS_H_
#define CLSDB_CORE_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace clsdb {

// s without the spaces, tabs, carriage returns and line feeds at its ends.
inline std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

// The runs of non-space characters of s, in order (' ' only: callers pass
// text whose white space is already collapsed).
inline std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// words[begin, end) joined with single spaces.
inline std::string JoinWords(const std::vector<std::string>& words, size_t begin = 0,
                             size_t end = std::string::npos) {
  std::string out;
  for (size_t i = begin; i < end && i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

}  // namespace clsdb

#endif  // CLSDB_CORE_WORDS_H_
