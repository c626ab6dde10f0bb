#include <string>

#include "extract/extract.h"

namespace clsdb {
namespace {

// "contract 2 (Contrat local de santé du Ternois)": which record, as a
// reader of the document would find it.
std::string Named(const char* what, size_t index, const OptText& title) {
  std::string name = std::string(what) + " " + std::to_string(index + 1);
  if (title && !title->empty()) name += " (" + *title + ")";
  return name;
}

// A diagnostic about the record whose provenance is prov: same page and
// span, so that an analyst finds what it is about.
Diagnostic About(DiagnosticCode code, const Provenance& prov, std::string message) {
  Diagnostic d = MakeDiagnostic(code, prov.page, std::move(message));
  d.prov = prov;
  return d;
}

}  // namespace

void ReviewRecords(DocumentRecords* out) {
  for (size_t i = 0; i < out->contracts.size(); ++i) {
    const Contract& c = out->contracts[i];
    const std::string name = Named("contract", i, c.title);
    if (c.parties.empty()) {
      out->diagnostics.push_back(
          About(DiagnosticCode::kContractWithoutParty, c.prov, name + ": no party found"));
    }
    if (c.articles.empty() && c.actions.empty()) {
      out->diagnostics.push_back(About(DiagnosticCode::kContractWithoutContent, c.prov,
                                       name + ": neither article nor action found"));
    }
  }
  for (size_t i = 0; i < out->deliberations.size(); ++i) {
    const Deliberation& d = out->deliberations[i];
    const std::string name = Named("act", i, d.number ? d.number : d.title);
    const bool voted =
        d.votes_for || d.votes_against || d.votes_abstention || d.votes_text || d.outcome;
    if (!voted) {
      out->diagnostics.push_back(
          About(DiagnosticCode::kActWithoutVote, d.prov, name + ": no vote found"));
    }
    if (!d.meeting_date) {
      out->diagnostics.push_back(
          About(DiagnosticCode::kActWithoutDate, d.prov, name + ": no meeting date found"));
    }
  }
}

}  // namespace clsdb
