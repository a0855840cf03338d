#!/usr/bin/env bash
# The feed as others read it. The W3C feed validator's rules for what we
# emit (tests/feedrules.py: the validator itself is not in Debian), first on
# a feed broken on purpose so that each rule is seen to fail, then on the
# real one. gPodder (Debian's gpodder, its command line gpo, a home of its
# own) subscribes to the feed served from rss/ on 127.0.0.1, lists the
# episodes, reads the cover, sizes and types, and downloads every
# enclosure byte for byte, whatever format the enclosure is.
# (The example show's feed against the same rules: tests/t-site.sh, which
# builds that show anyway.)
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
newproj
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT

cat >rss/channel.yaml <<EOF
title: Client Test Show
description: A show made by the test suite for podcast clients.
author: The Test Team
host: Hana Host
license: cc-by-4.0
language: en
link: $BASE
owner:
  name: Test Owner
  email: owner@example.org
category: Technology
intro: none
outro: none
EOF
cat >episodes/2026-06-01-first.md <<'MD'
---
title: First client episode
date: 2026-06-01
description: The first.
season: 1
episode: 1
---

Hello, podcast clients.

## The news

> A quotation, **strong**.

## The links

- [a link](https://example.org/) in a list
MD
cat >episodes/2026-06-08-second.md <<'MD'
---
title: Second client episode
date: 2026-06-08
description: The second.
author: Guest Reader
season: 1
episode: 2
---

A second short episode.
MD
"$PODSYNTH" build -j 2 episodes/*.md >build.log 2>&1
check "the episodes render" test $? -eq 0
"$PODSYNTH" feed >feed.log 2>&1
check "the feed is written" test $? -eq 0

# ---- chapters and notes as the apps read them ----
$PY - rss/feed.xml >apps.txt <<'PY'
import re, sys, xml.etree.ElementTree as ET
C = "{http://purl.org/rss/1.0/modules/content/}"
items = {i.find("title").text: i for i in ET.parse(sys.argv[1]).getroot().iter("item")}
first = items["First client episode"]
desc = first.find("description").text
print("stamps" if re.match(r"00:00 First client episode\n00:\d\d The news\n00:\d\d The links\n\nThe first\.$", desc) else "desc %r" % desc)
notes = first.find(C + "encoded").text
tags = sorted(set(re.findall(r"</?([a-z0-9]+)", notes)))
print("tags " + " ".join(tags))
print("quote" if "<p>A quotation, strong.</p>" in notes and "<p>The news</p>" in notes else "notes %r" % notes)
second = items["Second client episode"].find("description").text
print("no stamps" if second == "The second." else "second %r" % second)
PY
check_eq "the description starts with the chapters as timestamps (00:00 ...)" "$(sed -n 1p apps.txt)" stamps
check_eq "content:encoded has only what Apple Podcasts renders (p, lists, links)" "$(sed -n 2p apps.txt)" "tags a li p ul"
check_eq "...headings and quotes become paragraphs there" "$(sed -n 3p apps.txt)" quote
check_eq "fewer than three chapters: no timestamps" "$(sed -n 4p apps.txt)" "no stamps"
check "the feed has Podlove Simple Chapters" grep -q '<psc:chapter start="00:00:00.000" title="First client episode"/>' rss/feed.xml

# ---- the validator's rules ----
# Each rule must be able to fail: a copy of the feed broken in many ways
# fails every rule it touches.
$PY - rss/feed.xml broken.xml <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace('encoding="UTF-8"', 'encoding="utf-8"', 1)
s = re.sub(r"<language>[^<]*</language>", "<language>English</language>", s)
s = re.sub(r"<pubDate>[^<]*</pubDate>", "<pubDate>2026-06-01</pubDate>", s)
s = re.sub(r'length="\d+"', 'length="big"', s)
s = s.replace("<itunes:explicit>false</itunes:explicit>", "<itunes:explicit>no</itunes:explicit>")
s = re.sub(r"<itunes:duration>\d+</itunes:duration>", "<itunes:duration>1:99</itunes:duration>", s)
s = s.replace("<itunes:email>owner@example.org</itunes:email>", "<itunes:email>nobody</itunes:email>")
s = s.replace("cc-by-4.0</podcast:license>", "CC-BY-4.0</podcast:license>")
s = s.replace('rel="self"', 'rel="alternate"')
s = s.replace("<itunes:episodeType>full", "<itunes:episodeType>whole")
s = re.sub(r'<itunes:image href="[^"]*"', '<itunes:image href="cover.png"', s)
s = re.sub(r'(<image>\s*<url>[^<]*)\.png', r'\1.tiff', s)
s = s.replace('role="host"', 'role="boss"')
s = re.sub(r'type="text/vtt" language="en"', 'type="text/vtt"', s)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
$PY "$TOP/tests/feedrules.py" broken.xml "$BASE/feed.xml" >broken.txt
check "the rules find the broken feed wrong" test $? -ne 0
for r in "declares UTF-8" "ISO 639" "RFC 822" "rel=self" "a length and a MIME type" "itunes:email is" \
	"itunes:explicit is" "itunes:duration" "episodeType" "itunes:image has" "ImageUrlFormat" \
	"podcast:person" "podcast:license" "podcast:transcript"; do
	check "the rule \"$r\" fails on the broken feed" grep -q "^not ok - validator rule: .*$r" broken.txt
done
$PY "$TOP/tests/feedrules.py" rss/feed.xml "$BASE/feed.xml"
check "the feed passes every rule" test $? -eq 0

# ---- gPodder ----
(cd rss && exec timeout 120 $PY -m http.server --bind 127.0.0.1 "$PORT" >"$PROJ/http.log" 2>&1) &
SERVER=$!
for _ in $(seq 50); do $PY -c "import urllib.request; urllib.request.urlopen('$BASE/feed.xml')" 2>/dev/null && break; sleep 0.1; done
G=$SCRATCH/gpodder
mkdir -p "$G/home" "$G/dl"
client() { HOME=$G/home GPODDER_HOME=$G/home/gPodder GPODDER_DOWNLOAD_DIR=$G/dl timeout 60 gpo "$@"; }
client subscribe "$BASE/feed.xml" >"$G/sub.log" 2>&1
check "gpo subscribes to the feed" grep -q "Successfully added $BASE/feed.xml" "$G/sub.log"
client update >"$G/update.log" 2>&1
client episodes >"$G/episodes.log" 2>&1
# the chapters gPodder shows are the ones it read (podcastparser: psc:chapters)
check_eq "gPodder has the first episode's chapters, as the JSON chapters file has them" \
	"$($PY - "$G/home/gPodder/Database" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute("select chapters from episode where title = 'First client episode'").fetchone()
print(" | ".join("%d %s" % (c["start"], c["title"]) for c in json.loads(row[0] or "[]")))
PY
)" "$($PY -c 'import json, sys
print(" | ".join("%d %s" % (int(c["startTime"]), c["title"]) for c in json.load(open(sys.argv[1]))["chapters"]))' \
	rss/episodes/2026-06-01-first.chapters.json)"
check "gpo lists the first episode" grep -q "First client episode" "$G/episodes.log"
check "gpo lists the second episode" grep -q "Second client episode" "$G/episodes.log"
client download >"$G/download.log" 2>&1
check "gpo downloads both episodes" grep -q "2 episodes downloaded" "$G/download.log"
kill "$SERVER" 2>/dev/null
wait "$SERVER" 2>/dev/null

# What gPodder stored, against the feed and the files in rss/.
check_eq "gPodder's episodes are the feed's enclosures, byte for byte" "$($PY - rss/feed.xml "$BASE" rss "$G" <<'PY'
import hashlib, os, sqlite3, sys, xml.etree.ElementTree as ET
feed, base, rss, g = sys.argv[1:]
IT = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
ch = ET.parse(feed).getroot().find("channel")
db = sqlite3.connect(os.path.join(g, "home/gPodder/Database"))
cover = db.execute("select cover_url from podcast").fetchone()[0]
if cover != ch.find(IT + "image").get("href"):
    print("cover", cover); sys.exit()
rows = {r[0]: r[1:] for r in db.execute("select url, file_size, mime_type, download_filename, state from episode")}
def sha(p):
    return hashlib.sha256(open(p, "rb").read()).hexdigest()
downloaded = {}
for d, _, files in os.walk(os.path.join(g, "dl")):
    for f in files:
        if not f.startswith("folder."):
            downloaded[sha(os.path.join(d, f))] = f
n = 0
for it in ch.findall("item"):
    e = it.find("enclosure")
    url = e.get("url")
    if url not in rows:
        print("not in gPodder", url); sys.exit()
    size, mime, name, state = rows[url]
    local = os.path.join(rss, url[len(base) + 1:])
    if size != int(e.get("length")) or size != os.path.getsize(local) or mime != e.get("type"):
        print("size or type", url, size, mime); sys.exit()
    if sha(local) not in downloaded or state != 1:
        print("not downloaded whole", url); sys.exit()
    n += 1
print("%d same" % n)
PY
)" "2 same"
check "gPodder fetched the enclosures from our server" \
	test "$(grep -c 'GET /episodes/.* 200' "$PROJ/http.log")" -ge 2
