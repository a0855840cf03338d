#!/usr/bin/env bash
# Golden files for what is published: the feed, each episode's WebVTT
# transcript, JSON chapters and page, made from tests/golden/*.md by
# tests/golden/outputs.sh (volatile fields normalised) and compared with
# tests/golden/expected/. Regenerate on purpose with: make regen
. "$(dirname "$0")/lib.sh"
cd "$SCRATCH" || exit 1
got="$SCRATCH/golden"
mkdir -p "$got"
if ! PODSYNTH="$PODSYNTH" "$TOP/tests/golden/outputs.sh" "$got" 2>err.txt; then
	fail "golden outputs are made"; head -20 err.txt
fi
want="$TOP/tests/golden/expected"
for f in "$want"/*; do
	name=$(basename "$f")
	if [ -f "$got/$name" ] && diff -u "$f" "$got/$name" >diff.out; then
		ok "golden $name"
	else
		fail "golden $name (make regen, then review git diff tests/)"; head -30 diff.out 2>/dev/null
	fi
done
for f in "$got"/*; do
	name=$(basename "$f")
	check "golden $name has an expected copy (make regen adds it)" test -f "$want/$name"
done
check_eq "the feed names both golden episodes" "$(grep -c '<enclosure ' "$got/feed.xml")" 2
# What a person reads holds the written words only: no hint mark (core/text.h,
# C0 controls) reaches a transcript, the words JSON, a page or the feed, and
# the short episode's letter A and phoneme word are shown as written.
check "no published output holds a control character" bash -c \
	"! LC_ALL=C grep -l \$'[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f]' '$got'/*"
check "the words JSON shows the letter A and the lexicon's word as written" bash -c \
	"grep -qF '\"body\": \"A\"}' '$got/episodes_2026-09-14-short.words.json' &&
	 grep -qF '\"body\": \"Gleixner\"}' '$got/episodes_2026-09-14-short.words.json'"
