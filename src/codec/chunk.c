/*
 * chunk.c: the chunk grid (where each item's frames begin and end), the
 * quiet-tail rule, the cache key, and the dispatch to the encoder of each
 * format (mp3chunk.c, opuschunk.c).
 *
 * In: chunk parameters, an item's place on the timeline, its PCM. Out: a
 * struct chunk (see chunk.h for the grid and why boundaries are silent).
 */
#include "chunk.h"
#include "core/core.h"

#include <lame/lame.h>
#include <math.h>
#include <opus/opus.h>
#include <pthread.h>
#include <soxr.h>
#include <stdlib.h>
#include <string.h>

/* Frames of margin between a boundary and the item after it. */
#define CHUNK_MARGIN 2
/* Opus packets encoded before a chunk's first kept packet and dropped. */
#define OPUS_LEAD 3
/* Timeline frames of silence a boundary needs beyond the codec's delay. */
#define REACH_FRAMES 2
/* Quiet: below one 16-bit step. */
#define QUIET (1.0f / 32768.0f)

int chunk_mp3_framesize(int rate)
{
	return rate >= 32000 ? 1152 : 576;
}

static int params_ok(const struct chunk_params *p)
{
	if (p->channels < 1 || p->channels > 2 || p->bitrate < 8 || p->bitrate > 320)
		return 0;
	switch (p->format) {
	case CHUNK_MP3:
		return p->rate == 8000 || p->rate == 11025 || p->rate == 12000 ||
		       p->rate == 16000 || p->rate == 22050 || p->rate == 24000 ||
		       p->rate == 32000 || p->rate == 44100 || p->rate == 48000;
	case CHUNK_OPUS:
		/* 20 ms must be a whole number of timeline samples. */
		return p->rate >= 8000 && p->rate <= 192000 && p->rate % 50 == 0;
	}
	return 0;
}

static int64_t unit_of(const struct chunk_params *p)
{
	return p->format == CHUNK_MP3 ? chunk_mp3_framesize(p->rate) : p->rate / 50;
}

static opus_int32 opus_lookahead = 312;
static pthread_once_t lookahead_once = PTHREAD_ONCE_INIT;

static void find_lookahead(void)
{
	int err;
	OpusEncoder *e = opus_encoder_create(48000, 1, OPUS_APPLICATION_AUDIO, &err);
	if (e != NULL) {
		opus_encoder_ctl(e, OPUS_GET_LOOKAHEAD(&opus_lookahead));
		opus_encoder_destroy(e);
	}
}

int64_t chunk_opus_lookahead(void)
{
	pthread_once(&lookahead_once, find_lookahead);
	return opus_lookahead;
}

int64_t chunk_delay(const struct chunk_params *p)
{
	if (p->format == CHUNK_MP3)
		return 576 + 529;
	return (chunk_opus_lookahead() * p->rate + 47999) / 48000;
}

int chunk_span_make(const struct chunk_params *p, int64_t start, int64_t length,
		    int first, int last, struct chunk_span *s)
{
	memset(s, 0, sizeof *s);
	if (!params_ok(p) || start < 0 || length < 0 || (first && start != 0))
		return -1;
	int64_t u = unit_of(p), d = chunk_delay(p);
	int64_t lead = p->format == CHUNK_OPUS ? OPUS_LEAD : 0;
	s->start = start;
	s->length = length;
	s->first = first;
	s->last = last;
	s->unit = u;
	if (first) {
		s->k0 = 0;
		s->lead = 0;
	} else {
		s->k0 = start / u - CHUNK_MARGIN;
		s->lead = lead;
		if (s->k0 - lead < 1)
			return -1;
	}
	int64_t end = start + length, kend;
	if (last && p->format == CHUNK_OPUS) {
		/* As oggasm.c ends the stream: pre-skip + length at 48 kHz. */
		int64_t g = chunk_opus_lookahead() + (end * 48000 + p->rate / 2) / p->rate;
		kend = (g + 959) / 960;
		s->quiet_from = end;
	} else if (last) {
		kend = (end + d + u - 1) / u;
		s->quiet_from = end;
	} else {
		kend = end / u - CHUNK_MARGIN;
		/* The next chunk's encoder starts at (kend - lead) * u and
		   its first frame reaches back d; both see zeros before. */
		int64_t a = kend * u - d, b = (kend - lead) * u;
		s->quiet_from = (a < b ? a : b) - REACH_FRAMES * u;
	}
	s->nframes = kend - s->k0;
	if (s->nframes < 1)
		return -1;
	return 0;
}

void chunk_init(void)
{
	/* libmp3lame fills global tables on its first lame_init_params. */
	lame_t gf = lame_init();
	if (gf != NULL) {
		lame_set_in_samplerate(gf, 44100);
		lame_init_params(gf);
		lame_close(gf);
	}
}

int chunk_encode(const struct chunk_params *p, const struct chunk_span *span,
		 const float *pcm, struct chunk **out)
{
	*out = NULL;
	if (!params_ok(p) || span->unit != unit_of(p) || span->nframes < 1 ||
	    span->nframes > UINT32_MAX)
		return CHUNK_BAD_ARG;
	if (!span->last) {
		if (span->quiet_from < span->start)
			return CHUNK_NOT_QUIET;
		int64_t from = (span->quiet_from - span->start) * p->channels;
		int64_t n = span->length * p->channels;
		for (int64_t i = from; i < n; i++)
			if (fabsf(pcm[i]) > QUIET)
				return CHUNK_NOT_QUIET;
	}
	struct chunk *c = xcalloc(1, sizeof *c);
	c->format = p->format;
	c->rate = p->rate;
	c->channels = p->channels;
	c->bitrate = p->bitrate;
	c->start_mod = span->start % span->unit;
	c->first = span->first;
	c->last = span->last;
	int r = p->format == CHUNK_MP3 ? chunk_encode_mp3(p, span, pcm, c)
				       : chunk_encode_opus(p, span, pcm, c);
	if (r == CHUNK_OK && c->nframes != (uint32_t)span->nframes)
		r = CHUNK_INTERNAL;
	if (r != CHUNK_OK) {
		chunk_free(&c);
		return r;
	}
	*out = c;
	return CHUNK_OK;
}

void chunk_free(struct chunk **c)
{
	if (c == NULL || *c == NULL)
		return;
	free((*c)->sizes);
	free((*c)->data);
	chunk_figures_free(&(*c)->fig);
	free(*c);
	*c = NULL;
}

void chunk_figures_free(struct chunk_figures **f)
{
	if (f == NULL || *f == NULL)
		return;
	free((*f)->energy);
	free(*f);
	*f = NULL;
}

void chunk_key(const struct chunk_params *p, const struct chunk_span *s,
	       const char *audio_id, char out[33])
{
	struct hasher *h = hasher_new();
	hasher_str(h, "podsynth chunk 1");
	hasher_int(h, p->format);
	hasher_int(h, p->rate);
	hasher_int(h, p->channels);
	hasher_int(h, p->bitrate);
	if (p->format == CHUNK_MP3) {
		hasher_str(h, get_lame_version());
	} else {
		hasher_str(h, opus_get_version_string());
		hasher_str(h, soxr_version());
		/* superwideband chunks keep the key they had before the choice */
		if (chunk_opus_bandwidth(p) != OPUS_BANDWIDTH_SUPERWIDEBAND)
			hasher_int(h, chunk_opus_bandwidth(p));
	}
	hasher_int(h, s->start % s->unit);
	hasher_int(h, s->length);
	hasher_int(h, s->first);
	hasher_int(h, s->last);
	hasher_str(h, audio_id);
	hasher_hex(h, out);
}

const char *chunk_strerror(int err)
{
	switch (err) {
	case CHUNK_OK: return "no error";
	case CHUNK_BAD_ARG: return "sample rate, channels, bitrate or span not supported";
	case CHUNK_NOT_QUIET: return "item does not end in enough silence for a chunk boundary";
	case CHUNK_INTERNAL: return "the codec library failed";
	case CHUNK_WRITE_FAILED: return "writing the file failed";
	case CHUNK_MISMATCH: return "chunks do not fit together";
	case CHUNK_DRAINED: return "assembler used after it was finished";
	case CHUNK_UNDECODABLE: return "a frame of the chunk does not decode";
	}
	return "unknown chunk error";
}
