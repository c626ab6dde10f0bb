#include "repair/ocr_repair.h"

#include <set>

namespace clsdb {

namespace {

// What a capture writes in place of each of its characters; the character
// itself when it has nothing to say.  Only ASCII is written over ASCII, so
// byte counts never change.
char Repaired(const std::string& capture, char c) {
  if (capture == "digits") {
    if (c == 'l' || c == 'I' || c == '|') return '1';
    if (c == 'O' || c == 'o') return '0';
    return c;
  }
  if (capture == "placeholder") return (static_cast<unsigned char>(c) < 0x80) ? 'x' : c;
  return c;
}

}  // namespace

int RepairOcrText(const RuleSet& rules, std::string* text) {
  int repairs = 0;
  for (const Rule* rule : rules.Family(RuleFamily::kOcr)) {
    if (rule->fragment) continue;
    for (const RuleMatch& m : rules.SearchAll(*rule, *text)) {
      bool changed = false;
      for (const auto& [name, span] : m.group_spans) {
        for (size_t i = span.first; i < span.second && i < text->size(); ++i) {
          const char fixed = Repaired(name, (*text)[i]);
          if (fixed != (*text)[i]) {
            (*text)[i] = fixed;
            changed = true;
          }
        }
      }
      repairs += changed;
    }
  }
  return repairs;
}

void RepairOcrPages(const RuleSet& rules, LaidOutDocument* doc) {
  std::set<int> ocr_pages;
  for (PageText& page : doc->pages) {
    if (!page.ocr) continue;
    ocr_pages.insert(page.page_no);
    RepairOcrText(rules, &page.text);
  }
  if (ocr_pages.empty()) return;
  auto on_ocr_page = [&](int page) { return ocr_pages.count(page) > 0; };
  for (Block& block : doc->blocks) {
    if (on_ocr_page(block.span.page)) RepairOcrText(rules, &block.text);
  }
  for (Table& table : doc->tables) {
    for (TableRow& row : table.rows) {
      for (Cell& cell : row.cells) {
        if (on_ocr_page(cell.span.page)) RepairOcrText(rules, &cell.text);
      }
    }
  }
  for (Stamp& stamp : doc->stamps) {
    if (on_ocr_page(stamp.page)) RepairOcrText(rules, &stamp.text);
  }
}

}  // namespace clsdb
