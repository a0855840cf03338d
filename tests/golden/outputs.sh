#!/usr/bin/env bash
# Makes the publishing outputs of the golden episodes (tests/golden/*.md,
# show settings tests/golden/channel.yaml) and writes them, with their
# volatile fields normalised, into DIR: feed.xml, and for each episode
# SLUG.vtt, SLUG.srt, SLUG.chapters.json, SLUG.words.json and every page (*.html).
# Used by tests/t-golden.sh (compare) and tests/regen.sh (make regen).
# Usage: PODSYNTH=./podsynth tests/golden/outputs.sh DIR
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$1" && pwd)
: "${PODSYNTH:=$here/../../podsynth}"
work=$(mktemp -d "${TMPDIR:-/tmp}/podsynth-golden.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rss" "$work/episodes"
cp -r "$here/../../voices" "$work/voices"
cp "$here/channel.yaml" "$work/rss/channel.yaml"
cp "$here"/*.md "$work/episodes/"
export PODSYNTH_CACHE="$work/build/cache"
cd "$work" || exit 1
rc=0
"$PODSYNTH" build -j 2 --no-progress episodes/*.md >build.log 2>&1 || rc=1
"$PODSYNTH" feed -q >>build.log 2>&1 || rc=1
if [ "$rc" != 0 ]; then
	cat build.log >&2
	exit 1
fi

# The volatile fields: the content hash in the name of published audio and
# images (the cover is drawn with the fonts installed), byte lengths, the
# program's version. Everything else is fixed by the inputs.
normalise() {
	sed -E -e 's/\.[0-9a-f]{12}\.(ogg|mp3|opus|m4a|png|jpg|jpeg|webp)/.HASH.\1/g' \
	       -e 's/length="[0-9]+"/length="N"/g' \
	       -e 's/podsynth [0-9]+\.[0-9]+\.[0-9]+/podsynth VERSION/g' "$1"
}
normalise rss/feed.xml >"$out/feed.xml"
(cd rss && find . -name '*.html' -o -name '*.vtt' -o -name '*.srt' -o -name '*.chapters.json' -o -name '*.words.json') | sort |
while read -r f; do
	normalise "rss/$f" >"$out/$(echo "${f#./}" | tr / _)"
done
