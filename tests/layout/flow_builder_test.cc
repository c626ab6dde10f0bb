// FlowBuilder alone: the page text it writes, and the blocks, tables and
// spans that point into it.
#include "layout/flow_builder.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace clsdb {
namespace {

using Strings = std::vector<std::string>;

// The text a span covers in its page.
std::string Spanned(const LaidOutDocument& doc, const TextSpan& span) {
  for (const PageText& p : doc.pages) {
    if (p.page_no == span.page) return p.text.substr(span.start, span.end - span.start);
  }
  return "<no page " + std::to_string(span.page) + ">";
}

TEST_CASE("FlowBuilder writes one paragraph a line, each block spanning its text", "[layout]") {
  LaidOutDocument doc;
  FlowBuilder flow(&doc);
  flow.BeginPage(1, true);
  flow.AddParagraph("ARTICLE 1 : Objet", false);
  flow.AddParagraph("", false);  // ignored
  flow.AddParagraph("Développer la prévention", true);
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.pages[0].text == "ARTICLE 1 : Objet\nDévelopper la prévention\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK_FALSE(doc.blocks[0].bullet);
  CHECK(doc.blocks[1].bullet);
  for (const Block& b : doc.blocks) {
    CHECK(IsParagraph(b));
    CHECK(Spanned(doc, b.span) == b.text);
  }
}

TEST_CASE("FlowBuilder writes table rows with tabs and spans every cell", "[layout]") {
  LaidOutDocument doc;
  FlowBuilder flow(&doc);
  flow.BeginPage(3, true);
  flow.AddParagraph("Plan d'action", false);
  flow.AddTableRow({"Action", "Pilote"});
  flow.AddTableRow({"1.1 Dépistage", "CPAM\nARS"});
  flow.AddParagraph("Fin", false);
  CHECK(doc.pages[0].text == "Plan d'action\nAction\tPilote\n1.1 Dépistage\tCPAM\nARS\nFin\n");
  REQUIRE(doc.tables.size() == 1);
  REQUIRE(doc.blocks.size() == 3);
  const Block& table = doc.blocks[1];
  CHECK(table.kind == Block::Kind::kTable);
  CHECK(table.table == 0);
  CHECK(table.text == "Action\tPilote\n1.1 Dépistage\tCPAM\nARS");
  CHECK(Spanned(doc, table.span) == table.text);
  for (const TableRow& row : doc.tables[0].rows) {
    for (const Cell& cell : row.cells) {
      CHECK(cell.span.page == 3);
      CHECK(Spanned(doc, cell.span) == cell.text);
    }
  }
}

TEST_CASE("FlowBuilder continues a table on the next page and drops its repeated header",
          "[layout]") {
  LaidOutDocument doc;
  FlowBuilder flow(&doc);
  flow.BeginPage(1, true);
  flow.AddTableRow({"Action", "Pilote"});
  flow.AddTableRow({"1.1", "ARS"});
  flow.BeginPage(2, true);
  flow.AddTableRow({"Action", "Pilote"});  // printed again at the top
  flow.AddTableRow({"1.2", "CAF"});
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.tables[0].rows.size() == 3);
  CHECK(doc.pages[1].text == "1.2\tCAF\n");
  CHECK(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "Action\tPilote\n1.1\tARS\n1.2\tCAF");
}

TEST_CASE("FlowBuilder keeps the repeated header when told the caller already judged it",
          "[layout]") {
  LaidOutDocument doc;
  FlowBuilder flow(&doc);
  flow.BeginPage(1, true);
  flow.AddTableRow({"Action", "Pilote"});
  flow.BeginPage(2, true);
  flow.AddTableRow({"Action", "Pilote"}, /*drop_repeated_header=*/false);
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.tables[0].rows.size() == 2);
}

TEST_CASE("FlowBuilder starts a new table after a paragraph or an explicit end", "[layout]") {
  LaidOutDocument doc;
  FlowBuilder flow(&doc);
  flow.BeginPage(1, true);
  flow.AddTableRow({"a", "b"});
  flow.AddParagraph("entre deux", false);
  flow.AddTableRow({"a", "b"});
  flow.EndTable();
  flow.AddTableRow({"c", "d"});
  flow.BeginPage(2, false);
  flow.AddStamp("Reçu en préfecture le 02/10/2025");
  CHECK(doc.tables.size() == 3);
  CHECK(doc.tables[1].rows.size() == 1);  // the header rule applies only across pages
  REQUIRE(doc.stamps.size() == 1);
  CHECK(doc.stamps[0].page == 2);
  CHECK_FALSE(doc.pages[1].has_text_layer);
}

}  // namespace
}  // namespace clsdb
