#!/usr/bin/env bash
# The full proof (docs/RELIABILITY.md): what scripts/test.sh leaves out because it takes hours.
#   asan   an ASan+UBSan build of everything (build-asan) and the WHOLE ctest suite on it
#   fuzz   the libFuzzer targets built with clang-16 (build-fuzz), each run from its seed corpus
#   long   the long forms in a normal build (build): kill -9 on the district preset, the
#          100,000-interaction headless soak and the 5,000-interaction soak under Xvfb
# Usage: scripts/prove.sh [asan] [fuzz] [long]     (no argument: all three, in that order)
# GONGSHI_FUZZ_SECONDS (default 60) is each fuzz target's run. Logs go to out/prove/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
logs=$root/out/prove
mkdir -p "$logs"
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(asan fuzz long)

# Packages only the proof needs (clang-14, Debian's default, fails on libstdc++ 12's <ranges>).
install_proof_deps() {
  "$root/scripts/install-deps.sh"
  local packages=(clang-16 libclang-rt-16-dev llvm-16) missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "prove: installing ${missing[*]}" >&2
  local sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

run_asan() {
  local build=$root/build-asan
  local flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
  # -Werror off here only: this build proves run-time behaviour, and GCC's flow-based warnings
  # change under instrumentation; the normal build keeps warnings as errors.
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGSHI_WERROR=OFF \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
  cmake --build "$build" -j"$jobs"
  # Mesa unloads its DRI driver before LeakSanitizer runs; the shim keeps modules mapped so the
  # driver's lifetime allocations stay reachable from its globals (tests/sanitizers/). Built
  # without sanitizers, since it is preloaded into Xvfb too; libasan then need not come first.
  local shim=$build/keep_modules_loaded.so
  cc -shared -fPIC -O2 -Wall -Werror -o "$shim" "$root/tests/sanitizers/keep_modules_loaded.c"
  # Leaks are checked with our suppressions (one comment per entry); halt on the first report.
  LD_PRELOAD=$shim \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:verify_asan_link_order=0 \
  LSAN_OPTIONS=suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  GONGSHI_SOAK_RSS_GROWTH_MB=300 \
    ctest --test-dir "$build" --output-on-failure -j"$jobs" --timeout 1800 2>&1 | tee "$logs/asan-ctest.log"
}

run_fuzz() {
  local build=$root/build-fuzz seconds=${GONGSHI_FUZZ_SECONDS:-60}
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGSHI_FUZZ=ON \
    -DCMAKE_CXX_COMPILER=clang++-16 >/dev/null
  cmake --build "$build" -j"$jobs" --target fuzz_change_page fuzz_sanitize fuzz_image
  local target
  for target in change_page sanitize image; do
    # New inputs go to the build's corpus; the seeds in tests/fuzz stay as committed.
    local corpus=$build/corpus/$target
    mkdir -p "$corpus" "$build/artifacts"
    echo "prove: fuzzing $target for $seconds s" >&2
    local status=0
    "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$target-" "$corpus" "$root/tests/fuzz/$target" \
      >"$logs/fuzz-$target.log" 2>&1 || status=$?
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|peak_rss_mb)' "$logs/fuzz-$target.log" || true
    [ "$status" -eq 0 ] || { tail -40 "$logs/fuzz-$target.log" >&2; echo "prove: fuzz_$target failed" >&2; return 1; }
  done
}

run_long() {
  "$root/scripts/build.sh"
  GONGSHI_KILL_TEST_FULL=1 GONGSHI_SOAK_INTERACTIONS=100000 GONGSHI_SOAK_GL_INTERACTIONS=5000 \
    ctest --test-dir "$root/build" --output-on-failure --timeout 7200 -R 'KillNine|SoakTest|reliability_gl_soak' \
    2>&1 | tee "$logs/long.log"
}

install_proof_deps
for step in "${steps[@]}"; do
  case $step in
    asan) run_asan ;;
    fuzz) run_fuzz ;;
    long) run_long ;;
    *) echo "usage: scripts/prove.sh [asan] [fuzz] [long]" >&2; exit 2 ;;
  esac
done
echo "prove: ${steps[*]} passed"
