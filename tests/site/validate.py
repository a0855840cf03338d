#!/usr/bin/python3
"""tests/site/validate.py SITE_DIR LINK: every page of the site (index.html
and episodes/*.html) parses as HTML with python3-html5lib in strict mode
(any parse error fails), and every URL a page loads or links to outside
the show notes, the directory links and the licence link is relative or starts
with the show's link (LINK). Prints ok / not ok lines.
"""
import glob
import os
import sys

import html5lib

SITE, LINK = sys.argv[1], sys.argv[2].rstrip("/")
NS = "{http://www.w3.org/1999/xhtml}"
failed = 0


def ok(cond, what):
    global failed
    print(("ok - " if cond else "not ok - ") + what)
    failed += 0 if cond else 1


def urls(el, inside_free=False, out=None):
    """(attribute value, free) for every href/src/content URL under el."""
    out = [] if out is None else out
    cls = el.get("class", "").split()
    free = inside_free or "text" in cls or "chapter-link" in cls or "cast" in cls or "directories" in cls or "license" in el.get("rel", "").split()
    for a in ("href", "src"):
        if el.get(a) is not None:
            out.append((el.get(a), free))
    if el.tag == NS + "meta" and el.get("property", "") in ("og:image", "og:audio", "og:url"):
        out.append((el.get("content"), False))
    for c in el:
        urls(c, free, out)
    return out


pages = [os.path.join(SITE, "index.html")] + sorted(glob.glob(os.path.join(SITE, "episodes", "*.html")))
for page in pages:
    name = os.path.relpath(page, SITE)
    p = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    try:
        with open(page, "rb") as f:
            doc = p.parse(f, transport_encoding="utf-8")
        ok(True, "%s parses as HTML without errors (html5lib, strict)" % name)
    except Exception as e:
        ok(False, "%s parses as HTML without errors: %s at %s" % (name, e, p.errors[:1]))
        continue
    bad = [u for u, free in urls(doc) if not free and "://" in u and not u.startswith(LINK + "/")]
    bad += [u for u, free in urls(doc) if u.startswith("//")]
    ok(not bad, "%s: only relative or show-based URLs %s" % (name, bad[:3]))
sys.exit(1 if failed else 0)
