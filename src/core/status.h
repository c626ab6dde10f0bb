// Status and Result<T>: how every stage boundary reports failure.
//
// A Status is either ok or carries a code and a message that names what went
// wrong and, where it applies, the file and the position.  It is cheap when ok
// (no allocation).  Result<T> holds either a T or a non-ok Status.
//
//   Result<RawDocument> doc = ReadDocument(path);
//   if (!doc.ok()) { report(doc.status()); continue; }
//   Use(*doc);
//
// Exceptions are reserved for programming errors; data errors are values.
#ifndef CLSDB_CORE_STATUS_H_
#define CLSDB_CORE_STATUS_H_

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace clsdb {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // a path or an entry that does not exist
    kInvalidArgument,  // the caller's words are off (usage, bad option)
    kCorruption,       // input that is not what it claims to be
    kUnsupported,      // input we recognise but cannot handle (encrypted)
    kIOError,          // the operating system refused a read or a write
    kLimitExceeded,    // a per-document limit (pages, time, memory) was hit
    kInternal,         // a bug or an unexpected library failure
    // A failure of the moment, not of the input: out of memory, a timeout,
    // too many open files, a reader killed from outside.  The same input may
    // well succeed later, so the pipeline retries it on the next run.
    kUnavailable,
  };

  Status() = default;  // ok

  static Status OK() { return Status(); }
  static Status NotFound(std::string_view msg) { return {Code::kNotFound, msg}; }
  static Status InvalidArgument(std::string_view msg) { return {Code::kInvalidArgument, msg}; }
  static Status Corruption(std::string_view msg) { return {Code::kCorruption, msg}; }
  static Status Unsupported(std::string_view msg) { return {Code::kUnsupported, msg}; }
  static Status IOError(std::string_view msg) { return {Code::kIOError, msg}; }
  static Status LimitExceeded(std::string_view msg) { return {Code::kLimitExceeded, msg}; }
  static Status Internal(std::string_view msg) { return {Code::kInternal, msg}; }
  static Status Unavailable(std::string_view msg) { return {Code::kUnavailable, msg}; }

  bool ok() const { return state_ == nullptr; }
  Code code() const { return ok() ? Code::kOk : state_->code; }
  // True iff the failure is one of the moment (kUnavailable): worth a retry.
  bool transient() const { return code() == Code::kUnavailable; }
  // The message alone; empty when ok.
  const std::string& message() const;
  // "Corruption: <message>", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>".  OK stays OK.
  Status WithPrefix(std::string_view prefix) const;

 private:
  struct State {
    Code code;
    std::string message;
  };
  Status(Code code, std::string_view msg)
      : state_(std::make_shared<const State>(State{code, std::string(msg)})) {}
  std::shared_ptr<const State> state_;
};

// Either a value or a non-ok Status.
// REQUIRES: constructed from a non-ok Status when it carries no value.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result built from an ok Status without a value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T&& take() { return std::move(*value_); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace clsdb

#endif  // CLSDB_CORE_STATUS_H_
