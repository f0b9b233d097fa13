# Sourced by the scripts that run the reference server with demo data (scripts/demo.sh, the GL
# soak, the wish delivery e2e).
# start_demo_server BIN PRESET DATA_DIR LOG [PORT] starts it in the background on PORT (default:
# a free loopback port it picks) and returns once it has written DATA_DIR/port; stop_demo_server
# stops it. A caller that wants it gone when it exits says so: trap stop_demo_server EXIT.
start_demo_server() {
  local bin=$1 preset=$2 data=$3 log=$4 port=${5:-0}
  mkdir -p "$data"
  rm -f "$data/port"
  "$bin" --demo "$preset" --port "$port" --data "$data" >"$log" 2>&1 &
  demo_server_pid=$!
  for _ in $(seq 1 600); do
    [ -s "$data/port" ] && return 0
    kill -0 "$demo_server_pid" 2>/dev/null || { cat "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "the server did not write its port within 60 s ($log)" >&2
  return 1
}

stop_demo_server() {
  [ -n "${demo_server_pid:-}" ] || return 0
  kill "$demo_server_pid" 2>/dev/null || true
  wait "$demo_server_pid" 2>/dev/null || true
  demo_server_pid=
}
