#!/usr/bin/env bash
# Prints the size of each file of the release build, raw and gzip -9, and the first-load total.
set -euo pipefail
cd "$(dirname "$0")/.."
total_raw=0
total_gz=0
for file in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  raw=$(stat -c%s "$file")
  gz=$(gzip -9c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf 'size: %-48s %8d B raw %8d B gzip\n' "$file" "$raw" "$gz"
done
printf 'size: first load total %37d B raw %8d B gzip\n' "$total_raw" "$total_gz"
