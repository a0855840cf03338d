#!/usr/bin/env python3
"""feedrules.py FEED.xml SELF_URL [--itunes-formats]

The checks of the W3C Feed Validation Service (github.com/w3c/feedvalidator,
src/feedvalidator/*.py) that apply to what podsynth writes, restated here
because the validator is not packaged in Debian and cannot be fetched
offline. Prints one "ok - RULE" or "not ok - RULE: where" line per rule, in
the test suite's format. Errors and warnings of the validator are both
failures here; its "info" messages (the Podcasting 2.0 namespace is one it
does not check: UnsupportedNamespace) are not checked by it, so the
namespace's own rules for the elements we emit are checked instead.

--itunes-formats adds UnsupportedItunesFormat (an enclosure's extension must
be one Apple takes: m4a, mp3, mov, mp4, m4v, pdf, epub).
"""
import email.utils
import re
import sys
import xml.etree.ElementTree as ET

IT = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PC = "{https://podcastindex.org/namespace/1.0}"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"

path, self_url = sys.argv[1], sys.argv[2]
itunes_formats = "--itunes-formats" in sys.argv[3:]
raw = open(path, "rb").read()
root = ET.fromstring(raw)
ch = root.find("channel")
items = ch.findall("item") if ch is not None else []
failed = 0


def rule(name, problems):
    global failed
    problems = [p for p in problems if p]
    if problems:
        failed += 1
        print("not ok - validator rule: %s: %s" % (name, "; ".join(problems[:5])))
    else:
        print("ok - validator rule: %s" % name)


http_url = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
# validators.py mime_re
mime_re = re.compile(r"[^\s()<>,;:\\\"/[\]?=]+/[^\s()<>,;:\\\"/[\]?=]+(\s*;\s*[^\s()<>,;:\\\"/[\]?=]+=(\"(\\\"|[^\"])*\"|[^\s()<>,;:\\\"/[\]?=]+))*$")
# validators.py duration
duration_re = re.compile(r"\d+(:[0-5][0-9](:[0-5][0-9])?)?$")
rfc822_re = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                       r"\d{4} \d\d:\d\d:\d\d [+-]\d{4}$")
email_re = re.compile(r"^[\w.%+'-]+@[\w-]+(\.[\w-]+)+$")


def where(e, tag):
    return "%s in %s" % (tag, e.findtext("title") or e.tag)


rule("the file declares UTF-8", ["no UTF-8 declaration" if not raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>') else ""])
rule("rss version 2.0 with one channel", ["version %s" % root.get("version") if root.get("version") != "2.0" else "",
                                           "no channel" if ch is None else ""])
rule("channel has title, link and description (MissingElement)",
     ["no %s" % t for t in ("title", "link", "description") if not (ch.findtext(t) or "").strip()])
rule("links are absolute http URLs (rfc2396_full)",
     [where(e, "link") for e in [ch] + items if e.find("link") is not None and not http_url.match(e.findtext("link"))])
rule("language is an ISO 639 code", ["language %r" % ch.findtext("language")]
     if not re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$", ch.findtext("language") or "") else [])
rule("dates are RFC 822 (InvalidRFC2822Date)",
     [where(e, t) for e in [ch] + items for t in ("pubDate", "lastBuildDate")
      if e.find(t) is not None and not (rfc822_re.match(e.findtext(t)) and email.utils.parsedate_tz(e.findtext(t)))])
selfs = [l for l in ch.findall(ATOM + "link") if l.get("rel") == "self"]
rule("atom:link rel=self names where the feed is (MissingSelf, SelfDoesntMatchLocation)",
     ["no self link" if not selfs else "" if selfs[0].get("href") == self_url else "self is %s" % selfs[0].get("href")])
rule("every item has a title or description and a guid (MissingGuid)",
     [where(i, "guid") for i in items if not (i.findtext("title") or i.findtext("description")) or i.find("guid") is None])
guids = [i.findtext("guid") for i in items]
rule("guids are unique and isPermaLink is true or false", ["duplicate guid" if len(set(guids)) != len(guids) else ""] +
     [where(i, "isPermaLink") for i in items if i.find("guid") is not None and i.find("guid").get("isPermaLink") not in (None, "true", "false")])


def enclosure_problems(i):
    e = i.find("enclosure")
    if e is None:
        return [where(i, "no enclosure")]
    p = []
    if not http_url.match(e.get("url") or ""):
        p.append(where(i, "enclosure url"))
    try:
        if int(e.get("length")) < 0:
            p.append(where(i, "enclosure length < 0"))
    except (TypeError, ValueError):
        p.append(where(i, "enclosure length"))
    if not mime_re.match(e.get("type") or ""):
        p.append(where(i, "enclosure type"))
    if itunes_formats and (e.get("url") or "").split(".")[-1] not in ("m4a", "mp3", "mov", "mp4", "m4v", "pdf", "epub"):
        p.append(where(i, "enclosure format %s" % e.get("url").split(".")[-1]))
    return p


rule("enclosures have an http url, a length and a MIME type" +
     (" Apple takes (UnsupportedItunesFormat)" if itunes_formats else ""),
     [p for i in items for p in enclosure_problems(i)])
rule("channel has what iTunes needs: language, itunes:category, itunes:explicit, "
     "itunes:owner with itunes:email (MissingItunesElement, MissingItunesEmail)",
     ["no %s" % t for t, e in (("language", ch.find("language")), ("itunes:category", ch.find(IT + "category")),
                               ("itunes:explicit", ch.find(IT + "explicit")),
                               ("itunes:email", ch.find(IT + "owner/" + IT + "email"))) if e is None])
rule("itunes:email is an address", [] if email_re.match(ch.findtext(IT + "owner/" + IT + "email") or "") else ["bad email"])
rule("itunes:explicit is true or false (InvalidTrueFalse)",
     [where(e, "explicit") for e in [ch] + items for x in e.findall(IT + "explicit") if x.text.lower() not in ("true", "false")])
rule("itunes:image has an http href",
     [where(e, "itunes:image") for e in [ch] + items for x in e.findall(IT + "image") if not http_url.match(x.get("href") or "")])
rule("itunes:duration, itunes:season and itunes:episode are well formed (InvalidDuration, positiveInteger)",
     [where(i, t) for i in items for t, r in (("duration", duration_re), ("season", re.compile(r"^[1-9]\d*$")),
                                              ("episode", re.compile(r"^[1-9]\d*$")))
      if i.find(IT + t) is not None and not r.match(i.findtext(IT + t))])
rule("itunes:episodeType and itunes:type are known values",
     [where(i, "episodeType") for i in items if i.findtext(IT + "episodeType") not in (None, "full", "trailer", "bonus")] +
     ["itunes:type" if ch.findtext(IT + "type") not in (None, "episodic", "serial") else ""])
rule("itunes:author and itunes:summary are not too long (TooLong)",
     [where(e, t) for e in [ch] + items for t, n in (("author", 255), ("summary", 4000), ("subtitle", 255))
      if len(e.findtext(IT + t) or "") > n])
once = ["title", "link", "description", "pubDate", "guid", "enclosure", IT + "author", IT + "image", IT + "explicit",
        IT + "duration", IT + "episode", IT + "season", IT + "episodeType", IT + "title", IT + "type", "language"]
rule("no element the validator allows once appears twice (DuplicateElement)",
     [where(e, t) for e in [ch] + items for t in once if len(e.findall(t)) > 1])
img = ch.find("image")
rule("RSS image has url, title and link; they match the channel; the url is an image (ImageUrlFormat, "
     "ImageLinkDoesntMatch, ImageTitleDoesntMatch)",
     ["no image"] if img is None else
     ["image url" if (img.findtext("url") or "").split(".")[-1].lower() not in ("jpg", "jpeg", "gif", "png") else "",
      "image link" if img.findtext("link") != ch.findtext("link") else "",
      "image title" if img.findtext("title") != ch.findtext("title") else ""])

# The podcast namespace (podcastindex.org/namespace/1.0), for what we emit.
tr = [t for i in items for t in i.findall(PC + "transcript")]
rule("podcast:transcript has url and type, and language",
     [where(i, "transcript") for i in items for t in i.findall(PC + "transcript")
      if not (http_url.match(t.get("url") or "") and t.get("type") in ("text/vtt", "application/x-subrip", "application/json", "text/html", "text/plain")
              and t.get("language"))] + (["no transcript"] if not tr else []))
people = ch.findall(PC + "person") + [p for i in items for p in i.findall(PC + "person")]
rule("podcast:person has a name, a known role and group",
     [p.text or "no name" for p in people if not (p.text or "").strip() or p.get("role", "host") not in ("host", "co-host", "guest")
      or p.get("group", "cast") != "cast"])
rule("podcast:license is a lower-case identifier with a url",
     [l.text for e in [ch] + items for l in e.findall(PC + "license")
      if not (l.text and l.text == l.text.lower() and http_url.match(l.get("url") or ""))])
rule("podcast:guid is a UUID", [] if re.match(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
                                               ch.findtext(PC + "guid") or "") else ["podcast:guid"])
rule("podcast:season and podcast:episode are numbers",
     [where(i, t) for i in items for t in ("season", "episode")
      if i.find(PC + t) is not None and not re.match(r"^\d+(\.\d+)?$", i.findtext(PC + t))])
sys.exit(1 if failed else 0)
