#!/usr/bin/env bash
# Runs every test: the unit test programs in build/unit/ and the scripts
# tests/t-*.sh. Each prints "ok - what" or "not ok - what" lines; a program
# that exits non-zero without reporting a failure counts as one failure.
# Usage: tests/run.sh [PATTERN]   (only tests whose file name contains PATTERN)
cd "$(dirname "$0")/.." || exit 1
export TOP=$PWD
export PODSYNTH=${PODSYNTH:-$PWD/podsynth}
UNIT_DIR=${UNIT_DIR:-build/unit}
export LC_ALL=C.UTF-8
pattern=${1:-}
out=$(mktemp -d "${TMPDIR:-/tmp}/podsynth-tests.XXXXXX")
trap 'rm -rf "$out"' EXIT

pass=0 fail=0
run_one() {
	local name=$1; shift
	local log="$out/$(basename "$name").log"
	local t0=$SECONDS
	"$@" >"$log" 2>&1
	local rc=$?
	local p f
	p=$(grep -c '^ok - ' "$log")
	f=$(grep -c '^not ok - ' "$log")
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		echo "not ok - $name exited with status $rc" >>"$log"
		f=1
	fi
	pass=$((pass + p)); fail=$((fail + f))
	printf '%-34s %3d passed, %d failed  (%ds)\n' "$name" "$p" "$f" $((SECONDS - t0))
	if [ "$f" != 0 ]; then
		grep -v '^ok - ' "$log" | tail -n 40 | sed 's/^/    /'
	fi
}

for bin in "$UNIT_DIR"/*; do
	[ -x "$bin" ] || continue
	case "$bin" in *"$pattern"*) ;; *) continue ;; esac
	run_one "$bin" "$bin"
done
for t in tests/t-*.sh; do
	case "$t" in *"$pattern"*) ;; *) continue ;; esac
	run_one "$t" bash "$t"
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
