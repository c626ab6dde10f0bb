// ExtractGlossary: the acronym lines of the glossary annexes, anywhere in the
// document.  Rules: "glossary.*" of rules/glossary.rules.
//
// After a heading ("Glossaire", "Annexe : Glossaire", "SIGLES", "Liste des
// sigles"), entries follow one per line ("AAP : Appel A Projet") or one per
// table row ("AAP<tab>Appel à projet", after a "Sigle | Signification"
// header).  The glossary ends at the first block that is neither.  A short
// line between two entries continues the expansion above it: a line break
// the conversion left inside an entry ("PAT : Programme Alimentaire" /
// "Territoriale").  Every line counts, so an acronym defined in the
// glossaries of two contracts appears twice, as the annotations have it; a
// "Glossaire" line of a summary, followed by other annex titles, gives none.
#include <string>
#include <string_view>

#include "extract/extract.h"
#include "extract/text_util.h"

namespace clsdb {

namespace {

// A line that continues an expansion is at most this long.
constexpr size_t kMaxContinuation = 60;

class GlossaryReader {
 public:
  GlossaryReader(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                 DocumentRecords* out)
      : doc_(doc), seg_(seg), rules_(rules), out_(out) {}

  void Read() {
    const int n = static_cast<int>(doc_.blocks.size());
    for (int i = 0; i < n; ++i) {
      const Block& b = doc_.blocks[i];
      RuleMatch m;
      if (!IsParagraph(b) || !rules_.Search(RuleId::kGlossaryHeading, b.text, &m)) continue;
      int j = i + 1;
      // One line of introduction may sit between the heading and the list.
      if (j + 1 < n && !IsEntry(j) && IsEntry(j + 1)) ++j;
      bool any = false;
      while (j < n) {
        if (Take(j)) {
          any = true;
          ++j;
        } else if (any && IsContinuation(j) && (j + 1 >= n || IsEntry(j + 1))) {
          Continue(doc_.blocks[j]);
          ++j;
        } else {
          break;
        }
      }
      i = j - 1;
    }
  }

 private:
  bool IsAcronym(std::string_view text) const {
    RuleMatch m;
    return rules_.Search(RuleId::kGlossaryAcronym, text, &m) &&
           rules_.Search(RuleId::kGlossaryTwoCapitals, text, &m);
  }

  // A line "ACR : expansion", or a table with at least one such row.
  bool IsEntry(int i) const {
    const Block& b = doc_.blocks[i];
    if (IsParagraph(b)) {
      RuleMatch m;
      return rules_.Search(RuleId::kGlossaryEntry, b.text, &m) && IsAcronym(m.Get("acronym"));
    }
    if (b.table < 0 || b.table >= static_cast<int>(doc_.tables.size())) return false;
    for (const TableRow& row : doc_.tables[b.table].rows) {
      if (row.cells.size() >= 2 && IsAcronym(CleanValue(row.cells[0].text))) return true;
    }
    return false;
  }

  // Adds the entries of block i; false when it holds none.
  bool Take(int i) {
    const Block& b = doc_.blocks[i];
    if (IsParagraph(b)) {
      RuleMatch m;
      if (!rules_.Search(RuleId::kGlossaryEntry, b.text, &m) || !IsAcronym(m.Get("acronym"))) {
        return false;
      }
      Add(CleanValue(m.Get("acronym")), CleanValue(m.Get("expansion")),
          ProvenanceIn(b, m.start, m.end, RuleId::kGlossaryEntry), i);
      return true;
    }
    if (b.table < 0 || b.table >= static_cast<int>(doc_.tables.size())) return false;
    bool any = false;
    for (const TableRow& row : doc_.tables[b.table].rows) {
      if (row.cells.size() < 2) continue;
      const std::string acronym = CleanValue(row.cells[0].text);
      RuleMatch m;
      if (rules_.Search(RuleId::kGlossaryHeaderCell, acronym, &m) || !IsAcronym(acronym)) continue;
      std::string expansion;
      for (size_t c = 1; c < row.cells.size() && expansion.empty(); ++c) {
        expansion = CleanValue(row.cells[c].text);
      }
      if (expansion.empty()) continue;
      Add(acronym, expansion,
          ProvenanceIn(row.cells[0], 0, row.cells[0].text.size(),
                       std::string(kStructureGlossaryRow)),
          i);
      any = true;
    }
    return any;
  }

  bool IsContinuation(int i) const {
    const Block& b = doc_.blocks[i];
    RuleMatch m;
    return IsParagraph(b) && b.text.size() <= kMaxContinuation &&
           b.text.find(':') == std::string::npos &&
           !rules_.Search(RuleId::kGlossaryHeading, b.text, &m) && !out_->glossary.empty();
  }

  void Continue(const Block& b) {
    GlossaryEntry& last = out_->glossary.back();
    last.expansion = CleanValue(last.expansion + " " + b.text);
  }

  // An entry of block i, attached to the contract that holds that block.
  void Add(std::string acronym, std::string expansion, Provenance prov, int i) {
    if (acronym.empty() || expansion.empty()) return;
    GlossaryEntry& e = out_->glossary.emplace_back();
    e.acronym = std::move(acronym);
    e.expansion = std::move(expansion);
    e.prov = std::move(prov);
    e.contract_index = ContractHolding(seg_, i);
  }

  const LaidOutDocument& doc_;
  const Segmentation& seg_;
  const RuleSet& rules_;
  DocumentRecords* out_;
};

}  // namespace

void ExtractGlossary(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                     DocumentRecords* out) {
  GlossaryReader(doc, seg, rules, out).Read();
}

}  // namespace clsdb
