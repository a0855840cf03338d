#!/usr/bin/env bash
# Inputs that make libespeak-ng 1.51 abort (found with fuzz/espeak_probe.c,
# kept in tests/fuzz-regress/espeak/*.txt) cost no more spoken text than the
# smallest piece that cannot be spoken: through the normaliser and the
# synthesis workers, each file's audio is written, no more words are
# dropped than cannot be spoken even alone, and the audio is at least 85%
# as long as the same runs without those words. Then one of them end to
# end through `podsynth say`: the warning names the lost word and the line.
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
probe=build/fuzz/replay${san:+-san}/espeak_probe
if ! "$TOP/scripts/fuzz" replay-build $san >"$SCRATCH/build.log" 2>&1 || [ ! -x "$probe" ]; then
	fail "espeak_probe builds"; tail -20 "$SCRATCH/build.log"
	exit 1
fi

files=(tests/fuzz-regress/espeak/*.txt)
check "there are espeak regression inputs" test -f "${files[0]}"
# Prints its own ok / not ok lines, three for each file.
"$probe" --check "${files[@]}"
rc=$?
check "espeak_probe --check ran every file (status $rc)" test "$rc" -le 1

# End to end: the word that cannot be spoken is named, the rest is spoken.
newproj
# (espeak-ng's: the show's host speaks with Flite, which reads the word)
printf 'espeak: en-us\nvariant: m3\nlang: en\nrate: 140\n' >voices/es.voice
word=$(printf "s'%.0s" $(seq 100))
if "$PODSYNTH" say --voice es "The $word end of the sentence is here." -o say.wav >say.out 2>say.err; then
	ok "say survives a word that aborts espeak-ng"
else
	fail "say survives a word that aborts espeak-ng"; cat say.err
fi
check "say warns about the lost word, naming the line" \
	grep -qF "say:1: warning: dropped words the synthesiser cannot speak: \"s's's'" say.err
check "say loses only that word" bash -c "! grep -q 'end of the sentence' say.err"
# About 2 s of speech for the rest of the sentence at 140 words a minute.
secs=$(sed -n 's/.*wrote say.wav (\([0-9.]*\) s).*/\1/p' say.err)
check "say speaks the rest of the sentence (${secs:-?} s)" \
	awk -v s="${secs:-0}" 'BEGIN { exit !(s >= 1.5) }'
