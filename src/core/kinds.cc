#include "core/kinds.h"

#include <utility>

namespace clsdb {
namespace {

template <typename E>
using Words = std::pair<E, const char*>;

constexpr Words<DocumentStatus> kStatusWords[] = {
    {DocumentStatus::kOk, "ok"},
    {DocumentStatus::kPartial, "partial"},
    {DocumentStatus::kFailed, "failed"},
    {DocumentStatus::kSkipped, "skipped"},
};
constexpr Words<DocumentType> kTypeWords[] = {
    {DocumentType::kDeliberation, "deliberation"},
    {DocumentType::kContract, "contract"},
    {DocumentType::kPressRelease, "press_release"},
    {DocumentType::kNote, "note"},
    {DocumentType::kOther, "other"},
};
constexpr Words<SourceFormat> kFormatWords[] = {
    {SourceFormat::kPdf, "pdf"},
    {SourceFormat::kText, "text"},
};
constexpr Words<ActorRole> kRoleWords[] = {
    {ActorRole::kPilot, "pilot"},
    {ActorRole::kPartner, "partner"},
    {ActorRole::kFunder, "funder"},
};
constexpr Words<IndicatorKind> kIndicatorWords[] = {
    {IndicatorKind::kQuantitative, "quantitative"},
    {IndicatorKind::kQualitative, "qualitative"},
    {IndicatorKind::kOther, "other"},
};

template <typename E, size_t N>
const char* WordOf(const Words<E> (&words)[N], E v) {
  for (const auto& [value, word] : words) {
    if (value == v) return word;
  }
  return "?";  // a value cast from an int out of range
}

template <typename E, size_t N>
std::optional<E> ValueOf(const Words<E> (&words)[N], std::string_view w) {
  for (const auto& [value, word] : words) {
    if (w == word) return value;
  }
  return std::nullopt;
}

}  // namespace

const char* Name(DocumentStatus v) { return WordOf(kStatusWords, v); }
const char* Name(DocumentType v) { return WordOf(kTypeWords, v); }
const char* Name(SourceFormat v) { return WordOf(kFormatWords, v); }
const char* Name(ActorRole v) { return WordOf(kRoleWords, v); }
const char* Name(IndicatorKind v) { return WordOf(kIndicatorWords, v); }

template <>
std::optional<DocumentStatus> Parse(std::string_view w) {
  return ValueOf(kStatusWords, w);
}
template <>
std::optional<DocumentType> Parse(std::string_view w) {
  return ValueOf(kTypeWords, w);
}
template <>
std::optional<SourceFormat> Parse(std::string_view w) {
  return ValueOf(kFormatWords, w);
}
template <>
std::optional<ActorRole> Parse(std::string_view w) {
  return ValueOf(kRoleWords, w);
}
template <>
std::optional<IndicatorKind> Parse(std::string_view w) {
  return ValueOf(kIndicatorWords, w);
}

}  // namespace clsdb
