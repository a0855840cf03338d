/*
 * hearq.c: the hearing queue (hearq.h). In: hearings pushed by the request
 * thread; out: the same synthesised, and their done calls. A mutex and a
 * condition variable guard the list; a queue thread holds no lock while it
 * synthesises.
 */
#include "hearq.h"

#include <string.h>

#include "core/core.h"

static void *queue_thread(void *arg)
{
	struct hearq *q = arg;
	pthread_mutex_lock(&q->mu);
	for (;;) {
		while (!q->quit && q->head == NULL)
			pthread_cond_wait(&q->cv, &q->mu);
		if (q->quit)
			break;
		struct hearq_item *it = q->head;
		q->head = it->next;
		if (q->head == NULL)
			q->tail = NULL;
		pthread_mutex_unlock(&q->mu);
		hear_synthesise(it->h);
		it->done(it->ud);   /* it may be freed from here on */
		pthread_mutex_lock(&q->mu);
		q->n--;
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

int hearq_start(struct hearq *q)
{
	memset(q, 0, sizeof *q);
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->cv, NULL);
	for (int i = 0; i < HEARQ_THREADS; i++)
		if (pthread_create(&q->th[q->nth], NULL, queue_thread, q) == 0)
			q->nth++;
	if (q->nth == 0) {
		msg(MSG_SYS_INTERNAL, "podsynth studio", 0, 0, "the hearing queue cannot start a thread");
		return -1;
	}
	return 0;
}

int hearq_full(struct hearq *q)
{
	pthread_mutex_lock(&q->mu);
	int full = q->n >= HEARQ_MAX || q->quit;
	pthread_mutex_unlock(&q->mu);
	return full;
}

void hearq_push(struct hearq *q, struct hearq_item *it)
{
	it->next = NULL;
	pthread_mutex_lock(&q->mu);
	if (q->tail)
		q->tail->next = it;
	else
		q->head = it;
	q->tail = it;
	q->n++;
	pthread_cond_signal(&q->cv);
	pthread_mutex_unlock(&q->mu);
}

void hearq_stop(struct hearq *q)
{
	if (q->nth == 0)
		return;
	pthread_mutex_lock(&q->mu);
	q->quit = 1;
	pthread_cond_broadcast(&q->cv);
	pthread_mutex_unlock(&q->mu);
	for (int i = 0; i < q->nth; i++)
		pthread_join(q->th[i], NULL);
	q->nth = 0;
	for (struct hearq_item *it = q->head, *next; it; it = next) {
		next = it->next;
		hear_fail(it->h);
		q->n--;
		it->done(it->ud);
	}
	q->head = q->tail = NULL;
	/* the mutex stays: hearq_full answers "full" until the server is gone */
}
