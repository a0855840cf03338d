#!/usr/bin/env bash
# A segment's cache file depends on its key alone: the same segments,
# synthesised by one worker in the episodes' order, by one worker in the
# reverse order and by two workers in a shuffled order (three cold caches),
# give the same keys and byte-identical files. English, Chinese and mixed
# segments, espeak-ng and Flite voices, voice changes from one segment to
# the next (so a worker's earlier voices and texts would show), prosody,
# phonemes, and segments that mix the engines' rates (resampled).
. "$(dirname "$0")/lib.sh"
newproj
printf 'intro: none\noutro: none\n' >>rss/channel.yaml
printf 'espeak: en-us\nvariant: m3\nlang: en\nrate: 140\npitch: 45\nrange: 50\n' >voices/host.voice
printf 'espeak: en-gb\nvariant: f3\nlang: en\nrate: 150\npitch: 60\nrange: 60\n' >voices/quote.voice
printf 'engine: flite\nvoice: cmu_us_slt\nlang: en\nrate: 210\n' >voices/cohost.voice
printf 'engine: flite\nvoice: cmu_us_rms\nlang: en\n' >voices/fhost.voice
printf 'engine: flite\nvoice: cmu_us_awb\nlang: en\nrate: 190\n' >voices/fquote.voice

# Blocks of an English episode and of a Chinese one, one per line (\n
# stands for a line break inside a block).
cat >en.blocks <<'EOF'
# Order does not matter
The host opens with a plain paragraph about the merge window, which closed on Sunday.
(This sentence is read by the second host in Flite)[voice:"cohost"], and the host finishes it.
> A quotation in British English, read with a variant voice.
(Slowly now)[rate:"slow"], then (loudly)[volume:"loud"], then (with emphasis)[emphasis:"strong"], then (a whisper)[whisper].
The Mandarin greeting (ni hao)[lang:"zh"] sits in the middle of an English sentence.
(The whole paragraph goes to the Flite host, with a (tomato)[ipa:"təˈmɑːtoʊ"] in phonemes.)[voice:"fhost"]
(A Flite quotation at its own rate.)[voice:"fquote"] (And the second host answers.)[voice:"cohost"]
- First item, (higher)[pitch:"high"] and (lower)[pitch:"low"].
- Second item, in the host's voice, with the number 1,234 and the date 2026-11-14.
# A second section
(RCU)[characters] and (DMA)[characters] are spelt out; (x86)[sub:"ex eighty-six"] is substituted.
EOF
cat >zh.blocks <<'EOF'
# 架构支持
大家好，欢迎收听本期 RISC-V 内核动态。本周邮件列表上最受关注的是休眠支持的新版补丁。
> This series lets RISC-V machines hibernate.
另一组补丁让内核在解析 ISA 字符串时不再区分大小写。
(这一句用慢速朗读)[rate:"slow"]，而 (这一句更响)[volume:"loud"]。
StarFive JH7110 的 TDM 音频驱动发布了第三版，(The second host reads this.)[voice:"cohost"]
以上就是本期的全部内容，我们下周再见。
EOF

# write_episode NAME LANG BLOCKS ORDER: an episode of BLOCKS' lines in
# ORDER (in, rev, or shuf: a fixed shuffle), blank lines between them.
write_episode() {
	local name=$1 lang=$2 blocks=$3 order=$4
	{
		printf -- '---\ntitle: %s\nlang: %s\n---\n\n' "$name" "$lang"
		case $order in
		in) cat "$blocks" ;;
		rev) tac "$blocks" ;;
		shuf) awk '{ printf "%d\t%s\n", (NR * 7919) % 13, $0 }' "$blocks" | sort -n -s -k1,1 | cut -f2- ;;
		esac | awk '{ gsub(/\\n/, "\n"); print; print "" }'
	} >"$PROJ/episodes/$name.md"
}

# cold_build DIR ORDER J: both episodes in ORDER, built with -j J into the
# cache DIR/cache; lists "key sha256" of every entry in DIR/sums.
cold_build() {
	local dir=$1 order=$2 j=$3
	rm -f "$PROJ"/episodes/*.md
	write_episode 2026-12-01-en en en.blocks "$order"
	write_episode 2026-12-02-zh zh zh.blocks "$order"
	export PODSYNTH_CACHE="$PROJ/$dir/cache"
	mkdir -p "$PROJ/$dir"
	"$PODSYNTH" build -j "$j" --no-progress episodes >"$dir/build.txt" 2>&1 || {
		fail "$dir: the build failed"; cat "$dir/build.txt"; }
	(cd "$dir/cache" && find . -name '*.seg' -print0 | sort -z | xargs -0 -r sha256sum) >"$dir/sums"
}

cold_build j1 in 1
cold_build rev rev 1
cold_build shuf shuf 2

n=$(wc -l <j1/sums)
check "the episodes make their segments ($n)" test "$n" -ge 18
check "every segment's voice is spoken (no warning)" \
	test -z "$(grep -h -i 'warning' j1/build.txt rev/build.txt shuf/build.txt)"
rate16=$(for f in j1/cache/*/*.seg; do od -An -tu4 -j12 -N4 "$f"; done | sort -u | tr -s ' \n' ' ')
check "both engines' rates are among the files (16000 and 22050)" \
	test "$rate16" = " 16000 22050 "
check_eq "reverse order, one worker: the same keys" \
	"$(awk '{print $2}' rev/sums)" "$(awk '{print $2}' j1/sums)"
check_eq "shuffled, two workers: the same keys" \
	"$(awk '{print $2}' shuf/sums)" "$(awk '{print $2}' j1/sums)"
# differ A B: how many entries of B differ from A's, and the first three.
differ() {
	local d
	d=$(diff "$1" "$2" | sed -n 's/^> [0-9a-f]* *//p')
	[ -z "$d" ] || echo "$(echo "$d" | wc -l) differ: $(echo "$d" | head -n 3 | paste -sd' ')"
}
check_eq "reverse order, one worker: byte-identical segment files" "$(differ j1/sums rev/sums)" ""
check_eq "shuffled, two workers: byte-identical segment files" "$(differ j1/sums shuf/sums)" ""

# A worker that has changed voices many times speaks as a fresh one: an
# episode of 72 short paragraphs, the host and the quotation voice in turn,
# with a probe paragraph in the host's voice after every sixth (espeak-ng
# 1.51 keeps one command per voice change on a ring that only synthesis
# drains: a worker that loaded the voices itself handed its pieces a ring
# that grew with every change, and the probes' events, and near a full
# ring their speed, changed with it). Built by one worker; each probe must
# be byte-identical to the same probe in an episode of probes alone.
probe='In part %d: On x86, shadow stacks for user space are now enabled in more configurations.'
{
	printf -- '---\ntitle: Many voices\nlang: en\n---\n\n'
	for i in $(seq 1 72); do
		if [ $((i % 2)) = 1 ]; then printf 'Host line %d.\n\n' "$i"; else printf '> Quoted line %d.\n\n' "$i"; fi
		[ $((i % 6)) != 0 ] || printf "$probe\n\n" "$i"
	done
} >many.md
{
	printf -- '---\ntitle: Probes\nlang: en\n---\n\n'
	for i in $(seq 6 6 72); do printf "$probe\n\n" "$i"; done
} >probes.md
# keys_of DIR EPISODE: build EPISODE alone with one worker into DIR/cache; "key sha256" lines.
keys_of() {
	rm -f "$PROJ"/episodes/*.md
	cp "$2" "$PROJ/episodes/2026-12-03-x.md"
	export PODSYNTH_CACHE="$PROJ/$1/cache"
	mkdir -p "$PROJ/$1"
	"$PODSYNTH" build -j 1 --no-progress episodes >"$1/build.txt" 2>&1 || {
		fail "$1: the build failed"; cat "$1/build.txt"; }
	(cd "$1/cache" && find . -name '*.seg' -print0 | sort -z | xargs -0 -r sha256sum) >"$1/sums"
}
keys_of many many.md
keys_of probes probes.md
shared=$(join -1 2 -2 2 <(sort -k2 many/sums) <(sort -k2 probes/sums) | wc -l)
check "the probes have the same keys in both episodes ($shared of 12)" test "$shared" -ge 12
check_eq "after many voice changes in one worker: the probes byte-identical to fresh ones" \
	"$(join -1 2 -2 2 <(sort -k2 many/sums) <(sort -k2 probes/sums) | awk '$2 != $3' | wc -l)" "0"
