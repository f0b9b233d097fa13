#!/usr/bin/env bash
# Installs the build into WORK/root with DESTDIR and checks what landed there.
# Usage: install_test.sh SOURCE_DIR BUILD_DIR WORK PREFIX SYSCONFDIR
set -euo pipefail
source_dir=$1 build=$2 work=$3 prefix=$4 sysconf=$5
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"
root=$work/root
DESTDIR=$root cmake --install "$build" >"$work/install.log" || { cat "$work/install.log" >&2; fail "cmake --install"; }

for program in gongshi-kiosk gongshi-server gongshi-sync gongshi-demo; do
  [ -x "$root$prefix/bin/$program" ] || fail "$program is not in $prefix/bin"
done
[ -f "$root$prefix/share/gongshi/demo-tour.script" ] || fail "the assets are not in $prefix/share/gongshi"
[ -f "$root$prefix/share/doc/gongshi/OPERATIONS.md" ] || fail "OPERATIONS.md is not in $prefix/share/doc/gongshi"

unit=$root$prefix/lib/systemd/system/gongshi-kiosk.service
[ -f "$unit" ] || fail "no systemd unit at $prefix/lib/systemd/system"
grep -qx "ExecStart=$prefix/bin/gongshi-kiosk --config $sysconf/gongshi/kiosk.toml" "$unit" ||
  fail "the unit does not start the installed kiosk with $sysconf/gongshi/kiosk.toml"
for line in Type=notify WatchdogSec=30 Restart=on-failure; do
  grep -qx "$line" "$unit" || fail "the unit lacks $line"
done
# The restart button's exit status is the one the unit restarts on.
status=$(sed -n 's/.*kExitRestart = \([0-9]*\);.*/\1/p' "$source_dir/kiosk/exit_status.hpp")
[ -n "$status" ] || fail "no kExitRestart in kiosk/exit_status.hpp"
grep -qx "RestartForceExitStatus=$status" "$unit" || fail "the unit does not restart on exit status $status"
grep -qx "SuccessExitStatus=$status" "$unit" || fail "the unit counts exit status $status as a failure"
if command -v systemd-analyze >/dev/null; then
  # Everything but the one complaint a DESTDIR install must cause: the binary is not at its path yet.
  complaints=$(systemd-analyze verify "$unit" 2>&1 | grep -v "is not executable" || true)
  [ -z "$complaints" ] || fail "systemd-analyze verify: $complaints"
fi

sample=$root$sysconf/gongshi/kiosk.toml.sample
[ -f "$sample" ] || fail "no sample config at $sysconf/gongshi/kiosk.toml.sample"
kiosk=$root$prefix/bin/gongshi-kiosk
"$kiosk" --config "$sample" --check-config || fail "the installed kiosk refuses its own sample config"
# The check is no rubber stamp: a typo in the sample is refused.
sed 's/^cache = /cahce = /' "$sample" >"$work/typo.toml"
if "$kiosk" --config "$work/typo.toml" --check-config 2>"$work/typo.err"; then fail "a typo passed --check-config"; fi
grep -q cahce "$work/typo.err" || fail "the refusal does not name the key"
echo "installed and checked: $(find "$root" -type f | wc -l) files"
