/*
 * render_grid.c: the formats made from chunks, and the grid their frames
 * share (render_grid.h).
 *
 * In: a format and a rate. Out: whether the chunk encoders (chunk.h) take
 * it; the least common multiple of the chunked formats' frame lengths.
 */
#include "render_grid.h"

#include <stdlib.h>
#include <string.h>

#include "codec/codec.h"

/* The largest grid: pauses grow by less than this. */
#define GRID_MAX_MS 150

/* Has fmt a chunk encoder at rate? */
static int chunk_format_ok(enum audio_format fmt, int rate)
{
	struct chunk_params p = {fmt == FMT_MP3 ? CHUNK_MP3 : CHUNK_OPUS, rate, 1, 64, 0};
	struct chunk_span s;
	if (fmt != FMT_MP3 && fmt != FMT_OPUS)
		return 0;
	return chunk_span_make(&p, 0, rate, 1, 1, &s) == 0;
}

int render_chunkable(enum audio_format fmt, int rate)
{
	/* Test hook: every format encoded whole, on the same timeline. */
	const char *whole = getenv("PODSYNTH_TEST_WHOLE");
	if (whole != NULL && *whole != '\0' && strcmp(whole, "0") != 0)
		return 0;
	return chunk_format_ok(fmt, rate);
}

static int64_t unit_of(enum audio_format fmt, int rate)
{
	return fmt == FMT_MP3 ? chunk_mp3_framesize(rate) : rate / 50;
}

static int64_t gcd64(int64_t a, int64_t b)
{
	while (b != 0) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

int64_t render_chunk_grid(int rate, const enum audio_format *fmts, int n)
{
	int64_t grid = 0, first = 0;
	for (int i = 0; i < n; i++) {
		if (!chunk_format_ok(fmts[i], rate))
			continue;
		int64_t u = unit_of(fmts[i], rate);
		if (first == 0)
			first = grid = u;
		else
			grid = grid / gcd64(grid, u) * u;
	}
	return grid * 1000 <= (int64_t)GRID_MAX_MS * rate ? grid : first;
}

