#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds, starts the reference server with
# demo data on 127.0.0.1, and runs the kiosk against it. Closing the kiosk stops the server.
#   scripts/demo.sh [community|district]
# With a display the kiosk opens a 1920x1080 window (GONGSHI_FULLSCREEN=1 for kiosk mode).
# Without one it runs under Xvfb, tours the screens and writes screenshots to out/screenshots/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
preset=${1:-community}
case "$preset" in
  community) community=c-demo ;;
  district) community=c-district ;;
  *) echo "usage: scripts/demo.sh [community|district]" >&2; exit 2 ;;
esac
# GONGSHI_SKIP_BUILD=1 and GONGSHI_OUT=DIR let the e2e test run this very script on its own build.
[ "${GONGSHI_SKIP_BUILD:-0}" = 1 ] || "$root/scripts/build.sh" --target gongshi-server gongshi-kiosk
build=${GONGSHI_BUILD_DIR:-$root/build}
out=${GONGSHI_OUT:-$root/out}/$preset
mkdir -p "$out/kiosk"
source "$root/scripts/lib/demo_server.sh"
trap stop_demo_server EXIT
start_demo_server "$build/server/gongshi-server" "$preset" "$out/server" "$out/server.log"
port=$(cat "$out/server/port")
grep -E "listening|PIN" "$out/server.log" || true

kiosk=("$build/kiosk/gongshi-kiosk" --server "http://127.0.0.1:$port" --community "$community"
       --token-file "$out/server/demo-kiosk.token" --cache "$out/kiosk/cache.db")
if [ -n "${DISPLAY:-}" ]; then
  if [ "${GONGSHI_FULLSCREEN:-0}" = 1 ]; then "${kiosk[@]}"; else "${kiosk[@]}" --windowed 1920x1080; fi
else
  shots=${GONGSHI_OUT:-$root/out}/screenshots
  mkdir -p "$shots"
  xvfb-run -a -s "-screen 0 1920x1080x24" \
    "${kiosk[@]}" --windowed 1920x1080 --script "$root/assets/demo-tour.script" --screenshot-dir "$shots"
  echo "no display: the kiosk toured its screens under Xvfb; screenshots in $shots:"
  ls "$shots"
fi
