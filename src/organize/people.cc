#include "organize/people.h"

#include <algorithm>
#include <map>
#include <vector>

#include "core/words.h"
#include "normalize/normalize.h"

namespace clsdb {

std::string PersonKey(std::string_view name) {
  // "N'Guyen" is "Nguyen": an apostrophe joins, it does not split.
  std::string joined;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\'') continue;
    if (name.compare(i, 3, "’") == 0) {
      i += 2;
      continue;
    }
    joined += name[i];
  }
  std::vector<std::string> words = SplitWords(FoldForMatch(joined));
  std::sort(words.begin(), words.end());
  std::string key;
  for (const std::string& word : words) key += word;
  return key;
}

namespace {

// The names of people a document writes, each with its canonical spelling
// to fill: representatives, presidents, secretaries, attendees.
class PersonNames {
 public:
  explicit PersonNames(DocumentRecords* records) {
    for (Contract& c : records->contracts) {
      for (Party& p : c.parties) Add(p.representative, &p.representative_canonical);
    }
    for (Deliberation& d : records->deliberations) {
      Add(d.president, &d.president_canonical);
      Add(d.secretary, &d.secretary_canonical);
      for (Attendee& a : d.attendees) Add(a.name, &a.name_canonical);
    }
  }

  // Sets each name's canonical spelling: of its person's spellings, the one
  // written most often; on a tie, the first written.
  void Choose() {
    std::map<std::string, std::vector<std::pair<const std::string*, int>>> spellings;
    for (const Name& n : names_) {
      auto& seen = spellings[n.key];
      auto it = std::find_if(seen.begin(), seen.end(),
                             [&](const auto& s) { return *s.first == *n.written; });
      if (it == seen.end()) {
        seen.emplace_back(n.written, 1);
      } else {
        ++it->second;
      }
    }
    std::map<std::string, std::string> canonical;
    for (const auto& [key, seen] : spellings) {
      const auto* best = &seen.front();
      for (const auto& s : seen) {
        if (s.second > best->second) best = &s;  // strictly more: a tie keeps the first
      }
      canonical[key] = *best->first;
    }
    for (const Name& n : names_) *n.canonical = canonical[n.key];
  }

 private:
  struct Name {
    const std::string* written;
    OptText* canonical;
    std::string key;
  };

  void Add(const std::string& written, OptText* canonical) {
    canonical->reset();
    std::string key = PersonKey(written);
    if (!key.empty()) names_.push_back({&written, canonical, std::move(key)});
  }
  void Add(const OptText& written, OptText* canonical) {
    canonical->reset();
    if (written) Add(*written, canonical);
  }

  std::vector<Name> names_;
};

}  // namespace

DocumentRecords ChoosePersonSpellings(DocumentRecords records) {
  PersonNames names(&records);
  names.Choose();
  return records;
}

}  // namespace clsdb
