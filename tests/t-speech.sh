#!/usr/bin/env bash
# The normaliser seen from the command line: golden `podsynth script` output
# for the example episodes (tests/speech/golden/NAME.md beside NAME.script;
# regenerate on purpose with make regen), `--plain`,
# errors from Speech Markdown, `say` and `voices`, and a lexicon edit
# invalidating exactly the cached segments that use the word.
. "$(dirname "$0")/lib.sh"
newproj

for md in "$TOP"/tests/speech/golden/*.md; do
	name=$(basename "$md" .md)
	want="$TOP/tests/speech/golden/$name.script"
	cp "$md" "episodes/$name.md"
	"$PODSYNTH" script "episodes/$name.md" >got.script 2>got.err
	rc=$?
	if [ $rc = 0 ] && diff -u "$want" got.script >diff.out; then
		ok "script $name matches its golden output"
	else
		fail "script $name matches its golden output"; cat got.err diff.out | head -30
	fi
	check "script $name: no messages" test ! -s got.err
	nseg=$("$PODSYNTH" segments --dump "episodes/$name.md" 2>/dev/null | wc -l)
	nplain=$("$PODSYNTH" script --plain "episodes/$name.md" 2>/dev/null | wc -l)
	check "script $name: has segments" test "$nseg" -gt 0
	check_eq "script --plain $name: one line a segment" "$nplain" "$nseg"
done

# A Han run never goes to an English voice: in the Chinese example, every
# line of the script in a voice other than zh is free of Han characters.
han_en=$("$PODSYNTH" script episodes/2026-11-14-riscv-zh.md 2>/dev/null |
	grep -E '^    (host|quote) ' | grep -cP '\p{Han}')
check_eq "riscv-zh: no Han text in an English voice" "$han_en" 0
latin_zh=$("$PODSYNTH" script episodes/2026-11-14-riscv-zh.md 2>/dev/null | grep -E '^    zh ' | sed 's/^    zh *//' | grep -c '[A-Za-z]')
check_eq "riscv-zh: no Latin text in the Mandarin voice" "$latin_zh" 0
check "riscv-zh: Latin words go to the host" bash -c \
	"'$PODSYNTH' script episodes/2026-11-14-riscv-zh.md | grep -qE '^    host +risk five'"

# Speech Markdown errors name the file and line.
cat >episodes/bad.md <<'MD'
---
title: Bad override
date: 2026-01-01
---

The first paragraph is fine.

This one asks for (a voice)[voice:"hots"] that does not exist.
MD
"$PODSYNTH" script episodes/bad.md >/dev/null 2>bad.err
check_eq "an unknown voice makes script fail" "$?" 1
check "the error names file, line and voice" \
	grep -qF 'episodes/bad.md:8: error: unknown voice "hots"' bad.err

# say and voices
check "say -n prints the normalised words" bash -c \
	"'$PODSYNTH' say -n 'v6.3-rc5-rt8 on x86_64' | grep -qx 'host: version six point three release candidate five R-T eight on x eighty-six sixty-four'"
check "say -n: a version named by an English word after it, as in a script" bash -c \
	"'$PODSYNTH' say -n --lang zh '如5.15 LTS提供' | grep -qx 'zh: 如五点十五'"
if "$PODSYNTH" say --voice quote "Hello from RCU" -o say.wav >say.out 2>say.err; then
	ok "say writes a WAV file"
else
	fail "say writes a WAV file"; cat say.err
fi
check "say: the file is a WAV" bash -c "head -c 4 say.wav | grep -q RIFF"
check "say: a spoken second or more" bash -c \
	"[ \$(stat -c %s say.wav) -gt 44100 ]"
"$PODSYNTH" say --voice hots "x" -o x.wav >/dev/null 2>hots.err
check_eq "say: an unknown voice fails" "$?" 1
check "voices lists the profiles" bash -c \
	"'$PODSYNTH' voices | grep -qE '^zh +espeak-ng +cmn-latn-pinyin +140 +zh '"

# script --explain: under each run, every token as written, its class, what
# is said and what decided it (docs/lexicon.md).
cat >episodes/explain.md <<'MD'
---
title: Explain
date: 2026-01-03
---

Indu Bhagatdescribed the mcelog daemon in 1868 for $3 million, i.e. a lot.

See kmem_cache_alloc() at https://lore.kernel.org/lkml/x today.
MD
"$PODSYNTH" script --explain episodes/explain.md >explain.out 2>explain.err
check_eq "script --explain succeeds" "$?" 0
check "--explain: a year, and the rule that made it one" \
	grep -qE '^ +1868 +year +eighteen sixty-eight +\(a year: the word before it' explain.out
check "--explain: money over two tokens" grep -qE '^ +\$3 million +money +three million dollars' explain.out
check "--explain: a split word, and the lists" \
	grep -qE '^ +Bhagatdescribed +split word +Bhagat described +\(a name glued to a common word' explain.out
check "--explain: a kernel acronym spelled in a split" grep -qE '^ +mcelog +split word +M-C-E log' explain.out
check "--explain: a lexicon entry names its file and line" \
	grep -qE '^ +i\.e\. +lexicon +that is +\(voices/kernel\.lexicon:[0-9]+\)' explain.out
line=$(grep -n '^i\.e\. ' voices/kernel.lexicon | cut -d: -f1)
check "...the line the entry is on" grep -qF "(voices/kernel.lexicon:$line)" explain.out
check "--explain: a word, and the list that knows it" grep -qE '^ +daemon +word +daemon +\(a word of the scowl lists\)' explain.out
check "--explain: a word no list knows is marked guessed" grep -qE '^ +mcelog +split word .*\) guessed$' explain.out
check "...and a word a list knows is not" grep -qE '^ +daemon +word +daemon +\(a word of the scowl lists\)$' explain.out
check "--explain: the run's text is the same as without it" bash -c \
	"'$PODSYNTH' script episodes/explain.md | grep -F \"\$(grep -E '^    host ' explain.out | head -1)\" >/dev/null"
check "--explain: an identifier by its shape" \
	grep -qE '^ +kmem_cache_alloc\(\) +identifier +K-mem cache alloc +\(its parts said one by one\)' explain.out
check "--explain: a URL by its shape" grep -qE '^ +https://lore.kernel.org/lkml/x +URL +lore dot kernel dot org' explain.out
"$PODSYNTH" script --plain --explain episodes/explain.md >/dev/null 2>pe.err
check_eq "--plain with --explain is a usage error" "$?" 2

# A lexicon edit invalidates exactly the segments that use the word.
cat >episodes/lex.md <<'MD'
---
title: Lexicon edit
date: 2026-01-02
---

The Frobnicator subsystem got faster.

Nothing else changed in RCU this week.

A third paragraph about io_uring.
MD
if "$PODSYNTH" build episodes/lex.md >build.out 2>&1; then
	ok "lexicon test episode builds"
else
	fail "lexicon test episode builds"; tail -5 build.out
fi
states() { "$PODSYNTH" segments episodes/lex.md 2>/dev/null | awk '{print $2}' | tr '\n' ' '; }
check_eq "all segments cached after the build" "$(states)" "cached cached cached "
before=$("$PODSYNTH" script --plain episodes/lex.md)
printf 'Frobnicator   frob-nick-ator\n' >voices/show.lexicon
check_eq "a new entry: only its segment is stale" "$(states)" "stale cached cached "
check "the new entry is spoken" bash -c "'$PODSYNTH' script --plain episodes/lex.md | grep -q frob-nick-ator"
rm voices/show.lexicon
check_eq "entry removed: the old audio is valid again" "$(states)" "cached cached cached "
sed -i 's/^RCU  .*/RCU             arr-see-you/' voices/kernel.lexicon
check_eq "an edited entry: only its segment is stale" "$(states)" "cached stale cached "
check_eq "the other segments' words are unchanged" \
	"$("$PODSYNTH" script --plain episodes/lex.md | sed -n '1p;3p')" "$(printf '%s\n' "$before" | sed -n '1p;3p')"

# Lexicon entries of several words: quoted in a file, plain in the front matter.
cat >episodes/phrases.md <<'MD'
---
title: Phrases
date: 2026-01-03
lexicon:
  Linux Plumbers: linux plumbers conference
---

Kernel Recipes and Linux Plumbers are in the autumn; a talk onusing BPF.
MD
printf '"Kernel Recipes"   kernel recipes, the conference\n' >voices/show.lexicon
got=$("$PODSYNTH" script --plain episodes/phrases.md 2>phrases.err)
check_eq "entries of several words, from a file and the front matter" "$got" \
	"kernel recipes, the conference and linux plumbers conference are in the autumn; a talk on using B-P-F."
check "... without messages" test ! -s phrases.err
rm voices/show.lexicon

# Without the dictionary: a warning naming it, glued words left as they are.
got=$(PODSYNTH_DICT=/nonexistent/xx_YY "$PODSYNTH" script --plain episodes/phrases.md 2>nodict.err)
check_eq "no dictionary: script still succeeds" "$?" 0
check "no dictionary: the warning names the file" \
	grep -qF '/nonexistent/xx_YY.dic: warning: cannot read the English dictionary (install hunspell-en-us)' nodict.err
check "no dictionary: nothing is split" bash -c "printf '%s\n' '$got' | grep -q onusing"

# espeak-ng says an A after a hyphen as the article: the script keeps the
# spelling "D-M-A", and the worker hands espeak-ng "D.M.A" (same length, so
# the word times stay where they are).
printf 'espeak: en-us\nlang: en\nrate: 175\n' >voices/esp.voice
got=$("$PODSYNTH" say --voice esp -n "The DMA engine, the HMAT table, ACPI and USB." 2>/dev/null)
check_eq "spelled A: the script keeps the hyphens" "$got" \
	"esp: The D-M-A engine, the H-M-A-T table, A-C-P-I and U-S-B."
rm -f params.txt
PODSYNTH_TEST_PARAMS=$PWD/params.txt "$PODSYNTH" say --voice esp -o esp.wav \
	"The DMA engine, the HMAT table, ACPI and USB." >/dev/null 2>&1
check "spelled A: espeak-ng is given dots where an A follows the first letter" \
	grep -qF 'text=The D.M.A engine, the H.M.A.T table, A-C-P-I and U-S-B.' params.txt
rm -f voices/esp.voice

# A lone capital A said as the letter, and a lexicon entry in phonemes: the
# script carries a hint (core/text.h), the written word with what the engine
# is given. `script --plain` shows the words a person reads, with no mark;
# `script` and `--explain` show the engine's part in angle brackets; the
# engine gets the phonemes alone, which espeak-ng says as the letter ('eI),
# where the written "A" would be its article (a#).
cat >episodes/hint.md <<'MD'
---
title: "Hints"
date: 2023-01-01
lexicon:
  Gleixner: "[[gl'aIksn3]]"
---

Only a USB A-to-A cable for plan A and Thomas Gleixner.
MD
got=$("$PODSYNTH" script --plain episodes/hint.md 2>hint.err)
check_eq "hint: --plain shows the written words" "$got" \
	"Only a U-S-B A to A cable for plan A and Thomas Gleixner."
check "hint: --plain has no mark" bash -c "! printf '%s' \"\$1\" | LC_ALL=C grep -q '[[:cntrl:]]'" _ "$got"
check "hint: ... without messages" test ! -s hint.err
"$PODSYNTH" script episodes/hint.md >hint.script 2>/dev/null
check "hint: script shows the engine's part" \
	grep -qF "host  Only a U-S-B A<[['eI]]> to A<[['eI]]> cable for plan A<[['eI]]> and Thomas Gleixner<[[gl'aIksn3]]>." hint.script
"$PODSYNTH" script --explain episodes/hint.md >hint.explain 2>/dev/null
check "hint: --explain names the letter's decision" bash -c \
	"grep -E \"^ +A +letter +A<\\[\\['eI\\]\\]> +\\(a capital A inside a sentence\" hint.explain"
check "hint: --explain names the lexicon's phonemes" bash -c \
	"grep -E \"^ +Gleixner +lexicon +Gleixner<\\[\\[gl'aIksn3\\]\\]> +\\(the lexicon\" hint.explain"
printf 'espeak: en-us\nlang: en\nrate: 175\n' >voices/esp.voice
printf "Gleixner   [[gl'aIksn3]]\n" >voices/show.lexicon
rm -f params.txt
PODSYNTH_TEST_PARAMS=$PWD/params.txt "$PODSYNTH" say --voice esp -o hint.wav \
	"Only a USB A-to-A cable for plan A and Thomas Gleixner." >/dev/null 2>&1
engine=$(sed -n 's/^voice=.* text=//p' params.txt)
check "hint: the engine is given phonemes, no mark and no written word" bash -c \
	"printf '%s' \"\$1\" | grep -qF \"U-S-B    [['eI]]  to    [['eI]]  cable for plan    [['eI]]  and Thomas           [[gl'aIksn3]] .\" &&
	 ! printf '%s' \"\$1\" | LC_ALL=C grep -q '[[:cntrl:]]'" _ "$engine"
heard=$(espeak-ng -q -x -v en-us "$engine")
plainheard=$(espeak-ng -q -x -v en-us "Only a U-S-B A to A cable for plan A and Thomas Gleixner.")
check "hint: espeak-ng says the letter, eI, each time" bash -c \
	"printf '%s' \"\$1\" | grep -qF \"j'u:'Esb'i:; 'eI tU 'eI k'eIb@L\" && printf '%s' \"\$1\" | grep -qF \"pl'an 'eI\"" _ "$heard"
check "hint: ... where the written A alone is its article, a#" bash -c \
	"printf '%s' \"\$1\" | grep -qF \"a# tU a#\" && printf '%s' \"\$1\" | grep -qF \"pl'an a#\"" _ "$plainheard"
check "hint: espeak-ng says the lexicon's phonemes" bash -c "printf '%s' \"\$1\" | grep -q \"gl'aIksn3\"" _ "$heard"
rm -f voices/esp.voice voices/show.lexicon
