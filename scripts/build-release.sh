#!/usr/bin/env bash
# The release build as served: the citizen portal into dist/, the catalog alone (the home page's
# small wasm) into dist/catalog/ and the staff workspace (its own wasm, so citizens never
# download it) into dist/staff-app/, then brotli/gzip copies of all three.
# The citizen build goes first: trunk empties its dist directory, the other two included.
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release
trunk build catalog.html --release --dist dist/catalog --public-url /catalog/
# The catalog alone names the whole portal's script, wasm and stylesheets (content-hashed, so
# known only now), to fetch them ahead when a reader shows interest in a result (src/catalog_app.rs).
files=$(grep -o 'href="/[a-z]*-[0-9a-f]*\(\.js\|_bg\.wasm\|\.css\)"' dist/index.html | sed 's/^href="//; s/"$//' | tr '\n' ' ')
for kind in '/portal-[0-9a-f]*\.js' '/portal-[0-9a-f]*_bg\.wasm' '\.css'; do
  echo "$files" | tr ' ' '\n' | grep -q "$kind" ||
    { echo "build-release: dist/index.html names no file matching $kind" >&2; exit 1; }
done
sed -i "s|</head>|<meta name=\"whole-portal\" content=\"${files% }\" /></head>|" dist/catalog/index.html
trunk build staff.html --release --dist dist/staff-app --public-url /staff-app/
node scripts/compress-dist.mjs dist
