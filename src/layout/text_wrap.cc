#include "layout/text_wrap.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "core/utf8.h"
#include "layout/pdf_paragraphs.h"
#include "normalize/normalize.h"

namespace clsdb {

namespace {

constexpr size_t kMinLines = 12;
constexpr int kMinWidth = 40;
constexpr int kMaxWidth = 160;
constexpr size_t kMinMidSentencePercent = 20;
// A text whose lines nearly all end within the band below one width is
// wrapped even when few breaks fall mid-sentence: minutes that are mostly
// lists of names, headings and capitalised captions break before capitals.
constexpr size_t kMostlyFullPercent = 80;
constexpr size_t kMinMidSentencePercentWhenFull = 5;
// Paragraphs set apart by blank lines: at least this many of them broken
// into several lines, nearly all of those lines (but each one's last) full.
constexpr size_t kMinWrappedBlocks = 3;
constexpr long kMostlyFullInBlocksPercent = 90;

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

// A line that ends with its only colon and holds no comma is a heading
// ("Approbation du compte rendu de la dernière réunion :"); a label after a
// list ("William TERRYN, ayant donné procuration … SECRETAIRE DE SEANCE :")
// or a second colon ("Etaient présents : …, Communauté de Communes de la
// Forêt :") goes on to the names it introduces.
bool EndsHeading(std::string_view line) {
  return !line.empty() && line.find(':') == line.size() - 1 &&
         line.find(',') == std::string_view::npos;
}

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool StartsUpperOrDigit(std::string_view s) {
  if (s.empty()) return false;
  if (s[0] >= '0' && s[0] <= '9') return true;
  size_t len = 1;
  const UChar32 c = DecodeUtf8(reinterpret_cast<const unsigned char*>(s.data()), s.size(), &len);
  return c >= 0 && u_isupper(c);
}

// Whether the first word of next would not have fitted after line in a
// text wrapped at width: the converter broke the line there, or the writer
// by chance.  Proportional fonts fill a line to 85-100% of the widest one.
bool NextWordOverflows(std::string_view line, std::string_view next, int width) {
  if (next.empty()) return false;
  const std::string_view word = next.substr(0, std::min(next.find(' '), next.size()));
  const int chars =
      static_cast<int>(CountCodePoints(line)) + 1 + static_cast<int>(CountCodePoints(word));
  return chars * 100 > width * 85;
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
    widths.push_back(static_cast<int>(CountCodePoints(line)));
    if (!previous.empty() && StartsLowercase(line) && !EndsSentence(previous)) {
      ++mid_sentence;
    }
    previous = line;
  }
  if (widths.size() < kMinLines ||
      mid_sentence * 100 < widths.size() * kMinMidSentencePercentWhenFull) {
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
  const auto counted = static_cast<long>(widths.size());
  if (full * 100 >= counted * static_cast<long>(kMostlyFullPercent)) return width;
  const bool mid_sentence_enough = mid_sentence * 100 >= widths.size() * kMinMidSentencePercent;
  return mid_sentence_enough && full * 100 >= counted * 35 ? width : 0;
}

int BlankSeparatedWrapWidth(const std::vector<std::string_view>& lines) {
  // The widths of the lines a block goes on after (all but its last), and
  // the blocks of two lines or more.
  std::vector<int> inner;
  size_t blocks = 0, block_lines = 0;
  for (size_t i = 0; i <= lines.size(); ++i) {
    const std::string_view line = i < lines.size() ? Trimmed(lines[i]) : "";
    if (line.empty() || line.find('\t') != std::string_view::npos) {
      if (block_lines >= 2) ++blocks;
      block_lines = 0;
      continue;
    }
    if (block_lines > 0) inner.push_back(static_cast<int>(CountCodePoints(Trimmed(lines[i - 1]))));
    ++block_lines;
  }
  if (blocks < kMinWrappedBlocks || inner.size() < kMinWrappedBlocks * 2) return 0;
  const int width = *std::max_element(inner.begin(), inner.end());
  if (width < kMinWidth || width > kMaxWidth) return 0;
  const auto full =
      std::count_if(inner.begin(), inner.end(), [&](int w) { return w * 10 >= width * 8; });
  return full * 100 >= static_cast<long>(inner.size()) * kMostlyFullInBlocksPercent ? width : 0;
}

bool WrittenRunOn(const std::vector<std::string_view>& lines, int width) {
  size_t counted = 0, short_lines = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = Trimmed(lines[i]);
    if (line.empty() || line.find('\t') != std::string_view::npos) continue;
    ++counted;
    const std::string_view next = i + 1 < lines.size() ? Trimmed(lines[i + 1]) : "";
    if (!NextWordOverflows(line, next, width)) ++short_lines;
  }
  return counted > 0 && short_lines * 10 <= counted;
}

bool ContinuesWrappedLine(std::string_view line, std::string_view next, int width, bool run_on,
                          bool opens_paragraph) {
  line = Trimmed(line);
  next = Trimmed(next);
  if (line.empty() || !NextWordOverflows(line, next, width)) return false;
  if (!run_on && BulletPrefixLength(next) > 0) return false;
  // A semicolon ends a list's item, not a paragraph, in a text written run-on.
  if (run_on && line.back() == ';') return true;
  if (!run_on && opens_paragraph && EndsHeading(line) && StartsUpperOrDigit(next)) return false;
  return !(EndsSentence(line) && StartsUpperOrDigit(next));
}

}  // namespace clsdb
