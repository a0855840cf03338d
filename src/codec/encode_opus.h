/*
 * encode_opus.h: float PCM to an Ogg Opus stream (libopusenc), with the
 * episode's Vorbis comments (chapters included) and cover picture.
 *
 * In: interleaved float PCM at any rate (libopusenc resamples to Opus's
 * 48 kHz), comments, picture. Out: Ogg pages through the caller's write
 * callback as they are made. VBR around the nominal bitrate. The Ogg
 * serial is fixed by the caller, so the same input gives the same bytes.
 * Errors are enc_err (encode.h).
 */
#ifndef PODSYNTH_ENCODE_OPUS_H
#define PODSYNTH_ENCODE_OPUS_H

#include <stddef.h>
#include <stdint.h>

#include "encode.h"

struct opus_enc;

/*
 * Starts a stream at rate and channels (1 or 2), kbps nominal, Ogg serial,
 * with comments c (copied; may be NULL) and picture (PNG or JPEG bytes,
 * copied; may be NULL). NULL with *err set on failure. The caller frees
 * with opusenc_free, after opusenc_drain.
 */
struct opus_enc *opusenc_new(const struct enc_callbacks *cb, void *ud, int rate, int channels,
			     int kbps, uint32_t serial, const struct enc_comments *c,
			     const unsigned char *picture, size_t picture_len, int *err);
/* Encodes n interleaved frames. ENC_OK or an error (then sticky). */
int opusenc_write_float(struct opus_enc *e, const float *pcm, long n);
/* Ends the stream: flushes the last pages, then calls close. */
int opusenc_drain(struct opus_enc *e);
void opusenc_free(struct opus_enc **e);

#endif
