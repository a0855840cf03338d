#!/usr/bin/python3
"""tests/studio/publish.py PORT EPISODE: publishing from the studio. The
editor eve (password "correct horse battery") and the contributor ana sign
in; a contributor cannot publish, a stale page cannot; the editor's publish
makes the episode no longer a draft, runs build and feed, and the page shows
their progress; the feed then has the episode and its page the summary the
test wrote into it. Before that: ana fills in her profile and writes the
thread's summary, the editor writes the welcome; the episode file credits
ana (and not the editor, who wrote no summary) in its front matter, and the
feed (podcast:person role writer) and the episode page show the credit.
Prints "ok - " / "not ok - " lines."""
import http.client
import os
import re
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import client  # noqa: E402
from client import ok, req, login  # noqa: E402

PORT, EPISODE = int(sys.argv[1]), sys.argv[2]
client.PORT = PORT


def episode():
    with open(EPISODE, encoding="utf-8") as f:
        return f.read()


st, sess, csrf, _ = login("ana")
st, esess, ecsrf, _ = login("eve")
THREAD = "thp-lazy-1@example.org"
TQ = "/thread?id=" + urllib.parse.quote(THREAD, safe="")

# ---- a contributor's profile ----
s, r, d = req("GET", "/profile", cookie=sess)
ok(s == 200 and b'id="fullname"' in d, "ana opens her profile")
s = req("POST", "/profile", {"fullname": "Ana Lima", "bio": "x", "links": ""}, cookie=sess)[0]
ok(s == 403, "a profile without the token is refused (%d)" % s)
s = req("POST", "/profile", {"csrf": csrf, "fullname": "Ana", "bio": "", "links": "javascript:alert(1)"}, cookie=sess)[0]
ok(s == 422, "a link that is not http(s) is refused (%d)" % s)
s = req("POST", "/profile", {"csrf": csrf, "fullname": "Ana", "bio": "b" * 700, "links": ""}, cookie=sess)[0]
ok(s == 422, "a bio over 600 bytes is refused (%d)" % s)
BIO = 'Ana follows memory management, and "huge pages" most of all.'
s, r, d = req("POST", "/profile", {"csrf": csrf, "fullname": "Ana Lima", "bio": BIO + "\r\n",
                                   "links": " https://ana.example.org/\r\n\r\nhttps://social.example/@ana \r\n"}, cookie=sess)
ok(s == 303, "ana saves her name, bio and links (%d)" % s)
d = req("GET", "/profile", cookie=sess)[2]
ok(b'value="Ana Lima"' in d and b"https://ana.example.org/\nhttps://social.example/@ana</textarea>" in d,
   "her profile page shows them")
ok(req("GET", "/people", cookie=sess)[0] == 403, "a contributor cannot see the people page")
d = req("GET", "/people", cookie=esess)[2]
ok(b"<td>Ana Lima</td>" in d and b"&quot;huge pages&quot;" in d and b'href="https://ana.example.org/"' in d,
   "the editor sees her profile")
ok("writers:" not in episode(), "no writer is credited before a summary is written")

# ---- ana writes the thread's summary: she is credited ----
d = req("GET", TQ, cookie=sess)[2]
base = re.search(rb'name="base" value="([0-9a-fnew]+)"', d).group(1).decode()
SUMMARY = "Hugepages are split lazily, says the summary, and only when part of one is unmapped."
s = req("POST", "/save", {"csrf": csrf, "id": THREAD, "base": base, "summary": SUMMARY}, cookie=sess)[0]
ok(s == 303 and SUMMARY in episode(), "ana saves the summary (%d)" % s)
fm = episode().split("\n---\n", 1)[0] + "\n"
ok('writers:\n  - name: "Ana Lima"\n    bio: "Ana follows memory management, and \\"huge pages\\" most of all."\n'
   '    links:\n      - "https://ana.example.org/"\n      - "https://social.example/@ana"\n' in fm,
   "the episode's front matter credits her, with her bio and links:\n" + fm)
ok("eve" not in fm, "the editor, who wrote no summary, is not credited")

# ---- the welcome: the editor's ----
d = req("GET", "/episode", cookie=esess)[2]
wbase = re.search(rb'name="base" value="([0-9a-f]{16})"', d).group(1).decode()
WELCOME = "Welcome to Kernel Weekly 48, with one thread this week."
s = req("POST", "/welcome", {"csrf": csrf, "base": wbase, "welcome": WELCOME}, cookie=sess)[0]
ok(s == 403 and WELCOME not in episode(), "a contributor cannot write the welcome (%d)" % s)
s = req("POST", "/welcome", {"csrf": ecsrf, "base": wbase, "welcome": "# Not a welcome"}, cookie=esess)[0]
ok(s == 422, "a welcome with a heading is refused (%d)" % s)
s = req("POST", "/welcome", {"csrf": ecsrf, "base": wbase, "welcome": WELCOME}, cookie=esess)[0]
ok(s == 303, "the editor writes the welcome (%d)" % s)
body = episode().split("\n---\n", 1)[1]
ok(body.lstrip("\n").startswith(WELCOME + "\n\n# Memory management"), "it opens the episode, before the first section:\n" + body[:160])
d = req("GET", "/episode", cookie=esess)[2]
ok(WELCOME.encode() in d, "the editor's page shows it")
s = req("POST", "/welcome", {"csrf": ecsrf, "base": wbase, "welcome": "stale"}, cookie=esess)[0]
ok(s == 409 and "stale" not in episode(), "a welcome from a stale page is a conflict (%d)" % s)
WELCOME2 = "Welcome to Kernel Weekly 48: one thread, about huge pages."
wbase = re.search(rb'name="base" value="([0-9a-f]{16})"', d).group(1).decode()
s = req("POST", "/welcome", {"csrf": ecsrf, "base": wbase, "welcome": WELCOME2}, cookie=esess)[0]
body = episode().split("\n---\n", 1)[1]
ok(s == 303 and WELCOME2 in body and WELCOME not in body, "written again, it replaces the first (%d)" % s)
# ---- publishing: the editor's ----
s = req("POST", "/publish", {"csrf": csrf, "base": "0" * 16}, cookie=sess)[0]
ok(s == 403, "a contributor cannot publish (%d)" % s)
s, r, d = req("GET", "/publish", cookie=esess)
ok(s == 200 and b'data-state="not started"' in d, "the editor's publish page")
s = req("POST", "/publish", {"csrf": ecsrf, "base": "0" * 16}, cookie=esess)[0]
ok(s == 409 and "draft: true" in episode(), "a publish from a stale page is a conflict, the file unchanged (%d)" % s)
pbase = re.search(rb'name="base" value="([0-9a-f]{16})"', d).group(1).decode()
t0 = time.time()
s, r, d = req("POST", "/publish", {"csrf": ecsrf, "base": pbase}, cookie=esess)
ok(s == 303, "the editor publishes (%d)" % s)
ok("draft: true" not in episode(), "the episode is no longer a draft")
state, refresh = b"running", []
while time.time() - t0 < 400:
    s, r, d = req("GET", "/publish", cookie=esess)
    state = re.search(rb'data-state="([a-z ]+)"', d).group(1)
    if state != b"running":
        break
    refresh.append(b'http-equiv="refresh"' in d)
    time.sleep(0.5)
ok(refresh and all(refresh), "while it runs the page reloads itself")
print("# publish (build and feed): %.1f s" % (time.time() - t0))
ok(state == b"done", "the publish job ends well (%s)" % state.decode())
log = re.search(rb'<pre id="publish-log"[^>]*>(.*?)</pre>', d, re.S)
ok(log is not None and b"2026-11-20-tiny.md" in log.group(1), "its progress is shown")
feed = open(os.path.join(os.path.dirname(EPISODE), "..", "rss", "feed.xml"), encoding="utf-8").read()
ok('<podcast:person role="writer" group="writing" href="https://ana.example.org/">Ana Lima</podcast:person>' in feed,
   "the feed credits ana as a writer (podcast:person)")
ok(feed.count('role="writer"') == 1, "and no one else")
page = open(os.path.join(os.path.dirname(EPISODE), "..", "rss", "episodes", "2026-11-20-tiny.html"), encoding="utf-8").read()
cast = re.search(r'<section class="cast".*?</section>', page, re.S)
cast = cast.group(0) if cast else ""
ok('<li class="writer"><span class="name">Ana Lima</span> <span class="role">writer</span>' in cast and
   "&quot;huge pages&quot; most of all" in cast and 'href="https://ana.example.org/"' in cast,
   "the episode page's credits name her, with her bio and links: " + cast[:300])
ok(WELCOME2 in page, "the page has the welcome")
ok("Kernel Weekly 48" in feed, "the feed has the episode")
ok(SUMMARY in open(os.path.join(os.path.dirname(EPISODE), "..", "rss", "episodes",
                                                         "2026-11-20-tiny.html"), encoding="utf-8").read(),
   "the episode's page has ana's summary")

sys.exit(1 if client.lib_browser.failed else 0)
