#include "extract/plan_tables.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "extract/plan_text.h"
#include "extract/text_util.h"

namespace clsdb {

namespace {

// Columns whose cells say who works on an item, how it is measured and
// when: read into actors, indicators and schedule entries (AddCell).
bool IsItemDetail(PlanColumn kind) {
  switch (kind) {
    case PlanColumn::kPilot:
    case PlanColumn::kPartner:
    case PlanColumn::kFunder:
    case PlanColumn::kIndicatorQuantitative:
    case PlanColumn::kIndicatorQualitative:
    case PlanColumn::kIndicator:
    case PlanColumn::kCalendar:
      return true;
    default:
      return false;
  }
}

struct ColumnRule {
  RuleId rule;
  PlanColumn kind;
};

// In rules/tables.rules order: the first that matches names the column.
constexpr ColumnRule kColumnRules[] = {
    {RuleId::kTableColActionTitle, PlanColumn::kActionTitle},
    {RuleId::kTableColCode, PlanColumn::kCode},
    {RuleId::kTableColAxis, PlanColumn::kAxis},
    {RuleId::kTableColObjective, PlanColumn::kObjective},
    {RuleId::kTableColAction, PlanColumn::kAction},
    {RuleId::kTableColOperation, PlanColumn::kOperation},
    {RuleId::kTableColPilot, PlanColumn::kPilot},
    {RuleId::kTableColPartner, PlanColumn::kPartner},
    {RuleId::kTableColFunder, PlanColumn::kFunder},
    {RuleId::kTableColPublic, PlanColumn::kPublic},
    {RuleId::kTableColSector, PlanColumn::kSector},
    {RuleId::kTableColIndicatorQuantitative, PlanColumn::kIndicatorQuantitative},
    {RuleId::kTableColIndicatorQualitative, PlanColumn::kIndicatorQualitative},
    {RuleId::kTableColIndicator, PlanColumn::kIndicator},
    {RuleId::kTableColYear, PlanColumn::kYear},
    {RuleId::kTableColCalendar, PlanColumn::kCalendar},
    {RuleId::kTableColDescription, PlanColumn::kDescription},
    {RuleId::kTableColOther, PlanColumn::kOther},
};

RuleId RuleOf(PlanColumn kind) {
  for (const ColumnRule& c : kColumnRules) {
    if (c.kind == kind) return c.rule;
  }
  return RuleId::kTableColOther;  // AddCell is only called for a recognised column
}

// A range of more years than a contract lasts is not a schedule's.
constexpr long long kMaxRangeYears = 10;

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t\n\r") == std::string::npos;
}

// "1.2.3" → "1.2".
std::string Parent(const std::string& code) {
  size_t dot = code.rfind('.');
  return dot == std::string::npos ? std::string() : code.substr(0, dot);
}

// Pieces of an indicator or calendar cell: its lines, and the parts of a
// line separated by ';'.
std::vector<std::pair<size_t, size_t>> Pieces(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == ';') {
      if (i > start) out.emplace_back(start, i);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

PlanColumn ClassifyPlanHeader(const std::string& cell, const RuleSet& rules, int* year) {
  const std::string text = CollapseSpaces(cell);
  if (text.empty()) return PlanColumn::kNone;
  // Every cell of a table is asked: one pass of the columns' set says which
  // rules match, instead of a search per rule; the first of them in
  // kColumnRules order names the column, as searching each in turn would.
  const std::vector<const Rule*> matching = rules.MatcherFor(RuleFamily::kTableCol).Matching(text);
  if (matching.empty()) return PlanColumn::kNone;
  for (const ColumnRule& c : kColumnRules) {
    const Rule& rule = rules.Get(c.rule);
    if (std::find(matching.begin(), matching.end(), &rule) == matching.end()) continue;
    RuleMatch m;
    if (c.kind == PlanColumn::kYear && year != nullptr && rules.Search(rule, text, &m)) {
      *year = std::atoi(m.Get("year").c_str());
    }
    return c.kind;
  }
  return PlanColumn::kNone;
}

PlanTableReader::PlanTableReader(const RuleSet& rules, PlanBuilder* plan,
                                 PlanHeadingReader* headings)
    : rules_(rules), plan_(plan), headings_(headings) {}

std::string PlanTableReader::CellTitle(const std::string& text) const {
  RuleMatch m;
  if (rules_.Search(RuleId::kPlanDescriptionCut, text, &m) && m.start == 0) {
    return CleanPlanText(m.Get("title"));
  }
  return CleanPlanText(text);
}

std::vector<std::pair<size_t, size_t>> PlanTableReader::IndicatorPieces(
    const std::string& text) const {
  // A converter may run a cell's lines together ("… de la santé Taux de
  // satisfaction …"): besides its lines and ';', a piece is cut where a
  // "table.indicator_split.*" rule shows a new one starts (its group sep).
  const std::vector<const Rule*>& splitters = rules_.Family(RuleFamily::kTableIndicatorSplit);
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& [start, end] : Pieces(text)) {
    const std::string_view piece(text.data() + start, end - start);
    std::vector<std::pair<size_t, size_t>> cuts;
    for (const Rule* rule : splitters) {
      RuleMatch m;
      // Matches may share their context: search again one byte after the
      // separator's start.
      for (size_t at = 0; at < piece.size() && rules_.Search(*rule, piece.substr(at), &m);) {
        auto it = m.group_spans.find("sep");
        if (it == m.group_spans.end() || it->second.second <= it->second.first) break;
        const size_t sep = at + it->second.first;
        RuleMatch word;
        const bool joined =
            m.Has("word") && rules_.Search(RuleId::kTableIndicatorJoinedWord, m.Get("word"), &word);
        if (!joined) cuts.emplace_back(sep, at + it->second.second);
        at = sep + 1;
      }
    }
    std::sort(cuts.begin(), cuts.end());
    size_t from = 0;
    for (const auto& [cs, ce] : cuts) {
      if (cs < from) continue;
      if (cs > from) out.emplace_back(start + from, start + cs);
      from = ce;
    }
    if (from < piece.size()) out.emplace_back(start + from, end);
  }
  return out;
}

std::vector<OptInt> PlanTableReader::ScheduleYears(const std::string& text) const {
  // A range the words give ("2025-2026", "Déploiement en 2025-2026") is
  // each of its years, when every year written lies in it.
  RuleMatch range;
  if (rules_.Search(RuleId::kTableYearRangeInText, text, &range)) {
    const long long first = std::atoll(range.Get("first").c_str());
    const long long last = std::atoll(range.Get("last").c_str());
    bool inside = first < last && last - first <= kMaxRangeYears;
    for (const RuleMatch& m : rules_.SearchAll(rules_.Get(RuleId::kTableYearInText), text)) {
      const long long year = std::atoll(m.Get("year").c_str());
      inside = inside && year >= first && year <= last;
    }
    if (inside) {
      std::vector<OptInt> years;
      for (long long y = first; y <= last; ++y) years.push_back(y);
      return years;
    }
  }
  // Else the year when the words give one; several dates give none.
  OptInt y;
  for (const RuleMatch& m : rules_.SearchAll(rules_.Get(RuleId::kTableYearInText), text)) {
    const long long year = std::atoll(m.Get("year").c_str());
    if (y.has_value() && *y != year) return {std::nullopt};
    y = year;
  }
  return {y};
}

bool PlanTableReader::ParseAction(const std::string& text, OptText* code,
                                  std::string* title) const {
  RuleMatch m;
  if (rules_.Search(RuleId::kTableActionCell, text, &m)) {
    *code = m.Get("code");
    *title = CellTitle(m.Get("title"));
    return true;
  }
  if (rules_.Search(RuleId::kPlanAction, CollapseSpaces(text), &m) && m.start == 0) {
    *code = m.Get("code");
    *title = CellTitle(m.Get(m.Has("title") ? "title" : "title_caps"));
    return true;
  }
  *code = std::nullopt;
  *title = CellTitle(text);
  return false;
}

PlanTableReader::RowKinds PlanTableReader::ClassifyRow(const TableRow& row) const {
  RowKinds kinds;
  kinds.kind.assign(row.cells.size(), PlanColumn::kNone);
  kinds.year.assign(row.cells.size(), 0);
  kinds.blank.assign(row.cells.size(), true);
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (Blank(row.cells[i].text)) continue;
    kinds.blank[i] = false;
    kinds.kind[i] = ClassifyPlanHeader(row.cells[i].text, rules_, &kinds.year[i]);
  }
  return kinds;
}

void PlanTableReader::Read(const Table& table) {
  bool first = true;
  for (const TableRow& row : table.rows) {
    const bool was_first = first;
    first = false;
    if (IsCellHeading(row)) continue;
    // What each cell names, asked once for the header, years and sheet tests.
    const RowKinds kinds = ClassifyRow(row);
    if (ReadHeader(kinds)) continue;
    if (grid_.active) {
      if (ReadYears(kinds)) continue;
      // A new table goes on with the grid only if it opens with a row that
      // has the grid's codes (not an action sheet, not a glossary).
      if (!was_first || (!IsSheetRow(kinds) && HasGridCode(row))) {
        ReadGridRow(row);
        continue;
      }
      grid_.active = false;
    }
    if (IsSheetRow(kinds)) ReadSheetRow(row, kinds.kind[0]);
  }
}

bool PlanTableReader::IsCellHeading(const TableRow& row) {
  if (headings_ == nullptr || row.cells.empty() || Blank(row.cells[0].text)) return false;
  for (size_t i = 1; i < row.cells.size(); ++i) {
    if (!Blank(row.cells[i].text)) return false;
  }
  const Cell& cell = row.cells[0];
  Block block;
  block.kind = Block::Kind::kParagraph;
  block.text = cell.text;
  block.span = cell.span;
  return headings_->ReadCellHeading(block);
}

bool PlanTableReader::ReadHeader(const RowKinds& row) {
  std::vector<PlanColumn> cols(row.kind.size(), PlanColumn::kNone);
  std::map<int, int> years;
  int recognized = 0, nonempty = 0;
  bool has_main = false;
  for (size_t i = 0; i < row.kind.size(); ++i) {
    if (row.blank[i]) continue;
    ++nonempty;
    const int year = row.year[i];
    PlanColumn kind = row.kind[i];
    if (kind == PlanColumn::kActionTitle) kind = PlanColumn::kAction;
    if (kind == PlanColumn::kNone) continue;
    ++recognized;
    if (kind == PlanColumn::kAction || kind == PlanColumn::kOperation) has_main = true;
    if (kind == PlanColumn::kYear) years[static_cast<int>(i)] = year;
    cols[i] = kind;
  }
  if (!has_main || recognized < 2 || recognized * 2 < nonempty) return false;
  grid_ = Grid{};
  grid_.active = true;
  grid_.cols = std::move(cols);
  grid_.years = std::move(years);
  for (size_t i = 0; i < grid_.cols.size(); ++i) {
    const int col = static_cast<int>(i);
    if (grid_.cols[i] == PlanColumn::kAxis && grid_.axis < 0) grid_.axis = col;
    if (grid_.cols[i] == PlanColumn::kObjective && grid_.objective < 0) grid_.objective = col;
    if (grid_.cols[i] == PlanColumn::kAction && grid_.action < 0) grid_.action = col;
    if (grid_.cols[i] == PlanColumn::kOperation && grid_.operation < 0) grid_.operation = col;
    if (grid_.cols[i] == PlanColumn::kCode && grid_.code < 0) grid_.code = col;
  }
  row_orientation_ = -1;
  heading_orientation_ = plan_->ctx.orientation;
  row_action_ = -1;
  last_pilots_.clear();
  last_pilot_action_ = -1;
  return true;
}

bool PlanTableReader::ReadYears(const RowKinds& row) {
  std::map<int, int> years;
  for (size_t i = 0; i < row.kind.size(); ++i) {
    if (row.blank[i]) continue;
    if (row.kind[i] != PlanColumn::kYear) return false;
    years[static_cast<int>(i)] = row.year[i];
  }
  if (years.empty()) return false;
  for (const auto& [col, year] : years) {
    if (col >= static_cast<int>(grid_.cols.size())) grid_.cols.resize(col + 1, PlanColumn::kNone);
    grid_.cols[col] = PlanColumn::kYear;
    grid_.years[col] = year;
  }
  return true;
}

const Cell* PlanTableReader::PlacedRow::At(int col) const {
  const int i = col + shift;
  const int n = static_cast<int>(cells->size());
  return col >= 0 && i >= 0 && i < n && !Blank((*cells)[i].text) ? &(*cells)[i] : nullptr;
}

PlanTableReader::PlacedRow PlanTableReader::Place(const TableRow& row) const {
  PlacedRow r;
  r.cells = &row.cells;
  const int n = static_cast<int>(row.cells.size());
  // The action and operation cells, by their codes.
  for (int i = 0; i < n && r.op_cell < 0; ++i) {
    if (Searchable(i, grid_.operation) &&
        rules_.Search(RuleId::kTableOperationCell, row.cells[i].text, &r.op_match)) {
      r.op_cell = i;
    }
  }
  for (int i = 0; i < (r.op_cell < 0 ? n : r.op_cell) && r.action_cell < 0; ++i) {
    if (Searchable(i, grid_.action) &&
        ParseAction(row.cells[i].text, &r.action_code, &r.action_title)) {
      r.action_cell = i;
    }
  }
  if (r.op_cell >= 0 && grid_.operation >= 0) {
    r.shift = r.op_cell - grid_.operation;
  } else if (r.action_cell >= 0 && grid_.action >= 0) {
    r.shift = r.action_cell - grid_.action;
  }
  return r;
}

void PlanTableReader::ReadRowHeadings(const PlacedRow& row) {
  PlanContext& ctx = plan_->ctx;
  RuleMatch m;
  if (const Cell* c = row.At(grid_.axis)) {
    // A lone lower-case letter ("x") is an axis only with its title ("b/ …").
    if (rules_.Search(RuleId::kTableAxisCell, c->text, &m) &&
        (m.Has("title") || m.Has("word") ||
         !std::islower(static_cast<unsigned char>(m.Get("number")[0])))) {
      row_orientation_ = plan_->AddOrientation(m.Get("number"), CellTitle(m.Get("title")),
                                               ProvenanceIn(*c, 0, c->text.size(), m.rule->name),
                                               PlanSource::kTable);
    }
  }
  if (const Cell* c = row.At(grid_.objective)) {
    const int orientation = row_orientation_ >= 0 ? row_orientation_ : ctx.orientation;
    if (orientation >= 0 && rules_.Search(RuleId::kTableObjectiveCell, c->text, &m)) {
      plan_->AddObjective(orientation, m.Get("number"), CellTitle(m.Get("title")),
                          ProvenanceIn(*c, 0, c->text.size(), m.rule->name), PlanSource::kTable);
    }
  }
}

bool PlanTableReader::ReadRowAction(const PlacedRow& row) {
  const Cell* c = row.At(grid_.action);
  if (c == nullptr) return true;
  OptText code;
  std::string title;
  if (row.action_cell >= 0 && c == &(*row.cells)[row.action_cell]) {
    code = row.action_code;
    title = row.action_title;
  } else {
    ParseAction(c->text, &code, &title);
  }
  // A "N°" column numbers the actions of a grid without operations.
  const Cell* number = grid_.operation < 0 ? row.At(grid_.code) : nullptr;
  RuleMatch m;
  if (!code && number != nullptr && rules_.Search(RuleId::kTableCodeCell, number->text, &m)) {
    code = m.Get("code");
  }
  if (!title.empty()) {
    const int orientation = row_orientation_ >= 0 ? row_orientation_ : plan_->ctx.orientation;
    row_action_ = plan_->AddAction(orientation, row_orientation_ >= 0, code, title,
                                   ProvenanceIn(*c, 0, c->text.size(), RuleId::kTableActionCell),
                                   PlanSource::kTable);
  }
  return false;
}

int PlanTableReader::ReadRowOperation(const PlacedRow& row) {
  const Cell* c = row.At(grid_.operation);
  if (c == nullptr) return -1;
  OptText code;
  std::string title;
  if (row.op_cell >= 0 && c == &(*row.cells)[row.op_cell]) {
    code = row.op_match.Get("code");
    title = CellTitle(row.op_match.Get("title"));
    // The operation's code names its action, whatever the rows above said.
    const Contract& contract = plan_->contract();
    if (row_action_ < 0 || contract.actions[row_action_].code != Parent(*code)) {
      const int orientation = row_orientation_ >= 0 ? row_orientation_ : plan_->ctx.orientation;
      const int other = plan_->FindAction(orientation, false, Parent(*code));
      if (other >= 0) row_action_ = other;
    }
  } else {
    title = CellTitle(c->text);
  }
  if (row_action_ < 0 || title.empty()) return -1;
  return plan_->AddOperation(row_action_, code, title,
                             ProvenanceIn(*c, 0, c->text.size(), RuleId::kTableOperationCell),
                             PlanSource::kTable);
}

void PlanTableReader::ReadGridRow(const TableRow& table_row) {
  const PlacedRow row = Place(table_row);
  // An orientation heading met since (a row spanning the grid, a paragraph
  // between two of its parts) names the orientation of the rows below.
  if (plan_->ctx.orientation != heading_orientation_) {
    row_orientation_ = -1;
    heading_orientation_ = plan_->ctx.orientation;
  }
  ReadRowHeadings(row);
  const bool continues = ReadRowAction(row);
  const int op = ReadRowOperation(row);
  // Neither an action nor an operation: nothing to attach to.
  if (row.At(grid_.operation) == nullptr && grid_.operation >= 0 && continues) return;
  if (row_action_ < 0) return;
  for (size_t col = 0; col < grid_.cols.size(); ++col) {
    const PlanColumn kind = grid_.cols[col];
    if (!IsItemDetail(kind) && kind != PlanColumn::kYear) continue;
    const Cell* c = row.At(static_cast<int>(col));
    static const Cell kEmpty;
    auto year = grid_.years.find(static_cast<int>(col));
    AddCell(kind, year == grid_.years.end() ? 0 : year->second, c ? *c : kEmpty, row_action_, op,
            continues);
  }
}

bool PlanTableReader::Searchable(int i, int col) const {
  // A row is shifted by one column at most, and a code in the axis or
  // objective column ("1.1 Conforter l'offre") is not an action's.
  if (col < 0 || i < col - 1 || i > col + 1) return false;
  if (i < static_cast<int>(grid_.cols.size()) && i != col) {
    const PlanColumn kind = grid_.cols[i];
    if (kind == PlanColumn::kAxis || kind == PlanColumn::kObjective) return false;
  }
  return true;
}

bool PlanTableReader::HasGridCode(const TableRow& row) const {
  RuleMatch m;
  OptText code;
  std::string title;
  for (int i = 0; i < static_cast<int>(row.cells.size()); ++i) {
    const std::string& text = row.cells[i].text;
    if (Searchable(i, grid_.operation) && rules_.Search(RuleId::kTableOperationCell, text, &m)) {
      return true;
    }
    if (Searchable(i, grid_.action) && ParseAction(text, &code, &title)) return true;
  }
  return false;
}

bool PlanTableReader::IsSheetRow(const RowKinds& row) {
  return row.kind.size() >= 2 && row.kind[0] != PlanColumn::kNone;
}

void PlanTableReader::ReadSheetRow(const TableRow& row, PlanColumn kind) {
  std::vector<const Cell*> values;
  for (size_t i = 1; i < row.cells.size(); ++i) values.push_back(&row.cells[i]);
  const Cell* first = nullptr;
  int nonempty = 0;
  for (const Cell* v : values) {
    if (Blank(v->text)) continue;
    if (first == nullptr) first = v;
    ++nonempty;
  }
  if (first == nullptr) return;
  PlanContext& ctx = plan_->ctx;
  RuleMatch m;

  if (kind == PlanColumn::kActionTitle) {
    OptText code;
    std::string title;
    ParseAction(first->text, &code, &title);
    // "Fiche action n°3 | Title": the label holds the code.
    if (!code.has_value() && rules_.Search(RuleId::kTableActionLabel, row.cells[0].text, &m)) {
      code = m.Get("code");
    }
    if (title.empty()) return;
    ctx.action =
        plan_->AddAction(ctx.orientation, false, code, title,
                         ProvenanceIn(*first, 0, first->text.size(), RuleId::kTableColActionTitle),
                         PlanSource::kTable);
    sheet_action_ = ctx.action;
    sheet_ops_.clear();
    return;
  }
  if (kind == PlanColumn::kAxis) {
    // The sheet's axis places its action; it does not become the context
    // of the headings that follow (the next sheet may sit under another).
    if (rules_.Search(RuleId::kTableAxisCell, first->text, &m)) {
      plan_->PlaceAction(ctx.action, plan_->FindOrientation(m.Get("number")));
    }
    return;
  }
  // A heading that names an action starts its sheet; otherwise the sheet
  // read so far goes on.
  if (ctx.action >= 0 && ctx.action != sheet_action_) {
    sheet_action_ = ctx.action;
    sheet_ops_.clear();
  }
  const int action = sheet_action_;
  if (action < 0) return;

  switch (kind) {
    case PlanColumn::kOperation: {
      const std::vector<int> known = plan_->OperationsOf(action);
      sheet_ops_.clear();
      int k = 0;
      for (const Cell* v : values) {
        const std::string title = CellTitle(v->text);
        if (title.empty()) {
          sheet_ops_.push_back(-1);
          continue;
        }
        int o = plan_->FindOperationByTitle(action, title);
        if (o < 0 && static_cast<int>(known.size()) == nonempty) o = known[k];
        if (o < 0 && known.empty()) {
          o = plan_->AddOperation(action, std::nullopt, title,
                                  ProvenanceIn(*v, 0, v->text.size(), RuleId::kTableColOperation),
                                  PlanSource::kTable);
        }
        sheet_ops_.push_back(o);
        ++k;
      }
      return;
    }
    case PlanColumn::kDescription:
      plan_->SetDescription(action, CollapseSpaces(first->text));
      return;
    default: {
      if (!IsItemDetail(kind)) return;
      int mapped = 0;
      for (int o : sheet_ops_) mapped += o >= 0 ? 1 : 0;
      for (size_t j = 0; j < values.size(); ++j) {
        if (Blank(values[j]->text)) continue;
        // One value over several operations is the action's (a merged cell).
        int op = -1;
        if (!(nonempty == 1 && mapped > 1) && j < sheet_ops_.size()) op = sheet_ops_[j];
        AddCell(kind, 0, *values[j], action, op, false);
      }
      return;
    }
  }
}

void PlanTableReader::AddCell(PlanColumn kind, int year, const Cell& cell, int action,
                              int operation, bool continues_pilots) {
  RuleId rule = RuleOf(kind);
  switch (kind) {
    case PlanColumn::kPilot: {
      if (Blank(cell.text)) {
        // A merged pilot cell: the operation above's pilots go on.
        if (continues_pilots && operation >= 0 && last_pilot_action_ == action &&
            !plan_->HasPilots(action, operation)) {
          for (const ActorName& a : last_pilots_) {
            plan_->AddActor(action, operation, ActorRole::kPilot, a.name,
                            ProvenanceIn(last_pilot_cell_, a.start, a.end, rule));
          }
        }
        return;
      }
      std::vector<ActorName> names = SplitActors(cell.text, rules_);
      if (names.empty()) return;
      last_pilots_ = names;
      last_pilot_cell_ = cell;
      last_pilot_action_ = action;
      // Pilots sit where they were first given (FORMAT.md): per operation or
      // per action, and a later table repeating them adds no pilot; its
      // names may still spell the pilots' organisations otherwise.
      if (plan_->PilotsGiven(action, operation)) {
        for (const ActorName& a : names) plan_->AddRepeatedPilotName(a.name);
        return;
      }
      for (const ActorName& a : names) {
        plan_->AddActor(action, operation, ActorRole::kPilot, a.name,
                        ProvenanceIn(cell, a.start, a.end, rule));
      }
      return;
    }
    case PlanColumn::kPartner:
    case PlanColumn::kFunder: {
      const ActorRole role =
          kind == PlanColumn::kPartner ? ActorRole::kPartner : ActorRole::kFunder;
      for (const ActorName& a : SplitActors(cell.text, rules_)) {
        plan_->AddActor(action, operation, role, a.name, ProvenanceIn(cell, a.start, a.end, rule));
      }
      return;
    }
    case PlanColumn::kIndicatorQuantitative:
    case PlanColumn::kIndicatorQualitative:
    case PlanColumn::kIndicator: {
      const IndicatorKind k =
          kind == PlanColumn::kIndicatorQuantitative  ? IndicatorKind::kQuantitative
          : kind == PlanColumn::kIndicatorQualitative ? IndicatorKind::kQualitative
                                                      : IndicatorKind::kOther;
      for (const auto& [s, e] : IndicatorPieces(cell.text)) {
        plan_->AddIndicator(action, operation, k, CleanPlanText(cell.text.substr(s, e - s)),
                            ProvenanceIn(cell, s, e, rule));
      }
      return;
    }
    case PlanColumn::kCalendar: {
      for (const auto& [s, e] : Pieces(cell.text)) {
        const std::string text = CleanPlanText(cell.text.substr(s, e - s));
        const Provenance prov = ProvenanceIn(cell, s, e, rule);
        for (const OptInt& y : ScheduleYears(text)) {
          plan_->AddSchedule(action, operation, y, text, prov);
        }
      }
      return;
    }
    case PlanColumn::kYear: {
      if (Blank(cell.text)) return;
      plan_->AddSchedule(action, operation, year > 0 ? OptInt(year) : std::nullopt,
                         CleanPlanText(cell.text), ProvenanceIn(cell, 0, cell.text.size(), rule));
      return;
    }
    default:
      return;
  }
}

}  // namespace clsdb
