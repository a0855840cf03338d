#!/usr/bin/env bash
# A host's ordinary mistakes (issue 20), named by `podsynth check` before
# they go on air: every case in tests/mistakes/ is checked in a fresh
# project and must produce each line of its NAME.expect (file:line: level:
# text, the file's name relative to where it was put); a case with an error
# exits non-zero, a case with only warnings exits 0.
#   tests/mistakes/NAME.md        an episode, put in episodes/
#   tests/mistakes/NAME.lexicon   a lexicon, put in voices/
. "$(dirname "$0")/lib.sh"
M=$TOP/tests/mistakes
for f in "$M"/*.md "$M"/*.lexicon; do
	name=$(basename "$f")
	stem=${name%.*}
	newproj
	case $name in
	*.md) cp "$f" "episodes/$name"; dir=episodes ;;
	*.lexicon)
		cp "$f" "voices/$name"; dir=voices
		printf -- '---\ntitle: Fine\ndate: 2026-02-01\n---\n\nText.\n' >episodes/2026-02-01-fine.md ;;
	esac
	"$PODSYNTH" check >out.txt 2>err.txt
	rc=$?
	while IFS= read -r want; do
		check "$stem: $want" grep -qF -- "$dir/$want" err.txt ||
			sed 's/^/    got:  /' err.txt | head -3
	done <"$M/$stem.expect"
	if grep -q ': error: ' "$M/$stem.expect"; then
		check "$stem: exits non-zero" test "$rc" -ne 0
	else
		check "$stem: a warning only, exits 0" test "$rc" -eq 0
	fi
done
n=$(ls "$M"/*.expect | wc -l)
check "at least 20 host mistakes in tests/mistakes/ ($n)" test "$n" -ge 20
# Every expectation is a message of the catalogue (as tests/bad/ is checked in t-bad.sh).
"$PODSYNTH" check --messages | cut -f3 >catalogue.txt
while read -r exp; do
	text=$(sed 's/^[^ ]*: \(warning\|error\|note\): //' <<<"$exp")
	found=0
	while IFS= read -r tmpl; do
		rx=$(printf '%s' "$tmpl" | sed 's/[][\.*^$/]/\\&/g; s/%s/.*/g')
		if grep -qx -- "$rx" <<<"$text"; then found=1; break; fi
	done <catalogue.txt
	check "catalogue message: $text" test "$found" = 1
done < <(cat "$M"/*.expect)
# A Chinese label with the full-width colon a Chinese keyboard types is a
# label, as with ':': the declared speaker's name is not read aloud.
newproj
cp "$M/label-zh.md" episodes/
"$PODSYNTH" script episodes/label-zh.md >script.txt 2>&1
check "a full-width colon ends a speaker label (小明： is not read aloud)" bash -c '! grep -q "小明：" script.txt'
check "...and the paragraph is 小明's" grep -q "小明/zh  大家好" script.txt
