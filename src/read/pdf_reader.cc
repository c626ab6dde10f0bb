// ParsePdf: words from Poppler's text layer, ruling lines from the page
// content streams.
//
// Poppler's cpp API gives words with boxes but no graphics, and table
// borders are what tells a cell from the next one when justified text
// leaves only a few points between columns.  So beside Poppler this file
// holds a small, defensive reader of the PDF object structure and of
// content-stream path operators (q Q cm m l h re S f …).  It only extracts
// straight horizontal and vertical strokes and thin filled rectangles; when
// it cannot follow the file (encryption, unknown filters, damage) it gives
// up quietly and the pages keep empty `rulings` — layout then infers columns
// from word alignment alone.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "read/pdf_ocr.h"
#include "read/reader.h"

namespace clsdb {

namespace {

// poppler::ustring holds UTF-16.  Its own to_utf8() opens an iconv
// converter on every call, which costs more than the rest of the word's
// handling; the conversion is simple enough to do here.  Unpaired
// surrogates become U+FFFD.
std::string ToUtf8(const poppler::ustring& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  for (size_t i = 0; i < s.size(); ++i) {
    std::uint32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
        s[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Poppler prints its own diagnostics on stderr; a batch run wants them in
// the document's error, not interleaved on the terminal.
void QuietPoppler(const std::string&, void*) {}

// Word::font_size is estimated from the box: Poppler's word box spans the
// font's ascent to descent, 0.95 + 0.35 of the size for fonts without usable
// metrics (the embedded fonts of office exports; the standard 14 fonts give
// a smaller box).  Asking Poppler for the real size (text_list_include_font)
// makes text extraction about 1.3 to 1.5 times slower, and layout only
// compares sizes within a document.
constexpr double kBoxHeightPerPoint = 1.3;

// ---------------------------------------------------------------------------
// Inflate (RFC 1950/1951), for FlateDecode content streams.  The library
// links no zlib of its own; this decoder is table driven (9-bit fast
// lookup) and bounds-checked on every read.

class Inflater {
 public:
  // Decodes a zlib stream (or raw deflate when there is no zlib header)
  // into *out, at most max_out bytes.  Returns false on damaged data; *out
  // then holds what was decoded before the damage.
  static bool Inflate(std::string_view in, size_t max_out, std::string* out) {
    Inflater z(in, max_out, out);
    return z.Run();
  }

 private:
  static constexpr int kFastBits = 9;
  struct Huffman {
    std::uint16_t fast[1 << kFastBits];
    std::uint16_t firstcode[16];
    int maxcode[17];
    std::uint16_t firstsymbol[16];
    std::uint8_t size[288];
    std::uint16_t value[288];
  };

  Inflater(std::string_view in, size_t max_out, std::string* out)
      : in_(reinterpret_cast<const std::uint8_t*>(in.data())),
        end_(in_ + in.size()),
        max_out_(max_out),
        out_(out) {}

  static int BitReverse16(int n) {
    n = ((n & 0xAAAA) >> 1) | ((n & 0x5555) << 1);
    n = ((n & 0xCCCC) >> 2) | ((n & 0x3333) << 2);
    n = ((n & 0xF0F0) >> 4) | ((n & 0x0F0F) << 4);
    n = ((n & 0xFF00) >> 8) | ((n & 0x00FF) << 8);
    return n;
  }
  static int BitReverse(int v, int bits) { return BitReverse16(v) >> (16 - bits); }

  static bool Build(Huffman* z, const std::uint8_t* sizes_list, int num) {
    int sizes[17] = {0};
    int next_code[16];
    std::memset(z->fast, 0, sizeof z->fast);
    for (int i = 0; i < num; ++i) ++sizes[sizes_list[i]];
    sizes[0] = 0;
    for (int i = 1; i < 16; ++i) {
      if (sizes[i] > (1 << i)) return false;
    }
    int code = 0, k = 0;
    for (int i = 1; i < 16; ++i) {
      next_code[i] = code;
      z->firstcode[i] = static_cast<std::uint16_t>(code);
      z->firstsymbol[i] = static_cast<std::uint16_t>(k);
      code += sizes[i];
      if (sizes[i] && code - 1 >= (1 << i)) return false;
      z->maxcode[i] = code << (16 - i);
      code <<= 1;
      k += sizes[i];
    }
    z->maxcode[16] = 0x10000;
    for (int i = 0; i < num; ++i) {
      const int s = sizes_list[i];
      if (!s) continue;
      const int c = next_code[s] - z->firstcode[s] + z->firstsymbol[s];
      if (c < 0 || c >= 288) return false;
      const std::uint16_t fastv = static_cast<std::uint16_t>((s << 9) | i);
      z->size[c] = static_cast<std::uint8_t>(s);
      z->value[c] = static_cast<std::uint16_t>(i);
      if (s <= kFastBits) {
        int j = BitReverse(next_code[s], s);
        while (j < (1 << kFastBits)) {
          z->fast[j] = fastv;
          j += 1 << s;
        }
      }
      ++next_code[s];
    }
    return true;
  }

  void Fill() {
    while (num_bits_ <= 56) {
      std::uint64_t byte = 0;
      if (in_ < end_) {
        byte = *in_++;
      } else {
        ++overrun_;  // zeros past the end; Run() notices
      }
      buffer_ |= byte << num_bits_;
      num_bits_ += 8;
    }
  }

  // True once bits past the input's end were consumed: the zeros Fill()
  // supplies there are not data.
  bool PastEnd() const { return overrun_ * 8 > num_bits_; }

  std::uint32_t Bits(int n) {
    if (num_bits_ < n) Fill();
    const std::uint32_t v = static_cast<std::uint32_t>(buffer_ & ((1ull << n) - 1));
    buffer_ >>= n;
    num_bits_ -= n;
    return v;
  }

  int Decode(const Huffman& z) {
    if (num_bits_ < 16) Fill();
    const int b = z.fast[buffer_ & ((1 << kFastBits) - 1)];
    if (b) {
      const int s = b >> 9;
      buffer_ >>= s;
      num_bits_ -= s;
      return b & 511;
    }
    const int k = BitReverse16(static_cast<int>(buffer_ & 0xFFFF));
    int s = kFastBits + 1;
    while (s < 16 && k >= z.maxcode[s]) ++s;
    if (s >= 16) return -1;
    const int c = (k >> (16 - s)) - z.firstcode[s] + z.firstsymbol[s];
    if (c < 0 || c >= 288 || z.size[c] != s) return -1;
    buffer_ >>= s;
    num_bits_ -= s;
    return z.value[c];
  }

  bool Stored() {
    const int drop = num_bits_ & 7;
    Bits(drop);
    const std::uint32_t len = Bits(16);
    const std::uint32_t nlen = Bits(16);
    if ((len ^ 0xFFFF) != nlen) return false;
    // Whole bytes still in the bit buffer come first.
    std::uint32_t left = len;
    while (left > 0 && num_bits_ >= 8) {
      if (out_->size() >= max_out_) return false;
      out_->push_back(static_cast<char>(Bits(8)));
      --left;
    }
    if (static_cast<size_t>(end_ - in_) < left) return false;
    if (out_->size() + left > max_out_) return false;
    out_->append(reinterpret_cast<const char*>(in_), left);
    in_ += left;
    return true;
  }

  bool Dynamic(Huffman* lit, Huffman* dist) {
    static const std::uint8_t kOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                            11, 4,  12, 3, 13, 2, 14, 1, 15};
    const int hlit = static_cast<int>(Bits(5)) + 257;
    const int hdist = static_cast<int>(Bits(5)) + 1;
    const int hclen = static_cast<int>(Bits(4)) + 4;
    std::uint8_t cl_sizes[19] = {0};
    for (int i = 0; i < hclen; ++i) cl_sizes[kOrder[i]] = static_cast<std::uint8_t>(Bits(3));
    Huffman cl;
    if (!Build(&cl, cl_sizes, 19)) return false;
    std::uint8_t lengths[286 + 32];
    int n = 0;
    while (n < hlit + hdist) {
      const int c = Decode(cl);
      if (c < 0 || c >= 19) return false;
      if (c < 16) {
        lengths[n++] = static_cast<std::uint8_t>(c);
        continue;
      }
      std::uint8_t fill = 0;
      int repeat;
      if (c == 16) {
        if (n == 0) return false;
        fill = lengths[n - 1];
        repeat = 3 + static_cast<int>(Bits(2));
      } else if (c == 17) {
        repeat = 3 + static_cast<int>(Bits(3));
      } else {
        repeat = 11 + static_cast<int>(Bits(7));
      }
      if (n + repeat > hlit + hdist) return false;
      std::memset(lengths + n, fill, repeat);
      n += repeat;
    }
    return Build(lit, lengths, hlit) && Build(dist, lengths + hlit, hdist);
  }

  bool Codes(const Huffman& lit, const Huffman& dist) {
    static const int kLenBase[29] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                     15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                     67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const int kLenExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static const int kDistBase[30] = {
        1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
        193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static const int kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                       6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    while (true) {
      if (PastEnd()) return false;
      int sym = Decode(lit);
      if (sym < 0) return false;
      if (sym < 256) {
        if (out_->size() >= max_out_) return false;
        out_->push_back(static_cast<char>(sym));
        continue;
      }
      if (sym == 256) return true;
      sym -= 257;
      if (sym >= 29) return false;
      const int len = kLenBase[sym] + static_cast<int>(Bits(kLenExtra[sym]));
      const int dsym = Decode(dist);
      if (dsym < 0 || dsym >= 30) return false;
      const size_t d = kDistBase[dsym] + Bits(kDistExtra[dsym]);
      if (d > out_->size() || out_->size() + len > max_out_) return false;
      size_t from = out_->size() - d;
      out_->resize(out_->size() + len);
      char* p = out_->data();
      size_t to = out_->size() - len;
      for (int i = 0; i < len; ++i) p[to + i] = p[from + i];
    }
  }

  bool Run() {
    if (end_ - in_ >= 2 && (in_[0] & 0x0F) == 8 && ((in_[0] << 8) | in_[1]) % 31 == 0) {
      if (in_[1] & 0x20) return false;  // preset dictionary: not in PDF
      in_ += 2;
    }
    out_->reserve(out_->size() + std::min(max_out_, static_cast<size_t>(end_ - in_) * 4));
    static const Huffman* fixed_lit = nullptr;
    static const Huffman* fixed_dist = nullptr;
    static const bool built = [] {
      static Huffman lit, dist;
      std::uint8_t sizes[288];
      for (int i = 0; i < 144; ++i) sizes[i] = 8;
      for (int i = 144; i < 256; ++i) sizes[i] = 9;
      for (int i = 256; i < 280; ++i) sizes[i] = 7;
      for (int i = 280; i < 288; ++i) sizes[i] = 8;
      Build(&lit, sizes, 288);
      std::uint8_t dsizes[30];
      for (int i = 0; i < 30; ++i) dsizes[i] = 5;
      Build(&dist, dsizes, 30);
      fixed_lit = &lit;
      fixed_dist = &dist;
      return true;
    }();
    (void)built;
    bool final_block = false;
    while (!final_block) {
      if (PastEnd()) return false;
      final_block = Bits(1) != 0;
      const std::uint32_t type = Bits(2);
      if (type == 0) {
        if (!Stored()) return false;
      } else if (type == 1) {
        if (!Codes(*fixed_lit, *fixed_dist)) return false;
      } else if (type == 2) {
        auto lit = std::make_unique<Huffman>();
        auto dist = std::make_unique<Huffman>();
        if (!Dynamic(lit.get(), dist.get()) || !Codes(*lit, *dist)) return false;
      } else {
        return false;
      }
    }
    return true;
  }

  const std::uint8_t* in_;
  const std::uint8_t* end_;
  size_t max_out_;
  std::string* out_;
  std::uint64_t buffer_ = 0;
  int num_bits_ = 0;
  int overrun_ = 0;
};

// ---------------------------------------------------------------------------
// A minimal PDF object model: enough to walk the page tree and reach the
// content streams.  Strings are skipped, not decoded.

struct PdfObj {
  enum class Kind : std::uint8_t { kNull, kBool, kNumber, kName, kString, kArray, kDict, kRef };
  Kind kind = Kind::kNull;
  double number = 0;          // kNumber, kBool (0/1), kRef (object number)
  std::string name;           // kName, without the '/'
  std::vector<PdfObj> items;  // kArray; kDict: key (kName), value, key, value…
  bool is(Kind k) const { return kind == k; }
  const PdfObj* Get(std::string_view key) const {
    if (kind != Kind::kDict) return nullptr;
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
      if (items[i].name == key) return &items[i + 1];
    }
    return nullptr;
  }
};

// Character classes of the PDF syntax, by table: the content-stream
// scanner asks for every byte.
enum CharClass : std::uint8_t { kRegular = 0, kWhite = 1, kDelim = 2 };
const std::array<std::uint8_t, 256>& CharClasses() {
  static const std::array<std::uint8_t, 256> table = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned char c : std::string_view(" \n\r\t\f\0", 6)) t[c] = kWhite;
    for (unsigned char c : std::string_view("()<>[]{}/%")) t[c] = kDelim;
    return t;
  }();
  return table;
}
bool IsWhite(char c) { return CharClasses()[static_cast<unsigned char>(c)] == kWhite; }
bool IsDelim(char c) { return CharClasses()[static_cast<unsigned char>(c)] == kDelim; }
bool IsRegular(char c) { return CharClasses()[static_cast<unsigned char>(c)] == kRegular; }

// A number of the file as an int, clamped: a damaged file may hold any
// double, and converting one out of range is undefined.
int ClampToInt(double v) {
  if (!(v > -1e9)) return -1000000000;  // also NaN
  if (v > 1e9) return 1000000000;
  return static_cast<int>(v);
}

class Lexer {
 public:
  Lexer(std::string_view text, size_t pos) : s_(text), pos_(pos) {}
  size_t pos() const { return pos_; }
  void set_pos(size_t p) { pos_ = p; }

  void SkipSpace() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (IsWhite(c)) {
        ++pos_;
      } else if (c == '%') {
        while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
      } else {
        break;
      }
    }
  }

  // Reads a keyword or number token (regular characters) without consuming
  // what follows.
  std::string_view Regular() {
    const size_t start = pos_;
    while (pos_ < s_.size() && IsRegular(s_[pos_])) ++pos_;
    return s_.substr(start, pos_ - start);
  }

  // Parses one object.  Returns false where the text holds no object (a
  // keyword such as endobj or stream, or the end).
  bool Parse(PdfObj* out, int depth = 0) {
    if (depth > 48) return false;
    SkipSpace();
    if (pos_ >= s_.size()) return false;
    const char c = s_[pos_];
    if (c == '/') {
      ++pos_;
      out->kind = PdfObj::Kind::kName;
      out->name = std::string(Regular());
      return true;
    }
    if (c == '(') {
      SkipLiteralString();
      out->kind = PdfObj::Kind::kString;
      return true;
    }
    if (c == '<') {
      if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '<') {
        pos_ += 2;
        out->kind = PdfObj::Kind::kDict;
        while (true) {
          SkipSpace();
          if (pos_ >= s_.size()) return false;
          if (s_[pos_] == '>') {
            pos_ += (pos_ + 1 < s_.size() && s_[pos_ + 1] == '>') ? 2 : 1;
            return true;
          }
          PdfObj key;
          if (!Parse(&key, depth + 1) || !key.is(PdfObj::Kind::kName)) return false;
          PdfObj value;
          if (!ParseValue(&value, depth + 1)) return false;
          if (out->items.size() < 20000) {
            out->items.push_back(std::move(key));
            out->items.push_back(std::move(value));
          }
        }
      }
      const size_t close = s_.find('>', pos_);
      pos_ = close == std::string_view::npos ? s_.size() : close + 1;
      out->kind = PdfObj::Kind::kString;
      return true;
    }
    if (c == '[') {
      ++pos_;
      out->kind = PdfObj::Kind::kArray;
      while (true) {
        SkipSpace();
        if (pos_ >= s_.size()) return false;
        if (s_[pos_] == ']') {
          ++pos_;
          return true;
        }
        PdfObj item;
        if (!ParseValue(&item, depth + 1)) return false;
        if (out->items.size() < 100000) out->items.push_back(std::move(item));
      }
    }
    if (IsDelim(c)) {  // ')', '>', ']', '{', '}': stray
      ++pos_;
      return Parse(out, depth + 1);
    }
    const size_t start = pos_;
    std::string_view tok = Regular();
    if (tok == "true" || tok == "false") {
      out->kind = PdfObj::Kind::kBool;
      out->number = tok == "true";
      return true;
    }
    if (tok == "null") {
      out->kind = PdfObj::Kind::kNull;
      return true;
    }
    double v;
    if (ToNumber(tok, &v)) {
      out->kind = PdfObj::Kind::kNumber;
      out->number = v;
      return true;
    }
    pos_ = start;  // a keyword: leave it for the caller
    return false;
  }

  // What Skim() notes of an object's top-level dictionary.
  struct Outline {
    double length = -1;     // a direct /Length
    std::string_view type;  // /Type's name
  };

  // Walks over one object without building it.  Returns false where the
  // text holds no object.
  bool Skim(Outline* outline) {
    SkipSpace();
    int depth = 0;
    bool top_dict = pos_ + 1 < s_.size() && s_[pos_] == '<' && s_[pos_ + 1] == '<';
    bool key_next = true;  // in the top-level dictionary: a key comes next
    std::string_view key;
    while (true) {
      SkipSpace();
      if (pos_ >= s_.size()) return false;
      const char c = s_[pos_];
      const bool at_top = top_dict && depth == 1;
      if (c == '<' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '<') {
        pos_ += 2;
        ++depth;
      } else if (c == '>' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '>') {
        pos_ += 2;
        if (--depth <= 0) return true;
        if (top_dict && depth == 1) key_next = true;
      } else if (c == '[') {
        ++pos_;
        ++depth;
      } else if (c == ']') {
        ++pos_;
        if (--depth <= 0) return true;
        if (top_dict && depth == 1) key_next = true;
      } else if (c == '(' || c == '<') {
        if (c == '(') {
          SkipLiteralString();
        } else {
          const size_t close = s_.find('>', pos_);
          pos_ = close == std::string_view::npos ? s_.size() : close + 1;
        }
        if (depth == 0) return true;
        if (at_top) key_next = true;
      } else if (c == '/') {
        ++pos_;
        std::string_view name = Regular();
        if (depth == 0) return true;
        if (at_top) {
          if (key_next) {
            key = name;
          } else if (key == "Type") {
            outline->type = name;
          }
          key_next = !key_next;
        }
      } else if (IsDelim(c)) {
        ++pos_;
      } else {
        std::string_view tok = Regular();
        double v = 0;
        const bool number = Lexer::ToNumber(tok, &v);
        if (!number && tok != "true" && tok != "false" && tok != "null" && tok != "R") {
          return false;  // a keyword (stream, endobj…) inside an unfinished object
        }
        if (depth == 0) return true;
        if (at_top && tok != "R") {
          if (!key_next && key == "Length" && number) {
            // "/Length 12 0 R" is a reference, not a length.
            const size_t save = pos_;
            SkipSpace();
            std::string_view gen = Regular();
            SkipSpace();
            const bool ref = !gen.empty() && pos_ < s_.size() && s_[pos_] == 'R';
            pos_ = save;
            if (!ref) outline->length = v;
          }
          if (!key_next) key_next = true;
        }
      }
    }
  }

  // A value inside an array or a dictionary: an object, or "N G R".
  bool ParseValue(PdfObj* out, int depth) {
    if (!Parse(out, depth)) return false;
    if (!out->is(PdfObj::Kind::kNumber) || out->number < 0 ||
        out->number != std::floor(out->number)) {
      return true;
    }
    const size_t save = pos_;
    SkipSpace();
    std::string_view gen = Regular();
    double g;
    if (!gen.empty() && ToNumber(gen, &g)) {
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == 'R' &&
          (pos_ + 1 >= s_.size() || !IsRegular(s_[pos_ + 1]))) {
        ++pos_;
        out->kind = PdfObj::Kind::kRef;
        return true;
      }
    }
    pos_ = save;
    return true;
  }

  void SkipLiteralString() {
    int depth = 0;
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '\\') {
        ++pos_;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (--depth == 0) return;
      }
    }
  }

  static bool ToNumber(std::string_view tok, double* v) {
    if (tok.empty() || tok.size() > 40) return false;
    size_t i = 0;
    bool neg = false;
    if (tok[0] == '+' || tok[0] == '-') {
      neg = tok[0] == '-';
      i = 1;
    }
    double value = 0;
    bool digits = false;
    for (; i < tok.size() && tok[i] >= '0' && tok[i] <= '9'; ++i) {
      value = value * 10 + (tok[i] - '0');
      digits = true;
    }
    if (i < tok.size() && tok[i] == '.') {
      double scale = 0.1;
      for (++i; i < tok.size() && tok[i] >= '0' && tok[i] <= '9'; ++i) {
        value += (tok[i] - '0') * scale;
        scale *= 0.1;
        digits = true;
      }
    }
    if (i != tok.size() || !digits) return false;
    *v = neg ? -value : value;
    return true;
  }

 private:
  std::string_view s_;
  size_t pos_;
};

// The objects of a file, found by scanning for "N G obj" rather than by
// trusting the xref table: damaged and hand-edited files keep their objects
// even when the offsets lie.  Later definitions win, as incremental
// updates intend.
class PdfFile {
 public:
  explicit PdfFile(std::string_view bytes) : bytes_(bytes) {}

  // Indexes the objects.  Returns false when there is nothing to use.
  // Objects are only located here (a tagged PDF holds thousands of
  // structure elements that nothing reads); Resolve() parses on demand.
  bool Index() {
    size_t pos = 0;
    while (pos < bytes_.size()) {
      const size_t hit = bytes_.find("obj", pos);
      if (hit == std::string_view::npos) break;
      pos = hit + 3;
      if (pos < bytes_.size() && IsRegular(bytes_[pos])) continue;
      int num;
      if (!ObjectNumberBefore(hit, &num)) continue;
      Entry entry;
      entry.offset = pos;
      Lexer lex(bytes_, pos);
      Lexer::Outline outline;
      if (!lex.Skim(&outline)) continue;
      lex.SkipSpace();
      size_t after = lex.pos();
      if (bytes_.substr(after, 6) == "stream") {
        size_t data = after + 6;
        if (data < bytes_.size() && bytes_[data] == '\r') ++data;
        if (data < bytes_.size() && bytes_[data] == '\n') ++data;
        size_t end = std::string_view::npos;
        if (outline.length >= 0 && outline.length <= static_cast<double>(bytes_.size() - data)) {
          const size_t e = data + static_cast<size_t>(outline.length);
          const size_t k = bytes_.find("endstream", e);
          if (k != std::string_view::npos && k - e <= 4) end = e;
        }
        if (end == std::string_view::npos) {
          const size_t k = bytes_.find("endstream", data);
          if (k == std::string_view::npos) break;
          end = k;
          while (end > data && (bytes_[end - 1] == '\n' || bytes_[end - 1] == '\r')) --end;
        }
        entry.stream_begin = data;
        entry.stream_end = end;
        entry.has_stream = true;
        pos = end;
      } else {
        pos = after;
      }
      if (outline.type == "ObjStm") object_streams_.push_back(num);
      if (outline.type == "XRef") xref_streams_.push_back(num);
      if (outline.type == "Catalog") catalog_ = num;
      objects_[num] = std::move(entry);
    }
    return !objects_.empty();
  }

  // The document catalog, or nullptr.  *encrypted tells whether the
  // trailer names an /Encrypt dictionary (streams are then ciphered).
  const PdfObj* Catalog(bool* encrypted) {
    *encrypted = false;
    PdfObj trailer;
    const size_t t = bytes_.rfind("trailer");
    bool have_trailer = false;
    if (t != std::string_view::npos) {
      Lexer lex(bytes_, t + 7);
      have_trailer = lex.Parse(&trailer) && trailer.is(PdfObj::Kind::kDict);
    }
    const PdfObj* root = nullptr;
    if (have_trailer) {
      if (trailer.Get("Encrypt")) *encrypted = true;
      root = Resolve(trailer.Get("Root"));
    }
    for (int num : xref_streams_) {
      const PdfObj& x = Value(&objects_[num]);
      if (x.Get("Encrypt")) *encrypted = true;
      if (!root) root = Resolve(x.Get("Root"));
    }
    if (!root && catalog_ >= 0) root = &Value(&objects_[catalog_]);
    return root && root->is(PdfObj::Kind::kDict) ? root : nullptr;
  }

  // Follows references (a few levels); nullptr for a dangling one.
  const PdfObj* Resolve(const PdfObj* obj) {
    for (int i = 0; obj && obj->is(PdfObj::Kind::kRef) && i < 8; ++i) {
      const int num = ClampToInt(obj->number);
      auto it = objects_.find(num);
      if (it == objects_.end()) {
        LoadObjectStreams();
        it = objects_.find(num);
        if (it == objects_.end()) return nullptr;
      }
      obj = &Value(&it->second);
    }
    return obj && obj->is(PdfObj::Kind::kRef) ? nullptr : obj;
  }

  // The decoded data of the stream `ref` points to, appended to *out.
  // Returns false for filters other than FlateDecode, or damage.
  bool StreamData(const PdfObj* ref, size_t budget, std::string* out) {
    if (!ref || !ref->is(PdfObj::Kind::kRef)) return false;
    auto it = objects_.find(ClampToInt(ref->number));
    if (it == objects_.end() || !it->second.has_stream) return false;
    return Decode(it->second, budget, out);
  }

 private:
  struct Entry {
    size_t offset = 0;  // of the object's text, after "obj"
    bool parsed = false;
    PdfObj value;  // once parsed
    bool has_stream = false;
    size_t stream_begin = 0, stream_end = 0;
  };

  const PdfObj& Value(Entry* e) {
    if (!e->parsed) {
      e->parsed = true;
      Lexer lex(bytes_, e->offset);
      if (!lex.Parse(&e->value)) e->value = PdfObj();
    }
    return e->value;
  }

  bool ObjectNumberBefore(size_t hit, int* num) {
    // "<num> <gen> obj": walk back over the generation and the number.
    size_t i = hit;
    auto skip_white_back = [&] {
      size_t n = 0;
      while (i > 0 && IsWhite(bytes_[i - 1])) --i, ++n;
      return n;
    };
    auto digits_back = [&](long* value) {
      size_t end = i;
      while (i > 0 && bytes_[i - 1] >= '0' && bytes_[i - 1] <= '9' && end - i < 10) --i;
      if (i == end) return false;
      *value = 0;
      for (size_t k = i; k < end; ++k) *value = *value * 10 + (bytes_[k] - '0');
      return true;
    };
    long gen, n;
    if (skip_white_back() == 0 || !digits_back(&gen)) return false;
    if (skip_white_back() == 0 || !digits_back(&n)) return false;
    if (i > 0 && IsRegular(bytes_[i - 1])) return false;
    if (n <= 0 || n > 50000000) return false;
    *num = static_cast<int>(n);
    return true;
  }

  bool Decode(Entry& e, size_t budget, std::string* out) {
    std::string_view raw = bytes_.substr(e.stream_begin, e.stream_end - e.stream_begin);
    const PdfObj& dict = Value(&e);
    const PdfObj* filter = Resolve(dict.Get("Filter"));
    std::string_view name;
    if (filter && filter->is(PdfObj::Kind::kName)) {
      name = filter->name;
    } else if (filter && filter->is(PdfObj::Kind::kArray)) {
      if (filter->items.size() > 1) return false;
      if (filter->items.size() == 1) name = filter->items[0].name;
    }
    if (name.empty()) {
      if (raw.size() > budget) return false;
      out->append(raw);
      return true;
    }
    if (name != "FlateDecode" && name != "Fl") return false;
    const PdfObj* parms = Resolve(dict.Get("DecodeParms"));
    if (parms && parms->is(PdfObj::Kind::kDict)) {
      const PdfObj* predictor = parms->Get("Predictor");
      if (predictor && predictor->number > 1) return false;  // not in content streams
    }
    // A damaged tail still leaves the operators before it usable.
    Inflater::Inflate(raw, out->size() + budget, out);
    return true;
  }

  void LoadObjectStreams() {
    if (object_streams_loaded_) return;
    object_streams_loaded_ = true;
    for (int num : object_streams_) {
      auto it = objects_.find(num);
      if (it == objects_.end()) continue;
      const PdfObj* n = Value(&it->second).Get("N");
      const PdfObj* first = Value(&it->second).Get("First");
      if (!n || !first || n->number < 0 || n->number > 100000 || first->number < 0) continue;
      auto data = std::make_unique<std::string>();
      if (!Decode(it->second, 64u << 20, data.get())) continue;
      Lexer header(*data, 0);
      std::vector<std::pair<int, size_t>> slots;
      for (int k = 0; k < ClampToInt(n->number); ++k) {
        PdfObj a, b;
        if (!header.Parse(&a) || !header.Parse(&b)) break;
        const int offset = ClampToInt(first->number + b.number);
        if (offset < 0) continue;
        slots.emplace_back(ClampToInt(a.number), static_cast<size_t>(offset));
      }
      for (const auto& [objnum, offset] : slots) {
        if (objects_.count(objnum) || offset >= data->size()) continue;
        Entry entry;
        entry.parsed = true;
        Lexer lex(*data, offset);
        if (lex.Parse(&entry.value)) objects_[objnum] = std::move(entry);
      }
      object_stream_data_.push_back(std::move(data));
    }
  }

  std::string_view bytes_;
  std::unordered_map<int, Entry> objects_;
  std::vector<int> object_streams_, xref_streams_;
  std::vector<std::unique_ptr<std::string>> object_stream_data_;
  bool object_streams_loaded_ = false;
  int catalog_ = -1;
};

// ---------------------------------------------------------------------------
// Content streams: the path operators, to find ruling lines.

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  // this × m (apply this first, then m).
  Matrix Then(const Matrix& m) const {
    return {a * m.a + b * m.c, a * m.b + b * m.d,       c * m.a + d * m.c,
            c * m.b + d * m.d, e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f};
  }
  void Apply(double x, double y, double* ox, double* oy) const {
    *ox = a * x + c * y + e;
    *oy = b * x + d * y + f;
  }
};

struct PageGeometry {
  double x1 = 0, y1 = 0, x2 = 612, y2 = 792;  // crop box in user space
  int rotate = 0;
  // User space → the displayed page, origin top left (as Poppler's words).
  Matrix ToDisplay() const {
    switch (rotate) {
      case 90:
        return {0, 1, 1, 0, -y1, -x1};
      case 180:
        return {-1, 0, 0, 1, x2, -y1};
      case 270:
        return {0, -1, -1, 0, y2, x2};
      default:
        return {1, 0, 0, -1, -x1, y2};
    }
  }
};

class RuleCollector {
 public:
  RuleCollector(const PageGeometry& geometry, std::vector<RulingLine>* rules) : rules_(rules) {
    ctm_ = geometry.ToDisplay();
  }

  void Run(std::string_view s) {
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
      const char c = s[i];
      if (IsWhite(c)) {
        ++i;
      } else if (c == '%') {
        while (i < n && s[i] != '\n' && s[i] != '\r') ++i;
      } else if (c == '(') {
        int depth = 0;
        while (i < n) {
          const char k = s[i++];
          if (k == '\\') {
            ++i;
          } else if (k == '(') {
            ++depth;
          } else if (k == ')' && --depth == 0) {
            break;
          }
        }
        nums_ = 0;
      } else if (c == '<') {
        if (i + 1 < n && s[i + 1] == '<') {
          i += 2;
        } else {
          const size_t close = s.find('>', i);
          i = close == std::string_view::npos ? n : close + 1;
        }
        nums_ = 0;
      } else if (c == '>' || c == '{' || c == '}' || c == ')') {
        ++i;
      } else if (c == '[') {
        ++array_depth_;
        ++i;
      } else if (c == ']') {
        if (array_depth_ > 0) --array_depth_;
        ++i;
        nums_ = 0;
      } else if (c == '/') {
        ++i;
        while (i < n && IsRegular(s[i])) ++i;
        nums_ = 0;
      } else {
        const size_t start = i;
        while (i < n && IsRegular(s[i])) ++i;
        std::string_view tok = s.substr(start, i - start);
        const char t = tok[0];
        if ((t >= '0' && t <= '9') || t == '-' || t == '+' || t == '.') {
          double v;
          if (array_depth_ == 0 && Lexer::ToNumber(tok, &v)) Push(v);
          continue;
        }
        if (array_depth_ > 0) continue;
        if (tok == "BI") {
          i = SkipInlineImage(s, i);
        } else {
          Operator(tok);
        }
        nums_ = 0;
        if (rules_->size() > kMaxRules) return;
      }
    }
  }

 private:
  static constexpr size_t kMaxRules = 20000;
  struct Point {
    double x, y;
  };
  struct Subpath {
    std::vector<Point> points;
    bool closed = false;
    bool curved = false;
  };

  void Push(double v) {
    if (nums_ == 6) {
      std::memmove(num_, num_ + 1, 5 * sizeof(double));
      --nums_;
    }
    num_[nums_++] = v;
  }
  // The k-th of the last `count` operands.
  double Arg(int count, int k) const { return num_[nums_ - count + k]; }

  Point Map(double x, double y) const {
    Point p;
    ctm_.Apply(x, y, &p.x, &p.y);
    return p;
  }

  static size_t SkipInlineImage(std::string_view s, size_t i) {
    // Image data runs from "ID" to an "EI" standing alone.
    size_t id = s.find("ID", i);
    if (id == std::string_view::npos) return s.size();
    size_t k = id + 3;
    while (k + 1 < s.size()) {
      k = s.find("EI", k);
      if (k == std::string_view::npos) return s.size();
      const bool before = IsWhite(s[k - 1]);
      const bool after = k + 2 >= s.size() || IsWhite(s[k + 2]);
      if (before && after) return k + 2;
      k += 2;
    }
    return s.size();
  }

  void Operator(std::string_view op) {
    // Most operators of a page are text and colour ones; path operators
    // are one or two characters among these.
    if (op.size() > 2 ||
        std::string_view("qQcmlvyhrSsfFBbnW").find(op[0]) == std::string_view::npos) {
      return;
    }
    if (op == "q") {
      if (stack_.size() < 64) stack_.push_back(ctm_);
    } else if (op == "Q") {
      if (!stack_.empty()) {
        ctm_ = stack_.back();
        stack_.pop_back();
      }
    } else if (op == "cm") {
      if (nums_ >= 6) {
        Matrix m{Arg(6, 0), Arg(6, 1), Arg(6, 2), Arg(6, 3), Arg(6, 4), Arg(6, 5)};
        ctm_ = m.Then(ctm_);
      }
    } else if (op == "m") {
      if (nums_ >= 2) {
        path_.emplace_back();
        path_.back().points.push_back(Map(Arg(2, 0), Arg(2, 1)));
      }
    } else if (op == "l") {
      if (nums_ >= 2 && !path_.empty() && path_.size() < 10000 &&
          path_.back().points.size() < 10000) {
        path_.back().points.push_back(Map(Arg(2, 0), Arg(2, 1)));
      }
    } else if (op == "c" || op == "v" || op == "y") {
      if (nums_ >= 4 && !path_.empty()) {
        path_.back().curved = true;
        path_.back().points.push_back(Map(Arg(2, 0), Arg(2, 1)));
      }
    } else if (op == "h") {
      if (!path_.empty()) path_.back().closed = true;
    } else if (op == "re") {
      if (nums_ >= 4 && path_.size() < 10000) {
        const double x = Arg(4, 0), y = Arg(4, 1), w = Arg(4, 2), h = Arg(4, 3);
        Subpath r;
        r.points = {Map(x, y), Map(x + w, y), Map(x + w, y + h), Map(x, y + h)};
        r.closed = true;
        path_.push_back(std::move(r));
      }
    } else if (op == "S" || op == "s") {
      Stroke(op == "s");
      path_.clear();
    } else if (op == "f" || op == "F" || op == "f*") {
      Fill();
      path_.clear();
    } else if (op == "B" || op == "B*" || op == "b" || op == "b*") {
      Stroke(op[0] == 'b');
      path_.clear();
    } else if (op == "n") {
      path_.clear();
    }
  }

  void AddRule(Point p, Point q) {
    const double dx = std::fabs(p.x - q.x), dy = std::fabs(p.y - q.y);
    const bool horizontal = dy < 0.6 && dx >= 2.0;
    const bool vertical = dx < 0.6 && dy >= 2.0;
    if (!horizontal && !vertical) return;
    RulingLine r;
    r.x0 = std::min(p.x, q.x);
    r.x1 = std::max(p.x, q.x);
    r.y0 = std::min(p.y, q.y);
    r.y1 = std::max(p.y, q.y);
    if (horizontal) r.y0 = r.y1 = (p.y + q.y) / 2;
    if (vertical) r.x0 = r.x1 = (p.x + q.x) / 2;
    rules_->push_back(r);
  }

  void Stroke(bool close_all) {
    for (const Subpath& sp : path_) {
      const auto& pts = sp.points;
      if (sp.curved) continue;
      for (size_t k = 1; k < pts.size(); ++k) AddRule(pts[k - 1], pts[k]);
      if ((sp.closed || close_all) && pts.size() > 2) AddRule(pts.back(), pts.front());
    }
  }

  // Thin filled rectangles are borders (Word and others draw them so);
  // wider ones are cell shading.
  void Fill() {
    for (const Subpath& sp : path_) {
      if (sp.curved) continue;
      auto pts = sp.points;
      if (pts.size() == 5 && std::fabs(pts[4].x - pts[0].x) < 0.01 &&
          std::fabs(pts[4].y - pts[0].y) < 0.01) {
        pts.pop_back();
      }
      if (pts.size() != 4) continue;
      double x0 = pts[0].x, x1 = pts[0].x, y0 = pts[0].y, y1 = pts[0].y;
      for (const Point& p : pts) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
      }
      // Every corner must sit on the box: an axis-aligned rectangle.
      bool axis = true;
      for (const Point& p : pts) {
        const bool on_x = std::fabs(p.x - x0) < 0.01 || std::fabs(p.x - x1) < 0.01;
        const bool on_y = std::fabs(p.y - y0) < 0.01 || std::fabs(p.y - y1) < 0.01;
        axis = axis && on_x && on_y;
      }
      if (!axis) continue;
      const double w = x1 - x0, h = y1 - y0;
      if (h <= 2.5 && w >= 4.0) {
        AddRule({x0, (y0 + y1) / 2}, {x1, (y0 + y1) / 2});
      } else if (w <= 2.5 && h >= 4.0) {
        AddRule({(x0 + x1) / 2, y0}, {(x0 + x1) / 2, y1});
      }
    }
  }

  std::vector<RulingLine>* rules_;
  Matrix ctm_;
  std::vector<Matrix> stack_;
  std::vector<Subpath> path_;
  double num_[6];
  int nums_ = 0;
  int array_depth_ = 0;
};

// The ruling lines of every page, in Poppler's page order, or an empty
// vector when the file's structure cannot be followed.
std::vector<std::vector<RulingLine>> ExtractRules(const std::string& bytes) {
  PdfFile file(bytes);
  if (!file.Index()) return {};
  bool encrypted = false;
  const PdfObj* catalog = file.Catalog(&encrypted);
  if (!catalog || encrypted) return {};
  const PdfObj* root = file.Resolve(catalog->Get("Pages"));
  if (!root || !root->is(PdfObj::Kind::kDict)) return {};

  struct Inherited {
    const PdfObj* media = nullptr;
    const PdfObj* crop = nullptr;
    const PdfObj* rotate = nullptr;
  };
  struct Leaf {
    const PdfObj* page;
    Inherited attrs;
  };
  std::vector<Leaf> leaves;
  std::vector<std::pair<const PdfObj*, Inherited>> stack = {{root, {}}};
  std::unordered_set<const PdfObj*> seen;
  while (!stack.empty()) {
    auto [node, attrs] = stack.back();
    stack.pop_back();
    if (!node->is(PdfObj::Kind::kDict) || !seen.insert(node).second || seen.size() > 200000) {
      continue;
    }
    if (const PdfObj* v = file.Resolve(node->Get("MediaBox"))) attrs.media = v;
    if (const PdfObj* v = file.Resolve(node->Get("CropBox"))) attrs.crop = v;
    if (const PdfObj* v = file.Resolve(node->Get("Rotate"))) attrs.rotate = v;
    const PdfObj* kids = file.Resolve(node->Get("Kids"));
    const PdfObj* type = node->Get("Type");
    if (kids && kids->is(PdfObj::Kind::kArray) && !(type && type->name == "Page")) {
      for (size_t k = kids->items.size(); k-- > 0;) {
        if (const PdfObj* kid = file.Resolve(&kids->items[k])) stack.push_back({kid, attrs});
      }
    } else {
      leaves.push_back({node, attrs});
    }
  }

  auto box = [&](const PdfObj* b, double out[4]) {
    if (!b || !b->is(PdfObj::Kind::kArray) || b->items.size() != 4) return false;
    for (int k = 0; k < 4; ++k) {
      const PdfObj* v = file.Resolve(&b->items[k]);
      if (!v || !v->is(PdfObj::Kind::kNumber)) return false;
      out[k] = v->number;
    }
    if (out[0] > out[2]) std::swap(out[0], out[2]);
    if (out[1] > out[3]) std::swap(out[1], out[3]);
    return true;
  };

  // Zip bombs: decoded content is capped relative to the file's size.
  size_t budget = std::max<size_t>(64u << 20, bytes.size() * 20);
  std::vector<std::vector<RulingLine>> pages(leaves.size());
  std::string content;
  for (size_t p = 0; p < leaves.size(); ++p) {
    PageGeometry geometry;
    double media[4] = {0, 0, 612, 792}, crop[4];
    box(leaves[p].attrs.media, media);
    if (box(leaves[p].attrs.crop, crop)) {
      // Poppler clips the crop box to the media box.
      media[0] = std::max(media[0], crop[0]);
      media[1] = std::max(media[1], crop[1]);
      media[2] = std::min(media[2], crop[2]);
      media[3] = std::min(media[3], crop[3]);
    }
    geometry.x1 = media[0];
    geometry.y1 = media[1];
    geometry.x2 = media[2];
    geometry.y2 = media[3];
    if (leaves[p].attrs.rotate && leaves[p].attrs.rotate->is(PdfObj::Kind::kNumber)) {
      int r = ClampToInt(leaves[p].attrs.rotate->number) % 360;
      if (r < 0) r += 360;
      geometry.rotate = r % 90 == 0 ? r : 0;
    }
    content.clear();
    const PdfObj* contents = leaves[p].page->Get("Contents");
    if (contents && contents->is(PdfObj::Kind::kRef)) {
      const PdfObj* target = file.Resolve(contents);
      if (target && target->is(PdfObj::Kind::kArray)) contents = target;
    }
    bool ok = true;
    if (contents && contents->is(PdfObj::Kind::kArray)) {
      for (const PdfObj& part : contents->items) {
        ok = ok && file.StreamData(&part, budget - std::min(budget, content.size()), &content);
        content += '\n';
      }
    } else if (contents) {
      ok = file.StreamData(contents, budget, &content);
    }
    if (!ok) continue;  // an unknown filter: this page keeps no rules
    budget -= std::min(budget, content.size());
    RuleCollector(geometry, &pages[p]).Run(content);
  }
  return pages;
}

}  // namespace

Result<RawDocument> ParsePdf(const std::string& bytes, const ReadOptions& options) {
  static const bool quiet = (poppler::set_debug_error_function(QuietPoppler, nullptr), true);
  (void)quiet;
  if (bytes.compare(0, 5, "%PDF-") != 0 && bytes.find("%PDF-") > 1024) {
    return Status::Corruption("not a PDF (no %PDF- header)");
  }
  // A file cut short still opens in Poppler, which rebuilds what it can and
  // silently drops the rest; a missing end marker is the reliable sign.
  const size_t tail = bytes.size() > 2048 ? bytes.size() - 2048 : 0;
  if (bytes.find("%%EOF", tail) == std::string::npos) {
    return Status::Corruption("truncated PDF (no %%EOF marker at the end)");
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return Status::LimitExceeded("PDF larger than 2 GiB");
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::Corruption("Poppler could not open the PDF (damaged or truncated)");
  if (doc->is_locked()) {
    return Status::Unsupported("encrypted PDF: a user password is required");
  }
  RawDocument out;
  out.meta_title = ToUtf8(doc->get_title());
  const int n = doc->pages();
  if (n <= 0) return Status::Corruption("PDF has no pages");
  if (n > options.max_pages) {
    return Status::LimitExceeded("PDF has " + std::to_string(n) + " pages, over the limit of " +
                                 std::to_string(options.max_pages));
  }
  const auto started = std::chrono::steady_clock::now();
  const auto deadline = options.time_limit_seconds > 0
                            ? started + std::chrono::milliseconds(static_cast<long long>(
                                            std::min(options.time_limit_seconds, 1e9) * 1000))
                            : std::chrono::steady_clock::time_point::max();
  std::vector<std::vector<RulingLine>> rules = ExtractRules(bytes);
  if (static_cast<int>(rules.size()) != n) rules.clear();  // pages would not line up
  out.pages.reserve(n);
  for (int i = 0; i < n; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    RawPage raw;
    raw.page_no = i + 1;
    if (!page) {
      raw.has_text_layer = false;
      out.pages.push_back(std::move(raw));
      continue;
    }
    const poppler::rectf box = page->page_rect(poppler::crop_box);
    raw.width = box.width();
    raw.height = box.height();
    const poppler::page::orientation_enum o = page->orientation();
    if (o == poppler::page::landscape || o == poppler::page::seascape) {
      std::swap(raw.width, raw.height);  // /Rotate 90 or 270: displayed sideways
    }
    std::vector<poppler::text_box> boxes = page->text_list(0);
    raw.words.reserve(boxes.size());
    for (poppler::text_box& tb : boxes) {
      Word w;
      w.text = ToUtf8(tb.text());
      if (w.text.empty()) continue;
      const poppler::rectf r = tb.bbox();
      w.x0 = r.left();
      w.y0 = r.top();
      w.x1 = r.right();
      w.y1 = r.bottom();
      const int rotation = tb.rotation();
      // Vertical text: the box's width is the glyph height.
      const double height = (rotation % 2 == 0) ? w.y1 - w.y0 : w.x1 - w.x0;
      w.font_size = height / kBoxHeightPerPoint;
      w.space_after = tb.has_space_after();
      w.rotation = rotation;
      raw.words.push_back(std::move(w));
    }
    raw.has_text_layer = !raw.words.empty();
    if (!rules.empty()) raw.rulings = std::move(rules[i]);
    if (Status s = OcrPdfPage(*page, options, deadline, &raw, &out.notes); !s.ok()) return s;
    out.pages.push_back(std::move(raw));
  }
  return out;
}

}  // namespace clsdb
