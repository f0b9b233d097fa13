#!/usr/bin/env bash
# Runs scripts/demo.sh on this build with no display (so under Xvfb), then checks that every
# screenshot of the tour is a real picture. The tour itself fails if the synced data is missing.
set -euo pipefail
source_dir=$1 build_dir=$2 png_check=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
env -u DISPLAY GONGSHI_SKIP_BUILD=1 GONGSHI_BUILD_DIR="$build_dir" GONGSHI_OUT="$out" \
  "$source_dir/scripts/demo.sh" community
shots=("$out"/screenshots/*.png)
[ "${#shots[@]}" -ge 10 ] || { echo "expected at least 10 screenshots, got ${#shots[@]}" >&2; exit 1; }
for shot in "${shots[@]}"; do "$png_check" "$shot"; done
echo "demo e2e: ${#shots[@]} screenshots checked in $out/screenshots"
