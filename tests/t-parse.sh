#!/usr/bin/env bash
# Golden files for parsing and segmentation: tests/parse/NAME.md beside
# NAME.segments, the output of `podsynth segments --dump`. Regenerate on
# purpose with: make regen
. "$(dirname "$0")/lib.sh"
newproj
for md in "$TOP"/tests/parse/*.md; do
	name=$(basename "$md" .md)
	want="$TOP/tests/parse/$name.segments"
	cp "$md" "episodes/$name.md"
	if "$PODSYNTH" segments --dump "episodes/$name.md" >got.segments 2>got.err &&
	   diff -u "$want" got.segments >diff.out; then
		ok "parse $name"
	else
		fail "parse $name"; cat got.err diff.out 2>/dev/null | head -20
	fi
	check "parse $name: no warnings" test ! -s got.err
done
# Not spoken: code, HTML, images, struck-through text, URLs. Tables are read.
"$PODSYNTH" segments --dump episodes/basic.md >dump.txt 2>/dev/null
for word in not_spoken "HTML comment" "raw HTML" "image is not" "out words" "lore.kernel.org"; do
	check "basic: \"$word\" is not spoken" bash -c "! grep -q '$word' dump.txt"
done
for word in "link to the archive" "inline_code()" "&" "—" "nested item" "Loose item two" "net-next: 412 commits."; do
	check "basic: \"$word\" is spoken" grep -qF -- "$word" dump.txt
done
# A tilde between digits is a range, not strike-through's mark: two of them
# in a paragraph used to strike the words between ("5~6 years and 10~20 ms"
# was said "five hundred twenty milliseconds"); a ~~struck~~ word still is.
cat >episodes/tilde.md <<'EOT'
---
title: "Tildes"
date: 2023-01-01
---

It takes 5~6 years and 10~20 ms, 500ms~10s and 50ms~1s, not ~~seven~~ years, and `1~2` in code.
EOT
"$PODSYNTH" script --plain episodes/tilde.md >tilde.txt 2>tilde.err
check "tilde: a range between digits is spoken" grep -q "five to six years and ten to twenty milliseconds" tilde.txt
check "tilde: ...a unit before it too (500ms~10s)" grep -q "five hundred milliseconds to ten seconds and fifty milliseconds to one second" tilde.txt
check "tilde: ~~struck~~ is still left out" bash -c "! grep -q seven tilde.txt"
check "tilde: a tilde in a code span is kept as written" bash -c "! grep -q 'backslash' tilde.txt"
# A wildcard inside an identifier is no emphasis's mark: two of them in a
# paragraph ("upper_*_bits() and lower_*_bits()") used to emphasise the
# words between and lose both stars; *emphasis* still is.
cat >episodes/star.md <<'EOT'
---
title: "Stars"
date: 2023-01-01
---

Use upper_*_bits() and lower_*_bits(), not CONFIG_FOO_* and *really* not drm_*_helper.
EOT
"$PODSYNTH" script --plain episodes/star.md >star.txt 2>star.err
check "star: a wildcard between underscores is said" grep -q "upper star bits and lower star bits" star.txt
check "star: ...after a name's underscore and inside one too" grep -q "star helper" star.txt
check "star: *emphasis* is still no star" bash -c "! grep -q 'star really' star.txt"
check_eq "basic: headings are sections" "$(awk -F'\t' '$2=="heading"' dump.txt | wc -l)" 2
check_eq "basic: the quote is a quote block in the quote voice" \
	"$(awk -F'\t' '$2=="quote"' dump.txt | grep -c '\[quote ')" 1
check_eq "basic: list items are separate segments" "$(awk -F'\t' '$2=="item"' dump.txt | wc -l)" 6
check_eq "basic: the heading's line number" "$(awk -F'\t' '$2=="heading"{print $3; exit}' dump.txt)" 10
