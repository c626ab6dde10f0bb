// DecodeText on arbitrary bytes: a text file of any content either decodes
// to UTF-8 pages or fails with a reason; it never crashes.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "read/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clsdb;
  if (size > fuzz::kMaxInput) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  Result<RawDocument> doc = DecodeText(bytes);
  if (!doc.ok()) {
    // A failure must say why: the message ends up in documents.error.
    CLSDB_FUZZ_CHECK(!doc.status().message().empty());
    return 0;
  }
  CLSDB_FUZZ_CHECK(!doc->encoding.empty());
  CLSDB_FUZZ_CHECK(!doc->pages.empty());
  for (size_t i = 0; i < doc->pages.size(); ++i) {
    const RawPage& page = doc->pages[i];
    CLSDB_FUZZ_CHECK(page.page_no == static_cast<int>(i) + 1);
    // What the header promises the later stages: UTF-8 with \n line ends,
    // pages split on form feeds, and no NUL (binary input is an error).
    CLSDB_FUZZ_CHECK(fuzz::IsValidUtf8(page.text));
    CLSDB_FUZZ_CHECK(page.text.find('\r') == std::string::npos);
    CLSDB_FUZZ_CHECK(page.text.find('\f') == std::string::npos);
    CLSDB_FUZZ_CHECK(page.text.find('\0') == std::string::npos);
  }
  return 0;
}
