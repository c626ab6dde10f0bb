// plan_tables: the action-plan tables of a contract (rules/tables.rules).
//
// In:  the contract's tables, in reading order, and the context the
//      headings left in the PlanBuilder.
// Out: actions, operations and their actors (pilots, partners, funders),
//      indicators and schedule, added to the PlanBuilder.
//
// Two shapes are read, both by what their header cells or row labels say,
// never by column position alone:
//   - a grid: a header row naming its columns (`Axe | Intitulé des actions |
//     Intitulé des opérations | Pilote | Années`, `Intitulé des actions |
//     Intitulé des opérations | Porteurs`), possibly a row of years below
//     it, then one row per operation.  A row may be shifted by a column (a
//     converter quirk): its action and operation cells are found by their
//     codes and the other columns follow them.  An empty action cell
//     continues the action above; an empty pilot cell on such a row
//     continues the pilots above (a merged cell).  Pilots go to the
//     operation when the grid has an operation column, else to the action.
//     An objective column ("Objectif opérationnel") gives the orientation's
//     objectives.
//   - an action sheet: label / value rows (`Intitulé de l'action | FA 1.2 :
//     …`, `Opérations nécessaires à l'action | op 1 | op 2`, `Porteur
//     /pilote | X | Y`), one value column per operation; a sheet may run over
//     several tables (page breaks).  Its operations are matched to the
//     action's known ones by title (then by position); its pilots only fill
//     in where no earlier table gave any.
// Titles read from cells lose the description after a colon ("1.1.1.
// Recenser les locaux pour les PS: - logements …" → "Recenser les locaux
// pour les PS"), by rule plan.description_cut.
#ifndef CLSDB_EXTRACT_PLAN_TABLES_H_
#define CLSDB_EXTRACT_PLAN_TABLES_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extract/plan_builder.h"
#include "extract/plan_headings.h"
#include "layout/layout.h"
#include "rules/rule_set.h"

namespace clsdb {

// What a header cell or a row label names (rules "table.col.*").
enum class PlanColumn {
  kNone,
  kActionTitle,
  kCode,  // "N°": the code of the row's action, its title in the action column
  kAxis,
  kObjective,
  kAction,
  kOperation,
  kPilot,
  kPartner,
  kFunder,
  kPublic,
  kSector,
  kIndicatorQuantitative,
  kIndicatorQualitative,
  kIndicator,
  kYear,
  kCalendar,
  kDescription,
  kOther,
};

// The kind of column a header cell names; *year is set for a year column.
PlanColumn ClassifyPlanHeader(const std::string& cell, const RuleSet& rules, int* year);

class PlanTableReader {
 public:
  // REQUIRES: rules, plan and headings outlive the reader.  A row whose
  // only filled cell is its first goes to `headings` first (a heading drawn
  // in a box, a grid row spanning all columns).
  PlanTableReader(const RuleSet& rules, PlanBuilder* plan, PlanHeadingReader* headings);

  void Read(const Table& table);
  // The plan's context was closed (an article or annex heading): a grid
  // does not go on past it.  Otherwise a table without a header row goes on
  // with the grid above when its first row has an action or operation code.
  void EndGrid() { grid_.active = false; }
  // The plan's context was closed (an article or annex heading): an action
  // sheet does not go on past it.
  void EndSheet() {
    sheet_action_ = -1;
    sheet_ops_.clear();
  }

 private:
  struct Grid {
    bool active = false;
    std::vector<PlanColumn> cols;
    std::map<int, int> years;  // column → year
    int axis = -1, objective = -1, action = -1, operation = -1, code = -1;
  };

  // A row of a grid, placed: the cells it found its action and operation
  // codes in, and how far those sit from the grid's columns.
  struct PlacedRow {
    const std::vector<Cell>* cells = nullptr;
    int shift = 0;
    int op_cell = -1, action_cell = -1;  // where the codes were found, or -1
    RuleMatch op_match;
    OptText action_code;
    std::string action_title;
    // The row's cell under grid column col, or nullptr when blank.
    const Cell* At(int col) const;
  };

  // What each cell of a row names (ClassifyPlanHeader); kNone and no year
  // for a blank cell.
  struct RowKinds {
    std::vector<PlanColumn> kind;
    std::vector<int> year;  // for a kYear cell
    std::vector<bool> blank;
  };
  RowKinds ClassifyRow(const TableRow& row) const;

  bool IsCellHeading(const TableRow& row);
  bool ReadHeader(const RowKinds& row);
  bool ReadYears(const RowKinds& row);
  void ReadGridRow(const TableRow& row);
  PlacedRow Place(const TableRow& row) const;
  void ReadRowHeadings(const PlacedRow& row);
  // Whether the row continues the action above (it names none).
  bool ReadRowAction(const PlacedRow& row);
  // The operation the row adds, or -1.
  int ReadRowOperation(const PlacedRow& row);
  // A row whose first cell names what the others hold (kind).
  void ReadSheetRow(const TableRow& row, PlanColumn kind);
  static bool IsSheetRow(const RowKinds& row);
  // Whether a row has an action or operation code where the grid has those
  // columns.
  bool HasGridCode(const TableRow& row) const;

  // The cell's own kind of content, added to the target: pilots, partners,
  // funders, indicators or schedule.
  void AddCell(PlanColumn kind, int year, const Cell& cell, int action, int operation,
               bool continues_pilots);
  std::string CellTitle(const std::string& text) const;
  // The years of a calendar piece: each year of a range it gives, else its
  // one year, else none ({nullopt}).
  std::vector<OptInt> ScheduleYears(const std::string& text) const;
  // The byte ranges of the indicators of a cell: its lines, its parts
  // between ';', and what the "table.indicator_split.*" rules cut.
  std::vector<std::pair<size_t, size_t>> IndicatorPieces(const std::string& text) const;
  // An action cell's code and title ("1.2. Title", "FA 1.2 : Title",
  // "Action 3 : Title"); false, with the cell as title, when it has no code.
  bool ParseAction(const std::string& text, OptText* code, std::string* title) const;

  // Whether cell i of a row may be the cell of column col (the action or
  // operation column): at most one column away (a shifted row), and not in
  // the axis or objective column.
  bool Searchable(int i, int col) const;

  const RuleSet& rules_;
  PlanBuilder* plan_;
  PlanHeadingReader* headings_;
  Grid grid_;
  // Grid rows: what the rows above set.
  int row_orientation_ = -1;
  int heading_orientation_ = -1;  // ctx.orientation when row_orientation_ was set
  int row_action_ = -1;
  std::vector<ActorName> last_pilots_;
  Cell last_pilot_cell_;
  int last_pilot_action_ = -1;
  // Sheet rows: the action of the sheet being read (it goes on past the
  // orientation headings a page break repeats), and the operation of each
  // of its value columns.
  int sheet_action_ = -1;
  std::vector<int> sheet_ops_;
};

}  // namespace clsdb

#endif  // CLSDB_EXTRACT_PLAN_TABLES_H_
