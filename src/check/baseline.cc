#include "check/baseline.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check/manifest.h"
#include "check/scorer.h"

namespace clsdb::check {

namespace {

using nlohmann::json;

// Figures are printed and stored with 3–4 decimals; this keeps a run that
// reproduces a stored figure exactly from failing on the last bit.
constexpr double kEpsilon = 1e-9;

bool IsFigureGroup(const std::string& name) { return IsGroupName(name) || name == kMacroGroup; }

}  // namespace

const std::vector<std::string>& FigureGroupNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names = GroupNames();
    names.emplace_back(kMacroGroup);
    return names;
  }();
  return kNames;
}

std::optional<double> Lookup(const Figures& figures, const std::string& key,
                             const std::string& group) {
  const auto f = figures.find(key);
  if (f == figures.end()) return std::nullopt;
  const auto g = f->second.find(group);
  if (g == f->second.end()) return std::nullopt;
  return g->second;
}

Result<Figures> ParseFigures(std::string_view json_text, const std::string& name,
                             bool strict_groups) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::parse_error& e) {
    return Status::Corruption(name + ": invalid JSON: " + e.what());
  }
  if (!root.is_object()) return Status::Corruption(name + ": expected an object");
  Figures figures;
  for (const auto& [key, groups] : root.items()) {
    if (key == "about") continue;
    if (!IsFiguresKey(key)) {
      return Status::Corruption(name + ": unknown key \"" + key +
                                "\" (expected \"text\", \"pdf\", \"real/text\", \"real/pdf\", "
                                "\"heldout/text\" or \"heldout/pdf\")");
    }
    if (!groups.is_object()) return Status::Corruption(name + ": " + key + ": expected an object");
    auto& out = figures[key];
    for (const auto& [group, value] : groups.items()) {
      if (!IsFigureGroup(group)) {
        if (strict_groups) {
          return Status::Corruption(name + ": " + key + ": unknown group \"" + group + "\"");
        }
        continue;
      }
      if (value.is_null()) {
        out[group] = std::nullopt;
      } else if (value.is_number()) {
        // An F1 outside [0, 1] is a typing error; above 1 it would fail every
        // check, below 0 it would never fail one.
        const double f1 = value.get<double>();
        if (!(f1 >= 0 && f1 <= 1)) {
          return Status::Corruption(name + ": " + key + "." + group + ": " + value.dump() +
                                    " is not an F1 between 0 and 1");
        }
        out[group] = f1;
      } else {
        return Status::Corruption(name + ": " + key + "." + group + ": expected a number or null");
      }
    }
  }
  return figures;
}

Result<Figures> LoadFigures(const std::string& path, bool strict_groups) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseFigures(text.str(), path, strict_groups);
}

Status SaveFigures(const std::string& path, const Figures& figures, const std::string& about) {
  nlohmann::ordered_json root;
  root["about"] = about;
  for (const std::string& key : FiguresKeys()) {
    const auto f = figures.find(key);
    if (f == figures.end()) continue;
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (const std::string& group : FigureGroupNames()) {
      const auto g = f->second.find(group);
      if (g == f->second.end()) continue;
      if (g->second.has_value()) {
        groups[group] = std::round(*g->second * 10000.0) / 10000.0;
      } else {
        groups[group] = nullptr;
      }
    }
    root[key] = std::move(groups);
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError(tmp + ": cannot write");
    out << root.dump(2) << "\n";
    if (!out.flush()) return Status::IOError(tmp + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::IOError(path + ": " + ec.message());
  return Status::OK();
}

std::vector<Failure> Judge(const Figures& current, const Figures& baseline,
                           const Figures& thresholds) {
  std::vector<Failure> failures;
  for (const auto& [key, groups] : current) {
    for (const std::string& group : FigureGroupNames()) {
      const auto it = groups.find(group);
      if (it == groups.end() || !it->second.has_value()) continue;
      const double f1 = *it->second;
      if (const auto base = Lookup(baseline, key, group);
          base.has_value() && f1 < *base - kRegressionTolerance - kEpsilon) {
        failures.push_back({key, group, f1, *base, "regression"});
      }
      if (const auto min = Lookup(thresholds, key, group);
          min.has_value() && f1 < *min - kEpsilon) {
        failures.push_back({key, group, f1, *min, "threshold"});
      }
    }
  }
  return failures;
}

}  // namespace clsdb::check
