/*
 * chunkjobs.h: the chunks of a timeline encoded on several threads (-j).
 *
 * In: the number of items and callbacks that give each item's span and
 * PCM and take its finished chunk. Out: every chunk, through the done
 * callback. Each chunk depends only on its own input, so the bytes are the
 * same whatever the job count and whichever thread made them.
 */
#ifndef PODSYNTH_CHUNKJOBS_H
#define PODSYNTH_CHUNKJOBS_H

#include "chunk.h"

struct chunk_job_callbacks {
	/* Gives item i's span and PCM (span->length interleaved frames; the
	   pool frees *pcm with free()). Called once per item, on any thread.
	   Returns 0, or non-zero to fail. */
	int (*get)(void *ud, int i, struct chunk_span *span, float **pcm);
	/* Takes item i's chunk (the callback owns it and frees it with
	   chunk_free), on any thread. Returns 0, or non-zero to fail. */
	int (*done)(void *ud, int i, struct chunk *c);
};

/*
 * Runs work(ud, i) for i in 0..n-1 on jobs threads (the calling thread one
 * of them), each item on one thread, in any order; after (may be NULL) is
 * called on the calling thread after each item it did. Returns 0, or the
 * non-zero value of the lowest-numbered item that failed, with that item
 * in *failed (items after a failure may be left undone). A thread that
 * cannot be started leaves its items to the others.
 */
int chunk_run_jobs(int n, int jobs, int (*work)(void *ud, int i), void (*after)(void *ud),
		   void *ud, int *failed);

/*
 * Encodes items 0..n-1 on jobs threads (1: on the calling thread). Returns
 * CHUNK_OK, or the error of the lowest-numbered item that failed, with that
 * item in *failed (CHUNK_INTERNAL when get failed, CHUNK_WRITE_FAILED when
 * done did); items after a failure may be left undone.
 */
int chunk_encode_jobs(const struct chunk_params *p, int n, int jobs,
		      const struct chunk_job_callbacks *cb, void *ud, int *failed);

#endif
