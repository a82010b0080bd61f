#!/usr/bin/env bash
# Runs every check and test of every layer; exits non-zero on the first failure.
#   lint:     cargo fmt --check; clippy (native and wasm) with warnings denied
#   native:   cargo test (core, mock API, the app's pure helpers)
#   browser:  wasm-bindgen-test component tests in headless Chromium
#   release:  citizen portal + staff workspace (scripts/build-release.sh), precompressed (brotli + gzip), sizes checked against the budget
#   e2e:      Playwright + axe journeys (desktop and phone) and the keystroke benchmark,
#             against dist/ served by the real mock API; the route matrix with its screenshots
#   crash:    kill -9 the API mid-submission, repeatedly; nothing acknowledged is lost
#   bench:    native search benchmark (prints figures)
#   dev:      the README's first command serves and proxies, and Ctrl-C stops everything
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

stage() { printf '\n== test: %s\n' "$*"; }

stage "lint"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p portal --target wasm32-unknown-unknown --all-targets -- -D warnings

stage "native tests"
cargo test --workspace

stage "browser component tests (headless Chromium)"
cargo test -p portal --target wasm32-unknown-unknown

stage "release build"
scripts/build-release.sh
scripts/sizes.sh

stage "end-to-end (Playwright + axe, release build + mock API)"
cargo build -p portal-mock-api
npx playwright test --project=desktop --project=phone --project=bench

stage "route matrix (every route × zh/en × normal/关怀 × phone/desktop/200 % zoom: axe, overflow, targets, screenshots)"
npx playwright test --project=matrix

stage "crash test (kill -9 mid-submission; every acknowledged application survives)"
scripts/crash-test.sh 5

stage "native search benchmark"
cargo run --release -p portal-core --features pinyin --example search_bench

stage "dev command (scripts/dev.sh: proxy, deep link, Ctrl-C)"
scripts/check-dev.sh
