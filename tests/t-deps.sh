#!/usr/bin/env bash
# scripts/install-deps and `make test` on a machine that lacks packages,
# with stand-ins for dpkg-query, id and apt-get on PATH: nothing missing,
# nothing done; missing and not root, the exact apt-get command and a
# failure, and make test stops before any test runs; missing and root,
# apt-get installs exactly what is missing. The real package lists are
# checked too: every package named is one Debian knows (apt-cache), and on
# this machine every one is installed.
. "$(dirname "$0")/lib.sh"
cd "$SCRATCH" || exit 1
FAKE=$SCRATCH/fakebin
mkdir -p "$FAKE"
# dpkg-query -W -f=... PKG: installed unless PKG is in $FAKE_MISSING
cat >"$FAKE/dpkg-query" <<'SH'
#!/bin/sh
for a; do pkg=$a; done
case " $FAKE_MISSING " in *" $pkg "*) echo "dpkg-query: no packages found matching $pkg" >&2; exit 1 ;; esac
printf 'install ok installed'
SH
cat >"$FAKE/id" <<'SH'
#!/bin/sh
echo "${FAKE_UID:-1000}"
SH
cat >"$FAKE/apt-get" <<'SH'
#!/bin/sh
echo "apt-get $*" >>"$FAKE_LOG"
SH
chmod +x "$FAKE"/*
mkdir -p "$SCRATCH/idonly" && cp "$FAKE/id" "$SCRATCH/idonly/"
export FAKE_LOG=$SCRATCH/apt.log
deps() { PATH="$FAKE:$PATH" "$TOP/scripts/install-deps" "$@"; }

: >"$FAKE_LOG"
FAKE_MISSING="" deps --test >out.txt 2>&1
check "nothing missing: success" test $? -eq 0
check "...silently" test ! -s out.txt
check "...and apt-get is not run" test ! -s "$FAKE_LOG"

FAKE_MISSING="gpodder ffmpeg" FAKE_UID=1000 deps --test >out.txt 2>&1
check "test tools missing, not root: failure" test $? -ne 0
check "...naming what the tests need" grep -qx "the test suite needs these Debian packages: ffmpeg gpodder" out.txt
check "...and the exact command to run" \
	grep -qxF "run as root:  apt-get update && apt-get install -y --no-install-recommends ffmpeg gpodder" out.txt
check "...without running apt-get" test ! -s "$FAKE_LOG"

FAKE_MISSING="gpodder" FAKE_UID=1000 deps >out.txt 2>&1
check "without --test the test tools are not asked for" test $? -eq 0

FAKE_MISSING="libcairo2-dev" FAKE_UID=1000 deps >out.txt 2>&1
check "a library missing: failure" test $? -ne 0
check "...naming it as podsynth's need" grep -qx "podsynth needs these Debian packages: libcairo2-dev" out.txt

FAKE_MISSING="newsboat gpodder" FAKE_UID=0 deps --test >out.txt 2>&1
check "as root: success" test $? -eq 0
check_eq "...apt-get updates, then installs exactly what is missing" "$(cat "$FAKE_LOG")" \
"apt-get update -qq
apt-get install -y -qq --no-install-recommends newsboat gpodder"

# make test stops at the missing tools, before building or testing anything.
: >"$FAKE_LOG"
PATH="$FAKE:$PATH" FAKE_MISSING="gpodder" FAKE_UID=1000 \
	make --no-print-directory -C "$TOP" -o "$PODSYNTH" test BIN="$PODSYNTH" >make.txt 2>&1
check "make test fails when a test tool is missing" test $? -ne 0
check "...saying which and how to install it" \
	grep -qxF "run as root:  apt-get update && apt-get install -y --no-install-recommends gpodder" make.txt
check "...and runs no test" bash -c "! grep -q 'passed, ' make.txt"

# The lists themselves: every name is a Debian package, and here all are installed.
pkgs=$("$TOP/scripts/install-deps" --list --test)
check "the lists name packages (${pkgs%% *} ...)" test "$(wc -w <<<"$pkgs")" -gt 20
known=$(apt-cache show --no-all-versions $pkgs 2>/dev/null | sed -n 's/^Package: //p' | sort -u)
unknown=$(comm -23 <(tr ' ' '\n' <<<"$pkgs" | grep . | sort -u) <(echo "$known") | tr '\n' ' ')
check_eq "every package in the lists is known to apt" "$unknown" ""
# (the real dpkg-query, a non-root id: it reports, it never installs)
check "every package is installed on this machine" \
	env PATH="$SCRATCH/idonly:$PATH" "$TOP/scripts/install-deps" --test

# What `make test` installs from npm is pinned to one version: each package
# named on an npm install line is NAME@X.Y.Z (through a variable of the
# Makefile's own), never a range such as axe-core@4.
npm_pkgs=$(sed -n 's/^\t.*npm install .* \([^ ]*@[^ ]*\)$/\1/p' "$TOP/Makefile")
check "make test installs something from npm ($npm_pkgs)" test -n "$npm_pkgs"
for p in $npm_pkgs; do
	v=${p#*@}
	case $v in '$('*')') v=$(sed -n "s/^${v:2:-1} *= *//p" "$TOP/Makefile") ;; esac
	check "npm package ${p%@*} is pinned to an exact version ($v)" \
		bash -c '[[ $1 =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]' _ "$v"
done
