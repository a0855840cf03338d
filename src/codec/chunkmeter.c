/*
 * chunkmeter.c: a chunk decoded alone and measured once, when it is
 * encoded; the file's loudness and true peak combined from the figures of
 * its chunks.
 *
 * In: a chunk's frames (MP3 through libmpg123 in feed mode, Opus through
 * libopus at 48 kHz). Out: its chunk_figures (from loudness.h's loud_meter,
 * libebur128 for the K-weighted energy of every 10 ms, truepeak.c for the
 * true peak and the largest sample); over a file's chunks, the file's
 * integrated loudness and peaks.
 *
 * A chunk's bytes are the bytes spliced into the file, and its boundaries
 * lie in silence, so the chunk decoded alone is the file's audio over the
 * chunk's frames (a fresh decoder's first frame differs from the file's
 * only by the previous frame's overlap, which is the pause's silence).
 *
 * The gating, written here because libebur128 cannot be given blocks: the
 * decoded file is cut into steps of s = (rate + 5) / 10 frames (100 ms, as
 * libebur128 cuts it) from its first frame after the codec's delay; each
 * step's energy sum S_j is the sum of the energies of the units in it
 * (a unit straddling two steps is shared in proportion to its frames in
 * each). Block m is steps m..m+3, of mean square z_m = (S_m + .. +
 * S_m+3) / 4s, for every m with 4 whole steps (the file's last, partial
 * step is left out, as libebur128 leaves it). With the absolute gate
 * G_a = 10^((-70 + 0.691) / 10) and the relative gate
 * G_r = 0.1 * mean(z_m : z_m >= G_a) (that is, -10 LU),
 *
 *     L = -0.691 + 10 log10(mean(z_m : z_m >= G_a and z_m >= G_r))  LUFS,
 *
 * BS.1770-4 section 2.8, with libebur128's >= at both gates.
 */
#include "chunkmeter.h"

#include <math.h>
#include <mpg123.h>
#include <opus/opus.h>
#include <stdlib.h>
#include <string.h>

#include "audio/audio.h"
#include "core/core.h"

/* ---- one chunk's meter ---- */

struct meter {
	struct loud_meter *lm;  /* K-weighted energy, true peak, the largest sample */
	int rate, channels, unit;
	int in_unit;            /* frames of the unit being filled */
	int64_t frames;
	float *energy;
	uint32_t nunits, cap;
};

static int meter_start(struct meter *m, int rate, int channels, int64_t expect,
		       enum loud_peak peak)
{
	memset(m, 0, sizeof *m);
	m->rate = rate;
	m->channels = channels;
	/* libebur128's frames for a window of CHUNK_METER_UNIT_MS. */
	m->unit = (int)((unsigned long)rate * CHUNK_METER_UNIT_MS / 1000);
	if (m->unit < 1 || rate <= 0 || channels < 1 || channels > 2)
		return -1;
	if ((m->lm = loud_meter_new_windows(rate, channels, peak)) == NULL)
		return -1;
	m->cap = (uint32_t)(expect / m->unit + 1);
	m->energy = xmalloc((size_t)m->cap * sizeof *m->energy);
	return 0;
}

static void meter_stop(struct meter *m)
{
	loud_meter_free(&m->lm);
	free(m->energy);
	m->energy = NULL;
}

/* The unit just filled: the energy of libebur128's last unit frames. */
static int close_unit(struct meter *m)
{
	double e = loud_meter_energy(m->lm, CHUNK_METER_UNIT_MS);
	if (e < 0)
		return -1;
	if (m->nunits == m->cap) {
		m->cap = m->cap * 2 + 16;
		m->energy = xreallocarray(m->energy, m->cap, sizeof *m->energy);
	}
	m->energy[m->nunits++] = (float)e;
	m->in_unit = 0;
	return 0;
}

static int meter_add(struct meter *m, const float *x, long n)
{
	while (n > 0) {
		long k = m->unit - m->in_unit;
		if (k > n)
			k = n;
		if (loud_meter_add(m->lm, x, k) != 0)
			return -1;
		m->in_unit += (int)k;
		m->frames += k;
		x += (size_t)k * (size_t)m->channels;
		n -= k;
		if (m->in_unit == m->unit && close_unit(m) != 0)
			return -1;
	}
	return 0;
}

/* The peaks of figures f from meter lm (which measured the true peak). */
static void set_peaks(struct chunk_figures *f, const struct loud_meter *lm)
{
	f->true_peak = loud_meter_peak((struct loud_meter *)lm);
	float peak = loud_meter_sample_max(lm);
	f->sample_peak = peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
}

/* Closes the last unit (padded with silence); NULL when libebur128 fails. */
static struct chunk_figures *meter_finish(struct meter *m)
{
	if (m->in_unit > 0) {
		long pad = m->unit - m->in_unit;
		float *z = xcalloc((size_t)pad * (size_t)m->channels, sizeof *z);
		int bad = loud_meter_add(m->lm, z, pad) != 0;
		free(z);
		if (bad || close_unit(m) != 0)
			return NULL;
	}
	struct chunk_figures *f = xcalloc(1, sizeof *f);
	set_peaks(f, m->lm);
	f->rate = m->rate;
	f->decoded = m->frames;
	f->unit = m->unit;
	f->nunits = m->nunits;
	f->energy = m->energy;
	m->energy = NULL;
	return f;
}

struct chunk_figures *chunk_figures_of_pcm(const float *pcm, int64_t n, int rate, int channels)
{
	struct meter m;
	struct chunk_figures *f = NULL;
	if (meter_start(&m, rate, channels, n, LOUD_PEAK_TRUE) == 0 && meter_add(&m, pcm, (long)n) == 0)
		f = meter_finish(&m);
	meter_stop(&m);
	return f;
}

/* ---- decoding ---- */

/* Where decoded frames go: a meter (meter_add), or memory (chunk_decode). */
typedef int (*frames_sink)(void *ud, const float *x, long n);

static int meter_sink(void *ud, const float *x, long n)
{
	return meter_add(ud, x, n);
}

static int decode_mp3(const struct chunk *c, frames_sink sink, void *m)
{
	int ret = CHUNK_INTERNAL, err;
	mpg123_handle *mh = mpg123_new(NULL, &err);
	/* No gapless trimming and no resync: every frame, or an error. */
	if (mh == NULL ||
	    mpg123_param(mh, MPG123_FLAGS, MPG123_QUIET | MPG123_NO_RESYNC, 0) != MPG123_OK ||
	    mpg123_format_none(mh) != MPG123_OK ||
	    mpg123_format(mh, c->rate, c->channels == 1 ? MPG123_MONO : MPG123_STEREO,
			  MPG123_ENC_FLOAT_32) != MPG123_OK ||
	    mpg123_open_feed(mh) != MPG123_OK)
		goto out;
	size_t off = 0;
	for (uint32_t i = 0; i < c->nframes; i++) {
		ret = CHUNK_UNDECODABLE;
		if (c->sizes[i] < 4 || off + c->sizes[i] > c->len ||
		    (uint32_t)chunk_mp3_frame_len(c->data + off) != c->sizes[i] ||
		    mpg123_feed(mh, c->data + off, c->sizes[i]) != MPG123_OK)
			goto out;
		off += c->sizes[i];
		for (;;) {
			off_t num;
			unsigned char *audio;
			size_t bytes;
			int r = mpg123_decode_frame(mh, &num, &audio, &bytes);
			if (r == MPG123_NEED_MORE)
				break;
			if (r == MPG123_NEW_FORMAT)
				continue;
			if (r != MPG123_OK)
				goto out;
			if (bytes > 0 &&
			    sink(m, (const float *)audio,
				      (long)(bytes / sizeof(float) / (size_t)c->channels)) != 0) {
				ret = CHUNK_INTERNAL;
				goto out;
			}
		}
	}
	ret = CHUNK_OK;
out:
	if (mh != NULL)
		mpg123_delete(mh);
	return ret;
}

static int decode_opus(const struct chunk *c, frames_sink sink, void *m)
{
	int ret = CHUNK_INTERNAL, err;
	float *pcm = xmalloc((size_t)c->frame_samples * (size_t)c->channels * sizeof *pcm);
	OpusDecoder *d = opus_decoder_create(48000, c->channels, &err);
	if (d == NULL)
		goto out;
	size_t off = 0;
	for (uint32_t i = 0; i < c->nframes; i++) {
		ret = CHUNK_UNDECODABLE;
		const unsigned char *p = c->data + off;
		if (c->sizes[i] < 1 || off + c->sizes[i] > c->len ||
		    opus_packet_get_nb_samples(p, (opus_int32)c->sizes[i], 48000) != c->frame_samples)
			goto out;
		int n = opus_decode_float(d, p, (opus_int32)c->sizes[i], pcm, c->frame_samples, 0);
		if (n != c->frame_samples)
			goto out;
		off += c->sizes[i];
		if (sink(m, pcm, n) != 0) {
			ret = CHUNK_INTERNAL;
			goto out;
		}
	}
	ret = CHUNK_OK;
out:
	if (d != NULL)
		opus_decoder_destroy(d);
	free(pcm);
	return ret;
}

int chunk_measure(struct chunk *c)
{
	chunk_figures_free(&c->fig);
	if ((c->format != CHUNK_MP3 && c->format != CHUNK_OPUS) || c->frame_samples < 1)
		return CHUNK_BAD_ARG;
	int rate = c->format == CHUNK_MP3 ? c->rate : 48000;
	int64_t want = (int64_t)c->nframes * c->frame_samples;
	struct meter m;
	int ret = CHUNK_INTERNAL;
	if (meter_start(&m, rate, c->channels, want, LOUD_PEAK_TRUE) != 0)
		goto out;
	ret = c->format == CHUNK_MP3 ? decode_mp3(c, meter_sink, &m) : decode_opus(c, meter_sink, &m);
	if (ret != CHUNK_OK)
		goto out;
	/* A frame the decoder skipped or held back. */
	if (m.frames != want) {
		ret = CHUNK_UNDECODABLE;
		goto out;
	}
	if ((c->fig = meter_finish(&m)) == NULL)
		ret = CHUNK_INTERNAL;
out:
	meter_stop(&m);
	return ret;
}

/* ---- in two steps: decoded, then measured beside another chunk ---- */

struct chunk_decoded {
	struct chunk *c;           /* the chunk decoded (NULL: none) */
	struct loud_meter *peaks;  /* the true peak and the largest sample */
	float *pcm;                /* the decoded frames */
	size_t cap;                /* floats pcm holds */
	int rate, channels;
	int64_t frames, want;
};

void chunk_decoded_free(struct chunk_decoded **dp)
{
	struct chunk_decoded *d = *dp;
	if (d == NULL)
		return;
	loud_meter_free(&d->peaks);
	free(d->pcm);
	free(d);
	*dp = NULL;
}

/* Decoded frames into memory (those past the frames expected only counted). */
static int decoded_sink(void *ud, const float *x, long n)
{
	struct chunk_decoded *d = ud;
	if (d->frames + n <= d->want)
		memcpy(d->pcm + (size_t)d->frames * (size_t)d->channels, x,
		       (size_t)n * (size_t)d->channels * sizeof *x);
	d->frames += n;
	return loud_meter_add(d->peaks, x, n);
}

int chunk_decode(struct chunk *c, struct chunk_decoded **dp)
{
	chunk_figures_free(&c->fig);
	if ((c->format != CHUNK_MP3 && c->format != CHUNK_OPUS) || c->frame_samples < 1)
		return CHUNK_BAD_ARG;
	if (c->channels < 1 || c->channels > 2)
		return CHUNK_INTERNAL;
	if (*dp == NULL)
		*dp = xcalloc(1, sizeof **dp);
	struct chunk_decoded *d = *dp;
	d->c = NULL;
	d->rate = c->format == CHUNK_MP3 ? c->rate : 48000;
	d->channels = c->channels;
	d->frames = 0;
	d->want = (int64_t)c->nframes * c->frame_samples;
	/* (the buffer is kept from one chunk to the next: a fresh one of a
	   few MB would be mapped, page-faulted and unmapped every time) */
	size_t need = (size_t)(d->want > 0 ? d->want : 1) * (size_t)d->channels;
	if (need > d->cap) {
		free(d->pcm);
		d->pcm = xmalloc(need * sizeof *d->pcm);
		d->cap = need;
	}
	loud_meter_free(&d->peaks);
	if ((d->peaks = loud_meter_new_peaks(d->rate, d->channels)) == NULL)
		return CHUNK_INTERNAL;
	int ret = c->format == CHUNK_MP3 ? decode_mp3(c, decoded_sink, d)
					 : decode_opus(c, decoded_sink, d);
	if (ret == CHUNK_OK && d->frames != d->want)
		ret = CHUNK_UNDECODABLE;   /* a frame the decoder skipped or held back */
	if (ret == CHUNK_OK)
		d->c = c;
	return ret;
}

double chunk_decoded_true_peak(const struct chunk_decoded *d)
{
	return loud_meter_peak(d->peaks);
}

/* d's chunk's figures: its energies from a meter of its own. */
static int finish_one(struct chunk_decoded *d)
{
	struct meter m;
	int ret = CHUNK_INTERNAL;
	if (meter_start(&m, d->rate, d->channels, d->frames, LOUD_PEAK_NONE) == 0 &&
	    meter_add(&m, d->pcm, (long)d->frames) == 0 &&
	    (d->c->fig = meter_finish(&m)) != NULL) {
		set_peaks(d->c->fig, d->peaks);
		ret = CHUNK_OK;
	}
	meter_stop(&m);
	return ret;
}

/* The figures d's chunk gets from its energies e (nunits of them, taken). */
static void set_figures(struct chunk_decoded *d, int unit, float *e, uint32_t nunits)
{
	struct chunk_figures *f = xcalloc(1, sizeof *f);
	set_peaks(f, d->peaks);
	f->rate = d->rate;
	f->decoded = d->frames;
	f->unit = unit;
	f->nunits = nunits;
	f->energy = e;
	d->c->fig = f;
}

/*
 * Two mono chunks decoded at one rate: their energies from the two lanes
 * of one K-weighting filter (loud_meter_energy_lanes), unit by unit. A
 * lane whose frames have ended is fed silence: its last unit is then
 * padded as meter_finish pads it, and the units after are not kept.
 */
static int finish_lanes(struct chunk_decoded *a, struct chunk_decoded *b)
{
	int unit = (int)((unsigned long)a->rate * CHUNK_METER_UNIT_MS / 1000);
	if (unit < 1)
		return CHUNK_INTERNAL;
	struct loud_meter *lm = loud_meter_new_windows(a->rate, 2, LOUD_PEAK_NONE);
	if (lm == NULL)
		return CHUNK_INTERNAL;
	uint32_t na = (uint32_t)((a->frames + unit - 1) / unit);
	uint32_t nb = (uint32_t)((b->frames + unit - 1) / unit);
	float *ea = xmalloc(((size_t)na + 1) * sizeof *ea);
	float *eb = xmalloc(((size_t)nb + 1) * sizeof *eb);
	float *tail = xmalloc((size_t)unit * 2 * sizeof *tail);
	int ret = CHUNK_OK;
	for (uint32_t u = 0; u < (na > nb ? na : nb); u++) {
		int64_t at = (int64_t)u * unit;
		const float *x = tail, *y = tail + unit;
		if (at + unit <= a->frames)
			x = a->pcm + at;
		else            /* a's last unit, or after it */
			for (int j = 0; j < unit; j++)
				tail[j] = at + j < a->frames ? a->pcm[at + j] : 0.0f;
		if (at + unit <= b->frames)
			y = b->pcm + at;
		else
			for (int j = 0; j < unit; j++)
				tail[unit + j] = at + j < b->frames ? b->pcm[at + j] : 0.0f;
		double e[2];
		if (loud_meter_add_lanes(lm, x, y, unit) != 0 ||
		    loud_meter_energy_lanes(lm, CHUNK_METER_UNIT_MS, e) != 0) {
			ret = CHUNK_INTERNAL;
			break;
		}
		if (u < na)
			ea[u] = (float)e[0];
		if (u < nb)
			eb[u] = (float)e[1];
	}
	free(tail);
	loud_meter_free(&lm);
	if (ret != CHUNK_OK) {
		free(ea);
		free(eb);
		return ret;
	}
	set_figures(a, unit, ea, na);
	set_figures(b, unit, eb, nb);
	return CHUNK_OK;
}

int chunk_measure_finish(struct chunk_decoded *a, struct chunk_decoded *b)
{
	int ret;
	if (a == NULL || a->c == NULL || (b != NULL && b->c == NULL))
		return CHUNK_BAD_ARG;
	if (b != NULL && a->channels == 1 && b->channels == 1 && a->rate == b->rate) {
		ret = finish_lanes(a, b);
	} else {
		ret = finish_one(a);
		if (ret == CHUNK_OK && b != NULL)
			ret = finish_one(b);
	}
	if (ret != CHUNK_OK) {
		chunk_figures_free(&a->c->fig);
		if (b != NULL)
			chunk_figures_free(&b->c->fig);
	}
	a->c = NULL;
	if (b != NULL)
		b->c = NULL;
	return ret;
}

/* ---- the file ---- */

struct chunk_loud {
	int rate;               /* the decoder's */
	int64_t delay;          /* decoded frames before the timeline's first */
	int64_t step;           /* libebur128's 100 ms */
	int64_t nsteps;         /* whole steps in the file */
	double *sum;            /* energy summed over each step's frames */
	int64_t pos;            /* decoded frames added */
	double tp, sp;          /* dB */
};

struct chunk_loud *chunk_loud_new(const struct chunk_params *p, int64_t total_samples)
{
	if (p->rate <= 0 || total_samples < 0 ||
	    (p->format != CHUNK_MP3 && p->format != CHUNK_OPUS))
		return NULL;
	struct chunk_loud *a = xcalloc(1, sizeof *a);
	int64_t length;
	if (p->format == CHUNK_MP3) {
		a->rate = p->rate;
		a->delay = chunk_delay(p);
		length = total_samples;
	} else {
		/* As oggasm.c ends the stream. */
		a->rate = 48000;
		a->delay = chunk_opus_lookahead();
		length = (total_samples * 48000 + p->rate / 2) / p->rate;
	}
	a->step = (a->rate + 5) / 10;
	a->nsteps = length / a->step;
	a->sum = xcalloc((size_t)a->nsteps + 1, sizeof *a->sum);
	a->tp = a->sp = -HUGE_VAL;
	return a;
}

int chunk_loud_add(struct chunk_loud *a, const struct chunk_figures *f)
{
	if (f == NULL || f->rate != a->rate || f->unit < 1 ||
	    (int64_t)f->nunits * f->unit < f->decoded)
		return CHUNK_MISMATCH;
	int64_t lim = a->nsteps * a->step;
	for (uint32_t i = 0; i < f->nunits; i++) {
		int64_t first = (int64_t)i * f->unit;
		int64_t len = f->decoded - first < f->unit ? f->decoded - first : f->unit;
		int64_t t0 = a->pos + first - a->delay, t1 = t0 + len;
		double per = (double)f->energy[i] * f->unit / (double)len;
		for (int64_t t = t0 < 0 ? 0 : t0; t < t1 && t < lim;) {
			int64_t j = t / a->step, e = (j + 1) * a->step;
			if (e > t1)
				e = t1;
			a->sum[j] += per * (double)(e - t);
			t = e;
		}
	}
	a->pos += f->decoded;
	a->tp = fmax(a->tp, f->true_peak);
	a->sp = fmax(a->sp, f->sample_peak);
	return CHUNK_OK;
}

double chunk_loud_lufs(const struct chunk_loud *a)
{
	const double abs_gate = pow(10, (-70 + 0.691) / 10);
	double s1 = 0, s2 = 0, block = 4.0 * (double)a->step;
	int64_t n1 = 0, n2 = 0;
	for (int pass = 0; pass < 2; pass++) {
		double rel = n1 ? 0.1 * s1 / (double)n1 : 0;
		for (int64_t m = 0; m + 3 < a->nsteps; m++) {
			double z = (a->sum[m] + a->sum[m + 1] + a->sum[m + 2] + a->sum[m + 3]) / block;
			if (z < abs_gate)
				continue;
			if (pass == 0) {
				s1 += z;
				n1++;
			} else if (z >= rel) {
				s2 += z;
				n2++;
			}
		}
	}
	return n2 ? 10 * log10(s2 / (double)n2) - 0.691 : -HUGE_VAL;
}

double chunk_loud_true_peak(const struct chunk_loud *a)
{
	return a->tp;
}

double chunk_loud_sample_peak(const struct chunk_loud *a)
{
	return a->sp;
}

int64_t chunk_loud_frames(const struct chunk_loud *a)
{
	return a->pos;
}

void chunk_loud_free(struct chunk_loud **a)
{
	if (a == NULL || *a == NULL)
		return;
	free((*a)->sum);
	free(*a);
	*a = NULL;
}
