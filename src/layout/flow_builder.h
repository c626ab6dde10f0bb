// FlowBuilder: turns the units a page yields in reading order (paragraphs and
// table rows) into the stored page text, the blocks and the tables of a
// LaidOutDocument.  Both the text path and the PDF path feed it, so the rest
// of the pipeline sees one model whatever the source.
//
// Page text layout: one paragraph per line; a table row per line with its
// cells separated by '\t' (a cell's internal line breaks stay '\n').
#ifndef CLSDB_LAYOUT_FLOW_BUILDER_H_
#define CLSDB_LAYOUT_FLOW_BUILDER_H_

#include <string>
#include <vector>

#include "layout/layout.h"

namespace clsdb {

class FlowBuilder {
 public:
  // REQUIRES: *out outlives the builder; pages are begun in increasing order.
  explicit FlowBuilder(LaidOutDocument* out) : out_(out) {}

  void BeginPage(int page_no, bool has_text_layer);
  // A paragraph (already normalised, one line).  Empty text is ignored.
  void AddParagraph(const std::string& text, bool bullet);
  // A table row (cells already normalised).  Consecutive rows form one table;
  // a table that resumes at the top of the next page continues the same
  // table, and a row equal to the table's first row (a header repeated on a
  // new page) is dropped — unless drop_repeated_header is false, for a
  // caller that has already told repeated headers from new tables (the PDF
  // path, which sees the page geometry).
  void AddTableRow(const std::vector<std::string>& cells, bool drop_repeated_header = true);
  // Ends the current table, if any (a paragraph ends it too).
  void EndTable();
  // A stamp lifted out of the flow on the current page.
  void AddStamp(const std::string& text);

 private:
  PageText& page() { return out_->pages.back(); }
  LaidOutDocument* out_;
  int open_table_ = -1;             // index of the table rows are appended to
  bool table_at_page_end_ = false;  // the open table was the last thing on its page
  bool page_has_content_ = false;
};

}  // namespace clsdb

#endif  // CLSDB_LAYOUT_FLOW_BUILDER_H_
