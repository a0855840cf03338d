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

has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
# the reading of the mail, seen through a template of facts (fixtures/facts.md)
w=episodes/week-facts.md
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
	bash -c "! grep -qE 'Hi all|Changes in v3|spi-sun6i.c \\||2\\.42' $w"
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
check "front matter: a draft with the issue number, date and language" \
	bash -c "head -8 $w | grep -qx 'draft: true' && head -8 $w | grep -qx 'episode: 47' &&
		 head -8 $w | grep -qx 'date: 2026-11-18' && head -8 $w | grep -qx 'lang: en'"
check "warning: a message without Message-ID, at file:line" \
	grep -qx "fixtures/week.mboxrd:315: warning: message 19 has no Message-ID (skipped)" week.err

# what each item says (the shipped English template)
w=episodes/week.md
t=episodes/threads.md
check "sentence: who posted which version of how many patches, the title cleaned" \
	has $w "Maxim Kiselev posted [the third version of a three-patch series, \"Allwinner R329/D1/R528/T113s SPI support\"]("
check "sentence: the prefix in words, an opening verb as a gerund" \
	has $w "posted [a patch using bitmap_zero() API](https://lore.kernel.org/linux-riscv/202611151711417142802@example.cn/) in the RISC-V memory-management code."
check "sentence: no version for an unversioned patch, no tag, no prefix chain" \
	bash -c "! grep -qE '\\[(v1|RFC v1|GIT PULL): |riscv: mm:|RISC-V: KVM:' $w"
check "sentence: an RFC without a cover letter" \
	has $w "Alice Example posted [a two-patch RFC series splitting huge pages lazily on partial unmap]("
check "sentence: the show's table before the built-in one" \
	has $w "in the build of the perf tools."
check "why: sentences of the cover letter, line-wrapping undone" \
	has $w "> This series brings back the earlier attempt to support the SPI controller of the newest Allwinner chips (R329, D1, R528 and T113s). The controller divides its clock itself and has a wider FIFO."
check "why: CJK lines joined without a space" has $w "完成。在 VisionFive 2 上"
check "why: a lone patch's commit message is not called a cover letter" \
	bash -c "grep -A2 'a patch using bitmap_zero' $w | grep -qx 'In the commit message:'"
check "history: the earlier version and its date" has $w "The second version was posted on 13 November."
check "history: the three versions of a series and the changelog for this one" \
	has $t "The first version was posted on 2 November, and the second on 9 November. Since the second version, the changelog lists: use the generic pte helpers instead of our own; drop the Kconfig option, detect the extension at boot instead."
check "discussion: the reviewer's words, with the name and the trailer" \
	has $t "Helen Reviewer reviewed it: \"Looks good to me. Using the generic helpers makes this much easier to follow than the first version.\""
check "discussion: trailers as words, one clause per person" has $w "Andre Przywara reviewed it."
check "discussion: the author answering" has $t "Chen Lei answered in the thread."
check "discussion: an objection quoted, and the ack beside it" \
	has $t "Matt Maintainer objected: \"NAK. Large folios that are partly unmapped become small only later, and this would leave them on no queue at all.\" Kay Helper acked it."
check "discussion: no replies said in words" bash -c "grep -qx 'No replies yet.' $w && ! grep -qE '0 replies|0 patches' $w $t"
check "status: applied, by whom and where" has $t "Conor Maint applied it to riscv-dt-for-next."
check "status: a pull request merged (the bot is not a person in the thread)" \
	bash -c "grep -qx 'It has been merged into torvalds/linux.git.' $t && ! grep -q 'pr-tracker-bot' $t"
check "why: a pull request's summary, not git's boilerplate" \
	has $t "> A fix for a boot regression on the Allwinner D1. The vector state is now saved on signal delivery again."
check "people: one name per address, the Latin one the address signs with" \
	bash -c "grep -q '^Wang Fang posted' $t && ! grep -q '王芳' $t"
check "people: the Han name in a Chinese draft" grep -q '^王芳 提交了' episodes/threads-zh.md
check_eq "cross-post: one item, with the reply from the other list" \
	"$(grep -c 'fixing a regression when loading crash kernels' $t)" 1
check "cross-post: the reply from the other list is counted" has $t "Bea Kernel tested it: \"Tested on a Unmatched board"
check_eq "interest: regressions first, then discussed series, then the rest" \
	"$(sed -n '/^# RISC-V architecture/,/^# Memory/p' $t | grep -o '^[A-Z][a-z]* [A-Z][a-z]* posted \[[a-z ]*' | tr '\n' '|')" \
	"Ivy Porter posted [a patch fixing a regression when loading crash kernels|Chen Lei posted [the third version of a three|Wang Fang posted [a patch fixing the |Wang Fang posted [a two|"
check "description: the top items, headline case" \
	has $t 'description: "Kernel Weekly 50: RISC-V Fixes for 6.19-rc6, Fix a regression when loading crash kernels and 6.19-rc5 no longer boots on the Unmatched."'
check "a thread without a patch: a regression report, by its tag" \
	has $t 'Rita Tester reported [a regression, "6\.19-rc5 no longer boots on the Unmatched"]('
check "a thread without a patch: a discussion, by its replies" \
	has $t 'Sam Asker started [a discussion, "Which boards should the CI boot?"]('
check "a thread without a patch: its first message and replies" \
	bash -c "grep -qx 'In the first message:' $t && grep -q '^Bea Kernel replied: \"A D1 board too' $t"
check "zh: a regression report" grep -q '^Rita Tester 报告了\[回归问题“' episodes/threads-zh.md
check "zh: the Chinese template" bash -c "grep -qx 'lang: zh' episodes/week-zh.md && grep -q '暂无回复。' episodes/week-zh.md"
check "zh: the sentence, the history and the discussion in Chinese" \
	bash -c "grep -q '提交了\\[第 3 版补丁系列（共 3 个补丁）“add Svnapot mappings for vmalloc”\\]' episodes/threads-zh.md &&
		 grep -q '第 1 版发布于 11 月 2 日，第 2 版发布于 11 月 9 日。' episodes/threads-zh.md &&
		 grep -q 'Matt Maintainer 提出反对：“NAK.' episodes/threads-zh.md"
a=episodes/atom.md
check "atom: the entry's own link" has $a "(https://lore.kernel.org/linux-riscv/isa%2Fcase-1@example.org/)"
check "atom: thr:in-reply-to threads the patches and the reply" has $a "Conor Dooley reviewed it."
check "atom: the patch is not an item" bash -c "! grep -q 'add the JH7110 TDM driver' $a"
b=episodes/both.md
check "--since/--until: only series posted in those days" \
	bash -c "! grep -qE 'bitmap_zero|pull request|ISA string' $b && grep -q 'Allwinner' $b && grep -q 'TDM audio' $b"
check "--max-per-section: the rest listed in a comment" grep -q '^<!-- 1 more in this section' $b
check "speech: the version is said as words" grep -q 'Maxim Kiselev posted the third version of a three-patch series' week.script
check "speech: no prefix chain and no tag is spoken" bash -c "! grep -qE 'version one|risk five: |: use bitmap' week.script threads.script"
check "speech: the prefix is said as words" grep -q 'in the risk five memory-management code' week.script

# --- the held-out real week (tests/draft/real): properties, not a golden file ---
cp -r "$D/real" real
"$PODSYNTH" draft --since 2023-05-01 --until 2023-05-07 -o episodes/2023-05-08-real.md real/week45.mbox 2>real.err
"$PODSYNTH" draft -o episodes/2026-05-26-net.md real/icssg.mbox 2>>real.err
r=episodes/2023-05-08-real.md
check "real week: date: agrees with the file name" grep -qx 'date: 2023-05-08' $r
check "real week: podsynth check is clean" bash -c "'$PODSYNTH' check $r episodes/2026-05-26-net.md >real.check 2>&1 && ! grep -q warning real.check"
"$PODSYNTH" script $r episodes/2026-05-26-net.md >real.script 2>&1
check "real week: no tag, prefix chain or \"zero replies\" in the script" \
	bash -c "! grep -qiE 'version one|zero replies|0 replies|v[0-9]+:|mm slash gup:|sched slash' real.script && ! grep -qE '^\*\*\[v[0-9]' $r"
check "real week: the earlier versions of a series" has $r "The second version was posted on 5 December, the third on 8 December, and the fifth on 4 January."
check "real week: a reviewer's words with his name" has episodes/2026-05-26-net.md 'Maxime Chevallier replied: "Checkpatch has a lot to say about this patch'
check "real week: one name per person (\"Matthew Wilcox (Oracle)\" is one name)" \
	bash -c "grep -q '^Matthew Wilcox posted' $r && ! grep -q 'Oracle' $r"

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
printf 'draft:\n  subsystems: [riscv]\n' >>rss/channel.yaml
bad "draft.subsystems not a mapping" 'rss/channel.yaml:19: error: draft.subsystems: expected a mapping of "key: words" lines, none empty' fixtures/week.mboxrd
cp good-channel.yaml rss/channel.yaml
printf 'draft: [lists]\n' >>rss/channel.yaml
bad "draft: not a mapping" 'rss/channel.yaml:18: error: draft: expected a mapping' fixtures/week.mboxrd
cp good-channel.yaml rss/channel.yaml
printf 'draft:\n  lists: linux-mm\n' >>rss/channel.yaml
bad "draft.lists not a mapping" 'rss/channel.yaml:19: error: draft.lists: expected' fixtures/week.mboxrd
cp good-channel.yaml rss/channel.yaml
printf 'draft:\n  people:\n    - Linus\n' >>rss/channel.yaml
bad "draft.people not a mapping" 'rss/channel.yaml:20: error: draft.people: expected a mapping' fixtures/week.mboxrd
cp good-channel.yaml rss/channel.yaml
printf 'draft:\n  interest: 3\n' >>rss/channel.yaml
bad "draft.interest not a mapping" 'rss/channel.yaml:19: error: draft.interest: expected a mapping' fixtures/week.mboxrd
cp good-channel.yaml rss/channel.yaml
printf 'draft:\n  interest:\n    pul: 3\n' >>rss/channel.yaml
"$PODSYNTH" draft fixtures/threads.mbox >/dev/null 2>interest.err
check "draft.interest: an unknown weight is named" grep -q 'draft.interest.pul' interest.err
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

# --- the show teaches the draft its subsystems, people and interests ---
sed -i 's/^draft:$/draft:\n  subsystems:\n    "riscv: sophgo:": the Sophgo SG2042 support\n  people:\n    conor@example.org: Conor Dooley\n    Dora Dev: Dora Developer\n  interest:\n    regression: 0\n    applied: 500/' rss/channel.yaml
"$PODSYNTH" draft --issue 50 fixtures/threads.mbox fixtures/lkml.mbox >taught.md 2>taught.err
check "subsystems: the show's words for a prefix" grep -q 'posted \[a two-patch RFC series adding a thermal sensor driver\](.*) in the Sophgo SG2042 support\.' taught.md
check "people: the show's name, by address and by name" \
	bash -c "grep -q 'Conor Dooley applied it to riscv-dt-for-next.' taught.md && grep -q '^Dora Developer posted' taught.md"
check "interest: the show's weights reorder the items" \
	bash -c "sed -n '/^# RISC-V architecture/,/^# Memory/p' taught.md | grep ' posted \[' | head -1 | grep -q 'UART clock'"
cp good-channel.yaml rss/channel.yaml

# --- the issue number from the episodes ---
mkdir -p season
printf -- '---\ntitle: Old\ndate: 2026-11-09\nepisode: 46\n---\n\nHello.\n' >season/2026-11-09-old.md
printf -- '---\ntitle: Older\ndate: 2026-11-02\nepisode: 45\n---\n\nepisode: 99\n' >season/2026-11-02-older.md
"$PODSYNTH" draft -o season/next.md fixtures/riscv.atom 2>/dev/null
check "issue: one more than the highest episode: in the output's directory" grep -qx 'episode: 47' season/next.md
printf -- '---\ntitle: Old\ndate: 2026-11-16\nseason: 3\nepisode: 47\n---\n\nHello.\n' >season/2026-11-16-old.md
"$PODSYNTH" draft -o season/2026-11-23-kernel-weekly.md fixtures/threads.mbox 2>/dev/null
check "season: carried from the latest episode, with the next episode number" \
	bash -c "grep -qx 'season: 3' season/2026-11-23-kernel-weekly.md && grep -qx 'episode: 48' season/2026-11-23-kernel-weekly.md"
check "date: from the output file's name" grep -qx 'date: 2026-11-23' season/2026-11-23-kernel-weekly.md
"$PODSYNTH" draft --until 2026-11-22 fixtures/threads.mbox >/dev/null 2>suggest.err
check "date: without -o, the end of the range and a file name suggested from it" \
	grep -qx 'podsynth draft: note: the draft.s date is 2026-11-22; a file name for it: episodes/2026-11-22-kernel-weekly.md' suggest.err

# --- a busy week ---
python3 "$D/gen-week.py" 600 >busy.mbox
msgs=$(grep -c '^From mboxrd' busy.mbox)
if "$PODSYNTH" draft --issue 9 -o episodes/busy.md busy.mbox 2>busy.err; then
	check_eq "busy week ($msgs messages): one item per series" "$(grep -c ' posted \[the second version of a three-patch series' episodes/busy.md)" 600
	check_eq "busy week: replies and trailers counted" "$(grep -c ' reviewed it' episodes/busy.md)" 600
	check "busy week: podsynth check accepts it" bash -c "'$PODSYNTH' check episodes/busy.md >/dev/null 2>&1"
else
	fail "busy week: draft failed"; head busy.err
fi

# --- one thread with 400 people in it: bounded, every name once ---
python3 - >crowd.mbox <<'PY'
print("From x\nFrom: Ann Author <ann@example.org>\nMessage-Id: <crowd-0@x>\nSubject: [PATCH] mm: crowd\n\nThe patch.\n")
for i in range(400):
    print("From x\nFrom: Person %d <p%d@example.org>\nMessage-Id: <crowd-r%d@x>\nIn-Reply-To: <crowd-0@x>\nSubject: Re: [PATCH] mm: crowd\n\n%s\n\nReviewed-by: Person %d <p%d@example.org>\n" % (i, i, i, "Looks fine to me. " * (i % 7 + 1), i, i))
PY
if "$PODSYNTH" draft crowd.mbox >crowd.md 2>crowd.err; then
	check "a crowded thread: people with the same trailers in one clause, a long list cut" \
		bash -c "grep -q 'Person 0, Person 2, Person 3, Person 4 and 59 others reviewed it. Also in the thread: Person 64, Person 65, Person 66, Person 67, Person 68 and 187 others.' crowd.md && ! grep -q Sanitizer crowd.err"
else
	fail "a crowded thread: draft failed"; head crowd.err
fi

# --- the language from the show settings; installed templates ---
sed 's/^language: en$/language: zh-CN/' rss/channel.yaml >zh-channel.yaml
"$PODSYNTH" draft --channel zh-channel.yaml --issue 3 fixtures/riscv.atom >zh-default.md 2>/dev/null
check "the show's language picks the template (zh-CN: draft.zh.md)" \
	bash -c "grep -qx 'lang: zh-CN' zh-default.md && grep -q '提交了' zh-default.md"
bad "a language without a template" "no template draft.fr.md for language \"fr\"" --lang fr fixtures/riscv.atom
inst=$SCRATCH/inst
make --no-print-directory -C "$TOP" -o "$PODSYNTH" install BIN="$PODSYNTH" PREFIX=/usr DESTDIR="$inst" >inst.txt 2>&1
check "make install: the draft templates in DATADIR/templates" \
	bash -c "cmp -s '$TOP/src/templates/draft.en.md' '$inst/usr/share/podsynth/templates/draft.en.md' &&
		 cmp -s '$TOP/src/templates/draft.zh.md' '$inst/usr/share/podsynth/templates/draft.zh.md'"
