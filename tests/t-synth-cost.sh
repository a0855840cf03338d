#!/usr/bin/env bash
# What a piece of synthesis costs beside the speech itself. espeak-ng finds
# a voice by name in its list of every voice file, which it builds on first
# need by reading them all (some 360 files); a worker builds that list once,
# so that the voice holders it forks, each of which loads its voice once for
# the piece children it forks (synth_worker.c), find it made. Counted with
# strace: the files a `podsynth say` of several pieces opens under
# espeak-ng's lang/ folder, and which processes open the voice's dictionary.
. "$(dirname "$0")/lib.sh"
newproj
printf 'espeak: en-us\nvariant: m3\nlang: en\nrate: 140\npitch: 45\nrange: 50\n' >voices/host.voice

data=$(ls -d /usr/lib/*/espeak-ng-data /usr/share/espeak-ng-data 2>/dev/null | head -n 1)
check "espeak-ng's data folder is found ($data)" test -d "$data/lang"
nlang=$(find "$data/lang" -type f | wc -l)

text="The first piece is a plain sentence about the merge window."
for w in second third fourth fifth sixth seventh eighth; do
	text="$text

The $w piece says a little more, so that it is spoken on its own."
done
# (LeakSanitizer cannot run under ptrace and aborts: leaks are checked by
# every other test of the sanitized build, not by this one)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	strace -f -qq -e trace=openat,exit_group -o "$SCRATCH/opens" "$PODSYNTH" say --voice host -o "$SCRATCH/say.wav" "$text" \
	>"$SCRATCH/say.out" 2>&1 || { fail "podsynth say under strace failed"; cat "$SCRATCH/say.out"; }
check "the pieces were spoken" test -s "$SCRATCH/say.wav"
# Every process ends with exit_group: the pieces are most of them. The
# voice's dictionary is opened by the process that loads the voice: the
# voice check and each worker's holder of the host's voice, not every piece.
# A process that reads the voice list opens more than half of lang/'s
# files; a voice load that finds the list made opens its voice's file (two
# tries). Readers allowed: the workers (one for say, two at most), and the
# voice check before the synthesis.
procs=$(grep -F "exit_group(" "$SCRATCH/opens" | awk '{print $1}' | sort -u | wc -l)
loads=$(grep -F "${data}/en_dict" "$SCRATCH/opens" | awk '{print $1}' | sort -u | wc -l)
readers=$(grep -F "${data}/lang/" "$SCRATCH/opens" | awk '{print $1}' | sort | uniq -c |
	awk -v h=$((nlang / 2)) '$1 > h' | wc -l)
check "the pieces were spoken, each by its own child ($procs processes)" test "$procs" -ge 9
check "the voice is loaded once per worker, not per piece ($loads processes load it, $procs in all)" \
	test "$loads" -ge 1 -a "$loads" -le 3
check "the voice list is read by the workers, not by every piece ($readers processes read it for $procs processes)" \
	test "$readers" -le 3
