// The wire format between the PDF reader child and the pipeline: every field
// survives the round trip, and any damage is refused rather than half-read.
#include "layout/wire.h"

#include <catch2/catch.hpp>
#include <string>

#include "layout/flow_builder.h"

namespace clsdb {
namespace {

// A document with every kind of record and every field set.
LaidOutDocument Sample() {
  LaidOutDocument doc;
  FlowBuilder flow(&doc);
  flow.BeginPage(1, true);
  flow.AddParagraph("CONTRAT LOCAL DE SANTÉ", false);
  flow.AddParagraph("Développer l'offre", true);
  flow.AddTableRow({"Action", "Pilote"});
  flow.AddTableRow({"1.1", "ARS\nCPAM"});
  flow.BeginPage(2, false);
  flow.AddStamp("Reçu en préfecture le 02/10/2025\nID : 059-200043404-20250924-DELIB370A-DE");
  doc.pages[0].ocr = true;
  doc.pages[0].ocr_confidence = 87.25;
  Diagnostic d =
      MakeDiagnostic(DiagnosticCode::kPageWithoutText, 2, "page 2 has no text layer", "0 words");
  d.prov.span_start = 3;
  d.prov.span_end = 9;
  d.prov.rule = "some.rule";
  doc.diagnostics.push_back(d);
  return doc;
}

TEST_CASE("wire: a laid-out document survives the round trip field by field", "[layout][wire]") {
  const LaidOutDocument in = Sample();
  Result<LaidOutDocument> out = DecodeLaidOut(EncodeLaidOut(in));
  REQUIRE(out.ok());
  REQUIRE(out->pages.size() == in.pages.size());
  for (size_t i = 0; i < in.pages.size(); ++i) {
    CHECK(out->pages[i].page_no == in.pages[i].page_no);
    CHECK(out->pages[i].text == in.pages[i].text);
    CHECK(out->pages[i].has_text_layer == in.pages[i].has_text_layer);
    CHECK(out->pages[i].ocr == in.pages[i].ocr);
    CHECK(out->pages[i].ocr_confidence == Approx(in.pages[i].ocr_confidence));
  }
  REQUIRE(out->blocks.size() == in.blocks.size());
  for (size_t i = 0; i < in.blocks.size(); ++i) {
    CHECK(out->blocks[i].kind == in.blocks[i].kind);
    CHECK(out->blocks[i].text == in.blocks[i].text);
    CHECK(out->blocks[i].bullet == in.blocks[i].bullet);
    CHECK(out->blocks[i].table == in.blocks[i].table);
    CHECK(out->blocks[i].span.page == in.blocks[i].span.page);
    CHECK(out->blocks[i].span.start == in.blocks[i].span.start);
    CHECK(out->blocks[i].span.end == in.blocks[i].span.end);
  }
  REQUIRE(out->tables.size() == 1);
  REQUIRE(out->tables[0].rows.size() == 2);
  CHECK(out->tables[0].rows[1].cells[1].text == "ARS\nCPAM");
  CHECK(out->tables[0].rows[1].cells[1].span.start == in.tables[0].rows[1].cells[1].span.start);
  REQUIRE(out->stamps.size() == 1);
  CHECK(out->stamps[0].page == 2);
  CHECK(out->stamps[0].text == in.stamps[0].text);
  REQUIRE(out->diagnostics.size() == 1);
  const Diagnostic& d = out->diagnostics[0];
  CHECK(d.stage == in.diagnostics[0].stage);
  CHECK(d.code == in.diagnostics[0].code);
  CHECK(d.message == "page 2 has no text layer");
  CHECK(d.detail == "0 words");
  CHECK(d.prov.page == 2);
  CHECK(d.prov.span_start == 3);
  CHECK(d.prov.span_end == 9);
  CHECK(d.prov.rule == "some.rule");
}

TEST_CASE("wire: an empty document round-trips", "[layout][wire]") {
  Result<LaidOutDocument> out = DecodeLaidOut(EncodeLaidOut(LaidOutDocument{}));
  REQUIRE(out.ok());
  CHECK(out->pages.empty());
  CHECK(out->blocks.empty());
}

TEST_CASE("wire: every truncation and a trailing byte are refused", "[layout][wire]") {
  const std::string bytes = EncodeLaidOut(Sample());
  for (size_t n = 0; n < bytes.size(); ++n) {
    Result<LaidOutDocument> cut = DecodeLaidOut(std::string_view(bytes).substr(0, n));
    INFO("first " << n << " of " << bytes.size() << " bytes");
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.status().code() == Status::Code::kCorruption);
  }
  CHECK_FALSE(DecodeLaidOut(bytes + "x").ok());
}

TEST_CASE("wire: a table block pointing past the tables is refused", "[layout][wire]") {
  LaidOutDocument doc = Sample();
  for (Block& b : doc.blocks) {
    if (b.kind == Block::Kind::kTable) b.table = 7;
  }
  CHECK_FALSE(DecodeLaidOut(EncodeLaidOut(doc)).ok());
}

}  // namespace
}  // namespace clsdb
