#!/usr/bin/env bash
# Hostile inputs (issue 20): files that are not what their names say, files
# that never end, amplification, dangerous URLs, artwork cut short. Each is
# made here (a FIFO or a device cannot live in git), in a fresh project with
# a previously published site, and each must end safely: within a time
# limit, with a bounded peak memory, with the message named in its row (at
# the file it is about), a non-zero exit for an error, and rss/ untouched.
#
#   hostile NAME EXPECT CMD...   after the case's set-up in the current project
#
# The set-up of each case is the lines before its `hostile` call.
. "$(dirname "$0")/lib.sh"
TEMPLATE="$TOP/src/templates/draft.en.md"
# Peak RSS allowed: reading a mailbox up to its 256 MiB limit costs about
# 400 MB; AddressSanitizer's allocator (realloc copies, redzones) twice that.
MAXKB=${HOSTILE_MAXKB:-600000}
if ldd "$PODSYNTH" 2>/dev/null | grep -q libasan; then MAXKB=${HOSTILE_MAXKB:-1200000}; fi

good_episode() {
	printf -- '---\ntitle: A good episode\ndate: 2026-01-01\n---\n\nOne short paragraph.\n' \
		>episodes/2026-01-01-good.md
}
fresh() {
	newproj
	mkdir -p rss/episodes
	echo "previous feed" >rss/feed.xml
	echo "previous audio" >rss/episodes/old.mp3
	good_episode
}
# Runs CMD under a time limit and measures its peak memory; it must fail
# (or succeed, for warn-only rows: EXPECT starting with "warning:" or
# containing ": warning: ") with EXPECT in its messages and rss/ unchanged.
hostile() {
	local name=$1 want=$2; shift 2
	local before after rc kb
	before=$(tree_sum rss | grep -v ' ./channel.yaml$')
	timeout 60 /usr/bin/time -f '%M' -o mem.txt "$@" </dev/null >out.txt 2>err.txt
	rc=$?
	kb=$(tail -1 mem.txt 2>/dev/null)
	after=$(tree_sum rss | grep -v ' ./channel.yaml$')
	local want_rc=nonzero
	case $want in *": warning: "*) want_rc=any ;; esac
	if [ "$rc" = 124 ]; then
		fail "hostile $name: hung (killed after 60 s)"
	elif grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:' err.txt; then
		fail "hostile $name: a sanitizer report"; grep -m3 -E 'Sanitizer|runtime error' err.txt | sed 's/^/    /'
	elif [ "$rc" -gt 128 ] || [ "$rc" = 3 ]; then
		fail "hostile $name: crashed or ran out of memory (exit $rc)"; sed 's/^/    /' err.txt | head -3
	elif [ "$want_rc" = nonzero ] && [ "$rc" = 0 ]; then
		fail "hostile $name: accepted (exit 0)"; sed 's/^/    /' err.txt | head -3
	elif ! grep -qF -- "$want" err.txt; then
		fail "hostile $name: no \"$want\""; sed 's/^/    got: /' err.txt | head -3
	elif [ "$before" != "$after" ]; then
		fail "hostile $name: rss/ changed"
	elif [ "${kb:-0}" -gt "$MAXKB" ]; then
		fail "hostile $name: peak memory ${kb} kB"
	else
		ok "hostile $name (exit $rc, ${kb} kB)"
	fi
}

# ---- special files, wherever an input is read ----
fresh; mkfifo episodes/2026-01-02-fifo.md
hostile "a FIFO in episodes/ (check)" "episodes/2026-01-02-fifo.md: error: cannot read episode: not a regular file (a FIFO)" "$PODSYNTH" check
fresh; mkfifo episodes/2026-01-02-fifo.md
hostile "a FIFO in episodes/ (feed, which reads every episode)" "episodes/2026-01-02-fifo.md: error: cannot read episode: not a regular file (a FIFO)" "$PODSYNTH" feed
fresh; ln -s /dev/zero episodes/2026-01-02-zero.md
hostile "a symlink to /dev/zero in episodes/" "episodes/2026-01-02-zero.md: error: cannot read episode: not a regular file (a character device)" "$PODSYNTH" check episodes/2026-01-02-zero.md
fresh; ln -s /dev/zero voices/zero.lexicon
hostile "a lexicon that is /dev/zero" "voices/zero.lexicon: error: cannot read lexicon: not a regular file (a character device)" "$PODSYNTH" check
fresh; mkfifo voices/fifo.voice
hostile "a voice profile that is a FIFO" "voices/fifo.voice: error: cannot read voice profile: not a regular file (a FIFO)" "$PODSYNTH" check
fresh; mkdir voices/dir.voice
hostile "a voice profile that is a directory" "voices/dir.voice: error: cannot read voice profile: not a regular file (a directory)" "$PODSYNTH" check
fresh; rm rss/channel.yaml; ln -s /dev/zero rss/channel.yaml
hostile "channel.yaml that is /dev/zero" "rss/channel.yaml: error: cannot read show settings: not a regular file (a character device)" "$PODSYNTH" check
fresh; printf 'image: /dev/zero\n' >>rss/channel.yaml
hostile "image: /dev/zero" "error: image: not a regular file (a character device) \"/dev/zero\"" "$PODSYNTH" check
fresh; mkfifo rss/intro.wav; printf 'intro: intro.wav\n' >>rss/channel.yaml
hostile "an intro that is a FIFO" "error: cannot read intro \"rss/intro.wav\": not a regular file (a FIFO)" "$PODSYNTH" check
fresh; ln -s /dev/urandom rss/outro.wav; printf 'outro: outro.wav\n' >>rss/channel.yaml
hostile "an outro that is /dev/urandom" "error: cannot read outro \"rss/outro.wav\": not a regular file (a character device)" "$PODSYNTH" build -j 1 episodes/2026-01-01-good.md
fresh; truncate -s 17M episodes/2026-01-03-huge.md
hostile "an episode over its size limit" "episodes/2026-01-03-huge.md: error: cannot read episode: larger than the 16 MiB limit for an episode" "$PODSYNTH" check episodes/2026-01-03-huge.md
fresh; truncate -s 2M voices/big.lexicon
hostile "a lexicon file of 2 MiB of NULs" "voices/big.lexicon" "$PODSYNTH" check

fresh; python3 -c "open('episodes/2026-01-03-deep.md', 'w').write('---\\ntitle: ' + '[' * 100000 + ']' * 100000 + '\\ndate: 2026-01-03\\n---\\n\\nText.\\n')"
hostile "front matter nested 100,000 deep" "episodes/2026-01-03-deep.md:2: error: nested more than 64 levels deep" "$PODSYNTH" check episodes/2026-01-03-deep.md

# ---- audio inserts and the bed: check and build give one verdict, at the insert's own line ----
inserts() {
	mkfifo episodes/fifo.wav
	echo "not audio" >episodes/notes.wav
	cat >episodes/2026-01-04-inserts.md <<'MD'
---
title: Inserts
date: 2026-01-04
---

First paragraph [audio:"missing.wav"] on line six.

Second paragraph,
still the second [audio:"/dev/zero"] on line nine,
and [audio:"notes.wav"] and [audio:"fifo.wav"] on line ten.

Missing again [audio:"missing.wav"], [audio:"missing.wav"] on line twelve.
MD
}
for cmd in check build; do
	fresh; inserts
	hostile "$cmd: a missing insert at its line" "episodes/2026-01-04-inserts.md:6: error: cannot read audio insert \"episodes/missing.wav\": No such file or directory" "$PODSYNTH" $cmd episodes/2026-01-04-inserts.md
	check "$cmd: /dev/zero as an insert, at its own line" grep -qF 'episodes/2026-01-04-inserts.md:9: error: cannot read audio insert "/dev/zero": not a regular file (a character device)' err.txt
	check "$cmd: a text file named .wav, at its own line" grep -qF 'episodes/2026-01-04-inserts.md:10: error: cannot read audio insert "episodes/notes.wav":' err.txt
	check "$cmd: a FIFO as an insert, the fourth on the page" grep -qF 'episodes/2026-01-04-inserts.md:10: error: cannot read audio insert "episodes/fifo.wav": not a regular file (a FIFO)' err.txt
	check "$cmd: a missing file named on two lines is reported at each line, once a line" \
		test "$(grep -cF 'error: cannot read audio insert "episodes/missing.wav"' err.txt)" = 2 -a \
		"$(grep -cF 'inserts.md:12: error: cannot read audio insert "episodes/missing.wav"' err.txt)" = 1
done
fresh; mkfifo rss/bed.wav; printf 'bed:\n  play: episode\n  file: bed.wav\n' >>rss/channel.yaml
hostile "a bed that is a FIFO (check)" "error: cannot read bed \"rss/bed.wav\"" "$PODSYNTH" check

# ---- issue 20, second pass: variants of each kind ----
fresh; ln -s loop1.md episodes/2026-01-07-loop2.md; ln -s 2026-01-07-loop2.md episodes/loop1.md
hostile "a symlink loop in episodes/" "episodes/2026-01-07-loop2.md: error: cannot read episode: Too many levels of symbolic links" "$PODSYNTH" check
fresh; truncate -s 17M episodes/2026-01-07-huge.md
hostile "an episode of 17 MiB (feed)" "episodes/2026-01-07-huge.md: error: cannot read episode: larger than the 16 MiB limit" "$PODSYNTH" feed
fresh; ln -s /dev/zero rss/zero.png; printf 'image: zero.png\n' >>rss/channel.yaml
hostile "image: a symlink to /dev/zero in the site" 'image: not a regular file (a character device) "rss/zero.png"' "$PODSYNTH" check
fresh; printf '""\n' >voices/quotes.lexicon
hostile "a lexicon line with only quotes" "voices/quotes.lexicon:1: error: " "$PODSYNTH" check
bomb() { python3 -c "
s = 'a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n'
for i in range(1, 10):
    s += 'a%d: &a%d [' % (i, i) + ', '.join(['*a%d' % (i - 1)] * 9) + ']\n'
print(s, end='')"; }
fresh; { printf -- '---\ntitle: Laughs\ndate: 2026-01-07\n'; bomb; printf 'keywords: *a9\n---\n\nText.\n'; } >episodes/2026-01-07-laughs.md
hostile "YAML aliases nine deep in the front matter (billion laughs)" "episodes/2026-01-07-laughs.md:12: error: keywords: expected a list of text items" "$PODSYNTH" check episodes/2026-01-07-laughs.md
check "...bounded: the message is short" test "$(wc -c <err.txt)" -lt 10000
fresh; { bomb; printf 'keywords: *a9\n'; } >>rss/channel.yaml
"$PODSYNTH" check >out.txt 2>err.txt
check "YAML aliases nine deep in channel.yaml: bounded output ($(wc -c <err.txt) bytes)" test "$(wc -c <err.txt)" -lt 10000
fresh; python3 -c "open('rss/channel.yaml', 'a').write('keywords: ' + '[' * 100000 + ']' * 100000 + '\n')"
hostile "channel.yaml nested 100,000 deep" "rss/channel.yaml:" "$PODSYNTH" check
fresh; printf -- '---\ntitle: x\ndate: 2026-01-07\n---\n\nHello\0world.\n' >episodes/2026-01-07-nul.md
hostile "a NUL byte in the Markdown" "episodes/2026-01-07-nul.md:6: error: NUL byte in the file" "$PODSYNTH" check episodes/2026-01-07-nul.md
fresh; printf -- '---\ntitle: "bad \xff\xfe title"\ndate: 2026-01-07\n---\n\nHello.\n' >episodes/2026-01-07-utf8.md
hostile "invalid UTF-8 in a title (feed)" "episodes/2026-01-07-utf8.md:2: error: invalid UTF-8" "$PODSYNTH" feed
fresh; printf -- '---\r\ntitle: CRLF\r\ndate: 2026-01-07\r\n---\r\n\r\nHello [audio:"nope.wav"] there.\r\n' >episodes/2026-01-07-crlf.md
hostile "a CRLF episode: the insert at its line" "episodes/2026-01-07-crlf.md:6: error: cannot read audio insert" "$PODSYNTH" check episodes/2026-01-07-crlf.md
fresh; printf -- '\xef\xbb\xbf---\ntitle: BOM\ndate: 2026-01-07\n---\n\nHello.\n' >episodes/2026-01-07-bom.md
"$PODSYNTH" check episodes/2026-01-07-bom.md >out.txt 2>err.txt
check "a BOM at the start of an episode is read past" test $? -eq 0
fresh; printf -- '---\ntitle: x\ndate: 2026-01-07\n---\n\nText.\n\nA long [36000s] wait.\n' >episodes/2026-01-07-pause.md
hostile "a ten-hour pause" "episodes/2026-01-07-pause.md:8: error: pause too long \"36000s\"" "$PODSYNTH" check episodes/2026-01-07-pause.md
printf -- '---\ntitle: x\ndate: 2026-01-07\n---\n\nHi [audio: "x.wav"] and [pause: 3x] there.\n' >episodes/2026-01-07-marks.md
"$PODSYNTH" check episodes/2026-01-07-marks.md >out.txt 2>err.txt
check '[audio: "x.wav"] with a space is named as read aloud' grep -qF 'episodes/2026-01-07-marks.md:6: warning: "[audio: "x.wav"]" looks like markup but is read aloud' err.txt
check '[pause: 3x] is named as read aloud' grep -qF 'episodes/2026-01-07-marks.md:6: warning: "[pause: 3x]" looks like markup but is read aloud' err.txt
# Inserts and images from outside the project are refused (nothing of the machine is published).
fresh; python3 -c "
import wave
for f in ('../outside.wav', 'episodes/in.wav'):
    w = wave.open(f, 'wb'); w.setnchannels(1); w.setsampwidth(2); w.setframerate(24000); w.writeframes(b'\0\1' * 2400); w.close()"
printf -- '---\ntitle: x\ndate: 2026-01-07\n---\n\nIn [audio:"in.wav"] and out [audio:"../../outside.wav"].\n\nAbsolute [audio:"%s"] too.\n' "$(cd .. && pwd)/outside.wav" >episodes/2026-01-07-out.md
for cmd in check build; do
	hostile "$cmd: an insert escaping the project with .." 'episodes/2026-01-07-out.md:6: error: audio file "episodes/../../outside.wav" is outside the project' "$PODSYNTH" $cmd episodes/2026-01-07-out.md
	check "$cmd: an absolute insert outside the project" grep -qF "episodes/2026-01-07-out.md:8: error: audio file \"$(cd .. && pwd)/outside.wav\" is outside the project" err.txt
	check "$cmd: the insert inside the project is not named" bash -c '! grep -q "in.wav" err.txt'
done
fresh; ffmpeg -loglevel error -y -f lavfi -i "testsrc=s=1400x1400" -frames:v 1 -pix_fmt rgb24 ../secret.png
ln -s ../../secret.png rss/linked.png
for im in "$(cd .. && pwd)/secret.png" ../../secret.png linked.png; do
	printf -- '---\ntitle: x\ndate: 2026-01-07\nimage: "%s"\n---\n\nText.\n' "$im" >episodes/2026-01-07-img.md
	hostile "an episode image outside the site ($im)" "episodes/2026-01-07-img.md:4: error: image: the file must be inside the site (rss/)" "$PODSYNTH" check episodes/2026-01-07-img.md
done
for im in 'JAVASCRIPT:alert(1)' 'data:image/png;base64,AAAA' 'vbscript:x'; do
	printf -- '---\ntitle: x\ndate: 2026-01-07\nimage: "%s"\n---\n\nText.\n' "$im" >episodes/2026-01-07-img.md
	hostile "an episode image $im" "episodes/2026-01-07-img.md:4: error: image: only an http(s) address or a file in the site can be published, not \"$im\"" "$PODSYNTH" check episodes/2026-01-07-img.md
done
# A message quotes a bounded part of the input, once: 100,000 unterminated lists
# gave 100,000 messages each quoting the rest of the paragraph (gigabytes).
fresh; python3 -c "open('episodes/2026-01-07-lists.md', 'w').write('---\ntitle: x\ndate: 2026-01-07\n---\n\n' + '(x)[a:\"' * 100000 + '\n')"
hostile "100,000 unterminated modifier lists" 'episodes/2026-01-07-lists.md:6: error: unterminated speech markdown "[a:"(x)' "$PODSYNTH" check episodes/2026-01-07-lists.md
check "...reported once, in a short line" test "$(wc -c <err.txt)" -lt 1000
fresh; python3 -c "open('episodes/2026-01-07-para.md', 'w').write('---\ntitle: x\ndate: 2026-01-07\n---\n\n' + '[x]\n' * 200000)"
hostile "a paragraph of 200,000 lines" "episodes/2026-01-07-para.md:6: error: a paragraph of more than 1000 lines" "$PODSYNTH" check episodes/2026-01-07-para.md

# ---- amplification in mail ----
fresh
python3 -c "import gzip; open('bomb.mbox.gz','wb').write(gzip.compress(b'From x\n' + b'a' * (200 << 20), 9))"
hostile "a gzip bomb (200 MiB from 200 kB)" "bomb.mbox.gz: error: gzip data inflates to more than" "$PODSYNTH" draft --template "$TEMPLATE" -o episodes/d.md bomb.mbox.gz
fresh
python3 - <<'PY'
s = '<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY a "' + 'a' * 1000 + '">'
for i in range(1, 6):
    s += '<!ENTITY e%d "%s">' % (i, ('&a;' if i == 1 else '&e%d;' % (i - 1)) * 30)
s += ']>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&e5;</title>'
s += '<link href="https://lore.kernel.org/x/a@b/"/><content>&e5;</content></entry></feed>\n'
open('laughs.atom', 'w').write(s)
PY
hostile "an Atom feed with entity declarations" "laughs.atom:2: error: a document type declaration (<!DOCTYPE>) is refused" "$PODSYNTH" draft --template "$TEMPLATE" -o episodes/d.md laughs.atom
fresh; mkfifo inbox.mbox
hostile "a mailbox that is a FIFO" "inbox.mbox: error: cannot read the mail: not a regular file (a FIFO)" "$PODSYNTH" draft --template "$TEMPLATE" -o episodes/d.md inbox.mbox
fresh
hostile "mail from standard input that never ends" "(standard input): error: cannot read the mail: larger than the 256 MiB limit for a mailbox" \
	bash -c 'exec "$1" draft --template "$2" -o episodes/d.md - </dev/zero' _ "$PODSYNTH" "$TEMPLATE"
fresh; mkfifo t.md
hostile "a template that is a FIFO" "t.md: error: cannot read the template: not a regular file (a FIFO)" "$PODSYNTH" draft --template t.md -o episodes/d.md "$TOP/tests/draft/fixtures/week.mboxrd"

fresh
printf 'From a Mon Jan  1 00:00:00 2035\nFrom: A <a@b>\nSubject: [PATCH v2 1/1] riscv: x\nMessage-ID: <f1@x>\nDate: Mon, 1 Jan 2035 00:00:00 +0000\n\nbody\n\nFrom b Mon Nov 16 00:00:00 2026\nFrom: B <a@b>\nSubject: [PATCH] mm: y\nMessage-ID: <f2@x>\nDate: Mon, 16 Nov 2026 00:00:00 +0000\n\nbody\n' >future.mbox
hostile "a message dated in the future (a warning)" "future.mbox:1: warning: message 1 is dated 2035-01-01, in the future: its date is not used for the draft" "$PODSYNTH" draft --template "$TEMPLATE" -o d.md future.mbox
check "...and the draft's date is the other message's" grep -qx 'date: 2026-11-16' d.md

# ---- URLs: http(s) or a file in the site ----
for u in 'javascript://alert(1)' 'data://text/html,x' 'ftp://example.org/c.png' 'file:///etc/passwd'; do
	fresh; printf 'image: "%s"\n' "$u" >>rss/channel.yaml
	hostile "image: $u" "error: image: only an http(s) address or a file in the site can be published, not \"$u\"" "$PODSYNTH" check
done
fresh; sed -i 's|^link:.*|link: '"'"'http://example.org/"><script>alert(1)</script>'"'"'|' rss/channel.yaml
hostile 'a link: with "<>' 'error: link cannot contain spaces, control characters, quotes, <, >, or invalid UTF-8' "$PODSYNTH" check
fresh; sed -i 's|^link:.*|link: javascript:alert(1)|' rss/channel.yaml
hostile 'link: javascript:' 'error: link: "javascript:alert(1)" is not an absolute http(s) URL' "$PODSYNTH" check
fresh; printf 'directories:\n  Apple Podcasts: "javascript:alert(1)"\n' >>rss/channel.yaml
hostile 'a directory URL javascript:' 'is not an absolute http(s) URL' "$PODSYNTH" check
fresh; printf -- '---\ntitle: x\ndate: 2026-01-01\nimage: "data://image/png;base64,AAAA"\n---\n\nText.\n' >episodes/2026-01-01-good.md
hostile "an episode's image: data:" "episodes/2026-01-01-good.md:4: error: image: only an http(s) address" "$PODSYNTH" check
fresh; printf 'draft:\n  archive: "javascript:alert(1)/{message-id}"\n' >>rss/channel.yaml
hostile "draft.archive javascript:" 'error: draft.archive: "javascript:alert(1)/{message-id}" is not an absolute http(s) URL' "$PODSYNTH" draft --template "$TEMPLATE" -o episodes/d.md "$TOP/tests/draft/fixtures/week.mboxrd"
fresh
printf '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>[PATCH] x</title><link href="javascript:alert(1)//lore.kernel.org/x/a@b/"/><updated>2026-11-16T00:00:00Z</updated></entry></feed>\n' >js.atom
hostile "an Atom link javascript: (dropped with a warning)" 'js.atom:3: warning: entry 1: its link "javascript:alert(1)//lore.kernel.org/x/a@b/" is not an http(s) address (skipped)' "$PODSYNTH" draft --template "$TEMPLATE" -o d.md js.atom
check "...and it is not in the draft" bash -c '! grep -q javascript d.md'

# Links in the body: the notes and the page leave them out (the one rule:
# http(s) or a path in the site); check names each at its own line.
fresh
cat >episodes/2026-01-06-links.md <<'MD'
---
title: Links
date: 2026-01-06
---

A fine [link](https://example.org/a) and a [relative one](notes/x.html).

A [script](JavaScript:alert(1)) on line eight,
and [data](data:text/html,x) on nine, [vb](vbscript:msgbox) too.

[file](file:///etc/passwd) and [no scheme](//evil.example/x)
and [entities](java&#115;cript:alert(1)) and [colon](javascript&colon;alert(2)).

Raw <a href=" javascript:alert(3)">html</a> and ![image](data:image/png;base64,AAAA).

[mail](mailto:a@example.org) and [a tab](<java	script:x>).
MD
w='episodes/2026-01-06-links.md'
hostile "a javascript: link in the body (a warning, at its line)" "$w:8: warning: link \"JavaScript:alert(1)\" is left out of the notes and the page" "$PODSYNTH" check "$w"
for l in '9:data:text/html,x' '9:vbscript:msgbox' '11:file:///etc/passwd' '11://evil.example/x' \
	'12:javascript:alert(1)' '12:javascript:alert(2)' '14: javascript:alert(3)' '14:data:image/png;base64,AAAA' \
	'16:mailto:a@example.org' '16:java%09script:x'; do
	check "body link ${l#*:} named at line ${l%%:*}" grep -qF "$w:${l%%:*}: warning: link \"${l#*:}\" is left out" err.txt
done
check "the fine links are not warned about" bash -c '! grep -qE "example.org/a|notes/x.html" err.txt'
check "exactly the eleven bad links are warned about" test "$(grep -c "is left out of the notes" err.txt)" = 11

# ---- artwork decoded completely ----
fresh; mkdir -p rss/art
ffmpeg -loglevel error -y -f lavfi -i "testsrc=s=1400x1400" -frames:v 1 -pix_fmt rgb24 rss/art/full.png
ffmpeg -loglevel error -y -f lavfi -i "testsrc=s=1400x1400" -frames:v 1 -pix_fmt yuvj420p rss/art/full.jpg
head -c "$(($(stat -c %s rss/art/full.png) / 2))" rss/art/full.png >rss/art/cut.png
head -c "$(($(stat -c %s rss/art/full.jpg) / 2))" rss/art/full.jpg >rss/art/cut.jpg
cp rss/channel.yaml channel.good
for f in cut.png:PNG cut.jpg:JPEG; do
	{ echo "image: art/${f%:*}"; cat channel.good; } >rss/channel.yaml
	hostile "artwork cut inside its image data (${f%:*})" "rss/channel.yaml:1: error: image: the ${f#*:}'s image data is cut short or damaged" "$PODSYNTH" check
done
for f in full.png full.jpg; do
	{ echo "image: art/$f"; cat channel.good; } >rss/channel.yaml
	"$PODSYNTH" check >/dev/null 2>&1
	check "whole artwork is accepted ($f)" test $? -eq 0
done

# ---- site_css outside the site ----
fresh; echo 'body{}' >outside.css; printf 'site_css: ../outside.css\n' >>rss/channel.yaml
line=$(grep -n '^site_css' rss/channel.yaml | cut -d: -f1)
hostile "site_css outside rss/ (check)" "rss/channel.yaml:$line: error: site_css must be a file inside the site (rss/), not \"rss/../outside.css\"" "$PODSYNTH" check
hostile "site_css outside rss/ (feed)" "rss/channel.yaml:$line: error: site_css must be a file inside the site" "$PODSYNTH" feed

# ---- cost: linear in the number of paragraphs and in a paragraph's length ----
# Four times the input may cost at most this many times the time (linear: 4
# plus the start-up; the quadratic code took 13x for paragraphs, 8x for words).
RATIO=${HOSTILE_RATIO:-7}
# CPU seconds (user and system, the program's and its children's), not the
# clock's: the suite runs test files side by side, and a loaded machine
# stretches wall time, not the work done.
# The inputs wait in shapes/ and are measured one at a time, each the one long
# episode in episodes/: `check FILE` reads every episode (titles and GUIDs
# are compared across them), so with all 28 of them there each measure was
# 1.8 s of reading the others and a few hundredths of its own, a constant
# that hid the ratio (a quadratic file would have passed) and cost 35 s.
timed() { # FILE: CPU seconds of `check` on it
	cp "$1" episodes/
	/usr/bin/time -f '%U %S' -o cpu.txt "$PODSYNTH" check "episodes/${1##*/}" >/dev/null 2>&1
	rm -f "episodes/${1##*/}"
	tail -n 1 cpu.txt | awk '{ printf "%.2f", $1 + $2 }'
}
fresh
mkdir shapes
python3 - <<'PY'
for n in (10000, 40000):
    with open('shapes/2026-01-05-p%d.md' % n, 'w') as f:
        f.write('---\ntitle: x\ndate: 2026-01-05\nspeakers: {Ana: host, Ben: cohost}\n---\n\n')
        for i in range(n):
            f.write('Paragraph number %d is here.\n\n' % i)
    with open('shapes/2026-01-05-w%d.md' % n, 'w') as f:
        f.write('---\ntitle: x\ndate: 2026-01-05\n---\n\n')
        f.write(' '.join('word%d io_uring v6.%d' % (i, i % 9) for i in range(n)) + '\n')
PY
# Shapes that were quadratic: runs of ')', em dashes (a strlen a character),
# brackets never closed, many inserts on one line, link openers.
python3 -c "
shapes = {'c': ')', 'd': '\u2014', 'b': '[break:\"', 'i': '[audio:\"a.wav\"] ', 'l': '[x](', 'm': '(x)[a:'}
for k, pat in shapes.items():
    for n in (40000, 160000):
        with open('shapes/2026-01-05-%s%d.md' % (k, n // 4), 'w') as f:
            f.write('---\ntitle: x\ndate: 2026-01-05\n---\n\nText ' + pat * n + '\n')
"
for kind in c d b i l m; do
	a=$(timed shapes/2026-01-05-${kind}10000.md)
	b=$(timed shapes/2026-01-05-${kind}40000.md)
	check "4x the text of shape $kind costs less than ${RATIO}x the time (${a}s, ${b}s)" \
		awk -v a="$a" -v b="$b" -v r="$RATIO" 'BEGIN { exit !(b < r * a + 0.3) }'
done
cp shapes/2026-01-05-i10000.md episodes/
"$PODSYNTH" check episodes/2026-01-05-i10000.md >out.txt 2>err.txt
check "10,000 inserts of one missing file on one line: one message, not 10,000 ($(grep -c 'cannot read audio insert' err.txt))" \
	test "$(grep -c 'cannot read audio insert' err.txt)" = 1
rm episodes/2026-01-05-i10000.md
for kind in p w; do
	a=$(timed shapes/2026-01-05-${kind}10000.md)
	b=$(timed shapes/2026-01-05-${kind}40000.md)
	what=$([ $kind = p ] && echo "paragraphs" || echo "words in one paragraph")
	check "4x the $what costs less than ${RATIO}x the time (${a}s, ${b}s)" \
		awk -v a="$a" -v b="$b" -v r="$RATIO" 'BEGIN { exit !(b < r * a) }'
done

# ---- identity and transcripts: a real build ----
fresh
cat >episodes/2026-01-01-good.md <<'MD'
---
title: A good episode
date: 2026-01-01
---

One short paragraph.

00:00:01,000 --> 00:00:02,000
MD
"$PODSYNTH" build -j 2 episodes/2026-01-01-good.md >build.log 2>&1 && "$PODSYNTH" feed >feed.log 2>&1
check "the episode is built and published" grep -q '<guid' rss/feed.xml
check "SRT: a paragraph that looks like a timing line is escaped" grep -qF -- '00:00:01,000 --&gt; 00:00:02,000' rss/episodes/2026-01-01-good.srt
check "SRT: every line with --> is a cue's timing line" \
	bash -c '! grep -- "-->" rss/episodes/2026-01-01-good.srt | grep -qv "^[0-9:,]* --> [0-9:,]*$"'
guid=$(sed -n 's/.*<guid[^>]*>\([^<]*\)<.*/\1/p' rss/feed.xml | head -1)
guidof() { sed -n 's/.*<guid[^>]*>\([^<]*\)<.*/\1/p' rss/feed.xml | head -1; }
# Renamed: build, check and feed all refuse it, naming the old slug and the fix.
mv episodes/2026-01-01-good.md episodes/2026-01-01-renamed.md
r=episodes/2026-01-01-renamed.md
renamed_msg="$r:1: error: \"A good episode\" was published as \"2026-01-01-good\""
hostile "build: a renamed episode without previous_slug:" "$renamed_msg" "$PODSYNTH" build -j 2 "$r"
check "...and nothing is built under the new name" test ! -e rss/episodes/2026-01-01-renamed.mp3
hostile "check: a renamed episode without previous_slug:" "$renamed_msg" "$PODSYNTH" check "$r"
hostile "feed: a renamed episode without previous_slug:" "$renamed_msg" "$PODSYNTH" feed
# previous_slug: names the slug it was published as: built and published with its GUID.
sed -i 's/^date: 2026-01-01$/date: 2026-01-01\nprevious_slug: 2026-01-01-good/' "$r"
"$PODSYNTH" build -j 2 "$r" >build.log 2>&1
check "with previous_slug: the renamed episode is built" test $? -eq 0
"$PODSYNTH" feed >feed.log 2>&1
check "with previous_slug: the feed is published" test $? -eq 0
check_eq "...and the renamed episode keeps its GUID" "$(guidof)" "$guid"
check "...recorded under its new slug in the ledger" grep -qP "^episode\t2026-01-01-renamed\t$guid\$" rss/guids.txt
# previous_slug: that was never published: refused by all three, at its line.
sed -i 's/^previous_slug: .*/previous_slug: never-published/' "$r"
prev_msg="$r:4: error: previous_slug: \"never-published\" was never published"
hostile "build: a previous_slug: that was never published" "$prev_msg" "$PODSYNTH" build -j 2 "$r"
hostile "check: a previous_slug: that was never published" "$prev_msg" "$PODSYNTH" check "$r"
hostile "feed: a previous_slug: that was never published" "$prev_msg" "$PODSYNTH" feed
# Renamed again, recognised by its guid: alone (no previous_slug:).
sed -i '/^previous_slug: /d' "$r"
mv "$r" episodes/2026-01-01-third.md
r=episodes/2026-01-01-third.md
hostile "build: renamed again, without guid:" "$r:1: error: \"A good episode\" was published as \"2026-01-01-" "$PODSYNTH" build -j 2 "$r"
sed -i "s/^date: 2026-01-01\$/date: 2026-01-01\nguid: $guid/" "$r"
"$PODSYNTH" check "$r" >check.log 2>&1
check "with its guid: check passes the renamed episode" test $? -eq 0
"$PODSYNTH" build -j 2 "$r" >build.log 2>&1
check "with its guid: the renamed episode is built" test $? -eq 0
"$PODSYNTH" feed >feed.log 2>&1
check "with its guid: the feed is published" test $? -eq 0
check_eq "...and the episode keeps its GUID" "$(guidof)" "$guid"
check "...once" test "$(grep -c '<item>' rss/feed.xml)" = 1
# A new episode that only shares a published title, while the published one
# is still there, is not a rename.
sed 's/^guid: .*//' "$r" >episodes/2026-01-02-same-title.md
sed -i 's/^date: 2026-01-01$/date: 2026-01-02/' episodes/2026-01-02-same-title.md
"$PODSYNTH" check episodes/2026-01-02-same-title.md >check.log 2>&1
check "a new episode with the title of a published one that is still there passes check" test $? -eq 0
