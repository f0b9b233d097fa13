#!/usr/bin/env bash
# Whole-program kiosk figures under Xvfb (Mesa llvmpipe), printed as BENCH lines:
#   kiosk_idle_cpu_home         CPU over IDLE_SECONDS (default 60) untouched on the home screen, window open
#   kiosk_attract_cpu           CPU over ATTRACT_SECONDS (default 300) of the attract loop
#   kiosk_peak_rss_district     peak RSS with the district preset
# Usage: bench/kiosk_idle_cpu.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: kiosk_idle_cpu.sh BUILD_DIR}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi
kiosk=$build/kiosk/gongshi-kiosk
demo=$build/tools/gongshi-demo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Runs the kiosk with ARGS, waits SETTLE seconds, then measures CPU over SECONDS.
# Prints "<percent of one core> <peak RSS kB>".
measure() {
  local settle=$1 seconds=$2; shift 2
  "$kiosk" --windowed 1920x1080 "$@" &
  local pid=$!
  sleep "$settle"
  local t0; t0=$(cpu_ticks "$pid")
  sleep "$seconds"
  local t1; t1=$(cpu_ticks "$pid")
  local hwm; hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$seconds" -v hwm="$hwm" 'BEGIN { printf "%.3f %d\n", 100 * d / hz / s, hwm }'
}

"$demo" --preset community --cache "$work/community.db" --quiet
read -r idle_cpu idle_rss < <(measure 5 "${IDLE_SECONDS:-60}" --cache "$work/community.db")
echo "BENCH kiosk_idle_cpu_home $idle_cpu %core"
echo "BENCH kiosk_peak_rss_community $((idle_rss / 1024)) MB"

cat > "$work/attract.toml" <<TOML
cache = "$work/community.db"
[idle]
attract_after = 1
attract_step = 10
TOML
read -r attract_cpu _ < <(measure 5 "${ATTRACT_SECONDS:-300}" --config "$work/attract.toml")
echo "BENCH kiosk_attract_cpu $attract_cpu %core"

"$demo" --preset district --cache "$work/district.db" --quiet
read -r _ district_rss < <(measure 15 5 --cache "$work/district.db")
echo "BENCH kiosk_peak_rss_district $((district_rss / 1024)) MB"
