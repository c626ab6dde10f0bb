// check/manifest: the list of reference documents of `clsdb check`
// (corpus/manifest.tsv).
//
// One entry per line, "<document>\t<annotation>[\t<set>[\t<options>]]";
// blank lines and lines starting with '#' are ignored.  Relative paths are
// relative to the manifest's folder; "${shared}" stands for the shared corpus
// folder (by default ../shared/corpus beside the checkout).  The format of an
// entry is its document's extension: .txt -> "text", .pdf -> "pdf".
//
// Options, space-separated, for a document that holds only part of what its
// annotation describes (a scan of a few pages of an annotated PDF):
//   format=scan        the entry is totalled as its own format, "scan": PDF
//                      pages read by OCR, whose figures must not blur the
//                      born-digital ones;
//   groups=G1,G2,...   only these groups (check/scorer.h) are scored, those
//                      the document's pages hold; the others are left out of
//                      its score, neither missed nor spurious.
//
// The optional third column is the set the entry belongs to, scored apart
// from the others so that tuning on one set cannot hide behind another:
//   reference  (the default) the shared seed documents and the synthetic ones;
//   real       real documents the rules may be tuned on;
//   heldout    real documents kept aside and never tuned on: their figures
//              say how well the rules generalise.
// Totals and figures are kept per (set, format) under a key (FiguresKey):
// "text" / "pdf" for the reference set, "<set>/<format>" for the others.
// Formats "flat" and "wrapped" are not written in a manifest: they are the
// copies of a real text document that RunCheck flattens into one line or
// breaks at a fixed width (check.h).
//
// An entry under ${shared} is skipped, not an error, when the shared corpus
// is absent altogether (a bare clone).  Any other entry whose document does
// not exist is an error (NotFound), so that a lost reference document fails
// the check; so is an entry whose annotation does not exist, and a malformed
// line.
#ifndef CLSDB_CHECK_MANIFEST_H_
#define CLSDB_CHECK_MANIFEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace clsdb::check {

// The sets, in report order: reference, real, heldout.
const std::vector<std::string>& SetNames();
bool IsSetName(std::string_view name);
inline constexpr std::string_view kReferenceSet = "reference";
inline constexpr std::string_view kHeldoutSet = "heldout";

// The key of the totals and figures of (set, format): the format alone for
// the reference set, so that figures files written before sets existed keep
// their meaning; "<set>/<format>" for the others ("heldout/pdf").
std::string FiguresKey(std::string_view set, std::string_view format);
// Every key, in report order: text, pdf, scan, real/text, real/pdf,
// real/scan, real/flat, real/wrapped, heldout/text, heldout/pdf,
// heldout/scan, heldout/flat, heldout/wrapped.
const std::vector<std::string>& FiguresKeys();
bool IsFiguresKey(std::string_view key);

struct ManifestEntry {
  std::string document;                          // resolved path
  std::string annotation;                        // resolved path
  std::string format;                            // text | pdf | scan | flat | wrapped
  std::vector<std::string> groups;               // scored groups; empty: all
  std::string set = std::string(kReferenceSet);  // one of SetNames()
  int line = 0;                                  // in the manifest, 1-based
  std::string skip_reason;                       // set for skipped entries only

  std::string key() const { return FiguresKey(set, format); }
};

struct Manifest {
  std::vector<ManifestEntry> entries;  // documents present, in file order
  std::vector<ManifestEntry> skipped;  // documents absent
};

// <source dir>/corpus and <source dir>/../shared/corpus.
std::string DefaultCorpusDir();
std::string DefaultSharedDir();

// Parses a manifest's text.  base_dir resolves relative paths; name is used
// in errors ("name:line: …").  Errors: Corruption for a malformed line, an
// unknown document extension, set, option or group, NotFound for a missing
// annotation.
Result<Manifest> ParseManifest(std::string_view text, const std::string& base_dir,
                               const std::string& shared_dir, const std::string& name);

// Reads and parses the manifest at path (base_dir: its folder).
Result<Manifest> LoadManifest(const std::string& path, const std::string& shared_dir);

}  // namespace clsdb::check

#endif  // CLSDB_CHECK_MANIFEST_H_
