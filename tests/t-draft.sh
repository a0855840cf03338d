#!/usr/bin/env bash
# podsynth draft: golden drafts from the mail fixtures in tests/draft/
# (tests/draft/cases lists them; regenerate on purpose with tests/regen.sh),
# what each fixture exercises (mboxrd escaping, RFC 2047, charsets,
# quoted-printable, base64, multipart/signed, versions, replies, trailers,
# Atom), that every draft is good input for `podsynth check` and
# `podsynth script`, gzip and standard input, bad input, and a busy week.
. "$(dirname "$0")/lib.sh"
D=$TOP/tests/draft
newproj
sed "s|@TEMPLATES@|$TOP/src/templates|" "$D/channel.yaml" >rss/channel.yaml
cp -r "$D/fixtures" fixtures

# --- golden drafts, each checked and scripted ---
while IFS=$'\t' read -r name args; do
	case $name in ''|'#'*) continue ;; esac
	# shellcheck disable=SC2086
	if "$PODSYNTH" draft $args >"episodes/$name.md" 2>"$name.err" &&
	   diff -u "$D/$name.md" "episodes/$name.md" >"$name.diff"; then
		ok "draft $name: as the golden file"
	else
		fail "draft $name: as the golden file"; head -30 "$name.err" "$name.diff"
	fi
	if "$PODSYNTH" check "episodes/$name.md" >"$name.check" 2>&1 && grep -q ', draft$' "$name.check" &&
	   ! grep -q 'warning' "$name.check"; then
		ok "draft $name: podsynth check accepts it (a draft, no warnings)"
	else
		fail "draft $name: podsynth check accepts it"; head -10 "$name.check"
	fi
	if "$PODSYNTH" script "episodes/$name.md" >"$name.script" 2>&1 && [ -s "$name.script" ]; then
		ok "draft $name: podsynth script speaks it"
	else
		fail "draft $name: podsynth script speaks it"; head -10 "$name.script"
	fi
done <"$D/cases"

w=episodes/week.md
has() { grep -qF -- "$2" "$1"; }
check "mboxrd: \">From \" in a body is unescaped" has $w "> From the previous version, only the clock handling changed."
check "mboxrd: \">>From \" does not start a message" bash -c "! grep -q 'divider is set by the driver' $w"
check "series: the latest version is the item" has $w "**[v3: Allwinner R329/D1/R528/T113s SPI support]"
check "series: the older version is not" bash -c "! grep -q 'v2: Allwinner' $w"
check "series: the patches are not items" bash -c "! grep -q 'add quirk for in-controller' $w"
check "series: replies to the cover and the patches are counted" has $w "3 patches, 3 replies;"
check "trailers: from replies, grouped by kind" has $w "Reviewed-by: Andre Przywara; Acked-by: Jernej Škrabec; Tested-by: Jernej Škrabec."
check "trailers: not from quoted text" bash -c "! grep -q 'Someone Quoted' $w"
check "trailers: not those given to an older version" bash -c "! grep -q 'Old Reviewer' $w"
check "quote: greeting, changelog, diffstat and signature left out" \
	bash -c "! grep -qE 'Hi all|Changes in v3|spi-sun6i.c \||2\\.42' $w"
check "RFC 2047: a UTF-8 name (base64)" has $w "Posted by 张伟 on"
check "RFC 2047: an ISO-8859-1 name (Q)" has $w "Posted by Jürgen Groß on"
check "RFC 2047: a GB2312 name" has $w "Posted by 李明 on"
check "RFC 2047: an ISO-8859-1 subject folded over two lines" has $w "**[v2: RISC-V: KVM: schöner register dumps]"
check "quoted-printable body (UTF-8)" has $w "bitmap_clear() — the result is the same."
check "base64 body in ISO-8859-1" has $w "> Grüß Gott. When a guest stops"
check "base64 body in GB2312" has $w "> 小于十六字节的 memset 不再逐字节循环"
check "multipart/signed: the signed text, not the signature" has $w "> The headers in tools/include are not enough"
check "multipart/signed: no signature text" bash -c "! grep -q 'PGP' $w"
check "RFC series without a cover: its first patch is the item" has $w "**[RFC v1: mm: thp: split huge pages lazily on partial unmap]"
check "GIT PULL is an item" has $w "**[GIT PULL: RISC-V Patches for the 6.19 Merge Window, Part 2]"
check "a thread without a patch is not an item" bash -c "! grep -q 'old SBI' $w"
check "link: from the List-Id and the Message-ID" \
	has $w "(https://lore.kernel.org/linux-riscv/20261116202616.1792109-1-bigunclemax@example.com/)"
check_eq "sections: named and ordered by the settings, then the rest" \
	"$(grep '^# ' $w | tr '\n' '|')" \
	"# Welcome|# RISC-V architecture|# Memory management|# Also on the RISC-V list|# Until next week|"
check_eq "sections: items sorted by replies, then newest first" \
	"$(sed -n '/^# RISC-V architecture/,/^# Memory/p' $w | grep -o '^\*\*\[[^]]*' | tr '\n' '|')" \
	"**[v1: riscv: mm: use bitmap_zero() API|**[v1: riscv: Add memset optimisation for small sizes|**[v2: RISC-V: KVM: schöner register dumps|"
check "front matter: a draft with the issue number, date and language" \
	bash -c "head -8 $w | grep -qx 'draft: true' && head -8 $w | grep -qx 'episode: 47' &&
		 head -8 $w | grep -qx 'date: 2026-11-18' && head -8 $w | grep -qx 'lang: en'"
check "warning: a message without Message-ID, at file:line" \
	grep -qx "fixtures/week.mboxrd:315: warning: message 19 has no Message-ID (skipped)" week.err
check "zh: the Chinese template" bash -c "grep -qx 'lang: zh' episodes/week-zh.md && grep -q '条回复' episodes/week-zh.md"
a=episodes/atom.md
check "atom: the entry's own link" has $a "(https://lore.kernel.org/linux-riscv/isa%2Fcase-1@example.org/)"
check "atom: thr:in-reply-to threads the patches and the reply" has $a "2 patches, 1 reply; Reviewed-by: Conor Dooley."
check "atom: the patch is not an item" bash -c "! grep -q 'add the JH7110 TDM driver' $a"
b=episodes/both.md
check "--since/--until: only series posted in those days" \
	bash -c "! grep -qE 'bitmap_zero|GIT PULL|ISA string' $b && grep -q 'Allwinner' $b && grep -q 'TDM audio' $b"
check "--max-per-section: the rest listed in a comment" grep -q '^<!-- 1 more in this section' $b
check "speech: the version tag is spoken" grep -q 'version three: all-winner' week.script
check "speech: the subsystem prefix is spoken, not spelt" grep -q 'version one: risk five: .*use bitmap zero' week.script

# --- gzip, standard input ---
gzip -9nc fixtures/week.mboxrd >week.mbox.gz
"$PODSYNTH" draft --issue 47 week.mbox.gz >gz.md 2>/dev/null
check "gzip: the same draft as the plain mbox" cmp -s gz.md $w
(gzip -9nc <(head -n 152 fixtures/week.mboxrd); gzip -9nc <(tail -n +153 fixtures/week.mboxrd)) >two.mbox.gz
"$PODSYNTH" draft --issue 47 two.mbox.gz >two.md 2>/dev/null
check "gzip: two members, read one after the other" cmp -s two.md $w
"$PODSYNTH" draft --issue 47 - <fixtures/week.mboxrd >stdin.md 2>stdin.err
check "standard input: the same draft" cmp -s stdin.md $w
check "standard input: named in messages" grep -q '^(standard input):315: warning' stdin.err

# --- bad input: a clear message, non-zero exit, nothing written ---
bad() { # DESCRIPTION EXPECTED-MESSAGE FILE...
	local d=$1 want=$2; shift 2
	rm -f episodes/bad.md
	if "$PODSYNTH" draft -o episodes/bad.md "$@" >bad.out 2>bad.err; then
		fail "$d: exit status 0"; return
	fi
	if grep -qF -- "$want" bad.err && [ ! -e episodes/bad.md ] && ! grep -q 'Sanitizer' bad.err; then
		ok "$d"
	else
		fail "$d: want \"$want\""; cat bad.err
	fi
}
head -c 900 week.mbox.gz >trunc.mbox.gz
bad "truncated gzip" "trunc.mbox.gz: error: truncated gzip data" trunc.mbox.gz
printf 'hello, this is not mail\n' >notmail.txt
bad "a file that is not mail" "notmail.txt:1: error: not a mailbox, a message or an Atom feed" notmail.txt
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >image.png
bad "binary data" "image.png:1: error: not a mailbox" image.png
head -c 700 fixtures/riscv.atom >cut.atom
bad "XML cut short" "cut.atom:2: error: not well-formed XML" cut.atom
printf '<?xml version="1.0"?>\n<rss version="2.0"></rss>\n' >feed.rss
bad "XML that is not Atom" "feed.rss:2: error: not an Atom feed" feed.rss
bad "a missing file" "nosuch.mbox: error: cannot read the mail: No such file or directory" nosuch.mbox
bad "one bad input among good ones" "notmail.txt:1: error" fixtures/week.mboxrd notmail.txt
bad "a bad --since" "podsynth draft: --since: expected a YYYY-MM-DD date, not \"2026-02-30\"" --since 2026-02-30 fixtures/week.mboxrd
printf -- '---\ntitle: x\n---\n{sections}\n<!-- draft:section\n# {title}\n-->\n<!-- draft:item\n{subjekt}\n-->\n' >bad-template.md
bad "a template with an unknown placeholder" "bad-template.md:9: error: unknown placeholder \"{subjekt}\"" \
	--template bad-template.md fixtures/week.mboxrd
cp rss/channel.yaml good-channel.yaml
printf 'draft:\n  sections: riscv\n' >>rss/channel.yaml
bad "draft settings of the wrong shape" "rss/channel.yaml:" fixtures/week.mboxrd
cp good-channel.yaml rss/channel.yaml
printf 'From nobody\nSubject: [PATCH] x: y\n\nno id\n' >noid.mbox
"$PODSYNTH" draft noid.mbox >noid.md 2>noid.err
check "only messages without Message-ID: a warning, an empty draft" \
	bash -c "grep -qx 'noid.mbox:1: warning: message 1 has no Message-ID (skipped)' noid.err && grep -q '^draft: true' noid.md"
check "no patch series: a warning that the draft is empty" grep -q 'warning: no patch series found' noid.err
echo keep >episodes/kept.md
if "$PODSYNTH" draft -o episodes/kept.md fixtures/week.mboxrd 2>kept.err; then
	fail "an existing draft is not overwritten"
else
	check "an existing draft is not overwritten" bash -c "[ \"\$(cat episodes/kept.md)\" = keep ] &&
		grep -q 'already exists' kept.err"
fi
check "--force overwrites it" bash -c "'$PODSYNTH' draft --force -o episodes/kept.md fixtures/week.mboxrd 2>/dev/null &&
	grep -q '^draft: true' episodes/kept.md"

# --- the issue number from the episodes ---
mkdir -p season
printf -- '---\ntitle: Old\ndate: 2026-11-09\nepisode: 46\n---\n\nHello.\n' >season/2026-11-09-old.md
printf -- '---\ntitle: Older\ndate: 2026-11-02\nepisode: 45\n---\n\nepisode: 99\n' >season/2026-11-02-older.md
"$PODSYNTH" draft -o season/next.md fixtures/riscv.atom 2>/dev/null
check "issue: one more than the highest episode: in the output's directory" grep -qx 'episode: 47' season/next.md

# --- a busy week ---
python3 "$D/gen-week.py" 600 >busy.mbox
msgs=$(grep -c '^From mboxrd' busy.mbox)
if "$PODSYNTH" draft --issue 9 -o episodes/busy.md busy.mbox 2>busy.err; then
	check_eq "busy week ($msgs messages): one item per series" "$(grep -c '^\*\*\[v2: ' episodes/busy.md)" 600
	check_eq "busy week: replies and trailers counted" "$(grep -c ', 3 patches, 2 replies; Reviewed-by: Rev ' episodes/busy.md)" 600
	check "busy week: podsynth check accepts it" bash -c "'$PODSYNTH' check episodes/busy.md >/dev/null 2>&1"
else
	fail "busy week: draft failed"; head busy.err
fi

# --- the language from the show settings; installed templates ---
sed 's/^language: en$/language: zh-CN/' rss/channel.yaml >zh-channel.yaml
"$PODSYNTH" draft --channel zh-channel.yaml --issue 3 fixtures/riscv.atom >zh-default.md 2>/dev/null
check "the show's language picks the template (zh-CN: draft.zh.md)" \
	bash -c "grep -qx 'lang: zh-CN' zh-default.md && grep -q '条回复' zh-default.md"
bad "a language without a template" "no template draft.fr.md for language \"fr\"" --lang fr fixtures/riscv.atom
inst=$SCRATCH/inst
make --no-print-directory -C "$TOP" -o "$PODSYNTH" install BIN="$PODSYNTH" PREFIX=/usr DESTDIR="$inst" >inst.txt 2>&1
check "make install: the draft templates in DATADIR/templates" \
	bash -c "cmp -s '$TOP/src/templates/draft.en.md' '$inst/usr/share/podsynth/templates/draft.en.md' &&
		 cmp -s '$TOP/src/templates/draft.zh.md' '$inst/usr/share/podsynth/templates/draft.zh.md'"
