#!/usr/bin/env bash
# Checks that vendor/boa_* are exactly the published 0.22.0 crates plus vendor/patches/*.patch.
# Needs crates.io. Exit 0 when they match, 1 with the difference otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for crate in boa_ast boa_engine; do
  curl -sSfL "https://static.crates.io/crates/$crate/$crate-0.22.0.crate" | tar -xz -C "$work"
  rm -f "$work/$crate-0.22.0/.cargo-ok"
  for p in vendor/patches/*-"$crate"-*.patch; do
    patch -s -p3 -d "$work/$crate-0.22.0" < "$p"
  done
  diff -r "$work/$crate-0.22.0" "vendor/$crate"
done
echo "vendor/ = Boa 0.22.0 + vendor/patches"
