/*
 * chunkcache.h: one encoded chunk (chunk.h) as kept in the chunk cache,
 * one file per cache key (chunk_key).
 *
 * The file is checked on every read (magic, version, sizes, the frame
 * sizes adding up, and an xxHash of the contents), like the segment cache:
 * a truncated or damaged file is reported, never spliced into an episode.
 * Writes are atomic (a temporary file per thread, then rename), so
 * parallel encoders may write the same key at once.
 *
 * A chunk's figures (c->fig, from chunk_measure) are stored with it and
 * covered by the checksum; a chunk without figures is stored without and
 * reads back with c->fig NULL (the caller measures it, or encodes it
 * again). A file written by an older podsynth reads as CHUNKCACHE_OLD:
 * encode the chunk again, as for a missing one.
 */
#ifndef PODSYNTH_CHUNKCACHE_H
#define PODSYNTH_CHUNKCACHE_H

#include "chunk.h"

enum chunkcache_err {
	CHUNKCACHE_OK = 0,
	CHUNKCACHE_MISSING,   /* no such file */
	CHUNKCACHE_CORRUPT,   /* truncated, wrong magic or version, bad checksum */
	CHUNKCACHE_IO,        /* read or write failed, errno set */
	CHUNKCACHE_OLD,       /* an older version's file: encode again */
};

/* Writes c to path atomically. */
enum chunkcache_err chunkcache_write(const char *path, const struct chunk *c);
/* Reads and verifies path; on CHUNKCACHE_OK *c is new, freed with chunk_free. */
enum chunkcache_err chunkcache_read(const char *path, struct chunk **c);
const char *chunkcache_strerror(enum chunkcache_err e);

#endif
