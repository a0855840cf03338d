#!/usr/bin/env bash
# What a command maps at start. The libraries only some subsystems need
# are opened on first use (src/core/dynlib.h), not linked: espeak-ng (with
# the sound servers' clients, X11, D-Bus) by the speaking processes,
# pangocairo (with pango, cairo, GLib) when a cover is drawn, GMime when a
# message is parsed, libmicrohttpd, SQLite and libsodium by the studio,
# libcrypto when a published file is hashed.
# Linked, they made 101 shared objects to map and relocate at every start
# (docs/performance.md). Checked with the loader's own log (LD_DEBUG=files,
# one file per process): `podsynth script` and `podsynth check` load none
# of them in their own process; the synthesis workers of `podsynth say`
# do open espeak-ng (so the check sees a library when it is loaded).
. "$(dirname "$0")/lib.sh"
newproj
cp "$TOP/episodes/2026-11-16-kernel-weekly.md" episodes/

heavy='lib(crypto|espeak-ng|cairo|pango[a-z]*-1\.0|gmime-3\.0|microhttpd|gnutls|sqlite3|sodium|pulse|X11|glib-2\.0|gio-2\.0)\.so'

# loaded NAME CMD...: runs CMD with the loader's log in $SCRATCH/ld.NAME.PID
# (one file a program started; a forked child writes into its parent's
# file, each line led by its own process id); prints CMD's process id.
loaded() {
	local name=$1; shift
	LD_DEBUG=files LD_DEBUG_OUTPUT="$SCRATCH/ld.$name" "$@" >"$SCRATCH/$name.out" 2>&1 &
	local pid=$!
	wait "$pid" || { echo "$name failed" >&2; cat "$SCRATCH/$name.out" >&2; }
	echo "$pid"
}
# libs FILE [PID]: the libraries the loader opened (its "file=NAME" lines),
# in process PID only when given; their base names.
libs() {
	sed -n "s/^ *${2:-[0-9]*}:[[:space:]]*file=\([^ ]*\) *\[.*/\1/p" "$1" | sed 's|.*/||' | sort -u
}

for cmd in script check; do
	pid=$(loaded "$cmd" "$PODSYNTH" "$cmd" episodes/2026-11-16-kernel-weekly.md)
	log="$SCRATCH/ld.$cmd.$pid"
	check "podsynth $cmd ran with the loader's log ($pid)" test -s "$log"
	n=$(libs "$log" "$pid" | wc -l)
	got=$(libs "$log" "$pid" | grep -E "$heavy" | tr '\n' ' ')
	check_eq "podsynth $cmd opens none of the libraries other commands need ($n opened)" "$got" ""
done

# The check can fail: a process that speaks opens espeak-ng, and the log
# of one of say's workers names it.
printf 'espeak: en-us\nvariant: m3\nlang: en\nrate: 140\npitch: 45\nrange: 50\n' >voices/host.voice
pid=$(loaded say "$PODSYNTH" say --voice host -o "$SCRATCH/say.wav" "A short line to speak.")
check "podsynth say spoke" test -s "$SCRATCH/say.wav"
if [ -s "$SCRATCH/ld.say.$pid" ]; then
	got=$(libs "$SCRATCH/ld.say.$pid" "$pid" | grep -cE "$heavy")
	check_eq "say's own process opens none of them either" "$got" 0
fi
workers=$(grep -hE "file=libespeak-ng\.so" "$SCRATCH"/ld.say.* | grep -vE "^ *$pid:" |
	sed 's/:.*//' | sort -u | wc -l)
check "a worker of say opened espeak-ng, on first use ($workers processes)" test "$workers" -ge 1
