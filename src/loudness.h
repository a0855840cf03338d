/*
 * loudness.h: loudness measurement (libebur128) and a true-peak limiter.
 *
 * In: interleaved float PCM in blocks of any size. Out: integrated loudness
 * (LUFS) and true peak (dBTP) of what was measured; from the limiter, the
 * same PCM with its true peaks held under a ceiling, delayed by a short
 * lookahead and handed to a sink.
 *
 * Both keep a fixed amount of state however long the stream is.
 */
#ifndef PODSYNTH_LOUDNESS_H
#define PODSYNTH_LOUDNESS_H

/* ---- measurement ---- */

struct loud_meter;

/*
 * A meter for rate and channels (1 or 2). With true_peak nonzero it also
 * measures the true peak (costs about as much again). NULL when libebur128
 * refuses the format. The caller frees with loud_meter_free.
 */
struct loud_meter *loud_meter_new(int rate, int channels, int true_peak);
/* Adds n interleaved frames. 0, or -1 when libebur128 fails. */
int loud_meter_add(struct loud_meter *m, const float *frames, long n);
/* Integrated loudness in LUFS; -HUGE_VAL when everything was below the gate. */
double loud_meter_lufs(struct loud_meter *m);
/* True peak in dBTP over all channels; -HUGE_VAL for digital silence or
 * when the meter was made without true_peak. */
double loud_meter_true_peak(struct loud_meter *m);
void loud_meter_free(struct loud_meter **m);

/* ---- limiter ---- */

/*
 * Where the limiter's output goes: n interleaved frames. Returning non-zero
 * aborts the stream; limiter_process / limiter_drain then return that value.
 */
typedef int (*limiter_sink)(void *ud, const float *frames, long n);

struct limiter;

/*
 * A lookahead limiter for rate and channels whose detector is libebur128's
 * true-peak measure on short chunks. Gain moves smoothly: it ramps down over
 * the lookahead (about 5 ms) so that it has reached the needed reduction when
 * a peak arrives, holds, and recovers with a release of about 150 ms. Output
 * is the input delayed by the lookahead; every input frame comes out (after
 * limiter_drain), none is added. NULL when libebur128 refuses the format.
 * The caller frees with limiter_free.
 */
struct limiter *limiter_new(int rate, int channels, double ceiling_dbtp,
			    limiter_sink sink, void *ud);
/* Feeds n interleaved frames. 0, the sink's non-zero value, or -1 (libebur128). */
int limiter_process(struct limiter *l, const float *in, long n);
/* Pushes out everything still held back. Call once, at the end. */
int limiter_drain(struct limiter *l);
/* The deepest gain reduction applied so far, in dB (<= 0). */
double limiter_max_reduction(const struct limiter *l);
void limiter_free(struct limiter **l);

#endif
