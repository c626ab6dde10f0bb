#include "extract/plan_headings.h"

#include <algorithm>

#include "extract/actors.h"
#include "extract/plan_text.h"
#include "extract/text_util.h"

namespace clsdb {

namespace {

// A heading is a line, not a paragraph of prose: beyond this many bytes a
// paragraph that begins like a heading is running text.
constexpr size_t kMaxPlanHeading = 400;
// An orientation's title written on the line after "Axe 2" is short.
constexpr size_t kMaxLoneTitle = 250;
// A table of contents is short lines; a longer paragraph is the text proper.
constexpr size_t kMaxContentsLine = 150;

// A heading's title: rule fragment plan.titled captures it as `title` after
// a separator, as `title_caps` after a bare space.
const char* TitleGroup(const RuleMatch& m) { return m.Has("title") ? "title" : "title_caps"; }

std::string Title(const RuleMatch& m) { return CleanPlanText(m.Get(TitleGroup(m))); }

std::string LeadingPart(const std::string& code) {
  size_t dot = code.find('.');
  return dot == std::string::npos ? code : code.substr(0, dot);
}

}  // namespace

PlanHeadingReader::PlanHeadingReader(const RuleSet& rules, PlanBuilder* plan)
    : rules_(rules), plan_(plan) {}

bool PlanHeadingReader::Match(RuleId rule, const std::string& text, RuleMatch* m) const {
  return Search(rule, text, m) && m->start == 0;
}

bool PlanHeadingReader::Search(RuleId rule, const std::string& text, RuleMatch* m) const {
  // Compared by content: a cell's block is a temporary, whose text may sit
  // where the last one did.
  if (!occurring_known_ || text != occurring_text_) {
    occurring_ = rules_.MatcherFor(RuleFamily::kPlan).Matching(text);
    occurring_text_ = text;
    occurring_known_ = true;
  }
  const Rule& r = rules_.Get(rule);
  if (std::find(occurring_.begin(), occurring_.end(), &r) == occurring_.end()) return false;
  return rules_.Search(r, text, m);
}

Provenance PlanHeadingReader::Prov(const Block& block, const RuleMatch& m,
                                   const char* group) const {
  auto it = m.group_spans.find(group);
  if (it != m.group_spans.end() && it->second.second > it->second.first) {
    return ProvenanceIn(block, it->second.first, it->second.second, m.rule->name);
  }
  return ProvenanceIn(block, m.start, m.end, m.rule->name);
}

bool PlanHeadingReader::InContents(const Block& block) {
  RuleMatch m;
  if (Match(RuleId::kPlanTocStart, block.text, &m)) {
    contents_ = true;
    contents_lines_.clear();
    return true;
  }
  if (!contents_) return false;
  const std::string folded = FoldTitle(block.text);
  const bool listed =
      std::find(contents_lines_.begin(), contents_lines_.end(), folded) != contents_lines_.end();
  if (block.text.size() > kMaxContentsLine || listed) {
    contents_ = false;
    contents_lines_.clear();
    return false;
  }
  contents_lines_.push_back(folded);
  return true;
}

bool PlanHeadingReader::Read(const Block& block) {
  if (block.kind != Block::Kind::kParagraph) return false;
  const Pending pending = pending_;
  pending_ = Pending::kNone;
  PlanContext& ctx = plan_->ctx;
  const std::string& text = block.text;
  RuleMatch m;
  if (InContents(block) || Search(RuleId::kPlanTocLine, text, &m)) return false;
  if (text.size() <= kMaxPlanHeading && Heading(block)) return true;
  if (ctx.action >= 0 && text.size() <= kMaxPlanHeading && ActorLine(block)) {
    // A fiche's "Pilote : …" line may come before its description.
    if (pending == Pending::kDescription) pending_ = Pending::kDescription;
    return false;
  }

  // Not a heading: what the previous one announced.
  if (pending == Pending::kOrientationTitle && text.size() <= kMaxLoneTitle &&
      ctx.orientation >= 0) {
    const Orientation& o = plan_->contract().orientations[ctx.orientation];
    if (o.title.empty()) {
      const std::string number = o.number;  // AddOrientation may grow the vector
      plan_->AddOrientation(number, CleanPlanText(text),
                            ProvenanceOf(block, RuleId::kPlanOrientation), PlanSource::kHeading);
    }
    return true;
  }
  if (pending == Pending::kOperationList && ctx.action >= 0) {
    if (block.bullet) {
      plan_->AddOperation(ctx.action, std::nullopt, CleanPlanText(text),
                          ProvenanceOf(block, RuleId::kPlanOperationList), PlanSource::kHeading);
      pending_ = Pending::kOperationList;
      return true;
    }
  }
  if (pending == Pending::kDescription && ctx.action >= 0 && !block.bullet) {
    plan_->SetDescription(ctx.action, CollapseSpaces(text));
  }
  return false;
}

bool PlanHeadingReader::ActorLine(const Block& block) {
  RuleMatch m;
  if (!Search(RuleId::kPlanActorLine, block.text, &m)) return false;
  const int action = plan_->ctx.action;
  const bool pilot = m.Has("pilot");
  // Pilots sit where they were first given (FORMAT.md): a table or an
  // earlier line that named them wins.
  if (pilot && plan_->HasPilots(action, -1)) return true;
  const size_t offset = m.group_spans.at("names").first;
  for (const ActorName& a : SplitActors(m.Get("names"), rules_)) {
    plan_->AddActor(action, -1, pilot ? ActorRole::kPilot : ActorRole::kPartner, a.name,
                    ProvenanceIn(block, offset + a.start, offset + a.end, RuleId::kPlanActorLine));
  }
  return true;
}

bool PlanHeadingReader::ReadCellHeading(const Block& block) {
  RuleMatch m;
  if (contents_ || block.text.size() > kMaxPlanHeading ||
      Search(RuleId::kPlanTocLine, block.text, &m)) {
    return false;
  }
  const Pending pending = pending_;
  pending_ = Pending::kNone;
  if (Heading(block)) return true;
  pending_ = pending;
  return false;
}

bool PlanHeadingReader::Heading(const Block& block) {
  PlanContext& ctx = plan_->ctx;
  const std::string& text = block.text;
  RuleMatch m;
  if (Match(RuleId::kPlanSectionEnd, text, &m)) {
    ctx = PlanContext{};
    return true;
  }

  const bool axis =
      Match(RuleId::kPlanOrientation, text, &m) || Match(RuleId::kPlanOrientationLetter, text, &m);
  axis_seen_ = axis_seen_ || axis;
  // "Objectif stratégique 1" is the top level of a plan without axes; under
  // an axis it is an objective (below).
  if (axis || (!axis_seen_ && Match(RuleId::kPlanOrientationObjective, text, &m))) {
    const std::string title = Title(m);
    ctx.orientation = plan_->AddOrientation(m.Get("number"), title, Prov(block, m, TitleGroup(m)),
                                            PlanSource::kHeading);
    ctx.objective = ctx.action = -1;
    if (plan_->contract().orientations[ctx.orientation].title.empty()) {
      pending_ = Pending::kOrientationTitle;
    }
    return true;
  }

  if (Match(RuleId::kPlanOperation, text, &m) || Match(RuleId::kPlanOperationPrefixed, text, &m)) {
    const std::string code = m.Get("code");
    const size_t dot = code.rfind('.');
    const std::string action_code = dot == std::string::npos ? "" : code.substr(0, dot);
    int action = ctx.action;
    const Contract& c = plan_->contract();
    if (!action_code.empty() && (action < 0 || c.actions[action].code != action_code)) {
      const int other = plan_->FindAction(ctx.orientation, false, action_code);
      if (other >= 0) action = other;
    }
    if (action < 0) return false;
    plan_->AddOperation(action, code, Title(m), Prov(block, m, TitleGroup(m)),
                        PlanSource::kHeading);
    return true;
  }

  const bool action_heading = Match(RuleId::kPlanAction, text, &m);
  // "1.2 Title" is an action only inside orientation 1: elsewhere a numbered
  // paragraph is not a heading.
  const bool bare_action =
      !action_heading && ctx.orientation >= 0 && Match(RuleId::kPlanActionBare, text, &m) &&
      LeadingPart(m.Get("code")) == plan_->contract().orientations[ctx.orientation].number;
  if (action_heading || bare_action) {
    ctx.action = plan_->AddAction(ctx.orientation, ctx.orientation >= 0, m.Get("code"), Title(m),
                                  Prov(block, m, TitleGroup(m)), PlanSource::kHeading);
    pending_ = Pending::kDescription;
    return true;
  }

  if (ctx.orientation >= 0 &&
      (Match(RuleId::kPlanObjective, text, &m) || Match(RuleId::kPlanObjectiveParen, text, &m))) {
    ctx.objective = plan_->AddObjective(ctx.orientation, m.Get("number"), Title(m),
                                        Prov(block, m, TitleGroup(m)), PlanSource::kHeading);
    ctx.action = -1;
    return true;
  }

  if (ctx.action >= 0 && Match(RuleId::kPlanOperationList, text, &m)) {
    pending_ = Pending::kOperationList;
    return true;
  }
  return false;
}

}  // namespace clsdb
