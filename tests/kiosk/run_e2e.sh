#!/usr/bin/env bash
# One end-to-end run: a demo cache, the real kiosk binary under Xvfb replaying a script in a
# window of the given size, then every screenshot checked by png_check.
# Usage: run_e2e.sh KIOSK DEMO_TOOL PNG_CHECK SCRIPT WxH OUT_DIR [EXPECTED_ERROR_REGEX]
# With EXPECTED_ERROR_REGEX the run must fail and its error must match (a failing step test).
set -euo pipefail
kiosk=$1 demo=$2 check=$3 script=$4 size=$5 out=$6 expected_error=${7:-}

rm -rf "$out"
mkdir -p "$out/shots"
# A kiosk code as after a first sync, so the wish flow can make tracking codes without a server.
"$demo" --preset community --cache "$out/cache.db" --kiosk-code E2E --quiet
status=0
xvfb-run -a -s "-screen 0 1920x1080x24" \
  "$kiosk" --windowed "$size" --cache "$out/cache.db" --script "$script" --screenshot-dir "$out/shots" \
  2> "$out/stderr.txt" || status=$?
cat "$out/stderr.txt" >&2

if [ -n "$expected_error" ]; then
  [ "$status" -ne 0 ] || { echo "expected the script to fail, it passed" >&2; exit 1; }
  grep -Eq "$expected_error" "$out/stderr.txt" || { echo "error did not match: $expected_error" >&2; exit 1; }
  exit 0
fi
[ "$status" -eq 0 ] || { echo "kiosk exited with $status" >&2; exit 1; }
shopt -s nullglob
shots=("$out"/shots/*.png)
[ ${#shots[@]} -gt 0 ] || { echo "no screenshots in $out/shots" >&2; exit 1; }
"$check" --size "$size" "${shots[@]}"
