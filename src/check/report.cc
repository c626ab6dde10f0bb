#include "check/report.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/utf8.h"

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
  const int chars = static_cast<int>(CountCodePoints(s));
  if (chars >= width) return s;
  const std::string fill(width - chars, ' ');
  return left ? s + fill : fill + s;
}

std::string DocumentName(const ManifestEntry& e) {
  return std::filesystem::path(e.document).filename().string();
}

// "heldout, text" for a document of a set other than the reference one, the
// format alone otherwise: the reference set is the usual case.
std::string DocumentTag(const ManifestEntry& e) {
  return e.set == kReferenceSet ? e.format : e.set + ", " + e.format;
}

// The keys of the totals in FiguresKeys() order: the reference set first,
// text before pdf (the text path is the reference one).
std::vector<std::string> Keys(const CheckResult& r) {
  std::vector<std::string> keys;
  for (const std::string& k : FiguresKeys()) {
    if (r.totals.count(k)) keys.push_back(k);
  }
  for (const auto& [key, total] : r.totals) {
    if (!IsFiguresKey(key)) keys.push_back(key);
  }
  return keys;
}

std::optional<double> Current(const CheckResult& r, const std::string& key,
                              const std::string& group) {
  return Lookup(r.current, key, group);
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

// f1: the group's (or the macro) figure, nullopt when not applicable.
std::string VerdictText(const CheckResult& r, const std::string& key, const std::string& group,
                        const std::optional<double>& f1) {
  if (!r.judged) return "";  // the last line says why
  std::string status;
  for (const Failure& f : r.failures) {
    if (f.key != key || f.group != group) continue;
    if (!status.empty()) status += ", ";
    status += f.reason == "regression" ? "REGRESSION" : "BELOW MIN";
  }
  if (!status.empty()) return status;
  if (!f1.has_value()) return "";
  const auto base = Lookup(r.baseline, key, group);
  if (!base.has_value()) return r.have_baseline ? "new" : "ok";
  const double delta = *f1 - *base;
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
  for (const auto& [key, groups] : figures) {
    nlohmann::ordered_json g = nlohmann::ordered_json::object();
    for (const auto& [group, value] : groups) {
      if (value.has_value()) {
        g[group] = *value;
      } else {
        g[group] = nullptr;
      }
    }
    j[key] = std::move(g);
  }
  return j;
}

}  // namespace

void PrintSummary(const CheckResult& r, std::ostream& out) {
  const std::vector<std::string> keys = Keys(r);
  if (keys.empty()) return;
  std::vector<int> widths;
  out << "== SUMMARY (F1 of the totals, per key)\n" << Pad("group", kGroupWidth, true);
  for (const std::string& key : keys) {
    widths.push_back(std::max(8, static_cast<int>(key.size()) + 2));
    out << Pad(key, widths.back());
  }
  out << "\n";
  for (const std::string& group : FigureGroupNames()) {
    out << Pad(group, kGroupWidth, true);
    for (size_t k = 0; k < keys.size(); ++k) {
      out << Pad(Optional(Current(r, keys[k], group)), widths[k]);
    }
    out << "\n";
  }
  out << "\n";
}

void PrintOrganizationGoals(const CheckResult& r, std::ostream& out) {
  bool header = false;
  for (const std::string& key : Keys(r)) {
    const GroupScore& g = r.totals.at(key).group("organizations");
    if (!g.applicable()) continue;
    if (!header) {
      out << "== ORGANISATION GOALS (pairs of names; precision >= "
          << Fixed(kOrganizationPrecisionGoal, 2)
          << ", recall >= " << Fixed(kOrganizationRecallGoal, 2) << "; reported, never failed)\n";
      header = true;
    }
    // A ratio with nothing to divide by is no figure: "-".
    const std::string p = g.tp + g.fp == 0 ? "-" : Fixed(g.precision());
    const std::string rc = g.tp + g.fn == 0 ? "-" : Fixed(g.recall());
    out << Pad(key, kGroupWidth, true) << " P " << Pad(p, 5) << "  R " << Pad(rc, 5) << "  ("
        << g.tp << " TP, " << g.fp << " FP, " << g.fn << " FN pairs)  goal "
        << (MeetsOrganizationGoal(g) ? "PASS" : "MISS") << "\n";
  }
  if (header) out << "\n";
}

namespace {

// A held-aside document's own figures are hidden unless asked for (report.h).
bool Shown(const DocumentResult& d, const ReportOptions& options) {
  return options.show_heldout_documents || d.entry.set != kHeldoutSet;
}

size_t HiddenCount(const CheckResult& r, const ReportOptions& options) {
  size_t n = 0;
  for (const DocumentResult& d : r.documents) n += Shown(d, options) ? 0 : 1;
  return n;
}

void PrintHiddenCount(const CheckResult& r, const ReportOptions& options, std::ostream& out) {
  if (const size_t n = HiddenCount(r, options); n > 0) {
    out << "(" << n << " held-aside document entr" << (n == 1 ? "y" : "ies")
        << ": per-document figures hidden; --show-heldout shows them)\n\n";
  }
}

}  // namespace

void PrintReport(const CheckResult& r, std::ostream& out, const ReportOptions& options) {
  for (const DocumentResult& d : r.documents) {
    if (!Shown(d, options)) continue;
    out << "== " << DocumentName(d.entry) << " (" << DocumentTag(d.entry) << ", " << d.status;
    if (!d.message.empty()) out << ": " << d.message;
    out << ")\n" << Header(false) << "\n";
    for (const GroupScore& g : d.score.groups) out << Row(g) << "\n";
    out << "\n";
  }
  PrintHiddenCount(r, options, out);

  for (const std::string& key : Keys(r)) {
    const DocumentScore& total = r.totals.at(key);
    const int n = r.document_counts.count(key) ? r.document_counts.at(key) : 0;
    out << "== TOTAL " << key << " (" << n << " document" << (n == 1 ? "" : "s") << ")\n"
        << Header(true) << "\n";
    for (const GroupScore& g : total.groups) {
      out << Row(g) << Pad(Optional(Lookup(r.baseline, key, g.group)), 10)
          << Pad(Optional(Lookup(r.thresholds, key, g.group), 2), 7) << "  "
          << VerdictText(r, key, g.group, g.f1()) << "\n";
    }
    // The macro F1 has no counts of its own: its figure goes in the F1
    // column, below the groups it averages.
    const std::string macro(kMacroGroup);
    const std::optional<double> f1 = Current(r, key, macro);
    out << Pad("macro F1", kGroupWidth, true) << std::string(3 * 7 + 2 * 8, ' ')
        << Pad(Optional(f1), 8) << Pad(Optional(Lookup(r.baseline, key, macro)), 10)
        << Pad(Optional(Lookup(r.thresholds, key, macro), 2), 7) << "  "
        << VerdictText(r, key, macro, f1) << "\n\n";
  }

  for (const ManifestEntry& e : r.skipped) {
    out << "skipped: " << e.document << " (" << e.skip_reason << ")\n";
  }
  if (!r.have_baseline) out << "no baseline yet: run `clsdb check --update-baseline`\n";
  if (r.baseline_updated) out << "baseline written: " << r.baseline_path << "\n";
  if (!r.skipped.empty() || !r.have_baseline || r.baseline_updated) out << "\n";
  PrintSummary(r, out);
  PrintOrganizationGoals(r, out);
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
    out << "  " << f.key << "/" << f.group << ": F1 " << Fixed(f.f1)
        << (f.reason == "regression"
                ? " fell more than " + Fixed(kRegressionTolerance) + " below its baseline "
                : " is below its minimum ")
        << Fixed(f.limit) << "\n";
  }
}

void PrintExplain(const CheckResult& r, const std::string& group, std::ostream& out,
                  const ReportOptions& options) {
  for (const DocumentResult& d : r.documents) {
    if (!Shown(d, options)) continue;
    const GroupScore& g = d.score.group(group);
    out << "== explain " << group << ": " << DocumentName(d.entry) << " (" << DocumentTag(d.entry)
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
  PrintHiddenCount(r, options, out);
}

std::string ReportJson(const CheckResult& r, const ReportOptions& options) {
  nlohmann::ordered_json root;
  root["passed"] = r.passed();
  root["judged"] = r.judged;
  nlohmann::ordered_json docs = nlohmann::ordered_json::array();
  for (const DocumentResult& d : r.documents) {
    if (!Shown(d, options)) continue;
    nlohmann::ordered_json j;
    j["document"] = d.entry.document;
    j["annotation"] = d.entry.annotation;
    j["format"] = d.entry.format;
    j["set"] = d.entry.set;
    j["status"] = d.status;
    j["message"] = d.message;
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (const GroupScore& g : d.score.groups) groups[g.group] = GroupJson(g);
    j["groups"] = std::move(groups);
    docs.push_back(std::move(j));
  }
  root["documents"] = std::move(docs);
  root["hidden_heldout_documents"] = HiddenCount(r, options);

  nlohmann::ordered_json totals = nlohmann::ordered_json::object();
  for (const std::string& key : Keys(r)) {
    const DocumentScore& total = r.totals.at(key);
    nlohmann::ordered_json t;
    t["documents"] = r.document_counts.count(key) ? r.document_counts.at(key) : 0;
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (const GroupScore& g : total.groups) groups[g.group] = GroupJson(g);
    t["groups"] = std::move(groups);
    if (const auto macro = Current(r, key, std::string(kMacroGroup)); macro.has_value()) {
      t["macro_f1"] = *macro;
    } else {
      t["macro_f1"] = nullptr;
    }
    if (const GroupScore& g = total.group("organizations"); g.applicable()) {
      t["organization_goal"] = MeetsOrganizationGoal(g) ? "PASS" : "MISS";
    } else {
      t["organization_goal"] = nullptr;
    }
    totals[key] = std::move(t);
  }
  root["totals"] = std::move(totals);
  root["baseline"] = FiguresJson(r.baseline);
  root["thresholds"] = FiguresJson(r.thresholds);

  nlohmann::ordered_json failures = nlohmann::ordered_json::array();
  for (const Failure& f : r.failures) {
    failures.push_back({{"key", f.key},
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

Status WriteReportJson(const CheckResult& result, const std::string& path,
                       const ReportOptions& options) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError(path + ": cannot write");
  out << ReportJson(result, options);
  if (!out.flush()) return Status::IOError(path + ": write failed");
  return Status::OK();
}

}  // namespace clsdb::check
