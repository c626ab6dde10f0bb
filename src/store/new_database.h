#pragma once

#include <string>

namespace clsdb {

// A new database is written from an image of the one Store::Open creates
// (generated at build time by src/store/gen/new_database_gen.cc, which runs
// that same code), instead of executing the schema's statements: SQLite
// parsed each CREATE twice, 23 M instructions, a fifth of the start-up of
// one small document.  The file appears whole or not at all (written
// unnamed, then linked at path), so that a run killed meanwhile, or another
// run opening the same path, never sees part of it.
//
// True when path did not exist and now holds the image.  False, with
// nothing changed, when path exists (another run may just have created it),
// when the file system cannot write unnamed files, or in a build without
// the image: Store::Open then creates the schema with its statements.
bool WriteNewDatabaseImage(const std::string& path);

}  // namespace clsdb
