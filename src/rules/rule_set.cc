#include "rules/rule_set.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <new>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "core/memory_reserve.h"
#include "core/words.h"
#include "rules/narrow.h"

namespace clsdb {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string Where(const std::string& file, int line) { return file + ":" + std::to_string(line); }

// Parses "k=v | k=v" into captures.
std::vector<std::pair<std::string, std::string>> ParseCaptures(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t bar = text.find(" | ", start);
    std::string_view piece = Trim(
        text.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    size_t eq = piece.find('=');
    if (eq != std::string_view::npos) {
      out.emplace_back(std::string(Trim(piece.substr(0, eq))),
                       std::string(Trim(piece.substr(eq + 1))));
    }
    if (bar == std::string_view::npos) break;
    start = bar + 3;
  }
  return out;
}

std::string ReadWholeFile(const std::filesystem::path& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

RE2::Options PatternOptions() {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_encoding(RE2::Options::EncodingUTF8);
  return opts;
}

// The cache of patterns known to compile: one 16-digit hex hash a line.
std::unordered_set<uint64_t> ReadValidPatterns(const std::string& file) {
  std::unordered_set<uint64_t> out;
  if (file.empty()) return out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() != 16) continue;
    char* end = nullptr;
    const uint64_t h = std::strtoull(line.c_str(), &end, 16);
    if (end == line.c_str() + 16) out.insert(h);
  }
  return out;
}

// Writes the hashes through a temporary file renamed over the cache, so
// that runs started together never read half a file.  Errors are ignored:
// the cache only saves time.
void WriteValidPatterns(const std::string& file, const std::unordered_set<uint64_t>& hashes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  const std::string tmp = file + "." + std::to_string(::getpid()) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    char hex[17];
    for (uint64_t h : hashes) {
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
      out << hex << '\n';
    }
    if (!out.flush()) {
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, file, ec);
  if (ec) fs::remove(tmp, ec);
}

// Past this many hashes the cache keeps only the current set's: old
// versions of edited rules would otherwise pile up.
constexpr size_t kMaxCachedPatterns = 4096;

}  // namespace

bool Rule::Compile() const noexcept {
  try {
    std::call_once(compiled_, [this] {
      NoThrowAllocationScope in_re2;
      re_ = std::make_unique<RE2>(pattern, PatternOptions());
    });
    return true;
  } catch (const std::bad_alloc&) {
    return false;  // the flag stays unset: a later call tries again
  } catch (const std::system_error&) {
    return false;
  }
}

const RE2& Rule::re() const {
  if (!Compile()) throw std::bad_alloc();
  if (!re_->ok()) {
    throw std::runtime_error(Where(file, pattern_line) + ": [" + name + "] " + re_->error_arg() +
                             ": " + re_->error());
  }
  return *re_;
}

const RE2* Rule::narrow() const {
  std::call_once(narrowed_, [this] {
    const std::optional<std::string> narrowed = NarrowPattern(pattern);
    if (!narrowed) return;
    std::unique_ptr<RE2> re;
    {
      NoThrowAllocationScope in_re2;
      re = std::make_unique<RE2>(*narrowed, PatternOptions());
    }
    if (!re->ok()) return;
    narrow_re_ = std::move(re);
    narrowed_as_written_ = *narrowed == pattern;
  });
  return narrow_re_.get();
}

bool Rule::MayOccurIn(std::string_view text, size_t max_bytes) const {
  if (passed_literals_.load(std::memory_order_relaxed)) return true;
  if (text.size() > max_bytes) return true;
  std::call_once(literals_found_, [this] { literals_ = FindRequiredLiterals(pattern); });
  if (!literals_.MayOccurIn(text)) return false;
  passed_literals_.store(true, std::memory_order_relaxed);
  return true;
}

bool Rule::RequiredWordsIn(std::string_view text) const {
  std::call_once(literals_found_, [this] { literals_ = FindRequiredLiterals(pattern); });
  return literals_.MayOccurIn(text);
}

const std::string& RuleMatch::Get(const std::string& name) const {
  static const std::string kEmpty;
  auto it = groups.find(name);
  return it == groups.end() ? kEmpty : it->second;
}

bool RuleMatch::Has(const std::string& name) const { return !Get(name).empty(); }

struct RuleSet::MatcherCache {
  std::array<std::once_flag, kRequiredFamilies.size()> built;
  std::array<std::unique_ptr<RuleSetMatcher>, kRequiredFamilies.size()> by_family;
  std::array<std::once_flag, kRequiredFamilies.size()> candidates_built;
  std::array<std::unique_ptr<RuleSetMatcher>, kRequiredFamilies.size()> candidates;
};

RuleSet::RuleSet() : matchers_(std::make_unique<MatcherCache>()) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

// FNV-1a: stable across builds and machines, unlike std::hash.
uint64_t RuleSet::PatternHash(std::string_view pattern) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : pattern) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string RuleSet::DefaultCacheFile() {
  if (const char* file = std::getenv("CLSDB_RULES_CACHE")) {
    return std::string_view(file) == "off" ? "" : file;
  }
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  if (xdg != nullptr && xdg[0] == '/') return std::string(xdg) + "/clsdb/valid-patterns";
  if (home != nullptr && home[0] == '/') return std::string(home) + "/.cache/clsdb/valid-patterns";
  return "";
}

Result<RuleSet> RuleSet::LoadDirectory(const std::string& dir, const std::string& cache_file,
                                       Examples examples) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("rules directory not found: " + dir);
  RuleSet set;
  set.skip_examples_ = examples == Examples::kSkip;
  std::vector<fs::path> lists, files;
  if (fs::is_directory(fs::path(dir) / "lists", ec)) {
    for (const auto& e : fs::directory_iterator(fs::path(dir) / "lists")) {
      if (e.path().extension() == ".list") lists.push_back(e.path());
    }
  }
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".rules") files.push_back(e.path());
  }
  std::sort(lists.begin(), lists.end());
  std::sort(files.begin(), files.end());
  for (const auto& path : lists) {
    bool ok = false;
    std::string text = ReadWholeFile(path, &ok);
    if (!ok) return Status::IOError("cannot read " + path.string());
    std::vector<std::string> entries;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      std::string_view entry = Trim(line);
      if (entry.empty() || entry.front() == '#') continue;
      entries.emplace_back(entry);
    }
    set.AddList(path.stem().string(), std::move(entries));
  }
  for (const auto& path : files) {
    bool ok = false;
    std::string text = ReadWholeFile(path, &ok);
    if (!ok) return Status::IOError("cannot read " + path.string());
    Status s = set.ParseFile(text, path.string());
    if (!s.ok()) return s;
  }
  // Before compiling: a missing rule is reported at once, whatever the
  // patterns cost.
  if (Status s = set.ResolveRequired(dir); !s.ok()) return s;
  std::unordered_set<uint64_t> known_good = ReadValidPatterns(cache_file);
  Status s = set.CompilePending(static_cast<int>(std::thread::hardware_concurrency()), known_good);
  if (!s.ok()) return s;
  if (!cache_file.empty()) {
    const size_t before = known_good.size();
    if (before > kMaxCachedPatterns) known_good.clear();
    for (const auto& rule : set.rules_) known_good.insert(PatternHash(rule->pattern));
    if (known_good.size() != before) WriteValidPatterns(cache_file, known_good);
  }
  return set;
}

void RuleSet::AddList(const std::string& name, std::vector<std::string> entries) {
  lists_[name] = std::move(entries);
}

Status RuleSet::ExpandPattern(const std::string& raw, const std::string& where, std::string* out,
                              int depth) const {
  if (depth > 8) return Status::InvalidArgument(where + ": {{…}} nested too deep");
  out->clear();
  size_t pos = 0;
  while (true) {
    size_t open = raw.find("{{", pos);
    if (open == std::string::npos) {
      out->append(raw, pos, std::string::npos);
      return Status::OK();
    }
    size_t close = raw.find("}}", open + 2);
    if (close == std::string::npos) {
      return Status::InvalidArgument(where + ": unclosed {{ in pattern");
    }
    out->append(raw, pos, open - pos);
    std::string name = raw.substr(open + 2, close - open - 2);
    if (auto list = lists_.find(name); list != lists_.end()) {
      std::vector<std::string> entries = list->second;
      // Longest first, so that an alternation prefers "Madame" to "Mme".
      std::stable_sort(
          entries.begin(), entries.end(),
          [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      out->append("(?:");
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out->append("|");
        out->append(RE2::QuoteMeta(entries[i]));
      }
      out->append(")");
    } else if (auto rule = by_name_.find(name); rule != by_name_.end()) {
      out->append("(?:");
      out->append(rule->second->pattern);  // already expanded
      out->append(")");
    } else {
      return Status::InvalidArgument(where + ": unknown {{" + name + "}} (no rules/lists/" + name +
                                     ".list and no rule or fragment of that name above)");
    }
    pos = close + 2;
  }
}

Status RuleSet::ResolveRequired(const std::string& where) {
  required_.clear();
  families_.clear();
  // Families first: deleting a whole family names the family, not the
  // first of its rules that code also reads one by one.
  for (const RuleRequirement& need : kRequiredFamilies) {
    families_.push_back(WithPrefix(need.name));
    if (families_.back().empty()) {
      return Status::InvalidArgument(where + ": rule " + std::string(need.name) +
                                     "* is required by " + std::string(need.step));
    }
  }
  for (const RuleRequirement& need : kRequiredRules) {
    const Rule* rule = Find(need.name);
    if (rule == nullptr) {
      return Status::InvalidArgument(where + ": rule " + std::string(need.name) +
                                     " is required by " + std::string(need.step));
    }
    required_.push_back(rule);
  }
  return Status::OK();
}

const RuleSetMatcher& RuleSet::MatcherFor(RuleFamily family) const {
  const size_t i = static_cast<size_t>(family);
  std::call_once(matchers_->built[i], [&] {
    matchers_->by_family[i] = std::make_unique<RuleSetMatcher>(
        families_[i], RuleSetMatcher::Mode::kExact, rule_by_rule_budget_);
  });
  return *matchers_->by_family[i];
}

const RuleSetMatcher& RuleSet::CandidatesFor(RuleFamily family) const {
  const size_t i = static_cast<size_t>(family);
  std::call_once(matchers_->candidates_built[i], [&] {
    matchers_->candidates[i] = std::make_unique<RuleSetMatcher>(
        families_[i], RuleSetMatcher::Mode::kCandidates, rule_by_rule_budget_);
  });
  return *matchers_->candidates[i];
}

Status RuleSet::AddFile(std::string_view text, const std::string& file) {
  matchers_ = std::make_unique<MatcherCache>();  // the families may change
  required_.clear();
  families_.clear();
  Status parsed = ParseFile(text, file);
  Status compiled = CompilePending(1);  // also the rules before a syntax error
  return parsed.ok() ? compiled : parsed;
}

Status RuleSet::CompilePending(int threads, const std::unordered_set<uint64_t>& known_good) {
  const size_t first = compiled_;
  compiled_ = rules_.size();
  std::vector<const Rule*> to_check;
  for (size_t i = first; i < rules_.size(); ++i) {
    if (!known_good.count(PatternHash(rules_[i]->pattern))) to_check.push_back(rules_[i].get());
  }
  // Rules are handed out one at a time: their costs differ a hundredfold.
  // Out of memory, a rule stays without a program (and is reported below):
  // an exception leaving a thread would end the process.
  std::atomic<size_t> next{0};
  auto compile = [&] {
    for (size_t i = next++; i < to_check.size(); i = next++) to_check[i]->Compile();
  };
  std::vector<std::thread> helpers;
  const size_t extra = std::min<size_t>(to_check.size() / 8, std::max(threads, 1) - 1);
  try {
    for (size_t t = 0; t < extra; ++t) helpers.emplace_back(compile);
  } catch (const std::system_error&) {
    // No thread to be had (memory or process limits): fewer compile in turn.
  }
  compile();
  for (auto& h : helpers) h.join();
  for (size_t i = first; i < rules_.size(); ++i) {
    const Rule& rule = *rules_[i];
    if (rule.re_ == nullptr && known_good.count(PatternHash(rule.pattern))) continue;
    if (rule.re_ && rule.re_->ok()) continue;
    const std::string where = Where(rule.file, rule.pattern_line) + ": [" + rule.name + "] ";
    Status error =
        rule.re_ ? Status::InvalidArgument(where + rule.re_->error_arg() + ": " + rule.re_->error())
                 : Status::Unavailable(where + "out of memory while compiling the rule");
    // The set keeps what it had before the failing rule, as if loading had
    // stopped there, so that it never holds a rule that cannot run.
    for (size_t j = i; j < rules_.size(); ++j) by_name_.erase(rules_[j]->name);
    rules_.resize(i);
    compiled_ = i;
    return error;
  }
  return Status::OK();
}

namespace {

// Sets the value of one "key: value" line of a rule other than its pattern;
// false for a key rule files do not have.
bool SetKey(Rule* rule, const std::string& key, const std::string& value, int line_no) {
  if (key == "produces") {
    rule->produces = value;
  } else if (key == "priority") {
    rule->priority = std::atoi(value.c_str());
  } else if (key == "match" || key == "no match") {
    RuleExample ex;
    ex.input = value;
    ex.should_match = key == "match";
    ex.line = line_no;
    rule->examples.push_back(std::move(ex));
  } else {
    return false;
  }
  return true;
}

}  // namespace

Status RuleSet::ParseFile(std::string_view text, const std::string& file) {
  // Sections are parsed and their patterns expanded here; CompilePending
  // compiles them.
  std::unique_ptr<Rule> current;
  std::string raw_pattern;
  int pattern_line = 0;
  std::string last_key;

  auto finish = [&]() -> Status {
    if (!current) return Status::OK();
    const std::string where = Where(file, current->line) + ": [" + current->name + "]";
    if (raw_pattern.empty()) return Status::InvalidArgument(where + ": no pattern");
    Status s = ExpandPattern(raw_pattern, Where(file, pattern_line), &current->pattern, 0);
    if (!s.ok()) return s;
    current->pattern_line = pattern_line;
    if (StartsWith(current->name, kStructurePrefix)) {
      return Status::InvalidArgument(where + ": names starting '" + std::string(kStructurePrefix) +
                                     "' are kept for provenance that names no rule");
    }
    if (by_name_.count(current->name)) {
      return Status::InvalidArgument(where + ": duplicate rule name");
    }
    by_name_[current->name] = current.get();
    rules_.push_back(std::move(current));
    raw_pattern.clear();
    return Status::OK();
  };

  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;

    const bool continuation = line.front() == ' ' || line.front() == '\t';
    if (continuation) {
      if (!current) {
        return Status::InvalidArgument(Where(file, line_no) + ": indented line outside a rule");
      }
      const bool example = last_key == "match" || last_key == "no match";
      if (last_key == "pattern") {
        raw_pattern += std::string(trimmed);
      } else if (example && skip_examples_) {
        continue;
      } else if ((last_key == "match") && StartsWith(trimmed, "=>")) {
        current->examples.back().captures = ParseCaptures(trimmed.substr(2));
      } else if (last_key == "match" || last_key == "no match") {
        // A multi-line example input: joined with '\n'.
        current->examples.back().input += "\n" + std::string(trimmed);
      } else {
        return Status::InvalidArgument(Where(file, line_no) + ": continuation of '" + last_key +
                                       "' not allowed");
      }
      continue;
    }
    if (trimmed.front() == '[') {
      Status s = finish();
      if (!s.ok()) return s;
      if (trimmed.back() != ']') {
        return Status::InvalidArgument(Where(file, line_no) + ": expected [rule.name]");
      }
      std::string_view name = Trim(trimmed.substr(1, trimmed.size() - 2));
      current = std::make_unique<Rule>();
      if (StartsWith(name, "fragment ")) {
        current->fragment = true;
        name = Trim(name.substr(9));
      }
      current->name = std::string(name);
      current->file = file;
      current->line = line_no;
      last_key.clear();
      continue;
    }
    size_t colon = trimmed.find(':');
    if (!current || colon == std::string_view::npos) {
      return Status::InvalidArgument(Where(file, line_no) +
                                     ": expected 'key: value' inside a [rule] section");
    }
    std::string key(Trim(trimmed.substr(0, colon)));
    std::string value(Trim(trimmed.substr(colon + 1)));
    last_key = key;
    if (key == "pattern") {
      raw_pattern = value;
      pattern_line = line_no;
    } else if (skip_examples_ && (key == "match" || key == "no match")) {
      continue;
    } else if (!SetKey(current.get(), key, value, line_no)) {
      return Status::InvalidArgument(Where(file, line_no) + ": unknown key '" + key + "'");
    }
  }
  return finish();
}

const Rule* RuleSet::Find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

std::vector<const Rule*> RuleSet::WithPrefix(std::string_view prefix) const {
  std::vector<const Rule*> out;
  for (const auto& r : rules_) {
    if (!r->fragment && StartsWith(r->name, prefix)) out.push_back(r.get());
  }
  return out;
}

const std::vector<std::string>* RuleSet::List(std::string_view name) const {
  auto it = lists_.find(name);
  return it == lists_.end() ? nullptr : &it->second;
}

namespace {

// Whether a text is in the narrow alphabet, asked once: a loop over a
// family's rules searches one text with each (the 168-page shared PDF's
// searches asked it 110,164 times, 45 M instructions, most of them for
// texts that a loop had asked it already).
class NarrowAlphabetOf {
 public:
  explicit NarrowAlphabetOf(std::string_view text) : text_(text) {}
  bool operator()() {
    if (!known_) {
      in_ = InNarrowAlphabet(text_);
      known_ = true;
    }
    return in_;
  }

 private:
  std::string_view text_;
  bool known_ = false, in_ = false;
};

// The pattern a search of text runs: the narrowed one when text allows it
// or when it is the pattern as written.  Checking the text was 4% of a
// batch's instructions, for the 195 of 337 rules that name no Unicode class
// and so run the same program on every text.
const RE2& PatternFor(const Rule& rule, NarrowAlphabetOf& in_alphabet) {
  const RE2* narrow = rule.narrow();
  if (narrow != nullptr && (rule.narrowed_as_written() || in_alphabet())) return *narrow;
  return rule.re();
}

const RE2& PatternFor(const Rule& rule, std::string_view text) {
  NarrowAlphabetOf in_alphabet(text);
  return PatternFor(rule, in_alphabet);
}

}  // namespace

void RuleSet::CompileAhead(std::string_view text, const std::vector<const Rule*>& rules,
                           const std::function<bool()>& still_needed) const {
  NarrowAlphabetOf in_alphabet(text);
  for (const Rule* rule : rules) {
    if (!still_needed()) return;
    if (rule->RequiredWordsIn(text)) PatternFor(*rule, in_alphabet);
  }
}

bool RuleSet::Search(const Rule& rule, std::string_view text, RuleMatch* m) const {
  if (!rule.MayOccurIn(text)) return false;
  return SearchWith(PatternFor(rule, text), rule, text, m);
}

bool RuleSet::SearchWith(const RE2& re, const Rule& rule, std::string_view text,
                         RuleMatch* m) const {
  re2::StringPiece input(text.data(), text.size());
  NoThrowAllocationScope in_re2;  // a search builds DFA states
  // Without captures RE2 answers with its DFA alone.
  if (m == nullptr) return re.Match(input, 0, text.size(), RE2::UNANCHORED, nullptr, 0);
  const int n = re.NumberOfCapturingGroups() + 1;
  constexpr int kInlineGroups = 16;  // no allocation for the usual rule
  re2::StringPiece inline_groups[kInlineGroups];
  std::vector<re2::StringPiece> many;
  re2::StringPiece* groups = inline_groups;
  if (n > kInlineGroups) {
    many.resize(n);
    groups = many.data();
  }
  if (!re.Match(input, 0, text.size(), RE2::UNANCHORED, groups, n)) return false;
  m->rule = &rule;
  m->start = groups[0].data() - text.data();
  m->end = m->start + groups[0].size();
  m->groups.clear();
  m->group_spans.clear();
  for (const auto& [gname, index] : re.NamedCapturingGroups()) {
    const re2::StringPiece& g = groups[index];
    if (g.data() == nullptr) {
      m->groups[gname] = "";
      continue;
    }
    m->groups[gname] = std::string(g.data(), g.size());
    size_t start = g.data() - text.data();
    m->group_spans[gname] = {start, start + g.size()};
  }
  return true;
}

std::vector<RuleMatch> RuleSet::SearchAll(const Rule& rule, std::string_view text) const {
  std::vector<RuleMatch> out;
  if (!rule.MayOccurIn(text)) return out;
  // Decided once: the rest of a text in the narrow alphabet is in it too.
  const RE2& re = PatternFor(rule, text);
  size_t offset = 0;
  while (offset <= text.size()) {
    RuleMatch m;
    if (!SearchWith(re, rule, text.substr(offset), &m)) break;
    m.start += offset;
    m.end += offset;
    for (auto& [name, span] : m.group_spans) {
      span.first += offset;
      span.second += offset;
    }
    size_t next = m.end > m.start ? m.end : m.end + 1;
    // A group named `next` stands for a lookahead (RE2 has none): what it
    // took ("LES HERBIERS : Christophe HO") belongs to the text after the
    // match, and the next search reads it again, from the spaces before it
    // (the next caption may follow that name: "… HOGARD MOUCHAMPS : …").
    if (const auto g = m.group_spans.find("next"); g != m.group_spans.end() && m.Has("next")) {
      size_t at = g->second.first;
      while (at > m.start + 1 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
      if (at > m.start) next = std::min(next, at);
    }
    out.push_back(std::move(m));
    offset = next;
  }
  return out;
}

std::vector<std::string> RuleSet::CheckExamples(const Rule& rule) const {
  std::vector<std::string> failures;
  for (const RuleExample& ex : rule.examples) {
    const std::string where = Where(rule.file, ex.line) + ": [" + rule.name + "] ";
    RuleMatch m;
    const bool matched = Search(rule, ex.input, &m);
    if (matched != ex.should_match) {
      failures.push_back(where +
                         (ex.should_match ? "expected a match for: " : "expected no match for: ") +
                         ex.input);
      continue;
    }
    if (!matched) continue;
    for (const auto& [name, want] : ex.captures) {
      if (rule.re().NamedCapturingGroups().count(name) == 0) {
        failures.push_back(where + "no group named '" + name + "'");
        continue;
      }
      std::string got(Trim(m.Get(name)));
      if (got != want) {
        failures.push_back(where + "group '" + name + "' is '" + got + "', expected '" + want +
                           "' for: " + ex.input);
      }
    }
  }
  return failures;
}

namespace {

// One RE2::Set over the patterns; nullptr when one does not compile.
// RE2 is not exception-safe: a std::bad_alloc inside it crashes the
// process, so RE2 runs in NoThrowAllocationScopes (core/memory_reserve.h).
std::unique_ptr<RE2::Set> BuildSet(const std::vector<std::string>& patterns) {
  RE2::Options opts;
  opts.set_log_errors(false);
  NoThrowAllocationScope in_re2;
  auto set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  for (const std::string& p : patterns) {
    if (set->Add(p, nullptr) < 0) return nullptr;
  }
  return set->Compile() ? std::move(set) : nullptr;
}

}  // namespace

// A candidate set's repetitions of at least this many are widened: below
// it they cost little.
constexpr int kWidenFrom = 16;

RuleSetMatcher::RuleSetMatcher(std::vector<const Rule*> rules, Mode mode,
                               size_t rule_by_rule_budget)
    : rules_(std::move(rules)), mode_(mode), rule_by_rule_budget_(rule_by_rule_budget) {}

const RE2::Set* RuleSetMatcher::Narrow() const {
  std::call_once(narrow_built_, [this] {
    built_any_.store(true, std::memory_order_release);
    std::vector<std::string> narrowed;
    bool as_written = true;
    for (const Rule* r : rules_) {
      std::optional<std::string> n = NarrowPattern(r->pattern);
      if (!n) return;  // every text goes to the full set
      as_written = as_written && *n == r->pattern;
      narrowed.push_back(SetPattern(std::move(*n)));
    }
    narrow_set_ = BuildSet(narrowed);
    narrowed_as_written_ = as_written;
  });
  narrow_ready_.store(true, std::memory_order_release);
  return narrow_set_.get();
}

void RuleSetMatcher::Prepare() const { Narrow(); }

bool RuleSetMatcher::ok() const {
  if (!built_any_.load(std::memory_order_acquire)) return true;
  return Narrow() != nullptr || Full() != nullptr;
}

std::string RuleSetMatcher::SetPattern(std::string pattern) const {
  if (mode_ == Mode::kExact) return pattern;
  std::optional<std::string> wide = WidenRepetitions(pattern, kWidenFrom);
  return wide ? std::move(*wide) : pattern;
}

RuleSetMatcher::~RuleSetMatcher() = default;

const RE2::Set* RuleSetMatcher::Full() const {
  std::call_once(full_built_, [this] {
    built_any_.store(true, std::memory_order_release);
    std::vector<std::string> patterns;
    for (const Rule* r : rules_) patterns.push_back(SetPattern(r->pattern));
    full_set_ = BuildSet(patterns);
  });
  return full_set_.get();
}

bool RuleSetMatcher::RuleByRule(std::string_view text) const {
  if (narrow_ready_.load(std::memory_order_acquire) || text.size() > kRuleByRuleMaxBytes) {
    return false;
  }
  const size_t before = rule_by_rule_bytes_.fetch_add(text.size(), std::memory_order_relaxed);
  return before + text.size() <= rule_by_rule_budget_;
}

std::vector<const Rule*> RuleSetMatcher::MatchingRuleByRule(std::string_view text) const {
  std::vector<const Rule*> out;
  NarrowAlphabetOf in_alphabet(text);
  for (const Rule* rule : rules_) {
    // The literal check reads the whole text: what a set's one pass saves
    // is compiling, and a text this short is cheap to read again.
    if (!rule->MayOccurIn(text, kRuleByRuleMaxBytes)) continue;
    const RE2& re = PatternFor(*rule, in_alphabet);
    NoThrowAllocationScope in_re2;
    if (re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED,
                 nullptr, 0)) {
      out.push_back(rule);
    }
  }
  return out;
}

const std::vector<std::unique_ptr<RE2::Set>>& RuleSetMatcher::NarrowParts() const {
  std::call_once(parts_built_, [this] {
    if (rules_.size() < 2 * kParts) return;  // one set does as well
    std::vector<std::string> narrowed;
    bool as_written = true;
    for (const Rule* r : rules_) {
      std::optional<std::string> n = NarrowPattern(r->pattern);
      if (!n) return;
      as_written = as_written && *n == r->pattern;
      narrowed.push_back(SetPattern(std::move(*n)));
    }
    std::vector<std::unique_ptr<RE2::Set>> parts;
    std::vector<size_t> begins;
    for (size_t k = 0; k < kParts; ++k) {
      const size_t begin = k * narrowed.size() / kParts, end = (k + 1) * narrowed.size() / kParts;
      std::unique_ptr<RE2::Set> set =
          BuildSet(std::vector<std::string>(narrowed.begin() + begin, narrowed.begin() + end));
      if (!set) return;
      parts.push_back(std::move(set));
      begins.push_back(begin);
    }
    narrow_parts_ = std::move(parts);
    part_begin_ = std::move(begins);
    parts_as_written_ = as_written;
  });
  return narrow_parts_;
}

std::optional<std::vector<const Rule*>> RuleSetMatcher::MatchingByParts(
    std::string_view text) const {
  const std::vector<std::unique_ptr<RE2::Set>>& parts = NarrowParts();
  if (parts.empty() || (!parts_as_written_ && !InNarrowAlphabet(text))) return std::nullopt;
  std::vector<const Rule*> out;
  NoThrowAllocationScope in_re2;
  for (size_t k = 0; k < parts.size(); ++k) {
    std::vector<int> hits;
    if (!parts[k]->Match(re2::StringPiece(text.data(), text.size()), &hits)) continue;
    // Consecutive parts, each sorted: the rules in the order given.
    std::sort(hits.begin(), hits.end());
    for (int i : hits) out.push_back(rules_[part_begin_[k] + i]);
  }
  return out;
}

std::vector<const Rule*> RuleSetMatcher::Matching(std::string_view text) const {
  if (RuleByRule(text)) return MatchingRuleByRule(text);
  if (text.size() >= kPartsFromBytes && text.size() <= kPartsUpToBytes) {
    if (std::optional<std::vector<const Rule*>> out = MatchingByParts(text)) return *out;
  }
  std::vector<const Rule*> out;
  const RE2::Set* narrow = Narrow();
  const RE2::Set* set =
      narrow && (narrowed_as_written_ || InNarrowAlphabet(text)) ? narrow : Full();
  if (set == nullptr) return out;
  std::vector<int> hits;
  NoThrowAllocationScope in_re2;
  if (!set->Match(re2::StringPiece(text.data(), text.size()), &hits)) return out;
  std::sort(hits.begin(), hits.end());
  for (int i : hits) out.push_back(rules_[i]);
  return out;
}

}  // namespace clsdb
