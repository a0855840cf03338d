/*
 * segcache.c: the segment cache file, one segment's synthesised audio and
 * its espeak-ng events.
 *
 * In: struct seg_audio from the synthesiser (synth.c). Out: a file that the
 * timeline (timeline.c) reads back with segcache_read, or sizes up with
 * segcache_probe. Every read is verified, so a truncated or damaged file is
 * reported as SEGCACHE_CORRUPT and re-rendered instead of being mixed in.
 *
 * Layout, every integer little-endian whatever the host:
 *
 *   offset  size  field
 *        0     8  magic "PSYNSEG\n"
 *        8     4  format version (SEGCACHE_VERSION)
 *       12     4  sample rate in Hz
 *       16     4  nsamples (mono, signed 16-bit)
 *       20     4  nevents
 *       24     8  reserved, zero
 *       32  20*n  events: sample, run, pos, len, type (u32 each)
 *        .   2*n  samples (s16)
 *        .     8  XXH3_64bits of every byte before it (u64)
 */
#include "segcache.h"
#include "core/core.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#define SEGCACHE_MAGIC "PSYNSEG\n"
#define SEGCACHE_VERSION 1u
#define HEADER_SIZE 32u
#define EVENT_SIZE 20u
#define TRAILER_SIZE 8u
/* Sanity limits: a segment is minutes long, not days. */
#define MAX_SAMPLES (1u << 30)
#define MAX_EVENTS (1u << 24)





/* The file size implied by a header's counts. */
static uint64_t file_size_for(uint32_t nsamples, uint32_t nevents)
{
	return (uint64_t)HEADER_SIZE + (uint64_t)nevents * EVENT_SIZE +
	       (uint64_t)nsamples * 2 + TRAILER_SIZE;
}

static void encode_header(unsigned char h[HEADER_SIZE], int rate,
			  uint32_t nsamples, uint32_t nevents)
{
	memset(h, 0, HEADER_SIZE);
	memcpy(h, SEGCACHE_MAGIC, 8);
	put_u32(h + 8, SEGCACHE_VERSION);
	put_u32(h + 12, (uint32_t)rate);
	put_u32(h + 16, nsamples);
	put_u32(h + 20, nevents);
}

/* Checks a header; fills the counts. 0 when it is one of ours. */
static int decode_header(const unsigned char h[HEADER_SIZE], int *rate,
			 uint32_t *nsamples, uint32_t *nevents)
{
	if (memcmp(h, SEGCACHE_MAGIC, 8) != 0)
		return -1;
	if (get_u32(h + 8) != SEGCACHE_VERSION)
		return -1;
	uint32_t r = get_u32(h + 12);
	if (r == 0 || r > 1000000)
		return -1;
	*rate = (int)r;
	*nsamples = get_u32(h + 16);
	*nevents = get_u32(h + 20);
	if (*nsamples > MAX_SAMPLES || *nevents > MAX_EVENTS)
		return -1;
	return 0;
}

/* fwrite that also feeds the checksum. 0 or -1. */
static int put(FILE *f, XXH3_state_t *st, const void *p, size_t n)
{
	XXH3_64bits_update(st, p, n);
	return fwrite(p, 1, n, f) == n ? 0 : -1;
}

enum segcache_err segcache_write(const char *path, const struct seg_audio *a)
{
	enum segcache_err ret = SEGCACHE_IO;
	char *tmp = tmp_path_for(path);
	XXH3_state_t *st = XXH3_createState();
	FILE *f = NULL;
	int e = 0;
	if (st == NULL) {
		e = ENOMEM;
		goto out;
	}
	XXH3_64bits_reset(st);
	f = fopen(tmp, "wb");
	if (f == NULL) {
		e = errno;
		goto out;
	}
	unsigned char hdr[HEADER_SIZE];
	encode_header(hdr, a->rate, a->nsamples, a->nevents);
	if (put(f, st, hdr, sizeof hdr) != 0)
		goto write_failed;
	for (uint32_t i = 0; i < a->nevents; i++) {
		const struct synth_event *ev = &a->events[i];
		unsigned char b[EVENT_SIZE];
		put_u32(b, ev->sample);
		put_u32(b + 4, ev->run);
		put_u32(b + 8, ev->pos);
		put_u32(b + 12, ev->len);
		put_u32(b + 16, ev->type);
		if (put(f, st, b, sizeof b) != 0)
			goto write_failed;
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* The host's int16 already is the file's little-endian s16. */
	if (a->nsamples && put(f, st, a->samples, (size_t)a->nsamples * 2) != 0)
		goto write_failed;
#else
	/* Samples in chunks, converted to little-endian bytes. */
	unsigned char chunk[8192];
	for (uint32_t i = 0; i < a->nsamples;) {
		uint32_t n = a->nsamples - i;
		if (n > sizeof chunk / 2)
			n = sizeof chunk / 2;
		for (uint32_t k = 0; k < n; k++) {
			uint16_t s = (uint16_t)a->samples[i + k];
			chunk[2 * k] = (unsigned char)s;
			chunk[2 * k + 1] = (unsigned char)(s >> 8);
		}
		if (put(f, st, chunk, (size_t)n * 2) != 0)
			goto write_failed;
		i += n;
	}
#endif
	unsigned char trailer[TRAILER_SIZE];
	put_u64(trailer, XXH3_64bits_digest(st));
	if (fwrite(trailer, 1, sizeof trailer, f) != sizeof trailer)
		goto write_failed;
	if (fflush(f) != 0 || ferror(f))
		goto write_failed;
	int r = fclose(f);
	f = NULL;
	if (r != 0) {
		e = errno;
		unlink(tmp);
		goto out;
	}
	if (msg_commit_tmp(tmp, path) != 0) {
		e = errno;
		goto out;
	}
	ret = SEGCACHE_OK;
	goto out;
write_failed:
	e = errno ? errno : EIO;
	fclose(f);
	f = NULL;
	unlink(tmp);
out:
	XXH3_freeState(st);
	free(tmp);
	if (ret != SEGCACHE_OK)
		errno = e;
	return ret;
}

/* Opens path for reading: SEGCACHE_MISSING when it does not exist. */
static enum segcache_err open_cache(const char *path, int *fd)
{
	*fd = open(path, O_RDONLY | O_CLOEXEC);
	if (*fd >= 0)
		return SEGCACHE_OK;
	return (errno == ENOENT || errno == ENOTDIR) ? SEGCACHE_MISSING : SEGCACHE_IO;
}

/* Reads exactly n bytes; SEGCACHE_CORRUPT when the file ends first. */
static enum segcache_err read_full(int fd, void *p, size_t n)
{
	char *c = p;
	while (n > 0) {
		ssize_t r = read(fd, c, n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return SEGCACHE_IO;
		}
		if (r == 0)
			return SEGCACHE_CORRUPT;
		c += r;
		n -= (size_t)r;
	}
	return SEGCACHE_OK;
}

/*
 * Opens path and reads its header, checking the file's size against it:
 * SEGCACHE_OK with *fd open (the caller closes it), positioned after the
 * header; else the error, and nothing open.
 */
static enum segcache_err open_header(const char *path, int *fd, off_t *size, int *rate,
				     uint32_t *ns, uint32_t *ne)
{
	enum segcache_err e = open_cache(path, fd);
	if (e != SEGCACHE_OK)
		return e;
	unsigned char hdr[HEADER_SIZE];
	struct stat st;
	if (fstat(*fd, &st) != 0)
		e = SEGCACHE_IO;
	else if ((e = read_full(*fd, hdr, sizeof hdr)) == SEGCACHE_OK &&
		 (decode_header(hdr, rate, ns, ne) != 0 ||
		  (uint64_t)st.st_size != file_size_for(*ns, *ne)))
		e = SEGCACHE_CORRUPT;
	if (e != SEGCACHE_OK) {
		int saved = errno;
		close(*fd);
		errno = saved;
		return e;
	}
	*size = st.st_size;
	return SEGCACHE_OK;
}

/* The header's figures and, with sum, the trailer. */
static enum segcache_err probe(const char *path, int *rate, uint32_t *nsamples, uint64_t *sum)
{
	int fd, r;
	off_t size;
	uint32_t ns, ne;
	enum segcache_err e = open_header(path, &fd, &size, &r, &ns, &ne);
	if (e != SEGCACHE_OK)
		return e;
	if (sum != NULL) {
		unsigned char t[TRAILER_SIZE];
		if (lseek(fd, size - (off_t)TRAILER_SIZE, SEEK_SET) < 0) {
			e = SEGCACHE_IO;
			goto out;
		}
		if ((e = read_full(fd, t, sizeof t)) != SEGCACHE_OK)
			goto out;
		*sum = get_u64(t);
	}
	if (rate)
		*rate = r;
	if (nsamples)
		*nsamples = ns;
out:
	{
		int saved = errno;
		close(fd);
		errno = saved;
	}
	return e;
}

enum segcache_err segcache_probe(const char *path, int *rate, uint32_t *nsamples)
{
	return probe(path, rate, nsamples, NULL);
}

enum segcache_err segcache_checksum(const char *path, uint64_t *sum)
{
	return probe(path, NULL, NULL, sum);
}

/* The a->nevents events at p into a->events, checked against a->nsamples. */
static enum segcache_err decode_events(const unsigned char *p, struct seg_audio *a)
{
	a->events = xcalloc(a->nevents ? a->nevents : 1, sizeof *a->events);
	for (uint32_t i = 0; i < a->nevents; i++, p += EVENT_SIZE) {
		struct synth_event *ev = &a->events[i];
		ev->sample = get_u32(p);
		ev->run = get_u32(p + 4);
		ev->pos = get_u32(p + 8);
		ev->len = get_u32(p + 12);
		ev->type = get_u32(p + 16);
		/* A good checksum over bad content is a bug: re-render. */
		if (ev->sample > a->nsamples || ev->type < SYNTH_EV_WORD || ev->type > SYNTH_EV_RUN)
			return SEGCACHE_CORRUPT;
	}
	return SEGCACHE_OK;
}

/* Reads and verifies path; the samples and events into *a when a is set. */
static enum segcache_err read_cache(const char *path, struct seg_audio *a)
{
	struct seg_audio none;
	int keep = a != NULL;
	if (a == NULL)
		a = &none;
	memset(a, 0, sizeof *a);
	int fd;
	enum segcache_err e = open_cache(path, &fd);
	if (e != SEGCACHE_OK)
		return e;
	unsigned char *data = NULL;
	struct stat st;
	int rate;
	uint32_t ns, ne;
	if (fstat(fd, &st) != 0) {
		e = SEGCACHE_IO;
		goto out;
	}
	if (st.st_size < (off_t)(HEADER_SIZE + TRAILER_SIZE) ||
	    (uint64_t)st.st_size > file_size_for(MAX_SAMPLES, MAX_EVENTS)) {
		e = SEGCACHE_CORRUPT;
		goto out;
	}
	size_t size = (size_t)st.st_size;
	data = xmalloc(size);
	if ((e = read_full(fd, data, size)) != SEGCACHE_OK)
		goto out;
	if (decode_header(data, &rate, &ns, &ne) != 0 ||
	    (uint64_t)size != file_size_for(ns, ne) ||
	    XXH3_64bits(data, size - TRAILER_SIZE) != get_u64(data + size - TRAILER_SIZE)) {
		e = SEGCACHE_CORRUPT;
		goto out;
	}
	a->rate = rate;
	a->nsamples = ns;
	a->nevents = ne;
	if ((e = decode_events(data + HEADER_SIZE, a)) != SEGCACHE_OK || !keep)
		goto out;
	const unsigned char *p = data + HEADER_SIZE + (size_t)ne * EVENT_SIZE;
	a->samples = xmalloc((ns ? ns : 1) * sizeof *a->samples);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (ns)
		memcpy(a->samples, p, (size_t)ns * 2);
#else
	for (uint32_t i = 0; i < ns; i++, p += 2)
		a->samples[i] = (int16_t)(uint16_t)((unsigned)p[0] | (unsigned)p[1] << 8);
#endif
	e = SEGCACHE_OK;
out:
	{
		int saved = errno;
		close(fd);
		free(data);
		if (e != SEGCACHE_OK || !keep)
			seg_audio_clear(a);
		errno = saved;
	}
	return e;
}

enum segcache_err segcache_read(const char *path, struct seg_audio *a)
{
	return read_cache(path, a);
}

enum segcache_err segcache_verify(const char *path)
{
	return read_cache(path, NULL);
}

enum segcache_err segcache_read_events(const char *path, struct seg_audio *a)
{
	memset(a, 0, sizeof *a);
	int fd, rate;
	off_t size;
	uint32_t ns, ne;
	unsigned char *ev = NULL;
	enum segcache_err e = open_header(path, &fd, &size, &rate, &ns, &ne);
	if (e != SEGCACHE_OK)
		return e;
	ev = xmalloc((size_t)(ne ? ne : 1) * EVENT_SIZE);
	if ((e = read_full(fd, ev, (size_t)ne * EVENT_SIZE)) != SEGCACHE_OK)
		goto out;
	a->rate = rate;
	a->nsamples = ns;
	a->nevents = ne;
	e = decode_events(ev, a);
out:
	{
		int saved = errno;
		close(fd);
		free(ev);
		if (e != SEGCACHE_OK)
			seg_audio_clear(a);
		errno = saved;
	}
	return e;
}

void seg_audio_clear(struct seg_audio *a)
{
	if (a == NULL)
		return;
	free(a->samples);
	free(a->events);
	memset(a, 0, sizeof *a);
}

const char *segcache_strerror(enum segcache_err e)
{
	switch (e) {
	case SEGCACHE_OK:
		return "no error";
	case SEGCACHE_MISSING:
		return "no such cache file";
	case SEGCACHE_CORRUPT:
		return "cache file is truncated or corrupt";
	case SEGCACHE_IO:
		return "cache file cannot be read or written";
	}
	return "unknown cache error";
}
