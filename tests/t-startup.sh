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

# The engine facts kept in the cache directory (synth_worker.c): the voice
# check's child, which opens espeak-ng and loads every voice, runs when no
# facts are kept or when something they depend on has changed, and not
# otherwise; whatever is kept never hides a missing voice.
export PODSYNTH_CACHE="$PROJ/facts-cache"
printf 'intro: none\noutro: none\n' >>rss/channel.yaml
printf -- '---\ntitle: Facts\n---\n\nOne short paragraph to speak.\n' >episodes/2026-08-01-facts.md
ep=episodes/2026-08-01-facts.md
# espeak_procs NAME: how many processes of run NAME opened libespeak-ng.
espeak_procs() {
	grep -hE 'file=[^ ]*libespeak-ng\.so' "$SCRATCH"/ld."$1".* 2>/dev/null | sed 's/:.*//' | sort -u | wc -l
}
loaded facts0 "$PODSYNTH" script "$ep" >/dev/null
check_eq "no cache directory: the check's child opens espeak-ng" "$(espeak_procs facts0)" 1
check "... and keeps nothing (it makes no directory)" test ! -e "$PODSYNTH_CACHE"
mkdir -p "$PODSYNTH_CACHE"
loaded facts1 "$PODSYNTH" script "$ep" >/dev/null
check_eq "an empty cache directory: the child runs" "$(espeak_procs facts1)" 1
check "... and the facts are kept" test -s "$PODSYNTH_CACHE/engine-facts"
loaded facts2 "$PODSYNTH" script "$ep" >/dev/null
check_eq "the next script opens espeak-ng in no process" "$(espeak_procs facts2)" 0
check_eq "... and says the same" "$(cat "$SCRATCH/facts2.out")" "$(cat "$SCRATCH/facts1.out")"

# The kept facts are used: a build's segments are cached; an answer edited
# to another espeak-ng version makes every key another (all stale), and a
# changed ESPEAK_DATA_PATH asks the engine afresh (the true version back).
"$PODSYNTH" build -j 2 "$ep" >"$SCRATCH/facts-build.out" 2>&1 ||
	{ echo "# the build failed:"; sed 's/^/#   /' "$SCRATCH/facts-build.out" | head; }
"$PODSYNTH" segments "$ep" >"$SCRATCH/seg1.out" 2>&1
check "after the build every segment is cached" grep -q ' cached ' "$SCRATCH/seg1.out"
check_eq "... and none stale" "$(grep -c ' stale ' "$SCRATCH/seg1.out")" 0
sed -i 's/^version .*/version 0.0-edited/' "$PODSYNTH_CACHE/engine-facts"
"$PODSYNTH" segments "$ep" >"$SCRATCH/seg2.out" 2>&1
check_eq "an edited version in the kept facts is used: no segment cached" \
	"$(grep -c ' cached ' "$SCRATCH/seg2.out")" 0
data=$(sed -n 's/^data //p' "$PODSYNTH_CACHE/engine-facts")
ESPEAK_DATA_PATH=$(dirname "$data") loaded facts3 "$PODSYNTH" segments "$ep" >/dev/null
check_eq "ESPEAK_DATA_PATH changed: the child runs" "$(espeak_procs facts3)" 1
check "... and keeps the version it found" \
	test "$(sed -n 's/^version //p' "$PODSYNTH_CACHE/engine-facts")" != 0.0-edited
check_eq "... which makes the segments cached again" \
	"$(ESPEAK_DATA_PATH=$(dirname "$data") "$PODSYNTH" segments "$ep" 2>&1 | grep -c ' stale ')" 0

# A file that is not what the program wrote is passed over: a symbolic
# link, a torn file; a voice that is missing is reported all the same.
"$PODSYNTH" script "$ep" >/dev/null 2>&1   # (the facts without ESPEAK_DATA_PATH)
mv "$PODSYNTH_CACHE/engine-facts" "$SCRATCH/facts.saved"
sed 's/^version .*/version 0.0-edited/' "$SCRATCH/facts.saved" >"$SCRATCH/facts.edited"
ln -s "$SCRATCH/facts.edited" "$PODSYNTH_CACHE/engine-facts"
loaded facts4 "$PODSYNTH" script "$ep" >/dev/null
check_eq "a symbolic link in its place is not followed: the child runs" "$(espeak_procs facts4)" 1
check "... and a real file takes its place" test ! -L "$PODSYNTH_CACHE/engine-facts"
head -c 100 "$SCRATCH/facts.saved" >"$PODSYNTH_CACHE/engine-facts"
loaded facts5 "$PODSYNTH" script "$ep" >/dev/null
check_eq "a torn file: the child runs" "$(espeak_procs facts5)" 1
check "... and the whole file is written again" cmp -s "$PODSYNTH_CACHE/engine-facts" "$SCRATCH/facts.saved"
printf 'espeak: en-us\nvariant: no-such-variant\nlang: en\n' >voices/extra.voice
"$PODSYNTH" script "$ep" >"$SCRATCH/facts6.out" 2>&1
check "facts kept, a profile with a missing variant still fails" test $? -ne 0 -a -s "$SCRATCH/facts6.out"
check "... naming the file and the variant" grep -q 'voices/extra.voice:2.*no-such-variant' "$SCRATCH/facts6.out"
check "... and the failed answer is not kept" cmp -s "$PODSYNTH_CACHE/engine-facts" "$SCRATCH/facts.saved"
rm voices/extra.voice
