#!/usr/bin/env bash
# Starts the portal for development: the mock API on 127.0.0.1:3000 and `trunk serve` on
# 127.0.0.1:8080, which rebuilds on change and proxies /api to the mock API. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

cargo build -p portal-mock-api
./target/debug/portal-mock-api --addr 127.0.0.1:3000 &
api_pid=$!
# Whatever ends this script (Ctrl-C, trunk failing, the API failing) also ends the API.
trap 'kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

for _ in $(seq 50); do
  kill -0 "$api_pid" 2>/dev/null || { echo "dev: the mock API did not start (see above)" >&2; exit 1; }
  if (exec 3<>/dev/tcp/127.0.0.1/3000) 2>/dev/null; then break; fi
  sleep 0.2
done

echo "dev: portal at http://127.0.0.1:8080 (API http://127.0.0.1:3000). Ctrl-C stops both."
trunk serve --address 127.0.0.1 --port 8080
