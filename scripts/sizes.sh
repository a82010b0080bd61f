#!/usr/bin/env bash
# Prints the first load of the release build as served (brotli, which every current browser
# accepts; gzip beside it) per file and in total, and checks it against the budget in
# scripts/size-budget.txt: the test fails naming each part that grew past its budget.
# The first load is the home page, the catalog alone (dist/catalog/, its own small wasm); the
# whole portal (dist/, every citizen page) and the staff workspace (dist/staff-app/) are each
# loaded by the first page that needs them. Run after scripts/build-release.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
budget_file=scripts/size-budget.txt
declare -A part_br=()

# The brotli bytes of one app's first load (wasm, js, css, html), printing each file.
app_total=0
app() {
  local dir=$1 raw gz br file
  app_total=0
  for file in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css "$dir"/index.html; do
    [ -f "$file" ] || { echo "sizes: $file missing (run scripts/build-release.sh)" >&2; exit 1; }
    raw=$(stat -c%s "$file")
    gz=$(stat -c%s "$file.gz" 2>/dev/null || gzip -9c "$file" | wc -c)
    br=$(stat -c%s "$file.br" 2>/dev/null || echo "$gz")
    app_total=$((app_total + br))
    printf 'size: %-52s %8d B raw %8d B gzip %8d B brotli\n' "$file" "$raw" "$gz" "$br"
    if [ "$dir" = dist/catalog ]; then
      part_br[${file##*.}]=$(( ${part_br[${file##*.}]:-0} + br ))
    fi
  done
}

app dist/catalog
printf 'size: %-52s %8d B brotli\n' "first load total (the home page: dist/catalog)" "$app_total"
part_br[total]=$app_total
app dist
printf 'size: %-52s %8d B brotli\n' "whole portal's first load (other pages: dist)" "$app_total"
part_br[portal]=$app_total
app dist/staff-app
printf 'size: %-52s %8d B brotli\n' "staff workspace first load (dist/staff-app)" "$app_total"
part_br[staff]=$app_total

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
