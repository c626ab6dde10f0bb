// Diagnostics: what clsdb noticed about a document without being stopped by
// it (a page with no text, a contract with no party).  Each kind has one
// code, named once here with its stage and whether it makes the document
// `partial`, after DuckDB's CSVError: the code is for queries and the
// `partial` decision, the message for people.
//
// Stages fill Diagnostic values (MakeDiagnostic); the pipeline decides the
// document's status from their codes (MakesPartial); the store writes them
// to the `diagnostics` table.
#ifndef CLSDB_CORE_DIAGNOSTIC_H_
#define CLSDB_CORE_DIAGNOSTIC_H_

#include <span>
#include <string>
#include <string_view>

namespace clsdb {

// Where a fact came from: 1-based page, a [span_start, span_end) range of
// byte offsets into that page's stored UTF-8 text, and the name of the rule
// that produced it.  store/ converts the byte offsets into the character
// offsets the schema promises when it writes them.  (Here rather than in
// model/records.h because diagnostics, which read/ and layout/ make too,
// carry one.)
struct Provenance {
  int page = 1;
  int span_start = 0;
  int span_end = 0;
  std::string rule;
};

enum class DiagnosticCode {
  // read: a page with no text layer that OCR read as blank.
  kOcrBlankPage,
  // read: a page OCR read with a low mean word confidence.
  kOcrLowConfidence,
  // layout: a page with no text layer, not read by OCR: its text is missing,
  // so the document is partial.
  kPageWithoutText,
  // extract: a contract with no party.
  kContractWithoutParty,
  // extract: a contract with neither article nor action.
  kContractWithoutContent,
  // extract: an act whose vote was not found.
  kActWithoutVote,
  // extract: an act whose meeting date was not found.
  kActWithoutDate,
};

struct DiagnosticKind {
  DiagnosticCode code;
  const char* name;   // stored in diagnostics.code: "layout.page_without_text"
  const char* stage;  // read | layout | extract
  bool partial;       // the document is `partial` when it has one
  const char* meaning;
};

// Every kind, in enum order (the README's table is this list).
std::span<const DiagnosticKind> DiagnosticKinds();
const DiagnosticKind& Describe(DiagnosticCode code);
// The kind named name, or nullptr.
const DiagnosticKind* FindDiagnosticKind(std::string_view name);

struct Diagnostic {
  std::string stage;    // Describe(code).stage
  std::string code;     // Describe(code).name
  std::string message;  // for people: "page 3 has no text layer"
  std::string detail;   // what was seen, when the message does not say it
  // What it is about: a page (page 0: the whole document), and within it the
  // span of the record concerned (a contract's heading), when there is one.
  Provenance prov{0, 0, 0, ""};
};

// A diagnostic about page (0: the whole document), with no span.
Diagnostic MakeDiagnostic(DiagnosticCode code, int page, std::string message,
                          std::string detail = "");

// Whether d's code makes its document partial (false for an unknown code).
bool MakesPartial(const Diagnostic& d);

}  // namespace clsdb

#endif  // CLSDB_CORE_DIAGNOSTIC_H_
