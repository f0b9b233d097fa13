#!/usr/bin/env bash
# Runs a test binary with libfaketime preloaded: the wall clock is the real one plus the offset
# in OFFSET_FILE, re-read at every call (so the test can jump it), the monotonic clock untouched.
# Usage: run_with_faketime.sh OFFSET_FILE BINARY [ARGS...]
set -euo pipefail
offset_file=$1
shift
lib=$(find /usr/lib -name 'libfaketimeMT.so.1' -print -quit)
[ -n "$lib" ] || { echo "libfaketime is missing (Debian package faketime)" >&2; exit 1; }
echo "+0" > "$offset_file"
export LD_PRELOAD=$lib FAKETIME_TIMESTAMP_FILE=$offset_file FAKETIME_NO_CACHE=1 FAKETIME_DONT_FAKE_MONOTONIC=1
# Under ASan the preloaded library comes before the sanitizer runtime, which is harmless here.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
exec "$@"
