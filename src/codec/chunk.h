/*
 * chunk.h: one timeline item encoded on its own, as a run of whole MP3
 * frames or Opus packets that an assembler (mp3asm.h, oggasm.h) splices
 * with its neighbours into one file, frame for frame as if one encoder had
 * made it.
 *
 * In: float PCM of one item (with the pause after it) and where the item
 * starts on the timeline. Out: a struct chunk: the encoded bytes, the size
 * of every frame or packet, and the sample counts.
 *
 * The grid. The whole file is a run of frames on a fixed grid: frame k
 * decodes to the timeline's samples [k*U - D, (k+1)*U - D), where U is the
 * frame length in timeline samples (MP3: 1152 or 576; Opus: 20 ms, so the
 * rate must be a multiple of 50) and D the codec's delay (MP3: LAME's 576
 * plus the decoder's 529; Opus: the encoder's lookahead, the pre-skip).
 * An item starting at timeline sample S owns the frames from
 * k0 = floor(S / U) - 2 (2 frames of margin inside the pause before it) up
 * to the next item's k0; the first item owns the frames from 0, the last
 * all frames up to the end of the timeline plus D.
 *
 * Boundaries fall in silence. A chunk is made by a fresh encoder that is
 * given zeros before its item: what really comes there is the end of the
 * pause before it, so the chunk needs the previous item to end in enough
 * silence, and says so: chunk_encode refuses (CHUNK_NOT_QUIET) an item
 * that is followed by another but whose last chunk_span.quiet_from..end
 * samples are not quiet (|x| <= 1/32768). The caller then merges the item
 * with the next one into a single chunk.
 *
 *  - MP3 (libmp3lame, CBR): the fresh encoder starts on the grid at
 *    k0*U, so its first frame is frame k0 and has no bit reservoir behind
 *    it (main_data_begin 0); its frames after the next item's k0 are
 *    dropped (a frame's data never lies in a later frame).
 *  - Opus (libopus; libsoxr to 48 kHz): the fresh encoder starts 3
 *    packets early (a lead-in of the pause's silence), and those packets
 *    are dropped, so its state at the first kept packet is the state of an
 *    encoder that had been coding silence, as the whole-file decoder's is.
 *
 * A chunk's bytes depend only on its PCM, S mod U, whether it is first or
 * last, and the settings: an item that moves by whole frames keeps its
 * chunk. Encoding is deterministic: the same input gives the same bytes.
 */
#ifndef PODSYNTH_CHUNK_H
#define PODSYNTH_CHUNK_H

#include <stddef.h>
#include <stdint.h>

enum chunk_format {
	CHUNK_MP3 = 1,
	CHUNK_OPUS = 2,
};

enum chunk_err {
	CHUNK_OK = 0,
	CHUNK_BAD_ARG,       /* rate, channels, bitrate or span not supported */
	CHUNK_NOT_QUIET,     /* the item's end is not silent for long enough */
	CHUNK_INTERNAL,      /* libmp3lame, libopus or libsoxr failed */
	CHUNK_WRITE_FAILED,  /* a write callback returned non-zero */
	CHUNK_MISMATCH,      /* chunks or totals do not fit together */
	CHUNK_DRAINED,       /* used after it was finished */
	CHUNK_UNDECODABLE,   /* chunk_measure: a frame does not decode */
};

struct chunk_params {
	enum chunk_format format;
	int rate;            /* timeline sample rate, Hz */
	int channels;        /* 1 or 2 */
	int bitrate;         /* kbit/s: MP3 CBR, Opus VBR target */
	double top_hz;       /* the highest frequency the PCM holds, Hz; 0 when
				not known (the whole band). Opus: at most 8000
				(a 16 kHz voice) is coded wideband, anything
				else superwideband (chunk_opus_bandwidth) */
};

/* Where one chunk sits on the grid; made by chunk_span_make. */
struct chunk_span {
	int64_t start;       /* S: the item's first timeline sample */
	int64_t length;      /* the item's samples, its pause included */
	int first, last;     /* first or last item of the timeline */
	int64_t unit;        /* U, timeline samples per frame */
	int64_t k0;          /* first frame of the chunk on the grid */
	int64_t nframes;     /* frames the chunk holds */
	int64_t lead;        /* frames encoded before k0 and dropped */
	int64_t quiet_from;  /* timeline sample from which the item must be quiet
				(not last); start + length when nothing is needed */
};

/*
 * Places an item of length samples at timeline sample start. 0, or -1
 * (CHUNK_BAD_ARG) when the parameters or the span cannot be encoded.
 */
int chunk_span_make(const struct chunk_params *p, int64_t start, int64_t length,
		    int first, int last, struct chunk_span *s);
/* The codec's delay D in timeline samples (rounded up for Opus). */
int64_t chunk_delay(const struct chunk_params *p);

/*
 * What chunk_measure (chunkmeter.h) finds when it decodes a chunk alone, as
 * a player decodes the file: kept with the chunk in the cache, so that the
 * file's loudness and true peak are combined from its chunks' figures
 * (chunk_loud_*) without decoding the file again.
 */
struct chunk_figures {
	double true_peak;    /* dBTP of the chunk decoded alone; -HUGE_VAL for
				digital silence */
	double sample_peak;  /* dBFS, likewise */
	int rate;            /* the decoder's rate: the MP3's, or 48000 */
	int64_t decoded;     /* frames decoded: nframes * frame_samples */
	int unit;            /* frames per energy unit (CHUNK_METER_UNIT_MS) */
	uint32_t nunits;     /* ceil(decoded / unit) */
	float *energy;       /* BS.1770 K-weighted mean square (libebur128's
				energy, channels summed) of each run of unit
				decoded frames; the last one padded with
				silence to a whole unit */
};

struct chunk {
	enum chunk_format format;
	int rate, channels, bitrate;
	int frame_samples;   /* samples per frame in the codec's domain
				(MP3: timeline rate; Opus: 48 kHz) */
	int64_t start_mod;   /* the span's start mod unit, for checks */
	int first, last;
	uint32_t nframes;
	uint32_t *sizes;     /* bytes of each frame, nframes of them */
	unsigned char *data; /* the frames back to back */
	size_t len;          /* sum of sizes */
	struct chunk_figures *fig; /* NULL until chunk_measure; owned by the
				      chunk, freed by chunk_free */
};

/*
 * Encodes n = span->length interleaved frames of pcm as the chunk of span.
 * On CHUNK_OK *out is a new chunk the caller frees with chunk_free.
 * Thread-safe: chunks may be encoded in parallel (call chunk_init once
 * first, before any thread starts).
 */
int chunk_encode(const struct chunk_params *p, const struct chunk_span *span,
		 const float *pcm, struct chunk **out);
/* Warms the codec libraries' global tables; call once, single-threaded. */
void chunk_init(void);
/* Frees c with its frames and figures; sets *c to NULL. */
void chunk_free(struct chunk **c);
/* Frees f and its energies; sets *f to NULL. */
void chunk_figures_free(struct chunk_figures **f);
/* A static message for a chunk_err. */
const char *chunk_strerror(int err);

/*
 * The cache key of a chunk, 32 hex digits + NUL: audio_id names the item's
 * PCM exactly as given to chunk_encode (the caller hashes its audio, gain,
 * limiter and pause into it); the key adds the format, its settings, the
 * codec libraries' versions, start mod U, length, first and last.
 */
void chunk_key(const struct chunk_params *p, const struct chunk_span *s,
	       const char *audio_id, char out[33]);

/* Internal to the chunk encoders (mp3chunk.c, opuschunk.c). */
int chunk_encode_mp3(const struct chunk_params *p, const struct chunk_span *s,
		     const float *pcm, struct chunk *c);
int chunk_encode_opus(const struct chunk_params *p, const struct chunk_span *s,
		      const float *pcm, struct chunk *c);
int64_t chunk_opus_lookahead(void); /* Opus pre-skip at 48 kHz */
int chunk_opus_bandwidth(const struct chunk_params *p); /* OPUS_BANDWIDTH_* */
int chunk_mp3_framesize(int rate);  /* samples per MP3 frame at rate */
/* Bytes of the MP3 frame whose header is h[0..3], or 0 when h is not one. */
int chunk_mp3_frame_len(const unsigned char h[4]);

#endif
