#include "organize/people.h"

#include <algorithm>
#include <map>
#include <vector>

#include "normalize/normalize.h"

namespace clsdb {

std::string PersonKey(std::string_view name) {
  std::string key;
  for (char ch : FoldForMatch(name)) {
    if (ch != ' ') key += ch;
  }
  return key;
}

DocumentRecords ChoosePersonSpellings(DocumentRecords records) {
  // Per person, its spellings in the order first written, with their counts.
  std::map<std::string, std::vector<std::pair<std::string, int>>> spellings;
  for (const Contract& c : records.contracts) {
    for (const Party& p : c.parties) {
      if (!p.representative) continue;
      const std::string key = PersonKey(*p.representative);
      if (key.empty()) continue;
      std::vector<std::pair<std::string, int>>& seen = spellings[key];
      auto it = std::find_if(seen.begin(), seen.end(),
                             [&](const auto& s) { return s.first == *p.representative; });
      if (it == seen.end()) {
        seen.emplace_back(*p.representative, 1);
      } else {
        ++it->second;
      }
    }
  }
  std::map<std::string, std::string> canonical;
  for (const auto& [key, seen] : spellings) {
    const std::pair<std::string, int>* best = &seen.front();
    for (const auto& s : seen) {
      if (s.second > best->second) best = &s;  // strictly more: a tie keeps the first
    }
    canonical[key] = best->first;
  }
  for (Contract& c : records.contracts) {
    for (Party& p : c.parties) {
      p.representative_canonical.reset();
      if (!p.representative) continue;
      auto it = canonical.find(PersonKey(*p.representative));
      if (it != canonical.end()) p.representative_canonical = it->second;
    }
  }
  return records;
}

}  // namespace clsdb
