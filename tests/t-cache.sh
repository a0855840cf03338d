#!/usr/bin/env bash
# podsynth cache: the report (entries, size, in use, stale temporary
# files), --prune of entries no current episode uses, --older-than, -n,
# and the safety rules: never a temporary file whose process runs, never
# while an episode has an error, under the show's lock.
. "$(dirname "$0")/lib.sh"
newproj
printf 'intro: none\noutro: none\n' >>rss/channel.yaml
cat >episodes/2026-08-01-a.md <<'MD'
---
title: Episode A
---

The first paragraph of episode A.

The second paragraph of episode A.
MD
cat >episodes/2026-08-08-b.md <<'MD'
---
title: Episode B
draft: true
---

Episode B is a draft with one paragraph.
MD
"$PODSYNTH" build -j 2 episodes/2026-08-01-a.md >b1.txt 2>&1
"$PODSYNTH" build -j 2 --drafts episodes/2026-08-08-b.md >b2.txt 2>&1
C=build/cache
nseg=$(find $C -name '*.seg' | wc -l)
check_eq "three segments cached" "$nseg" 3
"$PODSYNTH" cache >r1.txt 2>&1
check "cache: reports entries, size and use" \
	grep -qE "^$PROJ/build/cache: 3 entries, [0-9.]+ MB; 3 used by 2 episodes \([0-9.]+ MB\), 0 unused; 0 stale temporary files\$" r1.txt
check_eq "cache: a report removes nothing" "$(find $C -name '*.seg' | wc -l)" 3

# An edit leaves one entry unused.
sed -i 's/The second paragraph of episode A./The second paragraph, edited./' episodes/2026-08-01-a.md
"$PODSYNTH" build -j 2 episodes/2026-08-01-a.md >b3.txt 2>&1
"$PODSYNTH" cache >r2.txt 2>&1
check "cache: the edited paragraph's old entry is unused" grep -q '3 used by 2 episodes .*, 1 unused;' r2.txt

# Temporary files: one of a process that is gone, one of a running process.
sub=$(ls $C | head -n 1)
sleep 0.01 & dead=$!; wait $dead
echo partial >"$C/$sub/0123456789abcdef0123456789abcdef.seg.tmp.$dead"
sleep 60 & live=$!
echo writing >"$C/$sub/fedcba9876543210fedcba9876543210.seg.tmp.$live"
"$PODSYNTH" cache >r3.txt 2>&1
check "cache: counts the stale temporary file only" grep -q '; 1 stale temporary file$' r3.txt

"$PODSYNTH" cache --prune -n >r4.txt 2>&1
check "cache -n: says what it would remove" grep -q 'would remove 1 entry (.*) and 1 stale temporary file' r4.txt
check_eq "cache -n: removes nothing" "$(find $C -name '*.seg' | wc -l)" 4

# An episode with an error: its segments would look unused, so no pruning.
printf -- '---\ntitle: [broken\n---\n\nText.\n' >episodes/2026-08-15-broken.md
"$PODSYNTH" cache --prune >r5.txt 2>r5.err
check "cache --prune: refuses while an episode has an error" test $? -ne 0
check "...and says why" grep -q 'cache not pruned: fix the errors above first' r5.err
check_eq "...and removes nothing" "$(find $C -name '*.seg' | wc -l)" 4
rm episodes/2026-08-15-broken.md

"$PODSYNTH" cache --prune >r6.txt 2>&1
check "cache --prune: removes the unused entry and the stale temporary file" \
	grep -q 'removed 1 entry (.*) and 1 stale temporary file$' r6.txt
check_eq "cache --prune: the used entries stay" "$(find $C -name '*.seg' | wc -l)" 3
check_eq "cache --prune: no level record without its entry" \
	"$(for l in $(find $C -name '*.seg.lvl'); do test -e "${l%.lvl}" || echo "$l"; done)" ""
check_eq "cache --prune: no encoded chunk without its entry" \
	"$(for c in $(find $C -name '*.chunk'); do test -e "${c%%.*}.seg" || echo "$c"; done)" ""
check "cache --prune: the used entries keep their chunks" test "$(find $C -name '*.mp3.chunk' | wc -l)" -ge 3
check "cache --prune: the stale temporary file is gone" test ! -e "$C/$sub/0123456789abcdef0123456789abcdef.seg.tmp.$dead"
check "cache --prune: a running process's temporary file stays" test -e "$C/$sub/fedcba9876543210fedcba9876543210.seg.tmp.$live"
kill $live; wait $live 2>/dev/null
# A chunk's temporary file (one per encoder thread) left by a killed build.
chunk=$(find $C -name '*.mp3.chunk' | head -n 1)
sleep 0.01 & dead=$!; wait $dead
echo partial >"$chunk.4242.tmp.$dead"
"$PODSYNTH" cache --prune >r6b.txt 2>&1
# (and the one of the process killed above, stale now too)
check "cache --prune: a killed build's chunk temporary file is stale" grep -q 'and 2 stale temporary files$' r6b.txt
check "...and removed" test ! -e "$chunk.4242.tmp.$dead"
"$PODSYNTH" build -j 2 episodes/2026-08-01-a.md >b4.txt 2>&1
check "after pruning nothing needs synthesising" grep -q ': 0 synthesized, 2 cached' b4.txt
"$PODSYNTH" build -j 2 --drafts episodes/2026-08-08-b.md >b5.txt 2>&1
check "a draft's entries count as used" grep -q ': 0 synthesized, 1 cached' b5.txt

# --older-than removes old entries, used or not.
one=$(find $C -name '*.seg' | head -n 1)
touch -d '40 days ago' "$one"
"$PODSYNTH" cache --older-than 30d >r7.txt 2>&1
check "cache --older-than 30d removes the entry 40 days old" grep -q 'removed 1 entry' r7.txt
check "...that one" test ! -e "$one"
check_eq "...and only that one" "$(find $C -name '*.seg' | wc -l)" 2
"$PODSYNTH" cache --older-than soon >r8.txt 2>&1
check_eq "cache --older-than: a bad age is a usage error" "$?" 2

# Pruning holds the show's lock.
# (the holder lets go only once the prune has said it waits, however
# slow the machine: a holder of a fixed second could be gone before it)
flock -o rss sh -c 'while [ ! -e release ]; do sleep 0.05; done' & holder=$!
for _ in $(seq 100); do flock -n rss true || break; sleep 0.02; done
"$PODSYNTH" cache --prune >r9.txt 2>r9.err & pruner=$!
for _ in $(seq 400); do grep -q 'waiting for it to finish' r9.err && break; sleep 0.05; done
touch release
wait $holder
wait $pruner
check "cache --prune waits for the show's lock" grep -q 'waiting for it to finish' r9.err
