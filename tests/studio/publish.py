#!/usr/bin/python3
"""tests/studio/publish.py PORT EPISODE: publishing from the studio. The
editor eve (password "correct horse battery") and the contributor ana sign
in; a contributor cannot publish, a stale page cannot; the editor's publish
makes the episode no longer a draft, runs build and feed, and the page shows
their progress; the feed then has the episode and its page the summary the
test wrote into it. Prints "ok - " / "not ok - " lines."""
import http.client
import os
import re
import sys
import time
import urllib.parse

PORT, EPISODE = int(sys.argv[1]), sys.argv[2]
failed = 0


def ok(cond, what):
    global failed
    print(("ok - " if cond else "not ok - ") + what, flush=True)
    if not cond:
        failed += 1


def req(method, path, body=None, headers=None, cookie=None, ctype="application/x-www-form-urlencoded"):
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=20)
    h = dict(headers or {})
    if cookie:
        h["Cookie"] = cookie
    if body is not None:
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body)
        if isinstance(body, str):
            body = body.encode()
        if ctype:
            h["Content-Type"] = ctype
    try:
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        return r.status, r, data
    except Exception as e:  # the server closed the connection
        return 0, None, str(e).encode()
    finally:
        c.close()


def login(name, pw="correct horse battery"):
    s, r, d = req("GET", "/login")
    tok = re.search(rb'name="login" value="([0-9a-f]+)"', d).group(1).decode()
    lc = r.getheader("Set-Cookie").split(";")[0]
    s, r, d = req("POST", "/login", {"login": tok, "name": name, "password": pw}, cookie=lc)
    if s != 303:
        return s, None, None, None
    cookie = r.getheader("Set-Cookie")
    sess = cookie.split(";")[0]
    s, r, d = req("GET", "/", cookie=sess)
    csrf = re.search(rb'name="csrf" value="([0-9a-f]+)"', d).group(1).decode()
    return 303, sess, csrf, cookie


def episode():
    with open(EPISODE, encoding="utf-8") as f:
        return f.read()


st, sess, csrf, _ = login("ana")
st, esess, ecsrf, _ = login("eve")
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
ok("Kernel Weekly 48" in feed, "the feed has the episode")
ok("Hugepages are split lazily, says the summary." in open(os.path.join(os.path.dirname(EPISODE), "..", "rss", "episodes",
                                                         "2026-11-20-tiny.html"), encoding="utf-8").read(),
   "the episode's page has ana's summary")

sys.exit(1 if failed else 0)
