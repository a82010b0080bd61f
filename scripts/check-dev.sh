#!/usr/bin/env bash
# Smoke test of the README's first command, scripts/dev.sh:
#   1. it serves the app on 127.0.0.1:8080, proxies /api to the mock API on 127.0.0.1:3000, and
#      Ctrl-C (SIGINT to its process group, as a terminal sends it) stops both, quietly, leaving
#      nothing listening;
#      The staff workspace (its own trunk serve on 8081) answers /staff through 8080;
#   2. a port already taken (3000, 8080 or 8081) stops it at once with a message and a non-zero exit;
#   3. an API that dies while trunk runs stops everything with a message and a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 3000 8080 8081; do
  if port_open "$port"; then echo "check-dev: port $port is already in use" >&2; exit 1; fi
done

log=$(mktemp)
dev_pid=
squatter_pid=
cleanup() {
  [ -z "$dev_pid" ] || kill -KILL -- "-$dev_pid" 2>/dev/null || true
  [ -z "$squatter_pid" ] || kill "$squatter_pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT

fail() { echo "check-dev: $*" >&2; tail -20 "$log" >&2; exit 1; }

# As from a terminal: its own process group, SIGINT not ignored (a script's background jobs
# otherwise start with SIGINT ignored, which no terminal does).
start_dev() {
  : >"$log"
  setsid env --default-signal=INT scripts/dev.sh >"$log" 2>&1 &
  dev_pid=$!
}

# trunk serve compiles a debug build first (from cold on 2 cores, several minutes): allow 10.
wait_until_serving() {
  for _ in $(seq 600); do
    curl -sf http://127.0.0.1:8080/api/health >/dev/null 2>&1 && return 0
    kill -0 "$dev_pid" 2>/dev/null || fail "scripts/dev.sh exited early"
    sleep 1
  done
  fail "no API through trunk's proxy after 600 s"
}

# Waits up to 20 s for dev.sh to end and both ports to close; sets dev_status to its exit status.
dev_status=
wait_until_stopped() {
  for _ in $(seq 100); do
    if ! kill -0 "$dev_pid" 2>/dev/null; then
      dev_status=0
      wait "$dev_pid" || dev_status=$?
      dev_pid=
      for _ in $(seq 50); do
        if ! port_open 3000 && ! port_open 8080 && ! port_open 8081; then return 0; fi
        sleep 0.2
      done
      fail "scripts/dev.sh ended but something still listens on 3000, 8080 or 8081"
    fi
    sleep 0.2
  done
  fail "20 s on, scripts/dev.sh is still running"
}

# 1. Serves, proxies, falls back on deep links; Ctrl-C stops everything, without a false alarm.
start_dev
wait_until_serving
items=$(curl -sf http://127.0.0.1:8080/api/items) || fail "/api/items through the proxy failed"
[ "${items:0:2}" = '[{' ] || fail "/api/items through the proxy is not a JSON list"
page=$(curl -sf http://127.0.0.1:8080/items/any-deep-link) || fail "a deep link failed"
[[ "$page" == *'<html lang="zh-CN">'* ]] || fail "no SPA fallback for a deep link"
# The staff workspace's trunk may still be building (it waits for cargo's lock): allow 10 min.
for _ in $(seq 600); do
  staff=$(curl -sf http://127.0.0.1:8080/staff/catalog) && break
  sleep 1
done
[[ "${staff:-}" == *'data-bin="portal-staff"'* || "${staff:-}" == *'portal-staff'* ]] ||
  fail "/staff/catalog through 8080 is not the staff workspace"
asset=$(grep -o '/staff-app/portal-staff-[0-9a-f]*\.js' <<<"$staff" | head -1)
[ -n "$asset" ] || fail "the staff page names no /staff-app/ script"
curl -sf -o /dev/null "http://127.0.0.1:8080$asset" || fail "the staff script $asset is not served through 8080"
echo "check-dev: 8080 serves the app, proxies /api to the mock API and /staff to the staff workspace"

kill -INT -- "-$dev_pid"
wait_until_stopped
! grep -q "exited unexpectedly" "$log" || fail "Ctrl-C was reported as the API failing"
echo "check-dev: Ctrl-C ended scripts/dev.sh; nothing left listening on 3000, 8080 or 8081"

# 2. A port already taken: a loud, immediate failure (before any build), for either port.
for port in 3000 8080 8081; do
  python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1 &
  squatter_pid=$!
  for _ in $(seq 50); do port_open "$port" && break; sleep 0.1; done
  port_open "$port" || fail "could not occupy port $port for the test"
  status=0
  timeout 60 scripts/dev.sh >"$log" 2>&1 || status=$?
  [ "$status" -ne 0 ] || fail "scripts/dev.sh exited 0 with port $port taken"
  [ "$status" -ne 124 ] || fail "scripts/dev.sh kept running with port $port taken"
  grep -q "port $port is already in use" "$log" || fail "no message naming busy port $port"
  kill "$squatter_pid"
  wait "$squatter_pid" 2>/dev/null || true
  squatter_pid=
  echo "check-dev: port $port taken → scripts/dev.sh stops at once (exit $status): $(head -1 "$log")"
done

# 3. The API dies after start (killed as a crash would): dev.sh stops trunk too and says why.
start_dev
wait_until_serving
api_pid=$(ps -o pid=,comm= --ppid "$dev_pid" | awk '$2 == "portal-mock-api" { print $1 }')
[ -n "$api_pid" ] || fail "no portal-mock-api process under scripts/dev.sh"
kill -KILL "$api_pid"
wait_until_stopped
[ "$dev_status" -ne 0 ] || fail "scripts/dev.sh exited 0 after the API died"
grep -q "mock API (127.0.0.1:3000) exited unexpectedly" "$log" || fail "no message about the API"
echo "check-dev: the API killed → scripts/dev.sh stopped trunk (exit $dev_status) and said so"
