// Running text on its own: which lines are stamps, page numbers, or headers
// and footers repeated across pages.
#include "layout/running_text.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace clsdb {
namespace {

using Lines = std::vector<std::string>;

TEST_CASE("IsStampLine knows the prefecture's stamp lines, short and alone", "[layout][running]") {
  for (const char* line :
       {"Envoyé en préfecture le 02/10/2025", "Reçu en préfecture le 02/10/2025",
        "recu en prefecture le 2 octobre 2025", "Publié le", "Publié le 03/10/2025",
        "Affiché le 03/10/2025", "ID : 059-200043404-20250924-DELIB370A-DE",
        "ID:062-216200412-20240611-2024_45-DE"}) {
    INFO(line);
    CHECK(IsStampLine(line));
  }
  for (const char* line :
       {"La délibération publiée le 3 mars a été envoyée en préfecture", "Publié le rapport annuel",
        "Envoyé en préfecture le 02/10/2025 ; le conseil communautaire, après en avoir délibéré, "
        "approuve le contrat local de santé",
        "ID : 59-200043404-20250924-DELIB370A-DE"}) {
    INFO(line);
    CHECK_FALSE(IsStampLine(line));
  }
}

TEST_CASE("IsPageNumberLine knows bare numbers and counters, not numbered text",
          "[layout][running]") {
  for (const char* line :
       {"12", "- 12 -", "Page 3", "page 3 / 43", "3/43", "p. 3", "Page 3 sur 12"}) {
    INFO(line);
    CHECK(IsPageNumberLine(line));
  }
  for (const char* line :
       {"12 actions", "Article 3", "2024-2028 : 5 ans", "Page de garde", "12345"}) {
    INFO(line);
    CHECK_FALSE(IsPageNumberLine(line));
  }
}

// A line of body text unique to page p and line i (letters only: digits
// are ignored when lines are compared).
std::string Body(int p, int i) {
  return std::string("corps ") + static_cast<char>('a' + p) + static_cast<char>('a' + i);
}

TEST_CASE("FindRunningLines flags a header on most pages, digits aside", "[layout][running]") {
  std::vector<Lines> pages;
  for (int p = 1; p <= 4; ++p) {
    Lines lines{"Contrat local de santé 2024-202" + std::to_string(p)};
    for (int i = 0; i < 8; ++i) lines.push_back(Body(p, i));
    lines.push_back("Page " + std::to_string(p) + " / 4");
    pages.push_back(lines);
  }
  const auto flags = FindRunningLines(pages);
  REQUIRE(flags.size() == 4);
  for (const auto& page : flags) {
    REQUIRE(page.size() == 10);
    CHECK(page[0]);  // the header, its year varying
    for (int i = 1; i <= 8; ++i) CHECK_FALSE(page[i]);
    CHECK(page[9]);  // the page counter
  }
}

TEST_CASE("FindRunningLines needs three pages and half of them", "[layout][running]") {
  // On two pages, a repeated first line is not enough.
  std::vector<Lines> two = {{"Sommaire", "a", "b", "c", "d", "e", "f"},
                            {"Sommaire", "g", "h", "i", "j", "k", "l"}};
  for (const auto& page : FindRunningLines(two)) CHECK_FALSE(page[0]);
  // On six pages, a line on two of them is not running text.
  std::vector<Lines> six;
  for (int p = 0; p < 6; ++p) {
    six.push_back({p < 2 ? "Annexe" : "Corps " + std::string(1, static_cast<char>('a' + p)), "x",
                   "y", "z", "w", "v", "u"});
  }
  for (const auto& page : FindRunningLines(six)) CHECK_FALSE(page[0]);
}

TEST_CASE("FindRunningLines looks only in the margins of a page", "[layout][running]") {
  // The same line in the middle of every page is body text (a repeated
  // table header, say), not a running header.
  std::vector<Lines> pages;
  for (int p = 0; p < 4; ++p) {
    pages.push_back({"t" + std::string(1, static_cast<char>('a' + p)), "u", "v", "Action Pilote",
                     "w", "x", "y" + std::string(1, static_cast<char>('a' + p))});
  }
  for (const auto& page : FindRunningLines(pages, /*margin=*/2)) CHECK_FALSE(page[3]);
}

}  // namespace
}  // namespace clsdb
