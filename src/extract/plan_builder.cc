#include "extract/plan_builder.h"

#include <algorithm>

#include "extract/plan_text.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

// "1.2.3" → "1"; "" when the code has no dot.
std::string OrientationPart(const std::string& code) {
  size_t dot = code.find('.');
  return dot == std::string::npos ? std::string() : code.substr(0, dot);
}

// An unnumbered operation or an action without code is the same as another
// when their titles are this alike (plan_text.h TitleSimilarity).
constexpr double kSameTitle = 0.85;

}  // namespace

PlanBuilder::PlanBuilder(Contract* contract) : c_(contract) {
  orientation_src_.assign(c_->orientations.size(), PlanSource::kHeading);
  objective_src_.assign(c_->objectives.size(), PlanSource::kHeading);
  action_src_.assign(c_->actions.size(), PlanSource::kHeading);
  operation_src_.assign(c_->operations.size(), PlanSource::kHeading);
}

void PlanBuilder::SetTitle(std::string* title, Provenance* prov, PlanSource* have,
                           const std::string& text, const Provenance& new_prov, PlanSource source) {
  if (text.empty()) return;
  if (title->empty() || source < *have) {
    *title = text;
    *prov = new_prov;
    *have = source;
  }
}

int PlanBuilder::FindOrientation(const std::string& number) const {
  for (size_t i = 0; i < c_->orientations.size(); ++i) {
    if (c_->orientations[i].number == number) return static_cast<int>(i);
  }
  return -1;
}

int PlanBuilder::AddOrientation(const std::string& number, const std::string& title,
                                const Provenance& prov, PlanSource source) {
  int i = FindOrientation(number);
  if (i >= 0) {
    Orientation& o = c_->orientations[i];
    SetTitle(&o.title, &o.prov, &orientation_src_[i], title, prov, source);
    return i;
  }
  c_->orientations.push_back(Orientation{number, title, prov});
  orientation_src_.push_back(source);
  return static_cast<int>(c_->orientations.size()) - 1;
}

int PlanBuilder::AddObjective(int orientation, const std::string& number, const std::string& title,
                              const Provenance& prov, PlanSource source) {
  for (size_t i = 0; i < c_->objectives.size(); ++i) {
    Objective& o = c_->objectives[i];
    if (o.orientation_index == orientation && o.number == number) {
      SetTitle(&o.title, &o.prov, &objective_src_[i], title, prov, source);
      return static_cast<int>(i);
    }
  }
  c_->objectives.push_back(Objective{orientation, number, title, prov});
  objective_src_.push_back(source);
  return static_cast<int>(c_->objectives.size()) - 1;
}

int PlanBuilder::FindAction(int orientation, bool strict, const std::string& code) const {
  std::vector<int> same;
  for (size_t i = 0; i < c_->actions.size(); ++i) {
    if (c_->actions[i].code == code) same.push_back(static_cast<int>(i));
  }
  if (orientation >= 0) {
    for (int i : same) {
      if (c_->actions[i].orientation_index == orientation) return i;
    }
    if (strict) {
      // An action first met without its orientation (a table read before
      // the heading) is adopted by the heading.
      for (int i : same) {
        if (c_->actions[i].orientation_index < 0) return i;
      }
      return -1;
    }
  }
  if (same.empty()) return -1;
  // Codes such as "2.1" usually begin with their orientation's number.
  const std::string first = OrientationPart(code);
  for (int i : same) {
    const int o = c_->actions[i].orientation_index;
    if (!first.empty() && o >= 0 && c_->orientations[o].number == first) return i;
  }
  return same.front();
}

const std::string& PlanBuilder::Folded(const std::string& title) const {
  auto it = folded_titles_.find(title);
  if (it == folded_titles_.end()) it = folded_titles_.emplace(title, FoldTitle(title)).first;
  return it->second;
}

int PlanBuilder::AddAction(int orientation, bool strict, const OptText& code,
                           const std::string& title, const Provenance& prov, PlanSource source) {
  int found = -1;
  if (code.has_value()) {
    found = FindAction(orientation, strict, *code);
  } else {
    const std::string folded = FoldTitle(title);
    double best = kSameTitle;
    for (size_t i = 0; i < c_->actions.size(); ++i) {
      const Action& a = c_->actions[i];
      if (orientation >= 0 && a.orientation_index >= 0 && a.orientation_index != orientation) {
        continue;
      }
      const double s = TitleSimilarity(folded, Folded(a.title));
      if (s >= best) {
        best = s;
        found = static_cast<int>(i);
      }
    }
  }
  if (found >= 0) {
    Action& a = c_->actions[found];
    SetTitle(&a.title, &a.prov, &action_src_[found], title, prov, source);
    if (a.orientation_index < 0) a.orientation_index = orientation;
    return found;
  }
  // A hint that disagrees with the code's first number yields to the
  // orientation that number names.
  if (!strict && code.has_value()) {
    const int by_code = FindOrientation(OrientationPart(*code));
    if (by_code >= 0) orientation = by_code;
  }
  Action a;
  a.orientation_index = orientation;
  a.code = code;
  a.title = title;
  a.prov = prov;
  c_->actions.push_back(std::move(a));
  action_src_.push_back(source);
  return static_cast<int>(c_->actions.size()) - 1;
}

void PlanBuilder::PlaceAction(int action, int orientation) {
  if (action < 0 || orientation < 0) return;
  Action& a = c_->actions[action];
  if (a.orientation_index < 0) a.orientation_index = orientation;
}

std::vector<int> PlanBuilder::OperationsOf(int action) const {
  std::vector<int> out;
  for (size_t i = 0; i < c_->operations.size(); ++i) {
    if (c_->operations[i].action_index == action) out.push_back(static_cast<int>(i));
  }
  return out;
}

int PlanBuilder::FindOperationByTitle(int action, const std::string& title) const {
  const std::string folded = FoldTitle(title);
  int found = -1;
  double best = kSameTitle;
  for (int i : OperationsOf(action)) {
    const double s = TitleSimilarity(folded, Folded(c_->operations[i].title));
    if (s > best || (s == best && found < 0)) {
      best = s;
      found = i;
    }
  }
  return found;
}

int PlanBuilder::AddOperation(int action, const OptText& code, const std::string& title,
                              const Provenance& prov, PlanSource source) {
  int found = -1;
  if (code.has_value()) {
    for (size_t i = 0; i < c_->operations.size() && found < 0; ++i) {
      const Operation& o = c_->operations[i];
      if (o.code == code && (o.action_index == action || o.action_index < 0)) {
        found = static_cast<int>(i);
      }
    }
  } else {
    found = FindOperationByTitle(action, title);
  }
  if (found >= 0) {
    Operation& o = c_->operations[found];
    SetTitle(&o.title, &o.prov, &operation_src_[found], title, prov, source);
    if (o.action_index < 0) o.action_index = action;
    return found;
  }
  c_->operations.push_back(Operation{action, code, title, prov});
  operation_src_.push_back(source);
  return static_cast<int>(c_->operations.size()) - 1;
}

void PlanBuilder::SetDescription(int action, const std::string& text) {
  if (action < 0 || text.empty()) return;
  Action& a = c_->actions[action];
  if (!a.description.has_value()) a.description = text;
}

bool PlanBuilder::HasPilots(int action, int operation) const {
  return !PilotsOf(action, operation).empty();
}

bool PlanBuilder::PilotsGiven(int action, int operation) const {
  if (HasPilots(action, operation)) return true;
  if (operation >= 0) return HasPilots(action, -1);
  const std::vector<int> operations = OperationsOf(action);
  return std::any_of(operations.begin(), operations.end(),
                     [&](int o) { return HasPilots(action, o); });
}

std::vector<std::string> PlanBuilder::PilotsOf(int action, int operation) const {
  std::vector<std::string> out;
  for (const Actor& a : c_->actors) {
    if (a.role == ActorRole::kPilot && a.action_index == action && a.operation_index == operation) {
      out.push_back(a.name);
    }
  }
  return out;
}

void PlanBuilder::AddRepeatedPilotName(const std::string& name) {
  std::vector<std::string>& names = c_->repeated_pilot_names;
  if (name.empty() || std::find(names.begin(), names.end(), name) != names.end()) return;
  names.push_back(name);
}

void PlanBuilder::AddActor(int action, int operation, ActorRole role, const std::string& name,
                           const Provenance& prov) {
  if (name.empty()) return;
  std::string key = FoldForMatch(name);
  // The actors' folded names, once each (an actor added before this
  // builder, if any, is folded here).
  std::vector<std::string>& folded = folded_actor_names_;
  while (folded.size() < c_->actors.size())
    folded.push_back(FoldForMatch(c_->actors[folded.size()].name));
  for (size_t i = 0; i < c_->actors.size(); ++i) {
    const Actor& a = c_->actors[i];
    if (a.action_index == action && a.operation_index == operation && a.role == role &&
        folded[i] == key) {
      return;
    }
  }
  c_->actors.push_back(Actor{action, operation, role, name, prov});
  folded.push_back(std::move(key));
}

void PlanBuilder::AddIndicator(int action, int operation, IndicatorKind kind,
                               const std::string& text, const Provenance& prov) {
  if (text.empty()) return;
  for (const Indicator& i : c_->indicators) {
    if (i.action_index == action && i.operation_index == operation && i.text == text) return;
  }
  c_->indicators.push_back(Indicator{action, operation, kind, text, prov});
}

void PlanBuilder::AddSchedule(int action, int operation, OptInt year, const std::string& text,
                              const Provenance& prov) {
  if (text.empty()) return;
  for (const ScheduleEntry& s : c_->schedule) {
    if (s.action_index == action && s.operation_index == operation && s.year == year &&
        s.text == text) {
      return;
    }
  }
  c_->schedule.push_back(ScheduleEntry{action, operation, year, text, prov});
}

}  // namespace clsdb
