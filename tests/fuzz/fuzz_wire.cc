// DecodeLaidOut on arbitrary bytes: what a dying or compromised PDF child
// could write on its stdout.  Damage is refused (Corruption); what decodes
// re-encodes to something that decodes to the same encoding.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "layout/wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clsdb;
  if (size > fuzz::kMaxInput) return 0;
  Result<LaidOutDocument> doc =
      DecodeLaidOut(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) {
    CLSDB_FUZZ_CHECK(doc.status().code() == Status::Code::kCorruption);
    return 0;
  }
  const std::string once = EncodeLaidOut(*doc);
  Result<LaidOutDocument> again = DecodeLaidOut(once);
  CLSDB_FUZZ_CHECK(again.ok());
  CLSDB_FUZZ_CHECK(EncodeLaidOut(*again) == once);
  return 0;
}
