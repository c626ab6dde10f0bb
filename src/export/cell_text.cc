#include "export/cell_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace clsdb {

std::string ShortestDecimal(double value) {
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

void AppendCsvField(std::string_view field, char separator, std::string* out) {
  if (field.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (u < 0x20) {
          char esc[8];
          std::snprintf(esc, sizeof esc, "\\u%04x", u);
          out->append(esc);
        } else {
          out->push_back(c);  // UTF-8 passes through: JSON text is UTF-8
        }
    }
  }
  out->push_back('"');
}

void AppendJsonValue(const CellValue& value, std::string* out) {
  switch (value.type) {
    case CellValue::Type::kNull:
      out->append("null");
      break;
    case CellValue::Type::kInteger:
      out->append(std::to_string(value.integer));
      break;
    case CellValue::Type::kReal:
      out->append(std::isfinite(value.real) ? ShortestDecimal(value.real) : "null");
      break;
    case CellValue::Type::kText:
      AppendJsonString(value.text, out);
      break;
  }
}

std::string CellAsText(const CellValue& value) {
  switch (value.type) {
    case CellValue::Type::kNull:
      return "";
    case CellValue::Type::kInteger:
      return std::to_string(value.integer);
    case CellValue::Type::kReal:
      return ShortestDecimal(value.real);
    case CellValue::Type::kText:
      return value.text;
  }
  return "";
}

}  // namespace clsdb
