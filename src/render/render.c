/*
 * render.c: a laid-out timeline made into the episode's audio files, one
 * per format (MP3, Opus, Vorbis), in one pass.
 *
 * In: the timeline (streamed through tl_reader), the loudness target and
 * ceiling, the formats and their bitrates, the metadata. Out: each format's
 * file (written to a temporary name, renamed into place only when every
 * format is complete and on target) and the figures of what was encoded,
 * measured on each file's own bytes decoded again.
 *
 * Levelling. Every audible item (a segment, an intro or outro, an audio
 * file) is brought to the loudness target on its own: a gain, then a
 * lookahead peak limiter (loudness.h) with a fresh state for each item
 * (level_search.c). Items are parted by pauses and begin and end with
 * fades, so an item levelled alone sounds the same in the episode, and an
 * episode made of items at the target measures at the target. Speech
 * segments keep their gain in a small record next to their cache file
 * (level_cache.c; render_level.c takes it or searches), so a rebuild
 * after an edit searches only the segments that changed. Each item is levelled once per pass, whatever the number
 * of formats: the levelled PCM goes to every format's encoder.
 *
 * The limiter's ceiling sits LIMIT_MARGIN_DB under the requested true peak:
 * it holds sample peaks, and both the peaks between samples and the lossy
 * codecs add to what a decoder gives (together 1.2 to 1.7 dB for levelled
 * espeak-ng speech; MP3 and Opus overshoot differently from Vorbis).
 *
 * Threads (render_pipe.c, render_check.c): this one reads and levels the
 * timeline; per format, one encodes and one decodes what was encoded.
 *
 * The retry loop. If any format's decoded true peak comes within
 * DECODED_GUARD_DB of the ceiling, the items it is in get their limiter
 * lowered by the excess (their level records say so, so the next build
 * gets it right the first time); if any format's decoded loudness strays
 * more than LUFS_GUARD_LU from the target, the items' target moves by the
 * mean error (and the records keep the target they were levelled to, keyed
 * on the show's target, so the next build starts from the corrected one).
 * (Chunked Opus is not in that mean: its offset goes into its OpusHead's
 * output gain, gain_fixed below.)
 * Then the episode is encoded again, every format: the levelled PCM
 * changed, and a format encoded from the old PCM would not be what the
 * next build makes from the kept records (its published bytes, and so its
 * name and hash, would change for nothing).
 */
#include "render.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <opus/opus.h>

#include "audio/audio.h"
#include "core/core.h"
#include "codec/codec.h"
#include "render_chunks.h"
#include "render_grid.h"
#include "render_int.h"
#include "render_pipe.h"
#include "synth/synth.h"

#define RBLOCK 4096                   /* frames read from the timeline at a time */
#define MEM_CAP ((int64_t)1 << 22)    /* samples of one item levelled in memory */

static const double LIMIT_MARGIN_DB = 2.0;
static const double DECODED_GUARD_DB = 0.1;
static const double LUFS_GUARD_LU = 0.3;
static const double LUFS_STEP_LU = 0.1;
static const int MAX_REENCODES = 2;
static const double OPUS_GAIN_MAX_DB = 1.0;

/*
 * 1 when format f's file gets its loudness right without the levelled PCM
 * aiming for it: a chunked Opus file, whose OpusHead carries an output
 * gain that every decoder applies (RFC 7845 section 5.1). The codecs lose
 * different amounts: MP3 at 64 kbit/s about 0.4 LU at every frequency (its
 * quantisation), Opus at 32 kbit/s only what lies above its band edge, so
 * 0.1 LU for the show's 16 kHz Flite voices and 0.45 for espeak-ng. One
 * PCM goes to both encoders, so it aims for the others, and Opus's own
 * offset is measured and set in its header: no format encodes again for it.
 */
static int gain_fixed(enum audio_format f, const struct timeline *tl)
{
	return f == FMT_OPUS && tl->bed == NULL && render_chunkable(f, tl->rate);
}

/* How many of the n formats the PCM aims for: those gain_fixed does not
 * correct, or all when it corrects every one. */
static int aimed_for(const enum audio_format *fmts, int n, const struct timeline *tl,
		     int *aim)
{
	int na = 0;
	for (int i = 0; i < n; i++)
		na += aim[i] = !gain_fixed(fmts[i], tl);
	if (na == 0)
		for (int i = 0; i < n; i++)
			na += aim[i] = 1;
	return na;
}

/*
 * The output gain that brings a file measured at lufs (dec LUFS, peak dBTP)
 * to target, in Q7.8 dB: at most OPUS_GAIN_MAX_DB either way, and never
 * raising the true peak over watch_db.
 */
static int16_t opus_gain_q8(double target, double lufs, double peak, double watch_db)
{
	if (!isfinite(lufs))
		return 0;
	double g = target - lufs;
	if (g > 0 && isfinite(peak) && peak + g > watch_db)
		g = watch_db - peak > 0 ? watch_db - peak : 0;
	if (g > OPUS_GAIN_MAX_DB)
		g = OPUS_GAIN_MAX_DB;
	if (g < -OPUS_GAIN_MAX_DB)
		g = -OPUS_GAIN_MAX_DB;
	return (int16_t)lround(g * 256);
}

/* ---- this thread: the timeline, levelled, to the encoders ---- */

struct producer {
	struct stages *s;
	struct loud_meter *meter;       /* what goes to the encoder */
	float *slot;                    /* the queue slot being filled */
	long nslot;
	int64_t frames;
	int meter_failed;
	void (*progress)(void *ud, double done_s, double total_s, int pass);
	void *progress_ud;
	int pass;
	int64_t reported;
	float *mixed;                   /* the frames with the bed added */
};

/* Hands n frames to the encoder (also the limiter's sink). */
static int to_encoder(void *ud, const float *f, long n)
{
	struct producer *p = ud;
	int ch = p->s->channels;
	if (p->s->tl->bed != NULL) {
		/* the music bed under the levelled items (timeline.h) */
		p->mixed = xreallocarray(p->mixed, (size_t)n * (size_t)ch, sizeof *p->mixed);
		memcpy(p->mixed, f, (size_t)n * (size_t)ch * sizeof *f);
		timeline_mix_bed(p->s->tl, p->mixed, n, p->frames);
		f = p->mixed;
	}
	if (loud_meter_add(p->meter, f, n) != 0) {
		p->meter_failed = 1;
		return -1;
	}
	p->frames += n;
	if (p->progress != NULL && p->frames - p->reported >= p->s->rate) {
		p->reported = p->frames;
		p->progress(p->progress_ud, (double)p->frames / p->s->rate,
			    (double)p->s->tl->total / p->s->rate, p->pass);
	}
	while (n > 0) {
		if (p->slot == NULL) {
			if ((p->slot = pq_slot(&p->s->pq)) == NULL)
				return -1;
			p->nslot = 0;
		}
		long k = QFRAMES - p->nslot < n ? QFRAMES - p->nslot : n;
		memcpy(p->slot + (size_t)p->nslot * (size_t)ch, f, (size_t)k * (size_t)ch * sizeof *f);
		p->nslot += k;
		f += (size_t)k * (size_t)ch;
		n -= k;
		if (p->nslot == QFRAMES) {
			pq_commit(&p->s->pq, QFRAMES);
			p->slot = NULL;
		}
	}
	return 0;
}

/* Reads n frames of the current item; 0, or -1 reported. */
static int read_exact(const struct render_ctx *c, struct tl_reader *rd, float *buf, long n,
		      int idx)
{
	long got = tl_reader_read(rd, buf, n);
	if (got == n)
		return 0;
	if (got >= 0)
		msg(MSG_RENDER_ITEM_SHORT, c->tl->items[idx].path ? c->tl->items[idx].path : c->subject,
		    0, 0, "timeline item %d" MSG_SEP "%ld of %ld frames read", idx, got, n);
	return -1;
}

/*
 * Item idx from rd, levelled, to the encoder. 0; -1 when reported here; -2
 * when the sink failed (the caller tells why).
 */
static int produce_item(struct render_ctx *c, struct producer *p, struct tl_reader *rd,
			int idx, float *buf, float **mem, size_t *mem_cap)
{
	const struct timeline *tl = c->tl;
	const struct tl_item *it = &tl->items[idx];
	int ch = tl->channels, rc = -1;
	int64_t len = it->length;
	if (it->kind == TL_SILENCE) {
		for (int64_t done = 0; done < len;) {
			long n = len - done < RBLOCK ? (long)(len - done) : RBLOCK;
			if (read_exact(c, rd, buf, n, idx) != 0)
				return -1;
			if (to_encoder(p, buf, n) != 0)
				return -2;
			done += n;
		}
		return 0;
	}

	/* The item's gain: kept, or searched (in memory when it fits). */
	double gain = 0, *ceiling = &c->item_ceiling[idx];
	int in_mem = 0;
	if (!render_item_kept_gain(c, idx, NULL, &gain)) {
		/* Test hook: a smaller limit, to search items as they are read. */
		const char *cap = getenv("PODSYNTH_TEST_MEM_CAP");
		if (len * ch <= (cap ? atoll(cap) : MEM_CAP)) {
			if ((size_t)(len * ch) > *mem_cap) {
				free(*mem);
				*mem_cap = (size_t)(len * ch);
				*mem = xmalloc(*mem_cap * sizeof **mem);
			}
			for (int64_t done = 0; done < len;) {
				long n = len - done < RBLOCK ? (long)(len - done) : RBLOCK;
				if (read_exact(c, rd, *mem + (size_t)done * (size_t)ch, n, idx) != 0)
					return -1;
				done += n;
			}
			in_mem = 1;
		}
		if (render_item_search_gain(c, idx, in_mem ? *mem : NULL, &gain, NULL) != 0)
			return -1;
	}

	struct limiter_out lo = {gain, *ceiling, to_encoder, p, NULL, 0};
	struct limiter *lim = limiter_new(tl->rate, ch, &lo, 1);
	if (lim == NULL) {
		msg(MSG_RENDER_FORMAT, c->subject, 0, 0, "%d" MSG_SEP "%d" MSG_SEP "the limiter",
		    tl->rate, ch);
		return -1;
	}
	for (int64_t done = 0; done < len;) {
		long n = len - done < RBLOCK ? (long)(len - done) : RBLOCK;
		const float *f = buf;
		if (in_mem)
			f = *mem + (size_t)done * (size_t)ch;
		else if (read_exact(c, rd, buf, n, idx) != 0)
			goto lim_out;
		if (limiter_process(lim, f, n) != 0) {
			rc = -2;
			goto lim_out;
		}
		done += n;
	}
	rc = limiter_drain(lim) != 0 ? -2 : 0;
lim_out:
	limiter_free(&lim);
	return rc;
}

/* The figures of one attempt. */
struct figures {
	double lufs, peak;              /* what went into the encoders */
	double dec_lufs[FMT_COUNT];     /* each format's file decoded */
	double dec_peak[FMT_COUNT];
	double tp_share[FMT_COUNT];     /* of the decoded frames, the share interpolated */
};

/* The encoders' inputs besides the audio. */
struct enc_inputs {
	const struct audio_meta *m;
	struct enc_comments *com;
	struct enc_comments *com_vorbis; /* com and the picture */
	unsigned char *pic;
	size_t pic_len;
	const char *pic_mime;
};

/*
 * One attempt: the whole timeline levelled to c->target, limited at
 * c->ceiling, encoded into every lane's tmp[] and decoded again. 0, or -1
 * reported (naming the out paths); tmp files may be left for the caller.
 */
static int encode_attempt(struct render_ctx *c, struct stages *s, char *const *tmp,
			  const struct enc_inputs *in, const struct render_opts *o, int pass,
			  struct figures *fig)
{
	const struct timeline *tl = c->tl;
	int ch = tl->channels, ret = -1;
	struct producer p;
	struct tl_reader *rd = NULL;
	float *buf = NULL, *mem = NULL;
	size_t mem_cap = 0;

	memset(&p, 0, sizeof p);
	stages_init(s, tl, c->watch_db);
	p.s = s;
	p.progress = o->progress;
	p.progress_ud = o->progress_ud;
	p.pass = pass;
	if (p.progress != NULL)
		p.progress(p.progress_ud, 0, (double)tl->total / tl->rate, pass);

	if ((p.meter = loud_meter_new(tl->rate, ch, LOUD_PEAK_TRUE)) == NULL) {
		msg(MSG_RENDER_FORMAT, c->subject, 0, 0, "%d" MSG_SEP "%d" MSG_SEP "libebur128",
		    tl->rate, ch);
		goto out;
	}
	for (int i = 0; i < s->nlanes; i++)
		if (lane_start(&s->lanes[i], tmp[i],
			       s->lanes[i].fmt == FMT_VORBIS ? in->com_vorbis : in->com, in->m,
			       in->pic, in->pic_len, in->pic_mime) != 0)
			goto joined;

	buf = xmalloc((size_t)RBLOCK * (size_t)ch * sizeof *buf);
	if ((rd = tl_reader_new(tl)) == NULL) {
		stages_fail(s, STAGE_PRODUCER, -1);
		goto joined;
	}
	int rc = 0;
	for (int i = 0; i < tl->n && rc == 0; i++)
		if (tl->items[i].length > 0)
			rc = produce_item(c, &p, rd, i, buf, &mem, &mem_cap);
	if (rc == 0 && p.frames != tl->total) {
		msg(MSG_RENDER_LENGTH, c->subject, 0, 0, "%lld" MSG_SEP "%lld",
		    (long long)p.frames, (long long)tl->total);
		rc = -1;
	}
	if (rc == -2 && p.meter_failed) {
		msg(MSG_RENDER_MEASURE, c->subject, 0, 0, NULL);
		rc = -1;
	}
	if (rc != 0) {
		stages_fail(s, STAGE_PRODUCER, -1);
	} else {
		if (p.slot != NULL && p.nslot > 0)
			pq_commit(&s->pq, p.nslot);
		pq_close(&s->pq);
	}
joined:
	/* The encoders and checkers finish what is queued (a few seconds). */
	for (int i = 0; i < s->nlanes; i++)
		lane_join(&s->lanes[i]);
	if (p.progress != NULL && s->failed == STAGE_NONE)
		p.progress(p.progress_ud, (double)tl->total / tl->rate,
			   (double)tl->total / tl->rate, pass);
	if (stages_report(s) != 0)
		goto out;
	fig->lufs = loud_meter_lufs(p.meter);
	fig->peak = loud_meter_peak(p.meter);
	for (int i = 0; i < s->nlanes; i++) {
		struct lane *l = &s->lanes[i];
		int64_t want = lane_expected_frames(l);
		if (l->dec_frames != want) {
			msg(MSG_RENDER_UNDECODABLE, l->out_path, 0, 0, "%lld frames decoded, %lld laid out",
			    (long long)l->dec_frames, (long long)want);
			goto out;
		}
		fig->dec_lufs[i] = l->dec ? loud_meter_lufs(l->dec) : -HUGE_VAL;
		fig->dec_peak[i] = l->dec ? loud_meter_peak(l->dec) : -HUGE_VAL;
		fig->tp_share[i] = l->dec ? loud_meter_tp_share(l->dec) : 0;
		for (int k = 0; k < tl->n; k++)
			if (l->item_peak[k] > c->item_peak[k])
				c->item_peak[k] = l->item_peak[k];
	}
	ret = 0;
out:
	stages_destroy(s);
	tl_reader_free(&rd);
	loud_meter_free(&p.meter);
	free(p.mixed);
	free(buf);
	free(mem);
	return ret;
}

/*
 * The items' target to start from. When every segment of the timeline has
 * a level record and all were made for one target, that one (the episode
 * was built before, complete, with the correction its last build found):
 * the build is then the same as that one. Else the show's target raised
 * by the codecs' mean expected loss (formats.h), rounded to LUFS_STEP_LU:
 * the same start whatever the cache holds, so that a build after an edit,
 * a kill or from an empty cache makes the same bytes.
 */
/* The items' target when no level record says otherwise: the show's
 * raised by the mean loss of the formats the PCM aims for. */
static double fresh_target(double show_target, const enum audio_format *fmts, int n,
			   const struct timeline *tl)
{
	int aim[FMT_COUNT];
	int na = aimed_for(fmts, n, tl, aim);
	double loss = 0;
	for (int i = 0; i < n; i++)
		if (aim[i])
			loss += format_info(fmts[i])->loss_lu;
	return show_target + LUFS_STEP_LU * round(loss / na / LUFS_STEP_LU);
}

static double start_target(const struct render_ctx *c, const enum audio_format *fmts, int n)
{
	const struct timeline *tl = c->tl;
	double fresh = fresh_target(c->show_target, fmts, n, tl);
	double t = fresh;
	int found = 0;
	for (int i = 0; i < tl->n; i++) {
		const struct tl_item *it = &tl->items[i];
		struct level_key key = {0, tl->rate, tl->channels, c->codecs, c->show_target,
					c->ceiling};
		double rt;
		if (it->kind != TL_SEGMENT)
			continue;
		if (it->path == NULL || segcache_checksum(it->path, &key.seg_sum) != SEGCACHE_OK)
			return fresh;
		char *lpath = xasprintf("%s%s", it->path, LEVEL_EXT);
		int ok = level_items_target(lpath, &key, &rt) == 0;
		free(lpath);
		if (!ok || (found && rt != t))
			return fresh;
		t = rt;
		found = 1;
	}
	return t;
}

/* A number for the formats and their bitrates, for the level records. */
static int codecs_sig(const struct render_opts *o, const enum audio_format *fmts,
		      const int *kbps, int n)
{
	int v[2 * FMT_COUNT + 1];
	v[0] = n;
	for (int i = 0; i < n; i++) {
		v[1 + 2 * i] = (int)fmts[i];
		v[2 + 2 * i] = kbps[i];
	}
	/* Vorbis alone at o->bitrate keeps the records it always had. */
	if (n == 1 && fmts[0] == FMT_VORBIS)
		return o->bitrate;
	return (int)(hash64(v, sizeof(int) * (size_t)(1 + 2 * n)) & 0x7fffffff);
}

/* ---- rendering ahead (render.h) ---- */

struct render_ahead {
	struct render_opts o;
	struct tl_item *laid;  /* the items laid out so far (lengths not aligned) */
	int nlaid;
	int groups;          /* groups done: every one before it is complete */
	int failed;
	char **made;         /* chunk files made, sorted once render_episode asks */
	int nmade, cap, sorted;
};

struct render_ahead *render_ahead_new(const struct render_opts *o)
{
	struct render_ahead *a = xcalloc(1, sizeof *a);
	a->o = *o;
	a->o.ahead = NULL;
	a->o.progress = NULL;
	return a;
}

static void ahead_made(void *ud, const char *path)
{
	struct render_ahead *a = ud;
	if (a->nmade == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 64;
		a->made = xreallocarray(a->made, (size_t)a->cap, sizeof *a->made);
	}
	a->made[a->nmade++] = xstrdup(path);
	a->sorted = 0;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Was path made ahead by this build? */
static int ahead_has(void *ud, const char *path)
{
	struct render_ahead *a = ud;
	if (a->nmade == 0)   /* made is NULL then, which qsort must not be given */
		return 0;
	if (!a->sorted) {
		qsort(a->made, (size_t)a->nmade, sizeof *a->made, cmp_str);
		a->sorted = 1;
	}
	return bsearch(&path, a->made, (size_t)a->nmade, sizeof *a->made, cmp_str) != NULL;
}

int render_ahead_run(struct render_ahead *a, const struct timeline *tl, int k, int64_t grid,
		     const int *stop)
{
	const struct render_opts *o = &a->o;
	struct timeline pre = *tl;
	struct render_ctx c = {0};
	struct render_chunks *rch = NULL;
	struct chunk_outs co = {0};
	enum audio_format fmts[FMT_COUNT];
	int kbps[FMT_COUNT], n = o->nformats, rc = -1, segs = 0;

	if (a->failed)
		return -1;
	if (tl->bed != NULL || n == 0 || k <= 0)
		return 0;
	for (int i = 0; i < n; i++) {
		fmts[i] = o->formats[i];
		kbps[i] = o->kbps[i];
		if (render_chunkable(fmts[i], tl->rate)) {
			co.fmt[co.n] = fmts[i];
			co.kbps[co.n] = kbps[i];
			co.path[co.n] = o->paths[i];
			co.serial[co.n] = o->serial + (uint32_t)i;
			co.n++;
		}
	}
	if (co.n == 0)
		return 0;
	if (k > tl->n)
		k = tl->n;
	pre.bed = NULL;
	pre.items = NULL;
	for (int i = 0; i < k; i++)
		segs += tl->items[i].kind == TL_SEGMENT && tl->items[i].path != NULL;
	if (segs == 0) {     /* no segment yet to keep the chunks with */
		rc = 0;
		goto out;
	}
	/* Each item's file is read once: only the new ones are laid out. */
	if (k > a->nlaid) {
		struct timeline more = *tl;
		more.n = k - a->nlaid;
		more.bed = NULL;
		a->laid = xreallocarray(a->laid, (size_t)k, sizeof *a->laid);
		memcpy(a->laid + a->nlaid, tl->items + a->nlaid, (size_t)more.n * sizeof *a->laid);
		more.items = a->laid + a->nlaid;
		if (timeline_layout(&more) != 0)
			goto out;
		a->nlaid = k;
	}
	pre.n = k;
	pre.items = xmalloc((size_t)k * sizeof *pre.items);
	memcpy(pre.items, a->laid, (size_t)k * sizeof *pre.items);
	timeline_align(&pre, grid);
	/* As render_episode sets it up for a cold build: no level record of a
	 * segment being synthesised can exist, so its start_target is the
	 * fresh one (the records this writes say so too). */
	c.tl = &pre;
	c.codecs = codecs_sig(o, fmts, kbps, n);
	c.show_target = o->target_lufs;
	c.jobs = 1;
	c.cache_dir = o->cache_dir;
	c.subject = o->paths[0];
	const char *margin = getenv("PODSYNTH_TEST_LIMIT_MARGIN");
	c.ceiling = o->ceiling_dbtp - (margin ? atof(margin) : LIMIT_MARGIN_DB);
	c.watch_db = o->ceiling_dbtp - DECODED_GUARD_DB;
	c.target = fresh_target(c.show_target, fmts, n, tl);
	c.item_ceiling = xmalloc((size_t)pre.n * sizeof *c.item_ceiling);
	c.item_peak = xmalloc((size_t)pre.n * sizeof *c.item_peak);
	c.item_gain = xcalloc((size_t)pre.n, sizeof *c.item_gain);
	c.item_searched = xcalloc((size_t)pre.n, sizeof *c.item_searched);
	for (int i = 0; i < pre.n; i++) {
		c.item_ceiling[i] = c.ceiling;
		c.item_peak[i] = -HUGE_VAL;
	}
	if ((rch = render_chunks_new(&c, &co)) == NULL)
		goto out;
	int g = render_chunks_ahead(rch, a->groups, stop, ahead_made, a);
	if (g < 0)
		goto out;
	a->groups = g;
	rc = 0;
out:
	if (rc != 0)
		a->failed = 1;
	render_chunks_free(&rch);
	free(c.item_ceiling);
	free(c.item_peak);
	free(c.item_gain);
	free(c.item_searched);
	free(pre.items);
	return rc;
}

int render_ahead_groups(const struct render_ahead *a)
{
	return a->groups;
}

void render_ahead_free(struct render_ahead **ap)
{
	struct render_ahead *a = *ap;
	if (a == NULL)
		return;
	for (int i = 0; i < a->nmade; i++)
		free(a->made[i]);
	free(a->made);
	free(a->laid);
	free(a);
	*ap = NULL;
}

/* The OpusTags packet of a chunked Opus file: the comments, the picture. */
static unsigned char *opus_tags(const struct enc_inputs *in, size_t *len)
{
	int n = enc_comments_count(in->com_vorbis);
	char **v = xcalloc((size_t)n + 2, sizeof *v);
	for (int i = 0; i < n; i++)
		v[i] = xasprintf("%s=%s", enc_comments_tag(in->com_vorbis, i),
				 enc_comments_value(in->com_vorbis, i));
	v[n] = xstrdup("ENCODER=podsynth");
	unsigned char *t = oggasm_tags(opus_get_version_string(), (const char *const *)v, n + 1,
				       len);
	for (int i = 0; i <= n; i++)
		free(v[i]);
	free(v);
	return t;
}

int render_episode(const struct timeline *tl, const struct render_opts *o,
		   const struct audio_meta *m, const char *out_path,
		   struct render_report *rep)
{
	int ret = -1, n, nl = 0;
	char *tmp[FMT_COUNT] = {0}, *ltmp[FMT_COUNT] = {0};
	const char *paths[FMT_COUNT];
	enum audio_format fmts[FMT_COUNT];
	int kbps[FMT_COUNT], lmap[FMT_COUNT], cmap[FMT_COUNT];
	struct enc_inputs in = {m, NULL, NULL, NULL, 0, NULL};
	struct render_ctx c = {0};
	struct figures fig = {0};
	struct stages *s = NULL;
	struct render_chunks *rch = NULL;
	struct chunk_outs co = {0};
	int encodes = 0, levelled = 0;
	int16_t gain_q8[FMT_COUNT] = {0};
	int aim[FMT_COUNT], naim;
	size_t nitems = (size_t)(tl->n > 0 ? tl->n : 1);

	if (tl->rate <= 0 || (tl->channels != 1 && tl->channels != 2)) {
		msg(MSG_RENDER_FORMAT, o->nformats > 0 ? o->paths[0] : out_path, 0, 0,
		    "%d" MSG_SEP "%d" MSG_SEP "podsynth", tl->rate, tl->channels);
		return -1;
	}
	if (o->nformats == 0) {
		n = 1;
		fmts[0] = FMT_VORBIS;
		kbps[0] = o->bitrate;
		paths[0] = out_path;
	} else {
		n = o->nformats;
		for (int i = 0; i < n; i++) {
			fmts[i] = o->formats[i];
			kbps[i] = o->kbps[i];
			paths[i] = o->paths[i];
		}
	}
	c.tl = tl;
	c.codecs = codecs_sig(o, fmts, kbps, n);
	c.show_target = o->target_lufs;
	c.jobs = o->jobs > 0 ? o->jobs : 1;
	c.cache_dir = o->cache_dir;
	c.subject = o->nformats > 0 ? o->paths[0] : out_path;
	/* Test hook: another margin, to make the codec's peaks too high. */
	const char *margin = getenv("PODSYNTH_TEST_LIMIT_MARGIN");
	c.ceiling = o->ceiling_dbtp - (margin ? atof(margin) : LIMIT_MARGIN_DB);
	c.watch_db = o->ceiling_dbtp - DECODED_GUARD_DB;
	c.target = start_target(&c, fmts, n);
	naim = aimed_for(fmts, n, tl, aim);
	c.item_ceiling = xmalloc(nitems * sizeof *c.item_ceiling);
	c.item_peak = xmalloc(nitems * sizeof *c.item_peak);
	c.item_gain = xcalloc(nitems, sizeof *c.item_gain);
	c.item_searched = xcalloc(nitems, sizeof *c.item_searched);
	for (int i = 0; i < tl->n; i++)
		c.item_ceiling[i] = c.ceiling;
	for (int i = 0; i < n; i++)
		tmp[i] = tmp_path_for(paths[i]);
	/* MP3 and Opus from chunks (not under a music bed), the rest whole. */
	for (int i = 0; i < n; i++) {
		if (tl->bed == NULL && render_chunkable(fmts[i], tl->rate)) {
			cmap[co.n] = i;
			co.fmt[co.n] = fmts[i];
			co.kbps[co.n] = kbps[i];
			co.path[co.n] = paths[i];
			co.serial[co.n] = o->serial + (uint32_t)i;
			co.n++;
		} else {
			lmap[nl] = i;
			ltmp[nl] = tmp[i];
			nl++;
		}
	}
	in.com = audio_meta_comments(m, tl->rate);
	if (audio_meta_picture(m, &in.pic, &in.pic_len, &in.pic_mime) != 0)
		goto fail;
	in.com_vorbis = enc_comments_new();
	for (int i = 0; i < enc_comments_count(in.com); i++)
		enc_comments_add(in.com_vorbis, enc_comments_tag(in.com, i),
				 enc_comments_value(in.com, i));
	if (in.pic != NULL) {
		char *block = audio_picture_block(in.pic, in.pic_len, in.pic_mime);
		enc_comments_add(in.com_vorbis, "METADATA_BLOCK_PICTURE", block);
		free(block);
	}
	if (co.n > 0 && (rch = render_chunks_new(&c, &co)) == NULL)
		goto fail;
	if (rch != NULL && o->ahead != NULL)
		render_chunks_made_by(rch, ahead_has, o->ahead);
	s = xmalloc(sizeof *s);
	for (;;) {
		for (int i = 0; i < tl->n; i++) {
			c.item_peak[i] = -HUGE_VAL;
			c.item_searched[i] = 0;
		}
		if (rch != NULL) {
			double lufs[FMT_COUNT], peak[FMT_COUNT];
			if (render_chunks_attempt(rch, lufs, peak, o->progress, o->progress_ud,
						  encodes + 1) != 0)
				goto fail;
			/* Test hook: codecs that lose this much loudness, to make
			 * the loudness retry happen (and Opus's gain make up for it). */
			const char *loss = getenv("PODSYNTH_TEST_CODEC_LOSS");
			for (int k = 0; k < co.n && loss != NULL; k++)
				if (isfinite(lufs[k]))
					lufs[k] -= atof(loss);
			for (int k = 0; k < co.n; k++) {
				if (!gain_fixed(co.fmt[k], tl))
					continue;
				gain_q8[cmap[k]] = opus_gain_q8(o->target_lufs, lufs[k], peak[k],
								c.watch_db);
				lufs[k] += gain_q8[cmap[k]] / 256.0;
				peak[k] += gain_q8[cmap[k]] / 256.0;
			}
			for (int k = 0; k < co.n; k++) {
				fig.dec_lufs[cmap[k]] = lufs[k];
				fig.dec_peak[cmap[k]] = peak[k];
				fig.tp_share[cmap[k]] = 0;
			}
			fig.lufs = lufs[0];
			fig.peak = peak[0];
		}
		if (nl > 0) {
			struct figures lf = {0};
			memset(s, 0, sizeof *s);
			s->nlanes = nl;
			for (int k = 0; k < nl; k++) {
				int i = lmap[k];
				s->lanes[k].fmt = fmts[i];
				s->lanes[k].kbps = kbps[i];
				s->lanes[k].serial = o->serial + (uint32_t)i;
				s->lanes[k].out_path = paths[i];
			}
			if (encode_attempt(&c, s, ltmp, &in, o, encodes + 1, &lf) != 0)
				goto fail;
			for (int k = 0; k < nl; k++) {
				fig.dec_lufs[lmap[k]] = lf.dec_lufs[k];
				fig.dec_peak[lmap[k]] = lf.dec_peak[k];
				fig.tp_share[lmap[k]] = lf.tp_share[k];
			}
			fig.lufs = lf.lufs;
			fig.peak = lf.peak;
		}
		/* The test hook above, for the formats encoded whole. */
		const char *loss = getenv("PODSYNTH_TEST_CODEC_LOSS");
		for (int k = 0; k < nl && loss != NULL; k++)
			if (isfinite(fig.dec_lufs[lmap[k]]))
				fig.dec_lufs[lmap[k]] -= atof(loss);
		encodes++;
		for (int i = 0; i < tl->n; i++)
			levelled += c.item_searched[i];
		if (encodes > MAX_REENCODES)
			break;
		double worst_peak = -HUGE_VAL, off_sum = 0, worst_off = 0;
		int worst = 0, worst_l = 0;
		for (int i = 0; i < n; i++) {
			double off = isfinite(fig.dec_lufs[i]) ? o->target_lufs - fig.dec_lufs[i] : 0;
			if (aim[i])
				off_sum += off;
			if (fabs(off) > fabs(worst_off)) {
				worst_off = off;
				worst_l = i;
			}
			if (fig.dec_peak[i] > worst_peak) {
				worst_peak = fig.dec_peak[i];
				worst = i;
			}
		}
		if (worst_peak > c.watch_db) {
			/* A codec pushed some items' peaks up: their limiters go
			 * lower by the excess and a little more (and their cache
			 * records say so, for the next build). */
			int lowered = 0;
			for (int i = 0; i < tl->n; i++) {
				if (c.item_peak[i] > c.watch_db) {
					c.item_ceiling[i] -= c.item_peak[i] - c.watch_db + 0.5;
					lowered++;
				}
			}
			for (int i = 0; i < tl->n && lowered == 0; i++)
				c.item_ceiling[i] -= worst_peak - c.watch_db + 0.5;
			msg(MSG_RENDER_PEAK_RETRY, paths[worst], 0, 0, "%.2f" MSG_SEP "%s" MSG_SEP "%d",
			    worst_peak, format_info(fmts[worst])->name, lowered ? lowered : tl->n);
		} else if (fabs(worst_off) > LUFS_GUARD_LU) {
			msg(MSG_RENDER_LOUDNESS_RETRY, paths[worst_l], 0, 0, "%.2f" MSG_SEP "%s",
			    o->target_lufs - worst_off, format_info(fmts[worst_l])->name);
			/* In steps of LUFS_STEP_LU from the show's target: the
			 * codecs' loss is much the same for an episode and for
			 * that episode edited, so a build from an empty cache
			 * lands on the very target a rebuild kept. */
			double t = c.target + off_sum / naim - o->target_lufs;
			c.target = o->target_lufs + LUFS_STEP_LU * round(t / LUFS_STEP_LU);
		} else {
			break;
		}
	}
	for (int i = 0; i < n; i++) {
		if (fig.dec_peak[i] > o->ceiling_dbtp)
			msg(MSG_RENDER_PEAK_OVER, paths[i], 0, 0, "%.2f", fig.dec_peak[i]);
		if (isfinite(fig.dec_lufs[i]) && fabs(o->target_lufs - fig.dec_lufs[i]) > 0.5)
			msg(MSG_RENDER_LOUDNESS_OFF, paths[i], 0, 0, "%.2f", fig.dec_lufs[i]);
	}
	/* The chunked files, from the last attempt's chunks. */
	for (int k = 0; k < co.n; k++) {
		unsigned char *head;
		size_t head_len;
		int i = cmap[k];
		if (fmts[i] == FMT_MP3)
			head = id3_tag(m, tl->rate, tl->total, in.pic, in.pic_len, in.pic_mime,
				       &head_len);
		else
			head = opus_tags(&in, &head_len);
		int r = render_chunks_assemble(rch, k, tmp[i], head, head_len, gain_q8[i]);
		free(head);
		if (r != 0)
			goto fail;
	}
	/* Every format is complete and checked: only now do they go in place. */
	for (int i = 0; i < n; i++) {
		if (msg_commit_tmp(tmp[i], paths[i]) != 0) {
			msg(MSG_FILE_WRITE, paths[i], 0, 0, "the audio" MSG_SEP "%s", strerror(errno));
			goto fail;
		}
	}
	if (rep != NULL) {
		double lowest = c.ceiling, gain_sum = 0;
		int64_t gain_len = 0;
		for (int i = 0; i < tl->n; i++) {
			if (tl->items[i].kind == TL_SILENCE)
				continue;
			if (c.item_ceiling[i] < lowest)
				lowest = c.item_ceiling[i];
			gain_sum += c.item_gain[i] * (double)tl->items[i].length;
			gain_len += tl->items[i].length;
		}
		rep->lufs = fig.lufs;
		rep->true_peak = fig.peak;
		rep->seconds = (double)tl->total / tl->rate;
		rep->gain_db = gain_len > 0 ? gain_sum / (double)gain_len : 0;
		rep->decoded_lufs = fig.dec_lufs[0];
		rep->decoded_true_peak = fig.dec_peak[0];
		rep->ceiling_dbtp = lowest;
		rep->encodes = encodes;
		rep->levelled = levelled;
		rep->tp_share = fig.tp_share[0];
		rep->nformats = n;
		for (int i = 0; i < n; i++) {
			rep->formats[i].format = fmts[i];
			rep->formats[i].lufs = fig.dec_lufs[i];
			rep->formats[i].true_peak = fig.dec_peak[i];
		}
		rep->chunks_encoded = rep->chunks_kept = 0;
		rep->chunked = rch != NULL;
		if (rch != NULL)
			render_chunks_counts(rch, &rep->chunks_encoded, &rep->chunks_kept);
	}
	ret = 0;
	goto out;
fail:
	for (int i = 0; i < n; i++)
		if (tmp[i] != NULL)
			unlink(tmp[i]);
out:
	render_chunks_free(&rch);
	enc_comments_free(&in.com);
	enc_comments_free(&in.com_vorbis);
	free(in.pic);
	free(s);
	free(c.item_ceiling);
	free(c.item_peak);
	free(c.item_gain);
	free(c.item_searched);
	for (int i = 0; i < n; i++)
		free(tmp[i]);
	return ret;
}
