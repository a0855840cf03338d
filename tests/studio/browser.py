#!/usr/bin/python3
"""tests/studio/browser.py BASE_URL EPISODE SHOT_DIR AXE_JS: the studio as
contributors use it, in Debian's chromium (headless, chromium-driver,
python3-selenium). ana signs in, claims a thread, writes a summary and saves
it into the episode file, hears it (the audio plays and the highlighted word
moves with it), hears it again from the cache; ben, in another browser,
sees her claim and her summary. axe-core finds no violation on any page; the
browser logs no error (a CSP violation would be one). Screenshots go to
SHOT_DIR. Prints "ok - " / "not ok - " lines."""
import os
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

BASE, EPISODE, SHOTS, AXE = sys.argv[1:5]
THREAD_TITLE = "v1: perf build: Add system include paths to BPF builds"
failed = 0


def ok(cond, what):
    global failed
    print(("ok - " if cond else "not ok - ") + what, flush=True)
    if not cond:
        failed += 1


def start_browser():
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--mute-audio", "--autoplay-policy=no-user-gesture-required", "--window-size=1200,1000",
              "--user-data-dir=" + tempfile.mkdtemp(prefix="podsynth-chromium.")):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def wait(d, script, secs=10):
    try:
        WebDriverWait(d, secs, poll_frequency=0.05).until(lambda x: x.execute_script(script))
        return True
    except Exception:
        return False


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
    for v in res:
        print("# axe: %s (%s) x%d: %s" % (v["id"], v["impact"], v["n"], v.get("html", "")))
    ok(not res, "axe-core: no violation on %s (%d)" % (what, len(res)))


def errors(d, what):
    bad = [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]
    for e in bad:
        print("# console: " + e.get("message", "")[:200])
    ok(not bad, "no console error on %s" % what)


def sign_in(d, name):
    d.get(BASE + "/")
    ok(d.current_url.endswith("/login"), "%s: the studio sends to the sign-in page" % name)
    d.find_element(By.ID, "name").send_keys(name)
    d.find_element(By.ID, "password").send_keys("correct horse battery", Keys.ENTER)
    ok(wait(d, "return document.querySelector('h1') && document.querySelector('h1').textContent === \"The week's threads\""),
       "%s signs in and sees the week" % name)


def row_of(d, title):
    return d.execute_script(
        "var t = arguments[0];"
        "var r = Array.from(document.querySelectorAll('table.week tbody tr')).find("
        " function (r) { return r.cells[0].textContent === t; });"
        "return r ? [r.cells[1].textContent, r.cells[2].textContent] : null;", title)


def episode():
    with open(EPISODE, encoding="utf-8") as f:
        return f.read()


d = start_browser()
try:
    d.get(BASE + "/login")
    axe(d, "the sign-in page")
    d.save_screenshot(os.path.join(SHOTS, "studio-login.png"))
    sign_in(d, "ana")
    axe(d, "the week")
    d.save_screenshot(os.path.join(SHOTS, "studio-week.png"))

    # claim a thread
    d.find_element(By.LINK_TEXT, THREAD_TITLE).click()
    ok(wait(d, "return document.querySelector('h1').textContent === arguments[0]".replace("arguments[0]", repr(THREAD_TITLE))),
       "the thread page opens")
    ok("The headers in tools/include" in d.find_element(By.CSS_SELECTOR, "section.messages").text,
       "its messages are beside the editor")
    d.find_element(By.ID, "claim").click()
    ok(wait(d, "return document.querySelector('.claim').textContent === 'Claimed by ana.'"), "ana claims it")

    # write and save
    area = d.find_element(By.ID, "summary")
    area.clear()
    text = ("Ian Rogers makes perf build its BPF programs with the system include paths, "
            "so the skeletons build on Debian again.\n\nIt is queued for v6.19-rc1.")
    area.send_keys(text)
    area.send_keys("\n\nSee ![the graph](graph.png).")
    ok(wait(d, "var c = document.querySelectorAll('#check li'); return c.length === 1 && c[0].textContent === 'Line 5: note: image not spoken: \"the graph\"'", 10),
       "check as you type: the image is noted at its line (%s)" % d.find_element(By.ID, "check").text)
    for _ in range(len("\n\nSee ![the graph](graph.png).")):
        area.send_keys(Keys.BACKSPACE)
    ok(wait(d, "return document.querySelectorAll('#check li').length === 0", 10), "and the note goes when the image does")
    d.find_element(By.ID, "save").click()
    ok(wait(d, "var n = document.querySelector('.notice'); return n && n.textContent === 'Saved into the episode.'"),
       "the summary is saved")
    ok(text in episode(), "it is in the episode file")
    ok(d.find_element(By.ID, "summary").get_attribute("value") == text, "the editor shows it from the file")
    axe(d, "the thread page")

    # hear the first paragraph: it plays and the highlight moves
    area = d.find_element(By.ID, "summary")
    d.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(10, 10);", area)
    t0 = time.time()
    d.find_element(By.ID, "hear").click()
    ok(wait(d, "return /^(Synthesised|From the cache) in/.test(document.getElementById('hear-status').textContent)", 15),
       "hearing it answers (%s)" % d.find_element(By.ID, "hear-status").text)
    print("# hear in the browser, click to answer: %.0f ms" % ((time.time() - t0) * 1000))
    spoken = d.find_element(By.ID, "spoken").text
    ok("perf" in spoken and "version" not in spoken and "Rogers" in spoken,
       "what will be said is the first paragraph's words: " + spoken[:80])
    ok(wait(d, "var a = document.getElementById('player'); return !a.paused && a.currentTime > 0.5", 10),
       "the audio element plays")
    first = d.execute_script("return Array.from(document.querySelectorAll('#spoken span')).findIndex(function (s) { return s.className === 'now'; })")
    ok(wait(d, "var a = document.getElementById('player'); return a.currentTime > 2.5", 10), "it keeps playing")
    later = d.execute_script("return Array.from(document.querySelectorAll('#spoken span')).findIndex(function (s) { return s.className === 'now'; })")
    d.execute_script("document.getElementById('summary').scrollIntoView();")
    d.save_screenshot(os.path.join(SHOTS, "studio-thread-playing.png"))
    ok(first >= 0 and later > first, "the highlighted word moves with the audio (word %d, then %d)" % (first, later))
    ok(d.execute_script("return document.querySelector('#spoken span.now').getAttribute('aria-current')") == "true",
       "the current word is aria-current")
    d.execute_script("document.getElementById('player').pause();")

    # again: from the cache
    t0 = time.time()
    d.find_element(By.ID, "hear").click()
    ok(wait(d, "return /^From the cache in/.test(document.getElementById('hear-status').textContent)", 10),
       "the unchanged paragraph is heard from the cache (%s)" % d.find_element(By.ID, "hear-status").text)
    print("# hear from the cache in the browser, click to answer: %.0f ms" % ((time.time() - t0) * 1000))
    d.execute_script("document.getElementById('player').pause();")

    # the second paragraph, where the cursor is
    d.execute_script("var a = document.getElementById('summary'); a.focus(); a.setSelectionRange(a.value.length - 3, a.value.length - 3);")
    d.find_element(By.ID, "hear").click()
    ok(wait(d, "return /version six point nineteen/.test(document.getElementById('spoken').textContent)", 15),
       "the paragraph at the cursor is the one heard: " + d.find_element(By.ID, "spoken").text[:60])
    d.execute_script("document.getElementById('player').pause();")

    # fix a pronunciation and hear the change
    d.execute_script("var a = document.getElementById('summary'); a.focus(); a.setSelectionRange(5, 5);")
    d.find_element(By.ID, "hear").click()
    ok(wait(d, "return /Ian Rogers makes/.test(document.getElementById('spoken').textContent)", 15),
       "the first paragraph is heard again")
    d.find_element(By.ID, "word").send_keys("Rogers")
    d.find_element(By.ID, "say").send_keys("Rodgers", Keys.ENTER)
    ok(wait(d, "return /In the show's lexicon: Rogers is said Rodgers/.test(document.getElementById('fix-status').textContent)"),
       "the pronunciation is fixed from the page")
    ok(wait(d, "return /Ian Rodgers makes/.test(document.getElementById('spoken').textContent) &&"
               " /^Synthesised in/.test(document.getElementById('hear-status').textContent)", 15),
       "and heard again at once, newly synthesised: " + d.find_element(By.ID, "spoken").text[:40])
    ok(wait(d, "var a = document.getElementById('player'); return !a.paused && a.currentTime > 0.3", 10),
       "the changed paragraph plays")
    d.execute_script("document.getElementById('player').pause(); document.getElementById('fix').scrollIntoView();")
    d.save_screenshot(os.path.join(SHOTS, "studio-thread-fixed.png"))
    axe(d, "the thread page after hearing and fixing")
    errors(d, "ana's pages")
finally:
    d.quit()

# a second contributor sees the claim and the summary
d = start_browser()
try:
    sign_in(d, "ben")
    row = row_of(d, THREAD_TITLE)
    ok(row == ["written", "ana"], "ben sees the thread written by ana: %s" % row)
    d.find_element(By.LINK_TEXT, THREAD_TITLE).click()
    ok(wait(d, "return document.querySelector('.claim') && document.querySelector('.claim').textContent === 'Written by ana.'"),
       "and on its page, who wrote it")
    ok(len(d.find_elements(By.ID, "claim")) == 0, "with no claim button for him")
    d.save_screenshot(os.path.join(SHOTS, "studio-thread-ben.png"))
    errors(d, "ben's pages")
finally:
    d.quit()
# the editor orders the episode
d = start_browser()
try:
    sign_in(d, "eve")
    d.find_element(By.LINK_TEXT, "The episode").click()
    ok(wait(d, "return document.querySelector('h1').textContent === 'The episode'"), "the editor opens the episode's order")
    titles = lambda: d.execute_script("return Array.from(document.querySelectorAll('.outline h2, .outline .title')).map(function (e) { return e.textContent; })")
    before = titles()
    i = before.index(THREAD_TITLE)
    d.find_element(By.CSS_SELECTOR, "button[aria-label='Move up: %s']" % THREAD_TITLE).click()
    ok(wait(d, "var n = document.querySelector('.notice'); return n && n.textContent === 'Moved.'"), "she moves an item up")
    after = titles()
    ok(after[i - 1] == before[i] and after[i] == before[i - 1], "it is one place higher, past %s" % before[i - 1])
    axe(d, "the episode's order")
    d.save_screenshot(os.path.join(SHOTS, "studio-episode.png"))
    errors(d, "the editor's pages")
finally:
    d.quit()
sys.exit(1 if failed else 0)
