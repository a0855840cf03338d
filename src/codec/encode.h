/*
 * encode.h: float PCM to an Ogg Vorbis stream (libvorbisenc + libogg).
 *
 * In: interleaved float PCM in blocks of any size, the stream's Vorbis
 * comments. Out: Ogg pages, handed to the caller's write callback as they
 * are made (nothing grows with the length of the stream).
 *
 * Rate control: the nominal bitrate picks libvorbisenc's quality (as
 * vorbis_encode_setup_managed does), then hard rate management is turned
 * off, so the encoder is VBR around that bitrate: speech gets the quality
 * the channel asked for at any sample rate and channel count, without the
 * artefacts of a bit reservoir. The Ogg serial is fixed by the caller, so
 * the same input always gives the same bytes.
 */
#ifndef PODSYNTH_ENCODE_H
#define PODSYNTH_ENCODE_H

#include <stddef.h>
#include <stdint.h>

enum enc_err {
	ENC_OK = 0,
	ENC_BAD_ARG,        /* rate, channels or bitrate not supported */
	ENC_INTERNAL,       /* libvorbis or libogg failed */
	ENC_WRITE_FAILED,   /* the write callback returned non-zero */
	ENC_CLOSE_FAILED,   /* the close callback returned non-zero */
	ENC_DRAINED,        /* audio written after enc_drain */
};

struct enc_callbacks {
	/* Writes n bytes; returns 0, or non-zero to fail (the encoder stops). */
	int (*write)(void *ud, const unsigned char *p, size_t n);
	/* Called once by enc_drain after the last page; may be NULL. */
	int (*close)(void *ud);
	/* Overwrites n bytes at offset off of what was written, then goes on
	 * at the end; 0 or non-zero. Only the MP3 encoder needs it (for its
	 * Info frame, known only at the end); may be NULL for the others. */
	int (*rewrite)(void *ud, long long off, const unsigned char *p, size_t n);
};

/* Comments: "TAG=value" pairs in the order added (tags are ASCII). */
struct enc_comments;
struct enc_comments *enc_comments_new(void);
/* Adds TAG=value; value NULL is skipped. Copies both. */
void enc_comments_add(struct enc_comments *c, const char *tag, const char *value);
void enc_comments_free(struct enc_comments **c);
/* The number of comments, and comment i's tag and value (borrowed). */
int enc_comments_count(const struct enc_comments *c);
const char *enc_comments_tag(const struct enc_comments *c, int i);
const char *enc_comments_value(const struct enc_comments *c, int i);

struct encoder;

/*
 * Starts a stream at rate and channels (1 or 2), nominal bitrate_kbps, Ogg
 * serial, with the comments (copied; ENCODER=podsynth is always added).
 * The three header packets are written at once. Returns NULL with *err set
 * on failure. The caller frees with enc_free, after enc_drain.
 */
struct encoder *enc_new(const struct enc_callbacks *cb, void *ud, int rate, int channels,
			int bitrate_kbps, uint32_t serial, const struct enc_comments *c,
			int *err);
/* Encodes n interleaved frames. ENC_OK or an error (then sticky). */
int enc_write_float(struct encoder *e, const float *pcm, long n);
/* Ends the stream: flushes the last pages, then calls close. */
int enc_drain(struct encoder *e);
/* Frees the encoder (without writing anything more). */
void enc_free(struct encoder **e);
/* A static message for an enc_err. */
const char *enc_strerror(int err);

#endif
