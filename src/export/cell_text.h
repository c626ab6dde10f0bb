// How one value is spelled in each text format, shared by the writers.
#ifndef CLSDB_EXPORT_CELL_TEXT_H_
#define CLSDB_EXPORT_CELL_TEXT_H_

#include <string>
#include <string_view>

#include "store/table_reader.h"

namespace clsdb {

// The shortest decimal that reads back as the same double ("72.5", "0.1").
std::string ShortestDecimal(double value);

// Appends field to out as one RFC 4180 field: quoted when it holds the
// separator, a double quote, CR or LF (quotes doubled inside); as is
// otherwise.
void AppendCsvField(std::string_view field, char separator, std::string* out);

// Appends value to out as a JSON value: null, an integer, a number (null
// when not finite), or a string with ", \ and control characters escaped.
void AppendJsonValue(const CellValue& value, std::string* out);
void AppendJsonString(std::string_view text, std::string* out);

// value as CSV text: empty for NULL, digits for a number.
std::string CellAsText(const CellValue& value);

}  // namespace clsdb

#endif  // CLSDB_EXPORT_CELL_TEXT_H_
