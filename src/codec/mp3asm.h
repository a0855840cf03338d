/*
 * mp3asm.h: MP3 chunks (chunk.h) spliced into one MP3 file.
 *
 * In: the caller's ID3v2 tag (bytes, written as they are), the timeline's
 * length, then every chunk in timeline order. Out: the file through the
 * caller's callbacks: the tag, one Info frame (made by libmp3lame for the
 * same settings, then given the whole file's frame count, byte count,
 * seek table, encoder delay and padding, music length and both CRCs), then
 * the chunks' frames. Memory does not grow with the file: the Info frame
 * is written first as a placeholder and rewritten in place at the end.
 */
#ifndef PODSYNTH_MP3ASM_H
#define PODSYNTH_MP3ASM_H

#include <stddef.h>
#include <stdint.h>

#include "chunk.h"

struct mp3asm_callbacks {
	/* Appends n bytes; returns 0, or non-zero to fail. */
	int (*write)(void *ud, const unsigned char *p, size_t n);
	/* Overwrites n bytes at offset off (from the start of the output,
	   already written); returns 0, or non-zero to fail. */
	int (*rewrite)(void *ud, uint64_t off, const unsigned char *p, size_t n);
};

struct mp3asm;

/*
 * Starts a file for chunks made with p, total_samples long. id3 (may be
 * NULL) is copied out at once. NULL with *err set on failure; the caller
 * frees with mp3asm_free, after mp3asm_finish.
 */
struct mp3asm *mp3asm_new(const struct mp3asm_callbacks *cb, void *ud,
			  const struct chunk_params *p, int64_t total_samples,
			  const unsigned char *id3, size_t id3_len, int *err);
/* Appends the next chunk's frames. CHUNK_OK or an error (then sticky). */
int mp3asm_add(struct mp3asm *a, const struct chunk *c);
/* Checks the frame count is the timeline's, rewrites the Info frame. */
int mp3asm_finish(struct mp3asm *a);
void mp3asm_free(struct mp3asm **a);
/* Frames the file holds for total_samples (the Info frame not counted). */
int64_t mp3asm_frames_for(const struct chunk_params *p, int64_t total_samples);
/* CRC-16 as the LAME tag uses it (polynomial 0x8005, reflected, from crc). */
uint16_t mp3asm_crc16(uint16_t crc, const unsigned char *p, size_t n);

#endif
