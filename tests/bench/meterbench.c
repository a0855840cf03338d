/*
 * meterbench.c: the loudness meter alone (loudness.h), for instruction
 * counts: 60 s of speech-like audio at 48 kHz fed to loud_meter_add in
 * pieces of 4096 frames, then its integrated loudness.
 *
 *     build/meterbench [none|sample|true|windows|chunk|limited] [channels] [repeats]
 *
 * (windows: loud_meter_new_windows without peaks; chunk: with the true
 * peak, as the chunk meter measures; limited: one pass of the level search,
 * the audio 12 dB up through the limiter at -1 dBFS into the meter.)
 *     valgrind --tool=callgrind --toggle-collect='loud_meter_*' build/meterbench
 *     valgrind --tool=callgrind --toggle-collect='limiter_*' build/meterbench limited
 *
 * Prints the figures it measured (so that nothing is optimised away) and
 * the CPU time of the metering, the best of the repeats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../unit/speechlike.h"
#include "audio/audio.h"
#include "core/core.h"

#define RATE 48000

static int to_meter(void *ud, const float *f, long n)
{
	return loud_meter_add(ud, f, n);
}
#define PIECE 4096

int main(int argc, char **argv)
{
	const char *kind = argc > 1 ? argv[1] : "none";
	int ch = argc > 2 ? atoi(argv[2]) : 1;
	int repeats = argc > 3 ? atoi(argv[3]) : 1;
	enum loud_peak peak = strcmp(kind, "true") == 0 || strcmp(kind, "chunk") == 0 ? LOUD_PEAK_TRUE
			    : strcmp(kind, "sample") == 0 ? LOUD_PEAK_SAMPLE : LOUD_PEAK_NONE;
	if (ch < 1 || ch > 2) {
		fprintf(stderr, "meterbench: channels must be 1 or 2\n");
		return 2;
	}
	int64_t n = (int64_t)RATE * 60;
	float *x = xmalloc((size_t)n * (size_t)ch * sizeof *x);
	speechlike(1, x, n, RATE / 2, RATE, ch);
	double best = HUGE_VAL;
	for (int rep = 0; rep < repeats; rep++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
		struct loud_meter *m = strcmp(kind, "windows") == 0 || strcmp(kind, "chunk") == 0
			? loud_meter_new_windows(RATE, ch, peak)
			: loud_meter_new(RATE, ch, peak);
		if (m == NULL)
			return 1;
		double e = 0;
		struct limiter *lim = NULL;
		if (strcmp(kind, "limited") == 0) {
			struct limiter_out lo = {12.0, -1.0, to_meter, m};
			if ((lim = limiter_new(RATE, ch, &lo, 1)) == NULL)
				return 1;
		}
		for (int64_t i = 0; i < n; i += PIECE) {
			long k = n - i < PIECE ? (long)(n - i) : PIECE;
			const float *p = x + (size_t)i * (size_t)ch;
			if ((lim ? limiter_process(lim, p, k) : loud_meter_add(m, p, k)) != 0)
				return 1;
			e += loud_meter_energy(m, 10);
		}
		if (lim && limiter_drain(lim) != 0)
			return 1;
		limiter_free(&lim);
		double l = loud_meter_lufs(m), pk = loud_meter_peak(m);
		loud_meter_free(&m);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
		double s = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
		best = s < best ? s : best;
		if (rep == 0)
			printf("%.9f LUFS, peak %.6f dB, energy sum %.9g\n", l, pk, e);
	}
	printf("meter CPU %.4f s (best of %d)\n", best, repeats);
	free(x);
	return 0;
}
