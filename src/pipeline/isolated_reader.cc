#include "pipeline/isolated_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include "layout/wire.h"
#include "read/reader.h"

extern char** environ;

namespace clsdb {

namespace {

constexpr int kExitBase = 10;

Status FromExitCode(int code, const std::string& message) {
  const std::string msg = message.empty() ? "PDF reader failed" : message;
  switch (static_cast<Status::Code>(code - kExitBase)) {
    case Status::Code::kNotFound:
      return Status::NotFound(msg);
    case Status::Code::kCorruption:
      return Status::Corruption(msg);
    case Status::Code::kUnsupported:
      return Status::Unsupported(msg);
    case Status::Code::kIOError:
      return Status::IOError(msg);
    case Status::Code::kLimitExceeded:
      return Status::LimitExceeded(msg);
    default:
      return Status::Corruption(msg + " (exit code " + std::to_string(code) + ")");
  }
}

std::string FirstLine(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  return line.size() > 500 ? line.substr(0, 500) : line;
}

}  // namespace

std::string SelfExecutable() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, static_cast<size_t>(n));
}

// AddressSanitizer reserves terabytes of address space for its shadow, so a
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

int LayOutPdfChildMain(const std::string& path, const IsolationLimits& limits) {
  if (kCanCapAddressSpace && limits.memory_mb > 0) {
    rlimit cap;
    cap.rlim_cur = cap.rlim_max = static_cast<rlim_t>(limits.memory_mb) << 20;
    setrlimit(RLIMIT_AS, &cap);
  }
  auto fail = [](const Status& s) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return kExitBase + static_cast<int>(s.code());
  };
  ReadOptions options;
  options.max_pages = limits.max_pages;
  LaidOutDocument laid;
  try {
    Result<std::string> bytes = ReadFileBytes(path);
    if (!bytes.ok()) return fail(bytes.status());
    Result<RawDocument> raw = ParsePdf(*bytes, options);
    if (!raw.ok()) return fail(raw.status());
    raw->format = "pdf";
    laid = LayOut(*raw);
  } catch (const std::bad_alloc&) {
    return fail(Status::LimitExceeded("memory limit of " + std::to_string(limits.memory_mb) +
                                      " MB exceeded"));
  }
  const std::string out = EncodeLaidOut(laid);
  size_t written = 0;
  while (written < out.size()) {
    ssize_t n = write(STDOUT_FILENO, out.data() + written, out.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(Status::IOError("cannot write the result"));
    written += static_cast<size_t>(n);
  }
  return 0;
}

Result<LaidOutDocument> LayOutPdfInChild(const std::string& exe, const std::string& path,
                                         const IsolationLimits& limits) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0)
    return Status::IOError("pipe: " + std::string(strerror(errno)));
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return Status::IOError("pipe: " + std::string(strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  const std::string pages = std::to_string(limits.max_pages);
  const std::string memory = std::to_string(limits.memory_mb);
  std::vector<std::string> args = {
      exe, "internal-layout-pdf", "--max-pages", pages, "--memory-mb", memory, "--", path};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return Status::IOError("cannot start the PDF reader " + exe + ": " + strerror(rc));
  }

  std::string out, err;
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long>(limits.timeout_seconds * 1000));
  bool timed_out = false;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    int ready = poll(fds, 2, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        (i == 0 ? out : err).append(buf, static_cast<size_t>(n));
        if (err.size() > 65536) err.resize(65536);  // a chatty child cannot fill memory
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return Status::LimitExceeded("PDF reader timed out after " +
                                 std::to_string(static_cast<int>(limits.timeout_seconds)) + " s");
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return Status::Corruption(std::string("PDF reader crashed (signal ") + std::to_string(sig) +
                              ", " + strsignal(sig) + "); memory cap " +
                              std::to_string(limits.memory_mb) + " MB");
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code != 0) return FromExitCode(code, FirstLine(err));
  return DecodeLaidOut(out);
}

}  // namespace clsdb
