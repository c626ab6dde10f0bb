// The SQL that creates the analyst-facing schema (../shared/spec/schema.md,
// plus legal_refs, diagnostics, the content fingerprints and the FTS index).
// Version 9.
//
// Versions, and what Migrate (store.cc) does to bring an older database up:
//   1  the first schema;
//   2  pages.ocr (1 when the page's text was read by OCR) and
//      pages.ocr_confidence (its mean word confidence, 0-100; NULL without
//      OCR): ALTER TABLE pages ADD COLUMN for both;
//   3  documents.attempts (how many runs have processed this file) and
//      documents.transient (1 when it failed for a reason of the moment: a
//      timeout, memory, too many open files, a reader killed; the next run
//      retries it, up to pipeline.h's kMaxAttempts): ALTER TABLE documents ADD
//      COLUMN for both, and a failure stored by version 2 whose message is
//      one of those is marked transient, so that it is retried too;
//   4  diagnostics.code (core/diagnostic.h names them), detail, and the
//      provenance columns span_start, span_end, rule: ALTER TABLE
//      diagnostics ADD COLUMN for each; the codes and pages of the messages
//      version 3 wrote ("page N has no text layer", "page N: OCR …") are
//      recovered from their text;
//   5  documents.same_as (the id of the earlier document whose content this
//      one repeats, identity/identity.h: the PDF of a text already stored),
//      content_fingerprints and content_bands: ALTER TABLE documents ADD
//      COLUMN, the tables created by kSchemaSql.  Documents stored by
//      version 4 or earlier have no fingerprint; the next ingest computes
//      theirs from their stored pages (pipeline.cc) and links them;
//   6  links (extract/links.cc): glossary.contract_id (the contract whose
//      text holds the entry), transmissions.deliberation_id (the act the
//      stamp belongs to), the table deliberation_contracts (which contracts
//      an act approves); organisations (organize/organizations.h: the
//      bodies each contract's parties and actors name): the tables
//      organizations and organization_aliases, parties.organization_id and
//      actors.organization_id; and the analyst views v_plan, v_parties,
//      v_deliberations (docs/views.md): ALTER TABLE ADD COLUMN for the four
//      columns, the tables created by kSchemaSql, the views by
//      kSchemaAfterMigrationSql.  Rows stored by version 5 keep NULL links,
//      and their contracts no organisations, until their document is
//      ingested again (--force);
//   7  parties.representative_canonical (organize/people.h: the one
//      spelling of the representative in the document, "Blandine
//      GOHIER-BURGER" for "Blandine Gohier Burger" too), and v_parties shows
//      it: ALTER TABLE parties ADD COLUMN.  Rows stored by version 6 keep
//      NULL until their document is ingested again (--force);
//   8  organizations.department_code and organizations.siren
//      (organize/places.h: the département a body's name or the act's stamp
//      gives, the SIREN of the body that passed the act), and v_parties
//      shows both; deliberations.president_canonical, secretary_canonical
//      and attendees.name_canonical (organize/people.h: one spelling per
//      person in the document, whatever the order of the names): ALTER
//      TABLE ADD COLUMN for the five.  Rows stored by version 7 keep NULL
//      until their document is ingested again (--force).
//      The view v_act_annexes (an act and the documents stamped with its
//      ACTES id) and its index come with kSchemaAfterMigrationSql.
//   9  the indexes no query of clsdb's reads, which every insert kept up:
//      actors_name, glossary_acronym, documents_path and
//      organizations_match_key (the views, search, merge and the deletion
//      of a replaced document read none of them; actors_name alone was
//      about 6% of the writer's record inserts): DROP INDEX for the four.
//      An analyst who looks actors up by name often can create it again;
//      clsdb leaves an index it does not know alone.
#ifndef CLSDB_STORE_SCHEMA_SQL_H_
#define CLSDB_STORE_SCHEMA_SQL_H_

#include <string_view>

namespace clsdb {

inline constexpr int kSchemaVersion = 9;

// search.kind, and the table whose id search.ref_id is: the one reference
// the schema cannot declare (an FTS5 table has no foreign keys).  merge.cc
// renumbers ref_id by it and refuses a kind it does not list.
struct SearchKind {
  std::string_view kind;
  std::string_view table;
};
inline constexpr SearchKind kSearchKinds[] = {
    {"article", "articles"},
    {"action", "actions"},
    {"operation", "operations"},
    {"indicator", "indicators"},
    {"orientation", "orientations"},
    {"objective", "objectives"},
    {"actor", "actors"},
    {"deliberation", "deliberations"},
};

// A column's allowed values are written "x = 'a' OR x = 'b'", not
// "x IN ('a', 'b')": SQLite evaluates a CHECK's IN list by building a
// temporary index at every row it inserts (about 31,000 instructions an actor
// or indicator, a fifth of the writer on the bench's texts), while the OR
// chain costs next to nothing.  Both accept and refuse the same values (NULL
// included), so databases created with the IN form stay valid as they are.
inline constexpr const char* kSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format = 'pdf' OR format = 'text'),
  doc_type TEXT CHECK (doc_type = 'deliberation' OR doc_type = 'contract' OR
                       doc_type = 'press_release' OR doc_type = 'note' OR doc_type = 'other'),
  title TEXT,
  page_count INTEGER,
  status TEXT NOT NULL CHECK (status = 'ok' OR status = 'partial' OR status = 'failed'),
  error TEXT,
  encoding TEXT,
  size_bytes INTEGER,
  ingested_at TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  transient INTEGER NOT NULL DEFAULT 0,
  same_as INTEGER REFERENCES documents(id) ON DELETE SET NULL
);

CREATE TABLE IF NOT EXISTS pages(
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no INTEGER NOT NULL,
  text TEXT NOT NULL,
  has_text_layer INTEGER NOT NULL DEFAULT 1,
  ocr INTEGER NOT NULL DEFAULT 0,
  ocr_confidence REAL,
  PRIMARY KEY (document_id, page_no)
);

CREATE TABLE IF NOT EXISTS diagnostics(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  page INTEGER,
  message TEXT NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  detail TEXT,
  span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS diagnostics_document ON diagnostics(document_id);

CREATE TABLE IF NOT EXISTS deliberations(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  body TEXT, number TEXT, meeting_date TEXT, title TEXT,
  president TEXT, secretary TEXT,
  president_canonical TEXT, secretary_canonical TEXT,
  votes_for INTEGER, votes_against INTEGER, votes_abstention INTEGER, votes_absent INTEGER,
  votes_text TEXT,
  outcome TEXT CHECK (outcome = 'adopted' OR outcome = 'rejected'),
  signed_place TEXT, signed_date TEXT,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS deliberations_document ON deliberations(document_id);

CREATE TABLE IF NOT EXISTS attendees(
  id INTEGER PRIMARY KEY,
  deliberation_id INTEGER NOT NULL REFERENCES deliberations(id) ON DELETE CASCADE,
  name TEXT NOT NULL, name_canonical TEXT,
  status TEXT NOT NULL CHECK (status = 'present' OR status = 'excused' OR status = 'absent' OR
                              status = 'non_voting_present' OR status = 'non_voting_excused'),
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS attendees_deliberation ON attendees(deliberation_id);

CREATE TABLE IF NOT EXISTS transmissions(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  actes_id TEXT NOT NULL,
  department TEXT, siren TEXT, decision_date TEXT, act_ref TEXT, nature TEXT,
  sent_date TEXT, received_date TEXT, published_date TEXT,
  deliberation_id INTEGER REFERENCES deliberations(id) ON DELETE SET NULL,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT,
  UNIQUE (document_id, actes_id)
);

CREATE TABLE IF NOT EXISTS contracts(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  title TEXT, territory TEXT, territory_acronym TEXT,
  generation INTEGER, period_start INTEGER, period_end INTEGER,
  signed_place TEXT, signed_date TEXT,
  population INTEGER, communes INTEGER,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS contracts_document ON contracts(document_id);

CREATE TABLE IF NOT EXISTS legal_refs(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  deliberation_id INTEGER REFERENCES deliberations(id) ON DELETE CASCADE,
  contract_id INTEGER REFERENCES contracts(id) ON DELETE CASCADE,
  code TEXT, article TEXT, cited_number TEXT, cited_date TEXT, text TEXT NOT NULL,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS legal_refs_document ON legal_refs(document_id);

CREATE TABLE IF NOT EXISTS parties(
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  organization TEXT NOT NULL, acronym TEXT,
  representative TEXT, representative_title TEXT, address TEXT,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT,
  organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  representative_canonical TEXT
);
CREATE INDEX IF NOT EXISTS parties_contract ON parties(contract_id);

-- One row per body a contract names (organize/organizations.h); the same
-- body in several contracts shares match_key (kind|folded name|département).
CREATE TABLE IF NOT EXISTS organizations(
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  name TEXT NOT NULL, kind TEXT, acronym TEXT, match_key TEXT NOT NULL,
  department_code TEXT, siren TEXT
);
CREATE INDEX IF NOT EXISTS organizations_contract ON organizations(contract_id);

-- Every name as written that stands for an organisation in its contract.
CREATE TABLE IF NOT EXISTS organization_aliases(
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS organization_aliases_contract ON organization_aliases(contract_id);
CREATE INDEX IF NOT EXISTS organization_aliases_organization
  ON organization_aliases(organization_id);

CREATE TABLE IF NOT EXISTS articles(
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  number TEXT, title TEXT, body TEXT,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS articles_contract ON articles(contract_id);

CREATE TABLE IF NOT EXISTS orientations(
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  number TEXT, title TEXT,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS orientations_contract ON orientations(contract_id);

CREATE TABLE IF NOT EXISTS objectives(
  id INTEGER PRIMARY KEY,
  orientation_id INTEGER REFERENCES orientations(id) ON DELETE CASCADE,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  number TEXT, title TEXT,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);

CREATE TABLE IF NOT EXISTS actions(
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  orientation_id INTEGER REFERENCES orientations(id) ON DELETE SET NULL,
  code TEXT, title TEXT, description TEXT,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS actions_contract ON actions(contract_id);

CREATE TABLE IF NOT EXISTS operations(
  id INTEGER PRIMARY KEY,
  action_id INTEGER REFERENCES actions(id) ON DELETE CASCADE,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  code TEXT, title TEXT,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS operations_action ON operations(action_id);

CREATE TABLE IF NOT EXISTS actors(
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  action_id INTEGER REFERENCES actions(id) ON DELETE CASCADE,
  operation_id INTEGER REFERENCES operations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role = 'pilot' OR role = 'partner' OR role = 'funder'),
  name TEXT NOT NULL,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT,
  organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL
);

CREATE INDEX IF NOT EXISTS actors_contract ON actors(contract_id);

CREATE TABLE IF NOT EXISTS indicators(
  id INTEGER PRIMARY KEY,
  action_id INTEGER REFERENCES actions(id) ON DELETE CASCADE,
  operation_id INTEGER REFERENCES operations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind = 'quantitative' OR kind = 'qualitative' OR kind = 'other'),
  text TEXT NOT NULL,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);

CREATE TABLE IF NOT EXISTS schedule(
  id INTEGER PRIMARY KEY,
  action_id INTEGER REFERENCES actions(id) ON DELETE CASCADE,
  operation_id INTEGER REFERENCES operations(id) ON DELETE CASCADE,
  year INTEGER,
  text TEXT NOT NULL,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);

CREATE TABLE IF NOT EXISTS glossary(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  acronym TEXT NOT NULL, expansion TEXT NOT NULL,
  contract_id INTEGER REFERENCES contracts(id) ON DELETE SET NULL,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);

-- The contracts an act approves; rule says why (link.annexed: the act is its
-- document's only one and the contract is annexed to it; link.named: the
-- act's text names the contract's territory or title, the span).
CREATE TABLE IF NOT EXISTS deliberation_contracts(
  id INTEGER PRIMARY KEY,
  deliberation_id INTEGER NOT NULL REFERENCES deliberations(id) ON DELETE CASCADE,
  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  page INTEGER, span_start INTEGER, span_end INTEGER, rule TEXT
);
CREATE INDEX IF NOT EXISTS deliberation_contracts_deliberation
  ON deliberation_contracts(deliberation_id);
CREATE INDEX IF NOT EXISTS deliberation_contracts_contract ON deliberation_contracts(contract_id);

CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  arguments TEXT,
  documents_ok INTEGER NOT NULL DEFAULT 0,
  documents_partial INTEGER NOT NULL DEFAULT 0,
  documents_failed INTEGER NOT NULL DEFAULT 0,
  documents_skipped INTEGER NOT NULL DEFAULT 0
);

-- Every foreign key column has an index: deleting a document (ingest
-- --force) cascades through its contracts, actions and operations, and a
-- child table without one is scanned whole for each parent row (400 texts
-- re-ingested: 86 s without these, 10 s with them, against 9 s the first
-- time).  Created on open, so older databases gain them too.
CREATE INDEX IF NOT EXISTS legal_refs_contract ON legal_refs(contract_id);
CREATE INDEX IF NOT EXISTS legal_refs_deliberation ON legal_refs(deliberation_id);
CREATE INDEX IF NOT EXISTS objectives_contract ON objectives(contract_id);
CREATE INDEX IF NOT EXISTS objectives_orientation ON objectives(orientation_id);
CREATE INDEX IF NOT EXISTS actions_orientation ON actions(orientation_id);
CREATE INDEX IF NOT EXISTS operations_contract ON operations(contract_id);
CREATE INDEX IF NOT EXISTS actors_operation ON actors(operation_id);
CREATE INDEX IF NOT EXISTS actors_action ON actors(action_id);
CREATE INDEX IF NOT EXISTS indicators_operation ON indicators(operation_id);
CREATE INDEX IF NOT EXISTS indicators_action ON indicators(action_id);
CREATE INDEX IF NOT EXISTS schedule_operation ON schedule(operation_id);
CREATE INDEX IF NOT EXISTS schedule_action ON schedule(action_id);
CREATE INDEX IF NOT EXISTS glossary_document ON glossary(document_id);

-- Content identity (identity/identity.h): a document's MinHash signature
-- (kMinHashSlots 32-bit values as 8 hex digits each, text so that exports
-- carry it as they carry any column; NULL when it has too little text), and its band keys, the index that finds the documents to compare
-- a new one with.  A document with a row here has had its identity
-- decided; one without (stored by version 3, or failed) has not.
CREATE TABLE IF NOT EXISTS content_fingerprints(
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  shingles INTEGER NOT NULL,
  minhash TEXT
);
CREATE TABLE IF NOT EXISTS content_bands(
  band_key INTEGER NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS content_bands_key ON content_bands(band_key, document_id);
CREATE INDEX IF NOT EXISTS content_bands_document ON content_bands(document_id);

-- Full-text search over what analysts look for by words (the kinds of
-- kSearchKinds; version 6 added orientations, objectives, actors and acts).  Rows are added by
-- the writer with the same transaction as the document; `kind` says which
-- table the row came from and `ref_id` its id there.  A row's rowid is
-- (document_id << 32) + n, n = 1, 2, ... within the document, so that a
-- document's rows are one rowid range (document_id is UNINDEXED: finding
-- rows by it scans the whole index).
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
  text, kind UNINDEXED, ref_id UNINDEXED, document_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
)sql";

}  // namespace clsdb

// Run after any migration: it needs columns a migration adds.  Deleting a
// document sets the same_as of its copies to NULL, a look-up by same_as;
// the views read the links version 6 added.
inline constexpr const char* kSchemaAfterMigrationSql = R"sql(
CREATE INDEX IF NOT EXISTS documents_same_as ON documents(same_as);
CREATE INDEX IF NOT EXISTS parties_organization ON parties(organization_id);
CREATE INDEX IF NOT EXISTS actors_organization ON actors(organization_id);
CREATE INDEX IF NOT EXISTS glossary_contract ON glossary(contract_id);
CREATE INDEX IF NOT EXISTS transmissions_deliberation ON transmissions(deliberation_id);

-- The analyst views (docs/views.md).  Each shows a content once: the rows of
-- a document that repeats an earlier one (documents.same_as) are left out.
-- Rows come in id order (contract, then item), so that an export of a view
-- is the same file twice.
-- Names are as written; the organisations they resolve to sit beside them.
-- The views are made again at each opening, so that a database always has
-- the views of the build that writes it.

-- v_plan: one row per action and per operation.  An item's actors,
-- indicators and years are those stored for it: an operation's own, or an
-- action's not given for one of its operations.  An action has no stored
-- objective; its objective is the last one of its orientation written
-- before it (page and offset).  pilots, partners, funders and indicators
-- are JSON arrays of the texts as written, years a JSON array of numbers
-- (json_each reads them; [] when there are none); pilot_organizations,
-- partner_organizations and funder_organizations the organisations those
-- names resolve to (organizations.name, each once), pilot_kinds their kinds.
DROP VIEW IF EXISTS v_plan;
CREATE VIEW v_plan AS
WITH items AS (
  SELECT a.id * 2 AS item, a.contract_id, a.id AS action_id, NULL AS operation_id,
         'action' AS kind, a.code, a.title, a.page, a.span_start
  FROM actions a
  UNION ALL
  SELECT op.id * 2 + 1, op.contract_id, op.action_id, op.id, 'operation', op.code, op.title,
         op.page, op.span_start
  FROM operations op),
item_actors AS (
  SELECT item, role, json_group_array(name) AS names
  FROM (SELECT coalesce(operation_id * 2 + 1, action_id * 2) AS item, role, name, min(id) AS first
        FROM actors GROUP BY 1, 2, 3 ORDER BY first)
  GROUP BY item, role),
item_indicators AS (
  SELECT item, json_group_array(text) AS texts
  FROM (SELECT coalesce(operation_id * 2 + 1, action_id * 2) AS item, text FROM indicators
        ORDER BY id)
  GROUP BY item),
item_organizations AS (
  SELECT item, role, json_group_array(name) AS names, json_group_array(kind) AS kinds
  FROM (SELECT DISTINCT coalesce(ac.operation_id * 2 + 1, ac.action_id * 2) AS item, ac.role,
               og.name, ifnull(og.kind, '') AS kind
        FROM actors ac JOIN organizations og ON og.id = ac.organization_id)
  GROUP BY item, role),
item_years AS (
  SELECT item, json_group_array(year) AS years
  FROM (SELECT DISTINCT coalesce(operation_id * 2 + 1, action_id * 2) AS item, year
        FROM schedule WHERE year IS NOT NULL ORDER BY year)
  GROUP BY item)
SELECT c.id AS contract_id, c.document_id, c.title AS contract_title, c.territory,
       c.signed_date, o.number AS orientation_number, o.title AS orientation,
       (SELECT ob.title FROM objectives ob
        WHERE ob.orientation_id = o.id AND (ob.page < i.page OR
              (ob.page = i.page AND ob.span_start <= i.span_start))
        ORDER BY ob.page DESC, ob.span_start DESC LIMIT 1) AS objective,
       i.kind, i.action_id, i.operation_id, a.code AS action_code, i.code, i.title,
       coalesce(pilot.names, '[]') AS pilots, coalesce(partner.names, '[]') AS partners,
       coalesce(funder.names, '[]') AS funders, coalesce(iy.years, '[]') AS years,
       coalesce(ii.texts, '[]') AS indicators,
       coalesce(pilot_org.names, '[]') AS pilot_organizations,
       coalesce(pilot_org.kinds, '[]') AS pilot_kinds,
       coalesce(partner_org.names, '[]') AS partner_organizations,
       coalesce(funder_org.names, '[]') AS funder_organizations
FROM items i
JOIN contracts c ON c.id = i.contract_id
JOIN documents d ON d.id = c.document_id AND d.same_as IS NULL
LEFT JOIN actions a ON a.id = i.action_id
LEFT JOIN orientations o ON o.id = a.orientation_id
LEFT JOIN item_actors pilot ON pilot.item = i.item AND pilot.role = 'pilot'
LEFT JOIN item_actors partner ON partner.item = i.item AND partner.role = 'partner'
LEFT JOIN item_actors funder ON funder.item = i.item AND funder.role = 'funder'
LEFT JOIN item_indicators ii ON ii.item = i.item
LEFT JOIN item_years iy ON iy.item = i.item
LEFT JOIN item_organizations pilot_org ON pilot_org.item = i.item AND pilot_org.role = 'pilot'
LEFT JOIN item_organizations partner_org
  ON partner_org.item = i.item AND partner_org.role = 'partner'
LEFT JOIN item_organizations funder_org ON funder_org.item = i.item AND funder_org.role = 'funder'
ORDER BY c.id, i.action_id, i.operation_id;

-- v_parties: one row per signatory of a contract, with the organisation it
-- is (its kind, and the key it has in every contract).
DROP VIEW IF EXISTS v_parties;
CREATE VIEW v_parties AS
SELECT c.id AS contract_id, c.document_id, c.title AS contract_title, c.territory,
       p.organization AS party, p.acronym, p.representative, p.representative_title,
       c.signed_place, c.signed_date, og.kind AS organization_kind,
       og.match_key AS organization_key, p.representative_canonical,
       og.department_code AS organization_department, og.siren AS organization_siren
FROM parties p
JOIN contracts c ON c.id = p.contract_id
LEFT JOIN organizations og ON og.id = p.organization_id
JOIN documents d ON d.id = c.document_id AND d.same_as IS NULL
ORDER BY c.id, p.id;

-- v_deliberations: one row per act, with its ACTES ids (the stamps linked
-- to it, '; ' between two) and the contracts it approves
-- (deliberation_contracts): their count, and a JSON array of their
-- territories (their titles when the territory is not known).
DROP VIEW IF EXISTS v_deliberations;
CREATE VIEW v_deliberations AS
SELECT dl.id AS deliberation_id, dl.document_id, dl.body, dl.number, dl.meeting_date, dl.title,
       dl.votes_for, dl.votes_against, dl.votes_abstention, dl.votes_absent, dl.outcome,
       (SELECT group_concat(t.actes_id, '; ') FROM transmissions t
        WHERE t.deliberation_id = dl.id) AS actes_id,
       (SELECT count(*) FROM deliberation_contracts dc
        WHERE dc.deliberation_id = dl.id) AS contracts_approved,
       (SELECT json_group_array(coalesce(c.territory, c.title))
        FROM (SELECT c.territory, c.title FROM deliberation_contracts dc
              JOIN contracts c ON c.id = dc.contract_id
              WHERE dc.deliberation_id = dl.id ORDER BY c.id) c) AS contracts
FROM deliberations dl
JOIN documents d ON d.id = dl.document_id AND d.same_as IS NULL
ORDER BY dl.id;

-- v_act_annexes: the links across files.  An act and the annexes published
-- apart from it carry the same prefecture stamp (one ACTES id is one act);
-- one row per act stamped in one document and each other document stamped
-- with its id, with each contract that document holds (NULL when none).
CREATE INDEX IF NOT EXISTS transmissions_actes_id ON transmissions(actes_id);
DROP VIEW IF EXISTS v_act_annexes;
CREATE VIEW v_act_annexes AS
SELECT dl.id AS deliberation_id, dl.document_id AS act_document_id, dl.number, dl.meeting_date,
       t.actes_id, annex.document_id AS annex_document_id, ad.path AS annex_path,
       c.id AS contract_id, coalesce(c.territory, c.title) AS contract
FROM deliberations dl
JOIN documents d ON d.id = dl.document_id AND d.same_as IS NULL
JOIN transmissions t ON t.deliberation_id = dl.id
JOIN transmissions annex ON annex.actes_id = t.actes_id AND annex.document_id <> dl.document_id
JOIN documents ad ON ad.id = annex.document_id AND ad.same_as IS NULL
LEFT JOIN contracts c ON c.document_id = annex.document_id
ORDER BY dl.id, annex.document_id, c.id;
)sql";

#endif  // CLSDB_STORE_SCHEMA_SQL_H_
