/*
 * level_cache.c: the gain each speech segment was levelled with, kept next
 * to its cache file (FILE.seg.lvl), so a rebuild searches only segments it
 * has not levelled before.
 *
 * In: the segment's cache path and what the gain is for (struct
 * level_key). Out: the kept gain, the item's own limiter ceiling and the
 * target the episode's items were levelled to (the show's target plus the
 * correction the last loudness retry found), or nothing when the record
 * is missing, damaged or for other settings.
 */
#include "level.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

#define LEVEL_MAGIC "PSYNLVL\n"
/* Part of every record: change it whenever the gain an item gets changes
 * (limiter, fades, resampler, search). */
#define LEVEL_VERSION 5u
#define LEVEL_SIZE 80





/*
 * The record for k: magic, version, rate, channels, bitrate, checksum,
 * target, ceiling, then the item's gain and its own limiter ceiling (lower
 * than the episode's when the codec pushed the item's peaks too high), the
 * target the items were levelled to, then the XXH3 of all that.
 */
static void level_record(unsigned char r[LEVEL_SIZE], const struct level_key *k,
			 double items_target, double gain, double ceiling)
{
	memset(r, 0, LEVEL_SIZE);
	memcpy(r, LEVEL_MAGIC, 8);
	put_u64(r + 8, (uint64_t)LEVEL_VERSION | (uint64_t)(uint32_t)k->rate << 32);
	put_u64(r + 16, (uint64_t)(uint32_t)k->channels | (uint64_t)(uint32_t)k->codecs << 32);
	put_u64(r + 24, k->seg_sum);
	put_u64(r + 32, dbits(k->target));
	put_u64(r + 40, dbits(k->ceiling));
	put_u64(r + 48, dbits(gain));
	put_u64(r + 56, dbits(ceiling));
	put_u64(r + 64, dbits(items_target));
	put_u64(r + 72, hash64(r, 72));
}

/* The record at path if it is one for k: 0, or -1. */
static int level_read(const char *path, const struct level_key *k, double *items_target,
		      double *gain, double *ceiling)
{
	size_t n;
	unsigned char *d = (unsigned char *)read_file(path, &n);
	int ret = -1;
	if (d != NULL && n == LEVEL_SIZE) {
		double g = bitsd(get_u64(d + 48)), c = bitsd(get_u64(d + 56));
		double t = bitsd(get_u64(d + 64));
		unsigned char want[LEVEL_SIZE];
		level_record(want, k, t, g, c);
		if (memcmp(d, want, LEVEL_SIZE) == 0 && isfinite(g) && isfinite(c) && isfinite(t)) {
			*items_target = t;
			*gain = g;
			*ceiling = c;
			ret = 0;
		}
	}
	free(d);
	return ret;
}

int level_load(const char *path, const struct level_key *k, double items_target, double *gain,
	       double *ceiling)
{
	double t, g, c;
	if (level_read(path, k, &t, &g, &c) != 0 || t != items_target || c > *ceiling)
		return -1;
	*gain = g;
	*ceiling = c;
	return 0;
}

int level_items_target(const char *path, const struct level_key *k, double *items_target)
{
	double g, c;
	return level_read(path, k, items_target, &g, &c);
}

void level_store(const char *path, const struct level_key *k, double items_target, double gain,
		 double ceiling)
{
	unsigned char r[LEVEL_SIZE];
	level_record(r, k, items_target, gain, ceiling);
	(void)msg_write_file_atomic(path, r, LEVEL_SIZE);
}

