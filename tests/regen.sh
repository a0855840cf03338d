#!/usr/bin/env bash
# Regenerates every golden file from the current program, on purpose (run
# it as `make regen`, the one way to do it). Review the diff (git diff
# tests/) before committing it.
#   tests/parse/NAME.segments          podsynth segments --dump   (t-parse.sh)
#   tests/speech/golden/NAME.script    podsynth script            (t-speech.sh)
#   tests/golden/expected/*            feed, WebVTT, chapters, pages (t-golden.sh)
set -eu
cd "$(dirname "$0")/.."
TOP=$PWD
: "${PODSYNTH:=$PWD/podsynth}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rss" "$work/episodes"
cp -r voices "$work/"
cp rss/channel.yaml "$work/rss/"
export PODSYNTH_CACHE="$work/build/cache"
for md in tests/parse/*.md; do
	name=$(basename "$md" .md)
	cp "$md" "$work/episodes/$name.md"
	(cd "$work" && "$PODSYNTH" segments --dump "episodes/$name.md") >"tests/parse/$name.segments"
done
for md in tests/speech/golden/*.md; do
	name=$(basename "$md" .md)
	cp "$md" "$work/episodes/$name.md"
	(cd "$work" && "$PODSYNTH" script "episodes/$name.md") >"tests/speech/golden/$name.script"
done
rm -rf tests/golden/expected
mkdir -p tests/golden/expected
PODSYNTH="$PODSYNTH" tests/golden/outputs.sh tests/golden/expected
# podsynth draft's golden drafts (tests/draft/cases, as tests/t-draft.sh runs them)
sed "s|@TEMPLATES@|$TOP/src/templates|" tests/draft/channel.yaml >"$work/rss/channel.yaml"
cp -r tests/draft/fixtures "$work/fixtures"
# as in tests/t-draft.sh: episodes/ holds only the drafts written before
rm -rf "$work/episodes" && mkdir "$work/episodes"
while IFS=$'\t' read -r name args; do
	case $name in ''|'#'*) continue ;; esac
	# shellcheck disable=SC2086
	(cd "$work" && "$PODSYNTH" draft $args 2>/dev/null) >"tests/draft/$name.md"
	cp "tests/draft/$name.md" "$work/episodes/$name.md"
done <tests/draft/cases
# the catalogue's table in docs/messages.md (tests/t-bad.sh compares them)
{
	sed '/^| `/,$d' docs/messages.md
	"$PODSYNTH" check --messages | sed 's/|/\\|/g' | awk -F'\t' '{printf "| `%s` | %s | %s |\n", $1, $2, $3}'
} >"$work/messages.md"
mv "$work/messages.md" docs/messages.md
echo "regenerated; review with: git diff tests/ docs/messages.md"
