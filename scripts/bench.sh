#!/usr/bin/env bash
# The benchmark runner (issue 8): builds Release in build-bench, generates the demo presets, runs
# every benchmark and prints its figures as `BENCH name value unit [ratio=r baseline=name]` lines
# (docs/PERFORMANCE.md says what each one means). About 5 minutes on 2 cores once built.
#   scripts/bench.sh                 # everything; the output is also kept in build-bench/bench.txt
# IDLE_SECONDS (default 60), ATTRACT_SECONDS (default 60) and STARTUP_RUNS (default 7) shorten or
# lengthen the slow parts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
build=${GONGSHI_BENCH_DIR:-$root/build-bench}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)" --target gongshi-bench-cache gongshi-bench-sync gongshi-bench-kiosk \
  gongshi-bench-startup gongshi-bench-bare-window gongshi-kiosk gongshi-demo gongshi-server >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report=$build/bench.txt
: >"$report"
# Every line goes to the terminal and the report; timing lines of the sections too.
run() {
  local section=$1; shift
  local start=$SECONDS
  echo "# $section" | tee -a "$report"
  "$@" 2>&1 | tee -a "$report"
  echo "# $section took $((SECONDS - start)) s" | tee -a "$report"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), Release, $(git -C "$root" rev-parse --short HEAD 2>/dev/null)" |
  tee -a "$report"
run "demo presets" bash -c "'$build/tools/gongshi-demo' --preset district --cache '$work/district.db' --quiet &&
  '$build/tools/gongshi-demo' --preset community --cache '$work/community.db' --quiet && echo generated"
run "cache: import vs raw insert, rankings, search" "$build/bench/gongshi-bench-cache"
run "sync: full sync vs plain curl, no-change poll" "$build/bench/gongshi-bench-sync"
run "kiosk headless: frames, atlas, keystrokes" "$build/bench/gongshi-bench-kiosk"
run "kiosk under Xvfb: cold start and peak RSS vs a bare GLFW+ImGui window" \
  xvfb-run -a -s "-screen 0 1920x1080x24" "$build/bench/gongshi-bench-startup" "$build/kiosk/gongshi-kiosk" \
  "$build/bench/gongshi-bench-bare-window" "${STARTUP_RUNS:-7}" community="$work/community.db" district="$work/district.db"
run "kiosk under Xvfb: idle CPU, attract CPU, peak RSS" \
  env IDLE_SECONDS="${IDLE_SECONDS:-60}" ATTRACT_SECONDS="${ATTRACT_SECONDS:-60}" "$root/bench/kiosk_idle_cpu.sh" "$build"
echo "# $(grep -c '^BENCH ' "$report") figures; errors: $(grep -c '^ERROR' "$report" || true)" | tee -a "$report"
