/*
 * render_pipe.c: the PCM queue, the byte queues, and each format's encoder
 * thread (see render_pipe.h for the shape).
 *
 * In: blocks of levelled PCM from the producer. Out: one temporary file per
 * format, written as the blocks come, and a copy of its bytes for the
 * lane's checker. The encoders take the blocks in order, so each file is
 * the same whatever the threads' timing.
 */
#include "render_pipe.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "codec/codec.h"
#include "audio/audio.h"
#include "core/core.h"

void stages_init(struct stages *s, const struct timeline *tl, double watch_db)
{
	int ch = tl->channels;
	pthread_mutex_init(&s->pq.mu, NULL);
	pthread_cond_init(&s->pq.changed, NULL);
	pthread_mutex_init(&s->fail_mu, NULL);
	s->pq.ch = ch;
	s->pq.nreaders = s->nlanes;
	s->pq.slots = xmalloc((size_t)QSLOTS * QFRAMES * (size_t)ch * sizeof *s->pq.slots);
	s->tl = tl;
	s->rate = tl->rate;
	s->channels = ch;
	s->watch_db = watch_db;
	s->failed_lane = -1;
	for (int i = 0; i < s->nlanes; i++) {
		struct lane *l = &s->lanes[i];
		l->s = s;
		l->idx = i;
		pthread_mutex_init(&l->bq.mu, NULL);
		pthread_cond_init(&l->bq.changed, NULL);
		l->bq.buf = xmalloc(BQ_SIZE);
		l->item_peak = xmalloc((size_t)(tl->n > 0 ? tl->n : 1) * sizeof *l->item_peak);
		for (int k = 0; k < tl->n; k++)
			l->item_peak[k] = -HUGE_VAL;
		l->dec_rate = l->fmt == FMT_OPUS ? 48000 : tl->rate;
	}
}

static void enc_release(struct lane *l)
{
	switch (l->fmt) {
	case FMT_VORBIS: {
		struct encoder *e = l->enc;
		enc_free(&e);
		break;
	}
	case FMT_OPUS: {
		struct opus_enc *e = l->enc;
		opusenc_free(&e);
		break;
	}
	case FMT_MP3: {
		struct mp3_encoder *e = l->enc;
		mp3enc_free(&e);
		break;
	}
	case FMT_COUNT:
		break;
	}
	l->enc = NULL;
}

void stages_destroy(struct stages *s)
{
	for (int i = 0; i < s->nlanes; i++) {
		struct lane *l = &s->lanes[i];
		if (l->f != NULL)
			fclose(l->f);
		l->f = NULL;
		enc_release(l);
		loud_meter_free(&l->dec);
		free(l->bq.buf);
		free(l->item_peak);
		pthread_mutex_destroy(&l->bq.mu);
		pthread_cond_destroy(&l->bq.changed);
	}
	free(s->pq.slots);
	pthread_mutex_destroy(&s->pq.mu);
	pthread_cond_destroy(&s->pq.changed);
	pthread_mutex_destroy(&s->fail_mu);
}

void stages_fail(struct stages *s, enum stage who, int lane)
{
	pthread_mutex_lock(&s->fail_mu);
	if (s->failed == STAGE_NONE) {
		s->failed = who;
		s->failed_lane = lane;
	}
	pthread_mutex_unlock(&s->fail_mu);
	pthread_mutex_lock(&s->pq.mu);
	s->pq.stop = 1;
	pthread_cond_broadcast(&s->pq.changed);
	pthread_mutex_unlock(&s->pq.mu);
	for (int i = 0; i < s->nlanes; i++) {
		struct byte_queue *q = &s->lanes[i].bq;
		pthread_mutex_lock(&q->mu);
		q->stop = 1;
		pthread_cond_broadcast(&q->changed);
		pthread_mutex_unlock(&q->mu);
	}
}

/* ---- the PCM queue ---- */

float *pq_slot(struct pcm_queue *q)
{
	pthread_mutex_lock(&q->mu);
	while (q->count == QSLOTS && !q->stop)
		pthread_cond_wait(&q->changed, &q->mu);
	float *p = q->stop ? NULL
		 : q->slots + (size_t)((q->head + q->count) % QSLOTS) * QFRAMES * (size_t)q->ch;
	pthread_mutex_unlock(&q->mu);
	return p;
}

void pq_commit(struct pcm_queue *q, long n)
{
	pthread_mutex_lock(&q->mu);
	q->n[(q->head + q->count) % QSLOTS] = n;
	q->count++;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

void pq_close(struct pcm_queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = 1;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

/* Reader r's next block: its frames (> 0), 0 at the end, -1 when stopped. */
static long pq_peek(struct pcm_queue *q, int r, float **p)
{
	pthread_mutex_lock(&q->mu);
	while (q->pos[r] == q->count && !q->closed && !q->stop)
		pthread_cond_wait(&q->changed, &q->mu);
	int at = (q->head + q->pos[r]) % QSLOTS;
	long n = q->stop ? -1 : q->pos[r] == q->count ? 0 : q->n[at];
	if (n > 0)
		*p = q->slots + (size_t)at * QFRAMES * (size_t)q->ch;
	pthread_mutex_unlock(&q->mu);
	return n;
}

/* Reader r is done with its block; blocks every reader is done with go. */
static void pq_release(struct pcm_queue *q, int r)
{
	pthread_mutex_lock(&q->mu);
	q->pos[r]++;
	int least = q->pos[0];
	for (int i = 1; i < q->nreaders; i++)
		if (q->pos[i] < least)
			least = q->pos[i];
	if (least > 0) {
		q->head = (q->head + least) % QSLOTS;
		q->count -= least;
		for (int i = 0; i < q->nreaders; i++)
			q->pos[i] -= least;
		pthread_cond_broadcast(&q->changed);
	}
	pthread_mutex_unlock(&q->mu);
}

/* ---- byte queues ---- */

/* Appends n bytes; -1 when the stages stopped. */
static int bq_put(struct byte_queue *q, const unsigned char *p, size_t n)
{
	pthread_mutex_lock(&q->mu);
	while (n > 0) {
		while (q->len == BQ_SIZE && !q->stop)
			pthread_cond_wait(&q->changed, &q->mu);
		if (q->stop)
			break;
		size_t at = (q->head + q->len) % BQ_SIZE;
		size_t k = BQ_SIZE - q->len;
		if (k > BQ_SIZE - at)
			k = BQ_SIZE - at;
		if (k > n)
			k = n;
		memcpy(q->buf + at, p, k);
		q->len += k;
		p += k;
		n -= k;
		pthread_cond_broadcast(&q->changed);
	}
	int rc = q->stop ? -1 : 0;
	pthread_mutex_unlock(&q->mu);
	return rc;
}

long bq_get(struct byte_queue *q, unsigned char *dst, size_t max)
{
	pthread_mutex_lock(&q->mu);
	while (q->len == 0 && !q->closed && !q->stop)
		pthread_cond_wait(&q->changed, &q->mu);
	long got = -1;
	if (!q->stop) {
		size_t k = q->len;
		if (k > BQ_SIZE - q->head)
			k = BQ_SIZE - q->head;
		if (k > max)
			k = max;
		memcpy(dst, q->buf + q->head, k);
		q->head = (q->head + k) % BQ_SIZE;
		q->len -= k;
		got = (long)k;
		pthread_cond_broadcast(&q->changed);
	}
	pthread_mutex_unlock(&q->mu);
	return got;
}

static void bq_close(struct byte_queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = 1;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

/* ---- the output file, through the encoders' callbacks ---- */

static int file_write(void *ud, const unsigned char *p, size_t n)
{
	struct lane *l = ud;
	errno = 0;
	if (fwrite(p, 1, n, l->f) != n) {
		l->file_err = errno ? errno : EIO;
		return -1;
	}
	return bq_put(&l->bq, p, n);
}

/* The MP3 Info frame, in place; the checker has seen the empty one. */
static int file_rewrite(void *ud, long long off, const unsigned char *p, size_t n)
{
	struct lane *l = ud;
	errno = 0;
	if (fflush(l->f) != 0 || fseeko(l->f, (off_t)off, SEEK_SET) != 0 ||
	    fwrite(p, 1, n, l->f) != n || fflush(l->f) != 0 || fseeko(l->f, 0, SEEK_END) != 0) {
		l->file_err = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

static int file_close(void *ud)
{
	struct lane *l = ud;
	FILE *f = l->f;
	if (f == NULL)
		return -1;
	l->f = NULL;
	errno = 0;
	int bad = fflush(f) != 0 || ferror(f);
	if (bad)
		l->file_err = errno ? errno : EIO;
	if (fclose(f) != 0 && !bad) {
		l->file_err = errno ? errno : EIO;
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* ---- the encoder thread ---- */

static int lane_encode(struct lane *l, const float *p, long n)
{
	switch (l->fmt) {
	case FMT_VORBIS: return enc_write_float(l->enc, p, n);
	case FMT_OPUS: return opusenc_write_float(l->enc, p, n);
	case FMT_MP3: return mp3enc_write_float(l->enc, p, n);
	case FMT_COUNT: break;
	}
	return ENC_BAD_ARG;
}

static int lane_drain(struct lane *l)
{
	switch (l->fmt) {
	case FMT_VORBIS: return enc_drain(l->enc);
	case FMT_OPUS: return opusenc_drain(l->enc);
	case FMT_MP3: return mp3enc_drain(l->enc);
	case FMT_COUNT: break;
	}
	return ENC_BAD_ARG;
}

static void *encoder_main(void *ud)
{
	struct lane *l = ud;
	struct stages *s = l->s;
	pthread_setname_np(pthread_self(), "podsynth-enc");
	float *p;
	long n;
	while ((n = pq_peek(&s->pq, l->idx, &p)) > 0) {
		int e = lane_encode(l, p, n);
		pq_release(&s->pq, l->idx);
		if (e != ENC_OK) {
			l->enc_err = e;
			stages_fail(s, STAGE_ENCODER, l->idx);
			return NULL;
		}
	}
	if (n < 0)
		return NULL;
	int e = lane_drain(l);
	if (e != ENC_OK) {
		l->enc_err = e;
		stages_fail(s, STAGE_ENCODER, l->idx);
		return NULL;
	}
	bq_close(&l->bq);
	return NULL;
}

int lane_start(struct lane *l, const char *tmp, const struct enc_comments *com,
	       const struct audio_meta *m, const unsigned char *pic, size_t pic_len,
	       const char *pic_mime)
{
	struct stages *s = l->s;
	int err = ENC_OK;
	if ((l->f = fopen(tmp, "wb")) == NULL) {
		msg(MSG_FILE_WRITE, l->out_path, 0, 0, "the audio" MSG_SEP "%s", strerror(errno));
		goto fail;
	}
	void *(*check)(void *) = l->fmt == FMT_MP3 ? check_mp3
			       : l->fmt == FMT_OPUS ? check_opus : check_vorbis;
	/* pthread_create returns its error; errno is not set. */
	int terr = pthread_create(&l->chk_th, NULL, check, l);
	if (terr != 0) {
		msg(MSG_RENDER_THREAD, l->out_path, 0, 0, "checker" MSG_SEP "%s", strerror(terr));
		goto fail;
	}
	l->chk_started = 1;
	static const struct enc_callbacks cb = {file_write, file_close, file_rewrite};
	switch (l->fmt) {
	case FMT_VORBIS:
		l->enc = enc_new(&cb, l, s->rate, s->channels, l->kbps, l->serial, com, &err);
		break;
	case FMT_OPUS:
		l->enc = opusenc_new(&cb, l, s->rate, s->channels, l->kbps, l->serial, com, pic,
				     pic_len, &err);
		break;
	case FMT_MP3: {
		size_t tag_len;
		unsigned char *tag = id3_tag(m, s->rate, s->tl->total, pic, pic_len, pic_mime,
					     &tag_len);
		l->enc = mp3enc_new(&cb, l, s->rate, s->channels, l->kbps, tag, tag_len, &err);
		free(tag);
		if (l->enc != NULL)
			l->mp3_delay = mp3enc_delay(l->enc);
		break;
	}
	case FMT_COUNT:
		err = ENC_BAD_ARG;
		break;
	}
	if (l->enc == NULL) {
		l->enc_err = err;
		stages_fail(s, STAGE_ENCODER, l->idx);
		return -1;
	}
	terr = pthread_create(&l->enc_th, NULL, encoder_main, l);
	if (terr != 0) {
		msg(MSG_RENDER_THREAD, l->out_path, 0, 0, "encoder" MSG_SEP "%s", strerror(terr));
		goto fail;
	}
	l->enc_started = 1;
	return 0;
fail:
	stages_fail(s, STAGE_PRODUCER, -1);
	return -1;
}

void lane_join(struct lane *l)
{
	if (l->enc_started)
		pthread_join(l->enc_th, NULL);
	if (l->chk_started) {
		if (!l->enc_started)
			stages_fail(l->s, l->s->failed ? l->s->failed : STAGE_PRODUCER, -1);
		pthread_join(l->chk_th, NULL);
	}
	l->enc_started = l->chk_started = 0;
}

int stages_report(struct stages *s)
{
	struct lane *l = s->failed_lane >= 0 ? &s->lanes[s->failed_lane] : NULL;
	switch (s->failed) {
	case STAGE_NONE:
		return 0;
	case STAGE_PRODUCER:
		return -1;      /* reported */
	case STAGE_ENCODER:
		if (l->enc_err == ENC_WRITE_FAILED || l->enc_err == ENC_CLOSE_FAILED)
			msg(MSG_FILE_WRITE, l->out_path, 0, 0, "the audio" MSG_SEP "%s",
			    strerror(l->file_err ? l->file_err : EIO));
		else
			msg(MSG_RENDER_ENCODE, l->out_path, 0, 0, "%s",
			    enc_strerror(l->enc_err));
		return -1;
	case STAGE_CHECKER:
		msg(MSG_RENDER_UNDECODABLE, l->out_path, 0, 0, "%s", l->dec_why);
		return -1;
	}
	return -1;
}

int64_t lane_expected_frames(const struct lane *l)
{
	const struct stages *s = l->s;
	if (l->dec_rate == s->rate)
		return s->tl->total;
	/* libopusenc's resampler: the end granule is the length at 48 kHz. */
	return (s->tl->total * l->dec_rate + s->rate - 1) / s->rate;
}
