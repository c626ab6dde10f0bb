#include "organize/places.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/words.h"
#include "normalize/normalize.h"
#include "organize/organizations.h"

namespace clsdb {

namespace {

using Entry = PlaceListEntry;

// departements.list ("59 = Nord") looks for the name and gives the code;
// councils.list ("conseil municipal = commune") looks for the assembly and
// gives the kind.
enum class LookFor { kRight, kLeft };

std::vector<Entry> ParseEntries(const std::vector<std::string>* list, LookFor look_for) {
  std::vector<Entry> entries;
  if (list == nullptr) return entries;
  for (const std::string& line : *list) {
    const size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string_view gives = Trim(std::string_view(line).substr(0, eq));
    std::string_view sought = std::string_view(line).substr(eq + 1);
    if (look_for == LookFor::kLeft) std::swap(gives, sought);
    Entry e{std::string(Trim(gives)), SplitWords(FoldForMatch(sought))};
    if (!e.code.empty() && !e.words.empty()) entries.push_back(std::move(e));
  }
  return entries;
}

bool Listed(const std::vector<std::string>* list, const std::string& value) {
  return list != nullptr && std::find(list->begin(), list->end(), value) != list->end();
}

bool EndsWith(const std::vector<std::string>& words, const std::vector<std::string>& tail) {
  return tail.size() <= words.size() &&
         std::equal(tail.begin(), tail.end(), words.end() - tail.size());
}

// The words that introduce a place after a body's kind: "du Nord", "de la
// Somme", "de l'Aisne", "des Vosges".
bool IntroducesPlace(const std::string& word) {
  static const std::set<std::string> kWords = {"de", "du", "des", "d", "l", "la"};
  return kWords.count(word) > 0;
}

// The département code a word ends with when it is one: "62", "cd62", "2a".
std::string TrailingCode(const std::string& word, const std::vector<Entry>& departements) {
  for (const Entry& d : departements) {
    // Codes are digits, and "2A"/"2B": ASCII case is all there is to fold.
    std::string code = d.code;
    for (char& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (word.size() < code.size() || word.compare(word.size() - code.size(), code.size(), code)) {
      continue;
    }
    // "cd62" is the CD of the 62, "1962" no département: letters only before.
    const std::string before = word.substr(0, word.size() - code.size());
    if (std::all_of(before.begin(), before.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
      return d.code;
    }
  }
  return "";
}

std::string CodeOfName(std::string_view name, const std::vector<Entry>& entries) {
  const std::vector<std::string> words = SplitWords(FoldForMatch(name));
  if (words.empty()) return "";
  // The longest name first: "de la Haute-Savoie" is not "Savoie".
  const Entry* best = nullptr;
  for (const Entry& d : entries) {
    if (!EndsWith(words, d.words) || words.size() == d.words.size()) continue;
    if (!IntroducesPlace(words[words.size() - d.words.size() - 1])) continue;
    if (best == nullptr || d.words.size() > best->words.size()) best = &d;
  }
  if (best != nullptr) return best->code;
  // A code needs a kind before it: "CD 62" or "CD62", not "62".
  const std::string code = TrailingCode(words.back(), entries);
  if (words.size() == 1 && code.size() == words.back().size()) return "";
  return code;
}

// "Préfecture de la région Hauts-de-France" sits in the région's chief
// town, not necessarily in the département of the act.
bool NamesRegion(std::string_view name) {
  for (const std::string& word : SplitWords(FoldForMatch(name))) {
    if (word == "region" || word == "regionale") return true;
  }
  return false;
}

// ACTES writes the département in three characters: "059", "02A", "974".
std::string InseeCode(const std::string& actes_department) {
  if (actes_department.size() == 3 && actes_department[0] == '0') return actes_department.substr(1);
  return actes_department;
}

// The one value every item gives, or "" when none or several.
template <typename Items, typename Get>
std::string Agreed(const Items& items, Get get) {
  std::set<std::string> values;
  for (const auto& item : items) {
    const OptText& value = get(item);
    if (value && !value->empty()) values.insert(*value);
  }
  return values.size() == 1 ? *values.begin() : std::string();
}

// A body's name without the words of its kind and the articles: "Grigny"
// for "Ville de Grigny" and "commune de Grigny", "guingamp paimpol" for
// "Guingamp-Paimpol Agglomération".
std::string PlaceKey(std::string_view name) {
  static const std::set<std::string> kKindWords = {
      "commune", "communes",  "ville", "communaute", "agglomeration",
      "urbaine", "metropole", "cc",    "ca",         "cu"};
  std::string key;
  for (const std::string& word : SplitWords(OrganizationKey(name))) {
    if (kKindWords.count(word)) continue;
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

// The body that passed the document's acts, read from the deliberations'
// `body`: its kind (councils.list) and the place after its assembly.
struct ActingBody {
  std::string kind;
  std::string place_key;
};

bool ReadActingBody(const std::string& body, const std::vector<Entry>& councils, ActingBody* out) {
  const std::vector<std::string> words = SplitWords(FoldForMatch(body));
  // The last assembly named: "Commission permanente du Conseil
  // départemental du Pas-de-Calais" is the Département's.
  for (size_t at = words.size(); at-- > 0;) {
    for (const Entry& council : councils) {
      if (at + council.words.size() > words.size() ||
          !std::equal(council.words.begin(), council.words.end(), words.begin() + at)) {
        continue;
      }
      std::string rest;
      for (size_t i = at + council.words.size(); i < words.size(); ++i) rest += words[i] + " ";
      *out = {council.code, PlaceKey(rest)};
      return true;
    }
  }
  return false;
}

class Locator {
 public:
  Locator(const DocumentRecords& records, const RuleSet& rules)
      : departements_(ParseEntries(rules.List("departements"), LookFor::kRight)),
        councils_(ParseEntries(rules.List("councils"), LookFor::kLeft)),
        departmental_(rules.List("departmental_kinds")),
        from_stamp_(rules.List("departement_from_stamp")),
        one_per_territory_(rules.List("one_per_territory")) {
    const std::string actes = ActsDepartment(records);
    if (!actes.empty()) stamp_departement_ = InseeCode(actes);
    stamp_siren_ = Agreed(records.transmissions,
                          [](const Transmission& t) -> const OptText& { return t.siren; });
    const std::string body = Agreed(records.deliberations,
                                    [](const Deliberation& d) -> const OptText& { return d.body; });
    has_body_ = !body.empty() && ReadActingBody(body, councils_, &body_);
  }

  void Locate(Contract* contract) const {
    for (Organization& o : contract->organizations) {
      o.department_code.reset();
      o.siren.reset();
      const std::string kind = o.kind.value_or("");
      std::string code;
      if (Listed(departmental_, kind)) code = CodeOfName(o.name, departements_);
      if (code.empty() && Listed(from_stamp_, kind) && !NamesRegion(o.name)) {
        code = stamp_departement_;
      }
      if (!code.empty()) o.department_code = code;
    }
    const int actor = ActingOrganization(*contract);
    if (actor >= 0) contract->organizations[actor].siren = stamp_siren_;
  }

 private:
  int ActingOrganization(const Contract& c) const {
    if (!has_body_ || stamp_siren_.empty()) return -1;
    const bool one_per_territory = Listed(one_per_territory_, body_.kind);
    int found = -1;
    for (size_t i = 0; i < c.organizations.size(); ++i) {
      const Organization& o = c.organizations[i];
      if (o.kind != body_.kind) continue;
      const bool same = one_per_territory
                            ? !o.department_code || stamp_departement_.empty() ||
                                  *o.department_code == stamp_departement_
                            : !body_.place_key.empty() && PlaceKey(o.name) == body_.place_key;
      if (!same) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(i);
    }
    return found;
  }

  std::vector<Entry> departements_;
  std::vector<Entry> councils_;
  const std::vector<std::string>* departmental_;
  const std::vector<std::string>* from_stamp_;
  const std::vector<std::string>* one_per_territory_;
  std::string stamp_departement_, stamp_siren_;
  ActingBody body_;
  bool has_body_ = false;
};

}  // namespace

std::string DepartementOfName(std::string_view name, const std::vector<std::string>& departements) {
  return DepartementNames(departements).CodeOf(name);
}

DepartementNames::DepartementNames(const std::vector<std::string>& departements)
    : entries_(ParseEntries(&departements, LookFor::kRight)) {}

std::string DepartementNames::CodeOf(std::string_view name) const {
  return CodeOfName(name, entries_);
}

DocumentRecords LocateOrganizations(DocumentRecords records, const RuleSet& rules) {
  // Most documents of a batch hold no contract: the lists are not even read.
  if (records.contracts.empty()) return records;
  const Locator locator(records, rules);
  for (Contract& c : records.contracts) locator.Locate(&c);
  return records;
}

}  // namespace clsdb
