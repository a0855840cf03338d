/*
 * loudness.c: integrated loudness and true peak with libebur128, and a
 * lookahead peak limiter.
 *
 * In: interleaved float PCM. Out: LUFS and dBTP figures; limited PCM handed
 * to a sink.
 *
 * The K-weighted loudness of mono and stereo is kweight.c's, libebur128's
 * arithmetic to the last bit at a fraction of the cost; libebur128 itself
 * measures other channel counts (its weights for surround channels).
 *
 * The true-peak meter is truepeak.c's oversampler (libebur128's filter,
 * computed in vectors), which skips the blocks that can neither raise the
 * true peak found so far nor reach the watched level: the figure is the one
 * libebur128 gives when it is fed every frame (within float rounding).
 *
 * The limiter works on chunks of CHUNK frames; a chunk's peak is its
 * largest sample. From the peaks, per output and chunk:
 *
 *   t[k]  = the gain that keeps chunk k under the ceiling (<= 1)
 *   h[k]  = min(t[k-A .. k])           hold over the lookahead, A chunks
 *   r[k]  = min(h[k], release(r[k-1])) slow recovery towards 1
 *   s[k]  = mean(r[k .. k+A])          smooth ramp down over the lookahead
 *
 * Every r[k..k+A] is at most t[k], so s[k] <= t[k]: the smoothed gain has
 * reached the needed reduction by the time the peak plays. Within a chunk
 * the gain moves linearly between the chunk-edge values min(s[k-1], s[k])
 * and min(s[k], s[k+1]), both <= s[k]: no sample of chunk k gets more than
 * t[k]. The audio is delayed by A + 1 chunks.
 */
#include "loudness.h"

#include <ebur128.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "kweight.h"
#include "truepeak.h"

/* ---- measurement ---- */

struct loud_meter {
	struct kweight *kw;     /* loudness of mono and stereo, every frame */
	ebur128_state *st;      /* or libebur128 for other channel counts */
	double sample_peak;     /* LOUD_PEAK_SAMPLE with kw: the largest |sample| */
	struct truepeak *tp;    /* LOUD_PEAK_TRUE: the oversampler */
	int channels;
	enum loud_peak peak;
	double tp_max;          /* linear: the true peak so far */
	double watch;           /* linear: blocks that could reach it are interpolated */
	double recent;          /* linear: the largest computed since loud_meter_recent_peak */
};

/* A meter; gating 0 leaves out the gating blocks (loud_meter_energy only). */
static struct loud_meter *meter_new(int rate, int channels, enum loud_peak peak, int gating)
{
	if (rate <= 0 || channels < 1)
		return NULL;
	struct kweight *kw = kweight_new(rate, channels, gating);
	ebur128_state *st = NULL;
	if (kw == NULL) {
		int mode = EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM;
		if (peak == LOUD_PEAK_SAMPLE)
			mode |= EBUR128_MODE_SAMPLE_PEAK;
		if ((st = ebur128_init((unsigned)channels, (unsigned long)rate, mode)) == NULL)
			return NULL;
	}
	struct loud_meter *m = xcalloc(1, sizeof *m);
	m->kw = kw;
	m->st = st;
	m->channels = channels;
	m->peak = peak;
	if (peak == LOUD_PEAK_TRUE) {
		if ((m->tp = truepeak_new(rate, channels)) == NULL) {
			loud_meter_free(&m);
			return NULL;
		}
		m->watch = HUGE_VAL;
	}
	return m;
}

struct loud_meter *loud_meter_new(int rate, int channels, enum loud_peak peak)
{
	return meter_new(rate, channels, peak, 1);
}

struct loud_meter *loud_meter_new_windows(int rate, int channels, enum loud_peak peak)
{
	return meter_new(rate, channels, peak, 0);
}

struct loud_meter *loud_meter_new_peaks(int rate, int channels)
{
	if (rate <= 0 || channels < 1)
		return NULL;
	struct loud_meter *m = xcalloc(1, sizeof *m);
	m->channels = channels;
	m->peak = LOUD_PEAK_TRUE;
	m->watch = HUGE_VAL;
	if ((m->tp = truepeak_new(rate, channels)) == NULL)
		loud_meter_free(&m);
	return m;
}

struct loud_meter *loud_meter_new_padded(int rate, int channels, long lead)
{
	struct kweight *kw = kweight_new_lead(rate, channels, lead);
	if (kw == NULL)
		return NULL;
	struct loud_meter *m = xcalloc(1, sizeof *m);
	m->kw = kw;
	m->channels = channels;
	m->peak = LOUD_PEAK_NONE;
	return m;
}

double loud_meter_lufs_padded(struct loud_meter *m)
{
	double l = kweight_lufs_padded(m->kw);
	return isfinite(l) ? l : -HUGE_VAL;
}

int loud_meter_add(struct loud_meter *m, const float *frames, long n)
{
	if (n <= 0)
		return 0;
	if (m->kw != NULL) {
		kweight_add(m->kw, frames, n);
		if (m->peak == LOUD_PEAK_SAMPLE) {
			double p = m->sample_peak;
			for (size_t i = 0; i < (size_t)n * (size_t)m->channels; i++) {
				double a = fabs((double)frames[i]);
				p = a > p ? a : p;
			}
			m->sample_peak = p;
		}
	} else if (m->st != NULL &&
		   ebur128_add_frames_float(m->st, frames, (size_t)n) != EBUR128_SUCCESS) {
		return -1;
	}
	if (m->peak == LOUD_PEAK_TRUE) {
		double v = truepeak_add(m->tp, frames, n, m->watch, &m->tp_max);
		if (v > m->recent)
			m->recent = v;
	}
	return 0;
}

double loud_meter_lufs(struct loud_meter *m)
{
	double l;
	if (m->kw != NULL)
		l = kweight_lufs(m->kw);
	else if (m->st == NULL || ebur128_loudness_global(m->st, &l) != EBUR128_SUCCESS)
		return -HUGE_VAL;
	return isfinite(l) ? l : -HUGE_VAL;
}

double loud_meter_peak(struct loud_meter *m)
{
	double peak = 0;
	if (m->peak == LOUD_PEAK_NONE)
		return -HUGE_VAL;
	if (m->peak == LOUD_PEAK_TRUE) {
		peak = m->tp_max;
	} else if (m->kw != NULL) {
		peak = m->sample_peak;
	} else {
		for (int c = 0; c < m->channels; c++) {
			double p;
			if (ebur128_sample_peak(m->st, (unsigned)c, &p) == EBUR128_SUCCESS && p > peak)
				peak = p;
		}
	}
	return peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
}

void loud_meter_watch(struct loud_meter *m, double level_db)
{
	m->watch = pow(10, level_db / 20);
}

double loud_meter_recent_peak(struct loud_meter *m)
{
	double r = m->recent;
	m->recent = 0;
	return r > 0 ? 20 * log10(r) : -HUGE_VAL;
}

float loud_meter_sample_max(const struct loud_meter *m)
{
	return m->peak == LOUD_PEAK_TRUE ? truepeak_sample_max(m->tp) : 0.0f;
}

double loud_meter_tp_share(const struct loud_meter *m)
{
	long long fed, added;
	if (m->peak != LOUD_PEAK_TRUE)
		return 0.0;
	truepeak_counts(m->tp, &fed, &added);
	return added > 0 ? (double)fed / (double)added : 0.0;
}

/* A K-weighted mean square through libebur128's round trip through LUFS
 * (ebur128_loudness_window, then back), for the same bits. */
static double energy_round_trip(double e)
{
	double l = e > 0.0 ? 10 * (log(e) / log(10.0)) - 0.691 : -HUGE_VAL;
	return isfinite(l) ? pow(10, (l + 0.691) / 10) : 0.0;
}

int loud_meter_energy_lanes(struct loud_meter *m, unsigned long ms, double e[2])
{
	if (m->kw == NULL || m->channels != 2)
		return -1;
	kweight_window_lanes(m->kw, ms, e);
	if (e[0] < 0 || e[1] < 0)
		return -1;
	e[0] = energy_round_trip(e[0]);
	e[1] = energy_round_trip(e[1]);
	return 0;
}

int loud_meter_add_lanes(struct loud_meter *m, const float *a, const float *b, long n)
{
	if (m->kw == NULL || m->channels != 2 || m->peak != LOUD_PEAK_NONE)
		return -1;
	if (n > 0)
		kweight_add_lanes(m->kw, a, b, n);
	return 0;
}

double loud_meter_energy(struct loud_meter *m, unsigned long ms)
{
	double l;
	if (m->kw != NULL) {
		double e = kweight_window(m->kw, ms);
		if (e < 0)
			return -1;
		return energy_round_trip(e);
	} else if (m->st == NULL || ebur128_loudness_window(m->st, ms, &l) != EBUR128_SUCCESS) {
		return -1;
	}
	return isfinite(l) ? pow(10, (l + 0.691) / 10) : 0.0;
}

void loud_meter_free(struct loud_meter **m)
{
	if (*m == NULL)
		return;
	if ((*m)->st != NULL)
		ebur128_destroy(&(*m)->st);
	kweight_free(&(*m)->kw);
	truepeak_free(&(*m)->tp);
	free(*m);
	*m = NULL;
}

/* ---- limiter ---- */

#define CHUNK 32                /* frames per detector chunk */
#define OUT_CHUNKS 32           /* chunks an output gathers before its sink gets them */
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
	float *out;             /* OUT_CHUNKS * CHUNK frames waiting for the sink */
	long nout;
	float *into;            /* or the output written here (limiter_out) */
	long into_frames, into_pos;  /* its size, the frames handed on */
};

struct limiter {
	int channels;
	int look;               /* A, the lookahead in chunks */
	double rel;             /* release coefficient per chunk */
	int ring;               /* ring size in chunks, a power of two */
	float *audio;           /* ring of input chunks, CHUNK * channels floats each */
	int *valid;             /* real frames in each ring chunk */
	double *peak;           /* each chunk's largest sample, ring */
	int64_t k;              /* chunks fed so far */
	float *fill;            /* the chunk being filled */
	int nfill;
	int64_t real_left;      /* real chunks not yet output (drain) */
	struct lim_out *outs;
	int nouts;
	int drained;
};

struct limiter *limiter_new(int rate, int channels, const struct limiter_out *outs, int nouts)
{
	if (rate <= 0 || channels < 1 || nouts < 1)
		return NULL;
	struct limiter *l = xcalloc(1, sizeof *l);
	l->channels = channels;
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
		o->into = outs[j].into;
		o->into_frames = outs[j].into_frames;
		if (o->into == NULL)
			o->out = xmalloc(cf * OUT_CHUNKS * sizeof *o->out);
	}
	return l;
}

#define RI(l, i) ((size_t)((uint64_t)(i) & (uint64_t)((l)->ring - 1)))

/* A per-chunk figure, 1 before the stream starts. */
static double at(const struct limiter *l, const double *ring, int64_t i)
{
	return i < 0 ? 1.0 : ring[RI(l, i)];
}

/* Where output o's next frames go (channels ch): its own buffer after the
 * frames gathered, or into after the frames handed on and gathered. */
static float *out_at(const struct lim_out *o, size_t ch)
{
	return o->into != NULL ? o->into + (size_t)(o->into_pos + o->nout) * ch
			       : o->out + (size_t)o->nout * ch;
}

/* Hands what output o has gathered to its sink. */
static int flush(struct lim_out *o, size_t ch)
{
	long n = o->nout;
	o->nout = 0;
	if (n <= 0)
		return 0;
	if (o->into == NULL)
		return o->sink(o->ud, o->out, n);
	const float *f = o->into + (size_t)o->into_pos * ch;
	o->into_pos += n;
	return o->sink != NULL ? o->sink(o->ud, f, n) : 0;
}

/* The smaller of a and b: fmin for the limiter's figures, which are never
 * NaN, without its library call. */
static inline double dmin(double a, double b)
{
	return b < a ? b : a;
}

/* Applies output o's gain to chunk m and gathers its real frames. Within
 * the chunk the gain moves from b0 to b1: frame i gets
 * (float)(gain * (b0 + (b1 - b0) * i / CHUNK)), the chunk's CHUNK values
 * computed first in one loop the compiler vectorises. */
static int emit(struct limiter *l, struct lim_out *o, int64_t m)
{
	size_t ri = RI(l, m);
	int n = l->valid[ri];
	if (n == 0)
		return 0;
	double b0 = dmin(at(l, o->s, m - 1), at(l, o->s, m));
	double b1 = dmin(at(l, o->s, m), at(l, o->s, m + 1));
	if (b0 < o->min_gain)
		o->min_gain = b0;
	size_t ch = (size_t)l->channels;
	const float *src = l->audio + ri * (size_t)CHUNK * ch;
	if (o->into != NULL && o->into_pos + o->nout + n > o->into_frames)
		return -1;
	float *dst = out_at(o, ch);
	if (b0 == 1.0 && b1 == 1.0) {
		float g = (float)o->gain;
		for (size_t x = 0; x < (size_t)n * ch; x++)
			dst[x] = src[x] * g;
	} else {
		float gv[CHUNK];
		double gain = o->gain, d = b1 - b0;
		for (int i = 0; i < CHUNK; i++)
			gv[i] = (float)(gain * (b0 + d * i / CHUNK));
		if (ch == 1) {
			for (int i = 0; i < n; i++)
				dst[i] = src[i] * gv[i];
		} else {
			for (int i = 0; i < n; i++)
				for (size_t c = 0; c < ch; c++)
					dst[(size_t)i * ch + c] = src[(size_t)i * ch + c] * gv[i];
		}
	}
	o->nout += n;
	return o->nout > (OUT_CHUNKS - 1) * CHUNK ? flush(o, ch) : 0;
}

/* Chunk j's peak is final: output o's gain curve moves on by one chunk. */
static void step(struct limiter *l, struct lim_out *o, int64_t j, double need)
{
	need *= o->gain;
	o->t[RI(l, j)] = need > o->ceiling ? o->ceiling / need : 1.0;
	double h = 1.0;
	int64_t q = j - l->look;
	if (q >= 0)
		for (int64_t i = q; i <= j; i++)
			h = dmin(h, o->t[RI(l, i)]);
	else
		for (int64_t i = q; i <= j; i++)
			h = dmin(h, at(l, o->t, i));
	double prev = at(l, o->r, j - 1);
	o->r[RI(l, j)] = dmin(h, prev + (1 - prev) * l->rel);
	if (q < 0)
		return;
	double sum = 0;
	for (int64_t i = q; i <= j; i++)
		sum += o->r[RI(l, i)];
	o->s[RI(l, q)] = sum / (l->look + 1);
}

/* Takes in one full chunk (valid real frames, the rest zeros). */
static int push_chunk(struct limiter *l, const float *chunk, int valid)
{
	int64_t j = l->k;
	size_t ri = RI(l, j);
	size_t cf = (size_t)CHUNK * (size_t)l->channels;
	memcpy(l->audio + ri * cf, chunk, cf * sizeof *chunk);
	l->valid[ri] = valid;
	float p = truepeak_absmax(chunk, cf);
	l->peak[ri] = p;
	l->k++;
	/* Chunk j's peak is known; s is known up to chunk j - A, so chunk
	 * j - A - 1 can go out. */
	int64_t m = j - l->look - 1;
	for (int o = 0; o < l->nouts; o++) {
		step(l, &l->outs[o], j, p);
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
	for (int o = 0; o < l->nouts; o++)
		if ((rc = flush(&l->outs[o], (size_t)l->channels)) != 0)
			return rc;
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
	for (int j = 0; j < p->nouts; j++) {
		free(p->outs[j].t);
		free(p->outs[j].r);
		free(p->outs[j].s);
		free(p->outs[j].out);
	}
	free(p->outs);
	free(p->audio);
	free(p->valid);
	free(p->peak);
	free(p->fill);
	free(p);
	*l = NULL;
}
