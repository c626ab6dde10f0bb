#include "check/scorer.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "check/match.h"
#include "check/organization_score.h"
#include "core/utf8.h"
#include "core/words.h"

namespace clsdb::check {

namespace {

// Contracts whose titles, territories or acronyms resemble each other at
// least this much are aligned before their children are compared.  Looser
// than kTitleSimilarity on purpose: a contract whose title was extracted
// badly should still have its articles scored against the right reference.
constexpr double kContractPairing = 0.6;
// The score an equal territory acronym gives a contract pair.
constexpr double kAcronymPairing = 0.7;

// How one component of an item is compared.
enum class Kind {
  kLiteral,  // exact: enumerations (doc_type, status, field names)
  kFolded,   // equal match keys: places, acronyms, identifiers
  kTitle,    // TitleMatchScore: titles, bodies, organisations
  kName,     // equal name keys: people
  kCode,     // equal code keys: numbers and codes
  kNumber,   // equal integers
  kDate,     // equal ISO dates
};

struct Key {
  Kind kind = Kind::kLiteral;
  bool null = true;
  std::string value;  // normalised for its kind
  long long number = 0;
};

struct Item {
  std::vector<Key> keys;
  std::string text;
  std::string context;
  std::optional<Provenance> prov;
};

std::string Shorten(const std::string& s, size_t max_bytes = 70) {
  if (s.size() <= max_bytes) return s;
  return std::string(Utf8Prefix(s, max_bytes)) + "…";
}

// Builds an item component by component, with its display text.
class ItemBuilder {
 public:
  ItemBuilder& Text(Kind kind, const OptText& raw) {
    Key key;
    key.kind = kind;
    if (raw.has_value()) {
      const std::string trimmed(Trim(*raw));
      switch (kind) {
        case Kind::kLiteral:
        case Kind::kDate:
          key.value = trimmed;
          break;
        case Kind::kFolded:
        case Kind::kTitle:
          key.value = MatchKey(trimmed);
          break;
        case Kind::kName:
          key.value = NameKey(trimmed);
          break;
        case Kind::kCode:
          key.value = CodeKey(trimmed);
          break;
        case Kind::kNumber:
          assert(false && "use Number()");
          break;
      }
      key.null = key.value.empty();
    }
    Show(raw.has_value() && !Trim(*raw).empty() ? Shorten(std::string(Trim(*raw))) : "(none)");
    item_.keys.push_back(std::move(key));
    return *this;
  }
  ItemBuilder& Text(Kind kind, const std::string& raw) { return Text(kind, OptText(raw)); }

  ItemBuilder& Number(const OptInt& n) {
    Key key;
    key.kind = Kind::kNumber;
    key.null = !n.has_value();
    key.number = n.value_or(0);
    Show(n.has_value() ? std::to_string(*n) : "(none)");
    item_.keys.push_back(std::move(key));
    return *this;
  }

  // A field name: part of the identity and shown as "name: value".
  ItemBuilder& Field(const std::string& name) {
    Key key;
    key.kind = Kind::kLiteral;
    key.null = false;
    key.value = name;
    item_.keys.push_back(std::move(key));
    field_prefix_ = name + ": ";
    return *this;
  }

  ItemBuilder& Context(std::string context) {
    item_.context = std::move(context);
    return *this;
  }
  ItemBuilder& Prov(const Provenance& prov) {
    item_.prov = prov;
    return *this;
  }
  Item Build() {
    item_.text = field_prefix_ + item_.text;
    return std::move(item_);
  }

 private:
  void Show(const std::string& s) {
    if (!item_.text.empty()) item_.text += " | ";
    item_.text += s;
  }
  Item item_;
  std::string field_prefix_;
};

double KeyScore(const Key& a, const Key& b) {
  if (a.kind != b.kind) return 0.0;
  if (a.null || b.null) return a.null && b.null ? 1.0 : 0.0;
  switch (a.kind) {
    case Kind::kTitle:
      return TitleMatchScore(a.value, b.value);
    case Kind::kNumber:
      return a.number == b.number ? 1.0 : 0.0;
    default:
      return a.value == b.value ? 1.0 : 0.0;
  }
}

double ItemScore(const Item& a, const Item& b) {
  if (a.keys.size() != b.keys.size()) return 0.0;
  double score = 1.0;
  for (size_t k = 0; k < a.keys.size() && score > 0.0; ++k) score *= KeyScore(a.keys[k], b.keys[k]);
  return score;
}

// Pairs items one to one, best score first (ties: reference order).  Returns
// the partner of each expected item and of each actual item, or -1.
struct Assignment {
  std::vector<int> of_expected, of_actual;
};

Assignment Assign(const std::vector<Item>& expected, const std::vector<Item>& actual) {
  Assignment out{std::vector<int>(expected.size(), -1), std::vector<int>(actual.size(), -1)};
  std::vector<std::tuple<double, int, int>> candidates;
  for (size_t i = 0; i < expected.size(); ++i) {
    for (size_t j = 0; j < actual.size(); ++j) {
      const double s = ItemScore(expected[i], actual[j]);
      if (s > 0.0) candidates.emplace_back(s, static_cast<int>(i), static_cast<int>(j));
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
    return std::make_pair(std::get<1>(x), std::get<2>(x)) <
           std::make_pair(std::get<1>(y), std::get<2>(y));
  });
  for (const auto& [score, i, j] : candidates) {
    if (out.of_expected[i] >= 0 || out.of_actual[j] >= 0) continue;
    out.of_expected[i] = j;
    out.of_actual[j] = i;
  }
  return out;
}

UnmatchedItem Unmatched(const Item& item) { return {item.text, item.context, item.prov}; }

void AllMissed(const std::vector<Item>& items, GroupScore* g) {
  for (const Item& item : items) {
    ++g->fn;
    g->missed.push_back(Unmatched(item));
  }
}

void AllSpurious(const std::vector<Item>& items, GroupScore* g) {
  for (const Item& item : items) {
    ++g->fp;
    g->spurious.push_back(Unmatched(item));
  }
}

Assignment Compare(const std::vector<Item>& expected, const std::vector<Item>& actual,
                   GroupScore* g) {
  Assignment a = Assign(expected, actual);
  for (size_t i = 0; i < expected.size(); ++i) {
    if (a.of_expected[i] >= 0) {
      ++g->tp;
    } else {
      ++g->fn;
      g->missed.push_back(Unmatched(expected[i]));
    }
  }
  for (size_t j = 0; j < actual.size(); ++j) {
    if (a.of_actual[j] < 0) {
      ++g->fp;
      g->spurious.push_back(Unmatched(actual[j]));
    }
  }
  return a;
}

// ---- Item builders, one per group -----------------------------------------

std::vector<Item> DocTypeItems(const DocumentRecords& r) {
  return {ItemBuilder().Text(Kind::kLiteral, std::string(Name(r.doc_type))).Build()};
}

std::vector<Item> TitleItems(const DocumentRecords& r) {
  if (!r.title.has_value() || Trim(*r.title).empty()) return {};
  return {ItemBuilder().Text(Kind::kTitle, r.title).Build()};
}

std::string DeliberationContext(const Deliberation& d) {
  return "deliberation " + d.number.value_or("(no number)");
}

std::vector<Item> DeliberationFieldItems(const DocumentRecords& r) {
  std::vector<Item> items;
  for (const Deliberation& d : r.deliberations) {
    const std::pair<const char*, std::pair<Kind, const OptText*>> fields[] = {
        {"body", {Kind::kTitle, &d.body}},
        {"number", {Kind::kCode, &d.number}},
        {"meeting_date", {Kind::kDate, &d.meeting_date}},
        {"title", {Kind::kTitle, &d.title}},
        {"president", {Kind::kName, &d.president}},
        {"secretary", {Kind::kName, &d.secretary}},
        {"outcome", {Kind::kLiteral, &d.outcome}},
        {"signed_place", {Kind::kFolded, &d.signed_place}},
        {"signed_date", {Kind::kDate, &d.signed_date}},
    };
    for (const auto& [name, spec] : fields) {
      const OptText& value = *spec.second;
      if (!value.has_value() || Trim(*value).empty()) continue;
      items.push_back(ItemBuilder()
                          .Field(name)
                          .Text(spec.first, value)
                          .Context(DeliberationContext(d))
                          .Prov(d.prov)
                          .Build());
    }
  }
  return items;
}

std::vector<Item> VoteItems(const DocumentRecords& r) {
  std::vector<Item> items;
  for (const Deliberation& d : r.deliberations) {
    const std::pair<const char*, const OptInt*> fields[] = {
        {"votes_for", &d.votes_for},
        {"votes_against", &d.votes_against},
        {"votes_abstention", &d.votes_abstention},
        {"votes_absent", &d.votes_absent},
    };
    for (const auto& [name, value] : fields) {
      if (!value->has_value()) continue;
      items.push_back(ItemBuilder()
                          .Field(name)
                          .Number(*value)
                          .Context(DeliberationContext(d))
                          .Prov(d.prov)
                          .Build());
    }
  }
  return items;
}

std::vector<Item> AttendeeItems(const DocumentRecords& r) {
  std::vector<Item> items;
  for (const Deliberation& d : r.deliberations) {
    for (const Attendee& a : d.attendees) {
      items.push_back(ItemBuilder()
                          .Text(Kind::kName, a.name)
                          .Text(Kind::kLiteral, a.status)
                          .Context(DeliberationContext(d))
                          .Prov(a.prov)
                          .Build());
    }
  }
  return items;
}

std::vector<Item> TransmissionItems(const DocumentRecords& r) {
  std::vector<Item> items;
  for (const Transmission& t : r.transmissions) {
    items.push_back(ItemBuilder()
                        .Text(Kind::kFolded, t.actes_id)
                        .Text(Kind::kDate, t.sent_date)
                        .Text(Kind::kDate, t.received_date)
                        .Text(Kind::kDate, t.published_date)
                        .Prov(t.prov)
                        .Build());
  }
  return items;
}

std::vector<Item> GlossaryItems(const DocumentRecords& r) {
  std::vector<Item> items;
  for (const GlossaryEntry& g : r.glossary) {
    items.push_back(ItemBuilder()
                        .Text(Kind::kFolded, g.acronym)
                        .Text(Kind::kTitle, g.expansion)
                        .Prov(g.prov)
                        .Build());
  }
  return items;
}

std::string ContractContext(const Contract& c) {
  return c.title.empty() ? std::string("contract (no title)") : Shorten(c.title, 60);
}

std::vector<Item> ContractFieldItems(const Contract& c) {
  const std::string context = ContractContext(c);
  std::vector<Item> items;
  auto text = [&](const char* name, Kind kind, const OptText& value) {
    if (!value.has_value() || Trim(*value).empty()) return;
    items.push_back(
        ItemBuilder().Field(name).Text(kind, value).Context(context).Prov(c.prov).Build());
  };
  auto number = [&](const char* name, const OptInt& value) {
    if (!value.has_value()) return;
    items.push_back(ItemBuilder().Field(name).Number(value).Context(context).Prov(c.prov).Build());
  };
  text("territory", Kind::kTitle, c.territory);
  text("territory_acronym", Kind::kFolded, c.territory_acronym);
  number("generation", c.generation);
  number("period_start", c.period_start);
  number("period_end", c.period_end);
  text("signed_place", Kind::kFolded, c.signed_place);
  text("signed_date", Kind::kDate, c.signed_date);
  number("population", c.population);
  number("communes", c.communes);
  return items;
}

std::vector<Item> PartyItems(const Contract& c) {
  std::vector<Item> items;
  for (const Party& p : c.parties) {
    items.push_back(ItemBuilder()
                        .Text(Kind::kTitle, p.organization)
                        .Context(ContractContext(c))
                        .Prov(p.prov)
                        .Build());
  }
  return items;
}

std::vector<Item> RepresentativeItems(const Contract& c) {
  std::vector<Item> items;
  for (const Party& p : c.parties) {
    const bool has_person = p.representative.has_value() && !Trim(*p.representative).empty();
    const bool has_title =
        p.representative_title.has_value() && !Trim(*p.representative_title).empty();
    if (!has_person && !has_title) continue;
    items.push_back(ItemBuilder()
                        .Text(Kind::kTitle, p.organization)
                        .Text(Kind::kName, p.representative)
                        .Text(Kind::kTitle, p.representative_title)
                        .Context(ContractContext(c))
                        .Prov(p.prov)
                        .Build());
  }
  return items;
}

template <typename T, typename CodeOf>
std::vector<Item> NumberedItems(const Contract& c, const std::vector<T>& rows, CodeOf code_of) {
  std::vector<Item> items;
  for (const T& row : rows) {
    items.push_back(ItemBuilder()
                        .Text(Kind::kCode, code_of(row))
                        .Text(Kind::kTitle, row.title)
                        .Context(ContractContext(c))
                        .Prov(row.prov)
                        .Build());
  }
  return items;
}

std::vector<Item> ArticleItems(const Contract& c) {
  return NumberedItems(c, c.articles, [](const Article& a) { return OptText(a.number); });
}
std::vector<Item> OrientationItems(const Contract& c) {
  return NumberedItems(c, c.orientations, [](const Orientation& o) { return OptText(o.number); });
}
std::vector<Item> ObjectiveItems(const Contract& c) {
  return NumberedItems(c, c.objectives, [](const Objective& o) { return OptText(o.number); });
}
// One item per action / operation, in record order: the pilots rely on it.
std::vector<Item> ActionItems(const Contract& c) {
  return NumberedItems(c, c.actions, [](const Action& a) { return a.code; });
}
std::vector<Item> OperationItems(const Contract& c) {
  return NumberedItems(c, c.operations, [](const Operation& o) { return o.code; });
}

// The pilots of one contract, grouped by what they pilot.
struct PilotsByParent {
  std::map<int, std::vector<Item>> of_action, of_operation;
  std::vector<Item> orphans;  // neither an action nor an operation
};

std::string ParentLabel(const char* kind, const OptText& code, const std::string& title) {
  std::string label = kind;
  if (code.has_value()) label += " " + *code;
  if (!title.empty()) label += " " + Shorten(title, 50);
  return label;
}

PilotsByParent Pilots(const Contract& c) {
  PilotsByParent out;
  const int n_actions = static_cast<int>(c.actions.size());
  const int n_operations = static_cast<int>(c.operations.size());
  for (const Actor& a : c.actors) {
    if (a.role != ActorRole::kPilot) continue;
    ItemBuilder b;
    b.Text(Kind::kName, a.name).Prov(a.prov);
    // An operation's pilot may also name its action: the operation is the
    // finer and therefore the one that counts.
    if (a.operation_index >= 0 && a.operation_index < n_operations) {
      const Operation& op = c.operations[a.operation_index];
      out.of_operation[a.operation_index].push_back(
          b.Context(ParentLabel("operation", op.code, op.title)).Build());
    } else if (a.action_index >= 0 && a.action_index < n_actions) {
      const Action& ac = c.actions[a.action_index];
      out.of_action[a.action_index].push_back(
          b.Context(ParentLabel("action", ac.code, ac.title)).Build());
    } else {
      out.orphans.push_back(b.Context(ContractContext(c) + " (no action)").Build());
    }
  }
  return out;
}

void ComparePilots(const std::map<int, std::vector<Item>>& expected,
                   const std::map<int, std::vector<Item>>& actual,
                   const std::vector<int>& partner_of_expected, GroupScore* g) {
  std::set<int> compared;
  for (const auto& [index, items] : expected) {
    const int partner = partner_of_expected[index];
    const auto it = partner >= 0 ? actual.find(partner) : actual.end();
    if (it == actual.end()) {
      AllMissed(items, g);
      continue;
    }
    Compare(items, it->second, g);
    compared.insert(partner);
  }
  for (const auto& [index, items] : actual) {
    if (compared.count(index) == 0) AllSpurious(items, g);
  }
}

class Scorer {
 public:
  Scorer() : score_(EmptyScore()) {}

  // a == nullptr: the document is not in the database, so even its type
  // is missed.
  DocumentScore Run(const DocumentRecords& e, const DocumentRecords* stored) {
    const DocumentRecords nothing;
    const DocumentRecords& a = stored != nullptr ? *stored : nothing;
    Compare(DocTypeItems(e), stored != nullptr ? DocTypeItems(a) : std::vector<Item>{},
            G("doc_type"));
    Compare(TitleItems(e), TitleItems(a), G("title"));
    Compare(DeliberationFieldItems(e), DeliberationFieldItems(a), G("deliberation"));
    Compare(VoteItems(e), VoteItems(a), G("votes"));
    Compare(AttendeeItems(e), AttendeeItems(a), G("attendees"));
    Compare(TransmissionItems(e), TransmissionItems(a), G("transmissions"));
    ScoreContracts(e.contracts, a.contracts);
    Compare(GlossaryItems(e), GlossaryItems(a), G("glossary"));
    return std::move(score_);
  }

 private:
  GroupScore* G(std::string_view name) {
    for (GroupScore& g : score_.groups) {
      if (g.group == name) return &g;
    }
    assert(false && "unknown group");
    return nullptr;
  }

  static double ContractPairScore(const Contract& e, const Contract& a) {
    double s = TitleResemblance(MatchKey(e.title), MatchKey(a.title));
    if (e.territory.has_value() && a.territory.has_value()) {
      s = std::max(s, TitleResemblance(MatchKey(*e.territory), MatchKey(*a.territory)));
    }
    if (e.territory_acronym.has_value() && a.territory_acronym.has_value() &&
        !MatchKey(*e.territory_acronym).empty() &&
        MatchKey(*e.territory_acronym) == MatchKey(*a.territory_acronym)) {
      s = std::max(s, kAcronymPairing);
    }
    return s;
  }

  void ScoreContracts(const std::vector<Contract>& e, const std::vector<Contract>& a) {
    std::vector<std::tuple<double, int, int>> candidates;
    for (size_t i = 0; i < e.size(); ++i) {
      for (size_t j = 0; j < a.size(); ++j) {
        double s = ContractPairScore(e[i], a[j]);
        // A contract whose reference states no title pairs with the only
        // contract found, when each side holds one.
        if (e[i].title.empty() && e.size() == 1 && a.size() == 1) s = std::max(s, kContractPairing);
        if (s >= kContractPairing) candidates.emplace_back(s, i, j);
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
      if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
      return std::make_pair(std::get<1>(x), std::get<2>(x)) <
             std::make_pair(std::get<1>(y), std::get<2>(y));
    });
    std::vector<int> of_e(e.size(), -1), of_a(a.size(), -1);
    for (const auto& [s, i, j] : candidates) {
      if (of_e[i] >= 0 || of_a[j] >= 0) continue;
      of_e[i] = j;
      of_a[j] = i;
    }

    GroupScore* contracts = G("contracts");
    auto title_item = [](const Contract& c) {
      return ItemBuilder().Text(Kind::kTitle, c.title).Prov(c.prov).Build();
    };
    for (size_t i = 0; i < e.size(); ++i) {
      if (of_e[i] < 0) {
        AllMissed({title_item(e[i])}, contracts);
        ScoreContractChildren(&e[i], nullptr);
        continue;
      }
      const Contract& partner = a[of_e[i]];
      // Aligned for their children, but the contract itself counts only when
      // its title is right.
      // Untitled in the reference: finding the contract is what counts.
      Compare({title_item(e[i].title.empty() ? partner : e[i])}, {title_item(partner)}, contracts);
      ScoreContractChildren(&e[i], &partner);
    }
    for (size_t j = 0; j < a.size(); ++j) {
      if (of_a[j] >= 0) continue;
      AllSpurious({title_item(a[j])}, contracts);
      ScoreContractChildren(nullptr, &a[j]);
    }
  }

  // Either side may be null: a contract without partner.
  void ScoreContractChildren(const Contract* e, const Contract* a) {
    static const Contract kNone;
    const Contract& ec = e ? *e : kNone;
    const Contract& ac = a ? *a : kNone;
    Compare(ContractFieldItems(ec), ContractFieldItems(ac), G("contract_fields"));
    Compare(PartyItems(ec), PartyItems(ac), G("parties"));
    Compare(RepresentativeItems(ec), RepresentativeItems(ac), G("representatives"));
    Compare(ArticleItems(ec), ArticleItems(ac), G("articles"));
    Compare(OrientationItems(ec), OrientationItems(ac), G("orientations"));
    Compare(ObjectiveItems(ec), ObjectiveItems(ac), G("objectives"));
    const Assignment actions = Compare(ActionItems(ec), ActionItems(ac), G("actions"));
    const Assignment operations = Compare(OperationItems(ec), OperationItems(ac), G("operations"));

    const PilotsByParent ep = Pilots(ec), ap = Pilots(ac);
    GroupScore* pilots = G("pilots");
    ComparePilots(ep.of_action, ap.of_action, actions.of_expected, pilots);
    ComparePilots(ep.of_operation, ap.of_operation, operations.of_expected, pilots);
    Compare(ep.orphans, ap.orphans, pilots);
    if (e != nullptr) ScoreOrganizations(*e, a, G("organizations"), G("organization_kinds"));
  }

  DocumentScore score_;
};

}  // namespace

const std::vector<std::string>& GroupNames() {
  static const std::vector<std::string> kNames = {
      "doc_type",   "title",           "deliberation",      "votes",
      "attendees",  "transmissions",   "contracts",         "contract_fields",
      "parties",    "representatives", "articles",          "orientations",
      "objectives", "actions",         "operations",        "pilots",
      "glossary",   "organizations",   "organization_kinds"};
  return kNames;
}

bool InMacro(std::string_view group) {
  return group != "organizations" && group != "organization_kinds";
}

bool IsGroupName(std::string_view name) {
  const auto& names = GroupNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

double GroupScore::precision() const {
  return tp + fp == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
}

double GroupScore::recall() const {
  return tp + fn == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
}

std::optional<double> GroupScore::f1() const {
  if (!applicable()) return std::nullopt;
  return 2.0 * static_cast<double>(tp) / static_cast<double>(2 * tp + fp + fn);
}

void GroupScore::Add(const GroupScore& other) {
  tp += other.tp;
  fp += other.fp;
  fn += other.fn;
}

const GroupScore& DocumentScore::group(std::string_view name) const {
  for (const GroupScore& g : groups) {
    if (g.group == name) return g;
  }
  assert(false && "unknown group");
  return groups.front();
}

DocumentScore EmptyScore() {
  DocumentScore s;
  for (const std::string& name : GroupNames()) s.groups.push_back(GroupScore{name});
  return s;
}

std::optional<double> MacroF1(const DocumentScore& score) {
  double sum = 0;
  int applicable = 0;
  for (const GroupScore& g : score.groups) {
    if (!InMacro(g.group)) continue;
    if (const std::optional<double> f1 = g.f1(); f1.has_value()) {
      sum += *f1;
      ++applicable;
    }
  }
  if (applicable == 0) return std::nullopt;
  return sum / applicable;
}

DocumentScore ScoreDocument(const DocumentRecords& expected, const DocumentRecords& actual) {
  return Scorer().Run(expected, &actual);
}

DocumentScore ScoreMissingDocument(const DocumentRecords& expected) {
  return Scorer().Run(expected, nullptr);
}

void KeepGroups(const std::vector<std::string>& groups, DocumentScore* score) {
  if (groups.empty()) return;
  for (GroupScore& g : score->groups) {
    if (std::find(groups.begin(), groups.end(), g.group) != groups.end()) continue;
    g = GroupScore{g.group};
  }
}

}  // namespace clsdb::check
