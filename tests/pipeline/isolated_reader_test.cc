// The parent side of PDF isolation, against stand-in readers that crash,
// hang, chatter or lie, so every path is exercised without a PDF that really
// crashes Poppler.
#include "pipeline/isolated_reader.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "layout/wire.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

std::string Script(const testing::TempDir& dir, const std::string& name, const std::string& body) {
  std::string path = dir.Write(name, "#!/bin/sh\n" + body + "\n");
  chmod(path.c_str(), 0755);
  return path;
}

TEST_CASE("a reader that crashes fails the document with the signal", "[isolation]") {
  testing::TempDir dir;
  auto r = LayOutPdfInChild(Script(dir, "crash.sh", "kill -SEGV $$"), "x.pdf", {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kCorruption);
  CHECK(r.status().message().find("signal 11") != std::string::npos);
}

TEST_CASE("a reader that hangs is killed at the deadline", "[isolation]") {
  testing::TempDir dir;
  IsolationLimits limits;
  limits.timeout_seconds = 0.5;
  const auto start = std::chrono::steady_clock::now();
  auto r = LayOutPdfInChild(Script(dir, "hang.sh", "exec sleep 30"), "x.pdf", limits);
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kLimitExceeded);
  CHECK(r.status().message().find("timed out") != std::string::npos);
  CHECK(took < 5);
}

TEST_CASE("a reader's error exit carries its message and kind", "[isolation]") {
  testing::TempDir dir;
  // 10 + kUnsupported
  const int code = 10 + static_cast<int>(Status::Code::kUnsupported);
  auto r = LayOutPdfInChild(
      Script(dir, "enc.sh",
             "echo 'encrypted PDF: a user password is required' >&2; exit " + std::to_string(code)),
      "x.pdf", {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kUnsupported);
  CHECK(r.status().message() == "encrypted PDF: a user password is required");
}

TEST_CASE("a reader that writes garbage or stops half-way is refused", "[isolation]") {
  testing::TempDir dir;
  auto garbage = LayOutPdfInChild(Script(dir, "junk.sh", "echo hello"), "x.pdf", {});
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.status().message().find("incomplete result") != std::string::npos);

  LaidOutDocument doc;
  doc.pages.push_back({1, "Bonjour\n", true});
  doc.blocks.push_back({Block::Kind::kParagraph, "Bonjour", {1, 0, 7}, -1, false});
  std::string wire = EncodeLaidOut(doc);
  for (size_t cut : {size_t{0}, size_t{3}, wire.size() / 2, wire.size() - 1}) {
    INFO("cut at " << cut);
    CHECK_FALSE(DecodeLaidOut(std::string_view(wire).substr(0, cut)).ok());
  }
  auto whole = DecodeLaidOut(wire);
  REQUIRE(whole.ok());
  CHECK(whole->blocks.at(0).text == "Bonjour");
  CHECK(whole->pages.at(0).text == "Bonjour\n");
}

TEST_CASE("a reader that cannot start is an IO error", "[isolation]") {
  auto r = LayOutPdfInChild("/nonexistent/clsdb", "x.pdf", {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kIOError);
}

}  // namespace
}  // namespace clsdb
