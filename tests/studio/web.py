#!/usr/bin/python3
"""tests/studio/web.py PORT EPISODE: the studio over HTTP, as a client that
is not a browser may talk to it: sessions and CSRF tokens, bounds, escaping,
conflicts, claims, range requests and hearing a paragraph. The server was
started by tests/t-studio.sh with the users ana and ben (contributors, password
"correct horse battery") and the week's mailbox. Prints "ok - " / "not ok - "
lines."""
import http.client
import json
import os
import re
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import client  # noqa: E402
from client import ok, req, login  # noqa: E402

PORT, EPISODE = int(sys.argv[1]), sys.argv[2]
client.PORT = PORT


def alive():
    return req("GET", "/studio.css")[0] == 200


def episode():
    with open(EPISODE, encoding="utf-8") as f:
        return f.read()


THREAD = "thp-lazy-1@example.org"
# every state-changing route (server.c's table): none may work without a session and its token
POSTS = ("/save", "/claim", "/hear", "/check", "/lexicon", "/profile", "/move", "/welcome", "/publish", "/logout")
FIELDS = {"id": THREAD, "base": "new", "summary": "x", "text": "x", "action": "claim", "word": "x", "say": "y",
          "fullname": "Mallory", "bio": "x", "links": "", "welcome": "x", "dir": "up"}
TQ = "/thread?id=" + urllib.parse.quote(THREAD, safe="")

# ---- without a session ----
s, r, d = req("GET", "/")
ok(s == 303 and r.getheader("Location") == "/login", "the week without a session sends to /login (%d)" % s)
before = episode()
for path in POSTS:
    s, r, d = req("POST", path, FIELDS)
    ok(s == 403, "POST %s without a session is refused (%d)" % (path, s))
s, r, d = req("GET", "/audio?key=" + "0" * 32)
ok(s == 403, "audio without a session is refused (%d)" % s)
ok(episode() == before, "the episode is unchanged by all of it")

# ---- signing in ----
s, r, d = req("GET", "/login")
tok = re.search(rb'name="login" value="([0-9a-f]+)"', d).group(1).decode()
s, r, d = req("POST", "/login", {"login": tok, "name": "ana", "password": "correct horse battery"})
ok(s == 403, "a sign-in without the form's cookie is refused (login CSRF) (%d)" % s)
st, sess, csrf, cookie = login("ana")
ok(sess is not None, "ana signs in")
ok("HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie,
   "the session cookie is HttpOnly and SameSite=Strict: " + cookie.split(";", 1)[1])
s, r, d = req("GET", "/", cookie=sess)
csp = r.getheader("Content-Security-Policy") or ""
ok("default-src 'none'" in csp and "frame-ancestors 'none'" in csp and
   r.getheader("X-Content-Type-Options") == "nosniff", "pages carry a CSP and nosniff")
ok(b"7 threads" in d or b"8 threads" in d, "the week lists the mailbox's threads")
st2, bsess, bcsrf, _ = login("ben")

# ---- CSRF ----
for path in POSTS:
    s1 = req("POST", path, FIELDS, cookie=sess)[0]
    s2 = req("POST", path, dict(FIELDS, csrf=bcsrf), cookie=sess)[0]
    ok(s1 == 403 and s2 == 403, "POST %s with a session but no token, or another session's, is refused (%d, %d)" % (path, s1, s2))
s, r, d = req("POST", "/claim", {"csrf": csrf, "id": THREAD, "action": "claim"}, cookie=sess,
              headers={"Origin": "http://evil.example"})
ok(s == 403, "a POST from another origin is refused (%d)" % s)
ok(episode() == before, "the episode is still unchanged")

# ---- bounds and malformed requests ----
s = req("POST", "/save", "summary=" + "a" * (70 * 1024), cookie=sess)[0]
ok(s == 413, "a 70 KiB body is refused with 413 (%d)" % s)
s = req("POST", "/save", "csrf=%zz", cookie=sess)[0]
ok(s == 400, "a malformed form is refused with 400 (%d)" % s)
s = req("POST", "/save", '{"a":1}', cookie=sess, ctype="application/json")[0]
ok(s == 415, "a body that is not a form is refused with 415 (%d)" % s)
s = req("GET", "/", headers={"X-Big": "a" * 40000}, cookie=sess)[0]
ok(400 <= s < 500 or s == 0, "40 KB of headers are refused (%d)" % s)
s = req("GET", "/thread?id=" + "x" * 5000, cookie=sess)[0]
ok(s == 404, "an unknown thread is 404 (%d)" % s)
ok(req("GET", "/nothing")[0] == 404, "an unknown page is 404")
ok(req("DELETE", "/save")[0] == 405, "a wrong method is 405")
ok(req("GET", "/../../etc/passwd")[0] == 404, "a path outside the studio is 404")
s = req("GET", "/audio?key=../../../etc/passwd", cookie=sess)[0]
ok(s == 404, "an audio key that is a path is 404 (%d)" % s)
ok(alive(), "the server is alive after all of it")

# ---- escaping ----
s, r, d = req("GET", "/", cookie=sess)
ok(b"<script>alert" not in d and b"&lt;script&gt;alert(1)&lt;/script&gt;" in d,
   "a subject with <script> is shown escaped on the week page")
m = re.search(rb'href="(/thread\?id=evil[^"]*)"', d)
ok(m is not None, "the evil thread's link is a URL-escaped query")
if m:
    s, r, d = req("GET", m.group(1).decode().replace("&amp;", "&"), cookie=sess)
    ok(s == 200 and b"</textarea><script>" not in d and b"<img src=x" not in d and
       b"&lt;/textarea&gt;&lt;script&gt;" in d, "its page escapes the body, the author and the subject")
    ok(b'value="evil&quot;1&#39;&lt;b"' in d, "its Message-ID is escaped in attributes")

# ---- the episode as podsynth draft wrote it: each thread an item, found by its marker ----
MARK = "<!-- item: %s -->" % THREAD
drafted = episode()
s, r, d = req("GET", "/", cookie=sess)
row = re.search(rb'thp-lazy-1%40example.org">[^<]*</a></td><td[^>]*>([^<]*)</td><td>[^<]*</td>'
                rb'<td class="draft">([^<]*)</td>', d)
ok(row is not None and row.group(1) == b"in the episode",
   "the week shows a drafted thread as in the episode: %s" % (row.group(1) if row else d[:0]))
ok(row is not None and row.group(2).startswith(b"Alice Example posted a two-patch RFC series splitting huge pages"),
   "its Draft cell is text, the link's text without its Markdown: %s" % (row.group(2)[:90] if row else b""))
ok(b"](http" not in d, "no Draft cell shows a Markdown link")
s, r, d = req("GET", TQ, cookie=sess)
ok(s == 200 and b"In the episode at line %d." % (drafted[:drafted.index(MARK)].count("\n") + 1) in d,
   "the thread page finds the drafted item at its marker's line")
ok(b"Alice Example posted [a two-patch RFC series" in d and b"Bob Reviewer acked it." in d,
   "...and its editor holds the drafted sentences")

# ---- claims ----
s, r, d = req("POST", "/claim", {"csrf": csrf, "id": THREAD, "action": "claim"}, cookie=sess)
ok(s == 303, "ana claims the thread (%d)" % s)
s, r, d = req("GET", TQ, cookie=bsess)
ok(b"Claimed by ana" in d, "ben sees ana's claim")
s = req("POST", "/claim", {"csrf": bcsrf, "id": THREAD, "action": "claim"}, cookie=bsess)[0]
ok(s == 409, "ben cannot take ana's claim (%d)" % s)

# ---- saving, conflicts ----
s, r, d = req("GET", TQ, cookie=sess)
base = re.search(rb'name="base" value="([0-9a-fnew]+)"', d).group(1).decode()
text = "Huge pages are split lazily now: when only part of one is unmapped, the split waits."
s, r, d = req("POST", "/save", {"csrf": csrf, "id": THREAD, "base": base, "summary": text}, cookie=sess)
ok(s == 303 and "saved=1" in (r.getheader("Location") or ""), "ana saves a summary (%d)" % s)
ok(text in episode(), "it is in the episode file")
after = episode()
i = drafted.index(MARK) + len(MARK)
j = drafted.index("\n# ", i)
body = after.index("\n# Welcome")   # (the front matter may now credit a writer)
ok(after[body:] == (drafted[:i] + "\n\n" + text + "\n" + drafted[j:])[drafted.index("\n# Welcome"):],
   "the summary replaced the drafted item where it stood; the rest of the body is as drafted")
ok(after.count(THREAD) == 1 and "**[" not in after, "...and no second item was added for the thread")
s = req("POST", "/save", {"csrf": bcsrf, "id": THREAD, "base": base, "summary": "ben's"}, cookie=bsess)[0]
ok(s == 409 and "ben's" not in episode(), "ben cannot save over ana's claim (%d)" % s)
kept = episode()
s, r, d = req("POST", "/save", {"csrf": csrf, "id": THREAD, "base": base, "summary": "stale edit"}, cookie=sess)
ok(s == 409 and b"changed since you opened it" in d and b"stale edit" in d,
   "a save from an old version is a conflict that keeps the writer's text (%d)" % s)
ok(episode() == kept, "...and the file is unchanged")
s = req("POST", "/save", {"csrf": csrf, "id": THREAD,
                          "base": re.search(rb'name="base" value="([0-9a-f]+)"', d).group(1).decode(),
                          "summary": "# A heading"}, cookie=sess)[0]
ok(s == 422 and episode() == kept, "a summary with a heading is refused, the file unchanged (%d)" % s)
s, r, d = req("GET", "/", cookie=sess)
ok(re.search(rb"thp-lazy-1%40example.org\">[^<]*</a></td><td[^>]*>written</td><td>ana</td>", d) is not None,
   "the week shows the thread written by ana")

# ---- check as you type ----
s = req("POST", "/check", {"id": THREAD, "summary": "x"}, cookie=sess)[0]
ok(s == 403, "a check without the token is refused (%d)" % s)
s, r, d = req("POST", "/check", {"csrf": csrf, "id": THREAD,
                                 "summary": "First line.\n\nSee ![the graph](graph.png) here.\n\n<b>bold</b>"}, cookie=sess)
msgs = json.loads(d) if s == 200 else []
ok({"line": 3, "level": "note", "text": 'image not spoken: "the graph"'} in msgs,
   "check's note about an image comes at the summary's line 3: %s" % msgs)
ok(len(msgs) == 1,
   "only messages about the summary's own lines (the draft's HTML comment at line 10 is not one)")
s, r, d = req("POST", "/check", {"csrf": csrf, "id": THREAD, "summary": "ok\n# heading"}, cookie=sess)
ok(s == 200 and json.loads(d)[0]["level"] == "error", "a summary that cannot go in is an error at once")
ok(episode() == kept, "checking writes nothing")

# ---- hear it ----
para = "The scheduler fix landed in v6.3-rc5 at %d." % int(time.time() * 1000)
s, r, d = req("POST", "/hear", {"csrf": csrf, "text": para}, cookie=sess)
j = json.loads(d) if s == 200 else {}
words = [p for p in j.get("parts", []) if "t" in p]
ok("".join(p["w"] for p in j.get("parts", [])) == j.get("spoken"), "the parts are exactly what will be said")
ok(s == 200 and j.get("cached") is False and len(words) >= 8, "a new paragraph is synthesised (%d)" % s)
ok("version six point three" in j.get("spoken", ""), "what will be said is the normaliser's: " + j.get("spoken", ""))
times = [w["t"] for w in words]
ok(times == sorted(times) and times and times[-1] > 1000, "its words have rising times")
print("# hear, new paragraph: %s ms" % j.get("ms"))
s, r, d = req("POST", "/hear", {"csrf": csrf, "text": para}, cookie=sess)
j2 = json.loads(d) if s == 200 else {}
ok(j2.get("cached") is True and j2.get("key") == j.get("key") and j2.get("ms", 999) < 100,
   "the same paragraph again comes from the cache in under 0.1 s (%s ms)" % j2.get("ms"))
s, r, wav = req("GET", "/audio?key=" + j.get("key", ""), cookie=sess)
ok(s == 200 and wav[:4] == b"RIFF" and wav[8:12] == b"WAVE" and r.getheader("Accept-Ranges") == "bytes",
   "its audio is a WAV file that accepts ranges")
s, r, part = req("GET", "/audio?key=" + j.get("key", ""), cookie=sess, headers={"Range": "bytes=100-199"})
ok(s == 206 and part == wav[100:200] and r.getheader("Content-Range") == "bytes 100-199/%d" % len(wav),
   "a range request gets 206 and exactly those bytes")
s = req("GET", "/audio?key=" + j.get("key", ""), cookie=sess, headers={"Range": "bytes=%d-" % len(wav)})[0]
ok(s == 416, "a range past the end is 416 (%d)" % s)
# a letter A: the engine is given its phonemes (a hint, core/text.h); what
# is shown is the written "A", one part timed where it is said, no mark
s, r, d = req("POST", "/hear", {"csrf": csrf, "text": "It needs a type A cable %d." % int(time.time())}, cookie=sess)
j = json.loads(d) if s == 200 else {}
parts = j.get("parts", [])
ok("".join(p["w"] for p in parts) == j.get("spoken") and "type A cable" in j.get("spoken", "") and
   not any(ord(c) < 32 for c in j.get("spoken", "x\x02")),
   "a letter A is heard and shown as written, no mark: " + j.get("spoken", ""))
ok(any(p["w"] == "A" and "t" in p for p in parts), "the letter A is a part of its own, with its time")
s, r, d = req("POST", "/hear", {"csrf": csrf, "text": "```\ncode\n```"}, cookie=sess)
ok(s == 422, "a paragraph with nothing spoken is 422 (%d)" % s)

# ---- the words the normaliser had to guess ----
para3 = "The zorblatt patch fixes the scheduler at %d." % int(time.time() * 1000)
s, r, d = req("POST", "/hear", {"csrf": csrf, "text": para3}, cookie=sess)
j = json.loads(d) if s == 200 else {}
guessed = [g["w"] for g in j.get("guessed", [])]
ok("zorblatt" in guessed, "a made-up word is among the guessed ones: %s" % guessed)
ok("scheduler" not in guessed and "patch" not in guessed, "dictionary words are not")
marked = [p["w"] for p in j.get("parts", []) if p.get("g")]
ok(marked == ["zorblatt"], "in what will be said, only the made-up word is marked: %s" % marked)
g0 = j.get("guessed", [{}])[0]
ok(g0.get("said") == "zorblatt" and "no list knows it" in g0.get("why", ""),
   "with what is said of it and why: %s" % g0)

# ---- a long hearing does not hold up the other requests ----
# (the server runs with PODSYNTH_TEST_HANG="slow paragraph": synthesis of that phrase spins until PODSYNTH_TIMEOUT, processor seconds)
slow = {}


def slow_hear():
    t = time.time()
    # (its time limit is processor seconds: on a loaded machine, under the
    # sanitizers, the clock runs on well past 20 s)
    slow["status"] = req("POST", "/hear", {"csrf": csrf, "text": "A slow paragraph %d." % t}, cookie=sess,
                         timeout=250)[0]
    slow["secs"] = time.time() - t


th = threading.Thread(target=slow_hear)
th.start()
time.sleep(0.5)
t0 = time.time()
s, r, d = req("GET", TQ, cookie=sess)
dt = time.time() - t0
running = th.is_alive()
ok(s == 200 and dt < 1.0 and running, "a page is answered in %.2f s while a long hearing runs (%s)" %
   (dt, "still running" if running else "already over"))
j = json.loads(req("POST", "/hear", {"csrf": csrf, "text": para3}, cookie=sess)[2])
ok(j.get("cached") is True and th.is_alive(), "and a cached paragraph is heard meanwhile")
th.join()
ok(slow.get("status") in (200, 500) and slow.get("secs", 0) > 2, "the long hearing is answered too, after %.1f s (%s)" %
   (slow.get("secs", 0), slow.get("status")))
print("# a long hearing: %.1f s; a page meanwhile: %.3f s" % (slow.get("secs", 0), dt))
ok(alive(), "the server is alive after it")

# ---- the editor's order; a contributor cannot ----
s, r, d = req("GET", "/episode", cookie=sess)
ok(s == 403, "a contributor cannot open the editor's page (%d)" % s)
for path in ("/move", "/welcome", "/publish"):
    s = req("POST", path, dict(FIELDS, csrf=csrf), cookie=sess)[0]
    ok(s == 403, "a contributor cannot POST %s, an editor's action, even with her token (%d)" % (path, s))
ok(req("GET", "/people", cookie=sess)[0] == 403, "nor open the people page")
s, r, d = req("POST", "/move", {"csrf": csrf, "id": THREAD, "dir": "up", "base": "0" * 16}, cookie=sess)
ok(s == 403, "a contributor cannot move an item (%d)" % s)
ok(episode() == kept, "...and the file is unchanged")
st, esess, ecsrf, _ = login("eve")
s, r, d = req("GET", "/episode", cookie=esess)
ok(s == 200 and b"Move up: v1: mm: thp: split huge pages lazily" in d, "the editor sees the episode's order")
ebase = re.search(rb'name="base" value="([0-9a-f]{16})"', d).group(1).decode()
OUTLINE = rb'<h2>([^<]*)</h2>|<span class="title">([^<]*)</span>'
order0 = [a or b for a, b in re.findall(OUTLINE, d)]
s, r, d = req("POST", "/move", {"csrf": ecsrf, "id": THREAD, "dir": "up", "base": ebase}, cookie=esess)
ok(s == 303, "the editor moves an item up (%d)" % s)
d = req("GET", "/episode", cookie=esess)[2]
order1 = [a or b for a, b in re.findall(OUTLINE, d)]
i = order0.index(b"v1: mm: thp: split huge pages lazily on partial unmap")
ok(order1[i - 1] == order0[i] and order1[i] == order0[i - 1],
   "it is one place higher in the episode: past %s" % order0[i - 1].decode())
moved = episode()
s = req("POST", "/move", {"csrf": ecsrf, "id": THREAD, "dir": "up", "base": ebase}, cookie=esess)[0]
ok(s == 409 and episode() == moved, "a move from a stale page is a conflict, the file unchanged (%d)" % s)
s = req("POST", "/move", {"csrf": csrf, "id": THREAD, "dir": "up", "base": ebase}, cookie=esess)[0]
ok(s == 403, "the editor's move with another session's token is refused (%d)" % s)

# ---- fix a pronunciation ----
LEX = sys.argv[3]
para2 = "Kiryl Shutsemau reviewed it at %d." % int(time.time() * 1000)
j = json.loads(req("POST", "/hear", {"csrf": csrf, "text": para2}, cookie=sess)[2])
ok("Kiryl" in j.get("spoken", ""), "before the fix, Kiryl is said as written: " + j.get("spoken", ""))
s = req("POST", "/lexicon", {"word": "Kiryl", "say": "Kirill"}, cookie=sess)[0]
ok(s == 403, "a fix without the token is refused (%d)" % s)
for word, say, what in (("two words", "x", "a word with a space"), ("Kiryl", "a\nb", "a newline in the spoken form"),
                        ("Kiryl", "", "an empty spoken form"), ("K" * 65, "x", "a 65-byte word")):
    s = req("POST", "/lexicon", {"csrf": csrf, "word": word, "say": say}, cookie=sess)[0]
    ok(s == 422, "%s is refused (%d)" % (what, s))
s, r, d = req("POST", "/lexicon", {"csrf": csrf, "id": THREAD, "word": "Kiryl", "say": "Kirill"}, cookie=sess)
ok(s == 303 and "fixed=1" in (r.getheader("Location") or ""), "ana fixes Kiryl's pronunciation (%d)" % s)
with open(LEX, encoding="utf-8") as f:
    ok("Kiryl\tKirill\n" in f.read(), "the entry is in the show's lexicon file " + LEX)
t0 = time.time()
j2 = json.loads(req("POST", "/hear", {"csrf": csrf, "text": para2}, cookie=sess)[2])
ok("Kirill" in j2.get("spoken", "") and j2.get("cached") is False and j2.get("key") != j.get("key"),
   "heard again at once, it says Kirill, newly synthesised: " + j2.get("spoken", ""))
print("# hear after a fix: %.0f ms" % ((time.time() - t0) * 1000))
j3 = json.loads(req("POST", "/hear", {"csrf": csrf, "text": "Thanks to Kiryl for the review."}, cookie=sess)[2])
ok("Kirill" in j3.get("spoken", ""), "and every other paragraph with the word says it so: " + j3.get("spoken", ""))

# ---- signing out ends the session ----
s = req("POST", "/logout", {"csrf": csrf}, cookie=sess)[0]
ok(s == 303, "ana signs out")
ok(req("GET", "/", cookie=sess)[0] == 303, "her old session no longer opens the week")

# ---- sign-in rate limit (last: it locks this address out) ----
codes = [login("ben", "wrong password %d" % i)[0] for i in range(11)]
ok(codes[:10] == [401] * 10 and codes[10] == 429, "after ten wrong passwords the next sign-in is 429: %s" % codes)
ok(login("ben")[0] == 429, "...even with the right password")
ok(alive(), "the server is alive at the end")
sys.exit(1 if client.lib_browser.failed else 0)
