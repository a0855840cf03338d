/*
 * shard.c: one task's share of the episodes (see shard.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "shard.h"

#define SHARD_MAX 100000

/* A whole number from lo to hi, all of s; 0, or -1. */
static int whole(const char *s, long lo, long hi, long *out)
{
	char *e;
	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	long v = strtol(s, &e, 10);
	if (errno != 0 || *e != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/*
 * The task's index from the environment: Slurm, else Kubernetes. With
 * relative, Slurm's is counted from the array's first task (for "auto",
 * whose count is the array's); else it is the task ID itself (for
 * "auto/N", so that one task re-run alone, --array=I, is still task I).
 */
static int env_index(long *index, int relative, char *why, size_t n, int *slurm)
{
	const char *id = getenv("SLURM_ARRAY_TASK_ID");
	*slurm = 0;
	if (id != NULL) {
		const char *min = getenv("SLURM_ARRAY_TASK_MIN");
		long i, m = 0;
		if (whole(id, 0, LONG_MAX / 2, &i) != 0 ||
		    (relative && min != NULL && whole(min, 0, LONG_MAX / 2, &m) != 0) || i < m) {
			snprintf(why, n, "SLURM_ARRAY_TASK_ID=\"%s\" (SLURM_ARRAY_TASK_MIN=\"%s\") is "
				 "not a task of the array", id, min ? min : "");
			return -1;
		}
		*index = i - m;
		*slurm = 1;
		return 0;
	}
	const char *k = getenv("JOB_COMPLETION_INDEX");
	if (k != NULL) {
		if (whole(k, 0, SHARD_MAX - 1, index) != 0) {
			snprintf(why, n, "JOB_COMPLETION_INDEX=\"%s\" is not an index", k);
			return -1;
		}
		return 0;
	}
	snprintf(why, n, "\"auto\" needs SLURM_ARRAY_TASK_ID (a Slurm job array) or "
		 "JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) in the environment");
	return -1;
}

int shard_parse(const char *spec, struct shard *s, char *why, size_t n)
{
	long index, count;
	s->index = s->count = 0;
	const char *slash = strchr(spec, '/');
	if (strcmp(spec, "auto") == 0 || strncmp(spec, "auto/", 5) == 0) {
		int slurm;
		if (env_index(&index, slash == NULL, why, n, &slurm) != 0)
			return -1;
		if (slash != NULL) {
			if (whole(slash + 1, 1, SHARD_MAX, &count) != 0) {
				snprintf(why, n, "\"%s\": the count after \"auto/\" must be a whole number "
					 "from 1 to %d", spec, SHARD_MAX);
				return -1;
			}
		} else {
			const char *c = slurm ? getenv("SLURM_ARRAY_TASK_COUNT") : NULL;
			if (whole(c, 1, SHARD_MAX, &count) != 0) {
				snprintf(why, n, "\"auto\" needs SLURM_ARRAY_TASK_COUNT (a Slurm job "
					 "array); give the count as auto/N otherwise");
				return -1;
			}
		}
	} else {
		char head[32];
		size_t h = slash ? (size_t)(slash - spec) : 0;
		if (slash == NULL || h == 0 || h >= sizeof head) {
			snprintf(why, n, "\"%s\" is not I/N, auto or auto/N", spec);
			return -1;
		}
		memcpy(head, spec, h);
		head[h] = '\0';
		if (whole(head, 0, SHARD_MAX - 1, &index) != 0 ||
		    whole(slash + 1, 1, SHARD_MAX, &count) != 0) {
			snprintf(why, n, "\"%s\" is not I/N with whole numbers, 0 <= I < N <= %d",
				 spec, SHARD_MAX);
			return -1;
		}
	}
	if (index >= count) {
		snprintf(why, n, "task %ld is not one of %ld (tasks count from 0)", index, count);
		return -1;
	}
	s->index = (int)index;
	s->count = (int)count;
	return 0;
}

int shard_owns(const struct shard *s, const char *path)
{
	if (s->count <= 0)
		return 1;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return hash64(base, strlen(base)) % (uint64_t)s->count == (uint64_t)s->index;
}
