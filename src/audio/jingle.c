/*
 * jingle.c: the built-in intro and outro chimes, synthesised from a few
 * sine partials per note (a bell-like spectrum whose upper partials die
 * away faster), each note with a short raised-cosine attack and an
 * exponential decay, the whole jingle faded in and out to exact zeros.
 *
 * In: the jingle, the sample rate, a frame range. Out: mono float samples.
 * Every sample depends only on its index (it is computed within a tile of
 * TILE frames at a fixed position, no state is kept), so the timeline can
 * render any piece at any time and the result never varies.
 */
#include "jingle.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "fade.h"
#include "core/core.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#define TILE 256                /* frames computed together, at fixed positions */

struct note {
	double onset;   /* seconds from the jingle's start */
	double freq;    /* Hz of the fundamental */
	double amp;     /* peak amplitude of the fundamental */
	double tau;     /* decay time constant of the fundamental, seconds */
};

struct jingle {
	double seconds;       /* length */
	double fade_out;      /* seconds of fade to zero at the end */
	const struct note *notes;
	size_t nnotes;
};

/* G major: G3 196.00, G4 392.00, B4 493.88, D5 587.33, G5 783.99, B5 987.77. */
static const struct note intro_notes[] = {
	{0.00, 196.00, 0.10, 1.60},   /* a soft low root under the arpeggio */
	{0.00, 392.00, 0.30, 0.70},
	{0.16, 493.88, 0.28, 0.70},
	{0.32, 587.33, 0.27, 0.70},
	{0.48, 783.99, 0.25, 0.80},
	{0.90, 392.00, 0.20, 1.20},   /* the closing chord */
	{0.90, 587.33, 0.18, 1.20},
	{0.90, 783.99, 0.16, 1.10},
	{0.93, 987.77, 0.12, 1.00},
};

static const struct note outro_notes[] = {
	{0.00, 783.99, 0.25, 0.70},
	{0.16, 587.33, 0.26, 0.70},
	{0.32, 493.88, 0.27, 0.70},
	{0.60, 196.00, 0.10, 1.40},   /* the final chord, left to ring out */
	{0.60, 392.00, 0.22, 1.00},
	{0.60, 587.33, 0.16, 0.90},
};

static const struct jingle jingles[] = {
	[JINGLE_INTRO] = {4.0, 0.6, intro_notes, ARRAY_LEN(intro_notes)},
	[JINGLE_OUTRO] = {3.0, 1.2, outro_notes, ARRAY_LEN(outro_notes)},
};

/* Partials: frequency ratio, relative amplitude, how many times faster it decays. */
static const struct {
	double ratio, amp, decay;
} partials[] = {
	{1.00, 1.00, 1.0},
	{2.00, 0.30, 2.0},
	{3.00, 0.10, 3.0},
	{4.16, 0.05, 4.5},    /* slightly inharmonic: the bell's shimmer */
};

/*
 * Overall level: about -27 LUFS, peaks about -13 dBTP. espeak-ng's raw
 * speech measures about -21 LUFS with peaks near full scale, so the episode
 * gain is some +8 dB and the limiter takes about 5 LU off the voice; the
 * chime then sits a little under the voice and never reaches the limiter.
 */
static const double level = 0.27;
static const double attack_s = 0.008;
static const double fade_in_s = 0.002;

int64_t jingle_length(enum jingle_kind k, int rate)
{
	return (int64_t)llround(jingles[k].seconds * rate);
}

double jingle_top_hz(enum jingle_kind k, int rate)
{
	const struct jingle *j = &jingles[k];
	double top = 0, nyquist = 0.45 * rate;
	for (size_t n = 0; n < j->nnotes; n++)
		for (size_t p = 0; p < ARRAY_LEN(partials); p++) {
			double f = j->notes[n].freq * partials[p].ratio;
			if (f >= nyquist)
				break;          /* as render_tile: not played */
			if (f > top)
				top = f;
		}
	return top;
}

/*
 * Renders the whole tile of TILE frames that starts at frame t0 into acc.
 * Each partial starts the tile from exact sin/cos/exp values and then steps
 * by rotation and a decay factor: cheap, and since tiles sit at fixed
 * positions a sample never depends on how the caller split the range.
 */
static void render_tile(const struct jingle *j, int rate, int64_t len, int64_t t0,
			double acc[TILE])
{
	double nyquist = 0.45 * rate;
	double att[TILE];
	memset(acc, 0, TILE * sizeof *acc);
	for (size_t n = 0; n < j->nnotes; n++) {
		const struct note *no = &j->notes[n];
		double dt0 = (double)t0 / rate - no->onset;
		if (dt0 + (double)TILE / rate <= 0)
			continue;       /* not started yet */
		for (int i = 0; i < TILE; i++)
			att[i] = fade_rcos((dt0 + (double)i / rate) / attack_s);
		for (size_t p = 0; p < ARRAY_LEN(partials); p++) {
			double f = no->freq * partials[p].ratio;
			if (f >= nyquist)
				break;
			double w = 2 * M_PI * f / rate;
			double cw = cos(w), sw = sin(w);
			double c = cos(2 * M_PI * f * dt0), s = sin(2 * M_PI * f * dt0);
			double k = partials[p].decay / no->tau;
			double e = level * no->amp * partials[p].amp * exp(-dt0 * k);
			double d = exp(-k / rate);
			for (int i = 0; i < TILE; i++) {
				acc[i] += e * s * att[i];
				double s2 = s * cw + c * sw;
				c = c * cw - s * sw;
				s = s2;
				e *= d;
			}
		}
	}
	/* Whole-jingle edges: the first and last frames are exactly zero. */
	for (int i = 0; i < TILE; i++) {
		int64_t f = t0 + i;
		double t = (double)f / rate, from_end = (double)(len - 1 - f) / rate;
		if (t < fade_in_s || from_end < j->fade_out)
			acc[i] *= fade_rcos(t / fade_in_s) * fade_rcos(from_end / j->fade_out);
	}
}

void jingle_render(enum jingle_kind k, int rate, int64_t offset, float *out, long n)
{
	const struct jingle *j = &jingles[k];
	int64_t len = jingle_length(k, rate);
	double acc[TILE];
	int64_t have = -1;      /* the tile in acc */
	for (long i = 0; i < n; i++) {
		int64_t f = offset + i;
		if (f < 0 || f >= len) {
			out[i] = 0.0f;
			continue;
		}
		int64_t t0 = f - f % TILE;
		if (t0 != have) {
			render_tile(j, rate, len, t0, acc);
			have = t0;
		}
		out[i] = (float)acc[f - t0];
	}
}
