// A clsdb database as text that does not depend on ids: two databases that
// hold the same documents with the same rows, numbered differently (one
// run against shards merged), give the same dump.
//
// Every table but SQLite's own, FTS5's shadow tables and (unless asked)
// runs becomes sorted lines, one per row, "column=value" in column order.
// Ids are replaced by natural keys: a document by its sha256, any other row
// by its document's key, its table and its rank among that document's rows
// of that table (by id, the order the writer inserted them in).  A foreign
// key becomes its parent's key; search.ref_id the key of the row its kind
// names.  documents.ingested_at, a clock reading, is left out.
// documents.same_as becomes the content it names, "content:" and the least
// sha256 of the documents linked together: which copy of a content was
// stored first (the original) depends on the order workers finish.
//
// The tables and their foreign keys are read from the database itself
// (PRAGMA table_list, table_info, foreign_key_list), not from the code
// under test, so a table or column merge forgets shows as a difference.
// Views are left out: they are derived from the tables.
#ifndef CLSDB_TESTS_STORE_CANONICAL_DUMP_H_
#define CLSDB_TESTS_STORE_CANONICAL_DUMP_H_

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/schema.sql.h"

namespace clsdb::testing {

namespace canonical_internal {

struct Value {
  int type = SQLITE_NULL;
  std::string text;  // as SQLite renders it
  long long integer = 0;
};

inline std::vector<std::vector<Value>> Select(sqlite3* db, const std::string& sql,
                                              std::vector<std::string>* names = nullptr) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
  }
  if (names != nullptr) {
    names->clear();
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      names->push_back(sqlite3_column_name(stmt, i));
    }
  }
  std::vector<std::vector<Value>> rows;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    std::vector<Value> row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      Value v;
      v.type = sqlite3_column_type(stmt, i);
      if (v.type == SQLITE_INTEGER) v.integer = sqlite3_column_int64(stmt, i);
      if (v.type == SQLITE_FLOAT) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(stmt, i));
        v.text = buf;
      } else if (v.type != SQLITE_NULL) {
        const unsigned char* t = sqlite3_column_text(stmt, i);
        v.text.assign(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt, i));
      }
      row.push_back(std::move(v));
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
  return rows;
}

inline std::string Render(const Value& v) {
  switch (v.type) {
    case SQLITE_NULL:
      return "NULL";
    case SQLITE_INTEGER:
      return std::to_string(v.integer);
    case SQLITE_FLOAT:
      return "real:" + v.text;
    default:
      return "'" + v.text + "'";
  }
}

}  // namespace canonical_internal

// Table name → its rows as sorted lines.  Throws std::runtime_error when
// the database cannot be read or a key points at a row that is not there.
inline std::map<std::string, std::vector<std::string>> CanonicalDump(const std::string& path,
                                                                     bool with_runs = false) {
  using namespace canonical_internal;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error(path + ": cannot open");
  }
  struct Table {
    std::string name;
    std::vector<std::string> columns;
    std::map<std::string, std::string> parent_of;  // foreign key column → table
    std::vector<std::vector<Value>> rows;          // by rowid
  };
  std::vector<Table> tables;
  try {
    for (const auto& t :
         Select(db,
                "SELECT name, type FROM pragma_table_list WHERE schema = 'main' "
                "AND name NOT LIKE 'sqlite_%' AND type NOT IN ('shadow', 'view') ORDER BY name")) {
      if (t[0].text == "runs" && !with_runs) continue;
      Table table;
      table.name = t[0].text;
      for (const auto& fk : Select(db, "PRAGMA foreign_key_list(\"" + table.name + "\")")) {
        table.parent_of[fk[3].text] = fk[2].text;
      }
      table.rows =
          Select(db, "SELECT * FROM \"" + table.name + "\" ORDER BY rowid", &table.columns);
      tables.push_back(std::move(table));
    }
  } catch (...) {
    sqlite3_close(db);
    throw;
  }
  sqlite3_close(db);

  auto find = [&](const std::string& name) -> Table& {
    for (Table& t : tables) {
      if (t.name == name) return t;
    }
    throw std::runtime_error(path + ": no table " + name);
  };
  auto column = [](const Table& t, const std::string& name) {
    auto it = std::find(t.columns.begin(), t.columns.end(), name);
    return it == t.columns.end() ? -1 : static_cast<int>(it - t.columns.begin());
  };
  // (table, id) → natural key, computed on demand (parents first).
  std::map<std::pair<std::string, long long>, std::string> keys;
  std::map<std::string, bool> keyed;
  std::function<void(Table&)> key_table;
  auto key_of = [&](const std::string& table, const Value& id) -> std::string {
    if (id.type == SQLITE_NULL) return "NULL";
    Table& t = find(table);
    if (!keyed[t.name]) key_table(t);
    auto it = keys.find({table, id.integer});
    if (it == keys.end()) {
      throw std::runtime_error(path + ": " + table + " has no id " + std::to_string(id.integer));
    }
    return it->second;
  };
  key_table = [&](Table& t) {
    keyed[t.name] = true;
    const int id = column(t, "id");
    if (id < 0) return;
    if (t.name == "documents") {
      const int sha = column(t, "sha256");
      for (const auto& row : t.rows) keys[{t.name, row[id].integer}] = "doc:" + row[sha].text;
      return;
    }
    std::map<std::string, int> rank;  // per document key
    for (const auto& row : t.rows) {
      std::string document = "none";
      for (const auto& [fk_column, parent] : t.parent_of) {
        const Value& v = row[column(t, fk_column)];
        if (v.type == SQLITE_NULL) continue;
        const std::string parent_key = key_of(parent, v);
        document = parent_key.substr(0, parent_key.find('/'));
        break;
      }
      keys[{t.name, row[id].integer}] =
          document + "/" + t.name + "#" + std::to_string(rank[document]++);
    }
  };

  // documents.same_as → the least sha256 of the content's documents.
  std::map<long long, std::string> content_of;
  {
    Table& d = find("documents");
    const int id = column(d, "id"), sha = column(d, "sha256"), same_as = column(d, "same_as");
    std::map<long long, std::string> least;  // original id → least sha256
    auto root = [&](const std::vector<Value>& row) {
      return same_as >= 0 && row[same_as].type != SQLITE_NULL ? row[same_as].integer
                                                              : row[id].integer;
    };
    for (const auto& row : d.rows) {
      std::string& l = least[root(row)];
      if (l.empty() || row[sha].text < l) l = row[sha].text;
    }
    for (const auto& row : d.rows) content_of[row[id].integer] = "content:" + least[root(row)];
  }

  std::map<std::string, std::vector<std::string>> dump;
  for (Table& t : tables) {
    std::vector<std::string>& lines = dump[t.name];
    const int kind = t.name == "search" ? column(t, "kind") : -1;
    for (const auto& row : t.rows) {
      std::string line;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const std::string& name = t.columns[c];
        if (t.name == "documents" && name == "ingested_at") continue;
        if (t.name == "runs" && name == "id") continue;
        std::string value;
        if (name == "id" && t.name != "runs") {
          value = key_of(t.name, row[c]);
        } else if (t.name == "documents" && name == "same_as") {
          value = content_of[row[column(t, "id")].integer];
        } else if (auto fk = t.parent_of.find(name); fk != t.parent_of.end()) {
          value = key_of(fk->second, row[c]);
        } else if (kind >= 0 && name == "document_id") {
          value = key_of("documents", row[c]);
        } else if (kind >= 0 && name == "ref_id") {
          std::string table;
          for (const SearchKind& k : kSearchKinds) {
            if (k.kind == row[kind].text) table = std::string(k.table);
          }
          if (table.empty()) throw std::runtime_error(path + ": search kind " + row[kind].text);
          value = key_of(table, row[c]);
        } else {
          value = Render(row[c]);
        }
        line += (line.empty() ? "" : " | ") + name + "=" + value;
      }
      lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end());
  }
  return dump;
}

}  // namespace clsdb::testing

#endif  // CLSDB_TESTS_STORE_CANONICAL_DUMP_H_
