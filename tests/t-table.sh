#!/usr/bin/env bash
# Tables read aloud and nothing dropped without a word: a table becomes one
# segment, row by row with the headers as labels, up to table_rows (the
# show's setting, the episode's front matter, per table), then "and N more";
# check and script name what is left out (rows past the limit, code, HTML,
# images, struck-through text) with file:line. Prose indented inside a
# block quote is spoken in the quote voice; indented code is not.
. "$(dirname "$0")/lib.sh"
newproj

rows() {   # N rows of a contributors table
	printf '| Name | Changesets | Percent |\n|---|---:|---:|\n'
	for i in $(seq 1 "$1"); do printf '| Developer %d | %d | 0.%d%% |\n' "$i" $((400 - i)) "$i"; done
}
{
	printf -- '---\ntitle: Statistics\ndate: 2026-12-01\n---\n\nThe busiest developers this cycle:\n\n'
	rows 14
	printf '\nBy employer:\n\n| Rank | Employer | Lines | %% |\n|---|---|---|---|\n| 1 | Intel | 95,000 | 9.8 |\n| 2 | Red Hat | 80,000 | 8.1 |\n'
	printf '\n```\nmake -j8 bzImage\n```\n\n![a diagram of the tree](tree.png)\n\n<!-- a note to myself -->\n'
	printf '\n> The manual page says:\n>\n>     The mmap call creates a new mapping in the virtual address\n>     space of the calling process.\n'
	printf '\n> And the code:\n>\n>     p = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);\n'
} >episodes/stats.md

"$PODSYNTH" script episodes/stats.md >script.out 2>script.err
check_eq "script of an episode with tables succeeds" "$?" 0
check "script: a table is a segment of kind table at its line" grep -qE '^t[0-9a-f]{8}  table  episodes/stats.md:8$' script.out
check "script: a row with its headers as labels" \
	grep -qx '    host  Developer one: three hundred ninety-nine changesets, zero point one percent.' script.out
check "script: a singular label before the number" \
	grep -qx '    host  Intel: rank one, ninety-five thousand lines, nine point eight percent.' script.out
check_eq "script: ten rows read by default" "$(grep -c '^    host  Developer ' script.out)" 10
check "script: the rest are counted" grep -qx '    host  And four more rows.' script.out
check "script: where the rows left out start" grep -qx -- '-  not said  episodes/stats.md:20' script.out
check "script: what was left out" grep -qxF '    table rows 11 to 14 not read (4 of 14; table_rows: 10)' script.out
check "script: the code block is named" grep -qF 'code block not spoken: "make -j8 bzImage"' script.out
check "script: prose indented in a quote is said in the quote voice" \
	grep -qx '    quote  The M-map call creates a new mapping in the virtual address space of the calling process.' script.out
check "script: code indented in a quote is not said" bash -c "! grep -E '^    (host|quote) ' script.out | grep -q PROT"
check "script: ... but named" grep -qF 'code block not spoken: "p = mmap(NULL, len, PROT_READ, MAP_SHARE...' script.out

"$PODSYNTH" check episodes/stats.md >check.out 2>&1
check_eq "check succeeds" "$?" 0
check "check: the rows left out, with file:line" \
	grep -qxF 'episodes/stats.md:20: note: table rows 11 to 14 not read (4 of 14; table_rows: 10)' check.out
check "check: the code block" grep -qF 'episodes/stats.md:33: note: code block not spoken' check.out
check "check: the image" grep -qxF 'episodes/stats.md:36: note: image not spoken: "a diagram of the tree"' check.out
check "check: the HTML comment" grep -qF 'episodes/stats.md:38: note: HTML block not spoken: "<!-- a note to myself -->' check.out
check "check: a table read whole, at its line" grep -qxF 'episodes/stats.md:27: note: table of 2 rows read aloud' check.out
check_eq "check: a note for each table and everything left out, nothing else" "$(grep -c ': note: ' check.out)" 6
check "script: a table read whole has no \"not said\" line" bash -c "! grep -q 'rows read aloud' script.out"

# the show's setting, then the episode's, then one table's
printf 'table_rows: 12\n' >>rss/channel.yaml
check_eq "channel table_rows: 12 rows" "$("$PODSYNTH" script episodes/stats.md | grep -c '^    host  Developer ')" 12
sed -i 's/^date: 2026-12-01$/date: 2026-12-01\ntable_rows: 3/' episodes/stats.md
check_eq "front matter table_rows: 3 rows" "$("$PODSYNTH" script episodes/stats.md | grep -c '^    host  Developer ')" 3
sed -i 's/^table_rows: 3$/table_rows: {default: 1, 1: all}/' episodes/stats.md
"$PODSYNTH" script episodes/stats.md >all.out
check_eq "table_rows for table 1: all 14 rows" "$(grep -c '^    host  Developer ' all.out)" 14
check "... and nothing more to count" bash -c "! grep -q 'more rows' all.out"
check "... the default for the second table: one row left out" grep -qx '    host  And one more row.' all.out

sed -i 's/^table_rows: .*$/table_rows: {default: 2, first: 4}/' episodes/stats.md
"$PODSYNTH" script episodes/stats.md >/dev/null 2>bad.err
check_eq "a bad table_rows key fails" "$?" 1
check "... naming file:line and the key" grep -qF 'episodes/stats.md:4: error: table_rows: expected "default" or a table'"'"'s number (1 for the first), not "first"' bad.err
sed -i 's/^table_rows: .*$/table_rows: 0/' episodes/stats.md
"$PODSYNTH" script episodes/stats.md >/dev/null 2>bad.err
check_eq "table_rows: 0 fails" "$?" 1
check "... as out of range" grep -qF 'episodes/stats.md:4: error: table_rows: 0 is out of range' bad.err

# A Chinese newsletter: <br/> inside a quoted paragraph is a pause, and prose
# indented inside the quote is spoken (in Mandarin), code is not.
cat >episodes/zh.md <<'MD'
---
title: 周报
date: 2026-12-02
lang: zh
---

> 时间：20230507<br/>
> 编辑：晓依
>
>     这个补丁集为调度器增加了新的接口，并且修复了两个问题。
>
> 代码如下：
>
>     for (i = 0; i < n; i++) { do_something(i); }
MD
"$PODSYNTH" script episodes/zh.md >zh.out 2>zh.err
check_eq "zh: script succeeds" "$?" 0
check "zh: the line break is a pause" grep -qE '^    zh +\[400ms\] 编辑：晓依' zh.out
check "zh: indented prose in a quote is spoken" grep -qF '这个补丁集为调度器增加了新的接口' zh.out
check "zh: indented code is named, not spoken" grep -qF 'code block not spoken: "for (i = 0; i < n; i++) {' zh.out

# A table of headers only says nothing, and check says so.
printf -- '---\ntitle: T\ndate: 2026-01-01\n---\n\nText.\n\n| A | B |\n|---|---|\n' >episodes/t0.md
check "a table without rows: a note" bash -c "'$PODSYNTH' check episodes/t0.md | grep -qxF 'episodes/t0.md:8: note: table with no rows not spoken'"
