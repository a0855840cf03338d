/*
 * chunkmeter.h: each encoded chunk (chunk.h) decoded once, alone, and
 * measured; the file's integrated loudness and true peak combined from
 * its chunks' figures.
 *
 * In: a chunk's frames (the very bytes an assembler splices into the
 * file). Out: its struct chunk_figures (c->fig): true and sample peak, and
 * the K-weighted energy of every CHUNK_METER_UNIT_MS of decoded audio.
 * Then, over the chunks of a file in order, the BS.1770-4 integrated
 * loudness of the whole file and its true peak, as a meter fed the whole
 * decoded file would find them, without decoding it again.
 *
 * Why short units and not the 400 ms gating blocks themselves: a chunk is
 * used wherever its item lands on the frame grid (an item that moves by
 * whole frames keeps its chunk), but the gating blocks lie on the file's
 * own 100 ms grid. The units are placed on that grid when the file is
 * put together (chunk_loud_add), each unit's energy shared between the
 * 100 ms steps it straddles in proportion to its frames in each.
 */
#ifndef PODSYNTH_CHUNKMETER_H
#define PODSYNTH_CHUNKMETER_H

#include <stdint.h>

#include "chunk.h"

/* Milliseconds of decoded audio per energy unit. */
#define CHUNK_METER_UNIT_MS 10

/*
 * Decodes c's frames alone, as a player would (MP3: libmpg123, no gapless
 * trimming, at the MP3's rate; Opus: libopus at 48 kHz, one packet per
 * c->sizes entry), meters them and sets c->fig (replacing any figures it
 * had). CHUNK_OK, CHUNK_UNDECODABLE when a frame does not decode or does
 * not give its frame's samples, CHUNK_INTERNAL when a library fails; c->fig
 * is then NULL. Thread-safe: chunks may be measured in parallel.
 */
int chunk_measure(struct chunk *c);

/*
 * chunk_measure in two steps, so that two chunks' energies can come from
 * one K-weighting filter of two lanes (kweight.h: each lane's figures are
 * a one-channel meter's, to the bit), and a chunk's true peak is known
 * before the other is made. chunk_decode decodes c as chunk_measure does
 * and measures its peaks (chunk_decoded_true_peak), keeping the decoded
 * frames in *d, which it makes when *d is NULL and else reuses (its
 * buffer kept from one chunk to the next); c->fig is NULL until the next
 * step. CHUNK_OK, or chunk_measure's errors. Thread-safe as chunk_measure
 * (one *d per thread at a time). The caller frees *d with
 * chunk_decoded_free.
 */
struct chunk_decoded;
int chunk_decode(struct chunk *c, struct chunk_decoded **d);
double chunk_decoded_true_peak(const struct chunk_decoded *d);
/*
 * Sets the figures of a's chunk, and of b's when b is not NULL (each
 * decoded by chunk_decode, and still alive), the same figures
 * chunk_measure gives: both chunks' energies from the two lanes of one
 * filter when both are mono at one rate, else each from its own. a and b
 * can then decode other chunks. CHUNK_OK, CHUNK_BAD_ARG (one holds no
 * chunk), or CHUNK_INTERNAL (no figures set).
 */
int chunk_measure_finish(struct chunk_decoded *a, struct chunk_decoded *b);
/* Frees d (NULL: nothing); sets *d to NULL. */
void chunk_decoded_free(struct chunk_decoded **d);

/*
 * Figures of n interleaved frames of PCM at rate, as chunk_measure makes
 * them from decoded audio (for tests and for PCM that is not encoded).
 * NULL when libebur128 refuses the format; the caller frees the figures
 * with chunk_figures_free.
 */
struct chunk_figures *chunk_figures_of_pcm(const float *pcm, int64_t n, int rate, int channels);

struct chunk_loud;

/*
 * A combiner for the chunks of one file made with p, total_samples long at
 * p->rate (as given to mp3asm_new or oggasm_new). NULL for parameters the
 * chunks cannot have. The caller frees with chunk_loud_free. Memory: 8
 * bytes per 100 ms of the file.
 */
struct chunk_loud *chunk_loud_new(const struct chunk_params *p, int64_t total_samples);
/*
 * Adds the next chunk's figures, in timeline order (the chunk's place in
 * the file is where the previous one ended). CHUNK_OK, or CHUNK_MISMATCH
 * when f is NULL or made at another rate.
 */
int chunk_loud_add(struct chunk_loud *a, const struct chunk_figures *f);
/*
 * Integrated loudness (LUFS) of the file: BS.1770-4 gating over the 400 ms
 * blocks of every 100 ms of it. -HUGE_VAL when every block is under the
 * absolute gate, or the file is shorter than one block.
 */
double chunk_loud_lufs(const struct chunk_loud *a);
/* The largest true peak (dBTP) and sample peak (dBFS) of the chunks added;
 * -HUGE_VAL for digital silence. */
double chunk_loud_true_peak(const struct chunk_loud *a);
double chunk_loud_sample_peak(const struct chunk_loud *a);
/* Decoded frames added so far, at the decoder's rate (the file's length
 * plus the codec's delay and padding once every chunk is in). */
int64_t chunk_loud_frames(const struct chunk_loud *a);
void chunk_loud_free(struct chunk_loud **a);

#endif
