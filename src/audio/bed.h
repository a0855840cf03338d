/*
 * bed.h: the music bed, mixed under the episode and ducked under voices.
 *
 * In: the bed settings (a file libsndfile reads, or the built-in pad), the
 * output format and loudness target, the stretches of the timeline where
 * the bed plays and where voices speak (output frames). Out: the bed's
 * samples added to the mixed stream, block by block, after each item has
 * been levelled, so that the loudness and true peak measured on the
 * episode count the bed.
 *
 * Ducking is keyed by the timeline itself: the mixer knows where every
 * voice starts and stops, so the bed starts to duck `attack` ms before the
 * first word (never over it), stays down while the voice goes on (gaps
 * shorter than `hold` included), and comes back over `release` ms after.
 */
#ifndef PODSYNTH_BED_H
#define PODSYNTH_BED_H

#include <stdint.h>

#include "show/show.h"

struct bed;

/*
 * Loads (or synthesises) the bed for rate and channels and finds the gain
 * that puts it, alone, at target_lufs + s->level. NULL when the file
 * cannot be read or holds silence (reported, naming the setting). The
 * caller frees with bed_free.
 */
struct bed *bed_new(const struct bed_settings *s, int rate, int channels, double target_lufs);
/* The bed plays from frame start to end (fading in and out there). */
void bed_play(struct bed *b, int64_t start, int64_t end);
/* A voice speaks from frame start to end. */
void bed_voice(struct bed *b, int64_t start, int64_t end);
/* Call once after the last bed_play / bed_voice, before mixing. */
void bed_ready(struct bed *b);
/* Adds the bed to n interleaved frames that start at frame pos of the episode. */
void bed_mix(const struct bed *b, float *frames, long n, int64_t pos);
/*
 * The bed's gain at frame pos in dB, relative to its level alone: 0 in the
 * clear, -duck under a voice, lower in fades; -HUGE_VAL where it does not
 * play.
 */
double bed_gain_db(const struct bed *b, int64_t pos);
void bed_free(struct bed **b);

/*
 * The built-in pad, mono, at rate: a slow loop of four soft chords, a few
 * sine partials each with a slow beat (a softer copy 1/8 to 3/8 Hz up),
 * seamless over PAD_SECONDS. Writes n
 * samples from frame offset (of the loop) into out.
 */
#define PAD_SECONDS 16
void bed_pad_render(int rate, int64_t offset, float *out, long n);
/* Frame k of the pad computed directly (a sin() per partial): the
 * reference bed_pad_render keeps to, within 1e-9 (tests/unit/test_bed.c). */
double bed_pad_sample(int rate, int64_t k);

#endif
