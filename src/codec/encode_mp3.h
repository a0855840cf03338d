/*
 * encode_mp3.h: float PCM to an MP3 stream (libmp3lame), constant bitrate,
 * with the Info frame and LAME tag that give players the exact length and
 * gapless playback.
 *
 * In: interleaved float PCM in blocks of any size, the ID3v2 tag to put
 * first (id3.h makes it). Out: bytes, through the caller's write callback
 * as they are made; at the end the Info frame (written as an empty frame
 * first, as LAME does) is written again in place through the rewrite
 * callback, which therefore is required. Errors are enc_err (encode.h).
 */
#ifndef PODSYNTH_ENCODE_MP3_H
#define PODSYNTH_ENCODE_MP3_H

#include <stddef.h>

#include "encode.h"

struct mp3_encoder;

/*
 * Starts a stream at rate (an MP3 rate) and channels (1 or 2), kbps
 * constant bitrate, headed by the tag (copied; may be NULL), which is
 * written at once. NULL with *err set on failure. The caller frees with
 * mp3enc_free, after mp3enc_drain.
 */
struct mp3_encoder *mp3enc_new(const struct enc_callbacks *cb, void *ud, int rate, int channels,
			       int kbps, const unsigned char *tag, size_t tag_len, int *err);
/* Encodes n interleaved frames. ENC_OK or an error (then sticky). */
int mp3enc_write_float(struct mp3_encoder *e, const float *pcm, long n);
/* Ends the stream: the last frames, the Info frame in place, then close. */
int mp3enc_drain(struct mp3_encoder *e);
void mp3enc_free(struct mp3_encoder **e);
/*
 * The encoder's delay plus the usual decoder's (529), in frames. A decoder
 * fed the stream as it is written (before the Info frame is final) skips
 * the tag and the first (Info) frame, then this many decoded frames, and
 * keeps as many frames as were written: what a gapless player plays.
 */
int mp3enc_delay(const struct mp3_encoder *e);

/* The length in bytes of the MPEG audio Layer III frame whose 4-byte
 * header is h, or 0 when h is not such a header. */
size_t mp3_frame_bytes(const unsigned char h[4]);

#endif
