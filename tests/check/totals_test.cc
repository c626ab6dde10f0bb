// Totals per key (set and format), their macro F1, and how the report shows
// them, on hand-made scores whose figures are known.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check/check.h"
#include "check/report.h"

namespace clsdb::check {
namespace {

void Set(DocumentScore* score, const std::string& group, long long tp, long long fp, long long fn) {
  for (GroupScore& g : score->groups) {
    if (g.group != group) continue;
    g.tp = tp;
    g.fp = fp;
    g.fn = fn;
    return;
  }
  FAIL("no group " << group);
}

DocumentResult Doc(const std::string& name, const std::string& set, const std::string& format) {
  DocumentResult d;
  d.entry.document = "/corpus/" + name;
  d.entry.annotation = "/corpus/" + name + ".json";
  d.entry.set = set;
  d.entry.format = format;
  d.status = "ok";
  d.score = EmptyScore();
  return d;
}

// Two reference texts, one held-out text, one held-out PDF where nothing
// applies:
//   text          doc_type 2/0/0 -> 1; articles 4/1/2 -> 8/11; votes 0/0/2 -> 0
//                 macro (1 + 8/11 + 0) / 3 = 19/33
//   heldout/text  doc_type 0/1/1 -> 0; articles 2/0/2 -> 2/3; macro 1/3
//   heldout/pdf   nothing applicable: every F1 and the macro are undefined
CheckResult HandMade() {
  CheckResult r;
  DocumentResult a = Doc("a.txt", "reference", "text");
  Set(&a.score, "doc_type", 1, 0, 0);
  Set(&a.score, "articles", 3, 1, 0);
  DocumentResult b = Doc("b.txt", "reference", "text");
  Set(&b.score, "doc_type", 1, 0, 0);
  Set(&b.score, "articles", 1, 0, 2);
  Set(&b.score, "votes", 0, 0, 2);
  DocumentResult c = Doc("c.txt", "heldout", "text");
  Set(&c.score, "doc_type", 0, 1, 1);
  Set(&c.score, "articles", 2, 0, 2);
  DocumentResult d = Doc("d.pdf", "heldout", "pdf");
  r.documents = {a, b, c, d};
  ComputeTotals(&r);
  return r;
}

TEST_CASE("Macro F1 is the mean F1 of the applicable groups", "[totals]") {
  DocumentScore s = EmptyScore();
  CHECK_FALSE(MacroF1(s).has_value());
  Set(&s, "doc_type", 1, 0, 0);  // 1
  CHECK(*MacroF1(s) == Approx(1.0));
  Set(&s, "articles", 1, 1, 0);  // 2/3
  Set(&s, "votes", 0, 3, 0);     // 0
  CHECK(*MacroF1(s) == Approx((1.0 + 2.0 / 3.0 + 0.0) / 3.0));
}

TEST_CASE("Totals are kept per key, each with its macro F1", "[totals]") {
  const CheckResult r = HandMade();
  REQUIRE(r.totals.size() == 3);
  CHECK(r.document_counts.at("text") == 2);
  CHECK(r.document_counts.at("heldout/text") == 1);
  CHECK(r.document_counts.at("heldout/pdf") == 1);
  CHECK(r.totals.count("reference/text") == 0);

  const GroupScore& articles = r.totals.at("text").group("articles");
  CHECK(articles.tp == 4);
  CHECK(articles.fp == 1);
  CHECK(articles.fn == 2);
  CHECK(*Lookup(r.current, "text", "articles") == Approx(8.0 / 11.0));
  CHECK(*Lookup(r.current, "text", "votes") == Approx(0.0));
  CHECK_FALSE(Lookup(r.current, "text", "glossary").has_value());
  CHECK(*Lookup(r.current, "text", "macro") == Approx(19.0 / 33.0));

  CHECK(*Lookup(r.current, "heldout/text", "doc_type") == Approx(0.0));
  CHECK(*Lookup(r.current, "heldout/text", "articles") == Approx(2.0 / 3.0));
  CHECK(*Lookup(r.current, "heldout/text", "macro") == Approx(1.0 / 3.0));

  REQUIRE(r.current.count("heldout/pdf") == 1);
  CHECK(r.current.at("heldout/pdf").count("macro") == 1);
  CHECK_FALSE(Lookup(r.current, "heldout/pdf", "macro").has_value());
}

TEST_CASE("The report shows each key's totals, its macro F1 and a summary", "[totals]") {
  CheckResult r = HandMade();
  r.thresholds["heldout/text"]["macro"] = 0.85;
  r.failures = Judge(r.current, r.baseline, r.thresholds);
  REQUIRE(r.failures.size() == 1);

  std::ostringstream out;
  PrintReport(r, out);
  const std::string text = out.str();
  INFO(text);
  // The held-aside documents' own tables are hidden; their totals are not.
  CHECK(text.find("== c.txt") == std::string::npos);
  CHECK(text.find("2 held-aside document entries: per-document figures hidden") !=
        std::string::npos);
  CHECK(text.find("== a.txt (text, ok)") != std::string::npos);
  CHECK(text.find("== TOTAL text (2 documents)") != std::string::npos);
  CHECK(text.find("== TOTAL heldout/text (1 document)") != std::string::npos);
  CHECK(text.find("== TOTAL heldout/pdf (1 document)") != std::string::npos);
  // The reference set's tables come first.
  CHECK(text.find("== TOTAL text") < text.find("== TOTAL heldout/text"));
  CHECK(text.find("== TOTAL heldout/text") < text.find("== TOTAL heldout/pdf"));

  // One "macro F1" line per key, judged like a group.
  size_t macro_lines = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("macro F1", 0) != 0) continue;
    ++macro_lines;
    if (line.find("0.333") != std::string::npos) CHECK(line.find("BELOW MIN") != std::string::npos);
  }
  CHECK(macro_lines == 3);
  CHECK(text.find("0.576") != std::string::npos);
  CHECK(text.find("heldout/text/macro: F1 0.333 is below its minimum 0.850") != std::string::npos);

  // The summary comes last, before the verdict.
  const size_t summary = text.find("== SUMMARY");
  REQUIRE(summary != std::string::npos);
  CHECK(summary > text.find("== TOTAL heldout/pdf"));
  CHECK(summary < text.find("check: FAIL"));

  std::ostringstream shown;
  PrintReport(r, shown, ReportOptions{.show_heldout_documents = true});
  CHECK(shown.str().find("== c.txt (heldout, text, ok)") != std::string::npos);
  CHECK(shown.str().find("held-aside document") == std::string::npos);
}

TEST_CASE("Explain lists a held-aside document's misses only when asked", "[totals]") {
  const CheckResult r = HandMade();
  std::ostringstream hidden, shown;
  PrintExplain(r, "doc_type", hidden);
  PrintExplain(r, "doc_type", shown, ReportOptions{.show_heldout_documents = true});
  CHECK(hidden.str().find("a.txt") != std::string::npos);
  CHECK(hidden.str().find("c.txt") == std::string::npos);
  CHECK(hidden.str().find("2 held-aside document entries") != std::string::npos);
  CHECK(shown.str().find("c.txt") != std::string::npos);
}

TEST_CASE("The summary puts the keys side by side", "[totals]") {
  const CheckResult r = HandMade();
  std::ostringstream out;
  PrintSummary(r, out);
  std::istringstream lines(out.str());
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::vector<std::string> row;
    for (std::string w; words >> w;) row.push_back(w);
    if (!row.empty() && row[0] != "==") rows.push_back(row);
  }
  // Header, one row per group, macro.
  REQUIRE(rows.size() == GroupNames().size() + 2);
  CHECK(rows[0] == std::vector<std::string>{"group", "text", "heldout/text", "heldout/pdf"});
  auto row = [&](const std::string& group) {
    for (const auto& candidate : rows) {
      if (candidate[0] == group) return candidate;
    }
    return std::vector<std::string>{};
  };
  CHECK(row("doc_type") == std::vector<std::string>{"doc_type", "1.000", "0.000", "-"});
  CHECK(row("articles") == std::vector<std::string>{"articles", "0.727", "0.667", "-"});
  CHECK(row("glossary") == std::vector<std::string>{"glossary", "-", "-", "-"});
  CHECK(rows.back() == std::vector<std::string>{"macro", "0.576", "0.333", "-"});

  std::ostringstream none;
  PrintSummary(CheckResult{}, none);
  CHECK(none.str().empty());
}

TEST_CASE("The JSON report carries each key's macro F1", "[totals]") {
  const auto json = nlohmann::json::parse(ReportJson(HandMade()));
  CHECK(json["totals"]["text"]["macro_f1"].get<double>() == Approx(19.0 / 33.0));
  CHECK(json["totals"]["heldout/text"]["macro_f1"].get<double>() == Approx(1.0 / 3.0));
  CHECK(json["totals"]["heldout/pdf"]["macro_f1"].is_null());
  CHECK(json["totals"]["heldout/text"]["documents"] == 1);
  CHECK(json["documents"].size() == 2);
  CHECK(json["hidden_heldout_documents"] == 2);
  const auto shown =
      nlohmann::json::parse(ReportJson(HandMade(), ReportOptions{.show_heldout_documents = true}));
  CHECK(shown["documents"][2]["set"] == "heldout");
  CHECK(shown["hidden_heldout_documents"] == 0);
}

}  // namespace
}  // namespace clsdb::check
