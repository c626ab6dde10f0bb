#include "core/document_status.h"

namespace clsdb {
namespace {

constexpr std::pair<DocumentStatus, const char*> kNames[] = {
    {DocumentStatus::kOk, "ok"},
    {DocumentStatus::kPartial, "partial"},
    {DocumentStatus::kFailed, "failed"},
    {DocumentStatus::kSkipped, "skipped"},
};

}  // namespace

const char* Name(DocumentStatus s) {
  for (const auto& [status, name] : kNames) {
    if (status == s) return name;
  }
  return "?";
}

std::optional<DocumentStatus> ParseDocumentStatus(std::string_view name) {
  for (const auto& [status, n] : kNames) {
    if (name == n) return status;
  }
  return std::nullopt;
}

}  // namespace clsdb
