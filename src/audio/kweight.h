/*
 * kweight.h: the BS.1770 K-weighted loudness of a mono or stereo stream,
 * written for the purpose: the same arithmetic as libebur128 (1.2.6, mode
 * I with its histogram), so the figures are libebur128's to the last bit,
 * with the filter state in registers (stereo: both channels in one SSE
 * vector of doubles) and the squares of the filtered samples shared by the
 * gating blocks of a turn of the ring, where libebur128 squares and sums
 * every sample four times.
 *
 * In: interleaved float frames, in pieces of any size. Out: the integrated
 * loudness (absolute gate -70 LUFS, relative gate -10 LU, 400 ms blocks
 * every 100 ms, libebur128's histogram of 0.1 LU bins) and the K-weighted
 * mean square of the last milliseconds added (libebur128's window).
 */
#ifndef PODSYNTH_KWEIGHT_H
#define PODSYNTH_KWEIGHT_H

struct kweight;

/*
 * A meter for rate (16 Hz .. 2.8 MHz, as libebur128) and channels (1 or
 * 2): NULL otherwise. With gating 0 it keeps no gating blocks (only
 * kweight_window is of use; kweight_lufs gives -HUGE_VAL), which saves
 * their sums. The caller frees with kweight_free.
 */
struct kweight *kweight_new(int rate, int channels, int gating);
/* Adds n interleaved frames. */
void kweight_add(struct kweight *k, const float *frames, long n);
/* Integrated loudness in LUFS, exactly ebur128_loudness_global's figure;
 * -HUGE_VAL when every block was under the gates. */
double kweight_lufs(const struct kweight *k);
/*
 * A gating meter that also measures its frames between lead frames of
 * digital silence before and after, from the same filtering: NULL unless
 * lead is the length of its ring (400 ms in whole 100 ms steps: the rate a
 * multiple of 10). The caller frees with kweight_free.
 *
 * Why it is exact: a meter fed the silence first has its filter at rest
 * and a ring of zeros when the frames start, the ring turned exactly once;
 * from the fourth 100 ms step of the frames on it sums the same squares in
 * the same order as a meter fed the frames alone, and before, its blocks
 * add zeros for the silence (which changes no sum). So the blocks it sees
 * are the plain meter's, and three more at the start, counted apart.
 */
struct kweight *kweight_new_lead(int rate, int channels, long lead);
/* For a meter from kweight_new_lead: the integrated loudness of the frames
 * added with its lead of silence before and after (k unchanged, and
 * kweight_lufs is still that of the frames alone). */
double kweight_lufs_padded(const struct kweight *k);
/* The K-weighted mean square (channels summed) of the last ms milliseconds
 * (rate * ms / 1000 frames, at most the 400 ms kept), exactly the energy
 * behind ebur128_loudness_window: -1 when ms is too long. */
double kweight_window(const struct kweight *k, unsigned long ms);
/*
 * For a two-channel meter fed two mono streams as its channels (lane c,
 * channel c): kweight_window of each stream alone, e[c], to the bit. Each
 * lane is filtered, squared and summed with the mono meter's operations in
 * the mono meter's order (the two lanes in one SSE vector of doubles), and
 * the mono window is its one channel's sum over the frames. -1 (both) when
 * ms is too long or the meter is not of two channels.
 */
void kweight_window_lanes(const struct kweight *k, unsigned long ms, double e[2]);
/* For such a meter: adds n frames of each stream, a to lane 0 and b to
 * lane 1 (as kweight_add of the frames interleaved); nothing when the
 * meter is not of two channels. */
void kweight_add_lanes(struct kweight *k, const float *a, const float *b, long n);
void kweight_free(struct kweight **k);

#endif
