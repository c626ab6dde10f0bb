#include "extract/extract.h"
#include "extract/text_util.h"

namespace clsdb {

namespace {

// A headline: a short line of several words that does not end a sentence.
bool LooksLikeHeadline(const std::string& text) {
  if (text.size() > 300 || text.empty() || text.back() == '.' || text.back() == ':') return false;
  int words = 1;
  for (char c : text) words += c == ' ';
  return words >= 5;
}

}  // namespace

void ExtractDocumentTitle(const LaidOutDocument& doc, const Segmentation& seg, const RuleSet& rules,
                          DocumentRecords* out) {
  if (out->title) return;
  // Only the opening of a document carries its title.
  const int window = std::min<int>(12, static_cast<int>(doc.blocks.size()));

  if (out->doc_type == DocumentType::kContract && !seg.contracts.empty() &&
      !out->contracts.empty()) {
    // The title page as printed (a period or a generation may follow the
    // contract's name on the same line), else the contract's title.
    std::string title = out->contracts.front().title;
    const int at = seg.contracts.front().title_block;
    if (at >= 0 && at < static_cast<int>(doc.blocks.size())) {
      std::string block = CleanValue(doc.blocks[at].text);
      if (block.size() > title.size()) title = block;
    }
    if (!title.empty()) out->title = title;
    return;
  }

  RuleMatch m;
  for (int i = 0; i < window; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != Block::Kind::kParagraph) continue;
    if (rules.Search(RuleId::kTitleHeading, b.text, &m)) {
      std::string title = CleanValue(m.Get("title"));
      for (int j = i + 1; j < window && doc.blocks[j].kind == Block::Kind::kParagraph &&
                          rules.Search(RuleId::kTitleContinuation, doc.blocks[j].text, nullptr);
           ++j) {
        title += " " + CleanValue(doc.blocks[j].text);
      }
      out->title = title;
      return;
    }
  }
  // One act without a heading of minutes above it (an extract of the
  // register): its subject is the document's title.
  if (out->deliberations.size() == 1 && out->deliberations.front().title) {
    out->title = out->deliberations.front().title;
    return;
  }
  // A release or a page about a contract: its headline, the first line that
  // is not a label ("Le Contrat local de santé (CLS)" heading a page).
  if (out->doc_type != DocumentType::kPressRelease && out->doc_type != DocumentType::kNote) {
    return;
  }
  for (int i = 0; i < window; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != Block::Kind::kParagraph || rules.Search(RuleId::kTitleLabel, b.text, nullptr)) {
      continue;
    }
    if (LooksLikeHeadline(b.text)) out->title = CleanValue(b.text);
    return;  // the first line that is not a label is the title, or there is none
  }
}

}  // namespace clsdb
