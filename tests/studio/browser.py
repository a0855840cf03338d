#!/usr/bin/python3
"""tests/studio/browser.py BASE_URL EPISODE SHOT_DIR AXE_JS: the studio as
contributors and the editor use it, in Debian's chromium (headless,
chromium-driver, python3-selenium), from sign-in to the published episode.
ana signs in, fills in her profile, claims a thread, writes a summary and
saves it into the episode file, hears it (the audio plays and the
highlighted word moves with it), hears it again from the cache, sees the
word the normaliser guessed marked, fixes its pronunciation from there and
hears the change; ben, in another browser, sees her claim and her summary;
eve, the editor, orders the episode, writes the welcome and publishes it;
the episode's page (opened in the browser) and the feed show the summary,
the welcome and ana credited as a writer. axe-core finds no violation on
any page; the browser logs no error (a CSP violation would be one).
Screenshots go to SHOT_DIR. Prints "ok - " / "not ok - " lines."""
import os
import re
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from lib_browser import axe_violations, console_errors, ok, start_browser, wait  # noqa: E402
import lib_browser  # noqa: E402

BASE, EPISODE, SHOTS, AXE = sys.argv[1:5]
THREAD_TITLE = "v1: perf build: Add system include paths to BPF builds"


def axe(d, what):
    res = axe_violations(d, AXE)
    ok(not res, "axe-core: no violation on %s (%d)" % (what, len(res)))


def errors(d, what):
    bad = console_errors(d)
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

    # her profile: what the episode will credit her with
    d.find_element(By.LINK_TEXT, "Your profile").click()
    ok(wait(d, "return document.querySelector('h1').textContent === 'Your profile'"), "ana opens her profile")
    d.find_element(By.ID, "fullname").send_keys("Ana Lima")
    d.find_element(By.ID, "bio").send_keys("Ana follows the perf tools and BPF.")
    d.find_element(By.ID, "links").send_keys("https://ana.example.org/")
    d.find_element(By.ID, "save-profile").click()
    ok(wait(d, "var n = document.querySelector('.notice'); return n && n.textContent === 'Saved.'"), "she saves it")
    axe(d, "the profile page")
    d.get(BASE + "/")

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
    ok(area.get_attribute("value").startswith("Ian Rogers posted [a two-patch series"),
       "the editor starts from the draft's sentence for the thread: " + area.get_attribute("value")[:60])
    area.clear()
    text = ("Ian Rogers makes perf build its BPF programs with the system include paths, "
            "so the skelgen skeletons build on Debian again.\n\nIt is queued for v6.19-rc1.")
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

    # the word the normaliser guessed is marked; fix it from there and hear the change
    d.execute_script("var a = document.getElementById('summary'); a.focus(); a.setSelectionRange(5, 5);")
    d.find_element(By.ID, "hear").click()
    ok(wait(d, "return /Ian Rogers makes/.test(document.getElementById('spoken').textContent)", 15),
       "the first paragraph is heard again")
    marked = d.execute_script("return Array.from(document.querySelectorAll('#spoken span.guess')).map(function (s) { return s.textContent; })")
    ok(marked == ["skelgen"], "what will be said marks the word it guessed, and only it: %s" % marked)
    ok(d.execute_script("return !document.getElementById('guesses').hidden"), "the guessed words are listed beside it")
    # the whole page, playing, for the README (docs/studio.png is taken from it)
    d.set_window_size(1200, 1450)
    d.execute_script("window.scrollTo(0, 0); var a = document.getElementById('player'); a.currentTime = 1.5; a.play();")
    wait(d, "var a = document.getElementById('player'); return a.currentTime > 1.8 && document.querySelector('#spoken span.now')", 10)
    d.execute_script("document.getElementById('player').pause();")
    d.save_screenshot(os.path.join(SHOTS, "studio-readme.png"))
    d.set_window_size(1200, 1000)
    d.find_element(By.CSS_SELECTOR, "button[aria-label='Fix the pronunciation of skelgen']").click()
    ok(d.find_element(By.ID, "word").get_attribute("value") == "skelgen" and
       d.switch_to.active_element == d.find_element(By.ID, "say"),
       "its button fills in 'fix a pronunciation' with the word and goes to 'say it as'")
    d.save_screenshot(os.path.join(SHOTS, "studio-thread-guessed.png"))
    say = d.find_element(By.ID, "say")
    say.clear()
    say.send_keys("skeleton generator", Keys.ENTER)
    ok(wait(d, "return /In the show's lexicon: skelgen is said skeleton generator/.test(document.getElementById('fix-status').textContent)"),
       "the pronunciation is fixed from the page")
    ok(wait(d, "return /skeleton generator skeletons/.test(document.getElementById('spoken').textContent) &&"
               " /^Synthesised in/.test(document.getElementById('hear-status').textContent)", 15),
       "and heard again at once, newly synthesised: " + d.find_element(By.ID, "spoken").text[:120])
    ok(d.execute_script("return document.querySelectorAll('#spoken span.guess').length === 0 && document.getElementById('guesses').hidden"),
       "nothing is guessed any more")
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

    # the welcome
    WELCOME = "Welcome to Kernel Weekly 47: two threads, both written in the studio."
    w = d.find_element(By.ID, "welcome")
    w.clear()
    w.send_keys(WELCOME)
    d.find_element(By.ID, "save-welcome").click()
    ok(wait(d, "var n = document.querySelector('.notice'); return n && n.textContent === 'The welcome is in the episode.'"),
       "she writes the welcome")
    ok(episode().split("\n---\n", 1)[1].lstrip("\n").startswith(WELCOME), "it opens the episode file")
    d.save_screenshot(os.path.join(SHOTS, "studio-episode.png"))
    axe(d, "the episode's page with the welcome")

    d.find_element(By.LINK_TEXT, "People").click()
    ok(wait(d, "return document.querySelector('h1').textContent === 'People'"), "the editor opens the people page")
    ok("Ana follows the perf tools and BPF." in d.find_element(By.TAG_NAME, "table").text, "she sees ana's bio")
    axe(d, "the people page")

    # publish, and watch it
    d.find_element(By.LINK_TEXT, "Publish").click()
    ok(wait(d, "return document.querySelector('h1').textContent === 'Publish'"), "the editor opens the publish page")
    axe(d, "the publish page")
    d.find_element(By.ID, "publish").click()
    ok(wait(d, "var s = document.getElementById('publish-state'); return s && s.dataset.state !== 'running' && s.dataset.state !== 'not started'", 400),
       "the publish runs to its end, the page following it")
    state = d.find_element(By.ID, "publish-state").get_attribute("data-state")
    ok(state == "done", "and ends well (%s)" % state)
    d.save_screenshot(os.path.join(SHOTS, "studio-published.png"))
    axe(d, "the publish page after publishing")
    errors(d, "the editor's pages")

    # the result: the episode's page and the feed
    rss = os.path.join(os.path.dirname(os.path.abspath(EPISODE)), "..", "rss")
    slug = os.path.basename(EPISODE)[:-3]
    d.get("file://" + os.path.abspath(os.path.join(rss, "episodes", slug + ".html")))
    body = d.find_element(By.TAG_NAME, "body").text
    ok("so the skelgen skeletons build on Debian again" in body and WELCOME in body,
       "the episode's page has ana's summary and the welcome")
    cast = d.execute_script("var c = document.querySelector('section.cast li.writer'); return c ? c.textContent : ''")
    ok(cast.startswith("Ana Lima writer Ana follows the perf tools and BPF."), "its credits name ana as a writer: " + cast)
    d.execute_script("document.querySelector('section.cast').scrollIntoView();")
    d.save_screenshot(os.path.join(SHOTS, "studio-result-page.png"))
    axe(d, "the published episode's page")
    feed = open(os.path.join(rss, "feed.xml"), encoding="utf-8").read()
    item = re.search(r"<item>(?:(?!</item>).)*Kernel Weekly 47: two threads.*?</item>", feed, re.S)
    item = item.group(0) if item else ""
    ok('<podcast:person role="writer" group="writing" href="https://ana.example.org/">Ana Lima</podcast:person>' in item,
       "the feed's item credits ana as a writer")
    ok(item.count('role="writer"') == 1, "and no one else (ben and eve wrote no summary in it)")
finally:
    d.quit()
sys.exit(1 if lib_browser.failed else 0)
