// The parent side of PDF isolation, against stand-in readers that crash,
// hang, chatter or lie, so every path is exercised without a PDF that really
// crashes Poppler.
#include "pipeline/isolated_reader.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/source_dir.h"
#include "layout/wire.h"
#include "temp_dir.h"

namespace clsdb {
namespace {

std::string Script(const testing::TempDir& dir, const std::string& name, const std::string& body) {
  std::string path = dir.Write(name, "#!/bin/sh\n" + body + "\n");
  chmod(path.c_str(), 0755);
  return path;
}

// An answer's header as the protocol of isolated_reader.h writes it, as
// printf(1) octal escapes.
std::string HeaderEscapes(int kind, int code, uint64_t length) {
  std::string out;
  auto byte = [&](uint64_t v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned>(v & 0xff));
    out += buf;
  };
  byte(static_cast<uint64_t>(kind));
  for (int i = 0; i < 4; ++i) byte(static_cast<uint64_t>(code) >> (8 * i));
  for (int i = 0; i < 8; ++i) byte(length >> (8 * i));
  return out;
}

// The bytes of a PDF file, read here as the pipeline reads them.
std::string Bytes(const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  REQUIRE(bytes.ok());
  return *bytes;
}

TEST_CASE("a reader that crashes fails the document with the signal, transiently", "[isolation]") {
  testing::TempDir dir;
  PdfReaderProcess reader(Script(dir, "crash.sh", "kill -SEGV $$"), {});
  auto r = reader.LayOut("x.pdf");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().transient());
  CHECK(r.status().message().find("signal 11") != std::string::npos);
  CHECK(reader.child_pid() == 0);
}

TEST_CASE("a reader that hangs is killed at the deadline", "[isolation]") {
  testing::TempDir dir;
  IsolationLimits limits;
  limits.timeout_seconds = 0.5;
  const auto start = std::chrono::steady_clock::now();
  PdfReaderProcess reader(Script(dir, "hang.sh", "exec sleep 30"), limits);
  auto r = reader.LayOut("x.pdf");
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().transient());
  CHECK(r.status().message().find("timed out") != std::string::npos);
  CHECK(took < 5);
  CHECK(reader.child_pid() == 0);
}

TEST_CASE("a reader's error answer carries its message and kind", "[isolation]") {
  testing::TempDir dir;
  const std::string message = "encrypted PDF: a user password is required";
  PdfReaderProcess reader(
      Script(dir, "enc.sh",
             "head -c 9 >/dev/null; printf '" +
                 HeaderEscapes(1, static_cast<int>(Status::Code::kUnsupported), message.size()) +
                 message + "'; exec cat >/dev/null"),
      {});
  auto r = reader.LayOut("x.pdf");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kUnsupported);
  CHECK(r.status().message() == message);
  CHECK(reader.child_pid() > 0);  // an error answer is not the child's fault
}

TEST_CASE("a reader that writes garbage or stops half-way is refused", "[isolation]") {
  testing::TempDir dir;
  PdfReaderProcess junk(
      Script(dir, "junk.sh", "head -c 9 >/dev/null; echo hello world, this is no answer"), {});
  auto garbage = junk.LayOut("x.pdf");
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.status().message().find("garbage") != std::string::npos);

  // A header announcing 100 bytes, then 3 and the end.
  PdfReaderProcess half(
      Script(dir, "half.sh", "head -c 9 >/dev/null; printf '" + HeaderEscapes(0, 0, 100) + "abc'"),
      {});
  auto cut = half.LayOut("x.pdf");
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.status().message().find("in the middle of its answer") != std::string::npos);

  LaidOutDocument doc;
  doc.pages.push_back({1, "Bonjour\n", true});
  doc.blocks.push_back({Block::Kind::kParagraph, "Bonjour", {1, 0, 7}, -1, false});
  std::string wire = EncodeLaidOut(doc);
  for (size_t c : {size_t{0}, size_t{3}, wire.size() / 2, wire.size() - 1}) {
    INFO("cut at " << c);
    CHECK_FALSE(DecodeLaidOut(std::string_view(wire).substr(0, c)).ok());
  }
  auto whole = DecodeLaidOut(wire);
  REQUIRE(whole.ok());
  CHECK(whole->blocks.at(0).text == "Bonjour");
  CHECK(whole->pages.at(0).text == "Bonjour\n");
}

TEST_CASE("a reader that answers and dies before reading the request is still heard",
          "[isolation]") {
  // Whether it dies before or after the request is written (EPIPE or not),
  // what it wrote and how it ended are the reason.
  testing::TempDir dir;
  for (int i = 0; i < 20; ++i) {
    PdfReaderProcess half(
        Script(dir, "early.sh", "printf '" + HeaderEscapes(0, 0, 100) + "abc'; exit 3"), {});
    auto cut = half.LayOut("x.pdf");
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.status().message().find("in the middle of its answer") != std::string::npos);
    CHECK(cut.status().message().find("exited with code 3") != std::string::npos);
  }
}

TEST_CASE("the reader child's environment raises glibc's tcache, the user's tunables after",
          "[isolation]") {
  const std::string ours =
      "GLIBC_TUNABLES=glibc.malloc.tcache_count=" + std::to_string(kReaderTcacheCount);
  const char* plain[] = {"HOME=/root", "LANG=C.UTF-8", nullptr};
  CHECK(ReaderChildEnvironment(plain) ==
        std::vector<std::string>{"HOME=/root", "LANG=C.UTF-8", ours});
  const char* tuned[] = {"GLIBC_TUNABLES=glibc.malloc.tcache_count=0", "PATH=/bin", nullptr};
  CHECK(ReaderChildEnvironment(tuned) ==
        std::vector<std::string>{"PATH=/bin", ours + ":glibc.malloc.tcache_count=0"});
  const char* empty_tunables[] = {"GLIBC_TUNABLES=", nullptr};
  CHECK(ReaderChildEnvironment(empty_tunables) == std::vector<std::string>{ours});
  CHECK(ReaderChildEnvironment(nullptr) == std::vector<std::string>{ours});
}

TEST_CASE("a reader that cannot start is an IO error", "[isolation]") {
  PdfReaderProcess reader("/nonexistent/clsdb", {});
  auto r = reader.LayOut("x.pdf");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kIOError);
}

TEST_CASE("one reader child serves many PDFs and is replaced when it dies", "[isolation]") {
  const char* bin = std::getenv("CLSDB_BIN");
  REQUIRE(bin != nullptr);
  const std::string pdf = Bytes(std::string(clsdb::SourceDir()) + "/tests/data/pdf/compressed.pdf");
  PdfReaderProcess reader(bin, {});
  auto first = reader.LayOut(pdf);
  REQUIRE(first.ok());
  const pid_t child = reader.child_pid();
  CHECK(child > 0);
  auto not_pdf = reader.LayOut("these bytes are no PDF");
  CHECK_FALSE(not_pdf.ok());
  auto second = reader.LayOut(pdf);
  REQUIRE(second.ok());
  CHECK(reader.child_pid() == child);
  CHECK(second->pages.at(0).text == first->pages.at(0).text);

  // Killed between two documents: the next one gets a fresh child.
  kill(child, SIGKILL);
  usleep(100 * 1000);
  auto third = reader.LayOut(pdf);
  REQUIRE(third.ok());
  CHECK(reader.child_pid() != child);
  CHECK(third->pages.at(0).text == first->pages.at(0).text);
}

TEST_CASE("OCR limits fail one document in the child; the next one reads", "[isolation][ocr]") {
  const char* bin = std::getenv("CLSDB_BIN");
  REQUIRE(bin != nullptr);
  const std::string scan =
      std::string(clsdb::SourceDir()) + "/../shared/corpus/pdf/scanned/002_44ef4f2dd19b21b3.pdf";
  if (access(scan.c_str(), R_OK) != 0) FAIL("../shared/corpus is absent: this test needs it");
  const std::string pdf = Bytes(std::string(clsdb::SourceDir()) + "/tests/data/pdf/compressed.pdf");

  SECTION("past --doc-timeout") {
    // Three dense pages take 5 s or more to read.  The child stops OCR at
    // 2 s, a second before the parent's deadline, and says so; on a loaded
    // machine (or a sanitizer build) its start alone may take that second,
    // and the parent's kill is the reason.  Either way the document fails,
    // transiently (the next run retries it), in time, and the next one reads.
    const std::string dense =
        std::string(clsdb::SourceDir()) + "/../shared/corpus/pdf/scanned/000_4ed6bf59f513ad19.pdf";
    IsolationLimits limits;
    limits.timeout_seconds = 3;
    PdfReaderProcess reader(bin, limits);
    const auto start = std::chrono::steady_clock::now();
    auto slow = reader.LayOut(Bytes(dense));
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE_FALSE(slow.ok());
    CHECK(slow.status().transient());
    INFO(slow.status().message());
    const std::string& why = slow.status().message();
    const bool child_said =
        why.rfind("page ", 0) == 0 &&
        why.find("OCR went past the document's time limit") != std::string::npos;
    CHECK((child_said || why == "PDF reader timed out after 3 s"));
    CHECK(took < 4.5);
    CHECK(reader.LayOut(pdf).ok());
  }
  SECTION("a page image over the pixel cap") {
    IsolationLimits limits;
    limits.max_ocr_pixels = 100000;
    PdfReaderProcess reader(bin, limits);
    auto big = reader.LayOut(Bytes(scan));
    REQUIRE_FALSE(big.ok());
    CHECK(big.status().code() == Status::Code::kLimitExceeded);
    INFO(big.status().message());
    CHECK(big.status().message().find("page 1: its image at 300 dpi would be 2481 x 3508 pixels") !=
          std::string::npos);
    CHECK(reader.LayOut(pdf).ok());
  }
  SECTION("--ocr off reaches the child") {
    IsolationLimits limits;
    limits.ocr = OcrMode::kOff;
    PdfReaderProcess reader(bin, limits);
    auto unread = reader.LayOut(Bytes(scan));
    REQUIRE(unread.ok());
    REQUIRE(unread->pages.size() == 2);
    CHECK_FALSE(unread->pages[0].ocr);
    // Codes and pages cross the pipe from the child.
    REQUIRE(unread->diagnostics.size() == 2);
    CHECK(unread->diagnostics[1].code == "layout.page_without_text");
    CHECK(unread->diagnostics[1].prov.page == 2);
    CHECK(unread->diagnostics[1].message == "page 2 has no text layer");
  }
}

}  // namespace
}  // namespace clsdb
