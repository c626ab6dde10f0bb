#!/bin/bash
# Rebuilds tests/data/pdf/ from sample.mkpdf: the files tests cannot make in
# memory with PdfWriter, because they need a real PDF library's encryption
# or compression.  Needs qpdf.  Run from anywhere:
#   tools/mkpdf/make_test_data.sh BUILD_DIR   (where `mkpdf` was built)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../tests/data/pdf"
mkpdf="${1:?usage: make_test_data.sh BUILD_DIR}/mkpdf"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$mkpdf" -o "$tmp/sample.pdf" "$here/sample.mkpdf"
# Flate-compressed content streams, pages inside object streams.
qpdf --compress-streams=y --object-streams=generate "$tmp/sample.pdf" "$out/compressed.pdf"
# A user password ("secret"): cannot be read without it.
qpdf --encrypt secret owner 256 -- "$tmp/sample.pdf" "$out/encrypted_user.pdf"
# An owner password only: opens, permissions aside.
qpdf --encrypt "" owner 256 -- "$tmp/sample.pdf" "$out/encrypted_owner.pdf"
