/*
 * level_search.c: the gain that brings one timeline item, through the peak
 * limiter, to the loudness target.
 *
 * In: the item's audio (in memory, or read again from the timeline for
 * each pass), the target and the limiter's ceiling. Out: the gain in dB.
 * Each pass measures the item with loudness.h's meter (libebur128's
 * figures); the first measures it alone and between silences at once.
 */
#include "level.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "loudness.h"
#include "core/core.h"

#define RBLOCK 4096                   /* frames read from the timeline at a time */

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

/* A limited pass's output: measured (and kept, when the limiter writes it
 * into the item's buffer: frames counts them). */
struct pass_sink {
	struct loud_meter *m;
	int64_t frames;
};

static int pass_sink(void *ud, const float *frames, long n)
{
	struct pass_sink *s = ud;
	s->frames += n;
	return loud_meter_add(s->m, frames, n);
}

/*
 * The integrated loudness of item src at gain_db, through the limiter at
 * ceiling when limit is set (else unchanged). With padded, also that of the
 * item between LEVEL_MIN_S of silence each side. With keep (limit set), the
 * limiter's output too: the item's frames, into keep. 0, or -1 reported.
 */
static int level_pass(const struct level_src *src, double gain_db, double ceiling, int limit,
		      double *lufs, double *padded, float *keep)
{
	const struct timeline *tl = src->tl;
	int ch = tl->channels, ret = -1;
	int64_t len = tl->items[src->idx].length;
	long edge = (long)ceil(LEVEL_MIN_S * tl->rate);
	long pad = len < edge ? edge - (long)len : 0;
	/* Both figures from one meter when it can (loud_meter_new_padded):
	 * the same as two meters, one fed the silence too. */
	struct loud_meter *m = padded && !limit && pad == 0
			       ? loud_meter_new_padded(tl->rate, ch, edge) : NULL;
	int both = m != NULL;
	if (m == NULL)
		m = loud_meter_new(tl->rate, ch, LOUD_PEAK_NONE);
	struct loud_meter *mp = padded && !both ? loud_meter_new(tl->rate, ch, LOUD_PEAK_NONE) : NULL;
	struct limiter *lim = NULL;
	struct tl_reader *rd = NULL;
	float *buf = NULL;
	if (m == NULL || (padded && !both && mp == NULL)) {
		msg(MSG_RENDER_FORMAT, src->subject, 0, 0, "%d" MSG_SEP "%d" MSG_SEP "libebur128",
		    tl->rate, ch);
		goto out;
	}
	struct pass_sink ps = {m, 0};
	if (limit) {
		struct limiter_out lo = {gain_db, ceiling, pass_sink, &ps, keep, (long)len};
		if ((lim = limiter_new(tl->rate, ch, &lo, 1)) == NULL) {
			msg(MSG_RENDER_FORMAT, src->subject, 0, 0, "%d" MSG_SEP "%d" MSG_SEP "the limiter",
			    tl->rate, ch);
			goto out;
		}
	}
	if (src->mem == NULL && (rd = tl_reader_new_item(tl, src->idx)) == NULL)
		goto out;
	buf = xcalloc((size_t)(RBLOCK > edge ? RBLOCK : edge) * (size_t)ch, sizeof *buf);
	if (mp && loud_meter_add(mp, buf, edge) != 0)
		goto meter_failed;
	int64_t done = 0;
	while (done < len) {
		long n = len - done < RBLOCK ? (long)(len - done) : RBLOCK;
		const float *p = src->mem ? src->mem + (size_t)done * (size_t)ch : buf;
		if (src->mem == NULL && tl_reader_read(rd, buf, n) != n) {
			msg(MSG_RENDER_ITEM_SHORT, tl->items[src->idx].path ? tl->items[src->idx].path
				: src->subject, 0, 0, "timeline item %d" MSG_SEP "while levelling it", src->idx);
			goto out;
		}
		if ((lim ? limiter_process(lim, p, n) : loud_meter_add(m, p, n)) != 0 ||
		    (mp && loud_meter_add(mp, p, n) != 0))
			goto meter_failed;
		done += n;
	}
	if (lim && (limiter_drain(lim) != 0 || ps.frames != len))
		goto meter_failed;
	memset(buf, 0, (size_t)edge * (size_t)ch * sizeof *buf);
	if (loud_meter_add(m, buf, pad) != 0 || (mp && loud_meter_add(mp, buf, edge) != 0))
		goto meter_failed;
	*lufs = loud_meter_lufs(m);
	if (padded)
		*padded = both ? loud_meter_lufs_padded(m) : loud_meter_lufs(mp);
	ret = 0;
	goto out;
meter_failed:
	msg(MSG_RENDER_MEASURE, src->subject, 0, 0, NULL);
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
 * Silence (below the gate) gets 0 dB. With levelled, each limited pass's
 * output is kept, and the last one handed back when its gain is the one
 * found (nearly always: the search stops on the pass that reaches the
 * target), else NULL. 0, or -1 reported.
 */
int level_search(const struct level_src *src, double target, double ceiling,
			double *gain, float **levelled)
{
	double l0, lp;
	float *keep = NULL;
	int ret = -1;
	if (levelled != NULL)
		*levelled = NULL;
	if (level_pass(src, 0, 0, 0, &l0, &lp, NULL) != 0)
		return -1;
	*gain = 0;
	if (!isfinite(l0))
		return 0;
	if (levelled != NULL)
		keep = xmalloc((size_t)(src->tl->items[src->idx].length > 0
					? src->tl->items[src->idx].length : 1) *
			       (size_t)src->tl->channels * sizeof *keep);
	target += fmin(fmax(l0 - lp, 0), LEVEL_EDGE_MAX_LU);
	double g0 = fmin(target - l0, LEVEL_MAX_GAIN_DB);
	double gmax = fmin(g0 + LEVEL_MAX_PUSH_DB, LEVEL_MAX_GAIN_DB);
	double g = g0, pg = NAN, pf = 0, best_f = HUGE_VAL, last = NAN;
	double lo_g = NAN, lo_f = 0, hi_g = NAN, hi_f = 0;
	int side = 0;           /* which end moved last: -1 low, 1 high */
	for (int pass = 0; pass < LEVEL_MAX_PASSES; pass++) {
		double l;
		if (level_pass(src, g, ceiling, 1, &l, NULL, keep) != 0)
			goto out;
		last = g;
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
	if (keep != NULL && last == *gain) {
		*levelled = keep;
		keep = NULL;
	}
	ret = 0;
out:
	free(keep);
	return ret;
}
