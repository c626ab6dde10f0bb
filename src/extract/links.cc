// LinkRecords: the links between the records of one document.
//
// Which contracts an act approves (Deliberation::approves), by two rules:
//   link.annexed  the document records one act and holds contracts: they are
//                 its annexes (segment.h: the acts come before the
//                 contracts they approve), so the act approves each of them;
//   link.named    the document records several acts: an act approves the
//                 contracts that a paragraph of it names beside the words
//                 "contrat local de santé" or "CLS": the paragraph holds its
//                 acronym, or every key word of its territory or of its title
//                 (accents, case and punctuation aside; key words are those
//                 left once the kind of collectivity, the words of "contrat
//                 local de santé", articles and figures are set aside:
//                 "Communauté de communes des Monts de Coatmeur" gives
//                 "monts", "coatmeur").  The CLS words are required because
//                 every act of a body names the body, often the territory.
// A contract stored in another document than its act is not linked: the
// link is made within the document, where the evidence is.
//
// The act a transmission stamp belongs to (Transmission::deliberation_index),
// in this order: the one act whose number's last figures are a group of
// figures of the stamp's act reference ("2025-131" and "DELIB131"); else the
// one act whose meeting date is the stamp's decision date; else the
// document's only act; else none.
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/text_util.h"
#include "normalize/normalize.h"
#include "rules/required_rules.h"

namespace clsdb {

namespace {

// Words that say what kind of collectivity or document a name is, or join
// its words: they do not tell one contract from another.
bool IsCommonWord(const std::string& w) {
  static const std::set<std::string> kCommon = {"contrat",
                                                "local",
                                                "locaux",
                                                "sante",
                                                "cls",
                                                "de",
                                                "des",
                                                "du",
                                                "d",
                                                "la",
                                                "le",
                                                "les",
                                                "l",
                                                "et",
                                                "en",
                                                "communaute",
                                                "communes",
                                                "commune",
                                                "agglomeration",
                                                "urbaine",
                                                "ville",
                                                "pays",
                                                "petr",
                                                "pole",
                                                "territorial",
                                                "syndicat",
                                                "mixte",
                                                "intercommunal",
                                                "metropole",
                                                "generation",
                                                "eme",
                                                "2eme",
                                                "3eme"};
  if (kCommon.count(w) != 0) return true;
  return w.find_first_not_of("0123456789") == std::string::npos;
}

// The key words of a name (folded), or none when they are too weak to name
// a contract: at least one must have four letters or more.
std::vector<std::string> KeyWords(const std::string& name) {
  std::vector<std::string> keys;
  bool strong = false;
  std::istringstream words(FoldForMatch(name));
  for (std::string w; words >> w;) {
    if (IsCommonWord(w)) continue;
    strong = strong || w.size() >= 4;
    keys.push_back(w);
  }
  if (!strong) keys.clear();
  return keys;
}

// The groups of figures of text, in order: "2025-131" gives {"2025", "131"}.
std::vector<std::string> FigureGroups(std::string_view text) {
  std::vector<std::string> groups;
  std::string current;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      current += c;
    } else if (!current.empty()) {
      groups.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) groups.push_back(std::move(current));
  return groups;
}

// Whether the stamp's act reference names the act numbered number: the
// number's last group of figures, leading zeros aside, is one of the
// reference's groups.
bool SameActNumber(std::string_view number, std::string_view act_ref) {
  const std::vector<std::string> n = FigureGroups(number);
  if (n.empty()) return false;
  auto strip = [](const std::string& g) {
    const size_t first = g.find_first_not_of('0');
    return first == std::string::npos ? std::string("0") : g.substr(first);
  };
  const std::string last = strip(n.back());
  for (const std::string& g : FigureGroups(act_ref)) {
    if (strip(g) == last) return true;
  }
  return false;
}

// The contracts the act over blocks `act` names, with the paragraph naming
// each.
void LinkNamedContracts(const LaidOutDocument& doc, const BlockRange& act,
                        const std::vector<Contract>& contracts, Deliberation* d) {
  // Per contract, the word sets any one of which names it.
  std::vector<std::vector<std::vector<std::string>>> names(contracts.size());
  for (size_t c = 0; c < contracts.size(); ++c) {
    const Contract& k = contracts[c];
    for (const OptText& name : {OptText(k.title), k.territory}) {
      if (!name) continue;
      if (std::vector<std::string> keys = KeyWords(*name); !keys.empty()) {
        names[c].push_back(std::move(keys));
      }
    }
    if (k.territory_acronym) {
      const std::string acronym = FoldForMatch(*k.territory_acronym);
      if (acronym.size() >= 3 && acronym.find(' ') == std::string::npos) {
        names[c].push_back({acronym});
      }
    }
  }
  std::vector<bool> linked(contracts.size(), false);
  for (int b = act.begin; b < act.end; ++b) {
    const Block& block = doc.blocks[b];
    if (!IsParagraph(block)) continue;
    const std::string text = " " + FoldForMatch(block.text) + " ";
    if (text.find(" contrat local de sante ") == std::string::npos &&
        text.find(" contrats locaux de sante ") == std::string::npos &&
        text.find(" cls ") == std::string::npos) {
      continue;
    }
    auto holds = [&](const std::vector<std::string>& keys) {
      for (const std::string& k : keys) {
        if (text.find(" " + k + " ") == std::string::npos) return false;
      }
      return true;
    };
    for (size_t c = 0; c < contracts.size(); ++c) {
      if (linked[c]) continue;
      for (const std::vector<std::string>& keys : names[c]) {
        if (!holds(keys)) continue;
        linked[c] = true;
        d->approves.push_back(
            {static_cast<int>(c), ProvenanceOf(block, std::string(kStructureNamedContract))});
        break;
      }
    }
  }
}

void LinkTransmission(const std::vector<Deliberation>& acts, Transmission* t) {
  auto the_one = [&](auto matches) {
    int found = -1;
    for (size_t i = 0; i < acts.size(); ++i) {
      if (!matches(acts[i])) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(i);
    }
    return found;
  };
  int act = -1;
  if (t->act_ref) {
    act = the_one(
        [&](const Deliberation& d) { return d.number && SameActNumber(*d.number, *t->act_ref); });
  }
  if (act < 0 && t->decision_date) {
    act = the_one([&](const Deliberation& d) { return d.meeting_date == t->decision_date; });
  }
  if (act < 0 && acts.size() == 1) act = 0;
  t->deliberation_index = act;
}

}  // namespace

int ContractHolding(const Segmentation& seg, int block) {
  for (size_t c = 0; c < seg.contracts.size(); ++c) {
    const BlockRange& r = seg.contracts[c].range;
    if (block >= r.begin && block < r.end) return static_cast<int>(c);
  }
  return -1;
}

void LinkRecords(const LaidOutDocument& doc, const Segmentation& seg, DocumentRecords* out) {
  for (Transmission& t : out->transmissions) LinkTransmission(out->deliberations, &t);
  if (out->contracts.empty() || out->deliberations.empty()) return;
  if (out->deliberations.size() == 1) {
    for (size_t c = 0; c < out->contracts.size(); ++c) {
      Provenance prov = out->contracts[c].prov;
      prov.rule = std::string(kStructureAnnexedContract);
      out->deliberations[0].approves.push_back({static_cast<int>(c), std::move(prov)});
    }
    return;
  }
  const std::vector<BlockRange> acts = ReadableActs(doc, seg);
  for (size_t i = 0; i < acts.size() && i < out->deliberations.size(); ++i) {
    LinkNamedContracts(doc, acts[i], out->contracts, &out->deliberations[i]);
  }
}

}  // namespace clsdb
