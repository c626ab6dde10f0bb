// Glyphs → words, the way Poppler's TextOutputDev cuts them, without its
// reading order.
//
// The PDF reader's OutputDev hands every glyph Poppler draws, already in
// device space, to a WordAssembler.  A word is cut where TextOutputDev cuts
// one (a space, a gap of a tenth of the font size, a step back, a change of
// baseline, size, writing mode or direction, a glyph drawn over the one
// before it); combining accents join their letter; at the end of the page,
// copies of a word drawn over it (fake bold, drop shadows) are dropped, and
// the words of each line are walked left to right to join the pieces that
// touch and say which are followed by a space.  TextOutputDev also groups
// words into blocks, columns and flows, a reading order the layout stage
// rebuilds its own way: that is not done here, and a line is sought among
// all the page's words of its direction rather than within a block.
//
// Only read/ touches Poppler; this file sees none of its types.
#ifndef CLSDB_READ_PDF_WORDS_H_
#define CLSDB_READ_PDF_WORDS_H_

#include <cstdint>
#include <vector>

#include "read/reader.h"

namespace clsdb {

// One glyph as TextOutputDev's addChar sees it, in device space (points,
// origin top left, y down).
struct Glyph {
  double x = 0, y = 0;    // origin
  double dx = 0, dy = 0;  // advance, without character and word spacing
  // Quarter turns of the text, were a word to start here: rotation_of(source)
  // when given (asked only when a word starts there), else rotation.
  int rotation = 0;
  int (*rotation_of)(const void* source) = nullptr;
  const void* source = nullptr;
  const void* font = nullptr;             // identity of the font (one per font object)
  double ascent = 0.95, descent = -0.35;  // of the font, per point of size
  bool vertical = false;                  // the font's writing mode
  double font_size = 0;                   // transformed size
  int bytes = 1;                          // of the content stream it takes
  const std::uint32_t* unicode = nullptr;
  int unicode_length = 0;
};

class WordAssembler {
 public:
  // Starts a page of this device size: what was gathered is dropped.
  void StartPage(double width, double height);
  void AddGlyph(const Glyph& g);
  // Characters of the content stream not drawn (their positions count).
  void SkipCharacters(int n) { char_pos_ += n; }
  // Ends the page: its words, line by line.
  std::vector<Word> TakeWords();

 private:
  // A word as glyphs are added, before its line is known: what of
  // TextOutputDev's TextWord the words and their lines need.
  struct Piece {
    int rotation = 0;
    bool vertical = false;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double base = 0, font_size = 0;
    int text_begin = 0, length = 0;             // its characters in text_
    double edge_before_last = 0, edge_end = 0;  // the last glyph's near edge and the end
    int pos_begin = 0, pos_end = 0;             // in the content stream
    const void* first_font = nullptr;
    const void* last_font = nullptr;
    bool space_after = false;
    int next = -1;    // in its pool bucket, then in its line
    int joined = -1;  // the piece joined after it (CoalesceLine), whose text follows
    int last_joined = -1;
    bool gone = false;
  };
  struct Pool;

  void BeginWord(const Glyph& g);
  void EndWord();
  void InitialBounds(Piece* p, const Glyph& g, double x, double y) const;
  void AppendChar(Piece* p, const Glyph& g, double x, double y, double dx, double dy,
                  std::uint32_t u);
  bool AddCombining(const Glyph& g, std::uint32_t u);
  bool SameText(const Piece& a, const Piece& b) const;
  bool BreaksWord(const Glyph& g);
  void DropDuplicates(Pool* pool);
  void BuildLines(Pool* pool, std::vector<Word>* out);
  void CoalesceLine(std::vector<int>* line, std::vector<Word>* out);

  double page_width_ = 0, page_height_ = 0;
  std::vector<Piece> pieces_;
  // The characters of the page's pieces, each piece's in one run: only the
  // piece being built grows, and it is the last.
  std::vector<std::uint32_t> text_;
  int current_ = -1;  // the word being built
  int char_pos_ = 0;
  int tiny_chars_ = 0;
  bool last_char_overlap_ = false;
};

}  // namespace clsdb

#endif  // CLSDB_READ_PDF_WORDS_H_
