#!/usr/bin/env bash
# Bad input: every case in tests/bad/ exits non-zero with the expected
# "file:line: error: ..." (NAME.expect, a fixed string looked for in the
# messages), changes nothing in rss/, and `podsynth check` finds the same
# problem without rendering.
#   tests/bad/episodes/NAME.md        an episode (front matter, Markdown)
#   tests/bad/channel/NAME.yaml       the show settings, with a good episode
#   tests/bad/feed/NAME.yaml          the show settings the feed checks, read by
#                                     `podsynth feed`
#   tests/bad/voices/NAME.voice       a voice profile in voices/, made the
#                                     show's voice (voice: NAME)
#   tests/bad/lexicons/NAME.lexicon   a lexicon in voices/; listed-NAME ones
#                                     are read through lexicons: in channel.yaml
#   tests/bad/assets/NAME.wav         the intro (outro-NAME: the outro) named
#                                     on line 3 of a three-line channel.yaml;
#                                     NAME.mkdir: the intro is a directory
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

run_case() { # NAME EXPECT-FILE CMD...: CMD fails with the diagnostic, rss/ untouched
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

# The same problem found by `podsynth check`, which renders nothing.
check_finds() { # NAME EXPECT-FILE EPISODE
	"$PODSYNTH" check "$3" >/dev/null 2>err2.txt
	local rc=$?
	if [ "$rc" -ne 0 ] && grep -qF -- "$(cat "$2")" err2.txt; then
		ok "check reports $1"
	else
		fail "check reports $1: exit $rc"
		sed 's/^/    got:  /' err2.txt | head -3
	fi
}

for y in "$TOP"/tests/bad/channel/*.yaml; do
	name=$(basename "$y" .yaml)
	newproj
	publish_previous
	good_episode
	cp "$y" rss/channel.yaml
	run_case "channel $name" "${y%.yaml}.expect" "$PODSYNTH" build -j 1 episodes/good.md
	check_finds "channel $name" "${y%.yaml}.expect" episodes/good.md
done

for y in "$TOP"/tests/bad/feed/*.yaml; do
	name=$(basename "$y" .yaml)
	newproj
	publish_previous
	good_episode
	cp "$y" rss/channel.yaml
	run_case "feed settings $name" "${y%.yaml}.expect" "$PODSYNTH" feed
done

for v in "$TOP"/tests/bad/voices/*.voice; do
	name=$(basename "$v" .voice)
	newproj
	publish_previous
	good_episode
	cp "$v" "voices/$name.voice"
	if grep -q '^voice:' rss/channel.yaml; then
		sed -i "s/^voice:.*/voice: $name/" rss/channel.yaml
	else
		echo "voice: $name" >>rss/channel.yaml
	fi
	run_case "voice profile $name" "${v%.voice}.expect" "$PODSYNTH" build -j 1 episodes/good.md
	check_finds "voice profile $name" "${v%.voice}.expect" episodes/good.md
done

for l in "$TOP"/tests/bad/lexicons/*.lexicon; do
	name=$(basename "$l" .lexicon)
	newproj
	publish_previous
	good_episode
	cp "$l" "voices/$name.lexicon"
	case $name in
	listed-*) printf 'lexicons:\n  - ../voices/%s.lexicon\n' "$name" >>rss/channel.yaml ;;
	esac
	run_case "lexicon $name" "${l%.lexicon}.expect" "$PODSYNTH" build -j 1 episodes/good.md
	check_finds "lexicon $name" "${l%.lexicon}.expect" episodes/good.md
done

for a in "$TOP"/tests/bad/assets/*.wav "$TOP"/tests/bad/assets/*.mkdir; do
	[ -e "$a" ] || continue
	name=$(basename "${a%.*}")
	newproj
	publish_previous
	good_episode
	which=intro
	case $name in outro-*) which=outro ;; esac
	printf 'title: Bad asset\nlink: http://127.0.0.1:8000\n%s: %s.wav\n' "$which" "$which" >rss/channel.yaml
	case $a in
	*.mkdir) mkdir "rss/$which.wav" ;;
	*) cp "$a" "rss/$which.wav" ;;
	esac
	run_case "$which $name" "${a%.*}.expect" "$PODSYNTH" build -j 1 episodes/good.md
	check_finds "$which $name" "${a%.*}.expect" episodes/good.md
done

n=$(ls "$TOP"/tests/bad/*/*.expect | wc -l)
check "at least 40 bad inputs in tests/bad/ ($n)" test "$n" -ge 40

# Every expectation is a message of the catalogue (src/core/msg.h, listed by
# `podsynth check --messages`): its level and its text, each "%s" standing
# for the detail. An expectation may stop before the message's end.
"$PODSYNTH" check --messages >catalogue.tsv
python3 - catalogue.tsv "$TOP"/tests/bad/*/*.expect >matched.txt <<'PY'
import functools, re, sys
cat = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
@functools.lru_cache(maxsize=None)
def prefixes(tmpl):
    """The patterns of a template's prefixes an expectation may be, compiled
    once (recompiled for every expectation, they took 24 s of CPU)."""
    out = []
    for i in range(len(tmpl) + 1):
        part = tmpl[:i]
        # a cut message keeps some of the text's own words
        if part.endswith("%") or (i < len(tmpl) and len(part.replace("%s", "").strip(" :")) < 6):
            continue
        out.append(re.compile(".*".join(re.escape(c) for c in part.split("%s")), re.S))
    return out
def matches(text, tmpl):
    return any(rx.fullmatch(text) for rx in prefixes(tmpl))
for path in sys.argv[2:]:
    want = open(path).read().strip()
    m = re.match(r"[^ ]*?(?::\d+)*: (note|warning|error): (.*)", want, re.S)
    names = [n for n, lvl, t in cat if m and lvl == m.group(1) and matches(m.group(2), t)]
    print(path.split("/tests/bad/")[1], names[0] if names else "-")
PY
while read -r file name; do
	check "tests/bad/$file is the catalogue's $name" test "$name" != "-"
done <matched.txt
check "every expectation was matched" test "$(wc -l <matched.txt)" -eq "$(ls "$TOP"/tests/bad/*/*.expect | wc -l)"
# docs/messages.md shows the catalogue as it is (regenerate its table with
# `podsynth check --messages` when a message changes).
sed 's/|/\\|/g' catalogue.tsv | awk -F'\t' '{printf "| `%s` | %s | %s |\n", $1, $2, $3}' >want.md
grep '^| `' "$TOP/docs/messages.md" >have.md
check "docs/messages.md shows every message of the catalogue as it is" diff -u want.md have.md
