// LinkRecords (extract/links.cc): which contracts an act approves, the act a
// transmission stamp belongs to, and the contract a glossary entry is in,
// on the test documents of corpus/documents and on texts cut from them.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/extract.h"
#include "repo_rules.h"
#include "test_paths.h"

namespace clsdb {
namespace {

std::string ReadCorpus(const std::string& name) {
  std::ifstream in(testing::SourceDir() / "corpus/documents" / name);
  std::stringstream text;
  text << in.rdbuf();
  REQUIRE(!text.str().empty());
  return text.str();
}

// The text of delib_cls_annexe.txt cut at its annex: the act, and the
// contract annexed to it.
void SplitAtAnnex(const std::string& text, std::string* act, std::string* contract) {
  const size_t annex = text.find("**ANNEXE");
  REQUIRE(annex != std::string::npos);
  *act = text.substr(0, annex);
  *contract = text.substr(annex);
}

TEST_CASE("a document's only act approves every contract annexed to it", "[links]") {
  const DocumentRecords r = testing::ExtractText(ReadCorpus("delib_cls_annexe.txt"));
  REQUIRE(r.deliberations.size() == 1);
  REQUIRE(!r.contracts.empty());
  const std::vector<ApprovedContract>& approves = r.deliberations[0].approves;
  REQUIRE(approves.size() == r.contracts.size());
  for (size_t c = 0; c < approves.size(); ++c) {
    CHECK(approves[c].contract_index == static_cast<int>(c));
    CHECK(approves[c].prov.rule == "structure.annexed_contract");
  }
}

TEST_CASE("a stamp belongs to the act whose number its reference carries", "[links]") {
  const DocumentRecords r = testing::ExtractText(ReadCorpus("delib_cls_annexe.txt"));
  REQUIRE(!r.transmissions.empty());
  for (const Transmission& t : r.transmissions) CHECK(t.deliberation_index == 0);
}

TEST_CASE("of two acts, the one naming the contract beside 'Contrat Local de Santé' approves it",
          "[links]") {
  std::string act, contract;
  SplitAtAnnex(ReadCorpus("delib_cls_annexe.txt"), &act, &contract);
  // A second act of the same body before it, on another subject, with
  // another number: it names the body (the territory) but no contract.
  std::string other = act;
  auto replace_all = [](std::string* s, const std::string& from, const std::string& to) {
    for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
      s->replace(at, from.size(), to);
    }
  };
  replace_all(&other, "2025-045", "2025-044");
  replace_all(&other, "2025_045", "2025_044");
  replace_all(&other, "Contrat Local de Santé 2025-2029 des Monts de Coatmeur",
              "programme de voirie 2025");
  replace_all(&other, "contrat local de santé", "programme de voirie");
  replace_all(&other, "ce contrat", "ce programme");
  const DocumentRecords r = testing::ExtractText(other + act + contract);
  REQUIRE(r.deliberations.size() == 2);
  REQUIRE(r.contracts.size() == 1);
  CHECK(r.deliberations[0].approves.empty());
  REQUIRE(r.deliberations[1].approves.size() == 1);
  CHECK(r.deliberations[1].approves[0].contract_index == 0);
  CHECK(r.deliberations[1].approves[0].prov.rule == "structure.named_contract");
  // Each stamp goes to the act its reference numbers.
  bool any_044 = false, any_045 = false;
  for (const Transmission& t : r.transmissions) {
    REQUIRE(t.act_ref);
    const bool is_044 = t.act_ref->find("044") != std::string::npos;
    any_044 = any_044 || is_044;
    any_045 = any_045 || !is_044;
    CHECK(t.deliberation_index == (is_044 ? 0 : 1));
  }
  CHECK(any_044);
  CHECK(any_045);
}

TEST_CASE("a glossary entry belongs to the contract whose text holds it, or to none", "[links]") {
  std::string act, contract;
  SplitAtAnnex(ReadCorpus("delib_cls_annexe.txt"), &act, &contract);
  const std::string glossary =
      "\nGlossaire\nCCAS : Centre communal d'action sociale\n\n"
      "Les autres sigles sont ceux de la délibération du conseil communautaire.\n\n";
  auto ccas = [](const DocumentRecords& r) {
    std::vector<int> contracts;
    for (const GlossaryEntry& g : r.glossary) {
      if (g.acronym == "CCAS") contracts.push_back(g.contract_index);
    }
    return contracts;
  };
  // In the act (before any contract): no contract.
  const DocumentRecords before = testing::ExtractText(act + glossary + contract);
  REQUIRE(!before.contracts.empty());
  CHECK(ccas(before) == std::vector<int>{-1});
  // At the end of the annexed contract: that contract.
  const DocumentRecords after = testing::ExtractText(act + contract + glossary);
  REQUIRE(after.contracts.size() == 1);
  CHECK(ccas(after) == std::vector<int>{0});
}

}  // namespace
}  // namespace clsdb
