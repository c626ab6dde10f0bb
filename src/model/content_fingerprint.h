// The content identity of a document, as plain values: what identity/
// computes from a document's stored page text and store/ keeps, so that a
// later run can tell a new file whose text is an earlier document's (the
// PDF of a text already stored, say) without reading the earlier file again.
#ifndef CLSDB_MODEL_CONTENT_FINGERPRINT_H_
#define CLSDB_MODEL_CONTENT_FINGERPRINT_H_

#include <cstdint>
#include <vector>

namespace clsdb {

struct ContentFingerprint {
  // Distinct word shingles of the text; 0 when it had too few words to say
  // anything (a blank scan): such a document is never linked.
  int shingles = 0;
  // The MinHash signature: for each of identity.h's kMinHashSlots hash
  // functions, the least hash of any shingle.  Empty when shingles is 0.
  std::vector<std::uint32_t> minhash;
  // The look-up keys: one per band of consecutive signature slots.  Two
  // documents are compared only when they share a key.
  std::vector<std::int64_t> bands;
};

// A stored document's fingerprint, as a candidate for the same content.
struct StoredFingerprint {
  long long document_id = 0;
  long long same_as = 0;           // its own link, 0 when it is an original
  ContentFingerprint fingerprint;  // bands not read back
};

}  // namespace clsdb

#endif  // CLSDB_MODEL_CONTENT_FINGERPRINT_H_
