// SHA-256 of a byte string (declared for the pipeline in read/reader.h).
// This header exposes the implementations to tests: the SHA-NI one is used
// when the CPU has it, else the BMI2 build of the portable code, and both
// must agree with the portable one.
#ifndef CLSDB_READ_SHA256_H_
#define CLSDB_READ_SHA256_H_

#include <string>

namespace clsdb::internal {

// Lower-case hex digest by the portable code, whatever the CPU.
std::string Sha256HexPortable(const std::string& bytes);
// The same code compiled for BMI2 when the CPU has it (what Sha256Hex runs
// without the SHA extensions), else the portable code.
std::string Sha256HexBmi2(const std::string& bytes);
// Whether Sha256Hex uses the CPU's SHA extensions on this machine.
bool Sha256UsesCpuExtensions();

}  // namespace clsdb::internal

#endif  // CLSDB_READ_SHA256_H_
