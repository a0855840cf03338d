#!/usr/bin/env bash
# Replays every input fuzzing found (tests/fuzz-regress/TARGET/*) and every
# seed (fuzz/corpus/TARGET/*) through the fuzz target's own code, built
# with the ordinary compiler and fuzz/replay.c instead of libFuzzer: a
# property that breaks aborts the replay and fails the test. With
# `make test SANITIZE=1` (or a ./podsynth built with AddressSanitizer) the
# replay programs are linked with build/obj-san/ and the sanitizers too.
# See docs/testing.md.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1

export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export FUZZ_TMPDIR="$SCRATCH"

san=
if [ "${SANITIZE:-}" = 1 ] || { [ -x "$PODSYNTH" ] && ldd "$PODSYNTH" 2>/dev/null | grep -q libasan; }; then
	san=--san
fi
dir=build/fuzz/replay${san:+-san}
if "$TOP/scripts/fuzz" replay-build $san >"$SCRATCH/build.log" 2>&1; then
	ok "fuzz replay programs build${san:+ (sanitizers)}"
else
	fail "fuzz replay programs build${san:+ (sanitizers)}"; tail -20 "$SCRATCH/build.log"
	exit 1
fi

for tdir in tests/fuzz-regress/*/; do
	t=$(basename "$tdir")
	[ "$t" = espeak ] && continue   # tests/t-fuzz-espeak.sh
	if [ ! -x "$dir/$t" ]; then
		fail "fuzz regress $t: no fuzz target fuzz/$t.c"
		continue
	fi
	for f in "$tdir"*; do
		[ -f "$f" ] || continue
		if ("$dir/$t" "$f") >"$SCRATCH/out" 2>&1; then
			ok "fuzz regress $t/$(basename "$f")"
		else
			fail "fuzz regress $t/$(basename "$f")"
			grep -E 'fuzz check failed|runtime error|ERROR:|SUMMARY' "$SCRATCH/out" | head -n 5
		fi
	done
done

# The seeds, one process a target (they are many and all should pass).
for t in episode normalise xml lexicon voice mail check form; do
	[ -d "fuzz/corpus/$t" ] || continue
	n=$(find "fuzz/corpus/$t" -type f | wc -l)
	if ("$dir/$t" "fuzz/corpus/$t") >"$SCRATCH/out" 2>&1 &&
	   grep -qx "replayed $n inputs" "$SCRATCH/out"; then
		ok "fuzz seeds $t ($n inputs)"
	else
		fail "fuzz seeds $t ($n inputs)"
		grep -E 'replayed|fuzz check failed|runtime error|ERROR:|SUMMARY' "$SCRATCH/out" | head -n 5
	fi
done
