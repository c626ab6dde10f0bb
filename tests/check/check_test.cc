// RunCheck end to end on a one-document corpus: ingestion into a temporary
// database, --db, baseline update and regression detection, reports.
#include "check/check.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check/report.h"
#include "pipeline/pipeline.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb::check {
namespace {

// A corpus folder whose manifest lists one synthetic document of the
// repository and one that does not exist; set, when given, is the document's
// set column.
class OneDocCorpus {
 public:
  // annotation: the stem of the annotation in corpus/expected the document is
  // scored against; another document's gives a macro F1 below 1.
  explicit OneDocCorpus(const std::string& set = "",
                        const std::string& annotation = "delib_voirie") {
    const auto corpus = clsdb::testing::ProjectCorpus();
    document_ = (corpus / "documents" / "delib_voirie.txt").string();
    dir_.Write("corpus/manifest.tsv", "# test corpus\n" + document_ + "\t" +
                                          (corpus / "expected" / (annotation + ".json")).string() +
                                          (set.empty() ? "" : "\t" + set) +
                                          "\n${shared}/absent.txt\t${shared}/absent.json\n");
  }
  CheckOptions Options() const {
    CheckOptions o;
    o.corpus_dir = dir_ / "corpus";
    // A clone without the shared corpus: its entry is skipped.
    o.shared_dir = dir_ / "no-shared";
    o.quiet = true;
    return o;
  }
  std::string Path(const std::string& name) const { return dir_ / name; }
  void Write(const std::string& name, const std::string& text) const { dir_.Write(name, text); }
  const std::string& document() const { return document_; }

 private:
  clsdb::testing::TempDir dir_;
  std::string document_;
};

std::string BaselineWith(double doc_type_f1) {
  return R"({"text": {"doc_type": )" + std::to_string(doc_type_f1) + "}}";
}

TEST_CASE("RunCheck scores the manifest and judges it against the baseline", "[check]") {
  // Scored against another document's annotation, so that a baseline above
  // its figures is still an F1 (at most 1).
  OneDocCorpus corpus("", "cls_plan_tableau");
  Result<CheckResult> first = RunCheck(corpus.Options());
  INFO(first.status().ToString());
  REQUIRE(first.ok());
  REQUIRE(first->documents.size() == 1);
  CHECK(first->documents[0].status != "missing");
  REQUIRE(first->skipped.size() == 1);
  CHECK_FALSE(first->have_baseline);
  CHECK(first->passed());
  REQUIRE(first->totals.count("text") == 1);
  const std::optional<double> f1 = first->totals.at("text").group("doc_type").f1();
  REQUIRE(f1.has_value());
  REQUIRE(*f1 <= 0.5);

  SECTION("--update-baseline writes the figures, and a rerun passes") {
    CheckOptions o = corpus.Options();
    o.update_baseline = true;
    Result<CheckResult> updated = RunCheck(o);
    REQUIRE(updated.ok());
    CHECK(updated->baseline_updated);
    Result<Figures> saved = LoadFigures(corpus.Path("corpus/baseline.json"), true);
    REQUIRE(saved.ok());
    CHECK(Lookup(*saved, "text", "doc_type").has_value());
    Result<CheckResult> again = RunCheck(corpus.Options());
    REQUIRE(again.ok());
    CHECK(again->have_baseline);
    CHECK(again->passed());
  }

  SECTION("a drop of 0.01 below the baseline fails, 0.004 passes") {
    corpus.Write("corpus/baseline.json", BaselineWith(*f1 + 0.01));
    Result<CheckResult> worse = RunCheck(corpus.Options());
    REQUIRE(worse.ok());
    REQUIRE_FALSE(worse->passed());
    CHECK(worse->failures[0].group == "doc_type");
    CHECK(worse->failures[0].reason == "regression");

    corpus.Write("corpus/baseline.json", BaselineWith(*f1 + 0.004));
    Result<CheckResult> close = RunCheck(corpus.Options());
    REQUIRE(close.ok());
    CHECK(close->passed());
  }

  SECTION("a document filter scores a subset and judges nothing") {
    corpus.Write("corpus/baseline.json", BaselineWith(*f1 + 0.5));
    CheckOptions o = corpus.Options();
    o.document_filter = "voirie";
    Result<CheckResult> part = RunCheck(o);
    REQUIRE(part.ok());
    CHECK(part->documents.size() == 1);
    CHECK_FALSE(part->judged);
    CHECK(part->passed());
    o.update_baseline = true;
    CHECK(RunCheck(o).status().code() == Status::Code::kInvalidArgument);
  }

  SECTION("--db reads an existing database, found by content") {
    IngestOptions ingest;
    ingest.db_path = corpus.Path("existing.sqlite");
    REQUIRE(Ingest({corpus.document()}, ingest).ok());
    CheckOptions o = corpus.Options();
    o.db_path = ingest.db_path;
    Result<CheckResult> from_db = RunCheck(o);
    REQUIRE(from_db.ok());
    REQUIRE(from_db->documents.size() == 1);
    CHECK(from_db->documents[0].status != "missing");
    for (size_t g = 0; g < from_db->documents[0].score.groups.size(); ++g) {
      const GroupScore& a = from_db->documents[0].score.groups[g];
      const GroupScore& b = first->documents[0].score.groups[g];
      INFO(a.group);
      CHECK(a.tp == b.tp);
      CHECK(a.fp == b.fp);
      CHECK(a.fn == b.fn);
    }
  }

  SECTION("an empty database: every document is missing, nothing found") {
    IngestOptions ingest;
    ingest.db_path = corpus.Path("empty.sqlite");
    REQUIRE(Ingest({}, ingest).ok());
    CheckOptions o = corpus.Options();
    o.db_path = ingest.db_path;
    Result<CheckResult> empty = RunCheck(o);
    REQUIRE(empty.ok());
    CHECK(empty->documents[0].status == "missing");
    CHECK(empty->documents[0].score.group("doc_type").tp == 0);
    CHECK(empty->documents[0].score.group("doc_type").fn == 1);
    CHECK(empty->documents[0].score.group("doc_type").fp == 0);
    // Figures of such a run would hide every later regression.
    o.update_baseline = true;
    CHECK(RunCheck(o).status().code() == Status::Code::kCorruption);
  }

  SECTION("reports") {
    std::ostringstream text;
    PrintReport(*first, text);
    CHECK(text.str().find("== TOTAL text (1 document)") != std::string::npos);
    CHECK(text.str().find("check: PASS") != std::string::npos);
    CHECK(text.str().find("skipped: ") != std::string::npos);
    std::ostringstream explain;
    PrintExplain(*first, "doc_type", explain);
    CHECK(explain.str().find("== explain doc_type: delib_voirie.txt") != std::string::npos);
    const auto json = nlohmann::json::parse(ReportJson(*first));
    CHECK(json["passed"] == true);
    CHECK(json["documents"].size() == 1);
    CHECK(json["totals"]["text"]["groups"].contains("articles"));
    CHECK(json["skipped"].size() == 1);
  }
}

TEST_CASE("RunCheck scores a real text document flattened and wrapped as well", "[check]") {
  OneDocCorpus corpus("real");
  Result<CheckResult> r = RunCheck(corpus.Options());
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  REQUIRE(r->totals.count("real/text") == 1);
  for (const std::string format : {"flat", "wrapped"}) {
    INFO(format);
    REQUIRE(r->totals.count("real/" + format) == 1);
    CHECK(r->document_counts.at("real/" + format) == 1);
    const DocumentResult* copy = nullptr;
    for (const DocumentResult& d : r->documents) {
      if (d.entry.format == format) copy = &d;
    }
    REQUIRE(copy != nullptr);
    CHECK(copy->status == "ok");
    // Scored against the same annotation: the reshaped copy still gives the
    // document's type.
    REQUIRE(copy->score.groups[0].group == "doc_type");
    CHECK(copy->score.groups[0].tp == 1);
  }

  SECTION("not when an existing database is scored: there is no copy in it") {
    CheckOptions o = corpus.Options();
    o.db_path = corpus.Path("nothing.sqlite");
    CHECK(RunCheck(o).status().code() == Status::Code::kNotFound);
  }
}

TEST_CASE("RunCheck keeps a set's totals apart, and --set chooses one", "[check]") {
  // Scored against another document's annotation, so that a threshold of 1
  // on its macro F1 is not met.
  OneDocCorpus corpus("heldout", "cls_plan_tableau");
  Result<CheckResult> all = RunCheck(corpus.Options());
  INFO(all.status().ToString());
  REQUIRE(all.ok());
  CHECK(all->totals.count("text") == 0);
  REQUIRE(all->totals.count("heldout/text") == 1);
  CHECK(all->document_counts.at("heldout/text") == 1);
  const std::optional<double> macro = Lookup(all->current, "heldout/text", "macro");
  REQUIRE(macro.has_value());
  CHECK(*macro == Approx(*MacroF1(all->totals.at("heldout/text"))));
  REQUIRE(*macro < 1);

  SECTION("a threshold on the set's macro F1 is judged") {
    corpus.Write("corpus/thresholds.json", R"({"heldout/text": {"macro": 1}})");
    Result<CheckResult> r = RunCheck(corpus.Options());
    REQUIRE(r.ok());
    REQUIRE(r->failures.size() == 1);
    CHECK(r->failures[0].key == "heldout/text");
    CHECK(r->failures[0].group == "macro");
  }

  SECTION("--set scores that set only, and judges it") {
    corpus.Write("corpus/thresholds.json", R"({"heldout/text": {"macro": 1}})");
    CheckOptions o = corpus.Options();
    o.set_filter = "heldout";
    Result<CheckResult> held = RunCheck(o);
    REQUIRE(held.ok());
    // The text, its flattened copy and its wrapped copy.
    REQUIRE(held->documents.size() == 3);
    CHECK(held->documents[1].entry.format == "flat");
    CHECK(held->documents[2].entry.format == "wrapped");
    CHECK(held->skipped.empty());  // the absent entry is of the reference set
    CHECK(held->judged);
    CHECK_FALSE(held->passed());

    o.set_filter = "reference";
    Result<CheckResult> ref = RunCheck(o);
    REQUIRE(ref.ok());
    CHECK(ref->documents.empty());
    CHECK(ref->skipped.size() == 1);
    CHECK(ref->passed());

    o.set_filter = "tuned";
    CHECK(RunCheck(o).status().code() == Status::Code::kInvalidArgument);
  }

  SECTION("--update-baseline with --set replaces that set's keys only") {
    corpus.Write("corpus/baseline.json", R"({"text": {"doc_type": 0.5}})");
    CheckOptions o = corpus.Options();
    o.set_filter = "heldout";
    o.update_baseline = true;
    Result<CheckResult> updated = RunCheck(o);
    REQUIRE(updated.ok());
    Result<Figures> saved = LoadFigures(corpus.Path("corpus/baseline.json"), true);
    REQUIRE(saved.ok());
    CHECK(Lookup(*saved, "text", "doc_type") == 0.5);
    CHECK(Lookup(*saved, "heldout/text", "macro") == Approx(*macro).margin(0.0001));
  }

  SECTION("the summary has the set's column") {
    std::ostringstream text;
    PrintReport(*all, text);
    CHECK(text.str().find("== TOTAL heldout/text (1 document)") != std::string::npos);
    const size_t summary = text.str().find("== SUMMARY");
    REQUIRE(summary != std::string::npos);
    CHECK(text.str().find("heldout/text", summary) != std::string::npos);
  }
}

TEST_CASE("RunCheck reads a document's alias sets beside its annotation", "[check]") {
  const auto project = clsdb::testing::ProjectCorpus();
  clsdb::testing::TempDir dir;
  dir.Write("corpus/manifest.tsv",
            (project / "documents" / "cls_signature_only.txt").string() + "\t" +
                (project / "expected" / "cls_signature_only.json").string() + "\n");
  CheckOptions o;
  o.corpus_dir = dir / "corpus";
  o.shared_dir = dir / "no-shared";
  o.quiet = true;

  Result<CheckResult> none = RunCheck(o);
  REQUIRE(none.ok());
  CHECK_FALSE(none->totals.at("text").group("organizations").applicable());

  // Two parties put in one set on purpose: the database keeps them apart, a
  // missed pair; the other parties are sets of one name, no pair.
  dir.Write("corpus/expected/organizations/cls_signature_only.json", R"({
    "contracts": [{"title": "CONTRAT LOCAL DE SANTÉ DU GRAND MORDELANGE",
      "organizations": [
        {"kind": "prefecture", "names": ["Préfecture des Vosges", "Conseil départemental des Vosges"]},
        {"kind": "ars", "names": ["Agence régionale de santé Grand Est"]}]}]})");
  Result<CheckResult> scored = RunCheck(o);
  INFO(scored.status().ToString());
  REQUIRE(scored.ok());
  const GroupScore& pairs = scored->totals.at("text").group("organizations");
  CHECK(pairs.tp == 0);
  CHECK(pairs.fp == 0);
  CHECK(pairs.fn == 1);
  CHECK(scored->passed());  // the goal is missed, which fails nothing
  const nlohmann::json report = nlohmann::json::parse(ReportJson(*scored));
  CHECK(report["totals"]["text"]["organization_goal"] == "MISS");

  dir.Write("corpus/expected/organizations/cls_signature_only.json",
            R"({"contracts": [{"title": "no such contract", "organizations": []}]})");
  Result<CheckResult> broken = RunCheck(o);
  CHECK(broken.status().code() == Status::Code::kCorruption);
}

TEST_CASE("RunCheck errors", "[check]") {
  OneDocCorpus corpus;
  SECTION("a reference document missing from the corpus fails the check") {
    const std::string manifest = corpus.Path("corpus/manifest.tsv");
    std::ifstream in(manifest);
    std::stringstream text;
    text << in.rdbuf();
    corpus.Write("corpus/manifest.tsv", text.str() + "lost.txt\tlost.json\n");
    Result<CheckResult> r = RunCheck(corpus.Options());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kNotFound);
    CHECK(r.status().message().find("lost.txt not found") != std::string::npos);
  }
  SECTION("a broken thresholds file") {
    corpus.Write("corpus/thresholds.json", R"({"text": {"articels": 0.5}})");
    Result<CheckResult> r = RunCheck(corpus.Options());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("articels") != std::string::npos);
  }
  SECTION("a missing database") {
    CheckOptions o = corpus.Options();
    o.db_path = corpus.Path("none.sqlite");
    CHECK(RunCheck(o).status().code() == Status::Code::kNotFound);
  }
  SECTION("a missing manifest") {
    CheckOptions o = corpus.Options();
    o.corpus_dir = corpus.Path("nowhere");
    CHECK_FALSE(RunCheck(o).ok());
  }
}

TEST_CASE("The repository's thresholds file is valid", "[check]") {
  Result<Figures> t =
      LoadFigures((clsdb::testing::ProjectCorpus() / "thresholds.json").string(), true);
  REQUIRE(t.ok());
  CHECK(t->count("text") == 1);
  CHECK(t->count("pdf") == 1);
}

}  // namespace
}  // namespace clsdb::check
