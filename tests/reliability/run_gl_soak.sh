#!/usr/bin/env bash
# The GL soak: the real gongshi-kiosk binary under Xvfb (GLFW, OpenGL3 on Mesa, the real texture
# cache, the background sync engine) against the reference server's community demo, walking
# GONGSHI_SOAK_GL_INTERACTIONS random interactions (default 500; scripts/prove.sh: 5,000) in
# portrait. It prints RSS, open fds, threads and live textures at start, after a warm-up tenth,
# and at the end, and fails on growth after the warm-up: RSS by GONGSHI_SOAK_RSS_GROWTH_MB
# (default 50), the live malloc heap by GONGSHI_SOAK_HEAP_GROWTH_MB (default 16), fds by more
# than 2, threads by more than 1, textures beyond 64.
# Usage: run_gl_soak.sh KIOSK SERVER OUT_DIR
set -euo pipefail
kiosk=$1 server_bin=$2 out=$3
n=${GONGSHI_SOAK_GL_INTERACTIONS:-500}
rss_growth_kb=$(( ${GONGSHI_SOAK_RSS_GROWTH_MB:-50} * 1024 ))
heap_growth_kb=$(( ${GONGSHI_SOAK_HEAP_GROWTH_MB:-16} * 1024 ))
warm=$(( n / 10 > 0 ? n / 10 : 1 ))

rm -rf "$out"
mkdir -p "$out/kiosk"
source "$(dirname "$0")/../../scripts/lib/demo_server.sh"
trap stop_demo_server EXIT
start_demo_server "$server_bin" community "$out/server" "$out/server.log"
# The first sync (data and pictures) runs while the script waits; the walk then sees photos.
cat > "$out/soak.script" <<SCRIPT
wait 4000
stats start
walk $warm 11
stats warm
walk $(( n - warm )) 12
stats end
SCRIPT
status=0
xvfb-run -a -s "-screen 0 1080x1920x24" \
  "$kiosk" --windowed 1080x1920 --server "http://127.0.0.1:$(cat "$out/server/port")" --community c-demo \
  --token-file "$out/server/demo-kiosk.token" --cache "$out/kiosk/cache.db" --script "$out/soak.script" \
  > "$out/stdout.txt" 2> "$out/stderr.txt" || status=$?
cat "$out/stdout.txt"
[ "$status" -eq 0 ] || { tail -20 "$out/stderr.txt" >&2; echo "kiosk exited with $status" >&2; exit 1; }

field() { grep "^STATS $1 " "$out/stdout.txt" | sed -n "s/.* $2=\([0-9]*\).*/\1/p"; }
for f in rss_kb heap_kb fds threads textures; do
  [ -n "$(field start $f)" ] && [ -n "$(field end $f)" ] || { echo "no STATS $f in the output" >&2; exit 1; }
done
fail=0
grew_less_than() {  # FIELD BOUND_KB WHAT
  local growth=$(( $(field end $1) - $(field warm $1) ))
  [ "$growth" -lt "$2" ] || { echo "$3 grew by $growth kB after the warm-up" >&2; fail=1; }
}
grew_less_than rss_kb "$rss_growth_kb" RSS
grew_less_than heap_kb "$heap_growth_kb" "the live heap"
for f in fds threads; do
  d=$(( $(field end $f) - $(field warm $f) ))
  limit=$([ "$f" = fds ] && echo 2 || echo 1)
  [ "${d#-}" -le "$limit" ] || { echo "$f went from $(field warm $f) to $(field end $f)" >&2; fail=1; }
done
# The texture cache is bounded by its byte budget; more than a screenful of pictures means a leak.
[ "$(field end textures)" -le 64 ] || { echo "$(field end textures) live textures at the end" >&2; fail=1; }
exit $fail
