// A LaidOutDocument as bytes, and back: how a child process that parsed a
// PDF hands its result to the pipeline (see pipeline/isolated_reader.h).
//
// The encoding is private to one build of clsdb (both ends are the same
// executable): length-prefixed fields in a fixed order, no versioning.
#ifndef CLSDB_LAYOUT_WIRE_H_
#define CLSDB_LAYOUT_WIRE_H_

#include <string>
#include <string_view>

#include "core/status.h"
#include "layout/layout.h"

namespace clsdb {

std::string EncodeLaidOut(const LaidOutDocument& doc);

// Errors: Corruption when bytes is not a whole encoding (a child that died
// while writing).
Result<LaidOutDocument> DecodeLaidOut(std::string_view bytes);

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_WIRE_H_
