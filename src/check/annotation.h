// check/annotation: a reference annotation (corpus/expected/*.json, format in
// ../shared/corpus/expected/FORMAT.md) as the DocumentRecords the pipeline
// would ideally have produced, so that both sides are scored alike.
//
// The JSON's links by number become links by index, as in model/records.h:
//   - an objective's and an action's "orientation" number -> orientation_index
//     (the orientation of that contract with that number);
//   - an operation's "action" code -> action_index (compared by CodeKey; the
//     first action with that code when numbering restarts per orientation);
//   - "pilots" become Actor rows, role "pilot", with action_index (an
//     action's pilot) or operation_index and its action's index (an
//     operation's pilot).
// Null and absent fields are nullopt; "notes" and unknown keys are ignored.
// Provenance stays empty: a reference has none.
//
// Errors (Status Corruption, message naming the file and the JSON path):
// invalid JSON, a value of the wrong type, a missing required field (doc_type,
// a contract's title, an article's number …), a link to an orientation or an
// action that the contract does not have.  Annotations are hand-written, so a
// broken link is a mistake worth stopping for.
#ifndef CLSDB_CHECK_ANNOTATION_H_
#define CLSDB_CHECK_ANNOTATION_H_

#include <string>
#include <string_view>

#include "core/status.h"
#include "model/records.h"

namespace clsdb::check {

// Parses an annotation's text; `name` names it in errors.
Result<DocumentRecords> ParseAnnotation(std::string_view json_text, const std::string& name);

// Reads and parses the annotation file at path.  Errors: NotFound, IOError,
// or those of ParseAnnotation.
Result<DocumentRecords> LoadAnnotation(const std::string& path);

// An organisation annotation (corpus/expected/organizations/<stem>.json,
// format in corpus/expected/ORGANIZATIONS.md) into *expected, the document's
// reference annotation: each of its contracts, found by its title, gets one
// Organization per annotated organisation (name: its first name; kind) and
// one OrganizationAlias per name; a "not_organizations" name is an alias of
// organization_index -1.  Errors: Corruption (invalid JSON, wrong types, an
// organisation without names, a title no contract of *expected has).
Status ParseOrganizationAnnotation(std::string_view json_text, const std::string& name,
                                   DocumentRecords* expected);

// Reads and parses the organisation annotation at path.  Errors: NotFound,
// IOError, or those of ParseOrganizationAnnotation.
Status LoadOrganizationAnnotation(const std::string& path, DocumentRecords* expected);

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_ANNOTATION_H_
