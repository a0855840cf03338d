#!/usr/bin/env bash
# podsynth studio (issue 24): accounts from the command line, the server on
# loopback only by default, then tests/studio/web.py against it (sessions,
# CSRF, bounds, escaping, claims, saving with conflicts, hearing, ranges),
# and the server stopped by its PID.
. "$(dirname "$0")/lib.sh"

newproj
PY=/usr/bin/python3   # Debian's, with python3-selenium
cp "$TOP/tests/draft/fixtures/week.mboxrd" week.mbox
# the week's episode as podsynth draft writes it (web.py edits its drafted items in place)
"$PODSYNTH" draft --template "$TOP/src/templates/draft.en.md" --issue 47 week.mbox \
	-o episodes/2026-11-18-week.md 2>/dev/null
check "podsynth draft writes the week's episode" grep -q '^<!-- item: thp-lazy-1@example.org -->$' episodes/2026-11-18-week.md
cp "$TOP/tests/studio/evil.mbox" evil.mbox

# ---- accounts ----
check "studio user add makes a contributor" \
	bash -c "echo 'correct horse battery' | '$PODSYNTH' studio user add ana --role contributor 2>/dev/null"
echo 'correct horse battery' | "$PODSYNTH" studio user add ben --role contributor 2>/dev/null
echo 'correct horse battery' | "$PODSYNTH" studio user add eve --role editor 2>/dev/null
echo 'correct horse battery' | "$PODSYNTH" studio user add ana --role editor 2>err.txt
check "a taken name is refused" grep -q 'studio.db: error: user "ana" already exists' err.txt
echo 'correct horse battery' | "$PODSYNTH" studio user add cy --role boss 2>err.txt
check "a bad role is refused" grep -q 'error: bad role "boss"' err.txt
echo 'short' | "$PODSYNTH" studio user add cy --role editor 2>err.txt
check "a short password is refused" grep -q 'error: the password must be 8 to 1024 bytes' err.txt
hashes=$($PY -c 'import sqlite3; print(" ".join(r[0][:10] for r in sqlite3.connect("studio.db").execute("select hash from user")))')
check_eq "the database keeps Argon2id hashes" "$hashes" '$argon2id$ $argon2id$ $argon2id$'
check "...and not the passwords" bash -c "! grep -qa 'correct horse' studio.db*"
"$PODSYNTH" studio --episode episodes/2026-11-18-week.md --listen 999.1.2.3 week.mbox 2>err.txt
check "a bad --listen address is refused" grep -q 'error: --listen: "999.1.2.3" is not an IPv4 or IPv6 address' err.txt

# ---- writers: in an episode's front matter (the studio writes them; anyone may) ----
cat >episodes/2026-01-02-writers.md <<'MD'
---
title: Writers
writers:
  - name: Ana
    links: ["javascript:alert(1)"]
  - bio: no name
  - Ben Ode
---

Hello.
MD
"$PODSYNTH" check episodes/2026-01-02-writers.md >/dev/null 2>err.txt
check_eq "a bad writers: list fails check" "$?" 1
check "...naming a link that is not http(s) at its line" \
	grep -qF 'episodes/2026-01-02-writers.md:4: error: writers: link "javascript:alert(1)" is not an http(s) URL' err.txt
check "...and a writer without a name" grep -qF 'episodes/2026-01-02-writers.md:6: error: writers: each writer needs a name' err.txt
rm episodes/2026-01-02-writers.md

# ---- the server ----
# (a phrase whose synthesis hangs until the piece's time limit makes a long hearing for web.py)
PODSYNTH_TEST_HANG="slow paragraph" PODSYNTH_TIMEOUT=2 \
	"$PODSYNTH" studio --port 0 --episode episodes/2026-11-18-week.md week.mbox evil.mbox 2>server.log &
server=$!
for _ in $(seq 100); do grep -q '^studio: http' server.log && break; sleep 0.05; done
port=$(sed -n 's|^studio: http://127.0.0.1:\([0-9]*\)/$|\1|p' server.log)
check "it prints its loopback URL" test -n "$port"
hexport=$(printf '%04X' "${port:-0}")
check "it listens on 127.0.0.1 only (/proc/net/tcp)" \
	bash -c "grep -q ' 0100007F:$hexport 00000000:0000 0A ' /proc/net/tcp && ! grep -q ' 00000000:$hexport 00000000:0000 0A ' /proc/net/tcp"
timeout 400 $PY "$TOP/tests/studio/web.py" "$port" episodes/2026-11-18-week.md "$PROJ/voices/studio.lexicon"
check "the HTTP tests ran to the end" test $? = 0
kill -TERM "$server"
wait "$server"
check_eq "SIGTERM stops it cleanly" "$?" 0

# ---- publishing, on a one-thread episode (a build costs what the episode is long) ----
cp "$TOP/tests/studio/tiny.md" episodes/2026-11-20-tiny.md
for u in ana:contributor eve:editor; do echo 'correct horse battery' | "$PODSYNTH" studio user add ${u%%:*} --role ${u#*:} --db publish.db 2>/dev/null; done
"$PODSYNTH" studio --port 0 --db publish.db --episode episodes/2026-11-20-tiny.md week.mbox 2>server3.log &
server=$!
for _ in $(seq 100); do grep -q '^studio: http' server3.log && break; sleep 0.05; done
port=$(sed -n 's|^studio: http://127.0.0.1:\([0-9]*\)/$|\1|p' server3.log)
timeout 400 $PY "$TOP/tests/studio/publish.py" "$port" episodes/2026-11-20-tiny.md
check "the publish tests ran to the end" test $? = 0
kill -TERM "$server"
wait "$server"
check_eq "SIGTERM stops the publishing server cleanly" "$?" 0

# ---- in a browser, with a fresh database (the rate limit above locked this address out),
# from sign-in to the published episode ----
cp "$TOP/tests/studio/small.md" episodes/2026-11-19-small.md
for u in ana ben; do echo 'correct horse battery' | "$PODSYNTH" studio user add $u --role contributor --db browser.db 2>/dev/null; done
echo 'correct horse battery' | "$PODSYNTH" studio user add eve --role editor --db browser.db 2>/dev/null
"$PODSYNTH" studio --port 0 --db browser.db --episode episodes/2026-11-19-small.md week.mbox 2>server2.log &
server=$!
for _ in $(seq 100); do grep -q '^studio: http' server2.log && break; sleep 0.05; done
port=$(sed -n 's|^studio: http://127.0.0.1:\([0-9]*\)/$|\1|p' server2.log)
AXE=${AXE_JS:-$TOP/build/npm/node_modules/axe-core/axe.min.js}
SHOTS=${SHOTS:-$TOP/build/shots}
mkdir -p "$SHOTS"
if [ -s "$AXE" ]; then ok "axe-core is installed ($AXE)"; else fail "axe-core is not installed: run make test"; fi
timeout 600 $PY "$TOP/tests/studio/browser.py" "http://127.0.0.1:$port" episodes/2026-11-19-small.md "$SHOTS" "$AXE"
check "the browser test ran to the end" test $? = 0
for s in studio-login studio-week studio-thread-playing studio-thread-guessed studio-readme studio-thread-fixed studio-thread-ben \
	studio-episode studio-published studio-result-page; do
	check "screenshot $s.png written" $PY -c 'import sys; sys.exit(open(sys.argv[1], "rb").read(8) != b"\x89PNG\r\n\x1a\n")' "$SHOTS/$s.png"
done
kill -TERM "$server"
wait "$server"
check_eq "SIGTERM stops the second server cleanly" "$?" 0
