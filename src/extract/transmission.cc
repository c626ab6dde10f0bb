// Prefecture transmission stamps: rules "transmission.*".
//
// The stamp's lines come from LaidOutDocument::stamps (lifted out of the
// flow; a text file gives one stamp per group of lines, a PDF may give one
// per line) and from any paragraph that still holds an "ID : …" line or a
// bare ACTES id ("accusé de réception" blocks).  On a
// page, the date lines ("Envoyé / Reçu en préfecture le …", "Publié le …")
// belong to the ACTES id printed after them; trailing date lines with no id
// after them belong to the id before them.  Each distinct id is kept once;
// a later copy of the stamp only fills dates the first copy left blank.
#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/text_util.h"

namespace clsdb {

namespace {

// The dates read since the last id, by kind.
struct PendingDates {
  OptText sent, received, published;
  bool any = false;
};

class TransmissionReader {
 public:
  TransmissionReader(const RuleSet& rules, DocumentRecords* out) : rules_(rules), out_(out) {}

  // One line (or one paragraph) of stamp text.  prov locates it.
  void Line(std::string_view text, const Provenance& prov) {
    RuleMatch m;
    ReadDate(RuleId::kTransmissionSent, text, &PendingDates::sent);
    ReadDate(RuleId::kTransmissionReceived, text, &PendingDates::received);
    ReadDate(RuleId::kTransmissionPublished, text, &PendingDates::published);
    if (rules_.Search(RuleId::kTransmissionId, text, &m) ||
        rules_.Search(RuleId::kTransmissionIdAcknowledged, text, &m) ||
        rules_.Search(RuleId::kTransmissionIdBare, text, &m)) {
      Provenance p = prov;
      if (p.span_end > p.span_start) {  // a paragraph: point at the id itself
        const auto [s, e] = m.group_spans["id"];
        p.span_start = prov.span_start + static_cast<int>(s);
        p.span_end = prov.span_start + static_cast<int>(e);
      }
      p.rule = m.rule->name;
      last_ = Add(m, p);
      pending_ = PendingDates();
    }
  }

  // The end of a page's stamps: dates left over go to the id before them.
  void EndGroup() {
    if (pending_.any && last_ >= 0) Fill(&out_->transmissions[last_], pending_);
    pending_ = PendingDates();
    last_ = -1;
  }

 private:
  void ReadDate(RuleId rule, std::string_view text, OptText PendingDates::*field) {
    RuleMatch m;
    if (!rules_.Search(rule, text, &m)) return;
    if (pending_.*field) {
      // A second "Envoyé …" before any id: a new stamp whose first had none.
      pending_ = PendingDates();
    }
    pending_.any = true;
    if (auto date = FindFrenchDate(m.Get("date"), rules_)) pending_.*field = date->iso;
  }

  static void Fill(Transmission* t, const PendingDates& dates) {
    if (!t->sent_date) t->sent_date = dates.sent;
    if (!t->received_date) t->received_date = dates.received;
    if (!t->published_date) t->published_date = dates.published;
  }

  int Add(const RuleMatch& m, const Provenance& prov) {
    const std::string& id = m.Get("id");
    for (size_t i = 0; i < out_->transmissions.size(); ++i) {
      if (out_->transmissions[i].actes_id == id) {
        Fill(&out_->transmissions[i], pending_);
        return static_cast<int>(i);
      }
    }
    Transmission t;
    t.actes_id = id;
    t.department = m.Get("department");
    t.siren = m.Get("siren");
    const std::string& d = m.Get("decision_date");  // YYYYMMDD
    t.decision_date =
        ParseFrenchDate(d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2), rules_);
    t.act_ref = m.Get("act_ref");
    t.nature = m.Get("nature");
    Fill(&t, pending_);
    t.prov = prov;
    out_->transmissions.push_back(std::move(t));
    return static_cast<int>(out_->transmissions.size()) - 1;
  }

  const RuleSet& rules_;
  DocumentRecords* out_;
  PendingDates pending_;
  int last_ = -1;  // index in out_->transmissions of the last id read
};

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace

void ExtractTransmissions(const LaidOutDocument& doc, const RuleSet& rules, DocumentRecords* out) {
  TransmissionReader reader(rules, out);
  // Stamps lifted out of the page text have no span in it: their provenance
  // is the page alone (span 0-0).
  int page = -1;
  for (const Stamp& stamp : doc.stamps) {
    if (stamp.page != page) {
      reader.EndGroup();
      page = stamp.page;
    }
    Provenance prov;
    prov.page = stamp.page;
    for (std::string_view line : Lines(stamp.text)) reader.Line(line, prov);
  }
  reader.EndGroup();

  // Paragraphs that kept a stamp (a line the layout could not lift, or an
  // "accusé de réception" block): the id with the date lines of the same
  // paragraph and of the few just above and below it.
  constexpr size_t kStampLines = 3;
  auto is_date_line = [&](size_t k) {
    const Block& b = doc.blocks[k];
    return b.kind == Block::Kind::kParagraph &&
           (rules.Search(RuleId::kTransmissionSent, b.text, nullptr) ||
            rules.Search(RuleId::kTransmissionReceived, b.text, nullptr) ||
            rules.Search(RuleId::kTransmissionPublished, b.text, nullptr));
  };
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != Block::Kind::kParagraph) continue;
    // Cheap guards before the regexes: an id line says "ID" or is short and
    // starts with the department's digits.
    const bool labelled = b.text.find("ID") != std::string::npos;
    const bool bare = b.text.size() < 80 && !b.text.empty() && b.text[0] >= '0' && b.text[0] <= '9';
    if (!(labelled && rules.Search(RuleId::kTransmissionId, b.text, nullptr)) &&
        !(bare && rules.Search(RuleId::kTransmissionIdBare, b.text, nullptr)) &&
        !rules.Search(RuleId::kTransmissionIdAcknowledged, b.text, nullptr)) {
      continue;
    }
    // The stamp's date lines may be interleaved with the letterhead by the
    // converter ("Accusé certifié exécutoire" between the id and its dates).
    size_t first = i, last = i;
    for (size_t k = i; k > 0 && i - (k - 1) <= kStampLines; --k) {
      if (is_date_line(k - 1)) first = k - 1;
    }
    for (size_t k = i + 1; k < doc.blocks.size() && k - i <= kStampLines; ++k) {
      if (is_date_line(k)) last = k;
    }
    for (size_t k = first; k <= last; ++k) {
      reader.Line(doc.blocks[k].text, ProvenanceOf(doc.blocks[k], RuleId::kTransmissionId));
    }
    reader.EndGroup();
    i = last;
  }
}

}  // namespace clsdb
