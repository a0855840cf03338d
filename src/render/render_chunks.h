/*
 * render_chunks.h: the MP3 and Opus files of an episode made from encoded
 * chunks (chunk.h): each group of timeline items (an item with the pause
 * after it) encoded once per format and kept in the cache, next to the
 * segment it belongs to, then spliced into the file (mp3asm.h, oggasm.h).
 * Used by render.c.
 *
 * In: the render context (the timeline, the items' gains and ceilings),
 * the chunked formats. Out: per attempt, each format's loudness and true
 * peak combined from its chunks' decoded figures (chunkmeter.h) and each
 * item's decoded peak; at the end, each format's file, assembled into a
 * temporary file the caller renames into place.
 *
 * An edit costs the chunks of the items it changed: every other chunk's
 * key (its audio, gain, ceiling, pause, place on the grid) is the same as
 * in the last build, and its file is taken as it is.
 */
#ifndef PODSYNTH_RENDER_CHUNKS_H
#define PODSYNTH_RENDER_CHUNKS_H

#include <stddef.h>
#include <stdint.h>

#include "show/show.h"
#include "render_int.h"

struct chunk_outs {
	int n;
	enum audio_format fmt[FMT_COUNT];
	int kbps[FMT_COUNT];
	const char *path[FMT_COUNT];   /* the published file, for messages */
	uint32_t serial[FMT_COUNT];    /* Opus: the Ogg serial */
};

struct render_chunks;

/* Plans the groups of c->tl for the formats; NULL reported. */
struct render_chunks *render_chunks_new(struct render_ctx *c, const struct chunk_outs *o);
/*
 * One attempt: every group's chunks found or encoded (on c->jobs threads)
 * at the items' current gains and ceilings; lufs[k] and peak[k] are
 * format k's decoded figures, and c->item_peak is raised to each group's
 * decoded peak. progress (may be NULL) is called on this thread. 0, or -1
 * reported.
 */
int render_chunks_attempt(struct render_chunks *r, double *lufs, double *peak,
			  void (*progress)(void *ud, double done_s, double total_s, int pass),
			  void *ud, int pass);
/*
 * Assembles format k of the last attempt into tmp: head (an ID3v2 tag for
 * MP3, an OpusTags packet for Opus) first; gain_q8 is an Opus file's
 * output gain (Q7.8 dB, oggasm.h), 0 for MP3. 0, or -1 reported.
 */
int render_chunks_assemble(struct render_chunks *r, int k, const char *tmp,
			   const unsigned char *head, size_t head_len, int16_t gain_q8);
/* Chunks of the files this build encoded, and kept from the cache. */
void render_chunks_counts(const struct render_chunks *r, int *encoded, int *kept);
/*
 * Groups [from, ng - 1) (every group but the last, which may grow) found or
 * made, one after another on this thread, until *stop (read atomically).
 * made(ud, path) is called for each chunk file made. Returns the index of
 * the first group not done, or -1 reported.
 */
int render_chunks_ahead(struct render_chunks *r, int from, const int *stop,
			void (*made)(void *ud, const char *path), void *ud);
/* Chunk files that count as made by this build when found in the cache
   (made(ud, path) says which); NULL: none. */
void render_chunks_made_by(struct render_chunks *r, int (*made)(void *ud, const char *path),
			   void *ud);
void render_chunks_free(struct render_chunks **r);

#endif
