#!/usr/bin/env bash
# build --shard I/N: every episode is built by exactly one task, the same
# one however many episodes are added; tasks run together (the show's lock
# shared) on one cache; `feed` then publishes once, and the result is byte
# for byte a single build's. auto takes the task from Slurm's or
# Kubernetes' environment; bad values are usage errors.
. "$(dirname "$0")/lib.sh"

# make_show DIR N: a project in DIR with episodes 1..N (short, MP3 only).
make_show() {
	mkdir -p "$1/rss" "$1/episodes"
	cp -r "$TOP/voices" "$1/voices"
	cp "$TOP/rss/channel.yaml" "$1/rss/"
	sed -i '/^formats:/d' "$1/rss/channel.yaml"
	printf 'intro: none\noutro: none\nformats: [mp3]\n' >>"$1/rss/channel.yaml"
	add_episodes "$1" 1 "$2"
}
add_episodes() { # add_episodes DIR FROM TO
	local i
	for i in $(seq "$2" "$3"); do
		printf -- '---\ntitle: "Back catalogue %d"\ndate: 2026-01-%02d\n---\n\nEpisode %d says one thing.\n' \
			"$i" "$i" "$i" >"$1/episodes/2026-01-$(printf %02d "$i")-back.md"
	done
}
# built LOG: the episode files a build's summary lines name, sorted.
built() { grep -o '^episodes/[^:]*\.md' "$1" | sort; }

export PODSYNTH_CACHE=$SCRATCH/cache

# One machine, one build: the reference.
make_show "$SCRATCH/one" 8
(cd "$SCRATCH/one" && "$PODSYNTH" build -j 2 --no-progress episodes >b.log 2>&1 && "$PODSYNTH" feed -q >f.log 2>&1)
check "a single build of the 8 episodes succeeds" test "$(built "$SCRATCH/one/b.log" | wc -l)" -eq 8

# Three tasks at once on one cache (cold for their audio: another cache).
export PODSYNTH_CACHE=$SCRATCH/cache3
make_show "$SCRATCH/three" 8
cd "$SCRATCH/three" || exit 1
for i in 0 1 2; do
	"$PODSYNTH" build -j 1 --no-progress --shard $i/3 episodes >s$i.log 2>&1 &
	pids[$i]=$!
done
rc=0
for i in 0 1 2; do wait "${pids[$i]}" || rc=1; done
check "three shards build" test "$rc" -eq 0
check "...none of them waited for another's lock" bash -c "! grep -q waiting s0.log s1.log s2.log"
cat s0.log s1.log s2.log | built /dev/stdin >all.txt
check_eq "every episode built exactly once over the shards" "$(sort -u all.txt | wc -l) $(wc -l <all.txt)" "8 8"
check "each shard says its share" grep -q '^shard 1/3: [0-9]* of 8 episodes' s1.log
"$PODSYNTH" feed -q >f.log 2>&1
check "feed publishes the shards' episodes" test -s rss/feed.xml
check_eq "the published site is byte for byte the single build's" \
	"$(tree_sum "$SCRATCH/three/rss" | grep -v channel.yaml)" \
	"$(tree_sum "$SCRATCH/one/rss" | grep -v channel.yaml)"

# Stable under adding episodes: an episode stays in its share.
add_episodes "$SCRATCH/three" 9 14
for i in 0 1 2; do
	"$PODSYNTH" build -j 1 --no-progress --shard $i/3 episodes >t$i.log 2>&1
	built s$i.log >old.txt
	built t$i.log >new.txt
	check "shard $i/3 keeps its episodes when six are added" \
		test -z "$(comm -23 old.txt new.txt)"
done
cat t0.log t1.log t2.log | built /dev/stdin >all.txt
check_eq "...and the 14 are built exactly once" "$(sort -u all.txt | wc -l) $(wc -l <all.txt)" "14 14"

# The task from the batch engine's environment.
SLURM_ARRAY_TASK_ID=6 SLURM_ARRAY_TASK_MIN=5 SLURM_ARRAY_TASK_COUNT=3 \
	"$PODSYNTH" build --no-progress --shard auto episodes >u.log 2>&1
check_eq "Slurm's task 6 of an array 5-7 is shard 1/3" "$(built u.log)" "$(built t1.log)"
SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=1 \
	"$PODSYNTH" build --no-progress --shard auto/3 episodes >r.log 2>&1
check_eq "Slurm's task 1 re-run alone (--array=1) with auto/3 is shard 1/3" "$(built r.log)" "$(built t1.log)"
JOB_COMPLETION_INDEX=2 "$PODSYNTH" build --no-progress --shard auto/3 episodes >k.log 2>&1
check_eq "Kubernetes' completion index 2 with auto/3 is shard 2/3" "$(built k.log)" "$(built t2.log)"

# Usage errors: exit 2, the problem named, nothing built.
for bad in "3/3" "1/0" "x/2" "1" "auto"; do
	env -u SLURM_ARRAY_TASK_ID -u JOB_COMPLETION_INDEX \
		"$PODSYNTH" build --shard "$bad" episodes >o.txt 2>e.txt
	rc=$?
	check "--shard $bad is refused (exit 2, \"--shard:\" named)" \
		bash -c "[ $rc -eq 2 ] && grep -q -- '--shard: ' e.txt && ! grep -q '^episodes/' o.txt"
done

# The lock: a shard runs beside another shard, a feed waits for it.
flock -s rss sleep 4 & holder=$!
sleep 0.3
"$PODSYNTH" build --no-progress --shard 0/3 episodes >o.txt 2>e.txt
check "a shard does not wait for another shard's (shared) lock" bash -c "! grep -q waiting e.txt"
"$PODSYNTH" feed >o.txt 2>e.txt
check "feed waits for the shards" grep -q waiting e.txt
wait "$holder"
