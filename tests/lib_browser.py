"""tests/lib_browser.py: what the Python test drivers share. ok() prints
tests/lib.sh's "ok - " / "not ok - " lines and counts the failures in
`failed` (tests/studio/client.py, web.py and publish.py use it too); the
browser tests (tests/site/browser.py, tests/studio/browser.py) start Debian's
chromium headless through chromium-driver and python3-selenium, wait for a
script to hold, read the console's errors and run axe-core.
A driver imports it with its own folder's parent on sys.path."""
import tempfile

failed = 0


def ok(cond, what):
    global failed
    print(("ok - " if cond else "not ok - ") + what, flush=True)
    if not cond:
        failed += 1


# every browser of the tests: quiet (no updates, sync or first-run pages),
# audio allowed to play without a click but muted, its own fresh profile
OPTIONS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--mute-audio", "--autoplay-policy=no-user-gesture-required", "--window-size=1200,1000")


def start_browser(extra=(), prefs=None):
    """chromium with OPTIONS and then the EXTRA arguments (and chromium PREFS),
    logging the browser console for console_errors()."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in OPTIONS + tuple(extra) + ("--user-data-dir=" + tempfile.mkdtemp(prefix="podsynth-chromium."),):
        o.add_argument(a)
    if prefs:
        o.add_experimental_option("prefs", prefs)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def wait(d, script, secs=10):
    """Whether SCRIPT returns true within SECS seconds."""
    from selenium.webdriver.support.ui import WebDriverWait
    try:
        WebDriverWait(d, secs, poll_frequency=0.05).until(lambda x: x.execute_script(script))
        return True
    except Exception:
        return False


def console_errors(d):
    """The console's errors since the last call."""
    return [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]


def axe_violations(d, axe_js):
    """axe-core (the file AXE_JS) run on the page: its violations, each
    printed as a "# axe:" line; an axe failure counts as a critical one."""
    with open(axe_js, encoding="utf-8") as f:
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
    return res
