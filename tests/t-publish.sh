#!/usr/bin/env bash
# The publishing side of issue 8, on real renders: the default cover (drawn
# once per title, 3000x3000 RGB PNG, named in the feed, older ones pruned),
# checks of named artwork in channel.yaml and in the front matter (every
# way an image can be refused, each reported at file:line before anything
# is rendered, nothing in rss/ touched; greyscale and CMYK JPEGs are in
# tests/unit/test_artwork.c, ffmpeg writes neither), episode itunes:image, the SRT
# transcript (the same cues as the WebVTT one, read by ffmpeg), both listed
# as podcast:transcript with their language, podcast:person and
# podcast:license from the settings and the front matter.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
newproj
BASE=http://127.0.0.1:8123

cat >rss/channel.yaml <<EOF
title: Publish Test Show
description: A show made by the test suite.
author: The Test Team
host: Hana Host
license: CC-BY-4.0
language: en
link: $BASE
owner:
  name: Test Owner
  email: owner@example.org
category: Technology
outro: none
intro: none
EOF
cat >episodes/2026-05-01-one.md <<'MD'
---
title: Episode one
date: 2026-05-01
description: The first.
author: [Ann Author, Bob Author]
license: cc-by-nc-nd-4.0
season: 2
episode: 7
---

Welcome to the first episode.

> A quoted sentence follows here.

That is all for today.
MD
cat >episodes/2026-05-08-two.md <<'MD'
---
title: Episode two
date: 2026-05-08
description: The second.
---

A very short second episode.
MD
E1=episodes/2026-05-01-one.md
E2=episodes/2026-05-08-two.md

"$PODSYNTH" build -j 2 "$E1" "$E2" >build.log 2>&1
check "the episodes render" test $? -eq 0
"$PODSYNTH" feed >feed.log 2>&1
check "the feed is written" test $? -eq 0

# ---- the default cover ----
covers() { ls rss/cover.*.png 2>/dev/null; }
check_eq "one default cover in rss/" "$(covers | wc -l)" 1
COVER=$(covers | head -n 1)
check_eq "the cover is a 3000x3000 RGB PNG without alpha" \
	"$(ffprobe -v error -show_entries stream=codec_name,width,height,pix_fmt -of csv=p=0 "$COVER")" \
	"png,3000,3000,rgb24"
check "the cover is not one flat colour" \
	test "$(ffmpeg -v error -i "$COVER" -vf "scale=64:64,format=gray" -f rawvideo - | od -An -tu1 -v | tr -s ' ' '\n' | sort -u | wc -l)" -gt 20
name=${COVER#rss/}
check "the channel's itunes:image is the cover" grep -qF "<itunes:image href=\"$BASE/$name\"/>" rss/feed.xml
check "so is the RSS image" grep -qF "<url>$BASE/$name</url>" rss/feed.xml
stamp=$(stat -c '%i %Y' "$COVER")
sleep 1
"$PODSYNTH" build -j 2 "$E2" >/dev/null 2>&1
"$PODSYNTH" feed >/dev/null 2>&1
check_eq "a rebuild leaves the cover alone" "$(stat -c '%i %Y' "$COVER" 2>/dev/null)" "$stamp"
cp "$COVER" first-cover.png

sed -i 's/^title: .*/title: "Another Title, Quite a Lot Longer Than the First One Was"/' rss/channel.yaml
"$PODSYNTH" build -j 2 "$E2" >/dev/null 2>&1
check_eq "a new title: a new cover beside the old one until the feed" "$(covers | wc -l)" 2
"$PODSYNTH" feed >/dev/null 2>&1
check_eq "after the feed only the new cover is left" "$(covers | wc -l)" 1
NEW=$(covers | head -n 1)
check "the new cover has another name" test "$NEW" != "$COVER"
check "and other pixels" test "$(sha256sum <"$NEW")" != "$(sha256sum <first-cover.png)"
check "the feed names the new cover" grep -qF "<itunes:image href=\"$BASE/${NEW#rss/}\"/>" rss/feed.xml
# the same title on another run draws the same bytes
rm -f "$NEW"
"$PODSYNTH" feed >/dev/null 2>&1
check "drawn again, the same title gives the same file" test -f "$NEW"

# Chinese titles are drawn with a font that has the characters; a title
# with characters no font has is drawn anyway, with a warning.
sed -i 's/^title: .*/title: "内核周报：RISC-V 与 Linux 6.18 合并窗口"/' rss/channel.yaml
"$PODSYNTH" feed >zh.log 2>&1
check "a Chinese title draws a cover" test "$(covers | wc -l)" = 1 -a "$(covers)" != "$NEW"
check "with no glyph missing" bash -c "! grep -q 'no font' zh.log"
sed -i 's/^title: .*/title: "Linear B \xf0\x90\x80\x80\xf0\x90\x80\x81"/' rss/channel.yaml
"$PODSYNTH" feed >b.log 2>&1
check "characters no font has: the feed is still written" test $? -eq 0
check "...with a warning" grep -q "warning: the default cover has no font for 2 characters" b.log
sed -i 's/^title: .*/title: Publish Test Show/' rss/channel.yaml
"$PODSYNTH" feed >/dev/null 2>&1

# ---- named artwork: checked before anything is rendered ----
img() { # NAME SIZE PIX_FMT
	ffmpeg -loglevel error -y -f lavfi -i "color=c=0x336699:s=$2" -frames:v 1 -pix_fmt "$3" "$1"
}
mkdir -p rss/art
img rss/art/small.png 1000x1000 rgb24
img rss/art/wide.png 1600x1400 rgb24
img rss/art/huge.jpg 3200x3200 yuvj420p
img rss/art/alpha.png 1400x1400 rgba
img rss/art/grey.png 1400x1400 gray
img rss/art/good.jpg 1400x1400 yuvj420p
img rss/art/good.png 3000x3000 rgb24
img rss/art/palette.png 1500x1500 pal8
cp rss/art/good.jpg rss/art/jpeg-named.png
cp rss/art/good.png rss/art/cover.gif
echo "not an image" >rss/art/text.png
cp rss/channel.yaml channel.good

# Each bad image, named at line 2 of channel.yaml: the message, the exit
# status, and no change in rss/.
bad_show() { # FILE MESSAGE
	{ echo "# artwork"; echo "image: $1"; cat channel.good; } >rss/channel.yaml
	local before after rc
	before=$(tree_sum rss | grep -v channel.yaml)
	"$PODSYNTH" build -j 2 "$E1" >bad.log 2>&1
	rc=$?
	after=$(tree_sum rss | grep -v channel.yaml)
	check "show image $1: refused" test "$rc" -ne 0
	check "show image $1: \"$2\" at rss/channel.yaml:2" grep -qF "rss/channel.yaml:2: error: image: $2" bad.log
	check_eq "show image $1: nothing in rss/ changed" "$after" "$before"
}
bad_show art/small.png "artwork must be 1400 to 3000 pixels a side, this is 1000x1000"
bad_show art/wide.png "artwork must be square, this is 1600x1400"
bad_show art/huge.jpg "artwork must be 1400 to 3000 pixels a side, this is 3200x3200"
bad_show art/alpha.png "artwork must be RGB without transparency, this PNG is RGB with an alpha channel"
bad_show art/grey.png "artwork must be RGB without transparency, this PNG is greyscale"
bad_show art/jpeg-named.png "the file is a JPEG but its name says PNG"
bad_show art/cover.gif "the name must end in .png, .jpg or .jpeg"
bad_show art/text.png "neither a PNG nor a JPEG file"
bad_show art/missing.png "No such file or directory"

{ echo "# artwork"; echo "image: art/small.png"; cat channel.good; } >rss/channel.yaml
cp rss/feed.xml feed.before
"$PODSYNTH" feed >bad.log 2>&1
check "podsynth feed refuses a bad show image too" test $? -ne 0
check "...at its line" grep -qF "rss/channel.yaml:2: error: image:" bad.log
check "...and keeps the old feed" cmp -s rss/feed.xml feed.before
"$PODSYNTH" check "$E1" >bad.log 2>&1
check "podsynth check reports it" grep -qF "rss/channel.yaml:2: error: image:" bad.log

for good in art/good.jpg art/good.png art/palette.png; do
	{ echo "image: $good"; cat channel.good; } >rss/channel.yaml
	"$PODSYNTH" feed >good.log 2>&1
	check "show image $good is accepted" test $? -eq 0
	check "show image $good is the channel's itunes:image" \
		grep -qF "<itunes:image href=\"$BASE/$good\"/>" rss/feed.xml
done
check_eq "with a show image there is no default cover" "$(covers | wc -l)" 0
{ echo "image: none"; cat channel.good; } >rss/channel.yaml
"$PODSYNTH" feed >/dev/null 2>&1
check "image: none: no artwork in the feed" bash -c "! grep -q '<itunes:image' rss/feed.xml"
check_eq "...and no default cover" "$(covers | wc -l)" 0
{ echo "image: https://cdn.example.org/cover.jpg"; cat channel.good; } >rss/channel.yaml
"$PODSYNTH" feed >/dev/null 2>&1
check "an image URL is used as it is" grep -qF '<itunes:image href="https://cdn.example.org/cover.jpg"/>' rss/feed.xml
cp channel.good rss/channel.yaml

# An episode's own image: a path in the site, checked at its line.
cp "$E2" two.orig
sed -i 's|^date: 2026-05-08|date: 2026-05-08\nimage: art/wide.png|' "$E2"
before=$(tree_sum rss)
"$PODSYNTH" build -j 2 "$E2" >bad.log 2>&1
check "a bad episode image is refused" test $? -ne 0
check "...at the episode's line" grep -qF "$E2:4: error: image: artwork must be square" bad.log
check_eq "...before anything is written" "$(tree_sum rss)" "$before"
"$PODSYNTH" feed >bad.log 2>&1
check "podsynth feed refuses it too" grep -qF "$E2:4: error: image:" bad.log
sed -i 's|^image: .*|image: art/good.png|' "$E2"
"$PODSYNTH" build -j 2 "$E2" >/dev/null 2>&1 && "$PODSYNTH" feed >/dev/null 2>&1
check "a good episode image is the item's itunes:image" \
	$PY - rss/feed.xml "$BASE/art/good.png" <<'PY'
import sys, xml.etree.ElementTree as ET
IT = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
items = {i.findtext("title"): i for i in ET.parse(sys.argv[1]).getroot().iter("item")}
two = items["Episode two"].find(IT + "image")
one = items["Episode one"].find(IT + "image")
sys.exit(not (two is not None and two.get("href") == sys.argv[2] and one is None))
PY
cp two.orig "$E2"

# ---- transcripts ----
SRT=rss/episodes/2026-05-01-one.srt
VTT=rss/episodes/2026-05-01-one.vtt
check "the SRT transcript is written" test -s "$SRT"
check "ffmpeg reads it as SubRip" \
	bash -c "ffprobe -v error -show_entries stream=codec_name -of csv=p=0 '$SRT' | grep -qx subrip"
check_eq "the SRT has the WebVTT's cues: times, speakers and text" \
	"$($PY - "$VTT" "$SRT" <<'PY'
import html, re, sys
vtt = open(sys.argv[1], encoding="utf-8").read().split("\n\n")[1:]
srt = open(sys.argv[2], encoding="utf-8").read().strip("\n").split("\n\n")
if len(vtt) != len(srt) or not vtt:
    print("counts", len(vtt), len(srt)); sys.exit()
last = None
for n, (v, s) in enumerate(zip(vtt, srt), 1):
    v = v.strip("\n").split("\n"); s = s.split("\n")
    if s[0] != str(n) or s[1] != v[0].replace(".", ","):
        print("times", n, v[0], s[:2]); sys.exit()
    m = re.match(r"(?:<v ([^>]*)>)?(.*)", v[1])
    who, first = m.group(1) or "", m.group(2)
    want = ([who + ": " + first] if who and who != last else [first]) + v[2:]
    last = who
    want = [re.sub(r"</?(c|lang)[^>]*>", "", l) for l in want]
    if s[2:] != [html.unescape(l) for l in want]:
        print("text", n, s[2:], want); sys.exit()
print("same")
PY
)" same
check "the SRT names the host once, by name; a quotation is no speaker change" \
	bash -c "[ \$(grep -c '^Hana Host: ' '$SRT') = 1 ] && grep -q '^A quoted sentence' '$SRT' && ! grep -q '^Quote: ' '$SRT'"
check "the feed lists the WebVTT transcript with its language" \
	grep -qF "<podcast:transcript url=\"$BASE/episodes/2026-05-01-one.vtt\" type=\"text/vtt\" language=\"en\"" rss/feed.xml
check "and the SRT one" \
	grep -qF "<podcast:transcript url=\"$BASE/episodes/2026-05-01-one.srt\" type=\"application/x-subrip\" language=\"en\"" rss/feed.xml

# ---- people, licence, season and episode ----
check_eq "podcast:person, podcast:license, season and episode" \
	"$($PY - rss/feed.xml <<'PY'
import sys, xml.etree.ElementTree as ET
P = "{https://podcastindex.org/namespace/1.0}"
ch = ET.parse(sys.argv[1]).getroot().find("channel")
def people(e):
    return ",".join("%s/%s/%s" % (p.text, p.get("role"), p.get("group")) for p in e.findall(P + "person"))
def lic(e):
    l = e.find(P + "license")
    return "%s %s" % (l.text, l.get("url")) if l is not None else "none"
out = ["show: " + people(ch) + " " + lic(ch)]
for it in ch.findall("item"):
    out.append("%s: %s %s s=%s e=%s" % (it.findtext("title"), people(it), lic(it),
               it.findtext(P + "season"), it.findtext(P + "episode")))
print("|".join(out))
PY
)" "show: Hana Host/host/cast cc-by-4.0 https://creativecommons.org/licenses/by/4.0/|Episode two: Hana Host/host/cast cc-by-4.0 https://creativecommons.org/licenses/by/4.0/ s=None e=None|Episode one: Ann Author/host/cast,Bob Author/host/cast cc-by-nc-nd-4.0 https://creativecommons.org/licenses/by-nc-nd/4.0/ s=2 e=7"

sed -i 's/^license: .*/license: cc-by-nc-nd-5.0/' "$E1"
"$PODSYNTH" check "$E1" >bad.log 2>&1
check "an unknown licence in the front matter is an error at its line" \
	grep -qF "$E1:6: error: unknown licence \"cc-by-nc-nd-5.0\"" bad.log
sed -i 's/^license: .*/license: cc-by-nc-nd-4.0/' "$E1"
sed -i 's/^license: .*/license: GPL-3/' rss/channel.yaml
"$PODSYNTH" check "$E1" >bad.log 2>&1
check "an unknown show licence is an error at its line" \
	grep -qF "rss/channel.yaml:5: error: unknown licence \"GPL-3\"" bad.log
