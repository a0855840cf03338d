/*
 * render_int.h: what render.c and render_chunks.c share: one attempt's
 * context, and the levelling of one item (its gain kept or searched,
 * render_level.c, below both). Private to the render stage.
 */
#ifndef PODSYNTH_RENDER_INT_H
#define PODSYNTH_RENDER_INT_H

#include <stdint.h>

#include "show/show.h"
#include "audio/audio.h"

/* What one attempt at the episode needs and finds. */
struct render_ctx {
	const struct timeline *tl;
	int codecs;             /* the formats and bitrates, for the level records */
	double show_target;     /* the show's target */
	double target;          /* the items' target */
	double ceiling;         /* the limiter's */
	double *item_ceiling;   /* per item: its limiter's (at most ceiling) */
	double *item_peak;      /* per item: the highest decoded true peak placed
				   there over every format */
	double *item_gain;      /* per item: the gain it was levelled with */
	unsigned char *item_searched; /* per item: 1 when this attempt searched it */
	double watch_db;        /* ... when at least this */
	int jobs;               /* threads for the chunks */
	const char *cache_dir;  /* render_opts.cache_dir */
	const char *subject;    /* the file messages name: the first format's */
};

/*
 * Item idx's gain for c->target at c->item_ceiling[idx], from its level
 * record: 1 when there is one that fits (c->item_ceiling[idx] may come
 * down to the record's), 0 when not. *sum (may be NULL) gets what names
 * the item's audio (a segment's checksum; for the intro, outro or an
 * insert, a hash of its kind, its file's bytes and its format), 0 when
 * there is none.
 */
int render_item_kept_gain(struct render_ctx *c, int idx, uint64_t *sum, double *gain);
/*
 * Searches item idx's gain (mem: its frames, or NULL to read them again
 * as needed) and keeps it in its record when it is a segment. With
 * levelled, also the item limited at that gain and its ceiling, when the
 * search's last pass gave it (level.h; else NULL; the caller frees it).
 * 0, or -1 reported.
 */
int render_item_search_gain(struct render_ctx *c, int idx, const float *mem, double *gain,
			    float **levelled);

#endif
