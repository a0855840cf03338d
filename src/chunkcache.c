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
 *       36     4  flags: 1 first, 2 last
 *       40     8  the span's start mod its frame length
 *       48     8  data bytes
 *       56   4*n  size of each frame (u32)
 *        .     .  the frames
 *        .     8  XXH3_64bits of every byte before it (u64)
 */
#include "chunkcache.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#define MAGIC "PSYNCHK\n"
#define CHUNKCACHE_VERSION 1u
#define HEADER_SIZE 56u
#define TRAILER_SIZE 8u
/* Sanity limits: a chunk is minutes of audio, not days. */
#define MAX_FRAMES (1u << 22)
#define MAX_BYTES (1ull << 31)

static void put_u32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void put_u64(unsigned char *p, uint64_t v)
{
	put_u32(p, (uint32_t)v);
	put_u32(p + 4, (uint32_t)(v >> 32));
}

static uint64_t get_u64(const unsigned char *p)
{
	return (uint64_t)get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

enum chunkcache_err chunkcache_write(const char *path, const struct chunk *c)
{
	/* Per thread: two encoders may store the same key at once. */
	char *tmp = xasprintf("%s.tmp.%ld.%ld", path, (long)getpid(), (long)gettid());
	size_t n = HEADER_SIZE + (size_t)c->nframes * 4 + c->len + TRAILER_SIZE;
	unsigned char *d = xmalloc(n);
	memcpy(d, MAGIC, 8);
	put_u32(d + 8, CHUNKCACHE_VERSION);
	put_u32(d + 12, (uint32_t)c->format);
	put_u32(d + 16, (uint32_t)c->rate);
	put_u32(d + 20, (uint32_t)c->channels);
	put_u32(d + 24, (uint32_t)c->bitrate);
	put_u32(d + 28, (uint32_t)c->frame_samples);
	put_u32(d + 32, c->nframes);
	put_u32(d + 36, (uint32_t)(c->first ? 1 : 0) | (c->last ? 2u : 0u));
	put_u64(d + 40, (uint64_t)c->start_mod);
	put_u64(d + 48, (uint64_t)c->len);
	for (uint32_t i = 0; i < c->nframes; i++)
		put_u32(d + HEADER_SIZE + 4 * (size_t)i, c->sizes[i]);
	if (c->len)
		memcpy(d + HEADER_SIZE + (size_t)c->nframes * 4, c->data, c->len);
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
	if (commit_tmp(tmp, path) != 0) {
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
	if (n < HEADER_SIZE + TRAILER_SIZE || memcmp(d, MAGIC, 8) != 0 ||
	    get_u32(d + 8) != CHUNKCACHE_VERSION)
		goto out;
	uint32_t nframes = get_u32(d + 32);
	uint64_t len = get_u64(d + 48);
	if (nframes > MAX_FRAMES || len > MAX_BYTES ||
	    n != HEADER_SIZE + (uint64_t)nframes * 4 + len + TRAILER_SIZE ||
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
	    c->channels < 1 || c->channels > 2 || (flags & ~3u) != 0)
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
	}
	return "unknown chunk cache error";
}
