// Text layout (FlowBuilder, tables from tab-separated lines, running lines,
// stamps) on arbitrary text.  The checks are the promises of layout.h that
// every provenance span relies on: blocks and cells point at their own text
// inside their page.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "layout/layout.h"

namespace {

using clsdb::LaidOutDocument;
using clsdb::TextSpan;

// The text at span, or nullptr when the span is outside its page.
const std::string* SpanText(const LaidOutDocument& doc, const TextSpan& span, std::string* out) {
  if (span.page < 1 || span.page > static_cast<int>(doc.pages.size())) return nullptr;
  const std::string& page = doc.pages[span.page - 1].text;
  if (span.start < 0 || span.start > span.end || span.end > static_cast<int>(page.size())) {
    return nullptr;
  }
  *out = page.substr(span.start, span.end - span.start);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clsdb;
  if (size > fuzz::kMaxInput) return 0;
  // What DecodeText hands on: valid UTF-8, \n line ends, split on \f.
  std::string text =
      fuzz::MakeValidUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  RawDocument raw;
  raw.format = SourceFormat::kText;
  raw.path = "fuzz.txt";
  size_t start = 0;
  while (true) {
    const size_t ff = text.find('\f', start);
    RawPage page;
    page.page_no = static_cast<int>(raw.pages.size()) + 1;
    page.text = text.substr(start, ff == std::string::npos ? std::string::npos : ff - start);
    raw.pages.push_back(std::move(page));
    if (ff == std::string::npos) break;
    start = ff + 1;
  }

  const LaidOutDocument doc = LayOut(raw);
  CLSDB_FUZZ_CHECK(doc.pages.size() == raw.pages.size());
  for (const PageText& page : doc.pages) CLSDB_FUZZ_CHECK(fuzz::IsValidUtf8(page.text));
  std::string at;
  for (const Block& block : doc.blocks) {
    if (block.kind == Block::Kind::kParagraph) {
      CLSDB_FUZZ_CHECK(SpanText(doc, block.span, &at) != nullptr);
      CLSDB_FUZZ_CHECK(at == block.text);
      // flow_builder.h: one paragraph per line of the page text.
      CLSDB_FUZZ_CHECK(block.text.find('\n') == std::string::npos);
    } else {
      CLSDB_FUZZ_CHECK(block.table >= 0 && block.table < static_cast<int>(doc.tables.size()));
      CLSDB_FUZZ_CHECK(!doc.tables[block.table].rows.empty());
    }
  }
  for (const Table& table : doc.tables) {
    for (const TableRow& row : table.rows) {
      CLSDB_FUZZ_CHECK(!row.cells.empty());
      for (const Cell& cell : row.cells) {
        CLSDB_FUZZ_CHECK(SpanText(doc, cell.span, &at) != nullptr);
        CLSDB_FUZZ_CHECK(at == cell.text);
      }
    }
  }
  return 0;
}
