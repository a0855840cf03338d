#!/usr/bin/env bash
# Bad input: every case in tests/bad/ exits non-zero with the expected
# "file:line: error: ..." and changes nothing in rss/.
#   tests/bad/episodes/NAME.md      an episode; NAME.expect the diagnostic
#   tests/bad/channel/NAME.yaml     show settings used with a good episode
. "$(dirname "$0")/lib.sh"

good_episode() {
	cat >episodes/good.md <<'MD'
---
title: A good episode
date: 2026-01-01
---

One short paragraph.
MD
}

# A previously published site, which bad input must not touch.
publish_previous() {
	mkdir -p rss/episodes
	echo "previous feed" >rss/feed.xml
	echo "previous audio" >rss/episodes/bad.ogg
}

run_case() { # NAME FILE-UNDER-TEST EXPECT-FILE CMD...
	local name=$1 expect=$2; shift 2
	local before after
	before=$(tree_sum rss)
	"$@" >out.txt 2>err.txt
	local rc=$?
	after=$(tree_sum rss)
	local want
	want=$(cat "$expect")
	if [ "$rc" -ne 0 ] && grep -qF -- "$want" err.txt && [ "$before" = "$after" ]; then
		ok "bad input $name"
	else
		fail "bad input $name: exit $rc, rss changed: $([ "$before" = "$after" ] && echo no || echo yes)"
		echo "    want: $want"; sed 's/^/    got:  /' err.txt | head -5
	fi
}

for md in "$TOP"/tests/bad/episodes/*.md; do
	name=$(basename "$md" .md)
	newproj
	publish_previous
	cp "$md" "episodes/$name.md"
	run_case "episode $name" "${md%.md}.expect" "$PODSYNTH" build -j 1 "episodes/$name.md"
	# `check` finds the same problem without rendering.
	"$PODSYNTH" check "episodes/$name.md" >/dev/null 2>err2.txt
	check "check reports $name" grep -qF -- "$(cat "${md%.md}.expect")" err2.txt
done

for y in "$TOP"/tests/bad/channel/*.yaml; do
	name=$(basename "$y" .yaml)
	newproj
	publish_previous
	good_episode
	cp "$y" rss/channel.yaml
	run_case "channel $name" "${y%.yaml}.expect" "$PODSYNTH" build -j 1 episodes/good.md
done

# An unreadable intro: a file that exists but is not audio.
newproj
publish_previous
good_episode
echo "not audio" >rss/intro.wav
echo "intro: intro.wav" >>rss/channel.yaml
before=$(tree_sum rss)
"$PODSYNTH" build -j 1 episodes/good.md >/dev/null 2>err.txt
rc=$?
check "an intro that is not audio fails" test "$rc" -ne 0
check "the error names the intro file" grep -q 'intro.wav' err.txt
check_eq "an intro that is not audio changes nothing in rss/" "$(tree_sum rss)" "$before"
