#include "check/annotation.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check/match.h"

namespace clsdb::check {

namespace {

using nlohmann::json;

// Reads fields with type checks.  The first problem is kept, with the JSON
// path where it was met; later reads become no-ops so that callers can read a
// whole object and test ok() once.
class Reader {
 public:
  explicit Reader(std::string name) : name_(std::move(name)) {}

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  void Fail(const std::string& path, const std::string& message) {
    if (!status_.ok()) return;
    status_ = Status::Corruption(name_ + ": " + path + ": " + message);
  }

  // A text field: a string, or a number written without quotes (codes).
  OptText Text(const json& obj, const char* key, const std::string& path, bool required = false) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) Fail(path + "." + key, "missing");
      return std::nullopt;
    }
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    Fail(path + "." + key, "expected a string, got " + std::string(it->type_name()));
    return std::nullopt;
  }

  std::string RequiredText(const json& obj, const char* key, const std::string& path) {
    return Text(obj, key, path, /*required=*/true).value_or("");
  }

  // A required word of one of core/kinds.h's enumerations.
  template <typename E>
  E RequiredWord(const json& obj, const char* key, const std::string& path) {
    const std::string word = RequiredText(obj, key, path);
    const std::optional<E> value = Parse<E>(word);
    if (!value && ok()) Fail(path + "." + key, "\"" + word + "\" is not a known value");
    return value.value_or(E{});
  }

  OptInt Int(const json& obj, const char* key, const std::string& path) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (it->is_number_integer()) return it->get<long long>();
    Fail(path + "." + key, "expected an integer, got " + std::string(it->type_name()));
    return std::nullopt;
  }

  // The array at key, or an empty one when absent or null.
  const json& Array(const json& obj, const char* key, const std::string& path) {
    static const json kEmpty = json::array();
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return kEmpty;
    if (!it->is_array()) {
      Fail(path + "." + key, "expected an array, got " + std::string(it->type_name()));
      return kEmpty;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_object() && !(*it)[i].is_string()) {
        Fail(path + "." + key + "[" + std::to_string(i) + "]", "expected an object");
        return kEmpty;
      }
    }
    return *it;
  }

  bool IsObject(const json& value, const std::string& path) {
    if (value.is_object()) return true;
    Fail(path, "expected an object, got " + std::string(value.type_name()));
    return false;
  }

 private:
  std::string name_;
  Status status_;
};

std::string Index(const std::string& path, const char* key, size_t i) {
  return path + "." + key + "[" + std::to_string(i) + "]";
}

// A list of names: obj[key], strings only.
std::vector<std::string> Strings(Reader& r, const json& obj, const char* key,
                                 const std::string& path) {
  std::vector<std::string> names;
  const json& array = r.Array(obj, key, path);
  for (size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_string()) {
      r.Fail(Index(path, key, i), "expected a string");
      break;
    }
    names.push_back(array[i].get<std::string>());
  }
  return names;
}

// Pilots: a list of names.
std::vector<std::string> PilotNames(Reader& r, const json& obj, const std::string& path) {
  return Strings(r, obj, "pilots", path);
}

int FindOrientation(const Contract& c, const std::string& number) {
  const std::string key = CodeKey(number);
  for (size_t i = 0; i < c.orientations.size(); ++i) {
    if (CodeKey(c.orientations[i].number) == key) return static_cast<int>(i);
  }
  return -1;
}

int FindAction(const Contract& c, const std::string& code) {
  const std::string key = CodeKey(code);
  for (size_t i = 0; i < c.actions.size(); ++i) {
    if (c.actions[i].code.has_value() && CodeKey(*c.actions[i].code) == key) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// Calls each(object, its path) for every object of the array j[key], until
// the reader fails.
template <typename Each>
void ForEachObject(Reader& r, const json& j, const char* key, const std::string& path, Each each) {
  const json& array = r.Array(j, key, path);
  for (size_t i = 0; i < array.size() && r.ok(); ++i) {
    const std::string p = Index(path, key, i);
    if (!r.IsObject(array[i], p)) break;
    each(array[i], p);
  }
}

// The pilots of an action (operation_index -1) or of an operation, as actors.
void AddPilots(Reader& r, const json& obj, const std::string& p, int action_index,
               int operation_index, Contract* c) {
  for (std::string& name : PilotNames(r, obj, p)) {
    Actor actor;
    actor.action_index = action_index;
    actor.operation_index = operation_index;
    actor.role = ActorRole::kPilot;
    actor.name = std::move(name);
    c->actors.push_back(std::move(actor));
  }
}

void ParseParties(Reader& r, const json& j, const std::string& path, Contract* c) {
  ForEachObject(r, j, "parties", path, [&](const json& o, const std::string& p) {
    Party party;
    party.organization = r.RequiredText(o, "organization", p);
    party.acronym = r.Text(o, "acronym", p);
    party.representative = r.Text(o, "representative", p);
    party.representative_title = r.Text(o, "representative_title", p);
    party.address = r.Text(o, "address", p);
    c->parties.push_back(std::move(party));
  });
}

// Orientations, objectives, actions and operations, each linked to the one
// above it by its number or code.
void ParsePlan(Reader& r, const json& j, const std::string& path, Contract* c) {
  ForEachObject(r, j, "orientations", path, [&](const json& o, const std::string& p) {
    c->orientations.push_back(
        {r.Text(o, "number", p).value_or(""), r.Text(o, "title", p).value_or("")});
  });
  auto link_orientation = [&](const json& obj, const std::string& p) {
    const OptText number = r.Text(obj, "orientation", p);
    if (!number.has_value()) return -1;
    const int index = FindOrientation(*c, *number);
    if (index < 0) r.Fail(p + ".orientation", "no orientation numbered \"" + *number + "\"");
    return index;
  };
  ForEachObject(r, j, "objectives", path, [&](const json& o, const std::string& p) {
    Objective objective;
    objective.orientation_index = link_orientation(o, p);
    objective.number = r.Text(o, "number", p).value_or("");
    objective.title = r.Text(o, "title", p).value_or("");
    c->objectives.push_back(std::move(objective));
  });
  ForEachObject(r, j, "actions", path, [&](const json& o, const std::string& p) {
    Action a;
    a.orientation_index = link_orientation(o, p);
    a.code = r.Text(o, "code", p);
    a.title = r.Text(o, "title", p).value_or("");
    a.description = r.Text(o, "description", p);
    AddPilots(r, o, p, static_cast<int>(c->actions.size()), -1, c);
    c->actions.push_back(std::move(a));
  });
  ForEachObject(r, j, "operations", path, [&](const json& o, const std::string& p) {
    Operation op;
    if (const OptText action = r.Text(o, "action", p); action.has_value()) {
      op.action_index = FindAction(*c, *action);
      if (op.action_index < 0) r.Fail(p + ".action", "no action coded \"" + *action + "\"");
    }
    op.code = r.Text(o, "code", p);
    op.title = r.Text(o, "title", p).value_or("");
    AddPilots(r, o, p, op.action_index, static_cast<int>(c->operations.size()), c);
    c->operations.push_back(std::move(op));
  });
}

Contract ParseContract(Reader& r, const json& j, const std::string& path) {
  Contract c;
  // null: the document does not state the contract's title (a cover page
  // that only shows a logo, a fragment that starts at the table of contents).
  c.title = r.Text(j, "title", path).value_or("");
  c.territory = r.Text(j, "territory", path);
  c.territory_acronym = r.Text(j, "territory_acronym", path);
  c.generation = r.Int(j, "generation", path);
  c.period_start = r.Int(j, "period_start", path);
  c.period_end = r.Int(j, "period_end", path);
  c.signed_place = r.Text(j, "signed_place", path);
  c.signed_date = r.Text(j, "signed_date", path);
  c.population = r.Int(j, "population", path);
  c.communes = r.Int(j, "communes", path);
  ParseParties(r, j, path, &c);
  ForEachObject(r, j, "articles", path, [&](const json& o, const std::string& p) {
    Article a;
    a.number = r.RequiredText(o, "number", p);
    a.title = r.Text(o, "title", p).value_or("");
    c.articles.push_back(std::move(a));
  });
  ParsePlan(r, j, path, &c);
  return c;
}

Deliberation ParseDeliberation(Reader& r, const json& j, const std::string& path) {
  Deliberation d;
  d.body = r.Text(j, "body", path);
  d.number = r.Text(j, "number", path);
  d.meeting_date = r.Text(j, "meeting_date", path);
  d.title = r.Text(j, "title", path);
  d.president = r.Text(j, "president", path);
  d.secretary = r.Text(j, "secretary", path);
  d.votes_for = r.Int(j, "votes_for", path);
  d.votes_against = r.Int(j, "votes_against", path);
  d.votes_abstention = r.Int(j, "votes_abstention", path);
  d.votes_absent = r.Int(j, "votes_absent", path);
  d.outcome = r.Text(j, "outcome", path);
  d.signed_place = r.Text(j, "signed_place", path);
  d.signed_date = r.Text(j, "signed_date", path);
  const json& attendees = r.Array(j, "attendees", path);
  for (size_t i = 0; i < attendees.size() && r.ok(); ++i) {
    const std::string p = Index(path, "attendees", i);
    if (!r.IsObject(attendees[i], p)) break;
    Attendee a;
    a.name = r.RequiredText(attendees[i], "name", p);
    a.status = r.RequiredText(attendees[i], "status", p);
    d.attendees.push_back(std::move(a));
  }
  return d;
}

// The JSON of the file name, or Corruption naming it.
Status ParseJson(std::string_view json_text, const std::string& name, json* root) {
  try {
    *root = json::parse(json_text);
  } catch (const json::parse_error& e) {
    return Status::Corruption(name + ": invalid JSON: " + e.what());
  }
  return Status::OK();
}

}  // namespace

Result<DocumentRecords> ParseAnnotation(std::string_view json_text, const std::string& name) {
  json root;
  if (Status s = ParseJson(json_text, name, &root); !s.ok()) return s;
  Reader r(name);
  if (!r.IsObject(root, "$")) return r.status();

  DocumentRecords doc;
  doc.doc_type = r.RequiredWord<DocumentType>(root, "doc_type", "$");
  doc.title = r.Text(root, "title", "$");

  const json& deliberations = r.Array(root, "deliberations", "$");
  for (size_t i = 0; i < deliberations.size() && r.ok(); ++i) {
    const std::string p = Index("$", "deliberations", i);
    if (!r.IsObject(deliberations[i], p)) break;
    doc.deliberations.push_back(ParseDeliberation(r, deliberations[i], p));
  }

  const json& transmissions = r.Array(root, "transmissions", "$");
  for (size_t i = 0; i < transmissions.size() && r.ok(); ++i) {
    const std::string p = Index("$", "transmissions", i);
    if (!r.IsObject(transmissions[i], p)) break;
    Transmission t;
    t.actes_id = r.RequiredText(transmissions[i], "actes_id", p);
    t.sent_date = r.Text(transmissions[i], "sent_date", p);
    t.received_date = r.Text(transmissions[i], "received_date", p);
    t.published_date = r.Text(transmissions[i], "published_date", p);
    doc.transmissions.push_back(std::move(t));
  }

  const json& contracts = r.Array(root, "contracts", "$");
  for (size_t i = 0; i < contracts.size() && r.ok(); ++i) {
    const std::string p = Index("$", "contracts", i);
    if (!r.IsObject(contracts[i], p)) break;
    doc.contracts.push_back(ParseContract(r, contracts[i], p));
  }

  const json& glossary = r.Array(root, "glossary", "$");
  for (size_t i = 0; i < glossary.size() && r.ok(); ++i) {
    const std::string p = Index("$", "glossary", i);
    if (!r.IsObject(glossary[i], p)) break;
    GlossaryEntry g;
    g.acronym = r.RequiredText(glossary[i], "acronym", p);
    g.expansion = r.RequiredText(glossary[i], "expansion", p);
    doc.glossary.push_back(std::move(g));
  }

  if (!r.ok()) return r.status();
  return doc;
}

namespace {

// One contract of an organisation annotation into c: its organisations and
// one alias per name.
void ParseContractOrganizations(Reader& r, const json& j, const std::string& path, Contract* c) {
  c->organizations.clear();
  c->organization_aliases.clear();
  ForEachObject(r, j, "organizations", path, [&](const json& o, const std::string& p) {
    const std::vector<std::string> names = Strings(r, o, "names", p);
    if (names.empty()) r.Fail(p + ".names", "missing or empty");
    if (!r.ok()) return;
    Organization org;
    org.name = names.front();
    org.kind = r.Text(o, "kind", p);
    const int index = static_cast<int>(c->organizations.size());
    c->organizations.push_back(std::move(org));
    for (const std::string& name : names) c->organization_aliases.push_back({index, name});
  });
  for (const std::string& name : Strings(r, j, "not_organizations", path)) {
    c->organization_aliases.push_back({-1, name});
  }
}

}  // namespace

Status ParseOrganizationAnnotation(std::string_view json_text, const std::string& name,
                                   DocumentRecords* expected) {
  json root;
  if (Status s = ParseJson(json_text, name, &root); !s.ok()) return s;
  Reader r(name);
  if (!r.IsObject(root, "$")) return r.status();
  ForEachObject(r, root, "contracts", "$", [&](const json& j, const std::string& p) {
    const std::string title = r.Text(j, "title", p).value_or("");
    for (Contract& c : expected->contracts) {
      if (c.title != title) continue;
      ParseContractOrganizations(r, j, p, &c);
      return;
    }
    r.Fail(p + ".title", "no contract of the annotation is titled \"" + title + "\"");
  });
  return r.status();
}

Status LoadOrganizationAnnotation(const std::string& path, DocumentRecords* expected) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open annotation");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": cannot read annotation");
  return ParseOrganizationAnnotation(text.str(), path, expected);
}

Result<DocumentRecords> LoadAnnotation(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open annotation");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": cannot read annotation");
  return ParseAnnotation(text.str(), path);
}

}  // namespace clsdb::check
