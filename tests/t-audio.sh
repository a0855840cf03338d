#!/usr/bin/env bash
# tests/t-audio.sh: a rendered episode checked with independent tools:
# ffmpeg's EBU R128 meter (integrated loudness within 0.5 LU of the target,
# true peak at or under the ceiling), ogginfo (no warnings), vorbiscomment
# (title and chapters), ffprobe (length). Then, with no argument, a real
# build: after a one-word edit the rebuild levels only the new segment and
# gives the same bytes as a build of the edited episode from an empty cache,
# and its own figures agree with ffmpeg's.
#
#   tests/t-audio.sh              renders the unit test's synthetic episode
#                                 (build/unit/test_render) and checks it
#   tests/t-audio.sh FILE.ogg     checks a real episode instead
#   TARGET=-16 CEILING=-1         the figures checked against
. "$(dirname "$0")/lib.sh"

TARGET=${TARGET:--16}
CEILING=${CEILING:--1}

file=${1:-}
frames='' rate=''
if [ -z "$file" ]; then
	bin=$TOP/${UNIT_DIR:-build/unit}/test_render
	if [ ! -x "$bin" ]; then
		fail "build/unit/test_render is not built (make unit)"
		exit 1
	fi
	file=$SCRATCH/episode.ogg
	PODSYNTH_TEST_OGG=$file "$bin" >"$SCRATCH/unit.log" 2>&1
	check "synthetic episode rendered" test -s "$file"
	read -r frames rate < <(sed -n 's/^# kept \([0-9]*\) frames at \([0-9]*\) Hz$/\1 \2/p' "$SCRATCH/unit.log")
fi
if [ ! -s "$file" ]; then
	fail "no audio file to check: $file"
	exit 1
fi

# ffmpeg's meter: "I P", the Summary's "I:" and the true "Peak:". Opus is
# decoded with libopus, as players do (ffmpeg's own decoder differs).
ffmeter() {
	local dec=()
	case $1 in *.opus) dec=(-c:a libopus) ;; esac
	ffmpeg -nostats -hide_banner -nostdin "${dec[@]}" -i "$1" -af ebur128=peak=true -f null - 2>&1 |
		sed -n '/Summary:/,$p' |
		awk '$1 == "I:" && i == "" { i = $2 } $1 == "Peak:" && p == "" { p = $2 } END { print i, p }'
}
read -r I peak < <(ffmeter "$file")
if [ -z "$I" ] || [ -z "$peak" ]; then
	fail "ffmpeg ebur128 summary not found"
else
	check "integrated loudness $I LUFS within 0.5 LU of $TARGET" \
		awk -v i="$I" -v t="$TARGET" 'BEGIN { d = i - t; exit !(d <= 0.5 && d >= -0.5) }'
	check "true peak $peak dBTP at or under $CEILING" \
		awk -v p="$peak" -v c="$CEILING" 'BEGIN { exit !(p == "-inf" || p + 0 <= c + 0) }'
fi

# ogginfo: exits 0 and says nothing of warnings or errors.
ogginfo "$file" >"$SCRATCH/ogginfo.log" 2>&1
rc=$?
check_eq "ogginfo exit status" "$rc" 0
check_eq "ogginfo warnings and errors" "$(grep -ciE 'warning|error' "$SCRATCH/ogginfo.log")" 0

# Comments: a title, and chapters in the Xiph chapter form.
vorbiscomment -l "$file" >"$SCRATCH/comments" 2>&1
check "TITLE comment" grep -q '^TITLE=.' "$SCRATCH/comments"
check "ENCODER=podsynth" grep -qx 'ENCODER=podsynth' "$SCRATCH/comments"
check "CHAPTER001 is HH:MM:SS.mmm" grep -qE '^CHAPTER001=[0-9]{2}:[0-5][0-9]:[0-5][0-9]\.[0-9]{3}$' "$SCRATCH/comments"
check "CHAPTER001NAME" grep -q '^CHAPTER001NAME=.' "$SCRATCH/comments"
bad=$(grep -E '^CHAPTER[0-9]+=' "$SCRATCH/comments" | grep -cvE '^CHAPTER[0-9]{3}=[0-9]{2}:[0-5][0-9]:[0-5][0-9]\.[0-9]{3}$')
check_eq "every chapter time well formed" "$bad" 0

# Length: the laid-out frames over the rate, to the sample.
if [ -n "$frames" ]; then
	dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$file")
	check "duration $dur s is $frames frames at $rate Hz" \
		awk -v d="$dur" -v f="$frames" -v r="$rate" 'BEGIN { x = d - f / r; exit !(x < 0.0001 && x > -0.0001) }'
fi

[ $# -gt 0 ] && exit 0

# A real build, cold, then after a one-word edit, then the edited episode
# again from an empty cache: the cache's history must not change a byte.
newproj
cat >episodes/2026-04-01-levels.md <<'MD'
---
title: "Levels"
description: An episode for the audio tests.
---

Welcome. The first paragraph is plain speech, read at an even pace.

## Quotes

> "It is merged," the maintainer wrote, "and it will stay merged."

The last paragraph is about the weather, which was cold and windy all week.
MD
ep=episodes/2026-04-01-levels.md
stem=rss/episodes/2026-04-01-levels
"$PODSYNTH" build -j 2 "$ep" >b1.txt 2>&1
check "cold build: MP3 and Opus (the default formats)" test -s "$stem.mp3" -a -s "$stem.opus"
check "no Vorbis unless asked for" test ! -e "$stem.ogg"
nlvl=$(find build/cache -name '*.seg.lvl' | wc -l)
nseg=$(find build/cache -name '*.seg' | wc -l)
check_eq "every segment's level is kept" "$nlvl" "$nseg"
sed -i 's/cold and windy/cold and wet/' "$ep"
"$PODSYNTH" build -j 2 "$ep" >b2.txt 2>&1
check "rebuild after a one-word edit synthesises one segment" grep -q ': 1 synthesized, ' b2.txt
cp "$stem.mp3" edited.mp3
cp "$stem.opus" edited.opus
rm -rf build/cache
"$PODSYNTH" build -j 2 "$ep" >b3.txt 2>&1
for x in mp3 opus; do
	check "the edited episode from an empty cache is the same $x file" cmp -s edited.$x "$stem.$x"
	read -r I peak < <(ffmeter "$stem.$x")
	read -r myI mypeak < <(tail -n 1 b3.txt | sed -n "s/.*, $x \(-\{0,1\}[0-9.]*\) LUFS \(-\{0,1\}[0-9.]*\) dBTP.*/\1 \2/p")
	check "built $x: loudness $I LUFS within 0.5 LU of $TARGET" \
		awk -v i="$I" -v t="$TARGET" 'BEGIN { d = i - t; exit !(i != "" && d <= 0.5 && d >= -0.5) }'
	check "built $x: true peak $peak dBTP at or under $CEILING" \
		awk -v p="$peak" -v c="$CEILING" 'BEGIN { exit !(p != "" && p + 0 <= c + 0) }'
	check "podsynth's $x figures ($myI LUFS, $mypeak dBTP) agree with ffmpeg's ($I, $peak) within 0.15" \
		awk -v a="$myI" -v b="$I" -v p="$mypeak" -v q="$peak" \
		'BEGIN { exit !(a != "" && (a - b) ^ 2 <= 0.0225 && (p - q) ^ 2 <= 0.0225) }'
done
opusinfo "$stem.opus" >opusinfo.log 2>&1
check_eq "built episode: opusinfo clean" "$?:$(grep -ciE 'warning|error' opusinfo.log)" "0:0"
mp3val "$stem.mp3" >mp3val.log 2>&1
check_eq "built episode: mp3val finds no problem" "$(grep -cE '^(WARNING|ERROR)' mp3val.log)" 0
