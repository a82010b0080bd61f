#!/usr/bin/env bash
# Starts the portal for development: the mock API on 127.0.0.1:3000 and `trunk serve` on
# 127.0.0.1:8080, which rebuilds on change and proxies /api to the mock API. The staff workspace
# (its own wasm) has its own `trunk serve` on 127.0.0.1:8081 (Trunk.staff.toml); 8080 proxies
# /staff to it, so everything is at http://127.0.0.1:8080. Ctrl-C stops all three.
#
# Fails loudly, never half-started: a port already taken (a forgotten dev.sh would have trunk
# proxy to stale code), an API that does not come up, or an API or staff trunk that dies while
# the portal's trunk runs each stop everything with one line saying why, and a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."

API_PORT=3000
APP_PORT=8080
STAFF_PORT=8081

say() { echo "dev: $*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Who holds a port, when ss can tell (same user only): " (python3, pid 123)".
holder() {
  command -v ss >/dev/null || return 0
  ss -ltnpH "sport = :$1" 2>/dev/null |
    sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/ (\1, pid \2)/p' | head -1
}
check_ports_free() {
  local port
  for port in "$API_PORT" "$APP_PORT" "$STAFF_PORT"; do
    if port_open "$port"; then
      say "port $port is already in use$(holder "$port"): stop that process (a previous scripts/dev.sh?) and run again"
      exit 1
    fi
  done
}

# Before the (slow) setup and build, and again just before starting.
check_ports_free
scripts/setup.sh
source scripts/env.sh
cargo build -p portal-mock-api
check_ports_free

run_dir=$(mktemp -d)
api_pid=
staff_pid=
watcher_pid=
stop_all() {
  # The watcher first, so stopping the API on purpose is not reported as a failure.
  [ -z "$watcher_pid" ] || { kill "$watcher_pid" 2>/dev/null || true; wait "$watcher_pid" 2>/dev/null || true; }
  [ -z "$staff_pid" ] || { kill "$staff_pid" 2>/dev/null || true; wait "$staff_pid" 2>/dev/null || true; }
  [ -z "$api_pid" ] || { kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; }
  rm -rf "$run_dir"
}
# Whatever ends this script (Ctrl-C, trunk failing, the API failing) also ends the API.
trap stop_all EXIT
trap 'if [ -e "$run_dir/api-died" ]; then exit 1; else exit 130; fi' INT TERM

./target/debug/portal-mock-api --addr "127.0.0.1:$API_PORT" &
api_pid=$!
for _ in $(seq 100); do
  kill -0 "$api_pid" 2>/dev/null || { say "the mock API did not start (see above)"; exit 1; }
  if port_open "$API_PORT"; then break; fi
  sleep 0.1
done
port_open "$API_PORT" || { say "the mock API did not listen on $API_PORT within 10 s"; exit 1; }

trunk serve --config Trunk.staff.toml --address 127.0.0.1 --port "$STAFF_PORT" &
staff_pid=$!

# Watch the API and the staff trunk while the portal's trunk runs: if one exits, trunk would
# serve an app whose /api or /staff is gone, so stop everything as Ctrl-C would: SIGINT to this
# script's process group when it leads one (as in a terminal), else to trunk alone; SIGTERM to
# trunk if it ignores that.
(
  trap 'exit 0' INT TERM
  while kill -0 "$api_pid" 2>/dev/null && kill -0 "$staff_pid" 2>/dev/null; do sleep 0.3; done
  # A Ctrl-C stops them too, and reaches this watcher (above) or has the script stop it
  # (stop_all) within moments: only a process that died on its own finds the watcher still here.
  sleep 2
  trap '' INT
  touch "$run_dir/api-died"
  if kill -0 "$api_pid" 2>/dev/null; then
    say "the staff workspace's trunk serve (127.0.0.1:$STAFF_PORT) exited unexpectedly (see above); stopping trunk"
  else
    say "the mock API (127.0.0.1:$API_PORT) exited unexpectedly (see above); stopping trunk"
  fi
  trunk_pid=$(cat "$run_dir/trunk.pid" 2>/dev/null || true)
  kill -INT -- "-$$" 2>/dev/null || kill -INT "$trunk_pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$trunk_pid" 2>/dev/null || exit 0
    sleep 0.1
  done
  kill -TERM "$trunk_pid" 2>/dev/null || true
) &
watcher_pid=$!

echo "dev: portal at http://127.0.0.1:$APP_PORT, staff workspace at http://127.0.0.1:$APP_PORT/staff (API http://127.0.0.1:$API_PORT). Ctrl-C stops all."
# In the foreground, so a terminal's Ctrl-C reaches trunk and its cargo build directly; the pid
# file is for the watcher's fallback.
status=0
bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$run_dir/trunk.pid" \
  trunk serve --address 127.0.0.1 --port "$APP_PORT" || status=$?
if [ -e "$run_dir/api-died" ]; then exit 1; fi
exit "$status"
