#include "export/tet_plan.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include "export/output_file.h"
#include "export/xlsx_book.h"
#include "store/store.h"

namespace clsdb {

namespace {

// Appends name to a ", "-separated list unless it is there already.
void AddName(const std::string& name, std::vector<std::string>* names) {
  if (name.empty() || std::find(names->begin(), names->end(), name) != names->end()) return;
  names->push_back(name);
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::vector<TetFiche> TetFiches(const Contract& contract) {
  std::vector<TetFiche> fiches;
  for (size_t a = 0; a < contract.actions.size(); ++a) {
    const Action& action = contract.actions[a];
    const int index = static_cast<int>(a);
    TetFiche fiche;
    if (action.orientation_index >= 0 &&
        action.orientation_index < static_cast<int>(contract.orientations.size())) {
      const Orientation& o = contract.orientations[action.orientation_index];
      fiche.axis = o.number.empty() ? o.title : o.number + ". " + o.title;
    }
    fiche.title = action.title;
    if (fiche.title.empty()) fiche.title = "Action " + action.code.value_or(std::to_string(a + 1));
    fiche.description = action.description.value_or("");
    // The operations of the action, and which of them are its own.
    std::set<int> operations;
    for (size_t o = 0; o < contract.operations.size(); ++o) {
      const Operation& op = contract.operations[o];
      if (op.action_index != index) continue;
      operations.insert(static_cast<int>(o));
      if (!fiche.description.empty()) fiche.description += "\n";
      fiche.description += "- " + (op.code ? *op.code + " " : std::string()) + op.title;
    }
    auto belongs = [&](int action_index, int operation_index) {
      return action_index == index || operations.count(operation_index) > 0;
    };
    std::vector<std::string> pilots, partners, funders;
    for (const Actor& actor : contract.actors) {
      if (!belongs(actor.action_index, actor.operation_index)) continue;
      if (actor.role == ActorRole::kPilot) AddName(actor.name, &pilots);
      if (actor.role == ActorRole::kPartner) AddName(actor.name, &partners);
      if (actor.role == ActorRole::kFunder) AddName(actor.name, &funders);
    }
    fiche.pilots = Join(pilots);
    fiche.partners = Join(partners);
    fiche.funders = Join(funders);
    long long first = 0, last = 0;
    for (const ScheduleEntry& entry : contract.schedule) {
      if (!entry.year || !belongs(entry.action_index, entry.operation_index)) continue;
      if (first == 0 || *entry.year < first) first = *entry.year;
      if (last == 0 || *entry.year > last) last = *entry.year;
    }
    if (first == 0) {
      first = contract.period_start.value_or(0);
      last = contract.period_end.value_or(0);
    }
    // Years outside what a contract can span are misreadings.
    if (first >= 1900 && first <= 2200) fiche.start_date = std::to_string(first) + "-01-01";
    if (last >= 1900 && last <= 2200 && last >= first) {
      fiche.end_date = std::to_string(last) + "-12-31";
    }
    fiches.push_back(std::move(fiche));
  }
  return fiches;
}

Result<TetPlanReport> ExportTetPlan(const std::string& db_path, long long contract_id,
                                    const std::string& out) {
  namespace fs = std::filesystem;
  if (out.empty() || out == "-") return Status::InvalidArgument("tet-plan needs --out FILE");
  std::error_code ec;
  if (!fs::is_regular_file(db_path, ec)) return Status::NotFound(db_path + ": no such database");
  Result<std::unique_ptr<Store>> store = Store::Open(db_path);
  if (!store.ok()) return store.status();
  Result<Store::ContractLocation> where = (*store)->LocateContract(contract_id);
  if (!where.ok()) return where.status().WithPrefix(db_path);
  Result<DocumentRecords> records = (*store)->ReadRecords(where->document_id);
  if (!records.ok()) return records.status();
  if (where->index >= static_cast<int>(records->contracts.size())) {
    return Status::Internal("contract " + std::to_string(contract_id) + " was not read back");
  }
  const Contract& contract = records->contracts[where->index];
  const std::vector<TetFiche> fiches = TetFiches(contract);

  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(out);
  if (!file.ok()) return file.status();
  (*file)->ReleaseStream();
  fs::path folder = fs::path(out).parent_path();
  if (folder.empty()) folder = ".";
  {
    XlsxBook book((*file)->temporary_path(), folder.string());
    if (Status s = book.AddSheet("Plan d'action"); !s.ok()) return s;
    auto text = [&](long long row, int col, const std::string& value, bool bold = false) {
      return book.WriteText(row, col, value, bold).status();
    };
    // Row 1: what the plan is; row 3 is left empty (the platform's own
    // template puts guidance there, and skips it).
    if (Status s = text(0, 0, contract.title.empty() ? "Plan d'action" : contract.title, true);
        !s.ok()) {
      return s;
    }
    for (size_t c = 0; c < kTetColumns.size(); ++c) {
      if (Status s = text(kTetHeaderRow - 1, static_cast<int>(c), kTetColumns[c], true); !s.ok()) {
        return s;
      }
      book.SetColumnWidth(static_cast<int>(c), c == 3 || c == 4 ? 60 : 20);
    }
    long long row = kTetFirstDataRow - 1;
    for (const TetFiche& f : fiches) {
      const std::pair<int, const std::string*> cells[] = {
          {0, &f.axis},   {3, &f.title},     {4, &f.description},
          {8, &f.pilots}, {10, &f.partners}, {15, &f.funders},
      };
      for (const auto& [col, value] : cells) {
        if (Status s = text(row, col, *value); !s.ok()) return s;
      }
      if (!f.start_date.empty()) {
        if (Status s = book.WriteDate(row, 25, f.start_date); !s.ok()) return s;
      }
      if (!f.end_date.empty()) {
        if (Status s = book.WriteDate(row, 26, f.end_date); !s.ok()) return s;
      }
      ++row;
    }
    book.FreezeHeader(kTetHeaderRow);
    if (Status s = book.Close(); !s.ok()) return s.WithPrefix(out);
  }
  if (Status s = (*file)->Commit(); !s.ok()) return s;
  return TetPlanReport{contract.title, static_cast<int>(fiches.size())};
}

}  // namespace clsdb
