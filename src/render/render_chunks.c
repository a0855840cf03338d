/*
 * render_chunks.c: an episode's MP3 and Opus files assembled from encoded
 * chunks, each found in the cache or encoded once (render_chunks.h).
 *
 * In: the timeline with its items' gains and ceilings (render_int.h; each
 * item levelled by render_level.c).
 * Out: per attempt, the figures of every chunked format; at the end, the
 * files.
 *
 * Groups. A group is a sound (a segment, an intro, an outro, an insert)
 * with the pauses after it, up to the next sound that starts after enough
 * silence for a chunk boundary (chunk.h: about 0.15 s); a sound that
 * follows too short a pause joins the group before it. The first group
 * starts at frame 0, the last ends at the timeline's end. Every format
 * cuts the timeline at the same places.
 *
 * Keys. A group's audio is named by what makes its levelled PCM: each
 * item's kind, place in the group and length, each sound's audio (a
 * segment's cache checksum; for an intro, outro or insert, a hash of its
 * kind and file), its gain and its ceiling, and the resampler's version. chunk_key adds the format, its settings, the codec's version
 * and the group's place on the frame grid. The file is
 * CACHE/XX/SEGKEY.CHUNKKEY.EXT.chunk, next to the segment the group
 * belongs to (its first; for a group without one, the one before it or
 * else after it), so that `podsynth cache` counts and prunes it with that
 * segment.
 *
 * Work. The groups are taken from a shared counter by c->jobs threads (this
 * one included; chunkjobs.h); a group reads its chunk files and, for any format whose
 * file is missing or damaged, levels its items, encodes and decodes the
 * chunk (chunk_measure) and writes it. Each chunk depends only on its
 * group, so the bytes are the same for any number of threads. Nothing but
 * the figures stays in memory between the attempt and the assembly, which
 * reads each chunk again: the memory does not grow with the episode.
 */
#include "render_chunks.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <soxr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codec/codec.h"
#include "audio/audio.h"
#include "core/core.h"

/* Encodes of one group, at most, for the true-peak guard. */
#define GROUP_TRIES 4
/* The longest group whose two formats are measured together (their
 * decoded frames held meanwhile: 2 x 11.5 MB at 48 kHz); longer ones are
 * measured one by one, as they decode. */
#define PAIR_MAX_S 60

struct group {
	int a, b;                 /* items [a, b) */
	int64_t start, length;    /* timeline frames */
	int first, last;
	int owner;                /* the segment item that names its files */
	double top_hz;            /* the highest frequency its sounds hold */
	char *path[FMT_COUNT];    /* chunk files of the current attempt */
	struct chunk *fig[FMT_COUNT]; /* the chunk, its frames freed, with its figures */
	unsigned made[FMT_COUNT]; /* encoded by this build (with this key) */
};

struct render_chunks {
	struct render_ctx *c;
	struct chunk_outs o;
	struct chunk_params par[FMT_COUNT];
	struct group *g;
	int ng;
	/* the attempt's work */
	pthread_mutex_t mu;
	int64_t done_frames;
	void (*progress)(void *ud, double done_s, double total_s, int pass);
	void *progress_ud;
	int pass;
	/* each format's file figures, summed group by group in timeline order
	 * as the groups are done (then their energies are freed) */
	struct chunk_loud *acc[FMT_COUNT];
	unsigned char *done;      /* groups done this attempt */
	int next_add;             /* the first group not yet summed */
	int add_failed;           /* 1 + the group whose figures did not fit */
	/* decoded chunks' buffers, kept from group to group (mu): a fresh
	 * one of a few MB would be mapped, faulted in and unmapped each time */
	struct chunk_decoded **pool;
	int npool, cappool;
	/* chunk files made ahead by this build (render_ahead) */
	int (*made_by)(void *ud, const char *path);
	void *made_ud;
};

static int audible(const struct tl_item *it)
{
	return it->kind != TL_SILENCE && it->length > 0;
}

/*
 * May a group that starts at frame from end where the sound at item j
 * starts (quiet from frame quiet, the end of the sound before)? Every
 * format must have the silence its boundary needs.
 */
static int boundary_ok(const struct render_chunks *r, int64_t from, int first, int64_t quiet,
		       int64_t at)
{
	for (int k = 0; k < r->o.n; k++) {
		struct chunk_span s, next;
		if (chunk_span_make(&r->par[k], from, at - from, first, 0, &s) != 0 ||
		    s.quiet_from < quiet ||
		    chunk_span_make(&r->par[k], at, 1, 0, 1, &next) != 0)
			return 0;
	}
	return 1;
}

struct render_chunks *render_chunks_new(struct render_ctx *c, const struct chunk_outs *o)
{
	const struct timeline *tl = c->tl;
	struct render_chunks *r = xcalloc(1, sizeof *r);
	r->c = c;
	r->o = *o;
	for (int k = 0; k < o->n; k++)
		r->par[k] = (struct chunk_params){o->fmt[k] == FMT_MP3 ? CHUNK_MP3 : CHUNK_OPUS,
						  tl->rate, tl->channels, o->kbps[k], 0};
	pthread_mutex_init(&r->mu, NULL);
	r->g = xcalloc((size_t)(tl->n > 0 ? tl->n : 1), sizeof *r->g);
	/* Groups: a cut before each sound that follows enough silence. */
	int64_t from = 0, quiet = 0;
	int a = 0;
	for (int i = 0; i < tl->n; i++) {
		const struct tl_item *it = &tl->items[i];
		if (!audible(it))
			continue;
		if (quiet > 0 && boundary_ok(r, from, r->ng == 0, quiet, it->start)) {
			r->g[r->ng++] = (struct group){.a = a, .b = i, .start = from,
						       .length = it->start - from};
			a = i;
			from = it->start;
		}
		quiet = it->start + it->length;
	}
	r->g[r->ng++] = (struct group){.a = a, .b = tl->n, .start = from,
				       .length = tl->total - from};
	r->g[0].first = 1;
	r->g[r->ng - 1].last = 1;
	for (int g = 0; g < r->ng; g++)
		for (int i = r->g[g].a; i < r->g[g].b; i++)
			if (audible(&tl->items[i]) && timeline_item_top_hz(tl, i) > r->g[g].top_hz)
				r->g[g].top_hz = timeline_item_top_hz(tl, i);
	/* Owners: the group's first segment, else the one before, else after. */
	int prev = -1;
	for (int g = 0; g < r->ng; g++) {
		r->g[g].owner = -1;
		for (int i = r->g[g].a; i < r->g[g].b && r->g[g].owner < 0; i++)
			if (tl->items[i].kind == TL_SEGMENT && tl->items[i].path != NULL)
				r->g[g].owner = i;
		if (r->g[g].owner < 0)
			r->g[g].owner = prev;
		prev = r->g[g].owner;
	}
	for (int g = r->ng - 1, next = -1; g >= 0; g--) {
		if (r->g[g].owner < 0)
			r->g[g].owner = next;
		else if (r->g[g].a <= r->g[g].owner && r->g[g].owner < r->g[g].b)
			next = r->g[g].owner;
	}
	if (r->g[0].owner < 0) {
		msg(MSG_SYS_INTERNAL, "podsynth", 0, 0, "no segment in the timeline to keep chunks with");
		render_chunks_free(&r);
		return NULL;
	}
	return r;
}

/* ---- one group ---- */

/* Where the limiter's output of one item goes: the group's PCM. */
/* Counts the frames the limiter has written into the group's PCM. */
static int to_pcm(void *ud, const float *f, long n)
{
	(void)f;
	*(int64_t *)ud += n;
	return 0;
}

/* Item idx's frames in memory; NULL reported. */
static float *read_item(const struct render_chunks *r, int idx)
{
	const struct timeline *tl = r->c->tl;
	const struct tl_item *it = &tl->items[idx];
	int ch = tl->channels;
	struct tl_reader *rd = tl_reader_new_item(tl, idx);
	if (rd == NULL)
		return NULL;
	float *m = xmalloc((size_t)(it->length > 0 ? it->length : 1) * (size_t)ch * sizeof *m);
	int64_t done = 0;
	while (done < it->length) {
		long want = it->length - done > 65536 ? 65536 : (long)(it->length - done);
		long got = tl_reader_read(rd, m + (size_t)done * (size_t)ch, want);
		if (got <= 0)
			break;
		done += got;
	}
	tl_reader_free(&rd);
	if (done != it->length) {
		msg(MSG_RENDER_ITEM_SHORT, it->path ? it->path : r->c->subject, 0, 0,
		    "timeline item %d" MSG_SEP "%lld of %lld frames read", idx, (long long)done,
		    (long long)it->length);
		free(m);
		return NULL;
	}
	return m;
}

/*
 * The group's levelled PCM (g->length frames) from its items: an item the
 * gain search left levelled (lev, its limiter output at its gain and
 * ceiling) is placed as it is, the others go through the limiter here.
 * NULL reported.
 */
static float *group_pcm(struct render_chunks *r, const struct group *g, float **mem,
			float **lev, const double *gain)
{
	const struct timeline *tl = r->c->tl;
	int ch = tl->channels;
	size_t n = (size_t)g->length * (size_t)ch;
	float *pcm = NULL;
	/* A group whose one sound starts it (most groups: a paragraph and the
	 * pause after it) is levelled where its frames lie: their buffer grows
	 * to the group's length (already levelled, when the search left it so;
	 * else the limiter writes each frame back after it has read it: it
	 * copies its input before it gives any output), so the sound is not
	 * held twice. */
	int sounds = 0, only = -1, placed = 0;
	for (int i = g->a; i < g->b; i++)
		if (audible(&tl->items[i])) {
			sounds++;
			only = i;
		}
	if (sounds == 1 && tl->items[only].start == g->start && n > 0) {
		const struct tl_item *it = &tl->items[only];
		placed = lev[only - g->a] != NULL;
		float **m = placed ? &lev[only - g->a] : &mem[only - g->a];
		if (*m == NULL && (*m = read_item(r, only)) == NULL)
			return NULL;
		size_t have = (size_t)it->length * (size_t)ch;
		pcm = xreallocarray(*m, n, sizeof *pcm);
		*m = NULL;
		memset(pcm + have, 0, (n - have) * sizeof *pcm);
	} else {
		pcm = xcalloc(n > 0 ? n : 1, sizeof *pcm);
		only = -1;
	}
	for (int i = g->a; i < g->b; i++) {
		const struct tl_item *it = &tl->items[i];
		if (!audible(it) || (i == only && placed))
			continue;
		if (lev[i - g->a] != NULL) {
			memcpy(pcm + (it->start - g->start) * ch, lev[i - g->a],
			       (size_t)it->length * (size_t)ch * sizeof *pcm);
			continue;
		}
		const float *in = pcm;   /* in place (above) */
		if (i != only) {
			if (mem[i - g->a] == NULL && (mem[i - g->a] = read_item(r, i)) == NULL)
				goto fail;
			in = mem[i - g->a];
		}
		/* (In place too: the limiter writes a frame only after it has
		   read the frames of its lookahead past it.) */
		int64_t done = 0;
		struct limiter_out lo = {gain[i - g->a], r->c->item_ceiling[i], to_pcm, &done,
					 pcm + (it->start - g->start) * ch, (long)it->length};
		struct limiter *lim = limiter_new(tl->rate, ch, &lo, 1);
		if (lim == NULL) {
			msg(MSG_RENDER_FORMAT, r->c->subject, 0, 0, "%d" MSG_SEP "%d" MSG_SEP "the limiter",
			    tl->rate, ch);
			goto fail;
		}
		int bad = limiter_process(lim, in, (long)it->length) != 0 ||
			  limiter_drain(lim) != 0 || done != it->length;
		limiter_free(&lim);
		if (bad) {
			msg(MSG_RENDER_ITEM_SHORT, it->path ? it->path : r->c->subject, 0, 0,
			    "timeline item %d" MSG_SEP "the limiter gave %lld of %lld frames", i,
			    (long long)done, (long long)it->length);
			goto fail;
		}
	}
	return pcm;
fail:
	free(pcm);
	return NULL;
}


/* The encoder settings of group g in format k: the format's, with the
 * group's band (chunk.h: a 16 kHz voice is coded wideband). */
static struct chunk_params group_par(const struct render_chunks *r, const struct group *g, int k)
{
	struct chunk_params p = r->par[k];
	p.top_hz = g->top_hz;
	return p;
}

/* The chunk file of group g for format k under audio id. */
static char *chunk_path(const struct render_chunks *r, const struct group *g, int k,
			const char *id)
{
	struct chunk_span s;
	struct chunk_params p = group_par(r, g, k);
	char key[33];
	chunk_span_make(&p, g->start, g->length, g->first, g->last, &s);
	chunk_key(&p, &s, id, key);
	const char *seg = r->c->tl->items[g->owner].path;
	size_t stem = strlen(seg);
	if (stem > 4 && strcmp(seg + stem - 4, ".seg") == 0)
		stem -= 4;
	return xasprintf("%.*s.%s.%s.chunk", (int)stem, seg, key, format_info(r->o.fmt[k])->ext);
}

/*
 * The gains of group g's sounds (kept, or searched: then their frames
 * stay in mem, or their levelled frames in lev when the search gave them)
 * and what names its audio, into id. 0, or -1 reported.
 */
static int group_id(struct render_chunks *r, const struct group *g, float **mem, float **lev,
		    double *gain, char id[33])
{
	struct render_ctx *c = r->c;
	const struct timeline *tl = c->tl;
	struct hasher *h = hasher_new();
	hasher_str(h, "podsynth group 1");
	hasher_str(h, soxr_version());
	hasher_int(h, tl->rate);
	hasher_int(h, tl->channels);
	for (int i = g->a; i < g->b; i++) {
		const struct tl_item *it = &tl->items[i];
		hasher_int(h, it->kind);
		hasher_int(h, it->start - g->start);
		hasher_int(h, it->length);
		if (!audible(it))
			continue;
		uint64_t sum = 0;
		float **m = &mem[i - g->a];
		free(lev[i - g->a]);   /* (a try before this one, at another ceiling) */
		lev[i - g->a] = NULL;
		if (!render_item_kept_gain(c, i, &sum, &gain[i - g->a]) &&
		    ((*m == NULL && (*m = read_item(r, i)) == NULL) ||
		     render_item_search_gain(c, i, *m, &gain[i - g->a], &lev[i - g->a]) != 0))
			goto fail;
		if (sum != 0 && lev[i - g->a] != NULL) {
			free(*m);       /* the levelled frames are all the group needs */
			*m = NULL;
		}
		if (sum != 0) {
			hasher_int(h, (long long)sum);
		} else {
			if (*m == NULL && (*m = read_item(r, i)) == NULL)
				goto fail;
			hasher_int(h, (long long)hash64(*m, (size_t)it->length *
						       (size_t)tl->channels * sizeof(float)));
		}
		hasher_int(h, (long long)dbits(gain[i - g->a]));
		hasher_int(h, (long long)dbits(c->item_ceiling[i]));
	}
	hasher_hex(h, id);
	return 0;
fail:
	hasher_hex(h, id);
	return -1;
}

/* Keeps only a chunk's figures (its frames are read again to assemble). */
static struct chunk *figures_only(struct chunk *ch)
{
	free(ch->data);
	ch->data = NULL;
	free(ch->sizes);
	ch->sizes = NULL;
	return ch;
}

/* The rate format k's chunks decode at (chunkmeter.h). */
static int decoded_rate(const struct render_chunks *r, int k)
{
	return r->o.fmt[k] == FMT_MP3 ? r->par[k].rate : 48000;
}

/* A decoded chunk's buffers from r's pool (NULL when it is empty:
 * chunk_decode makes one), and back. */
static struct chunk_decoded *pool_take(struct render_chunks *r)
{
	struct chunk_decoded *d = NULL;
	pthread_mutex_lock(&r->mu);
	if (r->npool > 0)
		d = r->pool[--r->npool];
	pthread_mutex_unlock(&r->mu);
	return d;
}

static void pool_give(struct render_chunks *r, struct chunk_decoded *d)
{
	if (d == NULL)
		return;
	pthread_mutex_lock(&r->mu);
	if (r->npool == r->cappool) {
		r->cappool = r->cappool * 2 + 4;
		r->pool = xreallocarray(r->pool, (size_t)r->cappool, sizeof *r->pool);
	}
	r->pool[r->npool++] = d;
	pthread_mutex_unlock(&r->mu);
}

/* Keeps chunk ch (measured) as group g's in format k: written to the cache,
 * its figures kept. 0, or -1 reported (ch freed either way). */
static int put_chunk(struct render_chunks *r, struct group *g, int k, struct chunk *ch)
{
	enum chunkcache_err e = chunkcache_write(g->path[k], ch);
	if (e != CHUNKCACHE_OK) {
		msg(MSG_FILE_WRITE, g->path[k], 0, 0, "the encoded chunk" MSG_SEP "%s",
		    e == CHUNKCACHE_IO ? strerror(errno) : chunkcache_strerror(e));
		chunk_free(&ch);
		return -1;
	}
	g->fig[k] = figures_only(ch);
	g->made[k] = 1;
	return 0;
}

/*
 * Group g's chunk in every format for audio id, in the show's order of
 * formats: found in the cache, or encoded from its levelled PCM (*pcm,
 * made on first need), measured and written. A format whose decoded true
 * peak is over stop_db ends it there: *upto is the number of formats
 * handled (all of them, r->o.n, unless one stopped it). 0, or -1 reported.
 *
 * Two encoded chunks that decode at one rate, mono, are measured together
 * (groups up to PAIR_MAX_S long)
 * (chunk_measure_finish: the K-weighting of both in the two lanes of one
 * filter, each lane's figures a meter's of that chunk alone): the first is
 * decoded and its peaks measured at once (the guard needs them), and it
 * waits, decoded, for the next format's encode before its energies are
 * measured and it is written.
 */
static int group_chunks(struct render_chunks *r, struct group *g, float **mem, float **lev,
			const double *gain, const char *id, float **pcm, double stop_db,
			int *upto)
{
	const struct timeline *tl = r->c->tl;
	struct chunk *held = NULL;          /* encoded and decoded, not yet measured */
	struct chunk_decoded *dec[2] = {NULL, NULL};   /* from r's pool */
	int held_k = -1, rc = -1;
	*upto = r->o.n;
	for (int k = 0; k < r->o.n; k++) {
		double peak;
		char *path = chunk_path(r, g, k, id);
		int same = g->path[k] != NULL && strcmp(g->path[k], path) == 0;
		free(g->path[k]);
		g->path[k] = path;
		if (same && g->fig[k] != NULL && g->fig[k]->fig->energy != NULL) {
			peak = g->fig[k]->fig->true_peak;   /* this build has it already */
			goto have;
		}
		/* (or had it: its energies were summed and freed; read again) */
		unsigned made = same ? g->made[k] : 0;
		chunk_free(&g->fig[k]);
		g->made[k] = 0;
		struct chunk *ch = NULL;
		enum chunkcache_err e = chunkcache_read(path, &ch);
		if (e == CHUNKCACHE_OK && ch->fig != NULL) {
			g->fig[k] = figures_only(ch);
			g->made[k] = made || (r->made_by != NULL && r->made_by(r->made_ud, path));
			peak = g->fig[k]->fig->true_peak;
			goto have;
		}
		chunk_free(&ch);
		if (e == CHUNKCACHE_CORRUPT)
			msg(MSG_CHUNK_DAMAGED, path, 0, 0, NULL);
		if (*pcm == NULL) {
			if ((*pcm = group_pcm(r, g, mem, lev, gain)) == NULL)
				goto out;
			/* The levelled PCM is all the encoders need. */
			for (int i = 0; i < g->b - g->a; i++) {
				free(mem[i]);
				mem[i] = NULL;
				free(lev[i]);
				lev[i] = NULL;
			}
		}
		struct chunk_span span;
		struct chunk_params par = group_par(r, g, k);
		if (chunk_span_make(&par, g->start, g->length, g->first, g->last, &span) != 0) {
			msg(MSG_SYS_INTERNAL, "podsynth", 0, 0, "no chunk can start at %.3f s in %s",
			    (double)g->start / tl->rate, r->o.path[k]);
			goto out;
		}
		/* Held for a later format that decodes at its rate (mono; not
		 * a long group, whose decoded frames would be held twice). */
		int hold = 0;
		for (int j = k + 1; j < r->o.n && held == NULL && tl->channels == 1 &&
				    g->length <= (int64_t)PAIR_MAX_S * tl->rate; j++)
			hold |= decoded_rate(r, j) == decoded_rate(r, k);
		/* slot 0: a chunk to hold; slot 1: the one measured beside it */
		int decode = held != NULL || hold, slot = held != NULL;
		if (decode && dec[slot] == NULL)
			dec[slot] = pool_take(r);
		int err = chunk_encode(&par, &span, *pcm, &ch);
		if (err == CHUNK_OK)
			err = decode ? chunk_decode(ch, &dec[slot]) : chunk_measure(ch);
		if (err == CHUNK_OK && held != NULL) {
			err = chunk_measure_finish(dec[0], dec[1]);
			if (err == CHUNK_OK) {
				struct chunk *h = held;
				held = NULL;
				if (put_chunk(r, g, held_k, h) != 0) {
					chunk_free(&ch);
					goto out;
				}
			}
		}
		if (err != CHUNK_OK) {
			msg(MSG_CHUNK_ENCODE, r->o.path[k], 0, 0, "%.3f" MSG_SEP "%s",
			    (double)g->start / tl->rate, chunk_strerror(err));
			chunk_free(&ch);
			goto out;
		}
		if (decode && slot == 0) {
			held = ch;
			held_k = k;
			peak = chunk_decoded_true_peak(dec[0]);
		} else {
			if (put_chunk(r, g, k, ch) != 0)
				goto out;
			peak = g->fig[k]->fig->true_peak;
		}
have:
		if (peak > stop_db) {
			*upto = k + 1;
			break;
		}
	}
	/* A chunk still waiting (no later format was encoded): measured alone. */
	if (held != NULL) {
		int err = chunk_measure_finish(dec[0], NULL);
		if (err != CHUNK_OK) {
			msg(MSG_CHUNK_ENCODE, r->o.path[held_k], 0, 0, "%.3f" MSG_SEP "%s",
			    (double)g->start / tl->rate, chunk_strerror(err));
			goto out;
		}
		struct chunk *ch = held;
		held = NULL;
		if (put_chunk(r, g, held_k, ch) != 0)
			goto out;
	}
	rc = 0;
out:
	chunk_free(&held);
	pool_give(r, dec[0]);
	pool_give(r, dec[1]);
	return rc;
}

/*
 * Group gi: its chunks found or made. The true-peak guard works here, on
 * the group alone: when a format's decoded peak comes within the guard of
 * the ceiling, the group's limiter goes lower by the excess and a little
 * more (the level records keep it) and the group is encoded again, up to
 * GROUP_TRIES times (a try ends at the first format over the guard). What a group ends with depends only on the group, so
 * a rebuild, an edit elsewhere or a kill cannot change it. 0, or -1
 * reported.
 */
static int do_group(struct render_chunks *r, int gi)
{
	struct render_ctx *c = r->c;
	const struct timeline *tl = c->tl;
	struct group *g = &r->g[gi];
	int nit = g->b - g->a, rc = -1;
	float **mem = xcalloc((size_t)(nit > 0 ? nit : 1), sizeof *mem);
	float **lev = xcalloc((size_t)(nit > 0 ? nit : 1), sizeof *lev);
	double *gain = xcalloc((size_t)(nit > 0 ? nit : 1), sizeof *gain);
	float *pcm = NULL;
	char id[33];

	for (int tries = 0;; tries++) {
		/* A try that can still be followed by another ends at the first
		 * format over the guard: the others' encodes at this gain would
		 * be thrown away. The next ceiling is then lowered by that
		 * format's excess (not the largest of all formats'); a group
		 * still ends only when every format is within the guard, or at
		 * its last try, which encodes every format. */
		int upto;
		double stop_db = tries + 1 < GROUP_TRIES ? c->watch_db : HUGE_VAL;
		if (group_id(r, g, mem, lev, gain, id) != 0 ||
		    group_chunks(r, g, mem, lev, gain, id, &pcm, stop_db, &upto) != 0)
			goto out;
		double peak = -HUGE_VAL;
		for (int k = 0; k < upto; k++)
			if (g->fig[k]->fig->true_peak > peak)
				peak = g->fig[k]->fig->true_peak;
		if (peak <= c->watch_db || tries + 1 >= GROUP_TRIES)
			break;
		for (int i = g->a; i < g->b; i++)
			if (audible(&tl->items[i]))
				c->item_ceiling[i] -= peak - c->watch_db + 0.5;
		free(pcm);
		pcm = NULL;
	}
	rc = 0;
out:
	for (int i = 0; i < nit; i++) {
		free(mem[i]);
		free(lev[i]);
	}
	free(mem);
	free(lev);
	free(gain);
	free(pcm);
	return rc;
}

/*
 * Group gi's figures into each format's file figures (r->mu held), and its
 * chunks' energies freed: only their peaks stay. Groups are summed in
 * timeline order whatever thread finished them, so the sums, and so the
 * bytes, are the same for any number of threads.
 */
static void add_group(struct render_chunks *r, int gi)
{
	struct render_ctx *c = r->c;
	struct group *gr = &r->g[gi];
	for (int k = 0; k < r->o.n; k++) {
		struct chunk_figures *f = gr->fig[k]->fig;
		if (chunk_loud_add(r->acc[k], f) != CHUNK_OK && r->add_failed == 0)
			r->add_failed = 1 + gi;
		for (int i = gr->a; i < gr->b; i++)
			if (audible(&c->tl->items[i]) && f->true_peak > c->item_peak[i])
				c->item_peak[i] = f->true_peak;
		free(f->energy);
		f->energy = NULL;
	}
}

static int group_work(void *ud, int g)
{
	struct render_chunks *r = ud;
	int rc = do_group(r, g);
	pthread_mutex_lock(&r->mu);
	r->done_frames += r->g[g].length;
	if (rc == 0) {
		r->done[g] = 1;
		while (r->next_add < r->ng && r->done[r->next_add])
			add_group(r, r->next_add++);
	}
	pthread_mutex_unlock(&r->mu);
	return rc != 0;
}

/* After each group this thread did: the progress bar. */
static void group_after(void *ud)
{
	struct render_chunks *r = ud;
	if (r->progress == NULL)
		return;
	pthread_mutex_lock(&r->mu);
	double done_s = (double)r->done_frames / r->c->tl->rate;
	pthread_mutex_unlock(&r->mu);
	r->progress(r->progress_ud, done_s, (double)r->c->tl->total / r->c->tl->rate, r->pass);
}

int render_chunks_attempt(struct render_chunks *r, double *lufs, double *peak,
			  void (*progress)(void *ud, double done_s, double total_s, int pass),
			  void *ud, int pass)
{
	struct render_ctx *c = r->c;
	const struct timeline *tl = c->tl;
	double total_s = (double)tl->total / tl->rate;
	int failed, rc = -1;

	r->done_frames = 0;
	r->progress = progress;
	r->progress_ud = ud;
	r->pass = pass;
	/* The figures of each format's file, from its chunks', summed as the
	 * groups are done (group_work). */
	for (int k = 0; k < r->o.n; k++) {
		if ((r->acc[k] = chunk_loud_new(&r->par[k], tl->total)) == NULL) {
			msg(MSG_RENDER_FORMAT, r->o.path[k], 0, 0, "%d" MSG_SEP "%d" MSG_SEP "libebur128",
			    tl->rate, tl->channels);
			rc = -1;
			goto out;
		}
	}
	r->done = xcalloc((size_t)r->ng, 1);
	r->next_add = 0;
	r->add_failed = 0;
	chunk_init();
	if (chunk_run_jobs(r->ng, c->jobs, group_work, group_after, r, &failed) != 0)
		goto out;
	if (r->add_failed != 0 || r->next_add != r->ng) {
		int gi = r->add_failed > 0 ? r->add_failed - 1 : r->next_add;
		msg(MSG_SYS_INTERNAL, "podsynth", 0, 0, "the figures of %s do not fit %s",
		    r->g[gi].path[0] ? r->g[gi].path[0] : "a chunk", r->o.path[0]);
		goto out;
	}
	for (int k = 0; k < r->o.n; k++) {
		lufs[k] = chunk_loud_lufs(r->acc[k]);
		peak[k] = chunk_loud_true_peak(r->acc[k]);
	}
	if (progress != NULL)
		progress(ud, total_s, total_s, pass);

	/* Test hook: where the chunks are, and which were made now. */
	const char *log = getenv("PODSYNTH_TEST_CHUNK_LOG");
	FILE *lf = log != NULL && *log != '\0' ? fopen(log, "a") : NULL;
	if (lf != NULL) {
		fprintf(lf, "total %d %lld\n", tl->rate, (long long)tl->total);
		for (int k = 0; k < r->o.n; k++)
			for (int gi = 0; gi < r->ng; gi++)
				fprintf(lf, "chunk %s %d %lld %lld %s\n", format_info(r->o.fmt[k])->name,
					gi, (long long)r->g[gi].start,
					(long long)(r->g[gi].start + r->g[gi].length),
					r->g[gi].made[k] ? "encoded" : "kept");
		fclose(lf);
	}
	rc = 0;
out:
	for (int k = 0; k < r->o.n; k++)
		chunk_loud_free(&r->acc[k]);
	free(r->done);
	r->done = NULL;
	return rc;
}

/* ---- the file ---- */

struct out_file {
	FILE *f;
	int err;
};

static int out_write(void *ud, const unsigned char *p, size_t n)
{
	struct out_file *o = ud;
	if (n > 0 && fwrite(p, 1, n, o->f) != n) {
		o->err = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

static int out_rewrite(void *ud, uint64_t off, const unsigned char *p, size_t n)
{
	struct out_file *o = ud;
	if (fflush(o->f) != 0 || pwrite(fileno(o->f), p, n, (off_t)off) != (ssize_t)n) {
		o->err = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

int render_chunks_assemble(struct render_chunks *r, int k, const char *tmp,
			   const unsigned char *head, size_t head_len, int16_t gain_q8)
{
	const struct timeline *tl = r->c->tl;
	const char *path = r->o.path[k];
	struct out_file of = {fopen(tmp, "wb"), 0};
	struct mp3asm *ma = NULL;
	struct oggasm *oa = NULL;
	int err = CHUNK_OK, rc = -1;

	if (of.f == NULL) {
		msg(MSG_FILE_WRITE, path, 0, 0, "the audio" MSG_SEP "%s", strerror(errno));
		return -1;
	}
	if (r->o.fmt[k] == FMT_MP3) {
		static const struct mp3asm_callbacks cb = {out_write, out_rewrite};
		ma = mp3asm_new(&cb, &of, &r->par[k], tl->total, head, head_len, &err);
	} else {
		static const struct oggasm_callbacks cb = {out_write};
		oa = oggasm_new_gain(&cb, &of, &r->par[k], tl->total, r->o.serial[k], head,
				     head_len, gain_q8, &err);
	}
	for (int gi = 0; gi < r->ng && err == CHUNK_OK && (ma != NULL || oa != NULL); gi++) {
		struct chunk *ch = NULL;
		enum chunkcache_err e = chunkcache_read(r->g[gi].path[k], &ch);
		if (e != CHUNKCACHE_OK) {
			msg(MSG_CHUNK_REREAD, r->g[gi].path[k], 0, 0, "%s",
			    e == CHUNKCACHE_IO ? strerror(errno) : chunkcache_strerror(e));
			goto out;
		}
		err = ma != NULL ? mp3asm_add(ma, ch) : oggasm_add(oa, ch);
		chunk_free(&ch);
	}
	if (err == CHUNK_OK && (ma != NULL || oa != NULL))
		err = ma != NULL ? mp3asm_finish(ma) : oggasm_finish(oa);
	if (err != CHUNK_OK || (ma == NULL && oa == NULL)) {
		if (of.err != 0)
			msg(MSG_FILE_WRITE, path, 0, 0, "the audio" MSG_SEP "%s", strerror(of.err));
		else
			msg(MSG_CHUNK_ASSEMBLE, path, 0, 0, "%s", chunk_strerror(err));
		goto out;
	}
	rc = 0;
out:
	mp3asm_free(&ma);
	oggasm_free(&oa);
	if (fclose(of.f) != 0 && rc == 0) {
		msg(MSG_FILE_WRITE, path, 0, 0, "the audio" MSG_SEP "%s", strerror(errno));
		rc = -1;
	}
	return rc;
}

void render_chunks_counts(const struct render_chunks *r, int *encoded, int *kept)
{
	*encoded = *kept = 0;
	for (int k = 0; k < r->o.n; k++)
		for (int g = 0; g < r->ng; g++) {
			if (r->g[g].made[k])
				(*encoded)++;
			else
				(*kept)++;
		}
}

int render_chunks_ahead(struct render_chunks *r, int from, const int *stop,
			void (*made)(void *ud, const char *path), void *ud)
{
	int g;
	chunk_init();
	for (g = from; g < r->ng - 1 && !__atomic_load_n(stop, __ATOMIC_ACQUIRE); g++) {
		if (do_group(r, g) != 0)
			return -1;
		for (int k = 0; k < r->o.n; k++)
			if (r->g[g].made[k])
				made(ud, r->g[g].path[k]);
	}
	return g;
}

void render_chunks_made_by(struct render_chunks *r, int (*made)(void *ud, const char *path),
			   void *ud)
{
	r->made_by = made;
	r->made_ud = ud;
}

void render_chunks_free(struct render_chunks **rp)
{
	struct render_chunks *r = *rp;
	if (r == NULL)
		return;
	for (int g = 0; g < r->ng; g++)
		for (int k = 0; k < FMT_COUNT; k++) {
			free(r->g[g].path[k]);
			chunk_free(&r->g[g].fig[k]);
		}
	free(r->g);
	for (int i = 0; i < r->npool; i++)
		chunk_decoded_free(&r->pool[i]);
	free(r->pool);
	pthread_mutex_destroy(&r->mu);
	free(r);
	*rp = NULL;
}
