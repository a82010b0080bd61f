#!/usr/bin/env bash
# Prints the first load of the release build as served (brotli, which every current browser
# accepts; gzip beside it) per file and in total, and checks it against the budget in
# scripts/size-budget.txt: the test fails naming each part that grew past its budget.
# Run after scripts/build-release.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
budget_file=scripts/size-budget.txt
total_raw=0 total_gz=0 total_br=0
declare -A part_br=()
for file in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  raw=$(stat -c%s "$file")
  gz=$(stat -c%s "$file.gz" 2>/dev/null || gzip -9c "$file" | wc -c)
  br=$(stat -c%s "$file.br" 2>/dev/null || echo "$gz")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  part=${file##*.}
  part_br[$part]=$(( ${part_br[$part]:-0} + br ))
  printf 'size: %-52s %8d B raw %8d B gzip %8d B brotli\n' "$file" "$raw" "$gz" "$br"
done
printf 'size: %-52s %8d B raw %8d B gzip %8d B brotli\n' "first load total" "$total_raw" "$total_gz" "$total_br"
part_br[total]=$total_br

# The staff workspace is its own wasm (dist/staff-app/): staff download it, citizens never do.
staff_br=0
for file in dist/staff-app/*.wasm dist/staff-app/*.js dist/staff-app/*.css dist/staff-app/index.html; do
  [ -f "$file" ] || { echo "sizes: $file missing (run scripts/build-release.sh)" >&2; exit 1; }
  br=$(stat -c%s "$file.br" 2>/dev/null || stat -c%s "$file")
  staff_br=$((staff_br + br))
done
printf 'size: %-52s %8d B brotli\n' "staff workspace first load (dist/staff-app)" "$staff_br"
part_br[staff]=$staff_br

failed=0
while read -r part limit why; do
  case "$part" in ''|'#'*) continue ;; esac
  actual=${part_br[$part]:-0}
  if [ "$actual" -gt "$limit" ]; then
    printf 'size budget: %s is %d B brotli, over its budget of %d B by %d B (%s)\n' \
      "$part" "$actual" "$limit" $((actual - limit)) "$why" >&2
    failed=1
  else
    printf 'size budget: %-5s %8d B of %8d B\n' "$part" "$actual" "$limit"
  fi
done < "$budget_file"
exit "$failed"
