// rules: the RE2 patterns of rules/*.rules, loaded once at start.
//
// A rule file groups the rules that recognise one kind of thing (headings,
// parties, dates…).  Its rules carry their own examples, so a rule and its
// proof live side by side; tests/rules/rule_examples_test.cc runs them all.
//
//   # comment
//   [article.heading]                 <- the rule's name (unique in the set)
//   produces: article number and title
//   priority: 10                      <- optional; higher wins an overlap
//   pattern: (?i)^article\s+(?P<number>\d+)\s*[:.]?\s*(?P<title>\S.*)$
//   match: ARTICLE 4 : Orientations stratégiques
//     => number=4 | title=Orientations stratégiques
//   no match: Article unique :
//
// - A line that starts with white space continues the value above it:
//   pattern pieces are concatenated (leading white space dropped), so a long
//   pattern can be written on several lines; "=> k=v | k=v" gives the
//   captures the example above it must produce (each compared after trimming;
//   "k=" means the group must be empty or absent).
// - {{name}} inside a pattern stands for the pattern of the fragment or list
//   called name: a [fragment name] section (a pattern with no examples
//   required), or a list file rules/lists/name.list (one entry per line,
//   '#' comments; entries are quoted, longest first, and joined with '|').
// - Examples are searched (unanchored), like RE2::PartialMatch.
// - Overlaps between rules of one kind are settled by the caller: longest
//   match first, then priority, then file order.
//
// A pattern RE2 rejects is reported as "file:line: [rule] <error_arg>:
// <error>" and the load fails.  Compiling every pattern took 0.17 s of CPU,
// most of the start-up of a small document, which needs only some of them;
// so LoadDirectory compiles (on every core) only the patterns it has not
// seen compile before, and records those that did in a cache file of
// pattern hashes (see LoadDirectory); the others compile on first use.
// AddFile compiles what it adds.
#ifndef CLSDB_RULES_RULE_SET_H_
#define CLSDB_RULES_RULE_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "rules/literals.h"
#include "rules/required_rules.h"

namespace clsdb {

struct RuleExample {
  std::string input;
  bool should_match = true;
  // Expected captures, by group name; only those given are checked.
  std::vector<std::pair<std::string, std::string>> captures;
  int line = 0;
};

class RuleSet;

struct Rule {
  std::string name;      // "article.heading"
  std::string file;      // path of the file that defines it
  int line = 0;          // line of its [name] header
  int pattern_line = 0;  // line of its pattern: key, where errors point
  std::string produces;  // free text, for people
  int priority = 0;
  bool fragment = false;  // a [fragment …]: used inside others, no examples
  std::string pattern;    // after {{…}} expansion
  std::vector<RuleExample> examples;

  // The compiled pattern, compiled on first use (safe from several threads)
  // unless loading compiled it already to check it.  Throws std::bad_alloc
  // when memory runs out, and std::runtime_error "file:line: [rule] …" if
  // RE2 rejects a pattern loading did not check (see LoadDirectory).
  const re2::RE2& re() const;
  // Compiles the pattern if that is not done yet.  Returns false (and
  // leaves it to a later call) when memory ran out.
  bool Compile() const noexcept;
  // The pattern narrowed to the alphabet of rules/narrow.h, compiled on
  // first use: what searches of a text in that alphabet run, because it
  // compiles a hundred times faster and matches alike there.  nullptr when
  // the pattern cannot be narrowed.  Throws std::bad_alloc as re() does.
  const re2::RE2* narrow() const;
  // Whether narrowing left the pattern as written (it names no Unicode
  // class): narrow() then serves every text, and no text needs checking.
  // REQUIRES: narrow() was called.
  bool narrowed_as_written() const { return narrowed_as_written_; }
  // False when text lacks a word every match of the pattern holds
  // (rules/literals.h): then the pattern cannot match it, and needs no
  // compiling to say so.  Once a text passed, the pattern is compiled and
  // searching is cheaper than this check: it answers true from then on,
  // and for a text longer than max_bytes (RE2 skips through it faster).
  bool MayOccurIn(std::string_view text, size_t max_bytes = kLiteralCheckMaxBytes) const;
  // Past this size a text is searched by the compiled pattern, whose search
  // skips ahead with memchr: scanning a long text for the literals ignoring
  // case cost more than compiling (a 2 MB text on one line: 1.04 G -> 1.66 G
  // instructions without this limit).
  static constexpr size_t kLiteralCheckMaxBytes = 4096;
  // MayOccurIn's check of the words alone, whatever the text's size, and
  // leaving no trace: a later MayOccurIn still checks its own text.
  bool RequiredWordsIn(std::string_view text) const;

 private:
  friend class RuleSet;  // checks the compiled pattern at load
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<re2::RE2> re_;
  mutable std::once_flag narrowed_;
  mutable std::unique_ptr<re2::RE2> narrow_re_;
  mutable bool narrowed_as_written_ = false;
  mutable std::once_flag literals_found_;
  mutable RequiredLiterals literals_;
  mutable std::atomic<bool> passed_literals_{false};
};

// The groups a successful match captured, by name (empty groups included).
struct RuleMatch {
  const Rule* rule = nullptr;
  size_t start = 0, end = 0;  // byte offsets of the whole match in the text
  std::map<std::string, std::string> groups;
  std::map<std::string, std::pair<size_t, size_t>> group_spans;  // [start,end)

  // The group's text, or "" when it did not take part.
  const std::string& Get(const std::string& name) const;
  bool Has(const std::string& name) const;  // took part and is not empty
};

class RuleSetMatcher;

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // Loads every *.rules file of dir (sorted by name) and every
  // dir/lists/*.list.  Errors: NotFound for a missing dir, InvalidArgument
  // with file:line for a syntax error, a bad pattern or a duplicate name.
  // Patterns the cache file names as known to compile are left to compile
  // on first use; the rest are compiled now, and added to the cache when
  // the load succeeds.  cache_file "" means no cache: every pattern is
  // compiled now.  Reading or writing the cache may fail: it only costs time.
  // kSkip leaves every rule's examples empty: a run only searches, and the
  // examples are more than half the lines of rules/ (their syntax is the
  // rules test's to check).
  enum class Examples { kKeep, kSkip };
  static Result<RuleSet> LoadDirectory(const std::string& dir,
                                       const std::string& cache_file = DefaultCacheFile(),
                                       Examples examples = Examples::kKeep);

  // $XDG_CACHE_HOME/clsdb/valid-patterns, else $HOME/.cache/clsdb/…, else
  // "" (no cache).  CLSDB_RULES_CACHE, when set, names the file instead
  // ("" or "off": no cache).
  static std::string DefaultCacheFile();
  // The cache's key for a pattern (after {{…}} expansion): FNV-1a, 64 bits.
  static uint64_t PatternHash(std::string_view pattern);

  // Parses one rule file's text; `file` names it in errors.  Lists already
  // added with AddList are visible to {{…}}.
  Status AddFile(std::string_view text, const std::string& file);
  void AddList(const std::string& name, std::vector<std::string> entries);

  // The rule called name, or nullptr.  For tools and tests: the code holds
  // RuleIds (rules/required_rules.h), resolved when the set loads.
  const Rule* Find(std::string_view name) const;

  // Resolves every RuleId and RuleFamily of rules/required_rules.h; the
  // first one missing is InvalidArgument "<where>: rule <name> is required
  // by <step>".  LoadDirectory calls it (with the directory) before
  // compiling; a set built with AddFile calls it before Get(RuleId).
  Status ResolveRequired(const std::string& where);

  // The required rule.  REQUIRES: ResolveRequired succeeded.
  const Rule& Get(RuleId id) const { return *required_[static_cast<size_t>(id)]; }
  // The family's rules, in file order (never empty once resolved).
  const std::vector<const Rule*>& Family(RuleFamily family) const {
    return families_[static_cast<size_t>(family)];
  }

  // Rules whose name starts with prefix ("heading." → every heading rule), in
  // file order; fragments are left out.
  std::vector<const Rule*> WithPrefix(std::string_view prefix) const;

  // One RE2::Set over the family: which of its rules occur in a text, in one
  // pass.  Built on first use and kept for the life of the set (compiling a
  // set costs far more than matching a document); safe to call from several
  // threads.  REQUIRES: ResolveRequired succeeded.
  const RuleSetMatcher& MatcherFor(RuleFamily family) const;
  // Like MatcherFor, but its set may name more rules than occur in a text
  // (RuleSetMatcher::kCandidates): for callers that search each rule it
  // names and act only on what the rule itself finds.  Its set compiles in
  // a fraction of the instructions.
  const RuleSetMatcher& CandidatesFor(RuleFamily family) const;

  // How many bytes of short texts each family's matcher answers rule by
  // rule before it builds its set (RuleSetMatcher): worth it when the
  // texts are those of one small document, a loss for a batch, which
  // builds the sets anyway.  0 (the default): sets only.  REQUIRES: no
  // MatcherFor or CandidatesFor call yet.
  void set_rule_by_rule_budget(size_t bytes) { rule_by_rule_budget_ = bytes; }

  const std::vector<std::string>* List(std::string_view name) const;
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }

  // Compiles now, in the order given, the pattern that a search of text
  // would run (the narrowed one when it serves text) for each rule whose
  // required words text holds: what a thread that would otherwise wait
  // does while the one document of a run is read and searched by another.
  // A pattern compiles once, whichever thread asks first, so the
  // document's searches find it ready; the answers are the same.  Stops
  // when still_needed() turns false.  Throws as Rule::re() does.
  void CompileAhead(std::string_view text, const std::vector<const Rule*>& rules,
                    const std::function<bool()>& still_needed) const;

  // Unanchored search of the rule in text; fills *m on success (m may be
  // null when only the answer matters: RE2 then runs its DFA alone).
  bool Search(const Rule& rule, std::string_view text, RuleMatch* m) const;
  bool Search(RuleId id, std::string_view text, RuleMatch* m) const {
    return Search(Get(id), text, m);
  }
  // Whether the rule matches somewhere in text, when its captures are not needed.
  bool Matches(RuleId id, std::string_view text) const { return Search(Get(id), text, nullptr); }
  // Every non-overlapping match of the rule in text, left to right.
  std::vector<RuleMatch> SearchAll(const Rule& rule, std::string_view text) const;
  std::vector<RuleMatch> SearchAll(RuleId id, std::string_view text) const {
    return SearchAll(Get(id), text);
  }

  // Runs one rule's examples; returns a message per failing example
  // ("file:line: [rule] expected a match for …"), empty when all pass.
  std::vector<std::string> CheckExamples(const Rule& rule) const;

 private:
  // Search with re, the rule's pattern or its narrowed form.
  bool SearchWith(const re2::RE2& re, const Rule& rule, std::string_view text, RuleMatch* m) const;
  Status ExpandPattern(const std::string& raw, const std::string& where, std::string* out,
                       int depth) const;
  // AddFile without compiling: rules are added with re == nullptr.
  Status ParseFile(std::string_view text, const std::string& file);
  // Compiles the rules added since the last call, on up to `threads`
  // threads, except those whose pattern hash is in known_good (they compile
  // on first use); on error reports the first failing rule in file order.
  Status CompilePending(int threads, const std::unordered_set<uint64_t>& known_good = {});

  size_t compiled_ = 0;         // rules_[0, compiled_) have their RE2
  bool skip_examples_ = false;  // ParseFile keeps no example (Examples::kSkip)
  size_t rule_by_rule_budget_ = 0;

  std::vector<std::unique_ptr<Rule>> rules_;
  // Hashed: extraction looks rules up by name hundreds of thousands of times
  // per document.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Rule*, NameHash, std::equal_to<>> by_name_;
  std::map<std::string, std::vector<std::string>, std::less<>> lists_;
  // Filled by ResolveRequired, indexed by RuleId and RuleFamily.
  std::vector<const Rule*> required_;
  std::vector<std::vector<const Rule*>> families_;
  struct MatcherCache;
  std::unique_ptr<MatcherCache> matchers_;  // by family; never null in a live set
};

// One RE2::Set over several rules' patterns: which of them match a text, in
// one pass.  Used for triage (document type) and heading recognition.  The
// set of the narrowed patterns (rules/narrow.h) is built on first need (or
// by Prepare); the set of the patterns as written only for the first text
// outside the narrow alphabet.
//
// Building a set costs tens of millions of instructions (the two of triage
// were a quarter of the start-up of one small document), far more than
// asking each rule on a short text, where most rules are answered by
// their literal check (Rule::MayOccurIn) without compiling.  So the first
// short texts a matcher meets, up to a budget of bytes, are answered rule
// by rule, exactly (each rule's own search), and the set is built once the
// budget is spent.  A run of one document has no limit, a batch no budget
// (RuleSet::set_rule_by_rule_budget): there the set costs less than
// searching each rule of each text.
class RuleSetMatcher {
 public:
  enum class Mode {
    kExact,       // Matching gives exactly the rules that occur
    kCandidates,  // and maybe more: repetitions {m,n} with n >= 16 read as
                  // {m,} (rules/narrow.h: WidenRepetitions)
  };
  // REQUIRES: every rule outlives the matcher.  Texts up to
  // kRuleByRuleMaxBytes are answered rule by rule until they add up to more
  // than rule_by_rule_budget bytes (0: never).
  explicit RuleSetMatcher(std::vector<const Rule*> rules, Mode mode = Mode::kExact,
                          size_t rule_by_rule_budget = 0);
  ~RuleSetMatcher();
  // False when a set was built and compiled in neither form (out of
  // memory: the patterns checked at load compile in both); true before any
  // set is built.
  bool ok() const;
  // The rules (in the order given) whose pattern occurs in text; in mode
  // kCandidates, also some whose pattern does not (not when answered rule
  // by rule).  Throws std::bad_alloc as Rule::re() does.
  std::vector<const Rule*> Matching(std::string_view text) const;
  // Builds the set of the narrowed patterns now (a thread with nothing
  // else to do), so that Matching uses it from then on.
  void Prepare() const;

  // Texts up to this size may be answered rule by rule (the doctype.body
  // text of a one-page document is about 4 KB).
  static constexpr size_t kRuleByRuleMaxBytes = 16 << 10;
  // Texts from kPartsFromBytes to kPartsUpToBytes (a document of about 50
  // to 400 pages, read whole by the doctype.body vote) are matched by kParts
  // sets of consecutive rules instead of one.  A set reads the whole text however early its
  // rules match, and its DFA makes a state for each combination of the
  // rules' partial matches that the text brings: the 34 doctype.body rules
  // over the 168-page shared PDF's 394 KB made about 30,000 states, 142 M
  // instructions, where four sets of a quarter of them take 72 M (and 34 M
  // to compile instead of 40 M).  The answer is the same: each rule of a
  // set matches or not whatever the set's other rules.  Each set reads the
  // text, though: on a text that makes few states (the 50 MB line of one
  // repeated sentence of tests/hostile, whose vote reads 8 MB) four sets
  // cost four times one, so longer texts, where states made count for less
  // than bytes read, go to the one set (2 MB of that sentence: 36 M
  // instructions with one set, 136 M with four).
  static constexpr size_t kPartsFromBytes = 128 << 10;
  static constexpr size_t kPartsUpToBytes = 1 << 20;
  static constexpr size_t kParts = 4;

 private:
  // The pattern as the set holds it: widened in mode kCandidates.
  std::string SetPattern(std::string pattern) const;
  // The set of the narrowed patterns, built on first call; nullptr when a
  // pattern cannot be narrowed or the set does not compile.
  const re2::RE2::Set* Narrow() const;
  // The set of the patterns as written; nullptr when it does not compile.
  const re2::RE2::Set* Full() const;
  // Whether text is answered rule by rule, which spends the budget.
  bool RuleByRule(std::string_view text) const;
  // The kParts sets of the narrowed patterns, built on first call; empty
  // when there are too few rules, a pattern cannot be narrowed or a set does
  // not compile.
  const std::vector<std::unique_ptr<re2::RE2::Set>>& NarrowParts() const;
  // Matching's answer from NarrowParts; nullopt when they cannot answer
  // (no parts, or a text outside the narrow alphabet).
  std::optional<std::vector<const Rule*>> MatchingByParts(std::string_view text) const;
  // The rules whose own search finds a match in text.
  std::vector<const Rule*> MatchingRuleByRule(std::string_view text) const;

  std::vector<const Rule*> rules_;
  Mode mode_;
  size_t rule_by_rule_budget_;
  mutable std::once_flag narrow_built_;
  mutable std::unique_ptr<re2::RE2::Set> narrow_set_;  // null when a pattern cannot be narrowed
  mutable bool narrowed_as_written_ = false;           // narrow_set_ serves every text
  mutable std::atomic<bool> narrow_ready_{false};      // Narrow() returns at once
  mutable std::atomic<bool> built_any_{false};         // Narrow() or Full() ran
  mutable std::atomic<size_t> rule_by_rule_bytes_{0};
  mutable std::once_flag full_built_;
  mutable std::unique_ptr<re2::RE2::Set> full_set_;
  mutable std::once_flag parts_built_;
  mutable std::vector<std::unique_ptr<re2::RE2::Set>> narrow_parts_;
  mutable std::vector<size_t> part_begin_;  // the index in rules_ of each part's first rule
  mutable bool parts_as_written_ = false;   // narrow_parts_ serve every text
};

}  // namespace clsdb

#endif  // CLSDB_RULES_RULE_SET_H_
