#include "read/sha256.h"

#include <catch2/catch.hpp>

#include "read/reader.h"

namespace clsdb {
namespace {

// FIPS 180-4 examples and lengths around the one- and two-block padding.
struct Vector {
  std::string input;
  const char* hex;
};

std::vector<Vector> KnownVectors() {
  return {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
}

TEST_CASE("sha256 matches the FIPS 180-4 examples", "[read]") {
  for (const Vector& v : KnownVectors()) {
    CAPTURE(v.input.size());
    CHECK(Sha256Hex(v.input) == v.hex);
    CHECK(internal::Sha256HexPortable(v.input) == v.hex);
    CHECK(internal::Sha256HexBmi2(v.input) == v.hex);
  }
}

TEST_CASE("the CPU's SHA instructions agree with the portable code", "[read]") {
  // On a CPU without them both calls run the portable code, and this test
  // proves nothing more than the one above; say so in the output.
  if (!internal::Sha256UsesCpuExtensions()) WARN("no SHA extensions on this CPU");
  std::string bytes;
  uint32_t x = 12345;
  for (size_t len = 0; len < 300; ++len) {
    CAPTURE(len);
    CHECK(Sha256Hex(bytes) == internal::Sha256HexPortable(bytes));
    CHECK(internal::Sha256HexBmi2(bytes) == internal::Sha256HexPortable(bytes));
    x = x * 1103515245 + 12345;
    bytes.push_back(static_cast<char>(x >> 16));
  }
}

}  // namespace
}  // namespace clsdb
