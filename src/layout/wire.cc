#include "layout/wire.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace clsdb {

namespace {

class Writer {
 public:
  void U32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void I32(int v) { U32(static_cast<uint32_t>(v)); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void Span(const TextSpan& s) {
    I32(s.page);
    I32(s.start);
    I32(s.end);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool U32(uint32_t* v) {
    if (in_.size() < sizeof *v) return false;
    std::memcpy(v, in_.data(), sizeof *v);
    in_.remove_prefix(sizeof *v);
    return true;
  }
  bool I32(int* v) {
    uint32_t u;
    if (!U32(&u)) return false;
    *v = static_cast<int>(u);
    return true;
  }
  bool Str(std::string* s) {
    uint32_t n;
    if (!U32(&n) || in_.size() < n) return false;
    s->assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool Span(TextSpan* s) { return I32(&s->page) && I32(&s->start) && I32(&s->end); }
  // A count, bounded by what is left so a damaged count cannot allocate much.
  bool Count(uint32_t* n) { return U32(n) && *n <= in_.size(); }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

constexpr uint32_t kMagic = 0x434c5332;  // "CLS2": diagnostics with codes

}  // namespace

std::string EncodeLaidOut(const LaidOutDocument& doc) {
  Writer w;
  w.U32(kMagic);
  w.U32(static_cast<uint32_t>(doc.pages.size()));
  for (const auto& p : doc.pages) {
    w.I32(p.page_no);
    w.Str(p.text);
    w.U32((p.has_text_layer ? 1 : 0) | (p.ocr ? 2 : 0));
    w.I32(static_cast<int32_t>(std::lround(p.ocr_confidence * 100)));
  }
  w.U32(static_cast<uint32_t>(doc.blocks.size()));
  for (const auto& b : doc.blocks) {
    w.U32(b.kind == Block::Kind::kTable ? 1 : 0);
    w.Str(b.text);
    w.Span(b.span);
    w.I32(b.table);
    w.U32(b.bullet ? 1 : 0);
  }
  w.U32(static_cast<uint32_t>(doc.tables.size()));
  for (const auto& t : doc.tables) {
    w.U32(static_cast<uint32_t>(t.rows.size()));
    for (const auto& r : t.rows) {
      w.U32(static_cast<uint32_t>(r.cells.size()));
      for (const auto& c : r.cells) {
        w.Str(c.text);
        w.Span(c.span);
      }
    }
  }
  w.U32(static_cast<uint32_t>(doc.stamps.size()));
  for (const auto& s : doc.stamps) {
    w.I32(s.page);
    w.Str(s.text);
  }
  w.U32(static_cast<uint32_t>(doc.diagnostics.size()));
  for (const auto& d : doc.diagnostics) {
    w.Str(d.stage);
    w.Str(d.code);
    w.Str(d.message);
    w.Str(d.detail);
    w.I32(d.prov.page);
    w.I32(d.prov.span_start);
    w.I32(d.prov.span_end);
    w.Str(d.prov.rule);
  }
  w.U32(kMagic);
  return w.Take();
}

Result<LaidOutDocument> DecodeLaidOut(std::string_view bytes) {
  const Status bad = Status::Corruption("incomplete result from the PDF reader process");
  Reader r(bytes);
  LaidOutDocument doc;
  uint32_t magic = 0, n = 0, flag = 0;
  if (!r.U32(&magic) || magic != kMagic || !r.Count(&n)) return bad;
  doc.pages.resize(n);
  for (auto& p : doc.pages) {
    int32_t confidence = 0;
    if (!r.I32(&p.page_no) || !r.Str(&p.text) || !r.U32(&flag) || !r.I32(&confidence)) {
      return bad;
    }
    p.has_text_layer = (flag & 1) != 0;
    p.ocr = (flag & 2) != 0;
    p.ocr_confidence = confidence / 100.0;
  }
  if (!r.Count(&n)) return bad;
  doc.blocks.resize(n);
  for (auto& b : doc.blocks) {
    uint32_t kind = 0;
    if (!r.U32(&kind) || !r.Str(&b.text) || !r.Span(&b.span) || !r.I32(&b.table) || !r.U32(&flag)) {
      return bad;
    }
    b.kind = kind == 1 ? Block::Kind::kTable : Block::Kind::kParagraph;
    b.bullet = flag != 0;
  }
  if (!r.Count(&n)) return bad;
  doc.tables.resize(n);
  for (auto& t : doc.tables) {
    if (!r.Count(&n)) return bad;
    t.rows.resize(n);
    for (auto& row : t.rows) {
      if (!r.Count(&n)) return bad;
      row.cells.resize(n);
      for (auto& c : row.cells) {
        if (!r.Str(&c.text) || !r.Span(&c.span)) return bad;
      }
    }
  }
  if (!r.Count(&n)) return bad;
  doc.stamps.resize(n);
  for (auto& s : doc.stamps) {
    if (!r.I32(&s.page) || !r.Str(&s.text)) return bad;
  }
  if (!r.Count(&n)) return bad;
  doc.diagnostics.resize(n);
  for (auto& d : doc.diagnostics) {
    if (!r.Str(&d.stage) || !r.Str(&d.code) || !r.Str(&d.message) || !r.Str(&d.detail) ||
        !r.I32(&d.prov.page) || !r.I32(&d.prov.span_start) || !r.I32(&d.prov.span_end) ||
        !r.Str(&d.prov.rule)) {
      return bad;
    }
  }
  // Table indexes must point at tables, or later stages would read past them.
  for (const auto& b : doc.blocks) {
    if (b.kind == Block::Kind::kTable &&
        (b.table < 0 || b.table >= static_cast<int>(doc.tables.size()))) {
      return bad;
    }
  }
  if (!r.U32(&magic) || magic != kMagic || !r.done()) return bad;
  return doc;
}

}  // namespace clsdb
