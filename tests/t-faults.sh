#!/usr/bin/env bash
# Faults (issue 5): what a host's work survives.
#
#  1. SIGKILL: `make episode` (run under setsid, the whole process group
#     killed with SIGKILL) at 50 moments: random ones spread over a build's
#     duration, then a few aimed at each phase (synthesis, render/encode,
#     transcript, feed) so that every phase is hit. Between kills the
#     episodes are edited (new text: synthesis; new title: a warm render
#     with new bytes; touched: a warm render with the same bytes). After
#     each kill rss/feed.xml, if it exists yet, parses (xmllint, feedparser
#     with no bozo flag) and every enclosure it names exists with the
#     stated length. At the end one more `make episode` completes and the
#     whole of rss/ (feed, guids.txt, audio, pages, transcripts) is
#     byte-identical to an uninterrupted run of the same episodes in a
#     fresh project: no stamp claimed a build that did not finish.
#  2. A full disk: rss/ on a small tmpfs (unshare -rm), then the cache
#     directory: a clear error naming the file and "No space left on
#     device", a non-zero exit, the previous feed and audio unchanged.
#  3. A corrupt segment cache (truncated, garbage of the same size, one
#     byte flipped in the audio): reported, exactly those segments
#     synthesised again, the output byte-identical to a clean build's.
#
# The show lists every format (MP3, Opus, Vorbis): each must survive.
#
# FAULT_SEED=N repeats a run's random moments; FAULT_KILLS=N (default 50).
. "$(dirname "$0")/lib.sh"
FORMATS='formats: [mp3, opus, vorbis]'
PY=/usr/bin/python3
export PODSYNTH
SEED=${FAULT_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
KILLS=${FAULT_KILLS:-50}
T0=$SECONDS
echo "# seed $SEED (FAULT_SEED=$SEED repeats this run)"

# Same output whatever the project: the episodes, the show settings, voices.
write_episodes() {
	for n in 1 2; do
		cat >"episodes/2026-05-0$n-fault-$n.md" <<MD
---
title: Fault test $n
date: 2026-05-0$n
---

Welcome to fault test number $n.

This is take 0.

## News

The scheduler gained a knob, and io_uring got faster on x86_64.
MD
	done
}
mk() { make --no-print-directory PODSYNTH="$PODSYNTH" JOBS=2 "$@"; }

# Parses, and every enclosure exists with the stated length; prints why not.
cat >"$SCRATCH/feedcheck.py" <<'PY'
import base64, hashlib, os, subprocess, sys, urllib.parse
import xml.etree.ElementTree as ET
import feedparser

PODCAST = "{https://podcastindex.org/namespace/1.0}"

def link_of(channel):
    for line in open(channel, encoding="utf-8"):
        if line.startswith("link:"):
            return line.split(":", 1)[1].strip().strip('"').rstrip("/")
    return ""

def problems(rss="rss"):
    """'' when rss/feed.xml is sound (or not written yet), else what is wrong."""
    feed = os.path.join(rss, "feed.xml")
    if not os.path.exists(feed):
        return ""
    r = subprocess.run(["xmllint", "--noout", feed], capture_output=True, text=True)
    if r.returncode != 0:
        return "xmllint: " + r.stderr.strip()[:200]
    d = feedparser.parse(feed)
    if d.bozo:
        return "feedparser bozo: %s" % d.get("bozo_exception")
    if not d.entries:
        return "no items"
    base = link_of(os.path.join(rss, "channel.yaml"))
    for e in d.entries:
        encs = e.get("enclosures", [])
        if len(encs) != 1:
            return "item %r has %d enclosures" % (e.get("title"), len(encs))
        url, length = encs[0].get("href", ""), int(encs[0].get("length", -1))
        if not url.startswith(base + "/"):
            return "enclosure outside the site: " + url
        f = os.path.join(rss, urllib.parse.unquote(url[len(base) + 1:]))
        if not os.path.isfile(f):
            return "enclosure missing: " + f
        if os.path.getsize(f) != length:
            return "enclosure %s: length %d, file %d bytes" % (f, length, os.path.getsize(f))
    # Every format: its source exists with the stated length and the bytes
    # have the stated SHA-384.
    for item in ET.parse(feed).getroot().iter("item"):
        alts = item.findall(PODCAST + "alternateEnclosure")
        if not alts:
            return "item %r has no alternateEnclosure" % item.findtext("title")
        for a in alts:
            src, integ = a.find(PODCAST + "source"), a.find(PODCAST + "integrity")
            if src is None or integ is None:
                return "alternateEnclosure without source or integrity"
            url = src.get("uri", "")
            f = os.path.join(rss, urllib.parse.unquote(url[len(base) + 1:]))
            if not url.startswith(base + "/") or not os.path.isfile(f):
                return "alternateEnclosure source missing: " + url
            data = open(f, "rb").read()
            if len(data) != int(a.get("length", -1)):
                return "alternateEnclosure %s: length %s, file %d bytes" % (f, a.get("length"), len(data))
            want = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
            if integ.get("value") != want:
                return "alternateEnclosure %s: integrity does not match its bytes" % f
    return ""

if __name__ == "__main__":
    p = problems(sys.argv[1] if len(sys.argv) > 1 else "rss")
    if p:
        print(p)
    sys.exit(1 if p else 0)
PY
feed_sound() { $PY "$SCRATCH/feedcheck.py" "${1:-rss}"; }

# ---------------------------------------------------------------- 1. kills
cat >"$SCRATCH/kills.py" <<'PY'
"""Kills `make episode` KILLS times; prints ok/not ok lines and a summary."""
import ctypes, os, random, re, shutil, signal, subprocess, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from feedcheck import problems

# Processes orphaned by a kill (the build, its workers) become our children,
# so that we can reap them: this container's init does not.
PR_SET_CHILD_SUBREAPER = 36
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)

seed, kills, podsynth = int(sys.argv[1]), int(sys.argv[2]), os.environ["PODSYNTH"]
rng = random.Random(seed)
EPS = sorted("episodes/" + f for f in os.listdir("episodes") if f.endswith(".md"))
PHASES = ["synthesis", "render", "transcript", "feed"]
MAKE = ["make", "--no-print-directory", "PODSYNTH=" + podsynth, "JOBS=2", "episode"]
take = 0

def slug(ep):
    return os.path.basename(ep)[:-3]

def mutate(kind, eps):
    """Edits the episodes: new text (synthesis of a segment), new title (new
    audio bytes, warm cache), only a new mtime (the same bytes again), or
    cold (the cache emptied: every segment synthesised again)."""
    global take
    take += 1
    if kind == "cold":
        shutil.rmtree(os.environ["PODSYNTH_CACHE"], ignore_errors=True)
    for ep in eps:
        if kind in ("touch", "cold"):
            os.utime(ep)
            continue
        text = open(ep, encoding="utf-8").read()
        if kind == "text":
            text = re.sub(r"(?m)^This is take .*$", "This is take %d." % take, text)
        else:
            text = re.sub(r"(?m)^title: Fault test (\d).*$",
                          lambda m: "title: Fault test %s, version %d" % (m.group(1), take), text)
        with open(ep, "w", encoding="utf-8") as f:
            f.write(text)

def inodes():
    out = {}
    for ep in EPS:
        try:
            out[slug(ep)] = os.stat("rss/episodes/%s.ogg" % slug(ep)).st_ino
        except OSError:
            out[slug(ep)] = None
    return out

def group(pg):
    """(pid, ppid, state, argv) of every process in group pg."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                st = f.read()
            rest = st[st.rindex(")") + 2:].split()
            if int(rest[2]) != pg:
                continue
            with open("/proc/%s/cmdline" % d, "rb") as f:
                argv = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
            out.append((int(d), int(rest[1]), rest[0], argv))
        except (OSError, ValueError, IndexError):
            pass
    return out

def is_podsynth(argv):
    """A podsynth command (argv[0] as make runs it, argv[1] the command)."""
    return len(argv) > 1 and os.path.basename(argv[0]) == os.path.basename(podsynth)

def phase_of(pg, before):
    """What the stopped group was doing: synthesis (the build's worker
    processes are alive), render (the build before its audio is in place:
    loudness passes, limiter, Vorbis encode), transcript (the audio in
    place, the build still writing the transcript and chapters), feed, or
    make (between commands)."""
    procs = [p for p in group(pg) if p[2] != "Z"]
    pods = [p for p in procs if is_podsynth(p[3])]
    if any(p[3][1] == "feed" for p in pods):
        return "feed"
    builds = [p for p in pods if p[3][1] == "build"]
    pids = {p[0] for p in builds}
    top = [p for p in builds if p[1] not in pids]
    if not top:
        return "make"
    b = top[0]
    if any(p[1] == b[0] for p in procs):
        return "synthesis"
    s = slug(b[3][-1])
    try:
        ino = os.stat("rss/episodes/%s.ogg" % s).st_ino
    except OSError:
        ino = None
    return "transcript" if ino != before.get(s) else "render"

def title_of(path):
    """The title tag of an audio file (ID3 TIT2 or the TITLE comment)."""
    r = subprocess.run(["ffprobe", "-v", "error", "-show_entries",
                        "format_tags=title:stream_tags=title", "-of", "default=nw=1:nk=1", path],
                       capture_output=True, text=True)
    return r.stdout.splitlines()

def stamp_lies():
    """Episodes whose make stamp claims a finished build (newer than the
    episode) while rss/ holds an older render: an audio file's title (in
    every format) or the transcript's take sentence is not the episode's."""
    lies = []
    for ep in EPS:
        s = slug(ep)
        try:
            if os.stat("build/stamps/%s.ok" % s).st_mtime_ns < os.stat(ep).st_mtime_ns:
                continue
        except OSError:
            continue
        text = open(ep, encoding="utf-8").read()
        title = re.search(r"(?m)^title: (.*)$", text).group(1)
        said = re.search(r"(?m)^This is take .*$", text).group(0)
        try:
            vtt = open("rss/episodes/%s.vtt" % s, encoding="utf-8").read()
        except OSError:
            vtt = ""
        if said not in vtt or any(title not in title_of("rss/episodes/%s.%s" % (s, x))
                                  for x in ("mp3", "opus", "ogg")):
            lies.append(s)
    return lies

def start():
    log = open("make.log", "ab")
    p = subprocess.Popen(MAKE, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    return p

def stop_and_kill(p, before):
    """SIGSTOP the group (so that what it was doing can be seen), then SIGKILL it.
    None when make had finished already."""
    if p.poll() is not None:
        return None
    try:
        os.killpg(p.pid, signal.SIGSTOP)
    except ProcessLookupError:
        p.wait()
        return None
    ph = phase_of(p.pid, before) if p.poll() is None else None
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    reap(p.pid)
    return ph

def reap(pg):
    """Waits until every process of the group is gone, reaping the orphans."""
    for _ in range(2000):
        try:
            while os.waitpid(-1, os.WNOHANG)[0] > 0:
                pass
        except ChildProcessError:
            pass
        if not group(pg):
            return
        time.sleep(0.001)
    print("# processes of group %d still there: %s" % (pg, group(pg)))

# A full build, timed: the first random delays are drawn from its length;
# each make that finishes before its kill refines the estimate.
t = time.monotonic()
r = subprocess.run(MAKE, stdout=open("make.log", "ab"), stderr=subprocess.STDOUT)
full = time.monotonic() - t
print(("ok" if r.returncode == 0 else "not ok") + " - a first make episode succeeds (%.2f s)" % full)
dur = {"text": full, "title": full, "touch": full, "cold": full}

counts = {ph: 0 for ph in PHASES + ["make"]}
bad, stamps, done, finished, t_kills = [], [], 0, 0, time.monotonic()

def after_kill(ph, what):
    global done
    done += 1
    if ph:
        counts[ph] += 1
    p = problems()
    if p:
        bad.append("kill %d (%s, %s): %s" % (done, what, ph, p))
    lies = stamp_lies()
    if lies:
        stamps.append("kill %d (%s, %s): %s" % (done, what, ph, " ".join(lies)))

def choose():
    kind = rng.choice(["text", "text", "title", "title", "touch", "cold"])
    eps = EPS if rng.random() < 0.4 else [rng.choice(EPS)]
    return kind, eps

def random_kill():
    global finished
    kind, eps = choose()
    mutate(kind, eps)
    before = inodes()
    delay = rng.uniform(0, dur[kind] * (len(eps) / len(EPS) if len(eps) < len(EPS) else 1) * 1.1)
    t = time.monotonic()
    p = start()
    while p.poll() is None and time.monotonic() - t < delay:
        time.sleep(0.001)
    ph = stop_and_kill(p, before)
    if ph is None:
        finished += 1
        d = time.monotonic() - t
        dur[kind] = d * (len(EPS) / len(eps))
        if problems():
            bad.append("after a complete make (%s): %s" % (kind, problems()))
        return
    after_kill(ph, "%s at %.3f s" % (kind, delay))

def aimed_kill(target):
    """Waits for the phase, then kills at a random moment inside it."""
    global finished
    kind = {"synthesis": "cold", "render": "title", "transcript": "title", "feed": "touch"}[target]
    eps = [rng.choice(EPS)]
    mutate(kind, eps)
    before = inodes()
    p = start()
    s = slug(eps[0])
    hit = False
    t = time.monotonic()
    while p.poll() is None and time.monotonic() - t < 30:
        if target == "synthesis":
            procs = group(p.pid)
            b = [q for q in procs if is_podsynth(q[3]) and q[3][1] == "build"]
            hit = any(q[1] == x[0] for x in b for q in procs)
            if hit:
                time.sleep(rng.uniform(0, 0.005))
        elif target == "render":
            hit = any(re.search(r"\.(mp3|opus|ogg)\.tmp\.", f) for f in os.listdir("rss/episodes"))
            if hit:
                time.sleep(rng.uniform(0, 0.02))
        elif target == "transcript":
            try:
                hit = os.stat("rss/episodes/%s.ogg" % s).st_ino != before.get(s)
            except OSError:
                hit = False
        else:
            hit = any(is_podsynth(q[3]) and q[3][1] == "feed" for q in group(p.pid))
            if hit:
                time.sleep(rng.uniform(0, 0.005))
        if hit:
            break
    ph = stop_and_kill(p, before)
    if ph is None:
        finished += 1
        return
    after_kill(ph, "aimed at %s" % target)
    print("# kill %d aimed at %s landed in %s" % (done, target, ph))

aimed = min(8, kills // 5)
while done < kills - aimed:
    random_kill()
tries = 0
while tries < 60 and (done < kills or min(counts[ph] for ph in PHASES) == 0):
    tries += 1
    aimed_kill(min(PHASES, key=lambda ph: (counts[ph], PHASES.index(ph))))

elapsed = time.monotonic() - t_kills
print("# %d kills in %.1f s (%d makes finished before their kill); phases: %s" %
      (done, elapsed, finished, ", ".join("%s %d" % (k, v) for k, v in counts.items())))
for b in bad[:10]:
    print("#   " + b)
print(("ok" if not bad else "not ok") +
      " - killed %d times: after every kill rss/feed.xml parses (xmllint, feedparser)"
      " and every enclosure exists with the stated length" % done)
for b in stamps[:10]:
    print("#   " + b)
print(("ok" if not stamps else "not ok") +
      " - no kill left a make stamp claiming a build that did not finish")
missing = [ph for ph in PHASES if counts[ph] == 0]
print(("ok" if not missing and done >= kills else "not ok") +
      " - kills landed in every phase: " + ", ".join("%s %d" % (ph, counts[ph]) for ph in PHASES))
PY

newproj
echo "$FORMATS" >>rss/channel.yaml
P=$PROJ
cp "$TOP/Makefile" .
write_episodes
PYTHONDONTWRITEBYTECODE=1 $PY "$SCRATCH/kills.py" "$SEED" "$KILLS"
check "the kill driver ran to its end" test $? -eq 0
echo "# kill phase: $((SECONDS - T0)) s"

mk episode >final.log 2>&1
check "after the kills, make episode completes" test $? -eq 0
check "...and the feed is sound" feed_sound
check "...with no temporary file left in rss/" bash -c "! find rss -name '*.tmp.*' | grep -q ."

# The same episodes, built once without interruption in a fresh project.
newproj
echo "$FORMATS" >>rss/channel.yaml
R=$PROJ
cp "$TOP/Makefile" .
cp "$P"/episodes/*.md episodes/
mk episode >make.log 2>&1
check "a fresh project builds the same episodes" test $? -eq 0
check_eq "the feed is byte-identical to an uninterrupted run's" \
	"$(sha256sum <"$P/rss/feed.xml")" "$(sha256sum <"$R/rss/feed.xml")"
check_eq "so is rss/guids.txt" "$(sha256sum <"$P/rss/guids.txt")" "$(sha256sum <"$R/rss/guids.txt")"
check_eq "so is everything in rss/ (audio, published audio, pages, transcripts, chapters)" \
	"$(tree_sum "$P/rss")" "$(tree_sum "$R/rss")"
if [ "$(tree_sum "$P/rss")" != "$(tree_sum "$R/rss")" ]; then
	diff <(tree_sum "$P/rss") <(tree_sum "$R/rss") | head -10 | sed 's/^/#   /'
fi
echo "# kills and comparison: $((SECONDS - T0)) s"

# ---------------------------------------------------------- 2. a full disk
# The project that was just built is the previously published site.
cat >"$SCRATCH/nolink.c" <<'C'
#include <errno.h>
/* A file system without hard links (FAT, some network file systems). */
int link(const char *a, const char *b) { (void)a; (void)b; errno = EPERM; return -1; }
C
cc -shared -fPIC -o "$SCRATCH/nolink.so" "$SCRATCH/nolink.c"
cat >"$SCRATCH/fulldisk.sh" <<'SH'
# Runs in its own user and mount namespace (unshare -rm): tmpfs mounts.
set -u
proj=$1 scratch=$2
cd "$proj" || exit 3
ok() { echo "ok - $*"; }
fail() { echo "not ok - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else fail "$d"; fi; }
sums() { (cd rss && find . -type f ! -name .fill -print0 | sort -z | xargs -0 sha256sum); }
# The previous feed and the audio it names.
named() { grep -oE 'ur[il]="[^"]*\.(mp3|opus|ogg)"' rss/feed.xml | sed 's|.*/episodes/|rss/episodes/|; s|"$||' | sort -u; }
published() { sha256sum rss/feed.xml $(named) rss/episodes/*-fault-?.{mp3,opus,ogg}; }
one_each() { for x in mp3 opus ogg; do [ "$(ls rss/episodes/2026-05-01-fault-1.*.$x | wc -l)" = 1 ] || return 1; done; }
fill() { dd if=/dev/zero of=rss/.fill bs=4k status=none 2>/dev/null; sync; }
edit() { sed -i "s/^This is take .*/This is take $1./" episodes/2026-05-01-fault-1.md; }
mk() { make --no-print-directory PODSYNTH="$PODSYNTH" JOBS=2 episode; }

# rss/ on a 4 MB tmpfs, filled up but for 16 kB: room for a page or two,
# not for a new episode's audio.
cp -a rss "$scratch/rss.copy" || exit 3
mount -t tmpfs -o size=4m tmpfs rss || exit 3
cp -a "$scratch/rss.copy/." rss/ || exit 3
fill
truncate -s -16k rss/.fill
before=$(sums)
edit 101
mk >a.log 2>&1
rc=$?
check "full disk: make episode fails (exit $rc)" test "$rc" -ne 0
check "full disk: the error names the audio file and says No space left on device" \
	grep -qE 'rss/episodes/2026-05-01-fault-1\.(mp3|opus|ogg).*No space left on device' a.log
check "full disk: nothing in rss/ changed (the previous feed and audio are byte-identical)" \
	test "$(sums)" = "$before"
check "full disk: the previous feed is sound" /usr/bin/python3 "$scratch/feedcheck.py"

# The new audio fits, the feed cannot publish it: with hard links the
# feed or a page cannot be written; without, the copy of the audio cannot.
rm rss/.fill
PODSYNTH=$PODSYNTH "$PODSYNTH" build -j 2 episodes/2026-05-01-fault-1.md >b.log 2>&1
check "with room again the episode renders" test $? -eq 0
fill
before=$(published)
LD_PRELOAD=$scratch/nolink.so "$PODSYNTH" feed >c.log 2>&1
rc=$?
check "full disk, no hard links: podsynth feed fails (exit $rc)" test "$rc" -ne 0
check "...naming the published audio it could not copy, No space left on device" \
	grep -qE 'rss/episodes/2026-05-01-fault-1\.[0-9a-f]{12}\.(mp3|opus|ogg): error: .*No space left on device' c.log
check "...the previous feed and its audio are byte-identical" test "$(published)" = "$before"
check "...no copy or temporary file is left" \
	bash -c "! ls rss/episodes/*.tmp.* >/dev/null 2>&1 && $(declare -f one_each); one_each"
check "...and the previous feed is sound" /usr/bin/python3 "$scratch/feedcheck.py"
"$PODSYNTH" feed >d.log 2>&1
rc=$?
check "full disk, hard links: podsynth feed fails (exit $rc)" test "$rc" -ne 0
check "...naming a file, No space left on device" grep -qE '^rss/[^:]+: error: .*No space left on device' d.log
check "...the previous feed and its audio are byte-identical" test "$(published)" = "$before"
check "...and the previous feed is sound" /usr/bin/python3 "$scratch/feedcheck.py"
rm rss/.fill
old=$(named | sort)
"$PODSYNTH" feed >e.log 2>&1
check "with room again podsynth feed succeeds" test $? -eq 0
check "...publishing the new audio" test "$(named | sort)" != "$old"
check "...in a sound feed" /usr/bin/python3 "$scratch/feedcheck.py"
check "...and removes what the old feed named" one_each

# The segment cache on a full tmpfs.
mkdir -p "$scratch/cache"
mount -t tmpfs -o size=64k tmpfs "$scratch/cache" || exit 3
before=$(sums)
edit 102
PODSYNTH_CACHE=$scratch/cache mk >f.log 2>&1
rc=$?
check "full cache: make episode fails (exit $rc)" test "$rc" -ne 0
check "full cache: the error names a cache file, No space left on device" \
	grep -qE "^$scratch/cache/[0-9a-f]{2}/[0-9a-f]+\.seg: error: .*No space left on device" f.log
check "full cache: nothing in rss/ changed" test "$(sums)" = "$before"
for f in a b c d f; do sed "s/^/#   $f.log: /" $f.log | grep -i 'error' | head -3; done
exit 0
SH
if unshare -rm true 2>/dev/null; then
	cp -a "$R" "$SCRATCH/full"
	unshare -rm env PODSYNTH="$PODSYNTH" bash "$SCRATCH/fulldisk.sh" "$SCRATCH/full" "$SCRATCH"
	check "the full-disk tests ran to their end" test $? -eq 0
else
	fail "cannot make a small file system for the full-disk tests (unshare -rm)"
fi
echo "# full disk: $((SECONDS - T0)) s"

# --------------------------------------------------- 3. a corrupt cache
cd "$R" || exit 1
export PODSYNTH_CACHE=$R/cache-corrupt
ep=episodes/2026-05-03-cache.md
ogg=rss/episodes/2026-05-03-cache.ogg
cat >"$ep" <<'MD'
---
title: Cache test
date: 2026-05-03
---

The first paragraph of the cache test.

The second paragraph talks about RCU.

The third paragraph mentions v6.3-rc5.

The fourth paragraph is about io_uring.

The last paragraph says goodbye.
MD
"$PODSYNTH" build -j 2 "$ep" >clean.log 2>&1
nseg=$("$PODSYNTH" segments "$ep" | wc -l)
check "a clean build synthesises all $nseg segments" grep -q ": $nseg synthesized, 0 cached" clean.log
clean=$(sha256sum <"$ogg")
mapfile -t files < <(find "$PODSYNTH_CACHE" -name '*.seg' | sort)
check_eq "one cache file a segment" "${#files[@]}" "$nseg"
# Truncated; garbage of the same size; one byte flipped in the audio.
truncate -s $(($(stat -c %s "${files[0]}") / 2)) "${files[0]}"
head -c "$(stat -c %s "${files[1]}")" /dev/urandom >"${files[1]}.new" && mv "${files[1]}.new" "${files[1]}"
$PY -c "
import sys
p = sys.argv[1]; b = bytearray(open(p, 'rb').read()); b[len(b) // 2] ^= 0x10
open(p, 'wb').write(b)" "${files[2]}"
"$PODSYNTH" build -j 2 "$ep" >corrupt.log 2>&1
rc=$?
check "a build over a corrupt cache succeeds" test "$rc" -eq 0
for k in 0 1 2; do
	what=(truncated garbage "one byte flipped")
	check "reports the corrupt cache file (${what[$k]})" \
		grep -qF "${files[$k]}: warning: corrupt cache file" corrupt.log
done
check_eq "exactly the 3 corrupt segments are synthesised again" \
	"$(grep -o '[0-9]* synthesized, [0-9]* cached' corrupt.log)" "3 synthesized, $((nseg - 3)) cached"
check_eq "the audio is byte-identical to the clean build's" "$(sha256sum <"$ogg")" "$clean"
"$PODSYNTH" build -j 2 "$ep" >again.log 2>&1
check "the repaired cache serves the next build" grep -q ": 0 synthesized, $nseg cached" again.log
echo "# t-faults: $((SECONDS - T0)) s in all"
