"""tests/studio/client.py: what the studio's HTTP tests share (web.py,
publish.py): ok() and the checks' count (tests/lib_browser.py's), requests
to the server on 127.0.0.1:PORT, and signing in (the session cookie and the
page's CSRF token)."""
import http.client
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import lib_browser  # noqa: E402
from lib_browser import ok  # noqa: E402,F401

PORT = 0          # set by the test from its arguments


def req(method, path, body=None, headers=None, cookie=None, ctype="application/x-www-form-urlencoded", timeout=20):
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
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
