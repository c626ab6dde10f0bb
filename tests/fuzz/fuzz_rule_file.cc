// RuleSet::AddFile on arbitrary rule-file text: analysts edit these files
// by hand, so a malformed one must give a file:line error, never a crash;
// one that loads must be usable (its examples run, its patterns search).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "rules/rule_set.h"

namespace {

constexpr std::string_view kSample =
    "ARTICLE 4 : Orientations stratégiques\n"
    "Fait à Bapaume, le 4 février 2025, M. le Maire, Mme DUPONT (CPAM)\n"
    "Envoyé en préfecture le 02/10/2025 — ID : 062-216200410-20250924-DELIB\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clsdb;
  if (size > fuzz::kMaxInput) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  RuleSet rules;
  // Lists that {{…}} may name, as rules/lists/*.list would provide.
  rules.AddList("civility", {"M.", "Mme", "Monsieur", "Madame"});
  rules.AddList("empty", {});
  Status status = rules.AddFile(text, "fuzz.rules");
  if (!status.ok()) {
    // Errors name the file (and, per rule_set.h, the line).
    CLSDB_FUZZ_CHECK(status.message().find("fuzz.rules") != std::string::npos);
    return 0;
  }
  for (const auto& rule : rules.rules()) {
    CLSDB_FUZZ_CHECK(rules.Find(rule->name) == rule.get());
    CLSDB_FUZZ_CHECK(rule->re().ok());  // AddFile compiled and checked it
    rules.CheckExamples(*rule);
    size_t last_end = 0;
    for (const RuleMatch& m : rules.SearchAll(*rule, kSample)) {
      CLSDB_FUZZ_CHECK(m.start >= last_end && m.start <= m.end && m.end <= kSample.size());
      last_end = m.end;
      for (const auto& [name, span] : m.group_spans) {
        CLSDB_FUZZ_CHECK(span.first <= span.second && span.second <= kSample.size());
      }
    }
  }
  return 0;
}
