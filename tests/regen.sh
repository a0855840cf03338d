#!/usr/bin/env bash
# Regenerates the golden files from the current program, on purpose. Review
# the diff (git diff tests/) before committing it.
set -eu
cd "$(dirname "$0")/.."
TOP=$PWD
PODSYNTH=$PWD/podsynth
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rss" "$work/episodes"
cp -r voices "$work/"
cp rss/channel.yaml "$work/rss/"
for md in tests/parse/*.md; do
	name=$(basename "$md" .md)
	cp "$md" "$work/episodes/$name.md"
	(cd "$work" && "$PODSYNTH" segments --dump "episodes/$name.md") >"tests/parse/$name.segments"
done
# podsynth draft's golden drafts (tests/draft/cases, as tests/t-draft.sh runs them)
sed "s|@TEMPLATES@|$TOP/src/templates|" tests/draft/channel.yaml >"$work/rss/channel.yaml"
cp -r tests/draft/fixtures "$work/fixtures"
while IFS=$'\t' read -r name args; do
	case $name in ''|'#'*) continue ;; esac
	# shellcheck disable=SC2086
	(cd "$work" && "$PODSYNTH" draft $args 2>/dev/null) >"tests/draft/$name.md"
done <tests/draft/cases
echo "regenerated; review with: git diff tests/"
