#!/usr/bin/env bash
# The release build as served: the citizen portal into dist/ and the staff workspace (its own
# wasm, so citizens never download it) into dist/staff-app/, then brotli/gzip copies of both.
# The citizen build goes first: trunk empties its dist directory, dist/staff-app included.
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release
trunk build staff.html --release --dist dist/staff-app --public-url /staff-app/
node scripts/compress-dist.mjs dist
