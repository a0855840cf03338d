#!/usr/bin/env bash
# Runs every test: the unit test programs in build/unit/ and the scripts
# tests/t-*.sh. Each prints "ok - what" or "not ok - what" lines; a program
# that exits non-zero without reporting a failure counts as one failure.
# Usage: tests/run.sh [PATTERN]   (only tests whose file name contains PATTERN)
#
# Test files run TEST_JOBS at a time (default: the number of CPUs, at most
# 4); every file works in its own scratch directory and picks free ports, so
# they do not meet. The longest files start first. Each file's line is
# printed when it ends; the last line is the count.
cd "$(dirname "$0")/.." || exit 1
export TOP=$PWD
export PODSYNTH=${PODSYNTH:-$PWD/podsynth}
UNIT_DIR=${UNIT_DIR:-build/unit}
export LC_ALL=C.UTF-8
pattern=${1:-}
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
case "$jobs" in '' | *[!0-9]* | 0) jobs=1 ;; esac
[ "$jobs" -gt 4 ] && jobs=4
out=$(mktemp -d "${TMPDIR:-/tmp}/podsynth-tests.XXXXXX")
TIMEFORMAT='%R %U %S'
trap 'rm -rf "$out"' EXIT

# run_one NAME CMD...: runs one file, then prints its line (and the tail of
# its log when something failed) in one write, and leaves its counts in
# $out/NAME.sum for the total.
run_one() {
	local name=$1; shift
	local base; base=$(basename "$name")
	local log="$out/$base.log"
	local t0=$SECONDS rc cpu
	# bash's time: the file's wall, user and system seconds (its children's)
	{ time "$@" >"$log" 2>&1; } 2>"$out/$base.time"
	rc=$?
	cpu=$(awk 'END { printf "%.0f", $2 + $3 }' "$out/$base.time")
	local p f
	p=$(grep -c '^ok - ' "$log")
	f=$(grep -c '^not ok - ' "$log")
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		echo "not ok - $name exited with status $rc" >>"$log"
		f=1
	fi
	local report
	report=$(printf '%-34s %3d passed, %d failed  (%ds, %ss CPU)' "$name" "$p" "$f" $((SECONDS - t0)) "$cpu")
	if [ "$f" != 0 ]; then
		report+=$'\n'$(grep -v '^ok - ' "$log" | tail -n 40 | sed 's/^/    /')
	fi
	echo "$p $f" >"$out/$base.sum"
	flock "$out/print.lock" printf '%s\n' "$report"
}

# The files, the known long ones first, longest first, so that two lanes end
# together (the order of their CPU seconds in docs/testing.md; t-slurm early,
# as most of its time is spent waiting on its jobs, which the other lane fills).
long="tests/t-site.sh tests/t-faults.sh tests/t-slurm.sh tests/t-chunks.sh tests/t-synth-order.sh tests/t-studio.sh tests/t-hostile.sh tests/t-build.sh tests/t-production.sh tests/t-bad.sh"
files=()
for t in $long; do [ -f "$t" ] && files+=("$t"); done
for t in tests/t-*.sh; do
	case " $long " in *" $t "*) continue ;; esac
	files+=("$t")
done
for bin in "$UNIT_DIR"/*; do [ -x "$bin" ] && files+=("$bin"); done

running=0
for f in "${files[@]}"; do
	case "$f" in *"$pattern"*) ;; *) continue ;; esac
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
	case "$f" in
	*.sh) run_one "$f" bash "$f" & ;;
	*) run_one "$f" "$f" & ;;
	esac
	running=$((running + 1))
done
wait

pass=0 fail=0
for s in "$out"/*.sum; do
	[ -e "$s" ] || continue
	read -r p f <"$s"
	pass=$((pass + p)); fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
