// Words of a text split on spaces, and back: what the extract and check
// stages both need to compare and rebuild names word by word.
#ifndef CLSDB_CORE_WORDS_H_
#define CLSDB_CORE_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace clsdb {

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
