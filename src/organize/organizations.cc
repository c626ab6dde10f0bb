#include "organize/organizations.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/words.h"
#include "normalize/normalize.h"
#include "organize/places.h"
#include "organize/text_names.h"

namespace clsdb {

namespace {

const std::string_view kKindPrefix = Requirement(RuleFamily::kOrganizationKind).name;

// The name without what follows it in brackets or after a colon: the
// details a plan's cell adds ("ARS (2500€/classe)", "ARS : 50 000 € / an").
std::string CoreName(std::string_view name) {
  size_t cut = name.size();
  for (const char* mark : {"(", " :", ":"}) {
    const size_t at = name.find(mark);
    if (at != std::string_view::npos && at > 0) cut = std::min(cut, at);
  }
  return std::string(Trim(name.substr(0, cut)));
}

// A name written as an acronym: 2 to 6 capital letters, nothing else.
bool IsAcronym(std::string_view name) {
  if (name.size() < 2 || name.size() > 6) return false;
  return std::all_of(name.begin(), name.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// An acronym written in one word or two ("URPS ML", "MEM PA"): 2 to 6
// capitals in all, and each word an acronym ("CAH C" is not one).
bool IsSpacedAcronym(std::string_view name) {
  const std::vector<std::string> words = SplitWords(name);
  if (words.empty() || words.size() > 2) return false;
  std::string joined;
  for (const std::string& word : words) {
    if (!IsAcronym(word)) return false;
    joined += word;
  }
  return IsAcronym(joined);
}

// Whether the letters of `acronym` are, in order, initials of words of
// `name`: "DRAIO" of "Délégation de région académique à l'information et à
// l'orientation", "HDFA" of "Association Hauts-de-France Addictions"; not
// "AEP" of "Fédération Addiction".
bool Abbreviates(std::string_view acronym, std::string_view name) {
  const std::string letters = FoldForMatch(acronym);
  const std::vector<std::string> words = SplitWords(FoldForMatch(name));
  if (letters.empty()) return false;
  size_t at = 0;
  for (const std::string& word : words) {
    if (at < letters.size() && word[0] == letters[at]) ++at;
  }
  return at == letters.size();
}

// The acronym that a name defines in brackets at its end, "X (Y)" where Y
// abbreviates X ("Association Hauts-de-France Addictions (HDFA)"), or "".
// Other brackets are details ("CD 59 (SPS - PMI)", "GHAT (CH Bapaume)").
std::string BracketedAcronym(std::string_view name) {
  name = Trim(name);
  const size_t open = name.rfind('(');
  if (open == std::string_view::npos || open == 0 || name.back() != ')') return "";
  const std::string inner(Trim(name.substr(open + 1, name.size() - open - 2)));
  if (!IsAcronym(inner) || !Abbreviates(inner, name.substr(0, open))) return "";
  return inner;
}

// Words an acronym leaves out.
bool SkippedByInitials(const std::string& word) {
  static const std::set<std::string> kSkipped = {
      "l", "la", "le", "les", "d", "de", "du", "des", "et", "en", "a", "au", "aux", "sur", "sous"};
  return kSkipped.count(word) > 0;
}

// The initials of a name, folded, in its two readings: a hyphenated word
// as one word ("Avesnes-sur-Helpe": CHA) or as several ("Hénin-Carvin":
// CAHC).
std::vector<std::string> Initials(std::string_view name) {
  std::string joined, split;
  for (const std::string& word : SplitWords(FoldForMatch(name))) {
    if (!SkippedByInitials(word)) split += word[0];
  }
  std::string spaced(name);
  for (char& ch : spaced) {
    if (ch == '\'') ch = ' ';
  }
  size_t at = 0;
  while ((at = spaced.find("’", at)) != std::string::npos) spaced.replace(at, 3, " ");
  for (const std::string& token : SplitWords(spaced)) {
    const std::vector<std::string> words = SplitWords(FoldForMatch(token));
    if (!words.empty() && !SkippedByInitials(words.front())) joined += words.front()[0];
  }
  return {joined, split};
}

// Whether tokens[i] and tokens[i + 1] are words of one name: only spaces
// between them (no punctuation, no line break).
bool Joined(std::string_view text, const std::vector<TextToken>& tokens, size_t i) {
  const std::string_view gap = text.substr(tokens[i].end, tokens[i + 1].start - tokens[i].end);
  return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
}

// Whether "de/du/des/d'" (and "la/l'"), then a capitalised word, follow
// tokens[last] on the same line: the name goes on ("Conseil Départemental
// de Seine-Saint-Denis", "Préfet de la Région").
bool GoesOnWithName(std::string_view text, const std::vector<TextToken>& tokens, size_t last) {
  static const std::set<std::string> kLinks = {"de", "du", "des", "d"};
  size_t next = last + 1;
  if (next >= tokens.size() || !kLinks.count(tokens[next].folded)) return false;
  if (next + 1 < tokens.size() &&
      (tokens[next + 1].folded == "la" || tokens[next + 1].folded == "l")) {
    ++next;
  }
  if (next + 1 >= tokens.size()) return false;
  const std::string_view gap =
      text.substr(tokens[last].end, tokens[next + 1].start - tokens[last].end);
  return gap.find('\n') == std::string_view::npos && tokens[next + 1].capitalized;
}

std::string Collapse(std::string_view text) { return JoinWords(SplitWords(std::string(text))); }

bool Contains(const std::vector<std::string>* list, const std::string& value) {
  return list != nullptr && std::find(list->begin(), list->end(), value) != list->end();
}

// One contract's organisations as they are found, with the look-ups that
// resolution needs.
class ContractOrganizations {
 public:
  ContractOrganizations(Contract* contract, const RuleSet& rules)
      : c_(*contract),
        rules_(rules),
        one_per_territory_(rules.List("one_per_territory")),
        generic_(rules.List("organization_generic")) {
    if (generic_ != nullptr) {
      for (const std::string& g : *generic_) generic_keys_.insert(OrganizationKey(g));
    }
    // "CH = Centre Hospitalier": both sides as keys.
    if (const std::vector<std::string>* list = rules.List("organization_abbreviations")) {
      for (const std::string& entry : *list) {
        const size_t eq = entry.find('=');
        if (eq == std::string::npos) continue;
        abbreviations_.emplace_back(OrganizationKey(entry.substr(0, eq)),
                                    OrganizationKey(entry.substr(eq + 1)));
      }
    }
    ReadTerritories();
  }

  // "59 = Nord" of departements.list, and regions.list, as territories.
  void ReadTerritories() {
    departements_ = rules_.List("departements");
    if (const std::vector<std::string>* regions = rules_.List("regions")) {
      for (const std::string& region : *regions) {
        territories_.push_back(region);
        regions_.insert(OrganizationKey(region));
      }
    }
    if (departements_ != nullptr) {
      departement_codes_.emplace(*departements_);
      for (const std::string& entry : *departements_) {
        const size_t eq = entry.find('=');
        if (eq == std::string::npos) continue;
        const std::string name(Trim(std::string_view(entry).substr(eq + 1)));
        territories_.push_back(name);
        departement_names_[std::string(Trim(std::string_view(entry).substr(0, eq)))] =
            OrganizationKey(name);
      }
    }
    for (const std::string& t : territories_) territory_keys_.push_back(OrganizationKey(t));
  }

  void AddParties() {
    for (Party& p : c_.parties) {
      const std::string core = CoreName(p.organization);
      std::string kind = OrganizationKind(core, rules_);
      if (kind.empty() && p.acronym) kind = OrganizationKind(*p.acronym, rules_);
      // A party named by its office ("Monsieur le Préfet de Seine-Saint-Denis"
      // gives the body "Seine-Saint-Denis"): the office says what body signs.
      const OptText& office = p.representative_title ? p.representative_title : p.office;
      if (kind.empty() && office) kind = OrganizationKind(*office + " de " + core, rules_);
      // Two parties are two bodies unless one's name or acronym is the
      // other's: the contract lists them apart ("Conseil départemental de
      // l'Yonne" and "... de la Nièvre" sign one contract).
      int org = Find(core);
      if (org < 0 && p.acronym) org = Find(*p.acronym);
      if (org < 0) org = Add(core, kind, /*from_party=*/true);
      Alias(org, p.organization);
      if (p.acronym) {
        // The name the contract then calls the party by, however long.
        Alias(org, *p.acronym);
        if (p.acronym->size() <= 15 && !c_.organizations[org].acronym) {
          c_.organizations[org].acronym = *p.acronym;
        }
      }
      p.organization_index = org;
    }
  }

  // A glossary entry links its acronym and its expansion when either is
  // already a name of one of the contract's organisations.  Only the
  // contract's own glossary counts (and entries outside any contract): in a
  // document of eight contracts, another's "MEM" is not this one's.
  void AddDefinitions(const std::vector<GlossaryEntry>& glossary, int contract_index) {
    for (const GlossaryEntry& g : glossary) {
      if (g.contract_index >= 0 && g.contract_index != contract_index) continue;
      const int by_expansion = Find(CoreName(g.expansion));
      const int by_acronym = Find(g.acronym);
      if (by_expansion >= 0 && by_acronym < 0) {
        Alias(by_expansion, g.acronym);
        Organization& o = c_.organizations[by_expansion];
        if (!o.acronym) o.acronym = g.acronym;
      } else if (by_acronym >= 0 && by_expansion < 0 &&
                 c_.organizations[by_acronym].name == CoreName(g.acronym)) {
        // Known only by its acronym so far: the expansion is its full name.
        Alias(by_acronym, g.expansion);
        Organization& o = c_.organizations[by_acronym];
        o.acronym = o.name;
        o.name = CoreName(g.expansion);
      }
    }
  }

  void AddActors() {
    for (Actor& a : c_.actors) {
      a.organization_index = Resolve(a.name, /*may_add=*/true);
      if (a.organization_index >= 0) AliasAll(a.organization_index, a.name);
    }
  }

  // The names of pilot cells that repeated earlier ones: aliases of the
  // organisations they name, never organisations of their own (no actor
  // stands behind them).
  void AddRepeatedPilotNames() {
    for (const std::string& name : c_.repeated_pilot_names) {
      const int org = Resolve(name, /*may_add=*/false);
      if (org >= 0) AliasAll(org, name);
    }
  }

  // The names the contract's own text writes: its "Name (ACRONYM)"
  // definitions, in prose or headings, and the other spellings of its
  // organisations' names ("Pays de Trégor-Goëlo" for the party "Pays du
  // Trégor-Goëlo").  After the parties and actors, so that they never
  // change how those resolve.
  void AddTextNames(std::string_view text, const std::vector<TextToken>& tokens,
                    const TokenIndex& index) {
    if (text.empty()) return;
    for (const NameDefinition& d : FindDefinitions(text, tokens, rules_)) {
      if (d.known_kind) {
        AddDefinition(d.name, d.acronym);
      } else {
        AddPartyAcronym(d.name, d.acronym);
      }
    }
    for (size_t o = 0; o < c_.organizations.size(); ++o) {
      if (!c_.organizations[o].kind) continue;
      const std::string kind = *c_.organizations[o].kind;
      std::vector<std::string> names;
      for (const OrganizationAlias& alias : c_.organization_aliases) {
        if (alias.organization_index == static_cast<int>(o)) names.push_back(CoreName(alias.name));
      }
      for (const std::string& name : names) {
        for (const std::string& spelling : FindSpellings(text, tokens, index, name)) {
          if (Find(spelling) == static_cast<int>(o) && OrganizationKind(spelling, rules_) == kind) {
            Alias(static_cast<int>(o), spelling);
          }
        }
        for (const std::string& spelling : FindAcronymSpellings(text, tokens, index, name)) {
          const int found = Find(spelling);
          if ((found < 0 || found == static_cast<int>(o)) &&
              OrganizationKind(spelling, rules_) == kind) {
            Alias(static_cast<int>(o), spelling);
          }
        }
      }
    }
  }

  // The names the text writes as a body of a kind the territory has one of
  // then a territory ("ARS Pays de la Loire", "MSA Languedoc"): one
  // organisation per kind and territory.  Such a name is the contract's
  // organisation of its kind whose names end with that territory; else,
  // when the contract's one organisation of the kind names no territory,
  // it is when the text gives that kind one territory only, which no other
  // organisation of the contract contradicts ("Conseil Départemental du
  // Nord" is not the bare "Conseil Départemental" of a contract whose CPAM
  // is Seine-Saint-Denis's); else, when the contract has no organisation of
  // the kind and the text writes it two ways, a new one.  Anything else is
  // ambiguous: never guess.
  void AddQualifiedNames(std::string_view text, const std::vector<TextToken>& tokens,
                         const TokenIndex& index) {
    if (text.empty() || one_per_territory_ == nullptr || territories_.empty()) return;
    std::map<std::string, std::vector<QualifiedName>> by_kind;
    for (QualifiedName& q : FindQualifiedNames(text, tokens, index, territories_, rules_)) {
      const std::string kind = OrganizationKind(q.body, rules_);
      if (OnePerTerritory(kind)) by_kind[kind].push_back(std::move(q));
    }
    for (const auto& [kind, names] : by_kind) {
      std::map<std::string, int> spellings;  // by territory
      for (const QualifiedName& q : names) ++spellings[q.territory];
      for (const QualifiedName& q : names) {
        const int org = OrganizationOfPlace(kind, q, spellings.size(), spellings[q.territory]);
        if (org >= 0 && (Find(q.name) < 0 || Find(q.name) == org)) Alias(org, q.name);
      }
    }
  }

  // The organisation of the kind for a name with its territory, the text
  // giving the kind places_in_text territories and this one `spellings`
  // names; -1 when unsure.  A new one when the contract's organisations of
  // the kind are only those made here for other territories and the text
  // writes the body two ways ("MSA Languedoc", "Mutualité Sociale Agricole
  // du Languedoc").
  int OrganizationOfPlace(const std::string& kind, const QualifiedName& q, size_t places_in_text,
                          int spellings) {
    const std::string& territory = q.territory;
    int named = -1;
    int bare = -1;
    int of_kind = 0;
    for (size_t o = 0; o < c_.organizations.size(); ++o) {
      if (c_.organizations[o].kind != kind) continue;
      ++of_kind;
      const std::set<std::string> own = PlacesOf(static_cast<int>(o));
      if (own.count(territory)) {
        if (named >= 0) return -1;
        named = static_cast<int>(o);
      } else if (own.empty()) {
        bare = static_cast<int>(o);
      }
    }
    if (named >= 0) return named;
    const auto made =
        static_cast<int>(std::count_if(made_from_places_.begin(), made_from_places_.end(),
                                       [&](int o) { return c_.organizations[o].kind == kind; }));
    if (of_kind == made) {
      // A body the text names once is no name to link.
      if (spellings < 2) return -1;
      const int org = Add(q.name, kind, /*from_party=*/false);
      made_from_places_.insert(org);
      return org;
    }
    if (of_kind > 1 || bare < 0 || places_in_text > 1) return -1;
    // Another organisation's territory of the same list (a département, a
    // region) says where the contract is.
    const bool region = regions_.count(territory) > 0;
    for (size_t o = 0; o < c_.organizations.size(); ++o) {
      for (const std::string& place : PlacesOf(static_cast<int>(o))) {
        if (place != territory && (regions_.count(place) > 0) == region) return -1;
      }
    }
    return bare;
  }

  // The territories the names of an organisation end with.
  std::set<std::string> PlacesOf(int org) const {
    std::set<std::string> places;
    for (const OrganizationAlias& alias : c_.organization_aliases) {
      if (alias.organization_index != org) continue;
      const std::string place = PlaceAtEnd(CoreName(alias.name));
      if (!place.empty()) places.insert(place);
    }
    return places;
  }

  // The key of the territory a name ends with, the longest of the lists
  // ("cpam meurthe et moselle": "meurthe et moselle"), or that of the
  // département whose code ends it ("CPAM 93", "CD62"); "" for none.
  std::string PlaceAtEnd(const std::string& name) const {
    const std::string key = " " + KeyOf(name);
    std::string best;
    for (const std::string& place : territory_keys_) {
      // key ends with " " + place, without making that string for each of
      // the lists' hundred-odd territories.
      if (place.size() > best.size() && key.size() > place.size() && key.ends_with(place) &&
          key[key.size() - place.size() - 1] == ' ') {
        best = place;
      }
    }
    if (!best.empty() || departements_ == nullptr) return best;
    const std::string code = departement_codes_->CodeOf(name);
    if (code.empty()) return "";
    auto it = departement_names_.find(code);
    return it == departement_names_.end() ? "" : it->second;
  }

  // The bare names of a kind the territory has one of that the contract's
  // text writes ("Monsieur le Président du Conseil Départemental et …",
  // "l'ARS"): aliases of the contract's one organisation of that kind.  A
  // bare name is a run of capitalised words, the shortest with the kind and
  // the longest there is ("Conseil Départemental Madame" runs on); followed
  // by a territory, it is that body's too when NameWithTerritory says so.
  // Nothing when the contract has none or several organisations of the
  // kind.  After the names are chosen, so that it never changes them.
  void AddBareKindNames(std::string_view text, const std::vector<TextToken>& tokens) {
    if (text.empty() || one_per_territory_ == nullptr) return;
    for (size_t first = 0; first < tokens.size(); ++first) {
      if (!tokens[first].capitalized) continue;
      if (first > 0 && tokens[first - 1].capitalized && Joined(text, tokens, first - 1)) continue;
      size_t last = first;
      while (last + 1 < tokens.size() && tokens[last + 1].capitalized &&
             Joined(text, tokens, last)) {
        ++last;
      }
      // A bare name has three words at most ("Conseil Départemental").
      if (last - first > 2) continue;
      const std::string name(
          text.substr(tokens[first].start, tokens[last].end - tokens[first].start));
      // A name that goes on matters only when it is a body's own bare name:
      // the look-up spares the kind's rules the many "X de Y" of a plan.
      const bool goes_on = GoesOnWithName(text, tokens, last);
      if (goes_on && Find(name) < 0) continue;
      const std::string kind = OrganizationKind(name, rules_);
      if (!OnePerTerritory(kind)) continue;
      const std::string shorter(text.substr(
          tokens[first].start, tokens[last - (last > first)].end - tokens[first].start));
      if (last > first && OrganizationKind(shorter, rules_) == kind) continue;
      const int org = OnlyOfKind(kind);
      if (org < 0) continue;
      if (!goes_on) {
        if (Find(name) < 0) Alias(org, Collapse(name));
        continue;
      }
      const std::string full = NameWithTerritory(text, tokens, first, last, org, name);
      if (!full.empty() && Find(full) < 0) Alias(org, Collapse(full));
    }
  }

  // "Conseil Départemental de Seine-Saint-Denis" where the contract's body
  // of that kind is named bare ("Conseil Départemental") and another of its
  // bodies ends with the same territory ("CPAM de Seine-Saint-Denis"): the
  // bare name with its territory, else "".  The territory is the place
  // name after "de/du/des/de la", five words at most.
  std::string NameWithTerritory(std::string_view text, const std::vector<TextToken>& tokens,
                                size_t first, size_t last, int org, const std::string& name) const {
    if (OrganizationKey(c_.organizations[org].name) != OrganizationKey(name)) return "";
    size_t place = last + 2;
    if (tokens[place].folded == "la" || tokens[place].folded == "l") ++place;
    size_t end = place;
    while (end + 1 < tokens.size() && end - place < 4 && PlaceGoesOn(text, tokens, end)) ++end;
    if (end + 1 < tokens.size() && PlaceGoesOn(text, tokens, end)) return "";
    const std::string territory =
        " " +
        OrganizationKey(text.substr(tokens[place].start, tokens[end].end - tokens[place].start));
    for (size_t o = 0; o < c_.organizations.size(); ++o) {
      if (static_cast<int>(o) == org) continue;
      if ((" " + OrganizationKey(c_.organizations[o].name)).ends_with(territory)) {
        return std::string(text.substr(tokens[first].start, tokens[end].end - tokens[first].start));
      }
    }
    return "";
  }

  // Whether the place name at tokens[end] goes on: a hyphen to the next
  // word ("Ille-et-Vilaine"), or only spaces to a capitalised one.
  static bool PlaceGoesOn(std::string_view text, const std::vector<TextToken>& tokens, size_t end) {
    const std::string_view gap =
        text.substr(tokens[end].end, tokens[end + 1].start - tokens[end].end);
    return gap == "-" || (tokens[end + 1].capitalized && Joined(text, tokens, end));
  }

  // An organisation named by its kind alone, as a party may be ("La
  // Communauté Professionnelle Territoriale de Santé, dont le siège …"),
  // takes the fuller name the text writes for it: that name then
  // "de/du/des" and capitalised words ("… de Santé du Sud Artois"), when the
  // text goes on one way only and the contract has no other organisation
  // of the kind.
  void AddFullNamesOfKindNames(std::string_view text, const std::vector<TextToken>& tokens,
                               const TokenIndex& index) {
    if (text.empty() || generic_ == nullptr) return;
    std::set<std::string> kind_keys;  // the generic names, written out
    for (const std::string& g : *generic_) kind_keys.insert(Key(g));
    for (size_t o = 0; o < c_.organizations.size(); ++o) {
      const Organization& org = c_.organizations[o];
      if (!org.kind || OnlyOfKind(*org.kind) != static_cast<int>(o) ||
          !kind_keys.count(Key(org.name))) {
        continue;
      }
      std::map<std::string, std::string> fuller;  // key -> first spelling
      for (const std::string& name : NamesGoingOn(text, tokens, index, org.name)) {
        fuller.emplace(Key(name), name);
      }
      if (fuller.size() == 1 && Find(fuller.begin()->second) < 0) {
        Alias(static_cast<int>(o), fuller.begin()->second);
      }
    }
  }

  // The spellings of `name` in the text that "de/du/des" and capitalised
  // words carry on, on one line: "… de Santé du Sud Artois".
  static std::vector<std::string> NamesGoingOn(std::string_view text,
                                               const std::vector<TextToken>& tokens,
                                               const TokenIndex& index, const std::string& name) {
    const std::vector<std::string> key = SplitWords(OrganizationKey(name));
    std::vector<std::string> out;
    if (key.empty()) return out;
    for (const uint32_t i : index.With(key[0])) {
      size_t at = i;
      for (size_t k = 1; k < key.size() && at != 0; ++k) {
        size_t next = at + 1;
        while (next < tokens.size() && tokens[at].joins_next && tokens[next].left_out &&
               next - at <= 3) {
          ++next;
        }
        at = next < tokens.size() && tokens[next - 1].joins_next && tokens[next].folded == key[k]
                 ? next
                 : 0;
      }
      if (at == 0) continue;
      size_t link = at + 1;
      while (link < tokens.size() && tokens[link - 1].joins_next && tokens[link].left_out) ++link;
      if (link == at + 1 || link >= tokens.size() || !tokens[link - 1].joins_next ||
          !tokens[link].capitalized) {
        continue;
      }
      size_t last = link;
      while (last + 1 < tokens.size() && tokens[last].joins_next && tokens[last + 1].capitalized) {
        ++last;
      }
      out.push_back(Collapse(text.substr(tokens[i].start, tokens[last].end - tokens[i].start)));
    }
    return out;
  }

  // A generic actor's name left unlinked ("CPTS" of a plan) is the body of
  // its kind that the contract's text names in full, when the text names
  // exactly one of that kind ("la Communauté Professionnelle Territoriale de
  // Santé du Sud Artois", "CPTS Sud Artois": one key once abbreviations are
  // written out) and the contract has no organisation of the kind; that
  // body becomes an organisation.  Never for a kind a territory has one of
  // (those resolve by kind) nor when the text names two bodies of the kind.
  void AddGenericsNamedInText(std::string_view text, const std::vector<TextToken>& tokens) {
    if (text.empty()) return;
    std::map<std::string, std::vector<Actor*>> unlinked;  // by kind
    for (Actor& a : c_.actors) {
      const std::string core = CoreName(a.name);
      if (a.organization_index >= 0 || !Generic(core)) continue;
      const std::string kind = OrganizationKind(core, rules_);
      if (!kind.empty() && !OnePerTerritory(kind) && CountOfKind(kind) == 0) {
        unlinked[kind].push_back(&a);
      }
    }
    for (auto& [kind, actors] : unlinked) {
      std::map<std::string, std::string> named;  // key -> first spelling
      for (const std::string& name : FullNamesInText(text, tokens, kind)) {
        named.emplace(Key(name), name);
      }
      if (named.size() != 1) continue;
      const int org = Add(named.begin()->second, kind, /*from_party=*/false);
      Alias(org, named.begin()->second);
      for (Actor* a : actors) {
        a->organization_index = org;
        AliasAll(org, a->name);
      }
    }
  }

  // The names of the kind the text writes: runs of capitalised words, with
  // "de/du/des/la/l'" between them, on one line and without punctuation
  // (TextToken::joins_next), that are of the kind and not generic.
  std::vector<std::string> FullNamesInText(std::string_view text,
                                           const std::vector<TextToken>& tokens,
                                           const std::string& kind) const {
    std::vector<std::string> out;
    for (size_t first = 0; first < tokens.size(); ++first) {
      if (!tokens[first].capitalized || tokens[first].small) continue;
      if (first > 0 && tokens[first - 1].joins_next && tokens[first - 1].capitalized &&
          !tokens[first - 1].small) {
        continue;  // inside a longer run
      }
      size_t last = first;
      while (last + 1 < tokens.size() && tokens[last].joins_next &&
             (tokens[last + 1].capitalized || tokens[last + 1].left_out)) {
        ++last;
      }
      while (last > first && tokens[last].left_out) --last;
      const std::string name =
          Collapse(text.substr(tokens[first].start, tokens[last].end - tokens[first].start));
      if (Generic(name)) continue;
      if (OrganizationKind(name, rules_) == kind) out.push_back(name);
    }
    return out;
  }

  // An organisation made from actors' names is named by the fullest of
  // them ("Conseil Départemental" rather than "CD").
  void ChooseNames() {
    for (const OrganizationAlias& alias : c_.organization_aliases) {
      if (from_party_.count(alias.organization_index)) continue;
      Organization& o = c_.organizations[alias.organization_index];
      const std::string core = CoreName(alias.name);
      if (core.size() > o.name.size() && !Generic(core)) o.name = core;
    }
  }

  // The keys that tell the same body in other contracts.
  void SetMatchKeys(const std::string& department) {
    for (Organization& o : c_.organizations) {
      o.match_key = o.kind.value_or("") + "|" + Key(o.name) + "|" + department;
    }
  }

 private:
  // OrganizationKey of the name with a leading abbreviation written out
  // ("CH de Fourmies" = "Centre Hospitalier de Fourmies").
  std::string Key(const std::string& name) const {
    std::string key = KeyOf(name);
    for (const auto& [abbreviation, expansion] : abbreviations_) {
      if (key.compare(0, abbreviation.size(), abbreviation) == 0 &&
          (key.size() == abbreviation.size() || key[abbreviation.size()] == ' ')) {
        return expansion + key.substr(abbreviation.size());
      }
    }
    return key;
  }

  int Find(const std::string& name) const {
    auto it = by_key_.find(Key(name));
    return it == by_key_.end() ? -1 : it->second;
  }

  // The organisation a name as written stands for, or -1.  The contract's
  // own names first (an alias, the acronym in brackets, initials, the
  // opening of a longer acronym), then the name's kind; when `may_add`, a
  // name of a known kind that is none of the contract's organisations yet
  // becomes one.
  int Resolve(const std::string& name, bool may_add) {
    const std::string core = CoreName(name);
    if (core.empty()) return -1;
    int org = Find(core);
    if (org < 0) {
      const std::string acronym = BracketedAcronym(name);
      if (!acronym.empty()) org = Find(acronym);
    }
    if (org < 0) org = ByInitials(core);
    if (org < 0) org = ByLeadingAcronym(core);
    if (org >= 0) return org;
    const std::string kind = OrganizationKind(core, rules_);
    if (kind.empty()) return -1;  // not a body clsdb can name
    if (OnePerTerritory(kind)) {
      // Two of the kind among the parties: which one? Never guess.
      const int of_kind = CountOfKind(kind);
      if (of_kind > 1) return -1;
      if (of_kind == 1) return OnlyOfKind(kind);
      return may_add ? Add(core, kind, /*from_party=*/false) : -1;
    }
    // "CH" among several hospitals: which one?
    if (Generic(core)) return OnlyOfKind(kind);
    org = ByShortName(core, kind);
    if (org < 0 && may_add) org = Add(core, kind, /*from_party=*/false);
    return org;
  }

  // The name, its core and the acronym it defines in brackets, as aliases.
  void AliasAll(int org, const std::string& name) {
    Alias(org, name);
    const std::string core = CoreName(name);
    if (core != name) Alias(org, core);
    const std::string acronym = BracketedAcronym(name);
    if (!acronym.empty() && Find(acronym) < 0) Alias(org, acronym);
  }

  // "Name (ACRONYM)" written in the contract: the name and the acronym are
  // one organisation of the name's kind, the one either already names, or
  // the one the name resolves to, else a new one.  Nothing when they name
  // two, when either is generic ("CH"), or when the organisation found is
  // of another kind.
  void AddDefinition(const std::string& name, const std::string& acronym) {
    if (Generic(name) || Generic(acronym)) return;
    const int by_name = Find(name);
    const int by_acronym = Find(acronym);
    if (by_name >= 0 && by_acronym >= 0 && by_name != by_acronym) return;
    int org = by_name >= 0 ? by_name : by_acronym;
    if (org < 0) org = Resolve(name, /*may_add=*/true);
    if (org < 0 || c_.organizations[org].kind != OrganizationKind(name, rules_)) return;
    Alias(org, name);
    Alias(org, acronym);
    if (!c_.organizations[org].acronym) c_.organizations[org].acronym = acronym;
  }

  // "Name (ACRONYM)" written in the contract for a name of no known kind:
  // the acronym is an alias only when the name is a party's own (the
  // contract says it signs, so it is one body) and the acronym no other
  // organisation's name.
  void AddPartyAcronym(const std::string& name, const std::string& acronym) {
    const int org = Find(name);
    if (org < 0 || !from_party_.count(org) || c_.organizations[org].kind) return;
    if (Generic(acronym) || Find(acronym) >= 0) return;
    Alias(org, acronym);
    if (!c_.organizations[org].acronym) c_.organizations[org].acronym = acronym;
  }

  // The one organisation with an alias that is an acronym of several words
  // opening with the name, itself an acronym: "MEM" for the party
  // designated "MEM PA".  -1 when none or several.
  int ByLeadingAcronym(const std::string& name) const {
    if (!IsAcronym(name) || Generic(name)) return -1;
    const std::string opening = name + " ";
    int found = -1;
    for (const OrganizationAlias& alias : c_.organization_aliases) {
      if (alias.name.compare(0, opening.size(), opening) != 0 || !IsSpacedAcronym(alias.name)) {
        continue;
      }
      if (found >= 0 && found != alias.organization_index) return -1;
      found = alias.organization_index;
    }
    return found;
  }
  int OfKind(const std::string& kind) const {
    for (size_t i = 0; i < c_.organizations.size(); ++i) {
      if (c_.organizations[i].kind == kind) return static_cast<int>(i);
    }
    return -1;
  }
  int CountOfKind(const std::string& kind) const {
    return static_cast<int>(std::count_if(c_.organizations.begin(), c_.organizations.end(),
                                          [&](const Organization& o) { return o.kind == kind; }));
  }
  // The one organisation whose name's initials are the name, when it is an
  // acronym as written (2 to 6 capitals, in one word or two): "CAHC" is the
  // "Communauté d'Agglomération Hénin-Carvin", "CCCA" the "Communauté de
  // communes Cœur-Avesnois", "URPS ML" the "Union Régionale des
  // Professionnels de Santé médecins libéraux".  -1 when none or several.
  int ByInitials(const std::string& name) const {
    if (!IsSpacedAcronym(name)) return -1;
    std::string want;
    for (const std::string& word : SplitWords(FoldForMatch(name))) want += word;
    int found = -1;
    for (size_t i = 0; i < c_.organizations.size(); ++i) {
      const std::vector<std::string>& initials = InitialsOf(c_.organizations[i].name);
      if (std::find(initials.begin(), initials.end(), want) == initials.end()) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(i);
    }
    return found;
  }
  // The one organisation of the kind whose name the name is cut short at a
  // word boundary ("CH Avesnes" for "Centre Hospitalier d'Avesnes-sur-Helpe";
  // not "CH Bap" for "CH Bapaume"), when the name says more than its kind
  // (two words at least once written out).  -1 when none or several.
  int ByShortName(const std::string& name, const std::string& kind) const {
    const std::string key = Key(name);
    if (key.find(' ') == std::string::npos || Generic(name)) return -1;
    int found = -1;
    for (size_t i = 0; i < c_.organizations.size(); ++i) {
      if (c_.organizations[i].kind != kind) continue;
      const std::string other = Key(c_.organizations[i].name);
      if (other.size() <= key.size() || other.compare(0, key.size(), key) != 0 ||
          other[key.size()] != ' ') {
        continue;
      }
      if (found >= 0) return -1;
      found = static_cast<int>(i);
    }
    return found;
  }
  int OnlyOfKind(const std::string& kind) const {
    int found = -1;
    for (size_t i = 0; i < c_.organizations.size(); ++i) {
      if (c_.organizations[i].kind != kind) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(i);
    }
    return found;
  }
  bool OnePerTerritory(const std::string& kind) const {
    return !kind.empty() && Contains(one_per_territory_, kind);
  }
  bool Generic(const std::string& name) const { return generic_keys_.count(KeyOf(name)) > 0; }
  int Add(const std::string& name, const std::string& kind, bool from_party) {
    Organization o;
    o.name = name;
    if (!kind.empty()) o.kind = kind;
    c_.organizations.push_back(std::move(o));
    const int index = static_cast<int>(c_.organizations.size()) - 1;
    if (from_party) from_party_.insert(index);
    return index;
  }
  void Alias(int org, const std::string& name) {
    if (name.empty()) return;
    std::vector<OrganizationAlias>& aliases = c_.organization_aliases;
    const bool known = std::any_of(aliases.begin(), aliases.end(), [&](const auto& a) {
      return a.organization_index == org && a.name == name;
    });
    if (!known) aliases.push_back({org, name});
    // A generic name never becomes a key: "CH" of one hospital would
    // capture every other "CH" of the contract.
    const std::string key = Key(CoreName(name));
    if (!key.empty() && !Generic(name)) by_key_.emplace(key, org);
  }

  // OrganizationKey(name), computed once per name: Find and Generic ask
  // for the key of the same names again and again.
  const std::string& KeyOf(const std::string& name) const {
    auto it = keys_.find(name);
    if (it == keys_.end()) it = keys_.emplace(name, OrganizationKey(name)).first;
    return it->second;
  }
  // Initials(name), computed once per name: ByInitials asks for those of
  // every organisation at each name it resolves.
  const std::vector<std::string>& InitialsOf(const std::string& name) const {
    auto it = initials_.find(name);
    if (it == initials_.end()) it = initials_.emplace(name, Initials(name)).first;
    return it->second;
  }

  Contract& c_;
  const RuleSet& rules_;
  const std::vector<std::string>* one_per_territory_;
  const std::vector<std::string>* generic_;
  std::set<std::string> generic_keys_;  // OrganizationKey of each generic name
  mutable std::map<std::string, std::vector<std::string>> initials_;
  mutable std::unordered_map<std::string, std::string> keys_;
  std::vector<std::pair<std::string, std::string>> abbreviations_;
  std::map<std::string, int> by_key_;
  std::set<int> from_party_;
  // Territories (lists regions and departements): as written, their keys,
  // the regions' keys, and the départements' keys by code.
  const std::vector<std::string>* departements_;
  std::vector<std::string> territories_;
  std::vector<std::string> territory_keys_;
  std::set<std::string> regions_;
  std::map<std::string, std::string> departement_names_;
  std::optional<DepartementNames> departement_codes_;  // the list departements, read once
  std::set<int> made_from_places_;
};

}  // namespace

std::string OrganizationKind(std::string_view name, const RuleSet& rules) {
  const Rule* best = nullptr;
  size_t best_length = 0;
  for (const Rule* rule : rules.CandidatesFor(RuleFamily::kOrganizationKind).Matching(name)) {
    RuleMatch m;
    if (!rules.Search(*rule, name, &m)) continue;
    const size_t length = m.end - m.start;
    if (best == nullptr || length > best_length ||
        (length == best_length && rule->priority > best->priority)) {
      best = rule;
      best_length = length;
    }
  }
  return best == nullptr ? std::string() : best->name.substr(kKindPrefix.size());
}

std::string OrganizationKey(std::string_view name) {
  static const std::set<std::string> kLeftOut = {"l", "la", "le", "les", "d", "de", "du", "des"};
  std::string key;
  for (const std::string& word : SplitWords(FoldForMatch(name))) {
    if (kLeftOut.count(word)) continue;
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

std::string ActsDepartment(const DocumentRecords& records) {
  std::set<std::string> departments;
  for (const Transmission& t : records.transmissions) {
    if (t.department && !t.department->empty()) departments.insert(*t.department);
  }
  return departments.size() == 1 ? *departments.begin() : std::string();
}

DocumentRecords ResolveOrganizations(DocumentRecords records, const RuleSet& rules) {
  return ResolveOrganizations(std::move(records), rules, {});
}

DocumentRecords ResolveOrganizations(DocumentRecords records, const RuleSet& rules,
                                     const std::vector<std::string>& contract_texts) {
  const std::string department = ActsDepartment(records);
  for (size_t i = 0; i < records.contracts.size(); ++i) {
    Contract& contract = records.contracts[i];
    contract.organizations.clear();
    contract.organization_aliases.clear();
    ContractOrganizations orgs(&contract, rules);
    orgs.AddParties();
    orgs.AddDefinitions(records.glossary, static_cast<int>(i));
    orgs.AddActors();
    orgs.AddRepeatedPilotNames();
    // The contract's text is cut into words and indexed once, for both
    // readings of it.
    const std::string_view text =
        i < contract_texts.size() ? std::string_view(contract_texts[i]) : std::string_view();
    const std::vector<TextToken> tokens = TokenizeText(text);
    const TokenIndex index(tokens);
    orgs.AddTextNames(text, tokens, index);
    orgs.AddQualifiedNames(text, tokens, index);
    orgs.ChooseNames();
    orgs.AddBareKindNames(text, tokens);
    orgs.AddGenericsNamedInText(text, tokens);
    orgs.AddFullNamesOfKindNames(text, tokens, index);
    orgs.SetMatchKeys(department);
  }
  return records;
}

}  // namespace clsdb
