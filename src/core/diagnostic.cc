#include "core/diagnostic.h"

#include <cstddef>
#include <stdexcept>

namespace clsdb {
namespace {

constexpr DiagnosticKind kKinds[] = {
    {DiagnosticCode::kOcrBlankPage, "read.ocr_blank_page", "read", false,
     "a page with no text layer that OCR read as blank (a separator sheet, a drawing)"},
    {DiagnosticCode::kOcrLowConfidence, "read.ocr_low_confidence", "read", false,
     "a page OCR read with a low mean word confidence: its text may hold misread words"},
    {DiagnosticCode::kPageWithoutText, "layout.page_without_text", "layout", true,
     "a page with no text layer, not read by OCR (--ocr off): its text is missing"},
    {DiagnosticCode::kContractWithoutParty, "extract.contract_without_party", "extract", false,
     "a contract whose parties were not found"},
    {DiagnosticCode::kContractWithoutContent, "extract.contract_without_content", "extract", false,
     "a contract with neither article nor action found"},
    {DiagnosticCode::kActWithoutVote, "extract.act_without_vote", "extract", false,
     "an act whose vote was not found"},
    {DiagnosticCode::kActWithoutDate, "extract.act_without_date", "extract", false,
     "an act whose meeting date was not found"},
};

}  // namespace

std::span<const DiagnosticKind> DiagnosticKinds() { return kKinds; }

const DiagnosticKind& Describe(DiagnosticCode code) {
  const auto i = static_cast<size_t>(code);
  if (i >= std::size(kKinds) || kKinds[i].code != code) {
    throw std::logic_error("diagnostic kinds out of enum order");
  }
  return kKinds[i];
}

const DiagnosticKind* FindDiagnosticKind(std::string_view name) {
  for (const DiagnosticKind& k : kKinds) {
    if (name == k.name) return &k;
  }
  return nullptr;
}

Diagnostic MakeDiagnostic(DiagnosticCode code, int page, std::string message, std::string detail) {
  const DiagnosticKind& kind = Describe(code);
  Diagnostic d;
  d.stage = kind.stage;
  d.code = kind.name;
  d.prov.page = page;
  d.message = std::move(message);
  d.detail = std::move(detail);
  return d;
}

bool MakesPartial(const Diagnostic& d) {
  const DiagnosticKind* kind = FindDiagnosticKind(d.code);
  return kind != nullptr && kind->partial;
}

}  // namespace clsdb
