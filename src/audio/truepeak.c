/*
 * truepeak.c: the true peak of a stream by a polyphase oversampler written
 * for the purpose (see truepeak.h).
 *
 * In: interleaved float frames. Out: the largest magnitude interpolated.
 *
 * The filter is libebur128's: taps j = 0..48 of a sinc at the factor's
 * cut-off, Hann-windowed, c_j = sinc((j - 24) / F) * (1 - cos(2 pi j / 48)) / 2,
 * coefficients under 1e-6 dropped. Phase p of F gets the taps j = p mod F,
 * at delay j / F: the value interpolated at phase p of frame n is
 *
 *     y_p(n) = sum over its taps of c_j * x(n - j / F),   x(< 0) = 0,
 *
 * and the stream's true peak is the largest |y_p(n)| and |x(n)| (libebur128
 * reports the larger of its true and its sample peak). Every y_p(n) is a
 * sum over the H + 1 frames x(n - H .. n) (H = 48 / F), so it is at most
 * gain * max |x| over them, gain being the largest sum of a phase's tap
 * magnitudes (1.86 at 4x): a block whose frames and the H before it are
 * all under floor / gain cannot make a value over floor.
 *
 * A block (BLOCK frames) is worked one channel at a time: its frames are
 * copied after the H frames before it into buf, and each phase's taps are
 * applied to BLOCK outputs at once, in vectors of VEC floats that the
 * compiler maps onto the machine's SIMD registers.
 */
#include "truepeak.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE__
#include <xmmintrin.h>
#endif

#include "core/core.h"

#define TAPS 49
#define BLOCK 64                /* frames interpolated at a time */
#define VEC 4                   /* floats per vector: one SSE register */
#define HMAX (TAPS - 1)         /* the longest history: factor 1 */
#define MAXCH 8

typedef float vecf __attribute__((vector_size(VEC * sizeof(float))));

struct tap {
	int delay;              /* frames back: j / F */
	float c;
};

struct truepeak {
	int channels, factor, hist;     /* hist = H: frames of history */
	int ntaps[4];                   /* per phase */
	struct tap taps[4][TAPS];
	double gain;                    /* the largest sum of a phase's |c| */
	float *h;                       /* per channel, its last hist frames */
	float smax;                     /* the largest |sample| added */
	long long interpolated, added;
};

struct truepeak *truepeak_new(int rate, int channels)
{
	if (rate <= 0 || channels < 1 || channels > MAXCH)
		return NULL;
	struct truepeak *t = xcalloc(1, sizeof *t);
	t->channels = channels;
	t->factor = rate < 96000 ? 4 : rate < 192000 ? 2 : 1;
	t->hist = HMAX / t->factor;
	for (int j = 0; j < TAPS; j++) {
		double m = (double)j - (TAPS - 1) / 2.0, c = 1.0;
		if (fabs(m) > 1e-6)
			c = sin(m * M_PI / t->factor) / (m * M_PI / t->factor);
		c *= 0.5 * (1 - cos(2 * M_PI * j / (TAPS - 1)));
		if (fabs(c) <= 1e-6)
			continue;
		int p = j % t->factor;
		t->taps[p][t->ntaps[p]++] = (struct tap){j / t->factor, (float)c};
	}
	for (int p = 0; p < t->factor; p++) {
		double g = 0;
		for (int k = 0; k < t->ntaps[p]; k++)
			g += fabs(t->taps[p][k].c);
		t->gain = fmax(t->gain, g);
	}
	/* Room for float rounding in the sums: the bound must hold for what
	 * is computed, not only for exact arithmetic. */
	t->gain *= 1.0 + 1e-4;
	t->h = xcalloc((size_t)channels * (size_t)t->hist, sizeof *t->h);
	return t;
}

/*
 * The largest |y_p(n)| over the len frames in buf[hist .. hist + len) (buf
 * holds BLOCK + hist floats; what follows len is never read into a value
 * that counts).
 */
/* Lane by lane, the larger of top and |a|. */
static inline vecf vmaxabs(vecf top, vecf a)
{
#ifdef __SSE__
	__m128 x, y;
	memcpy(&x, &a, sizeof x);
	memcpy(&y, &top, sizeof y);
	x = _mm_max_ps(y, _mm_andnot_ps(_mm_set1_ps(-0.0f), x));
	memcpy(&top, &x, sizeof top);
	return top;
#else
	for (int i = 0; i < VEC; i++) {
		float v = fabsf(a[i]);
		top[i] = v > top[i] ? v : top[i];
	}
	return top;
#endif
}

static inline float hmax(vecf v, float m)
{
	for (int i = 0; i < VEC; i++)
		m = v[i] > m ? v[i] : m;
	return m;
}

static float interpolate(const struct truepeak *t, const float *buf, int len)
{
	float out[VEC];
	vecf top = {0};
	float best = 0;
	for (int p = 0; p < t->factor; p++) {
		/* A phase that is one tap of 1 is a sample, counted by the caller. */
		if (t->ntaps[p] == 1 && t->taps[p][0].c == 1.0f)
			continue;
		const struct tap *tp = t->taps[p];
		const int nt = t->ntaps[p];
		const float *base = buf + t->hist;
		for (int v = 0; v * VEC < len; v++) {
			vecf acc = {0};
			for (int k = 0; k < nt; k++) {
				vecf s;
				memcpy(&s, base + v * VEC - tp[k].delay, sizeof s);
				acc += tp[k].c * s;
			}
			if ((v + 1) * VEC <= len) {
				top = vmaxabs(top, acc);
				continue;
			}
			/* the last, partial vector: only its real frames count */
			memcpy(out, &acc, sizeof out);
			for (int i = 0; i < len - v * VEC; i++) {
				float a = fabsf(out[i]);
				best = a > best ? a : best;
			}
		}
	}
	return hmax(top, best);
}

float truepeak_absmax(const float *x, size_t n)
{
	vecf top = {0};
	size_t i = 0;
	for (; i + VEC <= n; i += VEC) {
		vecf s;
		memcpy(&s, x + i, sizeof s);
		top = vmaxabs(top, s);
	}
	float m = hmax(top, 0);
	for (; i < n; i++) {
		float a = fabsf(x[i]);
		m = a > m ? a : m;
	}
	return m;
}

/* Keeps channel c's last hist frames, given a buf of hist + len. */
static void remember(struct truepeak *t, int c, const float *buf, int len)
{
	memcpy(t->h + (size_t)c * (size_t)t->hist, buf + len, (size_t)t->hist * sizeof *buf);
}

double truepeak_add(struct truepeak *t, const float *x, long n, double watch, double *max)
{
	float buf[HMAX + BLOCK + VEC] __attribute__((aligned(32)));
	size_t ch = (size_t)t->channels, H = (size_t)t->hist;
	double found = 0;
	for (long off = 0; off < n; off += BLOCK) {
		int len = n - off < BLOCK ? (int)(n - off) : BLOCK;
		const float *b = x + (size_t)off * ch;
		float mx = truepeak_absmax(b, (size_t)len * ch);
		t->smax = mx > t->smax ? mx : t->smax;
		float hx = truepeak_absmax(t->h, H * ch);
		double floor = fmin(*max, watch);
		int live = (double)(mx > hx ? mx : hx) * t->gain > floor;
		for (size_t c = 0; c < ch; c++) {
			memcpy(buf, t->h + c * H, H * sizeof *buf);
			if (ch == 1)
				memcpy(buf + H, b, (size_t)len * sizeof *buf);
			else
				for (int i = 0; i < len; i++)
					buf[H + (size_t)i] = b[(size_t)i * ch + c];
			if (live) {
				memset(buf + H + len, 0, (size_t)(BLOCK + VEC - len) * sizeof *buf);
				float v = interpolate(t, buf, len);
				/* libebur128 reports the larger of its true and sample peaks */
				v = v > mx ? v : mx;
				if (v > found)
					found = v;
			}
			remember(t, (int)c, buf, len);
		}
		if (live)
			t->interpolated += len;
		t->added += len;
		if (found > *max)
			*max = found;
	}
	return found;
}

float truepeak_sample_max(const struct truepeak *t)
{
	return t->smax;
}

void truepeak_counts(const struct truepeak *t, long long *interpolated, long long *added)
{
	*interpolated = t->interpolated;
	*added = t->added;
}

void truepeak_free(struct truepeak **t)
{
	if (t == NULL || *t == NULL)
		return;
	free((*t)->h);
	free(*t);
	*t = NULL;
}
