#!/usr/bin/env bash
# tests/t-audio.sh: a rendered episode checked with independent tools:
# ffmpeg's EBU R128 meter (integrated loudness within 0.5 LU of the target,
# true peak at or under the ceiling), ogginfo (no warnings), vorbiscomment
# (title and chapters), ffprobe (length).
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

# ffmpeg's meter: the Summary's "I:" and the true "Peak:".
ffmpeg -nostats -hide_banner -i "$file" -af ebur128=peak=true -f null - >"$SCRATCH/ff.log" 2>&1
summary=$(sed -n '/Summary:/,$p' "$SCRATCH/ff.log")
I=$(awk '$1 == "I:" { print $2; exit }' <<<"$summary")
peak=$(awk '$1 == "Peak:" { print $2; exit }' <<<"$summary")
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
