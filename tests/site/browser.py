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
import tempfile
import time
import xml.etree.ElementTree as ET

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, SITE, SHOTS, AXE = sys.argv[1:5]
failed = 0


def ok(cond, what):
    global failed
    print(("ok - " if cond else "not ok - ") + what, flush=True)
    if not cond:
        failed += 1


def start_browser():
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
              "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--mute-audio",
              "--autoplay-policy=no-user-gesture-required", "--window-size=1200,1000",
              "--user-data-dir=" + tempfile.mkdtemp(prefix="podsynth-chromium.")):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def console_errors(d):
    return [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]


def axe(d, what):
    with open(AXE, encoding="utf-8") as f:
        d.execute_script(f.read())
    res = d.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        " done(r.violations.map(function (v) {"
        "  return {id: v.id, impact: v.impact, n: v.nodes.length,"
        "          html: v.nodes[0] ? v.nodes[0].html.slice(0, 120) : ''}; })); },"
        " function (e) { done([{id: 'axe failed: ' + e, impact: 'critical', n: 0}]); });")
    bad = [v for v in res if v["impact"] in ("serious", "critical")]
    for v in bad:
        print("# axe: %s (%s) x%d: %s" % (v["id"], v["impact"], v["n"], v.get("html", "")))
    ok(not bad, "axe-core: no serious or critical violation on %s (%d minor)" %
       (what, len(res) - len(bad)))


def wait(d, script, secs=10):
    try:
        WebDriverWait(d, secs, poll_frequency=0.05).until(lambda x: x.execute_script(script))
        return True
    except Exception:
        return False


def feed_pages():
    """The episode pages the feed links, relative to the site root."""
    root = ET.parse(os.path.join(SITE, "feed.xml")).getroot()
    link = root.find("channel/link").text.rstrip("/")
    return sorted(i.find("link").text[len(link) + 1:] for i in root.iter("item"))


def main():
    d = start_browser()
    d.set_script_timeout(30)
    try:
        run(d)
    finally:
        d.quit()


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
        ok(wait(d, "var a = document.getElementById('player');"
                   "return a.readyState >= 1 && Math.abs(a.currentTime - %f) < 0.5;" % want, 8),
           "%s starts the player at %.1f s (at %.2f)" % (frag, want, d.execute_script(
               "return document.getElementById('player').currentTime")))
    d.execute_script("document.getElementById('player').pause();")

    # a phone
    d.set_window_size(390, 844)
    d.get(BASE + "/" + en)
    time.sleep(0.3)
    ok(d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"),
       "no sideways scrolling on a phone-sized screen")
    d.save_screenshot(os.path.join(SHOTS, "site-episode-phone.png"))
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
    d.save_screenshot(os.path.join(SHOTS, "site-episode-zh.png"))
    errs = console_errors(d)
    ok(not errs, "no console errors on the Chinese page %s" % (errs[:2] if errs else ""))


if __name__ == "__main__":
    main()
    sys.exit(1 if failed else 0)
