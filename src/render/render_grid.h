/*
 * render_grid.h: which formats the render makes from encoded chunks, and
 * the frame grid the timeline's sounds start on so that chunk boundaries
 * fall on every chunked format's frames.
 *
 * In: a format and the timeline's rate. Out: yes or no; a grid in frames.
 * Used by render.c and render_chunks.c, and by the build (through
 * render.h) to align the timeline before the render.
 */
#ifndef PODSYNTH_RENDER_GRID_H
#define PODSYNTH_RENDER_GRID_H

#include <stdint.h>

#include "show/show.h"

/* Can fmt be made from chunks at rate (no music bed)? */
int render_chunkable(enum audio_format fmt, int rate);
/*
 * The frame grid the timeline's sounds should start on for the chunked
 * ones among fmts at rate, in frames: the least common multiple of their
 * frame lengths when it is at most 150 ms, else the first one's; 0 when
 * none is chunked.
 */
int64_t render_chunk_grid(int rate, const enum audio_format *fmts, int n);

#endif
