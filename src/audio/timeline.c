/*
 * timeline.c: the episode's items laid out in output frames, and the
 * streaming reader that mixes them into one PCM stream.
 *
 * In: items (segment cache files, audio files libsndfile reads, the
 * built-in jingles, silences). Out: each item's start and length in output
 * frames; then interleaved float PCM at the output rate and channel count.
 *
 * An item's length is its source length scaled to the output rate and
 * rounded: round(n * out_rate / src_rate). The reader resamples with libsoxr
 * (streaming) and then pads with silence or cuts to exactly that length, so
 * the layout the chapters and transcripts were made from is the audio's.
 * Sources are downmixed to mono for mono output (the average of the
 * channels) and mono sources are duplicated for stereo output; a stereo
 * output from a source of more than two channels takes its first two.
 * Assets get 15 ms raised-cosine fades at both edges (segments 5 ms), and
 * the last audible asset (a custom outro) a fade-out of up to a second.
 *
 * Memory: one item's source at most (a segment's audio is read whole, a few
 * MB; assets are read in blocks), plus a few blocks of BLOCK frames.
 */
#include "timeline.h"

#include <errno.h>
#include <math.h>
#include <sndfile.h>
#include <soxr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asset.h"
#include "bed.h"
#include "fade.h"
#include "jingle.h"
#include "synth/synth.h"
#include "core/core.h"

#define BLOCK 4096              /* frames per internal block */

static const double seg_fade_s = 0.005;
static const double asset_fade_s = 0.015;
static const double outro_fade_s = 1.0;

struct timeline *timeline_new(int rate, int channels)
{
	struct timeline *tl = xcalloc(1, sizeof *tl);
	tl->rate = rate;
	tl->channels = channels;
	return tl;
}

void timeline_free(struct timeline **tl)
{
	if (*tl == NULL)
		return;
	for (int i = 0; i < (*tl)->n; i++)
		free((*tl)->items[i].path);
	free((*tl)->items);
	bed_free(&(*tl)->bed);
	free(*tl);
	*tl = NULL;
}

int timeline_add(struct timeline *tl, enum tl_kind kind, const char *path, int seg)
{
	/* Capacity is implicit: the array doubles whenever n reaches a power of two. */
	int n = tl->n;
	if (n == 0 || (n >= 16 && (n & (n - 1)) == 0))
		tl->items = xreallocarray(tl->items, n == 0 ? 16 : (size_t)n * 2,
					  sizeof *tl->items);
	struct tl_item *it = &tl->items[n];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->path = path ? xstrdup(path) : NULL;
	it->seg = seg;
	tl->n++;
	return n;
}

void timeline_set_bed(struct timeline *tl, struct bed *bed)
{
	bed_free(&tl->bed);
	tl->bed = bed;
}

void timeline_mix_bed(const struct timeline *tl, float *frames, long n, int64_t pos)
{
	if (tl->bed != NULL)
		bed_mix(tl->bed, frames, n, pos);
}

int timeline_add_silence(struct timeline *tl, int ms)
{
	int i = timeline_add(tl, TL_SILENCE, NULL, -1);
	tl->items[i].length = ms > 0 ? ((int64_t)ms * tl->rate + 500) / 1000 : 0;
	return i;
}

/* round(n * to / from), in integers so that every build agrees. */
static int64_t scale_frames(int64_t n, int from, int to)
{
	return (n * 2 * to + from) / (2 * (int64_t)from);
}

static void report_segcache(const char *path, enum segcache_err e)
{
	if (e == SEGCACHE_IO)
		msg(MSG_AUDIO_SEGMENT, path, 0, 0, "%s", strerror(errno));
	else
		msg(MSG_AUDIO_SEGMENT, path, 0, 0, "%s", segcache_strerror(e));
}

static SNDFILE *open_asset(const char *path, SF_INFO *info)
{
	char m[256];
	SNDFILE *sf = asset_open(path, info, m, sizeof m);
	if (sf == NULL) {
		msg(MSG_AUDIO_UNREADABLE, path, 0, 0, "%s", m);
		return NULL;
	}
	if (info->samplerate <= 0 || info->channels < 1 || info->frames < 0 ||
	    info->frames == SF_COUNT_MAX) {
		msg(MSG_AUDIO_UNREADABLE, path, 0, 0, "bad header");
		sf_close(sf);
		return NULL;
	}
	return sf;
}

double timeline_item_top_hz(const struct timeline *tl, int i)
{
	const struct tl_item *it = &tl->items[i];
	switch (it->kind) {
	case TL_SILENCE:
		return 0;
	case TL_JINGLE_INTRO:
		return jingle_top_hz(JINGLE_INTRO, tl->rate);
	case TL_JINGLE_OUTRO:
		return jingle_top_hz(JINGLE_OUTRO, tl->rate);
	default:
		break;
	}
	int r = it->src_rate > 0 && it->src_rate < tl->rate ? it->src_rate : tl->rate;
	return r / 2.0;
}

int timeline_layout(struct timeline *tl)
{
	int64_t at = 0;
	int bad = 0;
	if (tl->rate <= 0 || (tl->channels != 1 && tl->channels != 2)) {
		msg(MSG_SYS_INTERNAL, "podsynth", 0, 0, "timeline output of %d Hz, %d channels",
		    tl->rate, tl->channels);
		return -1;
	}
	for (int i = 0; i < tl->n; i++) {
		struct tl_item *it = &tl->items[i];
		it->src_rate = tl->rate;
		switch (it->kind) {
		case TL_SILENCE:
			if (it->length < 0)
				it->length = 0;
			break;
		case TL_SEGMENT: {
			int rate = 0;
			uint32_t ns = 0;
			enum segcache_err e = it->path ? segcache_probe(it->path, &rate, &ns)
						       : SEGCACHE_MISSING;
			if (e == SEGCACHE_OK && rate <= 0)
				e = SEGCACHE_CORRUPT;
			if (e != SEGCACHE_OK) {
				report_segcache(it->path ? it->path : "(none)", e);
				it->length = 0;
				bad = 1;
				break;
			}
			it->src_rate = rate;
			it->length = scale_frames(ns, rate, tl->rate);
			break;
		}
		case TL_ASSET: {
			SF_INFO info;
			SNDFILE *sf = it->path ? open_asset(it->path, &info) : NULL;
			if (sf == NULL) {
				if (it->path == NULL)
					msg(MSG_SYS_INTERNAL, "podsynth", 0, 0, "timeline audio item without a file");
				it->length = 0;
				bad = 1;
				break;
			}
			sf_close(sf);
			it->src_rate = info.samplerate;
			it->length = scale_frames(info.frames, info.samplerate, tl->rate);
			break;
		}
		case TL_JINGLE_INTRO:
			it->length = jingle_length(JINGLE_INTRO, tl->rate);
			break;
		case TL_JINGLE_OUTRO:
			it->length = jingle_length(JINGLE_OUTRO, tl->rate);
			break;
		}
		it->start = at;
		at += it->length;
	}
	tl->total = at;
	return bad ? -1 : 0;
}

/* ---- the reader ---- */

struct tl_reader {
	const struct timeline *tl;
	int ch;                 /* output channels */
	int idx;                /* current item */
	int end;                /* the item after the last one to read */
	int open;               /* its source is open */
	int64_t pos;            /* frames of it produced */
	int last_audible;       /* index of the last non-silent item, -1 when none */
	int failed;

	/* The current item's source. */
	struct seg_audio seg;
	uint32_t seg_pos;
	SNDFILE *sf;
	int sf_ch;
	int wc;                 /* channels while resampling: 1 or 2 */
	int src_done;           /* no more source frames */
	int64_t fade_in, fade_out;

	/* Resampling. */
	soxr_t rs;
	int rs_rate, rs_ch;     /* what rs was made for */
	int use_rs;
	int rs_done;            /* the resampler has been drained */
	float *in_buf;          /* BLOCK * 2: source frames waiting for the resampler */
	long in_len, in_off;
	float *sf_buf;          /* BLOCK * sf_ch: frames as libsndfile gives them */
	size_t sf_buf_cap;
	float *tmp;             /* BLOCK * 2: resampled or jingle frames */
};

struct tl_reader *tl_reader_new(const struct timeline *tl)
{
	if (tl->rate <= 0 || (tl->channels != 1 && tl->channels != 2)) {
		msg(MSG_SYS_INTERNAL, "podsynth", 0, 0, "timeline output of %d Hz, %d channels",
		    tl->rate, tl->channels);
		return NULL;
	}
	struct tl_reader *r = xcalloc(1, sizeof *r);
	r->tl = tl;
	r->ch = tl->channels;
	r->end = tl->n;
	r->last_audible = -1;
	for (int i = 0; i < tl->n; i++)
		if (tl->items[i].kind != TL_SILENCE && tl->items[i].length > 0)
			r->last_audible = i;
	r->in_buf = xmalloc((size_t)BLOCK * 2 * sizeof *r->in_buf);
	r->tmp = xmalloc((size_t)BLOCK * 2 * sizeof *r->tmp);
	return r;
}

struct tl_reader *tl_reader_new_item(const struct timeline *tl, int idx)
{
	if (idx < 0 || idx >= tl->n) {
		msg(MSG_SYS_INTERNAL, "podsynth", 0, 0, "no timeline item %d", idx);
		return NULL;
	}
	struct tl_reader *r = tl_reader_new(tl);
	if (r != NULL) {
		r->idx = idx;
		r->end = idx + 1;
	}
	return r;
}

static void item_close(struct tl_reader *r)
{
	seg_audio_clear(&r->seg);
	memset(&r->seg, 0, sizeof r->seg);
	r->seg_pos = 0;
	if (r->sf != NULL) {
		sf_close(r->sf);
		r->sf = NULL;
	}
	r->open = 0;
}

static int64_t fade_len(double seconds, int rate, int64_t length)
{
	int64_t f = (int64_t)llround(seconds * rate);
	return f > length / 2 ? length / 2 : f;
}

static int item_open(struct tl_reader *r)
{
	const struct tl_item *it = &r->tl->items[r->idx];
	int rate = r->tl->rate;
	r->pos = 0;
	r->src_done = r->rs_done = 0;
	r->in_len = r->in_off = 0;
	r->fade_in = r->fade_out = 0;
	r->use_rs = 0;
	r->open = 1;
	if (it->kind == TL_SEGMENT) {
		enum segcache_err e = it->path ? segcache_read(it->path, &r->seg) : SEGCACHE_MISSING;
		if (e != SEGCACHE_OK) {
			report_segcache(it->path ? it->path : "(none)", e);
			return -1;
		}
		if (r->seg.rate <= 0) {
			report_segcache(it->path, SEGCACHE_CORRUPT);
			return -1;
		}
		r->wc = 1;
		rate = r->seg.rate;
		r->fade_in = r->fade_out = fade_len(seg_fade_s, r->tl->rate, it->length);
	} else if (it->kind == TL_ASSET) {
		SF_INFO info;
		if (it->path == NULL) {
			msg(MSG_SYS_INTERNAL, "podsynth", 0, 0, "timeline audio item without a file");
			return -1;
		}
		r->sf = open_asset(it->path, &info);
		if (r->sf == NULL)
			return -1;
		r->sf_ch = info.channels;
		r->wc = (r->ch == 1 || info.channels == 1) ? 1 : 2;
		rate = info.samplerate;
		size_t need = (size_t)BLOCK * (size_t)info.channels;
		if (need > r->sf_buf_cap) {
			free(r->sf_buf);
			r->sf_buf = xmalloc(need * sizeof *r->sf_buf);
			r->sf_buf_cap = need;
		}
		r->fade_in = fade_len(asset_fade_s, r->tl->rate, it->length);
		r->fade_out = fade_len(r->idx == r->last_audible ? outro_fade_s : asset_fade_s,
				       r->tl->rate, it->length);
	} else {
		return 0;
	}
	if (rate == r->tl->rate)
		return 0;
	r->use_rs = 1;
	if (r->rs != NULL && r->rs_rate == rate && r->rs_ch == r->wc) {
		soxr_clear(r->rs);
		return 0;
	}
	if (r->rs != NULL)
		soxr_delete(r->rs);
	soxr_error_t err = NULL;
	soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
	r->rs = soxr_create(rate, r->tl->rate, (unsigned)r->wc, &err, NULL, &q, NULL);
	if (r->rs == NULL || err != NULL) {
		msg(MSG_AUDIO_RESAMPLE, it->path, 0, 0, "%s", err ? err : "the resampler did not start");
		if (r->rs != NULL)
			soxr_delete(r->rs);
		r->rs = NULL;
		return -1;
	}
	r->rs_rate = rate;
	r->rs_ch = r->wc;
	return 0;
}

/* Up to want source frames (wc channels) into dst; 0 at the end, -1 on error. */
static long src_read(struct tl_reader *r, float *dst, long want)
{
	const struct tl_item *it = &r->tl->items[r->idx];
	if (it->kind == TL_SEGMENT) {
		uint32_t left = r->seg.nsamples - r->seg_pos;
		long n = (long)left < want ? (long)left : want;
		const int16_t *s = r->seg.samples + r->seg_pos;
		for (long i = 0; i < n; i++)
			dst[i] = (float)s[i] * (1.0f / 32768.0f);
		r->seg_pos += (uint32_t)n;
		return n;
	}
	sf_count_t got = sf_readf_float(r->sf, r->sf_buf, want);
	if (got < want && sf_error(r->sf) != SF_ERR_NO_ERROR) {
		char m[256];
		msg(MSG_AUDIO_UNREADABLE, it->path, 0, 0, "%s", asset_why(m, sizeof m, sf_strerror(r->sf)));
		return -1;
	}
	int sc = r->sf_ch;
	if (sc == r->wc) {
		memcpy(dst, r->sf_buf, (size_t)got * (size_t)sc * sizeof *dst);
	} else if (r->wc == 1) {
		for (sf_count_t i = 0; i < got; i++) {
			float sum = 0;
			for (int c = 0; c < sc; c++)
				sum += r->sf_buf[i * sc + c];
			dst[i] = sum / (float)sc;
		}
	} else {
		for (sf_count_t i = 0; i < got; i++) {
			dst[2 * i] = r->sf_buf[i * sc];
			dst[2 * i + 1] = r->sf_buf[i * sc + 1];
		}
	}
	return (long)got;
}

/* Up to want frames at the output rate (wc channels); 0 at the end, -1 on error. */
static long produce(struct tl_reader *r, float *dst, long want)
{
	if (!r->use_rs)
		return r->src_done ? 0 : src_read(r, dst, want);
	for (;;) {
		if (r->rs_done)
			return 0;
		if (r->in_off == r->in_len && !r->src_done) {
			long n = src_read(r, r->in_buf, BLOCK);
			if (n < 0)
				return -1;
			r->in_len = n;
			r->in_off = 0;
			if (n == 0)
				r->src_done = 1;
		}
		size_t idone = 0, odone = 0;
		soxr_error_t err;
		if (r->in_off < r->in_len)
			err = soxr_process(r->rs, r->in_buf + (size_t)r->in_off * (size_t)r->wc,
					   (size_t)(r->in_len - r->in_off), &idone,
					   dst, (size_t)want, &odone);
		else
			err = soxr_process(r->rs, NULL, 0, &idone, dst, (size_t)want, &odone);
		if (err != NULL) {
			msg(MSG_AUDIO_RESAMPLE, r->tl->items[r->idx].path, 0, 0, "%s", err);
			return -1;
		}
		r->in_off += (long)idone;
		if (odone > 0)
			return (long)odone;
		if (r->src_done && r->in_off == r->in_len)
			r->rs_done = 1;
	}
}

/* Copies n frames of c channels from src into out at the output's channels. */
static void expand(const struct tl_reader *r, float *out, const float *src, long n, int c)
{
	if (c == r->ch) {
		memcpy(out, src, (size_t)n * (size_t)c * sizeof *out);
		return;
	}
	/* c == 1, output stereo */
	for (long i = 0; i < n; i++)
		out[2 * i] = out[2 * i + 1] = src[i];
}

/* Edge fades over out, which holds item frames pos .. pos + n. */
static void apply_fades(const struct tl_reader *r, float *out, long n, int64_t len)
{
	int64_t pos = r->pos;
	for (int64_t p = pos; p < pos + n && p < r->fade_in; p++) {
		float g = (float)fade_rcos((p + 0.5) / (double)r->fade_in);
		for (int c = 0; c < r->ch; c++)
			out[(p - pos) * r->ch + c] *= g;
	}
	int64_t from = len - r->fade_out;
	for (int64_t p = pos > from ? pos : from; p < pos + n; p++) {
		float g = (float)fade_rcos((len - p - 0.5) / (double)r->fade_out);
		for (int c = 0; c < r->ch; c++)
			out[(p - pos) * r->ch + c] *= g;
	}
}

/* The next n frames of the current item (n <= what is left of it). */
static int item_pull(struct tl_reader *r, float *out, long n)
{
	const struct tl_item *it = &r->tl->items[r->idx];
	int ch = r->ch;
	switch (it->kind) {
	case TL_SILENCE:
		memset(out, 0, (size_t)n * (size_t)ch * sizeof *out);
		return 0;
	case TL_JINGLE_INTRO:
	case TL_JINGLE_OUTRO:
		for (long done = 0; done < n;) {
			long m = n - done < BLOCK ? n - done : BLOCK;
			jingle_render(it->kind == TL_JINGLE_INTRO ? JINGLE_INTRO : JINGLE_OUTRO,
				      r->tl->rate, r->pos + done, r->tmp, m);
			expand(r, out + (size_t)done * (size_t)ch, r->tmp, m, 1);
			done += m;
		}
		return 0;
	case TL_SEGMENT:
	case TL_ASSET:
		break;
	}
	long done = 0;
	while (done < n) {
		long m = n - done < BLOCK ? n - done : BLOCK;
		long got = produce(r, r->tmp, m);
		if (got < 0)
			return -1;
		if (got == 0) {
			/* The source ended short of its laid-out length: pad. */
			memset(out + (size_t)done * (size_t)ch, 0,
			       (size_t)(n - done) * (size_t)ch * sizeof *out);
			break;
		}
		expand(r, out + (size_t)done * (size_t)ch, r->tmp, got, r->wc);
		done += got;
	}
	apply_fades(r, out, n, it->length);
	return 0;
}

long tl_reader_read(struct tl_reader *r, float *out, long frames)
{
	if (r->failed)
		return -1;
	const struct timeline *tl = r->tl;
	long done = 0;
	while (done < frames && r->idx < r->end) {
		const struct tl_item *it = &tl->items[r->idx];
		if (!r->open && it->length > 0 && item_open(r) != 0) {
			item_close(r);
			r->failed = 1;
			return -1;
		}
		int64_t left = it->length - r->pos;
		if (left <= 0) {
			/* Whatever the source still had is cut off here. */
			item_close(r);
			r->idx++;
			r->pos = 0;
			continue;
		}
		long n = left < frames - done ? (long)left : frames - done;
		if (item_pull(r, out + (size_t)done * (size_t)r->ch, n) != 0) {
			item_close(r);
			r->failed = 1;
			return -1;
		}
		r->pos += n;
		done += n;
	}
	return done;
}

void tl_reader_free(struct tl_reader **r)
{
	if (*r == NULL)
		return;
	item_close(*r);
	if ((*r)->rs != NULL)
		soxr_delete((*r)->rs);
	free((*r)->in_buf);
	free((*r)->sf_buf);
	free((*r)->tmp);
	free(*r);
	*r = NULL;
}

void timeline_align(struct timeline *tl, int64_t unit)
{
	if (unit <= 1)
		return;
	int64_t at = 0;
	for (int i = 0; i < tl->n; i++) {
		struct tl_item *it = &tl->items[i];
		/* A silence before a sound ends on the grid. */
		if (it->kind == TL_SILENCE && i + 1 < tl->n && tl->items[i + 1].kind != TL_SILENCE &&
		    tl->items[i + 1].length > 0 && it->length > 0) {
			int64_t end = at + it->length;
			it->length += (unit - end % unit) % unit;
		}
		it->start = at;
		at += it->length;
	}
	tl->total = at;
}
