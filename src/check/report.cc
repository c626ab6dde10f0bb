#include "check/report.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

namespace clsdb::check {

namespace {

constexpr int kGroupWidth = 16;

std::string Fixed(double v, int decimals = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Pad(const std::string& s, int width, bool left = false) {
  // Width in characters, not bytes: names may hold accents.
  int chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  if (chars >= width) return s;
  const std::string fill(width - chars, ' ');
  return left ? s + fill : fill + s;
}

std::string DocumentName(const ManifestEntry& e) {
  return std::filesystem::path(e.document).filename().string();
}

// "text" before "pdf": the text path is the reference one.
std::vector<std::string> Formats(const CheckResult& r) {
  std::vector<std::string> formats;
  for (const char* f : {"text", "pdf"}) {
    if (r.totals.count(f)) formats.push_back(f);
  }
  for (const auto& [format, total] : r.totals) {
    if (format != "text" && format != "pdf") formats.push_back(format);
  }
  return formats;
}

std::string Header(bool totals) {
  std::string h = Pad("group", kGroupWidth, true) + Pad("TP", 7) + Pad("FP", 7) + Pad("FN", 7) +
                  Pad("prec", 8) + Pad("recall", 8) + Pad("F1", 8);
  if (totals) h += Pad("baseline", 10) + Pad("min", 7) + "  status";
  return h;
}

std::string Row(const GroupScore& g) {
  std::string row = Pad(g.group, kGroupWidth, true) + Pad(std::to_string(g.tp), 7) +
                    Pad(std::to_string(g.fp), 7) + Pad(std::to_string(g.fn), 7);
  if (!g.applicable()) return row + Pad("-", 8) + Pad("-", 8) + Pad("-", 8);
  return row + Pad(Fixed(g.precision()), 8) + Pad(Fixed(g.recall()), 8) + Pad(Fixed(*g.f1()), 8);
}

std::string Optional(const std::optional<double>& v, int decimals = 3) {
  return v.has_value() ? Fixed(*v, decimals) : "-";
}

std::string VerdictText(const CheckResult& r, const std::string& format, const GroupScore& g) {
  if (!r.judged) return "";  // the last line says why
  std::string status;
  for (const Failure& f : r.failures) {
    if (f.format != format || f.group != g.group) continue;
    if (!status.empty()) status += ", ";
    status += f.reason == "regression" ? "REGRESSION" : "BELOW MIN";
  }
  if (!status.empty()) return status;
  if (!g.applicable()) return "";
  const auto base = Lookup(r.baseline, format, g.group);
  if (!base.has_value()) return r.have_baseline ? "new" : "ok";
  const double delta = *g.f1() - *base;
  if (delta > kRegressionTolerance) return "improved (+" + Fixed(delta) + ")";
  return "ok";
}

std::string ProvenanceText(const std::optional<Provenance>& p) {
  if (!p.has_value()) return "";
  std::string s = "p." + std::to_string(p->page) + " [" + std::to_string(p->span_start) + "," +
                  std::to_string(p->span_end) + ")";
  if (!p->rule.empty()) s += " " + p->rule;
  return s;
}

nlohmann::ordered_json GroupJson(const GroupScore& g) {
  nlohmann::ordered_json j;
  j["tp"] = g.tp;
  j["fp"] = g.fp;
  j["fn"] = g.fn;
  if (g.applicable()) {
    j["precision"] = g.precision();
    j["recall"] = g.recall();
    j["f1"] = *g.f1();
  } else {
    j["precision"] = nullptr;
    j["recall"] = nullptr;
    j["f1"] = nullptr;
  }
  return j;
}

nlohmann::ordered_json FiguresJson(const Figures& figures) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [format, groups] : figures) {
    nlohmann::ordered_json g = nlohmann::ordered_json::object();
    for (const auto& [group, value] : groups) {
      if (value.has_value()) {
        g[group] = *value;
      } else {
        g[group] = nullptr;
      }
    }
    j[format] = std::move(g);
  }
  return j;
}

}  // namespace

void PrintReport(const CheckResult& r, std::ostream& out) {
  for (const DocumentResult& d : r.documents) {
    out << "== " << DocumentName(d.entry) << " (" << d.entry.format << ", " << d.status;
    if (!d.message.empty()) out << ": " << d.message;
    out << ")\n" << Header(false) << "\n";
    for (const GroupScore& g : d.score.groups) out << Row(g) << "\n";
    out << "\n";
  }

  for (const std::string& format : Formats(r)) {
    const DocumentScore& total = r.totals.at(format);
    const int n = r.document_counts.count(format) ? r.document_counts.at(format) : 0;
    out << "== TOTAL " << format << " (" << n << " document" << (n == 1 ? "" : "s") << ")\n"
        << Header(true) << "\n";
    for (const GroupScore& g : total.groups) {
      out << Row(g) << Pad(Optional(Lookup(r.baseline, format, g.group)), 10)
          << Pad(Optional(Lookup(r.thresholds, format, g.group), 2), 7) << "  "
          << VerdictText(r, format, g) << "\n";
    }
    out << "\n";
  }

  for (const ManifestEntry& e : r.skipped) {
    out << "skipped: " << e.document << " (" << e.skip_reason << ")\n";
  }
  if (!r.have_baseline) out << "no baseline yet: run `clsdb check --update-baseline`\n";
  if (r.baseline_updated) out << "baseline written: " << r.baseline_path << "\n";
  if (!r.judged) {
    out << "check: partial run (--document): totals not judged\n";
    return;
  }
  if (r.documents.empty()) out << "check: no document to score\n";
  if (r.passed()) {
    out << "check: PASS\n";
    return;
  }
  out << "check: FAIL\n";
  for (const Failure& f : r.failures) {
    out << "  " << f.format << "/" << f.group << ": F1 " << Fixed(f.f1)
        << (f.reason == "regression"
                ? " fell more than " + Fixed(kRegressionTolerance) + " below its baseline "
                : " is below its minimum ")
        << Fixed(f.limit) << "\n";
  }
}

void PrintExplain(const CheckResult& r, const std::string& group, std::ostream& out) {
  for (const DocumentResult& d : r.documents) {
    const GroupScore& g = d.score.group(group);
    out << "== explain " << group << ": " << DocumentName(d.entry) << " (" << d.entry.format
        << "): " << g.fn << " missed, " << g.fp << " spurious\n";
    for (const UnmatchedItem& item : g.missed) {
      out << "  missed    " << item.text;
      if (!item.context.empty()) out << "    [" << item.context << "]";
      out << "\n";
    }
    for (const UnmatchedItem& item : g.spurious) {
      out << "  spurious  " << item.text;
      if (const std::string p = ProvenanceText(item.prov); !p.empty()) out << "    @ " << p;
      if (!item.context.empty()) out << "    [" << item.context << "]";
      out << "\n";
    }
    out << "\n";
  }
}

std::string ReportJson(const CheckResult& r) {
  nlohmann::ordered_json root;
  root["passed"] = r.passed();
  root["judged"] = r.judged;
  nlohmann::ordered_json docs = nlohmann::ordered_json::array();
  for (const DocumentResult& d : r.documents) {
    nlohmann::ordered_json j;
    j["document"] = d.entry.document;
    j["annotation"] = d.entry.annotation;
    j["format"] = d.entry.format;
    j["status"] = d.status;
    j["message"] = d.message;
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (const GroupScore& g : d.score.groups) groups[g.group] = GroupJson(g);
    j["groups"] = std::move(groups);
    docs.push_back(std::move(j));
  }
  root["documents"] = std::move(docs);

  nlohmann::ordered_json totals = nlohmann::ordered_json::object();
  for (const auto& [format, total] : r.totals) {
    nlohmann::ordered_json t;
    t["documents"] = r.document_counts.count(format) ? r.document_counts.at(format) : 0;
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (const GroupScore& g : total.groups) groups[g.group] = GroupJson(g);
    t["groups"] = std::move(groups);
    totals[format] = std::move(t);
  }
  root["totals"] = std::move(totals);
  root["baseline"] = FiguresJson(r.baseline);
  root["thresholds"] = FiguresJson(r.thresholds);

  nlohmann::ordered_json failures = nlohmann::ordered_json::array();
  for (const Failure& f : r.failures) {
    failures.push_back({{"format", f.format},
                        {"group", f.group},
                        {"f1", f.f1},
                        {"limit", f.limit},
                        {"reason", f.reason}});
  }
  root["failures"] = std::move(failures);

  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  for (const ManifestEntry& e : r.skipped) {
    skipped.push_back({{"document", e.document}, {"reason", e.skip_reason}});
  }
  root["skipped"] = std::move(skipped);
  // Replace rather than throw on invalid UTF-8: a report must always come out.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Status WriteReportJson(const CheckResult& result, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError(path + ": cannot write");
  out << ReportJson(result);
  if (!out.flush()) return Status::IOError(path + ": write failed");
  return Status::OK();
}

}  // namespace clsdb::check
