// The closed sets of words clsdb stores and compares — how a document's
// processing ended, its type and format, an actor's role, an indicator's
// kind — named once here for every stage, the store (whose schema CHECKs
// hold the same words), the check and the exports.
//
// Each enumeration E has Name(E), the word stored in the database, and
// Parse<E>(word), nullopt for a word that names no value of E.
#ifndef CLSDB_CORE_KINDS_H_
#define CLSDB_CORE_KINDS_H_

#include <optional>
#include <string_view>

namespace clsdb {

// How the processing of one document ended (documents.status).
enum class DocumentStatus {
  kOk,       // every page read, records stored
  kPartial,  // stored, but a diagnostic whose code says so (a page unread)
  kFailed,   // not read: documents.error says why
  kSkipped,  // not processed in this run (already stored, unsupported file);
             // never stored
};

// What a document is, as segment/classify.h decides it (documents.doc_type).
// Values in classification's tie-break order.
enum class DocumentType { kDeliberation, kContract, kPressRelease, kNote, kOther };

// How a document's bytes are read (documents.format).
enum class SourceFormat { kPdf, kText };

// What an actor does for an action or operation (actors.role).
enum class ActorRole { kPilot, kPartner, kFunder };

// What an indicator measures (indicators.kind).
enum class IndicatorKind { kQuantitative, kQualitative, kOther };

const char* Name(DocumentStatus v);  // ok partial failed skipped
const char* Name(DocumentType v);    // deliberation contract press_release note other
const char* Name(SourceFormat v);    // pdf text
const char* Name(ActorRole v);       // pilot partner funder
const char* Name(IndicatorKind v);   // quantitative qualitative other

template <typename E>
std::optional<E> Parse(std::string_view word);
template <>
std::optional<DocumentStatus> Parse(std::string_view word);
template <>
std::optional<DocumentType> Parse(std::string_view word);
template <>
std::optional<SourceFormat> Parse(std::string_view word);
template <>
std::optional<ActorRole> Parse(std::string_view word);
template <>
std::optional<IndicatorKind> Parse(std::string_view word);

}  // namespace clsdb

#endif  // CLSDB_CORE_KINDS_H_
