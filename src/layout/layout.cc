#include "layout/layout.h"

#include <string_view>

#include "layout/flow_builder.h"
#include "layout/pdf_layout.h"
#include "layout/running_text.h"
#include "layout/text_wrap.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> SplitCells(std::string_view line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cells.push_back(NormalizeCell(line.substr(start, tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  // Converters pad rows with empty trailing cells; they carry nothing.
  while (cells.size() > 1 && cells.back().empty()) cells.pop_back();
  return cells;
}

// Appends line to a paragraph as JoinLines joins two lines, in place: a
// wrapped paragraph may run to thousands of lines, and JoinLines needs only
// the end of the first (its last word, its hyphen).
void AppendLine(std::string* paragraph, std::string_view line) {
  constexpr size_t kTail = 256;
  const size_t from = paragraph->size() > kTail ? paragraph->size() - kTail : 0;
  const size_t space = std::string_view(*paragraph).substr(from).find_last_of(' ');
  const size_t cut = space == std::string_view::npos ? from : from + space + 1;
  const std::string joined = JoinLines(std::string_view(*paragraph).substr(cut), line);
  paragraph->resize(cut);
  *paragraph += joined;
}

// A text file's stamp may be printed as consecutive lines, some with the
// converter's leading space; collect them into one stamp.  In a hard-wrapped
// text (wrap_width > 0, text_wrap.h) the lines a converter broke are joined
// back into their paragraph; otherwise each non-empty line is a paragraph.
void LayOutTextPage(const RawPage& page, bool drop_running, const std::vector<bool>& running,
                    int wrap_width, bool run_on, FlowBuilder* flow) {
  flow->BeginPage(page.page_no, page.has_text_layer);
  std::vector<std::string_view> lines = SplitLines(page.text);
  std::string stamp;
  auto flush_stamp = [&] {
    if (!stamp.empty()) flow->AddStamp(stamp);
    stamp.clear();
  };
  std::string paragraph, last_line;
  bool bullet = false;
  int paragraph_lines = 0;  // lines joined into paragraph
  auto flush_paragraph = [&] {
    if (!paragraph.empty()) flow->AddParagraph(paragraph, bullet);
    paragraph.clear();
    last_line.clear();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view raw = lines[i];
    if (drop_running && i < running.size() && running[i]) continue;
    if (raw.find('\t') != std::string_view::npos) {
      flush_stamp();
      flush_paragraph();
      flow->AddTableRow(SplitCells(raw));
      continue;
    }
    // Normalising may break a line (U+2028, U+2029, NEL are line breaks):
    // each piece is a line of its own, as the flow expects.
    const std::string normalized = NormalizeText(raw);
    for (std::string_view text : SplitLines(normalized)) {
      if (text.empty()) {  // blank lines neither end tables nor stamps
        flush_paragraph();
        continue;
      }
      if (IsStampLine(text)) {
        if (!stamp.empty()) stamp += '\n';
        stamp += text;
        continue;
      }
      flush_stamp();
      if (wrap_width > 0 && !paragraph.empty() &&
          ContinuesWrappedLine(last_line, text, wrap_width, run_on, paragraph_lines == 1)) {
        AppendLine(&paragraph, text);
        ++paragraph_lines;
        last_line = text;
        continue;
      }
      flush_paragraph();
      const size_t bullet_length = BulletPrefixLength(text);
      bullet = bullet_length > 0;
      paragraph = text.substr(bullet_length);
      paragraph_lines = 1;
      last_line = text;
    }
  }
  flush_paragraph();
  flush_stamp();
}

void LayOutText(const RawDocument& doc, LaidOutDocument* out) {
  // Running headers and footers only make sense across several pages.
  const bool multi_page = doc.pages.size() >= 3;
  std::vector<std::vector<bool>> running;
  if (multi_page) {
    std::vector<std::vector<std::string>> page_lines;
    for (const RawPage& page : doc.pages) {
      std::vector<std::string> lines;
      for (std::string_view l : SplitLines(page.text)) lines.push_back(NormalizeText(l));
      page_lines.push_back(std::move(lines));
    }
    // Margins count lines, blank ones included, so the index matches
    // SplitLines in LayOutTextPage.
    running = FindRunningLines(page_lines);
  }
  std::vector<std::string_view> all_lines;
  for (const RawPage& page : doc.pages) {
    for (std::string_view line : SplitLines(page.text)) all_lines.push_back(line);
  }
  int wrap_width = WrapWidth(all_lines);
  bool run_on = wrap_width > 0 && WrittenRunOn(all_lines, wrap_width);
  if (wrap_width == 0) {
    wrap_width = BlankSeparatedWrapWidth(all_lines);
    run_on = wrap_width > 0;
  }
  FlowBuilder flow(out);
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    static const std::vector<bool> kNone;
    LayOutTextPage(doc.pages[p], multi_page, multi_page ? running[p] : kNone, wrap_width, run_on,
                   &flow);
  }
}

}  // namespace

LaidOutDocument LayOut(const RawDocument& doc) {
  LaidOutDocument out;
  out.diagnostics = doc.diagnostics;  // the reader's, before layout's own
  if (doc.format == SourceFormat::kPdf) {
    LayOutPdf(doc, &out);
  } else {
    LayOutText(doc, &out);
  }
  return out;
}

}  // namespace clsdb
