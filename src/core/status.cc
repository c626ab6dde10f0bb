#include "core/status.h"

namespace clsdb {

namespace {
const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kNotFound:
      return "Not found";
    case Status::Code::kInvalidArgument:
      return "Invalid argument";
    case Status::Code::kCorruption:
      return "Corrupt input";
    case Status::Code::kUnsupported:
      return "Unsupported input";
    case Status::Code::kIOError:
      return "IO error";
    case Status::Code::kLimitExceeded:
      return "Limit exceeded";
    case Status::Code::kInternal:
      return "Internal error";
    case Status::Code::kUnavailable:
      return "Temporary failure";
  }
  return "Unknown";
}
}  // namespace

const std::string& Status::message() const {
  static const std::string kEmpty;
  return ok() ? kEmpty : state_->message;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(state_->code)) + ": " + state_->message;
}

Status Status::WithPrefix(std::string_view prefix) const {
  if (ok()) return *this;
  std::string msg(prefix);
  msg += ": ";
  msg += state_->message;
  return Status(state_->code, msg);
}

}  // namespace clsdb
