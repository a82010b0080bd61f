#!/usr/bin/env bash
# The release build as served: the citizen portal into dist/, the catalog alone (the home page's
# small wasm) into dist/catalog/ and the staff workspace (its own wasm, so citizens never
# download it) into dist/staff-app/, then brotli/gzip copies of all three.
# The citizen build goes first: trunk empties its dist directory, the other two included.
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release
trunk build catalog.html --release --dist dist/catalog --public-url /catalog/
trunk build staff.html --release --dist dist/staff-app --public-url /staff-app/
node scripts/compress-dist.mjs dist
