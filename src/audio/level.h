/*
 * level.h: levelling one timeline item: the gain search (level_search.c)
 * and the records that keep each speech segment's gain (level_cache.c).
 * Used by the render stage: render_level.c levels an item with them,
 * render.c reads the records' targets.
 *
 * In: a timeline item's audio, the target and ceiling; a segment cache
 * path. Out: a gain in dB; records in FILE.seg.lvl.
 */
#ifndef PODSYNTH_LEVEL_H
#define PODSYNTH_LEVEL_H

#include <stdint.h>

#include "timeline.h"

#define LEVEL_EXT ".lvl"

/* What a kept gain is for. */
struct level_key {
	uint64_t seg_sum;       /* the segment cache file's checksum */
	int rate, channels;
	int codecs;             /* the formats and bitrates (a hash) */
	double target, ceiling; /* the show's target and the limiter's ceiling */
};

/*
 * The gain and item ceiling kept for k at path, when the record was made
 * levelling the items to items_target and its ceiling is at most
 * *ceiling: 0, or -1 when there is none that fits.
 */
int level_load(const char *path, const struct level_key *k, double items_target, double *gain,
	       double *ceiling);
/* The items' target of the record for k at path: 0, or -1 when none. */
int level_items_target(const char *path, const struct level_key *k, double *items_target);
/* Keeps the record; a cache that cannot be written is no error. */
void level_store(const char *path, const struct level_key *k, double items_target, double gain,
		 double ceiling);

/* One item's audio for the search: in memory, or read again each time. */
struct level_src {
	const struct timeline *tl;
	int idx;
	const float *mem;       /* the item's frames, or NULL */
	const char *subject;    /* the file messages name (the episode's output) */
};

/*
 * The gain that brings item src, limited at ceiling, to target LUFS (a
 * pure function of the audio and the figures). When levelled is not NULL,
 * *levelled is the limiter's output at that gain and ceiling (the item's
 * length times its channels floats, the frames limiter_new/limiter_process
 * give; the caller frees it), or NULL when the search cannot give it
 * without another pass. 0, or -1 reported.
 */
int level_search(const struct level_src *src, double target, double ceiling, double *gain,
		 float **levelled);

#endif
