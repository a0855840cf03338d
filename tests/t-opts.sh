#!/usr/bin/env bash
# Options: every subcommand reads its options through one table (opts.c), so
# --help prints the usage on stdout (exit 0) and a usage error has one shape
# for all: "podsynth CMD: PROBLEM", then the usage, on stderr, exit 2.
. "$(dirname "$0")/lib.sh"
newproj

usage_error() { # DESCRIPTION WANT CMD ARGS...: exit 2, WANT then usage on stderr
	local d=$1 want=$2; shift 2
	"$PODSYNTH" "$@" >out.txt 2>err.txt
	local rc=$?
	if [ "$rc" -eq 2 ] && [ "$(head -1 err.txt)" = "$want" ] &&
	   sed -n 2p err.txt | grep -q "^usage: podsynth $1 " && [ ! -s out.txt ]; then
		ok "$d"
	else
		fail "$d: exit $rc"; echo "    want: $want"; sed 's/^/    got:  /' err.txt | head -3
	fi
}

for cmd in build render segments check script say voices feed draft cache; do
	"$PODSYNTH" "$cmd" --help >out.txt 2>err.txt
	rc=$?
	if [ "$rc" -eq 0 ] && grep -q "^usage: podsynth $cmd " out.txt && [ ! -s err.txt ]; then
		ok "$cmd --help: usage on stdout"
	else
		fail "$cmd --help: exit $rc"
	fi
	usage_error "$cmd: an unknown option" "podsynth $cmd: unknown option \"--chanel\"" \
		"$cmd" --chanel rss/channel.yaml x.md
	usage_error "$cmd: an unknown short option" "podsynth $cmd: unknown option \"-Z\"" "$cmd" -Z x.md
done
for cmd in build render segments check script say feed draft cache; do
	usage_error "$cmd: --channel without a value" \
		"podsynth $cmd: option \"--channel\" needs a value" "$cmd" x.md --channel
done
usage_error "build: -j out of range" 'podsynth build: -j: expected a number from 1 to 256, not "0"' \
	build -j 0 x.md
usage_error "build: --jobs not a number" 'podsynth build: --jobs: expected a number from 1 to 256, not "two"' \
	build --jobs=two x.md
usage_error "build: no episode" "podsynth build: no episode given" build -j 1
usage_error "build: no --segment" "podsynth build: unknown option \"--segment\"" build --segment 3 x.md
usage_error "render: no segment" "podsynth render: no segment given (--segment ID)" render x.md
usage_error "render: two episodes" "podsynth render: expected one episode" render -s 1 a.md b.md
usage_error "say: nothing to say" "podsynth say: nothing to say" say --voice host
usage_error "cache: a bad age" \
	'podsynth cache: --older-than: expected an age such as 30d, 12h, 90m or 600s, not "3y"' \
	cache --older-than 3y
usage_error "draft: a bad --issue" 'podsynth draft: -n: expected a number from 1 to 999999, not "0"' \
	draft -n 0 x.mbox
usage_error "voices: two directories" "podsynth voices: expected one directory" voices a b

# Options and operands in any order; "--" ends the options.
cat >episodes/a.md <<'MD'
---
title: Options
date: 2026-01-01
---

Hello.
MD
"$PODSYNTH" script episodes/a.md --plain >plain.txt 2>err.txt
check "script: an option after the operand" grep -q "Hello" plain.txt
"$PODSYNTH" check -- episodes/a.md >out.txt 2>err.txt
check "check: -- before the operands" grep -q "episodes/a.md: ok" out.txt
"$PODSYNTH" say -n -- -hello >out.txt 2>err.txt
check "say: -- makes a word of -hello" grep -qi "hello" out.txt

# The episode operands, one way for every command that takes them
# (project_episode_files; build too): a directory gives its *.md files, no operands
# means episodes/, and an operand that is not there is one message.
"$PODSYNTH" check >none.txt 2>&1
"$PODSYNTH" check episodes >dir.txt 2>&1
check_eq "check: a directory operand is its episodes, as no operands" "$(cat dir.txt)" "$(cat none.txt)"
check "...and it names episodes/a.md" grep -q "^episodes/a.md: ok" dir.txt
for c in check cache feed build; do
	"$PODSYNTH" $c nosuch.md >out.txt 2>err.txt
	rc=$?
	check_eq "$c: a missing operand is named, exit 1" \
		"$rc:$(grep -c '^nosuch.md: error: cannot read the episodes: No such file or directory$' err.txt)" "1:1"
done
