/*
 * segcache.h: one segment's synthesised audio and espeak-ng events, as kept
 * in the segment cache (one file per cache key).
 *
 * The file is checked on every read (magic, version, sizes and an xxHash
 * of the contents): a truncated or corrupt file is reported as such and
 * re-rendered, never mixed into an episode.
 */
#ifndef PODSYNTH_SEGCACHE_H
#define PODSYNTH_SEGCACHE_H

#include <stdint.h>

enum synth_event_type {
	SYNTH_EV_WORD = 1,      /* start of a word */
	SYNTH_EV_SENTENCE = 2,  /* start of a sentence */
	SYNTH_EV_RUN = 3,       /* start of a run (pos 0) */
};

struct synth_event {
	uint32_t sample;  /* offset in the segment's audio, in samples at rate */
	uint32_t run;     /* index of the run in the segment */
	uint32_t pos;     /* byte offset in that run's text */
	uint32_t len;     /* byte length (words), 0 otherwise */
	uint32_t type;    /* enum synth_event_type */
};

struct seg_audio {
	int rate;                   /* sample rate (espeak-ng's, 22050) */
	uint32_t nsamples;          /* mono, signed 16-bit */
	int16_t *samples;
	uint32_t nevents;
	struct synth_event *events; /* in order of sample */
};

enum segcache_err {
	SEGCACHE_OK = 0,
	SEGCACHE_MISSING,   /* no such file */
	SEGCACHE_CORRUPT,   /* truncated, wrong magic, bad checksum */
	SEGCACHE_IO,        /* read or write failed, errno set */
};

/* Writes a to path atomically (temporary file, then rename). */
enum segcache_err segcache_write(const char *path, const struct seg_audio *a);
/* Reads and verifies path into *a; the caller frees with seg_audio_clear. */
enum segcache_err segcache_read(const char *path, struct seg_audio *a);
/* Reads and verifies path, keeping nothing (is it sound?). */
enum segcache_err segcache_verify(const char *path);
/*
 * Reads the header and the events (a->samples stays NULL), checking the
 * file's size and the events but not the checksum: for a file this run has
 * verified already (build.c verifies every segment before it renders, and
 * the transcripts then need only the events). The caller clears *a.
 */
enum segcache_err segcache_read_events(const char *path, struct seg_audio *a);
/* Reads only the header (rate, sample count) and checks the file size. */
enum segcache_err segcache_probe(const char *path, int *rate, uint32_t *nsamples);
/*
 * Like segcache_probe, and gives the checksum the file ends with (the
 * XXH3 of its contents, read but not verified here: segcache_read does
 * that), which names the contents for caches of things made from them.
 */
enum segcache_err segcache_checksum(const char *path, uint64_t *sum);
void seg_audio_clear(struct seg_audio *a);
const char *segcache_strerror(enum segcache_err e);

#endif
