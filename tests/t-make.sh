#!/usr/bin/env bash
# make episode: renders every non-draft episode, then only what changed;
# make episode EP=... builds one; make segment re-synthesises one segment.
. "$(dirname "$0")/lib.sh"
newproj
cp "$TOP/Makefile" .
for n in one two; do
	cat >"episodes/2026-04-0${#n}-$n.md" <<MD
---
title: Episode $n
---

Episode $n has one paragraph.
MD
done
mv episodes/2026-04-03-two.md episodes/2026-04-04-two.md
cat >episodes/2026-04-05-draft.md <<'MD'
---
title: Not yet
draft: true
---

A draft is never rendered by make episode.
MD
mk() { make --no-print-directory PODSYNTH="$PODSYNTH" JOBS=2 "$@"; }
mk episode >m1.txt 2>&1
rc=$?
check "make episode succeeds" test "$rc" -eq 0
check "both episodes rendered" test -s rss/episodes/2026-04-03-one.mp3 -a -s rss/episodes/2026-04-04-two.opus
check "the draft is not rendered" test ! -e rss/episodes/2026-04-05-draft.mp3
mk episode >m2.txt 2>&1
check_eq "a second make episode renders nothing" "$(grep -c ' build ' m2.txt)" 0
sleep 1; printf "\nA new paragraph.\n" >>episodes/2026-04-04-two.md
mk episode >m3.txt 2>&1
check_eq "after an edit, make episode renders only that episode" "$(grep -c ' build ' m3.txt)" 1
check "...and synthesises one segment" grep -q '2026-04-04-two.md: 1 synthesized, 1 cached' m3.txt
mk episode EP=episodes/2026-04-03-one.md >m4.txt 2>&1
check "make episode EP= builds that episode" grep -q '2026-04-03-one.md: 0 synthesized, 1 cached' m4.txt
id=$("$PODSYNTH" segments episodes/2026-04-03-one.md | awk 'NR==1{print $1}')
mk segment EP=episodes/2026-04-03-one.md SEG="$id" >m5.txt 2>&1
check "make segment re-synthesises the segment" grep -q '2026-04-03-one.md: 1 synthesized, 0 cached' m5.txt

# make install PREFIX=... DESTDIR=...: the program, the manual, the voices.
inst="$SCRATCH/inst"
make --no-print-directory -C "$TOP" -o "$PODSYNTH" install BIN="$PODSYNTH" PREFIX=/usr DESTDIR="$inst" >inst.txt 2>&1
check "make install succeeds" test $? -eq 0
check "make install: the program" test -x "$inst/usr/bin/podsynth"
check "make install: the manual page" test -s "$inst/usr/share/man/man1/podsynth.1"
check "make install: the voice profiles and lexicon" \
	test -s "$inst/usr/share/podsynth/voices/host.voice" -a -s "$inst/usr/share/podsynth/voices/kernel.lexicon"
check "the installed manual renders" bash -c "man -l '$inst/usr/share/man/man1/podsynth.1' 2>/dev/null | grep -q 'podsynth build'"
check "the installed program runs" bash -c "'$inst/usr/bin/podsynth' --version | grep -q '^podsynth '"
