#include "rules/literals.h"

#include <algorithm>
#include <cstring>

namespace clsdb {

namespace {

using Clauses = std::vector<LiteralClause>;

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool AsciiLetterOrDigit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool ContainsFolded(std::string_view text, std::string_view lower) {
  const char first = lower[0];
  const char first_upper =
      first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
  for (size_t i = 0; i + lower.size() <= text.size(); ++i) {
    if (text[i] != first && text[i] != first_upper) continue;
    size_t k = 1;
    while (k < lower.size() && AsciiLower(text[i + k]) == lower[k]) ++k;
    if (k == lower.size()) return true;
  }
  return false;
}

// How often the atom just read may occur, from the quantifier after it.
enum class Count { kOnce, kOptional, kAtLeastOnce };

// Reads the pattern left to right; see literals.h for what it keeps.
class LiteralReader {
 public:
  LiteralReader(std::string_view p, size_t min_length) : p_(p), min_length_(min_length) {}

  // The whole pattern's clauses; none when it uses syntax not followed.
  Clauses Read() {
    bool fold = false;
    Clauses out = Alternation(&fold);
    if (failed_ || i_ != p_.size()) return {};
    return out;
  }

 private:
  // Branches up to the ')' closing the group (not consumed) or the end.
  Clauses Alternation(bool* fold) {
    std::vector<Clauses> branches;
    const bool at_start = *fold;
    while (true) {
      branches.push_back(Sequence(fold));
      if (failed_ || i_ >= p_.size() || p_[i_] != '|') break;
      ++i_;
      // A flag set in a branch holds in the next ones (RE2 restores flags
      // at the ')' only); folded when either says so, the sound side.
      *fold = *fold || at_start;
    }
    if (branches.size() == 1) return std::move(branches.front());
    LiteralClause any;  // one clause of each branch: one of them holds
    for (Clauses& branch : branches) {
      if (branch.empty()) return {};
      // The clause whose shortest literal is longest rejects the most texts.
      auto shortest = [](const LiteralClause& c) {
        size_t n = c.front().text.size();
        for (const RequiredLiteral& l : c) n = std::min(n, l.text.size());
        return n;
      };
      const auto best = std::max_element(branch.begin(), branch.end(),
                                         [&](const LiteralClause& a, const LiteralClause& b) {
                                           return shortest(a) < shortest(b);
                                         });
      any.insert(any.end(), best->begin(), best->end());
    }
    return {std::move(any)};
  }

  // Atoms up to '|', ')' or the end.  *fold follows (?i) and (?-i), which
  // hold to the end of the enclosing group, across its '|' too.
  Clauses Sequence(bool* fold) {
    Clauses out;
    std::string run;
    bool run_fold = *fold;
    auto flush = [&] {
      if (run.size() >= min_length_) out.push_back({RequiredLiteral{run, run_fold}});
      run.clear();
      run_fold = *fold;
    };
    while (!failed_ && i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      const char c = p_[i_];
      if (c == '(') {
        flush();
        Group(fold, &out);
        run_fold = *fold;
        continue;
      }
      int literal = -1;  // the ASCII character the atom matches, if one
      if (c == '\\') {
        literal = Escape();
      } else if (c == '[') {
        SkipClass();
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        ++i_;  // a character of several bytes: its continuation bytes
        while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      } else {
        ++i_;
        if (std::strchr(".^$*+?{", c) == nullptr && c >= 0x20) literal = c;
      }
      if (failed_) break;
      // Folded, k and s also match the Kelvin sign and the long s.
      if (*fold && literal >= 0 && std::strchr("kKsS", literal) != nullptr) literal = -1;
      const Count count = Quantifier();
      if (literal < 0 || count == Count::kOptional) {
        flush();
        continue;
      }
      run += *fold ? AsciiLower(static_cast<char>(literal)) : static_cast<char>(literal);
      if (count == Count::kAtLeastOnce) flush();  // what follows may not touch it
    }
    flush();
    return out;
  }

  // At '(': a flag setting, or a group whose clauses hold when it is not
  // optional.
  void Group(bool* fold, Clauses* out) {
    ++i_;
    bool inner = *fold;
    if (i_ < p_.size() && p_[i_] == '?') {
      ++i_;
      if (i_ < p_.size() && p_[i_] == 'P') {  // (?P<name>…)
        const size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) return Fail();
        i_ = close + 1;
      } else {
        bool negate = false;
        while (i_ < p_.size() && std::strchr("imsU-", p_[i_]) != nullptr && p_[i_] != '\0') {
          if (p_[i_] == '-') negate = true;
          if (p_[i_] == 'i') inner = !negate;
          ++i_;
        }
        if (i_ >= p_.size()) return Fail();
        if (p_[i_] == ')') {  // (?flags): to the end of the enclosing group
          ++i_;
          *fold = inner;
          return;
        }
        if (p_[i_] != ':') return Fail();
        ++i_;
      }
    }
    Clauses group = Alternation(&inner);
    if (failed_ || i_ >= p_.size() || p_[i_] != ')') return Fail();
    ++i_;
    if (Quantifier() == Count::kOptional) return;
    out->insert(out->end(), group.begin(), group.end());
  }

  // At '\\': the punctuation character it quotes, else -1 (a class, an
  // assertion, a code point) once skipped.
  int Escape() {
    if (i_ + 1 >= p_.size() || p_[i_ + 1] == 'Q') {
      Fail();
      return -1;
    }
    const char e = p_[i_ + 1];
    i_ += 2;
    if (static_cast<unsigned char>(e) < 0x80 && !AsciiLetterOrDigit(e) && e != '_' && e >= 0x20) {
      return e;
    }
    if ((e == 'p' || e == 'P' || e == 'x') && i_ < p_.size() && p_[i_] == '{') {
      const size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) Fail();
      i_ = close + 1;
    } else if (e == 'p' || e == 'P') {
      ++i_;
    } else if (e == 'x') {
      i_ += 2;
    } else if (e >= '0' && e <= '7') {
      while (i_ < p_.size() && p_[i_] >= '0' && p_[i_] <= '7') ++i_;
    }
    if (i_ > p_.size()) Fail();
    return -1;
  }

  // At '[': past the class.
  void SkipClass() {
    size_t j = i_ + 1;
    if (j < p_.size() && p_[j] == '^') ++j;
    if (j < p_.size() && p_[j] == ']') ++j;  // a ']' first is a literal
    while (j < p_.size() && p_[j] != ']') {
      if (p_[j] == '\\') {
        const char e = j + 1 < p_.size() ? p_[j + 1] : '\0';
        j += 2;
        if ((e == 'p' || e == 'P' || e == 'x') && j < p_.size() && p_[j] == '{') {
          j = p_.find('}', j);
          if (j == std::string_view::npos) return Fail();
          ++j;
        }
      } else if (p_[j] == '[' && j + 1 < p_.size() && p_[j + 1] == ':') {
        j = p_.find(":]", j + 2);
        if (j == std::string_view::npos) return Fail();
        j += 2;
      } else {
        ++j;
      }
    }
    if (j >= p_.size()) return Fail();
    i_ = j + 1;
  }

  // Reads the quantifier after an atom, if any (and its '?' making it lazy).
  Count Quantifier() {
    if (i_ >= p_.size()) return Count::kOnce;
    Count count = Count::kOnce;
    const char q = p_[i_];
    if (q == '*' || q == '?') {
      count = Count::kOptional;
      ++i_;
    } else if (q == '+') {
      count = Count::kAtLeastOnce;
      ++i_;
    } else if (q == '{') {
      size_t j = i_ + 1;
      int lower = 0;
      bool digits = false;
      while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') {
        lower = std::min(lower * 10 + (p_[j] - '0'), 100000);
        digits = true;
        ++j;
      }
      if (digits && j < p_.size() && p_[j] == ',') {
        ++j;
        while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') ++j;
      }
      if (!digits || j >= p_.size() || p_[j] != '}') return Count::kOnce;  // a literal '{'
      i_ = j + 1;
      count = lower == 0 ? Count::kOptional : Count::kAtLeastOnce;
    } else {
      return Count::kOnce;
    }
    if (i_ < p_.size() && p_[i_] == '?') ++i_;
    return count;
  }

  void Fail() {
    failed_ = true;
    i_ = p_.size();
  }

  std::string_view p_;
  size_t min_length_;
  size_t i_ = 0;
  bool failed_ = false;
};

}  // namespace

bool RequiredLiterals::MayOccurIn(std::string_view text) const {
  for (const LiteralClause& clause : clauses) {
    const bool found = std::any_of(clause.begin(), clause.end(), [&](const RequiredLiteral& l) {
      return l.fold ? ContainsFolded(text, l.text) : text.find(l.text) != std::string_view::npos;
    });
    if (!found) return false;
  }
  return true;
}

RequiredLiterals FindRequiredLiterals(std::string_view pattern, size_t min_length) {
  RequiredLiterals out;
  out.clauses = LiteralReader(pattern, std::max<size_t>(min_length, 1)).Read();
  return out;
}

}  // namespace clsdb
