/*
 * test_bed.c: the built-in pad (bed.c) rendered by rotation against its
 * direct formula (bed_pad_sample, a sin() per partial), and the same frames
 * whatever pieces the caller asks for.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "audio/bed.h"
#include "core/util.h"
#include "harness.h"

/* The largest |render - formula| over every stride-th frame of the loop. */
static double worst(int rate, const float *x, int64_t loop, int stride)
{
	double d = 0;
	for (int64_t k = 0; k < loop; k += stride) {
		double e = fabs((double)x[k] - bed_pad_sample(rate, k));
		if (e > d)
			d = e;
	}
	return d;
}

int main(void)
{
	static const int rates[] = {44100, 48000, 22050};
	for (size_t r = 0; r < sizeof rates / sizeof rates[0]; r++) {
		int rate = rates[r];
		int64_t loop = (int64_t)PAD_SECONDS * rate;
		float *x = xmalloc((size_t)loop * sizeof *x);
		bed_pad_render(rate, 0, x, (long)loop);
		double peak = 0;
		for (int64_t k = 0; k < loop; k++)
			if (fabs(x[k]) > peak)
				peak = fabs(x[k]);
		/* every frame at 44.1 kHz, every seventh at the other rates */
		double d = worst(rate, x, loop, rate == 44100 ? 1 : 7);
		/* the float output's own rounding is about 1e-8 at these levels */
		OK(peak > 0.05 && d <= 1e-7,
		   "%d Hz: the rotated pad is within 1e-7 of the formula (worst %.2e, peak %.3f)",
		   rate, d, peak);
		/* pieces of odd sizes, one across the loop's end */
		float *y = xmalloc((size_t)loop * sizeof *y);
		int same = 1;
		for (int64_t at = 0; at < loop;) {
			long n = (long)(1 + (at * 7919) % 1000);
			if (at + n > loop)
				n = (long)(loop - at);
			bed_pad_render(rate, at, y + at, n);
			at += n;
		}
		for (int64_t k = 0; k < loop; k++)
			same &= x[k] == y[k];
		float wrap[300];
		bed_pad_render(rate, loop - 100, wrap, 300);
		for (int i = 0; i < 300; i++)
			same &= wrap[i] == x[(loop - 100 + i) % loop];
		OK(same, "%d Hz: the same frames in any pieces, and across the loop's end", rate);
		free(x);
		free(y);
	}
	return harness_done();
}
