#!/usr/bin/env bash
# tests/t-flite.sh: Flite beside espeak-ng, end to end (issue 21).
#   - `podsynth voices` lists each profile's engine; `say` with a Flite
#     voice writes its 16 kHz audio; the letter A is Flite's "ay";
#   - a Chinese paragraph with English words (the Mandarin voice on
#     espeak-ng, the English words on the Flite host: one segment, both
#     engines) builds; MP3, Opus and Vorbis hold the loudness target and
#     the true peak ceiling; the transcript's cues are in order;
#   - the cache: a rebuild synthesises nothing; another Flite voice for the
#     host synthesises again exactly the segments the host speaks;
#   - a piece that crashes Flite costs one word, with a warning;
#   - the first cue of a Flite episode starts within 50 ms of where the
#     audio has it (silencedetect).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

ffmeter() {
	ffmpeg -nostats -hide_banner -nostdin -i "$1" -af ebur128=peak=true -f null - 2>&1 |
		sed -n '/Summary:/,$p' |
		awk '$1 == "I:" && i == "" { i = $2 } $1 == "Peak:" && p == "" { p = $2 } END { print i, p }'
}

newproj
printf 'intro: none\noutro: none\n' >>rss/channel.yaml
out=$("$PODSYNTH" voices)
check "voices lists the engine of each profile" grep -qE '^host +flite +cmu_us_rms +own ' <<<"$out"
check "... and espeak-ng's" grep -qE '^zh +espeak-ng +cmn-latn-pinyin +140 ' <<<"$out"
"$PODSYNTH" say -o say.wav "Flite reads this sentence." >/dev/null 2>&1
check_eq "say with the Flite host writes 16 kHz audio" \
	"$(ffprobe -v error -show_entries stream=sample_rate -of csv=p=0 say.wav)" 16000

# ---- the letter A: Flite hears it as Flite's own "ay" ----
# The script says "type A<[['eI]]> connector": Flite is given the letter's
# phonemes (blanks where the written "A" was), mapped to its "ey1", and
# speaks exactly what the flite command speaks for "type ay connector"
# (the same samples); Flite's own reading of the written "A" is the
# article "ax", other samples.
rm -f "$SCRATCH/fparams"
PODSYNTH_TEST_PARAMS=$SCRATCH/fparams "$PODSYNTH" say -o lettera.wav "It has a type A connector." >/dev/null 2>&1
check "letter A: Flite is given its phonemes, no mark and no written A" 	grep -qxF "engine=flite voice=cmu_us_rms stretch=-1 pitch=50 volume=100 text=It has a type    [['eI]]  connector." "$SCRATCH/fparams"
pcm() { ffmpeg -v error -i "$1" -f s16le -ac 1 -ar 16000 - | md5sum; }
flite -voice rms -t "It has a type ay connector." -o "$SCRATCH/ay.wav"
flite -voice rms -t "It has a type A connector." -o "$SCRATCH/article.wav"
check_eq "letter A: the same samples as flite's \"type ay connector\"" "$(pcm lettera.wav)" "$(pcm "$SCRATCH/ay.wav")"
check "... and not those of flite's article, \"type A connector\"" \
	test "$(pcm lettera.wav)" != "$(pcm "$SCRATCH/article.wav")"
check "... which flite says ax, the letter ey" bash -c \
	"flite -voice rms -ps -t 'a type A c' -o /dev/null | grep -q 't ay p ax s iy' &&
	 flite -voice rms -ps -t 'a type ay c' -o /dev/null | grep -q 't ay p ey s iy'"

# ---- both engines in one segment ----
echo 'formats: [mp3, opus, vorbis]' >>rss/channel.yaml
cat >episodes/mix.md <<'EOF'
---
title: "混合"
date: 2026-02-01
lang: zh
---

# 架构支持

本周 Linus Torvalds 发布了新版本，RISC-V 的补丁也已合并。

> This series lets RISC-V machines hibernate.

下周见。
EOF
"$PODSYNTH" script episodes/mix.md >"$SCRATCH/mix.script" 2>&1
check "script: the Chinese paragraph has Mandarin and English runs" \
	grep -q '^    host  Lee-nus tor-valds' "$SCRATCH/mix.script"
check "... and the quote is in the quote voice" grep -q '^    quote ' "$SCRATCH/mix.script"
"$PODSYNTH" build -j 2 episodes/mix.md >"$SCRATCH/mix.log" 2>&1
check "the mixed episode builds" grep -q 'mix.md: 4 synthesized, 0 cached' "$SCRATCH/mix.log"
for f in mp3 opus ogg; do
	read -r I peak < <(ffmeter "rss/episodes/mix.$f")
	check "$f: loudness $I LUFS within 0.5 LU of -16" \
		awk -v i="$I" 'BEGIN { d = i + 16; exit !(d <= 0.5 && d >= -0.5) }'
	check "$f: true peak $peak dBTP at or under -1" awk -v p="$peak" 'BEGIN { exit !(p + 0 <= -1) }'
done
check "the transcript's cues are in order" $PY - rss/episodes/mix.vtt <<'EOF'
import re, sys
t = [tuple(float(a) * 3600 + float(b) * 60 + float(c) for a, b, c in re.findall(r"(\d+):(\d+):([\d.]+)", l))
     for l in open(sys.argv[1]) if "-->" in l]
sys.exit(not (len(t) >= 4 and all(a < b for a, b in t) and all(p[1] <= q[0] for p, q in zip(t, t[1:]))))
EOF

# ---- the cache ----
"$PODSYNTH" build -j 2 episodes/mix.md >"$SCRATCH/mix2.log" 2>&1
check "a rebuild synthesises nothing" grep -q 'mix.md: 0 synthesized, 4 cached' "$SCRATCH/mix2.log"
sed -i 's/^voice: cmu_us_rms$/voice: cmu_us_kal16/' voices/host.voice
"$PODSYNTH" build -j 2 episodes/mix.md >"$SCRATCH/mix3.log" 2>&1
# the host speaks the English words of the first paragraph only
check "another host voice synthesises the host's segment again, and only it" \
	grep -q 'mix.md: 1 synthesized, 3 cached' "$SCRATCH/mix3.log"

# ---- a crash in Flite costs one word ----
newproj
printf 'intro: none\noutro: none\n' >>rss/channel.yaml
cat >episodes/crash.md <<'EOF'
---
title: Crash
date: 2026-02-02
---

Alpha beta gamma delta. Epsilon zeta.

This known sentence starts after a long pause.
EOF
PODSYNTH_TEST_CRASH=gamma "$PODSYNTH" build -j 2 episodes/crash.md >"$SCRATCH/crash.log" 2>&1
check "a crashing word does not fail the build" grep -q 'crash.md: 2 synthesized' "$SCRATCH/crash.log"
check "... it is dropped with a warning naming file:line" \
	grep -q 'episodes/crash.md:6: warning: dropped words the synthesiser cannot speak: "gamma"' "$SCRATCH/crash.log"

# ---- the first cue where the audio has it ----
# The episode starts with its first paragraph (no intro), which starts with
# Flite's lead-in silence: where the sound begins is where the cue should.
start=$(ffmpeg -hide_banner -nostats -i rss/episodes/crash.mp3 -af silencedetect=noise=-45dB:d=0.05 -f null - 2>&1 |
	grep -o 'silence_end: [0-9.]*' | head -n 1 | awk '{print $2}')
cue=$(awk '/-->/ { split($1, q, ":"); print q[1] * 3600 + q[2] * 60 + q[3]; exit }' rss/episodes/crash.vtt)
check "the first cue ($cue s) starts within 50 ms of the sound ($start s)" \
	awk -v a="${cue:-99}" -v b="${start:-0}" 'BEGIN { d = a - b; exit !(d <= 0.05 && d >= -0.05) }'
