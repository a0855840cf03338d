#!/usr/bin/env bash
# No episode can write over another's files: two episode files that claim
# the same slug or the same guid are rejected by build, check, feed and
# make episode before anything is written, naming both files with the line
# of the key. And drafts, one rule everywhere: draft: true in the front
# matter or a file name ending in .draft.md.
. "$(dirname "$0")/lib.sh"
newproj
cp "$TOP/Makefile" .
intro_none() { printf 'intro: none\noutro: none\n' >>rss/channel.yaml; }
intro_none

cat >episodes/2026-05-01-first.md <<'MD'
---
title: The first episode
slug: weekly
---

The first episode is published.
MD
"$PODSYNTH" build -j 2 episodes/2026-05-01-first.md >b1.txt 2>&1
"$PODSYNTH" feed -q >f1.txt 2>&1
check "the first episode is published" test -s rss/episodes/weekly.mp3 -a -s rss/feed.xml

# A second file claims the slug on its line 4.
cat >episodes/2026-05-08-second.md <<'MD'
---
title: The second episode
date: 2026-05-08
slug: weekly
---

The second episode must not replace the first.
MD
before=$(tree_sum rss)
# (the cache's audio: engine-facts, the voice check's answer that any
# command keeps once the directory exists, is no synthesis)
cache_files() { find build/cache -type f ! -name engine-facts | sort; }
cache_before=$(cache_files)
"$PODSYNTH" build -j 2 episodes/2026-05-08-second.md >b2.txt 2>b2.err
rc=$?
check "build: a duplicate slug fails" test "$rc" -ne 0
check "build: the message names this file at the key's line" \
	grep -q '^episodes/2026-05-08-second.md:4: error: duplicate slug "weekly"' b2.err
check "build: ...and the other file at its key's line" grep -q 'episodes/2026-05-01-first.md:3' b2.err
check_eq "build: nothing in rss/ changed" "$(tree_sum rss)" "$before"
check_eq "build: nothing was synthesised" "$(cache_files)" "$cache_before"

"$PODSYNTH" check episodes/2026-05-08-second.md >c2.txt 2>c2.err
check "check: a duplicate slug fails" test $? -ne 0
check "check: names both files" bash -c \
	"grep -q '^episodes/2026-05-08-second.md:4: error: duplicate slug' c2.err && grep -q 'first.md:3' c2.err"
"$PODSYNTH" check >c3.txt 2>c3.err
check "check of every episode fails too" test $? -ne 0

"$PODSYNTH" feed -q >f2.txt 2>f2.err
check "feed: a duplicate slug fails" test $? -ne 0
check_eq "feed: the duplicate is reported once" "$(grep -c 'duplicate slug' f2.err)" 1
check_eq "feed: nothing in rss/ changed" "$(tree_sum rss)" "$before"

make --no-print-directory PODSYNTH="$PODSYNTH" JOBS=2 episode >m1.txt 2>&1
check "make episode: a duplicate slug fails" test $? -ne 0
check "make episode: names both files" grep -q 'duplicate slug "weekly", also claimed by episodes/2026-05-0' m1.txt
check_eq "make episode: nothing in rss/ changed" "$(tree_sum rss)" "$before"

# A slug taken from a file name collides with a slug in the front matter.
rm episodes/2026-05-08-second.md
cat >episodes/weekly.md <<'MD'
---
title: Named after its file
date: 2026-05-09
---

This file's slug comes from its name.
MD
"$PODSYNTH" build -j 2 episodes/weekly.md >b3.txt 2>b3.err
check "build: a slug from the file name that is taken fails" test $? -ne 0
check "build: ...and says where the slug came from" \
	grep -q '^episodes/weekly.md: error: duplicate slug "weekly", also claimed by episodes/2026-05-01-first.md:3' b3.err
"$PODSYNTH" build -j 2 episodes/2026-05-01-first.md >b4.txt 2>b4.err
check "build: the owner is refused as well while the clash lasts" \
	grep -q 'also claimed by episodes/weekly.md (from its file name)' b4.err
rm episodes/weekly.md

# The same guid in two episodes.
cat >episodes/2026-05-15-third.md <<'MD'
---
title: The third episode
guid: urn:kernel-weekly:3
---

The third episode.
MD
cat >episodes/2026-05-22-fourth.md <<'MD'
---
title: The fourth episode

guid: urn:kernel-weekly:3
---

The fourth episode copied the third's front matter.
MD
"$PODSYNTH" build -j 2 episodes/2026-05-22-fourth.md >b5.txt 2>b5.err
check "build: a duplicate guid fails" test $? -ne 0
check "build: names both files at the guid's line" \
	grep -q '^episodes/2026-05-22-fourth.md:4: error: duplicate guid "urn:kernel-weekly:3", also claimed by episodes/2026-05-15-third.md:3' b5.err
check "build: nothing rendered for either" test ! -e rss/episodes/2026-05-22-fourth.mp3
"$PODSYNTH" check episodes/2026-05-15-third.md >c5.txt 2>c5.err
check "check: a duplicate guid fails" grep -q 'duplicate guid' c5.err
"$PODSYNTH" feed -q >f5.txt 2>f5.err
check "feed: a duplicate guid fails" grep -q 'duplicate guid' f5.err
sed -i 's/^guid: .*/guid: urn:kernel-weekly:4/' episodes/2026-05-22-fourth.md
"$PODSYNTH" build -j 2 episodes/2026-05-22-fourth.md >b6.txt 2>b6.err
check "build: with its own guid the episode builds" test -s rss/episodes/2026-05-22-fourth.mp3
rm episodes/2026-05-15-third.md episodes/2026-05-22-fourth.md
"$PODSYNTH" feed -q >f6.txt 2>&1
check "feed: without the clash it is written again" test $? -eq 0

# Slugs cannot hold a '.', so no slug is another's derived file name
# (x.chapters.json is the chapters of x, never the audio of "x.chapters").
cat >episodes/2026-05-29-dots.md <<'MD'
---
title: A slug with a dot
slug: weekly.chapters
---

Text.
MD
"$PODSYNTH" check episodes/2026-05-29-dots.md >c7.txt 2>c7.err
check "a slug with a dot is refused" grep -q 'dots.md:3: error: unsafe slug "weekly.chapters"' c7.err
rm episodes/2026-05-29-dots.md

# ---- drafts: one rule for build, check, feed and make episode ----
cat >episodes/2026-06-05-news.draft.md <<'MD'
---
title: Drafted by name
---

This episode is a draft because of its file name.
MD
cat >episodes/2026-06-12-flagged.md <<'MD'
---
title: Drafted in the front matter
draft: true
---

This episode is a draft because its front matter says so.
MD
for f in episodes/2026-06-05-news.draft.md episodes/2026-06-12-flagged.md; do
	n=$(basename "$f")
	"$PODSYNTH" build -j 2 "$f" >d.txt 2>d.err
	check "build: $n is a draft (exit 0)" test $? -eq 0
	check "build: $n is not rendered" grep -q 'draft: not rendered' d.err
	check "check: $n is a draft" grep -q ', draft$' <("$PODSYNTH" check "$f" 2>/dev/null)
done
check "build: no audio for either draft" bash -c '! ls rss/episodes | grep -q -e news -e flagged'
rm -f build/stamps/*
make --no-print-directory PODSYNTH="$PODSYNTH" JOBS=2 episode >m2.txt 2>&1
check "make episode succeeds with drafts present" test $? -eq 0
check "make episode renders neither draft" bash -c '! ls rss/episodes | grep -q -e news -e flagged'
check "the feed leaves both drafts out" bash -c "! grep -q -e 'Drafted' rss/feed.xml"
"$PODSYNTH" feed >f8.txt 2>f8.err
check "feed counts both drafts" grep -q '(2 drafts, 0 not rendered)' f8.err
"$PODSYNTH" build --drafts -j 2 episodes/2026-06-05-news.draft.md >d2.txt 2>&1
check "build --drafts renders a draft by name under its slug without .draft" \
	test -s rss/episodes/2026-06-05-news.mp3
# The draft of an episode and the episode itself share a slug.
cat >episodes/2026-06-05-news.md <<'MD'
---
title: Published from the draft
---

The finished episode, while its draft is still there.
MD
"$PODSYNTH" check episodes/2026-06-05-news.md >c9.txt 2>c9.err
check "an episode and its .draft.md both present clash" \
	grep -q 'duplicate slug "2026-06-05-news", also claimed by episodes/2026-06-05-news.draft.md (from its file name)' c9.err
