// clsdb export --format tet-plan: the file Territoires en Transitions
// imports, read back with openpyxl and held to what the platform's parser
// (apps/backend/src/plans/fiches/import/parsers/excel-parser.ts and
// schemas/fiche-import.schema.ts) checks.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "export_fixture.h"

namespace clsdb {
namespace {

using testing::Clsdb;
using testing::CorpusDb;
using testing::Query;

// The platform's checks, in python3 + openpyxl, on the workbook argv[1]:
// the sheet is the one whose A2 is "Axe (x)"; row 2 holds the 27 labels in
// the platform's order (compared trimmed); rows from 4 are fiches, each
// with a title that is text and not blank; list columns (structures,
// partners) are text; amounts and budget are numbers; dates are dates.
// Prints the fiches as JSON, or the first failure on stderr (exit 1).
constexpr const char* kCheckPlan = R"py(
import datetime, json, sys
import openpyxl
LABELS = ['Axe (x)', 'Sous-axe (x.x)', 'Sous-sous axe (x.x.x)', 'Titre de la fiche action',
          'Descriptif', 'Instances de gouvernance', 'Objectifs', 'Indicateurs liés',
          'Structure pilote', 'Moyens humains et techniques', 'Partenaires',
          'Direction ou service pilote', 'Personne pilote', 'Élu·e référent·e',
          'Participation Citoyenne', 'Financements', 'Financeur 1', 'Montant € HT',
          'Financeur 2', 'Montant € HT', 'Financeur 3', 'Montant € HT',
          'Budget prévisionnel total € HT', 'Statut', 'Niveau de priorité', 'Date de début',
          'Date de fin']
def die(msg):
    print(msg, file=sys.stderr)
    sys.exit(1)
book = openpyxl.load_workbook(sys.argv[1])
sheets = [s for s in book.worksheets if s['A2'].value == LABELS[0]]
if not sheets:
    die("L'onglet des données n'a pas été trouvé")
sheet = sheets[0]
header = [sheet.cell(row=2, column=i + 1).value for i in range(len(LABELS))]
for i, label in enumerate(LABELS):
    if str(header[i] if header[i] is not None else '').strip() != label:
        die('column %d should be %r, not %r' % (i + 1, label, header[i]))
fiches = []
for r, row in enumerate(sheet.iter_rows(min_row=4, values_only=True), start=4):
    if all(v is None for v in row):
        continue
    row = list(row) + [None] * (len(LABELS) - len(row))
    title = row[3]
    if not isinstance(title, str) or not title.strip():
        die('row %d: Le titre est obligatoire' % r)
    for i in (0, 1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 23, 24):
        if row[i] is not None and not isinstance(row[i], str):
            die('row %d column %r: text expected, got %r' % (r, LABELS[i], row[i]))
    for i in (17, 19, 21, 22):
        if row[i] is not None and not isinstance(row[i], (int, float)):
            die('row %d column %r: a number expected' % (r, LABELS[i]))
    for i in (25, 26):
        if row[i] is not None and not isinstance(row[i], datetime.datetime):
            die('row %d column %r: a date expected, got %r' % (r, LABELS[i], row[i]))
    if row[25] and row[26] and row[26] < row[25]:
        die('row %d: ends before it starts' % r)
    fiches.append({'axis': [a for a in row[0:3] if a], 'title': title.strip(),
                   'pilots': [p.strip() for p in (row[8] or '').split(',') if p.strip()],
                   'partners': [p.strip() for p in (row[10] or '').split(',') if p.strip()],
                   'start': str(row[25].date()) if row[25] else None})
print(json.dumps(fiches, ensure_ascii=False))
)py";

TEST_CASE("the TeT plan of a contract passes the platform's parser checks", "[export][tet]") {
  const std::string& db = CorpusDb();
  testing::TempDir dir;
  // The contract with the most pilots named: the one whose plan has the most
  // to carry.
  const auto best = Query(db,
                          "SELECT c.id, count(ac.id) AS n FROM contracts c JOIN actors ac ON "
                          "ac.contract_id = c.id AND ac.role = 'pilot' GROUP BY c.id "
                          "ORDER BY n DESC, c.id LIMIT 1");
  REQUIRE(best.size() == 1);
  const std::string contract = best[0][0];
  const std::string out = dir / "plan.xlsx";
  const auto r =
      Clsdb("export --db " + db + " --format tet-plan --contract " + contract + " --out " + out);
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string script = dir.Write("check.py", kCheckPlan);
  const auto check = testing::Run("/usr/bin/python3 " + script + " " + out);
  INFO(check.output);
  REQUIRE(check.code == 0);
  const auto fiches = nlohmann::json::parse(check.output);
  // One fiche per action, in order, under its orientation, with its pilots.
  const auto actions =
      Query(db,
            "SELECT a.id, a.title, coalesce(o.title, ''), a.code FROM actions a LEFT JOIN "
            "orientations o ON o.id = a.orientation_id WHERE a.contract_id = " +
                contract + " ORDER BY a.id");
  REQUIRE(fiches.size() == actions.size());
  int with_pilots = 0, dated = 0;
  for (size_t i = 0; i < actions.size(); ++i) {
    const auto& fiche = fiches[i];
    with_pilots += fiche["pilots"].empty() ? 0 : 1;
    dated += fiche["start"].is_null() ? 0 : 1;
    const std::string title = actions[i][1].empty() ? "Action " + actions[i][3] : actions[i][1];
    CHECK(fiche["title"].get<std::string>() == title);
    if (!actions[i][2].empty()) {
      REQUIRE(fiche["axis"].size() == 1);
      const std::string axis = fiche["axis"][0].get<std::string>();
      CHECK(axis.size() >= actions[i][2].size());
      CHECK(axis.compare(axis.size() - actions[i][2].size(), std::string::npos, actions[i][2]) ==
            0);
    }
    for (const auto& pilot :
         Query(db, "SELECT DISTINCT name FROM actors WHERE role = 'pilot' AND (action_id = " +
                       actions[i][0] +
                       " OR operation_id IN (SELECT id FROM operations WHERE action_id = " +
                       actions[i][0] + ")) AND name NOT LIKE '%,%'")) {
      bool listed = false;
      for (const auto& p : fiche["pilots"]) listed = listed || p.get<std::string>() == pilot[0];
      CHECK(listed);
    }
  }
  CHECK(with_pilots > 0);
  CHECK(dated > 0);
  CHECK(Clsdb("export --db " + db + " --format tet-plan --contract 999999 --out " +
              (dir / "none.xlsx"))
            .code == 2);
  CHECK(Clsdb("export --db " + db + " --format tet-plan --contract " + contract).code == 2);
}

}  // namespace
}  // namespace clsdb
