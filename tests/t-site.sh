#!/usr/bin/env bash
# The show's website (site.c, src/publish/site/) on the example show: the pages and
# assets are written with the feed, drafts never appear, the feed links the
# pages and the word transcript, the pages parse as HTML (html5lib, strict)
# and use only relative or show-based URLs; in a real browser (headless
# chromium driven by chromium-driver + python3-selenium, tests/site/browser.py)
# served by `make preview`'s server with range requests: chapters and
# sentences seek, the highlight follows playback within 0.3 s of the word
# timings, #t= links, search, no console errors, axe-core finds nothing
# serious; screenshots in build/. A publish that fails leaves every page
# and the feed as they were.
# First the example show as it ships: it renders, has the default cover
# and its feed passes the validator's rules (tests/feedrules.py).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
AXE=${AXE_JS:-$TOP/build/npm/node_modules/axe-core/axe.min.js}
SHOTS=${SITE_SHOTS:-$TOP/build}

# ---- the example show, as it ships: it renders and its feed passes the
# validator's rules (tests/feedrules.py); its segments then serve the site's
# build below, which changes the show and one episode (one cold synthesis of
# the example, not two) ----
newproj
shipped_cache=$PODSYNTH_CACHE
cp "$TOP"/episodes/*.md episodes/
"$PODSYNTH" build -j 2 episodes/*.md >build.log 2>&1
check "the example show renders" test $? -eq 0
"$PODSYNTH" feed >feed.log 2>&1
check "the example show's feed is written" test $? -eq 0
check_eq "it has the default cover, a 3000x3000 RGB PNG" \
	"$(ffprobe -v error -show_entries stream=width,height,pix_fmt -of csv=p=0 rss/cover.*.png 2>/dev/null)" "3000,3000,rgb24"
cover=$(cd rss && ls cover.*.png 2>/dev/null)
check "the index shows the default cover" grep -qF "src=\"$cover\"" rss/index.html
check "...and so does an episode page's og:image" grep -qF "/$cover\"" rss/episodes/*kernel-weekly.html
link=$(sed -n 's/^link: *//p' rss/channel.yaml)
$PY "$TOP/tests/feedrules.py" rss/feed.xml "$link/feed.xml" | sed 's/validator rule:/example show: validator rule:/'
check "the example show's feed passes every rule" test "${PIPESTATUS[0]}" -eq 0

newproj
export PROJ
export PODSYNTH_CACHE=$shipped_cache

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
sed -i "s|^link: .*|link: $BASE|" rss/channel.yaml
# the credits: a bio, a link and a picture from the show settings (people:)
mkdir -p rss/art
ffmpeg -v error -y -f lavfi -i color=c=0x3355aa:s=200x200 -frames:v 1 -pix_fmt rgb24 rss/art/ana.png
cat >>rss/channel.yaml <<'EOF'
people:
  Ana:
    bio: Ana maintains a real-time audio stack and reads every PREEMPT_RT thread.
    link: https://example.org/ana
    img: art/ana.png
  Ben:
    bio: Ben writes about kernels for small boards.
    link: https://example.org/ben
EOF
cp "$TOP"/episodes/*.md episodes/
# the two-host episode gets a link and emphasis inside sentences, emphasis
# across two sentences and a table: its page keeps them all, timed (one text)
cat >>episodes/2026-11-27-two-hosts.md <<'EOF'

Ana: The [PREEMPT_RT documentation](https://docs.kernel.org/) is *really* good now. *Real time is done. The tree is small.* Here is what changed:

| Version | Year |
|---------|------|
| 2.6.22 | 2007 |
| 6.12 | 2024 |

Ben: Bye!
EOF
# a chapter with a link (its heading's) and an image (alone under the heading),
# a JPEG big enough that its ID3 sub-frame size is not the same as a syncsafe one
mkdir -p rss/art
ffmpeg -v error -y -f lavfi -i "nullsrc=s=400x400,geq=random(1)*255:128:128" -frames:v 1 -q:v 2 rss/art/rt-chapter.jpg
sed -i 's|^# Real time in mainline$|# [Real time in mainline](https://wiki.linuxfoundation.org/realtime/start)\n\n![A stopwatch](art/rt-chapter.jpg)|' \
	episodes/2026-11-27-two-hosts.md

"$PODSYNTH" build -j 2 episodes/*.md >build.log 2>&1 || cat build.log
check "podsynth feed writes the site" "$PODSYNTH" feed -q

# ---- credits: bio, link and picture from the show settings ----
TH=rss/episodes/2026-11-27-two-hosts
check "the episode page's credits: the name linked, the picture, the bio" \
	grep -q '<li><img class="person" src="../art/ana.png" alt="" width="48" height="48"><span class="name"><a href="https://example.org/ana">Ana</a></span> <span class="role">host</span><span class="bio">Ana maintains a real-time audio stack and reads every PREEMPT_RT thread.</span></li>' $TH.html
PT=${PARTYTIME:-$TOP/build/npm/node_modules/podcast-partytime}
if [ -s "$PT/package.json" ]; then ok "podcast-partytime is installed ($PT)"; else fail "podcast-partytime is not installed: run make test (npm install --prefix build/npm podcast-partytime)"; fi
cat >persons.js <<'JS'
// the feed as podcast-partytime (the Podcast Index's parser) reads it: each item's persons
const { parseFeed } = require(process.argv[2]);
const feed = parseFeed(require("fs").readFileSync(process.argv[3], "utf8"));
for (const it of feed.items)
	for (const p of it.podcastPeople || [])
		console.log([it.title, p.name, p.role, p.group, p.href || "-", p.img || "-"].join(" | "));
JS
persons=$(node persons.js "$PT" rss/feed.xml 2>&1)
check "podcast-partytime reads the two hosts with their roles, links and picture" \
	bash -c 'grep -qx "Kernel Weekly Conversations: real time, at last | Ana | Host | Cast | https://example.org/ana | $1/art/ana.png" <<<"$2" &&
		 grep -qx "Kernel Weekly Conversations: real time, at last | Ben | Co-Host | Cast | https://example.org/ben | -" <<<"$2"' _ "$BASE" "$persons"
check "...and the host of a one-voice episode" grep -q "| The Kernel Weekly team | Host | Cast | - | -" <<<"$persons"
cp rss/channel.yaml channel.keep
sed -i 's|link: https://example.org/ben|link: "javascript:alert(1)"|' rss/channel.yaml
bad_line=$(grep -n 'javascript:alert' rss/channel.yaml | cut -d: -f1)
"$PODSYNTH" check episodes/2026-11-27-two-hosts.md >check.log 2>&1
rc=$?
check "check refuses a person's link that is no http(s) address, at its line" \
	bash -c "test $rc != 0 && grep -q '^rss/channel.yaml:$bad_line: error: link: only an http(s) address' check.log"
cp channel.keep rss/channel.yaml

# ---- chapter images and links ----
TH=rss/episodes/2026-11-27-two-hosts
img_line=$(grep -n '^!\[A stopwatch\]' episodes/2026-11-27-two-hosts.md | cut -d: -f1)
head_line=$(grep -n '^# \[Real time' episodes/2026-11-27-two-hosts.md | cut -d: -f1)
sed 's|art/rt-chapter.jpg|art/missing.png|; s|(https://wiki.linuxfoundation.org/realtime/start)|(javascript:alert(1))|' \
	episodes/2026-11-27-two-hosts.md >episodes/2026-12-01-bad-chapter.md
"$PODSYNTH" check episodes/2026-12-01-bad-chapter.md >check.log 2>&1
check "check refuses a chapter whose image is missing or whose link is no http(s) address (non-zero exit)" test $? != 0
check "...the missing image at its line" grep -q "^episodes/2026-12-01-bad-chapter.md:$img_line: error: chapter image: .*missing.png" check.log
check "...the bad link at its heading's line (the one URL rule)" \
	grep -q "^episodes/2026-12-01-bad-chapter.md:$head_line: error: chapter link: only an http(s) address can be published, not \"javascript:alert(1)\"" check.log
rm episodes/2026-12-01-bad-chapter.md
check "the JSON chapters carry the chapter's img (under the show's link) and url" \
	$PY -c 'import json, sys; c = json.load(open(sys.argv[1]))["chapters"][1]; sys.exit(not (c.get("img") == sys.argv[2] + "/art/rt-chapter.jpg" and c.get("url") == "https://wiki.linuxfoundation.org/realtime/start"))' \
	$TH.chapters.json "$BASE"
cat >chapid3.py <<'PY'
import sys
import mutagen.id3
from mutagen.oggopus import OggOpus
t = mutagen.id3.ID3(sys.argv[1])
for k in sorted(t, key=lambda k: t[k].start_time if k.startswith("CHAP") else -1):
    if k.startswith("CHAP"):
        c = t[k]
        subs = c.sub_frames
        url = [f.url for f in subs.getall("WXXX")]
        pic = [f for f in subs.getall("APIC")]
        same = pic and pic[0].data == open(sys.argv[3], "rb").read()
        print(c.start_time, subs["TIT2"].text[0], url[0] if url else "-",
              ("%s %s" % (pic[0].mime, "the file" if same else "other bytes")) if pic else "-")
o = OggOpus(sys.argv[2])
for k in sorted(o.tags.keys()):
    if k.lower().startswith("chapter") and k.lower().endswith("url"):
        print("opus", k.upper(), o.tags[k][0])
PY
got=$(/usr/bin/python3 chapid3.py $TH.mp3 $TH.opus rss/art/rt-chapter.jpg 2>&1)
check "mutagen reads the chapter's WXXX and APIC in its ID3 CHAP frame, the image's own bytes" \
	grep -qx "[0-9]* Real time in mainline https://wiki.linuxfoundation.org/realtime/start image/jpeg the file" <<<"$got"
check "...and no link or image on the chapter that has none" grep -qx "0 .* - -" <<<"$got"
check "the Opus file names the chapter's link (CHAPTER002URL)" \
	grep -qx "opus CHAPTER002URL https://wiki.linuxfoundation.org/realtime/start" <<<"$got"
check_eq "ffprobe (FFmpeg) reads every chapter of that MP3, the one with an image too" \
	"$(ffprobe -v error -show_chapters -of json $TH.mp3 | $PY -c 'import json, sys; [print("%s,%s" % (c["start"], c["tags"]["title"])) for c in json.load(sys.stdin)["chapters"]]')" \
	"$($PY -c 'import json, sys; [print("%d,%s" % (round(c["startTime"] * 1000), c["title"])) for c in json.load(open(sys.argv[1]))["chapters"]]' $TH.chapters.json)"
check "the page's chapter list shows the image and the link" \
	grep -q '<img class="chapter-art" src="../art/rt-chapter.jpg" alt="" width="48" height="48" loading="lazy"> <a class="chapter-link" href="https://wiki.linuxfoundation.org/realtime/start">wiki.linuxfoundation.org</a>' $TH.html
check "the index is written" test -s rss/index.html
check "an episode page is written for each published episode" \
	test -s rss/episodes/2026-11-16-kernel-weekly.html -a -s rss/episodes/2026-11-14-riscv-zh.html
check "the assets are copied into rss/assets/" \
	test -s rss/assets/podsynth.css -a -s rss/assets/podsynth.js -a -s rss/assets/favicon.svg
check "the assets are the program's own files" cmp -s rss/assets/podsynth.js "$TOP/src/publish/site/podsynth.js"
check "the build writes the word transcript" test -s rss/episodes/2026-11-16-kernel-weekly.words.json
check "drafts never appear: no page" test -s rss/episodes/2026-11-16-kernel-weekly.html -a ! -e rss/episodes/2026-11-20-draft-preview.html
check "drafts never appear: not on the index" bash -c "test -s rss/index.html && ! grep -q 'merge window preview' rss/index.html"
check "the feed lists the word transcript as a podcast:transcript (application/json)" \
	grep -q "<podcast:transcript url=\"$BASE/episodes/2026-11-16-kernel-weekly.words.json\" type=\"application/json\"" rss/feed.xml
check "an item's link is its page" \
	grep -q "<link>$BASE/episodes/2026-11-16-kernel-weekly.html</link>" rss/feed.xml
check "pages name the feed for discovery" \
	grep -q "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Kernel Weekly\" href=\"$BASE/feed.xml\">" rss/index.html
pub=$(grep -o 'enclosure url="[^"]*kernel-weekly[^"]*"' rss/feed.xml | sed 's|.*/||; s|"$||')
check "the player's first source is the feed's enclosure (the MP3)" \
	grep -q "<source src=\"$pub\" type=\"audio/mpeg\">" rss/episodes/2026-11-16-kernel-weekly.html
check_eq "...then one per further format, in the show's order" \
	"$(grep -o '<source [^>]*type="[^"]*"' rss/episodes/2026-11-16-kernel-weekly.html | sed 's/.*type=//' | tr '\n' ' ')" \
	'"audio/mpeg" "audio/ogg; codecs=opus" '
check "og:audio names the same file" \
	grep -q "<meta property=\"og:audio\" content=\"$BASE/episodes/$pub\">" rss/episodes/2026-11-16-kernel-weekly.html
for tag in og:title og:description og:url; do
	check "the episode page has $tag" grep -q "<meta property=\"$tag\"" rss/episodes/2026-11-16-kernel-weekly.html
done
check "a canonical link" grep -q "<link rel=\"canonical\" href=\"$BASE/episodes/2026-11-16-kernel-weekly.html\">" \
	rss/episodes/2026-11-16-kernel-weekly.html
check "without JavaScript the chapters are there with their times" \
	grep -q '<span class="time">1:59</span> <span class="title">Stable kernels</span>' rss/episodes/2026-11-16-kernel-weekly.html
# One chapter list, three places: the page's chapter list, the JSON chapters
# file and the MP3's ID3 CHAP frames, each as "milliseconds title".
cat >chapters3.py <<'PY'
import html, json, re, sys
what, path = sys.argv[1], sys.argv[2]
if what == "page":
    nav = re.search(r'<nav class="chapters".*?</nav>', open(path, encoding="utf-8").read(), re.S)
    for t, title in re.findall(r'data-start="([0-9.]+)">.*?<span class="title">(.*?)</span>', nav.group(0) if nav else ""):
        print(round(float(t) * 1000), html.unescape(title))
elif what == "json":
    for c in json.load(open(path, encoding="utf-8"))["chapters"]:
        print(round(c["startTime"] * 1000), c["title"])
elif what == "id3":
    b = open(path, "rb").read()
    ss = lambda x: x[0] << 21 | x[1] << 14 | x[2] << 7 | x[3]
    end, i = 10 + ss(b[6:10]), 10
    while i + 10 <= end and b[i:i + 4] != b"\0\0\0\0":
        fid, n = b[i:i + 4], ss(b[i + 4:i + 8])
        body = b[i + 10:i + 10 + n]
        if fid == b"CHAP":
            k = body.index(b"\0") + 1
            ms = int.from_bytes(body[k:k + 4], "big")
            sub = body[k + 16:]
            title = ""
            if sub[:4] == b"TIT2":
                t = sub[10:10 + ss(sub[4:8])]
                title = t[1:].decode("utf-8" if t[0] == 3 else "latin-1").rstrip("\0")
            print(ms, title)
        i += 10 + n
PY
KW=rss/episodes/2026-11-16-kernel-weekly
chap_page=$($PY chapters3.py page $KW.html 2>&1)
check "the page lists the episode's chapters" test "$(grep -c . <<<"$chap_page")" -ge 2
check_eq "the page's chapter times agree with the JSON chapters file" "$chap_page" "$($PY chapters3.py json $KW.chapters.json 2>&1)"
check_eq "...and with the MP3's ID3 CHAP frames" "$chap_page" "$($PY chapters3.py id3 $KW.mp3 2>&1)"
check "without JavaScript the transcript text is there" \
	grep -q '<span class="cue" data-start="[0-9.]*" data-end="[0-9.]*">Linux 6.18-rc6 came out on Sunday afternoon, right on schedule.</span>' \
	rss/episodes/2026-11-16-kernel-weekly.html
check "the Chinese page is lang=\"zh\"" grep -q '<html lang="zh">' rss/episodes/2026-11-14-riscv-zh.html
check "nothing is loaded from another site (no CDN, fonts or trackers)" \
	bash -c "! grep -hoE '<(script|link|img|source)[^>]*(src|href)=\"(https?:)?//[^\"]*\"' rss/index.html rss/episodes/*.html | grep -v \"$BASE/\""

# ---- HTML ----
$PY "$TOP/tests/site/validate.py" rss "$BASE"

# ---- the same again changes nothing ----
before=$(tree_sum rss)
"$PODSYNTH" feed -q
check_eq "podsynth feed again changes no page" "$(tree_sum rss)" "$before"

# ---- a failed publish leaves every page as it was ----
sed -i 's/^title: .*/title: A new title/' episodes/2026-11-16-kernel-weekly.md
cp rss/episodes/2026-11-14-riscv-zh.chapters.json chapters.keep
echo '{"chapters": [{"title": "no start"}]}' >rss/episodes/2026-11-14-riscv-zh.chapters.json
before=$(tree_sum rss)
"$PODSYNTH" feed -q 2>err.log
check "bad chapters stop the publish (non-zero exit)" test $? != 0
check "the message names the file" grep -q "riscv-zh.chapters.json.*startTime" err.log
check_eq "and the feed and every page are as they were" "$(tree_sum rss)" "$before"
check "no temporary file is left" bash -c "! find rss -name '*.tmp.*' | grep -q ."
cp chapters.keep rss/episodes/2026-11-14-riscv-zh.chapters.json
printf 'site_css: missing.css\n' >>rss/channel.yaml
before=$(tree_sum rss)
"$PODSYNTH" feed -q 2>err.log
check "a missing site_css stops the publish" test $? != 0
check_eq "nothing changed then either" "$(tree_sum rss)" "$before"
sed -i 's/^site_css: .*/site_css: show.css/' rss/channel.yaml
printf 'body { max-width: 50rem; }\n' >rss/show.css
cat >>rss/channel.yaml <<EOF
directories:
  Apple Podcasts: https://podcasts.apple.com/podcast/id0000000000
  Spotify: https://open.spotify.com/show/0000000000000000000000
EOF
check "then it publishes" "$PODSYNTH" feed -q
check "the feed and the page agree on the new title" \
	bash -c "grep -q '<title>A new title</title>' rss/feed.xml && grep -q '<h1>A new title</h1>' rss/episodes/2026-11-16-kernel-weekly.html"
check "the show's own CSS is linked after the default one" \
	bash -c "grep -A1 'assets/podsynth.css' rss/episodes/2026-11-16-kernel-weekly.html | grep -q 'href=\"../show.css\"'"
check "the directory links are on the index" \
	bash -c "grep -q '<a href=\"https://podcasts.apple.com/podcast/id0000000000\">Apple Podcasts</a>' rss/index.html && grep -q '>Spotify</a>' rss/index.html"
$PY "$TOP/tests/site/validate.py" rss "$BASE" | grep -F 'index.html'

# ---- the preview server ----
"$TOP/scripts/preview" --port "$PORT" --dir rss --quiet >preview.log 2>&1 &
server=$!
for _ in $(seq 50); do grep -q serving preview.log && break; sleep 0.1; done
check "the preview server prints its URL" grep -q "http://127.0.0.1:$PORT/" preview.log
size=$(stat -c %s "rss/episodes/$pub")
hdr=$(curl -s -D - -o range.bin -H 'Range: bytes=1000-1999' "$BASE/episodes/$pub")
check "it answers a range request with 206 and those bytes" \
	bash -c "grep -q '^HTTP/1.1 206' <<<'$hdr' && grep -qi 'Content-Range: bytes 1000-1999/$size' <<<'$hdr' && cmp -s range.bin <(tail -c +1001 rss/episodes/$pub | head -c 1000)"
check_eq "a range past the end is refused (416)" \
	"$(curl -s -o /dev/null -w '%{http_code}' -H "Range: bytes=$size-" "$BASE/episodes/$pub")" 416
check_eq "the word transcript is served as JSON" \
	"$(curl -s -o /dev/null -w '%{content_type}' "$BASE/episodes/2026-11-16-kernel-weekly.words.json")" application/json

# ---- in a browser ----
# the two-host episode with artwork of its own
mkdir -p rss/art
ffmpeg -v error -y -f lavfi -i color=c=0x2a6f4e:s=1400x1400 -frames:v 1 -pix_fmt rgb24 rss/art/rt.png
sed -i 's|^bed: intro|bed: intro\nimage: art/rt.png|' episodes/2026-11-27-two-hosts.md
check "an episode with its own artwork publishes" "$PODSYNTH" feed -q
mkdir -p "$SHOTS"
if [ -s "$AXE" ]; then ok "axe-core is installed ($AXE)"; else fail "axe-core is not installed: run make test (npm install --prefix build/npm axe-core)"; fi
timeout 300 $PY "$TOP/tests/site/browser.py" "$BASE" rss "$SHOTS" "$AXE"
check "the browser test exited cleanly" test $? = 0

# ---- Lighthouse: accessibility 100 and no layout shift, every page, both schemes ----
LH=${LIGHTHOUSE_DIR:-$TOP/build/npm}
if [ -s "$LH/node_modules/lighthouse/package.json" ]; then ok "Lighthouse is installed ($LH)"; else fail "Lighthouse is not installed: run make test (npm install --prefix build/npm lighthouse)"; fi
CHROME_PATH=/usr/bin/chromium timeout 900 node "$TOP/tests/site/lighthouse.mjs" "$LH" "$BASE" "" \
	$(cd rss && ls episodes/*.html | grep -v '\.embed\.html$')
check "Lighthouse exited cleanly" test $? = 0
for s in site-index site-episode site-episode-playing site-episode-phone site-episode-zh \
	site-{index,en,zh,two-hosts}-desktop-{light,dark} site-{index,en,zh,two-hosts}-phone-light; do
	check "screenshot $s.png written" $PY -c 'import sys; sys.exit(open(sys.argv[1], "rb").read(8) != b"\x89PNG\r\n\x1a\n")' "$SHOTS/$s.png"
done

# ---- an episode withdrawn: its page goes, other HTML stays ----
echo '<!DOCTYPE html><title>mine</title>' >rss/episodes/notes-by-hand.html
sed -i 's/^title: \(.*\)$/title: \1\ndraft: true/' episodes/2026-11-14-riscv-zh.md
check "podsynth feed with the Chinese episode a draft again" "$PODSYNTH" feed -q
check "its page is removed with it" test ! -e rss/episodes/2026-11-14-riscv-zh.html
check "and it leaves the index" bash -c "! grep -q 'riscv-zh' rss/index.html"
check "an HTML file podsynth did not write stays" test -s rss/episodes/notes-by-hand.html
check "the other episode's page stays" test -s rss/episodes/2026-11-16-kernel-weekly.html
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null || true
