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

enum loud_peak {
	LOUD_PEAK_NONE,
	LOUD_PEAK_SAMPLE,   /* the largest sample: nearly free */
	LOUD_PEAK_TRUE,     /* libebur128's true peak: costs several times the loudness */
};

/*
 * A meter of integrated loudness for rate and channels, measuring peaks as
 * asked. NULL when libebur128 refuses the format. The caller frees with
 * loud_meter_free.
 */
struct loud_meter *loud_meter_new(int rate, int channels, enum loud_peak peak);
/* Adds n interleaved frames. 0, or -1 when libebur128 fails. */
int loud_meter_add(struct loud_meter *m, const float *frames, long n);
/* Integrated loudness in LUFS; -HUGE_VAL when everything was below the gate. */
double loud_meter_lufs(struct loud_meter *m);
/* The peak over all channels in dB (dBTP for LOUD_PEAK_TRUE, dBFS for
 * LOUD_PEAK_SAMPLE); -HUGE_VAL for digital silence or LOUD_PEAK_NONE. */
double loud_meter_peak(struct loud_meter *m);
void loud_meter_free(struct loud_meter **m);

/* ---- limiter ---- */

/*
 * Where the limiter's output goes: n interleaved frames. Returning non-zero
 * aborts the stream; limiter_process / limiter_drain then return that value.
 */
typedef int (*limiter_sink)(void *ud, const float *frames, long n);

/* One output of a limiter: the input times gain_db, limited to ceiling_dbtp. */
struct limiter_out {
	double gain_db;
	double ceiling_dbtp;
	limiter_sink sink;
	void *ud;
};

struct limiter;

/*
 * A lookahead limiter for rate and channels whose detector is libebur128's
 * true-peak measure on short chunks. Gain moves smoothly: it ramps down over
 * the lookahead (about 5 ms) so that it has reached the needed reduction when
 * a peak arrives, holds, and recovers with a release time constant of 100 ms.
 *
 * It has nouts outputs (copied from outs), each the input at its own gain
 * and ceiling: one detection pass can try several gains. Each output is the
 * input delayed by the lookahead; every input frame comes out (after
 * limiter_drain), none is added. NULL when libebur128 refuses the format.
 * The caller frees with limiter_free.
 */
struct limiter *limiter_new(int rate, int channels, const struct limiter_out *outs, int nouts);
/* Feeds n interleaved frames. 0, a sink's non-zero value, or -1 (libebur128). */
int limiter_process(struct limiter *l, const float *in, long n);
/* Pushes out everything still held back. Call once, at the end. */
int limiter_drain(struct limiter *l);
/* The deepest gain reduction output out has applied so far, in dB (<= 0). */
double limiter_max_reduction(const struct limiter *l, int out);
void limiter_free(struct limiter **l);

#endif
