// Store's read side: the stored rows back into model/records.h values, for
// check/ and tests.  Kept apart from the writer (store.cc) because it owns
// no prepared statement of the Store: reads are rare, so each call prepares
// and finalizes its own.
#include <sqlite3.h>

#include <map>
#include <utility>

#include "store/store.h"

namespace clsdb {

namespace {

// One prepared statement, finalized on scope exit.
class Query {
 public:
  Query(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      status_ =
          Status::Internal(std::string("store: cannot prepare a read: ") + sqlite3_errmsg(db));
      stmt_ = nullptr;
    }
  }
  ~Query() { sqlite3_finalize(stmt_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  const Status& status() const { return status_; }

  void Bind(int index, long long value) {
    if (stmt_ != nullptr) sqlite3_bind_int64(stmt_, index, value);
  }

  // Advances to the next row; false at the end or on error (see status()).
  bool Next() {
    if (stmt_ == nullptr) return false;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE && status_.ok()) {
      status_ = Status::IOError(std::string("store: read failed: ") + sqlite3_errmsg(db_));
    }
    return false;
  }

  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  long long Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p == nullptr ? std::string() : std::string(p, sqlite3_column_bytes(stmt_, col));
  }
  OptText OptionalText(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Text(col);
  }
  OptInt OptionalInt(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Int(col);
  }
  // -1 for NULL: the index-link convention of model/records.h.
  long long IdOrNone(int col) const { return IsNull(col) ? -1 : Int(col); }
  // The four provenance columns page, span_start, span_end, rule from col.
  Provenance Prov(int col) const {
    Provenance p;
    p.page = IsNull(col) ? 1 : static_cast<int>(Int(col));
    p.span_start = static_cast<int>(Int(col + 1));
    p.span_end = static_cast<int>(Int(col + 2));
    p.rule = Text(col + 3);
    return p;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

// head + the provenance columns of the table aliased `alias` (empty: the
// only table) + tail.  Joined tables all have a page column: qualify it.
std::string Sql(const std::string& head, const std::string& tail, const std::string& alias = "") {
  const std::string q = alias.empty() ? "" : alias + ".";
  return head + ", " + q + "page, " + q + "span_start, " + q + "span_end, " + q + "rule " + tail;
}

// Where a stored row sits in the DocumentRecords being rebuilt.
struct Slot {
  int contract = -1;
  int index = -1;
};

Slot Find(const std::map<long long, Slot>& ids, long long id) {
  const auto it = ids.find(id);
  return it == ids.end() ? Slot{} : it->second;
}

// The index of id among a contract's rows, or -1 when it is absent or in
// another contract (a link the schema cannot forbid).
int IndexIn(const std::map<long long, Slot>& ids, long long id, int contract) {
  if (id < 0) return -1;
  const Slot s = Find(ids, id);
  return s.contract == contract ? s.index : -1;
}

}  // namespace

Result<std::vector<Store::StoredDocument>> Store::ListDocuments() {
  Query q(db_,
          "SELECT id, sha256, path, format, doc_type, status, error, title, page_count "
          "FROM documents ORDER BY id");
  std::vector<StoredDocument> docs;
  while (q.Next()) {
    StoredDocument d;
    d.id = q.Int(0);
    d.sha256 = q.Text(1);
    d.path = q.Text(2);
    d.format = q.Text(3);
    d.doc_type = q.Text(4);
    d.status = q.Text(5);
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
  Query q(db_,
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
  Query q(db_, "SELECT id FROM contracts WHERE document_id = ? ORDER BY id");
  q.Bind(1, document_id);
  std::vector<long long> ids;
  while (q.Next()) ids.push_back(q.Int(0));
  if (!q.status().ok()) return q.status();
  return ids;
}

Result<std::vector<std::string>> Store::ReadPages(long long document_id) {
  Query q(db_, "SELECT text FROM pages WHERE document_id = ? ORDER BY page_no");
  q.Bind(1, document_id);
  std::vector<std::string> pages;
  while (q.Next()) pages.push_back(q.Text(0));
  if (!q.status().ok()) return q.status();
  return pages;
}

Result<DocumentRecords> Store::ReadRecords(long long document_id) {
  DocumentRecords r;
  {
    Query q(db_, "SELECT doc_type, title FROM documents WHERE id = ?");
    q.Bind(1, document_id);
    if (!q.Next()) {
      if (!q.status().ok()) return q.status();
      return Status::NotFound("store: no document with id " + std::to_string(document_id));
    }
    r.doc_type = q.IsNull(0) ? "other" : q.Text(0);
    r.title = q.OptionalText(1);
  }

  // Parents before children, each in id order (the order they were written),
  // so that child links can be turned back into indexes.
  std::map<long long, int> contract_ids, deliberation_ids;
  std::map<long long, Slot> orientation_ids, action_ids, operation_ids;

  {
    Query q(db_, Sql("SELECT id, title, territory, territory_acronym, generation, period_start, "
                     "period_end, signed_place, signed_date, population, communes",
                     "FROM contracts WHERE document_id = ? ORDER BY id")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      Contract c;
      c.title = q.Text(1);
      c.territory = q.OptionalText(2);
      c.territory_acronym = q.OptionalText(3);
      c.generation = q.OptionalInt(4);
      c.period_start = q.OptionalInt(5);
      c.period_end = q.OptionalInt(6);
      c.signed_place = q.OptionalText(7);
      c.signed_date = q.OptionalText(8);
      c.population = q.OptionalInt(9);
      c.communes = q.OptionalInt(10);
      c.prov = q.Prov(11);
      contract_ids[q.Int(0)] = static_cast<int>(r.contracts.size());
      r.contracts.push_back(std::move(c));
    }
    if (!q.status().ok()) return q.status();
  }
  auto contract_of = [&](long long id) {
    const auto it = contract_ids.find(id);
    return it == contract_ids.end() ? -1 : it->second;
  };

  {
    Query q(db_, Sql("SELECT id, body, number, meeting_date, title, president, secretary, "
                     "votes_for, votes_against, votes_abstention, votes_absent, votes_text, "
                     "outcome, signed_place, signed_date",
                     "FROM deliberations WHERE document_id = ? ORDER BY id")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      Deliberation d;
      d.body = q.OptionalText(1);
      d.number = q.OptionalText(2);
      d.meeting_date = q.OptionalText(3);
      d.title = q.OptionalText(4);
      d.president = q.OptionalText(5);
      d.secretary = q.OptionalText(6);
      d.votes_for = q.OptionalInt(7);
      d.votes_against = q.OptionalInt(8);
      d.votes_abstention = q.OptionalInt(9);
      d.votes_absent = q.OptionalInt(10);
      d.votes_text = q.OptionalText(11);
      d.outcome = q.OptionalText(12);
      d.signed_place = q.OptionalText(13);
      d.signed_date = q.OptionalText(14);
      d.prov = q.Prov(15);
      deliberation_ids[q.Int(0)] = static_cast<int>(r.deliberations.size());
      r.deliberations.push_back(std::move(d));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, Sql("SELECT a.deliberation_id, a.name, a.status",
                     "FROM attendees a JOIN deliberations d ON d.id = a.deliberation_id "
                     "WHERE d.document_id = ? ORDER BY a.id",
                     "a")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const auto it = deliberation_ids.find(q.Int(0));
      if (it == deliberation_ids.end()) continue;
      Attendee a;
      a.name = q.Text(1);
      a.status = q.Text(2);
      a.prov = q.Prov(3);
      r.deliberations[it->second].attendees.push_back(std::move(a));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    // A legal reference lives in its deliberation; one without (a contract's
    // preamble "Vu …") goes to the first deliberation when there is one, and
    // is otherwise not representable in DocumentRecords.
    Query q(db_, Sql("SELECT deliberation_id, contract_id, code, article, cited_number, "
                     "cited_date, text",
                     "FROM legal_refs WHERE document_id = ? ORDER BY id")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      int d = -1;
      if (!q.IsNull(0)) {
        const auto it = deliberation_ids.find(q.Int(0));
        if (it != deliberation_ids.end()) d = it->second;
      } else if (!r.deliberations.empty()) {
        d = 0;
      }
      if (d < 0) continue;
      LegalRef ref;
      ref.contract_index = q.IsNull(1) ? -1 : contract_of(q.Int(1));
      ref.code = q.OptionalText(2);
      ref.article = q.OptionalText(3);
      ref.cited_number = q.OptionalText(4);
      ref.cited_date = q.OptionalText(5);
      ref.text = q.Text(6);
      ref.prov = q.Prov(7);
      r.deliberations[d].legal_refs.push_back(std::move(ref));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, Sql("SELECT actes_id, department, siren, decision_date, act_ref, nature, "
                     "sent_date, received_date, published_date",
                     "FROM transmissions WHERE document_id = ? ORDER BY id")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      Transmission t;
      t.actes_id = q.Text(0);
      t.department = q.OptionalText(1);
      t.siren = q.OptionalText(2);
      t.decision_date = q.OptionalText(3);
      t.act_ref = q.OptionalText(4);
      t.nature = q.OptionalText(5);
      t.sent_date = q.OptionalText(6);
      t.received_date = q.OptionalText(7);
      t.published_date = q.OptionalText(8);
      t.prov = q.Prov(9);
      r.transmissions.push_back(std::move(t));
    }
    if (!q.status().ok()) return q.status();
  }

  // The children of the document's contracts: "c.document_id = ?" through
  // the contract they belong to.
  const std::string in_doc =
      " JOIN contracts c ON c.id = x.contract_id WHERE c.document_id = ? ORDER BY x.id";

  {
    Query q(db_, Sql("SELECT x.contract_id, x.organization, x.acronym, x.representative, "
                     "x.representative_title, x.address",
                     "FROM parties x" + in_doc, "x")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const int c = contract_of(q.Int(0));
      if (c < 0) continue;
      Party p;
      p.organization = q.Text(1);
      p.acronym = q.OptionalText(2);
      p.representative = q.OptionalText(3);
      p.representative_title = q.OptionalText(4);
      p.address = q.OptionalText(5);
      p.prov = q.Prov(6);
      r.contracts[c].parties.push_back(std::move(p));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_,
            Sql("SELECT x.contract_id, x.number, x.title, x.body", "FROM articles x" + in_doc, "x")
                .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const int c = contract_of(q.Int(0));
      if (c < 0) continue;
      Article a;
      a.number = q.Text(1);
      a.title = q.Text(2);
      a.body = q.Text(3);
      a.prov = q.Prov(4);
      r.contracts[c].articles.push_back(std::move(a));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, Sql("SELECT x.id, x.contract_id, x.number, x.title",
                     "FROM orientations x" + in_doc, "x")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const int c = contract_of(q.Int(1));
      if (c < 0) continue;
      Orientation o;
      o.number = q.Text(2);
      o.title = q.Text(3);
      o.prov = q.Prov(4);
      auto& rows = r.contracts[c].orientations;
      orientation_ids[q.Int(0)] = {c, static_cast<int>(rows.size())};
      rows.push_back(std::move(o));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, Sql("SELECT x.contract_id, x.orientation_id, x.number, x.title",
                     "FROM objectives x" + in_doc, "x")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const int c = contract_of(q.Int(0));
      if (c < 0) continue;
      Objective o;
      o.orientation_index = IndexIn(orientation_ids, q.IdOrNone(1), c);
      o.number = q.Text(2);
      o.title = q.Text(3);
      o.prov = q.Prov(4);
      r.contracts[c].objectives.push_back(std::move(o));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, Sql("SELECT x.id, x.contract_id, x.orientation_id, x.code, x.title, "
                     "x.description",
                     "FROM actions x" + in_doc, "x")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const int c = contract_of(q.Int(1));
      if (c < 0) continue;
      Action a;
      a.orientation_index = IndexIn(orientation_ids, q.IdOrNone(2), c);
      a.code = q.OptionalText(3);
      a.title = q.Text(4);
      a.description = q.OptionalText(5);
      a.prov = q.Prov(6);
      auto& rows = r.contracts[c].actions;
      action_ids[q.Int(0)] = {c, static_cast<int>(rows.size())};
      rows.push_back(std::move(a));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, Sql("SELECT x.id, x.contract_id, x.action_id, x.code, x.title",
                     "FROM operations x" + in_doc, "x")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const int c = contract_of(q.Int(1));
      if (c < 0) continue;
      Operation o;
      o.action_index = IndexIn(action_ids, q.IdOrNone(2), c);
      o.code = q.OptionalText(3);
      o.title = q.Text(4);
      o.prov = q.Prov(5);
      auto& rows = r.contracts[c].operations;
      operation_ids[q.Int(0)] = {c, static_cast<int>(rows.size())};
      rows.push_back(std::move(o));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, Sql("SELECT x.contract_id, x.action_id, x.operation_id, x.role, x.name",
                     "FROM actors x" + in_doc, "x")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const int c = contract_of(q.Int(0));
      if (c < 0) continue;
      Actor a;
      a.action_index = IndexIn(action_ids, q.IdOrNone(1), c);
      a.operation_index = IndexIn(operation_ids, q.IdOrNone(2), c);
      a.role = q.Text(3);
      a.name = q.Text(4);
      a.prov = q.Prov(5);
      r.contracts[c].actors.push_back(std::move(a));
    }
    if (!q.status().ok()) return q.status();
  }

  // Indicators and schedule rows have no contract_id: they reach their
  // contract through their action or operation.
  auto owner = [&](long long action_id, long long operation_id) -> Slot {
    if (operation_id >= 0) {
      const Slot s = Find(operation_ids, operation_id);
      if (s.contract >= 0) return s;
    }
    if (action_id >= 0) return Find(action_ids, action_id);
    return {};
  };
  const std::string via_parent =
      " LEFT JOIN actions a ON a.id = x.action_id LEFT JOIN operations o ON o.id = "
      "x.operation_id JOIN contracts c ON c.id = COALESCE(o.contract_id, a.contract_id) "
      "WHERE c.document_id = ? ORDER BY x.id";

  {
    Query q(db_, Sql("SELECT x.action_id, x.operation_id, x.kind, x.text",
                     "FROM indicators x" + via_parent, "x")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const long long action_id = q.IdOrNone(0), operation_id = q.IdOrNone(1);
      const Slot s = owner(action_id, operation_id);
      if (s.contract < 0) continue;
      Indicator i;
      i.action_index = IndexIn(action_ids, action_id, s.contract);
      i.operation_index = IndexIn(operation_ids, operation_id, s.contract);
      i.kind = q.Text(2);
      i.text = q.Text(3);
      i.prov = q.Prov(4);
      r.contracts[s.contract].indicators.push_back(std::move(i));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, Sql("SELECT x.action_id, x.operation_id, x.year, x.text",
                     "FROM schedule x" + via_parent, "x")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      const long long action_id = q.IdOrNone(0), operation_id = q.IdOrNone(1);
      const Slot s = owner(action_id, operation_id);
      if (s.contract < 0) continue;
      ScheduleEntry e;
      e.action_index = IndexIn(action_ids, action_id, s.contract);
      e.operation_index = IndexIn(operation_ids, operation_id, s.contract);
      e.year = q.OptionalInt(2);
      e.text = q.Text(3);
      e.prov = q.Prov(4);
      r.contracts[s.contract].schedule.push_back(std::move(e));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, Sql("SELECT acronym, expansion", "FROM glossary WHERE document_id = ? ORDER BY id")
                     .c_str());
    q.Bind(1, document_id);
    while (q.Next()) {
      GlossaryEntry g;
      g.acronym = q.Text(0);
      g.expansion = q.Text(1);
      g.prov = q.Prov(2);
      r.glossary.push_back(std::move(g));
    }
    if (!q.status().ok()) return q.status();
  }

  {
    Query q(db_, "SELECT stage, page, message FROM diagnostics WHERE document_id = ? ORDER BY id");
    q.Bind(1, document_id);
    while (q.Next()) {
      Diagnostic d;
      d.stage = q.Text(0);
      d.page = q.IsNull(1) ? 0 : static_cast<int>(q.Int(1));
      d.message = q.Text(2);
      r.diagnostics.push_back(std::move(d));
    }
    if (!q.status().ok()) return q.status();
  }
  return r;
}

}  // namespace clsdb
