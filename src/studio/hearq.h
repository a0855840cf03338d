/*
 * hearq.h: the hearing queue. The server's request thread must go on
 * answering while a paragraph is synthesised, so a hearing that needs
 * synthesis is put in this queue; a few queue threads take hearings in
 * order and run hear_synthesise (which drives synth/'s worker processes:
 * espeak-ng runs one synthesis per process, never in a thread of the
 * server), then call the hearing's done function, which resumes the
 * waiting request.
 *
 * In: prepared hearings (hear.h). Out: the same, synthesised (or failed),
 * and a done call each, from a queue thread.
 */
#ifndef PODSYNTH_STUDIO_HEARQ_H
#define PODSYNTH_STUDIO_HEARQ_H

#include <pthread.h>

#include "hear.h"

enum {
	HEARQ_THREADS = 2,     /* hearings synthesised at once: the two cores */
	HEARQ_MAX = 16,        /* hearings waiting or running, at most */
};

struct hearq_item {
	struct hearing *h;
	void (*done)(void *ud);  /* called from a queue thread when h is synthesised or failed */
	void *ud;
	struct hearq_item *next;
};

struct hearq {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct hearq_item *head, *tail;
	int n;                   /* waiting or running */
	int quit;
	pthread_t th[HEARQ_THREADS];
	int nth;
};

/* Starts the queue threads. 0, or -1 when none could start (reported). */
int hearq_start(struct hearq *q);
/* Whether the queue is full (only the thread that pushes may ask and then push). */
int hearq_full(struct hearq *q);
/* Queues it (the caller keeps owning it; do not touch it until its done call). */
void hearq_push(struct hearq *q, struct hearq_item *it);
/*
 * Stops the queue: the hearings being synthesised finish, those still
 * waiting are marked failed; each gets its done call. Then joins the threads.
 */
void hearq_stop(struct hearq *q);

#endif
