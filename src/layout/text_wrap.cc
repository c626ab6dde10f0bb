#include "layout/text_wrap.h"

#include <algorithm>

#include "layout/pdf_paragraphs.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

constexpr size_t kMinLines = 12;
constexpr int kMinWidth = 40;
constexpr int kMaxWidth = 160;
constexpr size_t kMinMidSentencePercent = 20;

// A line ends a sentence with . ! ? or ;, but not with an abbreviation or
// an initial of one or two letters ("M.", "MM.", "Dr.", "J."), which lists
// of names break after as often as anywhere.
bool EndsSentence(std::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  if (last == '!' || last == '?' || last == ';') return true;
  if (last != '.') return false;
  const size_t start = line.find_last_of(" (-'", line.size() - 1);
  const size_t word = line.size() - 1 - (start == std::string_view::npos ? 0 : start + 1);
  return word > 2;
}

// Characters, not bytes: UTF-8 continuation bytes do not count.
int Chars(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool StartsUpperOrDigit(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = s[0];
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  // Accented capitals of Latin-1 Supplement and Latin Extended-A ("É", "Œ").
  if (c == 0xC3 && s.size() > 1) return static_cast<unsigned char>(s[1]) < 0x9F;
  return c == 0xC5 && s.size() > 1 && static_cast<unsigned char>(s[1]) == 0x92;
}

}  // namespace

int WrapWidth(const std::vector<std::string_view>& lines) {
  std::vector<int> widths;
  // Breaks in the middle of a sentence: a line with no closing punctuation,
  // the next one starting lowercase.  Wrapped prose has many; a list of
  // headings of like length has none.
  size_t mid_sentence = 0;
  std::string_view previous;
  for (std::string_view raw : lines) {
    const std::string_view line = Trimmed(raw);
    if (line.empty() || line.find('\t') != std::string_view::npos) {
      previous = {};
      continue;
    }
    widths.push_back(Chars(line));
    if (!previous.empty() && StartsLowercase(line) && !EndsSentence(previous)) {
      ++mid_sentence;
    }
    previous = line;
  }
  if (widths.size() < kMinLines || mid_sentence * 100 < widths.size() * kMinMidSentencePercent) {
    return 0;
  }
  std::sort(widths.begin(), widths.end());
  // The 95th percentile: the margin, past a few lines that overflow it.
  const int width = widths[widths.size() * 95 / 100];
  if (width < kMinWidth || width > kMaxWidth) return 0;
  // Wrapped text fills most lines to the margin; text written one
  // paragraph per line spreads its lengths.
  const auto full = std::count_if(widths.begin(), widths.end(), [&](int w) {
    return w * 10 >= width * 8 && w * 100 <= width * 102;
  });
  return full * 100 >= static_cast<long>(widths.size()) * 35 ? width : 0;
}

bool ContinuesWrappedLine(std::string_view line, std::string_view next, int width) {
  line = Trimmed(line);
  next = Trimmed(next);
  if (line.empty() || next.empty() || BulletPrefixLength(next) > 0) return false;
  const std::string_view word = next.substr(0, std::min(next.find(' '), next.size()));
  // Proportional fonts fill a line to 85-100% of the widest one.
  if ((Chars(line) + 1 + Chars(word)) * 100 <= width * 85) return false;
  return !(EndsSentence(line) && StartsUpperOrDigit(next));
}

}  // namespace clsdb
