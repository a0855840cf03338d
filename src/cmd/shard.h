/*
 * shard.h: which episodes one task of a batch renders.
 *
 * In: `--shard` as given (I/N, auto, auto/N), the environment of a batch
 * engine (Slurm's job arrays, Kubernetes' Indexed Jobs), the episode files.
 * Out: the task's index and the count, and whether an episode is its own.
 *
 * An episode belongs to share hash64(its file name, without directories)
 * mod N: a pure function of the name, so adding episodes never moves one
 * that was there to another share, every episode belongs to exactly one
 * share, and every task of an array computes the same partition without
 * talking to the others.
 */
#ifndef PODSYNTH_SHARD_H
#define PODSYNTH_SHARD_H

struct shard {
	int index;      /* 0 .. count - 1 */
	int count;      /* 0: no sharding, every episode is ours */
};

/*
 * Reads spec: "I/N" (0 <= I < N <= 100000); "auto" (Slurm's
 * SLURM_ARRAY_TASK_ID minus SLURM_ARRAY_TASK_MIN, of
 * SLURM_ARRAY_TASK_COUNT: a whole array); "auto/N" (I is Slurm's
 * SLURM_ARRAY_TASK_ID itself, so an array 0-(N-1), or one task of it
 * re-run alone; else Kubernetes' JOB_COMPLETION_INDEX). Returns 0, or -1
 * with the problem written to why (n bytes).
 */
int shard_parse(const char *spec, struct shard *s, char *why, size_t n);

/* 1 when the episode file at path is in share s (always, when s->count is 0). */
int shard_owns(const struct shard *s, const char *path);

#endif
