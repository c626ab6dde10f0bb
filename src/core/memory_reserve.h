// core/memory_reserve: address space kept aside for the moment memory runs
// out, so that running out never happens inside a library that cannot
// survive it.
//
// Out of memory, operator new throws std::bad_alloc, and clsdb catches it
// (the document fails, transiently, or the run stops with a message).  But
// some libraries it calls are not exception-safe: RE2's parser, interrupted
// by a std::bad_alloc in RE2::Set::Add, destroys half-built state and
// crashes the process (measured: 1 run in about 60 under `ulimit -v` 125 MB).
// With a reserve, the first allocation that fails is given the reserve's
// space instead and goes on; clsdb then puts the reserve back at its next
// safe point (a document done, a row written).  An operation that needs
// more than the reserve, or that runs out before the reserve is back, meets
// std::bad_alloc, as it would without a reserve; inside RE2 (code marked
// with a NoThrowAllocationScope) it ends the run instead, with a message and
// exit status 3: what was committed is whole, the open group is rolled back
// when the database is next opened, and the next run goes on from there.
// The reserve is address space, which is what `ulimit -v` and
// --max-memory-mb limit; it does not help when the machine itself is out
// of memory (the kernel then kills a process rather than fail malloc).
#ifndef CLSDB_CORE_MEMORY_RESERVE_H_
#define CLSDB_CORE_MEMORY_RESERVE_H_

#include <cstddef>

namespace clsdb {

// Large enough for RE2 to finish a compile (its programs and DFAs are
// bounded at 8 MB each by default).
inline constexpr size_t kMemoryReserveBytes = 32u << 20;

// Maps the reserve (address space only: no page is touched, so it costs no
// memory) and installs the new-handler that gives it back.  Returns false
// when the space cannot be mapped; clsdb then runs without a reserve.
// Call once, before any other thread starts.
bool InstallMemoryReserve(size_t bytes = kMemoryReserveBytes);

// At a safe point: maps the reserve again if an allocation spent it.
// Returns whether the reserve is in place (false also when it was never
// installed); when memory is still short, the next safe point tries again.
// Thread-safe.
bool RestoreMemoryReserve() noexcept;

// Marks the calling thread, while the object lives, as inside a library
// that cannot survive a std::bad_alloc (RE2): an allocation that fails
// there with the reserve spent ends the process as said above instead of
// throwing.  Nests.
class NoThrowAllocationScope {
 public:
  NoThrowAllocationScope();
  ~NoThrowAllocationScope();
  NoThrowAllocationScope(const NoThrowAllocationScope&) = delete;
  NoThrowAllocationScope& operator=(const NoThrowAllocationScope&) = delete;
};

// Whether the reserve has been spent since it was last restored (for tests).
bool MemoryReserveSpent();

}  // namespace clsdb

#endif  // CLSDB_CORE_MEMORY_RESERVE_H_
