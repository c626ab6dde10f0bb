#include "check/baseline.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

namespace clsdb::check {
namespace {

Figures One(const std::string& format, const std::string& group, std::optional<double> v) {
  Figures f;
  f[format][group] = v;
  return f;
}

TEST_CASE("A drop of more than 0.005 below the baseline fails", "[baseline]") {
  const Figures baseline = One("text", "articles", 0.900);
  CHECK(Judge(One("text", "articles", 0.900), baseline, {}).empty());
  CHECK(Judge(One("text", "articles", 0.896), baseline, {}).empty());         // -0.004
  CHECK(Judge(One("text", "articles", 0.895), baseline, {}).empty());         // -0.005 exactly
  const auto failures = Judge(One("text", "articles", 0.890), baseline, {});  // -0.01
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].reason == "regression");
  CHECK(failures[0].format == "text");
  CHECK(failures[0].group == "articles");
  CHECK(failures[0].limit == 0.9);
  // Improvements pass; other formats are separate.
  CHECK(Judge(One("text", "articles", 0.95), baseline, {}).empty());
  CHECK(Judge(One("pdf", "articles", 0.10), baseline, {}).empty());
}

TEST_CASE("Thresholds are minimums", "[baseline]") {
  const Figures thresholds = One("pdf", "votes", 0.5);
  CHECK(Judge(One("pdf", "votes", 0.5), {}, thresholds).empty());
  const auto failures = Judge(One("pdf", "votes", 0.49), {}, thresholds);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].reason == "threshold");
}

TEST_CASE("A group without figure is never failed", "[baseline]") {
  CHECK(Judge(One("text", "votes", std::nullopt), One("text", "votes", 1.0),
              One("text", "votes", 1.0))
            .empty());
  CHECK(Judge(One("text", "votes", 0.2), One("text", "votes", std::nullopt), {}).empty());
}

TEST_CASE("Figures files", "[baseline]") {
  SECTION("parse") {
    Result<Figures> f = ParseFigures(
        R"({"about": "x", "text": {"articles": 0.5, "votes": null}, "pdf": {}})", "b.json", true);
    REQUIRE(f.ok());
    CHECK(Lookup(*f, "text", "articles") == 0.5);
    CHECK_FALSE(Lookup(*f, "text", "votes").has_value());
    CHECK_FALSE(Lookup(*f, "pdf", "votes").has_value());
  }
  SECTION("an unknown group is an error in thresholds, ignored in a baseline") {
    const char* text = R"({"text": {"articels": 0.5}})";
    CHECK_FALSE(ParseFigures(text, "t.json", true).ok());
    CHECK(ParseFigures(text, "b.json", false).ok());
  }
  SECTION("errors") {
    CHECK_FALSE(ParseFigures(R"({"docx": {}})", "t.json", true).ok());
    CHECK_FALSE(ParseFigures(R"({"text": {"votes": "high"}})", "t.json", true).ok());
    CHECK_FALSE(ParseFigures("{", "t.json", true).ok());
    CHECK(LoadFigures("/nonexistent/baseline.json", false).status().code() ==
          Status::Code::kNotFound);
  }
  SECTION("save and load again") {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("clsdb-baseline-test-" + std::to_string(getpid()) + ".json"))
                                 .string();
    Figures f;
    f["text"]["articles"] = 0.123456;
    f["text"]["votes"] = std::nullopt;
    f["pdf"]["doc_type"] = 1.0;
    REQUIRE(SaveFigures(path, f, "test").ok());
    Result<Figures> back = LoadFigures(path, true);
    std::filesystem::remove(path);
    REQUIRE(back.ok());
    CHECK(Lookup(*back, "text", "articles") == Approx(0.1235));
    CHECK(back->at("text").count("votes") == 1);
    CHECK(Lookup(*back, "pdf", "doc_type") == 1.0);
  }
}

}  // namespace
}  // namespace clsdb::check
