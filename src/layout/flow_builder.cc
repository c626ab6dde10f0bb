#include "layout/flow_builder.h"

namespace clsdb {

namespace {

bool SameRow(const TableRow& row, const std::vector<std::string>& cells) {
  if (row.cells.size() != cells.size()) return false;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (row.cells[i].text != cells[i]) return false;
  }
  return true;
}

}  // namespace

void FlowBuilder::BeginPage(int page_no, bool has_text_layer) {
  // A table still open at the end of the previous page may go on here.
  table_at_page_end_ = open_table_ >= 0;
  page_has_content_ = false;
  out_->pages.push_back(PageText{page_no, std::string(), has_text_layer});
}

void FlowBuilder::AddParagraph(const std::string& text, bool bullet) {
  if (text.empty()) return;
  EndTable();
  std::string& page_text = page().text;
  Block block;
  block.kind = Block::Kind::kParagraph;
  block.text = text;
  block.bullet = bullet;
  block.span = {page().page_no, static_cast<int>(page_text.size()),
                static_cast<int>(page_text.size() + text.size())};
  page_text += text;
  page_text += '\n';
  out_->blocks.push_back(std::move(block));
  page_has_content_ = true;
}

void FlowBuilder::AddTableRow(const std::vector<std::string>& cells, bool drop_repeated_header) {
  if (cells.empty()) return;
  const bool resumes = open_table_ >= 0 && table_at_page_end_ && !page_has_content_;
  if (open_table_ < 0) {
    out_->tables.emplace_back();
    open_table_ = static_cast<int>(out_->tables.size()) - 1;
    Block block;
    block.kind = Block::Kind::kTable;
    block.table = open_table_;
    block.span = {page().page_no, static_cast<int>(page().text.size()),
                  static_cast<int>(page().text.size())};
    out_->blocks.push_back(std::move(block));
  }
  Table& table = out_->tables[open_table_];
  if (drop_repeated_header && resumes && !table.rows.empty() &&
      SameRow(table.rows.front(), cells)) {
    page_has_content_ = true;  // the repeated header: dropped, table goes on
    return;
  }
  std::string& page_text = page().text;
  TableRow row;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) page_text += '\t';
    Cell cell;
    cell.text = cells[i];
    cell.span = {page().page_no, static_cast<int>(page_text.size()),
                 static_cast<int>(page_text.size() + cells[i].size())};
    page_text += cells[i];
    row.cells.push_back(std::move(cell));
  }
  page_text += '\n';
  table.rows.push_back(std::move(row));
  // Keep the block's text in step: rows '\n', cells '\t'.
  Block& block = out_->blocks.back();
  if (!block.text.empty()) block.text += '\n';
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) block.text += '\t';
    block.text += cells[i];
  }
  if (page().page_no == block.span.page) block.span.end = static_cast<int>(page_text.size()) - 1;
  page_has_content_ = true;
  table_at_page_end_ = false;
}

void FlowBuilder::EndTable() {
  open_table_ = -1;
  table_at_page_end_ = false;
}

void FlowBuilder::AddStamp(const std::string& text) {
  out_->stamps.push_back(Stamp{page().page_no, text});
}

}  // namespace clsdb
