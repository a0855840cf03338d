#!/usr/bin/env bash
# Messages come from the catalogue (src/core/msg.h) and name their file:
#  1. no diag() call outside msg.c, which defines it (util.c, the layer
#     below, reports nothing);
#  2. every msg() call names a file: its file argument is never NULL or ""
#     (a message about no file at all names the command, "podsynth draft");
#  3. the messages a user can cause with bad input, as printed: the file it
#     is about and its line where there is one, strerror as the reason
#     after a colon, never a line starting with "podsynth:".
. "$(dirname "$0")/lib.sh"

cd "$SCRATCH" || exit 1

# ---- 1. diag() only in msg.c ----
rx="^$TOP/src/core/msg\\.c:"
grep -nE '\bv?diag\(' "$TOP"/src/*/*.c | grep -vE "$rx" >direct.txt
if [ -s direct.txt ]; then
	fail "diag() is called only by msg.c: $(wc -l <direct.txt) calls elsewhere"
	sed "s|^$TOP/|    |" direct.txt
else
	ok "diag() is called only by msg.c"
fi
# The same grep finds a call planted in a copy of a source file.
mkdir -p planted/src/render planted/src/core
planted='\nstatic void f(void) { diag(DIAG_ERROR, NULL, 0, 0, "x"); }\n'
{ cat "$TOP/src/render/render.c"; printf "$planted"; } >planted/src/render/render.c
{ cat "$TOP/src/core/util.c"; printf "$planted"; } >planted/src/core/util.c
grep -HnE '\bv?diag\(' planted/src/*/*.c | grep -vE '^planted/src/core/msg\.c:' >planted.txt
check "...the check sees a direct call (it can fail)" grep -q '^planted/src/render/render\.c:' planted.txt
check "...util.c is not let off: the layer below msg.c reports nothing" \
	grep -q '^planted/src/core/util\.c:' planted.txt

# The bottom layer, util < text < msg: each includes only the program's
# headers below it (util.c none but its own), so util.c cannot report.
bottom() { # FILE ALLOWED-HEADERS-REGEX: prints the headers FILE includes beyond them
	sed -n 's/^#include "\(.*\)"$/\1/p' "$1" | grep -vxE "$2"
}
check "util.c includes none of the program's headers but util.h" \
	test -z "$(bottom "$TOP/src/core/util.c" 'util\.h')"
check "text.c includes only text.h and util.h" \
	test -z "$(bottom "$TOP/src/core/text.c" '(text|util)\.h')"
check "msg.c includes only msg.h, text.h and util.h" \
	test -z "$(bottom "$TOP/src/core/msg.c" '(msg|text|util)\.h')"
{ cat "$TOP/src/core/util.c"; echo '#include "msg.h"'; } >planted/util.c
check "...the check sees util.c include msg.h (it can fail)" \
	test -n "$(bottom planted/util.c 'util\.h')"

# ---- 2. every msg() call names a file ----
python3 - "$TOP/src" >nofile.txt 2>calls.txt <<'PY'
import glob, re, sys
def args(src, i):
    """The text of the call's arguments after the one that ends at i, split at top-level commas."""
    out, cur, depth, j = [], '', 0, i
    while j < len(src):
        c = src[j]
        if c == '"':
            k = j + 1
            while src[k] != '"':
                k += 2 if src[k] == '\\' else 1
            cur += src[j:k + 1]; j = k + 1; continue
        if c in '([': depth += 1
        if c in ')]': depth -= 1
        if depth < 0:
            out.append(cur); break
        if c == ',' and depth == 0:
            out.append(cur); cur = ''
        else:
            cur += c
        j += 1
    return [' '.join(a.split()) for a in out]
n = 0
for p in sorted(glob.glob(sys.argv[1] + '/*/*.c')):
    if p.endswith('/msg.c'):
        continue
    src = open(p).read()
    for m in re.finditer(r'\bmsg\(\s*(MSG_[A-Z0-9_]+)\s*,', src):
        n += 1
        a = args(src, m.end())
        f = a[0] if a else ''
        line = src.count('\n', 0, m.start()) + 1
        if (f in ('NULL', '""', '0', '') or re.search(r'[?:]\s*(NULL|"")\s*$', f)
                or re.search(r'\?\s*(NULL|"")\s*:', f) or len(a) < 4):
            print('%s:%d: %s file %s' % (p.split('/src/')[1], line, m.group(1), f or '(none)'))
print('calls', n, file=sys.stderr)
PY
n=$(sed -n 's/^calls //p' calls.txt)
check "the script parsed the msg() calls (${n:-none})" test "${n:-0}" -gt 200
if [ -s nofile.txt ]; then
	fail "every msg() call names a file: $(wc -l <nofile.txt) do not"
	sed 's/^/    /' nofile.txt
else
	ok "every msg() call names a file"
fi

# ---- 3. messages a user can cause, as printed ----
said() { # DESCRIPTION WANT-LINE ERR-FILE: the exact line is among the messages
	if grep -qxF -- "$2" "$3" && ! grep -qE '^podsynth:|Sanitizer' "$3"; then
		ok "$1"
	else
		fail "$1: want \"$2\""; sed 's/^/    got:  /' "$3" | head -5
	fi
}
fails() { # ERR-FILE CMD...: CMD exits non-zero, its messages in ERR-FILE
	local e=$1; shift
	if "$@" >/dev/null 2>"$e"; then echo "exit status 0" >>"$e"; fi
}

newproj
sed "s|@TEMPLATES@|$TOP/src/templates|" "$TOP/tests/draft/channel.yaml" >rss/channel.yaml
cp -r "$TOP/tests/draft/fixtures" fixtures

# mailboxes and Atom feeds
: >empty.mbox
"$PODSYNTH" draft empty.mbox >/dev/null 2>e.txt
said "an empty mailbox: a warning naming it" "empty.mbox: warning: empty input: no messages" e.txt
gzip -9nc fixtures/week.mboxrd >junk.mbox.gz
printf 'trailing junk' >>junk.mbox.gz
"$PODSYNTH" draft junk.mbox.gz >/dev/null 2>e.txt
said "junk after gzip data: a warning naming the file" \
	"junk.mbox.gz: warning: 13 bytes of junk after the gzip data (ignored)" e.txt
{ head -c 20 junk.mbox.gz; head -c 400 /dev/zero | tr '\0' 'x'; } >corrupt.mbox.gz
fails e.txt "$PODSYNTH" draft corrupt.mbox.gz
check "corrupt gzip data: an error naming the file, zlib's reason after a colon" \
	grep -qE '^corrupt\.mbox\.gz: error: (corrupt gzip data: .+|truncated gzip data)' e.txt
printf 'From x\nSubject: y\n\nbody\n' >plain.mbox
printf '%s\n' '<?xml version="1.0" encoding="utf-8"?>' \
	'<feed xmlns="http://www.w3.org/2005/Atom">' '<title>t</title>' \
	'<entry>' '<title>[PATCH] a: b</title>' '<link rel="alternate" href="https://example.org/"/>' \
	'</entry>' '</feed>' >nolink.atom
"$PODSYNTH" draft nolink.atom >/dev/null 2>e.txt
said "an Atom entry without an archive link: file:line of the entry" \
	"nolink.atom:4: warning: entry 1 has no archive link to take a Message-ID from (skipped)" e.txt
fails e.txt "$PODSYNTH" draft nosuch.mbox
said "a missing mailbox: the file, then strerror after a colon" \
	"nosuch.mbox: error: cannot read the mail: No such file or directory" e.txt

# templates
tmpl() { printf -- '---\ntitle: x\n---\n{sections}\n<!-- draft:section\n# {title}\n-->\n<!-- draft:item\n%s\n-->\n' "$1" >"$2"; }
tmpl '{subject?, seen' unclosed.md
fails e.txt "$PODSYNTH" draft --template unclosed.md fixtures/week.mboxrd
said "an unclosed placeholder: file:line" 'unclosed.md:9: error: unclosed placeholder "{subject"' e.txt
tmpl '{replies|reply}' plural.md
fails e.txt "$PODSYNTH" draft --template plural.md fixtures/week.mboxrd
said "a plural with one word: file:line" \
	'plural.md:9: error: placeholder "{replies|...}" needs two words: {replies|one|other}' e.txt
printf -- '---\ntitle: x\n---\n<!-- draft:section\n# {title}\n-->\n<!-- draft:item\n{subject}\n-->\n' >nosections.md
fails e.txt "$PODSYNTH" draft --template nosections.md fixtures/week.mboxrd
said "a template without {sections}" "nosections.md: error: template has no {sections} placeholder" e.txt
printf -- '---\ntitle: x\n---\n{sections}\n<!-- draft:section\n# {title}\n-->\n' >noitem.md
fails e.txt "$PODSYNTH" draft --template noitem.md fixtures/week.mboxrd
said "a template without an item definition" \
	'noitem.md: error: template has no "<!-- draft:item" definition' e.txt
printf -- '---\ntitle: x\n---\n{sections}\n<!-- draft:section\n# {title}\n-->\n<!-- draft:item\n{subject}\n' >open.md
fails e.txt "$PODSYNTH" draft --template open.md fixtures/week.mboxrd
said "an unclosed definition: file:line of its start" \
	'open.md:8: error: "<!-- draft:item" has no closing "-->"' e.txt
printf -- '---\ntitle: x\n---\n\n\xff\n' >latin.md
fails e.txt "$PODSYNTH" draft --template latin.md fixtures/week.mboxrd
said "a template in another encoding: file:line" "latin.md:5: error: invalid UTF-8" e.txt
fails e.txt "$PODSYNTH" draft --template nosuch.md fixtures/week.mboxrd
said "a missing template" "nosuch.md: error: cannot read the template: No such file or directory" e.txt
fails e.txt "$PODSYNTH" draft --lang 'e n' fixtures/week.mboxrd
said "a bad --lang: the command is the subject" \
	'podsynth draft: error: --lang: "e n" is not a language tag such as en or zh-CN' e.txt
fails e.txt "$PODSYNTH" draft --lang fr fixtures/riscv.atom
check "no template for the language: the command is the subject" \
	grep -q '^podsynth draft: error: no template draft.fr.md for language "fr" (looked in ' e.txt
echo keep >kept.md
fails e.txt "$PODSYNTH" draft -o kept.md fixtures/week.mboxrd
said "an existing draft: the file" "kept.md: error: already exists; not overwritten (--force replaces it)" e.txt

printf 'From nobody\nSubject: [PATCH] x: y\n\nno id\n' >noid.mbox
"$PODSYNTH" draft noid.mbox >/dev/null 2>e.txt
said "no patch series: a warning naming the mailbox" \
	"noid.mbox: warning: no patch series found (messages read: 0, threads: 0): the draft has no items" e.txt
fails e.txt "$PODSYNTH" draft -o missing/x.md fixtures/week.mboxrd
said "a draft that cannot be written: the file, then strerror" \
	"missing/x.md: error: cannot write the draft: No such file or directory" e.txt

# podsynth draft's settings (draft: in channel.yaml, read by a settings table)
cp rss/channel.yaml full.yaml
head -n 5 full.yaml >good.yaml   # the show, without draft:
setting() { # YAML-LINES: appended to a copy of the good settings
	cp good.yaml rss/channel.yaml
	printf '%s\n' "$@" >>rss/channel.yaml
	line=$(($(wc -l <good.yaml) + 2))
}
setting 'draft:' '  max_per_section: lots'
fails e.txt "$PODSYNTH" draft fixtures/week.mboxrd
said "draft.max_per_section not a number: channel.yaml:N" \
	"rss/channel.yaml:$line: error: draft.max_per_section: expected a whole number" e.txt
setting 'draft:' '  archive: https://lore.example.org/{list}/'
fails e.txt "$PODSYNTH" draft fixtures/week.mboxrd
said "draft.archive without {message-id}: channel.yaml:N" \
	"rss/channel.yaml:$line: error: draft.archive: \"https://lore.example.org/{list}/\" has no {message-id}" e.txt
setting 'draft:' '  colour: red'
"$PODSYNTH" draft fixtures/week.mboxrd >/dev/null 2>e.txt
said "an unknown draft: key: a warning at channel.yaml:N" \
	"rss/channel.yaml:$line: warning: unknown setting \"draft.colour\"" e.txt
setting 'draft:' '  sections:' '    - title: RISC-V' '      match: [riscv]' '      colour: red'
"$PODSYNTH" draft fixtures/week.mboxrd >/dev/null 2>e.txt
said "an unknown key in a section: a warning at channel.yaml:N" \
	"rss/channel.yaml:$((line + 3)): warning: unknown key \"draft.sections.colour\"" e.txt
setting 'draft:' '  sections:' '    - title: [a, b]' '      match: riscv'
fails e.txt "$PODSYNTH" draft fixtures/week.mboxrd
said "a section title that is a list: channel.yaml:N" \
	"rss/channel.yaml:$((line + 1)): error: draft.sections.title: expected text, not a list or mapping" e.txt
setting 'draft:' '  templates: mine'
fails e.txt "$PODSYNTH" draft --lang de fixtures/week.mboxrd
check "draft.templates: relative to channel.yaml, named where a template is looked for" \
	grep -q "^podsynth draft: error: no template draft.de.md for language \"de\" (looked in rss/mine, " e.txt
cp full.yaml rss/channel.yaml

# publishing: the feed, the pages, the settings they read
newproj
fails e.txt "$PODSYNTH" feed nosuch
said "podsynth feed with a missing directory" "nosuch: error: cannot read the episodes: No such file or directory" e.txt
"$PODSYNTH" feed 2>e.txt
said "a feed written: a note naming it" "rss/feed.xml: note: 0 episodes published (0 drafts, 0 not rendered)" e.txt
if unshare -rm true 2>/dev/null; then
	unshare -rm bash -c 'mount --bind rss rss && mount -o remount,bind,ro rss && "$1" feed' sh "$PODSYNTH" >/dev/null 2>e.txt
	said "a read-only site: the feed named, the previous one kept, strerror as the reason" \
		"rss/feed.xml: error: cannot write the feed, the previous one is kept: Read-only file system" e.txt
else
	fail "cannot mount the site read-only (unshare -rm)"
fi
rm rss/index.html && mkdir rss/index.html
fails e.txt "$PODSYNTH" feed
said "a page that cannot be put in place: the page named" \
	"rss/index.html: error: cannot put the page in place: Is a directory" e.txt
rmdir rss/index.html
rm rss/feed.xml && mkdir rss/feed.xml
fails e.txt "$PODSYNTH" feed
said "a feed that cannot be put in place: the feed named" \
	"rss/feed.xml: error: cannot put the new feed in place: Is a directory" e.txt
rmdir rss/feed.xml
echo 'site_css: nope.css' >>rss/channel.yaml
fails e.txt "$PODSYNTH" feed
said "a missing site_css: channel.yaml:N" \
	"rss/channel.yaml:$(grep -n '^site_css:' rss/channel.yaml | cut -d: -f1): error: site_css is not a file \"rss/nope.css\"" e.txt

# the cache, podsynth say's temporary directory
newproj
printf -- '---\ntitle: [broken\n---\n\nText.\n' >episodes/2026-08-15-broken.md
fails e.txt "$PODSYNTH" cache --prune
said "prune refused: the cache named" \
	"$PODSYNTH_CACHE: error: cache not pruned: fix the errors above first (their segments would count as unused)" e.txt
rm episodes/2026-08-15-broken.md
TMPDIR=$PWD/nosuch fails e.txt "$PODSYNTH" say hello
check "podsynth say without its temporary directory: the directory named, strerror" \
	grep -qE "^$PWD/nosuch/podsynth-say\.[A-Za-z0-9]{6}: error: cannot make a temporary directory: No such file or directory\$" e.txt
echo x >notadir
PODSYNTH_CACHE=$PWD/notadir fails e.txt "$PODSYNTH" cache
said "a cache that is not a directory: the cache named" \
	"$PWD/notadir: error: cannot read the cache: Not a directory" e.txt
