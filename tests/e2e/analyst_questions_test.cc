// The seven questions of README.md's "Questions an analyst asks", run as
// written there (this test reads them from the README) on a database of the
// shared corpus's texts, their answers checked against the annotations of
// ../shared/corpus/expected/ (FORMAT.md).  The annotations hold no partners
// and no calendar: Q5 and Q6 are checked against the tables their view is
// built from instead.  A stored contract is the annotated contract of its
// document whose title it resembles most; codes, names and titles are
// compared as `clsdb check` compares them (check/match.h).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "check/match.h"
#include "normalize/normalize.h"
#include "pipeline/pipeline.h"
#include "query_rows.h"
#include "temp_dir.h"
#include "test_paths.h"

namespace clsdb {
namespace {

using nlohmann::json;
using testing::QueryRows;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The queries of the README's section, by number: from their "-- Qn:" line
// to the line that ends with ';'.
std::map<int, std::string> ReadmeQuestions() {
  const std::string readme = ReadFile(testing::SourceDir() / "README.md");
  const size_t begin = readme.find("## Questions an analyst asks");
  REQUIRE(begin != std::string::npos);
  const size_t end = readme.find("\n## ", begin + 1);
  std::istringstream section(readme.substr(begin, end - begin));
  std::map<int, std::string> queries;
  int current = 0;
  for (std::string line; std::getline(section, line);) {
    if (line.rfind("-- Q", 0) == 0) {
      current = std::stoi(line.substr(4));
      continue;
    }
    if (current == 0) continue;
    queries[current] += line + "\n";
    if (!line.empty() && line.back() == ';') current = 0;
  }
  return queries;
}

std::string Fold(const std::string& s) { return FoldForMatch(s); }

// name as an SQL string literal.
std::string Quoted(const std::string& name) {
  std::string out = "'";
  for (char c : name) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string Text(const json& v) { return v.is_string() ? v.get<std::string>() : ""; }

// The annotated documents of the shared corpus's texts, by file stem.
std::map<std::string, json> Annotations() {
  std::map<std::string, json> docs;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SharedCorpus() / "text")) {
    const std::string stem = entry.path().stem().string();
    const std::filesystem::path expected = testing::SharedCorpus() / "expected" / (stem + ".json");
    if (std::filesystem::exists(expected)) docs[stem] = json::parse(ReadFile(expected));
  }
  return docs;
}

// An annotated contract's key: its document's stem and its place there.
std::string Key(const std::string& stem, size_t index) {
  return stem + "#" + std::to_string(index);
}

// The key of the annotated contract each stored contract is: in its
// document's annotation, the one whose title it resembles most ("" when
// the document has no annotation or none resembles it).
std::map<std::string, std::string> ContractKeys(const std::string& db,
                                                const std::map<std::string, json>& docs) {
  std::map<std::string, std::string> keys;
  for (const auto& row :
       QueryRows(db,
                 "SELECT c.id, d.path, c.title FROM contracts c JOIN documents d ON d.id = "
                 "c.document_id")) {
    const std::string stem = std::filesystem::path(row[1]).stem().string();
    const auto doc = docs.find(stem);
    if (doc == docs.end()) continue;
    double best = 0.5;  // a loose resemblance aligns contracts (check/match.h)
    const json& contracts = doc->second["contracts"];
    for (size_t i = 0; i < contracts.size(); ++i) {
      const double r = check::TitleResemblance(check::MatchKey(row[2]),
                                               check::MatchKey(Text(contracts[i]["title"])));
      if (r > best) {
        best = r;
        keys[row[0]] = Key(stem, i);
      }
    }
  }
  return keys;
}

// How much of expected the answer found, and how much of the answer is
// expected.
template <typename T>
void Score(const std::set<T>& answer, const std::set<T>& expected, double* recall,
           double* precision) {
  size_t both = 0;
  for (const T& x : answer) both += expected.count(x);
  *recall = expected.empty() ? 1.0 : static_cast<double>(both) / expected.size();
  *precision = answer.empty() ? 1.0 : static_cast<double>(both) / answer.size();
}

// Whether a pilot's name as annotated names the Département (the council
// of the département), however written: "Département", "Conseil
// Départemental (PMI)", "CD", "CD62", "CD 62" -- and not a university's
// "département de formation de médecine générale".
bool NamesDepartement(const std::string& name) {
  const std::string folded = Fold(name);
  if (folded.find("universite") != std::string::npos) return false;
  if (folded.rfind("departement", 0) == 0 || folded.rfind("conseil departemental", 0) == 0) {
    return true;
  }
  return name == "CD" || (name.size() > 2 && name.rfind("CD", 0) == 0 &&
                          (name[2] == ' ' || (name[2] >= '0' && name[2] <= '9')));
}

// The share of an answer that must agree with the annotations, both ways,
// where the answer rests on extracted values (codes, names, counts) rather
// than on the links and views alone.  Measured: 1.0 for Q2, Q3, Q4 and Q7
// on the shared corpus's texts (commit of this test).
constexpr double kAgreement = 0.9;

class AnalystDatabase {
 public:
  AnalystDatabase() {
    IngestOptions options;
    options.db_path = dir_ / "db.sqlite";
    options.rules_dir = testing::RulesDir().string();
    options.jobs = 2;
    auto report = Ingest({(testing::SharedCorpus() / "text").string()}, options);
    REQUIRE(report.ok());
    REQUIRE(report->counts.failed == 0);
    path_ = options.db_path;
  }
  const std::string& path() const { return path_; }

 private:
  testing::TempDir dir_;
  std::string path_;
};

TEST_CASE("the README's seven analyst questions answer as the annotations do", "[e2e][views]") {
  if (!testing::HaveSharedCorpus()) FAIL("../shared/corpus is absent: this test needs it");
  const std::map<int, std::string> q = ReadmeQuestions();
  REQUIRE(q.size() == 7);
  const std::map<std::string, json> docs = Annotations();
  REQUIRE(!docs.empty());
  AnalystDatabase db;
  std::map<std::string, std::string> contract = ContractKeys(db.path(), docs);
  double recall = 0, precision = 0;

  {
    INFO("Q1: the contracts that name the Département as pilot");
    std::set<std::string> expected, answer;
    for (const auto& [stem, d] : docs) {
      for (size_t i = 0; i < d["contracts"].size(); ++i) {
        const json& c = d["contracts"][i];
        for (const char* items : {"actions", "operations"}) {
          for (const json& item : c[items]) {
            for (const json& pilot : item["pilots"]) {
              if (NamesDepartement(Text(pilot))) expected.insert(Key(stem, i));
            }
          }
        }
      }
    }
    for (const auto& row : QueryRows(db.path(), q.at(1))) answer.insert(contract[row[0]]);
    REQUIRE(!expected.empty());
    Score(answer, expected, &recall, &precision);
    CHECK(recall == 1.0);
    CHECK(precision == 1.0);
  }

  {
    INFO("Q2: actions on mental health in contracts signed since 2024");
    std::set<std::pair<std::string, std::string>> expected, answer;
    for (const auto& [stem, d] : docs) {
      for (size_t i = 0; i < d["contracts"].size(); ++i) {
        const json& c = d["contracts"][i];
        if (Text(c["signed_date"]) < "2024-01-01") continue;
        for (const json& a : c["actions"]) {
          if (Fold(Text(a["title"])).find("sante mentale") == std::string::npos) continue;
          expected.insert({Key(stem, i), check::CodeKey(Text(a["code"]))});
        }
      }
    }
    for (const auto& row : QueryRows(db.path(), q.at(2))) {
      answer.insert({contract[row[0]], check::CodeKey(row[2])});
    }
    REQUIRE(!expected.empty());
    Score(answer, expected, &recall, &precision);
    CHECK(recall >= kAgreement);
    CHECK(precision >= kAgreement);
  }

  {
    INFO("Q3: who signed for the CPAM");
    std::set<std::pair<std::string, std::string>> expected, answer;
    for (const auto& [stem, d] : docs) {
      for (size_t i = 0; i < d["contracts"].size(); ++i) {
        for (const json& p : d["contracts"][i]["parties"]) {
          const std::string org = Text(p["organization"]);
          if (Text(p["acronym"]) != "CPAM" && org.rfind("CPAM", 0) != 0 &&
              Fold(org).find("assurance maladie") == std::string::npos) {
            continue;
          }
          expected.insert({Key(stem, i), check::NameKey(Text(p["representative"]))});
        }
      }
    }
    for (const auto& row : QueryRows(db.path(), q.at(3))) {
      answer.insert({contract[row[0]], check::NameKey(row[3])});
    }
    REQUIRE(!expected.empty());
    Score(answer, expected, &recall, &precision);
    CHECK(recall >= kAgreement);
    CHECK(precision >= kAgreement);
  }

  {
    INFO("Q4: actions per orientation per contract");
    std::map<std::pair<std::string, std::string>, long long> expected, answer;
    for (const auto& [stem, d] : docs) {
      for (size_t i = 0; i < d["contracts"].size(); ++i) {
        for (const json& a : d["contracts"][i]["actions"]) {
          ++expected[{Key(stem, i), check::CodeKey(Text(a["orientation"]))}];
        }
      }
    }
    for (const auto& row : QueryRows(db.path(), q.at(4))) {
      answer[{contract[row[0]], check::CodeKey(row[2])}] += std::stoll(row[4]);
    }
    REQUIRE(!expected.empty());
    std::set<std::pair<std::pair<std::string, std::string>, long long>> e(expected.begin(),
                                                                          expected.end()),
        a(answer.begin(), answer.end());
    Score(a, e, &recall, &precision);
    CHECK(recall >= kAgreement);
    CHECK(precision >= kAgreement);
  }

  {
    INFO("Q5: the partners of the most contracts, as the actors table counts them");
    const auto rows = QueryRows(db.path(), q.at(5));
    REQUIRE(!rows.empty());
    for (size_t i = 0; i < rows.size() && i < 5; ++i) {
      INFO(rows[i][0]);
      const auto direct = QueryRows(
          db.path(),
          "SELECT count(DISTINCT ac.contract_id) FROM actors ac JOIN contracts c ON c.id = "
          "ac.contract_id JOIN documents d ON d.id = c.document_id AND d.same_as IS NULL WHERE "
          "ac.role = 'partner' AND (ac.action_id IS NOT NULL OR ac.operation_id IS NOT NULL) AND "
          "ac.name = " +
              Quoted(rows[i][0]));
      CHECK(direct[0][0] == rows[i][1]);
      if (i > 0) CHECK(std::stoll(rows[i][1]) <= std::stoll(rows[i - 1][1]));
    }
  }

  {
    INFO("Q6: the items planned for 2026, as the schedule table has them");
    std::set<std::string> expected, answer;
    for (const auto& row :
         QueryRows(db.path(),
                   "SELECT DISTINCT coalesce(op.title, a.title) FROM schedule s LEFT JOIN "
                   "operations op ON op.id = s.operation_id LEFT JOIN actions a ON a.id = "
                   "s.action_id JOIN contracts c ON c.id = coalesce(op.contract_id, "
                   "a.contract_id) JOIN documents d ON d.id = c.document_id AND d.same_as IS "
                   "NULL WHERE s.year = 2026")) {
      expected.insert(row[0]);
    }
    for (const auto& row : QueryRows(db.path(), q.at(6))) answer.insert(row[3]);
    REQUIRE(!expected.empty());
    CHECK(answer == expected);
  }

  {
    INFO("Q7: the acts, their votes, ACTES ids and the contracts they approve");
    // An act approves the contracts annotated in its document when it is the
    // document's only act (the README's structure.annexed_contract).
    struct Act {
      std::string votes_for;
      std::set<std::string> contracts;
    };
    std::map<std::string, Act> expected;
    for (const auto& [stem, d] : docs) {
      if (d["deliberations"].size() != 1) continue;
      const json& act = d["deliberations"][0];
      Act e;
      e.votes_for = act["votes_for"].is_number() ? std::to_string(act["votes_for"].get<int>()) : "";
      for (const json& c : d["contracts"]) e.contracts.insert(Fold(Text(c["territory"])));
      expected[Text(act["number"])] = e;
    }
    REQUIRE(!expected.empty());
    std::map<std::string, Act> answer;
    for (const auto& row : QueryRows(db.path(), q.at(7))) {
      Act a;
      a.votes_for = row[2];
      for (const json& t : json::parse(row[6])) a.contracts.insert(Fold(Text(t)));
      answer[row[0]] = a;
    }
    for (const auto& [number, e] : expected) {
      INFO(number);
      REQUIRE(answer.count(number) == 1);
      CHECK(answer[number].votes_for == e.votes_for);
      Score(answer[number].contracts, e.contracts, &recall, &precision);
      CHECK(recall >= 0.9);
      CHECK(precision >= 0.9);
    }
  }
}

}  // namespace
}  // namespace clsdb
