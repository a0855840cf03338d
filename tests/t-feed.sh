#!/usr/bin/env bash
# Publishing end to end, on real renders: the feed parses with feedparser
# (no bozo), enclosures and durations match the files (ffprobe), strings
# with markup, emoji, Chinese and control characters survive, GUIDs stay
# put, rebuilding changes nothing, the WebVTT transcript is timed to the
# audio (a known sentence located independently with silencedetect), the
# chapters agree with the Vorbis comments, a podcast client (newsboat +
# podboat) downloads the episode from a local web server byte for byte,
# and a killed build or feed, or a full disk, leaves a feed that parses.
# The feed names the published audio, <slug>.<hash>.ogg (the first 12 hex
# digits of the XXH3 64-bit hash of the bytes, checked here with a small
# program of our own against libxxhash), never the build's <slug>.ogg.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
newproj

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT

# A loud two-second tone as the intro, so the speech after it is easy to find.
ffmpeg -loglevel error -f lavfi -i "sine=frequency=330:duration=2" -ar 44100 -ac 1 rss/intro.wav
cat >rss/channel.yaml <<EOF
title: "Feed test: Kernel & Friends"
description: A show made by the test suite.
author: Test Host
language: en
link: $BASE/
copyright: CC BY 4.0
owner:
  name: Test Owner
  email: owner@example.org
category: Technology
explicit: false
type: episodic
locked: true
intro: intro.wav
outro: none
# Vorbis alone: this test is about publishing; t-formats.sh covers the rest.
formats: [vorbis]
pauses:
  paragraph: 1500
  after_intro: 1000
  section: 1200
EOF

# One sentence a paragraph, long pauses between them: the third paragraph is
# the known sentence whose place in the audio silencedetect finds.
cat >episodes/2026-03-01-timing.md <<'MD'
---
title: Timing check
date: 2026-03-01
description: Four sentences with long pauses between them.
episode: 1
---

Welcome to the timing check.

The second paragraph is here.

This known sentence starts after a long pause.

The last paragraph ends the episode.
MD

# Markup characters, emoji, Chinese and control characters (YAML escapes).
cat >episodes/2026-03-08-specials.md <<'MD'
---
title: "Tom & Jerry <b>bold</b> \"quoted\" 'single' \U0001F399 中文标题 bell\x07 \uFFFE end"
date: 2026-03-08T09:30:00
description: "Less < more > and & \"both\" \u0001 控制字符 \U0001F600 done"
season: 2
episode: 5
---

# News & notes

A paragraph with a [link](https://lore.kernel.org/lkml/) and `io_uring` code.

<!-- producer note: never published -->

# 中文部分

这一段是中文。

# Wrap up

That is all.
MD

cat >episodes/2026-03-15-draft.md <<'MD'
---
title: A draft
date: 2026-03-15
draft: true
---

Not ready yet.
MD

cat >episodes/2026-03-20-unrendered.md <<'MD'
---
title: Not rendered yet
date: 2026-03-20
---

Written but not rendered.
MD

T1=episodes/2026-03-01-timing.md
T2=episodes/2026-03-08-specials.md
OGG1=rss/episodes/2026-03-01-timing.ogg
OGG2=rss/episodes/2026-03-08-specials.ogg

"$PODSYNTH" build -j 2 "$T1" "$T2" >build.log 2>&1
check "the episodes render" test -s "$OGG1" -a -s "$OGG2"
"$PODSYNTH" feed >feed.log 2>&1
check "podsynth feed succeeds" test $? -eq 0
check "rss/feed.xml is written" test -s rss/feed.xml
check "xmllint: well-formed" xmllint --noout rss/feed.xml

# ---- the feed, read by feedparser ----
cat >readfeed.py <<'PY'
import feedparser, json, os, sys, urllib.parse
base, path = sys.argv[1], sys.argv[2]
d = feedparser.parse(path)
out = {"bozo": int(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")),
       "title": d.feed.get("title"), "guid": d.feed.get("podcast_guid"),
       "self": [l.get("href") for l in d.feed.get("links", []) if l.get("rel") == "self"],
       "entries": []}
for e in d.entries:
    enc = e.get("enclosures", [])
    ent = {"title": e.get("title"), "summary": e.get("summary"), "id": e.get("id"),
           "published": e.get("published"), "duration": e.get("itunes_duration"),
           "link": e.get("link"), "enclosures": []}
    for x in enc:
        url = x.get("href")
        rel = urllib.parse.unquote(url[len(base) + 1:]) if url.startswith(base + "/") else None
        f = os.path.join("rss", rel) if rel else None
        ent["enclosures"].append({"url": url, "length": int(x.get("length", -1)),
                                  "type": x.get("type"), "file": f,
                                  "size": os.path.getsize(f) if f and os.path.exists(f) else -1})
    out["entries"].append(ent)
json.dump(out, sys.stdout)
PY
readfeed() { $PY readfeed.py "$BASE" "${1:-rss/feed.xml}"; }
jq_() { $PY -c "import json,sys; d=json.load(open('$1')); print($2)"; }
readfeed >f1.json
check_eq "feedparser: no bozo flag" "$(jq_ f1.json 'd["bozo"], d["bozo_exception"]')" "0 "
check_eq "two episodes: no draft, nothing unrendered" "$(jq_ f1.json 'len(d["entries"])')" 2
check "the draft is not in the feed" bash -c "! grep -q 'A draft' rss/feed.xml"
check "the unrendered episode is not in the feed" bash -c "! grep -q 'Not rendered yet' rss/feed.xml"
check_eq "newest first" "$(jq_ f1.json '[e["published"][:16] for e in d["entries"]]')" \
	"['Sun, 08 Mar 2026', 'Sun, 01 Mar 2026']"
check_eq "pubDate is RFC 2822 with the time" "$(jq_ f1.json 'd["entries"][0]["published"]')" \
	"Sun, 08 Mar 2026 09:30:00 +0000"
check_eq "enclosure lengths are the file sizes" \
	"$(jq_ f1.json 'all(x["length"] == x["size"] > 0 for e in d["entries"] for x in e["enclosures"])')" True
check_eq "enclosures are absolute audio/ogg URLs" \
	"$(jq_ f1.json '[(x["type"], x["url"].startswith("http://127.0.0.1:")) for e in d["entries"] for x in e["enclosures"]]')" \
	"[('audio/ogg', True), ('audio/ogg', True)]"
check_eq "atom self link is the feed's URL" "$(jq_ f1.json 'd["self"]')" "['$BASE/feed.xml']"
for i in 0 1; do
	f=$(jq_ f1.json "d['entries'][$i]['enclosures'][0]['file']")
	dur=$(jq_ f1.json "d['entries'][$i]['duration']")
	probe=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f")
	check "itunes:duration $dur agrees with ffprobe ($probe) within a second" \
		$PY -c "import sys; sys.exit(abs(float('$dur') - float('$probe')) > 1)"
done

# ---- the published audio: <slug>.<hash>.ogg ----
cat >xxh3.c <<'C'
#include <stdio.h>
#include <xxhash.h>
int main(int argc, char **argv)
{
	XXH3_state_t *st = XXH3_createState();
	FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
	char b[65536];
	size_t k;
	if (st == NULL || f == NULL)
		return 1;
	XXH3_64bits_reset(st);
	while ((k = fread(b, 1, sizeof b, f)) > 0)
		XXH3_64bits_update(st, b, k);
	printf("%.12llx\n", (unsigned long long)XXH3_64bits_digest(st) >> 16);
	return 0;
}
C
cc -o xxh3 xxh3.c $(pkg-config --cflags --libs libxxhash) 2>cc.log
check "a program of our own computes XXH3 (cc + libxxhash)" test -x xxh3
# The file name the feed gives an episode's enclosure (empty when none).
enc_name() { grep -o "<enclosure url=\"[^\"]*/episodes/$1\.[^\"]*\"" rss/feed.xml | sed 's|.*/||; s|"$||'; }
pub_ok=1
for slug in 2026-03-01-timing 2026-03-08-specials; do
	n=$(enc_name "$slug")
	want="$slug.$(./xxh3 "rss/episodes/$slug.ogg" 2>/dev/null).ogg"
	[ "$n" = "$want" ] || { pub_ok=0; echo "# enclosure '$n', want '$want'"; }
	cmp -s "rss/episodes/$n" "rss/episodes/$slug.ogg" || pub_ok=0
	grep -qF "/episodes/$n\"" "rss/episodes/$slug.html" || { pub_ok=0; echo "# page does not link $n"; }
done
check "enclosures name <slug>.<first 12 hex digits of XXH3>.ogg, the same bytes as <slug>.ogg, and so do the pages" test "$pub_ok" = 1
check "the feed never names the build's <slug>.ogg" bash -c "! grep -qE 'episodes/2026-03-0[18]-[a-z]+\.ogg\"' rss/feed.xml"
check_eq "the published audio is a hard link (no space used)" \
	"$(stat -c %i "rss/episodes/$(enc_name 2026-03-01-timing)")" "$(stat -c %i "$OGG1")"
PUB1=$(enc_name 2026-03-01-timing)

# ---- strings that break feeds ----
want_title=$($PY -c 'print("Tom & Jerry <b>bold</b> \"quoted\" '"'"'single'"'"' \U0001F399 中文标题 bell end")')
check_eq "a title with & < > \" ', emoji, Chinese and control characters round-trips" \
	"$(jq_ f1.json 'd["entries"][0]["title"]')" "$want_title"
want_desc=$($PY -c 'print("Less < more > and & \"both\" 控制字符 \U0001F600 done")')
check_eq "so does the description (after the chapters' timestamps)" \
	"$(jq_ f1.json 'd["entries"][0]["summary"].split("\n\n")[-1]')" "$want_desc"
check "no control character reaches the feed" bash -c "! LC_ALL=C grep -qP '[\x00-\x08\x0b\x0c\x0e-\x1f]' rss/feed.xml"
check "the show's title is escaped" grep -q '<title>Feed test: Kernel &amp; Friends</title>' rss/feed.xml
check "show notes: headings as paragraphs in content:encoded (what Apple renders)" \
	grep -q '&lt;p&gt;News &amp;amp; notes&lt;/p&gt;' rss/feed.xml
check "...and as headings on the page" \
	grep -qE '<h3( [^>]*)?>(<span [^>]*>)?News &amp; notes(</span>)?</h3>' rss/episodes/2026-03-08-specials.html
check "show notes: producer comments are not published" bash -c "! grep -q 'producer note' rss/feed.xml"
check "show notes: the page of the episode is written" test -s rss/episodes/2026-03-08-specials.html

# ---- the channel ----
pg=$($PY -c "import uuid; print(uuid.uuid5(uuid.UUID('ead4c236-bf58-58c6-a2c6-a6b28d128cb6'), '127.0.0.1:$PORT/feed.xml'))")
check_eq "podcast:guid is the UUIDv5 of the feed URL" "$(jq_ f1.json 'd["guid"]')" "$pg"
for tag in '<itunes:category text="Technology"/>' '<itunes:explicit>false</itunes:explicit>' \
	'<itunes:type>episodic</itunes:type>' '<podcast:locked owner="owner@example.org">yes</podcast:locked>' \
	'<itunes:email>owner@example.org</itunes:email>' '<itunes:episodeType>full</itunes:episodeType>' \
	'<itunes:season>2</itunes:season>' '<itunes:episode>5</itunes:episode>'; do
	check "feed has $tag" grep -qF "$tag" rss/feed.xml
done
cp rss/channel.yaml channel.good
sed -i 's/^category: Technology/category: Tech/' rss/channel.yaml
sha_before=$(sha256sum <rss/feed.xml)
"$PODSYNTH" feed >bad.log 2>&1
check "a category not in Apple's list is an error" test $? -ne 0
check "the error names the category" grep -q 'not an Apple Podcasts category "Tech"' bad.log
check_eq "the previous feed is kept" "$(sha256sum <rss/feed.xml)" "$sha_before"
cp channel.good rss/channel.yaml

# ---- nothing changed: byte-identical ----
"$PODSYNTH" feed >/dev/null 2>&1
check_eq "running feed again writes the same bytes" "$(sha256sum <rss/feed.xml)" "$sha_before"
"$PODSYNTH" build -j 2 "$T1" "$T2" >/dev/null 2>&1
"$PODSYNTH" feed >/dev/null 2>&1
check_eq "so does a rebuild with nothing changed" "$(sha256sum <rss/feed.xml)" "$sha_before"
check_eq "...with the same published file name" "$(enc_name 2026-03-01-timing)" "$PUB1"
check_eq "one published file an episode" "$(ls rss/episodes/2026-03-01-timing.*.ogg | wc -l)" 1
check "lastBuildDate is the newest pubDate" grep -q '<lastBuildDate>Sun, 08 Mar 2026 09:30:00 +0000</lastBuildDate>' rss/feed.xml

# ---- transcripts and chapters ----
VTT1=rss/episodes/2026-03-01-timing.vtt
check "the transcript is written" test -s "$VTT1"
check_eq "the transcript starts with WEBVTT" "$(head -n 1 "$VTT1" 2>/dev/null)" "WEBVTT"
check "the feed links the transcript" \
	grep -qF "<podcast:transcript url=\"$BASE/episodes/2026-03-01-timing.vtt\" type=\"text/vtt\"" rss/feed.xml
check "the feed links the chapters" \
	grep -qF "<podcast:chapters url=\"$BASE/episodes/2026-03-08-specials.chapters.json\" type=\"application/json+chapters\"/>" rss/feed.xml
cat >vtt.py <<'PY'
import os, re, sys
def t(s):
    h, m, r = s.split(":"); return int(h) * 3600 + int(m) * 60 + float(r)
if not os.path.exists(sys.argv[1]):
    print("no transcript"); sys.exit(0)
text = open(sys.argv[1], encoding="utf-8").read()
cues = []
for block in text.split("\n\n")[1:]:
    lines = block.strip("\n").split("\n")
    m = re.match(r"(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)", lines[0])
    if not m:
        print("bad cue", repr(block)); sys.exit(1)
    cues.append((t(m.group(1)), t(m.group(2)), lines[1:]))
what = sys.argv[2]
if what == "order":
    ok = all(a[1] > a[0] for a in cues) and all(b[0] >= a[1] for a, b in zip(cues, cues[1:]))
    print("ok" if ok and cues else "bad")
elif what == "end":
    print(max(c[1] for c in cues))
elif what == "lines":
    ok = all(1 <= len(c[2]) <= 2 and all(len(re.sub(r"^<v [^>]*>", "", l)) <= 65 for l in c[2]) for c in cues)
    print("ok" if ok else "bad")
elif what == "find":
    for c in cues:
        if sys.argv[3] in " ".join(c[2]):
            print(c[0]); break
PY
check_eq "cues are in order and do not overlap" "$($PY vtt.py "$VTT1" order)" ok
check_eq "cues have at most two lines of at most 65 characters" "$($PY vtt.py "$VTT1" lines)" ok
check "cues name no voice profile as a speaker (no host: is set)" bash -c "! grep -q '^<v ' '$VTT1'"
dur1=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OGG1")
last_end=$($PY vtt.py "$VTT1" end)
check "no cue ends after the audio ($last_end <= $dur1)" \
	$PY -c "import sys; sys.exit(not float('$last_end') <= float('$dur1') + 0.0005)" 2>/dev/null
# Where the known sentence is, found in the audio alone: the tone, then four
# stretches of speech separated by pauses of over a second.
ends=$(ffmpeg -hide_banner -nostats -i "$OGG1" -af silencedetect=noise=-45dB:d=0.8 -f null - 2>&1 |
	grep -o 'silence_end: [0-9.]*' | awk '{print $2}')
check_eq "silencedetect finds the four paragraphs" "$(wc -l <<<"$ends")" 4
known=$(sed -n 3p <<<"$ends")
cue=$($PY vtt.py "$VTT1" find "This known sentence")
check "the known sentence's cue ($cue s) starts within 50 ms of the audio ($known s)" \
	$PY -c "import sys; sys.exit(abs(float('${cue:-0}') - float('${known:-99}')) > 0.05)" 2>/dev/null
first_cue=$($PY vtt.py "$VTT1" find "Welcome to the timing")
check "the first cue comes after the intro (${first_cue}s >= 2.9s)" \
	$PY -c "import sys; sys.exit(float('${first_cue:-0}') < 2.9)" 2>/dev/null

J2=rss/episodes/2026-03-08-specials.chapters.json
check "the chapters file is JSON" $PY -c "import json; json.load(open('$J2'))" 2>/dev/null
chap_json=$($PY -c "
import json; d = json.load(open('$J2'))
print(d['version']); [print('%.3f %s' % (c['startTime'], c['title'])) for c in d['chapters']]" 2>/dev/null)
chap_ogg=$(vorbiscomment -l "$OGG2" | $PY -c "
import re, sys
t = dict(l.rstrip('\n').split('=', 1) for l in sys.stdin if '=' in l)
print('1.2.0'); i = 1
while 'CHAPTER%03d' % i in t:
    h, m, s = t['CHAPTER%03d' % i].split(':')
    print('%.3f %s' % (int(h) * 3600 + int(m) * 60 + float(s), t['CHAPTER%03dNAME' % i])); i += 1")
check_eq "the JSON chapters agree with the Vorbis chapter comments" "$chap_json" "$chap_ogg"
check_eq "three chapters, from the headings" "$(grep -c . <<<"$chap_json")" 4

# ---- GUIDs ----
guids() { readfeed | $PY -c "import json,sys; print(' '.join(e['id'] for e in json.load(sys.stdin)['entries']))"; }
g0=$(guids)
check "GUIDs are recorded in rss/guids.txt" grep -qP "^episode\t2026-03-01-timing\t" rss/guids.txt
sed -i 's/^title: Timing check/title: Timing check, renamed/' "$T1"
sed -i 's/The last paragraph ends the episode./The last paragraph, edited, ends the episode./' "$T1"
"$PODSYNTH" build -j 2 "$T1" >/dev/null 2>&1
"$PODSYNTH" feed >/dev/null 2>&1
check "the edited title is published" grep -q '<title>Timing check, renamed</title>' rss/feed.xml
check_eq "GUIDs are unchanged after a title and text edit and a re-render" "$(guids)" "$g0"
check_eq "the enclosure length follows the new audio" \
	"$(readfeed | $PY -c 'import json,sys; print(all(x["length"] == x["size"] for e in json.load(sys.stdin)["entries"] for x in e["enclosures"]))')" True
PUB1B=$(enc_name 2026-03-01-timing)
check "new audio gets a new published name" test -n "$PUB1B" -a "$PUB1B" != "$PUB1"
check "the old published audio is deleted once the new feed is in place" test ! -e "rss/episodes/$PUB1"
check "the build's own files stay" test -s "$OGG1" -a -s "$OGG2" -a -s rss/episodes/2026-03-01-timing.vtt
# Where there are no hard links (link() fails, as on FAT): a copy, made whole.
cat >nolink.c <<'C'
#include <errno.h>
int link(const char *a, const char *b) { (void)a; (void)b; errno = EPERM; return -1; }
C
cc -shared -fPIC -o nolink.so nolink.c 2>>cc.log
sed -i 's/The last paragraph, edited, ends the episode./The last paragraph, edited twice, ends the episode./' "$T1"
"$PODSYNTH" build -j 2 "$T1" >/dev/null 2>&1
LD_PRELOAD=$PROJ/nolink.so "$PODSYNTH" feed >nolink.log 2>&1
check "without hard links podsynth feed succeeds" test $? -eq 0
PUB1C=$(enc_name 2026-03-01-timing)
check "...publishing a copy (another inode, the same bytes)" bash -c \
	"[ -n '$PUB1C' ] && [ '$PUB1C' != '$PUB1B' ] && [ \"\$(stat -c %i 'rss/episodes/$PUB1C')\" != \"\$(stat -c %i '$OGG1')\" ] && cmp -s 'rss/episodes/$PUB1C' '$OGG1'"
check "...and deleting the audio no longer named" test ! -e "rss/episodes/$PUB1B"
# A feed written elsewhere (-o) deletes nothing the site's feed names.
sed -i 's/The last paragraph, edited twice, ends the episode./The last paragraph, edited thrice, ends the episode./' "$T1"
"$PODSYNTH" build -j 2 "$T1" >/dev/null 2>&1
"$PODSYNTH" feed -o rss/other.xml >/dev/null 2>&1
check "podsynth feed -o elsewhere keeps the audio rss/feed.xml names" test -s "rss/episodes/$PUB1C"
rm -f rss/other.xml
check "...and leaving no temporary file" bash -c "! ls rss/episodes/*.tmp.* 2>/dev/null"
PORT2=$(free_port)
sed -i "s|^link: .*|link: http://127.0.0.1:$PORT2|" rss/channel.yaml
"$PODSYNTH" feed >/dev/null 2>&1
check_eq "GUIDs survive a move to a new URL" "$(guids)" "$g0"
check "podcast:guid survives it too" grep -q "<podcast:guid>$pg</podcast:guid>" rss/feed.xml
check "enclosures follow the new URL" grep -q "url=\"http://127.0.0.1:$PORT2/episodes/" rss/feed.xml
cp channel.good rss/channel.yaml
sed -i 's/^date: 2026-03-01$/date: 2026-03-01\nguid: urn:example:timing-check/' "$T1"
"$PODSYNTH" feed >/dev/null 2>&1
check "a front-matter guid overrides" grep -q '<guid isPermaLink="false">urn:example:timing-check</guid>' rss/feed.xml
sed -i '/^guid: /d' "$T1"
"$PODSYNTH" feed >/dev/null 2>&1
check_eq "without it the recorded GUID is back" "$(guids)" "$g0"

# ---- a real podcast client ----
SERVER_PID=
stop_server() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=; fi; }
trap 'stop_server; [ -n "${KEEP:-}" ] || rm -rf "$SCRATCH"' EXIT
(cd rss && exec timeout 120 $PY -m http.server --bind 127.0.0.1 "$PORT" >"$PROJ/http.log" 2>&1) &
SERVER_PID=$!
$PY -c "
import time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen('$BASE/feed.xml', timeout=1).read(); break
    except Exception:
        time.sleep(0.1)"
H=$PROJ/client
mkdir -p "$H/.newsboat" "$H/dl"
echo "$BASE/feed.xml" >"$H/urls"
printf 'podcast-auto-enqueue yes\ndownload-path "%s/dl/"\nmax-downloads 2\n' "$H" >"$H/config"
HOME=$H timeout 60 newsboat -q -C "$H/config" -u "$H/urls" -c "$H/cache.db" -x reload >"$H/newsboat.log" 2>&1
check "newsboat reads the feed and queues both episodes" test "$(grep -c '\.ogg' "$H/.newsboat/queue" 2>/dev/null)" = 2
HOME=$H TERM=xterm timeout 60 script -qfc "podboat -a -C '$H/config' -q '$H/.newsboat/queue'" /dev/null \
	>/dev/null 2>&1 </dev/null &
PB=$!
got=0
for _ in $(seq 300); do
	if cmp -s "$H/dl/$(enc_name 2026-03-01-timing)" "$OGG1" &&
		cmp -s "$H/dl/$(enc_name 2026-03-08-specials)" "$OGG2"; then
		got=1
		break
	fi
	$PY -c 'import time; time.sleep(0.1)'
done
kill "$PB" 2>/dev/null
wait "$PB" 2>/dev/null
check "podboat downloads both episodes byte for byte" test "$got" = 1
stop_server

# ---- killed part-way ----
feed_sound() {
	# parses, and every enclosure it names exists with the stated length
	xmllint --noout rss/feed.xml 2>/dev/null &&
		readfeed | $PY -c 'import json,sys; d=json.load(sys.stdin); sys.exit(d["bozo"] or not d["entries"] or not all(x["length"] == x["size"] for e in d["entries"] for x in e["enclosures"]))'
}
bad=0
for delay in 0.001 0.003 0.006 0.01 0.02 0.04 0.08; do
	sed -i "s/^title: Timing check.*/title: Timing check $delay/" "$T1"
	"$PODSYNTH" feed >/dev/null 2>&1 &
	pid=$!
	$PY -c "import time; time.sleep($delay)"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	feed_sound || bad=$((bad + 1))
done
check "feed killed at 7 moments: the feed always parses, enclosures match" test "$bad" = 0
check "no temporary feed is left in rss/ after the next run" \
	bash -c "'$PODSYNTH' feed >/dev/null 2>&1; ! ls rss/feed.xml.tmp.* 2>/dev/null"
bad=0
for delay in 0.3 1 2; do
	sed -i "s/^This known sentence.*/This known sentence starts after a long pause, take $delay./" "$T1"
	"$PODSYNTH" build -j 2 "$T1" >/dev/null 2>&1 &
	pid=$!
	$PY -c "import time; time.sleep($delay)"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	feed_sound || { bad=$((bad + 1)); echo "# killed after $delay s: feed not sound"; }
	"$PODSYNTH" build -j 2 "$T1" >/dev/null 2>&1 && "$PODSYNTH" feed >/dev/null 2>&1
	feed_sound || bad=$((bad + 1))
done
check "build killed part-way: the feed parses, its enclosures match, and it is whole after the next make episode" test "$bad" = 0
# The moment that used to break it: the new audio in place, the feed not yet rewritten.
sed -i "s/^This known sentence.*/This known sentence starts after a long pause, once more./" "$T1"
"$PODSYNTH" build -j 2 "$T1" >/dev/null 2>&1
check "a build that finished but whose feed never ran leaves a feed whose enclosures match" feed_sound

# ---- a full disk ----
cat >fulldisk.sh <<'SH'
set -u
mnt=$1 proj=$2 podsynth=$3
mount -t tmpfs -o size=4m tmpfs "$mnt" || exit 3
cp -a "$proj/rss" "$proj/episodes" "$mnt/" || exit 3
cd "$mnt" || exit 3
sed -i 's/^description: .*/description: Written on a full disk./' rss/channel.yaml
sha256sum <rss/feed.xml >sha.before
dd if=/dev/zero of=fill bs=4k 2>/dev/null
"$podsynth" feed 2>&1  # messages go out of the full file system
echo "rc=$?"
sha256sum <rss/feed.xml | cmp -s - sha.before && echo "feed unchanged"
ls rss/feed.xml.tmp.* >/dev/null 2>&1 && echo "temporary file left"
xmllint --noout rss/feed.xml && echo "feed parses"
SH
if unshare -rm true 2>/dev/null; then
	mkdir -p "$PROJ/mnt"
	unshare -rm bash fulldisk.sh "$PROJ/mnt" "$PROJ" "$PODSYNTH" >full.log 2>&1
	check "a full disk is an error" grep -qE '^rc=[1-9]' full.log
	check "the error says the disk is full" grep -q 'No space left on device' full.log
	check "the previous feed is left in place and parses" \
		bash -c "grep -q 'feed unchanged' full.log && grep -q 'feed parses' full.log"
	check "no temporary file is left behind" bash -c "! grep -q 'temporary file left' full.log"
else
	fail "cannot make a small file system for the full-disk test (unshare -rm)"
fi
