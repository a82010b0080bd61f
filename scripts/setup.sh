#!/usr/bin/env bash
# Installs what the portal's build and tests need, skipping whatever is already there.
# Only package registries are used (crates.io, npm, Debian): nothing is downloaded from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step() { printf '\n== setup: %s\n' "$*"; }

for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^${component}"; then
    step "rust component ${component}"
    rustup component add "${component}"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14$'; then
  step "trunk 0.21.14 (about 11 minutes on 2 cores; 0.22 needs a newer rustc)"
  cargo install --locked trunk --version 0.21.14
fi

# trunk uses a wasm-bindgen on PATH only when it is exactly Cargo.lock's version.
wbg=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${wbg}\$"; then
  step "wasm-bindgen-cli ${wbg} (no --locked: a locked dependency is missing from the registry)"
  cargo install wasm-bindgen-cli --version "${wbg}" --force
fi

# Debian's chromium + driver for both browser test layers; a CJK font so pages render readable;
# curl for the dev-command smoke test.
missing=()
for pkg in chromium chromium-driver fonts-noto-cjk curl; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  step "apt: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# npm: Playwright, axe, and binaryen's wasm-opt (Debian's binaryen breaks this wasm-bindgen).
stamp=node_modules/.portal-lock.sha
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  step "npm ci (Playwright, axe-core, binaryen wasm-opt)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$lock_sum" > "$stamp"
fi
