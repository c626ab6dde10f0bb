// How the processing of one document ended, named once for the pipeline,
// the store (documents.status) and the command line.
#ifndef CLSDB_CORE_DOCUMENT_STATUS_H_
#define CLSDB_CORE_DOCUMENT_STATUS_H_

#include <optional>
#include <string_view>

namespace clsdb {

enum class DocumentStatus {
  kOk,       // every page read, records stored
  kPartial,  // stored, but a diagnostic whose code says so (a page unread)
  kFailed,   // not read: documents.error says why
  kSkipped,  // not processed in this run (already stored, unsupported file);
             // never stored
};

// "ok", "partial", "failed", "skipped": the words of documents.status.
const char* Name(DocumentStatus s);
// The status named name, or nullopt for a word clsdb does not write.
std::optional<DocumentStatus> ParseDocumentStatus(std::string_view name);

}  // namespace clsdb

#endif  // CLSDB_CORE_DOCUMENT_STATUS_H_
