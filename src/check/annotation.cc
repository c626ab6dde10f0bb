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

// Pilots: a list of names.
std::vector<std::string> PilotNames(Reader& r, const json& obj, const std::string& path) {
  std::vector<std::string> names;
  const json& pilots = r.Array(obj, "pilots", path);
  for (size_t i = 0; i < pilots.size(); ++i) {
    if (!pilots[i].is_string()) {
      r.Fail(Index(path, "pilots", i), "expected a string");
      break;
    }
    names.push_back(pilots[i].get<std::string>());
  }
  return names;
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

  const json& parties = r.Array(j, "parties", path);
  for (size_t i = 0; i < parties.size() && r.ok(); ++i) {
    const std::string p = Index(path, "parties", i);
    if (!r.IsObject(parties[i], p)) break;
    Party party;
    party.organization = r.RequiredText(parties[i], "organization", p);
    party.acronym = r.Text(parties[i], "acronym", p);
    party.representative = r.Text(parties[i], "representative", p);
    party.representative_title = r.Text(parties[i], "representative_title", p);
    party.address = r.Text(parties[i], "address", p);
    c.parties.push_back(std::move(party));
  }

  const json& articles = r.Array(j, "articles", path);
  for (size_t i = 0; i < articles.size() && r.ok(); ++i) {
    const std::string p = Index(path, "articles", i);
    if (!r.IsObject(articles[i], p)) break;
    Article a;
    a.number = r.RequiredText(articles[i], "number", p);
    a.title = r.Text(articles[i], "title", p).value_or("");
    c.articles.push_back(std::move(a));
  }

  const json& orientations = r.Array(j, "orientations", path);
  for (size_t i = 0; i < orientations.size() && r.ok(); ++i) {
    const std::string p = Index(path, "orientations", i);
    if (!r.IsObject(orientations[i], p)) break;
    Orientation o;
    o.number = r.Text(orientations[i], "number", p).value_or("");
    o.title = r.Text(orientations[i], "title", p).value_or("");
    c.orientations.push_back(std::move(o));
  }

  auto link_orientation = [&](const json& obj, const std::string& p) {
    const OptText number = r.Text(obj, "orientation", p);
    if (!number.has_value()) return -1;
    const int index = FindOrientation(c, *number);
    if (index < 0) r.Fail(p + ".orientation", "no orientation numbered \"" + *number + "\"");
    return index;
  };

  const json& objectives = r.Array(j, "objectives", path);
  for (size_t i = 0; i < objectives.size() && r.ok(); ++i) {
    const std::string p = Index(path, "objectives", i);
    if (!r.IsObject(objectives[i], p)) break;
    Objective o;
    o.orientation_index = link_orientation(objectives[i], p);
    o.number = r.Text(objectives[i], "number", p).value_or("");
    o.title = r.Text(objectives[i], "title", p).value_or("");
    c.objectives.push_back(std::move(o));
  }

  const json& actions = r.Array(j, "actions", path);
  for (size_t i = 0; i < actions.size() && r.ok(); ++i) {
    const std::string p = Index(path, "actions", i);
    if (!r.IsObject(actions[i], p)) break;
    Action a;
    a.orientation_index = link_orientation(actions[i], p);
    a.code = r.Text(actions[i], "code", p);
    a.title = r.Text(actions[i], "title", p).value_or("");
    a.description = r.Text(actions[i], "description", p);
    const int index = static_cast<int>(c.actions.size());
    for (std::string& name : PilotNames(r, actions[i], p)) {
      Actor actor;
      actor.action_index = index;
      actor.role = "pilot";
      actor.name = std::move(name);
      c.actors.push_back(std::move(actor));
    }
    c.actions.push_back(std::move(a));
  }

  const json& operations = r.Array(j, "operations", path);
  for (size_t i = 0; i < operations.size() && r.ok(); ++i) {
    const std::string p = Index(path, "operations", i);
    if (!r.IsObject(operations[i], p)) break;
    Operation o;
    const OptText action = r.Text(operations[i], "action", p);
    if (action.has_value()) {
      o.action_index = FindAction(c, *action);
      if (o.action_index < 0) r.Fail(p + ".action", "no action coded \"" + *action + "\"");
    }
    o.code = r.Text(operations[i], "code", p);
    o.title = r.Text(operations[i], "title", p).value_or("");
    const int index = static_cast<int>(c.operations.size());
    for (std::string& name : PilotNames(r, operations[i], p)) {
      Actor actor;
      actor.action_index = o.action_index;
      actor.operation_index = index;
      actor.role = "pilot";
      actor.name = std::move(name);
      c.actors.push_back(std::move(actor));
    }
    c.operations.push_back(std::move(o));
  }
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

}  // namespace

Result<DocumentRecords> ParseAnnotation(std::string_view json_text, const std::string& name) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::parse_error& e) {
    return Status::Corruption(name + ": invalid JSON: " + e.what());
  }
  Reader r(name);
  if (!r.IsObject(root, "$")) return r.status();

  DocumentRecords doc;
  doc.doc_type = r.RequiredText(root, "doc_type", "$");
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

Result<DocumentRecords> LoadAnnotation(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open annotation");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": cannot read annotation");
  return ParseAnnotation(text.str(), path);
}

}  // namespace clsdb::check
