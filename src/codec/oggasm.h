/*
 * oggasm.h: Opus chunks (chunk.h) spliced into one Ogg Opus stream.
 *
 * In: the Ogg serial, the caller's OpusTags packet (bytes, as RFC 7845
 * section 5.2 lays it out), the timeline's length and rate, then every
 * chunk in timeline order. Out: Ogg pages through the write callback as
 * they fill (libogg): one logical stream, OpusHead with the pre-skip once,
 * OpusTags, then the chunks' packets, every page's sequence number,
 * granule position and CRC made for this stream. The last page's granule
 * position ends the audio at the timeline's last sample. Memory does not
 * grow with the stream.
 */
#ifndef PODSYNTH_OGGASM_H
#define PODSYNTH_OGGASM_H

#include <stddef.h>
#include <stdint.h>

#include "chunk.h"

struct oggasm_callbacks {
	/* Appends n bytes; returns 0, or non-zero to fail. */
	int (*write)(void *ud, const unsigned char *p, size_t n);
};

struct oggasm;

/*
 * Starts a stream for chunks made with p, total_samples long (at p->rate).
 * The header pages are written at once. NULL with *err set on failure; the
 * caller frees with oggasm_free, after oggasm_finish.
 */
struct oggasm *oggasm_new(const struct oggasm_callbacks *cb, void *ud,
			  const struct chunk_params *p, int64_t total_samples,
			  uint32_t serial, const unsigned char *tags, size_t tags_len,
			  int *err);
/*
 * The same with an output gain in the OpusHead (RFC 7845 section 5.1: a
 * Q7.8 number of dB that every decoder applies to what it decodes; 0 is
 * none): a whole file made louder or quieter without encoding it again.
 */
struct oggasm *oggasm_new_gain(const struct oggasm_callbacks *cb, void *ud,
			       const struct chunk_params *p, int64_t total_samples,
			       uint32_t serial, const unsigned char *tags, size_t tags_len,
			       int16_t gain_q8, int *err);
/* Appends the next chunk's packets. CHUNK_OK or an error (then sticky). */
int oggasm_add(struct oggasm *a, const struct chunk *c);
/* Checks the packet count, ends the stream, writes the last pages. */
int oggasm_finish(struct oggasm *a);
void oggasm_free(struct oggasm **a);
/* An OpusTags packet: vendor and "TAG=value" comments; the caller frees. */
unsigned char *oggasm_tags(const char *vendor, const char *const *comments, int n,
			   size_t *len);

#endif
