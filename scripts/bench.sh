#!/usr/bin/env bash
# The portal's catalog search side by side with plain DOM, React 19 and Vue 3 (issue 16).
# Separate from scripts/test.sh: it takes several minutes and its figures move with the machine.
#
#   scripts/bench.sh                      # build, serve, measure, append a dated section to docs/performance.md
#   scripts/bench.sh --runs 3             # any argument goes on to the harness (harness/measure.js)
#
# Steps: release app (`trunk build --release` + brotli/gzip copies), release mock API started on
# 127.0.0.1:$BENCH_PORT with `--synthetic 10000` and a throw-away data dir, the shared harness
# (`run.sh --portal URL`: all four apps load the portal's own catalog and show 10 rows, one headless
# Chromium run), API stopped, then the harness's tables, the machine and the first-load sizes as
# served (brotli; the home page is the catalog alone, dist/catalog/*.br) are appended to docs/performance.md. Earlier sections are kept.
#
# Environment:
#   BENCH_DIR   the shared harness (the folder with run.sh); default ../shared/bench from the repo root
#   BENCH_PORT  port of the mock API during the run (default 3300)
#   BENCH_WORK  where a writable copy of the harness and its npm deps live (default target/bench-harness);
#               the harness is copied there so its builds never write into BENCH_DIR
#   CHROMIUM    browser binary (default /usr/bin/chromium), passed on to the harness
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/env.sh

bench_dir=${BENCH_DIR:-$root/../shared/bench}
if [ ! -f "$bench_dir/run.sh" ] || [ ! -f "$bench_dir/harness/measure.js" ]; then
  echo "bench.sh: no shared bench harness at $bench_dir (need run.sh and harness/measure.js);" \
    "set BENCH_DIR=/path/to/bench" >&2
  exit 1
fi
bench_dir=$(cd "$bench_dir" && pwd)
port=${BENCH_PORT:-3300}
url="http://127.0.0.1:$port"
work=${BENCH_WORK:-$root/target/bench-harness}
chromium=${CHROMIUM:-/usr/bin/chromium}
target_dir=${CARGO_TARGET_DIR:-$root/target}
doc=docs/performance.md

tmp=$(mktemp -d)
api_pid=""
cleanup() {
  if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { printf '\n== bench: %s\n' "$*" >&2; }

if curl -s -o /dev/null "$url/api/health"; then
  echo "bench.sh: something already answers on $url; stop it or set BENCH_PORT" >&2
  exit 1
fi

step "release app (scripts/build-release.sh)"
scripts/build-release.sh

step "release mock API"
cargo build --release -p portal-mock-api

step "starting the mock API on $url (--synthetic 10000)"
"$target_dir/release/portal-mock-api" --addr "127.0.0.1:$port" --dist dist --synthetic 10000 \
  --data-dir "$tmp/data" >"$tmp/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "$url/api/health" && break
  if ! kill -0 "$api_pid" 2>/dev/null; then
    echo "bench.sh: the mock API exited during start-up:" >&2
    cat "$tmp/api.log" >&2
    exit 1
  fi
  sleep 0.5
done
curl -sf -o /dev/null "$url/api/health" || { echo "bench.sh: $url/api/health did not answer in 60 s" >&2; exit 1; }
# The catalog lists' brotli copies are made once, in the background, when first asked for
# (crates/mock-api/src/precompressed.rs; these polls ask): measure what a visitor gets from a
# running server, not its first seconds.
for list in items cards; do
  for _ in $(seq 240); do
    curl -sf -o /dev/null -D - -H 'Accept-Encoding: br' "$url/api/$list" | grep -qi '^content-length:' && break
    sleep 0.5
  done
done

step "harness: writable copy of $bench_dir in $work"
mkdir -p "$work"
chmod -R u+w "$work"
# Sources are refreshed on every run; node_modules stays unless the harness's lock file changed.
tar -C "$bench_dir" --exclude=./node_modules --exclude=./.venv --exclude=./results \
  --exclude='./apps/*/dist' -cf - . | tar -C "$work" -xf -
chmod -R u+w "$work"
lock_sum=$(sha256sum "$work/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$work/node_modules/.bench-lock.sha" 2>/dev/null)" != "$lock_sum" ]; then
  rm -rf "$work/node_modules"
fi

step "harness: portal beside vanilla, react, vue"
CHROMIUM=$chromium bash "$work/run.sh" --portal "$url" --out "$tmp/side" "$@"
echo "$lock_sum" >"$work/node_modules/.bench-lock.sha"

# The peers search what the harness's data/from_portal.py made of /api/items: it takes each item's
# initials from its per-character key entries. Keys in another shape leave the peers without
# initials (sfz, wfz, flyz then find nothing there and their keystrokes cost nothing), so a run
# on such data compares unlike work and is not written down.
node -e '
  const items = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const bad = items.filter((i) => !/^[a-z0-9|]*$/.test(i.pinyin_initials));
  if (bad.length) {
    console.error(`bench.sh: ${bad.length} of ${items.length} items reached the peers without initials, e.g. ${bad[0].name}: "${bad[0].pinyin_initials}"`);
    process.exit(1);
  }
  console.error(`bench.sh: the peers searched ${items.length} items with their initials`);
' "$work/data/items-portal.json"

step "stopping the mock API"
kill "$api_pid"
wait "$api_pid" 2>/dev/null || true
api_pid=""

# First load as served: the .br copy when compress-dist wrote one (the server prefers it), else the file.
served_size() {
  local total=0 f
  for f in "$@"; do
    [ -f "$f" ] || continue
    if [ -f "$f.br" ]; then total=$((total + $(stat -c%s "$f.br"))); else total=$((total + $(stat -c%s "$f"))); fi
  done
  echo "$total"
}
raw_size() {
  local total=0 f
  for f in "$@"; do [ -f "$f" ] && total=$((total + $(stat -c%s "$f"))); done
  echo "$total"
}
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
size_rows=""
total_raw=0
total_br=0
# The home page is the catalog alone (dist/catalog/): what the harness loads.
for kind in wasm js css html; do
  if [ "$kind" = html ]; then files=(dist/catalog/index.html); else files=(dist/catalog/*."$kind"); fi
  raw=$(raw_size "${files[@]}")
  br=$(served_size "${files[@]}")
  total_raw=$((total_raw + raw))
  total_br=$((total_br + br))
  size_rows+="| $kind | $(kb "$raw") | $(kb "$br") |"$'\n'
done
size_rows+="| **total** | **$(kb "$total_raw")** | **$(kb "$total_br")** |"

# The harness's main table (the first one), and the portal's ratio to each peer on every column.
harness_md="$tmp/side.md"
main_table=$(awk '/^\| app \|/ { on = 1 } on && !/^\|/ { exit } on' "$harness_md")
run_table=$(awk '/^Per-run/ { on = 1; next } on && /^\|/ { print; seen = 1; next } seen { exit }' "$harness_md")
ratio_table=$(printf '%s\n' "$main_table" | awk -F'|' '
  function num(s) { gsub(/^ +| +$/, "", s); split(s, p, " "); return p[1] + 0 }
  NR == 1 { header = $0; n = NF; next }
  NR == 2 { sep = $0; next }
  { app = $2; gsub(/ /, "", app); names[++count] = app; for (i = 3; i < n; i++) v[app, i] = num($i) }
  END {
    print "| portal ÷ |" substr(header, 8)
    print sep
    for (k = 1; k <= count; k++) {
      peer = names[k]
      if (peer == "portal") continue
      line = "| " peer " |"
      for (i = 3; i < n; i++) line = line sprintf(" %s |", v[peer, i] > 0 ? sprintf("%.2f", v["portal", i] / v[peer, i]) : "–")
      print line
    }
  }')
checks=$(awk '/^Samples and checks/ { on = 1; next } on && /^Definitions/ { exit } on && NF' "$harness_md")

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
browser=$("$chromium" --version 2>/dev/null | head -1 || echo "unknown")
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src crates Cargo.toml Cargo.lock index.html style || commit+=" (with uncommitted changes)"

stamp=$(date -u '+%Y-%m-%dT%H%M')
mkdir -p docs
if [ ! -f "$doc" ]; then
  printf '# Performance\n\nMeasured by `scripts/bench.sh`; newest section last.\n' >"$doc"
fi
{
  printf '\n## %s · commit %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit"
  printf 'Machine: %s cores (nproc), %s; %s; load average before the run %s.\n\n' \
    "$(nproc)" "${cpu:-unknown CPU}" "$browser" "$(cut -d' ' -f1-3 /proc/loadavg)"
  sed -n "3p;5p" "$harness_md" | sed "s/$/\n/"
  printf '%s\n\n' "$main_table"
  printf 'Portal ÷ peer on each column (below 1 means the portal is faster or smaller):\n\n%s\n\n' "$ratio_table"
  printf 'Per-run key→paint medians (ms):\n\n%s\n\n' "$run_table"
  printf 'First load as served by the mock API (KB; the home page, the catalog alone; brotli from `dist/catalog/*.br`, the file itself where no copy is smaller):\n\n'
  printf '| file | raw | brotli |\n|---|--:|--:|\n%s\n\n' "$size_rows"
  printf '<details><summary>Harness checks (all samples: target/bench-results/%s.json)</summary>\n\n%s\n\n</details>\n' "$stamp" "$checks"
} >>"$doc"

# Every sample stays beside the build (not committed): the section names the files.
mkdir -p target/bench-results
cp "$tmp/side.md" "target/bench-results/$stamp.md"
cp "$tmp/side.json" "target/bench-results/$stamp.json"

step "appended to $doc"
tail -n 40 "$doc"
