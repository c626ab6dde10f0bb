#include "check/organization_score.h"

#include <map>
#include <set>
#include <utility>

#include "check/match.h"

namespace clsdb::check {

std::string NameOf(std::string_view name) {
  std::string key = MatchKey(name);
  for (const std::string_view article : {"les ", "la ", "le ", "l "}) {
    if (key.size() > article.size() && key.starts_with(article)) {
      return key.substr(article.size());
    }
  }
  return key;
}

namespace {

// The annotation's side: each name of N with its organisation (-1: not an
// organisation) and the name as first written.
struct Annotated {
  std::map<std::string, int> org_of;
  std::map<std::string, std::string> written;
};

Annotated AnnotatedNames(const Contract& c) {
  Annotated a;
  for (const OrganizationAlias& alias : c.organization_aliases) {
    const std::string key = NameOf(alias.name);
    if (key.empty()) continue;
    a.org_of.emplace(key, alias.organization_index);
    a.written.emplace(key, alias.name);
  }
  return a;
}

// The database's side: the organisations each name of N is linked to (an
// empty set: held, but unlinked).
std::map<std::string, std::set<int>> LinkedNames(const Contract& c, const Annotated& n) {
  std::map<std::string, std::set<int>> linked;
  auto add = [&](const std::string& name, int org) {
    const std::string key = NameOf(name);
    if (!n.org_of.contains(key)) return;
    std::set<int>& orgs = linked[key];
    if (org >= 0 && org < static_cast<int>(c.organizations.size())) orgs.insert(org);
  };
  for (const Party& p : c.parties) {
    add(p.organization, p.organization_index);
    if (p.acronym.has_value()) add(*p.acronym, p.organization_index);
  }
  for (const Actor& a : c.actors) add(a.name, a.organization_index);
  for (const OrganizationAlias& alias : c.organization_aliases) {
    add(alias.name, alias.organization_index);
  }
  return linked;
}

bool Share(const std::set<int>& a, const std::set<int>& b) {
  for (int x : a) {
    if (b.contains(x)) return true;
  }
  return false;
}

UnmatchedItem PairItem(const Annotated& n, const std::string& x, const std::string& y,
                       const std::string& context) {
  return {n.written.at(x) + " = " + n.written.at(y), context, std::nullopt};
}

void ScorePairs(const Annotated& n, const std::map<std::string, std::set<int>>& linked,
                const std::string& context, GroupScore* g) {
  static const std::set<int> kNone;
  auto orgs = [&](const std::string& key) -> const std::set<int>& {
    const auto it = linked.find(key);
    return it == linked.end() ? kNone : it->second;
  };
  for (auto x = n.org_of.begin(); x != n.org_of.end(); ++x) {
    for (auto y = std::next(x); y != n.org_of.end(); ++y) {
      const bool expected = x->second >= 0 && x->second == y->second;
      const bool extracted = Share(orgs(x->first), orgs(y->first));
      if (expected && extracted) {
        ++g->tp;
      } else if (expected) {
        ++g->fn;
        UnmatchedItem item = PairItem(n, x->first, y->first, context);
        // Tells a name the extraction lost from one the resolution left apart.
        for (const std::string* key : {&x->first, &y->first}) {
          if (!linked.contains(*key)) item.text += "  [not held: " + n.written.at(*key) + "]";
        }
        g->missed.push_back(std::move(item));
      } else if (extracted) {
        ++g->fp;
        g->spurious.push_back(PairItem(n, x->first, y->first, context));
      }
    }
  }
}

void ScoreKinds(const Contract& e, const Contract& a, const Annotated& n,
                const std::map<std::string, std::set<int>>& linked, const std::string& context,
                GroupScore* g) {
  for (const auto& [key, orgs] : linked) {
    const int org = n.org_of.at(key);
    const OptText want = org >= 0 ? e.organizations[org].kind : std::nullopt;
    std::set<std::string> got;
    for (int i : orgs) {
      if (a.organizations[i].kind.has_value()) got.insert(*a.organizations[i].kind);
    }
    const std::string text = n.written.at(key) + (want ? " (" + *want + ")" : "");
    const bool right = want.has_value() && got.size() == 1 && got.contains(*want);
    if (right) {
      ++g->tp;
      continue;
    }
    if (want.has_value()) {
      ++g->fn;
      g->missed.push_back({text, context, std::nullopt});
    }
    if (!got.empty()) {
      ++g->fp;
      std::string kinds;
      for (const std::string& k : got) kinds += (kinds.empty() ? "" : ", ") + k;
      g->spurious.push_back({n.written.at(key) + " (" + kinds + ")", context, std::nullopt});
    }
  }
}

}  // namespace

void ScoreOrganizations(const Contract& expected, const Contract* actual, GroupScore* pairs,
                        GroupScore* kinds) {
  if (expected.organization_aliases.empty()) return;
  static const Contract kNone;
  const Contract& a = actual != nullptr ? *actual : kNone;
  const Annotated n = AnnotatedNames(expected);
  const std::map<std::string, std::set<int>> linked = LinkedNames(a, n);
  const std::string context = expected.title;
  ScorePairs(n, linked, context, pairs);
  ScoreKinds(expected, a, n, linked, context, kinds);
}

}  // namespace clsdb::check
