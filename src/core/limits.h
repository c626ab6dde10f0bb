// The default limits of one run, each named once (as LevelDB's dbformat.h
// names its triggers), with the reason for its value.  Options and the
// stages' option structs start from these; the command line can change them.
#ifndef CLSDB_CORE_LIMITS_H_
#define CLSDB_CORE_LIMITS_H_

#include <cstdint>

namespace clsdb {

// A document of more pages fails (LimitExceeded) before it is laid out: the
// largest real act seen has a few hundred; 5000 bounds the work a hostile
// page tree can ask for.
inline constexpr int kDefaultMaxPages = 5000;

// Wall time for reading one PDF, OCR included.  OCR costs 1.5-3 s of CPU a
// page, and up to 8 s of wall time on two busy cores: a 52-page scanned
// arrêté took 437 s there, and 120 s (the limit before OCR) failed it.
inline constexpr double kDefaultDocTimeoutSeconds = 900;

// The PDF reader child's address-space cap, and the bound on the memory a
// text may need (pipeline.h's kTextMemoryPerByte).
inline constexpr long kDefaultMaxMemoryMb = 2048;

// Documents stored per transaction (--commit-every): one commit for many
// documents is what makes a batch of small ones fast; a run killed loses at
// most this many stored documents (they are read again by the next run).
inline constexpr int kDefaultCommitEvery = 256;

// Files larger than this fail, named, before they are read (--max-input-mb).
inline constexpr std::uint64_t kDefaultMaxInputBytes = 512ull << 20;

}  // namespace clsdb

#endif  // CLSDB_CORE_LIMITS_H_
