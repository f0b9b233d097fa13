#!/usr/bin/env bash
# A wish posted offline survives kill -9 and reaches the server exactly once; then nothing the
# resident typed (name, phone) is left in the kiosk's database files, read as raw bytes.
#   0. the server up: the kiosk runs once, syncs the cache and learns its kiosk code;
#   1. the server down: the real kiosk binary under Xvfb posts a wish through the 5-step flow;
#   2. kill -9 the kiosk as soon as the wish is in outbox.db;
#   3. restart the kiosk, then start the server again on the same port with the same data;
#   4. the server holds exactly one wish with that tracking code, with the name and phone given;
#   5. once the kiosk has the acknowledgement, cache.db, outbox.db and their -wal/-journal files
#      contain neither the phone number nor the name, and no log line holds them or the text.
# Usage: run_wish_delivery_e2e.sh KIOSK SERVER PNG_CHECK OUT_DIR
set -euo pipefail
kiosk=$1 server=$2 check=$3 out=$4
community=c-demo
rm -rf "$out"
mkdir -p "$out/server" "$out/kiosk" "$out/shots"
kiosk_pid_file=$out/kiosk.pid
source "$(dirname "$0")/../../scripts/lib/demo_server.sh"

fail() { echo "wish delivery e2e: $*" >&2; exit 1; }

# A loopback port nobody listens on now; the server takes it in step 0 and again in step 3.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

start_server() {  # start_server NAME: the log is server-NAME.log
  start_demo_server "$server" community "$out/server" "$out/server-$1.log" "$port" || fail "the server did not start"
}
kiosk_running() { [ -s "$kiosk_pid_file" ] && kill -0 "$(cat "$kiosk_pid_file")" 2>/dev/null; }
kill_kiosk() {  # -9: as a power cut or a crash would
  kiosk_running && kill -9 "$(cat "$kiosk_pid_file")" 2>/dev/null || true
  [ -z "${xvfb_pid:-}" ] || wait "$xvfb_pid" 2>/dev/null || true
  xvfb_pid=
  rm -f "$kiosk_pid_file"
}
trap 'kill_kiosk; stop_demo_server' EXIT

# Runs the kiosk under Xvfb with a script, in the background; its pid is written to the pid file.
start_kiosk() {  # start_kiosk NAME SCRIPT
  local name=$1 script=$2
  xvfb-run -a -s "-screen 0 1920x1080x24" sh -c 'echo $$ > "$0"; exec "$@"' "$kiosk_pid_file" \
    "$kiosk" --windowed 1920x1080 --server "http://127.0.0.1:$port" --community "$community" \
    --token-file "$out/server/demo-kiosk.token" --cache "$out/kiosk/cache.db" \
    --script "$script" --screenshot-dir "$out/shots" >"$out/kiosk-$name.log" 2>&1 &
  xvfb_pid=$!
}
# until SECONDS COMMAND...: polls every 0.2 s.
until_true() {
  local seconds=$1; shift
  for _ in $(seq 1 $((seconds * 5))); do
    "$@" && return 0
    sleep 0.2
  done
  return 1
}
sql() { sqlite3 -batch -noheader "$@"; }
has_kiosk_code() { [ -n "$(sql "$out/kiosk/outbox.db" "SELECT value FROM identity WHERE key = 'kiosk_code'" 2>/dev/null)" ]; }
wish_rows() { sql "$out/kiosk/outbox.db" "SELECT count(*) FROM outbox WHERE kind = 'wish'" 2>/dev/null || echo 0; }
wish_queued() { [ "$(wish_rows)" = 1 ]; }
wish_acknowledged() { [ "$(wish_rows)" = 0 ] && [ "$(sql "$out/kiosk/outbox.db" "SELECT count(*) FROM receipt WHERE kind = 'wish'")" = 1 ]; }

# ---- 0. online once: the cache and the kiosk code ----
start_server first
cat >"$out/learn.script" <<'EOF'
wait 600000
EOF
start_kiosk learn "$out/learn.script"
until_true 60 has_kiosk_code || fail "the kiosk did not learn its code (see $out/kiosk-learn.log)"
until_true 60 test -s "$out/kiosk/cache.db" || fail "no cache"
kiosk_code=$(sql "$out/kiosk/outbox.db" "SELECT value FROM identity WHERE key = 'kiosk_code'")
until_true 60 sh -c "[ \"\$(sqlite3 '$out/kiosk/cache.db' 'SELECT count(*) FROM grid' 2>/dev/null)\" -gt 0 ]" ||
  fail "the first sync brought no grids"
kill_kiosk
stop_demo_server
place=$(sql "$out/kiosk/cache.db" "SELECT name FROM grid ORDER BY id LIMIT 1")
echo "kiosk code $kiosk_code; posting for $place"

# ---- 1. offline: the 5-step flow through the real binary ----
cat >"$out/post.script" <<EOF
tap 微心愿
tap 我要许愿
tap 生活帮扶
tap 下一步
tap 帮忙取快递
tap 下一步
tap $place
tap 点此输入称呼
tap mode
keys wangxiaoming
tap done
tap 下一步
tap 同意并填写
keys 13812341234
tap 下一步
screenshot offline-confirm
tap 提交
screenshot offline-submitted
wait 600000
EOF
start_kiosk post "$out/post.script"
until_true 90 wish_queued || { cat "$out/kiosk-post.log" >&2; fail "no wish row in the outbox"; }
row=$(sql -separator '|' "$out/kiosk/outbox.db" \
  "SELECT json_extract(CAST(body AS TEXT), '$.tracking_code'), json_extract(CAST(body AS TEXT), '$.display_name'),
          json_extract(CAST(body AS TEXT), '$.phone'), json_extract(CAST(body AS TEXT), '$.text') FROM outbox")
IFS='|' read -r code name phone text <<<"$row"
# Letters, not a pinyin candidate: a name whose bytes cannot occur by chance (the masked form
# keeps its first character, which the cache may legitimately hold).
[ -n "$code" ] && [ "$name" = wangxiaoming ] && [ "$phone" = 13812341234 ] || fail "unexpected outbox row: $row"
case "$code" in "$kiosk_code"-*) ;; *) fail "tracking code $code lacks the kiosk code $kiosk_code" ;; esac
echo "queued $code offline (name of ${#name} bytes, phone given)"

# ---- 2. kill -9 ----
until_true 30 test -s "$out/shots/offline-submitted.png" || true
kill_kiosk
[ "$(wish_rows)" = 1 ] || fail "the wish did not survive kill -9"

# ---- 3. restart the kiosk, then the server ----
cat >"$out/deliver.script" <<'EOF'
wait 600000
EOF
start_kiosk deliver "$out/deliver.script"
sleep 2
start_server again
# The kiosk polls every 30 s: it finds the server on its next cycle.
until_true 120 wish_acknowledged || { cat "$out/kiosk-deliver.log" >&2; fail "the wish was not acknowledged"; }

# ---- 4. exactly once, with what the resident gave ----
count=$(sql "$out/server/server.db" \
  "SELECT count(*) FROM entities WHERE kind = 'wish' AND json_extract(data, '$.tracking_code') = '$code'")
[ "$count" = 1 ] || fail "the server holds $count wishes with code $code"
admin=$(cat "$out/server/admin.token")
contact=$(curl -sf -H "Authorization: Bearer $admin" \
  "http://127.0.0.1:$port/admin/communities/$community/wishes/w-$code/contact")
[[ "$contact" == *"$phone"* ]] || fail "the server did not get the phone number: $contact"
echo "delivered exactly once: $count wish with code $code"
# The wish comes back in the feed on the kiosk's next cycle, its name masked.
in_cache() { [ "$(sql "$out/kiosk/cache.db" "SELECT count(*) FROM wish WHERE tracking_code = '$code'" 2>/dev/null)" = 1 ]; }
until_true 120 in_cache || fail "the delivered wish never reached the kiosk's cache"

# ---- 5. nothing the resident typed left on the kiosk ----
leftovers() {
  local found=0
  for f in "$out"/kiosk/cache.db "$out"/kiosk/cache.db-wal "$out"/kiosk/outbox.db "$out"/kiosk/outbox.db-wal \
           "$out"/kiosk/*-journal; do
    [ -e "$f" ] || continue
    for secret in "$phone" "$name"; do
      if grep -a -F -q -- "$secret" "$f"; then
        echo "$(basename "$f") holds a secret of ${#secret} bytes" >&2
        found=1
      fi
    done
  done
  return $found
}
# The sync thread erases the row and truncates the WAL in the same step as the receipt; a reader
# on the UI thread can hold the checkpoint back until its next attempt, so allow a few seconds.
until_true 30 leftovers || fail "personal data is still in the kiosk's files while it runs"
kill_kiosk
stop_demo_server
leftovers || fail "personal data is in the kiosk's files after it stopped"
for log in "$out"/kiosk-*.log; do
  for secret in "$phone" "$name" "$text"; do
    grep -a -F -q -- "$secret" "$log" && fail "$(basename "$log") holds what the resident typed"
  done
done
"$check" --size 1920x1080 "$out"/shots/offline-*.png
echo "wish delivery e2e: ok"
