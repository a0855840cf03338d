/*
 * loudness.h: loudness measurement (libebur128's figures: kweight.c
 * computes them for mono and stereo, libebur128 for other channel counts)
 * and a lookahead peak limiter.
 *
 * In: interleaved float PCM in blocks of any size. Out: integrated loudness
 * (LUFS) and true peak (dBTP) of what was measured; from the limiter, the
 * same PCM with its peaks held under a ceiling, delayed by a short
 * lookahead and handed to a sink.
 *
 * Both keep a fixed amount of state however long the stream is.
 */
#ifndef PODSYNTH_LOUDNESS_H
#define PODSYNTH_LOUDNESS_H

/* ---- measurement ---- */

struct loud_meter;

enum loud_peak {
	LOUD_PEAK_NONE,
	LOUD_PEAK_SAMPLE,   /* the largest sample: nearly free */
	LOUD_PEAK_TRUE,     /* the true peak as libebur128 measures it (see loud_meter_new) */
};

/*
 * A meter of integrated loudness for rate and channels, measuring peaks as
 * asked. NULL when libebur128 refuses the format. The caller frees with
 * loud_meter_free.
 *
 * LOUD_PEAK_TRUE gives the figure libebur128 gives when it is fed every
 * frame (within float rounding, about 1e-5 dB), at a fraction of the cost:
 * truepeak.c computes libebur128's interpolator (a 49-tap windowed sinc)
 * in vectors, and leaves out the blocks that cannot matter: the
 * interpolator cannot make a value larger than the sum of its taps'
 * magnitudes (1.86 below 96 kHz) times the largest sample in its window,
 * so a block whose samples all lie that far under the true peak found so
 * far cannot raise it.
 */
struct loud_meter *loud_meter_new(int rate, int channels, enum loud_peak peak);
/*
 * The same for loud_meter_energy and the peaks only: it keeps no gating
 * blocks (cheaper), and loud_meter_lufs gives -HUGE_VAL. The caller frees
 * with loud_meter_free.
 */
struct loud_meter *loud_meter_new_windows(int rate, int channels, enum loud_peak peak);
/* A meter of the true peak alone (loud_meter_peak, loud_meter_sample_max;
 * no loudness): for frames whose loudness is measured elsewhere. */
struct loud_meter *loud_meter_new_peaks(int rate, int channels);
/*
 * A meter (no peaks) that gives two figures from one filtering: with
 * loud_meter_lufs, that of the frames added, when there are at least lead
 * of them; with loud_meter_lufs_padded, that of the frames between lead
 * frames of digital silence before and after. Each is the figure of a
 * meter of its own fed that stream (kweight.h says why). NULL when it
 * cannot (lead is not 400 ms in whole 100 ms steps, or more than two
 * channels): use two meters then. The caller frees with loud_meter_free.
 */
struct loud_meter *loud_meter_new_padded(int rate, int channels, long lead);
/* For a meter from loud_meter_new_padded: the frames' integrated loudness
 * between its lead of silence each side (-HUGE_VAL under the gates). */
double loud_meter_lufs_padded(struct loud_meter *m);
/* Adds n interleaved frames. 0, or -1 when libebur128 fails. */
int loud_meter_add(struct loud_meter *m, const float *frames, long n);
/* Integrated loudness in LUFS; -HUGE_VAL when everything was below the gate. */
double loud_meter_lufs(struct loud_meter *m);
/* The peak over all channels in dB (dBTP for LOUD_PEAK_TRUE, dBFS for
 * LOUD_PEAK_SAMPLE); -HUGE_VAL for digital silence or LOUD_PEAK_NONE. */
double loud_meter_peak(struct loud_meter *m);
/*
 * LOUD_PEAK_TRUE: from now on, every block that could reach level_db
 * (dBTP) is interpolated too, so that loud_meter_recent_peak sees every
 * value at or above that level (where it was, not just the largest).
 */
void loud_meter_watch(struct loud_meter *m, double level_db);
/* LOUD_PEAK_TRUE: the largest true peak in dBTP interpolated since the last
 * call (or the start); exact when at or above the watched level, -HUGE_VAL
 * when nothing was. */
double loud_meter_recent_peak(struct loud_meter *m);
/* LOUD_PEAK_TRUE: the largest |sample| added, linear (what a loop of fabsf
 * over every frame finds, taken from the true peak's own block maxima);
 * 0 for other kinds. */
float loud_meter_sample_max(const struct loud_meter *m);
/* The share of frames LOUD_PEAK_TRUE interpolated (0..1; 0 for other kinds). */
double loud_meter_tp_share(const struct loud_meter *m);
/*
 * The BS.1770 K-weighted mean square (channels summed) of the last ms
 * milliseconds added (at most 400; rate * ms / 1000 frames), libebur128's
 * energy for a window: 10^((L + 0.691) / 10) for its loudness L; -1 when
 * libebur128 refuses the window.
 */
double loud_meter_energy(struct loud_meter *m, unsigned long ms);
/*
 * For a two-channel meter of loud_meter_new_windows fed two mono streams as
 * its channels: each stream's loud_meter_energy, as a one-channel meter of
 * that stream alone gives it, to the bit (kweight_window_lanes), in e[0]
 * and e[1]. 0, or -1 when the window is too long.
 */
int loud_meter_energy_lanes(struct loud_meter *m, unsigned long ms, double e[2]);
/* For such a meter: n frames of each stream, a to lane 0 and b to lane 1
 * (its loudness only: no peaks). 0, or -1 when it is not such a meter. */
int loud_meter_add_lanes(struct loud_meter *m, const float *a, const float *b, long n);
void loud_meter_free(struct loud_meter **m);

/* ---- limiter ---- */

/*
 * Where the limiter's output goes: n interleaved frames. Returning non-zero
 * aborts the stream; limiter_process / limiter_drain then return that value.
 */
typedef int (*limiter_sink)(void *ud, const float *frames, long n);

/*
 * One output of a limiter: the input times gain_db, limited to ceiling_dbtp.
 * With into, the output is written straight there, from its first frame on
 * (into_frames frames at most: more fails the stream with -1), and the sink,
 * when there is one, is handed pointers into it; else the limiter gathers
 * the output in a buffer of its own for the sink.
 */
struct limiter_out {
	double gain_db;
	double ceiling_dbtp;
	limiter_sink sink;
	void *ud;
	float *into;
	long into_frames;
};

struct limiter;

/*
 * A lookahead limiter for rate and channels that holds every output sample
 * at or under the ceiling (a sample-peak limiter: the caller leaves room
 * for the peaks between samples and what a lossy codec adds). Gain moves
 * smoothly: it ramps down over the lookahead (about 5 ms) so that it has
 * reached the needed reduction when a peak arrives, holds, and recovers
 * with a release time constant of 100 ms.
 *
 * It has nouts outputs (copied from outs), each the input at its own gain
 * and ceiling: one detection pass can try several gains. Each output is the
 * input delayed by the lookahead; every input frame comes out (after
 * limiter_drain), none is added. NULL for a format it cannot take. The
 * caller frees with limiter_free.
 */
struct limiter *limiter_new(int rate, int channels, const struct limiter_out *outs, int nouts);
/* Feeds n interleaved frames. 0, or a sink's non-zero value. */
int limiter_process(struct limiter *l, const float *in, long n);
/* Pushes out everything still held back. Call once, at the end. */
int limiter_drain(struct limiter *l);
/* The deepest gain reduction output out has applied so far, in dB (<= 0). */
double limiter_max_reduction(const struct limiter *l, int out);
void limiter_free(struct limiter **l);

#endif
