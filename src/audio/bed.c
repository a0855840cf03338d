/*
 * bed.c: the music bed under the episode, and how it ducks under voices.
 *
 * In: bed settings, output rate and channels, the loudness target; the
 * stretches where the bed plays and where voices speak. Out: the bed added
 * to blocks of the mixed stream (bed_mix), a pure function of the frame
 * position, so that a second encoding attempt gives the same samples.
 *
 * The source is held whole at the output rate (a file is read with
 * libsndfile, resampled once with libsoxr and cut at BED_MAX_SECONDS; the
 * built-in pad is synthesised here) and loops; each stretch where it plays
 * starts it from its beginning. Its gain is found once by measuring it
 * with libebur128 (loudness.h).
 *
 * Why the default bed is synthesised: no recorded or downloaded audio has
 * to be shipped, licensed or trusted; it is the same on every machine and
 * every build (like the jingles); and a pad of sustained low chords is what
 * a bed should be: steady energy that a voice sits on without fighting it.
 */
#include "bed.h"

#include <math.h>
#include <sndfile.h>
#include <soxr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asset.h"
#include "fade.h"
#include "loudness.h"
#include "core/core.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#define BED_MAX_SECONDS 600

struct span {
	int64_t start, end;
};

struct bed {
	int rate, ch;
	float *src;            /* the bed at the output rate, src_ch channels */
	int src_ch;
	int64_t len;           /* frames */
	double gain;           /* linear: the bed alone at its level */
	double duck_db;
	double duck_lin;       /* 10^(-duck_db / 20) */
	int64_t attack, release, fade, hold;
	struct span *play, *voice;
	int nplay, nvoice;
};

/* ---- the built-in pad ---- */

/* C major 7, A minor 7, F major 7, G 6: four chords of four notes, 4 s each. */
static const double pad_chords[4][4] = {
	{130.81, 164.81, 196.00, 246.94},
	{110.00, 130.81, 164.81, 196.00},
	{87.31, 110.00, 130.81, 164.81},
	{98.00, 123.47, 146.83, 164.81},
};
static const struct { double ratio, amp; } pad_partials[] = {
	{1, 1.0}, {2, 0.22}, {3, 0.07},
};
#define PAD_CHORD_S 4.0
#define PAD_XFADE_S 1.2

/* A frequency that completes a whole number of cycles in the loop. */
static double loop_freq(double f)
{
	return round(f * PAD_SECONDS) / PAD_SECONDS;
}

/* How much of chord c sounds at t seconds into the loop (crossfades at the changes). */
static double chord_weight(int c, double t)
{
	double st = c * PAD_CHORD_S, en = st + PAD_CHORD_S;
	/* the loop wraps: chord 0 also fades in from the end */
	double d0 = t - st, d1 = en - t;
	if (c == 0 && t > PAD_SECONDS - PAD_XFADE_S / 2)
		d0 = t - PAD_SECONDS;
	if (c == 3 && t < PAD_XFADE_S / 2)
		d1 = PAD_CHORD_S - (t + PAD_SECONDS - st);
	double w = fade_rcos((d0 + PAD_XFADE_S / 2) / PAD_XFADE_S) * fade_rcos((d1 + PAD_XFADE_S / 2) / PAD_XFADE_S);
	return w;
}

/* The two frequencies of partial p of note v (the note and its softer,
 * slightly higher copy), each a whole number of cycles in the loop. */
static void pad_freqs(int v, size_t p, double f, double out[2])
{
	out[0] = loop_freq(f);
	/* a softer copy slightly up: a slow beat, like strings, at a different
	   rate for every note and partial so that the beats never line up into
	   a tremolo */
	out[1] = loop_freq(f + 0.125 + 0.0625 * (double)((v + 2 * (int)p) % 5));
}

double bed_pad_sample(int rate, int64_t k)
{
	int64_t loop = (int64_t)PAD_SECONDS * rate;
	k %= loop;
	double t = (double)k / rate, acc = 0;
	for (int c = 0; c < 4; c++) {
		double w = chord_weight(c, t);
		if (w <= 0)
			continue;
		for (int v = 0; v < 4; v++)
			for (size_t p = 0; p < ARRAY_LEN(pad_partials); p++) {
				double f[2];
				pad_freqs(v, p, pad_chords[c][v] * pad_partials[p].ratio, f);
				acc += w * pad_partials[p].amp *
				       (0.7 * sin(2 * M_PI * f[0] * t) + 0.3 * sin(2 * M_PI * f[1] * t));
			}
	}
	return acc * 0.05;
}

/*
 * The pad's frames [t0, t0 + m) of the loop into acc (m <= PAD_TILE). Each
 * sine starts the tile from exact sin and cos values at t0 and then steps
 * by a rotation: bed_pad_sample's sum without a sin() per sample, within
 * about 1e-12 of it (a rotation's rounding grows with the steps, and a
 * tile has few). Tiles sit at fixed places in the loop, so a frame's value
 * does not depend on how the caller splits the range.
 */
#define PAD_TILE 256
static void pad_tile(int rate, int64_t t0, int m, double *acc)
{
	double w[PAD_TILE];
	for (int j = 0; j < m; j++)
		acc[j] = 0;
	for (int c = 0; c < 4; c++) {
		int any = 0;
		for (int j = 0; j < m; j++) {
			w[j] = chord_weight(c, (double)(t0 + j) / rate);
			if (w[j] > 0)
				any = 1;
			else
				w[j] = 0;
		}
		if (!any)
			continue;
		for (int v = 0; v < 4; v++)
			for (size_t p = 0; p < ARRAY_LEN(pad_partials); p++) {
				double f[2];
				pad_freqs(v, p, pad_chords[c][v] * pad_partials[p].ratio, f);
				for (int q = 0; q < 2; q++) {
					double a = pad_partials[p].amp * (q == 0 ? 0.7 : 0.3);
					double ph = 2 * M_PI * f[q] * ((double)t0 / rate);
					double st = 2 * M_PI * f[q] / rate;
					double sn = sin(ph), cs = cos(ph), sw = sin(st), cw = cos(st);
					for (int j = 0; j < m; j++) {
						acc[j] += w[j] * a * sn;
						double s2 = sn * cw + cs * sw;
						cs = cs * cw - sn * sw;
						sn = s2;
					}
				}
			}
	}
}

void bed_pad_render(int rate, int64_t offset, float *out, long n)
{
	int64_t loop = (int64_t)PAD_SECONDS * rate;
	double acc[PAD_TILE];
	long i = 0;
	while (i < n) {
		int64_t k = (offset + i) % loop;
		int64_t t0 = k - k % PAD_TILE, end = t0 + PAD_TILE < loop ? t0 + PAD_TILE : loop;
		pad_tile(rate, t0, (int)(end - t0), acc);
		for (int64_t j = k; j < end && i < n; j++)
			out[i++] = (float)(acc[j - t0] * 0.05);
	}
}

/* ---- the source ---- */

static int load_file(struct bed *b, const struct bed_settings *s)
{
	SF_INFO info;
	memset(&info, 0, sizeof info);
	char why[256];
	if (asset_check(s->file, why, sizeof why) != 0) {
		msg(MSG_BED_UNREADABLE, s->conf, s->line, 0, "\"%s\"" MSG_SEP ": %s", s->file, why);
		return -1;
	}
	SNDFILE *sf = asset_open(s->file, &info, why, sizeof why);
	float *in = NULL;
	int rc = -1;
	if (sf == NULL) {
		msg(MSG_BED_UNREADABLE, s->conf, s->line, 0, "\"%s\"", s->file);
		return -1;
	}
	sf_count_t frames = info.frames;
	if (info.samplerate <= 0 || info.channels < 1 || frames <= 0) {
		msg(MSG_BED_NO_AUDIO, s->conf, s->line, 0, "\"%s\"", s->file);
		goto out;
	}
	if (frames > (sf_count_t)BED_MAX_SECONDS * info.samplerate)
		frames = (sf_count_t)BED_MAX_SECONDS * info.samplerate;
	int sc = info.channels, wc = b->ch == 1 || sc == 1 ? 1 : 2;
	in = xmalloc((size_t)frames * (size_t)sc * sizeof *in);
	frames = sf_readf_float(sf, in, frames);
	if (frames <= 0) {
		msg(MSG_BED_UNREADABLE, s->conf, s->line, 0, "\"%s\"", s->file);
		goto out;
	}
	/* to wc channels: the mean for mono, the first two for stereo */
	for (sf_count_t i = 0; i < frames; i++) {
		if (wc == 1) {
			float sum = 0;
			for (int c = 0; c < sc; c++)
				sum += in[i * sc + c];
			in[i] = sum / (float)sc;
		} else {
			in[2 * i] = in[i * sc];
			in[2 * i + 1] = in[i * sc + 1];
		}
	}
	b->src_ch = wc;
	if (info.samplerate == b->rate) {
		b->src = in;
		b->len = frames;
		in = NULL;
	} else {
		size_t olen = (size_t)((double)frames * b->rate / info.samplerate) + 16, idone = 0, odone = 0;
		b->src = xmalloc(olen * (size_t)wc * sizeof *b->src);
		soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
		soxr_error_t e = soxr_oneshot(info.samplerate, b->rate, (unsigned)wc, in, (size_t)frames,
					      &idone, b->src, olen, &odone, NULL, &q, NULL);
		if (e != NULL || odone == 0) {
			msg(MSG_BED_RESAMPLE, s->conf, s->line, 0, "\"%s\"" MSG_SEP "%s",
			    s->file, e ? e : "no output");
			goto out;
		}
		b->len = (int64_t)odone;
	}
	rc = 0;
out:
	free(in);
	sf_close(sf);
	return rc;
}

static void make_pad(struct bed *b)
{
	b->src_ch = 1;
	b->len = (int64_t)PAD_SECONDS * b->rate;
	b->src = xmalloc((size_t)b->len * sizeof *b->src);
	bed_pad_render(b->rate, 0, b->src, (long)b->len);
}

/* The source's integrated loudness, -HUGE_VAL when silent or on failure. */
static double measure(const struct bed *b)
{
	struct loud_meter *m = loud_meter_new(b->rate, b->src_ch, LOUD_PEAK_NONE);
	if (m == NULL)
		return -HUGE_VAL;
	double l = -HUGE_VAL;
	if (loud_meter_add(m, b->src, (long)b->len) == 0)
		l = loud_meter_lufs(m);
	loud_meter_free(&m);
	return l;
}

struct bed *bed_new(const struct bed_settings *s, int rate, int channels, double target_lufs)
{
	struct bed *b = xcalloc(1, sizeof *b);
	b->rate = rate;
	b->ch = channels;
	if (s->file != NULL) {
		if (load_file(b, s) != 0)
			goto fail;
	} else {
		make_pad(b);
	}
	double lufs = measure(b);
	if (!isfinite(lufs)) {
		msg(MSG_BED_SILENT, s->conf, s->line, 0, "\"%s\"", s->file ? s->file : "builtin");
		goto fail;
	}
	b->gain = pow(10, (target_lufs + s->level - lufs) / 20);
	b->duck_db = s->duck;
	b->duck_lin = pow(10, -s->duck / 20);
	b->attack = (int64_t)s->attack * rate / 1000;
	b->release = (int64_t)s->release * rate / 1000;
	b->fade = (int64_t)s->fade * rate / 1000;
	b->hold = (int64_t)s->hold * rate / 1000;
	return b;
fail:
	bed_free(&b);
	return NULL;
}

static void add_span(struct span **v, int *n, int64_t start, int64_t end)
{
	if (end <= start)
		return;
	*v = xreallocarray(*v, (size_t)*n + 1, sizeof **v);
	(*v)[(*n)++] = (struct span){start, end};
}

void bed_play(struct bed *b, int64_t start, int64_t end)
{
	add_span(&b->play, &b->nplay, start, end);
}

void bed_voice(struct bed *b, int64_t start, int64_t end)
{
	add_span(&b->voice, &b->nvoice, start, end);
}

static int span_cmp(const void *pa, const void *pb)
{
	const struct span *a = pa, *b = pb;
	return a->start < b->start ? -1 : a->start > b->start;
}

void bed_ready(struct bed *b)
{
	qsort(b->play, (size_t)b->nplay, sizeof *b->play, span_cmp);
	qsort(b->voice, (size_t)b->nvoice, sizeof *b->voice, span_cmp);
	/* voices closer than hold are one stretch: the bed stays down between them */
	int n = 0;
	for (int i = 0; i < b->nvoice; i++) {
		if (n > 0 && b->voice[i].start - b->voice[n - 1].end < b->hold) {
			if (b->voice[i].end > b->voice[n - 1].end)
				b->voice[n - 1].end = b->voice[i].end;
			continue;
		}
		b->voice[n++] = b->voice[i];
	}
	b->nvoice = n;
}

/* The index of the first span whose end is after pos (n when none). */
static int first_after(const struct span *v, int n, int64_t pos)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (v[mid].end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* How far ducked at pos: 0 in the clear, 1 under a voice. */
static double ducked(const struct bed *b, int64_t pos)
{
	int i = first_after(b->voice, b->nvoice, pos);
	double d = 0;
	if (i > 0 && b->release > 0) {          /* coming back after the voice before */
		double x = (double)(pos - b->voice[i - 1].end) / (double)b->release;
		d = 1 - fade_rcos(x);
	}
	if (i < b->nvoice) {
		const struct span *v = &b->voice[i];
		if (pos >= v->start)
			return 1;
		double a = b->attack > 0 ? fade_rcos((double)(pos - (v->start - b->attack)) / (double)b->attack)
					 : 0;
		if (a > d)
			d = a;
	}
	return d;
}

/* The play span pos is in, or NULL. */
static const struct span *playing(const struct bed *b, int64_t pos)
{
	int i = first_after(b->play, b->nplay, pos);
	return i < b->nplay && pos >= b->play[i].start ? &b->play[i] : NULL;
}

/* The linear gain relative to the bed's level: fades times ducking. */
static double rel_gain(const struct bed *b, const struct span *p, int64_t pos)
{
	double g = 1, d = ducked(b, pos);
	if (b->fade > 0) {
		int64_t f = b->fade * 2 > p->end - p->start ? (p->end - p->start) / 2 : b->fade;
		if (f > 0)
			g = fade_rcos((pos - p->start + 0.5) / (double)f) * fade_rcos((p->end - pos - 0.5) / (double)f);
	}
	if (d <= 0)
		return g;
	return g * (d >= 1 ? b->duck_lin : pow(10, -b->duck_db * d / 20));
}

double bed_gain_db(const struct bed *b, int64_t pos)
{
	const struct span *p = playing(b, pos);
	if (p == NULL)
		return -HUGE_VAL;
	double g = rel_gain(b, p, pos);
	return g > 0 ? 20 * log10(g) : -HUGE_VAL;
}

void bed_mix(const struct bed *b, float *frames, long n, int64_t pos)
{
	for (long i = 0; i < n; i++) {
		int64_t at = pos + i;
		const struct span *p = playing(b, at);
		if (p == NULL)
			continue;
		float g = (float)(b->gain * rel_gain(b, p, at));
		int64_t k = (at - p->start) % b->len;
		for (int c = 0; c < b->ch; c++)
			frames[i * b->ch + c] += g * b->src[k * b->src_ch + (b->src_ch == 1 ? 0 : c)];
	}
}

void bed_free(struct bed **bp)
{
	struct bed *b = *bp;
	if (b == NULL)
		return;
	free(b->src);
	free(b->play);
	free(b->voice);
	free(b);
	*bp = NULL;
}
