/*
 * chunkcache.c: the chunk cache file, one encoded chunk.
 *
 * In: struct chunk from chunk_encode. Out: a file that chunkcache_read
 * gives back, verified, for an assembler (mp3asm.c, oggasm.c).
 *
 * Layout, every integer little-endian whatever the host:
 *
 *   offset  size  field
 *        0     8  magic "PSYNCHK\n"
 *        8     4  format version (CHUNKCACHE_VERSION)
 *       12     4  format (enum chunk_format)
 *       16     4  sample rate of the timeline, Hz
 *       20     4  channels
 *       24     4  bitrate, kbit/s
 *       28     4  samples per frame in the codec's domain
 *       32     4  nframes
 *       36     4  flags: 1 first, 2 last, 4 figures follow the frames
 *       40     8  the span's start mod its frame length
 *       48     8  data bytes
 *       56   4*n  size of each frame (u32)
 *        .     .  the frames
 *   with flag 4, the chunk's figures (chunk_figures, chunk.h):
 *        .     8  true peak, dBTP (IEEE 754 double's bits, u64)
 *        .     8  sample peak, dBFS (likewise)
 *        .     4  the decoder's rate, Hz
 *        .     4  frames per energy unit
 *        .     8  frames decoded
 *        .     4  number of units, n
 *        .   4*n  each unit's energy (IEEE 754 float's bits, u32)
 *        .     8  XXH3_64bits of every byte before it (u64)
 *
 * Version 1 had no flag 4 and no figures; its files read as
 * CHUNKCACHE_OLD.
 */
#include "chunkcache.h"
#include "core/core.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#define MAGIC "PSYNCHK\n"
#define CHUNKCACHE_VERSION 2u
#define HEADER_SIZE 56u
#define FIG_HEADER 36u
#define TRAILER_SIZE 8u
/* Sanity limits: a chunk is minutes of audio, not days. */
#define MAX_FRAMES (1u << 22)
#define MAX_BYTES (1ull << 31)





static void put_f64(unsigned char *p, double v)
{
	uint64_t u;
	memcpy(&u, &v, sizeof u);
	put_u64(p, u);
}

static double get_f64(const unsigned char *p)
{
	uint64_t u = get_u64(p);
	double v;
	memcpy(&v, &u, sizeof v);
	return v;
}

static size_t fig_size(const struct chunk_figures *f)
{
	return f ? FIG_HEADER + (size_t)f->nunits * 4 : 0;
}

static void put_fig(unsigned char *d, const struct chunk_figures *f)
{
	put_f64(d, f->true_peak);
	put_f64(d + 8, f->sample_peak);
	put_u32(d + 16, (uint32_t)f->rate);
	put_u32(d + 20, (uint32_t)f->unit);
	put_u64(d + 24, (uint64_t)f->decoded);
	put_u32(d + 32, f->nunits);
	for (uint32_t i = 0; i < f->nunits; i++) {
		uint32_t u;
		memcpy(&u, &f->energy[i], sizeof u);
		put_u32(d + FIG_HEADER + 4 * (size_t)i, u);
	}
}

/* The figures at d (n bytes from there to the trailer), or NULL when they
   do not add up. */
static struct chunk_figures *get_fig(const unsigned char *d, size_t n, const struct chunk *c)
{
	if (n < FIG_HEADER)
		return NULL;
	uint32_t nunits = get_u32(d + 32);
	uint32_t rate = get_u32(d + 16), unit = get_u32(d + 20);
	uint64_t decoded = get_u64(d + 24);
	if (n != FIG_HEADER + (uint64_t)nunits * 4 || unit < 1 || rate < 1 || rate > 768000 ||
	    decoded != (uint64_t)c->nframes * (uint64_t)c->frame_samples ||
	    (decoded + unit - 1) / unit != nunits)
		return NULL;
	struct chunk_figures *f = xcalloc(1, sizeof *f);
	f->true_peak = get_f64(d);
	f->sample_peak = get_f64(d + 8);
	f->rate = (int)rate;
	f->unit = (int)unit;
	f->decoded = (int64_t)decoded;
	f->nunits = nunits;
	f->energy = xmalloc(((size_t)nunits + 1) * sizeof *f->energy);
	for (uint32_t i = 0; i < nunits; i++) {
		uint32_t u = get_u32(d + FIG_HEADER + 4 * (size_t)i);
		memcpy(&f->energy[i], &u, sizeof u);
	}
	return f;
}

enum chunkcache_err chunkcache_write(const char *path, const struct chunk *c)
{
	/* Per thread: two encoders may store the same key at once. */
	/* PATH.TID.tmp.PID@HOST: one per thread and host, and tmp_stale knows it. */
	char *tmp = xasprintf("%s.%ld.tmp.%ld@%s", path, (long)gettid(), (long)getpid(), tmp_host());
	size_t body = HEADER_SIZE + (size_t)c->nframes * 4 + c->len;
	size_t n = body + fig_size(c->fig) + TRAILER_SIZE;
	unsigned char *d = xmalloc(n);
	memcpy(d, MAGIC, 8);
	put_u32(d + 8, CHUNKCACHE_VERSION);
	put_u32(d + 12, (uint32_t)c->format);
	put_u32(d + 16, (uint32_t)c->rate);
	put_u32(d + 20, (uint32_t)c->channels);
	put_u32(d + 24, (uint32_t)c->bitrate);
	put_u32(d + 28, (uint32_t)c->frame_samples);
	put_u32(d + 32, c->nframes);
	put_u32(d + 36, (uint32_t)(c->first ? 1 : 0) | (c->last ? 2u : 0u) | (c->fig ? 4u : 0u));
	put_u64(d + 40, (uint64_t)c->start_mod);
	put_u64(d + 48, (uint64_t)c->len);
	for (uint32_t i = 0; i < c->nframes; i++)
		put_u32(d + HEADER_SIZE + 4 * (size_t)i, c->sizes[i]);
	if (c->len)
		memcpy(d + HEADER_SIZE + (size_t)c->nframes * 4, c->data, c->len);
	if (c->fig)
		put_fig(d + body, c->fig);
	put_u64(d + n - TRAILER_SIZE, XXH3_64bits(d, n - TRAILER_SIZE));
	enum chunkcache_err ret = CHUNKCACHE_IO;
	int e = 0;
	FILE *f = fopen(tmp, "wb");
	if (f == NULL) {
		e = errno;
		goto out;
	}
	int bad = fwrite(d, 1, n, f) != n || fflush(f) != 0;
	e = errno;
	if (fclose(f) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (bad) {
		unlink(tmp);
		goto out;
	}
	if (msg_commit_tmp(tmp, path) != 0) {
		e = errno;
		goto out;
	}
	ret = CHUNKCACHE_OK;
out:
	free(d);
	free(tmp);
	if (ret != CHUNKCACHE_OK)
		errno = e ? e : EIO;
	return ret;
}

enum chunkcache_err chunkcache_read(const char *path, struct chunk **out)
{
	*out = NULL;
	size_t n;
	unsigned char *d = (unsigned char *)read_file(path, &n);
	if (d == NULL)
		return (errno == ENOENT || errno == ENOTDIR) ? CHUNKCACHE_MISSING : CHUNKCACHE_IO;
	enum chunkcache_err ret = CHUNKCACHE_CORRUPT;
	struct chunk *c = NULL;
	if (n < HEADER_SIZE + TRAILER_SIZE || memcmp(d, MAGIC, 8) != 0)
		goto out;
	if (get_u32(d + 8) < CHUNKCACHE_VERSION) {
		ret = CHUNKCACHE_OLD;
		goto out;
	}
	if (get_u32(d + 8) != CHUNKCACHE_VERSION)
		goto out;
	uint32_t nframes = get_u32(d + 32);
	uint64_t len = get_u64(d + 48);
	uint64_t body = HEADER_SIZE + (uint64_t)nframes * 4 + len;
	int has_fig = (get_u32(d + 36) & 4) != 0;
	if (nframes > MAX_FRAMES || len > MAX_BYTES || n < body + TRAILER_SIZE ||
	    (!has_fig && n != body + TRAILER_SIZE) ||
	    XXH3_64bits(d, n - TRAILER_SIZE) != get_u64(d + n - TRAILER_SIZE))
		goto out;
	c = xcalloc(1, sizeof *c);
	c->format = (enum chunk_format)get_u32(d + 12);
	c->rate = (int)get_u32(d + 16);
	c->channels = (int)get_u32(d + 20);
	c->bitrate = (int)get_u32(d + 24);
	c->frame_samples = (int)get_u32(d + 28);
	c->nframes = nframes;
	uint32_t flags = get_u32(d + 36);
	c->first = flags & 1;
	c->last = (flags >> 1) & 1;
	c->start_mod = (int64_t)get_u64(d + 40);
	c->len = (size_t)len;
	c->sizes = xcalloc(nframes ? nframes : 1, sizeof *c->sizes);
	uint64_t sum = 0;
	for (uint32_t i = 0; i < nframes; i++) {
		c->sizes[i] = get_u32(d + HEADER_SIZE + 4 * (size_t)i);
		sum += c->sizes[i];
	}
	/* A good checksum over bad content is a bug: re-encode. */
	if (sum != len || (c->format != CHUNK_MP3 && c->format != CHUNK_OPUS) ||
	    c->channels < 1 || c->channels > 2 || (flags & ~7u) != 0)
		goto out;
	if (has_fig && (c->fig = get_fig(d + body, n - TRAILER_SIZE - body, c)) == NULL)
		goto out;
	c->data = xmalloc(len ? (size_t)len : 1);
	memcpy(c->data, d + HEADER_SIZE + (size_t)nframes * 4, (size_t)len);
	ret = CHUNKCACHE_OK;
out:
	free(d);
	if (ret != CHUNKCACHE_OK)
		chunk_free(&c);
	*out = c;
	return ret;
}

const char *chunkcache_strerror(enum chunkcache_err e)
{
	switch (e) {
	case CHUNKCACHE_OK: return "no error";
	case CHUNKCACHE_MISSING: return "no such chunk file";
	case CHUNKCACHE_CORRUPT: return "chunk file is truncated or corrupt";
	case CHUNKCACHE_IO: return "chunk file cannot be read or written";
	case CHUNKCACHE_OLD: return "chunk file is of an older version";
	}
	return "unknown chunk cache error";
}
