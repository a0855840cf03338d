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
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
AXE=${AXE_JS:-$TOP/build/npm/node_modules/axe-core/axe.min.js}
SHOTS=${SITE_SHOTS:-$TOP/build}
newproj
export PROJ

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
sed -i "s|^link: .*|link: $BASE|" rss/channel.yaml
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

for ep in episodes/*.md; do "$PODSYNTH" build -j 2 "$ep" >build.log 2>&1 || { cat build.log; break; }; done
check "podsynth feed writes the site" "$PODSYNTH" feed -q
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
