/*
 * render_level.c: the levelling of one timeline item in an attempt, shared
 * by the whole-file lanes (render.c) and the chunks (render_chunks.c): its
 * gain taken from its level record, or searched and kept there.
 *
 * In: the attempt's context (render_int.h: the timeline, the targets, the
 * items' ceilings) and an item. Out: the item's gain, set in the context
 * too; the records (level.h: FILE.seg.lvl beside a segment's cache file,
 * CACHE/items/ID.lvl for the intro, outro and inserts).
 */
#include "render_int.h"

#include <stdlib.h>

#include "audio/audio.h"
#include "synth/synth.h"
#include "core/core.h"

/*
 * What names item idx's audio when it is not a segment: a hash of its kind,
 * format and length and, for an audio file, its bytes (the built-in
 * jingles are made by jingle.c: a change there bumps LEVEL_VERSION). 0
 * when it cannot be read.
 */
static uint64_t asset_identity(const struct timeline *tl, int idx)
{
	const struct tl_item *it = &tl->items[idx];
	int64_t id[7] = {1, it->kind, it->length, it->src_rate, tl->rate, tl->channels, 0};
	if (it->kind == TL_ASSET) {
		size_t len;
		char *data = it->path != NULL ? read_file(it->path, &len) : NULL;
		if (data == NULL)
			return 0;
		id[6] = (int64_t)hash64(data, len);
		free(data);
	}
	uint64_t v = hash64(id, sizeof id);
	return v != 0 ? v : 1;
}

/* The level record's path and key of item idx: NULL when it has none
 * (key->seg_sum is still what names its audio, or 0). */
static char *level_record(const struct render_ctx *c, int idx, struct level_key *key)
{
	const struct timeline *tl = c->tl;
	const struct tl_item *it = &tl->items[idx];
	*key = (struct level_key){0, tl->rate, tl->channels, c->codecs, c->show_target, c->ceiling};
	if (it->kind == TL_SEGMENT) {
		if (it->path == NULL || segcache_checksum(it->path, &key->seg_sum) != SEGCACHE_OK)
			return NULL;
		return xasprintf("%s%s", it->path, LEVEL_EXT);
	}
	if (it->kind == TL_SILENCE || (key->seg_sum = asset_identity(tl, idx)) == 0 ||
	    c->cache_dir == NULL)
		return NULL;
	/* The intro, outro and inserts: records of their own in the cache. */
	return xasprintf("%s/items/%016llx%s", c->cache_dir, (unsigned long long)key->seg_sum,
			 LEVEL_EXT);
}

int render_item_kept_gain(struct render_ctx *c, int idx, uint64_t *sum, double *gain)
{
	struct level_key key;
	char *lpath = level_record(c, idx, &key);
	int have = lpath != NULL &&
		   level_load(lpath, &key, c->target, gain, &c->item_ceiling[idx]) == 0;
	free(lpath);
	if (sum != NULL)
		*sum = key.seg_sum;
	if (have)
		c->item_gain[idx] = *gain;
	return have;
}

int render_item_search_gain(struct render_ctx *c, int idx, const float *mem, double *gain,
			    float **levelled)
{
	struct level_src src = {c->tl, idx, mem, c->subject};
	if (level_search(&src, c->target, c->item_ceiling[idx], gain, levelled) != 0)
		return -1;
	struct level_key key;
	char *lpath = level_record(c, idx, &key);
	if (lpath != NULL) {
		if (c->tl->items[idx].kind != TL_SEGMENT) {
			char *dir = xasprintf("%s/items", c->cache_dir);
			mkdir_p(dir);
			free(dir);
		}
		level_store(lpath, &key, c->target, *gain, c->item_ceiling[idx]);
	}
	free(lpath);
	c->item_gain[idx] = *gain;
	c->item_searched[idx] = 1;
	return 0;
}
