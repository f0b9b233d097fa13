#!/usr/bin/env bash
# Command 2 of the README: installs what is missing, builds, and runs every test
# (labels unit, integration, ui, e2e, reliability; the long proofs are scripts/prove.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
build=${GONGSHI_BUILD_DIR:-$root/build}
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 900 "$@"
