#!/usr/bin/env bash
# Proves that an acknowledged submission survives a crash (loopback only, bounded in time).
#
#   scripts/crash-test.sh [KILLS]        # default 5 kills; about 30 s after the API is built
#
# Starts the mock API on 127.0.0.1:${CRASH_PORT:-3400} with a fresh data directory, submits
# applications in a loop (scripts/crash-submit.mjs: a new Idempotency-Key each, the same request
# retried with the same key while the API is down), and kill -9s the API KILLS times at random
# moments mid-stream, restarting it each time. After every kill the store must pass
# `PRAGMA integrity_check` (portal-mock-api --check-store); at the end every acknowledged reference
# must be present with the answers sent, and no key may have made two applications.
# Prints: submissions acknowledged, kills, lost = 0.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

kills=${1:-5}
port=${CRASH_PORT:-3400}
base="http://127.0.0.1:${port}"
cargo build -q -p portal-mock-api
bin="${CARGO_TARGET_DIR:-target}/debug/portal-mock-api"

data=$(mktemp -d)
api=""
submitter=""
cleanup() {
  [ -n "$submitter" ] && kill "$submitter" 2>/dev/null || true
  [ -n "$api" ] && kill -9 "$api" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

start_api() {
  "$bin" --addr "127.0.0.1:${port}" --data-dir "$data/store" >>"$data/api.log" 2>&1 &
  api=$!
  for _ in $(seq 1 100); do
    curl -fsS "${base}/api/health" >/dev/null 2>&1 && return 0
    kill -0 "$api" 2>/dev/null || break
    sleep 0.1
  done
  echo "crash-test: the API did not start" >&2
  cat "$data/api.log" >&2
  exit 1
}

start_api
touch "$data/acked.jsonl"
timeout 300 node scripts/crash-submit.mjs submit "$base" "$data/acked.jsonl" "$data/stop" &
submitter=$!

for kill_no in $(seq 1 "$kills"); do
  # A random moment 0.5–2 s into this run, so kills land mid-request as well as between requests.
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", 0.5 + (r % 150) / 100 }')"
  if ! kill -0 "$submitter" 2>/dev/null; then
    echo "crash-test: the submitter stopped early" >&2
    exit 1
  fi
  before=$(wc -l <"$data/acked.jsonl")
  kill -9 "$api"
  wait "$api" 2>/dev/null || true
  api=""
  "$bin" --check-store --data-dir "$data/store"
  echo "crash-test: kill ${kill_no}/${kills} after ${before} acknowledged"
  start_api
done

# Let the submitter finish its retry against the last server, then stop it and check everything.
sleep 1
touch "$data/stop"
wait "$submitter"
submitter=""
node scripts/crash-submit.mjs verify "$base" "$data/acked.jsonl"
kill "$api"
wait "$api" 2>/dev/null || true
api=""
"$bin" --check-store --data-dir "$data/store"
echo "crash-test: ${kills} kills, lost = 0"
