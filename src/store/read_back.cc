// Store's read side: the stored rows back into model/records.h values, for
// check/ and tests.  Kept apart from the writer (store.cc) because it owns
// no prepared statement of the Store: reads are rare, so each call prepares
// and finalizes its own.
#include <sqlite3.h>

#include <map>
#include <type_traits>
#include <utility>
#include <variant>

#include "store/record_tables.h"
#include "store/statement.h"
#include "store/store.h"

namespace clsdb {

using namespace store_internal;  // NOLINT: store/'s own

namespace {

// The four provenance columns page, span_start, span_end, rule from col.
Provenance ReadProvenance(const Statement& q, int col) {
  Provenance p;
  p.page = q.IsNull(col) ? 1 : static_cast<int>(q.Int(col));
  p.span_start = static_cast<int>(q.Int(col + 1));
  p.span_end = static_cast<int>(q.Int(col + 2));
  p.rule = q.Text(col + 3);
  return p;
}

template <typename T>
void ReadValue(const Statement& q, int col, T* out) {
  if constexpr (std::is_same_v<T, std::string>) {
    *out = q.Text(col);
  } else if constexpr (std::is_same_v<T, OptText>) {
    *out = q.OptionalText(col);
  } else if constexpr (std::is_same_v<T, OptInt>) {
    *out = q.OptionalInt(col);
  } else if constexpr (std::is_enum_v<T>) {
    // The schema's CHECK admits only the words of core/kinds.h.
    *out = Parse<T>(q.Text(col)).value_or(T{});
  } else {
    static_assert(std::is_same_v<T, int>);
    *out = q.IsNull(col) ? 0 : static_cast<int>(q.Int(col));
  }
}

// Where a stored row sits in the DocumentRecords being rebuilt: its contract
// (-1 for the document's own rows) and its index among its kind.
struct Slot {
  int contract = -1;
  int index = -1;
};

// Rebuilds one document's records, table by table, parents first: the ids of
// the rows read so far turn the next tables' links back into indexes.
class RecordReader {
 public:
  RecordReader(sqlite3* db, long long document_id, DocumentRecords* records)
      : db_(db), document_id_(document_id), r_(records) {}

  // Appends the document's rows of table to their containers.  A row whose
  // container is not there (a link the schema cannot forbid) is left out.
  template <typename R>
  Status Read(const RecordTable<R>& table) {
    Statement q(db_, SelectSql(table));
    q.Bind(1, document_id_);
    while (q.Next()) {
      R row;
      std::vector<long long> ids;
      int col = 1;
      for (size_t i = 0; i < table.ids.size(); ++i) ids.push_back(q.IdOrNone(col++));
      for (const Column<R>& c : table.columns) {
        std::visit([&](auto member) { ReadValue(q, col++, &(row.*member)); }, c.member);
      }
      if constexpr (requires { row.prov; }) {
        if (table.provenance) row.prov = ReadProvenance(q, col);
      }
      int contract = -1;
      std::vector<R>* rows = Container(table, ids, &contract);
      if (rows == nullptr) continue;
      for (size_t i = 0; i < table.ids.size(); ++i) {
        if (table.ids[i].index == nullptr) continue;
        row.*table.ids[i].index = IndexIn(table.ids[i].parent, ids[i], contract);
      }
      if (table.self != Parent::kNone) {
        ids_[static_cast<int>(table.self)][q.Int(0)] = {contract, static_cast<int>(rows->size())};
      }
      rows->push_back(std::move(row));
    }
    return q.status();
  }

 private:
  Slot Find(Parent parent, long long id) const {
    const auto& ids = ids_[static_cast<int>(parent)];
    const auto it = ids.find(id);
    return it == ids.end() ? Slot{} : it->second;
  }

  // The index of id among contract's rows of parent, or -1 when it is
  // absent or in another contract.
  int IndexIn(Parent parent, long long id, int contract) const {
    if (id < 0) return -1;
    const Slot s = Find(parent, id);
    return s.contract == contract ? s.index : -1;
  }

  // The vector a row of table with these id column values goes into (and
  // its contract in *contract), or nullptr.
  template <typename R>
  std::vector<R>* Container(const RecordTable<R>& table, const std::vector<long long>& ids,
                            int* contract) {
    auto id_of = [&](Parent parent, bool container) -> long long {
      for (size_t i = 0; i < table.ids.size(); ++i) {
        if (table.ids[i].parent == parent && (table.ids[i].index == nullptr) == container) {
          return ids[i];
        }
      }
      return -2;  // no such column
    };
    if (const auto* in_document = std::get_if<0>(&table.rows)) return &(r_->**in_document);
    if (const auto* in_deliberation = std::get_if<1>(&table.rows)) {
      const long long id = id_of(Parent::kDeliberation, true);
      const int d =
          id >= 0 ? Find(Parent::kDeliberation, id).index : (r_->deliberations.empty() ? -1 : 0);
      return d < 0 ? nullptr : &(r_->deliberations[d].**in_deliberation);
    }
    if (const long long id = id_of(Parent::kContract, true); id != -2) {
      *contract = Find(Parent::kContract, id).index;
    } else {
      // Through the operation, else the action.
      const long long operation = id_of(Parent::kOperation, false);
      const long long action = id_of(Parent::kAction, false);
      Slot s;
      if (operation >= 0) s = Find(Parent::kOperation, operation);
      if (s.contract < 0 && action >= 0) s = Find(Parent::kAction, action);
      *contract = s.contract;
    }
    if (*contract < 0) return nullptr;
    return &(r_->contracts[*contract].*std::get<2>(table.rows));
  }

  sqlite3* db_;
  const long long document_id_;
  DocumentRecords* r_;
  std::map<long long, Slot> ids_[kParents];
};

}  // namespace

Result<std::vector<Store::StoredDocument>> Store::ListDocuments() {
  Statement q(db_,
              "SELECT id, sha256, path, format, doc_type, status, error, title, page_count "
              "FROM documents ORDER BY id");
  std::vector<StoredDocument> docs;
  while (q.Next()) {
    StoredDocument d;
    d.id = q.Int(0);
    d.sha256 = q.Text(1);
    d.path = q.Text(2);
    // The schema's CHECKs admit only the words of core/kinds.h.
    d.format = Parse<SourceFormat>(q.Text(3)).value_or(SourceFormat::kText);
    d.doc_type = Parse<DocumentType>(q.Text(4)).value_or(DocumentType::kOther);
    d.status = Parse<DocumentStatus>(q.Text(5)).value_or(DocumentStatus::kFailed);
    d.error = q.Text(6);
    d.title = q.OptionalText(7);
    d.page_count = static_cast<int>(q.Int(8));
    docs.push_back(std::move(d));
  }
  if (!q.status().ok()) return q.status();
  return docs;
}

Result<Store::ContractLocation> Store::LocateContract(long long contract_id) {
  // ReadRecords orders a document's contracts by id: the index is the
  // number of the document's contracts with a smaller id.
  Statement q(db_,
              "SELECT c.document_id, (SELECT count(*) FROM contracts o WHERE o.document_id = "
              "c.document_id AND o.id < c.id) FROM contracts c WHERE c.id = ?");
  q.Bind(1, contract_id);
  if (!q.Next()) {
    if (!q.status().ok()) return q.status();
    return Status::NotFound("no contract with id " + std::to_string(contract_id));
  }
  return ContractLocation{q.Int(0), static_cast<int>(q.Int(1))};
}

Result<std::vector<long long>> Store::ContractIds(long long document_id) {
  Statement q(db_, "SELECT id FROM contracts WHERE document_id = ? ORDER BY id");
  q.Bind(1, document_id);
  std::vector<long long> ids;
  while (q.Next()) ids.push_back(q.Int(0));
  if (!q.status().ok()) return q.status();
  return ids;
}

Result<std::vector<std::string>> Store::ReadPages(long long document_id) {
  Statement q(db_, "SELECT text FROM pages WHERE document_id = ? ORDER BY page_no");
  q.Bind(1, document_id);
  std::vector<std::string> pages;
  while (q.Next()) pages.push_back(q.Text(0));
  if (!q.status().ok()) return q.status();
  return pages;
}

Result<DocumentRecords> Store::ReadRecords(long long document_id) {
  DocumentRecords r;
  {
    Statement q(db_, "SELECT doc_type, title FROM documents WHERE id = ?");
    q.Bind(1, document_id);
    if (!q.Next()) {
      if (!q.status().ok()) return q.status();
      return Status::NotFound("store: no document with id " + std::to_string(document_id));
    }
    r.doc_type = Parse<DocumentType>(q.Text(0)).value_or(DocumentType::kOther);
    r.title = q.OptionalText(1);
  }
  // Parents before the children that link to them.
  RecordReader reader(db_, document_id, &r);
  for (Status s :
       {reader.Read(kContractTable), reader.Read(kDeliberationTable), reader.Read(kAttendeeTable),
        reader.Read(kLegalRefTable), reader.Read(kDeliberationContractTable),
        reader.Read(kTransmissionTable), reader.Read(kOrganizationTable),
        reader.Read(kOrganizationAliasTable), reader.Read(kPartyTable), reader.Read(kArticleTable),
        reader.Read(kOrientationTable), reader.Read(kObjectiveTable), reader.Read(kActionTable),
        reader.Read(kOperationTable), reader.Read(kActorTable), reader.Read(kIndicatorTable),
        reader.Read(kScheduleTable), reader.Read(kGlossaryTable), reader.Read(kDiagnosticTable)}) {
    if (!s.ok()) return s;
  }
  return r;
}

}  // namespace clsdb
