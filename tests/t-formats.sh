#!/usr/bin/env bash
# The published formats as a listener's tools see them (issue 8): one
# episode with three sections and a 1400x1400 cover, built as MP3, Opus and Vorbis.
#
#   ffprobe -show_chapters   one chapter per section, in the MP3 and the Opus
#   mutagen                  the ID3v2 frames: title, show, author, date,
#                            number, language, description, cover, CTOC, CHAP
#   mp3val, opusinfo         no problem found
#   ffmpeg ebur128           each format on the loudness target and under
#                            the true-peak ceiling (Opus decoded by libopus)
#   the LAME tag             the MP3 decodes gapless to the Vorbis file's
#                            exact length
#   the feed                 the MP3 is the enclosure; every format is an
#                            alternateEnclosure whose integrity is the
#                            SHA-384 of its file; the page offers each
#   gPodder                  downloads the enclosure byte for byte
#   formats: [opus]          only Opus is written, and the enclosure is Opus
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
newproj
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
sed -i "s|^link: .*|link: $BASE|" rss/channel.yaml
echo 'formats: [mp3, opus, vorbis]' >>rss/channel.yaml
ffmpeg -loglevel error -f lavfi -i "color=c=0x2050a0:s=1400x1400" -frames:v 1 rss/cover.png
echo 'image: cover.png' >>rss/channel.yaml

cat >episodes/2026-06-01-formats.md <<'MD'
---
title: "Formats: MP3 & Opus"
description: Every podcast app plays this one.
episode: 12
author: Test Host
---

This first paragraph comes before any heading, in the opening chapter.

## Releases

A release came out this week, and the stable team followed with updates.

## Regressions

Two regressions were fixed before the weekend.
MD
ep=episodes/2026-06-01-formats.md
stem=rss/episodes/2026-06-01-formats
"$PODSYNTH" build -j 2 "$ep" >b.txt 2>b.err
check "the episode builds" test $? -eq 0
for x in mp3 opus ogg; do
	check "$x written" test -s "$stem.$x"
done
check "the summary reports each format's figures" \
	grep -qE ', mp3 -?[0-9.]+ LUFS -?[0-9.]+ dBTP, opus -?[0-9.]+ LUFS -?[0-9.]+ dBTP, vorbis -?[0-9.]+ LUFS -?[0-9.]+ dBTP, chunks [0-9]+ encoded [0-9]+ kept, rss/episodes/2026-06-01-formats.mp3$' b.txt

# Chapters, as ffprobe reads them.
for x in mp3 opus; do
	ffprobe -v error -show_chapters -of csv=p=0 "$stem.$x" >chap.$x
	check_eq "ffprobe reads three chapters from the $x" "$(wc -l <chap.$x)" 3
	check_eq "...named after the episode and its sections" \
		"$(awk -F, '{print $NF}' chap.$x | tr '\n' '|')" "Formats: MP3 & Opus|Releases|Regressions|"
done
check_eq "the MP3's and the Opus file's chapters start at the same times" \
	"$(cut -d, -f4 chap.mp3 | tr '\n' ' ')" "$(cut -d, -f4 chap.opus | tr '\n' ' ')"

# The ID3 frames, as mutagen reads them.
$PY - "$stem.mp3" >id3.txt 2>&1 <<'PY'
import sys
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
t = ID3(sys.argv[1])
print("version", ".".join(map(str, t.version)))
for k in ("TIT2", "TALB", "TPE1", "TDRC", "TRCK", "TLAN"):
    print(k, t[k].text[0])
c = t.getall("COMM")[0]
print("COMM", c.lang, c.text[0])
a = t.getall("APIC")[0]
print("APIC", a.mime, int(a.type), len(a.data))
toc = t.getall("CTOC")[0]
print("CTOC", int(toc.flags), " ".join(toc.child_element_ids))
for ch in toc.child_element_ids:
    f = t["CHAP:" + ch]
    print("CHAP", ch, f.start_time, f.end_time, f.sub_frames["TIT2"].text[0])
i = MP3(sys.argv[1]).info
print("info", i.sample_rate, i.channels, i.bitrate, i.bitrate_mode, i.encoder_info)
PY
check "mutagen reads an ID3v2.4 tag" grep -qx 'version 2.4.0' id3.txt
check "TIT2 is the title" grep -qx 'TIT2 Formats: MP3 & Opus' id3.txt
check "TALB is the show" grep -qx 'TALB Kernel Weekly' id3.txt
check "TPE1 is the author" grep -qx 'TPE1 Test Host' id3.txt
check "TDRC is the date" grep -qx 'TDRC 2026-06-01' id3.txt
check "TRCK is the episode number" grep -qx 'TRCK 12' id3.txt
check "TLAN is the language" grep -qx 'TLAN eng' id3.txt
check "COMM is the description" grep -qx 'COMM eng Every podcast app plays this one.' id3.txt
check_eq "APIC is the show's cover, front" "$(sed -n 's/^APIC //p' id3.txt)" "image/png 3 $(stat -c %s rss/cover.png)"
check "CTOC: top level and ordered, three chapters" grep -qx 'CTOC 3 chp1 chp2 chp3' id3.txt
check_eq "CHAP frames: titles in order" "$(awk '/^CHAP/{$1=$2=$3=$4=""; print substr($0, 5)}' id3.txt | tr '\n' '|')" \
	"Formats: MP3 & Opus|Releases|Regressions|"
check "each CHAP ends where the next begins" $PY -c "
import sys
rows = [l.split() for l in open('id3.txt') if l.startswith('CHAP')]
sys.exit(not all(int(rows[i][3]) == int(rows[i + 1][2]) for i in range(len(rows) - 1)) or int(rows[0][2]) != 0)"
check "48 kHz mono CBR 64 kbit/s with the LAME tag" grep -qE '^info 48000 1 64000 BitrateMode.CBR LAME' id3.txt

mp3val "$stem.mp3" >mp3val.txt 2>&1
check_eq "mp3val finds no problem" "$(grep -cE '^(WARNING|ERROR)' mp3val.txt)" 0
opusinfo "$stem.opus" >opusinfo.txt 2>&1
check_eq "opusinfo is clean" "$?:$(grep -ciE 'warning|error' opusinfo.txt)" "0:0"
# The cover in the Ogg files: a METADATA_BLOCK_PICTURE comment, as mutagen
# decodes it (type, MIME type, size from the PNG header, the bytes).
for x in opus ogg; do
	pic=$($PY - "$stem.$x" <<'PY'
import sys
from mutagen import File
from mutagen.flac import Picture
import base64
f = File(sys.argv[1])
p = Picture(base64.b64decode(f["metadata_block_picture"][0]))
print(p.type, p.mime, p.width, p.height, len(p.data))
PY
)
	check_eq "the $x file carries the cover" "$pic" "3 image/png 1400 1400 $(stat -c %s rss/cover.png)"
done

# Loudness, by another meter, on each format's decoded bytes.
for x in mp3 opus ogg; do
	dec=()
	[ $x = opus ] && dec=(-c:a libopus)
	ffmpeg -nostats -hide_banner -nostdin "${dec[@]}" -i "$stem.$x" -af ebur128=peak=true -f null - 2>&1 |
		sed -n '/Summary:/,$p' | awk '$1 == "I:" && i == "" { i = $2 } $1 == "Peak:" && p == "" { p = $2 } END { print i, p }' >ebu.$x
	read -r I P <ebu.$x
	check "$x: ffmpeg ebur128 $I LUFS within 0.5 LU of -16" awk -v i="$I" 'BEGIN { exit !(i != "" && i >= -16.5 && i <= -15.5) }'
	check "$x: true peak $P dBTP at or under -1" awk -v p="$P" 'BEGIN { exit !(p != "" && p <= -1.0) }'
done

# Gapless: the MP3 decodes to exactly the Vorbis file's frames.
n_mp3=$(ffmpeg -v error -i "$stem.mp3" -f s16le - | wc -c)
n_ogg=$(ffmpeg -v error -i "$stem.ogg" -f s16le - | wc -c)
check_eq "the MP3 decodes gapless to the laid-out length (LAME tag)" "$n_mp3" "$n_ogg"

# The feed.
"$PODSYNTH" feed >f.txt 2>&1
check "the feed is written" test $? -eq 0
$PY - "$BASE" >feed.txt 2>&1 <<'PY'
import base64, hashlib, os, sys, urllib.parse
import xml.etree.ElementTree as ET
base = sys.argv[1]
P = "{https://podcastindex.org/namespace/1.0}"
item = ET.parse("rss/feed.xml").getroot().find("channel/item")
enc = item.find("enclosure")
print("enclosure", enc.get("type"), os.path.basename(enc.get("url")))
for a in item.findall(P + "alternateEnclosure"):
    url = a.find(P + "source").get("uri")
    f = "rss/" + urllib.parse.unquote(url[len(base) + 1:])
    data = open(f, "rb").read()
    sri = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
    print("alt", a.get("type"), a.get("codecs"), a.get("title"), a.get("default"),
          int(a.get("length")) == len(data), a.find(P + "integrity").get("type"),
          a.find(P + "integrity").get("value") == sri, a.get("bitrate"),
          os.path.basename(f))
PY
check "the enclosure is the MP3, content-addressed" grep -qE '^enclosure audio/mpeg 2026-06-01-formats\.[0-9a-f]{12}\.mp3$' feed.txt
check "MP3 alternateEnclosure: the default, length, SRI of its bytes, bitrate 64000" \
	grep -qE '^alt audio/mpeg None MP3 true True sri True 64000 2026-06-01-formats\.[0-9a-f]{12}\.mp3$' feed.txt
check "Opus alternateEnclosure: codecs opus, length and SRI of its bytes" \
	grep -qE '^alt audio/ogg opus Opus None True sri True 32000 2026-06-01-formats\.[0-9a-f]{12}\.opus$' feed.txt
check "Vorbis alternateEnclosure: codecs vorbis, length and SRI of its bytes" \
	grep -qE '^alt audio/ogg vorbis Ogg Vorbis None True sri True 64000 2026-06-01-formats\.[0-9a-f]{12}\.ogg$' feed.txt
check_eq "the enclosure is the same file as the default alternateEnclosure" \
	"$(awk '/^enclosure/{print $3}' feed.txt)" "$(awk '/^alt audio\/mpeg/{print $NF}' feed.txt)"
dur=$(sed -n 's|.*<itunes:duration>\([0-9]*\)</itunes:duration>.*|\1|p' rss/feed.xml)
fdur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$stem.mp3")
# (the feed rounds the gapless length; ffprobe's counts the encoder's
# padding too, up to a frame and a half: 36 ms at 48 kHz)
check "itunes:duration ($dur s) is the MP3's length ($fdur s)" \
	awk -v a="$dur" -v b="$fdur" 'BEGIN { d = a - b; exit !(a != "" && d <= 0.5 && d >= -0.54) }'
page=rss/episodes/2026-06-01-formats.html
check_eq "the page has one <source> per format" "$(grep -o '<source ' "$page" | wc -l)" 3
check "...Opus typed so that browsers pick it" grep -q 'type="audio/ogg; codecs=opus"' "$page"
check_eq "...and a download link per format" "$(grep -oE 'download>(MP3|Opus|Ogg Vorbis)</a>' "$page" | wc -l)" 3

# A real client: gPodder downloads the enclosure, byte for byte.
(cd rss && exec timeout 120 $PY -m http.server --bind 127.0.0.1 "$PORT" >"$PROJ/http.log" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$SCRATCH"' EXIT
$PY -c "
import time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen('$BASE/feed.xml', timeout=1).read(); break
    except Exception:
        time.sleep(0.1)"
G=$PROJ/gpodder
mkdir -p "$G/home" "$G/dl"
export GPODDER_HOME=$G/home GPODDER_DOWNLOAD_DIR=$G/dl
timeout 60 gpo subscribe "$BASE/feed.xml" >"$G/log" 2>&1
timeout 60 gpo update >>"$G/log" 2>&1
timeout 120 gpo download >>"$G/log" 2>&1
got=$(find "$G/dl" -type f -name '*.mp3' | head -1)
check "gPodder downloads the enclosure (an MP3)" test -n "$got"
check "...byte for byte" cmp -s "$got" "$stem.mp3"
kill $SERVER 2>/dev/null
wait $SERVER 2>/dev/null
unset GPODDER_HOME GPODDER_DOWNLOAD_DIR

# formats: [opus] writes only Opus, and the enclosure is Opus.
sed -i 's/^formats: .*/formats: [opus]/' rss/channel.yaml
rm -f "$stem".{mp3,opus,ogg}
"$PODSYNTH" build -j 2 "$ep" >b2.txt 2>&1
check "formats: [opus] builds" test $? -eq 0
check "...only the Opus file" bash -c "test -s '$stem.opus' && test ! -e '$stem.mp3' && test ! -e '$stem.ogg'"
"$PODSYNTH" feed >f2.txt 2>&1
check "...and the enclosure is Opus" grep -qE '<enclosure url="[^"]*\.opus" length="[0-9]+" type="audio/ogg"/>' rss/feed.xml
check_eq "...the only alternateEnclosure, the default" "$(grep -c '<podcast:alternateEnclosure type="audio/ogg" [^>]*codecs="opus" [^>]*default="true"' rss/feed.xml)" 1
check "...and the MP3 and Vorbis the old feed named are removed" \
	bash -c "! ls rss/episodes/*.mp3 rss/episodes/*.ogg >/dev/null 2>&1"
