#!/usr/bin/env bash
# tests/t-chunks.sh: MP3 and Opus assembled from cached encoded chunks
# (issue 12), checked from the command line with independent tools. In: a
# short episode (a title, three paragraphs, two headings) built with the
# show's default formats ([mp3, opus]) and the default sample rate. Out:
# ok / not ok lines.
#
#   decoding      ffmpeg -v error says nothing, mp3val finds no problem,
#                 opusinfo no warning or error
#   duration      the MP3 decoded by ffmpeg (gapless) has exactly the
#                 timeline's frames; the Opus file's last granule position
#                 minus its pre-skip is the timeline's length at 48 kHz
#   clicks        around every chunk boundary the largest step between two
#                 decoded samples is no larger than the largest in the half
#                 second around it
#   determinism   -j 1 and -j 2 from empty caches give the same bytes; a
#                 rebuild with nothing changed gives the same bytes and
#                 encodes no chunk
#   ahead         a cold -j 2 build renders ahead while it synthesises
#                 (issue 25); made to do all it can (the test hook
#                 PODSYNTH_TEST_AHEAD_DRAIN=1): every group but the last
#                 made ahead, the same bytes as -j 1, a cache holding
#                 exactly the files -j 1's holds (a chunk made ahead under
#                 another key would be left there), and the summary counts
#                 those chunks as encoded by the build
#   one edit      one paragraph changed (and longer): 1 synthesized, only
#                 that paragraph's chunk encoded in each format, every
#                 other kept; loudness and true peak on target (ffmpeg
#                 ebur128); undoing the edit gives the first bytes again
#   kill -9       the rebuild after the edit killed at moments spread over
#                 its run: the published files are the old or the new ones,
#                 whole, and the feed serves no temporary file
#
# The chunk figures come from the build's test hook
# PODSYNTH_TEST_CHUNK_LOG=FILE ("total RATE FRAMES", then one line per
# chunk and format: "chunk FORMAT INDEX START END encoded|kept") and from
# the summary's ", chunks E encoded K kept".
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
newproj
# The default formats and the default rate for them (48 kHz, where the MP3
# and Opus frame grids meet every 120 ms).
sed -i '/^formats:/d; /^sample_rate:/d' rss/channel.yaml

cat >episodes/2026-06-01-chunks.md <<'MD'
---
title: "Chunks"
description: Three short stories, told in chunks.
---

Opening this week: the merge window is open, and the first release candidate is due in two weeks.

## Memory

Reclaim work continues: a series changes how the kernel picks the pages it frees when memory runs low, tested on small boards.

## Scheduling

Finally, the scheduler: a patch set places waking tasks on idle cores sooner, and the maintainers want more numbers first.
MD
ep=episodes/2026-06-01-chunks.md
slug=2026-06-01-chunks
stem=rss/episodes/$slug
EDIT_FROM='tested on small boards' EDIT_TO='tested on small boards and on a large database server'

# build NAME [OPTIONS]: podsynth build with its summary in NAME.out, its
# messages in NAME.err and its chunk log in NAME.chunks; returns its status.
build() {
	local name=$1; shift
	rm -f "$name.chunks"
	PODSYNTH_TEST_CHUNK_LOG=$PWD/$name.chunks "$PODSYNTH" build "$@" "$ep" >"$name.out" 2>"$name.err"
}
# summary_chunks NAME: "E K" from the summary's chunks field, or nothing.
summary_chunks() { sed -n 's/.*, chunks \([0-9]*\) encoded \([0-9]*\) kept,.*/\1 \2/p' "$1.out"; }
keep() { cp "$stem.mp3" "$1.mp3" && cp "$stem.opus" "$1.opus"; }
same_files() { cmp -s "$stem.mp3" "$1.mp3" && cmp -s "$stem.opus" "$1.opus"; }

# The chunk log read by the checks below: for each format, its chunks in
# order with their spans and whether they were encoded.
cat >"$SCRATCH/chunklog.py" <<'PY'
import sys
def read(path):
    """(rate, frames, {format: [(index, start, end, encoded)]}); the last
    total line counts; a chunk listed twice (an encode repeated by the
    true-peak guard) keeps its last span and counts as encoded if any
    line says so."""
    rate = frames = None
    chunks = {}
    try:
        f = open(path)
    except OSError as e:
        sys.exit("%s: no chunk log (PODSYNTH_TEST_CHUNK_LOG): %s" % (path, e.strerror))
    with f:
        for n, line in enumerate(f, 1):
            w = line.split()
            if not w:
                continue
            if w[0] == "total" and len(w) == 3:
                rate, frames = int(w[1]), int(w[2])
            elif w[0] == "ahead" and len(w) == 2:
                pass
            elif w[0] == "chunk" and len(w) == 6 and w[5] in ("encoded", "kept"):
                d = chunks.setdefault(w[1].lower(), {})
                i, s, e = int(w[2]), int(w[3]), int(w[4])
                enc = w[5] == "encoded" or (i in d and d[i][3])
                d[i] = (i, s, e, enc)
            else:
                sys.exit("%s:%d: not a chunk log line: %r" % (path, n, line))
    if rate is None:
        sys.exit("%s: no total line" % path)
    return rate, frames, {k: [v[i] for i in sorted(v)] for k, v in chunks.items()}
PY

# ---- cold builds: -j 1 and -j 2 from empty caches, then a rebuild ----
PODSYNTH_CACHE=$PROJ/cache-j1 build j1 -j 1
check "cold build with -j 1" test $? -eq 0
keep j1
PODSYNTH_CACHE=$PROJ/build/cache build cold -j 2
check "cold build with -j 2" test $? -eq 0
check "-j 1 and -j 2 from empty caches write the same MP3 bytes" cmp -s "$stem.mp3" j1.mp3
check "...and the same Opus bytes" cmp -s "$stem.opus" j1.opus
keep cold
"$PODSYNTH" feed >feed.out 2>&1
check "the feed is written" test $? -eq 0

read -r E K < <(summary_chunks cold)
check_eq "the cold build's summary counts chunks, every one encoded" "${E:-none}:${K:-none}" "${E:-?}:0"
test -s cold.chunks
check "the cold build writes its chunk log (PODSYNTH_TEST_CHUNK_LOG)" test $? -eq 0
nchunks=$(grep -c '^chunk ' cold.chunks 2>/dev/null)
check "the chunk log lists as many chunks as the summary counts (${nchunks:-0} lines, ${E:-?} + ${K:-?})" \
	test "${nchunks:-0}" -gt 0 -a "${nchunks:-0}" = "$(( ${E:-0} + ${K:-0} ))"
check "both formats are chunked, and the timeline has several chunks in each" \
	$PY -c "
import sys; sys.path.insert(0, '$SCRATCH'); import chunklog
_, _, c = chunklog.read('cold.chunks')
sys.exit(not (set(c) == {'mp3', 'opus'} and all(len(v) >= 4 for v in c.values())))"

# ---- rendering ahead (issue 25) ----
PODSYNTH_CACHE=$PROJ/cache-ahead PODSYNTH_TEST_AHEAD_DRAIN=1 build ahead -j 2
check "cold build with -j 2, rendering ahead all it can" test $? -eq 0
check "...the same MP3 bytes as -j 1" cmp -s "$stem.mp3" j1.mp3
check "...and the same Opus bytes" cmp -s "$stem.opus" j1.opus
ng=$(grep -c '^chunk mp3 ' ahead.chunks 2>/dev/null)
G=$(sed -n 's/^ahead //p' ahead.chunks 2>/dev/null)
check_eq "every group but the last was made ahead ($ng groups)" "${G:-none}" "$(( ${ng:-0} - 1 ))"
check "...and there were several" test "${G:-0}" -ge 3
read -r E K < <(summary_chunks ahead)
check_eq "the summary counts the chunks made ahead as encoded" "${E:-none}:${K:-none}" \
	"$(( 2 * ${ng:-0} )):0"
check_eq "the cache holds exactly the files a -j 1 build leaves" \
	"$(tree_sum "$PROJ/cache-ahead" | sha256sum)" "$(tree_sum "$PROJ/cache-j1" | sha256sum)"
rm -rf "$PROJ/cache-ahead"

build again -j 2
check "a rebuild with nothing changed succeeds" test $? -eq 0
check "...writes byte-identical files" same_files cold
check "...and encodes no chunk (\"0 encoded\")" grep -q ', chunks 0 encoded [1-9][0-9]* kept,' again.out
check "...and its chunk log lists the cold build's chunks, every one kept" \
	test "${nchunks:-0}" -gt 0 -a "$(grep -c '^chunk .* kept$' again.chunks 2>/dev/null)" = "${nchunks:-0}" \
	-a "$(grep -c '^chunk ' again.chunks 2>/dev/null)" = "${nchunks:-0}"

# ---- what the files are, as decoders see them ----
# decoded NAME: the MP3 and the Opus of build NAME (saved as NAME.mp3,
# NAME.opus), checked against NAME.chunks.
cat >"$SCRATCH/boundaries.py" <<'PY'
# boundaries.py LOG FORMAT RAW RATE: RAW is the decoded file as 32-bit float
# mono at RATE. For each chunk boundary of FORMAT (the start of every chunk
# after the first, in the log's timeline samples; the boundary itself lies
# in the pause before it, at most about 100 ms earlier), the largest step
# between two samples in the window from 120 ms before that start to 20 ms
# after it, and the largest in the quarter second on either side of the
# window. Prints one line per boundary; exits 1 if a window's step is the
# larger.
import array, sys
sys.path.insert(0, sys.argv[0].rsplit("/", 1)[0])
import chunklog
rate, frames, chunks = chunklog.read(sys.argv[1])
a = array.array("f")
with open(sys.argv[3], "rb") as f:
    a.frombytes(f.read())
sr = int(sys.argv[4])
def step(lo, hi):
    lo, hi = max(lo, 1), min(hi, len(a))
    return max((abs(a[n] - a[n - 1]) for n in range(lo, hi)), default=0.0)
bad = 0
spans = chunks.get(sys.argv[2], [])
worst = 0.0
for c in spans[1:]:
    b = c[1] * sr // rate
    w0, w1 = b - sr * 120 // 1000, b + sr * 20 // 1000
    q = sr // 4
    inside, around = step(w0, w1), max(step(w0 - q, w0), step(w1, w1 + q))
    ok = inside <= around
    bad += not ok
    worst = max(worst, inside / around if around > 0 else (0.0 if inside == 0 else float("inf")))
    print("# %s chunk %d at %.3f s: largest step %.5f near the boundary, %.5f around it%s"
          % (sys.argv[2], c[0], c[1] / rate, inside, around, "" if ok else "  <- click"))
print("# %s: %d boundaries, largest step near one at most %.2f of the largest around it"
      % (sys.argv[2], len(spans) - 1, worst))
sys.exit(1 if bad or len(spans) < 2 else 0)
PY
cat >"$SCRATCH/granule.py" <<'PY'
# granule.py FILE.opus: "PRESKIP LASTGRANULE" of a one-stream Ogg Opus file.
import struct, sys
d = open(sys.argv[1], "rb").read()
pos, pre, last = 0, None, None
while pos < len(d):
    if d[pos:pos + 4] != b"OggS":
        sys.exit("%s: no Ogg page at byte %d" % (sys.argv[1], pos))
    gran, = struct.unpack_from("<q", d, pos + 6)
    nseg = d[pos + 26]
    lace = d[pos + 27:pos + 27 + nseg]
    body = pos + 27 + nseg
    if pre is None:
        if d[body:body + 8] != b"OpusHead":
            sys.exit("%s: the first packet is not an OpusHead" % sys.argv[1])
        pre, = struct.unpack_from("<H", d, body + 10)
    if gran != -1:
        last = gran
    pos = body + sum(lace)
print(pre, last)
PY
decoded() {
	local n=$1 x msgs
	for x in mp3 opus; do
		msgs=$(ffmpeg -nostdin -v error -i "$n.$x" -f null - 2>&1)
		check_eq "$n: ffmpeg decodes the $x without a message" "$msgs" ""
	done
	mp3val "$n.mp3" >"$n.mp3val" 2>&1
	check_eq "$n: mp3val finds no problem in the MP3" "$?:$(grep -cE '^(WARNING|ERROR)' "$n.mp3val")" "0:0"
	opusinfo "$n.opus" >"$n.opusinfo" 2>&1
	check_eq "$n: opusinfo finds no warning or error in the Opus file" \
		"$?:$(grep -ciE 'warning|error' "$n.opusinfo")" "0:0"

	local sr_mp3 raw_mp3 raw_opus n_mp3 pre gran n_opus rate frames
	sr_mp3=$(ffprobe -v error -select_streams a:0 -show_entries stream=sample_rate -of csv=p=0 "$n.mp3")
	ffmpeg -nostdin -v error -i "$n.mp3" -ac 1 -f f32le "$n.mp3.f32"
	ffmpeg -nostdin -v error -c:a libopus -i "$n.opus" -ac 1 -ar 48000 -f f32le "$n.opus.f32"
	n_mp3=$(( $(stat -c %s "$n.mp3.f32") / 4 ))
	read -r pre gran < <($PY "$SCRATCH/granule.py" "$n.opus")
	n_opus=$(( ${gran:-0} - ${pre:-0} ))
	# Without the chunk log the two formats can still be held to each other.
	check "$n: the MP3 ($n_mp3 samples at $sr_mp3 Hz) and the Opus file ($n_opus at 48 kHz) last as long" \
		awk -v a="$n_mp3" -v r="$sr_mp3" -v b="$n_opus" 'BEGIN { d = a * 48000 / r - b; exit !(r > 0 && d <= 1 && d >= -1) }'
	read -r _ rate frames < <(grep '^total ' "$n.chunks" 2>/dev/null | tail -n 1)
	if [ -z "${frames:-}" ]; then
		fail "$n: no \"total RATE FRAMES\" line in the chunk log: the durations to the sample and the boundaries are not checked"
		return
	fi
	check_eq "$n: the MP3 decodes gapless to the timeline's length, to the sample" \
		"$n_mp3" "$(( frames * sr_mp3 / rate ))"
	# At a rate other than 48 kHz the length at 48 kHz may fall between two
	# samples: either neighbour is right.
	local lo=$(( frames * 48000 / rate )) hi=$(( (frames * 48000 + rate - 1) / rate ))
	check "$n: the Opus file's last granule position minus its pre-skip ($n_opus) is the timeline's length at 48 kHz ($lo$([ $lo = $hi ] || echo " or $hi"))" \
		test "$n_opus" = $lo -o "$n_opus" = $hi
	for x in mp3 opus; do
		local sr=48000
		[ $x = mp3 ] && sr=$sr_mp3
		$PY "$SCRATCH/boundaries.py" "$n.chunks" $x "$n.$x.f32" "$sr" >"$n.$x.clicks" 2>&1
		check "$n: no click at any $x chunk boundary ($(tail -n 1 "$n.$x.clicks" | sed 's/^# [a-z0-9]*: //'))" test $? -eq 0
		grep 'click' "$n.$x.clicks"
	done
	rm -f "$n.mp3.f32" "$n.opus.f32"
}
decoded cold

# ---- one paragraph edited ----
cp -a build/cache cache.before-edit
sed -i "s/$EDIT_FROM/$EDIT_TO/" "$ep"
t0=$(date +%s%N)
build edit -j 2
check "the rebuild after a one-paragraph edit succeeds" test $? -eq 0
EDIT_NS=$(( $(date +%s%N) - t0 ))
keep edit
check "...and says 1 synthesized" grep -q ': 1 synthesized,' edit.out
check "...and writes new files" bash -c '! cmp -s edit.mp3 cold.mp3 && ! cmp -s edit.opus cold.opus'
# The edited paragraph's span, from the word timings: its first word to its last.
$PY - "rss/episodes/$slug.words.json" >para.span <<'PY'
import json, sys
w = [s for s in json.load(open(sys.argv[1]))["segments"]]
first = next(i for i, s in enumerate(w) if s["body"].startswith("Reclaim"))
last = next(i for i in range(first, len(w)) if w[i]["body"].startswith("boards"))
last = next(i for i in range(last, len(w)) if w[i]["body"].startswith("server"))
print(w[first]["startTime"], w[last]["endTime"])
PY
read -r p0 p1 <para.span
check "the edited paragraph is found in the word timings (${p0:-?} s to ${p1:-?} s)" test -n "${p1:-}"
$PY - "$SCRATCH" edit.chunks cold.chunks "${p0:-0}" "${p1:-0}" >edit.check 2>&1 <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import chunklog
rate, _, chunks = chunklog.read(sys.argv[2])
_, _, before = chunklog.read(sys.argv[3])
p0, p1 = float(sys.argv[4]) * rate, float(sys.argv[5]) * rate
bad = 0
for fmt in ("mp3", "opus"):
    c = chunks.get(fmt, [])
    para = [i for i, s, e, _ in c if s < p1 and e > p0]
    enc = [i for i, _, _, x in c if x]
    kept = len(c) - len(enc)
    ok = enc and enc == para and len(c) == len(before.get(fmt, []))
    bad += not ok
    print("# %s: %d chunks (%d before the edit), encoded %s, the paragraph's %s, %d kept%s"
          % (fmt, len(c), len(before.get(fmt, [])), enc, para, kept, "" if ok else "  <- wrong"))
sys.exit(1 if bad else 0)
PY
check "the chunk log marks encoded the edited paragraph's chunk(s) in each format, and only those" test $? -eq 0
cat edit.check
read -r E K < <(summary_chunks edit)
check "...and the summary agrees (chunks ${E:-?} encoded ${K:-?} kept)" \
	test "${E:-0}" -ge 2 -a "$(( ${E:-0} + ${K:-0} ))" = "$(grep -c '^chunk ' edit.chunks 2>/dev/null)" \
	-a "${E:-0}" = "$(grep '^chunk ' edit.chunks 2>/dev/null | grep -c ' encoded$')"
for x in mp3 opus; do
	dec=()
	[ $x = opus ] && dec=(-c:a libopus)
	ffmpeg -nostats -hide_banner -nostdin "${dec[@]}" -i "edit.$x" -af ebur128=peak=true -f null - 2>&1 |
		sed -n '/Summary:/,$p' | awk '$1 == "I:" && i == "" { i = $2 } $1 == "Peak:" && p == "" { p = $2 } END { print i, p }' >ebu.$x
	read -r I P <ebu.$x
	check "edited $x: ffmpeg ebur128 ${I:-?} LUFS within 0.5 LU of -16" \
		awk -v i="${I:-}" 'BEGIN { exit !(i != "" && i >= -16.5 && i <= -15.5) }'
	check "edited $x: true peak ${P:-?} dBTP at or under -1" awk -v p="${P:-}" 'BEGIN { exit !(p != "" && p <= -1.0) }'
done
decoded edit

# Undone: every chunk is in the cache again, and the bytes are the first build's.
sed -i "s/$EDIT_TO/$EDIT_FROM/" "$ep"
build undo -j 2
check "the edit undone: 0 synthesized, every chunk kept" \
	grep -qE ': 0 synthesized, .*, chunks 0 encoded [1-9][0-9]* kept,' undo.out
check "...and the files are the cold build's bytes" same_files cold
"$PODSYNTH" feed >feed.out 2>&1
check "the feed is written again" test $? -eq 0

# ---- kill -9 during the rebuild after the edit ----
# Every run starts from the cache as it was before the edit, so each does
# the same work (one synthesis, one chunk per format, the files assembled,
# decoded and checked), and is killed at a fraction of that run's length.
# Afterwards the build's files and the feed's enclosures must be the old
# bytes or the new, whole; then `podsynth feed` serves no temporary file.
sed -i "s/$EDIT_FROM/$EDIT_TO/" "$ep"
cat >"$SCRATCH/served.py" <<'PY'
# served.py: the local paths of the audio files rss/feed.xml names (all
# of them in rss/episodes/).
import sys, urllib.parse
import xml.etree.ElementTree as ET
P = "{https://podcastindex.org/namespace/1.0}"
ch = ET.parse("rss/feed.xml").getroot().find("channel")
urls = set()
for item in ch.findall("item"):
    urls |= {e.get("url") for e in item.findall("enclosure")}
    urls |= {s.get("uri") for s in item.iter(P + "source")}
for u in sorted(urls):
    print("rss/episodes/" + urllib.parse.unquote(urllib.parse.urlparse(u).path).rsplit("/", 1)[1])
PY
whole() { # whole FILE X: FILE's bytes are X's cold or edited file, and decode cleanly
	{ cmp -s "$1" "cold.$2" || cmp -s "$1" "edit.$2"; } &&
		[ -z "$(ffmpeg -nostdin -v error -i "$1" -f null - 2>&1)" ]
}
# The delays are fractions of this very run, timed once unkilled here, not
# of the rebuild timed above: that one can run at another speed (in one CI
# run it took 3.1 s while the killed runs had all ended before 1.4 s, so
# most kills came too late).
rm -rf build/cache
cp -a cache.before-edit build/cache
t0=$(date +%s%N)
"$PODSYNTH" build -j 2 "$ep" >kill.out 2>&1
KILL_NS=$(( $(date +%s%N) - t0 ))
bad=0 kills=0 runs=''
for frac in 5 15 30 45 60 70 80 90 97; do
	rm -rf build/cache
	cp -a cache.before-edit build/cache
	delay=$(awk -v ns="$KILL_NS" -v f="$frac" 'BEGIN { printf "%.3f", ns / 1e9 * f / 100 }')
	"$PODSYNTH" build -j 2 "$ep" >kill.out 2>&1 &
	pid=$!
	$PY -c "import time; time.sleep($delay)"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	runs="$runs $delay"
	for x in mp3 opus; do
		whole "$stem.$x" $x || { bad=$((bad + 1)); echo "# killed after $delay s: $stem.$x is neither the old nor the new file"; }
	done
	"$PODSYNTH" feed >kill.feed 2>&1 || { bad=$((bad + 1)); echo "# killed after $delay s: podsynth feed failed"; }
	served=$($PY "$SCRATCH/served.py")
	for f in $served; do
		case $f in
		*.tmp*) bad=$((bad + 1)); echo "# killed after $delay s: the feed serves $f" ;;
		*.mp3) whole "$f" mp3 || { bad=$((bad + 1)); echo "# killed after $delay s: the feed's $f is not whole"; } ;;
		*.opus) whole "$f" opus || { bad=$((bad + 1)); echo "# killed after $delay s: the feed's $f is not whole"; } ;;
		esac
	done
	[ "$(echo "$served" | grep -cE '\.(mp3|opus)$')" = 2 ] ||
		{ bad=$((bad + 1)); echo "# killed after $delay s: the feed does not name one MP3 and one Opus file"; }
done
echo "# rebuild after the edit: $((EDIT_NS / 1000000)) ms, the same run unkilled: $((KILL_NS / 1000000)) ms; killed after$runs s ($kills runs still running when killed)"
check "rebuild killed at 9 moments: the published and served MP3 and Opus are always the old or the new files, whole" \
	test "$bad" = 0
check "...and at least 4 of the 9 kills hit a running build ($kills)" test "$kills" -ge 4
build clean -j 2
check "after the kills a clean rebuild succeeds" test $? -eq 0
check "...and writes the edited episode's bytes" same_files edit
"$PODSYNTH" feed >feed.out 2>&1
check "...and podsynth feed leaves no temporary file in rss/" \
	test -z "$(find rss -name '*.tmp*' -print)"

# The true-peak guard works on each group alone: with the limiter set too
# high (a test hook), the groups whose decoded peak comes too near the
# ceiling are encoded again with a lower limiter inside the same build (no
# episode-wide retry), the files end at or under the ceiling, and the next
# build keeps every chunk: what was learnt is in the level records.
rm -rf build/cache rss/episodes
PODSYNTH_TEST_LIMIT_MARGIN=-0.5 build hot -j 2
check "limiter too high: the build succeeds" test $? -eq 0
check "...with no episode-wide retry (the groups lowered their own limiters)" \
	bash -c "! grep -q 'encoding again' hot.err"
# Each try leaves its chunk in the cache: more chunk files than chunks.
nfiles=$(find "${PODSYNTH_CACHE:-build/cache}" -name '*.chunk' | wc -l)
check "...and the guard did encode some groups again ($nfiles chunk files for $(grep -c '^chunk ' hot.chunks) chunks)" \
	test "$nfiles" -gt "$(grep -c '^chunk ' hot.chunks)"
# A try whose MP3 (the first format) is over the guard ends there: its
# Opus at that gain would be thrown away, so it is not encoded.
nmp3=$(find "${PODSYNTH_CACHE:-build/cache}" -name '*.mp3.chunk' | wc -l)
nopus=$(find "${PODSYNTH_CACHE:-build/cache}" -name '*.opus.chunk' | wc -l)
check "...and a try stopped at an MP3 over the guard encoded no Opus ($nmp3 MP3 chunk files, $nopus Opus)" \
	test "$nmp3" -gt "$nopus"
for x in mp3 opus; do
	dec=()
	[ $x = opus ] && dec=(-c:a libopus)
	ffmpeg -nostats -hide_banner -nostdin "${dec[@]}" -i "$stem.$x" -af ebur128=peak=true -f null - 2>&1 |
		sed -n '/Summary:/,$p' | awk '$1 == "Peak:" && p == "" { p = $2 } END { print p }' >hot.$x
	P=$(cat hot.$x)
	check "limiter too high, $x: true peak ${P:-?} dBTP at or under -1 (ffmpeg)" \
		awk -v p="${P:-}" 'BEGIN { exit !(p != "" && p <= -1.0) }'
done
keep hot
PODSYNTH_TEST_LIMIT_MARGIN=-0.5 build hot2 -j 2
read -r E K < <(summary_chunks hot2)
check "...the next build encodes nothing (chunks ${E:-?} encoded ${K:-?} kept)" test "${E:-1}" = 0
check "...and writes the same bytes" same_files hot
