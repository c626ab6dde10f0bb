#include "export/report.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "core/utf8.h"
#include "export/output_file.h"
#include "model/records.h"
#include "store/store.h"

namespace clsdb {

namespace {

// Characters of page text shown on each side of a source span.
constexpr int kContextChars = 160;

// One style sheet, inline in every page: nothing to load, and it prints.
constexpr const char* kStyle = R"css(
body { font: 16px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
a.src { font-size: .8em; text-decoration: none; margin-left: .3em; }
.plan ul { margin: .2rem 0; } .plan .who { color: #444; font-size: .9em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dd { margin: 0; }
figure { margin: 1rem 0; } figcaption { font-weight: 600; }
svg text { font: 12px system-ui, sans-serif; fill: #1a1a1a; }
rect.bar { fill: #2f6690; }
blockquote { margin: .3rem 0 1rem; padding: .3rem .6rem; border-left: 3px solid #ccc; background: #fafafa; white-space: pre-wrap; }
mark { background: #ffe38a; }
.sources li { margin-bottom: .5rem; }
@media print { nav { display: none; } a { color: inherit; text-decoration: none; } section { break-inside: avoid-page; } }
)css";

std::string Escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The byte offset of the character at char_offset in UTF-8 text (its size
// past the end).
size_t ByteOffset(const std::string& text, long long char_offset) {
  long long chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == char_offset) return i;
      ++chars;
    }
  }
  return text.size();
}

// Where each fact came from, numbered in order of first citation.
class Sources {
 public:
  Sources(const std::string& path, const std::vector<std::string>* pages)
      : path_(path), pages_(pages) {}

  // A link to the source of prov: "p. 12", to the list at the page's end.
  std::string Link(const Provenance& prov) {
    const auto key = std::make_tuple(prov.page, prov.span_start, prov.span_end);
    auto [it, added] = numbers_.emplace(key, static_cast<int>(list_.size()) + 1);
    if (added) list_.push_back(prov);
    return " <a class=\"src\" href=\"#src-" + std::to_string(it->second) +
           "\" title=\"source : page " + std::to_string(prov.page) + "\">[p.&nbsp;" +
           std::to_string(prov.page) + "]</a>";
  }

  // The list: document, page, rule, and the span marked in its context.
  std::string Html() const {
    std::string out = "<ol class=\"sources\">\n";
    for (size_t i = 0; i < list_.size(); ++i) {
      const Provenance& p = list_[i];
      out += "<li id=\"src-" + std::to_string(i + 1) + "\"><p>" + Escape(path_) + ", page " +
             std::to_string(p.page) + (p.rule.empty() ? "" : ", règle " + Escape(p.rule)) + "</p>";
      if (p.page >= 1 && p.page <= static_cast<int>(pages_->size())) {
        const std::string& text = (*pages_)[p.page - 1];
        const size_t start = ByteOffset(text, p.span_start);
        const size_t end = std::max(start, ByteOffset(text, p.span_end));
        const size_t from = ByteOffset(text, std::max(0, p.span_start - kContextChars));
        const size_t to = ByteOffset(text, p.span_end + kContextChars);
        out += "<blockquote>" + std::string(from > 0 ? "…" : "") +
               Escape(text.substr(from, start - from)) + "<mark>" +
               Escape(text.substr(start, end - start)) + "</mark>" +
               Escape(text.substr(end, to - end)) + (to < text.size() ? "…" : "") + "</blockquote>";
      }
      out += "</li>\n";
    }
    return out + "</ol>\n";
  }

 private:
  std::string path_;
  const std::vector<std::string>* pages_;
  std::map<std::tuple<int, int, int>, int> numbers_;
  std::vector<Provenance> list_;
};

std::string Page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         Escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + body +
         "</body>\n</html>\n";
}

// A horizontal bar chart, or a sentence when there is nothing to draw.
std::string BarChart(const std::string& id, const std::string& caption,
                     const std::vector<std::pair<std::string, int>>& bars) {
  std::string out =
      "<figure>\n<figcaption id=\"" + id + "-title\">" + Escape(caption) + "</figcaption>\n";
  if (bars.empty()) return out + "<p>Aucune donnée.</p>\n</figure>\n";
  int most = 1;
  for (const auto& [label, value] : bars) most = std::max(most, value);
  constexpr int kLabelWidth = 300, kBarWidth = 360, kRow = 22;
  const int height = static_cast<int>(bars.size()) * kRow + 4;
  out += "<svg data-chart=\"" + id + "\" role=\"img\" aria-labelledby=\"" + id +
         "-title\" width=\"" + std::to_string(kLabelWidth + kBarWidth + 50) + "\" height=\"" +
         std::to_string(height) + "\" viewBox=\"0 0 " +
         std::to_string(kLabelWidth + kBarWidth + 50) + " " + std::to_string(height) + "\">\n";
  for (size_t i = 0; i < bars.size(); ++i) {
    const auto& [label, value] = bars[i];
    const int y = static_cast<int>(i) * kRow + 2;
    const int width = value * kBarWidth / most;
    // Labels are cut to fit their column; the full label is the title.
    std::string shown = label;
    if (shown.size() > 48) shown = std::string(Utf8Prefix(shown, 45)) + "…";
    out += "<g><title>" + Escape(label) + " : " + std::to_string(value) + "</title><text x=\"" +
           std::to_string(kLabelWidth - 6) + "\" y=\"" + std::to_string(y + 15) +
           "\" text-anchor=\"end\">" + Escape(shown) + "</text><rect class=\"bar\" x=\"" +
           std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
           std::to_string(std::max(width, 1)) + "\" height=\"" + std::to_string(kRow - 6) +
           "\"/><text x=\"" + std::to_string(kLabelWidth + std::max(width, 1) + 4) + "\" y=\"" +
           std::to_string(y + 15) + "\">" + std::to_string(value) + "</text></g>\n";
  }
  return out + "</svg>\n</figure>\n";
}

std::string Period(const Contract& c) {
  if (c.period_start && c.period_end) {
    return std::to_string(*c.period_start) + "–" + std::to_string(*c.period_end);
  }
  if (c.period_start) return "depuis " + std::to_string(*c.period_start);
  return "";
}

// The item an actor or a schedule row belongs to: its action, or its
// operation when it has no action (as an index past the actions).
int ItemOf(const Contract& c, int action_index, int operation_index) {
  if (action_index >= 0) return action_index;
  if (operation_index >= 0 && operation_index < static_cast<int>(c.operations.size())) {
    const int parent = c.operations[operation_index].action_index;
    return parent >= 0 ? parent : static_cast<int>(c.actions.size()) + operation_index;
  }
  return -1;
}

using BarCounts = std::vector<std::pair<std::string, int>>;

// One contract's page: its facts, signatories, articles, plan tree, and the
// charts that count what those sections show; every fact links to its source.
class ContractPageHtml {
 public:
  ContractPageHtml(const Contract& c, const std::string& path,
                   const std::vector<std::string>& pages)
      : c_(c), path_(path), sources_(path, &pages) {}

  std::string Html(long long id) {
    const std::string title = c_.title.empty() ? "Contrat " + std::to_string(id) : c_.title;
    // Sources are numbered in the order their links are made: the page's
    // order.  The charts come first, an overview, drawn from what the
    // sections after them gather.
    const std::string header = Header(title);
    BarCounts per_orientation;
    std::string sections = Parties();
    sections += Articles();
    sections += Plan(&per_orientation);
    const std::string body =
        header + "<section aria-labelledby=\"charts\">\n<h2 id=\"charts\">Vue d'ensemble</h2>\n" +
        BarChart("orientations", "Actions par orientation", per_orientation) +
        BarChart("pilots", "Actions par organisation pilote", PerPilot()) +
        BarChart("years", "Actions et opérations par année du calendrier", PerYear()) +
        "</section>\n" + sections +
        "<section aria-labelledby=\"sources\">\n<h2 id=\"sources\">Sources</h2>\n" +
        sources_.Html() + "</section>\n</main>\n";
    return Page(title, body);
  }

 private:
  std::string Header(const std::string& title) {
    std::string out = "<header>\n<nav><a href=\"index.html\">← Tous les contrats</a></nav>\n<h1>" +
                      Escape(title) + sources_.Link(c_.prov) + "</h1>\n<dl>\n";
    auto fact = [&](const char* name, const std::string& value) {
      if (!value.empty())
        out += "<dt>" + std::string(name) + "</dt><dd>" + Escape(value) + "</dd>\n";
    };
    fact("Territoire", c_.territory.value_or(""));
    fact("Période", Period(c_));
    fact("Génération", c_.generation ? std::to_string(*c_.generation) : "");
    fact("Signé",
         c_.signed_place.value_or("") +
             (c_.signed_date ? (c_.signed_place ? ", le " : "le ") + *c_.signed_date : ""));
    fact("Document", path_);
    return out + "</dl>\n</header>\n<main>\n";
  }

  std::string Parties() {
    std::string out =
        "<section aria-labelledby=\"parties\">\n<h2 id=\"parties\">Signataires</h2>\n";
    if (c_.parties.empty()) return out + "<p>Aucun signataire lu.</p>\n</section>\n";
    out +=
        "<table>\n<thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">Sigle</th>"
        "<th scope=\"col\">Représentant·e</th><th scope=\"col\">Qualité</th></tr></thead>\n"
        "<tbody>\n";
    for (const Party& p : c_.parties) {
      out += "<tr><td>" + Escape(p.organization) + sources_.Link(p.prov) + "</td><td>" +
             Escape(p.acronym.value_or("")) + "</td><td>" + Escape(p.representative.value_or("")) +
             "</td><td>" + Escape(p.representative_title.value_or("")) + "</td></tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
  }

  std::string Articles() {
    std::string out = "<section aria-labelledby=\"articles\">\n<h2 id=\"articles\">Articles</h2>\n";
    if (c_.articles.empty()) out += "<p>Aucun article lu.</p>\n";
    for (const Article& a : c_.articles) {
      out += "<details><summary>Article " + Escape(a.number) +
             (a.title.empty() ? "" : " : " + Escape(a.title)) + sources_.Link(a.prov) +
             "</summary><p>" + Escape(a.body) + "</p></details>\n";
    }
    return out + "</section>\n";
  }

  // The plan as a tree; *per_orientation gets the number of actions under
  // each orientation.
  std::string Plan(BarCounts* per_orientation) {
    GatherActors();
    std::string out =
        "<section aria-labelledby=\"plan\" class=\"plan\">\n<h2 id=\"plan\">Plan d'action</h2>\n";
    if (c_.orientations.empty() && c_.actions.empty()) out += "<p>Aucune action lue.</p>\n";
    out += "<ul>\n";
    for (size_t o = 0; o < c_.orientations.size(); ++o) {
      const Orientation& orientation = c_.orientations[o];
      const auto [actions, count] = ActionsUnder([&](int i) { return i == static_cast<int>(o); });
      const std::string name = orientation.number.empty()
                                   ? orientation.title
                                   : orientation.number + ". " + orientation.title;
      per_orientation->emplace_back(name, count);
      out += "<li>" + Escape(name) + sources_.Link(orientation.prov) +
             (actions.empty() ? "" : "\n<ul>\n" + actions + "</ul>") + "</li>\n";
    }
    const int orientations = static_cast<int>(c_.orientations.size());
    const auto [loose, loose_count] =
        ActionsUnder([&](int i) { return i < 0 || i >= orientations; });
    if (loose_count > 0) {
      per_orientation->emplace_back("Sans orientation", loose_count);
      out += "<li>Sans orientation\n<ul>\n" + loose + "</ul></li>\n";
    }
    return out + "</ul>\n</section>\n";
  }

  // The list items of the actions whose orientation index is kept, and
  // how many there are.
  template <typename Keep>
  std::pair<std::string, int> ActionsUnder(Keep keep) {
    std::string out;
    int count = 0;
    for (size_t a = 0; a < c_.actions.size(); ++a) {
      if (!keep(c_.actions[a].orientation_index)) continue;
      out += ActionItem(static_cast<int>(a));
      ++count;
    }
    return {out, count};
  }

  // Who is named under each item (actions, then operations), and which
  // items each pilot leads.
  void GatherActors() {
    const int items = static_cast<int>(c_.actions.size() + c_.operations.size());
    who_.assign(items, {});
    for (const Actor& a : c_.actors) {
      const int item = ItemOf(c_, a.action_index, a.operation_index);
      if (item < 0) continue;
      if (a.role == ActorRole::kPilot) by_pilot_[a.name].insert(item);
      // An actor of an operation is shown under the operation.
      const int shown_at =
          a.operation_index >= 0 ? static_cast<int>(c_.actions.size()) + a.operation_index : item;
      if (shown_at < items) {
        who_[shown_at].emplace_back(a.role, Escape(a.name) + sources_.Link(a.prov));
      }
    }
  }

  std::string People(int item) const {
    std::string out;
    for (const ActorRole role : {ActorRole::kPilot, ActorRole::kPartner, ActorRole::kFunder}) {
      std::string names;
      for (const auto& [r, name] : who_[item]) {
        if (r == role) names += (names.empty() ? "" : ", ") + name;
      }
      if (names.empty()) continue;
      const char* label = role == ActorRole::kPilot     ? "Pilote"
                          : role == ActorRole::kPartner ? "Partenaires"
                                                        : "Financeurs";
      out += std::string("<div class=\"who\">") + label + " : " + names + "</div>";
    }
    return out;
  }

  std::string ActionItem(int a) {
    const Action& action = c_.actions[a];
    std::string out = "<li>" +
                      (action.code ? "<strong>" + Escape(*action.code) + "</strong> " : "") +
                      Escape(action.title) + sources_.Link(action.prov) + People(a);
    std::string ops;
    for (size_t o = 0; o < c_.operations.size(); ++o) {
      const Operation& op = c_.operations[o];
      if (op.action_index != a) continue;
      ops += "<li>" + (op.code ? Escape(*op.code) + " " : "") + Escape(op.title) +
             sources_.Link(op.prov) + People(static_cast<int>(c_.actions.size() + o)) + "</li>\n";
    }
    if (!ops.empty()) out += "<ul>\n" + ops + "</ul>";
    return out + "</li>\n";
  }

  BarCounts PerPilot() const {
    BarCounts per_pilot;
    for (const auto& [name, set] : by_pilot_) {
      per_pilot.emplace_back(name, static_cast<int>(set.size()));
    }
    std::stable_sort(per_pilot.begin(), per_pilot.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (per_pilot.size() > static_cast<size_t>(kReportMaxPilots)) {
      per_pilot.resize(kReportMaxPilots);
    }
    return per_pilot;
  }

  BarCounts PerYear() const {
    std::map<long long, std::set<int>> by_year;
    for (const ScheduleEntry& e : c_.schedule) {
      const int item = e.operation_index >= 0
                           ? static_cast<int>(c_.actions.size()) + e.operation_index
                           : e.action_index;
      if (e.year && item >= 0) by_year[*e.year].insert(item);
    }
    BarCounts per_year;
    for (const auto& [year, set] : by_year) {
      per_year.emplace_back(std::to_string(year), static_cast<int>(set.size()));
    }
    return per_year;
  }

  const Contract& c_;
  const std::string& path_;
  Sources sources_;
  std::vector<std::vector<std::pair<ActorRole, std::string>>> who_;  // role, name + link
  std::map<std::string, std::set<int>> by_pilot_;
};

std::string ContractPage(const Contract& c, long long id, const std::string& path,
                         const std::vector<std::string>& pages) {
  return ContractPageHtml(c, path, pages).Html(id);
}

Status WritePage(const std::string& path, const std::string& html) {
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
  if (!file.ok()) return file.status();
  if (std::fwrite(html.data(), 1, html.size(), (*file)->stream()) != html.size()) {
    return Status::IOError(path + ": write failed");
  }
  return (*file)->Commit();
}

}  // namespace

Result<ReportSummary> WriteReport(const std::string& db_path, const std::string& out_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(db_path, ec)) return Status::NotFound(db_path + ": no such database");
  fs::create_directories(out_dir, ec);
  if (!fs::is_directory(out_dir, ec)) {
    return Status::IOError(out_dir + ": cannot make the folder: " + ec.message());
  }
  Result<std::unique_ptr<Store>> store = Store::Open(db_path);
  if (!store.ok()) return store.status();
  Result<std::vector<Store::StoredDocument>> documents = (*store)->ListDocuments();
  if (!documents.ok()) return documents.status();

  ReportSummary summary;
  std::string rows;
  for (const Store::StoredDocument& doc : *documents) {
    Result<std::vector<long long>> ids = (*store)->ContractIds(doc.id);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) continue;
    Result<DocumentRecords> records = (*store)->ReadRecords(doc.id);
    if (!records.ok()) return records.status();
    Result<std::vector<std::string>> pages = (*store)->ReadPages(doc.id);
    if (!pages.ok()) return pages.status();
    for (size_t i = 0; i < ids->size() && i < records->contracts.size(); ++i) {
      const Contract& c = records->contracts[i];
      const long long id = (*ids)[i];
      const std::string name = "contract-" + std::to_string(id) + ".html";
      const std::string file = (fs::path(out_dir) / name).string();
      if (Status s = WritePage(file, ContractPage(c, id, doc.path, *pages)); !s.ok()) return s;
      summary.files.push_back(file);
      ++summary.contracts;
      std::string signatories;
      for (const Party& p : c.parties) {
        signatories += (signatories.empty() ? "" : ", ") + p.acronym.value_or(p.organization);
      }
      rows += "<tr><td><a href=\"" + name + "\">" +
              Escape(c.title.empty() ? "Contrat " + std::to_string(id) : c.title) +
              "</a></td><td>" + Escape(c.territory.value_or("")) + "</td><td>" + Escape(Period(c)) +
              "</td><td>" + (c.generation ? std::to_string(*c.generation) : "") + "</td><td>" +
              std::to_string(c.actions.size()) + "</td><td>" + Escape(signatories) + "</td></tr>\n";
    }
  }
  const std::string index = (fs::path(out_dir) / "index.html").string();
  const std::string body =
      "<header><h1>Contrats locaux de santé</h1>\n<p>" + std::to_string(summary.contracts) +
      " contrat" + (summary.contracts == 1 ? "" : "s") + " lu" +
      (summary.contracts == 1 ? "" : "s") + " dans " + Escape(db_path) +
      ".</p></header>\n<main>\n" +
      (summary.contracts == 0
           ? std::string("<p>Aucun contrat.</p>\n")
           : "<table>\n<thead><tr><th scope=\"col\">Contrat</th><th scope=\"col\">Territoire</th>"
             "<th scope=\"col\">Période</th><th scope=\"col\">Génération</th><th "
             "scope=\"col\">Actions</th><th "
             "scope=\"col\">Signataires</th></tr></thead>\n<tbody>\n" +
                 rows + "</tbody>\n</table>\n") +
      "</main>\n";
  if (Status s = WritePage(index, Page("Contrats locaux de santé", body)); !s.ok()) return s;
  summary.files.insert(summary.files.begin(), index);
  return summary;
}

}  // namespace clsdb
