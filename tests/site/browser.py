#!/usr/bin/python3
"""tests/site/browser.py BASE_URL SITE_DIR SHOT_DIR AXE_JS: the website in a
real browser (Debian's chromium, headless, driven by chromium-driver through
python3-selenium), served by scripts/preview at BASE_URL.

Prints "ok - ..." / "not ok - ..." lines (tests/lib.sh's format). Checks:
the index links every episode the feed publishes; on an episode page a
chapter click moves the player to the chapter's start, a sentence click to
its cue; during playback the highlighted sentence holds the playing time and
the highlighted word is within 0.3 s of its time in the JSON transcript;
#t= links; the search; the speed control; no console errors; axe-core finds
no serious or critical violation; the Chinese page is lang="zh" with its
title intact; no horizontal scrolling on a phone. Screenshots go to
SHOT_DIR.
"""
import json
import os
import sys
import time
import xml.etree.ElementTree as ET

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from lib_browser import axe_violations, console_errors, ok, start_browser, wait  # noqa: E402
import lib_browser  # noqa: E402

BASE, SITE, SHOTS, AXE = sys.argv[1:5]


def axe(d, what):
    ok(not axe_violations(d, AXE), "axe-core: no violation on %s" % what)


def layout_shift(d):
    """The page's cumulative layout shift so far (the buffered layout-shift entries)."""
    return d.execute_async_script(
        "var done = arguments[arguments.length - 1], s = 0;"
        "new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) {"
        " if (!e.hadRecentInput) s += e.value; }); })"
        ".observe({type: 'layout-shift', buffered: true});"
        "setTimeout(function () { done(s); }, 300);")


IN_BOX = ("var el = arguments[0], box = document.getElementById('transcript');"
          "var r = el.getBoundingClientRect(), b = box.getBoundingClientRect();"
          "return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;")


def defects_en(d, en):
    """The defects of issue 22 a listener meets on an English page."""
    a = "document.getElementById('player')"
    # follow-scroll: seek while paused to a late sentence, then play
    d.execute_script("window.scrollTo(0, 0); document.getElementById('transcript').scrollTop = 0;")
    cues = d.find_elements(By.CSS_SELECTOR, "#transcript .cue")
    late = cues[int(len(cues) * 0.7)]
    t = float(late.get_attribute("data-start"))
    d.execute_script(a + ".pause(); " + a + ".currentTime = %f;" % (t + 0.05))
    time.sleep(0.3)
    d.execute_script(a + ".play();")
    wait(d, "return !%s.paused && %s.currentTime > %f" % (a, a, t + 0.2), 8)
    cur = d.execute_script("return document.querySelector('#transcript .cue.current');")
    ok(cur is not None and d.execute_script(IN_BOX, cur),
       "seeking while paused, then play: the current sentence is scrolled into the transcript's view")
    d.execute_script(a + ".pause();")
    # ... and the follow-scroll lands the sentence inside the box, not above or below it
    d.execute_script("document.getElementById('transcript').scrollTop = 0;")
    late2 = cues[int(len(cues) * 0.85)]
    d.execute_script(a + ".currentTime = %f; " % float(late2.get_attribute("data-start")) + a + ".play();")
    time.sleep(0.6)
    cur = d.execute_script("return document.querySelector('#transcript .cue.current');")
    ok(cur is not None and d.execute_script(IN_BOX, cur),
       "while playing, the follow-scroll keeps the current sentence inside the transcript box")
    d.execute_script(a + ".pause();")
    # the search lands on its hit
    d.execute_script("document.getElementById('transcript').scrollTop = 0;")
    last = cues[-2].text.split()[-1].strip(".,;:!?")
    search = d.find_element(By.ID, "search")
    search.clear()
    search.send_keys(last)
    hit = d.execute_script("var h = document.querySelectorAll('#transcript .hit'); return h[0];")
    ok(hit is not None and d.execute_script(IN_BOX, hit),
       "the search scrolls its first hit into the transcript's view (%r)" % last)
    search.clear()
    search.send_keys(Keys.ENTER)
    # the sticky player hides no focused element (WCAG 2.4.11)
    d.execute_script("window.scrollTo(0, document.body.scrollHeight);")
    link = d.find_elements(By.CSS_SELECTOR, ".chapters a")[0]
    d.execute_script("arguments[0].scrollIntoView(); arguments[0].focus();", link)
    time.sleep(0.2)
    hidden = d.execute_script(
        "var p = document.querySelector('.player').getBoundingClientRect(),"
        " r = arguments[0].getBoundingClientRect(); return r.top < p.bottom - 1;", link)
    ok(not hidden, "a focused link scrolled into view is not under the sticky player")
    # the page's duration is the player's
    want = d.execute_script("var s = Math.floor(%s.duration);"
                            "return Math.floor(s / 60) + ':' + String(s %% 60).padStart(2, '0');" % a)
    got = d.find_element(By.CSS_SELECTOR, ".meta .duration").text
    ok(got == want, "the page's duration is the player's (%s, player %s)" % (got, want))
    # the favicon is small
    icon = d.execute_script("var l = document.querySelector('link[rel~=icon]'); return l && l.href;")
    size = d.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(function (r) { return r.arrayBuffer(); })"
        ".then(function (b) { done(b.byteLength); }, function () { done(-1); });", icon)
    ok(0 < size < 10000, "the favicon is a small file, not the cover (%d bytes)" % size)
    check_headings(d, "the English page")


def one_text(d, en, two):
    """Issue 22, one text: the episode's text as written (its links, emphasis,
    lists, tables) with every sentence timed in it, shown once."""
    a = "document.getElementById('player')"
    for page in (en, two):
        d.get("about:blank")
        d.get(BASE + "/" + page)
        wait(d, "return %s.readyState >= 1" % a, 8)
        # each chapter's heading once on the page
        titles = d.execute_script("return Array.from(document.querySelectorAll('.chapters .title'))"
                                  ".map(function (t) { return t.textContent; });")
        heads = d.execute_script("return Array.from(document.querySelectorAll('main h1, main h2, main h3,"
                                 " main h4, main h5, main h6')).map(function (h) { return h.textContent.trim(); });")
        twice = [t for t in titles if heads.count(t) > 1]
        ok(titles and not twice, "%s: each chapter's heading appears once (%s)" % (page, twice or len(titles)))
        # the page's text is about as long as the transcript, not twice as long
        vtt = open(os.path.join(SITE, page.replace(".html", ".vtt")), encoding="utf-8").read()
        spoken = " ".join(l for l in vtt.split("\n")
                          if l and "-->" not in l and not l.startswith("WEBVTT") and not l.isdigit())
        import re
        spoken = re.sub(r"<[^>]*>", "", spoken)
        n_vtt = len(re.findall(r"[A-Za-z0-9]+", spoken))
        # (the text, and the show notes where a page has them apart)
        text = d.execute_script("return Array.from(document.querySelectorAll('#transcript, .notes'))"
                                ".map(function (s) { return s.innerText; }).join(' ');")
        n_page = len(re.findall(r"[A-Za-z0-9]+", text))
        ok(0.9 * n_vtt <= n_page <= 1.2 * n_vtt,
           "%s: the page's text has about the transcript's words, once (%d words, transcript %d)"
           % (page, n_page, n_vtt))
        # every sentence of the transcript is timed on the page
        ncue = len(re.findall(r"-->", vtt))
        starts = d.execute_script("return new Set(Array.from(document.querySelectorAll('#transcript .cue'))"
                                  ".map(function (c) { return c.dataset.start; })).size")
        ok(starts == ncue, "%s: every cue of the transcript is a sentence of the text (%d of %d)"
           % (page, starts, ncue))
    # on the two-host page: a link inside a sentence is a link, and the sentence seeks
    link = d.execute_script("return document.querySelector('#transcript .cue a[href]');")
    ok(link is not None and link.get_attribute("href").startswith("https://"),
       "a link of the notes is inside a timed sentence (%s)" % (link and link.get_attribute("href")))
    if link is not None:
        d.execute_script(a + ".pause(); " + a + ".currentTime = 1;"
                         "window.linkClick = null; document.addEventListener('click', function (ev) {"
                         " if (ev.target.closest('a')) { window.linkClick = !ev.defaultPrevented;"
                         " ev.preventDefault(); } });")
        d.execute_script("arguments[0].click();", link)
        t = d.execute_script("return %s.currentTime" % a)
        ok(d.execute_script("return window.linkClick") is True and abs(t - 1) < 0.01,
           "clicking the link follows it and does not seek (at %.2f)" % t)
        cue = d.execute_script("return arguments[0].closest('.cue');", link)
        d.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));", cue)
        got = d.execute_script("var x = %s; x.pause(); return x.currentTime;" % a)
        want = float(cue.get_attribute("data-start"))
        ok(abs(got - want) < 0.3, "clicking the rest of that sentence seeks to it (%.2f, want %.2f)" % (got, want))
    ok(d.execute_script("return !!document.querySelector('#transcript .cue em, #transcript em .cue')"),
       "emphasis of the notes is kept in the timed text")
    ok(d.execute_script("return !!document.querySelector('#transcript table td .cue')"),
       "a table of the notes is kept, its spoken rows timed")
    # a sentence that crosses an element is one sentence: all its parts marked together
    d.execute_script(a + ".currentTime = arguments[0];",
                     float(d.execute_script("return document.querySelector('#transcript em .cue').dataset.start")) + 0.1)
    time.sleep(0.3)
    marked = d.execute_script("return document.querySelectorAll('#transcript .cue.current').length")
    ok(marked >= 1, "the current sentence is marked (%d parts)" % marked)
    ok(not d.execute_script("return !!document.querySelector('.notes')"),
       "no second copy of the text as show notes")


def check_headings(d, what):
    """One h1, then no heading more than one level below the one before it."""
    levels = d.execute_script("return Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))"
                              ".map(function (h) { return +h.tagName[1]; });")
    jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    ok(levels and levels[0] == 1 and levels.count(1) == 1 and not jumps,
       "%s: one h1 and no heading level skipped (%s)" % (what, "".join(map(str, levels))))


def defects_zh(d, zh):
    """The defects of issue 22 on the Chinese page."""
    # English inside Chinese is marked lang="en" (WCAG 3.1.2)
    bad = d.execute_script(
        "var bad = [], w = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);"
        "while (w.nextNode()) { var n = w.currentNode, e = n.parentElement;"
        " if (/[A-Za-z]{4,}(\\s+[A-Za-z]{2,}){2,}/.test(n.data) && !e.closest('[lang^=en]') && !e.closest('audio'))"
        "  bad.push(n.data.trim().slice(0, 40)); } return bad;")
    ok(not bad, "English sentences in the Chinese page are marked lang=\"en\" %s" % bad[:3])
    # no space where a caption's line was broken between Chinese characters
    text = d.execute_script("return document.getElementById('transcript').textContent;")
    import re
    spaced = re.findall(r"[\u4e00-\u9fff\uff0c\u3002] [\u4e00-\u9fff]", text)
    ok(not spaced, "no space inserted between Chinese characters in the transcript %s" % spaced[:3])
    # speakers are people, not voice profiles; a quotation is marked as one
    labels = d.execute_script("return Array.from(document.querySelectorAll('#transcript .speaker'))"
                              ".map(function (e) { return e.textContent; });")
    ok(not set(labels) & {"Zh", "Quote", "Host", "Speaker"},
       "no voice profile is shown as a speaker (%s)" % sorted(set(labels)))
    quotes = d.execute_script("return Array.from(document.querySelectorAll('#transcript blockquote .cue'))"
                              ".map(function (e) { return e.textContent; });")
    ok(any("hibernate" in q for q in quotes),
       "the quotation is marked as a quotation (%d sentences in blockquote)" % len(quotes))
    # the episode's own licence in the footer
    foot = d.execute_script("var a = document.querySelector('footer a[rel~=license]'); return a ? a.href : '';")
    ok("by-sa/4.0" in foot, "the footer names the episode's own licence (%s)" % foot)
    check_headings(d, "the Chinese page")


def nojs(base, en):
    """Without JavaScript: nothing looks clickable that does nothing."""
    d = start_browser(prefs={"profile.managed_default_content_settings.javascript": 2})
    try:
        d.get(base + "/" + en)
        ok(d.execute_script("return !document.documentElement.classList.contains('js')"
                            " && !document.querySelector('#transcript .w')"),
           "a browser without JavaScript: the page's scripts did not run")
        ok(d.execute_script("return ['#speed', '#search', '#play', '#seek'].every(function (q) {"
                            " return !document.querySelector(q).getClientRects().length; })"),
           "without JavaScript the player of our own, the speed and the search are not shown")
        ok(d.execute_script("var a = document.getElementById('player');"
                            "return a.controls && a.getClientRects().length > 0;"),
           "...and the browser's own audio controls are")
        cue = d.find_elements(By.CSS_SELECTOR, "#transcript .cue")[3]
        ok(cue.value_of_css_property("cursor") != "pointer",
           "without JavaScript a sentence does not look clickable")
        chap = d.find_elements(By.CSS_SELECTOR, ".chapters a")[1]
        href = chap.get_attribute("href")
        chap.click()
        time.sleep(0.3)
        frag = d.current_url.split("#", 1)[1] if "#" in d.current_url else ""
        ok(d.execute_script("var e = document.getElementById(arguments[0]);"
                            "return !!(e && e.closest('#transcript'));", frag),
           "without JavaScript a chapter link goes to the chapter in the text (%s)" % href)
    finally:
        d.quit()


def player(d, en):
    """The player of our own over <audio>, share at the current time, #t= forms."""
    a = "document.getElementById('player')"
    d.get("about:blank")
    d.get(BASE + "/" + en)
    wait(d, "return %s.readyState >= 1" % a, 8)
    ok(d.execute_script("return !%s.controls && !%s.getClientRects().length" % (a, a)),
       "with the script, the browser's audio controls give way to the page's player")
    play = d.find_element(By.ID, "play")
    ok(play.get_attribute("aria-label") == "Play", "a play button, labelled")
    play.click()
    ok(wait(d, "return !%s.paused && %s.currentTime > 0.2" % (a, a), 8), "it plays")
    ok(play.get_attribute("aria-label") == "Pause", "...and becomes the pause button")
    play.click()
    ok(d.execute_script("return %s.paused" % a), "which pauses")
    d.execute_script(a + ".currentTime = 100;")
    wait(d, "return Math.abs(%s.currentTime - 100) < 0.1" % a, 4)
    d.find_element(By.CSS_SELECTOR, "button[data-skip='-15']").click()
    t1 = d.execute_script("return %s.currentTime" % a)
    d.find_element(By.CSS_SELECTOR, "button[data-skip='30']").click()
    t2 = d.execute_script("return %s.currentTime" % a)
    ok(abs(t1 - 85) < 0.3 and abs(t2 - 115) < 0.3, "back 15 s and forward 30 s (%.1f, %.1f)" % (t1, t2))
    # the progress bar: the chapters marked where they start, the current one named
    chaps = d.execute_script("return Array.from(document.querySelectorAll('.chapters a[data-start]'))"
                             ".map(function (e) { return [+e.dataset.start, e.querySelector('.title').textContent]; });")
    dur = d.execute_script("return %s.duration" % a)
    marks = d.execute_script("return Array.from(document.querySelectorAll('.marks .mark'))"
                             ".map(function (m) { return parseFloat(m.style.left); });")
    ok(len(marks) == len(chaps) - 1 and all(abs(m - 100 * c[0] / dur) < 0.5 for m, c in zip(marks, chaps[1:])),
       "the progress bar marks each chapter where it starts (%d marks)" % len(marks))
    d.execute_script("var r = document.getElementById('seek'); r.value = arguments[0];"
                     "r.dispatchEvent(new Event('input'));", str(int(chaps[2][0]) + 2))
    got = d.execute_script("return %s.currentTime" % a)
    ok(abs(got - (int(chaps[2][0]) + 2)) < 0.5, "moving the progress bar seeks (%.1f)" % got)
    ok(wait(d, "return document.getElementById('now-chapter').textContent === arguments[0]"
               .replace("arguments[0]", json.dumps(chaps[2][1])), 3),
       "the current chapter is named in the player (%s)" % chaps[2][1])
    d.execute_script(a + ".play();")
    ok(wait(d, "return document.title.indexOf(%s) === 0" % json.dumps(chaps[2][1]), 4),
       "while playing, the document's title starts with the chapter's (%s)" % d.title)
    d.execute_script(a + ".pause();")
    ok(wait(d, "return document.title.indexOf(%s) !== 0" % json.dumps(chaps[2][1]), 4),
       "paused, the page's own title again")
    # the keys, from the page (not a field)
    d.execute_script("document.activeElement.blur(); %s.currentTime = 60;" % a)
    wait(d, "return Math.abs(%s.currentTime - 60) < 0.1" % a, 4)
    body = d.find_element(By.TAG_NAME, "body")
    body.send_keys("j")
    k1 = d.execute_script("return %s.currentTime" % a)
    body.send_keys(Keys.ARROW_RIGHT)
    k2 = d.execute_script("return %s.currentTime" % a)
    body.send_keys("k")
    k3 = wait(d, "return !%s.paused" % a, 4)
    body.send_keys(" ")
    k4 = wait(d, "return %s.paused" % a, 4)
    ok(abs(k1 - 45) < 0.3 and abs(k2 - 75) < 0.5 and k3 and k4,
       "keys: J back 15 s, Right forward 30 s, K plays, Space pauses (%.1f, %.1f)" % (k1, k2))
    # share at the current time, then open that link
    d.execute_script(a + ".currentTime = 90.4;")
    wait(d, "return Math.abs(%s.currentTime - 90.4) < 0.1" % a, 4)
    d.find_element(By.ID, "share").click()
    url = d.find_element(By.ID, "share-url").get_attribute("value")
    ok(url == BASE + "/" + en + "#t=1m30s", "share gives the page's link at the current time (%s)" % url)
    d.get("about:blank")
    d.get(url)
    # it starts at 90 s and may have played on by the time it is looked at
    ok(wait(d, "return %s.readyState >= 1 && %s.currentTime >= 89.5 && %s.currentTime < 100" % (a, a, a), 8),
       "and that link (#t=1m30s) starts the player there (%.2f)" % d.execute_script("return %s.currentTime" % a))
    d.execute_script(a + ".pause();")
    axe(d, "an episode page with the player")


def every_page(d):
    """Each page (the index, English, Chinese, two hosts), light and dark on
    a desktop, light on a phone (dark has the desktop's colours): axe finds
    nothing; a screenshot of each."""
    pages = feed_pages()
    named = [("index", ""), ("en", [p for p in pages if "kernel-weekly" in p][0]),
             ("zh", [p for p in pages if "-zh" in p][0]),
             ("two-hosts", [p for p in pages if "two-hosts" in p][0])]
    for size, (w, h), schemes in (("desktop", (1200, 1000), ("light", "dark")),
                                  ("phone", (390, 844), ("light",))):
        d.set_window_size(w, h)
        for scheme in schemes:
            d.execute_cdp_cmd("Emulation.setEmulatedMedia",
                              {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for name, path in named:
                d.get("about:blank")
                d.get(BASE + "/" + path)
                wait(d, "return document.readyState == 'complete'", 5)
                time.sleep(0.2)
                axe(d, "%s, %s, %s" % (name, size, scheme))
                d.save_screenshot(os.path.join(SHOTS, "site-%s-%s-%s.png" % (name, size, scheme)))
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    d.set_window_size(1200, 1000)


def two_hosts(d):
    """Cast and credits, the episode's own artwork."""
    pages = feed_pages()
    two = [p for p in pages if "two-hosts" in p][0]
    d.get(BASE + "/" + two)
    cast = d.execute_script("return Array.from(document.querySelectorAll('.cast li'))"
                            ".map(function (l) { return l.querySelector('.name').textContent + ' '"
                            " + l.querySelector('.role').textContent; });")
    ok(cast == ["Ana host", "Ben co-host"], "the cast: each speaker with their role (%s)" % cast)
    bios = d.execute_script("return Array.from(document.querySelectorAll('.cast .bio'))"
                            ".map(function (b) { return b.textContent; });")
    ok(len(bios) == 2 and bios[0].startswith("Ana maintains"), "the cast: the bios from the show settings")
    ok(wait(d, "var i = document.querySelector('.cast img.person'); return i && i.complete && i.naturalWidth > 0", 5),
       "the cast: Ana's picture shows")
    og = d.execute_script("return document.querySelector('meta[property=\"og:image\"]').content")
    ok(og == BASE + "/art/rt.png", "og:image is the episode's own artwork (%s)" % og)
    ok(wait(d, "var i = document.querySelector('.head img.art'); return i && i.complete && i.naturalWidth > 0", 5),
       "the page shows it")
    en = [p for p in pages if "kernel-weekly" in p][0]
    d.get(BASE + "/" + en)
    og = d.execute_script("return document.querySelector('meta[property=\"og:image\"]').content")
    ok("/cover." in og, "an episode without its own: the show's artwork (%s)" % og)
    # the page's cast is the feed's podcast:person of the item
    P = "{https://podcastindex.org/namespace/1.0}"
    for item in ET.parse(os.path.join(SITE, "feed.xml")).getroot().iter("item"):
        page = item.find("link").text
        want = ["%s %s" % (p.text, p.get("role")) for p in item.findall(P + "person")]
        d.get(page)
        got = d.execute_script("return Array.from(document.querySelectorAll('.cast li'))"
                               ".map(function (l) { return l.querySelector('.name').textContent + ' '"
                               " + l.querySelector('.role').textContent; });")
        if d.execute_script("return document.documentElement.lang") == "en":
            ok(got == want, "the page's cast is the feed's podcast:person (%s)" % want)


def embed(d):
    """The embed page plays in an iframe on a page served from another port,
    found as another site finds it: the episode page's oEmbed link."""
    import http.server
    import socket
    import threading
    import urllib.request
    pages = feed_pages()
    en = [p for p in pages if "kernel-weekly" in p][0]
    d.get(BASE + "/" + en)
    link = d.execute_script("var l = document.querySelector('link[rel=alternate][type=\"application/json+oembed\"]');"
                            "return l && l.href;")
    ok(bool(link), "the episode page names its oEmbed document (%s)" % link)
    doc = json.load(urllib.request.urlopen(link)) if link else {}
    ok(doc.get("version") == "1.0" and doc.get("type") == "rich" and "<iframe" in doc.get("html", ""),
       "an oEmbed 1.0 rich document with the iframe")
    code = d.execute_script("return document.getElementById('embed-code').value")
    ok(code == doc.get("html"), "the page's embed code is the oEmbed html")
    post = ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>A post</title></head>"
            "<body><h1>A post on another site</h1>%s</body></html>" % doc.get("html", "")).encode()

    class H(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(post)

        def log_message(self, *a):
            pass
    srv = http.server.HTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    other = "http://127.0.0.1:%d/" % srv.server_address[1]
    try:
        d.get(other)
        frame = d.find_element(By.TAG_NAME, "iframe")
        d.switch_to.frame(frame)
        ok(wait(d, "return document.getElementById('player') && document.getElementById('player').readyState >= 1", 8),
           "in an iframe on another port (%s) the embed page loads the audio" % other)
        d.find_element(By.ID, "play").click()
        ok(wait(d, "var a = document.getElementById('player'); return !a.paused && a.currentTime > 0.3", 8),
           "...and plays from its play button")
        d.execute_script("document.getElementById('player').pause();")
        axe(d, "the embed page")
        d.switch_to.default_content()
    finally:
        srv.shutdown()


def feed_pages():
    """The episode pages the feed links, relative to the site root."""
    root = ET.parse(os.path.join(SITE, "feed.xml")).getroot()
    link = root.find("channel/link").text.rstrip("/")
    return sorted(i.find("link").text[len(link) + 1:] for i in root.iter("item"))


def main():
    d = start_browser(extra=("--disable-quic",))
    d.set_script_timeout(30)
    try:
        run(d)
    finally:
        d.quit()
    nojs(BASE, [p for p in feed_pages() if "kernel-weekly" in p][0])


def run(d):
    # ---- the index ----
    d.get(BASE + "/")
    links = d.execute_script(
        "return Array.from(document.querySelectorAll('.episodes a'))"
        ".map(function (a) { return a.getAttribute('href'); });")
    pages = feed_pages()
    ok(sorted(links) == pages and len(pages) >= 2,
       "the index links every episode of the feed (%d) and no other" % len(pages))
    ok(d.execute_script("return !document.querySelector('button.copy').hidden"),
       "the copy button is shown when JavaScript runs")
    d.save_screenshot(os.path.join(SHOTS, "site-index.png"))
    axe(d, "the index")
    errs = console_errors(d)
    ok(not errs, "no console errors on the index %s" % (errs[:2] if errs else ""))

    # ---- an episode page ----
    en = [p for p in pages if "kernel-weekly" in p][0]
    d.get(BASE + "/" + en)
    ok(wait(d, "return document.querySelectorAll('#transcript .w').length > 100"),
       "the word timings are read and the words marked in the transcript")
    ok(wait(d, "return document.getElementById('player').readyState >= 1"),
       "the player loads the audio")
    words = json.load(open(os.path.join(SITE, en.replace(".html", ".words.json")),
                           encoding="utf-8"))["segments"]
    nwords = d.execute_script("return document.querySelectorAll('#transcript .w').length")
    ok(nwords >= 0.95 * len(words),
       "almost every word of the JSON is found in the sentences (%d of %d)" % (nwords, len(words)))

    # a chapter click
    chap = d.find_elements(By.CSS_SELECTOR, ".chapters a[data-start]")
    ok(len(chap) >= 3, "the page lists the chapters (%d)" % len(chap))
    target = chap[2]
    want = float(target.get_attribute("data-start"))
    target.click()
    got = d.execute_script("var a = document.getElementById('player'); a.pause(); return a.currentTime;")
    ok(abs(got - want) < 0.3, "clicking a chapter moves the player to its start (%.2f, want %.2f)" %
       (got, want))
    ok(d.execute_script("return document.querySelector('.chapters li.current a') === arguments[0]",
                        target), "that chapter is marked as the current one")

    # a sentence click
    cue = d.find_elements(By.CSS_SELECTOR, "#transcript .cue")[12]
    want = float(cue.get_attribute("data-start"))
    d.execute_script("arguments[0].scrollIntoView({block: 'center'});", cue)
    cue.click()
    got = d.execute_script("var a = document.getElementById('player'); a.pause(); return a.currentTime;")
    ok(abs(got - want) < 0.3, "clicking a sentence moves the player to its cue (%.2f, cue at %.2f)" %
       (got, want))

    # the keyboard: into the transcript, down a sentence, Enter
    from selenium.webdriver.common.keys import Keys
    d.execute_script("var a = document.getElementById('player'); a.pause(); a.currentTime = 0;")
    d.execute_script("document.getElementById('transcript').focus();")
    box_el = d.find_element(By.ID, "transcript")
    box_el.send_keys(Keys.ARROW_DOWN)
    box_el.send_keys(Keys.ARROW_DOWN)
    focused = d.execute_script("var e = document.activeElement; return e.classList.contains('cue') ? +e.dataset.start : -1;")
    d.switch_to.active_element.send_keys(Keys.ENTER)
    got = d.execute_script("var a = document.getElementById('player'); a.pause(); return a.currentTime;")
    ok(focused > 0 and abs(got - focused) < 0.3,
       "with the keyboard: arrows move to a sentence, Enter plays from it (%.2f, at %.2f)" % (got, focused))

    # playback: the highlight follows the audio (from 36 s, inside the first
    # paragraph's run of short words: at 30 s Flite is still saying the
    # heading's "6.18-rc6", one written word for three seconds)
    d.execute_script("var a = document.getElementById('player'); a.currentTime = 36; a.play();")
    ok(wait(d, "var a = document.getElementById('player'); return !a.paused && a.currentTime > 36.3", 8),
       "the audio plays")
    samples = []
    for _ in range(6):
        time.sleep(0.35)
        samples.append(d.execute_script(
            "var a = document.getElementById('player'), c = document.querySelector('#transcript .cue.current'),"
            " w = document.querySelector('#transcript .w.current');"
            "return {t: a.currentTime, c0: c ? +c.dataset.start : -1, c1: c ? +c.dataset.end : -1,"
            " w: w ? +w.dataset.i : -1, text: w ? w.textContent : ''};"))
    d.execute_script("document.getElementById('transcript-h').scrollIntoView();")
    time.sleep(0.2)
    d.save_screenshot(os.path.join(SHOTS, "site-episode-playing.png"))
    d.execute_script("document.getElementById('player').pause();")
    starts = d.execute_script("return Array.from(document.querySelectorAll('#transcript .cue'))"
                              ".map(function (c) { return +c.dataset.start; });")
    # the sentence being spoken (or in the pause after it, the last one), to within 0.3 s
    def next_start(c0):
        later = [x for x in starts if x > c0 + 0.0005]
        return min(later) if later else float("inf")
    cue_ok = all(s["c0"] >= 0 and s["c0"] - 0.3 <= s["t"] <= next_start(s["c0"]) + 0.3
                 for s in samples)
    ok(cue_ok, "while playing, the highlighted sentence is the one being spoken %s" %
       ("" if cue_ok else samples))
    # the i-th word span on the page is not necessarily the i-th of the JSON
    # when a word was not found; look the word up by its text and time
    word_ok = True
    for s in samples:
        if s["w"] < 0:
            continue  # between words (a pause)
        near = [w for w in words if w["body"] == s["text"] and
                w["startTime"] - 0.3 <= s["t"] <= w["endTime"] + 0.3]
        if not near:
            word_ok = False
            print("# highlighted %r at %.2f" % (s["text"], s["t"]))
    marked = [s for s in samples if s["w"] >= 0]
    ok(word_ok and len(marked) >= 3 and len(set(s["w"] for s in marked)) >= 2,
       "the highlighted word follows, within 0.3 s of its time in the JSON transcript "
       "(%d samples)" % len(marked))

    # speed
    d.execute_script("var s = document.getElementById('speed'); s.value = '1.5';"
                     "s.dispatchEvent(new Event('change'));")
    ok(d.execute_script("return document.getElementById('player').playbackRate") == 1.5,
       "the speed control sets the playback rate")

    # search
    box = d.find_element(By.ID, "search")
    box.send_keys("regression")
    hits = d.execute_script("return Array.from(document.querySelectorAll('#transcript .hit'))"
                            ".map(function (e) { return e.textContent; });")
    ok(len(hits) >= 1 and all("regression" in h.lower() for h in hits),
       "searching the transcript finds the word (%d hits)" % len(hits))
    ok(d.find_element(By.ID, "hits").text.startswith(str(len(hits))),
       "and says how many")
    box.clear()

    errs = console_errors(d)
    ok(not errs, "no console errors on an episode page %s" % (errs[:2] if errs else ""))
    d.execute_script("var a = document.getElementById('player'); a.currentTime = 40;"
                     "document.getElementById('search').value = 'stable';"
                     "document.getElementById('search').dispatchEvent(new Event('input'));"
                     "window.scrollTo(0, 0);")
    d.save_screenshot(os.path.join(SHOTS, "site-episode.png"))
    axe(d, "an episode page")

    # deep links
    for frag, want in (("#t=95", 95.0), ("#t=1:30", 90.0), ("#t=0:02:05.5", 125.5)):
        d.get("about:blank")
        d.get(BASE + "/" + en + frag)
        # (where it started: a loaded machine may poll after playing has moved on)
        ok(wait(d, "var a = document.getElementById('player'), w = %f;"
                   "return a.readyState >= 1 && (Math.abs(a.currentTime - w) < 0.5 ||"
                   " (a.played.length > 0 && Math.abs(a.played.start(0) - w) < 0.5));" % want, 8),
           "%s starts the player at %.1f s (at %.2f)" % (frag, want, d.execute_script(
               "return document.getElementById('player').currentTime")))
    d.execute_script("document.getElementById('player').pause();")

    defects_en(d, en)
    player(d, en)

    # a phone
    d.set_window_size(390, 844)
    d.get(BASE + "/" + en)
    time.sleep(0.3)
    ok(d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"),
       "no sideways scrolling on a phone-sized screen")
    d.save_screenshot(os.path.join(SHOTS, "site-episode-phone.png"))

    # layout shift on a phone: the page must not move once its script has run
    d.get("about:blank")
    d.get(BASE + "/" + en)
    time.sleep(1.5)
    cls = layout_shift(d)
    ok(cls < 0.05, "layout shift on a phone after load is under 0.05 (CLS %.3f)" % cls)
    # on a slow network the page is drawn before podsynth.js runs: what the
    # script adds must not move what is already there
    where = ("return Array.from(document.querySelectorAll('main h2'))"
             ".map(function (h) { return Math.round(h.getBoundingClientRect().top + scrollY); });")
    with_js = d.execute_script(where)
    d.execute_cdp_cmd("Network.enable", {})
    d.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*podsynth.js"]})
    d.get("about:blank")
    d.get(BASE + "/" + en)
    time.sleep(0.5)
    before_js = d.execute_script(where)
    d.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    ok(with_js == before_js, "on a phone, nothing moves when the script runs (sections at %s, before it %s)"
       % (with_js, before_js))
    d.set_window_size(1200, 1000)

    # ---- the Chinese episode ----
    zh = [p for p in pages if "-zh" in p][0]
    d.get(BASE + "/" + zh)
    ok(d.execute_script("return document.documentElement.lang") == "zh",
       "the Chinese episode's page is lang=\"zh\"")
    h1 = d.find_element(By.TAG_NAME, "h1").text
    want = None
    for line in open(os.path.join(os.environ["PROJ"], "episodes",
                                  os.path.basename(zh).replace(".html", ".md")), encoding="utf-8"):
        if line.startswith("title:"):
            want = line.split(":", 1)[1].strip().strip('"')
            break
    ok(h1 == want and any("\u4e00" <= ch <= "\u9fff" for ch in h1),
       "its title shows the Chinese text as written (%s)" % h1)
    ok(wait(d, "return document.querySelectorAll('#transcript .w').length > 20"),
       "its transcript words are marked too")
    defects_zh(d, zh)
    one_text(d, en, [p for p in pages if "two-hosts" in p][0])
    d.get(BASE + "/" + zh)
    d.save_screenshot(os.path.join(SHOTS, "site-episode-zh.png"))
    errs = console_errors(d)
    ok(not errs, "no console errors on the Chinese page %s" % (errs[:2] if errs else ""))
    two_hosts(d)
    embed(d)
    every_page(d)


if __name__ == "__main__":
    main()
    sys.exit(1 if lib_browser.failed else 0)
