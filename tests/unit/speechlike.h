/*
 * speechlike.h: deterministic speech-like PCM for the chunk tests and the
 * chunk bench: syllables of a glottal pulse train through three formant
 * resonators (pitch and formants moving), hiss for fricatives, short gaps
 * between words, then a pause of digital silence, as an item of the
 * timeline ends. Cheap enough for hours of audio.
 */
#ifndef PODSYNTH_SPEECHLIKE_H
#define PODSYNTH_SPEECHLIKE_H

#include <math.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t sl_rand(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

static inline double sl_unif(uint32_t *s)
{
	return (sl_rand(s) & 0xffffff) / 16777216.0;
}

struct sl_reson { double a1, a2, g, y1, y2; };

static inline void sl_reson_set(struct sl_reson *r, double f, double bw, int rate)
{
	double rr = exp(-M_PI * bw / rate);
	r->a1 = 2 * rr * cos(2 * M_PI * f / rate);
	r->a2 = -rr * rr;
	r->g = 1 - rr;
}

static inline double sl_reson_run(struct sl_reson *r, double x)
{
	double y = r->g * x + r->a1 * r->y1 + r->a2 * r->y2;
	r->y2 = r->y1;
	r->y1 = y;
	return y;
}

/*
 * Fills out[0 .. n*ch) with one item: speech-like sound for n - pause
 * frames, then pause frames of zeros. The same seed gives the same item.
 * Peaks stay under 0.7.
 */
static inline void speechlike(uint32_t seed, float *out, int64_t n, int64_t pause,
			      int rate, int ch)
{
	uint32_t s = seed * 2654435761u + 1;
	memset(out, 0, (size_t)(n * ch) * sizeof *out);
	int64_t speech = n - pause, t = 0;
	double phase = 0;
	struct sl_reson f[3] = {{0}};
	while (t < speech) {
		int voiced = sl_unif(&s) < 0.8;
		int64_t len = (int64_t)((0.10 + 0.22 * sl_unif(&s)) * rate);
		int64_t gap = sl_unif(&s) < 0.3 ? (int64_t)((0.03 + 0.08 * sl_unif(&s)) * rate) : 0;
		double f0 = 95 + 90 * sl_unif(&s), df0 = (sl_unif(&s) - 0.5) * 60;
		double f1 = 300 + 500 * sl_unif(&s), f2 = 900 + 1300 * sl_unif(&s);
		double amp = 0.25 + 0.35 * sl_unif(&s);
		sl_reson_set(&f[0], f1, 90, rate);
		sl_reson_set(&f[1], f2, 140, rate);
		sl_reson_set(&f[2], voiced ? 2600 : 4500 + 1500 * sl_unif(&s),
			     voiced ? 220 : 1200, rate);
		for (int64_t i = 0; i < len && t < speech; i++, t++) {
			double u = (double)i / (double)len;
			double env = sin(M_PI * u);
			env *= env;
			double x;
			if (voiced) {
				double pitch = f0 + df0 * u;
				phase += pitch / rate;
				x = 0;
				if (phase >= 1) {
					phase -= 1;
					x = 40;
				}
				x = 1.1 * sl_reson_run(&f[0], x) + 0.7 * sl_reson_run(&f[1], x) +
				    0.4 * sl_reson_run(&f[2], x);
			} else {
				x = 2.0 * sl_reson_run(&f[2], sl_unif(&s) * 2 - 1);
			}
			double v = amp * env * x;
			if (v > 0.69)
				v = 0.69;
			if (v < -0.69)
				v = -0.69;
			for (int c = 0; c < ch; c++)
				out[t * ch + c] = (float)(c ? 0.8 * v : v);
		}
		t += gap;
	}
}

#endif
