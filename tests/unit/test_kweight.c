/*
 * test_kweight.c: the K-weighted loudness podsynth computes itself
 * (src/audio/kweight.c, through loudness.h's meter) against libebur128 fed
 * the same frames in the same pieces: the integrated loudness, the energy
 * of the last 10, 100 and 400 ms (libebur128's window), the sample peak.
 * kweight.c does libebur128's arithmetic, so the figures must be the same
 * bits, not merely close; the tests print the largest difference seen.
 *
 * The signals: the EBU Tech 3341 cases 1-5 (stereo 1 kHz sines; the
 * reference figures themselves are test_loudness's), speech-like audio at
 * 22.05, 44.1, 48 and 96 kHz mono and stereo, and random signals (noise,
 * tones, digital silence long enough for the filter's state to decay
 * under DBL_MIN, pieces of random length), at a rate whose ring is not 4
 * steps of 100 ms (libebur128's general case).
 */
#include <ebur128.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "speechlike.h"
#include "audio/loudness.h"
#include "core/util.h"

/* The largest difference seen between the two, over all cases. */
static double worst_lufs, worst_energy;
static long compared_energy;

/* Same figure: equal, or both not finite the same way. */
static int same(double a, double b)
{
	return a == b || (isnan(a) && isnan(b));
}

static void note(double *worst, double a, double b)
{
	double d = fabs(a - b);
	if (isfinite(d) && d > *worst)
		*worst = d;
	else if (!isfinite(d) && !same(a, b))
		*worst = HUGE_VAL;
}

/* libebur128's energy of the last ms, through the window's loudness as loudness.c does. */
static double lib_energy(ebur128_state *st, unsigned long ms)
{
	double l;
	if (ebur128_loudness_window(st, ms, &l) != EBUR128_SUCCESS)
		return -1;
	return isfinite(l) ? pow(10, (l + 0.691) / 10) : 0.0;
}

struct run {
	struct loud_meter *m, *w;       /* the meter, and one without gating blocks */
	ebur128_state *ref;
	int channels;
	int energy_bad;
};

static int run_start(struct run *r, int rate, int channels)
{
	r->channels = channels;
	r->energy_bad = 0;
	r->m = loud_meter_new(rate, channels, LOUD_PEAK_SAMPLE);
	r->w = loud_meter_new_windows(rate, channels, LOUD_PEAK_NONE);
	r->ref = ebur128_init((unsigned)channels, (unsigned long)rate,
			      EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM | EBUR128_MODE_SAMPLE_PEAK);
	return r->m && r->w && r->ref ? 0 : -1;
}

/* Feeds n frames to all three; now and then compares the windows' energies. */
static void run_add(struct run *r, const float *x, long n, int compare)
{
	loud_meter_add(r->m, x, n);
	loud_meter_add(r->w, x, n);
	ebur128_add_frames_float(r->ref, x, (size_t)n);
	if (!compare)
		return;
	static const unsigned long ms[] = {10, 100, 400};
	for (int i = 0; i < 3; i++) {
		double want = lib_energy(r->ref, ms[i]);
		double got = loud_meter_energy(r->m, ms[i]), got_w = loud_meter_energy(r->w, ms[i]);
		note(&worst_energy, got, want);
		compared_energy++;
		if (!same(got, want) || !same(got_w, want))
			r->energy_bad++;
	}
}

/* Checks the totals against libebur128 and frees. */
static void run_end(struct run *r, const char *name)
{
	double want, got = loud_meter_lufs(r->m);
	if (ebur128_loudness_global(r->ref, &want) != EBUR128_SUCCESS || !isfinite(want))
		want = -HUGE_VAL;
	note(&worst_lufs, got, want);
	OK(same(got, want), "%s: %.12f LUFS, libebur128 %.12f", name, got, want);
	OK(r->energy_bad == 0, "%s: the windows' energies are libebur128's (%d differ)", name,
	   r->energy_bad);
	double lib_peak = 0;
	for (int c = 0; c < r->channels; c++) {
		double p;
		if (ebur128_sample_peak(r->ref, (unsigned)c, &p) == EBUR128_SUCCESS && p > lib_peak)
			lib_peak = p;
	}
	double want_pk = lib_peak > 0 ? 20 * log10(lib_peak) : -HUGE_VAL;
	OK(same(loud_meter_peak(r->m), want_pk), "%s: sample peak %.6f dBFS, libebur128 %.6f",
	   name, loud_meter_peak(r->m), want_pk);
	OK(loud_meter_lufs(r->w) == -HUGE_VAL, "%s: a meter without blocks has no integrated figure",
	   name);
	loud_meter_free(&r->m);
	loud_meter_free(&r->w);
	ebur128_destroy(&r->ref);
}

static uint32_t rnd_state = 12345;

static uint32_t rnd(void)
{
	rnd_state = rnd_state * 1664525u + 1013904223u;
	return rnd_state >> 8;
}

static double unif(void)
{
	return (rnd() & 0xffffff) / 16777216.0;
}

/* Feeds x (n frames) in pieces of random length up to maxpiece. */
static void feed(struct run *r, const float *x, long n, long maxpiece)
{
	long done = 0;
	while (done < n) {
		long k = 1 + (long)(unif() * (double)maxpiece);
		if (k > n - done)
			k = n - done;
		run_add(r, x + (size_t)done * (size_t)r->channels, k, unif() < 0.05);
		done += k;
	}
}

/* EBU Tech 3341 cases 1-5: stereo 1 kHz sines, level by level (seconds, dBFS). */
static void case_3341(const char *name, const double (*parts)[2], int nparts)
{
	const int rate = 48000;
	struct run r;
	if (run_start(&r, rate, 2) != 0) {
		OK(0, "%s: the meters start", name);
		return;
	}
	long t = 0;
	for (int p = 0; p < nparts; p++) {
		long n = lround(parts[p][0] * rate);
		float *x = xmalloc((size_t)n * 2 * sizeof *x);
		double amp = pow(10, parts[p][1] / 20);
		for (long i = 0; i < n; i++)
			x[2 * i] = x[2 * i + 1] = (float)(amp * sin(2 * M_PI * 1000 * (double)(t + i) / rate));
		feed(&r, x, n, 4800);
		t += n;
		free(x);
	}
	run_end(&r, name);
}

static void speech(int rate, int channels, double seconds)
{
	char name[80];
	snprintf(name, sizeof name, "speech-like, %d Hz, %s, %.0f s", rate,
		 channels == 1 ? "mono" : "stereo", seconds);
	struct run r;
	if (run_start(&r, rate, channels) != 0) {
		OK(0, "%s: the meters start", name);
		return;
	}
	int64_t n = (int64_t)(seconds * rate);
	float *x = xmalloc((size_t)n * (size_t)channels * sizeof *x);
	speechlike((uint32_t)rate + (uint32_t)channels, x, n, rate / 2, rate, channels);
	feed(&r, x, (long)n, rate / 3);
	free(x);
	run_end(&r, name);
}

/*
 * A random signal: pieces of white noise, tones and digital silence at
 * random levels (-90 to 0 dBFS), channels independent, fed in pieces of
 * random length (from one frame).
 */
static void random_signal(int idx, int rate, int channels)
{
	char name[80];
	snprintf(name, sizeof name, "random signal %d, %d Hz, %d channel(s)", idx, rate, channels);
	struct run r;
	if (run_start(&r, rate, channels) != 0) {
		OK(0, "%s: the meters start", name);
		return;
	}
	int parts = 2 + (int)(unif() * 8);
	for (int p = 0; p < parts; p++) {
		long n = (long)(unif() * 3.5 * rate) + 1;
		int kind = (int)(unif() * 3);
		float *x = xcalloc((size_t)n * (size_t)channels, sizeof *x);
		for (int c = 0; c < channels; c++) {
			double amp = pow(10, (-90 + 90 * unif()) / 20), f = 20 + unif() * 0.45 * rate;
			for (long i = 0; i < n && kind != 2; i++)
				x[(size_t)i * (size_t)channels + (size_t)c] = (float)(kind == 0
					? amp * (2 * unif() - 1) : amp * sin(2 * M_PI * f * (double)i / rate));
		}
		feed(&r, x, n, unif() < 0.3 ? 7 : rate / 2);
		free(x);
	}
	run_end(&r, name);
}

/*
 * A tone, 12 s of digital silence (long enough for the filter's state to
 * decay past DBL_MIN, where libebur128's flush to zero acts), a tone.
 */
static void decay(int rate, int channels)
{
	char name[80];
	snprintf(name, sizeof name, "tone, 12 s of silence, tone, %d Hz, %d channel(s)", rate,
		 channels);
	struct run r;
	if (run_start(&r, rate, channels) != 0) {
		OK(0, "%s: the meters start", name);
		return;
	}
	long n = 14L * rate;
	float *x = xcalloc((size_t)n * (size_t)channels, sizeof *x);
	for (long i = 0; i < n; i++)
		if (i < rate || i >= 13L * rate)
			for (int c = 0; c < channels; c++)
				x[(size_t)i * (size_t)channels + (size_t)c] =
					(float)(0.3 * sin(2 * M_PI * (60 + 40 * c) * (double)i / rate));
	feed(&r, x, n, rate / 7);
	free(x);
	run_end(&r, name);
}

/* libebur128's integrated loudness of n frames of x, with lead frames of zeros before and after. */
static double lib_lufs(const float *x, long n, int rate, int channels, long lead)
{
	ebur128_state *st = ebur128_init((unsigned)channels, (unsigned long)rate,
					 EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
	float *z = xcalloc((size_t)(lead > 0 ? lead : 1) * (size_t)channels, sizeof *z);
	double l;
	ebur128_add_frames_float(st, z, (size_t)lead);
	ebur128_add_frames_float(st, x, (size_t)n);
	ebur128_add_frames_float(st, z, (size_t)lead);
	if (ebur128_loudness_global(st, &l) != EBUR128_SUCCESS || !isfinite(l))
		l = -HUGE_VAL;
	ebur128_destroy(&st);
	free(z);
	return l;
}

/*
 * loud_meter_new_padded: the frames alone, and between 400 ms of silence,
 * from one meter, against two libebur128 meters fed those streams.
 */
static void padded(int rate, int channels, long n, int kind)
{
	char name[100];
	snprintf(name, sizeof name, "padded meter, %d Hz, %d channel(s), %ld frames, %s", rate,
		 channels, n, kind ? "speech-like" : "noise and silence");
	long lead = (long)ceil(0.4 * rate);
	struct loud_meter *m = loud_meter_new_padded(rate, channels, lead);
	if (m == NULL) {
		OK(0, "%s: the meter starts", name);
		return;
	}
	float *x = xcalloc((size_t)n * (size_t)channels, sizeof *x);
	if (kind)
		speechlike((uint32_t)n, x, n, n / 5, rate, channels);
	else
		for (long i = 0; i < n; i++)
			for (int c = 0; c < channels; c++)
				x[(size_t)i * (size_t)channels + (size_t)c] =
					(float)((i / (rate / 3)) % 2 ? 0 : 0.2 * (2 * unif() - 1));
	for (long done = 0; done < n;) {
		long k = 1 + (long)(unif() * rate / 4);
		k = k > n - done ? n - done : k;
		loud_meter_add(m, x + (size_t)done * (size_t)channels, k);
		done += k;
	}
	double alone = loud_meter_lufs(m), pad = loud_meter_lufs_padded(m);
	double want_alone = lib_lufs(x, n, rate, channels, 0);
	double want_pad = lib_lufs(x, n, rate, channels, lead);
	note(&worst_lufs, alone, want_alone);
	note(&worst_lufs, pad, want_pad);
	OK(same(alone, want_alone) && same(pad, want_pad),
	   "%s: alone %.12f, padded %.12f LUFS; libebur128 %.12f, %.12f", name, alone, pad,
	   want_alone, want_pad);
	OK(same(loud_meter_lufs(m), alone), "%s: the padded figure leaves the meter as it was", name);
	loud_meter_free(&m);
	free(x);
}

/*
 * Two mono streams in the two lanes of one meter (loud_meter_add_lanes,
 * as the chunk meter measures an MP3 and an Opus chunk together): the
 * energy of each lane's last 10, 100 and 400 ms is a mono meter's of that
 * stream alone, bit for bit, at every piece's end (pieces of random
 * length, noise against speech, digital silence long enough for the
 * filter's state to go under DBL_MIN in one lane only).
 */
static void lanes(int rate, double seconds)
{
	long n = (long)(seconds * rate);
	float *a = xcalloc((size_t)n, sizeof *a), *b = xcalloc((size_t)n, sizeof *b);
	speechlike(7, a, n, rate / 2, rate, 1);
	for (long i = 0; i < n / 3; i++)
		b[i] = (float)(unif() * 2 - 1) * 0.3f;   /* noise, then silence */
	struct loud_meter *m2 = loud_meter_new_windows(rate, 2, LOUD_PEAK_NONE);
	struct loud_meter *ma = loud_meter_new_windows(rate, 1, LOUD_PEAK_NONE);
	struct loud_meter *mb = loud_meter_new_windows(rate, 1, LOUD_PEAK_NONE);
	long done = 0, compared = 0, differ = 0;
	while (done < n) {
		long k = 1 + (long)(unif() * 3000);
		if (k > n - done)
			k = n - done;
		differ += loud_meter_add_lanes(m2, a + done, b + done, k) != 0;
		loud_meter_add(ma, a + done, k);
		loud_meter_add(mb, b + done, k);
		done += k;
		static const unsigned long ms[] = {10, 100, 400};
		for (int w = 0; w < 3; w++) {
			if ((unsigned long)done * 1000 < ms[w] * (unsigned long)rate)
				continue;
			double e[2] = {-2, -2}, ea = loud_meter_energy(ma, ms[w]),
			       eb = loud_meter_energy(mb, ms[w]);
			differ += loud_meter_energy_lanes(m2, ms[w], e) != 0;
			differ += memcmp(&e[0], &ea, sizeof ea) != 0 || memcmp(&e[1], &eb, sizeof eb) != 0;
			compared++;
		}
	}
	OK(differ == 0 && compared > 0, "lanes at %d Hz, %.0f s: each lane's energy is its mono "
	   "meter's, bit for bit (%ld windows compared, %ld differ)", rate, seconds, compared, differ);
	double e[2];
	OK(loud_meter_energy_lanes(ma, 10, e) != 0 && loud_meter_add_lanes(ma, a, b, 1) != 0,
	   "a mono meter has no lanes");
	loud_meter_free(&m2);
	loud_meter_free(&ma);
	loud_meter_free(&mb);
	free(a);
	free(b);
}

int main(void)
{
	static const double c1[][2] = {{20, -23}}, c2[][2] = {{20, -33}};
	static const double c3[][2] = {{10, -36}, {60, -23}, {10, -36}};
	static const double c4[][2] = {{10, -72}, {10, -36}, {60, -23}, {10, -36}, {10, -72}};
	static const double c5[][2] = {{20, -26}, {20.1, -20}, {20, -26}};
	case_3341("3341 case 1", c1, 1);
	case_3341("3341 case 2", c2, 1);
	case_3341("3341 case 3", c3, 3);
	case_3341("3341 case 4", c4, 5);
	case_3341("3341 case 5", c5, 3);

	static const int rates[] = {22050, 44100, 48000, 96000};
	for (int i = 0; i < 4; i++)
		for (int ch = 1; ch <= 2; ch++)
			speech(rates[i], ch, 30);

	for (int i = 0; i < 4; i++)
		decay(rates[i], 1 + i % 2);

	/* 8004 Hz: a ring of five 100 ms steps, libebur128's general case. */
	static const int rrates[] = {22050, 44100, 48000, 96000, 8004};
	for (int i = 0; i < 30; i++)
		random_signal(i, rrates[i % 5], 1 + i % 2);

	static const int prates[] = {22050, 44100, 48000, 96000};
	for (int i = 0; i < 4; i++) {
		long lead = (long)ceil(0.4 * prates[i]);
		long lens[] = {lead, lead + 1, lead + prates[i] / 10 - 1, 3 * lead + 17,
			       prates[i] * 9 + 333};
		for (int j = 0; j < 5; j++)
			padded(prates[i], 1 + (i + j) % 2, lens[j], j % 2);
	}
	lanes(48000, 20);
	lanes(44100, 12);
	lanes(8004, 12);
		struct loud_meter *nm = loud_meter_new_padded(8004, 1, 3201);
	OK(nm == NULL, "no padded meter where 400 ms is not four 100 ms steps (8004 Hz)");
	loud_meter_free(&nm);
	nm = loud_meter_new_padded(48000, 1, 19199);
	OK(nm == NULL, "no padded meter for another lead than 400 ms");
	loud_meter_free(&nm);

	printf("# largest difference from libebur128: %g LU integrated, %g in %ld window energies\n",
	       worst_lufs, worst_energy, compared_energy);
	OK(worst_lufs == 0 && worst_energy == 0, "every figure is libebur128's to the last bit");

	/* The comparison can fail: a signal 0.05 dB louder is seen. */
	struct run r;
	if (run_start(&r, 48000, 1) == 0) {
		int64_t n = 48000 * 10;
		float *x = xmalloc((size_t)n * sizeof *x);
		speechlike(7, x, n, 0, 48000, 1);
		loud_meter_add(r.m, x, (long)n);
		for (int64_t i = 0; i < n; i++)
			x[i] *= (float)pow(10, 0.05 / 20);
		ebur128_add_frames_float(r.ref, x, (size_t)n);
		double got = loud_meter_lufs(r.m), want;
		ebur128_loudness_global(r.ref, &want);
		OK(got != want, "a signal 0.05 dB louder reads differently (%.12f, %.12f)", got, want);
		free(x);
		loud_meter_free(&r.m);
		loud_meter_free(&r.w);
		ebur128_destroy(&r.ref);
	}
	return harness_done();
}
