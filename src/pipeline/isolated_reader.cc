#include "pipeline/isolated_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

#include "layout/wire.h"
#include "read/reader.h"

extern char** environ;

namespace clsdb {

namespace {

using Clock = std::chrono::steady_clock;

constexpr uint8_t kAnswerOk = 0, kAnswerError = 1;
constexpr size_t kAnswerHeader = 1 + 4 + 8;
// A request's length is a u32: the input limit (--max-input-mb) stays below.
constexpr uint64_t kMaxRequestBytes = UINT32_MAX;
// No answer is larger: a child claiming more is not to be believed.
constexpr uint64_t kMaxAnswerBytes = uint64_t{1} << 32;

void PutLe(std::string* out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint64_t GetLe(const char* p, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return v;
}

enum class ReadOutcome { kOk, kEnd, kTimeout, kError };

// Writes all of data before the deadline (Clock::time_point::max() for
// none).  fd may be non-blocking: a child that stops reading cannot hold the
// parent past its deadline.
ReadOutcome WriteAll(int fd, std::string_view data,
                     Clock::time_point deadline = Clock::time_point::max()) {
  while (!data.empty()) {
    const ssize_t n = write(fd, data.data(), data.size());
    if (n > 0) {
      data.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) return ReadOutcome::kError;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return ReadOutcome::kTimeout;
    pollfd p{fd, POLLOUT, 0};
    if (poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000))) < 0 && errno != EINTR) {
      return ReadOutcome::kError;
    }
  }
  return ReadOutcome::kOk;
}

// Reads exactly n bytes into *out (appended) before the deadline
// (Clock::time_point::max() for none).
ReadOutcome ReadExactly(int fd, size_t n, Clock::time_point deadline, std::string* out) {
  char buf[1 << 16];
  while (n > 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return ReadOutcome::kTimeout;
    pollfd p{fd, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) return ReadOutcome::kError;
    if (ready <= 0) continue;
    const ssize_t got = read(fd, buf, std::min(n, sizeof buf));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return ReadOutcome::kError;
    if (got == 0) return ReadOutcome::kEnd;
    out->append(buf, static_cast<size_t>(got));
    n -= static_cast<size_t>(got);
  }
  return ReadOutcome::kOk;
}

Status StatusFromCode(uint32_t code, const std::string& msg) {
  switch (static_cast<Status::Code>(code)) {
    case Status::Code::kNotFound:
      return Status::NotFound(msg);
    case Status::Code::kInvalidArgument:
      return Status::InvalidArgument(msg);
    case Status::Code::kCorruption:
      return Status::Corruption(msg);
    case Status::Code::kUnsupported:
      return Status::Unsupported(msg);
    case Status::Code::kIOError:
      return Status::IOError(msg);
    case Status::Code::kLimitExceeded:
      return Status::LimitExceeded(msg);
    case Status::Code::kInternal:
      return Status::Internal(msg);
    case Status::Code::kUnavailable:
      return Status::Unavailable(msg);
    default:
      return Status::Corruption("PDF reader answered an unknown error code " +
                                std::to_string(code) + ": " + msg);
  }
}

// The sanitizers reserve terabytes of address space for their shadow: a
// sanitizer build cannot run under an address-space cap; there the deadline
// still applies.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kCanCapAddressSpace = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kCanCapAddressSpace = false;
#else
constexpr bool kCanCapAddressSpace = true;
#endif
#else
constexpr bool kCanCapAddressSpace = true;
#endif

// Poppler is mapped before the cap, as when it was linked in: the cap
// bounds what a document makes the reader allocate, not the libraries.  A
// module that cannot be opened fails each document with the reason.
void CapAddressSpace(const IsolationLimits& limits) {
  (void)LoadPdfReader();
  if (kCanCapAddressSpace && limits.memory_mb > 0) {
    rlimit cap;
    cap.rlim_cur = cap.rlim_max = static_cast<rlim_t>(limits.memory_mb) << 20;
    setrlimit(RLIMIT_AS, &cap);
  }
}

// Running out of memory under the cap is transient: the next run may have
// more room (fewer jobs, a higher --max-memory-mb), and retries it.
Status MemoryLimit(const IsolationLimits& limits) {
  return Status::Unavailable("memory limit of " + std::to_string(limits.memory_mb) +
                             " MB exceeded");
}

// Parses and lays out one PDF's bytes in this process.  A failed allocation
// is reported as the memory cap being hit, and *out_of_memory set.
Result<LaidOutDocument> LayOutHere(const std::string& bytes, const IsolationLimits& limits,
                                   bool* out_of_memory) {
  *out_of_memory = false;
  try {
    Result<RawDocument> raw = ParsePdf(bytes, ChildReadOptions(limits));
    if (!raw.ok()) return raw.status();
    raw->format = SourceFormat::kPdf;
    return LayOut(*raw);
  } catch (const std::bad_alloc&) {
    *out_of_memory = true;
    return MemoryLimit(limits);
  }
}

std::string Answer(uint8_t kind, Status::Code code, std::string_view payload) {
  std::string answer;
  answer.reserve(kAnswerHeader + payload.size());
  answer.push_back(static_cast<char>(kind));
  PutLe(&answer, static_cast<uint32_t>(code), 4);
  PutLe(&answer, payload.size(), 8);
  answer += payload;
  return answer;
}

}  // namespace

ReadOptions ChildReadOptions(const IsolationLimits& limits) {
  ReadOptions options;
  options.max_pages = limits.max_pages;
  options.ocr = limits.ocr;
  options.max_ocr_pixels = limits.max_ocr_pixels;
  options.time_limit_seconds =
      std::max(0.5 * limits.timeout_seconds,
               limits.timeout_seconds - std::max(1.0, 0.02 * limits.timeout_seconds));
  return options;
}

std::string SelfExecutable() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, static_cast<size_t>(n));
}

// ---------------------------------------------------------------------------
// The child.

int ServePdfReaderRequests(const IsolationLimits& limits) {
  // A parent killed outright (kill -9) cannot stop its readers: the kernel
  // does, rather than leave one parsing a pathological PDF forever.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() == 1) return 0;  // the parent died before that took effect
  CapAddressSpace(limits);
  // Answers go to a descriptor of their own, and stdout becomes stderr, so
  // that nothing a library prints can break the protocol.
  const int answers = dup(STDOUT_FILENO);
  if (answers < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return 1;
  while (true) {
    std::string header;
    constexpr auto kNoDeadline = Clock::time_point::max();
    // The end of the input: the parent is done.
    if (ReadExactly(STDIN_FILENO, 4, kNoDeadline, &header) != ReadOutcome::kOk) return 0;
    const uint32_t length = static_cast<uint32_t>(GetLe(header.data(), 4));
    bool out_of_memory = false;
    Result<LaidOutDocument> laid = MemoryLimit(limits);
    std::string bytes;
    try {
      bytes.reserve(length);
      if (ReadExactly(STDIN_FILENO, length, kNoDeadline, &bytes) != ReadOutcome::kOk) return 1;
      laid = LayOutHere(bytes, limits, &out_of_memory);
    } catch (const std::bad_alloc&) {
      out_of_memory = true;
    }
    bytes = std::string();
    std::string answer;
    if (laid.ok()) {
      try {
        answer = Answer(kAnswerOk, Status::Code::kOk, EncodeLaidOut(*laid));
      } catch (const std::bad_alloc&) {
        out_of_memory = true;
        laid = MemoryLimit(limits);
      }
    }
    if (!laid.ok()) answer = Answer(kAnswerError, laid.status().code(), laid.status().message());
    if (WriteAll(answers, answer) != ReadOutcome::kOk) return 1;
    // After a failed allocation the heap may be in any state: start afresh.
    if (out_of_memory) return 0;
  }
}

int LayOutOnePdf(const std::string& path, const IsolationLimits& limits) {
  CapAddressSpace(limits);
  bool out_of_memory = false;
  Result<std::string> bytes = ReadFileBytes(path);
  Result<LaidOutDocument> laid = bytes.ok() ? LayOutHere(*bytes, limits, &out_of_memory)
                                            : Result<LaidOutDocument>(bytes.status());
  if (!laid.ok()) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), laid.status().ToString().c_str());
    return 1;
  }
  return WriteAll(STDOUT_FILENO, EncodeLaidOut(*laid)) == ReadOutcome::kOk ? 0 : 1;
}

// ---------------------------------------------------------------------------
// The parent.

namespace {

// Out of descriptors, processes or memory: the machine's state, retried on
// the next run.  Anything else (no such executable) is not.
Status StartFailed(const char* what, int err) {
  const std::string reason = std::string(what) + ": " + strerror(err);
  if (err == EMFILE || err == ENFILE || err == EAGAIN || err == ENOMEM) {
    return Status::Unavailable(reason);
  }
  return Status::IOError(reason);
}

}  // namespace

std::vector<std::string> ReaderChildEnvironment(const char* const* parent_env) {
  constexpr std::string_view kTunables = "GLIBC_TUNABLES=";
  std::string tunables =
      std::string(kTunables) + "glibc.malloc.tcache_count=" + std::to_string(kReaderTcacheCount);
  std::vector<std::string> env;
  for (const char* const* e = parent_env; e && *e; ++e) {
    const std::string_view entry(*e);
    if (entry.substr(0, kTunables.size()) != kTunables) {
      env.emplace_back(entry);
    } else if (entry.size() > kTunables.size()) {
      tunables += ':';
      tunables += entry.substr(kTunables.size());
    }
  }
  env.push_back(std::move(tunables));
  return env;
}

PdfReaderProcess::PdfReaderProcess(std::string exe, IsolationLimits limits)
    : exe_(std::move(exe)), limits_(limits) {}

PdfReaderProcess::~PdfReaderProcess() {
  if (pid_ > 0) Stop(/*kill_first=*/false);
}

Status PdfReaderProcess::Start() {
  // A child that dies between two documents must not take the parent with
  // it: writing to its closed pipe fails with EPIPE instead of SIGPIPE.
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { signal(SIGPIPE, SIG_IGN); });

  int in_pipe[2], out_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0) return StartFailed("pipe", errno);
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    const int err = errno;
    close(in_pipe[0]);
    close(in_pipe[1]);
    return StartFailed("pipe", err);
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  const std::string pages = std::to_string(limits_.max_pages);
  const std::string memory = std::to_string(limits_.memory_mb);
  std::vector<std::string> args = {exe_,
                                   "internal-layout-pdf",
                                   "--serve",
                                   "--max-pages",
                                   pages,
                                   "--memory-mb",
                                   memory,
                                   "--timeout",
                                   std::to_string(limits_.timeout_seconds),
                                   "--ocr",
                                   OcrModeName(limits_.ocr),
                                   "--max-ocr-pixels",
                                   std::to_string(limits_.max_ocr_pixels)};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env = ReaderChildEnvironment(environ);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, exe_.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    return StartFailed(("cannot start the PDF reader " + exe_).c_str(), rc);
  }
  pid_ = pid;
  // The parent's end writes without blocking, so that the request too is
  // held to the deadline (Exchange).
  fcntl(in_pipe[1], F_SETFL, fcntl(in_pipe[1], F_GETFL) | O_NONBLOCK);
  to_child_ = in_pipe[1];
  from_child_ = out_pipe[0];
  served_ = 0;
  return Status::OK();
}

void PdfReaderProcess::CloseChannels() {
  if (to_child_ >= 0) close(to_child_);  // a serving child then ends by itself
  if (from_child_ >= 0) close(from_child_);
  to_child_ = from_child_ = -1;
}

Status PdfReaderProcess::Stop(bool kill_first) {
  CloseChannels();
  if (kill_first) kill(pid_, SIGKILL);
  int status = 0;
  // A child that does not end within a second of its input closing is stuck.
  const auto deadline = Clock::now() + std::chrono::seconds(1);
  pid_t done = 0;
  while ((done = waitpid(pid_, &status, WNOHANG)) == 0 && Clock::now() < deadline) {
    usleep(1000);
  }
  if (done == 0) {
    kill(pid_, SIGKILL);
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  pid_ = 0;
  // A signal may be the file's doing (Poppler's crash on a damaged PDF) or
  // the machine's (the OOM killer, a kill from outside); it is retried a
  // bounded number of times, so it counts as transient.
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return Status::Unavailable(std::string("PDF reader crashed (signal ") + std::to_string(sig) +
                               ", " + strsignal(sig) + "); memory cap " +
                               std::to_string(limits_.memory_mb) + " MB");
  }
  if (WIFEXITED(status)) {
    return Status::Corruption("PDF reader exited with code " + std::to_string(WEXITSTATUS(status)));
  }
  return Status::Corruption("PDF reader ended");
}

Result<LaidOutDocument> PdfReaderProcess::LayOut(std::string_view pdf_bytes) {
  if (pdf_bytes.size() > kMaxRequestBytes) {
    return Status::LimitExceeded("PDF of " + std::to_string(pdf_bytes.size()) +
                                 " bytes is too large for the PDF reader");
  }
  if (pid_ > 0) {
    // A child that left after its last answer (it does so after running out
    // of memory), or that has served its share, is replaced.
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = 0;
      CloseChannels();
    } else if (served_ >= kDocumentsPerChild) {
      Stop(false);
    }
  }
  if (pid_ <= 0) {
    if (Status s = Start(); !s.ok()) return s;
  }
  ++served_;
  return Exchange(pdf_bytes);
}

Result<LaidOutDocument> PdfReaderProcess::Exchange(std::string_view pdf_bytes) {
  const auto deadline =
      Clock::now() + std::chrono::milliseconds(static_cast<long>(limits_.timeout_seconds * 1000));
  auto broken = [&](ReadOutcome outcome, const char* what) -> Status {
    if (outcome == ReadOutcome::kTimeout) {
      Stop(true);
      return Status::Unavailable("PDF reader timed out after " +
                                 std::to_string(static_cast<int>(limits_.timeout_seconds)) + " s");
    }
    // The child died or closed its end: how it ended is the reason.
    const Status ended = Stop(outcome == ReadOutcome::kError);
    return ended.transient() ? Status::Unavailable(ended.message() + " " + what)
                             : Status::Corruption(ended.message() + " " + what);
  };
  // The bytes the caller hashed, not the path: a file replaced meanwhile
  // cannot be stored under the other version's sha256.
  std::string request_header;
  PutLe(&request_header, pdf_bytes.size(), 4);
  // A child that has already died fails the write (EPIPE); what it wrote
  // before, and how it ended, are read below all the same.
  if (ReadOutcome w = WriteAll(to_child_, request_header, deadline); w == ReadOutcome::kOk) {
    w = WriteAll(to_child_, pdf_bytes, deadline);
    if (w == ReadOutcome::kTimeout) return broken(w, "");
  } else if (w == ReadOutcome::kTimeout) {
    return broken(w, "");
  }

  std::string header;
  if (ReadOutcome r = ReadExactly(from_child_, kAnswerHeader, deadline, &header);
      r != ReadOutcome::kOk) {
    return broken(r, header.empty() ? "before answering" : "in the middle of its answer");
  }
  const auto kind = static_cast<uint8_t>(header[0]);
  const uint32_t code = static_cast<uint32_t>(GetLe(header.data() + 1, 4));
  const uint64_t length = GetLe(header.data() + 5, 8);
  if ((kind != kAnswerOk && kind != kAnswerError) || length > kMaxAnswerBytes) {
    Stop(true);
    return Status::Corruption("PDF reader answered garbage");
  }
  std::string payload;
  if (ReadOutcome r = ReadExactly(from_child_, length, deadline, &payload); r != ReadOutcome::kOk) {
    return broken(r, "in the middle of its answer");
  }
  if (kind == kAnswerError) return StatusFromCode(code, payload);
  Result<LaidOutDocument> laid = DecodeLaidOut(payload);
  if (!laid.ok()) Stop(true);  // a child that lies once is not asked again
  return laid;
}

}  // namespace clsdb
