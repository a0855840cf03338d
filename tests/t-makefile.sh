#!/usr/bin/env bash
# The Makefile: header dependencies come from the compiler (-MMD -MP), so
# touching a header recompiles exactly the objects that include it; and
# `make regen` is the one way to regenerate every kind of golden file.
. "$(dirname "$0")/lib.sh"
cd "$SCRATCH" || exit 1
W="$SCRATCH/tree"
mkdir -p "$W"
cp -r "$TOP/src" "$TOP/Makefile" "$W/"
objs="build/obj/show/roster.o build/obj/core/text.o build/obj/cmd/cmd_feed.o"
# A plain build whatever the outer make was given (make test SANITIZE=1
# passes its variables down through MAKEFLAGS).
unset MAKEFLAGS MAKELEVEL MFLAGS
mk() { make --no-print-directory -C "$W" SANITIZE= "$@"; }
mk -j2 $objs >m1.txt 2>&1
check "three objects compile" test $? -eq 0
check "each has its dependency file" test -s "$W/build/obj/show/roster.d" -a -s "$W/build/obj/core/text.d"
check "the dependency file lists the headers the source includes" \
	grep -q 'src/show/episode.h' "$W/build/obj/show/roster.d"
check_eq "nothing to do right after" "$(mk -n $objs 2>&1 | grep -c ' -c -o ')" 0
sleep 1; touch "$W/src/show/roster.h"
mk -n $objs >m2.txt 2>&1
check "touching roster.h recompiles roster.o" grep -q -- '-o build/obj/show/roster.o' m2.txt
check "...and cmd_feed.o, which includes it" grep -q -- '-o build/obj/cmd/cmd_feed.o' m2.txt
check "...but not text.o, which does not" bash -c "! grep -q -- '-o build/obj/core/text.o' m2.txt"
mk $objs >/dev/null 2>&1
rm "$W/src/show/roster.h"
mk -n build/obj/show/roster.o >m3.txt 2>&1
check "a header that is gone is an error for the object that includes it" \
	grep -q -- '-o build/obj/show/roster.o' m3.txt
rm "$W/build/obj/core/text.d"
check "an object without its dependency file is compiled again" \
	bash -c "make --no-print-directory -C '$W' SANITIZE= -n build/obj/core/text.o | grep -q -- '-o build/obj/core/text.o'"

# The scowl word table the program carries (src/script/words_table.h): made
# from the lists, again when a list changes even with its old date kept (as
# dpkg keeps a package's dates), and not again when nothing changed; no
# lists, no table and an error naming the directory.
S="$SCRATCH/scowl"
mkdir -p "$S" "$W/scripts"
cp "$TOP/src/show/roster.h" "$W/src/show/"    # removed above
cp "$TOP/scripts/words-table.c" "$TOP/scripts/embed-vocab" "$W/scripts/"
printf 'alpha\nbeta\n' >"$S/english-words.10"
touch -d 2001-01-01 "$S/english-words.10"
mk SCOWL_DIR="$S" build/obj/words.tab >w1.txt 2>&1
check "the word table is made from the lists" test -s "$W/build/obj/words.tab"
cp "$W/build/obj/words.tab" w1.tab
mk SCOWL_DIR="$S" build/obj/words.tab >w2.txt 2>&1
check "...and not made again when nothing changed" bash -c "! grep -q 'words-table ' w2.txt"
printf 'alpha\nbeta\ngamma\n' >"$S/english-words.10"
touch -d 2001-01-01 "$S/english-words.10"
mk SCOWL_DIR="$S" build/obj/words.tab >w3.txt 2>&1
check "a list changed under an old date: the table is made again" grep -q 'words-table ' w3.txt
check "...and differs" bash -c "! cmp -s w1.tab '$W/build/obj/words.tab'"
mk SCOWL_DIR="$SCRATCH/no-scowl" build/obj/words.tab >w4.txt 2>&1
check "no lists: make fails" test $? -ne 0
check "...naming the directory and what installs it" grep -q "no-scowl.*install-deps" w4.txt

# make regen: every kind of golden file, from one command.
R="$SCRATCH/regen"
mkdir -p "$R/rss"
cp -r "$TOP/tests" "$TOP/voices" "$TOP/docs" "$TOP/Makefile" "$R/"
cp "$TOP/rss/channel.yaml" "$R/rss/"
mkdir -p "$R/src" && cp -r "$TOP/src/templates" "$R/src/"
for f in "$R"/tests/parse/basic.segments "$R"/tests/speech/golden/*.script "$R"/tests/golden/expected/feed.xml \
	"$R"/docs/messages.md; do
	echo "stale" >"$f"
done
make --no-print-directory -C "$R" -o "$PODSYNTH" regen BIN="$PODSYNTH" >regen.txt 2>&1
check "make regen succeeds" test $? -eq 0
check_eq "make regen rewrote the parse golden files" \
	"$(diff -r "$TOP/tests/parse" "$R/tests/parse" >/dev/null && echo same)" same
check_eq "...the script golden files" \
	"$(diff -r "$TOP/tests/speech/golden" "$R/tests/speech/golden" >/dev/null && echo same)" same
check_eq "...the catalogue's table in docs/messages.md" \
	"$(grep '^| `' "$R/docs/messages.md" | diff - <(grep '^| `' "$TOP/docs/messages.md") >/dev/null && echo same)" same
check_eq "...and the publishing golden files" \
	"$(diff -r "$TOP/tests/golden" "$R/tests/golden" >/dev/null && echo same)" same
