/*
 * render.c: a laid-out timeline made into the finished .ogg file.
 *
 * In: the timeline (streamed through tl_reader), the loudness target and
 * ceiling, the Vorbis comments. Out: out_path (written to a temporary name,
 * renamed into place only when complete) and the figures of what was
 * encoded, measured on the file's own bytes decoded again.
 *
 * Levelling. Every audible item (a segment, an intro or outro, an audio
 * file) is brought to the loudness target on its own: a gain, then a
 * lookahead peak limiter (loudness.h) with a fresh state for each item. The
 * gain is the one that, with the limiter working, lands the item's
 * integrated loudness on the target (level_search, on the item's audio at
 * the output rate). Items are parted by pauses and begin and end with
 * fades, so an item levelled alone sounds the same in the episode, and an
 * episode made of items at the target measures at the target (each item
 * aims a little over it for the quieter gating blocks at its edges; the
 * final check makes sure). Speech segments keep their gain in a small file
 * next to their cache file (LEVEL_EXT), valid for the segment's checksum
 * and the settings only, so a rebuild after an edit searches only the
 * segments that changed: the rest of it is one pass.
 *
 * The limiter's ceiling sits LIMIT_MARGIN_DB under the requested true peak:
 * it holds sample peaks, and both the peaks between samples and the lossy
 * codec add to what a decoder gives (together 1.2 to 1.7 dB for levelled
 * espeak-ng speech at 64 kbit/s; more, now and then, for an isolated
 * click).
 *
 * One pass, three threads, nothing growing with the episode:
 *
 *   this thread: timeline reader -> gain + limiter -> meter (what is
 *                encoded) -> PCM queue
 *   encoder:     PCM queue -> libvorbisenc -> file, and a copy of every
 *                byte written -> byte queue
 *   checker:     byte queue -> libogg + libvorbis decoder -> meter (what a
 *                player decodes: loudness and true peak, and which items
 *                the peaks over the guard are in)
 *
 * The encoder takes the blocks in order, so the file is the same whatever
 * the threads' timing. If a decoded true peak comes within DECODED_GUARD_DB
 * of the ceiling, the items it is in get their limiter lowered by the
 * excess (and their level records say so, so the next build gets it right
 * the first time) and the episode is encoded again; if the decoded
 * loudness strays more than LUFS_GUARD_LU from the target, the items'
 * target moves by the error and the episode is encoded again.
 */
#include "render.h"

#include <errno.h>
#include <math.h>
#include <ogg/ogg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vorbis/codec.h>

#include "encode.h"
#include "loudness.h"
#include "segcache.h"
#include "util.h"

#define RBLOCK 4096                   /* frames read from the timeline at a time */
#define QFRAMES 4096                  /* frames per block on the way to the encoder */
#define QSLOTS 128                    /* blocks the PCM queue holds (12 s at 44.1 kHz) */
#define BQ_SIZE ((size_t)1 << 18)     /* bytes the byte queue holds */
#define MEM_CAP ((int64_t)1 << 22)    /* samples of one item levelled in memory */

static const double LIMIT_MARGIN_DB = 2.0;
static const double DECODED_GUARD_DB = 0.1;
static const double LUFS_GUARD_LU = 0.3;
static const int MAX_REENCODES = 2;
/* The search stops this close to the target, */
static const double LEVEL_TOL_LU = 0.1;
/* or after this many passes through the limiter, */
static const int LEVEL_MAX_PASSES = 8;
/* and never pushes an item more than this far into the limiter (a short
 * heading full of plosives stays a little under the target instead). */
static const double LEVEL_MAX_PUSH_DB = 7;
static const double LEVEL_MAX_GAIN_DB = 30;
/* An item shorter than a gating block is measured as one, padded with silence. */
static const double LEVEL_MIN_S = 0.4;
/* In the episode the gating blocks that straddle an item's edges (part
 * item, part pause) count too, and bring its loudness down a little: an
 * item aims that much over the target (its raw audio measured alone and
 * with LEVEL_MIN_S of silence each side), at most LEVEL_EDGE_MAX_LU. */
static const double LEVEL_EDGE_MAX_LU = 0.5;

/* ---- the level cache ---- */

#define LEVEL_EXT ".lvl"
#define LEVEL_MAGIC "PSYNLVL\n"
/* Part of every record: change it whenever the gain an item gets changes
 * (limiter, fades, resampler, search). */
#define LEVEL_VERSION 4u
#define LEVEL_SIZE 80

/* What a kept gain is for. */
struct level_key {
	uint64_t seg_sum;       /* the segment cache file's checksum */
	int rate, channels, bitrate;
	double target, ceiling; /* the episode's target and limiter ceiling */
};

static void put_u64le(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64le(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static uint64_t dbits(double d)
{
	uint64_t u;
	memcpy(&u, &d, sizeof u);
	return u;
}

static double bitsd(uint64_t u)
{
	double d;
	memcpy(&d, &u, sizeof d);
	return d;
}

/*
 * The record for k: magic, version, rate, channels, bitrate, checksum,
 * target, ceiling, then the item's gain and its own limiter ceiling (lower
 * than the episode's when the codec pushed the item's peaks too high), then
 * the XXH3 of all that.
 */
static void level_record(unsigned char r[LEVEL_SIZE], const struct level_key *k, double gain,
			 double ceiling)
{
	memset(r, 0, LEVEL_SIZE);
	memcpy(r, LEVEL_MAGIC, 8);
	put_u64le(r + 8, (uint64_t)LEVEL_VERSION | (uint64_t)(uint32_t)k->rate << 32);
	put_u64le(r + 16, (uint64_t)(uint32_t)k->channels | (uint64_t)(uint32_t)k->bitrate << 32);
	put_u64le(r + 24, k->seg_sum);
	put_u64le(r + 32, dbits(k->target));
	put_u64le(r + 40, dbits(k->ceiling));
	put_u64le(r + 48, dbits(gain));
	put_u64le(r + 56, dbits(ceiling));
	put_u64le(r + 72, hash64(r, 72));
}

/*
 * The gain and item ceiling kept for k at path, if that ceiling is at most
 * *ceiling: 0, or -1 when there is none that fits.
 */
static int level_load(const char *path, const struct level_key *k, double *gain, double *ceiling)
{
	size_t n;
	unsigned char *d = (unsigned char *)read_file(path, &n);
	int ret = -1;
	if (d != NULL && n == LEVEL_SIZE) {
		double g = bitsd(get_u64le(d + 48)), c = bitsd(get_u64le(d + 56));
		unsigned char want[LEVEL_SIZE];
		level_record(want, k, g, c);
		if (memcmp(d, want, LEVEL_SIZE) == 0 && isfinite(g) && isfinite(c) &&
		    c <= *ceiling) {
			*gain = g;
			*ceiling = c;
			ret = 0;
		}
	}
	free(d);
	return ret;
}

/* Keeps gain and ceiling for k at path; a cache that cannot be written is no error. */
static void level_store(const char *path, const struct level_key *k, double gain, double ceiling)
{
	unsigned char r[LEVEL_SIZE];
	level_record(r, k, gain, ceiling);
	(void)write_file_atomic(path, r, LEVEL_SIZE);
}

/* ---- levelling ---- */

/* One item's audio for the search: in memory, or read again each time. */
struct level_src {
	const struct timeline *tl;
	int idx;
	const float *mem;       /* the item's frames, or NULL */
};

static int meter_sink(void *ud, const float *frames, long n)
{
	return loud_meter_add(ud, frames, n);
}

/*
 * The integrated loudness of item src at gain_db, through the limiter at
 * ceiling when limit is set (else unchanged). With padded, also that of the
 * item between LEVEL_MIN_S of silence each side. 0, or -1 reported.
 */
static int level_pass(const struct level_src *src, double gain_db, double ceiling, int limit,
		      double *lufs, double *padded)
{
	const struct timeline *tl = src->tl;
	int ch = tl->channels, ret = -1;
	int64_t len = tl->items[src->idx].length;
	struct loud_meter *m = loud_meter_new(tl->rate, ch, LOUD_PEAK_NONE);
	struct loud_meter *mp = padded ? loud_meter_new(tl->rate, ch, LOUD_PEAK_NONE) : NULL;
	struct limiter *lim = NULL;
	struct tl_reader *rd = NULL;
	float *buf = NULL;
	if (m == NULL || (padded && mp == NULL)) {
		diag(DIAG_ERROR, NULL, 0, 0, "loudness meter refused format \"%d Hz, %d channels\"",
		     tl->rate, ch);
		goto out;
	}
	if (limit) {
		struct limiter_out lo = {gain_db, ceiling, meter_sink, m};
		if ((lim = limiter_new(tl->rate, ch, &lo, 1)) == NULL) {
			diag(DIAG_ERROR, NULL, 0, 0, "limiter refused format \"%d Hz, %d channels\"",
			     tl->rate, ch);
			goto out;
		}
	}
	if (src->mem == NULL && (rd = tl_reader_new_item(tl, src->idx)) == NULL)
		goto out;
	long edge = (long)ceil(LEVEL_MIN_S * tl->rate);
	long pad = len < edge ? edge - (long)len : 0;
	buf = xcalloc((size_t)(RBLOCK > edge ? RBLOCK : edge) * (size_t)ch, sizeof *buf);
	if (mp && loud_meter_add(mp, buf, edge) != 0)
		goto meter_failed;
	int64_t done = 0;
	while (done < len) {
		long n = len - done < RBLOCK ? (long)(len - done) : RBLOCK;
		const float *p = src->mem ? src->mem + (size_t)done * (size_t)ch : buf;
		if (src->mem == NULL && tl_reader_read(rd, buf, n) != n) {
			diag(DIAG_ERROR, NULL, 0, 0, "timeline item %d ended early", src->idx);
			goto out;
		}
		if ((lim ? limiter_process(lim, p, n) : loud_meter_add(m, p, n)) != 0 ||
		    (mp && loud_meter_add(mp, p, n) != 0))
			goto meter_failed;
		done += n;
	}
	if (lim && limiter_drain(lim) != 0)
		goto meter_failed;
	memset(buf, 0, (size_t)edge * (size_t)ch * sizeof *buf);
	if (loud_meter_add(m, buf, pad) != 0 || (mp && loud_meter_add(mp, buf, edge) != 0))
		goto meter_failed;
	*lufs = loud_meter_lufs(m);
	if (mp)
		*padded = loud_meter_lufs(mp);
	ret = 0;
	goto out;
meter_failed:
	diag(DIAG_ERROR, NULL, 0, 0, "loudness measurement failed \"libebur128\"");
out:
	tl_reader_free(&rd);
	limiter_free(&lim);
	loud_meter_free(&m);
	loud_meter_free(&mp);
	free(buf);
	return ret;
}

/*
 * The gain that brings item src, limited at ceiling, to target LUFS. The
 * limiter takes back part of every dB added, more the harder it works (and
 * the gate makes the curve a little rough), so the gain is found by trying:
 * first the plain distance to the target, then steps along the slope seen
 * so far (half a dB per dB at first), a little long so as to get past the
 * target, then the secant between the two ends that bracket it (Illinois).
 * The gain never goes LEVEL_MAX_PUSH_DB past the plain distance. A pure
 * function of the item's audio and the figures, so every build agrees.
 * Silence (below the gate) gets 0 dB. 0, or -1 reported.
 */
static int level_search(const struct level_src *src, double target, double ceiling,
			double *gain)
{
	double l0, lp;
	if (level_pass(src, 0, 0, 0, &l0, &lp) != 0)
		return -1;
	*gain = 0;
	if (!isfinite(l0))
		return 0;
	target += fmin(fmax(l0 - lp, 0), LEVEL_EDGE_MAX_LU);
	double g0 = fmin(target - l0, LEVEL_MAX_GAIN_DB);
	double gmax = fmin(g0 + LEVEL_MAX_PUSH_DB, LEVEL_MAX_GAIN_DB);
	double g = g0, pg = NAN, pf = 0, best_f = HUGE_VAL;
	double lo_g = NAN, lo_f = 0, hi_g = NAN, hi_f = 0;
	int side = 0;           /* which end moved last: -1 low, 1 high */
	for (int pass = 0; pass < LEVEL_MAX_PASSES; pass++) {
		double l;
		if (level_pass(src, g, ceiling, 1, &l, NULL) != 0)
			return -1;
		double f = isfinite(l) ? l - target : -100;
		if (fabs(f) < fabs(best_f)) {
			best_f = f;
			*gain = g;
		}
		if (fabs(f) <= LEVEL_TOL_LU || (f < 0 && g >= gmax))
			break;
		if (f < 0) {
			lo_g = g;
			lo_f = f;
			if (side == -1)
				hi_f /= 2;
			side = -1;
		} else {
			hi_g = g;
			hi_f = f;
			if (side == 1)
				lo_f /= 2;
			side = 1;
		}
		double next;
		if (!isnan(lo_g) && !isnan(hi_g)) {
			next = lo_g + (hi_g - lo_g) * -lo_f / (hi_f - lo_f);
		} else {
			double slope = isnan(pg) ? (f < 0 ? 0.5 : 1.0) : (f - pf) / (g - pg);
			slope = fmin(fmax(slope, 0.1), 1.0);
			next = g - 1.3 * f / slope;
		}
		pg = g;
		pf = f;
		g = fmin(next, gmax);
	}
	return 0;
}

/* ---- queues between the threads ---- */

/* Blocks of PCM, in order, from this thread to the encoder. */
struct pcm_queue {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	float *slots;           /* QSLOTS * QFRAMES frames */
	long n[QSLOTS];
	int ch;
	int head, count;        /* the oldest full slot, full slots */
	int closed, stop;
};

/* Bytes of the file, in order, from the encoder to the checker. */
struct byte_queue {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	unsigned char *buf;
	size_t head, len;
	int closed, stop;
};

/* The slot to fill next; NULL when the stages stopped. */
static float *pq_slot(struct pcm_queue *q)
{
	pthread_mutex_lock(&q->mu);
	while (q->count == QSLOTS && !q->stop)
		pthread_cond_wait(&q->changed, &q->mu);
	float *p = q->stop ? NULL
		 : q->slots + (size_t)((q->head + q->count) % QSLOTS) * QFRAMES * (size_t)q->ch;
	pthread_mutex_unlock(&q->mu);
	return p;
}

/* The slot pq_slot gave holds n frames. */
static void pq_commit(struct pcm_queue *q, long n)
{
	pthread_mutex_lock(&q->mu);
	q->n[(q->head + q->count) % QSLOTS] = n;
	q->count++;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

/* The oldest block: its frames (> 0), 0 at the end, -1 when stopped. */
static long pq_peek(struct pcm_queue *q, float **p)
{
	pthread_mutex_lock(&q->mu);
	while (q->count == 0 && !q->closed && !q->stop)
		pthread_cond_wait(&q->changed, &q->mu);
	long n = q->stop ? -1 : q->count == 0 ? 0 : q->n[q->head];
	if (n > 0)
		*p = q->slots + (size_t)q->head * QFRAMES * (size_t)q->ch;
	pthread_mutex_unlock(&q->mu);
	return n;
}

static void pq_release(struct pcm_queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->head = (q->head + 1) % QSLOTS;
	q->count--;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

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

/* Takes up to max bytes into dst: how many, 0 at the end, -1 when stopped. */
static long bq_get(struct byte_queue *q, unsigned char *dst, size_t max)
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

/* ---- the stages ---- */

enum stage { STAGE_NONE, STAGE_PRODUCER, STAGE_ENCODER, STAGE_CHECKER };

/* The output file, written through the encoder's callbacks. */
struct file_out {
	FILE *f;
	int err;                /* errno of the first failure */
};

struct stages {
	struct pcm_queue pq;
	struct byte_queue bq;
	pthread_mutex_t fail_mu;
	enum stage failed;      /* the stage that failed first */

	/* encoder thread */
	struct encoder *enc;
	struct file_out fo;
	int enc_err;

	/* checker thread */
	const struct timeline *tl;
	int rate, channels;
	double watch_db;        /* decoded true peaks from here up are placed */
	struct loud_meter *dec;
	int64_t dec_frames;
	int item;               /* the item the next decoded frame belongs to */
	double *item_peak;      /* per item: the largest decoded true peak placed there */
	char dec_why[96];
};

/* Stage who failed: every stage stops (the first failure is the one told). */
static void stages_fail(struct stages *s, enum stage who)
{
	pthread_mutex_lock(&s->fail_mu);
	if (s->failed == STAGE_NONE)
		s->failed = who;
	pthread_mutex_unlock(&s->fail_mu);
	pthread_mutex_lock(&s->pq.mu);
	s->pq.stop = 1;
	pthread_cond_broadcast(&s->pq.changed);
	pthread_mutex_unlock(&s->pq.mu);
	pthread_mutex_lock(&s->bq.mu);
	s->bq.stop = 1;
	pthread_cond_broadcast(&s->bq.changed);
	pthread_mutex_unlock(&s->bq.mu);
}

static int file_write(void *ud, const unsigned char *p, size_t n)
{
	struct stages *s = ud;
	errno = 0;
	if (fwrite(p, 1, n, s->fo.f) != n) {
		s->fo.err = errno ? errno : EIO;
		return -1;
	}
	return bq_put(&s->bq, p, n);
}

static int file_close(void *ud)
{
	struct stages *s = ud;
	FILE *f = s->fo.f;
	s->fo.f = NULL;
	errno = 0;
	int bad = fflush(f) != 0 || ferror(f);
	if (bad)
		s->fo.err = errno ? errno : EIO;
	if (fclose(f) != 0 && !bad) {
		s->fo.err = errno ? errno : EIO;
		bad = 1;
	}
	return bad ? -1 : 0;
}

static void *encoder_main(void *ud)
{
	struct stages *s = ud;
	pthread_setname_np(pthread_self(), "podsynth-enc");
	float *p;
	long n;
	while ((n = pq_peek(&s->pq, &p)) > 0) {
		int e = enc_write_float(s->enc, p, n);
		pq_release(&s->pq);
		if (e != ENC_OK) {
			s->enc_err = e;
			stages_fail(s, STAGE_ENCODER);
			return NULL;
		}
	}
	if (n < 0)
		return NULL;
	int e = enc_drain(s->enc);
	if (e != ENC_OK) {
		s->enc_err = e;
		stages_fail(s, STAGE_ENCODER);
		return NULL;
	}
	pthread_mutex_lock(&s->bq.mu);
	s->bq.closed = 1;
	pthread_cond_broadcast(&s->bq.changed);
	pthread_mutex_unlock(&s->bq.mu);
	return NULL;
}

/* The checker's decoder. */
struct decoder {
	ogg_sync_state oy;
	ogg_stream_state os;
	vorbis_info vi;
	vorbis_comment vc;
	vorbis_dsp_state vd;
	vorbis_block vb;
	int have_os, have_vd, have_vb, headers, eos;
	float *inter;           /* interleaved frames, for two channels */
	long inter_cap;
};

/* Decodes one packet into the meter. NULL, or what is wrong. */
static const char *decode_packet(struct stages *s, struct decoder *d, ogg_packet *op)
{
	if (d->eos)
		return "data after the end of the stream";
	if (d->headers < 3) {
		if (vorbis_synthesis_headerin(&d->vi, &d->vc, op) != 0)
			return "bad header packet";
		if (++d->headers < 3)
			return NULL;
		if (d->vi.channels != s->channels || d->vi.rate != s->rate)
			return "not the format that was encoded";
		if (vorbis_synthesis_init(&d->vd, &d->vi) != 0)
			return "decoder refused the headers";
		d->have_vd = 1;
		if (vorbis_block_init(&d->vd, &d->vb) != 0)
			return "decoder refused the headers";
		d->have_vb = 1;
		if ((s->dec = loud_meter_new(s->rate, s->channels, LOUD_PEAK_TRUE)) == NULL)
			return "loudness meter refused the format";
		loud_meter_watch(s->dec, s->watch_db);
		return NULL;
	}
	if (vorbis_synthesis(&d->vb, op) != 0 || vorbis_synthesis_blockin(&d->vd, &d->vb) != 0)
		return "bad audio packet";
	float **pcm;
	int n;
	while ((n = vorbis_synthesis_pcmout(&d->vd, &pcm)) > 0) {
		long keep = n;
		/* The page's granule position counts the frames that are real: the
		 * last packet's extra frames are cut, as every player does. */
		if (op->granulepos >= 0 && s->dec_frames + keep > op->granulepos)
			keep = op->granulepos > s->dec_frames ? (long)(op->granulepos - s->dec_frames) : 0;
		const float *f = pcm[0];
		if (s->channels == 2) {
			if (keep > d->inter_cap) {
				free(d->inter);
				d->inter_cap = keep;
				d->inter = xmalloc((size_t)keep * 2 * sizeof *d->inter);
			}
			for (long i = 0; i < keep; i++) {
				d->inter[2 * i] = pcm[0][i];
				d->inter[2 * i + 1] = pcm[1][i];
			}
			f = d->inter;
		}
		/* Item by item, so that high peaks are placed. */
		for (long done = 0; done < keep;) {
			const struct tl_item *items = s->tl->items;
			while (s->item < s->tl->n &&
			       items[s->item].start + items[s->item].length <= s->dec_frames)
				s->item++;
			long k = keep - done;
			if (s->item < s->tl->n) {
				int64_t end = items[s->item].start + items[s->item].length;
				if (end - s->dec_frames < k)
					k = (long)(end - s->dec_frames);
			}
			if (loud_meter_add(s->dec, f + (size_t)done * (size_t)s->channels, k) != 0)
				return "loudness measurement failed";
			double pk = loud_meter_recent_peak(s->dec);
			if (s->item < s->tl->n && pk > s->item_peak[s->item])
				s->item_peak[s->item] = pk;
			s->dec_frames += k;
			done += k;
		}
		vorbis_synthesis_read(&d->vd, n);
	}
	if (op->e_o_s)
		d->eos = 1;
	return NULL;
}

static void *checker_main(void *ud)
{
	struct stages *s = ud;
	pthread_setname_np(pthread_self(), "podsynth-chk");
	struct decoder d;
	memset(&d, 0, sizeof d);
	ogg_sync_init(&d.oy);
	vorbis_info_init(&d.vi);
	vorbis_comment_init(&d.vc);
	const char *why = NULL;
	for (;;) {
		char *b = ogg_sync_buffer(&d.oy, 65536);
		if (b == NULL) {
			why = "out of memory";
			break;
		}
		long got = bq_get(&s->bq, (unsigned char *)b, 65536);
		if (got < 0)
			goto out;       /* another stage failed */
		ogg_sync_wrote(&d.oy, got);
		ogg_page og;
		int r;
		while (why == NULL && (r = ogg_sync_pageout(&d.oy, &og)) != 0) {
			if (r < 0) {
				why = "bytes that are not an Ogg page";
				break;
			}
			if (!d.have_os) {
				ogg_stream_init(&d.os, ogg_page_serialno(&og));
				d.have_os = 1;
			}
			if (ogg_stream_pagein(&d.os, &og) != 0) {
				why = "a page of another stream";
				break;
			}
			ogg_packet op;
			while (why == NULL && (r = ogg_stream_packetout(&d.os, &op)) != 0)
				why = r < 0 ? "a packet missing" : decode_packet(s, &d, &op);
		}
		if (why != NULL)
			break;
		if (got == 0) {
			if (!d.eos || d.oy.fill > d.oy.returned)
				why = "the stream ends before its last page";
			break;
		}
	}
	if (why != NULL) {
		snprintf(s->dec_why, sizeof s->dec_why, "%s", why);
		stages_fail(s, STAGE_CHECKER);
	}
out:
	free(d.inter);
	if (d.have_vb)
		vorbis_block_clear(&d.vb);
	if (d.have_vd)
		vorbis_dsp_clear(&d.vd);
	if (d.have_os)
		ogg_stream_clear(&d.os);
	vorbis_comment_clear(&d.vc);
	vorbis_info_clear(&d.vi);
	ogg_sync_clear(&d.oy);
	return NULL;
}

/* ---- this thread: the timeline, levelled, to the encoder ---- */

struct producer {
	struct stages *s;
	struct loud_meter *meter;       /* what goes to the encoder */
	float *slot;                    /* the queue slot being filled */
	long nslot;
	int64_t frames;
	int meter_failed;
	float *mixed;                   /* the frames with the bed added */
};

/* Hands n frames to the encoder (also the limiter's sink). */
static int to_encoder(void *ud, const float *f, long n)
{
	struct producer *p = ud;
	int ch = p->s->channels;
	if (p->s->tl->bed != NULL) {
		/* the music bed under the levelled items (timeline.h) */
		p->mixed = xreallocarray(p->mixed, (size_t)n * (size_t)ch, sizeof *p->mixed);
		memcpy(p->mixed, f, (size_t)n * (size_t)ch * sizeof *f);
		timeline_mix_bed(p->s->tl, p->mixed, n, p->frames);
		f = p->mixed;
	}
	if (loud_meter_add(p->meter, f, n) != 0) {
		p->meter_failed = 1;
		return -1;
	}
	p->frames += n;
	while (n > 0) {
		if (p->slot == NULL) {
			if ((p->slot = pq_slot(&p->s->pq)) == NULL)
				return -1;
			p->nslot = 0;
		}
		long k = QFRAMES - p->nslot < n ? QFRAMES - p->nslot : n;
		memcpy(p->slot + (size_t)p->nslot * (size_t)ch, f, (size_t)k * (size_t)ch * sizeof *f);
		p->nslot += k;
		f += (size_t)k * (size_t)ch;
		n -= k;
		if (p->nslot == QFRAMES) {
			pq_commit(&p->s->pq, QFRAMES);
			p->slot = NULL;
		}
	}
	return 0;
}

/* What one attempt at the episode needs and finds. */
struct render_ctx {
	const struct timeline *tl;
	int bitrate;
	double target;          /* the items' target */
	double ceiling;         /* the limiter's */
	double *item_ceiling;   /* per item: its limiter's (at most ceiling) */
	double *item_peak;      /* per item: the decoded true peak placed there */
	double watch_db;        /* ... when at least this */
	double gain_sum;        /* sum of gain * length over audible items */
	int64_t gain_len;
	int levelled;           /* items searched */
};

/* Reads n frames of the current item; 0, or -1 reported. */
static int read_exact(struct tl_reader *rd, float *buf, long n, int idx)
{
	long got = tl_reader_read(rd, buf, n);
	if (got == n)
		return 0;
	if (got >= 0)
		diag(DIAG_ERROR, NULL, 0, 0, "timeline item %d ended early", idx);
	return -1;
}

/*
 * Item idx from rd, levelled, to the encoder. 0; -1 when reported here; -2
 * when the sink failed (the caller tells why).
 */
static int produce_item(struct render_ctx *c, struct producer *p, struct tl_reader *rd,
			int idx, float *buf, float **mem, size_t *mem_cap)
{
	const struct timeline *tl = c->tl;
	const struct tl_item *it = &tl->items[idx];
	int ch = tl->channels, rc = -1;
	int64_t len = it->length;
	if (it->kind == TL_SILENCE) {
		for (int64_t done = 0; done < len;) {
			long n = len - done < RBLOCK ? (long)(len - done) : RBLOCK;
			if (read_exact(rd, buf, n, idx) != 0)
				return -1;
			if (to_encoder(p, buf, n) != 0)
				return -2;
			done += n;
		}
		return 0;
	}

	/* The item's gain: kept, or searched (in memory when it fits). */
	double gain = 0, *ceiling = &c->item_ceiling[idx];
	int have = 0, in_mem = 0;
	char *lpath = NULL;
	struct level_key key = {0, tl->rate, ch, c->bitrate, c->target, c->ceiling};
	if (it->kind == TL_SEGMENT && it->path != NULL &&
	    segcache_checksum(it->path, &key.seg_sum) == SEGCACHE_OK) {
		lpath = xasprintf("%s%s", it->path, LEVEL_EXT);
		have = level_load(lpath, &key, &gain, ceiling) == 0;
	}
	if (!have) {
		struct level_src src = {tl, idx, NULL};
		/* Test hook: a smaller limit, to search items as they are read. */
		const char *cap = getenv("PODSYNTH_TEST_MEM_CAP");
		if (len * ch <= (cap ? atoll(cap) : MEM_CAP)) {
			if ((size_t)(len * ch) > *mem_cap) {
				free(*mem);
				*mem_cap = (size_t)(len * ch);
				*mem = xmalloc(*mem_cap * sizeof **mem);
			}
			for (int64_t done = 0; done < len;) {
				long n = len - done < RBLOCK ? (long)(len - done) : RBLOCK;
				if (read_exact(rd, *mem + (size_t)done * (size_t)ch, n, idx) != 0)
					goto out;
				done += n;
			}
			src.mem = *mem;
			in_mem = 1;
		}
		if (level_search(&src, c->target, *ceiling, &gain) != 0)
			goto out;
		c->levelled++;
		if (lpath != NULL)
			level_store(lpath, &key, gain, *ceiling);
	}
	c->gain_sum += gain * (double)len;
	c->gain_len += len;

	struct limiter_out lo = {gain, *ceiling, to_encoder, p};
	struct limiter *lim = limiter_new(tl->rate, ch, &lo, 1);
	if (lim == NULL) {
		diag(DIAG_ERROR, NULL, 0, 0, "limiter refused format \"%d Hz, %d channels\"",
		     tl->rate, ch);
		goto out;
	}
	for (int64_t done = 0; done < len;) {
		long n = len - done < RBLOCK ? (long)(len - done) : RBLOCK;
		const float *f = buf;
		if (in_mem)
			f = *mem + (size_t)done * (size_t)ch;
		else if (read_exact(rd, buf, n, idx) != 0)
			goto lim_out;
		if (limiter_process(lim, f, n) != 0) {
			rc = -2;
			goto lim_out;
		}
		done += n;
	}
	rc = limiter_drain(lim) != 0 ? -2 : 0;
lim_out:
	limiter_free(&lim);
out:
	free(lpath);
	return rc;
}

/* "HH:MM:SS.mmm" for frame at rate, as the Xiph chapter extension wants. */
static void chapter_time(char out[32], int64_t frame, int rate)
{
	int64_t ms = (frame * 1000 + rate / 2) / rate;
	snprintf(out, 32, "%02lld:%02lld:%02lld.%03lld", (long long)(ms / 3600000),
		 (long long)(ms / 60000 % 60), (long long)(ms / 1000 % 60),
		 (long long)(ms % 1000));
}

static void add_nonempty(struct enc_comments *c, const char *tag, const char *v)
{
	if (v != NULL && v[0] != '\0')
		enc_comments_add(c, tag, v);
}

static struct enc_comments *make_comments(const struct vorbis_meta *m, int rate)
{
	struct enc_comments *c = enc_comments_new();
	if (m == NULL)
		return c;
	add_nonempty(c, "TITLE", m->title);
	add_nonempty(c, "ALBUM", m->album);
	add_nonempty(c, "ARTIST", m->artist);
	add_nonempty(c, "DATE", m->date);
	add_nonempty(c, "TRACKNUMBER", m->tracknumber);
	add_nonempty(c, "LANGUAGE", m->language);
	add_nonempty(c, "DESCRIPTION", m->description);
	int n = m->nchapters;
	if (n > 999) {
		diag(DIAG_WARNING, NULL, 0, 0, "too many chapters \"%d\": only the first 999 are kept", n);
		n = 999;
	}
	for (int i = 0; i < n; i++) {
		char tag[32], t[32];
		chapter_time(t, m->chapters[i].start, rate);
		snprintf(tag, sizeof tag, "CHAPTER%03d", i + 1);
		enc_comments_add(c, tag, t);
		snprintf(tag, sizeof tag, "CHAPTER%03dNAME", i + 1);
		enc_comments_add(c, tag, m->chapters[i].title ? m->chapters[i].title : "");
	}
	return c;
}

/* The figures of one attempt. */
struct figures {
	double lufs, peak;              /* what went into the encoder */
	double dec_lufs, dec_peak;      /* the file decoded */
	double tp_share;                /* of the decoded frames, the share interpolated */
};

/*
 * One attempt: the whole timeline levelled to c->target, limited at
 * c->ceiling, encoded into tmp and decoded again. 0, or -1 reported
 * (naming out_path); tmp may be left behind for the caller.
 */
static int encode_attempt(struct render_ctx *c, const struct render_opts *o,
			  const struct enc_comments *com, const char *tmp, const char *out_path,
			  struct figures *fig)
{
	const struct timeline *tl = c->tl;
	int ch = tl->channels, ret = -1, err = ENC_OK;
	int enc_started = 0, chk_started = 0;
	pthread_t enc_th, chk_th;
	struct stages s;
	struct producer p;
	struct tl_reader *rd = NULL;
	float *buf = NULL, *mem = NULL;
	size_t mem_cap = 0;

	memset(&s, 0, sizeof s);
	memset(&p, 0, sizeof p);
	pthread_mutex_init(&s.pq.mu, NULL);
	pthread_cond_init(&s.pq.changed, NULL);
	pthread_mutex_init(&s.bq.mu, NULL);
	pthread_cond_init(&s.bq.changed, NULL);
	pthread_mutex_init(&s.fail_mu, NULL);
	s.pq.ch = ch;
	s.pq.slots = xmalloc((size_t)QSLOTS * QFRAMES * (size_t)ch * sizeof *s.pq.slots);
	s.bq.buf = xmalloc(BQ_SIZE);
	s.tl = tl;
	s.rate = tl->rate;
	s.channels = ch;
	s.watch_db = c->watch_db;
	s.item_peak = c->item_peak;
	for (int i = 0; i < tl->n; i++)
		c->item_peak[i] = -HUGE_VAL;
	p.s = &s;
	c->gain_sum = 0;
	c->gain_len = 0;
	c->levelled = 0;

	if ((p.meter = loud_meter_new(tl->rate, ch, LOUD_PEAK_TRUE)) == NULL) {
		diag(DIAG_ERROR, NULL, 0, 0, "loudness meter refused format \"%d Hz, %d channels\"",
		     tl->rate, ch);
		goto out;
	}
	if ((s.fo.f = fopen(tmp, "wb")) == NULL) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot write \"%s\": %s", out_path, strerror(errno));
		goto out;
	}
	if (pthread_create(&chk_th, NULL, checker_main, &s) != 0) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot start a thread \"%s\"", strerror(errno));
		goto out;
	}
	chk_started = 1;
	static const struct enc_callbacks cb = {file_write, file_close};
	s.enc = enc_new(&cb, &s, tl->rate, ch, o->bitrate, o->serial, com, &err);
	if (s.enc == NULL) {
		s.enc_err = err;
		stages_fail(&s, STAGE_ENCODER);
		goto joined;
	}
	if (pthread_create(&enc_th, NULL, encoder_main, &s) != 0) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot start a thread \"%s\"", strerror(errno));
		stages_fail(&s, STAGE_PRODUCER);
		goto joined;
	}
	enc_started = 1;

	buf = xmalloc((size_t)RBLOCK * (size_t)ch * sizeof *buf);
	if ((rd = tl_reader_new(tl)) == NULL) {
		stages_fail(&s, STAGE_PRODUCER);
		goto joined;
	}
	int rc = 0;
	for (int i = 0; i < tl->n && rc == 0; i++)
		if (tl->items[i].length > 0)
			rc = produce_item(c, &p, rd, i, buf, &mem, &mem_cap);
	if (rc == 0 && p.frames != tl->total) {
		diag(DIAG_ERROR, NULL, 0, 0, "timeline length mismatch \"%lld frames, %lld laid out\"",
		     (long long)p.frames, (long long)tl->total);
		rc = -1;
	}
	if (rc == -2 && p.meter_failed) {
		diag(DIAG_ERROR, NULL, 0, 0, "loudness measurement failed \"libebur128\"");
		rc = -1;
	}
	if (rc != 0) {
		stages_fail(&s, STAGE_PRODUCER);
	} else {
		if (p.slot != NULL && p.nslot > 0)
			pq_commit(&s.pq, p.nslot);
		pthread_mutex_lock(&s.pq.mu);
		s.pq.closed = 1;
		pthread_cond_broadcast(&s.pq.changed);
		pthread_mutex_unlock(&s.pq.mu);
	}
joined:
	if (enc_started)
		pthread_join(enc_th, NULL);
	if (chk_started) {
		if (!enc_started)
			stages_fail(&s, s.failed ? s.failed : STAGE_PRODUCER);
		pthread_join(chk_th, NULL);
	}
	switch (s.failed) {
	case STAGE_NONE:
		break;
	case STAGE_PRODUCER:
		goto out;       /* reported */
	case STAGE_ENCODER:
		if (s.enc_err == ENC_WRITE_FAILED || s.enc_err == ENC_CLOSE_FAILED)
			diag(DIAG_ERROR, NULL, 0, 0, "cannot write \"%s\": %s", out_path,
			     strerror(s.fo.err ? s.fo.err : EIO));
		else
			diag(DIAG_ERROR, NULL, 0, 0, "cannot encode \"%s\": %s", out_path,
			     enc_strerror(s.enc_err));
		goto out;
	case STAGE_CHECKER:
		diag(DIAG_ERROR, NULL, 0, 0, "cannot decode what was encoded \"%s\": %s",
		     out_path, s.dec_why);
		goto out;
	}
	if (s.dec_frames != tl->total) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot decode what was encoded \"%s\": "
		     "%lld frames, %lld laid out", out_path, (long long)s.dec_frames,
		     (long long)tl->total);
		goto out;
	}
	fig->lufs = loud_meter_lufs(p.meter);
	fig->peak = loud_meter_peak(p.meter);
	fig->dec_lufs = s.dec ? loud_meter_lufs(s.dec) : -HUGE_VAL;
	fig->dec_peak = s.dec ? loud_meter_peak(s.dec) : -HUGE_VAL;
	fig->tp_share = s.dec ? loud_meter_tp_share(s.dec) : 0;
	ret = 0;
out:
	if (s.fo.f != NULL)
		fclose(s.fo.f);
	enc_free(&s.enc);
	tl_reader_free(&rd);
	loud_meter_free(&p.meter);
	free(p.mixed);
	loud_meter_free(&s.dec);
	free(buf);
	free(mem);
	free(s.pq.slots);
	free(s.bq.buf);
	pthread_mutex_destroy(&s.pq.mu);
	pthread_cond_destroy(&s.pq.changed);
	pthread_mutex_destroy(&s.bq.mu);
	pthread_cond_destroy(&s.bq.changed);
	pthread_mutex_destroy(&s.fail_mu);
	return ret;
}

int render_episode(const struct timeline *tl, const struct render_opts *o,
		   const struct vorbis_meta *m, const char *out_path,
		   struct render_report *rep)
{
	int ret = -1;
	char *tmp = NULL;
	struct enc_comments *com = NULL;
	struct render_ctx c = {0};
	struct figures fig = {0};
	int encodes = 0, levelled = 0;

	if (tl->rate <= 0 || (tl->channels != 1 && tl->channels != 2)) {
		diag(DIAG_ERROR, NULL, 0, 0, "unsupported output format \"%d Hz, %d channels\"",
		     tl->rate, tl->channels);
		return -1;
	}
	c.tl = tl;
	c.bitrate = o->bitrate;
	c.target = o->target_lufs;
	/* Test hook: another margin, to make the codec's peaks too high. */
	const char *margin = getenv("PODSYNTH_TEST_LIMIT_MARGIN");
	c.ceiling = o->ceiling_dbtp - (margin ? atof(margin) : LIMIT_MARGIN_DB);
	c.watch_db = o->ceiling_dbtp - DECODED_GUARD_DB;
	c.item_ceiling = xmalloc((size_t)(tl->n > 0 ? tl->n : 1) * sizeof *c.item_ceiling);
	c.item_peak = xmalloc((size_t)(tl->n > 0 ? tl->n : 1) * sizeof *c.item_peak);
	for (int i = 0; i < tl->n; i++)
		c.item_ceiling[i] = c.ceiling;
	tmp = tmp_path_for(out_path);
	com = make_comments(m, tl->rate);
	for (;;) {
		if (encode_attempt(&c, o, com, tmp, out_path, &fig) != 0)
			goto fail;
		encodes++;
		levelled += c.levelled;
		double off = isfinite(fig.dec_lufs) ? o->target_lufs - fig.dec_lufs : 0;
		if (encodes > MAX_REENCODES)
			break;
		if (fig.dec_peak > c.watch_db) {
			/* The codec pushed some items' peaks up: their limiters go
			 * lower by the excess and a little more (and their cache
			 * records say so, for the next build). */
			int lowered = 0;
			for (int i = 0; i < tl->n; i++) {
				if (c.item_peak[i] > c.watch_db) {
					c.item_ceiling[i] -= c.item_peak[i] - c.watch_db + 0.5;
					lowered++;
				}
			}
			for (int i = 0; i < tl->n && lowered == 0; i++)
				c.item_ceiling[i] -= fig.dec_peak - c.watch_db + 0.5;
			diag(DIAG_NOTE, NULL, 0, 0, "encoded true peak too high \"%.2f dBTP\": "
			     "encoding again with the limiter lower for %d item(s)", fig.dec_peak,
			     lowered ? lowered : tl->n);
		} else if (fabs(off) > LUFS_GUARD_LU) {
			diag(DIAG_NOTE, NULL, 0, 0, "encoded loudness off target \"%.2f LUFS\": "
			     "encoding again", fig.dec_lufs);
			c.target += off;
		} else {
			break;
		}
	}
	if (fig.dec_peak > o->ceiling_dbtp)
		diag(DIAG_WARNING, NULL, 0, 0, "true peak over the ceiling \"%.2f dBTP\" in \"%s\"",
		     fig.dec_peak, out_path);
	if (isfinite(fig.dec_lufs) && fabs(o->target_lufs - fig.dec_lufs) > 0.5)
		diag(DIAG_WARNING, NULL, 0, 0, "loudness off target \"%.2f LUFS\" in \"%s\"",
		     fig.dec_lufs, out_path);
	if (commit_tmp(tmp, out_path) != 0) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot write \"%s\": %s", out_path, strerror(errno));
		goto fail;
	}
	if (rep != NULL) {
		double lowest = c.ceiling;
		for (int i = 0; i < tl->n; i++)
			if (tl->items[i].kind != TL_SILENCE && c.item_ceiling[i] < lowest)
				lowest = c.item_ceiling[i];
		rep->lufs = fig.lufs;
		rep->true_peak = fig.peak;
		rep->seconds = (double)tl->total / tl->rate;
		rep->gain_db = c.gain_len > 0 ? c.gain_sum / (double)c.gain_len : 0;
		rep->decoded_lufs = fig.dec_lufs;
		rep->decoded_true_peak = fig.dec_peak;
		rep->ceiling_dbtp = lowest;
		rep->encodes = encodes;
		rep->levelled = levelled;
		rep->tp_share = fig.tp_share;
	}
	ret = 0;
	goto out;
fail:
	unlink(tmp);
out:
	enc_comments_free(&com);
	free(c.item_ceiling);
	free(c.item_peak);
	free(tmp);
	return ret;
}
