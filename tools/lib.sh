# Shared by tools/run and tools/test: install what is missing, then build.
# Sourced, not run.

# Debian packages clsdb needs to build, test and benchmark.
CLSDB_PACKAGES=(
  build-essential cmake pkg-config
  libpoppler-cpp-dev libpoppler-private-dev libicu-dev libre2-dev libsqlite3-dev sqlite3
  libboost-program-options-dev nlohmann-json3-dev catch2
  poppler-utils qpdf time
  # OCR of scanned pages (read/ocr.cc): the library, its image library and the French model.
  libtesseract-dev libleptonica-dev tesseract-ocr-fra tesseract-ocr-osd
  # xlsx export (export/xlsx_book.cc), and openpyxl to read it back in tests/export.
  libxlsxwriter-dev python3-openpyxl
  # tests/export/report_test.cc renders the HTML report headless.
  chromium
  # libFuzzer and the sanitizer runtimes: clang only recommends them.
  clang libclang-rt-14-dev
  # The house style's formatter, checked by tools/test.
  clang-format
  # The Slurm job array of tools/slurm/ and its test's one-node cluster.
  slurm-wlm munge
)

clsdb_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs the packages that are not installed yet (apt-get, with sudo when
# not root).  Does nothing, quickly, when all are there.
clsdb_install_deps() {
  local missing=()
  for p in "${CLSDB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Line tables (-g1) are all a backtrace or a sanitizer report needs; full
# debug info (-g) makes every compile about 40% slower and CI builds three
# times.  Debug with -g by passing -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g".
CLSDB_DEBUG_INFO_FLAGS=(-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
  -DCMAKE_CXX_FLAGS_DEBUG="-g1")

# Configures and builds into $1 (default build/) with extra CMake args.
clsdb_build() {
  local dir=${1:-build}
  shift || true
  local root
  root=$(clsdb_root)
  cmake -S "$root" -B "$root/$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${CLSDB_DEBUG_INFO_FLAGS[@]}" \
    "$@" >/dev/null
  cmake --build "$root/$dir" -j "$(nproc)"
}
