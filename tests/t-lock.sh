#!/usr/bin/env bash
# Two runs on one show never interleave their writes: build, render, feed
# and cache --prune take the show's lock (flock on rss/) and a second run waits for the
# first, saying so; a lock dies with its holder.
. "$(dirname "$0")/lib.sh"
newproj
printf 'intro: none\noutro: none\n' >>rss/channel.yaml
cat >episodes/2026-07-01-lock.md <<'MD'
---
title: Locked
---

One short paragraph.
MD
ep=episodes/2026-07-01-lock.md
"$PODSYNTH" build -j 2 "$ep" >b0.txt 2>&1
check "the episode builds" test -s rss/episodes/2026-07-01-lock.mp3

now() { date +%s%N; }
# Another run holds the lock for $1 seconds: wait until it really has it.
hold() {
	flock -o rss sleep "$1" & holder=$!
	for _ in $(seq 100); do flock -n rss true || return 0; sleep 0.02; done
}
waited_ms() { echo $(( ($2 - $1) / 1000000 )); }

for cmd in "feed" "cache --prune" "build -j 2 $ep" "render $ep --segment $("$PODSYNTH" segments "$ep" | awk 'NR==1{print $1}')"; do
	name=${cmd%% *}
	hold 2
	t0=$(now)
	"$PODSYNTH" $cmd >o.txt 2>e.txt
	rc=$?
	t1=$(now)
	wait "$holder"
	check "$name waits for the lock, then succeeds" test "$rc" -eq 0
	check "$name says it is waiting" grep -q '^rss: note: another podsynth run is working on this show: waiting' e.txt
	check "$name did not start before the lock was free (waited $(waited_ms "$t0" "$t1") ms)" \
		test "$(waited_ms "$t0" "$t1")" -ge 1000
done

"$PODSYNTH" feed >o.txt 2>e.txt
check "no lock held: feed does not wait" bash -c "! grep -q waiting e.txt"

# Only removing from the cache needs the lock: looking at it does not wait.
hold 2
"$PODSYNTH" cache >o.txt 2>e.txt
rc=$?
wait "$holder"
check "cache without --prune runs under another's lock" test "$rc" -eq 0
check "...without waiting for it" bash -c "! grep -q waiting e.txt"

# A holder that is killed leaves no lock behind.
hold 30
kill "$holder"; wait "$holder" 2>/dev/null
t0=$(now)
"$PODSYNTH" feed >o.txt 2>e.txt
t1=$(now)
check "after its holder is killed the lock is free" bash -c "! grep -q waiting e.txt"
check "...and feed runs at once" test "$(waited_ms "$t0" "$t1")" -lt 5000

# While a build runs it holds the lock: flock -n on rss/ fails meanwhile.
{
	echo "---"; echo "title: A longer one"; echo "---"
	for i in 1 2 3 4 5 6 7 8; do echo; echo "Paragraph number $i is long enough to take the synthesiser a moment to speak aloud."; done
} >episodes/2026-07-02-long.md
"$PODSYNTH" build -j 1 episodes/2026-07-02-long.md >bl.txt 2>&1 & builder=$!
held=no
for _ in $(seq 200); do
	if ! kill -0 "$builder" 2>/dev/null; then break; fi
	if ! flock -n rss true; then held=yes; break; fi
	sleep 0.02
done
wait "$builder"
check "a running build holds the show's lock" test "$held" = yes
check "...and finishes normally" grep -q '2026-07-02-long.md: 8 synthesized' bl.txt

# Every input is read and checked before the lock is taken (issue 20): a
# command given a FIFO, a device or an oversized episode, or an insert that
# is not audio, fails at once while another run holds the lock, never
# reading an input while others wait for it.
mkfifo episodes/2026-07-02-fifo.md
ln -s /dev/zero episodes/2026-07-03-zero.md
truncate -s 17M big.md
mkfifo episodes/fifo.wav
printf -- '---\ntitle: Insert\ndate: 2026-07-04\n---\n\nA FIFO [audio:"fifo.wav"] here.\n' >insert.md
hold 30
for cmd in "feed" "build -j 1 episodes/2026-07-02-fifo.md" "build -j 1 episodes/2026-07-03-zero.md" \
	"build -j 1 big.md" "build -j 1 insert.md" "render insert.md --segment x" "cache --prune"; do
	t0=$(now)
	timeout 20 "$PODSYNTH" $cmd >o.txt 2>e.txt
	rc=$?
	t1=$(now)
	check "$cmd: a bad input fails while another run holds the lock (exit $rc)" test "$rc" = 1
	check "$cmd: ...without waiting for the lock" bash -c "! grep -q waiting e.txt"
	check "$cmd: ...at once ($(waited_ms "$t0" "$t1") ms)" test "$(waited_ms "$t0" "$t1")" -lt 10000
	check "$cmd: ...naming the input" grep -qE '(fifo|zero|big|insert)\.(md|wav)' e.txt
done
# A good episode and a bad one: the bad one is named before the build waits.
"$PODSYNTH" build -j 2 "$ep" episodes/2026-07-02-fifo.md >o.txt 2>e.txt &
builder=$!
sleep 2
check "the bad episode is reported before the lock is free" grep -q '2026-07-02-fifo.md: error: ' e.txt
check "...and the build is waiting for the lock" grep -q 'waiting' e.txt
kill "$holder"; wait "$holder" 2>/dev/null
wait "$builder"
check "...then builds the good one and exits 1 for the bad one" test $? = 1
check "...with the good one built" grep -q "^$ep: " o.txt
