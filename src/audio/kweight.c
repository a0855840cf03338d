/*
 * kweight.c: BS.1770 K-weighted loudness for mono and stereo, computed as
 * libebur128 computes it, in fewer instructions (see kweight.h).
 *
 * In: interleaved float frames. Out: the integrated loudness, and the mean
 * square of the last milliseconds.
 *
 * What libebur128 does, and this file does to the same bits:
 *
 * - The filter: its two biquads (the high shelf and the high pass, their
 *   coefficients derived for the rate from the same analogue figures) are
 *   multiplied into one fourth-order filter b(z)/a(z), run in direct form
 *   II in double precision, each sample's terms summed in the same order,
 *   with the CPU flushing results under DBL_MIN to zero (libebur128 sets
 *   the SSE flush-to-zero bit while it filters; without SSE it flushes the
 *   state by hand at the end of each piece, and so does this).
 * - The ring: the filtered samples of the last 400 ms (rounded up to whole
 *   100 ms steps of s = (rate + 5) / 10 frames) in a ring that restarts
 *   when full; a gating block is due every s frames once 4s have come.
 *   Block energy: per channel, the squares summed one after another over
 *   the ring's slots in ring order (not time order), channels added, then
 *   divided by 4s; blocks at or over -70 LUFS counted in 1000 bins of 0.1
 *   LU from -70 LUFS.
 * - The integrated loudness from the bins: the relative gate is 0.1 times
 *   the mean of the bins' centre energies, rounded to a bin boundary as
 *   libebur128 rounds it, and the loudness the mean centre energy of the
 *   bins from there up.
 *
 * What is cheaper: the filter keeps its state in registers (libebur128
 * reloads it from memory every sample), stereo runs both channels in one
 * vector of two doubles, the ring holds squares (libebur128 squares every
 * sample in each of the four blocks it is part of), and the blocks of one
 * turn of the ring share their sums: every block sums slots 0, 1, 2, 3 in
 * that order, and the first k slots hold the same samples for all blocks
 * of a turn from the k-th on, so one chain through the turn's slots gives
 * each block its start, and each block adds only the slots still holding
 * the last turn's samples: 2.5 additions a sample instead of 4. The four
 * blocks are summed together when the turn ends (the last turn's slots
 * kept aside as they are overwritten), in chains the core runs side by
 * side: each addition waits on the one before it in its chain, and one
 * chain at a time would leave the core idle most of the time.
 */
#include "kweight.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2_MATH__)
#include <xmmintrin.h>
#endif

#include "core/core.h"

#define BINS 1000

typedef double v2d __attribute__((vector_size(2 * sizeof(double))));

struct kweight {
	int rate, channels, gating;
	double a[5], b[5];      /* the fourth-order filter, a[0] = 1 */
	v2d v[5];               /* its state: lane c is channel c */
	double *ring;           /* squares of filtered samples, interleaved */
	size_t ring_frames, index, needed, step;
	int fast;               /* the ring is 4 steps: a turn's blocks summed together */
	double *prev;           /* fast: slots 1..3 as the last turn left them */
	unsigned due, lead_due, copied;  /* bits j: block j of this turn is due
				 * (and a lead block); slot j copied to prev */
	unsigned long hist[BINS];
	/* kweight_new_lead: the stream counts as preceded by a ring of silence;
	 * the blocks before 4 steps of it are counted apart */
	int lead;
	size_t frames_in;       /* frames added (lead: up to 4 steps) */
	unsigned long lead_hist[BINS];
};

/* libebur128's bins: centre energies and boundaries (the same pow calls). */
static double bin_energy[BINS], bin_bound[BINS + 1], rel_gate_factor;
static pthread_once_t bins_once = PTHREAD_ONCE_INIT;

static void bins_init(void)
{
	rel_gate_factor = pow(10.0, -10.0 / 10.0);
	bin_bound[0] = pow(10.0, (-70.0 + 0.691) / 10.0);
	for (int i = 0; i < BINS; ++i)
		bin_energy[i] = pow(10.0, ((double)i / 10.0 - 69.95 + 0.691) / 10.0);
	for (int i = 1; i < BINS + 1; ++i)
		bin_bound[i] = pow(10.0, ((double)i / 10.0 - 70.0 + 0.691) / 10.0);
}

/* The bin of an energy at or over bin_bound[0] (the top bin takes the rest). */
static size_t bin_of(double e)
{
	size_t lo = 0, hi = BINS;
	do {
		size_t mid = (lo + hi) / 2;
		if (e >= bin_bound[mid])
			lo = mid;
		else
			hi = mid;
	} while (hi - lo != 1);
	return lo;
}

/*
 * The K-weighting filter for rate: the shelf (f0 1681.97 Hz, +4 dB, Q 0.7072)
 * and the high pass (f0 38.14 Hz, Q 0.5003) by the bilinear transform, then
 * multiplied together. Written term for term as libebur128 writes it, since
 * the grouping of the operations decides the last bits.
 */
static void filter_init(struct kweight *k, double rate)
{
	double f0 = 1681.974450955533, G = 3.999843853973347, Q = 0.7071752369554196;
	double K = tan(M_PI * f0 / rate);
	double Vh = pow(10.0, G / 20.0);
	double Vb = pow(Vh, 0.4996667741545416);
	double sb[3], sa[3] = {1.0, 0.0, 0.0};             /* the shelf */
	double hb[3] = {1.0, -2.0, 1.0}, ha[3] = {1.0, 0.0, 0.0};      /* the high pass */
	double a0 = 1.0 + K / Q + K * K;
	sb[0] = (Vh + Vb * K / Q + K * K) / a0;
	sb[1] = 2.0 * (K * K - Vh) / a0;
	sb[2] = (Vh - Vb * K / Q + K * K) / a0;
	sa[1] = 2.0 * (K * K - 1.0) / a0;
	sa[2] = (1.0 - K / Q + K * K) / a0;
	f0 = 38.13547087602444;
	Q = 0.5003270373238773;
	K = tan(M_PI * f0 / rate);
	ha[1] = 2.0 * (K * K - 1.0) / (1.0 + K / Q + K * K);
	ha[2] = (1.0 - K / Q + K * K) / (1.0 + K / Q + K * K);
	k->b[0] = sb[0] * hb[0];
	k->b[1] = sb[0] * hb[1] + sb[1] * hb[0];
	k->b[2] = sb[0] * hb[2] + sb[1] * hb[1] + sb[2] * hb[0];
	k->b[3] = sb[1] * hb[2] + sb[2] * hb[1];
	k->b[4] = sb[2] * hb[2];
	k->a[0] = sa[0] * ha[0];
	k->a[1] = sa[0] * ha[1] + sa[1] * ha[0];
	k->a[2] = sa[0] * ha[2] + sa[1] * ha[1] + sa[2] * ha[0];
	k->a[3] = sa[1] * ha[2] + sa[2] * ha[1];
	k->a[4] = sa[2] * ha[2];
}

struct kweight *kweight_new(int rate, int channels, int gating)
{
	if (channels < 1 || channels > 2 || rate < 16 || rate > 2822400)
		return NULL;
	pthread_once(&bins_once, bins_init);
	struct kweight *k = xcalloc(1, sizeof *k);
	k->rate = rate;
	k->channels = channels;
	k->gating = gating;
	filter_init(k, (double)rate);
	k->step = ((size_t)rate + 5) / 10;
	k->ring_frames = (size_t)rate * 400 / 1000;
	if (k->ring_frames % k->step)
		k->ring_frames += k->step - k->ring_frames % k->step;
	k->fast = k->ring_frames == 4 * k->step;
	k->ring = xcalloc(k->ring_frames * (size_t)channels, sizeof *k->ring);
	if (k->fast && gating)
		k->prev = xcalloc(3 * k->step * (size_t)channels, sizeof *k->prev);
	k->needed = 4 * k->step;
	return k;
}

void kweight_free(struct kweight **k)
{
	if (*k == NULL)
		return;
	free((*k)->ring);
	free((*k)->prev);
	free(*k);
	*k = NULL;
}

/*
 * One sample of the filter: v0 from the input and the state v1..v4, the
 * output y from v0..v4, in libebur128's order of operations. The loops
 * below are unrolled five times with the names turned round, so that the
 * state never moves between registers.
 */
#define KW_STEP(T, in, v0, v1, v2, v3, v4, y) do { \
	v0 = (in) - a1 * v1 - a2 * v2 - a3 * v3 - a4 * v4; \
	T y_ = b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3 + b4 * v4; \
	memcpy(&(y), &y_, sizeof y_); \
} while (0)

static void filter_mono(struct kweight *k, const float *x, size_t n, double *out)
{
	double a1 = k->a[1], a2 = k->a[2], a3 = k->a[3], a4 = k->a[4];
	double b0 = k->b[0], b1 = k->b[1], b2 = k->b[2], b3 = k->b[3], b4 = k->b[4];
	double p = k->v[1][0], q = k->v[2][0], r = k->v[3][0], s = k->v[4][0], t = 0;
	size_t i = 0;
	for (; i + 5 <= n; i += 5) {
		KW_STEP(double, (double)x[i], t, p, q, r, s, out[i]);
		KW_STEP(double, (double)x[i + 1], s, t, p, q, r, out[i + 1]);
		KW_STEP(double, (double)x[i + 2], r, s, t, p, q, out[i + 2]);
		KW_STEP(double, (double)x[i + 3], q, r, s, t, p, out[i + 3]);
		KW_STEP(double, (double)x[i + 4], p, q, r, s, t, out[i + 4]);
	}
	for (; i < n; i++) {
		KW_STEP(double, (double)x[i], t, p, q, r, s, out[i]);
		s = r;
		r = q;
		q = p;
		p = t;
	}
	k->v[1][0] = p;
	k->v[2][0] = q;
	k->v[3][0] = r;
	k->v[4][0] = s;
}

/* Two lanes: stereo frames (y NULL: x interleaved), or two mono streams x
 * and y, lane 0 and lane 1 (always inlined: the test on y folds away). */
static inline __attribute__((always_inline)) void filter_v2(struct kweight *k, const float *x,
							   const float *y, size_t n,
							   double *out)
{
	v2d a1 = {k->a[1], k->a[1]}, a2 = {k->a[2], k->a[2]};
	v2d a3 = {k->a[3], k->a[3]}, a4 = {k->a[4], k->a[4]};
	v2d b0 = {k->b[0], k->b[0]}, b1 = {k->b[1], k->b[1]}, b2 = {k->b[2], k->b[2]};
	v2d b3 = {k->b[3], k->b[3]}, b4 = {k->b[4], k->b[4]};
	v2d p = k->v[1], q = k->v[2], r = k->v[3], s = k->v[4], t = {0, 0};
#define KW_IN(j) (y != NULL ? (v2d){(double)x[j], (double)y[j]} \
			    : (v2d){(double)x[2 * (j)], (double)x[2 * (j) + 1]})
	size_t i = 0;
	for (; i + 5 <= n; i += 5) {
		KW_STEP(v2d, KW_IN(i), t, p, q, r, s, out[2 * i]);
		KW_STEP(v2d, KW_IN(i + 1), s, t, p, q, r, out[2 * i + 2]);
		KW_STEP(v2d, KW_IN(i + 2), r, s, t, p, q, out[2 * i + 4]);
		KW_STEP(v2d, KW_IN(i + 3), q, r, s, t, p, out[2 * i + 6]);
		KW_STEP(v2d, KW_IN(i + 4), p, q, r, s, t, out[2 * i + 8]);
	}
	for (; i < n; i++) {
		KW_STEP(v2d, KW_IN(i), t, p, q, r, s, out[2 * i]);
		s = r;
		r = q;
		q = p;
		p = t;
	}
#undef KW_IN
	k->v[1] = p;
	k->v[2] = q;
	k->v[3] = r;
	k->v[4] = s;
}

static void filter_stereo(struct kweight *k, const float *x, size_t n, double *out)
{
	filter_v2(k, x, NULL, n, out);
}

static void filter_lanes(struct kweight *k, const float *x, const float *y, size_t n,
			 double *out)
{
	filter_v2(k, x, y, n, out);
}

/*
 * Filters n frames of x (with y: x and y, two mono streams, as the two
 * channels) into the ring at index, as squares. The filter runs
 * with flush-to-zero, as libebur128's; the squares are taken after it, as
 * libebur128 takes them, without.
 */
static void filter(struct kweight *k, const float *x, const float *y, size_t n)
{
	double *out = k->ring + k->index * (size_t)k->channels;
#if defined(__SSE2_MATH__)
	unsigned int csr = _mm_getcsr();
	_mm_setcsr(csr | _MM_FLUSH_ZERO_ON);
#endif
	if (y != NULL)
		filter_lanes(k, x, y, n, out);
	else if (k->channels == 1)
		filter_mono(k, x, n, out);
	else
		filter_stereo(k, x, n, out);
#if defined(__SSE2_MATH__)
	_mm_setcsr(csr);
#else
	for (int j = 1; j < 5; j++)
		for (int c = 0; c < k->channels; c++)
			if (fabs(k->v[j][c]) < DBL_MIN)
				k->v[j][c] = 0.0;
#endif
	size_t m = n * (size_t)k->channels, i = 0;
	for (; i + 2 <= m; i += 2) {
		v2d y;
		memcpy(&y, out + i, sizeof y);
		y *= y;
		memcpy(out + i, &y, sizeof y);
	}
	for (; i < m; i++)
		out[i] = out[i] * out[i];
}

/* s plus the ring's squares of frames [from, to), one after another per
 * channel (unrolled: the order of the additions is the loop's). */
static v2d ring_sum(const struct kweight *k, v2d s, size_t from, size_t to)
{
	const double *r = k->ring;
	if (k->channels == 1) {
		double t = s[0];
		size_t i = from;
		for (; i + 4 <= to; i += 4) {
			t += r[i];
			t += r[i + 1];
			t += r[i + 2];
			t += r[i + 3];
		}
		for (; i < to; i++)
			t += r[i];
		s[0] = t;
	} else {
		for (size_t i = from; i < to; i++) {
			v2d q;
			memcpy(&q, r + 2 * i, sizeof q);
			s += q;
		}
	}
	return s;
}

/* The ring's sums of the last frames frames, one a channel (lane). */
static v2d last_sums(const struct kweight *k, size_t frames)
{
	v2d s = {0.0, 0.0};
	if (k->index < frames) {
		s = ring_sum(k, s, 0, k->index);
		s = ring_sum(k, s, k->ring_frames - (frames - k->index), k->ring_frames);
	} else {
		s = ring_sum(k, s, k->index - frames, k->index);
	}
	return s;
}

/* libebur128's energy of the last frames frames (its gating block's sum). */
static double last_energy(const struct kweight *k, size_t frames)
{
	v2d s = last_sums(k, frames);
	double sum = 0.0;
	for (int c = 0; c < k->channels; c++)
		sum += s[c];
	return sum / (double)frames;
}

/* Counts a block's energy e in h. */
static void count(unsigned long *h, double e)
{
	if (e >= bin_bound[0])
		h[bin_of(e)]++;
}

/*
 * One slot's worth of additions for the turn: *P += nw (when nw) and each
 * of c[0..nc) += old, element by element (m doubles: frames times
 * channels, channel c in lane c). The chains are independent, so the core
 * runs them side by side; a loop for each case keeps the tests out of it.
 */
#define KW_SUMS(T, LOAD, W, NC) do { \
	T p_ = (T)LOAD(P, 0), c0_ = (T)LOAD(c, 0), c1_ = (T)LOAD(c, 1), c2_ = (T)LOAD(c, 2); \
	_Pragma("GCC unroll 4") \
	for (size_t i = 0; i < m; i += sizeof(T) / sizeof(double)) { \
		T o_, q_; \
		if (W) { memcpy(&q_, nw + i, sizeof q_); p_ += q_; } \
		if (NC > 0) { memcpy(&o_, old + i, sizeof o_); c0_ += o_; } \
		if (NC > 1) c1_ += o_; \
		if (NC > 2) c2_ += o_; \
	} \
	STORE(P, 0, p_); STORE(c, 0, c0_); STORE(c, 1, c1_); STORE(c, 2, c2_); \
} while (0)
#define LOAD1(a, i) ((a)[i][0])
#define LOAD2(a, i) ((a)[i])

/* One KW_SUMS per count of chains (nc) and whether windows are kept (w). */
#define KW_DISPATCH(T, LOAD) do { \
		switch (nc * 2 + w) { \
		case 1: KW_SUMS(T, LOAD, 1, 0); break; \
		case 2: KW_SUMS(T, LOAD, 0, 1); break; \
		case 3: KW_SUMS(T, LOAD, 1, 1); break; \
		case 4: KW_SUMS(T, LOAD, 0, 2); break; \
		case 5: KW_SUMS(T, LOAD, 1, 2); break; \
		case 6: KW_SUMS(T, LOAD, 0, 3); break; \
		case 7: KW_SUMS(T, LOAD, 1, 3); break; \
		default: break; \
		} \
	} while (0)
static void slot_sums(int channels, const double *nw, const double *old, size_t m, v2d *P,
		      v2d *c, int nc)
{
	int w = nw != NULL;
	if (channels == 1) {
#define STORE(a, i, v) ((a)[i][0] = (v))
		KW_DISPATCH(double, LOAD1);
#undef STORE
	} else {
#define STORE(a, i, v) ((a)[i] = (v))
		KW_DISPATCH(v2d, LOAD2);
#undef STORE
	}
}

/*
 * The due blocks of the ring's turn, counted in h (lead blocks in lh).
 * Block j sums slots 0..j-1 of this turn, then slots j..3 of the last, in
 * that order (libebur128's ring order): one chain P through this turn's
 * slots gives every block its start, and at slot p each block j <= p adds
 * the last turn's slot p. The last turn's slot p is in prev once this turn
 * has begun writing it, else still in the ring.
 */
static void turn_blocks(const struct kweight *k, unsigned long *h, unsigned long *lh)
{
	size_t s = k->step, ch = (size_t)k->channels, done = k->index / s;
	int maxdue = 0;
	for (int j = 1; j <= 3; j++)
		if (k->due & (1u << j))
			maxdue = j;
	v2d P = {0.0, 0.0}, c[3] = {{0.0, 0.0}, {0.0, 0.0}, {0.0, 0.0}};
	for (size_t p = 0; p < 4; p++) {
		int nc = (int)p < maxdue ? (int)p : maxdue;
		if (nc > 0)
			c[nc - 1] = nc == (int)p ? P : c[nc - 1];
		const double *nw = p < done ? k->ring + p * s * ch : NULL;
		const double *old = p >= 1 && (k->copied & (1u << p))
				    ? k->prev + (p - 1) * s * ch : k->ring + p * s * ch;
		if (nw == NULL && nc == 0)
			break;
		slot_sums(k->channels, nw, old, s * ch, &P, c, nc);
	}
	for (int j = 1; j <= 4; j++) {
		if (!(k->due & (1u << j)))
			continue;
		v2d v = j == 4 ? P : c[j - 1];
		double sum = 0.0;
		for (size_t i = 0; i < ch; i++)
			sum += v[i];
		count(k->lead_due & (1u << j) ? lh : h, sum / (double)(4 * s));
	}
}

/* A gating block is due: the last 4 steps, index at the end of a step. */
static void block(struct kweight *k)
{
	if (!k->fast) {
		count(k->hist, last_energy(k, 4 * k->step));
		return;
	}
	unsigned j = (unsigned)(k->index / k->step);
	k->due |= 1u << j;
	if (k->lead && k->frames_in < 4 * k->step)
		k->lead_due |= 1u << j;
	if (j == 4) {
		turn_blocks(k, k->hist, k->lead_hist);
		k->due = k->lead_due = k->copied = 0;
	}
}

/* kweight_add, or with y the two lanes' (kweight_add_lanes). */
static void add(struct kweight *k, const float *x, const float *y, long n)
{
	size_t left = n > 0 ? (size_t)n : 0;
	while (left > 0) {
		size_t take = left < k->needed ? left : k->needed;
		size_t slot = k->index / k->step;
		if (k->prev != NULL && k->index == slot * k->step && slot >= 1 && slot <= 3) {
			/* keep the last turn's slot for the blocks that still need it */
			size_t m = k->step * (size_t)k->channels, i = 0;
			double *to = k->prev + (slot - 1) * m;
			const double *from = k->ring + slot * m;
			/* (a plain loop: the same cost as memcpy's, and counted
			 * as such by callgrind, which counts rep movsb by bytes) */
			for (; i + 2 <= m; i += 2) {
				v2d v;
				memcpy(&v, from + i, sizeof v);
				memcpy(to + i, &v, sizeof v);
			}
			for (; i < m; i++)
				to[i] = from[i];
			k->copied |= 1u << slot;
		}
		filter(k, x, y, take);
		if (k->frames_in < 4 * k->step)
			k->frames_in += take;
		if (y != NULL) {
			x += take;
			y += take;
		} else {
			x += take * (size_t)k->channels;
		}
		left -= take;
		k->index += take;
		if (take < k->needed) {
			k->needed -= take;
			break;
		}
		if (k->gating)
			block(k);
		k->needed = k->step;
		if (k->index == k->ring_frames)
			k->index = 0;
	}
}

void kweight_add(struct kweight *k, const float *x, long n)
{
	add(k, x, NULL, n);
}

void kweight_add_lanes(struct kweight *k, const float *a, const float *b, long n)
{
	if (k->channels == 2)
		add(k, a, b, n);
}

/* libebur128's integrated loudness from the bins of h. */
static double hist_lufs(const unsigned long *h)
{
	double rel = 0.0, sum = 0.0;
	size_t count = 0, from;
	for (size_t i = 0; i < BINS; ++i) {
		rel += h[i] * bin_energy[i];
		count += h[i];
	}
	if (count == 0)
		return -HUGE_VAL;
	rel /= (double)count;
	rel *= rel_gate_factor;
	if (rel < bin_bound[0]) {
		from = 0;
	} else {
		from = bin_of(rel);
		if (rel > bin_energy[from])
			++from;
	}
	count = 0;
	for (size_t i = from; i < BINS; ++i) {
		sum += h[i] * bin_energy[i];
		count += h[i];
	}
	if (count == 0)
		return -HUGE_VAL;
	sum /= (double)count;
	return 10 * (log(sum) / log(10.0)) - 0.691;
}

double kweight_lufs(const struct kweight *k)
{
	if (k->due == 0)
		return hist_lufs(k->hist);
	unsigned long h[BINS], lh[BINS];
	memcpy(h, k->hist, sizeof h);
	turn_blocks(k, h, lh);
	return hist_lufs(h);
}

struct kweight *kweight_new_lead(int rate, int channels, long lead)
{
	struct kweight *k = kweight_new(rate, channels, 1);
	if (k == NULL || !k->fast || lead != (long)k->ring_frames) {
		kweight_free(&k);
		return NULL;
	}
	/* as after a ring of zeros: the filter's state and the ring are zeros,
	 * and their block, at zero energy, was under the gate */
	k->lead = 1;
	k->needed = k->step;
	return k;
}

double kweight_lufs_padded(const struct kweight *k)
{
	struct kweight t = *k;
	size_t nring = k->ring_frames * (size_t)k->channels;
	t.ring = xmalloc(nring * sizeof *t.ring);
	memcpy(t.ring, k->ring, nring * sizeof *t.ring);
	t.prev = xmalloc(3 * k->step * (size_t)k->channels * sizeof *t.prev);
	memcpy(t.prev, k->prev, 3 * k->step * (size_t)k->channels * sizeof *t.prev);
	for (size_t i = 0; i < BINS; i++)
		t.hist[i] += t.lead_hist[i];
	t.lead = 0;
	t.lead_due = 0;
	float *zeros = xcalloc(4096 * (size_t)k->channels, sizeof *zeros);
	for (size_t left = k->ring_frames; left > 0;) {
		size_t n = left < 4096 ? left : 4096;
		kweight_add(&t, zeros, (long)n);
		left -= n;
	}
	free(zeros);
	double l = kweight_lufs(&t);
	free(t.ring);
	free(t.prev);
	return l;
}

double kweight_window(const struct kweight *k, unsigned long ms)
{
	size_t frames = (size_t)k->rate * ms / 1000;
	if (frames > k->ring_frames)
		return -1;
	return last_energy(k, frames);
}

void kweight_window_lanes(const struct kweight *k, unsigned long ms, double e[2])
{
	size_t frames = (size_t)k->rate * ms / 1000;
	e[0] = e[1] = -1;
	if (frames > k->ring_frames || k->channels != 2)
		return;
	/* last_energy's sums, each lane's divided alone (the mono meter's
	 * 0.0 + sum is the sum: a sum of squares is never -0) */
	v2d s = last_sums(k, frames);
	e[0] = s[0] / (double)frames;
	e[1] = s[1] / (double)frames;
}
