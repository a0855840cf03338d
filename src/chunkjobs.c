/*
 * chunkjobs.c: a pool of threads that take the next item to encode from a
 * shared counter (pthreads).
 *
 * In: callbacks for each item's input and output (chunkjobs.h). Out: the
 * chunks, through the done callback, and the first error by item number,
 * so the error reported does not depend on the job count either.
 */
#include "chunkjobs.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>

struct pool {
	const struct chunk_params *p;
	const struct chunk_job_callbacks *cb;
	void *ud;
	int n;
	pthread_mutex_t lock;
	int next;          /* next item to take */
	int err, err_item; /* the lowest-numbered failure */
};

static void fail(struct pool *pl, int i, int err)
{
	pthread_mutex_lock(&pl->lock);
	if (pl->err == CHUNK_OK || i < pl->err_item) {
		pl->err = err;
		pl->err_item = i;
	}
	pthread_mutex_unlock(&pl->lock);
}

static void *worker(void *arg)
{
	struct pool *pl = arg;
	for (;;) {
		pthread_mutex_lock(&pl->lock);
		int i = pl->next < pl->n && pl->err == CHUNK_OK ? pl->next++ : -1;
		pthread_mutex_unlock(&pl->lock);
		if (i < 0)
			break;
		struct chunk_span span;
		float *pcm = NULL;
		struct chunk *c = NULL;
		if (pl->cb->get(pl->ud, i, &span, &pcm) != 0) {
			free(pcm);
			fail(pl, i, CHUNK_INTERNAL);
			continue;
		}
		int r = chunk_encode(pl->p, &span, pcm, &c);
		free(pcm);
		if (r != CHUNK_OK) {
			fail(pl, i, r);
			continue;
		}
		if (pl->cb->done(pl->ud, i, c) != 0)
			fail(pl, i, CHUNK_WRITE_FAILED);
	}
	return NULL;
}

int chunk_encode_jobs(const struct chunk_params *p, int n, int jobs,
		      const struct chunk_job_callbacks *cb, void *ud, int *failed)
{
	struct pool pl = {.p = p, .cb = cb, .ud = ud, .n = n, .err_item = -1};
	pthread_mutex_init(&pl.lock, NULL);
	chunk_init();
	if (jobs < 1)
		jobs = 1;
	if (jobs > n)
		jobs = n > 0 ? n : 1;
	pthread_t *t = xcalloc((size_t)jobs, sizeof *t);
	int started = 0;
	for (int k = 1; k < jobs; k++) {
		if (pthread_create(&t[k], NULL, worker, &pl) != 0)
			break;
		started = k;
	}
	worker(&pl);
	for (int k = 1; k <= started; k++)
		pthread_join(t[k], NULL);
	free(t);
	pthread_mutex_destroy(&pl.lock);
	if (failed)
		*failed = pl.err_item;
	return pl.err;
}
