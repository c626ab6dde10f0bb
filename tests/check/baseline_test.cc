#include "check/baseline.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "check/scorer.h"

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
  CHECK(failures[0].key == "text");
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

TEST_CASE("Each key is judged on its own, macro included", "[baseline]") {
  Figures current;
  current["text"]["articles"] = 0.95;
  current["text"]["macro"] = 0.97;
  current["heldout/text"]["articles"] = 0.80;
  current["heldout/text"]["macro"] = 0.84;
  Figures thresholds;
  thresholds["text"]["articles"] = 0.9;
  thresholds["heldout/text"]["macro"] = 0.85;
  thresholds["real/pdf"]["macro"] = 0.99;  // no real/pdf this run: not judged
  const auto failures = Judge(current, One("heldout/text", "articles", 0.9), thresholds);
  REQUIRE(failures.size() == 2);
  CHECK(failures[0].key == "heldout/text");
  CHECK(failures[0].group == "articles");
  CHECK(failures[0].reason == "regression");
  CHECK(failures[1].key == "heldout/text");
  CHECK(failures[1].group == "macro");
  CHECK(failures[1].reason == "threshold");
  CHECK(failures[1].limit == 0.85);
  // The reference set's figures do not judge another set's.
  CHECK(Judge(One("real/text", "articles", 0.5), One("text", "articles", 0.9),
              One("text", "articles", 0.9))
            .empty());
}

TEST_CASE("Figures files with set keys and macro", "[baseline]") {
  SECTION("every key parses, in baselines and thresholds") {
    for (const bool strict : {true, false}) {
      Result<Figures> f = ParseFigures(R"({"text": {"macro": 0.9}, "pdf": {"votes": 1},
            "real/text": {"articles": 0.7}, "real/pdf": {},
            "heldout/text": {"macro": 0.85, "articles": null}, "heldout/pdf": {"macro": 0.8}})",
                                       "f.json", strict);
      INFO(f.status().ToString());
      REQUIRE(f.ok());
      CHECK(Lookup(*f, "text", "macro") == 0.9);
      CHECK(Lookup(*f, "real/text", "articles") == 0.7);
      CHECK(f->count("real/pdf") == 1);
      CHECK(Lookup(*f, "heldout/text", "macro") == 0.85);
      CHECK_FALSE(Lookup(*f, "heldout/text", "articles").has_value());
      CHECK(Lookup(*f, "heldout/pdf", "macro") == 0.8);
    }
  }
  SECTION("keys of any other shape are errors, in both files") {
    for (const char* key : {"reference/text", "heldout", "real/docx", "Real/text", "real/text/x",
                            "/text", "heldout/"}) {
      const std::string text = std::string(R"({")") + key + R"(": {}})";
      INFO(key);
      for (const bool strict : {true, false}) {
        Result<Figures> f = ParseFigures(text, "f.json", strict);
        REQUIRE_FALSE(f.ok());
        CHECK(f.status().message().find(key) != std::string::npos);
      }
    }
  }
  SECTION("macro is a figure, not a group: only figures files take it") {
    CHECK_FALSE(IsGroupName("macro"));
    CHECK(FigureGroupNames().back() == "macro");
    CHECK_FALSE(ParseFigures(R"({"heldout/text": {"Macro": 0.8}})", "t.json", true).ok());
    CHECK_FALSE(ParseFigures(R"({"heldout/text": {"macro": "high"}})", "t.json", true).ok());
  }
  SECTION("save writes every key, macro after the groups") {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("clsdb-baseline-keys-" + std::to_string(getpid()) + ".json"))
                                 .string();
    Figures f;
    f["heldout/pdf"]["macro"] = 0.5;
    f["real/text"]["macro"] = 0.75;
    f["real/text"]["doc_type"] = 1.0;
    f["text"]["articles"] = 0.9;
    REQUIRE(SaveFigures(path, f, "test").ok());
    std::ifstream in(path);
    const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Result<Figures> back = LoadFigures(path, true);
    std::filesystem::remove(path);
    REQUIRE(back.ok());
    CHECK(*back == f);
    // Report order: reference keys first; within a key, groups then macro.
    CHECK(saved.find("\"text\"") < saved.find("\"real/text\""));
    CHECK(saved.find("\"real/text\"") < saved.find("\"heldout/pdf\""));
    CHECK(saved.find("\"doc_type\"") < saved.find("\"macro\": 0.75"));
  }
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
  SECTION("a value that is not an F1 between 0 and 1 is refused, naming it") {
    for (const char* value : {"1.01", "-0.1", "2", "1e308"}) {
      Result<Figures> f = ParseFigures(std::string(R"({"text": {"votes": )") + value + "}}",
                                       "thresholds.json", true);
      INFO(value);
      REQUIRE_FALSE(f.ok());
      CHECK(f.status().ToString().find("thresholds.json: text.votes: ") != std::string::npos);
      CHECK(f.status().ToString().find("is not an F1 between 0 and 1") != std::string::npos);
    }
    CHECK(ParseFigures(R"({"text": {"votes": 0, "articles": 1}})", "b.json", false).ok());
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
