#include "rules/narrow.h"

#include <re2/re2.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

#include "core/memory_reserve.h"
#include "core/utf8.h"

namespace clsdb {

namespace {

struct CodeRange {
  char32_t lo, hi;
};

// The narrow alphabet, in code point order.  Besides Latin-1: the
// characters French texts and their converters use (œ, ’, –, …, €,
// superscript digits, arrows and bullets), the mathematical operators (the
// minus sign −), the private-use characters of the Symbol and Wingdings
// fonts that word processors export for their bullets (U+F0B7…), and
// pictographs (🟢).  A class's members in these blocks are few ranges; Œ œ Ÿ
// are the only letters added.  Any text with another character compiles
// every rule it reaches a second time, as written: a real text with one
// Symbol-font bullet cost a batch of 188 texts 1.2 G instructions.
constexpr CodeRange kAlphabet[] = {
    {0x0000, 0x00FF}, {0x0152, 0x0153}, {0x0178, 0x0178},   {0x2010, 0x2027},
    {0x2030, 0x205E}, {0x2070, 0x209F}, {0x20AC, 0x20AC},   {0x2190, 0x22FF},
    {0x2500, 0x27BF}, {0xF000, 0xF0FF}, {0x1F300, 0x1FAFF},
};

bool InAlphabet(char32_t c) {
  for (const CodeRange& r : kAlphabet) {
    if (c < r.lo) return false;
    if (c <= r.hi) return true;
  }
  return false;
}

bool Continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The length of the UTF-8 sequence lead byte b starts, 0 for a byte that
// starts none (a continuation byte, C0, C1, F5-FF).
int SequenceLength(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

std::string Utf8(char32_t c) {
  std::string out;
  AppendUtf8(static_cast<uint32_t>(c), &out);
  return out;
}

std::string Escaped(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(c));
  return buf;
}

// Whether re (one character's class) matches any character of [lo, hi].
bool AnyMatches(const RE2& re, char32_t lo, char32_t hi) {
  std::string run;
  for (char32_t c = lo; c <= hi; ++c) AppendUtf8(static_cast<uint32_t>(c), &run);
  return re.Match(run, 0, run.size(), RE2::UNANCHORED, nullptr, 0);
}

}  // namespace

std::optional<std::string> ComputeNarrowMembers(const std::string& token, bool fold) {
  NoThrowAllocationScope in_re2;
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_encoding(RE2::Options::EncodingUTF8);
  const RE2 re(fold ? "(?i:" + token + ")" : token, opts);
  if (!re.ok()) return std::nullopt;
  std::string ranges;
  bool open = false;
  char32_t first = 0, last = 0;
  auto close = [&] {
    if (!open) return;
    ranges += Escaped(first);
    if (last != first) ranges += "-" + Escaped(last);
    open = false;
  };
  for (const CodeRange& r : kAlphabet) {
    // A block none of whose characters matches is passed over in one
    // search: most blocks hold no letter and no digit.
    if (!AnyMatches(re, r.lo, r.hi)) continue;
    for (char32_t c = r.lo; c <= r.hi; ++c) {
      if (!RE2::FullMatch(Utf8(c), re)) continue;
      if (open && c == last + 1) {
        last = c;
        continue;
      }
      close();
      open = true;
      first = last = c;
    }
  }
  close();
  return ranges;
}

namespace {

// The members of the escapes RE2 knows, computed at build time by
// ComputeNarrowMembers (src/rules/gen/narrow_members_gen.cc, linked with
// the RE2 the program is): computing the rules' seven escapes cost 28 M
// instructions, a tenth of the start-up of one small document, nearly all
// of it RE2 compiling each Unicode class to test its members.
struct KnownMembers {
  std::string_view token;
  bool fold;
  std::string_view members;
};
constexpr KnownMembers kKnownMembers[] = {
#ifndef CLSDB_NARROW_MEMBERS_GENERATOR  // the generator itself starts with none
#include "rules/narrow_members.inc"
#endif
    {"", false, ""},
};

}  // namespace

std::optional<std::string> KnownNarrowMembers(std::string_view token, bool fold) {
  for (const KnownMembers& known : kKnownMembers) {
    if (!known.token.empty() && known.token == token && known.fold == fold) {
      return std::string(known.members);
    }
  }
  return std::nullopt;
}

namespace {

// ComputeNarrowMembers, once per escape and case flag in the process: the
// rules write seven escapes some five hundred times.
std::optional<std::string> Members(std::string_view token, bool fold) {
  static std::mutex mu;
  static std::map<std::string, std::optional<std::string>, std::less<>> cache;
  std::string key = (fold ? "i" : "-") + std::string(token);
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(key);
  if (it == cache.end()) {
    it = cache.emplace(key, KnownNarrowMembers(token, fold)).first;
    if (!it->second) it->second = ComputeNarrowMembers(std::string(token), fold);
  }
  return it->second;
}

constexpr size_t kNone = std::string_view::npos;

// One past the end of the \p or \P escape at p[i]; kNone when unclosed.
size_t PropertyEnd(std::string_view p, size_t i) {
  if (i + 2 >= p.size()) return kNone;
  if (p[i + 2] != '{') return i + 3;
  const size_t close = p.find('}', i + 3);
  return close == kNone ? kNone : close + 1;
}

// One past the end of the bracketed class at p[i] == '['; kNone when
// unclosed.  *property: whether it holds a \p or \P.
size_t ClassEnd(std::string_view p, size_t i, bool* property) {
  size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // a ']' first is a literal
  while (j < p.size()) {
    const char c = p[j];
    if (c == ']') return j + 1;
    if (c == '\\') {
      if (j + 1 >= p.size()) return kNone;
      const char e = p[j + 1];
      if (e == 'p' || e == 'P') *property = true;
      j += 2;
      if ((e == 'p' || e == 'P' || e == 'x') && j < p.size() && p[j] == '{') {
        j = p.find('}', j);
        if (j == kNone) return kNone;
        ++j;
      }
    } else if (c == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      j = p.find(":]", j + 2);
      if (j == kNone) return kNone;
      j += 2;
    } else {
      ++j;
    }
  }
  return kNone;
}

// Appends the bracketed class p[i, end) with each property escape in it
// replaced by its members; false when it cannot (an escape that would
// start a range, a property RE2 rejects); a "-" just before the "]" is
// a literal, as in the original.
bool AppendClass(std::string_view p, size_t i, size_t end, bool fold, std::string* out) {
  const size_t last = end - 1;  // the closing ']'
  while (i < last) {
    size_t next = i + 1;
    if (p[i] == '\\' && (p[i + 1] == 'p' || p[i + 1] == 'P')) {
      next = PropertyEnd(p, i);
      if (next == kNone || next > last || (p[next] == '-' && next + 1 != last)) return false;
      const std::optional<std::string> members = Members(p.substr(i, next - i), fold);
      if (!members) return false;
      *out += *members;
      i = next;
      continue;
    }
    if (p[i] == '\\') next = i + 2;  // an escaped character, copied as it is
    out->append(p, i, next - i);
    i = next;
  }
  *out += ']';
  return true;
}

// At p[i] == '(': enters the group, or applies a flag group "(?flags)".
// Returns one past what was consumed.  Only the i flag matters to classes.
size_t EnterGroup(std::string_view p, size_t i, bool* fold, std::vector<bool>* saved) {
  if (i + 1 < p.size() && p[i + 1] == '?') {
    size_t k = i + 2;
    bool negate = false, f = *fold;
    while (k < p.size() && std::strchr("imsU-", p[k]) != nullptr && p[k] != '\0') {
      if (p[k] == '-') negate = true;
      if (p[k] == 'i') f = !negate;
      ++k;
    }
    if (k < p.size() && p[k] == ')') {  // (?flags): to the end of the group
      *fold = f;
      return k + 1;
    }
    if (k < p.size() && p[k] == ':') {  // (?flags:…)
      saved->push_back(*fold);
      *fold = f;
      return k + 1;
    }
  }
  saved->push_back(*fold);  // ( … ) and (?P<name> … )
  return i + 1;
}

// At p[i] == '{': one past a bounded repetition "{m,n}" with n >= min_upper,
// its lower bound in *lower; kNone for anything else ({m}, {m,}, a literal
// brace).
size_t WideRepetitionEnd(std::string_view p, size_t i, int min_upper, std::string_view* lower) {
  auto digits = [&](size_t from) {
    size_t j = from;
    while (j < p.size() && j - from < 5 && p[j] >= '0' && p[j] <= '9') ++j;
    return j;
  };
  const size_t comma = digits(i + 1);
  if (comma == i + 1 || comma >= p.size() || p[comma] != ',') return kNone;
  const size_t close = digits(comma + 1);
  if (close == comma + 1 || close >= p.size() || p[close] != '}') return kNone;
  if (std::atoi(std::string(p.substr(comma + 1, close - comma - 1)).c_str()) < min_upper) {
    return kNone;
  }
  *lower = p.substr(i + 1, comma - i - 1);
  return close + 1;
}

// One past the escape at p[i] == '\\' (with the braces of \x{…}, \p{…});
// kNone when it is cut short or opens \Q…\E.
size_t EscapeEnd(std::string_view p, size_t i) {
  if (i + 1 >= p.size() || p[i + 1] == 'Q') return kNone;
  const char e = p[i + 1];
  if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < p.size() && p[i + 2] == '{') {
    const size_t close = p.find('}', i + 3);
    return close == kNone ? kNone : close + 1;
  }
  return i + 2;
}

}  // namespace

bool InNarrowAlphabet(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    // Eight ASCII bytes at a time: most of a French text, searched once
    // per rule that reads it.
    std::uint64_t word;
    while (i + 8 <= n && (std::memcpy(&word, s + i, 8), (word & 0x8080808080808080ULL) == 0)) {
      i += 8;
    }
    if (i >= n) break;
    const unsigned char b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    const int need = SequenceLength(b) - 1;  // continuation bytes
    if (need <= 0) return false;             // a stray byte
    int have = 0;
    while (have < need && i + 1 + have < n && Continuation(s[i + 1 + have])) ++have;
    if (have < need) {  // a character cut short (narrow.h): matches nothing
      i += 1 + have;
      continue;
    }
    char32_t c = b & (0x3F >> need);
    for (int k = 1; k <= need; ++k) c = (c << 6) | (s[i + k] & 0x3F);
    constexpr char32_t kLeast[] = {0, 0x80, 0x800, 0x10000};
    if (c < kLeast[need] || !InAlphabet(c)) return false;  // overlong, or outside
    i += 1 + need;
  }
  return true;
}

std::optional<std::string> NarrowPattern(std::string_view p) {
  std::string out;
  out.reserve(p.size() * 2);
  bool fold = false;
  std::vector<bool> saved;  // the flag outside each open group
  for (size_t i = 0; i < p.size();) {
    const char c = p[i];
    size_t end = i + 1;
    bool property = false;
    if (c == '\\') {
      if (i + 1 >= p.size() || p[i + 1] == 'Q') return std::nullopt;
      property = p[i + 1] == 'p' || p[i + 1] == 'P';
      end = property ? PropertyEnd(p, i) : i + 2;
    } else if (c == '[') {
      end = ClassEnd(p, i, &property);
    } else if (c == '(') {
      end = EnterGroup(p, i, &fold, &saved);
    } else if (c == ')') {
      if (saved.empty()) return std::nullopt;
      fold = saved.back();
      saved.pop_back();
    }
    if (end == kNone) return std::nullopt;
    if (property && c == '[') {
      if (!AppendClass(p, i, end, fold, &out)) return std::nullopt;
    } else if (property) {
      std::optional<std::string> members = Members(p.substr(i, end - i), fold);
      if (!members) return std::nullopt;
      // An empty class matches nothing, as the escape does on these texts.
      out += members->empty() ? "[^\\x00-\\x{10FFFF}]" : "[" + *members + "]";
    } else {
      out.append(p, i, end - i);
    }
    i = end;
  }
  if (!saved.empty()) return std::nullopt;
  return out;
}

std::optional<std::string> WidenRepetitions(std::string_view p, int min_upper) {
  std::string out;
  out.reserve(p.size());
  for (size_t i = 0; i < p.size();) {
    size_t end = i + 1;
    if (p[i] == '\\') {
      end = EscapeEnd(p, i);
    } else if (p[i] == '[') {
      bool property = false;
      end = ClassEnd(p, i, &property);
    } else if (p[i] == '{') {
      std::string_view lower;
      const size_t wide = WideRepetitionEnd(p, i, min_upper, &lower);
      if (wide != kNone) {
        out += '{';
        out += lower;
        out += ",}";
        i = wide;
        continue;
      }
    }
    if (end == kNone) return std::nullopt;
    out.append(p, i, end - i);
    i = end;
  }
  return out;
}

}  // namespace clsdb
