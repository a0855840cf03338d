/*
 * truepeak.h: the true peak of a stream (ITU-R BS.1770-4 annex 2), by a
 * polyphase oversampler written for the purpose: libebur128's interpolator
 * (a 49-tap Hann-windowed sinc, 4x below 96 kHz, 2x below 192 kHz, none
 * above), with the same taps, computed in blocks with the compiler's vector
 * types instead of one tap and one sample at a time.
 *
 * In: interleaved float frames, in blocks of any size. Out: the largest
 * magnitude among the interpolated values, which are the values libebur128
 * computes for the same frames (within float rounding: it sums in double,
 * this in float; tests/unit/test_loudness.c holds the two within 0.05 dB,
 * in practice 1e-5 dB).
 */
#ifndef PODSYNTH_TRUEPEAK_H
#define PODSYNTH_TRUEPEAK_H

#include <stddef.h>

struct truepeak;

/* An oversampler for rate and channels (1..8); NULL when either is out of
 * range. The caller frees with truepeak_free. */
struct truepeak *truepeak_new(int rate, int channels);

/*
 * Adds n interleaved frames, and raises *max (linear) to the largest
 * magnitude interpolated at their times. Values are computed in blocks;
 * a block whose every interpolated value is provably at most min(*max,
 * watch) (the interpolator's largest gain times the largest sample in its
 * window) is not interpolated, since it can neither raise *max nor reach
 * the watched level. Returns the largest value computed in this call (0
 * when none was): exact whenever it is above min(*max, watch). With watch
 * = HUGE_VAL, *max ends exactly as if every value had been computed.
 */
double truepeak_add(struct truepeak *t, const float *x, long n, double watch, double *max);

/* The largest magnitude among the samples added so far (0 before any):
 * the block maxima truepeak_add takes anyway, so a meter that wants the
 * sample peak too need not scan the frames again. */
float truepeak_sample_max(const struct truepeak *t);

/* Frames interpolated so far, and frames added. */
void truepeak_counts(const struct truepeak *t, long long *interpolated, long long *added);

void truepeak_free(struct truepeak **t);

/* The largest magnitude among the n floats at x (0 when n is 0), in the
 * compiler's vector types: the value a plain loop of fabsf finds. */
float truepeak_absmax(const float *x, size_t n);

#endif
