/*
 * loudness.c: integrated loudness and true peak with libebur128, and a
 * lookahead true-peak limiter whose detector is libebur128 itself.
 *
 * In: interleaved float PCM. Out: LUFS and dBTP figures; limited PCM handed
 * to a sink.
 *
 * The limiter works on chunks of CHUNK frames. Each chunk goes through a
 * libebur128 state in true-peak mode, and ebur128_prev_true_peak gives the
 * chunk's true peak. libebur128's interpolator lags by a few samples (less
 * than a chunk), so a chunk's peak is the larger of its own figure and the
 * next chunk's. The peaks are measured before any gain (a true peak scales
 * with the gain), so one detector serves several outputs, each with its own
 * gain and ceiling. From the peaks, per output and chunk:
 *
 *   t[k]  = the gain that keeps chunk k under the ceiling (<= 1)
 *   h[k]  = min(t[k-A .. k])           hold over the lookahead, A chunks
 *   r[k]  = min(h[k], release(r[k-1])) slow recovery towards 1
 *   s[k]  = mean(r[k .. k+A])          smooth ramp down over the lookahead
 *
 * Every r[k..k+A] is at most t[k], so s[k] <= t[k]: the smoothed gain has
 * reached the needed reduction by the time the peak plays. Within a chunk
 * the gain moves linearly between the chunk-edge values min(s[k-1], s[k])
 * and min(s[k], s[k+1]), both <= s[k]. The audio is delayed by A + 2 chunks.
 */
#include "loudness.h"

#include <ebur128.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- measurement ---- */

struct loud_meter {
	ebur128_state *st;
	int channels;
	enum loud_peak peak;
};

struct loud_meter *loud_meter_new(int rate, int channels, enum loud_peak peak)
{
	int mode = EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM;
	if (peak == LOUD_PEAK_TRUE)
		mode |= EBUR128_MODE_TRUE_PEAK;
	else if (peak == LOUD_PEAK_SAMPLE)
		mode |= EBUR128_MODE_SAMPLE_PEAK;
	if (rate <= 0 || channels < 1)
		return NULL;
	ebur128_state *st = ebur128_init((unsigned)channels, (unsigned long)rate, mode);
	if (st == NULL)
		return NULL;
	struct loud_meter *m = xcalloc(1, sizeof *m);
	m->st = st;
	m->channels = channels;
	m->peak = peak;
	return m;
}

int loud_meter_add(struct loud_meter *m, const float *frames, long n)
{
	if (n <= 0)
		return 0;
	return ebur128_add_frames_float(m->st, frames, (size_t)n) == EBUR128_SUCCESS ? 0 : -1;
}

double loud_meter_lufs(struct loud_meter *m)
{
	double l;
	if (ebur128_loudness_global(m->st, &l) != EBUR128_SUCCESS || !isfinite(l))
		return -HUGE_VAL;
	return l;
}

double loud_meter_peak(struct loud_meter *m)
{
	if (m->peak == LOUD_PEAK_NONE)
		return -HUGE_VAL;
	double peak = 0;
	for (int c = 0; c < m->channels; c++) {
		double p;
		int rc = m->peak == LOUD_PEAK_TRUE ? ebur128_true_peak(m->st, (unsigned)c, &p)
						   : ebur128_sample_peak(m->st, (unsigned)c, &p);
		if (rc == EBUR128_SUCCESS && p > peak)
			peak = p;
	}
	return peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
}

void loud_meter_free(struct loud_meter **m)
{
	if (*m == NULL)
		return;
	ebur128_destroy(&(*m)->st);
	free(*m);
	*m = NULL;
}

/* ---- limiter ---- */

#define CHUNK 32                /* frames per detector chunk */
static const double lookahead_s = 0.005;
static const double release_s = 0.100;

/* One output: its gain, ceiling and sink, and its gain curve's figures. */
struct lim_out {
	double gain;            /* linear, applied before limiting */
	double ceiling;         /* linear */
	limiter_sink sink;
	void *ud;
	double *t, *r, *s;      /* per-chunk figures, ring */
	double min_gain;
};

struct limiter {
	int channels;
	ebur128_state *det;     /* the detector, on the input before any gain */
	int look;               /* A, the lookahead in chunks */
	double rel;             /* release coefficient per chunk */
	int ring;               /* ring size in chunks, a power of two */
	float *audio;           /* ring of input chunks, CHUNK * channels floats each */
	int *valid;             /* real frames in each ring chunk */
	double *peak;           /* each chunk's true peak, ring */
	int64_t k;              /* chunks fed so far */
	float *fill;            /* the chunk being filled */
	int nfill;
	int64_t real_left;      /* real chunks not yet output (drain) */
	float *outbuf;
	struct lim_out *outs;
	int nouts;
	int drained;
};

struct limiter *limiter_new(int rate, int channels, const struct limiter_out *outs, int nouts)
{
	if (rate <= 0 || channels < 1 || nouts < 1)
		return NULL;
	ebur128_state *det = ebur128_init((unsigned)channels, (unsigned long)rate,
					  EBUR128_MODE_TRUE_PEAK);
	if (det == NULL)
		return NULL;
	struct limiter *l = xcalloc(1, sizeof *l);
	l->channels = channels;
	l->det = det;
	l->look = (int)ceil(lookahead_s * rate / CHUNK);
	if (l->look < 1)
		l->look = 1;
	l->rel = 1 - exp(-(double)CHUNK / (release_s * rate));
	l->ring = 16;
	while (l->ring < l->look + 8)
		l->ring *= 2;
	size_t cf = (size_t)CHUNK * (size_t)channels;
	size_t ring = (size_t)l->ring;
	l->audio = xcalloc(ring * cf, sizeof *l->audio);
	l->valid = xcalloc(ring, sizeof *l->valid);
	l->peak = xcalloc(ring, sizeof *l->peak);
	l->fill = xcalloc(cf, sizeof *l->fill);
	l->outbuf = xcalloc(cf, sizeof *l->outbuf);
	l->outs = xcalloc((size_t)nouts, sizeof *l->outs);
	l->nouts = nouts;
	for (int j = 0; j < nouts; j++) {
		struct lim_out *o = &l->outs[j];
		o->gain = pow(10, outs[j].gain_db / 20);
		o->ceiling = pow(10, outs[j].ceiling_dbtp / 20);
		o->sink = outs[j].sink;
		o->ud = outs[j].ud;
		o->t = xcalloc(ring, sizeof *o->t);
		o->r = xcalloc(ring, sizeof *o->r);
		o->s = xcalloc(ring, sizeof *o->s);
		o->min_gain = 1;
	}
	return l;
}

#define RI(l, i) ((size_t)((uint64_t)(i) & (uint64_t)((l)->ring - 1)))

/* A per-chunk figure, 1 before the stream starts. */
static double at(const struct limiter *l, const double *ring, int64_t i)
{
	return i < 0 ? 1.0 : ring[RI(l, i)];
}

/* Applies output o's gain to chunk m and hands its real frames to the sink. */
static int emit(struct limiter *l, struct lim_out *o, int64_t m)
{
	size_t ri = RI(l, m);
	int n = l->valid[ri];
	if (n == 0)
		return 0;
	double b0 = fmin(at(l, o->s, m - 1), at(l, o->s, m));
	double b1 = fmin(at(l, o->s, m), at(l, o->s, m + 1));
	if (b0 < o->min_gain)
		o->min_gain = b0;
	const float *src = l->audio + ri * (size_t)CHUNK * (size_t)l->channels;
	for (int i = 0; i < n; i++) {
		float g = (float)(o->gain * (b0 + (b1 - b0) * i / CHUNK));
		for (int c = 0; c < l->channels; c++) {
			size_t x = (size_t)i * (size_t)l->channels + (size_t)c;
			l->outbuf[x] = src[x] * g;
		}
	}
	return o->sink(o->ud, l->outbuf, n);
}

/* Chunk j's peak is final: output o's gain curve moves on by one chunk. */
static void step(struct limiter *l, struct lim_out *o, int64_t j, double need)
{
	need *= o->gain;
	o->t[RI(l, j)] = need > o->ceiling ? o->ceiling / need : 1.0;
	double h = 1.0;
	for (int64_t i = j - l->look; i <= j; i++)
		h = fmin(h, at(l, o->t, i));
	double prev = at(l, o->r, j - 1);
	o->r[RI(l, j)] = fmin(h, prev + (1 - prev) * l->rel);
	int64_t q = j - l->look;
	if (q < 0)
		return;
	double sum = 0;
	for (int64_t i = q; i <= j; i++)
		sum += at(l, o->r, i);
	o->s[RI(l, q)] = sum / (l->look + 1);
}

/* Takes in one full chunk (valid real frames, the rest zeros). */
static int push_chunk(struct limiter *l, const float *chunk, int valid)
{
	int64_t k = l->k;
	size_t ri = RI(l, k);
	size_t cf = (size_t)CHUNK * (size_t)l->channels;
	memcpy(l->audio + ri * cf, chunk, cf * sizeof *chunk);
	l->valid[ri] = valid;
	if (ebur128_add_frames_float(l->det, chunk, CHUNK) != EBUR128_SUCCESS)
		return -1;
	double p = 0;
	for (int c = 0; c < l->channels; c++) {
		double v;
		if (ebur128_prev_true_peak(l->det, (unsigned)c, &v) != EBUR128_SUCCESS)
			return -1;
		if (v > p)
			p = v;
	}
	l->peak[ri] = p;
	l->k++;
	if (k < 1)
		return 0;
	/* Chunk j = k - 1 now has both its peak figures; s is known up to
	 * chunk j - A, so chunk j - A - 1 can go out. */
	int64_t j = k - 1;
	double need = fmax(l->peak[RI(l, j)], p);
	int64_t m = j - l->look - 1;
	for (int o = 0; o < l->nouts; o++) {
		step(l, &l->outs[o], j, need);
		if (m >= 0) {
			int rc = emit(l, &l->outs[o], m);
			if (rc != 0)
				return rc;
		}
	}
	if (m >= 0 && l->valid[RI(l, m)] > 0)
		l->real_left--;
	return 0;
}

int limiter_process(struct limiter *l, const float *in, long n)
{
	int ch = l->channels;
	while (n > 0) {
		long take = CHUNK - l->nfill;
		if (take > n)
			take = n;
		memcpy(l->fill + (size_t)l->nfill * (size_t)ch, in,
		       (size_t)take * (size_t)ch * sizeof *in);
		l->nfill += (int)take;
		in += (size_t)take * (size_t)ch;
		n -= take;
		if (l->nfill == CHUNK) {
			l->nfill = 0;
			l->real_left++;
			int rc = push_chunk(l, l->fill, CHUNK);
			if (rc != 0)
				return rc;
		}
	}
	return 0;
}

int limiter_drain(struct limiter *l)
{
	if (l->drained)
		return 0;
	l->drained = 1;
	size_t cf = (size_t)CHUNK * (size_t)l->channels;
	int rc;
	if (l->nfill > 0) {
		memset(l->fill + (size_t)l->nfill * (size_t)l->channels, 0,
		       (cf - (size_t)l->nfill * (size_t)l->channels) * sizeof *l->fill);
		l->real_left++;
		rc = push_chunk(l, l->fill, l->nfill);
		l->nfill = 0;
		if (rc != 0)
			return rc;
	}
	memset(l->fill, 0, cf * sizeof *l->fill);
	while (l->real_left > 0) {
		rc = push_chunk(l, l->fill, 0);
		if (rc != 0)
			return rc;
	}
	return 0;
}

double limiter_max_reduction(const struct limiter *l, int out)
{
	double g = l->outs[out].min_gain;
	return g < 1 ? 20 * log10(g) : 0.0;
}

void limiter_free(struct limiter **l)
{
	if (*l == NULL)
		return;
	struct limiter *p = *l;
	ebur128_destroy(&p->det);
	for (int j = 0; j < p->nouts; j++) {
		free(p->outs[j].t);
		free(p->outs[j].r);
		free(p->outs[j].s);
	}
	free(p->outs);
	free(p->audio);
	free(p->valid);
	free(p->peak);
	free(p->fill);
	free(p->outbuf);
	free(p);
	*l = NULL;
}
