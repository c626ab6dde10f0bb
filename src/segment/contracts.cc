// FindContracts: where each Contrat Local de Santé held in full starts.
//
// A contract starts at a short title block ("CONTRAT LOCAL DE SANTÉ",
// "Contrat Local de Santé de la Communauté …", "ANNEXE – Contrat Local de
// Santé …") that the contract's own text soon follows: the parties' preamble
// ("Entre : …") or its first article, within a few blocks (logos and the
// territory's name sit in between).  A report that summarises a contract in
// a paragraph, a press release headed "Contrat local de santé", or the
// contract's own "III. LE CONTRAT LOCAL DE SANTÉ DE …" section heading have
// neither, or do not read as a title, and start nothing.  A contract runs to
// the next one's title or to the end of the document.  A title that a
// flattened cover runs into its preamble ("… 2018 - 2022 Entre Madame la
// Maire de X, Monsieur le Préfet …") is confirmed by it.  Rules:
// "contract.*", "articles.heading" for the first article and
// "parties.preamble_inline".
#include <string>
#include <string_view>

#include "segment/segment.h"

namespace clsdb {

namespace {

// How many blocks after its title a contract's preamble or first article may
// start: the title page holds the territory's name and the captions of the
// partners' logos, which a PDF may cut into many short blocks.
constexpr int kTitlePageBlocks = 25;

// A title that runs on into the text ("Contrat local de santé de … 2019-2023
// Cadre stratégique …") is taken only where a document opens: further on,
// such a paragraph is a sentence about the contract.
constexpr int kRunOnTitleBlocks = 3;

bool IsTitle(const LaidOutDocument& doc, int i, const RuleSet& rules) {
  const Block& block = doc.blocks[i];
  if (block.kind != Block::Kind::kParagraph) return false;
  RuleMatch m;
  if (rules.Search(RuleId::kContractTitle, block.text, &m)) {
    return !rules.Search(RuleId::kContractNotATitle, block.text, &m);
  }
  if (i >= kRunOnTitleBlocks || !rules.Search(RuleId::kContractTitleRunOn, block.text, &m)) {
    return false;
  }
  // A run-on title is judged by its own words: the paragraph it opens (a
  // flattened page holds the whole document) has sentences of its own.
  RuleMatch sign;
  return !rules.Search(RuleId::kContractNotATitle,
                       std::string_view(block.text).substr(m.start, m.end - m.start), &sign);
}

bool IsFirstArticle(const Block& block, const RuleSet& rules) {
  RuleMatch m;
  if (!rules.Search(RuleId::kArticlesHeading, block.text, &m)) return false;
  const std::string& n = m.Get("number");
  return n == "1" || n == "1er" || n == "premier" || n == "Premier" || n == "PREMIER";
}

// A table of contents lists the articles' headings one after another: an
// "Article 1 : …" line that the next heading directly follows has no text of
// its own and is an entry of the contents, not the contract's first article.
bool IsContentsEntry(const LaidOutDocument& doc, int j, const RuleSet& rules) {
  const int n = static_cast<int>(doc.blocks.size());
  for (int k = j + 1; k < n; ++k) {
    const Block& next = doc.blocks[k];
    if (next.kind != Block::Kind::kParagraph) continue;
    return rules.Matches(RuleId::kArticlesHeading, next.text);
  }
  return false;
}

// The block that confirms a title: the preamble or article 1.  The first
// contract's title page may be followed by its contents, so an entry of the
// contents confirms it; a further title confirmed by one only is a line of
// the contents itself (a heading "Le Contrat Local de Santé" over the
// articles it lists), not a second contract.
bool OpensContract(const LaidOutDocument& doc, int j, bool first_contract, const RuleSet& rules) {
  const Block& block = doc.blocks[j];
  if (block.kind != Block::Kind::kParagraph) return false;
  if (rules.Matches(RuleId::kContractPreambleStart, block.text)) return true;
  return IsFirstArticle(block, rules) && (first_contract || !IsContentsEntry(doc, j, rules));
}

}  // namespace

std::vector<ContractSegment> FindContracts(const LaidOutDocument& doc, const RuleSet& rules) {
  std::vector<ContractSegment> out;
  const int n = static_cast<int>(doc.blocks.size());
  int i = 0;
  while (i < n) {
    if (!IsTitle(doc, i, rules)) {
      ++i;
      continue;
    }
    // Further title lines before the preamble ("Contrat local de santé de
    // deuxième génération") belong to this title page.
    // A flattened cover runs the title into its preamble ("CONTRAT LOCAL DE
    // SANTE 2018 - 2022 Entre Madame la Maire de X, Monsieur le Préfet …").
    RuleMatch inline_preamble;
    int confirmed =
        rules.Search(RuleId::kPartiesPreambleInline, doc.blocks[i].text, &inline_preamble) ? i : -1;
    for (int j = i + 1; confirmed < 0 && j < n && j <= i + kTitlePageBlocks; ++j) {
      if (OpensContract(doc, j, out.empty(), rules)) {
        confirmed = j;
        break;
      }
    }
    if (confirmed < 0) {
      ++i;
      continue;
    }
    if (!out.empty()) out.back().range.end = i;
    ContractSegment seg;
    seg.title_block = i;
    seg.range = BlockRange{i, n};
    out.push_back(seg);
    i = confirmed + 1;
  }
  return out;
}

namespace {

// Whether the document shows a part of a contract's own text (its parties'
// preamble, its commitments, object, duration or visa), which a page or a
// release about one does not have.
bool ShowsOwnParts(const LaidOutDocument& doc, const RuleSet& rules) {
  for (const Block& block : doc.blocks) {
    if (block.kind != Block::Kind::kParagraph) continue;
    if (rules.Matches(RuleId::kContractOwnParts, block.text) ||
        rules.Matches(RuleId::kContractPreambleStart, block.text)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<ContractSegment> WholeDocumentContract(const LaidOutDocument& doc,
                                                     const RuleSet& rules) {
  const int n = static_cast<int>(doc.blocks.size());
  for (int i = 0; i < n; ++i) {
    if (!IsTitle(doc, i, rules)) continue;
    ContractSegment seg;
    seg.title_block = i;
    seg.range = BlockRange{0, n};  // what precedes the title (a caption, logos) is the contract's
    return seg;
  }
  // Untitled: the document must name a CLS and show a part of one's own text.
  if (!ShowsOwnParts(doc, rules)) return std::nullopt;
  for (int i = 0; i < n; ++i) {
    const Block& block = doc.blocks[i];
    if (block.kind != Block::Kind::kParagraph) continue;
    if (rules.Matches(RuleId::kContractNamesCls, block.text)) {
      ContractSegment seg;
      seg.title_block = 0;
      seg.untitled = true;
      seg.range = BlockRange{0, n};
      return seg;
    }
  }
  return std::nullopt;
}

}  // namespace clsdb
