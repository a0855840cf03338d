#!/usr/bin/env bash
# The build end to end: the summary line, incremental rebuilds, stable
# segment IDs, `segments`, `render --segment`, a crashing worker, the
# loudness with an independent meter (ffmpeg's ebur128), ogginfo, the Vorbis
# comments and chapters, and the progress bar. The show lists all three
# formats, so Vorbis is checked here too (tests/t-formats.sh checks MP3 and
# Opus in depth).
. "$(dirname "$0")/lib.sh"
newproj
# The checks below that need a tool are guarded by it: a missing tool is a
# failure here, never a silent skip (make test installs them).
for tool in ogginfo vorbiscomment ffmpeg ffprobe script; do
	check "$tool is installed (scripts/install-deps --test)" bash -c "command -v $tool >/dev/null"
done
echo 'formats: [mp3, opus, vorbis]' >>rss/channel.yaml

cat >episodes/2026-03-02-test-show.md <<'MD'
---
title: "Test show: loudness & chapters"
description: A short episode for the test suite.
season: 2
episode: 7
author: Test Host
---

Welcome to the test show. This first paragraph comes before any heading.

## Releases

Linus Torvalds released a new kernel this week, right on schedule.

> It has been a calm release cycle.

The stable team published several updates as well.

## Scheduler news

- first point about the scheduler
- second point about the scheduler

The last paragraph says goodbye.
MD
ep=episodes/2026-03-02-test-show.md
ogg=rss/episodes/2026-03-02-test-show.ogg
mp3=rss/episodes/2026-03-02-test-show.mp3

"$PODSYNTH" build -j 2 "$ep" >out1.txt 2>err1.txt
rc=$?
check "build succeeds" test "$rc" -eq 0
check "the audio exists in every format" test -s "$ogg" -a -s "$mp3" -a -s rss/episodes/2026-03-02-test-show.opus
nseg=$("$PODSYNTH" segments "$ep" | wc -l)
summary=$(tail -n 1 out1.txt)
check "summary names the enclosure's file" grep -q "$mp3\$" <<<"$summary"
check "summary counts every segment synthesized" grep -q "$ep: $nseg synthesized, 0 cached, " <<<"$summary"
check "summary has each format's loudness and true peak" \
	grep -qE ', mp3 -?[0-9]+\.[0-9] LUFS -?[0-9]+\.[0-9] dBTP, opus -?[0-9]+\.[0-9] LUFS -?[0-9]+\.[0-9] dBTP, vorbis -?[0-9]+\.[0-9] LUFS -?[0-9]+\.[0-9] dBTP, ' <<<"$summary"
check "no progress bar when stderr is not a terminal" bash -c "! grep -q ETA err1.txt"

"$PODSYNTH" build -j 2 "$ep" >out2.txt 2>&1
check "a rebuild with no change synthesises nothing" grep -q ": 0 synthesized, $nseg cached" out2.txt
check "every segment is cached" bash -c "! '$PODSYNTH' segments '$ep' | grep -q stale"

"$PODSYNTH" segments "$ep" >ids1.txt
sed -i 's/The stable team published several updates as well./The stable team published two updates this week./' "$ep"
"$PODSYNTH" segments "$ep" >ids2.txt
check_eq "an edit to one paragraph makes exactly one segment stale" "$(grep -c ' stale ' ids2.txt)" 1
check_eq "the IDs of the other segments do not change" \
	"$(diff <(awk '{print $1}' ids1.txt) <(awk '{print $1}' ids2.txt) | grep -c '^[<>]')" 2
"$PODSYNTH" build -j 2 "$ep" >out3.txt 2>&1
check "after editing one paragraph a rebuild reports exactly 1 synthesized" grep -q ": 1 synthesized, $((nseg - 1)) cached" out3.txt
check "segments shows a duration for cached segments" grep -qE ' cached .* [0-9]+\.[0-9]s  ' <("$PODSYNTH" segments "$ep")

id=$(grep 'Scheduler news' ids2.txt | awk '{print $1}')
"$PODSYNTH" render "$ep" --segment "$id" >out4.txt 2>&1
check "render --segment re-synthesises that segment even when cached" grep -q ": 1 synthesized, $((nseg - 1)) cached" out4.txt
"$PODSYNTH" render "$ep" --segment p00000000 >/dev/null 2>err5.txt
check "render --segment with an unknown ID fails clearly" grep -q 'no segment "p00000000"' err5.txt

# The finished file, checked by other programs.
if command -v ogginfo >/dev/null; then
	ogginfo "$ogg" >ogginfo.txt 2>&1
	rc=$?
	check "ogginfo: no warnings" bash -c "[ $rc -eq 0 ] && ! grep -qiE 'warning|error' ogginfo.txt"
	check "ogginfo: 48000 Hz mono" bash -c "grep -q 'Rate: 48000' ogginfo.txt && grep -q 'Channels: 1' ogginfo.txt"
fi
if command -v vorbiscomment >/dev/null; then
	vorbiscomment -l "$ogg" >tags.txt
	check "TITLE" grep -qx 'TITLE=Test show: loudness & chapters' tags.txt
	check "ALBUM is the show" grep -qx 'ALBUM=Kernel Weekly' tags.txt
	check "ARTIST" grep -qx 'ARTIST=Test Host' tags.txt
	check "DATE from the file name" grep -qx 'DATE=2026-03-02' tags.txt
	check "TRACKNUMBER" grep -qx 'TRACKNUMBER=7' tags.txt
	check "LANGUAGE" grep -qx 'LANGUAGE=en' tags.txt
	check "DESCRIPTION" grep -qx 'DESCRIPTION=A short episode for the test suite.' tags.txt
	check "first chapter at zero, named after the episode" \
		bash -c "grep -qx 'CHAPTER001=00:00:00.000' tags.txt && grep -qx 'CHAPTER001NAME=Test show: loudness & chapters' tags.txt"
	check "a chapter per heading" bash -c "grep -qx 'CHAPTER002NAME=Releases' tags.txt && grep -qx 'CHAPTER003NAME=Scheduler news' tags.txt"
	c2=$(sed -n 's/^CHAPTER002=//p' tags.txt); c3=$(sed -n 's/^CHAPTER003=//p' tags.txt)
	check "chapter times are in order" bash -c "[[ '00:00:00.000' < '$c2' && '$c2' < '$c3' ]]"
fi
if command -v ffmpeg >/dev/null; then
	ffmpeg -nostats -hide_banner -i "$ogg" -af ebur128=peak=true -f null - 2>ebu.txt
	I=$(awk '/Integrated loudness:/{f=1} f&&/I:/{print $2; exit}' ebu.txt)
	P=$(awk '/True peak:/{f=1} f&&/Peak:/{print $2; exit}' ebu.txt)
	check "ffmpeg ebur128: integrated loudness -16 LUFS within 0.5 LU (got $I)" \
		awk -v i="$I" 'BEGIN{exit !(i != "" && i >= -16.5 && i <= -15.5)}'
	check "ffmpeg ebur128: true peak at or below -1.0 dBTP (got $P)" \
		awk -v p="$P" 'BEGIN{exit !(p != "" && p <= -1.0)}'
	ours=$(grep -oE 'vorbis -?[0-9]+\.[0-9] LUFS' out1.txt | head -1 | cut -d' ' -f2)
	check "our loudness figure agrees with ffmpeg's within 0.3 LU ($ours vs $I)" \
		awk -v a="$ours" -v b="$I" 'BEGIN{d=a-b; if (d<0) d=-d; exit !(a != "" && b != "" && d <= 0.3)}'
fi

# A worker that crashes on one word: the build goes on, only that word is lost.
# (The word is one no list can split, so that the normaliser hands it on whole.)
cat >episodes/crash.md <<'MD'
---
title: Crash
date: 2026-03-03
---

Before the crash.

The quick brown fox zorbacrash jumps over the lazy dog.
MD
PODSYNTH_TEST_CRASH=zorbacrash "$PODSYNTH" build -j 2 episodes/crash.md >out6.txt 2>err6.txt
rc=$?
check "a crashing worker does not fail the build" test "$rc" -eq 0
check "the warning names file:line and the words dropped" grep -q 'episodes/crash.md:8: warning: .*"zorbacrash"' err6.txt
check "the summary counts the dropped word" grep -q '1 words dropped' out6.txt
# The rest of the sentence was spoken: compare with a render without the word.
sed -i 's/ zorbacrash//' episodes/crash.md
"$PODSYNTH" build -j 2 episodes/crash.md >out7.txt 2>&1
d1=$(ffprobe -v error -show_entries format=duration -of csv=p=0 rss/episodes/crash.ogg)
check "the words around the crash are spoken (duration $d1 s)" awk -v d="$d1" 'BEGIN{exit !(d > 5)}'

# A piece that spins is killed after its time limit (processor time).
cat >episodes/hang.md <<'MD'
---
title: Hang
date: 2026-03-04
---

Words before hangwurd and words after.
MD
PODSYNTH_TIMEOUT=1 PODSYNTH_TEST_HANG=hangwurd "$PODSYNTH" build -j 1 episodes/hang.md >out8.txt 2>err8.txt
check "a spinning piece is killed and the build completes" test $? -eq 0
check "the hung word is reported" grep -q 'hang.md:6: warning: .*"hangwurd"' err8.txt

# ...and the limit is not wall-clock time: a piece that sleeps twice its
# limit without using the processor (as one waiting for a processor on a
# loaded machine) is spoken whole, not split.
sed 's/hangwurd/sleepwurd/' episodes/hang.md >episodes/sleep.md
PODSYNTH_TIMEOUT=1 PODSYNTH_TEST_SLEEP=sleepwurd PODSYNTH_TEST_PARAMS="$PWD/params8s.txt" \
	"$PODSYNTH" build -j 1 episodes/sleep.md >out8s.txt 2>err8s.txt
check "a piece that sleeps past its limit without the processor: the build completes" test $? -eq 0
check "...no word dropped" bash -c '! grep -q "dropped" err8s.txt'
check_eq "...it was synthesised once, whole" "$(grep -c 'text=' params8s.txt)" 1

# A piece that blocks without using the processor outlives the wall-clock
# backstop: its segment fails and is not cached split (its audio would
# otherwise depend on the machine's load); the next build synthesises it.
cat >episodes/block.md <<'MD'
---
title: Block
date: 2026-03-05
---

Words before blokwurd and words after.
MD
PODSYNTH_STALL_TIMEOUT=1 PODSYNTH_TEST_BLOCK=blokwurd "$PODSYNTH" build -j 1 episodes/block.md >out8b.txt 2>err8b.txt
check_eq "a blocked piece fails the build" "$?" 1
check "...naming file:line" grep -q 'episodes/block.md:6: error: synthesis stalled for 1 s' err8b.txt
check "...no word dropped" bash -c '! grep -q "dropped" err8b.txt'
PODSYNTH_TEST_PARAMS="$PWD/params8b.txt" "$PODSYNTH" build -j 1 episodes/block.md >out8c.txt 2>err8c.txt
check "...the next build succeeds" test $? -eq 0
check "...synthesising the segment again, whole (it was not cached)" \
	grep -q 'text=Words before blokwurd and words after' params8b.txt

# A piece child killed from outside (SIGKILL: the OOM killer, an operator),
# before it speaks or part-way through its answer, says nothing about the
# text: its segment fails at once, nothing is cached for it (never split
# audio), the other segment is cached, and the next build caches the bytes
# a clean build does.
cat >episodes/kill.md <<'MD'
---
title: Kill
date: 2026-03-05
---

Words before killwurd and words after.

Another paragraph, spoken whole.
MD
PODSYNTH_CACHE="$PWD/kclean" "$PODSYNTH" build -j 2 --no-progress episodes/kill.md >outk0.txt 2>&1
check "a clean build of the episode" test $? -eq 0
sums() { (cd "$1" && find . -name '*.seg' -print0 | sort -z | xargs -0 -r sha256sum); }
nclean=$(sums kclean | wc -l)
for hook in PODSYNTH_TEST_KILL PODSYNTH_TEST_KILL_ANSWER; do
	rm -rf "$PWD/k$hook"
	env "$hook=killwurd" PODSYNTH_STALL_TIMEOUT=60 PODSYNTH_CACHE="$PWD/k$hook" \
		"$PODSYNTH" build -j 2 --no-progress episodes/kill.md >outk1.txt 2>errk1.txt
	check_eq "$hook: a killed piece child fails the build" "$?" 1
	check "...naming file:line" grep -q 'episodes/kill.md:6: error: the synthesiser was killed' errk1.txt
	check "...no word dropped" bash -c '! grep -q "dropped" errk1.txt'
	check "...at once, not after the 60 s backstop" bash -c '! grep -q "stalled" errk1.txt'
	check_eq "...nothing cached for that segment, the other one cached" \
		"$(sums "k$hook" | wc -l)" "$((nclean - 1))"
	PODSYNTH_CACHE="$PWD/k$hook" "$PODSYNTH" build -j 2 --no-progress episodes/kill.md >outk2.txt 2>&1
	check "...the next build, without the hook, succeeds" test $? -eq 0
	check_eq "...and caches the bytes of a clean build" "$(sums "k$hook")" "$(sums kclean)"
done

# The progress bar on a terminal.
if command -v script >/dev/null; then
	echo "New words for the bar." >>"$ep"
	script -qec "'$PODSYNTH' build -j 2 '$ep'" /dev/null >tty.txt 2>&1
	check "a progress bar on a terminal" grep -q 'ETA' tty.txt
fi

# A show's own intro and outro: any file libsndfile reads, at any rate and
# channel count (here 44.1 kHz stereo FLAC and 22.05 kHz mono WAV).
if command -v ffmpeg >/dev/null; then
	ffmpeg -v error -f lavfi -i "sine=frequency=440:duration=3:sample_rate=44100" -ac 2 rss/intro.flac
	ffmpeg -v error -f lavfi -i "sine=frequency=660:duration=2:sample_rate=22050" -ac 1 rss/outro.wav
	cat >episodes/assets.md <<'MD'
---
title: Assets
date: 2026-03-05
---

A short episode between a custom intro and outro.
MD
	printf 'intro: none\noutro: none\n' >>rss/channel.yaml
	"$PODSYNTH" build -j 2 episodes/assets.md >a1.txt 2>&1
	d0=$(ffprobe -v error -show_entries format=duration -of csv=p=0 rss/episodes/assets.ogg)
	sed -i 's/^intro: none$/intro: intro.flac/; s/^outro: none$/outro: outro.wav/' rss/channel.yaml
	"$PODSYNTH" build -j 2 episodes/assets.md >a2.txt 2>&1
	check "a build with a FLAC intro and a WAV outro succeeds" test $? -eq 0
	d1=$(ffprobe -v error -show_entries format=duration -of csv=p=0 rss/episodes/assets.ogg)
	# 3 s intro + 2 s outro + the pauses after the intro and before the outro.
	check "the intro and outro add their length ($d0 s -> $d1 s)" \
		awk -v a="$d0" -v b="$d1" 'BEGIN{d=b-a; exit !(d > 6.3 && d < 6.7)}'
	check "changing the intro re-synthesises nothing" grep -q ': 0 synthesized, 1 cached' a2.txt
	ffprobe -v error -show_entries stream=sample_rate,channels -of csv=p=0 rss/episodes/assets.ogg >fmt.txt
	check_eq "the output stays 48 kHz mono" "$(cat fmt.txt)" "48000,1"
fi
