#!/usr/bin/env bash
# Smoke test of the README's first command: scripts/dev.sh serves the app on 127.0.0.1:8080,
# proxies /api to the mock API on 127.0.0.1:3000, and Ctrl-C (SIGINT to its process group, as a
# terminal sends it) stops both, leaving nothing listening.
set -euo pipefail
cd "$(dirname "$0")/.."

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 3000 8080; do
  if port_open "$port"; then echo "check-dev: port $port is already in use" >&2; exit 1; fi
done

log=$(mktemp)
setsid scripts/dev.sh >"$log" 2>&1 &
dev_pid=$!
cleanup() { kill -KILL -- "-$dev_pid" 2>/dev/null || true; rm -f "$log"; }
trap cleanup EXIT

fail() { echo "check-dev: $*" >&2; tail -20 "$log" >&2; exit 1; }

# trunk serve compiles a debug build first: allow a few minutes.
for _ in $(seq 300); do
  curl -sf http://127.0.0.1:8080/api/health >/dev/null 2>&1 && break
  kill -0 "$dev_pid" 2>/dev/null || fail "scripts/dev.sh exited early"
  sleep 1
done
curl -sf http://127.0.0.1:8080/api/health >/dev/null || fail "no API through trunk's proxy after 300 s"

items=$(curl -sf http://127.0.0.1:8080/api/items) || fail "/api/items through the proxy failed"
[ "${items:0:2}" = '[{' ] || fail "/api/items through the proxy is not a JSON list"
page=$(curl -sf http://127.0.0.1:8080/items/any-deep-link) || fail "a deep link failed"
[[ "$page" == *'<html lang="zh-CN">'* ]] || fail "no SPA fallback for a deep link"
echo "check-dev: 8080 serves the app and proxies /api to the mock API"

kill -INT -- "-$dev_pid"
for _ in $(seq 100); do
  if ! kill -0 "$dev_pid" 2>/dev/null && ! port_open 3000 && ! port_open 8080; then
    echo "check-dev: Ctrl-C ended scripts/dev.sh; nothing left listening on 3000 or 8080"
    exit 0
  fi
  sleep 0.2
done
fail "20 s after Ctrl-C, scripts/dev.sh is still running or something listens on 3000 or 8080"
