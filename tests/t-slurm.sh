#!/usr/bin/env bash
# A back catalogue on a real Slurm (tests/slurm.sh starts munged, slurmctld
# and slurmd on this machine and stops them after): 20 episodes rendered
# as a job array of 4 tasks (`build --shard auto`) sharing one cache, then
# one `feed`, is byte for byte the site a single build makes. Then a task
# killed midway (scancel) and run again alone (--array=I, --shard auto/4)
# leaves the same site.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/slurm.sh"

EPISODES=20 TASKS=4

make_show() { # make_show DIR
	mkdir -p "$1/rss" "$1/episodes"
	cp -r "$TOP/voices" "$1/voices"
	cp "$TOP/rss/channel.yaml" "$1/rss/"
	sed -i '/^formats:/d' "$1/rss/channel.yaml"
	printf 'intro: none\noutro: none\nformats: [mp3]\n' >>"$1/rss/channel.yaml"
	local i
	for i in $(seq 1 $EPISODES); do
		printf -- '---\ntitle: "Archive %d"\ndate: 2025-03-%02d\n---\n\n' "$i" "$i" \
			>"$1/episodes/2025-03-$(printf %02d "$i")-archive.md"
		printf 'Episode %d of the archive opens with the news of the week.\n\nThe second paragraph of episode %d is about the scheduler.\n' \
			"$i" "$i" >>"$1/episodes/2025-03-$(printf %02d "$i")-archive.md"
	done
}
built() { grep -ho '^episodes/[^:]*\.md' "$@" | sort; }
site() { tree_sum "$1/rss" | grep -v channel.yaml; }

# The reference: one build on one machine.
make_show "$SCRATCH/one"
(cd "$SCRATCH/one" && PODSYNTH_CACHE=$SCRATCH/cache-one "$PODSYNTH" build -j 2 --no-progress episodes \
	>build.log 2>&1 && "$PODSYNTH" feed -q >feed.log 2>&1)
check "the single build renders the $EPISODES episodes" test "$(built "$SCRATCH/one/build.log" | wc -l)" -eq $EPISODES

slurm_start || exit 1
ok "munged, slurmctld and slurmd run on this machine ($(sinfo -h -o '%N %c CPUs %T'))"

# The array: 4 tasks, each its share, one cache between them.
make_show "$SCRATCH/arr"
export PODSYNTH_CACHE=$SCRATCH/cache-arr
timeout 600 sbatch --wait --array=0-$((TASKS - 1)) --chdir="$SCRATCH/arr" -o "$SCRATCH/arr/task.%a.log" \
	--cpus-per-task=1 --wrap "exec $PODSYNTH build -j 1 --no-progress --shard auto episodes" \
	>"$SCRATCH/sbatch.out" 2>&1
rc=$?
check "the job array of $TASKS tasks succeeds" test "$rc" -eq 0
[ "$rc" -eq 0 ] || { cat "$SCRATCH/sbatch.out"; slurm_logs; }
for i in $(seq 0 $((TASKS - 1))); do
	check "task $i built shard $i/$TASKS" grep -q "^shard $i/$TASKS: [0-9]* of $EPISODES episodes" "$SCRATCH/arr/task.$i.log"
done
built "$SCRATCH"/arr/task.*.log >"$SCRATCH/all.txt"
check_eq "every episode was built by exactly one task" \
	"$(sort -u "$SCRATCH/all.txt" | wc -l) $(wc -l <"$SCRATCH/all.txt")" "$EPISODES $EPISODES"
(cd "$SCRATCH/arr" && "$PODSYNTH" feed -q >feed.log 2>&1)
check "feed publishes once after the array" test -s "$SCRATCH/arr/rss/feed.xml"
check_eq "the published site is byte for byte the single build's" "$(site "$SCRATCH/arr")" "$(site "$SCRATCH/one")"

# A task killed midway, then run again alone.
make_show "$SCRATCH/kill"
export PODSYNTH_CACHE=$SCRATCH/cache-kill
job=$(sbatch --parsable --array=0-$((TASKS - 1)) --chdir="$SCRATCH/kill" -o "$SCRATCH/kill/task.%a.log" \
	--cpus-per-task=1 --wrap "exec $PODSYNTH build -j 1 --no-progress --shard auto episodes")
# The first two tasks start at once (2 CPUs): the victim is the one with the
# larger share, killed when it has finished its first episode.
victim= share=0
for _ in $(seq 600); do
	for i in 0 1; do
		k=$(sed -n "s|^shard $i/$TASKS: \([0-9]*\) of.*|\1|p" "$SCRATCH/kill/task.$i.log" 2>/dev/null)
		[ -n "$k" ] && [ "$k" -gt "$share" ] && { victim=$i; share=$k; }
	done
	[ -n "$victim" ] && [ -s "$SCRATCH/kill/task.0.log" ] && [ -s "$SCRATCH/kill/task.1.log" ] && break
	sleep 0.1
done
for _ in $(seq 1200); do
	[ "$(built "$SCRATCH/kill/task.$victim.log" | wc -l)" -ge 1 ] && break
	sleep 0.05
done
scancel "${job}_$victim"
for _ in $(seq 1200); do
	squeue -h -j "$job" 2>/dev/null | grep -q . || break
	sleep 0.2
done
done_before=$(built "$SCRATCH/kill/task.$victim.log" | wc -l)
check "task $victim was killed midway ($done_before of its $share episodes done)" \
	test "$done_before" -ge 1 -a "$done_before" -lt "$share"
timeout 600 sbatch --wait --array="$victim" --chdir="$SCRATCH/kill" -o "$SCRATCH/kill/rerun.log" \
	--cpus-per-task=1 --wrap "exec $PODSYNTH build -j 1 --no-progress --shard auto/$TASKS episodes" \
	>"$SCRATCH/sbatch.out" 2>&1
check "task $victim run again alone (--array=$victim, --shard auto/$TASKS) succeeds" test $? -eq 0
check "...as shard $victim/$TASKS, its $share episodes" grep -q "^shard $victim/$TASKS: $share of" "$SCRATCH/kill/rerun.log"
(cd "$SCRATCH/kill" && "$PODSYNTH" feed -q >feed.log 2>&1)
check_eq "after the kill and the re-run, the site is byte for byte the single build's" \
	"$(site "$SCRATCH/kill")" "$(site "$SCRATCH/one")"
stale=$(find "$SCRATCH/kill/rss" -name '*.tmp.*' | wc -l)
check_eq "no temporary file of the killed task is left in the site" "$stale" 0
