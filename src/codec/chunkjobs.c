/*
 * chunkjobs.c: a pool of threads that take the next item from a shared
 * counter (pthreads), and the chunks of a timeline encoded on it.
 *
 * In: a work callback per item (chunk_run_jobs), or callbacks for each
 * item's input and output (chunk_encode_jobs). Out: the first error by
 * item number, so the error reported does not depend on the job count
 * either; the chunks, through the done callback.
 */
#include "chunkjobs.h"
#include "core/core.h"

#include <pthread.h>
#include <stdlib.h>

struct pool {
	int (*work)(void *ud, int i);
	void (*after)(void *ud);
	void *ud;
	int n;
	pthread_mutex_t lock;
	int next;          /* next item to take */
	int err, err_item; /* the lowest-numbered failure */
};

static int take(struct pool *pl)
{
	pthread_mutex_lock(&pl->lock);
	int i = pl->next < pl->n && pl->err == 0 ? pl->next++ : -1;
	pthread_mutex_unlock(&pl->lock);
	return i;
}

static void fail(struct pool *pl, int i, int err)
{
	pthread_mutex_lock(&pl->lock);
	if (pl->err == 0 || i < pl->err_item) {
		pl->err = err;
		pl->err_item = i;
	}
	pthread_mutex_unlock(&pl->lock);
}

static void *worker(void *arg)
{
	struct pool *pl = arg;
	int i;
	while ((i = take(pl)) >= 0) {
		int r = pl->work(pl->ud, i);
		if (r != 0)
			fail(pl, i, r);
	}
	return NULL;
}

int chunk_run_jobs(int n, int jobs, int (*work)(void *ud, int i), void (*after)(void *ud),
		   void *ud, int *failed)
{
	struct pool pl = {.work = work, .after = after, .ud = ud, .n = n, .err_item = -1};
	pthread_mutex_init(&pl.lock, NULL);
	if (jobs < 1)
		jobs = 1;
	if (jobs > n)
		jobs = n > 0 ? n : 1;
	pthread_t *t = xcalloc((size_t)jobs, sizeof *t);
	int started = 0;
	for (int k = 1; k < jobs; k++) {
		if (pthread_create(&t[k], NULL, worker, &pl) != 0)
			break;  /* fewer threads: the same bytes, later */
		started = k;
	}
	/* This thread works too, and tells after each of its items. */
	int i;
	while ((i = take(&pl)) >= 0) {
		int r = work(ud, i);
		if (r != 0)
			fail(&pl, i, r);
		if (after != NULL)
			after(ud);
	}
	for (int k = 1; k <= started; k++)
		pthread_join(t[k], NULL);
	free(t);
	pthread_mutex_destroy(&pl.lock);
	if (failed)
		*failed = pl.err_item;
	return pl.err;
}

/* ---- chunk_encode_jobs ---- */

struct encode_jobs {
	const struct chunk_params *p;
	const struct chunk_job_callbacks *cb;
	void *ud;
};

static int encode_one(void *ud, int i)
{
	struct encode_jobs *ej = ud;
	struct chunk_span span;
	float *pcm = NULL;
	struct chunk *c = NULL;
	if (ej->cb->get(ej->ud, i, &span, &pcm) != 0) {
		free(pcm);
		return CHUNK_INTERNAL;
	}
	int r = chunk_encode(ej->p, &span, pcm, &c);
	free(pcm);
	if (r != CHUNK_OK)
		return r;
	if (ej->cb->done(ej->ud, i, c) != 0)
		return CHUNK_WRITE_FAILED;
	return CHUNK_OK;
}

int chunk_encode_jobs(const struct chunk_params *p, int n, int jobs,
		      const struct chunk_job_callbacks *cb, void *ud, int *failed)
{
	struct encode_jobs ej = {p, cb, ud};
	chunk_init();
	return chunk_run_jobs(n, jobs, encode_one, NULL, &ej, failed);
}
