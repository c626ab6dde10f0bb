#include "core/memory_reserve.h"

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <new>

namespace clsdb {

namespace {

// The reserve's mapping, or nullptr once spent; its size, 0 when never
// installed.  mmap and munmap, not malloc: freed, the space goes back to the
// kernel at once, whatever malloc's thresholds.
std::atomic<void*> reserve{nullptr};
size_t reserve_bytes = 0;
std::mutex restore_mu;

void* MapReserve(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

// How many NoThrowAllocationScopes the thread is in.
thread_local int no_throw_depth = 0;

// The run's end when memory runs out where a std::bad_alloc cannot be
// thrown: write(2) and _exit, which allocate nothing.
[[noreturn]] void ExitOutOfMemory() {
  static constexpr char kMessage[] =
      "clsdb: out of memory inside RE2, which cannot recover from it: the run stopped; the "
      "documents stored before are complete, and the next run goes on from there\n";
  ssize_t ignored = write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  (void)ignored;
  _exit(3);
}

// operator new calls this when an allocation fails, and tries again when it
// returns: the first failure unmaps the reserve; the next one, with the
// reserve gone, is the std::bad_alloc it would have been, or the run's end
// inside RE2.
void GiveBackReserve() {
  void* p = reserve.exchange(nullptr);
  if (p != nullptr) {
    munmap(p, reserve_bytes);
    return;
  }
  if (no_throw_depth > 0) ExitOutOfMemory();
  throw std::bad_alloc();
}

}  // namespace

bool InstallMemoryReserve(size_t bytes) {
  void* p = MapReserve(bytes);
  if (p == nullptr) return false;
  reserve_bytes = bytes;
  reserve.store(p);
  std::set_new_handler(GiveBackReserve);
  return true;
}

bool RestoreMemoryReserve() noexcept {
  if (reserve_bytes == 0) return false;
  if (reserve.load() != nullptr) return true;
  std::lock_guard lock(restore_mu);
  if (reserve.load() != nullptr) return true;
  void* p = MapReserve(reserve_bytes);
  if (p == nullptr) return false;
  reserve.store(p);
  return true;
}

NoThrowAllocationScope::NoThrowAllocationScope() { ++no_throw_depth; }
NoThrowAllocationScope::~NoThrowAllocationScope() { --no_throw_depth; }

bool MemoryReserveSpent() { return reserve_bytes != 0 && reserve.load() == nullptr; }

}  // namespace clsdb
