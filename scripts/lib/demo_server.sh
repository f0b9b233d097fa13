# Sourced by the scripts that run the reference server with demo data (scripts/demo.sh, the GL
# soak). start_demo_server BIN PRESET DATA_DIR LOG starts it on a free loopback port in the
# background, stops it when the script exits, and returns once it has written DATA_DIR/port.
start_demo_server() {
  local bin=$1 preset=$2 data=$3 log=$4
  mkdir -p "$data"
  rm -f "$data/port"
  "$bin" --demo "$preset" --port 0 --data "$data" >"$log" 2>&1 &
  demo_server_pid=$!
  trap 'kill "$demo_server_pid" 2>/dev/null; wait "$demo_server_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    [ -s "$data/port" ] && return 0
    kill -0 "$demo_server_pid" 2>/dev/null || { cat "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "the server did not write its port within 60 s ($log)" >&2
  return 1
}
