#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds, writes the community demo preset
# into a cache and shows what it holds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" --target gongshi-demo
build=${GONGSHI_BUILD_DIR:-$root/build}
mkdir -p "$root/out"
"$build/tools/gongshi-demo" --preset "${1:-community}" --cache "$root/out/demo-cache.db"
