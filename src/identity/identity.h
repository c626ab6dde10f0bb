// identity: whether two documents hold the same content, whatever their
// format.  The text and the PDF of one deliberation are different bytes
// (different sha256) but the same text once laid out; this stage gives each
// document a fingerprint of that text and says which stored document, if
// any, a new one repeats.
//
// In:  a document's stored page texts (layout's output: running headers,
//      footers, page numbers and stamps of PDFs already out of the flow).
// Out: a ContentFingerprint (model/content_fingerprint.h), and the choice
//      of the earlier document a new one is the same content as.
//
// How: the text is cut into words (letters and digits only, NFKC, case
// folded; a word hyphenated at a line end joined first, so that "représen-"
// + "tant" is "représentant" in a PDF as in the text), and the words into
// overlapping 5-word shingles.  Line breaks, spacing, punctuation, bullets,
// markup and ligatures thus do not count.  The similarity of two documents
// is the Jaccard index of their shingle sets, estimated by a 128-slot
// MinHash signature (standard error at most 0.045).
//
// Two documents are the same content when the estimate is at least
// kSameContentThreshold.  Measured on the shared corpus (exact Jaccard of
// 5-word shingles): the text and PDF of each of its three documents
// 0.994-1.000; the nearest different documents 0.22 (two of the eight
// contracts of one template in 000's PDF), 0.16 (two real CLS openings of
// corpus/real), 0.09 (two ICPE arrêtés of one prefecture).
//
// Look-up: the signature is cut into kBands bands of kRowsPerBand slots,
// each hashed to one key; only documents sharing a key are compared.  Two
// documents of Jaccard J share one with probability 1 - (1 - J^4)^32: 0.99
// at J = 0.6, 0.07 at J = 0.2, so a batch of millions stays a few indexed
// look-ups per document, with no scan.
#ifndef CLSDB_IDENTITY_IDENTITY_H_
#define CLSDB_IDENTITY_IDENTITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/content_fingerprint.h"

namespace clsdb {

inline constexpr int kShingleWords = 5;
inline constexpr int kMinHashSlots = 128;
inline constexpr int kRowsPerBand = 4;
inline constexpr int kBands = kMinHashSlots / kRowsPerBand;
// Fewer distinct shingles than this (about 14 words) is too little text to
// call two documents the same: a blank scan whose OCR read "Page 1".
inline constexpr int kMinShingles = 10;
inline constexpr double kSameContentThreshold = 0.6;

// The words of text as the fingerprint sees them (exposed for tests).
std::vector<std::string> ContentWords(std::string_view text);
// The same words, by NFKC and case folding (ICU) over the whole text at
// once, which ContentWords does without ICU for the usual characters of
// French texts (exposed so that tests check they agree).
std::vector<std::string> ContentWordsByIcu(std::string_view text);

// The loops that compute a MinHash signature; all give the same values.
enum class MinHashLoop { kPortable, kAvx2, kAvx512 };
// The MinHash signature (kMinHashSlots values) of a set of shingle hashes,
// by the given loop (empty when this CPU lacks its instructions).
// FingerprintText picks the fastest; exposed so that tests check they agree.
std::vector<std::uint32_t> MinHashSignature(const std::vector<std::uint64_t>& shingles,
                                            MinHashLoop loop);

// The fingerprint of a document's text (its pages joined by '\n', in page
// order).  Never fails; too little text gives shingles = 0.
ContentFingerprint FingerprintText(std::string_view text);
ContentFingerprint FingerprintPages(const std::vector<std::string>& pages);

// The estimated Jaccard index of two fingerprints' shingle sets, 0-1; 0
// when either has no signature.
double EstimatedSimilarity(const ContentFingerprint& a, const ContentFingerprint& b);

// The original that a document of fingerprint fp repeats: of the
// candidates at or above kSameContentThreshold, the most similar (the
// earliest of equals); its own original when it is itself linked, so that
// every link points at an original.  nullopt when none is near enough.
std::optional<long long> ChooseOriginal(const ContentFingerprint& fp,
                                        const std::vector<StoredFingerprint>& candidates);

}  // namespace clsdb

#endif  // CLSDB_IDENTITY_IDENTITY_H_
