#include "export/scdl.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <utility>

#include "export/cell_text.h"
#include "export/output_file.h"
#include "store/store.h"

namespace clsdb {

namespace {

// The ACTES nomenclature (Aide au Contrôle de légaliTé dématErialiSé), its
// two first levels, in lower case with accents and without commas or
// parentheses as the SCDL schema asks.
struct Matiere {
  const char* code;
  const char* name;
};
constexpr Matiere kLevel1[] = {
    {"1", "commande publique"},
    {"2", "urbanisme"},
    {"3", "domaine et patrimoine"},
    {"4", "fonction publique"},
    {"5", "institutions et vie politique"},
    {"6", "libertés publiques et pouvoirs de police"},
    {"7", "finances locales"},
    {"8", "domaines de compétences par thèmes"},
    {"9", "autres domaines de compétences"},
};
constexpr Matiere kLevel2[] = {
    {"1.1", "marchés publics"},
    {"1.2", "délégation de service public"},
    {"1.3", "conventions de mandat"},
    {"1.4", "autres types de contrats"},
    {"1.5", "transactions protocole d'accord transactionnel"},
    {"1.6", "maîtrise d'oeuvre"},
    {"1.7", "actes spéciaux et divers"},
    {"2.1", "documents d'urbanisme"},
    {"2.2", "actes relatifs au droit d'occupation ou d'utilisation des sols"},
    {"2.3", "droit de préemption urbain"},
    {"3.1", "acquisitions"},
    {"3.2", "aliénations"},
    {"3.3", "locations"},
    {"3.4", "limites territoriales"},
    {"3.5", "autres actes de gestion du domaine public"},
    {"3.6", "autres actes de gestion du domaine privé"},
    {"4.1", "personnels titulaires et stagiaires de la f.p.t."},
    {"4.2", "personnels contractuels"},
    {"4.3", "fonction publique hospitalière"},
    {"4.4", "autres catégories de personnels"},
    {"4.5", "régime indemnitaire"},
    {"5.1", "élection exécutif"},
    {"5.2", "fonctionnement des assemblées"},
    {"5.3", "désignation de représentants"},
    {"5.4", "délégation de fonctions"},
    {"5.5", "délégation de signature"},
    {"5.6", "exercice des mandats locaux"},
    {"5.7", "intercommunalité"},
    {"5.8", "décision d'ester en justice"},
    {"6.1", "police municipale"},
    {"6.2", "pouvoirs du président du conseil général"},
    {"6.3", "pouvoirs du président du conseil régional"},
    {"6.4", "autres actes réglementaires"},
    {"6.5", "actes pris au nom de l'état et soumis au contrôle hiérarchique"},
    {"7.1", "décisions budgétaires"},
    {"7.2", "fiscalité"},
    {"7.3", "emprunts"},
    {"7.4", "interventions économiques"},
    {"7.5", "subventions"},
    {"7.6", "contributions budgétaires"},
    {"7.7", "avances"},
    {"7.8", "fonds de concours"},
    {"7.9", "prise de participation"},
    {"7.10", "divers"},
    {"8.1", "enseignement"},
    {"8.2", "aide sociale"},
    {"8.3", "voirie"},
    {"8.4", "aménagement du territoire"},
    {"8.5", "politique de la ville-habitat-logement"},
    {"8.6", "emploi-formation professionnelle"},
    {"8.7", "transports"},
    {"8.8", "environnement"},
    {"8.9", "culture"},
    {"9.1", "autres domaines de compétences des communes"},
    {"9.2", "autres domaines de compétences des départements"},
    {"9.3", "autres domaines de compétences des régions"},
    {"9.4", "voeux et motions"},
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Whether text is a calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  const int y = std::stoi(text.substr(0, 4)), m = std::stoi(text.substr(5, 2)),
            d = std::stoi(text.substr(8, 2));
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

std::string DateOrEmpty(const OptText& date) { return date && IsIsoDate(*date) ? *date : ""; }

std::string Count(const OptInt& n) { return n && *n >= 0 ? std::to_string(*n) : ""; }

std::string Digits(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

// The stamp of deliberation d among the document's, or nullptr; see scdl.h.
const Transmission* StampOf(const DocumentRecords& doc, const Deliberation& d) {
  if (doc.transmissions.size() == 1 && doc.deliberations.size() == 1) {
    return &doc.transmissions[0];
  }
  if (!d.meeting_date) return nullptr;
  std::vector<const Transmission*> same_day;
  for (const Transmission& t : doc.transmissions) {
    if (t.decision_date == d.meeting_date) same_day.push_back(&t);
  }
  if (same_day.size() == 1) return same_day[0];
  // Several acts of one meeting: the stamp whose act reference holds the
  // act's number.
  const std::string number = d.number ? Digits(*d.number) : "";
  const Transmission* found = nullptr;
  for (const Transmission* t : same_day) {
    if (number.empty() || !t->act_ref || Digits(*t->act_ref).find(number) == std::string::npos) {
      continue;
    }
    if (found != nullptr) return nullptr;  // ambiguous
    found = t;
  }
  return found;
}

// A field every stamp of the document agrees on, or empty.
std::string Agreed(const DocumentRecords& doc, OptText Transmission::*field) {
  std::string value;
  for (const Transmission& t : doc.transmissions) {
    const OptText& v = t.*field;
    if (!v || v->empty()) continue;
    if (!value.empty() && value != *v) return "";
    value = *v;
  }
  return value;
}

}  // namespace

bool IsValidSiret(const std::string& siret) {
  if (siret.size() != 14) return false;
  for (char c : siret) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  // La Poste's establishments share one SIREN and are checked by the sum of
  // their digits instead.
  if (siret.compare(0, 9, "356000000") == 0) {
    int sum = 0;
    for (char c : siret) sum += c - '0';
    return sum % 5 == 0;
  }
  int sum = 0;
  for (int i = 0; i < 14; ++i) {
    int digit = siret[13 - i] - '0';
    if (i % 2 == 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 == 0;
}

std::optional<std::string> ActesMatiereName(const std::string& code) {
  for (const Matiere& m2 : kLevel2) {
    if (code != m2.code) continue;
    for (const Matiere& m1 : kLevel1) {
      if (code.substr(0, code.find('.')) == m1.code) {
        return std::string(m1.name) + "/" + m2.name;
      }
    }
  }
  return std::nullopt;
}

std::vector<std::array<std::string, 17>> ScdlRows(const DocumentRecords& doc,
                                                  const ScdlOptions& options, ScdlReport* report) {
  std::vector<std::array<std::string, 17>> rows;
  const std::string siren = Agreed(doc, &Transmission::siren);
  const std::string department = Agreed(doc, &Transmission::department);
  std::string matiere_name;
  if (!options.matiere_code.empty()) {
    matiere_name = ActesMatiereName(options.matiere_code).value_or("");
  }
  for (const Deliberation& d : doc.deliberations) {
    const Transmission* stamp = StampOf(doc, d);
    std::array<std::string, 17> row;
    row[0] = d.body.value_or("");
    if (const auto it = options.siret_by_siren.find(siren);
        !siren.empty() && it != options.siret_by_siren.end()) {
      row[1] = it->second;
    }
    row[2] = d.number.value_or(stamp != nullptr ? stamp->act_ref.value_or("") : "");
    row[3] = DateOrEmpty(d.meeting_date);
    if (row[3].empty() && stamp != nullptr) row[3] = DateOrEmpty(stamp->decision_date);
    if (!matiere_name.empty()) {
      row[4] = options.matiere_code;
      row[5] = matiere_name;
    }
    row[6] = d.title.value_or(doc.deliberations.size() == 1 ? doc.title.value_or("") : "");
    if (department.size() >= 2 && department.size() <= 3) {
      row[9] = "PREF" + std::string(3 - department.size(), '0') + department;
    }
    if (stamp != nullptr) {
      row[10] = DateOrEmpty(stamp->received_date);
      // The schema wants the registration on or after the decision; a
      // stamp read before it is a misreading, not a fact to publish.
      if (!row[10].empty() && !row[3].empty() && row[10] < row[3]) {
        row[10].clear();
        if (report != nullptr) ++report->pref_dates_dropped;
      }
    }
    row[13] = Count(d.votes_for);
    row[14] = Count(d.votes_against);
    row[15] = Count(d.votes_abstention);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<ScdlReport> ExportScdlDeliberations(const std::string& db_path, const ScdlOptions& options) {
  for (const auto& [siren, siret] : options.siret_by_siren) {
    if (!IsValidSiret(siret) || siret.compare(0, 9, siren) != 0) {
      return Status::InvalidArgument("'" + siret +
                                     "' is not a valid SIRET (14 digits, INSEE's "
                                     "check digit)");
    }
  }
  if (!options.matiere_code.empty() && !ActesMatiereName(options.matiere_code)) {
    return Status::InvalidArgument("'" + options.matiere_code +
                                   "' is not a code of the ACTES nomenclature (1.1 to 9.4)");
  }
  {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(db_path, ec)) {
      return Status::NotFound(db_path + ": no such database");
    }
  }
  Result<std::unique_ptr<Store>> store = Store::Open(db_path);
  if (!store.ok()) return store.status();
  Result<std::vector<Store::StoredDocument>> documents = (*store)->ListDocuments();
  if (!documents.ok()) return documents.status();

  const bool to_stdout = options.out.empty() || options.out == "-";
  std::unique_ptr<OutputFile> file;
  std::FILE* out = stdout;
  if (!to_stdout) {
    Result<std::unique_ptr<OutputFile>> created = OutputFile::Create(options.out);
    if (!created.ok()) return created.status();
    file = created.take();
    out = file->stream();
  }
  const std::string out_name = to_stdout ? "standard output" : options.out;
  std::string line;
  auto write_line = [&](const auto& fields) -> Status {
    line.clear();
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) line.push_back(',');
      AppendCsvField(fields[i], ',', &line);
    }
    line.append("\r\n");
    if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) {
      return Status::IOError(out_name + ": write failed");
    }
    return Status::OK();
  };
  ScdlReport report;
  if (Status s = write_line(kScdlColumns); !s.ok()) return s;
  for (const Store::StoredDocument& stored : *documents) {
    Result<DocumentRecords> records = (*store)->ReadRecords(stored.id);
    if (!records.ok()) return records.status();
    for (const auto& row : ScdlRows(*records, options, &report)) {
      bool complete = true;
      for (size_t i = 0; i < kScdlColumns.size(); ++i) {
        for (const char* required : kScdlRequiredColumns) {
          if (row[i].empty() && std::string(kScdlColumns[i]) == required) {
            ++report.missing_required[required];
            complete = false;
          }
        }
      }
      if (options.only_complete && !complete) {
        ++report.omitted;
        continue;
      }
      if (Status s = write_line(row); !s.ok()) return s;
      ++report.rows;
    }
  }
  if (file != nullptr) {
    if (Status s = file->Commit(); !s.ok()) return s;
  } else if (std::fflush(stdout) != 0) {
    return Status::IOError("standard output: write failed");
  }
  return report;
}

}  // namespace clsdb
